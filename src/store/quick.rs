//! A quick reader of `relationship.toml` for the files rel writes and
//! the hand edits that keep to the same forms: a first `rel status`, or
//! one after a `git pull` changed every file, parses hundreds of them, and
//! the full TOML reader builds a tree of every key and span before serde
//! walks it.
//!
//! It reads a strict subset of TOML — bare keys, `[table]` and
//! `[[array]]` headers of the tables a relationship has, basic, literal
//! and multi-line strings, plain integers, dates and arrays of dates —
//! and only the keys rel knows, each into the field serde would put it in.
//! Anything else (another key, another form of value, a control
//! character, a contradiction) and it says nothing: the file is read by
//! the full reader, which is also the one that explains what is wrong. So
//! whatever it reads, it reads as the full reader would (the tests hold
//! the two to that).

use std::borrow::Cow;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::model::date::parse_iso;
use crate::model::items::{Action, Advocacy, Goal, Growth, Strength, Verdict, Waypoint};
use crate::model::relationship::{Agreement, EndResult, Ending, Event, EventKind, LastIds};
use crate::model::{Cadence, ItemId, ItemKind, Kind, Owner, Relationship, Role, Status};

/// `text` as the full reader would read it, when it keeps to the forms
/// this reader knows and says nothing the model contradicts; else `None`.
pub fn relationship(text: &str) -> Option<Relationship> {
    read(text, Words::All)
}

/// [`relationship`], with only the words a [`Brief`] keeps: the texts of
/// closed goals, waypoints and actions, of strengths and of acts of
/// advocacy left empty (each still read, to be sure it reads), and event
/// notes and the old and new words of a changed text emptied as a brief
/// empties them. `Brief::of` what it gives is the brief of the whole.
///
/// [`Brief`]: crate::model::Brief
pub fn relationship_for_brief(text: &str) -> Option<Relationship> {
    read(text, Words::Brief)
}

/// Which words to keep.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Words {
    #[default]
    All,
    Brief,
}

fn read(text: &str, words: Words) -> Option<Relationship> {
    if text.starts_with('\u{feff}') || text.contains('\r') {
        return None;
    }
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut file = File {
        words,
        ..File::default()
    };
    let mut table = Table::Root;
    let mut headers = 0u32;
    loop {
        reader.skip_spaces();
        let Some(b) = reader.peek() else { break };
        match b {
            b'\n' => reader.at += 1,
            b'#' => reader.comment()?,
            b'[' => {
                file.close(&mut table, &reader)?;
                table = reader.header(&mut headers)?;
                reader.end_of_line()?;
            }
            _ => {
                let key = reader.key()?;
                reader.skip_spaces();
                if reader.peek() != Some(b'=') {
                    return None;
                }
                reader.at += 1;
                reader.skip_spaces();
                table.put(&mut file, key, &mut reader)?;
                reader.end_of_line()?;
            }
        }
    }
    file.close(&mut table, &reader)?;
    let rel = file.finish()?;
    rel.contradictions().is_empty().then_some(rel)
}

/// The bytes being read, and where.
struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

/// A string as read: where its text lies (between its quotes, after the
/// newline that may open a multi-line one), and whether it holds escapes.
#[derive(Debug, Clone, Copy)]
struct Str {
    start: usize,
    end: usize,
    escaped: bool,
}

