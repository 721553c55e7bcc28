//! Table cells: amounts laid out in rows and columns instead of sentences.
//!
//! **In:** the repaired text and the running-text amounts the other extractors already found.
//! **Out:** one [`Amount`] per numeric cell, with `cell: Some(Cell { table, row, column, total })`,
//! character offsets of the number only, and the value in kronor (öre-exact), in reading order.
//! `total` marks the cells of a `Totalt`/`Summa` row, which is what totals reconciliation checks.
//!
//! Two layouts are read:
//!
//! - *stacked*: PDF text exports run a row's label into its first value and put each further column
//!   on a line of its own (`Område 2 Funktion för koordinering420` ⏎ `430`). A row is a line that
//!   ends in a number followed by lines that are nothing but a number; every row of one table has
//!   the same number of values.
//! - *aligned*: one row per line, the label then the values, columns separated by a tab or by two
//!   or more spaces (a single space is also the Swedish thousands separator, so it cannot separate
//!   columns).
//!
//! A first row whose values are all years (`2017`, `2018`) is the header and names the columns;
//! otherwise a line directly above an aligned table with enough fields does; otherwise columns are
//! named by their index. Label-only lines inside a table are sub-headings and do not count as rows.
//!
//! **The unit** comes from the header label or a caption line directly above the table (`Mkr`,
//! `mnkr`, `(tkr)`, `miljoner kronor` …). Failing that, it is inferred by matching the table's
//! `Totalt`/`Summa` row against a precisely stated running-text amount: `1 444` under a table and
//! `1,44 miljarder kronor` in the text agree only if the table is in miljoner. **A table whose unit
//! cannot be established is skipped**: `150` could be kronor, tusen or miljoner (or not money at all),
//! and a wrong amount that looks exact is worse than none. Nothing is ever assumed to be kronor.
//!
//! **Deliberately not done:** running prose is never a table (a table needs at least two body rows
//! with the same number (≥ 2) of bare-number cells); single-column lists such as `Intäkter 14,7 Mkr`
//! are running-text amounts with their own unit and are left to the amount extractor; a number that
//! overlaps a running-text amount is not a cell; merged cells and multi-line headers are not read.

use std::sync::LazyLock;

use regex::Regex;

use crate::number::{self, NUMERAL, SIGN, units};
use crate::offsets::{CharIndex, SpanIndex};
use crate::record::{Amount, Cell, Money};

/// A whole line that is one number (a stacked cell): `1 444`, `-151,2`.
static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        ^ [\x20\t\u{{a0}}]*
        (?P<n> {SIGN}? {NUMERAL} )
        [\x20\t\u{{a0}}]* $"
    ))
    .expect("valid regex")
});

/// The number a line ends with, possibly run into the label (`koordinering420`, `Totalt1 444`:
/// [`NUMERAL`] tries grouped thousands first, so that is 1 444, not 444).
static TRAILING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?P<n> {NUMERAL} )
        [\x20\t\u{{a0}}]* $"
    ))
    .expect("valid regex")
});

/// Column separators of an aligned table: a tab, or two or more spaces.
static COLUMN_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \t [\x20\t\u{a0}]*          # a tab, with any padding
      | [\x20\u{a0}]{2,}            # or a run of spaces too long to be a thousands separator",
    )
    .expect("valid regex")
});

/// One field of an aligned row that is a bare number.
static FIELD_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{SIGN}?{NUMERAL}$")).expect("valid regex"));

/// A row label that makes the row a stated sum.
static TOTAL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        ^ [\x20\t\u{a0}]*
        (?: totalt | total | totalsumma | summa | s:a | sammanlagt | sammantaget )
        (?: \b | \d | $ )           # the value may be run into the label: `Totalt1 444`",
    )
    .expect("valid regex")
});

/// Units stated in a caption or header (`Belopp i tkr`, `(mnkr)`, `miljoner kronor`), from the unit
/// table in [`crate::number::units`], in any case.
static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?xi)
        (?: ^ | [^\p{{L}}] )
        (?P<unit> {} )
        (?: [^\p{{L}}] | $ )",
        units::caption_pattern()
    ))
    .expect("valid regex")
});

