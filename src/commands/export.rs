//! `rel export [HANDLE…]`: the journal, or some of it, as one JSON document.

use std::io::{self, Read as _, Seek, Write};

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::export::{CheckinEntry, DocumentWriter, Rendered, render_head};
use crate::model::{CheckinId, Handle};
use crate::par::par_map;
use crate::problem::{Problem, Severity};
use crate::store::{Access, FORMAT, Journal, Read};

/// Print the journal, or the relationships named, as one JSON document
///
/// Everything goes into it: each relationship with every field and item
/// (its history of events included), every check-in under its id, and the
/// text of each file as it is, so that `rel import` puts the journal back
/// exactly, comments and all. The document is printed only when every file
/// reads: a backup must not silently miss one. The format is described in
/// the README ("Export and import").
///
/// Examples:
///   rel export > rel-backup.json
///   rel export ada-lovelace grace > two.json
///   rel export | jq -r '.relationships[].handle'
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only these relationships [default: all of them]
    #[arg(value_name = "HANDLE", add = clap_complete::ArgValueCandidates::new(super::completions::handles))]
    pub handles: Vec<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    if let Access::ReadOnly { format } = ctx.journal.access()? {
        return Err(Error::journal(format!(
            "{} was written by a newer rel (format {format} > {FORMAT}); an export by this rel could miss what it does not know",
            ctx.journal.root().display()
        ))
        .with_hint("upgrade rel, then export"));
    }
    // Writers wait until every file is read: the export is of one moment.
    let lock = ctx.journal.read_lock()?;
    let (handles, mut problems) = if args.handles.is_empty() {
        let listing = ctx.journal.listing()?;
        (listing.handles, listing.problems)
    } else {
        let mut handles = args
            .handles
            .iter()
            .map(|h| ctx.journal.find(h))
            .collect::<Result<Vec<Handle>>>()?;
        handles.sort();
        handles.dedup();
        (handles, Vec::new())
    };
    // Written in order as the files are read, held until the last has
    // read: a backup must not silently miss one.
    let mut spool = Spool::new(Spool::MEMORY);
    let written = write(ctx, &handles, &mut problems, &mut spool);
    drop(lock);
    for warning in problems.iter().filter(|p| p.severity == Severity::Warning) {
        ctx.say(&format!("{} {warning}", ctx.paint_err.warning_label()));
    }
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        return Err(Error::journal_lines(errors).with_hint(
            "nothing was exported: a backup must not silently miss a file. Fix it by hand (rel check lists every problem) and export again, or export the other relationships by name",
        ));
    }
    written.map_err(|e| {
        Error::journal(format!(
            "cannot hold the export until every file has read: {}",
            crate::error::io_reason(&e)
        ))
    })?;
    ctx.print_with(|out| spool.copy_to(out))
}

/// How many pieces of the document — a relationship, or a run of up to
/// [`RUN`] of its check-ins — are read and rendered at a time, in
/// parallel, before they are written: what bounds the memory an export of
/// any size takes.
const WINDOW: usize = 32;

/// The most check-ins of a relationship read through one opening of its
/// folder.
const RUN: usize = 32;

/// A piece of the document to read and render.
enum Piece<'a> {
    /// A relationship's entry, but for its check-ins.
    Head(&'a Handle),
    /// Check-ins of one relationship.
    Run(&'a [(&'a Handle, CheckinId)]),
}

/// Reads every relationship and check-in with the text of its file and
/// writes the document to `out` in order, a window of pieces at a time,
/// each window read and rendered on every core. Whatever does not read is
/// a problem; the entry of a relationship that does not read is left out.
fn write(
    ctx: &Ctx,
    handles: &[Handle],
    problems: &mut Vec<Problem>,
    out: impl Write,
) -> io::Result<()> {
    let journal = &ctx.journal;
    let listed = par_map(handles, |handle| journal.checkin_ids(handle));
    let files: Vec<Vec<(&Handle, CheckinId)>> = handles
        .iter()
        .zip(&listed)
        .map(|(handle, ids)| match ids {
            Ok(ids) => ids.iter().map(|id| (handle, *id)).collect(),
            Err(_) => Vec::new(),
        })
        .collect();
    let mut pieces = Vec::new();
    for (handle, files) in handles.iter().zip(&files) {
        pieces.push(Piece::Head(handle));
        pieces.extend(files.chunks(RUN).map(Piece::Run));
    }
    let mut doc = DocumentWriter::start(ctx.today, out)?;
    // Whether the relationship whose pieces are being written is in the
    // document (its file read, and its folder listed).
    let mut included = false;
    let mut listed = listed.into_iter();
    for window in pieces.chunks(WINDOW) {
        let rendered = par_map(window, |piece| render(journal, piece));
        for rendered in rendered {
            match rendered {
                Rendering::Head(head) => {
                    if included {
                        doc.end_entry()?;
                    }
                    let listing = listed.next();
                    included = false;
                    match (head, listing) {
                        (Err(problem), _) | (Ok(_), Some(Err(problem))) => problems.push(problem),
                        (Ok((handle, head)), _) => {
                            doc.entry(handle, &head)?;
                            included = true;
                        }
                    }
                }
                Rendering::Checkins(checkins) if included => {
                    for checkin in checkins {
                        match checkin {
                            Ok(piece) => doc.checkin(&piece)?,
                            Err(problem) => problems.push(problem),
                        }
                    }
                }
                Rendering::Checkins(_) => {}
            }
        }
    }
    if included {
        doc.end_entry()?;
    }
    doc.finish()
}

