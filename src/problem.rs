//! A problem with one file of the journal, located as `path:line:col`.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::text::{sanitize, sanitize_with};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Warning,
    Error,
}

/// What is wrong with a file, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// A name that is not UTF-8 is written with U+FFFD where a byte does
    /// not read: JSON cannot carry it, and the problem must still show.
    #[serde(serialize_with = "lossy")]
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    pub fn error(path: &Path, message: impl Into<String>) -> Problem {
        Problem {
            path: path.to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    pub fn warning(path: &Path, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, message)
        }
    }

    /// Places the problem at a byte offset of the file's text.
    pub fn at(mut self, text: &str, offset: usize) -> Problem {
        let (line, column) = line_col(text, offset);
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn at_line(mut self, line: usize, column: usize) -> Problem {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

/// `path:line:col: message`, the file's name and the message shown safe
/// to print: a file from elsewhere may be named to steer the terminal.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", sanitize(&self.path.to_string_lossy()))?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", sanitize_with(&self.message, true))
    }
}

fn lossy<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_messages_are_shown_not_obeyed() {
        let p = Problem::warning(
            Path::new("/j/n\u{1b}[2J.toml"),
            "'\u{9b}2J' is not a cadence\nsecond \u{202e}line",
        )
        .at_line(1, 2);
        assert_eq!(
            p.to_string(),
            "/j/n\\u{1b}[2J.toml:1:2: '\\u{9b}2J' is not a cadence\nsecond \\u{202e}line"
        );
    }

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        assert_eq!(line_col(text, 9), (2, 3));
        assert_eq!(line_col(text, 999), (3, 1));
    }
}
