//! `rel status [HANDLE]`: where every relationship stands and what needs you.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::assess::sort_attention;
use crate::model::rhythm::{self, Week};
use crate::model::{CheckIn, CheckinId, Handle, Meetings, Status};
use crate::par::par_map;
use crate::problem::Problem;
use crate::report::{json, show, status};
use crate::store::Words;

use super::{View, finish, load_overview, load_view, problems_error};

/// Where your relationships stand, and what needs you
///
/// Without a handle: a table of your active relationships, then the
/// attention list, most urgent first, each item with the command that deals
/// with it. With a handle: the full progress report of one relationship —
/// the four understandings with why, waypoints, goals, actions, the last
/// check-ins and the rating trend. `rel show HANDLE` is the same command.
///
/// Examples:
///   rel status
///   rel status --all
///   rel show ada-lovelace
///   rel show ada-lovelace --history
///   rel status --json | jq '.attention[].message'
#[derive(Debug, Default, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A relationship's handle, for its full report
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: Option<String>,

    /// Include paused and ended relationships
    #[arg(long)]
    pub all: bool,

    /// Print JSON instead of text (the shape is in the README)
    #[arg(long)]
    pub json: bool,

    /// With a handle: also every change between meetings, every word of it
    /// (fields set, evolutions, pauses, items moved, renamed, reopened)
    #[arg(long)]
    pub history: bool,
}

/// How many recent check-ins the report reads: the last three are shown,
/// the rating trend spans all of these.
const REPORT_CHECKINS: usize = 12;

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    match &args.handle {
        Some(handle) => report(ctx, handle, args.json, args.history),
        None if args.history => Err(crate::error::Error::user(
            "--history shows the history of one relationship",
        )
        .with_hint("name it: rel show HANDLE --history")),
        None => overview(ctx, args.all, args.json),
    }
}

fn overview(ctx: &Ctx, all: bool, as_json: bool) -> Result<()> {
    let listing = ctx.journal.listing()?;
    let mut problems: Vec<Problem> = listing.problems;
    let mut views: Vec<View> = Vec::new();
    // The table shows nothing of closed items but what they add up to.
    let loaded = par_map(&listing.handles, |handle| load_overview(ctx, handle));
    for loaded in loaded {
        match loaded {
            Ok(mut view) => {
                problems.append(&mut view.problems);
                views.push(view);
            }
            Err(problem) => problems.push(problem),
        }
    }
    // As of a day before some started, those are not part of it yet.
    let (views, not_started): (Vec<View>, Vec<View>) =
        views.into_iter().partition(|v| v.assessment.started);
    let shown: Vec<&View> = views
        .iter()
        .filter(|v| all || v.assessment.status == Status::Active)
        .collect();
    // Paused ones get a short section of their own, so that none quietly
    // dies; `--all` shows them in the table instead.
    let paused: Vec<&View> = views
        .iter()
        .filter(|v| !all && v.assessment.status == Status::Paused)
        .collect();
    let mut attention: Vec<_> = shown
        .iter()
        .chain(&paused)
        .flat_map(|v| v.assessment.attention.iter().cloned())
        .collect();
    sort_attention(&mut attention);
    let paused_rows: Vec<status::PausedRow<'_>> = paused
        .iter()
        .filter_map(|v| {
            Some(status::PausedRow {
                handle: v.handle.as_str(),
                person: &v.rel.person,
                pause: v.assessment.paused.as_ref()?,
            })
        })
        .collect();

    if as_json {
        let out = json::Status {
            as_of: ctx.today,
            relationships: shown
                .iter()
                .map(|v| json::summary(v.handle.as_str(), &v.rel, &v.assessment, ctx.today))
                .collect(),
            paused: paused_rows.iter().map(json::paused).collect(),
            attention: attention.iter().map(json::attention).collect(),
            problems: &problems,
        };
        ctx.print(&json::to_string(&out))?;
    } else if views.is_empty() && problems.is_empty() {
        ctx.say(&getting_started(ctx));
    } else if views.is_empty() {
        // Every relationship failed to read: the problems say why.
    } else if shown.is_empty() && paused.is_empty() {
        let hidden = views.len();
        ctx.say(&format!(
            "No active relationships ({hidden} paused or ended: rel status --all shows them; rel new starts one)."
        ));
    } else {
        let rows: Vec<status::Row<'_>> = shown
            .iter()
            .map(|v| status::Row {
                handle: v.handle.as_str(),
                rel: &v.rel,
                assessment: &v.assessment,
            })
            .collect();
        let mut out = String::new();
        if !rows.is_empty() {
            out.push_str(&status::overview(
                &rows, ctx.today, ctx.width, ctx.paint, all,
            ));
            out.push('\n');
        }
        if !paused_rows.is_empty() {
            out.push_str(&status::paused(
                &paused_rows,
                ctx.today,
                ctx.width,
                ctx.paint,
            ));
            out.push('\n');
        }
        if !not_started.is_empty() {
            let later: Vec<(&str, chrono::NaiveDate)> = not_started
                .iter()
                .map(|v| (v.handle.as_str(), v.rel.started))
                .collect();
            out.push_str(&status::not_started(&later, ctx.width, ctx.paint));
            out.push('\n');
        }
        out.push_str(&status::attention(&attention, ctx.width, ctx.paint));
        ctx.print(&out)?;
    }
    finish(ctx, &problems)
}

