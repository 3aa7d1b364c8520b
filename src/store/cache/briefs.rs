//! The overview's cache: `.cache/journal`, one file for the whole journal
//! holding each relationship's [`Brief`] and what an overview reads of its
//! newest check-in, so that `rel status` reads one file however many
//! relationships there are, and a first run writes one file, not one or
//! more for each of them.
//!
//! A relationship's entry holds the stamps of what it was made from — its
//! `relationship.toml` and its `checkins/` folder for the brief, the file
//! itself for the check-in — and is believed only while they are what the
//! file system says now and had settled when the entry was made (see
//! [`Stamp`]). The file is read whole, once, and written whole, renamed
//! into place, when a command made any entry; an entry it does not
//! replace is kept as it was. Anything odd in the file reads as no entry.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::{self, Metadata};
use std::io::{self, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::NaiveDate;

use super::codec::{Code, In, Out, Words};
use super::{Stamp, begun, make_cache_dir, now, opened, sealed};
use crate::model::{Brief, CheckIn, CheckinId, Handle, Meetings};
use crate::problem::Problem;
use crate::store::Journal;
use crate::store::file::{self, TMP_PREFIX, TMP_SUFFIX, parse};

/// The file's name in the cache folder.
const FILE: &str = "journal";

const MAGIC: &[u8; 8] = b"relbrief";

/// `.cache/journal` as read, and the entries made since.
#[derive(Default)]
pub struct Briefs {
    bytes: Vec<u8>,
    /// Where each relationship's entry lies in `bytes`, sorted by handle.
    kept: Vec<Kept>,
    made: Mutex<BTreeMap<Handle, Made>>,
}

/// A relationship's entry as read: where its handle and its two parts
/// (each empty when there is none) lie in the file.
#[derive(Debug, Clone)]
struct Kept {
    handle: Range<usize>,
    brief: Range<usize>,
    checkin: Range<usize>,
}

/// The parts of a relationship's entry made by this command.
#[derive(Debug, Default)]
struct Made {
    brief: Option<Vec<u8>>,
    checkin: Option<Vec<u8>>,
}

impl fmt::Debug for Briefs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Briefs")
            .field("bytes", &self.bytes.len())
            .field("kept", &self.kept.len())
            .finish_non_exhaustive()
    }
}

/// A brief's part of an entry, decoded.
struct BriefPart<'a> {
    file: Stamp,
    folder: Stamp,
    seen: i128,
    /// The encoded [`Brief`].
    body: &'a [u8],
}

impl Briefs {
    /// The cache file in `dir`, or none when there is none or it is not
    /// one this rel wrote whole.
    fn read(dir: Option<&Path>) -> Briefs {
        let Some(bytes) = dir.and_then(|dir| file::read_bytes(&dir.join(FILE)).ok()) else {
            return Briefs::default();
        };
        match index(&bytes) {
            Some(kept) => Briefs {
                bytes,
                kept,
                made: Mutex::default(),
            },
            None => Briefs::default(),
        }
    }

    fn kept(&self, handle: &Handle) -> Option<&Kept> {
        let name = handle.as_str().as_bytes();
        let at = self
            .kept
            .binary_search_by(|k| self.slice(&k.handle).cmp(name))
            .ok()?;
        self.kept.get(at)
    }

    fn slice(&self, range: &Range<usize>) -> &[u8] {
        self.bytes.get(range.clone()).unwrap_or_default()
    }

