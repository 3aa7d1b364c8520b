//! Goals, waypoints, actions, strengths, growth areas and advocacy.

use crate::env::TestEnv;
use crate::fixtures::Journal;

fn grace() -> TestEnv {
    let env = TestEnv::new();
    Journal::new(&env).relationship(
        "grace",
        r#"
        person = "Grace Hopper"
        kind = "sponsoring"
        role = "sponsor"
        status = "active"
        started = 2026-03-01
        cadence = "monthly"
        destination = "Staff engineer by 2027"
        opted_in = 2026-03-02
        "#,
    );
    env
}

#[test]
fn every_item_command_changes_the_file_and_says_so() {
    let env = grace();
    let steps: &[(&[&str], &str)] = &[
        (
            &[
                "goal",
                "add",
                "grace",
                "Cross-org visibility",
                "--due",
                "2027-06-30",
                "--date",
                "2026-03-05",
            ],
            "Goal g1 added to grace, due 2027-06-30: Cross-org visibility",
        ),
        (
            &["goal", "add", "grace", "Write more", "--date", "2026-03-05"],
            "Goal g2 added to grace",
        ),
        (
            &["goal", "done", "grace", "g1", "--date", "2026-11-01"],
            "Goal g1 achieved on 2026-11-01 (grace): Cross-org visibility",
        ),
        (
            &["goal", "drop", "grace", "2"],
            "Goal g2 dropped on 2026-11-26 (grace)",
        ),
        (
            &[
                "waypoint",
                "add",
                "grace",
                "Lead the Q1 review",
                "--due",
                "2026-06-30",
                "--date",
                "2026-03-05",
            ],
            "Waypoint w1 added to grace, due 2026-06-30",
        ),
        (
            &[
                "waypoint",
                "add",
                "grace",
                "Own incident reviews",
                "--due",
                "2027-01-31",
                "--date",
                "2026-03-05",
            ],
            "Waypoint w2 added",
        ),
        (
            &[
                "waypoint",
                "add",
                "grace",
                "Old plan",
                "--due",
                "2027-03-01",
                "--date",
                "2026-03-05",
            ],
            "Waypoint w3 added",
        ),
        (
            &["waypoint", "reach", "grace", "w1", "--date", "2026-06-28"],
            "Waypoint w1 reached on 2026-06-28",
        ),
        (&["waypoint", "drop", "grace", "w3"], "Waypoint w3 dropped"),
        (
            &[
                "action",
                "add",
                "grace",
                "Intro to the VP",
                "--date",
                "2026-11-01",
            ],
            "Action a1 added to grace: Intro to the VP",
        ),
        (
            &[
                "action",
                "add",
                "grace",
                "Draft the process",
                "--theirs",
                "--due",
                "in 2w",
            ],
            "Their action a2 added to grace",
        ),
        (&["action", "add", "grace", "Stale idea"], "Action a3 added"),
        (
            &["action", "done", "grace", "a1"],
            "Action a1 done on 2026-11-26 (grace): Intro to the VP",
        ),
        (&["action", "drop", "grace", "a3"], "Action a3 dropped"),
        (
            &["strength", "add", "grace", "Calm incident command"],
            "Strength s1 added to grace",
        ),
        (
            &[
                "growth",
                "add",
                "grace",
                "Writing for executives",
                "--date",
                "2026-03-05",
            ],
            "Growth area c1 added to grace",
        ),
        (
            &["growth", "promote", "grace", "c1", "--date", "2026-09-01"],
            "Growth area c1 is now strength s2 of grace (since 2026-09-01): Writing for executives",
        ),
        (
            &[
                "advocate",
                "grace",
                "Nominated her for the review lead",
                "--date",
                "2026-03-20",
                "--waypoint",
                "w1",
            ],
            "Advocacy v1 logged for grace on 2026-03-20, for w1",
        ),
    ];
    for (args, said) in steps {
        let run = env.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.transcript());
        assert!(
            run.stderr.contains(said),
            "{args:?}: expected {said:?} in\n{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "{args:?} printed to stdout");
    }
    insta::assert_snapshot!(env.read("relationships/grace/relationship.toml"));
    let report = env.ok(&["show", "grace"]);
    insta::assert_snapshot!("report_with_every_item", report);
}

