//! # svocr — repair OCR'd Swedish public-sector documents and extract trustworthy data
//!
//! Archives hold thousands of Swedish agreements, decisions and budget letters that were scanned and
//! read with an *English* OCR model. The damage is patterned (`för → f6r`, `är → ir`,
//! `Försäkringskassan → Forsikringskassan`, the word `i` read as `1`, line-end hyphens), so it can be
//! repaired — but only if nothing is changed silently and no number is ever touched.
//!
//! ## The pipeline
//!
//! [`process`] runs these stages top to bottom. Each is a function over plain data; each change a
//! stage makes is an [`offsets::Change`], applied by an internal trail, which composes the
//! stages' changes so that every [`Edit`] in the record points into the *decoded input* (the text
//! after encoding detection, before NFC; NFC itself is an edit of kind `nfc`). Edits never nest:
//! a change overlapping an earlier stage's is merged with it into one edit, so replaying the applied
//! edits in order on the decoded input gives the record's text exactly ([`apply_edits`]).
//!
//! 1. [`input`]: raw bytes → text. [`input::decode`] detects the encoding (UTF-8 with or without
//!    BOM, UTF-16 with BOM, Windows-1252/Latin-1 for older exports) and refuses binary, or, for a
//!    PDF, [`input::pdf::read`] reads its OCR text layer page by page; then
//!    [`input::normalize`] makes the text canonical: NFC, soft hyphens, ligatures and CRLF.
//! 2. [`layout`]: page furniture (running headers, bare page numbers), line-end hyphenation (which
//!    asks the lexicon whether a capital after a hyphen starts a word) and paragraph unwrapping. Form feeds stay in the text and mark page starts.
//! 3. [`repair`] (with the embedded lexicon): OCR repair. Tokenizes, reads each word through the
//!    learned confusion model into lexicon words and compounds, and ranks the readings in the
//!    document and between their neighbours (a bigram model of clean text). Proposes edits with a
//!    confidence; only those above the threshold are applied, the rest are reported with
//!    `applied: false`. Numbers that are numbers (amounts, dates, years, references, section
//!    numbers) are protected. Last, figures OCR wrote with letters right before a money unit
//!    (`5O Mkr`, `I miljard kronor`) are written with digits, as `digit` edits.
//! 4. [`extract`]: amounts, dates, periods, villkor, references, and tables (their cells are
//!    amounts with row label, column header and a total flag), each with character offsets into
//!    the repaired text.
//! 5. [`validate`]: stated totals reconciled against their parts, with interval arithmetic so that
//!    rounding never causes a false mismatch.
//!
//! An internal `number` module is the ground floor: the one numeral grammar (digit grouping,
//! decimal comma, minus signs), the one parser, and the one table of units, currencies and scale
//! words that extraction, layout, validation and repair share.
//! An internal `pattern` module compiles the costliest patterns with their Unicode classes cut
//! to Latin for the texts that hold nothing else (nearly all), with the same matches.
//!
//! [`batch`] turns paths into documents (directories walked for `*.txt` and `*.pdf`, sorted; `-` for standard
//! input) and runs [`process`] over them in parallel, delivering records in input order and
//! reporting progress through a trait the caller implements; the command line and language
//! bindings share it. [`eval`] scores records against gold (CER/WER, field precision/recall) and
//! [`report`] writes records and scores in the output formats.
//!
//! ## Public API
//!
//! What is `pub` here is what the README's "As a library" section documents; every other module
//! and item is internal (`pub(crate)`) and may change without notice (the `unreachable_pub` lint
//! keeps it that way).
//!
//! - [`process`], [`process_owned`] and [`Options`]: the whole pipeline on one document's bytes;
//!   [`Error`] is the one error type (of [`input::decode`], [`apply_edits`], gold and floors
//!   files).
//! - [`record`]: everything [`process`] returns and gold files parse into ([`Record`], [`Edit`],
//!   [`EditKind`] and [`Status`] are also at the root). [`apply_edits`] replays a record's edits on
//!   its decoded input.
//! - [`explain_document`] and [`explain`] → [`Explanation`] (rows: [`ExplainedCandidate`];
//!   [`Outcome`], [`Place`]): the repair debug view behind `svocr explain`. The first explains
//!   every word of a document as `run` decided it (it watches the same stages deciding); the
//!   second one word alone or in a context string.
//! - [`batch`]: many documents in parallel, in input order, with progress and cancellation (the
//!   command line and language bindings share it).
//! - [`eval`]: scoring records against gold ([`eval::evaluate`], [`eval::EvalReport`],
//!   [`eval::Floors`]) and the score types that appear in them.
//! - [`report`]: output sinks: JSON Lines ([`report::jsonl`]), text ([`report::text`]), the HTML
//!   evaluation report ([`report::html`]), the SQLite database of `--db` ([`report::db`]), and
//!   the `Display` forms of an evaluation report ([`report::eval`]) and an explanation
//!   ([`report::explain`]).
//! - Each stage alone, as one function, for research on a stage: [`input::decode`],
//!   [`input::pdf::read`],
//!   [`input::normalize`], [`layout::layout`], [`repair::repair`] (with
//!   [`repair::DEFAULT_MIN_CONFIDENCE`]), [`extract::extract`] (→ [`extract::Extraction`]),
//!   [`validate::reconcile`] and [`validate::tolerance`]. The rewriting stages return
//!   [`offsets::Change`]s against the text they were given.
//!
//! ## Swedish words used as identifiers
//!
//! - *villkor*: a numbered condition of a government agreement (`Villkor 1 Kompetenssatsning …`);
//!   related terms are *delvillkor* (sub-condition) and *insatsområde*/*område* (area of effort).
//! - *dnr* (diarienummer): a registry number such as `S2019/05301/SF`.
//! - *SOU*, *prop.*, *Ds*, *SFS*, *bet.*: official report, government bill, ministry publication,
//!   statute book and committee report series.
//! - *Mkr*, *mnkr*, *MSEK* (miljoner kronor), *tkr* (tusen kronor), *öre* (1/100 krona).
//!
//! ## Guarantees
//!
//! The library never panics on any input, never prints and never exits; [`process`] always returns a
//! [`Record`], with `status: error` when the bytes cannot be read as text. Output is a pure function
//! of the input bytes and [`Options`], so it is identical whatever the thread count.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod batch;
mod error;
pub mod eval;
pub mod extract;
pub mod input;
pub mod layout;
mod lexicon;
mod number;
pub mod offsets;
mod pattern;
pub mod record;
pub mod repair;
pub mod report;
pub mod validate;

