//! The assessment, case by case: timing, the four understandings, health,
//! drift and every attention rule, all as of a fixed day.

use super::*;
use crate::model::cadence::Cadence;
use crate::model::date::parse_iso;
use crate::model::id::ItemKind;
use crate::model::items::{Advocacy, NewAction, find};
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

    /// One more check-in, loaded as well as named.
    fn loaded(mut self, checkin: CheckIn) -> Case {
        self.add_id(checkin.date);
        self.recent.push(checkin);
        self.recent.sort_by_key(|c| c.date);
        self
    }

    fn add_id(&mut self, date: NaiveDate) {
        let n = self.checkins.iter().filter(|c| c.date == date).count() as u32 + 1;
        self.checkins.push(CheckinId { date, n });
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

    fn assess(&self) -> Assessment {
        assess(
            &Snapshot {
                handle: &self.handle,
                rel: &self.rel,
                checkins: &self.checkins,
                recent: &self.recent,
            },
            self.today,
            &self.settings,
        )
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

/// The facts behind one understanding, as (holds, text).
fn facts(a: &Assessment, which: Which) -> Vec<(bool, String)> {
    a.understanding(which)
        .facts
        .iter()
        .map(|f| (f.ok, f.text.clone()))
        .collect()
}

/// The first fact of an understanding whose text starts with `start`.
fn fact<'a>(a: &'a Assessment, which: Which, start: &str) -> &'a Fact {
    let u = a.understanding(which);
    u.facts
        .iter()
        .find(|f| f.text.starts_with(start))
        .unwrap_or_else(|| panic!("no fact starting {start:?} in {:#?}", u.facts))
}

fn level(a: &Assessment, which: Which) -> Level {
    a.understanding(which).level
}

fn messages(a: &Assessment) -> Vec<String> {
    a.attention.iter().map(|i| i.message.clone()).collect()
}

/// The attention item whose message starts with `start`.
fn item<'a>(a: &'a Assessment, start: &str) -> &'a Attention {
    a.attention
        .iter()
        .find(|i| i.message.starts_with(start))
        .unwrap_or_else(|| panic!("no attention item starting {start:?} in {:#?}", messages(a)))
}

fn has_item(a: &Assessment, start: &str) -> bool {
    a.attention.iter().any(|i| i.message.starts_with(start))
}

fn fix(item: &Attention) -> &str {
    item.fix.as_deref().unwrap_or("")
}

// ---------------------------------------------------------------------------
// The baseline: a healthy relationship of every kind and role.

#[test]
fn a_healthy_relationship_of_every_role_is_green_and_asks_for_nothing() {
    for role in [
        Role::Mentor,
        Role::Mentee,
        Role::Sponsor,
        Role::Protege,
        Role::Learner,
        Role::Expert,
    ] {
        let a = Case::healthy(role).assess();
        for which in Which::ALL {
            assert_eq!(level(&a, which), Level::Met, "{role:?} {which:?}: {a:#?}");
        }
        assert_eq!(a.health, Health::Green, "{role:?}");
        assert_eq!(a.timing, Timing::OnTrack, "{role:?}");
        assert!(a.attention.is_empty(), "{role:?}: {:?}", messages(&a));
    }
}

