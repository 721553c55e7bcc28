//! The native module `svocr._svocr` behind the Python package `svocr` (python/svocr re-exports it
//! and carries the type stubs).
//!
//! In: documents as Python `bytes` or `str`, with the options of `svocr run`. Out: each
//! document's record as the `dict` that `json.loads` gives for the line `svocr run --format jsonl`
//! writes for it. The record is written by the CLI's own writer
//! ([`svocr::report::jsonl::write_record`]) and read back by Python's `json`, so the two cannot
//! drift apart whatever fields a record gains; parsing costs a few per cent of the pipeline.
//!
//! A document that cannot be read (binary data) is an error record, as on the command line; only
//! arguments of the wrong type (`TypeError`) or out of range (`ValueError`) raise. Work on the
//! documents runs with the GIL released, `process_many` on a rayon pool of its own, so other Python
//! threads go on meanwhile. Deliberately not here: reading files or walking directories (Python
//! does that well), progress bars, and evaluation against gold.

use std::borrow::Cow;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyInt, PyList, PyString, PyTuple};
use rayon::prelude::*;
use svocr::Options;

/// The type name of `x` for messages (`int`, `NoneType`).
fn type_name(x: &Bound<'_, PyAny>) -> String {
    x.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// A document's bytes: `bytes` as they are, `str` as UTF-8 (what a file holding that text
/// would contain). Unpaired surrogates, which no file can hold, become U+FFFD.
fn document(data: &Bound<'_, PyAny>, what: impl FnOnce() -> String) -> PyResult<Vec<u8>> {
    if let Ok(b) = data.cast::<PyBytes>() {
        Ok(b.as_bytes().to_vec())
    } else if let Ok(s) = data.cast::<PyString>() {
        Ok(s.to_string_lossy().into_owned().into_bytes())
    } else {
        Err(PyTypeError::new_err(format!(
            "{} must be bytes or str, not {}",
            what(),
            type_name(data)
        )))
    }
}

/// A `str` argument, for sources.
fn text<'a>(x: &'a Bound<'_, PyAny>, what: impl FnOnce() -> String) -> PyResult<Cow<'a, str>> {
    match x.cast::<PyString>() {
        Ok(s) => Ok(s.to_string_lossy()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{} must be str, not {}",
            what(),
            type_name(x)
        ))),
    }
}

/// The pipeline's options from the keyword arguments, checked as `svocr run` checks its flags.
fn options(
    func: &str,
    repair: &Bound<'_, PyAny>,
    min_confidence: &Bound<'_, PyAny>,
) -> PyResult<Options> {
    let repair = match repair.cast::<PyBool>() {
        Ok(b) => b.is_true(),
        Err(_) => {
            return Err(PyTypeError::new_err(format!(
                "{func}(): repair must be bool, not {}",
                type_name(repair)
            )));
        }
    };
    // `True` is an int to Python, but a threshold of `True` is a mistake, not 1.0.
    let is_number = !min_confidence.is_instance_of::<PyBool>()
        && (min_confidence.is_instance_of::<PyFloat>() || min_confidence.is_instance_of::<PyInt>());
    if !is_number {
        return Err(PyTypeError::new_err(format!(
            "{func}(): min_confidence must be float, not {}",
            type_name(min_confidence)
        )));
    }
    let min_confidence: f64 = min_confidence.extract()?;
    if !(0.0..=1.0).contains(&min_confidence) {
        return Err(PyValueError::new_err(format!(
            "{func}(): min_confidence must be from 0 to 1, not {min_confidence}"
        )));
    }
    Ok(Options {
        repair,
        min_confidence,
    })
}

/// The line `svocr run --format jsonl` writes for this document (newline included: `json.loads`
/// skips it).
fn record_line(source: &str, bytes: Vec<u8>, opts: &Options) -> Result<String, String> {
    let record = svocr::process_owned(source, bytes, opts);
    let mut line = Vec::new();
    svocr::report::jsonl::write_record(&mut line, &record)
        .map_err(|e| format!("{source}: cannot write the record: {e}"))?;
    String::from_utf8(line).map_err(|e| format!("{source}: the record is not UTF-8: {e}"))
}

