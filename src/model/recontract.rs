//! Re-contracting: the essay's "crystal clarity of intent" is owed again
//! whenever the relationship changes. An evolution, a new destination or a
//! new role leaves the agreement (and, for sponsoring, the protégé's
//! opt-in) to be re-confirmed, until one is recorded on or after that day.

use chrono::NaiveDate;
use serde::Serialize;

use super::kind::Kind;
use super::relationship::{EventKind, Relationship};

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// It evolved into another kind.
    Evolved,
    /// The person's role in it changed.
    Role,
    /// The destination changed.
    Destination,
}

/// The last change that asks for the agreement again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub on: NaiveDate,
    pub reason: Reason,
    /// For an evolution: the kind it became.
    pub into: Option<Kind>,
}

impl Relationship {
    /// The last change by `day` that asks for the agreement (and opt-in)
    /// again: an evolution, a new role, a new destination. `self` is the
    /// relationship as it stood on `day` (see [`Relationship::as_of`]).
    pub fn contract_change(&self, day: NaiveDate) -> Option<Change> {
        self.last_contract_change(day).map(|(_, change)| change)
    }

    /// The last change, and where its event is in the history.
    fn last_contract_change(&self, day: NaiveDate) -> Option<(usize, Change)> {
        self.events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.date <= day)
            .filter_map(|(i, e)| {
                let reason = if e.what == EventKind::Evolved {
                    Reason::Evolved
                } else if e.changed("role").is_some() {
                    Reason::Role
                } else if e
                    .changed("destination")
                    .is_some_and(|(_, new)| new.is_some())
                {
                    Reason::Destination
                } else {
                    return None;
                };
                Some((i, e.date, reason))
            })
            .max_by_key(|(i, on, _)| (*on, *i))
            .map(|(i, on, reason)| {
                let change = Change {
                    on,
                    reason,
                    into: (reason == Reason::Evolved).then_some(self.kind),
                };
                (i, change)
            })
    }

    /// Whether `field` (`agreed`, `opted_in`), dated `date`, was set after
    /// the last change by `day`: on a later day, or the same day — unless
    /// the history shows it set that day before the change and not after
    /// (an older rel, or a hand, may have left no entry: then the same day
    /// counts). The change it predates, if not.
    fn owed(&self, field: &str, date: NaiveDate, day: NaiveDate) -> Option<Change> {
        let (at, change) = self.last_contract_change(day)?;
        let last_set = self
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.date == change.on && e.changed(field).is_some())
            .map(|(i, _)| i)
            .max();
        let fresh = date > change.on || (date == change.on && last_set.is_none_or(|i| i > at));
        (!fresh).then_some(change)
    }

    /// The change the agreement predates, if it does.
    pub fn agreement_owed(&self, day: NaiveDate) -> Option<Change> {
        let agreed = self.agreement.as_ref()?.date;
        self.owed("agreed", agreed, day)
    }

    /// Sponsoring: the change the protégé's opt-in predates, if it does.
    pub fn opt_in_owed(&self, day: NaiveDate) -> Option<Change> {
        if self.kind != Kind::Sponsoring {
            return None;
        }
        let opted = self.opted_in?;
        self.owed("opted_in", opted, day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;
    use crate::model::date::parse_iso;
    use crate::model::relationship::{Agreement, FieldChange};

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn an_evolution_a_role_or_a_destination_asks_for_the_agreement_again() {
        let mut rel = Relationship::new("Ada".into(), Role::Mentor, day("2026-01-01"));
        rel.agreement = Some(Agreement {
            date: day("2026-01-05"),
            how: None,
        });
        assert_eq!(rel.contract_change(day("2026-12-31")), None);
        rel.evolve(Kind::Sponsoring, None, day("2026-06-01"))
            .unwrap();
        let evolved = Change {
            on: day("2026-06-01"),
            reason: Reason::Evolved,
            into: Some(Kind::Sponsoring),
        };
        assert_eq!(rel.agreement_owed(day("2026-06-02")), Some(evolved));
        // Not yet, on a day before it changed.
        assert_eq!(
            rel.as_of(day("2026-05-31"))
                .agreement_owed(day("2026-05-31")),
            None
        );
        // No opt-in yet: that is a need of its own, not a re-confirmation.
        assert_eq!(rel.opt_in_owed(day("2026-06-02")), None);
        // Agreed the same day, after it evolved.
        rel.agreement.as_mut().unwrap().date = day("2026-06-01");
        rel.record_changes(
            vec![FieldChange {
                field: "agreed",
                old: Some("2026-01-05".into()),
                new: Some("2026-06-01".into()),
            }],
            day("2026-06-01"),
        );
        assert_eq!(rel.agreement_owed(day("2026-06-02")), None);
        rel.opted_in = Some(day("2026-06-03"));
        assert_eq!(rel.agreement_owed(day("2026-06-03")), None);
        rel.record_changes(
            vec![FieldChange {
                field: "destination",
                old: Some("Staff".into()),
                new: Some("Principal".into()),
            }],
            day("2026-07-01"),
        );
        let moved = Some(Change {
            on: day("2026-07-01"),
            reason: Reason::Destination,
            into: None,
        });
        assert_eq!(rel.agreement_owed(day("2026-07-01")), moved);
        assert_eq!(rel.opt_in_owed(day("2026-07-01")), moved);
        // A destination cleared asks for nothing.
        rel.agreement.as_mut().unwrap().date = day("2026-07-02");
        rel.opted_in = Some(day("2026-07-02"));
        rel.record_changes(
            vec![FieldChange {
                field: "destination",
                old: Some("Principal".into()),
                new: None,
            }],
            day("2026-08-01"),
        );
        assert_eq!(rel.agreement_owed(day("2026-08-01")), None);
        // Agreed, then the role changed, the same day: the history says
        // which came first.
        rel.agreement.as_mut().unwrap().date = day("2026-09-01");
        rel.record_changes(
            vec![FieldChange {
                field: "agreed",
                old: Some("2026-07-02".into()),
                new: Some("2026-09-01".into()),
            }],
            day("2026-09-01"),
        );
        rel.record_changes(
            vec![FieldChange {
                field: "role",
                old: Some("sponsor".into()),
                new: Some("protege".into()),
            }],
            day("2026-09-01"),
        );
        assert_eq!(
            rel.agreement_owed(day("2026-09-01")).map(|c| c.reason),
            Some(Reason::Role)
        );
        // With no entry for it, an agreement of the same day counts.
        rel.events.retain(|e| e.field.as_deref() != Some("agreed"));
        assert_eq!(rel.agreement_owed(day("2026-09-01")), None);
    }
}
