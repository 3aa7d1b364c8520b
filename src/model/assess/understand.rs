//! The four understandings, each from its facts. A fact is data — which
//! fact, whether it holds, and the values that say how — never words: the
//! report layer says it and names the command that makes it hold.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Assessor, Level, NO_CADENCE_DAYS, Timing, Which};
use crate::model::brief::Progress;
use crate::model::cadence::Cadence;
use crate::model::date::{Span, days_between};
use crate::model::id::ItemId;
use crate::model::kind::{Kind, Role, Status};
use crate::model::recontract::Reason;

/// One fact behind an understanding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub ok: bool,
    pub what: What,
}

/// Which fact, and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "key", rename_all = "kebab-case")]
pub enum What {
    /// A purpose is recorded (or not).
    Purpose,
    /// Sponsoring: where the sponsor is taking the protégé.
    Destination {
        destination: Option<String>,
    },
    /// Sponsoring: why this protégé, and why sponsoring.
    Why,
    /// Reverse-mentoring: why this expert was approached (and what that
    /// says about how the organization sees them). `you`: the journal's
    /// keeper is the expert.
    ExpertWhy {
        you: bool,
    },
    /// Reverse-mentoring: what the learner wants to understand.
    Topic {
        topic: Option<String>,
    },
    /// Live goals, and how many are achieved.
    Goals {
        live: usize,
        achieved: usize,
    },
    /// The kickoff conversation.
    Agreement {
        agreed: Option<NaiveDate>,
    },
    Cadence {
        cadence: Option<Cadence>,
    },
    /// Sponsoring: live waypoints, and how many are reached.
    Waypoints {
        live: usize,
        reached: usize,
    },
    /// Reverse-mentoring: an end date and/or a number of sessions, and
    /// whether it is over (the end date passed or the sessions all held).
    TimeBox {
        until: Option<NaiveDate>,
        sessions: Option<u32>,
        held: usize,
        /// The end date has passed.
        ended: bool,
        /// The end date has passed or every session is held.
        over: bool,
    },
    /// The meeting rhythm: when the pair last met, as the cadence sees it.
    Checkin {
        timing: Timing,
        last_checkin: Option<NaiveDate>,
        /// Days since the last check-in, or since the relationship began.
        days_since: i64,
        cadence: Option<Cadence>,
    },
    /// The earliest open waypoint past its date, if any.
    WaypointLate {
        late: Option<(ItemId, NaiveDate)>,
    },
    /// The first open goal past its date.
    GoalLate {
        id: ItemId,
        due: NaiveDate,
    },
    /// Whether goals, waypoints and actions move as the meetings go on (no
    /// drift).
    Movement {
        last_movement: Option<NaiveDate>,
        meetings_since_movement: usize,
    },
    /// The last review of the relationship itself, and when the next is
    /// due.
    Review {
        last_review: Option<NaiveDate>,
        /// Days since the last review.
        days_since: Option<i64>,
        due: NaiveDate,
        every: Span,
    },
    /// What the other person wants. `expert`: they are the expert of a
    /// reverse-mentoring, whose motivation it is.
    TheirAims {
        expert: bool,
    },
    /// Sponsoring: the protégé's opt-in. `you`: the journal's keeper is
    /// the protégé.
    OptIn {
        opted_in: Option<NaiveDate>,
        you: bool,
    },
    /// Sponsoring, as sponsor: the last act of advocacy, expected within
    /// `window`.
    Advocacy {
        last_advocacy: Option<NaiveDate>,
        /// Days since the last act of advocacy.
        days_since: Option<i64>,
        window: Span,
    },
    /// The other person's actions: open and done of the live ones.
    TheirActions {
        open: usize,
        done: usize,
    },
    /// The relationship changed (it evolved, its destination or a role
    /// changed) on `changed`: the agreement made on `since` (or, with
    /// `opt_in`, the protégé's opt-in) holds only if on or after that day.
    #[serde(rename = "re-contract")]
    Recontract {
        changed: NaiveDate,
        reason: Reason,
        /// For an evolution: the kind it became.
        into: Option<Kind>,
        since: NaiveDate,
        opt_in: bool,
    },
}

impl Fact {
    fn new(ok: bool, what: What) -> Fact {
        Fact { ok, what }
    }

