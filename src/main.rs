//! The `svocr` command line. The only place that prints, uses anyhow, or exits.
//!
//! Exit codes, as ripgrep's: 0 all documents ok; 1 a check failed (`--check` found a totals
//! mismatch, or an evaluation score fell under its floor); 2 an error (a document could not be
//! read, a usage error, or `eval` found gold for none of its documents); 130 a signal (SIGINT,
//! SIGTERM, SIGHUP) stopped `run` between documents. A closed output pipe ends the program
//! quietly.

// The binary is the one place allowed to print; the lints keep the library silent.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fs;
use std::io::{self, BufWriter, IsTerminal, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::HashMap;
use svocr::batch::{self, Batch, Completion, Input, Summary};
use svocr::eval::{EvalReport, Evaluated, FloorCheck, Floors, GoldFiles, evaluate, gold_name};
use svocr::report::db::{Database, Provenance, content_hash, options_key};
use svocr::{Options, Record, report};

#[derive(Parser)]
#[command(
    name = "svocr",
    version,
    about = "Repair OCR'd Swedish public-sector documents and extract trustworthy data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Repair and extract: one record per document, in input order.
    Run(RunArgs),
    /// Score the pipeline against gold files (CER/WER, field F1) and check accuracy floors.
    Eval(EvalArgs),
    /// Show how a word is repaired: its candidates, their costs and frequencies, the decision; in a
    /// file (--file), exactly as `run` decided there.
    Explain(ExplainArgs),
}

#[derive(clap::Args)]
struct ExplainArgs {
    /// The word as the OCR read it (`f6r`, `Forsikringskassan`), explained alone or in --context.
    #[arg(required_unless_present = "file", conflicts_with = "file")]
    word: Option<String>,
    /// The sentence around it, which real-word decisions (`for` → `för`) depend on.
    #[arg(long, value_name = "TEXT")]
    context: Option<String>,
    /// A document: explain a word of it exactly as `svocr run` repaired it there (with --at, or
    /// --line and --word).
    #[arg(long, value_name = "FILE")]
    file: Option<PathBuf>,
    /// The word at this character offset of the file (as the record's edits count).
    #[arg(
        long,
        value_name = "OFFSET",
        requires = "file",
        conflicts_with = "line"
    )]
    at: Option<usize>,
    /// The line of the file (from 1) the word is on; give the word with --word.
    #[arg(long, value_name = "N", requires = "file", requires = "word_on_line")]
    line: Option<usize>,
    /// With --line: the word, as written (its first occurrence on the line).
    #[arg(long = "word", value_name = "W", requires = "line")]
    word_on_line: Option<String>,
    /// With --file: the threshold `svocr run` was given.
    #[arg(long, value_name = "X", default_value_t = svocr::repair::DEFAULT_MIN_CONFIDENCE, value_parser = confidence)]
    min_confidence: f64,
    /// Print the explanation as JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct InputArgs {
    /// Files, directories (searched recursively for *.txt, in sorted order) or `-` for stdin.
    #[arg(value_name = "PATH", default_value = "-")]
    paths: Vec<PathBuf>,
    /// Worker threads (default: all cores). Output is the same whatever the number.
    #[arg(short = 'j', long = "threads", value_name = "N")]
    threads: Option<usize>,
    /// Extract from the text as it is, without OCR repair.
    #[arg(long)]
    no_repair: bool,
    /// Apply only repairs at least this confident; the rest are reported with `applied: false`.
    #[arg(long, value_name = "X", default_value_t = svocr::repair::DEFAULT_MIN_CONFIDENCE, value_parser = confidence)]
    min_confidence: f64,
}

/// A confidence threshold: a number from 0 to 1.
fn confidence(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a confidence from 0 to 1")),
    }
}

