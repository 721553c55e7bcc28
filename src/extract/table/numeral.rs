//! The numeral grammar as the table reader uses it: the one place where the reader asks
//! [`crate::number`] its digit, sign, grouping and unit questions, in the reader's own terms.
//!
//! **In:** pieces of one line. **Out:** exact values (`mantissa / 10^decimals`), whether a digit
//! group may start or continue a grouped number, whether a number is a year, and the units a
//! caption or header states. **Deliberately not done:** finding numbers in running text (the
//! amount extractor's job) and deciding what a number means in its table.

use std::sync::LazyLock;

use regex::Regex;

use crate::number::{self, units};
use crate::record::Money;

/// A minus sign as exports write it: hyphen-minus, minus sign or en dash.
pub(super) fn is_sign(c: char) -> bool {
    number::is_minus(c)
}

/// A space that only ever groups digits (no-break, thin, narrow no-break): never a column gap.
pub(super) fn is_group_space(c: char) -> bool {
    c != ' ' && number::GROUP_SEPARATORS.contains(&c)
}

/// An exact decimal number: `mantissa / 10^decimals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Exact {
    pub mantissa: i128,
    pub decimals: u32,
}

/// Parses a number as written (`1 444`, `151,2`, `−3,4`, `1\u{2009}000`), `None` for anything else.
pub(super) fn parse(s: &str) -> Option<Exact> {
    number::parse(s).map(|d| Exact {
        mantissa: d.mantissa,
        decimals: d.decimals,
    })
}

/// The value in öre of `n` stated in units of `kronor` kronor, when exact and in range.
pub(super) fn money(n: Exact, kronor: i64) -> Option<Money> {
    let scaled = n
        .mantissa
        .checked_mul(i128::from(kronor))?
        .checked_mul(100)?;
    let div = 10i128.checked_pow(n.decimals)?;
    if scaled % div != 0 {
        return None;
    }
    i64::try_from(scaled / div).ok().map(Money)
}

/// Half a unit of `n`'s last digit, in öre, when stated in units of `kronor`: its rounding.
pub(super) fn half_unit(n: Exact, kronor: i64) -> i128 {
    let unit = i128::from(kronor) * 100;
    10i128
        .checked_pow(n.decimals)
        .map_or(0, |div| unit / div / 2)
}

/// A digit group `s` (digits, perhaps a decimal comma) that may open a grouped number.
pub(super) fn opens_group(s: &str) -> bool {
    number::opens_group(s)
}

/// A digit group that may continue a grouped number.
pub(super) fn continues_group(s: &str) -> bool {
    number::continues_group(s)
}

/// A digit group with a decimal comma ends its number.
pub(super) fn closes_number(s: &str) -> bool {
    number::closes_number(s)
}

/// Whether `s` is written as a year (`2017`): four digits, 1900–2100, no grouping or decimals.
pub(super) fn is_year(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Units stated in a caption or header: the unit table's caption spellings, as whole words.
static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?xi) (?: ^ | [^\p{{L}}] ) (?P<u> {} ) (?: [^\p{{L}}] | $ )",
        units::caption_pattern()
    ))
    .expect("valid regex")
});

/// A unit in capitals run into the caption word before it (`ResultaträkningTKR`): HTML exports
/// glue a table's title cell to its unit cell, and the step from a small letter to capitals marks
/// where one ended. Capitals only: `Utkr` or `Summakronor` are no such join.
static GLUED_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x) \p{{Ll}} (?P<u> (?i: {} ) ) (?: [^\p{{L}}] | $ )",
        units::caption_pattern()
    ))
    .expect("valid regex")
});

/// A rate rather than a unit right after a unit word: `kr/invånare`, `kronor per elev`.
static RATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:/|per\s)").expect("valid regex"));

/// A number right before a unit word: the end of the text before the unit.
static NUMBER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) (?P<n> [0-9]{1,3} (?: [\x20\u{a0}\u{2009}\u{202f}] [0-9]{3} )+ | [0-9]+ )
        (?: , [0-9]+ )? (?P<tal> -?tals? )? [\x20\u{a0}]* $",
    )
    .expect("valid regex")
});

