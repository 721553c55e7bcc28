//! Compiles the lexicon sources in `dictionaries/` into finite-state transducers in `OUT_DIR`,
//! which `src/lexicon.rs` embeds with `include_bytes!` and opens without parsing.
//!
//! - `words.fst`: every word of `sv-words.tsv` and `domain.txt` → ([`MAX_FREQUENCY`] minus its
//!   frequency per billion words) shifted left by [`HEAD_BITS`], or'ed with [`HEAD`] if the
//!   word may begin a compound and [`LINKED_HEAD`] if it may with a linking `s` (both from
//!   `sv-heads.txt`; see `main`).
//!   Domain words without a frequency get [`DOMAIN_FREQUENCY`]: rare in general text, common in
//!   the documents svocr reads.
//! - `stats.rs`: [`MAX_FREQUENCY`], the frequency of the most frequent word, which bounds how
//!   cheap any reading's prior can be, and the head-bit constants `words.fst` was written with.
//! - `heads.fst`: the compound parts of `sv-heads.txt` that are no words (`hälso`,
//!   `försäkrings`), value 0.
//! - `stem_ends.rs`: `STEM_ENDS`, one bit per pair of last two bytes (big-endian) that some
//!   compound-only stem ends in, so the lexicon has it without reading `heads.fst` at start-up.
//! - `bigrams.fst`: `sv-bigrams.tsv` as `word next` → count, plus the totals `word ` → how often
//!   `word` has a successor and ` next` → how often `next` has a predecessor (a space cannot
//!   occur inside a word, so the three kinds of key never collide).
//!
//! Malformed sources fail the build with the file and line; `tests/integration/hygiene.rs` checks the same
//! rules with friendlier messages.

use std::collections::{BTreeMap, BTreeSet};
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

/// Frequency (per billion words) given to a domain word, unless the general list has it higher:
/// web-text frequencies understate how common `överenskommelse` or `återrapporterar` are in the
/// public-administration register svocr reads (about a zipf of 4, like `läge` in general text).
const DOMAIN_FREQUENCY: u64 = 10_000;

/// Low bits of a word's value that say how it may begin a compound (written into `stats.rs`
/// too, so that `src/lexicon.rs` reads values with the same constants).
const HEAD_BITS: u32 = 2;
/// The word itself may begin a compound (`vård` in `vårdgivare`).
const HEAD: u64 = 1;
/// The word plus a linking `s` may begin a compound (`försäkring` in `försäkringskassa`).
const LINKED_HEAD: u64 = 2;