#[test]
fn refusals_name_the_problem_and_write_nothing() {
    let env = grace();
    env.ok(&["goal", "add", "grace", "One", "--date", "2026-03-05"]);
    env.ok(&["goal", "done", "grace", "g1"]);
    env.ok(&["growth", "add", "grace", "Delegation"]);
    env.ok(&["strength", "add", "grace", "Calm"]);
    env.ok(&["waypoint", "add", "grace", "Step", "--due", "2027-01-01"]);
    env.ok(&["new", "ada", "--person", "Ada", "--role", "mentor"]);
    env.ok(&["new", "meg", "--person", "Meg", "--role", "protege"]);
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["goal", "done", "grace", "g9"],
            "there is no goal g9 in grace",
            "has no open goals",
        ),
        (
            &["goal", "done", "grace", "g1"],
            "goal g1 was already achieved on 2026-11-26",
            "",
        ),
        (
            &["goal", "drop", "grace", "g1"],
            "goal g1 was already achieved",
            "",
        ),
        (
            &["goal", "done", "grace", "w1"],
            "w1 is a waypoint, not a goal",
            "takes goal ids",
        ),
        (
            &["goal", "add", "grace", "  "],
            "the goal cannot be empty",
            "",
        ),
        (
            &["goal", "add", "grace", "x", "--due", "2026-01-01"],
            "--due 2026-01-01 is before the goal is added",
            "",
        ),
        (
            &["waypoint", "add", "grace", "x", "--due", "someday"],
            "--due: 'someday' is not a date",
            "",
        ),
        (
            &["waypoint", "add", "grace", "x", "--due", "2026-01-01"],
            "--due 2026-01-01 is before the waypoint is added",
            "",
        ),
        (
            &["waypoint", "reach", "grace", "w1", "--date", "2020-01-01"],
            "2020-01-01 is before waypoint w1 was added",
            "",
        ),
        (
            &["action", "done", "grace", "a1"],
            "there is no action a1 in grace",
            "",
        ),
        (
            &["growth", "promote", "grace", "s1"],
            "s1 is a strength, not a growth area",
            "",
        ),
        (
            &["growth", "promote", "grace", "c7"],
            "there is no growth area c7",
            "open growth areas: c1",
        ),
        (
            &["advocate", "grace", "x", "--waypoint", "w9"],
            "there is no waypoint w9 in grace",
            "",
        ),
        (
            &["advocate", "grace", "x", "--date", "tomorrow"],
            "is in the future",
            "",
        ),
        (
            &["advocate", "ada", "x"],
            "ada is mentoring; advocacy is logged in sponsoring relationships",
            "rel evolve ada --into sponsoring",
        ),
        (
            &["advocate", "meg", "x"],
            "you are the protégé in meg; advocacy is what the sponsor does for you",
            "",
        ),
        (
            &["goal", "add", "nobody", "x"],
            "no relationship named 'nobody'",
            "",
        ),
    ];
    for (args, message, hint) in cases {
        let run = env.refuses(1, args);
        assert!(
            run.stderr.contains(message),
            "{args:?}: expected {message:?} in\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(hint),
            "{args:?}: expected hint {hint:?} in\n{}",
            run.stderr
        );
        assert_eq!(
            run.stderr
                .lines()
                .filter(|l| l.starts_with("error: "))
                .count(),
            1,
            "{args:?}"
        );
    }
}

#[test]
fn promoting_twice_is_refused() {
    let env = grace();
    env.ok(&["growth", "add", "grace", "Delegation"]);
    env.ok(&["growth", "promote", "grace", "c1"]);
    let run = env.refuses(1, &["growth", "promote", "grace", "c1"]);
    assert!(
        run.stderr
            .contains("growth area c1 was already promoted on 2026-11-26"),
        "{}",
        run.stderr
    );
}

#[test]
fn ids_stay_unique_and_are_never_reused_after_drops_and_hand_edits() {
    let env = grace();
    for text in ["one", "two", "three"] {
        env.ok(&["action", "add", "grace", text]);
    }
    env.ok(&["action", "drop", "grace", "a3"]);
    env.ok(&["action", "add", "grace", "four"]);
    // A hand edit removes a4 (the last item in the file) ...
    let text = env.read("relationships/grace/relationship.toml");
    let cut = text.find("[[action]]\nid = \"a4\"").unwrap();
    env.write("relationships/grace/relationship.toml", &text[..cut]);
    env.ok(&["action", "add", "grace", "five"]);
    env.ok(&[
        "checkin",
        "grace",
        "--action",
        "six",
        "--their-action",
        "seven",
    ]);
    let rel = env.relationship("grace");
    let ids: Vec<&str> = rel["action"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["a1", "a2", "a3", "a5", "a6", "a7"],
        "... and a4 is gone for good"
    );

    // A hand edit that lowers the counter below ids still in the file
    // cannot bring one back either.
    let text = env
        .read("relationships/grace/relationship.toml")
        .replace("action = 7", "action = 1");
    env.write("relationships/grace/relationship.toml", &text);
    env.ok(&["action", "add", "grace", "eight"]);
    assert!(
        env.read("relationships/grace/relationship.toml")
            .contains("id = \"a8\"\ntext = \"eight\"")
    );
}

