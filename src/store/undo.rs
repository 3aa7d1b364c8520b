//! Undo: every change rel makes to the journal is kept, as the bytes of
//! each file before and after, in `.undo/` inside the journal (git never
//! sees it), so that `rel undo` can put the files back byte for byte —
//! with or without git. The record is small and bounded: the last
//! [`KEEP`] changes, each of at most [`MAX_RECORD_BYTES`].
//!
//! ```text
//! .undo/
//!   .gitignore            *
//!   000042/
//!     change.toml         when, the command, which files
//!     1.before            the bytes a file had (none: rel created it)
//!     1.after             the bytes rel wrote (none: rel removed it)
//! ```

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::file::{self, Mode, ensure_dir, write_atomic};
use super::{CHECKINS, Journal, RELATIONSHIP_FILE, RELATIONSHIPS, Txn};
use crate::error::{Error, Result};
use crate::model::{CheckinId, Handle};

/// The folder of the record.
pub const UNDO_DIR: &str = ".undo";

/// How many changes are kept.
pub const KEEP: usize = 10;

/// A change whose files add up to more than this keeps its list of
/// files, not their bytes: it cannot be undone (an import of a whole
/// journal, say), and says so.
pub const MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

const RECORD_FILE: &str = "change.toml";

/// Who is changing the journal: the command line and the day, as the
/// record will say them.
#[derive(Debug, Clone, Default)]
pub struct Label {
    pub command: String,
    pub date: Option<NaiveDate>,
}

/// One file a change wrote: its bytes before (none: it did not exist) and
/// after (none: rel removed it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// From the journal's root, `/`-separated.
    pub path: String,
    pub before: Option<Vec<u8>>,
    pub after: Option<Vec<u8>>,
    /// Its bytes are in the record as they are here.
    saved: bool,
}

/// What this process has changed so far, and where it keeps the record.
#[derive(Debug, Default)]
pub struct Recording {
    label: Label,
    seq: Option<u64>,
    files: Vec<Snapshot>,
    /// Changed since the record was last written.
    dirty: bool,
}

/// `change.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RecordFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    command: String,
    /// False when the files were too large to keep.
    #[serde(default = "yes")]
    kept: bool,
    #[serde(default, rename = "file")]
    files: Vec<FileEntry>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct FileEntry {
    path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    before: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    after: Option<String>,
}

/// A change as `rel undo --list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: u64,
    pub date: Option<NaiveDate>,
    pub command: String,
    pub paths: Vec<String>,
    /// The bytes are kept: it can be undone.
    pub kept: bool,
}

/// What `rel undo` did: each file put back, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undone {
    pub change: Change,
    pub files: Vec<(String, Restored)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restored {
    /// Its old bytes are back.
    Restored,
    /// rel had created it: it is gone again.
    Removed,
    /// rel had removed it: it is back.
    Recreated,
}

/// The journal holds one recording for the life of the process.
pub type Recorder = Mutex<Recording>;

impl Journal {
    /// Says who is changing the journal, for the undo record: the command
    /// as typed and the day.
    pub fn label_changes(&self, command: String, date: NaiveDate) {
        let mut recording = self.undo.lock().unwrap_or_else(PoisonError::into_inner);
        recording.label = Label {
            command,
            date: Some(date),
        };
    }

    fn undo_dir(&self) -> PathBuf {
        self.root.join(UNDO_DIR)
    }

    /// The changes kept, newest first.
    pub fn undo_list(&self) -> Result<Vec<Change>> {
        let mut changes = Vec::new();
        for (seq, dir) in self.records()?.into_iter().rev() {
            if let Some(record) = read_record(&dir) {
                changes.push(change_of(seq, &record));
            }
        }
        Ok(changes)
    }

    /// The records' folders, oldest first.
    fn records(&self) -> Result<Vec<(u64, PathBuf)>> {
        let dir = self.undo_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io("read", &dir, &e)),
        };
        let mut records: Vec<(u64, PathBuf)> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                let seq = name.parse::<u64>().ok()?;
                Some((seq, e.path()))
            })
            .collect();
        records.sort();
        Ok(records)
    }
}

