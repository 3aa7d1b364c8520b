//! The `--json` shapes. Stable: fields are added, never renamed or removed
//! (documented in the README).

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::assess::{Fact, Level};
use crate::model::{Assessment, Attention, CheckIn, CheckinId, Owner, Relationship, Which};
use crate::store::Problem;

#[derive(Serialize)]
pub struct Counts {
    pub done: usize,
    pub total: usize,
}

#[derive(Serialize)]
pub struct ActionCounts {
    pub mine: usize,
    pub theirs: usize,
}

#[derive(Serialize)]
pub struct UnderstandingJson<'a> {
    pub level: Level,
    pub facts: &'a [Fact],
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
            facts: &u.facts,
        }
    };
    let live_waypoints = rel.waypoints.iter().filter(|w| w.dropped.is_none());
    let live_goals = rel.goals.iter().filter(|g| g.dropped.is_none());
    Summary {
        handle,
        person: &rel.person,
        kind: rel.kind.as_str(),
        role: rel.role.as_str(),
        status: rel.status.as_str(),
        cadence: rel.cadence.as_ref().map(ToString::to_string),
        last_checkin: a.last_checkin,
        days_since_last: a.last_checkin.map(|d| (today - d).num_days()),
        next_due: a.next_due,
        planned: a.planned,
        timing: a.timing.as_str(),
        checkins: a.held,
        waypoints: Counts {
            done: live_waypoints
                .clone()
                .filter(|w| w.reached.is_some())
                .count(),
            total: live_waypoints.count(),
        },
        goals: Counts {
            done: live_goals.clone().filter(|g| g.achieved.is_some()).count(),
            total: live_goals.count(),
        },
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
    }
}

/// `rel status --json`.
#[derive(Serialize)]
pub struct Status<'a> {
    pub as_of: NaiveDate,
    pub relationships: Vec<Summary<'a>>,
    pub attention: Vec<&'a Attention>,
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
    pub attention: &'a [Attention],
    pub recent_checkins: Vec<CheckinJson<'a>>,
    pub problems: &'a [Problem],
}

pub fn to_string<T: Serialize>(value: &T) -> String {
    let mut text =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}
