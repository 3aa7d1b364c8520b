//! The journal's files as TOML documents: how the model is written (native
//! dates, multi-line notes, one list item a line) and which keys rel owns.

use chrono::{Datelike, NaiveDate};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Formatted, InlineTable, Item, Table, Value};

use crate::model::checkin::CheckIn;
use crate::model::items::{Action, Advocacy, Goal, Growth, Strength, Waypoint};
use crate::model::relationship::{Agreement, Ending, Event, LastIds};
use crate::model::replan::Revision;
use crate::model::{ItemId, Relationship};

/// The keys rel owns in one table of a file, and the tables below it.
/// Keys not listed here are the user's and are never touched.
pub struct Schema {
    pub keys: &'static [&'static str],
    pub tables: &'static [(&'static str, &'static Schema)],
    /// Arrays of tables, whose entries are matched by their `id` key (or
    /// by position when they have none).
    pub arrays: &'static [(&'static str, &'static Schema)],
}

impl Schema {
    pub fn table(&self, key: &str) -> Option<&'static Schema> {
        self.tables.iter().find(|(k, _)| *k == key).map(|(_, s)| *s)
    }

    pub fn array(&self, key: &str) -> Option<&'static Schema> {
        self.arrays.iter().find(|(k, _)| *k == key).map(|(_, s)| *s)
    }

    pub fn owns(&self, key: &str) -> bool {
        self.keys.contains(&key)
    }
}

const LEAF: &[(&str, &Schema)] = &[];

pub static RELATIONSHIP: Schema = Schema {
    keys: &[
        "person",
        "kind",
        "role",
        "status",
        "started",
        "cadence",
        "purpose",
        "their_aims",
        "review_every",
        "snoozed_until",
        "reviewed",
        "destination",
        "why",
        "opted_in",
        "topic",
        "until",
        "sessions",
        "agreement",
        "ending",
        "last_id",
        "goal",
        "waypoint",
        "action",
        "strength",
        "growth",
        "advocacy",
        "event",
    ],
    tables: &[
        ("agreement", &AGREEMENT),
        ("ending", &ENDING),
        ("last_id", &LAST_ID),
    ],
    arrays: &[
        ("goal", &GOAL),
        ("waypoint", &WAYPOINT),
        ("action", &ACTION),
        ("strength", &STRENGTH),
        ("growth", &GROWTH),
        ("advocacy", &ADVOCACY),
        ("event", &EVENT),
    ],
};

static AGREEMENT: Schema = leaf(&["date", "how"]);
static ENDING: Schema = leaf(&["date", "result", "outcome", "expert_outcome"]);
static LAST_ID: Schema = leaf(&[
    "goal", "waypoint", "action", "strength", "growth", "advocacy",
]);
static GOAL: Schema = planned(&[
    "id",
    "text",
    "added",
    "due",
    "achieved",
    "dropped",
    "assessment",
    "history",
]);
static WAYPOINT: Schema = planned(&[
    "id", "text", "due", "added", "reached", "dropped", "history",
]);
static ACTION: Schema = planned(&[
    "id", "text", "owner", "added", "due", "done", "dropped", "checkin", "history",
]);
/// An item's revisions: `[[waypoint.history]]` under its `[[waypoint]]`
/// (or an inline `history = [{ … }]`), matched by position when merged.
static REVISION: Schema = Schema {
    keys: &["date", "due", "text", "reopened", "because", "checkin"],
    tables: &[("due", &CHANGE), ("text", &CHANGE), ("reopened", &REOPENED)],
    arrays: LEAF,
};
static CHANGE: Schema = leaf(&["from", "to"]);
static REOPENED: Schema = leaf(&["was", "on"]);
static STRENGTH: Schema = leaf(&["id", "text", "added", "from", "discussed"]);
static GROWTH: Schema = leaf(&["id", "text", "added", "promoted", "strength", "discussed"]);
static ADVOCACY: Schema = leaf(&["id", "date", "text", "waypoint"]);
static EVENT: Schema = leaf(&[
    "date",
    "what",
    "from",
    "from_role",
    "until",
    "note",
    "field",
    "old",
    "new",
]);