impl Txn<'_> {
    /// Notes a file this change is about to write: its bytes now.
    pub(super) fn note_before(&self, path: &Path) -> Option<Option<Vec<u8>>> {
        self.recording.get().then(|| read_plain(path))
    }

    /// Notes a file this change wrote (`after` none: removed), with what it
    /// held before. The first before of a file in this process is kept.
    pub(super) fn note(&self, path: &Path, before: Option<Vec<u8>>, after: Option<Vec<u8>>) {
        if !self.recording.get() {
            return;
        }
        let Some(rel) = relative(&self.journal.root, path) else {
            return;
        };
        let mut recording = self
            .journal
            .undo
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        match recording.files.iter_mut().find(|f| f.path == rel) {
            Some(file) => {
                file.after = after;
                file.saved = false;
            }
            None => recording.files.push(Snapshot {
                path: rel,
                before,
                after,
                saved: false,
            }),
        }
        recording.dirty = true;
    }

    /// Stops recording: what `rel undo` itself writes is not a change to undo.
    pub fn without_undo(&self) {
        self.recording.set(false);
    }

    /// Writes what this process changed into the record, while the lock is
    /// still held. Nothing to keep: nothing written. A record that cannot
    /// be written is no loss of the person's words: the journal is
    /// written; only this change cannot be undone (an older one, whose
    /// files no longer match, is then refused).
    pub(super) fn flush_undo(&self) {
        let mut recording = self
            .journal
            .undo
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if recording.dirty && self.journal.write_record(&mut recording).is_ok() {
            recording.dirty = false;
        }
    }
}

impl Journal {
    fn write_record(&self, recording: &mut Recording) -> io::Result<()> {
        let undo = self.undo_dir();
        ensure_dir(&undo)?;
        if fs::symlink_metadata(undo.join(".gitignore")).is_err() {
            write_atomic(
                &undo,
                ".gitignore",
                b"# rel's record of its last changes, for rel undo: never part of the journal\n*\n",
                Mode::Replace,
            )?;
        }
        let seq = match recording.seq {
            Some(seq) => seq,
            None => {
                let next = self
                    .records()
                    .map_err(|_| io::Error::other("cannot list the undo record"))?
                    .last()
                    .map_or(1, |(seq, _)| seq + 1);
                recording.seq = Some(next);
                next
            }
        };
        let dir = undo.join(format!("{seq:06}"));
        ensure_dir(&dir)?;
        let size: usize = recording
            .files
            .iter()
            .map(|f| f.before.as_ref().map_or(0, Vec::len) + f.after.as_ref().map_or(0, Vec::len))
            .sum();
        let kept = size <= MAX_RECORD_BYTES;
        let mut entries = Vec::new();
        for (n, file) in recording.files.iter_mut().enumerate() {
            let mut entry = FileEntry {
                path: file.path.clone(),
                before: None,
                after: None,
            };
            for (side, bytes, slot) in [
                ("before", &file.before, &mut entry.before),
                ("after", &file.after, &mut entry.after),
            ] {
                if let Some(bytes) = bytes {
                    let name = format!("{}.{side}", n + 1);
                    if kept && !file.saved {
                        write_atomic(&dir, &name, bytes, Mode::Replace)?;
                    }
                    *slot = Some(name);
                }
            }
            file.saved = kept;
            entries.push(entry);
        }
        let record = RecordFile {
            date: recording.label.date.map(|d| d.to_string()),
            command: recording.label.command.clone(),
            kept,
            files: entries,
        };
        let text = format!(
            "# A change rel made to this journal, kept so that `rel undo` can put its\n# files back byte for byte. rel keeps the last {KEEP}; deleting this is safe.\n{}",
            toml::to_string(&record).map_err(io::Error::other)?
        );
        write_atomic(&dir, RECORD_FILE, text.as_bytes(), Mode::Replace)?;
        self.prune()
    }

    /// Keeps the last [`KEEP`] records.
    fn prune(&self) -> io::Result<()> {
        let records = self
            .records()
            .map_err(|_| io::Error::other("cannot list the undo record"))?;
        let extra = records.len().saturating_sub(KEEP);
        for (_, dir) in records.into_iter().take(extra) {
            fs::remove_dir_all(dir)?;
        }
        Ok(())
    }

