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
//! Months and parts of a year written without a day: `i juli`, `under januari–mars`, `för perioden
//! januari-mars 2008`, `juli 2020`, `de första tre kvartalen`, `första halvåret`; a month needs a
//! lead-in, a second month or a year (`mars` alone may be anything). One written without a year
//! takes the year of the month the document's heading is about (`Juli 2020 Utgiftsområde 25`,
//! `Statsbudgetens månadsutfall mars 2008`) when it ends no later than that month, or of the date
//! on the heading's lines when it is that date's month; otherwise (no such heading, headings of
//! two years, a month after the heading's, which may be the year before or after) it is no period:
//! a year is never guessed.
//!
//! Deliberately not done here: ISO date ranges, seasons, and `för 2020` (too often an object, not
//! a time). Riksmöte numbers inside references
//! (`prop. 2020/21:78`) are removed by [`super::extract`], which drops periods inside references.

use std::sync::LazyLock;

use regex::Regex;

use super::amount::{WS, WS1, glued_to_word};
use super::date::{MONTH, ORDINAL, half_year, iso_week, month_number, ordinal, quarter};
use crate::offsets::CharIndex;
use crate::record::{IsoDate, Period, days_in_month};

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

/// Months and parts of a year without a day (the forms are in the module doc). Only full month
/// names: `mar`, `jul` are too often other words.
static MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    const FULL: &str = "(?i: januari | februari | mars | april | maj | juni | juli | augusti | \
                        september | oktober | november | december )";
    let pattern = format!(
        r"(?x)
        (?-u:\b)
        (?P<lead> (?i: i | under | för (?: \s+ perioden )? | perioden ) \s+ )?
        (?:
            # juli, januari–mars, januari - mars
            (?P<m1> {FULL} ) (?-u:\b)
            (?: \x20? [-–] \x20? (?P<m2> {FULL} ) (?-u:\b) )?
          |
            # första kvartalet, de första tre kvartalen, andra halvåret
            (?: (?i: de ) \s+ )?
            (?P<ord> (?i: första | andra | tredje | fjärde ) )
            (?: \s+ (?P<count> (?i: två | tre ) ) )?
            \s+ (?P<unit> (?i: kvartalet | kvartalen | halvåret ) ) (?-u:\b)
        )
        (?: \x20 (?P<year> [12]\d{{3}} ) (?-u:\b) )?"
    );
    Regex::new(&pattern).expect("month pattern")
});

/// A month and year on a heading line, with or without a day: `Juli 2020`, `29 apr 2008`,
/// `2023-01-19`.
static HEADING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?-u:\b)
        (?:
            (?: (?P<day> [0-3]?\d ) \.? \x20 )? (?P<month> {MONTH} ) (?-u:\b) \.? \x20
            (?P<year> [12]\d{{3}} )
          |
            (?P<iy> [12]\d{{3}} ) - (?P<im> [01]\d ) - [0-3]\d
        )
        (?-u:\b)"
    );
    Regex::new(&pattern).expect("heading time pattern")
});

/// The heading lines read for the document's time: a title, a date line, a number line.
const HEADING_LINES: usize = 4;

/// A heading line is short; a long line is running text, whose months date its own clauses.
const HEADING_CHARS: usize = 120;

/// The time the document's heading states: the year, the month it is about (a month without a
/// day: `Juli 2020 Utgiftsområde 25`) and the month it is dated (a day: `2023-01-19`), read from
/// its first lines. `None` when the heading states none or states two years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct HeadingTime {
    year: u16,
    /// The latest month the heading names without a day: the document covers it and what came
    /// before it in the year.
    about: Option<u8>,
    /// The month of a date on the heading's lines: the day the document was dated or published,
    /// which says nothing of the months after or before it.
    dated: Option<u8>,
}

fn heading_time(text: &str) -> Option<HeadingTime> {
    let mut time: Option<HeadingTime> = None;
    let lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEADING_LINES)
        .filter(|l| l.chars().count() <= HEADING_CHARS);
    for line in lines {
        for c in HEADING_TIME.captures_iter(line) {
            let num = |name: &str| c.name(name).and_then(|x| x.as_str().parse::<u16>().ok());
            let (year, month, has_day) = match (num("year"), num("iy")) {
                (Some(y), _) => (
                    y,
                    month_number(c.name("month")?.as_str())?,
                    c.name("day").is_some(),
                ),
                (None, Some(y)) => (y, u8::try_from(num("im")?).ok()?, true),
                (None, None) => continue,
            };
            let t = time.get_or_insert(HeadingTime {
                year,
                about: None,
                dated: None,
            });
            // Two years in the heading (`publicerades under perioden 21 januari 2019 och 8 juli
            // 2021`): which one a month is in is not said.
            if t.year != year {
                return None;
            }
            let slot = if has_day { &mut t.dated } else { &mut t.about };
            *slot = Some(slot.map_or(month, |m| m.max(month)));
        }
    }
    time
}

