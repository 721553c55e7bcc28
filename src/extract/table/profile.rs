//! Column profiles: what the rows read with certainty show of each column's figures, and the
//! passes that weigh a row in doubt against them.
//!
//! **In:** a table's body (each row with its reading, or why it has none) and its width.
//! **Out:** a [`ColumnProfile`] (per column, the digit groups of the firm rows' figures; per pair
//! of neighbouring columns, how many digits apart their figures are; per column, the longest
//! typeset figure; per column, the digits of the firm rows' figures where OCR dropped group
//! spaces), and four passes that read or set aside rows by it: [`doubt_run_together`],
//! [`doubt_loose_rows`], [`shape_columns`] and [`shape_dropped_columns`]. A column's figures are
//! of one order of magnitude and a row's figures rise and fall together: that is all these passes
//! go by.
//!
//! A pass that changes a row's reading changes what the columns show, so `table_of` takes the
//! profile again after each pass that reports a change; the passes run in a fixed order, each
//! seeing the rows the one before it left.
//!
//! **Deliberately not done:** weighing rows whose figures stand on lines or fields of their own
//! (each segment is a cell there, no split is sought), and any weighing by group counts in a
//! table where OCR dropped group spaces (a digit group of four or more that is no year), where
//! group counts say nothing: there only the figures' digits are weighed, and only under a width
//! the headers state.

use super::rows::{self, Row};
use super::split::{self, Grouping, Num};
use super::{Shaped, lines, misread_digit, numeral};

/// A table body: each row with its numbers, or why it could not be read.
type Body = [(Row, Result<Vec<Num>, String>)];

/// How a figure is written, counted once for every pass that weighs it against its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    /// Digits of the whole part (`‑672 783` 6, `1 444,5` 4).
    whole: usize,
    /// Digits after the decimal comma (`1 444,5` 1).
    fraction: usize,
    /// Digit groups of the whole part (`‑672 783` 2, `1 444,5` 2, `78` 1).
    groups: usize,
    /// Set as a typesetter sets figures: no run of more than four digits (`6354`, `49 016`,
    /// `‑143`, not `14571046`).
    typeset: bool,
}

/// Counts the digits and groups of the figure `n` as written in `text`.
fn written(text: &str, n: &Num) -> Written {
    let figure = &text[n.start..n.end];
    let (whole, fraction) = figure.split_once(',').unwrap_or((figure, ""));
    let digits = |s: &str| s.bytes().filter(u8::is_ascii_digit).count();
    let runs = |s: &'_ str| {
        s.split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .collect::<Vec<_>>()
    };
    Written {
        whole: digits(whole),
        fraction: digits(fraction),
        groups: runs(whole).into_iter().filter(|&l| l > 0).count(),
        typeset: runs(figure).into_iter().all(|l| l <= 4),
    }
}

/// What the rows of a table read so far show of its columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ColumnProfile {
    width: usize,
    /// Some figure has a digit group of four or more that is no year (`4905 218`, `12181`): OCR
    /// dropped group spaces, and group and digit counts say nothing.
    dropped_spaces: bool,
    /// Per column, the fewest and most digit groups of a firm row's figure; `None` under two firm
    /// rows, a single column, or dropped group spaces.
    groups: Option<Vec<(usize, usize)>>,
    /// Per pair of neighbouring columns, the fewest and most digits the left figure has more
    /// than the right one, over the firm rows that read only one way; `None` under two such rows,
    /// or where [`ColumnProfile::groups`] is.
    steps: Option<Vec<(i64, i64)>>,
    /// Per column (as placed), the most digits of a typeset figure in any row read, totals too.
    longest: Vec<usize>,
    /// Per column, the fewest and most digits of the whole part of a firm row's figure, where
    /// OCR dropped group spaces (digit counts are what is left to go by there); `None` under two
    /// firm rows, a single column, or typeset grouping (see [`ColumnProfile::groups`]).
    digits: Option<Vec<(usize, usize)>>,
}

