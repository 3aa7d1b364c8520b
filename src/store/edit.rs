//! `rel edit`, on disk: the editor works on a copy in `drafts/`; the
//! edited text is judged by the same checks as `rel check`; and it
//! replaces the file only under the lock, only if nobody changed the file
//! meanwhile. Until then the original is untouched, byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::check::content;
use super::file::{Mode, failpoint, parse, read_bytes, text_of};
use super::{Journal, RELATIONSHIP_FILE, Txn, file, problem_error};
use crate::error::{Error, Result};
use crate::model::consistency::CheckinContext;
use crate::model::{CheckIn, CheckinId, Handle, ItemId, Relationship};
use crate::problem::Problem;

/// The file being edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Relationship,
    Checkin(CheckinId),
}

/// An edit in progress: the real file, the copy the editor works on, and
/// the bytes the real file held when the copy was made.
#[derive(Debug)]
pub struct Session {
    pub handle: Handle,
    pub target: Target,
    pub path: PathBuf,
    pub draft: PathBuf,
    original: Vec<u8>,
}

/// What a saved edit changed.
#[derive(Debug)]
pub struct Saved {
    /// For a check-in: what relationship.toml now records because of it
    /// (`a3 done`, `w1 reached`, …).
    pub applied: Vec<String>,
}

impl Journal {
    /// Copies a file into `drafts/` for the editor. An interrupted write
    /// is completed first, so the copy is of the file as it should be.
    pub fn start_edit(&self, handle: &Handle, target: Target) -> Result<Session> {
        if self.read_pending().is_some() {
            drop(self.begin()?);
            // Never held across the editor; taken again to save.
            self.release();
        }
        let path = match target {
            Target::Relationship => self.relationship_path(handle),
            Target::Checkin(id) => self.checkin_path(handle, id),
        };
        let original = read_bytes(&path).map_err(|p| problem_error(&p))?;
        let stem = match target {
            Target::Relationship => format!("edit-{handle}-relationship"),
            Target::Checkin(id) => format!("edit-{handle}-{id}"),
        };
        let draft = self
            .save_draft(&stem, &original)
            .map(|d| d.path().to_path_buf())
            .map_err(|e| {
                Error::journal(format!(
                    "cannot make a copy for the editor: {}",
                    crate::error::io_reason(&e)
                ))
            })?;
        Ok(Session {
            handle: handle.clone(),
            target,
            path,
            draft,
            original,
        })
    }
}

impl Session {
    /// What the editor left in the copy.
    pub fn edited(&self) -> Result<Vec<u8>> {
        fs::read(&self.draft).map_err(|e| Error::io("read", &self.draft, &e))
    }

    pub fn is_unchanged(&self, edited: &[u8]) -> bool {
        edited == self.original
    }

    pub fn original(&self) -> &[u8] {
        &self.original
    }

    /// Every problem the edited text has, placed in the real file.
    pub fn validate(&self, journal: &Journal, edited: &[u8], today: NaiveDate) -> Vec<Problem> {
        let text = match text_of(&self.path, edited.to_vec()) {
            Ok(text) => text,
            Err(problem) => return vec![problem],
        };
        match self.target {
            Target::Relationship => content::relationship(&self.path, &text).problems,
            Target::Checkin(id) => {
                let rel = journal.load(&self.handle).ok();
                let cx = CheckinContext {
                    id,
                    rel: rel.as_ref(),
                    today,
                    pending: false,
                };
                content::checkin(&self.path, &text, &cx).problems
            }
        }
    }

