//! Evaluation: scores records against gold, averages over a corpus and checks accuracy floors.
//!
//! In: for each document, the decoded input, its [`Record`] and the gold found for it by name
//! ([`GoldFiles::load`]): `NAME.gt.txt` (clean text) and/or `NAME.gold.json` (the schema of
//! `gold/README.md`, parsed into [`Gold`]).
//! Out: a [`DocumentScore`] per document ([`text::TextScore`] and [`fields::FieldScores`]), a
//! corpus [`Summary`] with micro averages (pooled counts) and macro averages (the mean over
//! documents, each weighing the same), [`Metrics`] under stable names, and the verdicts of a
//! [`Floors`] file. [`EvalReport`] serialises as JSON; [`crate::report::eval`] prints it as a
//! text table.
//!
//! What it deliberately does not do: read directories, print or decide exit codes (the CLI does),
//! or score anything the gold does not state (spans, periods, table cells).
//!
//! ## Agreement with `ocr-roundtrip/measure`
//!
//! The text normalisation is that of `measure --dehyphenate` (NFC, soft hyphens dropped, a line-end
//! hyphen between two letters joined unless the next word is one of
//! `text::KEEP_HYPHEN_BEFORE` (layout's list), whitespace collapsed), and CER/WER are Levenshtein distances over
//! ground-truth characters and words, as there. The differences:
//! - `measure` computes the minimal distance (rapidfuzz); svocr aligns words first, anchored on
//!   unique words, and characters only between equal words (`align.rs`). Its distance is an upper
//!   bound of the minimum; on the roundtrip pairs it was checked on it differs by less than
//!   0.1 percentage point.
//! - Without `--dehyphenate`, `measure` leaves `rehabili- teringen` as two words in both texts;
//!   svocr always joins, because the repaired text has joined them and should not be penalised.
//! - Whitespace is Unicode whitespace as Rust defines it; Python's `str.split` also splits on the
//!   control characters U+001C–U+001F, which OCR output does not contain.
//!
//! ## Rates that are not defined
//!
//! A rate whose denominator is zero is `None` (`null` in JSON) rather than 0 or 1: a document with
//! no date in the gold and none extracted has no date F1. Macro averages skip such documents; a
//! floor on a metric that could not be measured fails.

pub(crate) mod align;
pub(crate) mod fields;
pub(crate) mod text;

pub use fields::{Field, FieldScore, FieldScores};
pub use text::{Confusion, ErrorRates, TextScore};

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::record::{Gold, Record};
use crate::{Options, input};
use text::{ratio, reduction};

/// The gold available for one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldFiles {
    /// The clean text (`NAME.gt.txt`), decoded.
    pub text: Option<String>,
    /// The gold extraction (`NAME.gold.json`), its scored keys only.
    pub fields: Option<Gold>,
    /// Keys of `NAME.gold.json` that no field is scored from (`notes`, the seeds' `table_msek`,
    /// a key of a newer schema), sorted: ignored, and named in the report, so that a gold file
    /// written for another tool or a later schema still scores what it can.
    pub ignored: Vec<String>,
    /// Fields whose keys `NAME.gold.json` does not have at all: not annotated, so not scored
    /// (an empty list, `"dates": []`, is annotated: there are none).
    pub unlisted: Vec<Field>,
}

impl GoldFiles {
    /// The gold file paths for `name`: `DIR/NAME.gt.txt` and `DIR/NAME.gold.json`.
    pub fn paths(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
        (
            dir.join(format!("{name}.gt.txt")),
            dir.join(format!("{name}.gold.json")),
        )
    }

