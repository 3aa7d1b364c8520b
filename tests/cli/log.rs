//! `rel log`.

use crate::env::TestEnv;
use crate::fixtures::Journal;

/// Ada, with four meetings: one with everything, one with notes in
/// paragraphs, one with nothing written down, and the first.
pub fn journal() -> TestEnv {
    let env = TestEnv::new();
    Journal::new(&env)
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
            goal = 1
            waypoint = 1
            action = 3

            [[goal]]
            id = "g1"
            text = "Run a design review"
            added = 2026-09-01

            [[waypoint]]
            id = "w1"
            text = "Present the RFC at the architecture review"
            due = 2026-12-15
            added = 2026-09-01
            reached = 2026-11-20

            [[action]]
            id = "a1"
            text = "Find a sponsor for the review"
            owner = "me"
            added = 2026-10-01
            checkin = "2026-10-01-1"

            [[action]]
            id = "a2"
            text = "Draft the RFC"
            owner = "them"
            added = 2026-10-01
            checkin = "2026-10-01-1"
            done = 2026-11-20

            [[action]]
            id = "a3"
            text = "Circulate the RFC"
            owner = "them"
            added = 2026-11-20
            checkin = "2026-11-20-1"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-10-01-1",
            r#"
            date = 2026-10-01
            rating = 3
            notes = "First proper meeting."

            [[opened]]
            id = "a1"
            text = "Find a sponsor for the review"
            owner = "me"

            [[opened]]
            id = "a2"
            text = "Draft the RFC"
            owner = "them"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-10-15-1",
            r#"
            date = 2026-10-15
            rating = 4
            notes = """
            We went through her goals for the year and agreed that the design review is the thing to aim at; she is nervous about presenting to the architecture group, so we will rehearse.

            Next time: the RFC outline."""
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-10-29-1",
            "date = 2026-10-29",
        )
        .checkin(
            "ada-lovelace",
            "2026-11-20-1",
            r#"
            date = 2026-11-20
            rating = 5
            review = true
            notes = """
            Talked through the RFC.
            She wants to present it herself."""
            working = [
              "Her own agenda",
              "Weekly written updates",
            ]
            not_working = ["Meetings run over"]
            changes = ["Timebox to 45 minutes"]
            next = 2026-12-04
            closed = ["a2"]
            reached = ["w1"]

            [[opened]]
            id = "a3"
            text = "Circulate the RFC"
            owner = "them"
            "#,
        );
    env
}

#[test]
fn shows_every_checkin_newest_first_in_full() {
    let env = journal();
    let run = env.run(&["log", "ada-lovelace"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn wraps_to_a_narrow_terminal_without_cutting() {
    let env = journal();
    let run = env.run_with(env.cmd().env("COLUMNS", "60").args(["log", "ada-lovelace"]));
    assert_eq!(run.code, 0, "{}", run.transcript());
    for line in run.stdout.lines() {
        assert!(line.chars().count() <= 60, "{line:?}");
    }
    // Every word of the long note is there.
    let words: String = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains(
            "she is nervous about presenting to the architecture group, so we will rehearse."
        ),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn json_has_every_field_of_every_checkin() {
    let env = journal();
    let value: serde_json::Value =
        serde_json::from_str(&env.ok(&["log", "ada-lovelace", "--json"])).unwrap();
    assert_eq!(value["handle"], "ada-lovelace");
    assert_eq!(value["person"], "Ada Lovelace");
    assert_eq!(value["total"], 4);
    assert_eq!(value["problems"], serde_json::json!([]));
    let checkins = value["checkins"].as_array().unwrap();
    let ids: Vec<&str> = checkins.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "2026-11-20-1",
            "2026-10-29-1",
            "2026-10-15-1",
            "2026-10-01-1"
        ]
    );
    for c in checkins {
        let mut keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "achieved",
                "changes",
                "closed",
                "date",
                "dropped",
                "id",
                "moved",
                "next",
                "not_working",
                "notes",
                "opened",
                "rating",
                "reached",
                "review",
                "working"
            ],
            "every field, always"
        );
    }
    let last = &checkins[0];
    assert_eq!(last["date"], "2026-11-20");
    assert_eq!(last["rating"], 5);
    assert_eq!(last["review"], true);
    assert_eq!(
        last["notes"],
        "Talked through the RFC.\nShe wants to present it herself."
    );
    assert_eq!(
        last["working"],
        serde_json::json!(["Her own agenda", "Weekly written updates"])
    );
    assert_eq!(
        last["not_working"],
        serde_json::json!(["Meetings run over"])
    );
    assert_eq!(
        last["changes"],
        serde_json::json!(["Timebox to 45 minutes"])
    );
    assert_eq!(
        last["opened"],
        serde_json::json!([{ "id": "a3", "text": "Circulate the RFC", "owner": "them", "due": null }])
    );
    assert_eq!(
        last["closed"],
        serde_json::json!([{ "id": "a2", "text": "Draft the RFC" }])
    );
    assert_eq!(
        last["reached"],
        serde_json::json!([{ "id": "w1", "text": "Present the RFC at the architecture review" }])
    );
    assert_eq!(last["next"], "2026-12-04");
    let empty = &checkins[1];
    assert_eq!(empty["rating"], serde_json::Value::Null);
    assert_eq!(empty["notes"], serde_json::Value::Null);
    assert_eq!(empty["review"], false);
    assert_eq!(empty["working"], serde_json::json!([]));
    assert_eq!(empty["next"], serde_json::Value::Null);
}

