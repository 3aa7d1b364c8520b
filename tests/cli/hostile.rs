//! Hostile input: names and paths that try to leave the journal, text that
//! tries to steer the terminal, a journal that is not what it seems.

use std::collections::BTreeSet;
use std::path::Path;

use crate::env::TestEnv;
use crate::fixtures;

fn listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn handles_never_become_paths_outside_the_journal() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let outside = listing(env.tmp());
    let long = "x".repeat(10_000);
    let hostile = [
        "../x",
        "../../etc/passwd",
        "/etc/passwd",
        "a/b",
        ".hidden",
        ".",
        "..",
        "",
        "-rf",
        "ada lovelace",
        "ADA",
        "con",
        &long,
        "🙂",
        "\u{202e}evil",
        "a\u{1b}[31mred",
        "ada\0",
        "\u{7}bell",
    ];
    for handle in hostile {
        for args in [
            vec!["new", handle, "--person", "X", "--role", "mentor"],
            vec!["checkin", handle, "-m", "x"],
            vec!["goal", "add", handle, "x"],
            vec!["status", handle],
            vec!["prep", handle],
            vec!["set", handle, "--purpose", "x"],
        ] {
            if handle.contains('\0') {
                continue; // an argument cannot carry a NUL
            }
            let run = env.run(&args);
            if handle == "con" {
                assert_eq!(
                    run.code,
                    0,
                    "'con' is a fine handle on this system: {}",
                    run.transcript()
                );
                continue;
            }
            assert_eq!(run.code, 1, "{args:?}:\n{}", run.transcript());
            assert!(
                run.stderr.starts_with("error: "),
                "{args:?}: {}",
                run.stderr
            );
            assert!(
                !run.stderr.contains('\u{1b}')
                    && !run.stderr.contains('\u{7}')
                    && !run.stderr.contains('\u{202e}'),
                "{args:?}: raw control characters reached the terminal: {:?}",
                run.stderr
            );
            assert!(
                run.stderr.len() < 2_000,
                "{args:?}: the error echoes 10,000 characters"
            );
        }
    }
    assert_eq!(
        outside,
        listing(env.tmp()),
        "nothing was written outside the journal"
    );
    let handles = listing(&env.path("relationships"));
    assert_eq!(
        handles,
        ["ada-lovelace", "con"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
}

#[test]
fn names_and_text_are_kept_but_shown_safely() {
    let env = TestEnv::new();
    let nasty = "Eve \u{1b}[2J\u{1b}[31mRed\u{7} \u{202e}tfel";
    env.ok(&[
        "new",
        "eve",
        "--person",
        nasty,
        "--role",
        "mentor",
        "--purpose",
        "Line one\nline two \u{1b}]0;title\u{7}",
    ]);
    env.ok(&[
        "checkin",
        "eve",
        "-m",
        "notes \u{1b}[1mbold\u{1b}[0m",
        "--working",
        "\u{1b}[5mblink",
    ]);
    assert_eq!(
        env.relationship("eve")["person"].as_str(),
        Some(nasty),
        "the words are kept exactly"
    );
    for args in [
        &["status"][..],
        &["show", "eve"],
        &["prep", "eve"],
        &["list"],
        &["actions"],
        &["status", "--json"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 0, "{args:?}");
        let out = format!("{}{}", run.stdout, run.stderr);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
        // JSON is data: it carries the text exactly (with JSON's escapes).
        assert!(
            args.contains(&"--json") || !out.contains('\u{202e}'),
            "{args:?}: {out:?}"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["status", "--json"])).unwrap();
    assert_eq!(
        json["relationships"][0]["person"], nasty,
        "JSON carries the exact text, escaped by JSON"
    );
}

#[test]
fn symlinks_inside_the_journal_are_refused() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let outside = env.tmp().join("outside");
    std::fs::create_dir_all(outside.join("checkins")).unwrap();
    std::fs::write(
        outside.join("relationship.toml"),
        "person = \"Mallory\"\nkind = \"mentoring\"\nrole = \"mentor\"\nstarted = 2026-01-01\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&outside, env.path("relationships/mallory")).unwrap();
    let secret = env.tmp().join("secret.toml");
    std::fs::write(&secret, "date = 2026-11-01\nnotes = \"secret\"\n").unwrap();
    std::fs::create_dir_all(env.path("relationships/ada-lovelace/checkins")).unwrap();
    std::os::unix::fs::symlink(
        &secret,
        env.path("relationships/ada-lovelace/checkins/2026-11-01-1.toml"),
    )
    .unwrap();
    let before_outside = listing(&outside);

    let run = env.run(&["status"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("relationships/mallory: is a symbolic link; rel does not follow links inside the journal"), "{}", run.stderr);
    assert!(
        run.stderr.contains("2026-11-01-1.toml: is a symbolic link"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("ada-lovelace") && !run.stdout.contains("Mallory"),
        "{}",
        run.stdout
    );
    let run = env.refuses(1, &["checkin", "mallory", "-m", "x"]);
    assert!(
        run.stderr.contains("no relationship named 'mallory'"),
        "{}",
        run.stderr
    );
    assert_eq!(before_outside, listing(&outside));
}

#[test]
fn a_journal_that_is_a_file_is_refused() {
    let env = TestEnv::new();
    std::fs::write(&env.journal, "I am a file").unwrap();
    for args in [
        &["status"][..],
        &["new", "--person", "Ada", "--role", "mentor"],
        &["list"],
    ] {
        let run = env.run(args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.transcript());
        assert!(
            run.stderr
                .contains("the journal [TMP]/journal is not a folder"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert_eq!(
        std::fs::read_to_string(&env.journal).unwrap(),
        "I am a file"
    );
}

#[test]
fn a_read_only_journal_is_refused_cleanly() {
    if unsafe_euid_is_root() {
        eprintln!("skipped: root writes through read-only permissions");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    fixtures::ada(&env);
    let dir = env.path("relationships/ada-lovelace");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    std::fs::set_permissions(&env.journal, std::fs::Permissions::from_mode(0o500)).unwrap();
    let run = env.run(&["goal", "add", "ada-lovelace", "x"]);
    std::fs::set_permissions(&env.journal, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("permission denied"), "{}", run.stderr);
}

fn unsafe_euid_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[test]
fn files_are_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    let rel = env!("CARGO_BIN_EXE_rel");
    let script = format!(
        "umask 000; {rel} new --person Ada --role mentor --cadence weekly && {rel} checkin ada -m hi --action x && {rel} goal add ada g"
    );
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.arg("-c")
        .arg(script)
        .env_clear()
        .env("REL_DIR", &env.journal)
        .env("REL_TODAY", "2026-11-26")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    let run = env.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{}", run.transcript());
    fn walk(path: &Path, found: &mut Vec<(String, u32)>) {
        let meta = std::fs::symlink_metadata(path).unwrap();
        found.push((
            path.display().to_string(),
            meta.permissions().mode() & 0o777,
        ));
        if meta.is_dir() {
            for entry in std::fs::read_dir(path).unwrap() {
                walk(&entry.unwrap().path(), found);
            }
        }
    }
    let mut found = Vec::new();
    walk(&env.journal, &mut found);
    for (path, mode) in found {
        let dir = std::fs::metadata(&path).unwrap().is_dir();
        assert_eq!(mode, if dir { 0o700 } else { 0o600 }, "{path}: {mode:o}");
    }
}
