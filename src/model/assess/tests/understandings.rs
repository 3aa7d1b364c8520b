//! The four understandings, each met, partly met or missing, and health.

use super::*;

// ---------------------------------------------------------------------------
// What you want.

#[test]
fn what_you_want_is_missing_without_a_purpose_or_goals() {
    let a = Case::bare(Role::Mentor).assess();
    assert_eq!(level(&a, Which::Want), Level::Missing);
    assert_eq!(
        facts(&a, Which::Want),
        [
            lacks(What::Purpose),
            lacks(What::Goals {
                live: 0,
                achieved: 0
            })
        ]
    );
}

#[test]
fn what_you_want_is_partly_met_with_a_purpose_but_no_goal() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.goals.clear())
        .assess();
    assert_eq!(level(&a, Which::Want), Level::Partly);
    assert_eq!(
        fact(&a, Which::Want, "goals"),
        &lacks(What::Goals {
            live: 0,
            achieved: 0
        })
    );
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
        fact(&a, Which::Want, "goals"),
        &holds(What::Goals {
            live: 2,
            achieved: 1
        })
    );

    let only_dropped = Case::healthy(Role::Mentor)
        .with(|r| r.goals[0].dropped = Some(day("2026-10-01")))
        .assess();
    assert_eq!(
        fact(&only_dropped, Which::Want, "goals"),
        &lacks(What::Goals {
            live: 0,
            achieved: 0
        })
    );
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
    assert_eq!(
        fact(&a, Which::Want, "destination"),
        &lacks(What::Destination { destination: None })
    );
    assert_eq!(fact(&a, Which::Want, "why"), &lacks(What::Why));
}

#[test]
fn reverse_mentoring_wants_a_topic() {
    let a = Case::healthy(Role::Expert)
        .with(|r| r.topic = None)
        .assess();
    assert_eq!(
        fact(&a, Which::Want, "topic"),
        &lacks(What::Topic { topic: None })
    );
    assert_eq!(level(&a, Which::Want), Level::Partly);
}

#[test]
fn mentoring_is_not_asked_for_sponsoring_or_reverse_mentoring_facts() {
    let a = Case::healthy(Role::Mentee).assess();
    let all: Vec<&str> = a
        .understandings
        .iter()
        .flat_map(|u| u.facts.iter().map(Fact::key))
        .collect();
    for key in [
        "destination",
        "why",
        "opt-in",
        "topic",
        "time-box",
        "waypoints",
        "waypoint-late",
        "advocacy",
    ] {
        assert!(!all.contains(&key), "{key}: {all:?}");
    }
}

// ---------------------------------------------------------------------------
// How you get there.

#[test]
fn how_you_get_there_is_missing_without_an_agreement_or_a_cadence() {
    let a = Case::bare(Role::Mentor).assess();
    assert_eq!(level(&a, Which::How), Level::Missing);
    assert_eq!(
        facts(&a, Which::How),
        [
            lacks(What::Agreement { agreed: None }),
            lacks(What::Cadence { cadence: None })
        ]
    );
}

#[test]
fn how_you_get_there_is_partly_met_with_a_cadence_but_no_agreement() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.agreement = None)
        .assess();
    assert_eq!(level(&a, Which::How), Level::Partly);
    assert_eq!(
        fact(&a, Which::How, "cadence"),
        &holds(What::Cadence {
            cadence: Some(every("biweekly"))
        })
    );
}

#[test]
fn sponsoring_needs_waypoints_and_counts_the_ones_reached() {
    let none = Case::healthy(Role::Sponsor)
        .with(|r| r.waypoints.clear())
        .assess();
    assert_eq!(
        fact(&none, Which::How, "waypoints"),
        &lacks(What::Waypoints {
            live: 0,
            reached: 0
        })
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
        fact(&some, Which::How, "waypoints"),
        &holds(What::Waypoints {
            live: 2,
            reached: 1
        })
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
        a.understanding(Which::How).facts[2].clone()
    };
    let until = Some(day("2027-03-01"));
    assert_eq!(
        time_box(None, None),
        lacks(What::TimeBox {
            until: None,
            sessions: None,
            held: 2,
            ended: false,
            over: false,
        })
    );
    assert_eq!(
        time_box(Some("2027-03-01"), None),
        holds(What::TimeBox {
            until,
            sessions: None,
            held: 2,
            ended: false,
            over: false,
        })
    );
    assert_eq!(
        time_box(None, Some(6)),
        holds(What::TimeBox {
            until: None,
            sessions: Some(6),
            held: 2,
            ended: false,
            over: false,
        })
    );
    // One session set out and two held: the time box is over.
    assert_eq!(
        time_box(None, Some(1)),
        lacks(What::TimeBox {
            until: None,
            sessions: Some(1),
            held: 2,
            ended: false,
            over: true,
        })
    );
    assert_eq!(
        time_box(Some("2027-03-01"), Some(6)),
        holds(What::TimeBox {
            until,
            sessions: Some(6),
            held: 2,
            ended: false,
            over: false,
        })
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
    assert_eq!(
        fact(&a, Which::Where, "waypoint-late"),
        &lacks(What::WaypointLate {
            late: Some((id("w2"), day("2026-10-01")))
        })
    );
    assert_eq!(
        fact(&a, Which::Where, "goal-late"),
        &lacks(What::GoalLate {
            id: id("g2"),
            due: day("2026-11-01")
        })
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
    assert_eq!(
        fact(&a, Which::Where, "waypoint-late"),
        &holds(What::WaypointLate { late: None })
    );
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
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
        fact(&a, Which::Where, "waypoint-late"),
        &lacks(What::WaypointLate {
            late: Some((id("w3"), day("2026-10-01")))
        })
    );
    let late: Vec<_> = needs(&a)
        .into_iter()
        .filter(|n| n.key() == "waypoint-late")
        .collect();
    assert_eq!(
        late,
        [
            Need::WaypointLate {
                id: id("w3"),
                text: "Earlier".into(),
                due: day("2026-10-01"),
                days_late: 56,
            },
            Need::WaypointLate {
                id: id("w2"),
                text: "Later".into(),
                due: day("2026-11-01"),
                days_late: 25,
            }
        ]
    );
}

#[test]
fn the_first_review_is_not_due_until_a_review_period_after_the_start() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.reviewed = None)
        .assess();
    assert_eq!(
        fact(&a, Which::Where, "review"),
        &holds(What::Review {
            last_review: None,
            days_since: None,
            due: day("2026-12-01"),
            every: Span::Months(3),
        })
    );
    assert_eq!(a.last_review, None);
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
}

