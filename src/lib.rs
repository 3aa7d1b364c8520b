//! rel: a terminal journal for one person's professional relationships —
//! mentoring, sponsoring and reverse-mentoring, on either side of each.
//!
//! The library holds the domain ([`model`]), the journal on disk
//! ([`store`]), the rendering ([`report`]) and the commands; the binary is
//! a thin shell over [`main`].

pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod error;
pub mod export;
pub mod model;
pub mod pager;
pub mod par;
pub mod problem;
pub mod prompt;
pub mod report;
pub mod store;
pub mod text;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;
use crate::context::{ColorChoice, Ctx};
use crate::error::{Error, ErrorKind};
use crate::report::style::Paint;

/// Runs rel with the process's arguments and returns its exit code.
pub fn main() -> ExitCode {
    install_panic_hook();
    // A shell asking for completions (see `rel completions`).
    match clap_complete::CompleteEnv::with_factory(cli::command)
        .var(commands::completions::COMPLETE_VAR)
        .try_complete(std::env::args_os(), std::env::current_dir().ok().as_deref())
    {
        Ok(true) => return ExitCode::SUCCESS,
        Ok(false) => {}
        Err(err) => return clap_exit(&err),
    }
    let cli = match Cli::try_parse_from(cli::args()) {
        Ok(cli) => cli,
        Err(err) => return clap_exit(&usage_without_globals(help_in_full(err))),
    };
    let clock = chrono::Local::now().date_naive();
    let paint = stderr_paint(&cli);
    let code = match run(cli, clock) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            report_error(&err, paint);
            ExitCode::from(err.exit_code())
        }
    };
    // For tests of how a command's reading grows with the journal.
    if std::env::var_os("REL_TEST_IO").is_some() {
        let (opened, listed) = store::file::io_counts();
        eprintln!("rel-test-io: opened {opened} listed {listed}");
    }
    code
}

/// Runs a parsed command line with `clock` as the system's today.
pub fn run(cli: Cli, clock: chrono::NaiveDate) -> Result<(), Error> {
    let ctx = Ctx::new(&cli.globals, clock, cli::command)?;
    commands::run(&ctx, cli.command)
}

/// Prints an error once: `error:` lines, then the hint, through the
/// edge that shows control characters rather than obeying them.
pub fn report_error(err: &Error, paint: Paint) {
    if err.kind() == ErrorKind::BrokenPipe {
        return;
    }
    let mut text = String::new();
    for line in err.lines() {
        text.push_str(&format!("{} {line}\n", paint.error_label()));
    }
    if let Some(hint) = err.hint() {
        text.push_str(&format!("{} {hint}\n", paint.hint_label()));
    }
    let _ = std::io::stderr()
        .lock()
        .write_all(text::terminal_safe(&text, paint.enabled()).as_bytes());
}

fn stderr_paint(cli: &Cli) -> Paint {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Paint::new(match cli.globals.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stderr().is_terminal() && !no_color,
    })
}

/// Help that lists the commands needs every command built (see
/// [`cli::command`]): asked for again of the whole command line.
fn help_in_full(err: clap::Error) -> clap::Error {
    use clap::error::ErrorKind as K;
    match err.kind() {
        K::DisplayHelp | K::DisplayHelpOnMissingArgumentOrSubcommand => {
            cli::for_help(context::width())
                .try_get_matches_from(std::env::args_os())
                .err()
                .unwrap_or(err)
        }
        _ => err,
    }
}

/// The usage line of an error, as the command's help shows it. clap's own
/// names the options the line used, and an option given by its
/// environment variable (`REL_DIR`, `REL_TODAY`) counts as used: `Usage:
/// rel prep --dir <DIR> --as-of <DATE> <HANDLE>` reads as if both were
/// required.
fn usage_without_globals(mut err: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue};
    if err.get(ContextKind::Usage).is_none() {
        return err;
    }
    let mut cmd = cli::command();
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    // The words, not clap's partial matches, which stop short of a
    // subcommand that failed to parse.
    let path = context::command_path(&cmd, &args);
    err.insert(
        ContextKind::Usage,
        ContextValue::StyledStr(usage_of(&mut cmd, &path)),
    );
    err
}

/// The usage line of the subcommand at `path`.
fn usage_of(cmd: &mut clap::Command, path: &[String]) -> clap::builder::StyledStr {
    if let Some((name, rest)) = path.split_first()
        && let Some(sub) = cmd.find_subcommand_mut(name)
    {
        return usage_of(sub, rest);
    }
    cmd.render_usage()
}

/// Help and version go to stdout with success; a usage error is a user
/// error (exit 1), as for every other bad input. clap quotes what it was
/// given, so its words pass the edge too.
fn clap_exit(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind as K;
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let styled = err.render();
    let print = |out: &mut dyn Write, terminal: bool| {
        let colour = terminal && !no_color;
        let words = if colour {
            styled.ansi().to_string()
        } else {
            styled.to_string()
        };
        let _ = out.write_all(text::terminal_safe(&words, colour).as_bytes());
        let _ = out.flush();
    };
    if err.use_stderr() {
        print(
            &mut std::io::stderr().lock(),
            std::io::stderr().is_terminal(),
        );
    } else {
        print(
            &mut std::io::stdout().lock(),
            std::io::stdout().is_terminal(),
        );
    }
    match err.kind() {
        K::DisplayHelp | K::DisplayVersion => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}

/// A bug should read as one, not as a Rust backtrace.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = text::terminal_safe(&what, false);
        eprintln!("error: rel hit a bug ({what}{place}); nothing more was written");
        eprintln!("hint: please report it, with the command you ran");
    }));
}

#[cfg(test)]
mod tests {
    /// clap's help and errors, in colour, use only codes the edge lets
    /// through (see [`text::SGR`]).
    #[test]
    fn clap_colours_pass_the_edge() {
        let help = crate::cli::command().render_help().ansi().to_string();
        let Err(err) = crate::cli::command().try_get_matches_from(["rel", "--bogus"]) else {
            panic!("--bogus parsed");
        };
        let error = err.render().ansi().to_string();
        for out in [help, error] {
            assert!(out.contains('\u{1b}'), "{out:?}");
            assert_eq!(crate::text::terminal_safe(&out, true), out);
        }
    }
}
