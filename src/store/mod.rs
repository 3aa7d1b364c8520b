//! The journal directory: where files live, reading them safely, and
//! writing them under the lock so that no word is ever lost.

pub mod cache;
pub mod check;
pub mod doc;
pub mod drafts;
pub mod edit;
pub mod file;
pub mod folder;
pub mod git;
pub mod lock;
pub mod merge;
#[cfg(test)]
mod props;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use toml_edit::DocumentMut;

use crate::error::{Error, Result};
use crate::model::relationship::Place;
use crate::model::{Brief, CheckIn, CheckinId, Handle, Meetings, Relationship};
use crate::par::par_map;
use crate::problem::Problem;
pub use cache::Words;
use doc::{RELATIONSHIP, checkin_doc, journal_doc, new_relationship_doc, relationship_table};
use file::{Mode, ensure_dir, failpoint, is_temp_name, parse, read_text, write_atomic};
use merge::merge_document;

/// The journal format this rel reads and writes.
pub const FORMAT: u32 = 1;

pub const JOURNAL_FILE: &str = "journal.toml";
pub const RELATIONSHIPS: &str = "relationships";
pub const RELATIONSHIP_FILE: &str = "relationship.toml";
pub const CHECKINS: &str = "checkins";
pub const PENDING_FILE: &str = ".pending.toml";
pub const DRAFTS: &str = "drafts";
pub const GITIGNORE: &str = ".gitignore";

const GITIGNORE_TEXT: &str = "# rel's scratch files and cache, not part of the journal\n.lock\n.pending.toml\n.rel-*.tmp\ndrafts/\n.cache/\n";

/// A journal directory. Cheap to make; nothing is read until asked.
#[derive(Debug)]
pub struct Journal {
    root: PathBuf,
    pending: OnceLock<Option<Pending>>,
    /// Where the cache is, unless something else sits there.
    cache: OnceLock<Option<PathBuf>>,
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

/// The relationships in the journal, and any folder that is not one.
#[derive(Debug, Default)]
pub struct Listing {
    pub handles: Vec<Handle>,
    pub problems: Vec<Problem>,
}

/// A check-in whose effects on `relationship.toml` may not be written yet.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Pending {
    handle: Handle,
    checkin: String,
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

    /// The relationships, sorted by handle.
    pub fn listing(&self) -> Result<Listing> {
        let mut listing = Listing::default();
        if !self.root_exists()? {
            return Ok(listing);
        }
        let dir = self.root.join(RELATIONSHIPS);
        let entries = match file::list_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(listing),
            Err(e) => return Err(Error::io("read", &dir, &e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| Error::io("read", &dir, &e))?;
            let path = entry.path();
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                listing.problems.push(Problem::warning(
                    &path,
                    "is not a relationship: its name is not UTF-8",
                ));
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let kind = entry
                .file_type()
                .map_err(|e| Error::io("read", &path, &e))?;
            if kind.is_symlink() {
                listing.problems.push(Problem::error(
                    &path,
                    "is a symbolic link; rel does not follow links inside the journal",
                ));
                continue;
            }
            if !kind.is_dir() {
                listing.problems.push(Problem::warning(
                    &path,
                    "is not a relationship folder; rel ignores it",
                ));
                continue;
            }
            match Handle::parse(name) {
                Ok(handle) => listing.handles.push(handle),
                Err(why) => listing.problems.push(Problem::warning(
                    &path,
                    format!("is not a relationship: {why}; rename the folder to use it"),
                )),
            }
        }
        listing.handles.sort();
        Ok(listing)
    }

