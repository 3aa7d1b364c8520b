//! One module per command. Each holds its clap `Args` (whose doc comment
//! is the help text) and a `run` that reads like the command's story.

pub mod action;
pub mod actions;
pub mod advocate;
pub mod calendar;
pub mod check;
pub mod checkin;
pub mod completions;
pub mod config;
pub mod edit;
pub mod end;
pub mod evolve;
pub mod export;
pub mod git;
pub mod goal;
pub mod import;
pub mod items;
pub mod list;
pub mod log;
pub mod merge_driver;
pub mod new;
pub mod pause;
pub mod prep;
pub mod recap;
pub mod replan;
pub mod report;
pub mod search;
pub mod set;
pub mod status;
pub mod strength;
pub mod sync;
pub mod undo;
pub mod view;
pub mod waypoint;
pub mod week;

use chrono::NaiveDate;
use clap::Subcommand;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::relationship::LifeError;
use crate::model::{Handle, ItemKind, Relationship};
use crate::problem::Problem;
use crate::store::Access;

pub use items::{
    Close, NewItem, capitalized, close_items, item_error, item_ids, item_line, item_text,
    new_actions_line, still_open,
};
pub use view::{View, load_overview, load_view};

/// Each command's arguments are built only when that command is parsed:
/// starting rel costs the same however many commands it has. What shows
/// every command (help, man page, completions) uses [`command`].
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    New(new::Args),
    Checkin(checkin::Args),
    #[command(visible_alias = "show")]
    Status(status::Args),
    Prep(prep::Args),
    #[command(subcommand)]
    Goal(goal::Args),
    #[command(subcommand)]
    Waypoint(waypoint::Args),
    #[command(subcommand)]
    Action(action::Args),
    Actions(actions::Args),
    #[command(subcommand)]
    Strength(strength::StrengthArgs),
    #[command(subcommand)]
    Growth(strength::GrowthArgs),
    Advocate(advocate::Args),
    Set(set::Args),
    Pause(pause::Args),
    Resume(pause::ResumeArgs),
    Snooze(pause::SnoozeArgs),
    End(end::Args),
    Evolve(evolve::Args),
    List(list::Args),
    Git(git::Args),
    Config(config::Args),
    Completions(completions::Args),
    Man(completions::ManArgs),
    Log(log::Args),
    Search(search::Args),
    Report(report::Args),
    Recap(recap::Args),
    Week(week::Args),
    Calendar(calendar::Args),
    Edit(edit::Args),
    Check(check::Args),
    Export(export::Args),
    Import(import::Args),
    Sync(sync::Args),
    #[command(hide = true)]
    MergeDriver(merge_driver::Args),
    Undo(undo::Args),
}

