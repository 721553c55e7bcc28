//! Figures whose unit is carried by a money amount nearby.
//!
//! **In:** the text and the amounts already found (running text and table cells), and a test for
//! spans that are taken (references, tables). **Out:** further amounts, each marked
//! [`UnitFrom::Context`], for bare figures that a stated amount gives a unit to:
//!
//! - **parts in brackets** right after the amount: `490 miljoner kronor (373 till regionerna och 117
//!   till kommunerna)`; the parts take the amount's scale and currency, and only when together
//!   they do not exceed it;
//! - **a bullet list** whose first item states the unit: `- Region A 45 miljoner kronor` ⏎ `- Region
//!   B 12`; each later item with exactly one bare figure takes the first item's scale and currency;
//! - **a passage in whole kronor**: after `omfattar totalt 1 535 000 000 kronor`, a figure written
//!   the same way (`avsätts 1 357 000 000 utifrån befolkningsmängd`) in the same or the next
//!   paragraph, no larger than the stated amount and no smaller than a thousandth of it;
//! - **figures listed before it** that share the unit written once after the last: `300 000
//!   respektive 150 000 kronor`, `40, 30 och 20 miljoner kronor`, `1,5 respektive 2 miljarder
//!   kronor`; each figure joined to the next by a comma, `och`, `samt` or `respektive` and nothing
//!   else. (`2 respektive 3 procent` states no money, so nothing is carried there.)
//!
//! A bare figure is a plain numeral standing as a word of its own, followed by punctuation, the end
//! of the line or one of a few function words (`till`, `för`, `utifrån` …), never by a noun: a
//! noun after a figure counts something (`12 000 personer`). Years, dates, percentages, section
//! and item numbers (`ap.1`, `SFS 2019:123`, `§ 4`) and references are never given a unit.
//!
//! **Deliberately not done:** carrying a unit across a blank-line-separated list of its own, or
//! from a table caption into running text (the table reader's business), or from an amount in
//! words (`en miljard`), whose scale is not a unit per written figure.

use std::sync::LazyLock;

use regex::Regex;

use super::{floor_boundary, glued_to_word};
use crate::number::{self, NUMERAL};
use crate::offsets::{CharIndex, SpanIndex};
use crate::record::{Amount, Money, UnitFrom};

/// A numeral anywhere; [`plain_figure`] decides whether it stands alone.
static FIGURE: LazyLock<Regex> = LazyLock::new(|| Regex::new(NUMERAL).expect("numeral pattern"));

/// Words that may follow a figure that is a sum of money without its unit: prepositions,
/// conjunctions and verbs, never a noun.
const AFTER: &[&str] = &[
    "till",
    "för",
    "utifrån",
    "och",
    "samt",
    "som",
    "av",
    "i",
    "enligt",
    "varav",
    "inom",
    "från",
    "efter",
    "under",
    "avser",
    "avsätts",
    "fördelas",
    "ska",
    "kan",
    "är",
    "blir",
    "medan",
    "men",
    "eller",
    "respektive",
];

/// Words after which a figure is a number of something else: a reference, a section, an item, a
/// year or a date.
const BEFORE: &[&str] = &[
    "sfs",
    "dnr",
    "nr",
    "nummer",
    "kap",
    "kapitel",
    "sid",
    "sidan",
    "s",
    "punkt",
    "villkor",
    "delvillkor",
    "bilaga",
    "år",
    "året",
    "åren",
    "vecka",
    "område",
    "mål",
    "tabell",
    "figur",
    "ap",
    "anslagspost",
    "version",
    "kl",
    "klockan",
    "den",
    "prop",
    "sou",
    "ds",
    "bet",
    "paragraf",
    "steg",
    "fas",
    "nivå",
    "rad",
    "kolumn",
    "dag",
    "dagar",
    "månad",
    "månader",
];

/// Bullets that open a list item.
const BULLETS: &[char] = &['-', '–', '—', '•', '*', '▪', '·', '◦', '●'];

/// One written unit of a stated amount: the currency and what one unit of its figure is worth.
#[derive(Clone, Copy)]
struct Anchor {
    start: usize,
    end: usize,
    currency: &'static str,
    /// Öre per written unit: `490 miljoner kronor` → 100 000 000.
    factor: i128,
    value: i128,
    /// Half a unit of its last digit, in öre: parts in brackets may round up to it.
    tolerance: i128,
    /// Its figure is written in whole kronor with grouped digits (`1 535 000 000 kronor`).
    whole_kronor: bool,
}

