//! Interruption, `--resume` and odd files on the command line (issue 19): a signal stops the
//! batch between documents with whole records, the summary and exit code 130; a resumed `-o` run
//! is byte-identical to an uninterrupted one; FIFOs and directories are taken as the user meant.
//!
//! No timing is assumed: the interrupted run is made to wait on a FIFO placed among its inputs,
//! and the signal is sent while it waits there, so the test is the same on a loaded machine.
#![cfg(unix)]

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use svocr::record::{Record, Status};

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("interrupt-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn svocr(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_svocr"));
    c.current_dir(dir);
    c
}

fn mkfifo(p: &Path) {
    let made = Command::new("mkfifo").arg(p).status().expect("mkfifo runs");
    assert!(made.success());
}

/// `n` small distinct invoices in `dir`.
fn invoices(dir: &Path, n: usize) {
    fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let text = format!(
            "Faktura nr {i}\nAtt betala: {},{:02} kr\nFörfallodag 2024-03-{:02}\n",
            100 + 7 * i,
            i % 100,
            1 + i % 28
        );
        fs::write(dir.join(format!("{i:04}.txt")), text).unwrap();
    }
}

/// The inputs of the interrupted runs: documents, a FIFO the run waits on, more documents.
const PATHS: [&str; 3] = ["first", "pipe.txt", "second"];
const PIPED: &str = "Summa att betala 250 kr\n";

/// A batch directory: 20 documents, the FIFO, 200 documents.
fn batch_dir(name: &str) -> PathBuf {
    let dir = scratch(name);
    invoices(&dir.join("first"), 20);
    invoices(&dir.join("second"), 200);
    mkfifo(&dir.join("pipe.txt"));
    dir
}

/// Starts `svocr run -j 1 -o OUT PATHS…` in `dir`, waits until it reads the FIFO (opening it for
/// writing returns only then), sends `signal`, waits until svocr says it is stopping, then feeds
/// and closes the FIFO so the document in progress ends.
fn interrupted(dir: &Path, out: &str, signal: &str) -> Output {
    let mut child: Child = svocr(dir)
        .args(["run", "-j", "1", "-o", out])
        .args(PATHS)
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = fs::OpenOptions::new()
        .write(true)
        .open(dir.join("pipe.txt"))
        .unwrap();
    let killed = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut said = String::new();
    while !said.contains("stopping") {
        let read = err.read_line(&mut said).unwrap();
        assert!(read > 0, "svocr ended without stopping: {said}");
    }
    pipe.write_all(PIPED.as_bytes()).unwrap();
    drop(pipe);
    err.read_to_string(&mut said).unwrap();
    let mut run = child.wait_with_output().unwrap();
    run.stderr = said.into_bytes();
    run
}

