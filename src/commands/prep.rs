//! `rel prep`: the brief to read before the next meeting.

use crate::context::Ctx;
use crate::error::Result;
use crate::report::prep;
use crate::store::Words;

use super::{finish, load_view, problems_error};

/// The one-screen brief to read before your next meeting
///
/// Days since you last met, what you agreed last time, open actions (yours
/// and theirs) with their ages, the next waypoint and the time left to it,
/// goals, the last act of advocacy (sponsoring), sessions and days left
/// (reverse-mentoring), and the weakest of the four understandings with a
/// question to ask about it.
///
/// Examples:
///   rel prep ada-lovelace
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let handle = ctx.journal.find(&args.handle)?;
    let view = load_view(ctx, &handle, 2, Words::All).map_err(|p| problems_error(&[p]))?;
    view.started(ctx)?;
    let input = prep::Input {
        handle: handle.as_str(),
        rel: &view.rel,
        recent: &view.recent,
        assessment: &view.assessment,
        today: ctx.today,
    };
    ctx.print(&prep::render(&input, ctx.width, ctx.paint))?;
    finish(ctx, &view.problems)
}
