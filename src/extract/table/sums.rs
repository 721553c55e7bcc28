//! Rows of a financial statement read by its own arithmetic.
//!
//! **In:** a table's rows after the other readers, some of them in doubt (`7 767 810 -8 0` under
//! `Not 2018 2019 2018 2019`: note 7 then `767`, or `7 767` without a note?). **Out:** those rows
//! read the one way that makes the statement add up. In a resultaträkning or kassaflödesanalys a
//! result row (`Kassaflöde från den löpande verksamheten`, `Verksamhetens nettokostnader`) is
//! the sum of the rows directly above it, in every column: a reading is kept where some row
//! equals, column by column, the sum of the two or more rows right above it (the nearest such
//! block), and a row in doubt is read so only where every reading of the rows that adds up
//! agrees on it. Figures are rounded, so a sum may be off by one in its last digit per addend.
//! A first group that can be a note is tried as one. A row placed around empty cells
//! (`dashes.rs`) counts 0 there.
//!
//! **Deliberately not done:** a table of one column, or a sum with fewer than two columns other
//! than 0 (a sum of so few figures can hold by chance); a row with more than a few readings; a
//! statement that writes costs without their minus sign (its sums are differences).

use std::collections::BTreeSet;

use super::header;
use super::lines::Join;
use super::numeral::Exact;
use super::rows::{Doubt, Row};
use super::split::{self, Grouping, Num};

/// Most readings of one row in doubt that are tried.
const MAX_READINGS: usize = 128;
/// Most combinations of readings tried for one sum row.
const MAX_COMBINATIONS: usize = 4096;
/// Decimals every figure is scaled to before adding.
const SCALE: u32 = 6;

type Body = [(Row, Result<Vec<Num>, String>)];

/// Reads the rows in doubt of `body` (a table of `width` columns) that its sums decide.
pub(super) fn decide(text: &str, body: &mut Body, width: usize) {
    if width < 2 {
        return;
    }
    // Each row's readings and their columns are worked out once, not once per block of rows
    // they are tried in: that made a long statement cost the cube of its length in allocations.
    let mut options: Vec<Option<Readings>> = body
        .iter()
        .map(|(r, got)| Readings::of(text, r, got, width))
        .collect();
    // Each row read decides more: go on until nothing changes. Only the row read changes its
    // readings, so the sum rows above it, whose blocks do not hold it, decide no more than they
    // did: the search goes on from that row, not from the top (from the top, a long statement
    // cost the square of its length).
    let mut from = 0;
    while let Some((row, nums)) = next_decided(&options, width, from) {
        let got = Ok(nums);
        options[row] = Readings::of(text, &body[row].0, &got, width);
        body[row].1 = got;
        from = row;
    }
}

/// Reads grand totals: a total row right under another total row (`Summa anläggningstillgångar`
/// under `Summa immateriella …`, `Summa materiella …`, `Summa finansiella …`) sums the total
/// rows above it, back to the previous such grand total. One still unread is read the one way
/// that equals, column by column, the sum of those totals, where two or more of them are read
/// and every one is; two readings that add up, or none, leave it unresolved.
pub(super) fn grand_totals(text: &str, body: &mut Body, width: usize) {
    let total = |body: &Body, i: usize| super::Shaped::is_total(&body[i].0);
    let mut from = 0;
    for k in 1..body.len() {
        if !total(body, k) || !total(body, k - 1) {
            continue;
        }
        let subs: Vec<usize> = (from..k).filter(|&i| total(body, i)).collect();
        from = k + 1;
        let (row, got) = &body[k];
        if got.is_ok() || row.groups.is_empty() || subs.len() < 2 {
            continue;
        }
        let Some(parts) = subs
            .iter()
            .map(|&i| cells(&body[i].0, body[i].1.as_ref().ok()?, width))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        let fits: Vec<Vec<Num>> = split::readings(text, &row.groups, width, Grouping::Strict)
            .into_iter()
            .filter(|nums| {
                cells(row, nums, width).is_some_and(|sum| {
                    let mut block: Vec<&[(i128, i128)]> = parts.iter().map(Vec::as_slice).collect();
                    block.push(&sum);
                    adds_up(&block)
                })
            })
            .collect();
        if let [one] = fits.as_slice() {
            body[k].1 = Ok(one.clone());
        }
    }
}

/// The readings of one row that can take part in a sum, each with its figures by column
/// ([`cells`]; `None` where they do not fit the table).
struct Readings {
    nums: Vec<Vec<Num>>,
    columns: Vec<Option<Vec<(i128, i128)>>>,
}

impl Readings {
    fn of(text: &str, row: &Row, got: &Result<Vec<Num>, String>, width: usize) -> Option<Self> {
        let nums = readings(text, row, got, width)?;
        let columns = nums.iter().map(|n| cells(row, n, width)).collect();
        Some(Readings { nums, columns })
    }
}

