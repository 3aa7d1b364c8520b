//! `rel sync`: one journal on two machines, through a git remote.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::report::merged as words;
use crate::store::sync::{SyncError, Synced};

/// Commit, fetch, merge and push the journal, with no conflicts in rel's files
///
/// The daily habit when one journal lives on two machines: commits what rel
/// left uncommitted, fetches from the branch's remote, merges it with rel's
/// own item-by-item merge (new items both machines numbered alike are
/// renumbered on this one, and a field changed differently on both keeps
/// the remote's value with this machine's in the history, for you to
/// settle), and pushes. Says in a line what came in and what went out.
/// The same merge runs when you use git pull or git merge yourself: rel
/// registers it as the clone's merge driver.
///
/// Examples:
///   rel sync
///   rel git remote add origin git@example.com:me/journal.git && rel sync
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<()> {
    // Before anything is written: a journal that is not in git (or not
    // there at all) is left as it is.
    if !crate::store::git::is_work_tree(ctx.journal.root()) {
        return Err(why(SyncError::NotGit));
    }
    ctx.journal.check_writable()?;
    let txn = ctx.journal.begin()?;
    let synced = txn.sync(ctx.today).map_err(why)?;
    drop(txn);
    say(ctx, &synced);
    Ok(())
}

fn say(ctx: &Ctx, synced: &Synced) {
    if synced.committed > 0 {
        ctx.say(&words::committed(synced.committed));
    }
    ctx.say(&words::came_in(&synced.upstream, &synced.came_in));
    for report in &synced.merged {
        for line in words::merge_lines(&report.handle, &report.renumbered, &report.recorded) {
            ctx.say(&format!("  {line}"));
        }
    }
    ctx.say(&words::went_out(
        &synced.upstream,
        &synced.went_out,
        synced.new_branch,
    ));
}

fn why(err: SyncError) -> Error {
    match err {
        SyncError::NotGit => Error::user("the journal is not in git, so there is nothing to sync with")
            .with_hint("put it in git once: rel git init && rel git add -A && rel git commit -m journal; then add a remote (rel git remote add origin URL) and rel sync"),
        SyncError::NoRemote => Error::user("the journal's repository has no remote to sync with")
            .with_hint("add one: rel git remote add origin URL, then rel sync (it pushes there)"),
        SyncError::SeveralRemotes(remotes) => Error::user(format!(
            "the journal's repository has several remotes ({}) and its branch follows none of them",
            remotes.join(", ")
        ))
        .with_hint("choose one: rel git branch --set-upstream-to REMOTE/BRANCH"),
        SyncError::Detached => Error::user("the journal's repository is not on a branch")
            .with_hint("check one out: rel git checkout main"),
        SyncError::Busy(what) => Error::user(format!(
            "cannot sync: {what} in the journal's repository"
        ))
        .with_hint("settle that first (rel git status shows where it stands), then rel sync"),
        SyncError::Unreachable { remote, why } => Error::user(format!(
            "cannot reach {remote}: {why}"
        ))
        .with_hint(format!(
            "your changes are committed here; rel sync again when {remote} can be reached"
        )),
        SyncError::PushRefused { remote, why } => Error::user(format!(
            "{remote} refused the push: {why}"
        ))
        .with_hint("your changes are committed here; rel git status and rel git log show where things stand"),
        SyncError::Conflicts(paths) => Error::user(format!(
            "{} could not be merged, so nothing was",
            paths.join(", ")
        ))
        .with_hint("a file of rel's that does not parse on one side is named by rel check: fix it and rel sync; a file that is not rel's is yours to merge (rel git merge with the remote's branch), then rel sync"),
        SyncError::Git(why) => Error::user(format!("git: {why}"))
            .with_hint("nothing rel wrote was lost; rel git status shows where things stand"),
    }
}
