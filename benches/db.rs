//! Writing records to the `--db` database, apart from making them.
//!
//! `cargo bench --bench db`; divan prints the time to write about 1 000 records into a new
//! database: those of every shipped fixture and development document (about 170), six times under
//! different paths, 256 documents per transaction as `svocr run --db` groups them. A database of
//! 1 000 documents costs more per document than one of 170 (deeper indexes, larger full-text
//! merges), so the batch is the size `scripts/bench-db.sh` uses.
//!
//! Issue 20 asks `--db` for at least 70 % of the JSON Lines throughput of a whole run
//! (`scripts/bench-db.sh`). The database is written on a thread beside the workers, so on a
//! 2-core machine its time per document here is what the run loses.

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use svocr::report::db::{Database, Provenance, content_hash, options_key};
use svocr::{Options, Record};

#[path = "../tests/integration/common/sets.rs"]
mod sets;

fn main() {
    divan::main();
}

/// The records of every `*.txt` document in the sets the benchmarks and tests use, in sorted
/// order, each with its provenance.
fn records() -> Vec<(Record, Provenance)> {
    let root = sets::root();
    let opts = Options::default();
    let mut paths = Vec::new();
    // The sets the database tests check, and the OCR pairs `scripts/bench-db.sh` adds.
    for dir in sets::SETS.into_iter().chain(["training/pairs/train"]) {
        let dir = root.join(dir);
        paths.extend(
            std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .map(|e| e.expect("readable entry").path())
                .filter(|p| {
                    let name = p.to_string_lossy();
                    name.ends_with(".txt") && !name.ends_with(".gt.txt")
                }),
        );
    }
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("readable document");
            let record = svocr::process(&p.to_string_lossy(), &bytes, &opts);
            let provenance = Provenance {
                content_hash: Some(content_hash(&bytes)),
                size: Some(bytes.len() as u64),
                options: options_key(&opts),
                processed_at: 0,
            };
            (record, provenance)
        })
        .collect()
}

#[divan::bench(sample_count = 20)]
fn write_new_database(bencher: Bencher) {
    let once = records();
    let records: Vec<(Record, Provenance)> = (0..6)
        .flat_map(|copy| {
            once.iter().map(move |(record, provenance)| {
                let mut record = record.clone();
                record.source = format!("{copy}/{}", record.source);
                (record, provenance.clone())
            })
        })
        .collect();
    let dir = std::env::temp_dir().join(format!("svocr-bench-db-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let path = dir.join("bench.sqlite");
    bencher
        .counter(ItemsCount::new(records.len()))
        .with_inputs(|| {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
            Database::open(&path).expect("a new database")
        })
        .bench_local_values(|mut db| {
            for group in records.chunks(256) {
                db.write_all(group.iter().map(|(r, p)| (r, p)))
                    .expect("written");
            }
            black_box(db)
        });
    let _ = std::fs::remove_dir_all(&dir);
}
