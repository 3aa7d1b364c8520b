//! `rel checkin`: record a meeting.

use std::io::Read;

use chrono::NaiveDate;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::assess::{Assessment, Timing};
use crate::model::checkin::Moved;
use crate::model::date::{parse_iso, with_weekday};
use crate::model::id::IdError;
use crate::model::items::{Closing, ItemError, NewAction};
use crate::model::replan::Replan;
use crate::model::{CheckIn, Handle, ItemId, ItemKind, Kind, Owner, Rating, Relationship, Role};
use crate::prompt::{edit_file, editor_command};
use crate::store::doc::checkin_doc;
use crate::store::{self, Unfinished};
use crate::text::{clip, sanitize};

use super::new::date;

/// Record a meeting
///
/// Writes one new check-in file: the notes, how valuable it felt, what is
/// working and what is not, the course corrections agreed, new action items
/// (yours and theirs, numbered in the order given), which open actions were
/// done, waypoints reached and goals achieved, and what was moved to a new
/// date or dropped — those are updated in relationship.toml in the same
/// step. On a terminal with no content flags, rel walks you through the
/// meeting: each item past its date (keep, done, move, drop), each open
/// action (done, keep, drop), and each course correction, which can become
/// an action or a move on the spot.
///
/// Examples:
///   rel checkin ada-lovelace
///   rel checkin ada-lovelace -m "Talked through the RFC" --rating 4 --working "Weekly cadence" --done a3
///   rel checkin grace --date yesterday --reached w2 --their-action "Draft the talk" --next "in 2w"
///   rel checkin grace -m "Planning moved to January" --move w5=2027-01-31 --drop a9
///   pbpaste | rel checkin linus -m - --review
///   rel checkin grace --about c2,s1 --shared "Thanks: the exec memo is nearly there"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handle: String,

    /// The day you met [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub date: Option<String>,

    /// Notes on the meeting ('-' reads them from stdin)
    #[arg(short = 'm', long, value_name = "TEXT")]
    pub notes: Option<String>,

    /// Write the notes in your editor ($VISUAL, $EDITOR)
    #[arg(long, conflicts_with = "notes")]
    pub edit: bool,

    /// How valuable the meeting felt, from 1 to 5
    #[arg(long, value_name = "1-5", value_parser = parse_rating)]
    pub rating: Option<Rating>,

    /// Something that is working (repeat for several)
    #[arg(long, value_name = "TEXT")]
    pub working: Vec<String>,

    /// Something that is not working (repeat for several)
    #[arg(long = "not-working", value_name = "TEXT")]
    pub not_working: Vec<String>,

    /// A course correction you agreed on (repeat for several)
    #[arg(long = "change", value_name = "TEXT")]
    pub changes: Vec<String>,

    /// A new action item for you (repeat for several)
    #[arg(long = "action", value_name = "TEXT", value_parser = in_order)]
    pub actions: Vec<InOrder>,

    /// A new action item for them (repeat for several)
    #[arg(long = "their-action", value_name = "TEXT", value_parser = in_order)]
    pub their_actions: Vec<InOrder>,

    /// An open action now done, by id (a3; repeat or separate with commas)
    #[arg(
        long,
        value_name = "ID",
        value_delimiter = ',',
        add = clap_complete::ArgValueCandidates::new(super::completions::open_actions)
    )]
    pub done: Vec<String>,

    /// A waypoint reached, by id (w2; repeat or separate with commas)
    #[arg(
        long,
        value_name = "ID",
        value_delimiter = ',',
        add = clap_complete::ArgValueCandidates::new(super::completions::open_waypoints)
    )]
    pub reached: Vec<String>,

    /// A goal achieved, by id (g2; repeat or separate with commas)
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub achieved: Vec<String>,

    /// Move a goal, waypoint or action to a new due date: ID=DATE (w2=2027-01-31; repeat for several)
    #[arg(long = "move", value_name = "ID=DATE")]
    pub moves: Vec<String>,

    /// Drop a goal, waypoint or action that no longer matters, by id (repeat or separate with commas)
    #[arg(long = "drop", value_name = "ID", value_delimiter = ',')]
    pub drops: Vec<String>,

    /// The day of the next meeting
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
    pub next: Option<String>,

    /// This meeting reviewed the relationship itself: is it serving its purpose?
    #[arg(long)]
    pub review: bool,

    /// What may go to them in the recap (rel recap); the notes stay private
    #[arg(long, value_name = "TEXT")]
    pub shared: Option<String>,

    /// A strength or growth area you discussed, by id (c2, s1; repeat or
    /// separate with commas)
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub about: Vec<String>,
}

