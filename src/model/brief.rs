//! What an overview of many relationships reads of each: its open items,
//! what its closed items add up to, and when its meetings were held — in
//! a form whose size follows what is open, and eight bytes a meeting, not
//! every word and date of a long history.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::checkin::CheckinId;
use super::kind::Owner;
use super::relationship::{Event, EventKind, Relationship};

/// When a relationship's meetings were held: every check-in's id, oldest
/// first, each as one number that sorts as the ids do, so that counting
/// the meetings in a span of days is a search, and keeping ten years of
/// them costs eight bytes a meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meetings {
    keys: Vec<i64>,
}

impl Meetings {
    /// The meetings the ids name (any order).
    pub fn of(ids: &[CheckinId]) -> Meetings {
        let mut keys: Vec<i64> = ids.iter().map(|id| key(*id)).collect();
        keys.sort_unstable();
        Meetings { keys }
    }

    /// The meetings as [`Meetings::keys`] gave them, if they are in
    /// order. (A key that names no day, which only a foreign hand could
    /// make, counts as a meeting but is never named.)
    pub fn from_keys(keys: Vec<i64>) -> Option<Meetings> {
        keys.is_sorted().then_some(Meetings { keys })
    }

    /// The numbers the meetings are kept as.
    pub fn keys(&self) -> &[i64] {
        &self.keys
    }

    /// How many there are, on any day.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// How many were held on or before `day`.
    pub fn by(&self, day: NaiveDate) -> usize {
        let next_day = key(CheckinId::new(day, 0)).saturating_add(1 << SHIFT);
        self.keys.partition_point(|k| *k < next_day)
    }

    /// How many were held after `after` and on or before `to`.
    pub fn between(&self, after: NaiveDate, to: NaiveDate) -> usize {
        self.by(to).saturating_sub(self.by(after))
    }

    /// The newest held on or before `day`.
    pub fn last_by(&self, day: NaiveDate) -> Option<CheckinId> {
        let held = self.by(day);
        held.checked_sub(1)
            .and_then(|i| self.keys.get(i))
            .and_then(|k| id_of(*k))
    }

    /// The newest `n` held on or before `day`, oldest first.
    pub fn newest_by(&self, day: NaiveDate, n: usize) -> Vec<CheckinId> {
        let held = self.by(day);
        self.keys[held.saturating_sub(n)..held]
            .iter()
            .filter_map(|k| id_of(*k))
            .collect()
    }
}

/// A check-in's id as a number that sorts as ids do: the year and the day
/// of the year (as the cache keeps dates), then the number within the day,
/// then its tag (one more than the tag's value; none is 0).
fn key(id: CheckinId) -> i64 {
    let day = i64::from(id.date.year()) * 512 + i64::from(id.date.ordinal());
    let n = i64::from(id.n.min(crate::model::checkin::MAX_N));
    let tag = id.tag.map_or(0, |t| i64::from(t.value()) + 1);
    // Past the year 16383 (no file names one) days share a key.
    day.saturating_mul(1 << SHIFT) | (n << TAG_BITS) | tag
}

/// The bits below the day: the number within it, and the tag.
const SHIFT: u32 = 40;
const TAG_BITS: u32 = 21;

fn id_of(key: i64) -> Option<CheckinId> {
    let day = key >> SHIFT;
    let year = i32::try_from(day.div_euclid(512)).ok()?;
    let ordinal = u32::try_from(day.rem_euclid(512)).ok()?;
    let low = key & ((1 << SHIFT) - 1);
    let n = u32::try_from(low >> TAG_BITS).ok()?;
    let tag = match u32::try_from(low & ((1 << TAG_BITS) - 1)).ok()? {
        0 => None,
        value => Some(crate::model::checkin::Tag::from_value(value - 1)?),
    };
    Some(CheckinId {
        date: NaiveDate::from_yo_opt(year, ordinal)?,
        n,
        tag,
    })
}

/// How many of a kind of item are live (not dropped), and how many of
/// those are done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub done: usize,
    pub live: usize,
}

impl Progress {
    fn count(&mut self, dropped: bool, done: bool) {
        if !dropped {
            self.live += 1;
            self.done += usize::from(done);
        }
    }
}

/// What a relationship's goals, waypoints, actions and acts of advocacy
/// add up to as of a day: the counts and latest days an assessment needs,
/// open or closed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub goals: Progress,
    pub waypoints: Progress,
    /// The other person's actions.
    pub their_actions: Progress,
    /// The last day, on or before the tally's day, a goal was achieved, a
    /// waypoint reached or an action done.
    pub last_movement: Option<NaiveDate>,
    /// The last day, on or before the tally's day, of an act of advocacy.
    pub last_advocacy: Option<NaiveDate>,
    /// The last day, on any day, an item counted was added or closed or
    /// an act of advocacy made: a tally stands for every day from then.
    pub latest: Option<NaiveDate>,
}

