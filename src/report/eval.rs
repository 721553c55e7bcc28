//! The evaluation report as a text table (`svocr eval --format text`).
//!
//! In: an [`EvalReport`]. Out: one row per document and two corpus rows (micro and macro
//! averages) of CER/WER, their reductions, fix and broken rates and the fields' F1, then the pooled
//! field scores, each document's remaining confusions, the documents without gold and the gold keys
//! that were ignored. A rate that is not defined shows as `–`, a score without gold as an empty cell.
//!
//! Deliberately not done here: computing any score ([`crate::eval`] does), or the floors' verdicts
//! (the caller prints those on stderr).

use std::fmt;

use crate::eval::fields::Field;
use crate::eval::{DocumentScore, EvalReport, Summary, TextAverages};

/// A rate as a percentage with one decimal, or `–` when undefined.
pub(crate) fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| format!("{:.1}%", v * 100.0))
}

/// A rate as a percentage with two decimals.
fn pct2(v: f64) -> String {
    format!("{:.2}%", v * 100.0)
}

/// The text table (`--format text`).
impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .documents
            .iter()
            .map(|d| d.name.chars().count())
            .chain([14])
            .max()
            .unwrap_or(14);
        header(f, width)?;
        for d in &self.documents {
            document_row(f, d, width)?;
        }
        corpus_rows(f, &self.summary, width)?;
        notes(f, self)
    }
}

/// The column titles.
fn header(f: &mut fmt::Formatter<'_>, width: usize) -> fmt::Result {
    writeln!(
        f,
        "{:<width$}  {:>8} {:>8} {:>7}  {:>8} {:>8} {:>7}  {:>6} {:>6}  {:>7} {:>6} {:>7} {:>6} {:>6}",
        "document",
        "CER in",
        "CER out",
        "red.",
        "WER in",
        "WER out",
        "red.",
        "fix",
        "broken",
        "amounts",
        "dates",
        "villkor",
        "refs",
        "totals"
    )
}

/// The text columns of a row: empty when there is no text gold.
fn text_cols(f: &mut fmt::Formatter<'_>, t: Option<&TextAverages>) -> fmt::Result {
    match t {
        Some(t) => write!(
            f,
            "  {:>8} {:>8} {:>7}  {:>8} {:>8} {:>7}  {:>6} {:>6}",
            pct2(t.input_cer),
            pct2(t.output_cer),
            pct(t.cer_reduction),
            pct2(t.input_wer),
            pct2(t.output_wer),
            pct(t.wer_reduction),
            pct(t.fix_rate),
            pct(t.broken_rate)
        ),
        None => write!(
            f,
            "  {:>8} {:>8} {:>7}  {:>8} {:>8} {:>7}  {:>6} {:>6}",
            "", "", "", "", "", "", "", ""
        ),
    }
}

/// The field columns of a row and its line end. `f1(field)` is `None` without field gold (an
/// empty cell) and `Some(None)` for an F1 that is not defined (`–`).
fn field_cols(
    f: &mut fmt::Formatter<'_>,
    f1: &dyn Fn(Field) -> Option<Option<f64>>,
) -> fmt::Result {
    let cell = |field| f1(field).map_or(String::new(), pct);
    writeln!(
        f,
        "  {:>7} {:>6} {:>7} {:>6} {:>6}",
        cell(Field::Amounts),
        cell(Field::Dates),
        cell(Field::Villkor),
        cell(Field::References),
        cell(Field::Totals)
    )
}

/// One document's row.
fn document_row(f: &mut fmt::Formatter<'_>, d: &DocumentScore, width: usize) -> fmt::Result {
    write!(f, "{:<width$}", d.name)?;
    let t = d
        .text
        .as_ref()
        .map(|t| TextAverages::micro(std::slice::from_ref(t)));
    text_cols(f, t.as_ref())?;
    field_cols(f, &|field| {
        d.fields.as_ref().map(|s| s.get(&field).and_then(|s| s.f1))
    })
}

