//! Block re-pairing: OCR that read a table's label column and its value columns as separate
//! blocks, N label lines and then N value lines.
//!
//! **In:** classified lines. **Out:** one [`Shaped`] table per section (rows up to a `Summa` or
//! `Totalt` row) whose pairing is proven: a run of at least three label-only lines (no figures),
//! a header line stating the width by its years (`Bokslut 2023 Budget 2024`), then as many
//! value-only lines as there are rows, each read as exactly that many numbers, and every column
//! of the section's total row equal to the sum of the rows above it. Group headings the value
//! block visibly lacks (one line opening each section) are dropped only when that makes the
//! counts match. Where every cell of the block has exactly one decimal, a value line OCR ran
//! together (`8,88,28,28,59,2`) splits after each decimal's one digit: that split is unique.
//!
//! A section whose total does not check (a garbled line, `L2 LR 1212`) is still paired when
//! another section of the same block checks: the counts agree and the checked section proves
//! where the lines stand. Its lines that do not read as the width's numbers, or that hold a
//! figure without the decimal every other figure has (`3027` for `302,7`), are unresolved rows,
//! so its total is not claimed.
//!
//! Values OCR read column by column after a label block (`5194` ⏎ `5 960` … then the next
//! column), one number per line, continue the table above the block: each column is the window
//! of lines in which every section's total checks ([`columns`]).
//!
//! **Deliberately not done:** pairing blocks whose counts differ, a block none of whose sections
//! checks, or a block whose width no header (or, read by columns, no table above) states.

use super::lines::{Group, Join, Kind, Line};
use super::numeral;
use super::rows::Row;
use super::split::{self, Arithmetic, Grouping, Num};
use super::{Running, Shaped, TOTAL_LABEL, Tables, emit, names_no_money, unit};
use crate::offsets::CharIndex;
use crate::record::Table;

/// Fewest label lines that make a label block.
const MIN_LABELS: usize = 3;

/// The tables of every label block followed by its value block in `lines`.
pub(super) fn repair(text: &str, lines: &[Line<'_>]) -> Vec<Shaped> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_label(&lines[i]) {
            i += 1;
            continue;
        }
        let (labels, next) = take(lines, i, is_label);
        i = next.max(i + 1);
        if labels.len() < MIN_LABELS {
            continue;
        }
        let at = skip_blank(lines, next);
        let Some(headers) = lines.get(at).and_then(|l| year_headers(l.trimmed())) else {
            continue;
        };
        let (values, after) = take(lines, skip_blank(lines, at + 1), is_value);
        i = after.max(i);
        out.extend(pair(text, lines, &labels, &headers, &values));
    }
    out
}

/// The non-blank lines from `from` on that `keep` accepts (blank lines between allowed), and
/// the index of the first line that ends them.
fn take(lines: &[Line<'_>], from: usize, keep: fn(&Line<'_>) -> bool) -> (Vec<usize>, usize) {
    let mut got = Vec::new();
    let mut i = from;
    while i < lines.len() {
        match lines[i].kind {
            Kind::Blank => {}
            _ if keep(&lines[i]) => got.push(i),
            _ => break,
        }
        i += 1;
    }
    (got, i)
}

