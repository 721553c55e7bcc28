//! Ranking: the readings of each word scored as a noisy channel, in its document and between its
//! neighbours.
//!
//! In: the tokens of a document. Out: a [`DocModel`] (how damaged the document is, which words it
//! uses), its distinct repairable words with their readings ([`Vocabulary`]), and a [`Ranked`] list
//! per word: each reading's total cost (confusion costs, edit surcharges for a clean document, and
//! the word's prior mixed with the document's own counts — a cache model, so `stöd` written as
//! `st6d` elsewhere supports `stod`→`stöd`), the cost of keeping the word, and the winner's share
//! of the probability mass. Close calls are re-scored with the words around them
//! ([`super::context`]).
//!
//! It does not generate readings ([`super::walk`]) nor decide what may be touched
//! ([`super::protect`]); it never changes the text.

use std::sync::LazyLock;

use serde::Serialize;

use super::cache::{Memo, WordMap};
use super::context;
use super::protect::repairable;
use super::tokenize::{Token, TokenKind};
use super::walk::{Budget, Candidate, KEEP_UNKNOWN_COST, MAX_CHANNEL_COST, search_within};
use crate::lexicon::{Lexicon, MAX_FREQUENCY};

/// Repairs below this confidence are reported, not applied.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.5;

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

/// How much worse than keeping a word a reading may be and still be searched for (it weighs in
/// the confidence of the winner by at most e^−margin of keeping's weight).
const BUDGET_MARGIN: f64 = 1.0;

/// Weight of the document's own word counts in the prior (the cache model's λ).
const CACHE_WEIGHT: f64 = 0.05;

/// Below this estimated damage, real-word corrections and `1`→`i` are not proposed.
pub(super) const REAL_WORD_MIN_DAMAGE: f64 = 0.3;

/// The damage estimate never goes below this, so the extra cost per edit stays finite.
const MIN_DAMAGE: f64 = 0.02;

/// The document-level evidence that ranking uses.
#[derive(Debug, Clone, Default)]
pub(super) struct DocModel {
    /// Estimated share of å/ä/ö that the OCR damaged, in `[MIN_DAMAGE, 1]`.
    pub(super) damage: f64,
    /// Counts of diacritic-bearing words the document uses (directly or via a sure repair).
    pub(super) cache: WordMap<String, u32>,
    /// Total word tokens, the cache's denominator.
    pub(super) words: u32,
    /// The lowest prior cost any word can have in this document (the most frequent word of the
    /// lexicon, or the document's most used word): bounds how cheap a reading can get.
    pub(super) prior_floor: f64,
}

impl DocModel {
    /// −ln P(word): the unigram prior mixed with the document's own counts.
    pub(super) fn prior_cost(&self, word: &str, frequency: u64) -> f64 {
        let uni = (frequency.max(1) as f64) / 1e9;
        let cached = match self.cache.get(word) {
            Some(&n) if self.words > 0 => f64::from(n) / f64::from(self.words),
            _ => 0.0,
        };
        -((1.0 - CACHE_WEIGHT) * uni + CACHE_WEIGHT * cached).ln()
    }

    /// Extra channel cost per edit in a document this clean: −ln(damage).
    pub(super) fn damage_cost(&self) -> f64 {
        -self.damage.max(MIN_DAMAGE).ln()
    }

    /// How far to search for readings of a word that costs `keep_cost` to keep. A reading can
    /// only win if its channel cost plus its prior beats keeping, and no prior is below
    /// [`DocModel::prior_floor`]; the margin also keeps readings slightly worse than keeping,
    /// which still weigh in the confidence.
    pub(super) fn budget(&self, keep_cost: f64) -> Budget {
        Budget {
            max_cost: (keep_cost - self.prior_floor + BUDGET_MARGIN).min(MAX_CHANNEL_COST),
            per_edit: self.damage_cost(),
            keep: keep_cost,
            listed: false,
        }
    }

