//! The waypoint chart, planned against actual: every waypoint on one time
//! axis, from the day it was added to the day it was reached (or today),
//! with the day it was first due, each day it was moved to, and the day it
//! is due now. Plain text that reads without colour (NO_COLOR); colour only
//! adds to it.

use chrono::{Datelike, Months, NaiveDate};

use super::pictures::{pack, place};
use super::style::Paint;
use crate::model::date::days_between;
use crate::model::items::Waypoint;
use crate::model::replan::Planned;
use crate::text::width as columns;

/// What a cell of a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Open, before its due date.
    UnderWay,
    /// Open, past the day it was first due but not the one it moved to.
    Behind,
    /// Open past the due date in force.
    PastDue,
    /// Still open: the days left to its due date.
    ToGo,
    /// Still open: days left that the plan gained by moving it later.
    Slipped,
    /// A due date it was moved away from.
    WasDue,
    /// The due date in force.
    Due,
    Reached,
    ReachedLate,
    /// Open, today, not yet due.
    Open,
    /// Open, today, past its due date.
    Overdue,
    /// Today's column where a row has nothing else to show.
    Today,
}

impl Mark {
    fn glyph(self) -> &'static str {
        match self {
            Mark::UnderWay | Mark::Behind => "─",
            Mark::PastDue => "━",
            Mark::ToGo => "·",
            Mark::Slipped => "╌",
            Mark::WasDue => "◇",
            Mark::Due => "◆",
            Mark::Reached | Mark::ReachedLate => "●",
            Mark::Open => "▸",
            Mark::Overdue => "!",
            Mark::Today => "┊",
        }
    }

    fn paint(self, paint: Paint, text: &str) -> String {
        match self {
            Mark::UnderWay | Mark::ToGo | Mark::Today => paint.dim(text),
            Mark::Behind | Mark::Slipped | Mark::WasDue => paint.yellow(text),
            Mark::PastDue | Mark::ReachedLate | Mark::Overdue => paint.red(text),
            Mark::Reached => paint.green(text),
            Mark::Open => paint.cyan(text),
            Mark::Due => paint.bold(text),
        }
    }
}

/// What the marks mean, in the order the legend tells them.
const LEGEND: [(Mark, &str); 10] = [
    (Mark::UnderWay, "under way"),
    (Mark::Reached, "reached"),
    (Mark::Open, "still open"),
    (Mark::Overdue, "overdue"),
    (Mark::PastDue, "past due"),
    (Mark::Due, "due"),
    (Mark::WasDue, "was due"),
    (Mark::Slipped, "slipped"),
    (Mark::ToGo, "to go"),
    (Mark::Today, "today"),
];

/// One waypoint's plan and what happened to it.
struct Course {
    id: String,
    added: NaiveDate,
    /// The due dates it has had, the first planned first, the one in force
    /// last; never empty.
    dues: Vec<NaiveDate>,
    reached: Option<NaiveDate>,
}

impl Course {
    fn of(w: &Waypoint) -> Course {
        let mut dues = w.dues();
        if dues.is_empty() {
            dues.push(w.due);
        }
        Course {
            id: w.id.to_string(),
            added: w.added,
            dues,
            reached: w.reached,
        }
    }

    fn first_due(&self) -> NaiveDate {
        self.dues[0]
    }

    fn due(&self) -> NaiveDate {
        self.dues[self.dues.len() - 1]
    }

    /// Where the line ends: the day it was reached, or today.
    fn end(&self, today: NaiveDate) -> NaiveDate {
        self.reached.unwrap_or(today).max(self.added)
    }

    /// Reached after its due date, or still open past it.
    fn late(&self, today: NaiveDate) -> bool {
        self.end(today) > self.due()
    }

    /// `reached 16d early`, `due in 66d`, `12d overdue`; with `moves`,
    /// how far its plan moved: ` · moved twice, 118d later`.
    fn note(&self, today: NaiveDate, moves: bool) -> String {
        let days = |from, to| days_between(from, to);
        let mut note = match self.reached {
            Some(on) => match days(self.due(), on) {
                0 => "reached on the day".to_string(),
                d if d < 0 => format!("reached {}d early", -d),
                d => format!("reached {d}d late"),
            },
            None => match days(today, self.due()) {
                0 => "due today".to_string(),
                d if d > 0 => format!("due in {d}d"),
                d => format!("{}d overdue", -d),
            },
        };
        let moved = self.dues.len() - 1;
        if moves && moved > 0 {
            let times = match moved {
                1 => None,
                2 => Some("twice".to_string()),
                n => Some(format!("{n} times")),
            };
            let way = match days(self.first_due(), self.due()) {
                0 => None,
                d if d > 0 => Some(format!("{d}d later")),
                d => Some(format!("{}d earlier", -d)),
            };
            note.push_str(&match (times, way) {
                (None, None) => " · moved".to_string(),
                (Some(said), None) | (None, Some(said)) => format!(" · moved {said}"),
                (Some(times), Some(way)) => format!(" · moved {times}, {way}"),
            });
        }
        note
    }
}