impl ColumnProfile {
    /// The profile of `body`'s columns. A firm row is no total (a sum may be a group wider than
    /// its parts), read, and fills all `width` columns.
    pub(super) fn of(text: &str, body: &Body, width: usize) -> Self {
        let dropped_spaces = dropped_group_spaces(text, body);
        let firm: Vec<(&Row, Vec<Written>)> = body
            .iter()
            .filter(|(r, _)| !Shaped::is_total(r))
            .filter_map(|(r, got)| Some((r, got.as_ref().ok()?)))
            .filter(|(_, nums)| nums.len() == width)
            .map(|(r, nums)| (r, nums.iter().map(|n| written(text, n)).collect()))
            .collect();
        let weighed = !dropped_spaces && width >= 2;
        let groups = (weighed && firm.len() >= 2).then(|| {
            (0..width)
                .map(|c| {
                    firm.iter()
                        .map(|(_, w)| w[c].groups)
                        .fold((usize::MAX, 0), |(lo, hi), g| (lo.min(g), hi.max(g)))
                })
                .collect()
        });
        let digits = (dropped_spaces && width >= 2 && firm.len() >= 2).then(|| {
            (0..width)
                .map(|c| {
                    firm.iter()
                        .map(|(_, w)| w[c].whole)
                        .fold((usize::MAX, 0), |(lo, hi), d| (lo.min(d), hi.max(d)))
                })
                .collect()
        });
        let steady: Vec<Vec<i64>> = firm
            .iter()
            .filter(|_| weighed && width < 63)
            .filter(|(r, _)| !loose(text, r, width))
            .map(|(_, w)| steps(w))
            .collect();
        let steps = (steady.len() >= 2).then(|| {
            (0..width - 1)
                .map(|c| {
                    steady
                        .iter()
                        .map(|s| s[c])
                        .fold((i64::MAX, i64::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)))
                })
                .collect()
        });
        let mut longest: Vec<usize> = Vec::new();
        for (r, got) in body {
            for (i, n) in got.iter().flatten().enumerate() {
                let w = written(text, n);
                if !w.typeset {
                    continue;
                }
                let c = column(r, i);
                if longest.len() <= c {
                    longest.resize(c + 1, 0);
                }
                longest[c] = longest[c].max(w.whole + w.fraction);
            }
        }
        ColumnProfile {
            width,
            dropped_spaces,
            groups,
            steps,
            longest,
            digits,
        }
    }
}

/// Digits of each figure minus those of the figure right of it.
fn steps(w: &[Written]) -> Vec<i64> {
    w.windows(2)
        .map(|p| p[0].whole as i64 - p[1].whole as i64)
        .collect()
}

/// The column of a row's `i`th number.
fn column(r: &Row, i: usize) -> usize {
    r.placed.get(i).copied().unwrap_or(i)
}

/// Whether the row's digit groups also read as fewer numbers than the table has columns.
fn loose(text: &str, row: &Row, width: usize) -> bool {
    let fewer_bits = (1u64 << width) - 2; // widths 1 ..= width - 1
    split::widths(text, &row.groups, Grouping::Strict) & fewer_bits != 0
}

/// Whether the row's figures are one run joined by single spaces (not on lines or fields of
/// their own).
fn one_run(row: &Row) -> bool {
    row.groups
        .iter()
        .skip(1)
        .all(|g| g.join != lines::Join::None)
}

/// Whether some figure of the table has a digit group of four or more that is no year (`4905
/// 218`, `12181`): OCR dropped group spaces, and group counts then say nothing.
fn dropped_group_spaces(text: &str, body: &Body) -> bool {
    body.iter().flat_map(|(r, _)| &r.groups).any(|g| {
        let whole = text[g.digits..g.end].split(',').next().unwrap_or("");
        whole.len() > 3 && !numeral::is_year(whole)
    })
}

