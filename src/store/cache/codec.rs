//! The cache's binary form of a relationship: every field in a fixed
//! order, numbers little-endian, texts with their length first. It is not
//! a file format: it changes with rel (bump [`super::FORMAT`] when it
//! does), and anything odd in it reads as `None`, a cache miss.
//!
//! Each `put` takes its struct apart field by field, so a field added to
//! the model does not compile until it is written here too; `get` reads
//! the fields in the order `put` wrote them.

use chrono::NaiveDate;

use crate::model::brief::Progress;
use crate::model::checkin::CheckinId;
use crate::model::items::{Action, Advocacy, Goal, Growth, Strength, Verdict, Waypoint};
use crate::model::relationship::{Agreement, EndResult, Ending, Event, EventKind, LastIds};
use crate::model::replan::{Closed, DueChange, Reopened, Revision, TextChange};
use crate::model::{
    Brief, Cadence, ItemId, ItemKind, Kind, Meetings, Owner, Relationship, Role, Status, Tally,
};

/// How much of a relationship's words an encoding holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// Everything, as the file says.
    All,
    /// Every fact, date, id and count, but the text of closed goals,
    /// waypoints and actions, of acts of advocacy and of event notes left
    /// empty: what an overview of many relationships
    /// never shows, and most of what a long history holds.
    Open,
}

/// Bytes being written, and how much of the words to write.
pub struct Out {
    pub bytes: Vec<u8>,
    words: Words,
}

/// Bytes being read.
pub struct In<'a> {
    bytes: &'a [u8],
    /// How far into the bytes first given this has read.
    at: usize,
}

impl Out {
    pub fn new(words: Words) -> Out {
        Out {
            bytes: Vec::new(),
            words,
        }
    }

    pub fn u8(&mut self, n: u8) {
        self.bytes.push(n);
    }

    pub fn u32(&mut self, n: u32) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    pub fn u64(&mut self, n: u64) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    pub fn i128(&mut self, n: i128) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    pub fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX));
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.len(bytes.len());
        self.bytes.extend_from_slice(bytes);
    }

    /// A text, written only when `keep` (or when every word is wanted);
    /// otherwise as empty.
    fn text_if(&mut self, keep: bool, text: &str) {
        if keep || self.words == Words::All {
            self.bytes(text.as_bytes());
        } else {
            self.len(0);
        }
    }

    fn opt_text_if(&mut self, keep: bool, text: Option<&str>) {
        match text {
            None => self.u8(0),
            Some(text) => {
                self.u8(1);
                self.text_if(keep, text);
            }
        }
    }
}

impl<'a> In<'a> {
    pub fn new(bytes: &'a [u8]) -> In<'a> {
        In { bytes, at: 0 }
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// How many bytes have been read.
    pub fn at(&self) -> usize {
        self.at
    }

    #[inline]
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        self.at += n;
        Some(head)
    }

    #[inline]
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.bytes.split_first_chunk::<N>()?;
        self.bytes = rest;
        self.at += N;
        Some(*head)
    }

    #[inline]
    pub fn u8(&mut self) -> Option<u8> {
        self.array::<1>().map(|[b]| b)
    }

    #[inline]
    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    pub fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }

    pub fn i128(&mut self) -> Option<i128> {
        self.array().map(i128::from_le_bytes)
    }

    pub fn len(&mut self) -> Option<usize> {
        self.u32().map(|n| n as usize)
    }

    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }

    #[inline]
    fn text(&mut self) -> Option<String> {
        match self.bytes()? {
            [] => Some(String::new()),
            bytes => String::from_utf8(bytes.to_vec()).ok(),
        }
    }
}

