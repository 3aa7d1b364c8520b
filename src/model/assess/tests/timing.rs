//! The baseline, the meeting rhythm, and the next meeting as planned.

use super::*;

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
        assert!(a.attention.is_empty(), "{role:?}: {:?}", needs(&a));
    }
}

#[test]
fn a_healthy_mentoring_says_why_each_understanding_is_met() {
    let a = Case::healthy(Role::Mentor).assess();
    assert_eq!(
        facts(&a, Which::Want),
        [
            holds(What::Purpose),
            holds(What::Goals {
                live: 1,
                achieved: 0
            })
        ]
    );
    assert_eq!(
        facts(&a, Which::How),
        [
            holds(What::Agreement {
                agreed: Some(day("2026-09-01"))
            }),
            holds(What::Cadence {
                cadence: Some(every("biweekly"))
            })
        ]
    );
    assert_eq!(
        facts(&a, Which::Where),
        [
            holds(What::Checkin {
                timing: Timing::OnTrack,
                last_checkin: Some(day("2026-11-19")),
                days_since: 7,
                cadence: Some(every("biweekly")),
            }),
            holds(What::Review {
                last_review: Some(day("2026-11-01")),
                days_since: Some(25),
                due: day("2027-02-01"),
                every: Span::Months(3),
            })
        ]
    );
    assert_eq!(
        facts(&a, Which::Them),
        [
            holds(What::TheirAims { expert: false }),
            holds(What::TheirActions { open: 1, done: 0 })
        ]
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
    assert_eq!(
        facts(&a, Which::Want),
        [
            holds(What::Purpose),
            holds(What::Destination {
                destination: Some("staff engineer by Q3".into())
            }),
            holds(What::Why),
            holds(What::Goals {
                live: 1,
                achieved: 0
            })
        ]
    );
    assert_eq!(
        facts(&a, Which::How),
        [
            holds(What::Agreement {
                agreed: Some(day("2026-09-01"))
            }),
            holds(What::Cadence {
                cadence: Some(every("biweekly"))
            }),
            holds(What::Waypoints {
                live: 1,
                reached: 0
            })
        ]
    );
    assert_eq!(
        facts(&a, Which::Where),
        [
            holds(What::Checkin {
                timing: Timing::OnTrack,
                last_checkin: Some(day("2026-11-19")),
                days_since: 7,
                cadence: Some(every("biweekly")),
            }),
            holds(What::WaypointLate { late: None }),
            holds(What::Review {
                last_review: Some(day("2026-11-01")),
                days_since: Some(25),
                due: day("2027-02-01"),
                every: Span::Months(3),
            })
        ]
    );
    assert_eq!(
        facts(&a, Which::Them),
        [
            holds(What::TheirAims { expert: false }),
            holds(What::OptIn {
                opted_in: Some(day("2026-09-01")),
                you: false
            }),
            holds(What::Advocacy {
                last_advocacy: Some(day("2026-11-10")),
                days_since: Some(16),
                window: Span::Weeks(4),
            }),
            holds(What::TheirActions { open: 1, done: 0 })
        ]
    );
}

#[test]
fn a_protege_is_not_asked_about_advocacy() {
    let a = Case::healthy(Role::Protege)
        .with(|r| r.advocacy.clear())
        .assess();
    assert!(!fact_keys(&a, Which::Them).contains(&"advocacy"), "{a:#?}");
    assert!(!has_item(&a, "advocacy-due"), "{:?}", needs(&a));
    assert_eq!(a.health, Health::Green);
}

#[test]
fn a_healthy_reverse_mentoring_names_its_topic_and_time_box() {
    let a = Case::healthy(Role::Learner).assess();
    assert_eq!(
        fact(&a, Which::Want, "topic"),
        &holds(What::Topic {
            topic: Some("how teams use generative AI".into())
        })
    );
    assert_eq!(
        fact(&a, Which::How, "time-box"),
        &holds(What::TimeBox {
            until: Some(day("2027-03-01")),
            sessions: Some(10),
            held: 2,
            ended: false,
            over: false,
        })
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
    let due = item(&a, "checkin-due");
    assert_eq!(
        due.need,
        Need::CheckinDue {
            days_late: 0,
            last_checkin: Some(day("2026-11-12")),
            days_since: Some(14),
            cadence: every("biweekly"),
        }
    );
    assert_eq!(due.urgency(), urgency::CHECKIN_DUE);
    assert_eq!(
        fact(&a, Which::Where, "checkin"),
        &lacks(What::Checkin {
            timing: Timing::Due { days_late: 0 },
            last_checkin: Some(day("2026-11-12")),
            days_since: 14,
            cadence: Some(every("biweekly")),
        })
    );
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
    let overdue = item(&a, "checkin-overdue");
    assert_eq!(
        overdue.need,
        Need::CheckinOverdue {
            days_late: 14,
            last_checkin: Some(day("2026-10-29")),
            days_since: 28,
            cadence: every("biweekly"),
        }
    );
    assert_eq!(overdue.urgency(), urgency::LOSING_TOUCH);
    assert_eq!(overdue.need.weight(), 14);
    assert!(
        !has_item(&a, "checkin-due"),
        "one rhythm line, not two: {:?}",
        needs(&a)
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
        fact(&not_yet, Which::Where, "checkin"),
        &holds(What::Checkin {
            timing: Timing::OnTrack,
            last_checkin: None,
            days_since: 13,
            cadence: Some(every("biweekly")),
        })
    );
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
        item(&due, "checkin-due").need,
        Need::CheckinDue {
            days_late: 11,
            last_checkin: None,
            days_since: None,
            cadence: every("biweekly"),
        }
    );
    assert_eq!(
        fact(&due, Which::Where, "checkin"),
        &lacks(What::Checkin {
            timing: Timing::Due { days_late: 11 },
            last_checkin: None,
            days_since: 25,
            cadence: Some(every("biweekly")),
        })
    );

    let overdue = case().on("2026-11-29").assess();
    assert_eq!(overdue.timing, Timing::Overdue { days_late: 14 });
    let line = item(&overdue, "checkin-overdue");
    assert_eq!(
        line.need,
        Need::CheckinOverdue {
            days_late: 14,
            last_checkin: None,
            days_since: 28,
            cadence: every("biweekly"),
        }
    );
    assert_eq!(line.urgency(), urgency::LOSING_TOUCH);
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
        item(&on("2026-03-31"), "checkin-overdue").need,
        Need::CheckinOverdue {
            days_late: 31,
            last_checkin: Some(day("2026-01-31")),
            days_since: 59,
            cadence: every("monthly"),
        }
    );
}

