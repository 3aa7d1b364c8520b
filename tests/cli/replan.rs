//! Re-planning items: move, rename, reopen, each kept on the item.

use crate::env::TestEnv;
use crate::fixtures::Journal;

/// A sponsorship with a waypoint due before today (2026-11-26), a goal and
/// an open action.
pub fn grace() -> TestEnv {
    let env = TestEnv::new();
    Journal::new(&env)
        .relationship(
            "grace",
            r#"
        person = "Grace Hopper"
        kind = "sponsoring"
        role = "sponsor"
        status = "active"
        started = 2026-03-01
        cadence = "monthly"
        purpose = "Staff engineer"
        their_aims = "The big storage decisions"
        destination = "Staff engineer by 2027"
        why = "She does the work already"
        opted_in = 2026-03-02
        reviewed = 2026-11-12

        [agreement]
        date = 2026-03-02
        how = "Monthly"

        [last_id]
        goal = 1
        waypoint = 2
        action = 1
        advocacy = 1

        [[goal]]
        id = "g1"
        text = "Every director knows her work"
        added = 2026-03-02
        due = 2027-01-29

        [[waypoint]]
        id = "w1"
        text = "Lead the migration design review"
        due = 2026-04-15
        added = 2026-03-02
        reached = 2026-03-30

        # The big one.
        [[waypoint]]
        id = "w2"
        text = "Own the incident-review program"
        due = 2026-10-31
        added = 2026-07-13

        [[action]]
        id = "a1"
        text = "Grace: draft the program charter"
        owner = "them"
        added = 2026-11-12
        due = 2026-11-20
        checkin = "2026-11-12-1"

        [[advocacy]]
        id = "v1"
        date = 2026-10-01
        text = "Proposed her as owner of the incident-review program"
        waypoint = "w2"
        "#,
        )
        .checkin(
            "grace",
            "2026-11-12-1",
            r#"
        date = 2026-11-12
        review = true
        notes = "The reorg moved planning to January."

        [[opened]]
        id = "a1"
        text = "Grace: draft the program charter"
        owner = "them"
        due = 2026-11-20
        "#,
        );
    env
}

const FILE: &str = "relationships/grace/relationship.toml";

