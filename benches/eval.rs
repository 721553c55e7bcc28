//! Scoring speed: a 100 000-character OCR/ground-truth pair must score in well under a second.
//!
//! The pair is built from the clean seed fixtures, repeated until it is long enough, and damaged
//! the way the English OCR model damages Swedish (å/ä/ö read as a/i/o, the odd other letter). The
//! repetition is deliberate: it leaves almost no word unique, which is the slow case of the
//! word-anchored alignment.

use std::sync::LazyLock;

use svocr::Record;
use svocr::eval::{GoldFiles, score_document};

fn main() {
    divan::main();
}

const SEEDS: [&str; 4] = [
    include_str!("../fixtures/seeds/001_a360caec043fb75e.txt"),
    include_str!("../fixtures/seeds/002_628a1c436b2c7fb1.txt"),
    include_str!("../fixtures/seeds/003_1554d7a47f6cfbda.txt"),
    include_str!("../fixtures/seeds/004_4c5df086cb1f788c.txt"),
];

/// (ground truth, OCR, number of characters changed).
static PAIR: LazyLock<(String, String, usize)> = LazyLock::new(|| {
    let mut gt = String::new();
    while gt.chars().count() < 100_000 {
        for s in SEEDS {
            gt.push_str(s);
            gt.push('\u{c}');
        }
    }
    // A fixed linear congruential generator: the same pair on every run and machine.
    let mut state: u64 = 0x5eed;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % 1000
    };
    let (mut ocr, mut changed) = (String::with_capacity(gt.len()), 0);
    for c in gt.chars() {
        let r = next();
        let d = match c {
            'å' if r < 700 => 'a',
            'ä' if r < 700 => 'i',
            'ö' if r < 700 => 'o',
            c if c.is_alphabetic() && r < 8 => 'e',
            c => c,
        };
        changed += usize::from(d != c);
        ocr.push(d);
    }
    (gt, ocr, changed)
});

#[divan::bench(sample_count = 10)]
fn score_100k_chars(bencher: divan::Bencher) {
    let (gt, ocr, changed) = &*PAIR;
    // A record that "repaired" nothing: its text is the OCR input.
    let mut record = Record::error("bench", "");
    record.text.clone_from(ocr);
    let gold = GoldFiles {
        text: Some(gt.clone()),
        ..GoldFiles::default()
    };
    // Check the result before timing it: the alignment finds no more edits than were made, and
    // "repairing" nothing reduces nothing.
    let s = score_document("bench", ocr, &record, &gold)
        .text
        .expect("gold text given, so a text score");
    assert!(s.gt_chars >= 100_000, "{}", s.gt_chars);
    assert!(
        s.input.char_edits > 0 && s.input.char_edits <= *changed,
        "{} > {changed}",
        s.input.char_edits
    );
    assert_eq!(s.cer_reduction, Some(0.0));
    assert_eq!(s.words_fixed, 0);
    bencher.bench(|| {
        score_document(
            "bench",
            divan::black_box(ocr),
            divan::black_box(&record),
            divan::black_box(&gold),
        )
    });
}
