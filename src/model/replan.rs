//! Re-planning: a goal, waypoint or action moved to another day, renamed,
//! or reopened. The item says what it is now; each change is kept on it as
//! a dated revision (from, to, because), so a waypoint that slipped says so
//! and a view of an earlier day sees the plan as it stood then.

use chrono::NaiveDate;

use super::id::{ItemId, ItemKind};
use super::items::{Action, Closable, Closing, Goal, ItemError, Waypoint, find};
use super::relationship::Relationship;
pub use super::revision::{Closed, DueChange, Reopened, Replan, Revision, Slips, TextChange};

/// Why a re-plan was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplanError {
    Item(ItemError),
    /// Only an open item moves.
    Closed {
        id: ItemId,
        was: Closed,
        on: NaiveDate,
    },
    /// It is already due that day.
    SameDue {
        id: ItemId,
        due: NaiveDate,
    },
    /// A due date before the day of the move.
    DueInPast {
        id: ItemId,
        due: NaiveDate,
    },
    /// The item already says that.
    SameText {
        id: ItemId,
    },
    /// Only a closed item reopens.
    NotClosed {
        id: ItemId,
    },
    /// A day before the item was added, or before it was closed.
    TooEarly {
        id: ItemId,
        on: NaiveDate,
    },
    /// Strengths, growth areas and advocacy are not re-planned.
    NotPlanned {
        id: ItemId,
    },
}

impl std::fmt::Display for ReplanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReplanError::Item(e) => e.fmt(f),
            ReplanError::Closed { id, was, on } => {
                write!(f, "{} {id} was {was} on {on}", id.kind.noun())
            }
            ReplanError::SameDue { id, due } => {
                write!(f, "{} {id} is already due on {due}", id.kind.noun())
            }
            ReplanError::DueInPast { id, due } => {
                write!(
                    f,
                    "{due} is in the past; {} {id} can only move to a day still to come",
                    id.kind.noun()
                )
            }
            ReplanError::SameText { id } => {
                write!(f, "{} {id} already says that", id.kind.noun())
            }
            ReplanError::NotClosed { id } => write!(f, "{} {id} is open", id.kind.noun()),
            ReplanError::TooEarly { id, on } => {
                write!(
                    f,
                    "{on} is before {} {id} was added or closed",
                    id.kind.noun()
                )
            }
            ReplanError::NotPlanned { id } => {
                write!(f, "a {} has no plan to change", id.kind.noun())
            }
        }
    }
}

/// Goals, waypoints and actions: the items a plan is made of.
pub trait Planned: Closable {
    /// How a done one is closed: achieved, reached, done.
    const CLOSED: Closed;
    fn text_mut(&mut self) -> &mut String;
    fn due(&self) -> Option<NaiveDate>;
    fn set_due(&mut self, due: Option<NaiveDate>);
    fn history(&self) -> &[Revision];
    fn history_mut(&mut self) -> &mut Vec<Revision>;
    fn reopen(&mut self);

    /// How it is closed, and since when.
    fn closed(&self) -> Option<(Closed, NaiveDate)> {
        match (self.done(), self.dropped()) {
            (Some(on), _) => Some((Self::CLOSED, on)),
            (None, Some(on)) => Some((Closed::Dropped, on)),
            (None, None) => None,
        }
    }

    fn slips(&self) -> Slips {
        Slips::of(self.history())
    }

    /// Every due date it has had, the first planned first and the one in
    /// force last: one date for an item never moved, none for one that
    /// never had a due date.
    fn dues(&self) -> Vec<NaiveDate> {
        let mut dues: Vec<NaiveDate> = Vec::new();
        for due in self.history().iter().filter_map(|r| r.due.as_ref()) {
            if let (true, Some(from)) = (dues.is_empty(), due.from) {
                dues.push(from);
            }
            dues.push(due.to);
        }
        // A hand edit may have moved it without a word of history.
        if let Some(now) = self.due()
            && dues.last() != Some(&now)
        {
            dues.push(now);
        }
        dues
    }
}

macro_rules! planned {
    ($ty:ty, $done:ident, $closed:expr, due: $get:expr, $set:expr) => {
        impl Planned for $ty {
            const CLOSED: Closed = $closed;

            fn text_mut(&mut self) -> &mut String {
                &mut self.text
            }

            fn due(&self) -> Option<NaiveDate> {
                let get: fn(&Self) -> Option<NaiveDate> = $get;
                get(self)
            }

            fn set_due(&mut self, due: Option<NaiveDate>) {
                let set: fn(&mut Self, Option<NaiveDate>) = $set;
                set(self, due)
            }

            fn history(&self) -> &[Revision] {
                &self.history
            }

            fn history_mut(&mut self) -> &mut Vec<Revision> {
                &mut self.history
            }

            fn reopen(&mut self) {
                self.$done = None;
                self.dropped = None;
            }
        }
    };
}