    fn brief_part(&self, handle: &Handle) -> Option<BriefPart<'_>> {
        let part = self.slice(&self.kept(handle)?.brief);
        let mut input = In::new(part);
        let file = Stamp::get(&mut input)?;
        let folder = Stamp::get(&mut input)?;
        let seen = input.i128()?;
        let body = part.get(input.at()..)?;
        Some(BriefPart {
            file,
            folder,
            seen,
            body,
        })
    }

    /// The check-in part of an entry: its id, stamp and when it was seen,
    /// and what the overview reads of it.
    fn checkin_part(&self, handle: &Handle) -> Option<(CheckinId, Stamp, i128, CheckIn)> {
        let mut input = In::new(self.slice(&self.kept(handle)?.checkin));
        let id = CheckinId::get(&mut input)?;
        let stamp = Stamp::get(&mut input)?;
        let seen = input.i128()?;
        let checkin = get_checkin(&mut input)?;
        input.is_empty().then_some((id, stamp, seen, checkin))
    }

    fn made(&self) -> MutexGuard<'_, BTreeMap<Handle, Made>> {
        self.made.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The whole file: every entry kept, with the parts made in place of
    /// the ones read.
    fn encode(&self, made: &BTreeMap<Handle, Made>) -> Vec<u8> {
        let mut entries: BTreeMap<&[u8], [&[u8]; 2]> = self
            .kept
            .iter()
            .map(|k| {
                (
                    self.slice(&k.handle),
                    [self.slice(&k.brief), self.slice(&k.checkin)],
                )
            })
            .collect();
        for (handle, parts) in made {
            let entry = entries.entry(handle.as_str().as_bytes()).or_default();
            if let Some(brief) = &parts.brief {
                entry[0] = brief;
            }
            if let Some(checkin) = &parts.checkin {
                entry[1] = checkin;
            }
        }
        let mut out = begun(MAGIC);
        out.len(entries.len());
        for (handle, [brief, checkin]) in entries {
            out.bytes(handle);
            out.bytes(brief);
            out.bytes(checkin);
        }
        sealed(out)
    }
}

/// Where the entries of a cache file this rel wrote whole lie, or nothing.
fn index(bytes: &[u8]) -> Option<Vec<Kept>> {
    let mut input = opened(bytes, MAGIC)?;
    let count = input.len()?;
    let mut kept = Vec::with_capacity(count.min(bytes.len()));
    let range = |input: &mut In<'_>| {
        let len = input.len()?;
        let start = input.at();
        input.take(len)?;
        Some(start..start + len)
    };
    for _ in 0..count {
        kept.push(Kept {
            handle: range(&mut input)?,
            brief: range(&mut input)?,
            checkin: range(&mut input)?,
        });
    }
    let sorted = kept
        .windows(2)
        .all(|w| bytes.get(w[0].handle.clone()) < bytes.get(w[1].handle.clone()));
    (input.is_empty() && sorted).then_some(kept)
}

/// What an overview reads of a check-in: when it was held, whether it
/// reviewed the relationship, and the next meeting it planned.
fn overview_of(checkin: CheckIn) -> CheckIn {
    CheckIn {
        review: checkin.review,
        next: checkin.next,
        ..CheckIn::new(checkin.date)
    }
}

fn put_checkin(checkin: &CheckIn, out: &mut Out) {
    checkin.date.put(out);
    checkin.review.put(out);
    checkin.next.put(out);
}

fn get_checkin(input: &mut In<'_>) -> Option<CheckIn> {
    let date = NaiveDate::get(input)?;
    let review = bool::get(input)?;
    let next = Option::<NaiveDate>::get(input)?;
    Some(CheckIn {
        review,
        next,
        ..CheckIn::new(date)
    })
}

/// The stamp of a file, if it is one.
fn file_stamp(path: &Path) -> Option<Stamp> {
    fs::symlink_metadata(path)
        .ok()
        .filter(Metadata::is_file)
        .map(|m| Stamp::of(&m))
}

impl Journal {
    fn briefs(&self) -> &Briefs {
        self.briefs.get_or_init(|| Briefs::read(self.cache_dir()))
    }

