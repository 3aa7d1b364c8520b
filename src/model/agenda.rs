//! The days ahead as an agenda: what falls on each day of a window, read
//! from each relationship's assessment (its planned meeting, the day its
//! cadence makes the next one due, the needs it raises) and from the due
//! dates of its open items. Nothing here judges what is due: the
//! assessment already has.

use chrono::NaiveDate;

use super::assess::{Assessment, Need, Timing};
use super::handle::Handle;
use super::items::{Action, Goal, Waypoint};
use super::kind::{Owner, Status};
use super::period::Period;
use super::relationship::Relationship;

/// One relationship as the agenda reads it.
pub struct Source<'a> {
    pub handle: &'a Handle,
    pub rel: &'a Relationship,
    pub assessment: &'a Assessment,
}

/// Why a meeting is on the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meeting {
    /// Planned for this day at the last check-in.
    Planned(NaiveDate),
    /// The cadence makes the next check-in due this day.
    Due(NaiveDate),
    /// The cadence made it due on this earlier day: it is late.
    Late(NaiveDate),
    /// A meeting planned for this earlier day is not recorded.
    Missed(NaiveDate),
}

/// What falls on a day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item<'a> {
    Meeting(Meeting),
    /// An open action due that day, or (on the first day) already late.
    Action {
        action: &'a Action,
        late: bool,
    },
    Waypoint {
        waypoint: &'a Waypoint,
        late: bool,
    },
    Goal {
        goal: &'a Goal,
        late: bool,
    },
    /// A reverse-mentoring's time box ends that day.
    TimeBoxEnds,
    /// Something the assessment says is already owed: a time box that is
    /// over, an act of advocacy.
    Owed(&'a Need),
}

impl Item<'_> {
    /// Where it comes in a day: meetings, my promises, theirs, waypoints,
    /// goals, time boxes, advocacy.
    fn rank(&self) -> u8 {
        match self {
            Item::Meeting(_) => 0,
            Item::Action { action, .. } if action.owner == Owner::Me => 1,
            Item::Action { .. } => 2,
            Item::Waypoint { .. } => 3,
            Item::Goal { .. } => 4,
            Item::TimeBoxEnds | Item::Owed(Need::TimeBoxEnded { .. }) => 5,
            Item::Owed(Need::SessionsAllHeld { .. }) => 5,
            Item::Owed(_) => 6,
        }
    }

    /// Late: it was due before the window began.
    pub fn is_late(&self) -> bool {
        match self {
            Item::Meeting(Meeting::Late(_) | Meeting::Missed(_)) | Item::Owed(_) => true,
            Item::Meeting(_) | Item::TimeBoxEnds => false,
            Item::Action { late, .. } | Item::Waypoint { late, .. } | Item::Goal { late, .. } => {
                *late
            }
        }
    }
}

/// One line of the agenda: a day, the relationship (an index into the
/// sources) and what falls on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry<'a> {
    pub day: NaiveDate,
    pub source: usize,
    pub item: Item<'a>,
}

/// Everything that falls in `window`, day by day, for the active
/// relationships among `sources`. What is already late goes on the first
/// day, when the window begins `today`.
pub fn agenda<'a>(sources: &[Source<'a>], window: Period, today: NaiveDate) -> Vec<Entry<'a>> {
    let mut entries = Vec::new();
    let now = window.since == today;
    for (n, source) in sources.iter().enumerate() {
        let a = source.assessment;
        if a.status != Status::Active || !a.started {
            continue;
        }
        let mut push = |day: NaiveDate, item: Item<'a>| {
            entries.push(Entry {
                day,
                source: n,
                item,
            });
        };
        if let Some((day, meeting)) = meeting(a, window, today) {
            push(day, Item::Meeting(meeting));
        }
        let rel = source.rel;
        for action in rel.open_actions() {
            if let Some(due) = action.due {
                if window.contains(due) {
                    push(
                        due,
                        Item::Action {
                            action,
                            late: false,
                        },
                    );
                } else if now && due < today {
                    push(today, Item::Action { action, late: true });
                }
            }
        }
        for waypoint in rel.waypoints_by_due().into_iter().filter(|w| w.is_open()) {
            if window.contains(waypoint.due) {
                push(
                    waypoint.due,
                    Item::Waypoint {
                        waypoint,
                        late: false,
                    },
                );
            } else if now && waypoint.due < today {
                push(
                    today,
                    Item::Waypoint {
                        waypoint,
                        late: true,
                    },
                );
            }
        }
        for goal in rel.goals.iter().filter(|g| g.is_open()) {
            if let Some(due) = goal.due {
                if window.contains(due) {
                    push(due, Item::Goal { goal, late: false });
                } else if now && due < today {
                    push(today, Item::Goal { goal, late: true });
                }
            }
        }
        if let Some(until) = rel.until.filter(|u| window.contains(*u))
            && a.timing != Timing::TimeBoxOver
        {
            push(until, Item::TimeBoxEnds);
        }
        if now {
            for item in &a.attention {
                if matches!(
                    item.need,
                    Need::TimeBoxEnded { .. }
                        | Need::SessionsAllHeld { .. }
                        | Need::AdvocacyDue { .. }
                ) {
                    push(today, Item::Owed(&item.need));
                }
            }
        }
    }
    entries.sort_by(|x, y| {
        (x.day, x.item.rank())
            .cmp(&(y.day, y.item.rank()))
            .then_with(|| sources[x.source].handle.cmp(sources[y.source].handle))
    });
    entries
}

/// The relationship's next meeting as its assessment has it: the one
/// planned at the last check-in, if still ahead; else, when the cadence
/// says one is owed, since the day it became due; else a planned meeting
/// that passed unrecorded; else the day the cadence makes the next due.
pub fn next_meeting(a: &Assessment, today: NaiveDate) -> Option<Meeting> {
    if a.status != Status::Active {
        return None;
    }
    if let Some(planned) = a.planned.filter(|p| *p >= today) {
        return Some(Meeting::Planned(planned));
    }
    if matches!(a.timing, Timing::Due { .. } | Timing::Overdue { .. }) {
        return a.next_due.map(Meeting::Late);
    }
    let missed = a.attention.iter().find_map(|item| match item.need {
        Need::PlannedMeetingMissing { planned, .. } => Some(planned),
        _ => None,
    });
    if let Some(planned) = missed {
        return Some(Meeting::Missed(planned));
    }
    match a.timing {
        Timing::OnTrack => a.next_due.map(Meeting::Due),
        _ => None,
    }
}

/// The next meeting, if it falls in the window — or is owed already, when
/// the window begins today (then it goes on today).
fn meeting(a: &Assessment, window: Period, today: NaiveDate) -> Option<(NaiveDate, Meeting)> {
    let now = window.since == today;
    let next = next_meeting(a, today)?;
    match next {
        Meeting::Planned(day) | Meeting::Due(day) if window.contains(day) => Some((day, next)),
        // Planned for after the window, though the cadence says a meeting
        // is owed now.
        Meeting::Planned(_) => a
            .next_due
            .filter(|_| now && matches!(a.timing, Timing::Due { .. } | Timing::Overdue { .. }))
            .map(|due| (today, Meeting::Late(due))),
        owed @ (Meeting::Late(_) | Meeting::Missed(_)) => now.then_some((today, owed)),
        Meeting::Due(_) => None,
    }
}
