//! The Swedish lexicon: word forms with frequencies, compound heads, and compound analysis.
//!
//! In: lower-case NFC words. Out: whether a word is Swedish, how frequent it is, and how it splits
//! into compound parts.
//!
//! The data is compiled by `build.rs` from `dictionaries/` (hunspell-sv word forms with wordfreq
//! frequencies, a reviewed list of public-administration words, the forms hunspell lets begin a
//! compound) into two finite-state transducers that are embedded in the binary and opened in place:
//! nothing is parsed at start-up. [`Lexicon::words_fst`] exposes the word automaton so that the
//! repair can walk it while it generates candidates.
//!
//! Swedish compounds are open-class (`försäkringsmedicin`, `uppföljningsmått` are in no word
//! list), so [`Lexicon::compound`] accepts head + optional linking `s` + tail, recursively and
//! bounded. Only forms hunspell-sv marks as compound parts are heads: `vård`, `hälso`,
//! `försäkring` + `s`, but not `ter` (of `te sig`), so `terrapporterar` is no compound. It
//! deliberately knows nothing about OCR errors and does no case folding: callers pass lower-case
//! words.

use std::sync::LazyLock;

use fst::raw::Fst;

include!(concat!(env!("OUT_DIR"), "/stats.rs"));
include!(concat!(env!("OUT_DIR"), "/stem_ends.rs"));

static WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.fst"));
static HEADS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/heads.fst"));

/// Shortest first part of a compound, in characters (`vård` in `vårdgivare` is 4; `ö` alone is
/// never a head).
pub const MIN_HEAD_CHARS: usize = 3;
/// Shortest last part of a compound, in characters.
pub const MIN_TAIL_CHARS: usize = 3;
/// Most parts in one compound (`till|ägg|s|över|ens|kommelse` needs no more than four).
pub const MAX_PARTS: usize = 4;

/// The frequency (per billion words) a compound-only stem (`hälso`) counts with as a compound
/// head: such stems are listed without frequencies.
pub const STEM_FREQUENCY: u64 = 1_000;

/// How a compound's frequency is estimated from its parts: the rarer part's frequency divided by
/// this. A compound is rarer than either part, and an attested word should win over a compound
/// reading of the same letters.
pub const COMPOUND_DIVISOR: u64 = 20;

/// The frequency of a word from its value (or the output gathered on a prefix, giving an upper
/// bound for the words below it) in [`Lexicon::words_fst`].
pub fn frequency_of(value: u64) -> u64 {
    MAX_FREQUENCY.saturating_sub(value >> HEAD_BITS)
}

/// Whether the word whose value in [`Lexicon::words_fst`] is `value` may begin a compound as it
/// is (`vård` in `vårdgivare`). Hunspell-sv says which forms may: `ter` (of `te sig`) may not,
/// so `terrapporterar` is no compound of it.
pub fn is_head_value(value: u64) -> bool {
    value & HEAD != 0
}

/// Whether the word whose value is `value` may begin a compound with a linking `s`
/// (`försäkring` in `försäkringskassa`, but not `ränta`, which takes `ränte`).
pub fn is_linked_head_value(value: u64) -> bool {
    value & LINKED_HEAD != 0
}

/// Each junction after the first divides a compound's estimated frequency by this too; an
/// estimate under one per billion words is no reading.
pub const EXTRA_JUNCTION_DIVISOR: u64 = 10;

/// The estimated frequency of a compound of `parts` parts whose rarest part has frequency
/// `rarest` (see [`COMPOUND_DIVISOR`], [`EXTRA_JUNCTION_DIVISOR`] and [`COMPOUND_CEILING`]).
pub fn compound_frequency(rarest: u64, parts: usize) -> u64 {
    let extra = u32::try_from(parts.saturating_sub(2)).unwrap_or(u32::MAX);
    (rarest / COMPOUND_DIVISOR / EXTRA_JUNCTION_DIVISOR.saturating_pow(extra)).min(COMPOUND_CEILING)
}

