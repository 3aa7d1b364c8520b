//! What happened to a relationship between its meetings: the changes to
//! the relationship itself (paused, evolved, a field set, …) and to its
//! plan (an item moved, renamed or reopened), every word as recorded.

use chrono::NaiveDate;

use super::id::ItemId;
use super::kind::{Kind, Role};
use super::relationship::{Event, EventKind, Relationship};
use super::replan::Revision;

/// One change, as recorded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change<'a> {
    /// Something that happened to the relationship itself. For an
    /// evolution, `into` is the kind and role it became.
    Event {
        event: &'a Event,
        into: Option<(Kind, Role)>,
    },
    /// A goal, waypoint or action re-planned, with its text now.
    Item {
        id: ItemId,
        text: &'a str,
        revision: &'a Revision,
    },
}

impl Change<'_> {
    pub fn date(&self) -> NaiveDate {
        match self {
            Change::Event { event, .. } => event.date,
            Change::Item { revision, .. } => revision.date,
        }
    }
}

/// Every change to the relationship and its plan, oldest first: on one
/// day, the relationship's own before its items'.
pub fn changes(rel: &Relationship) -> Vec<Change<'_>> {
    let mut events: Vec<&Event> = rel.events.iter().collect();
    events.sort_by_key(|e| e.date);
    // What each evolution became: the next one's starting point, or what
    // the relationship is now.
    let mut list: Vec<Change<'_>> = Vec::new();
    let evolutions: Vec<&Event> = events
        .iter()
        .copied()
        .filter(|e| e.what == EventKind::Evolved)
        .collect();
    for event in events {
        let into = (event.what == EventKind::Evolved).then(|| {
            let later = evolutions
                .iter()
                .skip_while(|e| !std::ptr::eq(**e, event))
                .nth(1);
            match later {
                Some(next) => (
                    next.from.unwrap_or(rel.kind),
                    next.from_role.unwrap_or(rel.role),
                ),
                None => (rel.kind, rel.role),
            }
        });
        list.push(Change::Event { event, into });
    }
    list.extend(
        rel.revisions()
            .into_iter()
            .map(|(id, text, revision)| Change::Item { id, text, revision }),
    );
    list.sort_by_key(|c| (c.date(), matches!(c, Change::Item { .. })));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;
    use crate::model::replan::Replan;

    #[test]
    fn changes_come_in_date_order_and_an_evolution_knows_what_it_became() {
        let day = |s| parse_iso(s).unwrap();
        let mut rel = Relationship::new("Linus".into(), Role::Learner, day("2026-01-01"));
        let g = rel.add_goal(
            "Review patches".into(),
            day("2026-01-01"),
            Some(day("2026-03-01")),
        );
        rel.evolve(Kind::Mentoring, None, day("2026-04-01"))
            .unwrap();
        rel.replan(
            g,
            &Replan::Move(day("2026-06-01")),
            day("2026-02-01"),
            None,
            None,
        )
        .unwrap();
        rel.evolve(Kind::Sponsoring, None, day("2026-05-01"))
            .unwrap();
        let all = changes(&rel);
        let dates: Vec<String> = all.iter().map(|c| c.date().to_string()).collect();
        assert_eq!(dates, ["2026-02-01", "2026-04-01", "2026-05-01"]);
        let intos: Vec<Option<(Kind, Role)>> = all
            .iter()
            .map(|c| match c {
                Change::Event { into, .. } => *into,
                Change::Item { .. } => None,
            })
            .collect();
        assert_eq!(
            intos,
            [
                None,
                Some((Kind::Mentoring, Role::Mentor)),
                Some((Kind::Sponsoring, Role::Sponsor))
            ]
        );
    }
}
