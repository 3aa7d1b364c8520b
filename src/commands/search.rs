//! `rel search TEXT`: every line of the journal that holds some words.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::fold::Needle;
use crate::model::search::{Hit, Text, checkin_texts, hits, relationship_texts};
use crate::model::{CheckIn, CheckinId, DateRange, Handle};
use crate::problem::Problem;
use crate::report::search::Found;
use crate::report::{json, search};
use crate::store::file::parse;
use crate::text::sanitize;

use super::{date_range, finish};

/// Find words anywhere in the journal
///
/// Looks through check-in notes, what is working and not working and the
/// changes agreed; goals, waypoints, actions, strengths, growth areas and
/// acts of advocacy; and each relationship's person, purpose, their aims,
/// destination, why, topic, agreement, outcome and event notes. Each hit
/// shows the relationship, the date, where it was found and the line that
/// matched, newest first.
///
/// Matching ignores case and accents: zoe finds Zoë and ZOË, zoë finds Zoe,
/// strasse finds Straße. Spaces and line breaks count alike (a phrase
/// wrapped over two lines is found), and curly quotes match straight ones.
/// Letters of other scripts match as they are, ignoring case. Finding
/// nothing is not an error: rel says so on stderr and exits 0.
///
/// Examples:
///   rel search rfc
///   rel search design review --since 2026-09-01
///   rel search zoe --handle ada-lovelace --handle grace
///   rel search "staff promotion" --json | jq -r '.hits[].line'
#[derive(Debug, clap::Args)]
// Verbatim, so that the examples keep their lines.
#[command(verbatim_doc_comment)]
pub struct Args {
    /// What to find; several words are one phrase
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,

    /// Only these relationships (repeat, or separate with commas)
    #[arg(
        long = "handle",
        value_name = "HANDLE",
        value_delimiter = ',',
        add = clap_complete::ArgValueCandidates::new(super::completions::handles)
    )]
    pub handles: Vec<String>,

    /// Only what is dated on or after this day (a check-in's day; an item's
    /// day added)
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub since: Option<String>,

    /// Only what is dated on or before this day
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub until: Option<String>,

    /// Print JSON instead of text (the shape is in the README)
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    ctx.may_page();
    let query = args.text.join(" ");
    let needle = Needle::new(&query).ok_or_else(|| {
        Error::user("nothing to search for")
            .with_hint("give some words: rel search \"design review\"")
    })?;
    let period = date_range(ctx, args.since.as_deref(), args.until.as_deref())?;
    let listing = ctx.journal.listing()?;
    let mut problems = listing.problems;
    let handles = if args.handles.is_empty() {
        listing.handles
    } else {
        chosen(ctx, &args.handles)?
    };
    let found = look(ctx, &needle, &handles, period, &mut problems);

    if args.json {
        ctx.print(&json::to_string(&search::json(&query, &found, &problems)))?;
    } else if !found.is_empty() {
        ctx.print(&search::render(&found, ctx.width, ctx.paint))?;
    }
    if found.is_empty() {
        let mut message = format!("No match for '{}'", sanitize(query.trim()));
        if !period.is_all() {
            message.push_str(&format!(" {period}"));
        }
        if !args.handles.is_empty() {
            let names: Vec<&str> = handles.iter().map(Handle::as_str).collect();
            message.push_str(&format!(" in {}", names.join(", ")));
        }
        message.push_str(" (case and accents are ignored).");
        ctx.say(&message);
    }
    finish(ctx, &problems)
}

/// The relationships named with --handle, each once, in handle order.
fn chosen(ctx: &Ctx, inputs: &[String]) -> Result<Vec<Handle>> {
    let mut chosen: Vec<Handle> = Vec::new();
    for input in inputs {
        let handle = ctx.journal.find(input.trim())?;
        if !chosen.contains(&handle) {
            chosen.push(handle);
        }
    }
    chosen.sort();
    Ok(chosen)
}

/// Every hit in these relationships within the period, newest first; on
/// one day, by relationship, check-ins (newest first) before the
/// relationship's own texts. Files that cannot be read join `problems`.
fn look<'h>(
    ctx: &Ctx,
    needle: &Needle,
    handles: &'h [Handle],
    period: DateRange,
    problems: &mut Vec<Problem>,
) -> Vec<Found<'h>> {
    let mut found: Vec<(usize, Hit)> = Vec::new();
    let mut jobs: Vec<(usize, CheckinId)> = Vec::new();
    for (n, handle) in handles.iter().enumerate() {
        match ctx.journal.load(handle) {
            Ok(rel) => {
                let texts: Vec<Text<'_>> = relationship_texts(&rel)
                    .into_iter()
                    .filter(|t| period.contains(t.date))
                    .collect();
                found.extend(hits(needle, &texts).into_iter().map(|h| (n, h)));
            }
            Err(problem) => problems.push(problem),
        }
        // Ids carry their dates: the period drops files unopened.
        match ctx.journal.checkin_ids(handle) {
            Ok(ids) => jobs.extend(
                ids.into_iter()
                    .rev()
                    .filter(|id| period.contains(id.date))
                    .map(|id| (n, id)),
            ),
            Err(problem) => problems.push(problem),
        }
    }
    // The check-ins are most of the work: look at their bytes first and
    // parse only the files that may hold the words, on every core.
    let files: Vec<(&Handle, CheckinId)> = jobs.iter().map(|(n, id)| (&handles[*n], *id)).collect();
    let results = ctx
        .journal
        .read_checkins(&files, |read| -> Result<Vec<Hit>, Problem> {
            let (id, path) = (read.id, read.path);
            let text = read.text()?;
            if !needle.may_be_in_toml(&text) {
                return Ok(Vec::new());
            }
            let checkin: CheckIn = parse(path, &text)?;
            Ok(hits(needle, &checkin_texts(id, &checkin)))
        });
    for ((n, _), result) in jobs.iter().zip(results) {
        match result {
            Ok(more) => found.extend(more.into_iter().map(|h| (*n, h))),
            Err(problem) => problems.push(problem),
        }
    }
    found.sort_by(|(a, x), (b, y)| {
        y.date
            .cmp(&x.date)
            .then(a.cmp(b))
            .then(y.place.checkin().cmp(&x.place.checkin()))
    });
    found
        .into_iter()
        .map(|(n, hit)| Found {
            handle: handles[n].as_str(),
            hit,
        })
        .collect()
}
