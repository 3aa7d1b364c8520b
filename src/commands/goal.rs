//! `rel goal add|done|drop`: what the relationship is for.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::ItemKind;
use crate::model::items::Closing;

use super::{Close, change, close_items, day, item_text, still_open};

/// Goals: what the relationship is for, in steps you can tick off.
///
/// Examples:
///   rel goal add ada-lovelace "Run a design review" --due 2027-03-31
///   rel goal done ada-lovelace g2
///   rel goal drop ada-lovelace g3 --date yesterday
#[derive(Debug, clap::Subcommand)]
#[command(verbatim_doc_comment)]
pub enum Args {
    /// Add a goal
    Add(Add),
    /// Mark goals achieved
    Done(Close),
    /// Drop goals that no longer matter (they stay in the file, marked dropped)
    Drop(Close),
}

#[derive(Debug, clap::Args)]
pub struct Add {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// The goal, in a sentence
    pub text: String,
    /// When it should be achieved by
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    /// The day it was set [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    match args {
        Args::Add(add) => {
            let text = item_text(&add.text, "goal")?;
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
                    "--due {due} is before the goal is added ({on})"
                ))
                .with_hint("give a due date still to come"));
            }
            let changed = change(ctx, &add.handle, |rel, handle| {
                still_open(rel, handle)?;
                Ok(rel.add_goal(text, on, due))
            })?;
            if let Some(line) = note {
                ctx.say(&format!("({line})"));
            }
            ctx.changed(format!("goal {} added ({})", changed.value, changed.handle));
            ctx.say(&format!(
                "Goal {} added to {}: {}",
                changed.value,
                changed.handle,
                super::item_line(&changed.rel, changed.value)
            ));
            Ok(())
        }
        Args::Done(close) => {
            close_items(ctx, &close, ItemKind::Goal, Closing::Done, "rel goal done")
        }
        Args::Drop(close) => close_items(
            ctx,
            &close,
            ItemKind::Goal,
            Closing::Dropped,
            "rel goal drop",
        ),
    }
}
