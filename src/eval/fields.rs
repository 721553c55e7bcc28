//! Field scoring: precision, recall and F1 of the extracted fields against a gold file.
//!
//! In: a [`Record`] and the [`Gold`] for the same document.
//! Out: [`FieldScores`], one [`FieldScore`] per [`Field`], each with the values that were missed
//! and the ones that were extracted but are not in the gold.
//!
//! Every field is compared as a multiset of keys (the count of each value matters, the order does
//! not), as `gold/README.md` specifies:
//! - amounts: running-text amounts only (`cell == None`); an exact amount counts its value, a range
//!   (`value == null`) counts its `min` and its `max`, since the text states both figures;
//! - dates: the non-null values;
//! - villkor: number and exact title together;
//! - references: as written, i.e. the reference's `text` (label included);
//! - totals: the stated value together with the verdict, which the gold has as `ok` throughout, so
//!   a total reported as a mismatch counts as both a spurious and a missed item. An `unresolved`
//!   check claims no parts (a total was stated, its breakdown could not be found), and the gold
//!   lists only sums with their parts, so it is not a prediction here: a gold total it stands for
//!   is still missed. A gold total marked `consistent: false` (its printed parts do not reproduce
//!   it) is not scored, and neither is one check of the same stated value: `ok` within rounding
//!   and `mismatch` are both defensible there. Nor is a gold total of one part (a `Disponeras av`
//!   row over a single anslagspost): it restates its part and adds nothing up, so the gold sets
//!   differ on whether it is a total at all (the tables set lists it, the totals set calls it a
//!   restatement), and svocr reports no check for it; one check of its value is set aside with it;
//! - money (only when the gold lists `cells`): every amount, running text and table cells
//!   together, by value, so a cell read as a running-text amount (`48 617 tkr`) still counts;
//! - cells (only when the gold lists `cells`): a table cell's value together with its row label
//!   and column header, compared with white space collapsed and case folded.
//!
//! It deliberately does not score spans, the seeds' `table_msek` columns, periods or the parts of
//! a total; nor does it give partial credit for a nearly right title or label.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text::ratio;
use crate::record::{Amount, Gold, Money, Record, TotalStatus};

/// A scored field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// Monetary amounts in running text.
    Amounts,
    /// Calendar dates.
    Dates,
    /// Numbered conditions.
    Villkor,
    /// Document references.
    References,
    /// Stated totals and their verdict.
    Totals,
    /// Every amount, running text and table cells, by value.
    Money,
    /// Table cells with their row label and column header.
    Cells,
    /// An amount's recipient: its value with the recipient's words.
    #[serde(rename = "link-recipient")]
    LinkRecipient,
    /// An amount's period: its value with the period's words.
    #[serde(rename = "link-period")]
    LinkPeriod,
    /// An amount's purpose: its value with the purpose's words.
    #[serde(rename = "link-purpose")]
    LinkPurpose,
    /// An amount's villkor: its value with the villkor number.
    #[serde(rename = "link-villkor")]
    LinkVillkor,
    /// What a date is the date of: the date with those words.
    #[serde(rename = "date-of")]
    DateOf,
}

impl Field {
    /// Every field, in report order.
    pub const ALL: [Field; 12] = [
        Field::Amounts,
        Field::Dates,
        Field::Villkor,
        Field::References,
        Field::Totals,
        Field::Money,
        Field::Cells,
        Field::LinkRecipient,
        Field::LinkPeriod,
        Field::LinkPurpose,
        Field::LinkVillkor,
        Field::DateOf,
    ];

    /// Whether the field scores links (`links`, `date_of` gold) rather than extracted items; links
    /// are reported on their own and left out of the pooled field scores, so those keep meaning
    /// what their floors were set on.
    pub fn is_link(self) -> bool {
        matches!(
            self,
            Field::LinkRecipient
                | Field::LinkPeriod
                | Field::LinkPurpose
                | Field::LinkVillkor
                | Field::DateOf
        )
    }

