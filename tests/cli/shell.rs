//! At home in the shell: completions, the manual, help that teaches.

use clap::CommandFactory;

use crate::env::TestEnv;
use crate::fixtures;

/// Runs a bash that loads rel's completions and asks for the candidates of
/// a command line, as pressing TAB would.
fn complete(env: &TestEnv, words: &[&str]) -> Vec<String> {
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_rel"))
        .parent()
        .unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let current = words.last().copied().unwrap_or("");
    let previous = if words.len() > 1 {
        words[words.len() - 2]
    } else {
        ""
    };
    let script = format!(
        "source <(rel completions bash) || exit 9\nCOMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_LINE='{}'\nCOMP_POINT=${{#COMP_LINE}}\n_clap_complete_rel rel '{current}' '{previous}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        quoted.join(" "),
        words.len() - 1,
        words.join(" "),
    );
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = assert_cmd::Command::new("bash");
    cmd.arg("-c")
        .arg(script)
        .env_clear()
        .env("PATH", path)
        .env("REL_DIR", &env.journal)
        .env("HOME", env.tmp().join("home"));
    let run = env.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{}", run.transcript());
    run.stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap_or(l).to_string())
        .collect()
}

#[test]
fn bash_completes_commands_flags_and_handles() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    env.ok(&["new", "--person", "Grace Hopper", "--role", "sponsor"]);
    assert_eq!(complete(&env, &["rel", "st"]), ["status", "strength"]);
    assert_eq!(
        complete(&env, &["rel", "checkin", ""])[..2],
        ["ada-lovelace", "grace-hopper"]
    );
    assert_eq!(complete(&env, &["rel", "prep", "gr"]), ["grace-hopper"]);
    assert!(
        complete(&env, &["rel", "checkin", "ada-lovelace", "--ra"])
            .contains(&"--rating".to_string())
    );
    assert_eq!(
        complete(&env, &["rel", "new", "--kind", "rev"]),
        ["reverse-mentoring"]
    );
}

#[test]
fn every_shell_gets_its_script() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = env.ok(&["completions", shell]);
        assert!(out.contains("COMPLETE"), "{shell}: {out}");
    }
    env.fails(1, &["completions", "tcsh"]);
}

#[test]
fn the_manual_covers_every_command() {
    let env = TestEnv::new();
    let page = env.ok(&["man"]);
    assert!(
        page.starts_with(".ie") && page.contains(".TH rel 1"),
        "{}",
        &page[..200.min(page.len())]
    );
    let out = env.tmp().join("man");
    env.ok(&["man", "--out", out.to_str().unwrap()]);
    for sub in rel::cli::Cli::command().get_subcommands() {
        let name = sub.get_name();
        // clap's own, and what only git runs (rel merge-driver).
        if name == "help" || sub.is_hide_set() {
            continue;
        }
        assert!(
            page.contains(&format!("rel\\-{}", name.replace('-', "\\-"))),
            "rel(1) lists {name}"
        );
        assert!(
            out.join(format!("rel-{name}.1")).exists(),
            "a page for rel {name}"
        );
    }
}

/// Every command's help: a one-line summary, an explanation of each
/// argument, and an example (on the command or its group).
#[test]
fn help_teaches() {
    fn walk(cmd: &clap::Command, path: &str, group_has_examples: bool) {
        if cmd.get_name() == "help" || cmd.is_hide_set() {
            // clap's own, which lists the commands again without help;
            // and what only git runs (rel merge-driver).
            return;
        }
        let long = cmd
            .get_long_about()
            .or(cmd.get_about())
            .map(|s| s.to_string())
            .unwrap_or_default();
        let examples = long.contains("Examples:") || group_has_examples;
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), examples);
        }
        if cmd.has_subcommands() {
            return;
        }
        assert!(cmd.get_about().is_some(), "{path}: no summary");
        assert!(examples, "{path}: no example in its help");
        for arg in cmd.get_arguments() {
            if ["help", "version"].contains(&arg.get_id().as_str()) {
                continue;
            }
            assert!(
                arg.get_help().is_some() || arg.get_long_help().is_some(),
                "{path}: --{} is not explained",
                arg.get_id()
            );
        }
    }
    let cli = rel::cli::command();
    for sub in cli.get_subcommands() {
        walk(sub, &format!("rel {}", sub.get_name()), false);
    }
}

