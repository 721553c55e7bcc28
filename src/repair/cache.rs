//! A bounded, process-wide memo shared by every document of a batch and every thread.
//!
//! In: a key (a lower-case word and a flag) and the function that computes its value. Out: the
//! value, computed once and then remembered. Only values that depend on the key alone (never on
//! a document) may be memoised, so a remembered value is the very value a fresh computation
//! gives: the memo changes how fast a batch runs, never what it outputs. In an archive the same
//! words come back document after document: `rank.rs` remembers the analyses of words outside
//! any document (their walks were half of a batch's instructions), `mod.rs` the readings of
//! rejoined split words, and `context.rs` the counts of word pairs.
//!
//! Bounded: the memo is split into [`SHARDS`] shards, each behind its own lock (two threads
//! rarely want the same shard at once), each in two generations so that the words in use stay
//! and the rest is forgotten (see `Shard`). Memory stays bounded however long the batch, and a
//! poisoned lock (a panic elsewhere) only turns the memo off.
//!
//! It also holds [`WordHasher`], the hasher of the repair's word-keyed maps: std's SipHash
//! cost a fifth of a memo lookup, and no map of the repair is iterated in an order that output
//! could depend on.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::{LazyLock, Mutex};

/// A map keyed by words, hashed by [`WordHasher`].
pub(super) type WordMap<K, V> = HashMap<K, V, WordHashing>;

/// A multiply-and-rotate hasher for short keys (words, a few bytes each), a few instructions
/// per eight bytes where SipHash-1-3 spends dozens per key. It starts from a per-process random
/// seed, so a document cannot be written against one fixed function; its collisions are weaker
/// than SipHash's, which the repair's maps afford: the memo's shards are bounded and a
/// document's vocabulary map only costs time, never changes an answer.
#[derive(Clone, Copy)]
pub(super) struct WordHasher(u64);

/// The multiplier of [`WordHasher`] (the one FxHash uses: odd, bits well spread).
const WORD_HASH_K: u64 = 0xf135_7aea_2e62_a9c5;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(WORD_HASH_K);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown takes its control bits from the top of the hash and its bucket from the
        // bottom: a last rotation spreads the product's well-mixed high bits to both.
        self.0.rotate_left(20)
    }
}

/// Builds [`WordHasher`]s from the process's seed.
#[derive(Clone, Copy, Default)]
pub(super) struct WordHashing;

/// The process's seed of [`WordHasher`]: random, as std's maps are, drawn once.
static WORD_HASH_SEED: LazyLock<u64> = LazyLock::new(|| RandomState::new().hash_one(0x5eed_u64));

impl BuildHasher for WordHashing {
    type Hasher = WordHasher;

    #[inline]
    fn build_hasher(&self) -> WordHasher {
        WordHasher(*WORD_HASH_SEED)
    }
}

/// How many independently locked maps a memo is split into.
const SHARDS: usize = 16;

/// Word and flag → value, split into shards; each generation holds one map per flag, so a
/// lookup hashes the borrowed word and allocates nothing.
pub(super) struct Memo<V> {
    hasher: WordHashing,
    generation_capacity: usize,
    shards: [Mutex<Shard<V>>; SHARDS],
}

/// One shard in two generations: a full `young` generation becomes the `old` one (the previous
/// old one is dropped), and a value found in the old generation moves back to the young one.
/// What a batch keeps using survives; what only one document used is forgotten. (Emptying a
/// full shard instead threw the batch's everyday words away with the rest, and a document of
/// many megabytes, with its many distinct misreadings, kept walking them again.)
struct Shard<V> {
    young: [WordMap<String, V>; 2],
    old: [WordMap<String, V>; 2],
}

impl<V: Clone> Memo<V> {
    /// An empty memo that holds at most `capacity` values.
    pub(super) fn new(capacity: usize) -> Self {
        Memo {
            hasher: WordHashing,
            generation_capacity: (capacity / (2 * SHARDS)).max(1),
            shards: std::array::from_fn(|_| {
                Mutex::new(Shard {
                    young: [WordMap::default(), WordMap::default()],
                    old: [WordMap::default(), WordMap::default()],
                })
            }),
        }
    }