    /// The field's name in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            Field::Amounts => "amounts",
            Field::Dates => "dates",
            Field::Villkor => "villkor",
            Field::References => "references",
            Field::Totals => "totals",
            Field::Money => "money",
            Field::Cells => "cells",
            Field::LinkRecipient => "link-recipient",
            Field::LinkPeriod => "link-period",
            Field::LinkPurpose => "link-purpose",
            Field::LinkVillkor => "link-villkor",
            Field::DateOf => "date-of",
        }
    }

    /// The keys of a gold file this field is scored from; a gold file that lacks any of them has
    /// not annotated the field, so it is not scored there (an empty list is "there are none").
    pub fn gold_keys(self) -> &'static [&'static str] {
        match self {
            Field::Amounts => &["amounts"],
            Field::Dates => &["dates"],
            Field::Villkor => &["villkor"],
            Field::References => &["references"],
            Field::Totals => &["totals"],
            Field::Money => &["amounts", "cells"],
            Field::Cells => &["cells"],
            Field::LinkRecipient | Field::LinkPeriod | Field::LinkPurpose | Field::LinkVillkor => {
                &["links"]
            }
            Field::DateOf => &["date_of"],
        }
    }
}

/// Every key of a gold file that some field is scored from; any other key (`notes`, the seeds'
/// `table_msek`, a key of a newer schema) is ignored with a note.
pub(crate) const SCORED_KEYS: [&str; 8] = [
    "amounts",
    "dates",
    "villkor",
    "references",
    "totals",
    "cells",
    "links",
    "date_of",
];

/// Matches of one field in one document (or pooled over several).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldScore {
    /// Extracted and in the gold.
    pub tp: usize,
    /// Extracted but not in the gold.
    pub fp: usize,
    /// In the gold but not extracted.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// `tp / (tp + fp)`; `null` when nothing was extracted.
    pub precision: Option<f64>,
    /// `tp / (tp + fn)`; `null` when the gold is empty.
    pub recall: Option<f64>,
    /// `2tp / (2tp + fp + fn)`; `null` when both are empty (nothing to score).
    pub f1: Option<f64>,
    /// Gold values not extracted, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<String>,
    /// Extracted values not in the gold, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spurious: Vec<String>,
}

impl FieldScore {
    /// A score from counts alone (for pooled totals).
    pub fn from_counts(tp: usize, fp: usize, fn_: usize) -> FieldScore {
        FieldScore {
            tp,
            fp,
            fn_,
            precision: ratio(tp, tp + fp),
            recall: ratio(tp, tp + fn_),
            // The F1 formula needs no precision or recall, so it is defined whenever there was
            // anything to find or anything found: 0 for "found nothing" and for "all spurious".
            f1: ratio(2 * tp, 2 * tp + fp + fn_),
            missed: Vec::new(),
            spurious: Vec::new(),
        }
    }
}

/// Per-field scores of one document.
pub type FieldScores = BTreeMap<Field, FieldScore>;

/// Scores every field of `record` that `gold` lists.
pub(crate) fn score(record: &Record, gold: &Gold) -> FieldScores {
    Field::ALL
        .into_iter()
        .filter(|f| gold.cells.is_some() || !matches!(f, Field::Money | Field::Cells))
        .map(|f| {
            let (g, e) = keys(f, record, gold);
            (f, compare(g, e))
        })
        .collect()
}

/// Compares two multisets of keys: each key counts as many times as it occurs.
pub(crate) fn compare(gold: Vec<String>, extracted: Vec<String>) -> FieldScore {
    let mut balance: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for g in gold {
        balance.entry(g).or_default().0 += 1;
    }
    for e in extracted {
        balance.entry(e).or_default().1 += 1;
    }
    let (mut tp, mut missed, mut spurious) = (0, Vec::new(), Vec::new());
    for (key, (g, e)) in balance {
        tp += g.min(e);
        missed.extend(std::iter::repeat_n(key.clone(), g.saturating_sub(e)));
        spurious.extend(std::iter::repeat_n(key, e.saturating_sub(g)));
    }
    let mut score = FieldScore::from_counts(tp, spurious.len(), missed.len());
    (score.missed, score.spurious) = (missed, spurious);
    score
}

