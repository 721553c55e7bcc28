//! The gold extractions in `fixtures/gold/` are reproduced from the seeds in `fixtures/seeds/`.
//!
//! Each gold file is parsed into [`svocr::record::Gold`] and compared as multisets with the record
//! `svocr::process` writes for its seed with default options: running-text amounts (table cells are
//! the table reader's and are checked against `table_msek` elsewhere), dates with a value,
//! villkor numbers → titles, and references as written. A missing key in gold means "none".
//!
//! 001–004 are the hand-made gold of the clean seeds, copied unchanged. Seed 000 is real OCR with
//! no such gold: its file was written by reading the document (every amount and date, the villkor
//! with their Swedish letters restored, the total and the references as written), and its test runs
//! *after repair*: amounts, dates and references must be right whatever the repair does, and the
//! villkor titles show that repair restored their å/ä/ö (`f6r`, `ohilsa`).

use std::collections::BTreeMap;
use std::path::Path;

use svocr::record::{Gold, Money, Record};

/// Reads a fixture shipped in the repository.
fn fixture(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Sorted copy, for multiset comparison with readable diffs.
fn sorted<T: Ord + Clone>(v: &[T]) -> Vec<T> {
    let mut v = v.to_vec();
    v.sort();
    v
}

/// Runs the pipeline on seed `stem` and compares it with its gold file.
#[track_caller]
fn assert_gold(stem: &str) {
    let gold: Gold = serde_json::from_str(&fixture(&format!("gold/{stem}.gold.json")))
        .unwrap_or_else(|e| panic!("gold/{stem}.gold.json: {e}"));
    let seed = fixture(&format!("seeds/{stem}.txt"));
    let record: Record = svocr::process(stem, seed.as_bytes(), &svocr::Options::default());

    let amounts: Vec<Money> = record
        .amounts
        .iter()
        .flatten()
        .filter(|a| a.cell.is_none())
        .filter_map(|a| a.value)
        .collect();
    assert_eq!(
        sorted(&amounts),
        sorted(&gold.amounts),
        "{stem}: running-text amounts"
    );

    let dates: Vec<_> = record
        .dates
        .iter()
        .flatten()
        .filter_map(|d| d.value)
        .collect();
    assert_eq!(sorted(&dates), sorted(&gold.dates), "{stem}: dates");

    let villkor: BTreeMap<String, String> = record
        .villkor
        .iter()
        .flatten()
        .map(|v| (v.number.to_string(), v.title.clone()))
        .collect();
    assert_eq!(villkor, gold.villkor, "{stem}: villkor");
    // Each condition once, in number order (the map above would hide a duplicate).
    let numbers: Vec<u32> = record.villkor.iter().flatten().map(|v| v.number).collect();
    let mut expected: Vec<u32> = gold
        .villkor
        .keys()
        .map(|k| {
            k.parse()
                .unwrap_or_else(|e| panic!("{stem}: villkor {k}: {e}"))
        })
        .collect();
    expected.sort_unstable();
    assert_eq!(numbers, expected, "{stem}: villkor numbers");

    let references: Vec<String> = record
        .references
        .iter()
        .flatten()
        .map(|r| r.text.clone())
        .collect();
    assert_eq!(
        sorted(&references),
        sorted(&gold.references),
        "{stem}: references"
    );
}

/// One `#[test]` per gold document.
macro_rules! gold {
    ($($name:ident => $stem:literal,)*) => {
        $(#[test] fn $name() { assert_gold($stem); })*
    };
}

gold! {
    gold_000_after_repair => "000_40c623360c45ffaf",
    gold_001 => "001_a360caec043fb75e",
    gold_002 => "002_628a1c436b2c7fb1",
    gold_003 => "003_1554d7a47f6cfbda",
    gold_004 => "004_4c5df086cb1f788c",
}

/// The documents `dir` holds gold for (`NAME.gold.json`), sorted by name.
pub(crate) fn gold_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".gold.json")
                .map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

/// Every gold file in `fixtures/gold/` has a test above (a new gold file cannot be forgotten).
#[test]
fn every_gold_file_is_tested() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gold");
    assert_eq!(
        gold_names(&dir),
        [
            "000_40c623360c45ffaf",
            "001_a360caec043fb75e",
            "002_628a1c436b2c7fb1",
            "003_1554d7a47f6cfbda",
            "004_4c5df086cb1f788c"
        ]
    );
}
