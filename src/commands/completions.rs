//! `rel completions SHELL` and `rel man`: the shell and the manual.

use std::path::PathBuf;

use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::items::Item;
use crate::model::{ItemId, ItemKind};
use crate::store::Journal;

/// The environment variable that asks rel to complete a command line.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// Print the shell code that completes rel's commands, flags and handles
///
/// Completion runs rel itself for the candidates, so handles come from your
/// journal as it is. Load the code when the shell starts, so it always
/// matches the rel you have:
///
///   bash:        echo 'source <(rel completions bash)' >> ~/.bashrc
///   zsh:         echo 'source <(rel completions zsh)' >> ~/.zshrc
///   fish:        echo 'rel completions fish | source' >> ~/.config/fish/config.fish
///   elvish:      echo 'eval (rel completions elvish | slurp)' >> ~/.config/elvish/rc.elv
///   powershell:  rel completions powershell | Out-String | Invoke-Expression
///
/// Examples:
///   rel completions bash
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<()> {
    let shell: &dyn EnvCompleter = match args.shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
        Shell::Elvish => &Elvish,
        Shell::Powershell => &Powershell,
    };
    let mut script = Vec::new();
    shell
        .write_registration(COMPLETE_VAR, "rel", "rel", "rel", &mut script)
        .map_err(|e| {
            Error::journal(format!(
                "cannot write the completions: {}",
                crate::error::io_reason(&e)
            ))
        })?;
    ctx.print(&String::from_utf8_lossy(&script))
}

/// Print rel's manual page (roff), or write one page per command
///
/// Examples:
///   rel man | man -l -
///   rel man --out ~/.local/share/man/man1
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ManArgs {
    /// Write rel.1 and a page for every command (rel-new.1, …) into DIR
    #[arg(long = "out", value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn man(ctx: &Ctx, args: ManArgs) -> Result<()> {
    let mut cmd = (ctx.tree)().disable_help_subcommand(true);
    cmd.build();
    match args.out {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, &e))?;
            let mut pages = Vec::new();
            manual_pages(&cmd, &mut pages);
            for (name, page) in pages {
                let path = dir.join(name);
                std::fs::write(&path, page).map_err(|e| Error::io("write", &path, &e))?;
            }
            ctx.say(&format!("Wrote the manual pages to {}", dir.display()));
            Ok(())
        }
        None => ctx.print(&manual_page(&cmd, true)),
    }
}

/// The day the manual's text last changed, for its title line (a page
/// without one is a warning to `mandoc -T lint`).
const MANUAL_DATE: &str = "2026-12-01";

/// Every command's page, rel(1) first: (file name, roff).
fn manual_pages(cmd: &clap::Command, pages: &mut Vec<(String, String)>) {
    let name = clap_mangen::Man::new(cmd.clone()).get_filename();
    pages.push((name, manual_page(cmd, pages.is_empty())));
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        manual_pages(sub, pages);
    }
}

/// One command's page as clap_mangen writes it; rel(1) (`whole`) with the
/// sections clap cannot know before VERSION: exit status, environment,
/// files and the examples.
fn manual_page(cmd: &clap::Command, whole: bool) -> String {
    let man = clap_mangen::Man::new(cmd.clone()).date(MANUAL_DATE);
    let mut page = Vec::new();
    // Rendered whole, then split: clap_mangen decides which of its
    // sections a command has.
    let _ = man.render(&mut page);
    let mut page = String::from_utf8_lossy(&page)
        // An empty line between two breaks is a blank line, which
        // mandoc would rather read as .sp.
        .replace("\n.br\n\n.br\n", "\n.sp\n");
    if whole {
        let extra = crate::report::manual::sections().render();
        // Without the apostrophe preamble the page already has.
        let extra = extra
            .find("\n.SH ")
            .map_or(extra.as_str(), |at| &extra[at + 1..]);
        let at = page.find("\n.SH VERSION").map_or(page.len(), |at| at + 1);
        page.insert_str(at, extra);
    }
    // Every character beyond ASCII by its name, as roff reads it whatever
    // the input encoding it assumes.
    page.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\[u{:04X}]", u32::from(c))
            }
        })
        .collect()
}

/// The journal a completion reads: `--dir` on the line being completed,
/// else as rel finds it without flags (REL_DIR, the config file, the data
/// dir).
fn journal(line: &Line) -> Option<Journal> {
    if let Some(dir) = &line.dir {
        return Some(Journal::new(PathBuf::from(dir)));
    }
    let config = crate::config::load(crate::config::config_path().as_deref()).unwrap_or_default();
    std::env::var_os("REL_DIR")
        .map(PathBuf::from)
        .or(config.journal_dir)
        .or_else(|| dirs::data_dir().map(|d| d.join("rel")))
        .map(Journal::new)
}

/// What the command line being completed says so far.
#[derive(Debug, Default)]
struct Line {
    /// The subcommand words: `["action", "done"]`.
    path: Vec<String>,
    /// The words that are neither flags, their values nor subcommands.
    positionals: Vec<String>,
    dir: Option<String>,
}

impl Line {
    /// The line the shell asked about: the words after `--` (see
    /// clap_complete's `CompleteEnv`) before the one being completed
    /// (`_CLAP_COMPLETE_INDEX` when the shell says which, else the last),
    /// the program's name left out.
    fn asked() -> Line {
        let args: Vec<String> = std::env::args_os()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let words = match args.iter().position(|a| a == "--") {
            Some(at) => &args[at + 1..],
            None => return Line::default(),
        };
        let current = std::env::var("_CLAP_COMPLETE_INDEX")
            .ok()
            .and_then(|i| i.parse::<usize>().ok())
            .unwrap_or(words.len().saturating_sub(1))
            .min(words.len());
        match words.get(1..current) {
            Some(before) => Line::of(before),
            None => Line::default(),
        }
    }