    /// Computes [`DocModel::prior_floor`] from the counts.
    pub(super) fn set_prior_floor(&mut self) {
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
pub(super) struct Ranked {
    /// The candidate and its total cost, best first.
    pub candidates: Vec<(Candidate, f64)>,
    /// The cost of keeping the word as it is.
    pub keep_cost: f64,
    /// The best candidate's share of the probability mass (keeping included).
    pub confidence: f64,
}

/// Everything known about one distinct lower-case word of a document.
#[derive(Debug, Clone)]
pub(super) struct WordInfo {
    /// Frequency if the word is listed or a compound.
    pub(super) known: Option<u64>,
    /// Whether the word is listed as it is (not only readable as a compound): only listed words
    /// are trusted enough to need a real-word argument against them.
    pub(super) listed: bool,
    /// Readings found by the walks, cheapest channel first.
    pub(super) candidates: Vec<Candidate>,
    /// Whether the walks have run (they run lazily for known words).
    pub(super) searched: bool,
    /// Whether the learned walk, unbounded by the document and with no head forms allowed,
    /// found any reading: `None` if that walk has not run. Spares `1`→`i` a second walk.
    pub(super) readable: Option<bool>,
}

/// The distinct repairable words of a document, and which token is which: pass 2 of
/// [`super::repair`] finds each token's analysis without lower-casing or hashing it again.
pub(super) struct Vocabulary {
    /// Lower-case word → its place in `words`.
    pub(super) index: WordMap<String, usize>,
    /// Each distinct word with its analysis, in order of first use.
    pub(super) words: Vec<(String, WordInfo)>,
    /// For each token, its word's place in `words`, if the repair may touch it.
    pub(super) of_token: Vec<Option<usize>>,
}

/// Pass 2 of [`super::repair`]: the ranking of each distinct word (searching known words for
/// real-word readings first, in a damaged document), by its place in `vocab.words`.
pub(super) fn rank_all(
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
pub(super) fn reading_of<'v>(
    vocab: &'v Vocabulary,
    ranks: &'v [Option<Ranked>],
    j: usize,
) -> Option<&'v str> {
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
pub(super) fn neighbour(tokens: &[Token<'_>], i: usize, after: bool) -> Option<usize> {
    let (gap, j) = if after {
        (i + 1, i + 2)
    } else {
        (i.checked_sub(1)?, i.checked_sub(2)?)
    };
    let g = tokens.get(gap)?;
    let spaces = g.kind == TokenKind::Space && g.text.bytes().all(|b| b == b' ' || b == b'\t');
    (spaces && tokens.get(j)?.kind != TokenKind::Number).then_some(j)
}

/// `ranked` re-scored with the neighbours' evidence (see [`super::context`]), when the call is
/// close enough for context to matter, or when it is a contest between vowel variants
/// ([`vowel_variants`]); `None` when it is neither, or the neighbours say nothing.
///
/// Vowel variants (`vård`/`värd` from `vird`, `år`/`är` from `ar`, `bor` kept or read `bör`) are
/// real words the channel cannot tell apart: the English model reads å and ä alike, so which
/// one it saw says little. There both neighbours weigh more ([`context::VARIANT_MAX_GAIN`]), and
/// context may overturn the winner of channel and prior only with [`STRONG_EVIDENCE`]; a weaker
/// overturn is reported, not applied (its confidence is at most [`WEAK_EVIDENCE_CONFIDENCE`]).
pub(super) fn with_context(
    ranked: &Ranked,
    lower: &str,
    info: &WordInfo,
    left: Option<&str>,
    right: Option<&str>,
) -> Option<Ranked> {
    let &(ref first, best) = ranked.candidates.first()?;
    // The winner before context: the best reading, or the word itself if keeping is cheaper.
    let before = if best < ranked.keep_cost {
        first.word.as_str()
    } else {
        lower
    };
    let contest = variant_contest(ranked, lower, info);
    // Only a close call between the two cheapest options (keeping included) asks the context.
    let second = ranked.candidates.get(1).map_or(f64::INFINITY, |&(_, c)| c);
    let mut costs = [best, second, ranked.keep_cost];
    costs.sort_by(f64::total_cmp);
    if costs[1] - costs[0] > CONTEXT_RANGE && !contest {
        return None;
    }
    let around = context::Neighbours::new(left, right);
    if around.is_silent() {
        return None;
    }
    let cap = if contest {
        context::VARIANT_MAX_GAIN
    } else {
        context::MAX_GAIN
    };
    let gain = |word: &str, frequency: u64| around.gain(word, frequency as f64 / 1e9, cap);
    // A word the lexicon does not know but the clean text shows next to this neighbour
    // (`propositionens förslag`) is a word: it is given the least frequency, not none.
    let keep_gain = gain(lower, info.known.unwrap_or(1));
    let mut candidates: Vec<(Candidate, f64)> = ranked
        .candidates
        .iter()
        .map(|(c, total)| (c.clone(), total - gain(&c.word, c.frequency)))
        .collect();
    let keep_cost = ranked.keep_cost - keep_gain;
    candidates.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.word.cmp(&b.0.word)));
    // A word the lexicon does not list is rarely in the context counts either (they are pruned
    // to pairs seen thrice), so context could only ever speak against keeping it, and unlisted
    // correct forms (`propositionens`, read only as a compound) would pay for the gaps of the
    // lexicon. For such a word context picks among the readings but does not make the best of
    // them beat keeping by more than it did without context.
    if !info.listed
        && let Some(&(_, new_best)) = candidates.first()
    {
        let lift = (best - new_best).max(0.0);
        for (_, total) in &mut candidates {
            *total += lift;
        }
    }
    let mut confidence = confidence_of(&candidates, keep_cost);
    if contest {
        let after = match candidates.first() {
            Some((c, total)) if *total < keep_cost => c.word.as_str(),
            _ => lower,
        };
        // How much more the neighbours say for the new winner than for the old one.
        let frequency_of = |w: &str| {
            if w == lower {
                info.known.unwrap_or(0)
            } else {
                ranked
                    .candidates
                    .iter()
                    .find(|(c, _)| c.word == w)
                    .map_or(0, |(c, _)| c.frequency)
            }
        };
        let evidence = gain(after, frequency_of(after)) - gain(before, frequency_of(before));
        // Only an overturned real word needs the strong evidence; an unknown word kept before
        // context was no reading to defend.
        let was_word = before != lower || info.listed;
        if was_word
            && after != before
            && vowel_variants(after, before)
            && evidence < STRONG_EVIDENCE
        {
            confidence = confidence.min(WEAK_EVIDENCE_CONFIDENCE);
        }
    }
    Some(Ranked {
        candidates,
        keep_cost,
        confidence,
    })
}

/// How much more (nats, both neighbours together) the context must say for a vowel variant than
/// for the winner of channel and prior before it replaces that winner: e^3 ≈ 20 times likelier
/// between these neighbours. On the seeds' training pairs (texts the context corpus does not
/// contain) 0 to 3 nats gave the same WER, 5 raised it from 3.11 % to 3.23 %; 3 is the strictest
/// that costs nothing there.
const STRONG_EVIDENCE: f64 = 3.0;

/// The confidence of a vowel variant chosen by context on weaker evidence than
/// [`STRONG_EVIDENCE`]: below [`DEFAULT_MIN_CONFIDENCE`], so it is reported, not applied.
const WEAK_EVIDENCE_CONFIDENCE: f64 = 0.4;

/// How far (nats) behind the best option a vowel variant may be and still contest it.
const VARIANT_RANGE: f64 = 12.0;

/// Whether the best option of `ranked` (a reading, or keeping a listed word) has a rival among
/// the options, within [`VARIANT_RANGE`], that differs from it only in vowels the OCR confuses.
fn variant_contest(ranked: &Ranked, lower: &str, info: &WordInfo) -> bool {
    // Asked at every ranked token: no list is built. The best option is the first cheapest
    // (readings in order, then keeping); the option itself never counts, as a word is no
    // variant of itself.
    let keep = info.listed.then_some((lower, ranked.keep_cost));
    let options = || {
        ranked
            .candidates
            .iter()
            .map(|(c, total)| (c.word.as_str(), *total))
            .chain(keep)
    };
    let Some((top, cost)) = options().min_by(|a, b| a.1.total_cmp(&b.1)) else {
        return false;
    };
    options().any(|(w, c)| c - cost <= VARIANT_RANGE && vowel_variants(top, w))
}

/// Whether two different words differ only in letters among a, å, ä, o, ö and i, letter for
/// letter: the vowels the English OCR model confuses (`vård`/`värd`, `milen`/`målen`,
/// `bor`/`bör`), not `vård`/`ord`.
pub(super) fn vowel_variants(a: &str, b: &str) -> bool {
    const VOWELS: [char; 6] = ['a', 'å', 'ä', 'o', 'ö', 'i'];
    a != b
        && a.chars().count() == b.chars().count()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x == y || (VOWELS.contains(&x) && VOWELS.contains(&y)))
}