pub static CHECKIN: Schema = Schema {
    keys: &[
        "date",
        "rating",
        "review",
        "notes",
        "working",
        "not_working",
        "changes",
        "next",
        "closed",
        "reached",
        "achieved",
        "opened",
        "moved",
        "dropped",
        "shared",
        "about",
    ],
    tables: LEAF,
    arrays: &[("opened", &OPENED), ("moved", &MOVED)],
};

static OPENED: Schema = leaf(&["id", "text", "owner", "due"]);
static MOVED: Schema = leaf(&["id", "due", "because"]);

pub static JOURNAL: Schema = leaf(&["format"]);

/// A goal, waypoint or action: its keys and its revisions.
const fn planned(keys: &'static [&'static str]) -> Schema {
    Schema {
        keys,
        tables: LEAF,
        arrays: HISTORY,
    }
}

const HISTORY: &[(&str, &Schema)] = &[("history", &REVISION)];

const fn leaf(keys: &'static [&'static str]) -> Schema {
    Schema {
        keys,
        tables: LEAF,
        arrays: LEAF,
    }
}

/// A native TOML date.
pub fn date_value(date: NaiveDate) -> Value {
    let date = toml_edit::Date {
        year: date.year() as u16,
        month: date.month() as u8,
        day: date.day() as u8,
    };
    Value::Datetime(Formatted::new(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    }))
}

/// A list of strings: inline when short, one item a line when not.
pub fn strings_value(items: &[String]) -> Value {
    let mut array: Array = items.iter().map(String::as_str).collect();
    let long = items.len() > 1
        || items
            .iter()
            .any(|s| s.chars().count() > 60 || s.contains('\n'));
    if long {
        for value in array.iter_mut() {
            value.decor_mut().set_prefix("\n  ");
            value.decor_mut().set_suffix("");
        }
        array.set_trailing_comma(true);
        array.set_trailing("\n");
    }
    Value::Array(array)
}

/// Builds one table key by key, in the order a person reads it.
struct Builder(Table);

impl Builder {
    fn new() -> Builder {
        Builder(Table::new())
    }

    fn value(&mut self, key: &str, value: impl Into<Value>) -> &mut Self {
        self.0.insert(key, Item::Value(value.into()));
        self
    }

    fn text(&mut self, key: &str, text: &str) -> &mut Self {
        self.value(key, text)
    }

    fn opt_text(&mut self, key: &str, text: &Option<String>) -> &mut Self {
        if let Some(text) = text {
            self.text(key, text);
        }
        self
    }

    fn date(&mut self, key: &str, date: NaiveDate) -> &mut Self {
        self.value(key, date_value(date))
    }

    fn opt_date(&mut self, key: &str, date: Option<NaiveDate>) -> &mut Self {
        if let Some(date) = date {
            self.date(key, date);
        }
        self
    }

    fn opt_shown(&mut self, key: &str, value: Option<impl ToString>) -> &mut Self {
        if let Some(value) = value {
            self.text(key, &value.to_string());
        }
        self
    }

    fn id(&mut self, id: ItemId) -> &mut Self {
        self.text("id", &id.to_string())
    }

    fn count(&mut self, key: &str, n: u32) -> &mut Self {
        if n > 0 {
            self.value(key, i64::from(n));
        }
        self
    }

    fn strings(&mut self, key: &str, items: &[String]) -> &mut Self {
        if !items.is_empty() {
            self.value(key, strings_value(items));
        }
        self
    }

    fn ids(&mut self, key: &str, ids: &[ItemId]) -> &mut Self {
        if !ids.is_empty() {
            let array: Array = ids.iter().map(|id| id.to_string()).collect();
            self.value(key, Value::Array(array));
        }
        self
    }

