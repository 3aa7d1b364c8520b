//! Text from people and files, made safe and neat for a terminal: control
//! characters (ANSI escapes among them) are shown, never obeyed; widths
//! are counted in terminal columns.
//!
//! One rule says what is unsafe ([`is_unsafe`]): C0 controls but newline
//! and tab, DEL, C1 controls, and the bidi overrides and isolates
//! (U+202A–U+202E, U+2066–U+2069). Reports escape what they format
//! ([`sanitize`], [`echo`], [`clip`], [`wrap`]); then every byte rel
//! prints passes one edge, [`terminal_safe`] for text and [`json_safe`]
//! for JSON, so a string that slipped past its formatter is still shown,
//! never obeyed.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// Whether a character would be obeyed by a terminal (or reorder what it
/// shows) rather than printed: a control character (C0, DEL, C1) or a
/// bidirectional override or isolate. Newline and tab are controls too;
/// the callers decide whether to keep them.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// How an unsafe character is shown: `\u{1b}`, `\u{202e}` (and `\n`,
/// `\r`, `\t` for those three).
fn escape_into(out: &mut String, c: char) {
    out.extend(c.escape_default());
}

/// Replaces control characters with visible escapes. Newlines and tabs
/// are kept when `multiline` is true.
pub fn sanitize_with(text: &str, multiline: bool) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\t' if multiline => out.push(c),
            c if is_unsafe(c) => escape_into(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// The colour and emphasis codes rel itself prints when colour is on:
/// those of `report::style::Paint`, comfy-table's cell colours (an empty
/// `ESC[m` where NO_COLOR is set, which crossterm honours on its own) and
/// clap's help. Nothing else that starts with ESC passes the edge.
pub const SGR: &[&str] = &[
    "\u{1b}[m",
    "\u{1b}[0m",
    "\u{1b}[1m",
    "\u{1b}[2m",
    "\u{1b}[4m",
    "\u{1b}[31m",
    "\u{1b}[32m",
    "\u{1b}[33m",
    "\u{1b}[36m",
    "\u{1b}[39m",
    "\u{1b}[38;5;8m",
    "\u{1b}[38;5;9m",
    "\u{1b}[38;5;10m",
    "\u{1b}[38;5;11m",
];

/// The edge every byte of text output passes on its way to stdout or
/// stderr: each unsafe character ([`is_unsafe`]) is shown as an escape
/// (`\u{1b}`), except newline, tab, a CR before a newline and, when
/// `colour` is on, exactly the codes in [`SGR`]. Text that is already safe
/// comes back borrowed.
pub fn terminal_safe(text: &str, colour: bool) -> Cow<'_, str> {
    let Some(first) = first_unsafe(text.as_bytes(), 0) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    let mut rest = &text[first..];
    while let Some(c) = rest.chars().next() {
        if c == '\u{1b}'
            && colour
            && let Some(code) = SGR.iter().find(|code| rest.starts_with(**code))
        {
            out.push_str(code);
            rest = &rest[code.len()..];
            continue;
        }
        match c {
            '\n' | '\t' => out.push(c),
            '\r' if rest[1..].starts_with('\n') => out.push(c),
            c if is_unsafe(c) => escape_into(&mut out, c),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
        // Copy the safe run up to the next unsafe character in one go.
        let next = first_unsafe(rest.as_bytes(), 0).unwrap_or(rest.len());
        out.push_str(&rest[..next]);
        rest = &rest[next..];
    }
    Cow::Owned(out)
}

/// The edge for JSON: serde_json escapes C0 controls but writes DEL, C1
/// controls and bidi overrides raw, which a terminal showing the JSON
/// would obey. Each becomes a `\uXXXX` escape: the same string to any
/// JSON reader. Such characters can only stand inside strings in JSON
/// (everything outside is ASCII punctuation, digits, words and
/// whitespace), so the whole document is escaped in one pass.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    let Some(first) = first_unsafe(json.as_bytes(), 0) else {
        return Cow::Borrowed(json);
    };
    let mut out = String::with_capacity(json.len() + 16);
    out.push_str(&json[..first]);
    for c in json[first..].chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c if is_unsafe(c) => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The byte offset of the first character from `from` on that
