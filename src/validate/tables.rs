//! Stage 1: table columns closed by sum rows.
//!
//! **In:** the table cells among a [`Doc`]'s amounts (the table reader has marked the cells of a
//! `Totalt`/`Summa …`/`S:a` row as [`crate::record::Cell::total`]). **Out:** one check per column
//! (`cell.column`) of each sum row. A sum row checks its block: the cells above it in the same
//! column and currency since the previous sum row. A sum row after sub-totals may instead be their
//! grand total (the sub-totals plus the rows after them): both readings are tried, `ok` only for
//! one that adds up, else a `mismatch` against the block, and `method` says which reading was used.
//!
//! **Deliberately not here:** deciding which row is a sum (the table reader's call, see
//! [`crate::extract::table`]) and running-text amounts, which the other stages judge.

use crate::record::TotalCheck;

use super::doc::Doc;
use super::sum::{Claim, complete, sum, unresolved};

/// A table's rows: row → (is a total row, its cells as indexes into the amounts).
type TableRows = std::collections::BTreeMap<usize, (bool, Vec<usize>)>;

/// 1. Table columns closed by total rows (`cell.total`): a total checks its block, the rows since
///    the previous total row; a total after sub-totals may instead be the grand total of the
///    sub-totals and the rows after them. Only a reading that adds up is `ok`.
pub(super) fn table_columns(doc: &Doc<'_>, out: &mut Vec<TotalCheck>) {
    use std::collections::BTreeMap;
    let mut tables: BTreeMap<usize, TableRows> = BTreeMap::new();
    for (i, a) in doc.amounts.iter().enumerate() {
        if let Some(c) = &a.cell {
            let row = tables
                .entry(c.table)
                .or_default()
                .entry(c.row)
                .or_insert((false, Vec::new()));
            row.0 |= c.total;
            row.1.push(i);
        }
    }
    for (&t, rows) in &tables {
        let mut since = 0; // first row of the current block
        let mut open: Vec<usize> = Vec::new(); // sub-total rows since the last grand total
        for (&r, (total, cells)) in rows {
            if !total {
                continue;
            }
            let block = Block {
                table: t,
                rows,
                since,
                open: &open,
                row: r,
            };
            let mut grand = false;
            for &stated in cells {
                let (check, by_subtotals) = column_total(doc, &block, stated);
                grand |= by_subtotals;
                out.extend(check);
            }
            if grand {
                open.clear();
            } else {
                open.push(r);
            }
            since = r + 1;
        }
    }
}

/// Where a total row stands in its table.
struct Block<'b> {
    table: usize,
    rows: &'b TableRows,
    /// First row after the previous total row.
    since: usize,
    /// Earlier total rows not yet summed by a grand total.
    open: &'b [usize],
    row: usize,
}

