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

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;

/// How many independently locked maps a memo is split into.
const SHARDS: usize = 16;

/// Word and flag → value, split into shards; each generation holds one map per flag, so a
/// lookup hashes the borrowed word and allocates nothing.
pub(super) struct Memo<V> {
    hasher: RandomState,
    generation_capacity: usize,
    shards: [Mutex<Shard<V>>; SHARDS],
}

/// One shard in two generations: a full `young` generation becomes the `old` one (the previous
/// old one is dropped), and a value found in the old generation moves back to the young one.
/// What a batch keeps using survives; what only one document used is forgotten. (Emptying a
/// full shard instead threw the batch's everyday words away with the rest, and a document of
/// many megabytes, with its many distinct misreadings, kept walking them again.)
struct Shard<V> {
    young: [HashMap<String, V>; 2],
    old: [HashMap<String, V>; 2],
}

impl<V: Clone> Memo<V> {
    /// An empty memo that holds at most `capacity` values.
    pub(super) fn new(capacity: usize) -> Self {
        Memo {
            hasher: RandomState::new(),
            generation_capacity: (capacity / (2 * SHARDS)).max(1),
            shards: std::array::from_fn(|_| {
                Mutex::new(Shard {
                    young: [HashMap::new(), HashMap::new()],
                    old: [HashMap::new(), HashMap::new()],
                })
            }),
        }
    }

    /// The value of `(word, flag)`: remembered, or computed by `compute` and remembered.
    pub(super) fn get_or_compute(&self, word: &str, flag: bool, compute: impl FnOnce() -> V) -> V {
        let shard = &self.shards[(self.hasher.hash_one(word) as usize) % SHARDS];
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
                        .map(HashMap::len)
                        .sum::<usize>()
                })
            })
            .sum();
        assert!(held <= 2 * SHARDS, "{held}");
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
