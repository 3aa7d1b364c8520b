//! What a re-plan keeps: each change to a goal, waypoint or action after
//! it was added, as a dated revision on the item (`history` in its
//! table), and the change a command asks for. The changes themselves are
//! made in [`replan`](super::replan).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::{days_between, opt_date, serde_date};

word_enum! {
    /// How an item had been closed before it was reopened.
    pub enum Closed("closing") {
        Achieved = "achieved",
        Reached = "reached",
        Done = "done",
        Dropped = "dropped",
    }
}

/// One change to an item after it was added: `history` in its table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// The day the change was made.
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    /// The due date moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DueChange>,
    /// The words changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextChange>,
    /// It had been closed, and is open again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reopened: Option<Reopened>,
    /// Why, in the person's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub because: Option<String>,
    /// The check-in that agreed it, if one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkin: Option<String>,
}

/// A due date moved: `from` none when the item had no due date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DueChange {
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(with = "serde_date")]
    pub to: NaiveDate,
}

/// The words of an item, before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextChange {
    pub from: String,
    pub to: String,
}

/// How, and on which day, a reopened item had been closed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Reopened {
    pub was: Closed,
    #[serde(with = "serde_date")]
    pub on: NaiveDate,
}

impl Revision {
    pub(super) fn new(
        date: NaiveDate,
        because: Option<String>,
        checkin: Option<String>,
    ) -> Revision {
        Revision {
            date,
            due: None,
            text: None,
            reopened: None,
            because,
            checkin,
        }
    }

    /// Days this revision pushed the due date later (0 when it did not).
    pub fn days_slipped(&self) -> i64 {
        match &self.due {
            Some(DueChange {
                from: Some(from),
                to,
            }) if to > from => days_between(*from, *to),
            _ => 0,
        }
    }
}

/// How far an item's due date has slipped: how many times it was moved
/// later, by how many days in all, and the day first planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Slips {
    pub slips: usize,
    pub days: i64,
    /// The due date before the first move, if it had one.
    pub first_due: Option<NaiveDate>,
}

impl Slips {
    pub fn of(history: &[Revision]) -> Slips {
        let moved = || history.iter().filter(|r| r.due.is_some());
        Slips {
            slips: moved().filter(|r| r.days_slipped() > 0).count(),
            days: moved().map(Revision::days_slipped).sum(),
            first_due: moved().next().and_then(|r| r.due.as_ref()?.from),
        }
    }
}

/// A change asked of an item.
#[derive(Debug, Clone, PartialEq)]
pub enum Replan {
    Move(NaiveDate),
    Rename(String),
    Reopen,
}
