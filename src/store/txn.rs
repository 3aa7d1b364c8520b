//! A change to the journal: made under the lock, read after taking it,
//! written atomically, the user's comments and layout kept.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{MutexGuard, PoisonError};

use toml_edit::DocumentMut;

use super::doc::{
    RELATIONSHIP, checkin_doc, journal_doc, new_relationship_doc, relationship_table,
};
use super::file::{self, Mode, ensure_dir, failpoint, parse, write_atomic};
use super::merge::merge_document;
use super::{
    FORMAT, GITIGNORE, GITIGNORE_TEXT, JOURNAL_FILE, Journal, PENDING_FILE, Pending,
    RELATIONSHIP_FILE, RELATIONSHIPS, lock, newer_format, problem_error,
};
use super::{doc, parse_relationship};
use crate::error::{Error, Result};
use crate::model::checkin::Tag;
use crate::model::{CheckIn, CheckinId, Handle, ItemKind, Relationship};
use crate::problem::Problem;

impl Journal {
    /// Starts a change: creates the journal if need be, takes the lock,
    /// refuses a newer format, and completes any interrupted check-in.
    pub fn begin(&self) -> Result<Txn<'_>> {
        if !self.root_exists()? {
            ensure_dir(&self.root).map_err(|e| Error::io("create the journal", &self.root, &e))?;
        }
        // A lock kept from an earlier change of this command is ours.
        let kept = self.written().lock.take();
        let lock = match kept {
            Some(lock) => lock,
            None => lock::acquire(&self.root)?,
        };
        let txn = Txn {
            journal: self,
            recording: std::cell::Cell::new(false),
            lock: Some(lock),
        };
        match self.format().map_err(|p| problem_error(&p))? {
            Some(format) if format > FORMAT => return Err(newer_format(&self.root, format)),
            Some(_) => {}
            None => {
                let text = journal_doc(FORMAT).to_string();
                txn.write(&self.root, JOURNAL_FILE, &text, Mode::Replace)?;
                if fs::symlink_metadata(self.root.join(GITIGNORE)).is_err() {
                    txn.write(&self.root, GITIGNORE, GITIGNORE_TEXT, Mode::CreateNew)?;
                }
            }
        }
        txn.heal();
        txn.heal_asides();
        if self.written().keep {
            self.after_git();
        }
        // What the command writes from here on can be undone.
        txn.recording.set(true);
        Ok(txn)
    }
}

/// A relationship read for a change: the parsed model and the document it
/// came from, so the rewrite keeps the user's formatting.
#[derive(Debug)]
pub struct Editable {
    pub handle: Handle,
    pub path: PathBuf,
    pub rel: Relationship,
    /// The file's text: a rewrite edits its document.
    text: String,
}

/// A check-in that could not be fully written, and whether the check-in
/// itself (with every word of it) made it to disk.
#[derive(Debug)]
pub struct Unfinished {
    pub error: Error,
    pub recorded: Option<CheckinId>,
}

impl From<Error> for Unfinished {
    fn from(error: Error) -> Unfinished {
        Unfinished {
            error,
            recorded: None,
        }
    }
}

/// A change in progress: holds the journal lock until dropped (or, when
/// the journal keeps it for a commit, until [`Journal::finish`]); when
/// dropped, still holding it, it keeps what it wrote for `rel undo`.
pub struct Txn<'j> {
    pub(super) journal: &'j Journal,
    /// Whether what it writes is kept for `rel undo`.
    pub(super) recording: std::cell::Cell<bool>,
    lock: Option<lock::Lock>,
}

impl Drop for Txn<'_> {
    fn drop(&mut self) {
        // The undo record is written while the lock is still held; then
        // the lock goes, or is kept for the commit.
        self.flush_undo();
        let mut written = self.journal.written();
        if written.keep {
            written.lock = self.lock.take();
        }
    }
}

/// What the changes of one command wrote or removed, and the lock, kept
/// from its first change to its commit when the journal is in git: the
/// commit then holds exactly what this command did, and no other rel
/// writes in between.
#[derive(Debug, Default)]
pub struct Written {
    keep: bool,
    lock: Option<lock::Lock>,
    /// Relative to the journal; never a scratch file.
    paths: BTreeSet<PathBuf>,
}

/// A command's changes, finished: the paths it wrote or removed (relative
/// to the journal), and the lock, held until this is dropped.
#[derive(Debug)]
pub struct Finished {
    lock: Option<lock::Lock>,
    pub paths: Vec<PathBuf>,
}

