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
///
/// A sign a space apart from its figure (`Idrottshallar -3 - 8 - -95 - -83 -`) is read both
/// ways, as the figure's sign and as an empty cell before an unsigned figure: in a row that
/// writes its empty cells as dashes the two look alike, and only the column count tells them
/// apart. Rows with more than [`MAX_DETACHED`] such signs are read as written.
pub(super) fn read(
    text: &str,
    row: &Row,
    width: usize,
    note: bool,
) -> Option<(Vec<Num>, Vec<usize>)> {
    let detached = detached_signs(text, row);
    let mut found = Vec::new();
    for subset in 0..1usize << detached.len() {
        let mut groups = row.groups.clone();
        let mut dashes = row.dashes.clone();
        for (bit, &k) in detached.iter().enumerate() {
            if subset & (1 << bit) != 0 {
                dashes.push(groups[k].start);
                groups[k].start = groups[k].digits;
            }
        }
        found.extend(readings(text, &groups, &dashes, width, note));
        if found.len() > 1 {
            return None;
        }
    }
    found.pop()
}

/// Most signs a space apart from their figures a row is read both ways for (each doubles the
/// readings tried).
const MAX_DETACHED: usize = 3;

/// The row's groups whose sign stands a space apart from the figure (`- 8`), when there are at
/// most [`MAX_DETACHED`]; none when there are more.
pub(super) fn detached_signs(text: &str, row: &Row) -> Vec<usize> {
    let detached: Vec<usize> = (0..row.groups.len())
        .filter(|&k| {
            let g = &row.groups[k];
            g.signed()
                && text
                    .get(g.start..g.digits)
                    .is_some_and(|s| s.contains(char::is_whitespace))
        })
        .collect();
    if detached.len() <= MAX_DETACHED {
        detached
    } else {
        Vec::new()
    }
}

/// The row's readings with these `groups` and `dashes`: its numbers and their columns.
fn readings(
    text: &str,
    groups: &[super::lines::Group],
    dashes: &[usize],
    width: usize,
    note: bool,
) -> Vec<(Vec<Num>, Vec<usize>)> {
    let Some(count) = width.checked_sub(dashes.len()).filter(|&k| k > 0) else {
        return Vec::new();
    };
    let mut noted = groups.get(1..).unwrap_or_default().to_vec();
    let may_note = note
        && groups.len() >= 2
        && header::is_note(text, &groups[0])
        && groups[1].join != Join::Group;
    let mut ways = vec![groups];
    if may_note {
        noted[0].join = Join::None;
        ways.push(&noted);
    }
    let mut all = Vec::new();
    for g in ways {
        all.extend(split::readings(text, g, count, Grouping::Strict));
    }
    all.into_iter()
        .map(|nums| {
            let mut at: Vec<(usize, bool)> = nums.iter().map(|n| (n.start, true)).collect();
            at.extend(dashes.iter().map(|&d| (d, false)));
            at.sort_unstable();
            let columns = at
                .iter()
                .enumerate()
                .filter(|(_, (_, number))| *number)
                .map(|(c, _)| c)
                .collect();
            (nums, columns)
        })
        .collect()
}
