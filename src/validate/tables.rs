//! Stage 1: table columns closed by a sum row.
//!
//! **In:** the table cells among a [`Doc`]'s amounts (the table reader has marked the cells of a
//! `Totalt`/`Summa` row as [`crate::record::Cell::total`]). **Out:** one check per column of each
//! sum row, whose parts are the cells above it in the same column and currency (up to the previous
//! sum row).
//!
//! **Deliberately not here:** deciding which row is a sum (the table reader's call, see
//! [`crate::extract::table`]) and running-text amounts, which the other stages judge.

use crate::record::TotalCheck;

use super::doc::Doc;
use super::sum::{Claim, complete, unresolved};

/// 1. Table columns closed by a `Totalt`/`Summa` row.
pub(super) fn table_columns(doc: &Doc<'_>, out: &mut Vec<TotalCheck>) {
    use std::collections::BTreeMap;
    // table → row → cells (indexes into amounts)
    let mut tables: BTreeMap<usize, BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
    for (i, a) in doc.amounts.iter().enumerate() {
        if let Some(c) = &a.cell {
            tables
                .entry(c.table)
                .or_default()
                .entry(c.row)
                .or_default()
                .push(i);
        }
    }
    for (t, rows) in &tables {
        let column = |i: usize| doc.amounts[i].cell.as_ref().map(|c| c.column.as_str());
        let mut since = 0; // first row after the previous total row
        for (&r, cells) in rows {
            let Some(&first) = cells.iter().min_by_key(|&&i| doc.spans[i]) else {
                continue;
            };
            if !doc.amounts[first].cell.as_ref().is_some_and(|c| c.total) {
                continue;
            }
            let label = doc.slice(doc.line_start(doc.spans[first].0), doc.spans[first].0);
            for &stated in cells {
                let col = column(stated);
                let parts: Vec<usize> = rows
                    .range(since..r)
                    .flat_map(|(_, cs)| cs.iter().copied())
                    .filter(|&i| {
                        column(i) == col && doc.amounts[i].currency == doc.amounts[stated].currency
                    })
                    .collect();
                let col = col.unwrap_or_default();
                let check = if parts.is_empty() {
                    unresolved(
                        doc,
                        stated,
                        format!("table {t}, column {col}: no cells above the total row"),
                    )
                } else {
                    let n = parts.len();
                    let claim = Claim {
                        stated,
                        income: None,
                        components: &parts,
                        negate_stated: false,
                    };
                    complete(
                        doc,
                        &claim,
                        format!(
                            "table {t}, column {col}: the {n} cells above the `{}` row",
                            label.trim()
                        ),
                    )
                };
                out.extend(check);
            }
            since = r + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::record::TotalStatus::{Mismatch, Ok as Fine};
    use crate::record::{Amount, Cell, Money};
    use crate::validate::reconcile;
    use crate::validate::testing::M;

    /// A cell of table 0; the table reader marks the cells of a sum row as `total`.
    fn cell(text: &str, words: &str, from: usize, ore: i64, row: usize, column: &str) -> Amount {
        let b = from + text[from..].find(words).expect("cell text");
        let chars = |b: usize| text[..b].chars().count();
        Amount {
            cell: Some(Cell {
                table: 0,
                row,
                column: column.into(),
                total: text[from..].starts_with("Summa"),
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
            cell(text, "1,2", line(1), 12 * M / 10, 0, "2019"),
            cell(text, "1,3", line(1), 13 * M / 10, 0, "2020"),
            cell(text, "0,3", line(2), 3 * M / 10, 1, "2019"),
            cell(text, "0,4", line(2), 4 * M / 10, 1, "2020"),
            cell(text, "1,5", line(3), 15 * M / 10, 2, "2019"),
            cell(text, "2,0", line(3), 20 * M / 10, 2, "2020"),
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
            "table 0, column 2019: the 2 cells above the `Summa` row"
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
