//! A relationship and everything that changes between meetings: goals,
//! waypoints, actions, strengths, growth areas, advocacy and its history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cadence::Cadence;
use super::checkin::{CheckIn, CheckinId};
use super::date::{serde_date, serde_opt_date};
use super::id::{ItemId, ItemKind};
use super::kind::{Kind, Owner, Role, Status};

/// One relationship, as `relationship.toml` holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relationship {
    pub person: String,
    pub kind: Kind,
    pub role: Role,
    #[serde(default)]
    pub status: Status,
    #[serde(with = "serde_date")]
    pub started: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<Cadence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// What the other person wants out of it (for reverse-mentoring: what
    /// the expert gets out of it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub their_aims: Option<String>,
    /// How often the relationship itself should be reviewed; default 3 months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_every: Option<Cadence>,
    /// Cadence nudges are silent until this day.
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub snoozed_until: Option<NaiveDate>,
    /// The last time the pair reviewed the relationship itself.
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub reviewed: Option<NaiveDate>,
    /// Sponsoring: where the sponsor will help the protégé get to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// Sponsoring: why this protégé, and why sponsoring rather than mentoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// Sponsoring: the day the protégé opted in to the shared vision.
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub opted_in: Option<NaiveDate>,
    /// Reverse-mentoring: what the learner wants to understand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Reverse-mentoring: the end of the time box.
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub until: Option<NaiveDate>,
    /// Reverse-mentoring: the number of sessions agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sessions: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<Agreement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ending: Option<Ending>,
    #[serde(default, skip_serializing_if = "LastIds::is_empty")]
    pub last_id: LastIds,
    #[serde(default, rename = "goal", skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    #[serde(default, rename = "waypoint", skip_serializing_if = "Vec::is_empty")]
    pub waypoints: Vec<Waypoint>,
    #[serde(default, rename = "action", skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(default, rename = "strength", skip_serializing_if = "Vec::is_empty")]
    pub strengths: Vec<Strength>,
    #[serde(default, rename = "growth", skip_serializing_if = "Vec::is_empty")]
    pub growth: Vec<Growth>,
    #[serde(default, rename = "advocacy", skip_serializing_if = "Vec::is_empty")]
    pub advocacy: Vec<Advocacy>,
    #[serde(default, rename = "event", skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
}

/// The kickoff conversation: when the pair agreed to work together, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<String>,
}

word_enum! {
    /// How a relationship ended.
    #[derive(clap::ValueEnum)]
    pub enum EndResult("result") {
        Completed = "completed",
        ConcludedEarly = "concluded-early",
    }
}

/// The closing conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ending {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub result: EndResult,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

/// The highest id ever handed out, per kind of item. Ids are never reused,
/// even after a drop or a hand edit removes an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LastIds {
    #[serde(default, skip_serializing_if = "is_zero")]
    pub goal: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub waypoint: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub action: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub strength: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub growth: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub advocacy: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl LastIds {
    pub fn is_empty(&self) -> bool {
        *self == LastIds::default()
    }

    pub fn get(&self, kind: ItemKind) -> u32 {
        match kind {
            ItemKind::Goal => self.goal,
            ItemKind::Waypoint => self.waypoint,
            ItemKind::Action => self.action,
            ItemKind::Strength => self.strength,
            ItemKind::Growth => self.growth,
            ItemKind::Advocacy => self.advocacy,
        }
    }

    fn slot(&mut self, kind: ItemKind) -> &mut u32 {
        match kind {
            ItemKind::Goal => &mut self.goal,
            ItemKind::Waypoint => &mut self.waypoint,
            ItemKind::Action => &mut self.action,
            ItemKind::Strength => &mut self.strength,
            ItemKind::Growth => &mut self.growth,
            ItemKind::Advocacy => &mut self.advocacy,
        }
    }
}