#[test]
fn a_healthy_mentoring_says_why_each_understanding_is_met() {
    let a = Case::healthy(Role::Mentor).assess();
    let all_ok = |texts: &[&str]| {
        texts
            .iter()
            .map(|t| (true, t.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        facts(&a, Which::Want),
        all_ok(&["purpose recorded", "1 goal (0 achieved)"])
    );
    assert_eq!(
        facts(&a, Which::How),
        all_ok(&["agreed on 2026-09-01", "meeting biweekly"])
    );
    assert_eq!(
        facts(&a, Which::Where),
        all_ok(&[
            "last check-in 7 days ago",
            "relationship reviewed 25 days ago"
        ])
    );
    assert_eq!(
        facts(&a, Which::Them),
        all_ok(&["their aims recorded", "1 action of theirs open, 0 done"])
    );
    assert!(
        a.understandings
            .iter()
            .flat_map(|u| &u.facts)
            .all(|f| f.fix.is_none()),
        "a fact that holds needs no fix"
    );
    assert_eq!(a.last_checkin, Some(day("2026-11-19")));
    assert_eq!(a.held, 2);
    assert_eq!(a.next_due, Some(day("2026-12-03")));
    assert_eq!(a.last_review, Some(day("2026-11-01")));
    assert_eq!(a.meetings_since_movement, 0);
}

#[test]
fn a_healthy_sponsorship_as_sponsor_counts_destination_waypoints_opt_in_and_advocacy() {
    let a = Case::healthy(Role::Sponsor).assess();
    let texts = |which| {
        facts(&a, which)
            .into_iter()
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        texts(Which::Want),
        [
            "purpose recorded",
            "destination: staff engineer by Q3",
            "why this protégé is recorded",
            "1 goal (0 achieved)"
        ]
    );
    assert_eq!(
        texts(Which::How),
        [
            "agreed on 2026-09-01",
            "meeting biweekly",
            "0 of 1 waypoint reached"
        ]
    );
    assert_eq!(
        texts(Which::Where),
        [
            "last check-in 7 days ago",
            "no waypoint overdue",
            "relationship reviewed 25 days ago"
        ]
    );
    assert_eq!(
        texts(Which::Them),
        [
            "their aims recorded",
            "opted in on 2026-09-01",
            "last act of advocacy 16 days ago",
            "1 action of theirs open, 0 done"
        ]
    );
}

#[test]
fn a_protege_is_not_asked_about_advocacy() {
    let a = Case::healthy(Role::Protege)
        .with(|r| r.advocacy.clear())
        .assess();
    assert!(
        !facts(&a, Which::Them)
            .iter()
            .any(|(_, t)| t.contains("advocacy")),
        "{a:#?}"
    );
    assert!(!messages(&a).iter().any(|m| m.contains("advocacy")));
    assert_eq!(a.health, Health::Green);
}

#[test]
fn a_healthy_reverse_mentoring_names_its_topic_and_time_box() {
    let a = Case::healthy(Role::Learner).assess();
    assert_eq!(
        fact(&a, Which::Want, "topic").text,
        "topic: how teams use generative AI"
    );
    assert_eq!(
        fact(&a, Which::How, "time-boxed").text,
        "time-boxed until 2027-03-01, 10 sessions"
    );
}

// ---------------------------------------------------------------------------
// Timing: the cadence counts from the last check-in actually held.

#[test]
fn on_track_while_the_cadence_has_not_passed() {
    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-13"])
        .assess();
    assert_eq!(a.timing, Timing::OnTrack);
    assert_eq!(a.next_due, Some(day("2026-11-27")));
    assert_eq!(level(&a, Which::Where), Level::Met);
}

#[test]
fn due_exactly_when_the_cadence_has_passed_since_the_last_checkin() {
    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-12"])
        .assess();
    assert_eq!(a.timing, Timing::Due { days_late: 0 });
    assert_eq!(a.next_due, Some(day("2026-11-26")));
    let due = item(&a, "check-in due");
    assert_eq!(
        due.message,
        "check-in due: the last was 14 days ago (cadence biweekly)"
    );
    assert_eq!(due.urgency, 60);
    assert_eq!(fix(due), "rel checkin ada");
    let meeting = fact(&a, Which::Where, "last check-in");
    assert!(!meeting.ok);
    assert_eq!(meeting.text, "last check-in 14 days ago (cadence biweekly)");
    assert_eq!(meeting.fix.as_deref(), Some("rel checkin ada"));
    assert_eq!(level(&a, Which::Where), Level::Partly);
    assert_eq!(a.health, Health::Amber);
}

#[test]
fn the_cadence_counts_from_the_last_checkin_not_the_first() {
    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-10-01", "2026-10-15", "2026-11-20"])
        .assess();
    assert_eq!(a.timing, Timing::OnTrack);
    assert_eq!(a.last_checkin, Some(day("2026-11-20")));
    assert_eq!(a.held, 3);
}

#[test]
fn overdue_at_twice_the_cadence() {
    let almost = Case::healthy(Role::Mentor)
        .meetings(&["2026-10-30"])
        .assess();
    assert_eq!(almost.timing, Timing::Due { days_late: 13 });
    assert_ne!(almost.health, Health::Red);

    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-10-29"])
        .assess();
    assert_eq!(a.timing, Timing::Overdue { days_late: 14 });
    let overdue = item(&a, "no check-in");
    assert_eq!(
        overdue.message,
        "no check-in for 28 days (cadence biweekly)"
    );
    assert_eq!(overdue.urgency, 90);
    assert_eq!(overdue.weight, 14);
    assert_eq!(fix(overdue), "rel checkin ada");
    assert!(
        !has_item(&a, "check-in due"),
        "one rhythm line, not two: {:?}",
        messages(&a)
    );
    // Every other fact of "where you are" holds, yet losing touch makes it
    // missing, and the relationship red.
    assert_eq!(level(&a, Which::Where), Level::Missing);
    assert_eq!(a.health, Health::Red);
}

#[test]
fn without_a_checkin_the_cadence_counts_from_the_agreement() {
    // Started in September, but the kickoff conversation was on 2026-11-01.
    let case = Case::healthy(Role::Mentor)
        .meetings(&[])
        .with(|r| r.agreement.as_mut().unwrap().date = day("2026-11-01"));
    let not_yet = case.on("2026-11-14").assess();
    assert_eq!(not_yet.timing, Timing::OnTrack);
    assert_eq!(
        fact(&not_yet, Which::Where, "no check-in").text,
        "no check-in yet, the first is not due"
    );
    assert!(fact(&not_yet, Which::Where, "no check-in").ok);
}

#[test]
fn the_first_checkin_becomes_due_then_overdue() {
    let case = || {
        Case::healthy(Role::Mentor)
            .meetings(&[])
            .started("2026-11-01")
            .with(|r| r.started = day("2026-09-01"))
    };
    let due = case().assess();
    assert_eq!(due.last_checkin, None);
    assert_eq!(due.held, 0);
    assert_eq!(due.timing, Timing::Due { days_late: 11 });
    assert_eq!(
        item(&due, "first check-in").message,
        "first check-in due (cadence biweekly)"
    );
    assert_eq!(
        fact(&due, Which::Where, "no check-in").text,
        "no check-in since it started 25 days ago (cadence biweekly)"
    );

    let overdue = case().on("2026-11-29").assess();
    assert_eq!(overdue.timing, Timing::Overdue { days_late: 14 });
    let line = item(&overdue, "no check-in");
    assert_eq!(
        line.message,
        "no check-in since it started 28 days ago (cadence biweekly)"
    );
    assert_eq!(line.urgency, 90);
}

#[test]
fn an_agreement_dated_before_the_start_counts_from_the_start() {
    let a = Case::healthy(Role::Mentor)
        .meetings(&[])
        .started("2026-11-20")
        .with(|r| r.agreement.as_mut().unwrap().date = day("2026-01-01"))
        .assess();
    assert_eq!(a.timing, Timing::OnTrack);
    assert_eq!(a.next_due, Some(day("2026-12-04")));
}

#[test]
fn a_checkin_dated_after_today_does_not_count_as_held() {
    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-12", "2026-11-30"])
        .assess();
    assert_eq!(a.held, 1);
    assert_eq!(a.last_checkin, Some(day("2026-11-12")));
    assert_eq!(a.timing, Timing::Due { days_late: 0 });
}

#[test]
fn monthly_cadences_follow_the_calendar_across_month_ends() {
    let on = |today: &str| {
        Case::bare(Role::Mentor)
            .cadence("monthly")
            .meetings(&["2026-01-31"])
            .on(today)
            .assess()
    };
    // One month after 31 January is the last day of February.
    assert_eq!(on("2026-02-27").timing, Timing::OnTrack);
    assert_eq!(on("2026-02-28").timing, Timing::Due { days_late: 0 });
    assert_eq!(on("2026-02-28").next_due, Some(day("2026-02-28")));
    // Two months after it is 31 March, not 28 March.
    assert_eq!(on("2026-03-30").timing, Timing::Due { days_late: 30 });
    assert_eq!(on("2026-03-31").timing, Timing::Overdue { days_late: 31 });
    assert_eq!(
        item(&on("2026-03-31"), "no check-in").message,
        "no check-in for 59 days (cadence monthly)"
    );
}

#[test]
fn a_cadence_keeps_the_spelling_it_was_given() {
    let a = Case::healthy(Role::Mentor)
        .cadence("10d")
        .meetings(&["2026-11-16"])
        .assess();
    assert_eq!(a.timing, Timing::Due { days_late: 0 });
    assert_eq!(
        item(&a, "check-in due").message,
        "check-in due: the last was 10 days ago (cadence 10d)"
    );
    assert_eq!(fact(&a, Which::How, "meeting").text, "meeting 10d");
}

#[test]
fn without_a_cadence_nothing_is_ever_due() {
    let a = Case::healthy(Role::Mentor)
        .no_cadence()
        .meetings(&["2026-01-05"])
        .assess();
    assert_eq!(a.timing, Timing::NoCadence);
    assert_eq!(a.next_due, None);
    assert!(!has_item(&a, "no check-in") && !has_item(&a, "check-in due"));
    let cadence = fact(&a, Which::How, "no cadence");
    assert!(!cadence.ok);
    assert_eq!(
        cadence.fix.as_deref(),
        Some("rel set ada --cadence biweekly")
    );
    assert_eq!(level(&a, Which::How), Level::Partly);
}

#[test]
fn without_a_cadence_a_checkin_within_thirty_days_keeps_you_placed() {
    let on = |last: &str| {
        Case::healthy(Role::Mentor)
            .no_cadence()
            .meetings(&[last])
            .assess()
    };
    let recent = on("2026-10-27");
    let meeting = fact(&recent, Which::Where, "last check-in");
    assert!(meeting.ok);
    assert_eq!(meeting.text, "last check-in 30 days ago");

    let stale = on("2026-10-26");
    let meeting = fact(&stale, Which::Where, "last check-in");
    assert!(!meeting.ok);
    assert_eq!(
        meeting.text,
        "last check-in 31 days ago and no cadence to keep"
    );
    assert_eq!(meeting.fix.as_deref(), Some("rel checkin ada"));
}

#[test]
fn without_a_cadence_or_a_checkin_where_you_are_is_missing_a_checkin_at_once() {
    // With a cadence, a relationship that began today is told the first
    // check-in is not due; without one it is told at once that a check-in is
    // missing. See the report: this grace is arguably owed here too.
    let a = Case::bare(Role::Mentor).started(TODAY).assess();
    let meeting = fact(&a, Which::Where, "no check-in");
    assert!(!meeting.ok);
    assert_eq!(meeting.text, "no check-in yet");
    assert_eq!(meeting.fix.as_deref(), Some("rel checkin ada"));
}

#[test]
fn snoozing_silences_the_cadence_until_the_day_it_names() {
    let snoozed = |until: &str| {
        Case::healthy(Role::Mentor)
            .meetings(&["2026-10-01"])
            .with(|r| r.snoozed_until = Some(day(until)))
            .assess()
    };
    let a = snoozed(TODAY);
    assert_eq!(a.timing, Timing::Snoozed { until: day(TODAY) });
    let meeting = &a.understanding(Which::Where).facts[0];
    assert!(meeting.ok);
    assert_eq!(meeting.text, "snoozed until 2026-11-26");
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
    // Snoozed counts as placed, so eight weeks without a meeting is still
    // green (see the report: the spec only silences the nudges).
    assert_eq!(a.health, Health::Green);

    let woke = snoozed("2026-11-25");
    assert_eq!(woke.timing, Timing::Overdue { days_late: 42 });
    assert!(has_item(&woke, "no check-in for 56 days"));
}

#[test]
fn snoozing_does_not_silence_other_nudges() {
    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-10-01"])
        .with(|r| {
            r.snoozed_until = Some(day("2026-12-31"));
            r.agreement = None;
        })
        .assess();
    assert_eq!(
        messages(&a),
        ["no agreement recorded — have the kickoff conversation"]
    );
}

#[test]
fn paused_and_ended_relationships_have_no_rhythm() {
    for (status, timing, health, text) in [
        (Status::Paused, Timing::Paused, Health::Paused, "paused"),
        (Status::Ended, Timing::Ended, Health::Ended, "ended"),
    ] {
        let a = Case::healthy(Role::Mentor)
            .meetings(&["2026-01-01"])
            .with(|r| r.status = status)
            .assess();
        assert_eq!(a.timing, timing);
        assert_eq!(a.health, health);
        let meeting = &a.understanding(Which::Where).facts[0];
        assert_eq!((meeting.ok, meeting.text.as_str()), (true, text));
    }
}

#[test]
fn a_paused_or_ended_relationship_is_not_asked_to_review_itself() {
    for status in [Status::Paused, Status::Ended] {
        let a = Case::healthy(Role::Mentor)
            .with(|r| {
                r.status = status;
                r.reviewed = None;
            })
            .started("2025-01-01")
            .assess();
        assert!(
            !facts(&a, Which::Where)
                .iter()
                .any(|(_, t)| t.contains("review")),
            "{status:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// The next meeting as planned at the last check-in.

#[test]
fn a_planned_meeting_that_passed_unrecorded_is_a_nudge() {
    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-05"])
        .loaded(planning("2026-11-19", "2026-11-24"))
        .assess();
    assert_eq!(a.timing, Timing::OnTrack);
    assert_eq!(a.planned, Some(day("2026-11-24")));
    let line = item(&a, "the meeting planned");
    assert_eq!(
        line.message,
        "the meeting planned for 2026-11-24 is not recorded"
    );
    assert_eq!(line.urgency, 58);
    assert_eq!(line.weight, 2);
    assert_eq!(fix(line), "rel checkin ada --date 2026-11-24");
}

#[test]
fn a_meeting_planned_for_today_or_later_is_not_yet_a_nudge() {
    for next in [TODAY, "2026-12-01"] {
        let a = Case::healthy(Role::Mentor)
            .meetings(&["2026-11-05"])
            .loaded(planning("2026-11-19", next))
            .assess();
        assert_eq!(a.planned, Some(day(next)));
        assert!(a.attention.is_empty(), "{next}: {:?}", messages(&a));
    }
}

#[test]
fn a_planned_meeting_is_silent_when_the_cadence_already_nudges_or_is_snoozed() {
    let due = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-01"])
        .loaded(planning("2026-11-12", "2026-11-19"))
        .assess();
    assert_eq!(due.timing, Timing::Due { days_late: 0 });
    assert_eq!(due.planned, Some(day("2026-11-19")));
    assert!(!has_item(&due, "the meeting planned"));
    assert!(has_item(&due, "check-in due"));

    let snoozed = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-05"])
        .loaded(planning("2026-11-19", "2026-11-24"))
        .with(|r| r.snoozed_until = Some(day("2026-12-01")))
        .assess();
    assert!(snoozed.attention.is_empty(), "{:?}", messages(&snoozed));
}

#[test]
fn a_planned_meeting_nudges_even_without_a_cadence() {
    let a = Case::healthy(Role::Mentor)
        .no_cadence()
        .meetings(&["2026-11-05"])
        .loaded(planning("2026-11-19", "2026-11-24"))
        .assess();
    assert!(has_item(&a, "the meeting planned for 2026-11-24"));
}

#[test]
fn only_the_latest_meeting_plans_the_next() {
    // The meeting of the 19th set no date, so the plan made on the 12th is
    // no longer the plan.
    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-05"])
        .loaded(planning("2026-11-12", "2026-11-20"))
        .loaded(checkin("2026-11-19"))
        .assess();
    assert_eq!(a.planned, None);
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

#[test]
fn a_meeting_held_on_or_after_the_planned_day_settles_the_plan() {
    // The check-in of the 20th is on file but not loaded.
    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-05", "2026-11-20"])
        .loaded(planning("2026-11-12", "2026-11-20"))
        .assess();
    assert_eq!(a.planned, None);
    assert!(!has_item(&a, "the meeting planned"));
}

#[test]
fn a_plan_made_in_a_checkin_dated_after_today_is_ignored() {
    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-05", "2026-11-19"])
        .loaded(planning("2026-11-30", "2026-11-20"))
        .assess();
    assert_eq!(a.planned, None);
    assert_eq!(a.held, 2);
}

// ---------------------------------------------------------------------------
// What you want.

#[test]
fn what_you_want_is_missing_without_a_purpose_or_goals() {
    let a = Case::bare(Role::Mentor).assess();
    let want = a.understanding(Which::Want);
    assert_eq!(want.level, Level::Missing);
    let expected = [
        ("no purpose recorded", "rel set ada --purpose TEXT"),
        ("no goals", "rel goal add ada TEXT"),
    ];
    assert_eq!(want.facts.len(), expected.len());
    for (fact, (text, fix)) in want.facts.iter().zip(expected) {
        assert!(!fact.ok);
        assert_eq!(fact.text, text);
        assert_eq!(fact.fix.as_deref(), Some(fix));
    }
}

#[test]
fn what_you_want_is_partly_met_with_a_purpose_but_no_goal() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.goals.clear())
        .assess();
    assert_eq!(level(&a, Which::Want), Level::Partly);
    assert!(!fact(&a, Which::Want, "no goals").ok);
}

#[test]
fn dropped_goals_do_not_count_and_achieved_ones_do() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| {
            let g2 = r.add_goal("Give a talk".into(), day("2026-09-01"), None);
            let g3 = r.add_goal("Write a blog".into(), day("2026-09-01"), None);
            find(&mut r.goals, g2).unwrap().achieved = Some(day("2026-11-19"));
            find(&mut r.goals, g3).unwrap().dropped = Some(day("2026-10-01"));
        })
        .assess();
    assert_eq!(
        fact(&a, Which::Want, "2 goals").text,
        "2 goals (1 achieved)"
    );

    let only_dropped = Case::healthy(Role::Mentor)
        .with(|r| r.goals[0].dropped = Some(day("2026-10-01")))
        .assess();
    assert!(!fact(&only_dropped, Which::Want, "no goals").ok);
}

#[test]
fn sponsoring_wants_a_destination_and_a_why() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| {
            r.destination = None;
            r.why = None;
        })
        .assess();
    assert_eq!(level(&a, Which::Want), Level::Partly);
    let destination = fact(&a, Which::Want, "no destination");
    assert_eq!(
        destination.text,
        "no destination: where is the sponsor taking the protégé?"
    );
    assert_eq!(
        destination.fix.as_deref(),
        Some("rel set ada --destination TEXT")
    );
    let why = fact(&a, Which::Want, "why this protégé");
    assert!(!why.ok);
    assert_eq!(
        why.text,
        "why this protégé, and why sponsoring, is not recorded"
    );
    assert_eq!(why.fix.as_deref(), Some("rel set ada --why TEXT"));
}

