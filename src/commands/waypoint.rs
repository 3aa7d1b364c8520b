//! `rel waypoint add|reach|drop`: the dated steps toward a destination.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::ItemKind;
use crate::model::items::Closing;

use super::{Close, change, close_items, day, item_text};

/// Waypoints: the dated steps on the way to a destination.
///
/// Sponsoring is "a journey with known waypoints marking time and distance
/// to a planned destination"; any relationship may have them. Waypoints are
/// ordered by their due dates.
///
/// Examples:
///   rel waypoint add grace "Lead the Q1 planning review" --due 2027-03-31
///   rel waypoint reach grace w2
///   rel waypoint drop grace w3
#[derive(Debug, clap::Subcommand)]
#[command(verbatim_doc_comment)]
pub enum Args {
    /// Add a waypoint with its due date
    Add(Add),
    /// Mark waypoints reached
    Reach(Close),
    /// Drop waypoints that no longer lie on the way
    Drop(Close),
}

#[derive(Debug, clap::Args)]
pub struct Add {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// The waypoint, in a sentence
    pub text: String,
    /// When it should be reached
    #[arg(long, value_name = "DATE", required = true)]
    pub due: String,
    /// The day it was set [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    match args {
        Args::Add(add) => {
            let text = item_text(&add.text, "waypoint")?;
            let on = day(ctx, add.date.as_deref())?;
            let due = super::new::date_ahead("--due", &add.due, ctx.today)?;
            let note = super::new::resolved("--due", &add.due, due);
            if due < on {
                return Err(Error::user(format!(
                    "--due {due} is before the waypoint is set ({on})"
                ))
                .with_hint("a waypoint lies ahead; give a due date still to come"));
            }
            let changed = change(ctx, &add.handle, |rel, handle| {
                super::still_open(rel, handle)?;
                Ok(rel.add_waypoint(text, due, on))
            })?;
            if let Some(line) = note {
                ctx.say(&format!("({line})"));
            }
            ctx.changed(format!(
                "waypoint {} added ({})",
                changed.value, changed.handle
            ));
            ctx.say(&format!(
                "Waypoint {} added to {}, due {due}: {}",
                changed.value,
                changed.handle,
                super::item_line(&changed.rel, changed.value)
            ));
            Ok(())
        }
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
    }
}