/// Every command's one-line summary, in `rel --help` and in each group's
/// help, reads alike: a phrase on one line, without a full stop (as clap's
/// own `help` line reads).
#[test]
fn summaries_read_alike() {
    fn walk(cmd: &clap::Command, path: &str) {
        for sub in cmd.get_subcommands() {
            let path = format!("{path} {}", sub.get_name());
            let about = sub.get_about().map(|s| s.to_string()).unwrap_or_default();
            assert!(
                !about.ends_with('.') && !about.contains('\n'),
                "{path}: {about:?}"
            );
            walk(sub, &path);
        }
    }
    walk(&rel::cli::command(), "rel");
}

#[test]
fn typos_suggest_the_command_meant() {
    let env = TestEnv::new();
    let run = env.fails(1, &["stauts"]);
    assert!(
        run.stderr.contains("tip: ") && run.stderr.contains("'status'"),
        "{}",
        run.stderr
    );
    let run = env.fails(1, &["chekin", "ada"]);
    assert!(run.stderr.contains("'checkin'"), "{}", run.stderr);
}

#[test]
fn rel_alone_shows_the_status() {
    let env = TestEnv::new();
    let run = env.run(&[]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr.contains("No relationships yet. Start one:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.lines().count() <= 8,
        "a short getting-started: {}",
        run.stderr
    );
    fixtures::ada(&env);
    assert_eq!(env.ok(&[]), env.ok(&["status"]));
}

#[test]
fn colour_only_when_wanted() {
    let env = TestEnv::new();
    fixtures::ada(&env);
    let plain = env.run_with(env.cmd().env_remove("NO_COLOR").arg("status"));
    assert!(!plain.stdout.contains('\u{1b}'), "piped output stays plain");
    let forced = env.run_with(
        env.cmd()
            .env_remove("NO_COLOR")
            .args(["--color", "always", "status"]),
    );
    assert!(
        forced.stdout.contains("\u{1b}["),
        "--color always forces it"
    );
    let never = env.run_with(
        env.cmd()
            .env_remove("NO_COLOR")
            .args(["--color", "never", "status"]),
    );
    assert_eq!(never.stdout, plain.stdout);
    let refused = env.run_with(
        env.cmd()
            .env_remove("NO_COLOR")
            .args(["--color", "always", "checkin", "nobody"]),
    );
    assert!(
        refused.stderr.contains("\u{1b}["),
        "errors are coloured too when forced"
    );
}

/// A usage line names what a command needs, never the global options
/// the line happened to use, nor those set by REL_DIR and REL_TODAY (which
/// every test sets): they would read as required.
#[test]
fn usage_lines_never_show_global_options_as_required() {
    let env = TestEnv::new();
    let cases: [(&[&str], &str); 5] = [
        (&["prep"], "Usage: rel prep [OPTIONS] <HANDLE>\n"),
        (
            &["--dir", "elsewhere", "--as-of", "today", "prep"],
            "Usage: rel prep [OPTIONS] <HANDLE>\n",
        ),
        (
            &["goal", "--no-input", "done", "ada"],
            "Usage: rel goal done [OPTIONS] <HANDLE> <ID>...\n",
        ),
        (
            &["actions", "--mine", "--theirs"],
            "Usage: rel actions [OPTIONS] [HANDLE]\n",
        ),
        (
            &["show", "ada", "extra"],
            "Usage: rel status [OPTIONS] [HANDLE]\n",
        ),
    ];
    for (args, usage) in cases {
        let run = env.fails(1, args);
        assert!(run.stderr.contains(usage), "{args:?}: {}", run.stderr);
        assert!(
            !run.stderr.contains("<DIR>") && !run.stderr.contains("<DATE>"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

/// A journal with open and closed items of every kind the item commands
/// take, for their completion.
fn journal_with_items(env: &TestEnv) {
    fixtures::Journal::new(env).relationship(
        "grace-hopper",
        r#"
        person = "Grace Hopper"
        kind = "sponsoring"
        role = "sponsor"
        status = "active"
        started = 2026-09-01

        [last_id]
        goal = 1
        waypoint = 2
        action = 3
        growth = 1

        [[goal]]
        id = "g1"
        text = "Staff engineer by H1"
        added = 2026-09-01

        [[waypoint]]
        id = "w1"
        text = "Lead the Q1 planning review"
        added = 2026-09-01
        due = 2027-03-31

        [[waypoint]]
        id = "w2"
        text = "Already there"
        added = 2026-09-01
        due = 2026-10-01
        reached = 2026-10-01

        [[action]]
        id = "a1"
        text = "Done long ago"
        owner = "me"
        added = 2026-09-01
        done = 2026-09-10

        [[action]]
        id = "a2"
        text = "Introduce her to the platform lead"
        owner = "me"
        added = 2026-09-01

        [[action]]
        id = "a3"
        text = "Draft the promo packet"
        owner = "them"
        added = 2026-09-01

        [[growth]]
        id = "c1"
        text = "Writing for executives"
        added = 2026-09-01
        "#,
    );
}

/// What bash, zsh and fish offer after `words` (the last being the word
/// under the cursor), each through the code `rel completions SHELL`
/// prints; `None` when that shell is not installed. zsh runs its
/// completion function with `_describe` standing in for the completion
/// system, which needs a terminal.
fn complete_in(shell: &str, env: &TestEnv, words: &[&str]) -> Option<Vec<String>> {
    if shell == "bash" {
        return Some(complete(env, words));
    }
    let found = std::process::Command::new(shell)
        .arg("-c")
        .arg("exit 0")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("{shell} is not installed: its completion is not tried");
        return None;
    }
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_rel"))
        .parent()
        .unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = match shell {
        "zsh" => format!(
            "compdef() {{ :; }}\n_describe() {{ print -l -- \"${{(@P)3}}\"; }}\nsource <(rel completions zsh) || exit 9\nwords=({})\nCURRENT={}\n_clap_dynamic_completer_rel",
            quoted.join(" "),
            words.len()
        ),
        "fish" => format!(
            "rel completions fish | source; or exit 9\ncomplete -C '{}'",
            words.join(" ")
        ),
        _ => unreachable!("{shell}"),
    };
    let mut cmd = assert_cmd::Command::new(shell);
    cmd.arg("-c")
        .arg(script)
        .env_clear()
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin_dir.display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("REL_DIR", &env.journal)
        .env("HOME", env.tmp().join("home"))
        .env("XDG_CONFIG_HOME", env.tmp().join("config"))
        .env("XDG_DATA_HOME", env.tmp().join("data"));
    let run = env.run_with(&mut cmd);
    assert_eq!(run.code, 0, "{shell}: {}", run.transcript());
    Some(run.stdout.lines().map(str::to_string).collect())
}

/// The values offered, without the flags, and for zsh and fish with the
/// text each shell shows beside them.
fn values(offered: &[String]) -> Vec<String> {
    offered
        .iter()
        .filter(|l| !l.starts_with('-'))
        .map(|l| l.replacen(':', "\t", 1))
        .collect()
}

#[test]
fn item_ids_complete_with_their_text_in_bash_zsh_and_fish() {
    let env = TestEnv::new();
    journal_with_items(&env);
    let cases: [(&[&str], &[&str]); 9] = [
        (
            &["rel", "action", "done", "grace-hopper", ""],
            &[
                "a2\tIntroduce her to the platform lead",
                "a3\tDraft the promo packet",
            ],
        ),
        // A handle given in part, and flags before it.
        (
            &["rel", "goal", "drop", "--date", "today", "hop", ""],
            &["g1\tStaff engineer by H1"],
        ),
        (
            &["rel", "waypoint", "reach", "grace-hopper", ""],
            &["w1\tLead the Q1 planning review"],
        ),
        (
            &["rel", "growth", "promote", "grace-hopper", ""],
            &["c1\tWriting for executives"],
        ),
        (
            &["rel", "checkin", "grace-hopper", "--done", ""],
            &[
                "a2\tIntroduce her to the platform lead",
                "a3\tDraft the promo packet",
            ],
        ),
        (
            &["rel", "advocate", "grace", "Spoke up", "--waypoint", ""],
            &["w1\tLead the Q1 planning review"],
        ),
        // Re-planning: move offers what is open, reopen what is closed.
        (
            &["rel", "waypoint", "move", "grace-hopper", ""],
            &["w1\tLead the Q1 planning review"],
        ),
        (
            &["rel", "action", "reopen", "grace-hopper", ""],
            &["a1\tDone long ago"],
        ),
        (&["rel", "action", "done", "nobody", ""], &[]),
    ];
    for shell in ["bash", "zsh", "fish"] {
        for (words, want) in cases {
            let Some(offered) = complete_in(shell, &env, words) else {
                continue;
            };
            let got = values(&offered);
            if shell == "bash" {
                // bash shows the values alone.
                let ids: Vec<&str> = want.iter().map(|w| &w[..2]).collect();
                assert_eq!(got, ids, "{shell}: {words:?}");
            } else {
                assert_eq!(got, want, "{shell}: {words:?}");
            }
        }
    }
}

/// The same, without any shell: what rel answers each shell's request
/// with (clap_complete's protocol), so a machine without zsh or fish
/// still checks them.
#[test]
fn item_ids_answer_each_shells_request() {
    let env = TestEnv::new();
    journal_with_items(&env);
    let line = ["--", "rel", "action", "done", "grace-hopper", ""];
    for (shell, separator) in [("zsh", ':'), ("fish", '\t'), ("bash", '\n')] {
        let mut cmd = env.cmd();
        cmd.env("COMPLETE", shell).args(line);
        if shell != "fish" {
            // bash and zsh say which word is under the cursor, and pass
            // the words after it too.
            cmd.env("_CLAP_IFS", "\n")
                .env("_CLAP_COMPLETE_INDEX", "4")
                .arg("--date");
        }
        let run = env.run_with(&mut cmd);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let want = if separator == '\n' {
            "a2\na3\n".to_string()
        } else {
            format!(
                "a2{separator}Introduce her to the platform lead\na3{separator}Draft the promo packet\n"
            )
        };
        assert!(run.stdout.starts_with(&want), "{shell}: {}", run.stdout);
    }
}

/// The example command lines of a help text, as written: comments left
/// out, spaces squeezed. Lines ending in ` \` are joined with the next.
fn example_commands(help: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut in_examples = false;
    let mut pending = String::new();
    for line in help.lines() {
        if line.starts_with("Examples:") {
            in_examples = true;
            continue;
        }
        if !line.starts_with(' ') {
            in_examples = false;
        }
        if !in_examples || line.trim_start().starts_with('#') {
            continue;
        }
        let (line, more) = match line.strip_suffix(" \\") {
            Some(line) => (line, true),
            None => (line, false),
        };
        pending.push(' ');
        pending.push_str(line.split("  #").next().unwrap_or(line));
        if !more {
            commands.push(pending.split_whitespace().collect::<Vec<_>>().join(" "));
            pending.clear();
        }
    }
    commands
}

/// Help read in a narrow terminal: prose reflowed, and each example
/// broken only between arguments (a flag kept with its value, a quoted
/// phrase whole), with ` \` so it still pastes into a shell.
#[test]
fn help_examples_never_break_inside_a_flag_or_its_value() {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
        if cmd.get_name() == "help" {
            return;
        }
        let long = cmd
            .get_long_about()
            .map(|s| s.to_string())
            .unwrap_or_default();
        if long.contains("Examples:") {
            out.push((path.clone(), long));
        }
        for sub in cmd.get_subcommands() {
            let mut path = path.clone();
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
        }
    }
    let mut helps = Vec::new();
    walk(&rel::cli::command(), Vec::new(), &mut helps);
    assert!(helps.len() > 20, "{}", helps.len());
    let env = TestEnv::new();
    for (path, written) in &helps {
        let want = example_commands(written);
        for columns in [50, 60, 80, 120] {
            let run = env.run_with(
                env.cmd()
                    .env("COLUMNS", columns.to_string())
                    .args(path)
                    .arg("--help"),
            );
            assert_eq!(run.code, 0, "{path:?}: {}", run.transcript());
            assert_eq!(
                example_commands(&run.stdout),
                want,
                "rel {} --help at {columns} columns:\n{}",
                path.join(" "),
                run.stdout
            );
            let examples = run.stdout.split("Examples:").nth(1).unwrap_or("");
            for line in examples.lines().take_while(|l| !l.starts_with("Usage:")) {
                assert!(
                    line.chars().count() <= columns.min(100),
                    "rel {} --help at {columns}: {line:?}",
                    path.join(" ")
                );
            }
        }
    }
}

/// rel(1) has what a manual page is read for beyond the options: the
/// exit status, the environment, the files, and the README's tour as its
/// examples.
#[test]
fn the_manual_says_how_rel_exits_what_it_reads_and_shows_the_tour() {
    let env = TestEnv::new();
    let page = env.ok(&["man"]);
    let sections: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .collect();
    let at = |name: &str| {
        sections
            .iter()
            .position(|s| s.trim_matches('"') == name)
            .unwrap_or_else(|| panic!("no {name} in {sections:?}"))
    };
    assert!(at("OPTIONS") < at("EXIT STATUS"));
    assert!(at("EXIT STATUS") < at("ENVIRONMENT"));
    assert!(at("ENVIRONMENT") < at("FILES"));
    assert!(at("FILES") < at("EXAMPLES"));
    assert!(at("EXAMPLES") < at("VERSION"));
    for name in [
        "REL_DIR",
        "REL_TODAY",
        "VISUAL, EDITOR",
        "REL_PAGER, PAGER",
        "NO_COLOR",
        "config.toml",
        "relationship.toml",
        "JOURNAL/.cache/",
    ] {
        assert!(page.contains(name), "{name}");
    }
    // Every command of the tour, as roff writes it.
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let tour = &readme[readme.find("## A tour").unwrap()..];
    let tour = &tour[..tour[3..].find("\n## ").unwrap()];
    let mut commands = 0;
    for line in tour.lines().filter(|l| l.starts_with("rel ")) {
        let roff = line.replace('\\', "\\\\").replace('-', "\\-");
        assert!(page.contains(&roff), "EXAMPLES lacks {line}");
        commands += 1;
    }
    assert!(commands > 20, "{commands}");
}

/// Every page renders without a warning from groff (`-ww`, all of them)
/// and mandoc's linter, where they are installed.
#[test]
fn the_manual_renders_without_warnings() {
    let env = TestEnv::new();
    let dir = env.tmp().join("man");
    env.ok(&["man", "--out", dir.to_str().unwrap()]);
    let mut pages: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let whole = env.tmp().join("rel-stdout.1");
    std::fs::write(&whole, env.ok(&["man"])).unwrap();
    pages.push(whole);
    assert_eq!(
        std::fs::read_to_string(dir.join("rel.1")).unwrap(),
        std::fs::read_to_string(&pages[pages.len() - 1]).unwrap(),
        "rel man and rel man --out write the same rel(1)"
    );
    let mut tried = false;
    for (tool, args) in [
        ("groff", &["-ww", "-man", "-Tutf8", "-z"][..]),
        ("mandoc", &["-T", "lint", "-W", "warning"]),
    ] {
        let Ok(probe) = std::process::Command::new(tool).arg("-v").output() else {
            eprintln!("{tool} is not installed: not tried");
            continue;
        };
        let _ = probe;
        tried = true;
        for page in &pages {
            let out = std::process::Command::new(tool)
                .args(args)
                .arg(page)
                .output()
                .unwrap();
            let said = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                out.status.success() && said.trim().is_empty(),
                "{tool} on {}:\n{said}",
                page.display()
            );
        }
    }
    if !tried {
        eprintln!("neither groff nor mandoc is installed: the manual was not rendered");
    }
}
