//! What one relationship did in a period — the check-ins held against what
//! its cadence implies, the items that moved, the changes to the
//! relationship itself — and the totals across the journal.

use chrono::NaiveDate;
use serde::Serialize;

use super::cadence::Cadence;
use super::checkin::{CheckIn, CheckinId};
use super::handle::Handle;
use super::id::ItemId;
use super::items::{Action, Advocacy, Goal, Growth, Item, Strength, Verdict, Waypoint};
use super::kind::Owner;
use super::period::{Life, Period, expected_checkins};
use super::relationship::{Ending, Event, Relationship};
use super::replan::Revision;

/// One relationship over a period.
pub struct Activity<'a> {
    pub handle: &'a Handle,
    pub rel: &'a Relationship,
    /// It ran (started, not ended, not paused) on at least one day.
    pub running: bool,
    /// It started within the period.
    pub started: bool,
    /// The check-ins held, oldest first.
    pub checkins: Vec<CheckinId>,
    /// What its cadence implies, the cadence in force on each day judging
    /// that day; `None` when it had no cadence on any day of the period.
    pub expected: Option<Expected>,
    /// The meetings that agreed course corrections or reviewed the
    /// relationship (those that could be read), in date order.
    pub corrections: Vec<Correction>,
    /// The ratings of the check-ins held (those that could be read), in
    /// date order.
    pub ratings: Vec<u8>,
    pub waypoints_reached: Vec<&'a Waypoint>,
    pub waypoints_dropped: Vec<&'a Waypoint>,
    pub goals_achieved: Vec<&'a Goal>,
    pub goals_dropped: Vec<&'a Goal>,
    /// Goals given a final verdict other than achieved when the
    /// relationship ended in the period (an achieved one is achieved).
    pub goals_assessed: Vec<&'a Goal>,
    /// The closing conversation, when it happened in the period.
    pub ending: Option<&'a Ending>,
    pub actions_opened: Vec<&'a Action>,
    pub actions_closed: Vec<&'a Action>,
    pub actions_dropped: Vec<&'a Action>,
    pub advocacy: Vec<&'a Advocacy>,
    /// Strengths added, not counting the ones a growth area became.
    pub strengths: Vec<&'a Strength>,
    /// Growth areas that became strengths.
    pub promoted: Vec<&'a Growth>,
    /// Paused, resumed, snoozed, ended, evolved, changed: in date order.
    pub events: Vec<&'a Event>,
    /// Goals, waypoints and actions moved, renamed or reopened, with the
    /// item's text: in date order.
    pub replanned: Vec<(ItemId, &'a str, &'a Revision)>,
}

/// The check-ins a cadence implies over the days a relationship was meant
/// to meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub count: u32,
    /// The cadence at the end of the period.
    pub cadence: Cadence,
    /// Every cadence in force during the period, oldest first (one, unless
    /// `rel set --cadence` changed it).
    pub cadences: Vec<Cadence>,
    /// Days of the period it ran, was not snoozed and had a cadence.
    pub days: i64,
}

/// A meeting that reviewed the relationship or agreed course corrections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub date: NaiveDate,
    /// It reviewed the relationship itself.
    pub review: bool,
    /// The course corrections agreed (`--change`).
    pub changes: Vec<String>,
}