/// The periods of the month and part-of-year forms, each with its year written or taken from the
/// heading, that overlap none of `taken` (byte spans of the other forms, which win).
fn months(text: &str, taken: &[(usize, usize)], out: &mut Vec<(usize, usize, IsoDate, IsoDate)>) {
    let mut heading = None;
    for c in MONTHS.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if glued_to_word(text, m.start())
            || taken.iter().any(|&(s, e)| s < m.end() && m.start() < e)
        {
            continue;
        }
        let year: Option<u16> = c.name("year").and_then(|y| y.as_str().parse().ok());
        // `2020-talet`, `mars 2020/21`: the year is part of something else.
        if year.is_some() && matches!(text[m.end()..].chars().next(), Some('-' | '/' | ':' | '–'))
        {
            continue;
        }
        let lead = c.name("lead").is_some();
        let (first, last) = if let Some(m1) = c.name("m1") {
            let first = month_number(m1.as_str()).unwrap_or(0);
            let last = c
                .name("m2")
                .and_then(|m2| month_number(m2.as_str()))
                .unwrap_or(first);
            // A lone month needs a word saying it is a time: `i juli`, `juli 2020`.
            if (!lead && c.name("m2").is_none() && year.is_none()) || last < first {
                continue;
            }
            // `3 juli 2020`, `den tredje juli 2020`: a day's month, the date reader's.
            if !lead && day_before(text, m.start()) {
                continue;
            }
            (first, last)
        } else {
            let Some(n) = c.name("ord").and_then(|o| ordinal(o.as_str())) else {
                continue;
            };
            let unit = c
                .name("unit")
                .map_or(String::new(), |u| u.as_str().to_lowercase());
            let months_each = if unit.starts_with("kvartal") { 3 } else { 6 };
            let parts = match c.name("count") {
                // `de första tre kvartalen`: the first parts, counted.
                Some(k) if n == 1 && unit == "kvartalen" => {
                    match k.as_str().to_lowercase().as_str() {
                        "två" => 2,
                        _ => 3,
                    }
                }
                Some(_) => continue,
                None if unit == "kvartalen" => continue,
                None => 1,
            };
            let first = (n - 1) * months_each + 1;
            let last = (n - 1 + parts) * months_each;
            if last > 12 {
                continue;
            }
            (first, last)
        };
        let year = match year {
            Some(y) => y,
            None => {
                let h = *heading.get_or_insert_with(|| heading_time(text));
                match h.and_then(|h| year_from_heading(h, first, last)) {
                    Some(y) => y,
                    None => continue,
                }
            }
        };
        let (Some(from), Some(to)) = (
            IsoDate::new(year, first, 1),
            IsoDate::new(year, last, days_in_month(year, last)),
        ) else {
            continue;
        };
        out.push((m.start(), m.end(), from, to));
    }
}

/// The year of months `first..=last` written without one, from the document's heading: the
/// heading's month covers them, or they are the month the heading is dated.
fn year_from_heading(h: HeadingTime, first: u8, last: u8) -> Option<u16> {
    let covered = h.about.is_some_and(|m| last <= m);
    let dated = h.dated.is_some_and(|m| first == m && last == m);
    (covered || dated).then_some(h.year)
}

/// Whether a day stands right before byte `at` (`3 juli`, `1:a juli`, `tredje juli`, `31 mars–1
/// januari`): the month is then a date's.
fn day_before(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'))
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    word.chars().next().is_some_and(|c| c.is_ascii_digit()) || ordinal(word).is_some()
}

/// The byte length of a period's lead-in (`för åren `, `under `, `i `, `För perioden `): the
/// words before the time itself, which a link gives as its cue, not its text.
pub(crate) fn lead_len(period_text: &str) -> usize {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?i:(?:för|under|i|på)\s+)?(?i:(?:åren|år|perioden)\s+)?").expect("lead")
    });
    LEAD.find(period_text).map_or(0, |m| m.end())
}

