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
#[command(name = "rel", version, max_term_width = 100)]
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

#[cfg(test)]
mod tests {
    /// clap's own consistency checks over every command and argument.
    #[test]
    fn the_command_line_is_well_formed() {
        super::command().debug_assert();
    }
}
