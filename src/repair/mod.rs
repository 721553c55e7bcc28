//! OCR repair: candidates from a learned confusion model, ranked as a noisy channel.
//!
//! In: text after layout (paragraphs on one line, line-end hyphens joined). Out: proposed
//! [`Change`]s — whole tokens replaced, byte offsets, sorted, non-overlapping — each with a kind,
//! a confidence in `[0, 1]` and `applied = confidence >= min_confidence`.
//!
//! How a word is repaired:
//!
//! 1. **Candidates.** The lower-cased OCR word is read left to right while the lexicon's automaton
//!    is walked in step (`Lexicon::words`): each OCR segment either matches itself or is
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
//!    Keeping a non-word has a fixed cost (`KEEP_UNKNOWN_COST`); the confidence of the winner is
//!    its share of the probability mass.
//! 3. **Context.** When the best reading and the runner-up (keeping included) are within a few
//!    nats, each is re-scored with its neighbours: how often the word before and the word after
//!    (as they read before context) were seen next to it in clean public-sector text
//!    (`context.rs`). `Skalen for` becomes `Skälen för`, `den vird som` `den vård som`.
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
//!
//! ## Files
//!
//! Each file imports only files above it in this list:
//!
//! - `tokenize.rs`: tokens with spans; `context.rs`: the bigram model of neighbours.
//! - `channel.rs`: the learned confusions and edit kinds.
//! - `walk.rs`: candidate readings (`search`), walking the lexicon's automaton through its
//!   cursor (`lexicon::Words`).
//! - `protect.rs`: what is never touched (numbers, abbreviations, acronyms), `1`→`i`, and case.
//! - `rank.rs`: the document model, noisy-channel ranking (`Ranked`) and context.
//! - `explain.rs`: the data of `svocr explain` ([`crate::Explanation`]), and what pass 3 lends
//!   an observer at each word (`Seen`, see `repair_observed`); its text is in
//!   [`crate::report::explain`].
//! - `mod.rs` (this file): the passes of [`repair()`].

pub(crate) mod context;
pub(crate) mod explain;
pub(crate) mod tokenize;

mod channel;
mod protect;
mod rank;
mod walk;

pub use rank::DEFAULT_MIN_CONFIDENCE;

use crate::lexicon::{Lexicon, lexicon};
use crate::offsets::Change;
use crate::record::EditKind;
use explain::Seen;
use protect::{one_for_i, restore_case};
use rank::{
    DocModel, REAL_WORD_MIN_DAMAGE, Vocabulary, document_model, neighbour, rank_all, reading_of,
    round3, with_context,
};
use tokenize::{Token, TokenKind, tokenize};
use walk::search;

/// How much cheaper than keeping a compound reading of an unknown capitalised word must be.
const NAME_COMPOUND_MARGIN: f64 = 3.0;

/// Proposes repairs of `text` (byte offsets), with `applied` set from `min_confidence`.
pub fn repair(text: &str, min_confidence: f64) -> Vec<Change> {
    repair_observed(text, min_confidence, |_| {})
}

/// [`repair`], showing `observe` what pass 3 saw at each repairable word as it decided: `svocr
/// explain --file` reads the decisions of this very pass, so it cannot disagree with the repair.
pub(crate) fn repair_observed(
    text: &str,
    min_confidence: f64,
    mut observe: impl FnMut(Seen<'_>),
) -> Vec<Change> {
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
            if let Some(c) = one_as_i(&tokens, i, &doc, lex, &vocab, next) {
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
            observe(Seen::unranked(t.start, lower, info, &doc));
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
        observe(Seen {
            ranked: Some(ranked),
            left,
            right,
            name_like,
            ..Seen::unranked(t.start, lower, info, &doc)
        });
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

/// The change that makes token `i`, a lone `1`, the word `i`, if protection says it stands for
/// the word (see [`protect::one_for_i`]); only in a document that shows OCR damage.
/// `next_reading` is how the next word reads.
fn one_as_i(
    tokens: &[Token<'_>],
    i: usize,
    doc: &DocModel,
    lex: &Lexicon,
    vocab: &Vocabulary,
    next_reading: Option<&str>,
) -> Option<Change> {
    if doc.damage < REAL_WORD_MIN_DAMAGE {
        return None;
    }
    // A neighbour reads as a word if it is one, or if the learned walk found a reading of it
    // (already known for the document's words, spared a second walk).
    let reads_as_word = |w: &str| {
        lex.word_or_compound_frequency(w).is_some()
            || vocab
                .index
                .get(w)
                .and_then(|&id| vocab.words[id].1.readable)
                .unwrap_or_else(|| !search(lex, w, false, false).is_empty())
    };
    if !one_for_i(tokens, i, lex, next_reading, reads_as_word) {
        return None;
    }
    Some(Change {
        start: tokens[i].start,
        end: tokens[i].end,
        after: "i".to_string(),
        kind: EditKind::Digit,
        confidence: round3(0.55 + 0.4 * doc.damage),
        applied: false,
    })
}

fn apply_threshold(mut c: Change, min_confidence: f64) -> Change {
    c.applied = c.confidence >= min_confidence;
    c
}

/// The spec-shaped helpers the tests of every file of the repair share.
#[cfg(test)]
mod spec {
    use super::{DEFAULT_MIN_CONFIDENCE, repair};
    use crate::offsets::Change;

    /// A damaged document around the phrase under test: the English model's typical output, so
    /// that the damage estimate is that of a real garbled document.
    pub(super) const DAMAGED: &str = "Staten och regionerna har ingdtt en overenskommelse f6r 2020. \
        Insatser for lindrig psykisk ohilsa och ldngvarig smirta ska kvalitetssikras. \
        Forsikringskassan har uppdraget att svara f6r uppféljning och berikning. ";

    /// The repaired text of `text`.
    pub(super) fn repaired(text: &str) -> String {
        offsets_apply(text, &repair(text, DEFAULT_MIN_CONFIDENCE))
    }

    fn offsets_apply(text: &str, changes: &[Change]) -> String {
        crate::offsets::apply(text, changes).0
    }

    /// `phrase` inside a damaged document is repaired to `expected`.
    #[track_caller]
    pub(super) fn assert_corrects(phrase: &str, expected: &str) {
        let out = repaired(&format!("{DAMAGED}{phrase}"));
        let got = out.strip_prefix(&repaired(DAMAGED)).unwrap_or(&out);
        assert_eq!(got, expected, "repairing {phrase:?}");
    }

    /// `text` (a whole document) comes out unchanged.
    #[track_caller]
    pub(super) fn assert_unchanged(text: &str) {
        let applied: Vec<_> = repair(text, DEFAULT_MIN_CONFIDENCE)
            .into_iter()
            .filter(|c| c.applied)
            .collect();
        assert!(applied.is_empty(), "{text:?} got {applied:?}");
    }

    /// `phrase` inside a damaged document is left alone.
    #[track_caller]
    pub(super) fn assert_unchanged_in_damaged(phrase: &str) {
        assert_corrects(phrase, phrase);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::spec::{DAMAGED, assert_unchanged};

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
    fn arbitrary_input_never_panics() {
        for s in [
            "", "1", "{", "{{6", "ö", "\u{301}a", "1 1 1", "- -", "a1b2c3", "ÅÄÖ6{",
        ] {
            let _ = repair(s, 0.5);
            let _ = explain::explain(s, Some(s));
        }
    }
}