fn main() {
    let dir = Path::new("dictionaries");
    for f in [
        "sv-words.tsv",
        "domain.txt",
        "sv-heads.txt",
        "sv-bigrams.tsv",
    ] {
        println!("cargo:rerun-if-changed=dictionaries/{f}");
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let heads_text = read(&dir.join("sv-heads.txt"));
    let heads: BTreeSet<&[u8]> = heads_text.lines().map(str::as_bytes).collect();
    let head_bits = |w: &[u8]| {
        let mut b = 0;
        if heads.contains(w) {
            b |= HEAD;
        }
        if heads.contains([w, b"s"].concat().as_slice()) {
            b |= LINKED_HEAD;
        }
        b
    };
    // Word → (frequency, head bits).
    let mut words: BTreeMap<Vec<u8>, (u64, u64)> = BTreeMap::new();
    for (n, line) in read(&dir.join("sv-words.tsv")).lines().enumerate() {
        let (w, f) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("sv-words.tsv:{}: expected word<TAB>frequency", n + 1));
        let f: u64 = f
            .parse()
            .unwrap_or_else(|_| panic!("sv-words.tsv:{}: bad frequency {f:?}", n + 1));
        words.insert(w.as_bytes().to_vec(), (f, head_bits(w.as_bytes())));
    }
    for w in read(&dir.join("domain.txt")).lines() {
        // A domain word hunspell does not know (`covid`, `regionernas`…) gets no verdict from
        // it: it may begin a compound either way.
        let (f, _) = words
            .entry(w.as_bytes().to_vec())
            .or_insert((0, HEAD | LINKED_HEAD));
        *f = (*f).max(DOMAIN_FREQUENCY);
    }
    let max = words.values().map(|&(f, _)| f).max().unwrap_or(0);
    // Stored as `max - frequency`: the fst pushes the smallest value of a subtree towards the
    // root, so the output gathered on a prefix bounds the frequency of every word below it,
    // which lets the repair walk give up on prefixes that can only lead to rare readings. The
    // head bits below the shift do not disturb that bound.
    let mut map = fst::MapBuilder::memory();
    for (w, &(f, bits)) in &words {
        let value = ((max - f) << HEAD_BITS) | bits;
        map.insert(w, value).expect("keys are sorted and unique");
    }
    fs::write(out.join("words.fst"), map.into_inner().expect("in memory")).expect("write fst");
    // The lexicon reads values with the same constants this script wrote them with.
    fs::write(
        out.join("stats.rs"),
        format!(
            "/// The highest frequency (per billion words) of any listed word.\n\
             pub(crate) const MAX_FREQUENCY: u64 = {max};\n\
             /// Low bits of a value in the word automaton that say how the word may begin a\n\
             /// compound (from `dictionaries/sv-heads.txt`).\n\
             const HEAD_BITS: u32 = {HEAD_BITS};\n\
             /// The word itself may begin a compound (`vård` in `vårdgivare`).\n\
             const HEAD: u64 = {HEAD};\n\
             /// The word plus a linking `s` may begin a compound (`försäkring` in\n\
             /// `försäkringskassa`).\n\
             const LINKED_HEAD: u64 = {LINKED_HEAD};\n"
        ),
    )
    .expect("write stats");

    // Heads that are words are marked in `words.fst`; the rest are compound-only stems.
    let mut set = fst::SetBuilder::memory();
    let mut ends = [0u64; 1024];
    for h in heads.iter().filter(|h| !words.contains_key(**h)) {
        set.insert(h).expect("keys are sorted and unique");
        if let [.., a, b] = h {
            let end = u16::from_be_bytes([*a, *b]);
            ends[usize::from(end >> 6)] |= 1 << (end & 63);
        }
    }
    fs::write(out.join("heads.fst"), set.into_inner().expect("in memory")).expect("write fst");
    fs::write(
        out.join("stem_ends.rs"),
        format!(
            "/// One bit per pair of last two bytes that a compound-only stem ends in.\n\
             static STEM_ENDS: [u64; 1024] = {ends:?};\n"
        ),
    )
    .expect("write stem ends");

    bigrams(dir, &out);
}

/// Writes `bigrams.fst` (see the module docs).
fn bigrams(dir: &Path, out: &Path) {
    let mut map: BTreeMap<String, u64> = BTreeMap::new();
    for (n, line) in read(&dir.join("sv-bigrams.tsv")).lines().enumerate() {
        let mut f = line.split('\t');
        let (Some(a), Some(b), Some(c), None) = (f.next(), f.next(), f.next(), f.next()) else {
            panic!("sv-bigrams.tsv:{}: expected word<TAB>next<TAB>count", n + 1);
        };
        let c: u64 = c
            .parse()
            .unwrap_or_else(|_| panic!("sv-bigrams.tsv:{}: bad count {c:?}", n + 1));
        *map.entry(format!("{a} {b}")).or_default() += c;
        *map.entry(format!("{a} ")).or_default() += c;
        *map.entry(format!(" {b}")).or_default() += c;
    }
    let mut builder = fst::MapBuilder::memory();
    for (k, v) in &map {
        builder.insert(k, *v).expect("keys are sorted and unique");
    }
    fs::write(
        out.join("bigrams.fst"),
        builder.into_inner().expect("in memory"),
    )
    .expect("write fst");
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
