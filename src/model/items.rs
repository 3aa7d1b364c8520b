//! The items of a relationship: goals, waypoints, actions, strengths,
//! growth areas and acts of advocacy, each with an id that is never reused.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::{dates, opt_date, serde_date};
use super::id::ItemId;
use super::kind::Owner;
use super::revision::Revision;

word_enum! {
    /// The final word on a goal when a relationship ends.
    #[derive(clap::ValueEnum)]
    pub enum Verdict("verdict") {
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
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub achieved: Option<NaiveDate>,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub dropped: Option<NaiveDate>,
    /// The final assessment given when the relationship ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<Verdict>,
    /// Each re-plan since it was added (moved, renamed, reopened).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Revision>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Waypoint {
    pub id: ItemId,
    pub text: String,
    #[serde(with = "serde_date")]
    pub due: NaiveDate,
    #[serde(with = "serde_date")]
    pub added: NaiveDate,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub reached: Option<NaiveDate>,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub dropped: Option<NaiveDate>,
    /// Each re-plan since it was added (moved, renamed, reopened).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Revision>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: ItemId,
    pub text: String,
    #[serde(default)]
    pub owner: Owner,
    #[serde(with = "serde_date")]
    pub added: NaiveDate,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub dropped: Option<NaiveDate>,
    /// The check-in this action came out of, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkin: Option<String>,
    /// Each re-plan since it was added (moved, renamed, reopened).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Revision>,
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
    /// The days of the meetings that discussed it (a check-in's `about`),
    /// oldest first.
    #[serde(default, with = "dates", skip_serializing_if = "Vec::is_empty")]
    pub discussed: Vec<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Growth {
    pub id: ItemId,
    pub text: String,
    #[serde(with = "serde_date")]
    pub added: NaiveDate,
    /// The day this growth area became a strength.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub promoted: Option<NaiveDate>,
    /// The strength it became.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<ItemId>,
    /// The days of the meetings that discussed it (a check-in's `about`),
    /// oldest first.
    #[serde(default, with = "dates", skip_serializing_if = "Vec::is_empty")]
    pub discussed: Vec<NaiveDate>,
}

/// Records that a meeting on `day` discussed a strength or growth area:
/// each day once, in order, however often a check-in is applied.
pub fn mark_discussed(discussed: &mut Vec<NaiveDate>, day: NaiveDate) {
    if let Err(at) = discussed.binary_search(&day) {
        discussed.insert(at, day);
    }
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

/// A new action as a check-in or a command describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewAction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ItemId>,
    pub text: String,
    #[serde(default)]
    pub owner: Owner,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
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
    /// A day before the item existed.
    BeforeAdded {
        id: ItemId,
        added: NaiveDate,
        on: NaiveDate,
    },
}

impl std::fmt::Display for ItemError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ItemError::Unknown { id, .. } => write!(f, "there is no {} {id}", id.kind.noun()),
            ItemError::AlreadyClosed { id, how, date } => {
                write!(f, "{} {id} was already {how} on {date}", id.kind.noun())
            }
            ItemError::BeforeAdded { id, added, on } => {
                write!(
                    f,
                    "{on} is before {} {id} was added ({added})",
                    id.kind.noun()
                )
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
            ItemError::AlreadyClosed { .. } | ItemError::BeforeAdded { .. } => Vec::new(),
        }
    }
}

/// Anything with an id that may still be open.
pub trait Item {
    fn id(&self) -> ItemId;
    fn is_open(&self) -> bool;
}

/// Goals, waypoints and actions: open until done (achieved, reached) or
/// dropped, each on a day.
pub trait Closable: Item {
    /// The word for done: achieved, reached, done.
    const DONE: &'static str;
    fn added(&self) -> NaiveDate;
    fn done(&self) -> Option<NaiveDate>;
    fn dropped(&self) -> Option<NaiveDate>;
    fn set(&mut self, how: Closing, on: NaiveDate);
}

/// How an open item stops being open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    Done,
    Dropped,
}

macro_rules! closable {
    ($ty:ty, $done:ident, $word:literal) => {
        impl $ty {
            /// Neither done nor dropped.
            pub fn is_open(&self) -> bool {
                self.$done.is_none() && self.dropped.is_none()
            }
        }

        impl Item for $ty {
            fn id(&self) -> ItemId {
                self.id
            }

            fn is_open(&self) -> bool {
                <$ty>::is_open(self)
            }
        }

        impl Closable for $ty {
            const DONE: &'static str = $word;

            fn added(&self) -> NaiveDate {
                self.added
            }

            fn done(&self) -> Option<NaiveDate> {
                self.$done
            }

            fn dropped(&self) -> Option<NaiveDate> {
                self.dropped
            }

            fn set(&mut self, how: Closing, on: NaiveDate) {
                match how {
                    Closing::Done => self.$done = Some(on),
                    Closing::Dropped => self.dropped = Some(on),
                }
            }
        }
    };
}

closable!(Goal, achieved, "achieved");
closable!(Waypoint, reached, "reached");
closable!(Action, done, "done");

impl Item for Strength {
    fn id(&self) -> ItemId {
        self.id
    }

    fn is_open(&self) -> bool {
        true
    }
}

impl Item for Growth {
    fn id(&self) -> ItemId {
        self.id
    }

    fn is_open(&self) -> bool {
        self.promoted.is_none()
    }
}

impl Item for Advocacy {
    fn id(&self) -> ItemId {
        self.id
    }

    fn is_open(&self) -> bool {
        true
    }
}

/// Finds an item by id, or says which ids there are.
pub fn find<T: Item>(items: &mut [T], id: ItemId) -> Result<&mut T, ItemError> {
    let known = items.iter().map(|i| (i.id(), i.is_open())).collect();
    items
        .iter_mut()
        .find(|i| i.id() == id)
        .ok_or(ItemError::Unknown { id, known })
}

/// Closes an open item on a day: refuses one already closed, or a day
/// before it was added.
pub fn close<T: Closable>(
    items: &mut [T],
    id: ItemId,
    how: Closing,
    on: NaiveDate,
) -> Result<(), ItemError> {
    let item = find(items, id)?;
    if let Some(date) = item.done() {
        return Err(ItemError::AlreadyClosed {
            id,
            how: T::DONE,
            date,
        });
    }
    if let Some(date) = item.dropped() {
        return Err(ItemError::AlreadyClosed {
            id,
            how: "dropped",
            date,
        });
    }
    if on < item.added() {
        return Err(ItemError::BeforeAdded {
            id,
            added: item.added(),
            on,
        });
    }
    item.set(how, on);
    Ok(())
}