impl Finished {
    /// Makes sure the lock is held (it was let go while an editor ran).
    pub fn hold(&mut self, journal: &Journal) -> Result<()> {
        if self.lock.is_none() {
            self.lock = Some(lock::acquire(&journal.root)?);
        }
        Ok(())
    }
}

impl Journal {
    /// Keeps the lock from the first change of this command until
    /// [`Journal::finish`], for the git commit.
    pub fn keep_lock(&self) {
        self.written().keep = true;
    }

    /// Lets go of a kept lock, as before a prompt or an editor; what was
    /// written stays noted.
    pub fn release(&self) {
        self.written().lock = None;
    }

    /// Ends the command's changes: what they wrote, and the kept lock.
    pub fn finish(&self) -> Finished {
        let mut written = self.written();
        Finished {
            lock: written.lock.take(),
            paths: std::mem::take(&mut written.paths).into_iter().collect(),
        }
    }

    /// Notes a path a change wrote or removed: a file, or a folder moved
    /// into place as a whole. rel's scratch files are none of git's
    /// business.
    pub(super) fn wrote(&self, path: &Path) {
        let Ok(inside) = path.strip_prefix(&self.root) else {
            return;
        };
        let scratch = inside.components().next().is_some_and(|first| {
            let name = first.as_os_str().to_string_lossy();
            [
                PENDING_FILE,
                lock::LOCK_FILE,
                super::DRAFTS,
                super::cache::CACHE_DIR,
                super::undo::UNDO_DIR,
            ]
            .contains(&name.as_ref())
                || file::is_temp_name(&name)
        });
        if !scratch && !inside.as_os_str().is_empty() {
            self.written().paths.insert(inside.to_path_buf());
        }
    }

    fn written(&self) -> MutexGuard<'_, Written> {
        self.written.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Txn<'_> {
    pub fn journal(&self) -> &Journal {
        self.journal
    }

    pub(super) fn write(&self, dir: &Path, name: &str, text: &str, mode: Mode) -> Result<()> {
        let path = dir.join(name);
        let before = self.note_before(&path);
        write_atomic(dir, name, text.as_bytes(), mode)
            .map_err(|e| Error::io("write", &path, &e))?;
        self.journal.wrote(&path);
        if let Some(before) = before {
            self.note(&path, before, Some(text.as_bytes().to_vec()));
        }
        Ok(())
    }

    /// Reads a relationship for a change (after the lock was taken). Its
    /// text is read afresh; the cache spares parsing it only when the
    /// bytes are the ones it holds.
    pub fn load(&self, handle: &Handle) -> Result<Editable> {
        let path = self.journal.relationship_path(handle);
        let mut entry = self.journal.cache_entry(handle);
        let read = entry.relationship_with_text();
        entry.save();
        let (rel, text) = read.map_err(|p| unreadable(handle, &p))?;
        Ok(Editable {
            handle: handle.clone(),
            path,
            rel,
            text,
        })
    }

    /// Writes a new relationship. Refuses a handle already in use.
    pub fn create(&self, handle: &Handle, rel: &Relationship) -> Result<PathBuf> {
        let dir = self.journal.relationship_dir(handle);
        let path = dir.join(RELATIONSHIP_FILE);
        let in_use = file::list_dir(&dir).is_ok_and(|mut entries| entries.next().is_some());
        if in_use || fs::symlink_metadata(&dir).is_ok_and(|m| !m.is_dir()) {
            return Err(
                Error::user(format!("a relationship named '{handle}' already exists"))
                    .with_hint("pick another handle: rel new HANDLE --person …"),
            );
        }
        let relationships = self.journal.root.join(RELATIONSHIPS);
        ensure_dir(&relationships).map_err(|e| Error::io("create", &relationships, &e))?;
        let text = new_relationship_doc(rel).to_string();
        verify(&path, &text, rel)?;
        // The folder is made whole beside the others, then renamed into
        // place: a crash leaves either no relationship or a complete one.
        let staging = tempfile::Builder::new()
            .prefix(file::TMP_PREFIX)
            .suffix(file::TMP_SUFFIX)
            .tempdir_in(&relationships)
            .map_err(|e| Error::io("create a folder in", &relationships, &e))?;
        self.write(staging.path(), RELATIONSHIP_FILE, &text, Mode::CreateNew)?;
        let staged = staging.keep();
        fs::set_permissions(
            &staged,
            std::os::unix::fs::PermissionsExt::from_mode(file::DIR_MODE),
        )
        .map_err(|e| Error::io("create", &staged, &e))?;
        failpoint("before-folder-rename");
        if let Err(e) = fs::rename(&staged, &dir) {
            let _ = fs::remove_dir_all(&staged);
            return Err(Error::io("create", &dir, &e));
        }
        self.journal.wrote(&dir);
        file::sync_dir(&relationships).map_err(|e| Error::io("create", &dir, &e))?;
        self.note(&path, None, Some(text.into_bytes()));
        Ok(path)
    }

