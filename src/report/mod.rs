//! Rendering: tables, bars, sparklines, text reports and JSON. Pure
//! functions from loaded data to strings; nothing here touches files.

pub mod actions;
pub mod calendar;
pub mod config;
pub mod history;
pub mod json;
pub mod list;
pub mod log;
pub mod manual;
pub mod markdown;
pub mod merged;
pub mod needs;
pub mod period;
pub mod pictures;
pub mod prep;
pub mod recap;
pub mod replan;
pub mod search;
pub mod show;
pub mod status;
pub mod style;
pub mod table;
pub mod waypoint_chart;
pub mod week;
pub mod words;

use chrono::NaiveDate;

use crate::model::date::days_between;
use crate::model::{Kind, Relationship, Role};

/// `mentoring · mentor`, short enough for a table.
pub fn kind_role(rel: &Relationship) -> String {
    format!("{} · {}", rel.kind.short(), rel.role.label())
}

/// `mentoring — you are the mentor`.
pub fn kind_sentence(rel: &Relationship) -> String {
    let side = match rel.role {
        Role::Protege => "you are the protégé".to_string(),
        Role::Expert => "you are the expert".to_string(),
        Role::Learner => "you are the learner".to_string(),
        role => format!("you are the {}", role.label()),
    };
    let kind = match rel.kind {
        Kind::ReverseMentoring => "reverse-mentoring",
        other => other.as_str(),
    };
    format!("{kind} — {side}")
}

/// `12d ago`, `today`, `in 3d`: compact relative days for tables.
pub fn short_ago(date: NaiveDate, today: NaiveDate) -> String {
    match days_between(date, today) {
        0 => "today".to_string(),
        d if d > 0 => format!("{d}d ago"),
        d => format!("in {}d", -d),
    }
}

/// How long an item has been open: `new today`, `1 day`, `45 days`.
pub fn age(added: NaiveDate, today: NaiveDate) -> String {
    match days_between(added, today) {
        d if d <= 0 => "new today".to_string(),
        1 => "1 day".to_string(),
        d => format!("{d} days"),
    }
}

/// `in 3d`, `today`, `5d late`.
pub fn short_until(date: NaiveDate, today: NaiveDate) -> String {
    match days_between(today, date) {
        0 => "today".to_string(),
        d if d > 0 => format!("in {d}d"),
        d => format!("{}d late", -d),
    }
}

/// A change to a field in a line, `cadence: biweekly → weekly`, long
/// values cut (the record keeps every word).
pub fn change_line(field: &str, old: Option<&str>, new: Option<&str>) -> String {
    let shown = |v: Option<&str>| match v {
        Some(text) => crate::text::clip(text, 40),
        None => "—".to_string(),
    };
    format!(
        "{}: {} → {}",
        field.replace('_', " "),
        shown(old),
        shown(new)
    )
}