/// The corpus rows: micro averages (counts pooled), then macro (the mean over documents).
fn corpus_rows(f: &mut fmt::Formatter<'_>, s: &Summary, width: usize) -> fmt::Result {
    write!(f, "{:<width$}", "corpus (micro)")?;
    text_cols(f, s.text.as_ref().map(|t| &t.micro))?;
    field_cols(f, &|field| {
        s.fields
            .as_ref()
            .map(|x| x.per_field.get(&field).and_then(|a| a.micro.f1))
    })?;
    write!(f, "{:<width$}", "corpus (macro)")?;
    text_cols(f, s.text.as_ref().map(|t| &t.macro_))?;
    field_cols(f, &|field| {
        s.fields
            .as_ref()
            .map(|x| x.per_field.get(&field).and_then(|a| a.macro_f1))
    })
}

/// Below the table: all fields pooled, each document's most frequent remaining confusions, and
/// the documents without gold.
fn notes(f: &mut fmt::Formatter<'_>, report: &EvalReport) -> fmt::Result {
    let s = &report.summary;
    if let Some(fs) = &s.fields {
        writeln!(
            f,
            "\nfields, all pooled: P {} R {} F1 {} (micro); F1 {} (macro over documents)",
            pct(fs.micro.precision),
            pct(fs.micro.recall),
            pct(fs.micro.f1),
            pct(fs.macro_f1)
        )?;
        if let (Some(money), Some(cells)) = (
            fs.per_field.get(&Field::Money),
            fs.per_field.get(&Field::Cells),
        ) {
            writeln!(
                f,
                "tables: money (running text and cells, by value) P {} R {} ({} of {} found); \
                 cells with label and header F1 {} (micro)",
                pct(money.micro.precision),
                pct(money.micro.recall),
                money.micro.tp,
                money.micro.tp + money.micro.fn_,
                pct(cells.micro.f1)
            )?;
        }
        // Links, only where some gold lists them (`links`, `date_of`).
        let links: Vec<String> = Field::ALL
            .into_iter()
            .filter(|k| k.is_link())
            .filter_map(|k| {
                let m = &fs.per_field.get(&k)?.micro;
                Some(format!(
                    "{} P {} R {}",
                    k.name(),
                    pct(m.precision),
                    pct(m.recall)
                ))
            })
            .collect();
        if !links.is_empty() {
            writeln!(f, "links (micro): {}", links.join("; "))?;
        }
    }
    for d in &report.documents {
        if let Some(t) = &d.text
            && !t.confusions.is_empty()
        {
            let top: Vec<String> = t
                .confusions
                .iter()
                .take(8)
                .map(|c| format!("{} :: {} ({})", show(&c.gt), show(&c.output), c.count))
                .collect();
            writeln!(f, "{}: remaining confusions: {}", d.name, top.join(", "))?;
        }
    }
    if !s.without_gold.is_empty() {
        writeln!(f, "no gold found for: {}", s.without_gold.join(", "))?;
    }
    if !s.ignored.is_empty() {
        writeln!(f, "gold keys not scored, ignored: {}", ignored_keys(s))?;
    }
    Ok(())
}

/// The ignored gold keys with the number of documents that had each: `notes (3), table_msek (1)`.
pub(crate) fn ignored_keys(s: &Summary) -> String {
    let keys: Vec<String> = s
        .ignored
        .iter()
        .map(|(k, n)| format!("{k} ({n} document{})", if *n == 1 { "" } else { "s" }))
        .collect();
    keys.join(", ")
}

/// A confusion side for display: `∅` for nothing, `␣` for a space.
fn show(s: &str) -> String {
    if s.is_empty() {
        "∅".to_string()
    } else {
        s.replace(' ', "␣")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::text_only_score as doc;

    #[test]
    fn text_table_lists_documents_and_corpus() {
        let report = EvalReport::new(vec![doc("a", "f6r att", "för att", "för att")]);
        let table = report.to_string();
        assert!(table.contains("corpus (micro)") && table.contains("corpus (macro)"));
        let row = table.lines().find(|l| l.starts_with("a ")).unwrap();
        assert!(
            row.contains("14.29%") && row.contains("0.00%") && row.contains("100.0%"),
            "{row}"
        );
    }

    #[test]
    fn undefined_rates_show_as_a_dash_and_confusions_are_listed() {
        assert_eq!(pct(None), "–");
        assert_eq!(pct(Some(0.5)), "50.0%");
        assert_eq!(show(""), "∅");
        assert_eq!(show("a b"), "a␣b");
        let report = EvalReport::new(vec![doc("a", "f6r att", "f6r att", "för att")]);
        let table = report.to_string();
        assert!(table.contains("a: remaining confusions: "), "{table}");
    }
}
