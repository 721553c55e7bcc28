//! Edit-distance alignment of two sequences that stays fast on long, mostly equal texts.
//!
//! In: two slices `a` (the reference, e.g. ground truth) and `b` (the hypothesis).
//! Out: a list of [`Op`]s that turns `a` into `b`; the number of non-[`Op::Equal`] steps is the
//! edit (Levenshtein) distance of that alignment.
//!
//! Two strategies, combined by the callers in [`super::text`]:
//! - [`anchored`] (for words) trims the common prefix and suffix, then anchors on elements that
//!   occur exactly once in both slices and in the same order (the longest increasing run of such
//!   pairs, as patience diff does), and recurses into the gaps between anchors.
//! - [`exact`] (for the short gaps that remain) is the classic Levenshtein dynamic programme,
//!   restricted to a band around the diagonal when the gap is too large for a full matrix.
//!
//! What it deliberately does not do: guarantee a minimal distance on every input. A unique word
//! matched with itself is almost always part of an optimal alignment, but not provably so, and the
//! band of a huge unanchored gap can cut off the optimum. The result is therefore an upper bound on
//! the true Levenshtein distance, equal to it on the OCR pairs the module was checked on (see the
//! accuracy note in [`super`]). In exchange, no full quadratic matrix is ever built: memory and time
//! are bounded by [`MAX_CELLS`] per gap.

use std::collections::HashMap;
use std::hash::Hash;

/// One step of an alignment of `a` (reference) with `b` (hypothesis).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Op {
    /// `a[i] == b[j]`; both advance.
    Equal,
    /// `a[i]` became `b[j]`; both advance.
    Replace,
    /// `a[i]` has no counterpart in `b`; only `a` advances.
    Delete,
    /// `b[j]` has no counterpart in `a`; only `b` advances.
    Insert,
}

impl Op {
    /// Whether the step consumes an element of `a`.
    pub(crate) fn consumes_a(self) -> bool {
        !matches!(self, Op::Insert)
    }

    /// Whether the step consumes an element of `b`.
    pub(crate) fn consumes_b(self) -> bool {
        !matches!(self, Op::Delete)
    }
}

/// The largest dynamic-programming table built for one gap. 4 Mi cells of `u32` is 16 MiB; a gap
/// this large only occurs when two texts have nothing in common for thousands of characters.
pub(crate) const MAX_CELLS: usize = 1 << 22;

/// How deep [`anchored`] recurses into gaps before handing them to [`exact`]. Each level needs a
/// unique anchor, so real texts rarely go beyond three; the cap only protects the stack.
const MAX_DEPTH: u32 = 12;

/// The number of edit steps in an alignment.
pub(crate) fn distance(ops: &[Op]) -> usize {
    ops.iter().filter(|&&op| op != Op::Equal).count()
}

/// Aligns `a` with `b`, anchoring on elements unique to both, and appends the steps to `out`.
pub(crate) fn anchored<T: Eq + Hash>(a: &[T], b: &[T], out: &mut Vec<Op>) {
    anchored_at(a, b, 0, out);
}

fn anchored_at<T: Eq + Hash>(a: &[T], b: &[T], depth: u32, out: &mut Vec<Op>) {
    let (pre, suf) = common_ends(a, b);
    out.extend(std::iter::repeat_n(Op::Equal, pre));
    let (a_mid, b_mid) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let anchors = if depth >= MAX_DEPTH || a_mid.is_empty() || b_mid.is_empty() {
        Vec::new()
    } else {
        unique_anchors(a_mid, b_mid)
    };
    if anchors.is_empty() {
        exact(a_mid, b_mid, out);
    } else {
        let (mut i0, mut j0) = (0, 0);
        for (i, j) in anchors {
            anchored_at(&a_mid[i0..i], &b_mid[j0..j], depth + 1, out);
            out.push(Op::Equal);
            (i0, j0) = (i + 1, j + 1);
        }
        anchored_at(&a_mid[i0..], &b_mid[j0..], depth + 1, out);
    }
    out.extend(std::iter::repeat_n(Op::Equal, suf));
}

/// Lengths of the common prefix and of the common suffix (not overlapping the prefix).
fn common_ends<T: Eq>(a: &[T], b: &[T]) -> (usize, usize) {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    (pre, suf)
}