    /// Reads whichever of the two gold files exist for `name` in `dir`; a missing file is `None`,
    /// an unreadable or malformed one is an error.
    ///
    /// A name `BASE__VARIANT` (an OCR variant of a clean document, as the fixture pairs are named)
    /// falls back to `BASE.gold.json` when it has no gold extraction of its own: the facts in a
    /// document do not change with how badly it was scanned. Its clean text is the variant's own.
    pub fn load(dir: &Path, name: &str) -> Result<GoldFiles, Error> {
        let (gt, mut json) = GoldFiles::paths(dir, name);
        if let Some((base, _)) = name.split_once("__")
            && !json.exists()
        {
            json = GoldFiles::paths(dir, base).1;
        }
        let text = match std::fs::read(&gt) {
            Ok(bytes) => Some(input::decode(&bytes)?.text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e.into()),
        };
        let mut gold = GoldFiles {
            text,
            ..GoldFiles::default()
        };
        match std::fs::read_to_string(&json) {
            Ok(s) => gold.set_fields(&s)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
        Ok(gold)
    }

    /// Parses a gold extraction: the scored keys into [`Gold`], strictly (a malformed amount in
    /// `amounts` is an error); every other key is only named in `ignored`, whatever it holds.
    pub(crate) fn set_fields(&mut self, json: &str) -> Result<(), Error> {
        let mut map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json)?;
        self.ignored = map
            .keys()
            .filter(|k| !fields::SCORED_KEYS.contains(&k.as_str()))
            .cloned()
            .collect();
        for k in &self.ignored {
            map.remove(k);
        }
        self.unlisted = Field::ALL
            .into_iter()
            .filter(|f| f.gold_keys().iter().any(|k| !map.contains_key(*k)))
            .collect();
        self.fields = Some(serde_json::from_value(serde_json::Value::Object(map))?);
        Ok(())
    }

    /// Whether there is anything to score against.
    pub fn is_empty(&self) -> bool {
        self.text.is_none() && self.fields.is_none()
    }
}

/// The name gold files are looked up by: the input's file stem, without a trailing `.ocr`, so
/// that `p.ocr.txt` (as `ocr-roundtrip` names its output) finds `p.gt.txt`.
pub fn gold_name(input: &Path) -> Option<String> {
    let stem = input.file_stem()?.to_str()?;
    Some(stem.strip_suffix(".ocr").unwrap_or(stem).to_string())
}

/// Scores, under stable names, that a floor can be set on. Every one is "higher is better", so
/// floors only ever move up.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metrics {
    /// `1 - CER` of the repaired text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_accuracy: Option<f64>,
    /// `1 - WER` of the repaired text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_accuracy: Option<f64>,
    /// Relative CER reduction from input to repaired text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cer_reduction: Option<f64>,
    /// Relative WER reduction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wer_reduction: Option<f64>,
    /// Share of wrong input words the repair got right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix_rate: Option<f64>,
    /// Share of right input words the repair left right (`1 - broken rate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_rate: Option<f64>,
    /// F1 of running-text amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amounts_f1: Option<f64>,
    /// F1 of dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates_f1: Option<f64>,
    /// F1 of villkor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub villkor_f1: Option<f64>,
    /// F1 of references.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub references_f1: Option<f64>,
    /// F1 of totals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totals_f1: Option<f64>,
    /// F1 of all fields, counts pooled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields_micro_f1: Option<f64>,
    /// F1 averaged with equal weights: over fields for a document, over documents for a corpus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields_macro_f1: Option<f64>,
    /// Share of the gold's money (running-text amounts and table cells) that was extracted, when
    /// the gold lists cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money_recall: Option<f64>,
    /// Share of the extracted amounts that are in the gold's money, when the gold lists cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money_precision: Option<f64>,
    /// F1 of table cells read with their value, row label and column header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells_f1: Option<f64>,
    /// F1 of amounts' recipients (value and words), when the gold lists links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_recipient_f1: Option<f64>,
    /// F1 of amounts' periods (value and words), when the gold lists links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_period_f1: Option<f64>,
    /// F1 of amounts' purposes (value and words), when the gold lists links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_purpose_f1: Option<f64>,
}

