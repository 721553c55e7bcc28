//! `svocr run --db`: the database holds exactly what the JSON Lines hold (row counts, and each
//! record rebuilt from its rows equals the JSON record), runs are incremental (a second run skips
//! everything and changes nothing; a changed file is re-processed alone), a run killed with
//! SIGKILL and run again gives the database an uninterrupted run gives, and bad input is a
//! `documents` row with status `error`.
//!
//! Runs use `SOURCE_DATE_EPOCH`, so that `processed_at` is the same in two runs and databases
//! compare whole, every column included.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use rusqlite::types::ValueRef;
use svocr::Record;
use svocr::report::db::Database;

/// Every table of the database, in the order they are compared, with their sort keys.
const TABLES: [(&str, &str); 12] = [
    ("meta", "key"),
    ("documents", "id"),
    ("edits", "document_id, idx"),
    ("amounts", "document_id, idx"),
    ("dates", "document_id, idx"),
    ("periods", "document_id, idx"),
    ("villkor", "document_id, idx"),
    ("villkor_amounts", "document_id, villkor_idx, position"),
    ("document_references", "document_id, idx"),
    ("tables", "document_id, idx"),
    ("totals", "document_id, idx"),
    ("total_parts", "document_id, total_idx, position"),
];

use crate::sets::{SETS, root};

fn svocr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_svocr"))
        .args(args)
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .expect("run svocr")
}

#[track_caller]
fn ok(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    stderr
}

/// A scratch directory, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("svocr-db-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn records(jsonl: &[u8]) -> Vec<Record> {
    String::from_utf8_lossy(jsonl)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Every row of every table, as text, with the document's `source` for its `id` (in `documents`
