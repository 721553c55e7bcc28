//! Monetary amounts in running text.
//!
//! In: the repaired (or clean) text of one document. Out: [`Amount`]s in reading order with exact
//! values in öre, currency, qualifier, approximation, `per`, where the unit came from
//! ([`UnitFrom`]) and character offsets; ranges have `value: null` and `min`/`max`.
//!
//! What counts: a number (a numeral as [`crate::number`] defines it, or a Swedish number word such
//! as `tjugotvå`, `femtiotusen`, `en och en halv`, `ett par`) followed by a scale (`miljoner`,
//! `mdr`) and/or a unit (`kronor`, `Mkr`, `tkr`, `MSEK`, `öre`, `EUR`, `norska kronor` …, all from
//! [`crate::number::units`]); a currency code or symbol before a numeral (`EUR 20`, `€5,90`, `US$
//! 16,4 miljoner`); a main unit with its hundredths (`2 kronor och 23 öre` is one amount); a numeral
//! heading a compound (`1,5-miljardersöverenskommelse`); one of a scale, named (`en extramiljard`,
//! `den årliga miljarden`). A number with a scale but no unit (`500 miljoner`) is money only when
//! the document speaks of money elsewhere and the next word is not a counted noun (`miljoner
//! invånare`); its currency is the last stated one (SEK when none was stated and no foreign one is
//! in the document), never SEK next to a foreign code or nationality (`PLN 30 miljoner`, `30 miljoner
//! ryska rubel`), and it is marked `unit_from: context`. Whitespace inside an amount may hold one
//! line break (`9,5 miljoner`⏎`kronor`), never a blank line, and a year ending a caption line is no
//! amount in the unit line under it (`BRP per riksområde, 2008`⏎`Miljoner kr`).
//!
//! A figure in words is exact (`en miljard` is 1 000 000 000, `approximate: false`) unless a
//! qualifier says otherwise (`cirka`, `drygt`, `närmare` …) or the words are loose themselves (`ett
//! par miljoner` is approximate). Its rounding tolerance for totals is still that of its scale
//! word ([`crate::number::tolerance`]). A lone `tusen` is a unit (`belopp i tusen kronor`), never a
//! thousand.
//!
//! The span (`text`, `start`, `end`) covers a leading qualifier (`ca 4,3 mkr`), range opener
//! (`mellan 10 och 20 miljoner kronor`), minus sign or currency code, and a `per …` phrase that
//! follows directly (`1,44 miljarder kronor per år`); a `per` read across other words (`500 miljoner
//! avsatta per år`) sets `per` without widening the span.
//!
//! Two submodules: [`carried`] gives bare figures the unit of a stated amount nearby (run by
//! [`super::extract`] after the table reader), and `ocr` writes figures OCR spelled with letters
//! (`5O Mkr`) with digits, as the last step of repair.
//!
//! Deliberately not done here: table cells (see [`super::table`]), numbers glued to a preceding word
//! (`koordinering420`), which are table cells, not running text, and points in figures (`$12.000`,
//! `£ 6.40`), which the grammar does not read: such a figure gives no amount rather than a wrong one.

mod context;
pub(crate) mod ocr;

use std::sync::LazyLock;

use regex::Regex;

pub(crate) use context::carried;

use crate::layout;
use crate::number::{self, NUMERAL, units};
use crate::offsets::CharIndex;
use crate::record::{Amount, Money, Qualifier, UnitFrom};

/// Whitespace holding at most one line break (form feeds count as whitespace): the gap allowed
/// between the words of one amount or date. A blank line ends a paragraph, so never spans it.
pub(crate) const WS: &str = r"(?:[\s&&[^\n]]*\n)?[\s&&[^\n]]*";
/// As [`WS`], but at least one character.
pub(crate) const WS1: &str = r"(?:[\s&&[^\n]]+\n?|\n)[\s&&[^\n]]*";

/// Swedish number words below a thousand, as one word (`tjugotvå`, `etthundrafemtio`, `hundra`).
const BELOW_THOUSAND: &str = r"(?:
      (?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?hundra
      (?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)?
      (?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton
         |sjutton|arton|nitton)?
    | (?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)
      (?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?
    | en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton
    | sjutton|arton|nitton
)";

/// Swedish number words as written before a scale or a currency (`en miljard`, `tjugotvå
/// miljoner`, `femtiotusen kronor`, `en och en halv miljard`, `ett par miljoner`). Never empty, so
/// a bare `miljoner` is not mistaken for a number; the longer readings come first.
fn word_number() -> String {
    format!(
        r"(?i:
          en\s+och\s+en\s+halv
        | en\s+halv
        | ett\s+par
        | {BELOW_THOUSAND}?tusen{BELOW_THOUSAND}?
        | {BELOW_THOUSAND}
    )"
    )
}