pub(super) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub(super) fn has_diacritic(w: &str) -> bool {
    w.chars().any(|c| matches!(c, 'å' | 'ä' | 'ö'))
}

/// Whether token `i` is followed by a hyphen and a space (`sjukskrivnings- och`): a truncated
/// compound head, which may be a head-only form (`hälso`).
pub(super) fn ends_in_hyphen(tokens: &[Token<'_>], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|t| t.text == "-")
        && tokens.get(i + 2).is_none_or(|t| t.kind == TokenKind::Space)
}

/// How many word analyses the process remembers across documents (a few megabytes at most).
const MEMO_WORDS: usize = 1 << 16;

/// The analyses of words outside any document, shared by the documents of a batch.
static ANALYSES: LazyLock<Memo<WordInfo>> = LazyLock::new(|| Memo::new(MEMO_WORDS));

/// [`analyse`], remembered across the documents of the process: it depends on the word and the
/// embedded lexicon only, so a remembered analysis is the one a fresh walk would find.
pub(super) fn analysed(lex: &Lexicon, lower: &str, head_ok: bool) -> WordInfo {
    ANALYSES.get_or_compute(lower, head_ok, || analyse(lex, lower, head_ok))
}

/// Looks a word up and, if it is unknown or could be a real-word error, collects its readings.
pub(super) fn analyse(lex: &Lexicon, lower: &str, head_ok: bool) -> WordInfo {
    let genitive = genitive_of_listed(lex, lower);
    let listed = lex.contains(lower) || genitive.is_some();
    let mut known = lex.word_or_compound_frequency(lower).or(genitive);
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

/// Fewest letters of the word before a genitive `s` that makes its genitive a word
/// ([`genitive_of_listed`]): short stems plus `s` are as often a misread (`ars` is `års`).
const GENITIVE_MIN_STEM: usize = 5;

/// How much rarer a genitive is than its stem, as a prior.
const GENITIVE_RARITY: u64 = 10;

/// The estimated frequency of `lower` as the genitive of a listed word (`omsorgens`,
/// `ersättningens`, `boendenas`), `None` if it is none. Any Swedish noun forms its genitive
/// with `s` (one that ends in s, x or z adds nothing), and the lexicon lists few of them: read
/// as unknown, a correct genitive was "repaired" to its stem by a dropped `s`, or split into a
/// compound (`boende|nås`). A listed word with an `s` is only ever a word when no misreading
/// explains it better, so it is treated as listed: swapped only with support.
pub(super) fn genitive_of_listed(lex: &Lexicon, lower: &str) -> Option<u64> {
    let stem = lower.strip_suffix('s')?;
    let genitive_s = stem.chars().count() >= GENITIVE_MIN_STEM
        && !stem.ends_with(['s', 'x', 'z'])
        && stem.chars().all(char::is_alphabetic);
    if !genitive_s || lex.contains(lower) {
        return None;
    }
    lex.frequency(stem).map(|f| (f / GENITIVE_RARITY).max(1))
}

/// Fills in the candidate readings of a word; whether the learned walk found any.
pub(super) fn search_readings(
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
        add_vowel_siblings(lex, lower, known, &mut candidates);
    }
    info.candidates = candidates;
    learned
}

/// Channel cost of reading a listed word as its vowel sibling ([`vowel_siblings`]) when the
/// learned model has no cheaper way: the English OCR model was never seen to print `ä` for `å`
/// (`dictionaries/confusions.tsv`), so this is about the cost of a confusion unseen in the
/// couple of thousand å of the OCR pairs. The sibling can then only win with the neighbours'
/// word (`varje är` → `varje år`), never on its prior alone, and only strong context applies
/// it (see [`with_context`]).
const SIBLING_COST: f64 = 4.5;

/// Least frequency (per billion words) both words of a sibling pair must have: a rare sibling
/// is more often a coincidence of spelling than a word the text could have meant.
const SIBLING_MIN_FREQUENCY: u64 = 1_000;

/// Which letters are siblings: the vowels that differ only by their diacritic.
const SIBLINGS: [&[char]; 2] = [&['a', 'å', 'ä'], &['o', 'ö']];

/// The listed words that differ from `lower` in exactly one vowel by its diacritic (`värd` →
/// `vård`, `är` → `år`, `när` → `når`), each with its frequency, when both are frequent enough
/// ([`SIBLING_MIN_FREQUENCY`]). These are the real-word confusion sets of the repair, built from
/// the lexicon rather than listed by hand; which member was meant is for the neighbours to
/// decide.
pub(super) fn vowel_siblings(lex: &Lexicon, lower: &str, frequency: u64) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    if frequency < SIBLING_MIN_FREQUENCY {
        return out;
    }
    let chars: Vec<char> = lower.chars().collect();
    let mut variant = chars.clone();
    for (i, &c) in chars.iter().enumerate() {
        let Some(set) = SIBLINGS.iter().find(|set| set.contains(&c)) else {
            continue;
        };
        for &other in set.iter().filter(|&&o| o != c) {
            variant[i] = other;
            let word: String = variant.iter().collect();
            if let Some(f) = lex.frequency(&word).filter(|&f| f >= SIBLING_MIN_FREQUENCY) {
                out.push((word, f));
            }
        }
        variant[i] = c;
    }
    out
}

