//! The command line: the top-level parser, nothing else. Global flags are
//! [`Globals`] (in the context every command is handed); the commands and
//! their dispatch are [`commands::Command`].

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
}