/// A value the cache can write and read back.
pub trait Code: Sized {
    fn put(&self, out: &mut Out);
    fn get(input: &mut In<'_>) -> Option<Self>;
}

impl Code for u32 {
    fn put(&self, out: &mut Out) {
        out.u32(*self);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        input.u32()
    }
}

impl Code for bool {
    fn put(&self, out: &mut Out) {
        out.u8(u8::from(*self));
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        match input.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Code for String {
    fn put(&self, out: &mut Out) {
        out.bytes(self.as_bytes());
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        input.text()
    }
}

impl Code for NaiveDate {
    /// The year and the day of the year in one number: the quickest form
    /// to make a date from again.
    fn put(&self, out: &mut Out) {
        use chrono::Datelike;
        out.u32(((self.year() as u32) << 9) | self.ordinal());
    }

    #[inline]
    fn get(input: &mut In<'_>) -> Option<Self> {
        let n = input.u32()?;
        NaiveDate::from_yo_opt((n as i32) >> 9, n & 0x1ff)
    }
}

impl<T: Code> Code for Option<T> {
    fn put(&self, out: &mut Out) {
        match self {
            None => out.u8(0),
            Some(value) => {
                out.u8(1);
                value.put(out);
            }
        }
    }

    #[inline]
    fn get(input: &mut In<'_>) -> Option<Self> {
        match input.u8()? {
            0 => Some(None),
            1 => T::get(input).map(Some),
            _ => None,
        }
    }
}

impl<T: Code> Code for Vec<T> {
    fn put(&self, out: &mut Out) {
        out.len(self.len());
        for item in self {
            item.put(out);
        }
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        let n = input.len()?;
        // Never trust a length to reserve memory: each item takes a byte.
        let mut items = Vec::with_capacity(n.min(input.bytes.len()));
        for _ in 0..n {
            items.push(T::get(input)?);
        }
        Some(items)
    }
}

impl Code for ItemId {
    fn put(&self, out: &mut Out) {
        let kind = ItemKind::ALL.iter().position(|k| *k == self.kind);
        out.u8(kind.unwrap_or(0) as u8);
        out.u32(self.n);
    }

    #[inline]
    fn get(input: &mut In<'_>) -> Option<Self> {
        let kind = *ItemKind::ALL.get(input.u8()? as usize)?;
        Some(ItemId::new(kind, input.u32()?))
    }
}

impl Code for CheckinId {
    fn put(&self, out: &mut Out) {
        self.date.put(out);
        out.u32(self.n);
        // One more than the tag's value; none is 0.
        out.u32(self.tag.map_or(0, |t| t.value() + 1));
    }

    #[inline]
    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(CheckinId {
            date: NaiveDate::get(input)?,
            n: input.u32()?,
            tag: match input.u32()? {
                0 => None,
                value => Some(crate::model::checkin::Tag::from_value(value - 1)?),
            },
        })
    }
}

impl Code for Cadence {
    /// As the person spelled it (`2w` stays `2w`).
    fn put(&self, out: &mut Out) {
        out.bytes(self.to_string().as_bytes());
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        std::str::from_utf8(input.bytes()?).ok()?.parse().ok()
    }
}

/// The word enums, by their place in `ALL`: one byte. Moving a variant
/// changes what old bytes mean, so it needs a new [`super::FORMAT`] (the
/// test `encoding_is_pinned` says so).
macro_rules! code_words {
    ($($name:ty),+) => {$(
        impl Code for $name {
            fn put(&self, out: &mut Out) {
                let at = <$name>::ALL.iter().position(|v| v == self).unwrap_or(0);
                out.u8(at as u8);
            }

            #[inline]
            fn get(input: &mut In<'_>) -> Option<Self> {
                <$name>::ALL.get(usize::from(input.u8()?)).copied()
            }
        }
    )+};
}

code_words!(
    Kind, Role, Status, Owner, Verdict, EndResult, EventKind, Closed
);

impl Code for Relationship {
    fn put(&self, out: &mut Out) {
        let Relationship {
            person,
            kind,
            role,
            status,
            started,
            cadence,
            purpose,
            their_aims,
            review_every,
            snoozed_until,
            reviewed,
            destination,
            why,
            opted_in,
            topic,
            until,
            sessions,
            agreement,
            ending,
            last_id,
            goals,
            waypoints,
            actions,
            strengths,
            growth,
            advocacy,
            events,
        } = self;
        person.put(out);
        kind.put(out);
        role.put(out);
        status.put(out);
        started.put(out);
        cadence.put(out);
        purpose.put(out);
        their_aims.put(out);
        review_every.put(out);
        snoozed_until.put(out);
        reviewed.put(out);
        destination.put(out);
        why.put(out);
        opted_in.put(out);
        topic.put(out);
        until.put(out);
        sessions.put(out);
        agreement.put(out);
        ending.put(out);
        last_id.put(out);
        goals.put(out);
        waypoints.put(out);
        actions.put(out);
        strengths.put(out);
        growth.put(out);
        advocacy.put(out);
        events.put(out);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Relationship {
            person: Code::get(input)?,
            kind: Code::get(input)?,
            role: Code::get(input)?,
            status: Code::get(input)?,
            started: Code::get(input)?,
            cadence: Code::get(input)?,
            purpose: Code::get(input)?,
            their_aims: Code::get(input)?,
            review_every: Code::get(input)?,
            snoozed_until: Code::get(input)?,
            reviewed: Code::get(input)?,
            destination: Code::get(input)?,
            why: Code::get(input)?,
            opted_in: Code::get(input)?,
            topic: Code::get(input)?,
            until: Code::get(input)?,
            sessions: Code::get(input)?,
            agreement: Code::get(input)?,
            ending: Code::get(input)?,
            last_id: Code::get(input)?,
            goals: Code::get(input)?,
            waypoints: Code::get(input)?,
            actions: Code::get(input)?,
            strengths: Code::get(input)?,
            growth: Code::get(input)?,
            advocacy: Code::get(input)?,
            events: Code::get(input)?,
        })
    }
}

impl Code for Agreement {
    fn put(&self, out: &mut Out) {
        let Agreement { date, how } = self;
        date.put(out);
        how.put(out);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Agreement {
            date: Code::get(input)?,
            how: Code::get(input)?,
        })
    }
}

