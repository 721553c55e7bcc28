//! OCR repair: candidates from a learned confusion model, ranked as a noisy channel.
//!
//! In: text after layout (paragraphs on one line, line-end hyphens joined). Out: proposed
//! [`Change`]s — whole tokens replaced, byte offsets, sorted, non-overlapping — each with a kind,
//! a confidence in `[0, 1]` and `applied = confidence >= min_confidence`.
//!
//! How a word is repaired:
//!
//! 1. **Candidates.** The lower-cased OCR word is read left to right while the lexicon's automaton
//!    is walked in step ([`Lexicon::words_fst`]): each OCR segment either matches itself or is
//!    replaced by a ground-truth segment that the confusion model (`dictionaries/confusions.tsv`,
//!    learned by `scripts/learn-confusions.py` from OCR/GT pairs) says it can come from
//!    (`i`←`ä`, `6`←`ö`, `oé`←`ö`, a dropped initial `ö`). At a word end the walk may restart at the
//!    root, after an optional linking `s`, which accepts and repairs compounds with corrections
//!    in any part (each junction past the first makes the reading rarer, as in the lexicon).
//!    Only when that explains the word poorly does a second walk allow one generic edit (any
//!    substitution, insertion or deletion) at a high cost, towards a single listed word. A word
//!    that is itself listed is only walked towards other listed words, by misread letters or a
//!    dropped first letter. All walks are bounded by cost, by the best reading found so far and
//!    by work.
//! 2. **Ranking.** Each reading is scored as a noisy channel: the confusion costs (−ln P(OCR|word))
//!    plus the word's prior (−ln of its frequency, mixed with how often the document itself
//!    uses the word — a cache model, so `stöd` written as `st6d` elsewhere supports `stod`→`stöd`).
//!    Keeping a non-word has a fixed cost ([`KEEP_UNKNOWN_COST`]); the confidence of the winner is
//!    its share of the probability mass.
//! 3. **Context.** When the best reading and the runner-up (keeping included) are within a few
//!    nats, each is re-scored with its neighbours: how often the word before and the word after
//!    (as they read before context) were seen next to it in clean public-sector text
//!    ([`crate::context`]). `Skalen for` becomes `Skälen för`, `den vird som` `den vård som`.
//!    For a word the lexicon does not know, context only chooses among its readings; it never
//!    makes repairing it more attractive than keeping it.
//! 4. **Real-word errors** (`for`→`för`, `lin`→`län`) are only considered in a document that shows
//!    OCR damage: the share of tokens that are non-words fixable by the confusion model, against
//!    words that carry å/ä/ö intact. Clean documents pay an extra channel cost per edit, so
//!    `for en vecka sedan` in clean text is left alone.
//!
//! Protected: numbers (amounts, dates, years), tokens glued to `/`, `:` or digits (`dnr
//! S2019/05301/SF`, `SOU 2020:24`), all-capital acronyms of up to four letters, and single
//! letters. The one number that is repaired is a lone `1` standing between two lower-case words,
//! where the English model read the word `i` (`sjuka 1 covid`, not `den 1 november`), or between
//! a capitalised word and a definite form (`Insatserna 1 överenskommelsen`, not `Grupp 1 består`).
//! Case is preserved (`F6R`→`FÖR`, `F6r`→`För`).
//!
//! It does not join or split words (layout's job) and never changes punctuation.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use fst::raw::{CompiledAddr, Fst, Node};
use serde::Serialize;

use crate::context;
use crate::lexicon::{
    COMPOUND_DIVISOR, Lexicon, MAX_FREQUENCY, MAX_PARTS, MIN_HEAD_CHARS, MIN_TAIL_CHARS,
    STEM_FREQUENCY, compound_frequency, frequency_of, is_head_value, is_linked_head_value, lexicon,
};
use crate::offsets::Change;
use crate::record::EditKind;
use crate::tokenize::{Token, TokenKind, tokenize};

/// Repairs below this confidence are reported, not applied.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.5;

/// Cost (−ln probability) of keeping a word the lexicon does not know: about the prior of a word
/// seen a few times per billion. A correction must beat this to be proposed at all.
pub const KEEP_UNKNOWN_COST: f64 = 19.0;

/// Cost of one generic edit (a substitution, insertion or deletion the confusion model has not
/// seen): rarer than any learned confusion.
const GENERIC_COST: f64 = 7.0;

/// A non-word whose best learned reading costs more than this (channel plus prior) also gets
/// the generic edit search.
const GENERIC_SEARCH_ABOVE: f64 = 15.0;

/// How much cheaper than keeping a non-word its best reading must be before the document model
/// counts it as damage and caches the reading: only clear repairs may feed back into ranking.
const EVIDENCE_MARGIN: f64 = 3.0;

/// A neighbour counts as its word's best reading when that reading is at least this sure, else
/// as written.
const NEIGHBOUR_CONFIDENCE: f64 = 0.5;

/// Context is consulted when the best reading and the runner-up (keeping included) are within
/// this many nats: a wider gap is for the channel and the priors to decide.
const CONTEXT_RANGE: f64 = 2.0 * context::MAX_GAIN;

/// How much cheaper than keeping a compound reading of an unknown capitalised word must be.
const NAME_COMPOUND_MARGIN: f64 = 3.0;

/// Channel cost above which a reading is not explored.
const MAX_CHANNEL_COST: f64 = 11.0;

/// Most confusions in one word (`Tilliggsoverenskommelse` needs three).
const MAX_EDITS: u8 = 5;

/// Channel cost of the first, cheap walk of [`search_within`].
const CHEAP_FIRST: f64 = 4.0;

/// Work cap per word and walk, in visited states: keeps pathological tokens (long runs of
/// confusable letters) from costing more than a few microseconds each.
const MAX_STEPS: usize = 20_000;

/// How much worse than keeping a word a reading may be and still be searched for (it weighs in
/// the confidence of the winner by at most e^−margin of keeping's weight).
const BUDGET_MARGIN: f64 = 1.0;

/// Readings whose total cost is this much above the best one found (or keeping the word) are
/// not explored: each would weigh at most e^−margin of the winner in the confidence.
const PRUNE_MARGIN: f64 = 5.0;

/// [`PRUNE_MARGIN`] of the generic walk.
const GENERIC_PRUNE_MARGIN: f64 = 3.0;

/// Weight of the document's own word counts in the prior (the cache model's λ).
const CACHE_WEIGHT: f64 = 0.05;

/// Below this estimated damage, real-word corrections and `1`→`i` are not proposed.
const REAL_WORD_MIN_DAMAGE: f64 = 0.3;

/// The damage estimate never goes below this, so the extra cost per edit stays finite.
const MIN_DAMAGE: f64 = 0.02;

/// The learned confusion model.
static CONFUSIONS_TSV: &str = include_str!("../dictionaries/confusions.tsv");

/// One learned confusion: `gt` was read as the OCR segment it is filed under.
#[derive(Debug, Clone)]
struct Confusion {
    gt: String,
    cost: f64,
    kind: EditKind,
}

/// An OCR segment and the ground-truth segments it may stand for.
type Segment = (Vec<char>, Vec<Confusion>);

/// The confusion model indexed by OCR segment.
#[derive(Debug, Default)]
struct Channel {
    /// OCR segments grouped by first character, sorted by it; within a group, shortest first,
    /// each with the ground-truth segments it may stand for. A search looks up each OCR
    /// character once, by a binary search on characters rather than by hashing every segment.
    by_first: Vec<(char, Vec<Segment>)>,
    /// Letters the OCR dropped anywhere in a word.
    dropped: Vec<Confusion>,
    /// Letters the OCR dropped at the start of a word (`verenskommelsen`).
    dropped_initial: Vec<Confusion>,
}

impl Channel {
    /// The segments starting with `c` (see [`Channel::by_first`]).
    fn starting_with(&self, c: char) -> &[Segment] {
        match self.by_first.binary_search_by_key(&c, |(first, _)| *first) {
            Ok(i) => &self.by_first[i].1,
            Err(_) => &[],
        }
    }
}

static CHANNEL: LazyLock<Channel> = LazyLock::new(|| parse_channel(CONFUSIONS_TSV));

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
fn telling(a: EditKind, b: EditKind) -> EditKind {
    let rank = |k: EditKind| match k {
        EditKind::Digit => 0,
        EditKind::Noise => 1,
        EditKind::DroppedLetter => 2,
        EditKind::Diacritic => 3,
        _ => 4,
    };
    if rank(b) < rank(a) { b } else { a }
}

/// A reading of an OCR word as a lexicon word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The lower-case word.
    pub word: String,
    /// Channel cost: sum of the confusion costs, −ln P(OCR | word).
    pub channel: f64,
    /// Number of confusions applied.
    pub edits: u8,
    /// Frequency per billion words (estimated for compounds).
    pub frequency: u64,
    /// Number of compound parts (1 for a listed word).
    pub parts: u8,
    /// The rule behind the most telling confusion.
    pub kind: EditKind,
}

