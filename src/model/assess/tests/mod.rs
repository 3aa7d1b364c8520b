//! The assessment, case by case: timing, the four understandings, health,
//! drift and every attention rule, all as of a fixed day.

use super::*;
use crate::model::cadence::Cadence;
use crate::model::checkin::CheckinId;
use crate::model::date::parse_iso;
use crate::model::id::{ItemId, ItemKind};
use crate::model::items::{Advocacy, NewAction, find};
use crate::model::kind::{Kind, Owner, Role};
use crate::model::relationship::Agreement;

/// The day most cases are assessed on (a Thursday).
const TODAY: &str = "2026-11-26";

fn day(s: &str) -> NaiveDate {
    parse_iso(s).unwrap()
}

/// One relationship, its check-ins and the day it is assessed on.
struct Case {
    handle: Handle,
    rel: Relationship,
    checkins: Vec<CheckinId>,
    recent: Vec<CheckIn>,
    today: NaiveDate,
    settings: Settings,
}

impl Case {
    /// Nothing but the essentials: no cadence, no agreement, no goals,
    /// started 2026-09-01.
    fn bare(role: Role) -> Case {
        Case {
            handle: Handle::parse("ada").unwrap(),
            rel: Relationship::new("Ada Lovelace".into(), role, day("2026-09-01")),
            checkins: Vec::new(),
            recent: Vec::new(),
            today: day(TODAY),
            settings: Settings::default(),
        }
    }

    /// Everything recorded and nothing late: all four understandings met.
    /// Started and agreed 2026-09-01, biweekly, reviewed 2026-11-01, met on
    /// 2026-11-05 and 2026-11-19 (where my action a1 was closed), their
    /// action a2 open since then.
    fn healthy(role: Role) -> Case {
        let mut case = Case::bare(role).cadence("biweekly");
        let start = day("2026-09-01");
        let rel = &mut case.rel;
        rel.agreement = Some(Agreement {
            date: start,
            how: Some("an hour every other Tuesday".into()),
        });
        rel.purpose = Some("grow into a staff engineer".into());
        rel.their_aims = Some("practice explaining their work".into());
        rel.reviewed = Some(day("2026-11-01"));
        rel.add_goal("Lead a design review".into(), start, None);
        let mine = rel.add_action(
            action("Send the reading list", Owner::Me),
            day("2026-11-05"),
            None,
        );
        rel.close_action(mine, day("2026-11-19")).unwrap();
        rel.add_action(
            action("Draft the proposal", Owner::Them),
            day("2026-11-19"),
            None,
        );
        match rel.kind {
            Kind::Sponsoring => {
                rel.destination = Some("staff engineer by Q3".into());
                rel.why = Some("she already works at the next level".into());
                rel.opted_in = Some(start);
                rel.add_waypoint("Own the platform roadmap".into(), day("2027-03-01"), start);
                case = case.advocated("2026-11-10");
            }
            Kind::ReverseMentoring => {
                rel.topic = Some("how teams use generative AI".into());
                rel.why = Some("she built the eval harness everyone uses".into());
                rel.until = Some(day("2027-03-01"));
                rel.sessions = Some(10);
            }
            Kind::Mentoring => {}
        }
        case.meetings(&["2026-11-05", "2026-11-19"])
    }

    fn on(mut self, today: &str) -> Case {
        self.today = day(today);
        self
    }

    fn cadence(mut self, cadence: &str) -> Case {
        self.rel.cadence = Some(cadence.parse::<Cadence>().unwrap());
        self
    }

    fn no_cadence(mut self) -> Case {
        self.rel.cadence = None;
        self
    }

    /// Started, and agreed, on this day.
    fn started(mut self, date: &str) -> Case {
        self.rel.started = day(date);
        if let Some(agreement) = &mut self.rel.agreement {
            agreement.date = day(date);
        }
        self
    }

    /// The check-ins on file (by name only), replacing any there were.
    fn meetings(mut self, dates: &[&str]) -> Case {
        self.checkins.clear();
        self.recent.clear();
        for date in dates {
            self.add_id(day(date));
        }
        self
    }

    /// One more check-in, loaded as well as named. A review stamps the
    /// relationship, as recording one does.
    fn loaded(mut self, checkin: CheckIn) -> Case {
        if checkin.review {
            self.rel.reviewed = self.rel.reviewed.max(Some(checkin.date));
        }
        self.add_id(checkin.date);
        self.recent.push(checkin);
        self.recent.sort_by_key(|c| c.date);
        self
    }