    /// The fact's stable name: `purpose`, `agreement`, `checkin`, …
    pub fn key(&self) -> &'static str {
        match self.what {
            What::Purpose => "purpose",
            What::Destination { .. } => "destination",
            What::Why => "why",
            What::ExpertWhy { .. } => "expert-why",
            What::Topic { .. } => "topic",
            What::Goals { .. } => "goals",
            What::Agreement { .. } => "agreement",
            What::Cadence { .. } => "cadence",
            What::Waypoints { .. } => "waypoints",
            What::TimeBox { .. } => "time-box",
            What::Checkin { .. } => "checkin",
            What::WaypointLate { .. } => "waypoint-late",
            What::GoalLate { .. } => "goal-late",
            What::Movement { .. } => "movement",
            What::Review { .. } => "review",
            What::TheirAims { .. } => "their-aims",
            What::OptIn { .. } => "opt-in",
            What::Advocacy { .. } => "advocacy",
            What::TheirActions { .. } => "their-actions",
            What::Recontract { .. } => "re-contract",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Understanding {
    pub which: Which,
    pub level: Level,
    pub facts: Vec<Fact>,
}

pub(super) fn understanding(which: Which, facts: Vec<Fact>) -> Understanding {
    Understanding {
        which,
        level: Level::from_facts(&facts),
        facts,
    }
}

impl Assessor<'_> {
    pub(super) fn want(&self) -> Understanding {
        let rel = self.rel;
        let mut facts = vec![Fact::new(rel.purpose.is_some(), What::Purpose)];
        if rel.kind == Kind::Sponsoring {
            facts.push(Fact::new(
                rel.destination.is_some(),
                What::Destination {
                    destination: rel.destination.clone(),
                },
            ));
            facts.push(Fact::new(rel.why.is_some(), What::Why));
        }
        if rel.kind == Kind::ReverseMentoring {
            facts.push(Fact::new(
                rel.topic.is_some(),
                What::Topic {
                    topic: rel.topic.clone(),
                },
            ));
            facts.push(Fact::new(
                rel.why.is_some(),
                What::ExpertWhy {
                    you: rel.role == Role::Expert,
                },
            ));
        }
        let Progress { done, live } = self.snap.tally.goals;
        facts.push(Fact::new(
            live > 0,
            What::Goals {
                live,
                achieved: done,
            },
        ));
        understanding(Which::Want, facts)
    }

    pub(super) fn how(&self, held: usize, timing: Timing) -> Understanding {
        let rel = self.rel;
        let mut facts = vec![Fact::new(
            rel.agreement.is_some(),
            What::Agreement {
                agreed: rel.agreement.as_ref().map(|a| a.date),
            },
        )];
        facts.extend(self.recontract_fact());
        facts.extend([Fact::new(
            rel.cadence.is_some(),
            What::Cadence {
                cadence: rel.cadence.clone(),
            },
        )]);
        if rel.kind == Kind::Sponsoring {
            let Progress { done, live } = self.snap.tally.waypoints;
            facts.push(Fact::new(
                live > 0,
                What::Waypoints {
                    live,
                    reached: done,
                },
            ));
        }
        if rel.kind == Kind::ReverseMentoring {
            let over = timing == Timing::TimeBoxOver;
            facts.push(Fact::new(
                (rel.until.is_some() || rel.sessions.is_some()) && !over,
                What::TimeBox {
                    until: rel.until,
                    sessions: rel.sessions,
                    held,
                    ended: rel.until.is_some_and(|until| until < self.today),
                    over,
                },
            ));
        }
        understanding(Which::How, facts)
    }

    pub(super) fn where_(
        &self,
        last: Option<NaiveDate>,
        timing: Timing,
        last_review: Option<NaiveDate>,
        (drifting, meetings_since_movement): (bool, usize),
    ) -> Understanding {
        let rel = self.rel;
        let today = self.today;
        let days_since = days_between(last.unwrap_or_else(|| self.start()), today);
        let met = match timing {
            Timing::Ended
            | Timing::Paused
            | Timing::Snoozed { .. }
            | Timing::TimeBoxOver
            | Timing::OnTrack => true,
            Timing::Due { .. } | Timing::Overdue { .. } => false,
            Timing::NoCadence => last.is_some() && days_since <= NO_CADENCE_DAYS,
        };
        let mut facts = vec![Fact::new(
            met,
            What::Checkin {
                timing,
                last_checkin: last,
                days_since,
                cadence: rel.cadence.clone(),
            },
        )];

        let late_waypoint = rel
            .waypoints_by_due()
            .into_iter()
            .find(|w| w.is_open() && w.due < today);
        if late_waypoint.is_some() || self.snap.tally.waypoints.live > 0 {
            facts.push(Fact::new(
                late_waypoint.is_none(),
                What::WaypointLate {
                    late: late_waypoint.map(|w| (w.id, w.due)),
                },
            ));
        }
        let late_goal = rel
            .goals
            .iter()
            .filter(|g| g.is_open())
            .find_map(|g| g.due.filter(|d| *d < today).map(|due| (g.id, due)));
        if let Some((id, due)) = late_goal {
            facts.push(Fact::new(false, What::GoalLate { id, due }));
        }

        if self.status == Status::Active {
            // Only drift is a fact worth stating: movement is what a
            // pairing is for, and saying so would count for nothing.
            if drifting {
                facts.push(Fact::new(
                    false,
                    What::Movement {
                        last_movement: self.snap.tally.last_movement,
                        meetings_since_movement,
                    },
                ));
            }
            facts.push(self.review_fact(last_review));
        }
        let mut u = understanding(Which::Where, facts);
        if matches!(timing, Timing::Overdue { .. }) {
            u.level = Level::Missing;
        }
        u
    }

    /// Whether the pair has reviewed the relationship itself recently enough.
    pub(super) fn review_fact(&self, last_review: Option<NaiveDate>) -> Fact {
        let every = self.review_every();
        let due = every.after(last_review.unwrap_or_else(|| self.start()));
        Fact::new(
            due > self.today,
            What::Review {
                last_review,
                days_since: last_review.map(|d| days_between(d, self.today)),
                due,
                every,
            },
        )
    }

    pub(super) fn them(&self) -> Understanding {
        let rel = self.rel;
        let mut facts = vec![Fact::new(
            rel.their_aims.is_some(),
            What::TheirAims {
                expert: rel.kind == Kind::ReverseMentoring && rel.role == Role::Learner,
            },
        )];
        if rel.kind == Kind::Sponsoring {
            facts.push(Fact::new(
                rel.opted_in.is_some(),
                What::OptIn {
                    opted_in: rel.opted_in,
                    you: rel.role == Role::Protege,
                },
            ));
            if let (Some(change), Some(since)) = (rel.opt_in_owed(self.today), rel.opted_in) {
                facts.push(Fact::new(
                    false,
                    What::Recontract {
                        changed: change.on,
                        reason: change.reason,
                        into: change.into,
                        since,
                        opt_in: true,
                    },
                ));
            }
            if rel.role == Role::Sponsor {
                facts.push(self.advocacy_fact());
            }
        }
        let theirs = self.snap.tally.their_actions;
        facts.push(Fact::new(
            theirs.live > 0,
            What::TheirActions {
                open: theirs.live.saturating_sub(theirs.done),
                done: theirs.done,
            },
        ));
        understanding(Which::Them, facts)
    }

    /// Once the relationship has changed (evolved, a new destination or
    /// role) and has an agreement: whether the agreement came after.
    fn recontract_fact(&self) -> Option<Fact> {
        let since = self.rel.agreement.as_ref()?.date;
        let change = self.rel.contract_change(self.today)?;
        Some(Fact::new(
            since >= change.on,
            What::Recontract {
                changed: change.on,
                reason: change.reason,
                into: change.into,
                since,
                opt_in: false,
            },
        ))
    }

    /// The window in which a sponsor is expected to have advocated.
    pub(super) fn advocacy_window(&self) -> Span {
        self.rel
            .cadence
            .as_ref()
            .map_or(Span::Months(2), |c| c.span().times(2))
    }

    pub(super) fn advocacy_fact(&self) -> Fact {
        let window = self.advocacy_window();
        let last = self.snap.tally.last_advocacy;
        let base = last.unwrap_or_else(|| self.start());
        Fact::new(
            window.after(base) > self.today,
            What::Advocacy {
                last_advocacy: last,
                days_since: last.map(|d| days_between(d, self.today)),
                window,
            },
        )
    }
}
