//! The `svocr` command line. The only place that prints, uses anyhow, or exits.
//!
//! Exit codes, as ripgrep's: 0 all documents ok; 1 a check failed (`--check` found a totals
//! mismatch, or an evaluation score fell under its floor); 2 an error (a document could not be
//! read, or a usage error). A closed output pipe ends the program quietly.

// The binary is the one place allowed to print; the lints keep the library silent.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fs;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use svocr::record::{Record, Status, TotalStatus};
use svocr::{Options, report};

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
    /// Show how a word would be repaired: its candidates, their costs and frequencies, the decision.
    Explain(ExplainArgs),
}

#[derive(clap::Args)]
struct ExplainArgs {
    /// The word as the OCR read it (`f6r`, `Forsikringskassan`).
    word: String,
    /// The sentence around it, which real-word decisions (`for` → `för`) depend on.
    #[arg(long, value_name = "TEXT")]
    context: Option<String>,
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

/// One document to process: where it comes from and its size for the progress bar.
struct Input {
    /// The path as it will appear in the record's `source`.
    source: String,
    /// `None` for standard input.
    path: Option<PathBuf>,
    /// Size in bytes, when known up front.
    size: u64,
    /// A problem found while listing (an unreadable directory).
    error: Option<String>,
}

/// Expands the command line's paths into documents, in order: directories are walked
/// recursively and their `*.txt` files sorted by path.
fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input {
                source: "-".to_string(),
                path: None,
                size: 0,
                error: None,
            });
        } else if p.is_dir() {
            walk(p, &mut inputs);
        } else {
            inputs.push(file_input(p));
        }
    }
    inputs
}

fn file_input(p: &Path) -> Input {
    Input {
        source: p.display().to_string(),
        path: Some(p.to_path_buf()),
        size: fs::metadata(p).map(|m| m.len()).unwrap_or(0),
        error: None,
    }
}

fn walk(dir: &Path, out: &mut Vec<Input>) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Input {
                source: dir.display().to_string(),
                path: None,
                size: 0,
                error: Some(format!("{}: cannot list directory: {e}", dir.display())),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        // Symbolic links to directories are not followed (no cycles); links to files, broken or
        // not, are documents like any other so that a broken one is reported, not skipped.
        let is_real_dir = fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir());
        if is_real_dir {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(file_input(&p));
        }
    }
}

/// Reads and processes one document; never fails, an unreadable one gives an error record.
fn process_input(input: &Input, opts: &Options) -> Record {
    if let Some(e) = &input.error {
        return Record::error(&input.source, e.clone());
    }
    let bytes = match &input.path {
        Some(p) => fs::read(p).map_err(|e| read_error(p, e)),
        None => {
            let mut buf = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map(|_| buf)
                .map_err(|e| format!("standard input: cannot read: {e}"))
        }
    };
    match bytes {
        Ok(b) => svocr::process_owned(&input.source, b, opts),
        Err(msg) => Record::error(&input.source, msg),
    }
}

fn read_error(p: &Path, e: io::Error) -> String {
    let broken_link =
        fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()) && !p.exists();
    if broken_link {
        let target = fs::read_link(p)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        format!(
            "{}: cannot read: broken symbolic link (its target `{target}` does not exist)",
            p.display()
        )
    } else if p.is_dir() {
        format!("{}: cannot read: is a directory", p.display())
    } else {
        format!("{}: cannot read: {e}", p.display())
    }
}

/// Tallies for the closing summary line.
#[derive(Default)]
struct Summary {
    ok: usize,
    failed: usize,
    totals_ok: usize,
    mismatch: usize,
    unresolved: usize,
}

impl Summary {
    fn add(&mut self, r: &Record) {
        match r.status {
            Status::Ok => self.ok += 1,
            Status::Error => self.failed += 1,
        }
        for t in r.totals.iter().flatten() {
            match t.status {
                TotalStatus::Ok => self.totals_ok += 1,
                TotalStatus::Mismatch => self.mismatch += 1,
                TotalStatus::Unresolved => self.unresolved += 1,
            }
        }
    }
}

