//! Searchable PDFs as input (issue 22): the committed fixtures in `fixtures/pdf/` (made by
//! `scripts/make-pdf-fixtures.sh`, provenance in `fixtures/pdf/SOURCES.md`).
//!
//! - A PDF gives the record of tesseract's own `.txt` beside it, up to offsets: the same words in
//!   the repaired text, the same repairs (`before`, `after`, kind, confidence), the same extracted
//!   fields. Offsets differ because tesseract's text renderer sets blank lines by its own paragraph
//!   model, which the PDF does not record: the layer gives lines and text objects, and svocr puts
//!   paragraph breaks at text objects and wide gaps (see `src/input/pdf.rs`), a few characters'
//!   difference (the CER bound is checked there).
//! - Bad PDFs (image only, encrypted, truncated, not a PDF, empty) are each an error record with
//!   its reason, the batch goes on, and the exit code is 2.
//! - Every file in `fixtures/pdf/` has its provenance row in `SOURCES.md` and stays small.
//!
//! - Mutated PDFs (bytes flipped, cut, spliced) never make the library panic: each gives a record,
//!   `ok` or `error`. `PROPTEST_CASES` sets how many (256 by default, kept short for CI; the
//!   figure in the README is from a run of 5 000).

use std::fs;
use std::path::Path;
use std::process::Command;

use proptest::prelude::*;
use svocr::record::{Encoding, Record, Status};
use svocr::{Options, process};

const GOOD: [(&str, usize); 3] = [
    ("vardfinansiering", 2),
    ("forordningar-direktiv", 3),
    ("rb-forsakringskassan-p1", 1),
];

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/pdf")
        .join(name);
    fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// `v` without its `start` and `end` keys, at every depth.
fn without_offsets(mut v: serde_json::Value) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("start");
                m.remove("end");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

/// What a record says, up to offsets: its text with whitespace runs collapsed, the repairs it
/// made (not the layout edits, whose line breaks are where offsets differ), and every extracted
/// field without `start`/`end`.
fn up_to_offsets(r: &Record) -> serde_json::Value {
    let words: Vec<&str> = r.text.split_whitespace().collect();
    let layout = [
        "nfc",
        "soft-hyphen",
        "ligature",
        "newline",
        "hyphenation",
        "unwrap",
        "furniture",
    ];
    let repairs: Vec<_> = r
        .edits
        .iter()
        .map(|e| serde_json::to_value(e).unwrap())
        .filter(|e| !layout.contains(&e["kind"].as_str().unwrap_or_default()))
        .collect();
    without_offsets(serde_json::json!({
        "text": words.join(" "),
        "repairs": repairs,
        "repair": r.repair,
        "amounts": r.amounts,
        "dates": r.dates,
        "periods": r.periods,
        "villkor": r.villkor,
        "references": r.references,
        "tables": r.tables,
        "totals": r.totals,
    }))
}

#[test]
fn a_pdf_gives_the_record_of_the_text_tesseract_wrote_beside_it() {
    for (name, pages) in GOOD {
        let from_pdf = process("x", &fixture(&format!("{name}.pdf")), &Options::default());
        let from_txt = process("x", &fixture(&format!("{name}.txt")), &Options::default());
        assert_eq!(from_pdf.status, Status::Ok, "{name}: {:?}", from_pdf.error);
        assert_eq!(from_pdf.encoding, Some(Encoding::Pdf));
        assert_eq!(from_pdf.pdf_pages, Some(pages), "{name}");
        assert_eq!(from_pdf.pages.len(), pages, "{name}");
        assert_eq!(from_txt.pdf_pages, None);
        assert_eq!(
            up_to_offsets(&from_pdf),
            up_to_offsets(&from_txt),
            "{name}: the records differ beyond offsets"
        );
    }
}

