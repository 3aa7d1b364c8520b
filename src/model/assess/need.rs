//! What needs the person, as data: each need is a kind of thing that is
//! missing or late, with the facts that say how much. The report layer
//! words a need and names the command that deals with it; the model only
//! says what it is, how urgent, and where it sits among the others.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::cadence::Cadence;
use crate::model::date::Span;
use crate::model::handle::Handle;
use crate::model::id::ItemId;
use crate::model::kind::{Kind, Owner};
use crate::model::recontract::Reason;
use chrono::Datelike;

/// How urgent each kind of need is: higher comes first in the attention
/// list. The order is the essay's: losing touch and a time box run out
/// before plans gone late, before drift, before setup still to be done.
pub mod urgency {
    /// Twice the cadence without a meeting: the pair is losing touch.
    pub const LOSING_TOUCH: u32 = 90;
    /// A reverse-mentoring's end date has passed.
    pub const TIME_BOX_ENDED: u32 = 85;
    /// A relationship has been paused a long time: resume it or end it.
    pub const PAUSED_LONG: u32 = 52;
    /// Every session a reverse-mentoring set out to hold has been held.
    pub const SESSIONS_ALL_HELD: u32 = 84;
    /// A reverse-mentoring's end date is near.
    pub const TIME_BOX_ENDING: u32 = 80;
    /// One session of a reverse-mentoring left.
    pub const LAST_SESSION: u32 = 79;
    /// A waypoint on the way to the destination is past its date.
    pub const WAYPOINT_LATE: u32 = 75;
    /// A goal is past its date.
    pub const GOAL_LATE: u32 = 70;
    /// Meetings keep happening but nothing moves.
    pub const DRIFT: u32 = 65;
    /// The cadence has passed since the last meeting.
    pub const CHECKIN_DUE: u32 = 60;
    /// A meeting planned at the last check-in has passed unrecorded.
    pub const PLANNED_MEETING: u32 = 58;
    /// The protégé has not opted in to the shared vision.
    pub const NOT_OPTED_IN: u32 = 55;
    /// The relationship changed since the agreement (or the opt-in).
    pub const RECONTRACT: u32 = 54;
    /// No kickoff agreement recorded.
    pub const NO_AGREEMENT: u32 = 50;
    /// A sponsor has not advocated within two cadences.
    pub const ADVOCACY: u32 = 45;
    /// The relationship itself is due a review.
    pub const REVIEW: u32 = 40;
    /// An action is past its due date.
    pub const ACTION_LATE: u32 = 36;
    /// An action with no due date has been open a long time.
    pub const ACTION_STALE: u32 = 35;
    /// A growth area has not come up in the last few meetings.
    pub const GROWTH_AREA_QUIET: u32 = 33;
    /// A field was changed differently on two machines: which stands?
    pub const MERGE_CONFLICT: u32 = 53;
    /// Facts of the relationship not recorded yet.
    pub const NOT_RECORDED: u32 = 30;

    /// At or above this, a need is shown as urgent.
    pub const URGENT: u32 = WAYPOINT_LATE;
}