    fn add_id(&mut self, date: NaiveDate) {
        let n = self.checkins.iter().filter(|c| c.date == date).count() as u32 + 1;
        self.checkins.push(CheckinId::new(date, n));
        self.checkins.sort();
    }

    fn advocated(mut self, date: &str) -> Case {
        let id = self.rel.next_id(ItemKind::Advocacy);
        self.rel.advocacy.push(Advocacy {
            id,
            date: day(date),
            text: "put her name forward for the platform lead".into(),
            waypoint: None,
        });
        self
    }

    fn with(mut self, change: impl FnOnce(&mut Relationship)) -> Case {
        change(&mut self.rel);
        self
    }

    /// The assessment of the whole relationship, checked against the one
    /// an overview makes from its brief whenever the brief can stand for
    /// the day.
    fn assess(&self) -> Assessment {
        let meetings = Meetings::of(&self.checkins);
        let held: Vec<&CheckIn> = self
            .recent
            .iter()
            .filter(|c| c.date <= self.today)
            .collect();
        let last = held.last().copied();
        let review = last_review(
            &self.rel,
            self.today,
            held.iter().rev().map(|c| (*c).clone()),
        );
        let whole = Snapshot::whole(&self.handle, &self.rel, &meetings, last, review, self.today);
        let assessment = assess(&whole, self.today, &self.settings);
        let brief = Brief::of(self.rel.clone(), meetings.clone());
        if let Some(snap) = Snapshot::brief(&self.handle, &brief, last, review, self.today) {
            let from_brief = assess(&snap, self.today, &self.settings);
            assert_eq!(format!("{from_brief:?}"), format!("{assessment:?}"));
        }
        // Every colour is explained: an active relationship that is not
        // green has a need that says why; a green one has only heads-ups.
        if self.rel.status == Status::Active {
            let reasons = assessment
                .attention
                .iter()
                .filter(|i| !i.need.is_informational())
                .count();
            assert_eq!(
                assessment.health != Health::Green,
                reasons > 0,
                "{:?} with {:#?}",
                assessment.health,
                assessment.attention
            );
        }
        // Every need is the relationship's own.
        assert!(
            assessment.attention.iter().all(|i| i.handle == self.handle),
            "{:#?}",
            assessment.attention
        );
        assessment
    }
}

fn action(text: &str, owner: Owner) -> NewAction {
    NewAction {
        id: None,
        text: text.into(),
        owner,
        due: None,
    }
}

fn checkin(date: &str) -> CheckIn {
    CheckIn::new(day(date))
}

fn planning(date: &str, next: &str) -> CheckIn {
    CheckIn {
        next: Some(day(next)),
        ..checkin(date)
    }
}

fn review(date: &str) -> CheckIn {
    CheckIn {
        review: true,
        ..checkin(date)
    }
}

fn id(s: &str) -> ItemId {
    s.parse().unwrap()
}

fn every(cadence: &str) -> Cadence {
    cadence.parse().unwrap()
}

/// A fact that holds.
fn holds(what: What) -> Fact {
    Fact { ok: true, what }
}

/// A fact that is missing or late.
fn lacks(what: What) -> Fact {
    Fact { ok: false, what }
}

/// The facts behind one understanding.
fn facts(a: &Assessment, which: Which) -> &[Fact] {
    &a.understanding(which).facts
}

/// The keys of the facts behind one understanding.
fn fact_keys(a: &Assessment, which: Which) -> Vec<&'static str> {
    facts(a, which).iter().map(Fact::key).collect()
}

/// The first fact of an understanding with this key.
fn fact<'a>(a: &'a Assessment, which: Which, key: &str) -> &'a Fact {
    let u = a.understanding(which);
    u.facts
        .iter()
        .find(|f| f.key() == key)
        .unwrap_or_else(|| panic!("no fact {key:?} in {:#?}", u.facts))
}

fn level(a: &Assessment, which: Which) -> Level {
    a.understanding(which).level
}

/// The needs on the attention list, in its order.
fn needs(a: &Assessment) -> Vec<Need> {
    a.attention.iter().map(|i| i.need.clone()).collect()
}

/// The first attention item with this key.
fn item<'a>(a: &'a Assessment, key: &str) -> &'a Attention {
    a.attention
        .iter()
        .find(|i| i.need.key() == key)
        .unwrap_or_else(|| panic!("no attention item {key:?} in {:#?}", needs(a)))
}

fn has_item(a: &Assessment, key: &str) -> bool {
    a.attention.iter().any(|i| i.need.key() == key)
}

mod attention;
mod judgement;
mod timing;
mod understandings;
