//! Where a relationship stands: the four understandings, its health, and
//! the attention items it raises. A pure function of the files and today.

use chrono::NaiveDate;
use serde::Serialize;

use super::brief::{Brief, Meetings, Progress, Tally};
use super::checkin::CheckIn;
use super::date::{Span, days_between};
use super::handle::Handle;
use super::kind::{Kind, Owner, Role, Status};
use super::relationship::Relationship;

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
const NO_CADENCE_DAYS: i64 = 30;
/// Reverse-mentoring warns this many days before its time box ends.
const TIME_BOX_WARNING_DAYS: i64 = 14;
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

    pub fn title(self) -> &'static str {
        match self {
            Which::Want => "What you want",
            Which::How => "How you get there",
            Which::Where => "Where you are",
            Which::Them => "Where they are",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Which::Want => "want",
            Which::How => "how",
            Which::Where => "where",
            Which::Them => "them",
        }
    }
}

/// One fact behind an understanding: whether it holds, in words, and the
/// command that would make it hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// Which fact this is: `purpose`, `agreement`, `checkin`, `opt-in`, …
    pub key: &'static str,
    pub ok: bool,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

impl Fact {
    fn keyed(mut self, key: &'static str) -> Fact {
        self.key = key;
        self
    }

    fn ok(text: impl Into<String>) -> Fact {
        Fact {
            key: "",
            ok: true,
            text: text.into(),
            fix: None,
        }
    }