    /// Finds the relationship a person named, by looking it up in the
    /// listing (never by joining their words onto a path).
    pub fn find(&self, input: &str) -> Result<Handle> {
        // A handle typed in full names its folder: a slug cannot leave
        // the journal, and the folder is taken only as the listing would
        // take it (a real folder, not a link). Anything else is looked
        // up in the listing, for the error and its hint.
        if let Ok(handle) = Handle::parse(input)
            && fs::symlink_metadata(self.relationship_dir(&handle)).is_ok_and(|m| m.is_dir())
        {
            return Ok(handle);
        }
        let listing = self.listing()?;
        if let Some(handle) = listing.handles.iter().find(|h| h.as_str() == input) {
            return Ok(handle.clone());
        }
        let shown = crate::text::echo(input);
        let mut err = Error::user(format!("no relationship named '{shown}'"));
        let closest = crate::model::handle::closest(input, &listing.handles);
        err = match closest {
            Some(h) => err.with_hint(format!("did you mean '{h}'? (rel list shows them all)")),
            None if listing.handles.is_empty() => err.with_hint(
                "the journal is empty; start with rel new --person NAME --kind KIND --role ROLE",
            ),
            None => err.with_hint("rel list shows them all"),
        };
        Err(err)
    }

    /// Reads a relationship (and applies an interrupted check-in, if one is
    /// waiting, so that reports never miss it). Through the cache: a file
    /// that has not changed since it was last read is not parsed again.
    pub fn load(&self, handle: &Handle) -> Result<Relationship, Problem> {
        self.load_words(handle, Words::All)
    }

    /// Reads a relationship as [`Journal::load`] does, with only the
    /// words `words` says (see [`Words`]).
    pub fn load_words(&self, handle: &Handle, words: Words) -> Result<Relationship, Problem> {
        let mut entry = self.cache_entry(handle);
        let rel = entry.relationship(words);
        entry.save();
        rel.map(|rel| self.with_pending(handle, rel))
    }

    /// Reads a relationship, as [`Journal::load`], and the names of its
    /// check-ins, as [`Journal::checkin_ids`], with one look at the cache.
    /// `words` says whether the words of closed items and of the history
    /// are wanted (see [`Words`]).
    pub fn load_with_checkins(
        &self,
        handle: &Handle,
        words: Words,
    ) -> Result<(Relationship, Vec<CheckinId>), Problem> {
        let mut entry = self.cache_entry(handle);
        let loaded = entry
            .relationship(words)
            .and_then(|rel| Ok((rel, entry.checkin_ids()?)));
        entry.save();
        loaded.map(|(rel, ids)| (self.with_pending(handle, rel), ids))
    }

    /// Reads a relationship's [`Brief`], what an overview of every
    /// relationship needs of it, through the cache.
    pub fn load_brief(&self, handle: &Handle) -> Result<Brief, Problem> {
        if self.pending_for(handle).is_some() {
            // An interrupted check-in is applied to the relationship read.
            let (rel, ids) = self.load_with_checkins(handle, Words::Open)?;
            return Ok(Brief::of(rel, Meetings::of(&ids)));
        }
        let mut entry = self.cache_entry(handle);
        let brief = entry.brief();
        entry.save();
        brief
    }

    /// Reads a relationship as [`Journal::load`] does, with the text of
    /// its file: the text is read afresh, and parsed unless the cache
    /// holds the relationship those very bytes say.
    pub fn load_with_text(&self, handle: &Handle) -> Result<(Relationship, String), Problem> {
        let mut entry = self.cache_entry(handle);
        let read = entry.relationship_with_text();
        entry.save();
        let (rel, text) = read?;
        Ok((self.with_pending(handle, rel), text))
    }

    /// Reads a relationship without the cache, as its file says.
    fn load_uncached(&self, handle: &Handle) -> Result<Relationship, Problem> {
        self.read_relationship(handle).map(|(rel, _)| rel)
    }

    fn read_relationship(&self, handle: &Handle) -> Result<(Relationship, String), Problem> {
        let path = self.relationship_path(handle);
        if !self.relationship_dir(handle).is_dir() {
            return Err(Problem::error(&path, "no such relationship"));
        }
        if fs::symlink_metadata(&path).is_err() {
            return Err(Problem::error(
                &path,
                "is missing: a relationship folder needs its relationship.toml",
            ));
        }
        let text = read_text(&path)?;
        let rel = parse_relationship(&path, &text)?;
        Ok((rel, text))
    }