#[derive(clap::Args)]
struct RunArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write the records here instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Exit with 1 when a stated total does not match its parts.
    #[arg(long)]
    check: bool,
    /// Continue an interrupted `-o FILE` run: the documents already in FILE (or FILE.partial,
    /// after a crash) are not processed again; give the same paths and options.
    #[arg(long, requires = "output", conflicts_with = "db")]
    resume: bool,
    /// Write the records into this SQLite database (created if new), skipping documents it
    /// already holds unchanged. Records then go to standard output only with `-o -`.
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Leave the full text out of JSON Lines (`"text": null`); the fields stay.
    #[arg(long)]
    no_text: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One JSON object per document.
    Jsonl,
    /// The repaired text and the extracted fields, for people.
    Text,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => run(args),
        Command::Eval(args) => eval(args),
        Command::Explain(args) => explain(args),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("svocr: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// Most documents `--db` writes in one transaction (see the writer in [`run`]).
const DB_GROUP_DOCUMENTS: usize = 256;
/// Most bytes of text `--db` writes in one transaction, so that large documents do not pile up.
const DB_GROUP_BYTES: usize = 32 << 20;
/// How long the `--db` writer waits for more documents before it writes what it has.
const DB_GROUP_WAIT: std::time::Duration = std::time::Duration::from_millis(250);

fn run(args: RunArgs) -> Result<ExitCode> {
    let start = Instant::now();
    let opts = Options {
        repair: !args.input.no_repair,
        min_confidence: args.input.min_confidence,
    };
    anyhow::ensure!(
        !args.resume || args.format == Format::Jsonl,
        "--resume needs --format jsonl: text output cannot be read back"
    );
    anyhow::ensure!(
        !args.no_text || args.format == Format::Jsonl,
        "--no-text needs --format jsonl: the text format is mostly the text"
    );
    let mut db = match &args.db {
        Some(p) => {
            Some(Database::open(p).with_context(|| format!("cannot use --db {}", p.display()))?)
        }
        None => None,
    };
    let inputs = list_inputs(&args.input.paths);
    let batch = new_batch(args.input.threads)?.stop_when(stop_on_signals()?);
    // With `--check`, each failing total is named on stderr after the run, so a CI log is enough
    // to find it.
    let mut failures: Vec<String> = Vec::new();
    // The counts cover the whole batch, records resumed from an earlier run included, so that a
    // resumed run ends with the summary an uninterrupted one would have.
    let mut summary = Summary::default();
    let stdout = || Output::Stdout(BufWriter::new(io::stdout().lock()));
    let (mut out, done) = match &args.output {
        Some(p) if p.as_os_str() == "-" => (stdout(), 0),
        Some(p) => Output::file(p, args.resume, &inputs, |r| {
            summary.add(&r);
            if args.check {
                failures.extend(check_failures(&r));
            }
        })?,
        None if args.db.is_some() => (Output::Nowhere, 0),
        None => (stdout(), 0),
    };
    let todo = &inputs[done..];
    if let Some(notice) = stdin_notice(todo, io::stdin().is_terminal()) {
        eprintln!("svocr: {notice}");
    }
    let progress = Bar::new(todo);
    let mut emit = |r: &Record| -> Result<()> {
        if args.check {
            failures.extend(check_failures(r));
        }
        Ok(out.write_record(|mut w| match args.format {
            Format::Jsonl if args.no_text => {
                serde_json::to_writer(&mut w, &WithoutText::new(r))?;
                w.write_all(b"\n")
            }
            Format::Jsonl => report::jsonl::write_record(&mut w, r),
            Format::Text => report::text::write_record(&mut w, r),
        })?)
    };
    let mut skipped = 0;
    let rest = match db.take() {
        None => batch.run(todo, &opts, &progress, |r| emit(r))?,
        Some(db) => {
            let known = db.current(&options_key(&opts))?;
            // The database is written on a thread of its own, in input order, so that the
            // workers go on with the next documents meanwhile: written in the sink, each write
            // would hold up the whole batch (batch throughput was 67 % of JSON Lines that way).
            let (to_db, from_batch) =
                std::sync::mpsc::sync_channel::<(Record, Provenance)>(DB_GROUP_DOCUMENTS);
            // The documents are written in groups, one transaction each (each document still
            // whole, so a killed run leaves whole documents only): the full-text index flushes
            // and the write-ahead log rewrites its pages once per transaction, which cost as much
            // as processing a small document when each had its own. A group is what arrives
            // within a short wait, up to a number of documents and of bytes of text.
            let writer = std::thread::spawn(move || -> Result<()> {
                let mut db = db;
                while let Ok(first) = from_batch.recv() {
                    let until = std::time::Instant::now() + DB_GROUP_WAIT;
                    let mut bytes = first.0.text.len();
                    let mut group = vec![first];
                    while group.len() < DB_GROUP_DOCUMENTS && bytes < DB_GROUP_BYTES {
                        let left = until.saturating_duration_since(std::time::Instant::now());
                        match from_batch.recv_timeout(left) {
                            Ok(next) => {
                                bytes += next.0.text.len();
                                group.push(next);
                            }
                            Err(_) => break,
                        }
                    }
                    db.write_all(group.iter().map(|(r, p)| (r, p)))
                        .with_context(|| {
                            format!(
                                "cannot write {} document(s) from {} on to the database",
                                group.len(),
                                group[0].0.source
                            )
                        })?;
                }
                Ok(())
            });
            let writer_result = |writer: std::thread::JoinHandle<Result<()>>| {
                writer
                    .join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("the database writer panicked")))
            };
            let mut fresh = Summary::default();
            let completion = batch.map(
                todo,
                |input| process_unless_known(input, &opts, &known),
                &progress,
                |_, done| {
                    let Some((record, provenance)) = done else {
                        skipped += 1;
                        return Ok(());
                    };
                    fresh.add(&record);
                    emit(&record)?;
                    // A send fails only when the writer has stopped on an error, given below.
                    to_db
                        .send((record, provenance))
                        .map_err(|_| anyhow::anyhow!("the database writer stopped"))
                },
            );
            drop(to_db);
            let written = writer_result(writer);
            let completion = match (completion, written) {
                (_, Err(e)) | (Err(e), Ok(())) => return Err(e),
                (Ok(c), Ok(())) => c,
            };
            fresh.completion = completion;
            fresh
        }
    };
    summary.append(&rest);
    out.finish()?;
    progress.0.finish_and_clear();
    for f in &failures {
        eprintln!("{f}");
    }
    let not_processed = match summary.completion {
        Completion::All => 0,
        Completion::Stopped { delivered } => todo.len() - delivered,
    };
    eprintln!(
        "svocr: {} document(s): {} ok, {} failed; totals: {} ok, {} mismatch, {} unresolved; {}{}{:.2} s",
        summary.documents(),
        summary.ok,
        summary.failed,
        summary.totals_ok,
        summary.mismatch,
        summary.unresolved,
        if args.db.is_some() {
            format!("{skipped} unchanged in the database (skipped); ")
        } else {
            String::new()
        },
        if not_processed > 0 {
            format!("{not_processed} not processed (interrupted); ")
        } else {
            String::new()
        },
        start.elapsed().as_secs_f64()
    );
    Ok(if let Completion::Stopped { .. } = summary.completion {
        if let Some(p) = &args.db {
            eprintln!(
                "svocr: {} holds the documents finished; run the same command again to continue",
                p.display()
            );
        } else if let Some(p) = args.output.as_ref().filter(|p| p.as_os_str() != "-") {
            eprintln!(
                "svocr: {} holds the records finished; run the same command with --resume to \
                 continue",
                p.display()
            );
        }
        ExitCode::from(130)
    } else if summary.failed > 0 {
        ExitCode::from(2)
    } else if args.check && summary.mismatch > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// With `--db`: reads `input`, and processes it unless the database holds it already from the
/// same bytes (`known`: path → content hash, for this version and these options); `None` when
/// skipped. The hash is taken from the bytes that are processed, so a file that changes during
/// the run is stored with the hash of what was read.
fn process_unless_known(
    input: &Input,
    opts: &Options,
    known: &HashMap<String, String>,
) -> Option<(Record, Provenance)> {
    let options = options_key(opts);
    let (record, content_hash, size) = match batch::read(input) {
        Ok(bytes) => {
            let hash = content_hash(&bytes);
            if known.get(&input.source) == Some(&hash) {
                return None;
            }
            let size = bytes.len() as u64;
            (
                svocr::process_owned(&input.source, bytes, opts),
                Some(hash),
                Some(size),
            )
        }
        Err(message) => (Record::error(&input.source, message), None, None),
    };
    let provenance = Provenance {
        content_hash,
        size,
        options,
        processed_at: processed_at(),
    };
    Some((record, provenance))
}

/// Now, in Unix seconds; `SOURCE_DATE_EPOCH` when set, the reproducible-builds convention, so
/// that two runs can give byte-identical databases.
fn processed_at() -> i64 {
    if let Some(t) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return t;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// A record as JSON with `"text": null` (`--no-text`): every other key as [`Record`] writes it, in
/// its order. Destructuring without `..` makes a field added to [`Record`] a compile error here.
#[derive(serde::Serialize)]
struct WithoutText<'a> {
    schema_version: u32,
    source: &'a str,
    status: svocr::Status,
    error: &'a Option<String>,
    encoding: &'a Option<svocr::record::Encoding>,
    text: Option<&'a str>,
    pages: &'a [usize],
    pdf_pages: Option<usize>,
    edits: &'a [svocr::Edit],
    repair: &'a Option<Vec<svocr::record::RepairSection>>,
    amounts: &'a Option<Vec<svocr::record::Amount>>,
    dates: &'a Option<Vec<svocr::record::Date>>,
    periods: &'a Option<Vec<svocr::record::Period>>,
    villkor: &'a Option<Vec<svocr::record::Villkor>>,
    references: &'a Option<Vec<svocr::record::Reference>>,
    tables: &'a Option<Vec<svocr::record::Table>>,
    totals: &'a Option<Vec<svocr::record::TotalCheck>>,
}

impl<'a> WithoutText<'a> {
    fn new(r: &'a Record) -> WithoutText<'a> {
        let Record {
            schema_version,
            source,
            status,
            error,
            encoding,
            text: _,
            pages,
            pdf_pages,
            edits,
            repair,
            amounts,
            dates,
            periods,
            villkor,
            references,
            tables,
            totals,
        } = r;
        WithoutText {
            schema_version: *schema_version,
            source,
            status: *status,
            error,
            encoding,
            text: None,
            pages,
            pdf_pages: *pdf_pages,
            edits,
            repair,
            amounts,
            dates,
            periods,
            villkor,
            references,
            tables,
            totals,
        }
    }
}

/// The documents of `paths`, in order; a directory given that holds no `*.txt` or `*.pdf` file is named on
/// stderr, since it silently gives no record.
fn list_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut all = Vec::new();
    for p in paths {
        let found = batch::inputs(std::slice::from_ref(p));
        if found.is_empty() && p.is_dir() {
            eprintln!(
                "svocr: {}: a directory with no *.txt or *.pdf file in it; nothing to do there",
                p.display()
            );
        }
        all.extend(found);
    }
    all
}

/// What to say before reading standard input from a terminal: without a word, `svocr run` alone
/// looks like a hang.
fn stdin_notice(inputs: &[Input], stdin_is_terminal: bool) -> Option<&'static str> {
    let reads_stdin = inputs.iter().any(|i| i.origin == batch::Origin::Stdin);
    (reads_stdin && stdin_is_terminal).then_some(
        "reading standard input (type or paste the text, then Ctrl-D; or give files or \
         directories to read)",
    )
}

