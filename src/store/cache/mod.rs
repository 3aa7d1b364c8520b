//! The cache: what each `relationship.toml` parsed into and the names in
//! its `checkins/` folder, and (in [`briefs`]) the brief an overview reads
//! of the two, kept in `<journal>/.cache/` so that a command reading every
//! relationship costs what reading costs, not what parsing TOML costs, and
//! an overview costs the same however long the history.
//!
//! It is never the source of truth and never trusted blindly. An entry
//! holds the file's stat (device, inode, size, modified and changed
//! times) and a hash of its bytes. While the stat matches and the file
//! last changed well before the entry was made, the stat vouches for it:
//! any later write, a hand edit, a `git pull`, even a tool that puts the
//! modified time back, moves the changed time. A file that changed within
//! [`SETTLED`] of being read may change again within the same tick of a
//! coarse clock, so its bytes are read and compared with the hash instead.
//! Anything else — a missing, torn, foreign or older entry — is a miss:
//! the file is parsed as if there were no cache, and the entry rewritten.
//! Writing the cache never fails a command.

pub mod briefs;
pub mod codec;

use std::fs::{self, Metadata};
use std::hash::Hasher;
use std::io::{self, Write};
use std::ops::Range;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub use codec::Words;
use codec::{Code, In, Out};

use super::Journal;
use super::file::{DIR_MODE, FILE_MODE, TMP_PREFIX, TMP_SUFFIX};
use super::read::read_relationship_text;
use crate::model::{CheckinId, Handle, Relationship};
use crate::problem::Problem;

/// The cache's folder in the journal.
pub const CACHE_DIR: &str = ".cache";

/// The version of the entries' layout and of [`codec`]: bump it whenever
/// either changes, and every older entry becomes a miss.
const FORMAT: u32 = 7;

const MAGIC: &[u8; 8] = b"relcache";

/// How long after its last change a file's stat alone can vouch for its
/// bytes: longer than the coarsest file-system clock (FAT's two seconds).
const SETTLED: Duration = Duration::from_secs(3);

/// What the cache folder holds besides the entries: git and backup tools
/// leave it alone.
const GITIGNORE: &str = "# rel's cache: rebuilt whenever it is missing or stale\n*\n";
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n# This file marks rel's cache; it is rebuilt when missing.\n";

/// A version of a file or folder, as its stat tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    dev: u64,
    ino: u64,
    size: u64,
    modified: i128,
    changed: i128,
}

impl Stamp {
    /// The stamp of a folder that is not there: no folder has inode 0.
    const MISSING: Stamp = Stamp {
        dev: 0,
        ino: 0,
        size: 0,
        modified: 0,
        changed: 0,
    };

    fn of(meta: &Metadata) -> Stamp {
        let nanos = |secs: i64, ns: i64| i128::from(secs) * 1_000_000_000 + i128::from(ns);
        Stamp {
            dev: meta.dev(),
            ino: meta.ino(),
            size: meta.size(),
            modified: nanos(meta.mtime(), meta.mtime_nsec()),
            changed: nanos(meta.ctime(), meta.ctime_nsec()),
        }
    }

    /// Whether the file had last changed long enough before `seen` that
    /// any later change must show in its times.
    fn settled(&self, seen: i128) -> bool {
        let before = seen - SETTLED.as_nanos() as i128;
        self.modified < before && self.changed < before
    }

    fn put(&self, out: &mut Out) {
        out.u64(self.dev);
        out.u64(self.ino);
        out.u64(self.size);
        out.i128(self.modified);
        out.i128(self.changed);
    }

    fn get(input: &mut In<'_>) -> Option<Stamp> {
        Some(Stamp {
            dev: input.u64()?,
            ino: input.u64()?,
            size: input.u64()?,
            modified: input.i128()?,
            changed: input.i128()?,
        })
    }
}

/// Now, in nanoseconds since 1970, as file times are kept.
fn now() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

/// One cached thing: the stamp of the file or folder it came from, when
/// that was read, a hash of the file's bytes (for a relationship) and the
/// encoded value.
#[derive(Debug, Clone)]
struct Part {
    stamp: Stamp,
    seen: i128,
    hash: u64,
    body: Body,
}

/// An encoded value: where it lies in the cache file as read (not copied
/// out of it), or made just now.
#[derive(Debug, Clone)]
enum Body {
    Read(Range<usize>),
    New(Vec<u8>),
}

