//! The attention list: every rule, the need it raises, and its order.

use super::*;

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

#[test]
fn reverse_mentoring_warns_within_fourteen_days_of_its_end() {
    let a = reverse(Some("2026-12-01"), Some(6)).assess();
    let line = item(&a, "time-box-ending");
    assert_eq!(
        line.need,
        Need::TimeBoxEnding {
            until: day("2026-12-01"),
            days_left: 5,
            held: 4,
            sessions: Some(6),
        }
    );
    assert_eq!(line.urgency(), urgency::TIME_BOX_ENDING);
    assert_eq!(line.need.weight(), 9);
    assert_eq!(a.attention.len(), 1, "{:?}", needs(&a));

    let ending = |until: &str| {
        let a = reverse(Some(until), None).assess();
        item(&a, "time-box-ending").need.clone()
    };
    assert_eq!(
        ending("2026-12-10"),
        Need::TimeBoxEnding {
            until: day("2026-12-10"),
            days_left: 14,
            held: 4,
            sessions: None,
        }
    );
    assert!(
        reverse(Some("2026-12-11"), None)
            .assess()
            .attention
            .is_empty()
    );
    assert_eq!(
        ending("2026-11-27"),
        Need::TimeBoxEnding {
            until: day("2026-11-27"),
            days_left: 1,
            held: 4,
            sessions: None,
        }
    );
    assert_eq!(
        ending(TODAY),
        Need::TimeBoxEnding {
            until: day(TODAY),
            days_left: 0,
            held: 4,
            sessions: None,
        }
    );
}

#[test]
fn reverse_mentoring_past_its_end_date_is_urgent() {
    let a = reverse(Some("2026-11-23"), None).assess();
    let line = item(&a, "time-box-ended");
    assert_eq!(
        line.need,
        Need::TimeBoxEnded {
            until: day("2026-11-23"),
            days_ago: 3,
            held: 4,
            sessions: None,
        }
    );
    assert_eq!(line.urgency(), urgency::TIME_BOX_ENDED);
    assert_eq!(line.need.weight(), 3);

    let yesterday = reverse(Some("2026-11-25"), Some(6)).assess();
    assert_eq!(
        item(&yesterday, "time-box-ended").need,
        Need::TimeBoxEnded {
            until: day("2026-11-25"),
            days_ago: 1,
            held: 4,
            sessions: Some(6),
        }
    );
}

#[test]
fn reverse_mentoring_with_all_its_sessions_held_asks_what_next() {
    let a = reverse(None, Some(4)).assess();
    let line = item(&a, "sessions-all-held");
    assert_eq!(
        line.need,
        Need::SessionsAllHeld {
            held: 4,
            sessions: 4
        }
    );
    assert_eq!(line.urgency(), urgency::SESSIONS_ALL_HELD);
    // More held than agreed still counts as all held.
    assert_eq!(
        item(
            &reverse(Some("2027-06-01"), Some(3)).assess(),
            "sessions-all-held"
        )
        .need,
        Need::SessionsAllHeld {
            held: 4,
            sessions: 3
        }
    );
}

#[test]
fn reverse_mentoring_with_one_session_left_says_so() {
    let a = reverse(None, Some(5)).assess();
    let line = item(&a, "last-session");
    assert_eq!(
        line.need,
        Need::LastSession {
            held: 4,
            sessions: 5
        }
    );
    assert_eq!(line.urgency(), urgency::LAST_SESSION);
    assert!(reverse(None, Some(6)).assess().attention.is_empty());
}

#[test]
fn a_single_agreed_session_is_not_one_left_before_it_is_held() {
    let a = reverse(None, Some(1))
        .meetings(&[])
        .started("2026-11-20")
        .assess();
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
}

#[test]
fn the_time_box_warns_the_expert_too() {
    let a = Case::healthy(Role::Expert)
        .with(|r| r.until = Some(day("2026-12-01")))
        .assess();
    assert_eq!(
        item(&a, "time-box-ending").need,
        Need::TimeBoxEnding {
            until: day("2026-12-01"),
            days_left: 5,
            held: 2,
            sessions: Some(10),
        }
    );
}