/// A flag the first SIGINT, SIGTERM or SIGHUP sets, so the batch stops between documents; saying
/// so at once tells a user whose document is long why the program has not yet ended. A
/// second one ends the program at once with 130, for a document that never finishes (a terminal
/// or a FIFO nobody writes to); with `-o`, what it leaves is resumable like a crash's.
fn stop_on_signals() -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("svocr: stopping after the documents in progress (again to quit at once)");
    })
    .context("cannot install the Ctrl-C handler")?;
    Ok(stop)
}

/// Where `svocr run` writes its records, one whole record per write.
///
/// With `-o FILE` the records go to `FILE.partial`, renamed to `FILE` when the run ends, whether
/// it completed or was stopped by a signal: `FILE` never holds a partial line. A crash (or a
/// second Ctrl-C) leaves `FILE.partial`, whose last line may be cut; `--resume` reads it back
/// (or `FILE` when there is no `FILE.partial`), drops the cut line and appends the rest.
///
/// A `FILE` that exists and is no regular file (`/dev/null`, a FIFO, a terminal) is written
/// straight to: renaming a new file onto it would replace the device or pipe itself. A `FILE`
/// that is a symbolic link stands for the file it points to.
enum Output {
    /// `--db` without `-o`: the records are in the database only.
    Nowhere,
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// `-o` naming a device, FIFO or socket; flushed after each record.
    Stream(BufWriter<fs::File>),
    File {
        /// Flushed after each record.
        file: BufWriter<fs::File>,
        partial: PathBuf,
        path: PathBuf,
    },
}