/// One thing about a relationship that needs the person. Serialized with
/// its stable `key` and its facts, for `--json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "key", rename_all = "kebab-case")]
pub enum Need {
    /// Twice the cadence has passed since the last meeting (or since the
    /// relationship started, when there has been none).
    CheckinOverdue {
        /// Days since the check-in became due.
        days_late: i64,
        last_checkin: Option<NaiveDate>,
        /// Days since the last check-in, or since it started.
        days_since: i64,
        cadence: Cadence,
    },
    /// The cadence has passed since the last meeting.
    CheckinDue {
        days_late: i64,
        last_checkin: Option<NaiveDate>,
        /// Days since the last check-in; none when there has been none.
        days_since: Option<i64>,
        cadence: Cadence,
    },
    /// The next meeting planned at the last check-in has passed, and no
    /// check-in records it.
    PlannedMeetingMissing {
        planned: NaiveDate,
        days_ago: i64,
    },
    /// A reverse-mentoring's time box ended.
    TimeBoxEnded {
        until: NaiveDate,
        days_ago: i64,
        held: usize,
        sessions: Option<u32>,
    },
    /// A reverse-mentoring's time box ends soon.
    TimeBoxEnding {
        until: NaiveDate,
        days_left: i64,
        held: usize,
        sessions: Option<u32>,
    },
    /// Every session set out has been held.
    SessionsAllHeld {
        held: usize,
        sessions: u32,
    },
    /// One session is left.
    LastSession {
        held: usize,
        sessions: u32,
    },
    WaypointLate {
        id: ItemId,
        text: String,
        due: NaiveDate,
        days_late: i64,
    },
    GoalLate {
        id: ItemId,
        text: String,
        due: NaiveDate,
        days_late: i64,
    },
    /// Meetings keep happening but no goal, waypoint or action moves.
    Drift {
        /// Meetings held since anything last moved.
        meetings_since_movement: usize,
        /// Whether anything ever moved.
        anything_moved: bool,
    },
    /// Sponsoring: the protégé has not opted in. `you` when the person
    /// keeping the journal is the protégé.
    NotOptedIn {
        you: bool,
    },
    NoAgreement {
        days_since_start: i64,
    },
    /// The relationship changed on `changed` (it evolved into `into`, or
    /// its destination or a role changed) after the agreement (`agreement`)
    /// or, for sponsoring, the protégé's opt-in (`opt_in`): to be
    /// re-confirmed. `you`: the journal's keeper is the protégé.
    #[serde(rename = "re-contract")]
    Recontract {
        changed: NaiveDate,
        reason: Reason,
        into: Option<Kind>,
        agreement: bool,
        opt_in: bool,
        you: bool,
    },
    /// A pause that has gone on longer than the configured nudge.
    PausedLong {
        since: NaiveDate,
        days: i64,
    },
    /// Sponsoring, as sponsor: no act of advocacy within the window.
    AdvocacyDue {
        last_advocacy: Option<NaiveDate>,
        days_since: Option<i64>,
        window: Span,
    },
    /// The relationship itself has not been reviewed within its period.
    ReviewDue {
        last_review: Option<NaiveDate>,
        days_since: Option<i64>,
        every: Span,
    },
    ActionLate {
        id: ItemId,
        text: String,
        owner: Owner,
        due: NaiveDate,
        days_late: i64,
    },
    ActionStale {
        id: ItemId,
        text: String,
        owner: Owner,
        days_open: i64,
    },
    /// Facts of the relationship that are not recorded yet.
    NotRecorded {
        missing: Vec<Setup>,
    },
    /// Sponsoring, as sponsor: a growth area no meeting has discussed
    /// (a check-in's `about`) in the last few meetings.
    GrowthAreaQuiet {
        id: ItemId,
        text: String,
        /// Meetings held since it was last discussed (or added).
        meetings_since: usize,
        last_discussed: Option<NaiveDate>,
    },
    /// A field was changed differently on two machines, and the merge
    /// kept one value (the other is in the history): which stands?
    /// `field` is named as conflicts name it (`purpose`, `a1.text`).
    MergeConflict {
        field: String,
        on: NaiveDate,
    },
}

/// A fact of a relationship that `rel new` or `rel set` (or adding its
/// first item) records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Setup {
    Purpose,
    Cadence,
    /// What the other person wants.
    TheirAims,
    /// For a learner: what the expert wants out of it.
    ExpertMotivation,
    Destination,
    Why,
    /// Reverse-mentoring: why this expert was approached.
    ExpertWhy,
    Topic,
    TimeBox,
    Goals,
    Waypoints,
    /// The other person's actions: none tracked yet.
    TheirActions,
}