/// [`vowel_siblings`] of the words of the process, remembered: they depend on the word and
/// the embedded lexicon only, and the same listed words come back in every document.
static SIBLINGS_OF: LazyLock<Memo<Vec<(String, u64)>>> = LazyLock::new(|| Memo::new(MEMO_WORDS));

/// Adds the vowel siblings of a listed word the walks did not find to its readings, at
/// [`SIBLING_COST`] per letter. They are not searched by cost: a frequent word's budget is far
/// below that cost, so the walk would never reach them, and they only matter in context.
fn add_vowel_siblings(
    lex: &Lexicon,
    lower: &str,
    known: Option<u64>,
    candidates: &mut Vec<Candidate>,
) {
    let Some(frequency) = known else { return };
    let siblings =
        SIBLINGS_OF.get_or_compute(lower, false, || vowel_siblings(lex, lower, frequency));
    for (word, frequency) in siblings {
        if candidates.iter().any(|c| c.word == word) {
            continue;
        }
        candidates.push(Candidate {
            word,
            channel: SIBLING_COST,
            edits: 1,
            frequency,
            parts: 1,
            kind: crate::record::EditKind::Diacritic,
            generic: false,
        });
        // Readings stay cheapest channel first.
        candidates.sort_by(|a, b| {
            a.channel
                .total_cmp(&b.channel)
                .then_with(|| a.word.cmp(&b.word))
        });
    }
}