impl<'a> Activity<'a> {
    /// `checkins` are the ids of the check-ins held in `period`; `read`
    /// the ones among them that could be read, oldest first.
    pub fn of(
        handle: &'a Handle,
        rel: &'a Relationship,
        period: Period,
        checkins: Vec<CheckinId>,
        read: &[CheckIn],
    ) -> Activity<'a> {
        let life = Life::of(rel);
        let expected = expected(rel, &life, period);
        let corrections = read
            .iter()
            .filter(|c| period.contains(c.date) && (c.review || !c.changes.is_empty()))
            .map(|c| Correction {
                date: c.date,
                review: c.review,
                changes: c.changes.clone(),
            })
            .collect();
        let ending = rel.ending.as_ref().filter(|e| period.contains(e.date));
        let goals_assessed = match ending {
            Some(_) => rel
                .goals
                .iter()
                .filter(|g| g.assessment.is_some_and(|v| v != Verdict::Achieved))
                .collect(),
            None => Vec::new(),
        };
        let strengths = within(&rel.strengths, period, |s| {
            s.from.is_none().then_some(s.added)
        });
        let mut events: Vec<&Event> = rel
            .events
            .iter()
            .filter(|e| period.contains(e.date))
            .collect();
        events.sort_by_key(|e| e.date);
        Activity {
            handle,
            rel,
            running: life.running_days(period) > 0,
            started: period.contains(rel.started),
            checkins,
            expected,
            corrections,
            ratings: read
                .iter()
                .filter_map(|c| c.rating.map(|r| r.get()))
                .collect(),
            waypoints_reached: within(&rel.waypoints, period, |w| w.reached),
            waypoints_dropped: within(&rel.waypoints, period, |w| w.dropped),
            goals_achieved: within(&rel.goals, period, |g| g.achieved),
            goals_dropped: within(&rel.goals, period, |g| g.dropped),
            goals_assessed,
            ending,
            actions_opened: within(&rel.actions, period, |a| Some(a.added)),
            actions_closed: within(&rel.actions, period, |a| a.done),
            actions_dropped: within(&rel.actions, period, |a| a.dropped),
            advocacy: within(&rel.advocacy, period, |v| Some(v.date)),
            strengths,
            promoted: within(&rel.growth, period, |c| c.promoted),
            events,
            replanned: rel
                .revisions()
                .into_iter()
                .filter(|(_, _, r)| period.contains(r.date))
                .collect(),
        }
    }

    /// Nothing at all happened in the period.
    pub fn is_quiet(&self) -> bool {
        !self.started
            && self.checkins.is_empty()
            && self.ending.is_none()
            && self.events.is_empty()
            && self.replanned.is_empty()
            && self.waypoints_reached.is_empty()
            && self.waypoints_dropped.is_empty()
            && self.goals_achieved.is_empty()
            && self.goals_dropped.is_empty()
            && self.actions_opened.is_empty()
            && self.actions_closed.is_empty()
            && self.actions_dropped.is_empty()
            && self.advocacy.is_empty()
            && self.strengths.is_empty()
            && self.promoted.is_empty()
    }

    /// Belongs in a report of the whole journal: it ran in the period, or
    /// something happened in it anyway.
    pub fn belongs(&self) -> bool {
        self.running || !self.is_quiet()
    }

    pub fn average_rating(&self) -> Option<f64> {
        average(
            self.ratings.iter().map(|r| u32::from(*r)).sum(),
            self.ratings.len(),
        )
    }
}

/// The check-ins expected over a period: each stretch of days with one
/// cadence in force (as `rel set --cadence` changed it) expects what that
/// cadence implies over the days of it the relationship was meant to meet.
fn expected(rel: &Relationship, life: &Life, period: Period) -> Option<Expected> {
    let mut stretches: Vec<(Period, Option<Cadence>)> = Vec::new();
    let mut day = period.since;
    loop {
        let cadence = rel.cadence_on(day);
        // The stretch runs to the day before the cadence next changes.
        let next_change = rel
            .events
            .iter()
            .filter(|e| e.date > day && e.date <= period.until && e.changed("cadence").is_some())
            .map(|e| e.date)
            .min();
        let until = next_change
            .and_then(|d| d.pred_opt())
            .unwrap_or(period.until);
        stretches.push((Period { since: day, until }, cadence));
        match next_change {
            Some(next) => day = next,
            None => break,
        }
    }
    let mut count = 0u32;
    let mut days = 0;
    let mut cadences: Vec<Cadence> = Vec::new();
    for (stretch, cadence) in stretches {
        let Some(cadence) = cadence else { continue };
        let meeting = life.meeting_days(stretch);
        count = count.saturating_add(expected_checkins(&cadence, meeting));
        days += meeting;
        if cadences
            .last()
            .is_none_or(|last| last.to_string() != cadence.to_string())
        {
            cadences.push(cadence);
        }
    }
    let cadence = cadences.last()?.clone();
    Some(Expected {
        count,
        cadence,
        cadences,
        days,
    })
}

