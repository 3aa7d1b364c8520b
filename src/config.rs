//! The config file, `<config dir>/rel/config.toml`: where the journal
//! lives and the defaults a person may change.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Cadence;
use crate::store::file::{parse, read_text};

/// Settings from the config file; every one optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where the journal lives (`~` is the home folder; a relative path is
    /// relative to the config file).
    pub journal_dir: Option<PathBuf>,
    /// The cadence `rel new` uses when none is given.
    pub default_cadence: Option<Cadence>,
    /// How often to review each relationship (default 3 months).
    pub review_every: Option<Cadence>,
    /// How long a pause lasts before status asks whether to resume or end
    /// it (default 8 weeks).
    pub pause_nudge: Option<Cadence>,
    /// The editor for notes and `rel edit`, before $VISUAL and $EDITOR.
    pub editor: Option<String>,
    /// Commit every change when the journal is a git work tree (default true).
    pub git: Option<bool>,
    /// Page long output of log, show, report and search (default true).
    pub pager: Option<bool>,
}

/// Where the config file is: `REL_CONFIG`, else the platform's config dir.
pub fn config_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("REL_CONFIG") {
        return Some(PathBuf::from(path));
    }
    dirs::config_dir().map(|dir| dir.join("rel").join("config.toml"))
}

/// Reads the config file; a missing file is an empty config.
pub fn load(path: Option<&Path>) -> Result<Config> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    if std::fs::metadata(path).is_err() {
        return Ok(Config::default());
    }
    let text = read_text(path).map_err(|p| bad_config(&p.to_string()))?;
    let mut config: Config = parse(path, &text).map_err(|p| bad_config(&p.to_string()))?;
    if let Some(dir) = config.journal_dir.take() {
        config.journal_dir = Some(resolve(&dir, path));
    }
    Ok(config)
}

fn bad_config(problem: &str) -> Error {
    Error::user(format!("bad config file: {problem}")).with_hint(
        "known settings: journal_dir, default_cadence, review_every, pause_nudge, editor, git, pager",
    )
}

fn resolve(dir: &Path, config_file: &Path) -> PathBuf {
    if let Ok(rest) = dir.strip_prefix("~")
        && let Some(home) = dirs::home_dir()
    {
        return home.join(rest);
    }
    if dir.is_relative()
        && let Some(parent) = config_file.parent()
    {
        return parent.join(dir);
    }
    dir.to_path_buf()
}
