//! Runs the whole pipeline on each file given and prints the repaired text; with `--edits`,
//! prints the repair proposals instead (`before → after kind confidence applied`); with
//! `--explain WORD...`, explains how a word would be repaired (optionally in the context of a file); with
//! `--no-repair`, prints the text after layout only.
//!
//! Used to measure CER/WER on held-out OCR/GT pairs (see dictionaries/README.md).
#![allow(clippy::print_stdout, clippy::print_stderr)]

fn main() {
    let mut edits = false;
    let mut options = svocr::Options::default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--explain") {
        // `--explain WORD [CONTEXT-FILE]`
        let context = args.get(2).and_then(|p| std::fs::read_to_string(p).ok());
        println!("{}", svocr::explain(&args[1], context.as_deref()));
        return;
    }
    for arg in args {
        if arg == "--edits" {
            edits = true;
            continue;
        }
        if arg == "--no-repair" {
            options.repair = false;
            continue;
        }
        let bytes = match std::fs::read(&arg) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{arg}: {e}");
                std::process::exit(2);
            }
        };
        let record = svocr::process(&arg, &bytes, &options);
        if edits {
            for e in record
                .edits
                .iter()
                .filter(|e| e.kind >= svocr::EditKind::Diacritic)
            {
                println!(
                    "{:>20} → {:<20} {:?} {:.3} {}",
                    e.before, e.after, e.kind, e.confidence, e.applied
                );
            }
        } else {
            print!("{}", record.text);
        }
    }
}