#[test]
fn bad_pdfs_are_error_records_with_reasons_and_the_batch_goes_on() {
    let out = Command::new(env!("CARGO_BIN_EXE_svocr"))
        .args([
            "run",
            "fixtures/pdf/bad",
            "fixtures/pdf/vardfinansiering.pdf",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("svocr runs");
    assert_eq!(out.status.code(), Some(2));
    let records: Vec<Record> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let expected = [
        ("empty.pdf", "the file is empty"),
        ("encrypted.pdf", "encrypted with a password"),
        ("fake.pdf", "not a PDF"),
        ("image-only.pdf", "no text layer"),
        ("truncated.pdf", "truncated or corrupt"),
    ];
    assert_eq!(records.len(), expected.len() + 1);
    for (r, (file, reason)) in records.iter().zip(expected) {
        assert!(r.source.ends_with(file), "{} for {file}", r.source);
        assert_eq!(r.status, Status::Error, "{file}");
        let msg = r.error.as_deref().unwrap_or_default();
        assert!(msg.contains(reason), "{file}: {msg}");
        assert!(
            msg.starts_with(&r.source),
            "{file}: {msg} does not say where"
        );
    }
    let last = &records[expected.len()];
    assert_eq!(last.status, Status::Ok);
    assert_eq!(last.encoding, Some(Encoding::Pdf));
}

#[test]
fn a_source_named_pdf_must_be_one_whoever_calls() {
    let page = b"<!DOCTYPE html>\n<html><body>404</body></html>\n";
    for name in ["scan.pdf", "SCAN.PDF", "dir/x.Pdf"] {
        let r = process(name, page, &Options::default());
        assert_eq!(r.status, Status::Error, "{name}");
        assert!(r.error.as_deref().unwrap().contains("not a PDF"), "{name}");
        let r = svocr::process_owned(name, Vec::new(), &Options::default());
        assert!(r.error.as_deref().unwrap().contains("empty"), "{name}");
    }
    // The same bytes under another name are text.
    for name in ["page.txt", "-", "pdf"] {
        assert_eq!(
            process(name, page, &Options::default()).status,
            Status::Ok,
            "{name}"
        );
    }
}

#[test]
fn a_directory_is_walked_for_pdf_files_in_any_case() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf-walk");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("A.PDF"), fixture("rb-forsakringskassan-p1.pdf")).unwrap();
    fs::write(dir.join("b.txt"), "text").unwrap();
    fs::write(dir.join("c.pdf.bak"), "not listed").unwrap();
    let listed = svocr::batch::inputs(std::slice::from_ref(&dir));
    let names: Vec<_> = listed
        .iter()
        .map(|i| Path::new(&i.source).file_name().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["A.PDF", "b.txt"]);
    let r = svocr::batch::process_input(&listed[0], &Options::default());
    assert_eq!(r.encoding, Some(Encoding::Pdf));
}

#[test]
fn every_pdf_fixture_has_provenance_and_stays_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pdf");
    let sources = fs::read_to_string(root.join("SOURCES.md")).unwrap();
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("bad")] {
        for e in fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() && p.file_name() != Some("SOURCES.md".as_ref()) {
                files.push(p);
            }
        }
    }
    assert!(files.len() >= 11, "{files:?}");
    for p in files {
        let rel = p.strip_prefix(&root).unwrap().display().to_string();
        assert!(
            sources.contains(&format!("`{rel}`")),
            "fixtures/pdf/{rel} has no row in fixtures/pdf/SOURCES.md"
        );
        let size = fs::metadata(&p).unwrap().len();
        assert!(size <= 200 * 1024, "fixtures/pdf/{rel} is {size} bytes");
    }
}

/// One way of damaging a PDF.
#[derive(Debug, Clone)]
enum Mutation {
    /// Set the byte at this position (modulo the length) to this value.
    Set(usize, u8),
    /// Cut the file at this position.
    Cut(usize),
    /// Copy a run of bytes from one place over another (a spliced, repeated or shifted part).
    Splice(usize, usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        6 => (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        1 => any::<usize>().prop_map(Mutation::Cut),
        2 => (any::<usize>(), any::<usize>(), 1usize..64).prop_map(|(a, b, n)| Mutation::Splice(a, b, n)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Set(i, b) => {
                if let Some(x) = bytes.get_mut(i % len) {
                    *x = b;
                }
            }
            Mutation::Cut(i) => bytes.truncate(i % len),
            Mutation::Splice(from, to, n) => {
                let (from, to) = (from % len, to % len);
                let run: Vec<u8> = bytes.iter().skip(from).take(n).copied().collect();
                for (k, b) in run.into_iter().enumerate() {
                    if let Some(x) = bytes.get_mut(to + k) {
                        *x = b;
                    }
                }
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn mutated_pdfs_never_panic(
        which in 0..GOOD.len(),
        mutations in proptest::collection::vec(mutation(), 1..8),
    ) {
        let pdf = mutate(fixture(&format!("{}.pdf", GOOD[which].0)), &mutations);
        let opts = Options { repair: false, ..Options::default() };
        let r = process("m.pdf", &pdf, &opts);
        match r.status {
            // A mutation may have destroyed the `%PDF-` header: the bytes are then read as text.
            Status::Ok => prop_assert_eq!(
                r.encoding == Some(Encoding::Pdf),
                svocr::input::pdf::is_pdf(&pdf)
            ),
            Status::Error => prop_assert!(r.error.is_some_and(|e| !e.is_empty())),
        }
    }
}
