//! How search compares text: case and accents ignored, whitespace runs
//! alike, curly quotes as straight ones. `zoe` finds `Zoë`, `ZOË` and
//! `Zoe\u{308}`; `zoë` finds `Zoe`. Latin letters lose their accents (with
//! `deunicode`: `ß` is `ss`, `Æ` is `ae`, `ł` is `l`); other scripts are
//! matched letter for letter, ignoring case only (so `李` never matches
//! `li`).

use std::ops::Range;

/// Text in its folded form, with where each folded byte came from.
#[derive(Debug)]
pub struct Folded {
    pub text: String,
    /// Where the folded text came from, in order of the folded text.
    origin: Vec<Segment>,
}

/// A stretch of folded text and the original text behind it: either plain
/// ASCII, byte for byte, or one original character (or run of whitespace)
/// behind every byte of the stretch.
#[derive(Debug, Clone, Copy)]
struct Segment {
    folded: usize,
    original: usize,
    /// Bytes of folded text for `Plain`; of original text for `Whole`.
    len: usize,
    plain: bool,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        fold_with(original, true)
    }

    /// The original byte range behind a range of the folded text.
    fn original(&self, folded: Range<usize>) -> Option<Range<usize>> {
        let first = self.byte(folded.start)?;
        let last = self.byte(folded.end.checked_sub(1)?)?;
        Some(first.start..last.end)
    }

    /// The original bytes behind one folded byte.
    fn byte(&self, at: usize) -> Option<Range<usize>> {
        let seg = self.origin.get(
            self.origin
                .partition_point(|s| s.folded <= at)
                .checked_sub(1)?,
        )?;
        if seg.plain {
            let b = seg.original + (at - seg.folded);
            Some(b..b + 1)
        } else {
            Some(seg.original..seg.original + seg.len)
        }
    }
}

/// Folds text for comparison (without keeping where it came from).
pub fn fold(text: &str) -> String {
    fold_with(text, false).text
}

/// The one folding loop, fast over runs of plain ASCII (most of any
/// file: a line at a time), keeping where the folded text came from when
/// asked.
fn fold_with(text: &str, keep_origin: bool) -> Folded {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut origin: Vec<Segment> = Vec::new();
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII but for whitespace that folds into a neighbour's: a single
        // space between two other characters stays as it is.
        let plain = bytes[i..]
            .iter()
            .enumerate()
            .position(|(j, b)| {
                !b.is_ascii()
                    || (is_ascii_space(*b)
                        && (*b != b' '
                            || (j == 0 && space)
                            || bytes.get(i + j + 1).is_some_and(|n| is_ascii_space(*n))))
            })
            .unwrap_or(bytes.len() - i);
        if plain > 0 {
            let at = out.len();
            out.push_str(&text[i..i + plain]);
            out[at..].make_ascii_lowercase();
            if keep_origin {
                origin.push(Segment {
                    folded: at,
                    original: i,
                    len: plain,
                    plain: true,
                });
            }
            space = bytes[i + plain - 1] == b' ';
            i += plain;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c.is_whitespace() && space {
            extend_last(&mut origin, i + len);
        } else if c.is_whitespace() {
            if keep_origin {
                origin.push(whole(out.len(), i, len));
            }
            out.push(' ');
            space = true;
        } else {
            space = false;
            let at = out.len();
            fold_char(c, &mut out);
            if out.len() == at {
                // An accent written on its own belongs to the letter before.
                extend_last(&mut origin, i + len);
            } else if keep_origin {
                origin.push(whole(at, i, len));
            }
        }
        i += len;
    }
    Folded { text: out, origin }
}

fn whole(folded: usize, original: usize, len: usize) -> Segment {
    Segment {
        folded,
        original,
        len,
        plain: false,
    }
}