/// One number with its optional scale and unit. A bare number matches too: it may be the lower end
/// of a range (`10–20 mnkr`). `(?-u:\b)` keeps glued table cells (`koordinering420`) and references
/// (`S2019/05301`) out.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    // Scale words (`miljoner`, `mdr`) and units (`kronor`, `Mkr`, `EUR` …) come from the one table
    // in `number::units`, longest first so that `Mkr` is not read as `M` + `kr`.
    let (scale, unit) = (units::scale_pattern(), units::unit_pattern());
    let (word_unit, before) = (units::word_unit_pattern(), units::before_pattern());
    let definite = units::definite_pattern();
    let word = word_number();
    let pattern = format!(
        r"(?x)
        # No leading `\b`: a Unicode word boundary would keep the regex off its fast DFA on Swedish
        # text, and an ASCII one fails before `åtta`. `Raw::from` checks the character before.
        (?:
            # a currency code or symbol first: `EUR 20`, `€5,90`, `US$ 16,4 miljoner`
            (?P<pre> {before} ) [\x20\x{{A0}}]? (?P<pnum> {NUMERAL} )
            (?: {WS} (?P<pscale> {scale} ) )?
          |
            # digits: grouped thousands (space, no-break space, thin spaces), then plain digits
            (?P<num> {NUMERAL} )
            (?:
                # the head of a compound: `1,5-miljardersöverenskommelse`
                - (?P<cscale> (?i: miljoner | miljarder | miljon | miljard ) ) s?
              | (?: {WS} (?P<scale> {scale} ) )?
                (?: {WS} (?P<unit> {unit} ) )?
            )
          |
            # number words need a scale or a unit: `en`, `sex` alone are ordinary words
            (?P<word> {word} ) {WS1}
            (?: (?P<wscale> {scale} ) (?: {WS} (?P<wunit> {unit} ) )?
              | (?P<wunit2> {word_unit} ) )
          |
            # one of a scale, named: `den årliga miljarden`
            (?P<def> (?i:den) \s+ (?: \p{{L}}+[ae] \s+ )? ) (?P<dscale> {definite} )
        )"
    );
    Regex::new(&pattern).expect("amount pattern")
});

/// The indices of [`AMOUNT`]'s named groups: a lookup by name hashes the name, and [`Raw::from`]
/// asks for a dozen groups of every number in the text.
struct Groups {
    cscale: usize,
    dscale: usize,
    num: usize,
    pnum: usize,
    pre: usize,
    pscale: usize,
    scale: usize,
    unit: usize,
    word: usize,
    wscale: usize,
    wunit: usize,
    wunit2: usize,
}

static GROUPS: LazyLock<Groups> = LazyLock::new(|| {
    let at = |name: &str| {
        AMOUNT
            .capture_names()
            .position(|n| n == Some(name))
            .expect("a group of the amount pattern")
    };
    Groups {
        cscale: at("cscale"),
        dscale: at("dscale"),
        num: at("num"),
        pnum: at("pnum"),
        pre: at("pre"),
        pscale: at("pscale"),
        scale: at("scale"),
        unit: at("unit"),
        word: at("word"),
        wscale: at("wscale"),
        wunit: at("wunit"),
        wunit2: at("wunit2"),
    }
});

/// A hundredth right after a main unit: `2 kronor och 23 öre`, `5 euro 50 cent`.
static SUBUNIT: LazyLock<Regex> = LazyLock::new(|| {
    let (sub, word) = (units::subunit_pattern(), word_number());
    let pattern = format!(
        r"(?x) ^ (?: {WS1} (?i:och) )? {WS1} (?: (?P<num> \d{{1,2}} ) | (?P<word> {word} ) ) {WS1}
        (?P<sub> {sub} )"
    );
    Regex::new(&pattern).expect("subunit pattern")
});

/// What may stand between the ends of a range: a dash, or `och`/`till` (checked against the word
/// before the lower end: `mellan … och`, `från … till`). A dash that opens a line is a list
/// item's marker, not a range's: `för 2025\n- 20 miljoner kronor` is no range from 2 025 to 20
/// million; a dash ending a line may still wrap a range (`10–\n20 mnkr`).
static RANGE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ^(?:
            [^\S\n]*[-–—]\s*    # 10–20 mnkr
          | \s+(?P<och>och)\s+   # mellan 10 och 20 miljoner kronor
          | \s+(?P<till>till)\s+ # från 10 till 20 miljoner kronor
        )$",
    )
    .expect("range gap pattern")
});

/// The word that opens a range, right before its lower end.
static RANGE_OPENER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?xi) \b (?P<w>mellan|från) \s+ $").expect("range opener pattern")
});

/// Qualifiers right before an amount. OCR may leave `hogst`/`narmare` without their diacritics;
/// they are accepted so that a qualifier is never silently dropped.
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(?:
            (?P<approx> cirka | ca\.? | c:a | omkring | runt | drygt | dryga | närmare | narmare
                      | nästan | ungefär | uppskattningsvis | knappt )
          | (?P<max> högst | hogst | h6gst | maximalt | max\.? | upp\s+till | som\s+mest )
          | (?P<min> minst | lägst | lagst | som\s+minst | åtminstone )
        )
        \s+$",
    )
    .expect("qualifier pattern")
});

