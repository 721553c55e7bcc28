//! Calendar dates.
//!
//! In: the repaired (or clean) text of one document. Out: [`Date`]s in reading order, each with its
//! validated value, the matched words, character offsets, a [`DateRole`] read from the words
//! before it (`senast den` → deadline, `fr.o.m.` → from, `Publicerad:` → published, `beslutade den`
//! → decision) or from its line (a line of nothing but dates late in the document is a signature
//! block → signed), and whether part of its value was inferred.
//!
//! Forms:
//! - day and month: `11 december 2020`, `11 dec. 2020`, `16. Nov. 2016`, `1:a februari`, `3:e mars`,
//!   OCR run-togethers `14april 2015` and `den11 december`, `1-jan`, ordinal words (`tredje mars`,
//!   `tjugoandra juni`, `den förste juli`), the year in digits, in words (`tvåtusenarton`,
//!   `nittonhundrasextioåtta`, `två tusen`) or after a comma (`12 januari, 2016`); the words may be
//!   split by one line break;
//! - month first, as in `april 14, 2015`, only with a comma and year after it or a weekday before it
//!   (`ons, feb 13`): without them `mars 3` is as likely `mars` and a count;
//! - numeric, year first (`2020-12-11`, `2015-3-3`, `2016/12/01`, `2015.5.13`, `2019-sep-1`,
//!   `2019/sep/01`) or in Swedish order (`3/3/2015`, `21/04/2016`, `13.5.2015`, `3-3-2015`,
//!   `11/12 2020`, `11/12-2020`, `11/12,2016`), the same separator between all parts; a numeric
//!   form has a year, because `11/12` alone may be a fraction or a score, except a day and month
//!   with a slash right after `den`, `senast`, `fr.o.m.` or `t.o.m.` (`den 22/04`, `senast 30/9`),
//!   which takes the document's year like any year-less date, and never when a fraction's words
//!   follow (`den 3/4 av medlen`, `2/3-majoritet`, `1/2 miljon`). A two-digit year
//!   (`31/10/74`) takes the century nearest the document's written years, or when it has none the
//!   usual pivot (00–49 → 20xx, 50–99 → 19xx), and is marked inferred;
//! - calendar expressions: `sista dagen i oktober 2015`, `den sista februari`, `sista söndagen i
//!   mars 2014`, `tredje tisdagen i september 2014`, `tredje dagen i oktober` (the day computed);
//! - a holiday with its year: `juldagen 2019`, `midsommarafton 2021` (their days in `date/holiday.rs`).
//!
//! A numeric pattern glued to a word or number (`Fi2015/03/01`, `1.2.3.2015`), followed by a unit
//! (`1.5.20 kr`, `3.4.15 %`), or with a two-digit year after `version`/`avsnitt` or as a heading
//! number (`2.1.10 Bakgrund`) is not a date; references (`dnr 2015/12/01`) are dropped by
//! [`super::extract`]. Impossible days (`30 februari 2021`, `2019/02/29`) are not dates at all.
//!
//! A date without a year (`senast den 31 augusti`) takes the document's year, marked inferred: the
//! year of its decision date, else of its signing date (when its other dates lie within a year of
//! it), else the one year all its dated mentions agree on, else — when no date has a year — the one year its text mentions. Otherwise its value
//! is `null`.
//!
//! Deliberately not done here: the leading `den` and a weekday before the date are not part of the
//! span; periods (`1 januari–31 mars 2021`, quarters, weeks) are [`super::period`]'s, and
//! [`super::extract`] drops dates inside them; a day without a month (`den 15:e`) and relative dates
//! (`i morgon`, `nästa tisdag`) are not read, since a document gives them no reference day.

mod calendar;
mod holiday;
mod words;

pub(crate) use calendar::{half_year, iso_week, quarter};
pub(crate) use words::{ORDINAL, ordinal};

use std::sync::LazyLock;

use regex::Regex;

use super::amount::{WS, WS1, floor_boundary, glued_to_word};
use crate::offsets::CharIndex;
use crate::record::{Date, DateRole, IsoDate, days_in_month};
use words::{WEEKDAY, YEAR_WORDS};

/// Swedish month names and their abbreviations, longest first so that `sept` wins over `sep`.
pub(crate) const MONTH: &str = r"(?i:januari|februari|mars|april|maj|juni|juli|augusti|september
    |oktober|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec)";

/// Day-and-month forms, the month written as a word. No leading `\b`: `den11 december` must match
/// at `11`, and an ASCII `\b` sees no boundary before `åttonde`; [`find`] checks what precedes.
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?:
            # 11 december, 1:a februari, 16. Nov., 14april, 1-jan
            (?P<day> [0-3]?\d ) (?: :[ae] | \. )? (?: {WS1} | -? )
          | # tredje mars, tjugoandra juni
            (?P<oday> {ORDINAL} ) {WS1}
        )
        (?P<month> {MONTH} ) (?-u:\b) (?P<dot> \. )?
        (?:
            ,? {WS}
            (?:
                (?P<year> [12]\d{{3}} ) (?-u:\b)
              | (?P<wyear> {YEAR_WORDS} )
              | (?P<year2> '?\d{{2}} ) (?-u:\b)
            )
        )?"
    );
    Regex::new(&pattern).expect("day-month pattern")
});