/// Makes the last original character (or whitespace run) reach `end`.
fn extend_last(origin: &mut Vec<Segment>, end: usize) {
    let Some(last) = origin.last_mut() else {
        return;
    };
    if !last.plain {
        last.len = end - last.original;
        return;
    }
    // The last byte of a plain stretch becomes a character of its own.
    last.len -= 1;
    let folded = last.folded + last.len;
    let original = last.original + last.len;
    if last.len == 0 {
        origin.pop();
    }
    origin.push(whole(folded, original, end - original));
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_combining(c) {
        return;
    }
    match c {
        'ς' => return out.push('σ'),
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => return out.push('\''),
        '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' => return out.push('"'),
        _ => {}
    }
    if is_latin(c)
        && c.is_alphabetic()
        && let Some(plain) = deunicode::deunicode_char(c)
        && !plain.is_empty()
        && plain.is_ascii()
    {
        out.extend(plain.chars().map(|p| p.to_ascii_lowercase()));
        return;
    }
    out.extend(c.to_lowercase().filter(|l| !is_combining(*l)));
}

/// Marks that sit on the letter before them: accents written separately.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}')
}

/// The Latin letters beyond ASCII: accented, ligatures, full-width.
fn is_latin(c: char) -> bool {
    matches!(c,
        '\u{00c0}'..='\u{024f}'
        | '\u{1e00}'..='\u{1eff}'
        | '\u{2c60}'..='\u{2c7f}'
        | '\u{a720}'..='\u{a7ff}'
        | '\u{ab30}'..='\u{ab6f}'
        | '\u{fb00}'..='\u{fb06}'
        | '\u{ff21}'..='\u{ff3a}'
        | '\u{ff41}'..='\u{ff5a}')
}

/// What a person searches for, folded once.
#[derive(Debug, Clone)]
pub struct Needle {
    folded: String,
    /// The runs of letters and digits in the folded needle: every one of
    /// them must be in a file's folded text for the file to match.
    runs: Vec<String>,
}

impl Needle {
    /// `None` when nothing is left to look for (only spaces or marks).
    pub fn new(text: &str) -> Option<Needle> {
        let folded = fold(text).trim().to_string();
        if folded.is_empty() {
            return None;
        }
        let runs = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|r| !r.is_empty())
            .map(str::to_string)
            .collect();
        Some(Needle { folded, runs })
    }

    /// Where the needle is in `text`, as byte ranges of `text`.
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        let folded = Folded::new(text);
        let mut found: Vec<Range<usize>> = Vec::new();
        for (at, m) in folded.text.match_indices(&self.folded) {
            let Some(range) = folded.original(at..at + m.len()) else {
                continue;
            };
            // Two matches inside one letter (`s` in `ß`) are one.
            match found.last_mut() {
                Some(last) if range.start < last.end => last.end = last.end.max(range.end),
                _ => found.push(range),
            }
        }
        found
    }

    /// Whether `text` holds the needle at all.
    pub fn is_in(&self, text: &str) -> bool {
        fold(text).contains(&self.folded)
    }

    /// A pre-filter on the raw text of a TOML file: false only when no
    /// string in the file can hold the needle, so the file need not be
    /// parsed. It never misses a match. Without a backslash in the file,
    /// every string is written as itself, so the whole needle must be in
    /// the folded file. With one, an escape may stand for any character
    /// (`\u00e9`) or a line-ending backslash join two lines: then each run
    /// of letters and digits of the needle must be there, unless the file
    /// has one of those escapes, when only a parse can tell.
    pub fn may_be_in_toml(&self, raw: &str) -> bool {
        if !raw.contains('\\') {
            return fold(raw).contains(&self.folded);
        }
        if self.runs.is_empty() || has_hiding_escape(raw) {
            return true;
        }
        let folded = fold(raw);
        self.runs.iter().all(|run| folded.contains(run.as_str()))
    }
}