word_enum! {
    /// The final word on a goal when a relationship ends.
    #[derive(clap::ValueEnum)]
    pub enum Assessment("goal assessment") {
        Achieved = "achieved",
        Partly = "partly",
        Not = "not",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: ItemId,
    pub text: String,
    #[serde(with = "serde_date")]
    pub added: NaiveDate,
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due: Option<NaiveDate>,
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub achieved: Option<NaiveDate>,
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub dropped: Option<NaiveDate>,
    /// The final assessment given when the relationship ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Assessment>,
}

impl Goal {
    pub fn is_open(&self) -> bool {
        self.achieved.is_none() && self.dropped.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waypoint {
    pub id: ItemId,
    pub text: String,
    #[serde(with = "serde_date")]
    pub due: NaiveDate,
    #[serde(with = "serde_date")]
    pub added: NaiveDate,
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub reached: Option<NaiveDate>,
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub dropped: Option<NaiveDate>,
}

impl Waypoint {
    pub fn is_open(&self) -> bool {
        self.reached.is_none() && self.dropped.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: ItemId,
    pub text: String,
    #[serde(default)]
    pub owner: Owner,
    #[serde(with = "serde_date")]
    pub added: NaiveDate,
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due: Option<NaiveDate>,
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub done: Option<NaiveDate>,
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub dropped: Option<NaiveDate>,
    /// The check-in this action came out of, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkin: Option<String>,
}

impl Action {
    pub fn is_open(&self) -> bool {
        self.done.is_none() && self.dropped.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Strength {
    pub id: ItemId,
    pub text: String,
    #[serde(with = "serde_date")]
    pub added: NaiveDate,
    /// The growth area this strength was promoted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<ItemId>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Growth {
    pub id: ItemId,
    pub text: String,
    #[serde(with = "serde_date")]
    pub added: NaiveDate,
    /// The day this growth area became a strength.
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub promoted: Option<NaiveDate>,
    /// The strength it became.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<ItemId>,
}

/// An act of advocacy by a sponsor: a nomination, an introduction, a
/// stretch assignment opened, a word in a calibration meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advocacy {
    pub id: ItemId,
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub text: String,
    /// The waypoint this act served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waypoint: Option<ItemId>,
}

/// Something that happened to the relationship itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    pub what: EventKind,
    /// For `evolved`: the kind it was before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Kind>,
    /// For `evolved`: the user's role before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_role: Option<Role>,
    /// For `snoozed`: until when.
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

word_enum! {
    /// What happened to the relationship.
    pub enum EventKind("event") {
        Paused = "paused",
        Resumed = "resumed",
        Snoozed = "snoozed",
        Ended = "ended",
        Evolved = "evolved",
        Changed = "changed",
    }
}

impl Relationship {
    /// A new, active relationship with nothing but its essentials.
    pub fn new(person: String, role: Role, started: NaiveDate) -> Relationship {
        Relationship {
            person,
            kind: role.kind(),
            role,
            status: Status::Active,
            started,
            cadence: None,
            purpose: None,
            their_aims: None,
            review_every: None,
            snoozed_until: None,
            reviewed: None,
            destination: None,
            why: None,
            opted_in: None,
            topic: None,
            until: None,
            sessions: None,
            agreement: None,
            ending: None,
            last_id: LastIds::default(),
            goals: Vec::new(),
            waypoints: Vec::new(),
            actions: Vec::new(),
            strengths: Vec::new(),
            growth: Vec::new(),
            advocacy: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Hands out the next id of `kind`: one past both the recorded counter
    /// and any id in the file, so a hand edit can never cause a reuse.
    pub fn next_id(&mut self, kind: ItemKind) -> ItemId {
        let highest = self.ids().filter(|id| id.kind == kind).map(|id| id.n).max();
        let slot = self.last_id.slot(kind);
        let n = (*slot).max(highest.unwrap_or(0)).saturating_add(1);
        *slot = n;
        ItemId::new(kind, n)
    }

    /// Every item id in the relationship.
    pub fn ids(&self) -> impl Iterator<Item = ItemId> + '_ {
        self.goals
            .iter()
            .map(|g| g.id)
            .chain(self.waypoints.iter().map(|w| w.id))
            .chain(self.actions.iter().map(|a| a.id))
            .chain(self.strengths.iter().map(|s| s.id))
            .chain(self.growth.iter().map(|c| c.id))
            .chain(self.advocacy.iter().map(|v| v.id))
    }

    pub fn add_goal(&mut self, text: String, added: NaiveDate, due: Option<NaiveDate>) -> ItemId {
        let id = self.next_id(ItemKind::Goal);
        self.goals.push(Goal {
            id,
            text,
            added,
            due,
            achieved: None,
            dropped: None,
            assessment: None,
        });
        id
    }

    pub fn add_waypoint(&mut self, text: String, due: NaiveDate, added: NaiveDate) -> ItemId {
        let id = self.next_id(ItemKind::Waypoint);
        self.waypoints.push(Waypoint {
            id,
            text,
            due,
            added,
            reached: None,
            dropped: None,
        });
        id
    }

    /// Adds an action under a given id (one a check-in already recorded) or
    /// the next free one.
    pub fn add_action(
        &mut self,
        new: NewAction,
        added: NaiveDate,
        checkin: Option<String>,
    ) -> ItemId {
        let id = match new.id {
            Some(id) => {
                let slot = self.last_id.slot(ItemKind::Action);
                *slot = (*slot).max(id.n);
                id
            }
            None => self.next_id(ItemKind::Action),
        };
        self.actions.push(Action {
            id,
            text: new.text,
            owner: new.owner,
            added,
            due: new.due,
            done: None,
            dropped: None,
            checkin,
        });
        id
    }

    pub fn goal_mut(&mut self, id: ItemId) -> Result<&mut Goal, ItemError> {
        let known = self.goals.iter().map(|g| (g.id, g.is_open())).collect();
        self.goals
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or(ItemError::Unknown { id, known })
    }

    pub fn waypoint_mut(&mut self, id: ItemId) -> Result<&mut Waypoint, ItemError> {
        let known = self.waypoints.iter().map(|w| (w.id, w.is_open())).collect();
        self.waypoints
            .iter_mut()
            .find(|w| w.id == id)
            .ok_or(ItemError::Unknown { id, known })
    }

    pub fn action_mut(&mut self, id: ItemId) -> Result<&mut Action, ItemError> {
        let known = self.actions.iter().map(|a| (a.id, a.is_open())).collect();
        self.actions
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(ItemError::Unknown { id, known })
    }

    /// Marks an open action done.
    pub fn close_action(&mut self, id: ItemId, on: NaiveDate) -> Result<(), ItemError> {
        let action = self.action_mut(id)?;
        if let Some(date) = action.done {
            return Err(ItemError::AlreadyClosed {
                id,
                how: "done",
                date,
            });
        }
        if let Some(date) = action.dropped {
            return Err(ItemError::AlreadyClosed {
                id,
                how: "dropped",
                date,
            });
        }
        action.done = Some(on);
        Ok(())
    }

    /// Marks an open waypoint reached.
    pub fn reach_waypoint(&mut self, id: ItemId, on: NaiveDate) -> Result<(), ItemError> {
        let waypoint = self.waypoint_mut(id)?;
        if let Some(date) = waypoint.reached {
            return Err(ItemError::AlreadyClosed {
                id,
                how: "reached",
                date,
            });
        }
        if let Some(date) = waypoint.dropped {
            return Err(ItemError::AlreadyClosed {
                id,
                how: "dropped",
                date,
            });
        }
        waypoint.reached = Some(on);
        Ok(())
    }

    /// Gives the check-in's new actions their ids, then applies what the
    /// meeting changed. The check-in must already have been checked against
    /// this relationship (see the `checkin` command).
    pub fn record_checkin(&mut self, id: CheckinId, checkin: &mut CheckIn) {
        for new in checkin.opened.iter_mut().filter(|a| a.id.is_none()) {
            new.id = Some(self.next_id(ItemKind::Action));
        }
        self.apply_checkin(id, checkin);
    }

    /// Applies what a check-in records (actions opened and closed,
    /// waypoints reached, a review), skipping whatever is already so. Safe
    /// to run twice: this is how an interrupted write is healed.
    pub fn apply_checkin(&mut self, id: CheckinId, checkin: &CheckIn) {
        for new in &checkin.opened {
            if let Some(action_id) = new.id
                && !self.actions.iter().any(|a| a.id == action_id)
            {
                self.add_action(new.clone(), checkin.date, Some(id.to_string()));
            }
        }
        for action_id in &checkin.closed {
            if let Ok(action) = self.action_mut(*action_id)
                && action.is_open()
            {
                action.done = Some(checkin.date);
            }
        }
        for waypoint_id in &checkin.reached {
            if let Ok(waypoint) = self.waypoint_mut(*waypoint_id)
                && waypoint.is_open()
            {
                waypoint.reached = Some(checkin.date);
            }
        }
        if checkin.review {
            self.reviewed = self.reviewed.max(Some(checkin.date));
        }
    }

    /// Waypoints in the order of their due dates (then ids).
    pub fn waypoints_by_due(&self) -> Vec<&Waypoint> {
        let mut list: Vec<&Waypoint> = self.waypoints.iter().collect();
        list.sort_by_key(|w| (w.due, w.id));
        list
    }

    pub fn open_actions(&self) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(|a| a.is_open())
    }

    /// The last day anything moved: a goal achieved, a waypoint reached or
    /// an action closed.
    pub fn last_movement(&self) -> Option<NaiveDate> {
        let goals = self.goals.iter().filter_map(|g| g.achieved);
        let waypoints = self.waypoints.iter().filter_map(|w| w.reached);
        let actions = self.actions.iter().filter_map(|a| a.done);
        goals.chain(waypoints).chain(actions).max()
    }

    /// Facts that contradict each other, by the key that holds them.
    pub fn contradictions(&self) -> Vec<(&'static str, String)> {
        let mut found = Vec::new();
        if self.role.kind() != self.kind {
            found.push((
                "role",
                format!(
                    "role '{}' does not belong to kind '{}' (its roles are {} and {})",
                    self.role.as_str(),
                    self.kind,
                    self.kind.roles()[0].as_str(),
                    self.kind.roles()[1].as_str()
                ),
            ));
        }
        if self.person.trim().is_empty() {
            found.push(("person", "person is empty".to_string()));
        }
        if self.sessions == Some(0) {
            found.push(("sessions", "sessions must be at least 1".to_string()));
        }
        found
    }
}

/// A new action as a check-in or a command describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewAction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ItemId>,
    pub text: String,
    #[serde(default)]
    pub owner: Owner,
    #[serde(
        default,
        with = "serde_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub due: Option<NaiveDate>,
}

/// Why an item could not be changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemError {
    /// No item has this id; `known` lists the ids there are, and whether
    /// each is still open.
    Unknown {
        id: ItemId,
        known: Vec<(ItemId, bool)>,
    },
    AlreadyClosed {
        id: ItemId,
        how: &'static str,
        date: NaiveDate,
    },
}

impl std::fmt::Display for ItemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ItemError::Unknown { id, .. } => write!(f, "there is no {} {id}", id.kind.noun()),
            ItemError::AlreadyClosed { id, how, date } => {
                write!(f, "{} {id} was already {how} on {date}", id.kind.noun())
            }
        }
    }
}

