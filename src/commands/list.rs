//! `rel list`: the relationships in the journal.

use serde::Serialize;

use crate::context::Ctx;
use crate::error::Result;
use crate::model::Status;
use crate::report::table::{Column, Tone, fit};
use crate::text::sanitize;

use super::finish;

/// List the relationships: handles, people, kinds, roles and statuses
///
/// Examples:
///   rel list
///   rel list --all --json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Include ended relationships
    #[arg(long)]
    pub all: bool,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Entry {
    handle: String,
    person: String,
    kind: &'static str,
    role: &'static str,
    status: &'static str,
    started: chrono::NaiveDate,
    checkins: usize,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let listing = ctx.journal.listing()?;
    let mut problems = listing.problems;
    let mut entries = Vec::new();
    for handle in &listing.handles {
        let rel = match ctx.journal.load(handle) {
            Ok(rel) => rel,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        if rel.status == Status::Ended && !args.all {
            continue;
        }
        let checkins = ctx
            .journal
            .checkin_ids(handle)
            .map(|c| c.len())
            .unwrap_or(0);
        entries.push(Entry {
            handle: handle.to_string(),
            person: rel.person.clone(),
            kind: rel.kind.as_str(),
            role: rel.role.label(),
            status: rel.status.as_str(),
            started: rel.started,
            checkins,
        });
    }
    if args.json {
        ctx.print(&crate::report::json::to_string(&entries))?;
    } else if entries.is_empty() {
        ctx.say(if listing.handles.is_empty() {
            "No relationships yet: rel new --person NAME --kind KIND --role ROLE starts one."
        } else {
            "No active or paused relationships (rel list --all shows the ended ones)."
        });
    } else {
        let mut columns = [
            Column::new("handle", 0),
            Column::new("person", 1).wrapping(12),
            Column::new("kind", 2),
            Column::new("you are", 3),
            Column::new("status", 4),
            Column::new("since", 5),
            Column::new("check-ins", 6).right(),
        ];
        for e in &entries {
            let tone = if e.status == "active" {
                Tone::Plain
            } else {
                Tone::Dim
            };
            columns[0].push(&e.handle, tone);
            columns[1].push(sanitize(&e.person), tone);
            columns[2].push(e.kind, tone);
            columns[3].push(e.role, tone);
            columns[4].push(e.status, tone);
            columns[5].push(e.started.to_string(), tone);
            columns[6].push(e.checkins.to_string(), tone);
        }
        ctx.print(&fit(columns.into(), ctx.width, ctx.paint.enabled()))?;
    }
    finish(ctx, &problems)
}