    /// A relationship with the check-in applied that an interrupted write
    /// left waiting, if it is this one's.
    fn with_pending(&self, handle: &Handle, mut rel: Relationship) -> Relationship {
        if let Some((id, checkin)) = self.pending_for(handle) {
            rel.apply_checkin(id, &checkin);
        }
        rel
    }

    /// The ids of a relationship's check-ins, oldest first, from the file
    /// names alone (nothing is opened), through the cache.
    pub fn checkin_ids(&self, handle: &Handle) -> Result<Vec<CheckinId>, Problem> {
        let mut entry = self.cache_entry(handle);
        let ids = entry.checkin_ids();
        entry.save();
        ids
    }

    /// Lists a `checkins/` folder: the ids of its check-ins, oldest first.
    fn list_checkins(&self, dir: &Path) -> Result<Vec<CheckinId>, Problem> {
        let entries = match file::list_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(Problem::error(
                    dir,
                    format!("cannot read: {}", crate::error::io_reason(&e)),
                ));
            }
        };
        let mut ids = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if is_temp_name(name) {
                continue;
            }
            if let Some(id) = name.strip_suffix(".toml").and_then(CheckinId::parse) {
                ids.push(id);
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// Reads many check-ins, in parallel on every core, in the order given.
    pub fn load_checkins(
        &self,
        handle: &Handle,
        ids: &[CheckinId],
    ) -> Vec<Result<(CheckinId, CheckIn), Problem>> {
        let files: Vec<(&Handle, CheckinId)> = ids.iter().map(|id| (handle, *id)).collect();
        self.map_checkins(&files, |id, checkin, _| (id, checkin))
    }

    /// Reads check-ins of any relationships, in parallel on every core,
    /// and hands each, with the text of its file, to `f` on the thread that
    /// read it (so that work on it is spread too). In the order given.
    pub fn map_checkins<R: Send>(
        &self,
        files: &[(&Handle, CheckinId)],
        f: impl Fn(CheckinId, CheckIn, String) -> R + Sync,
    ) -> Vec<Result<R, Problem>> {
        self.read_checkins(files, |read| {
            let id = read.id;
            let (checkin, text) = read.parse()?;
            Ok(f(id, checkin, text))
        })
    }

    /// Reads check-in files of any relationships, in parallel on every
    /// core, and hands each file's bytes (or why it could not be read) to
    /// `f` on the thread that read it. In the order given. The files of a
    /// relationship are read through its folder, opened once for a run of
    /// files; runs are short, so that the cores share the work evenly.
    pub fn read_checkins<R: Send>(
        &self,
        files: &[(&Handle, CheckinId)],
        f: impl Fn(CheckinRead<'_>) -> R + Sync,
    ) -> Vec<R> {
        /// Files read through one opening of their folder.
        const RUN: usize = 32;
        let mut runs: Vec<(PathBuf, &[(&Handle, CheckinId)])> = Vec::new();
        let mut rest = files;
        while let Some((first, _)) = rest.first() {
            let same = rest
                .iter()
                .take(RUN)
                .take_while(|(h, _)| h == first)
                .count();
            let (run, after) = rest.split_at(same);
            runs.push((self.checkins_dir(first), run));
            rest = after;
        }
        par_map(&runs, |(dir, run)| {
            let folder = file::Folder::open(dir);
            run.iter()
                .map(|(handle, id)| {
                    let name = id.file_name();
                    let path = dir.join(&name);
                    let bytes = match &folder {
                        Ok(folder) => folder.read_file(&name, &path),
                        // Each file says why, as when read by its path.
                        Err(_) => file::read_file(&path),
                    };
                    f(CheckinRead {
                        handle,
                        id: *id,
                        path: &path,
                        bytes,
                    })
                })
                .collect::<Vec<R>>()
        })
        .into_iter()
        .flatten()
        .collect()
    }

    pub fn load_checkin(&self, handle: &Handle, id: CheckinId) -> Result<CheckIn, Problem> {
        self.load_checkin_with_text(handle, id)
            .map(|(checkin, _)| checkin)
    }

    /// Reads a check-in with the text of its file.
    pub fn load_checkin_with_text(
        &self,
        handle: &Handle,
        id: CheckinId,
    ) -> Result<(CheckIn, String), Problem> {
        read_checkin(&self.checkin_path(handle, id))
    }

    /// The interrupted check-in waiting for `handle`, if any.
    fn pending_for(&self, handle: &Handle) -> Option<(CheckinId, CheckIn)> {
        let pending = self.pending.get_or_init(|| self.read_pending()).as_ref()?;
        if &pending.handle != handle {
            return None;
        }
        let id = CheckinId::parse(&pending.checkin)?;
        let checkin = self.load_checkin(handle, id).ok()?;
        Some((id, checkin))
    }

    fn read_pending(&self) -> Option<Pending> {
        let path = self.root.join(PENDING_FILE);
        fs::symlink_metadata(&path).ok()?;
        let text = read_text(&path).ok()?;
        parse(&path, &text).ok()
    }

    /// Describes an interrupted two-file write, for `rel check`.
    pub fn pending_problem(&self) -> Option<Problem> {
        let path = self.root.join(PENDING_FILE);
        let pending = self.read_pending()?;
        Some(Problem::warning(
            &path,
            format!(
                "check-in {} of {} was written but rel was interrupted before updating its relationship.toml; reports already include it and the next change to the journal completes it",
                pending.checkin, pending.handle
            ),
        ))
    }

    /// Starts a change: creates the journal if need be, takes the lock,
    /// refuses a newer format, and completes any interrupted check-in.
    pub fn begin(&self) -> Result<Txn<'_>> {
        if !self.root_exists()? {
            ensure_dir(&self.root).map_err(|e| Error::io("create the journal", &self.root, &e))?;
        }
        let lock = lock::acquire(&self.root)?;
        let txn = Txn {
            journal: self,
            _lock: lock,
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
        Ok(txn)
    }
}

/// A check-in file as [`Journal::read_checkins`] read it.
pub struct CheckinRead<'a> {
    pub handle: &'a Handle,
    pub id: CheckinId,
    pub path: &'a Path,
    /// The file's bytes and metadata, or why they could not be read.
    pub bytes: Result<(Vec<u8>, fs::Metadata), Problem>,
}

