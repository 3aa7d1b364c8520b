//! The merge of one file of each kind rel keeps, from the three versions
//! git hands over (base, this side, the other side), as text.
//!
//! A relationship merges item by item (see [`merge3`]): new items both
//! sides numbered alike are renumbered on this side first; counters take
//! the larger value, the last review the later day; an item closed one
//! way here and another way there, or a field changed differently on both
//! sides, keeps the other side's value (the one already shared) and
//! records this side's in the relationship's history, where it stands as
//! a question until the person settles it. A check-in merges the same
//! way, keeping both sides' words when both changed the same text.
//! `journal.toml` keeps the higher format.

use std::path::Path;

use chrono::NaiveDate;
use toml_edit::{DocumentMut, Item, TableLike};

use super::super::doc::{RELATIONSHIP, refresh_header, relationship_table};
use super::super::merge::merge_document;
use super::super::merge3::{self, Conflict, Policy, Side, canon, shown};
use super::super::read::parse_relationship;
use super::renumber::{self, Renumbered};
use crate::model::{ItemKind, Relationship};

/// A file merged.
#[derive(Debug)]
pub struct FileMerge {
    pub text: String,
    /// This side's new items given new ids (a relationship only).
    pub renumbered: Vec<Renumbered>,
    /// Fields changed differently on both sides (a relationship only).
    pub recorded: Vec<Recorded>,
}

/// A field changed differently on both sides: the value kept, and the one
/// set aside in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// As conflicts name fields: `purpose`, `how` (the agreement's),
    /// `a1.text`.
    pub field: String,
    pub kept: Option<String>,
    pub other: Option<String>,
}

/// Why a file could not be merged: one of its versions is not TOML (or
/// not a relationship). Git is then left to report a conflict, with this
/// side's version in place: never a conflict marker.
#[derive(Debug)]
pub struct Unmergeable(pub String);

fn parse(which: &str, text: &str) -> Result<DocumentMut, Unmergeable> {
    text.parse::<DocumentMut>()
        .map_err(|e| Unmergeable(format!("{which} version is not TOML: {}", e.message())))
}

/// Merges a `relationship.toml`.
pub fn relationship(
    base: &str,
    ours: &str,
    theirs: &str,
    today: NaiveDate,
) -> Result<FileMerge, Unmergeable> {
    let base_doc = parse("the common", base)?;
    let mut merged = parse("this side's", ours)?;
    let theirs_doc = parse("the other side's", theirs)?;
    let ours_doc = merged.clone();
    let renumbered = renumber::plan(&base_doc, &merged, &theirs_doc);
    renumber::apply(&mut merged, &renumbered);
    let conflicts = merge3::merge(&base_doc, &mut merged, &theirs_doc, &RelationshipPolicy);
    let mut recorded: Vec<Recorded> = conflicts.iter().map(record).collect();
    recorded.extend(closed_two_ways(&mut merged, &ours_doc, &theirs_doc));
    recorded.extend(kind_and_role(&mut merged, &ours_doc, &theirs_doc));
    let text = merged.to_string();
    let path = Path::new("relationship.toml");
    // The conflicts go in the history as rel writes it, and rel's header
    // follows a kind or role that came in; a merged file rel cannot read
    // as a relationship (a hand edit it did not understand) is left as
    // merged, for `rel check` to explain.
    let text = match parse_relationship(path, &text) {
        Ok(mut rel) => {
            for r in &recorded {
                rel.record_conflict(r.field.clone(), r.kept.clone(), r.other.clone(), today);
            }
            if let Ok(before) = parse_relationship(path, &ours_doc.to_string()) {
                refresh_header(&mut merged, &before, &rel);
            }
            rerender(&mut merged, &rel, path).unwrap_or(text)
        }
        Err(_) => text,
    };
    Ok(FileMerge {
        text,
        renumbered,
        recorded,
    })
}