#[test]
fn only_reverse_mentoring_has_a_time_box() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| {
            r.until = Some(day("2026-11-20"));
            r.sessions = Some(2);
        })
        .assess();
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
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
    let line = item(&a, "waypoint-late");
    assert_eq!(
        line.need,
        Need::WaypointLate {
            id: id("w2"),
            text: "Lead the Q1 review".into(),
            due: day("2026-10-01"),
            days_late: 56,
        }
    );
    assert_eq!(line.urgency(), urgency::WAYPOINT_LATE);
    assert_eq!(line.need.weight(), 56);
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
    let line = item(&a, "goal-late");
    assert_eq!(
        line.need,
        Need::GoalLate {
            id: id("g2"),
            text: "Ship the RFC".into(),
            due: day("2026-11-01"),
            days_late: 25,
        }
    );
    assert_eq!(line.urgency(), urgency::GOAL_LATE);
    assert_eq!(line.need.weight(), 25);
}

/// The need keeps the item's whole text; the report clips it to one line.
#[test]
fn long_item_text_is_kept_whole_for_the_report_to_clip() {
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
        item(&a, "goal-late").need,
        Need::GoalLate {
            id: id("g2"),
            text: format!("{long}\nwith notes"),
            due: day("2026-11-01"),
            days_late: 25,
        }
    );
}

// ---------------------------------------------------------------------------
// Drift: meetings keep happening but nothing moves.

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
    let line = item(&four, "drift");
    assert_eq!(
        line.need,
        Need::Drift {
            meetings_since_movement: 4,
            anything_moved: true,
        }
    );
    assert_eq!(line.urgency(), urgency::DRIFT);
    assert_eq!(line.need.weight(), 4);

    let three = Case::healthy(Role::Mentor)
        .meetings(&["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-25"])
        .assess();
    assert_eq!(three.meetings_since_movement, 3);
    assert!(three.attention.is_empty(), "{:?}", needs(&three));
}

#[test]
fn drift_says_when_nothing_has_moved_yet() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.actions[0].done = None)
        .no_cadence()
        .meetings(&["2026-10-01", "2026-10-15", "2026-11-05", "2026-11-19"])
        .assess();
    assert_eq!(
        item(&a, "drift").need,
        Need::Drift {
            meetings_since_movement: 4,
            anything_moved: false,
        }
    );
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
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
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
    let line = item(&a, "drift");
    assert_eq!(
        line.need,
        Need::Drift {
            meetings_since_movement: 2,
            anything_moved: true,
        }
    );
    assert_eq!(line.urgency(), urgency::DRIFT);
    assert_eq!(line.need.weight(), 2);
}

#[test]
fn no_drift_by_cadences_with_only_one_meeting_in_them() {
    let a = quiet()
        .meetings(&["2026-10-20", "2026-11-04", "2026-11-20"])
        .assess();
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
}

#[test]
fn no_drift_by_cadences_when_something_moved_within_them() {
    let a = quiet()
        .with(|r| r.actions[0].done = Some(day("2026-11-05")))
        .assess();
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
}

#[test]
fn no_drift_by_cadences_for_a_relationship_younger_than_three_cadences() {
    let a = quiet()
        .started("2026-11-05")
        .with(|r| r.actions[0].done = None)
        .assess();
    assert_eq!(a.meetings_since_movement, 3);
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
}

#[test]
fn no_drift_by_cadences_without_a_cadence() {
    let a = quiet().no_cadence().assess();
    assert!(!has_item(&a, "drift"), "{:?}", needs(&a));
}

// ---------------------------------------------------------------------------
// The agreement.

