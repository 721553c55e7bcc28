//! Seed 000 is real OCR output with no hand-made gold; `fixtures/gold/000_40c623360c45ffaf.gold.json` (Gold schema)
//! holds what a reader of the document sees, written by reading it: every amount and date, the
//! villkor with their Swedish letters restored, the total and the references as written.
//!
//! Everything is checked on the record `svocr::process` writes with default options (repair on):
//! amounts, dates and references must be right whatever the repair does, and the villkor titles
//! show that repair restored their å/ä/ö (`f6r`, `ohilsa`).

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
    let expected: Gold = serde_json::from_str(&fixture("gold/000_40c623360c45ffaf.gold.json"))
        .expect("the seed 000 gold parses");
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