/// The document-level evidence that ranking uses.
#[derive(Debug, Clone, Default)]
struct DocModel {
    /// Estimated share of å/ä/ö that the OCR damaged, in `[MIN_DAMAGE, 1]`.
    damage: f64,
    /// Counts of diacritic-bearing words the document uses (directly or via a sure repair).
    cache: HashMap<String, u32>,
    /// Total word tokens, the cache's denominator.
    words: u32,
    /// The lowest prior cost any word can have in this document (the most frequent word of the
    /// lexicon, or the document's most used word): bounds how cheap a reading can get.
    prior_floor: f64,
}

impl DocModel {
    /// −ln P(word): the unigram prior mixed with the document's own counts.
    fn prior_cost(&self, word: &str, frequency: u64) -> f64 {
        let uni = (frequency.max(1) as f64) / 1e9;
        let cached = match self.cache.get(word) {
            Some(&n) if self.words > 0 => f64::from(n) / f64::from(self.words),
            _ => 0.0,
        };
        -((1.0 - CACHE_WEIGHT) * uni + CACHE_WEIGHT * cached).ln()
    }

    /// Extra channel cost per edit in a document this clean: −ln(damage).
    fn damage_cost(&self) -> f64 {
        -self.damage.max(MIN_DAMAGE).ln()
    }

    /// How far to search for readings of a word that costs `keep_cost` to keep. A reading can
    /// only win if its channel cost plus its prior beats keeping, and no prior is below
    /// [`DocModel::prior_floor`]; the margin also keeps readings slightly worse than keeping,
    /// which still weigh in the confidence.
    fn budget(&self, keep_cost: f64) -> Budget {
        Budget {
            max_cost: (keep_cost - self.prior_floor + BUDGET_MARGIN).min(MAX_CHANNEL_COST),
            per_edit: self.damage_cost(),
            keep: keep_cost,
            listed: false,
        }
    }

    /// Computes [`DocModel::prior_floor`] from the counts.
    fn set_prior_floor(&mut self) {
        let top = self.cache.values().max().copied().unwrap_or(0);
        let share = if self.words > 0 {
            f64::from(top) / f64::from(self.words)
        } else {
            0.0
        };
        let uni = MAX_FREQUENCY as f64 / 1e9;
        self.prior_floor = -((1.0 - CACHE_WEIGHT) * uni + CACHE_WEIGHT * share).ln();
    }
}

/// The outcome for one word: keep it, or replace it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// The candidate and its total cost, best first.
    pub candidates: Vec<(Candidate, f64)>,
    /// The cost of keeping the word as it is.
    pub keep_cost: f64,
    /// The best candidate's share of the probability mass (keeping included).
    pub confidence: f64,
}

/// Everything known about one distinct lower-case word of a document.
#[derive(Debug, Clone)]
struct WordInfo {
    /// Frequency if the word is listed or a compound.
    known: Option<u64>,
    /// Whether the word is listed as it is (not only readable as a compound): only listed words
    /// are trusted enough to need a real-word argument against them.
    listed: bool,
    /// Readings found by the walks, cheapest channel first.
    candidates: Vec<Candidate>,
    /// Whether the walks have run (they run lazily for known words).
    searched: bool,
    /// Whether the learned walk, unbounded by the document and with no head forms allowed,
    /// found any reading: `None` if that walk has not run. Spares `1`→`i` a second walk.
    readable: Option<bool>,
}

/// The distinct repairable words of a document, and which token is which: pass 2 of
/// [`repair`] finds each token's analysis without lower-casing or hashing it again.
struct Vocabulary {
    /// Lower-case word → its place in `words`.
    index: HashMap<String, usize>,
    /// Each distinct word with its analysis, in order of first use.
    words: Vec<(String, WordInfo)>,
    /// For each token, its word's place in `words`, if the repair may touch it.
    of_token: Vec<Option<usize>>,
}

/// Proposes repairs of `text` (byte offsets), with `applied` set from `min_confidence`.
pub fn repair(text: &str, min_confidence: f64) -> Vec<Change> {
    let tokens = tokenize(text);
    let lex = lexicon();
    // Pass 1: analyse every distinct repairable word and gather the document's evidence.
    let (doc, mut vocab) = document_model(&tokens, lex);
    // Pass 2: rank each distinct word once; its tokens differ only in case and place.
    let ranks = rank_all(&tokens, &doc, &mut vocab, lex);
    let reading = |j: usize| reading_of(&vocab, &ranks, j);

    // Pass 3: decide, token by token.
    let mut changes = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind == TokenKind::Number {
            let next = neighbour(&tokens, i, true).and_then(&reading);
            if let Some(c) = one_for_i(&tokens, i, &doc, lex, &vocab, next) {
                changes.push(apply_threshold(c, min_confidence));
            }
            continue;
        }
        let Some(id) = vocab.of_token[i] else {
            continue;
        };
        let (lower, info) = &vocab.words[id];
        let lower = lower.as_str();
        let Some(ranked) = ranks[id].as_ref().filter(|r| !r.candidates.is_empty()) else {
            continue;
        };
        let left = neighbour(&tokens, i, false).and_then(&reading);
        let right = neighbour(&tokens, i, true).and_then(&reading);
        let in_context = with_context(ranked, lower, info, left, right);
        let ranked = in_context.as_ref().unwrap_or(ranked);
        let Some((best, total)) = ranked.candidates.first() else {
            continue;
        };
        // An unknown capitalised word is most often a name (`Ardalan`), and names split into
        // spurious compounds (`arda|lån`): such readings must beat keeping by a wider margin.
        let name_like = info.known.is_none()
            && t.text.starts_with(char::is_uppercase)
            && best.parts > 1
            && total + NAME_COMPOUND_MARGIN > ranked.keep_cost;
        if name_like || ranked.confidence <= 0.0 || best.word == lower {
            continue;
        }
        let kind = if info.listed {
            EditKind::RealWord
        } else if best.parts > 1 && !lex.contains(&best.word) {
            EditKind::Compound
        } else {
            best.kind
        };
        changes.push(apply_threshold(
            Change {
                start: t.start,
                end: t.end,
                after: restore_case(t.text, &best.word),
                kind,
                confidence: round3(ranked.confidence),
                applied: false,
            },
            min_confidence,
        ));
    }
    changes
}

/// Pass 2 of [`repair`]: the ranking of each distinct word (searching known words for real-word
/// readings first, in a damaged document), by its place in `vocab.words`.
fn rank_all(
    tokens: &[Token<'_>],
    doc: &DocModel,
    vocab: &mut Vocabulary,
    lex: &Lexicon,
) -> Vec<Option<Ranked>> {
    let mut ranks: Vec<Option<Ranked>> = vec![None; vocab.words.len()];
    for (i, id) in vocab.of_token.iter().enumerate() {
        let Some(id) = *id else { continue };
        if ranks[id].is_some() {
            continue;
        }
        let (lower, info) = &mut vocab.words[id];
        if !info.searched && doc.damage >= REAL_WORD_MIN_DAMAGE {
            let budget = doc.budget(keep_cost(lower, info, doc));
            search_readings(lex, lower, ends_in_hyphen(tokens, i), budget, info);
        }
        ranks[id] = Some(rank(lower, info, doc));
    }
    ranks
}

/// How token `j` reads before context: its word's winner if that is sure enough
/// ([`NEIGHBOUR_CONFIDENCE`]), else the word as written; `None` if it is no repairable word.
/// Neighbours are read this way.
fn reading_of<'v>(vocab: &'v Vocabulary, ranks: &'v [Option<Ranked>], j: usize) -> Option<&'v str> {
    let id = vocab.of_token.get(j).copied().flatten()?;
    let lower = vocab.words[id].0.as_str();
    match ranks[id]
        .as_ref()
        .and_then(|r| r.candidates.first().map(|c| (r, c)))
    {
        Some((r, (best, _))) if r.confidence >= NEIGHBOUR_CONFIDENCE => Some(&best.word),
        _ => Some(lower),
    }
}

/// The token of the word next to token `i` (after it if `after`), if only a run of spaces
/// separates them: punctuation, a line break or a number ends the context.
fn neighbour(tokens: &[Token<'_>], i: usize, after: bool) -> Option<usize> {
    let (gap, j) = if after {
        (i + 1, i + 2)
    } else {
        (i.checked_sub(1)?, i.checked_sub(2)?)
    };
    let g = tokens.get(gap)?;
    let spaces = g.kind == TokenKind::Space && g.text.bytes().all(|b| b == b' ' || b == b'\t');
    (spaces && tokens.get(j)?.kind != TokenKind::Number).then_some(j)
}

/// `ranked` re-scored with the neighbours' evidence (see [`crate::context`]), when the call is
/// close enough for context to matter; `None` when it is not, or the neighbours say nothing.
fn with_context(
    ranked: &Ranked,
    lower: &str,
    info: &WordInfo,
    left: Option<&str>,
    right: Option<&str>,
) -> Option<Ranked> {
    let &(_, best) = ranked.candidates.first()?;
    // Only a close call between the two cheapest options (keeping included) asks the context.
    let second = ranked.candidates.get(1).map_or(f64::INFINITY, |&(_, c)| c);
    let mut costs = [best, second, ranked.keep_cost];
    costs.sort_by(f64::total_cmp);
    if costs[1] - costs[0] > CONTEXT_RANGE {
        return None;
    }
    let around = context::Neighbours::new(left, right);
    if around.is_silent() {
        return None;
    }
    let gain = |word: &str, frequency: u64| around.gain(word, frequency as f64 / 1e9);
    let keep_gain = gain(lower, info.known.unwrap_or(0));
    let mut candidates: Vec<(Candidate, f64)> = ranked
        .candidates
        .iter()
        .map(|(c, total)| (c.clone(), total - gain(&c.word, c.frequency)))
        .collect();
    let keep_cost = ranked.keep_cost - keep_gain;
    candidates.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.word.cmp(&b.0.word)));
    // A word the lexicon does not know cannot have been seen in context either, so context
    // could only ever speak against keeping it, and unlisted correct forms (`propositionens`)
    // would pay for the gaps of the lexicon. For such a word context picks among the readings
    // but does not make the best of them beat keeping by more than it did without context.
    if info.known.is_none() {
        if let Some(&(_, new_best)) = candidates.first() {
            let lift = (best - new_best).max(0.0);
            for (_, total) in &mut candidates {
                *total += lift;
            }
        }
    }
    let confidence = confidence_of(&candidates, keep_cost);
    Some(Ranked {
        candidates,
        keep_cost,
        confidence,
    })
}

