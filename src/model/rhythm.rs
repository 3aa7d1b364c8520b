//! The rhythm of meetings week by week, for pictures: which weeks a pair
//! met (and reviewed the relationship), which weeks the cadence was missed
//! — as the assessment of that week's last day says, the one judgement,
//! not a second idea of what is due — and how many meetings a whole
//! journal held each week.

use chrono::{Days, NaiveDate};

use super::assess::{Settings, Snapshot, Timing, assess};
use super::brief::Meetings;
use super::checkin::{CheckIn, CheckinId};
use super::handle::Handle;
use super::relationship::Relationship;

/// What a week was, for one relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekState {
    /// Before the relationship started.
    NotStarted,
    /// At least one meeting was held.
    Met,
    /// No meeting, and by its last day the cadence said one was due.
    Missed,
    /// No meeting, and none was due (or there is no cadence).
    Quiet,
    /// Paused, or snoozed, or its time box over: no meeting expected.
    Resting,
    /// After it ended.
    Ended,
}

/// One week of one relationship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub state: WeekState,
    /// Meetings held in the week.
    pub held: usize,
    /// One of them reviewed the relationship itself.
    pub review: bool,
    /// The ratings given, in order.
    pub ratings: Vec<u8>,
}

/// The `n` weeks that end on `today` (the last of them ends today), each
/// as its first and last day, oldest first.
pub fn spans(today: NaiveDate, n: usize) -> Vec<(NaiveDate, NaiveDate)> {
    (0..n)
        .rev()
        .filter_map(|back| {
            let last = today.checked_sub_days(Days::new(7 * back as u64))?;
            let first = last.checked_sub_days(Days::new(6))?;
            Some((first, last))
        })
        .collect()
}

/// The last `n` weeks of a relationship up to `today`. `read` holds the
/// check-ins of those weeks that could be read (for reviews and ratings);
/// `meetings` names every check-in.
pub fn weeks(
    handle: &Handle,
    rel: &Relationship,
    meetings: &Meetings,
    read: &[(CheckinId, CheckIn)],
    today: NaiveDate,
    n: usize,
    settings: &Settings,
) -> Vec<Week> {
    spans(today, n)
        .into_iter()
        .map(|(first, last)| {
            let held = first
                .pred_opt()
                .map_or(0, |before| meetings.between(before, last));
            let in_week: Vec<&CheckIn> = read
                .iter()
                .filter(|(id, _)| first <= id.date && id.date <= last)
                .map(|(_, c)| c)
                .collect();
            let state = if last < rel.started {
                WeekState::NotStarted
            } else if held > 0 {
                WeekState::Met
            } else {
                // The assessment of the week's last day, as `--as-of`
                // that day would show it.
                let snapshot = Snapshot::whole(handle, rel, meetings, None, None, last);
                match assess(&snapshot, last, settings).timing {
                    Timing::Due { .. } | Timing::Overdue { .. } => WeekState::Missed,
                    Timing::OnTrack | Timing::NoCadence => WeekState::Quiet,
                    Timing::Paused | Timing::Snoozed { .. } | Timing::TimeBoxOver => {
                        WeekState::Resting
                    }
                    Timing::Ended => WeekState::Ended,
                }
            };
            Week {
                first,
                last,
                state,
                held,
                review: in_week.iter().any(|c| c.review),
                ratings: in_week
                    .iter()
                    .filter_map(|c| c.rating.map(|r| r.get()))
                    .collect(),
            }
        })
        .collect()
}

/// How many meetings were held in each of the `n` weeks that end on
/// `today`, across every relationship whose check-ins `ids` names.
pub fn weekly_counts(ids: &[CheckinId], today: NaiveDate, n: usize) -> Vec<usize> {
    let spans = spans(today, n);
    let mut counts = vec![0; spans.len()];
    for id in ids {
        if let Some(i) = spans
            .iter()
            .position(|(first, last)| *first <= id.date && id.date <= *last)
        {
            counts[i] += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;
    use crate::model::kind::Role;

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap_or_default()
    }

    fn id(s: &str) -> CheckinId {
        CheckinId::new(day(s), 1)
    }

    #[test]
    fn weeks_end_today_oldest_first() {
        let spans = spans(day("2026-11-26"), 3);
        assert_eq!(
            spans,
            [
                (day("2026-11-06"), day("2026-11-12")),
                (day("2026-11-13"), day("2026-11-19")),
                (day("2026-11-20"), day("2026-11-26")),
            ]
        );
        let counts = weekly_counts(
            &[
                id("2026-11-06"),
                id("2026-11-19"),
                id("2026-11-20"),
                id("2026-11-05"),
            ],
            day("2026-11-26"),
            3,
        );
        assert_eq!(counts, [1, 1, 1]);
    }

    #[test]
    fn a_week_without_a_meeting_is_missed_only_when_the_cadence_says_so() {
        let handle = Handle::parse("ada").unwrap_or_else(|_| panic!());
        let mut rel = Relationship::new("Ada".into(), Role::Mentor, day("2026-10-01"));
        rel.cadence = Some("biweekly".parse().unwrap_or_else(|_| panic!()));
        let ids = [id("2026-10-01"), id("2026-10-15")];
        let meetings = Meetings::of(&ids);
        let mut review = CheckIn::new(day("2026-10-15"));
        review.review = true;
        review.rating = "4".parse().ok();
        let read = [(ids[1], review)];
        let weeks = weeks(
            &handle,
            &rel,
            &meetings,
            &read,
            day("2026-11-12"),
            8,
            &Settings::default(),
        );
        let states: Vec<WeekState> = weeks.iter().map(|w| w.state).collect();
        use WeekState::*;
        // Weeks ending 09-24 (not started), 10-01 (met), 10-08 (quiet),
        // 10-15 (met, a review), 10-22 (quiet), 10-29 (due: missed), then
        // missed while it stays late.
        assert_eq!(
            states,
            [NotStarted, Met, Quiet, Met, Quiet, Missed, Missed, Missed]
        );
        assert!(weeks[3].review && !weeks[1].review);
        assert_eq!(weeks[3].ratings, [4]);
    }
}
