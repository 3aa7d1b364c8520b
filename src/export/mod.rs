//! The export format: relationships and their check-ins as one JSON
//! document (`rel export`), and back (`rel import`). Pure: it writes to a
//! writer and reads from a string, never the journal.
//!
//! ```json
//! {
//!   "format": "rel-export",
//!   "version": 1,
//!   "exported_at": "2026-11-26",
//!   "relationships": [
//!     {
//!       "handle": "ada-lovelace",
//!       "relationship": { "person": "Ada Lovelace", "kind": "mentoring", … },
//!       "toml": "person = \"Ada Lovelace\"\n…",
//!       "checkins": [
//!         { "id": "2026-11-20-1", "date": "2026-11-20", "notes": "…", …, "toml": "…" }
//!       ]
//!     }
//!   ]
//! }
//! ```
//!
//! The structured fields are the data; `toml` carries each file's text as
//! it was, so comments, layout and keys rel does not know survive a round
//! trip (an import merges the data into that text, as rel does whenever it
//! rewrites a hand-edited file).

mod pretty;
pub mod read;

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::model::{CheckIn, CheckinId, Handle, Relationship};
use crate::store::par_map;

use pretty::{pretty, push_field, push_str};
pub use read::{ReadError, read};

/// The `format` every export names.
pub const FORMAT: &str = "rel-export";

/// The version this rel writes, and the newest it reads. It goes up when
/// an older rel could no longer read a document faithfully (a field it
/// would not know, a meaning that changed); an older rel refuses a newer
/// version rather than drop what it does not understand.
pub const VERSION: u32 = 1;

/// A whole export.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub exported_at: NaiveDate,
    /// Sorted by handle.
    pub relationships: Vec<Entry>,
}

/// One relationship as it travels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    pub handle: Handle,
    pub relationship: Relationship,
    /// The text of `relationship.toml`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toml: Option<String>,
    /// Oldest first.
    pub checkins: Vec<CheckinEntry>,
}

/// One check-in as it travels: its id (the file's name) and its fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckinEntry {
    #[serde(serialize_with = "as_text")]
    pub id: CheckinId,
    #[serde(flatten)]
    pub checkin: CheckIn,
    /// The text of the check-in's file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toml: Option<String>,
}

fn as_text<S: Serializer>(id: &CheckinId, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(id)
}

impl Export {
    /// Writes the document, pretty-printed, ending with a newline: the same
    /// bytes as `serde_json::to_writer_pretty` of the whole, but with the
    /// check-ins (most of the work) rendered in parallel first.
    pub fn write(&self, mut out: impl Write) -> io::Result<()> {
        let checkins: Vec<&CheckinEntry> = self
            .relationships
            .iter()
            .flat_map(|e| &e.checkins)
            .collect();
        let mut rendered = par_map(&checkins, |c| render_checkin(c)).into_iter();
        let heads = par_map(&self.relationships, render_head);
        write!(
            out,
            "{{\n  \"format\": {},\n  \"version\": {VERSION},\n  \"exported_at\": {},\n  \"relationships\": [",
            json(FORMAT)?,
            json(&self.exported_at)?
        )?;
        for (i, (entry, head)) in self.relationships.iter().zip(heads).enumerate() {
            out.write_all(if i == 0 { b"\n    {" } else { b",\n    {" })?;
            write!(out, "\n      \"handle\": {}", json(&entry.handle)?)?;
            out.write_all(b",\n      \"relationship\": ")?;
            out.write_all(&head?)?;
            out.write_all(b",\n      \"checkins\": [")?;
            for j in 0..entry.checkins.len() {
                let text = rendered.next().unwrap_or_else(|| Ok(Vec::new()))?;
                out.write_all(if j == 0 {
                    b"\n        "
                } else {
                    b",\n        "
                })?;
                out.write_all(&text)?;
            }
            if !entry.checkins.is_empty() {
                out.write_all(b"\n      ")?;
            }
            out.write_all(b"]\n    }")?;
        }
        if !self.relationships.is_empty() {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"]\n}\n")?;
        out.flush()
    }

    pub fn checkin_count(&self) -> usize {
        self.relationships.iter().map(|e| e.checkins.len()).sum()
    }
}

/// How deep the fields of a relationship entry, and the check-ins, sit.
const ENTRY_DEPTH: usize = 3;
const CHECKIN_DEPTH: usize = 4;

