//! `rel edit HANDLE [CHECKIN]`: change a file in the editor, safely.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::date::parse_iso;
use crate::model::{CheckinId, Handle};
use crate::problem::Severity;
use crate::prompt::{edit_file, editor_command};
use crate::store::edit::{Session, Target};
use crate::text::{sanitize, suggest};

/// Open a relationship (or one of its check-ins) in your editor
///
/// The editor works on a copy; when you save and quit, rel checks the copy
/// as `rel check` would and only then writes it over the file (comments
/// and all, byte for byte). If it does not check out, rel says where and
/// why and, on a terminal, offers to re-open it; the file itself is left
/// untouched and your edit is kept as a draft. The editor is `editor` from
/// the config file, else $VISUAL, else $EDITOR.
///
/// Examples:
///   rel edit ada-lovelace
///   rel edit ada-lovelace last
///   rel edit ada-lovelace 2026-11-20-1
///   EDITOR="code --wait" rel edit grace
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The relationship
    pub handle: String,

    /// A check-in to edit instead of relationship.toml: its id
    /// (2026-11-20-1), its day when it is the only one that day, or `last`
    #[arg(value_name = "CHECKIN")]
    pub checkin: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    ctx.journal.check_writable()?;
    let handle = super::find_to_change(ctx, &args.handle)?;
    let target = match &args.checkin {
        None => Target::Relationship,
        Some(text) => Target::Checkin(checkin_id(ctx, &handle, text)?),
    };
    let session = ctx.journal.start_edit(&handle, target)?;
    let editor = editor_command(ctx.config.editor.as_deref());
    let shown = session.path.display().to_string();
    loop {
        if let Err(err) = edit_file(&editor, &session.draft) {
            return Err(editor_failed(&session, &err));
        }
        let edited = session.edited()?;
        if session.is_unchanged(&edited) {
            session.discard();
            ctx.say(&format!("No changes to {shown}; nothing was written."));
            return Ok(());
        }
        let problems = session.validate(&ctx.journal, &edited, ctx.today);
        for problem in &problems {
            let label = match problem.severity {
                Severity::Error => ctx.paint_err.error_label(),
                Severity::Warning => ctx.paint_err.warning_label(),
            };
            ctx.say(&format!("{label} {problem}"));
        }
        if problems.iter().all(|p| p.severity == Severity::Warning) {
            let text = String::from_utf8_lossy(&edited);
            let saved = session
                .save(&ctx.journal, &text)
                .map_err(|e| kept(&session, e))?;
            let (added, removed) =
                line_changes(&String::from_utf8_lossy(session.original()), &text);
            let mut message = format!(
                "Saved {shown} ({} added, {removed} removed).",
                if added == 1 {
                    "1 line".to_string()
                } else {
                    format!("{added} lines")
                }
            );
            if !saved.applied.is_empty() {
                message.push_str(&format!(
                    "\n  relationship.toml updated to match: {}",
                    saved.applied.join(" · ")
                ));
            }
            ctx.say(&message);
            ctx.changed(match &args.checkin {
                Some(_) => format!(
                    "edit {handle} check-in {}",
                    session
                        .path
                        .file_stem()
                        .map(|s| s.to_string_lossy())
                        .unwrap_or_default()
                ),
                None => format!("edit {handle}"),
            });
            return Ok(());
        }
        let not_saved = Error::journal(format!("not saved: {shown} is unchanged"));
        if !ctx.prompt.allowed() {
            return Err(kept(&session, not_saved));
        }
        let choices = [
            "Re-open the editor to fix it".to_string(),
            "Keep my edit as a draft and stop".to_string(),
            "Discard my edit".to_string(),
        ];
        match ctx
            .prompt
            .select("The edit does not check out. What now?", &choices, 0)?
        {
            0 => continue,
            1 => return Err(kept(&session, not_saved)),
            _ => {
                session.discard();
                ctx.say(&format!("Discarded your edit; {shown} is as it was."));
                return Ok(());
            }
        }
    }
}

