//! `rel report`: what happened in a period, per relationship — the page a
//! person pastes into a quarterly review.

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::{Activity, CheckIn, CheckinId, Handle, Period, Relationship, Totals};
use crate::par::par_map;
use crate::problem::Problem;
use crate::report::period::Input;
use crate::report::{self, json, markdown, period};

use super::finish;

/// A period report: what happened in each relationship between two days
///
/// Per relationship: the check-ins held against what the cadence implies,
/// their ratings, waypoints reached, goals achieved or dropped (with the
/// final assessments if it ended), actions opened and closed, acts of
/// advocacy, strengths gained, and changes to the relationship itself
/// (paused, resumed, snoozed, ended, evolved, changed); then totals. Both
/// ends of the period are included. Without handles it covers every
/// relationship that ran at some time in the period — including ones that
/// ended or paused during it — or had anything happen in it.
///
/// Expected check-ins: one for every full cadence (months count as 30
/// days) in the days the relationship was meant to meet — from its start
/// to its end, less the days it was paused or snoozed — with the cadence it
/// has now. A period that runs past today counts up to today.
///
/// Examples:
///   rel report
///   rel report --since 2026-07-01 --until 2026-09-30 --format markdown > q3.md
///   rel report ada-lovelace grace --since "6m ago"
///   rel report --format json | jq '.totals'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only these relationships [default: every one that ran in the period]
    #[arg(value_name = "HANDLE", add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handles: Vec<String>,

    /// The first day of the period [default: 89 days before --until, for
    /// 90 days in all]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,

    /// The last day of the period [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,

    /// How to print it (the JSON shape is in the README)
    #[arg(long, value_enum, default_value_t = Format::Text, value_name = "FORMAT")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

/// The length of the default period, in days.
const DEFAULT_DAYS: u32 = 90;

/// A relationship read for the report: the file, and the ids of the
/// check-ins held in the period.
struct Read {
    handle: Handle,
    rel: Relationship,
    held: Vec<CheckinId>,
    /// The check-ins of the year the heat strip draws, by name only.
    year: Vec<CheckinId>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    ctx.may_page();
    let asked = period(ctx, &args)?;
    let covered = asked.through(ctx.today).unwrap_or(asked);
    let (handles, mut problems) = match named(ctx, &args.handles)? {
        Some(named) => (named, Vec::new()),
        None => {
            let listing = ctx.journal.listing()?;
            (listing.handles, listing.problems)
        }
    };
    let read = read(ctx, &handles, covered, &mut problems);
    let activities: Vec<Activity<'_>> = activities(ctx, &read, covered, &mut problems)
        .into_iter()
        .filter(|a| !args.handles.is_empty() || a.belongs())
        .collect();
    let totals = Totals::of(&activities);
    let input = Input {
        period: asked,
        covered,
        today: ctx.today,
        activities: &activities,
        totals: &totals,
    };
    match args.format {
        Format::Text => {
            let mut text = period::text(&input, ctx.width, ctx.paint);
            if !activities.is_empty() {
                let year: Vec<CheckinId> = read.iter().flat_map(|r| r.year.clone()).collect();
                text.push_str(&report::pictures::year_section(
                    &year,
                    covered.until,
                    ctx.width,
                    ctx.paint,
                ));
            }
            ctx.print(&text)?
        }
        Format::Markdown => ctx.print(&markdown::render(&input))?,
        Format::Json => ctx.print(&json::to_string(&json::period_report(&input, &problems)))?,
    }
    finish(ctx, &problems)
}