/// The prior cost of a frequency with no document evidence.
fn doc_free_prior(frequency: u64) -> f64 {
    -((frequency.max(1) as f64) / 1e9).ln()
}

impl Candidate {
    /// Channel plus prior, before any document evidence.
    fn free_cost(&self) -> f64 {
        self.channel + doc_free_prior(self.frequency)
    }
}

fn apply_threshold(mut c: Change, min_confidence: f64) -> Change {
    c.applied = c.confidence >= min_confidence;
    c
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn has_diacritic(w: &str) -> bool {
    w.chars().any(|c| matches!(c, 'å' | 'ä' | 'ö'))
}

/// The lower-cased text of token `i` if the repair may touch it, `None` if it is protected.
fn repairable(tokens: &[Token<'_>], i: usize) -> Option<String> {
    let t = tokens[i];
    if !matches!(t.kind, TokenKind::Word | TokenKind::Mixed) {
        return None;
    }
    // Glued to a reference or a number: part of `S2019/05301/SF`, `2020:24`, `SKR:s`,
    // `1177.se`. A full stop or colon counts only when a letter or digit follows it directly;
    // at a sentence end it is punctuation.
    let word_char = |j: usize| {
        tokens
            .get(j)
            .is_some_and(|n| n.kind != TokenKind::Space && n.kind != TokenKind::Other)
    };
    let glued = |j: usize| {
        tokens.get(j).is_some_and(|n| {
            n.kind == TokenKind::Number
                || matches!(n.text, "/" | "_" | "§")
                || (matches!(n.text, "." | ":")
                    && word_char(j + 1)
                    && (j < i || j > 0 && word_char(j - 1)))
        })
    };
    if i.checked_sub(1).is_some_and(glued) || glued(i + 1) {
        return None;
    }
    // Digits after a word are a footnote mark or an exponent (`Försäkringskassan9`, `nivå²`);
    // after a non-word they are a garbled letter (`vardmilj6`).
    let letters_only = t.text.trim_end_matches(char::is_numeric);
    if letters_only.len() < t.text.len()
        && lexicon()
            .word_or_compound_frequency(&letters_only.to_lowercase())
            .is_some()
    {
        return None;
    }
    let letters = t.text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = t.text.chars().filter(|c| c.is_numeric()).count();
    // Brace noise stands for a letter (`{6r`).
    let noise = t.text.chars().filter(|&c| c == '{').count();
    if letters + noise < 2 || digits > 2 || digits >= letters + noise {
        return None;
    }
    if ABBREVIATIONS.iter().any(|a| t.text.eq_ignore_ascii_case(a))
        || crate::number::units::kept_by_repair(t.text)
    {
        return None;
    }
    // Acronyms (`SKR`, `SOU`) are not words; longer all-capital words (headings) are.
    let upper = t.text.chars().filter(|c| c.is_uppercase()).count();
    if t.kind == TokenKind::Word && upper == letters && letters <= 4 {
        return None;
    }
    Some(t.text.to_lowercase())
}

/// Whether token `i` is followed by a hyphen and a space (`sjukskrivnings- och`): a truncated
/// compound head, which may be a head-only form (`hälso`).
fn ends_in_hyphen(tokens: &[Token<'_>], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|t| t.text == "-")
        && tokens.get(i + 2).is_none_or(|t| t.kind == TokenKind::Space)
}

/// Looks a word up and, if it is unknown or could be a real-word error, collects its readings.
fn analyse(lex: &Lexicon, lower: &str, head_ok: bool) -> WordInfo {
    let listed = lex.contains(lower);
    let mut known = lex.word_or_compound_frequency(lower);
    if known.is_none() && head_ok && lex.is_hyphen_head(lower) {
        known = Some(1);
    }
    let mut info = WordInfo {
        known,
        listed,
        candidates: Vec::new(),
        searched: false,
        readable: None,
    };
    // Known words are searched only when the document turns out damaged (most words of most
    // documents are known, and a clean document needs no real-word readings).
    if known.is_none() {
        let learned = search_readings(lex, lower, head_ok, Budget::FULL, &mut info);
        if !head_ok {
            info.readable = Some(learned);
        }
    }
    info
}

/// Fills in the candidate readings of a word; whether the learned walk found any.
fn search_readings(
    lex: &Lexicon,
    lower: &str,
    head_ok: bool,
    budget: Budget,
    info: &mut WordInfo,
) -> bool {
    let (known, listed) = (info.known, info.listed);
    info.searched = true;
    let budget = Budget { listed, ..budget };
    let mut candidates = search_within(lex, lower, head_ok, false, budget);
    let learned = !candidates.is_empty();
    // The generic edit search runs last, for non-words that learned confusions do not explain
    // well (`Desutom`: one dropped `s`, not `öde` + `s` + `utom`).
    let explained = candidates
        .iter()
        .any(|c| c.free_cost() < GENERIC_SEARCH_ABOVE);
    if known.is_none() && !explained {
        // The learned readings already bound the best total: the generic walk prunes against
        // it from its first step instead of rediscovering it.
        let found_best = candidates
            .iter()
            .map(|c| c.free_cost() + f64::from(c.edits) * budget.per_edit)
            .fold(budget.keep, f64::min);
        let generic_budget = Budget {
            keep: found_best,
            ..budget
        };
        candidates.extend(search_within(lex, lower, head_ok, true, generic_budget));
        // A word both walks found is one reading, at its cheaper channel: counted twice, it
        // would weigh twice in the confidence (`vikrigt` read as `viktigt` by `r`←`t` and by a
        // generic substitution).
        candidates.sort_by(|a, b| {
            a.word
                .cmp(&b.word)
                .then_with(|| a.channel.total_cmp(&b.channel))
        });
        candidates.dedup_by(|a, b| a.word == b.word);
        candidates.sort_by(|a, b| {
            a.channel
                .total_cmp(&b.channel)
                .then_with(|| a.word.cmp(&b.word))
        });
    }
    candidates.retain(|c| c.word != lower);
    if listed {
        // A listed word is only replaced by another listed word: compound readings of a correct
        // word (`nedprioriterats` → `nedprioriter|åts`) are artefacts.
        candidates.retain(|c| c.parts == 1);
    }
    info.candidates = candidates;
    learned
}

/// The cost of keeping a word as it is, in this document.
fn keep_cost(lower: &str, info: &WordInfo, doc: &DocModel) -> f64 {
    match info.known {
        Some(f) if info.listed => doc.prior_cost(lower, f),
        // A word read only as a compound is kept at least as readily as an unknown word.
        Some(f) => doc.prior_cost(lower, f).min(KEEP_UNKNOWN_COST),
        None => KEEP_UNKNOWN_COST,
    }
}

/// Ranks the readings of a word in this document.
fn rank(lower: &str, info: &WordInfo, doc: &DocModel) -> Ranked {
    // Known words (listed, or read as compounds) are only questioned in a damaged document.
    if info.known.is_some() && doc.damage < REAL_WORD_MIN_DAMAGE {
        return Ranked {
            candidates: Vec::new(),
            keep_cost: 0.0,
            confidence: 0.0,
        };
    }
    let keep_cost = keep_cost(lower, info, doc);
    let mut scored: Vec<(Candidate, f64)> = info
        .candidates
        .iter()
        .map(|c| {
            // In a clean document every confusion is rarer: each edit pays −ln(damage).
            let channel = c.channel + f64::from(c.edits) * doc.damage_cost();
            let total = channel + doc.prior_cost(&c.word, c.frequency);
            (c.clone(), total)
        })
        .collect();
    scored.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.word.cmp(&b.0.word)));
    scored.truncate(8);
    let confidence = confidence_of(&scored, keep_cost);
    Ranked {
        candidates: scored,
        keep_cost,
        confidence,
    }
}

/// The best reading's share of the probability mass, keeping included (0 if keeping is best).
fn confidence_of(scored: &[(Candidate, f64)], keep_cost: f64) -> f64 {
    match scored.first() {
        Some(&(_, best)) if best < keep_cost => {
            let mass: f64 = scored.iter().map(|(_, s)| (best - s).exp()).sum::<f64>()
                + (best - keep_cost).exp();
            1.0 / mass
        }
        _ => 0.0,
    }
}

/// A lone `1` between two lower-case words stands for the word `i` (`sjuka 1 covid-19`,
/// `utgångspunkt 1 antalet`), and so does one between a capitalised word and a definite form
/// (`Insatserna 1 överenskommelsen`); `den 1 november`, `villkor 1, 2`, `1 444`, `Villkor 1
/// Ledning` and `Grupp 1 består` are numbers. `next_reading` is how the next word reads.
fn one_for_i(
    tokens: &[Token<'_>],
    i: usize,
    doc: &DocModel,
    lex: &Lexicon,
    vocab: &Vocabulary,
    next_reading: Option<&str>,
) -> Option<Change> {
    let t = tokens[i];
    if t.text != "1" || doc.damage < REAL_WORD_MIN_DAMAGE {
        return None;
    }
    let space = |j: usize| tokens.get(j).is_some_and(|s| s.text == " ");
    if i < 2 || !space(i - 1) || !space(i + 1) {
        return None;
    }
    let (prev, next) = (tokens[i - 2], tokens.get(i + 2)?);
    let starts = |w: &Token<'_>, f: fn(char) -> bool| w.text.chars().next().is_some_and(f);
    // The next word may itself be garbled (`1 6verenskommelsen`): it counts as it reads.
    let next_ok = match next.kind {
        TokenKind::Word => starts(next, char::is_lowercase),
        TokenKind::Mixed => !starts(next, char::is_uppercase) && next_reading.is_some(),
        _ => false,
    };
    let capitalised = prev.kind == TokenKind::Word
        && starts(&prev, char::is_uppercase)
        && prev.text.chars().skip(1).all(char::is_lowercase);
    let prev_ok = prev.kind == TokenKind::Word && starts(&prev, char::is_lowercase) || capitalised;
    if !prev_ok || !next_ok {
        return None;
    }
    let p = prev.text.to_lowercase();
    let n = next_reading.map_or_else(|| next.text.to_lowercase(), str::to_string);
    // After a capitalised word (`Insatserna 1 överenskommelsen`) a number is as likely as not
    // (`Grupp 1 består`); a definite form after it settles it, since a Swedish numeral takes an
    // indefinite noun (`1 överenskommelse`).
    if capitalised && !(lex.contains(&n) && ["en", "et", "na"].iter().any(|s| n.ends_with(s))) {
        return None;
    }
    if NUMBER_BEFORE.contains(&p.as_str())
        || NUMBER_AFTER.iter().any(|u| n.starts_with(u))
        || crate::number::units::cues_a_number(&n)
    {
        return None;
    }
    // A list of numbers (`villkor 2 eller 1 och 3`): a number on either side of a conjunction.
    let conjunction = |w: &str| matches!(w, "och" | "eller" | "samt");
    let number_at = |j: Option<usize>| {
        j.and_then(|j| tokens.get(j))
            .is_some_and(|t| t.kind == TokenKind::Number)
    };
    if conjunction(&p) && number_at(i.checked_sub(4)) || conjunction(&n) && number_at(Some(i + 4)) {
        return None;
    }
    // Both neighbours should read as words (possibly garbled ones) for `i` to make a phrase.
    let wordish = |w: &str| {
        lex.word_or_compound_frequency(w).is_some()
            || vocab
                .index
                .get(w)
                .and_then(|&id| vocab.words[id].1.readable)
                .unwrap_or_else(|| !search(lex, w, false, false).is_empty())
    };
    if !wordish(&p) || !wordish(&n) && n != "covid" {
        return None;
    }
    Some(Change {
        start: t.start,
        end: t.end,
        after: "i".to_string(),
        kind: EditKind::Digit,
        confidence: round3(0.55 + 0.4 * doc.damage),
        applied: false,
    })
}

/// Abbreviations of the register that are no words and sit next to numbers (`dnr S2019/…`):
/// never repaired into the nearest word (`dnr` → `där`). Unit abbreviations (`12 mnkr`) come from
/// the unit table ([`crate::number::units::kept_by_repair`]).
const ABBREVIATIONS: &[&str] = &["dnr", "jfr", "nr", "st", "resp", "prop", "bet", "sfs", "ds"];

/// Words after which `1` is a number (`villkor 1`, `den 1`, `kapitel 1`). `och` and `eller`
/// are not among them: after them a number is followed by its unit or counted noun (`och 1
/// procent`, caught by [`NUMBER_AFTER`]) or by another number, while `och 1 samverkan med` is
/// the word `i`.
const NUMBER_BEFORE: &[&str] = &[
    "avsnitt",
    "bilaga",
    "del",
    "delvillkor",
    "den",
    "fas",
    "kapitel",
    "kap",
    "nr",
    "nummer",
    "punkt",
    "sida",
    "steg",
    "tabell",
    "villkor",
    "version",
    "figur",
    "område",
    "insatsområde",
    "per",
    "till",
    "från",
    "mot",
    "av",
    "med",
    "om",
    "på",
    "under",
    "ca",
    "cirka",
    "drygt",
    "knappt",
    "totalt",
    "minst",
    "högst",
    "över",
];

/// Word beginnings after which `1` is a number: months and counted nouns; units and scale words come
/// from the unit table ([`crate::number::units::cues_a_number`]).
const NUMBER_AFTER: &[&str] = &[
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
    "jan",
    "feb",
    "apr",
    "aug",
    "sep",
    "okt",
    "nov",
    "dec",
    "procent",
    "st",
    "år",
    "dag",
    "vecka",
    "veckor",
    "månad",
    "timme",
    "timmar",
    "gång",
    "person",
    "heltid",
    "tjänst",
    "kap",
    "styck",
];

/// Puts the case pattern of the OCR token back on a lower-case repair.
fn restore_case(original: &str, word: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_upper {
        return word.to_uppercase();
    }
    // The first character decides, whatever it is read as (`F6r`, `6verenskommelsen`, `{6r`).
    let first_upper = original.chars().next().is_some_and(char::is_uppercase);
    if first_upper {
        let mut cs = word.chars();
        return match cs.next() {
            Some(f) => f.to_uppercase().chain(cs).collect(),
            None => String::new(),
        };
    }
    word.to_string()
}

/// How far a walk may go: the cheapest reading that could still matter is bounded by the cost
/// of keeping the word, so a frequent known word needs only a short walk (`och` none at all).
#[derive(Debug, Clone, Copy)]
struct Budget {
    /// Highest channel cost, edit surcharges included, worth exploring.
    max_cost: f64,
    /// Surcharge per edit that ranking will add (the document's damage cost); pruning with it
    /// keeps the walk from exploring readings that ranking would price out anyway.
    per_edit: f64,
    /// The cost of keeping the word: readings far worse than keeping are not explored.
    keep: f64,
    /// Whether the word is listed. The English model makes one word into another by misreading
    /// a letter or by dropping the first one (`återrapporterar` → `terrapporterar`); a listed
    /// word that lost a letter inside and is still a word is too rare to pay for trying every
    /// dropped letter at every position of every known word.
    listed: bool,
}

impl Budget {
    /// The budget for a word outside any document (the model's own cap).
    const FULL: Budget = Budget {
        max_cost: MAX_CHANNEL_COST,
        per_edit: 0.0,
        keep: KEEP_UNKNOWN_COST,
        listed: false,
    };
}

/// The walk over OCR characters and lexicon automaton together.
struct Walk<'a> {
    fst: &'a Fst<&'static [u8]>,
    /// The automaton's root, decoded once: every compound part starts there.
    root: Node<'a>,
    lex: &'a Lexicon,
    channel: &'a Channel,
    ocr: Vec<char>,
    /// Learned confusions of the OCR segments starting at each position, in model order, with
    /// the segment's length in characters: looked up once per word, not once per visited state
    /// (hashing segments in the walk was a third of its time).
    options: Vec<(usize, &'a Confusion)>,
    /// `options[option_at[p]..option_at[p + 1]]` start at OCR position `p`.
    option_at: Vec<usize>,
    /// Whether the word may end in a compound-head form (it is followed by `- `).
    head_ok: bool,
    /// Whether one generic edit is allowed.
    generic: bool,
    budget: Budget,
    gt: Vec<u8>,
    steps: usize,
    /// Readings found so far, one per word: a few dozen at most, so a list searched in place
    /// is cheaper than hashing every word the walk completes.
    found: Vec<Candidate>,
    /// The lowest total cost (channel, edit surcharges and prior without document evidence)
    /// of a reading found so far, or of keeping the word.
    best: f64,
    /// Readings completed so far (found again or not): tells [`Walk::go_tail`] whether a
    /// tail walk led anywhere.
    readings: usize,
    /// Compound tails that led nowhere in this pass.
    dead_tails: Vec<DeadTail>,
    /// Bounds [`Walk::least_prior`] took a logarithm of, with their priors, by bound modulo
    /// [`PRIOR_SLOTS`].
    priors: [Cell<(u64, f64)>; PRIOR_SLOTS],
}

/// A compound tail walk that found no reading: the state it started from.
struct DeadTail {
    pos: usize,
    parts: u8,
    generic_used: bool,
    cost: f64,
    edits: u8,
    head_freq: u64,
}

/// Slots of the walk's cache of prior bounds.
const PRIOR_SLOTS: usize = 64;

/// Where a walk is.
#[derive(Clone, Copy)]
struct State {
    pos: usize,
    /// Output accumulated on the path inside the current part (the fst's value is its sum).
    out: u64,
    cost: f64,
    edits: u8,
    generic_used: bool,
    parts: u8,
    /// Byte offset in `gt` where the current part starts.
    part_start: usize,
    /// Characters in the current part.
    part_chars: usize,
    /// Lowest frequency of the finished parts so far.
    head_freq: u64,
    kind: Option<EditKind>,
}

/// One move of the walk: ground-truth bytes written for OCR characters consumed.
#[derive(Clone, Copy)]
struct Move<'b> {
    bytes: &'b [u8],
    consumed: usize,
    cost: f64,
    kind: Option<EditKind>,
    generic: bool,
}

/// A generic edit: `bytes` written for `consumed` OCR characters at [`GENERIC_COST`].
fn generic(bytes: &[u8], consumed: usize, kind: EditKind) -> Move<'_> {
    Move {
        bytes,
        consumed,
        cost: GENERIC_COST,
        kind: Some(kind),
        generic: true,
    }
}