/// An uninterrupted run of the same inputs, the FIFO fed by a thread.
fn uninterrupted(dir: &Path, out: &str) -> Vec<u8> {
    let fifo = dir.join("pipe.txt");
    let feeder = std::thread::spawn(move || fs::write(fifo, PIPED).unwrap());
    let run = svocr(dir)
        .args(["run", "-j", "1", "-o", out])
        .args(PATHS)
        .output()
        .unwrap();
    feeder.join().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    fs::read(dir.join(out)).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[track_caller]
fn parse_lines(bytes: &[u8]) -> Vec<Record> {
    let text = std::str::from_utf8(bytes).expect("UTF-8 output");
    assert!(text.is_empty() || text.ends_with('\n'), "a cut last line");
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad record {l}: {e}")))
        .collect()
}

/// The number before `label` in the summary line: `12 document(s)`, `3 not processed`.
#[track_caller]
fn count(summary: &str, label: &str) -> usize {
    let before = &summary[..summary.find(label).unwrap_or_else(|| panic!("{summary}"))];
    before
        .rsplit(|c: char| !c.is_ascii_digit())
        .find(|w| !w.is_empty())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count before {label}: {summary}"))
}

#[test]
fn sigint_stops_between_documents_with_whole_records_a_summary_and_130() {
    for signal in ["-INT", "-TERM"] {
        let dir = batch_dir(&format!("signal{signal}"));
        let run = interrupted(&dir, "out.jsonl", signal);
        let err = stderr(&run);
        assert_eq!(run.status.code(), Some(130), "{err}");
        assert!(
            !dir.join("out.jsonl.partial").exists(),
            "a stopped run still moves its records to FILE"
        );
        let records = parse_lines(&fs::read(dir.join("out.jsonl")).unwrap());
        let documents = count(&err, " document(s)");
        let not_processed = count(&err, " not processed (interrupted)");
        assert_eq!(records.len(), documents, "{err}");
        assert_eq!(documents + not_processed, 221, "{err}");
        // Everything before the FIFO, and the FIFO, was finished; nothing after it was started,
        // since the stop was set while the FIFO was being read.
        assert_eq!((documents, not_processed), (21, 200), "{err}");
        assert_eq!(records[20].source, "pipe.txt");
        assert!(records.iter().all(|r| r.status == Status::Ok));
        assert!(err.contains("--resume"), "{err}");
    }
}

#[test]
fn a_resumed_run_is_byte_identical_to_an_uninterrupted_one() {
    let dir = batch_dir("resume");
    let whole = uninterrupted(&dir, "whole.jsonl");
    let run = interrupted(&dir, "out.jsonl", "-INT");
    assert_eq!(run.status.code(), Some(130), "{}", stderr(&run));
    let done = parse_lines(&fs::read(dir.join("out.jsonl")).unwrap()).len();
    assert_eq!(done, 21);
    // The FIFO is among the documents already done: were it read again, this would hang.
    let resumed = svocr(&dir)
        .args(["run", "-j", "1", "-o", "out.jsonl", "--resume"])
        .args(PATHS)
        .output()
        .unwrap();
    let err = stderr(&resumed);
    assert_eq!(resumed.status.code(), Some(0), "{err}");
    assert_eq!(fs::read(dir.join("out.jsonl")).unwrap(), whole);
    assert!(err.contains("221 document(s): 221 ok"), "{err}");
}

#[test]
fn resume_after_a_crash_drops_the_cut_line() {
    let dir = scratch("crash");
    invoices(&dir.join("docs"), 30);
    let whole = svocr(&dir)
        .args(["run", "-o", "whole.jsonl", "docs"])
        .output()
        .unwrap();
    assert_eq!(whole.status.code(), Some(0), "{}", stderr(&whole));
    let whole = fs::read(dir.join("whole.jsonl")).unwrap();
    // A crash in the middle of record 11: FILE.partial holds 10 records and a cut one.
    let tenth = whole
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(9)
        .unwrap()
        .0;
    fs::write(dir.join("out.jsonl.partial"), &whole[..tenth + 40]).unwrap();
    let resumed = svocr(&dir)
        .args(["run", "-o", "out.jsonl", "--resume", "docs"])
        .output()
        .unwrap();
    assert_eq!(resumed.status.code(), Some(0), "{}", stderr(&resumed));
    assert_eq!(fs::read(dir.join("out.jsonl")).unwrap(), whole);
    assert!(!dir.join("out.jsonl.partial").exists());
}

#[test]
fn resume_refuses_an_output_of_other_inputs_and_leaves_it_alone() {
    let dir = scratch("other");
    invoices(&dir.join("a"), 3);
    invoices(&dir.join("b"), 3);
    let first = svocr(&dir)
        .args(["run", "-o", "out.jsonl", "a"])
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = fs::read(dir.join("out.jsonl")).unwrap();
    let resumed = svocr(&dir)
        .args(["run", "-o", "out.jsonl", "--resume", "b"])
        .output()
        .unwrap();
    let err = stderr(&resumed);
    assert_eq!(resumed.status.code(), Some(2), "{err}");
    assert!(
        err.contains("record 1 is for `a/0000.txt` but input 1 is `b/0000.txt`"),
        "{err}"
    );
    assert_eq!(fs::read(dir.join("out.jsonl")).unwrap(), before);
    // Without an earlier output, --resume is a plain run; with text output it is refused.
    let fresh = svocr(&dir)
        .args(["run", "-o", "new.jsonl", "--resume", "b"])
        .output()
        .unwrap();
    assert_eq!(fresh.status.code(), Some(0), "{}", stderr(&fresh));
    assert_eq!(
        parse_lines(&fs::read(dir.join("new.jsonl")).unwrap()).len(),
        3
    );
    let text = svocr(&dir)
        .args(["run", "-o", "new.txt", "--format", "text", "--resume", "b"])
        .output()
        .unwrap();
    assert_eq!(text.status.code(), Some(2));
    assert!(stderr(&text).contains("--resume needs --format jsonl"));
}

#[test]
fn a_fifo_named_explicitly_is_read_as_a_stream() {
    let dir = scratch("fifo");
    mkfifo(&dir.join("stream"));
    let fifo = dir.join("stream");
    let feeder = std::thread::spawn(move || fs::write(fifo, PIPED).unwrap());
    let run = svocr(&dir).args(["run", "stream"]).output().unwrap();
    feeder.join().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let records = parse_lines(&run.stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].source, "stream");
    assert_eq!(records[0].text, PIPED);
}

