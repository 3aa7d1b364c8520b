//! `rel sync`, the git side: commit what rel's files hold uncommitted,
//! fetch, merge with rel's merge (the driver, through `git merge`), push.
//! Every step is git's own command, so the history is what a person who
//! used git by hand would have; rel only decides how its files merge.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::NaiveDate;

use super::super::git::{self, NotCommitted};
use super::super::{GITIGNORE, JOURNAL_FILE, RELATIONSHIPS, Txn};
use super::driver::{self, REPORT_VAR, Report};
use super::{modes, setup};

/// Why a sync stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// The journal is not in a git work tree.
    NotGit,
    /// No remote to sync with.
    NoRemote,
    /// Several remotes, and the branch follows none of them.
    SeveralRemotes(Vec<String>),
    /// HEAD is not on a branch.
    Detached,
    /// git is in the middle of something (`a merge is in progress`).
    Busy(&'static str),
    /// The remote could not be reached; what was committed stays here.
    Unreachable { remote: String, why: String },
    /// The push was refused for a reason a fetch does not mend.
    PushRefused { remote: String, why: String },
    /// git could not merge these files (not rel's, or not readable).
    Conflicts(Vec<String>),
    /// git said no, in its words.
    Git(String),
}

/// What a sync did.
#[derive(Debug, Default)]
pub struct Synced {
    /// `origin/main`.
    pub upstream: String,
    /// Files committed before syncing (rel's, left uncommitted).
    pub committed: usize,
    /// The commits that came in and went out, by their subjects.
    pub came_in: Vec<String>,
    pub went_out: Vec<String>,
    /// What rel's merge did to its files.
    pub merged: Vec<Report>,
    /// The branch was new on the remote.
    pub new_branch: bool,
    /// Files and folders given 0700/0600 again.
    pub modes_fixed: usize,
}

/// The paths of the journal that are rel's, relative to it.
fn own_paths() -> Vec<PathBuf> {
    [
        JOURNAL_FILE,
        GITIGNORE,
        setup::ATTRIBUTES_FILE,
        RELATIONSHIPS,
    ]
    .iter()
    .map(PathBuf::from)
    .collect()
}

struct Git<'a> {
    root: &'a Path,
    today: NaiveDate,
    report: Option<PathBuf>,
}

impl Git<'_> {
    fn run(&self, args: &[&str]) -> std::io::Result<Output> {
        let mut cmd = Command::new("git");
        cmd.arg("-C")
            .arg(self.root)
            .args(args)
            .stdin(Stdio::null())
            .env("REL_TODAY", self.today.to_string())
            // Never a prompt for a password or an editor for a message.
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_EDITOR", "true")
            .env("GIT_MERGE_AUTOEDIT", "no");
        if let Some(report) = &self.report {
            cmd.env(REPORT_VAR, report);
        }
        cmd.output()
    }

    /// git, which must succeed: its output, else its first words.
    fn ok(&self, args: &[&str]) -> Result<String, SyncError> {
        let out = self
            .run(args)
            .map_err(|e| SyncError::Git(format!("cannot run git: {e}")))?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(SyncError::Git(first_words(&out)))
        }
    }

    fn succeeds(&self, args: &[&str]) -> bool {
        self.run(args).is_ok_and(|o| o.status.success())
    }

    fn lines(&self, args: &[&str]) -> Result<Vec<String>, SyncError> {
        Ok(self
            .ok(args)?
            .lines()
            .map(str::to_string)
            .filter(|l| !l.is_empty())
            .collect())
    }
}

/// git's first line of complaint, made safe to show.
fn first_words(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("hint:"))
        .unwrap_or("git failed");
    crate::text::sanitize(
        line.trim_start_matches("fatal: ")
            .trim_start_matches("error: "),
    )
}

/// Where the branch syncs to: its upstream, else the only remote (or
/// `origin`) under the branch's name.
struct Upstream {
    remote: String,
    branch: String,
    /// The branch already follows it.
    tracking: bool,
}

