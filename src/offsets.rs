//! Rewriting text while remembering where every byte came from.
//!
//! Public: [`Change`], what every rewriting stage (`input::normalize`, `layout::layout`,
//! `repair::repair`) returns — byte spans of its input text and their replacements — and
//! [`apply_edits`], which replays a record's edits on the decoded input.
//!
//! Internal: `Trail` chains the stages inside [`crate::process`]: it keeps one list of regions of
//! the current text against the decoded input, so that the record's edits point into the decoded
//! input, and `CharIndex` turns byte offsets into the character offsets of the output contract.
//! (`apply` and `OffsetMap`, one stage's changes applied and mapped back, exist for the tests.)
//!
//! The edits a `Trail` reports **never nest**: a change that overlaps a region changed by an
//! earlier stage (a layout join over a CRLF, a repair inside a word that NFC recomposed) is merged
//! with it into one edit, so the applied edits are sorted, do not overlap, and [`apply_edits`]
//! replays them on the decoded input to give the text exactly. Proposals (`applied: false`) are
//! not replayed; they are widened over the earlier regions they touch, so their `before` and
//! `after` still describe a change of the decoded input, and may therefore contain applied edits.
//!
//! It does not decide *what* to change; it only applies changes that do not overlap.

use std::cell::Cell;

use crate::error::Error;
use crate::record::{CompactString, Edit, EditKind};

/// A proposed replacement of `text[start..end]` (byte offsets) by `after`.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// First byte replaced.
    pub start: usize,
    /// One past the last byte replaced.
    pub end: usize,
    /// The replacement: inline up to 24 bytes, as nearly every one is (repair proposes over a
    /// million on a damaged 32 MB document, all held while they are applied).
    pub after: CompactString,
    /// The rule that proposed it.
    pub kind: EditKind,
    /// How sure the rule is, in `[0, 1]`.
    pub confidence: f64,
    /// Whether to apply it; a rejected proposal is still reported.
    pub applied: bool,
}

impl Change {
    /// A change that is certain and applied (normalisation and layout).
    pub(crate) fn sure(
        start: usize,
        end: usize,
        after: impl Into<CompactString>,
        kind: EditKind,
    ) -> Change {
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
#[cfg(test)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    new_start: usize,
    new_end: usize,
    old_start: usize,
    old_end: usize,
}

/// Maps byte offsets of a rewritten text back to the text it was made from.
#[cfg(test)]
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct OffsetMap {
    segments: Vec<Segment>,
}

#[cfg(test)]
impl OffsetMap {
    /// Whether the rewrite changed nothing.
    pub(crate) fn is_identity(&self) -> bool {
        self.segments.is_empty()
    }

