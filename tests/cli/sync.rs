//! Two machines, one journal: `rel sync` through a bare remote in the
//! temporary folder (never a network), the merge driver under a plain
//! `git pull`, and modes after a clone.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::env::{Run, TestEnv};
use crate::fixtures;

/// git with a fixed identity and no user or system config.
pub fn git(env: &TestEnv, dir: &Path, args: &[&str]) -> String {
    let out = git_may_fail(env, dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn git_may_fail(env: &TestEnv, dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("HOME", env.tmp().join("home"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("REL_TODAY", crate::env::TODAY)
        .output()
        .unwrap()
}

/// rel on the journal in `dir`, with the git identity the tests use.
pub fn rel(env: &TestEnv, dir: &Path, args: &[&str]) -> Run {
    env.run_with(
        env.cmd()
            .env("REL_DIR", dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .args(args),
    )
}

pub fn ok(env: &TestEnv, dir: &Path, args: &[&str]) -> Run {
    let run = rel(env, dir, args);
    assert_eq!(
        run.code,
        0,
        "rel {args:?} in {}:\n{}",
        dir.display(),
        run.transcript()
    );
    run
}

/// A journal with Ada in git on the first machine (`env.journal`), pushed
/// to a bare remote; the remote's path.
pub fn first_machine(env: &TestEnv) -> PathBuf {
    fixtures::ada(env);
    let laptop = &env.journal;
    git(
        env,
        laptop,
        &["init", "--quiet", "--initial-branch", "main"],
    );
    git(env, laptop, &["add", "-A"]);
    git(env, laptop, &["commit", "--quiet", "-m", "my journal"]);
    let remote = env.tmp().join("remote.git");
    git(
        env,
        env.tmp(),
        &[
            "init",
            "--quiet",
            "--bare",
            "--initial-branch",
            "main",
            "remote.git",
        ],
    );
    ok(
        env,
        laptop,
        &["git", "remote", "add", "origin", remote.to_str().unwrap()],
    );
    let run = ok(env, laptop, &["sync"]);
    assert!(
        run.stderr
            .contains("Out to origin/main (a new branch there): "),
        "{}",
        run.stderr
    );
    remote
}

/// A clone of the remote on another machine, set up as the README says.
pub fn clone(env: &TestEnv, remote: &Path, name: &str) -> PathBuf {
    let dir = env.tmp().join(name);
    git(
        env,
        env.tmp(),
        &[
            "clone",
            "--quiet",
            remote.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
    );
    ok(env, &dir, &["status"]);
    dir
}

/// Every file of a journal (but git's, the lock, the cache and the undo
/// record, which are each clone's own), with its bytes and mode.
pub fn tree(dir: &Path) -> BTreeMap<String, (u32, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, (u32, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if [".git", ".cache", ".lock", ".undo"].contains(&name.as_str()) {
                continue;
            }
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let mode = meta.permissions().mode() & 0o777;
            if meta.is_dir() {
                out.insert(format!("{name}/"), (mode, Vec::new()));
                walk(root, &path, out);
            } else {
                out.insert(name, (mode, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The journals are the same, byte for byte and mode for mode, and
/// `rel check` finds nothing wrong in either.
pub fn same_and_clean(env: &TestEnv, dirs: &[&Path]) {
    let first = tree(dirs[0]);
    for dir in dirs {
        assert_eq!(
            tree(dir).keys().collect::<Vec<_>>(),
            first.keys().collect::<Vec<_>>(),
            "{}",
            dir.display()
        );
        assert!(
            tree(dir) == first,
            "{} differs from {}",
            dir.display(),
            dirs[0].display()
        );
        let run = ok(env, dir, &["check"]);
        assert!(run.stdout.is_empty(), "{}: {}", dir.display(), run.stdout);
        for (name, (_, bytes)) in tree(dir) {
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
                "{name}: a conflict marker"
            );
        }
        assert_eq!(
            git(env, dir, &["status", "--porcelain"]),
            "",
            "{}",
            dir.display()
        );
    }
}

fn actions(dir: &Path, handle: &str) -> Vec<(String, String)> {
    let text =
        std::fs::read_to_string(dir.join(format!("relationships/{handle}/relationship.toml")))
            .unwrap();
    let table: toml::Table = text.parse().unwrap();
    table
        .get("action")
        .and_then(|a| a.as_array())
        .map(|a| {
            a.iter()
                .map(|t| {
                    (
                        t["id"].as_str().unwrap().to_string(),
                        t["text"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn checkin_texts(dir: &Path, handle: &str) -> Vec<String> {
    let folder = dir.join(format!("relationships/{handle}/checkins"));
    let mut names: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn a_checkin_on_each_machine_the_same_day_keeps_both() {
    let env = TestEnv::new();
    let remote = first_machine(&env);
    let laptop = env.journal.clone();
    let desktop = clone(&env, &remote, "desktop");
    ok(
        &env,
        &laptop,
        &["checkin", "ada-lovelace", "-m", "Met at the office"],
    );
    ok(
        &env,
        &desktop,
        &["checkin", "ada-lovelace", "-m", "Met for lunch"],
    );
    ok(&env, &laptop, &["sync"]);
    let run = ok(&env, &desktop, &["sync"]);
    assert!(
        run.stderr
            .contains("In from origin/main: 1 change — checkin ada-lovelace 2026-11-26.")
            && run
                .stderr
                .contains("Out to origin/main: 1 change — checkin ada-lovelace 2026-11-26."),
        "{}",
        run.stderr
    );
    let run = ok(&env, &laptop, &["sync"]);
    assert!(
        run.stderr.contains("Out to origin/main: nothing to send."),
        "{}",
        run.stderr
    );
    same_and_clean(&env, &[&laptop, &desktop]);
    let texts = checkin_texts(&laptop, "ada-lovelace");
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("Met at the office")));
    assert!(texts.iter().any(|t| t.contains("Met for lunch")));
    // Both show, by their full names now that they share the short one.
    let log = ok(&env, &laptop, &["log", "ada-lovelace"]).stdout;
    assert_eq!(log.matches("2026-11-26-1-").count(), 2, "{log}");
}

#[test]
fn a_new_action_on_each_machine_keeps_both_and_renumbers_this_ones() {
    let env = TestEnv::new();
    let remote = first_machine(&env);
    let laptop = env.journal.clone();
    let desktop = clone(&env, &remote, "desktop");
    ok(
        &env,
        &laptop,
        &["action", "add", "ada-lovelace", "Send the draft"],
    );
    ok(&env, &laptop, &["sync"]);
    // The desktop's new action comes out of a meeting: the check-in names
    // it too, and follows it to its new id.
    ok(
        &env,
        &desktop,
        &[
            "checkin",
            "ada-lovelace",
            "-m",
            "Planned the review",
            "--action",
            "Book the room",
        ],
    );
    let run = ok(&env, &desktop, &["sync"]);
    assert!(
        run.stderr
            .contains("  ada-lovelace: this machine's a1 \"Book the room\" is now a2\n"),
        "{}",
        run.stderr
    );
    assert_eq!(
        actions(&desktop, "ada-lovelace"),
        [
            ("a1".to_string(), "Send the draft".to_string()),
            ("a2".to_string(), "Book the room".to_string())
        ]
    );
    let checkin = checkin_texts(&desktop, "ada-lovelace").join("");
    assert!(
        checkin.contains("id = \"a2\"\ntext = \"Book the room\""),
        "{checkin}"
    );
    // The merge commit says so too.
    let message = git(&env, &desktop, &["log", "-1", "--format=%B"]);
    assert!(
        message.contains("ada-lovelace: this machine's a1 \"Book the room\" is now a2"),
        "{message}"
    );
    ok(&env, &laptop, &["sync"]);
    same_and_clean(&env, &[&laptop, &desktop]);
}

#[test]
fn a_field_changed_on_both_machines_keeps_one_records_the_other_and_asks() {
    let env = TestEnv::new();
    let remote = first_machine(&env);
    let laptop = env.journal.clone();
    let desktop = clone(&env, &remote, "desktop");
    ok(
        &env,
        &laptop,
        &["set", "ada-lovelace", "--purpose", "Grow into a tech lead"],
    );
    ok(&env, &laptop, &["sync"]);
    ok(
        &env,
        &desktop,
        &["set", "ada-lovelace", "--purpose", "Ship the RFC"],
    );
    let run = ok(&env, &desktop, &["sync"]);
    assert!(
        run.stderr.contains(
            "ada-lovelace: purpose was changed on two machines — kept \"Grow into a tech lead\", and \"Ship the RFC\" is in its history (rel set ada-lovelace --settle purpose keeps it)"
        ),
        "{}",
        run.stderr
    );
    ok(&env, &laptop, &["sync"]);
    same_and_clean(&env, &[&laptop, &desktop]);
    let status = ok(&env, &laptop, &["status"]).stdout;
    assert!(
        status.contains(
            "ada-lovelace: purpose was changed on two machines on 2026-11-26 — which stands?"
        ),
        "{status}"
    );
    let show = ok(&env, &laptop, &["show", "ada-lovelace", "--json"]).stdout;
    assert!(show.contains("\"key\": \"merge-conflict\""), "{show}");
    // The person settles it; the question goes.
    ok(
        &env,
        &laptop,
        &["set", "ada-lovelace", "--settle", "purpose"],
    );
    let status = ok(&env, &laptop, &["status"]).stdout;
    assert!(!status.contains("which stands"), "{status}");
    let run = rel(
        &env,
        &laptop,
        &["set", "ada-lovelace", "--settle", "purpose"],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr
            .starts_with("error: ada-lovelace has no conflict over 'purpose' to settle")
    );
}

#[test]
fn a_plain_git_pull_merges_with_rels_driver() {
    let env = TestEnv::new();
    let remote = first_machine(&env);
    let laptop = env.journal.clone();
    let desktop = clone(&env, &remote, "desktop");
    // `rel status` after the clone registered rel as the merge driver.
    let driver = git(&env, &desktop, &["config", "merge.rel.driver"]);
    assert!(
        driver.trim().ends_with(" merge-driver %O %A %B %P"),
        "{driver}"
    );
    ok(
        &env,
        &laptop,
        &["action", "add", "ada-lovelace", "Send the draft"],
    );
    ok(
        &env,
        &laptop,
        &["set", "ada-lovelace", "--cadence", "weekly"],
    );
    ok(&env, &laptop, &["sync"]);
    ok(
        &env,
        &desktop,
        &[
            "checkin",
            "ada-lovelace",
            "-m",
            "Planned",
            "--action",
            "Book the room",
        ],
    );
    let pull = git_may_fail(
        &env,
        &desktop,
        &["pull", "--no-rebase", "--no-edit", "origin", "main"],
    );
    let said = String::from_utf8_lossy(&pull.stderr);
    assert!(pull.status.success(), "{said}");
    assert!(
        said.contains("rel: ada-lovelace: this machine's a1 \"Book the room\" is now a2"),
        "{said}"
    );
    assert_eq!(
        actions(&desktop, "ada-lovelace"),
        [
            ("a1".to_string(), "Send the draft".to_string()),
            ("a2".to_string(), "Book the room".to_string())
        ]
    );
    let text =
        std::fs::read_to_string(desktop.join("relationships/ada-lovelace/relationship.toml"))
            .unwrap();
    assert!(text.contains("cadence = \"weekly\""), "{text}");
    // The check-in that named a1 was rewritten to match; rel sync commits
    // it and sends it all.
    assert!(
        checkin_texts(&desktop, "ada-lovelace")
            .join("")
            .contains("id = \"a2\"")
    );
    let run = ok(&env, &desktop, &["sync"]);
    assert!(
        run.stderr.contains("Committed 1 file of the journal"),
        "{}",
        run.stderr
    );
    ok(&env, &laptop, &["sync"]);
    same_and_clean(&env, &[&laptop, &desktop]);
}

#[test]
fn modes_come_back_after_a_clone() {
    let env = TestEnv::new();
    let remote = first_machine(&env);
    let dir = env.tmp().join("desktop");
    git(
        &env,
        env.tmp(),
        &[
            "clone",
            "--quiet",
            remote.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
    );
    let mode = |p: &str| std::fs::metadata(dir.join(p)).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode("relationships/ada-lovelace/relationship.toml") & 0o044,
        0o044,
        "git's own modes"
    );
    let run = rel(&env, &dir, &["check"]);
    assert!(
        run.stdout.contains("lets other users read it"),
        "{}",
        run.stdout
    );
    // On demand.
    let run = ok(&env, &dir, &["check", "--fix-modes"]);
    assert!(run.stderr.starts_with("Modes: "), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_eq!(mode("relationships/ada-lovelace/relationship.toml"), 0o600);
    assert_eq!(mode("relationships"), 0o700);
    // Quietly, on the next write after a pull.
    let laptop = env.journal.clone();
    ok(
        &env,
        &laptop,
        &["checkin", "ada-lovelace", "-m", "New file"],
    );
    ok(&env, &laptop, &["sync"]);
    git(
        &env,
        &dir,
        &["pull", "--quiet", "--no-rebase", "origin", "main"],
    );
    let checkins: Vec<String> = std::fs::read_dir(dir.join("relationships/ada-lovelace/checkins"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let new = format!("relationships/ada-lovelace/checkins/{}", checkins[0]);
    assert_eq!(mode(&new), 0o644);
    let run = ok(&env, &dir, &["goal", "add", "ada-lovelace", "Ship it"]);
    assert!(!run.stderr.contains("mode"), "{}", run.stderr);
    assert_eq!(mode(&new), 0o600);
    assert_eq!(mode("relationships/ada-lovelace/checkins"), 0o700);
    let run = ok(&env, &dir, &["check"]);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn sync_says_how_to_add_a_remote_and_keeps_the_commit_when_it_cannot_reach_it() {
    let env = TestEnv::new();
    let j = env.journal.clone();
    // No journal yet, or one not in git: nothing is made or written.
    let run = rel(&env, &j, &["sync"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(!j.exists());
    fixtures::ada(&env);
    let before = env.files();
    let run = rel(&env, &j, &["sync"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.starts_with("error: the journal is not in git"),
        "{}",
        run.stderr
    );
    assert_eq!(env.files(), before);
    git(&env, &j, &["init", "--quiet", "--initial-branch", "main"]);
    git(&env, &j, &["add", "-A"]);
    git(&env, &j, &["commit", "--quiet", "-m", "my journal"]);
    let run = rel(&env, &j, &["sync"]);
    assert_eq!(
        run.stderr,
        "error: the journal's repository has no remote to sync with\nhint: add one: rel git remote add origin URL, then rel sync (it pushes there)\n"
    );
    let gone = env.tmp().join("no-such-remote.git");
    ok(
        &env,
        &j,
        &["git", "remote", "add", "origin", gone.to_str().unwrap()],
    );
    // A change left uncommitted (written during a merge, say) is committed
    // before anything else.
    ok(&env, &j, &["goal", "add", "ada-lovelace", "Ship it"]);
    env.write(
        "relationships/ada-lovelace/relationship.toml",
        &(env.read("relationships/ada-lovelace/relationship.toml") + "# by hand\n"),
    );
    let head = git(&env, &j, &["rev-parse", "HEAD"]);
    let run = rel(&env, &j, &["sync"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr.starts_with("error: cannot reach origin: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with(
            "hint: your changes are committed here; rel sync again when origin can be reached\n"
        ),
        "{}",
        run.stderr
    );
    assert_ne!(git(&env, &j, &["rev-parse", "HEAD"]), head);
    assert_eq!(git(&env, &j, &["status", "--porcelain"]), "");
}

#[test]
fn a_relationship_started_on_both_machines_merges_into_one() {
    let env = TestEnv::new();
    let remote = first_machine(&env);
    let laptop = env.journal.clone();
    let desktop = clone(&env, &remote, "desktop");
    for (dir, goal) in [(&laptop, "Learn Rust"), (&desktop, "Give a talk")] {
        ok(
            &env,
            dir,
            &[
                "new",
                "linus",
                "--person",
                "Linus",
                "--kind",
                "mentoring",
                "--role",
                "mentor",
                "--started",
                "2026-11-01",
                "--goal",
                goal,
            ],
        );
    }
    ok(&env, &laptop, &["sync"]);
    let run = ok(&env, &desktop, &["sync"]);
    assert!(
        run.stderr
            .contains("  linus: this machine's g1 \"Give a talk\" is now g2"),
        "{}",
        run.stderr
    );
    ok(&env, &laptop, &["sync"]);
    same_and_clean(&env, &[&laptop, &desktop]);
    let text =
        std::fs::read_to_string(laptop.join("relationships/linus/relationship.toml")).unwrap();
    assert!(
        text.contains("Learn Rust") && text.contains("Give a talk"),
        "{text}"
    );
}

#[test]
fn a_file_that_is_not_rels_and_conflicts_stops_the_sync_with_nothing_merged() {
    let env = TestEnv::new();
    let remote = first_machine(&env);
    let laptop = env.journal.clone();
    let desktop = clone(&env, &remote, "desktop");
    for (dir, words) in [(&laptop, "laptop\n"), (&desktop, "desktop\n")] {
        std::fs::write(dir.join("notes.md"), words).unwrap();
        git(&env, dir, &["add", "notes.md"]);
        git(&env, dir, &["commit", "--quiet", "-m", "notes"]);
    }
    ok(&env, &laptop, &["sync"]);
    ok(&env, &desktop, &["goal", "add", "ada-lovelace", "Ship it"]);
    let head = git(&env, &desktop, &["rev-parse", "HEAD"]);
    let run = rel(&env, &desktop, &["sync"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr
            .starts_with("error: notes.md could not be merged, so nothing was\n"),
        "{}",
        run.stderr
    );
    assert_eq!(git(&env, &desktop, &["rev-parse", "HEAD"]), head);
    assert_eq!(git(&env, &desktop, &["status", "--porcelain"]), "");
    assert!(!desktop.join(".git/MERGE_HEAD").exists());
}
