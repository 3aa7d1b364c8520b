//! The attention list: what is missing or late, as needs, one rule a
//! function.

use chrono::NaiveDate;

use super::{
    Assessment, Assessor, DRIFT_CADENCES, DRIFT_MEETINGS, GROWTH_QUIET_MEETINGS, Need, Setup,
    TIME_BOX_WARNING_DAYS, Timing,
};
use crate::model::date::days_between;
use crate::model::kind::{Kind, Role};

impl Assessor<'_> {
    /// Every need of an active relationship, in no particular order.
    pub(super) fn needs(&self, a: &Assessment, movement: Option<NaiveDate>) -> Vec<Need> {
        let mut out = Vec::new();
        out.extend(self.meeting_rhythm(a));
        out.extend(self.planned_meeting(a));
        out.extend(self.time_box(a));
        out.extend(self.late_waypoints());
        out.extend(self.late_goals());
        out.extend(self.drift(a, movement));
        out.extend(self.opt_in());
        out.extend(self.agreement());
        out.extend(self.recontract());
        out.extend(self.advocacy());
        out.extend(self.review(a));
        out.extend(self.actions());
        out.extend(self.not_recorded());
        out.extend(self.quiet_growth_areas());
        out
    }

    /// A check-in due by the cadence, or overdue (losing touch).
    fn meeting_rhythm(&self, a: &Assessment) -> Option<Need> {
        let cadence = self.rel.cadence.clone()?;
        let days_since = a.last_checkin.map(|d| days_between(d, self.today));
        match a.timing {
            Timing::Overdue { days_late } => Some(Need::CheckinOverdue {
                days_late,
                last_checkin: a.last_checkin,
                days_since: days_since.unwrap_or_else(|| days_between(self.start(), self.today)),
                cadence,
            }),
            Timing::Due { days_late } => Some(Need::CheckinDue {
                days_late,
                last_checkin: a.last_checkin,
                days_since,
                cadence,
            }),
            _ => None,
        }
    }

    /// The meeting planned at the last check-in has passed unrecorded
    /// (unless the cadence already says a meeting is due).
    fn planned_meeting(&self, a: &Assessment) -> Option<Need> {
        let planned = a.planned.filter(|p| *p < self.today)?;
        let silenced = matches!(
            a.timing,
            Timing::Snoozed { .. } | Timing::Due { .. } | Timing::Overdue { .. }
        );
        (!silenced).then(|| Need::PlannedMeetingMissing {
            planned,
            days_ago: days_between(planned, self.today),
        })
    }

    /// Reverse-mentoring's time box: ended, ending, or its sessions held.
    fn time_box(&self, a: &Assessment) -> Option<Need> {
        let rel = self.rel;
        if rel.kind != Kind::ReverseMentoring {
            return None;
        }
        let held = a.held;
        let sessions = rel.sessions;
        let today = self.today;
        // Over (the single "conclude, extend or evolve"), then nearly over.
        if let Some(until) = rel.until.filter(|until| *until < today) {
            return Some(Need::TimeBoxEnded {
                until,
                days_ago: days_between(until, today),
                held,
                sessions,
            });
        }
        if let Some(n) = sessions.filter(|n| held >= *n as usize) {
            return Some(Need::SessionsAllHeld { held, sessions: n });
        }
        if let Some(until) = rel
            .until
            .filter(|until| days_between(today, *until) <= TIME_BOX_WARNING_DAYS)
        {
            return Some(Need::TimeBoxEnding {
                until,
                days_left: days_between(today, until),
                held,
                sessions,
            });
        }
        match sessions {
            Some(n) if n > 1 && held + 1 >= n as usize => {
                Some(Need::LastSession { held, sessions: n })
            }
            _ => None,
        }
    }

    fn late_waypoints(&self) -> Vec<Need> {
        self.rel
            .waypoints_by_due()
            .into_iter()
            .filter(|w| w.is_open() && w.due < self.today)
            .map(|w| Need::WaypointLate {
                id: w.id,
                text: w.text.clone(),
                due: w.due,
                days_late: days_between(w.due, self.today),
            })
            .collect()
    }

    fn late_goals(&self) -> Vec<Need> {
        self.rel
            .goals
            .iter()
            .filter(|g| g.is_open())
            .filter_map(|g| {
                let due = g.due.filter(|d| *d < self.today)?;
                Some(Need::GoalLate {
                    id: g.id,
                    text: g.text.clone(),
                    due,
                    days_late: days_between(due, self.today),
                })
            })
            .collect()
    }

    /// Drift: four meetings in a row, or meetings all through the last three
    /// cadences, with no goal achieved, waypoint reached or action closed.
    pub(super) fn drifting(
        &self,
        meetings_since_movement: usize,
        movement: Option<NaiveDate>,
    ) -> bool {
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
        meetings_since_movement >= DRIFT_MEETINGS || quiet_window
    }

    fn drift(&self, a: &Assessment, movement: Option<NaiveDate>) -> Option<Need> {
        a.drifting.then_some(Need::Drift {
            meetings_since_movement: a.meetings_since_movement,
            anything_moved: movement.is_some(),
        })
    }

    /// A pause that has gone on long enough to ask whether to resume or
    /// end: a sponsorship must not die quietly.
    /// Fields changed differently on two machines that no one has
    /// settled yet.
    pub(super) fn merge_conflicts(&self) -> Vec<Need> {
        self.rel
            .open_conflicts()
            .into_iter()
            .filter(|e| e.date <= self.today)
            .filter_map(|e| {
                Some(Need::MergeConflict {
                    field: e.field.clone()?,
                    on: e.date,
                })
            })
            .collect()
    }

    pub(super) fn paused_needs(&self, a: &Assessment) -> Option<Need> {
        let pause = a.paused.as_ref()?;
        (self.settings.pause_nudge.after(pause.since) <= self.today).then(|| Need::PausedLong {
            since: pause.since,
            days: days_between(pause.since, self.today),
        })
    }

    fn opt_in(&self) -> Option<Need> {
        let rel = self.rel;
        (rel.kind == Kind::Sponsoring && rel.opted_in.is_none()).then_some(Need::NotOptedIn {
            you: rel.role == Role::Protege,
        })
    }

    fn agreement(&self) -> Option<Need> {
        self.rel.agreement.is_none().then(|| Need::NoAgreement {
            days_since_start: days_between(self.rel.started, self.today),
        })
    }

    /// The relationship changed after the agreement or the opt-in.
    fn recontract(&self) -> Option<Need> {
        let rel = self.rel;
        let agreement = rel.agreement_owed(self.today);
        let opt_in = rel.opt_in_owed(self.today);
        let change = agreement.or(opt_in)?;
        Some(Need::Recontract {
            changed: change.on,
            reason: change.reason,
            into: change.into,
            agreement: agreement.is_some(),
            opt_in: opt_in.is_some(),
            you: rel.role == Role::Protege,
        })
    }

    /// A sponsor who has not advocated within two cadences.
    fn advocacy(&self) -> Option<Need> {
        let rel = self.rel;
        if rel.kind != Kind::Sponsoring || rel.role != Role::Sponsor {
            return None;
        }
        if self.advocacy_fact().ok {
            return None;
        }
        let last = self.snap.tally.last_advocacy;
        Some(Need::AdvocacyDue {
            last_advocacy: last,
            days_since: last.map(|d| days_between(d, self.today)),
            window: self.advocacy_window(),
        })
    }

    fn review(&self, a: &Assessment) -> Option<Need> {
        if self.review_fact(a.last_review).ok {
            return None;
        }
        Some(Need::ReviewDue {
            last_review: a.last_review,
            days_since: a.last_review.map(|d| days_between(d, self.today)),
            every: self.review_every(),
        })
    }

    /// Actions past their due date, and actions without one left open long.
    fn actions(&self) -> Vec<Need> {
        let today = self.today;
        self.rel
            .open_actions()
            .filter_map(|action| {
                let age = days_between(action.added, today);
                if let Some(due) = action.due.filter(|d| *d < today) {
                    Some(Need::ActionLate {
                        id: action.id,
                        text: action.text.clone(),
                        owner: action.owner,
                        due,
                        days_late: days_between(due, today),
                    })
                } else if age > self.settings.stale_action_days && action.due.is_none() {
                    Some(Need::ActionStale {
                        id: action.id,
                        text: action.text.clone(),
                        owner: action.owner,
                        days_open: age,
                    })
                } else {
                    None
                }
            })
            .collect()
    }

    /// Sponsoring, as sponsor: growth areas (not yet strengths) that the
    /// last few meetings did not discuss — improving the cons until they
    /// become pros needs them talked about.
    fn quiet_growth_areas(&self) -> Vec<Need> {
        let rel = self.rel;
        if rel.kind != Kind::Sponsoring || rel.role != Role::Sponsor {
            return Vec::new();
        }
        let today = self.today;
        rel.growth
            .iter()
            .filter(|c| c.added <= today && c.promoted.is_none_or(|p| p > today))
            .filter_map(|c| {
                let last = c.discussed.iter().copied().filter(|d| *d <= today).max();
                let meetings_since = self.snap.meetings.between(last.unwrap_or(c.added), today);
                (meetings_since >= GROWTH_QUIET_MEETINGS).then(|| Need::GrowthAreaQuiet {
                    id: c.id,
                    text: c.text.clone(),
                    meetings_since,
                    last_discussed: last,
                })
            })
            .collect()
    }

    /// Whatever else is not recorded yet, as one need.
    fn not_recorded(&self) -> Option<Need> {
        let rel = self.rel;
        let sponsoring = rel.kind == Kind::Sponsoring;
        let reverse = rel.kind == Kind::ReverseMentoring;
        let missing: Vec<Setup> = [
            (rel.purpose.is_none(), Setup::Purpose),
            (rel.cadence.is_none(), Setup::Cadence),
            (
                rel.their_aims.is_none() && rel.role != Role::Learner,
                Setup::TheirAims,
            ),
            (
                rel.their_aims.is_none() && rel.role == Role::Learner,
                Setup::ExpertMotivation,
            ),
            (sponsoring && rel.destination.is_none(), Setup::Destination),
            (sponsoring && rel.why.is_none(), Setup::Why),
            (reverse && rel.why.is_none(), Setup::ExpertWhy),
            (reverse && rel.topic.is_none(), Setup::Topic),
            (
                reverse && rel.until.is_none() && rel.sessions.is_none(),
                Setup::TimeBox,
            ),
            (self.snap.tally.goals.live == 0, Setup::Goals),
            (
                sponsoring && self.snap.tally.waypoints.live == 0,
                Setup::Waypoints,
            ),
            (self.snap.tally.their_actions.live == 0, Setup::TheirActions),
        ]
        .into_iter()
        .filter_map(|(absent, setup)| absent.then_some(setup))
        .collect();
        (!missing.is_empty()).then_some(Need::NotRecorded { missing })
    }
}