/// The gold keys and the extracted keys of one field, each in its own order: the gold's (reading
/// order, as the gold lists it) and the record's (reading order).
pub(crate) fn keys(field: Field, record: &Record, gold: &Gold) -> (Vec<String>, Vec<String>) {
    match field {
        Field::Amounts => (
            gold.amounts.iter().map(ToString::to_string).collect(),
            amount_keys(record, |a| a.cell.is_none()),
        ),
        Field::Money => (
            gold.amounts
                .iter()
                .chain(gold.cells.iter().flatten().map(|c| &c.value))
                .map(ToString::to_string)
                .collect(),
            amount_keys(record, |_| true),
        ),
        Field::Cells => (
            gold.cells
                .iter()
                .flatten()
                .map(|c| cell_key(c.value, &c.label, &c.header))
                .collect(),
            record
                .amounts
                .iter()
                .flatten()
                .filter_map(|a| {
                    Some(cell_key(
                        a.value?,
                        &a.cell.as_ref()?.label,
                        &a.cell.as_ref()?.header,
                    ))
                })
                .collect(),
        ),
        Field::Dates => (
            gold.dates.iter().map(ToString::to_string).collect(),
            record
                .dates
                .iter()
                .flatten()
                .filter_map(|d| d.value)
                .map(|v| v.to_string())
                .collect(),
        ),
        Field::Villkor => (
            gold.villkor
                .iter()
                .map(|(n, t)| villkor_key(n.trim(), t))
                .collect(),
            record
                .villkor
                .iter()
                .flatten()
                // A sub-condition is keyed `parent.number` (`4.7`), so it never passes for
                // condition 7.
                .map(|v| {
                    let number = match v.parent {
                        Some(p) => format!("{p}.{}", v.number),
                        None => v.number.to_string(),
                    };
                    villkor_key(&number, &v.title)
                })
                .collect(),
        ),
        Field::References => (
            gold.references.clone(),
            record
                .references
                .iter()
                .flatten()
                .map(|r| r.text.clone())
                .collect(),
        ),
        Field::Totals => totals_keys(record, gold),
        Field::LinkRecipient => link_keys(
            record,
            gold,
            |l| l.recipient.clone(),
            |a| Some(a.recipient.as_ref()?.text.clone()),
        ),
        Field::LinkPeriod => link_keys(
            record,
            gold,
            |l| l.period.clone(),
            |a| Some(a.period.as_ref()?.text.clone()),
        ),
        Field::LinkPurpose => link_keys(
            record,
            gold,
            |l| l.purpose.clone(),
            |a| Some(a.purpose.as_ref()?.text.clone()),
        ),
        Field::LinkVillkor => link_keys(
            record,
            gold,
            |l| l.villkor.map(|n| n.to_string()),
            |a| Some(a.villkor?.number.to_string()),
        ),
        Field::DateOf => (
            gold.date_of
                .iter()
                .flatten()
                .map(|d| link_key(&d.date.to_string(), &d.of))
                .collect(),
            record
                .dates
                .iter()
                .flatten()
                .filter_map(|d| Some(link_key(&d.value?.to_string(), &d.of.as_ref()?.text)))
                .collect(),
        ),
    }
}

/// One link of every amount (running text and cells) that has it, keyed by the amount's value and
/// the link's words: white space collapsed, case folded, so a reader's copy of the words matches.
fn link_keys(
    record: &Record,
    gold: &Gold,
    from_gold: impl Fn(&crate::record::GoldLink) -> Option<String>,
    from_record: impl Fn(&crate::record::AmountLinks) -> Option<String>,
) -> (Vec<String>, Vec<String>) {
    let g = gold
        .links
        .iter()
        .flatten()
        .filter_map(|l| Some(link_key(&l.amount.to_string(), &from_gold(l)?)))
        .collect();
    let e = record
        .amounts
        .iter()
        .flatten()
        .filter_map(|a| {
            let v = a.value.or(a.max)?;
            Some(link_key(&v.to_string(), &from_record(a.links.as_ref()?)?))
        })
        .collect();
    (g, e)
}

fn link_key(value: &str, words: &str) -> String {
    let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
    format!("{value} → {}", words.join(" "))
}

