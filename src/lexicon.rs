//! The Swedish lexicon: word forms with frequencies, compound heads, and compound analysis.
//!
//! In: lower-case NFC words. Out: whether a word is Swedish, how frequent it is, and how it splits
//! into compound parts.
//!
//! The data is compiled by `build.rs` from `dictionaries/` (hunspell-sv word forms with wordfreq
//! frequencies, a reviewed list of public-administration words, the forms hunspell lets begin a
//! compound) into two finite-state transducers that are embedded in the binary and opened in place:
//! nothing is parsed at start-up. [`Lexicon::words`] opens the word automaton for walking byte by
//! byte (a [`Cursor`] per position), so that the repair can walk it while it generates candidates;
//! how a word's frequency and compound flags are packed into the automaton's values stays in this
//! file.
//!
//! Swedish compounds are open-class (`försäkringsmedicin`, `uppföljningsmått` are in no word
//! list), so [`Lexicon::compound`] accepts head + optional linking `s` + tail, recursively and
//! bounded. Only forms hunspell-sv marks as compound parts are heads: `vård`, `hälso`,
//! `försäkring` + `s`, but not `ter` (of `te sig`), so `terrapporterar` is no compound. It
//! deliberately knows nothing about OCR errors and does no case folding: callers pass lower-case
//! words.

use std::sync::LazyLock;

use fst::raw::{CompiledAddr, Fst, Node};

include!(concat!(env!("OUT_DIR"), "/stats.rs"));
include!(concat!(env!("OUT_DIR"), "/stem_ends.rs"));

static WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.fst"));
static HEADS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/heads.fst"));

/// Shortest first part of a compound, in characters (`vård` in `vårdgivare` is 4; `ö` alone is
/// never a head).
pub(crate) const MIN_HEAD_CHARS: usize = 3;
/// Shortest last part of a compound, in characters.
pub(crate) const MIN_TAIL_CHARS: usize = 3;
/// Most parts in one compound (`till|ägg|s|över|ens|kommelse` needs no more than four).
pub(crate) const MAX_PARTS: usize = 4;

/// The frequency (per billion words) a compound-only stem (`hälso`) counts with as a compound
/// head: such stems are listed without frequencies.
pub(crate) const STEM_FREQUENCY: u64 = 1_000;

/// How a compound's frequency is estimated from its parts: the rarer part's frequency divided by
/// this. A compound is rarer than either part, and an attested word should win over a compound
/// reading of the same letters.
pub(crate) const COMPOUND_DIVISOR: u64 = 20;

/// The frequency of a word from its value (or the output gathered on a prefix, giving an upper
/// bound for the words below it) in the word automaton.
#[inline]
fn frequency_of(value: u64) -> u64 {
    MAX_FREQUENCY.saturating_sub(value >> HEAD_BITS)
}

/// Whether the word whose value in the word automaton is `value` may begin a compound as it is
/// (`vård` in `vårdgivare`). Hunspell-sv says which forms may: `ter` (of `te sig`) may not, so
/// `terrapporterar` is no compound of it.
#[inline]
fn is_head_value(value: u64) -> bool {
    value & HEAD != 0
}

/// Whether the word whose value is `value` may begin a compound with a linking `s`
/// (`försäkring` in `försäkringskassa`, but not `ränta`, which takes `ränte`).
#[inline]
fn is_linked_head_value(value: u64) -> bool {
    value & LINKED_HEAD != 0
}

/// Each junction after the first divides a compound's estimated frequency by this too; an
/// estimate under one per billion words is no reading.
pub(crate) const EXTRA_JUNCTION_DIVISOR: u64 = 10;

/// The estimated frequency of a compound of `parts` parts whose rarest part has frequency
/// `rarest` (see [`COMPOUND_DIVISOR`], [`EXTRA_JUNCTION_DIVISOR`] and [`COMPOUND_CEILING`]).
pub(crate) fn compound_frequency(rarest: u64, parts: usize) -> u64 {
    let extra = u32::try_from(parts.saturating_sub(2)).unwrap_or(u32::MAX);
    (rarest / COMPOUND_DIVISOR / EXTRA_JUNCTION_DIVISOR.saturating_pow(extra)).min(COMPOUND_CEILING)
}

/// The highest frequency (per billion words) an unlisted compound is estimated at, however
/// frequent its parts: a compound as common as one in a million words would be in hunspell's
/// dictionary and wordfreq's list, so being unlisted is itself evidence of rarity. Without the
/// cap `låg|förslag` (estimated from `förslag`) outranked the listed `lagförslag`.
pub(crate) const COMPOUND_CEILING: u64 = 1_000;