/// What an amount is per, after it: `per år`, `/år`, `årligen`, `om året`, `per invånare`. Up to two
/// plain words may come between (`500 miljoner avsatta per år`).
static PER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        ^(?P<gap> (?:\s+\p{L}+){0,2}? )
        (?:
            \s* / \s* (?P<slash> år | månad | invånare | person | dag )\b
          | \s+ per \s+ (?P<per> \p{L}+ )
          | \s+ (?P<yearly> årligen | om\s+året | varje\s+år )\b
          | \s+ (?P<monthly> i\s+månaden | varje\s+månad | månadsvis )\b
        )",
    )
    .expect("per pattern")
});

/// Words that say a scale counts something other than money (`2 miljoner invånare`).
const COUNTED: &[&str] = &[
    "invånare",
    "människor",
    "personer",
    "individer",
    "kvinnor",
    "män",
    "barn",
    "patienter",
    "besök",
    "besökare",
    "resor",
    "ton",
    "liter",
    "kubikmeter",
    "kilometer",
    "km",
    "timmar",
    "dagar",
    "år",
    "ljusår",
    "ärenden",
    "exemplar",
    "användare",
    "kunder",
    "hushåll",
    "röster",
    "procent",
];

/// Words near a scale-only amount that say the text is about money even when no amount in the
/// document carries a unit.
static MONEY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    // The currency words (`kronor`, `kr`, `SEK`) are the unit table's money cues; the rest are
    // Swedish words for funds, which are no units.
    let currency = units::money_cue_pattern();
    let pattern = format!(
        r"(?xi) \b(?: {currency} | anslag\w* | budget\w* | \w*medel | medlen | medlet | bidrag\w* )\b"
    );
    Regex::new(&pattern).expect("money words pattern")
});

/// Finds every monetary amount in `text`, in reading order, with character offsets.
pub(crate) fn find(text: &str) -> Vec<Amount> {
    let idx = CharIndex::new(text);
    let raws: Vec<Raw> = AMOUNT
        .captures_iter(text)
        .filter_map(|c| Raw::from(text, &c))
        .collect();
    let raws = join_subunits(text, raws);
    let doc_has_currency = raws.iter().any(|r| r.unit.is_some());
    // A scale without a currency is never made SEK in a document that states a foreign one before
    // any kronor: there the guess would be wrong as often as right.
    let doc_has_foreign = raws.iter().any(|r| r.unit.is_some_and(|(c, _)| c != "SEK"));
    let mut out = Vec::new();
    let mut pending: Option<&Raw> = None;
    // The currency of the last amount with a unit: a bare `500 miljoner` after `2,88 miljarder
    // kronor` is in the same currency.
    let mut last_currency: Option<&'static str> = None;
    // Where the last money amount ended: a bare `410 miljoner` in the next list item after
    // `500 miljoner` in money context is money too (the items of one list are alike).
    let mut last_money_end: Option<usize> = None;
    for raw in &raws {
        if raw.unit.is_none() && raw.scale.is_none() {
            pending = Some(raw);
            continue;
        }
        let low = pending.take().filter(|p| {
            // `1 och 2 miljoner` is only a range after `mellan`; a dash needs no opener.
            match RANGE_GAP.captures(&text[p.end..raw.start]) {
                Some(g) if g.name("och").is_some() => opener(text, p.start) == Some("mellan"),
                Some(g) if g.name("till").is_some() => opener(text, p.start) == Some("från"),
                Some(_) => true,
                None => false,
            }
        });
        let follows_money = last_money_end.is_some_and(|e| raw.start.saturating_sub(e) <= 300);
        let (currency, unit_ore, unit_from) = match raw.unit {
            Some((currency, ore)) => {
                last_currency = Some(currency);
                (currency, ore, UnitFrom::Stated)
            }
            None => {
                if !money_context(text, raw, doc_has_currency || follows_money)
                    || foreign_around(text, raw)
                {
                    continue;
                }
                match last_currency {
                    Some(c) => (c, 100, UnitFrom::Context),
                    None if !doc_has_foreign => ("SEK", 100, UnitFrom::Context),
                    None => continue,
                }
            }
        };
        let factor = raw.scale.unwrap_or(1) * unit_ore;
        let Some(high) = money(raw.mantissa, raw.decimals, factor) else {
            continue;
        };
        let mut start = raw.start;
        let (value, min, max) = match low {
            Some(p) => {
                // The lower end takes the upper end's scale and unit (`10–20 mnkr`).
                let Some(low_value) = money(p.mantissa, p.decimals, factor) else {
                    continue;
                };
                start = p.start;
                if let Some(w) = opener(text, p.start) {
                    start -= w.len() + gap_before(text, p.start);
                }
                // `mellan 20 och 10 miljoner`: the bounds are the bounds, whatever their order.
                (None, Some(low_value.min(high)), Some(low_value.max(high)))
            }
            None => match negative_sign(text, raw.start) {
                Some(sign_len) => {
                    start -= sign_len;
                    (Some(Money(-high.0)), None, None)
                }
                None => (Some(high), None, None),
            },
        };
        let (qualifier, approximate, q_len) = qualifier(text, start);
        start -= q_len;
        let (per, per_len) = per(&text[raw.end..]);
        let end = raw.end + per_len;
        last_money_end = Some(raw.end);
        out.push(Amount {
            value,
            currency: currency.to_string(),
            text: text[start..end].to_string(),
            start: idx.char_offset(start),
            end: idx.char_offset(end),
            qualifier,
            approximate: approximate || raw.loose,
            per,
            min,
            max,
            cell: None,
            unit_from,
            links: None,
        });
    }
    out
}

