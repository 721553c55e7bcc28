//! The tables as the table checks see them: rows of cells, by table, with their labels, and where
//! a sub-heading stands between two rows.
//!
//! **In:** the table cells among a [`Doc`]'s amounts ([`crate::record::Cell`]: table, row, column,
//! label, total). **Out:** one [`Rows`] per table, the cell of a row in a column ([`Row::cell`]),
//! and [`heading_above`]: whether text other than the row's own label stands between a row and the
//! row before it (a group heading such as a län or nämnd name, page furniture).
//!
//! **Deliberately not here:** which rows are sums and what they add up (`groups.rs`, `tables.rs`).

use std::collections::BTreeMap;

use super::doc::Doc;

/// One table row: its label, whether the table reader marked it as a sum, and its cells.
#[derive(Debug, Clone, Default)]
pub(super) struct Row {
    pub(super) label: String,
    pub(super) total: bool,
    /// Indexes into the amounts, in column order.
    pub(super) cells: Vec<usize>,
}

/// A table's rows by row number.
pub(super) type Rows = BTreeMap<usize, Row>;

/// Every table's rows, by table number.
pub(super) fn grid(doc: &Doc<'_>) -> BTreeMap<usize, Rows> {
    let mut tables: BTreeMap<usize, Rows> = BTreeMap::new();
    for (i, a) in doc.amounts.iter().enumerate() {
        if let Some(c) = &a.cell {
            let row = tables.entry(c.table).or_default().entry(c.row).or_default();
            row.label.clone_from(&c.label);
            row.total |= c.total;
            row.cells.push(i);
        }
    }
    tables
}

/// Where a column's figures are: its number and its currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Column<'a> {
    pub(super) column: usize,
    pub(super) currency: &'a str,
}

impl<'a> Column<'a> {
    /// The column of the amount `i`, if it is a table cell.
    pub(super) fn of(doc: &Doc<'a>, i: usize) -> Option<Column<'a>> {
        let a = doc.amounts.get(i)?;
        Some(Column {
            column: a.cell.as_ref()?.column,
            currency: &a.currency,
        })
    }
}

impl Row {
    /// The row's cell in `col`, if it has one.
    pub(super) fn cell(&self, doc: &Doc<'_>, col: Column<'_>) -> Option<usize> {
        self.cells
            .iter()
            .copied()
            .find(|&i| Column::of(doc, i) == Some(col))
    }
}

/// Whether text other than row `r`'s label stands between it and the row before it in `rows`
/// (a sub-heading, a caption, page furniture). The first row of a table has none above it.
pub(super) fn heading_above(doc: &Doc<'_>, rows: &Rows, r: usize) -> bool {
    let Some(row) = rows.get(&r) else {
        return false;
    };
    let Some((_, prev)) = rows.range(..r).next_back() else {
        return false;
    };
    let end = prev.cells.iter().map(|&i| doc.spans[i].1).max();
    let start = row.cells.iter().map(|&i| doc.spans[i].0).min();
    let (Some(end), Some(start)) = (end, start) else {
        return false;
    };
    // Letters and digits only: white space, the `:` after a label and its punctuation may differ.
    let squeeze = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let raw = doc.slice(end, start);
    // The rest of the previous row's line (a unit after its last figure, `tkr`) is that row's.
    let between = squeeze(raw.split_once('\n').map_or("", |(_, after)| after));
    let label = squeeze(&row.label);
    // The row's own label is no heading.
    let rest = between.strip_suffix(label.as_str()).unwrap_or(&between);
    rest.chars().any(char::is_alphabetic)
}

/// Whether a line between row `from` and row `to` of `rows` (both in the table) holds a figure
/// that is no cell of the table: a row the table reader could not read (a heading run onto its
/// line, digits no grouping splits) that it did not list either. A sum over the rows around it
/// may miss that row's figures. A page number alone on its line and years (`Utfall 2019`) are no
/// such figure.
pub(super) fn unread_figures(doc: &Doc<'_>, rows: &Rows, from: usize, to: usize) -> bool {
    let first = |r: &Row| r.cells.iter().map(|&i| doc.spans[i].0).min();
    let (Some(start), Some(end)) = (
        rows.range(from..=to).find_map(|(_, r)| first(r)),
        rows.get(&to).and_then(first),
    ) else {
        return false;
    };
    let cell_lines: std::collections::BTreeSet<usize> = rows
        .values()
        .flat_map(|r| r.cells.iter())
        .map(|&i| doc.line_start(doc.spans[i].0))
        .collect();
    let (start, end) = (doc.line_start(start), doc.line_start(end));
    let figure = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        !w.is_empty()
            && w.bytes().all(|b| b.is_ascii_digit() || b == b',')
            && !(w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y)))
    };
    // Above the table's first row: the nearest line with words, when it holds figures, is a
    // row the reader took for a header line (OCR's `120.0` for `120,0` left `Ny skola 45,0
    // 60,0 15,0 120.0` unread), and the `Summa` below would miss its figures.
    if rows.keys().next().is_some_and(|&k| k >= from) {
        let above = doc
            .slice(0, start)
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty());
        let figures: Vec<&str> = above
            .map(|l| l.split_whitespace().filter(figure).collect())
            .unwrap_or_default();
        let digits: usize = figures
            .iter()
            .map(|w| w.bytes().filter(u8::is_ascii_digit).count())
            .sum();
        if figures.len() >= 2 && digits >= 4 {
            return true;
        }
    }
    let mut at = start;
    for line in doc.slice(start, end).split_inclusive('\n') {
        let words: Vec<&str> = line.split_whitespace().collect();
        let page_number = words.len() == 1;
        if !cell_lines.contains(&at) && !page_number && words.iter().any(figure) {
            return true;
        }
        at += line.len();
    }
    false
}
