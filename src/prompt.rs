//! Asking the person: dialoguer prompts on stderr, behind one switch that
//! says whether we may ask at all, and the editor for longer text.

use std::io::IsTerminal;
use std::path::Path;
use std::process::Command;

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, MultiSelect, Select};

use crate::error::{Error, Result};
use crate::text::terminal_safe;

/// Whether and how to ask.
pub struct Prompt {
    allowed: bool,
    theme: Box<dyn Theme + Send + Sync>,
}

impl Prompt {
    /// Prompts happen only when stdin and stderr are terminals and the
    /// person did not say `--no-input`.
    pub fn new(no_input: bool, color: bool) -> Prompt {
        let allowed =
            !no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        let theme: Box<dyn Theme + Send + Sync> = if color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Prompt { allowed, theme }
    }

    pub fn allowed(&self) -> bool {
        self.allowed
    }

    /// A line of text. With `required`, asks until something is given.
    pub fn text(
        &self,
        label: &str,
        default: Option<&str>,
        required: bool,
    ) -> Result<Option<String>> {
        let mut input = Input::<String>::with_theme(self.theme.as_ref())
            .with_prompt(shown(label))
            .allow_empty(!required);
        if let Some(default) = default {
            input = input.default(default.to_string());
        }
        let answer = input.interact_text().map_err(prompt_failed)?;
        let answer = answer.trim().to_string();
        Ok((!answer.is_empty()).then_some(answer))
    }

    /// A line of text that must pass `check`, asked again until it does.
    pub fn parsed<T>(
        &self,
        label: &str,
        default: Option<&str>,
        check: impl Fn(&str) -> std::result::Result<T, String>,
    ) -> Result<Option<T>> {
        loop {
            let Some(answer) = self.text(label, default, false)? else {
                return Ok(None);
            };
            match check(&answer) {
                Ok(value) => return Ok(Some(value)),
                Err(why) => eprintln!("  {}", shown(&why)),
            }
        }
    }

    /// Several lines, one prompt each, until an empty one.
    pub fn lines(&self, label: &str) -> Result<Vec<String>> {
        let mut lines = Vec::new();
        loop {
            let shown = if lines.is_empty() {
                format!("{label} (Enter to skip)")
            } else {
                "  and (Enter when done)".to_string()
            };
            match self.text(&shown, None, false)? {
                Some(line) => lines.push(line),
                None => return Ok(lines),
            }
        }
    }

    pub fn select(&self, label: &str, items: &[String], default: usize) -> Result<usize> {
        Select::with_theme(self.theme.as_ref())
            .with_prompt(shown(label))
            .items(items.iter().map(|i| shown(i)))
            .default(default)
            .interact()
            .map_err(prompt_failed)
    }

    pub fn multi_select(&self, label: &str, items: &[String]) -> Result<Vec<usize>> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        MultiSelect::with_theme(self.theme.as_ref())
            .with_prompt(shown(&format!("{label} (space to mark, Enter to go on)")))
            .items(items.iter().map(|i| shown(i)))
            .interact()
            .map_err(prompt_failed)
    }

    pub fn confirm(&self, label: &str, default: bool) -> Result<bool> {
        Confirm::with_theme(self.theme.as_ref())
            .with_prompt(shown(label))
            .default(default)
            .interact()
            .map_err(prompt_failed)
    }
}

/// What a prompt shows passes the same edge as every other output:
/// dialoguer writes to the terminal itself.
fn shown(text: &str) -> String {
    terminal_safe(text, false).into_owned()
}

fn prompt_failed(err: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = err;
    if io.kind() == std::io::ErrorKind::Interrupted {
        return Error::user("interrupted; nothing was written");
    }
    Error::user(format!("cannot ask: {}", crate::error::io_reason(&io)))
        .with_hint("give the values as flags, or pass --no-input")
}

/// The editor to use: the config's, else $VISUAL, else $EDITOR, else vi.
pub fn editor_command(configured: Option<&str>) -> String {
    configured
        .map(str::to_string)
        .or_else(|| {
            std::env::var("VISUAL")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_string())
}

/// Opens `path` in the editor and waits. The editor is run by the shell,
/// so a command with arguments (`code --wait`) works.
pub fn edit_file(editor: &str, path: &Path) -> Result<()> {
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("rel-editor")
        .arg(path)
        .status()
        .map_err(|e| {
            Error::user(format!(
                "cannot start the editor '{editor}': {}",
                crate::error::io_reason(&e)
            ))
        })?;
    if !status.success() {
        return Err(
            Error::user(format!("the editor '{editor}' exited with {status}"))
                .with_hint(format!("your text is kept in {}", path.display())),
        );
    }
    Ok(())
}