/// The embedded lexicon.
pub(crate) struct Lexicon {
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
pub(crate) struct Compound {
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
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// The frequency (per billion words) of a listed word form, `None` if it is not listed.
    pub(crate) fn frequency(&self, word: &str) -> Option<u64> {
        self.value(word).map(frequency_of)
    }

    /// Whether `word` is a listed word form.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.frequency(word).is_some()
    }

    /// Whether `part` may begin a compound: a word hunspell marks as a compound head, or one
    /// of its compound-only stems (`hälso`, `försäkrings`). Only the data tests ask this; the
    /// walk reads the same flags through [`WordEnd::may_begin_compound`].
    #[cfg(test)]
    pub(crate) fn is_head(&self, part: &str) -> bool {
        self.value(part)
            .map_or_else(|| self.is_stem(part.as_bytes()), is_head_value)
    }

    /// Whether `part` may stand before a hyphen that shares a compound tail (`hälso- och
    /// sjukvård`, `sjukskrivnings- och`): any word, compound-only stem, or either plus `s`.
    /// The hyphen itself says a compound is meant, so this is looser than [`Lexicon::is_head`].
    pub(crate) fn is_hyphen_head(&self, part: &str) -> bool {
        let loose = |p: &str| self.contains(p) || self.is_stem(p.as_bytes());
        loose(part) || part.strip_suffix('s').is_some_and(loose)
    }

    fn value(&self, word: &str) -> Option<u64> {
        self.words.as_ref()?.get(word.as_bytes()).map(|o| o.value())
    }

    /// Whether `part` (UTF-8) is one of hunspell's compound-only stems (`hälso`), which are
    /// no words on their own. The repair's walk asks this of every non-word prefix it reaches,
    /// so it skips the word lookup [`Lexicon::is_head`] would repeat.
    pub(crate) fn is_stem(&self, part: &[u8]) -> bool {
        // The walk asks this of thousands of prefixes per document, and most end in a pair of
        // bytes no stem ends in (`STEM_ENDS`, written by build.rs): a bit test spares the lookup.
        let [.., a, b] = part else {
            return false;
        };
        let end = u16::from_be_bytes([*a, *b]);
        STEM_ENDS[usize::from(end >> 6)] & (1 << (end & 63)) != 0
            && self.heads.as_ref().is_some_and(|h| h.contains_key(part))
    }