/// Month-first forms: `april 14, 2015`, `ons, feb 13`, `Feb13`.
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?: (?P<wd> {WEEKDAY} ) (?-u:\b) \.? ,? {WS1} )?
        (?P<month> {MONTH} ) \.? \x20? (?P<day> [0-3]?\d ) (?-u:\b) (?: :[ae] )?
        (?: , \x20? (?P<year> [12]\d{{3}} ) (?-u:\b) )?"
    );
    Regex::new(&pattern).expect("month-day pattern")
});

/// Numeric forms; the separators are checked in code (the regex crate has no back-references).
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?:
            # 2020-12-11, 2015.5.13, 2016/12/01, 2019-sep-1
            (?P<iy> [12]\d{{3}} ) (?P<is1> [-/.] )
            (?: (?P<im> [01]?\d ) | (?P<imon> {MONTH} ) (?-u:\b) )
            (?P<is2> [-/.] ) (?P<id> [0-3]?\d )
          | # 3/3/2015, 13.5.2015, 11/12 2020, 11/12-2020, 11/12,2016, 31/10/74
            (?P<nd> [0-3]?\d ) (?P<ns1> [-/.] ) (?P<nm> [01]?\d )
            (?: (?P<ns2> [-/.,] ) \x20? | (?P<space> \x20 ) )
            (?P<ny> [12]\d{{3}} | \d{{2}} )
        )"
    );
    Regex::new(&pattern).expect("numeric date pattern")
});

/// Calendar expressions: `sista dagen i oktober 2015`, `tredje tisdagen i september 2014`,
/// `den sista februari`.
static CALENDAR: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?P<ord> {ORDINAL} | (?i:sista) ) {WS1}
        (?: (?P<unit> (?i: dag(?:en)? | (?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)? ) ) {WS1} (?i:i) {WS1} )?
        (?P<month> {MONTH} ) (?-u:\b) (?P<dot> \. )?
        (?: ,? {WS} (?P<year> [12]\d{{3}} ) (?-u:\b) )?"
    );
    Regex::new(&pattern).expect("calendar pattern")
});

/// A holiday and its year: `juldagen 2019`, `midsommarafton år 2021`.
static HOLIDAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?P<name> {holiday} ) ,? {WS1} (?: (?i:år) {WS1} )?
        (?P<year> [12]\d{{3}} ) (?-u:\b)",
        holiday = holiday::HOLIDAY
    );
    Regex::new(&pattern).expect("holiday pattern")
});

/// A day and month in digits with no year, after the words that make it a date (`den 22/04`,
/// `senast 30/9`, `fr.o.m. 1/7`, `t.o.m. 31/12`). Only the slash: `den 1.2` is as often a
/// section number. Without such a word `3/4` is a fraction or a score.
static DAY_MONTH_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(?: den | senast | från\s+och\s+med | fr\.\s?o\.\s?m\.? | till\s+och\s+med
             | t\.\s?o\.\s?m\.? ) \s+
        (?P<day> [0-3]?\d ) / (?P<month> [01]?\d ) (?-u:\b)",
    )
    .expect("day-month numeric pattern")
});

/// Words after a year-less `3/4` that make it a fraction (`den 3/4 av medlen`, `en 2/3-majoritet`).
static FRACTION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?xi) ^ (?: -\p{L} | \s+ (?: av | dels? | delar | majoritet\w* ) \b )")
        .expect("fraction-after pattern")
});

/// Words after a numeric form that make it a quantity (`1.5.20 kr`, `3.4.15 %`), not a date.
static UNIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi) ^ \s* (?: % | procent | kr\b | kronor | tkr | mkr | mnkr | mdkr | sek\b | euro | eur\b
                        | miljon | miljard | tusen )",
    )
    .expect("unit-after pattern")
});

/// Words before a dotted number that make it a version or section number (`version 2.1.10`).
static NUMBERING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi) (?: \b(?: version | ver | v | utgåva | release | avsnitt | kapitel | kap | bilaga
                        | punkt | tabell | figur | diagram | sida | s ) \.? | § ) \s* $",
    )
    .expect("numbering pattern")
});

/// How the day of a date is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Day {
    /// `11 december`, `tredje mars`, `tredje dagen i oktober`.
    Fixed(u8),
    /// `sista dagen i oktober`, `den sista februari`.
    Last,
    /// `tredje tisdagen i september`: (n, weekday from 0 = Monday).
    NthWeekday(u8, u8),
    /// `sista söndagen i mars`.
    LastWeekday(u8),
}