fn skip_blank(lines: &[Line<'_>], mut i: usize) -> usize {
    while lines.get(i).is_some_and(|l| l.kind == Kind::Blank) {
        i += 1;
    }
    i
}

/// A label-only line: short text with a word and no figures.
fn is_label(l: &Line<'_>) -> bool {
    l.kind == Kind::Text
        && !l.trimmed().contains(|c: char| c.is_ascii_digit())
        && l.trimmed().split_whitespace().any(|w| letters(w) >= 3)
}

/// A value-only line: figures, perhaps with letters OCR made of digits (`L2 LR 1212`), but no
/// word.
fn is_value(l: &Line<'_>) -> bool {
    let t = l.trimmed();
    t.contains(|c: char| c.is_ascii_digit()) && t.split_whitespace().all(|w| letters(w) < 3)
}

fn letters(w: &str) -> usize {
    w.chars().filter(|c| c.is_alphabetic()).count()
}

/// The column headers of a header line that names each column up to its year (`Bokslut 2023
/// Budget 2024 Plan 2026`); `None` unless it names at least two and ends in a year.
fn year_headers(t: &str) -> Option<Vec<String>> {
    let mut headers = Vec::new();
    let mut open: Vec<&str> = Vec::new();
    for w in t.split_whitespace() {
        open.push(w);
        if numeral::is_year(w) {
            if open.len() < 2 {
                return None; // a bare year: a row of years, read by the main reader
            }
            headers.push(open.join(" "));
            open.clear();
        }
    }
    (open.is_empty() && headers.len() >= 2).then_some(headers)
}

/// The checked sections of one label block paired with its value block.
fn pair(
    text: &str,
    lines: &[Line<'_>],
    labels: &[usize],
    headers: &[String],
    values: &[usize],
) -> Vec<Shaped> {
    // Caption lines (`(mnkr)`) open the label block: they are no rows.
    let lead = labels
        .iter()
        .take(3)
        .rposition(|&l| unit::is_caption(lines[l].trimmed()))
        .map_or(0, |k| k + 1);
    let (caption, labels) = labels.split_at(lead);
    let caption: Vec<&str> = caption.iter().map(|&l| lines[l].trimmed()).collect();
    let sections = sections(lines, labels);
    let Some(drop) = headings_to_drop(&sections, values.len()) else {
        return Vec::new();
    };
    let width = headers.len();
    let read: Vec<Option<Vec<Num>>> = values
        .iter()
        .map(|&v| typeset(text, &lines[v], width))
        .collect();
    let one_decimal = is_one_decimal(read.iter().flatten().flatten());
    let mut v = 0;
    let mut read_sections = Vec::new();
    for section in sections {
        let rows = &section[drop..];
        let vals = &values[v..v + rows.len()];
        let nums: Vec<Option<Vec<Num>>> = vals
            .iter()
            .zip(&read[v..v + rows.len()])
            .map(|(&l, r)| {
                r.clone().or_else(|| {
                    one_decimal
                        .then(|| run_together(&lines[l], width))
                        .flatten()
                })
            })
            .collect();
        v += rows.len();
        let checked = nums
            .iter()
            .cloned()
            .collect::<Option<Vec<_>>>()
            .is_some_and(|n| checks(&n, width));
        read_sections.push((section, rows, vals, nums, checked));
    }
    // A section whose total checks proves the pairing where it stands; with the counts equal,
    // it proves the sections around it too, whose garbled lines are then listed unresolved.
    if !read_sections.iter().any(|s| s.4) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (section, rows, vals, nums, checked) in read_sections {
        let body: Vec<Result<Vec<Num>, String>> = vals
            .iter()
            .zip(nums)
            .map(|(&l, n)| match n {
                Some(n) if checked || !one_decimal || n.iter().all(|x| x.value.decimals == 1) => {
                    Ok(n)
                }
                Some(_) => Err(format!(
                    "`{}` has a figure without the decimal every figure of its table has: \
                     OCR may have lost its comma",
                    lines[l].trimmed()
                )),
                None => Err(format!(
                    "`{}` cannot be read as {width} numbers",
                    lines[l].trimmed()
                )),
            })
            .collect();
        if !body.iter().any(Result::is_ok) {
            continue;
        }
        let mut text_caption = caption.join(" ");
        if drop == 1 {
            text_caption = [text_caption.as_str(), lines[section[0]].trimmed()]
                .join(" ")
                .trim()
                .to_string();
        }
        out.push(shaped(lines, rows, vals, body, headers, text_caption));
    }
    out
}

/// Whether the numbers read as typeset are a table of one-decimal figures: all but a few (a
/// comma OCR lost, `3027` for `302,7`) have exactly one decimal, none more.
fn is_one_decimal<'a>(nums: impl Iterator<Item = &'a Num>) -> bool {
    let (mut one, mut all) = (0usize, 0usize);
    for n in nums {
        if n.value.decimals > 1 {
            return false;
        }
        all += 1;
        one += usize::from(n.value.decimals == 1);
    }
    all > 0 && one * 10 >= all * 9
}

/// The label lines cut after each total row; empty unless the last section ends in one: rows
/// after the last total are checked by nothing, nor is the pairing.
fn sections<'a>(lines: &[Line<'_>], labels: &'a [usize]) -> Vec<&'a [usize]> {
    let mut out = sections_and_rest(lines, labels);
    if out
        .last()
        .is_some_and(|s| !TOTAL_LABEL.is_match(lines[s[s.len() - 1]].trimmed()))
    {
        out.clear();
    }
    out
}

