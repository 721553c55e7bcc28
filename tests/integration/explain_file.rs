//! `explain --file` agrees with `run` on every word of every fixture (issue 15): where `run`
//! applied or proposed an edit, [`svocr::explain_document`] reports that same replacement and
//! decision there; where `run` left a word, it says kept. Each document is explained in one
//! pass and processed once.

use std::fs;
use std::path::{Path, PathBuf};

use svocr::{Edit, EditKind, Explanation, Options, Outcome, explain_document, process};

/// The fixture directories whose documents are walked.
const DIRS: &[&str] = &["fixtures/seeds", "fixtures/ocr", "fixtures/tables/ocr"];

fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v: Vec<PathBuf> = DIRS
        .iter()
        .flat_map(|d| fs::read_dir(root.join(d)).expect("fixture directory"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

/// Edits of normalisation and layout, which decide nothing about words.
fn before_repair(kind: EditKind) -> bool {
    matches!(
        kind,
        EditKind::Nfc
            | EditKind::SoftHyphen
            | EditKind::Ligature
            | EditKind::Newline
            | EditKind::Hyphenation
            | EditKind::Unwrap
            | EditKind::Furniture
    )
}

fn span(e: &Explanation) -> (usize, usize) {
    let p = e.place.expect("a word of a file has a place");
    (p.start, p.end)
}

fn within((s, t): (usize, usize), r: &Edit) -> bool {
    r.start <= s && t <= r.end
}

fn overlap((s, t): (usize, usize), r: &Edit) -> bool {
    s < r.end && r.start < t
}

/// Every run of letters and digits of `text`, in character offsets.
fn alphanumeric_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().chain([' ']).enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// Checks one document; returns how many words and how many edits were compared.
fn check(path: &Path, opts: &Options) -> (usize, usize) {
    let name = path.display().to_string();
    let bytes = fs::read(path).expect("fixture readable");
    let record = process(&name, &bytes, opts);
    let words = explain_document(&bytes, opts).expect("fixture decodes");
    let edits: Vec<&Edit> = record
        .edits
        .iter()
        .filter(|r| !before_repair(r.kind))
        .collect();

    // The places are in text order and do not overlap.
    for pair in words.windows(2) {
        assert!(span(&pair[0]).1 <= span(&pair[1]).0, "{name}: {pair:?}");
    }
    // Every word of the input is explained (the fixtures are UTF-8).
    let text = String::from_utf8_lossy(&bytes);
    let places: Vec<_> = words.iter().map(span).collect();
    for run in alphanumeric_runs(&text) {
        let i = places.partition_point(|p| p.1 <= run.0);
        assert!(
            places.get(i).is_some_and(|p| p.0 < run.1),
            "{name}: no explanation of {run:?}"
        );
    }

    for e in &words {
        let at = span(e);
        match e.outcome {
            Outcome::Kept => {
                assert!(e.decision.is_none(), "{name}: {e:#?}");
                let touched: Vec<_> = edits.iter().filter(|r| overlap(at, r)).collect();
                assert!(
                    touched.is_empty(),
                    "{name}: explain keeps {:?} at {at:?}, run edited it: {touched:?}",
                    e.word
                );
            }
            Outcome::Applied | Outcome::Proposed => {
                let applied = e.outcome == Outcome::Applied;
                let decision = e.decision.as_deref().expect("a replacement");
                let same = edits
                    .iter()
                    .find(|r| within(at, r) && r.applied == applied && r.after.contains(decision));
                let Some(r) = same else {
                    panic!("{name}: explain says {e:#?}, run made no such edit there");
                };
                if (r.start, r.end) == at {
                    assert_eq!(
                        (r.after.as_str(), Some(r.kind)),
                        (decision, e.kind),
                        "{name}: {e:#?}"
                    );
                }
                // An edit merged with a layout change (a line-end hyphen inside the word) is
                // as sure as the less sure of the two.
                assert!(r.confidence <= e.confidence, "{name}: {r:?} {e:#?}");
            }
        }
    }
    // Every edit `run` made past layout is explained as that edit.
    for r in &edits {
        let explained = words.iter().any(|e| {
            within(span(e), r)
                && e.outcome
                    == if r.applied {
                        Outcome::Applied
                    } else {
                        Outcome::Proposed
                    }
                && e.decision.as_deref().is_some_and(|d| r.after.contains(d))
        });
        assert!(explained, "{name}: run's edit {r:?} is not explained");
    }
    (words.len(), edits.len())
}

#[test]
fn explain_agrees_with_run_on_every_word_of_the_fixtures() {
    let docs = documents();
    assert!(docs.len() >= 11, "fixtures found: {docs:?}");
    let (mut words, mut edits) = (0, 0);
    for path in &docs {
        let (w, e) = check(path, &Options::default());
        words += w;
        edits += e;
    }
    // The walk compared something: the OCR fixtures are damaged and repaired.
    assert!(words > 5_000 && edits > 100, "{words} words, {edits} edits");
}

#[test]
fn explain_agrees_with_run_at_another_threshold_and_without_repair() {
    let docs = documents();
    let strict = Options {
        repair: true,
        min_confidence: 0.9,
    };
    check(&docs[0], &strict);
    let off = Options {
        repair: false,
        ..Options::default()
    };
    for path in &docs {
        check(path, &off);
    }
}