    /// Where a span starting at `new` starts in the source. A position inside a replaced region
    /// maps to the region's start.
    pub(crate) fn start_to_source(&self, new: usize) -> usize {
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
    pub(crate) fn end_to_source(&self, new: usize) -> usize {
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

/// Applies the applied, non-overlapping `changes` (sorted by start) to `text`. The pipeline goes
/// through [`Trail`]; this one-stage form is what the tests check stages and [`applicable`] with.
///
/// A change that overlaps an earlier one, or whose span is not on character boundaries, is skipped
/// rather than corrupting the text; stages are expected never to produce one.
#[cfg(test)]
pub(crate) fn apply(text: &str, changes: &[Change]) -> (String, OffsetMap) {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    let mut pos = 0;
    for c in applicable(text, changes) {
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

/// The applied changes [`apply`] makes, in order: in bounds, on character boundaries, each
/// starting at or after the end of the one before.
fn applicable<'c>(text: &str, changes: &'c [Change]) -> Vec<&'c Change> {
    let mut pos = 0;
    let mut out = Vec::new();
    for c in changes.iter().filter(|c| c.applied) {
        if c.start >= pos && fits(text, c) {
            pos = c.end;
            out.push(c);
        }
    }
    out
}

fn fits(text: &str, c: &Change) -> bool {
    c.start <= c.end
        && c.end <= text.len()
        && text.is_char_boundary(c.start)
        && text.is_char_boundary(c.end)
}

/// Whether two byte spans share a position; an empty span shares one only strictly inside the
/// other, so an insertion at the edge of a replaced region stays its own edit.
fn overlaps((s, e): (usize, usize), (t, u): (usize, usize)) -> bool {
    if s == e {
        t < s && s < u
    } else if t == u {
        s < t && t < e
    } else {
        t < e && s < u
    }
}

/// `x` moved by `delta`, the difference between input and current offsets.
fn shift(x: usize, delta: isize) -> usize {
    x.checked_add_signed(delta).unwrap_or(0)
}

/// A stretch of the current text that differs from the decoded input, and what changed it.
#[derive(Debug, Clone)]
struct Region {
    /// Bytes of the current text.
    new: (usize, usize),
    /// Bytes of the decoded input.
    old: (usize, usize),
    kind: EditKind,
    /// The least confidence of the changes merged into it.
    confidence: f64,
    /// Which change names a merged region: the latest stage's, then the widest
    /// (`(stage, bytes replaced)`).
    rank: (usize, usize),
}

impl Region {
    /// Input minus current offset just after the region.
    fn delta(&self) -> isize {
        self.old.1 as isize - self.new.1 as isize
    }
}

/// One stage's change, or a region left by the stages before, when merging the two.
enum Item<'a> {
    Earlier(&'a Region),
    Now(&'a Change),
}

impl Item<'_> {
    fn span(&self) -> (usize, usize) {
        match self {
            Item::Earlier(r) => r.new,
            Item::Now(c) => (c.start, c.end),
        }
    }
}

/// The earlier `regions` and this stage's `changes` as one list sorted by span, an earlier region
/// before a change at the same span: what a stable sort of the regions followed by the changes
/// would give. Both come sorted (regions are in text order and never overlap, and [`applicable`]
/// passes each change only when it starts at or after the end of the one before), so they are
/// merged as they are read.
fn in_span_order<'a>(
    regions: &'a [Region],
    changes: &'a [&'a Change],
) -> impl Iterator<Item = Item<'a>> + 'a {
    debug_assert!(regions.windows(2).all(|w| w[0].new <= w[1].new));
    debug_assert!(changes.windows(2).all(|w| w[0].end <= w[1].start));
    let (mut earlier, mut now) = (regions.iter().peekable(), changes.iter().peekable());
    std::iter::from_fn(move || match (earlier.peek(), now.peek()) {
        (Some(r), Some(c)) if r.new <= (c.start, c.end) => earlier.next().map(Item::Earlier),
        (_, Some(_)) => now.next().map(|c| Item::Now(c)),
        (Some(_), None) => earlier.next().map(Item::Earlier),
        (None, None) => None,
    })
}

/// The text as it passes through the rewriting stages, with every applied change composed into
/// non-overlapping regions of the decoded input, and the proposals mapped onto it.
#[derive(Debug, Clone)]
pub(crate) struct Trail {
    /// The decoded input, for the edits' `before`.
    input: String,
    /// The current text; `None` while no stage has changed anything, so the input is not copied.
    text: Option<String>,
    /// Sorted, non-overlapping in both the current text and the input.
    regions: Vec<Region>,
    /// Proposals in input bytes, each widened over the regions it touched when it was made.
    proposals: Vec<Region>,
    /// Proposals' replacements, parallel to `proposals`.
    proposed: Vec<String>,
    /// How many stages have run.
    stage: usize,
}

impl Trail {
    /// Starts from the decoded input.
    pub(crate) fn new(input: String) -> Trail {
        Trail {
            input,
            text: None,
            regions: Vec::new(),
            proposals: Vec::new(),
            proposed: Vec::new(),
            stage: 0,
        }
    }

    /// The current text.
    pub(crate) fn text(&self) -> &str {
        self.text.as_deref().unwrap_or(&self.input)
    }

    /// The decoded input the trail started from.
    pub(crate) fn input(&self) -> &str {
        &self.input
    }

    /// Where `self.text()[start..end]` stands in the decoded input (byte offsets): widened over
    /// the earlier regions it touches, as a proposal there would be.
    pub(crate) fn input_span(&self, start: usize, end: usize) -> (usize, usize) {
        let probe = Change {
            start,
            end,
            after: CompactString::default(),
            kind: EditKind::Spelling,
            confidence: 0.0,
            applied: false,
        };
        self.widen(&probe).0.old
    }

