//! Colour and emphasis, only when wanted (a terminal, no NO_COLOR).

use anstyle::{AnsiColor, Style};

use crate::model::{Health, Level};

#[derive(Debug, Clone, Copy)]
pub struct Paint {
    on: bool,
}

impl Paint {
    pub fn new(on: bool) -> Paint {
        Paint { on }
    }

    pub fn enabled(self) -> bool {
        self.on
    }

    fn paint(self, style: Style, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    pub fn bold(self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    pub fn dim(self, text: &str) -> String {
        self.paint(Style::new().dimmed(), text)
    }

    pub fn red(self, text: &str) -> String {
        self.paint(AnsiColor::Red.on_default(), text)
    }

    pub fn yellow(self, text: &str) -> String {
        self.paint(AnsiColor::Yellow.on_default(), text)
    }

    pub fn green(self, text: &str) -> String {
        self.paint(AnsiColor::Green.on_default(), text)
    }

    pub fn cyan(self, text: &str) -> String {
        self.paint(AnsiColor::Cyan.on_default(), text)
    }

    /// A search match, as grep marks it.
    pub fn highlight(self, text: &str) -> String {
        self.paint(AnsiColor::Red.on_default().bold(), text)
    }

    /// `error:` in bold red, for stderr.
    pub fn error_label(self) -> String {
        self.paint(AnsiColor::Red.on_default().bold(), "error:")
    }

    pub fn hint_label(self) -> String {
        self.paint(AnsiColor::Cyan.on_default().bold(), "hint:")
    }

    pub fn warning_label(self) -> String {
        self.paint(AnsiColor::Yellow.on_default().bold(), "warning:")
    }

    /// A health word in its colour.
    pub fn health(self, health: Health) -> String {
        let word = health.as_str();
        match health {
            Health::Green => self.green(word),
            Health::Amber => self.yellow(word),
            Health::Red => self.red(word),
            Health::Paused | Health::Ended => self.dim(word),
        }
    }

    /// An understanding's mark in its colour.
    pub fn level(self, level: Level) -> String {
        let mark = super::table::mark(level);
        match level {
            Level::Met => self.green(mark),
            Level::Partly => self.yellow(mark),
            Level::Missing => self.red(mark),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_colour_rel_paints_passes_the_edge() {
        let p = Paint::new(true);
        let mut out = [
            p.bold("x"),
            p.dim("x"),
            p.red("x"),
            p.yellow("x"),
            p.green("x"),
            p.cyan("x"),
            p.highlight("x"),
            p.error_label(),
            p.hint_label(),
            p.warning_label(),
        ]
        .concat();
        for health in [
            Health::Green,
            Health::Amber,
            Health::Red,
            Health::Paused,
            Health::Ended,
        ] {
            out.push_str(&p.health(health));
        }
        for level in [Level::Met, Level::Partly, Level::Missing] {
            out.push_str(&p.level(level));
        }
        assert_eq!(crate::text::terminal_safe(&out, true), out);
    }
}