    /// The value of `(word, flag)`: remembered, or computed by `compute` and remembered.
    pub(super) fn get_or_compute(&self, word: &str, flag: bool, compute: impl FnOnce() -> V) -> V {
        // The shard comes from middle bits of the hash, which the shard's map uses for neither
        // its bucket (low bits) nor its tag (top bits): keys of one shard still spread.
        let shard = &self.shards[((self.hasher.hash_one(word) >> 32) as usize) % SHARDS];
        let side = usize::from(flag);
        if let Ok(mut s) = shard.lock() {
            if let Some(v) = s.young[side].get(word) {
                return v.clone();
            }
            if let Some((key, v)) = s.old[side].remove_entry(word) {
                let found = v.clone();
                self.keep(&mut s, side, key, v);
                return found;
            }
        }
        // Computed outside the lock: another thread may compute the same key at the same time,
        // and both get the same value.
        let v = compute();
        if let Ok(mut s) = shard.lock() {
            self.keep(&mut s, side, word.to_string(), v.clone());
        }
        v
    }

    /// Puts a value in the young generation, which first ages if it is full.
    fn keep(&self, s: &mut Shard<V>, side: usize, key: String, v: V) {
        if s.young[0].len() + s.young[1].len() >= self.generation_capacity {
            s.old = std::mem::take(&mut s.young);
        }
        s.young[side].insert(key, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::hash::Hash;

    #[test]
    fn a_value_is_computed_once_per_key_and_flag() {
        let memo = Memo::new(100);
        let calls = Cell::new(0);
        let len = |w: &str, flag: bool| {
            memo.get_or_compute(w, flag, || {
                calls.set(calls.get() + 1);
                w.len() + usize::from(flag)
            })
        };
        assert_eq!(len("för", false), 4);
        assert_eq!(len("för", false), 4);
        assert_eq!(calls.get(), 1);
        assert_eq!(len("för", true), 5);
        assert_eq!(calls.get(), 2);
    }

    #[test]
    fn a_full_memo_forgets_but_still_answers() {
        let memo = Memo::new(2 * SHARDS);
        for round in 0..3 {
            for i in 0..200 {
                let w = format!("w{i}");
                assert_eq!(
                    memo.get_or_compute(&w, false, || w.len()),
                    w.len(),
                    "{round}"
                );
            }
        }
        let held: usize = memo
            .shards
            .iter()
            .map(|s| {
                s.lock().map_or(0, |s| {
                    s.young
                        .iter()
                        .chain(&s.old)
                        .map(WordMap::len)
                        .sum::<usize>()
                })
            })
            .sum();
        assert!(held <= 2 * SHARDS, "{held}");
    }

    #[test]
    fn the_word_hasher_spreads_words_over_shards_and_buckets() {
        // Fixed seeds (the process's own is random), so the test gives the same verdict on
        // every run, and the spread holds whatever the seed.
        for seed in [0, 1, 0x5eed, u64::MAX, 0x9e37_79b9_7f4a_7c15] {
            spreads(seed);
        }
        assert_eq!(
            WordHashing.hash_one("för"),
            WordHashing.hash_one(String::from("för").as_str())
        );
        assert_ne!(WordHashing.hash_one("för"), WordHashing.hash_one("för "));
    }

    fn spreads(seed: u64) {
        let hash = |word: &str| {
            let mut h = WordHasher(seed);
            word.hash(&mut h);
            h.finish()
        };
        let hashes: Vec<u64> = (0..4096).map(|i| hash(&format!("ord{i}"))).collect();
        for (name, bits) in [
            (
                "shard",
                (|h: u64| ((h >> 32) as usize) % SHARDS) as fn(u64) -> usize,
            ),
            ("bucket", |h| (h as usize) % 256),
            ("tag", |h| (h >> 57) as usize),
        ] {
            let mut seen = [0usize; 256];
            for &h in &hashes {
                seen[bits(h)] += 1;
            }
            let used = seen.iter().filter(|&&n| n > 0).count();
            let most = seen.iter().max().copied().unwrap_or(0);
            let slots = match name {
                "shard" => SHARDS,
                "tag" => 128,
                _ => 256,
            };
            assert_eq!(used, slots, "{name}, seed {seed:#x}: every slot is used");
            assert!(
                most <= 3 * hashes.len() / slots,
                "{name}, seed {seed:#x}: {most} in one slot"
            );
        }
    }

    #[test]
    fn words_in_use_survive_a_stream_of_new_ones() {
        let memo = Memo::new(4 * SHARDS);
        let calls = Cell::new(0);
        let get = |w: &str| {
            memo.get_or_compute(w, false, || {
                calls.set(calls.get() + 1);
                w.len()
            })
        };
        get("och");
        for i in 0..1000 {
            get(&format!("ord{i}"));
            assert_eq!(get("och"), 3);
        }
        assert_eq!(calls.get(), 1001, "`och` was walked once");
    }
}