/// How the year of a date is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Year {
    /// Four digits or words.
    Written(u16),
    /// Two digits (`3/3/15`): the century is inferred.
    TwoDigit(u16),
    /// No year: the document's is taken.
    Missing,
}

/// A date as matched, before its year is settled (byte offsets).
#[derive(Debug, Clone, Copy)]
struct Raw {
    start: usize,
    end: usize,
    day: Day,
    month: u8,
    year: Year,
}

impl Raw {
    /// The written year, if any.
    fn written(&self) -> Option<u16> {
        match self.year {
            Year::Written(y) => Some(y),
            _ => None,
        }
    }
}

/// The date of `day` in `month` of `year`, or `None` when no such day exists.
fn resolve(day: Day, month: u8, year: u16) -> Option<IsoDate> {
    match day {
        Day::Fixed(d) => IsoDate::new(year, month, d),
        Day::Last => IsoDate::new(year, month, days_in_month(year, month)),
        Day::NthWeekday(n, wd) => calendar::nth_weekday(year, month, n, wd),
        Day::LastWeekday(wd) => calendar::last_weekday(year, month, wd),
    }
}

/// Whether `day` of `month` exists in some year (`30 februari`, `32 maj`, `sjätte måndagen` do not).
fn possible(day: Day, month: u8) -> bool {
    match day {
        Day::Fixed(d) => IsoDate::new(2000, month, d).is_some(),
        Day::Last | Day::LastWeekday(_) => (1..=12).contains(&month),
        Day::NthWeekday(n, _) => (1..=12).contains(&month) && (1..=5).contains(&n),
    }
}

/// Finds every date in `text`, in reading order, with character offsets.
pub(crate) fn find(text: &str) -> Vec<Date> {
    let idx = CharIndex::new(text);
    let mut raws = Vec::new();
    day_month(text, &mut raws);
    // These forms all have a digit.
    if super::has_digit(text) {
        month_day(text, &mut raws);
        numeric(text, &mut raws);
        numeric_without_year(text, &mut raws);
        holidays(text, &mut raws);
    }
    calendar_expressions(text, &mut raws);
    // Where forms overlap, the one starting first wins, then the longest.
    raws.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<Raw> = Vec::with_capacity(raws.len());
    for r in raws {
        if kept.last().is_none_or(|k| r.start >= k.end) {
            kept.push(r);
        }
    }
    let raws = kept;
    let roles: Vec<Option<DateRole>> = raws.iter().map(|r| role(text, r, &raws)).collect();
    let doc_year = document_year(text, &raws, &roles);
    // The years a two-digit year is read against: the dates' written years, else any year the
    // text names (`Arkivet från 1961 …` puts `3/3/45` in 1945).
    let mut written: Vec<u16> = raws.iter().filter_map(Raw::written).collect();
    if written.is_empty() && raws.iter().any(|r| matches!(r.year, Year::TwoDigit(_))) {
        written = YEAR
            .find_iter(text)
            .filter_map(|m| m.as_str().parse().ok())
            .collect();
    }
    let mut out = Vec::new();
    for (r, role) in raws.iter().zip(roles) {
        let (year, inferred) = match r.year {
            Year::Written(y) => (Some(y), false),
            Year::TwoDigit(yy) => (Some(century(yy, &written)), true),
            Year::Missing => (doc_year, doc_year.is_some()),
        };
        let value = match year {
            Some(y) => match resolve(r.day, r.month, y) {
                Some(d) => Some(d),
                None => continue,
            },
            // No year: still reject a day that exists in no year (`30 februari`, `32 maj`).
            None if !possible(r.day, r.month) => continue,
            None => None,
        };
        out.push(Date {
            value,
            text: text[r.start..r.end].to_string(),
            start: idx.char_offset(r.start),
            end: idx.char_offset(r.end),
            role,
            inferred,
            of: None,
        });
    }
    out
}

/// Whether a match starting at byte `at` is glued to the word before it. `den11 december` is not:
/// OCR dropped the space after `den`.
fn glued(text: &str, at: usize) -> bool {
    if !glued_to_word(text, at) {
        return false;
    }
    let before = &text[..at];
    let den = before.len() >= 3
        && before.is_char_boundary(before.len() - 3)
        && before[before.len() - 3..].eq_ignore_ascii_case("den");
    let digit_next = text[at..].starts_with(|c: char| c.is_ascii_digit());
    !(den && digit_next && !glued_to_word(text, before.len() - 3))
}

