//! Numbered conditions (villkor) and areas of effort (insatsområden).
//!
//! In: the text of one document and its amounts (character offsets, reading order, table cells
//! included). Out: one [`Villkor`] per condition number, sorted by number, with its title, the
//! indexes of the amounts that belong to it, the span its title came from and every mention.
//!
//! Titles come from three sources, best first:
//! 1. a heading line `Villkor 1 Kompetenssatsning i försäkringsmedicin`, or a numbered list item
//!    (`1. `, `1)`; one per paragraph or one per line) whose list is introduced by a paragraph
//!    naming villkor, insatsområden or områden, also in a compound (`Områden som ingått …`,
//!    `… följande utvecklingsområden:`), so section headings `1. Bakgrund` and footnotes
//!    `1. Med sjukskrivnings- …` are not conditions; an item's title ends with the item, never
//!    taking in the next item's number;
//! 2. a heading `Område 2 Funktion för koordinering`;
//! 3. a table row label `Område 2 Funktion för koordinering420`, cut before the glued number.
//!
//! Among sources of the same rank the longest title wins. A title stops at a bracket, colon, dash,
//! full stop, amount, or a lower-to-upper case join (`informationsutbyteSKL`).
//!
//! Amounts belong to a condition when they sit in its list item, on its table row, or in its
//! section: from a heading followed by body text up to the next heading or numbered section.
//!
//! A sub-condition heading (`Delvillkor 7 Uppföljning`) inside a condition's section is an entry of
//! its own with `parent` set, scoped to the next sub-condition heading or the section's end; a
//! running-text `delvillkor 7` is linked to it, or to the condition whose section holds it when it
//! has no heading of its own.
//!
//! Deliberately not done here: a condition only ever mentioned in running text (`enligt villkor 3`)
//! gets no entry, since nothing gives its title; such mentions and `villkor 1, 2 och 3` lists only
//! extend existing entries.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::number;
use crate::offsets::{CharIndex, SpanIndex};
use crate::record::{Amount, Span, Villkor};

/// A heading line: the keyword, the number, then the title (matched on a trimmed line).
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ^(?P<kw> Delvillkor | Villkorsområde | Villkor | Insatsområde | Område | Omrade )
        \s+ (?P<n> \d{1,2} ) \b
        \s* [.:]? \s* (?: [-–]\s+ )?      # Villkor 1: …, Villkor 1 – …
        (?P<rest> .* )$",
    )
    .expect("heading pattern")
});

/// A numbered list item or section heading: `1. Ledning …`, `4, Godkännande …` (OCR reads the
/// full stop as a comma), `2) …`.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x) ^ (?P<n> \d{1,2} ) [.,)] \s+ (?P<rest> \S.* )$").expect("numbered pattern")
});

/// An introduction that makes the numbered list after it a list of conditions. OCR often damages
/// `insatsområden` (`insatsomriden`), so its stem is enough.
static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    // `områden` also ends compounds that name them (`utvecklingsområden`, `fokusområden`).
    Regex::new(r"(?xi) villkor | insatsomr | områden\b").expect("intro pattern")
});

/// A mention in running text: `villkor 3`, `villkor 1, 2, 3 och 4`, `delvillkor 7`, `område 2`.
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?-u:\b) (?P<kw> [Vv]illkor | [Dd]elvillkor | [Oo]mråde | [Ii]nsatsområde )
        \s+ (?P<n> \d{1,2} ) (?-u:\b)
        (?P<more> (?: \s*,\s* \d{1,2}(?-u:\b) | \s+ (?:och|samt) \s+ \d{1,2}(?-u:\b) )* )",
    )
    .expect("mention pattern")
});

/// Further numbers in a mention list.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d{1,2}").expect("number pattern"));

/// Words a title cannot end on: they join it to something that was cut off (`… koordinering med`).
const DANGLING: &[&str] = &[
    "med", "om", "på", "till", "för", "och", "av", "i", "inom", "samt",
];

