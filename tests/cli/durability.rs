//! Never losing a word: crashes at any instant, at every step of the write
//! protocol, writers at once, a full disk.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::env::TestEnv;
use crate::fixtures::{self, Journal};

/// A small deterministic generator, so a failing run can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Every `.toml` file under the journal, parsed; and every leftover temp.
fn parse_all(dir: &Path, temps: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            parse_all(&path, temps);
        } else if name.starts_with(".rel-") && name.ends_with(".tmp") {
            temps.push(name);
        } else if name.ends_with(".toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            if let Err(e) = text.parse::<toml::Table>() {
                panic!(
                    "{} does not parse after a kill: {e}\n{text}",
                    path.display()
                );
            }
        }
    }
}

/// What the journal holds now, through rel's own eyes.
struct Seen {
    goals: BTreeSet<String>,
    actions_done: BTreeSet<String>,
    actions: BTreeSet<String>,
    notes: BTreeSet<String>,
    purpose: Option<String>,
    checkins: usize,
}

fn seen(env: &TestEnv) -> Seen {
    let run = env.run(&["status", "ada", "--json"]);
    assert_eq!(run.code, 0, "status after a kill:\n{}", run.transcript());
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rel = &json["relationship"];
    let texts = |key: &str| -> Vec<&serde_json::Value> {
        rel[key]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default()
    };
    let mut notes = BTreeSet::new();
    let dir = env.path("relationships/ada/checkins");
    let mut files = 0;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".toml") && !name.starts_with('.') {
                files += 1;
                let file: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
                if let Some(n) = file.get("notes").and_then(|n| n.as_str()) {
                    notes.insert(n.to_string());
                }
            }
        }
    }
    Seen {
        goals: texts("goal")
            .iter()
            .map(|g| g["text"].as_str().unwrap().to_string())
            .collect(),
        actions_done: texts("action")
            .iter()
            .filter(|a| a.get("done").is_some())
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect(),
        actions: texts("action")
            .iter()
            .map(|a| a["text"].as_str().unwrap().to_string())
            .collect(),
        notes,
        purpose: rel["purpose"].as_str().map(str::to_string),
        checkins: {
            assert_eq!(
                json["checkins"].as_u64().unwrap() as usize,
                files,
                "every check-in file, and only those, is counted"
            );
            files
        },
    }
}