#[test]
fn reverse_mentoring_wants_a_topic() {
    let a = Case::healthy(Role::Expert)
        .with(|r| r.topic = None)
        .assess();
    let topic = fact(&a, Which::Want, "no topic");
    assert!(!topic.ok);
    assert_eq!(topic.text, "no topic recorded");
    assert_eq!(topic.fix.as_deref(), Some("rel set ada --topic TEXT"));
    assert_eq!(level(&a, Which::Want), Level::Partly);
}

#[test]
fn mentoring_is_not_asked_for_sponsoring_or_reverse_mentoring_facts() {
    let a = Case::healthy(Role::Mentee).assess();
    let all: Vec<String> = a
        .understandings
        .iter()
        .flat_map(|u| u.facts.iter().map(|f| f.text.clone()))
        .collect();
    for word in [
        "destination",
        "protégé",
        "topic",
        "time-box",
        "waypoint",
        "advocacy",
    ] {
        assert!(!all.iter().any(|t| t.contains(word)), "{word}: {all:?}");
    }
}

// ---------------------------------------------------------------------------
// How you get there.

#[test]
fn how_you_get_there_is_missing_without_an_agreement_or_a_cadence() {
    let a = Case::bare(Role::Mentor).assess();
    let how = a.understanding(Which::How);
    assert_eq!(how.level, Level::Missing);
    let expected = [
        (
            "no agreement: have the kickoff conversation about what you hope for and how you will work",
            "rel set ada --agreed DATE --how TEXT",
        ),
        ("no cadence", "rel set ada --cadence biweekly"),
    ];
    assert_eq!(how.facts.len(), expected.len());
    for (fact, (text, fix)) in how.facts.iter().zip(expected) {
        assert!(!fact.ok);
        assert_eq!(fact.text, text);
        assert_eq!(fact.fix.as_deref(), Some(fix));
    }
}

