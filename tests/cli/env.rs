//! The test environment: a temporary home with a journal in it, and the
//! real binary run with a cleared environment.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// "Today" in every test unless a test says otherwise.
pub const TODAY: &str = "2026-11-26";

pub struct TestEnv {
    tmp: TempDir,
    pub journal: PathBuf,
}

/// What a run of rel did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// stdout, stderr and the exit code in one text, for snapshots.
    pub fn transcript(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let tmp = tempfile::Builder::new()
            .prefix("rel-test-")
            .tempdir()
            .unwrap();
        let journal = tmp.path().join("journal");
        TestEnv { tmp, journal }
    }

    pub fn tmp(&self) -> &Path {
        self.tmp.path()
    }

    /// The binary with a clean environment pointed at this journal.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same, as a plain `std` command (to spawn and kill).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rel"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.tmp().join("home"))
            .env("XDG_CONFIG_HOME", self.tmp().join("config"))
            .env("XDG_DATA_HOME", self.tmp().join("data"))
            .env("REL_DIR", &self.journal)
            .env("REL_TODAY", TODAY)
            .env("NO_COLOR", "1")
            .env("COLUMNS", "100")
            .env("LANG", "C.UTF-8")
            .current_dir(self.tmp());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with(self.cmd().args(args))
    }

    pub fn run_with(&self, cmd: &mut Command) -> Run {
        let out = cmd.output().unwrap();
        let run = Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout)
                .replace(self.tmp().to_str().unwrap(), "[TMP]"),
            stderr: String::from_utf8_lossy(&out.stderr)
                .replace(self.tmp().to_str().unwrap(), "[TMP]"),
        };
        assert_ne!(run.code, 101, "rel panicked:\n{}", run.stderr);
        assert!(
            !run.stderr.contains("panicked"),
            "rel panicked:\n{}",
            run.stderr
        );
        run
    }

    /// Runs rel and insists it succeeds; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "rel {args:?} failed:\n{}", run.transcript());
        run.stdout
    }

    /// Runs rel and insists it fails with `code`; returns the run.
    pub fn fails(&self, code: i32, args: &[&str]) -> Run {
        let run = self.run(args);
        assert_eq!(
            run.code,
            code,
            "rel {args:?}: expected exit {code}:\n{}",
            run.transcript()
        );
        run
    }

    /// Runs rel, insists it succeeds, and returns how many files it
    /// opened to read and folders it listed (`REL_TEST_IO`).
    pub fn io(&self, args: &[&str]) -> (usize, usize) {
        let run = self.run_with(self.cmd().env("REL_TEST_IO", "1").args(args));
        assert_eq!(run.code, 0, "{args:?}: {}", run.transcript());
        let line = run
            .stderr
            .lines()
            .find_map(|l| l.strip_prefix("rel-test-io: "))
            .unwrap_or_else(|| panic!("no counts: {}", run.stderr));
        let numbers: Vec<usize> = line
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        (numbers[0], numbers[1])
    }

    /// Runs rel, insists it fails with `code` and writes nothing.
    pub fn refuses(&self, code: i32, args: &[&str]) -> Run {
        let before = self.files();
        let run = self.fails(code, args);
        let after = self.files();
        let changed: Vec<&String> = before
            .keys()
            .chain(after.keys())
            .filter(|k| before.get(*k) != after.get(*k))
            .collect();
        assert!(changed.is_empty(), "rel {args:?} changed {changed:?}");
        run
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.journal.join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Every file in the journal (but the lock and the cache, which are
    /// not the journal's content) with its bytes.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let mut files = BTreeMap::new();
        collect(&self.journal, &self.journal, &mut files);
        files
    }

    /// The check-in files of a relationship, by name.
    pub fn checkins(&self, handle: &str) -> Vec<String> {
        let dir = self.path(&format!("relationships/{handle}/checkins"));
        let mut names: Vec<String> = match fs::read_dir(dir) {
            Ok(entries) => entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => Vec::new(),
        };
        names.sort();
        names
    }

    /// The path (in the journal) of the one check-in of `handle` that
    /// answers to `short` (`2026-11-26-1`), whatever its tag.
    pub fn checkin_path(&self, handle: &str, short: &str) -> String {
        let found: Vec<String> = self
            .checkins(handle)
            .into_iter()
            .filter(|name| {
                let stem = name.trim_end_matches(".toml");
                stem == short
                    || stem
                        .strip_prefix(short)
                        .is_some_and(|tag| tag.len() == 5 && tag.starts_with('-'))
            })
            .collect();
        match found.as_slice() {
            [one] => format!("relationships/{handle}/checkins/{one}"),
            _ => panic!("{handle} has {found:?} for {short}"),
        }
    }

    /// The text of that check-in.
    pub fn checkin_text(&self, handle: &str, short: &str) -> String {
        self.read(&self.checkin_path(handle, short))
    }

    /// A relationship as its file says, parsed.
    pub fn relationship(&self, handle: &str) -> toml::Table {
        self.read(&format!("relationships/{handle}/relationship.toml"))
            .parse()
            .unwrap()
    }
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if name == ".lock" || name == ".cache" {
            continue;
        }
        let meta = fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            files.insert(format!("{name}/"), Vec::new());
            collect(root, &path, files);
        } else {
            files.insert(name, fs::read(&path).unwrap_or_default());
        }
    }
}
