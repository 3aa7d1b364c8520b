//! `rel checkin`.

use crate::env::TestEnv;
use crate::fixtures;

#[test]
fn records_a_meeting_with_every_flag() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "2026-10-01",
        "--action",
        "Send the doc",
        "--their-action",
        "Draft the RFC",
        "-m",
        "first",
    ]);
    let run = env.run(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "2026-11-20",
        "-m",
        "Talked through the RFC.\nShe wants to present it herself.",
        "--rating",
        "4",
        "--working",
        "Weekly written updates",
        "--working",
        "Her own agenda",
        "--not-working",
        "Meetings run over",
        "--change",
        "Timebox to 45 minutes",
        "--action",
        "Book the review room",
        "--their-action",
        "Circulate the RFC",
        "--done",
        "a1,a2",
        "--next",
        "2026-12-04",
        "--review",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!("checkin_message", run.stderr);
    assert_eq!(
        env.checkins("ada-lovelace"),
        ["2026-10-01-1-9yme.toml", "2026-11-20-1-xdse.toml"]
    );
    insta::assert_snapshot!(
        "checkin_file",
        env.read("relationships/ada-lovelace/checkins/2026-11-20-1-xdse.toml")
    );
    let rel = env.relationship("ada-lovelace");
    let actions = rel["action"].as_array().unwrap();
    assert_eq!(actions.len(), 4);
    assert_eq!(
        actions[0]["done"].as_datetime().unwrap().to_string(),
        "2026-11-20"
    );
    assert_eq!(
        actions[1]["done"].as_datetime().unwrap().to_string(),
        "2026-11-20"
    );
    assert_eq!(actions[2]["id"].as_str(), Some("a3"));
    assert_eq!(actions[3]["owner"].as_str(), Some("them"));
    assert_eq!(actions[3]["checkin"].as_str(), Some("2026-11-20-1-xdse"));
    assert_eq!(
        rel["reviewed"].as_datetime().unwrap().to_string(),
        "2026-11-20"
    );
    assert!(!env.path(".pending.toml").exists());
}

#[test]
fn several_meetings_on_one_day_get_their_own_files() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    for _ in 0..3 {
        env.ok(&["checkin", "ada-lovelace", "-m", "quick sync"]);
    }
    // Numbered in the order they were recorded; the tag comes from the
    // words, so the same words make the same tag.
    assert_eq!(
        env.checkins("ada-lovelace"),
        [
            "2026-11-26-1-ndws.toml",
            "2026-11-26-2-ndws.toml",
            "2026-11-26-3-ndws.toml"
        ]
    );
}