impl Metrics {
    /// Every metric with its name, in a fixed order.
    pub fn entries(&self) -> [(&'static str, Option<f64>); 19] {
        [
            ("char_accuracy", self.char_accuracy),
            ("word_accuracy", self.word_accuracy),
            ("cer_reduction", self.cer_reduction),
            ("wer_reduction", self.wer_reduction),
            ("fix_rate", self.fix_rate),
            ("kept_rate", self.kept_rate),
            ("amounts_f1", self.amounts_f1),
            ("dates_f1", self.dates_f1),
            ("villkor_f1", self.villkor_f1),
            ("references_f1", self.references_f1),
            ("totals_f1", self.totals_f1),
            ("fields_micro_f1", self.fields_micro_f1),
            ("fields_macro_f1", self.fields_macro_f1),
            ("money_recall", self.money_recall),
            ("money_precision", self.money_precision),
            ("cells_f1", self.cells_f1),
            ("link_recipient_f1", self.link_recipient_f1),
            ("link_period_f1", self.link_period_f1),
            ("link_purpose_f1", self.link_purpose_f1),
        ]
    }

    fn set_text(&mut self, micro: &TextAverages) {
        self.char_accuracy = Some(1.0 - micro.output_cer);
        self.word_accuracy = Some(1.0 - micro.output_wer);
        self.cer_reduction = micro.cer_reduction;
        self.wer_reduction = micro.wer_reduction;
        self.fix_rate = micro.fix_rate;
        self.kept_rate = micro.broken_rate.map(|b| 1.0 - b);
    }

    fn set_fields(
        &mut self,
        per_field: &BTreeMap<Field, FieldScore>,
        micro: Option<f64>,
        macro_: Option<f64>,
    ) {
        let f1 = |f: Field| per_field.get(&f).and_then(|s| s.f1);
        self.amounts_f1 = f1(Field::Amounts);
        self.dates_f1 = f1(Field::Dates);
        self.villkor_f1 = f1(Field::Villkor);
        self.references_f1 = f1(Field::References);
        self.totals_f1 = f1(Field::Totals);
        self.fields_micro_f1 = micro;
        self.fields_macro_f1 = macro_;
        let money = per_field.get(&Field::Money);
        self.money_recall = money.and_then(|s| s.recall);
        self.money_precision = money.and_then(|s| s.precision);
        self.cells_f1 = f1(Field::Cells);
        self.link_recipient_f1 = f1(Field::LinkRecipient);
        self.link_period_f1 = f1(Field::LinkPeriod);
        self.link_purpose_f1 = f1(Field::LinkPurpose);
    }
}

/// Everything measured for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentScore {
    /// The input path as given.
    pub source: String,
    /// The name the gold was looked up by (and floors are keyed by).
    pub name: String,
    /// Text scores, when `NAME.gt.txt` exists.
    pub text: Option<TextScore>,
    /// Field scores, when `NAME.gold.json` exists: the fields it annotates.
    pub fields: Option<FieldScores>,
    /// Keys of `NAME.gold.json` that were ignored because no field is scored from them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<String>,
    /// The document's scores under their floor names.
    pub metrics: Metrics,
}

/// Scores one document. `input` is the decoded input (what the OCR produced), `record` what svocr
/// made of it.
pub fn score_document(name: &str, input: &str, record: &Record, gold: &GoldFiles) -> DocumentScore {
    let text = gold
        .text
        .as_deref()
        .map(|gt| text::score(input, &record.text, gt));
    let fields = gold.fields.as_ref().map(|g| {
        let mut scores = fields::score(record, g);
        scores.retain(|f, _| !gold.unlisted.contains(f));
        scores
    });
    let mut metrics = Metrics::default();
    if let Some(t) = &text {
        metrics.set_text(&TextAverages::micro(std::slice::from_ref(t)));
    }
    if let Some(f) = &fields {
        let items = || f.iter().filter(|(k, _)| !k.is_link()).map(|(_, v)| v);
        let pooled = pool(items());
        let macro_ = mean(items().filter_map(|s| s.f1));
        metrics.set_fields(f, pooled.f1, macro_);
    }
    DocumentScore {
        source: record.source.clone(),
        name: name.to_string(),
        text,
        fields,
        ignored: gold.ignored.clone(),
        metrics,
    }
}

