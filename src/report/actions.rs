//! `rel actions`: open action items, mine then theirs, oldest first.

use chrono::NaiveDate;
use serde::Serialize;

use super::style::Paint;
use super::table::{Column, Tone, fit};
use crate::text::sanitize;

/// One open action as `rel actions` shows it (and `--json` prints it).
#[derive(Serialize)]
pub struct Open {
    pub handle: String,
    pub id: String,
    pub text: String,
    pub owner: &'static str,
    pub added: NaiveDate,
    pub age_days: i64,
    pub due: Option<NaiveDate>,
    pub overdue: bool,
}

/// A table of mine and one of theirs; `many` relationships add a column
/// naming each action's. An action older than `stale_days` is marked.
pub fn table(open: &[Open], many: bool, stale_days: i64, width: usize, paint: Paint) -> String {
    let mut out = String::new();
    for (owner, title) in [("me", "Mine"), ("them", "Theirs")] {
        let list: Vec<&Open> = open.iter().filter(|o| o.owner == owner).collect();
        if list.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&paint.bold(&format!("{title} ({})", list.len())));
        out.push('\n');
        let mut columns = vec![
            Column::new("age", 0).right(),
            Column::new("id", 0),
            Column::new("relationship", 1),
            Column::new("action", 0).wrapping(20),
            Column::new("due", 2),
        ];
        for o in &list {
            let stale = o.age_days > stale_days;
            columns[0].push(
                format!("{}d", o.age_days),
                if stale { Tone::Warn } else { Tone::Plain },
            );
            columns[1].push(o.id.as_str(), Tone::Plain);
            columns[2].push(o.handle.as_str(), Tone::Plain);
            columns[3].push(sanitize(&o.text), Tone::Plain);
            columns[4].push(
                o.due.map_or("—".to_string(), |d| d.to_string()),
                if o.overdue { Tone::Bad } else { Tone::Plain },
            );
        }
        if !many {
            columns.remove(2);
        }
        out.push_str(&fit(columns, width, paint.enabled()));
    }
    out
}
