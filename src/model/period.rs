//! A span of days, both ends included — the period a report covers — and
//! which of those days a relationship ran and was meant to meet.

use chrono::{Days, NaiveDate};

use super::cadence::Cadence;
use super::kind::Status;
use super::relationship::{Event, EventKind, Relationship};

/// Days from `since` to `until`, both included; never empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub since: NaiveDate,
    pub until: NaiveDate,
}

impl Period {
    /// `None` when `since` is after `until`.
    pub fn new(since: NaiveDate, until: NaiveDate) -> Option<Period> {
        (since <= until).then_some(Period { since, until })
    }

    /// The `days` days that end on `until` (at least that day).
    pub fn ending(until: NaiveDate, days: u32) -> Period {
        let back = u64::from(days.saturating_sub(1));
        let since = until
            .checked_sub_days(Days::new(back))
            .unwrap_or(NaiveDate::MIN);
        Period { since, until }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.since <= date && date <= self.until
    }

    /// How many days, both ends counted.
    pub fn days(self) -> i64 {
        (self.until - self.since).num_days() + 1
    }

    /// The days both periods hold, if any.
    pub fn overlap(self, other: Period) -> Option<Period> {
        Period::new(self.since.max(other.since), self.until.min(other.until))
    }

    /// The part of the period that has happened by `today`.
    pub fn through(self, today: NaiveDate) -> Option<Period> {
        Period::new(self.since, self.until.min(today))
    }
}

/// How many days of `within` the periods cover between them, each day
/// counted once however many periods hold it.
fn covered(periods: &[Period], within: Period) -> i64 {
    let mut parts: Vec<Period> = periods.iter().filter_map(|p| p.overlap(within)).collect();
    parts.sort_by_key(|p| p.since);
    let mut days = 0;
    let mut merged: Option<Period> = None;
    for part in parts {
        merged = match merged {
            Some(m) if part.since <= m.until => Some(Period {
                since: m.since,
                until: m.until.max(part.until),
            }),
            Some(m) => {
                days += m.days();
                Some(part)
            }
            None => Some(part),
        };
    }
    days + merged.map_or(0, Period::days)
}

/// Where a relationship's days went, as its history tells: from its start
/// to its end, less the days it was paused; and the days a snooze silenced
/// its cadence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Life {
    /// From the day it started to the day it ended (or the end of time).
    pub span: Period,
    /// From a pause to the day before it was resumed.
    pub paused: Vec<Period>,
    /// From the day of a snooze to its last day of quiet (or the next
    /// snooze, which replaces it).
    pub snoozed: Vec<Period>,
}

impl Life {
    /// Reads the relationship's history. Events are taken in date order,
    /// whatever order a hand edit left them in; a pause with no resume
    /// lasts while the relationship is not active.
    pub fn of(rel: &Relationship) -> Life {
        let mut events: Vec<&Event> = rel.events.iter().collect();
        events.sort_by_key(|e| e.date);
        let end = match rel.status {
            Status::Ended => rel.ending.as_ref().map(|e| e.date).or_else(|| {
                events
                    .iter()
                    .rev()
                    .find(|e| e.what == EventKind::Ended)
                    .map(|e| e.date)
            }),
            _ => None,
        };
        let span = Period {
            since: rel.started,
            until: end.unwrap_or(NaiveDate::MAX).max(rel.started),
        };

        let mut paused = Vec::new();
        let mut paused_since: Option<NaiveDate> = None;
        for event in &events {
            match event.what {
                EventKind::Paused if paused_since.is_none() => paused_since = Some(event.date),
                EventKind::Resumed => {
                    if let Some(since) = paused_since.take()
                        && let Some(until) = event.date.pred_opt()
                    {
                        paused.extend(Period::new(since, until));
                    }
                }
                _ => {}
            }
        }
        if let Some(since) = paused_since
            && rel.status != Status::Active
        {
            paused.push(Period {
                since,
                until: NaiveDate::MAX,
            });
        }

        let snoozes: Vec<&&Event> = events
            .iter()
            .filter(|e| e.what == EventKind::Snoozed)
            .collect();
        let mut snoozed = Vec::new();
        for (n, event) in snoozes.iter().enumerate() {
            let Some(mut until) = event.until else {
                continue;
            };
            if let Some(next) = snoozes.get(n + 1).and_then(|e| e.date.pred_opt()) {
                until = until.min(next);
            }
            snoozed.extend(Period::new(event.date, until));
        }
        Life {
            span,
            paused,
            snoozed,
        }
    }

    /// The days of `period` the relationship ran: started, not yet ended,
    /// not paused.
    pub fn running_days(&self, period: Period) -> i64 {
        self.span
            .overlap(period)
            .map_or(0, |within| within.days() - covered(&self.paused, within))
    }

    /// The days of `period` the relationship was meant to meet: running
    /// and not snoozed.
    pub fn meeting_days(&self, period: Period) -> i64 {
        let Some(within) = self.span.overlap(period) else {
            return 0;
        };
        let quiet: Vec<Period> = self.paused.iter().chain(&self.snoozed).copied().collect();
        within.days() - covered(&quiet, within)
    }
}