/// A document's record and input together with its score (what the HTML report shows).
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluated {
    /// The decoded input.
    pub input: String,
    /// The pipeline's output.
    pub record: Record,
    /// The scores.
    pub score: DocumentScore,
    /// The gold it was scored against (the report shows the clean text and orders misses by it).
    pub gold: GoldFiles,
}

/// Runs the pipeline on one document's bytes and scores the result against `gold`.
pub fn evaluate(
    source: &str,
    name: &str,
    bytes: &[u8],
    gold: &GoldFiles,
    opts: &Options,
) -> Evaluated {
    // An undecodable input scores as an empty text: the record says why.
    let input = input::decode(bytes).map(|d| d.text).unwrap_or_default();
    let record = crate::process(source, bytes, opts);
    let score = score_document(name, &input, &record, gold);
    Evaluated {
        input,
        record,
        score,
        gold: gold.clone(),
    }
}

/// CER/WER and rates averaged over documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextAverages {
    /// CER of the inputs.
    pub input_cer: f64,
    /// WER of the inputs.
    pub input_wer: f64,
    /// CER of the repaired texts.
    pub output_cer: f64,
    /// WER of the repaired texts.
    pub output_wer: f64,
    /// Relative CER reduction.
    pub cer_reduction: Option<f64>,
    /// Relative WER reduction.
    pub wer_reduction: Option<f64>,
    /// Broken rate.
    pub broken_rate: Option<f64>,
    /// Fix rate.
    pub fix_rate: Option<f64>,
}

impl TextAverages {
    /// Pooled: total edits over total ground-truth characters/words.
    pub fn micro(scores: &[TextScore]) -> TextAverages {
        let sum = |f: &dyn Fn(&TextScore) -> usize| scores.iter().map(f).sum::<usize>();
        let (chars, words) = (sum(&|s| s.gt_chars).max(1), sum(&|s| s.gt_words).max(1));
        let input_cer = sum(&|s| s.input.char_edits) as f64 / chars as f64;
        let output_cer = sum(&|s| s.output.char_edits) as f64 / chars as f64;
        let input_wer = sum(&|s| s.input.word_edits) as f64 / words as f64;
        let output_wer = sum(&|s| s.output.word_edits) as f64 / words as f64;
        TextAverages {
            input_cer,
            input_wer,
            output_cer,
            output_wer,
            cer_reduction: reduction(input_cer, output_cer),
            wer_reduction: reduction(input_wer, output_wer),
            broken_rate: ratio(sum(&|s| s.words_broken), sum(&|s| s.words_right_in_input)),
            fix_rate: ratio(sum(&|s| s.words_fixed), sum(&|s| s.words_wrong_in_input)),
        }
    }

    /// The mean of the documents' own rates; `None` rates are left out. `None` for no documents.
    pub fn macro_(scores: &[TextScore]) -> Option<TextAverages> {
        let n = scores.len();
        if n == 0 {
            return None;
        }
        let avg = |f: &dyn Fn(&TextScore) -> f64| scores.iter().map(f).sum::<f64>() / n as f64;
        Some(TextAverages {
            input_cer: avg(&|s| s.input.cer),
            input_wer: avg(&|s| s.input.wer),
            output_cer: avg(&|s| s.output.cer),
            output_wer: avg(&|s| s.output.wer),
            cer_reduction: mean(scores.iter().filter_map(|s| s.cer_reduction)),
            wer_reduction: mean(scores.iter().filter_map(|s| s.wer_reduction)),
            broken_rate: mean(scores.iter().filter_map(|s| s.broken_rate)),
            fix_rate: mean(scores.iter().filter_map(|s| s.fix_rate)),
        })
    }
}

/// Text scores over the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextSummary {
    /// Documents with a `.gt.txt`.
    pub documents: usize,
    /// Pooled over documents.
    pub micro: TextAverages,
    /// Mean over documents.
    #[serde(rename = "macro")]
    pub macro_: TextAverages,
}

