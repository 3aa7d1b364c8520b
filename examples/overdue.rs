//! Uses the rel library directly: which relationships are furthest behind
//! their own cadence?
//!
//!     cargo run --example overdue -- examples/journal 2026-11-26

#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use rel::model::assess::last_review;
use rel::model::date::{days_between, parse_iso};
use rel::model::{Meetings, Settings, Snapshot, Status, assess};
use rel::store::Journal;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(day)) = (args.next(), args.next()) else {
        eprintln!("usage: overdue JOURNAL_DIR YYYY-MM-DD");
        return ExitCode::from(1);
    };
    let Some(today) = parse_iso(&day) else {
        eprintln!("error: '{day}' is not a date like 2026-11-26");
        return ExitCode::from(1);
    };
    let journal = Journal::new(dir);
    let listing = match journal.listing() {
        Ok(listing) => listing,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    let mut rows = Vec::new();
    for handle in &listing.handles {
        let (Ok(rel), Ok(checkins)) = (journal.load(handle), journal.checkin_ids(handle)) else {
            eprintln!("skipping {handle}: it does not read (rel check explains)");
            continue;
        };
        if rel.status != Status::Active {
            continue;
        }
        let meetings = Meetings::of(&checkins);
        // The newest check-in (for the meeting it planned) and the last
        // review by the day are what the assessment reads beyond the files
        // listed; this example needs only the cadence, so it reads neither.
        let review = last_review(&rel, today, []);
        let snapshot = Snapshot::whole(handle, &rel, &meetings, None, review, today);
        let a = assess(&snapshot, today, &Settings::default());
        if let (Some(due), Some(cadence)) = (a.next_due, &rel.cadence) {
            rows.push((
                days_between(due, today),
                handle.to_string(),
                cadence.to_string(),
                a.last_checkin,
            ));
        }
    }
    rows.sort_by_key(|row| std::cmp::Reverse(row.0));
    println!(
        "{:>6}  {:<20} {:<10} last met",
        "late", "relationship", "cadence"
    );
    for (late, handle, cadence, last) in rows {
        let last = last.map_or("never".to_string(), |d| d.to_string());
        let late = if late > 0 {
            format!("{late}d")
        } else {
            "—".to_string()
        };
        println!("{late:>6}  {handle:<20} {cadence:<10} {last}");
    }
    ExitCode::SUCCESS
}
