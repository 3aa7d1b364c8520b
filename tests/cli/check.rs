//! `rel check`: a corpus of broken journals (`tests/corpus/<case>/`, one
//! small journal per case, as plain files), plus what git cannot store:
//! permissions and symbolic links.

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use crate::env::{Run, TestEnv};
use crate::fixtures;

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// Runs `rel check` on a copy of a corpus case and insists it wrote
/// nothing and that its exit code follows from what it printed.
fn check_case(name: &str) -> Run {
    let env = TestEnv::new();
    crate::fixtures::copy(&corpus().join(name), &env.journal);
    let before = env.files();
    let run = env.run(&["check"]);
    assert_eq!(before, env.files(), "{name}: rel check changed the journal");
    let errors = run.stdout.lines().any(|l| l.starts_with("error: "));
    assert_eq!(
        run.code,
        if errors { 2 } else { 0 },
        "{name}:\n{}",
        run.transcript()
    );
    for line in run.stdout.lines() {
        assert!(
            line.starts_with("error: [TMP]/journal") || line.starts_with("warning: [TMP]/journal"),
            "{name}: {line}"
        );
    }
    run
}

#[test]
fn every_case_of_the_corpus_is_named_with_its_place() {
    let mut cases: Vec<String> = fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "{cases:?}");
    let mut all = String::new();
    for name in &cases {
        let run = check_case(name);
        all.push_str(&format!("=== {name}\n{}\n", run.transcript()));
    }
    insta::assert_snapshot!("corpus", all);
}

#[test]
fn a_clean_journal_is_all_good() {
    let run = check_case("clean");
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "Checked 2 relationships, 3 check-ins: all good.\n"
    );
}

#[test]
fn a_journal_rel_wrote_checks_clean() {
    let env = TestEnv::new();
    env.ok(&fixtures::NEW_ADA);
    env.ok(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "2026-11-01",
        "--action",
        "Send the doc",
        "--review",
    ]);
    env.ok(&["checkin", "ada-lovelace", "--done", "a1", "-m", "done"]);
    env.ok(&["goal", "add", "ada-lovelace", "Run a design review"]);
    env.ok(&["goal", "done", "ada-lovelace", "g1"]);
    let run = env.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("all good"), "{}", run.stderr);
}

#[test]
fn permissions_wider_than_rel_keeps_are_warned_about_with_the_fix() {
    let env = TestEnv::new();
    crate::fixtures::copy(&corpus().join("clean"), &env.journal);
    let chmod = |rel: &str, mode: u32| {
        fs::set_permissions(env.path(rel), fs::Permissions::from_mode(mode)).unwrap();
    };
    chmod("relationships/ada-lovelace", 0o755);
    chmod("relationships/ada-lovelace/relationship.toml", 0o644);
    chmod("journal.toml", 0o620);
    let run = env.run(&["check"]);
    assert_eq!(run.code, 0, "warnings only: {}", run.transcript());
    insta::assert_snapshot!("permissions", run.transcript());

    // A journal copied with a loose umask gets one line and one fix.
    let loose = TestEnv::new();
    crate::fixtures::copy(&corpus().join("clean"), &loose.journal);
    let mut stack = vec![loose.journal.clone()];
    while let Some(dir) = stack.pop() {
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
            }
        }
    }
    let run = loose.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("warning: [TMP]/journal: 12 files and folders let other users in")
            && run
                .stdout
                .trim_end()
                .ends_with("chmod -R go-rwx [TMP]/journal"),
        "{}",
        run.stdout
    );
}

#[test]
fn symbolic_links_inside_the_journal_are_errors() {
    let env = TestEnv::new();
    crate::fixtures::copy(&corpus().join("clean"), &env.journal);
    let outside = env.tmp().join("outside");
    crate::fixtures::copy(&corpus().join("clean/relationships/ada-lovelace"), &outside);
    symlink(
        outside.join("relationship.toml"),
        env.path("relationships/grace-hopper/checkins/2026-11-12-1.toml"),
    )
    .unwrap();
    symlink(&outside, env.path("relationships/linked")).unwrap();
    symlink("/nonexistent", env.path("drafts")).unwrap();
    let before = env.files();
    let run = env.run(&["check"]);
    assert_eq!(before, env.files());
    assert_eq!(run.code, 2, "{}", run.transcript());
    insta::assert_snapshot!("symlinks", run.transcript());
}