fn parse_rating(text: &str) -> std::result::Result<Rating, String> {
    text.parse()
}

/// A flag's value and its place among the values of several flags, so
/// that `--their-action X --action Y` numbers X first, as typed.
#[derive(Debug, Clone)]
pub struct InOrder {
    pub place: usize,
    pub text: String,
}

/// clap reads the command line from left to right and parses each value
/// as it meets it: counting the values as they are parsed gives each its
/// place on the line.
fn in_order(text: &str) -> std::result::Result<InOrder, String> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static PLACE: AtomicUsize = AtomicUsize::new(0);
    Ok(InOrder {
        place: PLACE.fetch_add(1, Ordering::Relaxed),
        text: text.to_string(),
    })
}

impl Args {
    fn has_content(&self) -> bool {
        self.notes.is_some()
            || self.edit
            || self.rating.is_some()
            || !self.working.is_empty()
            || !self.not_working.is_empty()
            || !self.changes.is_empty()
            || !self.actions.is_empty()
            || !self.their_actions.is_empty()
            || !self.done.is_empty()
            || !self.reached.is_empty()
            || !self.achieved.is_empty()
            || !self.moves.is_empty()
            || !self.drops.is_empty()
            || self.next.is_some()
            || self.review
            || self.shared.is_some()
            || !self.about.is_empty()
    }
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    ctx.journal.check_writable()?;
    let handle = super::find_to_change(ctx, &args.handle)?;
    // What is open is all the questions and checks need.
    let before = ctx
        .journal
        .read(&handle, store::Read::OPEN)
        .map_err(|p| super::problems_error(&[p]))?
        .rel;
    let checkin = if ctx.prompt.allowed() && !args.has_content() {
        walk_through(ctx, &args, &handle, &before)?
    } else {
        from_flags(ctx, &args, &handle, &before)?
    };
    match record(ctx, &handle, &checkin) {
        Ok(message) => {
            ctx.say(&message);
            Ok(())
        }
        // The check-in file holds every word; only the relationship lags.
        Err(Unfinished {
            error,
            recorded: Some(_),
        }) => Err(error),
        Err(Unfinished {
            error,
            recorded: None,
        }) if checkin.has_words() => Err(keep_words(ctx, &handle, &checkin, error)),
        Err(Unfinished { error, .. }) => Err(error),
    }
}

/// Builds the check-in from flags, checking everything before any editor
/// opens, so a typo never costs the notes.
fn from_flags(ctx: &Ctx, args: &Args, handle: &Handle, rel: &Relationship) -> Result<CheckIn> {
    let day = match &args.date {
        Some(text) => meeting_day(ctx, text)?,
        None => ctx.today,
    };
    let mut checkin = CheckIn::new(day);
    checkin.rating = args.rating;
    checkin.review = args.review;
    checkin.working = clean(&args.working);
    checkin.not_working = clean(&args.not_working);
    checkin.changes = clean(&args.changes);
    checkin.closed = ids(&args.done, ItemKind::Action, "--done")?;
    checkin.reached = ids(&args.reached, ItemKind::Waypoint, "--reached")?;
    checkin.achieved = ids(&args.achieved, ItemKind::Goal, "--achieved")?;
    checkin.moved = args
        .moves
        .iter()
        .map(|m| parse_move(ctx, m))
        .collect::<Result<_>>()?;
    checkin.dropped = planned_ids(&args.drops, "--drop")?;
    checkin.about = about_ids(&args.about)?;
    checkin.shared = args.shared.as_deref().and_then(non_empty);
    if let Some(next) = &args.next {
        checkin.next = Some(next_meeting(ctx, next, day)?);
    }
    // New actions in the order their flags were given, whoever's they are.
    let mut new: Vec<(&InOrder, Owner)> = args
        .actions
        .iter()
        .map(|a| (a, Owner::Me))
        .chain(args.their_actions.iter().map(|a| (a, Owner::Them)))
        .collect();
    new.sort_by_key(|(a, _)| a.place);
    for (action, owner) in new {
        if let Some(text) = non_empty(&action.text) {
            checkin.opened.push(NewAction {
                id: None,
                text,
                owner,
                due: None,
            });
        }
    }
    check_items(rel, handle, &checkin)?;
    if args.notes.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(empty_notes("given with -m"));
    }
    checkin.notes = match args.notes.as_deref() {
        Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
                Error::user(format!(
                    "cannot read notes from stdin: {}",
                    crate::error::io_reason(&e)
                ))
            })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Error::user(format!(
                    "stdin: is not UTF-8 text (a bad byte at offset {})",
                    e.utf8_error().valid_up_to()
                ))
                .with_hint("rel reads notes as UTF-8 text; nothing was recorded")
            })?;
            Some(non_empty(&text).ok_or_else(|| empty_notes("read from stdin"))?)
        }
        Some(text) => non_empty(text),
        None if args.edit => Some(notes_in_editor(ctx, handle, rel, day)?),
        None => None,
    };
    Ok(checkin)
}

