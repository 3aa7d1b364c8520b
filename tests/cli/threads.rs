//! Growth-area threads: a check-in says which strengths and growth areas
//! it discussed (`--about`, or the walk-through), `show` tells how often
//! and when each came up, and a sponsor hears of a growth area the last
//! three meetings left out.

use serde_json::Value;

use crate::env::TestEnv;
use crate::fixtures::Journal;
use crate::interactive::{DOWN, answer, finish, spawn};

/// Grace, sponsored by you, with a strength s1 and growth areas c1 and
/// c2, and three meetings since she opted in that discussed neither.
fn grace(env: &TestEnv) -> Journal<'_> {
    let journal = Journal::new(env);
    journal.relationship(
        "grace",
        r#"
        person = "Grace Hopper"
        kind = "sponsoring"
        role = "sponsor"
        status = "active"
        started = 2026-09-01
        cadence = "biweekly"
        purpose = "Staff engineer"
        destination = "Staff engineer in the H1 cycle"
        opted_in = 2026-09-01

        [last_id]
        strength = 1
        growth = 2

        [[strength]]
        id = "s1"
        text = "Deep storage expertise"
        added = 2026-09-01

        [[growth]]
        id = "c1"
        text = "Influence across teams"
        added = 2026-09-01

        [[growth]]
        id = "c2"
        text = "Writing for executives"
        added = 2026-09-01
        "#,
    );
    for day in ["2026-10-15", "2026-10-29", "2026-11-12"] {
        journal.checkin("grace", &format!("{day}-1"), &format!("date = {day}\n"));
    }
    journal
}

