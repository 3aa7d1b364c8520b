//! Re-plans in words: a move, a rename, a reopen, and how far an item has
//! slipped.

use crate::model::replan::{Revision, Slips};

/// What the revision did, in a few words for a commit message:
/// `moved to 2027-01-31`, `renamed`, `reopened`.
pub fn verb(r: &Revision) -> String {
    let mut parts = Vec::new();
    if let Some(due) = &r.due {
        parts.push(format!("moved to {}", due.to));
    }
    if r.text.is_some() {
        parts.push("renamed".to_string());
    }
    if r.reopened.is_some() {
        parts.push("reopened".to_string());
    }
    if parts.is_empty() {
        parts.push("noted".to_string());
    }
    parts.join(", ")
}

/// What the revision did, with what it was before: `moved from
/// 2026-10-31 to 2027-01-31`, `renamed from "…"`, `reopened (it was
/// reached on 2026-11-01)`. Every word of the old text: the record never
/// clips.
pub fn summary(r: &Revision) -> String {
    let mut parts = Vec::new();
    if let Some(due) = &r.due {
        parts.push(match due.from {
            Some(from) => format!("moved from {from} to {}", due.to),
            None => format!("given a due date, {}", due.to),
        });
    }
    if let Some(text) = &r.text {
        parts.push(format!("renamed from \"{}\"", text.from));
    }
    if let Some(reopened) = &r.reopened {
        parts.push(format!(
            "reopened (it was {} on {})",
            reopened.was, reopened.on
        ));
    }
    if parts.is_empty() {
        parts.push("noted".to_string());
    }
    parts.join(", ")
}

/// The revision as a line of history: `moved from … to … — because`.
pub fn line(r: &Revision) -> String {
    let mut line = summary(r);
    if let Some(text) = &r.text {
        line.push_str(&format!(" to \"{}\"", text.to));
    }
    if let Some(because) = &r.because {
        line.push_str(&format!(" — {because}"));
    }
    if let Some(checkin) = &r.checkin {
        // Its short name, as every view shows a check-in.
        let shown = checkin
            .parse::<crate::model::CheckinId>()
            .map_or_else(|()| checkin.clone(), |id| id.short());
        line.push_str(&format!(" (check-in {shown})"));
    }
    line
}

/// `slipped twice, 92 days in all (first due 2026-10-31)`, or nothing for
/// an item that never slipped.
pub fn slipped(s: &Slips) -> Option<String> {
    let times = match s.slips {
        0 => return None,
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    };
    let days = super::words::plural(s.days.max(0) as usize, "day");
    let first = s
        .first_due
        .map(|d| format!(" (first due {d})"))
        .unwrap_or_default();
    Some(format!("slipped {times}, {days} in all{first}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_iso;
    use crate::model::replan::{Closed, DueChange, Reopened, TextChange};

    fn revision() -> Revision {
        Revision {
            date: parse_iso("2026-11-12").unwrap(),
            due: None,
            text: None,
            reopened: None,
            because: None,
            checkin: None,
        }
    }

    #[test]
    fn each_change_in_words() {
        let day = |s| parse_iso(s).unwrap();
        let mut moved = revision();
        moved.due = Some(DueChange {
            from: Some(day("2026-10-31")),
            to: day("2027-01-31"),
        });
        moved.because = Some("the reorg moved planning".into());
        moved.checkin = Some("2026-11-12-1".into());
        assert_eq!(verb(&moved), "moved to 2027-01-31");
        assert_eq!(summary(&moved), "moved from 2026-10-31 to 2027-01-31");
        assert_eq!(
            line(&moved),
            "moved from 2026-10-31 to 2027-01-31 — the reorg moved planning (check-in 2026-11-12-1)"
        );
        let mut dated = revision();
        dated.due = Some(DueChange {
            from: None,
            to: day("2027-01-31"),
        });
        assert_eq!(summary(&dated), "given a due date, 2027-01-31");
        let mut renamed = revision();
        renamed.text = Some(TextChange {
            from: "Lead the review".into(),
            to: "Lead the Q1 planning review".into(),
        });
        assert_eq!(verb(&renamed), "renamed");
        assert_eq!(
            line(&renamed),
            "renamed from \"Lead the review\" to \"Lead the Q1 planning review\""
        );
        let mut reopened = revision();
        reopened.reopened = Some(Reopened {
            was: Closed::Reached,
            on: day("2026-11-01"),
        });
        assert_eq!(
            summary(&reopened),
            "reopened (it was reached on 2026-11-01)"
        );
        assert_eq!(verb(&revision()), "noted");
    }

    #[test]
    fn slips_in_words() {
        let day = |s| parse_iso(s);
        assert_eq!(slipped(&Slips::default()), None);
        let once = Slips {
            slips: 1,
            days: 1,
            first_due: day("2026-10-31"),
        };
        assert_eq!(
            slipped(&once).unwrap(),
            "slipped once, 1 day in all (first due 2026-10-31)"
        );
        let twice = Slips {
            slips: 2,
            days: 92,
            first_due: None,
        };
        assert_eq!(slipped(&twice).unwrap(), "slipped twice, 92 days in all");
        let many = Slips { slips: 3, ..twice };
        assert_eq!(slipped(&many).unwrap(), "slipped 3 times, 92 days in all");
    }
}