/// How many heading lines open each section: none, or one in each, whichever makes the label
/// count equal the value count; `None` when neither does.
fn headings_to_drop(sections: &[&[usize]], values: usize) -> Option<usize> {
    let labels: usize = sections.iter().map(|s| s.len()).sum();
    if sections.is_empty() {
        None
    } else if labels == values {
        Some(0)
    } else if labels == values + sections.len() && sections.iter().all(|s| s.len() >= 3) {
        Some(1)
    } else {
        None
    }
}

/// A value line read as typeset into exactly `width` numbers.
fn typeset(text: &str, l: &Line<'_>, width: usize) -> Option<Vec<Num>> {
    if l.kind != Kind::Numbers {
        return None;
    }
    let groups: Vec<Group> = l.segments().iter().flat_map(|s| s.groups.clone()).collect();
    let arithmetic = Arithmetic::default();
    split::read(text, &groups, width, arithmetic, Grouping::Strict).ok()
}

/// A value line of one-decimal numbers OCR ran together (`8,88,28,28,59,2`): each comma is
/// followed by exactly one decimal, then the next number's integer part (one to three digits,
/// no leading zero) up to the next comma. `None` unless that reads exactly `width` numbers.
fn run_together(l: &Line<'_>, width: usize) -> Option<Vec<Num>> {
    let (t, b) = (l.text, l.text.as_bytes());
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b' ' {
            i += 1;
            continue;
        }
        let start = i;
        if b[i] == b'-' {
            i += 1;
        }
        let int = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let n = i - int;
        if n == 0 || n > 3 || (n > 1 && b[int] == b'0') {
            return None;
        }
        if b.get(i) != Some(&b',') || !b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        i += 2;
        out.push(Num {
            start: l.start + start,
            end: l.start + i,
            value: numeral::parse(&t[start..i])?,
            percent: false,
            year: false,
        });
    }
    (out.len() == width).then_some(out)
}

/// Whether every column of a section's last row is the sum of the rows above it.
fn checks(rows: &[Vec<Num>], width: usize) -> bool {
    rows.len() >= 2
        && (0..width).all(|c| {
            let column: Vec<Num> = rows.iter().map(|r| r[c]).collect();
            split::adds_up(&column, column.len() - 1)
        })
}

fn shaped(
    lines: &[Line<'_>],
    labels: &[usize],
    values: &[usize],
    body: Vec<Result<Vec<Num>, String>>,
    headers: &[String],
    caption: String,
) -> Shaped {
    let body = labels
        .iter()
        .zip(values)
        .zip(body)
        .map(|((&l, &v), n)| {
            let mut row = Row::read_elsewhere(lines[l].trimmed().to_string(), v);
            if n.is_err() {
                // An unresolved row points at its value line.
                let t = lines[v].trimmed();
                let start =
                    lines[v].start + (lines[v].text.len() - lines[v].text.trim_start().len());
                row.groups = vec![Group {
                    start,
                    digits: start,
                    end: start + t.len(),
                    join: Join::None,
                    percent: false,
                }];
            }
            (row, n)
        })
        .collect();
    let unit = unit::written(&caption);
    Shaped {
        first_line: labels[0],
        end_line: values[values.len() - 1] + 1,
        caption,
        label_header: String::new(),
        headers: headers.to_vec(),
        money: headers.iter().map(|h| !names_no_money(h)).collect(),
        body,
        unit,
    }
}

/// What [`emit_unless_read`] reads against: the lines, the char index, the running-text
/// amounts, the precise amounts, and how many of the cells found so far it must not overlap.
pub(super) type Context<'a, 'l> = (
    &'a [Line<'l>],
    &'a CharIndex<'l>,
    &'a Running,
    &'a [unit::Precise],
    usize,
);