#[test]
fn how_you_get_there_is_partly_met_with_a_cadence_but_no_agreement() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.agreement = None)
        .assess();
    assert_eq!(level(&a, Which::How), Level::Partly);
    assert!(fact(&a, Which::How, "meeting biweekly").ok);
}

#[test]
fn sponsoring_needs_waypoints_and_counts_the_ones_reached() {
    let none = Case::healthy(Role::Sponsor)
        .with(|r| r.waypoints.clear())
        .assess();
    let waypoints = fact(&none, Which::How, "no waypoints");
    assert!(!waypoints.ok);
    assert_eq!(waypoints.text, "no waypoints on the way to the destination");
    assert_eq!(
        waypoints.fix.as_deref(),
        Some("rel waypoint add ada TEXT --due DATE")
    );
    assert_eq!(level(&none, Which::How), Level::Partly);

    let some = Case::healthy(Role::Sponsor)
        .with(|r| {
            let w2 = r.add_waypoint(
                "Present to the VP".into(),
                day("2026-11-01"),
                day("2026-09-01"),
            );
            let w3 = r.add_waypoint("Dropped idea".into(), day("2026-12-01"), day("2026-09-01"));
            r.reach_waypoint(w2, day("2026-10-30")).unwrap();
            find(&mut r.waypoints, w3).unwrap().dropped = Some(day("2026-10-01"));
        })
        .assess();
    assert_eq!(
        fact(&some, Which::How, "1 of").text,
        "1 of 2 waypoints reached"
    );
}

#[test]
fn reverse_mentoring_needs_a_time_box_of_a_date_or_sessions() {
    let time_box = |until: Option<&str>, sessions: Option<u32>| {
        let a = Case::healthy(Role::Learner)
            .with(|r| {
                r.until = until.map(day);
                r.sessions = sessions;
            })
            .assess();
        let f = a.understanding(Which::How).facts[2].clone();
        (f.ok, f.text, f.fix)
    };
    assert_eq!(
        time_box(None, None),
        (
            false,
            "no time box: reverse-mentoring needs an end date or a number of sessions".into(),
            Some("rel set ada --until DATE --sessions N".into())
        )
    );
    assert_eq!(
        time_box(Some("2027-03-01"), None),
        (true, "time-boxed until 2027-03-01".into(), None)
    );
    assert_eq!(
        time_box(None, Some(6)),
        (true, "time-boxed to 6 sessions".into(), None)
    );
    assert_eq!(
        time_box(None, Some(1)),
        (true, "time-boxed to 1 session".into(), None)
    );
    assert_eq!(
        time_box(Some("2027-03-01"), Some(6)),
        (true, "time-boxed until 2027-03-01, 6 sessions".into(), None)
    );
}

// ---------------------------------------------------------------------------
// Where you are.

#[test]
fn an_overdue_waypoint_or_goal_means_you_are_not_where_you_planned() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| {
            r.add_waypoint(
                "Lead the Q1 review".into(),
                day("2026-10-01"),
                day("2026-09-01"),
            );
            r.add_goal(
                "Ship the RFC".into(),
                day("2026-09-01"),
                Some(day("2026-11-01")),
            );
        })
        .assess();
    assert_eq!(level(&a, Which::Where), Level::Partly);
    let waypoint = fact(&a, Which::Where, "waypoint");
    assert_eq!(
        (waypoint.ok, waypoint.text.as_str(), waypoint.fix.as_deref()),
        (
            false,
            "waypoint w2 was due 2026-10-01",
            Some("rel waypoint reach ada w2")
        )
    );
    let goal = fact(&a, Which::Where, "goal");
    assert_eq!(
        (goal.ok, goal.text.as_str(), goal.fix.as_deref()),
        (
            false,
            "goal g2 was due 2026-11-01",
            Some("rel goal done ada g2")
        )
    );
}

#[test]
fn items_due_today_reached_or_dropped_are_not_late() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| {
            r.add_waypoint("Due today".into(), day(TODAY), day("2026-09-01"));
            let w3 = r.add_waypoint("Reached".into(), day("2026-10-01"), day("2026-09-01"));
            let w4 = r.add_waypoint("Dropped".into(), day("2026-10-01"), day("2026-09-01"));
            r.reach_waypoint(w3, day("2026-10-02")).unwrap();
            find(&mut r.waypoints, w4).unwrap().dropped = Some(day("2026-09-15"));
            r.add_goal("Due today".into(), day("2026-09-01"), Some(day(TODAY)));
            let g3 = r.add_goal(
                "Achieved".into(),
                day("2026-09-01"),
                Some(day("2026-10-01")),
            );
            find(&mut r.goals, g3).unwrap().achieved = Some(day("2026-11-19"));
        })
        .assess();
    assert_eq!(level(&a, Which::Where), Level::Met, "{a:#?}");
    assert!(fact(&a, Which::Where, "no waypoint overdue").ok);
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

#[test]
fn where_you_are_names_the_earliest_late_waypoint() {
    // w2 is due later than w3, but comes first in the file: the
    // understanding, like the attention list, goes by due date.
    let a = Case::healthy(Role::Sponsor)
        .with(|r| {
            r.add_waypoint("Later".into(), day("2026-11-01"), day("2026-09-01"));
            r.add_waypoint("Earlier".into(), day("2026-10-01"), day("2026-09-01"));
        })
        .assess();
    assert_eq!(
        fact(&a, Which::Where, "waypoint").text,
        "waypoint w3 was due 2026-10-01"
    );
    let late: Vec<_> = messages(&a)
        .into_iter()
        .filter(|m| m.starts_with("waypoint"))
        .collect();
    assert_eq!(
        late,
        [
            "waypoint w3 \"Earlier\" was due 2026-10-01",
            "waypoint w2 \"Later\" was due 2026-11-01"
        ]
    );
}

#[test]
fn the_first_review_is_not_due_until_a_review_period_after_the_start() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.reviewed = None)
        .assess();
    let review = fact(&a, Which::Where, "first review");
    assert!(review.ok);
    assert_eq!(
        review.text,
        "first review of the relationship due 2026-12-01"
    );
    assert_eq!(a.last_review, None);
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

#[test]
fn review_overdue_when_never_reviewed_a_period_after_the_start() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.reviewed = None)
        .started("2026-08-26")
        .assess();
    let text = "the relationship has not been reviewed since it started (every 3 months)";
    let review = fact(&a, Which::Where, "the relationship");
    assert_eq!(
        (review.ok, review.text.as_str(), review.fix.as_deref()),
        (false, text, Some("rel checkin ada --review"))
    );
    assert_eq!(level(&a, Which::Where), Level::Partly);
    let line = item(&a, "the relationship");
    assert_eq!(line.message, text);
    assert_eq!(line.urgency, 40);
    assert_eq!(fix(line), "rel checkin ada --review");
}

#[test]
fn review_overdue_a_period_after_the_last_review() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.reviewed = Some(day("2026-08-26")))
        .assess();
    let text = "last review of the relationship 92 days ago (every 3 months)";
    assert_eq!(fact(&a, Which::Where, "last review").text, text);
    assert_eq!(messages(&a), [text]);

    let a_day_less = Case::healthy(Role::Mentor)
        .with(|r| r.reviewed = Some(day("2026-08-27")))
        .assess();
    assert_eq!(
        fact(&a_day_less, Which::Where, "relationship reviewed").text,
        "relationship reviewed 91 days ago"
    );
    assert!(a_day_less.attention.is_empty());
}

#[test]
fn a_loaded_review_checkin_counts_as_a_review() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.reviewed = None)
        .started("2026-01-01")
        .meetings(&["2026-11-05"])
        .loaded(review("2026-11-19"))
        .assess();
    assert_eq!(a.last_review, Some(day("2026-11-19")));
    assert_eq!(
        fact(&a, Which::Where, "relationship reviewed").text,
        "relationship reviewed 7 days ago"
    );
    // A newer recorded review wins over an older one in a check-in.
    let newer = Case::healthy(Role::Mentor)
        .with(|r| r.reviewed = Some(day("2026-11-20")))
        .meetings(&["2026-11-05"])
        .loaded(review("2026-11-19"))
        .assess();
    assert_eq!(newer.last_review, Some(day("2026-11-20")));
}