    fn of(words: &[String]) -> Line {
        use clap::{Args as _, Subcommand as _};
        let mut tree = crate::context::Globals::augment_args(super::Command::augment_subcommands(
            clap::Command::new("rel"),
        ));
        tree.build();
        let mut line = Line::default();
        let mut at = &tree;
        let mut words = words.iter();
        while let Some(word) = words.next() {
            if let Some(flag) = word.strip_prefix("--").filter(|f| !f.is_empty()) {
                let (name, attached) = match flag.split_once('=') {
                    Some((name, value)) => (name, Some(value.to_string())),
                    None => (flag, None),
                };
                let takes_value = at
                    .get_arguments()
                    .find(|a| a.get_long() == Some(name))
                    .is_some_and(|a| a.get_action().takes_values());
                let value = match attached {
                    Some(value) => Some(value),
                    None if takes_value => words.next().cloned(),
                    None => None,
                };
                if name == "dir" {
                    line.dir = value;
                }
            } else if let Some(short) = word.strip_prefix('-').and_then(|s| s.chars().last()) {
                let takes_value = at
                    .get_arguments()
                    .find(|a| a.get_short() == Some(short))
                    .is_some_and(|a| a.get_action().takes_values());
                if takes_value && word.chars().count() == 2 {
                    words.next();
                }
            } else if let Some(sub) = at
                .find_subcommand(word)
                .filter(|_| line.positionals.is_empty())
            {
                line.path.push(sub.get_name().to_string());
                at = sub;
            } else {
                line.positionals.push(word.clone());
            }
        }
        line
    }

    /// The kind of item the command closes or promotes.
    fn kind(&self) -> Option<ItemKind> {
        match self.path.first().map(String::as_str) {
            Some("goal") => Some(ItemKind::Goal),
            Some("waypoint") => Some(ItemKind::Waypoint),
            Some("action") => Some(ItemKind::Action),
            Some("growth") => Some(ItemKind::Growth),
            _ => None,
        }
    }
}

/// The open items of the relationship the line names, for `rel action
/// done HANDLE <TAB>` and the like: their ids, with their text.
pub fn open_items() -> Vec<CompletionCandidate> {
    let line = Line::asked();
    match line.kind() {
        Some(kind) => open_of(&line, kind),
        None => Vec::new(),
    }
}

/// The closed items of the relationship the line names, for `rel goal
/// reopen HANDLE <TAB>`.
pub fn closed_items() -> Vec<CompletionCandidate> {
    let line = Line::asked();
    match line.kind() {
        Some(kind) => items_of(&line, kind, false),
        None => Vec::new(),
    }
}

/// Open actions, for `rel checkin HANDLE --done <TAB>`.
pub fn open_actions() -> Vec<CompletionCandidate> {
    open_of(&Line::asked(), ItemKind::Action)
}

/// Waypoints still to reach, for `--reached` and `--waypoint`.
pub fn open_waypoints() -> Vec<CompletionCandidate> {
    open_of(&Line::asked(), ItemKind::Waypoint)
}

fn open_of(line: &Line, kind: ItemKind) -> Vec<CompletionCandidate> {
    items_of(line, kind, true)
}

/// The items of `kind`, open or closed as `open` says, with their text.
fn items_of(line: &Line, kind: ItemKind, open: bool) -> Vec<CompletionCandidate> {
    let (Some(journal), Some(input)) = (journal(line), line.positionals.first()) else {
        return Vec::new();
    };
    let Ok(handle) = journal.find(input) else {
        return Vec::new();
    };
    let Ok(rel) = journal.load(&handle) else {
        return Vec::new();
    };
    let items: Vec<(ItemId, &str)> = match kind {
        ItemKind::Goal => some(&rel.goals, open, |x| &x.text),
        ItemKind::Waypoint => some(&rel.waypoints, open, |x| &x.text),
        ItemKind::Action => some(&rel.actions, open, |x| &x.text),
        ItemKind::Growth => some(&rel.growth, open, |x| &x.text),
        ItemKind::Strength | ItemKind::Advocacy => Vec::new(),
    };
    items
        .into_iter()
        .map(|(id, text)| {
            CompletionCandidate::new(id.to_string()).help(Some(crate::text::clip(text, 60).into()))
        })
        .collect()
}

fn some<T: Item>(items: &[T], open: bool, text: impl Fn(&T) -> &str) -> Vec<(ItemId, &str)> {
    items
        .iter()
        .filter(|x| x.is_open() == open)
        .map(|x| (x.id(), text(x)))
        .collect()
}

/// The handles in the journal, for shell completion, with the person's
/// name.
pub fn handles() -> Vec<CompletionCandidate> {
    let Some(journal) = journal(&Line::asked()) else {
        return Vec::new();
    };
    let Ok(listing) = journal.listing() else {
        return Vec::new();
    };
    listing
        .handles
        .iter()
        .map(|h| {
            let candidate = CompletionCandidate::new(h.as_str());
            match journal.load(h) {
                Ok(rel) => candidate.help(Some(crate::text::echo(&rel.person).into())),
                Err(_) => candidate,
            }
        })
        .collect()
}
