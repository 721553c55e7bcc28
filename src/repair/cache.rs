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
//! Bounded: the memo is split into [`SHARDS`] maps, each behind its own lock (two threads rarely
//! want the same shard at once); a shard that reaches its capacity is emptied and refills with
//! the words in use. Memory stays bounded however long the batch, and a poisoned lock (a panic
//! elsewhere) only turns the memo off.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;

/// How many independently locked maps a memo is split into.
const SHARDS: usize = 16;

/// Word and flag → value, split into shards; each shard holds one map per flag, so a lookup
/// hashes the borrowed word and allocates nothing.
pub(super) struct Memo<V> {
    hasher: RandomState,
    shard_capacity: usize,
    shards: [Mutex<[HashMap<String, V>; 2]>; SHARDS],
}

impl<V: Clone> Memo<V> {
    /// An empty memo that holds at most `capacity` values.
    pub(super) fn new(capacity: usize) -> Self {
        Memo {
            hasher: RandomState::new(),
            shard_capacity: capacity.div_ceil(SHARDS).max(1),
            shards: std::array::from_fn(|_| Mutex::new([HashMap::new(), HashMap::new()])),
        }
    }

    /// The value of `(word, flag)`: remembered, or computed by `compute` and remembered.
    pub(super) fn get_or_compute(&self, word: &str, flag: bool, compute: impl FnOnce() -> V) -> V {
        let shard = &self.shards[(self.hasher.hash_one(word) as usize) % SHARDS];
        let side = usize::from(flag);
        if let Some(v) = shard.lock().ok().and_then(|s| s[side].get(word).cloned()) {
            return v;
        }
        // Computed outside the lock: another thread may compute the same key at the same time,
        // and both get the same value.
        let v = compute();
        if let Ok(mut s) = shard.lock() {
            if s[0].len() + s[1].len() >= self.shard_capacity {
                s[0].clear();
                s[1].clear();
            }
            s[side].insert(word.to_string(), v.clone());
        }
        v
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
        let memo = Memo::new(SHARDS);
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
            .map(|s| s.lock().map_or(0, |s| s[0].len() + s[1].len()))
            .sum();
        assert!(held <= SHARDS, "{held}");
    }
}
