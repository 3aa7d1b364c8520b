//! Reading the journal: a relationship (through the cache), its brief,
//! and its check-ins, many at a time on every core.

use std::fs;
use std::path::Path;

use super::file::{self, parse, read_text};
use super::{Journal, PENDING_FILE, Pending, Words};
use crate::model::relationship::Place;
use crate::model::{Brief, CheckIn, CheckinId, Handle, Meetings, Relationship};
use crate::par::par_map;
use crate::problem::Problem;

/// What to read of a relationship: which of its words, and whether the
/// names of its check-ins and the text of its file come too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Read {
    pub words: Words,
    /// The ids of its check-ins, from the folder's listing.
    pub checkins: bool,
    /// The text of `relationship.toml`, read afresh (every word).
    pub text: bool,
}

impl Read {
    /// The relationship with every word.
    pub const ALL: Read = Read {
        words: Words::All,
        checkins: false,
        text: false,
    };

    /// Only the words of what is open (see [`Words`]).
    pub const OPEN: Read = Read {
        words: Words::Open,
        ..Read::ALL
    };

    /// The ids of its check-ins as well.
    pub const fn with_checkins(self) -> Read {
        Read {
            checkins: true,
            ..self
        }
    }

    /// The text of its file as well.
    pub const fn with_text(self) -> Read {
        Read { text: true, ..self }
    }
}

/// A relationship as [`Journal::read`] read it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub rel: Relationship,
    /// Its check-ins' ids, oldest first, when [`Read::checkins`] asked.
    pub checkins: Vec<CheckinId>,
    /// The text of its file, when [`Read::text`] asked.
    pub text: Option<String>,
}

impl Journal {
    /// Reads a relationship (and applies an interrupted check-in, if one is
    /// waiting, so that reports never miss it). Through the cache: a file
    /// that has not changed since it was last read is not parsed again,
    /// and the text, when asked for, is parsed only if the cache does not
    /// hold the relationship those very bytes say.
    pub fn read(&self, handle: &Handle, what: Read) -> Result<Loaded, Problem> {
        let mut entry = self.cache_entry(handle);
        let loaded = (|| {
            let (rel, text) = if what.text {
                let (rel, text) = entry.relationship_with_text()?;
                (rel, Some(text))
            } else {
                (entry.relationship(what.words)?, None)
            };
            let checkins = if what.checkins {
                entry.checkin_ids()?
            } else {
                Vec::new()
            };
            Ok(Loaded {
                rel,
                checkins,
                text,
            })
        })();
        entry.save();
        loaded.map(|mut loaded: Loaded| {
            loaded.rel = self.with_pending(handle, loaded.rel);
            loaded
        })
    }

    /// Reads a relationship with every word: [`Journal::read`] of
    /// [`Read::ALL`].
    pub fn load(&self, handle: &Handle) -> Result<Relationship, Problem> {
        self.read(handle, Read::ALL).map(|loaded| loaded.rel)
    }

    /// Reads a relationship's [`Brief`], what an overview of every
    /// relationship needs of it, through the cache (`.cache/journal`).
    pub fn brief(&self, handle: &Handle) -> Result<Brief, Problem> {
        if self.pending_for(handle).is_some() {
            // An interrupted check-in is applied to the relationship read.
            let loaded = self.read(handle, Read::OPEN.with_checkins())?;
            return Ok(Brief::of(loaded.rel, Meetings::of(&loaded.checkins)));
        }
        self.cached_brief(handle)
    }

    /// Reads a relationship without the cache, as its file says.
    pub(super) fn load_uncached(&self, handle: &Handle) -> Result<Relationship, Problem> {
        self.read_relationship(handle).map(|(rel, _)| rel)
    }

    pub(super) fn read_relationship(
        &self,
        handle: &Handle,
    ) -> Result<(Relationship, String), Problem> {
        self.read_relationship_with(handle, read_relationship_text)
    }

    /// Reads a relationship without the cache, with only the words its
    /// brief keeps (see [`super::quick::relationship_for_brief`]): to make
    /// its brief, and nothing else.
    pub(super) fn read_relationship_for_brief(
        &self,
        handle: &Handle,
    ) -> Result<Relationship, Problem> {
        let read = |path: &Path, text: &str| match super::quick::relationship_for_brief(text) {
            Some(rel) => Ok(rel),
            None => parse_relationship(path, text),
        };
        self.read_relationship_with(handle, read)
            .map(|(rel, _)| rel)
    }

    fn read_relationship_with(
        &self,
        handle: &Handle,
        read: impl Fn(&Path, &str) -> Result<Relationship, Problem>,
    ) -> Result<(Relationship, String), Problem> {
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
        let rel = read(&path, &text)?;
        Ok((rel, text))
    }

    /// A relationship with the check-in applied that an interrupted write
    /// left waiting, if it is this one's.
    pub(super) fn with_pending(&self, handle: &Handle, mut rel: Relationship) -> Relationship {
        if let Some((id, checkin)) = self.pending_for(handle) {
            rel.apply_checkin(id, &checkin);
        }
        rel
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
        let mut runs: Vec<&[(&Handle, CheckinId)]> = Vec::new();
        let mut rest = files;
        while let Some((first, _)) = rest.first() {
            let same = rest
                .iter()
                .take(RUN)
                .take_while(|(h, _)| h == first)
                .count();
            let (run, after) = rest.split_at(same);
            runs.push(run);
            rest = after;
        }
        par_map(&runs, |run| self.read_run(run, &f))
            .into_iter()
            .flatten()
            .collect()
    }

    /// Reads check-in files of one relationship (the handle of the first
    /// names the folder) through one opening of their folder, and hands
    /// each file's bytes to `f`, on this thread, in the order given.
    pub fn read_run<R>(
        &self,
        run: &[(&Handle, CheckinId)],
        f: impl Fn(CheckinRead<'_>) -> R,
    ) -> Vec<R> {
        let Some((first, _)) = run.first() else {
            return Vec::new();
        };
        let dir = self.checkins_dir(first);
        let folder = file::Folder::open(&dir);
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
            .collect()
    }

    /// Reads one check-in.
    pub fn load_checkin(&self, handle: &Handle, id: CheckinId) -> Result<CheckIn, Problem> {
        let path = self.checkin_path(handle, id);
        let text = read_text(&path)?;
        parse(&path, &text)
    }

    /// The interrupted check-in waiting for `handle`, if any.
    pub(super) fn pending_for(&self, handle: &Handle) -> Option<(CheckinId, CheckIn)> {
        let pending = self.pending.get_or_init(|| self.read_pending()).as_ref()?;
        if &pending.handle != handle {
            return None;
        }
        let id = CheckinId::parse(&pending.checkin)?;
        let checkin = self.load_checkin(handle, id).ok()?;
        Some((id, checkin))
    }

    pub(super) fn read_pending(&self) -> Option<Pending> {
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

/// Reads relationship.toml as [`parse_relationship`] does, quickly when
/// it keeps to the forms rel writes (see [`super::quick`]): for reading,
/// while a write's check of what it wrote is the full reader's.
pub(super) fn read_relationship_text(path: &Path, text: &str) -> Result<Relationship, Problem> {
    match super::quick::relationship(text) {
        Some(rel) => Ok(rel),
        None => parse_relationship(path, text),
    }
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