fn quiet(env: &TestEnv) -> Vec<(String, u64)> {
    let status: Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    status["attention"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["key"] == "growth-area-quiet")
        .map(|a| {
            assert_eq!(a["informational"], true);
            (
                a["id"].as_str().unwrap().to_string(),
                a["meetings_since"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_checkin_about_a_growth_area_keeps_its_thread() {
    let env = TestEnv::new();
    grace(&env);
    assert_eq!(quiet(&env), [("c1".to_string(), 3), ("c2".to_string(), 3)]);

    let run = env.run(&[
        "checkin",
        "grace",
        "-m",
        "Private: her manager worries.",
        "--about",
        "c1,s1",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stderr.contains("about c1, s1"), "{}", run.stderr);
    let file = env.checkin_text("grace", "2026-11-26-1");
    assert!(file.contains("about = [\"c1\", \"s1\"]\n"), "{file}");
    let rel = env.relationship("grace");
    assert_eq!(
        rel["growth"][0]["discussed"].as_array().unwrap()[0]
            .as_datetime()
            .unwrap()
            .to_string(),
        "2026-11-26"
    );
    assert!(rel["growth"][1].get("discussed").is_none());
    assert!(rel["strength"][0].get("discussed").is_some());

    // c1 came up today; c2 has now missed four meetings.
    assert_eq!(quiet(&env), [("c2".to_string(), 4)]);
    let show = env.ok(&["show", "grace"]);
    insta::assert_snapshot!("threads_show", show);
    let text = env.ok(&["status"]);
    assert!(
        text.contains(
            "grace: growth area c2 \"Writing for executives\" has not come up in 4 meetings (never discussed yet)"
        ),
        "{text}"
    );
    assert!(text.contains("→ rel checkin grace --about c2"), "{text}");
    env.ok(&["check"]);
}

#[test]
fn only_strengths_and_growth_areas_of_the_relationship_can_be_discussed() {
    let env = TestEnv::new();
    grace(&env);
    let run = env.refuses(1, &["checkin", "grace", "--about", "a1"]);
    insta::assert_snapshot!("threads_about_an_action", run.stderr);
    let run = env.refuses(1, &["checkin", "grace", "--about", "c9"]);
    insta::assert_snapshot!("threads_about_nothing", run.stderr);
    let run = env.refuses(1, &["checkin", "grace", "--about", "zz"]);
    assert!(run.stderr.contains("--about"), "{}", run.stderr);
}

#[test]
fn a_hand_edited_about_is_checked_and_applied_by_rel_edit() {
    let env = TestEnv::new();
    grace(&env);
    env.write(
        "relationships/grace/checkins/2026-11-12-1.toml",
        "date = 2026-11-12\nabout = [\"c2\", \"a4\"]\n",
    );
    let run = env.fails(2, &["check"]);
    assert!(
        run.stdout
            .contains("about lists a4, which is not a strength or growth area")
            || run
                .stderr
                .contains("about lists a4, which is not a strength or growth area"),
        "{}",
        run.transcript()
    );
    env.write(
        "relationships/grace/checkins/2026-11-12-1.toml",
        "date = 2026-11-12\nabout = [\"c2\"]\n",
    );
    let run = env.run(&["check"]);
    assert!(
        run.transcript()
            .contains("growth area c2 does not list 2026-11-12 among the days it was discussed"),
        "{}",
        run.transcript()
    );
    // Written through rel edit, the discussion is recorded.
    env.write(
        "relationships/grace/checkins/2026-11-12-1.toml",
        "date = 2026-11-12\n",
    );
    let editor = env.tmp().join("editor");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf 'date = 2026-11-12\\nabout = [\"c2\"]\\n' > \"$1\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let run =
        env.run_with(
            env.cmd()
                .env("EDITOR", &editor)
                .args(["edit", "grace", "2026-11-12-1"]),
        );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains("growth area c2 discussed"),
        "{}",
        run.stderr
    );
    env.ok(&["check"]);
    assert_eq!(quiet(&env), [("c1".to_string(), 3)]);
}

#[test]
fn the_walk_through_asks_what_was_discussed_and_what_to_share() {
    let env = TestEnv::new();
    grace(&env);
    let mut p = spawn(&env, &["checkin", "grace"]);
    p.exp_string("When did you meet?").unwrap();
    answer(&mut p, "\r");
    p.exp_string("How valuable was it").unwrap();
    answer(&mut p, "\r");
    p.exp_string("Notes, a line at a time").unwrap();
    answer(&mut p, "Her manager worries about her hours.\r");
    p.exp_string("and (Enter when done)").unwrap();
    answer(&mut p, "\r");
    for _ in 0..3 {
        p.exp_string("(Enter").unwrap();
        answer(&mut p, "\r");
    }
    p.exp_string("Which strengths or growth areas did you discuss?")
        .unwrap();
    p.exp_string("c2 Writing for executives (growth area)")
        .unwrap();
    p.exp_string("s1 Deep storage expertise (strength)")
        .unwrap();
    // c1, c2, then s1: pick the second and the third.
    answer(&mut p, DOWN);
    answer(&mut p, " ");
    answer(&mut p, DOWN);
    answer(&mut p, " ");
    answer(&mut p, "\r");
    p.exp_string("Anything to share with them in the recap?")
        .unwrap();
    answer(&mut p, "Great session: the exec memo is nearly there.\r");
    p.exp_string("and (Enter when done)").unwrap();
    answer(&mut p, "\r");
    p.exp_string("A new action for you").unwrap();
    answer(&mut p, "\r");
    p.exp_string("A new action for them").unwrap();
    answer(&mut p, "\r");
    p.exp_string("review the relationship itself?").unwrap();
    answer(&mut p, "n");
    p.exp_string("Next meeting?").unwrap();
    answer(&mut p, "\r");
    let rest = finish(p);
    assert!(rest.contains("about c2, s1"), "{rest}");
    let file: toml::Table = env.checkin_text("grace", "2026-11-26-1").parse().unwrap();
    assert_eq!(
        file["about"].as_array().unwrap(),
        &vec![toml::Value::from("c2"), toml::Value::from("s1")]
    );
    assert_eq!(
        file["shared"].as_str(),
        Some("Great session: the exec memo is nearly there.")
    );
    assert_eq!(
        file["notes"].as_str(),
        Some("Her manager worries about her hours.")
    );
}
