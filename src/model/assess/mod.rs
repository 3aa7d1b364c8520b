//! Where a relationship stands: the four understandings, its health, and
//! the attention items it raises. A pure function of the files and today.

use chrono::NaiveDate;
use serde::Serialize;

use super::brief::{Brief, Meetings, Tally};
use super::checkin::CheckIn;
use super::date::{Span, days_between};
use super::handle::Handle;
use super::kind::{Kind, Status};
use super::relationship::{EventKind, Relationship};

pub use need::{Attention, Need, Setup, sort_attention, urgency};
pub use understand::{Fact, Understanding, What};

/// What an assessment reads: a relationship (its open items at least),
/// what all its items add up to as of the day of the assessment, when its
/// meetings were held, the newest check-in held by that day, and the last
/// review by that day. Nothing in it depends on how many check-ins a view
/// happened to read: every view of a relationship on a day assesses the
/// same snapshot.
pub struct Snapshot<'a> {
    pub handle: &'a Handle,
    pub rel: &'a Relationship,
    /// [`Tally::of`] the whole relationship, as of the assessment's day.
    pub tally: Tally,
    pub meetings: &'a Meetings,
    /// The newest check-in held by the assessment's day, if read.
    pub last: Option<&'a CheckIn>,
    /// The last review of the relationship by the assessment's day (see
    /// [`last_review`]).
    pub last_review: Option<NaiveDate>,
}

impl<'a> Snapshot<'a> {
    /// The snapshot of a whole relationship, as of `today`.
    pub fn whole(
        handle: &'a Handle,
        rel: &'a Relationship,
        meetings: &'a Meetings,
        last: Option<&'a CheckIn>,
        last_review: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Snapshot<'a> {
        Snapshot {
            handle,
            rel,
            tally: Tally::of(rel, today),
            meetings,
            last,
            last_review,
        }
    }

    /// The snapshot of a relationship's brief, as of `today`, when the
    /// brief can tell what its items add up to on that day.
    pub fn brief(
        handle: &'a Handle,
        brief: &'a Brief,
        last: Option<&'a CheckIn>,
        last_review: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Option<Snapshot<'a>> {
        Some(Snapshot {
            handle,
            rel: &brief.rel,
            tally: brief.tally_on(today)?,
            meetings: &brief.meetings,
            last,
            last_review,
        })
    }
}

/// The last review of the relationship held by `today`. `reviewed` is
/// stamped by every review check-in, so when it is not after `today` it is
/// the answer; a report of a day before it (`--as-of`) looks through the
/// check-ins held by then, newest first, which `earlier` yields (read only
/// as far as needed).
pub fn last_review(
    rel: &Relationship,
    today: NaiveDate,
    earlier: impl IntoIterator<Item = CheckIn>,
) -> Option<NaiveDate> {
    match rel.reviewed {
        None => None,
        Some(stamp) if stamp <= today => Some(stamp),
        Some(_) => earlier
            .into_iter()
            .find(|c| c.review && c.date <= today)
            .map(|c| c.date),
    }
}

/// Whether [`last_review`] needs the check-ins: only for a day before the
/// last review.
pub fn review_needs_checkins(rel: &Relationship, today: NaiveDate) -> bool {
    rel.reviewed.is_some_and(|stamp| stamp > today)
}

/// Knobs that come from the config file.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// How often a relationship should be reviewed, unless it says otherwise.
    pub review_every: Span,
    /// An open action older than this many days is worth a nudge.
    pub stale_action_days: i64,
    /// A pause longer than this asks whether to resume or end.
    pub pause_nudge: Span,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            review_every: Span::Months(3),
            stale_action_days: 30,
            pause_nudge: Span::Weeks(8),
        }
    }
}

/// A relationship with no cadence is still expected to meet this often
/// before "where you are" counts as met.
pub(crate) const NO_CADENCE_DAYS: i64 = 30;
/// Reverse-mentoring warns this many days before its time box ends.
pub(crate) const TIME_BOX_WARNING_DAYS: i64 = 14;
/// Meetings in a row with nothing moving before drift is flagged.
const DRIFT_MEETINGS: usize = 4;
/// Cadences with nothing moving (and meetings still held) before drift.
const DRIFT_CADENCES: u32 = 3;
/// Meetings in a row that leave a growth area undiscussed before a
/// sponsor hears of it.
pub const GROWTH_QUIET_MEETINGS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Met,
    Partly,
    Missing,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Met => "met",
            Level::Partly => "partly",
            Level::Missing => "missing",
        }
    }

    fn from_facts(facts: &[Fact]) -> Level {
        let ok = facts.iter().filter(|f| f.ok).count();
        if ok == facts.len() {
            Level::Met
        } else if ok == 0 {
            Level::Missing
        } else {
            Level::Partly
        }
    }
}

