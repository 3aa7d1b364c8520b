//! Calendar dates: what a person types (`today`, `3d ago`, `in 2w`,
//! `2026-11-26`) and what a TOML file holds (a native date or a string).

use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::de::{self, MapAccess, Unexpected, Visitor};
use serde::{Deserializer, Serializer};

/// Why a typed date was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub input: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}' is not a date", crate::text::echo(&self.input))
    }
}

impl std::error::Error for DateError {}

/// The hint shown with a [`DateError`].
pub const DATE_HINT: &str = "dates look like 2026-11-26, 26 Nov, today, yesterday, 3d ago, in 2w, -1m, friday, last monday, next week or end of month";

/// Which way an ambiguous day name leans: `friday` in `--date friday` is
/// the one just past; in `--due friday` the one coming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    Past,
    Future,
}

/// Parses a strict `YYYY-MM-DD` date. By hand rather than with chrono's
/// general parser: every date of every file passes through here.
pub fn parse_iso(input: &str) -> Option<NaiveDate> {
    let b = input.trim().as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    // By hand: every check-in's file name goes through here, and chrono's
    // format parser costs more than the rest of reading the name.
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(&b[..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, number(&b[5..7])?, number(&b[8..])?)
}

/// A date a person typed, resolved against `today`, day names leaning to
/// the past (see [`parse_date_toward`]).
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_date_toward(input, today, Toward::Past)
}

/// A date as `YYYY-MM-DD`, written without chrono's general formatter
/// (an export writes dates by the thousand).
#[derive(Debug, Clone, Copy)]
pub struct Iso(pub NaiveDate);

impl Iso {
    /// The ten bytes, for years 0 to 9999.
    fn bytes(self) -> Option<[u8; 10]> {
        let (year, month, day) = (self.0.year(), self.0.month(), self.0.day());
        let Ok(year @ 0..=9999) = u32::try_from(year) else {
            return None;
        };
        let digit = |n: u32| b'0' + (n % 10) as u8;
        Some([
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            digit(month / 10),
            digit(month),
            b'-',
            digit(day / 10),
            digit(day),
        ])
    }

    fn serialize<S: Serializer>(self, s: S) -> Result<S::Ok, S::Error> {
        match self.bytes() {
            Some(bytes) => s.serialize_str(std::str::from_utf8(&bytes).unwrap_or_default()),
            None => s.collect_str(&self.0),
        }
    }
}

impl fmt::Display for Iso {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.bytes() {
            Some(bytes) => f.write_str(std::str::from_utf8(&bytes).map_err(|_| fmt::Error)?),
            None => write!(f, "{}", self.0),
        }
    }
}

/// A date a person typed, resolved against `today`.
///
/// Accepts `YYYY-MM-DD`, `today`, `yesterday`, `tomorrow`; offsets `3d ago`,
/// `2 weeks ago`, `in 2w`, `in 3 months`, `-1m`, `+10d`; day names `friday`,
/// `fri`, `last friday`, `next friday`, `this friday`; `last week`, `next
/// week`, `last month`, `next month`; `end of month`, `end of next month`,
/// `start of month`, `end of year`. A bare day name is the nearest one in
/// the direction given (today if it is that day).
pub fn parse_date_toward(
    input: &str,
    today: NaiveDate,
    toward: Toward,
) -> Result<NaiveDate, DateError> {
    let err = || DateError {
        input: input.to_string(),
    };
    let text = input.trim().to_lowercase();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(date) = parse_iso(&text) {
        return Ok(date);
    }
    match text.as_str() {
        "today" | "now" => return Ok(today),
        "yesterday" => return today.pred_opt().ok_or_else(err),
        "tomorrow" => return today.succ_opt().ok_or_else(err),
        "last week" => return Span::Weeks(1).shift(today, -1).ok_or_else(err),
        "next week" => return Span::Weeks(1).shift(today, 1).ok_or_else(err),
        "last month" => return Span::Months(1).shift(today, -1).ok_or_else(err),
        "next month" => return Span::Months(1).shift(today, 1).ok_or_else(err),
        "end of month" | "end of the month" | "eom" => return month_end(today).ok_or_else(err),
        "end of next month" => {
            return Span::Months(1)
                .shift(today, 1)
                .and_then(month_end)
                .ok_or_else(err);
        }
        "end of last month" => return today.with_day(1).and_then(|d| d.pred_opt()).ok_or_else(err),
        "start of month" | "beginning of month" | "start of the month" => {
            return today.with_day(1).ok_or_else(err);
        }
        "start of next month" => {
            return month_end(today).and_then(|d| d.succ_opt()).ok_or_else(err);
        }
        "end of year" | "end of the year" => {
            return NaiveDate::from_ymd_opt(today.year(), 12, 31).ok_or_else(err);
        }
        _ => {}
    }
    if let Some(date) = weekday_phrase(&text, today, toward) {
        return Ok(date);
    }
    if let Some(date) = pasted(&text, today, toward) {
        return Ok(date);
    }
    let (sign, rest) = if let Some(rest) = text.strip_suffix("ago") {
        (-1, rest.trim())
    } else if let Some(rest) = text.strip_prefix("in ") {
        (1, rest.trim())
    } else if let Some(rest) = text.strip_prefix('-') {
        (-1, rest.trim())
    } else if let Some(rest) = text.strip_prefix('+') {
        (1, rest.trim())
    } else {
        return Err(err());
    };
    let span = parse_span(rest).ok_or_else(err)?;
    span.shift(today, sign).ok_or_else(err)
}