    fn dates(&mut self, key: &str, dates: &[NaiveDate]) -> &mut Self {
        if !dates.is_empty() {
            let array: Array = dates.iter().map(|d| date_value(*d)).collect();
            self.value(key, Value::Array(array));
        }
        self
    }

    fn table(&mut self, key: &str, table: Option<Table>) -> &mut Self {
        if let Some(table) = table {
            self.0.insert(key, Item::Table(table));
        }
        self
    }

    fn array<T>(&mut self, key: &str, items: &[T], each: impl Fn(&T) -> Table) -> &mut Self {
        if !items.is_empty() {
            let mut array = ArrayOfTables::new();
            for item in items {
                array.push(each(item));
            }
            self.0.insert(key, Item::ArrayOfTables(array));
        }
        self
    }

    fn done(&mut self) -> Table {
        std::mem::take(&mut self.0)
    }
}

/// The whole of `relationship.toml` as a table, in rel's key order.
pub fn relationship_table(rel: &Relationship) -> Table {
    Builder::new()
        .text("person", &rel.person)
        .text("kind", rel.kind.as_str())
        .text("role", rel.role.as_str())
        .text("status", rel.status.as_str())
        .date("started", rel.started)
        .opt_shown("cadence", rel.cadence.as_ref())
        .opt_text("purpose", &rel.purpose)
        .opt_text("their_aims", &rel.their_aims)
        .opt_shown("review_every", rel.review_every.as_ref())
        .opt_date("snoozed_until", rel.snoozed_until)
        .opt_date("reviewed", rel.reviewed)
        .opt_text("destination", &rel.destination)
        .opt_text("why", &rel.why)
        .opt_date("opted_in", rel.opted_in)
        .opt_text("topic", &rel.topic)
        .opt_date("until", rel.until)
        .count("sessions", rel.sessions.unwrap_or(0))
        .table("agreement", rel.agreement.as_ref().map(agreement_table))
        .table("ending", rel.ending.as_ref().map(ending_table))
        .table(
            "last_id",
            (!rel.last_id.is_empty()).then(|| last_id_table(&rel.last_id)),
        )
        .array("goal", &rel.goals, goal_table)
        .array("waypoint", &rel.waypoints, waypoint_table)
        .array("action", &rel.actions, action_table)
        .array("strength", &rel.strengths, strength_table)
        .array("growth", &rel.growth, growth_table)
        .array("advocacy", &rel.advocacy, advocacy_table)
        .array("event", &rel.events, event_table)
        .done()
}

fn agreement_table(a: &Agreement) -> Table {
    Builder::new()
        .date("date", a.date)
        .opt_text("how", &a.how)
        .done()
}

fn ending_table(e: &Ending) -> Table {
    Builder::new()
        .date("date", e.date)
        .text("result", e.result.as_str())
        .opt_text("outcome", &e.outcome)
        .opt_text("expert_outcome", &e.expert_outcome)
        .done()
}

fn last_id_table(ids: &LastIds) -> Table {
    let mut b = Builder::new();
    for kind in crate::model::ItemKind::ALL {
        b.count(kind.key(), ids.get(kind));
    }
    let mut table = b.done();
    table.decor_mut().set_prefix(
        "\n# The highest id handed out so far: rel never reuses an id, so never lower these.\n",
    );
    table
}

fn goal_table(g: &Goal) -> Table {
    Builder::new()
        .id(g.id)
        .text("text", &g.text)
        .date("added", g.added)
        .opt_date("due", g.due)
        .opt_date("achieved", g.achieved)
        .opt_date("dropped", g.dropped)
        .opt_shown("assessment", g.assessment.map(|a| a.as_str()))
        .array("history", &g.history, revision_table)
        .done()
}