/// Finds every period in `text`, in reading order, with character offsets.
pub(crate) fn find(text: &str) -> Vec<Period> {
    let idx = CharIndex::new(text);
    let mut found = Vec::new();
    // Every form but the months has a year or a number in digits.
    if super::has_digit(text) {
        digit_forms(text, &mut found);
    }
    let taken: Vec<(usize, usize)> = found.iter().map(|&(s, e, _, _)| (s, e)).collect();
    months(text, &taken, &mut found);
    found.sort_by_key(|&(s, e, _, _)| (s, e));
    found
        .into_iter()
        .map(|(s, e, from, to)| Period {
            from,
            to,
            text: text[s..e].to_string(),
            start: idx.char_offset(s),
            end: idx.char_offset(e),
        })
        .collect()
}

/// The forms with digits: year ranges, single years, day ranges, quarters with a year, weeks.
fn digit_forms(text: &str, out: &mut Vec<(usize, usize, IsoDate, IsoDate)>) {
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
        out.push((m.start(), m.end(), from, to));
    }
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

    #[test]
    fn months_take_the_year_written_or_the_headings_both_ways() {
        // (text, the periods found as `from..to [words]`)
        let cases: &[(&str, &[&str])] = &[
            // A year written with the months.
            (
                "Under januari–mars 2021 betalades",
                &["2021-01-01..2021-03-31 [Under januari–mars 2021]"],
            ),
            (
                "i juli 2020 uppgick",
                &["2020-07-01..2020-07-31 [i juli 2020]"],
            ),
            // No year and no heading: no period.
            ("Medlen betalas ut i juli.", &[]),
            ("för perioden januari-mars blev", &[]),
            // A heading about a month dates the months up to it.
            (
                "Juli 2020 Utgiftsområde 25\n\nuppgick till 36 706 miljoner kronor i juli. I mars betalades",
                &[
                    "2020-07-01..2020-07-31 [Juli 2020]",
                    "2020-07-01..2020-07-31 [i juli]",
                    "2020-03-01..2020-03-31 [I mars]",
                ],
            ),
            (
                "Statsbudgetens månadsutfall mars 2008\nNr: 2008:3, 29 apr 2008\n\nFör perioden januari-mars blev",
                &[
                    "2008-03-01..2008-03-31 [mars 2008]",
                    "2008-01-01..2008-03-31 [För perioden januari-mars]",
                ],
            ),
            (
                "September 2020 Utgiftsområde 1\nFör de första tre kvartalen uppgick",
                &[
                    "2020-09-01..2020-09-30 [September 2020]",
                    "2020-01-01..2020-09-30 [För de första tre kvartalen]",
                ],
            ),
            // A month after the heading's may be the year before or the next: none.
            (
                "Juli 2020 Utgiftsområde 25\n\nbetalas ut i september.",
                &["2020-07-01..2020-07-31 [Juli 2020]"],
            ),
            // A dated heading dates only its own month.
            (
                "2023-01-19 - 07:30\n\nbetalades ut i januari.",
                &["2023-01-01..2023-01-31 [i januari]"],
            ),
            ("2020-12-17\n\nbetalas ut i januari.", &[]),
            // A heading of two years says no one year.
            (
                "Innehållet publicerades under perioden 21 januari 2019 och 8 juli 2021\n\ni juli betalades",
                &[],
            ),
            // A heading far down is running text.
            (
                "a\nb\nc\nd\nJuli 2020\n\ni juli betalades",
                &["2020-07-01..2020-07-31 [Juli 2020]"],
            ),
            // A day's month is a date's; a month alone is no time.
            ("den 3 juli 2020 och den tredje juli 2020", &[]),
            ("Planeten mars och maj", &[]),
            ("tredje kvartalet", &[]),
            (
                "Juli 2020\nde första kvartalen",
                &["2020-07-01..2020-07-31 [Juli 2020]"],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<String> = find(text)
                .iter()
                .map(|p| format!("{}..{} [{}]", p.from, p.to, p.text))
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn a_lead_in_is_no_part_of_the_time() {
        for (text, lead) in [
            ("för åren 2017–2018", "för åren "),
            ("Under 2017", "Under "),
            ("under år 2020", "under år "),
            ("i juli", "i "),
            ("För perioden januari-mars", "För perioden "),
            ("För de första tre kvartalen", "För "),
            ("första kvartalet 2021", ""),
            ("2017/18", ""),
        ] {
            assert_eq!(&text[..lead_len(text)], lead, "{text:?}");
        }
    }
}
