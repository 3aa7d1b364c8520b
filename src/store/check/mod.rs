//! `rel check`: every file of the journal read and judged — its place in
//! the tree, its permissions, its syntax, its keys and its facts — without
//! writing anything. One unreadable file never stops the others.

pub mod content;
mod tree;

pub use tree::shell_quote;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::file::{parse, read_file, read_text, text_of};
use super::{
    CHECKINS, DRAFTS, GITIGNORE, JOURNAL_FILE, Journal, PENDING_FILE, Pending, RELATIONSHIP_FILE,
    RELATIONSHIPS, lock::LOCK_FILE,
};
use crate::error::{Error, Result};
use crate::model::consistency::CheckinContext;
use crate::model::{CheckinId, Handle, Relationship};
use crate::par::par_map;
use crate::problem::{Problem, Severity};
use crate::store::sync::setup::ATTRIBUTES_FILE;
use tree::{Modes, common, entries};

/// What `rel check` found.
#[derive(Debug, Default)]
pub struct Report {
    /// In the order of their paths, then lines.
    pub problems: Vec<Problem>,
    pub relationships: usize,
    pub checkins: usize,
    /// A newer rel wrote the journal: nothing past journal.toml was checked.
    pub newer: bool,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

/// Checks the whole journal as of `today`. Fails only when there is no
/// journal to check.
/// How many relationships are checked at a time.
const WINDOW: usize = 32;

pub fn check_journal(journal: &Journal, today: NaiveDate) -> Result<Report> {
    let root = journal.root();
    let mut report = Report::default();
    let mut modes = Modes::default();
    match fs::metadata(root) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(
                Error::user(format!("there is no journal at {}", root.display()))
                    .with_hint("rel new starts one; --dir or REL_DIR points rel at another folder"),
            );
        }
        Err(e) => return Err(Error::io("open the journal", root, &e)),
        Ok(meta) if !meta.is_dir() => {
            report.problems.push(Problem::error(
                root,
                "is not a folder; a journal is a folder (point rel at one with --dir or REL_DIR)",
            ));
            return Ok(report);
        }
        Ok(meta) => modes.note(root, &meta),
    }
    if newer_format(root, &mut report.problems) {
        report.newer = true;
        return Ok(report);
    }
    let relationships_dir = top_level(root, &mut report.problems, &mut modes);

    let mut handles = Vec::new();
    if relationships_dir {
        let listing = journal.listing()?;
        report.problems.extend(listing.problems);
        handles = listing.handles;
    }
    // A window of relationships at a time, so that what is held while
    // checking is a window's, however large the journal: each one's folder
    // and file, on every core; then every check-in of them, on every core,
    // through its folder.
    let pending = journal.read_pending();
    let mut checkins = 0;
    for window in handles.chunks(WINDOW) {
        let folders = par_map(window, |handle| {
            let mut problems = Vec::new();
            let mut modes = Modes::default();
            let (file, found) = relationship_folder(journal, handle, &mut problems, &mut modes);
            let (rel, more, open) = read_relationship(file.as_deref());
            problems.extend(more);
            modes.extend(open);
            (rel, found, problems, modes)
        });
        let mut rels: Vec<Option<Relationship>> = Vec::new();
        let mut files: Vec<(&Handle, CheckinId)> = Vec::new();
        for (handle, (rel, found, problems, open)) in window.iter().zip(folders) {
            rels.push(rel);
            report.problems.extend(problems);
            modes.extend(open);
            files.extend(found.into_iter().map(|id| (handle, id)));
        }
        checkins += files.len();
        let results = journal.read_checkins(&files, |read| {
            let mut modes = Modes::default();
            let rel = window
                .binary_search(read.handle)
                .ok()
                .and_then(|i| rels[i].as_ref());
            let cx = CheckinContext {
                id: read.id,
                rel,
                today,
                pending: pending.as_ref().is_some_and(|p| {
                    &p.handle == read.handle && CheckinId::parse(&p.checkin) == Some(read.id)
                }),
            };
            let path = read.path;
            let text = read.bytes.and_then(|(bytes, meta)| {
                modes.note(path, &meta);
                text_of(path, bytes)
            });
            let problems = match text {
                Ok(text) => content::checkin(path, &text, &cx).problems,
                Err(problem) => vec![problem],
            };
            (problems, modes)
        });
        for (problems, open) in results {
            report.problems.extend(problems);
            modes.extend(open);
        }
    }
    report.problems.extend(pending_marker(journal));
    report.problems.extend(modes.problems(root));
    report.problems.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
    });
    report.relationships = handles.len();
    report.checkins = checkins;
    Ok(report)
}

/// Reports a `journal.toml` that does not parse or that a newer rel
/// wrote. True when the journal is too new to check at all.
fn newer_format(root: &Path, problems: &mut Vec<Problem>) -> bool {
    let path = root.join(JOURNAL_FILE);
    if fs::symlink_metadata(&path).is_err() {
        return false;
    }
    let text = match read_text(&path) {
        Ok(text) => text,
        Err(problem) => {
            problems.push(problem);
            return false;
        }
    };
    let checked = content::journal(&path, &text);
    problems.extend(checked.problems);
    checked.value.is_some_and(|file| file.is_newer())
}

