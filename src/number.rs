//! Swedish numerals as written in documents: the one grammar, the one parser, and the precision a
//! figure was stated with.
//!
//! **In:** text. **Out:** regex fragments ([`NUMERAL`], [`SIGN`]) that the extractors compose into
//! their own patterns; [`parse`], which turns a numeral (with an optional minus sign) into an exact
//! [`Decimal`]; [`is_numeral_char`], the grammar's alphabet; [`precision`] and [`tolerance`], which
//! say how finely an amount's text states its figure. Units, currencies and scale words live in one table in [`units`].
//!
//! The grammar, everywhere the same:
//!
//! - digits grouped by thousands with a space, a no-break space (U+00A0), a thin space (U+2009) or
//!   a narrow no-break space (U+202F) ([`GROUP_SEPARATORS`]): `1 444`, `2 967 000 000`;
//!   or plain digits: `1444`, `420`;
//! - an optional decimal comma with at least one digit after it: `1,2`, `1 444,50`;
//! - a minus sign (`-`, `−` U+2212, `–` U+2013, which typesetters use as a minus, or `‑` U+2011,
//!   the no-break hyphen HTML tables put before a negative so that no line break parts it from
//!   its digits, as SCB's table pages do: `‑672 783`), when the caller allows one ([`SIGN`],
//!   [`MINUS_SIGNS`]).
//!
//! Values are exact: a mantissa and a count of decimals, never a float.
//!
//! **Deliberately not done here:** deciding *whether* a numeral is an amount, a year or a table
//! cell (the extractors' business, from context); a decimal point (`1.5` is a thousands point in
//! some exports and a decimal point in others, so it is not read at all); numbers written in words
//! (`tjugotvå`, see [`crate::extract::amount`]); and where a minus sign may stand (`covid-19` is no
//! negative number), which only the caller can see.

pub(crate) mod units;
pub(crate) mod words;

use std::sync::LazyLock;

use regex::Regex;

use crate::record::Money;

/// Characters that group thousands: space, no-break space, thin space, narrow no-break space.
pub(crate) const GROUP_SEPARATORS: [char; 4] = [' ', '\u{a0}', '\u{2009}', '\u{202f}'];

/// Characters read as a minus sign: hyphen-minus, the minus sign, the en dash and the no-break
/// hyphen.
pub(crate) const MINUS_SIGNS: [char; 4] = ['-', '−', '–', '\u{2011}'];

/// Regex fragment: an unsigned numeral. Grouped thousands come first, so that `Totalt1 444` ends in
/// `1 444`, not `444`. Written without white space, so it composes into `(?x)` patterns too.
pub(crate) const NUMERAL: &str =
    r"(?:\d{1,3}(?:[\x20\x{A0}\x{2009}\x{202F}]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)";

/// Regex fragment: one minus sign (see [`MINUS_SIGNS`]).
pub(crate) const SIGN: &str = r"[-−–\x{2011}]";

/// Most digits a numeral may have: more than any figure in a document, and few enough that the
/// mantissa always fits in an `i128` (callers still multiply by units with checked arithmetic).
pub(crate) const MAX_DIGITS: u32 = 30;

/// An exact decimal number: `mantissa / 10^decimals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decimal {
    /// The digits as one integer, with the sign: `-1 444,50` → -144450.
    pub mantissa: i128,
    /// Digits after the decimal comma: `-1 444,50` → 2.
    pub decimals: u32,
}

/// Whether `c` is read as a minus sign.
pub(crate) fn is_minus(c: char) -> bool {
    MINUS_SIGNS.contains(&c)
}

/// Whether `c` may occur in a numeral: an ASCII digit, a group separator, the decimal comma or a
/// minus sign. Says nothing about their order (`1-,2` is made of numeral characters and is no
/// numeral); for that, [`parse`].
pub(crate) fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit() || c == ',' || is_minus(c) || GROUP_SEPARATORS.contains(&c)
}

/// A whole numeral with an optional sign: what [`parse`] accepts.
static SIGNED_NUMERAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{SIGN}?{NUMERAL}$")).expect("numeral pattern"));

/// An unsigned numeral anywhere, for [`precision`].
static ANY_NUMERAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(NUMERAL).expect("numeral pattern"));

