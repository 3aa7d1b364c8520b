//! `rel report --format markdown`: the period report as CommonMark, to
//! paste into a self-review. Every piece of a person's text is escaped, so
//! a note can never open a heading, a list, a link or HTML.

use std::fmt::Write as _;

use super::kind_sentence;
use super::period::{
    Input, action_words, changes, checkin_words, correction_words, owners, period_words,
    promoted_words, quiet_words, total_checkin_words, verdict_words, when, whose,
};
use super::words::{one_line, plural};
use crate::model::Status;
use crate::model::activity::{Activity, ByOwner, Totals};
use crate::text::sanitize;

pub fn render(input: &Input<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Period report: {}\n", period_words(input));
    let _ = writeln!(
        out,
        "As of {}: {}.",
        input.today,
        plural(input.activities.len(), "relationship")
    );
    for a in input.activities {
        relationship(&mut out, a, input);
    }
    totals(&mut out, input.totals);
    out
}

fn relationship(out: &mut String, a: &Activity<'_>, input: &Input<'_>) {
    let _ = writeln!(out, "\n## {} ({})\n", escape(&a.rel.person), a.handle);
    let kind = format!("_{}_", kind_sentence(a.rel));
    let status = match a.rel.status {
        Status::Active => String::new(),
        other => format!(" · now {other}"),
    };
    if a.is_quiet() {
        let _ = writeln!(out, "{kind}{status} · {}", quiet_words(a));
        return;
    }
    let _ = writeln!(out, "{kind}{status}\n");
    let mut checkins = checkin_words(a, input.covered);
    if let Some(mean) = a.average_rating() {
        checkins.push_str(&format!(
            ", average rating {mean:.1} over {}",
            plural(a.ratings.len(), "rated meeting")
        ));
    }
    let _ = writeln!(out, "- **Check-ins:** {checkins}");

    let mut items = Vec::new();
    for w in &a.waypoints_reached {
        items.push(item(w.id, &w.text, &when("reached", w.reached)));
    }
    for w in &a.waypoints_dropped {
        items.push(item(w.id, &w.text, &when("dropped", w.dropped)));
    }
    group(out, "Waypoints", None, &items);

    let mut items = Vec::new();
    for g in &a.goals_achieved {
        items.push(item(g.id, &g.text, &when("achieved", g.achieved)));
    }
    for g in &a.goals_dropped {
        items.push(item(g.id, &g.text, &when("dropped", g.dropped)));
    }
    for g in &a.goals_assessed {
        items.push(item(g.id, &g.text, &verdict_words(g.assessment)));
    }
    group(out, "Goals", None, &items);

    let items: Vec<String> = a
        .actions_closed
        .iter()
        .map(|x| {
            let done = when("done", x.done);
            item(x.id, &x.text, &format!("{}, {done}", whose(x.owner)))
        })
        .collect();
    group(out, "Actions", action_words(a).as_deref(), &items);

    let items: Vec<String> = a
        .advocacy
        .iter()
        .map(|v| {
            let served = v.waypoint.map(|w| format!(", for {w}")).unwrap_or_default();
            item(v.id, &v.text, &format!("{}{served}", v.date))
        })
        .collect();
    group(out, "Advocacy", None, &items);

    let mut items = Vec::new();
    for s in &a.strengths {
        items.push(item(s.id, &s.text, &format!("added {}", s.added)));
    }
    for c in &a.promoted {
        items.push(item(c.id, &c.text, &promoted_words(c)));
    }
    group(out, "Strengths", None, &items);

    for (label, review) in [("Reviews", true), ("Agreed", false)] {
        let items: Vec<String> = a
            .corrections
            .iter()
            .filter(|c| c.review == review)
            .map(|c| format!("{}: {}", c.date, correction_words(c, &escape)))
            .collect();
        group(out, label, None, &items);
    }

    let items: Vec<String> = a
        .replanned
        .iter()
        .map(|(id, text, r)| {
            let what = format!("{} {}", r.date, super::replan::line(r));
            item(*id, text, &escape(&one_line(&what)))
        })
        .collect();
    group(out, "Re-planned", None, &items);

    let items: Vec<String> = changes(a, &escape)
        .into_iter()
        .map(|(date, words)| format!("{date}: {words}"))
        .collect();
    group(out, "Changes", None, &items);
}

/// `w1 Lead the review (reached 2026-10-01)`, the text escaped.
fn item(id: crate::model::ItemId, text: &str, when: &str) -> String {
    format!("{id} {} ({when})", escape(text))
}

/// `- **Label:** summary` and its items as a nested list; nothing at all
/// when there is neither.
fn group(out: &mut String, label: &str, summary: Option<&str>, items: &[String]) {
    if summary.is_none() && items.is_empty() {
        return;
    }
    match summary {
        Some(summary) => {
            let _ = writeln!(out, "- **{label}:** {summary}");
        }
        None => {
            let _ = writeln!(out, "- **{label}:**");
        }
    }
    for entry in items {
        let _ = writeln!(out, "  - {entry}");
    }
}

fn totals(out: &mut String, t: &Totals) {
    let _ = writeln!(out, "\n## Totals\n");
    let _ = writeln!(out, "| Measure | In the period |");
    let _ = writeln!(out, "|---|---|");
    let mut row = |what: &str, value: String| {
        let _ = writeln!(out, "| {what} | {value} |");
    };
    row("Relationships", t.relationships.to_string());
    row("Started", t.started.to_string());
    row("Ended", t.ended.to_string());
    row("Check-ins", total_checkin_words(t));
    row(
        "Average rating",
        t.average_rating
            .map_or("—".to_string(), |m| format!("{m:.1} ({} rated)", t.rated)),
    );
    row("Waypoints reached", t.waypoints_reached.to_string());
    row("Goals achieved", t.goals_achieved.to_string());
    row("Goals dropped", t.goals_dropped.to_string());
    row("Actions opened", owned(t.actions_opened));
    row("Actions closed", owned(t.actions_closed));
    row("Actions dropped", t.actions_dropped.total().to_string());
    row("Acts of advocacy", t.advocacy.to_string());
    row("Strengths added", t.strengths.to_string());
    row("Growth areas promoted", t.promoted.to_string());
}

/// `3 (1 mine, 2 theirs)`.
fn owned(n: ByOwner) -> String {
    format!("{} ({})", n.total(), owners(n))
}

/// A person's text as inline CommonMark that reads as exactly that text:
/// on one line, control characters shown, and every character that could
/// start emphasis, a link, code, HTML, an entity, a table cell or a
/// heading escaped — as well as a list marker or thematic break at its
/// start.
pub fn escape(text: &str) -> String {
    let text = sanitize(&one_line(text));
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '#' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // At the start of a line, `-`, `+` and `=` open a list or underline a
    // heading, and `1.` or `1)` opens an ordered list.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_in_text_is_escaped() {
        assert_eq!(escape("plain words"), "plain words");
        assert_eq!(escape("*bold* _it_"), "\\*bold\\* \\_it\\_");
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("12) nor this"), "12\\) nor this");
        assert_eq!(escape("- nor this"), "\\- nor this");
        assert_eq!(escape("<b>html</b>"), "\\<b\\>html\\</b\\>");
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("line one\n\n# two"), "line one \\# two");
        assert_eq!(escape("[link](x)"), "\\[link\\](x)");
        assert_eq!(escape("&amp;"), "\\&amp;");
        assert_eq!(escape("ESC\u{1b}[31m"), "ESC\\\\u{1b}\\[31m");
        assert_eq!(escape("Q1-review. 2026"), "Q1-review. 2026");
    }
}
