//! Ingestion + layout, and the whole pipeline, on the shipped fixtures and on the tune part of the
//! table development set.
//!
//! `cargo bench --bench pipeline`; divan prints the time per iteration and, with the byte counter,
//! the throughput in MB/s.
//!
//! Archive-scale targets (issue 19), measured on the built binary by scripts rather than here,
//! because they compare against another program, span sizes up to 64 MB, or need `-j` and peak
//! memory:
//! - `scripts/bench-vs-hunspell.sh`: `svocr run -j 1` on 300 distinct OCR'd documents at ≥ 5× the
//!   words per second of `hunspell -d sv_SE -l` on the same text;
//! - `scripts/bench-scale.sh`: time per MB within 15 % from 1 to 64 MB (one document, and a batch);
//!   peak memory ≤ 3 × input + 60 MB for one 32 MB document and independent of the number of
//!   documents in a batch; `-j 2` ≥ 1.8 × `-j 1`; start-up ≤ 20 ms.
//!
//! Both build their corpora with `scripts/bench-corpus.sh`; [`distinct_documents`] below is the
//! in-process counterpart of the first.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use svocr::{Options, input, layout};

// The integration tests' `splice`: a stage's changes applied as the pipeline applies them.
#[path = "../tests/integration/common/mod.rs"]
mod common;
use common::splice;

fn main() {
    divan::main();
}

/// All fixture documents, concatenated in sorted order.
fn corpus() -> Vec<u8> {
    documents("fixtures/seeds").concat()
}

/// Each document of `dir` (relative to the crate), in sorted order, ending in a newline.
fn documents(dir: &str) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable entry").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let mut bytes = std::fs::read(p).expect("readable fixture");
            bytes.push(b'\n');
            bytes
        })
        .collect()
}

/// Decode, normalise and lay out: the stages before repair.
#[divan::bench]
fn ingest_and_layout(bencher: Bencher) {
    let bytes = corpus();
    let run = |bytes: &[u8]| {
        let decoded = input::decode(bytes).expect("fixtures are text");
        let norm = splice(&decoded.text, &input::normalize(&decoded.text));
        let changes = layout::layout(&norm);
        splice(&norm, &changes)
    };
    let out = run(&bytes);
    assert!(out.contains("rehabiliteringsprocessen") && !out.contains("utgings-\n"));
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| run(black_box(&bytes)));
}

/// Everything `svocr run` does for one document, on each fixture in turn.
#[divan::bench]
fn whole_pipeline(bencher: Bencher) {
    let bytes = corpus();
    let opts = Options::default();
    let record = svocr::process("corpus", &bytes, &opts);
    assert!(record.amounts.as_ref().is_some_and(|a| !a.is_empty()) || record.text.len() > 10_000);
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| svocr::process("corpus", black_box(&bytes), &opts));
}

/// Extraction and totals alone, on the repaired fixtures: compare with `whole_pipeline` to see
/// what share of `svocr run` they take (the target is at most 20 %).
#[divan::bench]
fn extract_and_validate(bencher: Bencher) {
    let bytes = corpus();
    let text = svocr::process("corpus", &bytes, &Options::default()).text;
    let fields = svocr::extract::extract(&text);
    assert!(fields.amounts.len() >= 40 && fields.dates.len() >= 10);
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let fields = svocr::extract::extract(black_box(&text));
        svocr::validate::reconcile(&text, &fields.amounts)
    });
}

/// The whole pipeline on each tune document of the table development set (money tables as PDF and
/// HTML exports write them), one document at a time: what table reading costs where there are
/// tables.
#[divan::bench]
fn whole_pipeline_tables(bencher: Bencher) {
    let docs = documents("training/tables/docs");
    let opts = Options::default();
    let cells = |d: &[u8]| {
        let r = svocr::process("table", d, &opts);
        r.amounts
            .into_iter()
            .flatten()
            .filter(|a| a.cell.is_some())
            .count()
    };
    assert!(docs.iter().map(|d| cells(d)).sum::<usize>() >= 500);
    bencher
        .counter(BytesCount::new(docs.iter().map(Vec::len).sum::<usize>()))
        .bench(|| {
            for d in &docs {
                black_box(svocr::process("table", black_box(d), &opts));
            }
        });
}

/// Many distinct OCR'd documents (runs of lines of the development set's OCR output in a
/// different order each, as `scripts/bench-corpus.sh` makes them; never the held-out pairs'),
/// one record each: what an archive batch costs per document. The process-wide memos of the
/// repair stay warm from one iteration to the next, as they do through a long batch.
#[divan::bench]
fn distinct_documents(bencher: Bencher) {
    let mut lines: Vec<String> = Vec::new();
    for dir in ["training/pairs/train", "training/pairs/fresh"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("readable entry").path())
            .filter(|p| p.to_string_lossy().ends_with(".ocr.txt"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(p).expect("UTF-8 OCR output");
            lines.extend(text.lines().map(str::to_string));
        }
    }
    // A fixed xorshift generator: the same documents on every run.
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let docs: Vec<Vec<u8>> = (0..300)
        .map(|_| {
            let mut doc = String::new();
            while doc.len() < 8000 {
                let start = next(lines.len());
                let end = (start + 1 + next(8)).min(lines.len());
                for line in &lines[start..end] {
                    doc.push_str(line);
                    doc.push('\n');
                }
            }
            doc.into_bytes()
        })
        .collect();
    let opts = Options::default();
    assert!(
        docs.iter()
            .all(|d| svocr::process("doc", d, &opts).text.len() > 4000)
    );
    bencher
        .counter(BytesCount::new(docs.iter().map(Vec::len).sum::<usize>()))
        .bench(|| {
            for d in &docs {
                black_box(svocr::process("doc", black_box(d), &opts));
            }
        });
}
