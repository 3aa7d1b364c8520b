//! Where a relationship stands: the four understandings, its health, and
//! the attention items it raises. A pure function of the files and today.

use chrono::NaiveDate;
use serde::Serialize;

use super::brief::{Brief, Meetings, Tally};
use super::checkin::CheckIn;
use super::date::{Span, days_between};
use super::handle::Handle;
use super::kind::Status;
use super::relationship::Relationship;

pub use need::{Attention, Need, Setup, sort_attention, urgency};
pub use understand::{Fact, Understanding, What};

/// What an assessment reads: a relationship (its open items at least),
/// what all its items add up to as of the day of the assessment, when its
/// meetings were held, and the newest check-ins that were loaded.
pub struct Snapshot<'a> {
    pub handle: &'a Handle,
    pub rel: &'a Relationship,
    /// [`Tally::of`] the whole relationship, as of the assessment's day.
    pub tally: Tally,
    pub meetings: &'a Meetings,
    /// The newest check-ins, loaded, oldest first (may be empty).
    pub recent: &'a [CheckIn],
}

impl<'a> Snapshot<'a> {
    /// The snapshot of a whole relationship, as of `today`.
    pub fn whole(
        handle: &'a Handle,
        rel: &'a Relationship,
        meetings: &'a Meetings,
        recent: &'a [CheckIn],
        today: NaiveDate,
    ) -> Snapshot<'a> {
        Snapshot {
            handle,
            rel,
            tally: Tally::of(rel, today),
            meetings,
            recent,
        }
    }

    /// The snapshot of a relationship's brief, as of `today`, when the
    /// brief can tell what its items add up to on that day.
    pub fn brief(
        handle: &'a Handle,
        brief: &'a Brief,
        recent: &'a [CheckIn],
        today: NaiveDate,
    ) -> Option<Snapshot<'a>> {
        Some(Snapshot {
            handle,
            rel: &brief.rel,
            tally: brief.tally_on(today)?,
            meetings: &brief.meetings,
            recent,
        })
    }
}

/// Knobs that come from the config file.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// How often a relationship should be reviewed, unless it says otherwise.
    pub review_every: Span,
    /// An open action older than this many days is worth a nudge.
    pub stale_action_days: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            review_every: Span::Months(3),
            stale_action_days: 30,
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
            Timing::Paused => "paused",
            Timing::Ended => "ended",
        }
    }
}

/// Everything `status` knows about one relationship.
#[derive(Debug, Clone)]
pub struct Assessment {
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

/// Assesses one relationship as of `today`.
pub fn assess(snap: &Snapshot<'_>, today: NaiveDate, settings: &Settings) -> Assessment {
    Assessor {
        snap,
        rel: snap.rel,
        today,
        settings,
    }
    .run()
}

struct Assessor<'a> {
    snap: &'a Snapshot<'a>,
    rel: &'a Relationship,
    today: NaiveDate,
    settings: &'a Settings,
}

impl Assessor<'_> {
    fn run(&self) -> Assessment {
        let meetings = self.snap.meetings;
        let held = meetings.by(self.today);
        let last_checkin = meetings.last_by(self.today).map(|c| c.date);
        let baseline = last_checkin.unwrap_or_else(|| self.start());
        let next_due = self.rel.cadence.as_ref().map(|c| c.after(baseline, 1));
        let timing = self.timing(baseline);
        let planned = self
            .snap
            .recent
            .iter()
            .filter(|c| c.date <= self.today)
            .max_by_key(|c| c.date)
            .and_then(|c| c.next)
            .filter(|next| last_checkin.is_none_or(|last| *next > last));
        let last_review = self.last_review();
        let movement = self.snap.tally.last_movement;
        let meetings_since_movement = match movement {
            Some(m) => meetings.between(m, self.today),
            None => held,
        };

        let understandings = vec![
            self.want(),
            self.how(),
            self.where_(last_checkin, timing, last_review),
            self.them(),
        ];
        let health = match self.rel.status {
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
            last_checkin,
            held,
            next_due,
            planned,
            timing,
            last_review,
            meetings_since_movement,
            tally: self.snap.tally,
            understandings,
            health,
            attention: Vec::new(),
        };
        if self.rel.status == Status::Active {
            assessment.attention = self
                .needs(&assessment, movement)
                .into_iter()
                .map(|need| Attention {
                    handle: self.snap.handle.clone(),
                    need,
                })
                .collect();
            sort_attention(&mut assessment.attention);
        }
        assessment
    }

    /// When the relationship began, for the purposes of "since when".
    fn start(&self) -> NaiveDate {
        self.rel
            .agreement
            .as_ref()
            .map_or(self.rel.started, |a| a.date.max(self.rel.started))
    }

    fn timing(&self, baseline: NaiveDate) -> Timing {
        match self.rel.status {
            Status::Paused => return Timing::Paused,
            Status::Ended => return Timing::Ended,
            Status::Active => {}
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

    fn last_review(&self) -> Option<NaiveDate> {
        let from_checkins = self
            .snap
            .recent
            .iter()
            .filter(|c| c.review && c.date <= self.today)
            .map(|c| c.date)
            .max();
        // `reviewed` is stamped by every review check-in, so a day before
        // the latest one (`--as-of`) must not see it either.
        let recorded = self.rel.reviewed.filter(|d| *d <= self.today);
        recorded.max(from_checkins)
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
