//! The floors `benches/run.sh` measures rel against: the least a program
//! could do to answer, written plainly with the standard library (F1) and
//! the `toml` crate (F2), without rel.
//!
//!     cargo run --release --example floor -- f1 DIR   # what `rel status` must read
//!     cargo run --release --example floor -- f2 DIR   # parse every file, one thread
//!
//! F1 reads every `relationship.toml` and the newest check-in of each
//! relationship (the largest file name in its `checkins/`), without
//! parsing. F2 parses every file of the journal into a `toml::Table`, one
//! after another: the naive way to answer a question about all history.

#![allow(clippy::print_stdout)]

use std::fs;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(which), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: floor f1|f2 JOURNAL_DIR");
        return ExitCode::from(1);
    };
    let relationships = Path::new(dir).join("relationships");
    let result = match which.as_str() {
        "f1" => f1(&relationships),
        "f2" => f2(&relationships),
        _ => {
            eprintln!("usage: floor f1|f2 JOURNAL_DIR");
            return ExitCode::from(1);
        }
    };
    match result {
        // Print what was read, so that nothing can be optimised away.
        Ok(bytes) => {
            println!("{bytes}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reads each relationship.toml and the newest check-in: bytes read.
fn f1(relationships: &Path) -> std::io::Result<usize> {
    let mut bytes = 0;
    for entry in fs::read_dir(relationships)? {
        let folder = entry?.path();
        bytes += fs::read(folder.join("relationship.toml"))?.len();
        let newest = fs::read_dir(folder.join("checkins"))?
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .max();
        if let Some(name) = newest {
            bytes += fs::read(folder.join("checkins").join(name))?.len();
        }
    }
    Ok(bytes)
}

/// Parses every file: keys read.
fn f2(relationships: &Path) -> std::io::Result<usize> {
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

fn parse(path: &Path) -> std::io::Result<usize> {
    let text = fs::read_to_string(path)?;
    let table: toml::Table = text
        .parse()
        .map_err(|e| std::io::Error::other(format!("{}: {e}", path.display())))?;
    Ok(table.len())
}
