//! rel's merge as git's merge driver: git hands over three versions of one
//! of rel's files (`%O %A %B %P`), the merge writes the result over this
//! side's version, and when it renumbered this side's new items it
//! rewrites the check-ins in the work tree that name them (this side's:
//! the other side's are not there yet). `rel sync` runs the same driver
//! through `git merge`, and learns what it did from a report file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml_edit::DocumentMut;

use super::super::file::{Mode, TMP_PREFIX, TMP_SUFFIX, write_atomic};
use super::super::{CHECKINS, JOURNAL_FILE, RELATIONSHIP_FILE};
use super::files::{self, FileMerge, Recorded, Unmergeable};
use super::renumber::{self, Renumbered};

/// The variable that names the report file `rel sync` reads back.
pub const REPORT_VAR: &str = "REL_MERGE_REPORT";

/// Which of rel's files a path is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Relationship,
    Checkin,
    Journal,
}

impl FileKind {
    pub fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_str()?;
        let parent = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str());
        match (name, parent) {
            (RELATIONSHIP_FILE, _) => Some(FileKind::Relationship),
            (JOURNAL_FILE, _) => Some(FileKind::Journal),
            (n, Some(CHECKINS)) if n.ends_with(".toml") => Some(FileKind::Checkin),
            _ => None,
        }
    }
}

/// What one run of the driver did, as the report file keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The file, as git named it (relative to the top of the work tree).
    pub path: String,
    /// The relationship's handle (its folder's name), for a relationship.
    #[serde(default)]
    pub handle: String,
    #[serde(default)]
    pub renumbered: Vec<(String, String, String)>,
    #[serde(default)]
    pub recorded: Vec<(String, Option<String>, Option<String>)>,
    /// Check-ins rewritten in the work tree (relative to its top).
    #[serde(default)]
    pub rewritten: Vec<String>,
}

impl Report {
    fn of(path: &Path, merged: &FileMerge, rewritten: Vec<String>) -> Report {
        Report {
            path: path.to_string_lossy().into_owned(),
            handle: path
                .parent()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            renumbered: merged
                .renumbered
                .iter()
                .map(|r: &Renumbered| (r.from.to_string(), r.to.to_string(), r.text.clone()))
                .collect(),
            recorded: merged
                .recorded
                .iter()
                .map(|r: &Recorded| (r.field.clone(), r.kept.clone(), r.other.clone()))
                .collect(),
            rewritten,
        }
    }

    pub fn is_quiet(&self) -> bool {
        self.renumbered.is_empty() && self.recorded.is_empty()
    }
}

/// Merges `path` (relative to `top`, the work tree): the versions are in
/// the files `base`, `ours` (where the result goes) and `theirs`.
pub fn run(
    top: &Path,
    path: &Path,
    [base, ours, theirs]: [&Path; 3],
    today: NaiveDate,
) -> Result<Report, Unmergeable> {
    let read = |p: &Path| {
        fs::read_to_string(p).map_err(|e| Unmergeable(format!("cannot read {}: {e}", p.display())))
    };
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    let merged = match FileKind::of(path) {
        Some(FileKind::Relationship) => files::relationship(&b, &o, &t, today)?,
        Some(FileKind::Checkin) => files::checkin(&b, &o, &t)?,
        Some(FileKind::Journal) => files::journal(&b, &o, &t)?,
        None => return Err(Unmergeable("not a file rel keeps".to_string())),
    };
    let rewritten = match path.parent() {
        Some(folder) if !merged.renumbered.is_empty() => {
            rewrite_checkins(top, &folder.join(CHECKINS), &merged.renumbered)
        }
        _ => Vec::new(),
    };
    fs::write(ours, &merged.text)
        .map_err(|e| Unmergeable(format!("cannot write {}: {e}", ours.display())))?;
    Ok(Report::of(path, &merged, rewritten))
}

/// Rewrites this side's check-ins that name renumbered items.
fn rewrite_checkins(top: &Path, folder: &Path, plan: &[Renumbered]) -> Vec<String> {
    let dir = top.join(folder);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".toml") && !(n.starts_with(TMP_PREFIX) && n.ends_with(TMP_SUFFIX)))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let Ok(text) = fs::read_to_string(dir.join(&name)) else {
            continue;
        };
        let Ok(mut doc) = text.parse::<DocumentMut>() else {
            continue;
        };
        if renumber::rewrite_checkin(&mut doc, plan)
            && write_atomic(&dir, &name, doc.to_string().as_bytes(), Mode::Replace).is_ok()
        {
            out.push(folder.join(&name).to_string_lossy().into_owned());
        }
    }
    out
}

/// Adds a run's report to the file `rel sync` named, one JSON a line.
pub fn append_report(file: &Path, report: &Report) -> std::io::Result<()> {
    let line = serde_json::to_string(report).map_err(std::io::Error::other)?;
    let mut out = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)?;
    writeln!(out, "{line}")
}

/// The reports the driver left in `file`.
pub fn read_reports(file: &Path) -> Vec<Report> {
    fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// The check-ins the reports say were rewritten, relative to the top.
pub fn rewritten(reports: &[Report]) -> Vec<PathBuf> {
    reports
        .iter()
        .flat_map(|r| r.rewritten.iter().map(PathBuf::from))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rels_files_are_told_by_their_names() {
        let kind = |p: &str| FileKind::of(Path::new(p));
        assert_eq!(
            kind("relationships/ada/relationship.toml"),
            Some(FileKind::Relationship)
        );
        assert_eq!(
            kind("j/relationships/ada/checkins/2026-11-10-1-k3f9.toml"),
            Some(FileKind::Checkin)
        );
        assert_eq!(kind("journal.toml"), Some(FileKind::Journal));
        assert_eq!(kind("notes.md"), None);
        assert_eq!(kind("relationships/ada/checkins/x.txt"), None);
    }
}
