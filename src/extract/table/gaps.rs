//! Rows of a table whose cells are joined by single spaces that leave an empty cell as a wider
//! gap (`1 414 7 037 … 5 923   49 831`: the cell before `49 831` is empty).
//!
//! **In:** a row's digit groups, cut into segments at column gaps (`lines.rs`), and the table's
//! number of columns. **Out:** the row's numbers and the column of each, when exactly one
//! reading fits. Where a single space separates cells, a gap of two or more spaces inside the
//! figures is the space before an empty cell and the one after it: each gap is one empty
//! column, no number spans one, and the numbers fill the other columns in order. **Deliberately
//! not done:** a row that reads under the table's columns without its gaps meaning anything
//! (it is read so, see `mod.rs`), a gap before the first figure (the label's column gap), and
//! guessing between readings: two or more leave the row unresolved.

use super::lines::Join;
use super::rows::Row;
use super::split::{self, Grouping, Num};

/// The row's numbers and their columns, when exactly one reading places its numbers into
/// `width` columns with one empty column at each gap between its figures.
/// Of several readings, the one in which the `sum` column (`Totalt`) is the sum of the others
/// is kept, when only one is.
pub(super) fn read(
    text: &str,
    row: &Row,
    width: usize,
    sum: Option<usize>,
) -> Option<(Vec<Num>, Vec<usize>)> {
    let gaps: Vec<usize> = (1..row.groups.len())
        .filter(|&k| row.groups[k].join == Join::None)
        .collect();
    if gaps.is_empty() || !row.dashes.is_empty() || row.doubt.is_some() {
        return None;
    }
    let count = width.checked_sub(gaps.len()).filter(|&k| k > 0)?;
    let placed = |nums: &[Num]| -> Vec<usize> {
        nums.iter()
            .enumerate()
            .map(|(k, n)| {
                let before = gaps
                    .iter()
                    .filter(|&&g| row.groups[g].start <= n.start)
                    .count();
                k + before
            })
            .collect()
    };
    let mut all = split::readings(text, &row.groups, count, Grouping::Strict);
    if let Some(sum) = sum.filter(|_| all.len() > 1) {
        all.retain(|nums| {
            placed(nums)
                .iter()
                .position(|&c| c == sum)
                .is_some_and(|at| split::adds_up(nums, at))
        });
    }
    let [nums] = <[Vec<Num>; 1]>::try_from(all).ok()?;
    let columns = placed(&nums);
    Some((nums, columns))
}

#[cfg(test)]
pub(super) mod tests {
    /// Each row's label and the figures read as its cells with their headers (`?` when it is
    /// listed unresolved).
    pub(in crate::extract::table) fn cells(text: &str) -> Vec<(String, String, String)> {
        let t = super::super::read(text, &[]);
        let mut out: Vec<(String, String, String)> = t
            .cells
            .iter()
            .filter_map(|c| {
                let cell = c.cell.as_ref()?;
                let figure: String = text.chars().skip(c.start).take(c.end - c.start).collect();
                Some((cell.label.clone(), cell.header.clone(), figure))
            })
            .collect();
        for table in &t.tables {
            out.extend(
                table
                    .unresolved
                    .iter()
                    .map(|u| (u.label.clone(), String::new(), "?".into())),
            );
        }
        out
    }

    #[test]
    fn a_wide_gap_between_single_spaced_figures_is_an_empty_cell() {
        let head = "Miljoner kr\nSNI\nNorr\nSyd\nÖvrigt\nTotalt\n";
        let c = |l: &str, h: &str, f: &str| (l.to_string(), h.to_string(), f.to_string());
        // (rows, cells): each row's code label on the line above its figures.
        type Cell = (String, String, String);
        // The rows `45` and `80` read the same in every case.
        let firm = || -> Vec<Cell> {
            [
                ("45", ["100", "200", "300", "600"]),
                ("80", ["10", "20", "30", "60"]),
            ]
            .into_iter()
            .flat_map(|(label, figures)| {
                ["Norr", "Syd", "Övrigt", "Totalt"]
                    .into_iter()
                    .zip(figures)
                    .map(move |(h, f)| c(label, h, f))
            })
            .collect()
        };
        let cases: &[(&str, Vec<Cell>)] = &[
            (
                "01-05\n1 200 2 300   3 500\n45\n100 200 300 600\n80\n10 20 30 60\n",
                [
                    vec![
                        c("01-05", "Norr", "1 200"),
                        c("01-05", "Syd", "2 300"),
                        c("01-05", "Totalt", "3 500"),
                    ],
                    firm(),
                ]
                .concat(),
            ),
            // `1 200 300` splits two ways; only `1 200 | 300` makes `1 500` the row's Totalt.
            (
                "01-05\n1 200 300   1 500\n45\n100 200 300 600\n80\n10 20 30 60\n",
                [
                    vec![
                        c("01-05", "Norr", "1 200"),
                        c("01-05", "Syd", "300"),
                        c("01-05", "Totalt", "1 500"),
                    ],
                    firm(),
                ]
                .concat(),
            ),
            // Neither way adds up: not guessed.
            (
                "01-05\n1 200 300   3 500\n45\n100 200 300 600\n80\n10 20 30 60\n",
                [firm(), vec![c("01-05", "", "?")]].concat(),
            ),
        ];
        for (rows, want) in cases {
            assert_eq!(&cells(&format!("{head}{rows}")), want, "{rows:?}");
        }
    }
}
