//! One judgement everywhere: the overview and the report of one
//! relationship assess it the same on any day, with or without the cache,
//! and every colour comes with a reason.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use serde_json::Value;

use crate::env::TestEnv;
use crate::fixtures::Journal;
use crate::fixtures::sample_journal;

fn json(env: &TestEnv, day: &str, args: &[&str]) -> Value {
    let mut all = vec!["--as-of", day];
    all.extend_from_slice(args);
    serde_json::from_str(&env.ok(&all)).unwrap()
}

/// What a view says of one relationship: its health, its understandings
/// (levels and facts) and its needs.
fn judgement(summary: &Value, attention: Vec<&Value>) -> Value {
    serde_json::json!({
        "health": summary["health"],
        "timing": summary["timing"],
        "next_due": summary["next_due"],
        "understandings": summary["understandings"],
        "attention": attention,
    })
}

/// Each relationship as the overview (`status --all --json`) judges it.
fn overview(env: &TestEnv, day: &str) -> BTreeMap<String, Value> {
    let all = json(env, day, &["status", "--all", "--json"]);
    let attention = all["attention"].as_array().unwrap();
    all["relationships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let handle = r["handle"].as_str().unwrap();
            let mine = attention.iter().filter(|a| a["handle"] == handle).collect();
            (handle.to_string(), judgement(r, mine))
        })
        .collect()
}

/// The same relationship as its own report (`status HANDLE --json`) does.
fn report(env: &TestEnv, day: &str, handle: &str) -> Value {
    let one = json(env, day, &["status", handle, "--json"]);
    let attention = one["attention"].as_array().unwrap().iter().collect();
    judgement(&one, attention)
}

/// Not green means at least one need that is not a mere heads-up.
fn explained(handle: &str, day: &str, judged: &Value) {
    let health = judged["health"].as_str().unwrap();
    if matches!(health, "amber" | "red") {
        let reasons = judged["attention"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["informational"] == false)
            .count();
        assert!(
            reasons > 0,
            "{handle} is {health} on {day} with no reason: {judged:#}"
        );
    }
}

#[test]
fn every_fifth_day_of_2026_the_overview_and_the_report_agree() {
    let env = sample_journal();
    let handles = [
        "ada-lovelace",
        "grace-hopper",
        "hedy-lamarr",
        "joan-clarke",
        "ken",
        "linus",
        "margaret-hamilton",
        "priya-natarajan",
        "sam-okafor",
        "tomas-ruiz",
    ];
    let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut days = 0;
    while day.format("%Y").to_string() == "2026" {
        let text = day.to_string();
        let seen = overview(&env, &text);
        // Every relationship that had started by the day, and only those.
        let begun: Vec<&str> = handles
            .iter()
            .copied()
            .filter(|h| {
                let started = env.relationship(h)["started"]
                    .as_datetime()
                    .unwrap()
                    .to_string();
                started <= text
            })
            .collect();
        assert_eq!(
            seen.keys().map(String::as_str).collect::<Vec<_>>(),
            begun,
            "on {text}"
        );
        for (handle, judged) in &seen {
            assert_eq!(
                judged,
                &report(&env, &text, handle),
                "{handle} on {text}: the overview and the report disagree"
            );
            explained(handle, &text, judged);
        }
        days += 1;
        day = day.checked_add_days(Days::new(5)).unwrap();
    }
    assert_eq!(days, 73);
}

#[test]
fn mid_year_the_overview_sees_the_reviews_the_report_sees() {
    // Three relationships' last reviews lie before 2026-07-01 with more
    // check-ins after them than a report reads: both views find them.
    let env = sample_journal();
    let seen = overview(&env, "2026-07-01");
    for handle in ["ada-lovelace", "joan-clarke", "margaret-hamilton"] {
        let facts = seen[handle]["understandings"]["where"]["facts"]
            .as_array()
            .unwrap();
        let review = facts.iter().find(|f| f["key"] == "review").unwrap();
        assert!(
            review["last_review"].is_string(),
            "{handle}: reviewed before 2026-07-01: {review:#}"
        );
    }
}