/// One match of [`AMOUNT`], in byte offsets, with the number, scale and unit already read.
struct Raw {
    start: usize,
    end: usize,
    mantissa: i128,
    decimals: u32,
    /// The scale word's multiplier (`miljoner` → 1 000 000).
    scale: Option<i128>,
    /// The unit's currency and öre (hundredths) per unit.
    unit: Option<(&'static str, i128)>,
    /// A figure in words that is itself loose (`ett par miljoner`); any other figure in words is
    /// exact unless a qualifier says otherwise (`en miljard` is 1 000 000 000).
    loose: bool,
}

impl Raw {
    fn from(text: &str, c: &regex::Captures<'_>) -> Option<Raw> {
        let m = c.get(0)?;
        let g = &*GROUPS;
        if glued_to_word(text, m.start()) || after_point(text, m.start()) {
            return None;
        }
        let mut loose = false;
        let (mantissa, decimals) = if let Some(n) = c.get(g.num).or(c.get(g.pnum)) {
            let d = number::parse(n.as_str())?;
            (d.mantissa, d.decimals)
        } else if let Some(w) = c.get(g.word) {
            if names_a_unit(text, m.start(), w.as_str()) {
                return None;
            }
            let (mantissa, decimals, l) = parse_word(w.as_str())?;
            loose = l;
            (mantissa, decimals)
        } else if c.get(g.dscale).is_some() {
            (1, 0)
        } else {
            return None;
        };
        // More decimals than that is no sum of money.
        if decimals > 18 {
            return None;
        }
        // `$12.000`, `£ 6.40`: a point the grammar does not read goes on the figure, so the digits
        // before it are not the figure.
        if let Some(n) = c.get(g.num).or(c.get(g.pnum)) {
            let mut after = text[n.end()..].chars();
            if after.next() == Some('.') && after.next().is_some_and(|d| d.is_ascii_digit()) {
                return None;
            }
        }
        // A compound goes on after its scale (`300-miljonerssatsningen`); `300-miljoner` alone is
        // no compound of ours.
        if c.get(g.cscale).is_some() && !text[m.end()..].starts_with(char::is_alphabetic) {
            return None;
        }
        // The patterns are built from the unit table, so every match has its row.
        let scale = match c.get(g.scale).or(c.get(g.wscale)).or(c.get(g.pscale)) {
            Some(s) => Some(units::scale_of(s.as_str())?),
            None => match (c.get(g.cscale), c.get(g.dscale)) {
                (Some(s), _) => Some(units::scale_of(s.as_str())?),
                (None, Some(s)) => Some(units::definite_of(s.as_str())?),
                (None, None) => None,
            },
        };
        let unit = match c.get(g.unit).or(c.get(g.wunit)).or(c.get(g.wunit2)) {
            Some(u) => Some(units::unit_of(u.as_str())?),
            None => match c.get(g.pre) {
                Some(p) => Some(units::before_of(p.as_str())?),
                None => None,
            },
        };
        // A code before a year is a table heading (`SEK 2019 2020`), not an amount.
        if c.get(g.pre).is_some() && scale.is_none() && decimals == 0 && is_year(mantissa) {
            return None;
        }
        if let Some(n) = c.get(g.num) {
            // `Belopp i 1 000 kr`, `(1 000 kr)`: thousands of kronor, the unit of the figures
            // under it, as `tkr` would say; no sum of a thousand kronor.
            let thousand = mantissa == 1000 && decimals == 0 && scale.is_none();
            if thousand && unit.is_some() && units::opens_unit_statement(&text[..n.start()]) {
                return None;
            }
            let head = c.get(g.scale).or(c.get(g.unit));
            if head.is_some_and(|h| dates_the_unit_line(text, n.range(), h)) {
                return None;
            }
            if scale.is_none() && decimals == 0 && ends_a_run_of_years(text, n.range()) {
                return None;
            }
        }
        Some(Raw {
            start: m.start(),
            end: m.end(),
            mantissa,
            decimals,
            scale,
            unit,
            loose,
        })
    }
}

/// Whether a lone `tusen` or `hundra` names the unit figures are given in rather than a figure:
/// `tusen kronor` is how documents write `tkr` (`belopp i tusen kronor`, `flera miljoner och tusen
/// kronor`), so a lone `tusen` is never a figure; `hundra kronor` is, except as a unit (`i hundra
/// kronor`, `(hundra kronor)`). With a number before it, `tusen` counts (`tretusen`, `ett tusen`).
fn names_a_unit(text: &str, at: usize, word: &str) -> bool {
    if word.eq_ignore_ascii_case("tusen") {
        return true;
    }
    if !word.eq_ignore_ascii_case("hundra") {
        return false;
    }
    units::opens_unit_statement(&text[..at])
}

/// Whether the figure at `year` (byte range) is a year ending a caption line whose scale or unit,
/// `head`, opens the line under it (see [`layout::caption_year`]): the year dates the table, the
/// line under it states the unit, and the two make no amount.
fn dates_the_unit_line(text: &str, year: std::ops::Range<usize>, head: regex::Match<'_>) -> bool {
    text[year.end..head.start()].contains('\n')
        && (layout::caption_year(&text[..year.start], &text[year.clone()], head.as_str())
            || heads_a_column(text, year, head))
}

/// Whether `year` ends a header line over a line holding its column's unit alone (see
/// [`layout::column_year_over_unit`]).
fn heads_a_column(text: &str, year: std::ops::Range<usize>, head: regex::Match<'_>) -> bool {
    let line_start = text[..year.start].rfind('\n').map_or(0, |i| i + 1);
    let unit_start = text[..head.start()].rfind('\n').map_or(0, |i| i + 1);
    let unit_end = text[head.end()..]
        .find('\n')
        .map_or(text.len(), |i| head.end() + i);
    unit_start > year.end
        && layout::column_year_over_unit(&text[line_start..year.end], &text[unit_start..unit_end])
}

/// Whether the figure at `year` (byte range) is the last of a row of year headers, a year
/// printed as four bare digits right after the year before or after it (`2019 2020 2021 Kr/inv.`,
/// `2021 2020 kronor`: a table's header flattened into the text): the unit after it heads the
/// row below, and the year is no sum. A grouped figure (`2020 2 021 kronor`) is kept.
fn ends_a_run_of_years(text: &str, year: std::ops::Range<usize>) -> bool {
    let as_year = |w: &str| {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i128>().ok())
            .flatten()
            .filter(|&y| is_year(y))
    };
    let Some(y) = as_year(&text[year.clone()]) else {
        return false;
    };
    let before = &text[..year.start];
    let gap = before.trim_end_matches([' ', '\t', '\u{a0}']);
    gap.len() < before.len()
        && gap
            .rsplit([' ', '\t', '\u{a0}', '\n'])
            .next()
            .and_then(as_year)
            .is_some_and(|p| (p - y).abs() == 1)
}

