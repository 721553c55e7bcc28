//! Loss-free layout and edits that replay: for every shipped document (fixtures, training pairs,
//! the context corpus, the development sets), the record's applied edits replayed on the decoded input give its `text`
//! byte for byte; and for every OCR'd document, no figure of the input is missing from the text
//! that layout repair made of it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use svocr::{Options, Record, apply_edits, input, process};

/// Every `*.txt` under `dir`, sorted.
fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            txt_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
}

fn documents(dirs: &[&str]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for d in dirs {
        txt_files(&root.join(d), &mut files);
    }
    assert!(!files.is_empty(), "no documents under {dirs:?}");
    files
}

/// Runs `check` on every file, on all cores; returns the failures, one line each.
fn on_every_file(files: &[PathBuf], check: fn(&Path, &[u8]) -> Option<String>) -> Vec<String> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk.max(1))
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .filter_map(|p| check(p, &std::fs::read(p).expect("readable fixture")))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("checker thread"))
            .collect()
    })
}

/// The applied edits are sorted and do not overlap, and replaying them gives the text.
fn replays(path: &Path, bytes: &[u8]) -> Option<String> {
    let record = process(&path.display().to_string(), bytes, &Options::default());
    let input = input::decode(bytes).ok()?.text;
    let applied: Vec<_> = record.edits.iter().filter(|e| e.applied).collect();
    if let Some(w) = applied.windows(2).find(|w| w[1].start < w[0].end) {
        return Some(format!(
            "{}: overlapping {:?} and {:?}",
            path.display(),
            w[0],
            w[1]
        ));
    }
    match apply_edits(&input, &record.edits) {
        Ok(text) if text == record.text => None,
        Ok(text) => {
            let at = text
                .bytes()
                .zip(record.text.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(text.len().min(record.text.len()));
            Some(format!("{}: replay differs at byte {at}", path.display()))
        }
        Err(e) => Some(format!("{}: {e}", path.display())),
    }
}

#[test]
fn applied_edits_replay_to_the_text_for_every_shipped_document() {
    let files = documents(&[
        "fixtures",
        "training/pairs",
        "training/corpus",
        "training/tables",
        "training/totals",
    ]);
    let failures = on_every_file(&files, replays);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The maximal digit runs of the number tokens of `text`: runs not glued to a letter (`f6r` is a
/// word read wrongly, not a figure), counted.
fn figures(text: &str) -> BTreeMap<String, usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let glued = |c: Option<&char>| c.is_some_and(|c| c.is_alphabetic());
        if !glued(start.checked_sub(1).and_then(|j| chars.get(j))) && !glued(chars.get(i)) {
            *out.entry(chars[start..i].iter().collect()).or_insert(0) += 1;
        }
    }
    out
}

/// Layout (with normalisation, without OCR repair) keeps every figure of the NFC input: page
/// furniture that holds a figure is never removed, and joins never touch digits.
fn keeps_figures(path: &Path, bytes: &[u8]) -> Option<String> {
    let opts = Options {
        repair: false,
        ..Options::default()
    };
    let record: Record = process(&path.display().to_string(), bytes, &opts);
    let input = input::decode(bytes).ok()?.text;
    let nfc = crate::common::splice(&input, &input::normalize(&input));
    let (before, after) = (figures(&nfc), figures(&record.text));
    if before == after {
        return None;
    }
    let lost: Vec<_> = before
        .iter()
        .filter(|&(k, n)| after.get(k) != Some(n))
        .map(|(k, n)| format!("{k}×{n}→{}", after.get(k).unwrap_or(&0)))
        .collect();
    Some(format!(
        "{}: figures changed: {}",
        path.display(),
        lost.join(", ")
    ))
}

#[test]
fn layout_loses_no_figure_of_an_ocr_document() {
    let mut files = documents(&[
        "training/pairs",
        "fixtures/ocr",
        "training/tables/ocr",
        "fixtures/tables/ocr",
    ]);
    files.retain(|p| !p.to_string_lossy().ends_with(".gt.txt"));
    let failures = on_every_file(&files, keeps_figures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