impl Part {
    fn body<'a>(&'a self, file: &'a [u8]) -> &'a [u8] {
        match &self.body {
            Body::Read(range) => file.get(range.clone()).unwrap_or_default(),
            Body::New(bytes) => bytes,
        }
    }
}

/// One file of the cache: a header, a few parts, each there or not, and a
/// checksum.
#[derive(Default)]
struct CacheFile {
    bytes: Vec<u8>,
    parts: Vec<Option<Part>>,
    changed: bool,
}

impl CacheFile {
    /// The cache file at `path`, with its `count` parts; empty when there
    /// is none or it is not one this rel wrote whole.
    fn empty(count: usize) -> CacheFile {
        CacheFile {
            parts: vec![None; count],
            ..CacheFile::default()
        }
    }

    fn read(path: &Path, count: usize) -> CacheFile {
        let mut file = CacheFile::empty(count);
        if let Ok(bytes) = super::file::read_bytes(path)
            && let Some(parts) = parse_parts(&bytes, count)
        {
            file.bytes = bytes;
            file.parts = parts;
        }
        file
    }

    fn part(&self, n: usize) -> Option<&Part> {
        self.parts.get(n)?.as_ref()
    }

    fn body(&self, n: usize) -> Option<&[u8]> {
        self.part(n).map(|p| p.body(&self.bytes))
    }

    fn set(&mut self, n: usize, part: Part) {
        if let Some(slot) = self.parts.get_mut(n) {
            *slot = Some(part);
            self.changed = true;
        }
    }

    /// The file's bytes: renamed into place whole, not synced (a cache
    /// lost in a crash is rebuilt, and a torn one fails its checksum).
    fn write(&self, dir: &Path, name: &str) -> io::Result<()> {
        let mut out = begun(MAGIC);
        for part in &self.parts {
            match part {
                None => out.u8(0),
                Some(part) => {
                    out.u8(1);
                    part.stamp.put(&mut out);
                    out.i128(part.seen);
                    out.u64(part.hash);
                    out.bytes(part.body(&self.bytes));
                }
            }
        }
        let bytes = sealed(out);
        let mut tmp = tempfile::Builder::new()
            .prefix(TMP_PREFIX)
            .suffix(TMP_SUFFIX)
            .tempfile_in(dir)?;
        tmp.write_all(&bytes)?;
        tmp.persist(dir.join(name)).map(|_| ()).map_err(|e| e.error)
    }
}

/// A cache file begun: its magic, its format and the rel that writes it.
fn begun(magic: &[u8; 8]) -> Out {
    let mut out = Out::new(Words::All);
    out.bytes.extend_from_slice(magic);
    out.u32(FORMAT);
    out.bytes(env!("CARGO_PKG_VERSION").as_bytes());
    out
}

/// A cache file ended: the checksum of all before it.
fn sealed(mut out: Out) -> Vec<u8> {
    let sum = checksum(&out.bytes);
    out.u64(sum);
    out.bytes
}

/// What follows the beginning of a cache file that this rel wrote whole
/// (its checksum right, its magic, format and rel this one's), read from
/// the start of the file (so that [`In::at`] counts from there), or
/// nothing.
fn opened<'a>(bytes: &'a [u8], magic: &[u8; 8]) -> Option<In<'a>> {
    let (content, sum) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
    if checksum(content).to_le_bytes() != *sum {
        return None;
    }
    let mut input = In::new(content);
    (input.take(magic.len())? == magic
        && input.u32()? == FORMAT
        && input.bytes()? == env!("CARGO_PKG_VERSION").as_bytes())
    .then_some(input)
}

/// The parts of a cache file this rel wrote whole, or nothing.
fn parse_parts(bytes: &[u8], count: usize) -> Option<Vec<Option<Part>>> {
    let mut input = opened(bytes, MAGIC)?;
    let mut parts = Vec::with_capacity(count);
    for _ in 0..count {
        parts.push(match input.u8()? {
            0 => None,
            1 => {
                let stamp = Stamp::get(&mut input)?;
                let seen = input.i128()?;
                let hash = input.u64()?;
                let len = input.len()?;
                let start = input.at();
                input.take(len)?;
                Some(Part {
                    stamp,
                    seen,
                    hash,
                    body: Body::Read(start..start + len),
                })
            }
            _ => return None,
        });
    }
    input.is_empty().then_some(parts)
}

/// A relationship's cache files, `.cache/<handle><suffix>`, each read
/// only when something it holds is wanted.
#[derive(Debug, Clone, Copy)]
enum Kept {
    /// `.cache/<handle>`: the names in `checkins/` ([`CHECKINS`]), and the
    /// relationship with the words of its open items ([`OPEN`]).
    Open,
    /// `.cache/<handle>.full`: the relationship with every word.
    Full,
}

