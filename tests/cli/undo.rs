//! `rel undo`: the last change put back, byte for byte.

use std::collections::BTreeMap;

use crate::env::TestEnv;
use crate::fixtures;

/// The journal's files, without rel's scratch (the undo record among them).
fn journal(env: &TestEnv) -> BTreeMap<String, Vec<u8>> {
    env.files()
        .into_iter()
        .filter(|(name, _)| !name.starts_with(".undo"))
        .collect()
}

#[test]
fn every_kind_of_change_is_undone_byte_for_byte() {
    let env = crate::replan::grace();
    let changes: &[&[&str]] = &[
        &[
            "waypoint",
            "move",
            "grace",
            "w2",
            "--due",
            "2027-01-31",
            "--because",
            "reorg",
        ],
        &["waypoint", "rename", "grace", "w2", "Own the program"],
        &["waypoint", "reopen", "grace", "w1"],
        &["goal", "add", "grace", "A second goal"],
        &["action", "done", "grace", "a1"],
        &[
            "checkin",
            "grace",
            "-m",
            "Met",
            "--move",
            "w2=2027-02-28",
            "--their-action",
            "Draft",
        ],
        &[
            "set",
            "grace",
            "--purpose",
            "Principal",
            "--cadence",
            "weekly",
        ],
        &["evolve", "grace", "--into", "sponsoring"],
        &[
            "new", "ada", "--person", "Ada", "--role", "mentor", "--goal", "One",
        ],
        &["pause", "grace"],
        &["advocate", "grace", "Named her in calibration"],
    ];
    for args in changes {
        let before = journal(&env);
        let run = env.run(args);
        if run.code != 0 {
            // (evolve into the kind it already is: refused, nothing to undo)
            assert_eq!(journal(&env), before, "{args:?} failed and wrote");
            continue;
        }
        assert_ne!(journal(&env), before, "{args:?} changed nothing");
        let run = env.run(&["undo"]);
        assert_eq!(run.code, 0, "undo after {args:?}: {}", run.transcript());
        assert!(run.stderr.starts_with("Undid `rel "), "{}", run.stderr);
        assert_eq!(
            journal(&env),
            before,
            "undo after {args:?} left a difference"
        );
        // Done again, for the next step to start from it.
        env.ok(args);
    }
}

#[test]
fn undo_says_what_it_put_back_and_works_backwards() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let start = journal(&env);
    env.ok(&["goal", "add", "ada-lovelace", "Ship the RFC"]);
    let after_goal = journal(&env);
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "-m",
        "Met",
        "--their-action",
        "Draft the RFC",
    ]);
    let list = env.run(&["undo", "--list"]);
    assert_eq!(list.code, 0);
    insta::assert_snapshot!("undo_list", list.transcript());
    let run = env.run(&["undo"]);
    assert_eq!(
        run.stderr,
        "Undid `rel checkin ada-lovelace -m Met --their-action \"Draft the RFC\"` (2026-11-26):\n  relationships/ada-lovelace/checkins/2026-11-26-1-nk5r.toml removed (rel had created it)\n  relationships/ada-lovelace/relationship.toml put back as it was\n"
    );
    assert_eq!(journal(&env), after_goal);
    env.ok(&["undo"]);
    assert_eq!(journal(&env), start);
    let run = env.refuses(1, &["undo"]);
    assert!(
        run.stderr.starts_with("error: nothing to undo"),
        "{}",
        run.stderr
    );
    // A refused command leaves nothing to undo either (refuses() compares
    // every file, the record among them).
    env.refuses(1, &["goal", "done", "ada-lovelace", "g9"]);
}

#[test]
fn undo_refuses_when_a_file_changed_since() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.ok(&["goal", "add", "ada-lovelace", "Ship the RFC"]);
    let path = "relationships/ada-lovelace/relationship.toml";
    let edited = env.read(path) + "# my own note\n";
    env.write(path, &edited);
    let run = env.refuses(1, &["undo"]);
    assert_eq!(
        run.stderr,
        "error: cannot undo `rel goal add ada-lovelace \"Ship the RFC\"`: relationships/ada-lovelace/relationship.toml changed since rel wrote it\nhint: nothing was undone; change the file by hand (rel edit), or restore it with git\n"
    );
    assert_eq!(env.read(path), edited);
}

