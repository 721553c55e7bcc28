//! Rows of a financial statement read by its own arithmetic.
//!
//! **In:** a table's rows after the other readers, some of them in doubt (`7 767 810 -8 0` under
//! `Not 2018 2019 2018 2019`: note 7 then `767`, or `7 767` without a note?). **Out:** those rows
//! read the one way that makes the statement add up. In a resultaträkning or kassaflödesanalys a
//! result row (`Kassaflöde från den löpande verksamheten`, `Verksamhetens nettokostnader`) is
//! the sum of the rows directly above it, in every column: a reading is kept where some row
//! equals, column by column, the sum of the two or more rows right above it, and a row in doubt
//! is read so only where every reading of the rows that adds up agrees on it. A row placed
//! around empty cells (`dashes.rs`) counts 0 there.
//!
//! **Deliberately not done:** a table of one column, or a sum with fewer than two columns other
//! than 0 (a sum of so few figures can hold by chance); a row with more than a few readings; a
//! statement that writes costs without their minus sign (its sums are differences).

use std::collections::BTreeSet;

use super::numeral::Exact;
use super::rows::Row;
use super::split::{self, Grouping, Num};

/// Most readings of one row in doubt that are tried.
const MAX_READINGS: usize = 32;
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
    // Each row read decides more: go on until nothing changes.
    while let Some((row, nums)) = next_decided(text, body, width) {
        body[row].1 = Ok(nums);
    }
}

/// A row in doubt the sums decide, and its reading.
fn next_decided(text: &str, body: &Body, width: usize) -> Option<(usize, Vec<Num>)> {
    let options: Vec<Option<Vec<Vec<Num>>>> = body
        .iter()
        .map(|(r, got)| readings(text, r, got, width))
        .collect();
    let columns = |i: usize, k: usize| -> Option<Vec<i128>> {
        let nums = options[i].as_ref()?.get(k)?;
        cells(&body[i].0, nums, width)
    };
    for s in 2..body.len() {
        // The rows above `s` that can take part in a sum: back to the first that cannot be read.
        let Some(lo) = (0..=s).rev().take_while(|&i| options[i].is_some()).last() else {
            continue;
        };
        if s - lo < 2 {
            continue;
        }
        let doubtful: Vec<usize> = (lo..=s)
            .filter(|&i| options[i].as_ref().is_some_and(|o| o.len() > 1))
            .collect();
        let counts: Vec<usize> = doubtful
            .iter()
            .map(|&i| options[i].as_ref().map_or(1, Vec::len))
            .collect();
        let combinations = counts
            .iter()
            .try_fold(1usize, |acc, &c| acc.checked_mul(c))
            .filter(|&c| c <= MAX_COMBINATIONS && !doubtful.is_empty());
        let Some(combinations) = combinations else {
            continue;
        };
        // For each row in doubt, the readings some combination that adds up gives it.
        let mut agreed: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); doubtful.len()];
        for mut code in 0..combinations {
            let mut pick = vec![0; body.len()];
            for (j, &i) in doubtful.iter().enumerate() {
                pick[i] = code % counts[j];
                code /= counts[j];
            }
            let rows: Option<Vec<Vec<i128>>> = (lo..=s).map(|i| columns(i, pick[i])).collect();
            if rows.is_some_and(|rows| adds_up(&rows)) {
                for (j, &i) in doubtful.iter().enumerate() {
                    agreed[j].insert(pick[i]);
                }
            }
        }
        for (j, &i) in doubtful.iter().enumerate() {
            if let [one] = agreed[j].iter().copied().collect::<Vec<_>>()[..] {
                let nums = options[i].as_ref()?.get(one)?.clone();
                return Some((i, nums));
            }
        }
    }
    None
}

/// Whether the last row equals, in every column, the sum of two or more rows right above it,
/// with at least two columns not 0.
fn adds_up(rows: &[Vec<i128>]) -> bool {
    let Some((sum, above)) = rows.split_last() else {
        return false;
    };
    if sum.iter().filter(|&&v| v != 0).count() < 2 {
        return false;
    }
    let mut acc = vec![0i128; sum.len()];
    for (n, row) in above.iter().rev().enumerate() {
        for (a, v) in acc.iter_mut().zip(row) {
            *a = a.saturating_add(*v);
        }
        if n >= 1 && acc == *sum {
            return true;
        }
    }
    false
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
    let mut all = split::readings(text, &row.groups, width, Grouping::Strict);
    if row.doubt == Some(super::rows::Doubt::Note) {
        let mut noted = row.groups[1..].to_vec();
        if let Some(first) = noted.first_mut() {
            first.join = super::lines::Join::None;
            all.extend(split::readings(text, &noted, width, Grouping::Strict));
        }
    } else if row.doubt.is_some() {
        return None;
    }
    (2..=MAX_READINGS).contains(&all.len()).then_some(all)
}

/// A row's figures by column, 0 in an empty cell, scaled to [`SCALE`] decimals.
fn cells(row: &Row, nums: &[Num], width: usize) -> Option<Vec<i128>> {
    let mut out = vec![0i128; width];
    for (k, n) in nums.iter().enumerate() {
        let column = row.placed.get(k).copied().unwrap_or(k);
        *out.get_mut(column)? = scaled(n.value)?;
    }
    Some(out)
}

fn scaled(e: Exact) -> Option<i128> {
    e.mantissa
        .checked_mul(10i128.checked_pow(SCALE.checked_sub(e.decimals)?)?)
}
