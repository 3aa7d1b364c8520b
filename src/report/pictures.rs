//! Pictures where a person would rather look than read: a relationship's
//! last 26 weeks of meetings with their ratings under them, meetings held
//! against the cadence as a bar, and a journal's year of meetings as a
//! heat strip (the waypoint chart, planned against actual, is beside it in
//! `waypoint_chart`). Each is plain text that reads without colour
//! (NO_COLOR); colour only adds to it.

use chrono::{Datelike, NaiveDate};

use super::style::Paint;
use super::table::{bar_cells, sparkline};
use super::words::plural;
use crate::model::CheckinId;
use crate::model::rhythm::{Week, WeekState, spans, weekly_counts};
use crate::text::width as columns;

/// How wide one week is drawn: two columns when there is room for the
/// strip and its labels, else one.
fn cell_width(weeks: usize, width: usize) -> usize {
    if 2 + weeks * 2 + 12 <= width { 2 } else { 1 }
}

/// Draws cells of `cell` columns each, a glyph and padding.
fn cells<'a>(glyphs: impl Iterator<Item = String> + 'a, cell: usize) -> String {
    glyphs
        .map(|g| format!("{g}{}", " ".repeat(cell.saturating_sub(1))))
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// The month names under a strip, each where its month begins, and the
/// first month's at the start when there is room before the next (a name
/// that would run into the one before is left out).
fn month_axis(spans: &[(NaiveDate, NaiveDate)], cell: usize) -> String {
    let mut names: Vec<(usize, NaiveDate)> = spans
        .iter()
        .enumerate()
        .filter(|(_, (first, last))| first.day() == 1 || last.month() != first.month())
        .map(|(i, (_, last))| (i * cell, *last))
        .collect();
    if let Some((_, last)) = spans.first()
        && names.first().is_none_or(|(at, _)| *at >= 4)
    {
        names.insert(0, (0, *last));
    }
    place(
        names
            .into_iter()
            .map(|(at, day)| (at, day.format("%b").to_string())),
    )
}

/// Labels on one line, each starting at its column, in the order given:
/// one that would run into (or touch) a label already placed is left out.
pub(super) fn place(labels: impl IntoIterator<Item = (usize, String)>) -> String {
    let mut placed: Vec<(usize, usize, String)> = Vec::new();
    for (at, label) in labels {
        let end = at + columns(&label);
        if placed.iter().all(|(from, to, _)| end < *from || at > *to) {
            placed.push((at, end, label));
        }
    }
    placed.sort_by_key(|(at, _, _)| *at);
    let mut line = String::new();
    for (at, _, label) in placed {
        line.push_str(&" ".repeat(at - columns(&line)));
        line.push_str(&label);
    }
    line
}

/// The last weeks of one relationship: a mark a week (a meeting, a
/// review, a week the cadence was missed), the ratings of each week's
/// meetings under it, the months under those, and what the marks mean.
pub fn meeting_strip(weeks: &[Week], width: usize, paint: Paint) -> Vec<String> {
    let cell = cell_width(weeks.len(), width);
    let glyph = |w: &Week| match w.state {
        WeekState::Met if w.review => paint.cyan("◆"),
        WeekState::Met => paint.green("●"),
        WeekState::Missed => paint.red("○"),
        WeekState::Quiet => paint.dim("·"),
        WeekState::Resting => paint.dim("-"),
        WeekState::NotStarted | WeekState::Ended => " ".to_string(),
    };
    let strip = cells(weeks.iter().map(glyph), cell);
    let ratings = cells(
        weeks.iter().map(|w| match mean(&w.ratings) {
            Some(avg) => paint.yellow(&sparkline(&[avg])),
            None => " ".to_string(),
        }),
        cell,
    );
    let spans: Vec<(NaiveDate, NaiveDate)> = weeks.iter().map(|w| (w.first, w.last)).collect();
    let mut lines = vec![format!("  {strip}")];
    let all: Vec<u8> = weeks.iter().flat_map(|w| w.ratings.clone()).collect();
    if let Some(avg) = average(&all) {
        let pad = (weeks.len() * cell).saturating_sub(columns(&ratings)) + 2;
        lines.push(format!(
            "  {ratings}{}{}",
            " ".repeat(pad),
            paint.dim(&format!("ratings, average {avg:.1}"))
        ));
    }
    lines.push(format!("  {}", paint.dim(&month_axis(&spans, cell))));
    let legend = [
        (paint.green("●"), "met"),
        (paint.cyan("◆"), "reviewed"),
        (paint.red("○"), "cadence missed"),
        (paint.dim("·"), "none due"),
        (paint.dim("-"), "paused or snoozed"),
    ]
    .map(|(mark, what)| format!("{mark} {}", paint.dim(what)));
    lines.extend(pack(&legend, width));
    lines
}

/// Items of a legend on as few lines as fit `width`, two spaces apart,
/// never split.
pub(super) fn pack(items: &[String], width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for item in items {
        if !line.is_empty() && 2 + columns(&line) + 2 + columns(item) > width {
            lines.push(format!("  {line}"));
            line.clear();
        }
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(item);
    }
    if !line.is_empty() {
        lines.push(format!("  {line}"));
    }
    lines
}

/// What the weeks add up to: `6 meetings · 2 reviews · the cadence missed
/// 2 weeks`.
pub fn strip_summary(weeks: &[Week]) -> String {
    let met: usize = weeks.iter().map(|w| w.held).sum();
    let reviews = weeks.iter().filter(|w| w.review).count();
    let missed = weeks
        .iter()
        .filter(|w| w.state == WeekState::Missed)
        .count();
    let mut parts = vec![plural(met, "meeting")];
    if reviews > 0 {
        parts.push(plural(reviews, "review"));
    }
    parts.push(match missed {
        0 => "the cadence kept every week".to_string(),
        n => format!("the cadence missed {}", plural(n, "week")),
    });
    parts.join(" · ")
}

/// A week's ratings as one rating, rounded.
fn mean(ratings: &[u8]) -> Option<u8> {
    average(ratings).map(|avg| avg.round() as u8)
}

fn average(ratings: &[u8]) -> Option<f64> {
    (!ratings.is_empty())
        .then(|| ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / ratings.len() as f64)
}

/// Meetings held against what the cadence expected, as ten cells:
/// green when it kept up, yellow at half or more, red below.
pub fn cadence_bar(held: usize, expected: u32, paint: Paint) -> String {
    let expected = expected as usize;
    let cells = bar_cells(held, expected, 10);
    if cells.is_empty() {
        return cells;
    }
    if held >= expected {
        paint.green(&cells)
    } else if held * 2 >= expected {
        paint.yellow(&cells)
    } else {
        paint.red(&cells)
    }
}

/// The shade of a week with `n` meetings.
fn shade(n: usize, paint: Paint) -> String {
    match n {
        0 => paint.dim("·"),
        1 => paint.green("░"),
        2 => paint.green("▒"),
        3 => paint.green("▓"),
        _ => paint.green("█"),
    }
}

/// A year of meetings across the journal, a week a cell, darker for more
/// meetings; months under it and what the shades mean.
pub fn heat_strip(
    counts: &[usize],
    spans: &[(NaiveDate, NaiveDate)],
    width: usize,
    paint: Paint,
) -> Vec<String> {
    let cell = cell_width(counts.len(), width);
    let strip = cells(counts.iter().map(|n| shade(*n, paint)), cell);
    let mut legend: Vec<String> = [0, 1, 2, 3, 4]
        .map(|n| {
            let what = match n {
                0 => "none".to_string(),
                4 => "4+".to_string(),
                n => n.to_string(),
            };
            format!("{} {}", shade(n, paint), paint.dim(&what))
        })
        .to_vec();
    legend.push(paint.dim("meetings a week"));
    let mut lines = vec![
        format!("  {strip}"),
        format!("  {}", paint.dim(&month_axis(spans, cell))),
    ];
    lines.extend(pack(&legend, width));
    lines
}

/// How many weeks the journal's heat strip spans: a year.
pub const YEAR_WEEKS: usize = 52;

/// The journal's meetings in the year that ends on `until`, a week a cell,
/// as a section of a report: a heading, the strip, its months and shades.
pub fn year_section(ids: &[CheckinId], until: NaiveDate, width: usize, paint: Paint) -> String {
    let spans = spans(until, YEAR_WEEKS);
    let counts = weekly_counts(ids, until, YEAR_WEEKS);
    let held: usize = counts.iter().sum();
    let busiest = counts.iter().copied().max().unwrap_or(0);
    let mut out = format!(
        "\n{}\n  {}\n",
        paint.bold(&format!("Meetings in the 52 weeks to {until}")),
        plural(held, "meeting") + &format!(" held, at most {busiest} in a week")
    );
    for line in heat_strip(&counts, &spans, width, paint) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap_or_default()
    }

    fn week(first: &str, state: WeekState, review: bool, ratings: &[u8]) -> Week {
        let first = day(first);
        Week {
            first,
            last: first + chrono::Days::new(6),
            state,
            held: usize::from(state == WeekState::Met),
            review,
            ratings: ratings.to_vec(),
        }
    }

    #[test]
    fn a_strip_reads_without_colour() {
        let weeks = [
            week("2026-10-01", WeekState::NotStarted, false, &[]),
            week("2026-10-08", WeekState::Met, false, &[3]),
            week("2026-10-15", WeekState::Quiet, false, &[]),
            week("2026-10-22", WeekState::Met, true, &[5, 4]),
            week("2026-10-29", WeekState::Missed, false, &[]),
            week("2026-11-05", WeekState::Resting, false, &[]),
        ];
        let lines = meeting_strip(&weeks, 60, Paint::new(false));
        assert_eq!(lines[0], "    ● · ◆ ○ -");
        assert_eq!(lines[1], "    ▄   █       ratings, average 4.0");
        assert_eq!(lines[2], "  Oct     Nov");
        assert!(lines[3].starts_with("  ● met  ◆ reviewed  ○ cadence missed"));
        let narrow = meeting_strip(&weeks, 20, Paint::new(false));
        assert_eq!(narrow[0], "   ●·◆○-");
        assert_eq!(
            strip_summary(&weeks),
            "2 meetings · 1 review · the cadence missed 1 week"
        );
        let coloured = meeting_strip(&weeks, 60, Paint::new(true));
        assert!(coloured[0].contains('\u{1b}'));
    }

    #[test]
    fn bars_and_shades() {
        let plain = Paint::new(false);
        assert_eq!(cadence_bar(4, 5, plain), "▓▓▓▓▓▓▓▓░░");
        assert_eq!(cadence_bar(7, 5, plain), "▓▓▓▓▓▓▓▓▓▓");
        assert_eq!(cadence_bar(0, 0, plain), "");
        let spans = spans(day("2026-11-26"), 8);
        let lines = heat_strip(&[0, 1, 2, 3, 4, 9, 0, 1], &spans, 60, plain);
        assert_eq!(lines[0], "  · ░ ▒ ▓ █ █ · ░");
        assert_eq!(lines[1], "  Oct     Nov");
        assert!(lines[2].starts_with("  · none  ░ 1  ▒ 2  ▓ 3  █ 4+"));
    }
}