/// Python's `json.loads` on each line, in order.
fn parse_lines<'py>(
    py: Python<'py>,
    lines: impl IntoIterator<Item = Result<String, String>>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let loads = py.import("json")?.getattr("loads")?;
    lines
        .into_iter()
        .map(|line| {
            let line = line.map_err(PyRuntimeError::new_err)?;
            loads.call1((line,))
        })
        .collect()
}

/// Repairs one document and extracts its fields; returns its record as a dict.
///
/// The dict is exactly what ``json.loads`` gives for the line ``svocr run --format jsonl``
/// writes for the same input and options: same keys, same values (amounts with öre are floats
/// whose ``repr`` is the exact decimal). ``data`` is the document's bytes (any encoding ``svocr run``
/// reads) or its text; ``source`` names it in the record. A document that cannot be read (binary
/// data) gives a record with ``status: "error"`` and the reason in ``error``; it never raises.
///
/// Raises TypeError for arguments of the wrong type and ValueError for ``min_confidence`` outside
/// 0..1. The GIL is released while the document is processed.
#[pyfunction]
#[pyo3(
    signature = (data, source = None, *, repair = None, min_confidence = None),
    text_signature = "(data, source='-', *, repair=True, min_confidence=0.5)"
)]
fn process<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    source: Option<&Bound<'py, PyAny>>,
    repair: Option<&Bound<'py, PyAny>>,
    min_confidence: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options_or_default(py, "process", repair, min_confidence)?;
    let bytes = document(data, || "process(): data".to_string())?;
    let source = match source {
        Some(s) => text(s, || "process(): source".to_string())?.into_owned(),
        None => "-".to_string(),
    };
    let line = py.detach(|| record_line(&source, bytes, &opts));
    let mut parsed = parse_lines(py, [line])?;
    parsed
        .pop()
        .ok_or_else(|| PyRuntimeError::new_err("no record"))
}

/// [`options`] with the CLI's defaults for the keywords not given.
fn options_or_default<'py>(
    py: Python<'py>,
    func: &str,
    repair: Option<&Bound<'py, PyAny>>,
    min_confidence: Option<&Bound<'py, PyAny>>,
) -> PyResult<Options> {
    let defaults = Options::default();
    let repair = match repair {
        Some(r) => r.clone(),
        None => PyBool::new(py, defaults.repair).to_owned().into_any(),
    };
    let min_confidence = match min_confidence {
        Some(m) => m.clone(),
        None => PyFloat::new(py, defaults.min_confidence).into_any(),
    };
    options(func, &repair, &min_confidence)
}

