//! Rows whose cells an export ran together under headers it ran together too
//! (`BokslutDelårsrapp jan-augAvvikelse` over `Servicenämnd673235`), cut by the row's own
//! arithmetic.
//!
//! **In:** the header names run together on the line nearest the rows and a row's figures as
//! written. **Out:** the one cut of the figures into one number per header that the headers'
//! arithmetic allows: a difference column (`Avvikelse`, `Förändring`, `Differens`) is the
//! column two to its left minus the one to its left, or the other way round, the same way in
//! every row of the table; a sum column (`Ny ram`, `Summa`, `Totalt`) is the sum of the columns
//! to its left (`Beslutad ram`, `Förändring`). A cell is an optional minus sign and digits
//! without a leading zero, so `10010` under a difference is `10 | 0 | 10` only.
//!
//! **Deliberately not done:** cutting a row when no header states arithmetic, when two cuts
//! satisfy it (`1111110` is `111 | 1 | 110` or `1 | 111 | 110`), or when the rows disagree about which way the
//! difference runs; such rows stay unresolved.

use std::sync::LazyLock;

use regex::Regex;

use super::rows::Row;
use super::split::Num;
use super::{SUM_HEADER, numeral};

/// A header naming one column minus another.
pub(super) static DIFFERENCE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?xi) ^ \s* (?: avvikelse | förändring | differens | diff\b )")
        .expect("valid regex")
});

/// Which way a difference column runs: bit 0, left minus right (`Bokslut − Prognos`); bit 1,
/// right minus left (`2020 − 2019`).
pub(super) type Direction = u8;

/// Byte ranges of the cells within a row's figures.
type Spans = Vec<(usize, usize)>;

/// The cut of a row's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cut {
    /// No header states arithmetic: the figures cannot be cut by it.
    NoRule,
    /// The byte ranges of the one cut within the figures, and the directions of the
    /// difference columns it holds for.
    One(Spans, Direction),
    /// No cut, or this many, satisfy the arithmetic.
    Not(usize),
}

/// The arithmetic the headers state, as `(column, rule)`.
enum Rule {
    Difference,
    Sum,
}

fn rules(headers: &[&str]) -> Vec<(usize, Rule)> {
    headers
        .iter()
        .enumerate()
        .filter_map(|(d, h)| {
            if d >= 2 && DIFFERENCE_HEADER.is_match(h) {
                Some((d, Rule::Difference))
            } else if d >= 1 && SUM_HEADER.is_match(h) {
                Some((d, Rule::Sum))
            } else {
                None
            }
        })
        .collect()
}

/// The value of one cell as written: an optional minus sign, then digits without a leading zero
/// (`0` itself is a cell; `-0` and `05` are not).
fn cell(s: &str) -> Option<i128> {
    let (neg, digits) = match s.strip_prefix(|c: char| numeral::is_sign(c)) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let plain = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    if !plain || digits.len() > 15 || (digits.starts_with('0') && (digits.len() > 1 || neg)) {
        return None;
    }
    let v: i128 = digits.parse().ok()?;
    Some(if neg { -v } else { v })
}

/// Cuts `figures` (digits and minus signs only, as an export ran them together) into one number
/// per header, where exactly one cut satisfies the headers' arithmetic.
pub(super) fn cut(figures: &str, headers: &[&str]) -> Cut {
    let rules = rules(headers);
    let k = headers.len();
    if rules.is_empty() || k < 2 {
        return Cut::NoRule;
    }
    // Cut only between characters; a run longer than any table row is left alone.
    let bounds: Vec<usize> = figures.char_indices().map(|(i, _)| i).skip(1).collect();
    if bounds.len() > 40 || bounds.len() + 1 < k {
        return Cut::Not(0);
    }
    let mut found: Vec<(Spans, Direction)> = Vec::new();
    let mut cuts: Vec<usize> = Vec::with_capacity(k - 1);
    each_cut(&bounds, 0, k - 1, &mut cuts, &mut |cuts| {
        let mut spans = Vec::with_capacity(k);
        let mut from = 0;
        for &c in cuts.iter().chain(std::iter::once(&figures.len())) {
            spans.push((from, c));
            from = c;
        }
        let Some(values) = spans
            .iter()
            .map(|&(s, e)| cell(&figures[s..e]))
            .collect::<Option<Vec<i128>>>()
        else {
            return;
        };
        let direction = holds(&rules, &values);
        if direction != 0 {
            found.push((spans, direction));
        }
    });
    match found.len() {
        1 => {
            let (spans, direction) = found.remove(0);
            Cut::One(spans, direction)
        }
        n => Cut::Not(n),
    }
}

/// Calls `f` with every choice of `left` cut positions from `bounds[from..]`, in order.
fn each_cut(
    bounds: &[usize],
    from: usize,
    left: usize,
    cuts: &mut Vec<usize>,
    f: &mut dyn FnMut(&[usize]),
) {
    if left == 0 {
        f(cuts);
        return;
    }
    for i in from..bounds.len() {
        if bounds.len() - i < left {
            break;
        }
        cuts.push(bounds[i]);
        each_cut(bounds, i + 1, left - 1, cuts, f);
        cuts.pop();
    }
}