    /// Writes the edited text over the real file, under the lock, unless
    /// the file changed since the copy was made. A check-in's effects
    /// (actions closed and opened, waypoints reached) are carried into
    /// relationship.toml the way `rel checkin` does it.
    pub fn save(&self, journal: &Journal, text: &str) -> Result<Saved> {
        let txn = journal.begin()?;
        let now = read_bytes(&self.path).map_err(|p| problem_error(&p))?;
        if now != self.original {
            return Err(Error::journal(format!(
                "{} changed while you were editing it; your edit was not saved",
                self.path.display()
            ))
            .with_hint(format!(
                "your edit is kept in {}; run rel edit again and carry your changes over",
                self.draft.display()
            )));
        }
        let dir = parent(&self.path);
        let name = self
            .path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(RELATIONSHIP_FILE);
        let mut applied = Vec::new();
        match self.target {
            Target::Relationship => txn.write(dir, name, text, Mode::Replace)?,
            Target::Checkin(id) => {
                let checkin: CheckIn = parse(&self.path, text).map_err(|p| problem_error(&p))?;
                if !checkin.has_effects() && !checkin.review {
                    txn.write(dir, name, text, Mode::Replace)?;
                    return self.done(txn, applied);
                }
                let mut ed = txn.load(&self.handle)?;
                let mut rel = ed.rel.clone();
                rel.apply_checkin(id, &checkin);
                if rel == ed.rel {
                    txn.write(dir, name, text, Mode::Replace)?;
                } else {
                    // The check-in first, then the relationship, as
                    // `rel checkin` writes them.
                    applied = effects(&ed.rel, &rel);
                    txn.mark_pending(&self.handle, id)?;
                    txn.write(dir, name, text, Mode::Replace)?;
                    failpoint("between-checkin-and-relationship");
                    txn.save(&mut ed, &rel)?;
                    txn.clear_pending()?;
                }
            }
        }
        self.done(txn, applied)
    }

    fn done(&self, txn: Txn<'_>, applied: Vec<String>) -> Result<Saved> {
        drop(txn);
        self.discard();
        Ok(Saved { applied })
    }

    /// Drops the copy: the edit is abandoned or was unchanged.
    pub fn discard(&self) {
        let _ = file::remove(&self.draft);
    }
}

fn parent(path: &Path) -> &Path {
    path.parent().unwrap_or(Path::new("."))
}

/// What applying a check-in changed in the relationship, in words.
fn effects(before: &Relationship, after: &Relationship) -> Vec<String> {
    let was = |id: ItemId| {
        before
            .actions
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.is_open())
    };
    let mut words = Vec::new();
    for a in &after.actions {
        match was(a.id) {
            None => words.push(format!("action {} added", a.id)),
            Some(true) if !a.is_open() => words.push(format!("action {} done", a.id)),
            _ => {}
        }
    }
    for w in &after.waypoints {
        let open_before = before.waypoints.iter().any(|b| b.id == w.id && b.is_open());
        if open_before && !w.is_open() {
            words.push(format!("waypoint {} reached", w.id));
        }
    }
    for g in &after.goals {
        let open_before = before.goals.iter().any(|b| b.id == g.id && b.is_open());
        if open_before && g.achieved.is_some() {
            words.push(format!("goal {} achieved", g.id));
        }
    }
    for (id, _, r) in after.revisions() {
        let new = !before
            .revisions()
            .iter()
            .any(|(i, _, b)| *i == id && *b == r);
        if let (true, Some(due)) = (new, &r.due) {
            words.push(format!("{} {id} moved to {}", id.kind.noun(), due.to));
        }
    }
    let dropped = |rel: &Relationship| -> Vec<ItemId> {
        let goals = rel
            .goals
            .iter()
            .filter(|g| g.dropped.is_some())
            .map(|g| g.id);
        let waypoints = rel
            .waypoints
            .iter()
            .filter(|w| w.dropped.is_some())
            .map(|w| w.id);
        let actions = rel
            .actions
            .iter()
            .filter(|a| a.dropped.is_some())
            .map(|a| a.id);
        goals.chain(waypoints).chain(actions).collect()
    };
    let dropped_before = dropped(before);
    for id in dropped(after) {
        if !dropped_before.contains(&id) {
            words.push(format!("{} {id} dropped", id.kind.noun()));
        }
    }
    if after.reviewed != before.reviewed {
        words.push("relationship reviewed".to_string());
    }
    let discussed = |id: ItemId| {
        let strength = before.strengths.iter().find(|s| s.id == id);
        let growth = before.growth.iter().find(|c| c.id == id);
        strength
            .map(|s| s.discussed.len())
            .or(growth.map(|c| c.discussed.len()))
    };
    let now = after
        .strengths
        .iter()
        .map(|s| (s.id, s.discussed.len()))
        .chain(after.growth.iter().map(|c| (c.id, c.discussed.len())));
    for (id, count) in now {
        if discussed(id).is_some_and(|was| was < count) {
            words.push(format!("{} {id} discussed", id.kind.noun()));
        }
    }
    words
}