/// A date as calendars, invitations and mail write it, pasted as it is:
/// `2026-11-26T15:00`, `26 Nov 2026`, `Nov 26`, `Thursday, November 26,
/// 2026 at 3:00 PM`, `2026/11/26`. The time of day is read past and left
/// out; a weekday, when given, must be the date's. Without a year, the
/// nearest such day the way `toward` leans (today if it is that day).
/// Numeric day-month orders (`11/26`, `26/11`) are refused: they read
/// differently from country to country.
fn pasted(text: &str, today: NaiveDate, toward: Toward) -> Option<NaiveDate> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.trim_matches(|c| c == '(' || c == ')')
                .trim_end_matches('.')
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut words: &[String] = &words;
    let weekday = match words.first().map(|w| w.parse::<Weekday>()) {
        Some(Ok(day)) => {
            words = &words[1..];
            Some(day)
        }
        _ => None,
    };
    let (date, rest) = match words {
        [first, rest @ ..] if numeric(first).is_some() => (numeric(first)?, rest),
        [d, m, y, rest @ ..]
            if day_of(d).is_some() && month_of(m).is_some() && year_of(y).is_some() =>
        {
            (ymd(year_of(y)?, month_of(m)?, day_of(d)?)?, rest)
        }
        [m, d, y, rest @ ..]
            if month_of(m).is_some() && day_of(d).is_some() && year_of(y).is_some() =>
        {
            (ymd(year_of(y)?, month_of(m)?, day_of(d)?)?, rest)
        }
        [d, m, rest @ ..] if day_of(d).is_some() && month_of(m).is_some() => {
            (yearless(month_of(m)?, day_of(d)?, today, toward)?, rest)
        }
        [m, d, rest @ ..] if month_of(m).is_some() && day_of(d).is_some() => {
            (yearless(month_of(m)?, day_of(d)?, today, toward)?, rest)
        }
        _ => return None,
    };
    if !rest.iter().all(|w| time_of_day(w)) || weekday.is_some_and(|w| w != date.weekday()) {
        return None;
    }
    Some(date)
}

