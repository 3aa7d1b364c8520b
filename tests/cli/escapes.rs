//! A hostile journal (`tests/hostile/`): every escape a terminal obeys —
//! CSI, OSC 52, 8-bit C1 controls, bidi overrides, BEL, DEL — in file
//! names, folder names, every string field, cadence values, config
//! values, arguments, the environment and import documents. Every command
//! runs over it, as text, `--json`, markdown and `--color always`, and no
//! byte of what it prints is a raw control or bidi character, but for the
//! colour codes rel itself writes (recognised exactly, and only when
//! colour is on).

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::env::TestEnv;

/// The colour codes rel writes with `--color always`: its own `Paint`,
/// comfy-table's cell colours (`ESC[m` under NO_COLOR), clap's help.
/// Nothing else may start with ESC.
const SGR: &[&str] = &[
    "\u{1b}[m",
    "\u{1b}[0m",
    "\u{1b}[1m",
    "\u{1b}[2m",
    "\u{1b}[4m",
    "\u{1b}[31m",
    "\u{1b}[32m",
    "\u{1b}[33m",
    "\u{1b}[36m",
    "\u{1b}[39m",
    "\u{1b}[38;5;8m",
    "\u{1b}[38;5;9m",
    "\u{1b}[38;5;10m",
    "\u{1b}[38;5;11m",
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// The escapes of `tests/hostile/escapes.toml`.
fn escapes() -> Vec<String> {
    let text = fs::read_to_string(corpus().join("escapes.toml")).unwrap();
    let table: toml::Table = text.parse().unwrap();
    table["escapes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// Every escape, starting with the `k`-th, with a letter between each.
fn payload(escapes: &[String], k: usize) -> String {
    let mut out = String::new();
    for i in 0..escapes.len() {
        out.push_str(&escapes[(k + i) % escapes.len()]);
        out.push('x');
    }
    out
}

/// A string as it stands between the quotes of a TOML basic string or a
/// JSON string: the same escapes serve both.
fn quoted(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || (c as u32) > 0x7e => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// A template of the corpus with `payload` in place of each `@P@`.
fn fill(template: &str, payload: &str) -> String {
    fs::read_to_string(corpus().join(template))
        .unwrap()
        .replace("@P@", &quoted(payload))
}

/// The character of `out` that would steer a terminal, with what is
/// around it, if there is one.
fn leak(out: &str, colour: bool) -> Option<String> {
    let mut at = 0;
    while let Some(c) = out[at..].chars().next() {
        if colour
            && c == '\u{1b}'
            && let Some(code) = SGR.iter().find(|code| out[at..].starts_with(**code))
        {
            at += code.len();
            continue;
        }
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if (c.is_control() && c != '\n' && c != '\t') || bidi {
            let before: String = out[..at].chars().rev().take(40).collect();
            let after: String = out[at..].chars().take(40).collect();
            let before: String = before.chars().rev().collect();
            return Some(format!("{c:?} in {:?}", before + &after));
        }
        at += c.len_utf8();
    }
    None
}

/// Runs rel and insists nothing it printed would steer a terminal.
/// Returns the exit code and what it printed.
struct Hostile<'e> {
    env: &'e TestEnv,
    runs: usize,
}

impl Hostile<'_> {
    fn check(&mut self, cmd: &mut std::process::Command, what: &str, colour: bool) -> Printed {
        let out = cmd.output().unwrap();
        self.runs += 1;
        let code = out.status.code().unwrap_or(-1);
        assert_ne!(code, 101, "{what}: rel panicked");
        let mut printed = Printed {
            code,
            text: String::new(),
        };
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = std::str::from_utf8(bytes)
                .unwrap_or_else(|e| panic!("{what}: {stream} is not UTF-8: {e}"));
            if let Some(leak) = leak(text, colour) {
                panic!("{what}: {stream} prints a raw {leak}");
            }
            assert!(
                !text.contains("panicked") && !text.contains("hit a bug"),
                "{what}: {text}"
            );
            printed.text.push_str(text);
        }
        printed
    }

    /// rel with these arguments, as text and with colour always on. JSON
    /// (`--json`, `--format json`, `export`) must still parse: the edge for
    /// JSON escapes in JSON's own way.
    fn run(&mut self, args: &[&str]) -> Printed {
        let what = format!("rel {args:?}");
        let printed = self.check(self.env.std_cmd().args(args), &what, false);
        if args.contains(&"--json") || args.contains(&"json") || args[0] == "export" {
            let out = self.env.std_cmd().args(args).output().unwrap();
            if out.stdout.is_empty() {
                return printed;
            }
            let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&out.stdout);
            assert!(parsed.is_ok(), "{what}: not JSON: {parsed:?}");
        }
        let mut coloured = self.env.std_cmd();
        coloured.args(args).arg("--color").arg("always");
        self.check(&mut coloured, &format!("{what} --color always"), true);
        printed
    }

    /// rel with this environment variable set.
    fn run_env(&mut self, key: &str, value: &OsStr, args: &[&str]) -> Printed {
        let what = format!("{key}=… rel {args:?}");
        self.check(self.env.std_cmd().env(key, value).args(args), &what, false)
    }
}