/// Parses a numeral as written (`1 444`, `151,2`, `-3,4`, `−0,5`, `1\u{2009}444`) into its exact
/// value.
///
/// The whole of `s` must be one [`NUMERAL`], optionally preceded by one minus sign; no white space
/// around it. `None` for anything else, for digits other than ASCII ones, and for more than
/// [`MAX_DIGITS`] digits.
pub(crate) fn parse(s: &str) -> Option<Decimal> {
    if !SIGNED_NUMERAL.is_match(s) {
        return None;
    }
    let mut mantissa: i128 = 0;
    let mut decimals = 0;
    let mut digits = 0;
    let mut after_comma = false;
    for c in s.chars() {
        match c {
            ',' => after_comma = true,
            c if is_minus(c) || GROUP_SEPARATORS.contains(&c) => {}
            // `\d` is Unicode in the pattern; only ASCII digits have a value here.
            c => {
                let d = c.to_digit(10)?;
                digits += 1;
                if digits > MAX_DIGITS {
                    return None;
                }
                mantissa = mantissa * 10 + i128::from(d);
                decimals += u32::from(after_comma);
            }
        }
    }
    let negative = s.starts_with(is_minus);
    Some(Decimal {
        mantissa: if negative { -mantissa } else { mantissa },
        decimals,
    })
}

/// The grouping rules as a splitter needs them, one digit group at a time (a group is digits,
/// perhaps with a decimal comma): whether `s` may open a grouped number, one to three digits
/// before any comma and no leading zero. An ungrouped number (`4500`) is a number of one group.
pub(crate) fn opens_group(s: &str) -> bool {
    let int = s.split(',').next().unwrap_or("");
    (1..=3).contains(&int.len()) && !int.starts_with('0')
}

/// A digit group that may continue a grouped number: exactly three digits before any comma.
pub(crate) fn continues_group(s: &str) -> bool {
    s.split(',').next().is_some_and(|int| int.len() == 3)
}

/// A digit group with a decimal comma ends its number.
pub(crate) fn closes_number(s: &str) -> bool {
    s.contains(',')
}

/// How finely an amount's text states its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Precision {
    /// In digits: the last numeral in the text, the one the value was read from (`10–20 mnkr` →
    /// `20`). Its last digit is worth `value / mantissa`: `1,2 miljoner` is 12 × 100 000 kr.
    Digits(Decimal),
    /// In words: as precise as the largest scale word, in kronor (`en miljard` → 1 000 000 000).
    Scale(i128),
}

/// The precision of the figure in an amount's `text`, or `None` when the text holds neither a
/// readable numeral nor a scale word.
pub(crate) fn precision(text: &str) -> Option<Precision> {
    if let Some(m) = ANY_NUMERAL.find_iter(text).last() {
        return parse(m.as_str()).map(Precision::Digits);
    }
    text.split_whitespace()
        .filter_map(units::scale_of)
        .max()
        .map(Precision::Scale)
}

