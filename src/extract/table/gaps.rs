//! Rows of a table whose cells are joined by single spaces that leave an empty cell as a wider
//! gap (`1 414 7 037 … 5 923   49 831`: the cell before `49 831` is empty).
//!
//! **In:** a row's digit groups, cut into segments at column gaps (`lines.rs`), the table's
//! number of columns, and the gap before the figures that the table's full rows share.
//! **Out:** the row's numbers and the column of each, when exactly one reading fits. Where a
//! single space separates cells, a gap of two or more spaces inside the figures is the space
//! before an empty cell and the one after it: each gap is one empty column, no number spans one,
//! and the numbers fill the other columns in order. The gap between the label and the first
//! figure is one empty column too where it is one or two characters wider than the widest one
//! that three or more full rows of single-spaced figures share
//! (`Försäljning av materiella anläggningstillgångar     2 – 1 2` under rows of `   59 42 58 35`:
//! the export writes an empty cell as a space or as nothing between its separators).
//! **Deliberately not done:** a row that reads under the table's columns without its gaps
//! meaning anything (it is read so, see `mod.rs`); a label gap where the full rows' gaps differ
//! (columns padded to line up: a long label leaves a narrower gap, no empty cell), or where it
//! is wider by more than one empty cell's width (how many cells it stands for is not known); and
//! guessing between readings: two or more leave the row unresolved.

use super::lines::Join;
use super::rows::Row;
use super::split::{self, Grouping, Num};