fn rerender(doc: &mut DocumentMut, rel: &Relationship, path: &Path) -> Option<String> {
    merge_document(doc, &relationship_table(rel), &RELATIONSHIP);
    let text = doc.to_string();
    (parse_relationship(path, &text).ok().as_ref() == Some(rel)).then_some(text)
}

/// What only rel knows about a relationship's keys.
struct RelationshipPolicy;

impl Policy for RelationshipPolicy {
    fn resolve(
        &self,
        path: &[String],
        _base: Option<&Item>,
        ours: Option<&Item>,
        theirs: Option<&Item>,
    ) -> Option<Option<Item>> {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        match path.as_slice() {
            // Counters: the higher, so no id is ever handed out twice.
            ["last_id", _] => {
                let n = |i: Option<&Item>| i.and_then(Item::as_integer).unwrap_or(0);
                Some(Some(toml_edit::value(n(ours).max(n(theirs)))))
            }
            // The last review: the later day.
            ["reviewed"] => {
                let later = match (ours, theirs) {
                    (Some(o), Some(t)) if canon(o) >= canon(t) => o,
                    (Some(o), None) => o,
                    (_, Some(t)) => t,
                    (None, None) => return Some(None),
                };
                Some(Some(later.clone()))
            }
            _ => None,
        }
    }

    fn keep(&self, _path: &[String]) -> Side {
        Side::Theirs
    }
}

/// A conflict as the history records it.
fn record(c: &Conflict) -> Recorded {
    let (kept, other) = c.kept_and_other();
    Recorded {
        field: field_name(&c.path),
        kept: kept.map(shown),
        other: other.map(shown),
    }
}

/// A conflict's path as the history names the field: `rel set`'s names
/// for the agreement's (`agreed`, `how`), an item's id for its keys.
fn field_name(path: &[String]) -> String {
    let path: Vec<&str> = path.iter().map(String::as_str).collect();
    match path.as_slice() {
        ["agreement", "date"] => "agreed".to_string(),
        ["agreement", "how"] => "how".to_string(),
        [list, id, rest @ ..] if ItemKind::ALL.iter().any(|k| k.key() == *list) => {
            std::iter::once(*id)
                .chain(rest.iter().copied())
                .collect::<Vec<_>>()
                .join(".")
        }
        other => other.join("."),
    }
}

/// The keys that close an item, by its list.
const CLOSINGS: [(&str, &[&str]); 3] = [
    ("goal", &["achieved", "dropped"]),
    ("waypoint", &["reached", "dropped"]),
    ("action", &["done", "dropped"]),
];

/// An item done on one side and dropped on the other (each a change the
/// generic merge takes, as they are different keys) is closed one way:
/// the other side's, with this side's in the history.
fn closed_two_ways(
    merged: &mut DocumentMut,
    ours: &DocumentMut,
    theirs: &DocumentMut,
) -> Vec<Recorded> {
    let mut out = Vec::new();
    for (list, keys) in CLOSINGS {
        let Some(items) = merged.get_mut(list).and_then(Item::as_array_of_tables_mut) else {
            continue;
        };
        for item in items.iter_mut() {
            let set: Vec<&str> = keys
                .iter()
                .copied()
                .filter(|k| item.contains_key(k))
                .collect();
            if set.len() < 2 {
                continue;
            }
            let Some(id) = item.get("id").and_then(Item::as_str).map(str::to_string) else {
                continue;
            };
            let closing = |doc: &DocumentMut| -> Option<(&'static str, String)> {
                let entry = entry(doc, list, &id)?;
                keys.iter()
                    .find_map(|k| entry.get(k).map(|v| (*k, format!("{k} {}", shown(v)))))
            };
            let (Some(kept), Some(other)) = (closing(theirs), closing(ours)) else {
                continue;
            };
            if kept.0 == other.0 {
                continue;
            }
            item.remove(other.0);
            out.push(Recorded {
                field: format!("{id}.closed"),
                kept: Some(kept.1),
                other: Some(other.1),
            });
        }
    }
    out
}

