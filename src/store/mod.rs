//! The journal directory: where files live, reading them safely, and
//! writing them under the lock so that no word is ever lost.
//!
//! - [`listing`]: which relationships and check-ins there are;
//! - [`read`]: reading a relationship, its brief or its check-ins;
//! - [`txn`]: a change, made under the lock and written atomically.

pub mod cache;
pub mod check;
pub mod doc;
pub mod drafts;
pub mod edit;
pub mod file;
pub mod folder;
mod format;
pub mod git;
pub mod listing;
pub mod lock;
pub mod merge;
pub mod merge3;
#[cfg(test)]
mod props;
mod quick;
pub mod read;
pub mod sync;
pub mod txn;
pub mod undo;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{CheckinId, Handle};
use crate::problem::Problem;
pub use cache::Words;
use file::{parse, read_text};
pub use listing::Listing;
pub use read::{CheckinRead, Loaded, Read, parse_relationship};
pub use txn::{Editable, Finished, Txn, Unfinished};

/// The journal format this rel reads and writes. Format 2 names new
/// check-ins with a tag (`2026-11-26-1-k3f9.toml`); format-1 journals are
/// read as they are and say 2 from the first tagged check-in on.
pub const FORMAT: u32 = 2;

pub const JOURNAL_FILE: &str = "journal.toml";
pub const RELATIONSHIPS: &str = "relationships";
pub const RELATIONSHIP_FILE: &str = "relationship.toml";
pub const CHECKINS: &str = "checkins";
pub const PENDING_FILE: &str = ".pending.toml";
pub const DRAFTS: &str = "drafts";
pub const GITIGNORE: &str = ".gitignore";

const GITIGNORE_TEXT: &str = "# rel's scratch files and cache, not part of the journal\n.lock\n.pending.toml\n.rel-*.tmp\ndrafts/\n.cache/\n.undo/\n";

/// A journal directory. Cheap to make; nothing is read until asked.
#[derive(Debug)]
pub struct Journal {
    pub(super) root: PathBuf,
    pub(super) pending: OnceLock<Option<Pending>>,
    /// Where the cache is, unless something else sits there.
    pub(super) cache: OnceLock<Option<PathBuf>>,
    /// The overview's cache, read when first asked for, written when the
    /// journal is let go.
    pub(super) briefs: OnceLock<cache::briefs::Briefs>,
    /// What this process changed, for `rel undo`.
    pub(super) undo: undo::Recorder,
    /// What this process wrote, and the lock kept for the commit.
    pub(super) written: Mutex<txn::Written>,
}

/// What `journal.toml` says about who may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    /// Written by a newer rel: readable, never written.
    ReadOnly {
        format: u32,
    },
}

/// A check-in whose effects on `relationship.toml` may not be written yet.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Pending {
    pub(super) handle: Handle,
    pub(super) checkin: String,
}

#[derive(Deserialize)]
struct JournalFile {
    format: u32,
}

impl Journal {
    pub fn new(root: impl Into<PathBuf>) -> Journal {
        Journal {
            root: root.into(),
            pending: OnceLock::new(),
            cache: OnceLock::new(),
            briefs: OnceLock::new(),
            undo: undo::Recorder::default(),
            written: Mutex::default(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn relationship_dir(&self, handle: &Handle) -> PathBuf {
        self.root.join(RELATIONSHIPS).join(handle.as_str())
    }

    pub fn relationship_path(&self, handle: &Handle) -> PathBuf {
        self.relationship_dir(handle).join(RELATIONSHIP_FILE)
    }

    pub fn checkins_dir(&self, handle: &Handle) -> PathBuf {
        self.relationship_dir(handle).join(CHECKINS)
    }

    pub fn checkin_path(&self, handle: &Handle, id: CheckinId) -> PathBuf {
        self.checkins_dir(handle).join(id.file_name())
    }

    /// The journal folder, if there is one, checked to be a folder.
    fn root_exists(&self) -> Result<bool> {
        match fs::metadata(&self.root) {
            Ok(meta) if meta.is_dir() => Ok(true),
            Ok(_) => Err(Error::journal(format!(
                "the journal {} is not a folder",
                self.root.display()
            ))
            .with_hint("point rel at a folder with --dir or REL_DIR")),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(Error::io("open the journal", &self.root, &e)),
        }
    }

    /// Reads the format version. `None` when the journal has no
    /// `journal.toml` yet (a new or hand-made journal: format 1).
    pub fn format(&self) -> Result<Option<u32>, Problem> {
        let path = self.root.join(JOURNAL_FILE);
        if fs::symlink_metadata(&path).is_err() {
            return Ok(None);
        }
        let text = read_text(&path)?;
        let file: JournalFile = parse(&path, &text)?;
        Ok(Some(file.format))
    }

    /// Refuses, before any work is done, to change a journal a newer rel
    /// wrote (or whose format cannot be read).
    pub fn check_writable(&self) -> Result<()> {
        match self.access()? {
            Access::ReadWrite => Ok(()),
            Access::ReadOnly { format } => Err(newer_format(&self.root, format)),
        }
    }

    /// Whether this rel may write the journal.
    pub fn access(&self) -> Result<Access> {
        match self.format().map_err(|p| problem_error(&p))? {
            Some(format) if format > FORMAT => Ok(Access::ReadOnly { format }),
            _ => Ok(Access::ReadWrite),
        }
    }
}

fn newer_format(root: &Path, format: u32) -> Error {
    Error::journal(format!(
        "{} was written by a newer rel (format {format} > {FORMAT}); this rel can only read it",
        root.display()
    ))
    .with_hint("upgrade rel to change this journal")
}

/// A problem that stops a command, as an error.
pub fn problem_error(problem: &Problem) -> Error {
    Error::journal(problem.to_string())
}
