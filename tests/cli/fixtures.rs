//! Journals written straight to disk, as rel writes them: the same bytes,
//! folders 0700 and files 0600. A test that is not about the commands
//! that make a journal starts from one here instead of running rel dozens
//! of times. The texts are what those commands wrote; if a result changes
//! with a fixture, the fixture is wrong, not the result.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::env::TestEnv;

/// What rel writes on its first change to a journal.
const JOURNAL_TOML: &str = "\
# A rel journal. Every file in it is yours to read, edit and keep in git;
# `rel check` validates them. `format` tells rel which version wrote it.
format = 2
";
const GITIGNORE: &str = "\
# rel's scratch files and cache, not part of the journal
.lock
.pending.toml
.rel-*.tmp
drafts/
.cache/
.undo/
";

/// What rel writes in a journal it finds in git, so that git merges
/// rel's files with rel.
pub const GITATTRIBUTES: &str = "\
# rel merges its own files item by item (rel sync, git pull): see rel's README
relationships/*/relationship.toml merge=rel
relationships/*/checkins/*.toml merge=rel
journal.toml merge=rel
";

/// A journal being written, file by file.
pub struct Journal<'e> {
    env: &'e TestEnv,
}

impl<'e> Journal<'e> {
    /// The journal of `env`, made as rel's first change makes it unless
    /// it is there: the folder with its `journal.toml`, `.gitignore` and
    /// lock file. (No `.cache/`: the first read makes it, and every
    /// report reads the same without it.)
    pub fn new(env: &'e TestEnv) -> Journal<'e> {
        folder(&env.journal);
        for (name, text) in [
            ("journal.toml", JOURNAL_TOML),
            (".gitignore", GITIGNORE),
            (".lock", ""),
        ] {
            if !env.path(name).exists() {
                file(&env.path(name), text);
            }
        }
        Journal { env }
    }

    /// `relationships/<handle>/relationship.toml`: rel's header for the
    /// person, kind and role `toml` names, then `toml` (see [`dedent`]).
    pub fn relationship(&self, handle: &str, toml: &str) -> &Self {
        let toml = dedent(toml);
        let dir = self.env.path("relationships").join(handle);
        folder(dir.parent().unwrap());
        folder(&dir);
        file(&dir.join("relationship.toml"), &(header(&toml) + &toml));
        self
    }

    /// `relationships/<handle>/checkins/<id>.toml`, `id` being the date
    /// and the meeting's number that day (`2026-10-01-1`, as rel wrote
    /// them before tags, which it reads as it always did), or that and
    /// the tag rel makes from its words (`2026-10-01-1-84bg`).
    pub fn checkin(&self, handle: &str, id: &str, toml: &str) -> &Self {
        let dir = self.env.path("relationships").join(handle).join("checkins");
        folder(&dir);
        file(&dir.join(format!("{id}.toml")), &dedent(toml));
        self
    }
}

/// The comment rel puts at the top of a relationship.toml it writes.
fn header(toml: &str) -> String {
    let table: toml::Table = toml.parse().unwrap();
    let field = |key: &str| table[key].as_str().unwrap().to_owned();
    let person: String = field("person")
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let role = match field("role").as_str() {
        "protege" => "protégé".to_owned(),
        role => role.to_owned(),
    };
    format!(
        "# {person} — {}, you are the {role}.\n# Written by rel; edit it freely (`rel check` validates it). Comments and\n# keys rel does not know are kept when rel rewrites this file.\n",
        field("kind")
    )
}

/// A file's text as a test writes it, indented with the code: the first
/// line break dropped, and the first line's indentation taken off every
/// line (which must all have it, but blank ones). The text ends with a
/// line break, as every file rel writes does.
pub fn dedent(text: &str) -> String {
    let text = text.strip_prefix('\n').unwrap_or(text);
    let indent = &text[..text.len() - text.trim_start_matches(' ').len()];
    let mut out = String::with_capacity(text.len() + 1);
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            // A blank line, or the indentation before the closing quote.
            out.push_str(if line.ends_with('\n') { "\n" } else { "" });
        } else {
            let line = line
                .strip_prefix(indent)
                .unwrap_or_else(|| panic!("fixture line less indented than the first: {line:?}"));
            out.push_str(line);
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// A folder, private as rel makes them, whatever the umask.
fn folder(path: &Path) {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
        .unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o700)).unwrap();
}

/// A file, private as rel writes them, whatever the umask.
fn file(path: &Path, text: &str) {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .unwrap();
    file.write_all(text.as_bytes()).unwrap();
    file.set_permissions(fs::Permissions::from_mode(0o600))
        .unwrap();
}

/// The command that starts Ada, for tests of what rel itself writes.
pub const NEW_ADA: [&str; 11] = [
    "new",
    "--person",
    "Ada Lovelace",
    "--kind",
    "mentoring",
    "--role",
    "mentor",
    "--cadence",
    "biweekly",
    "--started",
    "2026-09-01",
];

/// Ada, in mentoring with you as her mentor, as [`NEW_ADA`] starts her.
pub fn ada(env: &TestEnv) -> Journal<'_> {
    let journal = Journal::new(env);
    journal.relationship(
        "ada-lovelace",
        r#"
        person = "Ada Lovelace"
        kind = "mentoring"
        role = "mentor"
        status = "active"
        started = 2026-09-01
        cadence = "biweekly"
        "#,
    );
    journal
}

/// The sample journal, `examples/journal`, copied into `env`'s journal:
/// ten relationships of every kind and role, with years of history.
pub fn sample(env: &TestEnv) {
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/journal"),
        &env.journal,
    );
}

/// A copy of the sample journal, to read (and cache) without touching it.
pub fn sample_journal() -> TestEnv {
    let env = TestEnv::new();
    sample(&env);
    env
}

/// Copies a tree with rel's own modes (git checks files out 0644), so
/// that only what the tree holds is reported.
pub fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    fs::set_permissions(to, fs::Permissions::from_mode(0o700)).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
            fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        }
    }
}

/// Every folder and file of a journal but the cache and the undo record
/// (rel's scratch, not the journal), with its mode and bytes.
fn tree(env: &TestEnv) -> Vec<(String, u32, Vec<u8>)> {
    let mut tree = Vec::new();
    let mut dirs = vec![env.journal.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.strip_prefix(&env.journal).unwrap();
            if name == Path::new(".cache") || name == Path::new(".undo") {
                continue;
            }
            let meta = fs::symlink_metadata(&path).unwrap();
            let mode = meta.permissions().mode() & 0o7777;
            let name = name.to_string_lossy().into_owned();
            if meta.is_dir() {
                tree.push((name, mode, Vec::new()));
                dirs.push(path);
            } else {
                tree.push((name, mode, fs::read(&path).unwrap()));
            }
        }
    }
    tree.sort();
    tree
}

/// The fixtures' files are rel's, down to the bytes and modes: a change
/// to how rel writes a journal shows here first.
#[test]
fn a_fixture_is_what_rel_writes() {
    let notes = "Talked through the RFC.\nShe wants to present it.";
    let by_rel = TestEnv::new();
    by_rel.ok(&NEW_ADA);
    by_rel.ok(&[
        "checkin",
        "ada-lovelace",
        "--date",
        "2026-10-01",
        "-m",
        notes,
    ]);
    let fixture = TestEnv::new();
    // The tag after the number comes from the check-in's words.
    ada(&fixture).checkin(
        "ada-lovelace",
        "2026-10-01-1-84bg",
        r#"
        date = 2026-10-01
        notes = """
        Talked through the RFC.
        She wants to present it."""
        "#,
    );
    assert_eq!(tree(&by_rel), tree(&fixture));
}
