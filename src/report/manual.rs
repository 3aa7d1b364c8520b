//! The sections of rel(1) that clap does not write: EXIT STATUS,
//! ENVIRONMENT, FILES, and EXAMPLES, which are the README's tour.

use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

/// The README, whose tour is the manual's EXAMPLES: one text, so the
/// examples run as written (tests/cli/tour.rs runs them).
const README: &str = include_str!("../../README.md");

/// The sections, in the order man-pages(7) gives them.
pub fn sections() -> Roff {
    let mut page = Roff::new();
    exit_status(&mut page);
    environment(&mut page);
    files(&mut page);
    examples(&mut page, README);
    page
}

/// A `.TP` entry: the term in bold, then what it means.
fn entry(page: &mut Roff, term: &str, meaning: &str) {
    page.control("TP", []);
    page.text([bold(term)]);
    page.text(inline(meaning));
}

fn exit_status(page: &mut Roff) {
    page.control("SH", ["EXIT STATUS"]);
    entry(
        page,
        "0",
        "Success. Finding nothing (an empty report, a search without hits) is a success too.",
    );
    entry(
        page,
        "1",
        "A user error: a bad flag, an unknown handle, an invalid value. rel says why in one line and gives a hint.",
    );
    entry(
        page,
        "2",
        "A journal problem: a file that does not parse, a journal written by a newer rel, a failed write. rel names the file, line and column, and still prints what it could.",
    );
}

fn environment(page: &mut Roff) {
    page.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in [
        (
            "REL_DIR",
            "The journal folder, as `--dir` gives it (which comes first).",
        ),
        (
            "REL_TODAY",
            "The day rel takes as today, as `--as-of` gives it: reports that read the same whenever they run.",
        ),
        (
            "REL_CONFIG",
            "The config file, instead of `<config dir>/rel/config.toml`.",
        ),
        (
            "VISUAL, EDITOR",
            "The editor for notes (`rel checkin --edit`) and `rel edit`, after `editor` in the config file. `code --wait` works.",
        ),
        (
            "REL_PAGER, PAGER",
            "The pager for long output of `log`, `show`, `report` and `search` on a terminal; `less -FRX` when neither is set. Empty, or `cat`, is no pager. rel sets `LESS=FRX` when `LESS` is not set.",
        ),
        (
            "NO_COLOR",
            "When set and not empty, no colour, even on a terminal (`--color always` still forces it).",
        ),
        (
            "COLUMNS, LINES",
            "The width tables and text fit (else the terminal's), and the height that decides paging.",
        ),
        (
            "COMPLETE",
            "Set by the code `rel completions SHELL` prints, when the shell asks rel for completions.",
        ),
    ] {
        entry(page, name, meaning);
    }
}

fn files(page: &mut Roff) {
    page.control("SH", ["FILES"]);
    for (name, meaning) in [
        (
            "<data dir>/rel/",
            "The journal, unless `--dir`, `REL_DIR` or `journal_dir` in the config file names another: `$XDG_DATA_HOME/rel` or `~/.local/share/rel` on Linux, `~/Library/Application Support/rel` on macOS. Folders are private (0700), files 0600.",
        ),
        (
            "JOURNAL/journal.toml",
            "The version of the journal's format.",
        ),
        (
            "JOURNAL/relationships/HANDLE/relationship.toml",
            "A relationship and its items: goals, waypoints, actions, strengths, growth areas, advocacy, history. Yours to edit: rel keeps your comments, key order and keys it does not know.",
        ),
        (
            "JOURNAL/relationships/HANDLE/checkins/DATE-N.toml",
            "One check-in, the N-th meeting of its day, written once.",
        ),
        (
            "JOURNAL/.cache/",
            "What rel read before, checked against each file on every use; never the source of truth, and always safe to delete.",
        ),
        (
            "JOURNAL/drafts/",
            "Words kept when a command or an edit could not be saved, and copies being edited.",
        ),
        (
            "JOURNAL/.lock, JOURNAL/.gitignore",
            "The lock that serialises writers, and what keeps rel's scratch files out of git.",
        ),
        (
            "<config dir>/rel/config.toml",
            "Settings, every one optional: journal_dir, default_cadence, review_every, editor, git, pager (`$XDG_CONFIG_HOME/rel` or `~/.config/rel` on Linux). `rel config` shows what is in force.",
        ),
    ] {
        entry(page, name, meaning);
    }
}