/// `2026-11-26`, `2026/11/26`, and either with a time after a `T`.
fn numeric(word: &str) -> Option<NaiveDate> {
    let (date, time) = (word.get(..10)?, word.get(10..)?);
    let date = parse_iso(&date.replace('/', "-"))?;
    match time.strip_prefix('t') {
        None if time.is_empty() => Some(date),
        Some(time) if time_of_day(time) => Some(date),
        _ => None,
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `26 Nov` without a year: the nearest such day the way `toward` leans.
fn yearless(month: u32, day: u32, today: NaiveDate, toward: Toward) -> Option<NaiveDate> {
    // Eight years always hold a 29 February.
    (0..=8).find_map(|n| {
        let year = match toward {
            Toward::Past => today.year() - n,
            Toward::Future => today.year() + n,
        };
        ymd(year, month, day).filter(|d| match toward {
            Toward::Past => *d <= today,
            Toward::Future => *d >= today,
        })
    })
}

/// `26`, `1st`, `2nd`, `23rd`, `26th`.
fn day_of(word: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// `2026`: four digits.
fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// `nov`, `november`, `sept`.
fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS
        .iter()
        .position(|m| *m == word || (word.len() <= 4 && m.starts_with(word)))?;
    u32::try_from(index + 1).ok()
}

/// What may follow a pasted date: its time of day, a range, a zone
/// (`3:00 PM`, `15:00–16:00`, `at`, `10am`, `CET`, `UTC+01:00`).
fn time_of_day(word: &str) -> bool {
    if matches!(
        word,
        "at" | "from" | "to" | "·" | "-" | "–" | "—" | "am" | "pm" | "a.m" | "p.m" | "noon" | "z"
    ) {
        return true;
    }
    let zone = word
        .strip_prefix("utc")
        .or_else(|| word.strip_prefix("gmt"));
    if let Some(offset) = zone {
        return offset.is_empty() || time_of_day(offset);
    }
    if (2..=5).contains(&word.len())
        && word.ends_with('t')
        && word.bytes().all(|b| b.is_ascii_lowercase())
    {
        // cet, cest, pst, pdt, bst, ist
        return true;
    }
    let clock = word
        .strip_suffix("am")
        .or_else(|| word.strip_suffix("pm"))
        .or_else(|| word.strip_suffix('z'));
    let core = clock.unwrap_or(word);
    let digits = core.chars().any(|c| c.is_ascii_digit());
    let marked = clock.is_some() || core.contains([':', '.']);
    digits
        && marked
        && core
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | '–'))
}

/// The last day of `date`'s month.
fn month_end(date: NaiveDate) -> Option<NaiveDate> {
    let first = date.with_day(1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// `friday`, `last friday`, `next fri`, `this friday`.
fn weekday_phrase(text: &str, today: NaiveDate, toward: Toward) -> Option<NaiveDate> {
    let (which, name) = match text.split_once(' ') {
        Some((which @ ("last" | "next" | "this" | "on"), name)) => (which, name),
        _ => ("", text),
    };
    let day: Weekday = name.parse().ok()?;
    let today_index = i64::from(today.weekday().num_days_from_monday());
    let target = i64::from(day.num_days_from_monday());
    let back = (today_index - target).rem_euclid(7);
    let ahead = (target - today_index).rem_euclid(7);
    let offset = match (which, toward) {
        ("last", _) => -(if back == 0 { 7 } else { back }),
        ("next", _) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        (_, Toward::Past) => -back,
        (_, Toward::Future) => ahead,
    };
    today.checked_add_signed(chrono::Duration::days(offset))
}

/// A length of calendar time: so many days, weeks or months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    Days(u32),
    Weeks(u32),
    Months(u32),
}

impl Span {
    /// `date` moved by this span `sign` times (sign is +1 or -1).
    pub fn shift(self, date: NaiveDate, sign: i32) -> Option<NaiveDate> {
        match (self, sign >= 0) {
            (Span::Days(n), true) => date.checked_add_days(Days::new(n.into())),
            (Span::Days(n), false) => date.checked_sub_days(Days::new(n.into())),
            (Span::Weeks(n), true) => date.checked_add_days(Days::new(u64::from(n) * 7)),
            (Span::Weeks(n), false) => date.checked_sub_days(Days::new(u64::from(n) * 7)),
            (Span::Months(n), true) => date.checked_add_months(Months::new(n)),
            (Span::Months(n), false) => date.checked_sub_months(Months::new(n)),
        }
    }

    /// This span repeated `times` times.
    pub fn times(self, times: u32) -> Span {
        match self {
            Span::Days(n) => Span::Days(n.saturating_mul(times)),
            Span::Weeks(n) => Span::Weeks(n.saturating_mul(times)),
            Span::Months(n) => Span::Months(n.saturating_mul(times)),
        }
    }

    /// A rough length in days, for ordering and for words like "about".
    pub fn approx_days(self) -> u32 {
        match self {
            Span::Days(n) => n,
            Span::Weeks(n) => n.saturating_mul(7),
            Span::Months(n) => n.saturating_mul(30),
        }
    }

    /// `date` plus this span, saturating at the end of the calendar.
    pub fn after(self, date: NaiveDate) -> NaiveDate {
        self.shift(date, 1).unwrap_or(NaiveDate::MAX)
    }
}

impl serde::Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Span::Days(n) => write!(f, "{n}d"),
            Span::Weeks(n) => write!(f, "{n}w"),
            Span::Months(n) => write!(f, "{n}m"),
        }
    }
}

