//! Folders 0700 and files 0600 again, where git made them otherwise: a
//! clone or a pull writes files as the umask says (0644, 0755). rel puts
//! them back quietly on its next write or sync, once each time git has
//! written its index since (so a journal git did not touch is not walked),
//! and `rel check --fix-modes` does it on demand.

use std::fs;
use std::io;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use super::super::cache::CACHE_DIR;
use super::super::file::{DIR_MODE, FILE_MODE};
use super::super::git::git_dir;

/// Where rel notes the git index it last fixed modes after, in the
/// clone's git folder.
const MARKER: &str = "rel-modes";

/// Gives every folder of the journal 0700 and every file 0600 that lets
/// anyone else in; returns how many it changed. Leaves git's own folder
/// and what is not a file or a folder (a link) alone.
pub fn restore(root: &Path) -> io::Result<usize> {
    let mut changed = 0;
    let meta = fs::symlink_metadata(root)?;
    // The journal itself may be a link to a folder: its target's mode.
    let meta = if meta.file_type().is_symlink() {
        fs::metadata(root)?
    } else {
        meta
    };
    changed += fix(root, &meta)?;
    walk(root, &mut changed, true)?;
    Ok(changed)
}

fn walk(dir: &Path, changed: &mut usize, top: bool) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if top && [".git", CACHE_DIR].contains(&entry.file_name().to_string_lossy().as_ref()) {
            continue;
        }
        let path = entry.path();
        let meta = fs::symlink_metadata(&path)?;
        if meta.file_type().is_symlink() {
            continue;
        }
        *changed += fix(&path, &meta)?;
        if meta.is_dir() {
            walk(&path, changed, false)?;
        }
    }
    Ok(())
}

fn fix(path: &Path, meta: &fs::Metadata) -> io::Result<usize> {
    let mode = meta.permissions().mode() & 0o7777;
    if mode & 0o077 == 0 {
        return Ok(0);
    }
    let want = if meta.is_dir() { DIR_MODE } else { FILE_MODE };
    fs::set_permissions(path, fs::Permissions::from_mode(want))?;
    Ok(1)
}

/// The git index as its stat tells it, to see that git wrote files.
fn index_stamp(root: &Path) -> Option<(std::path::PathBuf, String)> {
    let dir = git_dir(root)?;
    let meta = fs::metadata(dir.join("index")).ok()?;
    let stamp = format!(
        "{} {} {} {}",
        meta.mtime(),
        meta.mtime_nsec(),
        meta.size(),
        meta.ino()
    );
    Some((dir.join(MARKER), stamp))
}

/// Restores the modes when git wrote its index since the last time (a
/// clone, a pull, a checkout); quiet, and never an error: a mode rel could
/// not fix, `rel check` names.
pub fn restore_after_git(root: &Path) {
    let Some((marker, stamp)) = index_stamp(root) else {
        return;
    };
    if fs::read_to_string(&marker).is_ok_and(|seen| seen == stamp) {
        return;
    }
    if restore(root).is_ok() {
        let _ = fs::write(marker, stamp);
    }
}

/// Notes that the files are as rel wants them as of the index now (after
/// rel's own commit, which rewrites the index but no file's mode).
pub fn seen(root: &Path) {
    if let Some((marker, stamp)) = index_stamp(root) {
        let _ = fs::write(marker, stamp);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn wide_modes_are_narrowed_and_narrow_ones_left() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("journal");
        let dir = root.join("relationships/ada/checkins");
        fs::create_dir_all(&dir).unwrap();
        fs::create_dir_all(root.join(".git/objects")).unwrap();
        let file = dir.join("2026-11-10-1-k3f9.toml");
        fs::write(&file, "date = 2026-11-10\n").unwrap();
        let set = |p: &Path, m| fs::set_permissions(p, fs::Permissions::from_mode(m)).unwrap();
        for d in [
            &root,
            &root.join("relationships"),
            &root.join("relationships/ada"),
            &dir,
        ] {
            set(d, 0o755);
        }
        set(&file, 0o644);
        set(&root.join(".git/objects"), 0o755);
        assert_eq!(restore(&root).unwrap(), 5);
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            (mode(&root), mode(&dir), mode(&file)),
            (0o700, 0o700, 0o600)
        );
        assert_eq!(mode(&root.join(".git/objects")), 0o755, "git's own stays");
        assert_eq!(restore(&root).unwrap(), 0);
    }
}
