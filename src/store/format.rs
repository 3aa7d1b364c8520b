//! The journal's format version, raised when a change first writes what
//! an older rel could not read: a check-in named with a tag
//! (`2026-11-26-1-k3f9.toml`, which a format-1 rel would pass over
//! without a word). The older rel then reads the journal and refuses to
//! change it, saying why, rather than miss meetings.

use std::fs;

use toml_edit::DocumentMut;

use super::file::{Mode, read_text};
use super::{FORMAT, JOURNAL_FILE, Txn, problem_error};
use crate::error::{Error, Result};

impl Txn<'_> {
    /// Makes `journal.toml` say this rel's format before something only it
    /// reads is written; the person's comments in the file stay.
    pub fn require_format(&self) -> Result<()> {
        let journal = self.journal();
        match journal.format().map_err(|p| problem_error(&p))? {
            Some(format) if format >= FORMAT => return Ok(()),
            _ => {}
        }
        let path = journal.root().join(JOURNAL_FILE);
        let mut doc = match fs::symlink_metadata(&path) {
            Ok(_) => {
                let text = read_text(&path).map_err(|p| problem_error(&p))?;
                text.parse::<DocumentMut>()
                    .map_err(|e| Error::journal(format!("{}: {}", path.display(), e.message())))?
            }
            Err(_) => super::doc::journal_doc(FORMAT),
        };
        let decor = doc
            .get("format")
            .and_then(|i| i.as_value())
            .map(|v| v.decor().clone());
        doc["format"] = toml_edit::value(i64::from(FORMAT));
        if let (Some(decor), Some(value)) = (decor, doc["format"].as_value_mut()) {
            *value.decor_mut() = decor;
        }
        self.write(
            journal.root(),
            JOURNAL_FILE,
            &doc.to_string(),
            Mode::Replace,
        )
    }
}
