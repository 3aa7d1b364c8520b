//! The changes between meetings in words — a field set, an evolution, a
//! pause, an item moved — every word as recorded (a summary elsewhere may
//! clip; the history never does). For `rel log` and `rel show --history`.

use crate::model::history::Change;
use crate::model::relationship::EventKind;

/// A change, told: a short label (`purpose`, `evolved`, `w5`), what it
/// says now, and what goes under it (what a field was before, an item's
/// text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Told {
    pub label: String,
    pub text: String,
    pub under: Vec<String>,
}

fn told(label: impl Into<String>, text: impl Into<String>, under: Vec<String>) -> Told {
    Told {
        label: label.into(),
        text: text.into(),
        under,
    }
}

pub fn tell(change: &Change<'_>) -> Told {
    match change {
        Change::Item { id, text, revision } => told(
            id.to_string(),
            super::replan::line(revision),
            vec![(*text).to_string()],
        ),
        Change::Event { event, into } => {
            let note: Vec<String> = event.note.iter().cloned().collect();
            match event.what {
                EventKind::Changed => match &event.field {
                    Some(field) => {
                        let label = field.replace('_', " ");
                        let old = event.old.as_deref();
                        let new = event.new.as_deref();
                        if crate::model::relationship::Event::is_text_field(field) {
                            told(
                                label,
                                new.unwrap_or("(cleared)"),
                                vec![format!("was: {}", old.unwrap_or("(not set)"))],
                            )
                        } else {
                            told(
                                label,
                                format!("{} → {}", old.unwrap_or("—"), new.unwrap_or("—")),
                                Vec::new(),
                            )
                        }
                    }
                    None => told(
                        "changed",
                        event.note.clone().unwrap_or_default(),
                        Vec::new(),
                    ),
                },
                EventKind::Evolved => {
                    let from = match (event.from, event.from_role) {
                        (Some(kind), Some(role)) => {
                            format!("from {kind} (you were the {})", role.label())
                        }
                        (Some(kind), None) => format!("from {kind}"),
                        _ => String::new(),
                    };
                    let to = into
                        .map(|(kind, role)| format!("into {kind} (you are the {})", role.label()))
                        .unwrap_or_default();
                    let text = [from, to]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    told("evolved", text, note)
                }
                EventKind::Paused => {
                    told("paused", event.note.clone().unwrap_or_default(), Vec::new())
                }
                EventKind::Conflict | EventKind::Settled => {
                    let field = event.field.as_deref().unwrap_or("a field");
                    let value = |v: &Option<String>| match v {
                        Some(v) => format!("\"{v}\""),
                        None => "nothing".to_string(),
                    };
                    let label = super::merged::field_words(field);
                    match event.what {
                        EventKind::Settled => told(
                            label,
                            format!("settled: {} stands", value(&event.new)),
                            note,
                        ),
                        _ => told(
                            label,
                            format!("changed on two machines: kept {}", value(&event.new)),
                            vec![format!("set aside: {}", value(&event.old))],
                        ),
                    }
                }
                EventKind::Resumed => told(
                    "resumed",
                    event.note.clone().unwrap_or_default(),
                    Vec::new(),
                ),
                EventKind::Snoozed => match event.until {
                    Some(until) => told("snoozed", format!("until {until}"), note),
                    None => told("snoozed", "lifted", note),
                },
                EventKind::Ended => {
                    told("ended", event.note.clone().unwrap_or_default(), Vec::new())
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;
    use crate::model::relationship::{Event, FieldChange};
    use crate::model::replan::Replan;
    use crate::model::{Kind, Relationship, Role};

    fn day(s: &str) -> chrono::NaiveDate {
        parse_iso(s).unwrap()
    }

    #[test]
    fn every_kind_of_change_in_full() {
        let long = "Help Ada grow from senior engineer into the tech lead of the search team; the leading part is new.";
        let mut rel = Relationship::new("Ada".into(), Role::Learner, day("2026-01-01"));
        rel.record_changes(
            vec![
                FieldChange {
                    field: "purpose",
                    old: Some("Learn search".into()),
                    new: Some(long.into()),
                },
                FieldChange {
                    field: "cadence",
                    old: None,
                    new: Some("weekly".into()),
                },
                FieldChange {
                    field: "their_aims",
                    old: Some("A title".into()),
                    new: None,
                },
            ],
            day("2026-02-01"),
        );
        rel.evolve(Kind::Mentoring, None, day("2026-03-01"))
            .unwrap();
        rel.pause(day("2026-04-01"), Some("Leave".into())).unwrap();
        let g = rel.add_goal("Ship it".into(), day("2026-01-01"), Some(day("2026-05-01")));
        rel.replan(
            g,
            &Replan::Move(day("2026-06-01")),
            day("2026-04-02"),
            Some("later".into()),
            None,
        )
        .unwrap();
        let told: Vec<Told> = crate::model::history::changes(&rel)
            .iter()
            .map(tell)
            .collect();
        let rows: Vec<(String, String, Vec<String>)> = told
            .into_iter()
            .map(|t| (t.label, t.text, t.under))
            .collect();
        assert_eq!(
            rows,
            [
                ("purpose".into(), long.into(), vec!["was: Learn search".into()]),
                ("cadence".into(), "— → weekly".into(), vec![]),
                ("their aims".into(), "(cleared)".into(), vec!["was: A title".into()]),
                (
                    "evolved".into(),
                    "from reverse-mentoring (you were the learner) into mentoring (you are the mentor)".into(),
                    vec![]
                ),
                ("paused".into(), "Leave".into(), vec![]),
                (
                    "g1".into(),
                    "moved from 2026-05-01 to 2026-06-01 — later".into(),
                    vec!["Ship it".into()]
                ),
            ]
        );
        let old = Event {
            note: Some("cadence: weekly → monthly".into()),
            ..rel.events[0].clone()
        };
        let old = Event {
            field: None,
            old: None,
            new: None,
            ..old
        };
        let change = Change::Event {
            event: &old,
            into: None,
        };
        assert_eq!(tell(&change).text, "cadence: weekly → monthly");
    }
}