/// A check-in as it sits in the document: its id and fields, then the
/// text of its file (escaped by hand: it is most of the bytes).
fn render_checkin(c: &CheckinEntry) -> io::Result<Vec<u8>> {
    #[derive(Serialize)]
    struct Fields<'a> {
        #[serde(serialize_with = "as_text")]
        id: CheckinId,
        #[serde(flatten)]
        checkin: &'a CheckIn,
    }
    let fields = Fields {
        id: c.id,
        checkin: &c.checkin,
    };
    let mut out = pretty(&fields, CHECKIN_DEPTH, size_hint(c.toml.as_deref()))?;
    if let Some(toml) = &c.toml {
        push_field(&mut out, CHECKIN_DEPTH, "toml", toml)?;
    }
    Ok(out)
}

/// `"relationship": {…}` and the text of its file, after the handle.
fn render_head(e: &Entry) -> io::Result<Vec<u8>> {
    let mut out = pretty(&e.relationship, ENTRY_DEPTH, size_hint(e.toml.as_deref()))?;
    if let Some(toml) = &e.toml {
        out.extend_from_slice(b",\n      \"toml\": ");
        push_str(&mut out, toml);
    }
    Ok(out)
}

/// About how many bytes of JSON a file's data makes, from its text.
fn size_hint(text: Option<&str>) -> usize {
    text.map_or(1024, |t| t.len() * 5 / 2 + 256)
}

fn json<T: Serialize + ?Sized>(value: &T) -> io::Result<String> {
    Ok(serde_json::to_string(value)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;
    use crate::model::date::parse_iso;

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    pub fn sample() -> Export {
        let mut rel = Relationship::new("Ada Lovelace".into(), Role::Mentor, day("2026-09-01"));
        rel.purpose = Some("Grow into a tech lead".into());
        rel.add_goal("Run a design review".into(), day("2026-09-01"), None);
        let mut checkin = CheckIn::new(day("2026-11-20"));
        checkin.notes = Some("line one\n\"\"\" and \\ too\nZoë".into());
        checkin.working = vec!["Her own agenda".into()];
        Export {
            exported_at: day("2026-11-26"),
            relationships: vec![Entry {
                handle: Handle::parse("ada-lovelace").unwrap(),
                relationship: rel,
                toml: Some("person = \"Ada Lovelace\"\n# mine\n".into()),
                checkins: vec![CheckinEntry {
                    id: CheckinId::parse("2026-11-20-1").unwrap(),
                    checkin,
                    toml: None,
                }],
            }],
        }
    }

    fn written(export: &Export) -> String {
        let mut out = Vec::new();
        export.write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_document_names_its_format_first() {
        let text = written(&sample());
        assert!(
            text.starts_with(
                "{\n  \"format\": \"rel-export\",\n  \"version\": 1,\n  \"exported_at\": \"2026-11-26\",\n"
            ),
            "{text}"
        );
        assert!(text.contains("\"id\": \"2026-11-20-1\",\n          \"date\": \"2026-11-20\""));
        assert!(text.ends_with("}\n"));
    }

    #[derive(Serialize)]
    struct Document<'a> {
        format: &'static str,
        version: u32,
        exported_at: NaiveDate,
        relationships: &'a [Entry],
    }

    #[test]
    fn the_bytes_are_those_of_plain_pretty_json() {
        let mut export = sample();
        let mut second = export.relationships[0].clone();
        second.handle = Handle::parse("grace").unwrap();
        second.toml = None;
        second.checkins.clear();
        export.relationships.push(second.clone());
        second.handle = Handle::parse("linus").unwrap();
        second.checkins = export.relationships[0].checkins.clone();
        for _ in 0..20 {
            second.checkins.push(second.checkins[0].clone());
        }
        export.relationships.push(second);
        let mut empty = export.clone();
        empty.relationships.clear();
        for export in [export, empty] {
            let doc = Document {
                format: FORMAT,
                version: VERSION,
                exported_at: export.exported_at,
                relationships: &export.relationships,
            };
            let plain = serde_json::to_string_pretty(&doc).unwrap() + "\n";
            assert_eq!(written(&export), plain);
        }
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let export = sample();
        assert_eq!(read(&written(&export)).unwrap(), export);
    }
}
