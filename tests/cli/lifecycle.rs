//! set, pause, resume, snooze, end, evolve, list.

use crate::env::TestEnv;
use crate::fixtures::Journal;

fn linus() -> TestEnv {
    let env = TestEnv::new();
    Journal::new(&env).relationship(
        "linus",
        r#"
        person = "Linus Berg"
        kind = "reverse-mentoring"
        role = "learner"
        status = "active"
        started = 2026-09-01
        cadence = "weekly"
        topic = "Kernel review"
        until = 2026-12-03
        sessions = 6

        # The highest id handed out so far: rel never reuses an id, so never lower these.
        [last_id]
        goal = 2

        [[goal]]
        id = "g1"
        text = "Review a patch alone"
        added = 2026-09-01

        [[goal]]
        id = "g2"
        text = "Know the maintainers"
        added = 2026-09-01
        "#,
    );
    env
}

#[test]
fn set_changes_fields_and_records_what_changed() {
    let env = linus();
    let run = env.run(&[
        "set",
        "linus",
        "--until",
        "2027-01-31",
        "--cadence",
        "biweekly",
        "--their-aims",
        "Visibility with leadership",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.stderr);
    let rel = env.relationship("linus");
    assert_eq!(
        rel["until"].as_datetime().unwrap().to_string(),
        "2027-01-31"
    );
    assert_eq!(rel["cadence"].as_str(), Some("biweekly"));
    // One event a field, each with every word of the old and new value.
    let events = rel["event"].as_array().unwrap();
    let until = events
        .iter()
        .find(|e| e["field"].as_str() == Some("until"))
        .unwrap();
    assert_eq!(until["what"].as_str(), Some("changed"));
    assert_eq!(until["old"].as_datetime(), None);
    assert_eq!(until["old"].as_str(), Some("2026-12-03"));
    assert_eq!(until["new"].as_str(), Some("2027-01-31"));
    let aims = events
        .iter()
        .find(|e| e["field"].as_str() == Some("their_aims"))
        .unwrap();
    assert!(aims.get("old").is_none(), "it was not set: {aims:?}");
    assert_eq!(aims["new"].as_str(), Some("Visibility with leadership"));

    // Empty text clears a field; saying the same again changes nothing.
    env.ok(&["set", "linus", "--their-aims", ""]);
    assert!(env.relationship("linus").get("their_aims").is_none());
    let before = env.files();
    let run = env.run(&["set", "linus", "--cadence", "biweekly"]);
    assert!(run.stderr.contains("Nothing changed"), "{}", run.stderr);
    assert_eq!(before, env.files());
}

#[test]
fn set_refusals() {
    let env = linus();
    let cases: &[(&[&str], &str)] = &[
        (&["set", "linus"], "nothing to change"),
        (
            &["set", "linus", "--destination", "Staff"],
            "--destination is for sponsoring relationships; linus is reverse-mentoring",
        ),
        (
            &["set", "linus", "--role", "mentor"],
            "linus is reverse-mentoring, so you are a learner or a expert, not a mentor",
        ),
        (
            &["set", "linus", "--person", " "],
            "the person's name cannot be empty",
        ),
        (
            &["set", "linus", "--until", "2020-01-01"],
            "--until 2020-01-01 is before the relationship started",
        ),
        (
            &["set", "linus", "--cadence", "sometimes"],
            "'sometimes' is not a cadence",
        ),
        (
            &["set", "linus", "--review-every", "x"],
            "'x' is not a cadence",
        ),
    ];
    for (args, message) in cases {
        let run = env.refuses(1, args);
        assert!(
            run.stderr.contains(message),
            "{args:?}: expected {message:?} in\n{}",
            run.stderr
        );
    }
}

#[test]
fn pause_resume_and_snooze_quiet_the_nudges() {
    let env = linus();
    let loud = env.ok(&["status"]);
    assert!(
        loud.contains("linus: first check-in due") || loud.contains("linus: no check-in since"),
        "{loud}"
    );

    env.ok(&["pause", "linus", "--note", "Leave"]);
    let paused = env.ok(&["status"]);
    assert!(
        !paused.contains("understood") && !paused.contains("linus: first check-in due"),
        "a paused relationship leaves the table and its nudges stop: {paused}"
    );
    assert!(
        paused.contains("Paused (1)") && paused.contains("paused since 2026-11-26 (today) — Leave"),
        "but it stays in sight, with since when and why: {paused}"
    );
    let all = env.ok(&["status", "--all"]);
    assert!(
        all.contains("paused") && all.contains("Nothing needs you"),
        "{all}"
    );
    env.refuses(1, &["pause", "linus"]);
    env.ok(&["resume", "linus"]);
    env.refuses(1, &["resume", "linus"]);

    let run = env.run(&["snooze", "linus", "--until", "in 2w"]);
    assert!(
        run.stderr
            .contains("no cadence nudges until Thu 2026-12-10"),
        "{}",
        run.stderr
    );
    let quiet = env.ok(&["status"]);
    assert!(!quiet.contains("check-in"), "{quiet}");
    assert!(quiet.contains("snoozed"), "{quiet}");
    assert!(
        quiet.contains("ends in 7 days"),
        "other nudges still show: {quiet}"
    );
    env.refuses(1, &["snooze", "linus", "--until", "yesterday"]);
    env.ok(&["snooze", "linus", "--off"]);
    env.refuses(1, &["snooze", "linus", "--off"]);

    let events: Vec<String> = env.relationship("linus")["event"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["what"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(events, ["paused", "resumed", "snoozed", "snoozed"]);
}

#[test]
fn end_with_flags_assesses_goals_and_leaves_the_rest_visible() {
    let env = linus();
    env.ok(&["checkin", "linus", "--date", "2026-11-20"]);
    let run = env.run(&[
        "end",
        "linus",
        "--as",
        "completed",
        "--outcome",
        "I can review patches",
        "--assess",
        "g1=achieved",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.stderr);
    let rel = env.relationship("linus");
    assert_eq!(rel["status"].as_str(), Some("ended"));
    assert_eq!(rel["ending"]["result"].as_str(), Some("completed"));
    let goals = rel["goal"].as_array().unwrap();
    assert_eq!(goals[0]["assessment"].as_str(), Some("achieved"));
    assert_eq!(
        goals[0]["achieved"].as_datetime().unwrap().to_string(),
        "2026-11-26"
    );
    assert!(goals[1].get("assessment").is_none());
    let report = env.ok(&["show", "linus"]);
    assert!(
        report.contains("Know the maintainers  open since 2026-09-01 · not assessed"),
        "{report}"
    );
    assert!(
        !report.contains("→ rel"),
        "an ended relationship suggests nothing: {report}"
    );
    assert!(env.ok(&["status"]).is_empty());
    assert!(env.ok(&["list"]).is_empty());
    assert!(env.ok(&["list", "--all"]).contains("ended"));

    // Its items stay as the closing conversation left them.
    for args in [
        &["goal", "add", "linus", "x"][..],
        &["action", "add", "linus", "x"],
        &["goal", "done", "linus", "g2"],
        &["checkin", "linus", "--action", "x"],
    ] {
        let run = env.refuses(1, args);
        assert!(
            run.stderr
                .contains("linus ended on 2026-11-26; its items stay"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let run = env.refuses(
        1,
        &["--as-of", "2026-12-01", "checkin", "linus", "-m", "late"],
    );
    assert!(
        run.stderr
            .contains("a check-in on 2026-12-01 comes after it"),
        "{}",
        run.stderr
    );
    env.ok(&[
        "checkin",
        "linus",
        "--date",
        "2026-11-25",
        "-m",
        "notes from before the end",
    ]);

    // Once ended, it stays so.
    for args in [
        &["end", "linus", "--as", "completed"][..],
        &["pause", "linus"],
        &["evolve", "linus", "--into", "mentoring"],
    ] {
        let run = env.refuses(1, args);
        assert!(
            run.stderr.contains("it ended on 2026-11-26"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn end_refusals() {
    let env = linus();
    let cases: &[(&[&str], &str)] = &[
        (&["end", "linus"], "missing --as completed|concluded-early"),
        (&["end", "linus", "--as", "done"], "invalid value 'done'"),
        (
            &["end", "linus", "--as", "completed", "--assess", "g1"],
            "expected ID=VERDICT",
        ),
        (
            &["end", "linus", "--as", "completed", "--assess", "g1=maybe"],
            "'maybe' is not a verdict",
        ),
        (
            &["end", "linus", "--as", "completed", "--assess", "g9=not"],
            "there is no goal g9",
        ),
        (
            &[
                "end",
                "linus",
                "--as",
                "completed",
                "--assess",
                "g1=not",
                "--assess",
                "g1=partly",
            ],
            "--assess gives g1 twice",
        ),
        (
            &["end", "linus", "--as", "completed", "--assess", "=not"],
            "no goal id before '='",
        ),
        (
            &["end", "linus", "--as", "completed", "--date", "2020-01-01"],
            "before it started",
        ),
    ];
    for (args, message) in cases {
        let run = env.refuses(1, args);
        assert!(
            run.stderr.contains(message),
            "{args:?}: expected {message:?} in\n{}",
            run.stderr
        );
    }
}

#[test]
fn evolve_keeps_history_and_raises_the_new_kinds_needs() {
    let env = linus();
    env.ok(&[
        "checkin",
        "linus",
        "--date",
        "2026-11-20",
        "-m",
        "Session 3",
    ]);
    let run = env.run(&["evolve", "linus", "--into", "mentoring"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("linus evolved from reverse-mentoring into mentoring: you are the mentor."),
        "{}",
        run.stderr
    );
    let rel = env.relationship("linus");
    assert_eq!(rel["kind"].as_str(), Some("mentoring"));
    assert_eq!(rel["role"].as_str(), Some("mentor"));
    assert_eq!(rel["topic"].as_str(), Some("Kernel review"), "history kept");
    let event = &rel["event"].as_array().unwrap()[0];
    assert_eq!(
        (
            event["what"].as_str(),
            event["from"].as_str(),
            event["from_role"].as_str()
        ),
        (Some("evolved"), Some("reverse-mentoring"), Some("learner"))
    );
    assert_eq!(env.checkins("linus").len(), 1);
    assert!(
        env.read("relationships/linus/relationship.toml")
            .starts_with("# Linus Berg — mentoring, you are the mentor.\n"),
        "the header follows"
    );
    let report = env.ok(&["show", "linus"]);
    assert!(
        report.contains("Evolved      from reverse-mentoring (you were the learner) on 2026-11-26"),
        "{report}"
    );
    assert!(!report.contains("time box"), "{report}");

    env.ok(&["evolve", "linus", "--into", "sponsoring"]);
    let status = env.ok(&["status"]);
    assert!(
        status.contains("protégé has not opted in"),
        "the new kind's missing facts: {status}"
    );
    assert!(status.contains("destination"), "{status}");
}

#[test]
fn evolve_refusals() {
    let env = linus();
    env.ok(&["new", "grace", "--person", "Grace", "--role", "sponsor"]);
    let cases: &[(&[&str], &str)] = &[
        (
            &["evolve", "grace", "--into", "reverse-mentoring"],
            "sponsoring does not evolve into reverse-mentoring",
        ),
        (
            &["evolve", "grace", "--into", "mentoring"],
            "sponsoring does not evolve into mentoring",
        ),
        (
            &["evolve", "grace", "--into", "sponsoring"],
            "it is already sponsoring",
        ),
        (
            &["evolve", "linus", "--into", "sponsoring"],
            "reverse-mentoring does not evolve into sponsoring",
        ),
        (
            &[
                "evolve",
                "linus",
                "--into",
                "mentoring",
                "--role",
                "sponsor",
            ],
            "a mentoring relationship has a mentor and a mentee, not a sponsor",
        ),
        (&["evolve", "linus"], "--into"),
    ];
    for (args, message) in cases {
        let run = env.refuses(1, args);
        assert!(
            run.stderr.contains(message),
            "{args:?}: expected {message:?} in\n{}",
            run.stderr
        );
    }
}

#[test]
fn list_shows_every_relationship() {
    let env = linus();
    env.ok(&[
        "new",
        "--person",
        "Ada Lovelace",
        "--role",
        "mentee",
        "--started",
        "2026-01-10",
    ]);
    env.ok(&["pause", "ada-lovelace"]);
    insta::assert_snapshot!(env.ok(&["list"]));
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["list", "--json"])).unwrap();
    assert_eq!(json["version"], 1);
    let list = &json["relationships"];
    assert_eq!(list[0]["handle"], "ada-lovelace");
    assert_eq!(list[0]["status"], "paused");
    assert_eq!(list[1]["kind"], "reverse-mentoring");
}