/// The items dated within the period, by `date`, in date order (then id).
fn within<T>(items: &[T], period: Period, date: impl Fn(&T) -> Option<NaiveDate>) -> Vec<&T>
where
    T: Item,
{
    let mut found: Vec<(NaiveDate, &T)> = items
        .iter()
        .filter_map(|item| {
            date(item)
                .filter(|d| period.contains(*d))
                .map(|d| (d, item))
        })
        .collect();
    found.sort_by_key(|(d, item)| (*d, item.id()));
    found.into_iter().map(|(_, item)| item).collect()
}

fn average(sum: u32, count: usize) -> Option<f64> {
    (count > 0).then(|| f64::from(sum) / count as f64)
}

/// Actions counted by whose they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ByOwner {
    pub mine: usize,
    pub theirs: usize,
}

impl ByOwner {
    pub fn of(actions: &[&Action]) -> ByOwner {
        let mine = actions.iter().filter(|a| a.owner == Owner::Me).count();
        ByOwner {
            mine,
            theirs: actions.len() - mine,
        }
    }

    pub fn total(self) -> usize {
        self.mine + self.theirs
    }

    fn add(&mut self, other: ByOwner) {
        self.mine += other.mine;
        self.theirs += other.theirs;
    }
}

/// The period across the journal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub relationships: usize,
    pub started: usize,
    pub ended: usize,
    /// Relationships with nothing in the period.
    pub quiet: usize,
    pub checkins: usize,
    /// Summed over the relationships with a cadence.
    pub expected: u32,
    /// Relationships without a cadence, which expect no check-ins.
    pub without_cadence: usize,
    pub rated: usize,
    pub average_rating: Option<f64>,
    pub waypoints_reached: usize,
    pub waypoints_dropped: usize,
    pub goals_achieved: usize,
    pub goals_dropped: usize,
    pub actions_opened: ByOwner,
    pub actions_closed: ByOwner,
    pub actions_dropped: ByOwner,
    pub advocacy: usize,
    pub strengths: usize,
    pub promoted: usize,
}

