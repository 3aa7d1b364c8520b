//! `rel export`, and the round trip through `rel import`.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::env::TestEnv;
use crate::fixtures::{self, Journal};

/// Notes no file format makes easy: TOML's own quotes, backslashes,
/// escapes that must stay literal, several lines, and non-Latin text.
pub const AWKWARD: &str = "She quoted \"\"\"the RFC\"\"\" and ''' too.\nA path: C:\\temp\\new \\n is not a newline.\n\tZoë, 李小龙, 🚀 — and a last line";

/// A journal with one of everything, as rel's own commands wrote it.
pub fn rich_journal(env: &TestEnv) {
    Journal::new(env)
        .relationship(
            "ada-lovelace",
            r#"
            person = "Ada Lovelace"
            kind = "mentoring"
            role = "mentor"
            status = "active"
            started = 2026-09-01
            cadence = "biweekly"
            purpose = "Grow into a tech lead"
            reviewed = 2026-11-20

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            goal = 2
            action = 2

            [agreement]
            date = 2026-09-03
            how = "Fortnightly, 45 minutes"

            [[event]]
            date = 2026-11-26
            what = "changed"
            note = "purpose: — → Grow into a tech lead; agreed: — → 2026-09-03; how: — → Fortnightly, 45 minutes"

            [[goal]]
            id = "g1"
            text = "Run a design review"
            added = 2026-09-01
            due = 2027-03-01
            achieved = 2026-11-21

            [[goal]]
            id = "g2"
            text = "Mentor an intern"
            added = 2026-09-01

            [[action]]
            id = "a1"
            text = "Send the doc"
            owner = "me"
            added = 2026-10-01
            checkin = "2026-10-01-1"
            done = 2026-11-20

            [[action]]
            id = "a2"
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
            rating = 4
            notes = """
            She quoted ""\"the RFC""\" and ''' too.
            A path: C:\\temp\\new \\n is not a newline.
            \tZoë, 李小龙, 🚀 — and a last line"""
            working = ["Her own agenda"]

            [[opened]]
            id = "a1"
            text = "Send the doc"
            owner = "me"

            [[opened]]
            id = "a2"
            text = "Draft the RFC"
            owner = "them"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-11-20-1",
            r#"
            date = 2026-11-20
            review = true
            notes = "second"
            not_working = ["Meetings run over"]
            changes = ["Timebox to 45 minutes"]
            next = 2026-12-04
            closed = ["a1"]
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-11-20-2",
            r#"
            date = 2026-11-20
            notes = "same day"
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
            destination = "Staff engineer by 2027"
            why = "She already leads"
            opted_in = 2026-08-15

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            waypoint = 1
            advocacy = 1
            strength = 2
            growth = 1

            [[waypoint]]
            id = "w1"
            text = "Lead the Q1 planning review"
            due = 2027-03-31
            added = 2026-08-15

            [[advocacy]]
            id = "v1"
            date = 2026-10-01
            text = "Nominated her for the panel"
            waypoint = "w1"

            [[strength]]
            id = "s1"
            text = "Calm incident command"
            added = 2026-11-26

            [[strength]]
            id = "s2"
            text = "Writing for executives"
            added = 2026-11-26
            from = "c1"

            [[growth]]
            id = "c1"
            text = "Writing for executives"
            added = 2026-11-26
            promoted = 2026-11-26
            strength = "s2"
            "#,
        )
        .relationship(
            "linus",
            r#"
            person = "Linus"
            kind = "mentoring"
            role = "mentor"
            status = "paused"
            started = 2026-10-01
            topic = "kernel reviews"
            until = 2027-01-31
            sessions = 6

            [[event]]
            date = 2026-11-26
            what = "evolved"
            from = "reverse-mentoring"
            from_role = "learner"

            [[event]]
            date = 2026-11-26
            what = "paused"
            note = "Parental leave"
            "#,
        )
        .checkin(
            "linus",
            "2026-10-15-1",
            r#"
            date = 2026-10-15
            notes = "first session"
            "#,
        )
        .relationship(
            "ken",
            r#"
            person = "Ken"
            kind = "mentoring"
            role = "mentee"
            status = "ended"
            started = 2026-01-05

            # The highest id handed out so far: rel never reuses an id, so never lower these.
            [last_id]
            goal = 1

            [ending]
            date = 2026-11-26
            result = "completed"
            outcome = "I write Go now"

            [[event]]
            date = 2026-11-26
            what = "ended"

            [[goal]]
            id = "g1"
            text = "Learn Go"
            added = 2026-01-05
            achieved = 2026-11-26
            assessment = "achieved"
            "#,
        );
}

/// The export of a journal, parsed.
pub fn exported(env: &TestEnv, args: &[&str]) -> (String, Value) {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let text = env.ok(&all);
    let value = serde_json::from_str(&text).unwrap();
    (text, value)
}

