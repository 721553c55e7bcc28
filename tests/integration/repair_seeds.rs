//! Repair over the seed documents in `fixtures/seeds/`: no applied edit ever touches a digit that
//! belongs to a number (amounts, dates, years, references), and the clean seeds (001–004) come
//! out (almost) untouched.

use std::fs;
use std::path::PathBuf;

use svocr::offsets::Change;
use svocr::repair::{DEFAULT_MIN_CONFIDENCE, repair};

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let mut v: Vec<(String, String)> = fs::read_dir(&dir)
        .expect("fixtures/seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, fs::read_to_string(&p).expect("seed is UTF-8"))
        })
        .collect();
    v.sort();
    assert_eq!(v.len(), 5, "five seed documents");
    v
}

fn applied(text: &str) -> Vec<Change> {
    repair(text, DEFAULT_MIN_CONFIDENCE)
        .into_iter()
        .filter(|c| c.applied)
        .collect()
}

/// A digit belongs to a number when it touches another digit or a number separator.
fn is_number_digit(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    let numeric = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ",.:/".contains(c));
    numeric(before) || numeric(after)
}

#[test]
fn no_edit_touches_a_digit_of_a_number() {
    for (name, text) in seeds() {
        for c in applied(&text) {
            for (i, ch) in text[c.start..c.end].char_indices() {
                if ch.is_ascii_digit() {
                    assert!(
                        !is_number_digit(&text, c.start + i),
                        "{name}: {:?} → {:?} touches a number",
                        &text[c.start..c.end],
                        c.after
                    );
                    // A lone digit may only become the word `i`.
                    if c.end - c.start == 1 {
                        assert_eq!(c.after, "i", "{name}: lone digit edited");
                    }
                }
            }
        }
    }
}

#[test]
fn clean_seeds_are_left_alone() {
    for (name, text) in seeds().into_iter().filter(|(n, _)| !n.starts_with("000")) {
        let words = text.split_whitespace().count();
        let edits = applied(&text);
        // Broken rate: applied edits per word of a clean document, at most 0.5 %.
        assert!(
            edits.len() * 200 <= words,
            "{name}: {} edits on {words} words: {edits:?}",
            edits.len()
        );
    }
}

#[test]
fn the_real_ocr_seed_is_repaired() {
    let (_, text) = seeds().remove(0);
    let edits = applied(&text);
    let fixed: Vec<&str> = edits.iter().map(|c| c.after.as_str()).collect();
    for w in [
        "för",
        "överenskommelsen",
        "Försäkringskassan",
        "hälso",
        "i",
        "stöd",
    ] {
        assert!(fixed.contains(&w), "expected a repair to {w:?}");
    }
    assert!(edits.len() > 100, "only {} repairs", edits.len());
}
