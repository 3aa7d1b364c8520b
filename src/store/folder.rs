//! Whole relationship folders coming from elsewhere (an import): the text
//! each file will hold, and placing a complete folder in the journal with
//! one rename, so that a crash leaves the old folder or the new, never a
//! mix of the two.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use toml_edit::DocumentMut;

use super::doc::{CHECKIN, RELATIONSHIP, checkin_doc, new_relationship_doc, relationship_table};
use super::file::{
    DIR_MODE, FILE_MODE, MAX_FILE_BYTES, TMP_PREFIX, TMP_SUFFIX, ensure_dir, failpoint, parse,
    remove, sync_dir, text_of,
};
use super::merge::merge_document;
use super::{
    CHECKINS, Journal, PENDING_FILE, RELATIONSHIP_FILE, RELATIONSHIPS, Txn, parse_relationship,
};
use crate::error::{Error, Result};
use crate::model::{CheckIn, CheckinId, Handle, Relationship};
use crate::par::par_map;
use crate::problem::Problem;

/// A relationship folder's files as text, checked and ready to write.
#[derive(Debug, Clone)]
pub struct FolderText {
    pub relationship: String,
    pub checkins: Vec<(CheckinId, String)>,
}

/// How a folder takes its place in the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Under a handle not in use.
    New,
    /// In place of the folder with the same handle, which is deleted.
    Replace,
}

/// The text of `relationship.toml` for `rel`: `carried` (the file's text
/// where it came from) with `rel` merged into it, as rel rewrites any file
/// (comments, layout and unknown keys kept), or a fresh file as `rel new`
/// writes one. `at` names the text in problems. The text is checked to read
/// back as exactly `rel` before it is returned.
pub fn relationship_text(
    rel: &Relationship,
    carried: Option<&str>,
    at: &Path,
) -> Result<String, Problem> {
    let text = match carried {
        Some(carried) => {
            let mut doc = carried_doc(carried, at)?;
            merge_document(&mut doc, &relationship_table(rel), &RELATIONSHIP);
            doc.to_string()
        }
        None => new_relationship_doc(rel).to_string(),
    };
    let reread = parse_relationship(at, &text)?;
    if reread != *rel {
        return Err(not_read_back(at));
    }
    storable(at, text)
}

/// The text of a check-in file, as [`relationship_text`] makes it.
pub fn checkin_text(
    checkin: &CheckIn,
    carried: Option<&str>,
    at: &Path,
) -> Result<String, Problem> {
    let fresh = checkin_doc(checkin);
    let text = match carried {
        Some(carried) => {
            let mut doc = carried_doc(carried, at)?;
            merge_document(&mut doc, fresh.as_table(), &CHECKIN);
            doc.to_string()
        }
        None => fresh.to_string(),
    };
    let reread: CheckIn = parse(at, &text)?;
    if reread != *checkin {
        return Err(not_read_back(at));
    }
    storable(at, text)
}

fn carried_doc(text: &str, at: &Path) -> Result<DocumentMut, Problem> {
    text.parse().map_err(|e: toml_edit::TomlError| {
        let problem = Problem::error(at, e.message().trim().replace('\n', " "));
        match e.span() {
            Some(span) => problem.at(text, span.start),
            None => problem,
        }
    })
}

fn not_read_back(at: &Path) -> Problem {
    Problem::error(
        at,
        "the file's text and its data do not agree after merging; remove this text to have rel write the file afresh",
    )
}

