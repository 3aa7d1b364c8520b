//! The words for what a merge of two machines' journals did: a conflict
//! it recorded, the person's word that settled one, and what `rel sync`
//! brought in and sent out.

use crate::model::relationship::{Event, EventKind};

use super::words::one_line;

/// A field as a person reads it: `purpose`, `their aims`, `a1's text`.
pub fn field_words(field: &str) -> String {
    let known = match field {
        "agreed" => "the agreement's date",
        "how" => "how you work together",
        "opted_in" => "the opt-in date",
        "until" => "the time box's end",
        "sessions" => "the sessions agreed",
        "review_every" => "the review period",
        "started" => "the start date",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    match field.split_once('.') {
        Some((id, rest)) => format!("{id}'s {}", rest.replace(['.', '_'], " ")),
        None => field.replace('_', " "),
    }
}

/// A conflict or a settling, in the history.
pub fn event_words(event: &Event, show: &dyn Fn(&str) -> String) -> String {
    let field = field_words(event.field.as_deref().unwrap_or("a field"));
    let value = |v: &Option<String>| match v {
        Some(v) => format!("\"{}\"", show(&one_line(v))),
        None => "nothing".to_string(),
    };
    match event.what {
        EventKind::Settled => format!("settled: {field} stands as {}", value(&event.new)),
        _ => format!(
            "{field} changed on two machines: kept {}, set aside {}",
            value(&event.new),
            value(&event.old)
        ),
    }
}

/// How many subjects a line names before it says how many more.
const NAMED: usize = 3;

/// `In from origin/main: 2 changes — checkin ada-lovelace 2026-11-10; …`
pub fn came_in(upstream: &str, subjects: &[String]) -> String {
    match subjects {
        [] => format!("In from {upstream}: nothing new."),
        _ => format!("In from {upstream}: {}.", changes(subjects)),
    }
}

/// `Out to origin/main: 1 change — goal g3 added (ada-lovelace).`
pub fn went_out(upstream: &str, subjects: &[String], new_branch: bool) -> String {
    let new = if new_branch {
        " (a new branch there)"
    } else {
        ""
    };
    match subjects {
        [] => format!("Out to {upstream}: nothing to send."),
        _ => format!("Out to {upstream}{new}: {}.", changes(subjects)),
    }
}

fn changes(subjects: &[String]) -> String {
    let n = subjects.len();
    let mut named: Vec<String> = subjects
        .iter()
        .take(NAMED)
        .map(|s| one_line(s).trim_end_matches('.').to_string())
        .collect();
    if n > NAMED {
        named.push(format!("and {} more", n - NAMED));
    }
    format!(
        "{n} {} — {}",
        if n == 1 { "change" } else { "changes" },
        named.join("; ")
    )
}

/// `Committed 2 files rel had not committed yet.`
pub fn committed(files: usize) -> String {
    let what = if files == 1 {
        "1 file"
    } else {
        &format!("{files} files")
    };
    format!("Committed {what} of the journal that were not committed yet.")
}

/// An item a merge renumbered: its old id, its new id, its words.
pub type Renumbered = (String, String, String);
/// A field changed on two machines: its name, the value kept, the other.
pub type Recorded = (String, Option<String>, Option<String>);

/// What rel's merge did to one relationship `h`: the items it renumbered,
/// the fields changed on two machines.
pub fn merge_lines(h: &str, renumbered: &[Renumbered], recorded: &[Recorded]) -> Vec<String> {
    let value = |v: &Option<String>| match v {
        Some(v) => format!("\"{}\"", one_line(v)),
        None => "nothing".to_string(),
    };
    let renumbered = renumbered.iter().map(|(from, to, text)| {
        format!(
            "{h}: this machine's {from} \"{}\" is now {to}",
            one_line(text)
        )
    });
    let recorded = recorded.iter().map(|(field, kept, other)| {
        format!(
            "{h}: {} was changed on two machines — kept {}, and {} is in its history (rel set {h} --settle {field} keeps it)",
            field_words(field),
            value(kept),
            value(other)
        )
    });
    renumbered.chain(recorded).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_read_as_words() {
        assert_eq!(field_words("purpose"), "purpose");
        assert_eq!(field_words("their_aims"), "their aims");
        assert_eq!(field_words("a1.text"), "a1's text");
        assert_eq!(field_words("w2.history.due"), "w2's history due");
        assert_eq!(field_words("until"), "the time box's end");
    }

    #[test]
    fn what_came_in_and_went_out_fits_a_line_each() {
        let subjects: Vec<String> = [
            "checkin ada 2026-11-10",
            "goal g2 added (ada)",
            "pause ken",
            "set ada: purpose",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            came_in("origin/main", &subjects),
            "In from origin/main: 4 changes — checkin ada 2026-11-10; goal g2 added (ada); pause ken; and 1 more."
        );
        assert_eq!(
            came_in("origin/main", &[]),
            "In from origin/main: nothing new."
        );
        assert_eq!(
            went_out("origin/main", &subjects[..1], true),
            "Out to origin/main (a new branch there): 1 change — checkin ada 2026-11-10."
        );
        assert_eq!(
            went_out("origin/main", &[], false),
            "Out to origin/main: nothing to send."
        );
    }

    #[test]
    fn a_merge_says_what_it_renumbered_and_what_it_set_aside() {
        let renumbered = [("a1".into(), "a2".into(), "Send the draft".into())];
        let recorded = [("purpose".into(), Some("Lead".into()), Some("Grow".into()))];
        assert_eq!(
            merge_lines("ada", &renumbered, &recorded),
            [
                "ada: this machine's a1 \"Send the draft\" is now a2",
                "ada: purpose was changed on two machines — kept \"Lead\", and \"Grow\" is in its history (rel set ada --settle purpose keeps it)",
            ]
        );
    }
}