const CHECKINS: usize = 0;
const OPEN: usize = 1;

impl Kept {
    const ALL: [Kept; 2] = [Kept::Open, Kept::Full];

    fn suffix(self) -> &'static str {
        match self {
            Kept::Open => "",
            Kept::Full => ".full",
        }
    }

    fn parts(self) -> usize {
        match self {
            Kept::Open => 2,
            Kept::Full => 1,
        }
    }
}

/// A relationship's cache entry: its files read when asked, written back
/// if anything in them changed.
pub struct Entry<'j> {
    journal: &'j Journal,
    handle: Handle,
    files: [Option<CacheFile>; 2],
}

impl Journal {
    /// The cache's folder: `None` when something other than a folder (a
    /// link, a file) sits where it would be, and there is no cache.
    fn cache_dir(&self) -> Option<&Path> {
        self.cache
            .get_or_init(|| {
                let dir = self.root().join(CACHE_DIR);
                match fs::symlink_metadata(&dir) {
                    Ok(meta) if !meta.is_dir() => None,
                    _ => Some(dir),
                }
            })
            .as_deref()
    }

    /// The cache entry of a relationship.
    pub(super) fn cache_entry(&self, handle: &Handle) -> Entry<'_> {
        Entry {
            journal: self,
            handle: handle.clone(),
            files: [None, None],
        }
    }
}

