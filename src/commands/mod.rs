//! One module per command. Each holds its clap `Args` (whose doc comment
//! is the help text) and a `run` that reads like the command's story.

pub mod action;
pub mod actions;
pub mod advocate;
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
pub mod list;
pub mod log;
pub mod new;
pub mod pause;
pub mod prep;
pub mod report;
pub mod search;
pub mod set;
pub mod status;
pub mod strength;
pub mod waypoint;

use chrono::NaiveDate;

use crate::cli::Command;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::id::IdError;
use crate::model::items::{Closing, ItemError};
use crate::model::relationship::LifeError;
use crate::model::{
    Assessment, CheckIn, CheckinId, Handle, ItemId, ItemKind, Relationship, Snapshot, assess,
};
use crate::store::{Access, Problem, Words};
use crate::text::sanitize;

pub fn run(ctx: &Ctx, command: Option<Command>) -> Result<()> {
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
        Some(Command::Check(args)) => check::run(ctx, args),
        Some(Command::Edit(args)) => edit::run(ctx, args),
        Some(Command::Export(args)) => export::run(ctx, args),
        Some(Command::Import(args)) => import::run(ctx, args),
    };
    commit_changes(ctx);
    result
}

/// Commits what the command changed, when the journal is in git.
fn commit_changes(ctx: &Ctx) {
    let changes = ctx.changes();
    let Some(first) = changes.first() else {
        return;
    };
    if ctx.config.git == Some(false) || !crate::store::git::is_work_tree(ctx.journal.root()) {
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
    if let Err(why) = crate::store::git::commit(ctx.journal.root(), &message) {
        ctx.say(&format!(
            "{} saved, but not committed to git: {why}",
            ctx.paint_err.warning_label()
        ));
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
    let handle = ctx.journal.find(input)?;
    let txn = ctx.journal.begin()?;
    let mut ed = txn.load(&handle)?;
    let mut rel = ed.rel.clone();
    let value = change(&mut rel, &handle)?;
    txn.save(&mut ed, &rel)?;
    Ok(Changed { handle, rel, value })
}

/// Items of an ended relationship stay as the closing conversation left
/// them.
pub fn still_open(rel: &Relationship, handle: &Handle) -> Result<()> {
    if rel.status == crate::model::Status::Ended {
        let when = rel
            .ending
            .as_ref()
            .map(|e| format!(" on {}", e.date))
            .unwrap_or_default();
        return Err(Error::user(format!(
            "{handle} ended{when}; its items stay as the closing conversation left them"
        ))
        .with_hint(format!(
            "to correct the record, edit the file: rel edit {handle}"
        )));
    }
    Ok(())
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

/// Reads item ids a person typed for `kind`, refusing duplicates quietly.
pub fn item_ids(texts: &[String], kind: ItemKind, what: &str) -> Result<Vec<ItemId>> {
    let mut ids = Vec::new();
    for text in texts
        .iter()
        .flat_map(|t| t.split(','))
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let id = ItemId::parse_as(text, kind).map_err(|e| {
            let hint = match e {
                IdError::WrongKind { .. } => format!(
                    "{what} takes {} ids, which start with '{}'",
                    kind.noun(),
                    kind.prefix()
                ),
                IdError::Malformed(_) => format!("{what} takes ids like {}1", kind.prefix()),
            };
            Error::user(format!("{what}: {}", sanitize(&e.to_string()))).with_hint(hint)
        })?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// An item error in words, with the ids that would work.
pub fn item_error(err: &ItemError, handle: &Handle, kind: ItemKind) -> Error {
    let open = err.open_ids();
    let hint = if let ItemError::BeforeAdded { .. } = err {
        "pass a --date on or after that day".to_string()
    } else if open.is_empty() {
        format!("{handle} has no open {}s (rel show {handle})", kind.noun())
    } else {
        let ids: Vec<String> = open.iter().map(ToString::to_string).collect();
        format!(
            "open {}s: {} (rel show {handle})",
            kind.noun(),
            ids.join(", ")
        )
    };
    Error::user(format!("{err} in {handle}")).with_hint(hint)
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

/// `HANDLE ID… [--date DATE]`: the arguments of every done, drop and
/// reach command.
#[derive(Debug, clap::Args)]
pub struct Close {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(completions::handles))]
    pub handle: String,

    /// The items, by id (several may be given)
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,

    /// The day it happened [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
}

/// Closes items (done, achieved, reached) or drops them, all or none.
pub fn close_items(
    ctx: &Ctx,
    args: &Close,
    kind: ItemKind,
    how: Closing,
    verb: &str,
) -> Result<()> {
    let ids = item_ids(&args.ids, kind, verb)?;
    let on = day(ctx, args.date.as_deref())?;
    let changed = change(ctx, &args.handle, |rel, handle| {
        still_open(rel, handle)?;
        for id in &ids {
            rel.close(*id, how, on)
                .map_err(|e| item_error(&e, handle, kind))?;
        }
        Ok(())
    })?;
    let word = match (how, kind) {
        (Closing::Dropped, _) => "dropped",
        (Closing::Done, ItemKind::Goal) => "achieved",
        (Closing::Done, ItemKind::Waypoint) => "reached",
        (Closing::Done, _) => "done",
    };
    for id in &ids {
        ctx.changed(format!("{} {id} {word} ({})", kind.noun(), changed.handle));
        let text = item_line(&changed.rel, *id);
        ctx.say(&format!(
            "{} {id} {word} on {on} ({}): {text}",
            capitalized(kind.noun()),
            changed.handle
        ));
    }
    Ok(())
}

/// An item's text, clipped to a line.
pub fn item_line(rel: &Relationship, id: ItemId) -> String {
    let text = match id.kind {
        ItemKind::Goal => rel
            .goals
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.text.as_str()),
        ItemKind::Waypoint => rel
            .waypoints
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.text.as_str()),
        ItemKind::Action => rel
            .actions
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.text.as_str()),
        ItemKind::Strength => rel
            .strengths
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.text.as_str()),
        ItemKind::Growth => rel
            .growth
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.text.as_str()),
        ItemKind::Advocacy => rel
            .advocacy
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.text.as_str()),
    };
    crate::text::clip(text.unwrap_or(""), 70)
}

pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What every `add` is given: the words, the day (`--date`), and for
/// goals, waypoints and actions the day it is due (`--due`, still to come).
pub struct NewItem {
    pub text: String,
    pub on: NaiveDate,
    pub due: Option<NaiveDate>,
    /// What a relative `--due` meant, to echo back once it is saved.
    note: Option<String>,
}

impl NewItem {
    pub fn read(
        ctx: &Ctx,
        noun: &str,
        text: &str,
        date: Option<&str>,
        due: Option<&str>,
    ) -> Result<NewItem> {
        let text = item_text(text, noun)?;
        let on = day(ctx, date)?;
        let due_day = due
            .map(|d| new::date_ahead("--due", d, ctx.today))
            .transpose()?;
        if let Some(due) = due_day.filter(|d| *d < on) {
            return Err(
                Error::user(format!("--due {due} is before the {noun} is added ({on})"))
                    .with_hint("give a due date still to come"),
            );
        }
        let note = due
            .zip(due_day)
            .and_then(|(text, due)| new::resolved("--due", text, due));
        Ok(NewItem {
            text,
            on,
            due: due_day,
            note,
        })
    }

    /// Adds the item under the lock with `add`, then says what was added.
    pub fn add(
        self,
        ctx: &Ctx,
        handle: &str,
        label: &str,
        add: impl FnOnce(&mut Relationship, String, NaiveDate, Option<NaiveDate>) -> ItemId,
    ) -> Result<()> {
        let NewItem {
            text,
            on,
            due,
            note,
        } = self;
        let changed = change(ctx, handle, |rel, handle| {
            still_open(rel, handle)?;
            Ok(add(rel, text, on, due))
        })?;
        if let Some(line) = note {
            ctx.say(&format!("({line})"));
        }
        let id = changed.value;
        ctx.changed(format!(
            "{} {id} added ({})",
            id.kind.noun(),
            changed.handle
        ));
        let due = due.map(|d| format!(", due {d}")).unwrap_or_default();
        ctx.say(&format!(
            "{label} {id} added to {}{due}: {}",
            changed.handle,
            item_line(&changed.rel, id)
        ));
        Ok(())
    }
}

/// Text a person gave for an item: trimmed, and not empty.
pub fn item_text(text: &str, what: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::user(format!("the {what} cannot be empty"))
            .with_hint(format!("say what the {what} is, in quotes")));
    }
    Ok(text.to_string())
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
/// `words` says whether the words of its closed items and history are
/// wanted, or only what an overview shows.
pub fn load_view(ctx: &Ctx, handle: &Handle, recent: usize, words: Words) -> Result<View, Problem> {
    let (rel, checkins) = ctx.journal.load_with_checkins(handle, words)?;
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

/// Reports problems after the output: warnings as notes, errors as the
/// command's failure (exit 2).
pub fn finish(ctx: &Ctx, problems: &[Problem]) -> Result<()> {
    for warning in problems
        .iter()
        .filter(|p| p.severity == crate::store::Severity::Warning)
    {
        ctx.say(&format!("{} {warning}", ctx.paint_err.warning_label()));
    }
    let errors: Vec<Problem> = problems
        .iter()
        .filter(|p| p.severity == crate::store::Severity::Error)
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
