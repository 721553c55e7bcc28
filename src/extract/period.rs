//! Periods of time.
//!
//! In: the repaired (or clean) text of one document. Out: [`Period`]s in reading order, each with
//! the first and last day it covers as ISO dates, the matched words and character offsets.
//!
//! Forms: year ranges `2017–2018`, `2017-2018`, `2017/18` (a split year, so the second year must
//! follow the first), with an optional lead-in `för åren`/`under åren`/`åren`/`perioden`; a single
//! year after `under` (`under 2020`, `under år 2020`); and day ranges `1 januari–31 mars 2021`,
//! `1–31 mars 2021`, `1 januari 2021–31 mars 2021`.
//!
//! Deliberately not done here: ISO date ranges, seasons and quarters (`Q1`, `första halvåret`), and
//! `för 2020` (too often an object, not a time). Riksmöte numbers inside references
//! (`prop. 2020/21:78`) are removed by [`super::extract`], which drops periods inside references.

use std::sync::LazyLock;

use regex::Regex;

use super::amount::{WS, WS1, glued_to_word};
use super::date::{MONTH, ORDINAL, half_year, iso_week, month_number, ordinal, quarter};
use crate::offsets::CharIndex;
use crate::record::{IsoDate, Period};

/// Every period form; the checks a regex cannot express (order of years, what follows) are made in
/// code.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?-u:\b)
        (?:
            # 1 januari–31 mars 2021, 1–31 mars 2021, 1 januari 2021 – 31 mars 2021
            (?P<d1> [0-3]?\d ) (?: :[ae] )?
            (?: {WS} (?P<m1> {MONTH} ) (?-u:\b) \.? (?: {WS} (?P<y1> [12]\d{{3}} ) )? )?
            \s* [-–—] \s*
            (?P<d2> [0-3]?\d ) (?: :[ae] )? {WS} (?P<m2> {MONTH} ) (?-u:\b) \.? {WS} (?P<y2> [12]\d{{3}} ) (?-u:\b)
          |
            # för åren 2017–2018, 2017-2018, 2017/18
            (?P<lead> (?i: för\s+åren | under\s+åren | åren | perioden ) \s+ )?
            (?P<from> [12]\d{{3}} ) \x20? (?P<sep> [-–—/] ) \x20? (?P<to> [12]\d{{3}} | \d{{2}} ) (?-u:\b)
          |
            # under 2020, under år 2020
            (?i: under (?: \s+ år )? ) \s+ (?P<year> [12]\d{{3}} ) (?-u:\b)
          |
            # första kvartalet 2021, 4:e kvartal 2018, andra halvåret 2020, kvartal 2 2021, Q3 2020
            (?:
                (?P<qord> {ORDINAL} | [1-4]:[ae] ) {WS1}
                (?P<qunit> (?i: kvartal (?:et)? | halvår (?:et)? ) )
              | (?i: kvartal ) \x20 (?P<qn> [1-4] )
              | Q (?P<qq> [1-4] )
            )
            ,? {WS} (?P<qy> [12]\d{{3}} ) (?-u:\b)
          |
            # vecka 12 2021, v. 12, 2021
            (?i: vecka | v\. ) \x20? (?P<week> [0-5]?\d ) ,? \x20 (?P<wy> [12]\d{{3}} ) (?-u:\b)
        )"
    );
    Regex::new(&pattern).expect("period pattern")
});

/// Finds every period in `text`, in reading order, with character offsets.
pub(crate) fn find(text: &str) -> Vec<Period> {
    // Every form has a year or a number in digits.
    if !super::has_digit(text) {
        return Vec::new();
    }
    let idx = CharIndex::new(text);
    let mut out = Vec::new();
    for c in PERIOD.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        // The patterns use an ASCII `\b` to stay on the fast DFA; this is the Unicode check.
        if glued_to_word(text, m.start()) {
            continue;
        }
        // `2019-11` of `2019-11-01`, `2020/21` of `2020/21:78`, `2020` of `2020-talet`: not periods.
        let next = text[m.end()..].chars().next();
        let prev = text[..m.start()].chars().next_back();
        if matches!(next, Some('-' | '/' | ':' | '–')) || matches!(prev, Some('/' | '-' | ':')) {
            continue;
        }
        let num = |name: &str| c.name(name).and_then(|x| x.as_str().parse::<u16>().ok());
        let range = if let Some(y) = num("year") {
            whole_years(y, y)
        } else if let Some(y) = num("qy") {
            part_of_year(&c, y)
        } else if let (Some(w), Some(y)) = (num("week"), num("wy")) {
            u8::try_from(w).ok().and_then(|w| iso_week(y, w))
        } else if let (Some(from), Some(to)) = (num("from"), c.name("to")) {
            split_years(from, to.as_str(), c.name("sep").map_or("", |s| s.as_str()))
        } else {
            day_range(
                num("d1"),
                c.name("m1").map(|x| x.as_str()),
                num("y1"),
                num("d2"),
                c.name("m2").map(|x| x.as_str()),
                num("y2"),
            )
        };
        let Some((from, to)) = range else { continue };
        out.push(Period {
            from,
            to,
            text: m.as_str().to_string(),
            start: idx.char_offset(m.start()),
            end: idx.char_offset(m.end()),
        });
    }
    out
}

/// A quarter or half-year of `year` as the captures of its words give it.
fn part_of_year(c: &regex::Captures<'_>, year: u16) -> Option<(IsoDate, IsoDate)> {
    let digit = |name: &str| c.name(name).and_then(|x| x.as_str().parse::<u8>().ok());
    if let Some(q) = digit("qn").or_else(|| digit("qq")) {
        return quarter(year, q);
    }
    let word = c.name("qord")?.as_str();
    let n = ordinal(word).or_else(|| word.get(..1)?.parse().ok())?;
    let unit = c.name("qunit")?.as_str().to_lowercase();
    if unit.starts_with("kvartal") {
        quarter(year, n)
    } else {
        half_year(year, n)
    }
}