impl Code for Ending {
    fn put(&self, out: &mut Out) {
        let Ending {
            date,
            result,
            outcome,
            expert_outcome,
        } = self;
        date.put(out);
        result.put(out);
        outcome.put(out);
        expert_outcome.put(out);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Ending {
            date: Code::get(input)?,
            result: Code::get(input)?,
            outcome: Code::get(input)?,
            expert_outcome: Code::get(input)?,
        })
    }
}

impl Code for LastIds {
    fn put(&self, out: &mut Out) {
        let LastIds {
            goal,
            waypoint,
            action,
            strength,
            growth,
            advocacy,
        } = self;
        for n in [goal, waypoint, action, strength, growth, advocacy] {
            n.put(out);
        }
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(LastIds {
            goal: input.u32()?,
            waypoint: input.u32()?,
            action: input.u32()?,
            strength: input.u32()?,
            growth: input.u32()?,
            advocacy: input.u32()?,
        })
    }
}

// Items: in [`Words::Open`], only open goals, waypoints and actions, and
// strengths and growth areas (a check-in asks which it was about; a
// sponsor's assessment names the growth areas not discussed), keep their
// words.

impl Code for Goal {
    fn put(&self, out: &mut Out) {
        let Goal {
            id,
            text,
            added,
            due,
            achieved,
            dropped,
            assessment,
            history,
        } = self;
        id.put(out);
        added.put(out);
        due.put(out);
        achieved.put(out);
        dropped.put(out);
        assessment.put(out);
        let open = achieved.is_none() && dropped.is_none();
        out.text_if(open, text);
        put_history(out, history, open);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Goal {
            id: Code::get(input)?,
            added: Code::get(input)?,
            due: Code::get(input)?,
            achieved: Code::get(input)?,
            dropped: Code::get(input)?,
            assessment: Code::get(input)?,
            text: input.text()?,
            history: get_history(input)?,
        })
    }
}