/// A control character TOML allows nowhere but as a tab (or, in a
/// multi-line string, a newline).
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_spaces(&mut self) {
        while let Some(b' ' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// A comment, to the end of its line (not taking the newline).
    fn comment(&mut self) -> Option<()> {
        while let Some(b) = self.peek() {
            if b == b'\n' {
                break;
            }
            if is_control(b) {
                return None;
            }
            self.at += 1;
        }
        Some(())
    }

    /// Spaces, a comment, and the end of the line (or of the file).
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_spaces();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.at += 1;
                Some(())
            }
            Some(_) => None,
        }
    }

    /// A bare key.
    fn key(&mut self) -> Option<&'a str> {
        let start = self.at;
        while let Some(b) = self.peek() {
            if !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
                break;
            }
            self.at += 1;
        }
        (self.at > start).then(|| &self.text[start..self.at])
    }

    /// A `[table]` or `[[array]]` header of a relationship's, each table
    /// once.
    fn header(&mut self, headers: &mut u32) -> Option<Table> {
        self.at += 1;
        let array = self.peek() == Some(b'[');
        if array {
            self.at += 1;
        }
        self.skip_spaces();
        let name = self.key()?;
        self.skip_spaces();
        let close: &[u8] = if array { b"]]" } else { b"]" };
        if !self.bytes[self.at..].starts_with(close) {
            return None;
        }
        self.at += close.len();
        if array {
            return Some(Table::Item(Item::named(name)?, Fields::default()));
        }
        let (table, bit) = match name {
            "agreement" => (Table::Agreement(Fields::default()), 0),
            "ending" => (Table::Ending(Fields::default()), 1),
            "last_id" => (Table::LastId(Fields::default()), 2),
            _ => return None,
        };
        if *headers & (1 << bit) != 0 {
            return None;
        }
        *headers |= 1 << bit;
        Some(table)
    }

    /// A string of any of TOML's four forms, checked.
    fn string(&mut self) -> Option<Str> {
        let quote = self.peek()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        if self.bytes[self.at..].starts_with(&[quote; 3]) {
            self.at += 3;
            self.multi_line(quote)
        } else {
            self.at += 1;
            self.single_line(quote)
        }
    }

    /// A basic or literal string, after its opening quote.
    fn single_line(&mut self, quote: u8) -> Option<Str> {
        let start = self.at;
        let mut escaped = false;
        loop {
            match self.peek()? {
                b if b == quote => {
                    let end = self.at;
                    self.at += 1;
                    return Some(Str {
                        start,
                        end,
                        escaped,
                    });
                }
                b'\\' if quote == b'"' => {
                    self.escape(&mut Skip)?;
                    escaped = true;
                }
                b if is_control(b) => return None,
                _ => self.at += 1,
            }
        }
    }

    /// A multi-line string quoted with `quote`, after its opening three:
    /// a newline right after them is not part of it, and the last one or
    /// two of a run of four or five quotes are. A backslash at the end of
    /// a line is left to the full reader.
    fn multi_line(&mut self, quote: u8) -> Option<Str> {
        if self.peek() == Some(b'\n') {
            self.at += 1;
        }
        let start = self.at;
        let mut escaped = false;
        loop {
            let b = self.peek()?;
            if b == quote && self.bytes[self.at..].starts_with(&[quote; 3]) {
                let run = self.bytes[self.at..]
                    .iter()
                    .take_while(|b| **b == quote)
                    .count();
                if run > 5 {
                    return None;
                }
                let end = self.at + run - 3;
                self.at += run;
                return Some(Str {
                    start,
                    end,
                    escaped,
                });
            }
            match b {
                b'\\' if quote == b'"' => {
                    self.escape(&mut Skip)?;
                    escaped = true;
                }
                b'\n' => self.at += 1,
                b if is_control(b) => return None,
                _ => self.at += 1,
            }
        }
    }

    /// An escape in a basic string, from its backslash, into `out`.
    fn escape(&mut self, out: &mut impl Push) -> Option<()> {
        let code = *self.bytes.get(self.at + 1)?;
        self.at += 2;
        let c = match code {
            b'"' => '"',
            b'\\' => '\\',
            b'b' => '\u{8}',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'u' | b'U' => {
                let len = if code == b'u' { 4 } else { 8 };
                let hex = self.text.get(self.at..self.at + len)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                self.at += len;
                char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
            }
            _ => return None,
        };
        out.push(c);
        Some(())
    }

    /// The text of a string read.
    fn str(&self, s: Str) -> Cow<'a, str> {
        let raw = &self.text[s.start..s.end];
        if !s.escaped {
            return Cow::Borrowed(raw);
        }
        let mut out = String::with_capacity(raw.len());
        let mut decoder = Reader {
            text: self.text,
            bytes: self.bytes,
            at: s.start,
        };
        let mut run = s.start;
        while decoder.at < s.end {
            if self.bytes[decoder.at] == b'\\' {
                out.push_str(&self.text[run..decoder.at]);
                // It was checked as it was read: it decodes.
                let _ = decoder.escape(&mut out);
                run = decoder.at;
            } else {
                decoder.at += 1;
            }
        }
        out.push_str(&self.text[run..s.end]);
        Cow::Owned(out)
    }

    /// A string, as text.
    fn text(&mut self) -> Option<String> {
        let s = self.string()?;
        Some(self.str(s).into_owned())
    }

    /// A string spelling a word the model knows (its `FromStr`).
    fn word<T: FromStr>(&mut self) -> Option<T> {
        let s = self.string()?;
        self.str(s).parse().ok()
    }

    /// An item's id, as `ItemId`'s `FromStr` reads it: `g12` at once.
    fn id(&mut self) -> Option<ItemId> {
        let s = self.string()?;
        let text = self.str(s);
        if let [prefix, digits @ ..] = text.as_bytes()
            && let Some(kind) = ItemKind::ALL
                .into_iter()
                .find(|k| k.prefix() == char::from(*prefix))
            && (1..=9).contains(&digits.len())
            && digits[0] != b'0'
            && digits.iter().all(u8::is_ascii_digit)
        {
            let n = digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
            return Some(ItemId::new(kind, n));
        }
        text.parse().ok()
    }

    /// A plain decimal integer that fits in a `u32`.
    fn count(&mut self) -> Option<u32> {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        let digits = &self.text[start..self.at];
        if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return None;
        }
        digits.parse().ok()
    }

    /// A date: a TOML local date, or a string holding one (both as the
    /// model's date fields take them).
    fn date(&mut self) -> Option<NaiveDate> {
        if let Some(b'"' | b'\'') = self.peek() {
            let s = self.string()?;
            return parse_iso(&self.str(s));
        }
        let text = self.text.get(self.at..self.at + 10)?;
        // Whatever follows ends the value: a time after it would make it
        // a datetime, which the model does not take.
        let (next, after) = (self.bytes.get(self.at + 10), self.bytes.get(self.at + 11));
        match next {
            None => {}
            Some(b' ') if after.is_some_and(u8::is_ascii_digit) => return None,
            Some(b' ' | b'\t' | b'\n' | b'#' | b',' | b']') => {}
            Some(_) => return None,
        }
        let date = parse_iso(text)?;
        self.at += 10;
        Some(date)
    }

    /// An array of dates, over as many lines as it likes.
    fn dates(&mut self) -> Option<Vec<NaiveDate>> {
        if self.peek() != Some(b'[') {
            return None;
        }
        self.at += 1;
        let mut dates = Vec::new();
        loop {
            self.skip_blank()?;
            if self.peek() == Some(b']') {
                self.at += 1;
                return Some(dates);
            }
            dates.push(self.date()?);
            self.skip_blank()?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(dates);
                }
                _ => return None,
            }
        }
    }

    /// Spaces, newlines and comments, inside an array.
    fn skip_blank(&mut self) -> Option<()> {
        loop {
            self.skip_spaces();
            match self.peek() {
                Some(b'\n') => self.at += 1,
                Some(b'#') => self.comment()?,
                _ => return Some(()),
            }
        }
    }
}

