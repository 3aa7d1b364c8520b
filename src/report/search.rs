//! `rel search TEXT`: each matching line with its relationship, date and
//! place, the match marked when colour is on; or JSON.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;

use super::style::Paint;
use crate::model::search::Hit;
use crate::problem::Problem;
use crate::text::{sanitize, width, wrap_styled};

/// A hit and the relationship it is in.
pub struct Found<'a> {
    pub handle: &'a str,
    pub hit: Hit,
}

const INDENT: &str = "    ";

/// A matching line longer than this many screen lines is cut down to the
/// part around its first match.
const MAX_LINES: usize = 3;

pub fn render(found: &[Found<'_>], width: usize, paint: Paint) -> String {
    let mut out = String::new();
    for f in found {
        let header = format!(
            "{}  {}  {}",
            paint.bold(&f.hit.date.to_string()),
            f.handle,
            paint.dim(&f.hit.place.to_string())
        );
        out.push_str(header.trim_end());
        out.push('\n');
        let room = width.saturating_sub(INDENT.len()).max(20) * MAX_LINES;
        let (line, marks) = window(&f.hit.excerpt.line, &f.hit.excerpt.marks, room);
        let text = marked(&line, &marks, paint);
        out.push_str(INDENT);
        out.push_str(&wrap_styled(&text, INDENT.len(), width, INDENT));
        out.push('\n');
    }
    out
}

/// The line made safe for a terminal, the matches highlighted (word by
/// word, so that wrapping never carries a colour onto the next line).
fn marked(line: &str, marks: &[Range<usize>], paint: Paint) -> String {
    let mut out = String::new();
    let mut at = 0;
    for m in marks {
        if m.start < at || m.end > line.len() {
            continue;
        }
        out.push_str(&sanitize(&line[at..m.start]));
        let words: Vec<String> = sanitize(&line[m.clone()])
            .split(' ')
            .map(|w| paint.highlight(w))
            .collect();
        out.push_str(&words.join(" "));
        at = m.end;
    }
    out.push_str(&sanitize(&line[at..]));
    out
}

/// At most `room` columns of a long line, around its first match and cut
/// between words, with `…` where something was left out.
fn window(line: &str, marks: &[Range<usize>], room: usize) -> (String, Vec<Range<usize>>) {
    let chars: Vec<usize> = line.char_indices().map(|(i, _)| i).collect();
    let n = chars.len();
    let byte = |c: usize| chars.get(c).copied().unwrap_or(line.len());
    // The column each character starts at; the last, the line's width.
    let mut columns = Vec::with_capacity(n + 1);
    columns.push(0);
    for c in 0..n {
        columns.push(columns[c] + width(&line[byte(c)..byte(c + 1)]));
    }
    if columns[n] <= room {
        return (line.to_string(), marks.to_vec());
    }
    let char_at = |b: usize| chars.partition_point(|i| *i < b);
    let (first, first_end) = marks
        .first()
        .map_or((0, 0), |m| (char_at(m.start), char_at(m.end)));
    // Room for the text between `… ` and ` …`: a third of it before the
    // match, unless the line ends sooner.
    let budget = room.saturating_sub(4).max(8);
    let from_column = columns[first]
        .saturating_sub(room / 3)
        .min(columns[n].saturating_sub(budget));
    let mut start = columns.partition_point(|c| *c < from_column);
    let to_column = columns[start] + budget;
    let mut end = columns.partition_point(|c| *c <= to_column) - 1;
    if start > 0
        && let Some(space) = line[byte(start)..byte(first)].find(' ')
    {
        start = char_at(byte(start) + space + 1);
    }
    if end < n
        && first_end < end
        && let Some(space) = line[byte(first_end)..byte(end)].rfind(' ')
    {
        end = char_at(byte(first_end) + space);
    }
    let (from, to) = (byte(start), byte(end));
    let prefix = if from > 0 { "… " } else { "" };
    let suffix = if to < line.len() { " …" } else { "" };
    let text = format!("{prefix}{}{suffix}", &line[from..to]);
    let shift = prefix.len();
    let marks = marks
        .iter()
        .filter(|m| m.start >= from && m.end <= to)
        .map(|m| m.start - from + shift..m.end - from + shift)
        .collect();
    (text, marks)
}

/// `rel search TEXT --json`.
#[derive(Serialize)]
pub struct Search<'a> {
    pub query: &'a str,
    pub hits: Vec<HitJson<'a>>,
    pub problems: &'a [Problem],
}

