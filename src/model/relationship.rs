//! A relationship: its facts, its items, its history, and the changes a
//! person makes to it between meetings.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cadence::Cadence;
use super::checkin::{CheckIn, CheckinId};
use super::date::{opt_date, serde_date};
use super::id::{ItemId, ItemKind};
use super::items::{
    Action, Advocacy, Closing, Goal, Growth, ItemError, NewAction, Strength, Verdict, Waypoint,
    close, find,
};
use super::kind::{Kind, Role, Status};

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
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub snoozed_until: Option<NaiveDate>,
    /// The last time the pair reviewed the relationship itself.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<NaiveDate>,
    /// Sponsoring: where the sponsor will help the protégé get to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// Sponsoring: why this protégé, and why sponsoring rather than mentoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// Sponsoring: the day the protégé opted in to the shared vision.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub opted_in: Option<NaiveDate>,
    /// Reverse-mentoring: what the learner wants to understand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Reverse-mentoring: the end of the time box.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
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
    /// Reverse-mentoring: whether the expert got what they wanted out of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expert_outcome: Option<String>,
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

/// Where in the file a contradiction is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A top-level key.
    Key(&'static str),
    /// The second item carrying this id.
    SecondId(ItemId),
}

impl std::fmt::Display for Place {
    /// The key where the contradiction is, for paths like `relationship.role`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Key(key) => f.write_str(key),
            Place::SecondId(id) => f.write_str(id.kind.key()),
        }
    }
}

/// Why a change to the life of a relationship was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LifeError {
    Ended(Option<NaiveDate>),
    AlreadyPaused,
    NotPaused,
    NotSnoozed,
    SnoozeInPast(NaiveDate),
    BeforeStart(NaiveDate),
    GoalClosed(ItemId),
    CannotEvolve { from: Kind, into: Kind },
    RoleNotOfKind { role: Role, kind: Kind },
    Item(ItemError),
}

impl std::fmt::Display for LifeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LifeError::Ended(Some(date)) => write!(f, "it ended on {date}"),
            LifeError::Ended(None) => f.write_str("it has ended"),
            LifeError::AlreadyPaused => f.write_str("it is already paused"),
            LifeError::NotPaused => f.write_str("it is not paused"),
            LifeError::NotSnoozed => f.write_str("it is not snoozed"),
            LifeError::SnoozeInPast(date) => write!(f, "{date} is not a day still to come"),
            LifeError::BeforeStart(date) => write!(f, "that is before it started ({date})"),
            LifeError::GoalClosed(id) => write!(f, "goal {id} is no longer open"),
            LifeError::CannotEvolve { from, into } if from == into => {
                write!(f, "it is already {into}")
            }
            LifeError::CannotEvolve { from, into } => {
                write!(f, "{from} does not evolve into {into}")
            }
            LifeError::RoleNotOfKind { role, kind } => {
                let [a, b] = kind.roles();
                write!(
                    f,
                    "a {kind} relationship has a {} and a {}, not a {}",
                    a.label(),
                    b.label(),
                    role.label()
                )
            }
            LifeError::Item(err) => err.fmt(f),
        }
    }
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
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For `changed`: the field that changed (`cadence`, `purpose`, …),
    /// with every word of its old and new value (none: it was not set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
}

/// The fields `rel set` changes and records, as relationship.toml names
/// them (`how` is the agreement's how, `agreed` its date).
pub const CHANGEABLE: [&str; 15] = [
    "person",
    "role",
    "started",
    "purpose",
    "their_aims",
    "cadence",
    "review_every",
    "agreed",
    "how",
    "destination",
    "why",
    "opted_in",
    "topic",
    "until",
    "sessions",
];