impl Output {
    /// Opens `-o path`. With `resume`, the records an earlier run of the same inputs left are
    /// handed to `each` and kept, and their number is returned: they must be the first inputs'
    /// records, in order, else the output belongs to another command and resuming would mix two
    /// batches.
    fn file(
        path: &Path,
        resume: bool,
        inputs: &[Input],
        mut each: impl FnMut(svocr::record::Record),
    ) -> Result<(Output, usize)> {
        if fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            anyhow::ensure!(
                !resume,
                "cannot resume into {}: not a regular file",
                path.display()
            );
            let file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            return Ok((Output::Stream(BufWriter::new(file)), 0));
        }
        // `-o` through a symbolic link (`latest.jsonl -> runs/…`) writes the file it points to:
        // renaming onto the link itself would replace the link and leave its target stale.
        let resolved = link_target(path);
        let path = resolved.as_path();
        let partial = {
            let mut name = path.as_os_str().to_owned();
            name.push(".partial");
            PathBuf::from(name)
        };
        let earlier = [&partial, path].into_iter().find(|p| resume && p.exists());
        let Some(earlier) = earlier else {
            let file = fs::File::create(&partial)
                .with_context(|| format!("cannot create {}", partial.display()))?;
            let path = path.to_path_buf();
            return Ok((
                Output::File {
                    file: BufWriter::new(file),
                    partial,
                    path,
                },
                0,
            ));
        };
        let cannot = || format!("cannot resume from {}", earlier.display());
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(earlier)
            .with_context(cannot)?;
        let mut done = 0;
        let complete = report::jsonl::read_complete(io::BufReader::new(&file), |r| {
            match inputs.get(done) {
                Some(i) if i.source == r.source => {}
                Some(i) => {
                    return Err(format!(
                        "record {} is for `{}` but input {} is `{}`; give the paths of the \
                         interrupted run",
                        done + 1,
                        r.source,
                        done + 1,
                        i.source
                    ));
                }
                None => return Err(format!("more records than the {} inputs", inputs.len())),
            }
            done += 1;
            each(r);
            Ok(())
        })
        .map_err(anyhow::Error::msg)
        .with_context(cannot)?;
        let mut file = file;
        file.set_len(complete).with_context(cannot)?;
        file.seek(SeekFrom::End(0)).with_context(cannot)?;
        if *earlier != partial {
            fs::rename(earlier, &partial).with_context(cannot)?;
        }
        let path = path.to_path_buf();
        Ok((
            Output::File {
                file: BufWriter::new(file),
                partial,
                path,
            },
            done,
        ))
    }

    /// Writes one record with `write`, streamed: the serialised line of a document of many
    /// megabytes is several times its size (the edits), and is never held in memory. A stop
    /// comes between records, so it still leaves whole lines; in a file each record is flushed
    /// before the next is made, as when it was written in one call.
    fn write_record(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        match self {
            Output::Nowhere => Ok(()),
            Output::Stdout(out) => write(out),
            Output::Stream(file) | Output::File { file, .. } => {
                write(file)?;
                file.flush()
            }
        }
    }

    /// Flushes, and moves a finished (or stopped) `FILE.partial` to `FILE`, synced first so that
    /// a power cut cannot leave a renamed but empty file.
    fn finish(self) -> Result<()> {
        match self {
            Output::Nowhere => Ok(()),
            Output::Stdout(mut out) => Ok(out.flush()?),
            Output::Stream(mut out) => Ok(out.flush()?),
            Output::File {
                file,
                partial,
                path,
            } => {
                let cannot = || format!("cannot write {}", partial.display());
                let file = file
                    .into_inner()
                    .map_err(io::IntoInnerError::into_error)
                    .with_context(cannot)?;
                file.sync_all().with_context(cannot)?;
                fs::rename(&partial, &path).with_context(|| {
                    format!("cannot rename {} to {}", partial.display(), path.display())
                })
            }
        }
    }
}