/// How much a title source is trusted; higher wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    TableRow,
    Area,
    Condition,
}

/// One condition as it is being gathered (byte offsets).
#[derive(Debug, Default)]
struct Entry {
    /// (rank, title length in characters, title, span of its mention).
    best: Option<(Rank, usize, String, (usize, usize))>,
    mentions: Vec<(usize, usize)>,
    /// Where the condition's amounts may sit.
    scopes: Vec<(usize, usize)>,
}

impl Entry {
    fn offer(&mut self, rank: Rank, title: String, span: (usize, usize)) {
        let len = title.chars().count();
        let better = self.best.as_ref().is_none_or(|(r, l, _, s)| {
            (rank, len) > (*r, *l) || ((rank, len) == (*r, *l) && span.0 < s.0)
        });
        if better {
            self.best = Some((rank, len, title, span));
        }
    }
}

/// A line of the text: byte range without its line break.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    blank: bool,
}

/// Finds the conditions in `text`; `amounts` are the document's amounts (character offsets).
pub(crate) fn find(text: &str, amounts: &[Amount]) -> Vec<Villkor> {
    let idx = CharIndex::new(text);
    let lines = lines(text);
    let mut found = Headings::default();
    for i in 0..lines.len() {
        heading(text, &lines, i, &mut found);
    }
    let Headings {
        mut entries,
        mut claimed,
        mut boundaries,
        sections,
        subs,
    } = found;
    list_items(text, &lines, amounts, &idx, &mut entries, &mut claimed);
    section_scopes(text, &mut boundaries, sections, &mut entries);
    let mut subs = sub_conditions(subs, &entries);
    mentions(text, amounts, &idx, &mut entries, &mut subs, &claimed);
    let mut out = villkor(entries, amounts, &idx, None);
    for (parent, sub) in subs {
        out.extend(villkor(sub, amounts, &idx, Some(parent)));
    }
    // Each sub-condition right after its parent.
    out.sort_by_key(|v| (v.parent.unwrap_or(v.number), v.parent.is_some(), v.number));
    out
}

/// The sub-conditions under each titled condition (by its number), each scoped from its heading to
/// the next sub-condition heading or the end of its parent's section.
fn sub_conditions(
    subs: Vec<SubHeading>,
    entries: &BTreeMap<u32, Entry>,
) -> BTreeMap<u32, BTreeMap<u32, Entry>> {
    let starts: Vec<usize> = subs.iter().map(|s| s.2).collect();
    let mut out: BTreeMap<u32, BTreeMap<u32, Entry>> = BTreeMap::new();
    for (number, titled, at) in subs {
        let holder = entries.iter().find_map(|(n, e)| {
            let scope = e.scopes.iter().find(|&&(s, t)| s <= at && at < t)?;
            e.best.is_some().then_some((*n, scope.1))
        });
        let Some((parent, parent_end)) = holder else {
            continue;
        };
        let end = starts
            .iter()
            .copied()
            .filter(|&s| s > at)
            .min()
            .unwrap_or(parent_end)
            .min(parent_end);
        let e = out.entry(parent).or_default().entry(number).or_default();
        if let Some((t, span)) = titled {
            e.offer(Rank::Condition, t, span);
            e.mentions.push(span);
        }
        e.scopes.push((at, end));
    }
    out
}

/// What the heading pass gathers (byte offsets).
#[derive(Debug, Default)]
struct Headings {
    entries: BTreeMap<u32, Entry>,
    /// Spans already read as headings or list items, so the mention pass skips them.
    claimed: Vec<(usize, usize)>,
    /// Section boundaries: starts of headings and numbered lines.
    boundaries: Vec<usize>,
    /// (number, body start) of headings followed by body text.
    sections: Vec<(u32, usize)>,
    /// Sub-condition headings (`Delvillkor 7 …`): number, title and its span, and the heading's
    /// line start. Their parent is the condition whose section holds them, known only once the
    /// sections are, so they are no section boundaries themselves.
    subs: Vec<SubHeading>,
}