/// A label block whose values OCR read column by column, one number per line (`Askersund` …
/// `TOTALT`, then `5194` ⏎ `5 960` … the first column, then the second), continuing the table
/// above it (`continued`: its headers and unit, and where it ends). Each column is a window of
/// as many lines as there are rows in which every section's total row equals the sum of the
/// rows above it, found left to right; lines outside every window (a column of another table
/// OCR placed here) are skipped. Read only when exactly as many windows as `continued` has
/// columns are found. A total row with no rows of its own above it in the block (`TOTALT`
/// after the last section) sums rows outside the block: it is unresolved.
pub(super) fn columns(text: &str, lines: &[Line<'_>], continued: &[(usize, Table)]) -> Vec<Shaped> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_label(&lines[i]) {
            i += 1;
            continue;
        }
        let (labels, next) = take(lines, i, is_label);
        i = next.max(i + 1);
        let Some((end, above)) = continued.iter().rev().find(|(end, _)| *end <= labels[0]) else {
            continue;
        };
        if lines[*end..labels[0]].iter().any(|l| l.kind == Kind::Prose) {
            continue; // prose between: the block does not continue that table
        }
        if labels.len() < MIN_LABELS {
            continue;
        }
        let (values, after) = take(lines, skip_blank(lines, next), |l| l.kind == Kind::Numbers);
        let nums: Option<Vec<Num>> = values.iter().map(|&v| single(text, &lines[v])).collect();
        let Some(nums) = nums else { continue };
        i = after.max(i);
        out.extend(pair_columns(lines, &labels, &values, &nums, above));
    }
    out
}

/// A value line read as one number, its group spaces kept or dropped (`5 960`, `27909`).
fn single(text: &str, l: &Line<'_>) -> Option<Num> {
    let groups: Vec<Group> = l.segments().iter().flat_map(|s| s.groups.clone()).collect();
    let arithmetic = Arithmetic::default();
    let one = |how| split::read(text, &groups, 1, arithmetic, how).ok();
    one(Grouping::Strict)
        .or_else(|| one(Grouping::Dropped))?
        .pop()
}

/// The table of a label block read column by column, when its windows are found (see
/// [`columns`]).
fn pair_columns(
    lines: &[Line<'_>],
    labels: &[usize],
    values: &[usize],
    nums: &[Num],
    above: &Table,
) -> Option<Shaped> {
    let width = above.headers.len();
    let all = sections_and_rest(lines, labels);
    // A heading opens the block when its sections are long enough to have one.
    let drop = usize::from(all.iter().all(|s| s.len() >= 3 || is_lone_total(lines, s)));
    for drop in [0, drop] {
        let rows: Vec<usize> = all
            .iter()
            .enumerate()
            .flat_map(|(k, s)| s[if k == 0 { drop } else { 0 }..].iter().copied())
            .collect();
        let n = rows.len();
        let mut windows = Vec::new();
        let mut at = 0;
        while at + n <= nums.len() && windows.len() < width {
            if window_checks(lines, &rows, &nums[at..at + n]) {
                windows.push(at);
                at += n;
            } else {
                at += 1;
            }
        }
        if windows.len() != width || width == 0 {
            continue;
        }
        let body = rows
            .iter()
            .enumerate()
            .map(|(r, &l)| {
                let mut row =
                    Row::read_elsewhere(lines[l].trimmed().to_string(), values[windows[0] + r]);
                let got: Vec<Num> = windows.iter().map(|&w| nums[w + r]).collect();
                let lone = is_lone_total(lines, &rows[..=r]) || lone_after_totals(lines, &rows, r);
                if lone {
                    // Its figures stand in different columns' lines: the first marks the row.
                    row.groups = vec![group_of(got[0].start, got[0].end)];
                    let why =
                        "a total with no rows of its own above it: it sums rows outside this block";
                    return (row, Err(why.to_string()));
                }
                (row, Ok(got))
            })
            .collect();
        let heading = (drop == 1).then(|| lines[labels[0]].trimmed().to_string());
        return Some(Shaped {
            first_line: labels[0],
            end_line: values[windows[width - 1] + n - 1] + 1,
            caption: heading.unwrap_or_default(),
            label_header: above.label_header.clone(),
            headers: above.headers.clone(),
            money: above.headers.iter().map(|h| !names_no_money(h)).collect(),
            body,
            unit: Some(above.unit.clone()),
        });
    }
    None
}

/// The label lines cut after each total row, the rows after the last total a section too.
fn sections_and_rest<'a>(lines: &[Line<'_>], labels: &'a [usize]) -> Vec<&'a [usize]> {
    let mut out = Vec::new();
    let mut from = 0;
    for (k, &l) in labels.iter().enumerate() {
        if TOTAL_LABEL.is_match(lines[l].trimmed()) {
            out.push(&labels[from..=k]);
            from = k + 1;
        }
    }
    if from != labels.len() {
        out.push(&labels[from..]);
    }
    out
}