/// Where an escape's character goes: a string being decoded, or nowhere
/// (while a string is only checked).
trait Push {
    fn push(&mut self, c: char);
}

impl Push for String {
    fn push(&mut self, c: char) {
        String::push(self, c);
    }
}

struct Skip;

impl Push for Skip {
    fn push(&mut self, _: char) {}
}

/// Which keys of a table have been given: each key once.
#[derive(Debug, Default, Clone, Copy)]
struct Seen(u32);

impl Seen {
    fn mark(&mut self, bit: u32) -> Option<()> {
        if self.0 & (1 << bit) != 0 {
            return None;
        }
        self.0 |= 1 << bit;
        Some(())
    }
}

/// The values of one table, by key, as given so far; the words as read,
/// to be taken or left when the table is done.
#[derive(Debug, Default)]
struct Fields {
    seen: Seen,
    id: Option<ItemId>,
    text: Option<Str>,
    date: Option<NaiveDate>,
    added: Option<NaiveDate>,
    due: Option<NaiveDate>,
    done: Option<NaiveDate>,
    dropped: Option<NaiveDate>,
    until: Option<NaiveDate>,
    how: Option<Str>,
    owner: Option<Owner>,
    checkin: Option<Str>,
    assessment: Option<Verdict>,
    from_id: Option<ItemId>,
    link: Option<ItemId>,
    discussed: Option<Vec<NaiveDate>>,
    result: Option<EndResult>,
    what: Option<EventKind>,
    from_kind: Option<Kind>,
    from_role: Option<Role>,
    note: Option<Str>,
    field: Option<Str>,
    old: Option<Str>,
    new: Option<Str>,
    counts: [Option<u32>; 6],
}