/// The smallest track worth drawing the notes beside.
const MIN_TRACK: usize = 32;

/// The chart's lines: a row a waypoint, in the order given, the months
/// under them (each January by its year), and what the marks mean. Every
/// line fits `width`.
pub fn chart(waypoints: &[&Waypoint], today: NaiveDate, width: usize, paint: Paint) -> Vec<String> {
    let courses: Vec<Course> = waypoints.iter().map(|w| Course::of(w)).collect();
    let Some(axis) = Axis::over(&courses, today) else {
        return Vec::new();
    };
    let id_width = courses.iter().map(|c| columns(&c.id)).max().unwrap_or(0);
    let label = 2 + id_width + 2;
    let room = |notes: &[String]| {
        let widest = notes.iter().map(|n| columns(n)).max().unwrap_or(0);
        width.saturating_sub(label + 2 + widest)
    };
    let notes_with =
        |moves: bool| -> Vec<String> { courses.iter().map(|c| c.note(today, moves)).collect() };
    let (notes, track) = [notes_with(true), notes_with(false)]
        .into_iter()
        .map(|notes| {
            let track = room(&notes);
            (notes, track)
        })
        .find(|(_, track)| *track >= MIN_TRACK.min(axis.days + 1))
        .unwrap_or_else(|| (Vec::new(), width.saturating_sub(label)));
    let track = track.min(axis.days + 1).max(2);
    let axis = Axis { track, ..axis };

    let mut used: Vec<Mark> = Vec::new();
    let mut lines = Vec::new();
    for (i, course) in courses.iter().enumerate() {
        let cells = axis.row(course, today);
        used.extend(cells.iter().flatten());
        let mut line = format!("  {:<id_width$}  {}", course.id, draw(&cells, paint));
        if let Some(note) = notes.get(i) {
            let pad = track.saturating_sub(cells.len()) + 2;
            let note = if course.late(today) {
                paint.red(note)
            } else {
                paint.dim(note)
            };
            line.push_str(&format!("{}{note}", " ".repeat(pad)));
        }
        lines.push(line.trim_end().to_string());
    }
    let indent = " ".repeat(label);
    lines.push(format!("{indent}{}", paint.dim(&axis.months())));
    let legend: Vec<String> = LEGEND
        .iter()
        .filter(|(mark, _)| used.iter().any(|u| u.glyph() == mark.glyph()))
        .map(|(mark, what)| format!("{} {}", mark.paint(paint, mark.glyph()), paint.dim(what)))
        .collect();
    lines.extend(pack(&legend, width));
    lines
}

/// Cells as text, each run of one mark painted once.
fn draw(cells: &[Option<Mark>], paint: Paint) -> String {
    let mut out = String::new();
    let mut at = 0;
    while at < cells.len() {
        let mark = cells[at];
        let run = cells[at..].iter().take_while(|c| **c == mark).count();
        match mark {
            Some(mark) => out.push_str(&mark.paint(paint, &mark.glyph().repeat(run))),
            None => out.push_str(&" ".repeat(run)),
        }
        at += run;
    }
    out
}

/// The days the chart spans, drawn in `track` columns.
#[derive(Clone, Copy)]
struct Axis {
    start: NaiveDate,
    end: NaiveDate,
    /// Days from the first to the last, at least one.
    days: usize,
    track: usize,
}

impl Axis {
    /// From the earliest day any waypoint shows to the latest.
    fn over(courses: &[Course], today: NaiveDate) -> Option<Axis> {
        let days = || {
            courses.iter().flat_map(move |c| {
                [c.added, c.end(today)]
                    .into_iter()
                    .chain(c.dues.iter().copied())
            })
        };
        let start = days().min()?;
        let end = days().max()?;
        Some(Axis {
            start,
            end,
            days: days_between(start, end).max(1) as usize,
            track: 2,
        })
    }

    /// The column of a day, rounded to the nearest.
    fn col(&self, day: NaiveDate) -> usize {
        let from = days_between(self.start, day).clamp(0, self.days as i64) as usize;
        (from * (self.track - 1) + self.days / 2) / self.days
    }

