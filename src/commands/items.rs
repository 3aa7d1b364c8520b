//! What the item commands share: reading ids and words, closing and
//! adding goals, waypoints, actions, strengths and growth areas, and the
//! rule that an ended relationship's items stay as they were.

use chrono::NaiveDate;

use super::{change, completions, day, new};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::id::IdError;
use crate::model::items::{Closing, ItemError};
use crate::model::{Handle, ItemId, ItemKind, Relationship};
use crate::text::sanitize;

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

/// `HANDLE ID… [--date DATE]`: the arguments of every done, drop and
/// reach command.
#[derive(Debug, clap::Args)]
pub struct Close {
    /// The relationship
    #[arg(add = clap_complete::ArgValueCandidates::new(completions::handles))]
    pub handle: String,

    /// The items, by id (several may be given)
    #[arg(
        required = true,
        value_name = "ID",
        add = clap_complete::ArgValueCandidates::new(completions::open_items)
    )]
    pub ids: Vec<String>,

    /// The day it happened [default: today]
    #[arg(long, value_name = "DATE", allow_hyphen_values = true)]
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

/// What a command created, each with its id, whose it is and its words, in
/// the order given: `new actions: a1 (theirs) Draft the RFC · a2 (mine) Get
/// him a slot`. Nothing when none was created.
pub fn new_actions_line(opened: &[crate::model::items::NewAction]) -> Option<String> {
    let said: Vec<String> = opened
        .iter()
        .filter_map(|a| {
            let whose = match a.owner {
                crate::model::Owner::Me => "mine",
                crate::model::Owner::Them => "theirs",
            };
            Some(format!(
                "{} ({whose}) {}",
                a.id?,
                sanitize(&crate::text::clip(&a.text, 50))
            ))
        })
        .collect();
    let label = if said.len() == 1 {
        "new action"
    } else {
        "new actions"
    };
    (!said.is_empty()).then(|| format!("{label}: {}", said.join(" · ")))
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