/// The values of the amounts that `keep` selects; a range counts its `min` and its `max`, since
/// the text states both figures.
fn amount_keys(record: &Record, keep: impl Fn(&Amount) -> bool) -> Vec<String> {
    record
        .amounts
        .iter()
        .flatten()
        .filter(|a| keep(a))
        .flat_map(|a| match a.value {
            Some(v) => vec![v],
            None => a.min.into_iter().chain(a.max).collect(),
        })
        .map(|v| v.to_string())
        .collect()
}

fn totals_keys(record: &Record, gold: &Gold) -> (Vec<String>, Vec<String>) {
    let mut unscored: Vec<Money> = gold
        .totals
        .iter()
        .filter(|t| !t.consistent || t.components.len() == 1)
        .map(|t| t.stated)
        .collect();
    let gold_keys = gold
        .totals
        .iter()
        .filter(|t| t.consistent && t.components.len() != 1)
        .map(|t| total_key(&t.stated.to_string(), TotalStatus::Ok))
        .collect();
    let mut extracted = Vec::new();
    for t in record.totals.iter().flatten() {
        if t.status == TotalStatus::Unresolved {
            continue;
        }
        // One check per unscored gold total is set aside with it, whatever its verdict.
        if let Some(k) = unscored.iter().position(|&s| s == t.stated) {
            unscored.swap_remove(k);
            continue;
        }
        extracted.push(total_key(&t.stated.to_string(), t.status));
    }
    (gold_keys, extracted)
}

/// A cell's key: its value, row label and column header, with white space collapsed and case
/// folded, so that a label wrapped over two lines or set in capitals still matches.
pub(crate) fn cell_key(value: Money, label: &str, header: &str) -> String {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    format!("{value} | {} | {}", fold(label), fold(header))
}

fn villkor_key(number: &str, title: &str) -> String {
    format!("{number}: {title}")
}

