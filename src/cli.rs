//! The command line: global flags and the list of commands.

use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::commands;

/// A terminal journal for your mentoring, sponsoring and reverse-mentoring
/// relationships.
///
/// Start a pairing with `rel new`, record every meeting with `rel checkin`,
/// and ask `rel status` where each relationship stands and what needs you.
/// Everything lives as plain TOML files you can read, edit and keep in git.
#[derive(Debug, Parser)]
#[command(name = "rel", version, max_term_width = 100)]
pub struct Cli {
    /// The journal folder [default: journal_dir from the config file, else
    /// the data dir's rel/]
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "REL_DIR",
        help_heading = "Global options"
    )]
    pub dir: Option<PathBuf>,

    /// Evaluate "today" as DATE, for reproducible reports
    #[arg(
        long = "as-of",
        global = true,
        value_name = "DATE",
        env = "REL_TODAY",
        help_heading = "Global options"
    )]
    pub as_of: Option<String>,

    /// Never prompt; fail naming the missing flags instead
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_input: bool,

    /// When to use colour (NO_COLOR is honoured)
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorChoice::Auto,
        value_name = "WHEN",
        help_heading = "Global options"
    )]
    pub color: ColorChoice,

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Each command's arguments are built only when that command is parsed:
/// starting rel costs the same however many commands it has. What shows
/// every command (help, man page, completions) uses [`command`].
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    New(commands::new::Args),
    Checkin(commands::checkin::Args),
    #[command(visible_alias = "show")]
    Status(commands::status::Args),
    Prep(commands::prep::Args),
    #[command(subcommand)]
    Goal(commands::goal::Args),
    #[command(subcommand)]
    Waypoint(commands::waypoint::Args),
    #[command(subcommand)]
    Action(commands::action::Args),
    Actions(commands::actions::Args),
    #[command(subcommand)]
    Strength(commands::strength::StrengthArgs),
    #[command(subcommand)]
    Growth(commands::strength::GrowthArgs),
    Advocate(commands::advocate::Args),
    Set(commands::set::Args),
    Pause(commands::pause::Args),
    Resume(commands::pause::ResumeArgs),
    Snooze(commands::pause::SnoozeArgs),
    End(commands::end::Args),
    Evolve(commands::evolve::Args),
    List(commands::list::Args),
    Git(commands::git::Args),
    Config(commands::config::Args),
    Completions(commands::completions::Args),
    Man(commands::completions::ManArgs),
    Log(commands::log::Args),
    Search(commands::search::Args),
    Report(commands::report::Args),
    Edit(commands::edit::Args),
    Check(commands::check::Args),
    Export(commands::export::Args),
    Import(commands::import::Args),
}
