//! `rel calendar`: the journal's dates as iCalendar (RFC 5545) for a
//! calendar app — the next meeting of each relationship (planned, or due
//! by its cadence), the due dates of open actions, waypoints and goals,
//! and the ends of reverse-mentoring time boxes. Every event has a UID
//! that names what it is, not when, so importing the file again (or a
//! subscription refreshing) moves an event rather than adding another.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use icalendar::{Calendar, Class, Component, Event, EventLike};

use super::needs::sentence;
use super::prep::{the_question, top_need};
use crate::model::agenda::{Meeting, Source, next_meeting};
use crate::model::{Kind, Owner};
use crate::text::sanitize;

/// The calendar of every active relationship among `sources`, as of `today`.
pub fn calendar(sources: &[Source<'_>], today: NaiveDate) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//rel//rel calendar//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name("rel")
        .description("Meetings and due dates from your rel journal");
    for source in sources {
        let a = source.assessment;
        if a.status != crate::model::Status::Active || !a.started {
            continue;
        }
        for event in events(source, today) {
            cal.push(event);
        }
    }
    cal.done().to_string()
}

/// The events of one relationship, in a stable order.
fn events(source: &Source<'_>, today: NaiveDate) -> Vec<Event> {
    let (handle, rel, a) = (source.handle.as_str(), source.rel, source.assessment);
    // Calendar text may hold no control characters (RFC 5545, 3.3.11).
    let person = sanitize(&rel.person);
    // The moment this calendar was made: the day it is as of, so that the
    // same journal on the same day gives the same bytes.
    let stamp = Utc.from_utc_datetime(&today.and_time(NaiveTime::MIN));
    let event = |uid: String, day: NaiveDate, summary: String, description: String| {
        Event::new()
            .uid(&format!("{uid}@rel"))
            .timestamp(stamp)
            // A day's event: it ends (exclusively) the next day.
            .starts(day)
            .ends(day.succ_opt().unwrap_or(day))
            .summary(&summary)
            .description(&description)
            .class(Class::Private)
            .done()
    };
    let mut out = Vec::new();
    if let Some(meeting) = next_meeting(a, today) {
        let (day, summary) = match meeting {
            Meeting::Planned(day) => (day, format!("Meet {person}")),
            Meeting::Due(day) => (day, format!("Check-in due with {person}")),
            Meeting::Late(day) => (day, format!("Check-in with {person} is due (late)")),
            Meeting::Missed(day) => (day, format!("Meeting with {person}: not recorded")),
        };
        let mut description = Vec::new();
        if let Some(need) = top_need(a) {
            description.push(format!("Raise first: {}", sanitize(&sentence(need))));
        }
        description.push(format!("Ask: {}", the_question(rel, a)));
        description.push(format!(
            "Before it: rel prep {handle} · after it: rel checkin {handle}"
        ));
        out.push(event(
            format!("{handle}.next-meeting"),
            day,
            summary,
            description.join("\n"),
        ));
    }
    for action in rel.open_actions() {
        let Some(due) = action.due else { continue };
        let summary = match action.owner {
            Owner::Me => format!("Due for {person}: {}", sanitize(&action.text)),
            Owner::Them => format!("Due from {person}: {}", sanitize(&action.text)),
        };
        out.push(event(
            format!("{handle}.{}", action.id),
            due,
            summary,
            format!(
                "Action {} of {handle}. Done? rel action done {handle} {}",
                action.id, action.id
            ),
        ));
    }
    for waypoint in rel.waypoints_by_due().into_iter().filter(|w| w.is_open()) {
        out.push(event(
            format!("{handle}.{}", waypoint.id),
            waypoint.due,
            format!("Waypoint for {person}: {}", sanitize(&waypoint.text)),
            format!(
                "Waypoint {} of {handle}. Reached? rel waypoint reach {handle} {}",
                waypoint.id, waypoint.id
            ),
        ));
    }
    for goal in rel.goals.iter().filter(|g| g.is_open()) {
        let Some(due) = goal.due else { continue };
        out.push(event(
            format!("{handle}.{}", goal.id),
            due,
            format!("Goal with {person}: {}", sanitize(&goal.text)),
            format!(
                "Goal {} of {handle}. Achieved? rel goal done {handle} {}",
                goal.id, goal.id
            ),
        ));
    }
    if rel.kind == Kind::ReverseMentoring
        && let Some(until) = rel.until
    {
        out.push(event(
            format!("{handle}.time-box"),
            until,
            format!("Reverse-mentoring with {person} ends"),
            format!(
                "The time box ends: conclude (rel end {handle}), extend (rel set {handle} --until DATE) or evolve into mentoring (rel evolve {handle} --into mentoring)"
            ),
        ));
    }
    out
}
