//! What a merge of two machines' journals could not decide for the person:
//! a field changed differently on both. The merge keeps one value and
//! records the other in the relationship's history; the conflict stands
//! until a later change of that field, or the person's word that the value
//! kept is right.

use chrono::NaiveDate;

use super::relationship::{CHANGEABLE, Event, EventKind, Relationship};

impl Relationship {
    /// Records that `field` was changed on two machines: `kept` is what it
    /// says now, `other` the value set aside (none: not set).
    pub fn record_conflict(
        &mut self,
        field: String,
        kept: Option<String>,
        other: Option<String>,
        on: NaiveDate,
    ) {
        self.events.push(Event {
            date: on,
            what: EventKind::Conflict,
            from: None,
            from_role: None,
            until: None,
            note: None,
            field: Some(field),
            old: other,
            new: kept,
        });
    }

    /// The conflicts no later change or word has settled, oldest first.
    pub fn open_conflicts(&self) -> Vec<&Event> {
        self.events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.what == EventKind::Conflict)
            .filter(|(i, e)| {
                !self.events[i + 1..].iter().any(|later| {
                    later.field == e.field
                        && matches!(
                            later.what,
                            EventKind::Changed | EventKind::Settled | EventKind::Conflict
                        )
                })
            })
            .map(|(_, e)| e)
            .collect()
    }

    /// Settles the open conflict over `field` (as conflicts name it): the
    /// value it has stands. False when there is none.
    pub fn settle(&mut self, field: &str, on: NaiveDate) -> bool {
        let open = self
            .open_conflicts()
            .iter()
            .any(|e| e.field.as_deref() == Some(field));
        if open {
            let kept = self
                .open_conflicts()
                .into_iter()
                .rev()
                .find(|e| e.field.as_deref() == Some(field))
                .and_then(|e| e.new.clone());
            self.events.push(Event {
                date: on,
                what: EventKind::Settled,
                from: None,
                from_role: None,
                until: None,
                note: None,
                field: Some(field.to_string()),
                old: None,
                new: kept,
            });
        }
        open
    }
}

/// Whether a conflict's field is one `rel set` changes (by the flag of
/// the same name, `_` as `-`).
pub fn settable(field: &str) -> bool {
    CHANGEABLE.contains(&field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;
    use crate::model::kind::Role;

    #[test]
    fn a_conflict_stands_until_the_field_changes_or_is_settled() {
        let day = |s| parse_iso(s).unwrap();
        let mut rel = Relationship::new("Ada".into(), Role::Mentor, day("2026-01-01"));
        rel.record_conflict(
            "purpose".into(),
            Some("Lead".into()),
            Some("Grow".into()),
            day("2026-11-10"),
        );
        rel.record_conflict("a1.text".into(), Some("x".into()), None, day("2026-11-10"));
        let fields = |rel: &Relationship| -> Vec<String> {
            rel.open_conflicts()
                .iter()
                .filter_map(|e| e.field.clone())
                .collect()
        };
        assert_eq!(fields(&rel), ["purpose", "a1.text"]);
        assert!(rel.settle("a1.text", day("2026-11-11")));
        assert!(!rel.settle("a1.text", day("2026-11-11")));
        assert_eq!(fields(&rel), ["purpose"]);
        let before = rel.clone();
        rel.purpose = Some("Grow".into());
        let changes = rel.changes_from(&before);
        rel.record_changes(changes, day("2026-11-12"));
        assert!(fields(&rel).is_empty());
        assert!(settable("purpose") && settable("their_aims") && !settable("a1.text"));
    }
}