planned!(Goal, achieved, Closed::Achieved, due: |g| g.due, |g, d| g.due = d);
planned!(Waypoint, reached, Closed::Reached, due: |w| Some(w.due), |w, d| {
    if let Some(d) = d {
        w.due = d;
    }
});
planned!(Action, done, Closed::Done, due: |a| a.due, |a, d| a.due = d);

/// What a change asked for, as the revision kept on the item.
fn revise<T: Planned>(
    items: &mut [T],
    id: ItemId,
    change: &Replan,
    revision: Revision,
) -> Result<Revision, ReplanError> {
    let item = find(items, id).map_err(ReplanError::Item)?;
    let on = revision.date;
    let mut revision = revision;
    if on < item.added() {
        return Err(ReplanError::TooEarly { id, on });
    }
    match change {
        Replan::Move(to) => {
            if let Some((was, closed_on)) = item.closed() {
                return Err(ReplanError::Closed {
                    id,
                    was,
                    on: closed_on,
                });
            }
            if item.due() == Some(*to) {
                return Err(ReplanError::SameDue { id, due: *to });
            }
            if *to < on {
                return Err(ReplanError::DueInPast { id, due: *to });
            }
            revision.due = Some(DueChange {
                from: item.due(),
                to: *to,
            });
            item.set_due(Some(*to));
        }
        Replan::Rename(text) => {
            let text = text.trim();
            if item.text_mut().as_str() == text {
                return Err(ReplanError::SameText { id });
            }
            let from = std::mem::replace(item.text_mut(), text.to_string());
            revision.text = Some(TextChange {
                from,
                to: text.to_string(),
            });
        }
        Replan::Reopen => {
            let Some((was, closed_on)) = item.closed() else {
                return Err(ReplanError::NotClosed { id });
            };
            if on < closed_on {
                return Err(ReplanError::TooEarly { id, on });
            }
            revision.reopened = Some(Reopened { was, on: closed_on });
            item.reopen();
        }
    }
    item.history_mut().push(revision.clone());
    Ok(revision)
}

/// Undoes the revisions made after `day`, newest first: the item as it
/// stood that day.
fn rewind<T: Planned>(item: &mut T, day: NaiveDate) {
    let mut later: Vec<Revision> = item
        .history()
        .iter()
        .filter(|r| r.date > day)
        .cloned()
        .collect();
    if later.is_empty() {
        return;
    }
    later.sort_by_key(|r| std::cmp::Reverse(r.date));
    item.history_mut().retain(|r| r.date <= day);
    for r in later {
        if let Some(due) = &r.due {
            item.set_due(due.from);
        }
        if let Some(text) = &r.text {
            *item.text_mut() = text.from.clone();
        }
        if let Some(reopened) = r.reopened {
            let how = match reopened.was {
                Closed::Dropped => Closing::Dropped,
                _ => Closing::Done,
            };
            item.set(how, reopened.on);
        }
    }
}

