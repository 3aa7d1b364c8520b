//! Reading an export. The whole document is checked before any of it is
//! used, and a problem is named by where it sits in the JSON:
//! `relationships[2].checkins[5].date: …`, or the line and column when the
//! text is not JSON at all.

use std::collections::HashMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use chrono::NaiveDate;

use super::{CheckinEntry, Entry, Export, FORMAT, VERSION};
use crate::model::consistency::{self, CheckinContext, Finding, Step};
use crate::model::date::parse_iso;
use crate::model::{CheckIn, CheckinId, Handle, Relationship};

/// Why a document cannot be imported, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub place: Place,
    pub message: String,
    /// Written by a newer rel: the fix is an upgrade, not an edit.
    pub newer: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The document as a whole.
    Whole,
    /// A line and column of the text (it is not JSON).
    Position { line: usize, column: usize },
    /// A path into the JSON, like `relationships[2].handle`.
    Path(String),
}

impl ReadError {
    /// The error as one line, with the document's name (`backup.json`).
    pub fn located(&self, name: &str) -> String {
        match &self.place {
            Place::Whole => format!("{name}: {}", self.message),
            Place::Position { line, column } => format!("{name}:{line}:{column}: {}", self.message),
            Place::Path(path) => format!("{name}: {path}: {}", self.message),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Whole => f.write_str(&self.message),
            Place::Position { line, column } => write!(f, "{line}:{column}: {}", self.message),
            Place::Path(path) => write!(f, "{path}: {}", self.message),
        }
    }
}

impl std::error::Error for ReadError {}

fn whole(message: impl Into<String>) -> ReadError {
    ReadError {
        place: Place::Whole,
        message: message.into(),
        newer: false,
    }
}

fn at(path: impl Into<String>, message: impl Into<String>) -> ReadError {
    ReadError {
        place: Place::Path(path.into()),
        message: message.into(),
        newer: false,
    }
}

/// Reads and checks a whole export: the format and its version, then every
/// relationship and check-in, their handles and ids.
pub fn read(text: &str) -> Result<Export, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|e| syntax(&e))?;
    let Value::Object(mut top) = value else {
        return Err(not_export("it is not a JSON object"));
    };
    check_format(&mut top)?;
    let exported_at = match required(&mut top, "", "exported_at")? {
        Value::String(s) => parse_iso(&s).ok_or_else(|| {
            at(
                "exported_at",
                format!("'{s}' is not a date like 2026-11-26"),
            )
        })?,
        other => return Err(at("exported_at", expected("a date", &other))),
    };
    let list = match required(&mut top, "", "relationships")? {
        Value::Array(list) => list,
        other => return Err(at("relationships", expected("a list", &other))),
    };
    no_other_keys(&top, "", "format, version, exported_at and relationships")?;

    let mut seen: HashMap<Handle, usize> = HashMap::new();
    let mut relationships = Vec::with_capacity(list.len());
    for (i, value) in list.into_iter().enumerate() {
        let entry = read_entry(i, value)?;
        if let Some(first) = seen.insert(entry.handle.clone(), i) {
            return Err(at(
                format!("relationships[{i}].handle"),
                format!(
                    "'{}' appears twice (also relationships[{first}])",
                    entry.handle
                ),
            ));
        }
        relationships.push(entry);
    }
    Ok(Export {
        exported_at,
        relationships,
    })
}

fn syntax(err: &serde_json::Error) -> ReadError {
    let message = match err.classify() {
        serde_json::error::Category::Eof => {
            "the document ends too early (was it cut short?)".to_string()
        }
        _ => {
            let text = err.to_string();
            match text.rfind(" at line ") {
                Some(cut) => text[..cut].to_string(),
                None => text,
            }
        }
    };
    ReadError {
        place: Place::Position {
            line: err.line(),
            column: err.column(),
        },
        message: format!("not valid JSON: {message}"),
        newer: false,
    }
}

fn not_export(why: &str) -> ReadError {
    whole(format!(
        "is not a rel export: {why} (rel export writes one, with \"format\": \"{FORMAT}\")"
    ))
}

