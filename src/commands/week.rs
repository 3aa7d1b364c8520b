//! `rel week`: the days ahead as an agenda.

use chrono::Days;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::Period;
use crate::model::agenda::{Source, agenda};
use crate::par::par_map;
use crate::problem::Problem;
use crate::report::{json, week};

use super::{View, finish, load_overview};

/// The days ahead as an agenda
///
/// Day by day, quiet days left out: the meetings planned or due (each with
/// the one thing to raise and the question to ask), your promises that
/// fall due and then theirs, waypoints and goals due, reverse-mentoring
/// time boxes ending, and — on the first day, when it is today — whatever
/// is already late and the acts of advocacy you owe. Everything comes from
/// the same assessment `rel status` shows.
///
/// Examples:
///   rel week
///   rel week --next
///   rel week --days 14
///   rel week --json | jq '.days[].date'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The days after these instead: next week, or the next --days
    #[arg(long)]
    pub next: bool,

    /// How many days, from today
    #[arg(long, value_name = "N", default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=366))]
    pub days: u32,

    /// Print JSON instead of text (the shape is in the README)
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let window = window(ctx, &args)?;
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
    let entries = agenda(&sources, window, ctx.today);
    let input = week::Input {
        window,
        today: ctx.today,
        sources: &sources,
        entries: &entries,
    };
    if args.json {
        ctx.print(&json::to_string(&week::json(&input, &problems)))?;
    } else {
        ctx.print(&week::text(&input, ctx.width, ctx.paint))?;
    }
    finish(ctx, &problems)
}

/// The days asked for: `--days` from today, or the same many after them.
fn window(ctx: &Ctx, args: &Args) -> Result<Period> {
    let days = u64::from(args.days);
    let since = if args.next {
        ctx.today.checked_add_days(Days::new(days))
    } else {
        Some(ctx.today)
    };
    since
        .and_then(|since| {
            let until = since.checked_add_days(Days::new(days - 1))?;
            Period::new(since, until)
        })
        .ok_or_else(|| Error::user("those days are past the end of the calendar"))
}