/// The char after byte `at`, if any.
fn next_char(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// `11 december 2020`, `tredje mars`, `14april 2015`.
fn day_month(text: &str, raws: &mut Vec<Raw>) {
    for c in DAY_MONTH.captures_iter(text) {
        let (Some(m), Some(mo)) = (c.get(0), c.name("month")) else {
            continue;
        };
        if glued(text, m.start()) {
            continue;
        }
        let day = match (c.name("day"), c.name("oday")) {
            (Some(d), _) => d.as_str().parse::<u8>().ok(),
            (None, Some(o)) => ordinal(o.as_str()),
            (None, None) => None,
        };
        let (Some(day), Some(month)) = (day, month_number(mo.as_str())) else {
            continue;
        };
        let month_end = c.name("dot").map_or(mo.end(), |d| d.end());
        let (year, end) = year_after(text, &c, month_end);
        raws.push(Raw {
            start: m.start(),
            end,
            day: Day::Fixed(day),
            month,
            year,
        });
    }
}

/// The year that the captures `c` read after the month, and where the date ends; `month_end` is
/// the end of the month word and its dot.
fn year_after(text: &str, c: &regex::Captures<'_>, month_end: usize) -> (Year, usize) {
    if let Some(y) = c.name("year")
        && let Ok(n) = y.as_str().parse()
    {
        return (Year::Written(n), y.end());
    }
    if let Some(w) = c.name("wyear") {
        // The regex has no word boundary after the words (see `words`); `tvåtusenhej` is no year.
        let free = next_char(text, w.end()).is_none_or(|ch| !ch.is_alphanumeric());
        if let (true, Some(n)) = (free, words::year(w.as_str())) {
            return (Year::Written(n), w.end());
        }
    }
    if let Some(y) = c.name("year2") {
        // `3 mars 15` is a year only where nothing follows it (`3 mars 15 deltagare` is a count).
        let apostrophe = y.as_str().starts_with('\'');
        let rest = text[y.end()..].trim_start_matches([' ', '\t']);
        let ends = rest.is_empty() || rest.starts_with(['\n', '.', ',', ';', ')', '!', '?']);
        let digits = y.as_str().trim_start_matches('\'');
        if let (true, Ok(n)) = (apostrophe || ends, digits.parse()) {
            return (Year::TwoDigit(n), y.end());
        }
    }
    // The trailing `.` of `dec.` belongs to the date only when a year follows it; otherwise it is
    // as likely the full stop of the sentence.
    let end = if text[..month_end].ends_with('.') {
        month_end - 1
    } else {
        month_end
    };
    (Year::Missing, end)
}

/// `april 14, 2015` and `ons, feb 13`: month first, only with a year after or a weekday before.
fn month_day(text: &str, raws: &mut Vec<Raw>) {
    for c in MONTH_DAY.captures_iter(text) {
        let (Some(m), Some(mo), Some(d)) = (c.get(0), c.name("month"), c.name("day")) else {
            continue;
        };
        if glued(text, m.start()) || c.name("wd").is_none() && c.name("year").is_none() {
            continue;
        }
        let (Ok(day), Some(month)) = (d.as_str().parse::<u8>(), month_number(mo.as_str())) else {
            continue;
        };
        let year = c
            .name("year")
            .and_then(|y| y.as_str().parse().ok())
            .map_or(Year::Missing, Year::Written);
        raws.push(Raw {
            start: mo.start(),
            end: m.end(),
            day: Day::Fixed(day),
            month,
            year,
        });
    }
}

/// `2015-3-3`, `21/04/2016`, `13.5.2015`, `31/10/74`.
fn numeric(text: &str, raws: &mut Vec<Raw>) {
    for c in NUMERIC.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if glued(text, m.start()) || !numeric_boundaries(text, m.start(), m.end()) {
            continue;
        }
        let s = |name: &str| c.name(name).map(|x| x.as_str());
        let num = |name: &str| s(name).and_then(|x| x.parse::<u16>().ok());
        let parsed = if let Some(y) = num("iy") {
            let month = num("im")
                .and_then(|x| u8::try_from(x).ok())
                .or_else(|| s("imon").and_then(month_number));
            (s("is1") == s("is2"))
                .then_some(())
                .and_then(|()| Some((num("id")?, month?, Year::Written(y))))
        } else {
            let (sep1, sep2, digits) = (s("ns1"), s("ns2"), s("ny").unwrap_or(""));
            let two = digits.len() == 2;
            // The second separator repeats the first; after a slash the year may also follow a
            // dash, a comma or a space (`11/12-2020`, `11/12,2016`, `11/12 2020`), but a two-digit
            // year only the same slash (`11/12 16` is two numbers).
            let ok = match (sep1, sep2) {
                (a, b) if a == b => true,
                (Some("/"), Some("-" | ",")) | (Some("/"), None) => !two,
                _ => false,
            };
            let before = &text[floor_boundary(text, m.start().saturating_sub(24))..m.start()];
            let numbering = two && (NUMBERING_BEFORE.is_match(before) || heading_number(text, m));
            let year = num("ny").map(|y| {
                if two {
                    Year::TwoDigit(y)
                } else {
                    Year::Written(y)
                }
            });
            (ok && !numbering)
                .then_some(())
                .and_then(|()| Some((num("nd")?, u8::try_from(num("nm")?).ok()?, year?)))
        };
        let Some((day, month, year)) = parsed else {
            continue;
        };
        let Ok(day) = u8::try_from(day) else { continue };
        raws.push(Raw {
            start: m.start(),
            end: m.end(),
            day: Day::Fixed(day),
            month,
            year,
        });
    }
}