/// A sub-condition heading: its number, its title and the title's span (when it has one), and
/// the start of its line (byte offsets).
type SubHeading = (u32, Option<(String, (usize, usize))>, usize);

/// The parts of a heading line `Villkor 1 Kompetenssatsning …` (byte offsets into the text).
struct HeadingLine<'t> {
    keyword: &'t str,
    number: u32,
    keyword_start: usize,
    number_end: usize,
    rest: &'t str,
    rest_start: usize,
}

/// Line `line` as a heading, or `None` when it is not one (or numbers it 0).
fn heading_line<'t>(text: &'t str, line: &Line) -> Option<HeadingLine<'t>> {
    let raw = &text[line.start..line.end];
    let trimmed = raw.trim_start();
    let lead = line.start + raw.len() - trimmed.len();
    let c = HEADING.captures(trimmed)?;
    let (kw, n, rest) = (c.name("kw")?, c.name("n")?, c.name("rest")?);
    let number = n.as_str().parse::<u32>().ok().filter(|&n| n != 0)?;
    Some(HeadingLine {
        keyword: kw.as_str(),
        number,
        keyword_start: lead + kw.start(),
        number_end: lead + n.end(),
        rest: rest.as_str(),
        rest_start: lead + rest.start(),
    })
}

/// Reads line `i` as a heading or table row: offers its title, records the mention and where the
/// condition's amounts may sit, and notes section boundaries.
fn heading(text: &str, lines: &[Line], i: usize, found: &mut Headings) {
    let line = lines[i];
    if NUMBERED.is_match(text[line.start..line.end].trim()) {
        found.boundaries.push(line.start);
    }
    let Some(h) = heading_line(text, &line) else {
        return;
    };
    if h.keyword == "Delvillkor" {
        let titled = title(&text[h.rest_start..line.end], false, &[])
            .map(|(t, len)| (t, (h.keyword_start, h.rest_start + len)));
        found.claimed.push((h.keyword_start, line.end));
        found.subs.push((h.number, titled, line.start));
        return;
    }
    found.boundaries.push(line.start);
    let table_row = glued_number(h.rest).is_some();
    // A heading that wraps: the next line of the same paragraph starting in lower case.
    let mut rest_end = line.end;
    if !table_row && let Some(next) = lines.get(i + 1).filter(|l| !l.blank) {
        let first = text[next.start..next.end].trim_start().chars().next();
        if first.is_some_and(char::is_lowercase) {
            rest_end = next.end;
        }
    }
    let rank = match (table_row, h.keyword) {
        (true, _) => Rank::TableRow,
        (false, "Villkor" | "Villkorsområde") => Rank::Condition,
        (false, _) => Rank::Area,
    };
    let e = found.entries.entry(h.number).or_default();
    let entry_span = match title(&text[h.rest_start..rest_end], table_row, &[]) {
        Some((t, len)) => {
            let span = (h.keyword_start, h.rest_start + len);
            e.offer(rank, t, span);
            span
        }
        // Untitled heading: only a mention, resolved with the running-text mentions.
        None => (h.keyword_start, h.number_end),
    };
    found
        .claimed
        .push((h.keyword_start, rest_end.max(entry_span.1)));
    e.mentions.push(entry_span);
    if table_row {
        // PDF exports stack a row's further columns on lines of their own (`…koordinering420`
        // ⏎ `430`): those lines belong to the row.
        let mut row_end = line.end;
        for next in &lines[i + 1..] {
            if !bare_number(&text[next.start..next.end]) {
                break;
            }
            row_end = next.end;
        }
        e.scopes.push((line.start, row_end));
    } else if next_is_body(text, lines, i) {
        found.sections.push((h.number, rest_end));
    } else {
        e.scopes.push((line.start, rest_end));
    }
}

