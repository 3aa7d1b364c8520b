//! `rel log HANDLE`: a relationship's check-ins in full, newest first, as
//! text for a terminal or as JSON.

use chrono::NaiveDate;
use serde::Serialize;

use super::json::{ChangeJson, change_json};
use super::show::stars;
use super::style::Paint;
use crate::model::date::with_weekday;
use crate::model::history::Change;
use crate::model::{CheckIn, CheckinId, DateRange, ItemId, Relationship};
use crate::problem::Problem;
use crate::text::{self, sanitize, wrap, wrap_styled};

/// What the log shows.
pub struct Input<'a> {
    pub handle: &'a str,
    /// `None` when relationship.toml could not be read.
    pub rel: Option<&'a Relationship>,
    /// How many check-ins the relationship has in all.
    pub total: usize,
    /// The check-ins shown, newest first.
    pub shown: &'a [(CheckinId, CheckIn)],
    /// The changes between meetings shown, newest first.
    pub changes: &'a [Change<'a>],
    pub period: DateRange,
    /// `-n`, when it cut the list.
    pub limited: bool,
}

/// The width of the labels before `working`, `closed`, … values.
const LABEL: usize = 13;
const INDENT: &str = "  ";

pub fn render(input: &Input<'_>, width: usize, paint: Paint) -> String {
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&match input.rel {
        Some(rel) => format!(
            "{} {}",
            paint.bold(&sanitize(&rel.person)),
            paint.dim(&format!("({})", input.handle))
        ),
        None => paint.bold(input.handle),
    });
    line(&paint.dim(&summary(input)));
    // Newest first; on one day, the changes above the meeting.
    let mut changes = input.changes.iter().peekable();
    let mut told = |until: Option<chrono::NaiveDate>, line: &mut dyn FnMut(&str)| {
        let mut day = None;
        while let Some(change) = changes.next_if(|c| until.is_none_or(|u| c.date() >= u)) {
            if day != Some(change.date()) {
                day = Some(change.date());
                line("");
                line(&changes_rule(change.date(), width, paint));
            }
            for body in changed(change, width, paint).lines() {
                line(body);
            }
        }
    };
    for (id, checkin) in input.shown {
        told(Some(checkin.date), &mut line);
        line("");
        line(&rule(
            &id.shown_among(input.shown.iter().map(|(i, _)| i)),
            checkin,
            width,
            paint,
        ));
        for body in entry(input.rel, checkin, width, paint).lines() {
            line(body);
        }
    }
    told(None, &mut line);
    out
}

/// `── Fri 2026-11-20 · changes ───────`: a day of changes between meetings.
fn changes_rule(day: chrono::NaiveDate, width: usize, paint: Paint) -> String {
    let left = format!(
        "{} {} · changes",
        paint.dim("──"),
        paint.bold(&with_weekday(day))
    );
    let fill = width.saturating_sub(text::width(&left) + 1).max(2);
    format!("{left} {}", paint.dim(&"─".repeat(fill)))
}

/// One change, under its label, every word of it.
fn changed(change: &Change<'_>, width: usize, paint: Paint) -> String {
    let told = super::history::tell(change);
    let indent = " ".repeat(INDENT.len() + LABEL);
    let mut out = String::new();
    let label = format!("{:<LABEL$}", told.label);
    out.push_str(INDENT);
    out.push_str(&paint.dim(&label));
    out.push_str(&wrap(&told.text, indent.len(), width, &indent));
    out.push('\n');
    for under in &told.under {
        out.push_str(&indent);
        out.push_str(&wrap_styled(
            &paint.dim(&sanitize(under)),
            indent.len(),
            width,
            &indent,
        ));
        out.push('\n');
    }
    out
}

/// `3 of 12 check-ins since 2026-10-01, newest first`.
fn summary(input: &Input<'_>) -> String {
    let total = match input.total {
        1 => "1 check-in".to_string(),
        n => format!("{n} check-ins"),
    };
    let mut words = if input.shown.len() == input.total {
        total
    } else if input.limited && input.period.is_all() {
        format!("the newest {} of {total}", input.shown.len())
    } else {
        format!("{} of {total}", input.shown.len())
    };
    if !input.period.is_all() {
        words.push_str(&format!(" {}", input.period));
    }
    if input.shown.len() > 1 {
        words.push_str(", newest first");
    }
    words
}

