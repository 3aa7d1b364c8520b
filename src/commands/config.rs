//! `rel config`: the settings in force, and where each came from.

use crate::config::config_path;
use crate::context::Ctx;
use crate::error::Result;

/// Show the settings in force and where each came from
///
/// Settings live in `<config dir>/rel/config.toml` (or the file REL_CONFIG
/// names):
///
///   journal_dir = "~/notes/rel"     # where the journal lives
///   default_cadence = "biweekly"    # the cadence rel new uses when none is given
///   review_every = "3m"             # how often to review each relationship
///   pause_nudge = "8w"              # ask to resume or end a pause this long
///   git = true                      # commit every change when the journal is in git
///   editor = "code --wait"          # for notes and rel edit, before $VISUAL and $EDITOR
///   pager = false                   # never page log, show, report and search
///
/// Examples:
///   rel config
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub fn run(ctx: &Ctx, _args: Args) -> Result<()> {
    let path = config_path();
    let file = match &path {
        Some(p) if p.exists() => p.display().to_string(),
        Some(p) => format!("{} (not there: every setting is a default)", p.display()),
        None => "none (no config dir on this system)".to_string(),
    };
    let c = &ctx.config;
    let from_file = |set: bool, default: &str| {
        if set {
            "config file".to_string()
        } else {
            default.to_string()
        }
    };
    let editor_from = if c.editor.is_some() {
        "config file"
    } else if std::env::var("VISUAL").is_ok_and(|v| !v.trim().is_empty()) {
        "$VISUAL"
    } else if std::env::var("EDITOR").is_ok_and(|v| !v.trim().is_empty()) {
        "$EDITOR"
    } else {
        "default"
    };
    let in_git = crate::store::git::is_work_tree(ctx.journal.root());
    let git = match (c.git, in_git) {
        (Some(false), _) => "off".to_string(),
        (_, true) => "on: every change is committed".to_string(),
        (_, false) => {
            "on, but the journal is not a git work tree (rel git init makes it one)".to_string()
        }
    };
    let rows = [
        ("config file", file, String::new()),
        (
            "journal_dir",
            ctx.journal.root().display().to_string(),
            ctx.journal_from.to_string(),
        ),
        (
            "default_cadence",
            c.default_cadence
                .as_ref()
                .map_or("none".to_string(), ToString::to_string),
            from_file(c.default_cadence.is_some(), "default"),
        ),
        (
            "review_every",
            crate::report::words::span(ctx.settings.review_every),
            from_file(c.review_every.is_some(), "default"),
        ),
        (
            "pause_nudge",
            crate::report::words::span(ctx.settings.pause_nudge),
            from_file(c.pause_nudge.is_some(), "default"),
        ),
        ("git", git, from_file(c.git.is_some(), "default")),
        (
            "editor",
            crate::prompt::editor_command(c.editor.as_deref()),
            editor_from.to_string(),
        ),
        (
            "pager",
            match ctx.pager.configured() {
                Some(command) => format!("{command} (for log, show, report, search on a terminal)"),
                None => "off".to_string(),
            },
            ctx.pager.from.to_string(),
        ),
        ("today", ctx.today.to_string(), ctx.today_from.to_string()),
    ];
    ctx.print(&crate::report::config::table(&rows, ctx.width, ctx.paint))
}
