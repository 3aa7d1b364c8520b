//! A three-way merge of TOML documents, knowing nothing of what they say:
//! what changed on the other side since the common base is applied to
//! this side's document, which keeps its comments, layout and the keys rel
//! does not know. Tables merge key by key; arrays of tables whose entries
//! all carry an `id` merge entry by entry, matched by it; other arrays
//! merge as lists (what each side added is kept, what one side removed
//! goes). A value changed on one side wins over no change; a value changed
//! differently on both sides is a [`Conflict`]: one is kept, and both are
//! handed back for the caller to record. The result never holds a
//! conflict marker.
//!
//! A field someone adds to rel's files tomorrow merges without a line of
//! code here; what needs more than this (a counter that takes the larger
//! of two values) is the caller's [`Policy`].

use std::collections::BTreeMap;

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

/// Which side's value a conflict keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// A value changed differently on both sides.
#[derive(Debug, Clone)]
pub struct Conflict {
    /// Keys from the top; an entry of an array of tables is named by its
    /// `id` (`["action", "a1", "text"]`), any other entry by its place.
    pub path: Vec<String>,
    /// The two values (none: that side removed it).
    pub ours: Option<Item>,
    pub theirs: Option<Item>,
    /// The one the merged document holds.
    pub kept: Side,
}

impl Conflict {
    /// The value the merged document holds, and the one set aside.
    pub fn kept_and_other(&self) -> (Option<&Item>, Option<&Item>) {
        match self.kept {
            Side::Ours => (self.ours.as_ref(), self.theirs.as_ref()),
            Side::Theirs => (self.theirs.as_ref(), self.ours.as_ref()),
        }
    }
}

/// What a caller decides for itself, before the generic rules.
pub trait Policy {
    /// The merged value of the key at `path`, changed on both sides
    /// differently (`Some(None)`: no value), or `None` to leave it to the
    /// generic rules.
    fn resolve(
        &self,
        path: &[String],
        base: Option<&Item>,
        ours: Option<&Item>,
        theirs: Option<&Item>,
    ) -> Option<Option<Item>> {
        let _ = (path, base, ours, theirs);
        None
    }

    /// Which value a conflict keeps.
    fn keep(&self, path: &[String]) -> Side {
        let _ = path;
        Side::Theirs
    }
}

/// No decisions of its own: conflicts keep the other side's value.
pub struct Generic;

impl Policy for Generic {}

/// Merges `theirs` into `ours` (both descended from `base`), in place.
/// Returns the conflicts, in document order.
pub fn merge(
    base: &DocumentMut,
    ours: &mut DocumentMut,
    theirs: &DocumentMut,
    policy: &dyn Policy,
) -> Vec<Conflict> {
    let mut merger = Merger {
        policy,
        conflicts: Vec::new(),
    };
    let mut path = Vec::new();
    merger.table(
        &mut path,
        Some(base.as_table() as &dyn TableLike),
        ours.as_table_mut(),
        theirs.as_table(),
        false,
    );
    merger.conflicts
}

struct Merger<'p> {
    policy: &'p dyn Policy,
    conflicts: Vec<Conflict>,
}

/// What to do with one key of this side's table.
enum Step {
    Keep,
    Set(Item),
    Remove,
    /// Both changed it, both are tables or both arrays: merge within.
    Within,
}