#[test]
fn a_past_day_counts_only_the_items_that_stood_then() {
    let env = sample_journal();
    // grace-hopper: w1 reached 2026-03-30, w2 2026-06-08; w5 added
    // 2026-07-13; w4 added 2026-01-12 and dropped 2026-05-11; her action
    // a1 was done 2026-01-12; g2 added 2026-04-13.
    let all = json(&env, "2026-03-01", &["status", "--all", "--json"]);
    let grace = all["relationships"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["handle"] == "grace-hopper")
        .unwrap();
    assert_eq!(
        grace["waypoints"],
        serde_json::json!({"done": 0, "total": 4})
    );
    assert_eq!(grace["goals"], serde_json::json!({"done": 0, "total": 1}));
    let one = json(&env, "2026-03-01", &["status", "grace-hopper", "--json"]);
    assert_eq!(one["waypoints"], grace["waypoints"]);
    let show = env.ok(&["--as-of", "2026-03-01", "show", "grace-hopper"]);
    assert!(show.contains("0 of 4 waypoints reached"), "{show}");
    assert!(!show.contains("w5"), "a waypoint added later: {show}");
    assert!(!show.contains("reached 2026-03-30"), "{show}");
    // Open that day, with every word, though the overview keeps no word
    // of a closed item.
    let early = env.ok(&["--as-of", "2026-01-10", "status"]);
    assert!(
        early.contains("their action a1 \"Grace: decide whether she wants this"),
        "{early}"
    );
    // A relationship not started yet has nothing to report.
    let run = env.refuses(1, &["--as-of", "2026-03-01", "prep", "linus"]);
    assert!(
        run.stderr.contains("linus starts on 2026-09-14"),
        "{}",
        run.stderr
    );
}

/// A relationship for the property test: a cadence, and meetings on the
/// given days, some of them reviews.
fn random_journal(env: &TestEnv, relationships: &[(u8, Vec<(u16, bool)>)]) {
    let journal = Journal::new(env);
    for (n, (cadence, meetings)) in relationships.iter().enumerate() {
        let handle = format!("person-{n}");
        let cadence = ["weekly", "biweekly", "monthly", "3w"][usize::from(*cadence) % 4];
        let reviewed = meetings
            .iter()
            .filter(|(_, review)| *review)
            .map(|(d, _)| day(*d))
            .max();
        let reviewed = reviewed
            .map(|d| format!("reviewed = {d}\n"))
            .unwrap_or_default();
        journal.relationship(
            &handle,
            &format!(
                "person = \"Person {n}\"\nkind = \"mentoring\"\nrole = \"mentor\"\nstatus = \"active\"\nstarted = 2026-01-01\ncadence = \"{cadence}\"\npurpose = \"Grow\"\n{reviewed}"
            ),
        );
        let mut seen: BTreeMap<NaiveDate, u32> = BTreeMap::new();
        for (d, review) in meetings {
            let date = day(*d);
            let n = seen.entry(date).or_insert(0);
            *n += 1;
            let review = if *review { "\nreview = true" } else { "" };
            journal.checkin(
                &handle,
                &format!("{date}-{n}"),
                &format!("date = {date}{review}"),
            );
        }
    }
}

/// Day `n` of 2026 (from 2026-01-01).
fn day(n: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1)
        .unwrap()
        .checked_add_days(Days::new(u64::from(n)))
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// For random journals and random days, the overview's assessment of
    /// each relationship equals the single report's, field by field, on
    /// the first (cold) run and on a warm one that reads the cache.
    #[test]
    fn the_overview_and_the_report_agree_with_and_without_the_cache(
        relationships in prop::collection::vec(
            (0u8..4, prop::collection::vec((0u16..330, prop::bool::weighted(0.2)), 0..30)),
            1..4,
        ),
        days in prop::collection::vec(0u16..360, 1..3),
    ) {
        let env = TestEnv::new();
        random_journal(&env, &relationships);
        for on in days {
            let text = day(on).to_string();
            let _ = std::fs::remove_dir_all(env.path(".cache"));
            let cold = overview(&env, &text);
            let warm = overview(&env, &text);
            prop_assert_eq!(&cold, &warm);
            for (handle, judged) in &cold {
                prop_assert_eq!(judged, &report(&env, &text, handle), "{} on {}", handle, text);
                explained(handle, &text, judged);
            }
        }
    }
}

/// The days the snapshots are taken: before the first review of any
/// relationship, mid-year, and the sample's today.
const DAYS: [&str; 3] = ["2026-01-10", "2026-07-01", "2026-11-26"];

#[test]
fn the_sample_journal_over_the_year() {
    let env = sample_journal();
    for day in DAYS {
        let run = env.run(&["--as-of", day, "status"]);
        insta::assert_snapshot!(format!("status_{day}"), run.transcript());
        for handle in ["ada-lovelace", "grace-hopper", "linus"] {
            let run = env.run(&["--as-of", day, "status", handle]);
            insta::assert_snapshot!(format!("show_{handle}_{day}"), run.transcript());
            let run = env.run(&["--as-of", day, "prep", handle]);
            assert!(
                run.stdout.lines().count() <= 40,
                "prep fits one screen: {}",
                run.stdout
            );
            insta::assert_snapshot!(format!("prep_{handle}_{day}"), run.transcript());
        }
    }
}

/// A sponsorship paused on `since`, with a note.
fn paused_sponsorship(env: &TestEnv, since: &str) {
    Journal::new(env).relationship(
        "grace",
        &format!(
            r#"
            person = "Grace Hopper"
            kind = "sponsoring"
            role = "sponsor"
            status = "paused"
            started = 2026-01-05
            cadence = "monthly"

            [[event]]
            date = {since}
            what = "paused"
            note = "She is on a rotation abroad"
            "#
        ),
    );
}