/// The file `path` stands for: `path` itself, or the end of its chain of symbolic links, whether
/// or not that file exists yet (a link to the file of a run that has not started). A chain longer
/// than the kernel follows is left as it is; opening it then reports the loop.
fn link_target(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        let Ok(next) = fs::read_link(&at) else {
            return at;
        };
        at = match at.parent() {
            Some(dir) if next.is_relative() => dir.join(next),
            _ => next,
        };
    }
    path.to_path_buf()
}

/// One line per totals `mismatch` in `r`: `path:line: totals mismatch: stated …, computed …,
/// difference …, tolerance ±… (method)`, the line counted in the record's (repaired) text.
fn check_failures(r: &svocr::record::Record) -> Vec<String> {
    let checks = r.totals.as_deref().unwrap_or_default();
    checks
        .iter()
        .filter(|c| c.status == svocr::record::TotalStatus::Mismatch)
        .map(|c| {
            let line = 1 + r.text.chars().take(c.start).filter(|&ch| ch == '\n').count();
            format!(
                "{}:{line}: totals mismatch: stated {}, computed {}, difference {}, tolerance ±{} ({})",
                r.source, c.stated, c.computed, c.difference, c.tolerance, c.method
            )
        })
        .collect()
}

fn new_batch(threads: Option<usize>) -> Result<Batch> {
    if let Some(n) = threads {
        anyhow::ensure!(n > 0, "-j must be at least 1");
    }
    Batch::new(threads).context("cannot start worker threads")
}