    /// The word automaton, for callers that walk it byte by byte ([`Words::root`]).
    pub(crate) fn words(&self) -> Option<Words<'_>> {
        let fst = self.words.as_ref()?;
        Some(Words {
            fst,
            root: fst.root(),
        })
    }

    /// The frequency of `word` as a listed word or, failing that, as a compound.
    pub(crate) fn word_or_compound_frequency(&self, word: &str) -> Option<u64> {
        self.frequency(word)
            .or_else(|| self.compound(word).map(|c| c.frequency))
    }

    /// Splits an unlisted word into listed parts: head, optional linking `s`, tail, where the
    /// tail may itself be a compound. Prefers the reading with the fewest parts, then the
    /// longest head.
    pub(crate) fn compound(&self, word: &str) -> Option<Compound> {
        let mut splits = Vec::new();
        let frequency = self.split_from(word, 0, &mut splits, u64::MAX)?;
        Some(Compound { splits, frequency })
    }

    /// The heads `rest` begins with, shortest first: listed words of at least
    /// [`MIN_HEAD_CHARS`] characters that hunspell lets begin a compound, as they are or with a
    /// linking `s`, and compound-only stems (`hälso`, `vårds`; counted at [`STEM_FREQUENCY`]).
    /// One walk of each automaton along `rest`, instead of a lookup from the root for every
    /// prefix.
    fn heads_of(&self, rest: &str) -> Vec<(usize, Head)> {
        let bytes = rest.as_bytes();
        let mut words = self.words().map(|w| (w, w.root()));
        let mut heads = self.heads.as_ref().map(|f| (f, f.root()));
        let mut found = Vec::new();
        let mut chars = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if let Some((w, at)) = &mut words {
                match w.step(*at, b) {
                    Some(next) => *at = next,
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
            let word = words.as_ref().and_then(|(_, at)| at.word());
            let stem = heads.as_ref().is_some_and(|(_, node)| node.is_final());
            let head = match word {
                Some(end) => end.head(),
                None if stem => Head::STEM,
                None => continue,
            };
            if head.plain || head.linked {
                found.push((i + 1, head));
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
            for &(end, head) in heads.iter().rev() {
                let head_freq = head.frequency.min(min_freq);
                let tail = &rest[end..];
                let plain = Some(tail).filter(|_| head.plain);
                let linked = tail
                    .strip_prefix('s')
                    .filter(|t| head.linked && !t.is_empty());
                for (skip, t) in [(0, plain), (1, linked)] {
                    let Some(t) = t else { continue };
                    if t.chars().count() < MIN_TAIL_CHARS {
                        continue;
                    }
                    let at = from + end + skip;
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

/// How a part may begin a compound: the one compound grammar that [`Lexicon::compound`] and the
/// repair's walk share. A part is a head if it is a listed word hunspell lets begin a compound
/// ([`WordEnd::head`]), or a compound-only stem ([`Head::STEM`]); it must be at least
/// [`MIN_HEAD_CHARS`] long, the tail at least [`MIN_TAIL_CHARS`], and a compound has at most
/// [`MAX_PARTS`] parts, estimated at [`compound_frequency`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Head {
    /// The part's frequency per billion words, as the compound's estimate counts it.
    pub frequency: u64,
    /// Whether the next part may follow directly (`vård|givare`).
    pub plain: bool,
    /// Whether the next part may follow after a linking `s` (`försäkring|s|kassa`).
    pub linked: bool,
}

impl Head {
    /// A compound-only stem (`hälso`, `vårds`, see [`Lexicon::is_stem`]) as a head: counted at
    /// [`STEM_FREQUENCY`], followed directly by the next part (a stem that takes a linking `s`
    /// is listed with it).
    pub(crate) const STEM: Head = Head {
        frequency: STEM_FREQUENCY,
        plain: true,
        linked: false,
    };
}

/// The word automaton of the lexicon, opened for walking ([`Lexicon::words`]).
///
/// A walk holds a [`Cursor`] (a decoded position) where it reads moves, and a [`Prefix`] (a
/// position not yet decoded) where it only may go: most moves tried from a position fail on their
/// first byte, and decoding the positions reached waits until they prove worth exploring.
#[derive(Clone, Copy)]
pub(crate) struct Words<'a> {
    fst: &'a Fst<&'static [u8]>,
    /// The root, decoded once: every word and every compound part starts there.
    root: Node<'a>,
}

/// A position in the word automaton reached by some bytes, not decoded yet: cheap to keep and
/// compare. [`Words::cursor`] decodes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Prefix {
    addr: CompiledAddr,
    /// The output gathered on the way (the sum along the path).
    out: u64,
}

/// A decoded position in the word automaton: the words that begin with the bytes walked so far.
#[derive(Clone, Copy)]
pub(crate) struct Cursor<'a> {
    node: Node<'a>,
    /// The output gathered on the way.
    out: u64,
}

/// A word that ends at a [`Cursor`]: its frequency and whether it may begin a compound.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordEnd {
    value: u64,
}

impl<'a> Words<'a> {
    /// The cursor at the root: no bytes walked.
    #[inline]
    pub(crate) fn root(&self) -> Cursor<'a> {
        Cursor {
            node: self.root,
            out: 0,
        }
    }

    /// Decodes the position `at` (the root is decoded already).
    #[inline]
    pub(crate) fn cursor(&self, at: Prefix) -> Cursor<'a> {
        let node = if at.addr == self.root.addr() {
            self.root
        } else {
            self.fst.node(at.addr)
        };
        Cursor { node, out: at.out }
    }

    /// The cursor one byte further, `None` if no word continues with `byte`.
    #[inline]
    pub(crate) fn step(&self, at: Cursor<'a>, byte: u8) -> Option<Cursor<'a>> {
        let t = at.node.transition(at.node.find_input(byte)?);
        Some(Cursor {
            node: self.fst.node(t.addr),
            out: at.out + t.out.value(),
        })
    }

    /// Follows `bytes` from `at` (at least one byte); the position reached, not decoded: only
    /// the nodes on the way are.
    #[inline]
    pub(crate) fn follow(&self, at: &Cursor<'a>, bytes: &[u8]) -> Option<Prefix> {
        let (&last, init) = bytes.split_last()?;
        let mut n = at.node;
        let mut out = at.out;
        for &b in init {
            let t = n.transition(n.find_input(b)?);
            out += t.out.value();
            n = self.fst.node(t.addr);
        }
        let t = n.transition(n.find_input(last)?);
        Some(Prefix {
            addr: t.addr,
            out: out + t.out.value(),
        })
    }

    /// Calls `f` with every character that may follow `at` (its UTF-8 bytes) and the position
    /// after it, in byte order. Only one- and two-byte characters are offered: Swedish letters
    /// are.
    #[inline]
    pub(crate) fn for_each_char(&self, at: &Cursor<'a>, mut f: impl FnMut(&[u8], Prefix)) {
        for t in at.node.transitions() {
            let out = at.out + t.out.value();
            if t.inp < 0x80 {
                f(&[t.inp], Prefix { addr: t.addr, out });
            } else if (0xC2..0xE0).contains(&t.inp) {
                for t2 in self.fst.node(t.addr).transitions() {
                    let out = out + t2.out.value();
                    f(&[t.inp, t2.inp], Prefix { addr: t2.addr, out });
                }
            }
        }
    }
}