/// Candidate readings of a lower-case OCR word, cheapest channel first.
pub fn search(lex: &Lexicon, lower: &str, head_ok: bool, generic: bool) -> Vec<Candidate> {
    search_within(lex, lower, head_ok, generic, Budget::FULL)
}

/// [`search`] bounded by `budget`.
fn search_within(
    lex: &Lexicon,
    lower: &str,
    head_ok: bool,
    generic: bool,
    budget: Budget,
) -> Vec<Candidate> {
    let Some(fst) = lex.words_fst() else {
        return Vec::new();
    };
    if budget.max_cost < 0.0 {
        return Vec::new();
    }
    let channel: &Channel = &CHANNEL;
    let ocr: Vec<char> = lower.chars().collect();
    let mut options = Vec::new();
    let mut option_at = Vec::with_capacity(ocr.len() + 1);
    for pos in 0..ocr.len() {
        option_at.push(options.len());
        for (seg, list) in channel.starting_with(ocr[pos]) {
            if ocr[pos..].starts_with(seg) {
                options.extend(list.iter().map(|c| (seg.len(), c)));
            }
        }
    }
    option_at.push(options.len());
    let root = fst.root();
    let mut w = Walk {
        fst,
        root,
        lex,
        channel,
        ocr,
        options,
        option_at,
        head_ok,
        generic,
        budget,
        gt: Vec::with_capacity(lower.len() + 8),
        steps: 0,
        found: Vec::new(),
        best: budget.keep,
        readings: 0,
        dead_tails: Vec::new(),
        priors: std::array::from_fn(|_| Cell::new((0, f64::INFINITY))),
    };
    let start = State {
        pos: 0,
        out: 0,
        cost: 0.0,
        edits: 0,
        generic_used: false,
        parts: 1,
        part_start: 0,
        part_chars: 0,
        head_freq: u64::MAX,
        kind: None,
    };
    // Iterative deepening: a first walk limited to cheap readings usually finds the winner of
    // a non-word at a fraction of the cost, and the full walk then prunes against it from its
    // first step. A listed word mostly has no other reading, so the first walk would be spent
    // in vain; the generic walk starts from the learned walk's best instead.
    let cheap_first = (!budget.listed && !generic).then_some(CHEAP_FIRST.min(budget.max_cost));
    for max_cost in cheap_first.into_iter().chain([budget.max_cost]) {
        w.budget.max_cost = max_cost;
        w.steps = 0;
        w.dead_tails.clear();
        w.go(start, root.addr());
        // A word that dropped its first letter: try each learned initial letter in front.
        for c in &channel.dropped_initial {
            if c.cost > max_cost {
                continue;
            }
            if let Some((addr, out)) = w.walk_from(root, c.gt.as_bytes()) {
                w.gt.extend_from_slice(c.gt.as_bytes());
                let s = State {
                    out,
                    cost: c.cost,
                    edits: 1,
                    part_chars: c.gt.chars().count(),
                    kind: Some(c.kind),
                    ..start
                };
                w.go(s, addr);
                w.gt.clear();
            }
        }
    }
    let mut v = w.found;
    v.sort_by(|a, b| {
        a.channel
            .total_cmp(&b.channel)
            .then_with(|| a.word.cmp(&b.word))
    });
    v
}