/// One field's scores over the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldAverages {
    /// Counts pooled over documents.
    pub micro: FieldScore,
    /// Mean of the documents' F1 (documents where it is defined).
    pub macro_f1: Option<f64>,
}

/// Field scores over the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldSummary {
    /// Documents with a `.gold.json`.
    pub documents: usize,
    /// Per field.
    pub per_field: BTreeMap<Field, FieldAverages>,
    /// All fields of all documents pooled.
    pub micro: FieldScore,
    /// Mean over documents of each document's pooled F1.
    pub macro_f1: Option<f64>,
}

/// The corpus totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Documents evaluated.
    pub documents: usize,
    /// Documents for which no gold file was found.
    pub without_gold: Vec<String>,
    /// Gold keys that no field is scored from, with the number of documents whose gold had them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ignored: BTreeMap<String, usize>,
    /// Text scores, when any document had a `.gt.txt`.
    pub text: Option<TextSummary>,
    /// Field scores, when any document had a `.gold.json`.
    pub fields: Option<FieldSummary>,
    /// The corpus scores under their floor names.
    pub metrics: Metrics,
}

/// Sums the counts of several field scores (missed/spurious lists are not carried over).
fn pool<'a>(scores: impl Iterator<Item = &'a FieldScore>) -> FieldScore {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for s in scores {
        (tp, fp, fn_) = (tp + s.tp, fp + s.fp, fn_ + s.fn_);
    }
    FieldScore::from_counts(tp, fp, fn_)
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (mut sum, mut n) = (0.0, 0usize);
    for v in values {
        sum += v;
        n += 1;
    }
    (n > 0).then(|| sum / n as f64)
}

/// Averages document scores over the corpus.
pub(crate) fn summarize(docs: &[DocumentScore]) -> Summary {
    let texts: Vec<TextScore> = docs.iter().filter_map(|d| d.text.clone()).collect();
    let text = TextAverages::macro_(&texts).map(|macro_| TextSummary {
        documents: texts.len(),
        micro: TextAverages::micro(&texts),
        macro_,
    });

    let field_docs: Vec<&FieldScores> = docs.iter().filter_map(|d| d.fields.as_ref()).collect();
    // Links are reported per type but not pooled with the extracted fields.
    fn items<'a>(d: &&'a FieldScores) -> Vec<&'a FieldScore> {
        d.iter()
            .filter(|(k, _)| !k.is_link())
            .map(|(_, v)| v)
            .collect()
    }
    let fields = (!field_docs.is_empty()).then(|| {
        let per_field: BTreeMap<Field, FieldAverages> = Field::ALL
            .into_iter()
            // Money and cells are scored only against gold that lists cells.
            .filter(|f| field_docs.iter().any(|d| d.contains_key(f)))
            .map(|f| {
                let scores = || field_docs.iter().filter_map(move |d| d.get(&f));
                let averages = FieldAverages {
                    micro: pool(scores()),
                    macro_f1: mean(scores().filter_map(|s| s.f1)),
                };
                (f, averages)
            })
            .collect();
        FieldSummary {
            documents: field_docs.len(),
            micro: pool(field_docs.iter().flat_map(items)),
            macro_f1: mean(
                field_docs
                    .iter()
                    .filter_map(|d| pool(items(d).into_iter()).f1),
            ),
            per_field,
        }
    });

    let mut metrics = Metrics::default();
    if let Some(t) = &text {
        metrics.set_text(&t.micro);
    }
    if let Some(f) = &fields {
        let micro: BTreeMap<Field, FieldScore> = f
            .per_field
            .iter()
            .map(|(k, v)| (*k, v.micro.clone()))
            .collect();
        metrics.set_fields(&micro, f.micro.f1, f.macro_f1);
    }
    Summary {
        documents: docs.len(),
        without_gold: docs
            .iter()
            .filter(|d| d.text.is_none() && d.fields.is_none())
            .map(|d| d.source.clone())
            .collect(),
        ignored: docs
            .iter()
            .flat_map(|d| &d.ignored)
            .fold(BTreeMap::new(), |mut m, k| {
                *m.entry(k.clone()).or_default() += 1;
                m
            }),
        text,
        fields,
        metrics,
    }
}