fn report(ctx: &Ctx, input: &str, as_json: bool, with_history: bool) -> Result<()> {
    ctx.may_page();
    let handle = ctx.journal.find(input)?;
    let view =
        load_view(ctx, &handle, REPORT_CHECKINS, Words::All).map_err(|p| problems_error(&[p]))?;
    view.started(ctx)?;
    // Newest day first; within a day, in the order they were made.
    let mut history: Vec<_> = crate::model::history::changes(&view.rel)
        .into_iter()
        .filter(|c| c.date() <= ctx.today)
        .collect();
    history.sort_by_key(|c| std::cmp::Reverse(c.date()));
    if as_json {
        let out = json::Report {
            as_of: ctx.today,
            summary: json::summary(handle.as_str(), &view.rel, &view.assessment, ctx.today),
            relationship: &view.rel,
            attention: view
                .assessment
                .attention
                .iter()
                .map(json::attention)
                .collect(),
            recent_checkins: view
                .recent
                .iter()
                .rev()
                .map(|(id, c)| json::checkin(*id, c))
                .collect(),
            history: history
                .iter()
                .map(crate::report::json::change_json)
                .collect(),
            problems: &view.problems,
        };
        ctx.print(&json::to_string(&out))?;
    } else {
        let weeks = rhythm(ctx, &handle, &view);
        let input = show::Input {
            handle: handle.as_str(),
            rel: &view.rel,
            checkins: view.checkins,
            recent: &view.recent,
            assessment: &view.assessment,
            today: ctx.today,
            history: with_history.then_some(history.as_slice()),
            weeks: &weeks,
        };
        ctx.print(&show::render(&input, ctx.width, ctx.paint))?;
    }
    finish(ctx, &view.problems)
}

/// How many weeks the picture of a relationship's rhythm spans.
const STRIP_WEEKS: usize = 26;

/// The relationship's last weeks of meetings: when they were held (from
/// the names of its check-ins), which reviewed it and how they were rated
/// (the check-ins of those weeks, read — as many as the weeks hold, however
/// long the history).
fn rhythm(ctx: &Ctx, handle: &Handle, view: &View) -> Vec<Week> {
    let Ok(ids) = ctx.journal.checkin_ids(handle) else {
        return Vec::new();
    };
    let meetings = Meetings::of(&ids);
    let Some((since, _)) = rhythm::spans(ctx.today, STRIP_WEEKS).first().copied() else {
        return Vec::new();
    };
    let mut read: Vec<(CheckinId, CheckIn)> = Vec::new();
    for id in ids
        .iter()
        .filter(|id| since <= id.date && id.date <= ctx.today)
    {
        match view.recent.iter().find(|(known, _)| known == id) {
            Some(known) => read.push(known.clone()),
            // One that does not read is told by rel check; the strip
            // still shows the meeting, from its name.
            None => {
                if let Ok(checkin) = ctx.journal.load_checkin(handle, *id) {
                    read.push((*id, checkin));
                }
            }
        }
    }
    rhythm::weeks(
        handle,
        &view.rel,
        &meetings,
        &read,
        ctx.today,
        STRIP_WEEKS,
        &ctx.settings,
    )
}

fn getting_started(ctx: &Ctx) -> String {
    let p = ctx.paint_err;
    format!(
        "{}\n\n  {}\n  {}\n  {}\n\nThe journal lives in {} (change it with --dir or REL_DIR).",
        p.bold("No relationships yet. Start one:"),
        "rel new --person \"Ada Lovelace\" --kind mentoring --role mentor --cadence biweekly",
        "rel checkin ada-lovelace -m \"What we talked about\"   # after each meeting",
        "rel status                                            # where everything stands",
        ctx.journal.root().display()
    )
}
