//! Repair throughput on the seed fixtures: all five, the damaged seed 000 alone and the clean
//! 001–004 alone.
//! Each bench checks its result before timing it.

use std::fs;

use svocr::repair::{DEFAULT_MIN_CONFIDENCE, repair};

fn main() {
    divan::main();
}

fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds");
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("fixtures/seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| fs::read_to_string(p).expect("UTF-8 seed"))
        .collect()
}

/// The damaged seed (real OCR output); words per iteration are reported as items.
#[divan::bench]
fn damaged_seed(b: divan::Bencher) {
    let text = seed("000");
    assert!(repair(&text, DEFAULT_MIN_CONFIDENCE).len() > 100);
    let words = text.split_whitespace().count();
    b.counter(divan::counter::ItemsCount::new(words))
        .bench(|| repair(divan::black_box(&text), DEFAULT_MIN_CONFIDENCE));
}

/// The four clean seeds, concatenated.
#[divan::bench]
fn clean_seeds(b: divan::Bencher) {
    let text = ["001", "002", "003", "004"].map(seed).join("\n\n");
    assert!(
        repair(&text, DEFAULT_MIN_CONFIDENCE)
            .iter()
            .filter(|c| c.applied)
            .count()
            < 5
    );
    let words = text.split_whitespace().count();
    b.counter(divan::counter::ItemsCount::new(words))
        .bench(|| repair(divan::black_box(&text), DEFAULT_MIN_CONFIDENCE));
}

/// All five fixtures, each repaired as its own document (the "repair on the fixtures").
#[divan::bench]
fn all_fixtures(b: divan::Bencher) {
    let docs = ["000", "001", "002", "003", "004"].map(seed);
    let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
    b.counter(divan::counter::ItemsCount::new(words)).bench(|| {
        docs.iter()
            .map(|d| repair(divan::black_box(d), DEFAULT_MIN_CONFIDENCE).len())
            .sum::<usize>()
    });
}

/// The shortest document: one word the lexicon knows, left alone. Its cost is the start-up cost
/// (opening the embedded lexicon) plus one lookup and the bounded walk past it; the lexicon itself
/// is internal, so it is timed through the stage.
#[divan::bench]
fn one_known_word(b: divan::Bencher) {
    assert!(repair("överenskommelsen", DEFAULT_MIN_CONFIDENCE).is_empty());
    b.bench(|| repair(divan::black_box("överenskommelsen"), DEFAULT_MIN_CONFIDENCE));
}