/// One field of a relationship changed, with every word of its old and new
/// value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's name in relationship.toml (`how` for the agreement's
    /// how, `agreed` for its date).
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl Event {
    /// Whether a field holds a person's words (a purpose, their aims, …)
    /// rather than a setting (a cadence, a date, a number).
    pub fn is_text_field(field: &str) -> bool {
        matches!(
            field,
            "person" | "purpose" | "their_aims" | "how" | "destination" | "why" | "topic"
        )
    }

    /// The field a `changed` event changed, from its own keys or, for an
    /// event an older rel wrote, from its note (`cadence: a → b; …`).
    pub fn changed(&self, field: &str) -> Option<(Option<String>, Option<String>)> {
        if self.what != EventKind::Changed {
            return None;
        }
        if let Some(own) = &self.field {
            return (own == field).then(|| (self.old.clone(), self.new.clone()));
        }
        let note = self.note.as_deref()?;
        let label = field.replace('_', " ");
        note.split("; ").find_map(|part| {
            let rest = part.strip_prefix(&label)?.strip_prefix(": ")?;
            let (old, new) = rest.split_once(" → ")?;
            let value = |v: &str| (v != "—").then(|| v.to_string());
            Some((value(old), value(new)))
        })
    }
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
        /// A field changed differently on two machines: `new` is the value
        /// the merge kept, `old` the one it set aside (see `merged`).
        Conflict = "conflict",
        /// The person said the value a conflict kept stands.
        Settled = "settled",
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

    /// Whether [`next_id`](Self::next_id) has an id of `kind` left: the
    /// counter, and every id in the file, are below the highest there
    /// can be.
    pub fn has_ids_left(&self, kind: ItemKind) -> bool {
        let highest = self.ids().filter(|id| id.kind == kind).map(|id| id.n).max();
        self.last_id.get(kind).max(highest.unwrap_or(0)) < u32::MAX
    }

    /// A kind of item a change (from `before` to `self`) added to after
    /// its ids had run out, so that it could only be given one used before.
    pub fn ran_out_of_ids(&self, before: &Relationship) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|&kind| {
            let count = |rel: &Relationship| rel.ids().filter(|id| id.kind == kind).count();
            !before.has_ids_left(kind) && count(self) > count(before)
        })
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
            history: Vec::new(),
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
            history: Vec::new(),
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
            history: Vec::new(),
        });
        id
    }

    /// Closes an open goal (achieved), waypoint (reached) or action (done),
    /// or drops it.
    pub fn close(&mut self, id: ItemId, how: Closing, on: NaiveDate) -> Result<(), ItemError> {
        match id.kind {
            ItemKind::Goal => close(&mut self.goals, id, how, on),
            ItemKind::Waypoint => close(&mut self.waypoints, id, how, on),
            ItemKind::Action => close(&mut self.actions, id, how, on),
            _ => Err(ItemError::Unknown {
                id,
                known: Vec::new(),
            }),
        }
    }

    /// Marks an open action done.
    pub fn close_action(&mut self, id: ItemId, on: NaiveDate) -> Result<(), ItemError> {
        close(&mut self.actions, id, Closing::Done, on)
    }

    /// Marks an open waypoint reached.
    pub fn reach_waypoint(&mut self, id: ItemId, on: NaiveDate) -> Result<(), ItemError> {
        close(&mut self.waypoints, id, Closing::Done, on)
    }

    pub fn add_strength(&mut self, text: String, added: NaiveDate) -> ItemId {
        let id = self.next_id(ItemKind::Strength);
        self.strengths.push(Strength {
            id,
            text,
            added,
            from: None,
            discussed: Vec::new(),
        });
        id
    }

    pub fn add_growth(&mut self, text: String, added: NaiveDate) -> ItemId {
        let id = self.next_id(ItemKind::Growth);
        self.growth.push(Growth {
            id,
            text,
            added,
            promoted: None,
            strength: None,
            discussed: Vec::new(),
        });
        id
    }

    /// A growth area has become a strength: the strength is added, with
    /// where it came from, and the growth area marked promoted.
    pub fn promote_growth(&mut self, id: ItemId, on: NaiveDate) -> Result<ItemId, ItemError> {
        let area = find(&mut self.growth, id)?;
        if let Some(date) = area.promoted {
            return Err(ItemError::AlreadyClosed {
                id,
                how: "promoted",
                date,
            });
        }
        if on < area.added {
            return Err(ItemError::BeforeAdded {
                id,
                added: area.added,
                on,
            });
        }
        let text = area.text.clone();
        let strength = self.next_id(ItemKind::Strength);
        self.strengths.push(Strength {
            id: strength,
            text,
            added: on,
            from: Some(id),
            discussed: Vec::new(),
        });
        let area = find(&mut self.growth, id)?;
        area.promoted = Some(on);
        area.strength = Some(strength);
        Ok(strength)
    }

    /// Logs an act of advocacy, optionally for a waypoint that must exist.
    pub fn advocate(
        &mut self,
        text: String,
        on: NaiveDate,
        waypoint: Option<ItemId>,
    ) -> Result<ItemId, ItemError> {
        if let Some(w) = waypoint {
            find(&mut self.waypoints, w)?;
        }
        let id = self.next_id(ItemKind::Advocacy);
        self.advocacy.push(Advocacy {
            id,
            date: on,
            text,
            waypoint,
        });
        Ok(id)
    }

    fn event(&mut self, what: EventKind, on: NaiveDate) -> &mut Event {
        self.events.push(Event {
            date: on,
            what,
            from: None,
            from_role: None,
            until: None,
            note: None,
            field: None,
            old: None,
            new: None,
        });
        let last = self.events.len() - 1;
        &mut self.events[last]
    }

    /// Records a change to its fields made on `on`: an event a field, with
    /// every word of the old and new value.
    pub fn record_changes(&mut self, mut changes: Vec<FieldChange>, on: NaiveDate) {
        // An agreement or opt-in given with a new destination or role
        // re-confirms it: recorded after it (see `recontract`).
        changes.sort_by_key(|c| matches!(c.field, "agreed" | "opted_in"));
        for change in changes {
            let event = self.event(EventKind::Changed, on);
            event.field = Some(change.field.to_string());
            event.old = change.old;
            event.new = change.new;
        }
    }

    /// The fields given at `rel new` that differ from `before`, with every
    /// word of both values.
    pub fn changes_from(&self, before: &Relationship) -> Vec<FieldChange> {
        fn text(v: &Option<String>) -> Option<String> {
            v.clone()
        }
        fn shown<T: ToString>(v: Option<T>) -> Option<String> {
            v.map(|v| v.to_string())
        }
        let (a, b) = (before, self);
        let fields: Vec<(&'static str, Option<String>, Option<String>)> = vec![
            ("person", Some(a.person.clone()), Some(b.person.clone())),
            (
                "role",
                shown(Some(a.role.as_str())),
                shown(Some(b.role.as_str())),
            ),
            ("started", shown(Some(a.started)), shown(Some(b.started))),
            ("purpose", text(&a.purpose), text(&b.purpose)),
            ("their_aims", text(&a.their_aims), text(&b.their_aims)),
            (
                "cadence",
                shown(a.cadence.as_ref()),
                shown(b.cadence.as_ref()),
            ),
            (
                "review_every",
                shown(a.review_every.as_ref()),
                shown(b.review_every.as_ref()),
            ),
            (
                "agreed",
                shown(a.agreement.as_ref().map(|x| x.date)),
                shown(b.agreement.as_ref().map(|x| x.date)),
            ),
            (
                "how",
                a.agreement.as_ref().and_then(|x| x.how.clone()),
                b.agreement.as_ref().and_then(|x| x.how.clone()),
            ),
            ("destination", text(&a.destination), text(&b.destination)),
            ("why", text(&a.why), text(&b.why)),
            ("opted_in", shown(a.opted_in), shown(b.opted_in)),
            ("topic", text(&a.topic), text(&b.topic)),
            ("until", shown(a.until), shown(b.until)),
            ("sessions", shown(a.sessions), shown(b.sessions)),
        ];
        fields
            .into_iter()
            .filter(|(_, old, new)| old != new)
            .map(|(field, old, new)| FieldChange { field, old, new })
            .collect()
    }

    /// Events from newest to oldest after `day`: what has to be undone to
    /// see the relationship as it was on `day`.
    fn events_after(&self, day: NaiveDate) -> Vec<&Event> {
        let mut after: Vec<&Event> = self.events.iter().filter(|e| e.date > day).collect();
        after.sort_by_key(|e| std::cmp::Reverse(e.date));
        after
    }

    /// The cadence in force on `day`, as the recorded changes tell.
    pub fn cadence_on(&self, day: NaiveDate) -> Option<Cadence> {
        let mut cadence = self.cadence.clone();
        for event in self.events_after(day) {
            if let Some((old, _)) = event.changed("cadence") {
                cadence = old.and_then(|c| c.parse().ok());
            }
        }
        cadence
    }

    /// Where the relationship stood on `day` — active, paused or ended —
    /// as its recorded pauses, resumptions and ending tell; `None` before it
    /// started. On or after its last event, its status as it is now.
    pub fn status_on(&self, day: NaiveDate) -> Option<Status> {
        if day < self.started {
            return None;
        }
        let life: Vec<&Event> = self
            .events
            .iter()
            .filter(|e| {
                matches!(
                    e.what,
                    EventKind::Paused | EventKind::Resumed | EventKind::Ended
                )
            })
            .collect();
        if life.iter().all(|e| e.date <= day) && self.ending.as_ref().is_none_or(|e| e.date <= day)
        {
            return Some(self.status);
        }
        let mut sorted = life;
        sorted.sort_by_key(|e| e.date);
        let mut status = Status::Active;
        for event in sorted.iter().filter(|e| e.date <= day) {
            status = match event.what {
                EventKind::Paused => Status::Paused,
                EventKind::Resumed => Status::Active,
                _ => Status::Ended,
            };
        }
        if self.ending.as_ref().is_some_and(|e| e.date <= day) {
            status = Status::Ended;
        }
        Some(status)
    }

    /// The day the cadence nudges are silenced until, as of `day`: the
    /// latest snooze recorded by then, if it still runs (or, with no
    /// snooze recorded, the relationship's own `snoozed_until`).
    pub fn snoozed_on(&self, day: NaiveDate) -> Option<NaiveDate> {
        let snoozes: Vec<&Event> = self
            .events
            .iter()
            .filter(|e| e.what == EventKind::Snoozed)
            .collect();
        if snoozes.is_empty() {
            return self.snoozed_until.filter(|until| *until >= day);
        }
        if snoozes.iter().all(|e| e.date <= day) {
            return self.snoozed_until.filter(|until| *until >= day);
        }
        snoozes
            .into_iter()
            .filter(|e| e.date <= day)
            .max_by_key(|e| e.date)
            .and_then(|e| e.until)
            .filter(|until| *until >= day)
    }

    /// The relationship as it stood on `day`, as far as its recorded events
    /// tell: every change, evolution, pause, resumption, snooze and ending
    /// after that day undone. The same relationship when nothing happened
    /// after it.
    pub fn as_of(&self, day: NaiveDate) -> std::borrow::Cow<'_, Relationship> {
        use std::borrow::Cow;
        let later = self.events.iter().any(|e| e.date > day)
            || self.ending.as_ref().is_some_and(|e| e.date > day)
            || self.revised_after(day)
            || self.items_changed_after(day);
        if !later {
            return Cow::Borrowed(self);
        }
        let mut rel = self.clone();
        rel.rewind_items(day);
        rel.forget_items_after(day);
        rel.status = self.status_on(day).unwrap_or(Status::Active);
        rel.snoozed_until = self.snoozed_on(day);
        if rel.ending.as_ref().is_some_and(|e| e.date > day) {
            rel.ending = None;
            // The goals were judged at the end.
            rel.goals.iter_mut().for_each(|g| g.assessment = None);
        }
        for event in self.events_after(day) {
            if event.what == EventKind::Evolved {
                rel.kind = event.from.unwrap_or(rel.kind);
                rel.role = event.from_role.unwrap_or(rel.role);
            }
            for field in CHANGEABLE {
                if let Some((old, _)) = event.changed(field) {
                    rel.unset(field, old, event.field.is_some());
                }
            }
        }
        Cow::Owned(rel)
    }

    /// Whether a goal, waypoint or action was closed after `day`: open
    /// then.
    pub fn closed_after(&self, day: NaiveDate) -> bool {
        let after = |d: Option<NaiveDate>| d.is_some_and(|d| d > day);
        self.goals
            .iter()
            .any(|g| after(g.achieved) || after(g.dropped))
            || self
                .waypoints
                .iter()
                .any(|w| after(w.reached) || after(w.dropped))
            || self
                .actions
                .iter()
                .any(|a| after(a.done) || after(a.dropped))
    }

    /// Whether an item was added, closed, promoted or discussed after
    /// `day`.
    fn items_changed_after(&self, day: NaiveDate) -> bool {
        let after = |d: Option<NaiveDate>| d.is_some_and(|d| d > day);
        let any_after = |days: &[NaiveDate]| days.iter().any(|d| *d > day);
        self.goals
            .iter()
            .any(|g| g.added > day || after(g.achieved) || after(g.dropped))
            || self
                .waypoints
                .iter()
                .any(|w| w.added > day || after(w.reached) || after(w.dropped))
            || self
                .actions
                .iter()
                .any(|a| a.added > day || after(a.done) || after(a.dropped))
            || self
                .strengths
                .iter()
                .any(|s| s.added > day || any_after(&s.discussed))
            || self
                .growth
                .iter()
                .any(|c| c.added > day || after(c.promoted) || any_after(&c.discussed))
            || self.advocacy.iter().any(|v| v.date > day)
    }

    /// The items as they stood on `day`: those added after it left out;
    /// those closed, promoted or discussed after it open, and undiscussed
    /// since.
    fn forget_items_after(&mut self, day: NaiveDate) {
        let undo = |d: &mut Option<NaiveDate>| {
            if d.is_some_and(|d| d > day) {
                *d = None;
            }
        };
        self.goals.retain(|g| g.added <= day);
        for g in &mut self.goals {
            undo(&mut g.achieved);
            undo(&mut g.dropped);
        }
        self.waypoints.retain(|w| w.added <= day);
        for w in &mut self.waypoints {
            undo(&mut w.reached);
            undo(&mut w.dropped);
        }
        self.actions.retain(|a| a.added <= day);
        for a in &mut self.actions {
            undo(&mut a.done);
            undo(&mut a.dropped);
        }
        self.strengths.retain(|s| s.added <= day);
        for s in &mut self.strengths {
            s.discussed.retain(|d| *d <= day);
        }
        self.growth.retain(|c| c.added <= day);
        for c in &mut self.growth {
            undo(&mut c.promoted);
            c.discussed.retain(|d| *d <= day);
        }
        self.advocacy.retain(|v| v.date <= day);
    }

    /// Puts back a field's value from before a change. `whole`: the value
    /// is every word (an event rel wrote), not a note's clipped summary,
    /// which only settings are taken from.
    fn unset(&mut self, field: &str, old: Option<String>, whole: bool) {
        let date = |v: &Option<String>| v.as_deref().and_then(super::date::parse_iso);
        match field {
            "cadence" => self.cadence = old.and_then(|c| c.parse().ok()),
            "review_every" => self.review_every = old.and_then(|c| c.parse().ok()),
            "opted_in" => self.opted_in = date(&old),
            "until" => self.until = date(&old),
            "sessions" => self.sessions = old.and_then(|n| n.parse().ok()),
            "started" => {
                if let Some(day) = date(&old) {
                    self.started = day;
                }
            }
            "agreed" => match date(&old) {
                Some(day) => match &mut self.agreement {
                    Some(agreement) => agreement.date = day,
                    None => {
                        self.agreement = Some(Agreement {
                            date: day,
                            how: None,
                        })
                    }
                },
                None => self.agreement = None,
            },
            _ if !whole => {}
            "purpose" => self.purpose = old,
            "their_aims" => self.their_aims = old,
            "destination" => self.destination = old,
            "why" => self.why = old,
            "topic" => self.topic = old,
            "how" => {
                if let Some(agreement) = &mut self.agreement {
                    agreement.how = old;
                }
            }
            "person" => {
                if let Some(person) = old {
                    self.person = person;
                }
            }
            _ => {}
        }
    }

    /// The kind and the user's role in force on `day`, as the recorded
    /// evolutions tell.
    pub fn kind_on(&self, day: NaiveDate) -> (Kind, Role) {
        let (mut kind, mut role) = (self.kind, self.role);
        for event in self.events_after(day) {
            if event.what == EventKind::Evolved {
                kind = event.from.unwrap_or(kind);
                role = event.from_role.unwrap_or(role);
            }
        }
        (kind, role)
    }

    fn not_ended(&self) -> Result<(), LifeError> {
        match &self.ending {
            _ if self.status != Status::Ended => Ok(()),
            Some(ending) => Err(LifeError::Ended(Some(ending.date))),
            None => Err(LifeError::Ended(None)),
        }
    }

    /// Stops every nudge until the relationship is resumed.
    pub fn pause(&mut self, on: NaiveDate, note: Option<String>) -> Result<(), LifeError> {
        self.not_ended()?;
        if self.status == Status::Paused {
            return Err(LifeError::AlreadyPaused);
        }
        self.status = Status::Paused;
        self.event(EventKind::Paused, on).note = note;
        Ok(())
    }

    pub fn resume(&mut self, on: NaiveDate, note: Option<String>) -> Result<(), LifeError> {
        self.not_ended()?;
        if self.status != Status::Paused {
            return Err(LifeError::NotPaused);
        }
        self.status = Status::Active;
        self.event(EventKind::Resumed, on).note = note;
        Ok(())
    }

    /// Silences the cadence nudges until a later day (`None` lifts a snooze).
    pub fn snooze(&mut self, until: Option<NaiveDate>, on: NaiveDate) -> Result<(), LifeError> {
        self.not_ended()?;
        if let Some(until) = until.filter(|u| *u <= on) {
            return Err(LifeError::SnoozeInPast(until));
        }
        if until.is_none() && self.snoozed_until.is_none_or(|u| u < on) {
            return Err(LifeError::NotSnoozed);
        }
        self.snoozed_until = until;
        self.event(EventKind::Snoozed, on).until = until;
        Ok(())
    }

    /// The closing conversation: how it ended, the outcome in words, and a
    /// final verdict on open goals (an achieved one is achieved that day).
    pub fn end(
        &mut self,
        on: NaiveDate,
        result: EndResult,
        outcome: Option<String>,
        verdicts: &[(ItemId, Verdict)],
    ) -> Result<(), LifeError> {
        self.not_ended()?;
        if on < self.started {
            return Err(LifeError::BeforeStart(self.started));
        }
        for (id, verdict) in verdicts {
            let goal = find(&mut self.goals, *id).map_err(LifeError::Item)?;
            if !goal.is_open() {
                return Err(LifeError::GoalClosed(*id));
            }
            goal.assessment = Some(*verdict);
            if *verdict == Verdict::Achieved {
                goal.achieved = Some(on);
            }
        }
        self.status = Status::Ended;
        self.snoozed_until = None;
        self.ending = Some(Ending {
            date: on,
            result,
            outcome,
            expert_outcome: None,
        });
        self.event(EventKind::Ended, on);
        Ok(())
    }

    /// Reverse-mentoring becomes mentoring; mentoring becomes sponsoring.
    /// The history stays, and the change is recorded. Without a role, the
    /// user's side carries over: a learner becomes the mentor (the expert
    /// is now the one being mentored), an expert the mentee, a mentor the
    /// sponsor, a mentee the protégé.
    pub fn evolve(
        &mut self,
        into: Kind,
        role: Option<Role>,
        on: NaiveDate,
    ) -> Result<Role, LifeError> {
        self.not_ended()?;
        let allowed = matches!(
            (self.kind, into),
            (Kind::ReverseMentoring, Kind::Mentoring) | (Kind::Mentoring, Kind::Sponsoring)
        );
        if !allowed {
            return Err(LifeError::CannotEvolve {
                from: self.kind,
                into,
            });
        }
        let role = match role {
            Some(role) if role.kind() != into => {
                return Err(LifeError::RoleNotOfKind { role, kind: into });
            }
            Some(role) => role,
            None => match self.role {
                Role::Learner => Role::Mentor,
                Role::Expert => Role::Mentee,
                Role::Mentor => Role::Sponsor,
                _ => Role::Protege,
            },
        };
        let (from, from_role) = (self.kind, self.role);
        self.kind = into;
        self.role = role;
        let event = self.event(EventKind::Evolved, on);
        event.from = Some(from);
        event.from_role = Some(from_role);
        Ok(role)
    }

    /// Gives the check-in's new actions their ids, then applies what the
    /// meeting changed. The check-in must already have been checked against
    /// this relationship (see the `checkin` command).
    pub fn record_checkin(&mut self, id: CheckinId, checkin: &mut CheckIn) {
        self.number_new_actions(checkin);
        self.apply_checkin(id, checkin);
    }

    /// Gives the actions a check-in opens without an id the ids
    /// [`record_checkin`](Self::record_checkin) would give them, changing
    /// nothing here: the check-in's words, and so its name, hold them.
    pub fn number_new_actions(&self, checkin: &mut CheckIn) {
        let kind = ItemKind::Action;
        let highest = self.ids().filter(|id| id.kind == kind).map(|id| id.n).max();
        let mut last = self.last_id.get(kind).max(highest.unwrap_or(0));
        for new in checkin.opened.iter_mut().filter(|a| a.id.is_none()) {
            last = last.saturating_add(1);
            new.id = Some(ItemId::new(kind, last));
        }
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
            if let Ok(action) = find(&mut self.actions, *action_id)
                && action.is_open()
            {
                action.done = Some(checkin.date);
            }
        }
        for waypoint_id in &checkin.reached {
            if let Ok(waypoint) = find(&mut self.waypoints, *waypoint_id)
                && waypoint.is_open()
            {
                waypoint.reached = Some(checkin.date);
            }
        }
        for goal_id in &checkin.achieved {
            if let Ok(goal) = find(&mut self.goals, *goal_id)
                && goal.is_open()
            {
                goal.achieved = Some(checkin.date);
            }
        }
        for moved in &checkin.moved {
            // Already there (a healed write): nothing to do.
            let _ = self.replan(
                moved.id,
                &super::revision::Replan::Move(moved.due),
                checkin.date,
                moved.because.clone(),
                Some(id.to_string()),
            );
        }
        for dropped in &checkin.dropped {
            let _ = self.close(*dropped, Closing::Dropped, checkin.date);
        }
        if checkin.review {
            self.reviewed = self.reviewed.max(Some(checkin.date));
        }
        self.apply_about(checkin);
    }

    /// Stamps the strengths and growth areas a check-in discussed with its
    /// day (an id that names neither is left for `rel check` to tell).
    fn apply_about(&mut self, checkin: &CheckIn) {
        for id in &checkin.about {
            if let Some(s) = self.strengths.iter_mut().find(|s| s.id == *id) {
                super::items::mark_discussed(&mut s.discussed, checkin.date);
            }
            if let Some(c) = self.growth.iter_mut().find(|c| c.id == *id) {
                super::items::mark_discussed(&mut c.discussed, checkin.date);
            }
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

    /// Facts that contradict each other, by the key that holds them.
    pub fn contradictions(&self) -> Vec<(Place, String)> {
        let mut found = Vec::new();
        if self.role.kind() != self.kind {
            found.push((
                Place::Key("role"),
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
            found.push((Place::Key("person"), "person is empty".to_string()));
        }
        if self.sessions == Some(0) {
            found.push((
                Place::Key("sessions"),
                "sessions must be at least 1".to_string(),
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        for id in self.ids() {
            if !seen.insert(id) {
                found.push((
                    Place::SecondId(id),
                    format!("{id} is used twice; every {} needs an id of its own (the highest id given is kept in [last_id])", id.kind.noun()),
                ));
            }
        }
        found.extend(self.id_contradictions());
        found
    }

    /// Item ids used twice, or in the wrong list: either would make a
    /// command like `--done a2` ambiguous.
    fn id_contradictions(&self) -> Vec<(Place, String)> {
        let lists: [(ItemKind, Vec<ItemId>); 6] = [
            (ItemKind::Goal, self.goals.iter().map(|x| x.id).collect()),
            (
                ItemKind::Waypoint,
                self.waypoints.iter().map(|x| x.id).collect(),
            ),
            (
                ItemKind::Action,
                self.actions.iter().map(|x| x.id).collect(),
            ),
            (
                ItemKind::Strength,
                self.strengths.iter().map(|x| x.id).collect(),
            ),
            (ItemKind::Growth, self.growth.iter().map(|x| x.id).collect()),
            (
                ItemKind::Advocacy,
                self.advocacy.iter().map(|x| x.id).collect(),
            ),
        ];
        let mut found = Vec::new();
        for (kind, ids) in &lists {
            for id in ids {
                if id.kind != *kind {
                    found.push((
                        Place::Key(kind.key()),
                        format!(
                            "{id} is listed with the {}s, but {} ids start with '{}'",
                            kind.key(),
                            kind.key(),
                            kind.prefix()
                        ),
                    ));
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;
    use crate::model::kind::Owner;

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
    fn new_actions_are_numbered_as_recording_numbers_them() {
        let mut rel = Relationship::new("Ada".into(), Role::Mentor, day("2026-01-01"));
        let action = |text: &str| NewAction {
            id: None,
            text: text.into(),
            owner: Owner::Them,
            due: None,
        };
        rel.add_action(action("kept"), day("2026-01-02"), None);
        // A hand edit left the counter below an id in the file.
        rel.add_action(action("more"), day("2026-01-02"), None);
        rel.last_id.action = 1;
        let mut checkin = CheckIn::new(day("2026-01-03"));
        checkin.opened = vec![action("one"), action("two")];
        let mut numbered = checkin.clone();
        rel.number_new_actions(&mut numbered);
        let mut recorded = checkin;
        let mut after = rel.clone();
        after.record_checkin(CheckinId::new(day("2026-01-03"), 1), &mut recorded);
        assert_eq!(numbered, recorded);
        let ids: Vec<String> = numbered
            .opened
            .iter()
            .filter_map(|a| a.id)
            .map(|id| id.to_string())
            .collect();
        assert_eq!(ids, ["a3", "a4"]);
    }

    #[test]
    fn item_ids_used_twice_or_in_the_wrong_list_contradict() {
        let mut rel = Relationship::new("Ada".into(), Role::Mentor, day("2026-01-01"));
        rel.add_goal("one".into(), day("2026-01-01"), None);
        rel.add_goal("two".into(), day("2026-01-01"), None);
        assert!(rel.contradictions().is_empty());
        rel.goals[1].id = rel.goals[0].id;
        let g1 = rel.goals[0].id;
        let found = rel.contradictions();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Place::SecondId(g1));
        assert!(found[0].1.starts_with("g1 is used twice"), "{}", found[0].1);
        rel.goals[1].id = ItemId::new(ItemKind::Action, 2);
        assert_eq!(
            rel.contradictions(),
            [(
                Place::Key("goal"),
                "a2 is listed with the goals, but goal ids start with 'g'".to_string()
            )]
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
        let moved = |today| crate::model::Tally::of(&rel, day(today)).last_movement;
        assert_eq!(moved("2026-12-31"), Some(day("2026-01-05")));
        assert_eq!(moved("2026-01-04"), None);
    }
}