    /// Rewrites a relationship to say `new`, keeping the user's comments,
    /// order and unknown keys. Writes nothing when nothing changed.
    pub fn save(&self, ed: &mut Editable, new: &Relationship) -> Result<bool> {
        let text = render(ed, new)?;
        if text == ed.text {
            return Ok(false);
        }
        let dir = self.journal.relationship_dir(&ed.handle);
        self.write(&dir, RELATIONSHIP_FILE, &text, Mode::Replace)?;
        ed.text = text;
        ed.rel = new.clone();
        Ok(true)
    }

    /// Writes a check-in and, when it changes the relationship (actions,
    /// waypoints, a review), the relationship after it: the check-in first,
    /// so a crash in between leaves a check-in that the next write applies.
    /// Returns its id, the check-in as written (its new actions numbered),
    /// and the ids of all the relationship's check-ins, itself included.
    pub fn record_checkin(
        &self,
        ed: &mut Editable,
        checkin: &CheckIn,
    ) -> Result<(CheckinId, CheckIn, Vec<CheckinId>), Unfinished> {
        let handle = ed.handle.clone();
        let dir = self.journal.checkins_dir(&handle);
        if checkin.opened.iter().any(|a| a.id.is_none()) && !ed.rel.has_ids_left(ItemKind::Action) {
            return Err(ids_exhausted(ed, ItemKind::Action).into());
        }
        ensure_dir(&dir).map_err(|e| Error::io("create", &dir, &e))?;
        let existing = self
            .journal
            .checkin_ids(&handle)
            .map_err(|p| problem_error(&p))?;
        let mut n = existing
            .iter()
            .filter(|c| c.date == checkin.date)
            .map(|c| c.n)
            .max()
            .unwrap_or(0)
            + 1;
        loop {
            // The tag comes from the words as written, which do not
            // depend on the id: number the new actions, then name it.
            let mut checkin = checkin.clone();
            ed.rel.number_new_actions(&mut checkin);
            let id = CheckinId {
                date: checkin.date,
                n,
                tag: Some(Tag::of(&checkin_doc(&checkin).to_string())),
            };
            // A check-in that changes no item and reviews nothing leaves
            // the relationship as it is: no copy of it to compare.
            let changed = if checkin.has_effects() || checkin.review {
                let mut rel = ed.rel.clone();
                rel.record_checkin(id, &mut checkin);
                (rel != ed.rel).then_some(rel)
            } else {
                None
            };
            let touches = changed.is_some();
            let rendered = match changed {
                Some(rel) => Some((render(ed, &rel)?, rel)),
                None => None,
            };
            let text = checkin_doc(&checkin).to_string();
            let path = dir.join(id.file_name());
            let reread: CheckIn = parse(&path, &text).map_err(|p| internal(&p.to_string()))?;
            if reread != checkin {
                return Err(internal("a check-in would not read back as written").into());
            }
            self.require_format()?;
            if touches {
                self.mark_pending(&handle, id)?;
            }
            match write_atomic(&dir, &id.file_name(), text.as_bytes(), Mode::CreateNew) {
                Ok(()) => {
                    self.journal.wrote(&path);
                    self.note(&path, None, Some(text.as_bytes().to_vec()));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    n += 1;
                    continue;
                }
                Err(e) => {
                    if touches {
                        let _ = file::remove(&self.journal.root.join(PENDING_FILE));
                    }
                    return Err(Error::io("write", &path, &e).into());
                }
            }
            if let Some((text, rel)) = rendered {
                failpoint("between-checkin-and-relationship");
                let rel_dir = self.journal.relationship_dir(&handle);
                if let Err(e) =
                    write_atomic(&rel_dir, RELATIONSHIP_FILE, text.as_bytes(), Mode::Replace)
                {
                    let error = Error::journal(format!(
                        "check-in {id} was recorded, but {} could not be updated: {}",
                        ed.path.display(),
                        crate::error::io_reason(&e)
                    ))
                    .with_hint("the next change to the journal completes it (rel check explains)");
                    return Err(Unfinished {
                        error,
                        recorded: Some(id),
                    });
                }
                self.journal.wrote(&ed.path);
                self.note(
                    &ed.path,
                    Some(ed.text.as_bytes().to_vec()),
                    Some(text.as_bytes().to_vec()),
                );
                ed.text = text;
                ed.rel = rel;
                // Harmless if it stays: completing an applied check-in changes nothing.
                let _ = self.clear_pending();
            }
            let mut all = existing;
            all.push(id);
            all.sort();
            return Ok((id, checkin, all));
        }
    }

