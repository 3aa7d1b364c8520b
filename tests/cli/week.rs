//! `rel week`: the days ahead, from the same assessment every view reads.

use serde_json::Value;

use crate::env::TestEnv;
use crate::fixtures::Journal;
use crate::fixtures::sample_journal;

fn json(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["week", "--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&env.ok(&all)).unwrap()
}

/// Every entry of the agenda as `day kind handle how-or-id`.
fn lines(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for day in doc["days"].as_array().unwrap() {
        for e in day["entries"].as_array().unwrap() {
            let what = e
                .get("how")
                .or_else(|| e.get("id"))
                .and_then(Value::as_str)
                .unwrap_or("");
            out.push(format!(
                "{} {} {} {what}{}",
                day["date"].as_str().unwrap(),
                e["kind"].as_str().unwrap(),
                e["handle"].as_str().unwrap(),
                if e["late"] == true { " late" } else { "" }
            ));
        }
    }
    out
}

#[test]
fn the_sample_journals_week_fits_one_screen() {
    let env = sample_journal();
    let text = env.ok(&["week"]);
    insta::assert_snapshot!("week_sample", text);
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows.len() <= 40, "{} lines:\n{text}", rows.len());
    for row in &rows {
        assert!(
            unicode_width::UnicodeWidthStr::width(*row) <= 100,
            "wider than 100 columns: {row:?}"
        );
    }
    insta::assert_snapshot!("week_sample_next", env.ok(&["week", "--next"]));
    let doc = json(&env, &[]);
    assert_eq!(doc["version"], 1);
    assert_eq!(
        (doc["from"].as_str(), doc["to"].as_str()),
        (Some("2026-11-26"), Some("2026-12-02"))
    );
    insta::assert_snapshot!(
        "week_sample_json",
        env.ok(&["week", "--json", "--days", "2"])
    );
}

/// Each meeting raises what its prep raises first, and asks what it asks.
#[test]
fn a_meeting_says_what_its_prep_says() {
    let env = sample_journal();
    let doc = json(&env, &["--days", "14"]);
    let mut meetings = 0;
    for day in doc["days"].as_array().unwrap() {
        for e in day["entries"].as_array().unwrap() {
            if e["kind"] != "meeting" {
                continue;
            }
            meetings += 1;
            let handle = e["handle"].as_str().unwrap();
            let prep = env.ok(&["prep", handle]);
            let prep = prep.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(message) = e["raise"]["message"].as_str() {
                assert!(
                    prep.contains(&format!("Raise first: {message}")),
                    "{handle}: {message:?} not in\n{prep}"
                );
            }
            let ask = e["ask"].as_str().unwrap();
            assert!(prep.contains(&format!("Ask: {ask}")), "{handle}: {ask:?}");
        }
    }
    assert!(meetings >= 6, "{meetings} meetings");
}

/// A biweekly mentoring that last met on `last`, planning `next`.
fn ada(env: &TestEnv, last: &str, next: Option<&str>, extra: &str) {
    let next = next.map(|n| format!("next = {n}\n")).unwrap_or_default();
    Journal::new(env)
        .relationship(
            "ada",
            &format!(
                r#"
                person = "Ada Lovelace"
                kind = "mentoring"
                role = "mentor"
                status = "active"
                started = 2026-09-01
                cadence = "biweekly"
                purpose = "Tech lead"
                {extra}
                "#
            ),
        )
        .checkin(
            "ada",
            &format!("{last}-1"),
            &format!("date = {last}\n{next}"),
        );
}

#[test]
fn a_meeting_is_the_one_planned_else_the_one_the_cadence_makes_due() {
    // Due by the cadence on 2026-11-30.
    let env = TestEnv::new();
    ada(&env, "2026-11-16", None, "");
    assert_eq!(lines(&json(&env, &[])), ["2026-11-30 meeting ada due"]);
    // Planned for a day of its own.
    let env = TestEnv::new();
    ada(&env, "2026-11-16", Some("2026-12-01"), "");
    assert_eq!(lines(&json(&env, &[])), ["2026-12-01 meeting ada planned"]);
    // Planned for after this week: nothing this week, something the next.
    let env = TestEnv::new();
    ada(&env, "2026-11-20", Some("2026-12-07"), "");
    assert!(lines(&json(&env, &[])).is_empty());
    assert_eq!(
        lines(&json(&env, &["--next"])),
        ["2026-12-07 meeting ada planned"]
    );
    let quiet = env.ok(&["week"]);
    assert!(quiet.contains("Nothing planned or due"), "{quiet}");
    // Late by the cadence: owed today.
    let env = TestEnv::new();
    ada(&env, "2026-10-20", None, "");
    assert_eq!(
        lines(&json(&env, &[])),
        ["2026-11-26 meeting ada late late"]
    );
    assert!(lines(&json(&env, &["--next"])).is_empty());
    // A planned meeting that passed unrecorded.
    let env = TestEnv::new();
    ada(&env, "2026-11-16", Some("2026-11-23"), "");
    assert_eq!(
        lines(&json(&env, &[])),
        ["2026-11-26 meeting ada missed late"]
    );
    // Snoozed: no nudge from the cadence.
    let env = TestEnv::new();
    ada(&env, "2026-10-20", None, "snoozed_until = 2026-12-31");
    assert!(lines(&json(&env, &[])).is_empty());
    // Paused: nothing at all.
    let env = TestEnv::new();
    ada(&env, "2026-10-20", None, "");
    env.ok(&["pause", "ada"]);
    assert!(lines(&json(&env, &[])).is_empty());
}

#[test]
fn promises_mine_first_then_theirs_then_waypoints_goals_and_time_boxes() {
    let env = TestEnv::new();
    Journal::new(&env)
        .relationship(
            "linus",
            r#"
            person = "Linus Berg"
            kind = "reverse-mentoring"
            role = "learner"
            status = "active"
            started = 2026-09-01
            cadence = "monthly"
            until = 2026-11-30
            sessions = 8

            [last_id]
            goal = 1
            action = 3

            [[goal]]
            id = "g1"
            text = "Review a patch alone"
            added = 2026-09-01
            due = 2026-11-28

            [[action]]
            id = "a1"
            text = "Send the patch"
            owner = "them"
            added = 2026-11-01
            due = 2026-11-27

            [[action]]
            id = "a2"
            text = "Read the style guide"
            owner = "me"
            added = 2026-11-01
            due = 2026-11-27

            [[action]]
            id = "a3"
            text = "Book the room"
            owner = "me"
            added = 2026-11-01
            due = 2026-11-20
            "#,
        )
        .checkin("linus", "2026-11-20-1", "date = 2026-11-20\n");
    assert_eq!(
        lines(&json(&env, &[])),
        [
            "2026-11-26 action linus a3 late",
            "2026-11-27 action linus a2",
            "2026-11-27 action linus a1",
            "2026-11-28 goal linus g1",
            "2026-11-30 time-box-end linus ",
        ]
    );
    insta::assert_snapshot!("week_items", env.ok(&["week"]));
    // The day after the time box ends, it is owed: conclude, extend or
    // evolve.
    let after: Value =
        serde_json::from_str(&env.ok(&["--as-of", "2026-12-01", "week", "--json"])).unwrap();
    assert!(
        lines(&after).contains(&"2026-12-01 time-box-over linus  late".to_string()),
        "{:?}",
        lines(&after)
    );
}

#[test]
fn the_days_are_checked() {
    let env = TestEnv::new();
    let run = env.fails(1, &["week", "--days", "0"]);
    assert!(run.stderr.contains("--days"), "{}", run.stderr);
}