/// Whether a whole number reads as a year of a public document.
fn is_year(n: i128) -> bool {
    (1900..=2099).contains(&n)
}

/// A main unit and its hundredths written together (`2 kronor och 23 öre`, `5 euro och 50
/// cent`) become one amount; the hundredths' own match (`23 öre`) goes.
fn join_subunits(text: &str, raws: Vec<Raw>) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    for raw in raws {
        if out.last().is_some_and(|prev| raw.start < prev.end) {
            continue;
        }
        let mut raw = raw;
        if let Some((hundredths, len)) = subunit_after(text, &raw) {
            raw.mantissa = raw.mantissa * 100 + hundredths;
            raw.decimals = 2;
            raw.end += len;
        }
        out.push(raw);
    }
    out
}

/// The hundredths written right after a whole number of one main unit, and the bytes they take.
fn subunit_after(text: &str, raw: &Raw) -> Option<(i128, usize)> {
    let (currency, ore) = raw.unit?;
    if ore != 100 || raw.scale.is_some() || raw.decimals != 0 || raw.loose {
        return None;
    }
    let c = SUBUNIT.captures(&text[raw.end..])?;
    let n = match (c.name("num"), c.name("word")) {
        (Some(n), _) => n.as_str().parse().ok()?,
        (None, Some(w)) => match parse_word(w.as_str())? {
            (n, 0, false) => n,
            _ => return None,
        },
        (None, None) => return None,
    };
    let of = units::subunit_of(c.name("sub")?.as_str())?;
    (n < 100 && of.contains(&currency)).then(|| (n, c.get(0).map_or(0, |m| m.len())))
}

/// Whether a scale without a currency stands next to a foreign one the table does not know: an
/// upper-case code before or after it (`PLN 30 miljoner`, `30 miljoner PLN`) or a nationality
/// before a currency name after it (`30 miljoner ryska rubel`). Such a figure is money, but not
/// kronor, and its currency cannot be named.
fn foreign_around(text: &str, raw: &Raw) -> bool {
    let code = |w: &str| w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase()) && w != "SEK";
    let before = text[..raw.start].trim_end();
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let word_after = text[raw.end..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // `ryska`, `polska`: a nationality, not the verb `ska` (`940 miljoner ska användas`).
    let after = word_after.to_lowercase();
    let nationality = after.ends_with("ska") && after.chars().count() >= 5 && after != "minska";
    code(word_before) || code(word_after) || nationality
}

/// A Swedish number word (`tjugotvå`, `etthundrafemtio`, `en halv`, `femtiotusen`) →
/// (mantissa, decimals, loose); `loose` for a figure that is itself approximate (`ett par`).
fn parse_word(w: &str) -> Option<(i128, u32, bool)> {
    let w = w.to_lowercase();
    let words: Vec<&str> = w.split_whitespace().collect();
    match words.as_slice() {
        ["en", "och", "en", "halv"] => return Some((15, 1, false)),
        ["en", "halv"] => return Some((5, 1, false)),
        ["ett", "par"] => return Some((2, 0, true)),
        [_] => {}
        _ => return None,
    }
    let total = match w.split_once("tusen") {
        Some((head, tail)) => {
            let head = if head.is_empty() {
                1
            } else {
                below_thousand(head)?
            };
            let tail = if tail.is_empty() {
                0
            } else {
                below_thousand(tail)?
            };
            head * 1000 + tail
        }
        None => below_thousand(&w)?,
    };
    (total > 0).then_some((total, 0, false))
}

