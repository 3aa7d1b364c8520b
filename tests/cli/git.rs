//! Git, when the journal is a git work tree; the config file.

use std::path::Path;

use crate::env::TestEnv;
use crate::fixtures;

/// git with a fixed identity and no user config.
fn git(env: &TestEnv, dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
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
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// rel with the git identity the tests use.
fn rel(env: &TestEnv, dir: &Path, args: &[&str]) -> crate::env::Run {
    env.run_with(
        env.cmd()
            .env("REL_DIR", dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .args(args),
    )
}

#[test]
fn every_change_is_committed_with_a_message_that_says_what_happened() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let run = rel(
        &env,
        &env.journal,
        &["git", "init", "--quiet", "--initial-branch", "main"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    for args in [
        &["checkin", "ada-lovelace", "-m", "first"][..],
        &["goal", "add", "ada-lovelace", "Ship the RFC"],
        &["goal", "done", "ada-lovelace", "g1"],
        &[
            "set",
            "ada-lovelace",
            "--cadence",
            "weekly",
            "--purpose",
            "Grow",
        ],
        &["pause", "ada-lovelace"],
    ] {
        let run = rel(&env, &env.journal, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.transcript());
        assert!(!run.stderr.contains("warning"), "{args:?}: {}", run.stderr);
    }
    let log = git(&env, &env.journal, &["log", "--format=%s"]);
    assert_eq!(
        log.lines().collect::<Vec<_>>(),
        [
            "pause ada-lovelace",
            "set ada-lovelace: purpose, cadence",
            "goal g1 achieved (ada-lovelace)",
            "goal g1 added (ada-lovelace)",
            "checkin ada-lovelace 2026-11-26",
        ]
    );
    // rel's scratch files stay out of git; the journal's files are all in.
    let files = git(&env, &env.journal, &["ls-files"]);
    assert!(
        files.contains("relationships/ada-lovelace/relationship.toml"),
        "{files}"
    );
    assert!(
        files.contains(".gitignore") && !files.contains(".lock"),
        "{files}"
    );
    assert_eq!(
        git(&env, &env.journal, &["status", "--porcelain"]),
        "",
        "nothing left uncommitted"
    );
    // A read changes nothing, and commits nothing; its cache stays out.
    env.ok(&["status", "--all"]);
    assert!(env.path(".cache").is_dir());
    assert_eq!(
        git(&env, &env.journal, &["log", "--format=%s"])
            .lines()
            .count(),
        5
    );
    assert_eq!(
        git(
            &env,
            &env.journal,
            &["status", "--porcelain", "--ignored=no"]
        ),
        ""
    );
}

#[test]
fn a_journal_travels_by_git() {
    let env = TestEnv::new();
    let remote = env.tmp().join("remote.git");
    git(
        &env,
        env.tmp(),
        &[
            "init",
            "--quiet",
            "--bare",
            "--initial-branch",
            "main",
            remote.to_str().unwrap(),
        ],
    );
    fixtures::ada(&env);
    rel(
        &env,
        &env.journal,
        &["git", "init", "--quiet", "--initial-branch", "main"],
    );
    rel(&env, &env.journal, &["git", "add", "-A"]);
    rel(
        &env,
        &env.journal,
        &["git", "commit", "--quiet", "-m", "my journal"],
    );
    rel(
        &env,
        &env.journal,
        &["git", "remote", "add", "origin", remote.to_str().unwrap()],
    );
    assert_eq!(
        rel(
            &env,
            &env.journal,
            &["git", "push", "--quiet", "origin", "main"]
        )
        .code,
        0
    );

    // A second machine clones it, records a meeting, and pushes.
    let laptop = env.tmp().join("laptop");
    git(
        &env,
        env.tmp(),
        &[
            "clone",
            "--quiet",
            remote.to_str().unwrap(),
            laptop.to_str().unwrap(),
        ],
    );
    let run = rel(
        &env,
        &laptop,
        &[
            "checkin",
            "ada-lovelace",
            "-m",
            "from the laptop",
            "--action",
            "Book a room",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let run = rel(&env, &laptop, &["git", "push", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.transcript());

    // The first has read its journal (so its cache holds it), then
    // pulls, and sees the new meeting: no stale state anywhere.
    env.ok(&["status"]);
    env.ok(&["status", "ada-lovelace"]);
    let run = rel(
        &env,
        &env.journal,
        &["git", "pull", "--quiet", "--ff-only", "origin", "main"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["status", "ada-lovelace", "--json"])).unwrap();
    assert_eq!(json["last_checkin"], "2026-11-26");
    assert_eq!(json["open_actions"]["mine"], 1);
    assert_eq!(json["recent_checkins"][0]["notes"], "from the laptop");
}

#[test]
fn git_can_be_turned_off_and_is_never_required() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    // Without git: no nagging.
    let run = env.run(&["goal", "add", "ada-lovelace", "x"]);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    rel(&env, &env.journal, &["git", "init", "--quiet"]);
    std::fs::create_dir_all(env.tmp().join("config/rel")).unwrap();
    std::fs::write(env.tmp().join("config/rel/config.toml"), "git = false\n").unwrap();
    rel(&env, &env.journal, &["goal", "add", "ada-lovelace", "y"]);
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(&env.journal)
        .args(["log"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "no commit was made");
}

#[test]
fn config_shows_what_is_in_force_and_where_it_came_from() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.tmp().join("config/rel")).unwrap();
    std::fs::write(
        env.tmp().join("config/rel/config.toml"),
        "default_cadence = \"biweekly\"\nreview_every = \"2m\"\neditor = \"nano\"\n",
    )
    .unwrap();
    let run = env.run(&["config"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.stdout);
    // The default cadence is used by rel new.
    env.ok(&["new", "--person", "Ada", "--role", "mentor"]);
    assert_eq!(
        env.relationship("ada")["cadence"].as_str(),
        Some("biweekly")
    );
}

#[test]
fn a_bad_config_is_a_clear_error() {
    let env = TestEnv::new();
    std::fs::create_dir_all(env.tmp().join("config/rel")).unwrap();
    for (text, message) in [
        (
            "default_cadence = \"often\"\n",
            "config.toml:1:19: 'often' is not a cadence",
        ),
        (
            "jornal_dir = \"/x\"\n",
            "config.toml:1:1: unknown field `jornal_dir`, expected one of",
        ),
        (
            "git = \"yes\"\n",
            "config.toml:1:7: invalid type: string \"yes\", expected a boolean",
        ),
        ("[[[\n", "config.toml:1:"),
    ] {
        std::fs::write(env.tmp().join("config/rel/config.toml"), text).unwrap();
        let run = env.fails(1, &["status"]);
        assert!(
            run.stderr
                .starts_with("error: bad config file: [TMP]/config/rel/config.toml"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains(message), "{text}: {}", run.stderr);
    }
}