#[test]
fn the_journal_itself_may_be_a_link_but_must_be_a_folder() {
    let env = TestEnv::new();
    let real = env.tmp().join("real");
    crate::fixtures::copy(&corpus().join("clean"), &real);
    symlink(&real, &env.journal).unwrap();
    let run = env.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());

    let env = TestEnv::new();
    fs::write(&env.journal, "not a folder\n").unwrap();
    let run = env.run(&["check"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert_eq!(
        run.stdout,
        "error: [TMP]/journal: is not a folder; a journal is a folder (point rel at one with --dir or REL_DIR)\n"
    );

    let env = TestEnv::new();
    let run = env.refuses(1, &["check"]);
    assert_eq!(
        run.stderr,
        "error: there is no journal at [TMP]/journal\nhint: rel new starts one; --dir or REL_DIR points rel at another folder\n"
    );
}

#[test]
fn one_unreadable_checkin_does_not_hide_the_others() {
    let run = check_case("broken-checkins");
    for day in ["2026-11-02-1", "2026-11-03-1", "2026-11-04-1"] {
        assert!(
            run.stdout.contains(&format!("{day}.toml:")),
            "{day}: {}",
            run.stdout
        );
    }
}

#[test]
fn many_checkins_are_all_read() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let dir = env.path("relationships/ada-lovelace/checkins");
    fs::create_dir_all(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    for n in 1..=60 {
        let text = if n == 37 {
            "date = 2026-11-01\nratin = 4\n".to_string()
        } else {
            "date = 2026-11-01\nrating = 4\n".to_string()
        };
        fs::write(dir.join(format!("2026-11-01-{n}.toml")), text).unwrap();
        fs::set_permissions(
            dir.join(format!("2026-11-01-{n}.toml")),
            fs::Permissions::from_mode(0o600),
        )
        .unwrap();
    }
    let run = env.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stdout,
        "warning: [TMP]/journal/relationships/ada-lovelace/checkins/2026-11-01-37.toml:2:1: unknown key 'ratin': did you mean 'rating'? (rel keeps keys it does not know, and ignores them)\n"
    );
    assert_eq!(
        run.stderr,
        "Checked 1 relationship, 60 check-ins: 1 warning, no errors.\n"
    );
}

#[test]
fn a_checkin_long_before_the_start_is_a_warning() {
    let env = TestEnv::new();
    fixtures::ada(&env).checkin(
        "ada-lovelace",
        "0000-01-01-1",
        "date = 0000-01-01\nnotes = \"x\"\n",
    );
    let run = env.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stdout,
        "warning: [TMP]/journal/relationships/ada-lovelace/checkins/0000-01-01-1.toml:1:1: dated 0000-01-01, before the relationship started on 2026-09-01; if the meeting was real, move started back (rel set --started), else fix the date\n"
    );
}

#[test]
fn a_header_nested_too_deep_is_named_by_its_line() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let path = "relationships/ada-lovelace/relationship.toml";
    let deep = vec!["a"; 20_000].join(".");
    env.write(path, &format!("{}\n[{deep}]\nx = 1\n", env.read(path)));
    let run = env.fails(2, &["check"]);
    assert!(
        run.stdout.contains(&format!(
            "error: [TMP]/journal/{path}:11:1: nested too deep: a key or table header of 20000 dotted parts (TOML readers take up to 80)"
        )),
        "{}",
        run.stdout
    );
    // As a dotted key too, and wherever the file is read.
    env.write(path, &format!("person = \"Ada\"\n{deep} = 1\n"));
    let run = env.fails(2, &["status"]);
    assert!(
        run.stderr.contains(&format!("{path}:2:1: nested too deep")),
        "{}",
        run.stderr
    );
}
