//! Seed 000 is real OCR output with no hand-made gold; `fixtures/expected/000.json` (Gold schema)
//! holds what a reader of the document sees, written by reading it: every amount and date, the
//! villkor with their Swedish letters restored, the total and the references as written.
//!
//! Amounts, dates and references are checked on the record `svocr::process` writes with default
//! options (repair on). Villkor titles need the repair engine to restore å/ä/ö (`f6r`, `ohilsa`),
//! so that comparison is ignored until it lands; the numbers must already be right.

use std::collections::BTreeMap;
use std::path::Path;

use svocr::record::{Gold, Record};

fn fixture(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load() -> (Gold, Record) {
    let expected: Gold =
        serde_json::from_str(&fixture("expected/000.json")).expect("expected/000.json parses");
    let seed = fixture("seeds/000_40c623360c45ffaf.txt");
    let record = svocr::process("000", seed.as_bytes(), &svocr::Options::default());
    (expected, record)
}

fn sorted<T: Ord + Clone>(v: &[T]) -> Vec<T> {
    let mut v = v.to_vec();
    v.sort();
    v
}

#[test]
fn every_amount_a_reader_sees() {
    let (expected, record) = load();
    let got: Vec<_> = record
        .amounts
        .iter()
        .flatten()
        .filter(|a| a.cell.is_none())
        .filter_map(|a| a.value)
        .collect();
    assert_eq!(sorted(&got), sorted(&expected.amounts));
}

#[test]
fn every_date_a_reader_sees() {
    let (expected, record) = load();
    let got: Vec<_> = record
        .dates
        .iter()
        .flatten()
        .filter_map(|d| d.value)
        .collect();
    assert_eq!(sorted(&got), sorted(&expected.dates));
}

#[test]
fn references_as_written() {
    let (expected, record) = load();
    let got: Vec<String> = record
        .references
        .iter()
        .flatten()
        .map(|r| r.text.clone())
        .collect();
    assert_eq!(sorted(&got), sorted(&expected.references));
}

#[test]
fn villkor_numbers() {
    let (expected, record) = load();
    let got: Vec<String> = record
        .villkor
        .iter()
        .flatten()
        .map(|v| v.number.to_string())
        .collect();
    let want: Vec<String> = expected.villkor.keys().cloned().collect();
    assert_eq!(got, want);
}

#[test]
#[ignore = "needs the repair engine: titles keep OCR damage (`f6r`, `ohilsa`) until repair lands"]
fn villkor_titles_after_repair() {
    let (expected, record) = load();
    let got: BTreeMap<String, String> = record
        .villkor
        .iter()
        .flatten()
        .map(|v| (v.number.to_string(), v.title.clone()))
        .collect();
    assert_eq!(got, expected.villkor);
}