/// Finds table cells holding amounts in `text`.
///
/// `amounts` are the running-text amounts already found: they are used to infer a table's unit and
/// a number that overlaps one is never reported again as a cell. Returns the cells in reading order,
/// with character offsets of the number only.
pub(crate) fn cells(text: &str, amounts: &[Amount]) -> Vec<Amount> {
    let lines = split_lines(text);
    let shapes: Vec<Shape> = lines.iter().map(|l| shape(l)).collect();
    let idx = CharIndex::new(text);
    let running = SpanIndex::new(amounts.iter().map(|a| (a.start, a.end)));
    let precise = precise_amounts(amounts);
    let mut out = Vec::new();
    let mut table_no = 0;
    let mut i = 0;
    while i < lines.len() {
        let Some(table) = stacked_at(&shapes, i).or_else(|| aligned_at(&lines, &shapes, i)) else {
            i += 1;
            continue;
        };
        i = table.end_line.max(i + 1);
        let near = idx.char_offset(lines[table.first_line].start);
        let Some(unit) = unit_of(&table, &lines, text, nearby(&precise, near)) else {
            continue; // unitless: see the module docs for why such a table is skipped
        };
        let before = out.len();
        for (row_no, row) in table.body.iter().enumerate() {
            let row_start = out.len();
            let mut first_byte = None;
            for (col, num) in row.values.iter().enumerate() {
                let (start, end) = (idx.char_offset(num.start), idx.char_offset(num.end));
                if running.overlaps(start, end) {
                    continue;
                }
                let Some(value) = scale(num, unit) else {
                    continue;
                };
                first_byte.get_or_insert(num.start);
                out.push(Amount {
                    cell: Some(Cell {
                        table: table_no,
                        row: row_no,
                        column: table
                            .columns
                            .get(col)
                            .cloned()
                            .unwrap_or_else(|| col.to_string()),
                        total: false,
                    }),
                    ..Amount::new(value, "SEK", &text[num.start..num.end], start, end)
                });
            }
            if let Some(at) = first_byte {
                let total = is_total_row(text, at);
                for cell in out[row_start..].iter_mut().filter_map(|a| a.cell.as_mut()) {
                    cell.total = total;
                }
            }
        }
        if out.len() > before {
            table_no += 1;
        }
    }
    out.sort_by_key(|a| a.start);
    out
}

/// Whether a row whose first reported cell starts at byte `at` states a sum: the text before that
/// cell on its line is a [`TOTAL_LABEL`] (`Totalt1 444`, `Summa\t1 500`).
fn is_total_row(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    TOTAL_LABEL.is_match(&text[line_start..at])
}

/// One line of the text, by byte offsets.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    start: usize,
    text: &'a str,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split('\n') {
        out.push(Line {
            start,
            text: part.strip_suffix('\r').unwrap_or(part),
        });
        start += part.len() + 1;
    }
    out
}

/// A number in the text: byte span (absolute) and exact decimal value `mantissa / 10^decimals`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Num {
    start: usize,
    end: usize,
    mantissa: i128,
    decimals: u32,
}

impl Num {
    /// The number written as a year (a column header), if it is one.
    fn year(&self) -> Option<i128> {
        (self.decimals == 0 && (1900..=2100).contains(&self.mantissa)).then_some(self.mantissa)
    }
}

/// What a line can be in a table.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Blank,
    /// Nothing but a number: a stacked cell.
    Number(Num),
    /// A label ending in a number: the first cell of a stacked row (or a prose line).
    Labeled {
        label: (usize, usize),
        num: Num,
    },
    /// A label and two or more column-separated numbers.
    Aligned {
        label: (usize, usize),
        nums: Vec<Num>,
    },
    /// Short text without a number: a caption or a sub-heading.
    Label,
    Other,
}