/// `den 22/04`, `senast 30/9`: a day and month in digits after a word that makes them a date; the
/// year is the document's. The leading word is not part of the span.
fn numeric_without_year(text: &str, raws: &mut Vec<Raw>) {
    for c in DAY_MONTH_NUMERIC.captures_iter(text) {
        let (Some(d), Some(mo)) = (c.name("day"), c.name("month")) else {
            continue;
        };
        let (start, end) = (d.start(), mo.end());
        if !numeric_boundaries(text, start, end)
            || FRACTION_AFTER.is_match(&text[end..floor_boundary(text, end + 16)])
        {
            continue;
        }
        let (Ok(day), Ok(month)) = (d.as_str().parse::<u8>(), mo.as_str().parse::<u8>()) else {
            continue;
        };
        if !possible(Day::Fixed(day), month) {
            continue;
        }
        raws.push(Raw {
            start,
            end,
            day: Day::Fixed(day),
            month,
            year: Year::Missing,
        });
    }
}

/// `juldagen 2019`, `midsommarafton 2021`: a holiday with its year, resolved to its day.
fn holidays(text: &str, raws: &mut Vec<Raw>) {
    for c in HOLIDAY_YEAR.captures_iter(text) {
        let (Some(m), Some(name), Some(y)) = (c.get(0), c.name("name"), c.name("year")) else {
            continue;
        };
        // `julafton 2019-12-24` is the numeric date's; `Förjulafton 2019` is another word.
        if glued(text, m.start()) || !numeric_boundaries(text, y.start(), y.end()) {
            continue;
        }
        let Some(date) = y
            .as_str()
            .parse()
            .ok()
            .and_then(|year| holiday::date(name.as_str(), year))
        else {
            continue;
        };
        raws.push(Raw {
            start: m.start(),
            end: m.end(),
            day: Day::Fixed(date.day),
            month: date.month,
            year: Year::Written(date.year),
        });
    }
}

/// Whether a numeric form at `start..end` stands alone: not inside a longer number or reference
/// (`1.2.3.2015`, `2015/03/01/SF`, `3/3/20155`, `12.5.2015,5`) and not followed by a unit.
fn numeric_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().rev().take(2).collect::<Vec<_>>();
    if let [sep, prev] = before[..]
        && matches!(sep, '/' | '.' | '-' | ':' | ',')
        && prev.is_alphanumeric()
    {
        return false;
    }
    let mut after = text[end..].chars();
    match (after.next(), after.next()) {
        (Some(c), _) if c.is_alphanumeric() || matches!(c, '/' | ':' | '%') => return false,
        (Some('-' | '.' | ',' | '/'), Some(d)) if d.is_ascii_digit() => return false,
        _ => {}
    }
    !UNIT_AFTER.is_match(&text[end..floor_boundary(text, end + 16)])
}

/// Whether the match opens its line and a capitalised word follows: a heading number
/// (`2.1.10 Bakgrund`), not a date.
fn heading_number(text: &str, m: regex::Match<'_>) -> bool {
    let line_start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..m.start()].trim().is_empty()
        && text[m.end()..]
            .trim_start_matches([' ', '\t'])
            .starts_with(char::is_uppercase)
}

/// `sista dagen i oktober 2015`, `tredje tisdagen i september 2014`, `den sista februari`.
fn calendar_expressions(text: &str, raws: &mut Vec<Raw>) {
    for c in CALENDAR.captures_iter(text) {
        let (Some(m), Some(o), Some(mo)) = (c.get(0), c.name("ord"), c.name("month")) else {
            continue;
        };
        if glued(text, m.start()) {
            continue;
        }
        let Some(month) = month_number(mo.as_str()) else {
            continue;
        };
        let last = o.as_str().eq_ignore_ascii_case("sista");
        let unit = c.name("unit").map(|u| u.as_str().to_lowercase());
        let weekday = unit.as_deref().and_then(|u| {
            if u.starts_with("dag") {
                None
            } else {
                words::weekday(u)
            }
        });
        let day = match (last, unit.is_some(), weekday) {
            (true, _, Some(wd)) => Day::LastWeekday(wd),
            (true, _, None) => Day::Last,
            (false, _, Some(wd)) => match ordinal(o.as_str()) {
                Some(n) => Day::NthWeekday(n, wd),
                None => continue,
            },
            // `tredje dagen i oktober`; a bare `tredje mars` is the day-month form's.
            (false, true, None) => match ordinal(o.as_str()) {
                Some(n) => Day::Fixed(n),
                None => continue,
            },
            (false, false, None) => continue,
        };
        let month_end = c.name("dot").map_or(mo.end(), |d| d.end());
        let (year, end) = match c
            .name("year")
            .and_then(|y| Some((y.as_str().parse().ok()?, y)))
        {
            Some((n, y)) => (Year::Written(n), y.end()),
            None if text[..month_end].ends_with('.') => (Year::Missing, month_end - 1),
            None => (Year::Missing, month_end),
        };
        raws.push(Raw {
            start: m.start(),
            end,
            day,
            month,
            year,
        });
    }
}

