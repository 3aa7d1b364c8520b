//! Item ids: `g3`, `w2`, `a7`, `s1`, `c2`, `v1` — short, per relationship,
//! and never reused.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Goal,
    Waypoint,
    Action,
    Strength,
    Growth,
    Advocacy,
}

impl ItemKind {
    pub const ALL: [ItemKind; 6] = [
        ItemKind::Goal,
        ItemKind::Waypoint,
        ItemKind::Action,
        ItemKind::Strength,
        ItemKind::Growth,
        ItemKind::Advocacy,
    ];

    pub fn prefix(self) -> char {
        match self {
            ItemKind::Goal => 'g',
            ItemKind::Waypoint => 'w',
            ItemKind::Action => 'a',
            ItemKind::Strength => 's',
            ItemKind::Growth => 'c',
            ItemKind::Advocacy => 'v',
        }
    }

    /// The key this kind has in files: `[[goal]]`, `[last_id] goal = 3`.
    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Goal => "goal",
            ItemKind::Waypoint => "waypoint",
            ItemKind::Action => "action",
            ItemKind::Strength => "strength",
            ItemKind::Growth => "growth",
            ItemKind::Advocacy => "advocacy",
        }
    }

    /// How a person names one of these.
    pub fn noun(self) -> &'static str {
        match self {
            ItemKind::Goal => "goal",
            ItemKind::Waypoint => "waypoint",
            ItemKind::Action => "action",
            ItemKind::Strength => "strength",
            ItemKind::Growth => "growth area",
            ItemKind::Advocacy => "act of advocacy",
        }
    }

    fn from_prefix(c: char) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.prefix() == c)
    }
}

/// One item's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemId {
    pub kind: ItemKind,
    pub n: u32,
}

impl ItemId {
    pub fn new(kind: ItemKind, n: u32) -> ItemId {
        ItemId { kind, n }
    }

    /// Reads an id a person typed where a `kind` is expected: `g3`, `G3`,
    /// or a bare `3`.
    pub fn parse_as(text: &str, kind: ItemKind) -> Result<ItemId, IdError> {
        let text = text.trim();
        let id = match text.parse::<u32>() {
            Ok(n) if n > 0 => ItemId::new(kind, n),
            _ => text.parse::<ItemId>()?,
        };
        if id.kind != kind {
            return Err(IdError::WrongKind { id, expected: kind });
        }
        Ok(id)
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.kind.prefix(), self.n)
    }
}

/// Why a string is not an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    Malformed(String),
    WrongKind { id: ItemId, expected: ItemKind },
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Malformed(text) => write!(
                f,
                "'{}' is not an item id (ids look like g1, w2, a3, s1, c2, v1)",
                crate::text::echo(text)
            ),
            IdError::WrongKind { id, expected } => write!(
                f,
                "{id} is a {}, not a {} (those ids start with '{}')",
                id.kind.noun(),
                expected.noun(),
                expected.prefix()
            ),
        }
    }
}

impl std::error::Error for IdError {}

impl FromStr for ItemId {
    type Err = IdError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let malformed = || IdError::Malformed(text.to_string());
        let lower = text.trim().to_ascii_lowercase();
        let mut chars = lower.chars();
        let kind = chars
            .next()
            .and_then(ItemKind::from_prefix)
            .ok_or_else(malformed)?;
        let digits = chars.as_str();
        if digits.is_empty()
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || digits.starts_with('0')
        {
            return Err(malformed());
        }
        let n = digits.parse().map_err(|_| malformed())?;
        Ok(ItemId { kind, n })
    }
}

impl Serialize for ItemId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ItemId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for text in ["g1", "w2", "a37", "s1", "c2", "v10"] {
            assert_eq!(text.parse::<ItemId>().unwrap().to_string(), text);
        }
        assert_eq!("G3".parse::<ItemId>().unwrap().to_string(), "g3");
        for bad in [
            "",
            "g",
            "x1",
            "g0",
            "g01",
            "g-1",
            "1",
            "g1x",
            "g99999999999",
        ] {
            assert!(bad.parse::<ItemId>().is_err(), "{bad}");
        }
    }

    #[test]
    fn bare_numbers_take_the_expected_kind() {
        assert_eq!(
            ItemId::parse_as("3", ItemKind::Goal).unwrap(),
            ItemId::new(ItemKind::Goal, 3)
        );
        assert!(matches!(
            ItemId::parse_as("a3", ItemKind::Goal),
            Err(IdError::WrongKind { .. })
        ));
    }
}
