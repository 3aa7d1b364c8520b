//! What `rel search` looks through: every text a person wrote in a
//! relationship and its check-ins, each with its place and its date.

use std::fmt;

use chrono::NaiveDate;

use super::checkin::{CheckIn, CheckinId};
use super::fold::{Excerpt, Needle, excerpts};
use super::id::ItemId;
use super::relationship::Relationship;

/// Where a text lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A field of the relationship, by its key: `purpose`, `why`, …
    Field(&'static str),
    /// A goal, waypoint, action, strength, growth area or act of advocacy.
    Item(ItemId),
    /// A note on something that happened to the relationship (a pause…).
    Event(&'static str),
    /// A field of a check-in, by its key: `notes`, `working`, …
    Checkin(CheckinId, &'static str),
}

impl Place {
    /// The key the text has in its file.
    pub fn field(&self) -> &'static str {
        match self {
            Place::Field(key) | Place::Checkin(_, key) => key,
            Place::Item(id) => id.kind.key(),
            Place::Event(_) => "event",
        }
    }

    pub fn item(&self) -> Option<ItemId> {
        match self {
            Place::Item(id) => Some(*id),
            _ => None,
        }
    }

    pub fn checkin(&self) -> Option<CheckinId> {
        match self {
            Place::Checkin(id, _) => Some(*id),
            _ => None,
        }
    }
}

/// `checkin 2026-11-20-1 notes`, `goal g2`, `their aims`, `paused note`.
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Field(key) => f.write_str(&key.replace('_', " ")),
            Place::Item(id) => write!(f, "{} {id}", id.kind.key()),
            Place::Event(what) => write!(f, "{what} note"),
            Place::Checkin(id, key) => write!(f, "checkin {id} {}", key.replace('_', " ")),
        }
    }
}

/// One text a person wrote, where it lives and the day it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    pub place: Place,
    pub date: NaiveDate,
    pub text: &'a str,
}

/// The texts of a relationship: its own fields (the person, the purpose…
/// dated the day it started,
/// the agreement and the ending on their days), then its items (each dated
/// the day it was added; an act of advocacy, the day it happened).
pub fn relationship_texts(rel: &Relationship) -> Vec<Text<'_>> {
    let fields = [
        ("person", rel.started, Some(&rel.person)),
        ("purpose", rel.started, rel.purpose.as_ref()),
        ("their_aims", rel.started, rel.their_aims.as_ref()),
        ("destination", rel.started, rel.destination.as_ref()),
        ("why", rel.started, rel.why.as_ref()),
        ("topic", rel.started, rel.topic.as_ref()),
    ];
    let agreement = rel
        .agreement
        .as_ref()
        .map(|a| ("agreement", a.date, a.how.as_ref()));
    let ending = rel
        .ending
        .as_ref()
        .map(|e| ("outcome", e.date, e.outcome.as_ref()));
    let mut texts: Vec<Text<'_>> = fields
        .into_iter()
        .chain(agreement)
        .chain(ending)
        .filter_map(|(key, date, text)| Some(at(Place::Field(key), date, text?)))
        .collect();
    let item = |id, date, text| at(Place::Item(id), date, text);
    texts.extend(rel.goals.iter().map(|x| item(x.id, x.added, &x.text)));
    texts.extend(rel.waypoints.iter().map(|x| item(x.id, x.added, &x.text)));
    texts.extend(rel.actions.iter().map(|x| item(x.id, x.added, &x.text)));
    texts.extend(rel.strengths.iter().map(|x| item(x.id, x.added, &x.text)));
    texts.extend(rel.growth.iter().map(|x| item(x.id, x.added, &x.text)));
    texts.extend(rel.advocacy.iter().map(|x| item(x.id, x.date, &x.text)));
    texts.extend(rel.events.iter().filter_map(|e| {
        let note = e.note.as_ref()?;
        Some(at(Place::Event(e.what.as_str()), e.date, note))
    }));
    texts
}

/// The texts of a check-in: notes, what is working, what is not, the
/// changes agreed. (Its new actions are searched where rel keeps them, in
/// relationship.toml, so that each is found once.)
pub fn checkin_texts(id: CheckinId, c: &CheckIn) -> Vec<Text<'_>> {
    let lists = [
        ("notes", c.notes.as_slice()),
        ("working", c.working.as_slice()),
        ("not_working", c.not_working.as_slice()),
        ("changes", c.changes.as_slice()),
    ];
    lists
        .into_iter()
        .flat_map(|(key, list)| {
            list.iter()
                .map(move |t| at(Place::Checkin(id, key), c.date, t))
        })
        .collect()
}

fn at(place: Place, date: NaiveDate, text: &str) -> Text<'_> {
    Text { place, date, text }
}

/// A line that holds what was searched for.
#[derive(Debug, Clone)]
pub struct Hit {
    pub place: Place,
    pub date: NaiveDate,
    pub excerpt: Excerpt,
}

/// Every matching line of these texts, in their order.
pub fn hits(needle: &Needle, texts: &[Text<'_>]) -> Vec<Hit> {
    texts
        .iter()
        .flat_map(|t| {
            let found = needle.find_in(t.text);
            excerpts(t.text, &found).into_iter().map(|excerpt| Hit {
                place: t.place,
                date: t.date,
                excerpt,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;
    use crate::model::date::parse_iso;

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn every_text_is_found_with_its_place_and_day() {
        let mut rel = Relationship::new("Zoë Staff".into(), Role::Sponsor, day("2026-01-01"));
        rel.purpose = Some("Grow into a staff role".into());
        rel.why = Some("She leads without the title".into());
        rel.add_goal("Lead the staff review".into(), day("2026-02-01"), None);
        rel.add_waypoint("Staff packet".into(), day("2026-06-01"), day("2026-03-01"));
        rel.advocate("Named her for staff".into(), day("2026-04-01"), None)
            .unwrap();
        let id = CheckinId::new(day("2026-05-01"), 2);
        let mut checkin = CheckIn::new(id.date);
        checkin.notes = Some("Talked.\nThe STAFF question came up.".into());
        checkin.not_working = vec!["Staffing is thin".into()];

        let needle = Needle::new("staff").unwrap();
        let mut texts = relationship_texts(&rel);
        texts.extend(checkin_texts(id, &checkin));
        let found: Vec<String> = hits(&needle, &texts)
            .iter()
            .map(|h| format!("{} {}: {}", h.date, h.place, h.excerpt.line))
            .collect();
        assert_eq!(
            found,
            [
                "2026-01-01 person: Zoë Staff",
                "2026-01-01 purpose: Grow into a staff role",
                "2026-02-01 goal g1: Lead the staff review",
                "2026-03-01 waypoint w1: Staff packet",
                "2026-04-01 advocacy v1: Named her for staff",
                "2026-05-01 checkin 2026-05-01-2 notes: The STAFF question came up.",
                "2026-05-01 checkin 2026-05-01-2 not working: Staffing is thin",
            ]
        );
        assert_eq!(Place::Field("their_aims").to_string(), "their aims");
        assert_eq!(Place::Checkin(id, "not_working").field(), "not_working");
    }
}