#[test]
fn a_review_in_a_checkin_dated_after_today_does_not_count() {
    // As the journal holds it: recording the check-in also stamps
    // `reviewed` on the relationship. Seen `--as-of` an earlier day, that
    // review has not happened yet.
    let future = review("2026-11-30");
    let id = CheckinId {
        date: future.date,
        n: 1,
    };
    let a = Case::healthy(Role::Mentor)
        .with(|r| {
            r.reviewed = None;
            r.apply_checkin(id, &future);
        })
        .started("2026-01-01")
        .loaded(future.clone())
        .assess();
    assert_eq!(a.last_review, None);
    assert_eq!(
        fact(&a, Which::Where, "the relationship").text,
        "the relationship has not been reviewed since it started (every 3 months)"
    );
    assert!(has_item(&a, "the relationship has not been reviewed"));

    // An earlier review still counts when its check-in is loaded (the
    // relationship only keeps the latest review date).
    let earlier = Case::healthy(Role::Mentor)
        .with(|r| r.apply_checkin(id, &future))
        .meetings(&["2026-11-05"])
        .loaded(review("2026-11-19"))
        .loaded(future.clone())
        .assess();
    assert_eq!(earlier.last_review, Some(day("2026-11-19")));
    assert_eq!(
        fact(&earlier, Which::Where, "relationship reviewed").text,
        "relationship reviewed 7 days ago"
    );
}

#[test]
fn the_review_period_comes_from_the_relationship_then_the_settings() {
    let own = Case::healthy(Role::Mentor)
        .with(|r| {
            r.review_every = Some("monthly".parse().unwrap());
            r.reviewed = Some(day("2026-10-26"));
        })
        .assess();
    assert_eq!(
        messages(&own),
        ["last review of the relationship 31 days ago (every 1 month)"]
    );

    let mut configured = Case::healthy(Role::Mentor).with(|r| r.reviewed = Some(day("2026-10-15")));
    configured.settings.review_every = Span::Weeks(6);
    assert_eq!(
        messages(&configured.assess()),
        ["last review of the relationship 42 days ago (every 6 weeks)"]
    );
}

// ---------------------------------------------------------------------------
// Where they are.

#[test]
fn where_they_are_is_missing_without_their_aims_or_actions() {
    let a = Case::bare(Role::Mentor).assess();
    let them = a.understanding(Which::Them);
    assert_eq!(them.level, Level::Missing);
    let expected = [
        (
            "what they want is not recorded",
            "rel set ada --their-aims TEXT",
        ),
        (
            "none of their actions tracked",
            "rel action add ada TEXT --theirs",
        ),
    ];
    assert_eq!(them.facts.len(), expected.len());
    for (fact, (text, fix)) in them.facts.iter().zip(expected) {
        assert!(!fact.ok);
        assert_eq!(fact.text, text);
        assert_eq!(fact.fix.as_deref(), Some(fix));
    }
}

#[test]
fn a_learner_is_asked_what_the_expert_wants_out_of_it() {
    let learner = Case::healthy(Role::Learner)
        .with(|r| r.their_aims = None)
        .assess();
    let aims = &learner.understanding(Which::Them).facts[0];
    assert_eq!(aims.text, "what the expert wants out of it is not recorded");
    assert_eq!(aims.fix.as_deref(), Some("rel set ada --their-aims TEXT"));
    assert_eq!(level(&learner, Which::Them), Level::Partly);

    // The expert's other person is the learner: the plain wording.
    let expert = Case::healthy(Role::Expert)
        .with(|r| r.their_aims = None)
        .assess();
    assert_eq!(
        expert.understanding(Which::Them).facts[0].text,
        "what they want is not recorded"
    );
}

#[test]
fn their_actions_are_tracked_when_any_was_recorded_even_if_all_are_done() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| {
            let a2 = r.actions[1].id;
            r.close_action(a2, day("2026-11-20")).unwrap();
            let a3 = r.add_action(
                action("Read the paper", Owner::Them),
                day("2026-11-19"),
                None,
            );
            r.close_action(a3, day("2026-11-21")).unwrap();
            let a4 = r.add_action(action("Dropped", Owner::Them), day("2026-11-19"), None);
            find(&mut r.actions, a4).unwrap().dropped = Some(day("2026-11-20"));
        })
        .assess();
    assert_eq!(
        fact(&a, Which::Them, "0 actions").text,
        "0 actions of theirs open, 2 done"
    );

    // Only my actions, or only dropped ones of theirs: nothing tracked.
    let none = Case::healthy(Role::Mentor)
        .with(|r| r.actions[1].dropped = Some(day("2026-11-20")))
        .assess();
    assert!(!fact(&none, Which::Them, "none of their actions").ok);
}

#[test]
fn a_protege_who_has_not_opted_in_is_told_in_their_own_words() {
    let sponsor = Case::healthy(Role::Sponsor)
        .with(|r| r.opted_in = None)
        .assess();
    let fact_ = fact(&sponsor, Which::Them, "protégé");
    assert_eq!(
        (fact_.ok, fact_.text.as_str(), fact_.fix.as_deref()),
        (
            false,
            "protégé has not opted in",
            Some("rel set ada --opted-in DATE")
        )
    );
    let line = item(&sponsor, "protégé");
    assert_eq!(line.message, "protégé has not opted in");
    assert_eq!(line.urgency, 55);
    assert_eq!(fix(line), "rel set ada --opted-in DATE");
    assert_eq!(level(&sponsor, Which::Them), Level::Partly);

    let protege = Case::healthy(Role::Protege)
        .with(|r| r.opted_in = None)
        .assess();
    assert_eq!(
        fact(&protege, Which::Them, "you").text,
        "you have not opted in to the shared vision"
    );
    assert_eq!(messages(&protege), ["you have not opted in"]);
    assert_eq!(fix(item(&protege, "you")), "rel set ada --opted-in DATE");
}

#[test]
fn no_advocacy_expected_so_soon_after_the_start() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| r.advocacy.clear())
        .started("2026-11-10")
        .meetings(&["2026-11-19"])
        .assess();
    let advocacy = fact(&a, Which::Them, "no act");
    assert!(advocacy.ok);
    assert_eq!(
        advocacy.text,
        "no act of advocacy yet; none expected so soon"
    );
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

#[test]
fn a_sponsor_without_advocacy_within_two_cadences_is_nudged() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| r.advocacy.clear())
        .assess();
    let advocacy = fact(&a, Which::Them, "no act");
    assert_eq!(
        (advocacy.ok, advocacy.text.as_str(), advocacy.fix.as_deref()),
        (
            false,
            "no act of advocacy recorded",
            Some("rel advocate ada TEXT")
        )
    );
    let line = item(&a, "no act of advocacy");
    assert_eq!(
        line.message,
        "no act of advocacy recorded (expected every 4 weeks)"
    );
    assert_eq!(line.urgency, 45);
    assert_eq!(fix(line), "rel advocate ada TEXT");
}

#[test]
fn advocacy_is_late_two_cadences_after_the_last_act() {
    let after = |date: &str| {
        Case::healthy(Role::Sponsor)
            .with(|r| r.advocacy.clear())
            .advocated(date)
            .assess()
    };
    let in_time = after("2026-10-30");
    assert_eq!(
        fact(&in_time, Which::Them, "last act").text,
        "last act of advocacy 27 days ago"
    );
    assert!(in_time.attention.is_empty());

    let late = after("2026-10-29");
    assert_eq!(
        fact(&late, Which::Them, "no act").text,
        "no act of advocacy since 2026-10-29, 28 days ago"
    );
    assert_eq!(
        messages(&late),
        ["no act of advocacy since 2026-10-29, 28 days ago (expected every 4 weeks)"]
    );
}

#[test]
fn advocacy_is_expected_every_two_months_without_a_cadence() {
    let after = |date: &str| {
        Case::healthy(Role::Sponsor)
            .no_cadence()
            .with(|r| r.advocacy.clear())
            .advocated(date)
            .assess()
    };
    assert!(fact(&after("2026-09-27"), Which::Them, "last act").ok);
    assert!(has_item(
        &after("2026-09-26"),
        "no act of advocacy since 2026-09-26, 61 days ago (expected every 2 months)"
    ));
}