/// The highest frequency (per billion words) an unlisted compound is estimated at, however
/// frequent its parts: a compound as common as one in a million words would be in hunspell's
/// dictionary and wordfreq's list, so being unlisted is itself evidence of rarity. Without the
/// cap `låg|förslag` (estimated from `förslag`) outranked the listed `lagförslag`.
pub const COMPOUND_CEILING: u64 = 1_000;

/// The embedded lexicon.
pub struct Lexicon {
    words: Option<Fst<&'static [u8]>>,
    heads: Option<Fst<&'static [u8]>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("words", &self.words.as_ref().map(|w| w.len()))
            .field("heads", &self.heads.as_ref().map(|h| h.len()))
            .finish()
    }
}

/// A compound reading of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compound {
    /// Byte offsets where each part after the first starts (after any linking `s`).
    pub splits: Vec<usize>,
    /// Estimated frequency per billion words (see [`COMPOUND_DIVISOR`]).
    pub frequency: u64,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    // Both automata were written by build.rs from the same crate; a failure here would mean a
    // corrupt build, and an empty lexicon (no repairs) is the safe way to degrade.
    words: Fst::new(WORDS).ok(),
    heads: Fst::new(HEADS).ok(),
});

/// The embedded lexicon, opened on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// The frequency (per billion words) of a listed word form, `None` if it is not listed.
    pub fn frequency(&self, word: &str) -> Option<u64> {
        self.value(word).map(frequency_of)
    }

    /// Whether `word` is a listed word form.
    pub fn contains(&self, word: &str) -> bool {
        self.frequency(word).is_some()
    }

    /// Whether `part` may begin a compound: a word hunspell marks as a compound head, or one
    /// of its compound-only stems (`hälso`, `försäkrings`).
    pub fn is_head(&self, part: &str) -> bool {
        self.value(part)
            .map_or_else(|| self.is_stem(part.as_bytes()), is_head_value)
    }

    /// Whether `part` may stand before a hyphen that shares a compound tail (`hälso- och
    /// sjukvård`, `sjukskrivnings- och`): any word, compound-only stem, or either plus `s`.
    /// The hyphen itself says a compound is meant, so this is looser than [`Lexicon::is_head`].
    pub fn is_hyphen_head(&self, part: &str) -> bool {
        let loose = |p: &str| self.contains(p) || self.is_stem(p.as_bytes());
        loose(part) || part.strip_suffix('s').is_some_and(loose)
    }

    fn value(&self, word: &str) -> Option<u64> {
        self.words.as_ref()?.get(word.as_bytes()).map(|o| o.value())
    }

    /// Whether `part` (UTF-8) is one of hunspell's compound-only stems (`hälso`), which are
    /// no words on their own. The walk in `correct` asks this of every non-word prefix it
    /// reaches, so it skips the word lookup [`Lexicon::is_head`] would repeat.
    pub fn is_stem(&self, part: &[u8]) -> bool {
        // The walk asks this of thousands of prefixes per document, and most end in a pair of
        // bytes no stem ends in (`STEM_ENDS`, written by build.rs): a bit test spares the lookup.
        let [.., a, b] = part else {
            return false;
        };
        let end = u16::from_be_bytes([*a, *b]);
        STEM_ENDS[usize::from(end >> 6)] & (1 << (end & 63)) != 0
            && self.heads.as_ref().is_some_and(|h| h.contains_key(part))
    }

    /// The word automaton, for callers that walk it byte by byte. Its values are
    /// `MAX_FREQUENCY - frequency` ([`frequency_of`] turns them back): the output gathered on
    /// a prefix is then at most the value of any word below it, so `frequency_of(output)`
    /// bounds the frequency of every completion.
    pub fn words_fst(&self) -> Option<&Fst<&'static [u8]>> {
        self.words.as_ref()
    }

    /// The frequency of `word` as a listed word or, failing that, as a compound.
    pub fn word_or_compound_frequency(&self, word: &str) -> Option<u64> {
        self.frequency(word)
            .or_else(|| self.compound(word).map(|c| c.frequency))
    }

    /// Splits an unlisted word into listed parts: head, optional linking `s`, tail, where the
    /// tail may itself be a compound. Prefers the reading with the fewest parts, then the
    /// longest head.
    pub fn compound(&self, word: &str) -> Option<Compound> {
        let mut splits = Vec::new();
        let frequency = self.split_from(word, 0, &mut splits, u64::MAX)?;
        Some(Compound { splits, frequency })
    }

    /// The heads `rest` begins with, shortest first: listed words of at least
    /// [`MIN_HEAD_CHARS`] characters that hunspell lets begin a compound, as they are or with a
    /// linking `s`, and compound-only stems (`hälso`, `vårds`; counted at [`STEM_FREQUENCY`]).
    /// One walk of each automaton along `rest`, instead of a lookup from the root for every
    /// prefix.
    fn heads_of(&self, rest: &str) -> Vec<Head> {
        let bytes = rest.as_bytes();
        let mut words = self.words.as_ref().map(|f| (f, f.root(), 0u64));
        let mut heads = self.heads.as_ref().map(|f| (f, f.root()));
        let mut found = Vec::new();
        let mut chars = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if let Some((f, node, out)) = &mut words {
                match node.find_input(b) {
                    Some(k) => {
                        let t = node.transition(k);
                        *out += t.out.value();
                        *node = f.node(t.addr);
                    }
                    None => words = None,
                }
            }
            if let Some((f, node)) = &mut heads {
                match node.find_input(b) {
                    Some(k) => *node = f.node(node.transition(k).addr),
                    None => heads = None,
                }
            }
            if words.is_none() && heads.is_none() {
                break;
            }
            if b & 0xC0 != 0x80 {
                chars += 1;
            }
            // A head ends at a character boundary: the next byte starts a character.
            let boundary = bytes.get(i + 1).is_none_or(|&n| n & 0xC0 != 0x80);
            if !boundary || chars < MIN_HEAD_CHARS {
                continue;
            }
            let word = words
                .as_ref()
                .filter(|(_, node, _)| node.is_final())
                .map(|(_, node, out)| out + node.final_output().value());
            let stem = heads.as_ref().is_some_and(|(_, node)| node.is_final());
            let head = match word {
                Some(v) => Head {
                    end: i + 1,
                    frequency: frequency_of(v),
                    plain: is_head_value(v),
                    linked: is_linked_head_value(v),
                },
                None if stem => Head {
                    end: i + 1,
                    frequency: STEM_FREQUENCY,
                    plain: true,
                    linked: false,
                },
                None => continue,
            };
            if head.plain || head.linked {
                found.push(head);
            }
        }
        found
    }

    fn split_from(
        &self,
        word: &str,
        from: usize,
        splits: &mut Vec<usize>,
        min_freq: u64,
    ) -> Option<u64> {
        let rest = &word[from..];
        // Head boundaries, longest head first: long heads make fewer, likelier parts.
        let heads = self.heads_of(rest);
        // First every head with a whole-word tail, then deeper splits: the fewest parts win
        // (`urinprov|s|kontroll`, not `urinprov|skon|troll`).
        for deeper in [false, true] {
            if deeper && splits.len() + 2 >= MAX_PARTS {
                break;
            }
            for head in heads.iter().rev() {
                let head_freq = head.frequency.min(min_freq);
                let tail = &rest[head.end..];
                let plain = Some(tail).filter(|_| head.plain);
                let linked = tail
                    .strip_prefix('s')
                    .filter(|t| head.linked && !t.is_empty());
                for (skip, t) in [(0, plain), (1, linked)] {
                    let Some(t) = t else { continue };
                    if t.chars().count() < MIN_TAIL_CHARS {
                        continue;
                    }
                    let at = from + head.end + skip;
                    if deeper {
                        splits.push(at);
                        if let Some(f) = self.split_from(word, at, splits, head_freq) {
                            return Some(f);
                        }
                        splits.pop();
                    } else if let Some(f) = self.frequency(t) {
                        // Every junction makes the compound rarer: a reading that only rare
                        // parts and many junctions explain (`for|s|ikring|ska|s|san`) is no
                        // reading at all.
                        let estimate = compound_frequency(head_freq.min(f), splits.len() + 2);
                        if estimate > 0 {
                            splits.push(at);
                            return Some(estimate);
                        }
                    }
                }
            }
        }
        None
    }
}