#[test]
#[ignore = "slow (about half a minute): run by .ci/run with --include-ignored"]
fn crash_sigkill_at_random_instants_loses_nothing() {
    let env = TestEnv::new();
    // Ada with twenty actions of yours.
    let mut ada = fixtures::dedent(
        r#"
        person = "Ada"
        kind = "mentoring"
        role = "mentor"
        status = "active"
        started = 2026-01-01
        cadence = "weekly"

        # The highest id handed out so far: rel never reuses an id, so never lower these.
        [last_id]
        action = 20
        "#,
    );
    for n in 0..20 {
        ada += &format!(
            "\n[[action]]\nid = \"a{}\"\ntext = \"seed action {n}\"\nowner = \"me\"\nadded = 2026-11-26\n",
            n + 1
        );
    }
    Journal::new(&env).relationship("ada", &ada);
    let seed = 0x5eed_2026_1126_u64;
    let mut rng = Rng(seed);
    let mut committed_goals = BTreeSet::new();
    let mut committed_notes = BTreeSet::new();
    let mut committed_done = BTreeSet::new();
    let mut committed_actions = BTreeSet::new();
    // The purposes the file may hold: the last one saved, and any set after
    // it that was killed (it may have landed just before the kill).
    let mut purposes: Vec<String> = Vec::new();
    let (mut kills, mut completed) = (0, 0);
    let kills_wanted = 300;
    let mut round = 0;
    while kills < kills_wanted {
        round += 1;
        let args: Vec<String> = match rng.below(4) {
            0 => vec![
                "checkin".into(),
                "ada".into(),
                "-m".into(),
                format!("note {round}"),
                "--action".into(),
                format!("action {round}"),
            ],
            1 => vec![
                "goal".into(),
                "add".into(),
                "ada".into(),
                format!("goal {round}"),
            ],
            2 => vec![
                "action".into(),
                "done".into(),
                "ada".into(),
                format!("a{}", 1 + rng.below(20 + round as u64)),
            ],
            _ => vec![
                "set".into(),
                "ada".into(),
                "--purpose".into(),
                format!("purpose {round}"),
            ],
        };
        let mut child = env
            .std_cmd()
            .env("REL_LOCK_TIMEOUT", "30")
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let ok = status.success();
        if status.code().is_none() {
            kills += 1;
        } else {
            completed += 1;
        }
        if args[0] == "set" {
            if ok {
                purposes.clear();
            }
            purposes.push(args[3].clone());
        }
        if ok {
            match args[0].as_str() {
                "checkin" => {
                    committed_notes.insert(args[3].clone());
                    committed_actions.insert(args[5].clone());
                }
                "goal" => {
                    committed_goals.insert(args[3].clone());
                }
                "action" => {
                    committed_done.insert(args[3].clone());
                }
                _ => {}
            }
        }
        // Every file parses; rel reads the journal; whatever was reported saved is there.
        let mut temps = Vec::new();
        parse_all(&env.journal, &mut temps);
        let now = seen(&env);
        assert!(
            committed_goals.is_subset(&now.goals),
            "round {round} (seed {seed:#x}): a saved goal is missing"
        );
        assert!(
            committed_notes.is_subset(&now.notes),
            "round {round}: saved notes are missing"
        );
        assert!(
            committed_actions.is_subset(&now.actions),
            "round {round}: a saved action is missing"
        );
        assert!(
            committed_done.is_subset(&now.actions_done),
            "round {round}: a saved 'done' is missing"
        );
        if let Some(current) = &now.purpose {
            assert!(
                purposes.contains(current),
                "round {round}: purpose {current:?}, expected one of {purposes:?}"
            );
        }
        assert!(now.checkins >= committed_notes.len());
        // The next write succeeds (and completes anything half-done).
        if round % 10 == 0 {
            env.ok(&["goal", "add", "ada", &format!("probe {round}")]);
            committed_goals.insert(format!("probe {round}"));
            assert!(
                !env.path(".pending.toml").exists(),
                "the next write completes an interrupted check-in"
            );
        }
    }
    eprintln!("{kills} writers killed, {completed} finished first, {round} rounds");
}

/// Dies at a named step of the write protocol, as a power cut would.
fn crash_at(env: &TestEnv, point: &str, args: &[&str]) {
    let run = env.run_with(env.cmd().env("REL_TEST_FAILPOINT", point).args(args));
    assert_ne!(run.code, 0, "{point}: {args:?} should have died");
}

#[test]
fn a_crash_at_each_step_leaves_the_old_or_the_new() {
    for point in ["after-temp-write", "after-rename"] {
        let env = TestEnv::new();
        fixtures::ada(&env);
        let before = env.read("relationships/ada-lovelace/relationship.toml");
        crash_at(&env, point, &["goal", "add", "ada-lovelace", "Ship it"]);
        let after = env.read("relationships/ada-lovelace/relationship.toml");
        match point {
            "after-temp-write" => assert_eq!(after, before, "{point}: the old file"),
            _ => assert!(
                after.contains("text = \"Ship it\""),
                "{point}: the new file"
            ),
        }
        // Whatever the crash left behind, rel reads the journal and writes again.
        env.ok(&["status"]);
        env.ok(&["goal", "add", "ada-lovelace", "Next"]);
        let goals = env.relationship("ada-lovelace")["goal"]
            .as_array()
            .unwrap()
            .len();
        assert_eq!(
            goals,
            if point == "after-temp-write" { 1 } else { 2 },
            "{point}"
        );
    }
}