#[test]
fn no_agreement_is_an_attention_item_weighted_by_age() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.agreement = None)
        .assess();
    let line = item(&a, "no-agreement");
    assert_eq!(
        line.need,
        Need::NoAgreement {
            days_since_start: 86
        }
    );
    assert_eq!(line.urgency(), urgency::NO_AGREEMENT);
    assert_eq!(line.need.weight(), 86);
    assert_eq!(a.attention.len(), 1, "{:?}", needs(&a));
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
    let line = item(&a, "action-stale");
    assert_eq!(
        line.need,
        Need::ActionStale {
            id: id("a3"),
            text: "Book the venue".into(),
            owner: Owner::Me,
            days_open: 31,
        }
    );
    assert_eq!(line.urgency(), urgency::ACTION_STALE);
    assert_eq!(line.need.weight(), 31);

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
        needs(&a),
        [Need::ActionStale {
            id: id("a3"),
            text: "Book the venue".into(),
            owner: Owner::Them,
            days_open: 56,
        }]
    );
}

#[test]
fn an_action_past_its_due_date_is_an_attention_item() {
    let a = with_action(Owner::Me, "2026-11-20", Some("2026-11-25")).assess();
    let line = item(&a, "action-late");
    assert_eq!(
        line.need,
        Need::ActionLate {
            id: id("a3"),
            text: "Book the venue".into(),
            owner: Owner::Me,
            due: day("2026-11-25"),
            days_late: 1,
        }
    );
    assert_eq!(line.urgency(), urgency::ACTION_LATE);
    assert_eq!(line.need.weight(), 1);

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
        needs(&a),
        [Need::ActionLate {
            id: id("a3"),
            text: "Book the venue".into(),
            owner: Owner::Them,
            due: day("2026-10-01"),
            days_late: 56,
        }]
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
    assert!(a.attention.is_empty(), "{:?}", needs(&a));
}

#[test]
fn the_stale_action_age_comes_from_the_settings() {
    let mut case = with_action(Owner::Me, "2026-11-18", None);
    case.settings.stale_action_days = 7;
    assert_eq!(
        needs(&case.assess()),
        [Need::ActionStale {
            id: id("a3"),
            text: "Book the venue".into(),
            owner: Owner::Me,
            days_open: 8,
        }]
    );
}

// ---------------------------------------------------------------------------
// Whatever else is not recorded yet, in one line.

#[test]
fn what_is_not_recorded_yet_is_grouped_in_one_line() {
    let a = Case::bare(Role::Mentor).started(TODAY).assess();
    let missing = Need::NotRecorded {
        missing: vec![
            Setup::Purpose,
            Setup::Cadence,
            Setup::TheirAims,
            Setup::Goals,
            Setup::TheirActions,
        ],
    };
    let line = item(&a, "not-recorded");
    assert_eq!(line.need, missing);
    assert_eq!(line.urgency(), urgency::NOT_RECORDED);
    assert_eq!(line.need.weight(), 5);
    assert_eq!(
        needs(&a),
        [
            Need::NoAgreement {
                days_since_start: 0
            },
            missing
        ]
    );
}

#[test]
fn a_bare_sponsorship_also_lacks_destination_why_and_waypoints() {
    let a = Case::bare(Role::Sponsor).started(TODAY).assess();
    assert_eq!(
        item(&a, "not-recorded").need,
        Need::NotRecorded {
            missing: vec![
                Setup::Purpose,
                Setup::Cadence,
                Setup::TheirAims,
                Setup::Destination,
                Setup::Why,
                Setup::Goals,
                Setup::Waypoints,
                Setup::TheirActions,
            ]
        }
    );
}

#[test]
fn a_bare_reverse_mentoring_also_lacks_a_topic_and_a_time_box() {
    let learner = Case::bare(Role::Learner).started(TODAY).assess();
    assert_eq!(
        item(&learner, "not-recorded").need,
        Need::NotRecorded {
            missing: vec![
                Setup::Purpose,
                Setup::Cadence,
                Setup::ExpertMotivation,
                Setup::ExpertWhy,
                Setup::Topic,
                Setup::TimeBox,
                Setup::Goals,
                Setup::TheirActions,
            ]
        }
    );
    let expert = Case::bare(Role::Expert).started(TODAY).assess();
    assert_eq!(
        item(&expert, "not-recorded").need,
        Need::NotRecorded {
            missing: vec![
                Setup::Purpose,
                Setup::Cadence,
                Setup::TheirAims,
                Setup::ExpertWhy,
                Setup::Topic,
                Setup::TimeBox,
                Setup::Goals,
                Setup::TheirActions,
            ]
        }
    );
}

