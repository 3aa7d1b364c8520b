//! `rel completions SHELL` and `rel man`: the shell and the manual.

use std::path::PathBuf;

use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::context::Ctx;
use crate::error::{Error, Result};
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
///   rel man --dir ~/.local/share/man/man1
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ManArgs {
    /// Write rel.1 and a page for every command (rel-new.1, …) into DIR
    #[arg(long = "out", value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn man(ctx: &Ctx, args: ManArgs) -> Result<()> {
    let cmd = (ctx.tree)();
    match args.out {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, &e))?;
            clap_mangen::generate_to(cmd, &dir)
                .map_err(|e| Error::io("write the manual pages in", &dir, &e))?;
            ctx.say(&format!("Wrote the manual pages to {}", dir.display()));
            Ok(())
        }
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut page)
                .map_err(|e| Error::journal(format!("cannot render the manual: {e}")))?;
            ctx.print(&String::from_utf8_lossy(&page))
        }
    }
}

/// The handles in the journal, for shell completion. The journal is found
/// as rel finds it without flags (REL_DIR, the config file, the data dir).
pub fn handles() -> Vec<CompletionCandidate> {
    let config = crate::config::load(crate::config::config_path().as_deref()).unwrap_or_default();
    let root = std::env::var_os("REL_DIR")
        .map(PathBuf::from)
        .or(config.journal_dir)
        .or_else(|| dirs::data_dir().map(|d| d.join("rel")));
    let Some(root) = root else {
        return Vec::new();
    };
    let journal = Journal::new(root);
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