/// Minimum scores, checked in (`fixtures/floors.json`): for the corpus and, optionally, per
/// document name. Unknown metric names are an error, so a typo cannot switch a floor off.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Floors {
    /// Floors on the corpus metrics (micro averages, `fields_macro_f1` over documents).
    #[serde(default)]
    pub corpus: Metrics,
    /// Floors on single documents, by gold name.
    #[serde(default)]
    pub documents: BTreeMap<String, Metrics>,
}

/// How far under its floor a score may fall and still pass: rounding noise, not accuracy.
const FLOOR_EPSILON: f64 = 1e-9;

impl Floors {
    /// Parses a floors file.
    pub fn from_json(json: &str) -> Result<Floors, Error> {
        Ok(serde_json::from_str(json)?)
    }

    /// Checks every floor against the report, in a fixed order (corpus first).
    pub fn check(&self, report: &EvalReport) -> Vec<FloorCheck> {
        let mut checks = Vec::new();
        let mut add = |scope: &str, floors: &Metrics, measured: Option<&Metrics>| {
            let measured = measured.map(Metrics::entries);
            for (k, (metric, floor)) in floors.entries().into_iter().enumerate() {
                if let Some(floor) = floor {
                    checks.push(FloorCheck {
                        scope: scope.to_string(),
                        metric,
                        floor,
                        measured: measured.and_then(|m| m[k].1),
                    });
                }
            }
        };
        add("corpus", &self.corpus, Some(&report.summary.metrics));
        for (name, floors) in &self.documents {
            let doc = report.documents.iter().find(|d| &d.name == name);
            add(name, floors, doc.map(|d| &d.metrics));
        }
        checks
    }
}

/// One floor compared with its measurement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FloorCheck {
    /// `corpus` or a document name.
    pub scope: String,
    /// The metric's name.
    pub metric: &'static str,
    /// The minimum.
    pub floor: f64,
    /// The measured value; `None` when it could not be measured (no gold, no such document).
    pub measured: Option<f64>,
}

impl FloorCheck {
    /// Whether the measurement reaches the floor. An unmeasured metric fails: a floor that
    /// silently stops being checked is how regressions slip through.
    pub fn passed(&self) -> bool {
        // Scores are ratios computed along different paths (per document, pooled), so a floor set
        // at a measured value may differ from it in the last bits; a floor is not that precise.
        self.measured
            .is_some_and(|m| m >= self.floor - FLOOR_EPSILON)
    }
}

impl fmt::Display for FloorCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = if self.passed() { "ok" } else { "BELOW FLOOR" };
        match self.measured {
            Some(m) => write!(
                f,
                "{}: {} = {:.4} (floor {:.4}) {verdict}",
                self.scope, self.metric, m, self.floor
            ),
            None => write!(
                f,
                "{}: {} not measured (floor {:.4}) {verdict}",
                self.scope, self.metric, self.floor
            ),
        }
    }
}

/// All document scores and their summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// One per document, in input order.
    pub documents: Vec<DocumentScore>,
    /// Corpus totals.
    pub summary: Summary,
}

impl EvalReport {
    /// Scores and summary together.
    pub fn new(documents: Vec<DocumentScore>) -> EvalReport {
        let summary = summarize(&documents);
        EvalReport { documents, summary }
    }

    /// One JSON document, `{"documents": […], "summary": {…}}`, indented, ending in a newline.
    pub fn to_json(&self) -> Result<String, Error> {
        let mut out = serde_json::to_string_pretty(self)?;
        out.push('\n');
        Ok(out)
    }

    /// Whether no document had any gold: nothing was scored, which is a broken setup (a mistyped
    /// gold directory, inputs named unlike their gold), not a result.
    pub fn has_no_gold(&self) -> bool {
        self.summary.without_gold.len() == self.summary.documents
    }