/// Parses `3d`, `3 d`, `3 days`, `2w`, `1 month`, `2y` (as 24 months).
pub fn parse_span(text: &str) -> Option<Span> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if digits == 0 {
        return None;
    }
    let n: u32 = text[..digits].parse().ok()?;
    if n > 100_000 {
        return None;
    }
    match text[digits..].trim() {
        "d" | "day" | "days" => Some(Span::Days(n)),
        "w" | "wk" | "week" | "weeks" => Some(Span::Weeks(n)),
        "m" | "mo" | "month" | "months" => Some(Span::Months(n)),
        "y" | "year" | "years" => Some(Span::Months(n.checked_mul(12)?)),
        _ => None,
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// `Thu 2026-11-26`: a date with its weekday, for echoing back what a
/// relative date resolved to.
pub fn with_weekday(date: NaiveDate) -> String {
    format!("{} {}", date.weekday(), date.format("%Y-%m-%d"))
}

/// Serde for a required date: native TOML date or `"YYYY-MM-DD"` string in,
/// `"YYYY-MM-DD"` out (TOML files are written by the store, not by serde).
pub mod serde_date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        Iso(*date).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

/// Serde for an optional date, as [`serde_date`].
pub mod opt_date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => Iso(*date).serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        d.deserialize_option(OptDateVisitor)
    }

    struct OptDateVisitor;

    impl<'de> Visitor<'de> for OptDateVisitor {
        type Value = Option<NaiveDate>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date like 2026-11-26")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(DateVisitor).map(Some)
        }
    }
}

/// Serde for a list of dates, each as [`serde_date`] writes and reads it.
pub mod dates {
    use super::*;

    pub fn serialize<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(dates.iter().map(|d| Iso(*d).to_string()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        d.deserialize_seq(DatesVisitor)
    }

    struct DatesVisitor;

    /// One date of the list, in either form.
    struct Day(NaiveDate);

    impl<'de> serde::Deserialize<'de> for Day {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
            d.deserialize_any(DateVisitor).map(Day)
        }
    }

    impl<'de> Visitor<'de> for DatesVisitor {
        type Value = Vec<NaiveDate>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of dates like [2026-11-26]")
        }

        fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(Day(date)) = seq.next_element()? {
                out.push(date);
            }
            Ok(out)
        }
    }
}

struct DateVisitor;

impl DateVisitor {
    fn date<E: de::Error>(&self, s: &str) -> Result<NaiveDate, E> {
        match parse_iso(s) {
            Some(date) => Ok(date),
            None if s.len() > 10 && parse_iso(&s[..10]).is_some() => Err(E::custom(format!(
                "'{}' has a time of day; rel keeps dates only, like {}",
                crate::text::echo(s),
                &s[..10]
            ))),
            None => Err(E::invalid_value(Unexpected::Str(s), self)),
        }
    }
}

impl<'de> Visitor<'de> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date like 2026-11-26")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        self.date(s)
    }

    /// The `toml` deserializer hands a native date over as a one-entry map
    /// whose value is the date's text.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NaiveDate, A::Error> {
        let Some(de::IgnoredAny) = map.next_key()? else {
            return Err(de::Error::invalid_type(Unexpected::Map, &self));
        };
        map.next_value_seed(DateText)
    }
}

