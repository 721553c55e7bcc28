//! Payment plans: one row per payment date, the ISO date run into its amount, as
//! regleringsbrev's `Utbetalningsplan` tables come out of PDF-to-text (`2008-01-254 473` is the
//! 25 January payment of 4 473), closed by a `Summa` row and a unit line above or below.
//!
//! **In:** the classified lines. **Out:** one [`Shaped`] table per run of two or more date rows,
//! the date each row's label and the amount its one cell, with the `Summa`/`Totalt` row right
//! after them as the table's total row (checked by `crate::validate` against the rows above).
//!
//! A full ISO date (`YYYY-MM-DD`) has exactly two digits of day, so the amount starts right after
//! them; the date must be a real one (`2008-02-304 473` is no 30 February, and is not re-read as
//! some other day) and the rest one number grouped as typeset (`4 473`, `96`, not `0473`).
//! The unit is the header's or caption's, else the footer line's under the table (`Belopp
//! angivna i tkr`); without one the table is left to unit inference like any other.
//!
//! **Deliberately not done:** dates written otherwise (`25 jan`, `2008-1-25`), where the day's
//! digits cannot be told from the amount's, and rows of more than one amount.

use std::sync::LazyLock;

use regex::Regex;

use crate::record::IsoDate;

use super::lines::{Kind, Line};
use super::rows::Row;
use super::split::Num;
use super::{Shaped, TOTAL_LABEL, numeral, unit};

/// A line opening with an ISO date, the rest one amount: the date, then the amount's text.
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ \s*
        (?P<date> (?P<y> (?:19|20) [0-9]{2} ) - (?P<m> [0-9]{2} ) - (?P<d> [0-9]{2} ) )
        [\x20\t\u{a0}]*
        (?P<amount> .+? ) \s* $",
    )
    .expect("valid regex")
});

/// One number grouped as typeset: a first group of one to three digits (no leading zero unless
/// it is the only digit), then groups of exactly three, an optional decimal comma.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ (?: 0 | [1-9] [0-9]{0,2} (?: [\x20\u{a0}\u{2009}\u{202f}] [0-9]{3} )* )
        (?: , [0-9]+ )? $",
    )
    .expect("valid regex")
});

/// Most text lines above the first row looked at for its header and caption.
const HEAD_LINES: usize = 2;

/// The row `l` holds, as (label, number), when it is a dated row of a payment plan.
fn dated(l: &Line<'_>) -> Option<(String, Num)> {
    let c = DATED.captures(l.text)?;
    // A date that is no day of the calendar (`2011-02-30`) makes no row of a plan.
    IsoDate::new(
        c["y"].parse().ok()?,
        c["m"].parse().ok()?,
        c["d"].parse().ok()?,
    )?;
    let a = c.name("amount")?;
    Some((c["date"].to_string(), number(l, a.start(), a.as_str())?))
}

/// The total row `l` holds (`Summa53 670`, `Totalt 1 150`), as (label, number).
fn total(l: &Line<'_>) -> Option<(String, Num)> {
    let t = l.text.trim_end();
    let at = t.find(|c: char| c.is_ascii_digit())?;
    let label = t[..at].trim();
    if !TOTAL_LABEL.is_match(label) || label.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((label.to_string(), number(l, at, &t[at..])?))
}

/// The number `s` written at byte `at` of line `l`, when grouped as typeset.
fn number(l: &Line<'_>, at: usize, s: &str) -> Option<Num> {
    if !AMOUNT.is_match(s) {
        return None;
    }
    Some(Num {
        start: l.start + at,
        end: l.start + at + s.len(),
        value: numeral::parse(s)?,
        percent: false,
        year: false,
    })
}

/// The payment plans of `lines`.
pub(super) fn tables(lines: &[Line<'_>]) -> Vec<Shaped> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match table_at(lines, i) {
            Some(t) => {
                i = t.end_line;
                out.push(t);
            }
            None => i += 1,
        }
    }
    out
}