pub use error::Error;
pub use offsets::apply_edits;
pub use record::{Edit, EditKind, Record, Status};
pub use repair::explain::{
    ExplainedCandidate, Explanation, Outcome, Place, explain, explain_document,
};

use offsets::Trail;

/// How to process a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Run OCR repair; with `false`, extraction works on the text as it is (after layout).
    pub repair: bool,
    /// Repairs below this confidence are reported with `applied: false` instead of applied.
    pub min_confidence: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            repair: true,
            min_confidence: repair::DEFAULT_MIN_CONFIDENCE,
        }
    }
}

/// Runs the whole pipeline on one document's bytes. Never fails: unreadable input gives a record
/// with `status: error`.
///
/// A PDF (the `%PDF-` header) is read for its text layer ([`input::pdf::read`]); anything else
/// as text ([`input::decode`]), except under a `source` named `*.pdf` (any case), which must be
/// a PDF: an empty file or an HTML error page saved under that name is an error record.
pub fn process(source: &str, bytes: &[u8], opts: &Options) -> Record {
    if input::pdf::is_pdf(bytes) {
        return finish_pdf(source, bytes, opts);
    }
    if let Some(refused) = refused_as_pdf(source, bytes) {
        return refused;
    }
    finish(source, input::decode(bytes), None, opts)
}

