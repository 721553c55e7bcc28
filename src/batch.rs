//! Batches: many documents, processed in parallel, delivered in input order.
//!
//! In: paths as a user gives them (files, directories, `-` for standard input) and [`Options`].
//! Out: the documents as [`Input`]s ([`inputs`]), then one [`Record`] per input handed to the
//! caller's sink in input order ([`Batch::run`]), with a [`Summary`] of what happened. A document
//! that cannot be listed or read (a broken symbolic link or a link loop, a FIFO or socket met in a
//! directory, binary data) becomes an error record; the batch goes on. Nothing here blocks on a
//! file the user did not name: a FIFO found by walking a directory is reported, not opened (one
//! named explicitly is read as a stream, as `cat` would).
//!
//! Documents are worked on by a thread pool, each worker taking the next input as soon as it is
//! free; the calling thread puts the results back in input order and writes them meanwhile. At
//! most a window of results waits to be written, so memory stays bounded however long the batch,
//! and the output is the same whatever the number of threads. [`Batch::map`] must not be called
//! from one of the batch's own workers. [`Batch::stop_when`] takes a flag (set by a Ctrl-C handler,
//! say) that is checked between documents: a stopped batch has delivered a prefix of the inputs,
//! each record whole.
//!
//! Shared by the command line and language bindings. Deliberately not done here: printing,
//! progress bars or exit codes. Progress is reported through [`Progress`], which the caller
//! implements; the closing summary line and the exit code are the caller's.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};

use crate::record::{Record, Status, TotalStatus};
use crate::{Options, process_owned};

/// One document to process: where it comes from and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as it will appear in the record's `source`.
    pub source: String,
    /// Where the bytes are read from.
    pub origin: Origin,
    /// Size in bytes when known up front (for progress), else 0.
    pub size: u64,
}

/// Where an [`Input`]'s bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Standard input (the path `-`).
    Stdin,
    /// A file, or a symbolic link to one (possibly broken: reading it then gives the error).
    File(PathBuf),
    /// Known to be unreadable before it is opened: a directory that could not be listed, or a
    /// directory entry that is not a regular file (a FIFO, a socket, a device). The message says
    /// why.
    Unreadable(String),
}

impl Input {
    /// The file to read, for inputs that are files.
    pub fn path(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(p) => Some(p),
            Origin::Stdin | Origin::Unreadable(_) => None,
        }
    }
}

/// Expands paths into documents, in order: `-` is standard input, a directory (whatever its name,
/// `x.txt/` included) is walked recursively for its `*.txt` and `*.pdf` files (the extension in
/// any case, `*.TXT` too), sorted by path, and anything else is a file.
///
/// Symbolic links to directories are not followed (no cycles); links to files, broken or not, are
/// documents like any other, so that a broken one is reported rather than skipped. A `*.txt` or
/// `*.pdf` entry that is not a regular file (a FIFO, a socket, a device) is an error input: opening a FIFO
/// nobody writes to would block the whole batch.
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input {
                source: "-".to_string(),
                origin: Origin::Stdin,
                size: 0,
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
        origin: Origin::File(p.to_path_buf()),
        size: fs::metadata(p).map(|m| m.len()).unwrap_or(0),
    }
}

fn walk(dir: &Path, out: &mut Vec<Input>) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Input {
                source: dir.display().to_string(),
                origin: Origin::Unreadable(format!(
                    "{}: cannot list directory: {e}",
                    dir.display()
                )),
                size: 0,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let is_real_dir = fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir());
        if is_real_dir {
            walk(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("txt") || x.eq_ignore_ascii_case("pdf"))
        {
            out.push(match special_kind(&p) {
                Some(kind) => Input {
                    source: p.display().to_string(),
                    origin: Origin::Unreadable(format!(
                        "{}: not a regular file ({kind}); name it explicitly to read it as a stream",
                        p.display()
                    )),
                    size: 0,
                },
                None => file_input(&p),
            });
        }
    }
}

