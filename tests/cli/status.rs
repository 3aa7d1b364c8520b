//! `rel status` and `rel show`.

use crate::env::TestEnv;
use crate::fixtures::Journal;

#[test]
fn an_empty_journal_says_how_to_start() {
    let env = TestEnv::new();
    let run = env.run(&["status"]);
    insta::assert_snapshot!(run.transcript());
    let json = env.ok(&["status", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["relationships"], serde_json::json!([]));
}

/// Three relationships, one of each kind, at different stages.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    let journal = Journal::new(&env);
    journal
        .relationship(
            "ada-lovelace",
            r#"
            person = "Ada Lovelace"
            kind = "mentoring"
            role = "mentor"
            status = "active"
            started = 2026-06-01
            cadence = "biweekly"
            purpose = "Grow into a tech lead"
            their_aims = "Lead a cross-team project"
            reviewed = 2026-10-01

            [agreement]
            date = 2026-06-03
            how = "Fortnightly"

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            goal = 1
            action = 1

            [[goal]]
            id = "g1"
            text = "Run a design review"
            added = 2026-06-01

            [[action]]
            id = "a1"
            text = "Draft the RFC"
            owner = "them"
            added = 2026-10-01
            checkin = "2026-10-01-1"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-10-01-1",
            r#"
            date = 2026-10-01
            rating = 3
            review = true

            [[opened]]
            id = "a1"
            text = "Draft the RFC"
            owner = "them"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-10-20-1",
            r#"
            date = 2026-10-20
            rating = 4
            notes = "Good one"
            "#,
        )
        .relationship(
            "grace",
            r#"
            person = "Grace Hopper"
            kind = "sponsoring"
            role = "sponsor"
            status = "active"
            started = 2026-08-01
            cadence = "monthly"
            purpose = "Sponsor Grace to staff"
            destination = "Staff engineer by 2027"
            "#,
        )
        .checkin(
            "grace",
            "2026-11-10-1",
            r#"
            date = 2026-11-10
            rating = 5
            "#,
        )
        .relationship(
            "linus",
            r#"
            person = "Linus"
            kind = "reverse-mentoring"
            role = "learner"
            status = "active"
            started = 2026-09-01
            cadence = "weekly"
            topic = "Kernel review"
            until = 2026-12-03
            sessions = 4
            "#,
        );
    for day in ["2026-11-05", "2026-11-12", "2026-11-19"] {
        journal.checkin("linus", &format!("{day}-1"), &format!("date = {day}"));
    }
    env
}

