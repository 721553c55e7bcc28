//! Stage 1: table columns closed by sum rows.
//!
//! **In:** the table cells among a [`Doc`]'s amounts (the table reader has marked the cells of a
//! `Totalt`/`Summa …`/`S:a`/`Alla …` row as [`crate::record::Cell::total`]), and the group rows
//! `groups.rs` found. **Out:** one check per column (`cell.column`) of each sum row.
//!
//! - **Below its parts** (the usual place): a sum row checks its block, the cells above it in the
//!   same column and currency since the previous sum row; a group row there stands for its parts,
//!   which are not counted again. A sum row after sub-totals may instead be their grand total (the
//!   sub-totals plus the rows after them). A block cut by sub-headings may instead be summed from
//!   the last sub-heading. Only a reading that adds up is `ok`; `method` says which was used.
//! - **Above its parts** (`Alla stödtyper` first, then the kinds): a sum row that opens its section
//!   (the table's first row, or the first after a sub-heading) checks the rows after it, up to the
//!   next sub-heading or sum row. It is read so when it adds up in some column, or when no rows
//!   stand above it; a column that does not add up is then `unresolved`, since the section may
//!   hold more than its parts.
//!
//! A `mismatch` needs a block that is certainly complete: when a row of the block has figures but
//! none in this column (a cell not read, or left empty), or when group rows stand in it, a sum
//! that does not add up is `unresolved`. A block cut by sub-headings that adds up neither whole
//! nor from the last sub-heading is a `mismatch` against the whole block: the document is wrong
//! under either reading.
//!
//! **Deliberately not here:** deciding which row is a sum (the table reader's call, see
//! [`crate::extract::table`]), group rows without a sum label (`groups.rs`) and running-text
//! amounts, which the other stages judge.

use std::collections::BTreeSet;

use crate::record::{TotalCheck, TotalStatus};

use super::doc::Doc;
use super::grid::{Column, Row, Rows, grid, heading_above, unread_figures};
use super::groups::group_sums;
use super::sum::{Claim, check, complete, sum, unresolved};

/// 1. Table columns closed by total rows (`cell.total`) and group rows stated above their parts.
pub(super) fn table_columns(doc: &Doc<'_>, out: &mut Vec<TotalCheck>) {
    for (t, rows) in grid(doc) {
        let nested = group_sums(doc, t, &rows, out);
        total_rows(doc, t, &rows, &nested, out);
    }
}

/// The checks of one table's total rows.
fn total_rows(
    doc: &Doc<'_>,
    t: usize,
    rows: &Rows,
    nested: &BTreeSet<usize>,
    out: &mut Vec<TotalCheck>,
) {
    let mut since = 0; // first row of the current block
    let mut open: Vec<usize> = Vec::new(); // sub-total rows since the last grand total
    for (&r, row) in rows {
        if !row.total {
            continue;
        }
        let block = Block {
            table: t,
            rows,
            nested,
            since,
            open: &open,
            row: r,
        };
        if let Some(next) = stated_first(doc, &block, out) {
            since = next;
            continue;
        }
        let mut grand = false;
        for &stated in &row.cells {
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

/// Where a total row stands in its table.
struct Block<'b> {
    table: usize,
    rows: &'b Rows,
    /// Cells that are parts of a group row (counted through it).
    nested: &'b BTreeSet<usize>,
    /// First row after the previous total row.
    since: usize,
    /// Earlier total rows not yet summed by a grand total.
    open: &'b [usize],
    row: usize,
}

impl Block<'_> {
    fn place(&self, col: Column<'_>) -> String {
        format!("table {}, column {}", self.table, col.column)
    }

    fn label(&self) -> &str {
        self.rows.get(&self.row).map_or("", |r| r.label.trim())
    }

    /// The parts of `rows` in `col` (group rows standing for their parts), and whether the block
    /// may be incomplete: a row with figures has none in `col`, or a `varav`/`därav` row stands
    /// in it. Such a row is inside the row above it (`Kultur- och fritidsnämnd` ⏎ `varav
    /// bibliotek`), never one more addend; left out, the sum that then does not add up is no
    /// proof of an error (the row above may be a sub-heading's), so it is not a `mismatch`.
    fn parts<'r>(
        &self,
        doc: &Doc<'_>,
        rows: impl Iterator<Item = &'r Row>,
        col: Column<'_>,
    ) -> (Vec<usize>, bool) {
        let mut parts = Vec::new();
        let mut missing = false;
        for row in rows.filter(|row| !row.total) {
            if nested_row(&row.label) {
                missing |= row.cell(doc, col).is_some();
                continue;
            }
            match row.cell(doc, col) {
                Some(i) if self.nested.contains(&i) => {}
                Some(i) => parts.push(i),
                None => missing = true,
            }
        }
        (parts, missing)
    }
}

