//! `rel waypoint add|reach|drop`: the dated steps toward a destination.

use crate::context::Ctx;
use crate::error::Result;
use crate::model::ItemKind;
use crate::model::items::Closing;

use super::{Close, NewItem, close_items};

/// Waypoints: the dated steps on the way to a destination
///
/// Sponsoring is "a journey with known waypoints marking time and distance
/// to a planned destination"; any relationship may have them. Waypoints are
/// ordered by their due dates.
///
/// Examples:
///   rel waypoint add grace "Lead the Q1 planning review" --due 2027-03-31
///   rel waypoint reach grace w2
///   rel waypoint drop grace w3
///   rel waypoint move grace w5 --due 2027-01-31 --because "planning moved to January"
///   rel waypoint rename grace w5 "Own the incident-review program"
///   rel waypoint reopen grace w2
#[derive(Debug, clap::Subcommand)]
#[command(verbatim_doc_comment)]
pub enum Args {
    /// Add a waypoint with its due date
    Add(Add),
    /// Mark waypoints reached
    Reach(Close),
    /// Drop waypoints that no longer lie on the way
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
    /// The waypoint, in a sentence
    pub text: String,
    /// When it should be reached
    #[arg(long, value_name = "DATE", required = true, allow_hyphen_values = true)]
    pub due: String,
    /// The day it was set [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    match args {
        Args::Add(add) => NewItem::read(
            ctx,
            "waypoint",
            &add.text,
            add.date.as_deref(),
            Some(&add.due),
        )?
        .add(ctx, &add.handle, "Waypoint", |rel, text, on, due| {
            rel.add_waypoint(text, due.unwrap_or(on), on)
        }),
        Args::Reach(close) => close_items(
            ctx,
            &close,
            ItemKind::Waypoint,
            Closing::Done,
            "rel waypoint reach",
        ),
        Args::Drop(close) => close_items(
            ctx,
            &close,
            ItemKind::Waypoint,
            Closing::Dropped,
            "rel waypoint drop",
        ),
        Args::Move(args) => super::replan::run_move(ctx, ItemKind::Waypoint, &args),
        Args::Rename(args) => super::replan::run_rename(ctx, ItemKind::Waypoint, &args),
        Args::Reopen(args) => super::replan::run_reopen(ctx, ItemKind::Waypoint, &args),
    }
}