fn waypoint_table(w: &Waypoint) -> Table {
    Builder::new()
        .id(w.id)
        .text("text", &w.text)
        .date("due", w.due)
        .date("added", w.added)
        .opt_date("reached", w.reached)
        .opt_date("dropped", w.dropped)
        .array("history", &w.history, revision_table)
        .done()
}

fn action_table(a: &Action) -> Table {
    Builder::new()
        .id(a.id)
        .text("text", &a.text)
        .text("owner", a.owner.as_str())
        .date("added", a.added)
        .opt_date("due", a.due)
        .opt_date("done", a.done)
        .opt_date("dropped", a.dropped)
        .opt_text("checkin", &a.checkin)
        .array("history", &a.history, revision_table)
        .done()
}

/// One revision: the day, what changed from what to what (each an inline
/// `{ from, to }`), and why.
fn revision_table(r: &Revision) -> Table {
    let mut b = Builder::new();
    b.date("date", r.date);
    if let Some(due) = &r.due {
        let mut change = InlineTable::new();
        if let Some(from) = due.from {
            change.insert("from", date_value(from));
        }
        change.insert("to", date_value(due.to));
        b.value("due", change);
    }
    if let Some(text) = &r.text {
        let mut change = InlineTable::new();
        change.insert("from", text.from.as_str().into());
        change.insert("to", text.to.as_str().into());
        b.value("text", change);
    }
    if let Some(reopened) = &r.reopened {
        let mut was = InlineTable::new();
        was.insert("was", reopened.was.as_str().into());
        was.insert("on", date_value(reopened.on));
        b.value("reopened", was);
    }
    b.opt_text("because", &r.because)
        .opt_text("checkin", &r.checkin);
    b.done()
}

fn strength_table(s: &Strength) -> Table {
    Builder::new()
        .id(s.id)
        .text("text", &s.text)
        .date("added", s.added)
        .opt_shown("from", s.from)
        .dates("discussed", &s.discussed)
        .done()
}

fn growth_table(c: &Growth) -> Table {
    Builder::new()
        .id(c.id)
        .text("text", &c.text)
        .date("added", c.added)
        .opt_date("promoted", c.promoted)
        .opt_shown("strength", c.strength)
        .dates("discussed", &c.discussed)
        .done()
}

fn advocacy_table(v: &Advocacy) -> Table {
    Builder::new()
        .id(v.id)
        .date("date", v.date)
        .text("text", &v.text)
        .opt_shown("waypoint", v.waypoint)
        .done()
}

fn event_table(e: &Event) -> Table {
    Builder::new()
        .date("date", e.date)
        .text("what", e.what.as_str())
        .opt_shown("from", e.from.map(|k| k.as_str()))
        .opt_shown("from_role", e.from_role.map(|r| r.as_str()))
        .opt_date("until", e.until)
        .opt_text("note", &e.note)
        .opt_text("field", &e.field)
        .opt_text("old", &e.old)
        .opt_text("new", &e.new)
        .done()
}

/// A new `relationship.toml`, with a header that says whose it is.
pub fn new_relationship_doc(rel: &Relationship) -> DocumentMut {
    let mut doc = DocumentMut::from(relationship_table(rel));
    doc.decor_mut().set_prefix(header(rel));
    doc
}

/// rel's own header follows the person, kind and role; a header the
/// person rewrote is theirs and stays. (Once parsed, the comment belongs
/// to the first key; in a document rel made, to the document.)
pub fn refresh_header(doc: &mut DocumentMut, old: &Relationship, new: &Relationship) {
    let (before, after) = (header(old), header(new));
    if before == after {
        return;
    }
    if doc.decor().prefix().and_then(|p| p.as_str()) == Some(before.as_str()) {
        doc.decor_mut().set_prefix(after);
        return;
    }
    let first = doc.as_table().iter().next().map(|(key, _)| key.to_string());
    if let Some(mut key) = first.and_then(|k| doc.as_table_mut().key_mut(&k)) {
        let decor = key.leaf_decor_mut();
        if decor.prefix().and_then(|p| p.as_str()) == Some(before.as_str()) {
            decor.set_prefix(after);
        }
    }
}

