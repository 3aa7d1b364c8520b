//! `rel calendar`: iCalendar that a calendar app can import again and
//! again, or subscribe to, without copies piling up.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;

use icalendar::{Calendar, Component, DatePerhapsTime};

use crate::env::TestEnv;
use crate::fixtures::Journal;
use crate::fixtures::sample_journal;

/// The events of a calendar, read back with the same crate that wrote
/// them: UID → (day, summary).
fn events(text: &str) -> BTreeMap<String, (String, String)> {
    let calendar: Calendar = text.parse().unwrap();
    let mut events = BTreeMap::new();
    for event in calendar.events() {
        let uid = event.get_uid().expect("every event has a UID").to_string();
        let day = match event.get_start().expect("every event has a start") {
            DatePerhapsTime::Date(day) => day.to_string(),
            other => panic!("{uid}: not a day's event: {other:?}"),
        };
        let summary = event.get_summary().unwrap().to_string();
        assert!(event.get_timestamp().is_some(), "{uid}: no DTSTAMP");
        assert!(
            events.insert(uid.clone(), (day, summary)).is_none(),
            "{uid} twice"
        );
    }
    events
}

#[test]
fn the_sample_journal_reads_back_with_a_uid_per_event_that_stays() {
    let env = sample_journal();
    let first = env.ok(&["calendar"]);
    assert!(first.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(
        first.split_inclusive('\n').all(|l| l.ends_with("\r\n")),
        "CRLF line ends"
    );
    let read = events(&first);
    assert!(read.len() >= 20, "{} events", read.len());
    // Again (now from the cache), and the day after: the same UIDs.
    assert_eq!(env.ok(&["calendar"]), first);
    let later = env.ok(&["--as-of", "2026-11-27", "calendar"]);
    assert_eq!(
        events(&later).keys().collect::<Vec<_>>(),
        read.keys().collect::<Vec<_>>()
    );
    assert_eq!(
        read["grace-hopper.next-meeting@rel"],
        ("2026-12-10".to_string(), "Meet Grace Hopper".to_string())
    );
    assert_eq!(
        read["linus.time-box@rel"],
        (
            "2026-12-07".to_string(),
            "Reverse-mentoring with Linus Berg ends".to_string()
        )
    );
    // Nothing of a paused or ended relationship.
    assert!(!read.keys().any(|uid| uid.starts_with("hedy-lamarr.")));
    assert!(!read.keys().any(|uid| uid.starts_with("ken.")));
}

#[test]
fn a_change_moves_an_event_rather_than_adding_one() {
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

            [last_id]
            action = 1

            [[action]]
            id = "a1"
            text = "Book the review room; ask Zoë"
            owner = "me"
            added = 2026-11-01
            due = 2026-12-01
            "#,
        )
        .checkin("ada", "2026-11-19-1", "date = 2026-11-19\n");
    let before = env.ok(&["calendar"]);
    insta::assert_snapshot!("calendar_small", before.replace("\r\n", "\n"));
    let before = events(&before);
    assert_eq!(
        before["ada.next-meeting@rel"],
        (
            "2026-12-03".to_string(),
            "Check-in due with Ada Lovelace".to_string()
        )
    );
    // A meeting, planning the next and closing the action.
    env.ok(&["checkin", "ada", "--done", "a1", "--next", "2026-12-08"]);
    let after = events(&env.ok(&["calendar"]));
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        ["ada.next-meeting@rel"],
        "the done action is gone, the meeting kept its UID"
    );
    assert_eq!(
        after["ada.next-meeting@rel"],
        ("2026-12-08".to_string(), "Meet Ada Lovelace".to_string())
    );
}

#[test]
fn out_replaces_the_file_whole() {
    let env = sample_journal();
    let dir = env.tmp().join("calendars");
    std::fs::create_dir(&dir).unwrap();
    let file = dir.join("rel.ics");
    std::fs::write(&file, "old").unwrap();
    let run = env.run(&["calendar", "--out", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.is_empty());
    assert!(run.stderr.starts_with("Wrote "), "{}", run.stderr);
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, env.ok(&["calendar"]));
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file left behind");
    // A relative path is from where rel runs.
    env.ok(&["calendar", "--out", "here.ics"]);
    assert!(env.tmp().join("here.ics").exists());

    let run = env.fails(1, &["calendar", "--out", "no/such/folder/rel.ics"]);
    assert!(
        run.stderr.contains("cannot write no/such/folder/rel.ics"),
        "{}",
        run.stderr
    );
    let run = env.fails(1, &["calendar", "--out", dir.to_str().unwrap()]);
    assert!(run.stderr.contains("is a folder"), "{}", run.stderr);
}
