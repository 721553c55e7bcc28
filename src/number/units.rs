//! The one table of units, currencies and scale words, and everything derived from it.
//!
//! **In:** [`UNITS`], one row per spelling. **Out:** the regex alternations the extractors compose
//! into their patterns ([`scale_pattern`], [`unit_pattern`], [`word_unit_pattern`],
//! [`caption_pattern`]) and the look-ups that turn a matched spelling back into its row
//! ([`scale_of`], [`unit_of`], [`caption_unit_of`], [`kept_by_repair`], [`cues_a_number`]), and the
//! currency words that say a text speaks of money ([`money_cue_pattern`]). Currency codes and
//! symbols that stand before a number ([`before_pattern`], [`before_of`]), the hundredths after a
//! main unit ([`subunit_pattern`], [`subunit_of`]) and the definite scale words
//! ([`definite_pattern`], [`definite_of`]) come from the same rows. Adding a unit is one row here;
//! every pattern picks it up.
//!
//! A row says how a spelling is matched ([`Case`]), what it is worth (a scale word multiplies, a
//! currency unit is worth `factor` öre), and where it is recognised ([`Uses`]). The places differ on
//! purpose and the table keeps each exactly as it was: running text is case-sensitive where case
//! carries meaning (`Mkr`, `mkr` and `MKR` are miljoner kronor, `MKr` is nothing; upper-case `MD` is a
//! doctor, lower-case `md` is miljarder), while a table caption is always matched ignoring case
//! (`BELOPP I MKR`).
//!
//! Every currency is its own ISO 4217 code: only the rows that mean Swedish kronor say `SEK`, so a
//! foreign code, symbol or name (`NOK`, `€`, `norska kronor`, `dollar`) can never be read as kronor.
//!
//! **Deliberately not here:** percentages and counted nouns (`miljoner invånare`), and where a unit
//! may be carried from one figure to another, which are the amount extractor's business.

use std::sync::LazyLock;

/// How a spelling's letter case is matched in running text. Captions always ignore case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Exactly as spelled: `Mkr` matches `Mkr` only.
    Exact,
    /// Ignoring case: `kronor` matches `Kronor` and `KRONOR`.
    Fold,
}

/// Where a spelling is recognised: a set of places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Uses(u16);

impl Uses {
    /// After a number in running text (`4,3 mkr`, `944 miljoner`).
    pub(crate) const TEXT: Uses = Uses(1);
    /// In a table's caption or header (`Belopp i tkr`, `(mnkr)`).
    pub(crate) const CAPTION: Uses = Uses(1 << 1);
    /// Directly after a number word, without a scale (`tjugo kronor`, `femtio öre`).
    pub(crate) const AFTER_WORD: Uses = Uses(1 << 2);
    /// Left as written by repair, ignoring ASCII case: an abbreviation, not a misread word.
    pub(crate) const REPAIR_KEEPS: Uses = Uses(1 << 3);
    /// Repair reads a `1` before a word that starts with this spelling as a number, not as `i`.
    pub(crate) const REPAIR_CUE: Uses = Uses(1 << 4);
    /// Anywhere near a number with a scale but no unit (`500 miljoner`), ignoring case: the text
    /// speaks of money, so the number is an amount (`… kronor …`, `SEK`, `kr`).
    pub(crate) const MONEY_CUE: Uses = Uses(1 << 5);
    /// Before a number in running text: a currency code or symbol (`EUR 20`, `€5,90`, `US$ 16,4
    /// miljoner`). Words never stand first (`kronor 5` is no amount).
    pub(crate) const BEFORE: Uses = Uses(1 << 6);
    /// After a main unit (and `och`): the hundredth of the currencies in [`Unit::hundredth_of`]
    /// (`2 kronor och 23 öre`, `5 euro och 50 cent`).
    pub(crate) const SUBUNIT: Uses = Uses(1 << 7);
    /// After `den` and perhaps one adjective: the one of a scale (`den årliga miljarden`).
    pub(crate) const DEFINITE: Uses = Uses(1 << 8);

    /// Whether every place in `other` is in `self`.
    pub(crate) const fn contains(self, other: Uses) -> bool {
        self.0 & other.0 == other.0
    }

