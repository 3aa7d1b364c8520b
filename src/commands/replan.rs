//! `rel goal|waypoint|action move|rename|reopen`: change the plan, keeping
//! what it was on the item.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::replan::{Replan, ReplanError, Revision};
use crate::model::{Handle, ItemId, ItemKind};
use crate::report::replan as words;
use crate::text::sanitize;

use super::{capitalized, completions, item_error, item_ids, item_line, new, still_open};

/// `HANDLE ID --due DATE [--because TEXT]`
#[derive(Debug, clap::Args)]
pub struct Move {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(completions::handles))]
    pub handle: String,
    /// The item, by id
    #[arg(add = clap_complete::ArgValueCandidates::new(completions::open_items))]
    pub id: String,
    /// The new due date
    #[arg(long, value_name = "DATE", required = true, allow_hyphen_values = true)]
    pub due: String,
    /// Why it moved, kept with the change
    #[arg(long, value_name = "TEXT")]
    pub because: Option<String>,
}

/// `HANDLE ID TEXT [--because TEXT]`
#[derive(Debug, clap::Args)]
pub struct Rename {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(completions::handles))]
    pub handle: String,
    /// The item, by id
    #[arg(add = clap_complete::ArgValueCandidates::new(completions::open_items))]
    pub id: String,
    /// What it says now, in a sentence
    pub text: String,
    /// Why it changed, kept with the change
    #[arg(long, value_name = "TEXT")]
    pub because: Option<String>,
}

/// `HANDLE ID [--because TEXT]`
#[derive(Debug, clap::Args)]
pub struct Reopen {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(completions::handles))]
    pub handle: String,
    /// The item, by id
    #[arg(add = clap_complete::ArgValueCandidates::new(completions::closed_items))]
    pub id: String,
    /// Why it is open again, kept with the change
    #[arg(long, value_name = "TEXT")]
    pub because: Option<String>,
}

pub fn run_move(ctx: &Ctx, kind: ItemKind, args: &Move) -> Result<()> {
    let verb = format!("rel {} move", kind.key());
    let id = one_id(&args.id, kind, &verb)?;
    let to = new::date_ahead("--due", &args.due, ctx.today)?;
    if let Some(line) = new::resolved("--due", &args.due, to) {
        ctx.say(&format!("({line})"));
    }
    replan(
        ctx,
        &args.handle,
        id,
        Replan::Move(to),
        args.because.clone(),
    )
}

pub fn run_rename(ctx: &Ctx, kind: ItemKind, args: &Rename) -> Result<()> {
    let verb = format!("rel {} rename", kind.key());
    let id = one_id(&args.id, kind, &verb)?;
    let text = super::item_text(&args.text, kind.noun())?;
    replan(
        ctx,
        &args.handle,
        id,
        Replan::Rename(text),
        args.because.clone(),
    )
}

pub fn run_reopen(ctx: &Ctx, kind: ItemKind, args: &Reopen) -> Result<()> {
    let verb = format!("rel {} reopen", kind.key());
    let id = one_id(&args.id, kind, &verb)?;
    replan(ctx, &args.handle, id, Replan::Reopen, args.because.clone())
}

fn one_id(text: &str, kind: ItemKind, verb: &str) -> Result<ItemId> {
    let ids = item_ids(&[text.to_string()], kind, verb)?;
    match ids.as_slice() {
        [id] => Ok(*id),
        _ => Err(
            Error::user(format!("{verb} takes one {} id", kind.noun())).with_hint(format!(
                "change one at a time, like {verb} HANDLE {}1",
                kind.prefix()
            )),
        ),
    }
}

fn replan(
    ctx: &Ctx,
    handle: &str,
    id: ItemId,
    change: Replan,
    because: Option<String>,
) -> Result<()> {
    let today = ctx.today;
    let changed = super::change(ctx, handle, |rel, handle| {
        still_open(rel, handle)?;
        rel.replan(id, &change, today, because.clone(), None)
            .map_err(|e| replan_error(&e, handle))
    })?;
    let revision: Revision = changed.value;
    let h = &changed.handle;
    ctx.changed(format!(
        "{} {id} {} ({h})",
        id.kind.noun(),
        words::verb(&revision)
    ));
    let mut message = format!(
        "{} {id} {} ({h}): {}",
        capitalized(id.kind.noun()),
        sanitize(&words::summary(&revision)),
        item_line(&changed.rel, id)
    );
    if let Some(because) = &revision.because {
        message.push_str(&format!("\n  because {}", sanitize(because)));
    }
    if let Some(slips) = words::slipped(&changed.rel.slips(id)).filter(|_| revision.due.is_some()) {
        message.push_str(&format!("\n  {slips}"));
    }
    ctx.say(&message);
    Ok(())
}

/// A refused re-plan, with what to do instead.
pub fn replan_error(err: &ReplanError, handle: &Handle) -> Error {
    if let ReplanError::Item(e) = err {
        let kind = match e {
            crate::model::items::ItemError::Unknown { id, .. } => id.kind,
            _ => ItemKind::Goal,
        };
        return item_error(e, handle, kind);
    }
    Error::user(format!("cannot change {handle}: {err}")).with_hint(replan_hint(err, handle))
}

/// What to do instead of a refused re-plan.
pub fn replan_hint(err: &ReplanError, handle: &Handle) -> String {
    let kind_of = |id: &ItemId| id.kind.key();
    match err {
        ReplanError::Item(_) => format!("rel show {handle} lists the items"),
        ReplanError::Closed { id, .. } => format!(
            "reopen it first (rel {} reopen {handle} {id}), or add a new one",
            kind_of(id)
        ),
        ReplanError::SameDue { .. } => "nothing to change; give another --due".to_string(),
        ReplanError::DueInPast { .. } => {
            "give a due date still to come, like --due \"in 2w\"".to_string()
        }
        ReplanError::SameText { .. } => "nothing to change; give the new words".to_string(),
        ReplanError::NotClosed { id } => format!(
            "only a closed {} reopens (rel show {handle})",
            id.kind.noun()
        ),
        ReplanError::TooEarly { .. } => "re-plan it on a later day".to_string(),
        ReplanError::NotPlanned { .. } => {
            "only goals, waypoints and actions are re-planned".to_string()
        }
    }
}
