//! `rel list`: the relationships in the journal, one row each.

use serde::Serialize;

use super::style::Paint;
use super::table::{Column, Tone, fit};
use crate::text::sanitize;

/// One relationship as `rel list` shows it (and `--json` prints it).
#[derive(Serialize)]
pub struct Entry {
    pub handle: String,
    pub person: String,
    pub kind: &'static str,
    /// The role's stable name (`protege`).
    pub role: &'static str,
    /// The role as a person reads it (`protégé`), for the table.
    #[serde(skip)]
    pub you_are: &'static str,
    pub status: &'static str,
    pub started: chrono::NaiveDate,
    pub checkins: usize,
}

/// The table of relationships, sized to `width`.
pub fn table(entries: &[Entry], width: usize, paint: Paint) -> String {
    let mut columns = [
        Column::new("handle", 0),
        Column::new("person", 1).wrapping(12),
        Column::new("kind", 2),
        Column::new("you are", 3),
        Column::new("status", 4),
        Column::new("since", 5),
        Column::new("check-ins", 6).right(),
    ];
    for e in entries {
        let tone = if e.status == "active" {
            Tone::Plain
        } else {
            Tone::Dim
        };
        columns[0].push(&e.handle, tone);
        columns[1].push(sanitize(&e.person), tone);
        columns[2].push(e.kind, tone);
        columns[3].push(e.you_are, tone);
        columns[4].push(e.status, tone);
        columns[5].push(e.started.to_string(), tone);
        columns[6].push(e.checkins.to_string(), tone);
    }
    fit(columns.into(), width, paint.enabled())
}
