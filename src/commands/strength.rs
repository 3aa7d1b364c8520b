//! `rel strength add`, `rel growth add|promote`: reinforce the pros,
//! improve the cons until they become pros.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::ItemKind;

use super::{NewItem, change, day, item_error, item_ids, still_open};

/// Strengths: the qualities that made them the right person, to reinforce
///
/// Examples:
///   rel strength add grace "Calm, clear incident command"
///   rel growth promote grace c2     # a growth area that became a strength
#[derive(Debug, clap::Subcommand)]
#[command(verbatim_doc_comment)]
pub enum StrengthArgs {
    /// Add a strength
    Add(Add),
}

/// Growth areas: what still needs to improve, until it becomes a strength
///
/// Examples:
///   rel growth add grace "Writing for executives"
///   rel growth promote grace c1
#[derive(Debug, clap::Subcommand)]
#[command(verbatim_doc_comment)]
pub enum GrowthArgs {
    /// Add a growth area
    Add(Add),
    /// A growth area has become a strength
    Promote(Promote),
}

#[derive(Debug, clap::Args)]
pub struct Add {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// The quality, in a few words
    pub text: String,
    /// The day it was noted [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct Promote {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// The growth area, by id (c1)
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::open_items))]
    pub id: String,
    /// The day it became a strength [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,
}

pub fn run_strength(ctx: &Ctx, args: StrengthArgs) -> Result<()> {
    let StrengthArgs::Add(add) = args;
    NewItem::read(ctx, "strength", &add.text, add.date.as_deref(), None)?.add(
        ctx,
        &add.handle,
        "Strength",
        |rel, text, on, _| rel.add_strength(text, on),
    )
}

pub fn run_growth(ctx: &Ctx, args: GrowthArgs) -> Result<()> {
    match args {
        GrowthArgs::Add(add) => {
            NewItem::read(ctx, "growth area", &add.text, add.date.as_deref(), None)?.add(
                ctx,
                &add.handle,
                "Growth area",
                |rel, text, on, _| rel.add_growth(text, on),
            )?;
        }
        GrowthArgs::Promote(promote) => {
            let ids = item_ids(
                std::slice::from_ref(&promote.id),
                ItemKind::Growth,
                "rel growth promote",
            )?;
            let on = day(ctx, promote.date.as_deref())?;
            let changed = change(ctx, &promote.handle, |rel, handle| {
                still_open(rel, handle)?;
                let mut made = Vec::new();
                for id in &ids {
                    made.push((
                        *id,
                        rel.promote_growth(*id, on)
                            .map_err(|e| item_error(&e, handle, ItemKind::Growth))?,
                    ));
                }
                Ok(made)
            })?;
            for (from, strength) in changed.value {
                ctx.changed(format!(
                    "growth area {from} promoted to {strength} ({})",
                    changed.handle
                ));
                ctx.say(&format!(
                    "Growth area {from} is now strength {strength} of {} (since {on}): {}",
                    changed.handle,
                    super::item_line(&changed.rel, strength)
                ));
            }
        }
    }
    Ok(())
}