impl Merger<'_> {
    fn table(
        &mut self,
        path: &mut Vec<String>,
        base: Option<&dyn TableLike>,
        ours: &mut dyn TableLike,
        theirs: &dyn TableLike,
        inline: bool,
    ) {
        let mut keys: Vec<String> = ours.iter().map(|(k, _)| k.to_string()).collect();
        for (k, _) in theirs.iter() {
            if !keys.iter().any(|x| x == k) {
                keys.push(k.to_string());
            }
        }
        for key in keys {
            let b = base.and_then(|t| present(t.get(&key)));
            let t = present(theirs.get(&key));
            path.push(key.clone());
            let step = self.decide(path, b, present(ours.get(&key)), t);
            match step {
                Step::Keep => {}
                Step::Remove => {
                    ours.remove(&key);
                }
                Step::Set(item) => set(ours, &key, item, inline),
                Step::Within => {
                    if let (Some(o), Some(t)) = (ours.get_mut(&key), t) {
                        self.within(path, b, o, t);
                    }
                }
            }
            path.pop();
        }
    }

    fn decide(
        &mut self,
        path: &[String],
        base: Option<&Item>,
        ours: Option<&Item>,
        theirs: Option<&Item>,
    ) -> Step {
        let (cb, co, ct) = (canon_opt(base), canon_opt(ours), canon_opt(theirs));
        if ct == cb || co == ct {
            return Step::Keep;
        }
        if co == cb {
            return match theirs {
                Some(t) => Step::Set(t.clone()),
                None => Step::Remove,
            };
        }
        if let Some(decided) = self.policy.resolve(path, base, ours, theirs) {
            return match decided {
                Some(item) => Step::Set(item),
                None => Step::Remove,
            };
        }
        match (ours, theirs) {
            // One side removed what the other changed: the words stay.
            (None, Some(t)) => Step::Set(t.clone()),
            (_, None) => Step::Keep,
            (Some(o), Some(t)) if is_table(o) && is_table(t) => Step::Within,
            (Some(o), Some(t)) if is_array(o) && is_array(t) => Step::Within,
            (o, Some(t)) => {
                let kept = self.policy.keep(path);
                self.conflicts.push(Conflict {
                    path: path.to_vec(),
                    ours: o.cloned(),
                    theirs: Some(t.clone()),
                    kept,
                });
                match kept {
                    Side::Ours => Step::Keep,
                    Side::Theirs => Step::Set(t.clone()),
                }
            }
        }
    }

    /// Both sides changed a table or an array: merge inside it.
    fn within(
        &mut self,
        path: &mut Vec<String>,
        base: Option<&Item>,
        ours: &mut Item,
        theirs: &Item,
    ) {
        if is_array(ours) {
            self.array(path, base, ours, theirs);
            return;
        }
        let inline = ours.is_inline_table();
        if let (Some(o), Some(t)) = (ours.as_table_like_mut(), theirs.as_table_like()) {
            self.table(path, base.and_then(Item::as_table_like), o, t, inline);
        }
    }

    fn array(
        &mut self,
        path: &mut Vec<String>,
        base: Option<&Item>,
        ours: &mut Item,
        theirs: &Item,
    ) {
        let b = base.map(entries).unwrap_or_default();
        let o = entries(ours);
        let t = entries(theirs);
        let merged = if by_id(&[&b, &o, &t]) {
            self.by_id(path, &b, o, &t)
        } else {
            sequence(&b, o, &t)
        };
        rebuild(ours, merged);
    }

    /// Entries matched by `id`: each merged with its counterparts, the
    /// other side's new ones placed before this side's new ones.
    fn by_id(
        &mut self,
        path: &mut Vec<String>,
        base: &[Item],
        ours: Vec<Item>,
        theirs: &[Item],
    ) -> Merged {
        let find = |list: &[Item], id: &str| list.iter().position(|e| entry_id(e) == Some(id));
        let ours_ids: Vec<String> = ours
            .iter()
            .filter_map(entry_id)
            .map(str::to_string)
            .collect();
        let theirs_new: Vec<Item> = theirs
            .iter()
            .filter(|t| {
                let id = entry_id(t).unwrap_or_default();
                find(base, id).is_none() && !ours_ids.iter().any(|o| o == id)
            })
            .map(cleared)
            .collect();
        let first_ours_new = ours
            .iter()
            .position(|o| find(base, entry_id(o).unwrap_or_default()).is_none());
        let mut out = Vec::new();
        let mut theirs_new = Some(theirs_new);
        for (i, mut entry) in ours.into_iter().enumerate() {
            if Some(i) == first_ours_new {
                out.extend(theirs_new.take().unwrap_or_default());
            }
            let id = entry_id(&entry).unwrap_or_default().to_string();
            let b = find(base, &id).map(|j| &base[j]);
            let t = find(theirs, &id).map(|j| &theirs[j]);
            match (b, t) {
                (Some(b), None) if canon(&entry) == canon(b) => continue,
                (_, Some(t)) => {
                    path.push(id);
                    match self.decide(path, b, Some(&entry), Some(t)) {
                        Step::Keep | Step::Remove => {}
                        Step::Set(item) => entry = cleared(&item),
                        Step::Within => self.within(path, b, &mut entry, t),
                    }
                    path.pop();
                }
                _ => {}
            }
            out.push(entry);
        }
        out.extend(theirs_new.take().unwrap_or_default());
        // What this side removed and the other changed stays.
        for t in theirs {
            let id = entry_id(t).unwrap_or_default();
            if ours_ids.iter().any(|o| o == id) {
                continue;
            }
            if let Some(j) = find(base, id)
                && canon(&base[j]) != canon(t)
            {
                out.push(cleared(t));
            }
        }
        Merged {
            entries: out,
            reordered: false,
        }
    }
}