/// Whether a row label opens with `varav` or `därav`: a row inside the row above it.
fn nested_row(label: &str) -> bool {
    let first = label.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches(':');
    first.eq_ignore_ascii_case("varav") || first.eq_ignore_ascii_case("därav")
}

/// A claim over `components`, `ok` or else `mismatch`, or `unresolved` with `doubt`.
fn verdict(
    doc: &Doc<'_>,
    stated: usize,
    components: &[usize],
    method: String,
    doubt: Option<&str>,
) -> Option<TotalCheck> {
    let claim = claim(stated, components);
    let s = sum(doc, &claim)?;
    match doubt {
        Some(why) if !s.ok => {
            let method = format!("{method}; it does not add up, but {why}");
            Some(check(doc, &claim, &s, TotalStatus::Unresolved, method))
        }
        _ => complete(doc, &claim, method),
    }
}

fn adds_up(doc: &Doc<'_>, stated: usize, components: &[usize]) -> bool {
    !components.is_empty() && sum(doc, &claim(stated, components)).is_some_and(|s| s.ok)
}

/// A total row that opens its section, checked against the rows after it (see the module docs).
/// Returns the first row after its parts when it is read so.
fn stated_first(doc: &Doc<'_>, b: &Block<'_>, out: &mut Vec<TotalCheck>) -> Option<usize> {
    let rows = b.rows;
    let opens = rows.range(..b.row).next().is_none() || heading_above(doc, rows, b.row);
    if !opens {
        return None;
    }
    let after: Vec<(usize, &Row)> = rows
        .range(b.row + 1..)
        .take_while(|&(&n, row)| !row.total && !heading_above(doc, rows, n))
        .map(|(&n, row)| (n, row))
        .collect();
    let &(last, _) = after.last()?;
    let total = rows.get(&b.row)?;
    let columns: Vec<(usize, Column<'_>)> = total
        .cells
        .iter()
        .filter_map(|&i| Some((i, Column::of(doc, i)?)))
        .collect();
    let parts_in = |col| b.parts(doc, after.iter().map(|&(_, r)| r), col);
    let some_adds_up = columns
        .iter()
        .any(|&(i, col)| adds_up(doc, i, &parts_in(col).0));
    let above = rows.range(b.since..b.row).any(|(_, r)| !r.total) || !b.open.is_empty();
    if !some_adds_up && above {
        return None; // then it closes the rows above it
    }
    for (stated, col) in columns {
        let (parts, _) = parts_in(col);
        let method = format!(
            "{}: the {} cells below the `{}` row, up to the next sub-heading",
            b.place(col),
            parts.len(),
            b.label()
        );
        let doubt = Some("a sum stated above its rows may cover more than the rows shown");
        out.extend(verdict(doc, stated, &parts, method, doubt));
    }
    Some(last + 1)
}

/// The check of one total cell; `true` when it added up as a grand total over sub-totals.
fn column_total(doc: &Doc<'_>, b: &Block<'_>, stated: usize) -> (Option<TotalCheck>, bool) {
    let Some(col) = Column::of(doc, stated) else {
        return (None, false);
    };
    let label = b.label();
    let place = b.place(col);
    let (block, missing) = b.parts(doc, b.rows.range(b.since..b.row).map(|(_, r)| r), col);
    // The rows after the last sub-heading in the block, if one cuts it.
    let cut = (b.since + 1..b.row)
        .rev()
        .find(|&n| b.rows.contains_key(&n) && heading_above(doc, b.rows, n));
    let (tail, _) = cut.map_or((Vec::new(), false), |c| {
        b.parts(doc, b.rows.range(c..b.row).map(|(_, r)| r), col)
    });
    let subtotals: Vec<usize> = b
        .open
        .iter()
        .filter_map(|o| b.rows.get(o)?.cell(doc, col))
        .collect();
    let (n, k) = (block.len(), subtotals.len());
    let block_method = format!("{place}: the {n} cells above the `{label}` row");
    let all: Vec<usize> = subtotals.iter().chain(&block).copied().collect();
    let sub_method = format!(
        "{place}: the {k} sub-totals and the {n} cells after them, above the `{label}` row"
    );
    if adds_up(doc, stated, &block) {
        return (complete(doc, &claim(stated, &block), block_method), false);
    }
    if k > 0 && adds_up(doc, stated, &all) {
        return (complete(doc, &claim(stated, &all), sub_method), true);
    }
    if adds_up(doc, stated, &tail) {
        let method = format!(
            "{place}: the {} cells after the last sub-heading above the `{label}` row",
            tail.len()
        );
        return (complete(doc, &claim(stated, &tail), method), false);
    }
    let nested = b
        .rows
        .range(b.since..b.row)
        .any(|(_, r)| r.cell(doc, col).is_some_and(|i| b.nested.contains(&i)));
    // A sum of figures none of which is negative is at least each of them: a larger one above
    // is no part, and the rows above are not all the total's parts.
    let larger = {
        let v = |i: usize| doc.amounts[i].value.map(|m| m.ore());
        v(stated).is_some_and(|t| {
            t >= 0
                && block.iter().all(|&i| v(i).is_some_and(|x| x >= 0))
                && block.iter().any(|&i| v(i).is_some_and(|x| x > t))
        })
    };
    // The first row of the block, for a line among its rows that holds figures no row was read from.
    let unread = unread_figures(doc, b.rows, b.since, b.row);
    let doubt = if missing {
        Some("a row above has no figure in this column")
    } else if unread {
        Some("a line among the rows above holds figures that were not read")
    } else if nested {
        Some("group rows stand among the rows above")
    } else if larger {
        Some("a cell above is larger than the total, so not every row above is its part")
    } else {
        None
    };
    let check = match (n, k) {
        (0, 0) => unresolved(
            doc,
            stated,
            format!("{place}: no cells above the total row"),
        ),
        (0, _) => verdict(
            doc,
            stated,
            &all,
            format!("{sub_method} (no rows since the last sub-total)"),
            doubt,
        ),
        (_, 0) => verdict(doc, stated, &block, block_method, doubt),
        _ => verdict(
            doc,
            stated,
            &block,
            format!(
                "{block_method}; as a grand total of the {k} sub-totals it does not add up either"
            ),
            doubt,
        ),
    };
    (check, false)
}

fn claim(stated: usize, components: &[usize]) -> Claim<'_> {
    Claim {
        stated,
        income: None,
        components,
        negate_stated: false,
        multipliers: &[],
    }
}