/// A row in doubt the sums decide, and its reading: the first found by sum rows from `from` on.
fn next_decided(
    options: &[Option<Readings>],
    width: usize,
    from: usize,
) -> Option<(usize, Vec<Num>)> {
    let count = |i: usize| options[i].as_ref().map_or(1, |o| o.nums.len());
    // Only a block with a row in doubt in it can decide anything: sum rows above the first such
    // row are not tried.
    let first = (0..options.len()).find(|&i| count(i) > 1)?;
    // Reused for every combination: `pick[i]` is the reading tried for row `i`.
    let mut pick = vec![0; options.len()];
    for s in first.max(2).max(from)..options.len() {
        if options[s].is_none() {
            continue;
        }
        // The rows in doubt of the block `k..=s`, in order, their numbers of readings and the
        // number of combinations, grown as the block grows upwards.
        let mut doubtful: Vec<usize> = Vec::new();
        let mut counts: Vec<usize> = Vec::new();
        let mut combinations = 1usize;
        for i in [s - 1, s] {
            if count(i) > 1 {
                doubtful.push(i);
                counts.push(count(i));
                combinations = combinations.saturating_mul(count(i));
            }
        }
        // The nearest block of rows above `s` that adds up to it decides; a block whose readings
        // are too many to try, or a row that cannot be read, ends the search.
        for k in (0..s - 1).rev() {
            if options[k].is_none() {
                break;
            }
            if count(k) > 1 {
                doubtful.insert(0, k);
                counts.insert(0, count(k));
                combinations = combinations.saturating_mul(count(k));
            }
            if combinations > MAX_COMBINATIONS {
                break;
            }
            // For each row in doubt, the readings some combination that adds up gives it.
            let mut agreed: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); doubtful.len()];
            let mut any = false;
            let mut sums = vec![0i128; (s - k + 1) * width];
            let mut found = |pick: &[usize]| {
                any = true;
                for (j, &i) in doubtful.iter().enumerate() {
                    agreed[j].insert(pick[i]);
                }
            };
            add_up_ways(options, (k, s, k), width, &mut sums, &mut pick, &mut found);
            if !any {
                continue;
            }
            for (j, &i) in doubtful.iter().enumerate() {
                if let [one] = agreed[j].iter().copied().collect::<Vec<_>>()[..] {
                    let nums = options[i].as_ref()?.nums.get(one)?.clone();
                    return Some((i, nums));
                }
            }
            break;
        }
    }
    None
}

/// Calls `found` with `pick` (the reading of each row) for each combination of readings of the
/// rows `k..=s` whose rows `k..s` add up to row `s` ([`meets`]), from row `i` on, the rows above
/// it picked already. Level `d` of `sums` holds the column sums of the rows `k..k + d`, added in
/// the order [`adds_up`] adds them: a combination costs one row's addition, not its block's. A
/// reading that does not fit the table ends its combinations.
fn add_up_ways(
    options: &[Option<Readings>],
    (k, s, i): (usize, usize, usize),
    width: usize,
    sums: &mut [i128],
    pick: &mut [usize],
    found: &mut dyn FnMut(&[usize]),
) {
    let Some(o) = options[i].as_ref() else {
        return;
    };
    let d = i - k;
    for (r, c) in o.columns.iter().enumerate() {
        let Some(c) = c.as_deref() else { continue };
        pick[i] = r;
        if i == s {
            if meets(&sums[d * width..], c, s - k) {
                found(pick);
            }
            continue;
        }
        let (done, next) = sums.split_at_mut((d + 1) * width);
        for ((n, &a), &(v, _)) in next.iter_mut().zip(&done[d * width..]).zip(c) {
            *n = a.saturating_add(v);
        }
        add_up_ways(options, (k, s, i + 1), width, sums, pick, found);
    }
}

/// Whether the last row equals, in every column, the sum of the rows above it, with at least
/// two columns not 0. Each figure is rounded to its last digit, so the sum may be off by one
/// unit of the sum's last digit per addend (`110 080 + 4 271 - 7 304` is `107 046` or `107 047`).
fn adds_up(rows: &[&[(i128, i128)]]) -> bool {
    let Some((sum, above)) = rows.split_last() else {
        return false;
    };
    let total: Vec<i128> = (0..sum.len())
        .map(|c| above.iter().map(|r| r[c].0).fold(0, i128::saturating_add))
        .collect();
    meets(&total, sum, above.len())
}

/// Whether `sum`, a row's figures with their units, is `total`, the column sums of `addends`
/// rows, as [`adds_up`] tells.
fn meets(total: &[i128], sum: &[(i128, i128)], addends: usize) -> bool {
    if addends < 2 || sum.iter().filter(|&&(v, _)| v != 0).count() < 2 {
        return false;
    }
    let addends = addends as i128;
    sum.iter()
        .zip(total)
        .all(|(&(want, unit), &t)| t.abs_diff(want) <= addends.saturating_mul(unit).unsigned_abs())
}

