//! The four understandings, each met, partly met or missing, and health.

use super::*;

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
