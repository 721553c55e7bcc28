//! Rows that check themselves: a last figure that is the sum of the figures before it (a
//! `Totalt` column), read where OCR garbled the header and dropped group spaces, so that no width
//! is stated and no row reads one way as typeset.
//!
//! **In:** the classified lines. **Out:** one [`Shaped`] table per width of such rows in a block
//! of table lines, each row read the one way its last figure is the sum of the others:
//! `01-05 1414 7037 7 568 6813 6284 8727 6 065 5923 49 831` is nine figures, `7 568` and
//! `6 065` one each (with their group spaces kept) and `1414`, `7037` one each (with theirs
//! dropped), because only so is `49 831` the sum of the eight before it. A wrong split moves a
//! group of three digits between figures and breaks the sum, and a digit OCR misread breaks every
//! reading's sum: such a row is not read here. The columns are numbered as the row's figures
//! come; the headers are left empty (OCR garbled them), and the unit is the one a short caption
//! line above the rows states, else the one inferred as for any table.
//!
//! **Deliberately not done:** rows of fewer than three parts (`1 2 3` sums by chance), figures
//! with decimals (rounding lets more readings add up), percentages, rows with an empty cell
//! written `-`, a block holding only one such row (as likely a sentence's figures as a table),
//! and rows that read more than one way adding up.

use super::lines::{self, Group, Kind, Line};
use super::rows::Row;
use super::split::{self, Grouping, Num};
use super::{Shaped, unit};

/// Fewest figures of a row read here: three parts and their sum.
const MIN_FIGURES: usize = 4;
/// Most non-blank lines above a block's first row looked at for the line stating its unit.
const HEAD_LINES: usize = 4;
/// Most words of a line stating the unit (`Miljoner kr, löpande priser`): a longer one is prose.
const UNIT_LINE_WORDS: usize = 6;

/// The tables of rows whose last figure is the sum of the others.
pub(super) fn tables(text: &str, lines: &[Line<'_>]) -> Vec<Shaped> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // A block: lines that can belong to a table, up to prose or a page break. A row OCR
        // garbled (`10-37 90622 90481 = 57,631 = 66765 …`) is no prose, though not a row either.
        let mut end = i;
        while end < lines.len() && !is_prose(&lines[end]) && (end == i || !lines[end].page_break) {
            end += 1;
        }
        out.extend(block(text, lines, i, end));
        i = end.max(i + 1);
    }
    out
}

/// Words of letters that make a line the lines classify as prose a sentence: fewer are a row's
/// figures garbled by OCR among stray marks.
const PROSE_WORDS: usize = 4;

/// Whether `l` is prose that parts two blocks of table lines.
fn is_prose(l: &Line<'_>) -> bool {
    l.kind == Kind::Prose
        && l.text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
            >= PROSE_WORDS
}