/// Amounts for the bare figures that a stated amount nearby gives a unit (see the module docs).
/// `taken(start, end)` (character offsets) says where no figure may be read: references and
/// tables.
pub(crate) fn carried(
    text: &str,
    amounts: &[Amount],
    taken: impl Fn(usize, usize) -> bool,
) -> Vec<Amount> {
    let idx = CharIndex::new(text);
    let found = SpanIndex::new(amounts.iter().map(|a| (a.start, a.end)));
    // Byte spans and values of the free standing figures, decimals included.
    let plain: Vec<(usize, usize, number::Decimal)> = FIGURE
        .find_iter(text)
        .filter(|m| plain_figure(text, m.start(), m.end()))
        .filter_map(|m| {
            let (s, e) = (idx.char_offset(m.start()), idx.char_offset(m.end()));
            if found.overlaps(s, e) || taken(s, e) {
                return None;
            }
            let d = number::parse(m.as_str())?;
            (d.mantissa > 0).then_some((m.start(), m.end(), d))
        })
        .collect();
    let figures: Vec<(usize, usize, i128)> = plain
        .iter()
        .filter(|f| f.2.decimals == 0)
        .map(|f| (f.0, f.1, f.2.mantissa))
        .collect();
    let anchors: Vec<Anchor> = amounts
        .iter()
        .filter_map(|a| anchor(text, &idx, a))
        .collect();
    let mut out: Vec<(usize, usize, i128, &'static str)> = Vec::new();
    for a in &anchors {
        in_brackets(text, a, &figures, &mut out);
        in_list(text, a, &anchors, &figures, &mut out);
        in_passage(text, a, &figures, &mut out);
        listed_before(text, a, &plain, &mut out);
    }
    out.sort_unstable_by_key(|&(s, ..)| s);
    out.dedup_by_key(|&mut (s, ..)| s);
    out.into_iter()
        .filter_map(|(s, e, ore, currency)| {
            let value = Money(i64::try_from(ore).ok()?);
            Some(Amount {
                unit_from: UnitFrom::Context,
                links: None,
                ..Amount::new(
                    value,
                    currency,
                    &text[s..e],
                    idx.char_offset(s),
                    idx.char_offset(e),
                )
            })
        })
        .collect()
}

/// A stated running-text amount with one figure in digits, as an anchor.
fn anchor(text: &str, idx: &CharIndex<'_>, a: &Amount) -> Option<Anchor> {
    if a.cell.is_some() || a.unit_from != UnitFrom::Stated || a.qualifier.is_some() {
        return None;
    }
    let value = i128::from(a.value?.ore());
    let mut numerals = FIGURE.find_iter(&a.text);
    let figure = numerals.next()?;
    if numerals.next().is_some() || value <= 0 {
        return None;
    }
    let d = number::parse(figure.as_str())?;
    let scaled = value.checked_mul(10i128.checked_pow(d.decimals)?)?;
    if d.mantissa <= 0 || scaled % d.mantissa != 0 {
        return None;
    }
    let factor = scaled / d.mantissa;
    let start = idx.byte_offset(a.start);
    let end = idx.byte_offset(a.end);
    let grouped = figure.as_str().contains(number::GROUP_SEPARATORS);
    Some(Anchor {
        start,
        end: end.min(text.len()),
        currency: currency_code(&a.currency)?,
        factor,
        value,
        tolerance: factor / 2,
        whole_kronor: factor == 100 && grouped && d.mantissa >= 10_000,
    })
}

/// The currency as a static code; the amount extractor only writes codes from the unit table.
fn currency_code(c: &str) -> Option<&'static str> {
    crate::number::units::UNITS
        .iter()
        .filter_map(|u| u.currency)
        .find(|code| *code == c)
}

