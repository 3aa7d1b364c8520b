//! Text from people and files, made safe and neat for a terminal: control
//! characters (ANSI escapes among them) are shown, never obeyed.

/// Replaces control characters with visible escapes. Newlines and tabs
/// are kept when `multiline` is true.
pub fn sanitize_with(text: &str, multiline: bool) -> String {
    if !text
        .chars()
        .any(|c| c.is_control() || is_invisible_format(c))
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\t' if multiline => out.push(c),
            c if c.is_control() || is_invisible_format(c) => {
                out.extend(c.escape_default());
            }
            c => out.push(c),
        }
    }
    out
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
    if shown.chars().count() <= MAX {
        return shown;
    }
    let cut: String = shown.chars().take(MAX - 1).collect();
    format!("{cut}…")
}

/// Bidirectional overrides can make a line read differently than it is.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How many columns a string takes, not counting ANSI colour codes.
pub fn visible_width(text: &str) -> usize {
    let mut width = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ … final byte in @..~
            if chars.next() == Some('[') {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
        } else {
            width += 1;
        }
    }
    width
}

/// The first line of a text, cut to `max` characters with an ellipsis.
pub fn clip(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or("").trim_end();
    let more_lines = text.trim_end().contains('\n');
    let count = line.chars().count();
    if count <= max && !more_lines {
        return sanitize(line);
    }
    let keep = if count < max {
        count
    } else {
        max.saturating_sub(1)
    };
    let cut: String = line.chars().take(keep).collect();
    format!("{}…", sanitize(cut.trim_end()))
}

/// Word-wraps text to `width` columns. The first line continues a line
/// that already holds `used` columns; every later line starts with
/// `indent`. Line breaks in the text are kept; control characters shown.
pub fn wrap(text: &str, used: usize, width: usize, indent: &str) -> String {
    wrap_styled(&sanitize_with(text, true), used, width, indent)
}

/// Word-wraps text that is already safe and may hold colour codes, which
/// take no room.
pub fn wrap_styled(text: &str, used: usize, width: usize, indent: &str) -> String {
    let indent_width = visible_width(indent);
    let width = width.max(indent_width + 20);
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
            let len = visible_width(word);
            let gap = if line_empty { spaces } else { spaces + 1 };
            if !line_empty && column + gap + len > width {
                out.push('\n');
                out.push_str(indent);
                column = indent_width;
            } else {
                out.push_str(&" ".repeat(gap));
                column += gap;
            }
            out.push_str(word);
            column += len;
            line_empty = false;
            spaces = 0;
        }
    }
    out
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
    fn escapes_are_shown_not_obeyed() {
        assert_eq!(sanitize("ada\u{1b}[31m"), "ada\\u{1b}[31m");
        assert_eq!(sanitize("a\nb"), "a\\nb");
        assert_eq!(sanitize_with("a\nb", true), "a\nb");
        assert_eq!(sanitize("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(sanitize("Zoë"), "Zoë");
    }

    #[test]
    fn colour_codes_take_no_room() {
        assert_eq!(visible_width("\u{1b}[32m●\u{1b}[0m ok"), 4);
        assert_eq!(visible_width("plain"), 5);
    }

    #[test]
    fn clipping_marks_what_was_cut() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("a long line of text", 10), "a long li…");
        assert_eq!(clip("first\nsecond", 10), "first…");
    }
}
