//! The JSON record is a stable schema: every fixture's and development document's record
//! validates against `schema/record.schema.json`, which requires every key (so a key left out
//! when unused fails here), and so do an error record, a record made without repair and a
//! `--no-text` record. Records written before keys were always present still parse.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use svocr::{Options, Record};

use crate::sets::{SETS, root};

fn validator() -> jsonschema::Validator {
    let path = root().join("schema/record.schema.json");
    let schema: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

#[track_caller]
fn assert_valid(v: &jsonschema::Validator, record: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(record)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

fn documents(dir: &Path) -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    docs.sort();
    docs
}

#[test]
fn every_fixture_and_development_record_matches_the_schema() {
    let v = validator();
    let mut n = 0;
    for set in SETS {
        for doc in documents(&root().join(set)) {
            let record = svocr::process(
                &doc.display().to_string(),
                &fs::read(&doc).unwrap(),
                &Options::default(),
            );
            assert_valid(
                &v,
                &serde_json::to_value(&record).unwrap(),
                &doc.display().to_string(),
            );
            n += 1;
        }
    }
    assert!(n > 100, "only {n} documents");
}

#[test]
fn error_unrepaired_and_textless_records_match_the_schema() {
    let v = validator();
    let error = Record::error("x.txt", "x.txt: cannot read: no such file");
    assert_valid(&v, &serde_json::to_value(&error).unwrap(), "error record");
    let doc = root().join("fixtures/seeds/000_40c623360c45ffaf.txt");
    let bytes = fs::read(&doc).unwrap();
    let plain = Options {
        repair: false,
        ..Options::default()
    };
    let unrepaired = serde_json::to_value(svocr::process("a.txt", &bytes, &plain)).unwrap();
    assert_eq!(unrepaired["repair"], Value::Null);
    assert_valid(&v, &unrepaired, "record without repair");
    let mut textless =
        serde_json::to_value(svocr::process("a.txt", &bytes, &Options::default())).unwrap();
    textless["text"] = Value::Null;
    assert_valid(&v, &textless, "--no-text record");
}

#[test]
fn a_missing_key_or_an_unknown_one_fails_the_schema() {
    let v = validator();
    let doc = root().join("fixtures/seeds/000_40c623360c45ffaf.txt");
    let record = svocr::process("a.txt", &fs::read(&doc).unwrap(), &Options::default());
    let full = serde_json::to_value(&record).unwrap();
    assert!(full["amounts"][0].as_object().unwrap().contains_key("cell"));
    let mut missing = full.clone();
    missing["amounts"][0]
        .as_object_mut()
        .unwrap()
        .remove("cell");
    assert!(
        !v.is_valid(&missing),
        "a record without amounts[0].cell passed"
    );
    let mut unknown = full;
    unknown["extra"] = Value::Bool(true);
    assert!(!v.is_valid(&unknown), "a record with an unknown key passed");
}

#[test]
fn records_that_left_unused_keys_out_still_parse() {
    // A record as versions before the stable schema wrote it: no `repair`, `cell`, `min`, `max`,
    // `unit_from`, `links`, `inferred`, `of`, `parent`, `income`, `roles`, `multipliers`.
    let old = r#"{"schema_version":2,"source":"a.txt","status":"ok","error":null,
        "encoding":"utf-8","text":"10 kr senast 1 mars 2020","pages":[0],"edits":[],
        "amounts":[{"value":10,"currency":"SEK","text":"10 kr","start":0,"end":5,
          "qualifier":null,"approximate":false,"per":null}],
        "dates":[{"value":"2020-03-01","text":"1 mars 2020","start":13,"end":24,"role":"deadline"}],
        "periods":[],"villkor":[{"number":1,"title":"T","amounts":[0],"start":0,"end":1,
          "mentions":[]}],"references":[],"tables":[],
        "totals":[{"stated":10,"computed":10,"difference":0,"tolerance":0,"status":"ok",
          "components":[0],"method":"m","start":0,"end":5}]}"#;
    let r: Record = serde_json::from_str(old).unwrap();
    assert_eq!(r.repair, None);
    let a = &r.amounts.as_ref().unwrap()[0];
    assert_eq!(
        (&a.cell, &a.links, a.min, a.max),
        (&None, &None, None, None)
    );
    assert!(!r.dates.as_ref().unwrap()[0].inferred);
    assert!(r.totals.as_ref().unwrap()[0].roles.is_empty());
    // Written again, every key is there.
    let again = serde_json::to_value(&r).unwrap();
    assert_eq!(again["amounts"][0]["unit_from"], "stated");
    assert_eq!(again["totals"][0]["multipliers"], Value::Array(vec![]));
    assert_valid(&validator(), &again, "an old record written again");
}
