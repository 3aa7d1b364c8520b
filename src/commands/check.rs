//! `rel check`: validate every file of the journal.

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::problem::Severity;
use crate::store::check::check_journal;

/// Check every file of the journal, and list what is wrong
///
/// Reads journal.toml, every relationship.toml and every check-in, and
/// prints one line per problem as `path:line:col: message`, in the order of
/// the files. An error is something rel cannot trust (a file that does not
/// parse, an id used twice, a check-in whose date disagrees with its name);
/// a warning is something rel works around (a key it does not know, a
/// leftover temporary file, a file other users can read). Nothing is
/// written. Exits 2 when there is an error, 0 otherwise.
///
/// Examples:
///   rel check
///   rel check && git commit -am "Journal"
///   rel check | grep ada-lovelace
///   rel check --fix-modes        # folders 0700, files 0600 again (after a clone)
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// First give every folder of the journal 0700 and every file 0600
    /// (git writes them wider on a clone or a pull; rel's next write or
    /// sync fixes them too)
    #[arg(long)]
    pub fix_modes: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    if args.fix_modes {
        let root = ctx.journal.root();
        let fixed = crate::store::sync::modes::restore(root)
            .map_err(|e| Error::io("change the modes in", root, &e))?;
        ctx.say(&match fixed {
            0 => "Modes: every folder was 0700 and every file 0600 already.".to_string(),
            1 => "Modes: 1 file or folder made private again (0700/0600).".to_string(),
            n => format!("Modes: {n} files and folders made private again (0700/0600)."),
        });
    }
    let report = check_journal(&ctx.journal, ctx.today)?;
    let mut out = String::new();
    for problem in &report.problems {
        let label = match problem.severity {
            Severity::Error => ctx.paint.error_label(),
            Severity::Warning => ctx.paint.warning_label(),
        };
        out.push_str(&format!("{label} {problem}\n"));
    }
    ctx.print(&out)?;
    if report.newer {
        return Err(Error::journal(
            "rel check stopped at journal.toml: a newer rel wrote this journal",
        )
        .with_hint("upgrade rel to check it; this rel only reads it"));
    }

    let checked = format!(
        "{}, {}",
        count(report.relationships, "relationship"),
        count(report.checkins, "check-in")
    );
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    match (errors, warnings) {
        (0, 0) => {
            ctx.say(&format!("Checked {checked}: all good."));
            Ok(())
        }
        (0, _) => {
            ctx.say(&format!(
                "Checked {checked}: {}, no errors.",
                count(warnings, "warning")
            ));
            Ok(())
        }
        (_, 0) => Err(found(format!(
            "{} (checked {checked})",
            count(errors, "error")
        ))),
        _ => Err(found(format!(
            "{} and {} (checked {checked})",
            count(errors, "error"),
            count(warnings, "warning")
        ))),
    }
}

fn found(summary: String) -> Error {
    Error::journal(summary)
        .with_hint(
            "rel never overwrites a file it cannot read; fix each by hand (rel edit HANDLE validates as you save), then run rel check again",
        )
}

/// `1 check-in`, `2 check-ins`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