#[test]
fn the_overview_and_attention_list() {
    let env = journal();
    let run = env.run(&["status"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn the_overview_fits_narrow_and_wide_terminals() {
    let env = journal();
    for width in ["60", "100", "200"] {
        let run = env.run_with(env.cmd().env("COLUMNS", width).arg("status"));
        for line in run.stdout.lines() {
            assert!(
                line.chars().count() <= width.parse().unwrap(),
                "{width}: {line:?}"
            );
        }
        insta::assert_snapshot!(format!("overview_{width}"), run.stdout);
    }
}

/// The legend explains the columns shown and no others, at any width,
/// and never breaks a phrase of it over two lines.
#[test]
fn the_legend_explains_only_the_columns_shown() {
    let env = journal();
    let mut seen = std::collections::BTreeSet::new();
    for width in (30..=120).step_by(2) {
        let run = env.run_with(env.cmd().env("COLUMNS", width.to_string()).arg("status"));
        let header = run.stdout.lines().next().unwrap_or("");
        let (table, rest) = run.stdout.split_once("\n\n").unwrap();
        let legend = rest.split("Needs you").next().unwrap();
        for (column, explained) in [
            ("understood", "understood: what you want"),
            ("understood", "● met  ◐ partly  ○ missing"),
            ("actions", "actions: mine/theirs"),
        ] {
            let shown = header.split_whitespace().any(|h| h == column);
            assert_eq!(
                legend.contains(explained),
                shown,
                "at {width} columns, {column} is {}shown:\n{table}\n\n{legend}",
                if shown { "" } else { "not " }
            );
            seen.insert((column, shown));
        }
    }
    assert_eq!(seen.len(), 4, "every column both shown and not: {seen:?}");
}

#[test]
fn reports_for_each_kind() {
    let env = journal();
    for handle in ["ada-lovelace", "grace", "linus"] {
        let run = env.run(&["status", handle]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        insta::assert_snapshot!(format!("report_{handle}"), run.stdout);
        assert_eq!(
            env.run(&["show", handle]).stdout,
            run.stdout,
            "show is status HANDLE"
        );
    }
}

#[test]
fn json_is_complete_and_parses() {
    let env = journal();
    let value: serde_json::Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    assert_eq!(value["as_of"], "2026-11-26");
    let rels = value["relationships"].as_array().unwrap();
    assert_eq!(rels.len(), 3);
    let ada = &rels[0];
    assert_eq!(ada["handle"], "ada-lovelace");
    assert_eq!(ada["last_checkin"], "2026-10-20");
    assert_eq!(ada["timing"], "overdue");
    assert_eq!(ada["health"], "red");
    assert_eq!(ada["open_actions"]["theirs"], 1);
    assert_eq!(ada["understandings"]["want"]["level"], "met");
    assert!(
        value["attention"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["message"] == "no check-in for 37 days (cadence biweekly)")
    );

    let report: serde_json::Value =
        serde_json::from_str(&env.ok(&["status", "linus", "--json"])).unwrap();
    assert_eq!(report["relationship"]["sessions"], 4);
    assert_eq!(report["recent_checkins"].as_array().unwrap().len(), 3);
    assert_eq!(report["recent_checkins"][0]["id"], "2026-11-19-1");
}

#[test]
fn as_of_makes_reports_reproducible() {
    let env = journal();
    let early = env.run_with(
        env.cmd()
            .env("REL_TODAY", "2026-10-21")
            .args(["status", "--json"]),
    );
    let value: serde_json::Value = serde_json::from_str(&early.stdout).unwrap();
    assert_eq!(value["relationships"][0]["timing"], "on-track");
    let flag = env.ok(&["--as-of", "2026-10-21", "status", "--json"]);
    assert_eq!(flag, early.stdout);
}

/// An overview reads a brief of each relationship that leaves acts of
/// advocacy and closed items out; as of a day before the last of them it
/// must read the whole relationship, or it would see the future.
#[test]
fn an_overview_of_the_past_sees_only_what_was_done_by_then() {
    let env = journal();
    env.ok(&[
        "advocate",
        "grace",
        "Put her forward",
        "--date",
        "2026-11-20",
    ]);
    let fact = |as_of: &str, handle: &str, key: &str| {
        let out = env.ok(&["--as-of", as_of, "status", "--all", "--json"]);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let rel = value["relationships"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["handle"] == handle)
            .unwrap()
            .clone();
        let facts = rel["understandings"]["them"]["facts"].as_array().unwrap();
        let fact = facts.iter().find(|f| f["key"] == key).unwrap();
        fact["text"].as_str().unwrap().to_string()
    };
    for _ in 0..2 {
        assert_eq!(
            fact("2026-11-25", "grace", "advocacy"),
            "last act of advocacy 5 days ago"
        );
        assert_eq!(
            fact("2026-11-19", "grace", "advocacy"),
            "no act of advocacy recorded"
        );
    }
}

#[test]
fn a_broken_file_is_reported_and_the_rest_still_shows() {
    let env = journal();
    let broken = "person = \"Grace Hopper\"\nkind = \"sponsoring\"\nrole = 5\n";
    env.write("relationships/grace/relationship.toml", broken);
    let run = env.run(&["status"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("ada-lovelace") && run.stdout.contains("linus"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("grace "), "{}", run.stdout);
    assert!(
        run.stderr.contains("error: [TMP]/journal/relationships/grace/relationship.toml:3:8: invalid type: integer `5`, expected a string"),
        "{}",
        run.stderr
    );
    // Writes to it are refused, the file untouched.
    let run = env.refuses(2, &["checkin", "grace", "-m", "x"]);
    assert!(
        run.stderr.contains("relationship.toml:3:8"),
        "{}",
        run.stderr
    );
    assert_eq!(env.read("relationships/grace/relationship.toml"), broken);
}