/// A number word below a thousand, lower case (`etthundrafemtio` → 150).
fn below_thousand(w: &str) -> Option<i128> {
    crate::number::words::below_thousand(w).map(i128::from)
}

/// `mantissa / 10^decimals × factor_ore` as exact öre, rounded half away from zero below one öre;
/// `None` on overflow.
pub(crate) fn money(mantissa: i128, decimals: u32, factor_ore: i128) -> Option<Money> {
    let num = mantissa.checked_mul(factor_ore)?;
    let den = 10i128.checked_pow(decimals)?;
    let ore = (num + den / 2) / den;
    i64::try_from(ore).ok().map(Money)
}

/// Whether a number with a scale but no unit is money: not followed by a counted noun, and the
/// document (or the nearby text) speaks of money.
fn money_context(text: &str, raw: &Raw, doc_has_currency: bool) -> bool {
    let next: String = text[raw.end..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if COUNTED.contains(&next.as_str()) || next.ends_with("dagar") {
        return false;
    }
    if doc_has_currency {
        return true;
    }
    let lo = floor_boundary(text, raw.start.saturating_sub(300));
    let hi = floor_boundary(text, (raw.end + 300).min(text.len()));
    MONEY_WORDS.is_match(&text[lo..hi])
}

/// The range opener (`mellan`/`från`) right before byte `at`, lower-cased.
fn opener(text: &str, at: usize) -> Option<&'static str> {
    let before = &text[floor_boundary(text, at.saturating_sub(24))..at];
    let w = RANGE_OPENER
        .captures(before)?
        .name("w")?
        .as_str()
        .to_lowercase();
    match w.as_str() {
        "mellan" => Some("mellan"),
        "från" => Some("från"),
        _ => None,
    }
}

/// Bytes of whitespace right before `at`.
fn gap_before(text: &str, at: usize) -> usize {
    at - text[..at].trim_end().len()
}

/// The byte length of a minus sign right before `at` (`-`, `−`, `–`), when it is a sign: at the
/// start or after a space, colon or bracket, not after a number (`10–20`) or a word (`covid-19`).
fn negative_sign(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let sign = before
        .chars()
        .next_back()
        .filter(|&c| number::is_minus(c))?;
    let prev = before[..before.len() - sign.len_utf8()].chars().next_back();
    match prev {
        None => Some(sign.len_utf8()),
        Some(p) if p.is_whitespace() || matches!(p, '(' | ':' | '=' | '[') => Some(sign.len_utf8()),
        Some(_) => None,
    }
}

/// The qualifier right before byte `at`: (qualifier, approximate, bytes it covers).
fn qualifier(text: &str, at: usize) -> (Option<Qualifier>, bool, usize) {
    let lo = floor_boundary(text, at.saturating_sub(40));
    let before = &text[lo..at];
    let Some(c) = QUALIFIER.captures(before) else {
        return (None, false, 0);
    };
    let len = c.get(0).map_or(0, |m| m.len());
    if c.name("approx").is_some() {
        (None, true, len)
    } else if c.name("max").is_some() {
        (Some(Qualifier::Max), false, len)
    } else {
        (Some(Qualifier::Min), false, len)
    }
}

/// What the amount is per, from the text right after it: (`per`, bytes to add to the span). The
/// span grows only when the phrase follows the amount directly.
fn per(after: &str) -> (Option<String>, usize) {
    let window = &after[..floor_boundary(after, 60.min(after.len()))];
    let Some(c) = PER.captures(window) else {
        return (None, 0);
    };
    let what = if let Some(w) = c.name("slash") {
        w.as_str().to_lowercase()
    } else if let Some(w) = c.name("per") {
        match w.as_str().to_lowercase().as_str() {
            // `per den 1 november` dates the amount; it is not a rate.
            "den" | "det" | "de" | "denna" | "detta" | "dessa" | "en" | "ett" => return (None, 0),
            "capita" => "invånare".to_string(),
            other => other.to_string(),
        }
    } else if c.name("yearly").is_some() {
        "år".to_string()
    } else {
        "månad".to_string()
    };
    let adjacent = c.name("gap").is_none_or(|g| g.as_str().is_empty());
    let len = if adjacent {
        c.get(0).map_or(0, |m| m.len())
    } else {
        0
    };
    (Some(what), len)
}

