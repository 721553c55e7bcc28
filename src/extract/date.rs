//! Calendar dates.
//!
//! In: the repaired (or clean) text of one document. Out: [`Date`]s in reading order, each with its
//! validated value, the matched words, character offsets and a [`DateRole`] read from the words
//! before it (`senast den` → deadline, `fr.o.m.` → from, `Publicerad:` → published, `beslutade den`
//! → decision) or from its line (a line of nothing but dates late in the document is a signature
//! block → signed).
//!
//! Forms: `11 december 2020`, `11 dec. 2020`, ordinals `1:a februari 2020`, `2020-12-11`,
//! `11/12 2020`, `11.12.2020`; the words may be split by one line break. A date without a year
//! takes the document's year only when every dated mention in the document agrees on one year;
//! otherwise its value is `null`. Impossible days (`30 februari 2021`) are not dates at all.
//!
//! Deliberately not done here: the leading `den` is not part of the span; periods
//! (`1 januari–31 mars 2021`) are [`super::period`]'s, and [`super::extract`] drops dates inside
//! them; weekday names and relative dates (`i morgon`) are not read.

use std::sync::LazyLock;

use regex::Regex;

use super::amount::{WS, WS1, floor_boundary, glued_to_word};
use crate::offsets::CharIndex;
use crate::record::{Date, DateRole, IsoDate};

/// Swedish month names and their abbreviations, longest first so that `sept` wins over `sep`.
pub(crate) const MONTH: &str = r"(?i:januari|februari|mars|april|maj|juni|juli|augusti|september
    |oktober|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec)";

/// Every date form. Day-month forms may lack a year; the numeric forms never do, because `11/12`
/// alone may be a fraction or a score.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?-u:\b)
        (?:
            # 11 december 2020, 1:a februari 2020, 11 dec. 2020
            (?P<day> [0-3]?\d ) (?: :[ae] )? {WS1}
            (?P<month> {MONTH} ) (?-u:\b) \.?
            (?: {WS} (?P<year> [12]\d{{3}} ) (?-u:\b) )?
          |
            # 2020-12-11
            (?P<iy> [12]\d{{3}} ) - (?P<im> [01]\d ) - (?P<id> [0-3]\d ) (?-u:\b)
          |
            # 11/12 2020, 11/12-2020, 11.12.2020
            (?P<nd> [0-3]?\d ) (?: / (?P<nm> [01]?\d ) (?:\x20|-) | \. (?P<dm> [01]?\d ) \. )
            (?P<ny> [12]\d{{3}} ) (?-u:\b)
        )"
    );
    Regex::new(&pattern).expect("date pattern")
});

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

/// Finds every date in `text`, in reading order, with character offsets.
pub(crate) fn find(text: &str) -> Vec<Date> {
    let idx = CharIndex::new(text);
    let mut raws = Vec::new();
    for c in DATE.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        // The patterns use an ASCII `\b` to stay on the fast DFA; this is the Unicode check.
        if glued_to_word(text, m.start()) {
            continue;
        }
        let num = |name: &str| c.name(name).and_then(|x| x.as_str().parse::<u16>().ok());
        let (day, month, year) = if let Some(mo) = c.name("month") {
            (
                num("day"),
                month_number(mo.as_str()).map(u16::from),
                num("year"),
            )
        } else if c.name("iy").is_some() {
            (num("id"), num("im"), num("iy"))
        } else {
            (num("nd"), num("nm").or(num("dm")), num("ny"))
        };
        let (Some(day), Some(month)) = (day, month) else {
            continue;
        };
        let (Ok(day), Ok(month)) = (u8::try_from(day), u8::try_from(month)) else {
            continue;
        };
        // Trailing `.` of `dec.` belongs to the date only when a year follows it; otherwise it is
        // as likely the full stop of the sentence.
        let mut end = m.end();
        if year.is_none() && text[..end].ends_with('.') {
            end -= 1;
        }
        raws.push((m.start(), end, day, month, year));
    }
    let doc_year = document_year(text, &raws);
    let mut out = Vec::new();
    for &(start, end, day, month, year) in &raws {
        let value = match year.or(doc_year) {
            Some(y) => match IsoDate::new(y, month, day) {
                Some(d) => Some(d),
                None => continue,
            },
            // No year: still reject a day that exists in no year (`30 februari`, `32 maj`).
            None if IsoDate::new(2000, month, day).is_none() => continue,
            None => None,
        };
        out.push(Date {
            value,
            text: text[start..end].to_string(),
            start: idx.char_offset(start),
            end: idx.char_offset(end),
            role: role(text, start, end, &raws),
        });
    }
    out
}

/// The month number of a Swedish month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    const PREFIXES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    let i = PREFIXES.iter().position(|p| lower.starts_with(p))?;
    u8::try_from(i + 1).ok()
}

/// The year a year-less date belongs to: the one year all dated mentions agree on, or — when no
/// date has a year — the one year the text mentions. `None` when there is no such single year.
fn document_year(text: &str, raws: &[(usize, usize, u8, u8, Option<u16>)]) -> Option<u16> {
    if raws.iter().all(|r| r.4.is_some()) {
        return None; // nothing needs it; skip the scan
    }
    let mut years = raws.iter().filter_map(|r| r.4).peekable();
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

/// The role of the date at `start..end` (bytes).
fn role(
    text: &str,
    start: usize,
    end: usize,
    raws: &[(usize, usize, u8, u8, Option<u16>)],
) -> Option<DateRole> {
    let lo = floor_boundary(text, start.saturating_sub(48));
    if let Some(c) = ROLE.captures(&text[lo..start]) {
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
    signature_line(text, start, end, raws).then_some(DateRole::Signed)
}

/// Whether the date at `start..end` sits on a line of dates alone (with `den`, place names and
/// commas) that is a signature block: two or more dates on the line, or one in the second half of
/// the document (a lone date line at the top is the letter's date, not a signature).
fn signature_line(
    text: &str,
    start: usize,
    end: usize,
    raws: &[(usize, usize, u8, u8, Option<u16>)],
) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let on_line: Vec<_> = raws
        .iter()
        .filter(|r| r.0 >= line_start && r.1 <= line_end)
        .collect();
    // Everything on the line that is not a date must be `den`, a capitalised place name or
    // punctuation.
    let mut pos = line_start;
    for r in &on_line {
        if !filler(&text[pos..r.0]) {
            return false;
        }
        pos = r.1;
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
}
