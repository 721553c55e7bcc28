//! Word context: how much a word's neighbours speak for it.
//!
//! In: a reading of a word, its unigram probability, and the words right before and after it (as
//! the repair reads them). Out: a gain in nats to subtract from the reading's cost. The repair
//! asks only when the channel and the priors leave a close call (`Skalen for` could be `skålen`
//! or `skälen`; `den vird som` could be `värd` or `vård`).
//!
//! The counts come from `dictionaries/sv-bigrams.tsv` (which word follows which in clean
//! public-sector text; `scripts/learn-context.py`), compiled by `build.rs` into an fst that is
//! embedded and opened in place. The corpus is about 4.3 million words of statutes (SFS, 1950 on),
//! 5.1 million words of the Riksdag's interpellations (1994/95 on; counted at a quarter weight,
//! so that debate fills the statutes' gaps, `når ut`, `når fram`, without outvoting them) and
//! 30 000 words of the register the repair sees most (agency and government documents); rare
//! pairs are pruned. Even so the estimate is smoothed towards the unigram
//! and each side's gain is capped: a single co-occurrence is a hint, not proof.
//!
//! For a left neighbour `l` seen `n(l)` times before some word, of which `n(l, w)` before `w`,
//! with unigram probability `p(w)` and pseudo-count `μ` ([`PSEUDO_COUNT`]):
//! `P(w | l) = (n(l, w) + μ p(w)) / (n(l) + μ)`, and the gain is `ln(P(w | l) / p(w))`, at most
//! [`MAX_GAIN`]. The right neighbour counts the same way, and the two gains add. An unseen
//! neighbour gains nothing; a seen one without this pair costs every reading the same, so only
//! pairs that were seen change a ranking.

use std::sync::LazyLock;

use fst::Map;

use super::cache::Memo;

static BIGRAMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bigrams.fst"));

// Written by build.rs from this crate's own data; a failure would mean a corrupt build, and no
// context (ranking by channel and priors alone) is the safe way to degrade.
static MODEL: LazyLock<Option<Map<&'static [u8]>>> = LazyLock::new(|| Map::new(BIGRAMS).ok());

/// How many pair counts the process remembers (each a few dozen bytes).
const MEMO_PAIRS: usize = 1 << 16;

/// Counts looked up in [`MODEL`], remembered across the documents of the process: the same
/// neighbours come back in every document, and each lookup walks the automaton byte by byte.
static PAIRS: LazyLock<Memo<u64>> = LazyLock::new(|| Memo::new(MEMO_PAIRS));

/// How often `key` (`"left right"`, `"left "` or `" right"`) was seen in the clean text.
fn count(map: &Map<&'static [u8]>, key: &str) -> u64 {
    PAIRS.get_or_compute(key, false, || map.get(key).unwrap_or(0))
}

/// How many occurrences of a neighbour the unigram prior is worth: with fewer observations of
/// the neighbour than this, its pairs move the estimate only part of the way. Chosen on the
/// training pairs of texts the context corpus does not contain (seeds 001, 002, 004): 100 gave
/// WER 3.40 % there, 1 000 gave 3.59 %, 30 gave 3.39 %, no context 3.81 %.
pub(crate) const PSEUDO_COUNT: f64 = 100.0;

/// The most one neighbour can gain a reading, in nats.
pub(crate) const MAX_GAIN: f64 = 3.0;

/// The most one neighbour can gain a reading when the choice is between real words that differ
/// only in a vowel the OCR confuses (`vård`/`värd`, `år`/`är`): there the channel cannot tell
/// them apart, the neighbours are the only evidence, and a pair seen hundreds of times in
/// millions of words of statutes is worth more than a hint.
pub(crate) const VARIANT_MAX_GAIN: f64 = 6.0;

/// The neighbours of one token, with how often each was seen next to any word: looked up once
/// per token, then asked about each of its readings.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Neighbours<'a> {
    /// The word before and how often it was seen before some word.
    left: Option<Side<'a>>,
    /// The word after and how often it was seen after some word.
    right: Option<Side<'a>>,
}

/// One seen neighbour.
#[derive(Debug, Clone, Copy)]
struct Side<'a> {
    word: &'a str,
    /// How often it was seen next to any word.
    seen: f64,
    /// The uncapped gain of a reading never seen next to it: the same for every reading, so
    /// worked out once per token instead of once per reading (the logarithm showed in the
    /// benchmark).
    unseen: f64,
}