struct Printed {
    code: i32,
    text: String,
}

/// Writes a file with rel's modes.
fn write(path: &Path, text: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o600)).unwrap();
}

/// The hostile journal: a sponsoring relationship per escape (`h0`, `h1`,
/// …, each with every escape, the `k`-th first), a reverse-mentoring one
/// (`r0`), relationships whose cadence and review period are hostile, and
/// check-in files and folders named with each escape. Returns the
/// handles.
fn hostile_journal(env: &TestEnv, escapes: &[String]) -> Vec<String> {
    let root = &env.journal;
    write(&root.join("journal.toml"), "format = 1\n");
    let mut handles = Vec::new();
    for k in 0..escapes.len() {
        let p = &payload(escapes, k);
        let dir = root.join(format!("relationships/h{k}"));
        write(&dir.join("relationship.toml"), fill("sponsoring.toml", p));
        for date in ["2026-11-01", "2026-11-20"] {
            write(
                &dir.join(format!("checkins/{date}-1.toml")),
                fill("checkin.toml", p).replace("@DATE@", date),
            );
        }
        handles.push(format!("h{k}"));
    }
    let p = &payload(escapes, 0);
    let dir = root.join("relationships/r0");
    write(&dir.join("relationship.toml"), fill("reverse.toml", p));
    write(
        &dir.join("checkins/2026-11-19-1.toml"),
        fill("checkin.toml", p).replace("@DATE@", "2026-11-19"),
    );
    handles.push("r0".to_string());
    let dir = root.join("relationships/r1");
    write(&dir.join("relationship.toml"), fill("reverse.toml", p));
    handles.push("r1".to_string());
    // A cadence and a review period that are not cadences at all.
    for (handle, key) in [("bad-cadence", "cadence"), ("bad-review", "review_every")] {
        let text = fill("reverse.toml", p).replace(
            "cadence = \"weekly\"\n",
            &format!("{key} = \"{}\"\n", quoted(p)),
        );
        write(
            &root.join(format!("relationships/{handle}/relationship.toml")),
            text,
        );
    }
    // Names: a check-in file and a relationship folder per escape (but
    // NUL, which no name can hold), and names that are not UTF-8.
    let checkins = root.join("relationships/h0/checkins");
    let relationships = root.join("relationships");
    for (k, escape) in escapes.iter().enumerate() {
        if escape.contains('\0') || escape.contains('/') {
            continue;
        }
        let file = checkins.join(format!("n{escape}{k}.toml"));
        write(
            &file,
            fill("checkin.toml", p).replace("@DATE@", "2026-11-02"),
        );
        let folder = relationships.join(format!("x{escape}{k}"));
        write(&folder.join("relationship.toml"), fill("reverse.toml", p));
        if k % 2 == 0 {
            // Open to others: `rel check` gives the chmod to run.
            fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
            fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    write(
        &checkins.join(OsStr::from_bytes(b"\xff\x9b2J\xc2\x9b2J.toml")),
        "date = 2026-11-03\n",
    );
    fs::create_dir_all(relationships.join(OsStr::from_bytes(b"y\xff\x1b]52;c;eA==\x07"))).unwrap();
    handles
}

#[test]
fn no_command_lets_a_hostile_journal_steer_the_terminal() {
    let env = TestEnv::new();
    let escapes = escapes();
    let handles = hostile_journal(&env, &escapes);
    let mut rel = Hostile { env: &env, runs: 0 };
    let full = payload(&escapes, 0);
    // An argument cannot hold a NUL.
    let payload0 = full.replace('\0', "");
    let p = payload0.as_str();

    // The journal is read as it is: every relationship (but the two whose
    // cadence is no cadence) and every check-in, the strings intact.
    let status = rel.run(&["status", "--all"]);
    assert_eq!(status.code, 2, "{}", status.text);
    for handle in &handles {
        assert!(
            status.text.contains(handle.as_str()),
            "{handle}: {}",
            status.text
        );
    }
    assert!(
        status.text.contains("\\u{1b}[2J") && status.text.contains("is not a cadence"),
        "{}",
        status.text
    );

    // Every read, in every form.
    let mut reads: Vec<Vec<&str>> = vec![
        vec!["status"],
        vec!["status", "--all", "--json"],
        vec!["list", "--all"],
        vec!["list", "--all", "--json"],
        vec!["actions"],
        vec!["actions", "--json"],
        vec!["search", "x"],
        vec!["search", "x", "--json"],
        vec!["search", p],
        vec!["report", "--since", "2026-01-01"],
        vec!["report", "--since", "2026-01-01", "--format", "markdown"],
        vec!["report", "--since", "2026-01-01", "--format", "json"],
        vec!["check"],
        vec!["export"],
        vec!["config"],
        vec!["completions", "fish"],
        vec!["man"],
        vec!["--help"],
    ];
    for handle in ["h0", "h4", "h7", "h10", "r0"] {
        reads.extend([
            vec!["status", handle],
            vec!["status", handle, "--history"],
            vec!["status", handle, "--json"],
            vec!["prep", handle],
            vec!["log", handle],
            vec!["log", handle, "--json"],
            vec!["actions", handle],
            vec!["report", handle, "--since", "2026-01-01"],
            vec!["report", handle, "--format", "markdown"],
            vec!["export", handle],
        ]);
    }
    for args in &reads {
        rel.run(args);
    }
    let json = rel.run(&["status", "h0", "--json"]).text;
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["relationship"]["person"].as_str(),
        Some(format!("{full} Person").as_str()),
        "JSON carries the exact text, in JSON's escapes"
    );

    // Completion candidates, which describe each handle.
    rel.check(
        env.std_cmd()
            .env("COMPLETE", "fish")
            .args(["--", "rel", "status", ""]),
        "completion",
        false,
    );

    // Every write, with the hostile text as its arguments.
    let writes: Vec<Vec<&str>> = vec![
        vec![
            "new",
            "w1",
            "--person",
            p,
            "--kind",
            "sponsoring",
            "--role",
            "sponsor",
            "--purpose",
            p,
            "--their-aims",
            p,
            "--cadence",
            "weekly",
            "--goal",
            p,
            "--agreed",
            "--how",
            p,
            "--destination",
            p,
            "--why",
            p,
            "--opted-in",
        ],
        vec![
            "new",
            "w2",
            "--person",
            p,
            "--kind",
            "reverse-mentoring",
            "--role",
            "learner",
            "--topic",
            p,
            "--until",
            "2027-01-01",
        ],
        vec![
            "checkin",
            "h0",
            "-m",
            p,
            "--working",
            p,
            "--not-working",
            p,
            "--change",
            p,
            "--action",
            p,
            "--their-action",
            p,
            "--done",
            "a1",
            "--reached",
            "w1",
            "--rating",
            "3",
            "--review",
        ],
        vec!["goal", "add", "h0", p],
        vec!["goal", "done", "h0", "g1"],
        vec!["goal", "drop", "h1", "g1"],
        vec!["waypoint", "add", "h0", p, "--due", "2027-01-01"],
        vec!["waypoint", "reach", "h1", "w1"],
        vec!["waypoint", "drop", "h1", "w2"],
        vec!["action", "add", "h0", p, "--theirs"],
        vec!["action", "done", "h1", "a1"],
        vec!["action", "drop", "h1", "a2"],
        vec!["strength", "add", "h0", p],
        vec!["growth", "add", "h0", p],
        vec!["growth", "promote", "h0", "c1"],
        vec!["advocate", "h0", p, "--waypoint", "w2"],
        vec!["set", "h2", "--purpose", p, "--destination", p, "--why", p],
        vec!["pause", "h3", "--note", p],
        vec!["resume", "h3"],
        vec!["snooze", "h4", "--until", "2026-12-10"],
        vec![
            "evolve",
            "r0",
            "--into",
            "mentoring",
            "--purpose",
            p,
            "--their-aims",
            p,
            "--agreed",
            "--how",
            p,
        ],
        // Re-planning: an item moved, renamed and reopened, each with why,
        // and a check-in that moves, drops and achieves.
        vec![
            "goal",
            "move",
            "h2",
            "g1",
            "--due",
            "2027-02-01",
            "--because",
            p,
        ],
        vec!["waypoint", "rename", "h2", "w1", p, "--because", p],
        vec!["action", "reopen", "h1", "a3", "--because", p],
        vec![
            "checkin",
            "h6",
            "-m",
            p,
            "--move",
            "w2=2027-02-01",
            "--drop",
            "a1",
            "--achieved",
            "g1",
            "--shared",
            p,
        ],
        vec!["status", "h2", "--history"],
        vec!["log", "h6", "--json"],
        vec![
            "report",
            "h2",
            "--since",
            "2026-01-01",
            "--format",
            "markdown",
        ],
        // Re-contracting, and reverse-mentoring's why and expert outcome.
        vec!["set", "h8", "--agreed", "--how", p],
        vec![
            "new",
            "w3",
            "--person",
            p,
            "--kind",
            "reverse-mentoring",
            "--role",
            "learner",
            "--topic",
            p,
            "--until",
            "2027-01-01",
            "--why",
            p,
        ],
        vec![
            "end",
            "h5",
            "--as",
            "completed",
            "--outcome",
            p,
            "--assess",
            "g1=achieved",
        ],
        vec![
            "end",
            "r1",
            "--as",
            "completed",
            "--outcome",
            p,
            "--expert-outcome",
            p,
        ],
        vec!["status", "r1"],
        vec!["report", "r1", "--since", "2026-01-01", "--format", "json"],
        // A handle made from the hostile name: whatever is left of it.
        vec!["new", "--person", p, "--role", "mentor"],
        // The last changes, listed and undone.
        vec!["undo", "--list"],
        vec!["undo"],
        vec!["git", "status"],
    ];
    for args in &writes {
        // The second run, in colour, may be refused (done already): its
        // words must be as safe.
        let printed = rel.run(args);
        assert!(
            printed.code == 0 || args[0] == "git",
            "{args:?}: {}",
            printed.text
        );
    }
    let log = rel.run(&["log", "h0", "-n", "1"]).text;
    assert!(log.contains("\\u{202e}"), "the new check-in shows: {log}");

    // Hostile arguments where rel echoes them in an error.
    for args in [
        vec!["status", p],
        vec!["prep", p],
        vec!["checkin", "h0", "-m", "x", "--date", p],
        vec!["checkin", "h0", "-m", "x", "--done", p],
        vec!["goal", "done", "h0", p],
        vec!["goal", "move", "h0", p, "--due", "2027-01-01"],
        vec!["goal", "move", "h0", "g1", "--due", p],
        vec!["action", "reopen", "h0", p],
        vec!["checkin", "h0", "-m", "x", "--move", p],
        vec!["checkin", "h0", "-m", "x", "--drop", p],
        vec!["new", "--person", "Zed", "--role", "mentor", "--cadence", p],
        vec!["new", p, "--person", "Zed", "--role", "mentor"],
        vec!["set", "h0", "--cadence", p],
        vec!["log", "h0", "--since", p],
        vec!["report", "--until", p],
        vec!["status", "--as-of", p],
        vec!["status", "--color", p],
        vec![p],
        vec!["status", &format!("--{p}")],
        vec!["export", p],
        vec!["import", p],
        vec!["edit", "h0", p],
        vec!["completions", p],
    ] {
        let printed = rel.run(&args);
        assert_ne!(printed.code, 0, "{args:?}");
    }

    // Hostile environment: where the journal is, today, the editor.
    let dir = env.tmp().join(format!("j{}", escapes[0]));
    rel.run_env("REL_DIR", dir.as_os_str(), &["status"]);
    rel.run_env("REL_DIR", dir.as_os_str(), &["goal", "add", "nobody", "x"]);
    rel.run_env("REL_TODAY", OsStr::new(p), &["status"]);
    rel.run_env("COLUMNS", OsStr::new(p), &["status"]);
    rel.run_env(
        "EDITOR",
        OsStr::new(&format!("{p}; false")),
        &["edit", "h0"],
    );
    let editor = format!("printf '{}' > \"$1\"; true", p.replace(['\'', '\0'], ""));
    rel.run_env("EDITOR", OsStr::new(&editor), &["edit", "h0"]);
    rel.run_env("EDITOR", OsStr::new(&editor), &["checkin", "h0", "--edit"]);
    let mut stdin = env.std_cmd();
    stdin
        .args(["checkin", "h0", "-m", "-"])
        .stdin(fs::File::open(corpus().join("escapes.toml")).unwrap());
    rel.check(&mut stdin, "checkin -m - (stdin)", false);

    // A hostile config file: each value that is text, one at a time.
    let config = env.tmp().join("config/rel/config.toml");
    let values: toml::Table = fill("config.toml", p).parse().unwrap();
    for (key, value) in &values {
        let line = format!("{key} = \"{}\"\n", quoted(value.as_str().unwrap()));
        write(&config, &line);
        for args in [&["status"][..], &["config"], &["edit", "h0"]] {
            let mut cmd = env.std_cmd();
            if key == "journal_dir" {
                cmd.env_remove("REL_DIR");
            }
            rel.check(cmd.args(args), &format!("config {key}: {args:?}"), false);
        }
    }
    fs::remove_file(&config).unwrap();

    // Import documents: the hostile journal's own export, and hostile
    // text where a handle, an id, a cadence, a key or a date belongs.
    let export = rel.run(&["export", "h0", "h1"]).text;
    let doc = env.tmp().join("doc.json");
    let other = TestEnv::new();
    write(&doc, &export);
    let mut into_other = Hostile {
        env: &other,
        runs: 0,
    };
    let imported = into_other.run(&["import", doc.to_str().unwrap()]);
    assert_eq!(imported.code, 0, "{}", imported.text);
    into_other.run(&["status", "h0"]);
    rel.runs += into_other.runs;
    let q = quoted(p);
    for (from, to) in [
        ("\"handle\": \"h0\"", format!("\"handle\": \"{q}\"")),
        ("\"id\": \"2026-11-01-1\"", format!("\"id\": \"{q}\"")),
        ("\"cadence\": \"biweekly\"", format!("\"cadence\": \"{q}\"")),
        ("\"format\": \"rel-export\"", format!("\"format\": \"{q}\"")),
        ("\"exported_at\"", format!("\"{q}\"")),
        ("\"person\"", format!("\"{q}\"")),
        ("\"date\": \"2026-11-01\"", format!("\"date\": \"{q}\"")),
        ("\"kind\": \"sponsoring\"", format!("\"kind\": \"{q}\"")),
    ] {
        assert!(export.contains(from), "{from}");
        write(&doc, export.replacen(from, &to, 1));
        let printed = rel.run(&["import", doc.to_str().unwrap(), "--rename"]);
        assert_eq!(printed.code, 1, "{from}: {}", printed.text);
    }
    let mut bytes = b"{\"format\": \"\xff\x1b[2J\"}".to_vec();
    bytes.extend(p.as_bytes());
    write(&doc, &bytes);
    rel.run(&["import", doc.to_str().unwrap()]);
    write(&doc, format!("{p}{{"));
    rel.run(&["import", doc.to_str().unwrap()]);
    let named = env.tmp().join(format!("{}.json", escapes[1]));
    write(&named, "[]");
    rel.run(&["import", named.to_str().unwrap()]);

    // The last word, after all of that: the journal still checks as it
    // did, and is read as a whole.
    rel.run(&["check"]);
    eprintln!(
        "hostile corpus: {} escapes, {} runs of rel",
        escapes.len(),
        rel.runs
    );
    assert!(rel.runs > 200, "{}", rel.runs);
}

/// The other half of the rule: the edge never mangles what rel means to
/// print. Over the sample journal, with colour on (with and without
/// NO_COLOR, which crossterm honours on its own), every code rel writes is
/// one the edge lets through, and nothing is shown escaped.
#[test]
fn rels_own_colours_pass_the_edge_untouched() {
    let env = TestEnv::new();
    crate::fixtures::copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/journal"),
        &env.journal,
    );
    let mut rel = Hostile { env: &env, runs: 0 };
    for args in [
        &["status", "--all"][..],
        &["show", "ada-lovelace"],
        &["prep", "grace-hopper"],
        &["list", "--all"],
        &["actions"],
        &["log", "ada-lovelace"],
        &["search", "review"],
        &["report", "--since", "2026-01-01"],
        &["check"],
        &["config"],
    ] {
        for no_color in [true, false] {
            let mut cmd = env.std_cmd();
            if !no_color {
                cmd.env_remove("NO_COLOR");
            }
            cmd.args(args).args(["--color", "always"]);
            let printed = rel.check(&mut cmd, &format!("{args:?}"), true);
            assert!(printed.text.contains('\u{1b}'), "{args:?}: no colour");
            assert!(!printed.text.contains("\\u{"), "{args:?}: {}", printed.text);
        }
    }
}