    /// The places of both.
    pub(crate) const fn and(self, other: Uses) -> Uses {
        Uses(self.0 | other.0)
    }
}

/// One spelling of a unit, currency or scale word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit {
    /// The spelling; a space stands for any run of white space (`norska kronor`, `tusen kronor`).
    pub spelling: &'static str,
    /// How its case is matched in running text.
    pub case: Case,
    /// A scale word's multiplier (`miljoner` → 1 000 000), or what one currency unit is worth in
    /// hundredths (`Mkr` → 100 000 000 öre, `EUR` → 100 cent).
    pub factor: i128,
    /// The ISO 4217 code of a currency unit; `None` for a scale word.
    pub currency: Option<&'static str>,
    /// Where it is recognised.
    pub uses: Uses,
    /// For a [`Uses::SUBUNIT`] spelling, the currencies it is the hundredth of (`cent`: euro and
    /// dollar); empty for every other row.
    pub hundredth_of: &'static [&'static str],
}

impl Unit {
    /// The row as the hundredth of `currencies` after a main unit.
    const fn hundredth_of(self, currencies: &'static [&'static str]) -> Unit {
        Unit {
            hundredth_of: currencies,
            uses: self.uses.and(Uses::SUBUNIT),
            ..self
        }
    }
}

const fn scale(spelling: &'static str, case: Case, factor: i128, uses: Uses) -> Unit {
    Unit {
        spelling,
        case,
        factor,
        currency: None,
        uses,
        hundredth_of: &[],
    }
}

const fn unit(
    spelling: &'static str,
    case: Case,
    factor: i128,
    currency: &'static str,
    uses: Uses,
) -> Unit {
    Unit {
        spelling,
        case,
        factor,
        currency: Some(currency),
        uses,
        hundredth_of: &[],
    }
}

use Case::{Exact, Fold};

const TEXT: Uses = Uses::TEXT;
const CAPTION: Uses = Uses::CAPTION;
const WORD: Uses = Uses::AFTER_WORD;
const KEEP: Uses = Uses::REPAIR_KEEPS;
const CUE: Uses = Uses::REPAIR_CUE;
const MONEY: Uses = Uses::MONEY_CUE;
const BEFORE: Uses = Uses::BEFORE;
const DEFINITE: Uses = Uses::DEFINITE;
const BOTH: Uses = TEXT.and(CAPTION);
/// A currency code: after a number or before it (`30 NOK`, `NOK 30`).
const CODE: Uses = TEXT.and(BEFORE);
/// A currency name: after a number, in digits or in words (`100 euro`, `tio dollar`).
const NAME: Uses = TEXT.and(WORD);

/// Miljoner and tusen kronor in öre.
const MN: i128 = 100_000_000;
const MD: i128 = 1_000 * MN;
const T: i128 = 100_000;