/// Notes given but empty: a slip, as an empty commit message is to git.
fn empty_notes(given: &str) -> Error {
    Error::user(format!("the notes {given} are empty; nothing was recorded")).with_hint(
        "write what you talked about, or leave -m out to record the meeting without notes",
    )
}

/// Writes the check-in under the lock, after checking its ids against the
/// relationship as it is now.
fn record(ctx: &Ctx, handle: &Handle, checkin: &CheckIn) -> Result<String, Unfinished> {
    let txn = ctx.journal.begin()?;
    let mut ed = txn.load(handle)?;
    check_items(&ed.rel, handle, checkin)?;
    let (id, written, checkins) = txn.record_checkin(&mut ed, checkin)?;
    drop(txn);

    ctx.changed(format!("checkin {handle} {}", id.date));
    let p = ctx.paint_err;
    let mut message = format!(
        "Recorded check-in {} with {} ({handle}).",
        p.bold(&id.shown_among(&checkins)),
        sanitize(&ed.rel.person)
    );
    let mut moved = Vec::new();
    if !written.closed.is_empty() {
        moved.push(format!("done {}", join_ids(&written.closed)));
    }
    if !written.reached.is_empty() {
        moved.push(format!("reached {}", join_ids(&written.reached)));
    }
    if !written.achieved.is_empty() {
        moved.push(format!("achieved {}", join_ids(&written.achieved)));
    }
    for m in &written.moved {
        moved.push(format!("moved {} to {}", m.id, m.due));
    }
    if !written.dropped.is_empty() {
        moved.push(format!("dropped {}", join_ids(&written.dropped)));
    }
    if written.review {
        moved.push("relationship reviewed".to_string());
    }
    if !written.about.is_empty() {
        moved.push(format!("about {}", join_ids(&written.about)));
    }
    if !moved.is_empty() {
        message.push_str(&format!("\n  {}", moved.join(" · ")));
    }
    if let Some(line) = super::new_actions_line(&written.opened) {
        message.push_str(&format!("\n  {line}"));
    }
    // What comes next, as every other view will tell it from now on.
    let assessment = super::view::assess_written(ctx, handle, &ed.rel, &checkins, (id, &written));
    message.push_str(&next_line(&assessment, &ed.rel));
    Ok(message)
}

/// The next meeting as the relationship's assessment has it: the one
/// planned, or the day the cadence makes the next check-in due.
fn next_line(a: &Assessment, rel: &Relationship) -> String {
    if a.timing == Timing::TimeBoxOver {
        return "\n  the time box is over: conclude, extend or evolve".to_string();
    }
    match (a.planned, a.next_due, &rel.cadence) {
        (Some(planned), _, _) => format!("\n  next meeting {}", with_weekday(planned)),
        (None, Some(due), Some(cadence)) => {
            format!("\n  next due {} ({cadence})", with_weekday(due))
        }
        _ => String::new(),
    }
}