impl Code for Waypoint {
    fn put(&self, out: &mut Out) {
        let Waypoint {
            id,
            text,
            due,
            added,
            reached,
            dropped,
            history,
        } = self;
        id.put(out);
        due.put(out);
        added.put(out);
        reached.put(out);
        dropped.put(out);
        let open = reached.is_none() && dropped.is_none();
        out.text_if(open, text);
        put_history(out, history, open);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Waypoint {
            id: Code::get(input)?,
            due: Code::get(input)?,
            added: Code::get(input)?,
            reached: Code::get(input)?,
            dropped: Code::get(input)?,
            text: input.text()?,
            history: get_history(input)?,
        })
    }
}

impl Code for Action {
    fn put(&self, out: &mut Out) {
        let Action {
            id,
            text,
            owner,
            added,
            due,
            done,
            dropped,
            checkin,
            history,
        } = self;
        id.put(out);
        owner.put(out);
        added.put(out);
        due.put(out);
        done.put(out);
        dropped.put(out);
        let open = done.is_none() && dropped.is_none();
        out.text_if(open, text);
        out.opt_text_if(open, checkin.as_deref());
        put_history(out, history, open);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Action {
            id: Code::get(input)?,
            owner: Code::get(input)?,
            added: Code::get(input)?,
            due: Code::get(input)?,
            done: Code::get(input)?,
            dropped: Code::get(input)?,
            text: input.text()?,
            checkin: Code::get(input)?,
            history: get_history(input)?,
        })
    }
}

/// An item's revisions: their days, dates and how it was closed always,
/// their words (the texts and why) only when `keep`.
fn put_history(out: &mut Out, history: &[Revision], keep: bool) {
    out.len(history.len());
    for r in history {
        let Revision {
            date,
            due,
            text,
            reopened,
            because,
            checkin,
        } = r;
        date.put(out);
        match due {
            None => out.u8(0),
            Some(DueChange { from, to }) => {
                out.u8(1);
                from.put(out);
                to.put(out);
            }
        }
        match text {
            None => out.u8(0),
            Some(TextChange { from, to }) => {
                out.u8(1);
                out.text_if(keep, from);
                out.text_if(keep, to);
            }
        }
        match reopened {
            None => out.u8(0),
            Some(Reopened { was, on }) => {
                out.u8(1);
                was.put(out);
                on.put(out);
            }
        }
        out.opt_text_if(keep, because.as_deref());
        out.opt_text_if(keep, checkin.as_deref());
    }
}

fn get_history(input: &mut In<'_>) -> Option<Vec<Revision>> {
    let n = input.len()?;
    let mut history = Vec::with_capacity(n.min(input.bytes.len()));
    for _ in 0..n {
        let date = Code::get(input)?;
        let due = match input.u8()? {
            0 => None,
            1 => Some(DueChange {
                from: Code::get(input)?,
                to: Code::get(input)?,
            }),
            _ => return None,
        };
        let text = match input.u8()? {
            0 => None,
            1 => Some(TextChange {
                from: input.text()?,
                to: input.text()?,
            }),
            _ => return None,
        };
        let reopened = match input.u8()? {
            0 => None,
            1 => Some(Reopened {
                was: Code::get(input)?,
                on: Code::get(input)?,
            }),
            _ => return None,
        };
        history.push(Revision {
            date,
            due,
            text,
            reopened,
            because: Code::get(input)?,
            checkin: Code::get(input)?,
        });
    }
    Some(history)
}

impl Code for Strength {
    fn put(&self, out: &mut Out) {
        let Strength {
            id,
            text,
            added,
            from,
            discussed,
        } = self;
        id.put(out);
        added.put(out);
        from.put(out);
        discussed.put(out);
        out.text_if(true, text);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Strength {
            id: Code::get(input)?,
            added: Code::get(input)?,
            from: Code::get(input)?,
            discussed: Code::get(input)?,
            text: input.text()?,
        })
    }
}

impl Code for Growth {
    fn put(&self, out: &mut Out) {
        let Growth {
            id,
            text,
            added,
            promoted,
            strength,
            discussed,
        } = self;
        id.put(out);
        added.put(out);
        promoted.put(out);
        strength.put(out);
        discussed.put(out);
        out.text_if(true, text);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Growth {
            id: Code::get(input)?,
            added: Code::get(input)?,
            promoted: Code::get(input)?,
            strength: Code::get(input)?,
            discussed: Code::get(input)?,
            text: input.text()?,
        })
    }
}