    /// JSON Lines: one object per document, then `{"summary": …}`.
    pub fn to_json_lines(&self) -> Result<String, Error> {
        let mut out = String::new();
        for d in &self.documents {
            out.push_str(&serde_json::to_string(d)?);
            out.push('\n');
        }
        let summary = serde_json::json!({ "summary": &self.summary });
        out.push_str(&serde_json::to_string(&summary)?);
        out.push('\n');
        Ok(out)
    }
}

/// The score of a document whose repair turned `input` into `output`, against the clean text `gt`
/// (for the tests of this module and of the report that formats it).
#[cfg(test)]
pub(crate) fn text_only_score(name: &str, input: &str, output: &str, gt: &str) -> DocumentScore {
    let mut record = Record::error(name, "");
    record.text = output.to_string();
    let gold = GoldFiles {
        text: Some(gt.to_string()),
        ..GoldFiles::default()
    };
    score_document(name, input, &record, &gold)
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::text_only_score as doc;

    #[track_caller]
    fn assert_floor(floors: &str, report: &EvalReport, passed: bool) {
        let checks = Floors::from_json(floors).unwrap().check(report);
        assert!(!checks.is_empty());
        assert_eq!(checks.iter().all(FloorCheck::passed), passed, "{checks:?}");
    }

    #[test]
    fn gold_name_drops_extension_and_ocr_suffix() {
        assert_eq!(
            gold_name(Path::new("a/001_x.txt")).as_deref(),
            Some("001_x")
        );
        assert_eq!(gold_name(Path::new("p.ocr.txt")).as_deref(), Some("p"));
        assert_eq!(
            gold_name(Path::new("p.ocr2.txt")).as_deref(),
            Some("p.ocr2")
        );
    }

    #[test]
    fn variants_fall_back_to_the_base_gold_extraction() {
        let dir = std::env::temp_dir().join(format!("svocr-eval-gold-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("d.gold.json"), r#"{"amounts": [5]}"#).unwrap();
        std::fs::write(dir.join("d__v1.gt.txt"), "text").unwrap();
        std::fs::write(dir.join("d__v2.gold.json"), r#"{"amounts": [7]}"#).unwrap();
        let v1 = GoldFiles::load(&dir, "d__v1").unwrap();
        assert_eq!(v1.text.as_deref(), Some("text"));
        assert_eq!(v1.fields.unwrap().amounts.len(), 1);
        let v2 = GoldFiles::load(&dir, "d__v2").unwrap();
        assert_eq!(v2.fields.unwrap().amounts[0].to_string(), "7");
        assert!(v2.text.is_none());
        // Without the separator there is no fallback.
        assert!(GoldFiles::load(&dir, "dv1").unwrap().is_empty());
        std::fs::write(dir.join("bad.gold.json"), "{").unwrap();
        assert!(GoldFiles::load(&dir, "bad").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn gold_keys_that_are_not_scored_are_ignored_and_named() {
        let mut gold = GoldFiles::default();
        // `table_msek` in Mkr with six decimals is no number of kronor; it is not scored either.
        gold.set_fields(
            r#"{"amounts": [5], "dates": [], "notes": "x", "table_msek": {"a": [26.576108]}}"#,
        )
        .unwrap();
        assert_eq!(gold.ignored, vec!["notes", "table_msek"]);
        assert_eq!(gold.fields.as_ref().unwrap().amounts.len(), 1);
        // Not listed, so not annotated: villkor, references, totals, and money and cells (no
        // `cells`). Listed, even empty: amounts and dates.
        assert_eq!(
            gold.unlisted,
            vec![
                Field::Villkor,
                Field::References,
                Field::Totals,
                Field::Money,
                Field::Cells,
                Field::LinkRecipient,
                Field::LinkPeriod,
                Field::LinkPurpose,
                Field::LinkVillkor,
                Field::DateOf
            ]
        );
        let mut record = Record::error("x.txt", "");
        record.references = Some(vec![]);
        let d = score_document("x", "", &record, &gold);
        let scored: Vec<Field> = d.fields.unwrap().into_keys().collect();
        assert_eq!(scored, vec![Field::Amounts, Field::Dates]);
        assert_eq!(d.ignored, vec!["notes", "table_msek"]);
        // A scored key with a bad value is still an error: that gold is broken, not foreign.
        assert!(gold.set_fields(r#"{"amounts": [0.001]}"#).is_err());
        assert!(gold.set_fields(r#"[1]"#).is_err());
    }

    #[test]
    fn micro_pools_and_macro_averages() {
        // 4 GT chars with 2 errors, 8 GT chars with 0 errors.
        let a = doc("a", "abcd", "abxy", "abcd");
        let b = doc("b", "abcdefgh", "abcdefgh", "abcdefgh");
        let s = summarize(&[a, b]);
        let t = s.text.unwrap();
        assert_eq!(t.micro.output_cer, 2.0 / 12.0);
        assert_eq!(t.macro_.output_cer, 0.25);
        assert_eq!(s.metrics.char_accuracy, Some(1.0 - 2.0 / 12.0));
        assert!(s.fields.is_none() && s.metrics.amounts_f1.is_none());
    }

    #[test]
    fn documents_without_gold_are_listed_not_scored() {
        let record = Record::error("x.txt", "");
        let d = score_document("x", "", &record, &GoldFiles::default());
        let s = summarize(&[d]);
        assert_eq!(s.without_gold, vec!["x.txt"]);
        assert!(s.text.is_none());
    }

    #[test]
    fn floors_pass_at_or_above_and_fail_below() {
        let report = EvalReport::new(vec![doc("a", "f6r att", "för att", "för att")]);
        assert_floor(
            r#"{"corpus": {"char_accuracy": 1.0, "fix_rate": 1.0}}"#,
            &report,
            true,
        );
        let worse = EvalReport::new(vec![doc("a", "f6r att", "f6r att", "för att")]);
        assert_floor(r#"{"corpus": {"char_accuracy": 0.9}}"#, &worse, false);
        assert_floor(r#"{"documents": {"a": {"fix_rate": 0.5}}}"#, &worse, false);
        assert_floor(r#"{"documents": {"a": {"fix_rate": 0.5}}}"#, &report, true);
    }

    #[test]
    fn unmeasured_floors_fail_and_unknown_names_are_errors() {
        let report = EvalReport::new(vec![doc("a", "x", "x", "x")]);
        // No gold JSON, so no field scores: the floor cannot be met.
        assert_floor(r#"{"corpus": {"amounts_f1": 0.0}}"#, &report, false);
        // No such document.
        assert_floor(
            r#"{"documents": {"b": {"char_accuracy": 0.0}}}"#,
            &report,
            false,
        );
        assert!(Floors::from_json(r#"{"corpus": {"char_acuracy": 0.9}}"#).is_err());
        assert!(Floors::from_json(r#"{"corpus": {}, "extra": 1}"#).is_err());
    }

    #[test]
    fn json_is_one_document_that_parses_back() {
        let report = EvalReport::new(vec![doc("a", "f6r", "för", "för")]);
        let back: EvalReport = serde_json::from_str(&report.to_json().unwrap()).unwrap();
        assert_eq!(back, report);
        assert!(!report.has_no_gold());
        let record = Record::error("x.txt", "");
        let none = score_document("x", "", &record, &GoldFiles::default());
        assert!(EvalReport::new(vec![none]).has_no_gold());
        assert!(EvalReport::new(vec![]).has_no_gold());
    }

    #[test]
    fn json_lines_end_with_the_summary() {
        let report = EvalReport::new(vec![doc("a", "f6r", "för", "för")]);
        let out = report.to_json_lines().unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        let d: DocumentScore = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(d, report.documents[0]);
        let v: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
        let s: Summary = serde_json::from_value(v["summary"].clone()).unwrap();
        assert_eq!(s, report.summary);
    }
}
