//! How often a pair means to meet: `weekly`, `biweekly`, `monthly`,
//! `quarterly`, or `N` + `d`/`w`/`m`.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::{Span, parse_span};

/// A meeting rhythm. Keeps the spelling the person used (`14d` stays
/// `14d`), and compares by the span it means.
#[derive(Debug, Clone, Eq)]
pub struct Cadence {
    span: Span,
    spelling: String,
}

impl PartialEq for Cadence {
    fn eq(&self, other: &Self) -> bool {
        self.span == other.span
    }
}

impl Cadence {
    pub fn span(&self) -> Span {
        self.span
    }

    /// The day the cadence has passed `times` times since `from`.
    pub fn after(&self, from: NaiveDate, times: u32) -> NaiveDate {
        self.span.times(times).after(from)
    }

    pub fn approx_days(&self) -> u32 {
        self.span.approx_days()
    }
}

/// Why a cadence was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CadenceError(pub String);

impl fmt::Display for CadenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not a cadence", crate::text::echo(&self.0))
    }
}

impl std::error::Error for CadenceError {}

pub const CADENCE_HINT: &str = "a cadence is weekly, biweekly, monthly, quarterly, or a number of days, weeks or months: 10d, 3w, 2m";

impl FromStr for Cadence {
    type Err = CadenceError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let spelling = input.trim().to_lowercase();
        let span = match spelling.as_str() {
            "weekly" => Span::Weeks(1),
            "biweekly" | "fortnightly" => Span::Weeks(2),
            "monthly" => Span::Months(1),
            "quarterly" => Span::Months(3),
            other => parse_span(other).ok_or_else(|| CadenceError(input.to_string()))?,
        };
        if span.approx_days() == 0 || span.approx_days() > 3660 {
            return Err(CadenceError(input.to_string()));
        }
        Ok(Cadence { span, spelling })
    }
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.spelling)
    }
}

impl Serialize for Cadence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.spelling)
    }
}

impl<'de> Deserialize<'de> for Cadence {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|e: CadenceError| serde::de::Error::custom(format!("{e} ({CADENCE_HINT})")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;

    #[test]
    fn named_and_numeric_cadences() {
        let c = |s: &str| s.parse::<Cadence>().unwrap().span();
        assert_eq!(c("weekly"), Span::Weeks(1));
        assert_eq!(c("Biweekly"), Span::Weeks(2));
        assert_eq!(c("monthly"), Span::Months(1));
        assert_eq!(c("quarterly"), Span::Months(3));
        assert_eq!(c("10d"), Span::Days(10));
        assert_eq!(c("3w"), Span::Weeks(3));
        assert_eq!(c("2m"), Span::Months(2));
        for bad in ["", "0d", "often", "-2w", "w", "99999d"] {
            assert!(bad.parse::<Cadence>().is_err(), "{bad}");
        }
    }

    #[test]
    fn spelling_is_kept_but_meaning_compares() {
        let a: Cadence = "1w".parse().unwrap();
        let b: Cadence = "weekly".parse().unwrap();
        assert_eq!(a, b);
        assert_eq!(a.to_string(), "1w");
    }

    #[test]
    fn due_dates_follow_the_calendar() {
        let monthly: Cadence = "monthly".parse().unwrap();
        let jan31 = parse_iso("2026-01-31").unwrap();
        assert_eq!(monthly.after(jan31, 1), parse_iso("2026-02-28").unwrap());
        assert_eq!(monthly.after(jan31, 2), parse_iso("2026-03-31").unwrap());
        let two_weeks: Cadence = "2w".parse().unwrap();
        assert_eq!(two_weeks.after(jan31, 2), parse_iso("2026-02-28").unwrap());
    }
}