    /// A relationship's [`Brief`]: from `.cache/journal` while neither its
    /// file nor its `checkins/` folder has changed since the brief was
    /// made; else made from them — its file parsed only if it changed, its
    /// folder listed afresh — and kept.
    pub(in crate::store) fn cached_brief(&self, handle: &Handle) -> Result<Brief, Problem> {
        // Both looked at before either is read: a brief is never kept
        // under a stamp older than what it was made from.
        let seen = now();
        let file = file_stamp(&self.relationship_path(handle));
        let dir = self.checkins_dir(handle);
        let folder = match fs::symlink_metadata(&dir) {
            Ok(meta) if meta.is_dir() => Some(Stamp::of(&meta)),
            // No check-ins yet: the first one makes the folder.
            Err(e) if e.kind() == io::ErrorKind::NotFound => Some(Stamp::MISSING),
            // Something else where the folder should be: no brief vouches
            // for it.
            _ => None,
        };
        let briefs = self.briefs();
        let kept = briefs
            .brief_part(handle)
            .filter(|part| Some(part.file) == file && part.file.settled(part.seen));
        if let Some(part) = &kept
            && Some(part.folder) == folder
            && part.folder.settled(part.seen)
            && let Some(brief) = decode_brief(part.body)
        {
            return Ok(brief);
        }
        let meetings = Meetings::of(&self.list_checkins(&dir)?);
        let brief = match kept.and_then(|part| decode_brief(part.body)) {
            // The same file, a changed folder: only the meetings are new.
            Some(old) => Brief { meetings, ..old },
            None => Brief::of(self.read_relationship_for_brief(handle)?, meetings),
        };
        if let (Some(file), Some(folder)) = (file, folder)
            && file.settled(seen)
            && folder.settled(seen)
        {
            let mut out = Out::new(Words::All);
            file.put(&mut out);
            folder.put(&mut out);
            out.i128(seen);
            brief.put(&mut out);
            briefs.made().entry(handle.clone()).or_default().brief = Some(out.bytes);
        }
        Ok(brief)
    }

    /// The newest check-in held by `day` among a brief's meetings, as an
    /// overview reads it: when it was held, whether it reviewed the
    /// relationship and the next meeting it planned, none of its words.
    /// It is kept in `.cache/journal`, and read from there while its file
    /// has not changed since.
    pub fn newest_checkin(
        &self,
        handle: &Handle,
        brief: &Brief,
        day: NaiveDate,
    ) -> Option<Result<(CheckinId, CheckIn), Problem>> {
        let id = brief.meetings.last_by(day)?;
        let path = self.checkin_path(handle, id);
        let seen = now();
        let briefs = self.briefs();
        let kept = briefs.checkin_part(handle);
        if let Some((kept, stamp, when, checkin)) = &kept
            && *kept == id
            && stamp.settled(*when)
            && file_stamp(&path) == Some(*stamp)
        {
            return Some(Ok((id, checkin.clone())));
        }
        let read = (|| {
            let (bytes, meta) = file::read_file(&path)?;
            let text = file::text_of(&path, bytes)?;
            Ok((overview_of(parse(&path, &text)?), Stamp::of(&meta)))
        })();
        let (checkin, stamp) = match read {
            Ok(read) => read,
            Err(problem) => return Some(Err(problem)),
        };
        // One asked for as of an earlier day does not take the place of
        // the newest of all.
        let newest = brief.meetings.last_by(NaiveDate::MAX);
        let newer_kept = kept.is_some_and(|(kept, ..)| kept > id && Some(kept) == newest);
        if stamp.settled(seen) && !newer_kept {
            let mut out = Out::new(Words::All);
            id.put(&mut out);
            stamp.put(&mut out);
            out.i128(seen);
            put_checkin(&checkin, &mut out);
            briefs.made().entry(handle.clone()).or_default().checkin = Some(out.bytes);
        }
        Some(Ok((id, checkin)))
    }

    /// Writes `.cache/journal` if this command made any entry of it. A
    /// journal that cannot be written to simply has no cache.
    pub(in crate::store) fn save_briefs(&self) {
        let Some(briefs) = self.briefs.get() else {
            return;
        };
        let made = briefs.made();
        if made.is_empty() {
            return;
        }
        let Some(dir) = self.cache_dir() else {
            return;
        };
        if fs::symlink_metadata(dir).is_err() && make_cache_dir(dir).is_err() {
            return;
        }
        let _ = write(dir, &briefs.encode(&made));
    }
}

/// The file's bytes, renamed into place whole, not synced: a cache lost in
/// a crash is rebuilt, and a torn one fails its checksum.
fn write(dir: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(dir.join(FILE)).map(|_| ()).map_err(|e| e.error)
}

fn decode_brief(body: &[u8]) -> Option<Brief> {
    let mut input = In::new(body);
    let brief = Brief::get(&mut input)?;
    input.is_empty().then_some(brief)
}

impl Drop for Journal {
    /// The overview's cache is written once, when the command is done with
    /// the journal.
    fn drop(&mut self) {
        self.save_briefs();
    }
}
