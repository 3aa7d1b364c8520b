//! Reading and writing one file safely: refuse what is not a plain file
//! or not text, write through a synced temporary file and a rename.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rustix::fs::OFlags;
use serde::de::DeserializeOwned;

use crate::problem::Problem;

/// Journal files larger than this are refused rather than read.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

pub const DIR_MODE: u32 = 0o700;
pub const FILE_MODE: u32 = 0o600;

/// Prefix and suffix of temporary files; loaders skip them.
pub const TMP_PREFIX: &str = ".rel-";
pub const TMP_SUFFIX: &str = ".tmp";

pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX)
}

/// Reads a journal file as text: only a regular file (never through a
/// symbolic link), of a sane size, valid UTF-8, with no NUL bytes and no
/// unresolved merge conflict.
pub fn read_text(path: &Path) -> Result<String, Problem> {
    text_of(path, read_bytes(path)?)
}

/// How many files rel opened to read, and folders it listed: what a
/// command costs, in a number that does not depend on the machine. Tests
/// read them (`REL_TEST_IO`, see [`io_counts`]).
static OPENED: AtomicUsize = AtomicUsize::new(0);
static LISTED: AtomicUsize = AtomicUsize::new(0);

/// Files opened to read and folders listed so far by this process.
pub fn io_counts() -> (usize, usize) {
    (
        OPENED.load(Ordering::Relaxed),
        LISTED.load(Ordering::Relaxed),
    )
}

/// Lists a folder (every listing of the journal goes through here).
pub fn list_dir(dir: &Path) -> io::Result<fs::ReadDir> {
    LISTED.fetch_add(1, Ordering::Relaxed);
    fs::read_dir(dir)
}

/// Reads a journal file's bytes: only a regular file (never through a
/// symbolic link) of a sane size. `rel edit` opens files that are not
/// (yet) good text, so this is separate from [`read_text`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Problem> {
    read_file(path).map(|(bytes, _)| bytes)
}

/// [`read_bytes`], with the file's metadata (for `rel check`, which also
/// judges its permissions, without asking the file system twice).
pub fn read_file(path: &Path) -> Result<(Vec<u8>, fs::Metadata), Problem> {
    OPENED.fetch_add(1, Ordering::Relaxed);
    // Open first and ask the open file what it is: one path lookup, not
    // two. O_NOFOLLOW refuses a link; O_NONBLOCK keeps a FIFO from hanging
    // the open, and it is refused below as not a regular file.
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| open_problem(path, &e))?;
    read_opened(&file, path)
}

/// A folder opened once to read many files in it by name: the folder's
/// path is looked up once, not once a file (a third of the cost of
/// reading thousands of small files).
pub struct Folder {
    fd: OwnedFd,
}

impl Folder {
    pub fn open(dir: &Path) -> io::Result<Folder> {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
        let fd = rustix::fs::open(dir, flags, rustix::fs::Mode::empty())?;
        Ok(Folder { fd })
    }

    /// Reads the file `name` in this folder as [`read_file`] reads `path`
    /// (which names it in problems).
    pub fn read_file(&self, name: &str, path: &Path) -> Result<(Vec<u8>, fs::Metadata), Problem> {
        OPENED.fetch_add(1, Ordering::Relaxed);
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
        let file = rustix::fs::openat(&self.fd, name, flags, rustix::fs::Mode::empty())
            .map(File::from)
            .map_err(|e| open_problem(path, &io::Error::from(e)))?;
        read_opened(&file, path)
    }
}

fn open_problem(path: &Path, err: &io::Error) -> Problem {
    match err.raw_os_error() {
        Some(libc::ELOOP) => Problem::error(
            path,
            "is a symbolic link; rel does not follow links inside the journal",
        ),
        _ => read_problem(path, err),
    }
}