impl ItemError {
    /// The open ids a person could have meant.
    pub fn open_ids(&self) -> Vec<ItemId> {
        match self {
            ItemError::Unknown { known, .. } => known
                .iter()
                .filter(|(_, open)| *open)
                .map(|(id, _)| *id)
                .collect(),
            ItemError::AlreadyClosed { .. } => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn ids_are_never_reused_even_after_a_hand_removal() {
        let mut rel = Relationship::new("Ada".into(), Role::Mentor, day("2026-01-01"));
        let g1 = rel.add_goal("one".into(), day("2026-01-01"), None);
        let g2 = rel.add_goal("two".into(), day("2026-01-01"), None);
        assert_eq!((g1.to_string(), g2.to_string()), ("g1".into(), "g2".into()));
        rel.goals.pop();
        assert_eq!(
            rel.add_goal("three".into(), day("2026-01-02"), None)
                .to_string(),
            "g3"
        );
        // A hand edit that lowered the counter does not bring g3 back.
        rel.last_id.goal = 0;
        assert_eq!(
            rel.add_goal("four".into(), day("2026-01-02"), None)
                .to_string(),
            "g4"
        );
    }

    #[test]
    fn closing_twice_is_refused() {
        let mut rel = Relationship::new("Ada".into(), Role::Mentor, day("2026-01-01"));
        let new = NewAction {
            id: None,
            text: "write it".into(),
            owner: Owner::Them,
            due: None,
        };
        let a1 = rel.add_action(new, day("2026-01-01"), None);
        rel.close_action(a1, day("2026-01-05")).unwrap();
        let err = rel.close_action(a1, day("2026-01-06")).unwrap_err();
        assert_eq!(err.to_string(), "action a1 was already done on 2026-01-05");
        let a9 = ItemId::new(ItemKind::Action, 9);
        assert_eq!(
            rel.close_action(a9, day("2026-01-06"))
                .unwrap_err()
                .to_string(),
            "there is no action a9"
        );
        assert_eq!(rel.last_movement(), Some(day("2026-01-05")));
    }
}