/// The year of two digits `yy`: the century that puts it nearest the middle of the document's
/// `written` years, or without them the usual pivot (00–49 → 20xx, 50–99 → 19xx).
fn century(yy: u16, written: &[u16]) -> u16 {
    let pivot = if yy < 50 { 2000 + yy } else { 1900 + yy };
    if written.is_empty() {
        return pivot;
    }
    let mut sorted = written.to_vec();
    sorted.sort_unstable();
    let mid = sorted[sorted.len() / 2];
    let (a, b) = (1900 + yy, 2000 + yy);
    match a.abs_diff(mid).cmp(&b.abs_diff(mid)) {
        std::cmp::Ordering::Less => a,
        std::cmp::Ordering::Greater => b,
        std::cmp::Ordering::Equal => pivot,
    }
}

/// The words before a date that give its role; matched against the text just before it.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?:
            (?P<deadline> \b(?: senast | före | innan | till\s+och\s+med | t\.\s?o\.\s?m\.? ) )
          | (?P<from> \b(?: från\s+och\s+med | fr\.\s?o\.\s?m\.? | träder\s+i\s?kraft | gäller\s+från ) )
          | (?P<published> \b(?: publicerad | publicerat | publiceringsdatum ) \s*:? )
          | (?P<decision> \b(?: beslutade | beslutades | beslutad | beslutat | beslutsdatum
                              | beslut\s+den | beslöt ) \s*:? )
        )
        (?: \s+ den )? \s+ $",
    )
    .expect("role pattern")
});

/// A year written out as a year, for the document-year rule (`2020`, not `2 020`).
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)").expect("year pattern"));

/// The Swedish month names, January first.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// The month number of a Swedish month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    const PREFIXES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    let i = PREFIXES.iter().position(|p| lower.starts_with(p))?;
    u8::try_from(i + 1).ok()
}

/// The year a year-less date belongs to: the year of the document's decision date, else of its
/// (last) signing date, when every dated mention lies within a year of it; else the one year all dated mentions agree on, or — when no date has a
/// year — the one year the text mentions. `None` when there is no such year.
fn document_year(text: &str, raws: &[Raw], roles: &[Option<DateRole>]) -> Option<u16> {
    if raws.iter().all(|r| r.year != Year::Missing) {
        return None; // nothing needs it; skip the scan
    }
    let with_role = |want: DateRole| {
        raws.iter()
            .zip(roles)
            .filter(move |(_, r)| **r == Some(want))
            .filter_map(|(raw, _)| raw.written())
    };
    // The decision or signing date anchors the document only when its dated mentions all lie
    // within a year of it: a file of several decisions (2011, 2016, 2022) has no one year.
    let coherent = |y: u16| {
        raws.iter()
            .filter_map(Raw::written)
            .all(|w| w.abs_diff(y) <= 1)
    };
    let anchor = with_role(DateRole::Decision)
        .next()
        .or_else(|| with_role(DateRole::Signed).next_back());
    if let Some(y) = anchor.filter(|&y| coherent(y)) {
        return Some(y);
    }
    let mut years = raws.iter().filter_map(Raw::written).peekable();
    if years.peek().is_none() {
        let mut all = YEAR
            .find_iter(text)
            .filter_map(|m| m.as_str().parse::<u16>().ok());
        let first = all.next()?;
        return all.all(|y| y == first).then_some(first);
    }
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

/// The role of date `r`.
fn role(text: &str, r: &Raw, raws: &[Raw]) -> Option<DateRole> {
    let lo = floor_boundary(text, r.start.saturating_sub(48));
    if let Some(c) = ROLE.captures(&text[lo..r.start]) {
        return Some(if c.name("deadline").is_some() {
            DateRole::Deadline
        } else if c.name("from").is_some() {
            DateRole::From
        } else if c.name("published").is_some() {
            DateRole::Published
        } else {
            DateRole::Decision
        });
    }
    signature_line(text, r.start, r.end, raws).then_some(DateRole::Signed)
}

/// Whether the date at `start..end` sits on a line of dates alone (with `den`, place names and
/// commas) that is a signature block: two or more dates on the line, or one in the second half of
/// the document (a lone date line at the top is the letter's date, not a signature).
fn signature_line(text: &str, start: usize, end: usize, raws: &[Raw]) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    // `raws` are in text order and never overlap: the line's dates are the run from the first
    // one on it, found by halving, not by testing every date of the document for every date.
    let on_line: Vec<_> = raws[raws.partition_point(|r| r.start < line_start)..]
        .iter()
        .take_while(|r| r.end <= line_end)
        .collect();
    // Everything on the line that is not a date must be `den`, a capitalised place name or
    // punctuation.
    let mut pos = line_start;
    for r in &on_line {
        if !filler(&text[pos..r.start]) {
            return false;
        }
        pos = r.end;
    }
    if !filler(&text[pos..line_end]) {
        return false;
    }
    on_line.len() >= 2 || start * 2 >= text.len()
}