fn run(args: RunArgs) -> Result<ExitCode> {
    let start = Instant::now();
    let opts = Options {
        repair: !args.input.no_repair,
        min_confidence: args.input.min_confidence,
    };
    let inputs = collect_inputs(&args.input.paths);
    let pool = thread_pool(args.input.threads)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let progress = progress_bar(&inputs);
    let mut summary = Summary::default();
    let done = AtomicUsize::new(0);
    // Documents are processed a window at a time, so memory stays bounded by the window however
    // long the batch, and records are written in input order as each window completes.
    let window = pool.current_num_threads() * 4;
    for chunk in inputs.chunks(window) {
        let records: Vec<Record> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let r = process_input(input, &opts);
                    progress.inc(input.size);
                    let done = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress.set_message(format!("{done}/{} documents", inputs.len()));
                    r
                })
                .collect()
        });
        for r in &records {
            summary.add(r);
            match args.format {
                Format::Jsonl => report::jsonl::write_record(&mut out, r)?,
                Format::Text => report::text::write_record(&mut out, r)?,
            }
        }
    }
    out.flush()?;
    progress.finish_and_clear();
    eprintln!(
        "svocr: {} document(s): {} ok, {} failed; totals: {} ok, {} mismatch, {} unresolved; {:.2} s",
        summary.ok + summary.failed,
        summary.ok,
        summary.failed,
        summary.totals_ok,
        summary.mismatch,
        summary.unresolved,
        start.elapsed().as_secs_f64()
    );
    Ok(if summary.failed > 0 {
        ExitCode::from(2)
    } else if args.check && summary.mismatch > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        anyhow::ensure!(n > 0, "-j must be at least 1");
        b = b.num_threads(n);
    }
    b.build().context("cannot start worker threads")
}

/// A bar over the bytes to read, drawn only when stderr is a terminal.
fn progress_bar(inputs: &[Input]) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
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
    bar
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
    /// One JSON object per document, then a summary object.
    Json,
    /// One self-contained HTML file: summary, texts side by side with the edits, fields.
    Html,
}

fn eval(args: EvalArgs) -> Result<ExitCode> {
    use svocr::eval::{EvalReport, Evaluated, Floors, GoldFiles, evaluate, gold_name};

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
    let opts = Options {
        repair: !args.input.no_repair,
        min_confidence: args.input.min_confidence,
    };
    let inputs = collect_inputs(&args.input.paths);
    let pool = thread_pool(args.input.threads)?;
    let evaluated: Vec<Result<Evaluated>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let path = input.path.as_deref().with_context(|| {
                    input.error.clone().unwrap_or_else(|| {
                        format!(
                            "{}: eval needs files (gold is found by file name)",
                            input.source
                        )
                    })
                })?;
                let name = gold_name(path)
                    .with_context(|| format!("{}: no usable file name", path.display()))?;
                let gold = GoldFiles::load(&args.gold, &name)
                    .with_context(|| format!("gold for {name} in {}", args.gold.display()))?;
                let bytes = fs::read(path).map_err(|e| anyhow::anyhow!(read_error(path, e)))?;
                Ok(evaluate(&input.source, &name, &bytes, &gold, &opts))
            })
            .collect()
    });
    let evaluated: Vec<Evaluated> = evaluated.into_iter().collect::<Result<_>>()?;
    let report = EvalReport::new(evaluated.iter().map(|e| e.score.clone()).collect());
    let checks = floors.map(|f| f.check(&report)).unwrap_or_default();

    let body = match args.format {
        EvalFormat::Text => report.to_string(),
        EvalFormat::Json => report.to_json_lines()?,
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
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn explain(args: ExplainArgs) -> Result<ExitCode> {
    let explanation = svocr::repair::explain(&args.word, args.context.as_deref());
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &explanation)?;
        writeln!(out)?;
    } else {
        write!(out, "{explanation}")?;
    }
    Ok(ExitCode::SUCCESS)
}