/// Pairs `(i, j)` with `a[i] == b[j]` occurring exactly once in each slice, forming the longest
/// chain increasing in both `i` and `j`.
fn unique_anchors<T: Eq + Hash>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    // (count in a, count in b, position in a, position in b)
    let mut seen: HashMap<&T, (u32, u32, usize, usize)> = HashMap::with_capacity(a.len());
    for (i, x) in a.iter().enumerate() {
        let e = seen.entry(x).or_insert((0, 0, i, 0));
        e.0 += 1;
    }
    for (j, y) in b.iter().enumerate() {
        if let Some(e) = seen.get_mut(y) {
            e.1 += 1;
            e.3 = j;
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|&(ca, cb, _, _)| ca == 1 && cb == 1)
        .map(|(_, _, i, j)| (i, j))
        .collect();
    // HashMap order is random; sorting makes the result deterministic.
    pairs.sort_unstable();
    longest_increasing_by_j(&pairs)
}

/// The longest subsequence of `pairs` (sorted by `i`, all `i` distinct) whose `j` increase.
fn longest_increasing_by_j(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Patience sorting: tails[k] = index of the smallest last `j` of an increasing run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let pos = tails.partition_point(|&t| pairs[t].1 < j);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        chain.push(pairs[k]);
        cur = prev[k];
    }
    chain.reverse();
    chain
}

/// Levenshtein alignment by dynamic programming, appended to `out`: exact when
/// `(a.len() + 1) * (b.len() + 1) <= MAX_CELLS`, otherwise restricted to a band around the
/// diagonal from `(0, 0)` to `(a.len(), b.len())`.
pub(crate) fn exact<T: Eq>(a: &[T], b: &[T], out: &mut Vec<Op>) {
    let (pre, suf) = common_ends(a, b);
    out.extend(std::iter::repeat_n(Op::Equal, pre));
    banded(&a[pre..a.len() - suf], &b[pre..b.len() - suf], out);
    out.extend(std::iter::repeat_n(Op::Equal, suf));
}

