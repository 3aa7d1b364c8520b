//! One module per command. Each holds its clap `Args` (whose doc comment
//! is the help text) and a `run` that reads like the command's story.

pub mod checkin;
pub mod new;
pub mod status;

use crate::cli::Command;
use crate::context::Ctx;
use crate::error::Result;
use crate::model::{Assessment, CheckIn, CheckinId, Handle, Relationship, Snapshot, assess};
use crate::store::{Access, Problem};

pub fn run(ctx: &Ctx, command: Option<Command>) -> Result<()> {
    if let Ok(Access::ReadOnly { format }) = ctx.journal.access() {
        ctx.say(&format!(
            "{} {} was written by a newer rel (format {format} > {}); it is read-only here — upgrade rel to change it",
            ctx.paint_err.warning_label(),
            ctx.journal.root().display(),
            crate::store::FORMAT
        ));
    }
    match command {
        None => status::run(ctx, status::Args::default()),
        Some(Command::New(args)) => new::run(ctx, args),
        Some(Command::Checkin(args)) => checkin::run(ctx, args),
        Some(Command::Status(args)) => status::run(ctx, args),
    }
}

/// One relationship, read and assessed as of today.
pub struct View {
    pub handle: Handle,
    pub rel: Relationship,
    /// Every check-in's id, oldest first.
    pub checkins: Vec<CheckinId>,
    /// The newest check-ins held by today, read, oldest first.
    pub recent: Vec<(CheckinId, CheckIn)>,
    pub assessment: Assessment,
    /// Check-ins that could not be read.
    pub problems: Vec<Problem>,
}

/// Reads a relationship, the names of its check-ins and the newest
/// `recent` of them (at least the last one, which the cadence needs).
pub fn load_view(ctx: &Ctx, handle: &Handle, recent: usize) -> Result<View, Problem> {
    let rel = ctx.journal.load(handle)?;
    let checkins = ctx.journal.checkin_ids(handle)?;
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    for id in checkins
        .iter()
        .rev()
        .filter(|c| c.date <= ctx.today)
        .take(recent.max(1))
    {
        match ctx.journal.load_checkin(handle, *id) {
            Ok(checkin) => loaded.push((*id, checkin)),
            Err(problem) => problems.push(problem),
        }
    }
    loaded.reverse();
    let recent_checkins: Vec<CheckIn> = loaded.iter().map(|(_, c)| c.clone()).collect();
    let snapshot = Snapshot {
        handle,
        rel: &rel,
        checkins: &checkins,
        recent: &recent_checkins,
    };
    let assessment = assess(&snapshot, ctx.today, &ctx.settings);
    Ok(View {
        handle: handle.clone(),
        rel,
        checkins,
        recent: loaded,
        assessment,
        problems,
    })
}

/// Journal problems, as the error a command ends with after printing what
/// it could.
pub fn problems_error(problems: &[Problem]) -> crate::error::Error {
    let lines = problems.iter().map(ToString::to_string).collect();
    crate::error::Error::journal_lines(lines)
        .with_hint("rel never overwrites a file it cannot read; fix it by hand, then run rel check")
}