/// The journal folder's own entries. True when there is a
/// `relationships` folder to read.
fn top_level(root: &Path, problems: &mut Vec<Problem>, modes: &mut Modes) -> bool {
    let list = match entries(root) {
        Ok(list) => list,
        Err(problem) => {
            problems.push(problem);
            return false;
        }
    };
    let mut relationships = false;
    for entry in &list {
        if let Some(problem) = common(entry) {
            problems.push(problem);
            continue;
        }
        let name = entry.name.as_deref().unwrap_or_default();
        match name {
            // What is inside journal.toml and .pending.toml is judged
            // where they are read.
            JOURNAL_FILE | GITIGNORE | PENDING_FILE | LOCK_FILE | ATTRIBUTES_FILE => {
                modes.check(&entry.path)
            }
            RELATIONSHIPS if !entry.kind.is_dir() => problems.push(Problem::error(
                &entry.path,
                "is not a folder; rel keeps each relationship in relationships/<handle>/",
            )),
            RELATIONSHIPS => {
                relationships = true;
                modes.check(&entry.path);
                // A relationship rel new was still assembling when it stopped.
                for staged in entries(&entry.path).unwrap_or_default() {
                    if staged
                        .name
                        .as_deref()
                        .is_some_and(crate::store::file::is_temp_name)
                    {
                        problems.push(Problem::warning(
                            &staged.path,
                            "is a relationship folder left by an interrupted rel new; it is safe to delete",
                        ));
                    }
                }
            }
            DRAFTS if entry.kind.is_dir() => drafts(&entry.path, problems, modes),
            _ => {}
        }
    }
    relationships
}

/// Drafts are the user's words that rel kept: only their files matter.
fn drafts(dir: &Path, problems: &mut Vec<Problem>, modes: &mut Modes) {
    modes.check(dir);
    match entries(dir) {
        Ok(list) => {
            for entry in &list {
                match common(entry) {
                    Some(problem) => problems.push(problem),
                    None => modes.check(&entry.path),
                }
            }
        }
        Err(problem) => problems.push(problem),
    }
}

/// One relationship's folder: where its `relationship.toml` is (`None`
/// when it is missing, which is reported), and the check-in files to read.
fn relationship_folder(
    journal: &Journal,
    handle: &Handle,
    problems: &mut Vec<Problem>,
    modes: &mut Modes,
) -> (Option<PathBuf>, Vec<CheckinId>) {
    let dir = journal.relationship_dir(handle);
    modes.check(&dir);
    let mut checkins = Vec::new();
    let mut file = None;
    let list = entries(&dir).unwrap_or_else(|problem| {
        problems.push(problem);
        Vec::new()
    });
    for entry in list {
        if let Some(problem) = common(&entry) {
            problems.push(problem);
            continue;
        }
        match entry.name.as_deref().unwrap_or_default() {
            RELATIONSHIP_FILE => file = Some(entry.path),
            CHECKINS if entry.kind.is_dir() => {
                modes.check(&entry.path);
                checkins = checkin_files(&entry.path, problems);
            }
            _ if entry.is_hidden() => {}
            _ => problems.push(Problem::warning(
                &entry.path,
                "is not part of a relationship (relationship.toml and checkins/); rel ignores it",
            )),
        }
    }
    if file.is_none() {
        problems.push(Problem::error(
            &dir.join(RELATIONSHIP_FILE),
            "is missing: a relationship folder needs its relationship.toml",
        ));
    }
    (file, checkins)
}

/// A `relationship.toml`, read and checked.
fn read_relationship(path: Option<&Path>) -> (Option<Relationship>, Vec<Problem>, Modes) {
    let mut modes = Modes::default();
    let Some(path) = path else {
        return (None, Vec::new(), modes);
    };
    match read_noting(path, &mut modes) {
        Ok(text) => {
            let checked = content::relationship(path, &text);
            (checked.value, checked.problems, modes)
        }
        Err(problem) => (None, vec![problem], modes),
    }
}

/// Reads a file as text, noting its permissions from the same look.
fn read_noting(path: &Path, modes: &mut Modes) -> Result<String, Problem> {
    let (bytes, meta) = read_file(path)?;
    modes.note(path, &meta);
    text_of(path, bytes)
}

/// The check-in files of a `checkins/` folder, by name; anything else in
/// it is named as ignored.
fn checkin_files(dir: &Path, problems: &mut Vec<Problem>) -> Vec<CheckinId> {
    let list = entries(dir).unwrap_or_else(|problem| {
        problems.push(problem);
        Vec::new()
    });
    let mut files = Vec::new();
    for entry in list {
        if let Some(problem) = common(&entry) {
            problems.push(problem);
            continue;
        }
        if entry.is_hidden() {
            continue;
        }
        let id = entry
            .name
            .as_deref()
            .and_then(|n| n.strip_suffix(".toml"))
            .and_then(CheckinId::parse);
        match id {
            Some(id) if entry.kind.is_file() => files.push(id),
            Some(_) => problems.push(Problem::error(&entry.path, "is not a regular file")),
            None => problems.push(Problem::warning(
                &entry.path,
                "is not named like a check-in (YYYY-MM-DD-N-TAG.toml or YYYY-MM-DD-N.toml, N from 1, TAG four letters or digits); rel ignores it",
            )),
        }
    }
    files
}

/// An interrupted two-file write, explained; or a marker rel cannot use.
fn pending_marker(journal: &Journal) -> Option<Problem> {
    let path = journal.root().join(PENDING_FILE);
    if fs::symlink_metadata(&path).is_err() {
        return None;
    }
    if let Some(problem) = journal.pending_problem() {
        return Some(problem);
    }
    let unusable = read_text(&path).and_then(|text| parse::<Pending>(&path, &text).map(|_| ()));
    unusable.err().map(|mut problem| {
        problem.severity = Severity::Warning;
        problem.message = format!(
            "{}; rel cannot use this marker of an interrupted write — delete it",
            problem.message
        );
        problem
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_journal_is_a_user_error() {
        let journal = Journal::new("/nonexistent/rel-journal");
        let today = crate::model::date::parse_iso("2026-11-26").unwrap();
        let err = check_journal(&journal, today).unwrap_err();
        assert_eq!(err.exit_code(), 1);
    }
}