/// Rows that fill every column only by cutting one run of single-spaced digit groups, while the
/// same groups also read as fewer numbers (a cell left empty: `Knivsta 4 591 000` under `2024
/// 2025` is `4 591 000` in one column, or `4 | 591 000`), are listed unresolved when the cut sets
/// two neighbouring figures further apart in size than any row that reads only one way does. A
/// row's figures rise and fall together (`160 171 205` and `7 613 8 000 8 895` both keep their
/// neighbours within a digit), so the rows read with certainty show how many digits apart
/// neighbouring columns may be, and one digit more is allowed; `4 | 591 000` is five apart under
/// rows none. As in [`shape_columns`], nothing is decided where OCR dropped group spaces, or on
/// fewer than two firm rows. Returns whether a row was set aside.
pub(super) fn doubt_loose_rows(text: &str, body: &mut Body, profile: &ColumnProfile) -> bool {
    let Some(range) = &profile.steps else {
        return false;
    };
    let width = profile.width;
    let mut changed = false;
    for (row, got) in body.iter_mut() {
        let Ok(nums) = got else {
            continue;
        };
        if nums.len() != width || Shaped::is_total(row) || !one_run(row) || !loose(text, row, width)
        {
            continue;
        }
        let written: Vec<Written> = nums.iter().map(|n| written(text, n)).collect();
        let fits = steps(&written)
            .iter()
            .zip(range)
            .all(|(d, &(lo, hi))| (lo - 1..=hi + 1).contains(d));
        if !fits {
            *got = Err(format!(
                "`{}` reads as fewer numbers than the table has columns (a cell left empty), or as figures further apart than their rows' neighbours",
                &text[nums[0].start..nums[nums.len() - 1].end]
            ));
            changed = true;
        }
    }
    changed
}

/// Rows under a header row of years holding a figure of five digits or more without a group space
/// (`14571046` under `2019 2020 2019 2020`), in a table where some row reads only as fewer
/// numbers than there are years: a typesetter groups such a figure, so OCR dropped a space in
/// it, and as that other row shows, a space between columns may have been one of them (`1 457
/// 1 046`).
/// The figure is read as one only where its column holds a typeset figure (every digit run at
/// most four long: `6354`, `49 016`, `‑143`) as long as it in another row: a column's figures
/// are of one order of magnitude. Otherwise, or with no such figure to go by, the row is
/// unresolved. Returns whether a row was set aside.
pub(super) fn doubt_run_together(text: &str, body: &mut Body, profile: &ColumnProfile) -> bool {
    let width = profile.width;
    // Only where OCR is seen to run the figures of neighbouring columns together: some row reads
    // only as fewer numbers than there are years, and holds such a figure itself
    // (`1158812535 -143 545`), rather than a cell left empty or a letter read for a digit.
    let fewer = |r: &Row| {
        let readings = r.widths | r.ocr_widths;
        let long = r.groups.iter().any(|g| text[g.digits..g.end].len() >= 5);
        width < 64 && readings != 0 && readings < 1 << width && long && !misread_digit(r)
    };
    if !body.iter().any(|(r, _)| fewer(r)) {
        return false;
    }
    let mut changed = false;
    for (r, got) in body.iter_mut() {
        let Ok(nums) = got else { continue };
        let loose = nums.iter().enumerate().find(|&(i, n)| {
            let w = written(text, n);
            !w.typeset
                && profile
                    .longest
                    .get(column(r, i))
                    .is_none_or(|&l| w.whole + w.fraction > l)
        });
        if let Some((_, n)) = loose {
            *got = Err(format!(
                "`{}` may be figures OCR ran together, longer than its column's other figures",
                &text[n.start..n.end]
            ));
            changed = true;
        }
    }
    changed
}

/// Rows whose digit groups split several ways, read the one way that keeps each column as wide
/// as the rows read with certainty show it: a column's figures are of one order of magnitude,
/// so under columns of two groups each (`‑672 783`, `‑23 094`), `169 051 164 228 160 063 165 606
/// 168 518` is five numbers of two groups, not `169 | 051 164 | …`. Each column allows the
/// fewest to the most groups seen in it; at least two rows read with certainty must show every
/// column. Only a row whose figures are one run joined by single spaces is read so: where its
/// figures stand on lines or fields of their own, each segment is a cell (or a cell is missing)
/// and no split inside a segment is sought. Total rows are left to `bound_totals` (a sum may be
/// a group wider than its parts); two readings left leave the row unresolved. A table where
/// some figure has a digit group of four or more (`4905 218`, `12181`) shows that OCR dropped
/// group spaces, and group counts then say nothing: nothing is read so there. Returns whether a
/// row was read.
pub(super) fn shape_columns(text: &str, body: &mut Body, profile: &ColumnProfile) -> bool {
    let Some(span) = &profile.groups else {
        return false;
    };
    let width = profile.width;
    let mut changed = false;
    for (row, got) in body.iter_mut() {
        if got.is_ok() || Shaped::is_total(row) || row.groups.is_empty() || !one_run(row) {
            continue;
        }
        // A row whose first group may be a note is read both ways; one with an empty cell
        // written `-` is no matter of group counts.
        let mut noted = row.groups.get(1..).unwrap_or_default().to_vec();
        let ways: Vec<&[lines::Group]> = match row.doubt {
            None => vec![&row.groups],
            Some(rows::Doubt::Note) if !noted.is_empty() => {
                noted[0].join = lines::Join::None;
                vec![&row.groups, &noted]
            }
            Some(_) => continue,
        };
        let mut all = Vec::new();
        for g in ways {
            all.extend(split::readings(text, g, width, Grouping::Strict));
        }
        if all.is_empty() || all.len() >= split::MAX_READINGS {
            continue;
        }
        let fits: Vec<Vec<Num>> = all
            .into_iter()
            .filter(|nums| {
                nums.iter()
                    .zip(span)
                    .all(|(n, &(lo, hi))| (lo..=hi).contains(&written(text, n).groups))
            })
            .collect();
        if let [one] = fits.as_slice() {
            *got = Ok(one.clone());
            changed = true;
        }
    }
    changed
}

