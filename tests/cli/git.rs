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
    // The person puts the journal in git; rel commits what it changes.
    rel(&env, &env.journal, &["git", "add", "-A"]);
    rel(
        &env,
        &env.journal,
        &["git", "commit", "--quiet", "-m", "my journal"],
    );
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
            "my journal",
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
        6
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

    // Both machines change the journal, each committing its own: a pull
    // merges them as any two histories.
    let run = rel(
        &env,
        &laptop,
        &["goal", "add", "ada-lovelace", "From the laptop"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    rel(&env, &laptop, &["git", "push", "--quiet"]);
    let run = rel(
        &env,
        &env.journal,
        &[
            "checkin",
            "ada-lovelace",
            "-m",
            "at my desk",
            "--date",
            "2026-11-25",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    let run = rel(
        &env,
        &env.journal,
        &[
            "git",
            "pull",
            "--quiet",
            "--no-rebase",
            "--no-edit",
            "origin",
            "main",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(git(&env, &env.journal, &["status", "--porcelain"]), "");
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["status", "ada-lovelace", "--json"])).unwrap();
    assert_eq!(json["relationship"]["goal"][0]["text"], "From the laptop");
    assert_eq!(env.checkins("ada-lovelace").len(), 2);
    // And rel goes on committing after the merge.
    let run = rel(&env, &env.journal, &["goal", "done", "ada-lovelace", "g1"]);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert_eq!(
        git(&env, &env.journal, &["log", "-1", "--format=%s"]).trim(),
        "goal g1 achieved (ada-lovelace)"
    );
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

/// git that may fail (a merge with a conflict): its output.
fn git_may_fail(env: &TestEnv, dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("HOME", env.tmp().join("home"))
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap()
}

/// A journal in a repository of its own, with its identity in the
/// repository's config (never the global one), everything committed, and
/// the `.gitattributes` rel's first write there would add.
fn repository(env: &TestEnv) {
    git(
        env,
        &env.journal,
        &["init", "--quiet", "--initial-branch", "main"],
    );
    env.write(".gitattributes", fixtures::GITATTRIBUTES);
    git(env, &env.journal, &["config", "user.name", "Test"]);
    git(
        env,
        &env.journal,
        &["config", "user.email", "test@example.com"],
    );
    git(env, &env.journal, &["add", "-A"]);
    git(
        env,
        &env.journal,
        &["commit", "--quiet", "-m", "my journal"],
    );
}

/// Ada and Grace, each with a goal, in git.
fn two_in_git(env: &TestEnv) {
    let journal = fixtures::ada(env);
    journal.relationship(
        "grace",
        r#"
        person = "Grace Hopper"
        kind = "mentoring"
        role = "mentor"
        status = "active"
        started = 2026-09-01
        "#,
    );
    repository(env);
}

/// Every command that writes, as a person would run it during a merge.
const WRITES: &[&[&str]] = &[
    &["goal", "add", "grace", "Ship it"],
    &["checkin", "grace", "-m", "met", "--action", "Call Ada"],
    &["set", "grace", "--purpose", "Grow"],
    &["new", "--person", "Linus", "--role", "mentor"],
    &["pause", "grace"],
];

#[test]
fn an_unresolved_merge_is_left_as_it_is() {
    let env = TestEnv::new();
    two_in_git(&env);
    let j = &env.journal;
    let ada = "relationships/ada-lovelace/relationship.toml";
    // Two branches change Ada's purpose differently, and git merges them
    // line by line (as in a clone where rel never ran, or with merge=text
    // set by hand): the merge stops with a conflict in her file.
    env.write(".git/info/attributes", "* merge=text\n");
    git(&env, j, &["checkout", "--quiet", "-b", "other"]);
    env.ok(&["set", "ada-lovelace", "--purpose", "Theirs"]);
    git(&env, j, &["checkout", "--quiet", "main"]);
    env.ok(&["set", "ada-lovelace", "--purpose", "Ours"]);
    let merge = git_may_fail(&env, j, &["merge", "--quiet", "other"]);
    assert!(!merge.status.success(), "the merge conflicts");
    let unmerged = git(&env, j, &["ls-files", "-u"]);
    assert!(unmerged.contains(ada), "{unmerged}");
    let head = git(&env, j, &["rev-parse", "HEAD"]);
    let staged = git(&env, j, &["diff", "--cached", "--name-only"]);

    for args in WRITES {
        let run = env.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.transcript());
        // Written, not committed, and said so in one whole sentence.
        assert!(
            run.stderr.contains(
                "warning: saved, but not committed to git, because a merge is in progress in the journal's repository: settle that first (rel git status shows where it stands), then commit rel's change with rel git add relationships/"
            ) && run.stderr.trim_end().ends_with("&& rel git commit."),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(git(&env, j, &["ls-files", "-u"]), unmerged, "{args:?}");
        assert_eq!(git(&env, j, &["rev-parse", "HEAD"]), head, "{args:?}");
        assert_eq!(
            git(&env, j, &["diff", "--cached", "--name-only"]),
            staged,
            "{args:?}: the index is the person's"
        );
    }
    // The conflicted file is never rewritten, nor staged; Ada's commands
    // refuse it by name.
    let run = env.fails(2, &["goal", "add", "ada-lovelace", "x"]);
    assert!(
        run.stderr.contains("unresolved merge conflict"),
        "{}",
        run.stderr
    );
    assert_eq!(git(&env, j, &["ls-files", "-u"]), unmerged);
    assert!(env.path(".git/MERGE_HEAD").exists());

    // The person resolves it; rel commits again.
    git(&env, j, &["checkout", "--ours", "--", ada]);
    git(&env, j, &["add", "-A"]);
    git(&env, j, &["commit", "--quiet", "--no-edit"]);
    let run = env.run(&["goal", "add", "grace", "After the merge"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert_eq!(
        git(&env, j, &["log", "-1", "--format=%s"]).trim(),
        "goal g2 added (grace)"
    );
}

#[test]
fn nothing_is_committed_while_git_is_in_the_middle_of_something() {
    let env = TestEnv::new();
    two_in_git(&env);
    let j = &env.journal;
    git(&env, j, &["checkout", "--quiet", "-b", "other"]);
    env.ok(&["goal", "add", "ada-lovelace", "On the other branch"]);
    git(&env, j, &["checkout", "--quiet", "main"]);
    // A merge that stopped before committing (no conflict), and a
    // cherry-pick that did.
    git(
        &env,
        j,
        &["merge", "--quiet", "--no-ff", "--no-commit", "other"],
    );
    let head = git(&env, j, &["rev-parse", "HEAD"]);
    let run = env.run(&["goal", "add", "grace", "x"]);
    assert!(
        run.stderr.contains("because a merge is in progress"),
        "{}",
        run.stderr
    );
    assert_eq!(git(&env, j, &["rev-parse", "HEAD"]), head);
    git(&env, j, &["merge", "--abort"]);
    git(&env, j, &["checkout", "--quiet", "--", "."]);
    env.write(".git/info/attributes", "* merge=text\n");
    env.ok(&["set", "ada-lovelace", "--purpose", "Mine"]);
    git(&env, j, &["checkout", "--quiet", "other"]);
    env.ok(&["set", "ada-lovelace", "--purpose", "Other"]);
    let pick = git(&env, j, &["rev-parse", "HEAD"]);
    git(&env, j, &["checkout", "--quiet", "main"]);
    assert!(
        !git_may_fail(&env, j, &["cherry-pick", pick.trim()])
            .status
            .success()
    );
    let head = git(&env, j, &["rev-parse", "HEAD"]);
    let run = env.run(&["goal", "add", "grace", "y"]);
    assert!(
        run.stderr.contains("because a cherry-pick is in progress"),
        "{}",
        run.stderr
    );
    assert_eq!(git(&env, j, &["rev-parse", "HEAD"]), head);
}

#[test]
fn rel_commits_only_its_own_files() {
    let env = TestEnv::new();
    two_in_git(&env);
    let j = &env.journal;
    // The person is half-way through a change of their own: a note staged,
    // a file changed and not staged, a new file.
    env.write("notes.md", "mine\n");
    git(&env, j, &["add", "notes.md"]);
    env.write("todo.md", "also mine\n");
    let grace = "relationships/grace/relationship.toml";
    env.write(grace, &(env.read(grace) + "# my comment\n"));
    let run = env.run(&["goal", "add", "ada-lovelace", "Ship it"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert_eq!(
        git(&env, j, &["show", "--name-only", "--format=%s"]),
        "goal g1 added (ada-lovelace)\n\nrelationships/ada-lovelace/relationship.toml\n"
    );
    assert_eq!(
        git(&env, j, &["diff", "--cached", "--name-only"]),
        "notes.md\n"
    );
    assert_eq!(
        git(&env, j, &["status", "--porcelain"]),
        "A  notes.md\n M relationships/grace/relationship.toml\n?? todo.md\n"
    );
    // A new journal in an empty repository: rel's first write commits the
    // files it made (its .gitattributes among them), and nothing else.
    let fresh = TestEnv::new();
    std::fs::create_dir_all(&fresh.journal).unwrap();
    repository_empty(&fresh);
    fresh.write("mine.txt", "x\n");
    let run = fresh.run(&["new", "--person", "Ada", "--role", "mentor"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert_eq!(
        git(
            &fresh,
            &fresh.journal,
            &["show", "--name-only", "--format=%s"]
        ),
        "new ada (mentoring, mentor)\n\n.gitattributes\n.gitignore\njournal.toml\nrelationships/ada/relationship.toml\n"
    );
    assert_eq!(fresh.read(".gitattributes"), fixtures::GITATTRIBUTES);
}

fn repository_empty(env: &TestEnv) {
    git(
        env,
        &env.journal,
        &["init", "--quiet", "--initial-branch", "main"],
    );
    git(env, &env.journal, &["config", "user.name", "Test"]);
    git(
        env,
        &env.journal,
        &["config", "user.email", "test@example.com"],
    );
}

#[test]
fn thirty_rels_at_once_make_thirty_commits_of_their_own() {
    let env = TestEnv::new();
    let journal = crate::fixtures::Journal::new(&env);
    for n in 0..10 {
        journal.relationship(
            &format!("p{n}"),
            &format!(
                "person = \"P{n}\"\nkind = \"mentoring\"\nrole = \"mentor\"\nstatus = \"active\"\nstarted = 2026-09-01\n"
            ),
        );
    }
    repository(&env);
    let mut children = Vec::new();
    for n in 0..10 {
        let handle = format!("p{n}");
        for args in [
            vec![
                "goal".to_string(),
                "add".into(),
                handle.clone(),
                format!("goal-{n}"),
            ],
            vec![
                "action".into(),
                "add".into(),
                handle.clone(),
                format!("action-{n}"),
            ],
            vec![
                "checkin".into(),
                handle.clone(),
                "-m".into(),
                format!("meeting-{n}"),
            ],
        ] {
            let child = env
                .std_cmd()
                .env("REL_LOCK_TIMEOUT", "120")
                .args(&args)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            children.push((args, child));
        }
    }
    for (args, child) in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(!stderr.contains("warning"), "{args:?}: {stderr}");
    }
    let j = &env.journal;
    let commits = git(&env, j, &["log", "--format=%H", "HEAD~30..HEAD"]);
    let commits: Vec<&str> = commits.lines().collect();
    assert_eq!(commits.len(), 30);
    assert_eq!(
        git(&env, j, &["log", "--format=%s", "HEAD~30"]).trim(),
        "my journal"
    );
    let mut seen = std::collections::BTreeSet::new();
    for sha in commits {
        let subject = git(&env, j, &["log", "-1", "--format=%s", sha])
            .trim()
            .to_string();
        let n: String = subject
            .split(['(', ' '])
            .find_map(|w| w.strip_prefix('p'))
            .unwrap_or_else(|| panic!("{subject}"))
            .trim_end_matches(')')
            .to_string();
        let what = subject.split(' ').next().unwrap().to_string();
        let files = git(&env, j, &["show", "--name-only", "--format=", sha]);
        for file in files.lines() {
            assert!(
                file.starts_with(&format!("relationships/p{n}/")),
                "{subject}: {file}"
            );
        }
        // The commit holds its own change and nobody else's.
        let diff = git(&env, j, &["show", "--format=", sha]);
        let added: Vec<&str> = diff
            .lines()
            .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
            .collect();
        let own = match what.as_str() {
            "goal" => format!("goal-{n}"),
            "action" => format!("action-{n}"),
            "checkin" => format!("meeting-{n}"),
            other => panic!("{other}: {subject}"),
        };
        assert!(added.iter().any(|l| l.contains(&own)), "{subject}: {diff}");
        for other in ["goal-", "action-", "meeting-"] {
            for l in added.iter().filter(|l| l.contains(other)) {
                assert!(l.contains(&own), "{subject} carries {l}");
            }
        }
        assert!(seen.insert(own.clone()), "{own} twice");
    }
    assert_eq!(seen.len(), 30);
    assert_eq!(git(&env, j, &["status", "--porcelain"]), "");
}