/// `490 miljoner kronor (373 till … och 117 till …)`: the figures in the brackets right after the
/// anchor, when they do not add up to more than it.
fn in_brackets(
    text: &str,
    a: &Anchor,
    figures: &[(usize, usize, i128)],
    out: &mut Vec<(usize, usize, i128, &'static str)>,
) {
    let after = &text[a.end..];
    let open = after.len() - after.trim_start().len();
    if !after[open..].starts_with('(') {
        return;
    }
    let from = a.end + open + 1;
    let window = &text[from..floor_boundary(text, from + 300)];
    let Some(close) = window
        .find([')', '('])
        .filter(|&i| window[i..].starts_with(')'))
    else {
        return;
    };
    if window[..close].contains("\n\n") {
        return;
    }
    let inside: Vec<_> = within(figures, from, from + close).collect();
    let sum: i128 = inside.iter().map(|f| f.2 * a.factor).sum();
    if inside.is_empty() || sum > a.value + a.tolerance {
        return;
    }
    out.extend(
        inside
            .iter()
            .map(|f| (f.0, f.1, f.2 * a.factor, a.currency)),
    );
}

/// A bullet list whose first item holds the anchor: each later item with exactly one bare figure
/// and no amount of its own takes the anchor's unit.
fn in_list(
    text: &str,
    a: &Anchor,
    anchors: &[Anchor],
    figures: &[(usize, usize, i128)],
    out: &mut Vec<(usize, usize, i128, &'static str)>,
) {
    let line_start = text[..a.start].rfind('\n').map_or(0, |i| i + 1);
    let Some(bullet) = bullet_of(&text[line_start..]) else {
        return;
    };
    // The anchor must be the first item: the line before is no item of the same list.
    if line_start > 0 {
        let prev_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        if bullet_of(&text[prev_start..line_start]) == Some(bullet) {
            return;
        }
    }
    let mut at = text[a.end..]
        .find('\n')
        .map_or(text.len(), |i| a.end + i + 1);
    while at < text.len() && bullet_of(&text[at..]) == Some(bullet) {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let stated = anchors.iter().any(|b| b.start >= at && b.start < end);
        let mut in_item = within(figures, at, end);
        if let (Some(f), None, false) = (in_item.next(), in_item.next(), stated) {
            out.push((f.0, f.1, f.2 * a.factor, a.currency));
        }
        at = end + 1;
    }
}

/// The figures lying within bytes `from..to`. `figures` are in text order and never overlap, so
/// these are the run from the first figure at or after `from`: found by halving, not by testing
/// every figure of the document for every anchor, which made a long document quadratic.
fn within(
    figures: &[(usize, usize, i128)],
    from: usize,
    to: usize,
) -> impl Iterator<Item = &(usize, usize, i128)> {
    figures[figures.partition_point(|f| f.0 < from)..]
        .iter()
        .take_while(move |f| f.1 <= to)
}

/// The bullet that opens `line` (after indentation), followed by a space.
fn bullet_of(line: &str) -> Option<char> {
    let mut chars = line.trim_start_matches([' ', '\t']).chars();
    let b = chars.next().filter(|c| BULLETS.contains(c))?;
    chars.next().filter(|c| *c == ' ' || *c == '\t')?;
    Some(b)
}

/// After an amount in whole kronor, a figure written the same way in the same or the next
/// paragraph, no larger than it and at least a thousandth of it.
fn in_passage(
    text: &str,
    a: &Anchor,
    figures: &[(usize, usize, i128)],
    out: &mut Vec<(usize, usize, i128, &'static str)>,
) {
    if !a.whole_kronor {
        return;
    }
    let limit = floor_boundary(text, a.end + 600);
    // The passage ends at the second paragraph break.
    let end = text[a.end..limit]
        .match_indices("\n\n")
        .nth(1)
        .map_or(limit, |(i, _)| a.end + i);
    for f in within(figures, a.end, end) {
        let grouped = text[f.0..f.1].contains(number::GROUP_SEPARATORS);
        let ore = f.2 * a.factor;
        if grouped && ore <= a.value && ore * 1000 >= a.value {
            out.push((f.0, f.1, ore, a.currency));
        }
    }
}

/// What may join a figure to the next of a list sharing one unit: `40, 30 och 20 miljoner`, `300
/// 000 respektive 150 000 kronor`. One line only: a list broken over lines is a table's business.
static JOINER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x) ^ (?: , [\x20\x{A0}]+ | [\x20\x{A0}]+ (?: och | samt | respektive ) [\x20\x{A0}]+ ) $")
        .expect("joiner pattern")
});