/// The text of a native date, read without copying it.
struct DateText;

impl<'de> de::DeserializeSeed<'de> for DateText {
    type Value = NaiveDate;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn relative_dates_resolve_against_today() {
        let today = d("2026-11-26");
        let cases = [
            ("2026-01-05", "2026-01-05"),
            ("today", "2026-11-26"),
            ("Yesterday", "2026-11-25"),
            ("tomorrow", "2026-11-27"),
            ("3d ago", "2026-11-23"),
            ("3 days ago", "2026-11-23"),
            ("in 2w", "2026-12-10"),
            ("in 2 weeks", "2026-12-10"),
            ("-1m", "2026-10-26"),
            ("+10d", "2026-12-06"),
            ("1y ago", "2025-11-26"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input, today), Ok(d(want)), "{input}");
        }
    }

    #[test]
    fn day_names_lean_the_way_they_are_asked() {
        // 2026-11-26 is a Thursday.
        let today = d("2026-11-26");
        let past = |s: &str| {
            parse_date_toward(s, today, Toward::Past)
                .unwrap()
                .to_string()
        };
        let future = |s: &str| {
            parse_date_toward(s, today, Toward::Future)
                .unwrap()
                .to_string()
        };
        assert_eq!(past("friday"), "2026-11-20");
        assert_eq!(future("friday"), "2026-11-27");
        assert_eq!(past("Fri"), "2026-11-20");
        assert_eq!(past("thursday"), "2026-11-26", "today is a thursday");
        assert_eq!(future("thursday"), "2026-11-26");
        assert_eq!(past("last thursday"), "2026-11-19");
        assert_eq!(future("next thursday"), "2026-12-03");
        assert_eq!(past("last friday"), "2026-11-20");
        assert_eq!(past("next monday"), "2026-11-30");
        assert_eq!(future("this friday"), "2026-11-27");
        assert_eq!(past("monday"), "2026-11-23");
        assert_eq!(future("monday"), "2026-11-30");
        assert_eq!(past("sunday"), "2026-11-22");
    }

    #[test]
    fn weeks_months_and_their_ends() {
        let cases = [
            ("2026-11-26", "last week", "2026-11-19"),
            ("2026-11-26", "next week", "2026-12-03"),
            ("2026-11-26", "end of month", "2026-11-30"),
            ("2026-11-26", "end of next month", "2026-12-31"),
            ("2026-11-26", "end of last month", "2026-10-31"),
            ("2026-11-26", "start of month", "2026-11-01"),
            ("2026-11-26", "start of next month", "2026-12-01"),
            ("2026-11-26", "end of year", "2026-12-31"),
            ("2026-01-31", "next month", "2026-02-28"),
            ("2026-01-31", "end of next month", "2026-02-28"),
            ("2024-02-10", "end of month", "2024-02-29"),
            ("2024-03-31", "last month", "2024-02-29"),
            ("2023-02-10", "end of month", "2023-02-28"),
            ("2026-12-31", "end of month", "2026-12-31"),
            ("2026-12-15", "start of next month", "2027-01-01"),
            ("2024-02-29", "in 1y", "2025-02-28"),
            ("2024-02-29", "1y ago", "2023-02-28"),
            ("2024-03-01", "yesterday", "2024-02-29"),
            ("2026-11-26", "  End   of   Month ", "2026-11-30"),
        ];
        for (today, input, want) in cases {
            assert_eq!(
                parse_date(input, d(today)),
                Ok(d(want)),
                "{input} from {today}"
            );
        }
    }

    #[test]
    fn dates_pasted_from_a_calendar() {
        // 2026-11-26 is a Thursday.
        let today = d("2026-11-26");
        let cases = [
            ("2026-11-26T15:00", "2026-11-26"),
            ("2026-11-26T15:00:00Z", "2026-11-26"),
            ("2026-11-26T15:00:00.000+01:00", "2026-11-26"),
            ("2026-11-26 15:00", "2026-11-26"),
            ("2026/11/20", "2026-11-20"),
            ("26 Nov 2026", "2026-11-26"),
            ("26 November 2026", "2026-11-26"),
            ("Nov 26, 2026", "2026-11-26"),
            ("November 26 2026", "2026-11-26"),
            ("Thu, 26 Nov 2026", "2026-11-26"),
            ("Thursday, November 26, 2026 at 3:00 PM", "2026-11-26"),
            ("Thursday, November 26 · 3:00 – 4:00pm", "2026-11-26"),
            ("Thu 26 Nov 2026 15:00 CET", "2026-11-26"),
            ("26 Nov 2026 10am (GMT+01:00)", "2026-11-26"),
            ("Nov 26", "2026-11-26"),
            ("26 nov.", "2026-11-26"),
            ("1st Oct", "2026-10-01"),
            ("Sept 3", "2026-09-03"),
            ("Dec 3", "2025-12-03"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input, today), Ok(d(want)), "{input}");
        }
        let ahead = |s: &str| parse_date_toward(s, today, Toward::Future);
        assert_eq!(ahead("Dec 3"), Ok(d("2026-12-03")));
        assert_eq!(ahead("Nov 26"), Ok(d("2026-11-26")));
        assert_eq!(ahead("Oct 1"), Ok(d("2027-10-01")));
        assert_eq!(ahead("29 Feb"), Ok(d("2028-02-29")));
        assert_eq!(parse_date("29 Feb", today), Ok(d("2024-02-29")));
        for bad in [
            "Fri 26 Nov 2026",
            "26 Nov 2026 soon",
            "11/26/2026",
            "26/11/2026",
            "31 Nov 2026",
            "Nov 26 27",
            "2026-11-26T",
            "ma 3",
            "32 Jan",
        ] {
            assert!(parse_date(bad, today).is_err(), "{bad}");
        }
    }

    #[test]
    fn month_offsets_clamp_to_month_end() {
        assert_eq!(parse_date("in 1m", d("2026-01-31")), Ok(d("2026-02-28")));
        assert_eq!(parse_date("-1m", d("2024-03-31")), Ok(d("2024-02-29")));
    }

    #[test]
    fn nonsense_is_refused() {
        let today = d("2026-11-26");
        for input in [
            "",
            "soon",
            "2026-13-01",
            "2026-02-30",
            "26-11-2026",
            "in",
            "3x ago",
            "in -2d",
        ] {
            assert!(parse_date(input, today).is_err(), "{input}");
        }
        assert!(parse_date("in 99999999d", today).is_err());
    }

    #[derive(serde::Deserialize, Debug)]
    struct Doc {
        #[serde(with = "serde_date")]
        a: NaiveDate,
        #[serde(default, with = "opt_date")]
        b: Option<NaiveDate>,
        #[serde(default, with = "opt_date")]
        c: Option<NaiveDate>,
    }

    #[test]
    fn iso_dates_are_strict_and_written_back_the_same() {
        for text in ["2026-11-26", "0001-01-01", "9999-12-31", "2024-02-29"] {
            assert_eq!(Iso(d(text)).to_string(), text);
            assert_eq!(d(text).to_string(), text);
        }
        for bad in [
            "2026-1-126",
            "+026-11-26",
            "2026-11-2x",
            "2023-02-29",
            "2026-00-10",
            "２026-11-26",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
        assert_eq!(parse_iso(" 2026-11-26\n"), Some(d("2026-11-26")));
    }

    #[test]
    fn toml_accepts_native_and_string_dates() {
        let doc: Doc = toml::from_str("a = 2026-11-26\nb = \"2026-01-02\"\n").unwrap();
        assert_eq!(doc.a, d("2026-11-26"));
        assert_eq!(doc.b, Some(d("2026-01-02")));
        assert_eq!(doc.c, None);
    }

    #[test]
    fn toml_refuses_times_and_junk() {
        let err = toml::from_str::<Doc>("a = 2026-11-26T10:00:00\n").unwrap_err();
        assert!(err.message().contains("time of day"), "{}", err.message());
        let err = toml::from_str::<Doc>("a = \"next week\"\n").unwrap_err();
        assert!(err.message().contains("a date like"), "{}", err.message());
        assert!(toml::from_str::<Doc>("a = 5\n").is_err());
    }
}