impl Code for Advocacy {
    fn put(&self, out: &mut Out) {
        let Advocacy {
            id,
            date,
            text,
            waypoint,
        } = self;
        id.put(out);
        date.put(out);
        waypoint.put(out);
        out.text_if(false, text);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Advocacy {
            id: Code::get(input)?,
            date: Code::get(input)?,
            waypoint: Code::get(input)?,
            text: input.text()?,
        })
    }
}

impl Code for Event {
    fn put(&self, out: &mut Out) {
        let Event {
            date,
            what,
            from,
            from_role,
            until,
            note,
            field,
            old,
            new,
        } = self;
        date.put(out);
        what.put(out);
        from.put(out);
        from_role.put(out);
        until.put(out);
        // Why it was paused is what an overview shows of a paused one.
        out.opt_text_if(*what == EventKind::Paused, note.as_deref());
        // Which field changed, and the values of fields that are settings
        // (the cadence in force on a day), not words.
        let setting = field.as_deref().is_some_and(|f| !Event::is_text_field(f));
        out.opt_text_if(true, field.as_deref());
        out.opt_text_if(setting, old.as_deref());
        out.opt_text_if(setting, new.as_deref());
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Event {
            date: Code::get(input)?,
            what: Code::get(input)?,
            from: Code::get(input)?,
            from_role: Code::get(input)?,
            until: Code::get(input)?,
            note: Code::get(input)?,
            field: Code::get(input)?,
            old: Code::get(input)?,
            new: Code::get(input)?,
        })
    }
}

// An overview's brief of a relationship: it holds only open items, whose
// words it keeps whatever the encoding's words.

impl Code for Brief {
    fn put(&self, out: &mut Out) {
        let Brief {
            rel,
            tally,
            meetings,
        } = self;
        rel.put(out);
        tally.put(out);
        meetings.put(out);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Brief {
            rel: Code::get(input)?,
            tally: Code::get(input)?,
            meetings: Code::get(input)?,
        })
    }
}

impl Code for Tally {
    fn put(&self, out: &mut Out) {
        let Tally {
            goals,
            waypoints,
            their_actions,
            last_movement,
            last_advocacy,
            latest,
        } = self;
        goals.put(out);
        waypoints.put(out);
        their_actions.put(out);
        last_movement.put(out);
        last_advocacy.put(out);
        latest.put(out);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Tally {
            goals: Code::get(input)?,
            waypoints: Code::get(input)?,
            their_actions: Code::get(input)?,
            last_movement: Code::get(input)?,
            last_advocacy: Code::get(input)?,
            latest: Code::get(input)?,
        })
    }
}

impl Code for Progress {
    fn put(&self, out: &mut Out) {
        let Progress { done, live } = self;
        out.len(*done);
        out.len(*live);
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        Some(Progress {
            done: input.len()?,
            live: input.len()?,
        })
    }
}

impl Code for Meetings {
    /// Their keys, eight bytes each, read back in one pass.
    fn put(&self, out: &mut Out) {
        out.len(self.len());
        for key in self.keys() {
            out.bytes.extend_from_slice(&key.to_le_bytes());
        }
    }