/// Sections run from a heading followed by body text to the next heading or numbered line.
fn section_scopes(
    text: &str,
    boundaries: &mut [usize],
    sections: Vec<(u32, usize)>,
    entries: &mut BTreeMap<u32, Entry>,
) {
    boundaries.sort_unstable();
    for (number, body) in sections {
        let i = boundaries.partition_point(|&b| b <= body);
        let end = boundaries.get(i).copied().unwrap_or(text.len());
        entries.entry(number).or_default().scopes.push((body, end));
    }
}

/// The conditions that got a title, in number order, with their amounts (indexes into `amounts`)
/// and mentions in character offsets; `parent` is set on sub-conditions.
fn villkor(
    entries: BTreeMap<u32, Entry>,
    amounts: &[Amount],
    idx: &CharIndex,
    parent: Option<u32>,
) -> Vec<Villkor> {
    // (start, index) sorted by start, so each scope finds its amounts by binary search.
    let mut amount_starts: Vec<(usize, usize)> = amounts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.start, i))
        .collect();
    amount_starts.sort_unstable();
    let chars = |&(s, t): &(usize, usize)| (idx.char_offset(s), idx.char_offset(t));
    entries
        .into_iter()
        .filter_map(|(number, e)| {
            let (_, _, title, span) = e.best?;
            let mut amounts: Vec<usize> = e
                .scopes
                .iter()
                .map(chars)
                .flat_map(|(s, t)| {
                    let lo = amount_starts.partition_point(|&(a, _)| a < s);
                    let hi = amount_starts.partition_point(|&(a, _)| a < t);
                    amount_starts[lo..hi.max(lo)].iter().map(|&(_, i)| i)
                })
                .collect();
            amounts.sort_unstable();
            amounts.dedup();
            let mut mentions: Vec<Span> = e
                .mentions
                .iter()
                .map(chars)
                .map(|(start, end)| Span { start, end })
                .collect();
            mentions.sort_unstable();
            mentions.dedup();
            let (start, end) = chars(&span);
            Some(Villkor {
                number,
                title,
                amounts,
                start,
                end,
                mentions,
                parent,
            })
        })
        .collect()
}

/// The lines of `text` (form feeds are whitespace, so a page-break line is blank).
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(Line {
                start,
                end: i,
                blank: text[start..i].trim().is_empty(),
            });
            start = i + 1;
        }
    }
    out.push(Line {
        start,
        end: text.len(),
        blank: text[start..].trim().is_empty(),
    });
    out
}

/// Whether the paragraph after line `i`'s paragraph is body text (a sentence or a long line) rather
/// than another heading: `Villkor 1 …` followed by `Villkor 2 …` is a list of headings.
fn next_is_body(text: &str, lines: &[Line], i: usize) -> bool {
    let mut j = i + 1;
    while lines.get(j).is_some_and(|l| !l.blank) {
        j += 1;
    }
    while lines.get(j).is_some_and(|l| l.blank) {
        j += 1;
    }
    let Some(first) = lines.get(j) else {
        return false;
    };
    let mut end = first.end;
    let mut k = j + 1;
    while let Some(l) = lines.get(k).filter(|l| !l.blank) {
        end = l.end;
        k += 1;
    }
    let para = text[first.start..end].trim();
    if HEADING.is_match(para) {
        return false;
    }
    para.ends_with(['.', ':', '!', '?']) || para.chars().count() > 100
}

/// Whether a line holds nothing but numbers (stacked table cells: `430`, `1 444`, `-3,4`).
///
/// Made of the numeral alphabet ([`number::is_numeral_char`]) and deliberately looser than one
/// [`number::parse`]: a stacked line may hold several cells (`444 1 444`), any white space, and a
/// point (`1.444`), which some exports write for thousands and the grammar does not read.
fn bare_number(line: &str) -> bool {
    let t = line.trim();
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| number::is_numeral_char(c) || c.is_whitespace() || c == '.')
}