    /// Notes, before the first of two writes, that a check-in's effects on
    /// its relationship may not be written yet; `heal` completes them.
    pub(super) fn mark_pending(&self, handle: &Handle, id: CheckinId) -> Result<()> {
        let pending = toml::to_string(&Pending {
            handle: handle.clone(),
            checkin: id.to_string(),
        })
        .map_err(|e| internal(&e.to_string()))?;
        self.write(&self.journal.root, PENDING_FILE, &pending, Mode::Replace)
    }

    /// Both writes are done.
    pub(super) fn clear_pending(&self) -> Result<()> {
        let marker = self.journal.root.join(PENDING_FILE);
        file::remove(&marker).map_err(|e| Error::io("remove", &marker, &e))
    }

    /// Completes a check-in whose relationship write was interrupted.
    /// Failing that, leaves the marker for `rel check` to explain.
    pub(super) fn heal(&self) {
        let Some(pending) = self.journal.read_pending() else {
            return;
        };
        let marker = self.journal.root.join(PENDING_FILE);
        let Some(id) = CheckinId::parse(&pending.checkin) else {
            let _ = file::remove(&marker);
            return;
        };
        let Ok(checkin) = self.journal.load_checkin(&pending.handle, id) else {
            // The check-in itself never made it: nothing to complete.
            if fs::symlink_metadata(self.journal.checkin_path(&pending.handle, id)).is_err() {
                let _ = file::remove(&marker);
            }
            return;
        };
        let Ok(mut ed) = self.load(&pending.handle) else {
            return;
        };
        let mut rel = ed.rel.clone();
        rel.apply_checkin(id, &checkin);
        if self.save(&mut ed, &rel).is_ok() {
            let _ = file::remove(&marker);
        }
    }
}

/// Merges `new` into the file's document and checks the result reads back
/// as exactly `new` before anything is written.
fn render(ed: &Editable, new: &Relationship) -> Result<String> {
    if let Some(kind) = new.ran_out_of_ids(&ed.rel) {
        return Err(ids_exhausted(ed, kind));
    }
    let mut doc: DocumentMut = ed.text.parse().map_err(|e: toml_edit::TomlError| {
        let p = Problem::error(&ed.path, e.message().to_string());
        let p = match e.span() {
            Some(span) => p.at(&ed.text, span.start),
            None => p,
        };
        unreadable(&ed.handle, &p)
    })?;
    merge_document(&mut doc, &relationship_table(new), &RELATIONSHIP);
    doc::refresh_header(&mut doc, &ed.rel, new);
    let text = doc.to_string();
    verify(&ed.path, &text, new)?;
    Ok(text)
}

fn verify(path: &Path, text: &str, meant: &Relationship) -> Result<()> {
    let reread = parse_relationship(path, text).map_err(|p| internal(&p.to_string()))?;
    if reread != *meant {
        return Err(internal(&format!(
            "{} would not read back as written",
            path.display()
        )));
    }
    Ok(())
}

/// Ids are never reused, and the counter of `kind` is at its end: a user
/// error (a hand edit, most likely), not a bug.
fn ids_exhausted(ed: &Editable, kind: ItemKind) -> Error {
    Error::user(format!(
        "no {} ids are left in {}: [last_id] {} (or an id in the file) is already {}, the highest there can be, and ids are never reused",
        kind.noun(),
        ed.handle,
        kind.key(),
        u32::MAX
    ))
    .with_hint(format!(
        "nothing was written; if a hand edit raised it, set [last_id] {} in {} back to the highest {} id in use (rel edit {})",
        kind.key(),
        ed.path.display(),
        kind.noun(),
        ed.handle
    ))
}

fn internal(what: &str) -> Error {
    Error::journal(format!("refusing to write: {what}"))
        .with_hint("this is a bug in rel; nothing was written — please report it")
}

fn unreadable(handle: &Handle, problem: &Problem) -> Error {
    Error::journal(problem.to_string()).with_hint(format!(
        "rel never overwrites a file it cannot read; fix it by hand (rel edit {handle}), then run rel check"
    ))
}