    /// One waypoint's cells: the line from added to reached (or today),
    /// what is still to go, its due dates, and how it ended.
    fn row(&self, c: &Course, today: NaiveDate) -> Vec<Option<Mark>> {
        let mut cells: Vec<Option<Mark>> = vec![None; self.track];
        let end = c.end(today);
        let (added, last, due, first) = (
            self.col(c.added),
            self.col(end),
            self.col(c.due()),
            self.col(c.first_due()),
        );
        let later = c.due() > c.first_due();
        // As of a day before it was added, only its plan shows.
        let begun = c.reached.is_some() || today >= c.added;
        if c.reached.is_none() {
            let from = if begun { last + 1 } else { added };
            for (x, cell) in cells.iter_mut().enumerate().take(due).skip(from) {
                *cell = Some(if later && x > first {
                    Mark::Slipped
                } else {
                    Mark::ToGo
                });
            }
        }
        for (x, cell) in cells.iter_mut().enumerate().take(last).skip(added) {
            *cell = Some(if x > due {
                Mark::PastDue
            } else if later && x > first {
                Mark::Behind
            } else {
                Mark::UnderWay
            });
        }
        for was in &c.dues[..c.dues.len() - 1] {
            cells[self.col(*was)] = Some(Mark::WasDue);
        }
        cells[due] = Some(Mark::Due);
        if begun {
            cells[last] = Some(match (c.reached.is_some(), c.late(today)) {
                (true, false) => Mark::Reached,
                (true, true) => Mark::ReachedLate,
                (false, false) => Mark::Open,
                (false, true) => Mark::Overdue,
            });
        }
        if (self.start..=self.end).contains(&today) {
            let now = &mut cells[self.col(today)];
            if now.is_none() {
                *now = Some(Mark::Today);
            }
        }
        while cells.last() == Some(&None) {
            cells.pop();
        }
        cells
    }

    /// The months under the rows, each where it begins, a January by its
    /// year; the first month (with its year, when no January shows one)
    /// where there is room.
    fn months(&self) -> String {
        let mut firsts = Vec::new();
        let mut month = self.start.with_day(1).unwrap_or(self.start);
        while month <= self.end {
            if month > self.start {
                firsts.push(month);
            }
            month = match month.checked_add_months(Months::new(1)) {
                Some(next) => next,
                None => break,
            };
        }
        let januaries = firsts.iter().filter(|m| m.month() == 1);
        let start = if firsts.iter().any(|m| m.month() == 1) {
            self.start.format("%b").to_string()
        } else {
            self.start.format("%b %Y").to_string()
        };
        let labels = januaries
            .map(|m| (self.col(*m), m.year().to_string()))
            .chain([(0, start)])
            .chain(
                firsts
                    .iter()
                    .filter(|m| m.month() != 1)
                    .map(|m| (self.col(*m), m.format("%b").to_string())),
            );
        let track = self.track;
        place(labels.filter(|(at, label)| at + columns(label) <= track))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;
    use crate::model::replan::Replan;
    use crate::model::{Relationship, Role};

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap_or_default()
    }

    /// Grace's waypoints: one reached early, one reached late, one moved
    /// and open, one overdue.
    fn grace() -> Relationship {
        let mut rel = Relationship::new("Grace".into(), Role::Sponsor, day("2026-01-01"));
        let early = rel.add_waypoint("Lead".into(), day("2026-04-15"), day("2026-01-05"));
        rel.reach_waypoint(early, day("2026-03-30")).unwrap();
        let late = rel.add_waypoint("Present".into(), day("2026-05-31"), day("2026-01-05"));
        rel.reach_waypoint(late, day("2026-07-10")).unwrap();
        let moved = rel.add_waypoint("Own".into(), day("2026-10-31"), day("2026-07-13"));
        rel.replan(
            moved,
            &Replan::Move(day("2027-01-31")),
            day("2026-10-12"),
            None,
            None,
        )
        .unwrap();
        rel.add_waypoint("Packet".into(), day("2026-11-01"), day("2026-02-01"));
        rel
    }

    /// A line without its colour codes.
    fn without_colour(line: &str) -> String {
        let mut out = String::new();
        let mut rest = line;
        while let Some(at) = rest.find('\u{1b}') {
            out.push_str(&rest[..at]);
            let after = &rest[at..];
            rest = &after[after.find('m').map_or(after.len(), |m| m + 1)..];
        }
        out + rest
    }

    fn lines(rel: &Relationship, width: usize, paint: Paint) -> Vec<String> {
        let all: Vec<&Waypoint> = rel.waypoints.iter().collect();
        chart(&all, day("2026-11-26"), width, paint)
    }