/// A first part that [`Lexicon::heads_of`] found.
struct Head {
    /// Byte length of the part (without a linking `s`).
    end: usize,
    frequency: u64,
    /// Whether the next part may follow directly.
    plain: bool,
    /// Whether the next part may follow after a linking `s`.
    linked: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_word(w: &str) {
        assert!(lexicon().contains(w), "{w} should be listed");
    }

    #[track_caller]
    fn assert_not_word(w: &str) {
        assert!(!lexicon().contains(w), "{w} should not be listed");
    }

    #[track_caller]
    fn assert_compound(w: &str, parts: &[&str]) {
        let c = lexicon()
            .compound(w)
            .unwrap_or_else(|| panic!("{w} should split"));
        let mut got = Vec::new();
        let mut prev = 0;
        for &s in &c.splits {
            got.push(&w[prev..s]);
            prev = s;
        }
        got.push(&w[prev..]);
        assert_eq!(got, parts);
    }

    #[test]
    fn common_words_and_domain_words_are_listed() {
        assert_word("för");
        assert_word("är");
        assert_word("försäkringskassan");
        assert_word("tilläggsöverenskommelse");
        assert_word("försäkringsmedicin");
    }

    #[test]
    fn garbled_forms_and_acronyms_are_not_listed() {
        assert_not_word("f6r");
        assert_not_word("ir");
        assert_not_word("forsikringskassan");
        assert_not_word("");
    }