/// [`is_unsafe`] holds for, newline and tab apart: a scan of bytes, as
/// fast as the edge must be for a large export.
fn first_unsafe(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        let unsafe_here = match b {
            b'\n' | b'\t' => false,
            // A line break written CR LF (an iCalendar file, a note from
            // Windows) moves nothing a plain LF would not.
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => false,
            0x00..=0x1f | 0x7f => true,
            // C1: U+0080–U+009F.
            0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
            // U+202A–U+202E and U+2066–U+2069.
            0xe2 => matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ),
            _ => false,
        };
        if unsafe_here {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// One-line text safe to print: every control character escaped.
pub fn sanitize(text: &str) -> String {
    sanitize_with(text, false)
}

/// Something a person typed, echoed back in a message: safe to print and
/// never longer than a line.
pub fn echo(input: &str) -> String {
    const MAX: usize = 48;
    let shown = sanitize(input);
    if width(&shown) <= MAX {
        return shown;
    }
    format!("{}…", columns_of(&shown, MAX - 1))
}

/// Bidirectional overrides can make a line read differently than it is.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How many terminal columns a string takes: two for a wide character
/// (CJK, most emoji), none for a combining mark or an ANSI colour code.
/// Every layout in rel measures with this, never by counting characters.
pub fn width(text: &str) -> usize {
    // Printable ASCII, by far the most common: a column a byte.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.len();
    }
    let mut columns = 0;
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        columns += UnicodeWidthStr::width(&rest[..at]);
        rest = after_escape(&rest[at..]);
    }
    columns + UnicodeWidthStr::width(rest)
}

/// What follows the escape that starts `text`: a CSI (ESC [ … final byte
/// in @..~), or ESC and the one character after it.
fn after_escape(text: &str) -> &str {
    let mut chars = text.chars();
    chars.next();
    if chars.next() == Some('[') {
        for c in chars.by_ref() {
            if ('@'..='~').contains(&c) {
                break;
            }
        }
    }
    chars.as_str()
}

/// The longest start of `text` that fits in `columns`: a wide character
/// that would straddle the edge is left out.
fn columns_of(text: &str, columns: usize) -> &str {
    let mut end = 0;
    for (at, c) in text.char_indices() {
        let next = at + c.len_utf8();
        if width(&text[..next]) > columns {
            break;
        }
        end = next;
    }
    &text[..end]
}

/// The first line of a text, cut to `max` columns with an ellipsis.
pub fn clip(text: &str, max: usize) -> String {
    let line = sanitize(text.lines().next().unwrap_or("").trim_end());
    let more_lines = text.trim_end().contains('\n');
    let columns = width(&line);
    if columns <= max && !more_lines {
        return line;
    }
    let keep = if columns < max {
        columns
    } else {
        max.saturating_sub(1)
    };
    format!("{}…", columns_of(&line, keep).trim_end())
}

/// Word-wraps text to `columns`. The first line continues a line that
/// already holds `used` columns; every later line starts with `indent`.
/// Line breaks in the text are kept; control characters shown.
pub fn wrap(text: &str, used: usize, columns: usize, indent: &str) -> String {
    wrap_styled(&sanitize_with(text, true), used, columns, indent)
}

/// Word-wraps text that is already safe and may hold colour codes, which
/// take no room. Words are kept whole, but CJK text, which runs its words
/// together, may break between any two of its characters.
pub fn wrap_styled(text: &str, used: usize, columns: usize, indent: &str) -> String {
    let indent_width = width(indent);
    let columns = columns.max(indent_width + 20);
    let mut out = String::new();
    let mut column = used;
    for (n, paragraph) in text.trim_end().lines().enumerate() {
        if n > 0 {
            out.push('\n');
            out.push_str(indent);
            column = indent_width;
        }
        let mut line_empty = true;
        let mut spaces = 0;
        for word in paragraph.split(' ') {
            if word.is_empty() {
                spaces += 1;
                continue;
            }
            let gap = if line_empty { spaces } else { spaces + 1 };
            let mut place = |piece: &str, gap: usize| {
                let len = width(piece);
                if !line_empty && column + gap + len > columns {
                    out.push('\n');
                    out.push_str(indent);
                    column = indent_width;
                } else {
                    out.extend(std::iter::repeat_n(' ', gap));
                    column += gap;
                }
                out.push_str(piece);
                column += len;
                line_empty = false;
            };
            if word.is_ascii() {
                // No CJK in it, so no break inside it.
                place(word, gap);
            } else {
                for (k, piece) in pieces(word).into_iter().enumerate() {
                    place(piece, if k == 0 { gap } else { 0 });
                }
            }
            spaces = 0;
        }
    }
    out
}