    #[test]
    fn planned_against_actual_reads_without_colour() {
        let rel = grace();
        let text = lines(&rel, 100, Paint::new(false));
        for line in &text {
            assert!(columns(line) <= 100, "{line:?}");
        }
        // Reached early: the line stops short of its due date.
        assert!(text[0].starts_with("  w1  ─"), "{text:?}");
        assert!(
            text[0].contains("● ◆") || text[0].contains("●◆"),
            "{text:?}"
        );
        assert!(text[0].ends_with("reached 16d early"), "{text:?}");
        // Reached late: past its due date the line is heavy.
        assert!(text[1].contains("◆━"), "{text:?}");
        assert!(text[1].ends_with("reached 40d late"), "{text:?}");
        // Moved later: where it was first due, today, the slip, the due date.
        let w3 = &text[2];
        let order: Vec<usize> = ["◇", "▸", "╌", "◆"]
            .iter()
            .map(|g| w3.find(g).unwrap_or_else(|| panic!("no {g} in {w3:?}")))
            .collect();
        assert!(order.windows(2).all(|p| p[0] < p[1]), "{w3:?}");
        assert!(w3.ends_with("due in 66d · moved 92d later"), "{w3:?}");
        // Overdue, today.
        assert!(text[3].contains("◆━") && text[3].contains('!'), "{text:?}");
        assert!(text[3].ends_with("25d overdue"), "{text:?}");
        // Today's column where a row has nothing else.
        assert!(text[0].contains('┊') && text[1].contains('┊'), "{text:?}");
        // The months, and the year where it turns.
        assert!(text[4].trim_start().starts_with("Jan"), "{text:?}");
        assert!(
            text[4].contains("2027") && text[4].contains("Jun"),
            "{text:?}"
        );
        assert!(text[5].starts_with("  ─ under way  ● reached  ▸ still open  ! overdue"));
    }

    #[test]
    fn every_width_fits_and_colour_only_adds() {
        let rel = grace();
        for width in [24, 40, 60, 100, 200] {
            let plain = lines(&rel, width, Paint::new(false));
            for line in &plain {
                assert!(columns(line) <= width, "{width}: {line:?}");
            }
            let coloured = lines(&rel, width, Paint::new(true));
            assert!(coloured[0].contains('\u{1b}'));
            let stripped: Vec<String> = coloured.iter().map(|l| without_colour(l)).collect();
            assert_eq!(stripped, plain, "{width}");
        }
        // Narrow: the moves leave the notes before the notes leave.
        let narrow = lines(&rel, 60, Paint::new(false));
        assert!(narrow[2].ends_with("due in 66d"), "{narrow:?}");
    }

    #[test]
    fn a_short_plan_takes_a_column_a_day_at_most() {
        let mut rel = Relationship::new("Grace".into(), Role::Sponsor, day("2026-11-20"));
        rel.add_waypoint("Soon".into(), day("2026-11-30"), day("2026-11-20"));
        let text = lines(&rel, 200, Paint::new(false));
        assert_eq!(text[0], "  w1  ──────▸···◆  due in 4d");
        assert_eq!(text[1], "      Nov 2026");
        assert!(chart(&[], day("2026-11-26"), 100, Paint::new(false)).is_empty());
    }

    #[test]
    fn how_it_ended_or_stands_and_how_far_it_moved() {
        let course = |dues: &[&str], reached: Option<&str>| Course {
            id: "w1".into(),
            added: day("2026-01-01"),
            dues: dues.iter().map(|d| day(d)).collect(),
            reached: reached.map(day),
        };
        let today = day("2026-11-26");
        let note = |c: Course| c.note(today, true);
        assert_eq!(
            note(course(&["2026-06-30"], Some("2026-06-30"))),
            "reached on the day"
        );
        assert_eq!(
            note(course(&["2026-11-26", "2026-11-30"], None)),
            "due in 4d · moved 4d later"
        );
        assert_eq!(
            note(course(&["2026-12-10", "2027-01-10", "2026-12-10"], None)),
            "due in 14d · moved twice"
        );
        assert_eq!(
            note(course(
                &["2026-12-10", "2027-01-10", "2026-11-30", "2026-11-26"],
                None
            )),
            "due today · moved 3 times, 14d earlier"
        );
        assert_eq!(note(course(&["2026-11-20"], None)), "6d overdue");
        assert_eq!(
            course(&["2026-11-20", "2026-12-01"], None).note(today, false),
            "due in 5d"
        );
    }

    #[test]
    fn as_of_a_day_before_it_was_added_only_its_plan_shows() {
        let mut rel = Relationship::new("Grace".into(), Role::Sponsor, day("2026-11-01"));
        rel.add_waypoint("Now".into(), day("2026-11-30"), day("2026-11-01"));
        rel.add_waypoint("Later".into(), day("2026-12-20"), day("2026-12-01"));
        let all: Vec<&Waypoint> = rel.waypoints.iter().collect();
        let text = chart(&all, day("2026-11-10"), 60, Paint::new(false));
        assert!(text[1].find('┊') < text[1].find('·'), "{text:?}");
        assert!(text[1].contains("·◆  due in 40d"), "{text:?}");
        assert!(!text[1].contains('▸') && !text[1].contains('─'), "{text:?}");
    }
}
