//! The export format: relationships and their check-ins as one JSON
//! document (`rel export`), and back (`rel import`). Pure: it writes to a
//! writer and reads from a string, never the journal.
//!
//! ```json
//! {
//!   "format": "rel-export",
//!   "version": 4,
//!   "exported_at": "2026-11-26",
//!   "relationships": [
//!     {
//!       "handle": "ada-lovelace",
//!       "relationship": { "person": "Ada Lovelace", "kind": "mentoring", … },
//!       "toml": "person = \"Ada Lovelace\"\n…",
//!       "checkins": [
//!         { "id": "2026-11-20-1-k3f9", "date": "2026-11-20", "notes": "…", …, "toml": "…" }
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
use crate::par::par_map;

use pretty::pretty;
pub use read::{ReadError, read};

/// The `format` every export names.
pub const FORMAT: &str = "rel-export";

/// The version this rel writes, and the newest it reads. It goes up when
/// an older rel could no longer read a document faithfully (a field it
/// would not know, a meaning that changed); an older rel refuses a newer
/// version rather than drop what it does not understand. Version 2 added
/// a check-in's `about` and `shared` and the items' `discussed` days;
/// version 3 items' `history`, a check-in's `moved`, `dropped` and
/// `achieved`, and the ending's `expert_outcome`; version 4 names
/// check-ins with a tag (`2026-11-20-1-k3f9`), which an older rel would
/// refuse as a malformed id. Versions 1 to 3 still read.
pub const VERSION: u32 = 4;

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
    /// bytes as `serde_json::to_writer_pretty` of the whole, with the
    /// pieces rendered in parallel first.
    pub fn write(&self, out: impl Write) -> io::Result<()> {
        let checkins: Vec<&CheckinEntry> = self
            .relationships
            .iter()
            .flat_map(|e| &e.checkins)
            .collect();
        let mut rendered = par_map(&checkins, |c| c.render()).into_iter();
        let heads = par_map(&self.relationships, |e| {
            render_head(&e.relationship, e.toml.as_deref())
        });
        let mut entries = Vec::with_capacity(self.relationships.len());
        for (entry, head) in self.relationships.iter().zip(heads) {
            let checkins = rendered.by_ref().take(entry.checkins.len());
            entries.push(RenderedEntry {
                handle: entry.handle.clone(),
                head: head?,
                checkins: checkins.collect::<io::Result<_>>()?,
            });
        }
        write_rendered(self.exported_at, &entries, out)
    }

    pub fn checkin_count(&self) -> usize {
        self.relationships.iter().map(|e| e.checkins.len()).sum()
    }
}

/// A piece of the document rendered ahead of time, as it sits in place,
/// so that the pieces can be made in parallel (by the threads that read
/// the files) and joined at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered(Vec<u8>);

impl Rendered {
    /// A piece with the control and bidi characters serde_json leaves
    /// raw escaped ([`json_safe`](crate::text::json_safe)): every string
    /// of the document is in some piece.
    fn new(json: Vec<u8>) -> Rendered {
        match String::from_utf8(json) {
            Ok(text) => match crate::text::json_safe(&text) {
                std::borrow::Cow::Borrowed(_) => Rendered(text.into_bytes()),
                std::borrow::Cow::Owned(safe) => Rendered(safe.into_bytes()),
            },
            Err(e) => Rendered(e.into_bytes()),
        }
    }
}

/// A relationship with its pieces rendered.
#[derive(Debug, Clone)]
pub struct RenderedEntry {
    pub handle: Handle,
    /// From [`render_head`].
    pub head: Rendered,
    /// From [`CheckinEntry::render`], oldest first.
    pub checkins: Vec<Rendered>,
}

/// Joins rendered pieces into the whole document.
pub fn write_rendered(
    exported_at: NaiveDate,
    entries: &[RenderedEntry],
    out: impl Write,
) -> io::Result<()> {
    let mut doc = DocumentWriter::start(exported_at, out)?;
    for entry in entries {
        doc.entry(&entry.handle, &entry.head)?;
        for checkin in &entry.checkins {
            doc.checkin(checkin)?;
        }
        doc.end_entry()?;
    }
    doc.finish()
}

/// The document written a piece at a time, in order, as the pieces come:
/// the bytes [`write_rendered`] writes of them all.
pub struct DocumentWriter<W: Write> {
    out: W,
    /// Entries begun so far.
    entries: usize,
    /// Check-ins written into the entry begun last.
    checkins: usize,
}

impl<W: Write> DocumentWriter<W> {
    /// Writes what comes before the first entry.
    pub fn start(exported_at: NaiveDate, mut out: W) -> io::Result<DocumentWriter<W>> {
        write!(
            out,
            "{{\n  \"format\": {},\n  \"version\": {VERSION},\n  \"exported_at\": {},\n  \"relationships\": [",
            json(FORMAT)?,
            json(&exported_at)?
        )?;
        Ok(DocumentWriter {
            out,
            entries: 0,
            checkins: 0,
        })
    }

    /// Begins a relationship's entry: its handle and its head (from
    /// [`render_head`]). Its check-ins follow, then [`Self::end_entry`].
    pub fn entry(&mut self, handle: &Handle, head: &Rendered) -> io::Result<()> {
        let out = &mut self.out;
        out.write_all(if self.entries == 0 {
            b"\n    {"
        } else {
            b",\n    {"
        })?;
        write!(out, "\n      \"handle\": {}", json(handle)?)?;
        out.write_all(b",\n      \"relationship\": ")?;
        out.write_all(&head.0)?;
        out.write_all(b",\n      \"checkins\": [")?;
        self.entries += 1;
        self.checkins = 0;
        Ok(())
    }

    /// One check-in of the entry begun last (from [`CheckinEntry::render`]).
    pub fn checkin(&mut self, checkin: &Rendered) -> io::Result<()> {
        self.out.write_all(if self.checkins == 0 {
            b"\n        "
        } else {
            b",\n        "
        })?;
        self.out.write_all(&checkin.0)?;
        self.checkins += 1;
        Ok(())
    }

    /// Ends the entry begun last.
    pub fn end_entry(&mut self) -> io::Result<()> {
        if self.checkins > 0 {
            self.out.write_all(b"\n      ")?;
        }
        self.out.write_all(b"]\n    }")
    }

    /// Writes what comes after the last entry, and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        if self.entries > 0 {
            self.out.write_all(b"\n  ")?;
        }
        self.out.write_all(b"]\n}\n")?;
        self.out.flush()
    }
}

/// How deep the fields of a relationship entry, and the check-ins, sit.
const ENTRY_DEPTH: usize = 3;
const CHECKIN_DEPTH: usize = 4;

impl CheckinEntry {
    /// The check-in as it sits in the document: its id and fields, then
    /// the text of its file.
    pub fn render(&self) -> io::Result<Rendered> {
        let out = pretty(self, CHECKIN_DEPTH, size_hint(self.toml.as_deref()))?;
        Ok(Rendered::new(out))
    }
}

/// A relationship's `{…}` and the text of its file: what follows
/// `"relationship": ` in its entry.
pub fn render_head(rel: &Relationship, toml: Option<&str>) -> io::Result<Rendered> {
    let mut out = pretty(rel, ENTRY_DEPTH, size_hint(toml))?;
    if let Some(toml) = toml {
        out.extend_from_slice(b",\n      \"toml\": ");
        serde_json::to_writer(&mut out, toml)?;
    }
    Ok(Rendered::new(out))
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
                "{\n  \"format\": \"rel-export\",\n  \"version\": 4,\n  \"exported_at\": \"2026-11-26\",\n"
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