/// The entries of a merged array, and whether their order changed so that
/// their places in the document must follow the array.
#[derive(Default)]
struct Merged {
    entries: Vec<Item>,
    reordered: bool,
}

/// A list merged as a list: this side's entries, less those the other side
/// removed, then what the other side added that this side did not. Lists
/// kept in order on every side (dates, or tables by their `date`) stay in
/// order.
fn sequence(base: &[Item], ours: Vec<Item>, theirs: &[Item]) -> Merged {
    let cb: Vec<Canon> = base.iter().map(canon).collect();
    let co: Vec<Canon> = ours.iter().map(canon).collect();
    let ct: Vec<Canon> = theirs.iter().map(canon).collect();
    let kept_in_order = ordered(&cb) && ordered(&co) && ordered(&ct);
    let removed = minus(&cb, &ct);
    let mut added_by_ours = minus(&co, &cb);
    let mut out: Vec<(Canon, Item)> = Vec::new();
    let mut removed_left = removed;
    for (c, item) in co.into_iter().zip(ours) {
        if let Some(at) = removed_left.iter().position(|r| *r == c) {
            removed_left.remove(at);
            continue;
        }
        out.push((c, item));
    }
    let mut grew = false;
    for (c, item) in minus_items(&ct, theirs, &cb) {
        if let Some(at) = added_by_ours.iter().position(|a| *a == c) {
            added_by_ours.remove(at);
            continue;
        }
        out.push((c, cleared(item)));
        grew = true;
    }
    let long = base.len().max(theirs.len()).max(out.len()) >= 2;
    let mut reordered = false;
    if grew && long && kept_in_order {
        let before: Vec<Canon> = out.iter().map(|(c, _)| c.clone()).collect();
        out.sort_by_key(|(c, _)| sort_key(c));
        reordered = out.iter().map(|(c, _)| c).ne(before.iter());
    }
    Merged {
        entries: out.into_iter().map(|(_, item)| item).collect(),
        reordered,
    }
}

/// Whether a list is in order by [`sort_key`] (every entry has one).
fn ordered(list: &[Canon]) -> bool {
    list.iter()
        .map(sort_key)
        .collect::<Option<Vec<Canon>>>()
        .is_some_and(|k| k.is_sorted())
}

/// What orders a list: a value itself, or a table's `date`.
fn sort_key(c: &Canon) -> Option<Canon> {
    match c {
        Canon::Table(t) => t.get("date").cloned(),
        Canon::Array(_) => None,
        other => Some(other.clone()),
    }
}

