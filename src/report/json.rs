//! The `--json` shapes. Stable: fields are added, never renamed or removed
//! (documented in the README).

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::activity::{Activity, ByOwner, Totals};
use crate::model::assess::{Fact, Level, Need, What};
use crate::model::brief::Progress;
use crate::model::history::Change;
use crate::model::items::{Item, Verdict};
use crate::model::relationship::{Ending, Event};
use crate::model::{Assessment, Attention, CheckIn, CheckinId, Owner, Relationship, Which};
use crate::problem::Problem;

#[derive(Serialize)]
pub struct Counts {
    pub done: usize,
    pub total: usize,
}

impl Counts {
    /// Done of the live ones (dropped ones left out).
    fn of(p: Progress) -> Counts {
        Counts {
            done: p.done,
            total: p.live,
        }
    }
}

#[derive(Serialize)]
pub struct ActionCounts {
    pub mine: usize,
    pub theirs: usize,
}

/// A fact behind an understanding: its key and values, whether it holds,
/// in words, and the command that would make it hold.
#[derive(Serialize)]
pub struct FactJson<'a> {
    #[serde(flatten)]
    pub what: &'a What,
    pub ok: bool,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

pub fn fact<'a>(fact: &'a Fact, handle: &str) -> FactJson<'a> {
    FactJson {
        what: &fact.what,
        ok: fact.ok,
        text: super::needs::fact_text(fact),
        fix: super::needs::fact_fix(fact, handle),
    }
}

#[derive(Serialize)]
pub struct UnderstandingJson<'a> {
    pub level: Level,
    pub facts: Vec<FactJson<'a>>,
}

/// One line of the attention list: the need's stable `key` and its facts,
/// its urgency, and the sentence and command a person reads.
#[derive(Serialize)]
pub struct AttentionJson<'a> {
    pub handle: &'a str,
    #[serde(flatten)]
    pub need: &'a Need,
    pub urgency: u32,
    /// A heads-up (a time box ending soon, an action left open) rather
    /// than a reason the relationship is amber or red.
    pub informational: bool,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

pub fn attention(item: &Attention) -> AttentionJson<'_> {
    AttentionJson {
        handle: item.handle.as_str(),
        need: &item.need,
        urgency: item.urgency(),
        informational: item.need.is_informational(),
        message: super::needs::sentence(&item.need),
        fix: super::needs::fix(&item.need, item.handle.as_str()),
    }
}

#[derive(Serialize)]
pub struct Understandings<'a> {
    pub want: UnderstandingJson<'a>,
    pub how: UnderstandingJson<'a>,
    pub r#where: UnderstandingJson<'a>,
    pub them: UnderstandingJson<'a>,
}

/// One relationship in `rel status --json`.
#[derive(Serialize)]
pub struct Summary<'a> {
    pub handle: &'a str,
    pub person: &'a str,
    pub kind: &'static str,
    pub role: &'static str,
    pub status: &'static str,
    pub cadence: Option<String>,
    pub last_checkin: Option<NaiveDate>,
    pub days_since_last: Option<i64>,
    pub next_due: Option<NaiveDate>,
    pub planned: Option<NaiveDate>,
    pub timing: &'static str,
    pub checkins: usize,
    pub waypoints: Counts,
    pub goals: Counts,
    pub open_actions: ActionCounts,
    pub understandings: Understandings<'a>,
    pub health: &'static str,
    /// Open goals, waypoints and actions whose due date has moved later.
    pub slipped: Vec<SlippedJson<'a>>,
}

/// An open item that slipped: how often, by how many days in all, and the
/// day first planned.
#[derive(Serialize)]
pub struct SlippedJson<'a> {
    pub id: String,
    pub text: &'a str,
    pub due: Option<NaiveDate>,
    pub first_due: Option<NaiveDate>,
    pub slips: usize,
    pub days_slipped: i64,
}

/// A goal, waypoint or action re-planned: its id and text now, the day,
/// and what changed (`due` and `renamed` as `{ from, to }`, `reopened` as
/// `{ was, on }`), why, and the check-in that agreed it.
#[derive(Serialize)]
pub struct ReplannedJson<'a> {
    pub id: String,
    pub text: &'a str,
    pub date: NaiveDate,
    pub due: Option<&'a crate::model::replan::DueChange>,
    pub renamed: Option<&'a crate::model::replan::TextChange>,
    pub reopened: Option<&'a crate::model::replan::Reopened>,
    pub because: Option<&'a str>,
    pub checkin: Option<&'a str>,
}