impl Entry<'_> {
    fn name(&self, kept: Kept) -> String {
        format!("{}{}", self.handle, kept.suffix())
    }

    /// One of the cache files, read the first time it is wanted.
    fn file(&mut self, kept: Kept) -> &mut CacheFile {
        let path = self
            .journal
            .cache_dir()
            .map(|dir| dir.join(self.name(kept)));
        self.files[kept as usize].get_or_insert_with(|| match path {
            Some(path) => CacheFile::read(&path, kept.parts()),
            None => CacheFile::empty(kept.parts()),
        })
    }

    /// The cache file and part that hold the relationship with `words`.
    fn holding(&mut self, words: Words) -> (&mut CacheFile, usize) {
        match words {
            Words::Open => (self.file(Kept::Open), OPEN),
            Words::All => (self.file(Kept::Full), 0),
        }
    }

    /// The relationship as its file says now (before any interrupted
    /// check-in is applied), from the cache when the cache can vouch for
    /// the file, else parsed and remembered.
    pub fn relationship(&mut self, words: Words) -> Result<Relationship, Problem> {
        let path = self.journal.relationship_path(&self.handle);
        let seen = now();
        let stat = fs::symlink_metadata(&path).ok().filter(Metadata::is_file);
        let (file, n) = self.holding(words);
        if let (Some(part), Some(stat)) = (file.part(n), &stat)
            && part.stamp == Stamp::of(stat)
            && part.stamp.settled(part.seen)
            && let Some(rel) = file.body(n).and_then(decode)
        {
            return Ok(rel);
        }
        // Read the bytes: to compare with a recent entry, or to parse.
        let Ok((bytes, meta)) = super::file::read_file(&path) else {
            return self.journal.load_uncached(&self.handle);
        };
        let stamp = Stamp::of(&meta);
        let hash = hash(&bytes);
        let (file, n) = self.holding(words);
        if let Some(part) = file.part(n).filter(|p| p.hash == hash)
            && let Some(rel) = file.body(n).and_then(decode)
        {
            // The same bytes, read later (or put back by git): from now on
            // the stat may vouch for them.
            let part = Part {
                stamp,
                seen,
                ..part.clone()
            };
            file.set(n, part);
            return Ok(rel);
        }
        let text = super::file::text_of(&path, bytes)?;
        let rel = read_relationship_text(&path, &text)?;
        self.remember(&rel, stamp, seen, hash);
        Ok(rel)
    }

    /// The relationship and the text of its file, read now, for a change:
    /// parsed only when the bytes are not the ones the cache holds.
    pub fn relationship_with_text(&mut self) -> Result<(Relationship, String), Problem> {
        let seen = now();
        let path = self.journal.relationship_path(&self.handle);
        let Ok((bytes, meta)) = super::file::read_file(&path) else {
            return self.journal.read_relationship(&self.handle);
        };
        let stamp = Stamp::of(&meta);
        let hash = hash(&bytes);
        let text = super::file::text_of(&path, bytes)?;
        let full = self.file(Kept::Full);
        if let Some(part) = full.part(0).filter(|p| p.hash == hash)
            && let Some(rel) = full.body(0).and_then(decode)
        {
            if part.stamp != stamp {
                let part = Part {
                    stamp,
                    seen,
                    ..part.clone()
                };
                full.set(0, part);
            }
            return Ok((rel, text));
        }
        let rel = read_relationship_text(&path, &text)?;
        self.remember(&rel, stamp, seen, hash);
        Ok((rel, text))
    }

    /// Keeps both forms of a relationship just parsed, whichever was asked
    /// for: the next command may want the other.
    fn remember(&mut self, rel: &Relationship, stamp: Stamp, seen: i128, hash: u64) {
        let brief = encoded(rel, Words::Open, stamp, seen, hash);
        self.file(Kept::Open).set(OPEN, brief);
        let full = encoded(rel, Words::All, stamp, seen, hash);
        self.files[Kept::Full as usize] = Some(CacheFile {
            bytes: Vec::new(),
            parts: vec![Some(full)],
            changed: true,
        });
    }

    /// The names in the relationship's `checkins/` folder, as
    /// [`Journal::checkin_ids`] lists them, from the cache when the
    /// folder has not changed since it was listed.
    pub fn checkin_ids(&mut self) -> Result<Vec<CheckinId>, Problem> {
        let dir = self.journal.checkins_dir(&self.handle);
        let seen = now();
        let Some(stamp) = fs::symlink_metadata(&dir)
            .ok()
            .filter(Metadata::is_dir)
            .map(|m| Stamp::of(&m))
        else {
            return self.journal.list_checkins(&dir);
        };
        let cached = self.file(Kept::Open);
        if cached.part(CHECKINS).is_some_and(|p| p.stamp == stamp)
            && let Some(ids) = cached
                .body(CHECKINS)
                .and_then(|body| Vec::<CheckinId>::get(&mut In::new(body)))
        {
            return Ok(ids);
        }
        let ids = self.journal.list_checkins(&dir)?;
        // A folder that changed moments ago may change again unseen: it is
        // listed afresh until it has settled.
        if stamp.settled(seen) {
            let mut out = Out::new(Words::All);
            ids.put(&mut out);
            self.file(Kept::Open).set(
                CHECKINS,
                Part {
                    stamp,
                    seen,
                    hash: 0,
                    body: Body::New(out.bytes),
                },
            );
        }
        Ok(ids)
    }

    /// Writes back what changed. A journal that cannot be written to
    /// simply has no cache.
    pub fn save(self) {
        let Some(dir) = self.journal.cache_dir() else {
            return;
        };
        let changed = |kept: Kept| self.files[kept as usize].as_ref().filter(|f| f.changed);
        if Kept::ALL.iter().all(|k| changed(*k).is_none())
            || (fs::symlink_metadata(dir).is_err() && make_cache_dir(dir).is_err())
        {
            return;
        }
        for kept in Kept::ALL {
            if let Some(file) = changed(kept) {
                let _ = file.write(dir, &self.name(kept));
            }
        }
    }
}

fn encoded(rel: &Relationship, words: Words, stamp: Stamp, seen: i128, hash: u64) -> Part {
    let mut out = Out::new(words);
    rel.put(&mut out);
    Part {
        stamp,
        seen,
        hash,
        body: Body::New(out.bytes),
    }
}

fn make_cache_dir(dir: &Path) -> io::Result<()> {
    match fs::DirBuilder::new().mode(DIR_MODE).create(dir) {
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
        _ => {}
    }
    for (name, text) in [(".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)] {
        fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(FILE_MODE)
            .open(dir.join(name))?
            .write_all(text.as_bytes())?;
    }
    Ok(())
}

fn decode(body: &[u8]) -> Option<Relationship> {
    let mut input = In::new(body);
    let rel = Relationship::get(&mut input)?;
    input.is_empty().then_some(rel)
}

/// A hash of a file's bytes, to tell one version of it from another.
fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(bytes);
    hasher.write_usize(bytes.len());
    hasher.finish()
}

/// A quick sum of an entry's bytes, eight at a time, that a torn or
/// truncated write fails: not a hash to tell texts apart.
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut sum = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        sum = (sum.rotate_left(23) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    for b in words.remainder() {
        sum = (sum.rotate_left(23) ^ u64::from(*b)).wrapping_mul(K);
    }
    sum ^ (sum >> 29)
}