/// Saves what the person wrote when the check-in could not be recorded,
/// and says where.
fn keep_words(ctx: &Ctx, handle: &Handle, checkin: &CheckIn, err: Error) -> Error {
    let text = format!(
        "# An unsaved check-in for {handle}: {}\n# To record it, fix the problem and move this file into\n# relationships/{handle}/checkins/ as {}-N.toml, or run rel checkin again.\n{}",
        err,
        checkin.date,
        checkin_doc(checkin)
    );
    let stem = format!("checkin-{handle}-{}", checkin.date);
    let hint = match ctx.journal.save_draft(&stem, &text) {
        Ok(draft) => format!("your words are saved in {}", draft.path().display()),
        Err(e) => {
            ctx.say(&format!(
                "Could not save a draft ({}); here is what you wrote:\n{text}",
                crate::error::io_reason(&e)
            ));
            "your words are printed above".to_string()
        }
    };
    let hint = match err.hint() {
        Some(original) => format!("{hint}; {original}"),
        None => hint,
    };
    err.with_hint(hint)
}

/// The day of a meeting: not in the future. A relative date is echoed back.
fn meeting_day(ctx: &Ctx, text: &str) -> Result<NaiveDate> {
    let day = date("--date", text, ctx.today)?;
    if day > ctx.today {
        return Err(Error::user(format!(
            "--date {day} is in the future; a check-in records a meeting that happened"
        ))
        .with_hint("plan the next meeting with --next DATE"));
    }
    if parse_iso(text).is_none() {
        ctx.say(&format!("Recorded for {}.", with_weekday(day)));
    }
    Ok(day)
}

fn next_meeting(ctx: &Ctx, text: &str, day: NaiveDate) -> Result<NaiveDate> {
    let next = super::new::date_ahead("--next", text, ctx.today)?;
    if next <= day {
        return Err(
            Error::user(format!("--next {next} is not after the meeting on {day}"))
                .with_hint("the next meeting comes after this one, e.g. --next \"in 2w\""),
        );
    }
    Ok(next)
}

fn ids(texts: &[String], kind: ItemKind, flag: &str) -> Result<Vec<ItemId>> {
    let mut ids = Vec::new();
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        let id = ItemId::parse_as(text, kind).map_err(|e| {
            let hint = match e {
                IdError::WrongKind { .. } => format!("{flag} takes {} ids", kind.noun()),
                IdError::Malformed(_) => format!("{flag} takes ids like {}1", kind.prefix()),
            };
            Error::user(format!("{flag}: {}", sanitize(&e.to_string()))).with_hint(hint)
        })?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Every action closed must be open, every waypoint reached must be open.
fn check_items(rel: &Relationship, handle: &Handle, checkin: &CheckIn) -> Result<()> {
    if let Some(ending) = rel
        .ending
        .as_ref()
        .filter(|_| rel.status == crate::model::Status::Ended)
    {
        if checkin.date > ending.date {
            return Err(Error::user(format!(
                "{handle} ended on {}; a check-in on {} comes after it",
                ending.date, checkin.date
            ))
            .with_hint(
                "record a meeting from before the end with --date, or start a new relationship",
            ));
        }
        if checkin.has_effects() {
            super::still_open(rel, handle)?;
        }
    }
    // The copy is of the whole relationship: made only when an item changes.
    if checkin.closed.is_empty()
        && checkin.reached.is_empty()
        && checkin.achieved.is_empty()
        && checkin.moved.is_empty()
        && checkin.dropped.is_empty()
    {
        return check_about(rel, handle, checkin);
    }
    let mut probe = rel.clone();
    for id in &checkin.closed {
        probe
            .close_action(*id, checkin.date)
            .map_err(|e| item_error(&e, handle, "rel actions", ItemKind::Action))?;
    }
    for id in &checkin.reached {
        probe
            .reach_waypoint(*id, checkin.date)
            .map_err(|e| item_error(&e, handle, "rel status", ItemKind::Waypoint))?;
    }
    for id in &checkin.achieved {
        probe
            .close(*id, Closing::Done, checkin.date)
            .map_err(|e| item_error(&e, handle, "rel status", ItemKind::Goal))?;
    }
    for moved in &checkin.moved {
        probe
            .replan(
                moved.id,
                &Replan::Move(moved.due),
                checkin.date,
                moved.because.clone(),
                None,
            )
            .map_err(|e| match e {
                crate::model::replan::ReplanError::Item(e) => {
                    item_error(&e, handle, "rel status", moved.id.kind)
                }
                e => Error::user(format!("--move {}: {e}", moved.id))
                    .with_hint(super::replan::replan_hint(&e, handle)),
            })?;
    }
    for id in &checkin.dropped {
        probe
            .close(*id, Closing::Dropped, checkin.date)
            .map_err(|e| item_error(&e, handle, "rel status", id.kind))?;
    }
    check_about(rel, handle, checkin)
}

/// `--move w2=2027-01-31`: an item and the day it moves to.
fn parse_move(ctx: &Ctx, text: &str) -> Result<Moved> {
    let hint = "like --move w2=2027-01-31 (a goal, waypoint or action, then its new due date)";
    let Some((id, due)) = text.split_once('=') else {
        return Err(Error::user(format!(
            "--move {}: expected ID=DATE",
            crate::text::echo(text)
        ))
        .with_hint(hint));
    };
    let id = planned_ids(&[id.to_string()], "--move")?
        .first()
        .copied()
        .ok_or_else(|| {
            Error::user(format!(
                "--move {}: no id before '='",
                crate::text::echo(text)
            ))
            .with_hint(hint)
        })?;
    let due = super::new::date_ahead("--move", due.trim(), ctx.today)?;
    if let Some(line) = super::new::resolved(&format!("--move {id}"), due_text(text), due) {
        ctx.say(&format!("({line})"));
    }
    Ok(Moved {
        id,
        due,
        because: None,
    })
}

fn due_text(text: &str) -> &str {
    text.split_once('=').map_or(text, |(_, due)| due.trim())
}

/// Ids of goals, waypoints or actions (`--drop`, `--move`).
fn planned_ids(texts: &[String], flag: &str) -> Result<Vec<ItemId>> {
    let mut found = Vec::new();
    for text in texts.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        let id = text.parse::<ItemId>().ok().filter(|id| {
            matches!(
                id.kind,
                ItemKind::Goal | ItemKind::Waypoint | ItemKind::Action
            )
        });
        let Some(id) = id else {
            return Err(Error::user(format!(
                "{flag}: '{}' is not a goal, waypoint or action id",
                crate::text::echo(text)
            ))
            .with_hint(format!("{flag} takes ids like g1, w2 or a3")));
        };
        if !found.contains(&id) {
            found.push(id);
        }
    }
    Ok(found)
}

