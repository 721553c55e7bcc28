//! Candidates: the OCR word read left to right while the lexicon's word automaton is walked in
//! step.
//!
//! In: a lower-case OCR word and a [`Budget`]. Out: its readings as lexicon words or compounds
//! ([`Candidate`]s), cheapest channel first, each with its channel cost, edit count, frequency and
//! the most telling [`EditKind`].
//!
//! Each OCR segment either matches itself or is replaced by a ground-truth segment the channel
//! ([`super::channel`]) says it can come from; a dropped letter may be put back. At a word end
//! the walk may restart at the root, after an optional linking `s`, as the lexicon's compound
//! grammar ([`Head`]) allows, so compounds are accepted and repaired with corrections in any part.
//! A second walk may allow one generic edit (any substitution, insertion or deletion) towards a
//! single listed word. Walks are bounded by cost, by the best reading found so far and by work.
//!
//! It walks the automaton only through the lexicon's cursor ([`Words`]): how frequencies and
//! compound flags are packed into the automaton stays the lexicon's business. It does not rank
//! readings against each other in a document ([`super::rank`] does).

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::LazyLock;

use serde::Serialize;

use super::channel::{CHANNEL, Channel, Confusion, GENERIC_COST, telling};
use crate::lexicon::{
    COMPOUND_DIVISOR, Cursor, Head, Lexicon, MAX_PARTS, MIN_HEAD_CHARS, MIN_TAIL_CHARS, Prefix,
    STEM_FREQUENCY, Words, compound_frequency, lexicon,
};
use crate::record::EditKind;

/// Cost (−ln probability) of keeping a word the lexicon does not know: about the prior of a word
/// seen a few times per billion. A correction must beat this to be proposed at all.
pub(super) const KEEP_UNKNOWN_COST: f64 = 19.0;

/// Channel cost above which a reading is not explored.
pub(super) const MAX_CHANNEL_COST: f64 = 11.0;

/// Most confusions in one word (`Tilliggsoverenskommelse` needs three).
const MAX_EDITS: u8 = 5;

/// Channel cost of the first, cheap walk of [`search_within`].
const CHEAP_FIRST: f64 = 4.0;

/// Work cap per word and walk, in visited states: keeps pathological tokens (long runs of
/// confusable letters) from costing more than a few microseconds each.
const MAX_STEPS: usize = 20_000;

/// Readings whose total cost is this much above the best one found (or keeping the word) are
/// not explored: each would weigh at most e^−margin of the winner in the confidence.
const PRUNE_MARGIN: f64 = 5.0;

/// [`PRUNE_MARGIN`] of the generic walk.
const GENERIC_PRUNE_MARGIN: f64 = 3.0;

/// Slots of the walk's cache of prior bounds.
const PRIOR_SLOTS: usize = 64;

/// Where each of the channel's dropped initial letters ([`Channel::dropped_initial`]) leads from
/// the root of the embedded lexicon, in the channel's order: the same for every word, and each
/// walk pass followed them again from the root, the automaton's widest node (1.6 % of a batch's
/// instructions).
static DROPPED_INITIAL_AT: LazyLock<Vec<Option<Prefix>>> = LazyLock::new(|| {
    lexicon()
        .words()
        .map_or_else(Vec::new, |words| dropped_initial_at(words))
});

/// [`DROPPED_INITIAL_AT`] in the automaton `words`.
fn dropped_initial_at(words: Words<'_>) -> Vec<Option<Prefix>> {
    (CHANNEL.dropped_initial.iter())
        .map(|c| words.follow(&words.root(), c.gt.as_bytes()))
        .collect()
}

/// A reading of an OCR word as a lexicon word.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(super) struct Candidate {
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
    /// Whether the reading needs a generic edit, one the confusion model has not seen.
    #[serde(skip)]
    pub generic: bool,
}

impl Candidate {
    /// Channel plus prior, before any document evidence.
    pub(super) fn free_cost(&self) -> f64 {
        self.channel + doc_free_prior(self.frequency)
    }
}