#[test]
fn a_crash_between_the_checkin_and_the_relationship_is_completed_later() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.ok(&["action", "add", "ada-lovelace", "Send the doc"]);
    crash_at(
        &env,
        "between-checkin-and-relationship",
        &[
            "checkin",
            "ada-lovelace",
            "--done",
            "a1",
            "--action",
            "New one",
            "-m",
            "kept",
        ],
    );
    // The check-in is there, the relationship not yet updated, and the marker says so.
    assert_eq!(env.checkins("ada-lovelace"), ["2026-11-26-1-8phk.toml"]);
    assert!(
        !env.read("relationships/ada-lovelace/relationship.toml")
            .contains("New one")
    );
    assert!(env.path(".pending.toml").exists());
    // rel check explains the half-finished write.
    let check = env.run(&["check"]);
    assert!(
        check.stdout.contains(".pending.toml") && check.stdout.contains("2026-11-26-1"),
        "{}",
        check.transcript()
    );
    // Reports already show it; the relationship never claims what no check-in recorded.
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    assert_eq!(
        json["relationships"][0]["open_actions"]["mine"], 1,
        "a1 done, a2 open"
    );
    // A write to anything completes it.
    env.ok(&["new", "--person", "Grace", "--role", "sponsor"]);
    assert!(!env.path(".pending.toml").exists());
    let text = env.read("relationships/ada-lovelace/relationship.toml");
    assert!(
        text.contains("done = 2026-11-26") && text.contains("text = \"New one\""),
        "{text}"
    );
    assert_eq!(
        text.matches("New one").count(),
        1,
        "completed once, not twice"
    );
}

#[test]
fn a_crash_while_creating_leaves_nothing_half_made() {
    for point in ["after-temp-write", "before-folder-rename", "after-rename"] {
        let env = TestEnv::new();
        fixtures::ada(&env);
        crash_at(
            &env,
            point,
            &["new", "--person", "Grace", "--role", "sponsor"],
        );
        let status = env.ok(&["list"]);
        assert!(
            !status.contains("grace"),
            "{point}: no half-made relationship shows: {status}"
        );
        // Trying again works.
        env.ok(&["new", "--person", "Grace", "--role", "sponsor"]);
        assert!(env.relationship("grace").get("person").is_some(), "{point}");
    }
}

#[test]
fn concurrent_writers_lose_nothing() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let spawn_many = |argv: &dyn Fn(usize, usize) -> Vec<String>, procs: usize, each: usize| {
        let children: Vec<_> = (0..procs)
            .map(|p| {
                let script: Vec<String> = (0..each)
                    .map(|i| {
                        let args = argv(p, i)
                            .iter()
                            .map(|a| format!("'{a}'"))
                            .collect::<Vec<_>>()
                            .join(" ");
                        format!(
                            "{} {args} 2>>errors || echo failed >> failures",
                            env!("CARGO_BIN_EXE_rel")
                        )
                    })
                    .collect();
                let mut cmd = Command::new("sh");
                cmd.arg("-c")
                    .arg(script.join("\n"))
                    .current_dir(env.tmp())
                    .env("REL_DIR", &env.journal)
                    .env("REL_TODAY", "2026-11-26")
                    .env("REL_LOCK_TIMEOUT", "120")
                    .env("NO_COLOR", "1");
                cmd.spawn().unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        assert!(
            !env.tmp().join("failures").exists(),
            "{}",
            std::fs::read_to_string(env.tmp().join("errors")).unwrap_or_default()
        );
    };
    spawn_many(
        &|p, i| {
            vec![
                "action".into(),
                "add".into(),
                "ada-lovelace".into(),
                format!("p{p} i{i}"),
            ]
        },
        8,
        25,
    );
    let rel = env.relationship("ada-lovelace");
    let actions = rel["action"].as_array().unwrap();
    assert_eq!(actions.len(), 200);
    let ids: BTreeSet<&str> = actions.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 200, "ids are unique");
    let texts: BTreeSet<&str> = actions
        .iter()
        .map(|a| a["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 200, "every action is there");

    spawn_many(
        &|p, i| {
            vec![
                "checkin".into(),
                "ada-lovelace".into(),
                "-m".into(),
                format!("p{p} i{i}"),
            ]
        },
        8,
        10,
    );
    assert_eq!(env.checkins("ada-lovelace").len(), 80);
}

#[test]
fn a_writer_that_cannot_get_the_lock_gives_up_cleanly() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(env.path(".lock"))
        .unwrap();
    lock.lock().unwrap();
    let before = env.files();
    let run = env.run_with(env.cmd().env("REL_LOCK_TIMEOUT", "0.3").args([
        "goal",
        "add",
        "ada-lovelace",
        "x",
    ]));
    drop(lock);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: another rel is writing to [TMP]/journal; try again\nhint: "),
        "{}",
        run.stderr
    );
    assert_eq!(before, env.files());
}