#[test]
fn advocacy_dated_after_today_does_not_count() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| r.advocacy.clear())
        .advocated("2026-12-01")
        .assess();
    assert_eq!(
        fact(&a, Which::Them, "no act").text,
        "no act of advocacy recorded"
    );
}

// ---------------------------------------------------------------------------
// Health.

#[test]
fn health_is_amber_with_one_understanding_partly_met() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.goals.clear())
        .assess();
    assert_eq!(level(&a, Which::Want), Level::Partly);
    assert_eq!(a.health, Health::Amber);
}

#[test]
fn health_is_amber_with_one_understanding_missing() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| {
            r.purpose = None;
            r.goals.clear();
        })
        .assess();
    assert_eq!(level(&a, Which::Want), Level::Missing);
    assert_eq!(a.health, Health::Amber);
}

#[test]
fn health_is_red_with_two_understandings_missing() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| {
            r.purpose = None;
            r.goals.clear();
            r.their_aims = None;
            r.actions.retain(|a| a.owner == Owner::Me);
        })
        .assess();
    assert_eq!(level(&a, Which::Want), Level::Missing);
    assert_eq!(level(&a, Which::Them), Level::Missing);
    assert_eq!(a.health, Health::Red);
}

#[test]
fn a_brand_new_bare_relationship_is_red() {
    let a = Case::bare(Role::Mentor).started(TODAY).assess();
    let levels: Vec<Level> = a.understandings.iter().map(|u| u.level).collect();
    assert_eq!(
        levels,
        [
            Level::Missing,
            Level::Missing,
            Level::Partly,
            Level::Missing
        ]
    );
    assert_eq!(a.health, Health::Red);
}

#[test]
fn levels_health_and_timing_have_their_words() {
    assert_eq!(
        [Level::Met, Level::Partly, Level::Missing].map(Level::as_str),
        ["met", "partly", "missing"]
    );
    assert_eq!(
        [
            Health::Green,
            Health::Amber,
            Health::Red,
            Health::Paused,
            Health::Ended
        ]
        .map(Health::as_str),
        ["green", "amber", "red", "paused", "ended"]
    );
    let today = day(TODAY);
    assert_eq!(
        [
            Timing::NoCadence,
            Timing::OnTrack,
            Timing::Due { days_late: 1 },
            Timing::Overdue { days_late: 1 },
            Timing::Snoozed { until: today },
            Timing::Paused,
            Timing::Ended
        ]
        .map(Timing::as_str),
        [
            "no-cadence",
            "on-track",
            "due",
            "overdue",
            "snoozed",
            "paused",
            "ended"
        ]
    );
    assert_eq!(Which::ALL.map(Which::key), ["want", "how", "where", "them"]);
    assert_eq!(
        Which::ALL.map(Which::title),
        [
            "What you want",
            "How you get there",
            "Where you are",
            "Where they are"
        ]
    );
    let a = Case::healthy(Role::Mentor).assess();
    for which in Which::ALL {
        assert_eq!(a.understanding(which).which, which);
    }
}

// ---------------------------------------------------------------------------
// Reverse-mentoring's time box.

/// A healthy reverse-mentoring as the learner with four sessions held (the
/// last on 2026-11-19, when something moved).
fn reverse(until: Option<&str>, sessions: Option<u32>) -> Case {
    Case::healthy(Role::Learner)
        .meetings(&["2026-10-22", "2026-11-05", "2026-11-12", "2026-11-19"])
        .with(|r| {
            r.until = until.map(day);
            r.sessions = sessions;
        })
}

const CHOICE: &str = "conclude, extend or evolve into mentoring";
const TIME_BOX_FIX: &str =
    "rel end ada · rel set ada --until DATE · rel evolve ada --into mentoring";

#[test]
fn reverse_mentoring_warns_within_fourteen_days_of_its_end() {
    let a = reverse(Some("2026-12-01"), Some(6)).assess();
    let line = item(&a, "reverse-mentoring");
    assert_eq!(
        line.message,
        format!("reverse-mentoring ends in 5 days (4 of 6 sessions held) — {CHOICE}")
    );
    assert_eq!(line.urgency, 80);
    assert_eq!(line.weight, 9);
    assert_eq!(fix(line), TIME_BOX_FIX);
    assert_eq!(a.attention.len(), 1, "{:?}", messages(&a));

    assert!(has_item(
        &reverse(Some("2026-12-10"), None).assess(),
        &format!("reverse-mentoring ends in 14 days (4 sessions held) — {CHOICE}")
    ));
    assert!(
        reverse(Some("2026-12-11"), None)
            .assess()
            .attention
            .is_empty()
    );
    assert!(has_item(
        &reverse(Some("2026-11-27"), None).assess(),
        "reverse-mentoring ends tomorrow"
    ));
    assert!(has_item(
        &reverse(Some(TODAY), None).assess(),
        "reverse-mentoring ends today"
    ));
}

#[test]
fn reverse_mentoring_past_its_end_date_is_urgent() {
    let a = reverse(Some("2026-11-23"), None).assess();
    let line = item(&a, "reverse-mentoring");
    assert_eq!(
        line.message,
        format!("reverse-mentoring time box ended 3 days ago (4 sessions held) — {CHOICE}")
    );
    assert_eq!(line.urgency, 85);
    assert_eq!(line.weight, 3);
    assert_eq!(fix(line), TIME_BOX_FIX);

    let yesterday = reverse(Some("2026-11-25"), Some(6)).assess();
    assert!(has_item(
        &yesterday,
        "reverse-mentoring time box ended yesterday (4 of 6 sessions held)"
    ));
}

#[test]
fn reverse_mentoring_with_all_its_sessions_held_asks_what_next() {
    let a = reverse(None, Some(4)).assess();
    let line = item(&a, "all");
    assert_eq!(
        line.message,
        format!("all 4 reverse-mentoring sessions held — {CHOICE}")
    );
    assert_eq!(line.urgency, 84);
    assert_eq!(fix(line), TIME_BOX_FIX);
    // More held than agreed still counts as all held.
    assert!(has_item(
        &reverse(Some("2027-06-01"), Some(3)).assess(),
        "all 3 reverse-mentoring sessions held"
    ));
}

#[test]
fn reverse_mentoring_with_one_session_left_says_so() {
    let a = reverse(None, Some(5)).assess();
    let line = item(&a, "reverse-mentoring:");
    assert_eq!(
        line.message,
        format!("reverse-mentoring: 4 of 5 sessions held, one left — {CHOICE}")
    );
    assert_eq!(line.urgency, 79);
    assert_eq!(fix(line), TIME_BOX_FIX);
    assert!(reverse(None, Some(6)).assess().attention.is_empty());
}

#[test]
fn a_single_agreed_session_is_not_one_left_before_it_is_held() {
    let a = reverse(None, Some(1))
        .meetings(&[])
        .started("2026-11-20")
        .assess();
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

#[test]
fn the_time_box_warns_the_expert_too() {
    let a = Case::healthy(Role::Expert)
        .with(|r| r.until = Some(day("2026-12-01")))
        .assess();
    assert!(has_item(
        &a,
        "reverse-mentoring ends in 5 days (2 of 10 sessions held)"
    ));
}

#[test]
fn only_reverse_mentoring_has_a_time_box() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| {
            r.until = Some(day("2026-11-20"));
            r.sessions = Some(2);
        })
        .assess();
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

// ---------------------------------------------------------------------------
// Plans gone late.

#[test]
fn an_overdue_waypoint_is_an_attention_item() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| {
            r.add_waypoint(
                "Lead the Q1 review".into(),
                day("2026-10-01"),
                day("2026-09-01"),
            );
        })
        .assess();
    let line = item(&a, "waypoint");
    assert_eq!(
        line.message,
        "waypoint w2 \"Lead the Q1 review\" was due 2026-10-01"
    );
    assert_eq!(line.urgency, 75);
    assert_eq!(line.weight, 56);
    assert_eq!(fix(line), "rel waypoint reach ada w2");
}

