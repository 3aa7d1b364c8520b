//! `rel advocate`: the record that a sponsor spent capital.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::{ItemKind, Kind, Role};

use super::{change, day, item_error, item_ids, item_text};

/// Log an act of advocacy for your protégé
///
/// A sponsor actively spends capital: a nomination, an introduction, a
/// stretch assignment opened, a word in a calibration meeting. `rel status`
/// flags a sponsor with no act of advocacy within two cadences; the report
/// shows the acts on the waypoint timeline.
///
/// Examples:
///   rel advocate grace "Nominated her for the staff promotion panel"
///   rel advocate grace "Introduced her to the CTO" --date 2026-11-20 --waypoint w2
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship (sponsoring, where you are the sponsor)
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
    /// What you did for them
    pub text: String,
    /// The day you did it [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,
    /// The waypoint it served (w2)
    #[arg(
        long,
        value_name = "ID",
        add = clap_complete::ArgValueCandidates::new(super::completions::open_waypoints)
    )]
    pub waypoint: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let text = item_text(&args.text, "act of advocacy")?;
    let on = day(ctx, args.date.as_deref())?;
    if on > ctx.today {
        return Err(Error::user(format!(
            "--date {on} is in the future; log advocacy once it happened"
        ))
        .with_hint("plan it as an action instead: rel action add HANDLE TEXT"));
    }
    let waypoint = match &args.waypoint {
        Some(w) => item_ids(std::slice::from_ref(w), ItemKind::Waypoint, "--waypoint")?
            .first()
            .copied(),
        None => None,
    };
    let changed = change(ctx, &args.handle, |rel, handle| {
        super::still_open(rel, handle)?;
        if rel.kind != Kind::Sponsoring {
            return Err(Error::user(format!(
                "{handle} is {}; advocacy is logged in sponsoring relationships",
                rel.kind
            ))
            .with_hint(format!(
                "if it has become sponsoring: rel evolve {handle} --into sponsoring"
            )));
        }
        if rel.role != Role::Sponsor {
            return Err(Error::user(format!(
                "you are the {} in {handle}; advocacy is what the sponsor does for you",
                rel.role.label()
            ))
            .with_hint(format!(
                "note what your sponsor opened for you at your next check-in: rel checkin {handle}"
            )));
        }
        rel.advocate(text, on, waypoint)
            .map_err(|e| item_error(&e, handle, ItemKind::Waypoint))
    })?;
    let serving = waypoint.map(|w| format!(", for {w}")).unwrap_or_default();
    ctx.changed(format!("advocacy {} ({})", changed.value, changed.handle));
    ctx.say(&format!(
        "Advocacy {} logged for {} on {on}{serving}: {}",
        changed.value,
        changed.handle,
        super::item_line(&changed.rel, changed.value)
    ));
    Ok(())
}
