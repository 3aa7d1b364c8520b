//! What every command is handed: the journal, today, the settings, where
//! output goes and how it looks, and whether it may ask.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use chrono::NaiveDate;
use clap::ValueEnum;

use crate::config::{self, Config};
use crate::error::{Error, Result};
use crate::model::Settings;
use crate::model::date::{DATE_HINT, parse_date};
use crate::pager::Pager;
use crate::prompt::Prompt;
use crate::report::style::Paint;
use crate::store::Journal;
use crate::text::terminal_safe;

/// The flags every command takes, wherever they appear on the line.
#[derive(Debug, Default, clap::Args)]
pub struct Globals {
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
        allow_hyphen_values = true,
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

    /// Never page long output (log, show, report, search)
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_pager: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

pub struct Ctx {
    pub journal: Journal,
    /// Where the journal's location came from: `--dir`, `REL_DIR`, the
    /// config file, or the default.
    pub journal_from: &'static str,
    /// Where "today" came from.
    pub today_from: &'static str,
    /// "Today": read once, from `--as-of`, `REL_TODAY` or the clock.
    pub today: NaiveDate,
    pub config: Config,
    pub settings: Settings,
    /// Styling for stdout and for stderr.
    pub paint: Paint,
    pub paint_err: Paint,
    pub prompt: Prompt,
    /// Columns available to tables and wrapped text.
    pub width: usize,
    /// The whole command line, every command built: for the manual and
    /// the completions, which describe every command.
    pub tree: fn() -> clap::Command,
    /// Long output through `$PAGER`, for the commands that ask.
    pub pager: Pager,
    /// What this command changed, in a line each (for the git commit).
    /// A mutex, so that commands may read the journal on every core.
    changes: Mutex<Vec<String>>,
}

impl Ctx {
    /// Resolves everything global from the flags, the environment and the
    /// config file. `clock` is today as the system clock has it.
    pub fn new(cli: &Globals, clock: NaiveDate, tree: fn() -> clap::Command) -> Result<Ctx> {
        let today = match &cli.as_of {
            Some(text) => parse_date(text, clock)
                .map_err(|e| Error::user(format!("--as-of: {e}")).with_hint(DATE_HINT))?,
            None => clock,
        };
        let config = config::load(config::config_path().as_deref())?;
        let (root, journal_from) = journal_dir(cli, &config)?;
        let today_from = match &cli.as_of {
            None => "the clock",
            Some(flag) if std::env::var("REL_TODAY").ok().as_ref() == Some(flag) => "REL_TODAY",
            Some(_) => "--as-of",
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = |terminal: bool| match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        let paint = Paint::new(color(io::stdout().is_terminal()));
        let paint_err = Paint::new(color(io::stderr().is_terminal()));
        let mut settings = Settings::default();
        if let Some(every) = &config.review_every {
            settings.review_every = every.span();
        }
        if let Some(after) = &config.pause_nudge {
            settings.pause_nudge = after.span();
        }
        let journal = Journal::new(root);
        journal.label_changes(command_line(std::env::args().skip(1)), today);
        Ok(Ctx {
            journal,
            journal_from,
            today_from,
            today,
            settings,
            paint,
            paint_err,
            prompt: Prompt::new(cli.no_input, paint_err.enabled()),
            width: width(),
            pager: Pager::new(cli.no_pager, config.pager),
            config,
            tree,
            changes: Mutex::new(Vec::new()),
        })
    }

    /// Writes report text to stdout, through the pager when the command
    /// asked for it and the text is taller than the screen. A reader that
    /// went away (`| head`) ends the command quietly.
    pub fn print(&self, text: &str) -> Result<()> {
        // Every byte passes the edge first: controls shown, never obeyed.
        let text = &*terminal_safe(text, self.paint.enabled());
        if self.pager.pages(text, self.width)
            && self.pager.show(text).map_err(|e| output_error(&e))?
        {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| output_error(&e))
    }

    /// Streams a large output to stdout through one buffer, as `print`.
    pub fn print_with(&self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
        if self.pager.wanted() {
            // Perhaps for the pager: whole first.
            let mut text = Vec::new();
            write(&mut text).map_err(|e| output_error(&e))?;
            return self.print(&String::from_utf8_lossy(&text));
        }
        let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
        let mut out = Edge::new(&mut out, self.paint.enabled());
        write(&mut out)
            .and_then(|()| out.flush())
            .map_err(|e| output_error(&e))
    }

    /// This command's output may be long: page it when it is (see
    /// [`Pager`]).
    pub fn may_page(&self) {
        self.pager.want();
    }

    /// Notes what the command changed in the journal, in a few words.
    pub fn changed(&self, what: impl Into<String>) {
        self.changes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(what.into());
    }

    /// Everything the command changed.
    pub fn changes(&self) -> Vec<String> {
        self.changes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// A message for the person, on stderr, through the edge.
    pub fn say(&self, text: &str) {
        let text = terminal_safe(text, self.paint_err.enabled());
        let _ = writeln!(io::stderr().lock(), "{text}");
    }
}

/// The command as typed, for the undo record: `rel goal move grace w5
/// --due 2027-01-31`, without the global flags that only say where and
/// when, each word clipped, quoted when it holds a space.
pub fn command_line(args: impl Iterator<Item = String>) -> String {
    const WITH_VALUE: [&str; 3] = ["--dir", "--as-of", "--color"];
    let mut words = vec!["rel".to_string()];
    let mut skip = false;
    for arg in args {
        if std::mem::take(&mut skip) {
            continue;
        }
        if WITH_VALUE.contains(&arg.as_str()) {
            skip = true;
            continue;
        }
        if arg == "--no-input" || WITH_VALUE.iter().any(|f| arg.starts_with(&format!("{f}="))) {
            continue;
        }
        let word = crate::text::clip(&arg, 60);
        words.push(if word.is_empty() || word.contains(char::is_whitespace) {
            format!("\"{word}\"")
        } else {
            word
        });
    }
    words.join(" ")
}

/// [`terminal_safe`] for a stream: whole lines pass the edge as they
/// come (a line break never falls inside a character or a colour code),
/// the rest when flushed.
struct Edge<W: Write> {
    out: W,
    colour: bool,
    pending: Vec<u8>,
}

impl<W: Write> Edge<W> {
    fn new(out: W, colour: bool) -> Edge<W> {
        Edge {
            out,
            colour,
            pending: Vec::new(),
        }
    }

    fn pass(&mut self, upto: usize) -> io::Result<()> {
        safe_to(&mut self.out, &self.pending[..upto], self.colour)?;
        self.pending.drain(..upto);
        Ok(())
    }
}

/// Writes `bytes` to `out` as [`terminal_safe`] makes them. Valid UTF-8
/// (all rel writes) is checked at the speed of a copy; only anything else
/// takes the slow way.
fn safe_to(out: &mut impl Write, bytes: &[u8], colour: bool) -> io::Result<()> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    out.write_all(terminal_safe(&text, colour).as_bytes())
}

/// How much the edge holds before it passes the whole lines it has: the
/// writer behind it holds as much again, so nothing shows later for it,
/// and a long output is checked in long runs, not line by line.
const EDGE_RUN: usize = 1 << 15;

impl<W: Write> Write for Edge<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // A long run of whole lines with nothing held before it passes
        // as it is, without a copy.
        if self.pending.is_empty()
            && buf.len() >= EDGE_RUN
            && let Some(last) = buf.iter().rposition(|b| *b == b'\n')
        {
            safe_to(&mut self.out, &buf[..=last], self.colour)?;
            self.pending.extend_from_slice(&buf[last + 1..]);
            return Ok(buf.len());
        }
        let before = self.pending.len();
        self.pending.extend_from_slice(buf);
        if self.pending.len() >= EDGE_RUN
            && let Some(last) = buf.iter().rposition(|b| *b == b'\n')
        {
            self.pass(before + last + 1)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass(self.pending.len())?;
        self.out.flush()
    }
}

fn output_error(e: &io::Error) -> Error {
    match e.kind() {
        io::ErrorKind::BrokenPipe => Error::broken_pipe(),
        _ => Error::journal(format!(
            "cannot write the output: {}",
            crate::error::io_reason(e)
        )),
    }
}

fn journal_dir(cli: &Globals, config: &Config) -> Result<(PathBuf, &'static str)> {
    if let Some(dir) = &cli.dir {
        let from_env = std::env::var_os("REL_DIR").is_some_and(|env| dir.as_os_str() == env);
        return Ok((dir.clone(), if from_env { "REL_DIR" } else { "--dir" }));
    }
    if let Some(dir) = &config.journal_dir {
        return Ok((dir.clone(), "the config file"));
    }
    dirs::data_dir()
        .map(|d| (d.join("rel"), "the default: the data dir"))
        .ok_or_else(|| {
            Error::user("cannot tell where to keep the journal")
                .with_hint("pass --dir DIR or set REL_DIR")
        })
}

/// `COLUMNS` when set, else the terminal's width, else 100.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c >= 20)
        .or_else(crate::report::table::terminal_width)
        .unwrap_or(100)
        .min(400)
}