/// The row's numbers and their columns, when exactly one reading places its numbers into
/// `width` columns with one empty column at each gap between its figures.
/// Of several readings, the one in which the `sum` column (`Totalt`) is the sum of the others
/// is kept, when only one is.
/// `lead`: the gap before the figures that the table's full rows share ([`common_lead`]); a
/// row's gap one empty cell wider leaves its first column empty.
pub(super) fn read(
    text: &str,
    row: &Row,
    width: usize,
    sum: Option<usize>,
    lead: Option<usize>,
) -> Option<(Vec<Num>, Vec<usize>)> {
    let gaps: Vec<usize> = (1..row.groups.len())
        .filter(|&k| row.groups[k].join == Join::None)
        .collect();
    let front = usize::from(lead_empty(text, row, lead)?);
    if (gaps.is_empty() && front == 0) || !row.dashes.is_empty() || row.doubt.is_some() {
        return None;
    }
    let count = width.checked_sub(gaps.len() + front).filter(|&k| k > 0)?;
    let placed = |nums: &[Num]| -> Vec<usize> {
        nums.iter()
            .enumerate()
            .map(|(k, n)| {
                let before = gaps
                    .iter()
                    .filter(|&&g| row.groups[g].start <= n.start)
                    .count();
                k + before + front
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

/// The empty cells a row's gaps stand for, when the table's full rows share the gap `lead`
/// before their figures: one per gap among its figures, and one for a label gap one or two
/// characters wider than `lead`. `None` when the label gap is wider still (how many cells it
/// stands for is not known) or the row's figures are not on one line.
pub(super) fn empty_cells(text: &str, row: &Row, lead: usize) -> Option<usize> {
    let (first, last) = (row.groups.first()?, row.groups.last()?);
    if text[first.start..last.end].contains('\n') {
        return None;
    }
    let inner = row.groups[1..]
        .iter()
        .filter(|g| g.join == Join::None)
        .count();
    Some(inner + usize::from(lead_empty(text, row, Some(lead))?))
}

/// Whether the row's label gap is one empty cell wider than `lead`; `None` when it is wider
/// still.
fn lead_empty(text: &str, row: &Row, lead: Option<usize>) -> Option<bool> {
    let (Some(lead), Some(own)) = (lead, lead_width(text, row)) else {
        return Some(false);
    };
    match own.saturating_sub(lead) {
        0 => Some(false),
        1 | 2 => Some(true),
        _ => None,
    }
}

/// The spaces between a row's label and its first figure on the label's line; `None` when the
/// figure stands on a line of its own or a tab or another space character sets it apart (its
/// width says nothing of cells).
fn lead_width(text: &str, row: &Row) -> Option<usize> {
    let g = row.groups.first()?;
    let line = text[..g.start].rfind('\n').map_or(0, |n| n + 1);
    let before = &text[line..g.start];
    let label = before.trim_end_matches(' ');
    (!label.trim().is_empty() && !label.ends_with(char::is_whitespace))
        .then(|| before.len() - label.len())
}

/// A row of figures written one space apart on its label's line, none of them alone a reading
/// of the whole row: the numbers it reads as (one bit per count, [`Row::widths`]) and the
/// spaces between its label and its first figure. Such rows show how wide the label gap of a
/// row that fills every column is ([`common_lead`]).
pub(super) fn spaced_lead(text: &str, r: &Row) -> Option<(u64, usize)> {
    let (first, last) = (r.groups.first()?, r.groups.last()?);
    let spaced = r.groups.len() >= 2
        && r.widths & 0b10 == 0
        && r.groups[1..].iter().all(|g| g.join == Join::Space)
        && r.dashes.is_empty()
        && !r.lines_are_cells
        && !text[first.start..last.end].contains('\n');
    spaced
        .then(|| Some((r.widths, lead_width(text, r)?)))
        .flatten()
}

/// The label gap that the full rows of a table of single-spaced cells share: of the rows
/// ([`spaced_lead`]) that read as `width` numbers, the widest gap at least three have. Rows
/// that fill a note column sit closer to their label (`… poster 20 1 0 4 14` among rows of `…
/// 59 42 58 35`, the empty note cell a gap); padded columns set their figures apart by gaps, so
/// no row of theirs counts.
pub(super) fn common_lead(leads: &[(u64, usize)], width: usize) -> Option<usize> {
    if !(2..64).contains(&width) {
        return None;
    }
    let mut counts = std::collections::BTreeMap::<usize, usize>::new();
    for &(_, lead) in leads.iter().filter(|(w, _)| w & 1 << width != 0) {
        *counts.entry(lead).or_default() += 1;
    }
    counts
        .iter()
        .rev()
        .find(|&(_, &n)| n >= 3)
        .map(|(&lead, _)| lead)
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

    #[test]
    fn a_label_gap_one_cell_wider_than_the_full_rows_is_an_empty_first_cell() {
        // Cells joined by single spaces, an empty cell written as a space between its
        // separators: the full rows' label gap is three spaces.
        let head = "Kassaflödesanalys\n\nBelopp i tkr Kommunen\n2022\nKommunen\n2021\nKoncernen\n2022\nKoncernen\n2021\n\
                    Årets resultat   12 400 9 800 15 200 11 300\n\
                    Justering för avskrivningar   31 200 29 800 48 100 45 900\n\
                    Justering för avsättningar   1 200 -800 1 300 -700\n";
        let tail = "Årets kassaflöde   7 000 -12 100 11 500 -2 000\n";
        let c = |l: &str, h: &str, f: &str| (l.to_string(), h.to_string(), f.to_string());
        let label = "Försäljning av anläggningstillgångar";
        type Cell = (String, String, String);
        let cases: &[(&str, Vec<Cell>)] = &[
            // Two spaces more: the first column is empty.
            (
                "     1 200 3 400 2 100",
                vec![
                    c(label, "Kommunen 2021", "1 200"),
                    c(label, "Koncernen 2022", "3 400"),
                    c(label, "Koncernen 2021", "2 100"),
                ],
            ),
            // A gap among the figures is the empty cell, the label gap the full rows' own.
            (
                "   -500   -900 -400",
                vec![
                    c(label, "Kommunen 2022", "-500"),
                    c(label, "Koncernen 2022", "-900"),
                    c(label, "Koncernen 2021", "-400"),
                ],
            ),
            // The full rows' label gap: where the empty cell is, nothing says (the last one
            // leaves no trace once trailing spaces go).
            ("   1 200 3 400 2 100", vec![c(label, "", "?")]),
            // Wider by more than one empty cell: how many it stands for is not known.
            ("         1 200 3 400", vec![c(label, "", "?")]),
        ];
        for (figures, want) in cases {
            let got = cells(&format!("{head}{label}{figures}\n{tail}"));
            let row: Vec<_> = got.iter().filter(|(l, _, _)| l == label).cloned().collect();
            assert_eq!(&row, want, "{figures:?}");
            // The row does not end the table: the rows under it are read.
            assert!(
                got.contains(&c("Årets kassaflöde", "Koncernen 2021", "-2 000")),
                "{figures:?} → {got:?}"
            );
        }
    }

    #[test]
    fn a_wider_label_gap_is_no_empty_cell_where_the_full_rows_gaps_differ() {
        // Padded columns: a long label leaves a narrower gap, a short one a wider gap, and
        // neither is an empty cell.
        let text = "Anslag per verksamhet (tkr)\n\nVerksamhet                          Budget 2024     Budget 2025\n\
                    Gymnasieskola                           120 400         124 900\n\
                    Vuxenutbildning och svenska för invandrare    48 200    49 100\n\
                    Fritid                                   33 100          34 000\n\
                    Kultur                                   21 700          22 300\n";
        let got = cells(text);
        let c = |l: &str, h: &str, f: &str| (l.to_string(), h.to_string(), f.to_string());
        for want in [
            c(
                "Vuxenutbildning och svenska för invandrare",
                "Budget 2024",
                "48 200",
            ),
            c("Fritid", "Budget 2024", "33 100"),
            c("Kultur", "Budget 2025", "22 300"),
        ] {
            assert!(got.contains(&want), "{want:?} → {got:?}");
        }
        // Single spaces between cells, every label one space from its figures: a row one figure
        // short leaves the place of its empty cell open.
        let text = "Resultaträkning\n\nBelopp i tkr 2023 2022 2023 2022\n\
                    Verksamhetens intäkter 412 300 398 100 520 400 501 200\n\
                    Avskrivningar -88 200 -84 900 -120 400 -115 700\n\
                    Jämförelsestörande poster 12 400 -3 100 12 400\n\
                    Skatteintäkter 1 402 100 1 344 600 1 402 100 1 344 600\n\
                    Generella statsbidrag 512 300 488 900 512 300 488 900\n";
        let got = cells(text);
        assert!(
            got.contains(&c("Jämförelsestörande poster", "", "?")),
            "{got:?}"
        );
        assert!(
            got.contains(&c("Generella statsbidrag", "2022", "488 900")),
            "{got:?}"
        );
    }
}