/// The check of one total cell; `true` when it added up as a grand total over sub-totals.
fn column_total(doc: &Doc<'_>, b: &Block<'_>, stated: usize) -> (Option<TotalCheck>, bool) {
    let cell = doc.amounts[stated].cell.as_ref();
    let col = cell.map(|c| c.column);
    let label = cell.map_or("", |c| c.label.trim());
    let currency = &doc.amounts[stated].currency;
    let same = |i: &usize| {
        let a = &doc.amounts[*i];
        a.cell.as_ref().map(|c| c.column) == col && &a.currency == currency
    };
    let block: Vec<usize> = b
        .rows
        .range(b.since..b.row)
        .filter(|(_, (total, _))| !total)
        .flat_map(|(_, (_, cs))| cs.iter().copied())
        .filter(same)
        .collect();
    let subtotals: Vec<usize> = b
        .open
        .iter()
        .filter_map(|o| b.rows.get(o))
        .flat_map(|(_, cs)| cs.iter().copied())
        .filter(same)
        .collect();
    let place = format!("table {}, column {}", b.table, col.unwrap_or_default());
    let (n, k) = (block.len(), subtotals.len());
    let by_block = Claim {
        stated,
        income: None,
        components: &block,
        negate_stated: false,
    };
    let block_method = format!("{place}: the {n} cells above the `{label}` row");
    let all: Vec<usize> = subtotals.iter().chain(&block).copied().collect();
    let by_subtotals = Claim {
        components: &all,
        ..by_block
    };
    let sub_method = format!(
        "{place}: the {k} sub-totals and the {n} cells after them, above the `{label}` row"
    );
    let adds_up = |c: &Claim<'_>| sum(doc, c).is_some_and(|s| s.ok);
    if n > 0 && adds_up(&by_block) {
        return (complete(doc, &by_block, block_method), false);
    }
    if k > 0 && adds_up(&by_subtotals) {
        return (complete(doc, &by_subtotals, sub_method), true);
    }
    let check = match (n, k) {
        (0, 0) => unresolved(
            doc,
            stated,
            format!("{place}: no cells above the total row"),
        ),
        (0, _) => complete(
            doc,
            &by_subtotals,
            format!("{sub_method} (no rows since the last sub-total)"),
        ),
        (_, 0) => complete(doc, &by_block, block_method),
        _ => complete(
            doc,
            &by_block,
            format!(
                "{block_method}; as a grand total of the {k} sub-totals it does not add up either"
            ),
        ),
    };
    (check, false)
}

#[cfg(test)]
mod tests {
    use crate::record::TotalStatus::{Mismatch, Ok as Fine};
    use crate::record::{Amount, Cell, Money};
    use crate::validate::reconcile;
    use crate::validate::testing::M;

    /// A cell of table 0; the table reader marks the cells of a sum row as `total`.
    fn cell(text: &str, words: &str, from: usize, ore: i64, row: usize, column: usize) -> Amount {
        let b = from + text[from..].find(words).expect("cell text");
        let chars = |b: usize| text[..b].chars().count();
        let label = text[from..].split('\t').next().unwrap_or("").to_string();
        Amount {
            cell: Some(Cell {
                table: 0,
                row,
                column,
                total: label.starts_with("Summa"),
                label,
                header: String::new(),
            }),
            ..Amount::new(Money(ore), "SEK", words, chars(b), chars(b + words.len()))
        }
    }

    #[test]
    fn table_columns_with_a_total_row_get_one_check_each() {
        let text = "Post\t2019\t2020\nLöner\t1,2\t1,3\nHyra\t0,3\t0,4\nSumma\t1,5\t2,0\n";
        let line = |n: usize| {
            text.match_indices('\n')
                .nth(n - 1)
                .map_or(0, |(i, _)| i + 1)
        };
        let a = vec![
            cell(text, "1,2", line(1), 12 * M / 10, 0, 0),
            cell(text, "1,3", line(1), 13 * M / 10, 0, 1),
            cell(text, "0,3", line(2), 3 * M / 10, 1, 0),
            cell(text, "0,4", line(2), 4 * M / 10, 1, 1),
            cell(text, "1,5", line(3), 15 * M / 10, 2, 0),
            cell(text, "2,0", line(3), 20 * M / 10, 2, 1),
        ];
        let c = reconcile(text, &a);
        let got: Vec<_> = c
            .iter()
            .map(|c| (c.status, c.components.clone(), c.difference.ore()))
            .collect();
        assert_eq!(
            got,
            vec![(Fine, vec![0, 2], 0), (Mismatch, vec![1, 3], -3 * M / 10)]
        );
        assert_eq!(
            c[0].method,
            "table 0, column 0: the 2 cells above the `Summa` row"
        );
        // The label is the table reader's call: a row it did not mark is no total.
        let unmarked: Vec<Amount> = a
            .into_iter()
            .map(|mut x| {
                x.cell.as_mut().expect("cell").total = false;
                x
            })
            .collect();
        assert!(reconcile(text, &unmarked).is_empty());
    }
}
