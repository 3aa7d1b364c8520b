//! The attention list: what is missing or late, in a line each, with the
//! command that deals with it.

use super::*;

impl Assessor<'_> {
    /// Drift: four meetings in a row, or meetings all through the last three
    /// cadences, with no goal achieved, waypoint reached or action closed.
    fn drift(&self, a: &Assessment, movement: Option<NaiveDate>) -> Option<String> {
        let n = a.meetings_since_movement;
        let span = self
            .rel
            .cadence
            .as_ref()
            .map(|c| c.span().times(DRIFT_CADENCES));
        let window_start = span.and_then(|s| s.shift(self.today, -1));
        let quiet_window = window_start.is_some_and(|start| {
            let in_window = start
                .pred_opt()
                .map_or(0, |before| self.snap.meetings.between(before, self.today));
            in_window >= 2 && movement.is_none_or(|m| m < start) && self.start() < start
        });
        if n < DRIFT_MEETINGS && !quiet_window {
            return None;
        }
        let what = if movement.is_some() {
            "since anything moved"
        } else {
            "and nothing has moved yet"
        };
        Some(format!(
            "{} {what} — is the pairing still serving its purpose?",
            plural(n, "meeting")
        ))
    }

    pub(super) fn attention(&self, a: &Assessment, movement: Option<NaiveDate>) -> Vec<Attention> {
        let rel = self.rel;
        let h = self.h;
        let today = self.today;
        let mut out = Vec::new();
        let mut push = |urgency: u32, weight: i64, message: String, fix: Option<String>| {
            out.push(Attention {
                handle: self.snap.handle.clone(),
                urgency,
                weight,
                message,
                fix,
            });
        };
        let cadence = rel
            .cadence
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default();
        let days_since_last = a.last_checkin.map(|d| days_between(d, today));

        // The meeting rhythm.
        match (a.timing, days_since_last) {
            (Timing::Overdue { days_late }, Some(days)) => push(
                90,
                days_late,
                format!("no check-in for {days} days (cadence {cadence})"),
                Some(format!("rel checkin {h}")),
            ),
            (Timing::Overdue { days_late }, None) => push(
                90,
                days_late,
                format!(
                    "no check-in since it started {} days ago (cadence {cadence})",
                    days_between(self.start(), today)
                ),
                Some(format!("rel checkin {h}")),
            ),
            (Timing::Due { days_late }, Some(days)) => push(
                60,
                days_late,
                format!("check-in due: the last was {days} days ago (cadence {cadence})"),
                Some(format!("rel checkin {h}")),
            ),
            (Timing::Due { days_late }, None) => push(
                60,
                days_late,
                format!("first check-in due (cadence {cadence})"),
                Some(format!("rel checkin {h}")),
            ),
            _ => {}
        }
        let silenced = matches!(
            a.timing,
            Timing::Snoozed { .. } | Timing::Due { .. } | Timing::Overdue { .. }
        );
        if let Some(planned) = a.planned.filter(|p| *p < today)
            && !silenced
        {
            push(
                58,
                days_between(planned, today),
                format!("the meeting planned for {planned} is not recorded"),
                Some(format!("rel checkin {h} --date {planned}")),
            );
        }

        // Reverse-mentoring's time box.
        if rel.kind == Kind::ReverseMentoring {
            let held = a.held;
            let sessions = rel.sessions.map(|n| n as usize);
            let tally = match sessions {
                Some(n) => format!("{held} of {n} sessions held"),
                None => plural(held, "session") + " held",
            };
            let choice = "conclude, extend or evolve into mentoring";
            let fix = Some(format!(
                "rel end {h} · rel set {h} --until DATE · rel evolve {h} --into mentoring"
            ));
            match rel.until {
                Some(until) if until < today => push(
                    85,
                    days_between(until, today),
                    format!(
                        "reverse-mentoring time box ended {} ({tally}) — {choice}",
                        ago(days_between(until, today))
                    ),
                    fix.clone(),
                ),
                Some(until) if days_between(today, until) <= TIME_BOX_WARNING_DAYS => push(
                    80,
                    TIME_BOX_WARNING_DAYS - days_between(today, until),
                    format!(
                        "reverse-mentoring ends {} ({tally}) — {choice}",
                        in_days(days_between(today, until))
                    ),
                    fix.clone(),
                ),
                _ => match sessions {
                    Some(n) if held >= n => push(
                        84,
                        0,
                        format!("all {n} reverse-mentoring sessions held — {choice}"),
                        fix.clone(),
                    ),
                    Some(n) if n > 1 && held + 1 >= n => push(
                        79,
                        0,
                        format!("reverse-mentoring: {tally}, one left — {choice}"),
                        fix.clone(),
                    ),
                    _ => {}
                },
            }
        }

        // Plans gone late.
        for w in rel
            .waypoints_by_due()
            .into_iter()
            .filter(|w| w.is_open() && w.due < today)
        {
            push(
                75,
                days_between(w.due, today),
                format!("waypoint {} \"{}\" was due {}", w.id, clip(&w.text), w.due),
                Some(format!("rel waypoint reach {h} {}", w.id)),
            );
        }
        for g in rel.goals.iter().filter(|g| g.is_open()) {
            if let Some(due) = g.due.filter(|d| *d < today) {
                push(
                    70,
                    days_between(due, today),
                    format!("goal {} \"{}\" was due {}", g.id, clip(&g.text), due),
                    Some(format!("rel goal done {h} {}", g.id)),
                );
            }
        }

        // Drift: meetings keep happening but nothing moves.
        if let Some(message) = self.drift(a, movement) {
            push(
                65,
                a.meetings_since_movement as i64,
                message,
                Some(format!("rel checkin {h} --review")),
            );
        }

        // The other person.
        if rel.kind == Kind::Sponsoring && rel.opted_in.is_none() {
            let who = if rel.role == Role::Protege {
                "you have not opted in"
            } else {
                "protégé has not opted in"
            };
            push(
                55,
                0,
                who.to_string(),
                Some(format!("rel set {h} --opted-in DATE")),
            );
        }
        if rel.agreement.is_none() {
            push(
                50,
                days_between(self.rel.started, today),
                "no agreement recorded — have the kickoff conversation".to_string(),
                Some(format!("rel set {h} --agreed DATE --how TEXT")),
            );
        }
        if rel.kind == Kind::Sponsoring && rel.role == Role::Sponsor {
            let fact = self.advocacy_fact();
            if !fact.ok {
                push(
                    45,
                    0,
                    format!(
                        "{} (expected every {})",
                        fact.text,
                        self.advocacy_window().words()
                    ),
                    fact.fix,
                );
            }
        }
        let review = self.review_fact(a.last_review);
        if !review.ok {
            push(40, 0, review.text, review.fix);
        }

        // Actions left open.
        for action in rel.open_actions() {
            let age = days_between(action.added, today);
            let whose = if action.owner == Owner::Them {
                "their action"
            } else {
                "action"
            };
            if let Some(due) = action.due.filter(|d| *d < today) {
                push(
                    36,
                    days_between(due, today),
                    format!(
                        "{whose} {} \"{}\" was due {due}",
                        action.id,
                        clip(&action.text)
                    ),
                    Some(format!("rel action done {h} {}", action.id)),
                );
            } else if age > self.settings.stale_action_days && action.due.is_none() {
                push(
                    35,
                    age,
                    format!(
                        "{whose} {} \"{}\" open for {age} days",
                        action.id,
                        clip(&action.text)
                    ),
                    Some(format!("rel action done {h} {}", action.id)),
                );
            }
        }

        // Whatever else is not recorded yet, in one line.
        let mut missing = Vec::new();
        let mut fixes = Vec::new();
        let setup = [
            (rel.purpose.is_none(), "purpose", "--purpose TEXT"),
            (rel.cadence.is_none(), "cadence", "--cadence biweekly"),
            (
                rel.their_aims.is_none(),
                if rel.role == Role::Learner {
                    "what the expert wants out of it"
                } else {
                    "their aims"
                },
                "--their-aims TEXT",
            ),
            (
                rel.kind == Kind::Sponsoring && rel.destination.is_none(),
                "destination",
                "--destination TEXT",
            ),
            (
                rel.kind == Kind::Sponsoring && rel.why.is_none(),
                "why this protégé",
                "--why TEXT",
            ),
            (
                rel.kind == Kind::ReverseMentoring && rel.topic.is_none(),
                "topic",
                "--topic TEXT",
            ),
            (
                rel.kind == Kind::ReverseMentoring && rel.until.is_none() && rel.sessions.is_none(),
                "time box",
                "--until DATE",
            ),
        ];
        for (absent, name, flag) in setup {
            if absent {
                missing.push(name);
                fixes.push(flag);
            }
        }
        let mut item_fixes = Vec::new();
        if self.snap.tally.goals.live == 0 {
            missing.push("goals");
            item_fixes.push(format!("rel goal add {h} TEXT"));
        }
        if rel.kind == Kind::Sponsoring && self.snap.tally.waypoints.live == 0 {
            missing.push("waypoints");
            item_fixes.push(format!("rel waypoint add {h} TEXT --due DATE"));
        }
        if !missing.is_empty() {
            let mut commands = Vec::new();
            if !fixes.is_empty() {
                commands.push(format!("rel set {h} {}", fixes.join(" ")));
            }
            commands.extend(item_fixes);
            push(
                30,
                missing.len() as i64,
                format!("not recorded yet: {}", missing.join(", ")),
                Some(commands.join(" · ")),
            );
        }
        out
    }
}