#[test]
fn actions_lists_open_items_oldest_first() {
    let env = grace();
    env.ok(&["new", "--person", "Ada Lovelace", "--role", "mentor"]);
    env.ok(&[
        "action",
        "add",
        "grace",
        "Intro to the VP",
        "--date",
        "2026-09-01",
    ]);
    env.ok(&[
        "action",
        "add",
        "ada-lovelace",
        "Send the book",
        "--date",
        "2026-08-01",
    ]);
    env.ok(&[
        "action",
        "add",
        "ada-lovelace",
        "Draft the RFC",
        "--theirs",
        "--date",
        "2026-11-01",
        "--due",
        "2026-11-20",
    ]);
    env.ok(&[
        "action",
        "add",
        "grace",
        "Done already",
        "--date",
        "2026-07-01",
    ]);
    env.ok(&["action", "done", "grace", "a2"]);
    let run = env.run(&["actions"]);
    insta::assert_snapshot!(run.stdout);
    let one = env.ok(&["actions", "ada-lovelace", "--theirs"]);
    assert!(
        one.contains("Draft the RFC") && !one.contains("Send the book"),
        "{one}"
    );
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["actions", "--json"])).unwrap();
    assert_eq!(json["version"], 1);
    let list = json["actions"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["id"], "a1");
    assert_eq!(list[0]["handle"], "ada-lovelace");
    assert_eq!(list[0]["age_days"], 117);
    assert_eq!(list[2]["overdue"], true);
}

#[test]
fn advocacy_clears_the_nudge_and_shows_on_the_timeline() {
    let env = grace();
    env.ok(&[
        "waypoint",
        "add",
        "grace",
        "Lead the Q1 review",
        "--due",
        "2027-03-31",
    ]);
    let before = env.ok(&["status"]);
    assert!(
        before.contains("no act of advocacy recorded (expected every 2 months)"),
        "{before}"
    );
    env.ok(&[
        "advocate",
        "grace",
        "Introduced her to the CTO",
        "--date",
        "2026-11-20",
        "--waypoint",
        "w1",
    ]);
    let after = env.ok(&["status"]);
    assert!(!after.contains("act of advocacy"), "{after}");
    let report = env.ok(&["show", "grace"]);
    assert!(
        report.contains("★ v1  Introduced her to the CTO  advocacy 2026-11-20 · for w1"),
        "{report}"
    );
    let today = report.find("── today, 2026-11-26 ──").unwrap();
    assert!(
        report.find("v1").unwrap() < today && today < report.find("▸ w1").unwrap(),
        "{report}"
    );
}

#[test]
fn ids_that_ran_out_are_a_user_error_naming_last_id() {
    let env = TestEnv::new();
    Journal::new(&env).relationship(
        "grace",
        r#"
        person = "Grace Hopper"
        kind = "sponsoring"
        role = "sponsor"
        status = "active"
        started = 2026-03-01

        [last_id]
        goal = 4294967295
        action = 4294967294

        [[action]]
        id = "a4294967295"
        text = "The last one"
        owner = "me"
        added = 2026-03-01
        "#,
    );
    let run = env.refuses(1, &["goal", "add", "grace", "One more"]);
    assert_eq!(
        run.stderr,
        "error: no goal ids are left in grace: [last_id] goal (or an id in the file) is already 4294967295, the highest there can be, and ids are never reused\n\
         hint: nothing was written; if a hand edit raised it, set [last_id] goal in [TMP]/journal/relationships/grace/relationship.toml back to the highest goal id in use (rel edit grace)\n"
    );
    // The highest id in the file counts as much as the counter; a
    // check-in that would open an action is refused whole (its words kept
    // as a draft, as for any check-in that could not be written).
    let run = env.fails(1, &["checkin", "grace", "-m", "met", "--action", "Another"]);
    assert!(
        run.stderr
            .starts_with("error: no action ids are left in grace: "),
        "{}",
        run.stderr
    );
    assert!(env.checkins("grace").is_empty());
    assert!(env.path("drafts/checkin-grace-2026-11-26.toml").exists());
    // What needs no new id still works.
    env.ok(&[
        "waypoint",
        "add",
        "grace",
        "Lead a review",
        "--due",
        "2027-01-01",
    ]);
    env.ok(&["checkin", "grace", "-m", "met"]);
}
