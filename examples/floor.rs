//! The floors `benches/run.sh` measures rel against: the least a program
//! could do to answer, written plainly with the standard library and the
//! `toml` crate, on one thread, without rel.
//!
//!     cargo run --release --example floor -- plan DIR > PLAN  # F0's list, untimed
//!     cargo run --release --example floor -- f0 DIR PLAN      # what a warm `rel status` touches
//!     cargo run --release --example floor -- f1 DIR           # what a cold `rel status` must parse
//!     cargo run --release --example floor -- f2 DIR           # parse every file
//!
//! F0 touches exactly the files a warm `status` touches, and does nothing
//! with them: it lists `relationships/`, reads the cache file
//! (`.cache/journal`), and looks at (stats) what the cache stands for —
//! each `relationship.toml`, each `checkins/` folder and the newest
//! check-in in it — as rel must before it may believe the cache. Which
//! check-in is the newest is what the cache remembers, so F0 is handed
//! the list of them (`plan`, made beforehand and not timed) rather than
//! list 500 folders that a warm `status` never lists.
//!
//! F1 reads and parses (into a `toml::Table`) every `relationship.toml`
//! and the newest check-in of each relationship (the largest file name in
//! its `checkins/`): what an overview must read when nothing is cached.
//!
//! F2 parses every file of the journal into a `toml::Table`, one after
//! another: the naive way to answer a question about all history.

#![allow(clippy::print_stdout)]

use std::fs;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: floor plan|f1|f2 JOURNAL_DIR, or floor f0 JOURNAL_DIR PLAN";

/// The file the cache of an overview lives in, in the journal.
const CACHE_FILE: &str = ".cache/journal";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(which), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(1);
    };
    let journal = Path::new(dir);
    let relationships = journal.join("relationships");
    let result = match (which.as_str(), args.get(2)) {
        ("plan", None) => {
            return plan(&relationships).map_or_else(
                |e| {
                    eprintln!("error: {e}");
                    ExitCode::from(2)
                },
                |()| ExitCode::SUCCESS,
            );
        }
        ("f0", Some(plan)) => f0(journal, Path::new(plan)),
        ("f1", None) => f1(&relationships),
        ("f2", None) => f2(&relationships),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(1);
        }
    };
    match result {
        // Print what was read, so that nothing can be optimised away.
        Ok(n) => {
            println!("{n}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// The newest check-in of each relationship, one path a line (relative to
/// `relationships/`), for F0: relationships that have none are left out.
fn plan(relationships: &Path) -> io::Result<()> {
    for entry in fs::read_dir(relationships)? {
        let entry = entry?;
        if let Some(name) = newest(&entry.path())? {
            let folder = entry.file_name();
            println!(
                "{}/checkins/{}",
                folder.to_string_lossy(),
                name.to_string_lossy()
            );
        }
    }
    Ok(())
}

/// The largest file name in a relationship's `checkins/`, if any.
fn newest(folder: &Path) -> io::Result<Option<std::ffi::OsString>> {
    match fs::read_dir(folder.join("checkins")) {
        Ok(entries) => Ok(entries.filter_map(|e| e.ok().map(|e| e.file_name())).max()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Lists `relationships/`, reads the cache file, and stats each
/// `relationship.toml`, `checkins/` folder and newest check-in: bytes read
/// and files looked at.
fn f0(journal: &Path, plan: &Path) -> io::Result<usize> {
    let relationships = journal.join("relationships");
    let newest: Vec<PathBuf> = BufReader::new(fs::File::open(plan)?)
        .lines()
        .map(|line| line.map(|l| relationships.join(l)))
        .collect::<io::Result<_>>()?;
    let mut n = fs::read(journal.join(CACHE_FILE)).map_or(0, |b| b.len());
    for entry in fs::read_dir(&relationships)? {
        let folder = entry?.path();
        n += fs::symlink_metadata(folder.join("relationship.toml"))?.len() as usize;
        n += fs::symlink_metadata(folder.join("checkins")).map_or(0, |m| m.len() as usize);
    }
    for path in &newest {
        n += fs::symlink_metadata(path)?.len() as usize;
    }
    Ok(n)
}

/// Reads and parses each relationship.toml and the newest check-in: keys
/// read.
fn f1(relationships: &Path) -> io::Result<usize> {
    let mut keys = 0;
    for entry in fs::read_dir(relationships)? {
        let folder = entry?.path();
        keys += parse(&folder.join("relationship.toml"))?;
        if let Some(name) = newest(&folder)? {
            keys += parse(&folder.join("checkins").join(name))?;
        }
    }
    Ok(keys)
}

/// Parses every file: keys read.
fn f2(relationships: &Path) -> io::Result<usize> {
    let mut keys = 0;
    for entry in fs::read_dir(relationships)? {
        let folder = entry?.path();
        keys += parse(&folder.join("relationship.toml"))?;
        for checkin in fs::read_dir(folder.join("checkins"))? {
            keys += parse(&checkin?.path())?;
        }
    }
    Ok(keys)
}

fn parse(path: &Path) -> io::Result<usize> {
    let text = fs::read_to_string(path)?;
    let table: toml::Table = text
        .parse()
        .map_err(|e| io::Error::other(format!("{}: {e}", path.display())))?;
    Ok(table.len())
}