/// Text that rel's own loader will read: not too large, no NUL, no line
/// that looks like a merge conflict.
fn storable(at: &Path, text: String) -> Result<String, Problem> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::error(
            at,
            format!(
                "would make a file of {:.1} MB; rel reads journal files of up to {} MB",
                text.len() as f64 / 1e6,
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    text_of(at, text.into_bytes())
}

/// The prefix of a folder moved aside while another takes its place, on a
/// file system that cannot swap two folders in one step.
const ASIDE_PREFIX: &str = ".rel-old-";

impl Journal {
    /// Holds writers off while an export reads every file, so that it
    /// sees the journal as of one moment. `None` when there is no journal,
    /// or it cannot hold a lock (a read-only copy).
    pub fn read_lock(&self) -> Result<Option<super::lock::Lock>> {
        if !self.root_exists()? {
            return Ok(None);
        }
        super::lock::acquire_shared(&self.root)
    }

    /// Whether anything at all sits where this handle's folder would go.
    pub fn is_taken(&self, handle: &Handle) -> bool {
        fs::symlink_metadata(self.relationship_dir(handle)).is_ok()
    }
}

impl Txn<'_> {
    /// Writes a whole relationship folder under a hidden temporary name
    /// beside the others (each file synced), then moves it into place with
    /// one rename. `Replace` swaps it with the existing folder in that same
    /// rename, then deletes the old one.
    pub fn place_folder(
        &self,
        handle: &Handle,
        folder: &FolderText,
        placement: Placement,
    ) -> Result<()> {
        let parent = self.journal.root.join(RELATIONSHIPS);
        ensure_dir(&parent).map_err(|e| Error::io("create", &parent, &e))?;
        let target = self.journal.relationship_dir(handle);
        let replace = match (placement, fs::symlink_metadata(&target)) {
            (_, Err(e)) if e.kind() == io::ErrorKind::NotFound => false,
            (_, Err(e)) => return Err(Error::io("read", &target, &e)),
            (Placement::New, Ok(_)) => {
                return Err(
                    Error::user(format!("a relationship named '{handle}' already exists"))
                        .with_hint("import with --rename or --replace"),
                );
            }
            (Placement::Replace, Ok(meta)) if !meta.is_dir() => {
                return Err(Error::user(format!(
                    "{} is not a relationship folder",
                    target.display()
                ))
                .with_hint("move it out of the journal, then import again"));
            }
            (Placement::Replace, Ok(_)) => true,
        };

        if folder.checkins.iter().any(|(id, _)| id.tag.is_some()) {
            self.require_format()?;
        }
        // For rel undo: the files the folder held, and will hold.
        let before = match self.recording.get() && replace {
            true => folder_files(&target),
            false => Vec::new(),
        };
        let staging = tempfile::Builder::new()
            .prefix(TMP_PREFIX)
            .suffix(TMP_SUFFIX)
            .tempdir_in(&parent)
            .map_err(|e| Error::io("create a folder in", &parent, &e))?;
        let stage = staging.path().to_path_buf();
        write_folder(&stage, folder)?;
        failpoint("before-folder-move");

        if replace {
            swap_into_place(&stage, &target, &parent)?;
            failpoint("after-folder-swap");
            // The staging name now holds the old folder.
            if let Err(e) = staging.close() {
                return Err(Error::io("delete the replaced folder", &stage, &e));
            }
            self.forget_pending(handle);
        } else {
            move_into_place(&stage, &target)?;
            let _ = staging.keep();
        }
        self.journal.wrote(&target);
        sync_dir(&parent).map_err(|e| Error::io("write", &parent, &e))?;
        self.note_folder(&target, before, folder);
        Ok(())
    }

    /// Notes every file of a folder placed: what it held before (if it was
    /// there) and holds now.
    fn note_folder(&self, target: &Path, before: Vec<(PathBuf, Vec<u8>)>, folder: &FolderText) {
        if !self.recording.get() {
            return;
        }
        let checkins = target.join(CHECKINS);
        let mut after: Vec<(PathBuf, &str)> =
            vec![(target.join(RELATIONSHIP_FILE), folder.relationship.as_str())];
        after.extend(
            folder
                .checkins
                .iter()
                .map(|(id, text)| (checkins.join(id.file_name()), text.as_str())),
        );
        for (path, text) in &after {
            let old = before
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, b)| b.clone());
            self.note(path, old, Some(text.as_bytes().to_vec()));
        }
        for (path, bytes) in before {
            if !after.iter().any(|(p, _)| *p == path) {
                self.note(&path, Some(bytes), None);
            }
        }
    }

    /// An interrupted check-in of a relationship that was just replaced
    /// belongs to the old one: it must not be applied to the new.
    fn forget_pending(&self, handle: &Handle) {
        if self
            .journal
            .read_pending()
            .is_some_and(|p| &p.handle == handle)
        {
            let _ = remove(&self.journal.root.join(PENDING_FILE));
        }
    }

    /// Completes a replacement that a crash interrupted between its two
    /// renames (only on file systems that cannot swap folders): the old
    /// folder comes back if the new one never arrived, and goes if it did.
    pub(super) fn heal_asides(&self) {
        let parent = self.journal.root.join(RELATIONSHIPS);
        let Ok(entries) = super::file::list_dir(&parent) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(handle) = name
                .to_str()
                .and_then(|n| n.strip_prefix(ASIDE_PREFIX))
                .and_then(|n| n.strip_suffix(TMP_SUFFIX))
                .and_then(|n| Handle::parse(n).ok())
            else {
                continue;
            };
            let aside = entry.path();
            let target = self.journal.relationship_dir(&handle);
            if fs::symlink_metadata(&target).is_ok() {
                let _ = fs::remove_dir_all(&aside);
            } else {
                let _ = fs::rename(&aside, &target);
                self.journal.wrote(&target);
            }
            let _ = sync_dir(&parent);
        }
    }
}