    fn missing(text: impl Into<String>, fix: impl Into<String>) -> Fact {
        Fact {
            key: "",
            ok: false,
            text: text.into(),
            fix: Some(fix.into()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Understanding {
    pub which: Which,
    pub level: Level,
    pub facts: Vec<Fact>,
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

/// One line of the attention list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attention {
    pub handle: Handle,
    /// Higher is more urgent.
    pub urgency: u32,
    /// Days late, to order items of the same urgency.
    #[serde(skip)]
    pub weight: i64,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

/// Everything `status` knows about one relationship.
#[derive(Debug, Clone, Serialize)]
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
    #[serde(skip)]
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
        h: snap.handle.as_str(),
        today,
        settings,
    }
    .run()
}

struct Assessor<'a> {
    snap: &'a Snapshot<'a>,
    rel: &'a Relationship,
    h: &'a str,
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
            assessment.attention = self.attention(&assessment, movement);
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

    fn want(&self) -> Understanding {
        let rel = self.rel;
        let h = self.h;
        let mut facts = vec![
            match &rel.purpose {
                Some(_) => Fact::ok("purpose recorded"),
                None => Fact::missing("no purpose recorded", format!("rel set {h} --purpose TEXT")),
            }
            .keyed("purpose"),
        ];
        if rel.kind == Kind::Sponsoring {
            facts.push(
                match &rel.destination {
                    Some(d) => Fact::ok(format!("destination: {d}")),
                    None => Fact::missing(
                        "no destination: where is the sponsor taking the protégé?",
                        format!("rel set {h} --destination TEXT"),
                    ),
                }
                .keyed("destination"),
            );
            facts.push(
                match &rel.why {
                    Some(_) => Fact::ok("why this protégé is recorded"),
                    None => Fact::missing(
                        "why this protégé, and why sponsoring, is not recorded",
                        format!("rel set {h} --why TEXT"),
                    ),
                }
                .keyed("why"),
            );
        }
        if rel.kind == Kind::ReverseMentoring {
            facts.push(
                match &rel.topic {
                    Some(t) => Fact::ok(format!("topic: {t}")),
                    None => Fact::missing("no topic recorded", format!("rel set {h} --topic TEXT")),
                }
                .keyed("topic"),
            );
        }
        let Progress {
            done: achieved,
            live,
        } = self.snap.tally.goals;
        facts.push(
            if live > 0 {
                Fact::ok(format!("{} ({achieved} achieved)", plural(live, "goal")))
            } else {
                Fact::missing("no goals", format!("rel goal add {h} TEXT"))
            }
            .keyed("goals"),
        );
        understanding(Which::Want, facts)
    }

    fn how(&self) -> Understanding {
        let rel = self.rel;
        let h = self.h;
        let mut facts = vec![
            match &rel.agreement {
                Some(a) => Fact::ok(format!("agreed on {}", a.date)),
                None => Fact::missing(
                    "no agreement: have the kickoff conversation about what you hope for and how you will work",
                    format!("rel set {h} --agreed DATE --how TEXT"),
                ),
            }
            .keyed("agreement"),
            match &rel.cadence {
                Some(c) => Fact::ok(format!("meeting {c}")),
                None => Fact::missing("no cadence", format!("rel set {h} --cadence biweekly")),
            }
            .keyed("cadence"),
        ];
        if rel.kind == Kind::Sponsoring {
            let Progress {
                done: reached,
                live,
            } = self.snap.tally.waypoints;
            facts.push(
                if live == 0 {
                    Fact::missing(
                        "no waypoints on the way to the destination",
                        format!("rel waypoint add {h} TEXT --due DATE"),
                    )
                } else {
                    Fact::ok(format!("{reached} of {} reached", plural(live, "waypoint")))
                }
                .keyed("waypoints"),
            );
        }
        if rel.kind == Kind::ReverseMentoring {
            facts.push(
                match (rel.until, rel.sessions) {
                    (None, None) => Fact::missing(
                        "no time box: reverse-mentoring needs an end date or a number of sessions",
                        format!("rel set {h} --until DATE --sessions N"),
                    ),
                    (Some(until), None) => Fact::ok(format!("time-boxed until {until}")),
                    (None, Some(n)) => {
                        Fact::ok(format!("time-boxed to {}", plural(n as usize, "session")))
                    }
                    (Some(until), Some(n)) => Fact::ok(format!(
                        "time-boxed until {until}, {}",
                        plural(n as usize, "session")
                    )),
                }
                .keyed("time-box"),
            );
        }
        understanding(Which::How, facts)
    }

    fn where_(
        &self,
        last: Option<NaiveDate>,
        timing: Timing,
        last_review: Option<NaiveDate>,
    ) -> Understanding {
        let rel = self.rel;
        let h = self.h;
        let today = self.today;
        let since = |date: NaiveDate| ago(days_between(date, today));
        let meeting = match (timing, last) {
            (Timing::Ended, _) => Fact::ok("ended"),
            (Timing::Paused, _) => Fact::ok("paused"),
            (Timing::Snoozed { until }, _) => Fact::ok(format!("snoozed until {until}")),
            (Timing::OnTrack, Some(last)) => Fact::ok(format!("last check-in {}", since(last))),
            (Timing::OnTrack, None) => Fact::ok("no check-in yet, the first is not due"),
            (Timing::Due { .. } | Timing::Overdue { .. }, _) => {
                let cadence = rel
                    .cadence
                    .as_ref()
                    .map(|c| c.to_string())
                    .unwrap_or_default();
                let text = match last {
                    Some(last) => format!("last check-in {} (cadence {cadence})", since(last)),
                    None => format!(
                        "no check-in since it started {} (cadence {cadence})",
                        since(self.start())
                    ),
                };
                Fact::missing(text, format!("rel checkin {h}"))
            }
            (Timing::NoCadence, Some(last)) if days_between(last, today) <= NO_CADENCE_DAYS => {
                Fact::ok(format!("last check-in {}", since(last)))
            }
            (Timing::NoCadence, Some(last)) => Fact::missing(
                format!("last check-in {} and no cadence to keep", since(last)),
                format!("rel checkin {h}"),
            ),
            (Timing::NoCadence, None) => {
                Fact::missing("no check-in yet", format!("rel checkin {h}"))
            }
        };
        let mut facts = vec![meeting.keyed("checkin")];

        let late_waypoints: Vec<_> = rel
            .waypoints_by_due()
            .into_iter()
            .filter(|w| w.is_open() && w.due < today)
            .collect();
        if let Some(w) = late_waypoints.first() {
            facts.push(
                Fact::missing(
                    format!("waypoint {} was due {}", w.id, w.due),
                    format!("rel waypoint reach {h} {}", w.id),
                )
                .keyed("waypoint-late"),
            );
        } else if self.snap.tally.waypoints.live > 0 {
            facts.push(Fact::ok("no waypoint overdue").keyed("waypoint-late"));
        }
        let late_goals: Vec<_> = rel
            .goals
            .iter()
            .filter(|g| g.is_open() && g.due.is_some_and(|d| d < today))
            .collect();
        if let Some(g) = late_goals.first() {
            facts.push(
                Fact::missing(
                    format!("goal {} was due {}", g.id, g.due.unwrap_or(today)),
                    format!("rel goal done {h} {}", g.id),
                )
                .keyed("goal-late"),
            );
        }

        if rel.status == Status::Active {
            facts.push(self.review_fact(last_review).keyed("review"));
        }
        let mut u = understanding(Which::Where, facts);
        if matches!(timing, Timing::Overdue { .. }) {
            u.level = Level::Missing;
        }
        u
    }

    /// Whether the pair has reviewed the relationship itself recently enough.
    fn review_fact(&self, last_review: Option<NaiveDate>) -> Fact {
        let every = self.review_every();
        let due = every.after(last_review.unwrap_or_else(|| self.start()));
        let fix = format!("rel checkin {} --review", self.h);
        match last_review {
            Some(date) if due > self.today => Fact::ok(format!(
                "relationship reviewed {}",
                ago(days_between(date, self.today))
            )),
            None if due > self.today => {
                Fact::ok(format!("first review of the relationship due {due}"))
            }
            Some(date) => Fact::missing(
                format!(
                    "last review of the relationship {} (every {})",
                    ago(days_between(date, self.today)),
                    every.words()
                ),
                fix,
            ),
            None => Fact::missing(
                format!(
                    "the relationship has not been reviewed since it started (every {})",
                    every.words()
                ),
                fix,
            ),
        }
    }

    fn them(&self) -> Understanding {
        let rel = self.rel;
        let h = self.h;
        let mut facts = Vec::new();
        facts.push(
            match (&rel.their_aims, rel.kind, rel.role) {
                (Some(_), _, _) => Fact::ok("their aims recorded"),
                (None, Kind::ReverseMentoring, Role::Learner) => Fact::missing(
                    "what the expert wants out of it is not recorded",
                    format!("rel set {h} --their-aims TEXT"),
                ),
                (None, _, _) => Fact::missing(
                    "what they want is not recorded",
                    format!("rel set {h} --their-aims TEXT"),
                ),
            }
            .keyed("their-aims"),
        );
        if rel.kind == Kind::Sponsoring {
            facts.push(
                match (rel.opted_in, rel.role) {
                    (Some(date), _) => Fact::ok(format!("opted in on {date}")),
                    (None, Role::Protege) => Fact::missing(
                        "you have not opted in to the shared vision",
                        format!("rel set {h} --opted-in DATE"),
                    ),
                    (None, _) => Fact::missing(
                        "protégé has not opted in",
                        format!("rel set {h} --opted-in DATE"),
                    ),
                }
                .keyed("opt-in"),
            );
            if rel.role == Role::Sponsor {
                facts.push(self.advocacy_fact().keyed("advocacy"));
            }
        }
        let theirs = self.snap.tally.their_actions;
        let open = theirs.live.saturating_sub(theirs.done);
        facts.push(
            if theirs.live == 0 {
                Fact::missing(
                    "none of their actions tracked",
                    format!("rel action add {h} TEXT --theirs"),
                )
            } else {
                Fact::ok(format!(
                    "{} of theirs open, {} done",
                    plural(open, "action"),
                    theirs.done
                ))
            }
            .keyed("their-actions"),
        );
        understanding(Which::Them, facts)
    }

    /// The window in which a sponsor is expected to have advocated.
    fn advocacy_window(&self) -> Span {
        self.rel
            .cadence
            .as_ref()
            .map_or(Span::Months(2), |c| c.span().times(2))
    }

    fn advocacy_fact(&self) -> Fact {
        let window = self.advocacy_window();
        let last = self.snap.tally.last_advocacy;
        let base = last.unwrap_or_else(|| self.start());
        let fix = format!("rel advocate {} TEXT", self.h);
        if window.after(base) > self.today {
            match last {
                Some(date) => Fact::ok(format!(
                    "last act of advocacy {}",
                    ago(days_between(date, self.today))
                )),
                None => Fact::ok("no act of advocacy yet; none expected so soon"),
            }
        } else {
            match last {
                Some(date) => Fact::missing(
                    format!(
                        "no act of advocacy since {}, {}",
                        date,
                        ago(days_between(date, self.today))
                    ),
                    fix,
                ),
                None => Fact::missing("no act of advocacy recorded", fix),
            }
        }
    }
}

fn understanding(which: Which, facts: Vec<Fact>) -> Understanding {
    Understanding {
        which,
        level: Level::from_facts(&facts),
        facts,
    }
}

/// Sorts attention items across relationships: most urgent first.
pub fn sort_attention(items: &mut [Attention]) {
    items.sort_by(|a, b| {
        b.urgency
            .cmp(&a.urgency)
            .then(b.weight.cmp(&a.weight))
            .then(a.handle.cmp(&b.handle))
    });
}

/// `1 goal`, `3 goals`.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `today`, `yesterday`, `12 days ago`.
pub fn ago(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        -1 => "tomorrow".to_string(),
        d if d < 0 => format!("in {} days", -d),
        d => format!("{d} days ago"),
    }
}

/// `today`, `tomorrow`, `in 5 days`.
pub fn in_days(days: i64) -> String {
    ago(-days)
}

/// Item text cut to fit on one attention line.
fn clip(text: &str) -> String {
    crate::text::clip(text, 48)
}

mod attention;
#[cfg(test)]
mod tests;