/// Every unit `s` states, as (kronor per unit, the unit as written); rates (`kr/invånare`) are
/// not units of money. A unit word after a number is that amount's (`fördelar 3 miljarder kronor
/// enligt tabellen`), not the caption's, unless the number is a year (`Budget 2025 tkr`) or a
/// count of kronor states the unit (`Belopp i 1 000-tal kronor`, `(1 000 kr)`: tusental kronor).
pub(super) fn units_in(s: &str) -> Vec<(i64, &str)> {
    let glued = GLUED_UNIT
        .captures_iter(s)
        .filter_map(|c| c.name("u"))
        .filter(|u| !u.as_str().chars().any(char::is_lowercase));
    UNIT.captures_iter(s)
        .filter_map(|c| c.name("u"))
        .chain(glued)
        .filter_map(|u| {
            if RATE.is_match(&s[u.end()..]) {
                return None;
            }
            let factor = i64::try_from(units::caption_unit_of(u.as_str())?).ok()?;
            // A unit word in capitals opens a caption line of its own, joined here to the line
            // above (`Anslag 9` ⏎ `Tusental kronor`); prose writes an amount's unit in small
            // letters, or abbreviated (`360 Mkr`).
            let opens_line = u.as_str().split_whitespace().next().is_some_and(|w| {
                w.chars().count() >= 4
                    && w.starts_with(char::is_uppercase)
                    && w.chars().skip(1).all(char::is_lowercase)
            });
            let before = NUMBER_BEFORE
                .captures(&s[..u.start()])
                .filter(|_| !opens_line);
            let Some(before) = before else {
                return Some((factor, u.as_str()));
            };
            let n = before.name("n")?;
            let thousand = n.as_str().replace(|c: char| !c.is_ascii_digit(), "") == "1000";
            let counted =
                before.name("tal").is_some() || units::opens_unit_statement(&s[..n.start()]);
            if thousand && counted && factor == 1 {
                Some((1000, &s[n.start()..u.end()]))
            } else if is_year(n.as_str()) && before.get(0)?.as_str().trim_end() == n.as_str() {
                Some((factor, u.as_str()))
            } else {
                None
            }
        })
        .collect()
}

/// A unit word written after a line's last number (`48 617 tkr`, `0 tkr`): the unit table's
/// caption spellings, after a digit and a space, ending the line.
static TRAILING_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?xi) [0-9] [\x20\u{{a0}}\u{{2009}}\u{{202f}}]+ (?P<u> {} ) $",
        units::caption_pattern()
    ))
    .expect("valid regex")
});

/// A number, its unit and the next section's number run together (`0 tkr2.1.3Finansiella
/// villkor`): the unit word ends the value, and the section heading is a line of its own.
static UNIT_THEN_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x) [0-9] [\x20\u{{a0}}\u{{2009}}\u{{202f}}]+ (?i: {} )
        (?P<next> [0-9]+ (?: \. [0-9]+ )+ \p{{Lu}} )",
        units::caption_pattern()
    ))
    .expect("valid regex")
});

/// A figure standing alone, then the next row's label run onto it (`-565ÅRETS KASSAFLÖDE`, as an
/// export of one cell per line writes a table's last cell before a heading): a grouped number,
/// signed or not, then a capitalised word. A year or a four-digit run (`2018Årsredovisning`) is
/// no such figure.
static FIGURE_THEN_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ [\x20\t]*
        [-\u{2212}\u{2013}]? [0-9]{1,3} (?: [\x20\u{a0}\u{2009}\u{202f}] [0-9]{3} )* (?: , [0-9]+ )?
        (?P<next> \p{Lu} \p{L} )",
    )
    .expect("valid regex")
});