/// A backslash that may turn into a letter or join two words: `\u`, `\U`,
/// `\x`, or a line-ending backslash. (Other escapes make punctuation or
/// control characters, never letters; counting an escaped `\\u` here too
/// only costs a parse.)
fn has_hiding_escape(raw: &str) -> bool {
    raw.as_bytes().windows(2).any(|pair| {
        pair[0] == b'\\' && matches!(pair[1], b'u' | b'U' | b'x' | b' ' | b'\t' | b'\r' | b'\n')
    })
}

/// The lines of a text that hold the needle: each with the byte ranges of
/// the matches in it. A match that spans a line break (a phrase wrapped
/// by hand) takes the lines it spans, joined with a space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    pub line: String,
    pub marks: Vec<Range<usize>>,
}

pub fn excerpts(text: &str, matches: &[Range<usize>]) -> Vec<Excerpt> {
    let mut spans: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
    for m in matches {
        let start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[m.end..].find('\n').map_or(text.len(), |i| m.end + i);
        match spans.last_mut() {
            Some((span, marks)) if start < span.end => {
                span.end = span.end.max(end);
                marks.push(m.clone());
            }
            _ => spans.push((start..end, vec![m.clone()])),
        }
    }
    spans
        .into_iter()
        .map(|(span, marks)| {
            let raw = &text[span.clone()];
            let lead = raw.len() - raw.trim_start().len();
            let line: String = raw
                .trim()
                .chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
                .collect();
            let marks = marks
                .into_iter()
                .map(|m| {
                    let shift = span.start + lead;
                    let start = m.start.saturating_sub(shift).min(line.len());
                    start..m.end.saturating_sub(shift).min(line.len())
                })
                .collect();
            Excerpt { line, marks }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(needle: &str, text: &str) -> Vec<String> {
        Needle::new(needle)
            .unwrap()
            .find_in(text)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn case_and_accents_are_ignored() {
        assert_eq!(found("zoe", "Met Zoë and ZOË"), ["Zoë", "ZOË"]);
        assert_eq!(found("zoë", "Zoe"), ["Zoe"]);
        assert_eq!(found("zoe", "Zoe\u{308} wrote"), ["Zoe\u{308}"]);
        assert_eq!(found("ecole", "L'École"), ["École"]);
        assert_eq!(found("strasse", "Hauptstraße 5"), ["straße"]);
        assert_eq!(found("STRASSE", "Hauptstraße 5"), ["straße"]);
        assert_eq!(found("lodz", "Łódź office"), ["Łódź"]);
        assert_eq!(found("aesop", "Æsop"), ["Æsop"]);
        assert_eq!(found("istanbul", "İstanbul"), ["İstanbul"]);
        assert_eq!(found("josé", "JOSE"), ["JOSE"]);
    }

    #[test]
    fn other_scripts_match_ignoring_case_only() {
        assert_eq!(found("δρόμος", "ΔΡΌΜΟΣ"), ["ΔΡΌΜΟΣ"]);
        assert_eq!(found("москва", "Москва"), ["Москва"]);
        assert_eq!(found("李小龙", "见了李小龙"), ["李小龙"]);
        assert!(found("li", "李小龙").is_empty());
    }

    #[test]
    fn whitespace_runs_and_quotes_are_alike() {
        assert_eq!(
            found("design review", "the design\n  review"),
            ["design\n  review"]
        );
        assert_eq!(found("o'brien", "Zoë O’Brien"), ["O’Brien"]);
        assert_eq!(found("  rfc  ", "the RFC"), ["RFC"]);
        assert!(Needle::new("  \u{301} ").is_none());
    }

    #[test]
    fn every_match_is_found() {
        assert_eq!(found("ab", "ab AB aB"), ["ab", "AB", "aB"]);
        assert_eq!(found("s", "ß"), ["ß"]);
    }

    #[test]
    fn the_pre_filter_never_misses_a_match() {
        let needle = Needle::new("Zoë's café").unwrap();
        for raw in [
            "notes = \"met zoe's CAFE\"",
            "notes = \"\"\"\nMet ZOË’s\n   Café\"\"\"",
            "notes = \"zo\\u00EB's caf\\u00e9\"",
            "notes = \"zo\\U000000EB's cafe\"",
            "notes = \"zo\\xEB's cafe\"",
            "notes = \"\"\"zo\\\n   e's cafe\"\"\"",
            "notes = \"\"\"zoe's \\\n   cafe\"\"\"",
            "notes = '''Zoë's café'''",
            "notes = \"\"\"\nZOË'S\n  CAFÉ\"\"\"",
        ] {
            let value: toml::Table = toml::from_str(raw).unwrap();
            assert!(needle.is_in(value["notes"].as_str().unwrap()), "{raw}");
            assert!(needle.may_be_in_toml(raw), "{raw}");
        }
        assert!(!needle.may_be_in_toml("notes = \"met zoe at the bakery\""));
        // Without a backslash the whole phrase must be there, not just its words.
        assert!(!needle.may_be_in_toml("notes = \"zoe's bakery, a cafe\""));
        // With one, each word must still be there.
        assert!(!needle.may_be_in_toml("notes = \"said \\\"cafe\\\" to zo\""));
        assert!(!Needle::new("—").unwrap().may_be_in_toml("notes = \"x\""));
        assert!(
            Needle::new("—")
                .unwrap()
                .may_be_in_toml("notes = \"\\\"x\"")
        );
    }

    proptest::proptest! {
        /// Every match maps back to original text that holds the needle,
        /// on character boundaries.
        #[test]
        fn matches_map_back_to_the_original(
            text in "[abeE é\u{301}ßsS'’\n\t\u{a0}Ω-]{0,30}",
            from in 0usize..30,
            len in 1usize..6,
        ) {
            let chars: Vec<char> = text.chars().collect();
            let from = from.min(chars.len());
            let picked: String = chars[from..(from + len).min(chars.len())].iter().collect();
            let Some(needle) = Needle::new(&picked) else { return Ok(()) };
            let found = needle.find_in(&text);
            proptest::prop_assert_eq!(!found.is_empty(), needle.is_in(&text));
            for r in found {
                proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                proptest::prop_assert!(fold(&text[r.clone()]).contains(&needle.folded), "{:?}", &text[r]);
            }
        }
    }

    #[test]
    fn escaped_quotes_are_found() {
        let needle = Needle::new("say \"hi\"").unwrap();
        let raw = "notes = \"we say \\\"hi\\\" now\"";
        assert!(needle.may_be_in_toml(raw));
        let value: toml::Table = toml::from_str(raw).unwrap();
        assert!(needle.is_in(value["notes"].as_str().unwrap()));
    }

    #[test]
    fn excerpts_are_the_lines_that_match() {
        let text = "first line\n  second has RFC and rfc\nthird";
        let needle = Needle::new("rfc").unwrap();
        let ex = excerpts(text, &needle.find_in(text));
        assert_eq!(ex.len(), 1);
        assert_eq!(ex[0].line, "second has RFC and rfc");
        let marked: Vec<&str> = ex[0].marks.iter().map(|r| &ex[0].line[r.clone()]).collect();
        assert_eq!(marked, ["RFC", "rfc"]);

        let text = "we did the design\nreview together\nand more";
        let needle = Needle::new("design review").unwrap();
        let ex = excerpts(text, &needle.find_in(text));
        assert_eq!(ex[0].line, "we did the design review together");
        assert_eq!(&ex[0].line[ex[0].marks[0].clone()], "design review");

        let text = "a x\nb\nc x";
        let ex = excerpts(text, &Needle::new("x").unwrap().find_in(text));
        let lines: Vec<&str> = ex.iter().map(|e| e.line.as_str()).collect();
        assert_eq!(lines, ["a x", "c x"]);
    }
}
