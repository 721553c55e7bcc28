//! Rows that write an empty cell as a lone dash (`Leasing 4 -361 -378 - -`).
//!
//! **In:** a row's digit groups and its dashes (`rows.rs`), the table's number of columns, and
//! whether a note column stands before them. **Out:** the row's numbers and the column of each,
//! when exactly one reading fits. A dash is a cell of its own and a column gap, so no number
//! spans one, and the numbers and dashes together fill the columns in order: `-249 36 - -154`
//! under four columns is `-249 | 36 | (empty) | -154`. Under a note column the first group may
//! be the note (`Leasing 4 -361 -378 - -`: note 4), read so only where the row does not also
//! read without one. A dash before the first number is a cell only where column gaps set it
//! apart from the label and the number (`lines.rs`). **Deliberately not done:** a dash a single
//! space from them (it may be a minus sign or part of the label), and guessing between readings:
//! two or more leave the row unresolved.

use super::header;
use super::lines::Join;
use super::rows::Row;
use super::split::{self, Grouping, Num};

/// The row's numbers and their columns, when exactly one reading places its numbers and dashes
/// into `width` columns; `note`: a note column stands before the money columns.
pub(super) fn read(
    text: &str,
    row: &Row,
    width: usize,
    note: bool,
) -> Option<(Vec<Num>, Vec<usize>)> {
    let count = width.checked_sub(row.dashes.len()).filter(|&k| k > 0)?;
    let mut noted = row.groups.get(1..).unwrap_or_default().to_vec();
    let may_note = note
        && row.groups.len() >= 2
        && header::is_note(text, &row.groups[0])
        && row.groups[1].join != Join::Group;
    let mut ways = vec![row.groups.as_slice()];
    if may_note {
        noted[0].join = Join::None;
        ways.push(&noted);
    }
    let mut all = Vec::new();
    for g in ways {
        all.extend(split::readings(text, g, count, Grouping::Strict));
    }
    let [nums] = <[Vec<Num>; 1]>::try_from(all).ok()?;
    let mut at: Vec<(usize, bool)> = nums.iter().map(|n| (n.start, true)).collect();
    at.extend(row.dashes.iter().map(|&d| (d, false)));
    at.sort_unstable();
    let columns = at
        .iter()
        .enumerate()
        .filter(|(_, (_, number))| *number)
        .map(|(c, _)| c)
        .collect();
    Some((nums, columns))
}
