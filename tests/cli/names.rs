//! Check-in names two machines cannot both choose: the date, the number
//! that day and a tag from the check-in's words; the short form
//! (`2026-11-26-1`) is what people read and type.

use crate::env::TestEnv;
use crate::fixtures;

#[test]
fn a_journal_of_the_old_form_reads_as_it_did_and_says_format_2_from_its_first_tagged_checkin() {
    let env = TestEnv::new();
    fixtures::ada(&env).checkin(
        "ada-lovelace",
        "2026-11-01-1",
        r#"
        date = 2026-11-01
        notes = "Before tags"
        "#,
    );
    let journal = env.read("journal.toml").replace("format = 2", "format = 1");
    env.write("journal.toml", &journal);
    // Reads and writes that name no check-in leave format 1 alone.
    env.ok(&["status"]);
    env.ok(&["goal", "add", "ada-lovelace", "Ship the RFC"]);
    assert!(env.read("journal.toml").ends_with("format = 1\n"));

    let run = env.run(&["checkin", "ada-lovelace", "-m", "After tags"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr
            .starts_with("Recorded check-in 2026-11-26-1 with Ada Lovelace"),
        "{}",
        run.stderr
    );
    let names = env.checkins("ada-lovelace");
    assert_eq!(names[0], "2026-11-01-1.toml");
    assert!(
        names[1].starts_with("2026-11-26-1-") && names[1].len() == "2026-11-26-1-abcd.toml".len(),
        "{names:?}"
    );
    // The comment rel wrote at the top stays; the format says 2.
    let journal = env.read("journal.toml");
    assert!(
        journal.starts_with("# A rel journal.") && journal.ends_with("format = 2\n"),
        "{journal}"
    );
    let log = env.ok(&["log", "ada-lovelace"]);
    assert!(
        log.contains(" 2026-11-26-1\n") && log.contains(" 2026-11-01-1\n"),
        "{log}"
    );
    assert!(
        !log.contains("2026-11-26-1-"),
        "views show the short form: {log}"
    );
    env.ok(&["check"]);
}

#[test]
fn a_checkin_answers_to_its_short_id_its_full_id_and_its_day() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.ok(&["checkin", "ada-lovelace", "-m", "one"]);
    let full = env.checkins("ada-lovelace")[0]
        .trim_end_matches(".toml")
        .to_string();
    for name in ["2026-11-26-1", full.as_str(), "2026-11-26", "last"] {
        let run = env.run(&["recap", "ada-lovelace", name, "--json"]);
        assert_eq!(run.code, 0, "{name}: {}", run.transcript());
        // JSON names the check-in by its full id, which files refer to.
        assert!(
            run.stdout.contains(&format!("\"checkin\": \"{full}\"")),
            "{name}: {}",
            run.stdout
        );
    }
}

#[test]
fn two_checkins_that_share_a_short_id_show_and_take_their_full_ids() {
    let env = TestEnv::new();
    fixtures::ada(&env)
        .checkin(
            "ada-lovelace",
            "2026-11-20-1-aaaa",
            r#"
            date = 2026-11-20
            notes = "From the laptop"
            "#,
        )
        .checkin(
            "ada-lovelace",
            "2026-11-20-1-bbbb",
            r#"
            date = 2026-11-20
            notes = "From the desktop"
            "#,
        );
    let log = env.ok(&["log", "ada-lovelace"]);
    assert!(
        log.contains(" 2026-11-20-1-aaaa\n") && log.contains(" 2026-11-20-1-bbbb\n"),
        "{log}"
    );
    let run = env.refuses(1, &["recap", "ada-lovelace", "2026-11-20-1"]);
    assert_eq!(
        run.stderr,
        "error: ada-lovelace has 2 check-ins called 2026-11-20-1\nhint: two machines recorded them; name one: 2026-11-20-1-aaaa, 2026-11-20-1-bbbb\n"
    );
    let run = env.run(&["recap", "ada-lovelace", "2026-11-20-1-bbbb"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    env.ok(&["check"]);
}
