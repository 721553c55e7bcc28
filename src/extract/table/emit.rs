//! Cell emission: a shaped table with its unit in, its money cells and [`Table`] record out.
//!
//! A number is a cell when its column holds money, it is not a percentage, and no running-text
//! amount overlaps it, unless the row writes its unit after its values and the amount spans
//! exactly that number and unit (`(Ram)48 617 tkr`). It does not decide columns or units.

use crate::offsets::CharIndex;
use crate::record::{Amount, Cell, Table, TableRow, TableUnit, UnresolvedRow};

use super::rows::Row;
use super::{Shaped, Tables, lines, numeral};

/// The running-text amounts' spans: a cell overlapping one is not reported, unless it spans
/// exactly what the amount does (a row that writes its unit: `48 617 tkr`).
pub(super) struct Running {
    any: crate::offsets::SpanIndex,
    /// (start, end), sorted.
    exact: Vec<(usize, usize)>,
}

impl Running {
    pub(super) fn new(amounts: &[Amount]) -> Running {
        let mut exact: Vec<(usize, usize)> = amounts.iter().map(|a| (a.start, a.end)).collect();
        exact.sort_unstable();
        Running {
            any: crate::offsets::SpanIndex::new(exact.iter().copied()),
            exact,
        }
    }
}

/// Adds a table's cells and record to `out`; a table left with no cell is held back in
/// `out.unread` when it has unresolved rows, and dropped otherwise.
pub(super) fn emit(
    text: &str,
    lines: &[lines::Line<'_>],
    idx: &CharIndex,
    running: &Running,
    t: Shaped,
    unit: TableUnit,
    out: &mut Tables,
) {
    let table_no = out.tables.len();
    let mut cells = Vec::new();
    let mut rows = Vec::new();
    let mut unresolved = Vec::new();
    for (row, got) in &t.body {
        // A sum over a row that could not be read cannot be checked: it is not claimed as one.
        let total = Shaped::is_total(row) && unresolved.is_empty();
        let nums = match got {
            Ok(nums) => nums,
            Err(why) => {
                unresolved.push(unresolved_row(text, idx, row, why));
                continue;
            }
        };
        let row_no = rows.len();
        let kronor = row.unit.map_or(unit.kronor, |u| u.kronor);
        let glued = run_into_label(text, row);
        for (k, n) in nums.iter().enumerate() {
            let column = row.placed.get(k).copied().unwrap_or(k);
            // The last number of a row that writes its unit spans the unit, as a running-text
            // amount would (`48 617 tkr`), and stands in for one read there (`extract::extract`).
            let n_end = match row.unit {
                Some(u) if k + 1 == nums.len() => u.end,
                _ => n.end,
            };
            let (start, end) = (idx.char_offset(n.start), idx.char_offset(n_end));
            let money = t.money.get(column).copied().unwrap_or(false) && !n.percent;
            let stands_in =
                glued && n_end != n.end && running.exact.binary_search(&(start, end)).is_ok();
            let shadowed = running.any.overlaps(start, end) && !stands_in;
            if !money || shadowed {
                continue;
            }
            let Some(value) = numeral::money(n.value, kronor) else {
                continue;
            };
            cells.push(Amount {
                cell: Some(Cell {
                    table: table_no,
                    row: row_no,
                    column,
                    label: row.label.clone(),
                    header: t.headers.get(column).cloned().unwrap_or_default(),
                    total,
                }),
                ..Amount::new(value, "SEK", &text[n.start..n_end], start, end)
            });
        }
        rows.push(TableRow {
            label: row.label.clone(),
            total,
            // A row that leaves cells empty spans the table's width all the same.
            amounts: vec![
                None;
                row.placed
                    .last()
                    .map_or(nums.len(), |&c| (c + 1).max(t.headers.len()))
            ],
        });
    }
    // A table whose unresolved rows are all it had left is still recorded, to say what was not
    // read; one whose figures were all read as something other than cells is no table of money.
    if cells.is_empty() && unresolved.is_empty() {
        return;
    }
    let start = idx.char_offset(lines[t.first_line].start);
    let end = idx.char_offset(lines[t.end_line - 1].end());
    let table = Table {
        start,
        end,
        caption: t.caption,
        unit,
        label_header: t.label_header,
        headers: t.headers,
        rows,
        unresolved,
    };
    if cells.is_empty() {
        out.unread.push(table);
    } else {
        out.cells.extend(cells);
        out.tables.push(table);
    }
}

/// Whether a row's numbers are run into its label (`(Ram)48 617 tkr`): then it is a table row
/// whatever the amount extractor saw there; spaced (`Intäkter från staten 14,7 Mkr`) it may be
/// a list in prose.
fn run_into_label(text: &str, row: &Row) -> bool {
    row.groups.first().is_some_and(|g| {
        text[..g.start]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
    })
}

fn unresolved_row(text: &str, idx: &CharIndex, row: &Row, why: &str) -> UnresolvedRow {
    let s = row.groups.first().map_or(0, |g| g.start);
    let e = row.groups.last().map_or(s, |g| g.end);
    UnresolvedRow {
        label: row.label.clone(),
        text: text[s..e].to_string(),
        reason: why.to_string(),
        start: idx.char_offset(s),
        end: idx.char_offset(e),
    }
}