/// What `p` (its links followed) is when it is neither a regular file nor a directory: `a FIFO`,
/// `a socket`, `a device`. `None` for files, directories and paths that cannot be looked at (their
/// read gives the error).
fn special_kind(p: &Path) -> Option<&'static str> {
    let t = fs::metadata(p).ok()?.file_type();
    if t.is_file() || t.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// Whether `p` is a symbolic link whose chain of targets never ends: it comes back to a link
/// already seen, or goes on longer than any system follows (40 links on Linux).
fn is_link_loop(p: &Path) -> bool {
    let mut seen = std::collections::HashSet::new();
    let mut link = p.to_path_buf();
    for _ in 0..40 {
        let Ok(target) = fs::read_link(&link) else {
            return false;
        };
        let next = link.parent().unwrap_or(Path::new("")).join(target);
        if !seen.insert(next.clone()) {
            return true;
        }
        link = next;
    }
    true
}

/// Reads an input's bytes. The error is a message that names the input and says what went wrong
/// (`a.txt: cannot read: broken symbolic link (its target `b.txt` does not exist)`).
pub fn read(input: &Input) -> Result<Vec<u8>, String> {
    match &input.origin {
        Origin::File(p) => fs::read(p).map_err(|e| read_error(p, &e)),
        Origin::Stdin => {
            let mut buf = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map(|_| buf)
                .map_err(|e| format!("standard input: cannot read: {e}"))
        }
        Origin::Unreadable(e) => Err(e.clone()),
    }
}

/// The message for a file that could not be read: link loops, broken links, directories and
/// special files are named as such, since the system's own message ("No such file or directory",
/// "No such device or address") would mislead.
fn read_error(p: &Path, e: &io::Error) -> String {
    let is_link = fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && fs::metadata(p).is_err() && is_link_loop(p) {
        format!(
            "{}: cannot read: symbolic link loop (following its targets leads back to a link \
             already followed)",
            p.display()
        )
    } else if is_link && !p.exists() {
        let target = fs::read_link(p)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        format!(
            "{}: cannot read: broken symbolic link (its target `{target}` does not exist)",
            p.display()
        )
    } else if p.is_dir() {
        format!("{}: cannot read: is a directory", p.display())
    } else if let Some(kind) = special_kind(p) {
        format!(
            "{}: cannot read: not a regular file ({kind}): {e}",
            p.display()
        )
    } else {
        format!("{}: cannot read: {e}", p.display())
    }
}

/// Reads and processes one document; never fails: an unreadable one gives an error record.
pub fn process_input(input: &Input, opts: &Options) -> Record {
    match read(input) {
        Ok(bytes) => process_owned(&input.source, bytes, opts),
        Err(msg) => Record::error(&input.source, msg),
    }
}

/// Told about each document as it is finished, for a progress bar. Implementations must be cheap:
/// they are called from the worker threads.
pub trait Progress: Sync {
    /// `input` is finished; `done` of `total` documents are. Calls come in completion order, not
    /// input order.
    fn document_done(&self, input: &Input, done: usize, total: usize);
}

/// No progress reporting.
impl Progress for () {
    fn document_done(&self, _: &Input, _: usize, _: usize) {}
}

/// Whether a batch went through all its inputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Completion {
    /// Every input was delivered.
    #[default]
    All,
    /// The stop flag was set: only the first `delivered` inputs were.
    Stopped {
        /// How many inputs were delivered, in input order.
        delivered: usize,
    },
}

/// Tallies over the records of a batch, for a closing summary and the exit code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Records with `status: ok`.
    pub ok: usize,
    /// Error records (unreadable or binary documents).
    pub failed: usize,
    /// Totals that reconcile.
    pub totals_ok: usize,
    /// Totals that do not match their parts.
    pub mismatch: usize,
    /// Totals whose parts could not be found.
    pub unresolved: usize,
    /// Whether the batch ran to the end.
    pub completion: Completion,
}

