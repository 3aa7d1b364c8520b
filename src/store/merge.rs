//! Rewriting a file the user may have edited by hand: the new content is
//! merged into the parsed document, so comments, blank lines, key order,
//! the user's spelling of equal values, and keys rel does not know all
//! survive. Only what changed is touched.

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::doc::Schema;
use crate::model::date::parse_iso;

/// Makes `doc` say what `new` says, for every key `schema` owns.
pub fn merge_document(doc: &mut DocumentMut, new: &Table, schema: &Schema) {
    let root = doc.as_table_mut();
    // New top-level tables go before the first list of items, not after them.
    for (key, item) in new.iter() {
        if let Item::Table(table) = item
            && !root.contains_key(key)
        {
            insert_table_before_arrays(root, key, table.clone());
        }
    }
    merge_table(root, new, schema, false);
}

fn merge_table(old: &mut dyn TableLike, new: &Table, schema: &Schema, inline: bool) {
    for (key, new_item) in new.iter() {
        match old.get_mut(key) {
            Some(old_item) => merge_item(old_item, new_item, key, schema),
            None => {
                let item = if inline {
                    match new_item.clone().into_value() {
                        Ok(value) => Item::Value(value),
                        Err(item) => item,
                    }
                } else {
                    new_item.clone()
                };
                old.insert(key, item);
            }
        }
    }
    let gone: Vec<String> = old
        .iter()
        .map(|(k, _)| k.to_string())
        .filter(|k| schema.owns(k) && !new.contains_key(k))
        .collect();
    for key in gone {
        old.remove(&key);
    }
}

fn merge_item(old: &mut Item, new: &Item, key: &str, schema: &Schema) {
    let child = schema.table(key).or_else(|| schema.array(key));
    match (old, new) {
        (Item::Value(Value::InlineTable(old)), Item::Table(new)) => {
            merge_table(old, new, child.unwrap_or(&EMPTY), true);
        }
        (Item::Value(Value::Array(old)), Item::ArrayOfTables(new)) if is_inline_tables(old) => {
            merge_inline_array(old, new, child.unwrap_or(&EMPTY));
        }
        (Item::Value(old), Item::Value(new)) => {
            if !values_equal(old, new) {
                let decor = old.decor().clone();
                *old = new.clone();
                *old.decor_mut() = decor;
            }
        }
        (Item::Table(old), Item::Table(new)) => {
            merge_table(old, new, child.unwrap_or(&EMPTY), false)
        }
        (Item::ArrayOfTables(old), Item::ArrayOfTables(new)) => {
            merge_array(old, new, child.unwrap_or(&EMPTY));
        }
        (old, new) => *old = new.clone(),
    }
}

static EMPTY: Schema = Schema {
    keys: &[],
    tables: &[],
    arrays: &[],
};

/// Matches entries by `id` (or by position when entries have none), merges
/// those that match, appends the new, and drops those that are gone.
fn merge_array(old: &mut ArrayOfTables, new: &ArrayOfTables, schema: &Schema) {
    let old_keys: Vec<Option<String>> = old.iter().map(entry_id).collect();
    let mut matched = vec![false; old.len()];
    for (index, new_table) in new.iter().enumerate() {
        let found = find_entry(&old_keys, &matched, entry_id(new_table), index);
        match found {
            Some(i) => {
                matched[i] = true;
                if let Some(old_table) = old.get_mut(i) {
                    merge_table(old_table, new_table, schema, false);
                }
            }
            None => old.push(new_table.clone()),
        }
    }
    for i in (0..matched.len()).rev() {
        if !matched[i] {
            old.remove(i);
        }
    }
}

/// The same, for a list the user wrote as an inline array of inline tables.
fn merge_inline_array(old: &mut Array, new: &ArrayOfTables, schema: &Schema) {
    let old_keys: Vec<Option<String>> = old
        .iter()
        .map(|v| {
            v.as_inline_table()
                .and_then(|t| t.get("id"))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        })
        .collect();
    let mut matched = vec![false; old.len()];
    for (index, new_table) in new.iter().enumerate() {
        match find_entry(&old_keys, &matched, entry_id(new_table), index) {
            Some(i) => {
                matched[i] = true;
                if let Some(Value::InlineTable(old_table)) = old.get_mut(i) {
                    merge_table(old_table, new_table, schema, true);
                }
            }
            None => old.push(Value::InlineTable(new_table.clone().into_inline_table())),
        }
    }
    for i in (0..matched.len()).rev() {
        if !matched[i] {
            old.remove(i);
        }
    }
}

fn find_entry(
    old_keys: &[Option<String>],
    matched: &[bool],
    id: Option<String>,
    index: usize,
) -> Option<usize> {
    match id {
        Some(id) => old_keys
            .iter()
            .enumerate()
            .position(|(i, k)| !matched[i] && k.as_deref() == Some(id.as_str())),
        None => (index < old_keys.len() && !matched[index]).then_some(index),
    }
}