fn is_total_line(lines: &[Line<'_>], l: usize) -> bool {
    TOTAL_LABEL.is_match(lines[l].trimmed())
}

/// A section that is one total row alone.
fn is_lone_total(lines: &[Line<'_>], s: &[usize]) -> bool {
    matches!(s, [l] if is_total_line(lines, *l))
}

/// Row `r` is a total row right after another total row: nothing of its own above it.
fn lone_after_totals(lines: &[Line<'_>], rows: &[usize], r: usize) -> bool {
    is_total_line(lines, rows[r]) && (r == 0 || is_total_line(lines, rows[r - 1]))
}

/// Whether `nums` (one per row) make a column in which every section's total row is the sum of
/// the rows above it in its section, and at least one section has such a total.
fn window_checks(lines: &[Line<'_>], rows: &[usize], nums: &[Num]) -> bool {
    let mut from = 0;
    let mut checked = 0;
    for (k, &l) in rows.iter().enumerate() {
        if !is_total_line(lines, l) {
            continue;
        }
        let column: Vec<Num> = nums[from..=k].to_vec();
        from = k + 1;
        if column.len() < 3 {
            continue; // a lone total, or a total of one row: proves nothing
        }
        if !split::adds_up(&column, column.len() - 1) {
            return false;
        }
        checked += 1;
    }
    checked > 0
}

fn group_of(start: usize, end: usize) -> Group {
    Group {
        start,
        digits: start,
        end,
        join: Join::None,
        percent: false,
    }
}

/// Emits a table re-paired from OCR's label and value blocks (`blocks.rs`), unless one of the
/// first `before` cells already read spans one of its lines.
pub(super) fn emit_unless_read(text: &str, ctx: Context<'_, '_>, shaped: Shaped, out: &mut Tables) {
    let (lines, idx, running, precise, before) = ctx;
    let (s, e) = (
        idx.char_offset(lines[shaped.first_line].start),
        idx.char_offset(lines[shaped.end_line - 1].end()),
    );
    if out.cells[..before].iter().any(|c| c.start < e && c.end > s) {
        return;
    }
    let found = shaped
        .unit
        .clone()
        .or_else(|| unit::infer(&shaped, unit::nearby(precise, s)));
    if let Some(unit) = found {
        emit(text, lines, idx, running, shaped, unit, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(text: &str) -> usize {
        repair(text, &super::super::lines::lines(text)).len()
    }

    const BLOCK: &str = "(mnkr)\n\nVerksamhet A\nVerksamhet B\nVerksamhet C\nSumma\n\n\
        Budget 2024 Plan 2025\n\n1,5 2,0\n3,03,5\n0,5 1,0\n5,0 6,5\n";

    #[test]
    fn label_and_value_blocks_pair_when_the_total_checks() {
        assert_eq!(tables(BLOCK), 1);
        let t = &repair(BLOCK, &super::super::lines::lines(BLOCK))[0];
        assert_eq!(t.body[1].0.label, "Verksamhet B");
        assert_eq!(t.body[1].1.as_ref().unwrap()[1].value.mantissa, 35);
    }

    /// Two sections (`Nämnd A`, `Nämnd B`, each opened by its heading), the second's value
    /// lines given.
    fn two_sections(second: &str) -> String {
        format!(
            "(mnkr)\n\nNämnd A\nVerksamhet A\nVerksamhet B\nSumma\nNämnd B\nVerksamhet C\n\
             Verksamhet D\nSumma\n\nBudget 2024 Plan 2025\n\n1,5 2,0\n3,0 3,5\n4,5 5,5\n{second}"
        )
    }

    /// Per table: (label, figures as written, or `None` when unresolved) of each row.
    fn rows_as_written(text: &str, tables: &[Shaped]) -> Vec<Vec<(String, Option<Vec<String>>)>> {
        tables
            .iter()
            .map(|t| {
                t.body
                    .iter()
                    .map(|(r, got)| {
                        let figures = got.as_ref().ok().map(|ns| {
                            ns.iter()
                                .map(|n| text[n.start..n.end].to_string())
                                .collect()
                        });
                        (r.label.clone(), figures)
                    })
                    .collect()
            })
            .collect()
    }

    /// Per section: (label, `Ok` figures as written or `Err`) of each row.
    fn read_rows(text: &str) -> Vec<Vec<(String, Option<Vec<String>>)>> {
        let lines = super::super::lines::lines(text);
        rows_as_written(text, &repair(text, &lines))
    }

    #[test]
    fn a_checked_section_vouches_for_the_garbled_one_beside_it() {
        // The second section's first line is garbled: its other rows pair all the same, the
        // garbled one unresolved.
        let got = read_rows(&two_sections("1O 2,0\n0,5 0,5\n1,5 2,5\n"));
        assert_eq!(got.len(), 2);
        assert_eq!(got[1][0], ("Verksamhet C".to_string(), None));
        assert_eq!(
            got[1][1],
            (
                "Verksamhet D".to_string(),
                Some(vec!["0,5".into(), "0,5".into()])
            )
        );
        // A figure that lost its decimal comma (`25` for `2,5`) is no figure of this table.
        let got = read_rows(&two_sections("1,0 2,0\n0,5 0,5\n1,5 25\n"));
        assert_eq!(got[1][2].1, None);
        // With no section that checks, nothing proves the pairing.
        let first_garbled =
            two_sections("1,0 2,0\n0,5 0,5\n1,5 2,6\n").replace("3,0 3,5", "3,O 3,5");
        assert!(read_rows(&first_garbled).is_empty());
    }

    /// A table of two columns above (ending on line 4), then a label block whose columns OCR
    /// read one after the other, with `stray` lines between the columns.
    fn by_columns(
        first: &str,
        stray: &str,
        between: &str,
    ) -> Vec<Vec<(String, Option<Vec<String>>)>> {
        let text = format!(
            "Kommun 2024 2025\nAabo 10 20\nBbro 30 40\nSumma 40 60\n{between}\nLän B\nCeby\n\
             Dala\nEnby\nSumma B\nTOTALT\n\n{first}{stray}4\n5\n6\n15\n75\n"
        );
        let unit = crate::record::TableUnit {
            text: "kronor".into(),
            kronor: 1,
            inferred: false,
        };
        let above = Table {
            start: 0,
            end: 0,
            caption: String::new(),
            unit,
            label_header: "Kommun".into(),
            headers: vec!["2024".into(), "2025".into()],
            rows: Vec::new(),
            unresolved: Vec::new(),
        };
        let lines = super::super::lines::lines(&text);
        rows_as_written(&text, &columns(&text, &lines, &[(4, above)]))
    }

    #[test]
    fn values_read_column_by_column_pair_where_each_columns_total_checks() {
        let first = "1\n2\n3\n6\n46\n";
        let got = by_columns(first, "\n99\n\n", "");
        assert_eq!(got.len(), 1);
        let t = &got[0];
        assert_eq!(
            t[0],
            ("Ceby".to_string(), Some(vec!["1".into(), "4".into()]))
        );
        assert_eq!(
            t[3],
            ("Summa B".to_string(), Some(vec!["6".into(), "15".into()]))
        );
        // The grand total sums the table above too: nothing here checks it.
        assert_eq!(t[4], ("TOTALT".to_string(), None));
        // A column whose total does not check is not found: one window for two columns.
        assert!(by_columns("1\n2\n3\n7\n46\n", "", "").is_empty());
        // Prose between the table above and the block: it does not continue that table.
        let prose = "Bidraget fördelas efter antalet invånare i varje kommun den 1 november året \
            före bidragsåret, enligt tabellen nedan och beslutet i nämnden.\n";
        assert!(by_columns(first, "", prose).is_empty());
    }

    #[test]
    fn blocks_are_left_alone_unless_counts_and_sums_agree() {
        // The total does not check: a line may be misplaced.
        assert_eq!(tables(&BLOCK.replace("5,0 6,5", "5,0 6,6")), 0);
        // One value line too few.
        assert_eq!(tables(&BLOCK.replace("0,5 1,0\n", "")), 0);
        // A run-together line that splits into three, not two.
        assert_eq!(tables(&BLOCK.replace("3,03,5", "3,03,50,1")), 0);
    }
}