impl Tally {
    /// The tally of `rel` as of `today`: the items added by then, each
    /// closed if it was closed by then; latest days up to today.
    pub fn of(rel: &Relationship, today: NaiveDate) -> Tally {
        let mut tally = Tally::default();
        let by_today = |d: &NaiveDate| *d <= today;
        let by = |d: Option<NaiveDate>| d.is_some_and(|d| d <= today);
        for g in rel.goals.iter().filter(|g| g.added <= today) {
            tally.goals.count(by(g.dropped), by(g.achieved));
        }
        for w in rel.waypoints.iter().filter(|w| w.added <= today) {
            tally.waypoints.count(by(w.dropped), by(w.reached));
        }
        for a in rel
            .actions
            .iter()
            .filter(|a| a.owner == Owner::Them && a.added <= today)
        {
            tally.their_actions.count(by(a.dropped), by(a.done));
        }
        let goals = rel.goals.iter().filter_map(|g| g.achieved);
        let waypoints = rel.waypoints.iter().filter_map(|w| w.reached);
        let actions = rel.actions.iter().filter_map(|a| a.done);
        tally.last_movement = goals.chain(waypoints).chain(actions).filter(by_today).max();
        tally.last_advocacy = rel.advocacy.iter().map(|v| v.date).filter(by_today).max();
        let goals = rel
            .goals
            .iter()
            .flat_map(|g| [Some(g.added), g.achieved, g.dropped]);
        let waypoints = rel
            .waypoints
            .iter()
            .flat_map(|w| [Some(w.added), w.reached, w.dropped]);
        let actions = rel
            .actions
            .iter()
            .flat_map(|a| [Some(a.added), a.done, a.dropped]);
        let advocacy = rel.advocacy.iter().map(|v| Some(v.date));
        tally.latest = goals
            .chain(waypoints)
            .chain(actions)
            .chain(advocacy)
            .flatten()
            .max();
        tally
    }

    /// Whether this tally, taken as of any later day, also stands as of
    /// `today`: nothing it counts is dated after `today`.
    fn holds_on(&self, today: NaiveDate) -> bool {
        self.latest.is_none_or(|d| d <= today)
    }
}

/// A relationship as an overview reads it: only its open goals, waypoints
/// and actions, its growth areas (a sponsor hears of one left undiscussed),
/// none of its strengths or acts of advocacy; its history; what all its
/// items add up to; and when it met.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    /// The relationship with only what is open among its items.
    pub rel: Relationship,
    /// What every item added up to, taken as of no day in particular.
    pub tally: Tally,
    pub meetings: Meetings,
}

impl Brief {
    /// The brief of a whole relationship and the ids of its check-ins.
    pub fn of(mut rel: Relationship, meetings: Meetings) -> Brief {
        let tally = Tally::of(&rel, NaiveDate::MAX);
        rel.goals.retain(|g| g.is_open());
        rel.waypoints.retain(|w| w.is_open());
        rel.actions.retain(|a| a.is_open());
        rel.strengths = Vec::new();
        rel.advocacy = Vec::new();
        // Its history stays (a few lines, their words left out, but for
        // why it is paused): it says where the relationship stood on an
        // earlier day.
        for event in &mut rel.events {
            if event.what != EventKind::Paused
                && let Some(note) = &mut event.note
            {
                note.clear();
            }
            if event.field.as_deref().is_some_and(Event::is_text_field) {
                for value in [&mut event.old, &mut event.new].into_iter().flatten() {
                    value.clear();
                }
            }
        }
        Brief {
            rel,
            tally,
            meetings,
        }
    }