/// The arrays of tables a relationship has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Goal,
    Waypoint,
    Action,
    Strength,
    Growth,
    Advocacy,
    Event,
}

impl Item {
    fn named(name: &str) -> Option<Item> {
        Some(match name {
            "goal" => Item::Goal,
            "waypoint" => Item::Waypoint,
            "action" => Item::Action,
            "strength" => Item::Strength,
            "growth" => Item::Growth,
            "advocacy" => Item::Advocacy,
            "event" => Item::Event,
            _ => return None,
        })
    }
}

/// The table whose keys come next.
#[derive(Debug)]
enum Table {
    Root,
    Agreement(Fields),
    Ending(Fields),
    LastId(Fields),
    Item(Item, Fields),
}

/// The file's top-level keys and its tables, as read so far.
#[derive(Debug, Default)]
struct File {
    words: Words,
    seen: Seen,
    person: Option<String>,
    kind: Option<Kind>,
    role: Option<Role>,
    status: Option<Status>,
    started: Option<NaiveDate>,
    cadence: Option<Cadence>,
    purpose: Option<String>,
    their_aims: Option<String>,
    review_every: Option<Cadence>,
    snoozed_until: Option<NaiveDate>,
    reviewed: Option<NaiveDate>,
    destination: Option<String>,
    why: Option<String>,
    opted_in: Option<NaiveDate>,
    topic: Option<String>,
    until: Option<NaiveDate>,
    sessions: Option<u32>,
    agreement: Option<Agreement>,
    ending: Option<Ending>,
    last_id: LastIds,
    goals: Vec<Goal>,
    waypoints: Vec<Waypoint>,
    actions: Vec<Action>,
    strengths: Vec<Strength>,
    growth: Vec<Growth>,
    advocacy: Vec<Advocacy>,
    events: Vec<Event>,
}

/// Sets a field once, from the value the reader reads next.
macro_rules! set {
    ($seen:expr, $bit:expr, $slot:expr, $value:expr) => {{
        $seen.mark($bit)?;
        $slot = Some($value?);
    }};
}

impl Table {
    /// Reads the value of `key` into this table's fields.
    fn put(&mut self, file: &mut File, key: &str, r: &mut Reader<'_>) -> Option<()> {
        match self {
            Table::Root => file.put(key, r)?,
            Table::Agreement(f) => match key {
                "date" => set!(f.seen, 0, f.date, r.date()),
                "how" => set!(f.seen, 1, f.how, r.string()),
                _ => return None,
            },
            Table::Ending(f) => match key {
                "date" => set!(f.seen, 0, f.date, r.date()),
                "result" => set!(f.seen, 1, f.result, r.word()),
                "outcome" => set!(f.seen, 2, f.how, r.string()),
                _ => return None,
            },
            Table::LastId(f) => {
                let at = [
                    "goal", "waypoint", "action", "strength", "growth", "advocacy",
                ]
                .iter()
                .position(|k| *k == key)?;
                set!(f.seen, at as u32, f.counts[at], r.count());
            }
            Table::Item(item, f) => item.put(f, key, r)?,
        }
        Some(())
    }
}

