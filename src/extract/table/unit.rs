//! A table's unit: written in its caption or headers, or inferred from a running-text total.
//!
//! **In:** caption and header text; the table's total row and the running-text amounts near it.
//! **Out:** a [`TableUnit`], or `None` when the unit cannot be established (the table is then
//! skipped). **Deliberately not done:** assuming kronor, or choosing between two units a caption
//! states (`tkr` and `mnkr` in one caption leave the choice to inference).

use std::sync::LazyLock;

use regex::Regex;

use super::Shaped;
use super::lines::{Kind, Line};
use super::numeral;
use crate::record::{Amount, TableUnit};

/// The one unit `s` states, with its text as written.
pub(super) fn written(s: &str) -> Option<TableUnit> {
    let units = numeral::units_in(s);
    let (factor, text) = *units.first()?;
    units.iter().all(|u| u.0 == factor).then(|| TableUnit {
        text: text.to_string(),
        kronor: factor,
        inferred: false,
    })
}

/// A header piece that is a caption rather than a column header: it states a unit, or opens as
/// captions do (`Tabell 3`, `Belopp i …`).
pub(super) fn is_caption(s: &str) -> bool {
    !numeral::units_in(s).is_empty() || is_caption_opener(s)
}

/// A piece that reads as a caption, never as a column header: it opens as captions do (`Tabell
/// 3`, `Belopp i …`, `(tkr)`) or is a phrase of five words or more. `Belopp` alone, or with
/// its unit (`Belopp (kr)`), heads a column.
pub(super) fn is_caption_opener(s: &str) -> bool {
    let lower = s.trim_start().to_lowercase();
    lower.split_whitespace().count() >= 5
        || opens_with_caption_word(&lower)
        || [
            "belopp i ",
            "belopp angivna",
            "belopp anges",
            "belopp uttryckta",
            "belopp redovisas",
            "tilldelade",
            "fördelning",
            "medel ",
            "(",
        ]
        .iter()
        .any(|w| lower.starts_with(w))
}

/// Whether a lower-case line opens with a word that names a table or figure (`tabell 3`, `bilaga
/// 2`, `figur 1`, `diagram`): such a line is a caption, even where it names columns as a header
/// would.
pub(super) fn opens_with_caption_word(lower: &str) -> bool {
    ["tabell", "bilaga", "figur", "diagram"]
        .iter()
        .any(|w| lower.starts_with(w))
}