    /// The tally as of `today`, when the brief can tell it: when an item it
    /// left out is dated after `today` (a report of the past), it cannot,
    /// and the whole relationship must be read.
    pub fn tally_on(&self, today: NaiveDate) -> Option<Tally> {
        self.tally.holds_on(today).then_some(self.tally)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::items::{Action, Advocacy, Goal, Waypoint};
    use crate::model::{ItemId, ItemKind, Role};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn id(s: &str, n: u32) -> CheckinId {
        CheckinId::new(day(s), n)
    }

    #[test]
    fn meetings_count_by_day_and_number() {
        let m = Meetings::of(&[
            id("2026-03-01", 2),
            id("2025-12-31", 1),
            id("2026-03-01", 1),
            id("2026-11-30", 1),
        ]);
        assert_eq!(m.len(), 4);
        assert_eq!(m.by(day("2025-12-30")), 0);
        assert_eq!(m.by(day("2025-12-31")), 1);
        assert_eq!(m.by(day("2026-03-01")), 3);
        assert_eq!(m.by(day("2026-11-26")), 3);
        assert_eq!(m.between(day("2025-12-31"), day("2026-11-26")), 2);
        assert_eq!(m.between(day("2026-12-01"), day("2026-11-26")), 0);
        assert_eq!(m.last_by(day("2026-11-26")), Some(id("2026-03-01", 2)));
        assert_eq!(m.last_by(day("2025-01-01")), None);
        assert_eq!(
            m.newest_by(day("2026-11-26"), 2),
            vec![id("2026-03-01", 1), id("2026-03-01", 2)]
        );
        assert_eq!(m.newest_by(day("2026-11-26"), 9).len(), 3);
    }

    #[test]
    fn keys_sort_as_ids_do_across_years_and_eras() {
        let ids = [
            id("-0001-12-31", 7),
            id("0000-01-01", 1),
            id("2024-02-29", 1),
            id("2024-02-29", 10),
            id("2024-03-01", 1),
            id("9999-12-31", crate::model::checkin::MAX_N),
        ];
        let mut ids = ids.to_vec();
        let tagged = |s: &str| CheckinId::parse(s).unwrap();
        ids.insert(4, tagged("2024-02-29-10-0000"));
        ids.insert(5, tagged("2024-02-29-10-zzzz"));
        ids.insert(6, tagged("2024-02-29-11-k3f9"));
        let keys: Vec<i64> = ids.iter().map(|i| key(*i)).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        for (k, i) in keys.iter().zip(&ids) {
            assert_eq!(id_of(*k), Some(*i));
        }
        let back = Meetings::from_keys(keys.clone()).unwrap();
        assert_eq!(back, Meetings::of(&ids));
        let mut unsorted = keys;
        unsorted.swap(0, 1);
        assert_eq!(Meetings::from_keys(unsorted), None);
        let foreign = Meetings::from_keys(vec![(400 << 40) | 1]).unwrap();
        assert_eq!((foreign.len(), foreign.last_by(NaiveDate::MAX)), (1, None));
    }

    fn rel() -> Relationship {
        let mut rel = Relationship::new("Ada".into(), Role::Sponsor, day("2024-01-01"));
        let goal = |n, achieved: Option<&str>, dropped: Option<&str>| Goal {
            id: ItemId::new(ItemKind::Goal, n),
            text: format!("goal {n}"),
            added: day("2024-01-01"),
            due: None,
            achieved: achieved.map(day),
            dropped: dropped.map(day),
            assessment: None,
            history: Vec::new(),
        };
        rel.goals = vec![
            goal(1, Some("2025-06-01"), None),
            goal(2, None, None),
            goal(3, None, Some("2025-01-01")),
        ];
        rel.waypoints = vec![Waypoint {
            id: ItemId::new(ItemKind::Waypoint, 1),
            text: "w".into(),
            due: day("2026-12-01"),
            added: day("2024-01-01"),
            reached: Some(day("2026-12-24")),
            dropped: None,
            history: Vec::new(),
        }];
        let action = |n, owner, done: Option<&str>| Action {
            id: ItemId::new(ItemKind::Action, n),
            text: format!("action {n}"),
            owner,
            added: day("2024-01-01"),
            due: None,
            done: done.map(day),
            dropped: None,
            checkin: None,
            history: Vec::new(),
        };
        rel.actions = vec![
            action(1, Owner::Them, Some("2026-02-01")),
            action(2, Owner::Them, None),
            action(3, Owner::Me, None),
        ];
        rel.advocacy = vec![Advocacy {
            id: ItemId::new(ItemKind::Advocacy, 1),
            text: "spoke up".into(),
            date: day("2026-10-01"),
            waypoint: None,
        }];
        rel
    }

    #[test]
    fn the_tally_counts_what_stood_on_its_day() {
        let t = Tally::of(&rel(), day("2026-11-26"));
        assert_eq!(t.goals, Progress { done: 1, live: 2 });
        // Reached on 2026-12-24: still open on 2026-11-26.
        assert_eq!(t.waypoints, Progress { done: 0, live: 1 });
        assert_eq!(t.their_actions, Progress { done: 1, live: 2 });
        assert_eq!(t.last_movement, Some(day("2026-02-01")));
        assert_eq!(t.last_advocacy, Some(day("2026-10-01")));
        assert_eq!(t.latest, Some(day("2026-12-24")));
        let later = Tally::of(&rel(), NaiveDate::MAX);
        assert_eq!(later.waypoints, Progress { done: 1, live: 1 });
        assert_eq!(later.last_movement, Some(day("2026-12-24")));
        // Before goal 1 was achieved and goal 3 dropped, and before an
        // action added later.
        let mut added_later = rel();
        added_later.actions[1].added = day("2025-03-01");
        let early = Tally::of(&added_later, day("2024-06-01"));
        assert_eq!(early.goals, Progress { done: 0, live: 3 });
        assert_eq!(early.their_actions, Progress { done: 0, live: 1 });
    }

    #[test]
    fn a_brief_keeps_what_is_open_and_tells_the_tally_only_when_it_can() {
        let whole = rel();
        let brief = Brief::of(whole.clone(), Meetings::default());
        assert_eq!(brief.rel.goals.len(), 1);
        assert_eq!(brief.rel.waypoints.len(), 0);
        assert_eq!(brief.rel.actions.len(), 2);
        assert!(brief.rel.advocacy.is_empty());
        assert_eq!(
            brief.tally_on(day("2026-12-24")),
            Some(Tally::of(&whole, day("2026-12-24")))
        );
        assert_eq!(
            brief.tally_on(day("2027-05-01")),
            Some(Tally::of(&whole, day("2027-05-01")))
        );
        // The waypoint was reached after this day: only the whole knows.
        assert_eq!(brief.tally_on(day("2026-11-26")), None);
    }
}