#[test]
fn a_fifo_met_in_a_directory_is_an_error_record_and_the_batch_goes_on() {
    let dir = scratch("walked-fifo");
    invoices(&dir.join("docs"), 2);
    mkfifo(&dir.join("docs/0001a.txt"));
    let run = svocr(&dir).args(["run", "docs"]).output().unwrap();
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    let records = parse_lines(&run.stdout);
    let sources: Vec<_> = records.iter().map(|r| r.source.as_str()).collect();
    assert_eq!(
        sources,
        ["docs/0000.txt", "docs/0001.txt", "docs/0001a.txt"]
    );
    let msg = records[2].error.as_deref().unwrap_or_default();
    assert!(msg.contains("not a regular file (a FIFO)"), "{msg}");
}

#[test]
fn a_directory_named_like_a_document_is_walked_and_an_empty_one_is_named() {
    let dir = scratch("dir-named-txt");
    invoices(&dir.join("x.txt"), 1);
    fs::create_dir_all(dir.join("empty.txt")).unwrap();
    fs::write(dir.join("empty.txt/notes.md"), "not a document").unwrap();
    let run = svocr(&dir)
        .args(["run", "x.txt/", "empty.txt"])
        .output()
        .unwrap();
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(0), "{err}");
    let records = parse_lines(&run.stdout);
    assert_eq!(records.len(), 1);
    assert!(
        records[0].source.ends_with("0000.txt"),
        "{}",
        records[0].source
    );
    assert!(
        err.contains("empty.txt: a directory with no *.txt or *.pdf file in it"),
        "{err}"
    );
}

#[test]
fn upper_case_extensions_and_link_loops_on_the_command_line() {
    let dir = scratch("names");
    fs::create_dir_all(dir.join("docs")).unwrap();
    fs::write(dir.join("docs/SCAN.TXT"), PIPED).unwrap();
    std::os::unix::fs::symlink("loop.txt", dir.join("docs/loop.txt")).unwrap();
    let run = svocr(&dir).args(["run", "docs"]).output().unwrap();
    let records = parse_lines(&run.stdout);
    let sources: Vec<_> = records.iter().map(|r| r.source.as_str()).collect();
    assert_eq!(sources, ["docs/SCAN.TXT", "docs/loop.txt"]);
    let msg = records[1].error.as_deref().unwrap_or_default();
    assert!(msg.contains("symbolic link loop"), "{msg}");
    assert!(!msg.contains("does not exist"), "{msg}");
}

#[test]
fn output_to_a_fifo_is_written_through_and_the_fifo_stays() {
    let dir = scratch("out-fifo");
    invoices(&dir.join("docs"), 3);
    let fifo = dir.join("out");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    let run = svocr(&dir)
        .args(["run", "-o", "out", "docs"])
        .output()
        .unwrap();
    // Had svocr never opened the FIFO, the reader would wait for a writer forever: be that
    // writer (with nothing to say) once svocr is gone, so the test fails instead of hanging.
    for _ in 0..50 {
        if reader.is_finished() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    if !reader.is_finished() {
        drop(fs::OpenOptions::new().write(true).open(&fifo).unwrap());
    }
    let read = reader.join().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(parse_lines(&read).len(), 3);
    // Renaming a finished `out.partial` onto `out` would have replaced the FIFO with a file.
    let kind = fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
    assert!(!dir.join("out.partial").exists());
    let resumed = svocr(&dir)
        .args(["run", "-o", "out", "--resume", "docs"])
        .output()
        .unwrap();
    assert_eq!(resumed.status.code(), Some(2));
    assert!(
        stderr(&resumed).contains("not a regular file"),
        "{}",
        stderr(&resumed)
    );
}

#[test]
fn output_through_a_symlink_updates_its_target_and_keeps_the_link() {
    let dir = scratch("out-link");
    invoices(&dir.join("docs"), 2);
    fs::create_dir_all(dir.join("runs")).unwrap();
    fs::write(dir.join("runs/today.jsonl"), "stale\n").unwrap();
    std::os::unix::fs::symlink("runs/today.jsonl", dir.join("latest.jsonl")).unwrap();
    let run = svocr(&dir)
        .args(["run", "-o", "latest.jsonl", "docs"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let link = fs::symlink_metadata(dir.join("latest.jsonl")).unwrap();
    assert!(link.file_type().is_symlink());
    assert_eq!(
        parse_lines(&fs::read(dir.join("runs/today.jsonl")).unwrap()).len(),
        2
    );
    // A link to the file of a run not made yet is followed too.
    std::os::unix::fs::symlink("runs/tomorrow.jsonl", dir.join("next.jsonl")).unwrap();
    let run = svocr(&dir)
        .args(["run", "-o", "next.jsonl", "docs"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let link = fs::symlink_metadata(dir.join("next.jsonl")).unwrap();
    assert!(link.file_type().is_symlink());
    let written = fs::read(dir.join("runs/tomorrow.jsonl")).unwrap();
    assert_eq!(parse_lines(&written).len(), 2);
}