fn entry<'d>(doc: &'d DocumentMut, list: &str, id: &str) -> Option<&'d dyn TableLike> {
    match doc.get(list)? {
        Item::ArrayOfTables(a) => a
            .iter()
            .find(|t| t.get("id").and_then(Item::as_str) == Some(id))
            .map(|t| t as &dyn TableLike),
        Item::Value(toml_edit::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_inline_table())
            .find(|t| t.get("id").and_then(|v| v.as_str()) == Some(id))
            .map(|t| t as &dyn TableLike),
        _ => None,
    }
}

/// The kind and the role go together: when merging them one by one made
/// a pair that does not (an evolve here, a change of role there), both are
/// the other side's, and this side's pair goes in the history.
fn kind_and_role(
    merged: &mut DocumentMut,
    ours: &DocumentMut,
    theirs: &DocumentMut,
) -> Vec<Recorded> {
    let pair = |doc: &DocumentMut| -> Option<(String, String)> {
        Some((
            doc.get("kind")?.as_str()?.to_string(),
            doc.get("role")?.as_str()?.to_string(),
        ))
    };
    let (Some((kind, role)), Some((their_kind, their_role))) = (pair(merged), pair(theirs)) else {
        return Vec::new();
    };
    let (our_kind, our_role) = pair(ours).unwrap_or_else(|| (kind.clone(), role.clone()));
    let fits = |kind: &str, role: &str| {
        role.parse::<crate::model::Role>()
            .is_ok_and(|r| r.kind().as_str() == kind)
    };
    if fits(&kind, &role) || !fits(&their_kind, &their_role) {
        return Vec::new();
    }
    for (key, value) in [("kind", &their_kind), ("role", &their_role)] {
        if let Some(Item::Value(v)) = merged.get_mut(key) {
            let decor = v.decor().clone();
            *v = value.as_str().into();
            *v.decor_mut() = decor;
        }
    }
    vec![Recorded {
        field: "kind".to_string(),
        kept: Some(format!("{their_kind} ({their_role})")),
        other: Some(format!("{our_kind} ({our_role})")),
    }]
}

/// Merges a check-in: written once, so both sides rarely change one; when
/// both changed the same words, both are kept.
pub fn checkin(base: &str, ours: &str, theirs: &str) -> Result<FileMerge, Unmergeable> {
    let base = parse("the common", base)?;
    let mut merged = parse("this side's", ours)?;
    let theirs = parse("the other side's", theirs)?;
    merge3::merge(&base, &mut merged, &theirs, &CheckinPolicy);
    Ok(FileMerge {
        text: merged.to_string(),
        renumbered: Vec::new(),
        recorded: Vec::new(),
    })
}

struct CheckinPolicy;

impl Policy for CheckinPolicy {
    fn resolve(
        &self,
        _path: &[String],
        _base: Option<&Item>,
        ours: Option<&Item>,
        theirs: Option<&Item>,
    ) -> Option<Option<Item>> {
        let (o, t) = (ours?.as_str()?, theirs?.as_str()?);
        let words = if o.contains(t) {
            o.to_string()
        } else if t.contains(o) {
            t.to_string()
        } else {
            format!("{o}\n\n{t}")
        };
        let mut value = toml_edit::Value::from(words.as_str());
        if let Some(Item::Value(kept)) = ours {
            *value.decor_mut() = kept.decor().clone();
        }
        Some(Some(Item::Value(value)))
    }

    fn keep(&self, _path: &[String]) -> Side {
        Side::Theirs
    }
}

/// Merges `journal.toml`: the higher format, so that an older rel keeps
/// away from what a newer one wrote.
pub fn journal(base: &str, ours: &str, theirs: &str) -> Result<FileMerge, Unmergeable> {
    let base = parse("the common", base)?;
    let mut merged = parse("this side's", ours)?;
    let theirs = parse("the other side's", theirs)?;
    merge3::merge(&base, &mut merged, &theirs, &JournalPolicy);
    Ok(FileMerge {
        text: merged.to_string(),
        renumbered: Vec::new(),
        recorded: Vec::new(),
    })
}