/// An error that leaves the edit in its draft, saying where.
fn kept(session: &Session, err: Error) -> Error {
    let draft = session.draft.display().to_string();
    if err.hint().is_some_and(|h| h.contains(&draft)) {
        return err;
    }
    let hint = format!("your edit is kept in {draft}");
    let hint = match err.hint() {
        Some(original) => format!("{hint}; {original}"),
        None => hint,
    };
    err.with_hint(hint)
}

/// The editor failed or was aborted (`:cq`): nothing is written, and any
/// words typed stay in the draft.
fn editor_failed(session: &Session, err: &Error) -> Error {
    let failed = Error::user(format!("{err}; nothing was written"));
    match session.edited() {
        Ok(edited) if !session.is_unchanged(&edited) => kept(session, failed),
        _ => {
            session.discard();
            failed.with_hint(
                "if the editor did not start, set editor in the config file, or $VISUAL or $EDITOR",
            )
        }
    }
}

/// The check-in a person named: `last`, an id, or a day with one check-in.
pub fn checkin_id(ctx: &Ctx, handle: &Handle, text: &str) -> Result<CheckinId> {
    let ids = ctx
        .journal
        .checkin_ids(handle)
        .map_err(|p| crate::store::problem_error(&p))?;
    let Some(newest) = ids.last() else {
        return Err(
            Error::user(format!("{handle} has no check-ins yet")).with_hint(format!(
                "rel checkin {handle} records one; rel edit {handle} opens relationship.toml"
            )),
        );
    };
    let text = text.trim();
    if text == "last" {
        return Ok(*newest);
    }
    // The full id, or the short one (`2026-11-20-1`) when only one
    // check-in answers to it.
    let named: Vec<&CheckinId> = ids.iter().filter(|c| c.answers_to(text)).collect();
    match named.as_slice() {
        [only] => return Ok(**only),
        [] => {}
        several => {
            return Err(Error::user(format!(
                "{handle} has {} check-ins called {}",
                several.len(),
                sanitize(text)
            ))
            .with_hint(format!(
                "two machines recorded them; name one: {}",
                join(several.iter().copied())
            )));
        }
    }
    if let Some(day) = parse_iso(text) {
        let that_day: Vec<&CheckinId> = ids.iter().filter(|c| c.date == day).collect();
        match that_day.as_slice() {
            [only] => return Ok(**only),
            [] => {}
            several => {
                return Err(Error::user(format!(
                    "{handle} has {} check-ins on {day}",
                    several.len()
                ))
                .with_hint(format!("name one: {}", join(several.iter().copied()))));
            }
        }
    }
    let names: Vec<String> = ids.iter().map(ToString::to_string).collect();
    let hint = match suggest(text, &names) {
        Some(id) => format!("did you mean {id}? (or last, for the newest)"),
        None => {
            let recent = ids.iter().rev().take(3);
            format!("its newest check-ins: {} (or last)", join(recent))
        }
    };
    Err(Error::user(format!("{handle} has no check-in '{}'", sanitize(text))).with_hint(hint))
}

fn join<'a>(ids: impl Iterator<Item = &'a CheckinId>) -> String {
    ids.map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

/// Lines added and removed between two texts (a longest common
/// subsequence, after the common head and tail; a large middle counts as
/// replaced rather than compared).
fn line_changes(old: &str, new: &str) -> (usize, usize) {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        return (b.len(), a.len());
    }
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    let common = row[b.len()];
    (b.len() - common, a.len() - common)
}

#[cfg(test)]
mod tests {
    use super::line_changes;

    #[test]
    fn changed_lines_are_counted() {
        assert_eq!(line_changes("a\nb\nc\n", "a\nb\nc\n"), (0, 0));
        assert_eq!(line_changes("a\nb\nc\n", "a\nB\nc\n"), (1, 1));
        assert_eq!(line_changes("a\nb\nc\n", "a\nb\nx\ny\nc\n"), (2, 0));
        assert_eq!(line_changes("a\nb\nc\nd\n", "b\nd\n"), (0, 2));
        assert_eq!(line_changes("a\nb\n", "b\na\n"), (1, 1));
    }
}
