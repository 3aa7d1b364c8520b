//! `rel recap HANDLE [CHECKIN]`: the message to send after a meeting.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::assess::Timing;
use crate::report::{json, recap};
use crate::store::Words;

use super::{finish, load_view, problems_error};

/// The message to send the other person after a meeting
///
/// What you agreed (the course corrections), their actions and yours with
/// their dates, what was done and the waypoints reached, and the next
/// meeting — on stdout, to pipe into a mail client or a clipboard tool.
/// Never anything private: the notes, what is and is not working,
/// strengths, growth areas, advocacy and why stay out. What you want them
/// to read from the meeting goes in the check-in's `shared` text
/// (`rel checkin --shared TEXT`, or `rel edit HANDLE CHECKIN`).
///
/// Examples:
///   rel recap ada-lovelace
///   rel recap grace-hopper 2026-11-12 --format markdown | pbcopy
///   rel recap linus --json | jq -r '.their_actions[].text'
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,

    /// The meeting: its id (2026-11-20-1), its day when it is the only one
    /// that day, or `last` [default: the newest held by today]
    #[arg(value_name = "CHECKIN")]
    pub checkin: Option<String>,

    /// How to write it
    #[arg(long, value_enum, default_value_t = Format::Text, value_name = "FORMAT")]
    pub format: Format,

    /// Print JSON instead (the shape is in the README)
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let handle = ctx.journal.find(&args.handle)?;
    let view = load_view(ctx, &handle, 1, Words::All).map_err(|p| problems_error(&[p]))?;
    let newest = view.recent.last().map(|(id, _)| *id);
    let (id, checkin) = match &args.checkin {
        Some(text) => {
            let id = super::edit::checkin_id(ctx, &handle, text)?;
            let checkin = ctx
                .journal
                .load_checkin(&handle, id)
                .map_err(|p| problems_error(&[p]))?;
            (id, checkin)
        }
        None => match view.recent.last() {
            Some((id, checkin)) => (*id, checkin.clone()),
            None => {
                return Err(
                    Error::user(format!("{handle} has no check-in to recap yet"))
                        .with_hint(format!("rel checkin {handle} records a meeting")),
                );
            }
        },
    };
    // After the newest meeting, the next is the one the assessment says
    // is due, unless the meeting planned one.
    let due_next = match view.assessment.timing {
        Timing::TimeBoxOver | Timing::Paused | Timing::Ended => None,
        _ if newest == Some(id) => view.assessment.next_due.filter(|d| *d > ctx.today),
        _ => None,
    };
    let recap = recap::recap(handle.as_str(), &view.rel, id, &checkin, due_next);
    if recap.is_bare() {
        ctx.say(&format!(
            "note: check-in {id} has nothing to share beyond its date: what you want them to read goes in its shared text (rel edit {handle} {id})"
        ));
    }
    if args.json {
        ctx.print(&json::to_string(&recap::RecapJson {
            recap: &recap,
            problems: &view.problems,
        }))?;
    } else {
        ctx.print(&match args.format {
            Format::Text => recap::text(&recap),
            Format::Markdown => recap::markdown(&recap),
        })?;
    }
    finish(ctx, &view.problems)
}
