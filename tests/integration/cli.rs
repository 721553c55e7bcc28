//! The command line's contract: one record per input in order, error records for bad input,
//! exit codes, and byte-identical output whatever the thread count. Output is parsed back into
//! the library's record types, so a schema drift fails here.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use svocr::record::{Encoding, Record, Status};

fn svocr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_svocr"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("svocr runs")
}

#[track_caller]
fn records(out: &Output) -> Vec<Record> {
    let stdout = String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8");
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad record {l}: {e}")))
        .collect()
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn runs_the_fixtures_one_record_each_in_order() {
    let out = svocr(&["run", "fixtures/seeds"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 5);
    let mut sources: Vec<_> = recs.iter().map(|r| r.source.clone()).collect();
    let in_order = sources.clone();
    sources.sort();
    assert_eq!(in_order, sources);
    for r in &recs {
        assert_eq!(r.status, Status::Ok);
        assert_eq!(r.schema_version, 2);
        assert!(!r.text.is_empty());
        assert_eq!(r.pages.first(), Some(&0));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("5 document(s): 5 ok, 0 failed"), "{stderr}");
}

#[test]
fn bad_inputs_give_error_records_and_the_batch_completes() {
    let dir = scratch("bad-inputs");
    std::fs::write(
        dir.join("a-valid.txt"),
        "Staten avsätter 944 miljoner kronor.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b-latin1.txt"),
        b"F\xf6rs\xe4kringskassan betalar ut medlen.\n",
    )
    .unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Överenskommelse för 2020\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(dir.join("c-utf16.txt"), utf16).unwrap();
    std::fs::write(
        dir.join("d-binary.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    )
    .unwrap();
    std::fs::write(dir.join("e-empty.txt"), b"").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("missing.txt"), dir.join("f-broken-link.txt")).unwrap();
    std::fs::write(dir.join("not-text.pdf"), b"%PDF").unwrap();

    let out = svocr(&["run", dir.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an error record makes the exit code 2"
    );
    let recs = records(&out);
    let names: Vec<_> = recs
        .iter()
        .map(|r| {
            Path::new(&r.source)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        names,
        [
            "a-valid.txt",
            "b-latin1.txt",
            "c-utf16.txt",
            "d-binary.txt",
            "e-empty.txt",
            "f-broken-link.txt",
            "not-text.pdf"
        ]
    );
    let statuses: Vec<_> = recs.iter().map(|r| r.status).collect();
    use Status::{Error, Ok};
    assert_eq!(statuses, [Ok, Ok, Ok, Error, Ok, Error, Error]);
    // A `*.pdf` is read as a PDF (issue 22); four bytes are not one.
    let not_pdf = recs[6].error.as_deref().unwrap_or_default();
    assert!(not_pdf.contains("not a PDF"), "{not_pdf}");
    assert_eq!(recs[1].encoding, Some(Encoding::Latin1));
    assert!(recs[1].text.contains("Försäkringskassan"));
    assert_eq!(recs[2].encoding, Some(Encoding::Utf16Le));
    assert!(recs[2].text.contains("Överenskommelse"));
    assert_eq!(recs[4].text, "");
    let binary = recs[3].error.as_deref().unwrap();
    assert!(
        binary.contains("d-binary.txt") && binary.contains("binary"),
        "{binary}"
    );
    let link = recs[5].error.as_deref().unwrap();
    assert!(
        link.contains("f-broken-link.txt") && link.contains("broken symbolic link"),
        "{link}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("7 document(s): 4 ok, 3 failed"), "{stderr}");
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let one = svocr(&["run", "-j", "1", "fixtures"]);
    let two = svocr(&["run", "-j", "2", "fixtures"]);
    let many = svocr(&["run", "-j", "7", "fixtures"]);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn reads_standard_input_and_writes_a_file() {
    let dir = scratch("stdin");
    let out_path = dir.join("out.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_svocr"))
        .args(["run", "-", "-o", out_path.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Medlen betalas ut senast den 31 mars 2021.\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "records go to the -o file");
    let written = std::fs::read_to_string(out_path).unwrap();
    let rec: Record = serde_json::from_str(written.trim()).unwrap();
    assert_eq!(rec.source, "-");
    assert!(rec.text.contains("31 mars 2021"));
}

#[test]
fn a_missing_path_is_an_error_record_not_an_abort() {
    let out = svocr(&[
        "run",
        "no/such/file.txt",
        "fixtures/seeds/003_1554d7a47f6cfbda.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0].status, Status::Error);
    assert!(
        recs[0]
            .error
            .as_deref()
            .unwrap()
            .contains("no/such/file.txt")
    );
    assert_eq!(recs[1].status, Status::Ok);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(svocr(&["run", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(
        svocr(&["run", "-j", "0", "fixtures"]).status.code(),
        Some(2)
    );
    assert_eq!(svocr(&["frobnicate"]).status.code(), Some(2));
    for bad in ["1.5", "NaN", "-0.1"] {
        let out = svocr(&["run", "--min-confidence", bad, "fixtures"]);
        assert_eq!(out.status.code(), Some(2), "--min-confidence {bad}");
    }
}

#[test]
fn text_format_is_readable() {
    let out = svocr(&[
        "run",
        "--format",
        "text",
        "fixtures/seeds/003_1554d7a47f6cfbda.txt",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.starts_with("==> fixtures/seeds/003_1554d7a47f6cfbda.txt <== utf-8"),
        "{s}"
    );
    assert!(s.contains("En miljard för att göra sjukskrivningsprocessen tryggare"));
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_svocr"))
        .args(["run", "fixtures", "fixtures", "fixtures", "fixtures"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
    assert_ne!(out.status.code(), Some(101));
}

#[test]
fn explain_shows_the_candidates_and_the_decision() {
    let out = svocr(&["explain", "f6r", "--context", "avsätta medel f6r insatser"]);
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("för") && s.contains("decision"), "{s}");
    // A clean sentence: `for` is a known word and real-word repairs stay off.
    let out = svocr(&[
        "explain",
        "for",
        "--context",
        "for en vecka sedan",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("explain --json is JSON");
    assert_eq!(v["word"], "for");
    assert!(v["decision"].is_null(), "{v}");
}

#[test]
fn explain_file_reports_what_run_did_at_the_word() {
    let dir = scratch("explain_file");
    let doc = dir.join("beslut.txt");
    // A damaged document in which neighbours decide `Skalen` and `vird`.
    std::fs::write(
        &doc,
        "Staten och regionerna har ingdtt en overenskommelse f6r 2020.\n\
         Insatser for lindrig psykisk ohilsa ska kvalitetssikras.\n\n\
         2. Skalen for en reviderad 6verenskommelse\n\n\
         Den 6vervigande delen av den vird som inte dr planerad.\n",
    )
    .unwrap();
    let path = doc.to_str().unwrap();
    let run = records(&svocr(&["run", path]));
    let edit = run[0]
        .edits
        .iter()
        .find(|e| e.before == "vird")
        .expect("run repairs vird")
        .clone();

    // By line and word, as a table.
    let out = svocr(&["explain", "--file", path, "--line", "6", "--word", "vird"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains(&format!("decision: {} (applied", edit.after)),
        "{s}"
    );
    assert!(s.contains("in context: den _ som"), "{s}");

    // By offset (any character of the word), as JSON: the same place and decision as the edit.
    let at = (edit.start + 2).to_string();
    let out = svocr(&["explain", "--file", path, "--at", &at, "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["place"]["start"], edit.start);
    assert_eq!(v["place"]["end"], edit.end);
    assert_eq!(v["place"]["line"], 6);
    assert_eq!(v["decision"], edit.after.as_str());
    assert_eq!(v["outcome"], "applied");

    // A word run left alone is kept.
    let out = svocr(&[
        "explain", "--file", path, "--line", "1", "--word", "och", "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        (v["outcome"].as_str(), v["decision"].is_null()),
        (Some("kept"), true)
    );

    // Nothing there, or the wrong options: an error, exit 2.
    for args in [
        &["explain", "--file", path, "--line", "6", "--word", "xyzzy"][..],
        &["explain", "--file", path, "--at", "100000"],
        &["explain", "--file", path],
        &["explain", "--file", path, "--at", "3", "--context", "x"],
        &["explain", "f6r", "--file", path, "--at", "3"],
    ] {
        let out = svocr(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}