/// A bar over the bytes to read, drawn only when stderr is a terminal.
struct Bar(ProgressBar);

impl Bar {
    fn new(inputs: &[Input]) -> Bar {
        if !io::stderr().is_terminal() {
            return Bar(ProgressBar::hidden());
        }
        let total: u64 = inputs.iter().map(|i| i.size).sum();
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, ETA {eta}) {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.set_message(format!("0/{} documents", inputs.len()));
        Bar(bar)
    }
}

impl batch::Progress for Bar {
    fn document_done(&self, input: &Input, done: usize, total: usize) {
        self.0.inc(input.size);
        self.0.set_message(format!("{done}/{total} documents"));
    }
}

// ---------------------------------------------------------------------------------------------
// svocr eval (issue 7): everything below belongs to the evaluation subcommand.

#[derive(clap::Args)]
struct EvalArgs {
    /// Directory with the gold files, found by the input's name: NAME.gt.txt and/or NAME.gold.json.
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    #[command(flatten)]
    input: InputArgs,
    /// Report format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    format: EvalFormat,
    /// A JSON file of minimum scores; exit with 1 when any score falls below its floor.
    #[arg(long, value_name = "FILE")]
    floor: Option<PathBuf>,
    /// Write the report here instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EvalFormat {
    /// A table for people.
    Text,
    /// One JSON document: `{"documents": […], "summary": {…}}`.
    Json,
    /// JSON Lines: one object per document, then `{"summary": …}`.
    Jsonl,
    /// JUnit XML for CI: a test suite per document, a test case per field (failing with the
    /// missed and spurious items), and one suite of the floors.
    Junit,
    /// One self-contained HTML file: summary, texts side by side with the edits, fields.
    Html,
}