#[test]
fn an_overdue_goal_is_an_attention_item() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| {
            r.add_goal(
                "Ship the RFC".into(),
                day("2026-09-01"),
                Some(day("2026-11-01")),
            );
        })
        .assess();
    let line = item(&a, "goal");
    assert_eq!(line.message, "goal g2 \"Ship the RFC\" was due 2026-11-01");
    assert_eq!(line.urgency, 70);
    assert_eq!(line.weight, 25);
    assert_eq!(fix(line), "rel goal done ada g2");
}

#[test]
fn long_item_text_is_clipped_to_one_line() {
    let long = "Present the migration plan to the architecture board and get sign-off";
    let a = Case::healthy(Role::Mentor)
        .with(|r| {
            r.add_goal(
                format!("{long}\nwith notes"),
                day("2026-09-01"),
                Some(day("2026-11-01")),
            );
        })
        .assess();
    assert_eq!(
        item(&a, "goal").message,
        "goal g2 \"Present the migration plan to the architecture…\" was due 2026-11-01"
    );
}

// ---------------------------------------------------------------------------
// Drift: meetings keep happening but nothing moves.

const DRIFT_QUESTION: &str = "is the pairing still serving its purpose?";

#[test]
fn drift_after_four_meetings_since_anything_moved() {
    // Something last moved on the 19th, at a meeting that does not count.
    let four = Case::healthy(Role::Mentor)
        .meetings(&[
            "2026-11-19",
            "2026-11-20",
            "2026-11-21",
            "2026-11-23",
            "2026-11-25",
        ])
        .assess();
    assert_eq!(four.meetings_since_movement, 4);
    let line = item(&four, "4 meetings");
    assert_eq!(
        line.message,
        format!("4 meetings since anything moved — {DRIFT_QUESTION}")
    );
    assert_eq!(line.urgency, 65);
    assert_eq!(line.weight, 4);
    assert_eq!(fix(line), "rel checkin ada --review");

    let three = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-25"])
        .assess();
    assert_eq!(three.meetings_since_movement, 3);
    assert!(three.attention.is_empty(), "{:?}", messages(&three));
}

#[test]
fn drift_says_when_nothing_has_moved_yet() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.actions[0].done = None)
        .no_cadence()
        .meetings(&["2026-10-01", "2026-10-15", "2026-11-05", "2026-11-19"])
        .assess();
    assert!(has_item(
        &a,
        &format!("4 meetings and nothing has moved yet — {DRIFT_QUESTION}")
    ));
}

#[test]
fn a_goal_achieved_a_waypoint_reached_or_an_action_closed_each_count_as_movement() {
    let meetings = [
        "2026-11-19",
        "2026-11-20",
        "2026-11-21",
        "2026-11-23",
        "2026-11-25",
    ];
    let moved = |change: fn(&mut Relationship)| {
        Case::healthy(Role::Sponsor)
            .meetings(&meetings)
            .with(change)
            .assess()
            .meetings_since_movement
    };
    let nothing = moved(|_| {});
    assert_eq!(nothing, 4);
    assert_eq!(moved(|r| r.goals[0].achieved = Some(day("2026-11-21"))), 2);
    assert_eq!(
        moved(|r| r.waypoints[0].reached = Some(day("2026-11-21"))),
        2
    );
    assert_eq!(moved(|r| r.actions[1].done = Some(day("2026-11-21"))), 2);
    // Dropping is not moving.
    assert_eq!(moved(|r| r.actions[1].dropped = Some(day("2026-11-21"))), 4);
}

#[test]
fn checkins_dated_after_today_do_not_count_toward_drift() {
    let a = Case::healthy(Role::Mentor)
        .meetings(&[
            "2026-11-20",
            "2026-11-21",
            "2026-11-25",
            "2026-11-27",
            "2026-11-28",
        ])
        .assess();
    assert_eq!(a.meetings_since_movement, 3);
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

/// Weekly, with something last moving on 2026-10-20 and meetings on the
/// 10th and 20th of November: three cadences back from today is 11-05.
fn quiet() -> Case {
    Case::healthy(Role::Mentor)
        .cadence("weekly")
        .meetings(&["2026-10-20", "2026-11-10", "2026-11-20"])
        .with(|r| r.actions[0].done = Some(day("2026-10-20")))
}

#[test]
fn drift_after_three_cadences_of_meetings_with_nothing_moving() {
    let a = quiet().assess();
    assert_eq!(a.timing, Timing::OnTrack);
    assert_eq!(a.meetings_since_movement, 2);
    let line = item(&a, "2 meetings");
    assert_eq!(
        line.message,
        format!("2 meetings since anything moved — {DRIFT_QUESTION}")
    );
    assert_eq!(line.urgency, 65);
    assert_eq!(line.weight, 2);
}

#[test]
fn no_drift_by_cadences_with_only_one_meeting_in_them() {
    let a = quiet()
        .meetings(&["2026-10-20", "2026-11-04", "2026-11-20"])
        .assess();
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

#[test]
fn no_drift_by_cadences_when_something_moved_within_them() {
    let a = quiet()
        .with(|r| r.actions[0].done = Some(day("2026-11-05")))
        .assess();
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

#[test]
fn no_drift_by_cadences_for_a_relationship_younger_than_three_cadences() {
    let a = quiet()
        .started("2026-11-05")
        .with(|r| r.actions[0].done = None)
        .assess();
    assert_eq!(a.meetings_since_movement, 3);
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

#[test]
fn no_drift_by_cadences_without_a_cadence() {
    let a = quiet().no_cadence().assess();
    assert!(
        !messages(&a).iter().any(|m| m.contains("meetings")),
        "{:?}",
        messages(&a)
    );
}

// ---------------------------------------------------------------------------
// The agreement.

#[test]
fn no_agreement_is_an_attention_item_weighted_by_age() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.agreement = None)
        .assess();
    let line = item(&a, "no agreement");
    assert_eq!(
        line.message,
        "no agreement recorded — have the kickoff conversation"
    );
    assert_eq!(line.urgency, 50);
    assert_eq!(line.weight, 86);
    assert_eq!(fix(line), "rel set ada --agreed DATE --how TEXT");
    assert_eq!(a.attention.len(), 1, "{:?}", messages(&a));
}

// ---------------------------------------------------------------------------
// Actions left open.

fn with_action(owner: Owner, added: &str, due: Option<&str>) -> Case {
    Case::healthy(Role::Mentor).with(|r| {
        let new = NewAction {
            due: due.map(day),
            ..action("Book the venue", owner)
        };
        r.add_action(new, day(added), None);
    })
}

#[test]
fn an_action_open_more_than_thirty_days_is_an_attention_item() {
    let a = with_action(Owner::Me, "2026-10-26", None).assess();
    let line = item(&a, "action");
    assert_eq!(
        line.message,
        "action a3 \"Book the venue\" open for 31 days"
    );
    assert_eq!(line.urgency, 35);
    assert_eq!(line.weight, 31);
    assert_eq!(fix(line), "rel action done ada a3");

    assert!(
        with_action(Owner::Me, "2026-10-27", None)
            .assess()
            .attention
            .is_empty()
    );
}

#[test]
fn their_stale_actions_are_named_as_theirs() {
    let a = with_action(Owner::Them, "2026-10-01", None).assess();
    assert_eq!(
        messages(&a),
        ["their action a3 \"Book the venue\" open for 56 days"]
    );
    assert_eq!(fix(&a.attention[0]), "rel action done ada a3");
}

#[test]
fn an_action_past_its_due_date_is_an_attention_item() {
    let a = with_action(Owner::Me, "2026-11-20", Some("2026-11-25")).assess();
    let line = item(&a, "action");
    assert_eq!(
        line.message,
        "action a3 \"Book the venue\" was due 2026-11-25"
    );
    assert_eq!(line.urgency, 36);
    assert_eq!(line.weight, 1);
    assert_eq!(fix(line), "rel action done ada a3");

    // Due today is not late yet.
    assert!(
        with_action(Owner::Me, "2026-11-20", Some(TODAY))
            .assess()
            .attention
            .is_empty()
    );
}

#[test]
fn an_action_both_stale_and_past_due_is_one_item_about_its_due_date() {
    let a = with_action(Owner::Them, "2026-09-01", Some("2026-10-01")).assess();
    assert_eq!(
        messages(&a),
        ["their action a3 \"Book the venue\" was due 2026-10-01"]
    );
}

#[test]
fn done_and_dropped_actions_are_never_stale() {
    let a = with_action(Owner::Me, "2026-01-01", Some("2026-02-01"))
        .with(|r| {
            r.actions[2].done = Some(day("2026-11-19"));
            let a4 = r.add_action(action("Old idea", Owner::Them), day("2026-01-01"), None);
            find(&mut r.actions, a4).unwrap().dropped = Some(day("2026-02-01"));
        })
        .assess();
    assert!(a.attention.is_empty(), "{:?}", messages(&a));
}

#[test]
fn the_stale_action_age_comes_from_the_settings() {
    let mut case = with_action(Owner::Me, "2026-11-18", None);
    case.settings.stale_action_days = 7;
    assert_eq!(
        messages(&case.assess()),
        ["action a3 \"Book the venue\" open for 8 days"]
    );
}

// ---------------------------------------------------------------------------
// Whatever else is not recorded yet, in one line.

#[test]
fn what_is_not_recorded_yet_is_grouped_in_one_line() {
    let a = Case::bare(Role::Mentor).started(TODAY).assess();
    let line = item(&a, "not recorded yet");
    assert_eq!(
        line.message,
        "not recorded yet: purpose, cadence, their aims, goals"
    );
    assert_eq!(line.urgency, 30);
    assert_eq!(line.weight, 4);
    assert_eq!(
        fix(line),
        "rel set ada --purpose TEXT --cadence biweekly --their-aims TEXT · rel goal add ada TEXT"
    );
    assert_eq!(
        messages(&a),
        [
            "no agreement recorded — have the kickoff conversation",
            "not recorded yet: purpose, cadence, their aims, goals"
        ]
    );
}

#[test]
fn a_bare_sponsorship_also_lacks_destination_why_and_waypoints() {
    let a = Case::bare(Role::Sponsor).started(TODAY).assess();
    let line = item(&a, "not recorded yet");
    assert_eq!(
        line.message,
        "not recorded yet: purpose, cadence, their aims, destination, why this protégé, goals, waypoints"
    );
    assert_eq!(
        fix(line),
        "rel set ada --purpose TEXT --cadence biweekly --their-aims TEXT --destination TEXT --why TEXT \
         · rel goal add ada TEXT · rel waypoint add ada TEXT --due DATE"
    );
}

#[test]
fn a_bare_reverse_mentoring_also_lacks_a_topic_and_a_time_box() {
    let learner = Case::bare(Role::Learner).started(TODAY).assess();
    let line = item(&learner, "not recorded yet");
    assert_eq!(
        line.message,
        "not recorded yet: purpose, cadence, what the expert wants out of it, topic, time box, goals"
    );
    assert_eq!(
        fix(line),
        "rel set ada --purpose TEXT --cadence biweekly --their-aims TEXT --topic TEXT --until DATE \
         · rel goal add ada TEXT"
    );
    let expert = Case::bare(Role::Expert).started(TODAY).assess();
    assert_eq!(
        item(&expert, "not recorded yet").message,
        "not recorded yet: purpose, cadence, their aims, topic, time box, goals"
    );
}

#[test]
fn only_items_missing_means_no_rel_set_in_the_fix() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.goals[0].dropped = Some(day("2026-10-01")))
        .assess();
    let line = item(&a, "not recorded yet");
    assert_eq!(line.message, "not recorded yet: goals");
    assert_eq!(fix(line), "rel goal add ada TEXT");
    assert_eq!(line.weight, 1);
}

