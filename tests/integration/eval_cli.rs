//! The `svocr eval` contract: exit codes, floors, output formats, on a small pair made here and on
//! the checked-in fixtures with `fixtures/floors.json`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use svocr::eval::{DocumentScore, EvalReport, Floors, Metrics};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn svocr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_svocr"))
        .current_dir(ROOT)
        .args(args)
        .output()
        .expect("run svocr")
}

/// A fresh directory holding `doc.txt` (OCR) and `gold/doc.gt.txt`, `gold/doc.gold.json`. The
/// OCR ends in a stray `|` (a rule read as a letter), which repair never removes: the pair stays
/// imperfect after repair however good word repair becomes.
fn pair(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("svocr-eval-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("gold")).unwrap();
    std::fs::write(
        dir.join("doc.txt"),
        "Avtalet f6r ir 2020 <b>\ngiller 500 miljoner kronor. |\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("gold/doc.gt.txt"),
        "Avtalet för år 2020 <b>\ngäller 500 miljoner kronor.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("gold/doc.gold.json"),
        r#"{"amounts": [500000000]}"#,
    )
    .unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `svocr eval` of a pair folder's `doc.txt` against its `gold`, with the floors in `floors`.
fn eval_with_floors(dir: &Path, floors: &Path) -> Output {
    svocr(&[
        "eval",
        "--gold",
        s(&dir.join("gold")),
        "--floor",
        s(floors),
        s(&dir.join("doc.txt")),
    ])
}

#[track_caller]
fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The measured metrics of the one document in `dir`, from `--format json`.
fn measured(dir: &Path) -> Metrics {
    let out = svocr(&[
        "eval",
        "--gold",
        s(&dir.join("gold")),
        "--format",
        "json",
        s(&dir.join("doc.txt")),
    ]);
    assert_exit(&out, 0);
    let report: EvalReport = serde_json::from_slice(&out.stdout).unwrap();
    let [doc] = &report.documents[..] else {
        panic!("one document: {report:?}")
    };
    assert_eq!(doc.name, "doc");
    doc.metrics.clone()
}

#[test]
fn floor_at_the_measured_value_passes_and_above_it_fails() {
    let dir = pair("floor");
    let m = measured(&dir);
    let acc = m.char_accuracy.unwrap();
    assert!(acc > 0.8 && acc < 1.0, "{acc}");
    let floors = dir.join("floors.json");
    let run = || eval_with_floors(&dir, &floors);

    std::fs::write(
        &floors,
        format!(r#"{{"corpus": {{"char_accuracy": {acc}}}}}"#),
    )
    .unwrap();
    assert_exit(&run(), 0);

    std::fs::write(
        &floors,
        format!(r#"{{"corpus": {{"char_accuracy": {}}}}}"#, acc + 0.001),
    )
    .unwrap();
    let out = run();
    assert_exit(&out, 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("corpus: char_accuracy") && err.contains("BELOW FLOOR"),
        "{err}"
    );

    // A per-document floor on a metric that was not measured fails too.
    std::fs::write(
        &floors,
        r#"{"documents": {"other": {"char_accuracy": 0.0}}}"#,
    )
    .unwrap();
    assert_exit(&run(), 1);

    // A typo in a metric name is an error, not a silently skipped floor.
    std::fs::write(&floors, r#"{"corpus": {"char_acuracy": 0.5}}"#).unwrap();
    assert_exit(&run(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn deliberately_damaged_output_fails_the_floor() {
    // Score the clean text as if it were the input: near-perfect. Then damage it: the same floor
    // must now fail. This is what a regression in repair looks like to CI.
    let dir = pair("damage");
    std::fs::copy(dir.join("gold/doc.gt.txt"), dir.join("doc.txt")).unwrap();
    let floors = dir.join("floors.json");
    std::fs::write(
        &floors,
        r#"{"corpus": {"char_accuracy": 0.98, "word_accuracy": 0.9}}"#,
    )
    .unwrap();
    let run = || eval_with_floors(&dir, &floors);
    assert_exit(&run(), 0);
    std::fs::write(
        dir.join("doc.txt"),
        "Avtalet f6r ir 2020 <b>\ngiller 500 miljoner kronor. |\n",
    )
    .unwrap();
    assert_exit(&run(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn formats_text_json_and_html() {
    let dir = pair("formats");
    let gold = dir.join("gold");
    let doc = dir.join("doc.txt");
    let out = svocr(&["eval", "--gold", s(&gold), s(&doc)]);
    assert_exit(&out, 0);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.starts_with("document") && table.contains("corpus (micro)"),
        "{table}"
    );

    // `json` is one document (`json.load` reads it); `jsonl` one line per document, then the summary.
    let out = svocr(&["eval", "--gold", s(&gold), "--format", "json", s(&doc)]);
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["documents"], 1);
    assert_eq!(json["documents"][0]["name"], "doc");
    let out = svocr(&["eval", "--gold", s(&gold), "--format", "jsonl", s(&doc)]);
    assert_exit(&out, 0);
    let jsonl = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = jsonl.lines().collect();
    assert_eq!(lines.len(), 2, "{jsonl}");
    let first: DocumentScore = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(first.name, "doc");
    let last: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(last["summary"]["documents"], 1);

    // `junit`: a suite for the document, a case per field; the floors in a suite of their own.
    let floors = dir.join("floors.json");
    std::fs::write(&floors, r#"{"corpus": {"amounts_f1": 1.0}}"#).unwrap();
    let out = svocr(&[
        "eval",
        "--gold",
        s(&gold),
        "--format",
        "junit",
        "--floor",
        s(&floors),
        s(&doc),
    ]);
    assert_exit(&out, 0);
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
    assert!(xml.contains("<testsuite name=\"doc\" tests=\"2\""), "{xml}");
    assert!(xml.contains("<testcase classname=\"svocr.eval.doc\" name=\"amounts\""));
    assert!(xml.contains("<testsuite name=\"floors\" tests=\"1\" failures=\"0\""));

    let html = dir.join("r.html");
    let out = svocr(&[
        "eval",
        "--gold",
        s(&gold),
        "--format",
        "html",
        "-o",
        s(&html),
        s(&doc),
    ]);
    assert_exit(&out, 0);
    assert!(out.stdout.is_empty());
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("&lt;b&gt;"));
    assert!(!page.contains("<b>\n") && !page.contains("src=") && !page.contains("href=\"http"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gold_keys_that_are_not_scored_are_a_note_not_an_error() {
    let dir = pair("extra");
    // A seeds-style `table_msek` in Mkr (six decimals: no number of kronor) and free notes.
    std::fs::write(
        dir.join("gold/doc.gold.json"),
        r#"{"amounts": [500000000], "table_msek": {"a": [26.576108]}, "notes": ["by hand"]}"#,
    )
    .unwrap();
    let out = svocr(&[
        "eval",
        "--gold",
        s(&dir.join("gold")),
        s(&dir.join("doc.txt")),
    ]);
    assert_exit(&out, 0);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table
            .contains("gold keys not scored, ignored: notes (1 document), table_msek (1 document)"),
        "{table}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_gold_for_any_document_exits_2() {
    let dir = pair("nogold");
    // A mistyped gold folder that exists (empty), and one that holds gold for other names.
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    std::fs::write(dir.join("other.txt"), "Avtalet gäller.\n").unwrap();
    for (gold, input) in [("empty", "doc.txt"), ("gold", "other.txt")] {
        for format in ["text", "json", "junit"] {
            let out = svocr(&[
                "eval",
                "--gold",
                s(&dir.join(gold)),
                "--format",
                format,
                s(&dir.join(input)),
            ]);
            assert_exit(&out, 2);
            assert!(out.stdout.is_empty());
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains("no gold found for any of the 1 document(s)"),
                "{err}"
            );
        }
    }
    // One document with gold is enough: the other is listed as without gold.
    let out = svocr(&[
        "eval",
        "--gold",
        s(&dir.join("gold")),
        s(&dir.join("doc.txt")),
        s(&dir.join("other.txt")),
    ]);
    assert_exit(&out, 0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_2() {
    let dir = pair("errors");
    assert_exit(
        &svocr(&[
            "eval",
            "--gold",
            s(&dir.join("nope")),
            s(&dir.join("doc.txt")),
        ]),
        2,
    );
    std::fs::write(dir.join("gold/doc.gold.json"), "{not json").unwrap();
    let out = svocr(&[
        "eval",
        "--gold",
        s(&dir.join("gold")),
        s(&dir.join("doc.txt")),
    ]);
    assert_exit(&out, 2);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("doc.gold.json")
            || String::from_utf8_lossy(&out.stderr).contains("gold for doc")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The command `.ci/run` uses: the checked-in floors hold on the checked-in fixtures.
fn fixture_args(extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = ["eval", "--gold", "fixtures/gold", "fixtures/seeds"]
        .map(String::from)
        .to_vec();
    if Path::new(ROOT).join("fixtures/ocr").is_dir() {
        args.push("fixtures/ocr".into());
    }
    args.extend(extra.iter().map(|a| a.to_string()));
    args
}

#[test]
fn fixture_floors_hold() {
    let args = fixture_args(&["--floor", "fixtures/floors.json"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_exit(&svocr(&args), 0);
}

#[test]
fn every_fixture_floor_fails_when_raised_above_its_measurement() {
    let json = std::fs::read_to_string(Path::new(ROOT).join("fixtures/floors.json")).unwrap();
    let floors = Floors::from_json(&json).unwrap();
    let args = fixture_args(&["--format", "json"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = svocr(&args);
    assert_exit(&out, 0);
    let report: EvalReport = serde_json::from_slice(&out.stdout).unwrap();
    let corpus: Metrics = report.summary.metrics;
    let dir = std::env::temp_dir().join(format!("svocr-eval-raise-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut checked = 0;
    for ((name, floor), (_, value)) in floors.corpus.entries().into_iter().zip(corpus.entries()) {
        if floor.is_none() {
            continue;
        }
        let value = value.unwrap_or_else(|| panic!("{name} has a floor but is not measured"));
        let raised = dir.join(format!("{name}.json"));
        std::fs::write(
            &raised,
            format!(r#"{{"corpus": {{"{name}": {}}}}}"#, value + 0.0001),
        )
        .unwrap();
        let args = fixture_args(&["--floor", raised.to_str().unwrap()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = svocr(&args);
        assert_exit(&out, 1);
        assert!(String::from_utf8_lossy(&out.stderr).contains(name));
        checked += 1;
    }
    assert!(checked > 0, "fixtures/floors.json sets no corpus floor");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_checked_in_floor_file_parses_and_sets_floors() {
    // `.ci/run` checks these; a file that no longer parses or sets nothing would gate nothing.
    for file in [
        "fixtures/floors.json",
        "fixtures/tables/floors.json",
        "fixtures/totals/floors.json",
        "fixtures/pairs/floors.json",
    ] {
        let json = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
        let floors = Floors::from_json(&json).unwrap_or_else(|e| panic!("{file}: {e}"));
        let set = floors
            .corpus
            .entries()
            .iter()
            .filter(|(_, v)| v.is_some())
            .count();
        assert!(set > 0, "{file} sets no corpus floor");
        let ci = std::fs::read_to_string(Path::new(ROOT).join(".ci/run")).unwrap();
        assert!(
            ci.contains(&format!("--floor {file}")),
            ".ci/run does not check {file}"
        );
    }
}