impl CheckinRead<'_> {
    /// The file's text, if it is text.
    pub fn text(self) -> Result<String, Problem> {
        let (bytes, _) = self.bytes?;
        file::text_of(self.path, bytes)
    }

    /// The check-in and the text of its file.
    pub fn parse(self) -> Result<(CheckIn, String), Problem> {
        let path = self.path;
        let text = self.text()?;
        parse(path, &text).map(|checkin| (checkin, text))
    }
}

fn read_checkin(path: &Path) -> Result<(CheckIn, String), Problem> {
    let text = read_text(path)?;
    parse(path, &text).map(|checkin| (checkin, text))
}

fn newer_format(root: &Path, format: u32) -> Error {
    Error::journal(format!(
        "{} was written by a newer rel (format {format} > {FORMAT}); this rel can only read it",
        root.display()
    ))
    .with_hint("upgrade rel to change this journal")
}

/// Parses relationship.toml and checks facts that must agree.
pub fn parse_relationship(path: &Path, text: &str) -> Result<Relationship, Problem> {
    let rel: Relationship = parse(path, text)?;
    if let Some((place, message)) = rel.contradictions().into_iter().next() {
        let problem = Problem::error(path, message);
        return Err(match place_offset(text, place) {
            Some(at) => problem.at(text, at),
            None => problem,
        });
    }
    Ok(rel)
}