/// The unit a footer line under a table states (`Belopp angivna i tkr`, as regleringsbrev write
/// it under their tables): the first line after the last row, past blank lines and at most one
/// text line (a row whose cell is empty), that opens as a caption and states one unit. It is the
/// table's only when nothing but prose, a numbered section heading or the end of the text
/// follows it: above another table, the same line would be that table's caption. A sentence
/// short enough to pass for a label (`Räntebärande anslag … som står till myndighetens
/// disposition är:`) is prose too: it closes on `:` or `.` after five words or more, as no
/// caption or header does.
pub(super) fn below(lines: &[Line<'_>], end_line: usize) -> Option<TableUnit> {
    let mut rest = lines
        .iter()
        .enumerate()
        .skip(end_line)
        .filter(|(_, l)| l.kind != Kind::Blank);
    let (mut at, mut line) = rest.next()?;
    if written(line.trimmed()).is_none() {
        (at, line) = rest.next()?;
    }
    let t = line.trimmed();
    let found = written(t).filter(|_| is_caption_opener(t) && t.split_whitespace().count() <= 6)?;
    let after = lines[at + 1..].iter().find(|l| l.kind != Kind::Blank);
    let sentence = |t: &str| t.ends_with([':', '.']) && t.split_whitespace().count() >= 5;
    let closes = after.is_none_or(|l| {
        l.page_break
            || l.kind == Kind::Prose
            || SECTION_NUMBER.is_match(l.trimmed())
            || sentence(l.trimmed())
    });
    closes.then_some(found)
}

/// The unit the paragraph right above a table states in its closing sentence, when that sentence
/// is about how the amounts are given (`… Belopp anges i miljoner kronor i löpande priser.`,
/// `Alla belopp i tkr.`): a report's introduction to its table often ends so, run into the
/// paragraph rather than set as a caption line of its own. At most one blank line stands
/// between. A sentence with a figure of its own, or one not opening on the amounts as such
/// (`Regionen får 50 miljoner kronor …`, `… i miljoner kronor.` cut from a wrapped sentence),
/// states no unit.
pub(super) fn stated_above(lines: &[Line<'_>], first_line: usize) -> Option<TableUnit> {
    let above = lines[..first_line.min(lines.len())]
        .iter()
        .rev()
        .take(2)
        .find(|l| l.kind != Kind::Blank)?;
    if !matches!(above.kind, Kind::Prose | Kind::Text) {
        return None;
    }
    let paragraph = above.trimmed().trim_end_matches('.');
    let sentence = paragraph.rsplit(". ").next()?.trim();
    let lower = sentence.to_lowercase();
    let about_amounts = AMOUNTS_OPENERS.iter().any(|w| lower.starts_with(w));
    (about_amounts && !sentence.contains(|c: char| c.is_ascii_digit()))
        .then(|| written(sentence))
        .flatten()
}

/// How a sentence that says how a table's amounts are given opens.
const AMOUNTS_OPENERS: [&str; 8] = [
    "belopp ",
    "beloppen ",
    "alla belopp ",
    "samtliga belopp ",
    "tabellens belopp ",
    "siffrorna ",
    "alla siffror ",
    "samtliga siffror ",
];

/// A section number standing alone or opening its heading (`6`, `5.3.1`, `6.1 Låneram`).
static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]+(?:\.[0-9]+)*(?:\s*\p{Lu}.*)?$").expect("valid regex"));

/// A running-text amount in kronor stated precisely enough to pin a table's unit down:
/// (character start, value in öre, tolerance in öre).
pub(super) type Precise = (usize, i128, i128);

/// How far from a table (in characters) a running amount may stand and still speak of it: the
/// table's own section, not a document hundreds of pages away in a merged file.
const UNIT_EVIDENCE_RADIUS: usize = 20_000;

/// The running amounts that can pin a unit down, sorted by position, computed once per text.
pub(super) fn precise_amounts(amounts: &[Amount]) -> Vec<Precise> {
    let mut out: Vec<Precise> = amounts
        .iter()
        .filter(|a| a.cell.is_none() && a.currency == "SEK")
        .filter_map(|a| {
            let v = i128::from(a.value?.ore());
            let tol = i128::from(a.tolerance().ore());
            // Only a figure given to about three significant digits pins a unit down: `en miljard`
            // (±50 %) would agree with a table in miljoner and with one in tusen alike.
            (tol * 100 <= v.abs()).then_some((a.start, v, tol))
        })
        .collect();
    out.sort_unstable();
    out
}

/// The precise amounts within [`UNIT_EVIDENCE_RADIUS`] of character `at`.
pub(super) fn nearby(precise: &[Precise], at: usize) -> &[Precise] {
    let lo = precise.partition_point(|p| p.0 < at.saturating_sub(UNIT_EVIDENCE_RADIUS));
    let hi = precise.partition_point(|p| p.0 <= at.saturating_add(UNIT_EVIDENCE_RADIUS));
    &precise[lo..hi.max(lo)]
}

/// The one unit under which the table's stated total equals a precisely stated running amount.
pub(super) fn infer(table: &Shaped, amounts: &[Precise]) -> Option<TableUnit> {
    let totals: Vec<numeral::Exact> = table
        .body
        .iter()
        .filter(|(r, _)| Shaped::is_total(r))
        .filter_map(|(_, got)| got.as_ref().ok())
        .flat_map(|nums| nums.iter().map(|n| n.value))
        .collect();
    let mut found: Option<i64> = None;
    for &(_, v, tol_v) in amounts {
        for &t in &totals {
            for unit in [1, 1_000, 1_000_000, 1_000_000_000] {
                let Some(ore) = numeral::money(t, unit) else {
                    continue;
                };
                let tol_t = numeral::half_unit(t, unit);
                if (i128::from(ore.ore()) - v).abs() <= tol_v + tol_t {
                    match found {
                        Some(u) if u != unit => return None, // two readings fit: do not guess
                        _ => found = Some(unit),
                    }
                }
            }
        }
    }
    found.map(|kronor| TableUnit {
        text: String::new(),
        kronor,
        inferred: true,
    })
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    #[test]
    fn a_unit_line_under_a_table_is_its_footer_when_no_table_follows() {
        // (text, the table's last line + 1, the footer's unit in kronor)
        for (text, end, want) in [
            (
                "Drift 1 200\nInvest 300\nBelopp angivna i tkr",
                2,
                Some(1_000),
            ),
            (
                "Drift 1 200\nInvest 300\n\nBelopp i mnkr\n\n4.2\nVillkor",
                2,
                Some(1_000_000),
            ),
            // A row with an empty cell between the rows and the footer.
            (
                "Drift 1 200\nÖvriga ramar\nBelopp angivna i tkr",
                1,
                Some(1_000),
            ),
            (
                "Drift 1 200\nBelopp i tkr\nDen ska redovisas senast i mars varje år och avse hela \
              perioden som beslutet gäller för, med en jämförelse mot föregående år.",
                1,
                Some(1_000),
            ),
            // A sentence after it introducing a list: short, but prose all the same.
            (
                "Drift 1 200\nSumma 1 200\nBelopp angivna i tkr\nRäntebärande anslag som står \
                 till myndighetens disposition är:\n1:2 ap.1Myndigheten",
                2,
                Some(1_000),
            ),
            // Above another table the line is that table's caption.
            (
                "Drift 1 200\nInvest 300\nBelopp i tkr\nTabell 2 Fördelning:\nLöner 500\nHyror 200",
                2,
                None,
            ),
            (
                "Drift 1 200\nInvest 300\nBelopp i tkr\nLöner 500\nHyror 200",
                2,
                None,
            ),
            (
                "Drift 1 200\nInvest 300\nBelopp i tkr\nLän\nStockholm 500",
                2,
                None,
            ),
            // Two units, or no caption.
            ("Drift 1 200\nInvest 300\nBelopp i tkr eller mnkr", 2, None),
            ("Drift 1 200\nInvest 300\ntkr", 2, None),
        ] {
            let ls = lines(text);
            assert_eq!(below(&ls, end).map(|u| u.kronor), want, "{text:?}");
        }
    }

    #[test]
    fn a_paragraph_closing_on_how_amounts_are_given_states_the_table_unit() {
        let rows = "Bokslut 2020 Budget 2021\n\nSkatteintäkter 6 036 6 133\n";
        // (the text above the table, the unit in kronor)
        for (above, want) in [
            (
                "Resultatbudgeten visar årets resultat. Belopp anges i miljoner kronor i löpande \
                 priser.\n\n",
                Some(1_000_000),
            ),
            (
                "Tabellen visar nämndernas ramar. Alla belopp i tkr.\n",
                Some(1_000),
            ),
            (
                "Samtliga belopp är angivna i tusentals kronor\n\n",
                Some(1_000),
            ),
            // A sentence that gives an amount, not how amounts are given.
            (
                "Regionen får 50 miljoner kronor för vården. Beloppen avser 2021.\n\n",
                None,
            ),
            ("Regionen får miljoner kronor i statsbidrag.\n\n", None),
            // The tail of a wrapped sentence, two units, or a paragraph further up.
            ("i miljoner kronor.\n\n", None),
            ("Belopp anges i tkr eller mnkr.\n\n", None),
            ("Belopp anges i miljoner kronor.\n\n\n", None),
        ] {
            let text = format!("{above}{rows}");
            let ls = lines(&text);
            let first = ls.iter().position(|l| l.trimmed().starts_with("Bokslut"));
            let unit = first.and_then(|f| stated_above(&ls, f));
            assert_eq!(unit.map(|u| u.kronor), want, "{above:?}");
        }
    }

    #[test]
    fn belopp_opens_a_caption_only_when_it_says_how_amounts_are_given() {
        for s in [
            "Belopp i tkr",
            "Belopp angivna i tkr",
            "belopp i miljoner kronor",
            "Tabell 2",
            "(tkr)",
        ] {
            assert!(is_caption_opener(s), "{s}");
        }
        // A column's own header.
        for s in ["Belopp", "Belopp (kr)", "Beloppet", "Beviljat belopp"] {
            assert!(!is_caption_opener(s), "{s}");
        }
    }
}