impl Summary {
    /// Counts one record.
    pub fn add(&mut self, r: &Record) {
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

    /// Documents counted.
    pub fn documents(&self) -> usize {
        self.ok + self.failed
    }

    /// Adds the counts of a later part of the same batch (the rest of a resumed run), whose
    /// completion becomes this one's.
    pub fn append(&mut self, later: &Summary) {
        self.ok += later.ok;
        self.failed += later.failed;
        self.totals_ok += later.totals_ok;
        self.mismatch += later.mismatch;
        self.unresolved += later.unresolved;
        self.completion = later.completion;
    }
}

/// A thread pool for batches, and the flag that stops them.
#[derive(Debug)]
pub struct Batch {
    pool: rayon::ThreadPool,
    stop: Option<Arc<AtomicBool>>,
}

impl Batch {
    /// A pool of `threads` workers; `None` (or 0) for one per core.
    pub fn new(threads: Option<usize>) -> Result<Batch, rayon::ThreadPoolBuildError> {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = threads {
            b = b.num_threads(n);
        }
        Ok(Batch {
            pool: b.build()?,
            stop: None,
        })
    }

    /// Stops batches once `flag` is set: no document is started after that, and the records
    /// delivered are those of the inputs before the first one not finished.
    pub fn stop_when(mut self, flag: Arc<AtomicBool>) -> Batch {
        self.stop = Some(flag);
        self
    }

    fn stopped(&self) -> bool {
        self.stop
            .as_ref()
            .is_some_and(|f| f.load(Ordering::Relaxed))
    }

    /// Runs the pipeline on every input and hands the records to `sink` in input order. An error
    /// from the sink (a closed output) ends the batch and is returned.
    pub fn run<E>(
        &self,
        inputs: &[Input],
        opts: &Options,
        progress: &dyn Progress,
        mut sink: impl FnMut(&Record) -> Result<(), E>,
    ) -> Result<Summary, E> {
        let mut summary = Summary::default();
        let completion = self.map(
            inputs,
            |input| process_input(input, opts),
            progress,
            |_, record| {
                summary.add(&record);
                sink(&record)
            },
        )?;
        summary.completion = completion;
        Ok(summary)
    }