/// The README's tour: its paragraphs, its comments as prose and its
/// commands as written (a table, and the line that leads into it, are
/// for the README's reader).
fn examples(page: &mut Roff, readme: &str) {
    page.control("SH", ["EXAMPLES"]);
    let Some(start) = readme.find("\n## A tour\n") else {
        return;
    };
    let section = &readme[start + "\n## A tour\n".len()..];
    let section = section.find("\n## ").map_or(section, |end| &section[..end]);
    let mut out = Examples {
        page,
        first: true,
        pending: Vec::new(),
        commands: Vec::new(),
    };
    let mut in_code = false;
    let mut paragraph: Vec<&str> = Vec::new();
    for line in section.lines() {
        if line.starts_with("```") {
            out.paragraph(&mut paragraph);
            out.flush();
            in_code = !in_code;
        } else if in_code {
            match line.trim_start().strip_prefix("# ") {
                Some(comment) => {
                    out.flush();
                    out.prose(comment);
                }
                None if line.trim().is_empty() => out.flush(),
                None => out.commands.push(line),
            }
        } else if line.starts_with('|') {
            out.pending.clear();
        } else if line.trim().is_empty() {
            out.paragraph(&mut paragraph);
        } else {
            paragraph.push(line);
        }
    }
    out.paragraph(&mut paragraph);
    out.flush();
}

/// The EXAMPLES section being written.
struct Examples<'a> {
    page: &'a mut Roff,
    /// Nothing written yet (a section starts a paragraph by itself).
    first: bool,
    /// A paragraph of prose, written once it is known not to lead into a
    /// table.
    pending: Vec<String>,
    commands: Vec<&'a str>,
}

impl Examples<'_> {
    fn start(&mut self) {
        if !self.first {
            self.page.control("PP", []);
        }
        self.first = false;
    }

    /// A paragraph of the README, kept back until what follows it is seen.
    fn paragraph(&mut self, lines: &mut Vec<&str>) {
        if lines.is_empty() {
            return;
        }
        self.flush();
        self.pending = lines.iter().map(|l| l.to_string()).collect();
        lines.clear();
    }

    fn prose(&mut self, text: &str) {
        self.start();
        self.page.text(inline(text));
    }

    /// Writes what is kept back: a paragraph, or commands.
    fn flush(&mut self) {
        if !self.pending.is_empty() {
            let text = self.pending.join(" ");
            self.pending.clear();
            self.prose(&text);
        }
        if self.commands.is_empty() {
            return;
        }
        self.start();
        self.page.control("RS", ["4"]);
        self.page.control("nf", []);
        for line in &self.commands {
            self.page.text([roman(*line)]);
        }
        self.page.control("fi", []);
        self.page.control("RE", []);
        self.commands.clear();
    }
}

/// Text with `code` spans in bold and <placeholders> in italics.
fn inline(text: &str) -> Vec<Inline> {
    text.split('`')
        .enumerate()
        .filter(|(_, piece)| !piece.is_empty())
        .map(|(i, piece)| {
            if i % 2 == 1 {
                bold(piece)
            } else if piece.starts_with('<') && piece.ends_with('>') {
                italic(piece)
            } else {
                roman(piece)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tour_becomes_examples() {
        let readme = "# rel\n\n## A tour\n\nRun these:\n\n```sh\n# Start one.\nrel new --person \"Ada\" \\\n        --kind mentoring\n\nrel status   # all of them\n```\n\nThe kinds:\n\n| kind | role |\n|---|---|\n\nAfter.\n\n## Next\n\n```sh\nrel never\n```\n";
        let mut page = Roff::new();
        examples(&mut page, readme);
        let roff = page.to_roff();
        assert!(roff.starts_with(".SH EXAMPLES\nRun these:\n"), "{roff}");
        assert!(roff.contains(".PP\nStart one.\n"), "{roff}");
        assert!(
            roff.contains(
                ".nf\nrel new \\-\\-person \"Ada\" \\\\\n        \\-\\-kind mentoring\n.fi\n"
            ),
            "{roff}"
        );
        assert!(roff.contains("rel status   # all of them\n"), "{roff}");
        assert!(roff.ends_with(".PP\nAfter.\n"), "{roff}");
        assert!(
            !roff.contains("never") && !roff.contains("role") && !roff.contains("The kinds"),
            "{roff}"
        );
    }
}
