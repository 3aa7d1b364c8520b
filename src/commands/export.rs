//! `rel export [HANDLE…]`: the journal, or some of it, as one JSON document.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::export::{self, CheckinEntry, RenderedEntry, render_head};
use crate::model::{CheckinId, Handle};
use crate::par::par_map;
use crate::problem::{Problem, Severity};
use crate::store::{Access, FORMAT, Read};

/// Print the journal, or the relationships named, as one JSON document
///
/// Everything goes into it: each relationship with every field and item
/// (its history of events included), every check-in under its id, and the
/// text of each file as it is, so that `rel import` puts the journal back
/// exactly, comments and all. The document is printed only when every file
/// reads: a backup must not silently miss one. The format is described in
/// the README ("Export and import").
///
/// Examples:
///   rel export > rel-backup.json
///   rel export ada-lovelace grace > two.json
///   rel export | jq -r '.relationships[].handle'
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only these relationships [default: all of them]
    #[arg(value_name = "HANDLE", add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handles: Vec<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    if let Access::ReadOnly { format } = ctx.journal.access()? {
        return Err(Error::journal(format!(
            "{} was written by a newer rel (format {format} > {FORMAT}); an export by this rel could miss what it does not know",
            ctx.journal.root().display()
        ))
        .with_hint("upgrade rel, then export"));
    }
    // Writers wait until every file is read: the export is of one moment.
    let lock = ctx.journal.read_lock()?;
    let (handles, mut problems) = if args.handles.is_empty() {
        let listing = ctx.journal.listing()?;
        (listing.handles, listing.problems)
    } else {
        let mut handles = args
            .handles
            .iter()
            .map(|h| ctx.journal.find(h))
            .collect::<Result<Vec<Handle>>>()?;
        handles.sort();
        handles.dedup();
        (handles, Vec::new())
    };
    let relationships = gather(ctx, &handles, &mut problems);
    drop(lock);
    for warning in problems.iter().filter(|p| p.severity == Severity::Warning) {
        ctx.say(&format!("{} {warning}", ctx.paint_err.warning_label()));
    }
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        return Err(Error::journal_lines(errors).with_hint(
            "nothing was exported: a backup must not silently miss a file. Fix it by hand (rel check lists every problem) and export again, or export the other relationships by name",
        ));
    }
    ctx.print_with(|out| export::write_rendered(ctx.today, &relationships, out))
}

/// Reads every relationship and check-in with the text of its file, all
/// check-ins of the journal in one parallel pass, and renders each piece
/// of the document on the thread that read it.
fn gather(ctx: &Ctx, handles: &[Handle], problems: &mut Vec<Problem>) -> Vec<RenderedEntry> {
    let journal = &ctx.journal;
    let read = par_map(handles, |handle| {
        let loaded = journal.read(handle, Read::ALL.with_text())?;
        let (rel, text) = (loaded.rel, loaded.text.unwrap_or_default());
        let ids = journal.checkin_ids(handle)?;
        let head = render_head(&rel, Some(&text))
            .map_err(|e| not_rendered(&journal.relationship_path(handle), &e))?;
        Ok::<_, Problem>((head, ids))
    });
    let mut entries = Vec::with_capacity(handles.len());
    let mut files: Vec<(&Handle, CheckinId)> = Vec::new();
    for (handle, result) in handles.iter().zip(read) {
        match result {
            Ok((head, ids)) => {
                files.extend(ids.iter().map(|id| (handle, *id)));
                entries.push((handle, head, ids.len()));
            }
            Err(problem) => problems.push(problem),
        }
    }
    let mut checkins = journal
        .map_checkins(&files, |id, checkin, text| {
            let toml = Some(text);
            let entry = CheckinEntry { id, checkin, toml };
            (id, entry.render())
        })
        .into_iter();
    let mut rendered = Vec::with_capacity(entries.len());
    for (handle, head, count) in entries {
        let mut entry = RenderedEntry {
            handle: handle.clone(),
            head,
            checkins: Vec::with_capacity(count),
        };
        for result in checkins.by_ref().take(count) {
            match result {
                Ok((_, Ok(piece))) => entry.checkins.push(piece),
                Ok((id, Err(e))) => {
                    problems.push(not_rendered(&journal.checkin_path(handle, id), &e));
                }
                Err(problem) => problems.push(problem),
            }
        }
        rendered.push(entry);
    }
    rendered
}

/// Rendering JSON into memory does not fail; if it ever did, the export
/// must not go on without the file.
fn not_rendered(path: &std::path::Path, err: &std::io::Error) -> Problem {
    Problem::error(path, format!("cannot be written as JSON: {err}"))
}