    /// Runs one stage over the current text and records its changes (byte offsets of the current
    /// text). Applied changes are made as [`apply`] makes them and merged with every region they
    /// overlap; proposals are recorded, widened over the regions they touch.
    pub(crate) fn rewrite(&mut self, stage: impl FnOnce(&str) -> Vec<Change>) {
        let changes = stage(self.text());
        self.stage += 1;
        for p in changes.iter().filter(|c| !c.applied) {
            if fits(self.text(), p) {
                let (region, after) = self.widen(p);
                self.proposals.push(region);
                self.proposed.push(after);
            }
        }
        let accepted = applicable(self.text(), &changes);
        if accepted.is_empty() {
            return;
        }
        let (text, regions) = self.compose(&accepted);
        self.text = Some(text);
        self.regions = regions;
    }

    /// A proposal widened over the earlier regions it overlaps, as an input region and the
    /// replacement of that region.
    fn widen(&self, p: &Change) -> (Region, String) {
        let text = self.text();
        let first = self.regions.partition_point(|r| r.new.1 <= p.start);
        let delta = first.checked_sub(1).map_or(0, |i| self.regions[i].delta());
        let (mut a, mut b, mut delta_after) = (p.start, p.end, delta);
        for r in self.regions[first..]
            .iter()
            .take_while(|r| r.new.0 <= p.end)
            .filter(|r| overlaps((p.start, p.end), r.new))
        {
            (a, b) = (a.min(r.new.0), b.max(r.new.1));
            delta_after = r.delta();
        }
        let after = format!("{}{}{}", &text[a..p.start], p.after, &text[p.end..b]);
        let region = Region {
            new: (a, b),
            old: (shift(a, delta), shift(b, delta_after)),
            kind: p.kind,
            confidence: p.confidence,
            rank: (self.stage, p.end - p.start),
        };
        (region, after)
    }

    /// The text after `changes` and the regions of the result: each change merged with the
    /// earlier regions and changes it overlaps, transitively.
    fn compose(&self, changes: &[&Change]) -> (String, Vec<Region>) {
        let text = self.text();
        // Room for the whole result at once: the text grows by at most the replacements, and a
        // document of many megabytes should not be copied into a buffer twice its size.
        let added: usize = changes.iter().map(|c| c.after.len()).sum();
        let mut out = String::with_capacity(text.len() + added);
        let mut regions = Vec::with_capacity(self.regions.len() + changes.len());
        let (mut pos, mut delta) = (0, 0isize);
        let mut items = in_span_order(&self.regions, changes).peekable();
        // One group at a time, in a buffer reused: a list of all the items would be 16 bytes for
        // every edit of the document (over a million on a damaged one of 32 MB).
        let mut group: Vec<Item<'_>> = Vec::new();
        while let Some(first) = items.next() {
            let (a, mut b) = first.span();
            group.clear();
            group.push(first);
            // Items come sorted by start: one joins the group when it starts inside it, or at its
            // start if it is not empty.
            while let Some(next) = items.next_if(|i| {
                let (s, e) = i.span();
                s < b && (s < e || a < s)
            }) {
                b = b.max(next.span().1);
                group.push(next);
            }
            out.push_str(&text[pos..a]);
            let region = self.merge(&group, (a, b), delta, text, &mut out);
            // Input minus current offset after the group (`region.new` is in `out`).
            delta = region.old.1 as isize - b as isize;
            if region.old.0 != region.old.1 || region.new.0 != region.new.1 {
                regions.push(region);
            }
            pos = b;
        }
        out.push_str(&text[pos..]);
        out.shrink_to_fit();
        regions.shrink_to_fit();
        (out, regions)
    }

