//! `rel report`: the period report, as text, Markdown and JSON.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::env::TestEnv;
use crate::fixtures::Journal;

/// Five relationships around the default period (2026-08-29 to
/// 2026-11-26, today): Ada with meetings on and just outside its edges
/// and a pause, Grace who ended in it, Linus who started, evolved and
/// was snoozed in it, Margaret with nothing in it, and Ken who ended
/// long before it.
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

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            goal = 2
            action = 3

            [[goal]]
            id = "g1"
            text = "Run a design review"
            added = 2026-06-01
            achieved = 2026-10-10

            [[goal]]
            id = "g2"
            text = "Give a conference talk"
            added = 2026-06-01
            dropped = 2026-11-01

            [[action]]
            id = "a1"
            text = "Draft the RFC"
            owner = "them"
            added = 2026-08-28
            checkin = "2026-08-28-1"
            done = 2026-09-12

            [[action]]
            id = "a2"
            text = "Introduce her to the platform lead"
            owner = "me"
            added = 2026-08-29
            checkin = "2026-08-29-1"
            done = 2026-10-10

            [[action]]
            id = "a3"
            text = "Circulate the RFC"
            owner = "them"
            added = 2026-09-12
            checkin = "2026-09-12-1"
            dropped = 2026-11-26

            [[event]]
            date = 2026-09-20
            what = "paused"
            note = "Parental leave"

            [[event]]
            date = 2026-10-04
            what = "resumed"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-08-28-1",
            r#"
            date = 2026-08-28
            rating = 2

            [[opened]]
            id = "a1"
            text = "Draft the RFC"
            owner = "them"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-08-29-1",
            r#"
            date = 2026-08-29
            rating = 3

            [[opened]]
            id = "a2"
            text = "Introduce her to the platform lead"
            owner = "me"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-09-12-1",
            r#"
            date = 2026-09-12
            rating = 4
            closed = ["a1"]

            [[opened]]
            id = "a3"
            text = "Circulate the RFC"
            owner = "them"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-10-10-1",
            r#"
            date = 2026-10-10
            rating = 5
            closed = ["a2"]
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-11-26-1",
            r#"
            date = 2026-11-26
            rating = 4
            notes = "Planning the next quarter"
            "#,
        )
        .relationship(
            "grace",
            r#"
            person = "Grace Hopper"
            kind = "sponsoring"
            role = "sponsor"
            status = "ended"
            started = 2026-07-01
            cadence = "monthly"
            destination = "Staff engineer by 2027"

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            goal = 1
            waypoint = 2
            growth = 1
            advocacy = 1
            strength = 2

            [ending]
            date = 2026-11-20
            result = "concluded-early"
            outcome = "She moved to the platform team"

            [[event]]
            date = 2026-11-20
            what = "ended"

            [[goal]]
            id = "g1"
            text = "Lead the platform migration"
            added = 2026-07-01
            assessment = "partly"

            [[waypoint]]
            id = "w1"
            text = "Lead the Q3 incident review"
            due = 2026-09-30
            added = 2026-07-01
            reached = 2026-09-30

            [[waypoint]]
            id = "w2"
            text = "Present at the staff forum"
            due = 2026-12-15
            added = 2026-07-01

            [[growth]]
            id = "c1"
            text = "Writing for executives"
            added = 2026-07-15
            promoted = 2026-11-15
            strength = "s2"

            [[advocacy]]
            id = "v1"
            date = 2026-10-05
            text = "Nominated her for the staff panel"
            waypoint = "w2"

            [[strength]]
            id = "s1"
            text = "Calm incident command"
            added = 2026-10-10

            [[strength]]
            id = "s2"
            text = "Writing for executives"
            added = 2026-11-15
            from = "c1"
            "#,
        )
        .checkin(
            "grace",
            "2026-09-30-1",
            r#"
            date = 2026-09-30
            rating = 5
            reached = ["w1"]
            "#,
        )
        .relationship(
            "linus",
            r#"
            person = "Linus"
            kind = "mentoring"
            role = "mentor"
            status = "active"
            started = 2026-09-15
            cadence = "biweekly"
            topic = "Kernel review"
            until = 2026-12-31
            sessions = 6
            snoozed_until = 2026-11-30

            [[event]]
            date = 2026-11-01
            what = "evolved"
            from = "reverse-mentoring"
            from_role = "learner"

            [[event]]
            date = 2026-11-10
            what = "changed"
            note = "cadence: weekly → biweekly"

            [[event]]
            date = 2026-11-12
            what = "snoozed"
            until = 2026-11-30
            "#,
        )
        .relationship(
            "margaret-hamilton",
            r#"
            person = "Margaret Hamilton"
            kind = "mentoring"
            role = "mentor"
            status = "active"
            started = 2026-01-01
            cadence = "monthly"
            "#,
        )
        .relationship(
            "ken-thompson",
            r#"
            person = "Ken Thompson"
            kind = "mentoring"
            role = "mentee"
            status = "ended"
            started = 2026-01-01
            cadence = "monthly"

            [ending]
            date = 2026-03-01
            result = "completed"

            [[event]]
            date = 2026-03-01
            what = "ended"
            "#,
        );
    for (date, rating) in [("2026-09-22", 4), ("2026-09-29", 3), ("2026-10-06", 5)] {
        let text = format!("date = {date}\nrating = {rating}");
        journal.checkin("linus", &format!("{date}-1"), &text);
    }
    env
}

