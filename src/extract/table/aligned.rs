//! Rows of a table whose columns stand apart by gaps (a tab, two or more spaces) that leave a
//! cell empty: `Sörmland            44 800` under `Uppsala             61 300          62 900`.
//!
//! **In:** the table's rows, cut into segments at column gaps (`lines.rs`), and its number of
//! columns. **Out:** for a row of fewer segments than columns, each segment as one number and
//! the column it lines up with. A table is *aligned* when at least two rows fill every column
//! with one segment each, on one line, and no row has more segments than columns: a single space
//! there separates digit groups, never columns, so `44 800` is no `44 | 800`. A segment goes to
//! the column whose right (or left) edge it shares, within one character, with a full row; a
//! segment that lines up with no column or with two, or rows whose segments would not keep
//! their order, leave the row unresolved. **Deliberately not done:** a segment that is no single
//! number (`44 800 45 100`) is left to the other readers, and so is every row of a table whose
//! full rows span lines (one cell per line has no horizontal edges).

use super::lines::{Group, Join};
use super::rows::Row;
use super::split::{self, Arithmetic, Grouping, Num};

/// Per column, the character columns where the figures of the full rows end and start.
pub(super) struct Edges {
    right: Vec<Vec<usize>>,
    left: Vec<Vec<usize>>,
}

/// A short row's numbers and the column of each.
pub(super) type Placed = (Vec<Num>, Vec<usize>);

/// A row's digit groups cut at its column gaps.
fn segments(row: &Row) -> Vec<&[Group]> {
    let mut out = Vec::new();
    let mut from = 0;
    for k in 1..=row.groups.len() {
        if k == row.groups.len() || row.groups[k].join == Join::None {
            out.push(&row.groups[from..k]);
            from = k;
        }
    }
    out
}

/// The character column of byte `at` on its line.
fn column(text: &str, at: usize) -> usize {
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    text[start..at].chars().count()
}

/// Whether `groups` lie on one line.
fn one_line(text: &str, groups: &[Group]) -> bool {
    match (groups.first(), groups.last()) {
        (Some(f), Some(l)) => !text[f.start..l.end].contains('\n'),
        _ => false,
    }
}

/// The edges of an aligned table's columns, or `None` when the table is not aligned.
pub(super) fn edges(text: &str, rows: &[Row], width: usize) -> Option<Edges> {
    if width < 2 {
        return None;
    }
    let mut edges = Edges {
        right: vec![Vec::new(); width],
        left: vec![Vec::new(); width],
    };
    let mut full = 0;
    for row in rows.iter().filter(|r| !r.groups.is_empty()) {
        let segs = segments(row);
        if segs.len() > width || !one_line(text, &row.groups) {
            return None;
        }
        if segs.len() == width {
            full += 1;
            for (c, s) in segs.iter().enumerate() {
                edges.right[c].push(column(text, s[s.len() - 1].end));
                edges.left[c].push(column(text, s[0].start));
            }
        }
    }
    (full >= 2).then_some(edges)
}

/// A short row of an aligned table read segment by segment: `None` when the row fills every
/// column or leaves the reading to others; `Err` when its segments line up with no one column
/// each.
pub(super) fn read(
    text: &str,
    row: &Row,
    width: usize,
    edges: &Edges,
) -> Option<Result<Placed, String>> {
    if row.groups.is_empty() || !row.dashes.is_empty() || row.doubt.is_some() {
        return None;
    }
    let segs = segments(row);
    if segs.len() >= width {
        return None;
    }
    let mut nums = Vec::with_capacity(segs.len());
    for s in &segs {
        let mut one = split::read(text, s, 1, Arithmetic::default(), Grouping::Strict).ok()?;
        nums.push(one.pop()?);
    }
    let near = |seen: &[usize], at: usize| seen.iter().any(|&e| e.abs_diff(at) <= 1);
    let mut columns = Vec::with_capacity(segs.len());
    for s in &segs {
        let (end, start) = (column(text, s[s.len() - 1].end), column(text, s[0].start));
        let fits: Vec<usize> = (0..width)
            .filter(|&c| near(&edges.right[c], end) || near(&edges.left[c], start))
            .collect();
        match fits[..] {
            [c] if columns.last().is_none_or(|&l| l < c) => columns.push(c),
            _ => {
                return Some(Err(format!(
                    "{} of {width} columns filled, and `{}` lines up with no one column",
                    segs.len(),
                    &text[s[0].start..s[s.len() - 1].end]
                )));
            }
        }
    }
    Some(Ok((nums, columns)))
}

#[cfg(test)]
mod tests {
    use super::super::gaps::tests::cells;

    fn has(got: &[(String, String, String)], label: &str, header: &str, figure: &str) -> bool {
        got.iter()
            .any(|(l, h, f)| l == label && h == header && f == figure)
    }

    #[test]
    fn a_short_row_of_an_aligned_table_goes_to_the_column_it_lines_up_with() {
        let head = "Bidrag per region (tkr)\n\nRegion          Bidrag 2024     Bidrag 2025\nStockholm          209 001         205 583\nUppsala             61 300          62 900\n";
        let tail = "Örebro              51 000          52 200\n";
        // (the short row, its label, the header it goes under, the figure)
        let cases = [
            (
                "Sörmland            44 800\n",
                "Sörmland",
                "Bidrag 2024",
                "44 800",
            ),
            (
                "Sörmland                            45 100\n",
                "Sörmland",
                "Bidrag 2025",
                "45 100",
            ),
            // Left-aligned figures line up by their start.
            (
                "Sörmland                         45 100\n",
                "Sörmland",
                "?",
                "?",
            ),
        ];
        for (row, label, header, figure) in cases {
            let got = cells(&format!("{head}{row}{tail}"));
            if figure == "?" {
                assert!(has(&got, label, "", "?"), "{row:?} → {got:?}");
            } else {
                assert!(has(&got, label, header, figure), "{row:?} → {got:?}");
            }
            // Never two figures out of one.
            assert!(!has(&got, label, "Bidrag 2024", "44"), "{row:?} → {got:?}");
            assert!(has(&got, "Örebro", "Bidrag 2025", "52 200"), "{got:?}");
        }
        let left = "Anslag (tkr)\n\nPost    2024      2025\nA       1 200     1 300\nB       15 000    16 500\nC       2 700\n";
        let got = cells(left);
        assert!(has(&got, "C", "2024", "2 700"), "{got:?}");
    }

    #[test]
    fn tables_whose_columns_a_single_space_parts_are_not_aligned() {
        // A single space between cells: the other readers decide, and `4 591 000` stays doubtful.
        let text = "Tusental kronor\n\nKommun 2024 2025\nEnköping 11 641 12 181\nHeby 4 822 5 084\nKnivsta 4 591 000\nTierp 7 875 8 149\n";
        let got = cells(text);
        assert!(has(&got, "Knivsta", "", "?"), "{got:?}");
    }
}
