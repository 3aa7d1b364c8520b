//! `rel import FILE`: relationships from an export, put into the journal.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::export::read::Place;
use crate::export::{self, Entry, Export, ReadError};
use crate::model::Handle;
use crate::model::handle::MAX_HANDLE;
use crate::problem::Problem;
use crate::report::words::plural;
use crate::store::Journal;
use crate::store::folder::{FolderText, Placement, checkin_text, relationship_text};
use crate::text::sanitize;

/// Put the relationships of an export into the journal
///
/// Reads a document written by `rel export` (FILE, or '-' for stdin) and
/// checks all of it before anything is written: its format and version,
/// every relationship and check-in, handles and ids. Then each relationship
/// is written whole, its check-ins under their original ids, and moved into
/// the journal in one step. A handle already in the journal is refused,
/// and nothing imported, unless you say what to do: --rename imports it as
/// HANDLE-2 (or -3, …), --replace puts the imported one in place of yours.
///
/// Examples:
///   rel --dir ~/new-journal import rel-backup.json
///   rel import ada.json --rename
///   ssh old-laptop rel export | rel import - --replace
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The export to read ('-' reads stdin)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Import a relationship whose handle is taken as HANDLE-2 (or -3, …)
    #[arg(long, conflicts_with = "replace")]
    pub rename: bool,

    /// Put an imported relationship in place of yours with the same handle
    #[arg(long)]
    pub replace: bool,
}

/// What to do with a handle the journal already has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Taken {
    Refuse,
    Rename,
    Replace,
}

/// Where one imported relationship goes.
struct Target<'a> {
    entry: &'a Entry,
    handle: Handle,
    placement: Placement,
}

const NOTHING: &str = "nothing was imported; fix that place in the document and import again";

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    ctx.journal.check_writable()?;
    let (name, text) = read_input(&args.file)?;
    let export = export::read(&text).map_err(|e| read_error(&e, &name))?;
    if export.relationships.is_empty() {
        ctx.say(&format!(
            "{name} holds no relationships; nothing to import."
        ));
        return Ok(());
    }
    let folders =
        render(&export).map_err(|p| Error::user(format!("{name}: {p}")).with_hint(NOTHING))?;
    let taken = match (args.rename, args.replace) {
        (true, _) => Taken::Rename,
        (_, true) => Taken::Replace,
        _ => Taken::Refuse,
    };
    // Planned before the lock too, so that a refusal writes nothing at all.
    plan(&ctx.journal, &export, taken)?;

    let txn = ctx.journal.begin()?;
    let places = plan(txn.journal(), &export, taken)?;
    let mut done: Vec<&Handle> = Vec::new();
    for (place, folder) in places.iter().zip(&folders) {
        if let Err(err) = txn.place_folder(&place.handle, folder, place.placement) {
            return Err(partly(err, &done, places.len()));
        }
        done.push(&place.handle);
    }
    drop(txn);

    for place in &places {
        let from = &place.entry.handle;
        if place.handle != *from {
            ctx.say(&format!(
                "{from} is already in the journal: imported as {}.",
                place.handle
            ));
        } else if place.placement == Placement::Replace {
            ctx.say(&format!(
                "Replaced {from} with the imported one ({}).",
                plural(place.entry.checkins.len(), "check-in")
            ));
        }
    }
    ctx.changed(format!(
        "import {} and {} (exported {})",
        plural(places.len(), "relationship"),
        plural(export.checkin_count(), "check-in"),
        export.exported_at
    ));
    ctx.say(&format!(
        "Imported {} and {} from {name} (exported {}).",
        plural(places.len(), "relationship"),
        plural(export.checkin_count(), "check-in"),
        export.exported_at
    ));
    Ok(())
}

/// The document's name for messages, and its text.
fn read_input(file: &Path) -> Result<(String, String)> {
    let mut bytes = Vec::new();
    let shown = sanitize(&file.display().to_string());
    let name = if file == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
            Error::user(format!(
                "cannot read stdin: {}",
                crate::error::io_reason(&e)
            ))
        })?;
        "stdin".to_string()
    } else {
        bytes = std::fs::read(file).map_err(|e| {
            Error::user(format!(
                "cannot read {shown}: {}",
                crate::error::io_reason(&e)
            ))
            .with_hint("name a file written by rel export, or '-' to read stdin")
        })?;
        shown
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::user(format!(
            "{name}: is not UTF-8 text (a bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
        .with_hint("rel import reads the JSON that rel export writes")
    })?;
    Ok((name, text))
}