/// Every unit, currency and scale word, one spelling a row. Order does not matter: patterns are
/// built longest first.
pub(crate) static UNITS: &[Unit] = &[
    // Scale words, after a number in running text. `md`, `mdr` and `mn` only in lower case: upper
    // case `MD` is a doctor.
    scale("tusen", Fold, 1_000, TEXT),
    scale("miljon", Fold, 1_000_000, TEXT.and(CUE)),
    scale("miljoner", Fold, 1_000_000, TEXT),
    scale("milj.", Fold, 1_000_000, TEXT),
    scale("mn", Exact, 1_000_000, TEXT),
    scale("miljard", Fold, 1_000_000_000, TEXT.and(CUE)),
    scale("miljarder", Fold, 1_000_000_000, TEXT),
    scale("md", Exact, 1_000_000_000, TEXT),
    scale("mdr", Exact, 1_000_000_000, TEXT),
    // A sum on top of another, written as one word (`en extramiljard`, `tre extramiljoner`).
    scale("extramiljon", Fold, 1_000_000, TEXT),
    scale("extramiljoner", Fold, 1_000_000, TEXT),
    scale("extramiljard", Fold, 1_000_000_000, TEXT),
    scale("extramiljarder", Fold, 1_000_000_000, TEXT),
    // The definite form names one of the scale (`den årliga miljarden`).
    scale("miljonen", Fold, 1_000_000, DEFINITE),
    scale("miljarden", Fold, 1_000_000_000, DEFINITE),
    scale("extramiljarden", Fold, 1_000_000_000, DEFINITE),
    // Swedish kronor.
    unit("öre", Fold, 1, "SEK", TEXT.and(WORD)).hundredth_of(&["SEK"]),
    unit("kr", Fold, 100, "SEK", BOTH.and(KEEP).and(CUE).and(MONEY)),
    unit("krona", Fold, 100, "SEK", TEXT.and(WORD).and(CUE)),
    unit(
        "kronor",
        Fold,
        100,
        "SEK",
        BOTH.and(WORD).and(CUE).and(MONEY),
    ),
    unit("SEK", Exact, 100, "SEK", BOTH.and(MONEY).and(BEFORE)),
    // Colloquial (`30 spänn`).
    unit("spänn", Fold, 100, "SEK", NAME),
    unit("Tkr", Exact, T, "SEK", TEXT),
    unit("tkr", Exact, T, "SEK", BOTH.and(KEEP).and(CUE)),
    unit("TKR", Exact, T, "SEK", TEXT),
    unit("kkr", Exact, T, "SEK", TEXT),
    unit("TSEK", Exact, T, "SEK", BOTH),
    unit("KSEK", Exact, T, "SEK", BOTH),
    unit("Mkr", Exact, MN, "SEK", TEXT),
    unit("mkr", Exact, MN, "SEK", BOTH.and(KEEP).and(CUE)),
    unit("MKR", Exact, MN, "SEK", TEXT),
    unit("Mnkr", Exact, MN, "SEK", TEXT),
    unit("mnkr", Exact, MN, "SEK", BOTH.and(KEEP).and(CUE)),
    unit("MSEK", Exact, MN, "SEK", BOTH.and(KEEP)),
    unit("mnSEK", Exact, MN, "SEK", TEXT),
    unit("Mdkr", Exact, MD, "SEK", TEXT),
    unit("mdkr", Exact, MD, "SEK", BOTH),
    // Scale and unit in one caption (in running text these are a scale word and a unit).
    unit("tusen kronor", Fold, T, "SEK", CAPTION),
    unit("tusental kronor", Fold, T, "SEK", CAPTION),
    // `Belopp i tusentals kronor`: read as `kronor` alone, the table was a thousandth of its worth.
    unit("tusentals kronor", Fold, T, "SEK", CAPTION),
    unit("tusental kr", Fold, T, "SEK", CAPTION),
    unit("tusentals kr", Fold, T, "SEK", CAPTION),
    unit("mn kr", Fold, MN, "SEK", CAPTION),
    unit("milj kr", Fold, MN, "SEK", CAPTION),
    unit("milj. kr", Fold, MN, "SEK", CAPTION),
    unit("miljkr", Fold, MN, "SEK", CAPTION),
    unit("milj.kr", Fold, MN, "SEK", CAPTION),
    unit("miljoner kronor", Fold, MN, "SEK", CAPTION),
    // SCB's captions abbreviate the currency (`Miljoner kr, löpande priser`): read as `kr` alone,
    // the caption would put a table in miljoner at a millionth of its worth.
    unit("miljoner kr", Fold, MN, "SEK", CAPTION),
    unit("tusen kr", Fold, T, "SEK", CAPTION),
    unit("mdr kr", Fold, MD, "SEK", CAPTION),
    unit("mdr. kr", Fold, MD, "SEK", CAPTION),
    unit("mdrkr", Fold, MD, "SEK", CAPTION),
    unit("mdr.kr", Fold, MD, "SEK", CAPTION),
    unit("miljarder kr", Fold, MD, "SEK", CAPTION),
    unit("miljarder kronor", Fold, MD, "SEK", CAPTION),
    // Other currencies: never SEK, whatever the text around them says. Codes and symbols may stand
    // before the number as well as after it; names only after.
    unit("EUR", Exact, 100, "EUR", CODE),
    unit("TEUR", Exact, T, "EUR", TEXT),
    unit("MEUR", Exact, MN, "EUR", TEXT),
    unit("euro", Fold, 100, "EUR", NAME),
    unit("euros", Fold, 100, "EUR", TEXT),
    unit("€", Exact, 100, "EUR", CODE),
    unit("cent", Fold, 1, "EUR", Uses(0)).hundredth_of(&["EUR", "USD"]),
    unit("USD", Exact, 100, "USD", CODE),
    unit("MUSD", Exact, MN, "USD", TEXT),
    unit("$", Exact, 100, "USD", CODE),
    unit("US$", Exact, 100, "USD", CODE),
    unit("dollar", Fold, 100, "USD", NAME),
    unit("amerikanska dollar", Fold, 100, "USD", NAME),
    unit("GBP", Exact, 100, "GBP", CODE),
    unit("£", Exact, 100, "GBP", CODE),
    unit("pund", Fold, 100, "GBP", NAME),
    unit("brittiska pund", Fold, 100, "GBP", NAME),
    unit("NOK", Exact, 100, "NOK", CODE),
    unit("nkr", Fold, 100, "NOK", TEXT.and(KEEP)),
    unit("norska kr", Fold, 100, "NOK", TEXT),
    unit("norska kronor", Fold, 100, "NOK", NAME),
    unit("DKK", Exact, 100, "DKK", CODE),
    unit("dkr", Fold, 100, "DKK", TEXT.and(KEEP)),
    unit("danska kr", Fold, 100, "DKK", TEXT),
    unit("danska kronor", Fold, 100, "DKK", NAME),
    unit("ISK", Exact, 100, "ISK", CODE),
    unit("isländska kronor", Fold, 100, "ISK", NAME),
    unit("CHF", Exact, 100, "CHF", CODE),
    unit("schweizerfranc", Fold, 100, "CHF", NAME),
    unit("JPY", Exact, 100, "JPY", CODE),
    unit("yen", Fold, 100, "JPY", NAME),
    unit("CNY", Exact, 100, "CNY", CODE),
    unit("yuan", Fold, 100, "CNY", NAME),
    unit("元", Exact, 100, "CNY", TEXT),
    unit("INR", Exact, 100, "INR", CODE),
    unit("indiska rupier", Fold, 100, "INR", NAME),
    unit("finska mark", Fold, 100, "FIM", NAME),
];