pub fn replanned<'a>(
    id: crate::model::ItemId,
    text: &'a str,
    r: &'a crate::model::replan::Revision,
) -> ReplannedJson<'a> {
    ReplannedJson {
        id: id.to_string(),
        text,
        date: r.date,
        due: r.due.as_ref(),
        renamed: r.text.as_ref(),
        reopened: r.reopened.as_ref(),
        because: r.because.as_deref(),
        checkin: r.checkin.as_deref(),
    }
}

/// Every open item of `rel` that slipped, goals then waypoints then actions.
pub fn slipped(rel: &Relationship) -> Vec<SlippedJson<'_>> {
    use crate::model::replan::Planned;
    fn of<T: Planned>(items: &[T], text: fn(&T) -> &str) -> Vec<SlippedJson<'_>> {
        items
            .iter()
            .filter(|i| i.is_open())
            .filter_map(|i| {
                let s = i.slips();
                (s.slips > 0).then(|| SlippedJson {
                    id: i.id().to_string(),
                    text: text(i),
                    due: i.due(),
                    first_due: s.first_due,
                    slips: s.slips,
                    days_slipped: s.days,
                })
            })
            .collect()
    }
    let mut all = of(&rel.goals, |g| &g.text);
    all.extend(of(&rel.waypoints, |w| &w.text));
    all.extend(of(&rel.actions, |a| &a.text));
    all
}

pub fn summary<'a>(
    handle: &'a str,
    rel: &'a Relationship,
    a: &'a Assessment,
    today: NaiveDate,
) -> Summary<'a> {
    let u = |w: Which| {
        let u = a.understanding(w);
        UnderstandingJson {
            level: u.level,
            facts: u.facts.iter().map(|f| fact(f, handle)).collect(),
        }
    };
    Summary {
        handle,
        person: &rel.person,
        kind: rel.kind.as_str(),
        role: rel.role.as_str(),
        status: a.status.as_str(),
        cadence: rel.cadence.as_ref().map(ToString::to_string),
        last_checkin: a.last_checkin,
        days_since_last: a.last_checkin.map(|d| (today - d).num_days()),
        next_due: a.next_due,
        planned: a.planned,
        timing: a.timing.as_str(),
        checkins: a.held,
        waypoints: Counts::of(a.tally.waypoints),
        goals: Counts::of(a.tally.goals),
        open_actions: ActionCounts {
            mine: rel.open_actions().filter(|x| x.owner == Owner::Me).count(),
            theirs: rel
                .open_actions()
                .filter(|x| x.owner == Owner::Them)
                .count(),
        },
        understandings: Understandings {
            want: u(Which::Want),
            how: u(Which::How),
            r#where: u(Which::Where),
            them: u(Which::Them),
        },
        health: a.health.as_str(),
        slipped: slipped(rel),
    }
}

/// A paused relationship in `rel status --json`: since when, and why.
#[derive(Serialize)]
pub struct PausedJson<'a> {
    pub handle: &'a str,
    pub person: &'a str,
    pub since: NaiveDate,
    pub note: Option<&'a str>,
}

pub fn paused<'a>(row: &super::status::PausedRow<'a>) -> PausedJson<'a> {
    PausedJson {
        handle: row.handle,
        person: row.person,
        since: row.pause.since,
        note: row.pause.note.as_deref(),
    }
}

/// `rel status --json`.
#[derive(Serialize)]
pub struct Status<'a> {
    pub as_of: NaiveDate,
    pub relationships: Vec<Summary<'a>>,
    /// Paused relationships (without `--all`, which lists them above).
    pub paused: Vec<PausedJson<'a>>,
    pub attention: Vec<AttentionJson<'a>>,
    pub problems: &'a [Problem],
}

#[derive(Serialize)]
pub struct CheckinJson<'a> {
    pub id: String,
    #[serde(flatten)]
    pub checkin: &'a CheckIn,
}

pub fn checkin(id: CheckinId, checkin: &CheckIn) -> CheckinJson<'_> {
    CheckinJson {
        id: id.to_string(),
        checkin,
    }
}