/// The prior cost of a frequency with no document evidence.
pub(super) fn doc_free_prior(frequency: u64) -> f64 {
    -((frequency.max(1) as f64) / 1e9).ln()
}

/// How far a walk may go: the cheapest reading that could still matter is bounded by the cost
/// of keeping the word, so a frequent known word needs only a short walk (`och` none at all).
#[derive(Debug, Clone, Copy)]
pub(super) struct Budget {
    /// Highest channel cost, edit surcharges included, worth exploring.
    pub(super) max_cost: f64,
    /// Surcharge per edit that ranking will add (the document's damage cost); pruning with it
    /// keeps the walk from exploring readings that ranking would price out anyway.
    pub(super) per_edit: f64,
    /// The cost of keeping the word: readings far worse than keeping are not explored.
    pub(super) keep: f64,
    /// Whether the word is listed. The English model makes one word into another by misreading
    /// a letter or by dropping the first one (`återrapporterar` → `terrapporterar`); a listed
    /// word that lost a letter inside and is still a word is too rare to pay for trying every
    /// dropped letter at every position of every known word.
    pub(super) listed: bool,
}

impl Budget {
    /// The budget for a word outside any document (the model's own cap).
    pub(super) const FULL: Budget = Budget {
        max_cost: MAX_CHANNEL_COST,
        per_edit: 0.0,
        keep: KEEP_UNKNOWN_COST,
        listed: false,
    };
}

/// Candidate readings of a lower-case OCR word, cheapest channel first.
pub(super) fn search(lex: &Lexicon, lower: &str, head_ok: bool, generic: bool) -> Vec<Candidate> {
    search_within(lex, lower, head_ok, generic, Budget::FULL)
}

/// [`search`] bounded by `budget`.
pub(super) fn search_within(
    lex: &Lexicon,
    lower: &str,
    head_ok: bool,
    generic: bool,
    budget: Budget,
) -> Vec<Candidate> {
    let Some(words) = lex.words() else {
        return Vec::new();
    };
    if budget.max_cost < 0.0 {
        return Vec::new();
    }
    let mut w = Walk::new(lex, words, lower, head_ok, generic, budget);
    let start = State {
        pos: 0,
        at: words.root().prefix(),
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
        w.go(start);
        w.go_dropped_initial(start, max_cost);
    }
    let mut v = w.found;
    v.sort_by(|a, b| {
        a.channel
            .total_cmp(&b.channel)
            .then_with(|| a.word.cmp(&b.word))
    });
    v
}

/// The walk over OCR characters and lexicon automaton together.
struct Walk<'a> {
    /// The lexicon's word automaton.
    words: Words<'a>,
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
    /// [`DROPPED_INITIAL_AT`] of this walk's lexicon.
    initial_at: Cow<'static, [Option<Prefix>]>,
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

/// Where a walk is.
#[derive(Clone, Copy)]
struct State {
    pos: usize,
    /// Where the current part's bytes lead in the automaton (decoded only once the state has
    /// proved worth exploring).
    at: Prefix,
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

/// A learned confusion as a move.
fn learned(conf: &Confusion, consumed: usize) -> Move<'_> {
    Move {
        bytes: conf.gt.as_bytes(),
        consumed,
        cost: conf.cost,
        kind: Some(conf.kind),
        generic: false,
    }
}