/// The essay's four understandings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Which {
    /// Understanding what you want.
    Want,
    /// Understanding how you want to get there.
    How,
    /// Understanding where you are on your way.
    Where,
    /// Understanding where the other person is, what they want and do.
    Them,
}

impl Which {
    pub const ALL: [Which; 4] = [Which::Want, Which::How, Which::Where, Which::Them];

    pub fn key(self) -> &'static str {
        match self {
            Which::Want => "want",
            Which::How => "how",
            Which::Where => "where",
            Which::Them => "them",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Health {
    Green,
    Amber,
    Red,
    Paused,
    Ended,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Green => "green",
            Health::Amber => "amber",
            Health::Red => "red",
            Health::Paused => "paused",
            Health::Ended => "ended",
        }
    }
}

/// Where the meeting rhythm stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "state")]
pub enum Timing {
    /// No cadence set: nothing is ever due.
    NoCadence,
    /// Within the cadence.
    OnTrack,
    /// The cadence has passed since the last meeting.
    Due {
        days_late: i64,
    },
    /// Twice the cadence has passed: losing touch.
    Overdue {
        days_late: i64,
    },
    /// Cadence nudges are silenced.
    Snoozed {
        until: NaiveDate,
    },
    /// A reverse-mentoring's time box is over (its end date passed, or its
    /// sessions all held): no meeting is due; it is time to conclude,
    /// extend or evolve.
    TimeBoxOver,
    Paused,
    Ended,
}

impl Timing {
    pub fn as_str(self) -> &'static str {
        match self {
            Timing::NoCadence => "no-cadence",
            Timing::OnTrack => "on-track",
            Timing::Due { .. } => "due",
            Timing::Overdue { .. } => "overdue",
            Timing::Snoozed { .. } => "snoozed",
            Timing::TimeBoxOver => "time-box-over",
            Timing::Paused => "paused",
            Timing::Ended => "ended",
        }
    }
}

/// When and why a relationship was paused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pause {
    pub since: NaiveDate,
    pub note: Option<String>,
}

/// Everything `status` knows about one relationship.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// Where it stood on the day: active, paused or ended.
    pub status: Status,
    /// It had started by the day (an overview of an earlier day leaves it
    /// out).
    pub started: bool,
    pub last_checkin: Option<NaiveDate>,
    /// Check-ins held so far (not counting any dated after today).
    pub held: usize,
    /// The day the cadence says the next check-in is due.
    pub next_due: Option<NaiveDate>,
    /// The next meeting as planned at the last check-in, if still ahead.
    pub planned: Option<NaiveDate>,
    pub timing: Timing,
    pub last_review: Option<NaiveDate>,
    /// Meetings held since a goal, waypoint or action last moved.
    pub meetings_since_movement: usize,
    /// Meetings keep happening but nothing moves (see [`Need::Drift`]).
    pub drifting: bool,
    /// For a paused relationship: the day it was paused and why, as its
    /// history says.
    pub paused: Option<Pause>,
    /// What the relationship's items add up to.
    pub tally: Tally,
    pub understandings: Vec<Understanding>,
    pub health: Health,
    pub attention: Vec<Attention>,
}

impl Assessment {
    pub fn understanding(&self, which: Which) -> &Understanding {
        let index = Which::ALL.iter().position(|w| *w == which).unwrap_or(0);
        &self.understandings[index]
    }
}

/// Assesses one relationship as of `today`, as it stood that day.
pub fn assess(snap: &Snapshot<'_>, today: NaiveDate, settings: &Settings) -> Assessment {
    let rel = snap.rel.as_of(today);
    Assessor {
        snap,
        rel: &rel,
        status: rel.status,
        today,
        settings,
    }
    .run()
}

struct Assessor<'a> {
    snap: &'a Snapshot<'a>,
    rel: &'a Relationship,
    /// Where it stood on the day: active, paused or ended (active before
    /// it started, which an overview leaves out).
    status: Status,
    today: NaiveDate,
    settings: &'a Settings,
}

