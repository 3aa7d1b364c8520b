//! One judgement: facts that need history come from all of it, a time box
//! that is over silences the cadence, a pause is never forgotten, and every
//! colour has a reason (checked on every case by `Case::assess`).

use super::*;
use crate::model::relationship::{Event, EventKind};

/// A reverse-mentoring as the learner, weekly, four sessions held, the
/// last on 2026-11-19.
fn reverse(until: Option<&str>, sessions: Option<u32>) -> Case {
    Case::healthy(Role::Learner)
        .cadence("weekly")
        .meetings(&["2026-10-29", "2026-11-05", "2026-11-12", "2026-11-19"])
        .with(|r| {
            r.until = until.map(day);
            r.sessions = sessions;
        })
}

#[test]
fn a_time_box_past_its_end_silences_the_cadence_and_asks_one_thing() {
    // Weekly, last met a week ago, so a check-in would be due today.
    let a = reverse(Some("2026-11-20"), Some(8)).assess();
    assert_eq!(a.timing, Timing::TimeBoxOver);
    assert_eq!(a.next_due, None);
    assert_eq!(
        needs(&a),
        [Need::TimeBoxEnded {
            until: day("2026-11-20"),
            days_ago: 6,
            held: 4,
            sessions: Some(8),
        }]
    );
    assert_eq!(a.health, Health::Amber);
    assert_eq!(
        fact(&a, Which::How, "time-box"),
        &lacks(What::TimeBox {
            until: Some(day("2026-11-20")),
            sessions: Some(8),
            held: 4,
            ended: true,
            over: true,
        })
    );
    assert!(fact(&a, Which::Where, "checkin").ok);
}

#[test]
fn every_session_held_is_the_end_of_the_time_box_too() {
    let a = reverse(Some("2027-03-01"), Some(4)).assess();
    assert_eq!(a.timing, Timing::TimeBoxOver);
    assert_eq!(a.next_due, None);
    assert_eq!(
        needs(&a),
        [Need::SessionsAllHeld {
            held: 4,
            sessions: 4
        }]
    );
    // Ending soon and all held: the one that asks what next wins.
    let a = reverse(Some("2026-12-01"), Some(4)).assess();
    assert_eq!(
        needs(&a),
        [Need::SessionsAllHeld {
            held: 4,
            sessions: 4
        }]
    );
}

#[test]
fn none_of_their_actions_tracked_is_said_not_just_coloured() {
    // Purpose, aims, agreement, a review, moving actions: but none of
    // theirs. Amber, and the list says why.
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.actions.retain(|x| x.owner == Owner::Me))
        .assess();
    assert_eq!(a.health, Health::Amber);
    assert_eq!(
        needs(&a),
        [Need::NotRecorded {
            missing: vec![Setup::TheirActions]
        }]
    );
}

#[test]
fn drift_is_a_reason_in_where_you_are() {
    // Nothing ever closed: five meetings and nothing has moved.
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.actions.retain(|x| x.owner == Owner::Them))
        .meetings(&[
            "2026-10-01",
            "2026-10-15",
            "2026-10-29",
            "2026-11-12",
            "2026-11-26",
        ])
        .assess();
    assert!(a.drifting);
    assert_eq!(
        fact(&a, Which::Where, "movement"),
        &lacks(What::Movement {
            last_movement: None,
            meetings_since_movement: 5,
        })
    );
    assert_eq!(a.health, Health::Amber);
    assert!(needs(&a).contains(&Need::Drift {
        meetings_since_movement: 5,
        anything_moved: false
    }));
}

fn paused(since: &str, today: &str) -> Assessment {
    Case::healthy(Role::Sponsor)
        .with(|r| {
            r.status = Status::Paused;
            r.events.push(Event {
                date: day(since),
                what: EventKind::Paused,
                from: None,
                from_role: None,
                until: None,
                note: Some("Parental leave".into()),
                field: None,
                old: None,
                new: None,
            });
        })
        .on(today)
        .assess()
}

#[test]
fn a_long_pause_asks_to_resume_or_end() {
    let a = paused("2026-09-24", TODAY);
    assert_eq!(a.health, Health::Paused);
    assert_eq!(
        a.paused,
        Some(Pause {
            since: day("2026-09-24"),
            note: Some("Parental leave".into())
        })
    );
    assert_eq!(
        needs(&a),
        [Need::PausedLong {
            since: day("2026-09-24"),
            days: 63
        }]
    );
    // Eight weeks is the default; a day short of it asks nothing yet.
    assert!(paused("2026-09-25", "2026-11-19").attention.is_empty());
    assert_eq!(paused("2026-09-25", "2026-11-20").attention.len(), 1);
}

#[test]
fn the_last_review_by_a_past_day_is_found_among_all_the_checkins() {
    let rel = {
        let mut rel = Relationship::new("Ada".into(), Role::Mentor, day("2026-01-01"));
        rel.reviewed = Some(day("2026-11-01"));
        rel
    };
    let earlier = || {
        [
            review("2026-05-01"),
            checkin("2026-06-01"),
            review("2026-03-01"),
        ]
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
    };
    // On or after the stamp: the stamp, nothing read.
    assert_eq!(
        last_review(&rel, day("2026-11-26"), std::iter::empty()),
        Some(day("2026-11-01"))
    );
    assert!(!review_needs_checkins(&rel, day("2026-11-01")));
    // Before it: the newest review held by then, however far back.
    assert!(review_needs_checkins(&rel, day("2026-07-01")));
    let mut newest_first = earlier();
    newest_first.sort_by_key(|c| std::cmp::Reverse(c.date));
    assert_eq!(
        last_review(&rel, day("2026-07-01"), newest_first.clone()),
        Some(day("2026-05-01"))
    );
    assert_eq!(
        last_review(&rel, day("2026-04-01"), newest_first.clone()),
        Some(day("2026-03-01"))
    );
    assert_eq!(last_review(&rel, day("2026-02-01"), newest_first), None);
}