impl Item {
    /// Reads the value of `key` into an item's fields.
    fn put(self, f: &mut Fields, key: &str, r: &mut Reader<'_>) -> Option<()> {
        use Item::*;
        match (self, key) {
            (Goal | Waypoint | Action | Strength | Growth | Advocacy, "id") => {
                set!(f.seen, 0, f.id, r.id())
            }
            (Goal | Waypoint | Action | Strength | Growth | Advocacy, "text") => {
                set!(f.seen, 1, f.text, r.string())
            }
            (Goal | Waypoint | Action | Strength | Growth, "added") => {
                set!(f.seen, 2, f.added, r.date())
            }
            (Goal | Waypoint | Action, "due") => set!(f.seen, 3, f.due, r.date()),
            (Goal, "achieved")
            | (Waypoint, "reached")
            | (Action, "done")
            | (Growth, "promoted") => {
                set!(f.seen, 4, f.done, r.date())
            }
            (Goal | Waypoint | Action, "dropped") => set!(f.seen, 5, f.dropped, r.date()),
            (Goal, "assessment") => set!(f.seen, 6, f.assessment, r.word()),
            (Action, "owner") => set!(f.seen, 7, f.owner, r.word()),
            (Action, "checkin") => set!(f.seen, 8, f.checkin, r.string()),
            (Strength, "from") => set!(f.seen, 9, f.from_id, r.id()),
            (Growth, "strength") | (Advocacy, "waypoint") => set!(f.seen, 10, f.link, r.id()),
            (Strength | Growth, "discussed") => set!(f.seen, 11, f.discussed, r.dates()),
            (Advocacy | Event, "date") => set!(f.seen, 12, f.date, r.date()),
            (Event, "what") => set!(f.seen, 13, f.what, r.word()),
            (Event, "from") => set!(f.seen, 14, f.from_kind, r.word()),
            (Event, "from_role") => set!(f.seen, 15, f.from_role, r.word()),
            (Event, "until") => set!(f.seen, 16, f.until, r.date()),
            (Event, "note") => set!(f.seen, 17, f.note, r.string()),
            (Event, "field") => set!(f.seen, 18, f.field, r.string()),
            (Event, "old") => set!(f.seen, 19, f.old, r.string()),
            (Event, "new") => set!(f.seen, 20, f.new, r.string()),
            _ => return None,
        }
        Some(())
    }
}

impl File {
    /// Reads the value of a top-level `key`.
    fn put(&mut self, key: &str, r: &mut Reader<'_>) -> Option<()> {
        let seen = &mut self.seen;
        match key {
            "person" => set!(seen, 0, self.person, r.text()),
            "kind" => set!(seen, 1, self.kind, r.word()),
            "role" => set!(seen, 2, self.role, r.word()),
            "status" => set!(seen, 3, self.status, r.word()),
            "started" => set!(seen, 4, self.started, r.date()),
            "cadence" => set!(seen, 5, self.cadence, r.word()),
            "purpose" => set!(seen, 6, self.purpose, r.text()),
            "their_aims" => set!(seen, 7, self.their_aims, r.text()),
            "review_every" => set!(seen, 8, self.review_every, r.word()),
            "snoozed_until" => set!(seen, 9, self.snoozed_until, r.date()),
            "reviewed" => set!(seen, 10, self.reviewed, r.date()),
            "destination" => set!(seen, 11, self.destination, r.text()),
            "why" => set!(seen, 12, self.why, r.text()),
            "opted_in" => set!(seen, 13, self.opted_in, r.date()),
            "topic" => set!(seen, 14, self.topic, r.text()),
            "until" => set!(seen, 15, self.until, r.date()),
            "sessions" => set!(seen, 16, self.sessions, r.count()),
            _ => return None,
        }
        Some(())
    }