#[test]
fn review_overdue_when_never_reviewed_a_period_after_the_start() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.reviewed = None)
        .started("2026-08-26")
        .assess();
    assert_eq!(
        fact(&a, Which::Where, "review"),
        &lacks(What::Review {
            last_review: None,
            days_since: None,
            due: day(TODAY),
            every: Span::Months(3),
        })
    );
    assert_eq!(level(&a, Which::Where), Level::Partly);
    let line = item(&a, "review-due");
    assert_eq!(
        line.need,
        Need::ReviewDue {
            last_review: None,
            days_since: None,
            every: Span::Months(3),
        }
    );
    assert_eq!(line.urgency(), urgency::REVIEW);
}

#[test]
fn review_overdue_a_period_after_the_last_review() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.reviewed = Some(day("2026-08-26")))
        .assess();
    assert_eq!(
        fact(&a, Which::Where, "review"),
        &lacks(What::Review {
            last_review: Some(day("2026-08-26")),
            days_since: Some(92),
            due: day(TODAY),
            every: Span::Months(3),
        })
    );
    assert_eq!(
        needs(&a),
        [Need::ReviewDue {
            last_review: Some(day("2026-08-26")),
            days_since: Some(92),
            every: Span::Months(3),
        }]
    );

    let a_day_less = Case::healthy(Role::Mentor)
        .with(|r| r.reviewed = Some(day("2026-08-27")))
        .assess();
    assert_eq!(
        fact(&a_day_less, Which::Where, "review"),
        &holds(What::Review {
            last_review: Some(day("2026-08-27")),
            days_since: Some(91),
            due: day("2026-11-27"),
            every: Span::Months(3),
        })
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
        fact(&a, Which::Where, "review"),
        &holds(What::Review {
            last_review: Some(day("2026-11-19")),
            days_since: Some(7),
            due: day("2027-02-19"),
            every: Span::Months(3),
        })
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
    let id = CheckinId::new(future.date, 1);
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
        fact(&a, Which::Where, "review"),
        &lacks(What::Review {
            last_review: None,
            days_since: None,
            due: day("2026-04-01"),
            every: Span::Months(3),
        })
    );
    assert_eq!(
        item(&a, "review-due").need,
        Need::ReviewDue {
            last_review: None,
            days_since: None,
            every: Span::Months(3),
        }
    );

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
        fact(&earlier, Which::Where, "review"),
        &holds(What::Review {
            last_review: Some(day("2026-11-19")),
            days_since: Some(7),
            due: day("2027-02-19"),
            every: Span::Months(3),
        })
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
        needs(&own),
        [Need::ReviewDue {
            last_review: Some(day("2026-10-26")),
            days_since: Some(31),
            every: Span::Months(1),
        }]
    );

    let mut configured = Case::healthy(Role::Mentor).with(|r| r.reviewed = Some(day("2026-10-15")));
    configured.settings.review_every = Span::Weeks(6);
    assert_eq!(
        needs(&configured.assess()),
        [Need::ReviewDue {
            last_review: Some(day("2026-10-15")),
            days_since: Some(42),
            every: Span::Weeks(6),
        }]
    );
}

// ---------------------------------------------------------------------------
// Where they are.

#[test]
fn where_they_are_is_missing_without_their_aims_or_actions() {
    let a = Case::bare(Role::Mentor).assess();
    assert_eq!(level(&a, Which::Them), Level::Missing);
    assert_eq!(
        facts(&a, Which::Them),
        [
            lacks(What::TheirAims { expert: false }),
            lacks(What::TheirActions { open: 0, done: 0 })
        ]
    );
}

