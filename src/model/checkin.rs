//! A check-in: one meeting, written once to its own file.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::{opt_date, parse_iso, serde_date};
use super::id::ItemId;
use super::items::NewAction;

/// A check-in's name: its date and its number that day, `2026-11-26-1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CheckinId {
    pub date: NaiveDate,
    pub n: u32,
}

impl CheckinId {
    /// Reads a file stem like `2026-11-26-1`.
    pub fn parse(stem: &str) -> Option<CheckinId> {
        let (date, n) = (stem.get(..10)?, stem.get(10..)?);
        let n = n.strip_prefix('-')?;
        if n.is_empty() || n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(CheckinId {
            date: parse_iso(date)?,
            n: n.parse().ok()?,
        })
    }

    pub fn file_name(&self) -> String {
        format!("{self}.toml")
    }
}

impl fmt::Display for CheckinId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", super::date::Iso(self.date), self.n)
    }
}

impl FromStr for CheckinId {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CheckinId::parse(s.trim().trim_end_matches(".toml")).ok_or(())
    }
}

/// How valuable a meeting felt, 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rating(u8);

impl Rating {
    pub fn new(value: u8) -> Option<Rating> {
        (1..=5).contains(&value).then_some(Rating(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl FromStr for Rating {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<u8>()
            .ok()
            .and_then(Rating::new)
            .ok_or_else(|| format!("'{s}' is not a rating from 1 to 5"))
    }
}

impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Any integer, with the words a person needs when it is not one.
        struct Whole;
        impl serde::de::Visitor<'_> for Whole {
            type Value = i64;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a rating from 1 to 5")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<i64, E> {
                Ok(v)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<i64, E> {
                Ok(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
        let value = d.deserialize_i64(Whole)?;
        u8::try_from(value)
            .ok()
            .and_then(Rating::new)
            .ok_or_else(|| serde::de::Error::custom(format!("rating {value} is not from 1 to 5")))
    }
}

/// One meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    #[serde(with = "serde_date")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// This meeting reviewed the relationship itself.
    #[serde(default, skip_serializing_if = "is_false")]
    pub review: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub working: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_working: Vec<String>,
    /// Course corrections agreed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<String>,
    /// The next meeting, if one was set.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub next: Option<NaiveDate>,
    /// Actions closed at this meeting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed: Vec<ItemId>,
    /// Waypoints reached at this meeting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reached: Vec<ItemId>,
    /// Goals achieved at this meeting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub achieved: Vec<ItemId>,
    /// Actions that came out of this meeting, with the ids they were given.
    #[serde(default, rename = "opened", skip_serializing_if = "Vec::is_empty")]
    pub opened: Vec<NewAction>,
    /// Goals, waypoints and actions moved to another day at this meeting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<Moved>,
    /// Goals, waypoints and actions dropped at this meeting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<ItemId>,
    /// What of the meeting may go to the other person (`rel recap`); the
    /// notes stay private.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<String>,
    /// The strengths and growth areas the meeting discussed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<ItemId>,
}

/// An item a meeting moved: its new due date, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Moved {
    pub id: ItemId,
    #[serde(with = "serde_date")]
    pub due: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub because: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl CheckIn {
    pub fn new(date: NaiveDate) -> CheckIn {
        CheckIn {
            date,
            rating: None,
            review: false,
            notes: None,
            working: Vec::new(),
            not_working: Vec::new(),
            changes: Vec::new(),
            next: None,
            closed: Vec::new(),
            reached: Vec::new(),
            achieved: Vec::new(),
            opened: Vec::new(),
            moved: Vec::new(),
            dropped: Vec::new(),
            shared: None,
            about: Vec::new(),
        }
    }

    /// True when the meeting changed items in the relationship, so that
    /// writing it touches two files.
    pub fn has_effects(&self) -> bool {
        !(self.closed.is_empty()
            && self.reached.is_empty()
            && self.achieved.is_empty()
            && self.opened.is_empty()
            && self.moved.is_empty()
            && self.dropped.is_empty()
            && self.about.is_empty())
    }

    /// True when the person wrote anything at all about the meeting.
    pub fn has_words(&self) -> bool {
        self.notes.is_some()
            || self.shared.is_some()
            || !self.working.is_empty()
            || !self.not_working.is_empty()
            || !self.changes.is_empty()
            || !self.opened.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checkin_ids_come_from_file_names() {
        let id = CheckinId::parse("2026-11-26-12").unwrap();
        assert_eq!(id.n, 12);
        assert_eq!(id.to_string(), "2026-11-26-12");
        assert_eq!(id.file_name(), "2026-11-26-12.toml");
        for bad in [
            "2026-11-26",
            "2026-11-26-",
            "2026-11-26-0",
            "2026-11-26-01",
            "2026-13-01-1",
            "x",
            "2026-11-26-1a",
        ] {
            assert!(CheckinId::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn ratings_are_one_to_five() {
        assert!("0".parse::<Rating>().is_err());
        assert!("6".parse::<Rating>().is_err());
        assert_eq!("4".parse::<Rating>().unwrap().get(), 4);
        let bad: Result<CheckIn, _> = toml::from_str("date = 2026-11-26\nrating = 9\n");
        assert!(bad.unwrap_err().message().contains("not from 1 to 5"));
    }
}
