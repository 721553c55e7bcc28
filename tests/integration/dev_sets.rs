//! Hygiene of the development sets, tables (`training/tables/`, tune; `fixtures/tables/`, held out)
//! and totals (`training/totals/`, `fixtures/totals/`): every document has gold and a recorded
//! source, every OCR pair is whole, and the gold is internally consistent, so a wrong score is
//! never the data's fault.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

const PARTS: [&str; 2] = ["training/tables", "fixtures/tables"];
const TOTALS_PARTS: [&str; 2] = ["training/totals", "fixtures/totals"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// File names in `dir` ending in `suffix`, without it, sorted.
fn names(dir: &Path, suffix: &str) -> BTreeSet<String> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    entries
        .map(|e| e.expect("directory entry").file_name())
        .filter_map(|n| n.to_str()?.strip_suffix(suffix).map(str::to_string))
        .collect()
}

fn gold(part: &str, name: &str) -> Value {
    let path = root()
        .join(part)
        .join("gold")
        .join(format!("{name}.gold.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A gold money value in öre, exactly (`12.5` is 1 250 öre).
#[track_caller]
fn ore(v: &Value, at: &str) -> i128 {
    let s = v.to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    assert!(frac.len() <= 2, "{at}: {s} has more than öre precision");
    let int: i128 = int
        .parse()
        .unwrap_or_else(|_| panic!("{at}: {s} is not a number"));
    let frac: i128 = format!("{frac:0<2}").parse().expect("digits");
    int * 100 + if s.starts_with('-') { -frac } else { frac }
}

/// Checks that every document of `parts` has gold and a row in `sources`; returns how many there
/// are.
fn documents_with_gold_and_source(parts: [&str; 2], sources: &str) -> usize {
    let sources = fs::read_to_string(root().join(sources)).expect("SOURCES.md");
    let mut total = 0;
    for part in parts {
        let docs = names(&root().join(part).join("docs"), ".txt");
        let golds = names(&root().join(part).join("gold"), ".gold.json");
        assert_eq!(docs, golds, "{part}: documents and gold files differ");
        for name in &docs {
            let listed = format!("| {part}/docs/{name}.txt |");
            assert!(
                sources.contains(&listed),
                "{part}/docs/{name}.txt has no row in SOURCES.md"
            );
        }
        let typeset = root().join(part).join("typeset");
        if typeset.exists() {
            assert!(
                names(&typeset, ".typeset.txt").is_subset(&docs),
                "{part}: a typeset copy without its document"
            );
        }
        total += docs.len();
    }
    total
}

/// Half the last unit a figure of `ore` is written to: `207 000 000` kr (`207 miljoner`) may stand
/// for anything from 206,5 to 207,5 miljoner.
fn rounding(ore: i128) -> i128 {
    if ore == 0 {
        return 0;
    }
    let mut unit = 1;
    while ore % (unit * 10) == 0 {
        unit *= 10;
    }
    unit / 2
}

#[test]
fn every_document_has_gold_and_a_source() {
    let tables = documents_with_gold_and_source(PARTS, "training/tables/SOURCES.md");
    assert!(
        tables >= 25,
        "the table set holds {tables} documents, fewer than the 25 it promises"
    );
    let totals = documents_with_gold_and_source(TOTALS_PARTS, "training/totals/SOURCES.md");
    assert!(
        totals >= 20,
        "the totals set holds {totals} documents, fewer than 20"
    );
}

#[test]
fn every_ocr_pair_is_whole_and_made_by_the_script() {
    let script = fs::read_to_string(root().join("training/tables/make-ocr.sh")).expect("script");
    let mut pairs = 0;
    for part in PARTS {
        let ocr = names(&root().join(part).join("ocr"), ".ocr.txt");
        let gts = names(&root().join(part).join("gold"), ".gt.txt");
        assert_eq!(
            ocr, gts,
            "{part}: OCR outputs and their printed lines differ"
        );
        let typeset = names(&root().join(part).join("typeset"), ".typeset.txt");
        for pair in &ocr {
            let (name, setting) = pair.split_once("__goveng-s").expect("NAME__goveng-sN");
            assert!(typeset.contains(name), "{part}: {pair} has no typeset copy");
            let line = format!(" {name} {setting}");
            assert!(
                script.contains(&line),
                "make-ocr.sh does not make {part}/{pair}"
            );
        }
        pairs += ocr.len();
    }
    assert!(pairs >= 10, "{pairs} OCR pairs, fewer than 10");
}

#[test]
fn consistent_gold_totals_add_up_and_cells_are_well_formed() {
    for part in PARTS.into_iter().chain(TOTALS_PARTS) {
        for name in names(&root().join(part).join("gold"), ".gold.json") {
            let g = gold(part, &name);
            let at = format!("{part}/gold/{name}.gold.json");
            for (i, t) in g["totals"].as_array().into_iter().flatten().enumerate() {
                let stated = ore(&t["stated"], &at);
                let components = t["components"]
                    .as_array()
                    .unwrap_or_else(|| panic!("{at}: total {i} has no components"));
                // A part counted several times (a yearly sum over three years) says so.
                let times = |k: usize| t["multipliers"].get(k).and_then(Value::as_i64).unwrap_or(1);
                let parts: i128 = components
                    .iter()
                    .enumerate()
                    .map(|(k, c)| ore(c, &at) * i128::from(times(k)))
                    .sum();
                let income = t.get("income").map_or(0, |v| ore(v, &at));
                // Tables print every figure to its last unit, so their sums are exact. Prose rounds
                // (`207 miljoner` for 206,9): there a consistent total may differ from its parts
                // by the rounding of the figures as written.
                let slack = if TOTALS_PARTS.contains(&part) {
                    rounding(stated)
                        + components
                            .iter()
                            .map(|c| rounding(ore(c, &at)))
                            .sum::<i128>()
                } else {
                    0
                };
                if t.get("consistent") != Some(&Value::Bool(false)) {
                    let difference = stated - parts - income;
                    assert!(
                        difference.abs() <= slack,
                        "{at}: total {i} does not add up: {stated} öre stated, {} öre in its \
                         parts, more than the rounding ({slack} öre) explains",
                        parts + income
                    );
                }
            }
            for (i, c) in g["cells"].as_array().into_iter().flatten().enumerate() {
                ore(&c["value"], &at);
                assert!(c["label"].is_string(), "{at}: cell {i} has no label");
                assert!(c["header"].is_string(), "{at}: cell {i} has no header");
                assert!(c["table"].is_u64(), "{at}: cell {i} has no table");
            }
        }
    }
}

#[test]
fn fresh_pairs_are_whole_and_made_by_their_script() {
    // (set, the script that regenerates it, how many pairs it makes)
    for (set, script, count) in [
        ("fresh", "make-fresh-pairs.sh", 6),
        ("fresh2", "make-fresh2-pairs.sh", 6),
    ] {
        let text = fs::read_to_string(root().join("training").join(script)).expect("script");
        let dir = root().join("training/pairs").join(set);
        let ocr = names(&dir, ".ocr.txt");
        assert_eq!(
            ocr,
            names(&dir, ".gt.txt"),
            "{set}: OCR outputs and printed lines differ"
        );
        assert_eq!(ocr.len(), count, "{} {set} pairs, not {count}", ocr.len());
        for pair in &ocr {
            let (mix, _) = pair.split_once("-mix-").expect("NAME-mix-I__goveng-sN");
            assert!(
                text.contains(&format!("\"$tmp/{mix}-mix-$i.txt\"")),
                "{script} does not make {pair}"
            );
            assert!(
                text.contains(&format!("out=pairs/{set}\n")),
                "{script} does not write {set}"
            );
        }
    }
}
