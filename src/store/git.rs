//! Git, when the journal is in a git work tree: every change rel makes is
//! committed with a message saying what happened. Optional: without git
//! nothing changes.

use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

/// Whether `root` is inside a git work tree. Looks for `.git` first, so a
/// journal outside git never starts a process.
pub fn is_work_tree(root: &Path) -> bool {
    let has_git = root.ancestors().any(|dir| dir.join(".git").exists());
    has_git
        && Command::new("git")
            .arg("-C")
            .arg(root)
            .args(["rev-parse", "--is-inside-work-tree"])
            .stderr(Stdio::null())
            .output()
            .is_ok_and(|out| out.status.success() && out.stdout.starts_with(b"true"))
}

/// Commits whatever changed under `root` (and only there) with `message`.
/// Nothing changed: nothing committed.
pub fn commit(root: &Path, message: &str) -> Result<(), String> {
    git(root, &["add", "--all", "--", "."])?;
    let unchanged = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["diff", "--cached", "--quiet", "--", "."])
        .status()
        .map_err(|e| e.to_string())?;
    if unchanged.success() {
        return Ok(());
    }
    git(
        root,
        &["commit", "--quiet", "--no-verify", "-m", message, "--", "."],
    )
}

fn git(root: &Path, args: &[&str]) -> Result<(), String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        let why = String::from_utf8_lossy(&out.stderr);
        let why = why
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("git failed");
        Err(crate::text::echo(why.trim()))
    }
}

/// Runs git with the person's arguments inside the journal.
pub fn passthrough(root: &Path, args: &[String]) -> std::io::Result<ExitStatus> {
    Command::new("git").arg("-C").arg(root).args(args).status()
}