/// A row, then the next group's heading run onto its line (`Verket för högskoleservice 112 136
/// Affärsverk`, as an export writes a sub-heading cell on the line of the last row above it): a
/// label of words, two or more figures, then one to three words opening with a capital and no
/// digit or sentence end. The figures must be the whole rest of the line, so prose (`fick 2 000
/// kronor`) and a row ending in a unit (`48 617 tkr`, read off elsewhere) are no such line.
static ROW_THEN_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ [\x20\t]* [^0-9\n]*? \p{L} [^0-9\n]*? [\x20\t]+
        (?P<figures>
            [-\u{2212}\u{2013}]? [0-9]{1,3} (?: [\x20\u{a0}\u{2009}\u{202f}] [0-9]{3} )* (?: , [0-9]+ )?
            (?: [\x20\t]+ [-\u{2212}\u{2013}]? [0-9]{1,3}
                (?: [\x20\u{a0}\u{2009}\u{202f}] [0-9]{3} )* (?: , [0-9]+ )? )+
        )
        [\x20\t]+ (?P<next> \p{Lu} \p{Ll}+ (?: [\x20-] \p{L}+ ){0,2} ) [\x20\t]* $",
    )
    .expect("valid regex")
});

/// Where the next group's heading run onto a row's line begins (`Verket för högskoleservice 112
/// 136 Affärsverk`: at `Affärsverk`), as a byte offset in `t`. A unit word (`tkr`, `Mkr`) ends
/// its row instead, and a header row of years (`Kommunen 2018 2017 Koncernen`) names columns.
pub(super) fn heading_after_row(t: &str) -> Option<usize> {
    if !t.ends_with(char::is_alphabetic) || trailing_unit(t).is_some() {
        return None; // most lines: no regex search
    }
    let c = ROW_THEN_HEADING.captures(t)?;
    let figures = c.name("figures")?.as_str();
    if figures.split_whitespace().all(is_year) {
        return None;
    }
    c.name("next").map(|m| m.start())
}

/// Where the label run onto a figure standing alone begins (`-565ÅRETS KASSAFLÖDE`: at `Å`), as a
/// byte offset in `t`. The caller asks only where the line above is a figure alone.
pub(super) fn label_after_figure(t: &str) -> Option<usize> {
    FIGURE_THEN_LABEL
        .captures(t)
        .and_then(|c| c.name("next"))
        .map(|m| m.start())
}

/// Where the section heading run onto a value and its unit begins (`0 tkr2.1.3Finansiella`:
/// at `2.1.3`), as a byte offset in `t`.
pub(super) fn section_after_unit(t: &str) -> Option<usize> {
    UNIT_THEN_SECTION
        .captures(t)
        .and_then(|c| c.name("next"))
        .map(|m| m.start())
}

/// Whether header line `t` closes with a regleringsbrev's disposer column (`Anslagspost Belopp
/// Disponeras av`, `Anslag  Belopp  Disponeras av`): words before it head the label and the
/// amounts. `Disponeras av Kammarkollegiet` is a row's label, not a header.
pub(super) fn heads_disposer_column(t: &str) -> bool {
    const HEADER: &str = "disponeras av";
    let t = t.trim_end();
    t.len() > HEADER.len()
        && t.is_char_boundary(t.len() - HEADER.len())
        && t[t.len() - HEADER.len()..].eq_ignore_ascii_case(HEADER)
        && t[..t.len() - HEADER.len()].ends_with([' ', '\t'])
        && t.chars().any(char::is_alphabetic)
        && !t.contains(|c: char| c.is_ascii_digit())
}

/// Where a name closing a row after its figures begins (`… 897 000 Socialstyrelsen`,
/// `… 12 000 Länsstyrelsen i Stockholms län`), as the byte offset of the white space after the
/// last digit. `None` unless white space follows the last digit and the rest is words of
/// letters (and hyphens) opening with a capital: a unit (`tkr`), a `%` or a sentence is no name.
pub(super) fn name_after_figures(t: &str) -> Option<usize> {
    let t = t.trim_end();
    let at = t.rfind(|c: char| c.is_ascii_digit())? + 1;
    let name = t[at..].trim_start();
    let gap = t.len() - at - name.len();
    let words = name.split_whitespace().count();
    let ok = gap > 0
        && name.starts_with(char::is_uppercase)
        && (1..=8).contains(&words)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == ' ' || c == '\t')
        && units_in(name).is_empty();
    ok.then_some(at)
}