#[test]
fn a_learner_is_asked_what_the_expert_wants_out_of_it() {
    let learner = Case::healthy(Role::Learner)
        .with(|r| r.their_aims = None)
        .assess();
    assert_eq!(
        facts(&learner, Which::Them)[0],
        lacks(What::TheirAims { expert: true })
    );
    assert_eq!(level(&learner, Which::Them), Level::Partly);

    // The expert's other person is the learner: the plain wording.
    let expert = Case::healthy(Role::Expert)
        .with(|r| r.their_aims = None)
        .assess();
    assert_eq!(
        facts(&expert, Which::Them)[0],
        lacks(What::TheirAims { expert: false })
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
        fact(&a, Which::Them, "their-actions"),
        &holds(What::TheirActions { open: 0, done: 2 })
    );

    // Only my actions, or only dropped ones of theirs: nothing tracked.
    let none = Case::healthy(Role::Mentor)
        .with(|r| r.actions[1].dropped = Some(day("2026-11-20")))
        .assess();
    assert_eq!(
        fact(&none, Which::Them, "their-actions"),
        &lacks(What::TheirActions { open: 0, done: 0 })
    );
}

#[test]
fn a_protege_who_has_not_opted_in_is_told_in_their_own_words() {
    let sponsor = Case::healthy(Role::Sponsor)
        .with(|r| r.opted_in = None)
        .assess();
    assert_eq!(
        fact(&sponsor, Which::Them, "opt-in"),
        &lacks(What::OptIn {
            opted_in: None,
            you: false
        })
    );
    let line = item(&sponsor, "not-opted-in");
    assert_eq!(line.need, Need::NotOptedIn { you: false });
    assert_eq!(line.urgency(), urgency::NOT_OPTED_IN);
    assert_eq!(level(&sponsor, Which::Them), Level::Partly);

    let protege = Case::healthy(Role::Protege)
        .with(|r| r.opted_in = None)
        .assess();
    assert_eq!(
        fact(&protege, Which::Them, "opt-in"),
        &lacks(What::OptIn {
            opted_in: None,
            you: true
        })
    );
    assert_eq!(needs(&protege), [Need::NotOptedIn { you: true }]);
}

#[test]
fn no_advocacy_expected_so_soon_after_the_start() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| r.advocacy.clear())
        .started("2026-11-10")
        .meetings(&["2026-11-19"])
        .assess();
    assert_eq!(
        fact(&a, Which::Them, "advocacy"),
        &holds(What::Advocacy {
            last_advocacy: None,
            days_since: None,
            window: Span::Weeks(4),
        })
    );
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
}

#[test]
fn a_sponsor_without_advocacy_within_two_cadences_is_nudged() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| r.advocacy.clear())
        .assess();
    assert_eq!(
        fact(&a, Which::Them, "advocacy"),
        &lacks(What::Advocacy {
            last_advocacy: None,
            days_since: None,
            window: Span::Weeks(4),
        })
    );
    let line = item(&a, "advocacy-due");
    assert_eq!(
        line.need,
        Need::AdvocacyDue {
            last_advocacy: None,
            days_since: None,
            window: Span::Weeks(4),
        }
    );
    assert_eq!(line.urgency(), urgency::ADVOCACY);
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
        fact(&in_time, Which::Them, "advocacy"),
        &holds(What::Advocacy {
            last_advocacy: Some(day("2026-10-30")),
            days_since: Some(27),
            window: Span::Weeks(4),
        })
    );
    assert!(in_time.attention.is_empty());

    let late = after("2026-10-29");
    assert_eq!(
        fact(&late, Which::Them, "advocacy"),
        &lacks(What::Advocacy {
            last_advocacy: Some(day("2026-10-29")),
            days_since: Some(28),
            window: Span::Weeks(4),
        })
    );
    assert_eq!(
        needs(&late),
        [Need::AdvocacyDue {
            last_advocacy: Some(day("2026-10-29")),
            days_since: Some(28),
            window: Span::Weeks(4),
        }]
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
    assert_eq!(
        fact(&after("2026-09-27"), Which::Them, "advocacy"),
        &holds(What::Advocacy {
            last_advocacy: Some(day("2026-09-27")),
            days_since: Some(60),
            window: Span::Months(2),
        })
    );
    assert_eq!(
        item(&after("2026-09-26"), "advocacy-due").need,
        Need::AdvocacyDue {
            last_advocacy: Some(day("2026-09-26")),
            days_since: Some(61),
            window: Span::Months(2),
        }
    );
}

#[test]
fn advocacy_dated_after_today_does_not_count() {
    let a = Case::healthy(Role::Sponsor)
        .with(|r| r.advocacy.clear())
        .advocated("2026-12-01")
        .assess();
    assert_eq!(
        fact(&a, Which::Them, "advocacy"),
        &lacks(What::Advocacy {
            last_advocacy: None,
            days_since: None,
            window: Span::Weeks(4),
        })
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
    let a = Case::healthy(Role::Mentor).assess();
    for which in Which::ALL {
        assert_eq!(a.understanding(which).which, which);
    }
}
