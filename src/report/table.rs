//! Tables, bars and sparklines: the shapes a person would rather look at
//! than read. The only place comfy-table appears.

use comfy_table::{
    Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle,
};

use crate::model::{Health, Level};
use crate::text::width;

/// The terminal's width, when stdout is a terminal.
pub fn terminal_width() -> Option<usize> {
    Table::new().width().map(usize::from)
}

/// How a cell should stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Dim,
    Good,
    Warn,
    Bad,
}

/// A column of a table: its header, how much it matters when the terminal
/// is narrow (0 matters most), and whether it may wrap.
pub struct Column {
    pub header: &'static str,
    pub priority: u8,
    /// A column that may wrap, down to this many columns; others never do.
    pub wrap_min: Option<usize>,
    pub right: bool,
    pub cells: Vec<(String, Tone)>,
}

impl Column {
    pub fn new(header: &'static str, priority: u8) -> Column {
        Column {
            header,
            priority,
            wrap_min: None,
            right: false,
            cells: Vec::new(),
        }
    }

    pub fn wrapping(mut self, min: usize) -> Column {
        self.wrap_min = Some(min);
        self
    }

    pub fn right(mut self) -> Column {
        self.right = true;
        self
    }

    pub fn push(&mut self, text: impl Into<String>, tone: Tone) {
        self.cells.push((text.into(), tone));
    }

    fn natural(&self) -> usize {
        self.cells
            .iter()
            .map(|(t, _)| t.lines().map(width).max().unwrap_or(0))
            .chain(std::iter::once(width(self.header)))
            .max()
            .unwrap_or(0)
    }

    fn least(&self) -> usize {
        match self.wrap_min {
            Some(min) => min.min(self.natural()).max(width(self.header)),
            None => self.natural(),
        }
    }
}

/// Renders columns as a table in rel's look (a header rule, no borders),
/// fitted to `width`: when not everything fits, the least important columns
/// are left out rather than breaking words in the middle.
pub fn fit(columns: Vec<Column>, width: usize, color: bool) -> String {
    let keep = kept(&columns, width);
    let chosen: Vec<&Column> = columns
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(c, _)| c)
        .collect();

    let mut table = Table::new();
    table
        .force_no_tty()
        .load_style(TableStyle::new().header_separator(LineStyle::none().fill('─')))
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_header(chosen.iter().map(|c| Cell::new(c.header)));
    if color {
        table.enforce_styling();
    }
    let rows = chosen.iter().map(|c| c.cells.len()).max().unwrap_or(0);
    for r in 0..rows {
        table.add_row(chosen.iter().map(|c| match c.cells.get(r) {
            Some((text, tone)) => toned(Cell::new(text), *tone),
            None => Cell::new(""),
        }));
    }
    for (index, c) in chosen.iter().enumerate() {
        if let Some(column) = table.column_mut(index) {
            column.set_padding((0, 1));
            if c.wrap_min.is_none() {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
            if c.right {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The headers of the columns [`fit`] keeps at `width`, so that what
/// explains a column (a legend) can go with it.
pub fn shown(columns: &[Column], width: usize) -> Vec<&'static str> {
    columns
        .iter()
        .zip(kept(columns, width))
        .filter(|(_, keep)| *keep)
        .map(|(c, _)| c.header)
        .collect()
}

/// Which columns fit in `width`, the most important first.
fn kept(columns: &[Column], width: usize) -> Vec<bool> {
    let mut order: Vec<usize> = (0..columns.len()).collect();
    order.sort_by_key(|i| columns[*i].priority);
    let mut keep = vec![false; columns.len()];
    let mut used = 0;
    for i in order {
        let need = columns[i].least() + 1;
        if used + need <= width || used == 0 {
            keep[i] = true;
            used += need;
        }
    }
    keep
}

fn toned(cell: Cell, tone: Tone) -> Cell {
    match tone {
        Tone::Plain => cell,
        Tone::Dim => cell.fg(Color::DarkGrey),
        Tone::Good => cell.fg(Color::Green),
        Tone::Warn => cell.fg(Color::Yellow),
        Tone::Bad => cell.fg(Color::Red),
    }
}

/// The tone of a health.
pub fn health_tone(health: Health) -> Tone {
    match health {
        Health::Green => Tone::Good,
        Health::Amber => Tone::Warn,
        Health::Red => Tone::Bad,
        Health::Paused | Health::Ended => Tone::Dim,
    }
}

/// `●` met, `◐` partly, `○` missing.
pub fn mark(level: Level) -> &'static str {
    match level {
        Level::Met => "●",
        Level::Partly => "◐",
        Level::Missing => "○",
    }
}

/// `▓▓▓░░ 3/5`: how many of a total are done.
pub fn bar(done: usize, total: usize, slots: usize) -> String {
    if total == 0 {
        return "—".to_string();
    }
    format!("{} {done}/{total}", bar_cells(done, total, slots))
}

/// `▓▓▓░░`: the cells of a bar, `done` of `total` (more than the total
/// fills it); empty for a total of nothing.
pub fn bar_cells(done: usize, total: usize, slots: usize) -> String {
    if total == 0 {
        return String::new();
    }
    let filled = (done * slots + total / 2) / total;
    let filled = filled.min(slots);
    format!("{}{}", "▓".repeat(filled), "░".repeat(slots - filled))
}

/// `▁▃▅▇`: ratings from 1 to 5 as a sparkline.
pub fn sparkline(values: &[u8]) -> String {
    const TICKS: [char; 5] = ['▁', '▃', '▄', '▆', '█'];
    values
        .iter()
        .map(|v| TICKS[usize::from(v.clamp(&1, &5) - 1)])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_round_to_the_nearest_slot() {
        assert_eq!(bar(3, 5, 5), "▓▓▓░░ 3/5");
        assert_eq!(bar(0, 4, 5), "░░░░░ 0/4");
        assert_eq!(bar(4, 4, 5), "▓▓▓▓▓ 4/4");
        assert_eq!(bar(1, 3, 5), "▓▓░░░ 1/3");
        assert_eq!(bar(0, 0, 5), "—");
    }

    #[test]
    fn every_colour_a_table_prints_passes_the_edge() {
        let mut column = Column::new("H", 0);
        for tone in [Tone::Plain, Tone::Dim, Tone::Good, Tone::Warn, Tone::Bad] {
            column.push("x", tone);
        }
        let out = fit(vec![column], 40, true);
        assert!(out.contains('\u{1b}'), "{out:?}");
        assert_eq!(crate::text::terminal_safe(&out, true), out);
    }

    #[test]
    fn sparklines_rise_with_ratings() {
        assert_eq!(sparkline(&[1, 2, 3, 4, 5]), "▁▃▄▆█");
        assert_eq!(sparkline(&[]), "");
    }
}