#[cfg(test)]
mod tests {
    use crate::record::TotalStatus::{Mismatch, Ok as Fine, Unresolved};
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

    /// Byte offset where line `n` (from 0) of `text` starts.
    fn line_start(text: &str, n: usize) -> usize {
        text.split_inclusive('\n').take(n).map(str::len).sum()
    }

    #[test]
    fn table_columns_with_a_total_row_get_one_check_each() {
        let text = "Post\t2019\t2020\nLöner\t1,2\t1,3\nHyra\t0,3\t0,4\nSumma\t1,5\t2,0\n";
        let line = |n: usize| line_start(text, n);
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

    #[test]
    fn a_prose_total_restated_by_a_sum_row_is_one_total() {
        let intro = "Nämnden fördelar totalt 1,5 miljoner kronor enligt tabellen.\n\n";
        let table = "Post\tBelopp\nLöner\t1,2\nHyra\t0,3\nSumma\t1,5\n";
        let text = format!("{intro}{table}");
        let line = |n: usize| intro.len() + line_start(table, n);
        let at = intro[..intro.find("1,5").expect("figure")].chars().count();
        let prose = Amount::new(
            Money(15 * M / 10),
            "SEK",
            "1,5 miljoner kronor",
            at,
            at + 19,
        );
        let rows = |sum: i64| {
            vec![
                prose.clone(),
                cell(&text, "1,2", line(1), 12 * M / 10, 0, 0),
                cell(&text, "0,3", line(2), 3 * M / 10, 1, 0),
                cell(&text, "1,5", line(3), sum, 2, 0),
            ]
        };
        // The sum row settles it: one check, the table's …
        let c = reconcile(&text, &rows(15 * M / 10));
        let got: Vec<_> = c.iter().map(|c| (c.status, c.components.clone())).collect();
        assert_eq!(got, vec![(Fine, vec![1, 2])]);
        // … but a sum row of another figure restates nothing: the prose total stays a check of
        // its own.
        let c = reconcile(&text, &rows(19 * M / 10));
        let got: Vec<_> = c.iter().map(|c| c.status).collect();
        assert_eq!(got, vec![Unresolved, Mismatch]);
        // A total summing the table up after it is the same one total.
        let table = "Post\tBelopp\nLöner\t1,2\nHyra\t0,3\nSumma\t1,5\n\n";
        let outro = "Totalt fördelas alltså 1,5 miljoner kronor.\n";
        let text = format!("{table}{outro}");
        let line = |n: usize| line_start(table, n);
        let b = table.len() + outro.find("1,5").expect("figure");
        let at = text[..b].chars().count();
        let a = vec![
            cell(&text, "1,2", line(1), 12 * M / 10, 0, 0),
            cell(&text, "0,3", line(2), 3 * M / 10, 1, 0),
            cell(&text, "1,5", line(3), 15 * M / 10, 2, 0),
            Amount::new(
                Money(15 * M / 10),
                "SEK",
                "1,5 miljoner kronor",
                at,
                at + 19,
            ),
        ];
        let got: Vec<_> = reconcile(&text, &a).iter().map(|c| c.status).collect();
        assert_eq!(got, vec![Fine]);
    }

    #[test]
    fn a_sum_over_a_row_without_a_figure_in_its_column_is_unresolved_not_a_mismatch() {
        // `Hyra` has no figure read in the second column (`– 0,4` left unread, or empty).
        let text = "Post\t2019\t2020\nLöner\t1,2\t1,3\nHyra\t0,3\nSumma\t1,5\t2,0\n";
        let line = |n: usize| line_start(text, n);
        let a = vec![
            cell(text, "1,2", line(1), 12 * M / 10, 0, 0),
            cell(text, "1,3", line(1), 13 * M / 10, 0, 1),
            cell(text, "0,3", line(2), 3 * M / 10, 1, 0),
            cell(text, "1,5", line(3), 15 * M / 10, 2, 0),
            cell(text, "2,0", line(3), 20 * M / 10, 2, 1),
        ];
        let got: Vec<_> = reconcile(text, &a).iter().map(|c| c.status).collect();
        assert_eq!(got, vec![Fine, Unresolved]);
        // With the figure read, the same sum is a mismatch.
        let mut full = a.clone();
        full.insert(3, cell(text, "0,3", line(2), 3 * M / 10, 1, 1));
        let got: Vec<_> = reconcile(text, &full).iter().map(|c| c.status).collect();
        assert_eq!(got, vec![Fine, Mismatch]);
    }

    #[test]
    fn a_varav_row_is_inside_the_row_above_never_one_more_part() {
        // (text, status of the `Summa` row's check)
        for (text, want) in [
            // Left out, the rows add up: `ok` with the two nämnder only.
            (
                "Nämnd\tBudget\nKultur\t5,0\nvarav bibliotek\t2,0\nTeknik\t3,0\nSumma\t8,0\n",
                Fine,
            ),
            (
                "Nämnd\tBudget\nKultur\t5,0\ndärav bibliotek\t2,0\nTeknik\t3,0\nSumma\t8,0\n",
                Fine,
            ),
            // Left out, they do not: the block may hold more than its rows, so no `mismatch`.
            (
                "Nämnd\tBudget\nKultur\t5,0\nvarav bibliotek\t2,0\nTeknik\t3,0\nSumma\t10,0\n",
                Unresolved,
            ),
            // A label that only holds the word later is a row of its own, and a part.
            (
                "Nämnd\tBudget\nKultur\t5,0\nÖvrigt varav\t2,0\nTeknik\t3,0\nSumma\t10,0\n",
                Fine,
            ),
        ] {
            let line = |n: usize| line_start(text, n);
            let figure = |n: usize| text[line(n)..].split(['\t', '\n']).nth(1).unwrap_or("");
            let value = |n: usize| {
                let f = figure(n).replace(',', "");
                f.parse::<i64>().expect("figure") * M / 10
            };
            let a: Vec<Amount> = (1..=4)
                .map(|n| cell(text, figure(n), line(n), value(n), n - 1, 0))
                .collect();
            let got: Vec<_> = reconcile(text, &a).iter().map(|c| c.status).collect();
            assert_eq!(got, vec![want], "{text:?}");
        }
    }

    #[test]
    fn a_sum_over_a_line_of_figures_not_read_is_unresolved_not_a_mismatch() {
        // (table text, the cells read as (words, line, value in miljoner), status of its `Summa`)
        type Cells = &'static [(&'static str, usize, i64)];
        let cases: [(&str, Cells, _); 6] = [
            // `Hyra 0,3` under a heading run onto its line was not read: the sum may miss it.
            (
                "Post\t2019\nLöner\t1,2\nHyra 0,3 0,4 Övrigt\nEl\t0,2\nSumma\t1,7\n",
                &[("1,2", 1, 12), ("0,2", 3, 2), ("1,7", 4, 17)],
                Unresolved,
            ),
            // The same lines all read: the sum that misses is a mismatch.
            (
                "Post\t2019\nLöner\t1,2\nHyra\t0,3\nEl\t0,2\nSumma\t1,9\n",
                &[("1,2", 1, 12), ("0,3", 2, 3), ("0,2", 3, 2), ("1,9", 4, 19)],
                Mismatch,
            ),
            // A sub-heading with no figure, or a year or page number, leaves it a mismatch.
            (
                "Post\t2019\nLöner\t1,2\nUtfall 2019\n12\nEl\t0,2\nSumma\t1,7\n",
                &[("1,2", 1, 12), ("0,2", 4, 2), ("1,7", 5, 17)],
                Mismatch,
            ),
            // A line of figures right above the first row was left to the header (OCR's `0.7`
            // for `0,7`): the sum may miss it.
            (
                "Post 2019 2020\n\nHyra 0,3 0,4 0.7\nLöner\t1,2\nEl\t0,2\nSumma\t1,7\n",
                &[("1,2", 3, 12), ("0,2", 4, 2), ("1,7", 5, 17)],
                Unresolved,
            ),
            // Years or a caption's number above it leave it a mismatch.
            (
                "Tabell 3 Post 2019 2020\nLöner\t1,2\nEl\t0,2\nSumma\t1,7\n",
                &[("1,2", 1, 12), ("0,2", 2, 2), ("1,7", 3, 17)],
                Mismatch,
            ),
            // Read or not, a sum that adds up is `ok`.
            (
                "Post\t2019\nLöner\t1,2\nHyra 0,3 0,4 Övrigt\nEl\t0,2\nSumma\t1,4\n",
                &[("1,2", 1, 12), ("0,2", 3, 2), ("1,4", 4, 14)],
                Fine,
            ),
        ];
        for (text, cells, want) in cases {
            let a: Vec<Amount> = cells
                .iter()
                .enumerate()
                .map(|(row, &(w, l, v))| cell(text, w, line_start(text, l), v * M / 10, row, 0))
                .collect();
            let got: Vec<_> = reconcile(text, &a).iter().map(|c| c.status).collect();
            assert_eq!(got, vec![want], "{text:?}");
        }
    }

    #[test]
    fn a_cell_above_larger_than_its_total_leaves_the_sum_unresolved() {
        // `465 801` is a figure of the block above, read into this one: no part of `2 534`.
        let text = "Post	2018
Skulder	465 801
Lån	2 070
Övrigt	279
Summa	2 534
";
        let line = |n: usize| line_start(text, n);
        let a = vec![
            cell(text, "465 801", line(1), 465_801 * M, 0, 0),
            cell(text, "2 070", line(2), 2_070 * M, 1, 0),
            cell(text, "279", line(3), 279 * M, 2, 0),
            cell(text, "2 534", line(4), 2_534 * M, 3, 0),
        ];
        let got: Vec<_> = reconcile(text, &a).iter().map(|c| c.status).collect();
        assert_eq!(got, vec![Unresolved]);
        // Parts all smaller than the total that miss it are a mismatch still.
        let small = text.replace("465 801", "100");
        let mut b = a.clone();
        b[0] = cell(&small, "100", line_start(&small, 1), 100 * M, 0, 0);
        for (k, (w, v)) in [("2 070", 2_070), ("279", 279), ("2 534", 2_534)]
            .iter()
            .enumerate()
        {
            b[k + 1] = cell(&small, w, line_start(&small, k + 2), v * M, k + 1, 0);
        }
        let got: Vec<_> = reconcile(&small, &b).iter().map(|c| c.status).collect();
        assert_eq!(got, vec![Mismatch]);
    }
}