/// The directions of the difference columns for which every rule holds on `values` (both bits
/// when no difference column is there); 0 when none does.
fn holds(rules: &[(usize, Rule)], values: &[i128]) -> Direction {
    let mut direction = 0b11;
    for (d, rule) in rules {
        let d = *d;
        match rule {
            Rule::Sum => {
                if values[..d].iter().sum::<i128>() != values[d] {
                    return 0;
                }
            }
            Rule::Difference => {
                let (a, b) = (values[d - 2], values[d - 1]);
                let mut here = 0;
                if a - b == values[d] {
                    here |= 0b01;
                }
                if b - a == values[d] {
                    here |= 0b10;
                }
                direction &= here;
            }
        }
    }
    direction
}

/// Reads the rows of `body` under the run-together `headers` that their arithmetic cuts one way,
/// the same way round in every row, when `named` (the headers are the table's own); every
/// other row it was given read is left unresolved, since its figure may be several cells.
/// Returns whether any row was cut.
pub(super) fn read(
    text: &str,
    body: &mut [(Row, Result<Vec<Num>, String>)],
    headers: &[&str],
    named: bool,
) -> bool {
    // Per row: where its figures start, and their one cut.
    let mut cuts: Vec<Option<(usize, Spans)>> = Vec::with_capacity(body.len());
    let mut direction: Direction = 0b11;
    for (r, got) in body.iter() {
        let span = r
            .groups
            .first()
            .zip(r.groups.last())
            .map(|(a, b)| (a.start, b.end));
        let one = match (got, span) {
            (Ok(_), Some((s, e))) if named => match cut(&text[s..e], headers) {
                Cut::One(spans, d) => {
                    direction &= d;
                    Some((s, spans))
                }
                _ => None,
            },
            _ => None,
        };
        cuts.push(one);
    }
    // Rows that disagree about which way a difference runs: no cut is trusted.
    let trusted = direction != 0;
    let mut any = false;
    for ((r, got), one) in body.iter_mut().zip(cuts) {
        if got.is_err() {
            continue;
        }
        let nums = one.filter(|_| trusted).and_then(|(at, spans)| {
            spans
                .iter()
                .map(|&(s, e)| {
                    let value = numeral::parse(&text[at + s..at + e])?;
                    Some(Num {
                        start: at + s,
                        end: at + e,
                        value,
                        percent: false,
                        year: false,
                    })
                })
                .collect::<Option<Vec<Num>>>()
        });
        match nums {
            Some(nums) => {
                r.placed = (0..nums.len()).collect();
                *got = Ok(nums);
                any = true;
            }
            None => {
                let written = r
                    .groups
                    .first()
                    .zip(r.groups.last())
                    .map_or("", |(a, b)| &text[a.start..b.end]);
                *got = Err(format!(
                    "`{written}` is fewer figures than the {} headers run together above it, \
                     and no one cut of it into their columns adds up: its cells may be run \
                     together too",
                    headers.len()
                ));
            }
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_cuts(figures: &str, headers: &[&str], want: &[&str]) {
        match cut(figures, headers) {
            Cut::One(spans, _) => {
                let got: Vec<&str> = spans.iter().map(|&(s, e)| &figures[s..e]).collect();
                assert_eq!(got, want, "{figures} under {headers:?}");
            }
            other => panic!("{figures} under {headers:?}: {other:?}"),
        }
    }

    #[track_caller]
    fn assert_uncut(figures: &str, headers: &[&str]) {
        let got = cut(figures, headers);
        assert!(
            !matches!(got, Cut::One(..)),
            "{figures} under {headers:?}: {got:?}"
        );
    }

    const DIFF: [&str; 3] = ["Utfall", "Budget", "Avvikelse"];

    #[test]
    fn a_difference_column_decides_the_one_cut() {
        for (figures, want) in [
            ("835", vec!["8", "3", "5"]),
            ("1569", vec!["15", "6", "9"]),
            ("201010", vec!["20", "10", "10"]),
            ("707", vec!["7", "0", "7"]),
            ("-9-8-1", vec!["-9", "-8", "-1"]),
            ("0-77", vec!["0", "-7", "7"]),
            ("412300112", vec!["412", "300", "112"]),
        ] {
            assert_cuts(figures, &DIFF, &want);
        }
        // The other way round (`2019`, `2020`, `Förändring`: later minus earlier).
        assert_cuts("48524", &["2019", "2020", "Förändring"], &["48", "52", "4"]);
        // A sum column: `Ny ram` is `Beslutad ram` plus `Förändring`.
        assert_cuts(
            "9841040025000098660400",
            &["Beslutad ram", "Förändring", "Ny ram"],
            &["98410400", "250000", "98660400"],
        );
    }

    #[test]
    fn rows_no_arithmetic_or_several_cuts_decide_are_not_cut() {
        // No header states arithmetic.
        assert_uncut("8351", &["Utfall", "Budget", "Prognos"]);
        // No cut adds up.
        assert_uncut("8352", &DIFF);
        // Two cuts add up: `111 | 1 | 110` and `1 | 111 | 110`.
        assert_uncut("1111110", &DIFF);
        assert!(matches!(cut("110", &DIFF), Cut::One(..)));
        // Not figures: a decimal comma or a space is no run-together row this cuts.
        assert_uncut("8,351", &DIFF);
        assert_uncut("8 35 1", &DIFF);
        // A difference column needs two columns to its left.
        assert_uncut("83", &["Utfall", "Avvikelse"]);
    }
}