#[test]
fn each_change_is_said_and_kept_on_the_item() {
    let env = grace();
    let steps: &[(&[&str], &str)] = &[
        (
            &[
                "waypoint",
                "move",
                "grace",
                "w2",
                "--due",
                "2027-01-31",
                "--because",
                "Planning moved to January with the reorg",
            ],
            "Waypoint w2 moved from 2026-10-31 to 2027-01-31 (grace): Own the incident-review program\n  because Planning moved to January with the reorg\n  slipped once, 92 days in all (first due 2026-10-31)\n",
        ),
        (
            &["waypoint", "move", "grace", "2", "--due", "in 3m"],
            "(--due in 3m: Fri 2027-02-26)\nWaypoint w2 moved from 2027-01-31 to 2027-02-26 (grace): Own the incident-review program\n  slipped twice, 118 days in all (first due 2026-10-31)\n",
        ),
        (
            &[
                "waypoint",
                "rename",
                "grace",
                "w2",
                "Own the cross-team incident-review program",
            ],
            "Waypoint w2 renamed from \"Own the incident-review program\" (grace): Own the cross-team incident-review program\n",
        ),
        (
            &[
                "waypoint",
                "reopen",
                "grace",
                "w1",
                "--because",
                "Marked by mistake",
            ],
            "Waypoint w1 reopened (it was reached on 2026-03-30) (grace): Lead the migration design review\n  because Marked by mistake\n",
        ),
        (
            &["goal", "move", "grace", "g1", "--due", "2027-03-31"],
            "Goal g1 moved from 2027-01-29 to 2027-03-31 (grace)",
        ),
        (
            &["action", "move", "grace", "a1", "--due", "2026-12-04"],
            "Action a1 moved from 2026-11-20 to 2026-12-04 (grace)",
        ),
        (&["action", "done", "grace", "a1"], "Action a1 done"),
        (
            &["action", "reopen", "grace", "a1"],
            "Action a1 reopened (it was done on 2026-11-26) (grace)",
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
    }
    let file = env.read(FILE);
    // The person's comment stays above its waypoint; the history follows it.
    let w2 = &file[file.find("# The big one.").unwrap()..file.find("[[action]]").unwrap()];
    insta::assert_snapshot!("a_waypoint_that_slipped_twice", w2);
    env.ok(&["check"]);
}

#[test]
fn refusals_say_why_and_write_nothing() {
    let env = grace();
    env.ok(&["new", "ken", "--person", "Ken", "--role", "expert"]);
    env.ok(&["end", "ken", "--as", "completed"]);
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["waypoint", "move", "grace", "w1", "--due", "2027-01-01"],
            "error: cannot change grace: waypoint w1 was reached on 2026-03-30",
            "hint: reopen it first (rel waypoint reopen grace w1), or add a new one",
        ),
        (
            &["waypoint", "move", "grace", "w2", "--due", "2026-10-31"],
            "waypoint w2 is already due on 2026-10-31",
            "nothing to change",
        ),
        (
            &["waypoint", "move", "grace", "w2", "--due", "2026-11-01"],
            "2026-11-01 is in the past; waypoint w2 can only move to a day still to come",
            "give a due date still to come",
        ),
        (
            &["waypoint", "move", "grace", "w2", "--due", "someday"],
            "--due",
            "dates look like",
        ),
        (
            &["waypoint", "move", "grace", "w9", "--due", "2027-01-01"],
            "there is no waypoint w9 in grace",
            "open waypoints: w2",
        ),
        (
            &["waypoint", "move", "grace", "g1", "--due", "2027-01-01"],
            "rel waypoint move",
            "waypoint ids",
        ),
        (
            &["waypoint", "move", "grace", "w1,w2", "--due", "2027-01-01"],
            "rel waypoint move takes one waypoint id",
            "one at a time",
        ),
        (
            &["waypoint", "rename", "grace", "w2", "  "],
            "the waypoint cannot be empty",
            "",
        ),
        (
            &[
                "waypoint",
                "rename",
                "grace",
                "w2",
                "Own the incident-review program",
            ],
            "waypoint w2 already says that",
            "",
        ),
        (
            &["waypoint", "reopen", "grace", "w2"],
            "waypoint w2 is open",
            "only a closed waypoint reopens",
        ),
        (
            &["goal", "move", "ken", "g1", "--due", "2027-01-01"],
            "ken ended on 2026-11-26",
            "",
        ),
        (&["waypoint", "move", "grace", "w2"], "--due <DATE>", ""),
    ];
    for (args, message, hint) in cases {
        let run = env.refuses(1, args);
        assert!(
            run.stderr.contains(message) && run.stderr.contains(hint),
            "{args:?}: expected {message:?} / {hint:?} in\n{}",
            run.stderr
        );
    }
}

#[test]
fn show_says_a_waypoint_slipped_and_json_counts_it() {
    let env = grace();
    env.ok(&[
        "waypoint",
        "move",
        "grace",
        "w2",
        "--due",
        "2027-01-31",
        "--because",
        "The reorg",
    ]);
    env.ok(&["waypoint", "move", "grace", "w2", "--due", "2027-02-26"]);
    insta::assert_snapshot!("show_with_a_slipped_waypoint", env.ok(&["show", "grace"]));
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["show", "grace", "--json"])).unwrap();
    assert_eq!(
        json["slipped"],
        serde_json::json!([{
            "id": "w2", "text": "Own the incident-review program", "due": "2027-02-26",
            "first_due": "2026-10-31", "slips": 2, "days_slipped": 118
        }])
    );
    let history = &json["relationship"]["waypoint"][1]["history"];
    assert_eq!(history[0]["because"], "The reorg");
    assert_eq!(
        history[1]["due"],
        serde_json::json!({"from": "2027-01-31", "to": "2027-02-26"})
    );
    let status: serde_json::Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    assert_eq!(status["relationships"][0]["slipped"][0]["slips"], 2);
}

