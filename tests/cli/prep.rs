//! `rel prep`: the brief before the next meeting.

use crate::env::TestEnv;

/// One relationship of each kind, with enough history for a brief.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "ada",
        "--person",
        "Ada Lovelace",
        "--role",
        "mentor",
        "--cadence",
        "biweekly",
        "--started",
        "2026-06-01",
        "--purpose",
        "Grow into a tech lead",
        "--agreed",
        "2026-06-03",
        "--how",
        "Fortnightly",
        "--goal",
        "Run a design review",
        "--goal",
        "Mentor an intern",
    ]);
    env.ok(&[
        "action",
        "add",
        "ada",
        "Introduce her to the platform lead",
        "--date",
        "2026-10-01",
    ]);
    env.ok(&[
        "checkin",
        "ada",
        "--date",
        "2026-10-30",
        "--rating",
        "3",
        "--change",
        "Send the agenda a day ahead",
        "--their-action",
        "Draft the RFC",
    ]);
    env.ok(&[
        "checkin",
        "ada",
        "--date",
        "2026-11-13",
        "--rating",
        "4",
        "-m",
        "Walked through her RFC draft.\nShe wants to present it.",
        "--working",
        "Written agenda",
        "--not-working",
        "We run over time",
        "--change",
        "Timebox to 45 minutes",
        "--action",
        "Book the review room",
        "--next",
        "2026-11-27",
    ]);

    env.ok(&[
        "new",
        "grace",
        "--person",
        "Grace Hopper",
        "--role",
        "sponsor",
        "--cadence",
        "monthly",
        "--started",
        "2026-03-01",
        "--destination",
        "Staff engineer by 2027",
        "--why",
        "Calm under fire",
        "--purpose",
        "Sponsor Grace to staff",
        "--their-aims",
        "Lead the platform team",
        "--opted-in",
        "2026-03-02",
        "--agreed",
        "2026-03-02",
    ]);
    env.ok(&[
        "waypoint",
        "add",
        "grace",
        "Lead the Q1 review",
        "--due",
        "2026-06-30",
        "--date",
        "2026-03-02",
    ]);
    env.ok(&[
        "waypoint",
        "add",
        "grace",
        "Own incident reviews",
        "--due",
        "2027-01-31",
        "--date",
        "2026-03-02",
    ]);
    env.ok(&[
        "advocate",
        "grace",
        "Nominated her for the review lead",
        "--date",
        "2026-10-20",
        "--waypoint",
        "w1",
    ]);
    env.ok(&[
        "checkin",
        "grace",
        "--date",
        "2026-11-10",
        "--reached",
        "w1",
        "--rating",
        "5",
        "--review",
        "--their-action",
        "Write the incident doc",
    ]);

    env.ok(&[
        "new",
        "linus",
        "--person",
        "Linus Berg",
        "--role",
        "learner",
        "--topic",
        "Kernel review",
        "--until",
        "2026-12-10",
        "--sessions",
        "6",
        "--started",
        "2026-09-01",
        "--cadence",
        "weekly",
        "--their-aims",
        "A say in tooling",
    ]);
    for day in ["2026-11-05", "2026-11-12", "2026-11-19"] {
        env.ok(&[
            "checkin",
            "linus",
            "--date",
            day,
            "--working",
            "Reading real patches",
        ]);
    }
    env
}

#[test]
fn a_brief_for_each_kind() {
    let env = journal();
    for handle in ["ada", "grace", "linus"] {
        let run = env.run(&["prep", handle]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert!(lines.len() <= 40, "{handle}: {} lines", lines.len());
        assert!(
            lines.iter().all(|l| l.chars().count() <= 100),
            "{handle}: a line over 100 columns"
        );
        insta::assert_snapshot!(format!("prep_{handle}"), run.stdout);
    }
}

#[test]
fn a_long_history_still_fits_one_screen() {
    let env = journal();
    for n in 0..30 {
        let text =
            format!("Action number {n} with a long description that goes on and on past the edge");
        let mut args = vec![
            "action",
            "add",
            "ada",
            &text,
            "--date",
            "2026-11-01",
            "--due",
            "2026-12-31",
        ];
        if n % 2 == 0 {
            args.push("--theirs");
        }
        env.ok(&args);
    }
    let out = env.ok(&["prep", "ada"]);
    assert!(out.lines().count() <= 40, "{out}");
    assert!(out.contains("… and 12 more (rel actions ada)"), "{out}");
    let narrow = env.run_with(env.cmd().env("COLUMNS", "60").args(["prep", "ada"]));
    assert!(
        narrow.stdout.lines().all(|l| l.chars().count() <= 60),
        "{}",
        narrow.stdout
    );
}

#[test]
fn an_unknown_handle_is_refused() {
    let env = journal();
    let run = env.fails(1, &["prep", "adaa"]);
    assert!(run.stderr.contains("did you mean 'ada'?"), "{}", run.stderr);
}