fn eval(args: EvalArgs) -> Result<ExitCode> {
    anyhow::ensure!(
        args.gold.is_dir(),
        "--gold {}: not a directory; give the directory holding NAME.gt.txt / NAME.gold.json",
        args.gold.display()
    );
    // Read the floors first: a malformed floors file should fail before minutes of scoring.
    let floors = match &args.floor {
        Some(p) => {
            let json =
                fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
            Some(Floors::from_json(&json).with_context(|| format!("{}", p.display()))?)
        }
        None => None,
    };
    let evaluated = evaluate_all(&args)?;
    let report = EvalReport::new(evaluated.iter().map(|e| e.score.clone()).collect());
    // Scoring nothing is a broken setup, not a pass: CI must not go green on a mistyped path.
    anyhow::ensure!(
        !report.has_no_gold(),
        "no gold found for any of the {} document(s) in --gold {}: expected NAME.gt.txt and/or \
         NAME.gold.json there, NAME being each input's file name without .txt (and .ocr)",
        report.summary.documents,
        args.gold.display()
    );
    let checks = floors.map(|f| f.check(&report)).unwrap_or_default();

    let body = match args.format {
        EvalFormat::Text => report.to_string(),
        EvalFormat::Json => report.to_json()?,
        EvalFormat::Jsonl => report.to_json_lines()?,
        EvalFormat::Junit => report::junit::render(&report, &checks),
        EvalFormat::Html => report::html::render(&report, &evaluated, &checks),
    };
    match &args.output {
        Some(p) => fs::write(p, body).with_context(|| format!("cannot write {}", p.display()))?,
        None => {
            let mut out = io::stdout().lock();
            out.write_all(body.as_bytes())?;
            out.flush()?;
        }
    }
    for name in &report.summary.without_gold {
        eprintln!(
            "svocr eval: {name}: no gold found in {}",
            args.gold.display()
        );
    }
    Ok(report_floors(&checks))
}

/// Runs and scores every input; the first input (in input order) that cannot be scored is the
/// error.
fn evaluate_all(args: &EvalArgs) -> Result<Vec<Evaluated>> {
    let opts = Options {
        repair: !args.input.no_repair,
        min_confidence: args.input.min_confidence,
    };
    let inputs = list_inputs(&args.input.paths);
    let batch = new_batch(args.input.threads)?;
    let mut evaluated = Vec::with_capacity(inputs.len());
    batch.map(
        &inputs,
        |input| evaluate_one(input, &args.gold, &opts),
        &(),
        |_, e| {
            evaluated.push(e?);
            anyhow::Ok(())
        },
    )?;
    Ok(evaluated)
}

