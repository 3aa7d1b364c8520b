//! `rel list`: the relationships in the journal.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::Status;
use crate::report::list::{self, Entry};

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
            role: rel.role.as_str(),
            you_are: rel.role.label(),
            status: rel.status.as_str(),
            started: rel.started,
            checkins,
        });
    }
    if args.json {
        let out = crate::report::json::List {
            relationships: &entries,
            problems: &problems,
        };
        ctx.print(&crate::report::json::to_string(&out))?;
    } else if entries.is_empty() {
        ctx.say(if listing.handles.is_empty() {
            "No relationships yet: rel new --person NAME --kind KIND --role ROLE starts one."
        } else {
            "No active or paused relationships (rel list --all shows the ended ones)."
        });
    } else {
        ctx.print(&list::table(&entries, ctx.width, ctx.paint))?;
    }
    finish(ctx, &problems)
}
