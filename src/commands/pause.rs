//! `rel pause`, `rel resume`, `rel snooze`: quieting a relationship.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::date::with_weekday;

use super::{change, day, life_error};

/// Pause a relationship: every nudge stops until you resume it
///
/// Examples:
///   rel pause ada-lovelace --note "Parental leave until March"
///   rel resume ada-lovelace
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// Why, in a few words (kept in its history)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The day it happened [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,
}

/// Resume a paused relationship: its nudges come back
///
/// Examples:
///   rel resume ada-lovelace
///   rel resume ada-lovelace --note "Back from leave" --date 2027-03-01
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ResumeArgs {
    #[command(flatten)]
    pub args: Args,
}

/// Silence the cadence nudges of a relationship until a day
///
/// Other nudges (a waypoint overdue, an action long open) still show.
///
/// Examples:
///   rel snooze ada-lovelace --until "in 3w"
///   rel snooze ada-lovelace --off
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct SnoozeArgs {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// The last day of quiet
    #[arg(
        long,
        value_name = "DATE",
        allow_hyphen_values = true,
        required_unless_present = "off",
        conflicts_with = "off"
    )]
    pub until: Option<String>,
    /// Lift the snooze now
    #[arg(long)]
    pub off: bool,
}

pub fn pause(ctx: &Ctx, args: Args) -> Result<()> {
    let on = day(ctx, args.date.as_deref())?;
    let note = args
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let changed = change(ctx, &args.handle, |rel, handle| {
        rel.pause(on, note).map_err(|e| life_error(&e, handle))
    })?;
    ctx.changed(format!("pause {}", changed.handle));
    ctx.say(&format!(
        "Paused {} on {on}: no nudges until you `rel resume {}`.",
        changed.handle, changed.handle
    ));
    Ok(())
}

pub fn resume(ctx: &Ctx, ResumeArgs { args }: ResumeArgs) -> Result<()> {
    let on = day(ctx, args.date.as_deref())?;
    let note = args
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    let changed = change(ctx, &args.handle, |rel, handle| {
        rel.resume(on, note).map_err(|e| life_error(&e, handle))
    })?;
    ctx.changed(format!("resume {}", changed.handle));
    ctx.say(&format!("Resumed {} on {on}.", changed.handle));
    Ok(())
}

pub fn snooze(ctx: &Ctx, args: SnoozeArgs) -> Result<()> {
    let until = match &args.until {
        Some(text) => Some(super::new::date_ahead("--until", text, ctx.today)?),
        None => None,
    };
    if until.is_none() && !args.off {
        return Err(
            Error::user("missing --until DATE").with_hint("rel snooze HANDLE --until \"in 2w\"")
        );
    }
    let today = ctx.today;
    let changed = change(ctx, &args.handle, |rel, handle| {
        rel.snooze(until, today).map_err(|e| life_error(&e, handle))
    })?;
    ctx.changed(format!("snooze {}", changed.handle));
    match until {
        Some(until) => ctx.say(&format!(
            "Snoozed {}: no cadence nudges until {} (other nudges still show).",
            changed.handle,
            with_weekday(until)
        )),
        None => ctx.say(&format!("{} is no longer snoozed.", changed.handle)),
    }
    Ok(())
}