    /// Ends the table being read: an item joins its list, a table takes
    /// its place, each with every key it needs.
    fn close(&mut self, table: &mut Table, r: &Reader<'_>) -> Option<()> {
        let text = |s: Option<Str>| s.map(|s| r.str(s).into_owned());
        match std::mem::replace(table, Table::Root) {
            Table::Root => {}
            Table::Agreement(f) => {
                self.agreement = Some(Agreement {
                    date: f.date?,
                    how: text(f.how),
                });
            }
            Table::Ending(f) => {
                self.ending = Some(Ending {
                    date: f.date?,
                    result: f.result?,
                    outcome: text(f.how),
                    // An ending with the expert's outcome is left to the
                    // full reader.
                    expert_outcome: None,
                });
            }
            Table::LastId(f) => {
                let [goal, waypoint, action, strength, growth, advocacy] =
                    f.counts.map(Option::unwrap_or_default);
                self.last_id = LastIds {
                    goal,
                    waypoint,
                    action,
                    strength,
                    growth,
                    advocacy,
                };
            }
            Table::Item(item, f) => self.item(item, f, r)?,
        }
        Some(())
    }

    fn item(&mut self, item: Item, f: Fields, r: &Reader<'_>) -> Option<()> {
        let all = self.words == Words::All;
        // The words of an item a brief leaves out: read, not kept.
        let text = |s: Str, keep: bool| {
            if keep || all {
                r.str(s).into_owned()
            } else {
                String::new()
            }
        };
        let open = f.done.is_none() && f.dropped.is_none();
        match item {
            Item::Goal => self.goals.push(Goal {
                id: f.id?,
                text: text(f.text?, open),
                added: f.added?,
                due: f.due,
                achieved: f.done,
                dropped: f.dropped,
                assessment: f.assessment,
                // An item with a history is left to the full reader.
                history: Vec::new(),
            }),
            Item::Waypoint => self.waypoints.push(Waypoint {
                id: f.id?,
                text: text(f.text?, open),
                due: f.due?,
                added: f.added?,
                reached: f.done,
                dropped: f.dropped,
                history: Vec::new(),
            }),
            Item::Action => self.actions.push(Action {
                id: f.id?,
                text: text(f.text?, open),
                owner: f.owner.unwrap_or_default(),
                added: f.added?,
                due: f.due,
                done: f.done,
                dropped: f.dropped,
                checkin: f.checkin.map(|s| text(s, open)),
                history: Vec::new(),
            }),
            Item::Strength => self.strengths.push(Strength {
                id: f.id?,
                text: text(f.text?, false),
                added: f.added?,
                from: f.from_id,
                discussed: f.discussed.unwrap_or_default(),
            }),
            Item::Growth => self.growth.push(Growth {
                id: f.id?,
                text: text(f.text?, true),
                added: f.added?,
                promoted: f.done,
                strength: f.link,
                discussed: f.discussed.unwrap_or_default(),
            }),
            Item::Advocacy => self.advocacy.push(Advocacy {
                id: f.id?,
                date: f.date?,
                text: text(f.text?, false),
                waypoint: f.link,
            }),
            Item::Event => {
                let what = f.what?;
                let field = f.field.map(|s| text(s, true));
                let setting = !field.as_deref().is_some_and(Event::is_text_field);
                self.events.push(Event {
                    date: f.date?,
                    what,
                    from: f.from_kind,
                    from_role: f.from_role,
                    until: f.until,
                    note: f.note.map(|s| text(s, what == EventKind::Paused)),
                    field,
                    old: f.old.map(|s| text(s, setting)),
                    new: f.new.map(|s| text(s, setting)),
                });
            }
        }
        Some(())
    }