/// Reads an open file, if it is a regular file of a sane size.
fn read_opened(file: &File, path: &Path) -> Result<(Vec<u8>, fs::Metadata), Problem> {
    let meta = file.metadata().map_err(|e| read_problem(path, &e))?;
    if !meta.is_file() {
        return Err(Problem::error(path, "is not a regular file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Problem::error(
            path,
            format!(
                "is {:.1} MB; rel reads journal files of up to {} MB",
                meta.len() as f64 / 1e6,
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    // One read brings a regular file's bytes, one more than its size asked
    // for: a read that comes back with exactly its size has reached the
    // end, without a second read to be told so. A file that grew since is
    // read on to the limit.
    let size = meta.len() as usize;
    let mut bytes = vec![0; size + 1];
    let mut filled = 0;
    loop {
        match Read::read(&mut &*file, &mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_problem(path, &e)),
        }
        if filled == size {
            break;
        }
        if filled == bytes.len() {
            Read::by_ref(&mut &*file)
                .take(MAX_FILE_BYTES + 1 - filled as u64)
                .read_to_end(&mut bytes)
                .map_err(|e| read_problem(path, &e))?;
            filled = bytes.len();
            break;
        }
    }
    bytes.truncate(filled);
    Ok((bytes, meta))
}

fn read_problem(path: &Path, err: &io::Error) -> Problem {
    Problem::error(
        path,
        format!("cannot read: {}", crate::error::io_reason(err)),
    )
}

/// Checks that bytes are text a person could have written.
pub fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, Problem> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let good = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..good]).into_owned();
            return Err(Problem::error(path, "is not valid UTF-8 text").at(&prefix, good));
        }
    };
    if let Some(at) = memchr(0, text.as_bytes()) {
        return Err(Problem::error(path, "contains a NUL byte; is it a text file?").at(&text, at));
    }
    Ok(text)
}

/// A file that does not parse because git left conflict markers in it
/// says so, at the first marker. (Markers inside a string that parses are
/// the person's words, and are left alone.)
pub fn conflict_problem(path: &Path, text: &str) -> Option<Problem> {
    let at = conflict_marker(text)?;
    Some(
        Problem::error(
            path,
            "unresolved merge conflict: keep the lines you want, delete the <<<<<<< ======= >>>>>>> markers",
        )
        .at(text, at),
    )
}

/// The offset of the first line that is a git conflict marker. Only lines
/// that start with `<`, `=` or `>` are looked at closely.
pub fn conflict_marker(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        if matches!(bytes[start], b'<' | b'=' | b'>') {
            let bare = text.get(start..end).unwrap_or("").trim_end_matches('\r');
            let marker = |m: &str| {
                bare.strip_prefix(m)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            };
            if marker("<<<<<<<") || marker(">>>>>>>") || bare == "=======" {
                return Some(start);
            }
        }
        start = end + 1;
    }
    None
}

/// The first `needle` in `haystack`, eight bytes at a time: every byte of
/// every journal file is looked at this way.
fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * u64::from(needle);
    let mut chunks = haystack.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word) ^ pattern;
        if w.wrapping_sub(ONES) & !w & HIGHS != 0
            && let Some(i) = chunk.iter().position(|b| *b == needle)
        {
            return Some(at + i);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| *b == needle)
        .map(|i| at + i)
}

/// Parses TOML text into `T`, reporting any problem at its line and column.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Problem> {
    toml::from_str(text).map_err(|err| toml_problem(path, text, &err))
}

pub fn toml_problem(path: &Path, text: &str, err: &toml::de::Error) -> Problem {
    if let Some(conflict) = conflict_problem(path, text) {
        return conflict;
    }
    let message = err.message().trim().replace('\n', " ");
    match (err.span(), too_deep(text)) {
        (Some(span), _) => Problem::error(path, message).at(text, span.start),
        // The TOML reader stops at a dotted key or table header of more
        // than 80 parts, and says only "recursion limit": rel finds it.
        (None, Some((at, parts))) => Problem::error(
            path,
            format!("nested too deep: a key or table header of {parts} dotted parts (TOML readers take up to {DOTTED_PARTS})"),
        )
        .at(text, at),
        (None, None) => Problem::error(path, message),
    }
}

/// The most dotted parts a key or a table header may have.
const DOTTED_PARTS: usize = 80;

/// The first key or table header with more dotted parts than TOML
/// readers take: where it starts, and how many parts it has.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let at = start + (line.len() - line.trim_start().len());
        start += line.len();
        let line = line.trim_start();
        let key = match line.strip_prefix('[') {
            Some(header) => header.split(']').next(),
            None => line.split_once('=').map(|(key, _)| key),
        };
        let parts = key.map_or(0, |k| k.matches('.').count() + 1);
        if parts > DOTTED_PARTS {
            return Some((at, parts));
        }
    }
    None
}