fn check_format(top: &mut Map<String, Value>) -> Result<(), ReadError> {
    match top.remove("format") {
        Some(Value::String(name)) if name == FORMAT => {}
        Some(Value::String(name)) => {
            return Err(not_export(&format!(
                "its format is \"{}\"",
                name.escape_default()
            )));
        }
        Some(_) | None => return Err(not_export("it has no \"format\"")),
    }
    let version = match top.remove("version") {
        Some(Value::Number(n)) => n.as_u64().filter(|v| *v >= 1),
        _ => None,
    };
    match version {
        Some(v) if v > u64::from(VERSION) => Err(ReadError {
            place: Place::Whole,
            message: format!("was written by a newer rel (export version {v} > {VERSION})"),
            newer: true,
        }),
        Some(_) => Ok(()),
        None => Err(at(
            "version",
            format!("missing or not a version number (this rel reads version {VERSION})"),
        )),
    }
}

fn read_entry(i: usize, value: Value) -> Result<Entry, ReadError> {
    let here = format!("relationships[{i}]");
    let Value::Object(mut obj) = value else {
        return Err(at(&here, expected("an object", &value)));
    };
    let handle = match required(&mut obj, &here, "handle")? {
        Value::String(s) => Handle::parse(&s).map_err(|e| {
            at(
                format!("{here}.handle"),
                format!("'{}' is not a handle: {e}", s.escape_default()),
            )
        })?,
        other => return Err(at(format!("{here}.handle"), expected("a string", &other))),
    };
    let rel_at = format!("{here}.relationship");
    let relationship: Relationship = typed(required(&mut obj, &here, "relationship")?, &rel_at)?;
    if let Some((key, message)) = relationship.contradictions().into_iter().next() {
        return Err(at(format!("{rel_at}.{key}"), message));
    }
    let toml = text(&mut obj, &here, "toml")?;
    let list = match obj.remove("checkins") {
        None => Vec::new(),
        Some(Value::Array(list)) => list,
        Some(other) => return Err(at(format!("{here}.checkins"), expected("a list", &other))),
    };
    no_other_keys(&obj, &here, "handle, relationship, toml and checkins")?;

    let mut seen: HashMap<CheckinId, usize> = HashMap::new();
    let mut checkins = Vec::with_capacity(list.len());
    for (j, value) in list.into_iter().enumerate() {
        let here = format!("{here}.checkins[{j}]");
        let entry = read_checkin(&here, value)?;
        if let Some(first) = seen.insert(entry.id, j) {
            return Err(at(
                format!("{here}.id"),
                format!(
                    "check-in {} appears twice (also checkins[{first}])",
                    entry.id
                ),
            ));
        }
        checkins.push(entry);
    }
    let entry = Entry {
        handle,
        relationship,
        toml,
        checkins,
    };
    consistent(&here, &entry)?;
    Ok(entry)
}

/// What `rel check` and `rel edit` ask of a file that has parsed, asked
/// of each relationship and check-in before anything is written: an
/// import never writes what `rel check` then calls an error. (Warnings,
/// which rel works around, do not stop it.)
fn consistent(here: &str, entry: &Entry) -> Result<(), ReadError> {
    let rel = &entry.relationship;
    let first_error = |found: Vec<Finding>| found.into_iter().find(|f| !f.harmless);
    if let Some(f) = first_error(consistency::relationship(rel)) {
        return Err(at(
            format!("{here}.relationship{}", json_path(&f.place)),
            f.message,
        ));
    }
    for (j, c) in entry.checkins.iter().enumerate() {
        let cx = CheckinContext {
            id: c.id,
            rel: Some(rel),
            today: NaiveDate::MAX,
            pending: false,
        };
        if let Some(f) = first_error(consistency::checkin(&c.checkin, &cx)) {
            return Err(at(
                format!("{here}.checkins[{j}]{}", json_path(&f.place)),
                f.message,
            ));
        }
    }
    Ok(())
}