/// Alternation of the scale words recognised after a number in running text.
pub(crate) fn scale_pattern() -> String {
    alternation(
        |u| u.currency.is_none() && u.uses.contains(Uses::TEXT),
        Bounded::Yes,
    )
}

/// Alternation of the currency units recognised after a number (or a scale) in running text.
pub(crate) fn unit_pattern() -> String {
    alternation(
        |u| u.currency.is_some() && u.uses.contains(Uses::TEXT),
        Bounded::Yes,
    )
}

/// Alternation of the currency words a number word may take without a scale (`tjugo kronor`).
pub(crate) fn word_unit_pattern() -> String {
    alternation(|u| u.uses.contains(Uses::AFTER_WORD), Bounded::Yes)
}

/// Alternation of the currency codes and symbols that may stand before a number (`EUR 20`).
///
/// Without a trailing boundary, because a number may follow with no space (`EUR29,99`); every
/// such row is matched exactly as spelled (a test holds that), so nothing is lost.
pub(crate) fn before_pattern() -> String {
    alternation(|u| u.uses.contains(Uses::BEFORE), Bounded::No)
}

/// Alternation of the hundredths that may follow a main unit (`öre`, `cent`).
pub(crate) fn subunit_pattern() -> String {
    alternation(|u| u.uses.contains(Uses::SUBUNIT), Bounded::Yes)
}

/// Alternation of the definite scale words (`miljarden`).
pub(crate) fn definite_pattern() -> String {
    alternation(|u| u.uses.contains(Uses::DEFINITE), Bounded::Yes)
}

/// Alternation of the units a table caption may state. Meant for a case-insensitive pattern that
/// supplies its own boundaries: the spellings are plain, without `(?i)` or `\b`.
pub(crate) fn caption_pattern() -> String {
    alternation(|u| u.uses.contains(Uses::CAPTION), Bounded::No)
}

/// Alternation of the currency words that say a text speaks of money (`kronor`, `kr`, `SEK`). Like
/// [`caption_pattern`], meant for a case-insensitive pattern that supplies its own boundaries.
pub(crate) fn money_cue_pattern() -> String {
    alternation(|u| u.uses.contains(Uses::MONEY_CUE), Bounded::No)
}