#[test]
fn only_items_missing_means_only_items_not_recorded() {
    let a = Case::healthy(Role::Mentor)
        .with(|r| r.goals[0].dropped = Some(day("2026-10-01")))
        .assess();
    let line = item(&a, "not-recorded");
    assert_eq!(
        line.need,
        Need::NotRecorded {
            missing: vec![Setup::Goals]
        }
    );
    assert_eq!(line.need.weight(), 1);
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
        assert!(a.attention.is_empty(), "{status:?}: {:?}", needs(&a));
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
        needs(&a),
        [
            Need::CheckinOverdue {
                days_late: 63,
                last_checkin: Some(day("2026-09-10")),
                days_since: 77,
                cadence: every("biweekly"),
            },
            Need::WaypointLate {
                id: id("w2"),
                text: "Lead the Q1 review".into(),
                due: day("2026-10-01"),
                days_late: 56,
            },
            Need::GoalLate {
                id: id("g2"),
                text: "Ship the RFC".into(),
                due: day("2026-11-01"),
                days_late: 25,
            },
            Need::NotOptedIn { you: false },
            Need::NoAgreement {
                days_since_start: 86
            },
            Need::AdvocacyDue {
                last_advocacy: None,
                days_since: None,
                window: Span::Weeks(4),
            },
            Need::ReviewDue {
                last_review: Some(day("2026-08-01")),
                days_since: Some(117),
                every: Span::Months(3),
            },
            Need::ActionLate {
                id: id("a4"),
                text: "Send the slides".into(),
                owner: Owner::Them,
                due: day("2026-11-20"),
                days_late: 6,
            },
            Need::ActionStale {
                id: id("a3"),
                text: "Book the venue".into(),
                owner: Owner::Me,
                days_open: 56,
            },
            Need::NotRecorded {
                missing: vec![Setup::Purpose]
            },
        ]
    );
    let urgencies: Vec<u32> = a.attention.iter().map(Attention::urgency).collect();
    assert_eq!(
        urgencies,
        [
            urgency::LOSING_TOUCH,
            urgency::WAYPOINT_LATE,
            urgency::GOAL_LATE,
            urgency::NOT_OPTED_IN,
            urgency::NO_AGREEMENT,
            urgency::ADVOCACY,
            urgency::REVIEW,
            urgency::ACTION_LATE,
            urgency::ACTION_STALE,
            urgency::NOT_RECORDED,
        ]
    );
    assert!(urgencies.windows(2).all(|w| w[0] >= w[1]), "{urgencies:?}");
    assert!(a.attention.iter().all(|i| i.handle.as_str() == "ada"));
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
        needs(&a),
        [
            Need::WaypointLate {
                id: id("w3"),
                text: "Older".into(),
                due: day("2026-10-01"),
                days_late: 56,
            },
            Need::WaypointLate {
                id: id("w2"),
                text: "Recent".into(),
                due: day("2026-11-20"),
                days_late: 6,
            },
        ]
    );
}

#[test]
fn sorting_across_relationships_orders_by_urgency_then_lateness_then_handle() {
    let line = |handle: &str, need: Need| Attention {
        handle: Handle::parse(handle).unwrap(),
        need,
    };
    let losing_touch = |days_late: i64| Need::CheckinOverdue {
        days_late,
        last_checkin: None,
        days_since: days_late + 14,
        cadence: every("biweekly"),
    };
    let stale = |days_open: i64| Need::ActionStale {
        id: id("a1"),
        text: "Book the venue".into(),
        owner: Owner::Me,
        days_open,
    };
    let mut items = vec![
        line("ken", stale(45)),
        line("zoe", losing_touch(3)),
        line("ada", losing_touch(3)),
        line("linus", losing_touch(20)),
        line("grace", Need::NotOptedIn { you: false }),
        line("ada", stale(60)),
    ];
    sort_attention(&mut items);
    let order: Vec<(&str, u32, i64)> = items
        .iter()
        .map(|i| (i.handle.as_str(), i.urgency(), i.need.weight()))
        .collect();
    assert_eq!(
        order,
        [
            ("linus", urgency::LOSING_TOUCH, 20),
            ("ada", urgency::LOSING_TOUCH, 3),
            ("zoe", urgency::LOSING_TOUCH, 3),
            ("grace", urgency::NOT_OPTED_IN, 0),
            ("ada", urgency::ACTION_STALE, 60),
            ("ken", urgency::ACTION_STALE, 45),
        ]
    );
}