/// Characters in a UTF-8 byte string (continuation bytes are `10xxxxxx`).
fn utf8_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl<'a> Walk<'a> {
    /// Follows `bytes` from the decoded `node`; the address reached and the output gathered.
    /// Taking the decoded node (not its address) spares a decode per move tried: most moves
    /// fail on their first byte; and the node reached is only decoded by [`Walk::go`] once
    /// the state there has proved worth exploring.
    fn walk_from(&self, node: Node<'a>, bytes: &[u8]) -> Option<(CompiledAddr, u64)> {
        let (&last, init) = bytes.split_last()?;
        let mut n = node;
        let mut out = 0;
        for &b in init {
            let t = n.transition(n.find_input(b)?);
            out += t.out.value();
            n = self.fst.node(t.addr);
        }
        let t = n.transition(n.find_input(last)?);
        Some((t.addr, out + t.out.value()))
    }

    /// Tries move `m` from `node`: walks it, recurses, and pops it again.
    fn step(&mut self, s: State, node: Node<'a>, m: Move<'_>, least_prior: f64) {
        if !self.affordable(s, m, least_prior) {
            return;
        }
        if let Some((next, out)) = self.walk_from(node, m.bytes) {
            self.enter(s, next, out, m);
        }
    }

    /// Whether move `m` keeps the reading within the budget and the edit cap, and could still
    /// lead to a reading that matters: the bound [`Walk::hopeless`] puts on the prior only
    /// tightens as the walk goes deeper, so a move that is hopeless from here is not walked.
    /// `least_prior` is [`Walk::least_prior`] of `s`, which a move does not change.
    fn affordable(&self, s: State, m: Move<'_>, least_prior: f64) -> bool {
        let edits = s.edits + u8::from(m.cost > 0.0);
        let cost = s.cost + m.cost;
        cost <= MAX_CHANNEL_COST
            && edits <= MAX_EDITS
            && cost + f64::from(edits) * self.budget.per_edit <= self.budget.max_cost
            && (m.cost == 0.0 || !self.hopeless_with(State { cost, edits, ..s }, least_prior))
    }

    /// Enters the node at `addr`, reached from `s` by move `m` that gathered `out`.
    fn enter(&mut self, s: State, addr: CompiledAddr, out: u64, m: Move<'_>) {
        let next = State {
            pos: s.pos + m.consumed,
            out: s.out + out,
            cost: s.cost + m.cost,
            edits: s.edits + u8::from(m.cost > 0.0),
            generic_used: s.generic_used || m.generic,
            part_chars: s.part_chars + utf8_chars(m.bytes),
            kind: match (s.kind, m.kind) {
                (Some(old), Some(new)) => Some(telling(old, new)),
                (old, new) => new.or(old),
            },
            ..s
        };
        let len = self.gt.len();
        self.gt.extend_from_slice(m.bytes);
        self.go(next, addr);
        self.gt.truncate(len);
    }

    /// Explores the readings through state `s` at the node at `addr`.
    fn go(&mut self, s: State, addr: CompiledAddr) {
        self.steps += 1;
        let least_prior = self.least_prior(s);
        if self.steps > MAX_STEPS || self.hopeless_with(s, least_prior) {
            return;
        }
        let node = if addr == self.root.addr() {
            self.root
        } else {
            self.fst.node(addr)
        };

        if s.pos == self.ocr.len() {
            self.finish(s, &node);
        }

        // Compound boundary: the current part is a word hunspell lets begin a compound (or a
        // compound-only stem); start a new part at the root, with or without a linking `s`.
        if s.parts < self.max_parts() && s.pos < self.ocr.len() && s.part_chars >= MIN_HEAD_CHARS {
            let here = self.gt.len();
            let fresh_with = |f: u64| State {
                out: 0,
                parts: s.parts + 1,
                part_start: here,
                part_chars: 0,
                head_freq: s.head_freq.min(f),
                ..s
            };
            let linking = self.ocr[s.pos] == 's' && s.pos + 1 < self.ocr.len();
            // (frequency, may the next part follow directly, may it follow a linking `s`)
            let head = if node.is_final() {
                let value = s.out + node.final_output().value();
                Some((
                    frequency_of(value),
                    is_head_value(value),
                    linking && is_linked_head_value(value),
                ))
            } else if !self.hopeless(fresh_with(STEM_FREQUENCY)) {
                // Not final, so not a word: only the compound-only stems can make it a head
                // (looked up only when such a compound could still matter: the lookup starts
                // from the root of the other automaton).
                let plain = self.lex.is_stem(&self.gt[s.part_start..]);
                let linked = linking && {
                    self.gt.push(b's');
                    let stem = self.lex.is_stem(&self.gt[s.part_start..]);
                    self.gt.pop();
                    stem
                };
                (plain || linked).then_some((STEM_FREQUENCY, plain, linked))
            } else {
                None
            };
            if let Some((f, plain, linked)) = head {
                let fresh = fresh_with(f);
                if plain {
                    self.go_tail(fresh);
                }
                if linked {
                    let len = self.gt.len();
                    self.gt.push(b's');
                    self.go_tail(State {
                        pos: s.pos + 1,
                        part_start: self.gt.len(),
                        ..fresh
                    });
                    self.gt.truncate(len);
                }
            }
        }

        if s.pos < self.ocr.len() {
            let c = self.ocr[s.pos];
            let mut buf = [0u8; 4];
            // The OCR character read as itself.
            let own = Move {
                bytes: c.encode_utf8(&mut buf).as_bytes(),
                consumed: 1,
                cost: 0.0,
                kind: None,
                generic: false,
            };
            self.step(s, node, own, least_prior);
            // Learned confusions for OCR segments starting here.
            for o in self.option_at[s.pos]..self.option_at[s.pos + 1] {
                let (consumed, conf) = self.options[o];
                let m = Move {
                    bytes: conf.gt.as_bytes(),
                    consumed,
                    cost: conf.cost,
                    kind: Some(conf.kind),
                    generic: false,
                };
                self.step(s, node, m, least_prior);
            }
            if s.pos > 0 && !self.budget.listed {
                let channel = self.channel;
                for conf in &channel.dropped {
                    let m = Move {
                        bytes: conf.gt.as_bytes(),
                        consumed: 0,
                        cost: conf.cost,
                        kind: Some(conf.kind),
                        generic: false,
                    };
                    self.step(s, node, m, least_prior);
                }
            }
        }

        if self.generic && !s.generic_used {
            self.generic_edits(s, node, least_prior);
        }
    }

    /// Most compound parts of a reading. A listed word is only ever replaced by another listed
    /// word, and a reading that needs a generic edit must be a single word too: neither walk
    /// opens compound junctions.
    fn max_parts(&self) -> u8 {
        if self.budget.listed || self.generic {
            1
        } else {
            MAX_PARTS as u8
        }
    }

    /// Starts a new compound part at the root from state `s`, unless a tail walk from the same
    /// position already found nothing from a state at least as good. Many heads end at the
    /// same position (`fors|`, `forsi|`…) and each would walk the same hopeless tails again;
    /// since pruning only tightens as cost and edits grow and the head frequency falls, a
    /// tail that failed from a better state fails from this one too.
    fn go_tail(&mut self, s: State) {
        let dominated = self.dead_tails.iter().any(|d| {
            d.pos == s.pos
                && d.parts == s.parts
                && (d.generic_used <= s.generic_used)
                && d.cost <= s.cost
                && d.edits <= s.edits
                && d.head_freq >= s.head_freq
        });
        if dominated {
            return;
        }
        let before = self.readings;
        self.go(s, self.root.addr());
        if self.readings == before {
            self.dead_tails.push(DeadTail {
                pos: s.pos,
                parts: s.parts,
                generic_used: s.generic_used,
                cost: s.cost,
                edits: s.edits,
                head_freq: s.head_freq,
            });
        }
    }

    /// One substitution, insertion or deletion that the confusion model has not seen.
    fn generic_edits(&mut self, s: State, node: Node<'a>, least_prior: f64) {
        if !self.affordable(s, generic(&[], 0, EditKind::Spelling), least_prior) {
            return;
        }
        let sub_kind = self.ocr.get(s.pos).map(|&c| {
            if c.is_ascii_digit() {
                EditKind::Digit
            } else if c.is_alphanumeric() {
                EditKind::Spelling
            } else {
                EditKind::Noise
            }
        });
        if let Some(&c) = self.ocr.get(s.pos) {
            // Deletion of an OCR character.
            let kind = if c.is_alphanumeric() {
                EditKind::Spelling
            } else {
                EditKind::Noise
            };
            self.enter(s, node.addr(), 0, generic(&[], 1, kind));
        }
        // Every character the automaton allows next (one or two UTF-8 bytes: Swedish letters),
        // substituted for the OCR character or inserted before it.
        let fst = self.fst;
        let try_char = |w: &mut Self, bytes: &[u8], next: CompiledAddr, out: u64| {
            if let Some(kind) = sub_kind {
                w.enter(s, next, out, generic(bytes, 1, kind));
            }
            if s.pos > 0 {
                w.enter(s, next, out, generic(bytes, 0, EditKind::Spelling));
            }
        };
        for t in node.transitions() {
            if t.inp < 0x80 {
                try_char(self, &[t.inp], t.addr, t.out.value());
            } else if (0xC2..0xE0).contains(&t.inp) {
                let lead = fst.node(t.addr);
                for t2 in lead.transitions() {
                    let out = t.out.value() + t2.out.value();
                    try_char(self, &[t.inp, t2.inp], t2.addr, out);
                }
            }
        }
    }

    /// Whether every reading through `s` costs more than [`PRUNE_MARGIN`] above the best found
    /// so far (or keeping): the prior of any completion is bounded by the most frequent word
    /// below the current node (see [`Lexicon::words_fst`]). Most of a long word's walk is spent
    /// on rare compound readings that this cuts off early.
    fn hopeless(&self, s: State) -> bool {
        self.hopeless_with(s, self.least_prior(s))
    }

    /// [`Walk::hopeless`] given [`Walk::least_prior`] of `s`: moves from one node share it.
    fn hopeless_with(&self, s: State, least_prior: f64) -> bool {
        let margin = if self.generic {
            GENERIC_PRUNE_MARGIN
        } else {
            PRUNE_MARGIN
        };
        s.cost + f64::from(s.edits) * self.budget.per_edit + least_prior > self.best + margin
    }

    /// The lowest prior any reading through `s` can have (infinite if none can be a reading).
    fn least_prior(&self, s: State) -> f64 {
        // A compound-only stem as a head counts 1 000 per billion (see `go`), and a head form
        // before `- ` as much (see `finish`).
        let below = frequency_of(s.out);
        let bound = if s.parts == 1 {
            let head_form = if self.head_ok { STEM_FREQUENCY } else { 0 };
            below.max(STEM_FREQUENCY / COMPOUND_DIVISOR).max(head_form)
        } else {
            compound_frequency(
                s.head_freq.min(below.max(STEM_FREQUENCY)),
                usize::from(s.parts),
            )
        };
        if bound == 0 {
            // Too many junctions for parts this rare: no reading at all (see `finish`).
            return f64::INFINITY;
        }
        // Along a path the bound changes only where the most frequent word below it does, and
        // sibling paths share their bounds: a few logarithms serve a whole walk.
        let slot = &self.priors[(bound % PRIOR_SLOTS as u64) as usize];
        let (known, prior) = slot.get();
        if known == bound {
            return prior;
        }
        let prior = doc_free_prior(bound);
        slot.set((bound, prior));
        prior
    }

    /// Records the reading if the walk ends on a word (or an allowed head form).
    fn finish(&mut self, s: State, node: &Node<'_>) {
        let Ok(word) = std::str::from_utf8(&self.gt) else {
            return;
        };
        let mut frequency = None;
        if node.is_final() && (s.parts == 1 || s.part_chars >= MIN_TAIL_CHARS) {
            let f = frequency_of(s.out + node.final_output().value());
            // A compound estimated under one per billion words is no reading (as in
            // [`Lexicon::word_or_compound_frequency`]).
            frequency = Some(if s.parts == 1 {
                f
            } else {
                compound_frequency(s.head_freq.min(f), usize::from(s.parts))
            })
            .filter(|&f| f > 0);
        } else if self.head_ok && s.parts == 1 && self.lex.is_hyphen_head(word) {
            frequency = Some(STEM_FREQUENCY);
        }
        let Some(frequency) = frequency else { return };
        self.readings += 1;
        let total = s.cost + f64::from(s.edits) * self.budget.per_edit + doc_free_prior(frequency);
        self.best = self.best.min(total);
        match self.found.iter_mut().find(|c| c.word == word) {
            Some(old) if (old.channel, old.parts) <= (s.cost, s.parts) => {}
            Some(old) => {
                *old = Candidate {
                    word: word.to_string(),
                    channel: s.cost,
                    edits: s.edits,
                    frequency,
                    parts: s.parts,
                    kind: s.kind.unwrap_or(EditKind::Spelling),
                };
            }
            None => {
                let cand = Candidate {
                    word: word.to_string(),
                    channel: s.cost,
                    edits: s.edits,
                    frequency,
                    parts: s.parts,
                    kind: s.kind.unwrap_or(EditKind::Spelling),
                };
                self.found.push(cand);
            }
        }
    }
}