/// Whether a match at byte `at` continues a word or number (`S2019`, `koordinering420`): the
/// Unicode-aware stand-in for a leading `\b`, which the patterns leave out to stay on the fast DFA.
pub(crate) fn glued_to_word(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether a match at byte `at` follows a digit and a point (`376.443.000 kronor`): the tail of a
/// number written with points, which is not read (see [`crate::number`]), never an amount of
/// its own.
fn after_point(text: &str, at: usize) -> bool {
    text[..at]
        .strip_suffix('.')
        .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
}

/// `i` moved down to a character boundary of `s`.
pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one amount in `text`: its value in kronor as written in JSON, and its text.
    #[track_caller]
    fn assert_amount(text: &str, value: &str, matched: &str) {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text:?} → {found:#?}");
        let a = &found[0];
        let v = a.value.map(|m| m.to_string()).unwrap_or_default();
        assert_eq!((v.as_str(), a.text.as_str()), (value, matched), "{text:?}");
    }

    #[track_caller]
    fn assert_none(text: &str) {
        let found = find(text);
        assert!(found.is_empty(), "{text:?} → {found:#?}");
    }

    #[test]
    fn money_is_exact() {
        // Parsing `62,5`, `2 967 000 000` and 60 nines is tested in `number`.
        assert_eq!(money(625, 1, 100_000_000), Some(Money(6_250_000_000)));
        assert_eq!(money(1250, 2, 100), Some(Money(1250)));
        assert_eq!(money(i128::MAX / 10, 0, 100), None);
    }

    #[test]
    fn number_words() {
        for (word, want) in [
            ("tjugotvå", Some((22, 0, false))),
            ("En", Some((1, 0, false))),
            ("etthundrafemtio", Some((150, 0, false))),
            ("en halv", Some((5, 1, false))),
            ("en och en halv", Some((15, 1, false))),
            ("ett par", Some((2, 0, true))),
            ("hundrasex", Some((106, 0, false))),
            ("tusen", Some((1000, 0, false))),
            ("tretusen", Some((3000, 0, false))),
            ("femtiotusen", Some((50_000, 0, false))),
            ("tvåhundratusenfemtio", Some((200_050, 0, false))),
            ("tusenfemhundra", Some((1500, 0, false))),
            ("fyrtiofem", Some((45, 0, false))),
            ("tretton", Some((13, 0, false))),
            ("tjugohej", None),
            ("en och en", None),
            ("tusentusen", None),
        ] {
            assert_eq!(parse_word(word), want, "{word}");
        }
    }

    #[test]
    fn amounts_with_units() {
        assert_amount(
            "totalt 944 miljoner kronor för",
            "944000000",
            "944 miljoner kronor",
        );
        assert_amount("-3,4 Mkr", "-3400000", "-3,4 Mkr");
        assert_amount(
            "(9,5 miljoner\nkronor till",
            "9500000",
            "9,5 miljoner\nkronor",
        );
        // A blank line ends the amount: the scale alone remains, money by the `kronor` nearby.
        assert_amount("9,5 miljoner\n\nkronor", "9500000", "9,5 miljoner");
    }

    #[test]
    fn a_year_ending_a_caption_is_no_amount_in_the_unit_line_under_it() {
        for text in [
            "BRP per riksområde, 2008\nMiljoner kr, löpande priser",
            "Utdrag ur resultaträkningen, 2019–2020\nmiljoner kronor efter region",
            "Utdrag ur resultaträkningen 2019-2020\nmiljoner kronor",
            "2019 – 2020\nmiljoner kronor",
            "Anslag per län 2021\nMiljoner kronor",
            "Driftbudget, 2024 \ntkr",
        ] {
            assert_none(text);
        }
        // Wrapped prose keeps its amount; a year on the unit's own line is an amount as written,
        // and so is a figure that is no year.
        assert_amount(
            "Anslaget ökar med 2008\nmiljoner kronor.",
            "2008000000",
            "2008\nmiljoner kronor",
        );
        assert_amount("Summa, 2008 kronor", "2008", "2008 kronor");
        assert_amount("Summa, 1800\nkronor", "1800", "1800\nkronor");
        // A header line whose columns stand apart, its column's unit alone on the line under it.
        assert_none("Utgiftsområde          Anslag 2026\n                       (mnkr)");
        assert_none("Område\tBudget 2025\n\ttkr");
        // No column gap, or more than the unit on its line: prose, an amount as written.
        assert_amount("Anslaget ökar med 2026\nmnkr", "2026000000", "2026\nmnkr");
        assert_amount(
            "Område          Anslaget ökar med 2026\nmnkr till vården.",
            "2026000000",
            "2026\nmnkr",
        );
        assert_amount("Summa, 2 008\nkronor", "2008", "2 008\nkronor");
    }

    #[test]
    fn the_last_of_a_row_of_year_headers_is_no_amount() {
        for text in [
            "Tillskott, mdkr 2017 2018 2019 2020 2021 Kr/inv. 3 3 5 7 10",
            "Belopp 2024 2025 kronor",
            "Utfall 2019 2020 Kronor",
            "Not 2021 2020 kronor",
        ] {
            assert_none(text);
        }
        // A year standing alone before its unit, a grouped figure after a year, and a figure
        // after a figure that is no year or no neighbouring year are amounts as written.
        assert_amount("Bidraget är 2021 kronor.", "2021", "2021 kronor");
        assert_amount("Under 2020 2 021 kronor.", "2021", "2 021 kronor");
        assert_amount("Bidrag 2019: 2020 kronor", "2020", "2020 kronor");
        assert_amount("År 2025 2020 kronor", "2020", "2020 kronor");
    }

    #[test]
    fn a_dash_opening_a_line_is_a_list_marker_not_a_range() {
        // Money is in öre.
        let found = find(
            "Av anslaget avsätts för 2025\n- 20 miljoner kronor till A,\n- 5 miljoner kronor till B.",
        );
        let values: Vec<_> = found.iter().map(|a| (a.value, a.min, a.max)).collect();
        assert_eq!(
            values,
            [
                (Some(Money(2_000_000_000)), None, None),
                (Some(Money(500_000_000)), None, None)
            ]
        );
        // A dash inside the line, or ending it, still joins the ends of a range.
        for text in ["mellan 10 - 20 miljoner kronor", "10–\n20 miljoner kronor"] {
            let a = &find(text)[0];
            assert_eq!(
                (a.min, a.max),
                (Some(Money(1_000_000_000)), Some(Money(2_000_000_000))),
                "{text:?}"
            );
        }
    }

    #[test]
    fn minus_only_as_a_sign() {
        assert_amount("IT-utveckling -0,5 Mkr", "-500000", "-0,5 Mkr");
        assert_amount("kostnad:−2 kr", "-2", "−2 kr");
        assert_amount("år-2 kr", "2", "2 kr");
    }

    #[test]
    fn qualifiers_are_in_the_span() {
        let a = &find("ersättas med ca 4,3 mkr för")[0];
        assert!(a.approximate);
        assert_eq!(a.text, "ca 4,3 mkr");
        let a = &find("utbetalar hogst 50 miljoner kronor")[0];
        assert_eq!(a.qualifier, Some(Qualifier::Max));
        let a = &find("betalar 50 miljoner kronor")[0];
        assert_eq!((a.qualifier, a.approximate), (None, false));
    }

    #[test]
    fn per_is_adjacent_or_near() {
        let a = &find("satsar 1,44 miljarder kronor per år, varav")[0];
        assert_eq!(
            (a.per.as_deref(), a.text.as_str()),
            (Some("år"), "1,44 miljarder kronor per år")
        );
        let a = &find("2 miljarder kronor. Av dessa är 500 miljoner avsatta per år för")[1];
        assert_eq!(
            (a.per.as_deref(), a.text.as_str()),
            (Some("år"), "500 miljoner")
        );
        let a = &find("500 miljoner kronor till regionerna som per tradition")[0];
        assert_eq!(a.per, None);
        let a = &find("100 kr per den 1 november 2019")[0];
        assert_eq!((a.per.as_deref(), a.text.as_str()), (None, "100 kr"));
        let a = &find("100 kr per capita")[0];
        assert_eq!(a.per.as_deref(), Some("invånare"));
    }

    #[test]
    fn a_thousand_kronor_stating_the_unit_is_no_amount() {
        assert_none("Belopp i 1 000 kr");
        assert_none("Anslag per län (1000 kronor)");
        // A sum of a thousand kronor, or another figure in the same place, is an amount.
        assert_amount("Bidraget är 1 000 kr.", "1000", "1 000 kr");
        assert_amount("Belopp i 2 000 kr", "2000", "2 000 kr");
    }

    #[test]
    fn bare_scale_needs_money_context() {
        assert_none("Sverige har 10 miljoner invånare och 2 miljoner hushåll.");
        assert_none("Det tog 2 miljoner år.");
        // The tail of a number written with points is no amount of its own.
        assert_none("Beloppet blir 376.443.000 kronor.");
        assert_none("totalt 12.500 kr");
        assert_amount("år 2019. 500 kronor", "500", "500 kronor");
        assert_amount(
            "Av medlen går 500 miljoner till regionerna",
            "500000000",
            "500 miljoner",
        );
        assert_none("Av dessa går 500 miljoner till regionerna");
    }

    #[test]
    fn a_scale_next_to_a_foreign_currency_is_never_kronor() {
        for text in [
            "Anslaget är PLN 30 miljoner.",
            "Anslaget är 30 miljoner PLN.",
            "Anslaget är 30 miljoner ryska rubel.",
            "Anslaget är 30 miljoner polska zloty.",
        ] {
            assert_none(text);
        }
        // The verb `ska` is no nationality; a foreign amount before any kronor leaves a later
        // scale without a currency.
        assert_amount(
            "Anslaget ger 940 miljoner ska användas.",
            "940000000",
            "940 miljoner",
        );
        let found = find("Stödet är 5 miljoner euro. Av dessa går 2 miljoner till A.");
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[1].currency.as_str(), found[1].unit_from),
            ("EUR", UnitFrom::Context)
        );
    }

    #[test]
    fn the_unit_tables_money_cues_make_money_context_in_any_case() {
        for cue in ["kronor", "Kronor", "kr", "KR", "SEK", "sek"] {
            let text = format!("Beloppen anges i {cue}. Det blir 500 miljoner.");
            assert_amount(&text, "500000000", "500 miljoner");
        }
        // Not every currency word is a cue, and a cue is a whole word.
        for word in ["krona", "öre", "euro", "kronorna", "sekel"] {
            assert_none(&format!("Beloppen anges i {word}. Det blir 500 miljoner."));
        }
    }
}