/// Processes many documents in parallel; returns their records in input order.
///
/// ``items`` is an iterable of ``(source, data)`` pairs (tuples or lists; ``data`` bytes or str,
/// as for ``process``). Each record is what ``process(data, source, ...)`` returns, and the list
/// is the same whatever the number of threads. The documents are read from ``items`` first (with
/// the GIL), then processed with the GIL released on a pool of ``threads`` workers (``None``:
/// one per core) while the calling thread turns finished records into dicts; ``threads=1`` runs
/// everything on the calling thread, one document after another, so a one-core process (a
/// Spark executor with one core) keeps to one core. ``repair`` and ``min_confidence`` are as
/// for ``process``.
///
/// Raises TypeError when an item is not a (str, bytes | str) pair or an option has the wrong
/// type, ValueError for ``threads < 1`` or ``min_confidence`` outside 0..1. Bad documents give
/// error records, never exceptions.
#[pyfunction]
#[pyo3(
    signature = (items, *, threads = None, repair = None, min_confidence = None),
    text_signature = "(items, *, threads=None, repair=True, min_confidence=0.5)"
)]
fn process_many<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
    repair: Option<&Bound<'py, PyAny>>,
    min_confidence: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let opts = options_or_default(py, "process_many", repair, min_confidence)?;
    let threads = thread_count(threads)?;
    let iter = items.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "process_many(): items must be an iterable of (source, data) pairs, not {}",
            type_name(items)
        ))
    })?;
    let mut docs = Vec::new();
    for (i, item) in iter.enumerate() {
        docs.push(pair(&item?, i)?);
    }
    if threads == Some(1) {
        // One thread means the calling thread alone (a one-core Spark executor must not get
        // two busy threads): each document with the GIL released, then its record parsed.
        let lines = docs
            .into_iter()
            .map(|(source, bytes)| py.detach(|| record_line(&source, bytes, &opts)));
        return PyList::new(py, parse_lines(py, lines)?);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("process_many(): no thread pool: {e}")))?;
    let n = docs.len();
    // The workers send each record's line as it is done, and this thread parses the lines with
    // Python's json as they arrive, while the workers go on: parsing needs the GIL and is ~10 %
    // of the work, so done after the batch it would cap two threads at about 1.65×.
    let (tx, rx) = mpsc::channel();
    pool.spawn(move || {
        docs.into_par_iter()
            .enumerate()
            .for_each_with(tx, |tx, (i, (source, bytes))| {
                // The library never panics; were it to, one document's bug is an exception
                // here, not an abort of the Python process (a panic in a spawned job aborts).
                let line =
                    panic::catch_unwind(AssertUnwindSafe(|| record_line(&source, bytes, &opts)))
                        .unwrap_or_else(|_| {
                            Err(format!("{source}: svocr panicked on this document"))
                        });
                // The receiver is gone only when parsing failed; the error is raised there.
                let _ = tx.send((i, line));
            });
    });
    let loads = py.import("json")?.getattr("loads")?;
    let mut records: Vec<Option<Bound<'py, PyAny>>> = vec![None; n];
    let mut rx = rx;
    let mut received = 0;
    while received < n {
        // Wait without the GIL for the next record, then take every record already waiting:
        // giving the GIL up and taking it back for each record cost more than parsing some.
        // The receiver goes into the GIL-free wait and comes back: it is Send but not Sync.
        let (back, first) = py.detach(move || {
            let first = rx.recv();
            (rx, first)
        });
        rx = back;
        // Ctrl-C stops the wait with KeyboardInterrupt (the workers finish in the background).
        py.check_signals()?;
        let Ok(first) = first else {
            break;
        };
        for (i, line) in std::iter::once(first).chain(rx.try_iter()) {
            received += 1;
            let line = line.map_err(PyRuntimeError::new_err)?;
            records[i] = Some(loads.call1((line,))?);
        }
    }
    let records: Option<Vec<_>> = records.into_iter().collect();
    let records =
        records.ok_or_else(|| PyRuntimeError::new_err("process_many(): a record was lost"))?;
    PyList::new(py, records)
}

/// `threads`: `None` (one per core) or a positive int.
fn thread_count(threads: Option<&Bound<'_, PyAny>>) -> PyResult<Option<usize>> {
    let Some(t) = threads.filter(|t| !t.is_none()) else {
        return Ok(None);
    };
    if t.is_instance_of::<PyBool>() || !t.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "process_many(): threads must be int or None, not {}",
            type_name(t)
        )));
    }
    match t.extract::<i64>() {
        Ok(n) if n >= 1 => Ok(Some(usize::try_from(n).unwrap_or(usize::MAX))),
        _ => Err(PyValueError::new_err(format!(
            "process_many(): threads must be at least 1 (or None for one per core), not {t}"
        ))),
    }
}

/// Item `i` of `process_many`'s items as (source, bytes).
fn pair(item: &Bound<'_, PyAny>, i: usize) -> PyResult<(String, Vec<u8>)> {
    let is_pair = (item.is_instance_of::<PyTuple>() || item.is_instance_of::<PyList>())
        && item.len().is_ok_and(|n| n == 2);
    if !is_pair {
        return Err(PyTypeError::new_err(format!(
            "process_many(): item {i} must be a (source, data) pair, not {}",
            type_name(item)
        )));
    }
    let source = item.get_item(0)?;
    let data = item.get_item(1)?;
    let source = text(&source, || format!("process_many(): item {i}: source"))?.into_owned();
    let bytes = document(&data, || format!("process_many(): item {i}: data"))?;
    Ok((source, bytes))
}

/// The module: `process`, `process_many` and `__version__` (the crate's, as `svocr --version`).
#[pymodule]
fn _svocr(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(process, m)?)?;
    m.add_function(wrap_pyfunction!(process_many, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