impl Need {
    /// The need's stable name, as `--json` gives it.
    pub fn key(&self) -> &'static str {
        match self {
            Need::CheckinOverdue { .. } => "checkin-overdue",
            Need::CheckinDue { .. } => "checkin-due",
            Need::PlannedMeetingMissing { .. } => "planned-meeting-missing",
            Need::TimeBoxEnded { .. } => "time-box-ended",
            Need::TimeBoxEnding { .. } => "time-box-ending",
            Need::SessionsAllHeld { .. } => "sessions-all-held",
            Need::LastSession { .. } => "last-session",
            Need::WaypointLate { .. } => "waypoint-late",
            Need::GoalLate { .. } => "goal-late",
            Need::Drift { .. } => "drift",
            Need::NotOptedIn { .. } => "not-opted-in",
            Need::NoAgreement { .. } => "no-agreement",
            Need::Recontract { .. } => "re-contract",
            Need::PausedLong { .. } => "paused-long",
            Need::AdvocacyDue { .. } => "advocacy-due",
            Need::ReviewDue { .. } => "review-due",
            Need::ActionLate { .. } => "action-late",
            Need::ActionStale { .. } => "action-stale",
            Need::NotRecorded { .. } => "not-recorded",
            Need::GrowthAreaQuiet { .. } => "growth-area-quiet",
            Need::MergeConflict { .. } => "merge-conflict",
        }
    }

    /// A heads-up rather than something missing or late: it never makes
    /// a relationship amber or red, and a green relationship may have it.
    pub fn is_informational(&self) -> bool {
        matches!(
            self,
            Need::TimeBoxEnding { .. }
                | Need::LastSession { .. }
                | Need::PlannedMeetingMissing { .. }
                | Need::ActionLate { .. }
                | Need::ActionStale { .. }
                | Need::GrowthAreaQuiet { .. }
                | Need::MergeConflict { .. }
        )
    }

    /// Higher is more urgent (see [`urgency`]).
    pub fn urgency(&self) -> u32 {
        use urgency::*;
        match self {
            Need::CheckinOverdue { .. } => LOSING_TOUCH,
            Need::CheckinDue { .. } => CHECKIN_DUE,
            Need::PlannedMeetingMissing { .. } => PLANNED_MEETING,
            Need::TimeBoxEnded { .. } => TIME_BOX_ENDED,
            Need::TimeBoxEnding { .. } => TIME_BOX_ENDING,
            Need::SessionsAllHeld { .. } => SESSIONS_ALL_HELD,
            Need::LastSession { .. } => LAST_SESSION,
            Need::WaypointLate { .. } => WAYPOINT_LATE,
            Need::GoalLate { .. } => GOAL_LATE,
            Need::Drift { .. } => DRIFT,
            Need::NotOptedIn { .. } => NOT_OPTED_IN,
            Need::NoAgreement { .. } => NO_AGREEMENT,
            Need::Recontract { .. } => RECONTRACT,
            Need::PausedLong { .. } => PAUSED_LONG,
            Need::AdvocacyDue { .. } => ADVOCACY,
            Need::ReviewDue { .. } => REVIEW,
            Need::ActionLate { .. } => ACTION_LATE,
            Need::ActionStale { .. } => ACTION_STALE,
            Need::NotRecorded { .. } => NOT_RECORDED,
            Need::GrowthAreaQuiet { .. } => GROWTH_AREA_QUIET,
            Need::MergeConflict { .. } => MERGE_CONFLICT,
        }
    }

    /// Orders needs of the same urgency: the later, the heavier.
    pub fn weight(&self) -> i64 {
        match self {
            Need::CheckinOverdue { days_late, .. }
            | Need::CheckinDue { days_late, .. }
            | Need::WaypointLate { days_late, .. }
            | Need::GoalLate { days_late, .. }
            | Need::ActionLate { days_late, .. } => *days_late,
            Need::PlannedMeetingMissing { days_ago, .. } | Need::TimeBoxEnded { days_ago, .. } => {
                *days_ago
            }
            Need::TimeBoxEnding { days_left, .. } => super::TIME_BOX_WARNING_DAYS - days_left,
            Need::Drift {
                meetings_since_movement,
                ..
            } => *meetings_since_movement as i64,
            Need::NoAgreement { days_since_start } => *days_since_start,
            Need::PausedLong { days, .. } => *days,
            Need::ActionStale { days_open, .. } => *days_open,
            Need::NotRecorded { missing } => missing.len() as i64,
            Need::Recontract { changed, .. } => changed.num_days_from_ce().into(),
            Need::GrowthAreaQuiet { meetings_since, .. } => *meetings_since as i64,
            Need::SessionsAllHeld { .. }
            | Need::LastSession { .. }
            | Need::NotOptedIn { .. }
            | Need::AdvocacyDue { .. }
            | Need::ReviewDue { .. }
            | Need::MergeConflict { .. } => 0,
        }
    }
}

/// One line of the attention list: a need of one relationship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attention {
    pub handle: Handle,
    pub need: Need,
}

impl Attention {
    pub fn urgency(&self) -> u32 {
        self.need.urgency()
    }
}

/// Sorts attention items across relationships: most urgent first, then
/// the latest, then by handle.
pub fn sort_attention(items: &mut [Attention]) {
    items.sort_by(|a, b| {
        b.need
            .urgency()
            .cmp(&a.need.urgency())
            .then(b.need.weight().cmp(&a.need.weight()))
            .then(a.handle.cmp(&b.handle))
    });
}
