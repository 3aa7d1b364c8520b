//! The command line: the top-level parser, nothing else. Global flags are
//! [`Globals`] (in the context every command is handed); the commands and
//! their dispatch are [`commands::Command`].

use std::ffi::OsString;

use clap::{CommandFactory, Parser};

use crate::commands::Command;
use crate::context::Globals;

/// A terminal journal for your mentoring, sponsoring and reverse-mentoring
/// relationships.
///
/// Start a pairing with `rel new`, record every meeting with `rel checkin`,
/// and ask `rel status` where each relationship stands and what needs you.
/// Everything lives as plain TOML files you can read, edit and keep in git.
#[derive(Debug, Parser)]
#[command(name = "rel", version, max_term_width = MAX_HELP_WIDTH)]
pub struct Cli {
    #[command(flatten)]
    pub globals: Globals,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The date flags whose date may be left out (`--agreed` alone means
/// today): clap cannot tell `--agreed -2w` from `--agreed --how …`, so
/// [`args`] joins an offset that starts with `-` to them. Every other date
/// or cadence flag takes a value with a leading `-` itself.
const OPTIONAL_DATES: [&str; 2] = ["--agreed", "--opted-in"];

/// The process's arguments, `--agreed -2w` read as `--agreed=-2w`.
pub fn args() -> Vec<OsString> {
    join_offsets(std::env::args_os())
}

fn join_offsets(args: impl IntoIterator<Item = OsString>) -> Vec<OsString> {
    let mut out: Vec<OsString> = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            out.push(arg);
            out.extend(args);
            break;
        }
        // A number after a dash is never one of rel's flags.
        let offset = arg.to_str().is_some_and(|a| {
            a.starts_with('-') && a[1..].starts_with(|c: char| c.is_ascii_digit())
        });
        match out.last_mut() {
            Some(flag) if offset && OPTIONAL_DATES.iter().any(|f| flag == f) => {
                flag.push("=");
                flag.push(&arg);
            }
            _ => out.push(arg),
        }
    }
    out
}

/// The whole command line with every command's arguments built: for the
/// help that lists the commands, the man pages and the completions.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    cmd
}

/// The whole command line for showing help at `columns`: each command's
/// long help fitted to them (see [`crate::text::help::fit`]), so that clap
/// has nothing left to wrap in the middle of an example.
pub fn for_help(columns: usize) -> clap::Command {
    fn fitted(cmd: clap::Command, columns: usize) -> clap::Command {
        let cmd = match cmd.get_long_about().map(ToString::to_string) {
            Some(text) => cmd.long_about(crate::text::help::fit(&text, columns)),
            None => cmd,
        };
        cmd.term_width(columns)
            .mut_subcommands(|sub| fitted(sub, columns))
    }
    let columns = columns.min(MAX_HELP_WIDTH);
    fitted(command(), columns)
}

/// Help is never wider than this, however wide the terminal.
const MAX_HELP_WIDTH: usize = 100;

#[cfg(test)]
mod tests {
    /// clap's own consistency checks over every command and argument.
    #[test]
    fn the_command_line_is_well_formed() {
        super::command().debug_assert();
    }

    #[test]
    fn an_offset_after_an_optional_date_flag_is_its_date() {
        let joined = |args: &[&str]| -> Vec<String> {
            super::join_offsets(args.iter().map(Into::into))
                .into_iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(
            joined(&["rel", "set", "ada", "--agreed", "-2w", "--opted-in", "-1m"]),
            ["rel", "set", "ada", "--agreed=-2w", "--opted-in=-1m"]
        );
        // A flag after it, or any other value, is left alone.
        assert_eq!(
            joined(&["rel", "set", "ada", "--agreed", "--how", "-1"]),
            ["rel", "set", "ada", "--agreed", "--how", "-1"]
        );
        assert_eq!(
            joined(&["rel", "--", "--agreed", "-2w"]),
            ["rel", "--", "--agreed", "-2w"]
        );
        assert_eq!(
            joined(&["rel", "--agreed", "-x"]),
            ["rel", "--agreed", "-x"]
        );
    }
}