/// Whether to replace an existing file or insist on creating a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Replace,
    CreateNew,
}

/// Writes `bytes` to `dir/name` so that the name only ever holds the old
/// bytes or the new ones: a temporary file in the same folder, fsync,
/// rename, fsync the folder.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8], mode: Mode) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .permissions(fs::Permissions::from_mode(FILE_MODE))
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file()
        .set_permissions(fs::Permissions::from_mode(FILE_MODE))?;
    tmp.as_file().sync_all()?;
    failpoint("after-temp-write");
    let target = dir.join(name);
    match mode {
        Mode::Replace => {
            tmp.persist(&target).map_err(|e| e.error)?;
        }
        Mode::CreateNew => {
            tmp.persist_noclobber(&target).map_err(|e| e.error)?;
        }
    }
    failpoint("after-rename");
    sync_dir(dir)
}

/// Makes sure a folder's entries (a rename, a new file) are on disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Creates a folder (and its parents) private to the user.
pub fn ensure_dir(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => {
            return Err(io::Error::new(
                io::ErrorKind::NotADirectory,
                format!("{} is not a folder", path.display()),
            ));
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => {}
        Err(err) => return Err(err),
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(DIR_MODE)
        .create(path)?;
    fs::set_permissions(path, fs::Permissions::from_mode(DIR_MODE))?;
    if let Some(parent) = path.parent() {
        // The new entry must survive a crash too.
        let _ = sync_dir(parent);
    }
    Ok(())
}

/// Deletes a file and makes the deletion durable.
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err),
    }
    match path.parent() {
        Some(dir) => sync_dir(dir),
        None => Ok(()),
    }
}

/// A test-only crash point: when `REL_TEST_FAILPOINT` names this point,
/// the process dies on the spot, as a power cut would stop it. Only with
/// the `failpoints` feature, which the tests turn on.
#[cfg(feature = "failpoints")]
pub fn failpoint(name: &str) {
    static POINT: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let point = POINT.get_or_init(|| std::env::var("REL_TEST_FAILPOINT").ok());
    if point.as_deref() == Some(name) {
        std::process::abort();
    }
}

/// Without the `failpoints` feature, nothing: a shipped rel never dies on
/// purpose.
#[cfg(not(feature = "failpoints"))]
#[inline(always)]
pub fn failpoint(_name: &str) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflict_markers_are_found_at_line_starts_only() {
        assert_eq!(conflict_marker("a = 1\n<<<<<<< HEAD\n"), Some(6));
        assert_eq!(conflict_marker("a = 1\n=======\n"), Some(6));
        assert_eq!(
            conflict_marker("notes = \"\"\"\n ======= is fine\n\"\"\""),
            None
        );
        assert_eq!(conflict_marker("x = '<<<<<<<'"), None);
        assert_eq!(conflict_marker("a\r\n>>>>>>> theirs\r\n"), Some(3));
        assert_eq!(conflict_marker("<<<<<<<\n"), Some(0));
        assert_eq!(conflict_marker("<<<<<<<< eight\n>>>>>>>x\n"), None);
    }

    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.toml");
        std::fs::write(&file, "a = 1\n").unwrap();
        assert_eq!(read_bytes(&file).unwrap(), b"a = 1\n");
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        let p = read_bytes(&link).unwrap_err();
        assert!(p.message.contains("symbolic link"), "{p}");
        let p = read_bytes(dir.path()).unwrap_err();
        assert_eq!(p.message, "is not a regular file");
        let fifo = dir.path().join("fifo.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            // Refused at once, not waiting for a writer.
            let p = read_bytes(&fifo).unwrap_err();
            assert_eq!(p.message, "is not a regular file");
        }
        let p = read_bytes(&dir.path().join("missing.toml")).unwrap_err();
        assert_eq!(p.message, "cannot read: no such file or folder");
    }

    #[test]
    fn bad_bytes_are_located() {
        let path = Path::new("f.toml");
        let p = text_of(path, b"a = 1\nb = \"\xff\"\n".to_vec()).unwrap_err();
        assert_eq!(p.to_string(), "f.toml:2:6: is not valid UTF-8 text");
        let p = text_of(path, b"a = 1\0\n".to_vec()).unwrap_err();
        assert_eq!((p.line, p.column), (Some(1), Some(6)));
    }
}