#[test]
fn dates_and_counts_narrow_the_log() {
    let env = journal();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["log", "ada-lovelace", "--json"];
        all.extend_from_slice(args);
        let value: serde_json::Value = serde_json::from_str(&env.ok(&all)).unwrap();
        value["checkins"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids(&["--since", "2026-10-15"]),
        ["2026-11-20-1", "2026-10-29-1", "2026-10-15-1"]
    );
    assert_eq!(
        ids(&["--until", "2026-10-15"]),
        ["2026-10-15-1", "2026-10-01-1"]
    );
    assert_eq!(
        ids(&["--since", "2026-10-02", "--until", "2026-10-29"]),
        ["2026-10-29-1", "2026-10-15-1"]
    );
    // Relative dates count from --as-of (REL_TODAY is 2026-11-26).
    assert_eq!(
        ids(&["--since", "4w ago"]),
        ["2026-11-20-1", "2026-10-29-1"]
    );
    assert_eq!(ids(&["--until", "yesterday", "-n", "1"]), ["2026-11-20-1"]);
    assert_eq!(ids(&["-n", "2"]), ["2026-11-20-1", "2026-10-29-1"]);
    assert_eq!(
        ids(&["-n", "2", "--until", "2026-10-29"]),
        ["2026-10-29-1", "2026-10-15-1"]
    );

    let run = env.run(&["log", "ada-lovelace", "-n", "1"]);
    assert!(
        run.stdout
            .starts_with("Ada Lovelace (ada-lovelace)\nthe newest 1 of 4 check-ins\n"),
        "{}",
        run.stdout
    );
    let run = env.run(&["log", "ada-lovelace", "--since", "2026-10-02"]);
    assert!(
        run.stdout
            .contains("\n3 of 4 check-ins since 2026-10-02, newest first\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_empty_result_says_so_on_stderr() {
    let env = journal();
    let run = env.run(&["log", "ada-lovelace", "--since", "2026-11-21"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "No check-ins with Ada Lovelace since 2026-11-21 (4 in all; rel log ada-lovelace shows them).\n"
    );

    env.ok(&["new", "--person", "Grace Hopper", "--role", "sponsor"]);
    let run = env.run(&["log", "grace-hopper"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    assert_eq!(
        run.stderr,
        "No check-ins with Grace Hopper yet; rel checkin grace-hopper records one.\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["log", "grace-hopper", "--json"])).unwrap();
    assert_eq!(json["checkins"], serde_json::json!([]));
}

#[test]
fn bad_input_is_a_user_error() {
    let env = journal();
    let run = env.refuses(1, &["log", "ada-lovelce"]);
    assert_eq!(
        run.stderr,
        "error: no relationship named 'ada-lovelce'\nhint: did you mean 'ada-lovelace'? (rel list shows them all)\n"
    );
    let run = env.refuses(1, &["log", "ada-lovelace", "--since", "someday"]);
    assert!(
        run.stderr
            .starts_with("error: --since: 'someday' is not a date\nhint: dates look like"),
        "{}",
        run.stderr
    );
    let run = env.refuses(
        1,
        &[
            "log",
            "ada-lovelace",
            "--since",
            "2026-11-01",
            "--until",
            "2026-10-01",
        ],
    );
    assert_eq!(
        run.stderr,
        "error: --since 2026-11-01 is after --until 2026-10-01\nhint: swap them, or leave one out\n"
    );
    env.refuses(1, &["log", "ada-lovelace", "-n", "0"]);
}

#[test]
fn a_broken_checkin_is_located_and_the_rest_still_shows() {
    let env = journal();
    let path = "relationships/ada-lovelace/checkins/2026-10-29-1.toml";
    env.write(path, "date = 2026-10-29\nrating = \"five\"\n");
    let run = env.refuses(2, &["log", "ada-lovelace"]);
    assert!(run.stdout.contains("── Fri 2026-11-20"), "{}", run.stdout);
    assert!(run.stdout.contains("── Thu 2026-10-15"), "{}", run.stdout);
    assert!(!run.stdout.contains("2026-10-29 "), "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "error: [TMP]/journal/relationships/ada-lovelace/checkins/2026-10-29-1.toml:2:10: invalid type: string \"five\", expected a rating from 1 to 5\n\
         hint: rel never overwrites a file it cannot read; fix it by hand, then run rel check\n"
    );
    let run = env.fails(2, &["log", "ada-lovelace", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["checkins"].as_array().unwrap().len(), 3);
    assert_eq!(value["problems"][0]["line"], 2);
}

#[test]
fn a_broken_relationship_file_still_shows_the_checkins() {
    let env = journal();
    env.write(
        "relationships/ada-lovelace/relationship.toml",
        "person = \"Ada\"\nkind = [\n",
    );
    let run = env.refuses(2, &["log", "ada-lovelace", "-n", "1"]);
    assert!(run.stdout.starts_with("ada-lovelace\n"), "{}", run.stdout);
    // Without relationship.toml the ids have no text to go with them.
    assert!(run.stdout.contains("closed       a2\n"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("relationships/ada-lovelace/relationship.toml:2:9: unclosed array"),
        "{}",
        run.stderr
    );
}