/// `--since` and `--until`, checked: a period that has begun by today.
fn period(ctx: &Ctx, args: &Args) -> Result<Period> {
    let today = ctx.today;
    let until = match &args.until {
        Some(text) => super::new::date("--until", text, today)?,
        None => today,
    };
    let since = match &args.since {
        Some(text) => super::new::date("--since", text, today)?,
        None => Period::ending(until, DEFAULT_DAYS).since,
    };
    let hint = "the period runs from --since to --until, both days included";
    let Some(period) = Period::new(since, until) else {
        let what = match &args.until {
            Some(_) => format!("--until {until}"),
            None => format!("today ({today}, the default --until)"),
        };
        return Err(Error::user(format!("--since {since} is after {what}")).with_hint(hint));
    };
    if since > today {
        return Err(
            Error::user(format!("--since {since} is after today ({today})"))
                .with_hint("a report covers days that have happened; pick an earlier --since"),
        );
    }
    Ok(period)
}

/// The relationships named on the command line, each once; `None` when
/// none were.
fn named(ctx: &Ctx, inputs: &[String]) -> Result<Option<Vec<Handle>>> {
    if inputs.is_empty() {
        return Ok(None);
    }
    let mut handles = Vec::new();
    for input in inputs {
        let handle = ctx.journal.find(input)?;
        if !handles.contains(&handle) {
            handles.push(handle);
        }
    }
    Ok(Some(handles))
}

/// Reads the relationships, and the names of their check-ins, on every
/// core.
fn read(ctx: &Ctx, handles: &[Handle], period: Period, problems: &mut Vec<Problem>) -> Vec<Read> {
    let journal = &ctx.journal;
    let files = par_map(handles, |handle| {
        (journal.load(handle), journal.checkin_ids(handle))
    });
    // The days the heat strip draws, not ten years of names.
    let weeks = crate::model::rhythm::spans(period.until, report::pictures::YEAR_WEEKS);
    let drawn = |day: NaiveDate| {
        weeks.first().is_some_and(|w| w.0 <= day) && weeks.last().is_some_and(|w| day <= w.1)
    };
    let mut read = Vec::new();
    for (handle, (rel, ids)) in handles.iter().zip(files) {
        let rel = match rel {
            Ok(rel) => rel,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let ids = ids.unwrap_or_else(|problem| {
            problems.push(problem);
            Vec::new()
        });
        let held = ids
            .iter()
            .copied()
            .filter(|id| period.contains(id.date))
            .collect();
        let year = ids.into_iter().filter(|id| drawn(id.date)).collect();
        read.push(Read {
            handle: handle.clone(),
            rel,
            held,
            year,
        });
    }
    read
}

/// How many relationships' check-ins are read at a time.
const WINDOW: usize = 32;

/// What each relationship did in the period, from the check-ins held in it
/// — only those, chosen by the dates in their names — read a window of
/// relationships at a time on every core, and let go once counted: of each
/// check-in a report reads its date, rating, whether it reviewed and the
/// changes agreed (see `Activity::of`), not the notes of a year of meetings.
fn activities<'r>(
    ctx: &Ctx,
    read: &'r [Read],
    period: Period,
    problems: &mut Vec<Problem>,
) -> Vec<Activity<'r>> {
    let mut activities = Vec::with_capacity(read.len());
    for window in read.chunks(WINDOW) {
        let files: Vec<(&Handle, CheckinId)> = window
            .iter()
            .flat_map(|r| r.held.iter().map(|id| (&r.handle, *id)))
            .collect();
        let mut loaded = ctx
            .journal
            .map_checkins(&files, |_, checkin, _| CheckIn {
                rating: checkin.rating,
                review: checkin.review,
                changes: checkin.changes,
                ..CheckIn::new(checkin.date)
            })
            .into_iter();
        for r in window {
            let mut checkins = Vec::with_capacity(r.held.len());
            for result in loaded.by_ref().take(r.held.len()) {
                match result {
                    Ok(checkin) => checkins.push(checkin),
                    Err(problem) => problems.push(problem),
                }
            }
            activities.push(Activity::of(
                &r.handle,
                &r.rel,
                period,
                r.held.clone(),
                &checkins,
            ));
        }
    }
    activities
}
