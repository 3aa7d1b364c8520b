//! `rel log HANDLE`: the check-ins of one relationship, newest first.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::CheckinId;
use crate::model::history::Change;
use crate::report::{json, log};

use super::{date_range, finish, problems_error};

/// Show a relationship's check-ins in full, newest first
///
/// Each meeting with its date, rating and notes (wrapped, never cut), what
/// is working and what is not, the changes agreed, the actions opened and
/// closed and the waypoints reached (with their text), whether it reviewed
/// the relationship, and the next meeting. Between the meetings, on their
/// days, what changed: a field set (every word, old and new), an evolution,
/// a pause, a goal, waypoint or action moved, renamed or reopened. --since and --until take any
/// date rel understands and include the day itself; -n keeps the newest N.
///
/// Examples:
///   rel log ada-lovelace
///   rel log ada-lovelace -n 3
///   rel log grace --since 2026-01-01 --until 2026-03-31
///   rel log ada-lovelace --since "3m ago" --json | jq '.checkins[].notes'
#[derive(Debug, clap::Args)]
// Verbatim, so that the examples keep their lines.
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,

    /// Only check-ins on or after this day
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,

    /// Only check-ins on or before this day
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,

    /// Only the newest N check-ins
    #[arg(short = 'n', long = "max-count", value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub count: Option<u32>,

    /// Print JSON instead of text (the shape is in the README)
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    ctx.may_page();
    let handle = ctx.journal.find(&args.handle)?;
    let period = date_range(ctx, args.since.as_deref(), args.until.as_deref())?;
    let mut problems = Vec::new();
    let rel = ctx.journal.load(&handle).map_err(|p| problems.push(p)).ok();
    let all = ctx
        .journal
        .checkin_ids(&handle)
        .map_err(|p| problems_error(&[p]))?;
    // Ids carry their dates: filter and count before opening any file.
    let limit = args.count.map_or(usize::MAX, |n| n as usize);
    let wanted: Vec<CheckinId> = all
        .iter()
        .rev()
        .filter(|id| period.contains(id.date))
        .copied()
        .collect();
    let limited = wanted.len() > limit;
    let mut shown = Vec::new();
    let files: Vec<_> = wanted[..wanted.len().min(limit)]
        .iter()
        .map(|id| (&handle, *id))
        .collect();
    for loaded in ctx
        .journal
        .map_checkins(&files, |id, checkin, _| (id, checkin))
    {
        match loaded {
            Ok(checkin) => shown.push(checkin),
            Err(problem) => problems.push(problem),
        }
    }

    // The changes between meetings in the same days: all of the period,
    // or (with -n) back to the oldest meeting shown.
    let oldest = shown.last().map(|(id, _)| id.date).filter(|_| limited);
    let mut changes: Vec<Change<'_>> = rel
        .as_ref()
        .map(crate::model::history::changes)
        .unwrap_or_default()
        .into_iter()
        .filter(|c| period.contains(c.date()) && oldest.is_none_or(|d| c.date() >= d))
        .collect();
    // Newest day first; within a day, in the order they were made.
    changes.sort_by_key(|c| std::cmp::Reverse(c.date()));
    let input = log::Input {
        handle: handle.as_str(),
        rel: rel.as_ref(),
        total: all.len(),
        shown: &shown,
        changes: &changes,
        period,
        limited,
    };
    if args.json {
        ctx.print(&json::to_string(&log::json(&input, &problems)))?;
    } else if !shown.is_empty() || !changes.is_empty() {
        ctx.print(&log::render(&input, ctx.width, ctx.paint))?;
    }
    if shown.is_empty() && wanted.is_empty() {
        let who = rel
            .as_ref()
            .map_or(handle.to_string(), |r| crate::text::sanitize(&r.person));
        ctx.say(&if all.is_empty() {
            format!("No check-ins with {who} yet; rel checkin {handle} records one.")
        } else {
            format!(
                "No check-ins with {who} {period} ({} in all; rel log {handle} shows them).",
                all.len()
            )
        });
    }
    finish(ctx, &problems)
}