// ---------------------------------------------------------------------------
// Growth-area threads.

/// A healthy sponsorship (or the protégé's side of one) with growth area
/// c1 added 2026-09-01 and meetings on the given days.
fn growing(role: Role, meetings: &[&str], discussed: &[&str]) -> Case {
    let discussed: Vec<NaiveDate> = discussed.iter().map(|d| day(d)).collect();
    Case::healthy(role).meetings(meetings).with(move |r| {
        let c1 = r.add_growth("Influence across teams".into(), day("2026-09-01"));
        find(&mut r.growth, c1).unwrap().discussed = discussed;
    })
}

#[test]
fn a_growth_area_left_out_of_three_meetings_is_a_heads_up_for_a_sponsor() {
    let meetings = ["2026-10-08", "2026-10-22", "2026-11-05", "2026-11-19"];
    // Discussed at the first meeting, not at the three after it.
    let a = growing(Role::Sponsor, &meetings, &["2026-10-08"]).assess();
    let line = item(&a, "growth-area-quiet");
    assert_eq!(
        line.need,
        Need::GrowthAreaQuiet {
            id: id("c1"),
            text: "Influence across teams".into(),
            meetings_since: 3,
            last_discussed: Some(day("2026-10-08")),
        }
    );
    assert!(line.need.is_informational());
    assert_eq!(line.urgency(), urgency::GROWTH_AREA_QUIET);
    assert_eq!(a.health, Health::Green, "a heads-up never colours it");

    // Discussed at the second: only two meetings since.
    let a = growing(Role::Sponsor, &meetings, &["2026-10-22"]).assess();
    assert!(!has_item(&a, "growth-area-quiet"), "{:?}", needs(&a));
    // Never discussed: every meeting since it was added counts.
    let a = growing(Role::Sponsor, &meetings, &[]).assess();
    assert_eq!(
        item(&a, "growth-area-quiet").need,
        Need::GrowthAreaQuiet {
            id: id("c1"),
            text: "Influence across teams".into(),
            meetings_since: 4,
            last_discussed: None,
        }
    );
    // As of a day before the third quiet meeting, not yet.
    let a = growing(Role::Sponsor, &meetings, &["2026-10-08"])
        .on("2026-11-18")
        .assess();
    assert!(!has_item(&a, "growth-area-quiet"), "{:?}", needs(&a));
    // A discussion dated after the day of the assessment does not count.
    let a = growing(Role::Sponsor, &meetings, &["2026-10-08", "2026-11-20"])
        .on("2026-11-19")
        .assess();
    assert!(has_item(&a, "growth-area-quiet"), "{:?}", needs(&a));
}

#[test]
fn only_a_sponsor_hears_of_quiet_growth_areas_and_not_of_promoted_ones() {
    let meetings = ["2026-10-08", "2026-10-22", "2026-11-05", "2026-11-19"];
    let a = growing(Role::Protege, &meetings, &[]).assess();
    assert!(!has_item(&a, "growth-area-quiet"), "{:?}", needs(&a));
    let a = growing(Role::Sponsor, &meetings, &[])
        .with(|r| {
            r.promote_growth(id("c1"), day("2026-11-01")).unwrap();
        })
        .assess();
    assert!(!has_item(&a, "growth-area-quiet"), "{:?}", needs(&a));
}
