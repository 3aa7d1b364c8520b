//! `rel action add|done|drop`: action items, yours and theirs.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::items::{Closing, NewAction};
use crate::model::{ItemKind, Owner};

use super::{Close, change, close_items, day, item_text, still_open};

/// Action items between meetings, yours and theirs.
///
/// Examples:
///   rel action add ada-lovelace "Introduce her to the platform lead"
///   rel action add ada-lovelace "Draft the RFC" --theirs --due "in 2w"
///   rel action done ada-lovelace a3 a4
///   rel actions          # every open action, oldest first
#[derive(Debug, clap::Subcommand)]
#[command(verbatim_doc_comment)]
pub enum Args {
    /// Add an action item (yours unless --theirs)
    Add(Add),
    /// Mark actions done
    Done(Close),
    /// Drop actions that no longer matter
    Drop(Close),
}

#[derive(Debug, clap::Args)]
pub struct Add {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// The action, in a sentence
    pub text: String,
    /// It is theirs to do, not yours
    #[arg(long)]
    pub theirs: bool,
    /// When it should be done by
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// The day it was agreed [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    match args {
        Args::Add(add) => {
            let text = item_text(&add.text, "action")?;
            let on = day(ctx, add.date.as_deref())?;
            let due = add
                .due
                .as_deref()
                .map(|d| super::new::date_ahead("--due", d, ctx.today))
                .transpose()?;
            let note = add
                .due
                .as_deref()
                .zip(due)
                .and_then(|(text, due)| super::new::resolved("--due", text, due));
            if let Some(due) = due.filter(|d| *d < on) {
                return Err(crate::error::Error::user(format!(
                    "--due {due} is before the action is added ({on})"
                ))
                .with_hint("give a due date still to come"));
            }
            let owner = if add.theirs { Owner::Them } else { Owner::Me };
            let new = NewAction {
                id: None,
                text,
                owner,
                due,
            };
            let changed = change(ctx, &add.handle, |rel, handle| {
                still_open(rel, handle)?;
                Ok(rel.add_action(new, on, None))
            })?;
            if let Some(line) = note {
                ctx.say(&format!("({line})"));
            }
            let whose = if add.theirs { "their action" } else { "action" };
            ctx.changed(format!(
                "action {} added ({})",
                changed.value, changed.handle
            ));
            ctx.say(&format!(
                "Added {whose} {} to {}: {}",
                changed.value,
                changed.handle,
                super::item_line(&changed.rel, changed.value)
            ));
            Ok(())
        }
        Args::Done(close) => close_items(
            ctx,
            &close,
            ItemKind::Action,
            Closing::Done,
            "rel action done",
        ),
        Args::Drop(close) => close_items(
            ctx,
            &close,
            ItemKind::Action,
            Closing::Dropped,
            "rel action drop",
        ),
    }
}