/// `rel status HANDLE --json`.
#[derive(Serialize)]
pub struct Report<'a> {
    pub as_of: NaiveDate,
    #[serde(flatten)]
    pub summary: Summary<'a>,
    pub relationship: &'a Relationship,
    pub attention: Vec<AttentionJson<'a>>,
    pub recent_checkins: Vec<CheckinJson<'a>>,
    /// Every change between meetings by the day, newest first (as `rel
    /// log --json` gives them).
    pub history: Vec<ChangeJson<'a>>,
    pub problems: &'a [Problem],
}

/// The version of the `--json` shapes, the first field of every
/// document. It would go up only if a field were renamed or removed,
/// which rel avoids: new fields come without a new version.
pub const VERSION: u32 = 1;

/// A `--json` document: `version`, then the fields of `document`.
#[derive(Serialize)]
struct Versioned<'a, T> {
    version: u32,
    #[serde(flatten)]
    document: &'a T,
}

/// A `--json` document as text: `value`'s fields after `version` (so
/// `value` is a struct, never a bare list).
pub fn to_string<T: Serialize>(value: &T) -> String {
    let versioned = Versioned {
        version: VERSION,
        document: value,
    };
    let mut text = serde_json::to_string_pretty(&versioned)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    // The edge for JSON: the control and bidi characters serde_json leaves
    // raw, escaped as \uXXXX (text::json_safe).
    match crate::text::json_safe(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(safe) => safe,
    }
}

/// `rel report --format json`.
#[derive(Serialize)]
pub struct PeriodReport<'a> {
    pub period: PeriodJson,
    pub relationships: Vec<PeriodRelationship<'a>>,
    pub totals: PeriodTotals,
    pub problems: &'a [Problem],
}

#[derive(Serialize)]
pub struct PeriodJson {
    pub since: NaiveDate,
    pub until: NaiveDate,
    /// The last day counted: `until`, or today for a period still running.
    pub through: NaiveDate,
    /// Days from `since` to `through`, both included.
    pub days: i64,
    pub as_of: NaiveDate,
}

/// One relationship over the period.
#[derive(Serialize)]
pub struct PeriodRelationship<'a> {
    pub handle: &'a str,
    pub person: &'a str,
    pub kind: &'static str,
    pub role: &'static str,
    /// How it stands now.
    pub status: &'static str,
    /// It ran (started, not ended, not paused) on some day of the period.
    pub running: bool,
    /// It started within the period.
    pub started: bool,
    /// Nothing at all happened in the period.
    pub quiet: bool,
    pub checkins: PeriodCheckins,
    pub waypoints: PeriodWaypoints<'a>,
    pub goals: PeriodGoals<'a>,
    pub actions: PeriodActions<'a>,
    pub advocacy: Vec<AdvocacyJson<'a>>,
    pub strengths: Vec<Dated<'a>>,
    pub promoted: Vec<PromotedJson<'a>>,
    /// The meetings that reviewed the relationship or agreed course
    /// corrections, oldest first.
    pub corrections: Vec<CorrectionJson<'a>>,
    /// The relationship's own history in the period, as stored.
    pub events: Vec<&'a Event>,
    /// Goals, waypoints and actions moved, renamed or reopened in the
    /// period, oldest first.
    pub replanned: Vec<ReplannedJson<'a>>,
    /// The closing conversation, when it happened in the period.
    pub ending: Option<&'a Ending>,
}

#[derive(Serialize)]
pub struct CorrectionJson<'a> {
    pub date: NaiveDate,
    pub review: bool,
    pub changes: &'a [String],
}

#[derive(Serialize)]
pub struct PeriodCheckins {
    pub held: usize,
    /// What the cadence implies; null without a cadence.
    pub expected: Option<u32>,
    pub cadence: Option<String>,
    /// Every cadence in force during the period, oldest first: each judged
    /// the meetings of its own days.
    pub cadences: Vec<String>,
    /// The days it was meant to meet (running, not snoozed); null without
    /// a cadence.
    pub meeting_days: Option<i64>,
    pub ids: Vec<String>,
    pub ratings: Vec<u8>,
    pub average_rating: Option<f64>,
}