struct JournalPolicy;

impl Policy for JournalPolicy {
    fn resolve(
        &self,
        path: &[String],
        _base: Option<&Item>,
        ours: Option<&Item>,
        theirs: Option<&Item>,
    ) -> Option<Option<Item>> {
        (path == ["format"]).then(|| {
            let n = |i: Option<&Item>| i.and_then(Item::as_integer).unwrap_or(0);
            Some(toml_edit::value(n(ours).max(n(theirs))))
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::model::date::parse_iso;

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    const BASE: &str = "# Ada Lovelace — mentoring, you are the mentor.\nperson = \"Ada Lovelace\"\nkind = \"mentoring\"\nrole = \"mentor\"\nstatus = \"active\"\nstarted = 2026-09-01\npurpose = \"Grow\" # why we meet\n\n[last_id]\naction = 1\n\n[[action]]\nid = \"a1\"\ntext = \"Read the RFC\"\nowner = \"me\"\nadded = 2026-09-01\n";

    fn with(extra: &str, last: u32) -> String {
        format!(
            "{}{extra}",
            BASE.replace("action = 1", &format!("action = {last}"))
        )
    }

    #[test]
    fn a_new_action_on_each_side_keeps_both_and_renumbers_this_sides() {
        let ours = with(
            "\n[[action]]\nid = \"a2\"\ntext = \"Send the draft\"\nowner = \"me\"\nadded = 2026-11-10\n",
            2,
        );
        let theirs = with(
            "\n[[action]]\nid = \"a2\"\ntext = \"Book the room\"\nowner = \"them\"\nadded = 2026-11-10\n",
            2,
        );
        let merged = relationship(BASE, &ours, &theirs, day("2026-11-12")).unwrap();
        assert_eq!(merged.renumbered.len(), 1);
        assert_eq!(merged.renumbered[0].to.to_string(), "a3");
        assert!(merged.recorded.is_empty(), "{:?}", merged.recorded);
        let rel = parse_relationship(Path::new("r"), &merged.text).unwrap();
        let actions: Vec<(String, &str)> = rel
            .actions
            .iter()
            .map(|a| (a.id.to_string(), a.text.as_str()))
            .collect();
        assert_eq!(
            actions,
            [
                ("a1".to_string(), "Read the RFC"),
                ("a2".to_string(), "Book the room"),
                ("a3".to_string(), "Send the draft")
            ]
        );
        assert_eq!(rel.last_id.action, 3);
        assert!(merged.text.contains("# why we meet"), "{}", merged.text);
    }

    #[test]
    fn a_field_changed_on_both_sides_keeps_theirs_and_records_ours() {
        let ours = BASE.replace("purpose = \"Grow\"", "purpose = \"Lead a team\"");
        let theirs = BASE.replace("purpose = \"Grow\"", "purpose = \"Ship the RFC\"");
        let merged = relationship(BASE, &ours, &theirs, day("2026-11-12")).unwrap();
        assert_eq!(
            merged.recorded,
            [Recorded {
                field: "purpose".into(),
                kept: Some("Ship the RFC".into()),
                other: Some("Lead a team".into()),
            }]
        );
        let rel = parse_relationship(Path::new("r"), &merged.text).unwrap();
        assert_eq!(rel.purpose.as_deref(), Some("Ship the RFC"));
        let open = rel.open_conflicts();
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].old.as_deref(), Some("Lead a team"));
        assert_eq!(open[0].date, day("2026-11-12"));
        assert!(
            merged
                .text
                .contains("purpose = \"Ship the RFC\" # why we meet"),
            "{}",
            merged.text
        );
    }

    #[test]
    fn an_action_done_here_and_dropped_there_is_closed_once() {
        let ours = BASE.replace(
            "added = 2026-09-01\n",
            "added = 2026-09-01\ndone = 2026-11-10\n",
        );
        let theirs = BASE.replace(
            "added = 2026-09-01\n",
            "added = 2026-09-01\ndropped = 2026-11-11\n",
        );
        let merged = relationship(BASE, &ours, &theirs, day("2026-11-12")).unwrap();
        let rel = parse_relationship(Path::new("r"), &merged.text).unwrap();
        assert_eq!(rel.actions[0].done, None);
        assert_eq!(rel.actions[0].dropped, Some(day("2026-11-11")));
        assert_eq!(merged.recorded[0].field, "a1.closed");
        assert_eq!(merged.recorded[0].other.as_deref(), Some("done 2026-11-10"));
    }

    #[test]
    fn a_kind_and_a_role_that_do_not_go_together_are_the_other_sides_pair() {
        let base = BASE
            .replace(
                "mentoring, you are the mentor",
                "reverse-mentoring, you are the learner",
            )
            .replace(
                "kind = \"mentoring\"\nrole = \"mentor\"",
                "kind = \"reverse-mentoring\"\nrole = \"learner\"",
            );
        // Here it evolved into mentoring; there the role changed. Each
        // file has rel's header.
        let headed = |text: &str| {
            let body = text.split_once('\n').unwrap().1;
            let rel = parse_relationship(Path::new("r"), body).unwrap();
            format!("{}{body}", super::super::super::doc::header(&rel))
        };
        let theirs = headed(&base.replace("role = \"learner\"", "role = \"expert\""));
        let base = headed(&base);
        let ours = headed(BASE);
        let merged = relationship(&base, &ours, &theirs, day("2026-11-12")).unwrap();
        let rel = parse_relationship(Path::new("r"), &merged.text).unwrap();
        assert_eq!(
            (rel.kind.as_str(), rel.role.as_str()),
            ("reverse-mentoring", "expert")
        );
        let fields: Vec<&str> = merged.recorded.iter().map(|r| r.field.as_str()).collect();
        assert_eq!(fields, ["role", "kind"]);
        assert_eq!(
            merged.recorded[1].other.as_deref(),
            Some("mentoring (mentor)")
        );
        // The header says what the file says.
        assert!(
            merged
                .text
                .starts_with("# Ada Lovelace — reverse-mentoring, you are the expert."),
            "{}",
            merged.text
        );
    }

    #[test]
    fn counters_take_the_higher_and_reviews_the_later() {
        let ours = with("", 7).replace("purpose", "reviewed = 2026-11-01\npurpose");
        let theirs = with("", 4).replace("purpose", "reviewed = 2026-11-05\npurpose");
        let merged = relationship(BASE, &ours, &theirs, day("2026-11-12")).unwrap();
        assert!(merged.recorded.is_empty());
        let rel = parse_relationship(Path::new("r"), &merged.text).unwrap();
        assert_eq!(rel.last_id.action, 7);
        assert_eq!(rel.reviewed, Some(day("2026-11-05")));
    }

    #[test]
    fn a_checkin_edited_on_both_sides_keeps_both_sides_words() {
        let base = "date = 2026-11-10\nnotes = \"Met\"\n";
        let merged = checkin(
            base,
            "date = 2026-11-10\nnotes = \"Met at noon\"\n",
            "date = 2026-11-10\nnotes = \"Met; she presents\"\n",
        )
        .unwrap();
        assert_eq!(
            merged.text,
            "date = 2026-11-10\nnotes = \"\"\"\nMet at noon\n\nMet; she presents\"\"\"\n"
        );
    }

    #[test]
    fn the_journal_keeps_the_higher_format() {
        let merged = journal("format = 1\n", "format = 2\n", "format = 1\nx = 1\n").unwrap();
        assert_eq!(merged.text, "format = 2\nx = 1\n");
    }

    #[test]
    fn a_version_that_is_not_toml_is_not_merged() {
        assert!(relationship(BASE, "person = ", BASE, day("2026-11-12")).is_err());
    }
}