impl<'a> Neighbours<'a> {
    /// The words around a token (lower-case; `None` where a sentence, a line or punctuation
    /// intervenes). A neighbour never seen in the corpus says nothing and is dropped.
    pub(crate) fn new(left: Option<&'a str>, right: Option<&'a str>) -> Self {
        let Some(map) = MODEL.as_ref() else {
            return Self::default();
        };
        let seen = |word: &'a str, key: String| {
            let n = count(map, &key);
            (n > 0).then(|| {
                let seen = n as f64;
                Side {
                    word,
                    seen,
                    unseen: unseen_gain(seen),
                }
            })
        };
        Neighbours {
            left: left.and_then(|l| seen(l, format!("{l} "))),
            right: right.and_then(|r| seen(r, format!(" {r}"))),
        }
    }

    /// Whether neither neighbour can change a ranking.
    pub(crate) fn is_silent(&self) -> bool {
        self.left.is_none() && self.right.is_none()
    }

    /// The context gain (nats) of reading `word`, whose unigram probability is `probability`,
    /// each side capped at `cap` ([`MAX_GAIN`], or [`VARIANT_MAX_GAIN`] between vowel variants).
    pub(crate) fn gain(&self, word: &str, probability: f64, cap: f64) -> f64 {
        let Some(map) = MODEL.as_ref() else {
            return 0.0;
        };
        // One buffer for both keys, allocated once at its final size: grown by each push, it
        // was allocated or reallocated 1.25 times per side (0.8 % of a batch's instructions).
        let longest = self.left.iter().chain(&self.right).map(|s| s.word.len());
        let mut key = String::with_capacity(word.len() + 1 + longest.max().unwrap_or(0));
        let mut side = |(first, second): (&str, &str), side: Side<'_>| {
            key.clear();
            key.push_str(first);
            key.push(' ');
            key.push_str(second);
            let n = count(map, &key) as f64;
            let gain = if n > 0.0 && probability > 0.0 {
                ((n / probability + PSEUDO_COUNT) / (side.seen + PSEUDO_COUNT)).ln()
            } else {
                side.unseen
            };
            gain.min(cap)
        };
        let before = self.left.map_or(0.0, |l| side((l.word, word), l));
        let after = self.right.map_or(0.0, |r| side((word, r.word), r));
        before + after
    }
}

/// The determiners of Swedish: a closed class, after which (before a noun) stands an adjective
/// or participle (`de fortsatta insatserna`, `det nya beslutet`), next to never a verb's
/// infinitive (a slip of the pen aside).
pub(crate) const DETERMINERS: [&str; 9] = [
    "de", "den", "det", "dessa", "denna", "detta", "vår", "våra", "deras",
];

/// How often `word` was seen right after a determiner ([`DETERMINERS`]) in the clean text: the
/// class of the left neighbour stands in for the neighbour itself, whose own pairs with
/// `word` may be too rare to have been kept.
pub(crate) fn after_determiner(word: &str) -> u64 {
    after_any(&DETERMINERS, word)
}

/// How often `word` was seen right after any of `left` in the clean text.
fn after_any(left: &[&str], word: &str) -> u64 {
    let Some(map) = MODEL.as_ref() else {
        return 0;
    };
    let mut key = String::with_capacity(8 + word.len());
    left.iter()
        .map(|l| {
            key.clear();
            key.push_str(l);
            key.push(' ');
            key.push_str(word);
            count(map, &key)
        })
        .sum()
}

/// The nominative personal pronouns: a subject, after which (at the start of a clause) stands
/// the clause's finite verb (`hon sa att`, `de bor i`).
pub(crate) const SUBJECT_PRONOUNS: [&str; 8] = ["jag", "du", "han", "hon", "vi", "ni", "de", "man"];

/// How often `word` was seen right after a subject pronoun ([`SUBJECT_PRONOUNS`]) in the clean
/// text, the class standing in for the pronoun as with [`after_determiner`].
pub(crate) fn after_subject(word: &str) -> u64 {
    after_any(&SUBJECT_PRONOUNS, word)
}

/// How often `first` was seen right before `second` in the clean text.
pub(crate) fn pair_count(first: &str, second: &str) -> u64 {
    MODEL
        .as_ref()
        .map_or(0, |map| count(map, &format!("{first} {second}")))
}

/// The gain of a reading never seen next to a neighbour seen `seen` times: no evidence, only
/// the pseudo-count.
fn unseen_gain(seen: f64) -> f64 {
    // `0 + μ` is exactly `μ` in floating point: the same value the general formula gives.
    (PSEUDO_COUNT / (seen + PSEUDO_COUNT)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gain(word: &str, probability: f64, left: Option<&str>, right: Option<&str>) -> f64 {
        Neighbours::new(left, right).gain(word, probability, MAX_GAIN)
    }

    #[test]
    fn a_seen_pair_gains_and_an_unseen_neighbour_is_neutral() {
        let p = 2.5e-6;
        assert!(gain("skälen", p, None, Some("för")) > 1.0);
        assert_eq!(gain("skälen", p, None, None), 0.0);
        assert_eq!(gain("skälen", p, Some("xyzzy"), Some("plugh")), 0.0);
    }

    #[test]
    fn a_neighbour_without_the_pair_costs_every_reading_alike() {
        let a = gain("skålen", 2.0e-6, None, Some("för"));
        let b = gain("skalen", 4.7e-7, None, Some("för"));
        assert!(a < 0.0);
        assert!((a - b).abs() < 1e-12);
    }

    #[test]
    fn determiners_count_as_one_class() {
        // `den fortsatta`, `det fortsatta` were seen; the infinitive follows a determiner only
        // by a slip of the pen (`det fortsätta arbetet`), a few times in millions of words.
        assert!(after_determiner("fortsatta") > 0);
        assert!(after_determiner("fortsätta") * 20 <= after_determiner("fortsatta"));
    }

    #[test]
    fn each_side_is_capped() {
        // `vård och` is a frequent pair; one side never gains more than MAX_GAIN.
        assert!(gain("vård", 6.3e-5, None, Some("och")) <= MAX_GAIN);
        assert!(gain("vård", 6.3e-5, Some("den"), Some("som")) <= 2.0 * MAX_GAIN);
    }
}