impl Assessor<'_> {
    fn run(&self) -> Assessment {
        let meetings = self.snap.meetings;
        let held = meetings.by(self.today);
        let last_checkin = meetings.last_by(self.today).map(|c| c.date);
        let baseline = last_checkin.unwrap_or_else(|| self.start());
        let timing = self.timing(baseline, held);
        let next_due = match timing {
            Timing::TimeBoxOver | Timing::Ended => None,
            _ => self.rel.cadence.as_ref().map(|c| c.after(baseline, 1)),
        };
        let planned = self
            .snap
            .last
            .filter(|c| c.date <= self.today)
            .and_then(|c| c.next)
            .filter(|next| last_checkin.is_none_or(|last| *next > last));
        let last_review = self.snap.last_review.filter(|d| *d <= self.today);
        let movement = self.snap.tally.last_movement;
        let meetings_since_movement = match movement {
            Some(m) => meetings.between(m, self.today),
            None => held,
        };
        let drifting = self.drifting(meetings_since_movement, movement);

        let understandings = vec![
            self.want(),
            self.how(held, timing),
            self.where_(
                last_checkin,
                timing,
                last_review,
                (drifting, meetings_since_movement),
            ),
            self.them(),
        ];
        let health = match self.status {
            Status::Paused => Health::Paused,
            Status::Ended => Health::Ended,
            Status::Active => {
                let missing = understandings
                    .iter()
                    .filter(|u| u.level == Level::Missing)
                    .count();
                if missing >= 2 || matches!(timing, Timing::Overdue { .. }) {
                    Health::Red
                } else if missing == 0 && understandings.iter().all(|u| u.level == Level::Met) {
                    Health::Green
                } else {
                    Health::Amber
                }
            }
        };
        let mut assessment = Assessment {
            status: self.status,
            started: self.rel.started <= self.today,
            last_checkin,
            held,
            next_due,
            planned,
            timing,
            last_review,
            meetings_since_movement,
            drifting,
            paused: self.pause(),
            tally: self.snap.tally,
            understandings,
            health,
            attention: Vec::new(),
        };
        let mut needs = match self.status {
            Status::Active => self.needs(&assessment, movement),
            Status::Paused => self.paused_needs(&assessment).into_iter().collect(),
            Status::Ended => Vec::new(),
        };
        if self.status != Status::Ended {
            needs.extend(self.merge_conflicts());
        }
        assessment.attention = needs
            .into_iter()
            .map(|need| Attention {
                handle: self.snap.handle.clone(),
                need,
            })
            .collect();
        sort_attention(&mut assessment.attention);
        assessment
    }

    /// When and why the relationship was paused, from its last pause.
    fn pause(&self) -> Option<Pause> {
        if self.status != Status::Paused {
            return None;
        }
        self.rel
            .events
            .iter()
            .filter(|e| e.what == EventKind::Paused && e.date <= self.today)
            .max_by_key(|e| e.date)
            .map(|e| Pause {
                since: e.date,
                note: e.note.clone(),
            })
    }

    /// Whether a reverse-mentoring's time box is over by `today`: its end
    /// date has passed, or it has held every session it set out to hold.
    fn time_box_over(&self, held: usize) -> bool {
        self.rel.kind == Kind::ReverseMentoring
            && (self.rel.until.is_some_and(|until| until < self.today)
                || self.rel.sessions.is_some_and(|n| held >= n as usize))
    }

    /// When the relationship began, for the purposes of "since when".
    fn start(&self) -> NaiveDate {
        self.rel
            .agreement
            .as_ref()
            .map_or(self.rel.started, |a| a.date.max(self.rel.started))
    }

    fn timing(&self, baseline: NaiveDate, held: usize) -> Timing {
        match self.status {
            Status::Paused => return Timing::Paused,
            Status::Ended => return Timing::Ended,
            Status::Active => {}
        }
        if self.time_box_over(held) {
            return Timing::TimeBoxOver;
        }
        let Some(cadence) = &self.rel.cadence else {
            return Timing::NoCadence;
        };
        if let Some(until) = self.rel.snoozed_until.filter(|u| *u >= self.today) {
            return Timing::Snoozed { until };
        }
        let due = cadence.after(baseline, 1);
        let overdue = cadence.after(baseline, 2);
        if self.today >= overdue {
            Timing::Overdue {
                days_late: days_between(due, self.today),
            }
        } else if self.today >= due {
            Timing::Due {
                days_late: days_between(due, self.today),
            }
        } else {
            Timing::OnTrack
        }
    }

    fn review_every(&self) -> Span {
        self.rel
            .review_every
            .as_ref()
            .map_or(self.settings.review_every, |c| c.span())
    }
}

mod attention;
mod need;
#[cfg(test)]
mod tests;
mod understand;