pub fn run(ctx: &Ctx, command: Option<Command>) -> Result<()> {
    // git runs the merge driver in the middle of its own work: it reads
    // and writes only the files git names, and never the journal.
    if let Some(Command::MergeDriver(args)) = command {
        return merge_driver::run(ctx, args);
    }
    // `rel check` says so itself, in its own words.
    let checking = matches!(command, Some(Command::Check(_)));
    if let Ok(Access::ReadOnly { format }) = ctx.journal.access()
        && !checking
    {
        ctx.say(&format!(
            "{} {} was written by a newer rel (format {format} > {}); it is read-only here — upgrade rel to change it",
            ctx.paint_err.warning_label(),
            ctx.journal.root().display(),
            crate::store::FORMAT
        ));
    }
    // In git, the lock is kept from a command's first change to its
    // commit: the commit holds exactly what this command did.
    if ctx.config.git != Some(false) && crate::store::git::may_be_work_tree(ctx.journal.root()) {
        ctx.journal.keep_lock();
        // Each clone merges rel's files with rel, from the first command on.
        crate::store::sync::setup::register_driver(ctx.journal.root());
    }
    let result = match command {
        None => status::run(ctx, status::Args::default()),
        Some(Command::New(args)) => new::run(ctx, args),
        Some(Command::Checkin(args)) => checkin::run(ctx, args),
        Some(Command::Status(args)) => status::run(ctx, args),
        Some(Command::Prep(args)) => prep::run(ctx, args),
        Some(Command::Goal(args)) => goal::run(ctx, args),
        Some(Command::Waypoint(args)) => waypoint::run(ctx, args),
        Some(Command::Action(args)) => action::run(ctx, args),
        Some(Command::Actions(args)) => actions::run(ctx, args),
        Some(Command::Strength(args)) => strength::run_strength(ctx, args),
        Some(Command::Growth(args)) => strength::run_growth(ctx, args),
        Some(Command::Advocate(args)) => advocate::run(ctx, args),
        Some(Command::Set(args)) => set::run(ctx, args),
        Some(Command::Pause(args)) => pause::pause(ctx, args),
        Some(Command::Resume(args)) => pause::resume(ctx, args),
        Some(Command::Snooze(args)) => pause::snooze(ctx, args),
        Some(Command::End(args)) => end::run(ctx, args),
        Some(Command::Evolve(args)) => evolve::run(ctx, args),
        Some(Command::List(args)) => list::run(ctx, args),
        Some(Command::Git(args)) => git::run(ctx, args),
        Some(Command::Config(args)) => config::run(ctx, args),
        Some(Command::Completions(args)) => completions::run(ctx, args),
        Some(Command::Man(args)) => completions::man(ctx, args),
        Some(Command::Log(args)) => log::run(ctx, args),
        Some(Command::Search(args)) => search::run(ctx, args),
        Some(Command::Report(args)) => report::run(ctx, args),
        Some(Command::Recap(args)) => recap::run(ctx, args),
        Some(Command::Week(args)) => week::run(ctx, args),
        Some(Command::Calendar(args)) => calendar::run(ctx, args),
        Some(Command::Check(args)) => check::run(ctx, args),
        Some(Command::Edit(args)) => edit::run(ctx, args),
        Some(Command::Export(args)) => export::run(ctx, args),
        Some(Command::Import(args)) => import::run(ctx, args),
        Some(Command::Sync(args)) => sync::run(ctx, args),
        Some(Command::MergeDriver(args)) => merge_driver::run(ctx, args),
        Some(Command::Undo(args)) => undo::run(ctx, args),
    };
    commit_changes(ctx);
    result
}

/// Commits what the command changed, when the journal is in git: the
/// paths it wrote, under the lock it wrote them with.
fn commit_changes(ctx: &Ctx) {
    use crate::store::git::{self, NotCommitted};
    let mut finished = ctx.journal.finish();
    let changes = ctx.changes();
    let Some(first) = changes.first() else {
        return;
    };
    if finished.paths.is_empty()
        || ctx.config.git == Some(false)
        || !git::is_work_tree(ctx.journal.root())
    {
        return;
    }
    let message = if changes.len() == 1 {
        first.clone()
    } else {
        format!(
            "{first} (and {} more)\n\n{}",
            changes.len() - 1,
            changes.join("\n")
        )
    };
    let warning = ctx.paint_err.warning_label();
    if let Err(err) = finished.hold(&ctx.journal) {
        ctx.say(&format!(
            "{warning} saved, but not committed to git: {}",
            err.lines().join("; ")
        ));
        return;
    }
    let shown: Vec<String> = finished
        .paths
        .iter()
        .map(|p| crate::store::check::shell_quote(p))
        .collect();
    match git::commit(ctx.journal.root(), &finished.paths, &message) {
        Ok(_) => crate::store::sync::modes::seen(ctx.journal.root()),
        Err(NotCommitted::Busy(what)) => ctx.say(&format!(
            "{warning} saved, but not committed to git, because {what} in the journal's repository: settle that first (rel git status shows where it stands), then commit rel's change with rel git add {} && rel git commit.",
            shown.join(" ")
        )),
        Err(NotCommitted::Failed(why)) => ctx.say(&format!(
            "{warning} saved, but not committed to git, because git said: {why}"
        )),
    }
}

/// A relationship after a change, and what the change returned.
pub struct Changed<T> {
    pub handle: Handle,
    pub rel: Relationship,
    pub value: T,
}

/// Changes one relationship: takes the journal lock, reads the file after
/// taking it, lets `change` edit the model, and writes the file back with
/// the user's comments and layout kept.
pub fn change<T>(
    ctx: &Ctx,
    input: &str,
    change: impl FnOnce(&mut Relationship, &Handle) -> Result<T>,
) -> Result<Changed<T>> {
    ctx.journal.check_writable()?;
    let handle = find_to_change(ctx, input)?;
    let txn = ctx.journal.begin()?;
    let mut ed = txn.load(&handle)?;
    let mut rel = ed.rel.clone();
    let value = change(&mut rel, &handle)?;
    txn.save(&mut ed, &rel)?;
    Ok(Changed { handle, rel, value })
}