/// The entries of `a` not matched one for one in `b`.
fn minus(a: &[Canon], b: &[Canon]) -> Vec<Canon> {
    let mut left: Vec<&Canon> = b.iter().collect();
    a.iter()
        .filter(|x| match left.iter().position(|y| y == x) {
            Some(at) => {
                left.remove(at);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

/// The same, with the items of `a`.
fn minus_items<'a>(a: &[Canon], items: &'a [Item], b: &[Canon]) -> Vec<(Canon, &'a Item)> {
    let mut left: Vec<&Canon> = b.iter().collect();
    a.iter()
        .zip(items)
        .filter(|(x, _)| match left.iter().position(|y| y == x) {
            Some(at) => {
                left.remove(at);
                false
            }
            None => true,
        })
        .map(|(c, i)| (c.clone(), i))
        .collect()
}

/// Whether every entry of every list is a table with an `id` of its own.
fn by_id(lists: &[&Vec<Item>]) -> bool {
    let mut any = false;
    for list in lists {
        let mut seen: Vec<&str> = Vec::new();
        for entry in list.iter() {
            match entry_id(entry) {
                Some(id) if !seen.contains(&id) => seen.push(id),
                _ => return false,
            }
            any = true;
        }
    }
    any
}

fn entry_id(entry: &Item) -> Option<&str> {
    entry.as_table_like()?.get("id")?.as_str()
}

/// An array's entries: tables as `Item::Table`, values as `Item::Value`.
fn entries(item: &Item) -> Vec<Item> {
    match item {
        Item::ArrayOfTables(a) => a.iter().map(|t| Item::Table(t.clone())).collect(),
        Item::Value(Value::Array(a)) => a.iter().map(|v| Item::Value(v.clone())).collect(),
        _ => Vec::new(),
    }
}

/// Puts merged entries back in the array, in the form it had.
fn rebuild(ours: &mut Item, merged: Merged) {
    match ours {
        Item::ArrayOfTables(array) => {
            let mut out = ArrayOfTables::new();
            for entry in merged.entries {
                let mut table = match entry {
                    Item::Table(t) => t,
                    Item::Value(Value::InlineTable(t)) => t.into_table(),
                    _ => continue,
                };
                if merged.reordered {
                    clear_positions(&mut table);
                }
                out.push(table);
            }
            *array = out;
        }
        Item::Value(Value::Array(array)) => {
            // Each entry laid out as the list was: the first as its first,
            // the rest as its second (one a line, or side by side).
            let prefix = |i: usize| {
                array
                    .get(i)
                    .and_then(|v| v.decor().prefix())
                    .and_then(|p| p.as_str())
                    .map(|p| match p.rfind('\n') {
                        // A comment stays with no entry in particular.
                        Some(at) if p.contains('#') => p[at..].to_string(),
                        _ => p.to_string(),
                    })
            };
            let first = prefix(0).unwrap_or_default();
            let rest = prefix(1).unwrap_or_else(|| {
                if first.contains('\n') {
                    first.clone()
                } else {
                    " ".to_string()
                }
            });
            let mut out = Array::new();
            for (i, entry) in merged.entries.into_iter().enumerate() {
                let mut value = match entry {
                    Item::Value(v) => v,
                    Item::Table(t) => Value::InlineTable(t.into_inline_table()),
                    _ => continue,
                };
                value.decor_mut().set_prefix(if i == 0 {
                    first.as_str()
                } else {
                    rest.as_str()
                });
                value.decor_mut().set_suffix("");
                out.push_formatted(value);
            }
            out.set_trailing(array.trailing().clone());
            out.set_trailing_comma(array.trailing_comma());
            *out.decor_mut() = array.decor().clone();
            *array = out;
        }
        _ => {}
    }
}

/// Puts `item` at `key` of this side's table: a value keeps the place and
/// comments of the one it replaces; a table goes where the document puts
/// new tables.
fn set(table: &mut dyn TableLike, key: &str, item: Item, inline: bool) {
    let item = cleared(&item);
    if let (Some(Item::Value(old)), Item::Value(new)) = (table.get_mut(key), &item) {
        let decor = old.decor().clone();
        *old = new.clone();
        *old.decor_mut() = decor;
        return;
    }
    let item = if inline {
        match item.into_value() {
            Ok(value) => Item::Value(value),
            Err(item) => item,
        }
    } else {
        item
    };
    table.insert(key, item);
}

/// A copy of an item from the other side's document, without its places
/// there: it is laid out after what comes before it here.
fn cleared(item: &Item) -> Item {
    let mut item = item.clone();
    match &mut item {
        Item::Table(t) => clear_positions(t),
        Item::ArrayOfTables(a) => a.iter_mut().for_each(clear_positions),
        _ => {}
    }
    item
}

fn clear_positions(table: &mut Table) {
    table.set_position(None);
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => clear_positions(t),
            Item::ArrayOfTables(a) => a.iter_mut().for_each(clear_positions),
            _ => {}
        }
    }
}

fn present(item: Option<&Item>) -> Option<&Item> {
    item.filter(|i| !i.is_none())
}

fn is_table(item: &Item) -> bool {
    item.is_table_like()
}

fn is_array(item: &Item) -> bool {
    item.is_array_of_tables() || item.is_array()
}

/// What a value means, however it is written: comments, layout, quoting
/// and inline or not make no difference; a date written as a string is the
/// date.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Canon {
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(String),
    Array(Vec<Canon>),
    Table(BTreeMap<String, Canon>),
}

fn canon_opt(item: Option<&Item>) -> Option<Canon> {
    item.map(canon)
}

/// The meaning of an item.
pub fn canon(item: &Item) -> Canon {
    match item {
        Item::None => Canon::Str(String::new()),
        Item::Value(v) => canon_value(v),
        Item::Table(t) => canon_table(t),
        Item::ArrayOfTables(a) => Canon::Array(a.iter().map(|t| canon_table(t)).collect()),
    }
}

fn canon_table(t: &dyn TableLike) -> Canon {
    Canon::Table(
        t.iter()
            .filter(|(_, i)| !i.is_none())
            .map(|(k, i)| (k.to_string(), canon(i)))
            .collect(),
    )
}

