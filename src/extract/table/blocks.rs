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
//! **Deliberately not done:** pairing blocks whose counts differ, a block none of whose sections
//! checks, or a block whose width no header states; values read column by column (`5194` ⏎
//! `5 960` … then the next column) are left alone.

use super::lines::{Group, Join, Kind, Line};
use super::numeral;
use super::rows::Row;
use super::split::{self, Arithmetic, Grouping, Num};
use super::{NOT_MONEY_HEADER, Running, Shaped, TOTAL_LABEL, Tables, emit, unit};
use crate::offsets::CharIndex;

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

/// The label lines cut after each total row; `None` … the last section must end in one.
fn sections<'a>(lines: &[Line<'_>], labels: &'a [usize]) -> Vec<&'a [usize]> {
    let mut out = Vec::new();
    let mut from = 0;
    for (k, &l) in labels.iter().enumerate() {
        if TOTAL_LABEL.is_match(lines[l].trimmed()) {
            out.push(&labels[from..=k]);
            from = k + 1;
        }
    }
    if from != labels.len() {
        out.clear(); // rows after the last total: nothing checks them, nor the pairing
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
    let groups: Vec<Group> = l.segments.iter().flat_map(|s| s.groups.clone()).collect();
    let arithmetic = Arithmetic { sum_column: None };
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
        money: headers
            .iter()
            .map(|h| !NOT_MONEY_HEADER.is_match(h))
            .collect(),
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

    /// Per section: (label, `Ok` figures as written or `Err`) of each row.
    fn read_rows(text: &str) -> Vec<Vec<(String, Option<Vec<String>>)>> {
        let lines = super::super::lines::lines(text);
        repair(text, &lines)
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
