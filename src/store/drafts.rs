//! Drafts: text a person typed, kept in the journal's `drafts/` folder
//! (or the system's temporary folder) while an editor has it, or when a
//! command could not file it.

use std::io;
use std::path::{Path, PathBuf};

use super::file::{Mode, ensure_dir, write_atomic};
use super::{DRAFTS, Journal};
use crate::error::{Error, Result};

/// A file of words the person typed, outside the journal proper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    path: PathBuf,
}

impl Draft {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What the draft holds now (after an editor, say).
    pub fn read(&self) -> Result<String> {
        let bytes = std::fs::read(&self.path).map_err(|e| Error::io("read", &self.path, &e))?;
        String::from_utf8(bytes).map_err(|e| {
            Error::user(format!(
                "{}: is not UTF-8 text (a bad byte at offset {})",
                self.path.display(),
                e.utf8_error().valid_up_to()
            ))
            .with_hint("rel reads notes as UTF-8 text; nothing was recorded, and the file is kept")
        })
    }

    /// Lets the draft go: its words are filed, or there were none.
    pub fn discard(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl Journal {
    /// Keeps text the person typed when a command could not finish, and
    /// says where. Falls back to the system's temporary folder.
    pub fn save_draft(&self, stem: &str, text: impl AsRef<[u8]>) -> io::Result<Draft> {
        let journal_drafts = self.root.join(DRAFTS);
        let places = [journal_drafts, std::env::temp_dir()];
        let mut last = io::Error::other("nowhere to save");
        for dir in &places {
            if let Err(e) = ensure_dir(dir) {
                last = e;
                continue;
            }
            for n in 1..1000 {
                let name = if n == 1 {
                    format!("{stem}.toml")
                } else {
                    format!("{stem}-{n}.toml")
                };
                match write_atomic(dir, &name, text.as_ref(), Mode::CreateNew) {
                    Ok(()) => {
                        return Ok(Draft {
                            path: dir.join(name),
                        });
                    }
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    Err(e) => {
                        last = e;
                        break;
                    }
                }
            }
        }
        Err(last)
    }
}
