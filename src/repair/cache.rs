//! A bounded, process-wide memo shared by every document of a batch and every thread.
//!
//! In: a key (a lower-case word and a flag) and the function that computes its value. Out: the
//! value, computed once and then remembered. Only values that depend on the key alone (never on
//! a document) may be memoised, so a remembered value is the very value a fresh computation
//! gives: the memo changes how fast a batch runs, never what it outputs. `rank.rs` keeps the
//! analyses of words outside any document in one (`rank::analysed`): in an archive the same
//! words come back document after document, and their walks were half of a batch's
//! instructions.
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

/// Word and flag → value, split into shards.
pub(super) struct Memo<V> {
    hasher: RandomState,
    shard_capacity: usize,
    shards: [Mutex<HashMap<(String, bool), V>>; SHARDS],
}

impl<V: Clone> Memo<V> {
    /// An empty memo that holds at most `capacity` values.
    pub(super) fn new(capacity: usize) -> Self {
        Memo {
            hasher: RandomState::new(),
            shard_capacity: capacity.div_ceil(SHARDS).max(1),
            shards: std::array::from_fn(|_| Mutex::new(HashMap::new())),
        }
    }

    /// The value of `(word, flag)`: remembered, or computed by `compute` and remembered.
    pub(super) fn get_or_compute(&self, word: &str, flag: bool, compute: impl FnOnce() -> V) -> V {
        let shard = &self.shards[(self.hasher.hash_one((word, flag)) as usize) % SHARDS];
        let key = (word.to_string(), flag);
        if let Some(v) = shard.lock().ok().and_then(|s| s.get(&key).cloned()) {
            return v;
        }
        // Computed outside the lock: another thread may compute the same key at the same time,
        // and both get the same value.
        let v = compute();
        if let Ok(mut s) = shard.lock() {
            if s.len() >= self.shard_capacity {
                s.clear();
            }
            s.insert(key, v.clone());
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
        let held: usize = memo.shards.iter().map(|s| s.lock().unwrap().len()).sum();
        assert!(held <= SHARDS, "{held}");
    }
}