/// Characters in a UTF-8 byte string (continuation bytes are `10xxxxxx`).
fn utf8_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl<'a> Walk<'a> {
    /// A walk of `lower` with the learned confusions of each of its positions looked up.
    fn new(
        lex: &'a Lexicon,
        words: Words<'a>,
        lower: &str,
        head_ok: bool,
        generic: bool,
        budget: Budget,
    ) -> Walk<'a> {
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
        Walk {
            words,
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
            initial_at: if std::ptr::eq(lex, lexicon()) {
                Cow::Borrowed(DROPPED_INITIAL_AT.as_slice())
            } else {
                Cow::Owned(dropped_initial_at(words))
            },
        }
    }

    /// A word that dropped its first letter: tries each learned initial letter in front.
    fn go_dropped_initial(&mut self, start: State, max_cost: f64) {
        let channel = self.channel;
        for (i, c) in channel.dropped_initial.iter().enumerate() {
            if c.cost > max_cost {
                continue;
            }
            if let Some(at) = self.initial_at[i] {
                self.gt.extend_from_slice(c.gt.as_bytes());
                let s = State {
                    at,
                    cost: c.cost,
                    edits: 1,
                    part_chars: c.gt.chars().count(),
                    kind: Some(c.kind),
                    ..start
                };
                self.go(s);
                self.gt.clear();
            }
        }
    }

    /// Tries move `m` from `node`: walks it, recurses, and pops it again. Taking the decoded
    /// node spares a decode per move tried: most moves fail on their first byte; and the node
    /// reached is only decoded by [`Walk::go`] once the state there has proved worth exploring.
    fn step(&mut self, s: State, node: &Cursor<'a>, m: Move<'_>, least_prior: f64) {
        if !self.affordable(s, m, least_prior) {
            return;
        }
        if let Some(next) = self.words.follow(node, m.bytes) {
            self.enter(s, next, m);
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

    /// Enters the position `at`, reached from `s` by move `m`.
    fn enter(&mut self, s: State, at: Prefix, m: Move<'_>) {
        let next = State {
            pos: s.pos + m.consumed,
            at,
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
        self.go(next);
        self.gt.truncate(len);
    }

    /// Explores the readings through state `s`: a reading ends here, a new compound part
    /// begins here ([`Walk::go_junction`]), or the next OCR character is read: as itself, by
    /// the learned confusions of the segments starting there, after a letter the OCR dropped,
    /// or by a generic edit.
    fn go(&mut self, s: State) {
        self.steps += 1;
        let least_prior = self.least_prior(s);
        if self.steps > MAX_STEPS || self.hopeless_with(s, least_prior) {
            return;
        }
        let node = self.words.cursor(s.at);
        if s.pos == self.ocr.len() {
            self.finish(s, node);
        }
        if s.parts < self.max_parts() && s.pos < self.ocr.len() && s.part_chars >= MIN_HEAD_CHARS {
            self.go_junction(s, node);
        }
        // The moves stay in this function: passed on to a helper, the state and the cursor
        // were copied for every move tried (+14 % instructions in the walk on seed 000).
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
            self.step(s, &node, own, least_prior);
            // Learned confusions for OCR segments starting here.
            for o in self.option_at[s.pos]..self.option_at[s.pos + 1] {
                let (consumed, conf) = self.options[o];
                self.step(s, &node, learned(conf, consumed), least_prior);
            }
            if s.pos > 0 && !self.budget.listed {
                let channel = self.channel;
                for conf in &channel.dropped {
                    self.step(s, &node, learned(conf, 0), least_prior);
                }
            }
        }
        if self.generic && !s.generic_used {
            self.generic_edits(s, &node, least_prior);
        }
    }

    /// Compound boundary: the current part is a word hunspell lets begin a compound (or a
    /// compound-only stem); starts a new part at the root, with or without a linking `s`.
    fn go_junction(&mut self, s: State, node: Cursor<'a>) {
        let Some(head) = self.head_here(s, node) else {
            return;
        };
        let fresh = self.fresh_part(s, head.frequency);
        if head.plain {
            self.go_tail(fresh);
        }
        if head.linked {
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

    /// How the current part of `s` may begin a compound, `None` if it may not. A linking `s`
    /// is only offered where the OCR reads one, with more to follow.
    fn head_here(&mut self, s: State, node: Cursor<'a>) -> Option<Head> {
        let linking = self.ocr[s.pos] == 's' && s.pos + 1 < self.ocr.len();
        if let Some(word) = node.word() {
            let head = word.head();
            return Some(Head {
                linked: linking && head.linked,
                ..head
            });
        }
        // Not a word: only the compound-only stems can make it a head (looked up only when
        // such a compound could still matter: the lookup starts from the root of the other
        // automaton).
        if self.hopeless(self.fresh_part(s, Head::STEM.frequency)) {
            return None;
        }
        let plain = self.lex.is_stem(&self.gt[s.part_start..]);
        let linked = linking && {
            self.gt.push(b's');
            let stem = self.lex.is_stem(&self.gt[s.part_start..]);
            self.gt.pop();
            stem
        };
        (plain || linked).then_some(Head {
            plain,
            linked,
            ..Head::STEM
        })
    }

    /// The state that starts a new compound part at the root after `s`, whose current part
    /// counts at `frequency`.
    fn fresh_part(&self, s: State, frequency: u64) -> State {
        State {
            at: self.words.root().prefix(),
            parts: s.parts + 1,
            part_start: self.gt.len(),
            part_chars: 0,
            head_freq: s.head_freq.min(frequency),
            ..s
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
        self.go(s);
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
    fn generic_edits(&mut self, s: State, node: &Cursor<'a>, least_prior: f64) {
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
            self.enter(s, node.prefix(), generic(&[], 1, kind));
        }
        // Every character the automaton allows next (one or two UTF-8 bytes: Swedish letters),
        // substituted for the OCR character or inserted before it.
        let words = self.words;
        words.for_each_char(node, |bytes, next| {
            if let Some(kind) = sub_kind {
                self.enter(s, next, generic(bytes, 1, kind));
            }
            if s.pos > 0 {
                self.enter(s, next, generic(bytes, 0, EditKind::Spelling));
            }
        });
    }

    /// Whether every reading through `s` costs more than [`PRUNE_MARGIN`] above the best found
    /// so far (or keeping): the prior of any completion is bounded by the most frequent word
    /// below the current position ([`Prefix::max_frequency`]). Most of a long word's walk is
    /// spent on rare compound readings that this cuts off early.
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
        // A compound-only stem as a head counts 1 000 per billion (see `head_here`), and a
        // head form before `- ` as much (see `finish`).
        let below = s.at.max_frequency();
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

    /// The frequency of the reading if the walk ends on a word (or an allowed head form) at
    /// `node`.
    fn frequency_here(&self, s: State, node: Cursor<'a>, word: &str) -> Option<u64> {
        match node.word() {
            Some(end) if s.parts == 1 || s.part_chars >= MIN_TAIL_CHARS => {
                let f = end.frequency();
                // A compound estimated under one per billion words is no reading (as in
                // [`Lexicon::word_or_compound_frequency`]).
                Some(if s.parts == 1 {
                    f
                } else {
                    compound_frequency(s.head_freq.min(f), usize::from(s.parts))
                })
                .filter(|&f| f > 0)
            }
            _ if self.head_ok && s.parts == 1 && self.lex.is_hyphen_head(word) => {
                Some(STEM_FREQUENCY)
            }
            _ => None,
        }
    }

    /// Records the reading if the walk ends on a word (or an allowed head form).
    fn finish(&mut self, s: State, node: Cursor<'a>) {
        let Ok(word) = std::str::from_utf8(&self.gt) else {
            return;
        };
        let Some(frequency) = self.frequency_here(s, node, word) else {
            return;
        };
        self.readings += 1;
        let total = s.cost + f64::from(s.edits) * self.budget.per_edit + doc_free_prior(frequency);
        self.best = self.best.min(total);
        let candidate = || Candidate {
            word: word.to_string(),
            channel: s.cost,
            edits: s.edits,
            frequency,
            parts: s.parts,
            kind: s.kind.unwrap_or(EditKind::Spelling),
            generic: s.generic_used,
        };
        match self.found.iter_mut().find(|c| c.word == word) {
            Some(old) if (old.channel, old.parts) <= (s.cost, s.parts) => {}
            Some(old) => *old = candidate(),
            None => self.found.push(candidate()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::repair::spec::{assert_corrects, assert_unchanged};

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
    fn compounds_are_accepted_and_repaired() {
        assert_unchanged(
            "Försäkringsmedicin och rehabiliteringsprocessen ingår i uppföljningsmåtten.",
        );
        assert_corrects("férsikringsmedicin", "försäkringsmedicin");
        assert_corrects("uppféljningsmatt", "uppföljningsmått");
        assert_corrects("tilliggséverenskommelse", "tilläggsöverenskommelse");
    }
}
