//! `rel undo`: put back what the last change rel made to the journal wrote.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::store::undo::{KEEP, Restored};
use crate::text::{sanitize, wrap};

/// Undo the last change rel made to the journal
///
/// rel keeps, for its last 10 changes, the bytes of every file it wrote
/// before and after (in .undo/ inside the journal, which git never sees).
/// rel undo puts the files of the last change back byte for byte — a
/// check-in it added is removed, a relationship rel new made is gone again
/// — with or without git, and refuses, writing nothing, if one of them
/// changed since (a hand edit, a git pull). Run it again to undo the change
/// before that one.
///
/// Examples:
///   rel undo
///   rel undo --list
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Show the changes kept, newest first, instead of undoing one
    #[arg(long)]
    pub list: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    if args.list {
        return list(ctx);
    }
    ctx.journal.check_writable()?;
    let Some(undone) = ctx.journal.undo()? else {
        return Err(nothing());
    };
    let command = sanitize(&undone.change.command);
    ctx.changed(format!("undo: {command}"));
    let when = undone
        .change
        .date
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    let mut lines = vec![format!("Undid `{command}`{when}:")];
    for (path, how) in &undone.files {
        let how = match how {
            Restored::Restored => "put back as it was",
            Restored::Removed => "removed (rel had created it)",
            Restored::Recreated => "back again (rel had removed it)",
        };
        lines.push(format!("  {} {how}", sanitize(path)));
    }
    ctx.say(&lines.join("\n"));
    Ok(())
}

fn list(ctx: &Ctx) -> Result<()> {
    let changes = ctx.journal.undo_list()?;
    if changes.is_empty() {
        ctx.say("Nothing to undo: rel has no record of a change to this journal.");
        return Ok(());
    }
    let mut out = String::new();
    for change in &changes {
        let date = change
            .date
            .map_or_else(|| "          ".to_string(), |d| d.to_string());
        let files = change
            .paths
            .iter()
            .map(|p| sanitize(p))
            .collect::<Vec<_>>()
            .join(", ");
        let kept = if change.kept {
            String::new()
        } else {
            " (too large to keep: cannot be undone)".to_string()
        };
        let line = format!("{}{kept} · {files}", sanitize(&change.command));
        out.push_str(&format!(
            "{date}  {}\n",
            wrap(&line, 12, ctx.width, &" ".repeat(12))
        ));
    }
    ctx.print(&out)?;
    ctx.say(&format!(
        "{} kept, newest first (rel keeps the last {KEEP}); rel undo reverts the first.",
        crate::report::words::plural(changes.len(), "change")
    ));
    Ok(())
}

fn nothing() -> Error {
    Error::user("nothing to undo: rel has no record of a change to this journal").with_hint(
        format!("rel keeps its last {KEEP} changes, and a change undone is no longer kept (rel undo --list)"),
    )
}
