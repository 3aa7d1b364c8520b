//! New items both machines gave the same id (each handed out `a4` from the
//! same counter): this side's are given the next ids free on both, and
//! every reference to them follows — in `relationship.toml` (an act of
//! advocacy's waypoint, a strength's growth area, …) and in the check-ins
//! written on this side (`opened`, `closed`, `reached`, `about`, …). Ids
//! stay short for people to type; the merge says what it renumbered.
//!
//! References are found without a list of the keys that hold them: any
//! string that is exactly the old id, except under keys that hold a
//! person's words, so that a field added tomorrow follows too.

use std::collections::BTreeMap;

use toml_edit::{DocumentMut, Item, TableLike, Value};

use crate::model::{ItemId, ItemKind};

use super::super::merge3::canon;

/// One item given a new id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renumbered {
    pub from: ItemId,
    pub to: ItemId,
    /// Its words, to say which it was.
    pub text: String,
}

/// Keys whose strings are a person's words, never a reference.
const WORDS: &[&str] = &[
    "text",
    "notes",
    "note",
    "shared",
    "because",
    "how",
    "outcome",
    "expert_outcome",
    "working",
    "not_working",
    "changes",
    "purpose",
    "their_aims",
    "why",
    "destination",
    "topic",
    "person",
    "old",
    "new",
    "field",
    "checkin",
];

/// The items of one kind in a document: id → the item.
fn items(doc: &DocumentMut, kind: ItemKind) -> BTreeMap<ItemId, Item> {
    let mut out = BTreeMap::new();
    let tables: Vec<Item> = match doc.get(kind.key()) {
        Some(Item::ArrayOfTables(a)) => a.iter().map(|t| Item::Table(t.clone())).collect(),
        Some(Item::Value(Value::Array(a))) => a.iter().map(|v| Item::Value(v.clone())).collect(),
        _ => Vec::new(),
    };
    for item in tables {
        let id = item
            .as_table_like()
            .and_then(|t| t.get("id"))
            .and_then(Item::as_str)
            .and_then(|s| s.parse::<ItemId>().ok())
            .filter(|id| id.kind == kind);
        if let Some(id) = id {
            out.entry(id).or_insert(item);
        }
    }
    out
}

fn last_id(doc: &DocumentMut, kind: ItemKind) -> u32 {
    doc.get("last_id")
        .and_then(|t| t.get(kind.key()))
        .and_then(Item::as_integer)
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(0)
}

/// Which of this side's new items collide with a different new item of
/// the other side, and the ids they get: the next after every id either
/// side has given, in the order of their old ids.
pub fn plan(base: &DocumentMut, ours: &DocumentMut, theirs: &DocumentMut) -> Vec<Renumbered> {
    let mut out = Vec::new();
    for kind in ItemKind::ALL {
        let (b, o, t) = (items(base, kind), items(ours, kind), items(theirs, kind));
        let colliding: Vec<(&ItemId, &Item)> = o
            .iter()
            .filter(|(id, item)| {
                !b.contains_key(id) && t.get(id).is_some_and(|other| canon(other) != canon(item))
            })
            .collect();
        if colliding.is_empty() {
            continue;
        }
        let highest = [&b, &o, &t]
            .iter()
            .flat_map(|m| m.keys().map(|id| id.n))
            .chain([base, ours, theirs].iter().map(|d| last_id(d, kind)))
            .max()
            .unwrap_or(0);
        for (i, (id, item)) in colliding.into_iter().enumerate() {
            let n = highest
                .saturating_add(u32::try_from(i).unwrap_or(u32::MAX))
                .saturating_add(1);
            let text = item
                .as_table_like()
                .and_then(|t| t.get("text"))
                .and_then(Item::as_str)
                .unwrap_or_default()
                .to_string();
            out.push(Renumbered {
                from: *id,
                to: ItemId::new(kind, n),
                text,
            });
        }
    }
    out
}

/// Gives a relationship's document its new ids: the items, every
/// reference to them, and `[last_id]`.
pub fn apply(doc: &mut DocumentMut, plan: &[Renumbered]) {
    if plan.is_empty() {
        return;
    }
    rewrite(doc.as_table_mut(), &map(plan));
    for r in plan {
        let kind = r.to.kind;
        if last_id(doc, kind) < r.to.n {
            let table = doc
                .entry("last_id")
                .or_insert(Item::Table(toml_edit::Table::new()));
            if let Some(table) = table.as_table_like_mut() {
                table.insert(kind.key(), toml_edit::value(i64::from(r.to.n)));
            }
        }
    }
}