fn json(env: &TestEnv, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&env.ok(&all)).unwrap()
}

#[test]
fn the_last_ninety_days_as_text() {
    let env = journal();
    let run = env.run(&["report"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn the_text_fits_narrow_and_wide_terminals() {
    let env = journal();
    for width in [60, 100, 200] {
        let run = env.run_with(env.cmd().env("COLUMNS", width.to_string()).arg("report"));
        assert_eq!(run.code, 0, "{}", run.transcript());
        for line in run.stdout.lines() {
            assert!(line.chars().count() <= width, "{width}: {line:?}");
        }
        if width == 60 {
            insta::assert_snapshot!("text_60", run.stdout);
        }
    }
}

#[test]
fn the_last_ninety_days_as_markdown() {
    let env = journal();
    let run = env.run(&["report", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn json_has_the_period_each_relationship_and_totals() {
    let env = journal();
    let value = json(&env, &[]);
    assert_eq!(
        value["period"],
        serde_json::json!({
            "since": "2026-08-29", "until": "2026-11-26", "through": "2026-11-26",
            "days": 90, "as_of": "2026-11-26"
        })
    );
    let rels = value["relationships"].as_array().unwrap();
    let handles: Vec<&str> = rels.iter().map(|r| r["handle"].as_str().unwrap()).collect();
    assert_eq!(
        handles,
        ["ada-lovelace", "grace", "linus", "margaret-hamilton"]
    );

    let ada = &rels[0];
    assert_eq!(
        ada["checkins"],
        serde_json::json!({
            "held": 4, "expected": 5, "cadence": "biweekly", "cadences": ["biweekly"], "meeting_days": 76,
            "ids": ["2026-08-29-1", "2026-09-12-1", "2026-10-10-1", "2026-11-26-1"],
            "ratings": [3, 4, 5, 4], "average_rating": 4.0
        })
    );
    assert_eq!(ada["goals"]["achieved"][0]["id"], "g1");
    assert_eq!(ada["goals"]["achieved"][0]["date"], "2026-10-10");
    assert_eq!(ada["goals"]["dropped"][0]["id"], "g2");
    assert_eq!(
        ada["actions"]["opened"],
        serde_json::json!({"mine": 1, "theirs": 1})
    );
    assert_eq!(
        ada["actions"]["closed"],
        serde_json::json!({"mine": 1, "theirs": 1})
    );
    assert_eq!(
        ada["actions"]["dropped"],
        serde_json::json!({"mine": 0, "theirs": 1})
    );
    assert_eq!(
        ada["actions"]["closed_items"][0],
        serde_json::json!({"id": "a1", "text": "Draft the RFC", "owner": "them", "date": "2026-09-12"})
    );
    let events: Vec<&str> = ada["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["what"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["paused", "resumed"]);
    assert_eq!(ada["events"][0]["note"], "Parental leave");

    let grace = &rels[1];
    assert_eq!(grace["status"], "ended");
    assert_eq!(grace["running"], true);
    assert_eq!(grace["checkins"]["expected"], 2);
    assert_eq!(
        grace["waypoints"]["reached"][0]["text"],
        "Lead the Q3 incident review"
    );
    assert_eq!(
        grace["goals"]["assessed"],
        serde_json::json!([{"id": "g1", "text": "Lead the platform migration", "verdict": "partly"}])
    );
    assert_eq!(grace["ending"]["result"], "concluded-early");
    assert_eq!(grace["advocacy"][0]["waypoint"], "w2");
    assert_eq!(grace["strengths"].as_array().unwrap().len(), 1);
    assert_eq!(grace["promoted"][0]["strength"], "s2");

    let linus = &rels[2];
    assert_eq!(linus["started"], true);
    assert_eq!(linus["kind"], "mentoring");
    assert_eq!(linus["checkins"]["meeting_days"], 58);
    // Weekly until 2026-11-10, then biweekly: each cadence judges its own
    // days (56 weekly days: 8 meetings; 2 biweekly days before the snooze).
    assert_eq!(linus["checkins"]["expected"], 8);
    assert_eq!(
        linus["checkins"]["cadences"],
        serde_json::json!(["weekly", "biweekly"])
    );
    assert_eq!(linus["events"][0]["what"], "evolved");
    assert_eq!(linus["events"][0]["from"], "reverse-mentoring");

    let margaret = &rels[3];
    assert_eq!(margaret["quiet"], true);
    assert_eq!(margaret["checkins"]["expected"], 3);

    let totals = &value["totals"];
    assert_eq!(totals["relationships"], 4);
    assert_eq!(totals["started"], 1);
    assert_eq!(totals["ended"], 1);
    assert_eq!(totals["quiet"], 1);
    assert_eq!(
        totals["checkins"],
        serde_json::json!({
            "held": 8, "expected": 18, "without_cadence": 0, "rated": 8, "average_rating": 4.13
        })
    );
    assert_eq!(
        totals["waypoints"],
        serde_json::json!({"reached": 1, "dropped": 0})
    );
    assert_eq!(
        totals["goals"],
        serde_json::json!({"achieved": 1, "dropped": 1})
    );
    assert_eq!(totals["advocacy"], 1);
    assert_eq!(value["problems"], serde_json::json!([]));
}

#[test]
fn both_ends_of_the_period_are_included() {
    let env = journal();
    // Exactly on --since and --until: the check-ins of 2026-08-29 and
    // 2026-10-10, goal g1 achieved and action a2 closed on 2026-10-10.
    let value = json(
        &env,
        &[
            "--since",
            "2026-08-29",
            "--until",
            "2026-10-10",
            "ada-lovelace",
        ],
    );
    let ada = &value["relationships"][0];
    assert_eq!(
        ada["checkins"]["ids"],
        serde_json::json!(["2026-08-29-1", "2026-09-12-1", "2026-10-10-1"])
    );
    assert_eq!(ada["goals"]["achieved"][0]["date"], "2026-10-10");
    let closed: Vec<&str> = ada["actions"]["closed_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(closed, ["a1", "a2"]);
    assert_eq!(ada["actions"]["opened"]["mine"], 1, "a2, opened on --since");

    // A day later at the start and a day earlier at the end: both gone.
    let value = json(
        &env,
        &[
            "--since",
            "2026-08-30",
            "--until",
            "2026-10-09",
            "ada-lovelace",
        ],
    );
    let ada = &value["relationships"][0];
    assert_eq!(ada["checkins"]["ids"], serde_json::json!(["2026-09-12-1"]));
    assert_eq!(ada["goals"]["achieved"], serde_json::json!([]));
    assert_eq!(ada["actions"]["opened"]["mine"], 0);

    // One day is a period: --since and --until the same day.
    let value = json(&env, &["--since", "2026-11-26", "--until", "2026-11-26"]);
    assert_eq!(value["period"]["days"], 1);
    let ada = &value["relationships"][0];
    assert_eq!(ada["checkins"]["ids"], serde_json::json!(["2026-11-26-1"]));
    assert_eq!(ada["actions"]["dropped"]["theirs"], 1);
}

#[test]
fn only_the_named_relationships_and_each_once() {
    let env = journal();
    let run = env.run_with(env.cmd().env("COLUMNS", "200").args([
        "report",
        "ken-thompson",
        "margaret-hamilton",
        "ken-thompson",
    ]));
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!run.stdout.contains("Ada"), "{}", run.stdout);
    assert_eq!(run.stdout.matches("Ken Thompson").count(), 1);
    assert!(
        run.stdout.contains(
            "Ken Thompson (ken-thompson) · mentoring — you are the mentee · ended · not running in this period"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "Margaret Hamilton (margaret-hamilton) · mentoring — you are the mentor · nothing in this period (~3 check-ins expected, monthly)"
        ),
        "{}",
        run.stdout
    );
    // Ken ran in the first quarter.
    let value = json(
        &env,
        &[
            "ken-thompson",
            "--since",
            "2026-01-01",
            "--until",
            "2026-03-31",
        ],
    );
    let ken = &value["relationships"][0];
    assert_eq!(ken["running"], true);
    assert_eq!(ken["checkins"]["meeting_days"], 60);
    assert_eq!(ken["checkins"]["expected"], 2);
    assert_eq!(ken["ending"]["date"], "2026-03-01");
}

#[test]
fn an_unknown_handle_is_refused_with_the_closest() {
    let env = journal();
    let run = env.refuses(1, &["report", "ada-lovelace", "gracie"]);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!(run.stderr, @r"
    error: no relationship named 'gracie'
    hint: did you mean 'grace'? (rel list shows them all)
    ");
}

#[test]
fn a_period_must_run_forward_and_have_begun() {
    let env = journal();
    let run = env.refuses(
        1,
        &["report", "--since", "2026-10-01", "--until", "2026-09-30"],
    );
    insta::assert_snapshot!(run.stderr, @r"
    error: --since 2026-10-01 is after --until 2026-09-30
    hint: the period runs from --since to --until, both days included
    ");
    let run = env.refuses(1, &["report", "--since", "2026-12-01"]);
    assert!(
        run.stderr.starts_with(
            "error: --since 2026-12-01 is after today (2026-11-26, the default --until)"
        ),
        "{}",
        run.stderr
    );
    let run = env.refuses(
        1,
        &["report", "--since", "2026-12-01", "--until", "2026-12-31"],
    );
    assert!(
        run.stderr
            .starts_with("error: --since 2026-12-01 is after today (2026-11-26)"),
        "{}",
        run.stderr
    );
    let run = env.refuses(1, &["report", "--since", "the other day"]);
    assert!(
        run.stderr
            .starts_with("error: --since: 'the other day' is not a date"),
        "{}",
        run.stderr
    );
    let run = env.refuses(1, &["report", "--format", "pdf"]);
    assert!(run.stderr.contains("invalid value 'pdf'"), "{}", run.stderr);
}

#[test]
fn a_period_still_running_counts_up_to_today() {
    let env = journal();
    let value = json(
        &env,
        &[
            "--since",
            "2026-10-01",
            "--until",
            "2026-12-31",
            "margaret-hamilton",
        ],
    );
    assert_eq!(value["period"]["until"], "2026-12-31");
    assert_eq!(value["period"]["through"], "2026-11-26");
    assert_eq!(value["period"]["days"], 57);
    assert_eq!(value["relationships"][0]["checkins"]["expected"], 1);
    let text = env.ok(&[
        "report",
        "--since",
        "2026-10-01",
        "--until",
        "2026-12-31",
        "margaret-hamilton",
    ]);
    assert!(
        text.starts_with(
            "Period report: 2026-10-01 to 2026-12-31 (so far: 57 days to today, 2026-11-26)"
        ),
        "{text}"
    );
    // Relative dates resolve against today.
    let value = json(&env, &["--since", "1m ago"]);
    assert_eq!(value["period"]["since"], "2026-10-26");
}

#[test]
fn a_broken_file_is_named_and_the_rest_still_reported() {
    let env = journal();
    env.write(
        "relationships/grace/relationship.toml",
        "person = \"Grace Hopper\"\nkind = \"sponsoring\"\nrole = 5\n",
    );
    env.write(
        "relationships/ada-lovelace/checkins/2026-09-12-1.toml",
        "date = 2026-09-12\nrating = \"four\n",
    );
    // Outside the period, a broken check-in is never opened.
    env.write(
        "relationships/linus/checkins/2026-01-05-1.toml",
        "this is not toml",
    );
    let run = env.run(&["report"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(!run.stdout.contains("Grace"), "{}", run.stdout);
    assert!(run.stdout.contains("Linus (linus)"), "{}", run.stdout);
    // The broken check-in was held: it counts, but has no rating.
    assert!(
        run.stdout
            .contains("4 of ~5 expected (biweekly, in 76 of the 90 days) · average 4.0 ▄█▆\n"),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!(run.stderr);

    let run = env.run(&["report", "--format", "json"]);
    assert_eq!(run.code, 2);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["problems"].as_array().unwrap().len(), 2);
    assert_eq!(value["problems"][0]["line"], 3);
}

#[test]
fn an_empty_journal_reports_nothing_ran() {
    let env = TestEnv::new();
    let run = env.run(&["report"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stdout,
        "Period report: 2026-08-29 to 2026-11-26 (90 days)\n\nNo relationship ran in this period.\n"
    );
    let value = json(&env, &[]);
    assert_eq!(value["relationships"], serde_json::json!([]));
    assert_eq!(
        value["totals"]["checkins"]["average_rating"],
        serde_json::Value::Null
    );
}

/// Text built to break Markdown: emphasis, headings, lists, HTML, links,
/// code, tables, entities — at the start of a line and in the middle.
const HOSTILE: [&str; 7] = [
    "*Eve* <script>alert(1)</script> | #1 _x_",
    "1. not a list\n# not a heading",
    "- [ ] <b>bold</b> `code` ~~strike~~ &amp; | pipe",
    "> quote\n\n---\n\n    indented",
    "## a heading in a note",
    "![img](http://x.test/a.png) [link](http://y.test) <http://z.test>",
    "1) === +++ \\ \\* [^1]",
];

/// The five relationships of [`journal`], and Eve, whose every word is
/// one of [`HOSTILE`].
fn hostile_journal() -> TestEnv {
    let env = journal();
    Journal::new(&env).relationship(
        "eve",
        r###"
        person = "*Eve* <script>alert(1)</script> | #1 _x_"
        kind = "sponsoring"
        role = "sponsor"
        status = "ended"
        started = 2026-09-01
        cadence = "weekly"

        # The highest id handed out so far: rel never reuses an id, so never lower these.
        [last_id]
        goal = 1
        action = 1
        advocacy = 1
        strength = 1

        [ending]
        date = 2026-10-07
        result = "completed"
        outcome = "![img](http://x.test/a.png) [link](http://y.test) <http://z.test>"

        [[goal]]
        id = "g1"
        text = """
        1. not a list
        # not a heading"""
        added = 2026-09-01
        achieved = 2026-10-01

        [[action]]
        id = "a1"
        text = "- [ ] <b>bold</b> `code` ~~strike~~ &amp; | pipe"
        owner = "me"
        added = 2026-10-01
        done = 2026-10-02

        [[advocacy]]
        id = "v1"
        date = 2026-10-03
        text = """
        > quote

        ---

            indented"""

        [[event]]
        date = 2026-10-04
        what = "paused"
        note = "## a heading in a note"

        [[event]]
        date = 2026-10-05
        what = "resumed"

        [[event]]
        date = 2026-10-07
        what = "ended"

        [[strength]]
        id = "s1"
        text = '1) === +++ \ \* [^1]'
        added = 2026-10-06
        "###,
    );
    env
}

#[test]
fn markdown_is_commonmark_that_user_text_cannot_break() {
    let env = hostile_journal();
    let md = env.ok(&["report", "--format", "markdown"]);

    let mut headings: Vec<(HeadingLevel, String)> = Vec::new();
    let mut heading: Option<(HeadingLevel, String)> = None;
    // The text inside each `**…**` and `_…_`: only rel's own.
    let mut marked: Vec<String> = Vec::new();
    let mut in_mark = false;
    let mut lists = 0;
    let mut tables = 0;
    let mut text = String::new();
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Start(Tag::Strong | Tag::Emphasis) => {
                in_mark = true;
                marked.push(String::new());
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis) => in_mark = false,
            Event::Start(Tag::List(None)) => lists += 1,
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Text(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                if in_mark && let Some(s) = marked.last_mut() {
                    s.push_str(&t);
                }
                text.push_str(&t);
            }
            Event::SoftBreak | Event::End(_) => text.push(' '),
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::TableHead | Tag::TableRow | Tag::TableCell,
            ) => {}
            other => panic!("unexpected Markdown structure {other:?} in:\n{md}"),
        }
    }

    let shown: Vec<(HeadingLevel, &str)> = headings.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(
        shown,
        [
            (
                HeadingLevel::H1,
                "Period report: 2026-08-29 to 2026-11-26 (90 days)"
            ),
            (HeadingLevel::H2, "Ada Lovelace (ada-lovelace)"),
            (
                HeadingLevel::H2,
                "*Eve* <script>alert(1)</script> | #1 _x_ (eve)"
            ),
            (HeadingLevel::H2, "Grace Hopper (grace)"),
            (HeadingLevel::H2, "Linus (linus)"),
            (HeadingLevel::H2, "Margaret Hamilton (margaret-hamilton)"),
            (HeadingLevel::H2, "Totals"),
        ],
        "{md}"
    );
    let labels = [
        "Check-ins:",
        "Waypoints:",
        "Goals:",
        "Actions:",
        "Advocacy:",
        "Strengths:",
        "Changes:",
    ];
    assert!(
        marked
            .iter()
            .all(|s| labels.contains(&s.as_str()) || s.contains(" — you are the ")),
        "{marked:?}"
    );
    assert!(lists >= 8, "lists: {lists}\n{md}");
    assert_eq!(tables, 1, "{md}");
    for hostile in HOSTILE {
        let one_line = hostile.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&one_line),
            "{one_line:?} did not come through as text:\n{md}"
        );
    }
    for line in md.lines().filter(|l| l.starts_with('|')) {
        assert!(line.chars().count() <= 100, "{line:?}");
    }
    // Plain CommonMark, without the table extension, has no HTML either.
    assert!(
        Parser::new(&md).all(|e| !matches!(e, Event::Html(_) | Event::InlineHtml(_))),
        "{md}"
    );
}