fn banded<T: Eq>(a: &[T], b: &[T], out: &mut Vec<Op>) {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        out.extend(std::iter::repeat_n(Op::Insert, m));
        out.extend(std::iter::repeat_n(Op::Delete, n));
        return;
    }
    // Half-width of the band. A full table when it fits; otherwise as wide as the cell budget
    // allows, but never narrower than the diagonal's slope, so consecutive rows always connect.
    let w = if (n + 1).saturating_mul(m + 1) <= MAX_CELLS {
        m
    } else {
        (MAX_CELLS / (n + 1) / 2).max(m.div_ceil(n) + 1).min(m)
    };
    let center = |i: usize| ((i as u128 * m as u128 + n as u128 / 2) / n as u128) as usize;
    let mut lo = Vec::with_capacity(n + 1);
    let mut off = Vec::with_capacity(n + 2);
    off.push(0usize);
    for i in 0..=n {
        let c = center(i);
        let (l, h) = (c.saturating_sub(w), (c + w).min(m));
        lo.push(l);
        off.push(off[i] + (h - l + 1));
    }
    let hi = |i: usize| lo[i] + (off[i + 1] - off[i]) - 1;
    const INF: u32 = u32::MAX / 2;
    let mut d = vec![INF; off[n + 1]];
    let get = |d: &[u32], i: usize, j: usize| -> u32 {
        if j < lo[i] || j > hi(i) {
            INF
        } else {
            d[off[i] + j - lo[i]]
        }
    };
    for j in lo[0]..=hi(0) {
        d[off[0] + j - lo[0]] = j as u32;
    }
    for i in 1..=n {
        for j in lo[i]..=hi(i) {
            let v = if j == 0 {
                i as u32
            } else {
                let diag = get(&d, i - 1, j - 1) + u32::from(a[i - 1] != b[j - 1]);
                let up = get(&d, i - 1, j) + 1;
                let left = get(&d, i, j - 1) + 1;
                diag.min(up).min(left)
            };
            d[off[i] + j - lo[i]] = v;
        }
    }
    // Trace back from (n, m), preferring the diagonal, then deletion, then insertion, so that
    // equal inputs always give the same alignment.
    let start = out.len();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = get(&d, i, j);
        if i > 0 && j > 0 {
            let same = a[i - 1] == b[j - 1];
            if get(&d, i - 1, j - 1) + u32::from(!same) == here {
                out.push(if same { Op::Equal } else { Op::Replace });
                (i, j) = (i - 1, j - 1);
                continue;
            }
        }
        if i > 0 && get(&d, i - 1, j) + 1 == here {
            out.push(Op::Delete);
            i -= 1;
        } else {
            out.push(Op::Insert);
            j -= 1;
        }
    }
    out[start..].reverse();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// Applies `ops` to `a` using `b` for the new elements; must give back `b`.
    #[track_caller]
    fn assert_valid(a: &[char], b: &[char], ops: &[Op]) {
        let (mut i, mut j) = (0, 0);
        let mut rebuilt = Vec::new();
        for &op in ops {
            match op {
                Op::Equal => {
                    assert_eq!(a[i], b[j], "Equal step on different elements");
                    rebuilt.push(b[j]);
                }
                Op::Replace => {
                    assert_ne!(a[i], b[j], "Replace step on equal elements");
                    rebuilt.push(b[j]);
                }
                Op::Insert => rebuilt.push(b[j]),
                Op::Delete => {}
            }
            i += usize::from(op.consumes_a());
            j += usize::from(op.consumes_b());
        }
        assert_eq!(
            (i, j),
            (a.len(), b.len()),
            "alignment does not cover both sequences"
        );
        assert_eq!(rebuilt, b);
    }

    #[track_caller]
    fn assert_exact_distance(a: &str, b: &str, expected: usize) {
        let (a, b) = (chars(a), chars(b));
        let mut ops = Vec::new();
        exact(&a, &b, &mut ops);
        assert_valid(&a, &b, &ops);
        assert_eq!(distance(&ops), expected);
    }

    /// Reference Levenshtein distance (full matrix), for comparison.
    fn levenshtein(a: &[char], b: &[char]) -> usize {
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut prev = row[0];
            row[0] = i;
            for j in 1..=b.len() {
                let cur = row[j];
                row[j] = (prev + usize::from(a[i - 1] != b[j - 1]))
                    .min(row[j] + 1)
                    .min(row[j - 1] + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }

    #[test]
    fn exact_matches_levenshtein() {
        assert_exact_distance("", "", 0);
        assert_exact_distance("för", "för", 0);
        assert_exact_distance("för", "f6r", 1);
        assert_exact_distance("är", "ir", 1);
        assert_exact_distance("sjukvården", "sjukvirden", 1);
        assert_exact_distance("ö", "oé", 2);
        assert_exact_distance("", "abc", 3);
        assert_exact_distance("abc", "", 3);
        assert_exact_distance("kitten", "sitting", 3);
    }

    #[test]
    fn band_still_connects_and_covers_when_table_is_too_large() {
        // 3000 × 3000 exceeds MAX_CELLS, so the band is used; the texts differ only near the
        // diagonal, where the band finds the optimum.
        let a: Vec<char> = "abcdefghij".repeat(300).chars().collect();
        let mut b = a.clone();
        b[100] = 'X';
        b.remove(2000);
        b.insert(2500, 'Y');
        assert!((a.len() + 1) * (b.len() + 1) > MAX_CELLS);
        let mut ops = Vec::new();
        banded(&a, &b, &mut ops);
        assert_valid(&a, &b, &ops);
        assert_eq!(distance(&ops), 3);
    }

    #[test]
    fn band_handles_very_different_lengths() {
        let a: Vec<char> = "x".repeat(5000).chars().collect();
        let b: Vec<char> = "y".repeat(900).chars().collect();
        let mut ops = Vec::new();
        banded(&a, &b, &mut ops);
        assert_valid(&a, &b, &ops);
        assert_eq!(distance(&ops), 5000);
    }

    #[test]
    fn anchored_equals_levenshtein_on_word_like_input() {
        let a = chars("the quick brown fox jumps over the lazy dog");
        let b = chars("the qvick brown fax jumps ovr the lazy dog!");
        let mut ops = Vec::new();
        anchored(&a, &b, &mut ops);
        assert_valid(&a, &b, &ops);
        assert_eq!(distance(&ops), levenshtein(&a, &b));
    }

    #[test]
    fn anchors_are_unique_and_in_order() {
        let a = ["x", "a", "b", "a", "c", "d"];
        let b = ["c", "x", "b", "a", "d"];
        // "a" is repeated in `a`, so it is no anchor; x,b,d are in order, c is not.
        assert_eq!(unique_anchors(&a, &b), vec![(0, 1), (2, 2), (5, 4)]);
        // Nothing unique in common: no anchors.
        assert!(unique_anchors(&["a", "a"], &["a", "a"]).is_empty());
    }

    #[test]
    fn anchored_falls_back_to_exact_without_anchors() {
        let a = chars("aaaa");
        let b = chars("aaba");
        let mut ops = Vec::new();
        anchored(&a, &b, &mut ops);
        assert_valid(&a, &b, &ops);
        assert_eq!(distance(&ops), 1);
    }
}