fn entry_id(table: &Table) -> Option<String> {
    table.get("id").and_then(|i| i.as_str()).map(str::to_string)
}

fn is_inline_tables(array: &Array) -> bool {
    array.iter().all(|v| v.is_inline_table())
}

/// Whether two values mean the same, however each is spelled.
pub fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(a), Value::String(b)) => a.value() == b.value(),
        (Value::Integer(a), Value::Integer(b)) => a.value() == b.value(),
        (Value::Float(a), Value::Float(b)) => a.value() == b.value(),
        (Value::Boolean(a), Value::Boolean(b)) => a.value() == b.value(),
        (Value::Datetime(a), Value::Datetime(b)) => a.value() == b.value(),
        (Value::String(s), Value::Datetime(d)) | (Value::Datetime(d), Value::String(s)) => {
            let date = d.value();
            date.time.is_none()
                && date.offset.is_none()
                && parse_iso(s.value()).map(|x| x.to_string()) == date.date.map(|x| x.to_string())
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| values_equal(x, y))
        }
        (Value::InlineTable(a), Value::InlineTable(b)) => inline_equal(a, b),
        _ => false,
    }
}

fn inline_equal(a: &InlineTable, b: &InlineTable) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(k, v)| b.get(k).is_some_and(|w| values_equal(v, w)))
}

/// Inserts a top-level `[table]` just before the first `[[array]]` entry,
/// shifting the document positions of everything from there on.
fn insert_table_before_arrays(root: &mut Table, key: &str, mut table: Table) {
    let first_array = root
        .iter()
        .filter_map(|(_, item)| item.as_array_of_tables())
        .flat_map(|a| a.iter().filter_map(Table::position))
        .min();
    if let Some(at) = first_array {
        for (_, item) in root.iter_mut() {
            match item {
                Item::Table(t) => shift_from(t, at),
                Item::ArrayOfTables(a) => {
                    for t in a.iter_mut() {
                        shift_from(t, at);
                    }
                }
                _ => {}
            }
        }
        table.set_position(Some(at));
    }
    root.insert(key, Item::Table(table));
}