/// Half a unit of the last digit (or scale word) `text` states `value` with: how far the true
/// figure may be from `value` because of rounding.
///
/// `1,2 miljoner kronor` → 50 000 kr; `944 miljoner` → 500 000 kr; a table cell `1 444` in Mkr →
/// 500 000 kr; `2 967 000 000 kronor` → 0,50 kr; `12,50 kr` → 0 (öre are the smallest unit); `en
/// miljard` → 0 (a figure in words is exact). Zero when the text says nothing about its precision.
pub(crate) fn tolerance(text: &str, value: Money) -> Money {
    let v = i128::from(value.ore()).abs();
    let half = match precision(text) {
        Some(Precision::Digits(d)) if d.mantissa != 0 => v / d.mantissa.abs() / 2,
        // A figure in words (`en miljard`, `en halv miljard`) names an exact sum; only a qualifier
        // (`cirka`, `närmare`) makes it approximate, and that is the amount's `approximate` flag.
        Some(Precision::Scale(_)) | None => 0,
        Some(Precision::Digits(_)) => 0,
    };
    Money(i64::try_from(half).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_parses(s: &str, mantissa: i128, decimals: u32) {
        assert_eq!(parse(s), Some(Decimal { mantissa, decimals }), "{s:?}");
    }

    #[track_caller]
    fn assert_rejected(s: &str) {
        assert_eq!(parse(s), None, "{s:?}");
    }

    /// What parses (with its value) and what must not; `None` rows must be rejected.
    const CASES: &[(&str, Option<(i128, u32)>)] = &[
        // Plain digits and the decimal comma.
        ("0", Some((0, 0))),
        ("420", Some((420, 0))),
        ("1444", Some((1444, 0))),
        ("62,5", Some((625, 1))),
        ("12,50", Some((1250, 2))),
        ("0,000001", Some((1, 6))),
        // Every group separator.
        ("1 444", Some((1444, 0))),
        ("1\u{a0}444,5", Some((14445, 1))),
        ("1\u{2009}444", Some((1444, 0))),
        ("1\u{202f}444", Some((1444, 0))),
        ("2 967 000 000", Some((2_967_000_000, 0))),
        ("1\u{2009}444\u{202f}000,25", Some((144_400_025, 2))),
        // Every minus sign.
        ("-3,4", Some((-34, 1))),
        ("−3,4", Some((-34, 1))),
        ("–0,5", Some((-5, 1))),
        ("-1 444", Some((-1444, 0))),
        ("\u{2011}672 783", Some((-672_783, 0))),
        // Not numerals.
        ("", None),
        ("abc", None),
        ("-", None),
        ("3,", None),
        (",5", None),
        ("1,2,3", None),
        ("1.5", None),
        ("1.444", None),
        ("1 44", None),
        ("1 4444", None),
        ("1444 000", None),
        (" 1", None),
        ("1 ", None),
        ("1\t444", None),
        ("1\u{2007}444", None),
        ("1 444,5 000", None),
        ("--1", None),
        ("+1", None),
        ("1-", None),
        ("1\u{2011}", None),
        ("\u{2011}\u{2011}1", None),
        ("—1", None),
        ("١٢", None),
        ("１２", None),
    ];

    #[test]
    fn the_grammar_both_ways() {
        for &(s, want) in CASES {
            match want {
                Some((m, d)) => assert_parses(s, m, d),
                None => assert_rejected(s),
            }
        }
    }

    #[test]
    fn the_fragment_matches_exactly_what_parses() {
        let whole = Regex::new(&format!("^{SIGN}?{NUMERAL}$")).expect("valid pattern");
        for &(s, want) in CASES {
            let ascii = s.chars().all(|c| !c.is_numeric() || c.is_ascii_digit());
            assert_eq!(whole.is_match(s) && ascii, want.is_some(), "{s:?}");
        }
        // The fragments compose into `(?x)` patterns unchanged.
        let x = Regex::new(&format!("(?x) ^ {SIGN}? {NUMERAL} $")).expect("valid pattern");
        assert!(x.is_match("−1\u{2009}444,5") && !x.is_match("1  444"));
        for sep in GROUP_SEPARATORS {
            assert!(whole.is_match(&format!("1{sep}444")), "{sep:?}");
        }
        for sign in MINUS_SIGNS {
            assert!(
                whole.is_match(&format!("{sign}1")) && is_minus(sign),
                "{sign:?}"
            );
        }
    }

    #[test]
    fn numeral_chars_are_the_grammars_alphabet() {
        for &(s, want) in CASES {
            if want.is_some() {
                assert!(s.chars().all(is_numeral_char), "{s:?}");
            }
        }
        for c in GROUP_SEPARATORS.into_iter().chain(MINUS_SIGNS) {
            assert!(is_numeral_char(c), "{c:?}");
        }
        for c in ['.', '+', '—', '\t', '\u{2007}', 'a', '%', '١', '１'] {
            assert!(!is_numeral_char(c), "{c:?}");
        }
    }

    #[test]
    fn too_many_digits_is_no_numeral() {
        assert_parses(&"9".repeat(30), "9".repeat(30).parse().expect("fits"), 0);
        assert_rejected(&"9".repeat(31));
        assert_rejected(&"9".repeat(40));
        assert_rejected(&"9".repeat(60));
    }

    #[test]
    fn precision_is_the_last_numeral_or_the_largest_scale_word() {
        let digits = |m, d| {
            Some(Precision::Digits(Decimal {
                mantissa: m,
                decimals: d,
            }))
        };
        assert_eq!(precision("1,2 miljoner kronor"), digits(12, 1));
        assert_eq!(precision("mellan 10 och 20 mnkr"), digits(20, 0));
        assert_eq!(precision("10–20 mnkr"), digits(20, 0));
        assert_eq!(precision("-3,4 Mkr"), digits(34, 1));
        for sep in GROUP_SEPARATORS {
            assert_eq!(
                precision(&format!("1{sep}444 kr")),
                digits(1444, 0),
                "{sep:?}"
            );
        }
        assert_eq!(
            precision("en miljard kronor"),
            Some(Precision::Scale(1_000_000_000))
        );
        assert_eq!(
            precision("tjugotvå miljoner och tusen"),
            Some(Precision::Scale(1_000_000))
        );
        assert_eq!(
            precision("tre mdr kronor"),
            Some(Precision::Scale(1_000_000_000))
        );
        assert_eq!(precision("femtio kronor"), None);
        // `mn` is a scale word, not the end of `hamn`.
        assert_eq!(precision("femtio kronor per hamn"), None);
        assert_eq!(precision(&format!("{} kr", "9".repeat(31))), None);
    }

    #[test]
    fn tolerance_is_half_the_last_digit() {
        const M: i64 = 100_000_000;
        for (text, ore, want) in [
            ("1,2 miljoner kronor", 12 * M / 10, M / 20),
            ("1 444", 1444 * M, M / 2),
            ("1\u{2009}444", 1444 * M, M / 2),
            ("-3,4 Mkr", -34 * M / 10, M / 20),
            ("12,50 kr", 1250, 0),
            ("en miljard kronor", 1000 * M, 0),
            ("0 kr", 0, 0),
            ("femtio kronor", 5000, 0),
        ] {
            assert_eq!(tolerance(text, Money(ore)), Money(want), "{text}");
        }
    }
}