/// Finds the relationship a change is for. A handle given in part is
/// said in full before anything is asked or written (`checkin
/// priya-natarajan`), so the person sees which relationship changes.
pub fn find_to_change(ctx: &Ctx, input: &str) -> Result<Handle> {
    let handle = ctx.journal.find(input)?;
    if handle.as_str() != input {
        let args: Vec<String> = std::env::args_os()
            .skip(1)
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let mut words = crate::context::command_path(&(ctx.tree)(), &args);
        words.push(ctx.paint_err.bold(handle.as_str()));
        ctx.say(&words.join(" "));
    }
    Ok(handle)
}

/// `--date`, or today.
pub fn day(ctx: &Ctx, date: Option<&str>) -> Result<NaiveDate> {
    match date {
        Some(text) => {
            let day = new::date("--date", text, ctx.today)?;
            if crate::model::date::parse_iso(text).is_none() {
                ctx.say(&format!("({})", crate::model::date::with_weekday(day)));
            }
            Ok(day)
        }
        None => Ok(ctx.today),
    }
}

/// A refused change to the life of a relationship, with what to do instead.
pub fn life_error(err: &LifeError, handle: &Handle) -> Error {
    let hint = match err {
        LifeError::Ended(_) => format!(
            "an ended relationship stays as it was; start a new one with rel new (rel show {handle})"
        ),
        LifeError::AlreadyPaused => format!("rel resume {handle} picks it up again"),
        LifeError::NotPaused => format!("rel pause {handle} pauses it"),
        LifeError::NotSnoozed => {
            format!("rel snooze {handle} --until DATE silences the cadence nudges")
        }
        LifeError::SnoozeInPast(_) => {
            "snooze until a later day, like --until \"in 2w\"".to_string()
        }
        LifeError::BeforeStart(_) => "pass a --date on or after the day it started".to_string(),
        LifeError::GoalClosed(_) => {
            format!("only open goals get a final assessment (rel show {handle})")
        }
        LifeError::CannotEvolve { .. } => {
            "reverse-mentoring evolves into mentoring, and mentoring into sponsoring".to_string()
        }
        LifeError::RoleNotOfKind { kind, .. } => {
            let [a, b] = kind.roles();
            format!("use --role {} or --role {}", a.as_str(), b.as_str())
        }
        LifeError::Item(e) => return item_error(e, handle, ItemKind::Goal),
    };
    Error::user(format!("cannot change {handle}: {err}")).with_hint(hint)
}

/// Reports problems after the output: warnings as notes, errors as the
/// command's failure (exit 2).
pub fn finish(ctx: &Ctx, problems: &[Problem]) -> Result<()> {
    for warning in problems
        .iter()
        .filter(|p| p.severity == crate::problem::Severity::Warning)
    {
        ctx.say(&format!("{} {warning}", ctx.paint_err.warning_label()));
    }
    let errors: Vec<Problem> = problems
        .iter()
        .filter(|p| p.severity == crate::problem::Severity::Error)
        .cloned()
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(problems_error(&errors))
    }
}

/// Journal problems, as the error a command ends with after printing what
/// it could.
pub fn problems_error(problems: &[Problem]) -> crate::error::Error {
    let lines = problems.iter().map(ToString::to_string).collect();
    crate::error::Error::journal_lines(lines)
        .with_hint("rel never overwrites a file it cannot read; fix it by hand, then run rel check")
}

/// `--since` and `--until`, read as any date rel understands; a range
/// that ends before it starts is refused.
pub fn date_range(
    ctx: &Ctx,
    since: Option<&str>,
    until: Option<&str>,
) -> Result<crate::model::DateRange> {
    let since = since
        .map(|t| new::date("--since", t, ctx.today))
        .transpose()?;
    let until = until
        .map(|t| new::date("--until", t, ctx.today))
        .transpose()?;
    if let (Some(s), Some(u)) = (since, until)
        && s > u
    {
        return Err(Error::user(format!("--since {s} is after --until {u}"))
            .with_hint("swap them, or leave one out"));
    }
    Ok(crate::model::DateRange { since, until })
}