/// Rewrites the references in a check-in's document; whether any changed.
pub fn rewrite_checkin(doc: &mut DocumentMut, plan: &[Renumbered]) -> bool {
    rewrite(doc.as_table_mut(), &map(plan))
}

fn map(plan: &[Renumbered]) -> BTreeMap<String, String> {
    plan.iter()
        .map(|r| (r.from.to_string(), r.to.to_string()))
        .collect()
}

fn rewrite(table: &mut dyn TableLike, map: &BTreeMap<String, String>) -> bool {
    let mut changed = false;
    for (key, item) in table.iter_mut() {
        if WORDS.contains(&key.get()) {
            continue;
        }
        changed |= rewrite_item(item, map);
    }
    changed
}

fn rewrite_item(item: &mut Item, map: &BTreeMap<String, String>) -> bool {
    match item {
        Item::Value(v) => rewrite_value(v, map),
        Item::Table(t) => rewrite(t, map),
        Item::ArrayOfTables(a) => a.iter_mut().fold(false, |c, t| rewrite(t, map) | c),
        Item::None => false,
    }
}

fn rewrite_value(value: &mut Value, map: &BTreeMap<String, String>) -> bool {
    match value {
        Value::String(s) => match map.get(s.value().as_str()) {
            Some(new) => {
                let decor = s.decor().clone();
                *value = Value::from(new.as_str());
                *value.decor_mut() = decor;
                true
            }
            None => false,
        },
        Value::Array(a) => a.iter_mut().fold(false, |c, v| rewrite_value(v, map) | c),
        Value::InlineTable(t) => rewrite(t, map),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn doc(text: &str) -> DocumentMut {
        text.parse().unwrap()
    }

    const BASE: &str = "person = \"Grace\"\n\n[last_id]\nwaypoint = 1\naction = 1\n\n[[waypoint]]\nid = \"w1\"\ntext = \"Lead the review\"\n\n[[action]]\nid = \"a1\"\ntext = \"Old\"\n";

    #[test]
    fn only_new_items_both_sides_numbered_alike_are_renumbered() {
        let ours = doc(&format!(
            "{}\n[[action]]\nid = \"a2\"\ntext = \"Send the draft\"\ncheckin = \"2026-11-10-1-k3f9\"\n\n[[action]]\nid = \"a3\"\ntext = \"Same on both\"\n\n[[advocacy]]\nid = \"v1\"\ntext = \"Named her for a2\"\nwaypoint = \"w1\"\n",
            BASE.replace("action = 1", "action = 3\nadvocacy = 1")
        ));
        let theirs = doc(&format!(
            "{}\n[[action]]\nid = \"a2\"\ntext = \"Book the room\"\n\n[[action]]\nid = \"a3\"\ntext = \"Same on both\"\n",
            BASE.replace("action = 1", "action = 3")
        ));
        let plan = plan(&doc(BASE), &ours, &theirs);
        assert_eq!(
            plan,
            [Renumbered {
                from: "a2".parse().unwrap(),
                to: "a4".parse().unwrap(),
                text: "Send the draft".into(),
            }]
        );
        let mut ours = ours;
        apply(&mut ours, &plan);
        let text = ours.to_string();
        assert!(
            text.contains("id = \"a4\"\ntext = \"Send the draft\""),
            "{text}"
        );
        assert!(text.contains("action = 4"), "{text}");
        // Words that happen to name the id are words.
        assert!(text.contains("Named her for a2"), "{text}");
        assert!(text.contains("waypoint = \"w1\""), "{text}");
    }

    #[test]
    fn references_in_a_checkin_follow() {
        let plan = [
            Renumbered {
                from: "a2".parse().unwrap(),
                to: "a4".parse().unwrap(),
                text: String::new(),
            },
            Renumbered {
                from: "s1".parse().unwrap(),
                to: "s2".parse().unwrap(),
                text: String::new(),
            },
        ];
        let mut checkin = doc(
            "date = 2026-11-10\nnotes = \"a2\"\nclosed = [\"a1\", \"a2\"]\nabout = [\"s1\"]\n\n[[opened]]\nid = \"a2\"\ntext = \"a2\"\n",
        );
        assert!(rewrite_checkin(&mut checkin, &plan));
        assert_eq!(
            checkin.to_string(),
            "date = 2026-11-10\nnotes = \"a2\"\nclosed = [\"a1\", \"a4\"]\nabout = [\"s2\"]\n\n[[opened]]\nid = \"a4\"\ntext = \"a2\"\n"
        );
        let mut other = doc("date = 2026-11-10\nclosed = [\"a1\"]\n");
        assert!(!rewrite_checkin(&mut other, &plan));
    }
}
