//! `rel export [HANDLE…]`: the journal, or some of it, as one JSON document.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::export::{CheckinEntry, Entry, Export};
use crate::model::{CheckinId, Handle};
use crate::store::{Problem, Severity, par_map};

/// Print the journal, or the relationships named, as one JSON document.
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
    #[arg(value_name = "HANDLE")]
    pub handles: Vec<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
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
    let export = Export {
        exported_at: ctx.today,
        relationships,
    };
    ctx.print_with(|out| export.write(out))
}

/// Reads every relationship and check-in with the text of its file, all
/// check-ins of the journal in one parallel pass.
fn gather(ctx: &Ctx, handles: &[Handle], problems: &mut Vec<Problem>) -> Vec<Entry> {
    let journal = &ctx.journal;
    let read = par_map(handles, |handle| {
        let (rel, text) = journal.load_with_text(handle)?;
        let ids = journal.checkin_ids(handle)?;
        Ok::<_, Problem>((rel, text, ids))
    });
    let mut entries = Vec::with_capacity(handles.len());
    let mut files: Vec<(&Handle, CheckinId)> = Vec::new();
    for (handle, result) in handles.iter().zip(read) {
        match result {
            Ok((relationship, text, ids)) => {
                files.extend(ids.iter().map(|id| (handle, *id)));
                entries.push((
                    Entry {
                        handle: handle.clone(),
                        relationship,
                        toml: Some(text),
                        checkins: Vec::with_capacity(ids.len()),
                    },
                    ids,
                ));
            }
            Err(problem) => problems.push(problem),
        }
    }
    let mut checkins = journal.load_checkins_with_text(&files).into_iter();
    for (entry, ids) in &mut entries {
        for (id, result) in ids.iter().zip(checkins.by_ref()) {
            match result {
                Ok((checkin, text)) => entry.checkins.push(CheckinEntry {
                    id: *id,
                    checkin,
                    toml: Some(text),
                }),
                Err(problem) => problems.push(problem),
            }
        }
    }
    entries.into_iter().map(|(entry, _)| entry).collect()
}
