//! The journal lock: one writer at a time, across processes.

use std::fs::{File, OpenOptions, TryLockError};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use super::file::FILE_MODE;
use crate::error::{Error, Result};

pub const LOCK_FILE: &str = ".lock";

/// How long a writer waits for another to finish before giving up.
fn timeout() -> Duration {
    std::env::var("REL_LOCK_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(Duration::from_secs(5), Duration::from_secs_f64)
}

/// Held while a command reads, changes and writes the journal. The lock is
/// on a file of its own: a data file's inode changes with every rename.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Takes the journal lock, polling with backoff up to the timeout.
pub fn acquire(root: &Path) -> Result<Lock> {
    let path = root.join(LOCK_FILE);
    let file = open(&path).map_err(|e| Error::io("open the lock file", &path, &e))?;
    wait_for(root, &path, file, false)
}

/// Takes the lock shared, as a reader that needs every file as of one
/// moment: writers wait, other readers do not. `None` where the journal
/// cannot hold a lock file (a read-only copy, say): nothing can write there.
pub fn acquire_shared(root: &Path) -> Result<Option<Lock>> {
    let path = root.join(LOCK_FILE);
    match open(&path) {
        Ok(file) => wait_for(root, &path, file, true).map(Some),
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(Error::io("open the lock file", &path, &e)),
    }
}

fn open(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
}

fn wait_for(root: &Path, path: &Path, file: File, shared: bool) -> Result<Lock> {
    let deadline = Instant::now() + timeout();
    let mut wait = Duration::from_millis(1);
    loop {
        let tried = if shared {
            file.try_lock_shared()
        } else {
            file.try_lock()
        };
        match tried {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(wait);
                wait = (wait * 2).min(Duration::from_millis(10));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(Error::journal(format!(
                    "another rel is writing to {}; try again",
                    root.display()
                ))
                .with_hint(
                    "nothing was written; if no other rel is running, try again in a moment",
                ));
            }
            Err(TryLockError::Error(e)) => return Err(Error::io("lock", path, &e)),
        }
    }
}
