//! `rel actions`: every open action item, oldest first.

use chrono::NaiveDate;
use serde::Serialize;

use crate::context::Ctx;
use crate::error::Result;
use crate::model::date::days_between;
use crate::model::{Handle, Owner, Status};
use crate::report::table::{Column, Tone, fit};
use crate::text::sanitize;

use super::finish;

/// Open action items across your relationships, oldest first, yours and theirs
///
/// Examples:
///   rel actions
///   rel actions ada-lovelace
///   rel actions --theirs --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only this relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: Option<String>,
    /// Only yours
    #[arg(long, conflicts_with = "theirs")]
    pub mine: bool,
    /// Only theirs
    #[arg(long)]
    pub theirs: bool,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Open {
    handle: String,
    id: String,
    text: String,
    owner: &'static str,
    added: NaiveDate,
    age_days: i64,
    due: Option<NaiveDate>,
    overdue: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let listing = ctx.journal.listing()?;
    let mut problems = listing.problems;
    let handles: Vec<Handle> = match &args.handle {
        Some(input) => vec![ctx.journal.find(input)?],
        None => listing.handles,
    };
    let mut open = Vec::new();
    for handle in &handles {
        let rel = match ctx.journal.load(handle) {
            Ok(rel) => rel,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        if rel.status == Status::Ended && args.handle.is_none() {
            continue;
        }
        for action in rel.open_actions() {
            if (args.mine && action.owner != Owner::Me)
                || (args.theirs && action.owner != Owner::Them)
            {
                continue;
            }
            open.push(Open {
                handle: handle.to_string(),
                id: action.id.to_string(),
                text: action.text.clone(),
                owner: action.owner.as_str(),
                added: action.added,
                age_days: days_between(action.added, ctx.today),
                due: action.due,
                overdue: action.due.is_some_and(|d| d < ctx.today),
            });
        }
    }
    open.sort_by(|a, b| {
        a.added
            .cmp(&b.added)
            .then(a.handle.cmp(&b.handle))
            .then(a.id.cmp(&b.id))
    });

    if args.json {
        ctx.print(&crate::report::json::to_string(&open))?;
    } else if open.is_empty() {
        ctx.say("No open actions.");
    } else {
        let mut out = String::new();
        for (owner, title) in [("me", "Mine"), ("them", "Theirs")] {
            let list: Vec<&Open> = open.iter().filter(|o| o.owner == owner).collect();
            if list.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&ctx.paint.bold(&format!("{title} ({})", list.len())));
            out.push('\n');
            let mut columns = vec![
                Column::new("age", 0).right(),
                Column::new("id", 0),
                Column::new("relationship", 1),
                Column::new("action", 0).wrapping(20),
                Column::new("due", 2),
            ];
            for o in &list {
                let stale = o.age_days > ctx.settings.stale_action_days;
                columns[0].push(
                    format!("{}d", o.age_days),
                    if stale { Tone::Warn } else { Tone::Plain },
                );
                columns[1].push(o.id.as_str(), Tone::Plain);
                columns[2].push(o.handle.as_str(), Tone::Plain);
                columns[3].push(sanitize(&o.text), Tone::Plain);
                columns[4].push(
                    o.due.map_or("—".to_string(), |d| d.to_string()),
                    if o.overdue { Tone::Bad } else { Tone::Plain },
                );
            }
            if args.handle.is_some() {
                columns.remove(2);
            }
            out.push_str(&fit(columns, ctx.width, ctx.paint.enabled()));
        }
        ctx.print(&out)?;
    }
    finish(ctx, &problems)
}
