//! Git, when the journal is in a git work tree: every change rel makes is
//! committed with a message saying what happened. Optional: without git
//! nothing changes. rel stages and commits only the paths it wrote or
//! removed, never the rest of the person's index, and never while git is
//! in the middle of something the person has to finish.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Output, Stdio};

/// Whether a `.git` sits in `root` or above it: the journal may be in a
/// git work tree. Asks no process.
pub fn may_be_work_tree(root: &Path) -> bool {
    root.ancestors().any(|dir| dir.join(".git").exists())
}

/// The folder git keeps the clone's data in, for a work tree at or above
/// `root`: `.git` itself, or where a `.git` file points (a worktree).
pub fn git_dir(root: &Path) -> Option<PathBuf> {
    let dot = root
        .ancestors()
        .map(|d| d.join(".git"))
        .find(|p| p.exists())?;
    if dot.is_dir() {
        return Some(dot);
    }
    let text = fs::read_to_string(&dot).ok()?;
    let target = text.lines().find_map(|l| l.strip_prefix("gitdir:"))?.trim();
    let target = Path::new(target);
    Some(match target.is_absolute() {
        true => target.to_path_buf(),
        false => dot.parent()?.join(target),
    })
}

/// Whether `root` is inside a git work tree. Looks for `.git` first, so a
/// journal outside git never starts a process.
pub fn is_work_tree(root: &Path) -> bool {
    may_be_work_tree(root)
        && Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["rev-parse", "--is-inside-work-tree"])
            .stderr(Stdio::null())
            .output()
            .is_ok_and(|out| out.status.success() && out.stdout.starts_with(b"true"))
}

/// Why a change was written but not committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCommitted {
    /// git is in the middle of an operation (`a merge is in progress`, …)
    /// or the index holds unresolved conflicts: a commit now would take
    /// the person's half-done work with it.
    Busy(&'static str),
    /// git refused, in its own words (its first line, shown safely).
    Failed(String),
}

/// What git is in the middle of, by the file it keeps while it is.
const IN_PROGRESS: [(&str, &str); 5] = [
    ("MERGE_HEAD", "a merge is in progress"),
    ("rebase-merge", "a rebase is in progress"),
    ("rebase-apply", "a rebase is in progress"),
    ("CHERRY_PICK_HEAD", "a cherry-pick is in progress"),
    ("REVERT_HEAD", "a revert is in progress"),
];

/// Commits `paths` (relative to `root`, which must be in a work tree) with
/// `message`, and nothing else: each is staged by name, and the commit
/// takes only them, whatever else the person has staged. Returns whether
/// a commit was made (nothing changed: none).
pub fn commit(root: &Path, paths: &[PathBuf], message: &str) -> Result<bool, NotCommitted> {
    if let Some(what) = busy(root)? {
        return Err(NotCommitted::Busy(what));
    }
    // A path that is gone is staged (as removed) only if git knew it.
    let (here, gone): (Vec<&PathBuf>, Vec<&PathBuf>) = paths
        .iter()
        .partition(|p| std::fs::symlink_metadata(root.join(p)).is_ok());
    let mut staged: Vec<PathBuf> = here.into_iter().cloned().collect();
    if !gone.is_empty() {
        let tracked = git(root, &with_paths(&["ls-files", "-z", "--"], &gone))?;
        staged.extend(
            tracked
                .stdout
                .split(|b| *b == 0)
                .filter(|p| !p.is_empty())
                .map(|p| PathBuf::from(String::from_utf8_lossy(p).into_owned())),
        );
    }
    if staged.is_empty() {
        return Ok(false);
    }
    let staged: Vec<&PathBuf> = staged.iter().collect();
    git(root, &with_paths(&["add", "--"], &staged))?;
    let unchanged = run(
        root,
        &with_paths(&["diff", "--cached", "--quiet", "--"], &staged),
    )
    .map_err(|e| NotCommitted::Failed(format!("cannot run git: {e}")))?;
    if unchanged.status.success() {
        return Ok(false);
    }
    let commit = [
        "commit",
        "--quiet",
        "--no-verify",
        "-m",
        message,
        "--only",
        "--",
    ];
    git(root, &with_paths(&commit, &staged))?;
    Ok(true)
}

/// What git is in the middle of, if anything.
fn busy(root: &Path) -> Result<Option<&'static str>, NotCommitted> {
    let mut args = vec!["rev-parse".to_string()];
    for (file, _) in IN_PROGRESS {
        args.extend(["--git-path".to_string(), file.to_string()]);
    }
    let out = git(root, &args)?;
    let text = String::from_utf8_lossy(&out.stdout);
    for (line, (_, what)) in text.lines().zip(IN_PROGRESS) {
        if root.join(line).exists() {
            return Ok(Some(what));
        }
    }
    // The whole index, not only the journal's part of it: git refuses to
    // commit anything while a conflict is unresolved anywhere.
    let unmerged = git(
        root,
        &["--no-literal-pathspecs", "ls-files", "--unmerged", ":/"],
    )?;
    if !unmerged.stdout.is_empty() {
        return Ok(Some("there are unresolved conflicts"));
    }
    Ok(None)
}

fn with_paths(args: &[&str], paths: &[&PathBuf]) -> Vec<String> {
    args.iter()
        .map(|a| a.to_string())
        .chain(paths.iter().map(|p| p.to_string_lossy().into_owned()))
        .collect()
}

/// git in the journal, pathspecs taken literally (a name is a name, never
/// a pattern or `:(magic)`).
fn run<S: AsRef<std::ffi::OsStr>>(root: &Path, args: &[S]) -> std::io::Result<Output> {
    Command::new("git")
        .arg("--literal-pathspecs")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .output()
}

fn git<S: AsRef<std::ffi::OsStr>>(root: &Path, args: &[S]) -> Result<Output, NotCommitted> {
    let out = run(root, args).map_err(|e| NotCommitted::Failed(format!("cannot run git: {e}")))?;
    if out.status.success() {
        Ok(out)
    } else {
        let why = String::from_utf8_lossy(&out.stderr);
        let why = why
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("git failed");
        Err(NotCommitted::Failed(crate::text::sanitize(why.trim())))
    }
}

/// Runs git with the person's arguments inside the journal.
pub fn passthrough(root: &Path, args: &[String]) -> std::io::Result<ExitStatus> {
    Command::new("git").arg("-C").arg(root).args(args).status()
}
