//! `rel git ARGS…`: git, run inside the journal.

use crate::context::Ctx;
use crate::error::{Error, Result};

/// Run git inside the journal folder, as `pass git` does
///
/// When the journal is a git work tree, rel commits every change it makes
/// with a message saying what happened (turn it off with `git = false` in
/// the config file). `rel git` is how the journal travels: push it to a
/// remote, pull it on another machine.
///
/// Examples:
///   rel git init && rel git add -A && rel git commit -m "my journal"
///   rel git log --oneline
///   rel git push
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The arguments for git
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "ARGS"
    )]
    pub args: Vec<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let root = ctx.journal.root();
    if !root.is_dir() {
        return Err(
            Error::user(format!("there is no journal at {} yet", root.display()))
                .with_hint("start one with rel new, then rel git init"),
        );
    }
    let status = crate::store::git::passthrough(root, &args.args).map_err(|e| {
        Error::user(format!("cannot run git: {}", crate::error::io_reason(&e)))
            .with_hint("is git installed?")
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::user(format!("git exited with {status}"))
            .with_hint("git's own message is above"))
    }
}