fn shift_from(table: &mut Table, at: isize) {
    if let Some(pos) = table.position().filter(|p| *p >= at) {
        table.set_position(Some(pos + 1));
    }
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => shift_from(t, at),
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    shift_from(t, at);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Relationship;
    use crate::store::doc::{RELATIONSHIP, relationship_table};

    fn rewrite(before: &str, change: impl Fn(&mut Relationship)) -> String {
        let mut doc: DocumentMut = before.parse().unwrap();
        let mut rel: Relationship = toml::from_str(before).unwrap();
        change(&mut rel);
        merge_document(&mut doc, &relationship_table(&rel), &RELATIONSHIP);
        let after = doc.to_string();
        let reread: Relationship = toml::from_str(&after).unwrap();
        assert_eq!(reread, rel, "the rewrite says what was meant:\n{after}");
        after
    }

    const HAND_EDITED: &str = r#"# My notes on Ada
person = "Ada Lovelace"   # she prefers Ada
kind = "mentoring"
role = "mentor"
status = "active"
started = "2025-11-03"    # typed as a string
cadence = "1w"
favourite_tea = "earl grey"

agreement = { date = 2025-11-10, how = 'weekly, her agenda' }

[[goal]]
id = "g1"   # the big one
text = "Ship the design doc"
added = 2025-11-10
mood = "hopeful"

[[action]]
id = "a1"
text = "Intro to Grace"
owner = "me"
added = 2025-11-10
"#;

    #[test]
    fn an_unchanged_model_leaves_every_byte() {
        assert_eq!(rewrite(HAND_EDITED, |_| {}), HAND_EDITED);
    }

    #[test]
    fn a_change_touches_only_its_line() {
        let after = rewrite(HAND_EDITED, |rel| {
            rel.purpose = Some("Grow into a tech lead".into());
            rel.goals[0].achieved = crate::model::date::parse_iso("2026-01-05");
        });
        assert!(after.contains("person = \"Ada Lovelace\"   # she prefers Ada"));
        assert!(after.contains("started = \"2025-11-03\"    # typed as a string"));
        assert!(after.contains("cadence = \"1w\""));
        assert!(after.contains("favourite_tea = \"earl grey\""));
        assert!(after.contains("id = \"g1\"   # the big one"));
        assert!(after.contains("mood = \"hopeful\""));
        assert!(after.contains("achieved = 2026-01-05"));
        assert!(after.contains("purpose = \"Grow into a tech lead\""));
        assert!(after.contains("agreement = { date = 2025-11-10, how = 'weekly, her agenda' }"));
    }

    #[test]
    fn new_items_and_tables_land_in_sensible_places() {
        let before = "person = \"Ada\"\nkind = \"mentoring\"\nrole = \"mentor\"\nstarted = 2025-11-03\n\n[[goal]]\nid = \"g1\"\ntext = \"one\"\nadded = 2025-11-03\n\n[[action]]\nid = \"a1\"\ntext = \"x\"\nadded = 2025-11-03\n";
        let after = rewrite(before, |rel| {
            let day = rel.started;
            rel.add_goal("two".into(), day, None);
            rel.ending = Some(crate::model::relationship::Ending {
                date: day,
                result: crate::model::relationship::EndResult::Completed,
                outcome: Some("line one\nline two".into()),
                expert_outcome: None,
            });
        });
        let ending = after.find("[ending]").unwrap();
        let g1 = after.find("text = \"one\"").unwrap();
        let g2 = after.find("text = \"two\"").unwrap();
        let a1 = after.find("[[action]]").unwrap();
        assert!(ending < g1 && g1 < g2 && g2 < a1, "{after}");
        assert!(
            after.contains("outcome = \"\"\"\nline one\nline two\"\"\""),
            "{after}"
        );
    }

    #[test]
    fn inline_lists_are_merged_in_place() {
        let before = "person = \"Ada\"\nkind = \"mentoring\"\nrole = \"mentor\"\nstarted = 2025-11-03\ngoal = [{ id = \"g1\", text = \"one\", added = 2025-11-03, note = \"mine\" }]\n";
        let after = rewrite(before, |rel| {
            rel.goals[0].achieved = Some(rel.started);
        });
        assert!(after.contains("note = \"mine\""), "{after}");
        assert!(after.contains("achieved = 2025-11-03"), "{after}");
    }

    #[test]
    fn revisions_land_under_their_item_and_keep_what_the_person_wrote() {
        use crate::model::replan::Replan;
        let day = |s| crate::model::date::parse_iso(s).unwrap();
        let before = "person = \"Grace\"\nkind = \"sponsoring\"\nrole = \"sponsor\"\nstarted = 2026-01-01\n\n[[waypoint]]\nid = \"w1\"\ntext = \"Lead the review\"\ndue = 2026-10-31\nadded = 2026-01-01\n\n[[waypoint]]\nid = \"w2\"\ntext = \"Packet in\"\ndue = 2027-02-15\nadded = 2026-01-01\n";
        let w1 = crate::model::ItemId::new(crate::model::ItemKind::Waypoint, 1);
        let once = rewrite(before, |rel| {
            rel.replan(
                w1,
                &Replan::Move(day("2027-01-31")),
                day("2026-11-12"),
                Some("the reorg".into()),
                None,
            )
            .unwrap();
        });
        assert!(
            once.contains("due = 2027-01-31\nadded = 2026-01-01\n\n[[waypoint.history]]\ndate = 2026-11-12\ndue = { from = 2026-10-31, to = 2027-01-31 }\nbecause = \"the reorg\"\n\n[[waypoint]]\nid = \"w2\""),
            "{once}"
        );
        // A comment and a key of the person's own on the revision stay
        // when another is added.
        let edited = once.replace(
            "because = \"the reorg\"\n",
            "because = \"the reorg\"  # Dmitri's call\nmood = \"sigh\"\n",
        );
        let twice = rewrite(&edited, |rel| {
            rel.replan(
                w1,
                &Replan::Rename("Lead the Q1 review".into()),
                day("2026-11-20"),
                None,
                None,
            )
            .unwrap();
        });
        assert!(
            twice.contains("# Dmitri's call\nmood = \"sigh\"\n"),
            "{twice}"
        );
        let first = twice.find("date = 2026-11-12").unwrap();
        let second = twice.find("date = 2026-11-20").unwrap();
        let w2 = twice.find("id = \"w2\"").unwrap();
        assert!(first < second && second < w2, "{twice}");
        assert!(
            twice.contains("text = { from = \"Lead the review\", to = \"Lead the Q1 review\" }"),
            "{twice}"
        );
        // Written inline by hand, the list stays inline.
        let inline = "person = \"Grace\"\nkind = \"sponsoring\"\nrole = \"sponsor\"\nstarted = 2026-01-01\n\n[[waypoint]]\nid = \"w1\"\ntext = \"Lead the review\"\ndue = 2026-12-31\nadded = 2026-01-01\nhistory = [{ date = 2026-11-01, due = { from = 2026-10-31, to = 2026-12-31 } }]\n";
        let after = rewrite(inline, |rel| {
            rel.replan(
                w1,
                &Replan::Move(day("2027-01-31")),
                day("2026-11-12"),
                None,
                None,
            )
            .unwrap();
        });
        assert!(after.contains("history = [{ date = 2026-11-01, due = { from = 2026-10-31, to = 2026-12-31 } }, { date = 2026-11-12"), "{after}");
    }

    #[test]
    fn removed_optional_keys_go_and_unknown_ones_stay() {
        let before = "person = \"Ada\"\nkind = \"mentoring\"\nrole = \"mentor\"\nstarted = 2025-11-03\nsnoozed_until = 2025-12-01 # quiet\nmine = 1\n";
        let after = rewrite(before, |rel| rel.snoozed_until = None);
        assert!(!after.contains("snoozed_until"));
        assert!(after.contains("mine = 1"));
    }
}
