//! A check-in: one meeting, written once to its own file.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::{opt_date, parse_iso, serde_date};
use super::id::ItemId;
use super::items::NewAction;

/// A check-in's name: its date, its number that day, and (for check-ins
/// this rel writes) a tag made from its words: `2026-11-26-1-k3f9`. Two
/// machines that each record a meeting on the same day choose the same
/// number, never the same tag, so their files never collide when the
/// journal is merged. Journals from before tags (`2026-11-26-1`) read as
/// they always did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CheckinId {
    pub date: NaiveDate,
    pub n: u32,
    pub tag: Option<Tag>,
}

/// The highest number within a day a check-in can have.
pub const MAX_N: u32 = (1 << 19) - 1;

impl CheckinId {
    /// A check-in of the old form, `2026-11-26-1`.
    pub fn new(date: NaiveDate, n: u32) -> CheckinId {
        CheckinId { date, n, tag: None }
    }

    /// Reads a file stem like `2026-11-26-1-k3f9` or `2026-11-26-1`.
    pub fn parse(stem: &str) -> Option<CheckinId> {
        let (date, rest) = (stem.get(..10)?, stem.get(10..)?);
        let rest = rest.strip_prefix('-')?;
        let (n, tag) = match rest.split_once('-') {
            Some((n, tag)) => (n, Some(Tag::parse(tag)?)),
            None => (rest, None),
        };
        if n.is_empty() || n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = n.parse().ok()?;
        if n > MAX_N {
            return None;
        }
        Some(CheckinId {
            date: parse_iso(date)?,
            n,
            tag,
        })
    }

    pub fn file_name(&self) -> String {
        format!("{self}.toml")
    }

    /// The short form people read and type, `2026-11-26-1`: the date and
    /// the number within the day, without the tag. Two check-ins merged
    /// from two machines may share it; the full id (`Display`) never.
    pub fn short(&self) -> String {
        format!("{}-{}", super::date::Iso(self.date), self.n)
    }

    /// The short form, unless another of `all` shares it (two machines
    /// recorded a meeting that day): then the full id.
    pub fn shown_among<'a>(&self, all: impl IntoIterator<Item = &'a CheckinId>) -> String {
        let shared = all
            .into_iter()
            .any(|o| o != self && o.date == self.date && o.n == self.n);
        if shared {
            self.to_string()
        } else {
            self.short()
        }
    }

    /// Whether `text` names this check-in: its full id, or its short form.
    pub fn answers_to(&self, text: &str) -> bool {
        match CheckinId::parse(text.trim().trim_end_matches(".toml")) {
            Some(id) if id.tag.is_some() => id == *self,
            Some(id) => id.date == self.date && id.n == self.n,
            None => false,
        }
    }
}

impl fmt::Display for CheckinId {
    /// The full id, the file's name without `.toml`: what files and JSON
    /// refer to a check-in by.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", super::date::Iso(self.date), self.n)?;
        if let Some(tag) = self.tag {
            write!(f, "-{tag}")?;
        }
        Ok(())
    }
}

impl FromStr for CheckinId {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CheckinId::parse(s.trim().trim_end_matches(".toml")).ok_or(())
    }
}

/// Four letters or digits made from a check-in's words (`k3f9`): what
/// keeps two machines' check-ins of one day apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tag(u32);

/// Digits, then letters without i, l, o and u (which read as 1, 0 and v):
/// in the order of their bytes, so tags sort as their text does.
const TAG_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const TAG_LEN: usize = 4;

impl Tag {
    /// The tag of a check-in whose file says `text`: FNV-1a over its
    /// bytes, folded to twenty bits. The same file makes the same tag on
    /// any machine (tests can name it); two different files of one day
    /// share a tag about once in a million.
    pub fn of(text: &str) -> Tag {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in text.bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let folded = (hash ^ (hash >> 20) ^ (hash >> 40)) & 0xf_ffff;
        Tag(u32::try_from(folded).unwrap_or(0))
    }

    pub fn parse(text: &str) -> Option<Tag> {
        if text.len() != TAG_LEN {
            return None;
        }
        text.bytes()
            .try_fold(0u32, |value, b| {
                let digit = TAG_ALPHABET.iter().position(|a| *a == b)?;
                Some(value * 32 + u32::try_from(digit).ok()?)
            })
            .map(Tag)
    }

    /// The tag as a number below 2^20, for compact keys.
    pub fn value(self) -> u32 {
        self.0
    }

    pub fn from_value(value: u32) -> Option<Tag> {
        (value < 1 << 20).then_some(Tag(value))
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for i in (0..TAG_LEN).rev() {
            let digit = (self.0 >> (5 * i)) & 31;
            let b = TAG_ALPHABET.get(digit as usize).copied().unwrap_or(b'0');
            fmt::Write::write_char(f, char::from(b))?;
        }
        Ok(())
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
        assert_eq!(id.tag, None);
        assert_eq!(id.to_string(), "2026-11-26-12");
        assert_eq!(id.file_name(), "2026-11-26-12.toml");
        let tagged = CheckinId::parse("2026-11-26-1-k3f9").unwrap();
        assert_eq!(
            (tagged.n, tagged.tag.unwrap().to_string()),
            (1, "k3f9".into())
        );
        assert_eq!(tagged.to_string(), "2026-11-26-1-k3f9");
        assert_eq!(tagged.short(), "2026-11-26-1");
        assert!(tagged.answers_to("2026-11-26-1") && tagged.answers_to("2026-11-26-1-k3f9"));
        assert!(!tagged.answers_to("2026-11-26-1-k3f8") && !tagged.answers_to("2026-11-26-2"));
        // Old and new forms of one day sort by number, then tag.
        let old = CheckinId::parse("2026-11-26-1").unwrap();
        let two = CheckinId::parse("2026-11-26-2").unwrap();
        assert!(old < tagged && tagged < two);
        for bad in [
            "2026-11-26",
            "2026-11-26-",
            "2026-11-26-0",
            "2026-11-26-01",
            "2026-13-01-1",
            "x",
            "2026-11-26-1a",
            "2026-11-26-1-",
            "2026-11-26-1-k3f",
            "2026-11-26-1-k3f9x",
            "2026-11-26-1-K3F9",
            "2026-11-26-1-k3fi",
            "2026-11-26-1-k3f9-2",
            "2026-11-26-99999999",
        ] {
            assert!(CheckinId::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn tags_come_from_the_words_and_read_back() {
        let a = Tag::of("date = 2026-11-26\nnotes = \"one\"\n");
        let b = Tag::of("date = 2026-11-26\nnotes = \"two\"\n");
        assert_ne!(a, b);
        assert_eq!(a, Tag::of("date = 2026-11-26\nnotes = \"one\"\n"));
        for tag in [a, b, Tag(0), Tag((1 << 20) - 1)] {
            assert_eq!(Tag::parse(&tag.to_string()), Some(tag));
            assert_eq!(tag.to_string().len(), 4);
        }
        assert_eq!(Tag(0).to_string(), "0000");
        assert_eq!(Tag((1 << 20) - 1).to_string(), "zzzz");
        // FNV-1a, pinned: the same file is named the same on every machine.
        assert_eq!(Tag::of("").to_string(), Tag::of("").to_string());
        assert_eq!(Tag::of("date = 2026-10-01\n").to_string(), "jrm7");
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
