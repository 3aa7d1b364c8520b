//! `rel recap`: the message to send after a meeting, with nothing private
//! in it.

use serde_json::Value;

use crate::env::TestEnv;
use crate::fixtures;
use crate::fixtures::sample_journal;

#[test]
fn a_recap_of_the_newest_meeting_in_each_form() {
    let env = sample_journal();
    insta::assert_snapshot!("recap_text", env.ok(&["recap", "grace-hopper"]));
    insta::assert_snapshot!(
        "recap_markdown",
        env.ok(&["recap", "ada-lovelace", "--format", "markdown"])
    );
    insta::assert_snapshot!("recap_json", env.ok(&["recap", "linus", "--json"]));
    // An earlier meeting, named by its day: no next meeting but the one it
    // planned.
    let earlier = env.ok(&["recap", "grace-hopper", "2026-06-08"]);
    assert!(earlier.contains("- Present the migration at the architecture forum\n"));
    assert!(
        earlier.ends_with("Next meeting: Mon 2026-07-13\n"),
        "{earlier}"
    );
}

#[test]
fn a_recap_says_what_the_meeting_achieved_moved_and_dropped() {
    let env = sample_journal();
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "-m",
        "notes",
        "--achieved",
        "g4",
        "--drop",
        "a17",
        "--move",
        "g5=2027-03-31",
    ]);
    let text = env.ok(&["recap", "ada-lovelace"]);
    assert!(
        text.contains(
            "Goals achieved\n- Give direct, hard feedback without softening it into nothing\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Moved\n- Decide: staff track or management track"),
        "{text}"
    );
    assert!(text.contains("now by Wed 2027-03-31\n"), "{text}");
    assert!(
        text.contains("Dropped\n- Ada: the other two track conversations"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&env.ok(&["recap", "ada-lovelace", "--json"])).unwrap();
    assert_eq!(json["achieved"][0]["id"], "g4");
    assert_eq!(json["moved"][0]["due"], "2027-03-31");
    assert_eq!(json["moved"][0]["because"], Value::Null);
    assert_eq!(json["dropped"][0]["id"], "a17");
    assert_eq!(json["problems"], serde_json::json!([]));
}

/// Every line of every field the recap must never show, from every
/// relationship and check-in file of the sample journal: the notes (but
/// the shared text), what is and is not working, why this protégé,
/// strengths, growth areas, advocacy, and the relationship's own words.
fn private_lines(env: &TestEnv) -> Vec<String> {
    let mut private = Vec::new();
    let mut keep = |text: &str| {
        for line in text.lines() {
            let line = line.trim();
            // Long enough that finding it is no coincidence.
            if line.chars().count() >= 16 {
                private.push(line.to_string());
            }
        }
    };
    let root = env.path("relationships");
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        let rel: toml::Table = std::fs::read_to_string(dir.join("relationship.toml"))
            .unwrap()
            .parse()
            .unwrap();
        for key in ["why", "purpose", "their_aims", "destination", "topic"] {
            if let Some(text) = rel.get(key).and_then(|v| v.as_str()) {
                keep(text);
            }
        }
        if let Some(how) = rel.get("agreement").and_then(|a| a.get("how")) {
            keep(how.as_str().unwrap());
        }
        for list in ["strength", "growth", "advocacy"] {
            for item in rel
                .get(list)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                keep(item["text"].as_str().unwrap());
            }
        }
        for event in rel
            .get("event")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(note) = event.get("note") {
                keep(note.as_str().unwrap());
            }
        }
        for entry in std::fs::read_dir(dir.join("checkins")).unwrap() {
            let checkin: toml::Table = std::fs::read_to_string(entry.unwrap().path())
                .unwrap()
                .parse()
                .unwrap();
            if let Some(notes) = checkin.get("notes") {
                keep(notes.as_str().unwrap());
            }
            for list in ["working", "not_working"] {
                for item in checkin
                    .get(list)
                    .and_then(|v| v.as_array())
                    .into_iter()
                    .flatten()
                {
                    keep(item.as_str().unwrap());
                }
            }
        }
    }
    private
}

#[test]
fn no_private_field_of_the_sample_journal_leaks_into_any_recap() {
    let env = sample_journal();
    let private = private_lines(&env);
    assert!(private.len() > 200, "{} private lines", private.len());
    // The lines are what a leak would look like: `rel log` shows them.
    let log = env.ok(&["log", "grace-hopper"]);
    assert!(private.iter().filter(|l| log.contains(l.as_str())).count() > 20);
    let mut recaps = 0;
    for entry in std::fs::read_dir(env.path("relationships")).unwrap() {
        let dir = entry.unwrap().path();
        let handle = dir.file_name().unwrap().to_str().unwrap().to_string();
        for entry in std::fs::read_dir(dir.join("checkins")).unwrap() {
            let name = entry.unwrap().file_name();
            let id = name.to_str().unwrap().trim_end_matches(".toml");
            for format in [
                &["--format", "text"][..],
                &["--format", "markdown"],
                &["--json"],
            ] {
                let mut args = vec!["recap", handle.as_str(), id];
                args.extend_from_slice(format);
                let out = env.ok(&args);
                // JSON escapes line breaks and quotes: compare the text.
                let out = match format[0] {
                    "--json" => {
                        let doc: Value = serde_json::from_str(&out).unwrap();
                        assert_eq!(doc["version"], 1);
                        doc.to_string().replace("\\n", "\n").replace("\\\"", "\"")
                    }
                    // Markdown escapes punctuation: compare without it.
                    "markdown" => out.replace('\\', ""),
                    _ => out,
                };
                for line in &private {
                    assert!(
                        !out.contains(line.as_str()),
                        "rel recap {handle} {id} {format:?} shows a private line: {line:?}\n{out}"
                    );
                }
                recaps += 1;
            }
        }
    }
    assert!(recaps > 300, "{recaps} recaps");
}

#[test]
fn shared_words_go_in_and_the_notes_stay_out() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "-m",
        "She seemed tired; ask about workload.",
        "--working",
        "Her own agenda",
        "--shared",
        "Great session.\nThe RFC is nearly there.",
        "--change",
        "Timebox to 45 minutes",
        "--their-action",
        "Circulate the RFC",
        "--next",
        "2026-12-03",
    ]);
    let text = env.ok(&["recap", "ada-lovelace"]);
    insta::assert_snapshot!("recap_shared", text);
    assert!(!text.contains("tired") && !text.contains("Her own agenda"));
}

#[test]
fn a_recap_needs_a_meeting() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let run = env.fails(1, &["recap", "ada-lovelace"]);
    insta::assert_snapshot!("recap_no_meeting", run.stderr);
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "2026-11-20",
        "--rating",
        "3",
    ]);
    let run = env.run(&["recap", "ada-lovelace"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("has nothing to share beyond its date"),
        "{}",
        run.stderr
    );
    // With no meeting planned, the next is the one the cadence makes due.
    assert!(
        run.stdout
            .ends_with("Next meeting: due around Fri 2026-12-04\n"),
        "{}",
        run.stdout
    );
    let run = env.fails(1, &["recap", "ada-lovelace", "2026-11-21"]);
    assert!(
        run.stderr.contains("no check-in '2026-11-21'"),
        "{}",
        run.stderr
    );
}
