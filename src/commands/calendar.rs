//! `rel calendar`: the journal's dates for a calendar app.

use std::path::{Path, PathBuf};

use crate::context::Ctx;
use crate::error::{Error, Result, io_reason};
use crate::model::agenda::Source;
use crate::par::par_map;
use crate::problem::Problem;
use crate::report::calendar::calendar;
use crate::store::file::{Mode, write_atomic};

use super::{View, finish, load_overview};

/// Your meetings and due dates as an iCalendar file
///
/// One all-day event for each relationship's next meeting (planned at the
/// last check-in, or due by its cadence), for each open action, waypoint
/// and goal with a due date, and for the end of each reverse-mentoring
/// time box. Every event keeps its UID from one run to the next, so
/// importing the file again, or a calendar app that subscribes to it,
/// updates the events instead of adding copies. Events are marked private.
///
/// Examples:
///   rel calendar > rel.ics
///   rel calendar --out ~/Calendars/rel.ics     # then subscribe to that file
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Write the calendar to this file (replaced whole, never half-written)
    /// instead of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let listing = ctx.journal.listing()?;
    let mut problems: Vec<Problem> = listing.problems;
    let mut views: Vec<View> = Vec::new();
    for loaded in par_map(&listing.handles, |handle| load_overview(ctx, handle)) {
        match loaded {
            Ok(mut view) => {
                problems.append(&mut view.problems);
                views.push(view);
            }
            Err(problem) => problems.push(problem),
        }
    }
    let sources: Vec<Source<'_>> = views
        .iter()
        .map(|v| Source {
            handle: &v.handle,
            rel: &v.rel,
            assessment: &v.assessment,
        })
        .collect();
    let text = calendar(&sources, ctx.today);
    match &args.out {
        None => ctx.print(&text)?,
        Some(path) => {
            write_out(path, &text)?;
            let events = text.matches("BEGIN:VEVENT").count();
            ctx.say(&format!(
                "Wrote {events} events to {}.",
                crate::text::sanitize(&path.display().to_string())
            ));
        }
    }
    finish(ctx, &problems)
}

/// Replaces the file whole: a calendar app reading it meanwhile sees the
/// old calendar or the new one.
fn write_out(path: &Path, text: &str) -> Result<()> {
    let shown = crate::text::sanitize(&path.display().to_string());
    let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
        Error::user(format!("--out {shown} names no file"))
            .with_hint("give a file name, like --out rel.ics")
    })?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Error::user(format!("--out {shown} is a folder"))
            .with_hint("give a file name, like --out rel.ics"));
    }
    write_atomic(dir, name, text.as_bytes(), Mode::Replace).map_err(|e| {
        Error::user(format!("cannot write {shown}: {}", io_reason(&e)))
            .with_hint("--out takes a file in a folder that exists and you can write to")
    })
}