/// The multiplier of a scale word matched in running text (`miljoner` → 1 000 000).
pub(crate) fn scale_of(matched: &str) -> Option<i128> {
    lookup(
        matched,
        |u| u.currency.is_none() && u.uses.contains(Uses::TEXT),
        false,
    )
    .map(|u| u.factor)
}

/// The currency of a unit matched in running text and what one unit is worth in hundredths
/// (`Mkr` → (`SEK`, 100 000 000)).
pub(crate) fn unit_of(matched: &str) -> Option<(&'static str, i128)> {
    let u = lookup(
        matched,
        |u| u.currency.is_some() && u.uses.contains(Uses::TEXT),
        false,
    )?;
    Some((u.currency?, u.factor))
}

/// The currency of a code or symbol matched before a number and what one unit is worth in
/// hundredths (`EUR` → (`EUR`, 100)).
pub(crate) fn before_of(matched: &str) -> Option<(&'static str, i128)> {
    let u = lookup(matched, |u| u.uses.contains(Uses::BEFORE), false)?;
    Some((u.currency?, u.factor))
}

/// The currencies a hundredth matched after a main unit belongs to (`cent` → `EUR`, `USD`).
pub(crate) fn subunit_of(matched: &str) -> Option<&'static [&'static str]> {
    lookup(matched, |u| u.uses.contains(Uses::SUBUNIT), false).map(|u| u.hundredth_of)
}

/// The multiplier of a definite scale word (`miljarden` → 1 000 000 000).
pub(crate) fn definite_of(matched: &str) -> Option<i128> {
    lookup(matched, |u| u.uses.contains(Uses::DEFINITE), false).map(|u| u.factor)
}

/// Kronor per unit of a unit matched in a table caption (`tkr` → 1 000).
pub(crate) fn caption_unit_of(matched: &str) -> Option<i128> {
    lookup(matched, |u| u.uses.contains(Uses::CAPTION), true).map(|u| u.factor / 100)
}

/// Whether text ending in `before` opens a statement of the unit figures are given in, right
/// before the unit or the count of it: `i` (`belopp i hundra kronor`, `Belopp i 1 000 kr`) or a
/// bracket (`(1 000 kr)`).
pub(crate) fn opens_unit_statement(before: &str) -> bool {
    let before = before.trim_end_matches([' ', '\u{a0}']);
    before.ends_with('(')
        || before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("i"))
}

/// Whether repair leaves `word` as written because it is a unit abbreviation (`kr`, `MSEK`).
pub(crate) fn kept_by_repair(word: &str) -> bool {
    REPAIR_KEEPS.iter().any(|k| word.eq_ignore_ascii_case(k))
}

/// The spellings of [`Uses::REPAIR_KEEPS`] and [`Uses::REPAIR_CUE`], gathered once: repair asks for
/// every token, and a scan of the whole table each time showed in its benchmark.
static REPAIR_KEEPS: LazyLock<Vec<&'static str>> = LazyLock::new(|| spellings(Uses::REPAIR_KEEPS));
static REPAIR_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| spellings(Uses::REPAIR_CUE));

fn spellings(uses: Uses) -> Vec<&'static str> {
    UNITS
        .iter()
        .filter(|u| u.uses.contains(uses))
        .map(|u| u.spelling)
        .collect()
}

/// Whether the lower-case `word` after a `1` makes that `1` a number (`1 miljon`, `1 kronor`).
pub(crate) fn cues_a_number(word: &str) -> bool {
    REPAIR_CUES.iter().any(|c| word.starts_with(c))
}

/// Whether an alternative carries its own trailing boundary.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Bounded {
    Yes,
    No,
}

/// `(?:a|b|…)` over the rows `keep` selects, longest spelling first so that `Mkr` is not read as
/// `M` + `kr` whatever the engine tries first.
fn alternation(keep: impl Fn(&Unit) -> bool, bounded: Bounded) -> String {
    let mut rows: Vec<&Unit> = UNITS.iter().filter(|u| keep(u)).collect();
    rows.sort_by_key(|u| std::cmp::Reverse(u.spelling.chars().count()));
    let alternatives: Vec<String> = rows.iter().map(|u| alternative(u, bounded)).collect();
    format!("(?:{})", alternatives.join("|"))
}