// ---------------------------------------------------------------------------
// Paused and ended relationships, and the order of the list.

/// A sponsorship with nearly everything wrong.
fn neglected(role: Role) -> Case {
    Case::healthy(role).meetings(&["2026-09-10"]).with(|r| {
        r.agreement = None;
        r.opted_in = None;
        r.purpose = None;
        r.reviewed = Some(day("2026-08-01"));
        r.advocacy.clear();
        r.add_waypoint(
            "Lead the Q1 review".into(),
            day("2026-10-01"),
            day("2026-09-01"),
        );
        r.add_goal(
            "Ship the RFC".into(),
            day("2026-09-01"),
            Some(day("2026-11-01")),
        );
        r.add_action(action("Book the venue", Owner::Me), day("2026-10-01"), None);
        r.add_action(
            NewAction {
                due: Some(day("2026-11-20")),
                ..action("Send the slides", Owner::Them)
            },
            day("2026-11-01"),
            None,
        );
    })
}

#[test]
fn paused_and_ended_relationships_raise_no_attention() {
    assert!(neglected(Role::Sponsor).assess().attention.len() > 5);
    for status in [Status::Paused, Status::Ended] {
        let a = neglected(Role::Sponsor)
            .with(|r| r.status = status)
            .assess();
        assert!(a.attention.is_empty(), "{status:?}: {:?}", messages(&a));
    }
    let bare = Case::bare(Role::Learner)
        .with(|r| r.status = Status::Paused)
        .assess();
    assert!(bare.attention.is_empty());
}

#[test]
fn the_attention_list_puts_the_most_urgent_first() {
    let a = neglected(Role::Sponsor).assess();
    assert_eq!(
        messages(&a),
        [
            "no check-in for 77 days (cadence biweekly)",
            "waypoint w2 \"Lead the Q1 review\" was due 2026-10-01",
            "goal g2 \"Ship the RFC\" was due 2026-11-01",
            "protégé has not opted in",
            "no agreement recorded — have the kickoff conversation",
            "no act of advocacy recorded (expected every 4 weeks)",
            "last review of the relationship 117 days ago (every 3 months)",
            "their action a4 \"Send the slides\" was due 2026-11-20",
            "action a3 \"Book the venue\" open for 56 days",
            "not recorded yet: purpose",
        ]
    );
    let urgencies: Vec<u32> = a.attention.iter().map(|i| i.urgency).collect();
    assert!(urgencies.windows(2).all(|w| w[0] >= w[1]), "{urgencies:?}");
    assert!(a.attention.iter().all(|i| i.handle.as_str() == "ada"));
    assert!(a.attention.iter().all(|i| i.fix.is_some()));
}

#[test]
fn of_equally_urgent_items_the_latest_comes_first() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| {
            r.add_waypoint("Recent".into(), day("2026-11-20"), day("2026-09-01"));
            r.add_waypoint("Older".into(), day("2026-10-01"), day("2026-09-01"));
        })
        .assess();
    assert_eq!(
        messages(&a),
        [
            "waypoint w3 \"Older\" was due 2026-10-01",
            "waypoint w2 \"Recent\" was due 2026-11-20"
        ]
    );
}

#[test]
fn sorting_across_relationships_orders_by_urgency_then_lateness_then_handle() {
    let line = |handle: &str, urgency: u32, weight: i64| Attention {
        handle: Handle::parse(handle).unwrap(),
        urgency,
        weight,
        message: format!("{handle} {urgency} {weight}"),
        fix: None,
    };
    let mut items = vec![
        line("ken", 35, 45),
        line("zoe", 90, 3),
        line("ada", 90, 3),
        line("linus", 90, 20),
        line("grace", 55, 0),
        line("ada", 35, 60),
    ];
    sort_attention(&mut items);
    let order: Vec<&str> = items.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(
        order,
        [
            "linus 90 20",
            "ada 90 3",
            "zoe 90 3",
            "grace 55 0",
            "ada 35 60",
            "ken 35 45"
        ]
    );
}

// ---------------------------------------------------------------------------
// Words.

#[test]
fn counts_and_days_read_as_words() {
    assert_eq!(plural(0, "goal"), "0 goals");
    assert_eq!(plural(1, "goal"), "1 goal");
    assert_eq!(plural(2, "goal"), "2 goals");
    assert_eq!(ago(0), "today");
    assert_eq!(ago(1), "yesterday");
    assert_eq!(ago(12), "12 days ago");
    assert_eq!(ago(-1), "tomorrow");
    assert_eq!(ago(-3), "in 3 days");
    assert_eq!(in_days(0), "today");
    assert_eq!(in_days(1), "tomorrow");
    assert_eq!(in_days(5), "in 5 days");
}
