//! Output longer than the screen goes through a pager, as git's does:
//! `$REL_PAGER`, else `$PAGER`, else `less -FRX`, only when stdout is a
//! terminal, and only for the commands that ask for it (`log`, `show`,
//! `report`, `search`). `--no-pager` and `pager = false` in the config
//! turn it off; an empty pager or `cat` means none.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::text::width;

/// The pager rel uses when neither `REL_PAGER` nor `PAGER` names one:
/// quit at once when the text fits (`-F`), keep colours (`-R`), and leave
/// the text on the screen afterwards (`-X`).
pub const DEFAULT: &str = "less -FRX";

/// Whether, and through what, long output is paged.
#[derive(Debug, Default)]
pub struct Pager {
    /// The shell command, when paging is on at all.
    command: Option<String>,
    /// The pager the settings name, terminal or not.
    configured: Option<String>,
    /// Where the command came from, for `rel config`.
    pub from: &'static str,
    /// The screen's height in lines, when known.
    rows: Option<usize>,
    /// The command asked for its output to be paged.
    wanted: AtomicBool,
}

impl Pager {
    /// Decides from `--no-pager`, the config's `pager` and the
    /// environment; never when stdout is not a terminal.
    pub fn new(no_pager: bool, config: Option<bool>) -> Pager {
        let (command, from) = if no_pager {
            (None, "--no-pager")
        } else if config == Some(false) {
            (None, "the config file")
        } else if let Some(command) = env("REL_PAGER") {
            (Some(command), "REL_PAGER")
        } else if let Some(command) = env("PAGER") {
            (Some(command), "PAGER")
        } else {
            (Some(DEFAULT.to_string()), "the default")
        };
        let command = command.filter(|c| {
            let c = c.trim();
            !c.is_empty() && c != "cat" && !c.ends_with("/cat")
        });
        let configured = command.clone();
        let command = command.filter(|_| io::stdout().is_terminal());
        Pager {
            command,
            configured,
            from,
            rows: rows(),
            wanted: AtomicBool::new(false),
        }
    }

    /// The pager the settings name (used only on a terminal), if any.
    pub fn configured(&self) -> Option<&str> {
        self.configured.as_deref()
    }

    /// The command's output may be long: page it if it is.
    pub fn want(&self) {
        self.wanted.store(true, Ordering::Relaxed);
    }

    /// Whether the command asked, and paging is on.
    pub fn wanted(&self) -> bool {
        self.command.is_some() && self.wanted.load(Ordering::Relaxed)
    }

    /// Whether `text` goes through the pager: it is on, asked for, and
    /// the text is taller than the screen at `columns`.
    pub fn pages(&self, text: &str, columns: usize) -> bool {
        self.wanted() && self.rows.is_none_or(|rows| taller(text, columns, rows))
    }

    /// Shows `text` in the pager and waits for the person to leave it.
    /// `Ok(false)` when the pager could not be started: the caller prints
    /// the text itself.
    pub fn show(&self, text: &str) -> io::Result<bool> {
        let Some(command) = &self.command else {
            return Ok(false);
        };
        let mut shell = Command::new("sh");
        shell.arg("-c").arg(command).stdin(Stdio::piped());
        // As git does: less and lv told to keep colours and quit on a
        // short text, unless the person set their own options.
        for (name, value) in [("LESS", "FRX"), ("LV", "-c")] {
            if std::env::var_os(name).is_none() {
                shell.env(name, value);
            }
        }
        let Ok(mut child) = shell.spawn() else {
            return Ok(false);
        };
        // Ctrl-C is for the pager (less stops a search with it): rel
        // waits for the pager to end rather than leave it behind.
        let interrupted = Arc::new(AtomicBool::new(false));
        let guard = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupted).ok();
        let written = match child.stdin.take() {
            Some(mut stdin) => stdin
                .write_all(text.as_bytes())
                .and_then(|()| stdin.flush()),
            None => Ok(()),
        };
        let waited = child.wait();
        if let Some(id) = guard {
            signal_hook::low_level::unregister(id);
        }
        match written {
            // The person left the pager before reading it all.
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            Err(e) => return Err(e),
            Ok(()) => {}
        }
        waited.map(|_| true)
    }
}

/// An environment variable that is set (set but empty means no pager,
/// as for git).
fn env(name: &str) -> Option<String> {
    std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
}

/// `LINES` when set, else the terminal's height.
fn rows() -> Option<usize> {
    std::env::var("LINES")
        .ok()
        .and_then(|l| l.trim().parse::<usize>().ok())
        .or_else(|| {
            rustix::termios::tcgetwinsize(io::stdout())
                .ok()
                .map(|size| usize::from(size.ws_row))
        })
        .filter(|rows| *rows > 0)
}

/// Whether `text` takes more lines than a screen of `rows` at `columns`
/// (keeping a line for the shell's prompt).
fn taller(text: &str, columns: usize, rows: usize) -> bool {
    let columns = columns.max(1);
    let mut lines = 0;
    for line in text.lines() {
        lines += width(line).div_ceil(columns).max(1);
        if lines >= rows {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_taller_than_the_screen_by_its_wrapped_lines() {
        assert!(!taller("a\nb\nc\n", 80, 24));
        // 23 lines and the prompt fill 24 rows.
        assert!(!taller(&"x\n".repeat(23), 80, 24));
        assert!(taller(&"x\n".repeat(24), 80, 24));
        assert!(taller(&format!("{}\n", "x".repeat(200)), 10, 20), "wrapped");
        assert!(!taller("", 80, 24));
    }
}