fn shape(line: &Line<'_>) -> Shape {
    let t = line.text;
    if t.trim().is_empty() {
        return Shape::Blank;
    }
    if let Some(c) = BARE_NUMBER.captures(t) {
        let m = c.name("n").expect("group n");
        if let Some(num) = number(line, m.start(), m.end()) {
            return Shape::Number(num);
        }
    }
    if let Some(aligned) = aligned_shape(line) {
        return aligned;
    }
    if let Some(c) = TRAILING_NUMBER.captures(t) {
        let m = c.name("n").expect("group n");
        let label = &t[..m.start()];
        if has_letter(label) && label.chars().count() <= 160 {
            let mut start = m.start();
            // A minus sign is part of the number only when it stands apart from the label.
            let sign = label.chars().next_back();
            if sign.is_some_and(number::is_minus) {
                let before = label[..label.len() - sign.map_or(0, char::len_utf8)]
                    .chars()
                    .next_back();
                if before.is_none_or(char::is_whitespace) {
                    start -= sign.map_or(0, char::len_utf8);
                }
            }
            if let Some(num) = number(line, start, m.end()) {
                return Shape::Labeled {
                    label: (line.start, line.start + start),
                    num,
                };
            }
        }
        return Shape::Other;
    }
    if has_letter(t) && t.chars().count() <= 100 {
        return Shape::Label;
    }
    Shape::Other
}

fn aligned_shape(line: &Line<'_>) -> Option<Shape> {
    let t = line.text;
    let mut fields = Vec::new();
    let mut pos = 0;
    for gap in COLUMN_GAP.find_iter(t) {
        fields.push((pos, gap.start()));
        pos = gap.end();
    }
    fields.push((pos, t.len()));
    let fields: Vec<(usize, usize)> = fields
        .into_iter()
        .map(|(s, e)| trim_span(t, s, e))
        .filter(|(s, e)| s < e)
        .collect();
    // Values are the trailing run of number fields; everything before is the label.
    let first_value = fields
        .iter()
        .rposition(|&(s, e)| !FIELD_NUMBER.is_match(&t[s..e]))
        .map_or(0, |p| p + 1);
    let values = &fields[first_value..];
    if values.len() < 2 || first_value == 0 {
        return None;
    }
    let (ls, _) = fields[0];
    let (_, le) = fields[first_value - 1];
    if !has_letter(&t[ls..le]) {
        return None;
    }
    let nums: Option<Vec<Num>> = values.iter().map(|&(s, e)| number(line, s, e)).collect();
    Some(Shape::Aligned {
        label: (line.start + ls, line.start + le),
        nums: nums?,
    })
}

