//! Making git merge rel's files with rel: `.gitattributes` in the journal
//! names them (`merge=rel`), and `merge.rel.driver` in the clone's git
//! config says how to run it. The attributes travel with the journal; the
//! config belongs to each clone, so every rel that sees the journal is in
//! git sets it up when it is missing (a read of one file when it is not).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::super::Journal;
use super::super::file::{Mode, write_atomic};
use super::super::git::{git_dir, may_be_work_tree};
use crate::error::{Error, Result};

pub const ATTRIBUTES_FILE: &str = ".gitattributes";

/// The lines rel keeps in `.gitattributes`.
const ATTRIBUTES: [&str; 3] = [
    "relationships/*/relationship.toml merge=rel",
    "relationships/*/checkins/*.toml merge=rel",
    "journal.toml merge=rel",
];

const ATTRIBUTES_HEAD: &str =
    "# rel merges its own files item by item (rel sync, git pull): see rel's README\n";

/// The command git runs to merge one of rel's files: this rel.
pub fn driver_command() -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let exe = exe.to_str()?;
    Some(format!(
        "'{}' merge-driver %O %A %B %P",
        exe.replace('\'', r"'\''")
    ))
}

/// Registers rel as the clone's merge driver when it is not: reads the
/// config file, and runs `git config` only to change it. Says nothing;
/// `rel sync` and the README explain.
pub fn register_driver(root: &Path) {
    let Some(command) = driver_command() else {
        return;
    };
    if driver_registered(root, &command) {
        return;
    }
    for (key, value) in [
        (
            "merge.rel.name",
            "rel: merge rel's journal files item by item",
        ),
        ("merge.rel.driver", command.as_str()),
    ] {
        let _ = Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["config", key, value])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// Whether the clone's config runs `command` as rel's merge driver, as
/// far as its config file tells (a worktree's is its repository's).
fn driver_registered(root: &Path, command: &str) -> bool {
    let Some(dir) = git_dir(root) else {
        return false;
    };
    let common = fs::read_to_string(dir.join("commondir"))
        .map(|c| dir.join(c.trim()))
        .unwrap_or(dir);
    let Ok(config) = fs::read_to_string(common.join("config")) else {
        return false;
    };
    // `git config` writes `driver = <value>` with `\` and `"` escaped.
    let escaped = command.replace('\\', "\\\\").replace('"', "\\\"");
    let mut in_section = false;
    for line in config.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_section = line.replace(' ', "") == "[merge\"rel\"]";
            continue;
        }
        if in_section
            && let Some((key, value)) = line.split_once('=')
            && key.trim() == "driver"
        {
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or(value);
            if value == escaped || value == command {
                return true;
            }
        }
    }
    false
}

impl Journal {
    /// What a write in a journal in git does first: rel's merge set up,
    /// and the modes a clone or a pull left restored. Neither stops the
    /// write: `rel check` names what is left.
    pub(in crate::store) fn after_git(&self) {
        let _ = self.set_up_git_merge();
        super::modes::restore_after_git(self.root());
    }

    /// When the journal is in git: makes `.gitattributes` name rel's
    /// files (adding rel's lines to one the person keeps), and registers
    /// the driver. Returns the attributes file if it was written; the
    /// caller holds the lock and commits it with its change.
    pub fn set_up_git_merge(&self) -> Result<Option<PathBuf>> {
        if !may_be_work_tree(self.root()) {
            return Ok(None);
        }
        register_driver(self.root());
        let path = self.root().join(ATTRIBUTES_FILE);
        let old = match fs::symlink_metadata(&path) {
            Ok(meta) if !meta.is_file() => return Ok(None),
            Ok(_) => fs::read_to_string(&path).map_err(|e| Error::io("read", &path, &e))?,
            Err(_) => String::new(),
        };
        let missing: Vec<&str> = ATTRIBUTES
            .iter()
            .copied()
            .filter(|line| !old.lines().any(|l| l.trim() == *line))
            .collect();
        if missing.is_empty() {
            return Ok(None);
        }
        let mut text = old;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !text.contains(ATTRIBUTES_HEAD.trim_end()) {
            text.push_str(ATTRIBUTES_HEAD);
        }
        for line in missing {
            text.push_str(line);
            text.push('\n');
        }
        write_atomic(self.root(), ATTRIBUTES_FILE, text.as_bytes(), Mode::Replace)
            .map_err(|e| Error::io("write", &path, &e))?;
        self.wrote(&path);
        Ok(Some(path))
    }
}