/// What [`explain`] found out about a word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The word as given.
    pub word: String,
    /// How the word before its first occurrence in the context reads, if one is next to it.
    pub before: Option<String>,
    /// How the word after it reads.
    pub after: Option<String>,
    /// Whether the lexicon knows it (as a word or a compound), and its frequency.
    pub known_frequency: Option<u64>,
    /// The estimated OCR damage of the context (`1.0` assumed without context).
    pub damage: f64,
    /// The cost of keeping the word.
    pub keep_cost: f64,
    /// Candidates with their channel cost, frequency and total cost, best first.
    pub candidates: Vec<ExplainedCandidate>,
    /// The replacement, if any.
    pub decision: Option<String>,
    /// The best candidate's confidence.
    pub confidence: f64,
    /// Why, in words.
    pub reason: String,
}

/// One row of an [`Explanation`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedCandidate {
    /// The candidate word (lower case).
    pub word: String,
    /// −ln P(OCR | word).
    pub channel: f64,
    /// Frequency per billion words.
    pub frequency: u64,
    /// Channel plus prior, less the neighbours' context gain, as ranked in this context.
    pub total: f64,
    /// Compound parts.
    pub parts: u8,
    /// The rule behind the reading.
    pub kind: EditKind,
}

/// Shows how `word` would be repaired: alone (in a document assumed to be OCR-damaged), or inside
/// `context`, whose damage and word counts are estimated as for a document.
pub fn explain(word: &str, context: Option<&str>) -> Explanation {
    let lex = lexicon();
    let lower = word.to_lowercase();
    let mut doc = DocModel {
        damage: 1.0,
        ..DocModel::default()
    };
    doc.set_prior_floor();
    let mut neighbours = (None, None);
    if let Some(ctx) = context {
        let tokens = tokenize(ctx);
        let (d, mut vocab) = document_model(&tokens, lex);
        doc = d;
        // Where the word occurs in the context, its first occurrence's neighbours speak too.
        let ranks = rank_all(&tokens, &doc, &mut vocab, lex);
        let at = vocab
            .index
            .get(&lower)
            .and_then(|&id| vocab.of_token.iter().position(|&t| t == Some(id)));
        if let Some(i) = at {
            let read = |j: Option<usize>| {
                j.and_then(|j| reading_of(&vocab, &ranks, j))
                    .map(str::to_string)
            };
            neighbours = (
                read(neighbour(&tokens, i, false)),
                read(neighbour(&tokens, i, true)),
            );
        }
    }
    let mut info = analyse(lex, &lower, false);
    if !info.searched {
        let budget = doc.budget(keep_cost(&lower, &info, &doc));
        search_readings(lex, &lower, false, budget, &mut info);
    }
    let ranked = rank(&lower, &info, &doc);
    let (before, after) = (neighbours.0.as_deref(), neighbours.1.as_deref());
    let ranked = with_context(&ranked, &lower, &info, before, after).unwrap_or(ranked);
    let candidates = ranked
        .candidates
        .iter()
        .map(|(c, total)| ExplainedCandidate {
            word: c.word.clone(),
            channel: round3(c.channel),
            frequency: c.frequency,
            total: round3(*total),
            parts: c.parts,
            kind: c.kind,
        })
        .collect();
    let best = ranked.candidates.first();
    let decision = best
        .filter(|_| ranked.confidence >= DEFAULT_MIN_CONFIDENCE)
        .map(|(c, _)| restore_case(word, &c.word));
    let reason = match (info.known, best) {
        (Some(_), _) if info.listed && doc.damage < REAL_WORD_MIN_DAMAGE => format!(
            "a known word in a document with little OCR damage ({:.2} < {REAL_WORD_MIN_DAMAGE}): real-word repairs are off",
            doc.damage
        ),
        (_, None) => "no candidate within the channel budget".to_string(),
        (_, Some((c, total))) if *total >= ranked.keep_cost => format!(
            "keeping it ({:.2}) is cheaper than the best reading {:?} ({total:.2})",
            ranked.keep_cost, c.word
        ),
        (_, Some((c, total))) => format!(
            "{:?} ({total:.2}) beats keeping ({:.2}); confidence {:.3} {} the threshold {DEFAULT_MIN_CONFIDENCE}",
            c.word,
            ranked.keep_cost,
            ranked.confidence,
            if ranked.confidence >= DEFAULT_MIN_CONFIDENCE {
                "meets"
            } else {
                "is under"
            }
        ),
    };
    Explanation {
        word: word.to_string(),
        before: neighbours.0,
        after: neighbours.1,
        known_frequency: info.known,
        damage: round3(doc.damage),
        keep_cost: round3(ranked.keep_cost),
        candidates,
        decision,
        confidence: round3(ranked.confidence),
        reason,
    }
}