/// One spelling as a regex: spaces become `\s+`. In running text a folded spelling is wrapped in
/// `(?i:…)`, and one that ends in an ASCII letter or digit gets an ASCII `\b` (`kr` is not the start
/// of `krav`); an ASCII boundary keeps the amount pattern on the fast DFA.
fn alternative(u: &Unit, bounded: Bounded) -> String {
    let body = u
        .spelling
        .split(' ')
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    if bounded == Bounded::No {
        return body;
    }
    let body = match u.case {
        Case::Exact => body,
        Case::Fold => format!("(?i:{body})"),
    };
    if u.spelling.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        format!(r"{body}(?-u:\b)")
    } else {
        body
    }
}

/// The row among those `keep` selects that spells `matched` (white space runs count as one space).
fn lookup(matched: &str, keep: impl Fn(&Unit) -> bool, fold_all: bool) -> Option<&'static Unit> {
    let words: Vec<&str> = matched.split_whitespace().collect();
    let matched = words.join(" ");
    UNITS.iter().filter(|u| keep(u)).find(|u| {
        if fold_all || u.case == Case::Fold {
            eq_fold(&matched, u.spelling)
        } else {
            matched == u.spelling
        }
    })
}

/// Equality under the simple case folding `(?i)` uses for these letters (the long `ſ` is an `s`).
fn eq_fold(a: &str, b: &str) -> bool {
    let fold = |c: char| {
        if c == 'ſ' {
            's'
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    a.chars().map(fold).eq(b.chars().map(fold))
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    #[track_caller]
    fn assert_scale(word: &str, want: Option<i128>) {
        assert_eq!(scale_of(word), want, "{word:?}");
    }

    #[track_caller]
    fn assert_unit(word: &str, want: Option<(&str, i128)>) {
        assert_eq!(unit_of(word), want, "{word:?}");
    }

    #[track_caller]
    fn assert_caption(word: &str, want: Option<i128>) {
        assert_eq!(caption_unit_of(word), want, "{word:?}");
    }

    #[test]
    fn every_scale_word_both_ways() {
        for (word, want) in [
            ("tusen", Some(1_000)),
            ("Tusen", Some(1_000)),
            ("miljon", Some(1_000_000)),
            ("MILJONER", Some(1_000_000)),
            ("milj.", Some(1_000_000)),
            ("mn", Some(1_000_000)),
            ("miljard", Some(1_000_000_000)),
            ("miljarder", Some(1_000_000_000)),
            ("md", Some(1_000_000_000)),
            ("mdr", Some(1_000_000_000)),
            // Case carries meaning: `MD` is a doctor, `MN` nothing.
            ("MD", None),
            ("Mdr", None),
            ("MN", None),
            ("milj", None),
            ("kronor", None),
        ] {
            assert_scale(word, want);
        }
    }

    #[test]
    fn every_unit_both_ways() {
        for (word, want) in [
            ("kr", Some(("SEK", 100))),
            ("KR", Some(("SEK", 100))),
            ("Kronor", Some(("SEK", 100))),
            ("krona", Some(("SEK", 100))),
            ("öre", Some(("SEK", 1))),
            ("ÖRE", Some(("SEK", 1))),
            ("ÖrE", Some(("SEK", 1))),
            ("SEK", Some(("SEK", 100))),
            ("tkr", Some(("SEK", T))),
            ("Tkr", Some(("SEK", T))),
            ("TKR", Some(("SEK", T))),
            ("kkr", Some(("SEK", T))),
            ("TSEK", Some(("SEK", T))),
            ("KSEK", Some(("SEK", T))),
            ("mkr", Some(("SEK", MN))),
            ("Mkr", Some(("SEK", MN))),
            ("MKR", Some(("SEK", MN))),
            ("mnkr", Some(("SEK", MN))),
            ("Mnkr", Some(("SEK", MN))),
            ("MSEK", Some(("SEK", MN))),
            ("mnSEK", Some(("SEK", MN))),
            ("mdkr", Some(("SEK", MD))),
            ("Mdkr", Some(("SEK", MD))),
            ("EUR", Some(("EUR", 100))),
            ("TEUR", Some(("EUR", T))),
            ("MEUR", Some(("EUR", MN))),
            ("Euro", Some(("EUR", 100))),
            ("€", Some(("EUR", 100))),
            ("USD", Some(("USD", 100))),
            ("MUSD", Some(("USD", MN))),
            ("dollar", Some(("USD", 100))),
            ("NOK", Some(("NOK", 100))),
            ("norska kronor", Some(("NOK", 100))),
            ("Norska\n kr", Some(("NOK", 100))),
            ("DKK", Some(("DKK", 100))),
            ("danska kronor", Some(("DKK", 100))),
            ("nkr", Some(("NOK", 100))),
            ("dkr", Some(("DKK", 100))),
            ("GBP", Some(("GBP", 100))),
            ("pund", Some(("GBP", 100))),
            ("£", Some(("GBP", 100))),
            ("$", Some(("USD", 100))),
            ("amerikanska dollar", Some(("USD", 100))),
            ("isländska kronor", Some(("ISK", 100))),
            ("yen", Some(("JPY", 100))),
            ("spänn", Some(("SEK", 100))),
            // Not units in running text: wrong case, or caption-only compounds.
            ("MKr", None),
            ("mKR", None),
            ("sek", None),
            ("Eur", None),
            ("nok", None),
            ("tusen kronor", None),
            ("miljoner", None),
            // A hundredth alone has no currency of its own.
            ("cent", None),
        ] {
            assert_unit(word, want);
        }
    }

    #[test]
    fn every_caption_unit_both_ways() {
        for (word, want) in [
            ("kr", Some(1)),
            ("KRONOR", Some(1)),
            ("sek", Some(1)),
            ("tkr", Some(1_000)),
            ("TSEK", Some(1_000)),
            ("ksek", Some(1_000)),
            ("tusen kronor", Some(1_000)),
            ("Tusental kronor", Some(1_000)),
            ("tusentals kronor", Some(1_000)),
            ("Tusental kr", Some(1_000)),
            ("tusentals kr", Some(1_000)),
            ("Mkr", Some(1_000_000)),
            ("mnkr", Some(1_000_000)),
            ("msek", Some(1_000_000)),
            ("mn kr", Some(1_000_000)),
            ("mnkr", Some(1_000_000)),
            ("miljoner  kronor", Some(1_000_000)),
            ("milj. kr", Some(1_000_000)),
            ("miljkr", Some(1_000_000)),
            ("mdkr", Some(1_000_000_000)),
            ("mdr kr", Some(1_000_000_000)),
            ("mdr.kr", Some(1_000_000_000)),
            ("miljarder kr", Some(1_000_000_000)),
            ("Miljoner kr", Some(1_000_000)),
            ("tusen kr", Some(1_000)),
            ("Miljarder kronor", Some(1_000_000_000)),
            // Never stated in a caption.
            ("krona", None),
            ("kkr", None),
            ("EUR", None),
            ("öre", None),
        ] {
            assert_caption(word, want);
        }
    }

    #[test]
    fn patterns_match_what_the_look_ups_know() {
        let whole = |p: String| Regex::new(&format!("^{p}$")).expect("valid pattern");
        let (scale, unit, word) = (
            whole(scale_pattern()),
            whole(unit_pattern()),
            whole(word_unit_pattern()),
        );
        let caption = whole(format!("(?i:{})", caption_pattern()));
        for u in UNITS {
            let s = u.spelling;
            let text = u.uses.contains(Uses::TEXT);
            assert_eq!(scale.is_match(s), text && u.currency.is_none(), "{s}");
            assert_eq!(unit.is_match(s), text && u.currency.is_some(), "{s}");
            assert_eq!(word.is_match(s), u.uses.contains(Uses::AFTER_WORD), "{s}");
            // Captions ignore case, so `Tkr` is a caption unit through the `tkr` row.
            assert_eq!(caption.is_match(s), caption_unit_of(s).is_some(), "{s}");
            if u.uses.contains(Uses::CAPTION) {
                assert_eq!(caption_unit_of(s), Some(u.factor / 100), "{s}");
            }
            if text {
                let found = scale_of(s).or(unit_of(s).map(|(_, f)| f));
                assert_eq!(found, Some(u.factor), "{s}");
            }
        }
        // The boundary keeps a unit from matching the start of a word …
        let prefix = Regex::new(&format!("^{}", unit_pattern())).expect("valid pattern");
        assert!(!prefix.is_match("krav") && !prefix.is_match("kronorna"));
        // … and longest first keeps `Mnkr` whole.
        let any = Regex::new(&unit_pattern()).expect("valid pattern");
        assert_eq!(any.find("5 Mnkr").map(|m| m.as_str()), Some("Mnkr"));
    }

    #[test]
    fn repair_keeps_unit_abbreviations_and_reads_numbers_before_units() {
        for w in [
            "kr", "KR", "mkr", "Mkr", "mnkr", "msek", "MSEK", "tkr", "TKR",
        ] {
            assert!(kept_by_repair(w), "{w}");
        }
        for w in ["kronor", "sek", "md", "mn", "dnr", "krav"] {
            assert!(!kept_by_repair(w), "{w}");
        }
        for w in [
            "miljoner",
            "miljarder",
            "kronor",
            "krona",
            "kr",
            "mkr",
            "mnkr",
            "tkr",
        ] {
            assert!(cues_a_number(w), "{w}");
        }
        for w in ["tusen", "sektor", "europa", "md", "mn", "öre", "msek"] {
            assert!(!cues_a_number(w), "{w}");
        }
    }

    #[test]
    fn money_cues_both_ways() {
        let cue = Regex::new(&format!(r"(?i)^{}$", money_cue_pattern())).expect("valid pattern");
        for w in ["kronor", "Kronor", "kr", "KR", "SEK", "sek"] {
            assert!(cue.is_match(w), "{w}");
        }
        // Only these three: not `krona` or `öre`, not the larger units, not other currencies.
        for w in [
            "krona", "öre", "Mkr", "tkr", "MSEK", "EUR", "euro", "kronorna", "k r",
        ] {
            assert!(!cue.is_match(w), "{w}");
        }
        for u in UNITS {
            let s = u.spelling;
            assert_eq!(cue.is_match(s), u.uses.contains(Uses::MONEY_CUE), "{s}");
        }
    }

    #[test]
    fn currencies_before_hundredths_and_definite_scales_both_ways() {
        for (word, want) in [
            ("EUR", Some(("EUR", 100))),
            ("€", Some(("EUR", 100))),
            ("US$", Some(("USD", 100))),
            ("$", Some(("USD", 100))),
            ("£", Some(("GBP", 100))),
            ("SEK", Some(("SEK", 100))),
            ("NOK", Some(("NOK", 100))),
            // Names and multiples never stand first.
            ("euro", None),
            ("kronor", None),
            ("MSEK", None),
            ("eur", None),
        ] {
            assert_eq!(before_of(word), want, "{word:?}");
        }
        assert_eq!(subunit_of("öre"), Some(&["SEK"][..]));
        assert_eq!(subunit_of("Cent"), Some(&["EUR", "USD"][..]));
        assert_eq!(subunit_of("kr"), None);
        assert_eq!(definite_of("miljarden"), Some(1_000_000_000));
        assert_eq!(definite_of("miljonen"), Some(1_000_000));
        assert_eq!(definite_of("miljard"), None);
        // A code before a number has no trailing boundary, so it must be matched exactly.
        for u in UNITS.iter().filter(|u| u.uses.contains(Uses::BEFORE)) {
            assert_eq!(u.case, Case::Exact, "{}", u.spelling);
            assert!(u.currency.is_some(), "{}", u.spelling);
        }
        // Only rows that mean Swedish kronor say SEK: no foreign name does.
        for u in UNITS.iter().filter(|u| u.currency == Some("SEK")) {
            let s = u.spelling.to_lowercase();
            for foreign in [
                "norsk", "dansk", "isländ", "eur", "dollar", "usd", "nok", "dkk",
            ] {
                assert!(!s.contains(foreign), "{}", u.spelling);
            }
        }
    }

    #[test]
    fn table_rows_are_unique_and_sensible() {
        for (i, a) in UNITS.iter().enumerate() {
            assert!(a.factor > 0, "{}", a.spelling);
            assert!(!a.spelling.is_empty() && !a.spelling.contains("  "));
            for b in &UNITS[i + 1..] {
                assert_ne!(a.spelling, b.spelling, "a spelling appears twice");
            }
        }
    }
}