/// The readings of a row: its one reading when read, its readings with its note and without when
/// in doubt (a few at most), `None` when it cannot take part in a sum.
fn readings(
    text: &str,
    row: &Row,
    got: &Result<Vec<Num>, String>,
    width: usize,
) -> Option<Vec<Vec<Num>>> {
    if let Ok(nums) = got {
        return Some(vec![nums.clone()]);
    }
    if row.groups.is_empty() || !row.dashes.is_empty() || !row.placed.is_empty() {
        return None;
    }
    if row.doubt.is_some_and(|d| d != Doubt::Note) {
        return None;
    }
    let mut all = split::readings(text, &row.groups, width, Grouping::Strict);
    // A first group that can be a note is tried as one whether or not a header names the note
    // column (`NOT` on a header line the reader did not take apart): only a sum keeps it.
    if row.groups.len() >= 2
        && header::is_note(text, &row.groups[0])
        && row.groups[1].join != Join::Group
    {
        let mut noted = row.groups[1..].to_vec();
        noted[0].join = Join::None;
        all.extend(split::readings(text, &noted, width, Grouping::Strict));
    }
    (2..=MAX_READINGS).contains(&all.len()).then_some(all)
}

/// A row's figures by column, 0 in an empty cell, scaled to [`SCALE`] decimals, each with the
/// unit of its last digit at that scale.
fn cells(row: &Row, nums: &[Num], width: usize) -> Option<Vec<(i128, i128)>> {
    let whole = scaled(Exact {
        mantissa: 1,
        decimals: 0,
    })?;
    let mut out = vec![(0i128, whole); width];
    for (k, n) in nums.iter().enumerate() {
        let column = row.placed.get(k).copied().unwrap_or(k);
        let unit = scaled(Exact {
            mantissa: 1,
            decimals: n.value.decimals,
        })?;
        *out.get_mut(column)? = (scaled(n.value)?, unit);
    }
    Some(out)
}

fn scaled(e: Exact) -> Option<i128> {
    e.mantissa
        .checked_mul(10i128.checked_pow(SCALE.checked_sub(e.decimals)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sum_holds_column_by_column_within_its_rounding() {
        let row = |v: &[i128]| -> Vec<(i128, i128)> { v.iter().map(|&x| (x, 1)).collect() };
        // (rows, the last one the sum, whether it adds up)
        let cases: &[(&[&[i128]], bool)] = &[
            (
                &[
                    &[110_080, 108_066],
                    &[4_271, 3_678],
                    &[-7_304, -14_973],
                    &[107_046, 96_770],
                ],
                true,
            ),
            (
                &[
                    &[110_080, 108_066],
                    &[4_271, 3_678],
                    &[-7_304, -14_973],
                    &[107_046, 96_700],
                ],
                false,
            ),
            // The sum of the nearest rows only, not of one row.
            (&[&[5, 6], &[5, 6]], false),
            // A single column not 0 says too little.
            (&[&[5, 0], &[7, 0], &[12, 0]], false),
            (&[&[5, 1], &[7, 1], &[12, 2]], true),
        ];
        for (rows, want) in cases {
            let rows: Vec<Vec<(i128, i128)>> = rows.iter().map(|r| row(r)).collect();
            let rows: Vec<&[(i128, i128)]> = rows.iter().map(Vec::as_slice).collect();
            assert_eq!(adds_up(&rows), *want, "{rows:?}");
        }
    }

    /// The row-by-row walk finds exactly the combinations that trying each one whole finds.
    #[test]
    fn the_walk_finds_the_combinations_that_add_up_and_no_others() {
        // Rows of two readings each (`12 345` or `12 | 345` in doubt, as numbers), a reading that
        // does not fit (None), and one row read.
        let r = |a: i128, b: i128| Some(vec![(a, 1), (b, 1)]);
        let rows: Vec<Option<Readings>> = vec![
            vec![r(10, 20), r(1, 2)],
            vec![r(5, 5)],
            vec![r(30, 7), None, r(3, 0)],
            vec![r(45, 32), r(18, 27)],
            vec![r(27, 34), r(88, 64)],
        ]
        .into_iter()
        .map(|columns: Vec<Option<Vec<(i128, i128)>>>| {
            Some(Readings {
                nums: vec![Vec::new(); columns.len()],
                columns,
            })
        })
        .collect();
        let (k, s, width) = (0, 4, 2);
        let mut walked = BTreeSet::new();
        let mut pick = vec![0; rows.len()];
        let mut sums = vec![0; (s - k + 1) * width];
        let mut found = |p: &[usize]| {
            walked.insert(p.to_vec());
        };
        add_up_ways(&rows, (k, s, k), width, &mut sums, &mut pick, &mut found);
        let mut whole = BTreeSet::new();
        let counts: Vec<usize> = rows.iter().flatten().map(|o| o.columns.len()).collect();
        for code in 0..counts.iter().product() {
            let (mut code, mut p) = (code, Vec::new());
            for n in &counts {
                p.push(code % n);
                code /= n;
            }
            let block: Option<Vec<&[(i128, i128)]>> = (k..=s)
                .map(|i| rows[i].as_ref()?.columns[p[i]].as_deref())
                .collect();
            if block.is_some_and(|b| adds_up(&b)) {
                whole.insert(p);
            }
        }
        assert_eq!(walked, whole);
        assert!(!whole.is_empty(), "the cases hold combinations that add up");
    }
}