/// The words of `args` that name a subcommand of `tree`, in order:
/// `["goal", "done"]` for `rel --dir x goal done ada g1`.
pub fn command_path(tree: &clap::Command, args: &[String]) -> Vec<String> {
    let mut path = Vec::new();
    let mut at = tree;
    for word in args {
        if let Some(sub) = at.find_subcommand(word) {
            path.push(sub.get_name().to_string());
            at = sub;
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the edge passes, for `text` written in pieces of `piece`
    /// bytes.
    fn through_edge(text: &[u8], piece: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut edge = Edge::new(&mut out, false);
        for chunk in text.chunks(piece) {
            edge.write_all(chunk).unwrap_or_default();
        }
        edge.flush().unwrap_or_default();
        drop(edge);
        out
    }

    #[test]
    fn the_edge_passes_the_same_however_the_output_is_cut() {
        // Long enough to pass in several runs; unsafe characters (and a
        // line ending CR LF) across the places a run may end.
        let line = "plain words, an \u{1b}[31mescape\u{1b}[0m, a bidi \u{202e}override\r\n\
                    and a C1 \u{9b} control, 李小龍\n";
        let text = line.repeat(2 * EDGE_RUN / line.len() + 7);
        let whole = terminal_safe(&text, false).into_owned().into_bytes();
        for piece in [
            1,
            3,
            64,
            4096,
            EDGE_RUN - 1,
            EDGE_RUN,
            EDGE_RUN + 5,
            text.len(),
        ] {
            assert_eq!(
                through_edge(text.as_bytes(), piece),
                whole,
                "pieces of {piece}"
            );
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_pass_as_replacement_characters() {
        let mut text = b"ok \xff\xfe then \xe2\x80 cut\n".repeat(EDGE_RUN / 8);
        text.extend_from_slice(b"last line, no newline \xc2");
        let whole = terminal_safe(&String::from_utf8_lossy(&text), false)
            .into_owned()
            .into_bytes();
        for piece in [1, 7, EDGE_RUN + 1, text.len()] {
            assert_eq!(through_edge(&text, piece), whole, "pieces of {piece}");
        }
    }
}
