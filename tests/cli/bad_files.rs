//! Every command against every broken journal of the corpus: the right exit
//! code, the place of the problem, the broken file untouched, the other
//! relationships still reported, and never a panic.

use std::collections::BTreeMap;
use std::fs;

use crate::check::corpus;
use crate::env::TestEnv;

/// Read commands (HANDLE stands for the relationship under test): they
/// must never change a byte.
const READS: &[&[&str]] = &[
    &["status"],
    &["status", "--all", "--json"],
    &["list", "--all"],
    &["show", "HANDLE"],
    &["prep", "HANDLE"],
    &["log", "HANDLE"],
    &["search", "the"],
    &["report", "--since", "2020-01-01"],
    &["actions"],
    &["check"],
];

fn with_handle<'a>(args: &[&'a str], handle: &'a str) -> Vec<&'a str> {
    args.iter()
        .map(|a| if *a == "HANDLE" { handle } else { a })
        .collect()
}

/// Write commands: they may change the journal only where it reads well.
const WRITES: &[&[&str]] = &[
    &["checkin", "ada", "-m", "x"],
    &["goal", "add", "ada", "x"],
    &["set", "ada", "--purpose", "x"],
];

/// Each case, plus a healthy relationship beside it that must keep showing.
fn setup(case: &str) -> TestEnv {
    let env = TestEnv::new();
    crate::fixtures::copy(&corpus().join(case), &env.journal);
    if case != "journal-file" {
        crate::fixtures::copy(
            &corpus().join("clean/relationships/grace-hopper"),
            &env.path("relationships/grace-hopper"),
        );
    }
    env
}

/// The files rel cannot read (so must never write), with their bytes.
fn broken(env: &TestEnv) -> BTreeMap<String, Vec<u8>> {
    let run = env.run(&["status", "--all"]);
    let mut files = BTreeMap::new();
    for line in run.stderr.lines().filter(|l| l.starts_with("error: ")) {
        let path = line["error: ".len()..]
            .split(':')
            .next()
            .unwrap_or("")
            .replace("[TMP]", env.tmp().to_str().unwrap());
        if let Ok(bytes) = fs::read(&path) {
            files.insert(path, bytes);
        }
    }
    files
}

fn cases() -> Vec<String> {
    let mut cases: Vec<String> = fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_command_against_every_broken_file() {
    let mut seen_errors = 0;
    for case in cases() {
        let env = setup(&case);
        let broken_before = broken(&env);
        seen_errors += broken_before.len();
        for args in READS {
            let args = &with_handle(args, "ada")[..];
            let before = env.files();
            let run = env.run(args);
            assert!(
                [0, 1, 2].contains(&run.code),
                "{case} {args:?}: exit {}",
                run.code
            );
            assert_eq!(before, env.files(), "{case} {args:?} changed the journal");
            if run.code == 2 {
                assert!(
                    run.stderr.contains("error: [TMP]/journal")
                        || run.stdout.contains("error: [TMP]/journal"),
                    "{case} {args:?}: a journal problem names its file:\n{}",
                    run.transcript()
                );
            }
            if ["status", "list"].contains(&args[0])
                && case != "journal-file"
                && case != "newer-format"
            {
                assert!(
                    run.stdout.contains("grace-hopper"),
                    "{case} {args:?}: the healthy relationship still shows:\n{}",
                    run.transcript()
                );
            }
        }
        for args in WRITES {
            let run = env.run(args);
            assert!(
                [0, 1, 2].contains(&run.code),
                "{case} {args:?}: exit {}",
                run.code
            );
        }
        for (path, bytes) in &broken_before {
            assert_eq!(
                &fs::read(path).unwrap_or_default(),
                bytes,
                "{case}: {path} was rewritten"
            );
        }
    }
    assert!(
        seen_errors >= 10,
        "the corpus holds broken files ({seen_errors})"
    );
}

#[test]
fn problems_with_a_place_are_named_by_line_and_column() {
    for case in [
        "syntax-error",
        "wrong-type",
        "merge-conflict",
        "nul-byte",
        "invalid-utf8",
        "duplicate-ids",
        "kind-role",
        "truncated",
    ] {
        let env = setup(case);
        let run = env.run(&["status"]);
        assert_eq!(run.code, 2, "{case}: {}", run.transcript());
        let located = run.stderr.lines().any(|l| {
            let Some(rest) = l.strip_prefix("error: [TMP]/journal/") else {
                return false;
            };
            let parts: Vec<&str> = rest.splitn(4, ':').collect();
            parts.len() == 4 && parts[1].parse::<u32>().is_ok() && parts[2].parse::<u32>().is_ok()
        });
        assert!(located, "{case}: expected path:line:col in\n{}", run.stderr);
        assert!(
            run.stdout.contains("grace-hopper"),
            "{case}: {}",
            run.stdout
        );
    }
}

#[test]
fn a_huge_file_is_refused_without_reading_it_all() {
    let env = setup("clean");
    let path = env.path("relationships/ada-lovelace/relationship.toml");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(&format!("notes = \"{}\"\n", "x".repeat(50 * 1024 * 1024)));
    fs::write(&path, &text).unwrap();
    let run = env.run(&["status"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("relationship.toml: is 52.4 MB; rel reads journal files of up to 8 MB"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("grace-hopper"));
    let run = env.run(&["goal", "add", "ada-lovelace", "x"]);
    assert_eq!(run.code, 2);
    assert_eq!(fs::read(&path).unwrap().len(), text.len(), "untouched");
}

#[test]
fn a_checkin_from_the_end_of_time_changes_nothing_today() {
    let env = setup("clean");
    let far = env.path("relationships/ada-lovelace/checkins/9999-12-31-1.toml");
    fs::write(&far, "date = 9999-12-31\nnotes = \"from the future\"\n").unwrap();
    for args in READS {
        let run = env.run(&with_handle(args, "ada-lovelace"));
        assert_eq!(run.code, 0, "{args:?}: {}", run.transcript());
    }
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    assert_eq!(
        json["relationships"][0]["last_checkin"], "2026-11-20",
        "not held yet"
    );
    let check = env.run(&["check"]);
    assert!(
        check
            .stdout
            .contains("9999-12-31-1.toml:1:1: dated 9999-12-31, in the future"),
        "{}",
        check.stdout
    );
    env.ok(&["checkin", "ada-lovelace", "-m", "today"]);
}