    #[test]
    fn frequencies_rank_the_common_reading_first() {
        let l = lexicon();
        assert!(l.frequency("för") > l.frequency("for"));
        assert!(l.frequency("rätt") > l.frequency("ritt"));
    }

    #[test]
    fn compounds_split_into_listed_parts() {
        assert_compound("rehabiliteringsmedicin", &["rehabiliterings", "medicin"]);
        assert_compound("hälsoappen", &["hälso", "appen"]);
        assert_compound("kvalitetssäkringsarbete", &["kvalitetssäkrings", "arbete"]);
    }

    #[test]
    fn non_compounds_do_not_split() {
        assert_eq!(lexicon().compound("ldngvarig"), None);
        assert_eq!(lexicon().compound("xyzzyplugh"), None);
        // Garbled, not a compound: `fors` + `ikrings…` must not pass as one.
        assert_eq!(lexicon().compound("forsikringskassan"), None);
        // Too short a head: `ö` + `verenskommelsen` is no compound.
        assert_eq!(lexicon().compound("överenskommelsenx"), None);
    }

    #[test]
    fn heads_include_compound_only_stems() {
        assert!(lexicon().is_head("hälso"));
        assert!(lexicon().is_head("försäkrings"));
        assert!(!lexicon().is_head("hilso"));
    }

    #[test]
    fn only_forms_hunspell_lets_begin_a_compound_are_heads() {
        assert!(lexicon().is_head("vård"));
        assert!(lexicon().is_head("rapport"));
        // Words, but no compound heads: `ter` (te sig), a plural in -er.
        assert!(!lexicon().is_head("ter"));
        assert!(!lexicon().is_head("aktörer"));
        assert_eq!(lexicon().compound("terrapporterar"), None);
        assert_eq!(lexicon().compound("aktörernås"), None);
        assert_compound("vårdgivarkontakter", &["vårdgivar", "kontakter"]);
    }

    #[test]
    fn hyphen_heads_are_looser_than_compound_heads() {
        // `ter- och` is odd Swedish but the hyphen says a compound is meant.
        assert!(lexicon().is_hyphen_head("ter"));
        assert!(lexicon().is_hyphen_head("sjukskrivnings"));
        assert!(!lexicon().is_hyphen_head("hilso"));
    }
}