/// Pass 1 of [`repair`]: every distinct repairable word analysed, and the document's damage and
/// word counts.
fn document_model(tokens: &[Token<'_>], lex: &Lexicon) -> (DocModel, Vocabulary) {
    let mut doc = DocModel::default();
    let (mut damaged, mut intact) = (0u32, 0u32);
    let mut vocab = Vocabulary {
        index: HashMap::new(),
        words: Vec::new(),
        of_token: vec![None; tokens.len()],
    };
    for i in 0..tokens.len() {
        let Some(lower) = repairable(tokens, i) else {
            continue;
        };
        doc.words += 1;
        let id = match vocab.index.get(&lower) {
            Some(&id) => id,
            None => {
                let info = analyse(lex, &lower, ends_in_hyphen(tokens, i));
                vocab.index.insert(lower.clone(), vocab.words.len());
                vocab.words.push((lower, info));
                vocab.words.len() - 1
            }
        };
        vocab.of_token[i] = Some(id);
        let (lower, info) = &vocab.words[id];
        if info.known.is_some() {
            if has_diacritic(lower) {
                intact += 1;
                *doc.cache.entry(lower.clone()).or_default() += 1;
            }
        } else if let Some(best) = info
            .candidates
            .iter()
            .min_by(|a, b| a.free_cost().total_cmp(&b.free_cost()))
            && best.parts == 1
            && best.free_cost() + EVIDENCE_MARGIN < KEEP_UNKNOWN_COST
        {
            // A non-word the confusion model can explain: evidence of damage.
            damaged += 1;
            if has_diacritic(&best.word) {
                *doc.cache.entry(best.word.clone()).or_default() += 1;
            }
        }
    }
    // Pseudo-counts lean towards "clean": a text without evidence either way is not damaged.
    doc.damage =
        ((f64::from(damaged) + 0.5) / (f64::from(damaged + intact) + 3.0)).clamp(MIN_DAMAGE, 1.0);
    doc.set_prior_floor();
    (doc, vocab)
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.known_frequency {
            Some(freq) => writeln!(f, "{}: known, {freq} per billion words", self.word)?,
            None => writeln!(f, "{}: not in the lexicon", self.word)?,
        }
        writeln!(
            f,
            "document damage {:.3}; keeping costs {:.3}",
            self.damage, self.keep_cost
        )?;
        if self.before.is_some() || self.after.is_some() {
            let show = |w: &Option<String>| w.clone().unwrap_or_else(|| "-".to_string());
            writeln!(
                f,
                "in context: {} _ {} (totals include what these neighbours say)",
                show(&self.before),
                show(&self.after)
            )?;
        }
        writeln!(
            f,
            "{:<28} {:>8} {:>12} {:>8} {:>5}  kind",
            "candidate", "channel", "freq/1e9", "total", "parts"
        )?;
        for c in &self.candidates {
            writeln!(
                f,
                "{:<28} {:>8.3} {:>12} {:>8.3} {:>5}  {:?}",
                c.word, c.channel, c.frequency, c.total, c.parts, c.kind
            )?;
        }
        match &self.decision {
            Some(d) => writeln!(f, "decision: {d} (confidence {:.3})", self.confidence)?,
            None => writeln!(
                f,
                "decision: keep (confidence of best {:.3})",
                self.confidence
            )?,
        }
        writeln!(f, "why: {}", self.reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A damaged document around the phrase under test: the English model's typical output, so
    /// that the damage estimate is that of a real garbled document.
    const DAMAGED: &str = "Staten och regionerna har ingdtt en overenskommelse f6r 2020. \
        Insatser for lindrig psykisk ohilsa och ldngvarig smirta ska kvalitetssikras. \
        Forsikringskassan har uppdraget att svara f6r uppféljning och berikning. ";

    /// The repaired text of `text`.
    fn repaired(text: &str) -> String {
        offsets_apply(text, &repair(text, DEFAULT_MIN_CONFIDENCE))
    }

    fn offsets_apply(text: &str, changes: &[Change]) -> String {
        crate::offsets::apply(text, changes).0
    }

    /// `phrase` inside a damaged document is repaired to `expected`.
    #[track_caller]
    fn assert_corrects(phrase: &str, expected: &str) {
        let out = repaired(&format!("{DAMAGED}{phrase}"));
        let got = out.strip_prefix(&repaired(DAMAGED)).unwrap_or(&out);
        assert_eq!(got, expected, "repairing {phrase:?}");
    }

    /// `text` (a whole document) comes out unchanged.
    #[track_caller]
    fn assert_unchanged(text: &str) {
        let applied: Vec<_> = repair(text, DEFAULT_MIN_CONFIDENCE)
            .into_iter()
            .filter(|c| c.applied)
            .collect();
        assert!(applied.is_empty(), "{text:?} got {applied:?}");
    }

    /// `phrase` inside a damaged document is left alone.
    #[track_caller]
    fn assert_unchanged_in_damaged(phrase: &str) {
        assert_corrects(phrase, phrase);
    }

    #[test]
    fn diacritics_are_restored() {
        assert_corrects("hilso- och sjukvirden", "hälso- och sjukvården");
        assert_corrects("Forsikringskassan", "Försäkringskassan");
        assert_corrects("Férsikringskassan", "Försäkringskassan");
        assert_corrects("kvalitetssiker", "kvalitetssäker");
        assert_corrects("har ingdtt", "har ingått");
        assert_corrects("ldngvarig", "långvarig");
        assert_corrects("Tilliggsoverenskommelse", "Tilläggsöverenskommelse");
    }

    #[test]
    fn digits_inside_words_are_letters() {
        assert_corrects("f6r", "för");
        assert_corrects("6verenskommelsen", "överenskommelsen");
        assert_corrects("med st6d av", "med stöd av");
    }

    #[test]
    fn dropped_initial_letters_are_restored() {
        assert_corrects("verenskommelsen", "överenskommelsen");
    }

    #[test]
    fn a_dropped_letter_is_restored_where_the_rest_only_looks_like_a_compound() {
        // `ter` (of `te sig`) + `rapporterar` is no compound: hunspell does not let `ter`
        // begin one.
        assert_corrects(
            "Regionerna terrapporterar till Forsikringskassan",
            "Regionerna återrapporterar till Försäkringskassan",
        );
    }

    #[test]
    fn a_listed_word_beats_a_compound_of_frequent_parts() {
        // `låg|förslag` would be estimated from `förslag`; the listed `lagförslag` needs one
        // edit fewer.
        assert_corrects("lagforslag", "lagförslag");
        assert_corrects("sjuklén", "sjuklön");
    }

    #[test]
    fn brace_noise_is_repaired() {
        assert_corrects("{6r", "för");
        assert_corrects("{or", "för");
    }

    #[test]
    fn real_word_errors_are_repaired_in_a_damaged_document() {
        assert_corrects("for", "för");
        assert_corrects("Detta far konsekvenser", "Detta får konsekvenser");
        assert_corrects("lin", "län");
        assert_corrects("ritt", "rätt");
        assert_corrects("direktor", "direktör");
        assert_corrects("smirta och smarta", "smärta och smärta");
        assert_corrects("st6d och stod", "stöd och stöd");
    }

    #[test]
    fn ambiguous_real_words_are_reported_but_not_applied() {
        // `skålen` and `skälen` are both words a→å/ä away; with no neighbour to decide, the
        // repair only reports its guess.
        let text = format!("{DAMAGED}Skalen");
        let changes = repair(&text, DEFAULT_MIN_CONFIDENCE);
        let last = changes.last().expect("a proposal for Skalen");
        assert!(!last.applied && last.confidence < DEFAULT_MIN_CONFIDENCE);
        assert_eq!(last.kind, EditKind::RealWord);
    }

    #[test]
    fn neighbouring_words_decide_close_calls() {
        // `skälen för` is a pair of the register, `skålen för` is not.
        assert_corrects(
            "2. Skalen for en reviderad 6verenskommelse",
            "2. Skälen för en reviderad överenskommelse",
        );
        // `värd` is the cheaper misreading, but `den vård som` is what the register says.
        assert_corrects(
            "Den 6vervigande delen av den vird som inte dr",
            "Den övervägande delen av den vård som inte är",
        );
    }

    #[test]
    fn context_leaves_correct_words_alone() {
        assert_unchanged_in_damaged("Insatsen är värd sitt pris.");
        assert_unchanged_in_damaged("Regeringen ger stöd för vård av patienter.");
        // An unlisted but correct form is not pushed towards a listed one by its neighbours.
        assert_unchanged_in_damaged("i propositionens förslag");
    }

    #[test]
    fn real_words_are_left_alone_in_clean_text() {
        assert_unchanged("Jag for dit for en vecka sedan och det var bra.");
        assert_unchanged(
            "Hon stod vid sitt beslut, och de smarta lösningarna kom i rätt tid till länet.",
        );
    }

    #[test]
    fn compounds_are_accepted_and_repaired() {
        assert_unchanged(
            "Försäkringsmedicin och rehabiliteringsprocessen ingår i uppföljningsmåtten.",
        );
        assert_corrects("férsikringsmedicin", "försäkringsmedicin");
        assert_corrects("uppféljningsmatt", "uppföljningsmått");
        assert_corrects("tilliggséverenskommelse", "tilläggsöverenskommelse");
    }

    #[test]
    fn one_between_words_is_the_word_i() {
        assert_corrects("svirt sjuka 1 covid-19", "svårt sjuka i covid-19");
        assert_corrects("utgingspunkt 1 antalet", "utgångspunkt i antalet");
        assert_corrects("och 1 samverkan med", "och i samverkan med");
        // After a capitalised word only a definite form (which no numeral takes) decides.
        assert_corrects(
            "Insatserna 1 6verenskommelsen bedoms",
            "Insatserna i överenskommelsen bedöms",
        );
    }

    #[test]
    fn numbers_stay_numbers() {
        assert_unchanged_in_damaged("per den 1 november 2019");
        assert_unchanged_in_damaged("Villkor 1 Ledning");
        assert_unchanged_in_damaged("villkor 1, 2, 3 och 4");
        assert_unchanged_in_damaged("1 444 kronor");
        assert_unchanged_in_damaged("62,5 miljoner");
        assert_unchanged_in_damaged("dnr S2019/05301/SF");
        assert_unchanged_in_damaged("SOU 2020:24");
        assert_unchanged_in_damaged("1. Bakgrund");
        assert_unchanged_in_damaged("mellan 0 och 1 procent");
        assert_unchanged_in_damaged("2 och 1 kap. lagen");
        assert_unchanged_in_damaged("villkor 2 eller 1 och 3");
        assert_unchanged_in_damaged("bifaller motionens yrkandena 1 och 2");
        assert_unchanged_in_damaged("Grupp 1 består av tre personer.");
        assert_unchanged_in_damaged("Alternativ 1 innebär att");
        assert_unchanged_in_damaged("Bilaga 1 innehåller tabellen");
    }

    #[test]
    fn one_is_left_alone_in_clean_text() {
        assert_unchanged("Det gäller 1 november och villkor 1 samt 1 person.");
    }

    #[test]
    fn footnote_digits_and_acronyms_are_protected() {
        assert_unchanged_in_damaged("Försäkringskassan9 och SKR:s");
        assert_unchanged_in_damaged("SKR");
    }

    #[test]
    fn case_is_preserved() {
        assert_corrects("F6R", "FÖR");
        assert_corrects("F6r", "För");
        assert_corrects("FORSIKRINGSKASSAN", "FÖRSÄKRINGSKASSAN");
    }

    #[test]
    fn clean_swedish_is_left_alone() {
        assert_unchanged(
            "Försäkringskassan och Socialstyrelsen har regeringens uppdrag att följa upp överenskommelsen.",
        );
        assert_unchanged("Ardalan Shekarabi och Inera stöttar arbetet.");
    }

    #[test]
    fn proposals_are_sorted_in_bounds_and_confident() {
        let text = format!("{DAMAGED}Skalen for en reviderad 6verenskommelse");
        let changes = repair(&text, DEFAULT_MIN_CONFIDENCE);
        let mut end = 0;
        for c in &changes {
            assert!(c.start >= end && c.end <= text.len() && c.start < c.end);
            assert!((0.0..=1.0).contains(&c.confidence));
            assert_eq!(c.applied, c.confidence >= DEFAULT_MIN_CONFIDENCE);
            end = c.end;
        }
    }

    #[test]
    fn min_confidence_one_applies_nothing_uncertain() {
        let changes = repair(DAMAGED, 1.01);
        assert!(!changes.is_empty() && changes.iter().all(|c| !c.applied));
    }

    #[test]
    fn explain_shows_candidates_and_decision() {
        let e = explain("f6r", None);
        assert_eq!(e.decision.as_deref(), Some("för"));
        assert!(e.candidates.iter().any(|c| c.word == "för"));
        let table = e.to_string();
        assert!(table.contains("decision: för"), "{table}");
        let clean = explain(
            "for",
            Some("Jag for dit for en vecka sedan och det var bra i år."),
        );
        assert_eq!(clean.decision, None);
        // Inside a document, the word's neighbours there weigh in, as they do in `repair`.
        let text = format!("{DAMAGED}2. Skalen for en reviderad 6verenskommelse");
        let in_doc = explain("Skalen", Some(&text));
        assert_eq!(in_doc.decision.as_deref(), Some("Skälen"));
        assert_eq!(
            (in_doc.before.as_deref(), in_doc.after.as_deref()),
            (None, Some("för"))
        );
        assert!(in_doc.to_string().contains("in context: - _ för"));
    }

    #[test]
    fn arbitrary_input_never_panics() {
        for s in [
            "", "1", "{", "{{6", "ö", "\u{301}a", "1 1 1", "- -", "a1b2c3", "ÅÄÖ6{",
        ] {
            let _ = repair(s, 0.5);
            let _ = explain(s, Some(s));
        }
    }
}