fn canon_value(v: &Value) -> Canon {
    match v {
        Value::String(s) => Canon::Str(s.value().clone()),
        Value::Integer(i) => Canon::Int(*i.value()),
        Value::Float(f) => Canon::Float(f.value().to_bits()),
        Value::Boolean(b) => Canon::Bool(*b.value()),
        Value::Datetime(d) => Canon::Str(d.value().to_string()),
        Value::Array(a) => Canon::Array(a.iter().map(canon_value).collect()),
        Value::InlineTable(t) => canon_table(t),
    }
}

/// An item as a person reads it: a string's words, any other value as
/// TOML writes it.
pub fn shown(item: &Item) -> String {
    match item {
        Item::Value(Value::String(s)) => s.value().clone(),
        Item::Value(v) => v.clone().decorated("", "").to_string(),
        other => other.to_string().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn doc(text: &str) -> DocumentMut {
        text.parse().unwrap()
    }

    fn merged(base: &str, ours: &str, theirs: &str) -> (String, Vec<Conflict>) {
        let mut o = doc(ours);
        let conflicts = merge(&doc(base), &mut o, &doc(theirs), &Generic);
        (o.to_string(), conflicts)
    }

    #[test]
    fn a_change_on_one_side_wins_over_none() {
        let base = "# mine\na = 1 # one\nb = \"x\"\n";
        let ours = "# mine\na = 2 # one\nb = \"x\"\n";
        let theirs = "a = 1\nb = \"y\"\nc = true\n";
        let (text, conflicts) = merged(base, ours, theirs);
        assert_eq!(text, "# mine\na = 2 # one\nb = \"y\"\nc = true\n");
        assert!(conflicts.is_empty());
        // A key one side removed and the other left alone goes.
        let (text, _) = merged("a = 1\nb = 2\n", "a = 1\nb = 2\n", "a = 1\n");
        assert_eq!(text, "a = 1\n");
    }

    #[test]
    fn a_value_changed_differently_on_both_sides_is_a_conflict() {
        let (text, conflicts) = merged(
            "[t]\np = \"old\"\n",
            "[t]\np = \"ours\" # kept comment\n",
            "[t]\np = \"theirs\"\n",
        );
        assert_eq!(text, "[t]\np = \"theirs\" # kept comment\n");
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].path, ["t", "p"]);
        let (kept, other) = conflicts[0].kept_and_other();
        assert_eq!(shown(kept.unwrap()), "theirs");
        assert_eq!(shown(other.unwrap()), "ours");
        // The same change on both sides is no conflict.
        let (text, conflicts) = merged("a = 1\n", "a = 2\n", "a = 2\n");
        assert_eq!((text.as_str(), conflicts.len()), ("a = 2\n", 0));
        // A date is a date, however it is written.
        let (_, conflicts) = merged(
            "d = 2026-01-01\n",
            "d = \"2026-01-02\"\n",
            "d = 2026-01-02\n",
        );
        assert!(conflicts.is_empty());
    }

    #[test]
    fn entries_with_ids_merge_one_by_one_and_new_ones_from_both_sides_stay() {
        let base = "[[item]]\nid = \"a1\"\ntext = \"one\"\n\n[[other]]\nid = \"x\"\n";
        let ours = "[[item]]\nid = \"a1\"\ntext = \"one\"\ndone = 2026-01-02\n\n[[item]]\nid = \"a3\"\ntext = \"ours\"\n\n[[other]]\nid = \"x\"\n";
        let theirs = "[[item]]\nid = \"a1\"\ntext = \"one, better\"\n\n[[item]]\nid = \"a2\"\ntext = \"theirs\"\nfuture = [1, 2]\n\n[[other]]\nid = \"x\"\n";
        let (text, conflicts) = merged(base, ours, theirs);
        assert!(conflicts.is_empty());
        assert_eq!(
            text,
            "[[item]]\nid = \"a1\"\ntext = \"one, better\"\ndone = 2026-01-02\n\n[[item]]\nid = \"a2\"\ntext = \"theirs\"\nfuture = [1, 2]\n\n[[item]]\nid = \"a3\"\ntext = \"ours\"\n\n[[other]]\nid = \"x\"\n"
        );
    }

    #[test]
    fn an_entry_removed_on_one_side_goes_unless_the_other_changed_it() {
        let base = "[[i]]\nid = \"a\"\nv = 1\n\n[[i]]\nid = \"b\"\nv = 1\n";
        let ours = "[[i]]\nid = \"b\"\nv = 1\n";
        let theirs = "[[i]]\nid = \"a\"\nv = 1\n\n[[i]]\nid = \"b\"\nv = 1\n";
        assert_eq!(merged(base, ours, theirs).0, ours);
        let theirs = "[[i]]\nid = \"a\"\nv = 2\n\n[[i]]\nid = \"b\"\nv = 1\n";
        let (text, _) = merged(base, ours, theirs);
        assert!(text.contains("id = \"a\"\nv = 2"), "{text}");
    }

    #[test]
    fn lists_keep_what_each_side_added_and_stay_in_order() {
        let (text, conflicts) = merged(
            "days = [2026-01-01]\nwords = [\"a\"]\n",
            "days = [2026-01-01, 2026-03-01]\nwords = [\"a\", \"b\"]\n",
            "days = [2026-01-01, 2026-02-01]\nwords = [\"c\"]\n",
        );
        assert!(conflicts.is_empty());
        assert_eq!(
            text,
            "days = [2026-01-01, 2026-02-01, 2026-03-01]\nwords = [\"b\", \"c\"]\n"
        );
    }

    #[test]
    fn tables_without_ids_append_in_date_order_and_nested_history_merges() {
        let base = "[[event]]\ndate = 2026-01-01\nwhat = \"paused\"\n\n[[w]]\nid = \"w1\"\ndue = 2026-05-01\n";
        let ours = "[[event]]\ndate = 2026-01-01\nwhat = \"paused\"\n\n[[event]]\ndate = 2026-03-01\nwhat = \"resumed\"\n\n[[w]]\nid = \"w1\"\ndue = 2026-06-01\n\n[[w.history]]\ndate = 2026-03-01\nwhy = \"ours\"\n";
        let theirs = "[[event]]\ndate = 2026-01-01\nwhat = \"paused\"\n\n[[event]]\ndate = 2026-02-01\nwhat = \"snoozed\"\n\n[[w]]\nid = \"w1\"\ndue = 2026-05-01\nsomething = 1\n\n[[w.history]]\ndate = 2026-02-01\nwhy = \"theirs\"\n";
        let (text, conflicts) = merged(base, ours, theirs);
        assert!(conflicts.is_empty(), "{conflicts:?}");
        let order: Vec<usize> = [
            "2026-01-01",
            "what = \"snoozed\"",
            "what = \"resumed\"",
            "[[w]]",
            "why = \"theirs\"",
            "why = \"ours\"",
        ]
        .iter()
        .map(|n| text.find(n).unwrap_or_else(|| panic!("{n}: {text}")))
        .collect();
        assert!(order.is_sorted(), "{text}");
        assert!(
            text.contains("something = 1") && text.contains("due = 2026-06-01"),
            "{text}"
        );
        // The result reads back as TOML.
        let _: toml::Table = text.parse().unwrap();
    }

    #[test]
    fn a_side_that_removed_what_the_other_changed_keeps_the_words() {
        let (text, conflicts) = merged("a = \"x\"\n", "", "a = \"y\"\n");
        assert_eq!((text.as_str(), conflicts.len()), ("a = \"y\"\n", 0));
        let (text, _) = merged("a = \"x\"\n", "a = \"y\"\n", "");
        assert_eq!(text, "a = \"y\"\n");
    }

    #[test]
    fn an_inline_table_merges_key_by_key_and_stays_inline() {
        let (text, conflicts) = merged(
            "t = { a = 1, b = 1 }\n",
            "t = { a = 2, b = 1 }\n",
            "t = { a = 1, b = 2, c = [{ id = \"x\" }] }\n",
        );
        assert!(conflicts.is_empty());
        let value: toml::Table = text.parse().unwrap();
        assert_eq!(value["t"]["a"].as_integer(), Some(2));
        assert_eq!(value["t"]["b"].as_integer(), Some(2));
        assert!(text.starts_with("t = {"), "{text}");
    }

    #[test]
    fn no_merge_ever_writes_a_conflict_marker() {
        let (text, conflicts) = merged(
            "notes = \"\"\"\nline\n\"\"\"\n",
            "notes = \"\"\"\nline ours\n\"\"\"\n",
            "notes = \"\"\"\nline theirs\n\"\"\"\n",
        );
        assert_eq!(conflicts.len(), 1);
        assert!(
            !text.contains("<<<<<<<") && !text.contains(">>>>>>>"),
            "{text}"
        );
    }
}
