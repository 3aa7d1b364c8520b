//! What is inside one file: syntax and types, keys rel does not know, and
//! the facts that must agree, each placed at its `line:col`. The same
//! checks serve `rel check` (every file) and `rel edit` (the one edited).

use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::model::consistency::{self, CheckinContext, Finding, Step};
use crate::model::{CheckIn, Relationship};
use crate::problem::Problem;
use crate::store::FORMAT;
use crate::store::doc::{CHECKIN, JOURNAL, RELATIONSHIP, Schema};
use crate::store::file::toml_problem;
use crate::text::suggest;

/// A file's value, if it could be read, and every problem found in it.
#[derive(Debug)]
pub struct Checked<T> {
    pub value: Option<T>,
    pub problems: Vec<Problem>,
}

/// `relationship.toml`.
pub fn relationship(path: &Path, text: &str) -> Checked<Relationship> {
    let mut problems = Vec::new();
    let value: Option<Relationship> = parse(path, text, &RELATIONSHIP, &mut problems);
    if let Some(rel) = &value {
        place(path, text, consistency::relationship(rel), &mut problems);
    }
    Checked { value, problems }
}

/// A check-in file, against its name, today and its relationship.
pub fn checkin(path: &Path, text: &str, cx: &CheckinContext<'_>) -> Checked<CheckIn> {
    let mut problems = Vec::new();
    let value: Option<CheckIn> = parse(path, text, &CHECKIN, &mut problems);
    if let Some(c) = &value {
        place(path, text, consistency::checkin(c, cx), &mut problems);
    }
    Checked { value, problems }
}

#[derive(serde::Deserialize)]
pub struct JournalFile {
    pub format: u32,
}

impl JournalFile {
    /// Written by a newer rel, whose files this one cannot judge.
    pub fn is_newer(&self) -> bool {
        self.format > FORMAT
    }
}

/// `journal.toml`.
pub fn journal(path: &Path, text: &str) -> Checked<JournalFile> {
    let mut problems = Vec::new();
    let value: Option<JournalFile> = parse(path, text, &JOURNAL, &mut problems);
    if let Some(file) = value.as_ref().filter(|f| f.is_newer()) {
        let newer = Finding {
            place: vec![Step::Key("format")],
            message: format!(
                "written by a newer rel (format {} > {FORMAT}); this rel cannot check it — upgrade rel",
                file.format
            ),
            harmless: false,
        };
        place(path, text, vec![newer], &mut problems);
    }
    Checked { value, problems }
}

/// Parses once: the keys are checked on the spanned tree, and the typed
/// value is read from that same tree, so checking costs one parse.
fn parse<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    schema: &Schema,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let tree = match DeTable::parse(text) {
        Ok(tree) => tree,
        Err(err) => {
            problems.push(toml_problem(path, text, &err));
            return None;
        }
    };
    unknown_keys(path, text, tree.get_ref(), schema, problems);
    match T::deserialize(toml::de::Deserializer::from(tree)) {
        Ok(value) => Some(value),
        Err(err) => {
            problems.push(toml_problem(path, text, &err));
            None
        }
    }
}

/// Keys the schema does not own: kept by rel, but likely a typo, or a
/// key written below a `[table]` header that belongs above it.
fn unknown_keys(
    path: &Path,
    text: &str,
    tree: &DeTable<'_>,
    root: &Schema,
    problems: &mut Vec<Problem>,
) {
    let mut walk = vec![(tree, root, None::<String>)];
    while let Some((table, schema, header)) = walk.pop() {
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            if schema.owns(name) {
                if let Some(inner) = schema.table(name)
                    && let DeValue::Table(t) = value.get_ref()
                {
                    walk.push((t, inner, Some(format!("[{name}]"))));
                } else if let Some(inner) = schema.array(name)
                    && let DeValue::Array(items) = value.get_ref()
                {
                    for item in items.iter() {
                        if let DeValue::Table(t) = item.get_ref() {
                            walk.push((t, inner, Some(format!("[[{name}]]"))));
                        }
                    }
                }
                continue;
            }
            let shown = name.escape_debug();
            let message = match (&header, closest_key(name, schema.keys)) {
                (Some(header), _) if root.owns(name) => format!(
                    "unknown key '{shown}' in {header}: it belongs above the first [table] header (in TOML, every key below a header is part of that table)"
                ),
                (header, known) => {
                    let within = header
                        .as_ref()
                        .map(|h| format!(" in {h}"))
                        .unwrap_or_default();
                    let guess = known
                        .map(|k| format!(": did you mean '{k}'?"))
                        .unwrap_or_default();
                    format!(
                        "unknown key '{shown}'{within}{guess} (rel keeps keys it does not know, and ignores them)"
                    )
                }
            };
            problems.push(Problem::warning(path, message).at(text, key.span().start));
        }
    }
}