/// The error record for bytes that are no PDF under a name that says they are.
fn refused_as_pdf(source: &str, bytes: &[u8]) -> Option<Record> {
    let named_pdf = std::path::Path::new(source)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("pdf"));
    // The name first: every text document passes here, and most are not named `.pdf`.
    if !named_pdf {
        return None;
    }
    let e = input::pdf::check_header(bytes).err()?;
    Some(Record::error(source, format!("{source}: {e}")))
}

/// [`process`] for bytes the caller no longer needs: UTF-8 input becomes the text without a
/// copy, which matters for documents of many megabytes.
pub fn process_owned(source: &str, bytes: Vec<u8>, opts: &Options) -> Record {
    if input::pdf::is_pdf(&bytes) {
        return finish_pdf(source, &bytes, opts);
    }
    if let Some(refused) = refused_as_pdf(source, &bytes) {
        return refused;
    }
    finish(source, input::decode_owned(bytes), None, opts)
}

fn finish_pdf(source: &str, bytes: &[u8], opts: &Options) -> Record {
    match input::pdf::read(bytes) {
        Ok(pdf) => {
            let decoded = input::Decoded {
                text: pdf.text,
                encoding: record::Encoding::Pdf,
            };
            finish(source, Ok(decoded), Some(pdf.pages), opts)
        }
        Err(e) => Record::error(source, format!("{source}: {e}")),
    }
}

fn finish(
    source: &str,
    decoded: Result<input::Decoded, Error>,
    pdf_pages: Option<usize>,
    opts: &Options,
) -> Record {
    let decoded = match decoded {
        Ok(d) => d,
        Err(e) => return Record::error(source, format!("{source}: {e}")),
    };
    let encoding = decoded.encoding;
    let mut trail = prepared(decoded.text);
    let mut sections = Vec::new();
    if opts.repair {
        sections = repair_stages(&mut trail, opts.min_confidence, |_, _| {}, |_, _| {});
    }
    let (text, edits) = trail.finish();

    let extraction = extract::extract(&text);
    let totals = validate::reconcile(&text, &extraction.amounts);
    Record {
        schema_version: record::SCHEMA_VERSION,
        source: source.to_string(),
        status: Status::Ok,
        error: None,
        encoding: Some(encoding),
        pages: layout::page_starts(&text),
        pdf_pages,
        edits,
        repair: opts.repair.then_some(sections),
        amounts: Some(extraction.amounts),
        dates: Some(extraction.dates),
        periods: Some(extraction.periods),
        villkor: Some(extraction.villkor),
        references: Some(extraction.references),
        tables: Some(extraction.tables),
        totals: Some(totals),
        text,
    }
}

/// The decoded input through the stages before repair: normalisation, then layout.
pub(crate) fn prepared(decoded: String) -> Trail {
    let mut trail = Trail::new(decoded);
    trail.rewrite(input::normalize);
    trail.rewrite(layout::layout);
    trail
}