/// and as `document_id` elsewhere), sorted: two databases with the same content give the same
/// dump, whatever their pages look like and whichever ids their documents got.
fn dump(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let sources: std::collections::HashMap<i64, String> = conn
        .prepare("SELECT id, source FROM documents")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = Vec::new();
    for (table, key) in TABLES {
        let mut st = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY {key}"))
            .unwrap();
        let n = st.column_count();
        let keyed = table != "meta";
        let rows = st
            .query_map([], |r| {
                let cells: Vec<String> = (0..n)
                    .map(|i| match r.get_ref(i).unwrap() {
                        ValueRef::Integer(id) if keyed && i == 0 => sources[&id].clone(),
                        ValueRef::Text(t) => format!("{:?}", String::from_utf8_lossy(t)),
                        other => format!("{other:?}"),
                    })
                    .collect();
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out.sort();
    out
}

fn count(conn: &Connection, sql: &str) -> usize {
    conn.query_row(sql, [], |r| r.get::<_, i64>(0))
        .map_or(0, |n| n as usize)
}

#[test]
fn the_database_holds_exactly_the_json_records_of_every_set() {
    let dir = scratch("sets");
    let db = dir.join("sets.sqlite");
    let jsonl = dir.join("sets.jsonl");
    let mut args = vec!["run", "--db", db.to_str().unwrap(), "-o"];
    args.push(jsonl.to_str().unwrap());
    args.extend(SETS);
    ok(&svocr(&args));
    let records = records(&fs::read(&jsonl).unwrap());
    assert!(records.len() > 100, "{} records", records.len());

    // Row counts per table equal the JSON counts.
    let conn = Connection::open(&db).unwrap();
    let sum = |f: &dyn Fn(&Record) -> usize| records.iter().map(f).sum::<usize>();
    let len = |v: &Option<Vec<_>>| v.as_ref().map_or(0, Vec::len);
    let expected = [
        ("documents", records.len()),
        ("edits", sum(&|r| r.edits.len())),
        ("amounts", sum(&|r| r.amounts.as_ref().map_or(0, Vec::len))),
        ("dates", sum(&|r| r.dates.as_ref().map_or(0, Vec::len))),
        ("periods", sum(&|r| r.periods.as_ref().map_or(0, Vec::len))),
        ("villkor", sum(&|r| r.villkor.as_ref().map_or(0, Vec::len))),
        (
            "villkor_amounts",
            sum(&|r| r.villkor.iter().flatten().map(|v| v.amounts.len()).sum()),
        ),
        (
            "document_references",
            sum(&|r| r.references.as_ref().map_or(0, Vec::len)),
        ),
        ("tables", sum(&|r| r.tables.as_ref().map_or(0, Vec::len))),
        ("totals", sum(&|r| len(&r.totals))),
        (
            "total_parts",
            sum(&|r| r.totals.iter().flatten().map(|t| t.components.len()).sum()),
        ),
    ];
    for (table, n) in expected {
        assert_eq!(
            count(&conn, &format!("SELECT count(*) FROM {table}")),
            n,
            "rows of {table}"
        );
    }
    for table in ["amounts", "dates", "totals"] {
        assert!(
            count(&conn, &format!("SELECT count(*) FROM {table}")) > 0,
            "{table} is empty: the sets should exercise it"
        );
    }

    // Each record rebuilt from the rows is the JSON record; the original text is the input.
    let database = Database::open(&db).unwrap();
    for r in &records {
        let back = database.record(&r.source).unwrap();
        assert_eq!(
            back.as_ref(),
            Some(r),
            "{} rebuilt from the database",
            r.source
        );
        let original: Option<String> = conn
            .query_row(
                "SELECT original FROM documents WHERE source = ?1",
                [&r.source],
                |row| row.get(0),
            )
            .unwrap();
        if r.encoding == Some(svocr::record::Encoding::Utf8) {
            let input = fs::read_to_string(root().join(&r.source)).unwrap();
            assert_eq!(original.as_deref(), Some(input.as_str()), "{}", r.source);
        }
    }
    assert_eq!(database.sources().unwrap().len(), records.len());
    let _ = fs::remove_dir_all(&dir);
}

/// A folder of `n` documents made from the seed fixtures (distinct files), a binary file and a
/// broken link.
fn batch_folder(name: &str, n: usize) -> PathBuf {
    let dir = scratch(name);
    let docs = dir.join("docs");
    fs::create_dir_all(&docs).unwrap();
    let mut seeds: Vec<PathBuf> = fs::read_dir(root().join("fixtures/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    for i in 0..n {
        let text = fs::read_to_string(&seeds[i % seeds.len()]).unwrap();
        fs::write(docs.join(format!("{i:04}.txt")), text).unwrap();
    }
    fs::write(docs.join("binary.txt"), [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(docs.join("gone.txt"), docs.join("link.txt")).unwrap();
    dir
}

#[test]
fn a_second_run_skips_everything_and_a_changed_file_alone_is_processed_again() {
    let dir = batch_folder("incremental", 8);
    let db = dir.join("x.sqlite");
    let (docs, db_arg) = (dir.join("docs"), db.to_str().unwrap());
    let docs_arg = docs.to_str().unwrap();
    let first = svocr(&["run", docs_arg, "--db", db_arg]);
    assert_eq!(first.status.code(), Some(2), "an unreadable input exits 2");
    assert!(first.stdout.is_empty(), "--db alone writes no JSON");
    let before = dump(&db);

    // Bad input is a row with status `error` and the reason.
    let conn = Connection::open(&db).unwrap();
    let errors: Vec<(String, String)> = conn
        .prepare("SELECT source, error FROM documents WHERE status = 'error' ORDER BY source")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].0.ends_with("binary.txt") && errors[0].1.contains("binary"));
    assert!(errors[1].0.ends_with("link.txt") && errors[1].1.contains("broken symbolic link"));
    drop(conn);

    let second = svocr(&["run", docs_arg, "--db", db_arg]);
    let stderr = String::from_utf8_lossy(&second.stderr);
    // The broken link cannot be hashed, so it is tried again (and fails again, identically).
    assert!(
        stderr.contains("9 unchanged in the database (skipped)"),
        "{stderr}"
    );
    assert!(stderr.contains("1 document(s): 0 ok, 1 failed"), "{stderr}");
    assert_eq!(dump(&db), before, "a second run changed the database");

    let changed = docs.join("0003.txt");
    let mut text = fs::read_to_string(&changed).unwrap();
    text.push_str("\nSenast den 31 mars 2021 ska 5 miljoner kronor betalas ut.\n");
    fs::write(&changed, text).unwrap();
    let third = svocr(&["run", docs_arg, "--db", db_arg]);
    let stderr = String::from_utf8_lossy(&third.stderr);
    assert!(
        stderr.contains("8 unchanged in the database (skipped)"),
        "{stderr}"
    );
    assert!(stderr.contains("2 document(s): 1 ok, 1 failed"), "{stderr}");
    let after = dump(&db);
    let differs: Vec<_> = after.iter().filter(|row| !before.contains(row)).collect();
    assert!(
        differs
            .iter()
            .any(|row| row.contains("\"5 miljoner kronor\"")),
        "{} changed rows, none the new amount",
        differs.len()
    );
    assert!(
        differs.iter().all(|row| row.contains("0003.txt")),
        "a row of another document changed"
    );
    // Other options make other records: nothing is skipped.
    let other = svocr(&["run", docs_arg, "--db", db_arg, "--no-repair"]);
    assert!(String::from_utf8_lossy(&other.stderr).contains("0 unchanged"));
    let _ = fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_run_killed_mid_batch_and_run_again_equals_an_uninterrupted_run() {
    // More documents than `--db` writes in one transaction (256), so that the kill lands
    // between two transactions however fast the build.
    let n = 600;
    let dir = batch_folder("kill", n);
    let docs = dir.join("docs");
    let whole = dir.join("whole.sqlite");
    let killed = dir.join("killed.sqlite");
    let run = |db: &Path| {
        svocr(&[
            "run",
            docs.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "-j",
            "1",
        ])
    };
    run(&whole);

    let mut child = Command::new(env!("CARGO_BIN_EXE_svocr"))
        .args(["run", docs.to_str().unwrap(), "--db"])
        .arg(&killed)
        .args(["-j", "1"])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill as soon as a few documents are in: polling, so no sleep decides the outcome.
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let n = Connection::open(&killed)
            .map(|c| count(&c, "SELECT count(*) FROM documents"))
            .unwrap_or(0);
        if n >= 3 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no document written in 2 minutes"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let conn = Connection::open(&killed).unwrap();
    let written = count(&conn, "SELECT count(*) FROM documents");
    drop(conn);
    assert!(written < n + 2, "the run finished before it was killed");
    assert_ne!(dump(&killed), dump(&whole));

    let rerun = run(&killed);
    let stderr = String::from_utf8_lossy(&rerun.stderr);
    assert!(
        stderr.contains(&format!("{written} unchanged")),
        "{written} written before the kill: {stderr}"
    );
    assert_eq!(dump(&killed), dump(&whole));
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn no_text_leaves_the_text_out_and_nothing_else() {
    let seed = "fixtures/seeds/000_40c623360c45ffaf.txt";
    let full = svocr(&["run", seed]);
    let lean = svocr(&["run", seed, "--no-text"]);
    ok(&lean);
    let mut full: serde_json::Value = serde_json::from_slice(&full.stdout).unwrap();
    let lean: serde_json::Value = serde_json::from_slice(&lean.stdout).unwrap();
    assert!(full["text"].as_str().is_some_and(|t| t.len() > 100));
    assert_eq!(lean["text"], serde_json::Value::Null);
    full["text"] = serde_json::Value::Null;
    assert_eq!(lean, full);
}

#[test]
fn db_with_output_dash_writes_both() {
    let dir = scratch("both");
    let db = dir.join("b.sqlite");
    let seed = "fixtures/seeds/000_40c623360c45ffaf.txt";
    let out = svocr(&["run", seed, "--db", db.to_str().unwrap(), "-o", "-"]);
    ok(&out);
    assert_eq!(records(&out.stdout).len(), 1);
    assert!(
        !root().join("-").exists(),
        "`-o -` is standard output, not a file"
    );
    let database = Database::open(&db).unwrap();
    assert_eq!(
        database.record(seed).unwrap(),
        Some(records(&out.stdout).remove(0))
    );
    let _ = fs::remove_dir_all(&dir);
}