/// `── Fri 2026-11-20 · ★★★★☆ · review ─────────── 2026-11-20-1`: the date
/// first and plain to see, the rule between one meeting and the next.
fn rule(id: &str, c: &CheckIn, width: usize, paint: Paint) -> String {
    let mut left = format!("{} {}", paint.dim("──"), paint.bold(&with_weekday(c.date)));
    if let Some(rating) = c.rating {
        left.push_str(&format!(" · {}", stars(rating.get())));
    }
    if c.review {
        left.push_str(&format!(" · {}", paint.cyan("review")));
    }
    let fill = width
        .saturating_sub(text::width(&left) + text::width(id) + 2)
        .max(2);
    format!("{left} {} {}", paint.dim(&"─".repeat(fill)), paint.dim(id))
}

/// The notes in full, then each list under its label.
fn entry(rel: Option<&Relationship>, c: &CheckIn, width: usize, paint: Paint) -> String {
    let mut out = String::new();
    if let Some(notes) = &c.notes {
        out.push_str(INDENT);
        out.push_str(&wrap(notes, INDENT.len(), width, INDENT));
        out.push('\n');
    }
    let mut fields: Vec<(&str, Vec<String>)> = Vec::new();
    for (label, list) in [
        ("working", &c.working),
        ("not working", &c.not_working),
        ("changes", &c.changes),
    ] {
        fields.push((label, list.iter().map(|t| sanitize(t)).collect()));
    }
    let opened = c
        .opened
        .iter()
        .map(|a| {
            let id = a.id.map(|id| format!("{id} ")).unwrap_or_default();
            let due = a.due.map(|d| format!(" · due {d}")).unwrap_or_default();
            let owner = if a.owner == crate::model::Owner::Me {
                "mine"
            } else {
                "theirs"
            };
            format!(
                "{id}{}{}",
                sanitize(&a.text),
                paint.dim(&format!(" · {owner}{due}"))
            )
        })
        .collect();
    fields.push(("opened", opened));
    fields.push(("closed", named(&c.closed, rel, paint, action_text)));
    fields.push(("reached", named(&c.reached, rel, paint, waypoint_text)));
    fields.push(("achieved", named(&c.achieved, rel, paint, item_text)));
    let moved = c
        .moved
        .iter()
        .map(|m| {
            let because = m
                .because
                .as_deref()
                .map(|b| format!(" — {}", sanitize(b)))
                .unwrap_or_default();
            format!("{} to {}{because}", m.id, m.due)
        })
        .collect();
    fields.push(("moved", moved));
    fields.push(("dropped", named(&c.dropped, rel, paint, item_text)));
    fields.push(("next", c.next.map(with_weekday).into_iter().collect()));

    let has_fields = fields.iter().any(|(_, values)| !values.is_empty());
    if c.notes.is_some() && has_fields {
        out.push('\n');
    }
    let indent = " ".repeat(INDENT.len() + LABEL);
    for (label, values) in fields {
        for (n, value) in values.iter().enumerate() {
            let label = if n == 0 { label } else { "" };
            out.push_str(INDENT);
            out.push_str(&paint.dim(&format!("{label:<LABEL$}")));
            out.push_str(&wrap_styled(value, indent.len(), width, &indent));
            out.push('\n');
        }
    }
    if c.notes.is_none() && !has_fields {
        out.push_str(INDENT);
        out.push_str(&paint.dim("nothing written down"));
        out.push('\n');
    }
    out
}

/// `a1 Draft the RFC`: ids with their text from relationship.toml.
fn named(
    ids: &[ItemId],
    rel: Option<&Relationship>,
    paint: Paint,
    text_of: fn(&Relationship, ItemId) -> Option<&str>,
) -> Vec<String> {
    ids.iter()
        .map(|id| match rel.map(|r| text_of(r, *id)) {
            Some(Some(text)) => format!("{id} {}", sanitize(text)),
            Some(None) => format!("{id} {}", paint.dim("(no longer in relationship.toml)")),
            None => id.to_string(),
        })
        .collect()
}

