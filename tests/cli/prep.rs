//! `rel prep`: the brief before the next meeting.

use crate::env::TestEnv;
use crate::fixtures::Journal;

/// One relationship of each kind, with enough history for a brief.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    let journal = Journal::new(&env);
    journal
        .relationship(
            "ada",
            r#"
            person = "Ada Lovelace"
            kind = "mentoring"
            role = "mentor"
            status = "active"
            started = 2026-06-01
            cadence = "biweekly"
            purpose = "Grow into a tech lead"

            [agreement]
            date = 2026-06-03
            how = "Fortnightly"

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            goal = 2
            action = 3

            [[goal]]
            id = "g1"
            text = "Run a design review"
            added = 2026-06-01

            [[goal]]
            id = "g2"
            text = "Mentor an intern"
            added = 2026-06-01

            [[action]]
            id = "a1"
            text = "Introduce her to the platform lead"
            owner = "me"
            added = 2026-10-01

            [[action]]
            id = "a2"
            text = "Draft the RFC"
            owner = "them"
            added = 2026-10-30
            checkin = "2026-10-30-1"

            [[action]]
            id = "a3"
            text = "Book the review room"
            owner = "me"
            added = 2026-11-13
            checkin = "2026-11-13-1"
            "#,
        )
        .checkin(
            "ada",
            "2026-10-30-1",
            r#"
            date = 2026-10-30
            rating = 3
            changes = ["Send the agenda a day ahead"]

            [[opened]]
            id = "a2"
            text = "Draft the RFC"
            owner = "them"
            "#,
        )
        .checkin(
            "ada",
            "2026-11-13-1",
            r#"
            date = 2026-11-13
            rating = 4
            notes = """
            Walked through her RFC draft.
            She wants to present it."""
            working = ["Written agenda"]
            not_working = ["We run over time"]
            changes = ["Timebox to 45 minutes"]
            next = 2026-11-27

            [[opened]]
            id = "a3"
            text = "Book the review room"
            owner = "me"
            "#,
        )
        .relationship(
            "grace",
            r#"
            person = "Grace Hopper"
            kind = "sponsoring"
            role = "sponsor"
            status = "active"
            started = 2026-03-01
            cadence = "monthly"
            purpose = "Sponsor Grace to staff"
            their_aims = "Lead the platform team"
            destination = "Staff engineer by 2027"
            why = "Calm under fire"
            opted_in = 2026-03-02
            reviewed = 2026-11-10

            [agreement]
            date = 2026-03-02

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            waypoint = 2
            advocacy = 1
            action = 1

            [[waypoint]]
            id = "w1"
            text = "Lead the Q1 review"
            due = 2026-06-30
            added = 2026-03-02
            reached = 2026-11-10

            [[waypoint]]
            id = "w2"
            text = "Own incident reviews"
            due = 2027-01-31
            added = 2026-03-02

            [[advocacy]]
            id = "v1"
            date = 2026-10-20
            text = "Nominated her for the review lead"
            waypoint = "w1"

            [[action]]
            id = "a1"
            text = "Write the incident doc"
            owner = "them"
            added = 2026-11-10
            checkin = "2026-11-10-1"
            "#,
        )
        .checkin(
            "grace",
            "2026-11-10-1",
            r#"
            date = 2026-11-10
            rating = 5
            review = true
            reached = ["w1"]

            [[opened]]
            id = "a1"
            text = "Write the incident doc"
            owner = "them"
            "#,
        )
        .relationship(
            "linus",
            r#"
            person = "Linus Berg"
            kind = "reverse-mentoring"
            role = "learner"
            status = "active"
            started = 2026-09-01
            cadence = "weekly"
            their_aims = "A say in tooling"
            topic = "Kernel review"
            until = 2026-12-10
            sessions = 6
            "#,
        );
    for day in ["2026-11-05", "2026-11-12", "2026-11-19"] {
        let text = format!("date = {day}\nworking = [\"Reading real patches\"]");
        journal.checkin("linus", &format!("{day}-1"), &text);
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