#[test]
fn a_cadence_keeps_the_spelling_it_was_given() {
    let a = Case::healthy(Role::Mentor)
        .cadence("10d")
        .meetings(&["2026-11-16"])
        .assess();
    assert_eq!(a.timing, Timing::Due { days_late: 0 });
    let due = &item(&a, "checkin-due").need;
    assert_eq!(
        due,
        &Need::CheckinDue {
            days_late: 0,
            last_checkin: Some(day("2026-11-16")),
            days_since: Some(10),
            cadence: every("10d"),
        }
    );
    // Cadences compare by span: the spelling is checked apart.
    let Need::CheckinDue { cadence, .. } = due else {
        unreachable!()
    };
    assert_eq!(cadence.to_string(), "10d");
    let meeting = fact(&a, Which::How, "cadence");
    assert_eq!(
        meeting,
        &holds(What::Cadence {
            cadence: Some(every("10d"))
        })
    );
    let What::Cadence {
        cadence: Some(cadence),
    } = &meeting.what
    else {
        unreachable!()
    };
    assert_eq!(cadence.to_string(), "10d");
}

#[test]
fn without_a_cadence_nothing_is_ever_due() {
    let a = Case::healthy(Role::Mentor)
        .no_cadence()
        .meetings(&["2026-01-05"])
        .assess();
    assert_eq!(a.timing, Timing::NoCadence);
    assert_eq!(a.next_due, None);
    assert!(!has_item(&a, "checkin-overdue") && !has_item(&a, "checkin-due"));
    assert_eq!(
        fact(&a, Which::How, "cadence"),
        &lacks(What::Cadence { cadence: None })
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
    assert_eq!(
        fact(&recent, Which::Where, "checkin"),
        &holds(What::Checkin {
            timing: Timing::NoCadence,
            last_checkin: Some(day("2026-10-27")),
            days_since: 30,
            cadence: None,
        })
    );

    let stale = on("2026-10-26");
    assert_eq!(
        fact(&stale, Which::Where, "checkin"),
        &lacks(What::Checkin {
            timing: Timing::NoCadence,
            last_checkin: Some(day("2026-10-26")),
            days_since: 31,
            cadence: None,
        })
    );
}

#[test]
fn without_a_cadence_or_a_checkin_where_you_are_is_missing_a_checkin_at_once() {
    // With a cadence, a relationship that began today is told the first
    // check-in is not due; without one it is told at once that a check-in is
    // missing. See the report: this grace is arguably owed here too.
    let a = Case::bare(Role::Mentor).started(TODAY).assess();
    assert_eq!(
        fact(&a, Which::Where, "checkin"),
        &lacks(What::Checkin {
            timing: Timing::NoCadence,
            last_checkin: None,
            days_since: 0,
            cadence: None,
        })
    );
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
    assert_eq!(
        a.understanding(Which::Where).facts[0],
        holds(What::Checkin {
            timing: Timing::Snoozed { until: day(TODAY) },
            last_checkin: Some(day("2026-10-01")),
            days_since: 56,
            cadence: Some(every("biweekly")),
        })
    );
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
    // Snoozed counts as placed, so eight weeks without a meeting is still
    // green (see the report: the spec only silences the nudges).
    assert_eq!(a.health, Health::Green);

    let woke = snoozed("2026-11-25");
    assert_eq!(woke.timing, Timing::Overdue { days_late: 42 });
    assert_eq!(
        item(&woke, "checkin-overdue").need,
        Need::CheckinOverdue {
            days_late: 42,
            last_checkin: Some(day("2026-10-01")),
            days_since: 56,
            cadence: every("biweekly"),
        }
    );
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
        needs(&a),
        [Need::NoAgreement {
            days_since_start: 86
        }]
    );
}