/// The plan whose first date row is line `first`, when at least two date rows follow on.
fn table_at(lines: &[Line<'_>], first: usize) -> Option<Shaped> {
    dated(&lines[first])?;
    let mut body = Vec::new();
    let mut end = first;
    let mut i = first;
    while let Some(l) = lines.get(i) {
        if l.kind == Kind::Blank {
            i += 1;
            continue;
        }
        let Some((label, n)) = dated(l) else { break };
        body.push((Row::read_elsewhere(label, i), Ok(vec![n])));
        i += 1;
        end = i;
    }
    if body.len() < 2 {
        return None;
    }
    if let Some(k) = (end..lines.len()).find(|&k| lines[k].kind != Kind::Blank)
        && let Some((label, n)) = total(&lines[k])
    {
        body.push((Row::read_elsewhere(label, k), Ok(vec![n])));
        end = k + 1;
    }
    // The header and caption: the short text lines right above the first row.
    let head: Vec<&str> = lines[..first]
        .iter()
        .rev()
        .filter(|l| l.kind != Kind::Blank)
        .take(HEAD_LINES)
        .take_while(|l| l.kind == Kind::Text)
        .map(Line::trimmed)
        .collect();
    let header = head.first().copied().unwrap_or("");
    let caption = head.get(1).copied().unwrap_or("");
    let (label_header, column) = split_header(header);
    let found = unit::written(header)
        .or_else(|| unit::written(caption))
        .or_else(|| unit::below(lines, end));
    Some(Shaped {
        first_line: first - head.len().min(first),
        end_line: end,
        caption: caption.to_string(),
        label_header: label_header.to_string(),
        headers: vec![column.to_string()],
        money: vec![true],
        body,
        unit: found,
    })
}

/// A header line of two names, perhaps run together (`UtbetalningsdatumBelopp`, `Datum
/// Belopp`): the date column's and the amount column's. Anything else heads the amount column.
fn split_header(h: &str) -> (&str, &str) {
    let mut cuts = h
        .char_indices()
        .zip(h.chars().skip(1))
        .filter(|&((_, a), b)| a.is_lowercase() && b.is_uppercase())
        .map(|((i, a), _)| i + a.len_utf8());
    let spaced = h.split_whitespace().count() == 2;
    match (cuts.next(), cuts.next()) {
        (Some(at), None) if !h.contains(' ') => (&h[..at], &h[at..]),
        (None, None) if spaced => h.split_once(' ').map_or(("", h), |(a, b)| (a, b.trim())),
        _ => ("", h),
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    /// (label, amount as written, unit in kronor) of each row of each plan read.
    fn read(text: &str) -> Vec<Vec<(String, String, Option<i64>)>> {
        tables(&lines(text))
            .into_iter()
            .map(|t| {
                let kronor = t.unit.as_ref().map(|u| u.kronor);
                t.body
                    .iter()
                    .map(|(r, n)| {
                        let n = &n.as_ref().expect("read")[0];
                        (r.label.clone(), text[n.start..n.end].to_string(), kronor)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_date_run_into_its_amount_splits_after_the_two_day_digits() {
        let k = Some(1000);
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "DatumBelopp\n2011-03-1512 000\n2011-09-158 000\nSumma20 000\nBelopp angivna i tkr\n",
                &[
                    ("2011-03-15", "12 000"),
                    ("2011-09-15", "8 000"),
                    ("Summa", "20 000"),
                ],
            ),
            // Spaced, blank lines between, the unit in the header, no total row.
            (
                "Datum Belopp (tkr)\n\n2012-02-29 310\n\n2012-06-30 1 002\n",
                &[("2012-02-29", "310"), ("2012-06-30", "1 002")],
            ),
            // Six-digit amounts: the day's two digits, then `156 532`.
            (
                "UtbetalningsdatumBelopp\n2022-01-25156 532\n2022-02-25156 530\nSumma313 062\nBelopp angivna i tkr\n",
                &[
                    ("2022-01-25", "156 532"),
                    ("2022-02-25", "156 530"),
                    ("Summa", "313 062"),
                ],
            ),
            // A `0` day-run amount is a zero, not part of the day.
            (
                "Belopp i tkr\n2011-01-010\n2011-07-0150\nTotalt 50\n",
                &[("2011-01-01", "0"), ("2011-07-01", "50"), ("Totalt", "50")],
            ),
        ];
        for &(text, want) in cases {
            let want: Vec<_> = want
                .iter()
                .map(|&(l, n)| (l.to_string(), n.to_string(), k))
                .collect();
            assert_eq!(read(text), vec![want], "{text}");
        }
    }

    #[test]
    fn what_is_no_plan_is_left_alone() {
        let cases = [
            // One date row is no table.
            "Datum Belopp (tkr)\n2011-03-1512 000\n",
            // No such day: `2011-02-30` is not re-read as `2011-02-3` + `0…`.
            "Belopp i tkr\n2011-02-304 000\n2011-04-314 000\n",
            // A time after a date, a leading zero, a four-digit ungrouped run.
            "Belopp i tkr\n2011-11-15 14:00\n2011-11-16 09:30\n",
            "Belopp i tkr\n2011-03-150473\n2011-04-150473\n",
            "Belopp i tkr\n2011-03-154473\n2011-04-154473\n",
            // A date not written in full.
            "Belopp i tkr\n2011-3-1512 000\n2011-9-158 000\n",
        ];
        for text in cases {
            assert_eq!(read(text), Vec::<Vec<_>>::new(), "{text}");
        }
    }

    #[test]
    fn a_header_names_the_date_column_and_the_amount_column() {
        let cases = [
            ("UtbetalningsdatumBelopp", ("Utbetalningsdatum", "Belopp")),
            ("Datum Belopp", ("Datum", "Belopp")),
            ("Belopp i tkr", ("", "Belopp i tkr")),
            ("", ("", "")),
        ];
        for (h, want) in cases {
            assert_eq!(split_header(h), want, "{h}");
        }
    }
}
