//! A command's help text, fitted to the terminal before clap prints it:
//! prose reflowed, and example command lines broken only between
//! arguments, a flag kept with its value and a quoted phrase whole, each
//! broken line ending in ` \` so it still pastes into a shell.

use super::{width, wrap_styled};

/// Fits `text` (a command's long help, written at about 76 columns) to
/// `columns`. Lines that fit are left as written; a paragraph of prose
/// with a line that does not is reflowed; an indented line that does not
/// (an example, a setting) is broken as a shell would read it.
pub fn fit(text: &str, columns: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut prose: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.starts_with(' ') || line.trim().is_empty() {
            flush_prose(&mut prose, columns, &mut out);
            if width(line) <= columns {
                out.push(line.to_string());
            } else {
                out.extend(command_lines(line, columns));
            }
        } else {
            prose.push(line);
        }
    }
    flush_prose(&mut prose, columns, &mut out);
    out.join("\n")
}

/// Lines of prose, as written when they fit, else reflowed as one.
fn flush_prose(prose: &mut Vec<&str>, columns: usize, out: &mut Vec<String>) {
    if prose.iter().all(|l| width(l) <= columns) {
        out.extend(prose.iter().map(|l| l.to_string()));
    } else {
        let joined = prose.join(" ");
        out.extend(
            wrap_styled(&joined, 0, columns, "")
                .lines()
                .map(str::to_string),
        );
    }
    prose.clear();
}

/// An indented command line, broken between its arguments: a flag stays
/// with its value and a quoted phrase stays whole; a comment that does
/// not fit goes on the line above.
fn command_lines(line: &str, columns: usize) -> Vec<String> {
    let indent = &line[..line.len() - line.trim_start().len()];
    let (command, comment) = split_comment(line.trim_start());
    let mut out = Vec::new();
    if let Some(comment) = comment {
        let tight = format!("{indent}{command}  {comment}");
        if width(&tight) <= columns {
            return vec![tight];
        }
        let lead = format!("{indent}# ");
        let text = comment.trim_start_matches('#').trim_start();
        let wrapped = wrap_styled(text, width(&lead), columns, &lead);
        out.push(format!("{lead}{wrapped}"));
    }
    let more = format!("{indent}    ");
    let mut current = indent.to_string();
    let mut empty = true;
    // A flag and its value wider than a line by themselves go on two.
    let units = groups(command).into_iter().flat_map(|group| {
        if width(&more) + width(&group) + 2 > columns {
            words(&group)
        } else {
            vec![group]
        }
    });
    for group in units {
        // Room for the group and, should another follow, for " \".
        if !empty && width(&current) + 1 + width(&group) + 2 > columns {
            current.push_str(" \\");
            // A phrase too long for a continued line starts at the margin.
            let lead = if width(&more) + width(&group) + 2 > columns {
                indent
            } else {
                &more
            };
            out.push(std::mem::replace(&mut current, lead.to_string()));
            empty = true;
        }
        if !empty {
            current.push(' ');
        }
        current.push_str(&group);
        empty = false;
    }
    out.push(current);
    out
}

/// A command and its `# comment`, if any (a `#` outside quotes that
/// starts a word).
fn split_comment(line: &str) -> (&str, Option<&str>) {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (at, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && previous == ' ' => {
                return (line[..at].trim_end(), Some(&line[at..]));
            }
            None => {}
        }
        previous = c;
    }
    (line, None)
}

/// The words of a command grouped where a line should not break: a flag
/// with the value after it, a pipe with the command after it.
fn groups(command: &str) -> Vec<String> {
    let is_flag = |w: &str| w.starts_with('-') && w.len() > 1;
    let mut groups: Vec<String> = Vec::new();
    let mut words = words(command).into_iter().peekable();
    while let Some(word) = words.next() {
        let takes_next = match words.peek() {
            Some(next) if word == "|" => !next.is_empty(),
            Some(next) => is_flag(&word) && !word.contains('=') && !is_flag(next),
            None => false,
        };
        match words.next_if(|_| takes_next) {
            Some(next) => groups.push(format!("{word} {next}")),
            None => groups.push(word),
        }
    }
    groups
}

/// The words of a command as a shell splits them, quotes kept.
fn words(command: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    for c in command.chars() {
        match quote {
            Some(q) => {
                word.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == ' ' => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                word.push(c);
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    const HELP: &str = "\
Record a meeting

Writes one new check-in file: the notes, how valuable it felt, what is
working and what is not.

Examples:
  rel checkin ada-lovelace
  rel checkin ada-lovelace -m \"Talked through the RFC\" --rating 4 --working \"Weekly cadence\" --done a3
  pbpaste | rel checkin linus -m - --review
  rel actions          # every open action, oldest first";

    #[test]
    fn what_fits_is_left_as_written() {
        let wide = fit(HELP, 200);
        assert_eq!(wide, HELP);
    }

    #[test]
    fn examples_break_between_arguments_only() {
        let narrow = fit(HELP, 44);
        assert_eq!(
            narrow,
            "\
Record a meeting

Writes one new check-in file: the notes, how
valuable it felt, what is working and what
is not.

Examples:
  rel checkin ada-lovelace
  rel checkin ada-lovelace \\
      -m \"Talked through the RFC\" \\
      --rating 4 \\
      --working \"Weekly cadence\" --done a3
  pbpaste | rel checkin linus -m - --review
  # every open action, oldest first
  rel actions"
        );
        assert_eq!(
            fit(HELP, 50).lines().last(),
            Some("  rel actions  # every open action, oldest first")
        );
        let narrower = fit(HELP, 30);
        for line in narrower.lines() {
            // A flag and its value wider than the terminal stay whole.
            let alone = groups(line.trim().trim_end_matches(" \\")).len() == 1;
            assert!(width(line) <= 30 || alone, "{line:?}");
        }
        assert!(
            narrower.contains("  # every open action, oldest\n  # first\n  rel actions"),
            "{narrower}"
        );
        assert!(narrower.contains("      --done a3"), "{narrower}");
        assert!(
            narrower.contains("  pbpaste | rel checkin \\\n      linus -m - --review"),
            "{narrower}"
        );
    }

    #[test]
    fn words_are_split_as_a_shell_splits_them() {
        assert_eq!(
            groups("rel x 'a b' --due \"in 2w\" --theirs --date=today -m - | jq ."),
            [
                "rel",
                "x",
                "'a b'",
                "--due \"in 2w\"",
                "--theirs",
                "--date=today",
                "-m -",
                "| jq",
                "."
            ]
        );
    }
}