#[test]
fn a_date_or_cadence_may_start_with_a_minus() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    // The form the date hint offers, as a separate argument.
    let run = env.run(&["checkin", "ada-lovelace", "--date", "-1m", "-m", "x"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(env.checkins("ada-lovelace"), ["2026-10-26-1-6wzr.toml"]);
    env.ok(&["log", "ada-lovelace", "--since", "-2m", "--until", "-1w"]);
    env.ok(&["--as-of", "-1d", "status"]);
    let run = env.refuses(1, &["goal", "add", "ada-lovelace", "x", "--due", "-1w"]);
    assert!(
        run.stderr
            .starts_with("error: --due 2026-11-19 is before the goal is added"),
        "rel reads the date, and judges it: {}",
        run.stderr
    );
    env.ok(&["set", "ada-lovelace", "--agreed", "-2w", "--how", "Weekly"]);
    let rel = env.relationship("ada-lovelace");
    assert_eq!(rel["agreement"]["date"].to_string(), "2026-11-12");
    // A cadence that starts with a minus is rel's to refuse, in its words.
    let run = env.refuses(1, &["set", "ada-lovelace", "--cadence", "-1w"]);
    assert!(
        run.stderr
            .starts_with("error: --cadence: '-1w' is not a cadence"),
        "{}",
        run.stderr
    );
    // Flags are still flags: a bare --agreed means today, and a date flag
    // never takes the next flag for a date without saying so.
    env.ok(&["set", "ada-lovelace", "--agreed", "--how", "Fortnightly"]);
    assert_eq!(
        env.relationship("ada-lovelace")["agreement"]["date"].to_string(),
        "2026-11-26"
    );
    let run = env.refuses(
        1,
        &["checkin", "ada-lovelace", "--date", "--review", "-m", "x"],
    );
    assert!(
        run.stderr.contains("'--review' is not a date"),
        "{}",
        run.stderr
    );
}

#[test]
fn notes_on_stdin_that_are_not_utf8_are_refused_at_their_offset() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let mut bytes = b"Zo\xc3\xab said: ".to_vec();
    bytes.extend([0xff, 0xfe]);
    let run = env.run_with(
        env.cmd()
            .args(["checkin", "ada-lovelace", "-m", "-"])
            .write_stdin(bytes),
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert_eq!(
        run.stderr,
        "error: stdin: is not UTF-8 text (a bad byte at offset 11)\nhint: rel reads notes as UTF-8 text; nothing was recorded\n"
    );
    assert!(env.checkins("ada-lovelace").is_empty());
}

#[test]
fn notes_come_from_stdin() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let run = env.run_with(
        env.cmd()
            .args(["checkin", "ada-lovelace", "-m", "-"])
            .write_stdin("Line one\n\"\"\" tricky \\ quotes\nLine three\n"),
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let file: toml::Table = env
        .checkin_text("ada-lovelace", "2026-11-26-1")
        .parse()
        .unwrap();
    assert_eq!(
        file["notes"].as_str(),
        Some("Line one\n\"\"\" tricky \\ quotes\nLine three")
    );
}

#[test]
fn notes_come_from_the_editor() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let editor = env.tmp().join("editor.sh");
    // Like `code --wait FILE`: an editor with arguments of its own.
    std::fs::write(&editor, "#!/bin/sh\nfor file; do :; done\nprintf 'Notes from the editor\\nsecond line\\n' >> \"$file\"\n").unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let run = env.run_with(
        env.cmd()
            .env("EDITOR", format!("{} --wait", editor.display()))
            .args(["checkin", "ada-lovelace", "--edit"]),
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let file: toml::Table = env
        .checkin_text("ada-lovelace", "2026-11-26-1")
        .parse()
        .unwrap();
    assert_eq!(
        file["notes"].as_str(),
        Some("Notes from the editor\nsecond line")
    );
    assert!(
        std::fs::read_dir(env.path("drafts"))
            .unwrap()
            .next()
            .is_none(),
        "the editor's file is cleaned up"
    );

    let run =
        env.run_with(
            env.cmd()
                .env("EDITOR", "true")
                .args(["checkin", "ada-lovelace", "--edit"]),
        );
    assert_eq!(
        run.code,
        1,
        "an empty edit records nothing: {}",
        run.transcript()
    );
    assert_eq!(env.checkins("ada-lovelace").len(), 1);
}

#[test]
fn relative_dates_are_echoed_back() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let run = env.run(&["checkin", "ada-lovelace", "--date", "3d ago"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains("Recorded for Mon 2026-11-23."),
        "{}",
        run.stderr
    );
    assert_eq!(env.checkins("ada-lovelace"), ["2026-11-23-1-cq83.toml"]);
}

#[test]
fn unknown_handles_suggest_the_closest() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let run = env.refuses(1, &["checkin", "ada-lovelce", "-m", "hi"]);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn refusals_write_nothing() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "2026-10-01",
        "--action",
        "Send the doc",
    ]);
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "2026-10-15",
        "--done",
        "a1",
    ]);
    let cases: &[(&[&str], &str)] = &[
        (
            &["checkin", "ada-lovelace", "--done", "a1"],
            "action a1 was already done on 2026-10-15",
        ),
        (
            &["checkin", "ada-lovelace", "--done", "a9"],
            "there is no action a9 in ada-lovelace",
        ),
        (
            &["checkin", "ada-lovelace", "--done", "g1"],
            "g1 is a goal, not a action",
        ),
        (
            &["checkin", "ada-lovelace", "--done", "zz"],
            "'zz' is not an item id",
        ),
        (
            &["checkin", "ada-lovelace", "--reached", "w1"],
            "there is no waypoint w1",
        ),
        (
            &["checkin", "ada-lovelace", "--rating", "6"],
            "'6' is not a rating from 1 to 5",
        ),
        (
            &["checkin", "ada-lovelace", "--date", "tomorrow"],
            "is in the future",
        ),
        (
            &["checkin", "ada-lovelace", "--date", "2026-02-30"],
            "'2026-02-30' is not a date",
        ),
        (
            &["checkin", "ada-lovelace", "--next", "yesterday"],
            "is not after the meeting",
        ),
        (&["checkin", "nobody"], "no relationship named 'nobody'"),
    ];
    for (args, message) in cases {
        let run = env.refuses(1, args);
        assert!(
            run.stderr.contains(message),
            "{args:?}: expected {message:?} in\n{}",
            run.stderr
        );
        assert!(
            run.stderr.starts_with("error: "),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_failed_write_keeps_the_notes_as_a_draft() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    // Another writer holds the lock for longer than we wait.
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(env.path(".lock"))
        .unwrap();
    lock.lock().unwrap();
    let run = env.run_with(env.cmd().env("REL_LOCK_TIMEOUT", "0.2").args([
        "checkin",
        "ada-lovelace",
        "-m",
        "Precious words",
    ]));
    drop(lock);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("another rel is writing to"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "your words are saved in [TMP]/journal/drafts/checkin-ada-lovelace-2026-11-26.toml"
        ),
        "{}",
        run.stderr
    );
    assert!(
        env.read("drafts/checkin-ada-lovelace-2026-11-26.toml")
            .contains("notes = \"Precious words\"")
    );
    assert!(env.checkins("ada-lovelace").is_empty());
}