/// `300 000 respektive 150 000 kronor`: the figures listed right before the anchor, each joined to
/// the next by a comma, `och`, `samt` or `respektive`, take the anchor's scale and currency. The
/// list stops at the first gap of other words and at a figure whose value the scale does not
/// give in whole öre.
fn listed_before(
    text: &str,
    a: &Anchor,
    plain: &[(usize, usize, number::Decimal)],
    out: &mut Vec<(usize, usize, i128, &'static str)>,
) {
    // The anchor's own figure opens its span (not a range opener or a currency code).
    if !text[a.start..].starts_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    let mut at = a.start;
    let mut i = plain.partition_point(|f| f.1 <= at);
    while let Some(f) = i.checked_sub(1).map(|j| &plain[j]) {
        if !JOINER.is_match(&text[f.1..at]) {
            break;
        }
        let Some(ore) = scaled(f.2, a.factor) else {
            break;
        };
        out.push((f.0, f.1, ore, a.currency));
        at = f.0;
        i -= 1;
    }
}

/// `d` units of `factor` öre each, when that is a whole number of öre.
fn scaled(d: number::Decimal, factor: i128) -> Option<i128> {
    let whole = d.mantissa.checked_mul(factor)?;
    let div = 10i128.checked_pow(d.decimals)?;
    (whole % div == 0).then_some(whole / div)
}

/// Whether the numeral at `start..end` stands alone as a figure: not part of a word, reference,
/// date, decimal or percentage, not a year, and followed by punctuation or a function word.
fn plain_figure(text: &str, start: usize, end: usize) -> bool {
    if glued_to_word(text, start) {
        return false;
    }
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| "./:§-–−+,".contains(c)) {
        return false;
    }
    let after = &text[end..];
    let next = after.chars().next();
    if next.is_some_and(|c| c.is_alphanumeric() || "/:%-–‰".contains(c)) {
        return false;
    }
    // `1.5`, `3,` + digit: a decimal or a list of numbers the grammar does not read.
    let mut rest = after.chars();
    if matches!(rest.next(), Some('.' | ',')) && rest.next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    let digits = text[start..end]
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    if digits == 4
        && number::parse(&text[start..end]).is_some_and(|d| (1900..=2099).contains(&d.mantissa))
    {
        return false;
    }
    let word_before = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if BEFORE.contains(&word_before.as_str()) {
        return false;
    }
    let trimmed = after.trim_start_matches([' ', '\u{a0}']);
    match trimmed.chars().next() {
        None => true,
        Some(c) if c.is_alphabetic() => {
            let word: String = trimmed
                .chars()
                .take_while(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            AFTER.contains(&word.as_str())
        }
        Some(c) => "\n.,;)".contains(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The carried figures in `text`: (text, value in kronor as JSON writes it, currency).
    fn carried_in(text: &str) -> Vec<(String, String, String)> {
        let x = crate::extract::extract(text);
        x.amounts
            .iter()
            .filter(|a| a.unit_from == UnitFrom::Context && a.cell.is_none())
            .filter(|a| crate::number::parse(&a.text).is_some())
            .map(|a| {
                let v = a.value.map(|m| m.to_string()).unwrap_or_default();
                (a.text.clone(), v, a.currency.clone())
            })
            .collect()
    }

    #[track_caller]
    fn assert_carried(text: &str, want: &[(&str, &str, &str)]) {
        let got = carried_in(text);
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(t, v, c)| (t.to_string(), v.to_string(), c.to_string()))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn the_figures_within_a_span_are_those_wholly_inside_it() {
        let figures = [(0, 3, 1), (5, 8, 2), (10, 12, 3), (20, 25, 4)];
        for (from, to, want) in [
            (0, 30, &[1, 2, 3, 4][..]),
            (5, 12, &[2, 3]),
            // A figure begun before the span or ending after it is not inside.
            (1, 12, &[2, 3]),
            (5, 11, &[2]),
            (13, 19, &[]),
            (26, 30, &[]),
        ] {
            let got: Vec<i128> = within(&figures, from, to).map(|f| f.2).collect();
            assert_eq!(got, want, "{from}..{to}");
        }
    }

    #[test]
    fn parts_in_brackets_take_the_amounts_unit() {
        assert_carried(
            "Satsningen omfattar 490 miljoner kronor (373 till regionerna och 117 till kommunerna).",
            &[("373", "373000000", "SEK"), ("117", "117000000", "SEK")],
        );
        assert_carried(
            "Stödet är 20 miljoner euro (12 till A och 8 till B).",
            &[("12", "12000000", "EUR"), ("8", "8000000", "EUR")],
        );
        // Parts that add up to more than the amount are something else.
        assert_carried(
            "Satsningen omfattar 490 miljoner kronor (373 till regionerna och 217 till kommunerna).",
            &[],
        );
        // Years, percentages and section numbers in the brackets are no parts.
        assert_carried("Medlen är 490 miljoner kronor (2019).", &[]);
        assert_carried("Medlen är 490 miljoner kronor (40 %).", &[]);
        assert_carried("Medlen är 490 miljoner kronor (se avsnitt 4.2).", &[]);
        assert_carried("Medlen är 490 miljoner kronor (12 personer).", &[]);
    }

    #[test]
    fn a_bullet_list_takes_its_first_items_unit() {
        assert_carried(
            "Medlen fördelas så här:\n- Region Norr 45 miljoner kronor\n- Region Mitt 30\n- Region Syd 12,\n",
            &[("30", "30000000", "SEK"), ("12", "12000000", "SEK")],
        );
        // Without a unit in the first item nothing is carried.
        assert_carried("Så här:\n- Region Norr 45\n- Region Mitt 30\n", &[]);
        // An item with two figures is ambiguous.
        assert_carried(
            "Så här:\n- Region Norr 45 miljoner kronor\n- Region Mitt 30 och 40\n",
            &[],
        );
    }

    #[test]
    fn a_passage_in_whole_kronor_carries_kronor() {
        assert_carried(
            "Överenskommelsen omfattar totalt 1 535 000 000 kronor. Till regionerna avsätts \
             1 357 000 000 utifrån befolkningsmängd.",
            &[("1 357 000 000", "1357000000", "SEK")],
        );
        // Counts, years, references and figures far smaller or larger stay bare.
        for tail in [
            "Det berör 12 000 personer.",
            "Under 2020 avsätts medel.",
            "Se SFS 2019:123 och dnr 2019/05301.",
            "Det avser ap.1 och 10 000 000 000 för annat.",
            "Till Gotland avsätts 120 000.",
        ] {
            assert_carried(
                &format!("Överenskommelsen omfattar totalt 1 535 000 000 kronor. {tail}"),
                &[],
            );
        }
        // No money nearby: nothing.
        assert_carried(
            "Till regionerna avsätts 1 357 000 000 utifrån befolkningsmängd.",
            &[],
        );
        // An amount stated with a scale carries nothing into the passage.
        assert_carried(
            "Totalt 1 535 miljoner kronor. Till regionerna avsätts 1 357 utifrån befolkningsmängd.",
            &[],
        );
    }

    #[test]
    fn figures_listed_before_an_amount_take_its_unit() {
        assert_carried(
            "Föreningarna får 300 000 respektive 150 000 kronor.",
            &[("300 000", "300000", "SEK")],
        );
        assert_carried(
            "Regionerna får 40, 30 och 20 miljoner kronor.",
            &[("40", "40000000", "SEK"), ("30", "30000000", "SEK")],
        );
        assert_carried(
            "Stödet är 1,5 respektive 2 miljarder kronor.",
            &[("1,5", "1500000000", "SEK")],
        );
        assert_carried(
            "A får 12 samt B 4 miljoner euro, C 3 och 5 miljoner euro.",
            &[("3", "3000000", "EUR")],
        );
    }

    #[test]
    fn figures_listed_before_no_money_stay_bare() {
        for text in [
            // Percentages, years and counts are no money, even beside an amount.
            "Bidraget höjs med 2 respektive 3 procent.",
            "Under 2021 respektive 2022 avsätts 50 miljoner kronor.",
            "Medlen för 2021 och 50 miljoner kronor för 2022.",
            "Det gäller 34 föreningar och 2 miljoner kronor.",
            // Another word between the figure and the amount breaks the list.
            "Stockholm 12 och Uppsala 40 miljoner kronor.",
            // A range is one amount, not a list.
            "Stödet är mellan 10 och 20 miljoner kronor.",
            // A line break ends the list.
            "Rad 12 och\n40 miljoner kronor.",
            // Sections and dates are never money.
            "Enligt punkt 3 och 5 miljoner kronor.",
            // A qualified amount carries nothing: `cirka` may not reach the figures before it.
            "Det blir 2 och cirka 3 miljoner kronor.",
        ] {
            assert_carried(text, &[]);
        }
    }
}