fn upstream(git: &Git<'_>) -> Result<(String, Upstream), SyncError> {
    let local = git
        .ok(&["symbolic-ref", "--quiet", "--short", "HEAD"])
        .map_err(|_| SyncError::Detached)?
        .trim()
        .to_string();
    let remote = git.ok(&["config", &format!("branch.{local}.remote")]).ok();
    let merge = git.ok(&["config", &format!("branch.{local}.merge")]).ok();
    if let (Some(remote), Some(merge)) = (remote, merge) {
        let remote = remote.trim().to_string();
        if remote != "." {
            let branch = merge.trim().trim_start_matches("refs/heads/").to_string();
            return Ok((
                local,
                Upstream {
                    remote,
                    branch,
                    tracking: true,
                },
            ));
        }
    }
    let remotes = git.lines(&["remote"])?;
    let remote = match remotes.as_slice() {
        [] => return Err(SyncError::NoRemote),
        [only] => only.clone(),
        several if several.iter().any(|r| r == "origin") => "origin".to_string(),
        several => return Err(SyncError::SeveralRemotes(several.to_vec())),
    };
    Ok((
        local.clone(),
        Upstream {
            remote,
            branch: local,
            tracking: false,
        },
    ))
}

impl Txn<'_> {
    /// Syncs the journal with its remote, holding the lock throughout.
    pub fn sync(&self, today: NaiveDate) -> Result<Synced, SyncError> {
        let root = self.journal().root().to_path_buf();
        if !git::is_work_tree(&root) {
            return Err(SyncError::NotGit);
        }
        let mut synced = Synced::default();
        // rel's merge, for this clone and for every clone after it.
        let _ = self.journal().set_up_git_merge();
        let report_dir = tempfile::tempdir().map_err(|e| SyncError::Git(e.to_string()))?;
        let report = report_dir.path().join("merge.jsonl");
        let git = Git {
            root: &root,
            today,
            report: Some(report.clone()),
        };
        // What rel wrote and did not commit (during a merge, or by hand).
        match git::commit(&root, &own_paths(), "changes not yet committed (rel sync)") {
            Ok(true) => {
                synced.committed = git
                    .lines(&["show", "--name-only", "--format=", "HEAD"])
                    .map(|l| l.len())
                    .unwrap_or(1)
            }
            Ok(false) => {}
            Err(NotCommitted::Busy(what)) => return Err(SyncError::Busy(what)),
            Err(NotCommitted::Failed(why)) => return Err(SyncError::Git(why)),
        }
        let (local, up) = upstream(&git)?;
        synced.upstream = format!("{}/{}", up.remote, up.branch);
        let tracking_ref = format!("refs/remotes/{}/{}", up.remote, up.branch);
        // A push refused because the remote moved on meanwhile: fetch,
        // merge and push again, a few times.
        for attempt in 0..3 {
            let fetch = git
                .run(&["fetch", "--quiet", &up.remote])
                .map_err(|e| SyncError::Git(format!("cannot run git: {e}")))?;
            if !fetch.status.success() {
                return Err(SyncError::Unreachable {
                    remote: up.remote.clone(),
                    why: first_words(&fetch),
                });
            }
            let sha = |r: &str| {
                git.ok(&["rev-parse", "--verify", "--quiet", r])
                    .ok()
                    .map(|s| s.trim().to_string())
            };
            let theirs = sha(&tracking_ref);
            let head = sha("HEAD");
            let contains = |a: &str, b: &str| git.succeeds(&["merge-base", "--is-ancestor", a, b]);
            match (&head, &theirs) {
                (_, None) => {}
                (Some(h), Some(t)) if h == t || contains(t, h) => {}
                (Some(h), Some(t)) => {
                    let range = format!("{h}..{t}");
                    synced.came_in.extend(git.lines(&[
                        "log",
                        "--no-merges",
                        "--format=%s",
                        &range,
                    ])?);
                    if contains(h, t) {
                        git.ok(&["merge", "--ff-only", "--quiet", t])?;
                    } else {
                        merge(&git, t, &synced.upstream, &mut synced.merged)?;
                    }
                }
                // Nothing here yet (a clone of an empty journal): take it.
                (None, Some(t)) => {
                    synced
                        .came_in
                        .extend(git.lines(&["log", "--no-merges", "--format=%s", t])?);
                    git.ok(&["merge", "--ff-only", "--quiet", t])?;
                }
            }
            let head = sha("HEAD");
            let (outgoing, ahead) = match (&head, &theirs) {
                (None, _) => (Vec::new(), false),
                (Some(h), None) => (git.lines(&["log", "--no-merges", "--format=%s", h])?, true),
                (Some(h), Some(t)) => (
                    git.lines(&["log", "--no-merges", "--format=%s", &format!("{t}..{h}")])?,
                    h != t,
                ),
            };
            if !ahead {
                break;
            }
            let spec = format!("HEAD:refs/heads/{}", up.branch);
            let push = git
                .run(&["push", "--quiet", "--porcelain", &up.remote, &spec])
                .map_err(|e| SyncError::Git(format!("cannot run git: {e}")))?;
            if push.status.success() {
                synced.new_branch = theirs.is_none();
                synced.went_out = outgoing;
                if !up.tracking {
                    let _ = git.ok(&[
                        "branch",
                        "--quiet",
                        "--set-upstream-to",
                        &synced.upstream,
                        &local,
                    ]);
                }
                break;
            }
            let said = String::from_utf8_lossy(&push.stdout).to_string()
                + &String::from_utf8_lossy(&push.stderr);
            let moved_on = said.contains("[rejected]")
                || said.contains("fetch first")
                || said.contains("non-fast-forward");
            if moved_on && attempt < 2 {
                continue;
            }
            if moved_on || said.contains("[remote rejected]") {
                return Err(SyncError::PushRefused {
                    remote: up.remote.clone(),
                    why: first_words(&push),
                });
            }
            return Err(SyncError::Unreachable {
                remote: up.remote.clone(),
                why: first_words(&push),
            });
        }
        synced.modes_fixed = modes::restore(&root).unwrap_or(0);
        modes::seen(&root);
        Ok(synced)
    }
}

