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
//!   a total reported as a mismatch counts as both a spurious and a missed item.
//!
//! It deliberately does not score spans, table cells (`table_msek`), periods or the parts of a
//! total; nor does it give partial credit for a nearly right title.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::text::ratio;
use crate::record::{Gold, Record, TotalStatus};

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
}

impl Field {
    /// Every field, in report order.
    pub const ALL: [Field; 5] = [
        Field::Amounts,
        Field::Dates,
        Field::Villkor,
        Field::References,
        Field::Totals,
    ];

    /// The field's name in JSON and reports.
    pub fn name(self) -> &'static str {
        match self {
            Field::Amounts => "amounts",
            Field::Dates => "dates",
            Field::Villkor => "villkor",
            Field::References => "references",
            Field::Totals => "totals",
        }
    }
}

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

/// Scores every field of `record` against `gold`.
pub fn score(record: &Record, gold: &Gold) -> FieldScores {
    Field::ALL
        .into_iter()
        .map(|f| {
            let (g, e) = keys(f, record, gold);
            (f, compare(g, e))
        })
        .collect()
}

/// Compares two multisets of keys: each key counts as many times as it occurs.
pub fn compare(gold: Vec<String>, extracted: Vec<String>) -> FieldScore {
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

/// The gold keys and the extracted keys of one field.
fn keys(field: Field, record: &Record, gold: &Gold) -> (Vec<String>, Vec<String>) {
    match field {
        Field::Amounts => (
            gold.amounts.iter().map(ToString::to_string).collect(),
            record
                .amounts
                .iter()
                .flatten()
                .filter(|a| a.cell.is_none())
                .flat_map(|a| match a.value {
                    Some(v) => vec![v],
                    None => a.min.into_iter().chain(a.max).collect(),
                })
                .map(|v| v.to_string())
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
                .map(|v| villkor_key(&v.number.to_string(), &v.title))
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
        Field::Totals => (
            gold.totals
                .iter()
                .map(|t| total_key(&t.stated.to_string(), TotalStatus::Ok))
                .collect(),
            record
                .totals
                .iter()
                .flatten()
                .map(|t| total_key(&t.stated.to_string(), t.status))
                .collect(),
        ),
    }
}

fn villkor_key(number: &str, title: &str) -> String {
    format!("{number}: {title}")
}

fn total_key(stated: &str, status: TotalStatus) -> String {
    let status = match status {
        TotalStatus::Ok => "ok",
        TotalStatus::Mismatch => "mismatch",
        TotalStatus::Unresolved => "unresolved",
    };
    format!("{stated} ({status})")
}