/// The journal's relationship folders and files, by path, as text.
pub fn relationship_files(env: &TestEnv) -> BTreeMap<String, String> {
    env.files()
        .into_iter()
        .filter(|(path, _)| path.starts_with("relationships/"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn exports_every_relationship_item_event_and_checkin() {
    let env = TestEnv::new();
    rich_journal(&env);
    let (_, doc) = exported(&env, &[]);
    assert_eq!(doc["format"], "rel-export");
    assert_eq!(doc["version"], 4);
    assert_eq!(doc["exported_at"], "2026-11-26");
    let handles: Vec<&str> = doc["relationships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["handle"].as_str().unwrap())
        .collect();
    assert_eq!(handles, ["ada-lovelace", "grace", "ken", "linus"]);

    let ada = &doc["relationships"][0];
    let ids: Vec<&str> = ada["checkins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["2026-10-01-1", "2026-11-20-1", "2026-11-20-2"]);
    assert_eq!(ada["checkins"][0]["notes"], AWKWARD);
    assert_eq!(ada["checkins"][0]["opened"][1]["id"], "a2");
    assert_eq!(ada["relationship"]["goal"][0]["achieved"], "2026-11-21");
    assert_eq!(
        ada["relationship"]["agreement"]["how"],
        "Fortnightly, 45 minutes"
    );
    assert_eq!(
        ada["toml"].as_str().unwrap(),
        env.read("relationships/ada-lovelace/relationship.toml")
    );
    assert_eq!(
        ada["checkins"][0]["toml"].as_str().unwrap(),
        env.read("relationships/ada-lovelace/checkins/2026-10-01-1.toml")
    );

    let grace = &doc["relationships"][1]["relationship"];
    assert_eq!(grace["advocacy"][0]["waypoint"], "w1");
    assert_eq!(grace["strength"][1]["from"], "c1");
    let linus = &doc["relationships"][3]["relationship"];
    let events: Vec<&str> = linus["event"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["what"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["evolved", "paused"]);
    assert_eq!(linus["event"][0]["from"], "reverse-mentoring");
    assert_eq!(
        doc["relationships"][2]["relationship"]["ending"]["result"],
        "completed"
    );
}

#[test]
fn an_import_of_an_export_reproduces_the_journal_byte_for_byte() {
    let from = TestEnv::new();
    rich_journal(&from);
    let (before, _) = exported(&from, &[]);
    let backup = from.tmp().join("backup.json");
    std::fs::write(&backup, &before).unwrap();

    let to = TestEnv::new();
    let run = to.run(&["import", backup.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        "Imported 4 relationships and 4 check-ins from [TMP]/backup.json (exported 2026-11-26).\n"
            .replace("[TMP]", from.tmp().to_str().unwrap())
    );
    let (after, _) = exported(&to, &[]);
    assert_eq!(before, after, "the export after the round trip");
    assert_eq!(relationship_files(&from), relationship_files(&to));
    for args in [
        &["status", "--all"][..],
        &["show", "ada-lovelace"],
        &["list", "--all"],
    ] {
        assert_eq!(from.ok(args), to.ok(args), "rel {args:?}");
    }
}

#[test]
fn comments_and_unknown_keys_travel_with_the_file() {
    let from = TestEnv::new();
    fixtures::ada(&from);
    let path = "relationships/ada-lovelace/relationship.toml";
    let hand = from.read(path).replace(
        "cadence = \"biweekly\"\n",
        "cadence = \"biweekly\"   # we agreed on this\nfavourite_tea = \"earl grey\"\n",
    );
    from.write(path, &hand);
    from.ok(&["checkin", "ada-lovelace", "-m", "notes"]);
    let checkin = &from.checkin_path("ada-lovelace", "2026-11-26-1");
    let hand_checkin = format!(
        "# written in the lobby\n{}mood = \"good\"\n",
        from.read(checkin)
    );
    from.write(checkin, &hand_checkin);
    let (text, _) = exported(&from, &[]);

    let to = TestEnv::new();
    to.run_with(to.cmd().args(["import", "-"]).write_stdin(text));
    assert_eq!(to.read(path), hand);
    assert_eq!(to.read(checkin), hand_checkin);
}

#[test]
fn chosen_handles_only_sorted_once_each() {
    let env = TestEnv::new();
    rich_journal(&env);
    let (_, doc) = exported(&env, &["linus", "ada-lovelace", "linus"]);
    let handles: Vec<&str> = doc["relationships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["handle"].as_str().unwrap())
        .collect();
    assert_eq!(handles, ["ada-lovelace", "linus"]);
    let run = env.fails(1, &["export", "ada-lovelace", "gracee"]);
    assert!(run.stdout.is_empty());
    insta::assert_snapshot!(run.stderr, @r"
    error: no relationship named 'gracee'
    hint: did you mean 'grace'? (rel list shows them all)
    ");
}

#[test]
fn a_small_export_looks_like_this() {
    let env = TestEnv::new();
    env.ok(&[
        "new",
        "--person",
        "Ada",
        "--role",
        "mentor",
        "--started",
        "2026-11-01",
        "--goal",
        "Ship it",
    ]);
    env.ok(&[
        "checkin",
        "ada",
        "-m",
        "line one\nline two",
        "--rating",
        "5",
    ]);
    insta::assert_snapshot!(env.ok(&["export"]));
}

#[test]
fn a_broken_file_fails_the_whole_export() {
    let env = TestEnv::new();
    rich_journal(&env);
    env.write(
        "relationships/grace/checkins/2026-10-02-1.toml",
        "date = 2026-10-02\nrating = 9\n",
    );
    let run = env.fails(2, &["export"]);
    assert!(
        run.stdout.is_empty(),
        "nothing is exported:\n{}",
        run.stdout
    );
    insta::assert_snapshot!(run.stderr);
    // The other relationships can still be exported by name.
    exported(&env, &["ada-lovelace", "linus"]);
    env.fails(2, &["export", "grace"]);
}

#[test]
fn an_empty_journal_exports_an_empty_list() {
    let env = TestEnv::new();
    let (_, doc) = exported(&env, &[]);
    assert_eq!(doc["relationships"], Value::Array(Vec::new()));
}

#[test]
fn a_journal_a_newer_rel_wrote_is_not_exported() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.write("journal.toml", "format = 3\n");
    let run = env.fails(2, &["export"]);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("written by a newer rel (format 3 > 2); an export by this rel could miss what it does not know"),
        "{}",
        run.stderr
    );
}