#[derive(Serialize)]
pub struct HitJson<'a> {
    pub handle: &'a str,
    pub date: NaiveDate,
    /// In words: `checkin 2026-11-20-1 notes`, `goal g2`, `purpose`.
    pub place: String,
    /// The key of the text in its file: `notes`, `goal`, `their_aims`, …
    pub field: &'static str,
    pub checkin: Option<String>,
    pub item: Option<String>,
    pub line: &'a str,
    /// Each match as `[start, end)` in characters of `line`.
    pub matches: Vec<[usize; 2]>,
}

pub fn json<'a>(query: &'a str, found: &'a [Found<'a>], problems: &'a [Problem]) -> Search<'a> {
    let hits = found
        .iter()
        .map(|f| {
            let line = f.hit.excerpt.line.as_str();
            let chars = |byte: usize| line.get(..byte).map_or(0, |s| s.chars().count());
            HitJson {
                handle: f.handle,
                date: f.hit.date,
                place: f.hit.place.to_string(),
                field: f.hit.place.field(),
                checkin: f.hit.place.checkin().map(|id| id.to_string()),
                item: f.hit.place.item().map(|id| id.to_string()),
                line,
                matches: f
                    .hit
                    .excerpt
                    .marks
                    .iter()
                    .map(|m| [chars(m.start), chars(m.end)])
                    .collect(),
            }
        })
        .collect();
    Search {
        query,
        hits,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn long_lines_are_cut_around_the_match() {
        let line = format!("{} needle {}", "word ".repeat(40), "tail ".repeat(40));
        let at = line.find("needle").unwrap();
        let (text, marks) = window(&line, &[at..at + 6], 60);
        assert!(text.starts_with("… word"), "{text}");
        assert!(text.ends_with(" …"), "{text}");
        assert!(width(&text) <= 60, "{text}");
        assert_eq!(&text[marks[0].clone()], "needle");

        let line = format!("{}the end", "wörd ".repeat(40));
        let at = line.find("end").unwrap();
        let (text, marks) = window(&line, &[at..at + 3], 60);
        assert!(text.starts_with("… wörd"), "{text}");
        assert!(text.ends_with("the end"), "{text}");
        assert!(width(&text) > 50 && width(&text) <= 60, "{text}");
        assert_eq!(&text[marks[0].clone()], "end");

        let (text, marks) = window("short needle", &[6..12], 60);
        assert_eq!((text.as_str(), marks), ("short needle", vec![6..12]));
    }

    proptest::proptest! {
        /// Any line, any match, any room: a window that fits, marks on
        /// character boundaries, and no panic.
        #[test]
        fn windows_fit_and_keep_their_marks(
            text in "[ab é\u{301}ßΩ\n\t-]{0,80}",
            from in 0usize..80,
            len in 1usize..12,
            room in 8usize..40,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let from = from.min(chars.len());
            let picked: String = chars[from..(from + len).min(chars.len())].iter().collect();
            let Some(needle) = crate::model::fold::Needle::new(&picked) else { return Ok(()) };
            let found = needle.find_in(&text);
            for excerpt in crate::model::fold::excerpts(&text, &found) {
                let (line, marks) = window(&excerpt.line, &excerpt.marks, room);
                proptest::prop_assert!(width(&line) <= room.max(12), "{:?}", line);
                for m in &marks {
                    proptest::prop_assert!(line.get(m.clone()).is_some());
                }
                marked(&line, &marks, Paint::new(true));
            }
        }
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn matches_are_marked_word_by_word() {
        let paint = Paint::new(true);
        let text = marked("a design review b", &[2..15], paint);
        assert_eq!(
            text,
            format!(
                "a {} {} b",
                paint.highlight("design"),
                paint.highlight("review")
            )
        );
        assert_eq!(marked("a\u{1b}b", &[], Paint::new(false)), "a\\u{1b}b");
    }
}