/// Merges what came in with rel's merge, and commits the merge with the
/// check-ins it renumbered. A file git could not merge (one that is not
/// rel's) stops the merge, and it is undone.
fn merge(
    git: &Git<'_>,
    theirs: &str,
    upstream: &str,
    merged: &mut Vec<Report>,
) -> Result<(), SyncError> {
    let out = git
        .run(&["merge", "--no-ff", "--no-commit", "--quiet", theirs])
        .map_err(|e| SyncError::Git(format!("cannot run git: {e}")))?;
    let reports = git
        .report
        .as_deref()
        .map(driver::read_reports)
        .unwrap_or_default();
    if let Some(file) = &git.report {
        let _ = std::fs::remove_file(file);
    }
    let unmerged = git
        .lines(&["diff", "--name-only", "--diff-filter=U"])
        .unwrap_or_default();
    if !out.status.success() || !unmerged.is_empty() {
        let _ = git.run(&["merge", "--abort"]);
        if unmerged.is_empty() {
            return Err(SyncError::Git(first_words(&out)));
        }
        return Err(SyncError::Conflicts(unmerged));
    }
    let top = git.ok(&["rev-parse", "--show-toplevel"])?;
    let top = Path::new(top.trim());
    for path in driver::rewritten(&reports) {
        let path = top.join(path);
        git.ok(&["add", "--", &path.to_string_lossy()])?;
    }
    let mut message = format!("sync: merge {upstream}");
    let notes: Vec<String> = reports
        .iter()
        .filter(|r| !r.is_quiet())
        .flat_map(|r| {
            let renumbered = r.renumbered.iter().map(|(from, to, text)| {
                format!("{}: this machine's {from} \"{text}\" is now {to}", r.handle)
            });
            let recorded = r
                .recorded
                .iter()
                .map(|(field, _, _)| format!("{}: {field} was changed on two machines", r.handle));
            renumbered.chain(recorded).collect::<Vec<_>>()
        })
        .collect();
    if !notes.is_empty() {
        message.push_str("\n\n");
        message.push_str(&notes.join("\n"));
    }
    git.ok(&[
        "commit",
        "--quiet",
        "--no-verify",
        "--no-edit",
        "-m",
        &message,
    ])?;
    merged.extend(reports.into_iter().filter(|r| !r.is_quiet()));
    Ok(())
}
