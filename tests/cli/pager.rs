//! Long output through a pager on a terminal, as git's: tried in a
//! pseudo-terminal with a stand-in pager that notes what it was given.

use std::path::{Path, PathBuf};
use std::process::Command;

use rexpect::session::spawn_command;

use crate::env::{TODAY, TestEnv};

/// A sample journal, and a pager script that writes what it was given
/// (its arguments, `$LESS`, then the text) to `paged.txt` and says so.
fn setup() -> (TestEnv, PathBuf) {
    let env = TestEnv::new();
    crate::fixtures::sample(&env);
    let bin = env.tmp().join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = env.tmp().join("paged.txt");
    let script = format!(
        "#!/bin/sh\nprintf 'args: %s\\nLESS: %s\\n' \"$*\" \"$LESS\" > '{}'\ncat >> '{}'\necho \"the pager showed $(wc -l < '{}') lines\"\n",
        log.display(),
        log.display(),
        log.display()
    );
    for name in ["fake-pager", "less"] {
        let path = bin.join(name);
        std::fs::write(&path, &script).unwrap();
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
        std::fs::set_permissions(&path, perms).unwrap();
    }
    (env, log)
}

/// rel on a pseudo-terminal `lines` tall, with `envs` set: what it showed.
fn on_terminal(env: &TestEnv, lines: usize, envs: &[(&str, &str)], args: &[&str]) -> String {
    let bin = env.tmp().join("bin");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rel"));
    cmd.env_clear()
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("HOME", env.tmp().join("home"))
        .env("XDG_CONFIG_HOME", env.tmp().join("config"))
        .env("REL_DIR", &env.journal)
        .env("REL_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("LANG", "C.UTF-8")
        .env("COLUMNS", "100")
        .env("LINES", lines.to_string())
        .current_dir(env.tmp());
    for (name, value) in envs {
        cmd.env(name, value);
    }
    cmd.args(args);
    let mut p = spawn_command(cmd, Some(10_000)).unwrap();
    let out = p.exp_eof().unwrap();
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 0)),
        "{args:?}: {status:?}\n{out}"
    );
    out
}

fn pager(env: &TestEnv) -> String {
    env.tmp().join("bin/fake-pager").display().to_string()
}

fn paged(log: &Path) -> Option<String> {
    let text = std::fs::read_to_string(log).ok();
    let _ = std::fs::remove_file(log);
    text
}

#[test]
fn long_output_goes_through_the_pager_on_a_terminal() {
    let (env, log) = setup();
    let fake = pager(&env);
    for args in [
        &["log", "ada-lovelace"][..],
        &["show", "grace-hopper"],
        &["status", "ada-lovelace"],
        &["report", "--since", "2026-01-01"],
        &["search", "the"],
    ] {
        let shown = on_terminal(&env, 10, &[("PAGER", &fake)], args);
        assert!(shown.contains("the pager showed"), "{args:?}: {shown}");
        let text = paged(&log).unwrap_or_else(|| panic!("{args:?} was not paged"));
        let plain = env.ok(args);
        assert!(
            text.ends_with(&plain),
            "{args:?}: the pager got all of it, as piped output is"
        );
        // Nothing of it reached the terminal but through the pager.
        let longest = plain.lines().max_by_key(|l| l.len()).unwrap_or("-");
        assert!(!shown.contains(longest), "{args:?}: {shown}");
    }
}

#[test]
fn the_default_pager_is_less_as_git_runs_it() {
    let (env, log) = setup();
    // `less` on PATH is the stand-in.
    on_terminal(&env, 10, &[], &["log", "ada-lovelace"]);
    let text = paged(&log).unwrap();
    assert!(text.starts_with("args: -FRX\nLESS: FRX\n"), "{text}");
    // The person's own LESS is kept; REL_PAGER comes before PAGER.
    on_terminal(
        &env,
        10,
        &[("LESS", "-S"), ("PAGER", "cat"), ("REL_PAGER", "less -i")],
        &["log", "ada-lovelace"],
    );
    let text = paged(&log).unwrap();
    assert!(text.starts_with("args: -i\nLESS: -S\n"), "{text}");
}

#[test]
fn short_output_piped_output_and_other_commands_are_not_paged() {
    let (env, log) = setup();
    let fake = pager(&env);
    // It fits the screen.
    let shown = on_terminal(&env, 500, &[("PAGER", &fake)], &["show", "ken"]);
    assert!(shown.contains("Ken Adeyemi (ken)"), "{shown}");
    assert_eq!(paged(&log), None);
    // Piped.
    let run = env.run_with(
        env.cmd()
            .env("PAGER", &fake)
            .env("LINES", "10")
            .args(["log", "ada-lovelace"]),
    );
    assert!(
        run.stdout.contains("Augusta Ada Lovelace"),
        "{}",
        run.stdout
    );
    assert_eq!(paged(&log), None);
    // Commands whose output is a page by design.
    for args in [&["status"][..], &["prep", "ada-lovelace"], &["list"]] {
        on_terminal(&env, 10, &[("PAGER", &fake)], args);
        assert_eq!(paged(&log), None, "{args:?}");
    }
    // `cat`, or nothing, is no pager.
    for none in ["cat", "", "/bin/cat"] {
        let shown = on_terminal(&env, 10, &[("PAGER", none)], &["log", "ada-lovelace"]);
        assert!(shown.contains("Augusta Ada Lovelace"), "{shown}");
    }
    assert_eq!(paged(&log), None);
}

#[test]
fn no_pager_and_the_config_turn_it_off() {
    let (env, log) = setup();
    let fake = pager(&env);
    let shown = on_terminal(
        &env,
        10,
        &[("PAGER", &fake)],
        &["--no-pager", "log", "ada-lovelace"],
    );
    assert!(shown.contains("Augusta Ada Lovelace"), "{shown}");
    assert_eq!(paged(&log), None);

    let config = env.tmp().join("config/rel");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "pager = false\n").unwrap();
    let shown = on_terminal(&env, 10, &[("PAGER", &fake)], &["log", "ada-lovelace"]);
    assert!(shown.contains("Augusta Ada Lovelace"), "{shown}");
    assert_eq!(paged(&log), None);
    let config = env.ok(&["config"]);
    assert!(
        config
            .lines()
            .any(|l| l.starts_with("pager") && l.contains("off") && l.ends_with("the config file")),
        "{config}"
    );
}