pub(crate) fn total_key(stated: &str, status: TotalStatus) -> String {
    let status = match status {
        TotalStatus::Ok => "ok",
        TotalStatus::Mismatch => "mismatch",
        TotalStatus::Unresolved => "unresolved",
    };
    format!("{stated} ({status})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Amount, Cell, Date, IsoDate, Money, Reference, TotalCheck, Villkor};

    fn gold(json: &str) -> Gold {
        serde_json::from_str(json).unwrap()
    }

    fn record() -> Record {
        let mut r = Record::error("doc.txt", "");
        (r.amounts, r.dates, r.villkor, r.references, r.totals) = (
            Some(vec![]),
            Some(vec![]),
            Some(vec![]),
            Some(vec![]),
            Some(vec![]),
        );
        r
    }

    fn amount(value: Option<i64>, cell: bool) -> Amount {
        Amount {
            value: value.map(Money::units),
            currency: "SEK".into(),
            text: String::new(),
            start: 0,
            end: 0,
            qualifier: None,
            approximate: false,
            per: None,
            min: value.is_none().then(|| Money::units(10)),
            max: value.is_none().then(|| Money::units(20)),
            cell: cell.then(|| Cell {
                table: 0,
                row: 0,
                column: 0,
                label: "Område 1".into(),
                header: "2017".into(),
                total: false,
            }),
            unit_from: Default::default(),
            links: None,
        }
    }

    /// A check of `stated` kronor with the given verdict and no parts.
    fn total(stated: i64, status: TotalStatus) -> TotalCheck {
        TotalCheck {
            stated: Money::units(stated),
            computed: Money::units(stated),
            difference: Money(0),
            tolerance: Money(0),
            status,
            components: vec![],
            income: None,
            roles: vec![],
            multipliers: vec![],
            method: String::new(),
            start: 0,
            end: 0,
        }
    }

    #[track_caller]
    fn assert_counts(s: &FieldScore, tp: usize, fp: usize, fn_: usize) {
        assert_eq!((s.tp, s.fp, s.fn_), (tp, fp, fn_), "{s:?}");
    }

    #[test]
    fn multisets_count_repeats() {
        let s = compare(
            vec!["5".into(), "5".into(), "7".into()],
            vec!["5".into(), "8".into()],
        );
        assert_counts(&s, 1, 1, 2);
        assert_eq!(s.missed, vec!["5", "7"]);
        assert_eq!(s.spurious, vec!["8"]);
        assert_eq!(s.precision, Some(0.5));
        assert_eq!(s.recall, Some(1.0 / 3.0));
        assert_eq!(s.f1, Some(0.4));
    }

    #[test]
    fn undefined_rates_are_none() {
        let s = compare(vec![], vec![]);
        assert_eq!((s.precision, s.recall, s.f1), (None, None, None));
        let s = compare(vec!["1".into()], vec![]);
        assert_eq!((s.precision, s.recall, s.f1), (None, Some(0.0), Some(0.0)));
        let s = compare(vec![], vec!["1".into()]);
        assert_eq!((s.precision, s.recall, s.f1), (Some(0.0), None, Some(0.0)));
    }

    #[test]
    fn amounts_skip_table_cells_and_count_range_bounds() {
        let g = gold(r#"{"amounts": [500, 10, 20]}"#);
        let mut r = record();
        r.amounts = Some(vec![
            amount(Some(500), false),
            amount(Some(151), true), // a table cell: not a running-text amount
            amount(None, false),     // a range: 10 and 20
        ]);
        let s = &score(&r, &g)[&Field::Amounts];
        assert_counts(s, 3, 0, 0);
        // The same cell counted as running text would be spurious.
        r.amounts = Some(vec![amount(Some(151), false)]);
        assert_counts(&score(&r, &g)[&Field::Amounts], 0, 1, 3);
    }

    #[test]
    fn dates_ignore_null_values() {
        let g = gold(r#"{"dates": ["2018-11-20"]}"#);
        let mut r = record();
        let date = |v: Option<IsoDate>| Date {
            value: v,
            text: String::new(),
            start: 0,
            end: 0,
            role: None,
            inferred: false,
            of: None,
        };
        r.dates = Some(vec![date(IsoDate::new(2018, 11, 20)), date(None)]);
        assert_counts(&score(&r, &g)[&Field::Dates], 1, 0, 0);
        r.dates = Some(vec![date(IsoDate::new(2018, 11, 21))]);
        assert_counts(&score(&r, &g)[&Field::Dates], 0, 1, 1);
    }

    #[test]
    fn villkor_need_number_and_exact_title() {
        let g = gold(r#"{"villkor": {"1": "Funktion för koordinering"}}"#);
        let mut r = record();
        let v = |number, title: &str| Villkor {
            parent: None,
            number,
            title: title.into(),
            amounts: vec![],
            start: 0,
            end: 0,
            mentions: vec![],
        };
        r.villkor = Some(vec![v(1, "Funktion för koordinering")]);
        assert_counts(&score(&r, &g)[&Field::Villkor], 1, 0, 0);
        r.villkor = Some(vec![v(1, "Funktion for koordinering")]);
        assert_counts(&score(&r, &g)[&Field::Villkor], 0, 1, 1);
        r.villkor = Some(vec![v(2, "Funktion för koordinering")]);
        assert_counts(&score(&r, &g)[&Field::Villkor], 0, 1, 1);
    }

    #[test]
    fn references_compare_as_written() {
        let g = gold(r#"{"references": ["SOU 2020:24"]}"#);
        let mut r = record();
        let reference = |text: &str| Reference {
            kind: "sou".into(),
            value: "2020:24".into(),
            text: text.into(),
            start: 0,
            end: 0,
        };
        r.references = Some(vec![reference("SOU 2020:24")]);
        assert_counts(&score(&r, &g)[&Field::References], 1, 0, 0);
        r.references = Some(vec![reference("2020:24")]);
        assert_counts(&score(&r, &g)[&Field::References], 0, 1, 1);
    }

    #[test]
    fn totals_need_the_stated_value_and_ok() {
        let g = gold(r#"{"totals": [{"stated": 1444000000, "components": []}]}"#);
        let mut r = record();
        r.totals = Some(vec![total(1_444_000_000, TotalStatus::Ok)]);
        assert_counts(&score(&r, &g)[&Field::Totals], 1, 0, 0);
        r.totals = Some(vec![total(1_444_000_000, TotalStatus::Mismatch)]);
        assert_counts(&score(&r, &g)[&Field::Totals], 0, 1, 1);
        // Unresolved claims no parts: neither a hit nor a spurious item, and the gold one is missed.
        r.totals = Some(vec![total(1_444_000_000, TotalStatus::Unresolved)]);
        assert_counts(&score(&r, &g)[&Field::Totals], 0, 0, 1);
        r.totals = Some(vec![
            total(1_444_000_000, TotalStatus::Ok),
            total(2_880_000_000, TotalStatus::Unresolved),
        ]);
        assert_counts(&score(&r, &g)[&Field::Totals], 1, 0, 0);
    }

    #[test]
    fn an_error_record_extracts_nothing() {
        let g = gold(r#"{"amounts": [1], "references": ["SOU 2020:24"]}"#);
        let s = score(&Record::error("x", "unreadable"), &g);
        assert_counts(&s[&Field::Amounts], 0, 0, 1);
        assert_eq!(s[&Field::Dates].f1, None);
    }

    #[test]
    fn money_and_cells_are_scored_only_against_gold_that_lists_cells() {
        let mut r = record();
        r.amounts = Some(vec![amount(Some(500), false), amount(Some(151), true)]);
        let seeds = score(&r, &gold(r#"{"amounts": [500]}"#));
        assert!(!seeds.contains_key(&Field::Money) && !seeds.contains_key(&Field::Cells));
        let g = gold(
            r#"{"amounts": [500], "cells": [
                {"value": 151, "table": 0, "label": "OMRÅDE  1", "header": "2017"},
                {"value": 152, "table": 0, "label": "Område 2", "header": "2017"}]}"#,
        );
        let s = score(&r, &g);
        // Money pools running text and cells by value; cells also need label and header, compared
        // with white space collapsed and case folded.
        assert_counts(&s[&Field::Money], 2, 0, 1);
        assert_counts(&s[&Field::Cells], 1, 0, 1);
        assert_counts(&s[&Field::Amounts], 1, 0, 0);
        // A cell under the wrong header is the right money in the wrong place.
        r.amounts.as_mut().unwrap()[1].cell.as_mut().unwrap().header = "2018".into();
        let s = score(&r, &g);
        assert_counts(&s[&Field::Money], 2, 0, 1);
        assert_counts(&s[&Field::Cells], 0, 1, 2);
    }

    #[test]
    fn inconsistent_gold_totals_are_not_scored() {
        let g = gold(
            r#"{"totals": [
                {"stated": 100, "components": [50, 50]},
                {"stated": 1470, "components": [700, 769.9], "consistent": false}]}"#,
        );
        let mut r = record();
        for status in [TotalStatus::Ok, TotalStatus::Mismatch] {
            r.totals = Some(vec![total(100, TotalStatus::Ok), total(1470, status)]);
            assert_counts(&score(&r, &g)[&Field::Totals], 1, 0, 0);
        }
        // Only one check is set aside per inconsistent total: a second one is spurious.
        r.totals = Some(vec![
            total(1470, TotalStatus::Ok),
            total(1470, TotalStatus::Ok),
        ]);
        assert_counts(&score(&r, &g)[&Field::Totals], 0, 1, 1);
    }

    #[test]
    fn links_are_keyed_by_value_and_folded_words() {
        use crate::record::{AmountLinks, GoldLink, Link, Span};
        let link = |t: &str| Link {
            text: t.to_string(),
            start: 0,
            end: 0,
            cue: Span { start: 0, end: 0 },
        };
        let mut r = Record::error("x", "");
        let mut a = amount(Some(500), false);
        a.links = Some(AmountLinks {
            recipient: Some(link("Statens  kulturråd")),
            purpose: Some(link("kultur")),
            ..AmountLinks::default()
        });
        r.amounts = Some(vec![a]);
        let g = Gold {
            links: Some(vec![GoldLink {
                amount: Money(50000),
                recipient: Some("statens kulturråd".into()),
                period: None,
                purpose: Some("kulturen".into()),
                villkor: None,
            }]),
            ..Gold::default()
        };
        let s = score(&r, &g);
        assert_counts(&s[&Field::LinkRecipient], 1, 0, 0);
        assert_counts(&s[&Field::LinkPurpose], 0, 1, 1);
        assert_counts(&s[&Field::LinkPeriod], 0, 0, 0);
    }
}