    /// One group of overlapping items covering `span` of `text`, written to `out`, as a region.
    fn merge(
        &self,
        group: &[Item<'_>],
        (a, b): (usize, usize),
        delta: isize,
        text: &str,
        out: &mut String,
    ) -> Region {
        let new_start = out.len();
        let mut cursor = a;
        let mut delta_after = delta;
        let mut region = Region {
            new: (0, 0),
            old: (0, 0),
            kind: EditKind::Nfc,
            confidence: 1.0,
            rank: (0, 0),
        };
        for item in group {
            let (kind, confidence, rank) = match item {
                Item::Earlier(r) => {
                    delta_after = r.delta();
                    (r.kind, r.confidence, r.rank)
                }
                Item::Now(c) => {
                    out.push_str(&text[cursor..c.start]);
                    out.push_str(&c.after);
                    cursor = c.end;
                    (c.kind, c.confidence, (self.stage, c.end - c.start))
                }
            };
            if rank >= region.rank {
                (region.kind, region.rank) = (kind, rank);
            }
            region.confidence = region.confidence.min(confidence);
        }
        out.push_str(&text[cursor..b]);
        region.new = (new_start, out.len());
        region.old = (shift(a, delta), shift(b, delta_after));
        region
    }

    /// The final text and its edits in character offsets of the decoded input, sorted by
    /// position: every applied region, and every proposal.
    pub(crate) fn finish(self) -> (String, Vec<Edit>) {
        let Trail {
            input,
            text,
            mut regions,
            proposals,
            proposed,
            ..
        } = self;
        let current = text.as_deref().unwrap_or(&input);
        let idx = CharIndex::new(&input);
        let edit = |r: &Region, after: &str, applied: bool| Edit {
            start: idx.char_offset(r.old.0),
            end: idx.char_offset(r.old.1),
            before: input.get(r.old.0..r.old.1).unwrap_or_default().into(),
            after: after.into(),
            kind: r.kind,
            confidence: r.confidence,
            applied,
        };
        let key = |r: &Region| (idx.char_offset(r.old.0), idx.char_offset(r.old.1));
        let applied = |r: &Region| edit(r, &current[r.new.0..r.new.1], true);
        let proposed = |i: usize| edit(&proposals[i], &proposed[i], false);
        // In text order, as a stable sort by span of the applied edits followed by the proposals
        // would give (two insertions at one place keep their order; an applied edit comes before
        // a proposal at the same span), but without that sort's scratch copy of half the edits
        // (an edit is 80 bytes; a damaged document of 32 MB has over a million): the regions are
        // in order already (sorted and non-overlapping in the input, as `compose` builds them),
        // so only the proposals' spans are sorted, and the two runs merged.
        let mut sorted: Vec<(usize, usize, usize)> = (proposals.iter().map(key))
            .enumerate()
            .map(|(i, (s, e))| (s, e, i))
            .collect();
        sorted.sort_by_key(|&(s, e, _)| (s, e));
        debug_assert!(regions.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
        let mut edits = Vec::with_capacity(regions.len() + sorted.len());
        // Merged from the end, each region dropped as its edit is made and the regions' buffer
        // shrunk as it empties, so that the regions (64 bytes each) and the edits are not both
        // held whole; the edits, made last first, are then turned round in place.
        while let Some(&(s, e, i)) = sorted.last() {
            match regions.last() {
                Some(r) if key(r) > (s, e) => edits.push(applied(r)),
                _ => {
                    edits.push(proposed(i));
                    sorted.pop();
                    continue;
                }
            }
            regions.pop();
            shrink_emptied(&mut regions);
        }
        while let Some(r) = regions.pop() {
            edits.push(applied(&r));
            shrink_emptied(&mut regions);
        }
        edits.reverse();
        (text.unwrap_or(input), edits)
    }
}

/// Gives back the unused part of a buffer that is being emptied from its end once an eighth of it
/// is unused: the system allocator shrinks a large block in place, and the shrinks are a few
/// dozen however long the buffer (each an eighth smaller than the one before).
fn shrink_emptied<T>(v: &mut Vec<T>) {
    if v.len() <= v.capacity() / 8 * 7 {
        v.shrink_to_fit();
    }
}

/// Replays the applied `edits` of a record on `input`, the decoded input they were made on
/// (character offsets): the result is the record's `text`. Proposals (`applied: false`) are
/// skipped.
///
/// Fails, instead of guessing, when an applied edit lies outside the input, starts before the
/// previous applied edit ends (the list must be sorted and non-overlapping), or its `before` is
/// not the input at its span.
pub fn apply_edits(input: &str, edits: &[Edit]) -> Result<String, Error> {
    let idx = CharIndex::new(input);
    let chars = idx.char_offset(input.len());
    let mut out = String::with_capacity(input.len());
    let (mut pos, mut byte) = (0, 0);
    for (index, e) in edits.iter().enumerate().filter(|(_, e)| e.applied) {
        let fail = |reason: String| Err(Error::Replay { index, reason });
        if e.start > e.end || e.end > chars {
            return fail(format!(
                "span {}..{} is outside the input's {chars} characters",
                e.start, e.end
            ));
        }
        if e.start < pos {
            return fail(format!(
                "it starts at {} but the applied edit before it ends at {pos}",
                e.start
            ));
        }
        let (s, t) = (idx.byte_offset(e.start), idx.byte_offset(e.end));
        if input[s..t] != e.before {
            return fail(format!(
                "the input at {}..{} is {:?}, not its `before` {:?}",
                e.start,
                e.end,
                &input[s..t],
                e.before
            ));
        }
        out.push_str(&input[byte..s]);
        out.push_str(&e.after);
        (pos, byte) = (e.end, t);
    }
    out.push_str(&input[byte..]);
    Ok(out)
}

/// Converts byte offsets of one text into character offsets, in O(1) plus a short scan.
#[derive(Debug, Clone)]
pub(crate) struct CharIndex<'a> {
    text: &'a str,
    /// Character count at every `STRIDE`-th byte (rounded down to a char boundary); empty when the
    /// text is ASCII and bytes are characters.
    checkpoints: Vec<(usize, usize)>,
    /// The last answer of [`CharIndex::char_offset`] (byte, characters): offsets are mostly asked
    /// in runs of nearby places (a trail's edits forwards and then backwards), and counting from
    /// the last one is a few bytes where counting from a checkpoint is half a stride. Finishing
    /// a trail spent 3 % of a batch's instructions in these counts.
    last: Cell<(usize, usize)>,
}

const STRIDE: usize = 1024;

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    pub(crate) fn new(text: &'a str) -> CharIndex<'a> {
        if text.is_ascii() {
            return CharIndex {
                text,
                checkpoints: Vec::new(),
                last: Cell::new((0, 0)),
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
        CharIndex {
            text,
            checkpoints,
            last: Cell::new((0, 0)),
        }
    }

    /// The character offset of byte offset `byte` (clamped to the text, rounded down to a
    /// character boundary).
    pub(crate) fn char_offset(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if self.checkpoints.is_empty() {
            return byte;
        }
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, c) = self.checkpoints[i];
        // Counted from the nearer of the checkpoint and the last answer (a char boundary too).
        let (lb, lc) = self.last.get();
        let chars = if (b..=byte).contains(&lb) {
            lc + self.text[lb..byte].chars().count()
        } else if lb > byte && lb - byte < byte - b {
            lc - self.text[byte..lb].chars().count()
        } else {
            c + self.text[b..byte].chars().count()
        };
        self.last.set((byte, chars));
        chars
    }

    /// The byte offset of character offset `chars` (the text's length past its end).
    pub(crate) fn byte_offset(&self, chars: usize) -> usize {
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

    /// [`CharIndex::byte_offset`] of each of `chars`, in one forward walk: each call of that
    /// scans up to [`STRIDE`] bytes from its checkpoint, and a table-heavy document asks for
    /// thousands of offsets, mostly a few characters apart.
    pub(crate) fn byte_offsets(&self, chars: &[usize]) -> Vec<usize> {
        if self.checkpoints.is_empty() {
            return chars.iter().map(|&c| c.min(self.text.len())).collect();
        }
        let mut order: Vec<usize> = (0..chars.len()).collect();
        order.sort_unstable_by_key(|&k| chars[k]);
        let mut out = vec![self.text.len(); chars.len()];
        // The walk's position: byte `b` is character `c`.
        let (mut b, mut c) = (0, 0);
        for k in order {
            let want = chars[k];
            // Jump to the last checkpoint at or before `want` when it is ahead of the walk.
            let i = self.checkpoints.partition_point(|&(_, n)| n <= want) - 1;
            if self.checkpoints[i].1 > c {
                (b, c) = self.checkpoints[i];
            }
            for ch in self.text[b..].chars().take(want - c) {
                b += ch.len_utf8();
                c += 1;
            }
            if c == want {
                out[k] = b;
            }
        }
        out
    }
}

/// A set of spans that answers "does any overlap (or contain) this one?" in O(log n), so that
/// filtering every item of a long document against every other stays linear-logarithmic.
#[derive(Debug, Clone, Default)]
pub(crate) struct SpanIndex {
    /// Span starts, sorted.
    starts: Vec<usize>,
    /// `max_end[i]`: the largest end among the first `i + 1` spans in start order.
    max_end: Vec<usize>,
}

impl SpanIndex {
    /// Indexes `(start, end)` spans given in any order; they may overlap each other.
    pub(crate) fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> SpanIndex {
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
    pub(crate) fn overlaps(&self, start: usize, end: usize) -> bool {
        let i = self.starts.partition_point(|&s| s < end);
        i > 0 && self.max_end[i - 1] > start
    }

    /// Whether some span covers all of `[start, end)`.
    pub(crate) fn contains(&self, start: usize, end: usize) -> bool {
        let i = self.starts.partition_point(|&s| s <= start);
        i > 0 && self.max_end[i - 1] >= end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Moved from tests/integration/properties.rs when `apply` became internal: whatever the stages
        // propose for any text, applying it never panics.
        #[test]
        fn apply_never_panics_on_what_the_stages_propose(s in "\\PC*") {
            for changes in [crate::input::normalize(&s), crate::layout::layout(&s)] {
                let _ = apply(&s, &changes);
            }
        }
    }

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

    /// Runs stages of fixed changes through a [`Trail`]; checks that the applied edits are sorted,
    /// do not overlap, and replay to the text.
    #[track_caller]
    fn trail(input: &str, stages: Vec<Vec<Change>>) -> (String, Vec<Edit>) {
        let mut t = Trail::new(input.to_string());
        for changes in stages {
            t.rewrite(|_| changes);
        }
        let (text, edits) = t.finish();
        let applied: Vec<&Edit> = edits.iter().filter(|e| e.applied).collect();
        assert!(
            applied.windows(2).all(|w| w[0].end <= w[1].start),
            "{edits:#?}"
        );
        assert_eq!(apply_edits(input, &edits).unwrap(), text, "{edits:#?}");
        (text, edits)
    }

    fn sure(start: usize, end: usize, after: &str, kind: EditKind) -> Change {
        Change::sure(start, end, after, kind)
    }

    #[test]
    fn edits_come_in_text_order_with_an_applied_edit_before_a_proposal_at_its_span() {
        let proposal = |start, end, after| Change {
            applied: false,
            ..change(start, end, after)
        };
        // Stage two proposes before stage one did, and at the span of an applied change.
        let (_, edits) = trail(
            "f6r ir bra ock",
            vec![
                vec![proposal(11, 14, "och"), change(7, 10, "bra!")],
                vec![
                    proposal(4, 6, "är"),
                    change(0, 3, "för"),
                    proposal(0, 4, "X"),
                ],
                vec![proposal(5, 7, "ä")], // `ir` again, after `för` grew a byte
            ],
        );
        let order: Vec<_> = (edits.iter())
            .map(|e| (e.start, e.end, e.after.as_str(), e.applied))
            .collect();
        assert_eq!(
            order,
            [
                (0, 3, "för", true),
                (0, 4, "X", false),
                (4, 6, "är", false),
                (4, 6, "ä", false),
                (7, 10, "bra!", true),
                (11, 14, "och", false),
            ]
        );
    }

    #[test]
    fn a_change_over_an_earlier_one_is_merged_into_one_edit() {
        // NFC recomposes a word, then layout removes the line holding it: one furniture edit.
        let input = "Ra\u{308}nta\nText";
        let (text, edits) = trail(
            input,
            vec![
                vec![sure(0, 7, "Ränta", EditKind::Nfc)],
                vec![sure(0, 7, "", EditKind::Furniture)],
            ],
        );
        assert_eq!(text, "Text");
        assert_eq!(edits.len(), 1, "{edits:#?}");
        assert_eq!((edits[0].start, edits[0].end), (0, 7));
        assert_eq!(edits[0].kind, EditKind::Furniture);
    }

    #[test]
    fn a_change_inside_an_earlier_one_takes_the_rest_of_it_along() {
        // CRLF → LF, then the LF unwrapped; NFC of `hälsa.`, then a repair of `hälsa` only.
        let input = "a\r\nb ha\u{308}lsa.";
        let (text, edits) = trail(
            input,
            vec![
                vec![
                    sure(1, 3, "\n", EditKind::Newline),
                    sure(5, 13, "hälsa.", EditKind::Nfc),
                ],
                vec![sure(1, 2, " ", EditKind::Unwrap)],
                vec![Change {
                    confidence: 0.8,
                    ..sure(4, 10, "hälsan", EditKind::Spelling)
                }],
            ],
        );
        assert_eq!(text, "a b hälsan.");
        let spans: Vec<_> = edits
            .iter()
            .map(|e| (e.before.as_str(), e.after.as_str(), e.kind, e.confidence))
            .collect();
        assert_eq!(
            spans,
            [
                ("\r\n", " ", EditKind::Unwrap, 1.0),
                ("ha\u{308}lsa.", "hälsan.", EditKind::Spelling, 0.8),
            ]
        );
    }

    #[test]
    fn separate_changes_stay_separate_and_insertions_keep_their_place() {
        let (text, edits) = trail(
            "ab cd",
            vec![
                vec![sure(0, 2, "AB", EditKind::Spelling)],
                vec![
                    sure(2, 2, "!", EditKind::Noise),
                    sure(3, 5, "", EditKind::Furniture),
                ],
            ],
        );
        assert_eq!(text, "AB! ");
        assert_eq!(edits.len(), 3, "{edits:#?}");
    }

    #[test]
    fn a_proposal_is_widened_over_the_edit_it_lies_in_and_not_replayed() {
        let input = "ha\u{308}lsa. x";
        let (text, edits) = trail(
            input,
            vec![
                vec![sure(0, 8, "hälsa.", EditKind::Nfc)],
                vec![Change {
                    confidence: 0.3,
                    applied: false,
                    ..sure(0, 6, "hälsan", EditKind::Spelling)
                }],
            ],
        );
        assert_eq!(text, "hälsa. x");
        let proposal = edits.iter().find(|e| !e.applied).unwrap();
        assert_eq!((proposal.start, proposal.end), (0, 7));
        assert_eq!(proposal.after, "hälsan.");
    }

    #[test]
    fn replay_refuses_edits_it_cannot_apply() {
        let edit = |start, end, before: &str| Edit {
            start,
            end,
            before: before.into(),
            after: crate::record::CompactString::default(),
            kind: EditKind::Furniture,
            confidence: 1.0,
            applied: true,
        };
        assert_eq!(apply_edits("åäö", &[edit(1, 2, "ä")]).unwrap(), "åö");
        for bad in [
            vec![edit(2, 4, "ö")],
            vec![edit(0, 2, "åä"), edit(1, 3, "äö")],
            vec![edit(0, 1, "a")],
        ] {
            assert!(
                matches!(apply_edits("åäö", &bad), Err(Error::Replay { .. })),
                "{bad:?}"
            );
        }
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
        // Many at once, in any order, repeated, past the end: as one at a time.
        for text in [text.as_str(), "abc"] {
            let idx = CharIndex::new(text);
            let chars = [1234, 7, 0, 3000, 1234, 1235, text.len() + 5, 2, 4000, 3999];
            let one: Vec<usize> = chars.iter().map(|&c| idx.byte_offset(c)).collect();
            assert_eq!(idx.byte_offsets(&chars), one, "{chars:?}");
        }
        assert_eq!(CharIndex::new("abc").char_offset(2), 2);
    }

    #[test]
    fn char_offsets_asked_in_any_order_are_counted_right() {
        // Forwards, backwards, across checkpoints, inside a character and past the end: each
        // answer is counted from the last one or from a checkpoint, and both must agree.
        let text = "ärende ö ".repeat(400);
        let idx = CharIndex::new(&text);
        let naive = |byte: usize| {
            let mut b = byte.min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            text[..b].chars().count()
        };
        let bytes = [
            5,
            9,
            1,
            2000,
            2003,
            1990,
            1025,
            1023,
            3600,
            0,
            3599,
            1,
            4000,
            7,
            text.len() + 3,
            2,
        ];
        for byte in bytes {
            assert_eq!(idx.char_offset(byte), naive(byte), "byte {byte}");
        }
        for byte in (0..text.len())
            .rev()
            .step_by(37)
            .chain((0..text.len()).step_by(53))
        {
            assert_eq!(idx.char_offset(byte), naive(byte), "byte {byte}");
        }
    }
}
