//! `rel goal add|done|drop`: what the relationship is for.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::ItemKind;
use crate::model::items::Closing;

use super::{Close, NewItem, close_items};

/// Goals: what the relationship is for, in steps you can tick off
///
/// Examples:
///   rel goal add ada-lovelace "Run a design review" --due 2027-03-31
///   rel goal done ada-lovelace g2
///   rel goal drop ada-lovelace g3 --date yesterday
///   rel goal move ada-lovelace g2 --due 2027-06-30 --because "the reorg"
///   rel goal rename ada-lovelace g2 "Run two design reviews"
///   rel goal reopen ada-lovelace g3
#[derive(Debug, clap::Subcommand)]
#[command(verbatim_doc_comment)]
pub enum Args {
    /// Add a goal
    Add(Add),
    /// Mark goals achieved
    Done(Close),
    /// Drop goals that no longer matter (they stay in the file, marked dropped)
    Drop(Close),
    /// Move its due date (kept in its history, with --because)
    Move(super::replan::Move),
    /// Change its words (kept in its history)
    Rename(super::replan::Rename),
    /// Open it again after it was closed by mistake or too soon
    Reopen(super::replan::Reopen),
}

#[derive(Debug, clap::Args)]
pub struct Add {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// The goal, in a sentence
    pub text: String,
    /// When it should be achieved by
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub due: Option<String>,
    /// The day it was set [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    match args {
        Args::Add(add) => NewItem::read(
            ctx,
            "goal",
            &add.text,
            add.date.as_deref(),
            add.due.as_deref(),
        )?
        .add(ctx, &add.handle, "Goal", |rel, text, on, due| {
            rel.add_goal(text, on, due)
        }),
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
        Args::Move(args) => super::replan::run_move(ctx, ItemKind::Goal, &args),
        Args::Rename(args) => super::replan::run_rename(ctx, ItemKind::Goal, &args),
        Args::Reopen(args) => super::replan::run_reopen(ctx, ItemKind::Goal, &args),
    }
}