/// The cost of keeping a word as it is, in this document.
pub(super) fn keep_cost(lower: &str, info: &WordInfo, doc: &DocModel) -> f64 {
    match info.known {
        Some(f) if info.listed => doc.prior_cost(lower, f),
        // A word read only as a compound is kept at least as readily as an unknown word.
        Some(f) => doc.prior_cost(lower, f).min(KEEP_UNKNOWN_COST),
        None => KEEP_UNKNOWN_COST,
    }
}

/// Ranks the readings of a word in this document.
pub(super) fn rank(lower: &str, info: &WordInfo, doc: &DocModel) -> Ranked {
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

/// Pass 1 of [`super::repair`]: every distinct repairable word analysed, and the document's
/// damage and word counts.
pub(super) fn document_model(tokens: &[Token<'_>], lex: &Lexicon) -> (DocModel, Vocabulary) {
    let mut doc = DocModel::default();
    let (mut damaged, mut intact) = (0u32, 0u32);
    let mut vocab = Vocabulary {
        index: WordMap::default(),
        words: Vec::new(),
        of_token: vec![None; tokens.len()],
    };
    // Each spelling as written is lower-cased and looked up once: most tokens repeat a spelling.
    let mut spelled: WordMap<&str, usize> = WordMap::default();
    for i in 0..tokens.len() {
        if !repairable(tokens, i) {
            continue;
        }
        doc.words += 1;
        let text = tokens[i].text;
        let id = match spelled.get(text) {
            Some(&id) => id,
            None => {
                let lower = text.to_lowercase();
                let id = match vocab.index.get(&lower) {
                    Some(&id) => id,
                    None => {
                        let info = analysed(lex, &lower, ends_in_hyphen(tokens, i));
                        vocab.index.insert(lower.clone(), vocab.words.len());
                        vocab.words.push((lower, info));
                        vocab.words.len() - 1
                    }
                };
                spelled.insert(text, id);
                id
            }
        };
        vocab.of_token[i] = Some(id);
        let (lower, info) = &vocab.words[id];
        if info.known.is_some() {
            if has_diacritic(lower) {
                intact += 1;
                count_in(&mut doc.cache, lower);
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
                count_in(&mut doc.cache, &best.word);
            }
        }
    }
    // Pseudo-counts lean towards "clean": a text without evidence either way is not damaged.
    doc.damage =
        ((f64::from(damaged) + 0.5) / (f64::from(damaged + intact) + 3.0)).clamp(MIN_DAMAGE, 1.0);
    doc.set_prior_floor();
    (doc, vocab)
}

/// Counts one more use of `word` in the document's cache, copying the word only the first
/// time: the counts are bumped at every token of a word with å/ä/ö.
fn count_in(cache: &mut WordMap<String, u32>, word: &str) {
    match cache.get_mut(word) {
        Some(n) => *n += 1,
        None => {
            cache.insert(word.to_string(), 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::EditKind;
    use crate::repair::spec::{
        DAMAGED, assert_corrects, assert_unchanged, assert_unchanged_in_damaged,
    };
    use crate::repair::{DEFAULT_MIN_CONFIDENCE, repair};

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
    fn vowel_variants_are_decided_by_both_neighbours() {
        // (OCR phrase in a damaged document, expected): the channel reads å and ä alike, so the
        // words around decide, both ways.
        for (ocr, expected) in [
            (
                "Kostnaderna for virden okar.",
                "Kostnaderna för vården ökar.",
            ),
            (
                "Virden pa fastigheten ar hog.",
                "Värden på fastigheten är hög.",
            ),
            (
                "Det ar viktigt att varje ar folja upp.",
                "Det är viktigt att varje år följa upp.",
            ),
            (
                "ska milen for verksamheten anges.",
                "ska målen för verksamheten anges.",
            ),
            ("att na milen", "att nå målen"),
            // A listed word read with its vowel sibling (`vård` printed `värd`): the channel
            // has no such confusion, the real-word confusion set offers it, both neighbours
            // decide.
            (
                "Kostnaderna för värd och omsorg ökar.",
                "Kostnaderna för vård och omsorg ökar.",
            ),
            (
                "Den värd som ges ska vara god.",
                "Den vård som ges ska vara god.",
            ),
            (
                "Kostnaderna för värden ökar.",
                "Kostnaderna för vården ökar.",
            ),
            (
                "Det gäller varje är från och med nu.",
                "Det gäller varje år från och med nu.",
            ),
            (
                "Regeringen bor ge myndigheten",
                "Regeringen bör ge myndigheten",
            ),
            // Correct as written: the variant has no support around it.
            (
                "Personer som bor på äldreboende.",
                "Personer som bor på äldreboende.",
            ),
            ("Han vet när det sker.", "Han vet när det sker."),
            (
                "Sverige når målen för klimatet.",
                "Sverige når målen för klimatet.",
            ),
            ("Det gäller varje år.", "Det gäller varje år."),
            ("Han är värd för mötet.", "Han är värd för mötet."),
            (
                "Målen för verksamheten anges.",
                "Målen för verksamheten anges.",
            ),
            // The siblings of correct words stay unused where the neighbours do not clearly
            // call for them.
            ("Insatsen är värd sitt pris.", "Insatsen är värd sitt pris."),
            ("Värden har ökat kraftigt.", "Värden har ökat kraftigt."),
            (
                "Vården är god och värden stiger.",
                "Vården är god och värden stiger.",
            ),
            ("De är många som bor här.", "De är många som bor här."),
            ("Hon var där i går.", "Hon var där i går."),
            ("Vi har vår egen plan.", "Vi har vår egen plan."),
            (
                "Målen är nådda när året är slut.",
                "Målen är nådda när året är slut.",
            ),
            ("När målen nås är vi klara.", "När målen nås är vi klara."),
        ] {
            assert_corrects(ocr, expected);
        }
    }

    #[test]
    fn vowel_siblings_are_frequent_listed_words_one_diacritic_away() {
        use super::vowel_siblings;
        let lex = crate::lexicon::lexicon();
        let siblings = |w: &str, f: u64| -> Vec<String> {
            vowel_siblings(lex, w, f)
                .into_iter()
                .map(|(s, _)| s)
                .collect()
        };
        for (word, sibling) in [
            ("värd", "vård"),
            ("vård", "värd"),
            ("är", "år"),
            ("när", "når"),
            ("värden", "vården"),
            ("bor", "bör"),
            ("fortsatta", "fortsätta"),
        ] {
            assert!(
                siblings(word, 10_000).iter().any(|s| s == sibling),
                "{word}"
            );
        }
        // Other vowels, other letters and rare words have none.
        assert!(siblings("milen", 10_000).iter().all(|s| s != "målen"));
        assert!(siblings("och", 10_000).is_empty());
        assert!(siblings("värd", 10).is_empty());
    }

    #[test]
    fn vowel_variant_pairs_are_only_confusable_vowels() {
        use super::vowel_variants;
        for (a, b, expected) in [
            ("vård", "värd", true),
            ("år", "är", true),
            ("milen", "målen", true),
            ("bor", "bör", true),
            ("sa", "så", true),
            ("vård", "vård", false),
            ("vård", "ord", false),
            ("värd", "verd", false),
            ("når", "nåra", false),
        ] {
            assert_eq!(vowel_variants(a, b), expected, "{a} / {b}");
        }
    }

    /// A contest between `bor` and `bör` (equal frequencies, `bör` a little dearer before
    /// context) between the given neighbours.
    fn bor_or_bör(left: Option<&str>, right: Option<&str>) -> super::Ranked {
        use super::{Candidate, Ranked, WordInfo, confidence_of, with_context};
        let reading = |word: &str| Candidate {
            word: word.to_string(),
            channel: 0.7,
            edits: 1,
            frequency: 250_000,
            parts: 1,
            kind: EditKind::Diacritic,
            generic: false,
        };
        let candidates = vec![(reading("bör"), 10.1)];
        let ranked = Ranked {
            confidence: confidence_of(&candidates, 10.0),
            candidates,
            keep_cost: 10.0,
        };
        let info = WordInfo {
            known: Some(250_000),
            listed: true,
            candidates: Vec::new(),
            searched: true,
            readable: None,
        };
        with_context(&ranked, "bor", &info, left, right).expect("a vowel contest asks context")
    }

    #[test]
    fn nar_is_read_når_or_när_by_its_neighbours() {
        // (OCR phrase in a damaged document, expected): `nar` is `när` or `når` to the channel
        // alike, and `när` is some eighty times as common; the words around decide, both ways.
        for (ocr, expected) in [
            // `når ut`, `når upp till`, `når fram`: the verb.
            (
                "Stödet nar ut till fler familjer.",
                "Stödet når ut till fler familjer.",
            ),
            (
                "Information som nar ut till alla invånare.",
                "Information som når ut till alla invånare.",
            ),
            (
                "Nivån inte nar upp till kraven.",
                "Nivån inte når upp till kraven.",
            ),
            ("Beskedet nar fram i tid.", "Beskedet når fram i tid."),
            // The conjunction stays where it is right: before a clause's subject, and first in
            // a sentence.
            (
                "Det gäller nar regeringen beslutar om stöd.",
                "Det gäller när regeringen beslutar om stöd.",
            ),
            (
                "Nar beslutet fattas ska det följas upp.",
                "När beslutet fattas ska det följas upp.",
            ),
            (
                "Redan nar lagen trädde i kraft ökade kostnaderna.",
                "Redan när lagen trädde i kraft ökade kostnaderna.",
            ),
            (
                "Det blir svårt nar resurserna inte räcker.",
                "Det blir svårt när resurserna inte räcker.",
            ),
            (
                "Stödet betalas ut nar ansökan har kommit in.",
                "Stödet betalas ut när ansökan har kommit in.",
            ),
        ] {
            assert_corrects(ocr, expected);
        }
    }

    #[test]
    fn context_overturns_a_vowel_variant_only_on_strong_evidence() {
        // `regeringen bör` is a phrase of the register, `regeringen bor` is not: applied.
        let strong = bor_or_bör(Some("regeringen"), None);
        assert_eq!(strong.candidates[0].0.word, "bör");
        assert!(strong.confidence >= DEFAULT_MIN_CONFIDENCE);
        // `de bor` and `de bör` are both common: the slight lean is reported, not applied.
        let weak = bor_or_bör(Some("de"), None);
        assert_eq!(weak.candidates[0].0.word, "bör");
        assert!(weak.confidence > 0.0 && weak.confidence < DEFAULT_MIN_CONFIDENCE);
    }

    #[test]
    fn genitives_of_listed_words_are_words() {
        use super::genitive_of_listed;
        let lex = crate::lexicon::lexicon();
        // (word, read as a genitive): a listed stem of five letters or more plus `s`.
        for (word, genitive) in [
            ("omsorgens", true),
            ("granskningens", true),
            ("sakkunnigas", true),
            ("utredares", true),
            // A stem ending in s takes no extra s; a short stem plus s is as often a misread;
            // a stem that is no word makes no genitive.
            ("kurss", false),
            ("ars", false),
            ("xqzplos", false),
            ("omsorgen", false),
        ] {
            assert_eq!(genitive_of_listed(lex, word).is_some(), genitive, "{word}");
        }
    }

    #[test]
    fn correct_genitives_are_kept_and_misread_ones_repaired() {
        // Correct genitives were cut to their stem (`omsorgen`) or split into compounds
        // (`granskar|nås`).
        for phrase in [
            "Det gäller omsorgens och granskningens kvalitet.",
            "Ersättningens storlek och boendenas läge.",
            "De sakkunnigas och granskarnas syn på en utredares roll.",
        ] {
            assert_unchanged_in_damaged(phrase);
        }
        // Misread words beside them are still repaired.
        assert_corrects(
            "granskningens kvalitet f6r omsorgens skull",
            "granskningens kvalitet för omsorgens skull",
        );
        assert_corrects("omsorgens ohilsa", "omsorgens ohälsa");
        assert_corrects(
            "Regeringens och myndighetens beslut",
            "Regeringens och myndighetens beslut",
        );
    }

    #[test]
    fn real_words_are_left_alone_in_clean_text() {
        assert_unchanged("Jag for dit for en vecka sedan och det var bra.");
        assert_unchanged(
            "Hon stod vid sitt beslut, och de smarta lösningarna kom i rätt tid till länet.",
        );
    }
}
