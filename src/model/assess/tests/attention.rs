//! The attention list: every rule, its words, and its order.

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