/// Where a contradiction is written, to point at it.
fn place_offset(text: &str, place: Place) -> Option<usize> {
    let doc: toml_edit::Document<&str> = toml_edit::Document::parse(text).ok()?;
    let key = match place {
        Place::Key(key) => key,
        Place::SecondId(id) => {
            let wanted = id.to_string();
            let tables = doc.get(id.kind.key())?;
            let found: Vec<usize> = match tables {
                toml_edit::Item::ArrayOfTables(array) => array
                    .iter()
                    .filter_map(|t| t.get("id").filter(|v| v.as_str() == Some(wanted.as_str())))
                    .filter_map(|v| v.span().map(|s| s.start))
                    .collect(),
                _ => Vec::new(),
            };
            return found.get(1).copied();
        }
    };
    doc.as_table()
        .key(key)
        .and_then(|k| k.span())
        .map(|s| s.start)
}

/// A problem that stops a command, as an error.
pub fn problem_error(problem: &Problem) -> Error {
    Error::journal(problem.to_string())
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

/// A change in progress: holds the journal lock until dropped.
pub struct Txn<'j> {
    journal: &'j Journal,
    _lock: lock::Lock,
}

impl Txn<'_> {
    pub fn journal(&self) -> &Journal {
        self.journal
    }

    fn write(&self, dir: &Path, name: &str, text: &str, mode: Mode) -> Result<()> {
        write_atomic(dir, name, text.as_bytes(), mode)
            .map_err(|e| Error::io("write", &dir.join(name), &e))
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
        file::sync_dir(&relationships).map_err(|e| Error::io("create", &dir, &e))?;
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
    pub fn record_checkin(
        &self,
        ed: &mut Editable,
        checkin: &CheckIn,
    ) -> Result<(CheckinId, CheckIn), Unfinished> {
        let handle = ed.handle.clone();
        let dir = self.journal.checkins_dir(&handle);
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
            let id = CheckinId {
                date: checkin.date,
                n,
            };
            let mut checkin = checkin.clone();
            let mut rel = ed.rel.clone();
            rel.record_checkin(id, &mut checkin);
            let touches = rel != ed.rel;
            let rendered = if touches {
                Some(render(ed, &rel)?)
            } else {
                None
            };
            let text = checkin_doc(&checkin).to_string();
            let path = dir.join(id.file_name());
            let reread: CheckIn = parse(&path, &text).map_err(|p| internal(&p.to_string()))?;
            if reread != checkin {
                return Err(internal("a check-in would not read back as written").into());
            }
            if touches {
                self.mark_pending(&handle, id)?;
            }
            match write_atomic(&dir, &id.file_name(), text.as_bytes(), Mode::CreateNew) {
                Ok(()) => {}
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
            if let Some(text) = rendered {
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
                ed.text = text;
                ed.rel = rel;
                // Harmless if it stays: completing an applied check-in changes nothing.
                let _ = self.clear_pending();
            }
            return Ok((id, checkin));
        }
    }

    /// Notes, before the first of two writes, that a check-in's effects on
    /// its relationship may not be written yet; `heal` completes them.
    fn mark_pending(&self, handle: &Handle, id: CheckinId) -> Result<()> {
        let pending = toml::to_string(&Pending {
            handle: handle.clone(),
            checkin: id.to_string(),
        })
        .map_err(|e| internal(&e.to_string()))?;
        self.write(&self.journal.root, PENDING_FILE, &pending, Mode::Replace)
    }

    /// Both writes are done.
    fn clear_pending(&self) -> Result<()> {
        let marker = self.journal.root.join(PENDING_FILE);
        file::remove(&marker).map_err(|e| Error::io("remove", &marker, &e))
    }

    /// Completes a check-in whose relationship write was interrupted.
    /// Failing that, leaves the marker for `rel check` to explain.
    fn heal(&self) {
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

fn internal(what: &str) -> Error {
    Error::journal(format!("refusing to write: {what}"))
        .with_hint("this is a bug in rel; nothing was written — please report it")
}

fn unreadable(handle: &Handle, problem: &Problem) -> Error {
    Error::journal(problem.to_string()).with_hint(format!(
        "rel never overwrites a file it cannot read; fix it by hand (rel edit {handle}), then run rel check"
    ))
}
