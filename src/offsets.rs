//! Rewriting text while remembering where every byte came from.
//!
//! In: a text and a list of [`Change`]s (byte spans of that text and their replacements).
//! Out: the rewritten text and an [`OffsetMap`] from the new text back to the old one.
//! Stages chain their maps so that an edit proposed on the repaired text can be reported against the
//! decoded input, and [`CharIndex`] turns byte offsets into the character offsets of the output
//! contract.
//!
//! It does not decide *what* to change; it only applies changes that do not overlap.

use crate::record::EditKind;

/// A proposed replacement of `text[start..end]` (byte offsets) by `after`.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// First byte replaced.
    pub start: usize,
    /// One past the last byte replaced.
    pub end: usize,
    /// The replacement.
    pub after: String,
    /// The rule that proposed it.
    pub kind: EditKind,
    /// How sure the rule is, in `[0, 1]`.
    pub confidence: f64,
    /// Whether to apply it; a rejected proposal is still reported.
    pub applied: bool,
}

impl Change {
    /// A change that is certain and applied (normalisation and layout).
    pub fn sure(start: usize, end: usize, after: impl Into<String>, kind: EditKind) -> Change {
        Change {
            start,
            end,
            after: after.into(),
            kind,
            confidence: 1.0,
            applied: true,
        }
    }
}

/// One replaced region: `new` bytes of the rewritten text stand for `old` bytes of its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    new_start: usize,
    new_end: usize,
    old_start: usize,
    old_end: usize,
}

/// Maps byte offsets of a rewritten text back to the text it was made from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    /// The map of a text that was not changed.
    pub fn identity() -> OffsetMap {
        OffsetMap::default()
    }

    /// Whether the rewrite changed nothing.
    pub fn is_identity(&self) -> bool {
        self.segments.is_empty()
    }

    /// Where a span starting at `new` starts in the source. A position inside a replaced region
    /// maps to the region's start.
    pub fn start_to_source(&self, new: usize) -> usize {
        // Last segment starting at or before `new`.
        let i = self.segments.partition_point(|s| s.new_start <= new);
        if i == 0 {
            return new;
        }
        let s = self.segments[i - 1];
        if new < s.new_end {
            s.old_start
        } else {
            new - s.new_end + s.old_end
        }
    }

    /// Where a span ending at `new` ends in the source. A position inside a replaced region maps
    /// to the region's end.
    pub fn end_to_source(&self, new: usize) -> usize {
        // Last segment starting strictly before `new`.
        let i = self.segments.partition_point(|s| s.new_start < new);
        if i == 0 {
            return new;
        }
        let s = self.segments[i - 1];
        if new <= s.new_end {
            s.old_end
        } else {
            new - s.new_end + s.old_end
        }
    }
}

/// Applies the applied, non-overlapping `changes` (sorted by start) to `text`.
///
/// A change that overlaps an earlier one, or whose span is not on character boundaries, is skipped
/// rather than corrupting the text; stages are expected never to produce one.
pub fn apply(text: &str, changes: &[Change]) -> (String, OffsetMap) {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    let mut pos = 0;
    for c in changes.iter().filter(|c| c.applied) {
        if c.start < pos
            || c.end < c.start
            || c.end > text.len()
            || !text.is_char_boundary(c.start)
            || !text.is_char_boundary(c.end)
        {
            continue;
        }
        out.push_str(&text[pos..c.start]);
        let new_start = out.len();
        out.push_str(&c.after);
        map.segments.push(Segment {
            new_start,
            new_end: out.len(),
            old_start: c.start,
            old_end: c.end,
        });
        pos = c.end;
    }
    out.push_str(&text[pos..]);
    (out, map)
}

/// Converts byte offsets of one text into character offsets, in O(1) plus a short scan.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// Character count at every `STRIDE`-th byte (rounded down to a char boundary); empty when the
    /// text is ASCII and bytes are characters.
    checkpoints: Vec<(usize, usize)>,
}