/// The files rel keeps in a relationship folder, with their bytes.
fn folder_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let relationship = dir.join(RELATIONSHIP_FILE);
    if let Ok(bytes) = fs::read(&relationship) {
        files.push((relationship, bytes));
    }
    if let Ok(entries) = fs::read_dir(dir.join(CHECKINS)) {
        for entry in entries.flatten() {
            let plain = entry.file_type().is_ok_and(|t| t.is_file());
            let name = entry.file_name();
            let named = name
                .to_str()
                .and_then(|n| n.strip_suffix(".toml"))
                .and_then(CheckinId::parse)
                .is_some();
            if plain
                && named
                && let Ok(bytes) = fs::read(entry.path())
            {
                files.push((entry.path(), bytes));
            }
        }
    }
    files
}

/// Writes the files of a folder that no one else can see yet, then makes
/// them durable: on Linux with one `syncfs` (hundreds of check-ins would
/// otherwise cost hundreds of fsyncs), elsewhere file by file.
fn write_folder(stage: &Path, folder: &FolderText) -> Result<()> {
    fs::set_permissions(stage, fs::Permissions::from_mode(DIR_MODE))
        .map_err(|e| Error::io("create", stage, &e))?;
    write_new(stage, RELATIONSHIP_FILE, &folder.relationship)?;
    let dir = stage.join(CHECKINS);
    if !folder.checkins.is_empty() {
        ensure_dir(&dir).map_err(|e| Error::io("create", &dir, &e))?;
        let written = par_map(&folder.checkins, |(id, text)| {
            write_new(&dir, &id.file_name(), text)
        });
        written.into_iter().collect::<Result<Vec<()>>>()?;
    }
    if sync_all_at_once(stage).is_ok() {
        return Ok(());
    }
    let files = std::iter::once(stage.join(RELATIONSHIP_FILE)).chain(
        folder
            .checkins
            .iter()
            .map(|(id, _)| dir.join(id.file_name())),
    );
    for path in files {
        fs::File::open(&path)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io("write", &path, &e))?;
    }
    if !folder.checkins.is_empty() {
        sync_dir(&dir).map_err(|e| Error::io("write", &dir, &e))?;
    }
    sync_dir(stage).map_err(|e| Error::io("write", stage, &e))
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn sync_all_at_once(dir: &Path) -> io::Result<()> {
    rustix::fs::syncfs(fs::File::open(dir)?).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn sync_all_at_once(_dir: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

fn write_new(dir: &Path, name: &str, text: &str) -> Result<()> {
    let path = dir.join(name);
    let write = || -> io::Result<()> {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(FILE_MODE)
            .open(&path)?;
        file.write_all(text.as_bytes())?;
        file.set_permissions(fs::Permissions::from_mode(FILE_MODE))
    };
    write().map_err(|e| Error::io("write", &path, &e))
}

/// Renames `stage` to `target`, which must not exist.
fn move_into_place(stage: &Path, target: &Path) -> Result<()> {
    let moved = match rename_with(stage, target, Rename::NoReplace) {
        Err(e) if unsupported(&e) => {
            if fs::symlink_metadata(target).is_ok() {
                Err(io::Error::from(io::ErrorKind::AlreadyExists))
            } else {
                fs::rename(stage, target)
            }
        }
        other => other,
    };
    moved.map_err(|e| Error::io("move a folder to", target, &e))
}

/// Exchanges `stage` and `target` in one step where the file system can;
/// elsewhere moves `target` aside first (healed by the next write if a
/// crash falls between the two renames). Afterwards `stage` holds the old.
fn swap_into_place(stage: &Path, target: &Path, parent: &Path) -> Result<()> {
    let fail = |e: io::Error| Error::io("move a folder to", target, &e);
    match rename_with(stage, target, Rename::Exchange) {
        Ok(()) => Ok(()),
        Err(e) if unsupported(&e) => {
            let aside = aside_path(target, parent);
            fs::rename(target, &aside).map_err(fail)?;
            sync_dir(parent).map_err(fail)?;
            fs::rename(stage, target).map_err(fail)?;
            sync_dir(parent).map_err(fail)?;
            fs::rename(&aside, stage).map_err(fail)
        }
        Err(e) => Err(fail(e)),
    }
}

fn aside_path(target: &Path, parent: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent.join(format!("{ASIDE_PREFIX}{name}{TMP_SUFFIX}"))
}

enum Rename {
    NoReplace,
    Exchange,
}

#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn rename_with(from: &Path, to: &Path, how: Rename) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    let flags = match how {
        Rename::NoReplace => RenameFlags::NOREPLACE,
        Rename::Exchange => RenameFlags::EXCHANGE,
    };
    renameat_with(CWD, from, CWD, to, flags).map_err(io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn rename_with(_from: &Path, _to: &Path, _how: Rename) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The file system (or kernel) has no atomic exchange or no-replace rename.
fn unsupported(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::Unsupported
        || matches!(
            err.raw_os_error(),
            Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;
    use crate::model::{Rating, Role};

    fn rel() -> Relationship {
        let day = parse_iso("2026-01-05").unwrap();
        let mut rel = Relationship::new("Zoë \"Z\" O'Brien".into(), Role::Mentor, day);
        rel.purpose = Some("line one\nline \"\"\" two \\ three".into());
        rel.add_goal("Ship it".into(), day, None);
        rel
    }

    #[test]
    fn fresh_text_is_what_rel_new_writes() {
        let rel = rel();
        let text = relationship_text(&rel, None, Path::new("x")).unwrap();
        assert_eq!(text, new_relationship_doc(&rel).to_string());
    }

    #[test]
    fn carried_text_keeps_comments_and_unknown_keys() {
        let mut rel = rel();
        let carried = relationship_text(&rel, None, Path::new("x")).unwrap()
            + "\n# my own note\nmood = \"good\"\n";
        assert_eq!(
            relationship_text(&rel, Some(&carried), Path::new("x")).unwrap(),
            carried
        );
        rel.purpose = Some("changed".into());
        let merged = relationship_text(&rel, Some(&carried), Path::new("x")).unwrap();
        assert!(merged.contains("purpose = \"changed\""), "{merged}");
        assert!(
            merged.contains("# my own note\nmood = \"good\""),
            "{merged}"
        );
    }

    #[test]
    fn carried_text_that_is_not_toml_is_located() {
        let err =
            relationship_text(&rel(), Some("a = 1\nb = \n"), Path::new("r[0].toml")).unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(5)));
        assert!(err.to_string().starts_with("r[0].toml:2:5: "), "{err}");
    }

    #[test]
    fn checkin_text_round_trips_awkward_notes() {
        let mut checkin = CheckIn::new(parse_iso("2026-01-05").unwrap());
        checkin.rating = Rating::new(4);
        checkin.notes = Some("\"\"\" and ''' and \\n, \u{1F600}\r\nend".into());
        let text = checkin_text(&checkin, None, Path::new("x")).unwrap();
        let carried = checkin_text(&checkin, Some(&text), Path::new("x")).unwrap();
        assert_eq!(text, carried);
    }
}