/// A place in a file as a path into the document: `.goal[2].achieved`
/// (the document's keys are the file's).
fn json_path(place: &[Step]) -> String {
    place
        .iter()
        .map(|step| match step {
            Step::Key(key) => format!(".{key}"),
            Step::Index(i) => format!("[{i}]"),
        })
        .collect()
}

fn read_checkin(here: &str, value: Value) -> Result<CheckinEntry, ReadError> {
    let Value::Object(mut obj) = value else {
        return Err(at(here, expected("an object", &value)));
    };
    let id = match required(&mut obj, here, "id")? {
        Value::String(s) => CheckinId::parse(&s).ok_or_else(|| {
            at(
                format!("{here}.id"),
                format!(
                    "'{}' is not a check-in id (they look like 2026-11-20-1)",
                    s.escape_default()
                ),
            )
        })?,
        other => return Err(at(format!("{here}.id"), expected("a string", &other))),
    };
    let toml = text(&mut obj, here, "toml")?;
    let checkin: CheckIn = typed(Value::Object(obj), here)?;
    Ok(CheckinEntry { id, checkin, toml })
}

/// Reads `value` as a `T`, naming the exact place of a problem, and
/// refusing keys `T` does not have: in a hand-made document they are
/// typos, and in a newer one they are words this rel would drop.
fn typed<T: DeserializeOwned>(value: Value, here: &str) -> Result<T, ReadError> {
    let mut ignored: Vec<String> = Vec::new();
    let result = {
        let mut note = |path: serde_ignored::Path<'_>| ignored.push(ignored_path(&path));
        serde_path_to_error::deserialize::<_, T>(serde_ignored::Deserializer::new(value, &mut note))
    };
    let parsed = result.map_err(|e| {
        let mut path = here.to_string();
        for segment in e.path() {
            push_segment(&mut path, segment);
        }
        at(path, e.inner().to_string())
    })?;
    match ignored.into_iter().next() {
        Some(key) => Err(at(
            format!("{here}{key}"),
            "rel does not know this key (a typo?)",
        )),
        None => Ok(parsed),
    }
}

fn push_segment(path: &mut String, segment: &serde_path_to_error::Segment) {
    use serde_path_to_error::Segment;
    match segment {
        Segment::Seq { index } => path.push_str(&format!("[{index}]")),
        Segment::Map { key } | Segment::Enum { variant: key } => {
            path.push('.');
            path.push_str(key);
        }
        Segment::Unknown => path.push_str(".?"),
    }
}

fn ignored_path(path: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path as P;
    match path {
        P::Root => String::new(),
        P::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        P::Map { parent, key } => format!("{}.{key}", ignored_path(parent)),
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            ignored_path(parent)
        }
    }
}

fn join(here: &str, key: &str) -> String {
    if here.is_empty() {
        key.to_string()
    } else {
        format!("{here}.{key}")
    }
}

fn required(obj: &mut Map<String, Value>, here: &str, key: &str) -> Result<Value, ReadError> {
    obj.remove(key)
        .ok_or_else(|| at(join(here, key), "missing"))
}

/// An optional string (a file's text).
fn text(obj: &mut Map<String, Value>, here: &str, key: &str) -> Result<Option<String>, ReadError> {
    match obj.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(at(join(here, key), expected("a string", &other))),
    }
}

fn no_other_keys(obj: &Map<String, Value>, here: &str, known: &str) -> Result<(), ReadError> {
    match obj.keys().next() {
        Some(key) => Err(at(
            join(here, key),
            format!("rel does not know this key (it expects {known})"),
        )),
        None => Ok(()),
    }
}