const STRIDE: usize = 1024;

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        if text.is_ascii() {
            return CharIndex {
                text,
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        let mut byte = 0;
        checkpoints.push((0, 0));
        while byte < text.len() {
            let mut next = (byte + STRIDE).min(text.len());
            while !text.is_char_boundary(next) {
                next -= 1;
            }
            chars += text[byte..next].chars().count();
            byte = next;
            checkpoints.push((byte, chars));
        }
        CharIndex { text, checkpoints }
    }

    /// The character offset of byte offset `byte` (clamped to the text, rounded down to a
    /// character boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if self.checkpoints.is_empty() {
            return byte;
        }
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, c) = self.checkpoints[i];
        c + self.text[b..byte].chars().count()
    }

    /// The byte offset of character offset `chars` (the text's length past its end).
    pub fn byte_offset(&self, chars: usize) -> usize {
        if self.checkpoints.is_empty() {
            return chars.min(self.text.len());
        }
        let i = self.checkpoints.partition_point(|&(_, c)| c <= chars) - 1;
        let (b, c) = self.checkpoints[i];
        self.text[b..]
            .char_indices()
            .nth(chars - c)
            .map_or(self.text.len(), |(off, _)| b + off)
    }
}

/// A set of spans that answers "does any overlap (or contain) this one?" in O(log n), so that
/// filtering every item of a long document against every other stays linear-logarithmic.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    /// Span starts, sorted.
    starts: Vec<usize>,
    /// `max_end[i]`: the largest end among the first `i + 1` spans in start order.
    max_end: Vec<usize>,
}

impl SpanIndex {
    /// Indexes `(start, end)` spans given in any order; they may overlap each other.
    pub fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> SpanIndex {
        let mut spans: Vec<(usize, usize)> = spans.into_iter().collect();
        spans.sort_unstable();
        let mut max = 0;
        let max_end = spans
            .iter()
            .map(|&(_, e)| {
                max = max.max(e);
                max
            })
            .collect();
        SpanIndex {
            starts: spans.iter().map(|&(s, _)| s).collect(),
            max_end,
        }
    }

    /// Whether some span shares a position with `[start, end)` (`s < end && start < e`).
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        let i = self.starts.partition_point(|&s| s < end);
        i > 0 && self.max_end[i - 1] > start
    }

    /// Whether some span covers all of `[start, end)`.
    pub fn contains(&self, start: usize, end: usize) -> bool {
        let i = self.starts.partition_point(|&s| s <= start);
        i > 0 && self.max_end[i - 1] >= end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(start: usize, end: usize, after: &str) -> Change {
        Change::sure(start, end, after, EditKind::Spelling)
    }

    #[test]
    fn apply_and_map_back() {
        let text = "f6r ir bra";
        let (out, map) = apply(text, &[change(0, 3, "för"), change(4, 6, "är")]);
        assert_eq!(out, "för är bra");
        // "för" is 4 bytes; "är" starts at byte 5 in the new text.
        assert_eq!(map.start_to_source(0), 0);
        assert_eq!(map.end_to_source(4), 3);
        assert_eq!(map.start_to_source(5), 4);
        assert_eq!(map.end_to_source(8), 6);
        assert_eq!(map.start_to_source(9), 7);
        assert_eq!(map.end_to_source(out.len()), text.len());
    }

    #[test]
    fn overlapping_changes_are_skipped() {
        let (out, _) = apply("abcdef", &[change(0, 3, "X"), change(2, 4, "Y")]);
        assert_eq!(out, "Xdef");
    }

    #[test]
    fn rejected_changes_are_not_applied() {
        let mut c = change(0, 1, "Z");
        c.applied = false;
        let (out, map) = apply("abc", &[c]);
        assert_eq!(out, "abc");
        assert!(map.is_identity());
    }

    #[test]
    fn span_index_agrees_with_a_linear_scan() {
        let spans = [(10, 20), (5, 8), (30, 31), (12, 40)];
        let idx = SpanIndex::new(spans);
        for s in 0..45 {
            for e in s..46 {
                let overlaps = spans.iter().any(|&(a, b)| a < e && s < b);
                let contains = spans.iter().any(|&(a, b)| a <= s && e <= b);
                assert_eq!(idx.overlaps(s, e), overlaps, "overlaps {s}..{e}");
                assert_eq!(idx.contains(s, e), contains, "contains {s}..{e}");
            }
        }
        assert!(!SpanIndex::new([]).overlaps(0, 10));
    }

    #[test]
    fn char_index_counts_scalars() {
        let text = "åäö abc ".repeat(500);
        let idx = CharIndex::new(&text);
        let byte = text.char_indices().nth(1234).unwrap().0;
        assert_eq!(idx.char_offset(byte), 1234);
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
        assert_eq!(idx.byte_offset(1234), byte);
        assert_eq!(idx.byte_offset(text.chars().count()), text.len());
        assert_eq!(idx.byte_offset(usize::MAX / 2), text.len());
        assert_eq!(CharIndex::new("abc").byte_offset(7), 3);
        assert_eq!(CharIndex::new("abc").char_offset(2), 2);
    }
}