#[test]
fn a_paused_relationship_stays_in_sight_and_a_long_pause_asks() {
    let env = TestEnv::new();
    paused_sponsorship(&env, "2026-09-20");
    let out = env.ok(&["status"]);
    assert!(out.contains("Paused (1)"), "{out}");
    assert!(
        out.contains("grace (Grace Hopper): paused since 2026-09-20 (67 days ago) — She is on a rotation abroad"),
        "{out}"
    );
    assert!(
        out.contains("grace: paused 9 weeks (since 2026-09-20) — resume or end?"),
        "{out}"
    );
    assert!(out.contains("→ rel resume grace · rel end grace"), "{out}");
    let json: Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    assert_eq!(json["paused"][0]["since"], "2026-09-20");
    assert_eq!(json["attention"][0]["key"], "paused-long");

    // The nudge waits as long as the config says.
    std::fs::create_dir_all(env.tmp().join("config/rel")).unwrap();
    std::fs::write(
        env.tmp().join("config/rel/config.toml"),
        "pause_nudge = \"12w\"\n",
    )
    .unwrap();
    let out = env.ok(&["status"]);
    assert!(out.contains("Paused (1)"), "{out}");
    assert!(!out.contains("resume or end"), "{out}");
}

#[test]
fn a_time_box_that_is_over_asks_one_thing_not_two() {
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
            cadence = "weekly"
            until = 2026-11-20
            sessions = 8
            "#,
        )
        .checkin("linus", "2026-11-12-1", "date = 2026-11-12");
    let out = env.ok(&["status"]);
    assert!(out.contains("time box over"), "{out}");
    assert!(!out.contains("check-in due"), "{out}");
    assert!(
        out.contains("linus: reverse-mentoring time box ended 6 days ago"),
        "{out}"
    );
    let json: Value = serde_json::from_str(&env.ok(&["status", "linus", "--json"])).unwrap();
    assert_eq!(json["timing"], "time-box-over");
    assert_eq!(json["next_due"], Value::Null);
}

#[test]
fn a_back_dated_checkin_says_when_the_next_is_due_as_status_does() {
    let env = TestEnv::new();
    Journal::new(&env)
        .relationship(
            "ada",
            r#"
            person = "Ada Lovelace"
            kind = "mentoring"
            role = "mentor"
            status = "active"
            started = 2026-09-01
            cadence = "biweekly"
            "#,
        )
        .checkin("ada", "2026-11-13-1", "date = 2026-11-13");
    let run = env.run(&["checkin", "ada", "--date", "2026-10-29", "-m", "Late notes"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    // Counted from the newest meeting (11-13), not the back-dated one.
    assert!(
        run.stderr.contains("next due Fri 2026-11-27 (biweekly)"),
        "{}",
        run.stderr
    );
    let json: Value = serde_json::from_str(&env.ok(&["status", "ada", "--json"])).unwrap();
    assert_eq!(json["next_due"], "2026-11-27");
}

#[test]
fn a_period_report_lists_reviews_and_the_course_corrections_agreed() {
    let env = TestEnv::new();
    Journal::new(&env)
        .relationship(
            "ada",
            r#"
            person = "Ada Lovelace"
            kind = "mentoring"
            role = "mentor"
            status = "active"
            started = 2026-09-01
            cadence = "biweekly"
            reviewed = 2026-10-20
            "#,
        )
        .checkin(
            "ada",
            "2026-10-20-1",
            "date = 2026-10-20\nreview = true\nchanges = [\"Timebox to 45 minutes\", \"She sets the agenda\"]",
        )
        .checkin(
            "ada",
            "2026-11-03-1",
            "date = 2026-11-03\nchanges = [\"Meet in the mornings\"]",
        );
    let text = env
        .ok(&["report", "--since", "2026-10-01"])
        .replace("\n               ", " ");
    assert!(
        text.contains(
            "Reviews      2026-10-20  reviewed the relationship — agreed: Timebox to 45 minutes; She sets the agenda"
        ),
        "{text}"
    );
    assert!(
        text.contains("Agreed       2026-11-03  agreed: Meet in the mornings"),
        "{text}"
    );
    let markdown = env.ok(&["report", "--since", "2026-10-01", "--format", "markdown"]);
    assert!(
        markdown.contains("- **Reviews:**\n  - 2026-10-20: reviewed the relationship — agreed: Timebox to 45 minutes; She sets the agenda"),
        "{markdown}"
    );
    let json: Value =
        serde_json::from_str(&env.ok(&["report", "--since", "2026-10-01", "--format", "json"]))
            .unwrap();
    assert_eq!(
        json["relationships"][0]["corrections"],
        serde_json::json!([
            { "date": "2026-10-20", "review": true, "changes": ["Timebox to 45 minutes", "She sets the agenda"] },
            { "date": "2026-11-03", "review": false, "changes": ["Meet in the mornings"] }
        ])
    );
}
