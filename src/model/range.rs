//! The days a history command looks at: `--since` and `--until`,
//! both included, either open.

use std::fmt;

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl DateRange {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.since.is_none_or(|s| s <= date) && self.until.is_none_or(|u| date <= u)
    }

    /// Every day there is.
    pub fn is_all(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }
}

/// `from 2026-10-01 to 2026-11-26`, `since 2026-10-01`, `until …`, or
/// nothing for all time.
impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.since, self.until) {
            (Some(s), Some(u)) if s == u => write!(f, "on {s}"),
            (Some(s), Some(u)) => write!(f, "from {s} to {u}"),
            (Some(s), None) => write!(f, "since {s}"),
            (None, Some(u)) => write!(f, "until {u}"),
            (None, None) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;

    #[test]
    fn both_ends_are_included() {
        let day = |s| parse_iso(s).unwrap();
        let p = DateRange {
            since: Some(day("2026-10-01")),
            until: Some(day("2026-10-31")),
        };
        assert!(p.contains(day("2026-10-01")) && p.contains(day("2026-10-31")));
        assert!(!p.contains(day("2026-09-30")) && !p.contains(day("2026-11-01")));
        assert!(DateRange::default().contains(day("1970-01-01")));
        assert_eq!(p.to_string(), "from 2026-10-01 to 2026-10-31");
        assert_eq!(DateRange::default().to_string(), "");
    }
}