    /// Applies `work` to every input in parallel and hands the results to `sink` in input order.
    /// An error from the sink ends the batch and is returned.
    ///
    /// The workers take inputs one after another and never wait for each other: the calling
    /// thread puts their results back in order and runs the sink meanwhile, so writing records
    /// overlaps with processing. A worker starts input `i` only once every input before
    /// `i − window` has been delivered, so at most `window` results wait in memory however long
    /// one document takes.
    pub fn map<T: Send, E>(
        &self,
        inputs: &[Input],
        work: impl Fn(&Input) -> T + Sync,
        progress: &dyn Progress,
        mut sink: impl FnMut(&Input, T) -> Result<(), E>,
    ) -> Result<Completion, E> {
        let threads = self.pool.current_num_threads();
        let window = threads * WINDOW_PER_THREAD;
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        // How many results the sink has taken, and whether the batch ends early; workers wait on
        // it when they are `window` inputs ahead.
        let gate = Mutex::new(Gate {
            delivered: 0,
            ended: false,
        });
        let moved = Condvar::new();
        let (tx, rx) = mpsc::channel::<(usize, Option<T>)>();
        let (work, next, done, gate, moved) = (&work, &next, &done, &gate, &moved);
        self.pool.in_place_scope(|scope| {
            for _ in 0..threads {
                let tx = tx.clone();
                scope.spawn(move |_| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(i) else {
                            break;
                        };
                        if !wait_for_room(gate, moved, i, window) {
                            break;
                        }
                        let result = (!self.stopped()).then(|| {
                            let result = work(input);
                            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                            progress.document_done(input, n, inputs.len());
                            result
                        });
                        if tx.send((i, result)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let outcome = deliver(inputs, &rx, &mut sink, gate, moved);
            // Whatever ended the delivery, no worker may wait on the gate for ever.
            end(gate, moved);
            drop(rx);
            outcome
        })
    }
}

/// Results in flight per worker thread: enough that a slow document rarely stalls the others.
const WINDOW_PER_THREAD: usize = 16;

/// What [`Batch::map`]'s workers wait on.
struct Gate {
    delivered: usize,
    ended: bool,
}

/// Blocks until input `i` is within `window` of the first undelivered one; `false` when the batch
/// has ended instead.
fn wait_for_room(gate: &Mutex<Gate>, moved: &Condvar, i: usize, window: usize) -> bool {
    let Ok(mut g) = gate.lock() else {
        return false;
    };
    while !g.ended && i >= g.delivered + window {
        g = match moved.wait(g) {
            Ok(g) => g,
            Err(_) => return false,
        };
    }
    !g.ended
}

/// Marks the batch ended and wakes every waiting worker.
fn end(gate: &Mutex<Gate>, moved: &Condvar) {
    if let Ok(mut g) = gate.lock() {
        g.ended = true;
    }
    moved.notify_all();
}

/// Receives the workers' results, puts them in input order and hands them to `sink`, until every
/// input is delivered, one was skipped because the batch was stopped, or the sink fails.
fn deliver<T, E>(
    inputs: &[Input],
    rx: &mpsc::Receiver<(usize, Option<T>)>,
    sink: &mut impl FnMut(&Input, T) -> Result<(), E>,
    gate: &Mutex<Gate>,
    moved: &Condvar,
) -> Result<Completion, E> {
    let mut waiting: BTreeMap<usize, Option<T>> = BTreeMap::new();
    let mut delivered = 0;
    while delivered < inputs.len() {
        let Ok((i, result)) = rx.recv() else {
            // Every worker has gone without delivering the rest: only a stop does that.
            return Ok(Completion::Stopped { delivered });
        };
        waiting.insert(i, result);
        while let Some(result) = waiting.remove(&delivered) {
            let Some(result) = result else {
                return Ok(Completion::Stopped { delivered });
            };
            sink(&inputs[delivered], result)?;
            delivered += 1;
        }
        if let Ok(mut g) = gate.lock() {
            g.delivered = delivered;
        }
        moved.notify_all();
    }
    Ok(Completion::All)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scratch directory removed on drop.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let dir =
                std::env::temp_dir().join(format!("svocr-batch-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            Scratch(dir)
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn sources(inputs: &[Input]) -> Vec<String> {
        inputs.iter().map(|i| i.source.clone()).collect()
    }

    #[test]
    fn directories_are_walked_for_txt_files_in_sorted_order() {
        let s = Scratch::new("walk");
        fs::create_dir_all(s.0.join("b")).unwrap();
        for f in ["c.txt", "a.txt", "b/z.txt", "notes.md"] {
            fs::write(s.0.join(f), "text").unwrap();
        }
        let listed = inputs(&[s.0.clone(), PathBuf::from("-")]);
        let root = s.0.display().to_string();
        assert_eq!(
            sources(&listed),
            [
                format!("{root}/a.txt"),
                format!("{root}/b/z.txt"),
                format!("{root}/c.txt"),
                "-".to_string()
            ]
        );
        assert_eq!(listed[0].size, 4);
        assert_eq!(listed[3].origin, Origin::Stdin);
    }

    #[cfg(unix)]
    #[test]
    fn a_broken_link_is_an_error_record_that_names_it() {
        let s = Scratch::new("link");
        std::os::unix::fs::symlink(s.0.join("gone.txt"), s.0.join("link.txt")).unwrap();
        let listed = inputs(std::slice::from_ref(&s.0));
        assert_eq!(listed.len(), 1);
        let r = process_input(&listed[0], &Options::default());
        assert_eq!(r.status, Status::Error);
        let msg = r.error.unwrap_or_default();
        assert!(msg.contains("broken symbolic link"), "{msg}");
        assert!(msg.contains("gone.txt"), "{msg}");
    }

    #[test]
    fn txt_matching_ignores_case_and_a_directory_is_walked_whatever_its_name() {
        let s = Scratch::new("names");
        fs::create_dir_all(s.0.join("x.txt")).unwrap();
        for f in ["A.TXT", "b.Txt", "x.txt/c.txt", "d.txt.md"] {
            fs::write(s.0.join(f), "text").unwrap();
        }
        let root = s.0.display().to_string();
        assert_eq!(
            sources(&inputs(std::slice::from_ref(&s.0))),
            [
                format!("{root}/A.TXT"),
                format!("{root}/b.Txt"),
                format!("{root}/x.txt/c.txt")
            ]
        );
        // Named as a path, a directory called `x.txt` is walked, not read as a file.
        assert_eq!(
            sources(&inputs(&[s.0.join("x.txt")])),
            [format!("{root}/x.txt/c.txt")]
        );
    }

    /// The one record for the single `*.txt` entry of a directory holding `make(dir/name)`.
    #[cfg(unix)]
    fn record_of_entry(name: &str, make: impl FnOnce(&Path)) -> Record {
        let s = Scratch::new(name);
        make(&s.0.join(format!("{name}.txt")));
        let listed = inputs(std::slice::from_ref(&s.0));
        assert_eq!(listed.len(), 1, "{listed:?}");
        process_input(&listed[0], &Options::default())
    }

    #[track_caller]
    fn assert_error(r: &Record, expected: &str) {
        assert_eq!(r.status, Status::Error);
        let msg = r.error.as_deref().unwrap_or_default();
        assert!(msg.contains(expected), "{msg}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_a_directory_is_an_error_record_not_a_hang() {
        let r = record_of_entry("fifo", |p| {
            let made = std::process::Command::new("mkfifo")
                .arg(p)
                .status()
                .unwrap();
            assert!(made.success());
        });
        assert_error(&r, "not a regular file (a FIFO)");
    }

    #[cfg(unix)]
    #[test]
    fn a_socket_in_a_directory_is_an_error_record() {
        let mut listener = None;
        let r = record_of_entry("socket", |p| {
            listener = Some(std::os::unix::net::UnixListener::bind(p).unwrap());
        });
        assert_error(&r, "not a regular file (a socket)");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_linked_from_a_directory_is_an_error_record() {
        let r = record_of_entry("device", |p| {
            std::os::unix::fs::symlink("/dev/null", p).unwrap();
        });
        assert_error(&r, "not a regular file (a device)");
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_link_loops_are_reported_as_loops() {
        let itself = record_of_entry("self", |p| std::os::unix::fs::symlink(p, p).unwrap());
        assert_error(&itself, "symbolic link loop");
        let two = record_of_entry("two", |p| {
            let other = p.with_file_name("other");
            std::os::unix::fs::symlink(&other, p).unwrap();
            std::os::unix::fs::symlink(p.file_name().unwrap(), other).unwrap();
        });
        assert_error(&two, "symbolic link loop");
        // A chain that ends is not a loop, even when its end is missing.
        let broken = record_of_entry("chain", |p| {
            let other = p.with_file_name("other");
            std::os::unix::fs::symlink(&other, p).unwrap();
            std::os::unix::fs::symlink("gone", other).unwrap();
        });
        assert_error(&broken, "broken symbolic link");
    }

    #[test]
    fn appended_summaries_add_up_and_end_as_the_later_part() {
        let mut first = Summary {
            ok: 2,
            failed: 1,
            totals_ok: 3,
            ..Summary::default()
        };
        let later = Summary {
            ok: 1,
            mismatch: 1,
            completion: Completion::Stopped { delivered: 1 },
            ..Summary::default()
        };
        first.append(&later);
        assert_eq!(
            (first.documents(), first.totals_ok, first.mismatch),
            (4, 3, 1)
        );
        assert_eq!(first.completion, Completion::Stopped { delivered: 1 });
    }

    /// `n` inputs named `0`, `1`, … that are read from nowhere.
    fn numbered(n: usize) -> Vec<Input> {
        (0..n)
            .map(|i| Input {
                source: i.to_string(),
                origin: Origin::Unreadable(String::new()),
                size: 0,
            })
            .collect()
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        let many = numbered(50);
        for threads in [1, 3] {
            let batch = Batch::new(Some(threads)).unwrap();
            let mut seen = Vec::new();
            let completion = batch.map(
                &many,
                |i| i.source.parse::<usize>().unwrap(),
                &(),
                |_, n| {
                    seen.push(n);
                    Ok::<_, ()>(())
                },
            );
            assert_eq!(completion, Ok(Completion::All));
            assert_eq!(seen, (0..50).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_set_stop_flag_delivers_a_prefix_and_says_so() {
        let many = numbered(50);
        let flag = Arc::new(AtomicBool::new(false));
        let batch = Batch::new(Some(2)).unwrap().stop_when(flag.clone());
        let mut seen = Vec::new();
        let completion = batch.map(
            &many,
            |i| i.source.parse::<usize>().unwrap(),
            &(),
            |_, n| {
                seen.push(n);
                if n == 10 {
                    flag.store(true, Ordering::Relaxed);
                }
                Ok::<_, ()>(())
            },
        );
        let Ok(Completion::Stopped { delivered }) = completion else {
            panic!("{completion:?}");
        };
        assert!(delivered > 10 && delivered < 50, "{delivered}");
        assert_eq!(seen, (0..delivered).collect::<Vec<_>>());
    }

    #[test]
    fn a_sink_error_ends_the_batch() {
        let one = inputs(&[PathBuf::from("does-not-exist.txt")]);
        let batch = Batch::new(Some(1)).unwrap();
        let result = batch.run(&one, &Options::default(), &(), |_| Err("closed"));
        assert_eq!(result, Err("closed"));
        let summary = batch
            .run(&one, &Options::default(), &(), |_| Ok::<_, ()>(()))
            .unwrap();
        assert_eq!((summary.ok, summary.failed), (0, 1));
        assert_eq!(summary.completion, Completion::All);
    }

    /// Inputs that finish out of order (early ones slowest) still reach the sink in order, with
    /// never more than the window waiting, and a failing sink stops the workers.
    #[test]
    fn results_reach_the_sink_in_input_order_whatever_finishes_first() {
        let paths: Vec<PathBuf> = (0..200)
            .map(|i| PathBuf::from(format!("{i}.txt")))
            .collect();
        let all = inputs(&paths);
        let batch = Batch::new(Some(2)).unwrap();
        let started = AtomicUsize::new(0);
        let work = |input: &Input| {
            started.fetch_add(1, Ordering::Relaxed);
            let i: u64 = input.source.trim_end_matches(".txt").parse().unwrap();
            std::thread::sleep(std::time::Duration::from_micros((200 - i) * 20));
            i
        };
        let mut seen = Vec::new();
        let done = batch.map(&all, work, &(), |_, i| {
            seen.push(i);
            Ok::<_, ()>(())
        });
        assert_eq!(done, Ok(Completion::All));
        assert_eq!(seen, (0..200).collect::<Vec<u64>>());

        started.store(0, Ordering::Relaxed);
        let mut delivered = 0;
        let failed = batch.map(&all, work, &(), |_, _| {
            delivered += 1;
            if delivered == 10 { Err("full") } else { Ok(()) }
        });
        assert_eq!(failed, Err("full"));
        let window = 2 * WINDOW_PER_THREAD;
        assert!(started.load(Ordering::Relaxed) <= 10 + window + 2);
    }
}