/// A word cut where a line may break inside it: next to a CJK character,
/// but never before a closing mark or one that takes no room (it belongs
/// to the character before), nor after an opening mark.
fn pieces(word: &str) -> Vec<&str> {
    const CLOSING: &str =
        "、。，．・：；？！）］｝〉》」』】〕ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.;:!?)]}\"'";
    const OPENING: &str = "（［｛〈《「『【〔([{\"'";
    let mut out = Vec::new();
    let mut start = 0;
    let mut before: Option<char> = None;
    for (at, c) in word.char_indices() {
        if let Some(b) = before
            && (is_cjk(b) || is_cjk(c))
            && !CLOSING.contains(c)
            && !OPENING.contains(b)
            && width(c.encode_utf8(&mut [0; 4])) > 0
        {
            out.push(&word[start..at]);
            start = at;
        }
        before = Some(c);
    }
    out.push(&word[start..]);
    out
}

/// Han, kana, hangul, CJK punctuation and full-width forms: scripts that
/// do not put spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
        | '\u{20000}'..='\u{3fffd}'
    )
}

pub mod help;

/// What a person most likely meant by `input`: the candidate fewest edits
/// away (a character added, dropped or changed, or two neighbours swapped),
/// if it is near enough to be a typo — at most one edit for every three
/// characters typed, rounded up, and never more than three. Of equally
/// near candidates, the first.
pub fn suggest<T: AsRef<str>>(input: &str, candidates: impl IntoIterator<Item = T>) -> Option<T> {
    let limit = input.chars().count().div_ceil(3).min(3);
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(input, c.as_ref()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(
            wrap("one two three four five six seven", 0, 24, "  "),
            "one two three four five\n  six seven"
        );
        assert_eq!(wrap("a\nb", 4, 80, "> "), "a\n> b");
        assert_eq!(wrap("  two  spaces", 0, 80, ""), "  two  spaces");
        assert_eq!(
            wrap("aaaa bbbb cccc dddd eeee ffff gggg hhhh", 10, 30, "  "),
            "aaaa bbbb cccc dddd\n  eeee ffff gggg hhhh"
        );
    }

    use super::*;

    #[test]
    fn the_byte_scan_and_the_rule_agree_on_every_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let expected = (is_unsafe(c) && c != '\n' && c != '\t').then_some(1);
            assert_eq!(first_unsafe(text.as_bytes(), 0), expected, "{c:?}");
        }
    }

    #[test]
    fn the_terminal_edge_shows_every_control_but_rels_own_colours() {
        let hostile = "a\u{1b}[2J\u{1b}]52;c;eA==\u{7}\u{9b}31m\u{202e}x\u{2066}\u{7f}\r";
        let shown = terminal_safe(hostile, true);
        assert_eq!(
            shown,
            "a\\u{1b}[2J\\u{1b}]52;c;eA==\\u{7}\\u{9b}31m\\u{202e}x\\u{2066}\\u{7f}\\r"
        );
        assert!(!shown.chars().any(is_unsafe));
        // Newlines and tabs are text; safe text is not copied.
        assert!(matches!(
            terminal_safe("Zoë\n\t·●…", false),
            Cow::Borrowed(_)
        ));
        // rel's own colour passes only when colour is on, and only exactly.
        let red = "\u{1b}[31mred\u{1b}[0m";
        assert_eq!(terminal_safe(red, true), red);
        assert_eq!(terminal_safe(red, false), "\\u{1b}[31mred\\u{1b}[0m");
        assert_eq!(
            terminal_safe("\u{1b}[38;5;196m\u{1b}[31;1m\u{1b}[3", true),
            "\\u{1b}[38;5;196m\\u{1b}[31;1m\\u{1b}[3"
        );
    }

    #[test]
    fn the_json_edge_escapes_what_serde_json_leaves_raw() {
        let value = "\u{1b}[2J \u{9b}31m \u{202e}olleh \u{2069} \u{7f} Zoë";
        let json = serde_json::to_string(value).unwrap();
        assert!(json.contains('\u{9b}'), "serde_json writes C1 raw");
        let safe = json_safe(&json);
        assert_eq!(
            safe,
            r#""\u001b[2J \u009b31m \u202eolleh \u2069 \u007f Zoë""#
        );
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), value);
        assert!(matches!(
            json_safe("{\n  \"a\": \"·\"\n}"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escapes_are_shown_not_obeyed() {
        assert_eq!(sanitize("ada\u{1b}[31m"), "ada\\u{1b}[31m");
        assert_eq!(sanitize("a\nb"), "a\\nb");
        assert_eq!(sanitize_with("a\nb", true), "a\nb");
        assert_eq!(sanitize("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(sanitize("Zoë"), "Zoë");
    }

    #[test]
    fn colour_codes_take_no_room() {
        assert_eq!(width("\u{1b}[32m●\u{1b}[0m ok"), 4);
        assert_eq!(width("plain"), 5);
    }

    #[test]
    fn clipping_marks_what_was_cut() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("a long line of text", 10), "a long li…");
        assert_eq!(clip("first\nsecond", 10), "first…");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("李小龍"), 6);
        assert_eq!(width("Zoë"), 3);
        assert_eq!(width("Zoe\u{308}"), 3);
        assert_eq!(width("🎉 done"), 7);
        assert_eq!(width("👩\u{200d}💻"), 2);
        assert_eq!(width("\u{1b}[1m李\u{1b}[0m"), 2);
        assert_eq!(width(""), 0);
    }

    #[test]
    fn clipping_counts_columns_and_never_splits_a_wide_character() {
        assert_eq!(clip("李小龍", 6), "李小龍");
        assert_eq!(clip("李小龍", 5), "李小…");
        assert_eq!(clip("李小龍", 4), "李…");
        assert_eq!(clip("主持一次设计评审会议", 9), "主持一次…");
        assert_eq!(clip("🎉🎉🎉🎉", 6), "🎉🎉…");
        assert_eq!(clip("李小龍\nnext", 10), "李小龍…");
        for max in 1..14 {
            for text in ["主持一次设计评审会议", "a李b小c龍d", "🎉 party 🎉🎉"] {
                let clipped = clip(text, max);
                assert!(width(&clipped) <= max.max(1), "{max}: {clipped}");
            }
        }
        assert_eq!(echo(&"李".repeat(30)), format!("{}…", "李".repeat(23)));
        assert_eq!(echo("李小龍"), "李小龍");
    }

    #[test]
    fn cjk_text_wraps_between_characters() {
        let notes = "我们讨论了设计文档的结构，以及如何在评审会上回答难题。";
        let wrapped = wrap(notes, 0, 24, "  ");
        assert_eq!(
            wrapped,
            // A comma never starts a line: 构 goes down with it.
            "我们讨论了设计文档的结\n  构，以及如何在评审会上\n  回答难题。"
        );
        for line in wrapped.lines() {
            assert!(width(line) <= 24, "{line}");
        }
        // Latin words inside CJK text stay whole; so do quotes.
        assert_eq!(
            wrap("用Rust写一个小工具给团队用", 0, 20, ""),
            "用Rust写一个小工具给\n团队用"
        );
        assert_eq!(wrap("他说「好的」", 0, 20, ""), "他说「好的」");
        // Emoji stay whole and count two columns.
        let party = wrap("🎉 🎉 🎉 🎉 🎉 🎉 🎉 🎉 🎉 🎉", 0, 20, "");
        assert_eq!(party, "🎉 🎉 🎉 🎉 🎉 🎉 🎉\n🎉 🎉 🎉");
        // Colour codes take no room and are never cut.
        let styled = format!("\u{1b}[1m{}\u{1b}[0m", "李".repeat(12));
        let wrapped = wrap_styled(&styled, 0, 20, "");
        assert_eq!(wrapped.lines().count(), 2);
        for line in wrapped.lines() {
            assert!(width(line) <= 20, "{line:?}");
        }
    }

    #[test]
    fn suggestions_allow_one_typo_in_three_characters() {
        let keys = ["notes", "rating", "text", "how", "format", "purpose"];
        let best = |s: &str| suggest(s, keys);
        assert_eq!(best("nots"), Some("notes"));
        assert_eq!(best("hwo"), Some("how"));
        assert_eq!(best("fromat"), Some("format"));
        assert_eq!(best("tekst"), Some("text"));
        assert_eq!(best("ratin"), Some("rating"));
        assert_eq!(best("purpse"), Some("purpose"));
        assert_eq!(best("rating"), Some("rating"));
        // One edit in three letters, two in four to six, three at most.
        assert_eq!(best("hxx"), None);
        assert_eq!(best("mood"), None);
        assert_eq!(best("favourite_tea"), None);
        assert_eq!(
            suggest("abcdefghijkl", ["abcdefghiXYZ"]),
            Some("abcdefghiXYZ")
        );
        assert_eq!(suggest("abcdefghijkl", ["abcdefghWXYZ"]), None);
        // The first of equally near candidates; nothing from nothing.
        assert_eq!(suggest("cat", ["bat", "cut"]), Some("bat"));
        assert_eq!(suggest("cat", Vec::<String>::new()), None);
        assert_eq!(suggest("", ["a"]), None);
        // Characters, not bytes.
        assert_eq!(suggest("zoé", ["zoe", "zoë"]), Some("zoe"));
        assert_eq!(suggest("李小龙", ["李小龍"]), Some("李小龍"));
    }
}