/// The comment rel puts at the top of a relationship.toml it writes.
pub fn header(rel: &Relationship) -> String {
    format!(
        "# {} — {}, you are the {}.\n# Written by rel; edit it freely (`rel check` validates it). Comments and\n# keys rel does not know are kept when rel rewrites this file.\n",
        one_line(&rel.person),
        rel.kind,
        rel.role.label()
    )
}

/// A check-in file.
pub fn checkin_doc(c: &CheckIn) -> DocumentMut {
    let mut b = Builder::new();
    b.date("date", c.date);
    if let Some(rating) = c.rating {
        b.value("rating", i64::from(rating.get()));
    }
    if c.review {
        b.value("review", true);
    }
    b.opt_text("notes", &c.notes)
        .opt_text("shared", &c.shared)
        .strings("working", &c.working)
        .strings("not_working", &c.not_working)
        .strings("changes", &c.changes)
        .ids("about", &c.about)
        .opt_date("next", c.next)
        .ids("closed", &c.closed)
        .ids("reached", &c.reached)
        .ids("achieved", &c.achieved)
        .ids("dropped", &c.dropped)
        .array("opened", &c.opened, |a| {
            Builder::new()
                .opt_shown("id", a.id)
                .text("text", &a.text)
                .text("owner", a.owner.as_str())
                .opt_date("due", a.due)
                .done()
        })
        .array("moved", &c.moved, |m| {
            Builder::new()
                .id(m.id)
                .date("due", m.due)
                .opt_text("because", &m.because)
                .done()
        });
    DocumentMut::from(b.done())
}

/// `journal.toml`: the journal's format version.
pub fn journal_doc(format: u32) -> DocumentMut {
    let mut doc = DocumentMut::from(Builder::new().value("format", i64::from(format)).done());
    doc.decor_mut().set_prefix(
        "# A rel journal. Every file in it is yours to read, edit and keep in git;\n# `rel check` validates them. `format` tells rel which version wrote it.\n",
    );
    doc
}

/// Text safe to put in a `#` comment: the first line, no control characters.
fn one_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use crate::model::fold::Needle;

    proptest::proptest! {
        /// Whatever the text and however TOML writes it, a text that holds
        /// the needle passes the pre-filter.
        #[test]
        fn the_pre_filter_is_never_wrong(
            text in "[abeE é\u{301}ßsS'’\"\\\\\n\t-]{0,24}",
            from in 0usize..24,
            len in 1usize..8,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let from = from.min(chars.len());
            let picked: String = chars[from..(from + len).min(chars.len())].iter().collect();
            let Some(needle) = Needle::new(&picked) else { return Ok(()) };
            let mut table = toml::Table::new();
            table.insert("notes".into(), toml::Value::String(text.clone()));
            let written = toml::to_string(&table).unwrap();
            let escaped: String = text
                .chars()
                .map(|c| match c {
                    c if c.is_ascii_alphanumeric() || c == ' ' => c.to_string(),
                    c => format!("\\u{:04X}", u32::from(c)),
                })
                .collect();
            let escaped = format!("notes = \"{escaped}\"");
            let mut checkin = crate::model::CheckIn::new(chrono::NaiveDate::MIN);
            checkin.notes = Some(text.clone());
            let by_rel = super::checkin_doc(&checkin).to_string();
            let by_rel = by_rel[by_rel.find("notes").unwrap_or(0)..].to_string();
            for raw in [written, escaped, by_rel] {
                let value: toml::Table = toml::from_str(&raw).unwrap();
                let parsed = value["notes"].as_str().unwrap();
                proptest::prop_assert_eq!(parsed, text.as_str());
                if needle.is_in(parsed) {
                    proptest::prop_assert!(needle.may_be_in_toml(&raw), "{}", raw);
                }
            }
        }
    }
}
