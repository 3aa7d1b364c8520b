//! `rel action add|done|drop`: action items, yours and theirs.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::items::{Closing, NewAction};
use crate::model::{ItemKind, Owner};

use super::{Close, NewItem, close_items};

/// Action items between meetings, yours and theirs
///
/// Examples:
///   rel action add ada-lovelace "Introduce her to the platform lead"
///   rel action add ada-lovelace "Draft the RFC" --theirs --due "in 2w"
///   rel action done ada-lovelace a3 a4
///   rel actions          # every open action, oldest first
///   rel action move ada-lovelace a4 --due friday
///   rel action rename ada-lovelace a4 "Draft the RFC, with Bruno"
///   rel action reopen ada-lovelace a3     # closed by mistake
#[derive(Debug, clap::Subcommand)]
#[command(verbatim_doc_comment)]
pub enum Args {
    /// Add an action item (yours unless --theirs)
    Add(Add),
    /// Mark actions done
    Done(Close),
    /// Drop actions that no longer matter
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
    /// The action, in a sentence
    pub text: String,
    /// It is theirs to do, not yours
    #[arg(long)]
    pub theirs: bool,
    /// When it should be done by
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub due: Option<String>,
    /// The day it was agreed [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    match args {
        Args::Add(add) => {
            let owner = if add.theirs { Owner::Them } else { Owner::Me };
            let label = if add.theirs { "Their action" } else { "Action" };
            NewItem::read(
                ctx,
                "action",
                &add.text,
                add.date.as_deref(),
                add.due.as_deref(),
            )?
            .add(ctx, &add.handle, label, |rel, text, on, due| {
                let new = NewAction {
                    id: None,
                    text,
                    owner,
                    due,
                };
                rel.add_action(new, on, None)
            })
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
        Args::Move(args) => super::replan::run_move(ctx, ItemKind::Action, &args),
        Args::Rename(args) => super::replan::run_rename(ctx, ItemKind::Action, &args),
        Args::Reopen(args) => super::replan::run_reopen(ctx, ItemKind::Action, &args),
    }
}