/// An item error in words, with the ids that would work.
pub fn item_error(err: &ItemError, handle: &Handle, list: &str, kind: ItemKind) -> Error {
    let open = err.open_ids();
    let message = format!("{err} in {handle}");
    let hint = if open.is_empty() {
        format!("{handle} has no open {}s", kind.noun())
    } else {
        format!(
            "open {}s: {} ({list} {handle})",
            kind.noun(),
            join_ids(&open)
        )
    };
    Error::user(message).with_hint(hint)
}

fn join_ids(ids: &[ItemId]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn clean(texts: &[String]) -> Vec<String> {
    texts
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Lines starting with this are instructions, not notes.
const EDITOR_MARK: &str = "REL:";

/// Opens the editor on a notes file kept in the journal's drafts folder,
/// so the words survive anything that happens after.
fn notes_in_editor(
    ctx: &Ctx,
    handle: &Handle,
    rel: &Relationship,
    day: NaiveDate,
) -> Result<String> {
    let template = format!(
        "\n{EDITOR_MARK} Notes on your meeting with {} on {}.\n{EDITOR_MARK} Lines starting with {EDITOR_MARK} are ignored. Save and quit to record; an empty file records nothing.\n",
        sanitize(&rel.person),
        with_weekday(day)
    );
    let draft = ctx
        .journal
        .save_draft(&format!("notes-{handle}-{day}"), &template)
        .map_err(|e| {
            Error::journal(format!(
                "cannot make a file for the editor: {}",
                crate::error::io_reason(&e)
            ))
        })?;
    edit_file(&editor_command(ctx.config.editor.as_deref()), draft.path())?;
    let written = draft.read()?;
    draft.discard();
    let notes: Vec<&str> = written
        .lines()
        .filter(|l| !l.starts_with(EDITOR_MARK))
        .collect();
    match non_empty(&notes.join("\n")) {
        Some(notes) => Ok(notes),
        None => Err(Error::user("no notes written; nothing was recorded")
            .with_hint("write some notes, or leave out --edit")),
    }
}

/// The questions, in the words that fit the relationship.
struct Questions {
    working: &'static str,
    not_working: &'static str,
    changes: &'static str,
}

fn questions(rel: &Relationship) -> Questions {
    match (rel.kind, rel.role) {
        (Kind::ReverseMentoring, Role::Learner) => Questions {
            working: "What did you learn?",
            not_working: "What is still unclear, or not working?",
            changes: "What will you change for next time?",
        },
        (Kind::ReverseMentoring, Role::Expert) => Questions {
            working: "What landed with them?",
            not_working: "What did not land, or is not working?",
            changes: "What will you change for next time?",
        },
        (Kind::Sponsoring, Role::Protege) => Questions {
            working: "What did your sponsor open for you? What is working?",
            not_working: "What is in your way, or not working?",
            changes: "Any course corrections?",
        },
        (Kind::Sponsoring, _) => Questions {
            working: "Where are they strong? What is working?",
            not_working: "What still stands between them and the destination?",
            changes: "Any course corrections?",
        },
        _ => Questions {
            working: "What is working?",
            not_working: "What is not working?",
            changes: "Any course corrections?",
        },
    }
}

/// The plan, question by question: the course corrections turned into
/// actions or moves on the spot, then each item past its date (keep, done,
/// move, drop), each open action (done, keep, drop), and the waypoints
/// reached.
fn replan_in_walk(ctx: &Ctx, rel: &Relationship, checkin: &mut CheckIn) -> Result<()> {
    let prompt = &ctx.prompt;
    let day = checkin.date;
    let handled = |c: &CheckIn, id: ItemId| {
        c.closed.contains(&id)
            || c.reached.contains(&id)
            || c.achieved.contains(&id)
            || c.dropped.contains(&id)
            || c.moved.iter().any(|m| m.id == id)
    };
    let plan = planned_items(rel);
    for change in checkin.changes.clone() {
        let choices = vec![
            "keep it as agreed, nothing more".to_string(),
            "make it an action for me".to_string(),
            "make it an action for them".to_string(),
            "move a goal, waypoint or action to a new date".to_string(),
        ];
        let label = format!("“{}”: turn it into…", clip(&change, 60));
        match prompt.select(&label, &choices, 0)? {
            n @ (1 | 2) => checkin.opened.push(NewAction {
                id: None,
                text: change.clone(),
                owner: if n == 1 { Owner::Me } else { Owner::Them },
                due: None,
            }),
            3 => {
                let open: Vec<&Planned> = plan.iter().filter(|p| !handled(checkin, p.id)).collect();
                if open.is_empty() {
                    ctx.say("  nothing open to move; it stays as agreed");
                    continue;
                }
                let labels: Vec<String> = open.iter().map(|p| p.label.clone()).collect();
                let which = open[prompt.select("Which one moves?", &labels, 0)?];
                if let Some(due) = ask_new_date(ctx, which.id, day)? {
                    checkin.moved.push(Moved {
                        id: which.id,
                        due,
                        because: Some(change.clone()),
                    });
                }
            }
            _ => {}
        }
    }
    for item in plan.iter().filter(|p| p.due.is_some_and(|d| d < day)) {
        if handled(checkin, item.id) {
            continue;
        }
        let done = match item.id.kind {
            ItemKind::Goal => "achieved",
            ItemKind::Waypoint => "reached",
            _ => "done",
        };
        let choices = vec![
            "keep it as it is".to_string(),
            done.to_string(),
            "move it to a new date".to_string(),
            "drop it".to_string(),
        ];
        let label = format!(
            "{} is past its date: keep, {done}, move or drop?",
            item.label
        );
        match prompt.select(&label, &choices, 0)? {
            1 => close_in(checkin, item.id),
            2 => {
                if let Some(due) = ask_new_date(ctx, item.id, day)? {
                    let because = prompt.text("Why? (Enter to skip)", None, false)?;
                    checkin.moved.push(Moved {
                        id: item.id,
                        due,
                        because,
                    });
                }
            }
            3 => checkin.dropped.push(item.id),
            _ => {}
        }
    }
    for action in rel.open_actions() {
        if handled(checkin, action.id) {
            continue;
        }
        let whose = if action.owner == Owner::Me {
            "mine"
        } else {
            "theirs"
        };
        let label = format!("{} {} ({whose})", action.id, clip(&action.text, 60));
        let choices = vec!["done".to_string(), "keep".to_string(), "drop".to_string()];
        match prompt.select(&label, &choices, 1)? {
            0 => checkin.closed.push(action.id),
            2 => checkin.dropped.push(action.id),
            _ => {}
        }
    }
    let open_waypoints: Vec<_> = rel
        .waypoints_by_due()
        .into_iter()
        .filter(|w| w.is_open() && !handled(checkin, w.id))
        .collect();
    let labels: Vec<String> = open_waypoints
        .iter()
        .map(|w| format!("{} {} (due {})", w.id, clip(&w.text, 60), w.due))
        .collect();
    let reached: Vec<ItemId> = prompt
        .multi_select("Which waypoints were reached?", &labels)?
        .into_iter()
        .map(|i| open_waypoints[i].id)
        .collect();
    checkin.reached.extend(reached);
    Ok(())
}

/// A goal, waypoint or action still open, as a line to choose.
struct Planned {
    id: ItemId,
    due: Option<NaiveDate>,
    label: String,
}

/// The open goals, waypoints and actions, in that order.
fn planned_items(rel: &Relationship) -> Vec<Planned> {
    let due = |d: Option<NaiveDate>| d.map(|d| format!(" (due {d})")).unwrap_or_default();
    let mut list: Vec<Planned> = Vec::new();
    for g in rel.goals.iter().filter(|g| g.is_open()) {
        list.push(Planned {
            id: g.id,
            due: g.due,
            label: format!("{} {}{}", g.id, clip(&g.text, 60), due(g.due)),
        });
    }
    for w in rel.waypoints_by_due().into_iter().filter(|w| w.is_open()) {
        list.push(Planned {
            id: w.id,
            due: Some(w.due),
            label: format!("{} {}{}", w.id, clip(&w.text, 60), due(Some(w.due))),
        });
    }
    for a in rel.open_actions() {
        list.push(Planned {
            id: a.id,
            due: a.due,
            label: format!("{} {}{}", a.id, clip(&a.text, 60), due(a.due)),
        });
    }
    list
}

/// Marks an item done at the meeting, in the list its kind goes in.
fn close_in(checkin: &mut CheckIn, id: ItemId) {
    match id.kind {
        ItemKind::Goal => checkin.achieved.push(id),
        ItemKind::Waypoint => checkin.reached.push(id),
        _ => checkin.closed.push(id),
    }
}

/// The day an item moves to: on or after the meeting (Enter: not moved).
fn ask_new_date(ctx: &Ctx, id: ItemId, day: NaiveDate) -> Result<Option<NaiveDate>> {
    let today = ctx.today;
    ctx.prompt.parsed(
        &format!("Move {id} to when? (e.g. in 3w, 2027-01-31; Enter to leave it)"),
        None,
        |s| match super::new::date_ahead("--move", s, today) {
            Ok(d) if d < day => Err(format!("{d} is before the meeting on {day}")),
            Ok(d) => Ok(d),
            Err(e) => Err(e.to_string()),
        },
    )
}

/// Walks a person through the meeting, on a terminal.
fn walk_through(ctx: &Ctx, args: &Args, handle: &Handle, rel: &Relationship) -> Result<CheckIn> {
    let prompt = &ctx.prompt;
    let today = ctx.today;
    ctx.say(&format!(
        "Check-in with {} — {}.",
        ctx.paint_err.bold(&sanitize(&rel.person)),
        crate::report::kind_sentence(rel)
    ));
    let default_day = args.date.clone().unwrap_or_else(|| "today".to_string());
    let day = prompt
        .parsed("When did you meet?", Some(&default_day), |s| {
            match date("--date", s, today) {
                Ok(d) if d > today => Err(
                    "that is in the future; a check-in records a meeting that happened".to_string(),
                ),
                Ok(d) => Ok(d),
                Err(e) => Err(e.to_string()),
            }
        })?
        .unwrap_or(today);
    let mut checkin = CheckIn::new(day);
    checkin.rating = prompt.parsed("How valuable was it, 1 to 5? (Enter to skip)", None, |s| {
        s.parse::<Rating>()
    })?;
    let notes = prompt.lines("Notes, a line at a time")?;
    checkin.notes = non_empty(&notes.join("\n"));
    let q = questions(rel);
    checkin.working = prompt.lines(q.working)?;
    checkin.not_working = prompt.lines(q.not_working)?;
    checkin.changes = prompt.lines(q.changes)?;
    ask_about_and_shared(ctx, rel, &mut checkin)?;

    replan_in_walk(ctx, rel, &mut checkin)?;
    for (label, owner) in [
        ("A new action for you", Owner::Me),
        ("A new action for them", Owner::Them),
    ] {
        for text in prompt.lines(label)? {
            checkin.opened.push(NewAction {
                id: None,
                text,
                owner,
                due: None,
            });
        }
    }
    checkin.review = prompt.confirm(
        "Did you step back and review the relationship itself?",
        false,
    )?;
    let label = match &rel.cadence {
        Some(c) => format!(
            "Next meeting? ({c} says {}; Enter to skip)",
            c.after(day, 1)
        ),
        None => "Next meeting? (Enter to skip)".to_string(),
    };
    checkin.next = prompt.parsed(&label, None, |s| {
        match super::new::date_ahead("--next", s, today) {
            Ok(d) if d <= day => Err("the next meeting comes after this one".to_string()),
            Ok(d) => Ok(d),
            Err(e) => Err(e.to_string()),
        }
    })?;
    check_items(rel, handle, &checkin)?;
    Ok(checkin)
}

/// `--about`: strength and growth-area ids, each once.
fn about_ids(texts: &[String]) -> Result<Vec<ItemId>> {
    let hint = "--about takes strength and growth area ids, like s1 or c2 (rel show lists them)";
    let mut ids = Vec::new();
    for text in texts.iter().filter(|t| !t.trim().is_empty()) {
        let id: ItemId = text.parse().map_err(|e: IdError| {
            Error::user(format!("--about: {}", sanitize(&e.to_string()))).with_hint(hint)
        })?;
        if !matches!(id.kind, ItemKind::Strength | ItemKind::Growth) {
            return Err(Error::user(format!(
                "--about: {id} is not a strength or growth area (it names {} {})",
                if id.kind == ItemKind::Action || id.kind == ItemKind::Advocacy {
                    "an"
                } else {
                    "a"
                },
                id.kind.noun()
            ))
            .with_hint(hint));
        }
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Every strength and growth area a check-in is about must exist.
fn check_about(rel: &Relationship, handle: &Handle, checkin: &CheckIn) -> Result<()> {
    let known: Vec<ItemId> = rel
        .strengths
        .iter()
        .map(|s| s.id)
        .chain(rel.growth.iter().map(|c| c.id))
        .collect();
    match checkin.about.iter().find(|id| !known.contains(id)) {
        None => Ok(()),
        Some(id) => {
            let hint = if known.is_empty() {
                format!(
                    "{handle} has no strengths or growth areas yet (rel growth add {handle} TEXT)"
                )
            } else {
                format!(
                    "its strengths and growth areas: {} (rel show {handle})",
                    join_ids(&known)
                )
            };
            Err(
                Error::user(format!("there is no {} {id} in {handle}", id.kind.noun()))
                    .with_hint(hint),
            )
        }
    }
}

/// The walk-through's questions about what the meeting was about — which
/// strengths and growth areas — and what of it may go to them in a recap.
fn ask_about_and_shared(ctx: &Ctx, rel: &Relationship, checkin: &mut CheckIn) -> Result<()> {
    let prompt = &ctx.prompt;
    let mut threads: Vec<(ItemId, String)> = rel
        .growth
        .iter()
        .filter(|c| c.promoted.is_none())
        .map(|c| {
            (
                c.id,
                format!("{} {} (growth area)", c.id, clip(&c.text, 60)),
            )
        })
        .collect();
    threads.extend(
        rel.strengths
            .iter()
            .map(|s| (s.id, format!("{} {} (strength)", s.id, clip(&s.text, 60)))),
    );
    if !threads.is_empty() {
        let labels: Vec<String> = threads.iter().map(|(_, label)| label.clone()).collect();
        checkin.about = prompt
            .multi_select("Which strengths or growth areas did you discuss?", &labels)?
            .into_iter()
            .map(|i| threads[i].0)
            .collect();
    }
    let shared =
        prompt.lines("Anything to share with them in the recap? (the notes stay private)")?;
    checkin.shared = non_empty(&shared.join("\n"));
    Ok(())
}