/// The unit that ends line `t` right after a number, as (its byte offset in `t`, kronor per
/// unit); `None` when the line does not end so. Whether the text before it is a number the
/// caller decides (`covid-19 tkr` and `ap.1 tkr` hold none).
pub(super) fn trailing_unit(t: &str) -> Option<(usize, i64)> {
    if !t.ends_with(char::is_alphabetic) {
        return None; // most lines: no regex search
    }
    let u = TRAILING_UNIT.captures(t)?.name("u")?;
    let factor = i64::try_from(units::caption_unit_of(u.as_str())?).ok()?;
    Some((u.start(), factor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_run_onto_a_figure_is_cut_off_it() {
        // (line, the label's start)
        let cases = [
            ("-565ÅRETS KASSAFLÖDE", Some(4)),
            ("1 469Varav kortfristiga", Some(5)),
            ("12,5Summa", Some(4)),
            ("2018Årsredovisning", None),
            ("1002Foo", None),
            ("Summa 400", None),
            ("400 ÅRETS", None),
            ("3A", None),
        ];
        for (line, at) in cases {
            assert_eq!(label_after_figure(line), at, "{line:?}");
        }
    }

    #[test]
    fn a_disposers_name_closes_a_row_and_its_header_closes_the_header_line() {
        // (line, where the name's white space starts)
        let cases = [
            ("ap.1 Stöd (ram) 897 000 Socialstyrelsen", Some(24)),
            (
                "1:5 Bidrag (ram)  120 500  Länsstyrelsen i Skåne län",
                Some(25),
            ),
            (
                "ap.2 Stöd (ram) 12 000 Myndigheten för vård- och omsorgsanalys",
                Some(23),
            ),
            // A unit, a share, a sentence, a name run onto the figure, no figure: no name.
            ("ap.1 Stöd (ram) 897 000 tkr", None),
            ("ap.1 Stöd 12 %", None),
            ("Bidraget är 12 000 kronor enligt beslut.", None),
            ("Disponeras av Kammarkollegiet22 744 817", None),
            ("ap.1 Stöd 897 000 socialstyrelsen", None),
            ("Socialstyrelsen", None),
        ];
        for (line, at) in cases {
            assert_eq!(name_after_figures(line), at, "{line:?}");
        }
        for (line, heads) in [
            ("Anslagspost Belopp Disponeras av", true),
            ("Anslag\tBelopp\tDisponeras av", true),
            ("ANSLAG BELOPP DISPONERAS AV", true),
            ("Disponeras av", false),
            ("Disponeras av Kammarkollegiet", false),
            ("Anslag Belopp 2025 Disponeras av", false),
        ] {
            assert_eq!(heads_disposer_column(line), heads, "{line:?}");
        }
    }

    #[test]
    fn a_heading_run_onto_a_rows_line_is_cut_off_it() {
        // (line, where the heading starts)
        let cases = [
            ("Verket för högskoleservice 112 136 Affärsverk", Some(37)),
            ("Lantmäteriet 1 145 -113 Övriga myndigheter", Some(25)),
            ("Region Norr 12,5 13,0 Region Syd", Some(22)),
            // A unit ends its row; years head columns; one figure may be prose.
            ("Kammarkollegiet 48 617 12 tkr", None),
            ("Kommunen 2018 2017 Koncernen", None),
            ("Försäkringskassan 1 407 Affärsverk", Some(26)),
            // Prose: no capital after the figures, or a sentence going on.
            ("Kommunen fick 2 000 3 000 kronor", None),
            ("Det blev 12 13 Det var bra i år", None),
            ("Summa 6 937 6 761", None),
            ("1 407 1 394 Affärsverk", None),
        ];
        for (line, at) in cases {
            assert_eq!(heading_after_row(line), at, "{line:?}");
        }
    }

    #[test]
    fn groups_open_and_continue_by_the_grouping_rules() {
        assert!(opens_group("98") && opens_group("1,5") && !opens_group("4500"));
        assert!(
            !opens_group("000"),
            "no number is written with a leading zero group"
        );
        assert!(continues_group("400") && continues_group("400,5") && !continues_group("40"));
        assert!(is_year("2017") && !is_year("1 017") && !is_year("2999"));
    }

    #[test]
    fn units_are_read_and_rates_are_not() {
        let u = |s: &str| units_in(s).into_iter().map(|(f, _)| f).collect::<Vec<_>>();
        assert_eq!(u("(belopp angivna i tkr)"), [1000]);
        assert_eq!(u("Tusental kronor"), [1000]);
        assert_eq!(u("Belopp i miljoner kronor"), [1_000_000]);
        assert_eq!(u("(mnkr)"), [1_000_000]);
        assert_eq!(u("KRONOR"), [1]);
        assert_eq!(u("kr/invånare"), Vec::<i64>::new());
        assert_eq!(u("Kronor per invånare"), Vec::<i64>::new());
        assert_eq!(u("Kriterier"), Vec::<i64>::new());
        // A unit in capitals glued to the title before it; never one in small letters.
        assert_eq!(u("ResultaträkningTKR KOMMUN KONCERN"), [1000]);
        assert_eq!(u("KassaflödesanalysMNKR"), [1_000_000]);
        assert_eq!(u("Resultaträkningtkr"), Vec::<i64>::new());
        assert_eq!(u("Utkr"), Vec::<i64>::new());
        assert_eq!(u("BalansräkningTKRX"), Vec::<i64>::new());
    }

    #[test]
    fn a_unit_after_an_amount_is_the_amounts() {
        fn u(s: &str) -> Vec<(i64, &str)> {
            units_in(s)
        }
        // An amount in a sentence above the table states no unit for it.
        assert_eq!(
            u("Regeringen fördelar 3 miljarder kronor enligt tabellen nedan."),
            []
        );
        assert_eq!(u("Totalt 12,5 miljoner kronor"), []);
        assert_eq!(u("Anslag 360 Mkr"), []);
        // A caption line opening with its unit, joined to a line above ending in a number.
        assert_eq!(
            u("Anslagsutveckling för utgiftsområde 9 Tusental kronor"),
            [(1000, "Tusental kronor")]
        );
        assert_eq!(
            u("Tabell 2. Fördelning av 3 miljarder kronor, tkr"),
            [(1000, "tkr")]
        );
        // A year before a header's unit is no amount.
        assert_eq!(u("Budget 2025 tkr"), [(1000, "tkr")]);
        assert_eq!(u("Utfall 2024 mnkr"), [(1_000_000, "mnkr")]);
        // Counts of kronor that state the unit.
        assert_eq!(u("Belopp i 1000-tal kronor"), [(1000, "1000-tal kronor")]);
        assert_eq!(u("Belopp i 1 000-tal kr"), [(1000, "1 000-tal kr")]);
        assert_eq!(u("Belopp i 1 000 kr"), [(1000, "1 000 kr")]);
        assert_eq!(u("Anslag (1 000 kr)"), [(1000, "1 000 kr")]);
        // A thousand kronor as an amount, or a count of another unit, states no unit.
        assert_eq!(u("ett bidrag om 1 000 kr till varje elev"), []);
        assert_eq!(u("Belopp i 1 000 mnkr"), []);
    }

    #[test]
    fn a_unit_after_the_last_number_ends_the_line() {
        assert_eq!(trailing_unit("Kammarkollegiet48 617 tkr"), Some((22, 1000)));
        assert_eq!(trailing_unit("(Ram)0 mnkr"), Some((7, 1_000_000)));
        assert_eq!(trailing_unit("Stockholm 1 200 kronor"), Some((16, 1)));
        // No number before it, a word after it, or a word that only begins like a unit.
        assert_eq!(trailing_unit("Belopp i tkr"), None);
        assert_eq!(trailing_unit("48 617 tkr per år"), None);
        assert_eq!(trailing_unit("48 617 tkrs"), None);
        assert_eq!(trailing_unit("Område 2 krav"), None);
    }

    #[test]
    fn values_are_exact() {
        let n = parse("1\u{2009}444,5").expect("a number");
        assert_eq!(
            n,
            Exact {
                mantissa: 14445,
                decimals: 1
            }
        );
        assert_eq!(money(n, 1_000), Some(Money(144_450_000)));
        assert_eq!(half_unit(n, 1_000), 5_000);
        assert_eq!(parse("12a"), None);
    }
}