/// Runs rel with files limited to `kb` kilobytes, as a full disk would.
fn with_file_limit(env: &TestEnv, kb: u32, args: &[&str]) -> crate::env::Run {
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    let script = format!(
        "trap '' XFSZ; ulimit -f {kb}; exec {} {}",
        env!("CARGO_BIN_EXE_rel"),
        quoted.join(" ")
    );
    let mut cmd = assert_cmd::Command::new("bash");
    cmd.arg("-c").arg(script).env_clear();
    cmd.env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("REL_DIR", &env.journal)
        .env("REL_TODAY", "2026-11-26")
        .env("NO_COLOR", "1")
        .env("HOME", env.tmp().join("home"))
        .env("XDG_CONFIG_HOME", env.tmp().join("config"));
    env.run_with(&mut cmd)
}

#[test]
fn a_full_disk_changes_nothing_and_keeps_the_words() {
    let env = TestEnv::new();
    // A relationship.toml larger than the limit: Ada with forty goals.
    let mut ada = fixtures::dedent(
        r#"
        person = "Ada Lovelace"
        kind = "mentoring"
        role = "mentor"
        status = "active"
        started = 2026-09-01
        cadence = "biweekly"

        # The highest id handed out so far: rel never reuses an id, so never lower these.
        [last_id]
        goal = 40
        "#,
    );
    for n in 0..40 {
        ada += &format!(
            "\n[[goal]]\nid = \"g{}\"\ntext = \"A goal long enough to fill the file, number {n}\"\nadded = 2026-11-26\n",
            n + 1
        );
    }
    Journal::new(&env).relationship("ada-lovelace", &ada);
    let before = env.files();
    let run = with_file_limit(&env, 1, &["goal", "add", "ada-lovelace", "One more"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("relationship.toml: file too large"),
        "{}",
        run.stderr
    );
    assert_eq!(
        before,
        env.files(),
        "the old file byte-identical, no temp file left"
    );

    // Notes too long to write anywhere under the limit are shown back, not lost.
    let notes = "Everything we said. ".repeat(100);
    let run = with_file_limit(&env, 1, &["checkin", "ada-lovelace", "-m", &notes]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains(notes.trim()),
        "the words are on the screen: {}",
        run.stderr
    );
    assert!(env.checkins("ada-lovelace").is_empty());
    let leftovers: Vec<_> = env
        .files()
        .into_keys()
        .filter(|k| k.contains(".rel-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn notes_that_cannot_be_filed_are_kept_as_a_draft() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    // Something in the way of the check-ins folder.
    env.write("relationships/ada-lovelace/checkins", "not a folder");
    let run = env.run(&[
        "checkin",
        "ada-lovelace",
        "-m",
        "Words worth keeping",
        "--rating",
        "4",
    ]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains(
            "your words are saved in [TMP]/journal/drafts/checkin-ada-lovelace-2026-11-26.toml"
        ),
        "{}",
        run.stderr
    );
    let draft = env.read("drafts/checkin-ada-lovelace-2026-11-26.toml");
    assert!(
        draft.contains("notes = \"Words worth keeping\"") && draft.contains("rating = 4"),
        "{draft}"
    );
}