impl Prefix {
    /// The highest frequency (per billion words) of any word that begins here: a bound on the
    /// prior of every completion, which lets a walk prune early.
    #[inline]
    pub(crate) fn max_frequency(&self) -> u64 {
        frequency_of(self.out)
    }
}

impl Cursor<'_> {
    /// The position as a [`Prefix`], to come back to.
    #[inline]
    pub(crate) fn prefix(&self) -> Prefix {
        Prefix {
            addr: self.node.addr(),
            out: self.out,
        }
    }

    /// The word the bytes walked so far spell, if they spell a listed word.
    #[inline]
    pub(crate) fn word(&self) -> Option<WordEnd> {
        self.node.is_final().then(|| WordEnd {
            value: self.out + self.node.final_output().value(),
        })
    }
}

impl WordEnd {
    /// The word's frequency per billion words.
    #[inline]
    pub(crate) fn frequency(self) -> u64 {
        frequency_of(self.value)
    }

    /// Whether the word may begin a compound as it is (`vård` in `vårdgivare`; not `ter` of
    /// `te sig`, so `terrapporterar` is no compound of it).
    #[inline]
    pub(crate) fn may_begin_compound(self) -> bool {
        is_head_value(self.value)
    }

    /// Whether the word may begin a compound with a linking `s` (`försäkring` in
    /// `försäkringskassa`, but not `ränta`, which takes `ränte`).
    #[inline]
    pub(crate) fn may_begin_compound_with_s(self) -> bool {
        is_linked_head_value(self.value)
    }

    /// The word as the first part of a compound.
    #[inline]
    pub(crate) fn head(self) -> Head {
        Head {
            frequency: self.frequency(),
            plain: self.may_begin_compound(),
            linked: self.may_begin_compound_with_s(),
        }
    }
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

    /// Walks `word` from the root with the cursor, one byte at a time.
    fn cursor_at(word: &str) -> Option<Cursor<'static>> {
        let words = lexicon().words()?;
        word.bytes()
            .try_fold(words.root(), |at, b| words.step(at, b))
    }

    #[test]
    fn the_cursor_reads_what_the_lookups_read() {
        let l = lexicon();
        let end = cursor_at("vård")
            .and_then(|c| c.word())
            .expect("vård is listed");
        assert_eq!(Some(end.frequency()), l.frequency("vård"));
        assert!(end.may_begin_compound() && end.head().plain);
        let ter = cursor_at("ter")
            .and_then(|c| c.word())
            .expect("ter is listed");
        assert!(!ter.may_begin_compound() && !ter.may_begin_compound_with_s());
        assert!(
            cursor_at("försäkring")
                .and_then(|c| c.word())
                .is_some_and(|w| w.may_begin_compound_with_s())
        );
        // A prefix that is no word ends nothing, but bounds the words below it.
        let prefix = cursor_at("försäkringskass").expect("a prefix of försäkringskassan");
        assert_eq!(prefix.word(), None);
        let below = l.frequency("försäkringskassan").expect("listed");
        assert!(prefix.prefix().max_frequency() >= below);
        assert!(cursor_at("xq").is_none());
    }

    #[test]
    fn following_bytes_and_decoding_meets_stepping() {
        let words = lexicon().words().expect("lexicon");
        let at = words.follow(&words.root(), "för".as_bytes()).expect("för");
        let stepped = cursor_at("för").expect("för");
        assert_eq!(at, stepped.prefix());
        assert_eq!(words.cursor(at).word(), stepped.word());
        // Every next character offered leads somewhere `step` also reaches.
        let mut next = Vec::new();
        words.for_each_char(&stepped, |bytes, p| next.push((bytes.to_vec(), p)));
        assert!(next.iter().any(|(b, _)| b == "s".as_bytes()));
        for (bytes, p) in next {
            let by_step = bytes.iter().try_fold(stepped, |c, &b| words.step(c, b));
            assert_eq!(by_step.map(|c| c.prefix()), Some(p));
        }
    }
}
