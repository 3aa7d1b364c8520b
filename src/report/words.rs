//! Small English for every report: counts, days and spans in words.

use crate::model::date::Span;

/// `1 goal`, `3 goals`.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `today`, `yesterday`, `12 days ago`.
pub fn ago(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        -1 => "tomorrow".to_string(),
        d if d < 0 => format!("in {} days", -d),
        d => format!("{d} days ago"),
    }
}

/// `today`, `tomorrow`, `in 5 days`.
pub fn in_days(days: i64) -> String {
    ago(-days)
}

/// `3 months`, `2 weeks`, `1 day`.
pub fn span(span: Span) -> String {
    let (n, unit) = match span {
        Span::Days(n) => (n, "day"),
        Span::Weeks(n) => (n, "week"),
        Span::Months(n) => (n, "month"),
    };
    plural(n as usize, unit)
}

/// Text as one line: every run of white space (line breaks among them)
/// becomes one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_spans_read_as_words() {
        assert_eq!(ago(0), "today");
        assert_eq!(ago(1), "yesterday");
        assert_eq!(ago(12), "12 days ago");
        assert_eq!(in_days(1), "tomorrow");
        assert_eq!(in_days(5), "in 5 days");
        assert_eq!(span(Span::Months(3)), "3 months");
        assert_eq!(span(Span::Weeks(1)), "1 week");
        assert_eq!(plural(0, "goal"), "0 goals");
    }

    #[test]
    fn counts_and_days_read_as_words() {
        assert_eq!(plural(0, "goal"), "0 goals");
        assert_eq!(plural(1, "goal"), "1 goal");
        assert_eq!(plural(2, "goal"), "2 goals");
        assert_eq!(ago(0), "today");
        assert_eq!(ago(1), "yesterday");
        assert_eq!(ago(12), "12 days ago");
        assert_eq!(ago(-1), "tomorrow");
        assert_eq!(ago(-3), "in 3 days");
        assert_eq!(in_days(0), "today");
        assert_eq!(in_days(1), "tomorrow");
        assert_eq!(in_days(5), "in 5 days");
    }
}