/// A piece, read and rendered.
enum Rendering<'a> {
    Head(Result<(&'a Handle, Rendered), Problem>),
    Checkins(Vec<Result<Rendered, Problem>>),
}

fn render<'a>(journal: &Journal, piece: &Piece<'a>) -> Rendering<'a> {
    match piece {
        Piece::Head(handle) => Rendering::Head((|| {
            let loaded = journal.read(handle, Read::ALL.with_text())?;
            let (rel, text) = (loaded.rel, loaded.text.unwrap_or_default());
            let head = render_head(&rel, Some(&text))
                .map_err(|e| not_rendered(&journal.relationship_path(handle), &e))?;
            Ok((*handle, head))
        })()),
        Piece::Run(run) => Rendering::Checkins(journal.read_run(run, |read| {
            let (id, handle) = (read.id, read.handle);
            let (checkin, text) = read.parse()?;
            let toml = Some(text);
            CheckinEntry { id, checkin, toml }
                .render()
                .map_err(|e| not_rendered(&journal.checkin_path(handle, id), &e))
        })),
    }
}

/// The document, held until every file has read: in memory up to a
/// limit ([`Spool::MEMORY`]), then in an unnamed temporary file, so that
/// an export of any size takes the same memory.
struct Spool {
    memory: usize,
    blocks: Vec<Vec<u8>>,
    held: usize,
    file: Option<io::BufWriter<std::fs::File>>,
}

impl Spool {
    /// What an export of a journal of a few years' notes takes whole.
    const MEMORY: usize = 12 << 20;
    const BLOCK: usize = 1 << 20;

    fn new(memory: usize) -> Spool {
        Spool {
            memory,
            blocks: Vec::new(),
            held: 0,
            file: None,
        }
    }

    /// Writes what was held to `out`, a block at a time.
    fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        const CHUNK: usize = 64 << 10;
        match self.file {
            None => {
                for block in &self.blocks {
                    for chunk in block.chunks(CHUNK) {
                        out.write_all(chunk)?;
                    }
                }
            }
            Some(file) => {
                let mut file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
                file.seek(io::SeekFrom::Start(0))?;
                let mut buf = vec![0; CHUNK];
                loop {
                    match file.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => out.write_all(&buf[..n])?,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        out.flush()
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Some(file) = &mut self.file {
            return file.write(buf);
        }
        if self.held + buf.len() > self.memory {
            match tempfile::tempfile() {
                Ok(file) => {
                    let mut file = io::BufWriter::with_capacity(Spool::BLOCK, file);
                    for block in self.blocks.drain(..) {
                        file.write_all(&block)?;
                    }
                    file.write_all(buf)?;
                    self.file = Some(file);
                    return Ok(buf.len());
                }
                // Nowhere to put it: held in memory, whatever it takes.
                Err(_) => self.memory = usize::MAX,
            }
        }
        let mut rest = buf;
        while !rest.is_empty() {
            let room = self
                .blocks
                .last()
                .map_or(0, |block| block.capacity() - block.len());
            if room == 0 {
                let block = Spool::BLOCK.min(self.memory).max(rest.len());
                self.blocks.push(Vec::with_capacity(block));
                continue;
            }
            let (now, later) = rest.split_at(room.min(rest.len()));
            if let Some(block) = self.blocks.last_mut() {
                block.extend_from_slice(now);
            }
            rest = later;
        }
        self.held += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

/// Rendering JSON into memory does not fail; if it ever did, the export
/// must not go on without the file.
fn not_rendered(path: &std::path::Path, err: &std::io::Error) -> Problem {
    Problem::error(path, format!("cannot be written as JSON: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spool_gives_back_what_it_held_in_memory_or_on_disk() {
        let text: Vec<u8> = (0..50_000u32).flat_map(|n| n.to_le_bytes()).collect();
        for memory in [1 << 20, 4096, 1] {
            let mut spool = Spool::new(memory);
            for piece in text.chunks(777) {
                spool.write_all(piece).unwrap();
            }
            spool.flush().unwrap();
            assert_eq!(spool.file.is_some(), text.len() > memory);
            let mut out = Vec::new();
            spool.copy_to(&mut out).unwrap();
            assert_eq!(out, text);
        }
    }
}