/// Check-ins a cadence implies over so many days of meeting: one for
/// every full cadence (the way a check-in falls due once the cadence has
/// passed), months counted as 30 days.
pub fn expected_checkins(cadence: &Cadence, days: i64) -> u32 {
    let every = i64::from(cadence.approx_days().max(1));
    u32::try_from(days.max(0) / every).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;
    use crate::model::date::parse_iso;
    use crate::model::relationship::EndResult;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn p(since: &str, until: &str) -> Period {
        Period::new(d(since), d(until)).unwrap()
    }

    #[test]
    fn periods_include_both_ends() {
        let q = p("2026-07-01", "2026-09-30");
        assert_eq!(q.days(), 92);
        assert!(q.contains(d("2026-07-01")) && q.contains(d("2026-09-30")));
        assert!(!q.contains(d("2026-06-30")) && !q.contains(d("2026-10-01")));
        assert_eq!(
            Period::ending(d("2026-11-26"), 90),
            p("2026-08-29", "2026-11-26")
        );
        assert_eq!(Period::ending(d("2026-11-26"), 90).days(), 90);
        assert_eq!(Period::ending(d("2026-11-26"), 0).days(), 1);
        assert!(Period::new(d("2026-11-27"), d("2026-11-26")).is_none());
        assert_eq!(
            q.through(d("2026-08-01")),
            Some(p("2026-07-01", "2026-08-01"))
        );
        assert_eq!(q.through(d("2026-06-01")), None);
    }

    #[test]
    fn overlapping_quiet_days_count_once() {
        let within = p("2026-01-01", "2026-01-31");
        let quiet = [
            p("2026-01-05", "2026-01-10"),
            p("2026-01-08", "2026-01-12"),
            p("2026-01-13", "2026-01-13"),
            p("2025-12-01", "2026-01-02"),
            p("2026-01-30", "2026-03-01"),
        ];
        // 5–13 (9 days), 1–2 (2), 30–31 (2)
        assert_eq!(covered(&quiet, within), 13);
        assert_eq!(covered(&[], within), 0);
    }

    fn rel() -> Relationship {
        let mut rel = Relationship::new("Ada".into(), Role::Mentor, d("2026-07-01"));
        rel.cadence = Some("biweekly".parse().unwrap());
        rel
    }

    #[test]
    fn pauses_and_snoozes_take_days_out() {
        let mut rel = rel();
        rel.pause(d("2026-08-01"), None).unwrap();
        rel.resume(d("2026-08-11"), None).unwrap();
        rel.snooze(Some(d("2026-09-10")), d("2026-09-01")).unwrap();
        let life = Life::of(&rel);
        assert_eq!(life.paused, [p("2026-08-01", "2026-08-10")]);
        assert_eq!(life.snoozed, [p("2026-09-01", "2026-09-10")]);
        let q = p("2026-07-01", "2026-09-30");
        assert_eq!(life.running_days(q), 92 - 10);
        assert_eq!(life.meeting_days(q), 92 - 20);
        // Before it started, nothing ran.
        assert_eq!(life.running_days(p("2026-01-01", "2026-06-30")), 0);
    }

    #[test]
    fn a_later_snooze_replaces_an_earlier_one() {
        let mut rel = rel();
        rel.snooze(Some(d("2026-09-30")), d("2026-09-01")).unwrap();
        rel.snooze(None, d("2026-09-05")).unwrap();
        assert_eq!(Life::of(&rel).snoozed, [p("2026-09-01", "2026-09-04")]);
    }

    #[test]
    fn an_ending_closes_the_span_and_an_open_pause_runs_to_it() {
        let mut rel = rel();
        rel.pause(d("2026-09-01"), None).unwrap();
        rel.end(d("2026-09-20"), EndResult::Completed, None, &[])
            .unwrap();
        let life = Life::of(&rel);
        assert_eq!(life.span, p("2026-07-01", "2026-09-20"));
        assert_eq!(life.running_days(p("2026-09-01", "2026-12-31")), 0);
        assert_eq!(life.running_days(p("2026-08-30", "2026-12-31")), 2);
    }

    #[test]
    fn events_out_of_order_are_read_in_date_order() {
        let mut rel = rel();
        rel.pause(d("2026-08-01"), None).unwrap();
        rel.resume(d("2026-08-11"), None).unwrap();
        rel.events.reverse();
        assert_eq!(Life::of(&rel).paused, [p("2026-08-01", "2026-08-10")]);
    }

    #[test]
    fn one_checkin_is_expected_per_full_cadence() {
        let biweekly: Cadence = "biweekly".parse().unwrap();
        let monthly: Cadence = "monthly".parse().unwrap();
        assert_eq!(expected_checkins(&biweekly, 90), 6);
        assert_eq!(expected_checkins(&biweekly, 13), 0);
        assert_eq!(expected_checkins(&monthly, 92), 3);
        assert_eq!(expected_checkins(&monthly, 365), 12);
        assert_eq!(expected_checkins(&monthly, -5), 0);
    }
}