fn expected(what: &str, found: &Value) -> String {
    let found = match found {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    format!("expected {what}, found {found}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(relationships: &str) -> String {
        format!(
            "{{\"format\": \"rel-export\", \"version\": 1, \"exported_at\": \"2026-11-26\", \"relationships\": {relationships}}}"
        )
    }

    const ADA: &str = r#"{"handle": "ada", "relationship": {"person": "Ada", "kind": "mentoring", "role": "mentor", "started": "2026-09-01"}, "checkins": [{"id": "2026-11-20-1", "date": "2026-11-20"}]}"#;

    fn error(text: &str) -> String {
        read(text).unwrap_err().located("x.json")
    }

    #[test]
    fn a_small_document_reads() {
        let export = read(&doc(&format!("[{ADA}]"))).unwrap();
        assert_eq!(export.relationships.len(), 1);
        assert_eq!(export.checkin_count(), 1);
        assert_eq!(
            export.relationships[0].checkins[0].id.to_string(),
            "2026-11-20-1"
        );
    }

    #[test]
    fn not_json_is_located() {
        assert_eq!(
            error("{\n  \"format\": \"rel-export\",\n  oops\n}"),
            "x.json:3:3: not valid JSON: key must be a string"
        );
        assert_eq!(
            error("{\"format\": "),
            "x.json:1:11: not valid JSON: the document ends too early (was it cut short?)"
        );
    }

    #[test]
    fn the_format_is_checked_first() {
        assert!(error("[1, 2]").contains("is not a rel export: it is not a JSON object"));
        assert!(error("{\"format\": \"jrnl\"}").contains("its format is \"jrnl\""));
        let newer =
            read("{\"format\": \"rel-export\", \"version\": 5, \"later\": {}}").unwrap_err();
        assert!(newer.newer);
        assert_eq!(
            newer.located("x.json"),
            "x.json: was written by a newer rel (export version 5 > 4)"
        );
        assert!(
            error("{\"format\": \"rel-export\", \"version\": \"1\"}")
                .starts_with("x.json: version: ")
        );
    }

    #[test]
    fn problems_deep_inside_are_named_by_path() {
        let bad_date = ADA.replace("\"date\": \"2026-11-20\"", "\"date\": \"2026-02-30\"");
        assert_eq!(
            error(&doc(&format!("[{ADA}, {bad_date}]"))),
            "x.json: relationships[1].checkins[0].date: invalid value: string \"2026-02-30\", expected a date like 2026-11-26"
        );
        let bad_goal = ADA.replace(
            "\"started\": \"2026-09-01\"",
            "\"started\": \"2026-09-01\", \"goal\": [{\"id\": \"g1\", \"text\": \"x\", \"added\": \"2026-09-01\"}, {\"id\": \"g1\", \"text\": \"y\", \"added\": \"soon\"}]",
        );
        assert_eq!(
            error(&doc(&format!("[{bad_goal}]"))),
            "x.json: relationships[0].relationship.goal[1].added: invalid value: string \"soon\", expected a date like 2026-11-26"
        );
        let twice = bad_goal.replace("\"soon\"", "\"2026-09-02\"");
        assert_eq!(
            error(&doc(&format!("[{twice}]"))),
            "x.json: relationships[0].relationship.goal: g1 is used twice; every goal needs an id of its own (the highest id given is kept in [last_id])"
        );
    }

    #[test]
    fn contradictions_handles_and_ids_are_refused() {
        let role = ADA.replace("\"role\": \"mentor\"", "\"role\": \"sponsor\"");
        assert!(
            error(&doc(&format!("[{role}]")))
                .starts_with("x.json: relationships[0].relationship.role: role 'sponsor' does not belong to kind 'mentoring'")
        );
        let handle = ADA.replace("\"ada\"", "\"Ada Lovelace\"");
        assert!(
            error(&doc(&format!("[{handle}]")))
                .starts_with("x.json: relationships[0].handle: 'Ada Lovelace' is not a handle: ")
        );
        assert_eq!(
            error(&doc(&format!("[{ADA}, {ADA}]"))),
            "x.json: relationships[1].handle: 'ada' appears twice (also relationships[0])"
        );
        let id = ADA.replace("2026-11-20-1", "2026-11-20");
        assert_eq!(
            error(&doc(&format!("[{id}]"))),
            "x.json: relationships[0].checkins[0].id: '2026-11-20' is not a check-in id (they look like 2026-11-20-1)"
        );
        let two = ADA.replace(
            "[{\"id\": \"2026-11-20-1\", \"date\": \"2026-11-20\"}]",
            "[{\"id\": \"2026-11-20-1\", \"date\": \"2026-11-20\"}, {\"id\": \"2026-11-20-1\", \"date\": \"2026-11-20\"}]",
        );
        assert_eq!(
            error(&doc(&format!("[{two}]"))),
            "x.json: relationships[0].checkins[1].id: check-in 2026-11-20-1 appears twice (also checkins[0])"
        );
    }

    #[test]
    fn what_rel_check_would_call_an_error_is_refused_where_it_is() {
        for (from, to, expected) in [
            (
                "\"date\": \"2026-11-20\"}",
                "\"date\": \"2026-11-21\"}",
                "relationships[0].checkins[0].date: date 2026-11-21 disagrees with the file name 2026-11-20-1.toml",
            ),
            (
                "\"date\": \"2026-11-20\"}",
                "\"date\": \"2026-11-20\", \"closed\": [\"a7\"]}",
                "relationships[0].checkins[0].closed[0]: closed lists action a7, which is not in relationship.toml",
            ),
            (
                "\"started\": \"2026-09-01\"",
                "\"started\": \"2026-09-01\", \"goal\": [{\"id\": \"g1\", \"text\": \"x\", \"added\": \"2026-10-01\", \"achieved\": \"2026-09-15\"}]",
                "relationships[0].relationship.goal[0].achieved: goal g1 was achieved on 2026-09-15, before it was added on 2026-10-01",
            ),
            (
                "\"started\": \"2026-09-01\"",
                "\"started\": \"2026-09-01\", \"advocacy\": [{\"id\": \"v1\", \"date\": \"2026-10-01\", \"text\": \"x\", \"waypoint\": \"w3\"}]",
                "relationships[0].relationship.advocacy[0].waypoint: act of advocacy v1 serves waypoint w3, which is not in this file",
            ),
        ] {
            let bad = ADA.replace(from, to);
            assert_ne!(bad, ADA);
            let found = error(&doc(&format!("[{bad}]")));
            assert!(found.starts_with(&format!("x.json: {expected}")), "{found}");
        }
    }

    #[test]
    fn unknown_keys_are_refused_wherever_they_are() {
        let typo = ADA.replace("\"person\"", "\"purpse\": \"x\", \"person\"");
        assert_eq!(
            error(&doc(&format!("[{typo}]"))),
            "x.json: relationships[0].relationship.purpse: rel does not know this key (a typo?)"
        );
        let deep = ADA.replace(
            "\"date\": \"2026-11-20\"}",
            "\"date\": \"2026-11-20\", \"opened\": [{\"text\": \"x\", \"mood\": 1}]}",
        );
        assert_eq!(
            error(&doc(&format!("[{deep}]"))),
            "x.json: relationships[0].checkins[0].opened[0].mood: rel does not know this key (a typo?)"
        );
        let top = doc("[]").replace("\"format\"", "\"extra\": 1, \"format\"");
        assert!(error(&top).starts_with("x.json: extra: rel does not know this key"));
    }

    #[test]
    fn anything_at_all_is_an_error_not_a_panic() {
        for text in [
            "",
            "null",
            "[]",
            "{}",
            "\"x\"",
            "{\"format\": \"rel-export\", \"version\": 1}",
            &doc("{}"),
            &doc("[1]"),
            &doc("[{}]"),
            &doc("[{\"handle\": 5}]"),
            &doc("[{\"handle\": \"a\", \"relationship\": []}]"),
            &doc(
                "[{\"handle\": \"a\", \"relationship\": {\"person\": \"A\", \"kind\": \"mentoring\", \"role\": \"mentor\", \"started\": \"2026-01-01\", \"sessions\": -1}}]",
            ),
            "{\"format\": \"rel-export\", \"version\": 18446744073709551615}",
            "{\"format\": \"rel-export\", \"version\": 1.5}",
            &"[".repeat(10_000),
        ] {
            assert!(read(text).is_err(), "{text}");
        }
    }
}
