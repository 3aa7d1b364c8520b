//! History keeps every word: the changes between meetings in `log`,
//! `show --history` and the period report.

use crate::replan::grace;

const LONG: &str = "Get Grace promoted to staff engineer on the strength of the storage work she already does, and make sure every director in calibration knows it by name.";

fn changed() -> crate::env::TestEnv {
    let env = grace();
    env.ok(&["set", "grace", "--purpose", LONG, "--cadence", "biweekly"]);
    env.ok(&[
        "waypoint",
        "move",
        "grace",
        "w2",
        "--due",
        "2027-01-31",
        "--because",
        "Planning moved to January with the reorg",
    ]);
    env
}

#[test]
fn log_shows_the_changes_between_meetings_in_full() {
    let env = changed();
    let log = env.ok(&["log", "grace"]);
    insta::assert_snapshot!("log_with_changes", log);
    // Every word of the old and the new value, however long.
    assert!(
        log.replace("\n               ", " ").contains(LONG),
        "{log}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["log", "grace", "--json"])).unwrap();
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 3);
    assert_eq!(changes[0]["kind"], "event");
    assert_eq!(changes[0]["field"], "purpose");
    assert_eq!(changes[0]["old"], "Staff engineer");
    assert_eq!(changes[0]["new"], LONG);
    assert_eq!(changes[2]["kind"], "item");
    assert_eq!(changes[2]["id"], "w2");
    assert_eq!(
        changes[2]["due"],
        serde_json::json!({"from": "2026-10-31", "to": "2027-01-31"})
    );
    // A period before the changes has none of them.
    let before = env.ok(&["log", "grace", "--until", "2026-11-20", "--json"]);
    let before: serde_json::Value = serde_json::from_str(&before).unwrap();
    assert_eq!(before["changes"], serde_json::json!([]));
}

#[test]
fn show_history_lists_every_change_and_json_has_them() {
    let env = changed();
    let show = env.ok(&["show", "grace", "--history"]);
    let from = show.find("\nHistory").unwrap();
    let to = show[from..]
        .find("Needs you")
        .map_or(show.len(), |n| from + n);
    let history = &show[from..to];
    insta::assert_snapshot!("show_history", history);
    assert!(!env.ok(&["show", "grace"]).contains("\nHistory"));
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["show", "grace", "--json"])).unwrap();
    assert_eq!(json["history"][0]["new"], LONG);
    let run = env.refuses(1, &["status", "--history"]);
    assert!(
        run.stderr.contains("rel show HANDLE --history"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_period_report_says_what_was_replanned() {
    let env = changed();
    let text = env.ok(&["report", "grace", "--since", "2026-11-01"]);
    assert!(
        text.contains("Re-planned   ↷ w2  Own the incident-review program  2026-11-26 moved from 2026-10-31 to 2027-01-31\n                     — Planning moved to January with the reorg\n"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&env.ok(&[
        "report",
        "grace",
        "--since",
        "2026-11-01",
        "--format",
        "json",
    ]))
    .unwrap();
    let replanned = &json["relationships"][0]["replanned"][0];
    assert_eq!(replanned["id"], "w2");
    assert_eq!(
        replanned["because"],
        "Planning moved to January with the reorg"
    );
    let md = env.ok(&[
        "report",
        "grace",
        "--since",
        "2026-11-01",
        "--format",
        "markdown",
    ]);
    assert!(md.contains("- **Re-planned:**\n  - w2 Own the incident-review program (2026-11-26 moved from 2026-10-31 to 2027-01-31 — Planning moved to January with the reorg)"), "{md}");
}
