//! `rel merge-driver`: rel's merge, as git runs it (hidden; registered in
//! each clone's git config as `merge.rel.driver`).

use std::path::PathBuf;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::report::merged as words;
use crate::store::sync::driver::{self, REPORT_VAR};

/// Merge one of rel's files for git (git's %O %A %B %P)
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The common version
    pub base: PathBuf,
    /// This side's version, where the result goes
    pub ours: PathBuf,
    /// The other side's version
    pub theirs: PathBuf,
    /// The file's path in the repository
    pub path: PathBuf,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    // git runs a merge driver at the top of the work tree.
    let top = std::env::current_dir().map_err(|e| Error::io("find", &PathBuf::from("."), &e))?;
    let versions = [
        args.base.as_path(),
        args.ours.as_path(),
        args.theirs.as_path(),
    ];
    let report = driver::run(&top, &args.path, versions, ctx.today).map_err(|e| {
        Error::journal(format!("rel cannot merge {}: {}", args.path.display(), e.0)).with_hint(
            "git leaves it to you, with this side's version in place: merge it by hand, then rel check",
        )
    })?;
    match std::env::var_os(REPORT_VAR) {
        Some(file) => {
            let _ = driver::append_report(&PathBuf::from(file), &report);
        }
        None => {
            for line in words::merge_lines(&report.handle, &report.renumbered, &report.recorded) {
                ctx.say(&format!("rel: {line}"));
            }
            if !report.rewritten.is_empty() {
                ctx.say(&format!(
                    "rel: rewrote {} to match; commit {} (rel sync does)",
                    report.rewritten.join(", "),
                    if report.rewritten.len() == 1 {
                        "it"
                    } else {
                        "them"
                    }
                ));
            }
        }
    }
    Ok(())
}