#[test]
fn a_late_item_offers_done_move_and_drop_until_it_moves() {
    let env = grace();
    let status: serde_json::Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    assert_eq!(status["attention"][0]["key"], "waypoint-late");
    assert_eq!(
        status["attention"][0]["fix"],
        "rel waypoint reach grace w2 · rel waypoint move grace w2 --due DATE · rel waypoint drop grace w2"
    );
    env.ok(&["waypoint", "move", "grace", "w2", "--due", "2027-01-31"]);
    assert!(!env.ok(&["status"]).contains("waypoint w2"));
    // A day before the move sees the plan as it stood: late.
    let before = env.ok(&["status", "--as-of", "2026-11-20"]);
    assert!(
        before.contains("waypoint w2 \"Own the incident-review program\" was due 2026-10-31"),
        "{before}"
    );
}

#[test]
fn a_checkin_moves_and_drops_items_and_keeps_the_record() {
    let env = grace();
    let run = env.run(&[
        "checkin",
        "grace",
        "-m",
        "Dmitri said yes, from January",
        "--move",
        "w2=2027-01-31",
        "--move",
        "g1=in 3m",
        "--drop",
        "a1",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains("(--move g1 in 3m: Fri 2027-02-26)\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("\n  moved w2 to 2027-01-31 · moved g1 to 2027-02-26 · dropped a1\n"),
        "{}",
        run.stderr
    );
    let checkin = env.checkin_text("grace", "2026-11-26-1");
    assert!(
        checkin.ends_with("dropped = [\"a1\"]\n\n[[moved]]\nid = \"w2\"\ndue = 2027-01-31\n\n[[moved]]\nid = \"g1\"\ndue = 2027-02-26\n"),
        "{checkin}"
    );
    let file = env.read(FILE);
    // The history names the check-in by its full name, tag and all.
    let path = env.checkin_path("grace", "2026-11-26-1");
    let name = path.rsplit('/').next().unwrap().trim_end_matches(".toml");
    assert!(
        file.contains(&format!("[[waypoint.history]]\ndate = 2026-11-26\ndue = {{ from = 2026-10-31, to = 2027-01-31 }}\ncheckin = \"{name}\"\n")),
        "{file}"
    );
    let rel = env.relationship("grace");
    assert_eq!(
        rel["action"][0]["dropped"]
            .as_datetime()
            .unwrap()
            .to_string(),
        "2026-11-26"
    );
    // The log says so on the meeting's day.
    let log = env.ok(&["log", "grace", "-n", "1"]);
    assert!(
        log.contains(
            "  w2           moved from 2026-10-31 to 2027-01-31 (check-in 2026-11-26-1)\n"
        ),
        "{log}"
    );
    env.ok(&["check"]);
    // A goal achieved at a meeting.
    env.ok(&["checkin", "grace", "--achieved", "g1"]);
    let rel = env.relationship("grace");
    assert_eq!(
        rel["goal"][0]["achieved"]
            .as_datetime()
            .unwrap()
            .to_string(),
        "2026-11-26"
    );
}

#[test]
fn a_checkin_refuses_a_move_or_drop_it_cannot_make() {
    let env = grace();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--move", "w1=2027-01-31"],
            "--move w1: waypoint w1 was reached on 2026-03-30",
        ),
        (
            &["--move", "w2=2026-11-01"],
            "--move w2: 2026-11-01 is in the past",
        ),
        (&["--move", "w2"], "--move w2: expected ID=DATE"),
        (
            &["--move", "s1=2027-01-01"],
            "--move: 's1' is not a goal, waypoint or action id",
        ),
        (
            &["--move", "w9=2027-01-01"],
            "there is no waypoint w9 in grace",
        ),
        (
            &["--drop", "w1"],
            "waypoint w1 was already reached on 2026-03-30",
        ),
        (
            &["--done", "a1", "--drop", "a1"],
            "action a1 was already done on 2026-11-26",
        ),
        (&["--achieved", "w2"], "--achieved"),
    ];
    for (flags, message) in cases {
        let mut args = vec!["checkin", "grace", "-m", "notes"];
        args.extend_from_slice(flags);
        let run = env.refuses(1, &args);
        assert!(run.stderr.contains(message), "{flags:?}: {}", run.stderr);
    }
}