fn evaluate_one(input: &Input, gold_dir: &Path, opts: &Options) -> Result<Evaluated> {
    let path = match &input.origin {
        batch::Origin::File(p) => p,
        batch::Origin::Unreadable(e) => anyhow::bail!("{e}"),
        batch::Origin::Stdin => anyhow::bail!(
            "{}: eval needs files (gold is found by file name)",
            input.source
        ),
    };
    let name =
        gold_name(path).with_context(|| format!("{}: no usable file name", path.display()))?;
    let gold = GoldFiles::load(gold_dir, &name)
        .with_context(|| format!("gold for {name} in {}", gold_dir.display()))?;
    let bytes = batch::read(input).map_err(|e| anyhow::anyhow!(e))?;
    Ok(evaluate(&input.source, &name, &bytes, &gold, opts))
}

/// Prints the floors not met and a count; exit code 1 when any is not.
fn report_floors(checks: &[FloorCheck]) -> ExitCode {
    let failed: Vec<_> = checks.iter().filter(|c| !c.passed()).collect();
    for c in &failed {
        eprintln!("svocr eval: {c}");
    }
    if !checks.is_empty() {
        eprintln!(
            "svocr eval: {} of {} floor(s) met",
            checks.len() - failed.len(),
            checks.len()
        );
    }
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn explain(args: ExplainArgs) -> Result<ExitCode> {
    let explanation = match (&args.file, &args.word) {
        (Some(path), _) => explain_in_file(path, &args)?,
        (None, Some(word)) => svocr::explain(word, args.context.as_deref()),
        (None, None) => anyhow::bail!("explain needs a WORD, or --file with --at or --line"),
    };
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &explanation)?;
        writeln!(out)?;
    } else {
        write!(out, "{explanation}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The explanation of the word of `path` that `--at` or `--line`/`--word` points at.
fn explain_in_file(path: &Path, args: &ExplainArgs) -> Result<svocr::Explanation> {
    anyhow::ensure!(
        args.context.is_none(),
        "--context is for a WORD alone; with --file the document is the context"
    );
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let opts = Options {
        repair: true,
        min_confidence: args.min_confidence,
    };
    let words =
        svocr::explain_document(&bytes, &opts).with_context(|| format!("{}", path.display()))?;
    let place = |e: &svocr::Explanation| e.place.map_or((0, 0, 0), |p| (p.start, p.end, p.line));
    match (args.at, args.line, &args.word_on_line) {
        (Some(at), _, _) => {
            if let Some(e) = words.iter().find(|e| {
                let (s, t, _) = place(e);
                s <= at && at < t
            }) {
                return Ok(e.clone());
            }
            let next = words.iter().find(|e| place(e).0 > at);
            anyhow::bail!(
                "{}: no word at character {at}{}",
                path.display(),
                next.map(|e| format!(" (the next is {:?} at {})", e.word, place(e).0))
                    .unwrap_or_default()
            )
        }
        (None, Some(line), Some(word)) => {
            let on_line: Vec<_> = words.iter().filter(|e| place(e).2 == line).collect();
            let found = on_line.iter().find(|e| e.word == *word).or_else(|| {
                on_line
                    .iter()
                    .find(|e| e.word.to_lowercase() == word.to_lowercase())
            });
            if let Some(e) = found {
                return Ok((*e).clone());
            }
            let there: Vec<&str> = on_line.iter().map(|e| e.word.as_str()).collect();
            anyhow::bail!(
                "{}: no {word:?} on line {line} (its words: {})",
                path.display(),
                if there.is_empty() {
                    "none".to_string()
                } else {
                    there.join(" ")
                }
            )
        }
        _ => anyhow::bail!("--file needs --at OFFSET, or --line N with --word W"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stdin() -> Input {
        batch::inputs(&[PathBuf::from("-")]).remove(0)
    }

    #[test]
    fn reading_a_terminal_is_announced_and_nothing_else_is() {
        assert!(stdin_notice(&[stdin()], true).is_some_and(|n| n.contains("standard input")));
        assert_eq!(stdin_notice(&[stdin()], false), None);
        let file = batch::inputs(&[PathBuf::from("a.txt")]);
        assert_eq!(stdin_notice(&file, true), None);
    }
}
