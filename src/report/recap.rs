//! `rel recap`: the message to send the other person after a meeting —
//! what we agreed, their actions and mine, what was done and reached, the
//! next meeting — as plain text, Markdown or JSON. Only what is theirs to
//! read: the notes, what is (not) working, strengths, growth areas,
//! advocacy and why stay private; a check-in's `shared` text is the one
//! part of the notes that goes.

use chrono::NaiveDate;
use serde::Serialize;

use super::markdown::escape;
use crate::model::date::with_weekday;
use crate::model::{CheckIn, CheckinId, ItemId, ItemKind, Owner, Relationship};
use crate::problem::Problem;
use crate::text::{sanitize, sanitize_with, wrap};

/// What a recap says, taken from one check-in and the relationship.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recap {
    pub handle: String,
    pub person: String,
    pub checkin: String,
    pub date: NaiveDate,
    /// What the check-in marked as theirs to read.
    pub shared: Option<String>,
    /// The course corrections agreed.
    pub agreed: Vec<String>,
    pub their_actions: Vec<ActionLine>,
    pub my_actions: Vec<ActionLine>,
    /// Actions closed at the meeting.
    pub done: Vec<DoneLine>,
    /// Waypoints reached at the meeting.
    pub reached: Vec<ItemLine>,
    /// Goals achieved at the meeting.
    pub achieved: Vec<ItemLine>,
    /// Goals, waypoints and actions moved to another day at the meeting.
    pub moved: Vec<MovedLine>,
    /// Goals, waypoints and actions dropped at the meeting.
    pub dropped: Vec<ItemLine>,
    pub next: Option<Next>,
}

/// An item moved at the meeting: its new due day, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MovedLine {
    pub id: ItemId,
    pub text: String,
    pub due: NaiveDate,
    pub because: Option<String>,
}

