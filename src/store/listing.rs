//! Which relationships the journal holds, and which check-ins each: from
//! folder listings alone, nothing opened.

use std::fs;
use std::io;
use std::path::Path;

use super::file::{self, is_temp_name};
use super::{Journal, RELATIONSHIPS};
use crate::error::{Error, Result};
use crate::model::{CheckinId, Handle};
use crate::problem::Problem;

/// The relationships in the journal, and any folder that is not one.
#[derive(Debug, Default)]
pub struct Listing {
    pub handles: Vec<Handle>,
    pub problems: Vec<Problem>,
}

impl Journal {
    /// The relationships, sorted by handle.
    pub fn listing(&self) -> Result<Listing> {
        let mut listing = Listing::default();
        if !self.root_exists()? {
            return Ok(listing);
        }
        let dir = self.root.join(RELATIONSHIPS);
        let entries = match file::list_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(listing),
            Err(e) => return Err(Error::io("read", &dir, &e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| Error::io("read", &dir, &e))?;
            let path = entry.path();
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                listing.problems.push(Problem::warning(
                    &path,
                    "is not a relationship: its name is not UTF-8",
                ));
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let kind = entry
                .file_type()
                .map_err(|e| Error::io("read", &path, &e))?;
            if kind.is_symlink() {
                listing.problems.push(Problem::error(
                    &path,
                    "is a symbolic link; rel does not follow links inside the journal",
                ));
                continue;
            }
            if !kind.is_dir() {
                listing.problems.push(Problem::warning(
                    &path,
                    "is not a relationship folder; rel ignores it",
                ));
                continue;
            }
            match Handle::parse(name) {
                Ok(handle) => listing.handles.push(handle),
                Err(why) => listing.problems.push(Problem::warning(
                    &path,
                    format!("is not a relationship: {why}; rename the folder to use it"),
                )),
            }
        }
        listing.handles.sort();
        Ok(listing)
    }

    /// Finds the relationship a person named, by looking it up in the
    /// listing (never by joining their words onto a path): its handle, or
    /// a part of it that names no other (see [`named_by`]).
    ///
    /// [`named_by`]: crate::model::handle::named_by
    pub fn find(&self, input: &str) -> Result<Handle> {
        // A handle typed in full names its folder: a slug cannot leave
        // the journal, and the folder is taken only as the listing would
        // take it (a real folder, not a link). Anything else is looked
        // up in the listing, for the error and its hint.
        if let Ok(handle) = Handle::parse(input)
            && fs::symlink_metadata(self.relationship_dir(&handle)).is_ok_and(|m| m.is_dir())
        {
            return Ok(handle);
        }
        let listing = self.listing()?;
        if let Some(handle) = listing.handles.iter().find(|h| h.as_str() == input) {
            return Ok(handle.clone());
        }
        let shown = crate::text::echo(input);
        match crate::model::handle::named_by(input, &listing.handles).as_slice() {
            [] => {}
            [only] => return Ok((*only).clone()),
            several => {
                let names: Vec<&str> = several.iter().map(|h| h.as_str()).collect();
                return Err(Error::user(format!(
                    "'{shown}' could be any of {} relationships: {}",
                    names.len(),
                    names.join(", ")
                ))
                .with_hint("type more of the handle (rel list shows them all)"));
            }
        }
        let mut err = Error::user(format!("no relationship named '{shown}'"));
        let closest = crate::model::handle::closest(input, &listing.handles);
        err = match closest {
            Some(h) => err.with_hint(format!("did you mean '{h}'? (rel list shows them all)")),
            None if listing.handles.is_empty() => err.with_hint(
                "the journal is empty; start with rel new --person NAME --kind KIND --role ROLE",
            ),
            None => err.with_hint("rel list shows them all"),
        };
        Err(err)
    }

    /// Lists a `checkins/` folder: the ids of its check-ins, oldest first.
    pub(super) fn list_checkins(&self, dir: &Path) -> Result<Vec<CheckinId>, Problem> {
        let entries = match file::list_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => {
                return Err(Problem::error(
                    dir,
                    format!("cannot read: {}", crate::error::io_reason(&e)),
                ));
            }
        };
        let mut ids = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if is_temp_name(name) {
                continue;
            }
            if let Some(id) = name.strip_suffix(".toml").and_then(CheckinId::parse) {
                ids.push(id);
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// The ids of a relationship's check-ins, oldest first, from the file
    /// names alone (nothing is opened), through the cache.
    pub fn checkin_ids(&self, handle: &Handle) -> Result<Vec<CheckinId>, Problem> {
        let mut entry = self.cache_entry(handle);
        let ids = entry.checkin_ids();
        entry.save();
        ids
    }
}