    /// Reverts the last change rel made: each file back to its bytes
    /// before, unless one of them changed since (then nothing is written).
    pub fn undo(&self) -> Result<Option<Undone>> {
        // Nothing kept: nothing to lock, nor a journal to make.
        if self.records()?.is_empty() {
            return Ok(None);
        }
        let txn = self.begin()?;
        txn.without_undo();
        let Some((seq, dir)) = self.records()?.pop() else {
            return Ok(None);
        };
        let record = read_record(&dir).ok_or_else(|| {
            Error::journal(format!(
                "the record of the last change ({}) cannot be read",
                dir.join(RECORD_FILE).display()
            ))
            .with_hint(format!(
                "delete {} to undo the change before it, or restore the files by hand",
                dir.display()
            ))
        })?;
        let change = change_of(seq, &record);
        if !record.kept {
            return Err(Error::user(format!(
                "the last change (`{}`) was too large to keep for undo",
                crate::text::sanitize(&record.command)
            ))
            .with_hint("restore it from git or a backup (rel export); rel undo --list shows the changes kept"));
        }
        // Every file first: as rel left it (or already put back), or
        // nothing is written.
        let mut plan = Vec::new();
        let mut changed = Vec::new();
        for entry in &record.files {
            let target = self.undo_target(&entry.path).ok_or_else(|| {
                Error::journal(format!(
                    "{}: '{}' is not a journal file rel writes",
                    dir.join(RECORD_FILE).display(),
                    crate::text::echo(&entry.path)
                ))
                .with_hint(format!("delete {} (it was edited by hand)", dir.display()))
            })?;
            let side = |name: &Option<String>| -> Result<Option<Vec<u8>>> {
                match name {
                    None => Ok(None),
                    Some(name) => fs::read(dir.join(name))
                        .map(Some)
                        .map_err(|e| Error::io("read", &dir.join(name), &e)),
                }
            };
            let (before, after) = (side(&entry.before)?, side(&entry.after)?);
            let now = read_plain(&target);
            if now != after && now != before {
                changed.push(entry.path.clone());
            }
            plan.push((entry.path.clone(), target, before, now == after));
        }
        if !changed.is_empty() {
            return Err(Error::user(format!(
                "cannot undo `{}`: {} changed since rel wrote {}",
                crate::text::sanitize(&record.command),
                changed.join(", "),
                if changed.len() == 1 { "it" } else { "them" }
            ))
            .with_hint(
                "nothing was undone; change the file by hand (rel edit), or restore it with git",
            ));
        }
        let mut files = Vec::new();
        for (path, target, before, pending) in plan {
            let how = match &before {
                Some(_) if !target.exists() => Restored::Recreated,
                Some(_) => Restored::Restored,
                None => Restored::Removed,
            };
            if pending {
                restore(&target, before.as_deref())?;
                self.wrote(&target);
            }
            files.push((path, how));
        }
        fs::remove_dir_all(&dir).map_err(|e| Error::io("remove", &dir, &e))?;
        drop(txn);
        Ok(Some(Undone { change, files }))
    }

    /// Where a recorded path lives, if it is one of the files rel writes
    /// (a relationship or a check-in): never a path out of the journal.
    fn undo_target(&self, path: &str) -> Option<PathBuf> {
        let parts: Vec<&str> = path.split('/').collect();
        let ok = match parts.as_slice() {
            [RELATIONSHIPS, handle, RELATIONSHIP_FILE] => Handle::parse(handle).is_ok(),
            [RELATIONSHIPS, handle, CHECKINS, name] => {
                Handle::parse(handle).is_ok()
                    && name
                        .strip_suffix(".toml")
                        .and_then(CheckinId::parse)
                        .is_some_and(|id| id.file_name() == *name)
            }
            _ => false,
        };
        ok.then(|| parts.iter().fold(self.root.clone(), |p, part| p.join(part)))
    }
}

/// Puts a file back (or removes it), and a folder it leaves empty.
fn restore(target: &Path, bytes: Option<&[u8]>) -> Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    match bytes {
        Some(bytes) => {
            ensure_dir(dir).map_err(|e| Error::io("create", dir, &e))?;
            write_atomic(dir, name, bytes, Mode::Replace)
                .map_err(|e| Error::io("write", target, &e))
        }
        None => {
            file::remove(target).map_err(|e| Error::io("remove", target, &e))?;
            // A relationship rel new made, undone: its folders go too.
            for empty in [dir, dir.parent().unwrap_or(dir)] {
                if empty.file_name().is_some_and(|n| n == RELATIONSHIPS) {
                    break;
                }
                if fs::remove_dir(empty).is_err() {
                    break;
                }
            }
            Ok(())
        }
    }
}

/// A file's bytes, or none when it is not there (or is not a plain file).
fn read_plain(path: &Path) -> Option<Vec<u8>> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    fs::read(path).ok()
}

fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    // rel's scratch files (the lock, the pending marker, the cache, a
    // folder being assembled) are not the journal.
    if parts.is_empty() || parts.iter().any(|p| p.starts_with('.')) {
        return None;
    }
    Some(parts.join("/"))
}

fn read_record(dir: &Path) -> Option<RecordFile> {
    let text = fs::read_to_string(dir.join(RECORD_FILE)).ok()?;
    toml::from_str(&text).ok()
}

fn change_of(seq: u64, record: &RecordFile) -> Change {
    Change {
        seq,
        date: record
            .date
            .as_deref()
            .and_then(crate::model::date::parse_iso),
        command: record.command.clone(),
        paths: record.files.iter().map(|f| f.path.clone()).collect(),
        kept: record.kept,
    }
}