/// Where a table row's label runs into its first number (`koordinering420`, `SKL21,7`): the byte
/// index of the digit. The number must end the line (or meet a space), so OCR damage inside a word
/// (`f6r`) is not a table cell.
fn glued_number(s: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() && prev.is_some_and(char::is_alphabetic) {
            let after = s[i..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
            if after.chars().next().is_none_or(char::is_whitespace) {
                return Some(i);
            }
        }
        prev = Some(c);
    }
    None
}

/// The title at the start of `raw` and how many bytes of `raw` it covers; `cuts` are byte offsets
/// in `raw` where amounts start. `None` when what follows the number is not a title (lower case,
/// empty, or a whole sentence).
fn title(raw: &str, table_row: bool, cuts: &[usize]) -> Option<(String, usize)> {
    let mut end = raw.len();
    if let Some(g) = glued_number(raw) {
        end = end.min(g);
    }
    if let Some(&c) = cuts.iter().min() {
        end = end.min(c);
    }
    let mut prev: Option<char> = None;
    for (i, c) in raw.char_indices() {
        if i >= end {
            break;
        }
        let next = raw[i + c.len_utf8()..].chars().next();
        let stop = match c {
            '(' | ':' | ';' | '\t' => true,
            // A lower-to-upper join glues the next cell on (`informationsutbyteSKL`).
            c if c.is_uppercase() && prev.is_some_and(char::is_lowercase) => true,
            '.' => next.is_none_or(char::is_whitespace),
            '–' | '—' => prev.is_some_and(char::is_whitespace),
            '-' => prev.is_some_and(char::is_whitespace) && next.is_some_and(char::is_whitespace),
            // In a table row, what follows a comma is the next column (`…, SKL21,7`).
            ',' => table_row,
            _ => false,
        };
        if stop {
            end = i;
            break;
        }
        prev = Some(c);
    }
    let mut t = raw[..end].trim_end_matches(|c: char| c.is_whitespace() || ",.;:–-".contains(c));
    // Drop words left dangling by a cut (`Funktion för koordinering med`).
    while let Some((head, _)) = t
        .rsplit_once(char::is_whitespace)
        .filter(|(_, last)| DANGLING.contains(last))
    {
        t = head.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    }
    let words = t.split_whitespace().count();
    let starts_upper = t.chars().next().is_some_and(char::is_uppercase);
    if !starts_upper || words == 0 || words > 15 {
        return None;
    }
    Some((t.split_whitespace().collect::<Vec<_>>().join(" "), t.len()))
}

/// Numbered list items under an introduction naming conditions: each item is a condition, its
/// paragraph the scope of its amounts.
fn list_items(
    text: &str,
    lines: &[Line],
    amounts: &[Amount],
    idx: &CharIndex,
    entries: &mut BTreeMap<u32, Entry>,
    claimed: &mut Vec<(usize, usize)>,
) {
    // Blocks as byte ranges: paragraphs, split before each numbered line, so that items written
    // on consecutive lines are items of their own and a title never runs into the next item's
    // number (`1. Ledning⏎2. Koordinering`).
    let mut paras: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].blank {
            i += 1;
            continue;
        }
        let start = lines[i].start;
        while i + 1 < lines.len()
            && !lines[i + 1].blank
            && !NUMBERED.is_match(text[lines[i + 1].start..lines[i + 1].end].trim())
        {
            i += 1;
        }
        paras.push((start, lines[i].end));
        i += 1;
    }
    let number_at = |p: (usize, usize)| {
        let s = &text[p.0..p.1];
        let lead = s.len() - s.trim_start().len();
        let c = NUMBERED.captures(s.trim_start().lines().next().unwrap_or(""))?;
        let n: u32 = c.name("n")?.as_str().parse().ok()?;
        let rest = c.name("rest")?.start();
        Some((n, p.0 + lead + rest))
    };
    let mut p = 1;
    while p < paras.len() {
        let intro = &text[paras[p - 1].0..paras[p - 1].1];
        if number_at(paras[p]).map(|x| x.0) != Some(1) || !INTRO.is_match(intro) {
            p += 1;
            continue;
        }
        let mut expected = 1;
        while let Some((n, rest_start)) = paras.get(p).and_then(|&q| number_at(q)) {
            if n != expected {
                break;
            }
            let (para_start, para_end) = paras[p];
            let raw = &text[rest_start..para_end];
            let (cs, ce) = (idx.char_offset(para_start), idx.char_offset(para_end));
            let cuts: Vec<usize> = amounts
                .iter()
                .filter(|a| cs <= a.start && a.start < ce)
                .filter_map(|a| byte_of_char(text, rest_start, idx, a.start))
                .collect();
            if let Some((t, len)) = title(raw, false, &cuts) {
                let span = (
                    para_start + (text[para_start..].len() - text[para_start..].trim_start().len()),
                    rest_start + len,
                );
                let e = entries.entry(n).or_default();
                e.offer(Rank::Condition, t, span);
                e.mentions.push(span);
                e.scopes.push((para_start, para_end));
                claimed.push((para_start, para_end));
            }
            expected += 1;
            p += 1;
        }
        p += 1;
    }
}