/// An item and the day it moved.
#[derive(Serialize)]
pub struct Dated<'a> {
    pub id: String,
    pub text: &'a str,
    pub date: Option<NaiveDate>,
}

#[derive(Serialize)]
pub struct PeriodWaypoints<'a> {
    pub reached: Vec<Dated<'a>>,
    pub dropped: Vec<Dated<'a>>,
}

#[derive(Serialize)]
pub struct AssessedJson<'a> {
    pub id: String,
    pub text: &'a str,
    pub verdict: Option<Verdict>,
}

#[derive(Serialize)]
pub struct PeriodGoals<'a> {
    pub achieved: Vec<Dated<'a>>,
    pub dropped: Vec<Dated<'a>>,
    /// Final assessments other than achieved, given at an ending in the
    /// period.
    pub assessed: Vec<AssessedJson<'a>>,
}

#[derive(Serialize)]
pub struct ClosedAction<'a> {
    pub id: String,
    pub text: &'a str,
    pub owner: Owner,
    pub date: Option<NaiveDate>,
}

#[derive(Serialize)]
pub struct PeriodActions<'a> {
    pub opened: ByOwner,
    pub closed: ByOwner,
    pub dropped: ByOwner,
    /// The actions done in the period.
    pub closed_items: Vec<ClosedAction<'a>>,
}

#[derive(Serialize)]
pub struct AdvocacyJson<'a> {
    pub id: String,
    pub text: &'a str,
    pub date: NaiveDate,
    pub waypoint: Option<String>,
}

#[derive(Serialize)]
pub struct PromotedJson<'a> {
    pub id: String,
    pub text: &'a str,
    pub date: Option<NaiveDate>,
    /// The strength it became.
    pub strength: Option<String>,
}

#[derive(Serialize)]
pub struct PeriodTotals {
    pub relationships: usize,
    pub started: usize,
    pub ended: usize,
    pub quiet: usize,
    pub checkins: TotalCheckins,
    pub waypoints: TotalMoved,
    pub goals: TotalGoals,
    pub actions: TotalActions,
    pub advocacy: usize,
    pub strengths: usize,
    pub promoted: usize,
}

#[derive(Serialize)]
pub struct TotalCheckins {
    pub held: usize,
    /// Summed over the relationships with a cadence.
    pub expected: u32,
    pub without_cadence: usize,
    pub rated: usize,
    pub average_rating: Option<f64>,
}

#[derive(Serialize)]
pub struct TotalMoved {
    pub reached: usize,
    pub dropped: usize,
}

#[derive(Serialize)]
pub struct TotalGoals {
    pub achieved: usize,
    pub dropped: usize,
}

#[derive(Serialize)]
pub struct TotalActions {
    pub opened: ByOwner,
    pub closed: ByOwner,
    pub dropped: ByOwner,
}

pub fn period_report<'a>(
    input: &'a crate::report::period::Input<'a>,
    problems: &'a [Problem],
) -> PeriodReport<'a> {
    PeriodReport {
        period: PeriodJson {
            since: input.period.since,
            until: input.period.until,
            through: input.covered.until,
            days: input.covered.days(),
            as_of: input.today,
        },
        relationships: input.activities.iter().map(period_relationship).collect(),
        totals: period_totals(input.totals),
        problems,
    }
}

fn dated<'a, T: Item>(
    items: &[&'a T],
    text: impl Fn(&'a T) -> &'a str,
    date: impl Fn(&T) -> Option<NaiveDate>,
) -> Vec<Dated<'a>> {
    items
        .iter()
        .map(|item| Dated {
            id: item.id().to_string(),
            text: text(item),
            date: date(item),
        })
        .collect()
}