#[test]
fn paused_and_ended_relationships_have_no_rhythm() {
    for (status, timing, health) in [
        (Status::Paused, Timing::Paused, Health::Paused),
        (Status::Ended, Timing::Ended, Health::Ended),
    ] {
        let a = Case::healthy(Role::Mentor)
            .meetings(&["2026-01-01"])
            .with(|r| r.status = status)
            .assess();
        assert_eq!(a.timing, timing);
        assert_eq!(a.health, health);
        assert_eq!(
            a.understanding(Which::Where).facts[0],
            holds(What::Checkin {
                timing,
                last_checkin: Some(day("2026-01-01")),
                days_since: 329,
                cadence: Some(every("biweekly")),
            })
        );
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
            !fact_keys(&a, Which::Where).contains(&"review"),
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
    let line = item(&a, "planned-meeting-missing");
    assert_eq!(
        line.need,
        Need::PlannedMeetingMissing {
            planned: day("2026-11-24"),
            days_ago: 2,
        }
    );
    assert_eq!(line.urgency(), urgency::PLANNED_MEETING);
    assert_eq!(line.need.weight(), 2);
}

#[test]
fn a_meeting_planned_for_today_or_later_is_not_yet_a_nudge() {
    for next in [TODAY, "2026-12-01"] {
        let a = Case::healthy(Role::Mentor)
            .meetings(&["2026-11-05"])
            .loaded(planning("2026-11-19", next))
            .assess();
        assert_eq!(a.planned, Some(day(next)));
        assert!(a.attention.is_empty(), "{next}: {:?}", needs(&a));
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
    assert!(!has_item(&due, "planned-meeting-missing"));
    assert!(has_item(&due, "checkin-due"));

    let snoozed = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-05"])
        .loaded(planning("2026-11-19", "2026-11-24"))
        .with(|r| r.snoozed_until = Some(day("2026-12-01")))
        .assess();
    assert!(snoozed.attention.is_empty(), "{:?}", needs(&snoozed));
}

#[test]
fn a_planned_meeting_nudges_even_without_a_cadence() {
    let a = Case::healthy(Role::Mentor)
        .no_cadence()
        .meetings(&["2026-11-05"])
        .loaded(planning("2026-11-19", "2026-11-24"))
        .assess();
    assert_eq!(
        item(&a, "planned-meeting-missing").need,
        Need::PlannedMeetingMissing {
            planned: day("2026-11-24"),
            days_ago: 2,
        }
    );
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
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
}

#[test]
fn a_meeting_held_on_or_after_the_planned_day_settles_the_plan() {
    // The check-in of the 20th is on file but not loaded.
    let a = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-05", "2026-11-20"])
        .loaded(planning("2026-11-12", "2026-11-20"))
        .assess();
    assert_eq!(a.planned, None);
    assert!(!has_item(&a, "planned-meeting-missing"));
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