fn read_error(err: &ReadError, name: &str) -> Error {
    let hint = match err.place {
        _ if err.newer => "upgrade rel to import it",
        Place::Whole => "rel import reads the JSON that rel export writes",
        Place::Position { .. } => {
            "nothing was imported; is the file whole, as rel export wrote it?"
        }
        Place::Path(_) => NOTHING,
    };
    Error::user(err.located(name)).with_hint(hint)
}

/// The text of every file to write, checked to read back as the data.
fn render(export: &Export) -> Result<Vec<FolderText>, Problem> {
    export
        .relationships
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let here = format!("relationships[{i}]");
            let relationship = relationship_text(
                &entry.relationship,
                entry.toml.as_deref(),
                Path::new(&format!("{here}.toml")),
            )?;
            let checkins = entry
                .checkins
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    let at = format!("{here}.checkins[{j}].toml");
                    checkin_text(&c.checkin, c.toml.as_deref(), Path::new(&at)).map(|t| (c.id, t))
                })
                .collect::<Result<Vec<_>, Problem>>()?;
            Ok(FolderText {
                relationship,
                checkins,
            })
        })
        .collect()
}

/// Decides where each relationship goes, in the document's order, or
/// refuses them all when a handle is taken and no flag says what to do.
fn plan<'a>(journal: &Journal, export: &'a Export, taken: Taken) -> Result<Vec<Target<'a>>> {
    let mut in_use: HashSet<Handle> = export
        .relationships
        .iter()
        .map(|e| e.handle.clone())
        .collect();
    let mut places = Vec::new();
    let mut clashes = Vec::new();
    for entry in &export.relationships {
        let (handle, placement) = if !journal.is_taken(&entry.handle) {
            (entry.handle.clone(), Placement::New)
        } else {
            match taken {
                Taken::Refuse => {
                    clashes.push(entry.handle.as_str());
                    continue;
                }
                Taken::Replace => (entry.handle.clone(), Placement::Replace),
                Taken::Rename => {
                    let handle = free_handle(journal, &entry.handle, &in_use)?;
                    in_use.insert(handle.clone());
                    (handle, Placement::New)
                }
            }
        };
        places.push(Target {
            entry,
            handle,
            placement,
        });
    }
    match clashes.as_slice() {
        [] => Ok(places),
        [one] => Err(Error::user(format!("'{one}' is already in the journal")).with_hint(format!(
            "nothing was imported; --rename imports it as {one}-2, --replace puts the imported one in place of yours"
        ))),
        many => Err(Error::user(format!(
            "{} are already in the journal: {}",
            plural(many.len(), "relationship"),
            many.join(", ")
        ))
        .with_hint(
            "nothing was imported; --rename imports them under new handles (HANDLE-2), --replace puts the imported ones in place of yours",
        )),
    }
}

/// `ada-2`, `ada-3`, …: the first that neither the journal nor the import
/// uses.
fn free_handle(journal: &Journal, handle: &Handle, in_use: &HashSet<Handle>) -> Result<Handle> {
    for n in 2..10_000u32 {
        let suffix = format!("-{n}");
        let base = &handle.as_str()[..handle.as_str().len().min(MAX_HANDLE - suffix.len())];
        let Ok(candidate) = Handle::parse(&format!("{}{suffix}", base.trim_end_matches('-')))
        else {
            continue;
        };
        if !in_use.contains(&candidate) && !journal.is_taken(&candidate) {
            return Ok(candidate);
        }
    }
    Err(
        Error::user(format!("no free handle like {handle}-2 is left"))
            .with_hint("nothing was imported; rename the relationship in the document"),
    )
}

/// An import that stopped part way: which relationships made it.
fn partly(err: Error, done: &[&Handle], total: usize) -> Error {
    if done.is_empty() {
        return err;
    }
    let names: Vec<&str> = done.iter().map(|h| h.as_str()).collect();
    err.with_hint(format!(
        "{} of {total} were imported, each whole, before this: {}; nothing of the others was written",
        done.len(),
        names.join(", ")
    ))
}