impl Totals {
    pub fn of(activities: &[Activity<'_>]) -> Totals {
        let mut t = Totals::default();
        let mut rating_sum = 0;
        for a in activities {
            t.relationships += 1;
            t.started += usize::from(a.started);
            t.ended += usize::from(a.ending.is_some());
            t.quiet += usize::from(a.is_quiet());
            t.checkins += a.checkins.len();
            match &a.expected {
                Some(e) => t.expected = t.expected.saturating_add(e.count),
                None => t.without_cadence += 1,
            }
            t.rated += a.ratings.len();
            rating_sum += a.ratings.iter().map(|r| u32::from(*r)).sum::<u32>();
            t.waypoints_reached += a.waypoints_reached.len();
            t.waypoints_dropped += a.waypoints_dropped.len();
            t.goals_achieved += a.goals_achieved.len();
            t.goals_dropped += a.goals_dropped.len();
            t.actions_opened.add(ByOwner::of(&a.actions_opened));
            t.actions_closed.add(ByOwner::of(&a.actions_closed));
            t.actions_dropped.add(ByOwner::of(&a.actions_dropped));
            t.advocacy += a.advocacy.len();
            t.strengths += a.strengths.len();
            t.promoted += a.promoted.len();
        }
        t.average_rating = average(rating_sum, t.rated);
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ItemId;
    use crate::model::Role;
    use crate::model::date::parse_iso;
    use crate::model::items::{Closing, NewAction};
    use crate::model::relationship::EndResult;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn action(rel: &mut Relationship, text: &str, owner: Owner, added: &str) -> ItemId {
        let new = NewAction {
            id: None,
            text: text.into(),
            owner,
            due: None,
        };
        rel.add_action(new, d(added), None)
    }

    #[test]
    fn items_count_when_dated_inside_the_period_both_ends_included() {
        let handle = Handle::parse("ada").unwrap();
        let mut rel = Relationship::new("Ada".into(), Role::Mentor, d("2026-01-01"));
        rel.cadence = Some("biweekly".parse().unwrap());
        let a1 = action(&mut rel, "on the first day", Owner::Me, "2026-07-01");
        let a2 = action(&mut rel, "the day before", Owner::Them, "2026-06-30");
        action(&mut rel, "on the last day", Owner::Them, "2026-09-30");
        action(&mut rel, "the day after", Owner::Me, "2026-10-01");
        rel.close(a1, Closing::Done, d("2026-09-30")).unwrap();
        rel.close(a2, Closing::Dropped, d("2026-07-01")).unwrap();
        let g1 = rel.add_goal("grow".into(), d("2026-01-01"), None);
        let g2 = rel.add_goal("lead".into(), d("2026-01-01"), None);
        rel.close(g1, Closing::Done, d("2026-10-01")).unwrap();
        rel.end(
            d("2026-09-30"),
            EndResult::Completed,
            None,
            &[(g2, Verdict::Partly)],
        )
        .unwrap();

        let period = Period::new(d("2026-07-01"), d("2026-09-30")).unwrap();
        let a = Activity::of(&handle, &rel, period, Vec::new(), &[]);
        let ids = |list: &[&Action]| list.iter().map(|a| a.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&a.actions_opened), ["a1", "a3"]);
        assert_eq!(ids(&a.actions_closed), ["a1"]);
        assert_eq!(ids(&a.actions_dropped), ["a2"]);
        assert_eq!(
            ByOwner::of(&a.actions_opened),
            ByOwner { mine: 1, theirs: 1 }
        );
        assert!(a.goals_achieved.is_empty());
        assert_eq!(a.goals_assessed.len(), 1);
        assert!(a.ending.is_some());
        assert!(a.running && !a.started && !a.is_quiet());
        // 92 days, biweekly: six full cadences.
        assert_eq!(a.expected.map(|e| e.count), Some(6));

        let later = Period::new(d("2026-10-02"), d("2026-12-31")).unwrap();
        let a = Activity::of(&handle, &rel, later, Vec::new(), &[]);
        assert!(a.is_quiet() && !a.running && !a.belongs());
        assert_eq!(a.expected.map(|e| e.count), Some(0));
    }

    #[test]
    fn totals_add_up_and_average_every_rating() {
        let handle = Handle::parse("ada").unwrap();
        let rel = Relationship::new("Ada".into(), Role::Mentor, d("2026-07-15"));
        let period = Period::new(d("2026-07-01"), d("2026-09-30")).unwrap();
        let mut c1 = CheckIn::new(d("2026-07-20"));
        c1.rating = "5".parse().ok();
        let mut c2 = CheckIn::new(d("2026-08-20"));
        c2.rating = "2".parse().ok();
        let ids = vec![
            CheckinId::new(d("2026-07-20"), 1),
            CheckinId::new(d("2026-08-20"), 1),
        ];
        let a = Activity::of(&handle, &rel, period, ids, &[c1, c2]);
        assert_eq!(a.ratings, [5, 2]);
        assert!(a.started && a.expected.is_none());
        let b = Activity::of(&handle, &rel, period, Vec::new(), &[]);
        let t = Totals::of(&[a, b]);
        assert_eq!((t.relationships, t.checkins, t.rated), (2, 2, 2));
        assert_eq!((t.started, t.without_cadence, t.quiet), (2, 2, 0));
        assert_eq!(t.average_rating, Some(3.5));
    }
}
