//! `rel config`: the settings in force, and where each came from.

use super::style::Paint;
use super::table::{Column, Tone, fit};
use crate::text::sanitize;

/// One row per setting: its name, its value and where the value came from.
pub fn table(rows: &[(&str, String, String)], width: usize, paint: Paint) -> String {
    let mut columns = vec![
        Column::new("setting", 0),
        Column::new("value", 0).wrapping(20),
        Column::new("from", 1),
    ];
    for (name, value, from) in rows {
        columns[0].push(*name, Tone::Plain);
        columns[1].push(sanitize(value), Tone::Plain);
        columns[2].push(from.as_str(), Tone::Dim);
    }
    fit(columns, width, paint.enabled())
}