fn period_relationship<'a>(a: &'a Activity<'a>) -> PeriodRelationship<'a> {
    let rel = a.rel;
    PeriodRelationship {
        handle: a.handle.as_str(),
        person: &rel.person,
        kind: rel.kind.as_str(),
        role: rel.role.as_str(),
        status: rel.status.as_str(),
        running: a.running,
        started: a.started,
        quiet: a.is_quiet(),
        checkins: PeriodCheckins {
            held: a.checkins.len(),
            expected: a.expected.as_ref().map(|e| e.count),
            cadence: rel.cadence.as_ref().map(ToString::to_string),
            cadences: a
                .expected
                .as_ref()
                .map(|e| e.cadences.iter().map(ToString::to_string).collect())
                .unwrap_or_default(),
            meeting_days: a.expected.as_ref().map(|e| e.days),
            ids: a.checkins.iter().map(ToString::to_string).collect(),
            ratings: a.ratings.clone(),
            average_rating: a.average_rating().map(two_places),
        },
        waypoints: PeriodWaypoints {
            reached: dated(&a.waypoints_reached, |w| &w.text, |w| w.reached),
            dropped: dated(&a.waypoints_dropped, |w| &w.text, |w| w.dropped),
        },
        goals: PeriodGoals {
            achieved: dated(&a.goals_achieved, |g| &g.text, |g| g.achieved),
            dropped: dated(&a.goals_dropped, |g| &g.text, |g| g.dropped),
            assessed: a
                .goals_assessed
                .iter()
                .map(|g| AssessedJson {
                    id: g.id.to_string(),
                    text: &g.text,
                    verdict: g.assessment,
                })
                .collect(),
        },
        actions: PeriodActions {
            opened: ByOwner::of(&a.actions_opened),
            closed: ByOwner::of(&a.actions_closed),
            dropped: ByOwner::of(&a.actions_dropped),
            closed_items: a
                .actions_closed
                .iter()
                .map(|x| ClosedAction {
                    id: x.id.to_string(),
                    text: &x.text,
                    owner: x.owner,
                    date: x.done,
                })
                .collect(),
        },
        advocacy: a
            .advocacy
            .iter()
            .map(|v| AdvocacyJson {
                id: v.id.to_string(),
                text: &v.text,
                date: v.date,
                waypoint: v.waypoint.map(|w| w.to_string()),
            })
            .collect(),
        strengths: dated(&a.strengths, |s| &s.text, |s| Some(s.added)),
        promoted: a
            .promoted
            .iter()
            .map(|c| PromotedJson {
                id: c.id.to_string(),
                text: &c.text,
                date: c.promoted,
                strength: c.strength.map(|s| s.to_string()),
            })
            .collect(),
        corrections: a
            .corrections
            .iter()
            .map(|c| CorrectionJson {
                date: c.date,
                review: c.review,
                changes: &c.changes,
            })
            .collect(),
        events: a.events.clone(),
        replanned: a
            .replanned
            .iter()
            .map(|(id, text, r)| replanned(*id, text, r))
            .collect(),
        ending: a.ending,
    }
}

fn period_totals(t: &Totals) -> PeriodTotals {
    PeriodTotals {
        relationships: t.relationships,
        started: t.started,
        ended: t.ended,
        quiet: t.quiet,
        checkins: TotalCheckins {
            held: t.checkins,
            expected: t.expected,
            without_cadence: t.without_cadence,
            rated: t.rated,
            average_rating: t.average_rating.map(two_places),
        },
        waypoints: TotalMoved {
            reached: t.waypoints_reached,
            dropped: t.waypoints_dropped,
        },
        goals: TotalGoals {
            achieved: t.goals_achieved,
            dropped: t.goals_dropped,
        },
        actions: TotalActions {
            opened: t.actions_opened,
            closed: t.actions_closed,
            dropped: t.actions_dropped,
        },
        advocacy: t.advocacy,
        strengths: t.strengths,
        promoted: t.promoted,
    }
}

/// An average as a person reads it: to two places.
fn two_places(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// `rel list --json`.
#[derive(Serialize)]
pub struct List<'a> {
    pub relationships: &'a [super::list::Entry],
    pub problems: &'a [Problem],
}

/// `rel actions --json`.
#[derive(Serialize)]
pub struct Actions<'a> {
    pub actions: &'a [super::actions::Open],
    pub problems: &'a [Problem],
}

/// A change between meetings: an event of the relationship as stored
/// (`"kind": "event"`), or an item re-planned (`"kind": "item"`).
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ChangeJson<'a> {
    Event {
        #[serde(flatten)]
        event: &'a crate::model::relationship::Event,
    },
    Item(ReplannedJson<'a>),
}

pub fn change_json<'a>(change: &Change<'a>) -> ChangeJson<'a> {
    match *change {
        Change::Event { event, .. } => ChangeJson::Event { event },
        Change::Item { id, text, revision } => ChangeJson::Item(replanned(id, text, revision)),
    }
}
