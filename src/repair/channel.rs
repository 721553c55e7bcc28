//! The channel: how the English OCR model misreads Swedish, learned from OCR/ground-truth pairs.
//!
//! In: `dictionaries/confusions.tsv` (written by `scripts/learn-confusions.py`; embedded). Out:
//! [`CHANNEL`], the confusions indexed by OCR segment (`6`←`ö`, `oé`←`ö`, `i`←`ä`), letters the OCR
//! dropped, and the [`EditKind`] each confusion stands for. Each confusion has a cost,
//! −ln P(OCR segment | ground truth).
//!
//! It knows nothing of the lexicon or of documents: the walk ([`super::walk`]) applies the
//! confusions, ranking ([`super::rank`]) prices them.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::record::EditKind;

/// Cost of one generic edit (a substitution, insertion or deletion the confusion model has not
/// seen): rarer than any learned confusion.
pub(super) const GENERIC_COST: f64 = 7.0;

/// The learned confusion model.
static CONFUSIONS_TSV: &str = include_str!("../../dictionaries/confusions.tsv");

/// One learned confusion: `gt` was read as the OCR segment it is filed under.
#[derive(Debug, Clone)]
pub(super) struct Confusion {
    /// The ground-truth segment.
    pub(super) gt: String,
    /// −ln P(OCR segment | `gt`).
    pub(super) cost: f64,
    /// What kind of misreading this is.
    pub(super) kind: EditKind,
}

/// An OCR segment and the ground-truth segments it may stand for.
pub(super) type Segment = (Vec<char>, Vec<Confusion>);

/// The confusion model indexed by OCR segment.
#[derive(Debug, Default)]
pub(super) struct Channel {
    /// OCR segments grouped by first character, sorted by it; within a group, shortest first,
    /// each with the ground-truth segments it may stand for. A search looks up each OCR
    /// character once, by a binary search on characters rather than by hashing every segment.
    by_first: Vec<(char, Vec<Segment>)>,
    /// Letters the OCR dropped anywhere in a word.
    pub(super) dropped: Vec<Confusion>,
    /// Letters the OCR dropped at the start of a word (`verenskommelsen`).
    pub(super) dropped_initial: Vec<Confusion>,
}

impl Channel {
    /// The segments starting with `c` (see [`Channel::by_first`]).
    pub(super) fn starting_with(&self, c: char) -> &[Segment] {
        match self.by_first.binary_search_by_key(&c, |(first, _)| *first) {
            Ok(i) => &self.by_first[i].1,
            Err(_) => &[],
        }
    }
}

/// The learned confusion model, parsed on first use.
pub(super) static CHANNEL: LazyLock<Channel> = LazyLock::new(|| parse_channel(CONFUSIONS_TSV));

fn parse_channel(tsv: &str) -> Channel {
    let mut ch = Channel::default();
    let mut by_ocr: HashMap<String, Vec<Confusion>> = HashMap::new();
    for line in tsv.lines() {
        let mut f = line.split('\t');
        let (Some(gt), Some(ocr), Some(_count), Some(cost)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let Ok(cost) = cost.parse::<f64>() else {
            continue;
        };
        let (initial, gt) = match gt.strip_prefix('^') {
            Some(g) => (true, g),
            None => (false, gt),
        };
        // Only confusions that produce letters are useful for repairing words.
        if gt.is_empty() || !gt.chars().all(char::is_alphabetic) || gt == ocr {
            continue;
        }
        let kind = confusion_kind(gt, ocr, initial);
        let c = Confusion {
            gt: gt.to_string(),
            cost,
            kind,
        };
        if ocr.is_empty() {
            if initial {
                ch.dropped_initial.push(c);
            } else {
                ch.dropped.push(c);
            }
        } else {
            by_ocr.entry(ocr.to_string()).or_default().push(c);
        }
    }
    let mut segments: Vec<Segment> = by_ocr
        .into_iter()
        .map(|(ocr, list)| (ocr.chars().collect(), list))
        .collect();
    segments.sort_by(|a, b| (a.0.len(), &a.0).cmp(&(b.0.len(), &b.0)));
    for (seg, list) in segments {
        let Some(&first) = seg.first() else { continue };
        match ch.by_first.binary_search_by_key(&first, |(c, _)| *c) {
            Ok(i) => ch.by_first[i].1.push((seg, list)),
            Err(i) => ch.by_first.insert(i, (first, vec![(seg, list)])),
        }
    }
    ch
}

fn confusion_kind(gt: &str, ocr: &str, initial: bool) -> EditKind {
    if ocr.is_empty() && initial {
        EditKind::DroppedLetter
    } else if ocr.chars().any(|c| c.is_ascii_digit()) {
        EditKind::Digit
    } else if ocr.chars().any(|c| !c.is_alphanumeric()) {
        EditKind::Noise
    } else if gt.chars().any(|c| "åäöÅÄÖ".contains(c)) {
        EditKind::Diacritic
    } else {
        EditKind::Spelling
    }
}

/// The more telling of two edit kinds for one word: digits and noise explain the most, a plain
/// spelling change the least.
pub(super) fn telling(a: EditKind, b: EditKind) -> EditKind {
    let rank = |k: EditKind| match k {
        EditKind::Digit => 0,
        EditKind::Noise => 1,
        EditKind::DroppedLetter => 2,
        EditKind::Diacritic => 3,
        _ => 4,
    };
    if rank(b) < rank(a) { b } else { a }
}