#[test]
fn notes_may_hold_lines_that_look_like_merge_markers() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let notes = "Title\n=======\nbody\n<<<<<<< not a conflict\n>>>>>>> nor this";
    env.ok(&["checkin", "ada-lovelace", "-m", notes]);
    env.ok(&["status"]);
    assert_eq!(env.run(&["check"]).code, 0);
    let file: toml::Table = env
        .checkin_text("ada-lovelace", "2026-11-26-1")
        .parse()
        .unwrap();
    assert_eq!(file["notes"].as_str(), Some(notes));
}

#[test]
fn new_actions_are_numbered_in_the_order_given_and_said_with_whose_they_are() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let run = env.run(&[
        "checkin",
        "ada-lovelace",
        "-m",
        "Planning",
        "--their-action",
        "Draft the RFC",
        "--action",
        "Get him a slot",
        "--their-action",
        "Book the room",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains(
            "\n  new actions: a1 (theirs) Draft the RFC · a2 (mine) Get him a slot · a3 (theirs) Book the room\n"
        ),
        "{}",
        run.stderr
    );
    let rel = env.relationship("ada-lovelace");
    let actions: Vec<(&str, &str)> = rel["action"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["owner"].as_str().unwrap()))
        .collect();
    assert_eq!(actions, [("a1", "them"), ("a2", "me"), ("a3", "them")]);
    let run = env.run(&["checkin", "ada-lovelace", "--action", "One more"]);
    assert!(
        run.stderr.contains("\n  new action: a4 (mine) One more\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn empty_notes_are_refused_as_git_refuses_an_empty_message() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    for notes in ["", "   \n "] {
        let run = env.refuses(
            1,
            &["checkin", "ada-lovelace", "-m", notes, "--rating", "4"],
        );
        assert!(
            run.stderr.contains("error: the notes given with -m are empty; nothing was recorded\nhint: write what you talked about, or leave -m out"),
            "{}",
            run.stderr
        );
    }
    let before = env.files();
    let run = env.run_with(
        env.cmd()
            .args(["checkin", "ada-lovelace", "-m", "-"])
            .write_stdin("\n\n"),
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.contains("the notes read from stdin are empty"),
        "{}",
        run.stderr
    );
    assert_eq!(env.files(), before);
}

/// Dates pasted from a calendar invitation or a mail are read as the day
/// they name (the time of day left out), and echoed back as a relative
/// date is, so a person sees what was understood.
#[test]
fn dates_pasted_from_a_calendar_are_read_and_echoed() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let run = env.run(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "Nov 20",
        "--next",
        "2026-12-10T15:00",
        "-m",
        "pasted",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains("Recorded for Fri 2026-11-20.")
            && run.stderr.contains("next meeting Thu 2026-12-10"),
        "{}",
        run.stderr
    );
    assert_eq!(env.checkins("ada-lovelace"), ["2026-11-20-1-bba5.toml"]);
    let checkin = env.checkin_text("ada-lovelace", "2026-11-20-1");
    assert!(checkin.contains("next = 2026-12-10"), "{checkin}");

    let run = env.run(&[
        "action",
        "add",
        "ada-lovelace",
        "Send the slides",
        "--due",
        "Thursday, December 3, 2026 at 3:00 PM",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("(--due Thursday, December 3, 2026 at 3:00 PM: Thu 2026-12-03)"),
        "{}",
        run.stderr
    );
    let run = env.run(&["snooze", "ada-lovelace", "--until", "26 Dec 2026"]);
    assert!(
        run.stderr.contains("until Sat 2026-12-26"),
        "{}",
        run.stderr
    );

    // A weekday that is not the date's is a mistake, not a guess.
    let run = env.refuses(1, &["checkin", "ada-lovelace", "--date", "Fri 26 Nov 2026"]);
    assert!(
        run.stderr.contains("'Fri 26 Nov 2026' is not a date"),
        "{}",
        run.stderr
    );
}