    fn get(input: &mut In<'_>) -> Option<Self> {
        let n = input.len()?;
        let bytes = input.take(n.checked_mul(8)?)?;
        let keys = bytes
            .chunks_exact(8)
            .map(|k| i64::from_le_bytes(k.try_into().unwrap_or_default()))
            .collect();
        Meetings::from_keys(keys)
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::store::Journal;

    pub fn round_trip(rel: &Relationship, words: Words) -> Option<Relationship> {
        let mut out = Out::new(words);
        rel.put(&mut out);
        let mut input = In::new(&out.bytes);
        let read = Relationship::get(&mut input)?;
        input.is_empty().then_some(read)
    }

    /// What [`Words::Open`] keeps of a relationship.
    pub fn open_words(rel: &Relationship) -> Relationship {
        let mut rel = rel.clone();
        fn quiet(history: &mut [Revision]) {
            for r in history {
                if let Some(t) = &mut r.text {
                    t.from.clear();
                    t.to.clear();
                }
                for text in [&mut r.because, &mut r.checkin].into_iter().flatten() {
                    text.clear();
                }
            }
        }
        for g in rel.goals.iter_mut().filter(|g| !g.is_open()) {
            g.text.clear();
            quiet(&mut g.history);
        }
        for w in rel.waypoints.iter_mut().filter(|w| !w.is_open()) {
            w.text.clear();
            quiet(&mut w.history);
        }
        for a in rel.actions.iter_mut().filter(|a| !a.is_open()) {
            a.text.clear();
            if let Some(checkin) = &mut a.checkin {
                checkin.clear();
            }
            quiet(&mut a.history);
        }
        rel.advocacy.iter_mut().for_each(|v| v.text.clear());
        for e in &mut rel.events {
            if let Some(note) = e.note.as_mut().filter(|_| e.what != EventKind::Paused) {
                note.clear();
            }
            if e.field.as_deref().is_some_and(Event::is_text_field) {
                for value in [&mut e.old, &mut e.new].into_iter().flatten() {
                    value.clear();
                }
            }
        }
        rel
    }

    #[test]
    fn the_example_journal_reads_back_from_the_cache() {
        let journal = Journal::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/journal"));
        let listing = journal.listing().unwrap();
        assert!(listing.handles.len() >= 5);
        for handle in &listing.handles {
            let (rel, _) = journal.read_relationship(handle).unwrap();
            assert_eq!(
                round_trip(&rel, Words::All).as_ref(),
                Some(&rel),
                "{handle}"
            );
            let open = round_trip(&rel, Words::Open).unwrap();
            assert_eq!(open, open_words(&rel), "{handle}");
            assert_eq!(open.actions.len(), rel.actions.len());
        }
    }

    #[test]
    fn odd_bytes_read_as_nothing() {
        for bytes in [&[][..], &[0xff; 40], &[0; 3]] {
            assert!(Relationship::get(&mut In::new(bytes)).is_none());
        }
        // A count far beyond the bytes does not reserve memory for it.
        let mut out = Out::new(Words::All);
        out.u32(u32::MAX);
        assert!(Vec::<ItemId>::get(&mut In::new(&out.bytes)).is_none());
    }

    /// The word enums are written as their place in `ALL`. If this test
    /// fails, a variant was added or moved: bump `FORMAT` in the cache,
    /// then update the lists here.
    #[test]
    fn encoding_is_pinned() {
        let words = |all: Vec<&'static str>| all.join(" ");
        assert_eq!(
            words(Kind::ALL.iter().map(|k| k.as_str()).collect()),
            "mentoring sponsoring reverse-mentoring"
        );
        assert_eq!(
            words(Role::ALL.iter().map(|k| k.as_str()).collect()),
            "mentor mentee sponsor protege learner expert"
        );
        assert_eq!(
            words(Status::ALL.iter().map(|k| k.as_str()).collect()),
            "active paused ended"
        );
        assert_eq!(
            words(Owner::ALL.iter().map(|k| k.as_str()).collect()),
            "me them"
        );
        assert_eq!(
            words(Verdict::ALL.iter().map(|k| k.as_str()).collect()),
            "achieved partly not"
        );
        assert_eq!(
            words(EndResult::ALL.iter().map(|k| k.as_str()).collect()),
            "completed concluded-early"
        );
        assert_eq!(
            words(EventKind::ALL.iter().map(|k| k.as_str()).collect()),
            "paused resumed snoozed ended evolved changed conflict settled"
        );
        assert_eq!(
            words(Closed::ALL.iter().map(|k| k.as_str()).collect()),
            "achieved reached done dropped"
        );
        assert_eq!(
            ItemKind::ALL.map(|k| k.prefix()).iter().collect::<String>(),
            "gwascv"
        );
        let mut out = Out::new(Words::All);
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap().put(&mut out);
        assert_eq!(out.bytes, ((2026u32 << 9) | 330).to_le_bytes());
    }
}
