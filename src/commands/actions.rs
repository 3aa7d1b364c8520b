//! `rel actions`: every open action item, oldest first.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::date::days_between;
use crate::model::{Handle, Owner, Status};
use crate::report::actions::{self, Open};

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
        let out = crate::report::json::Actions {
            actions: &open,
            problems: &problems,
        };
        ctx.print(&crate::report::json::to_string(&out))?;
    } else if open.is_empty() {
        ctx.say("No open actions.");
    } else {
        let out = actions::table(
            &open,
            args.handle.is_none(),
            ctx.settings.stale_action_days,
            ctx.width,
            ctx.paint,
        );
        ctx.print(&out)?;
    }
    finish(ctx, &problems)
}
