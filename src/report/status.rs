//! `rel status`: the table of relationships and the attention list.

use chrono::NaiveDate;

use super::style::Paint;
use super::table::{Column, Tone, bar, fit, health_tone, mark, shown};
use super::words::ago;
use super::{kind_role, short_ago, short_until};
use crate::model::assess::urgency;
use crate::model::assess::{Pause, Timing};
use crate::model::date::days_between;
use crate::model::{Assessment, Attention, Owner, Relationship, Status, Tally, Which};
use crate::text::{self, sanitize, wrap};

/// One row of the overview.
pub struct Row<'a> {
    pub handle: &'a str,
    pub rel: &'a Relationship,
    pub assessment: &'a Assessment,
}

/// A paused relationship, in the short section under the table.
pub struct PausedRow<'a> {
    pub handle: &'a str,
    pub person: &'a str,
    pub pause: &'a Pause,
}

/// The paused relationships: since when, and why.
pub fn paused(rows: &[PausedRow<'_>], today: NaiveDate, width: usize, paint: Paint) -> String {
    let mut out = paint.bold(&format!("Paused ({})", rows.len()));
    out.push('\n');
    for row in rows {
        let days = days_between(row.pause.since, today);
        let why = row
            .pause
            .note
            .as_deref()
            .map(|note| format!(" — {}", crate::text::clip(note, 60)))
            .unwrap_or_default();
        let line = format!(
            "{} ({}): paused since {} ({}){why}",
            row.handle,
            sanitize(row.person),
            row.pause.since,
            ago(days)
        );
        out.push_str(&format!(
            "  {}\n",
            paint.dim(&wrap(&line, 2, width, "    "))
        ));
    }
    out
}

/// Relationships that start after the day of the overview, in a line.
pub fn not_started(later: &[(&str, NaiveDate)], width: usize, paint: Paint) -> String {
    let names: Vec<String> = later
        .iter()
        .map(|(handle, started)| format!("{handle} (starts {started})"))
        .collect();
    let line = format!("Not started yet: {}", names.join(", "));
    format!("{}\n", paint.dim(&wrap(&line, 0, width, "  ")))
}

/// The table of relationships, with a legend for the marks.
pub fn overview(
    rows: &[Row<'_>],
    today: NaiveDate,
    width: usize,
    paint: Paint,
    with_status: bool,
) -> String {
    let wide = width >= 110;
    let mut handle = Column::new("handle", 0);
    let mut person = Column::new("person", 9).wrapping(12);
    let mut kind = Column::new(if wide { "kind" } else { "you are" }, 7);
    let mut last = Column::new("last", 4);
    let mut next = Column::new("next", 1);
    let mut waypoints = Column::new("waypoints", 6);
    let mut goals = Column::new("goals", 8).right();
    let mut actions = Column::new("actions", 5).right();
    let mut understood = Column::new("understood", 3);
    let mut health = Column::new("health", 2);
    let mut status = Column::new("status", 2);
    for row in rows {
        let rel = row.rel;
        let a = row.assessment;
        handle.push(row.handle, Tone::Plain);
        person.push(sanitize(&rel.person), Tone::Plain);
        kind.push(
            if wide {
                kind_role(rel)
            } else {
                rel.role.label().to_string()
            },
            Tone::Plain,
        );
        last.push(
            match a.last_checkin {
                Some(date) => short_ago(date, today),
                None => "never".to_string(),
            },
            Tone::Plain,
        );
        let (text, tone) = next_cell(a, today);
        next.push(text, tone);
        let Tally {
            waypoints: w,
            goals: g,
            ..
        } = a.tally;
        waypoints.push(
            if w.live == 0 {
                "—".to_string()
            } else {
                bar(w.done, w.live, 5)
            },
            Tone::Plain,
        );
        goals.push(
            if g.live == 0 {
                "—".to_string()
            } else {
                format!("{}/{}", g.done, g.live)
            },
            Tone::Plain,
        );
        let mine = rel.open_actions().filter(|x| x.owner == Owner::Me).count();
        let theirs = rel
            .open_actions()
            .filter(|x| x.owner == Owner::Them)
            .count();
        actions.push(format!("{mine}/{theirs}"), Tone::Plain);
        understood.push(
            Which::ALL
                .iter()
                .map(|w| mark(a.understanding(*w).level))
                .collect::<String>(),
            Tone::Plain,
        );
        health.push(a.health.as_str(), health_tone(a.health));
        status.push(
            a.status.as_str(),
            if a.status == Status::Active {
                Tone::Plain
            } else {
                Tone::Dim
            },
        );
    }
    let mut columns = vec![
        handle, person, kind, last, next, waypoints, goals, actions, understood, health,
    ];
    if with_status {
        columns.push(status);
    }
    let shown = shown(&columns, width);
    let mut out = fit(columns, width, paint.enabled());
    let legend = legend(&shown, width, paint);
    if !legend.is_empty() {
        out.push('\n');
        out.push_str(&legend);
    }
    out
}

/// What the marks and numbers of the columns shown mean, and only those:
/// a column the terminal had no room for is not explained. A phrase
/// moves to the next line whole rather than breaking.
fn legend(shown: &[&str], width: usize, paint: Paint) -> String {
    let indent = "            ";
    let understood = shown.contains(&"understood");
    let mut out = String::new();
    if understood {
        out.push_str(&paint.dim(&wrap(
            "understood: what you want · how you get there · where you are · where they are",
            0,
            width,
            indent,
        )));
        out.push('\n');
    }
    let mut keys = Vec::new();
    if understood {
        keys.push("● met  ◐ partly  ○ missing");
    }
    if shown.contains(&"actions") {
        keys.push("actions: mine/theirs");
    }
    if !keys.is_empty() {
        let start = if understood { indent } else { "" };
        out.push_str(&paint.dim(&phrases(&keys, start, indent, width)));
        out.push('\n');
    }
    if shown.contains(&"health") {
        out.push_str(&paint.dim(&wrap(
            "health: green, all four met · amber, something missing or late (see Needs you) · red, two understandings missing or losing touch (twice the cadence without meeting)",
            0,
            width,
            "        ",
        )));
        out.push('\n');
    }
    out
}

/// Phrases on a line, eight spaces apart, a phrase that would pass
/// `width` starting the next line (after `indent`) whole.
fn phrases(phrases: &[&str], start: &str, indent: &str, width: usize) -> String {
    let mut out = start.to_string();
    let mut line = text::width(start);
    for (i, phrase) in phrases.iter().enumerate() {
        let gap = if i == 0 { 0 } else { 8 };
        if i > 0 && line + gap + text::width(phrase) > width {
            out.push('\n');
            out.push_str(indent);
            line = text::width(indent);
        } else {
            out.push_str(&" ".repeat(gap));
            line += gap;
        }
        out.push_str(phrase);
        line += text::width(phrase);
    }
    out
}

fn next_cell(a: &Assessment, today: NaiveDate) -> (String, Tone) {
    match (a.timing, a.next_due) {
        (Timing::Paused, _) => ("paused".to_string(), Tone::Dim),
        (Timing::Ended, _) => ("ended".to_string(), Tone::Dim),
        (Timing::TimeBoxOver, _) => ("time box over".to_string(), Tone::Warn),
        (Timing::Snoozed { until }, _) => {
            (format!("snoozed {}", until.format("%b %-d")), Tone::Dim)
        }
        (Timing::Overdue { .. }, Some(due)) => (short_until(due, today), Tone::Bad),
        (Timing::Due { .. }, Some(due)) => (short_until(due, today), Tone::Warn),
        (_, Some(due)) => (
            short_until(a.planned.map_or(due, |p| p.min(due)), today),
            Tone::Plain,
        ),
        (_, None) => match a.planned {
            Some(planned) => (short_until(planned, today), Tone::Plain),
            None => ("—".to_string(), Tone::Dim),
        },
    }
}

/// The attention list: one line each, most urgent first, with the command
/// that deals with it.
pub fn attention(items: &[Attention], width: usize, paint: Paint) -> String {
    let mut out = String::new();
    if items.is_empty() {
        out.push_str(&paint.green("Nothing needs you right now."));
        out.push('\n');
        return out;
    }
    out.push_str(&paint.bold(&format!("Needs you ({})", items.len())));
    out.push('\n');
    for item in items {
        let head = format!("{}: ", item.handle);
        let body = wrap(
            &super::needs::sentence(&item.need),
            2 + text::width(&head),
            width,
            "    ",
        );
        let marker = if item.urgency() >= urgency::URGENT {
            paint.red("!")
        } else {
            paint.yellow("·")
        };
        out.push_str(&format!("{marker} {}{body}\n", paint.bold(&head)));
        if let Some(fix) = super::needs::fix(&item.need, item.handle.as_str()) {
            out.push_str(&format!(
                "    {}\n",
                paint.dim(&wrap(&format!("→ {fix}"), 4, width, "      "))
            ));
        }
    }
    out
}