fn action_text(rel: &Relationship, id: ItemId) -> Option<&str> {
    rel.actions
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.text.as_str())
}

/// A goal's, waypoint's or action's text.
fn item_text(rel: &Relationship, id: ItemId) -> Option<&str> {
    match id.kind {
        crate::model::ItemKind::Goal => rel
            .goals
            .iter()
            .find(|g| g.id == id)
            .map(|g| g.text.as_str()),
        crate::model::ItemKind::Waypoint => waypoint_text(rel, id),
        _ => action_text(rel, id),
    }
}

fn waypoint_text(rel: &Relationship, id: ItemId) -> Option<&str> {
    rel.waypoints
        .iter()
        .find(|w| w.id == id)
        .map(|w| w.text.as_str())
}

/// `rel log HANDLE --json`.
#[derive(Serialize)]
pub struct Log<'a> {
    pub handle: &'a str,
    pub person: Option<&'a str>,
    pub total: usize,
    pub checkins: Vec<Entry<'a>>,
    /// The changes between meetings in the same days, newest first.
    pub changes: Vec<ChangeJson<'a>>,
    pub problems: &'a [Problem],
}

/// One check-in with its id and every field, present even when empty.
#[derive(Serialize)]
pub struct Entry<'a> {
    pub id: String,
    pub date: NaiveDate,
    pub rating: Option<u8>,
    pub review: bool,
    pub notes: Option<&'a str>,
    pub working: &'a [String],
    pub not_working: &'a [String],
    pub changes: &'a [String],
    pub opened: Vec<Opened<'a>>,
    pub closed: Vec<Named<'a>>,
    pub reached: Vec<Named<'a>>,
    /// Goals achieved at the meeting.
    pub achieved: Vec<Named<'a>>,
    /// Goals, waypoints and actions moved at the meeting.
    pub moved: &'a [crate::model::checkin::Moved],
    /// Goals, waypoints and actions dropped at the meeting.
    pub dropped: Vec<Named<'a>>,
    pub next: Option<NaiveDate>,
}

#[derive(Serialize)]
pub struct Opened<'a> {
    pub id: Option<String>,
    pub text: &'a str,
    pub owner: &'static str,
    pub due: Option<NaiveDate>,
}

/// An action closed or a waypoint reached, with its text when
/// relationship.toml has it.
#[derive(Serialize)]
pub struct Named<'a> {
    pub id: String,
    pub text: Option<&'a str>,
}

pub fn json<'a>(input: &Input<'a>, problems: &'a [Problem]) -> Log<'a> {
    let names = |ids: &[ItemId], text_of: fn(&'a Relationship, ItemId) -> Option<&'a str>| {
        ids.iter()
            .map(|id| Named {
                id: id.to_string(),
                text: input.rel.and_then(|r| text_of(r, *id)),
            })
            .collect()
    };
    Log {
        handle: input.handle,
        person: input.rel.map(|r| r.person.as_str()),
        total: input.total,
        checkins: input
            .shown
            .iter()
            .map(|(id, c)| Entry {
                id: id.to_string(),
                date: c.date,
                rating: c.rating.map(|r| r.get()),
                review: c.review,
                notes: c.notes.as_deref(),
                working: &c.working,
                not_working: &c.not_working,
                changes: &c.changes,
                opened: c
                    .opened
                    .iter()
                    .map(|a| Opened {
                        id: a.id.map(|id| id.to_string()),
                        text: &a.text,
                        owner: a.owner.as_str(),
                        due: a.due,
                    })
                    .collect(),
                closed: names(&c.closed, action_text),
                reached: names(&c.reached, waypoint_text),
                achieved: names(&c.achieved, item_text),
                moved: &c.moved,
                dropped: names(&c.dropped, item_text),
                next: c.next,
            })
            .collect(),
        changes: input.changes.iter().map(change_json).collect(),
        problems,
    }
}