/// Rows under a width the headers state whose digit groups, read as OCR leaves them (group
/// spaces dropped, [`Grouping::Dropped`]), split several ways, read the one way that keeps each
/// figure within a digit of as long as its column's figures are in the rows read with
/// certainty: a column's figures are of one order of magnitude, and a figure moved a group of
/// three into its neighbour is three digits off. So under `6354 6 647 31 64` and `10716 11 096
/// 97 673`, `11983 12 496 113 447` is `11983 | 12 496 | 113 | 447`, not `11983 | 12 | 496 113 |
/// 447`. Only rows of one run of single-spaced groups, read no other way (no empty cell placed), with no
/// doubt of their own and no letter for a digit in the label are weighed (a row another pass set
/// aside reads one way and is left so), no total row (a sum may be a digit longer than its
/// parts), and only on at least two firm rows; none or two readings left leave the row
/// unresolved. Returns whether a row was read.
pub(super) fn shape_dropped_columns(text: &str, body: &mut Body, profile: &ColumnProfile) -> bool {
    let Some(span) = &profile.digits else {
        return false;
    };
    let width = profile.width;
    let mut changed = false;
    for (row, got) in body.iter_mut() {
        if got.is_ok()
            || Shaped::is_total(row)
            || row.groups.is_empty()
            || row.doubt.is_some()
            || !row.placed.is_empty()
            || !one_run(row)
            || misread_digit(row)
        {
            continue;
        }
        // A row that reads one way, as typeset or as OCR leaves it, was set aside by a pass
        // before this one and is left so. The readings as OCR leaves it hold those as typeset.
        let strict = split::readings(text, &row.groups, width, Grouping::Strict).len();
        let all = split::readings(text, &row.groups, width, Grouping::Dropped);
        if strict == 1 || all.len() < 2 || all.len() >= split::MAX_READINGS {
            continue;
        }
        let fits: Vec<Vec<Num>> = all
            .into_iter()
            .filter(|nums| {
                nums.iter().zip(span).all(|(n, &(lo, hi))| {
                    (lo.saturating_sub(1)..=hi + 1).contains(&written(text, n).whole)
                })
            })
            .collect();
        if let [one] = fits.as_slice() {
            *got = Ok(one.clone());
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_written(figure: &str, whole: usize, fraction: usize, groups: usize, typeset: bool) {
        let n = Num {
            start: 0,
            end: figure.len(),
            value: numeral::Exact {
                mantissa: 0,
                decimals: 0,
            },
            percent: false,
            year: false,
        };
        let want = Written {
            whole,
            fraction,
            groups,
            typeset,
        };
        assert_eq!(written(figure, &n), want, "{figure}");
    }

    #[test]
    fn a_figure_is_counted_by_its_whole_part_and_its_runs_of_digits() {
        for (figure, whole, fraction, groups, typeset) in [
            ("78", 2, 0, 1, true),
            ("‑672 783", 6, 0, 2, true),
            ("1 444,5", 4, 1, 2, true),
            ("6354", 4, 0, 1, true),
            ("14571046", 8, 0, 1, false),
            ("12,34567", 2, 5, 1, false),
            ("– 1 930 976", 7, 0, 3, true),
        ] {
            assert_written(figure, whole, fraction, groups, typeset);
        }
    }
}