/// 1 January of `from` to 31 December of `to`.
fn whole_years(from: u16, to: u16) -> Option<(IsoDate, IsoDate)> {
    Some((IsoDate::new(from, 1, 1)?, IsoDate::new(to, 12, 31)?))
}

/// `2017–2018`, `2017/18`: the second year must come after the first, within fifty years; a split
/// year (`/`) must be the next year.
fn split_years(from: u16, to: &str, sep: &str) -> Option<(IsoDate, IsoDate)> {
    let n: u16 = to.parse().ok()?;
    let to = if to.len() == 2 {
        // `2017/18`, `2017–19`: the century of the first year, rolling over if needed.
        let mut y = from / 100 * 100 + n;
        if y <= from {
            y += 100;
        }
        y
    } else {
        n
    };
    let ok = if sep == "/" {
        to == from + 1
    } else {
        to > from && to - from <= 50
    };
    if ok { whole_years(from, to) } else { None }
}

/// `1 januari–31 mars 2021`: the first day takes the second's month and year when it has none.
fn day_range(
    d1: Option<u16>,
    m1: Option<&str>,
    y1: Option<u16>,
    d2: Option<u16>,
    m2: Option<&str>,
    y2: Option<u16>,
) -> Option<(IsoDate, IsoDate)> {
    let (d2, m2, y2) = (u8::try_from(d2?).ok()?, month_number(m2?)?, y2?);
    let to = IsoDate::new(y2, m2, d2)?;
    let m1 = match m1 {
        Some(m) => month_number(m)?,
        None => m2,
    };
    let from = IsoDate::new(y1.unwrap_or(y2), m1, u8::try_from(d1?).ok()?)?;
    (from < to).then_some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_period(text: &str, from: &str, to: &str, matched: &str) {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text:?} → {found:#?}");
        let p = &found[0];
        assert_eq!(
            (p.from.to_string(), p.to.to_string(), p.text.as_str()),
            (from.to_string(), to.to_string(), matched),
            "{text:?}"
        );
    }

    #[track_caller]
    fn assert_none(text: &str) {
        let found = find(text);
        assert!(found.is_empty(), "{text:?} → {found:#?}");
    }

    #[test]
    fn year_ranges() {
        assert_period(
            "överenskommelse 2017-2018 om",
            "2017-01-01",
            "2018-12-31",
            "2017-2018",
        );
        assert_period(
            "för åren 2017–2018 tecknat",
            "2017-01-01",
            "2018-12-31",
            "för åren 2017–2018",
        );
        assert_period("budgetåret 2017/18", "2017-01-01", "2018-12-31", "2017/18");
        assert_none("budgetåret 2017/19");
        assert_none("2018–2017");
    }

    #[test]
    fn single_year_after_under() {
        assert_period(
            "Under 2017 användes medlen",
            "2017-01-01",
            "2017-12-31",
            "Under 2017",
        );
        assert_period(
            "under år 2020.",
            "2020-01-01",
            "2020-12-31",
            "under år 2020",
        );
        assert_none("för 2020 om att");
        assert_none("under 2020-talet");
    }

    #[test]
    fn day_ranges() {
        assert_period(
            "1 januari–31 mars 2021",
            "2021-01-01",
            "2021-03-31",
            "1 januari–31 mars 2021",
        );
        assert_period(
            "1–31 mars 2021",
            "2021-03-01",
            "2021-03-31",
            "1–31 mars 2021",
        );
        assert_none("31 mars–1 januari 2021");
        assert_none("1 januari–31 februari 2021");
    }

    #[test]
    fn not_inside_dates_or_references() {
        assert_none("2019-11-01");
        assert_none("prop. 2020/21:78");
        assert_none("dnr 2019/05301/SF");
    }

    #[test]
    fn quarters_and_half_years() {
        for (text, from, to, matched) in [
            (
                "under första kvartalet 2021 ska",
                "2021-01-01",
                "2021-03-31",
                "första kvartalet 2021",
            ),
            (
                "fjärde kvartalet 2018",
                "2018-10-01",
                "2018-12-31",
                "fjärde kvartalet 2018",
            ),
            (
                "4:e kvartal 2018",
                "2018-10-01",
                "2018-12-31",
                "4:e kvartal 2018",
            ),
            (
                "kvartal 2 2021.",
                "2021-04-01",
                "2021-06-30",
                "kvartal 2 2021",
            ),
            ("Q3 2020", "2020-07-01", "2020-09-30", "Q3 2020"),
            (
                "andra halvåret 2020",
                "2020-07-01",
                "2020-12-31",
                "andra halvåret 2020",
            ),
        ] {
            assert_period(text, from, to, matched);
        }
        assert_none("femte kvartalet 2021");
        assert_none("tredje halvåret 2021");
        assert_none("tredje kvartalet");
        assert_none("Q5 2021");
    }

    #[test]
    fn iso_weeks() {
        assert_period("vecka 12 2021", "2021-03-22", "2021-03-28", "vecka 12 2021");
        assert_period("v. 1, 2021", "2021-01-04", "2021-01-10", "v. 1, 2021");
        assert_period("Vecka 53 2020", "2020-12-28", "2021-01-03", "Vecka 53 2020");
        assert_none("vecka 53 2021");
        assert_none("vecka 12 av");
    }
}