fn trim_span(t: &str, s: usize, e: usize) -> (usize, usize) {
    let piece = &t[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail >= piece.len() {
        return (s, s);
    }
    (s + lead, e - trail)
}

fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// Parses the number at `line.text[s..e]` (line-relative) into an absolute [`Num`].
fn number(line: &Line<'_>, s: usize, e: usize) -> Option<Num> {
    let d = number::parse(line.text.get(s..e)?)?;
    Some(Num {
        start: line.start + s,
        end: line.start + e,
        mantissa: d.mantissa,
        decimals: d.decimals,
    })
}

/// A table found in the text.
#[derive(Debug, Clone, PartialEq)]
struct Table {
    /// Column names, one per value.
    columns: Vec<String>,
    /// Body rows (the header excluded).
    body: Vec<Row>,
    /// The header row's label span (bytes), if there is a header row.
    header_label: Option<(usize, usize)>,
    /// First line of the table (the header, if any).
    first_line: usize,
    /// One past the last line.
    end_line: usize,
}

#[derive(Debug, Clone, PartialEq)]
struct Row {
    /// The label's byte span.
    label: (usize, usize),
    values: Vec<Num>,
}

/// A stacked table starting at line `i`.
fn stacked_at(shapes: &[Shape], i: usize) -> Option<Table> {
    let stacked_row = |j: usize| -> Option<(Row, usize)> {
        let Some(Shape::Labeled { label, num }) = shapes.get(j) else {
            return None;
        };
        let mut values = vec![*num];
        let mut k = j + 1;
        while let Some(Shape::Number(n)) = shapes.get(k) {
            values.push(*n);
            k += 1;
        }
        Some((
            Row {
                label: *label,
                values,
            },
            k,
        ))
    };
    let (first, mut j) = stacked_row(i)?;
    let width = first.values.len();
    if width < 2 {
        return None;
    }
    let mut rows = vec![first];
    loop {
        match stacked_row(j) {
            Some((row, next)) if row.values.len() == width => {
                rows.push(row);
                j = next;
            }
            // A sub-heading such as `Till nationellt arbete …` between rows.
            None if shapes.get(j) == Some(&Shape::Label)
                && stacked_row(j + 1).is_some_and(|(r, _)| r.values.len() == width) =>
            {
                j += 1;
            }
            _ => break,
        }
    }
    finish(rows, None, i, j)
}

/// An aligned table starting at line `i`.
fn aligned_at(lines: &[Line<'_>], shapes: &[Shape], i: usize) -> Option<Table> {
    let aligned_row = |j: usize| -> Option<Row> {
        match shapes.get(j) {
            Some(Shape::Aligned { label, nums }) => Some(Row {
                label: *label,
                values: nums.clone(),
            }),
            _ => None,
        }
    };
    let first = aligned_row(i)?;
    let width = first.values.len();
    let mut rows = vec![first];
    let mut j = i + 1;
    loop {
        match aligned_row(j) {
            Some(row) if row.values.len() == width => {
                rows.push(row);
                j += 1;
            }
            None if shapes.get(j) == Some(&Shape::Label)
                && aligned_row(j + 1).is_some_and(|r| r.values.len() == width) =>
            {
                j += 1;
            }
            _ => break,
        }
    }
    // A text header line directly above (`Område  2017  2018`, `Post  Budget  Utfall`).
    let header = i.checked_sub(1).and_then(|h| lines.get(h)).and_then(|h| {
        let names: Vec<&str> = COLUMN_GAP
            .split(h.text.trim())
            .filter(|f| !f.trim().is_empty())
            .collect();
        (names.len() >= width && names.len() <= width + 1).then(|| {
            names[names.len() - width..]
                .iter()
                .map(|s| s.trim().to_string())
                .collect()
        })
    });
    finish(rows, header, i, j)
}

/// Turns parsed rows into a table: picks the header, requires two body rows.
fn finish(
    mut rows: Vec<Row>,
    columns: Option<Vec<String>>,
    first_line: usize,
    end_line: usize,
) -> Option<Table> {
    let width = rows.first()?.values.len();
    let mut header_label = None;
    let columns = match columns {
        Some(c) => c,
        None if rows[0].values.iter().all(|n| n.year().is_some()) => {
            let header = rows.remove(0);
            header_label = Some(header.label);
            header
                .values
                .iter()
                .map(|n| n.year().unwrap_or_default().to_string())
                .collect()
        }
        None => (0..width).map(|c| c.to_string()).collect(),
    };
    // One row of numbers after a label line is as likely prose as a table.
    (rows.len() >= 2).then_some(Table {
        columns,
        body: rows,
        header_label,
        first_line,
        end_line,
    })
}

/// Kronor per unit of the table's numbers, or `None` when it cannot be established.
fn unit_of(table: &Table, lines: &[Line<'_>], text: &str, amounts: &[Precise]) -> Option<i128> {
    let mut caption = String::new();
    if let Some((s, e)) = table.header_label {
        caption.push_str(&text[s..e]);
        caption.push('\n');
    }
    // Caption lines directly above (no blank line in between), nearest first.
    for l in lines[..table.first_line].iter().rev().take(3) {
        if l.text.trim().is_empty() {
            break;
        }
        caption.push_str(l.text);
        caption.push('\n');
    }
    let mut stated = UNIT
        .captures_iter(&caption)
        .filter_map(|c| units::caption_unit_of(c.name("unit")?.as_str()));
    if let Some(first) = stated.next() {
        // Two different units in the caption: which applies to the cells is a guess; infer instead.
        if stated.all(|u| u == first) {
            return Some(first);
        }
    }
    infer_unit(table, text, amounts)
}

/// A running-text amount in kronor stated precisely enough to pin a table's unit down:
/// (character start, value in öre, tolerance in öre).
type Precise = (usize, i128, i128);

/// How far from a table (in characters) a running amount may stand and still speak of it: the
/// table's own section, not a document hundreds of pages away in a merged file.
const UNIT_EVIDENCE_RADIUS: usize = 20_000;

/// The running amounts that can pin a unit down, sorted by position, computed once per text.
fn precise_amounts(amounts: &[Amount]) -> Vec<Precise> {
    let mut out: Vec<Precise> = amounts
        .iter()
        .filter(|a| a.cell.is_none() && a.currency == "SEK")
        .filter_map(|a| {
            let value = a.value?;
            let v = i128::from(value.ore());
            let tol = i128::from(number::tolerance(&a.text, value).ore());
            // Only a figure given to about three significant digits pins a unit down: `en miljard`
            // (±50 %) would agree with a table in miljoner and with one in tusen alike.
            (tol * 100 <= v.abs()).then_some((a.start, v, tol))
        })
        .collect();
    out.sort_unstable();
    out
}

/// The precise amounts within [`UNIT_EVIDENCE_RADIUS`] of character `at`.
fn nearby(precise: &[Precise], at: usize) -> &[Precise] {
    let lo = precise.partition_point(|p| p.0 < at.saturating_sub(UNIT_EVIDENCE_RADIUS));
    let hi = precise.partition_point(|p| p.0 <= at.saturating_add(UNIT_EVIDENCE_RADIUS));
    &precise[lo..hi.max(lo)]
}

/// The one unit under which the table's stated total equals a precisely stated running amount.
fn infer_unit(table: &Table, text: &str, amounts: &[Precise]) -> Option<i128> {
    let totals: Vec<&Num> = table
        .body
        .iter()
        .filter(|r| TOTAL_LABEL.is_match(&text[r.label.0..r.label.1]))
        .flat_map(|r| r.values.iter())
        .collect();
    let mut found: Option<i128> = None;
    for &(_, v, tol_v) in amounts {
        for t in &totals {
            for unit in [1, 1_000, 1_000_000, 1_000_000_000] {
                let Some(ore) = scale_i128(t, unit) else {
                    continue;
                };
                let tol_t = unit * 100 / 10i128.checked_pow(t.decimals).unwrap_or(i128::MAX) / 2;
                if (ore - v).abs() <= tol_v + tol_t {
                    match found {
                        Some(u) if u != unit => return None, // two readings fit: do not guess
                        _ => found = Some(unit),
                    }
                }
            }
        }
    }
    found
}

/// The number in öre under `unit` kronor, when exact.
fn scale_i128(num: &Num, unit: i128) -> Option<i128> {
    let scaled = num.mantissa.checked_mul(unit)?.checked_mul(100)?;
    let div = 10i128.checked_pow(num.decimals)?;
    (scaled % div == 0).then_some(scaled / div)
}

fn scale(num: &Num, unit: i128) -> Option<Money> {
    i64::try_from(scale_i128(num, unit)?).ok().map(Money)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn running(text: &str, words: &str, kronor: i64) -> Amount {
        let b = text.find(words).expect("amount text in the test text");
        let idx = CharIndex::new(text);
        let (start, end) = (idx.char_offset(b), idx.char_offset(b + words.len()));
        Amount::new(Money::units(kronor), "SEK", words, start, end)
    }

    /// (column, row, kronor, the cell's text) of every cell.
    fn table(text: &str, amounts: &[Amount]) -> Vec<(String, usize, i64, String)> {
        let cells = cells(text, amounts);
        for c in &cells {
            let got: String = text.chars().skip(c.start).take(c.end - c.start).collect();
            assert_eq!(got, c.text, "offsets must slice the cell's text");
        }
        cells
            .into_iter()
            .map(|c| {
                let cell = c.cell.expect("a cell");
                (
                    cell.column,
                    cell.row,
                    c.value.expect("value").ore() / 100,
                    c.text,
                )
            })
            .collect()
    }

    #[track_caller]
    fn assert_cells(text: &str, amounts: &[Amount], want: &[(&str, usize, i64)]) {
        let got: Vec<(String, usize, i64)> = table(text, amounts)
            .into_iter()
            .map(|(c, r, v, _)| (c, r, v))
            .collect();
        let want: Vec<(String, usize, i64)> = want
            .iter()
            .map(|&(c, r, v)| (c.to_string(), r, v))
            .collect();
        assert_eq!(got, want);
    }

    #[track_caller]
    fn assert_no_cells(text: &str, amounts: &[Amount]) {
        assert_eq!(table(text, amounts), vec![]);
    }

    const STACKED: &str = "Fördelning av medel (mnkr)\nTill landsting/regioner2017\n2018\n\
        Område 2 Funktion för koordinering420\n430\n\
        Till nationellt arbete\n\
        Område 4 Elektroniskt informationsutbyteSKL, Inera, Försäkringskassan151,2\n141,4\n\
        Totalt1\u{a0}444\n1\u{a0}444\n";

    #[test]
    fn stacked_cells_run_into_labels_are_read() {
        assert_cells(
            STACKED,
            &[],
            &[
                ("2017", 0, 420_000_000),
                ("2018", 0, 430_000_000),
                ("2017", 1, 151_200_000),
                ("2018", 1, 141_400_000),
                ("2017", 2, 1_444_000_000),
                ("2018", 2, 1_444_000_000),
            ],
        );
        let got = table(STACKED, &[]);
        assert_eq!(got[4].3, "1\u{a0}444", "offsets cover the number only");
    }

    #[test]
    fn every_thousands_separator_groups_a_cell() {
        let want = table(STACKED, &[]);
        for sep in ["\u{2009}", "\u{202f}", " "] {
            let text = STACKED.replace('\u{a0}', sep);
            let got: Vec<_> = table(&text, &[]).into_iter().map(|c| c.2).collect();
            let want: Vec<_> = want.iter().map(|c| c.2).collect();
            assert_eq!(got, want, "{sep:?}");
        }
    }

    #[test]
    fn only_the_sum_row_is_total() {
        let total: Vec<bool> = cells(STACKED, &[])
            .iter()
            .map(|c| c.cell.as_ref().expect("a cell").total)
            .collect();
        assert_eq!(total, [false, false, false, false, true, true]);
    }

    #[test]
    fn unit_is_inferred_from_a_matching_running_total() {
        let text = STACKED.replace(" (mnkr)", "");
        let prose = format!("Regeringen satsar 1,44 miljarder kronor per år.\n\n{text}");
        let a = running(&prose, "1,44 miljarder kronor", 1_440_000_000);
        assert_eq!(table(&prose, std::slice::from_ref(&a)).len(), 6);
        assert_eq!(
            cells(&prose, &[a])[0].value,
            Some(Money::units(420_000_000))
        );
    }

    #[test]
    fn unitless_table_is_skipped_not_assumed_kronor() {
        let text = STACKED.replace(" (mnkr)", "");
        assert_no_cells(&text, &[]);
        // An imprecise figure (`en miljard`, ±50 %) cannot pin the unit down either.
        let prose = format!("Totalt en miljard kronor.\n\n{text}");
        let a = running(&prose, "en miljard kronor", 1_000_000_000);
        assert_no_cells(&prose, &[a]);
    }

    #[test]
    fn aligned_columns_are_read_with_their_header() {
        let text = "Belopp i tkr\nPost\t2019\t2020\nLöner\t1 200\t1 300\nLokaler  300  350\nSumma\t1 500\t1 650\n";
        assert_cells(
            text,
            &[],
            &[
                ("2019", 0, 1_200_000),
                ("2020", 0, 1_300_000),
                ("2019", 1, 300_000),
                ("2020", 1, 350_000),
                ("2019", 2, 1_500_000),
                ("2020", 2, 1_650_000),
            ],
        );
    }

    #[test]
    fn prose_is_not_a_table() {
        let text = "Under 2017 planerar regeringen att satsa 2018\n\nDet gäller 420 miljoner kronor\n\
                    Regeringen beslutade 2019 om 300 miljoner kronor.\n";
        assert_no_cells(text, &[]);
        // One stacked row alone is not enough.
        assert_no_cells("Belopp i Mkr\nKoordinering420\n430\n\nMer text.", &[]);
    }

    #[test]
    fn cells_never_repeat_running_amounts() {
        let text = "Belopp (Mkr)\nLöner  14,7 Mkr  15,0 Mkr\nHyror  2,0 Mkr  2,1 Mkr\n";
        // Not bare numbers: the amount extractor owns these.
        assert_no_cells(text, &[]);
        let text = "Belopp (Mkr)\nLöner  14,7  15,0\nHyror  2,0  2,1\n";
        let a = running(text, "14,7", 14_700_000);
        let got = table(text, &[a]);
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|c| c.3 != "14,7"));
    }

    #[test]
    fn never_panics_on_odd_lines() {
        for t in [
            "",
            "\n\n",
            "1\n2\n3",
            "a1\n\u{a0}\n-",
            "x–1\n2\nb-3\n4\nc5\n6",
            "Totalt\t\t1",
        ] {
            let _ = cells(t, &[]);
        }
    }
}