#[test]
fn a_hand_written_move_in_a_checkin_is_checked() {
    let env = grace();
    env.write(
        "relationships/grace/checkins/2026-11-20-1.toml",
        "date = 2026-11-20\n\n[[moved]]\nid = \"w7\"\ndue = 2027-01-31\n",
    );
    let run = env.fails(2, &["check"]);
    assert!(
        run.stderr
            .contains("moved lists waypoint w7, which is not in relationship.toml")
            || run
                .stdout
                .contains("moved lists waypoint w7, which is not in relationship.toml"),
        "{}",
        run.transcript()
    );
}

#[test]
fn an_export_carries_every_replan_and_imports_it_exactly() {
    let env = grace();
    env.ok(&[
        "waypoint",
        "move",
        "grace",
        "w2",
        "--due",
        "2027-01-31",
        "--because",
        "Reorg",
    ]);
    env.ok(&["waypoint", "reopen", "grace", "w1"]);
    env.ok(&[
        "checkin",
        "grace",
        "-m",
        "Met",
        "--move",
        "g1=2027-03-31",
        "--drop",
        "a1",
    ]);
    let (text, doc) = crate::export::exported(&env, &[]);
    let w2 = &doc["relationships"][0]["relationship"]["waypoint"][1];
    assert_eq!(w2["history"][0]["because"], "Reorg");
    let checkin = &doc["relationships"][0]["checkins"][1];
    assert_eq!(checkin["moved"][0]["id"], "g1");
    assert_eq!(checkin["dropped"], serde_json::json!(["a1"]));
    let to = crate::env::TestEnv::new();
    let path = to.tmp().join("backup.json");
    std::fs::write(&path, text).unwrap();
    to.ok(&["import", path.to_str().unwrap()]);
    assert_eq!(
        crate::export::relationship_files(&to),
        crate::export::relationship_files(&env)
    );
}

#[test]
fn a_day_before_a_reopen_counts_the_item_closed_in_every_view() {
    let env = grace();
    env.ok(&["waypoint", "reopen", "grace", "w1"]);
    let count = |args: &[&str]| -> serde_json::Value {
        let json: serde_json::Value = serde_json::from_str(&env.ok(args)).unwrap();
        let summary = if json["relationships"].is_array() {
            json["relationships"][0].clone()
        } else {
            json
        };
        summary["waypoints"].clone()
    };
    let now = serde_json::json!({"done": 0, "total": 2});
    let before = serde_json::json!({"done": 1, "total": 2});
    assert_eq!(count(&["status", "--json"]), now);
    assert_eq!(count(&["show", "grace", "--json"]), now);
    assert_eq!(
        count(&["status", "--json", "--as-of", "2026-11-25"]),
        before
    );
    assert_eq!(
        count(&["show", "grace", "--json", "--as-of", "2026-11-25"]),
        before
    );
}

/// A due date that starts with a minus is read by rel, as every date
/// flag's is, and judged in rel's words rather than clap's.
#[test]
fn a_move_to_a_date_with_a_minus_is_rels_to_judge() {
    let env = grace();
    let run = env.refuses(1, &["waypoint", "move", "grace", "w2", "--due", "-1w"]);
    assert!(
        run.stderr.contains("2026-11-19 is in the past"),
        "{}",
        run.stderr
    );
}