    fn finish(self) -> Option<Relationship> {
        Some(Relationship {
            person: self.person?,
            kind: self.kind?,
            role: self.role?,
            status: self.status.unwrap_or_default(),
            started: self.started?,
            cadence: self.cadence,
            purpose: self.purpose,
            their_aims: self.their_aims,
            review_every: self.review_every,
            snoozed_until: self.snoozed_until,
            reviewed: self.reviewed,
            destination: self.destination,
            why: self.why,
            opted_in: self.opted_in,
            topic: self.topic,
            until: self.until,
            sessions: self.sessions,
            agreement: self.agreement,
            ending: self.ending,
            last_id: self.last_id,
            goals: self.goals,
            waypoints: self.waypoints,
            actions: self.actions,
            strengths: self.strengths,
            growth: self.growth,
            advocacy: self.advocacy,
            events: self.events,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;
    use crate::model::{Brief, Meetings};
    use crate::store::doc::new_relationship_doc;
    use crate::store::props::relationship as any_relationship;
    use crate::store::read::parse_relationship;

    /// What the full reader makes of `text`.
    fn full(text: &str) -> Option<Relationship> {
        parse_relationship(Path::new("relationship.toml"), text).ok()
    }

    /// The quick reader, in both its kinds, agrees with the full one
    /// whenever it reads `text` at all; says whether it did.
    fn agrees(text: &str) -> bool {
        let whole = full(text);
        let quick = relationship(text);
        if let Some(quick) = &quick {
            assert_eq!(Some(quick), whole.as_ref(), "{text}");
        }
        if let Some(brief) = relationship_for_brief(text) {
            let whole = whole.clone().unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                Brief::of(brief, Meetings::default()),
                Brief::of(whole, Meetings::default()),
                "{text}"
            );
            assert!(quick.is_some(), "{text}");
        }
        quick.is_some()
    }

    const RICH: &str = r#"# Ada — mentoring, you are the mentor.
person = "Ada \"the Countess\" Lovelace"
kind = "mentoring"
role = "mentor"
status = "active"   # still going
started = 2024-01-05
cadence = '2w'
purpose = """
Grow into a tech lead
who runs reviews"""
their_aims = '''Ship "it"'''
reviewed = "2026-11-12"
sessions = 12

[agreement]
  date = 2024-01-06
  how = "Fortnightly \u00e9 \U0001F642"

[last_id]
goal = 2
action = 2
growth = 1

[[goal]]
id = "g1"
text = "Run a design review"
added = 2024-01-05
achieved = 2024-06-01

[[goal]]
id = "G2"
text = "Write the RFC"
added = 2024-01-05
due = 2025-01-01
extra_key_above_is_not_here = false
"#;

    #[test]
    fn what_it_reads_it_reads_as_the_full_reader() {
        // The last goal has a key rel does not know: the full reader's.
        assert!(!agrees(RICH));
        let known = RICH.replace("extra_key_above_is_not_here = false\n", "");
        assert!(agrees(&known));
        let rel = relationship(&known).unwrap();
        assert_eq!(rel.person, "Ada \"the Countess\" Lovelace");
        assert_eq!(
            rel.purpose.as_deref(),
            Some("Grow into a tech lead\nwho runs reviews")
        );
        let brief = relationship_for_brief(&known).unwrap();
        assert_eq!(brief.goals[0].text, "");
        assert_eq!(brief.goals[1].text, "Write the RFC");
        // A quote or two just before the closing three belong to the text.
        let purpose = "\"\"\"\nGrow into a tech lead\nwho runs reviews\"\"\"";
        for (value, text) in [
            (r#""""a"""""#, r#"a""#),
            (r#""""a""""""#, r#"a"""#),
            ("'''b'''''", "b''"),
            (r#""""'"""""#, r#"'""#),
        ] {
            let file = known.replace(purpose, value);
            assert!(agrees(&file), "{file}");
            assert_eq!(relationship(&file).unwrap().purpose.as_deref(), Some(text));
        }
    }

    #[test]
    fn anything_else_is_left_to_the_full_reader() {
        let base =
            "person = \"Ada\"\nkind = \"mentoring\"\nrole = \"mentor\"\nstarted = 2024-01-05\n";
        assert!(agrees(base));
        for tail in [
            "purpose = \"a\" \"b\"\n",
            "purpose = \"\\e\"\n",
            "purpose = \"\\x41\"\n",
            "purpose = \"\"\"a\\\n  b\"\"\"\n",
            "purpose = \"\"\"a\"\"\"\"\"\"\n",
            "purpose = \"bell\u{7}\"\n",
            "reviewed = 2026-11-12T10:00:00\n",
            "reviewed = 2026-11-12 10:00:00\n",
            "reviewed = 2026-02-30\n",
            "sessions = 012\n",
            "sessions = +12\n",
            "sessions = 1_000\n",
            "sessions = 99999999999\n",
            "sessions = 0\n",
            "nickname = \"Ada\"\n",
            "person = \"Twice\"\n",
            "agreement = { date = 2024-01-06 }\n",
            "a.b = 1\n",
            "\"quoted\" = 1\n",
            "[agreement]\nhow = \"no date\"\n",
            "[agreement]\ndate = 2024-01-06\n[agreement]\ndate = 2024-01-07\n",
            "[[goal]]\nid = \"w1\"\ntext = \"x\"\nadded = 2024-01-05\n",
            "[[goal]]\nid = \"g1\"\ntext = \"x\"\nadded = 2024-01-05\n[[goal]]\nid = \"g1\"\ntext = \"y\"\nadded = 2024-01-05\n",
            "[goal]\nid = \"g1\"\n",
            "[[goal ]]\n",
            "[ [goal]]\n",
            "<<<<<<< HEAD\n",
            "# a comment \u{1}\n",
            "purpose = 'it''s'\n",
            "cadence = \"fortnightly-ish\"\n",
        ] {
            let text = format!("{base}{tail}");
            let _ = agrees(&text);
            assert!(relationship(&text).is_none(), "{text}");
        }
        for text in [
            format!("\u{feff}{base}"),
            base.replace('\n', "\r\n"),
            base.replace("started = 2024-01-05\n", ""),
        ] {
            let _ = agrees(&text);
            assert!(relationship(&text).is_none(), "{text}");
        }
    }

    #[test]
    fn the_example_journal_reads_the_same() {
        let dir = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/journal/relationships"
        ));
        let mut quick = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text =
                std::fs::read_to_string(entry.unwrap().path().join("relationship.toml")).unwrap();
            quick += usize::from(agrees(&text));
        }
        // One keeps a key of its own (`team`): the full reader's.
        assert!(quick >= 4, "{quick}");
    }

    /// An edit to a file: a character put in, a stretch taken out, or a
    /// line said twice.
    fn edit() -> impl Strategy<Value = (usize, u8, usize)> {
        (
            any::<usize>(),
            prop::sample::select(b" \t\n\"'\\#=[],.-_0123456789abcgwxyzT:{}u\x07".to_vec()),
            0usize..3,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn a_file_rel_wrote_reads_quickly(rel in any_relationship()) {
            let text = new_relationship_doc(&rel).to_string();
            prop_assert!(agrees(&text), "{}", text);
            prop_assert_eq!(relationship(&text), Some(rel));
        }

        #[test]
        fn an_edited_file_reads_as_the_full_reader_reads_it_or_not_at_all(
            rel in any_relationship(),
            edits in prop::collection::vec(edit(), 1..4),
        ) {
            let mut text = new_relationship_doc(&rel).to_string().into_bytes();
            for (at, byte, how) in edits {
                let at = at % (text.len() + 1);
                match how {
                    0 => text.insert(at, byte),
                    1 => {
                        let end = (at + usize::from(byte % 7) + 1).min(text.len());
                        text.drain(at..end);
                    }
                    _ => {
                        let start = text[..at].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                        let end = text[at..].iter().position(|b| *b == b'\n').map_or(text.len(), |i| at + i + 1);
                        let line = text[start..end].to_vec();
                        text.splice(start..start, line);
                    }
                }
            }
            if let Ok(text) = String::from_utf8(text) {
                agrees(&text);
            }
        }
    }
}