/// The tables of the sum rows in lines `from..to`, one per width, when the block holds two or
/// more.
fn block(text: &str, lines: &[Line<'_>], from: usize, to: usize) -> Vec<Shaped> {
    let rows: Vec<(usize, String, Vec<Num>)> = (from..to)
        .filter_map(|k| {
            let (label, nums) = summed(text, &lines[k])?;
            Some((k, label, nums))
        })
        .collect();
    if rows.len() < 2 {
        return Vec::new();
    }
    let first = rows[0].0;
    let found = unit_above(lines, first);
    let mut widths: Vec<usize> = rows.iter().map(|(_, _, n)| n.len()).collect();
    widths.sort_unstable();
    widths.dedup();
    widths
        .into_iter()
        .map(|w| {
            let mine: Vec<&(usize, String, Vec<Num>)> =
                rows.iter().filter(|(_, _, n)| n.len() == w).collect();
            let (top, bottom) = (mine[0].0, mine[mine.len() - 1].0);
            // Every other line of figures among the rows is listed unresolved: the record says
            // what was not read, and a `Totalt` row under it is no checked sum of the rows read.
            let body = (top..=bottom)
                .filter_map(|k| match mine.iter().find(|(at, _, _)| *at == k) {
                    Some((_, label, nums)) => {
                        Some((Row::read_elsewhere(label.clone(), k), Ok(nums.clone())))
                    }
                    None => unread(&lines[k], k),
                })
                .collect();
            Shaped {
                first_line: top,
                end_line: bottom + 1,
                caption: String::new(),
                label_header: String::new(),
                headers: vec![String::new(); w],
                money: vec![true; w],
                body,
                unit: found.clone(),
            }
        })
        .collect()
}

/// Line `l` (index `k`) as an unresolved row, when it holds figures.
fn unread(l: &Line<'_>, k: usize) -> Option<(Row, Result<Vec<Num>, String>)> {
    if matches!(l.kind, Kind::Blank | Kind::Text) {
        return None;
    }
    let (label_end, mut groups) = lines::trailing_groups(l.text.trim_end());
    if groups.is_empty() {
        return None;
    }
    for g in &mut groups {
        g.start += l.start;
        g.digits += l.start;
        g.end += l.start;
    }
    let mut row = Row::read_elsewhere(l.text[..label_end].trim().to_string(), k);
    row.groups = groups;
    let why =
        "its figures read no one way in which the last is the sum of the others at this width";
    Some((row, Err(why.to_string())))
}

/// The unit the nearest short line above the first row states (`Miljoner kr, löpande priser`),
/// among the few lines above it, past a header OCR ran into one long line, up to a sentence's
/// end.
fn unit_above(lines: &[Line<'_>], first: usize) -> Option<crate::record::TableUnit> {
    lines[..first]
        .iter()
        .rev()
        .filter(|l| l.kind != Kind::Blank)
        .take(HEAD_LINES)
        .take_while(|l| !l.trimmed().ends_with('.'))
        .filter(|l| l.trimmed().split_whitespace().count() <= UNIT_LINE_WORDS)
        .find_map(|l| unit::written(l.trimmed()))
}

/// The row on line `l`, as (label, figures), when its figures read exactly one way, with group
/// spaces kept or dropped, in which the last is the sum of the others.
fn summed(text: &str, l: &Line<'_>) -> Option<(String, Vec<Num>)> {
    if matches!(l.kind, Kind::Blank | Kind::Text) || l.unit().is_some() || !l.dashes().is_empty() {
        return None;
    }
    // Cut again: a line opening with a code (`01-05 1414 …`) is classified as prose.
    let (_, mut groups) = lines::trailing_groups(l.text.trim_end());
    for g in &mut groups {
        g.start += l.start;
        g.digits += l.start;
        g.end += l.start;
    }
    // A code run into its figures (`01-05`, `6U-64`: `-05` reads as a signed group) is the
    // label; so is any group run into the text before it.
    let run_in = |g: &Group| {
        text[l.start..g.start]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
    };
    let own = groups.iter().take_while(|g| run_in(g)).count();
    groups.drain(..own);
    let label = text[l.start..groups.first()?.start].trim();
    if label.is_empty() {
        return None;
    }
    let plain = |g: &Group| !g.percent && text[g.digits..g.end].bytes().all(|b| b.is_ascii_digit());
    if groups.len() < MIN_FIGURES || !groups.iter().all(plain) {
        return None;
    }
    let mut found: Option<Vec<Num>> = None;
    for width in MIN_FIGURES..=groups.len() {
        let all = split::readings(text, &groups, width, Grouping::Dropped);
        if all.len() >= split::MAX_READINGS {
            return None; // too many readings to be sure only one adds up
        }
        for nums in all {
            let parts = &nums[..width - 1];
            let nonzero = parts.iter().filter(|n| n.value.mantissa != 0).count();
            if nonzero < 2 || !split::adds_up(&nums, width - 1) {
                continue;
            }
            if found.is_some() {
                return None; // two readings add up: no guess
            }
            found = Some(nums);
        }
    }
    Some((label.to_string(), found?))
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    /// A row read: its label and its figures as written.
    type ReadRow = (String, Vec<String>);

    /// Per table: each row read, and the unit in kronor.
    fn read(text: &str) -> Vec<(Vec<ReadRow>, Option<i64>)> {
        tables(text, &lines(text))
            .into_iter()
            .map(|t| {
                let rows = t
                    .body
                    .iter()
                    .filter_map(|(r, got)| {
                        let nums = got.as_ref().ok()?;
                        let figures = nums.iter().map(|n| text[n.start..n.end].to_string());
                        Some((r.label.clone(), figures.collect()))
                    })
                    .collect();
                (rows, t.unit.map(|u| u.kronor))
            })
            .collect()
    }

    #[track_caller]
    fn assert_rows(text: &str, want: &[(&str, &[&str])]) {
        let got = read(text);
        let want: Vec<(String, Vec<String>)> = want
            .iter()
            .map(|(l, f)| (l.to_string(), f.iter().map(|s| s.to_string()).collect()))
            .collect();
        let rows: Vec<(String, Vec<String>)> = got.into_iter().flat_map(|(r, _)| r).collect();
        assert_eq!(rows, want, "{text}");
    }

    const HEAD: &str = "Miljoner kr, löpande priser\nSNI02 Stockholm Syd- Väst- Norra Totalt\n\n";

    #[test]
    fn a_row_whose_last_figure_sums_the_others_reads_the_one_way_it_does() {
        let text = format!(
            "{HEAD}01-05 1414 7037 7 568 6813 22 832\n40-41 9956 13701 8344 10 378 42379\n"
        );
        assert_rows(
            &text,
            &[
                ("01-05", &["1414", "7037", "7 568", "6813", "22 832"][..]),
                ("40-41", &["9956", "13701", "8344", "10 378", "42379"][..]),
            ],
        );
        assert_eq!(read(&text)[0].1, Some(1_000_000));
        // A code run into the figures is the label, and a garbled row between is listed
        // unresolved, not read.
        let text = format!(
            "{HEAD}01-05 1414 7037 7 568 6813 22 832\n10-37 90622 = 57,631 = 66765\n40-41 9956 13701 8344 10 378 42379\n"
        );
        assert_rows(
            &text,
            &[
                ("01-05", &["1414", "7037", "7 568", "6813", "22 832"][..]),
                ("40-41", &["9956", "13701", "8344", "10 378", "42379"][..]),
            ],
        );
        let t = tables(&text, &lines(&text));
        assert_eq!(t[0].body.iter().filter(|(_, r)| r.is_err()).count(), 1);
    }

    #[test]
    fn rows_that_do_not_add_up_one_way_are_left_alone() {
        let firm = "40-41 9956 13701 8344 10 378 42379\n";
        for row in [
            // A digit misread: no reading adds up.
            "01-05 1414 7037 7 568 6813 22 833\n",
            // Two parts and their sum: too easily a chance.
            "01-05 1414 7037 8451\n",
            // Decimals: rounding lets more readings add up.
            "01-05 1,5 2,5 3,0 7,0\n",
            // An empty cell written `-`.
            "01-05 1414 - 7 568 6813 15 795\n",
        ] {
            let text = format!("{HEAD}{row}{firm}");
            assert_rows(&text, &[]);
        }
        // One such row alone in its block is no table.
        assert_rows(&format!("{HEAD}{firm}"), &[]);
        // Prose between two rows parts their blocks.
        let text = format!(
            "{HEAD}01-05 1414 7037 7 568 6813 22 832\nDetta är en mening som löper på i flera ord och är därför prosa, inte en del av en tabell alls, som man kan se här när man läser den från början till slut.\n{firm}"
        );
        assert_rows(&text, &[]);
    }
}