impl Relationship {
    /// Re-plans an open goal, waypoint or action, or reopens a closed one,
    /// keeping the change on the item as a revision dated `on`.
    pub fn replan(
        &mut self,
        id: ItemId,
        change: &Replan,
        on: NaiveDate,
        because: Option<String>,
        checkin: Option<String>,
    ) -> Result<Revision, ReplanError> {
        let because = because
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty());
        let revision = Revision::new(on, because, checkin);
        match id.kind {
            ItemKind::Goal => revise(&mut self.goals, id, change, revision),
            ItemKind::Waypoint => revise(&mut self.waypoints, id, change, revision),
            ItemKind::Action => revise(&mut self.actions, id, change, revision),
            _ => Err(ReplanError::NotPlanned { id }),
        }
    }

    /// Whether any item was re-planned after `day`.
    pub(super) fn revised_after(&self, day: NaiveDate) -> bool {
        fn any<T: Planned>(items: &[T], day: NaiveDate) -> bool {
            items
                .iter()
                .any(|i| i.history().iter().any(|r| r.date > day))
        }
        any(&self.goals, day) || any(&self.waypoints, day) || any(&self.actions, day)
    }

    /// Every item's plan as it stood on `day`.
    pub(super) fn rewind_items(&mut self, day: NaiveDate) {
        self.goals.iter_mut().for_each(|g| rewind(g, day));
        self.waypoints.iter_mut().for_each(|w| rewind(w, day));
        self.actions.iter_mut().for_each(|a| rewind(a, day));
    }

    /// Every revision of every goal, waypoint and action, with the item's
    /// id and text, oldest first.
    pub fn revisions(&self) -> Vec<(ItemId, &str, &Revision)> {
        let mut all: Vec<(ItemId, &str, &Revision)> = Vec::new();
        for g in &self.goals {
            all.extend(g.history.iter().map(|r| (g.id, g.text.as_str(), r)));
        }
        for w in &self.waypoints {
            all.extend(w.history.iter().map(|r| (w.id, w.text.as_str(), r)));
        }
        for a in &self.actions {
            all.extend(a.history.iter().map(|r| (a.id, a.text.as_str(), r)));
        }
        all.sort_by_key(|(id, _, r)| (r.date, *id));
        all
    }

    /// The slips of an item, if it is a goal, waypoint or action.
    pub fn slips(&self, id: ItemId) -> Slips {
        fn of<T: Planned>(items: &[T], id: ItemId) -> Slips {
            items
                .iter()
                .find(|i| i.id() == id)
                .map(Planned::slips)
                .unwrap_or_default()
        }
        match id.kind {
            ItemKind::Goal => of(&self.goals, id),
            ItemKind::Waypoint => of(&self.waypoints, id),
            ItemKind::Action => of(&self.actions, id),
            _ => Slips::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;
    use crate::model::date::parse_iso;

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn sponsoring() -> (Relationship, ItemId) {
        let mut rel = Relationship::new("Grace".into(), Role::Sponsor, day("2026-01-01"));
        let w = rel.add_waypoint(
            "Lead the review".into(),
            day("2026-10-31"),
            day("2026-01-05"),
        );
        (rel, w)
    }

    #[test]
    fn a_move_is_kept_with_its_reason_and_counts_as_a_slip() {
        let (mut rel, w) = sponsoring();
        let r = rel
            .replan(
                w,
                &Replan::Move(day("2026-12-31")),
                day("2026-11-02"),
                Some(" the reorg ".into()),
                None,
            )
            .unwrap();
        assert_eq!(r.because.as_deref(), Some("the reorg"));
        assert_eq!(rel.waypoints[0].due, day("2026-12-31"));
        rel.replan(
            w,
            &Replan::Move(day("2027-01-31")),
            day("2026-12-20"),
            None,
            None,
        )
        .unwrap();
        // Earlier is no slip.
        rel.replan(
            w,
            &Replan::Move(day("2027-01-15")),
            day("2026-12-21"),
            None,
            None,
        )
        .unwrap();
        let slips = rel.slips(w);
        assert_eq!(
            slips,
            Slips {
                slips: 2,
                days: 61 + 31,
                first_due: Some(day("2026-10-31"))
            }
        );
        assert_eq!(
            rel.waypoints[0].dues(),
            ["2026-10-31", "2026-12-31", "2027-01-31", "2027-01-15"].map(day)
        );
        // As it stood on a day between the moves.
        let then = rel.as_of(day("2026-11-30"));
        assert_eq!(then.waypoints[0].due, day("2026-12-31"));
        assert_eq!(then.slips(w).slips, 1);
        assert_eq!(
            rel.as_of(day("2026-11-01")).waypoints[0].due,
            day("2026-10-31")
        );
    }

    #[test]
    fn what_cannot_be_replanned_is_refused() {
        let (mut rel, w) = sponsoring();
        let on = day("2026-11-02");
        let err = |rel: &mut Relationship, change: Replan| {
            rel.replan(w, &change, on, None, None)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(&mut rel, Replan::Move(day("2026-10-31"))),
            "waypoint w1 is already due on 2026-10-31"
        );
        assert_eq!(
            err(&mut rel, Replan::Move(day("2026-11-01"))),
            "2026-11-01 is in the past; waypoint w1 can only move to a day still to come"
        );
        assert_eq!(
            err(&mut rel, Replan::Rename("Lead the review".into())),
            "waypoint w1 already says that"
        );
        assert_eq!(err(&mut rel, Replan::Reopen), "waypoint w1 is open");
        rel.reach_waypoint(w, day("2026-11-01")).unwrap();
        assert_eq!(
            err(&mut rel, Replan::Move(day("2026-12-01"))),
            "waypoint w1 was reached on 2026-11-01"
        );
        let s = rel.add_strength("calm".into(), on);
        assert!(rel.replan(s, &Replan::Reopen, on, None, None).is_err());
    }

    #[test]
    fn a_reopen_and_a_rename_rewind_to_the_day_before() {
        let (mut rel, w) = sponsoring();
        rel.reach_waypoint(w, day("2026-11-01")).unwrap();
        let r = rel
            .replan(
                w,
                &Replan::Reopen,
                day("2026-11-03"),
                Some("by mistake".into()),
                None,
            )
            .unwrap();
        assert_eq!(
            r.reopened,
            Some(Reopened {
                was: Closed::Reached,
                on: day("2026-11-01")
            })
        );
        assert!(rel.waypoints[0].is_open());
        rel.replan(
            w,
            &Replan::Rename("Lead the Q1 review".into()),
            day("2026-11-04"),
            None,
            None,
        )
        .unwrap();
        let then = rel.as_of(day("2026-11-02"));
        assert_eq!(then.waypoints[0].reached, Some(day("2026-11-01")));
        assert_eq!(then.waypoints[0].text, "Lead the review");
        assert_eq!(rel.revisions().len(), 2);
        assert_eq!(rel.slips(w), Slips::default());
        assert_eq!(rel.waypoints[0].dues(), [day("2026-10-31")]);
    }
}