#[test]
fn the_last_ten_changes_are_kept() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    for n in 1..=12 {
        env.ok(&["goal", "add", "ada-lovelace", &format!("Goal {n}")]);
    }
    let list = env.ok(&["undo", "--list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 10, "{list}");
    assert!(lines[0].contains("\"Goal 12\""), "{list}");
    assert!(lines[9].contains("\"Goal 3\""), "{list}");
    for _ in 0..10 {
        env.ok(&["undo"]);
    }
    env.refuses(1, &["undo"]);
    let rel = env.relationship("ada-lovelace");
    assert_eq!(
        rel["goal"].as_array().unwrap().len(),
        2,
        "goals 1 and 2 stay"
    );
}

#[test]
fn undo_in_git_commits_and_keeps_its_record_out_of_git() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(&env.journal)
            .args(args)
            .env("HOME", env.tmp().join("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(&["init", "--quiet", "--initial-branch", "main"]);
    let rel = |args: &[&str]| {
        env.run_with(
            env.cmd()
                .env("GIT_CONFIG_NOSYSTEM", "1")
                .env("GIT_AUTHOR_NAME", "Test")
                .env("GIT_AUTHOR_EMAIL", "test@example.com")
                .env("GIT_COMMITTER_NAME", "Test")
                .env("GIT_COMMITTER_EMAIL", "test@example.com")
                .args(args),
        )
    };
    assert_eq!(rel(&["goal", "add", "ada-lovelace", "Ship it"]).code, 0);
    assert_eq!(rel(&["undo"]).code, 0);
    let log = git(&["log", "--format=%s"]);
    assert_eq!(
        log.lines().next(),
        Some("undo: rel goal add ada-lovelace \"Ship it\"")
    );
    assert!(!git(&["ls-files"]).contains(".undo"));
    // rel commits only what the command wrote: the fixture's own files
    // (journal.toml, .gitignore) are the person's to add; the record is
    // ignored, and the relationship put back is committed.
    let status = git(&["status", "--porcelain", "--untracked-files=all"]);
    assert!(!status.contains(".undo"), "{status}");
    assert!(!status.contains("relationships/"), "{status}");
    assert_eq!(
        git(&["show", "--name-only", "--format="]).trim(),
        "relationships/ada-lovelace/relationship.toml"
    );
    // A relationship rel new made and committed: undone, its removal is
    // committed too.
    assert_eq!(rel(&["new", "--person", "Eve", "--role", "mentor"]).code, 0);
    assert!(git(&["ls-files"]).contains("relationships/eve/relationship.toml"));
    assert_eq!(rel(&["undo"]).code, 0);
    assert!(!git(&["ls-files"]).contains("relationships/eve"));
    let status = git(&["status", "--porcelain", "--untracked-files=all"]);
    assert!(!status.contains("relationships/"), "{status}");
}

#[test]
fn an_import_that_replaced_a_relationship_is_undone_whole() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.ok(&["checkin", "ada-lovelace", "-m", "first"]);
    let export = env.ok(&["export"]);
    env.ok(&["goal", "add", "ada-lovelace", "Added after the export"]);
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "yesterday",
        "-m",
        "second",
    ]);
    let before = journal(&env);
    let file = env.tmp().join("backup.json");
    std::fs::write(&file, export).unwrap();
    env.ok(&["import", file.to_str().unwrap(), "--replace"]);
    assert_ne!(journal(&env), before);
    env.ok(&["undo"]);
    assert_eq!(journal(&env), before);
}

#[test]
fn undo_in_a_journal_that_is_not_there_makes_none() {
    let env = TestEnv::new();
    let run = env.fails(1, &["undo"]);
    assert!(
        run.stderr.starts_with("error: nothing to undo"),
        "{}",
        run.stderr
    );
    assert!(!env.journal.exists());
    assert_eq!(env.ok(&["undo", "--list"]), "");
}