/// Text allowed beside the dates of a signature line.
fn filler(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':'))
        .all(|w| w.is_empty() || w == "den" || w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dates in `text` as ISO strings (`-` for a date without a value).
    fn values(text: &str) -> Vec<String> {
        find(text)
            .iter()
            .map(|d| d.value.map_or("-".to_string(), |v| v.to_string()))
            .collect()
    }

    #[track_caller]
    fn assert_dates(text: &str, expected: &[&str]) {
        assert_eq!(values(text), expected, "{text:?}");
    }

    #[track_caller]
    fn assert_role(text: &str, role: Option<DateRole>) {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text:?} → {found:#?}");
        assert_eq!(found[0].role, role, "{text:?}");
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("December"), Some(12));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("maj"), Some(5));
        assert_eq!(month_number("majs"), Some(5));
        assert_eq!(month_number("foo"), None);
    }

    #[test]
    fn line_break_inside_but_not_blank_line() {
        assert_dates("senast den 11\ndecember 2020 det", &["2020-12-11"]);
        assert_dates("den 11 december\n\n2020 var ett år, 2021 ett annat", &["-"]);
    }

    #[test]
    fn document_year_only_when_unambiguous() {
        assert_dates("Beslut 2020. Senast den 3 mars.", &["2020-03-03"]);
        assert_dates("Åren 2019 och 2020. Senast den 3 mars.", &["-"]);
        assert_dates(
            "den 1 maj 2020 och den 3 mars",
            &["2020-05-01", "2020-03-03"],
        );
    }

    #[test]
    fn impossible_days_are_dropped() {
        assert_dates("den 30 februari 2020", &[]);
        assert_dates("den 30 februari", &[]);
        assert_dates("den 29 februari 2020", &["2020-02-29"]);
    }

    #[test]
    fn roles() {
        assert_role(
            "ska redovisas senast den 11 december 2020.",
            Some(DateRole::Deadline),
        );
        assert_role("gäller fr.o.m. 1 januari 2021", Some(DateRole::From));
        assert_role("Publicerad: 20 november 2018", Some(DateRole::Published));
        assert_role(
            "Regeringen beslutade den 4 juni 2020 att",
            Some(DateRole::Decision),
        );
        assert_role("antalet invånare per den 1 november 2019.", None);
    }

    #[test]
    fn signature_lines() {
        let text = "Lång text om villkoren.\n\nden 16 juni 2020 den 15 juni 2020\n";
        let roles: Vec<_> = find(text).iter().map(|d| d.role).collect();
        assert_eq!(roles, [Some(DateRole::Signed), Some(DateRole::Signed)]);
        assert_role(
            "Stockholm den 3 mars 2020\nen lång text efteråt som fortsätter",
            None,
        );
        assert_role(
            "Lång text.\nStockholm den 3 mars 2020\n",
            Some(DateRole::Signed),
        );
    }

    #[test]
    fn two_digit_years_follow_the_document() {
        assert_eq!(century(15, &[]), 2015);
        assert_eq!(century(74, &[]), 1974);
        assert_eq!(century(45, &[1961, 1963]), 1945);
        assert_eq!(century(74, &[2016]), 1974);
        assert_eq!(century(20, &[1995, 2019, 2021]), 2020);
    }

    #[test]
    fn den_glued_to_the_day_is_not_a_word() {
        assert!(!glued("den11 december", 3));
        assert!(glued("Eden11 december", 4));
        assert!(glued("den11 december", 4));
        assert!(glued("S2019", 1));
    }

    #[test]
    fn numeric_forms_stand_alone() {
        assert_dates("den 3/3/2015.", &["2015-03-03"]);
        assert_dates("1.2.3.2015", &[]);
        assert_dates("3/3/20155", &[]);
        assert_dates("12.5.2015,5", &[]);
        assert_dates("2015/03/01/SF", &[]);
        assert_dates("3.4.15 % av", &[]);
        assert_dates("3.4.15 på natten", &["2015-04-03"]);
        assert_dates("avsnitt 3.4.15 om", &[]);
        assert_dates("3.4.2015 Beslut", &["2015-04-03"]);
        assert_dates("3.4.15 Beslut", &[]);
        assert_dates("11/12 16", &[]);
        assert_dates("3/3-15", &[]);
        assert_dates("2015-3/3", &[]);
    }

    /// The dates in `text` as `value [matched words]`, `*` marking an inferred value.
    fn spans(text: &str) -> Vec<String> {
        find(text)
            .iter()
            .map(|d| {
                let v = d.value.map_or("-".to_string(), |v| v.to_string());
                format!("{v}{} [{}]", if d.inferred { "*" } else { "" }, d.text)
            })
            .collect()
    }

    #[test]
    fn holidays_with_a_year() {
        for (text, expected) in [
            (
                "Kontoret stängt juldagen 2019.",
                &["2019-12-25 [juldagen 2019]"][..],
            ),
            (
                "firas midsommarafton 2021 i parken",
                &["2021-06-25 [midsommarafton 2021]"],
            ),
            (
                "till och med nyårsafton 2020",
                &["2020-12-31 [nyårsafton 2020]"],
            ),
            (
                "Nationaldagen 2018 firades",
                &["2018-06-06 [Nationaldagen 2018]"],
            ),
            ("julafton år 2016 var", &["2016-12-24 [julafton år 2016]"]),
            (
                "senast annandag påsk, 2024.",
                &["2024-04-01 [annandag påsk, 2024]"],
            ),
            ("julafton 2019-12-24", &["2019-12-24 [2019-12-24]"]),
            // No year: no reference year, no date.
            ("stängt under midsommarafton och juldagen", &[]),
            ("förjulafton 2019", &[]),
            ("juldagen 2019/123", &[]),
        ] {
            assert_eq!(spans(text), expected, "{text:?}");
        }
    }

    #[test]
    fn day_and_month_in_digits_after_den_or_senast() {
        for (text, expected) in [
            (
                "Beslut 2020. Mötet den 22/04 kl. 10.",
                &["2020-04-22* [22/04]"][..],
            ),
            (
                "Beslut 2020. Redovisas senast 30/9.",
                &["2020-09-30* [30/9]"],
            ),
            (
                "Beslut 2021. Gäller fr.o.m. 1/7 och t.o.m. 31/12",
                &["2021-07-01* [1/7]", "2021-12-31* [31/12]"],
            ),
            (
                "Beslut 2021. Från och med 1/7 gäller",
                &["2021-07-01* [1/7]"],
            ),
            ("Åren 2019 och 2020. Senast den 3/3.", &["- [3/3]"]),
            ("Mötet den 22/04 2020", &["2020-04-22 [22/04 2020]"]),
            // Fractions, scores and compounds are not dates.
            ("Beslut 2020. 3/4 av medlen", &[]),
            ("Beslut 2020. den 3/4 av medlen", &[]),
            ("Beslut 2020. den 1/2 miljon kronor", &[]),
            ("Beslut 2020. den 22/04-projektet", &[]),
            ("Beslut 2020. med den 2/3-majoritet", &[]),
            ("Beslut 2020. matchen slutade 3/1", &[]),
            ("Beslut 2020. den 31/4 finns inte", &[]),
            ("Beslut 2020. den 22/04/SF", &[]),
            ("Beslut 2020. den 3/45", &[]),
        ] {
            assert_eq!(spans(text), expected, "{text:?}");
        }
    }

    #[test]
    fn two_digit_year_after_a_month_only_at_a_sentence_end() {
        assert_dates("den 3 mars 15.", &["2015-03-03"]);
        assert_dates("den 3 mars '15 kom", &["2015-03-03"]);
        let found = find("Den 3 mars 2021 kom 15 personer och den 4 mars 15 deltagare.");
        let texts: Vec<_> = found.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["3 mars 2021", "4 mars"]);
    }

    #[test]
    fn month_first_needs_a_year_or_a_weekday() {
        assert_dates("April 14, 2015", &["2015-04-14"]);
        assert_dates("i april 14 deltagare", &[]);
        assert_dates("Ons, feb 13", &["-"]);
    }

    #[test]
    fn calendar_expressions_compute_the_day() {
        assert_dates("sista dagen i februari 2024", &["2024-02-29"]);
        assert_dates("femte måndagen i februari 2021", &[]);
        assert_dates("den sista mars", &["-"]);
        assert_dates("andra dagen i april 2020", &["2020-04-02"]);
        assert_dates("första priset i april 2020", &[]);
    }

    #[test]
    fn inferred_marks_what_the_text_did_not_write() {
        let d = find("Beslut 2020. Senast den 3 mars och den 4 mars 2020.");
        let flags: Vec<_> = d.iter().map(|d| d.inferred).collect();
        assert_eq!(flags, [true, false]);
        assert!(find("3/3/15")[0].inferred);
        assert!(!find("senast den 3 mars")[0].inferred);
    }

    #[test]
    fn decision_year_only_for_a_coherent_document() {
        assert_dates(
            "Regeringen beslutade den 4 juni 2020. Senast den 1 maj 2019 och den 31 augusti.",
            &["2020-06-04", "2019-05-01", "2020-08-31"],
        );
        assert_dates(
            "Regeringen beslutade den 4 juni 2022. Brevet den 1 maj 2016 och den 31 augusti.",
            &["2022-06-04", "2016-05-01", "-"],
        );
    }
}