/// The byte offset relative to `base` of character offset `ch` (which lies after `base`).
fn byte_of_char(text: &str, base: usize, idx: &CharIndex, ch: usize) -> Option<usize> {
    let base_ch = idx.char_offset(base);
    let k = ch.checked_sub(base_ch)?;
    text[base..].char_indices().nth(k).map(|(b, _)| b)
}

/// Running-text mentions: they extend entries that have a title; `delvillkor N` extends the
/// condition whose section holds it.
fn mentions(
    text: &str,
    amounts: &[Amount],
    idx: &CharIndex,
    entries: &mut BTreeMap<u32, Entry>,
    subs: &mut BTreeMap<u32, BTreeMap<u32, Entry>>,
    claimed: &[(usize, usize)],
) {
    let money = SpanIndex::new(amounts.iter().map(|a| (a.start, a.end)));
    let claimed = SpanIndex::new(claimed.iter().copied());
    for c in MENTION.captures_iter(text) {
        let (Some(m), Some(kw), Some(n)) = (c.get(0), c.name("kw"), c.name("n")) else {
            continue;
        };
        if claimed.overlaps(m.start(), m.start() + 1) {
            continue;
        }
        if kw.as_str().eq_ignore_ascii_case("delvillkor") {
            let holder = entries.iter_mut().find(|(_, e)| {
                e.scopes
                    .iter()
                    .any(|&(s, t)| s <= m.start() && m.start() < t)
            });
            if let Some((parent, e)) = holder {
                // Linked to its own entry when it has one (`Delvillkor 7 …` under this condition),
                // else to the condition that holds it.
                let sub = n.as_str().parse::<u32>().ok().and_then(|k| {
                    subs.get_mut(parent)?
                        .get_mut(&k)
                        .filter(|s| s.best.is_some())
                });
                sub.unwrap_or(e).mentions.push((m.start(), n.end()));
            }
            continue;
        }
        let mut spans = vec![(n.as_str(), (m.start(), n.end()))];
        if let Some(more) = c.name("more") {
            for x in NUMBER.find_iter(more.as_str()) {
                let span = (more.start() + x.start(), more.start() + x.end());
                spans.push((x.as_str(), span));
            }
        }
        for (digits, span) in spans {
            // `villkor 3 och 50 miljoner kronor`: the 50 is money, not a condition.
            let ch = idx.char_offset(span.1 - 1);
            if money.overlaps(ch, ch + 1) {
                continue;
            }
            let Ok(number) = digits.parse::<u32>() else {
                continue;
            };
            if let Some(e) = entries.get_mut(&number).filter(|e| e.best.is_some()) {
                e.mentions.push(span);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::amount;

    fn titles(text: &str) -> Vec<(u32, String)> {
        find(text, &amount::find(text))
            .into_iter()
            .map(|v| (v.number, v.title))
            .collect()
    }

    #[track_caller]
    fn assert_titles(text: &str, expected: &[(u32, &str)]) {
        let expected: Vec<(u32, String)> =
            expected.iter().map(|(n, t)| (*n, t.to_string())).collect();
        assert_eq!(titles(text), expected, "{text:?}");
    }

    #[test]
    fn heading_titles() {
        assert_titles(
            "Villkor 1 Kompetenssatsning i försäkringsmedicin\n\nVillkor 2 Funktion för koordinering \n",
            &[
                (1, "Kompetenssatsning i försäkringsmedicin"),
                (2, "Funktion för koordinering"),
            ],
        );
        assert_titles("Villkoret ändras.\n\nVillkor\n\nRegionerna ska.", &[]);
        assert_titles("Villkor 1 ska uppfyllas senast i mars.\n", &[]);
    }

    #[test]
    fn table_rows_cut_before_the_glued_number() {
        assert_titles(
            "Område 2 Funktion för koordinering420\n430\nOmråde 4 Elektroniskt informationsutbyteSKL, Inera151,2\n",
            &[
                (2, "Funktion för koordinering"),
                (4, "Elektroniskt informationsutbyte"),
            ],
        );
    }

    #[test]
    fn ocr_digits_inside_words_are_not_table_cells() {
        assert_eq!(glued_number("Funktion f6r koordinering"), None);
        assert_eq!(glued_number("Funktion för koordinering420"), Some(26));
        assert_eq!(glued_number("Stöd, SKL21,7"), Some(10));
    }

    #[test]
    fn stacked_cells_belong_to_their_row() {
        assert!(
            bare_number(" 1 444 ")
                && bare_number("-3,4")
                && bare_number("−3,4\u{2009}")
                && bare_number("444 1 444")
                && !bare_number("Område 3")
                && !bare_number("3 %")
                && !bare_number("+3")
                && !bare_number(" ")
        );
        let text = "Område 2 Funktion för koordinering420\n430\nOmråde 3 Psykisk ohälsa500\n500\n";
        let cell = |start: usize, end: usize| {
            let words: String = text.chars().skip(start).take(end - start).collect();
            Amount::new(crate::record::Money(0), "SEK", words, start, end)
        };
        let v = find(
            text,
            &[cell(34, 37), cell(38, 41), cell(65, 68), cell(69, 72)],
        );
        assert_eq!(
            (v[0].amounts.clone(), v[1].amounts.clone()),
            (vec![0, 1], vec![2, 3])
        );
    }

    #[test]
    fn condition_headings_beat_table_rows() {
        assert_titles(
            "Villkor 5 Stöd för rätt sjukskrivning\n\nOmråde 5 Utvecklingsmedel Stöd för rätt sjukskrivning, SKL21,7\n",
            &[(5, "Stöd för rätt sjukskrivning")],
        );
    }

    #[test]
    fn lists_need_an_introduction() {
        let listed = "Följande insatsområden (villkor) ingår:\n\n1. Ledning och styrning (100 miljoner kronor\ntill regionerna och 1,2 miljoner kronor till SoS)\n\n2. Funktion för koordinering (140 miljoner kronor)\n\nInsatserna bedöms.\n";
        assert_titles(
            listed,
            &[
                (1, "Ledning och styrning"),
                (2, "Funktion för koordinering"),
            ],
        );
        let v = find(listed, &amount::find(listed));
        assert_eq!(
            (v[0].amounts.clone(), v[1].amounts.clone()),
            (vec![0, 1], vec![2])
        );
        assert_titles(
            "Socialstyrelsen\n\n1. Med sjukvården avses det.\n\n2. Med regional nivå avses.\n",
            &[],
        );
        assert_titles("Regioner\n\n1. Bakgrund\n\nText.\n", &[]);
    }

    #[test]
    fn wrapped_heading_and_section_amounts() {
        let text = "Villkor 3 Insatser för lindrig och\nlångvarig smärta\n\nVillkoret ändras så att.\n\nKassan utbetalar högst 50 miljoner kronor.\n\nVillkor 4 Utökat\n\nText om delvillkor 7 här.\n\n4, Godkännande\n\n9 miljoner kronor.\n";
        let v = find(text, &amount::find(text));
        assert_eq!(v[0].title, "Insatser för lindrig och långvarig smärta");
        assert_eq!(v[0].amounts, vec![0]);
        assert_eq!(v[1].mentions.len(), 2, "{v:#?}");
        assert!(v[1].amounts.is_empty());
    }

    #[test]
    fn running_mentions_extend_entries_only() {
        let text = "Villkor 1 Ledning\n\nVillkor 2 Koordinering\n\nRevideringarna berör villkor 1, 2 och 3. Inom villkor 2 och 50 miljoner kronor.\n";
        let v = find(text, &amount::find(text));
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].mentions.len(), 2);
        assert_eq!(v[1].mentions.len(), 3);
    }

    #[test]
    fn lists_under_headings_that_name_areas_otherwise() {
        for intro in [
            "Områden som ingått i överenskommelsen 2016",
            "Insatsområden",
            "Överenskommelsen omfattar följande utvecklingsområden:",
        ] {
            for (one, two) in [("1. ", "2. "), (" 1.  ", " 2.  "), ("1) ", "2) ")] {
                let text = format!(
                    "{intro}\n\n{one}Tillgänglighet i vården\n\n{two}Psykisk hälsa och\nsuicidprevention\n\nÖvrigt.\n"
                );
                assert_titles(
                    &text,
                    &[
                        (1, "Tillgänglighet i vården"),
                        (2, "Psykisk hälsa och suicidprevention"),
                    ],
                );
            }
        }
        assert_titles(
            "Bakgrund\n\n1. Tillgänglighet i vården\n\n2. Psykisk hälsa\n",
            &[],
        );
    }

    #[test]
    fn items_on_consecutive_lines_end_before_the_next_number() {
        let text = "Överenskommelsen omfattar följande insatsområden:\n1. Kortare väntetider\n2. Stärkt primärvård för\nbarn och unga\n3) Kompetensförsörjning\n\nText.\n";
        assert_titles(
            text,
            &[
                (1, "Kortare väntetider"),
                (2, "Stärkt primärvård för barn och unga"),
                (3, "Kompetensförsörjning"),
            ],
        );
        let v = find(text, &[]);
        let spans: Vec<_> = v.iter().map(|v| (v.start, v.end)).collect();
        let chars: Vec<char> = text.chars().collect();
        let span_text = |(s, e): (usize, usize)| chars[s..e].iter().collect::<String>();
        assert_eq!(span_text(spans[0]), "1. Kortare väntetider");
        assert_eq!(
            span_text(spans[1]),
            "2. Stärkt primärvård för\nbarn och unga"
        );
    }

    #[test]
    fn sub_conditions_are_entries_under_their_parent() {
        let text = "Villkor 4 Uppföljning av insatserna\n\nRegionerna ska följa upp insatserna under året.\n\nDelvillkor 7 Rapportering till Socialstyrelsen\n\nKassan betalar 5 miljoner kronor.\n\nDelvillkor 8 Analys av resultaten\n\nEnligt delvillkor 7 ska regionerna rapportera, och villkor 4 gäller.\n\nVillkor 5 Annat\n\nText om delvillkor 9 här.\n";
        let v = find(text, &amount::find(text));
        let got: Vec<_> = v
            .iter()
            .map(|v| {
                (
                    v.parent,
                    v.number,
                    v.title.as_str(),
                    v.mentions.len(),
                    v.amounts.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (None, 4, "Uppföljning av insatserna", 2, vec![0]),
                (Some(4), 7, "Rapportering till Socialstyrelsen", 2, vec![0]),
                (Some(4), 8, "Analys av resultaten", 1, vec![]),
                (None, 5, "Annat", 2, vec![]),
            ],
            "{v:#?}"
        );
        // Outside any condition's section a sub-condition heading has no parent and no entry.
        assert_titles("Delvillkor 7 Rapportering\n\nText.\n", &[]);
    }
}