/// The repair stages of [`process`] on `trail`: words by section, then figures before money
/// units. `explain --file` runs them too, watching: `words` sees what pass 3 of each section's
/// word repair saw (with the section's offset), and `stage` each stage's changes together with
/// the trail they are about to be made on.
pub(crate) fn repair_stages(
    trail: &mut Trail,
    min_confidence: f64,
    mut words: impl FnMut(usize, repair::explain::Seen<'_>),
    mut stage: impl FnMut(&Trail, &[offsets::Change]),
) -> Vec<record::RepairSection> {
    let (changes, sections) =
        repair_sections(trail.text(), min_confidence, REPAIR_SECTION, &mut words);
    stage(trail, &changes);
    trail.rewrite(|_| changes);
    // Figures OCR wrote with letters before a money unit (`5O Mkr`): only the unit table
    // knows a money unit, so the amount extractor's rule makes these edits.
    let figures = extract::amount::ocr::numerals(trail.text(), min_confidence);
    stage(trail, &figures);
    trail.rewrite(|_| figures);
    sections
}

/// Longest stretch of text [`repair::repair`] sees at once.
const REPAIR_SECTION: usize = 1 << 20;

/// Runs [`repair::repair`] over sections of at most `max` bytes ([`REPAIR_SECTION`] in
/// [`process`]), cut at paragraph breaks, and shifts the changes back into `text`'s offsets;
/// `observe` sees each section's word decisions with the section's offset (see
/// [`repair_stages`]).
///
/// Repair keeps a token list and word statistics for what it sees, several times the size of the
/// text; sections keep that bounded for documents of many megabytes. Any document under a
/// megabyte — nearly all of them — is one section, so its document-level evidence (how damaged it
/// is, which words it uses) is the whole document's; in a longer one it is the section's, which
/// suits merged files whose parts were scanned differently.
fn repair_sections(
    text: &str,
    min_confidence: f64,
    max: usize,
    mut observe: impl FnMut(usize, repair::explain::Seen<'_>),
) -> (Vec<offsets::Change>, Vec<record::RepairSection>) {
    let mut changes = Vec::new();
    let mut modes = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = section_end(text, start, max);
        let repaired =
            repair::repair_observed(&text[start..end], min_confidence, |s| observe(start, s));
        changes.extend(repaired.changes.into_iter().map(|c| offsets::Change {
            start: c.start + start,
            end: c.end + start,
            ..c
        }));
        let (mode, reason) = repaired.mode;
        modes.push(record::RepairSection { mode, reason });
        start = end;
    }
    (changes, modes)
}

/// Where a section starting at `start` should end: after the last paragraph break (else line
/// break, else space) within `max` bytes, or at the text's end.
fn section_end(text: &str, start: usize, max: usize) -> usize {
    if text.len() - start <= max {
        return text.len();
    }
    let mut limit = start + max;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    ["\n\n", "\n", " "]
        .iter()
        .find_map(|sep| window.rfind(sep).map(|i| start + i + sep.len()))
        .filter(|&e| e > start)
        .unwrap_or(limit.max(start + text[start..].chars().next().map_or(1, char::len_utf8)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_end_at_paragraph_breaks_and_cover_the_text() {
        let text = "första stycket f6r\n\nandra stycket ir\nrad två\n\ntredje åäö";
        let mut start = 0;
        let mut ends = Vec::new();
        while start < text.len() {
            let end = section_end(text, start, 24);
            assert!(end > start && text.is_char_boundary(end));
            ends.push(end);
            start = end;
        }
        assert_eq!(ends.last(), Some(&text.len()));
        assert_eq!(&text[..ends[0]], "första stycket f6r\n\n");
        // One long word with no break at all is still cut, on a character boundary.
        let word = "ö".repeat(40);
        assert!(word.is_char_boundary(section_end(&word, 0, 9)));
    }

    #[test]
    fn sectioned_repair_equals_whole_repair_on_paragraph_aligned_text() {
        let para = "Medlen f6r insatserna ir avsatta till regionerna.\n\n";
        let text = para.repeat(8);
        let whole = repair::repair(&text, 0.5);
        let repair_by_section = |t: &str, m: f64| repair_sections(t, m, REPAIR_SECTION, |_, _| {});
        assert!(!whole.is_empty());
        assert_eq!(
            whole,
            repair_by_section(&text, 0.5).0,
            "a short document is one section"
        );
        // Every section holds the same paragraphs, so it makes the same decisions; confidences
        // may differ a little, since a word seen more often is better evidence.
        let decisions = |cs: &[offsets::Change]| -> Vec<(usize, usize, String, bool)> {
            cs.iter()
                .map(|c| (c.start, c.end, c.after.to_string(), c.applied))
                .collect()
        };
        let sectioned = repair_sections(&text, 0.5, para.len() * 2, |_, _| {}).0;
        assert_eq!(decisions(&whole), decisions(&sectioned));
    }
}