/// The known key a typo most likely meant (`text::suggest`), `-` typed
/// for `_` or another case forgiven.
fn closest_key(input: &str, keys: &[&'static str]) -> Option<&'static str> {
    let typed = input.to_lowercase().replace('-', "_");
    suggest(&typed, keys.iter().copied())
}

/// Turns findings into problems at the line and column of what they name.
fn place(path: &Path, text: &str, findings: Vec<Finding>, problems: &mut Vec<Problem>) {
    if findings.is_empty() {
        return;
    }
    let tree = DeTable::parse(text).ok();
    for f in findings {
        let problem = if f.harmless {
            Problem::warning(path, f.message)
        } else {
            Problem::error(path, f.message)
        };
        let at = tree.as_ref().and_then(|t| offset(t, &f.place));
        problems.push(match at {
            Some(at) => problem.at(text, at),
            None => problem,
        });
    }
}

/// Where a place is written: the key for a key, the value for an array
/// element; as near as the file allows when part of the way is missing.
fn offset(tree: &Spanned<DeTable<'_>>, place: &[Step]) -> Option<usize> {
    let mut table: Option<&DeTable<'_>> = Some(tree.get_ref());
    let mut array: Option<&[Spanned<DeValue<'_>>]> = None;
    let mut best = None;
    for (i, step) in place.iter().enumerate() {
        let last = i + 1 == place.len();
        let value = match *step {
            Step::Key(key) => {
                let Some((k, v)) = table.and_then(|t| t.get_key_value(key)) else {
                    break;
                };
                best = Some(if last { k.span().start } else { v.span().start });
                v
            }
            Step::Index(n) => {
                let Some(v) = array.and_then(|a| a.get(n)) else {
                    break;
                };
                best = Some(v.span().start);
                v
            }
        };
        table = value.get_ref().as_table();
        array = value.get_ref().as_array().map(|a| &a[..]);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn typos_in_keys_are_placed_and_a_fix_suggested() {
        let text = "person = \"Ada\"\nkind = \"mentoring\"\nrole = \"mentor\"\nstarted = 2026-01-01\npurpse = \"x\"\nmood = 1\n\n[agreement]\ndate = 2026-01-02\nhwo = \"weekly\"\n\n[[goal]]\nid = \"g1\"\ntext = \"t\"\nadded = 2026-01-01\ndue-date = 2026-05-01\n";
        let checked = relationship(Path::new("r.toml"), text);
        assert!(checked.value.is_some());
        let mut lines = shown(&checked.problems);
        lines.sort();
        assert_eq!(
            lines,
            [
                "r.toml:10:1: unknown key 'hwo' in [agreement]: did you mean 'how'? (rel keeps keys it does not know, and ignores them)",
                "r.toml:16:1: unknown key 'due-date' in [[goal]] (rel keeps keys it does not know, and ignores them)",
                "r.toml:5:1: unknown key 'purpse': did you mean 'purpose'? (rel keeps keys it does not know, and ignores them)",
                "r.toml:6:1: unknown key 'mood' (rel keeps keys it does not know, and ignores them)",
            ]
        );
    }

    #[test]
    fn a_key_below_a_header_is_told_where_it_belongs() {
        let text =
            "date = 2026-11-20\n\n[[opened]]\nid = \"a1\"\ntext = \"t\"\nclosed = [\"a1\"]\n";
        let cx = CheckinContext {
            id: crate::model::CheckinId::parse("2026-11-20-1").unwrap(),
            rel: None,
            today: crate::model::date::parse_iso("2026-11-26").unwrap(),
            pending: false,
        };
        assert_eq!(
            shown(&checkin(Path::new("c.toml"), text, &cx).problems),
            [
                "c.toml:6:1: unknown key 'closed' in [[opened]]: it belongs above the first [table] header (in TOML, every key below a header is part of that table)"
            ]
        );
    }

    #[test]
    fn findings_point_at_what_they_name() {
        let text = "person = \"Ada\"\nkind = \"mentoring\"\nrole = \"sponsor\"\nstarted = 2026-01-01\n\n[[goal]]\nid = \"g1\"\ntext = \"t\"\nadded = 2026-02-01\nachieved = 2026-01-15\n\n[[goal]]\nid = \"g1\"\ntext = \"u\"\nadded = 2026-01-01\n";
        let checked = relationship(Path::new("r.toml"), text);
        assert_eq!(
            shown(&checked.problems),
            [
                "r.toml:3:1: role 'sponsor' does not belong to kind 'mentoring' (its roles are mentor and mentee)",
                "r.toml:13:1: id g1 is used twice; ids are never shared or reused — give this goal the next free id, g2",
                "r.toml:10:1: goal g1 was achieved on 2026-01-15, before it was added on 2026-02-01",
            ]
        );
    }

    #[test]
    fn a_type_error_still_reports_unknown_keys() {
        let text = "date = 2026-11-20\nrating = \"high\"\nnote = \"x\"\n";
        let cx = CheckinContext {
            id: crate::model::CheckinId::parse("2026-11-20-1").unwrap(),
            rel: None,
            today: crate::model::date::parse_iso("2026-11-26").unwrap(),
            pending: false,
        };
        let checked = checkin(Path::new("c.toml"), text, &cx);
        assert!(checked.value.is_none());
        assert_eq!(
            shown(&checked.problems),
            [
                "c.toml:3:1: unknown key 'note': did you mean 'notes'? (rel keeps keys it does not know, and ignores them)",
                "c.toml:2:10: invalid type: string \"high\", expected a rating from 1 to 5",
            ]
        );
    }
}
