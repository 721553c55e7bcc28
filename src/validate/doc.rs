//! The document as the checks see it: the text, its amounts with byte spans, the running-text
//! amounts in order, the headings that end sections, and the sentence and paragraph helpers.
//!
//! **In:** the text and every extracted amount (character offsets). **Out:** a [`Doc`] built once
//! per document, and [`has_blank_line`], [`ends_sentence`] and [`sentence_end`] over its text.
//!
//! **Deliberately not here:** deciding what is a total or a part (the stage files) and arithmetic
//! (`interval.rs`, `sum.rs`). Offsets outside the text are clamped, never a panic.

use crate::offsets::{CharIndex, SpanIndex};
use crate::pattern::Width;
use crate::record::Amount;

use super::interval::interval;

/// The text and amounts, with the byte spans the text searches need.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    /// Which form of the patterns every search of the text uses, decided once here.
    pub(super) width: Width,
    pub(super) amounts: &'a [Amount],
    /// Byte span of each amount (clamped into the text).
    pub(super) spans: Vec<(usize, usize)>,
    /// Running-text amounts with a usable value, in text order.
    pub(super) running: Vec<usize>,
    /// Byte offsets where a heading line starts, ascending.
    pub(super) headings: Vec<usize>,
    /// Byte offset of every `\n`, ascending: line starts by binary search, not by scanning back.
    pub(super) newlines: Vec<usize>,
    /// Each amount's position in `running`, if it is a running amount.
    ranks: Vec<Option<usize>>,
}

impl<'a> Doc<'a> {
    pub(super) fn new(text: &'a str, amounts: &'a [Amount]) -> Doc<'a> {
        let ends: Vec<usize> = amounts.iter().flat_map(|a| [a.start, a.end]).collect();
        let bytes = CharIndex::new(text).byte_offsets(&ends);
        let spans: Vec<(usize, usize)> = bytes
            .chunks_exact(2)
            .map(|b| (b[0], b[1].max(b[0])))
            .collect();
        let mut running: Vec<usize> = (0..amounts.len())
            .filter(|&i| amounts[i].cell.is_none() && interval(&amounts[i]).is_some())
            .collect();
        running.sort_by_key(|&i| spans[i]);
        let headings = headings(text, &SpanIndex::new(spans.iter().copied()));
        let mut ranks = vec![None; amounts.len()];
        for (k, &i) in running.iter().enumerate() {
            ranks[i] = Some(k);
        }
        Doc {
            ranks,
            text,
            width: Width::of(text),
            amounts,
            spans,
            running,
            headings,
            newlines: text.match_indices('\n').map(|(i, _)| i).collect(),
        }
    }

    /// The position of amount `i` among the running amounts, if it is one.
    pub(super) fn rank(&self, i: usize) -> Option<usize> {
        self.ranks.get(i).copied().flatten()
    }

    pub(super) fn slice(&self, s: usize, e: usize) -> &'a str {
        self.text.get(s.min(e)..e).unwrap_or("")
    }

    pub(super) fn line_start(&self, pos: usize) -> usize {
        let i = self.newlines.partition_point(|&n| n < pos);
        i.checked_sub(1).map_or(0, |i| self.newlines[i] + 1)
    }

    /// Byte offset where the sentence holding `pos` starts: after the last sentence end (`.`,
    /// `!` or `?` before a space) on its line before it, else at the line's start.
    pub(super) fn sentence_start(&self, pos: usize) -> usize {
        let line = self.line_start(pos);
        let before = self.slice(line, pos);
        before
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                matches!(c, '.' | '!' | '?') && before[i + 1..].starts_with(char::is_whitespace)
            })
            .map_or(line, |(i, _)| line + i + 1)
    }

    /// Start of the section holding `pos`: the last heading at or before it, or the text's start.
    pub(super) fn section_start(&self, pos: usize) -> usize {
        let i = self.headings.partition_point(|&h| h <= pos);
        i.checked_sub(1).map_or(0, |i| self.headings[i])
    }

    /// Start of the first heading after `pos`, or the end of the text.
    pub(super) fn section_end(&self, pos: usize) -> usize {
        let i = self.headings.partition_point(|&h| h <= pos);
        self.headings.get(i).copied().unwrap_or(self.text.len())
    }
}

/// Heading lines: one short line between blank lines, without an amount or closing punctuation.
fn headings(text: &str, spans: &SpanIndex) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut start = 0;
    for l in text.split('\n') {
        lines.push((start, l));
        start += l.len() + 1;
    }
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|(_, l)| l.trim().is_empty())
    };
    let mut out = Vec::new();
    for (i, &(s, l)) in lines.iter().enumerate() {
        let t = l.trim();
        let Some(first) = t.chars().next() else {
            continue;
        };
        let e = s + l.len();
        if blank(i.checked_sub(1))
            && blank(Some(i + 1))
            && t.chars().count() <= 80
            && (first.is_uppercase() || first.is_ascii_digit())
            && t.chars().any(char::is_alphabetic)
            && !t.ends_with(['.', ',', ';', ':', '!', '?', ')'])
            && !spans.overlaps(s, e)
        {
            out.push(s);
        }
    }
    out
}

pub(super) fn has_blank_line(s: &str) -> bool {
    s.split('\n')
        .skip(1)
        .collect::<Vec<_>>()
        .split_last()
        .is_some_and(|(_, mid)| mid.iter().any(|l| l.trim().is_empty()))
        || s.contains("\n\n")
}

/// A full stop (or ! ?) followed by white space: the end of a sentence. Decimal points and
/// abbreviations inside a figure never have a space after them.
pub(super) fn ends_sentence(s: &str) -> bool {
    s.char_indices()
        .any(|(i, c)| matches!(c, '.' | '!' | '?') && s[i + 1..].starts_with(char::is_whitespace))
}

/// Byte offset of the end of the sentence that contains `pos`.
pub(super) fn sentence_end(text: &str, pos: usize) -> usize {
    let Some(rest) = text.get(pos..) else {
        return text.len();
    };
    let mut prev = ' ';
    for (i, c) in rest.char_indices() {
        let after = &rest[i + c.len_utf8()..];
        // `.` then white space and a capital or digit, or a blank line.
        if matches!(c, '.' | '!' | '?') {
            let next = after.trim_start();
            if after.starts_with(char::is_whitespace)
                && next.chars().next().is_none_or(|n| !n.is_lowercase())
            {
                return pos + i + 1;
            }
        }
        if c == '\n' && prev == '\n' {
            return pos + i;
        }
        if !(c == ' ' || c == '\t') {
            prev = c;
        }
    }
    text.len()
}