/// `rel recap --json`: the recap, and what could not be read.
#[derive(Serialize)]
pub struct RecapJson<'a> {
    #[serde(flatten)]
    pub recap: &'a Recap,
    pub problems: &'a [Problem],
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionLine {
    pub id: ItemId,
    pub text: String,
    pub due: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DoneLine {
    pub id: ItemId,
    pub text: String,
    pub owner: Owner,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemLine {
    pub id: ItemId,
    pub text: String,
}

/// The next meeting: the one planned at the meeting, or (for the newest
/// meeting) the day the cadence makes the next one due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Next {
    pub date: NaiveDate,
    /// `planned` or `cadence`.
    pub how: &'static str,
}

/// Gathers what a recap of `checkin` says. `due_next` is the day the
/// assessment says the next meeting is due, for the newest check-in.
pub fn recap(
    handle: &str,
    rel: &Relationship,
    id: CheckinId,
    checkin: &CheckIn,
    due_next: Option<NaiveDate>,
) -> Recap {
    let action = |id: ItemId| rel.actions.iter().find(|a| a.id == id);
    let mut their_actions = Vec::new();
    let mut my_actions = Vec::new();
    for new in &checkin.opened {
        let Some(action_id) = new.id else { continue };
        let now = action(action_id);
        let line = ActionLine {
            id: action_id,
            text: new.text.clone(),
            due: now.and_then(|a| a.due).or(new.due),
        };
        match new.owner {
            Owner::Them => their_actions.push(line),
            Owner::Me => my_actions.push(line),
        }
    }
    let done = checkin
        .closed
        .iter()
        .filter_map(|id| action(*id))
        .map(|a| DoneLine {
            id: a.id,
            text: a.text.clone(),
            owner: a.owner,
        })
        .collect();
    let reached = checkin
        .reached
        .iter()
        .filter_map(|id| rel.waypoints.iter().find(|w| w.id == *id))
        .map(|w| ItemLine {
            id: w.id,
            text: w.text.clone(),
        })
        .collect();
    // The words of a goal, waypoint or action named at the meeting.
    let words = |id: ItemId| -> Option<String> {
        let text = match id.kind {
            ItemKind::Goal => &rel.goals.iter().find(|g| g.id == id)?.text,
            ItemKind::Waypoint => &rel.waypoints.iter().find(|w| w.id == id)?.text,
            ItemKind::Action => &action(id)?.text,
            _ => return None,
        };
        Some(text.clone())
    };
    let line = |id: &ItemId| words(*id).map(|text| ItemLine { id: *id, text });
    let achieved = checkin.achieved.iter().filter_map(line).collect();
    let dropped = checkin.dropped.iter().filter_map(line).collect();
    let moved = checkin
        .moved
        .iter()
        .filter_map(|m| {
            Some(MovedLine {
                id: m.id,
                text: words(m.id)?,
                due: m.due,
                because: m.because.clone(),
            })
        })
        .collect();
    let next = match (checkin.next, due_next) {
        (Some(date), _) => Some(Next {
            date,
            how: "planned",
        }),
        (None, Some(date)) => Some(Next {
            date,
            how: "cadence",
        }),
        (None, None) => None,
    };
    Recap {
        handle: handle.to_string(),
        person: rel.person.clone(),
        checkin: id.to_string(),
        date: checkin.date,
        shared: checkin.shared.clone(),
        agreed: checkin.changes.clone(),
        their_actions,
        my_actions,
        done,
        reached,
        achieved,
        moved,
        dropped,
        next,
    }
}

impl Recap {
    /// Nothing in it but the date: no shared words, nothing agreed or done.
    pub fn is_bare(&self) -> bool {
        self.shared.is_none()
            && self.agreed.is_empty()
            && self.their_actions.is_empty()
            && self.my_actions.is_empty()
            && self.done.is_empty()
            && self.reached.is_empty()
            && self.achieved.is_empty()
            && self.moved.is_empty()
            && self.dropped.is_empty()
    }

    /// The sections, each a title and its lines, in the order they read.
    fn sections(&self) -> Vec<(&'static str, Vec<String>)> {
        let action = |a: &ActionLine| match a.due {
            Some(due) => format!("{} (by {})", a.text, with_weekday(due)),
            None => a.text.clone(),
        };
        let moved = |m: &MovedLine| match &m.because {
            Some(why) => format!("{}: now by {} ({why})", m.text, with_weekday(m.due)),
            None => format!("{}: now by {}", m.text, with_weekday(m.due)),
        };
        let done = |d: &DoneLine| match d.owner {
            Owner::Them => format!("{} (yours)", d.text),
            Owner::Me => format!("{} (mine)", d.text),
        };
        vec![
            ("What we agreed", self.agreed.clone()),
            (
                "Your actions",
                self.their_actions.iter().map(action).collect(),
            ),
            ("My actions", self.my_actions.iter().map(action).collect()),
            ("Done", self.done.iter().map(done).collect()),
            (
                "Waypoints reached",
                self.reached.iter().map(|w| w.text.clone()).collect(),
            ),
            (
                "Goals achieved",
                self.achieved.iter().map(|g| g.text.clone()).collect(),
            ),
            ("Moved", self.moved.iter().map(moved).collect()),
            (
                "Dropped",
                self.dropped.iter().map(|d| d.text.clone()).collect(),
            ),
        ]
    }

    fn next_words(&self) -> Option<String> {
        self.next.map(|next| match next.how {
            "planned" => format!("Next meeting: {}", with_weekday(next.date)),
            _ => format!("Next meeting: due around {}", with_weekday(next.date)),
        })
    }
}

/// How wide the plain text is: a mail client's line, not the terminal.
const COLUMNS: usize = 72;

/// The recap as plain text, ready for a mail client. The greeting is
/// yours: rel does not guess what they like to be called.
pub fn text(recap: &Recap) -> String {
    let mut out = String::new();
    out.push_str(&wrap(
        &format!(
            "Thanks for our meeting on {}. A short recap:",
            with_weekday(recap.date)
        ),
        0,
        COLUMNS,
        "",
    ));
    out.push('\n');
    if let Some(shared) = &recap.shared {
        out.push('\n');
        // Their words, line for line as written.
        for line in sanitize_with(shared, true).lines() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    for (title, lines) in recap.sections() {
        if lines.is_empty() {
            continue;
        }
        out.push('\n');
        out.push_str(title);
        out.push('\n');
        for line in lines {
            out.push_str(&format!("- {}\n", wrap(&sanitize(&line), 2, COLUMNS, "  ")));
        }
    }
    if let Some(next) = recap.next_words() {
        out.push('\n');
        out.push_str(&next);
        out.push('\n');
    }
    out
}

/// The recap as CommonMark, every word of theirs escaped.
pub fn markdown(recap: &Recap) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "Thanks for our meeting on {}. A short recap:\n",
        with_weekday(recap.date)
    ));
    if let Some(shared) = &recap.shared {
        out.push('\n');
        // Paragraphs as written; each line escaped on its own.
        for line in shared.lines() {
            if line.trim().is_empty() {
                out.push('\n');
            } else {
                out.push_str(&escape(line.trim()));
                out.push('\n');
            }
        }
    }
    for (title, lines) in recap.sections() {
        if lines.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {title}\n\n"));
        for line in lines {
            out.push_str(&format!("- {}\n", escape(&line)));
        }
    }
    if let Some(next) = recap.next_words() {
        out.push_str(&format!("\n**{next}**\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;
    use crate::model::items::NewAction;

    fn day(s: &str) -> NaiveDate {
        parse_iso(s).unwrap_or_default()
    }

    fn grace() -> Relationship {
        let mut rel: Relationship = toml::from_str(
            "person = \"Grace Hopper\"\nkind = \"sponsoring\"\nrole = \"sponsor\"\nstarted = 2026-01-01\nwhy = \"She will not promote herself\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let w1 = rel.add_waypoint(
            "Present at the forum".into(),
            day("2026-06-30"),
            day("2026-01-01"),
        );
        let a1 = rel.add_action(
            NewAction {
                id: None,
                text: "Book the room".into(),
                owner: Owner::Me,
                due: None,
            },
            day("2026-01-01"),
            None,
        );
        rel.add_growth("Quiet in big rooms".into(), day("2026-01-01"));
        let _ = (w1, a1);
        rel
    }

    fn meeting(rel: &mut Relationship) -> (CheckinId, CheckIn) {
        let id = CheckinId::new(day("2026-06-08"), 1);
        let mut c = CheckIn::new(id.date);
        c.notes = Some("Private: she doubts herself.".into());
        c.working = vec!["Private working".into()];
        c.not_working = vec!["Private not working".into()];
        c.shared = Some("Great forum talk.\n\nOnwards.".into());
        c.changes = vec!["Meet *monthly*".into()];
        c.closed = vec!["a1".parse().unwrap_or_else(|_| panic!())];
        c.reached = vec!["w1".parse().unwrap_or_else(|_| panic!())];
        c.about = vec!["c1".parse().unwrap_or_else(|_| panic!())];
        c.opened = vec![
            NewAction {
                id: None,
                text: "Draft the packet".into(),
                owner: Owner::Them,
                due: Some(day("2026-07-01")),
            },
            NewAction {
                id: None,
                text: "Ask Dmitri".into(),
                owner: Owner::Me,
                due: None,
            },
        ];
        rel.record_checkin(id, &mut c);
        (id, c)
    }

    #[test]
    fn a_recap_says_what_was_agreed_and_nothing_private() {
        let mut rel = grace();
        let (id, c) = meeting(&mut rel);
        let r = recap("grace", &rel, id, &c, None);
        let text = text(&r);
        assert_eq!(
            text,
            "Thanks for our meeting on Mon 2026-06-08. A short recap:\n\nGreat forum talk.\n\nOnwards.\n\nWhat we agreed\n- Meet *monthly*\n\nYour actions\n- Draft the packet (by Wed 2026-07-01)\n\nMy actions\n- Ask Dmitri\n\nDone\n- Book the room (mine)\n\nWaypoints reached\n- Present at the forum\n"
        );
        let md = markdown(&r);
        assert!(md.contains("- Meet \\*monthly\\*\n"), "{md}");
        assert!(md.contains("### Your actions\n\n- Draft the packet (by Wed 2026-07-01)\n"));
        for private in [
            "Private",
            "She will not promote herself",
            "Quiet in big rooms",
            "c1",
        ] {
            assert!(!text.contains(private), "{private} in {text}");
            assert!(!md.contains(private), "{private} in {md}");
        }
    }

    #[test]
    fn the_next_meeting_is_the_one_planned_else_the_one_due() {
        let mut rel = grace();
        let (id, mut c) = meeting(&mut rel);
        let due = Some(day("2026-07-06"));
        assert_eq!(
            recap("grace", &rel, id, &c, due).next,
            Some(Next {
                date: day("2026-07-06"),
                how: "cadence"
            })
        );
        assert!(
            text(&recap("grace", &rel, id, &c, due))
                .ends_with("Next meeting: due around Mon 2026-07-06\n")
        );
        c.next = Some(day("2026-07-13"));
        let r = recap("grace", &rel, id, &c, due);
        assert!(text(&r).ends_with("Next meeting: Mon 2026-07-13\n"));
        assert!(markdown(&r).ends_with("**Next meeting: Mon 2026-07-13**\n"));
    }
}
