//! Page and line structure: page furniture, line-end hyphenation, paragraph unwrapping.
//!
//! In: normalised text (LF line ends; a form feed starts each page after the first, as pdftotext
//! and tesseract write it). Out: [`Change`]s that
//!
//! - drop **page furniture**, and only that: a line that recurs as the same text at the top or
//!   bottom of at least half the pages (running header or footer; one number in it may rise with
//!   the page), and page numbers (`3`, `- 3 -`, `Sida 3 av 9`, `3 (9)`) that rise by one from page
//!   to page. Layout repair is **loss-free**: a line holding a figure (`Stockholm 68 143 865`,
//!   `2 546`, `Totalt 1 367 000 000`, `-3,4`) is never removed, nor is a line the document does not
//!   repeat; a bare number is a page number only when it is small (at most the page count and a
//!   little), sits at a page edge and counts the pages, never when it is grouped, has decimals, a
//!   sign or more than three digits;
//! - join **line-end hyphenation**: `rehabili-`⏎`teringsprocessen` → `rehabiliteringsprocessen`,
//!   but a suspended compound keeps its hyphen (`sjukskrivnings-`⏎`och` → `sjukskrivnings- och`),
//!   and so do hyphens before a digit (`covid-`⏎`19`), after a single letter or an abbreviation in
//!   capitals (`e-`⏎`tjänster`, `IT-`⏎`stöd`) and before a capital (`Jämtland-`⏎`Härjedalen`);
//! - **unwrap** a line break inside a paragraph into a space, when the line was wrapped by the
//!   typesetter: it continues in lower case, or it runs close to the page's text width.
//!
//! Deliberately not done: list items, table rows and short lines (signature blocks, headings) keep
//! their breaks, because line structure is how [`crate::validate`] finds lists and tables. Form
//! feeds stay in the text; `page_starts` turns them into the record's `pages`. Blank lines
//! (paragraph breaks) are kept.

use std::collections::HashMap;

use crate::number::units;
use crate::offsets::Change;
use crate::record::EditKind;

/// Words before which a line-end hyphen is a suspended compound (`hälso- och sjukvård`).
pub(crate) const SUSPENDED_BEFORE: [&str; 6] =
    ["och", "eller", "samt", "till", "respektive", "som"];

/// A line of the input, without its `\n`.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// Byte offset of the first character (form feeds included).
    start: usize,
    /// The line after any leading form feeds.
    content: &'a str,
    /// Byte offset where `content` starts.
    content_start: usize,
    /// Page number, from 0.
    page: usize,
}

impl Line<'_> {
    fn end(&self) -> usize {
        self.content_start + self.content.len()
    }

    fn trimmed(&self) -> &str {
        self.content.trim()
    }

    fn is_blank(&self) -> bool {
        self.trimmed().is_empty()
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut page = 0;
    let mut start = 0;
    for raw in text.split('\n') {
        let content = raw.trim_start_matches('\x0c');
        let feeds = raw.len() - content.len();
        page += feeds;
        // A form feed in the middle of a line (rare) still starts a page; the line belongs to the
        // page it starts on.
        let content_start = start + feeds;
        out.push(Line {
            start,
            content,
            content_start,
            page,
        });
        page += content.matches('\x0c').count();
        start += raw.len() + 1;
    }
    out
}

/// Proposes the layout repairs of `text` (byte offsets, sorted, non-overlapping).
pub fn layout(text: &str) -> Vec<Change> {
    let lines = lines(text);
    let furniture = furniture(&lines);
    let width = text_width(&lines);
    let mut changes = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if furniture[i] {
            // Drop the line with its newline, but keep the form feeds that start a page.
            let end = (line.end() + 1).min(text.len());
            changes.push(Change::sure(
                line.content_start,
                end,
                "",
                EditKind::Furniture,
            ));
            continue;
        }
        let Some(next) = lines.get(i + 1) else {
            continue;
        };
        if furniture[i + 1] || line.is_blank() || next.is_blank() {
            continue;
        }
        if let Some(c) = join(line, next, width) {
            changes.push(c);
        }
    }
    changes.sort_by_key(|c| c.start);
    changes
}

/// The typeset text width in characters: the 90th percentile of line lengths, so that a few long
/// lines (a URL, a run-together table row) do not decide it.
fn text_width(lines: &[Line<'_>]) -> usize {
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| l.trimmed().chars().count())
        .filter(|&n| n >= 20)
        .collect();
    if lens.is_empty() {
        return usize::MAX;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)]
}

/// The change joining `a` to the line after it, if the break is one to undo.
fn join(a: &Line<'_>, b: &Line<'_>, width: usize) -> Option<Change> {
    let a_text = a.content.trim_end();
    let b_text = b.content.trim_start();
    // The span replaced: trailing blanks of `a`, the newline, leading blanks of `b`. Form feeds
    // between them are kept by the callers below.
    let gap_start = a.content_start + a_text.len();
    let b_start = b.content_start + (b.content.len() - b_text.len());
    let page_break = b.content_start != b.start;
    if let Some(c) = hyphenation(a_text, b_text, gap_start, b_start, page_break, b) {
        return Some(c);
    }
    if !unwraps(a_text, b_text, width) {
        return None;
    }
    let after = if page_break { " \x0c" } else { " " };
    // With a page break the span runs from the end of `a` to the first visible character of `b`
    // and the form feed is written back, so the page still starts at that word.
    Some(Change::sure(gap_start, b_start, after, EditKind::Unwrap))
}

/// A line-end hyphen: the join, or `None` when `a` does not end in one.
fn hyphenation(
    a_text: &str,
    b_text: &str,
    gap_start: usize,
    b_start: usize,
    page_break: bool,
    b: &Line<'_>,
) -> Option<Change> {
    let stem = a_text.strip_suffix(['-', '\u{2010}'])?;
    let before = stem.chars().next_back()?;
    let first = b_text.chars().next()?;
    if !before.is_alphabetic() && !before.is_ascii_digit() {
        return None;
    }
    let hyphen_at = gap_start - (a_text.len() - stem.len());
    let next_word: String = b_text
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let last_word: String = {
        let rev: Vec<char> = stem
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        rev.into_iter().rev().collect()
    };
    let feed = if page_break { "\x0c" } else { "" };
    if SUSPENDED_BEFORE.contains(&next_word.as_str()) {
        // `sjukskrivnings- och`: the hyphen is the suspended compound's, the break a space.
        return Some(Change::sure(
            gap_start,
            b_start,
            format!(" {feed}"),
            EditKind::Unwrap,
        ));
    }
    let keeps_hyphen = first.is_ascii_digit()
        || first.is_uppercase()
        || last_word.chars().count() == 1
        || (last_word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
            && last_word.chars().count() <= 4);
    if !first.is_alphabetic() && !first.is_ascii_digit() {
        return None;
    }
    if keeps_hyphen {
        // `covid-19`, `e-tjänster`: the hyphen is part of the word; only the break goes.
        let c = Change::sure(gap_start, b_start, feed, EditKind::Unwrap);
        return Some(c);
    }
    if page_break {
        // The word is whole again on the first page; the form feed moves behind it.
        let word_len: usize = b_text
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(b_text.len(), |(i, _)| i);
        let tail = &b_text[..word_len];
        let _ = b;
        return Some(Change {
            confidence: 0.9,
            ..Change::sure(
                hyphen_at,
                b_start + word_len,
                format!("{tail}\x0c"),
                EditKind::Hyphenation,
            )
        });
    }
    // Confidence below 1: the hyphen may belong to a compound written with one (rare in Swedish).
    Some(Change {
        confidence: 0.9,
        ..Change::sure(hyphen_at, b_start, "", EditKind::Hyphenation)
    })
}

/// Whether the break between `a` and `b` (both trimmed, non-blank) is a typesetter's wrap.
fn unwraps(a: &str, b: &str, width: usize) -> bool {
    if is_list_item(b) || is_numeric(a) || is_numeric(b) {
        return false;
    }
    let last = a.chars().next_back().unwrap_or(' ');
    let first = b.chars().next().unwrap_or(' ');
    // A list or table row ends in a figure or unit, and the next row starts afresh, or ends in a
    // digit too: two lines in a row that end in figures are rows (`ap.13 Internationella … (ram)
    // 2 570 780` ⏎ `ap.15 Europeiska utvecklingsfonden (ram)1 050 800`), not a wrapped sentence.
    if ends_in_figure(a)
        && (first.is_uppercase()
            || first.is_ascii_digit()
            || "-−–".contains(first)
            || (b.ends_with(|c: char| c.is_ascii_digit()) && !continues_figure(b)))
    {
        return false;
    }
    if last == ':' {
        return false;
    }
    let a_len = a.chars().count();
    let sentence_end = matches!(last, '.' | '!' | '?');
    if first.is_lowercase() && !sentence_end && a_len >= 30 {
        return true;
    }
    if width == usize::MAX {
        return false;
    }
    if sentence_end {
        a_len * 100 >= width * 85 && (first.is_uppercase() || first.is_ascii_digit())
    } else {
        a_len * 100 >= width * 70
    }
}

fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '•' | '–' | '*' | '·') => chars.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            (rest.starts_with(". ") || rest.starts_with(") ")) && line.len() - rest.len() <= 2
        }
        Some(c) if c.is_ascii_lowercase() => line[1..].starts_with(") "),
        _ => false,
    }
}

/// A line of only figures (a table cell on its own line, a page number).
fn is_numeric(line: &str) -> bool {
    line.chars().any(|c| c.is_ascii_digit())
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || ",.-−–%".contains(c))
}

/// Whether `line` opens with the unit or scale word of the figure the line before ended in
/// (`300` ⏎ `miljoner kronor till …`): the sentence goes on.
fn continues_figure(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    is_unit(first) || units::scale_of(first).is_some()
}

/// A currency unit of the unit table, as written or in lower case (`Kr.`, `MSEK`, `tkr`).
fn is_unit(word: &str) -> bool {
    units::unit_of(word).is_some() || units::unit_of(&word.to_lowercase()).is_some()
}

fn ends_in_figure(line: &str) -> bool {
    let last_word = line.rsplit(char::is_whitespace).next().unwrap_or("");
    last_word
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || c == '%')
        || is_unit(last_word.trim_end_matches('.'))
}

/// Marks the lines that are page furniture: running headers and footers ([`running_lines`]) and
/// page numbers ([`page_numbers`]). A line holding a figure ([`holds_figure`]) is never furniture.
fn furniture(lines: &[Line<'_>]) -> Vec<bool> {
    let mut marks = vec![false; lines.len()];
    let pages = lines.last().map_or(0, |l| l.page + 1);
    if pages < 2 {
        return marks;
    }
    let edges = page_edges(lines, pages);
    running_lines(lines, &edges, &mut marks);
    page_numbers(lines, &edges, &mut marks);
    marks
}

/// The candidates of each page: its first two and last two non-blank lines.
fn page_edges(lines: &[Line<'_>], pages: usize) -> Vec<Vec<usize>> {
    let mut by_page: Vec<Vec<usize>> = vec![Vec::new(); pages];
    for (i, l) in lines.iter().enumerate() {
        if !l.is_blank() && l.page < pages {
            by_page[l.page].push(i);
        }
    }
    by_page
        .into_iter()
        .map(|idx| {
            let n = idx.len();
            let mut e: Vec<usize> = idx.iter().take(2).copied().collect();
            e.extend(idx.iter().skip(n.saturating_sub(2)).copied());
            e.sort_unstable();
            e.dedup();
            e
        })
        .collect()
}

/// Marks running headers and footers: a line with letters and no figure that stands, as the same
/// text, on an edge of at least half the pages (and at least three). "The same" ignores case and
/// spacing, and one number in it may differ if it rises with the page (`Rapport 2020, sida 3`);
/// any other number must be the same on every page, so table rows whose figures differ
/// (`Stockholm 68 143 865`) never match, and neither do lines that share only a shape.
fn running_lines(lines: &[Line<'_>], edges: &[Vec<usize>], marks: &mut [bool]) {
    let needed = (edges.len() / 2).max(3);
    if edges.len() < 3 {
        return;
    }
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    let mut keys: Vec<(usize, Vec<String>)> = Vec::new();
    for (p, e) in edges.iter().enumerate() {
        for &i in e {
            let line = lines[i].trimmed();
            if !line.chars().any(char::is_alphabetic) || holds_figure(line) {
                continue;
            }
            let signatures = signatures(line, p);
            for sig in &signatures {
                let pages_seen = seen.entry(sig.clone()).or_default();
                if pages_seen.last() != Some(&p) {
                    pages_seen.push(p);
                }
            }
            keys.push((i, signatures));
        }
    }
    for (i, signatures) in keys {
        if signatures
            .iter()
            .any(|s| seen.get(s).is_some_and(|v| v.len() >= needed))
        {
            marks[i] = true;
        }
    }
}

/// The ways a line on page `p` can match the same line on other pages: its text in lower case
/// with spacing collapsed, and for each short number in it, the same text with that number
/// replaced by its offset from the page index (so that `sida 3` on page 2 matches `sida 4` on
/// page 3). Lines shorter than three characters have none.
fn signatures(line: &str, p: usize) -> Vec<String> {
    let mut words = Vec::new();
    for w in line.split_whitespace() {
        words.push(w.to_lowercase());
    }
    let text = words.join(" ");
    if text.chars().count() < 3 {
        return Vec::new();
    }
    let mut out = vec![text.clone()];
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                if let Some(n) = text[s..i].parse::<i64>().ok().filter(|_| i - s <= 3) {
                    out.push(format!("{}#{}#{}", &text[..s], n - p as i64, &text[i..]));
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether a line holds a figure of a table or a sentence: a grouped number (`68 143 865`), a
/// number with decimals (`14,7`), a negative number (`-3,4`), a number of five or more digits, or
/// a number before a unit (`944 kr`, `12 %`). Such a line is never furniture, however often it
/// repeats. A year (`2020`), a reference (`S2019/05301/SF`) or a small number is not a figure.
fn holds_figure(line: &str) -> bool {
    const UNITS: [&str; 11] = [
        "kr",
        "kronor",
        "mkr",
        "mnkr",
        "tkr",
        "msek",
        "sek",
        "%",
        "procent",
        "miljoner",
        "miljarder",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        let Some((signed, unsigned, digits)) = number_word(w) else {
            return false;
        };
        let next = words.get(i + 1).copied().unwrap_or("");
        let grouped = unsigned.len() <= 3
            && digits == unsigned.len()
            && number_word(next).is_some_and(|(_, u, d)| u.len() == 3 && d == 3);
        grouped
            || unsigned.contains([',', '.'])
            || unsigned.ends_with('%')
            || signed.len() > unsigned.len()
            || digits >= 5
            || UNITS.contains(&next.to_lowercase().trim_end_matches(['.', ',']))
    })
}

/// A word that is a number, as (with its sign, without it, digit count); `None` for any other.
fn number_word(w: &str) -> Option<(&str, &str, usize)> {
    let w = w.trim_end_matches([',', '.', ';', ':', ')']);
    let w = w.trim_start_matches('(');
    let unsigned = w.trim_start_matches(['-', '−', '–', '+']);
    let digits = unsigned.chars().filter(char::is_ascii_digit).count();
    let shape = unsigned
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '%');
    (digits > 0 && shape).then_some((w, unsigned, digits))
}

/// Marks page numbers: lines at a page edge that read as a page number ([`page_number`]) and
/// whose number rises by one from page to page, on at least two pages and on more than half of the
/// pages that have a candidate. A bare number (`3`) needs more: a document of at least three pages,
/// a number on at least half of them, and numbers no larger than the page count and a little
/// (a table figure next to a page break does not count the pages).
fn page_numbers(lines: &[Line<'_>], edges: &[Vec<usize>], marks: &mut [bool]) {
    let pages = edges.len();
    let mut found: Vec<(usize, usize, PageNumber)> = Vec::new();
    for (p, e) in edges.iter().enumerate() {
        for &i in e {
            if let Some(n) = page_number(lines[i].trimmed()) {
                if n.number <= n.total.unwrap_or(pages as i64 + 2) {
                    found.push((i, p, n));
                }
            }
        }
    }
    let mut by_offset: HashMap<i64, Vec<usize>> = HashMap::new();
    for (k, &(_, p, n)) in found.iter().enumerate() {
        by_offset.entry(n.number - p as i64).or_default().push(k);
    }
    let Some((_, rising)) = by_offset.into_iter().max_by_key(|(k, v)| (v.len(), -*k)) else {
        return;
    };
    let mut numbered: Vec<usize> = rising.iter().map(|&k| found[k].1).collect();
    numbered.dedup();
    let enough = if rising.iter().all(|&k| found[k].2.bare) {
        pages >= 3 && numbered.len() >= 2 && numbered.len() * 2 >= pages
    } else {
        numbered.len() >= 2
    };
    if enough && rising.len() * 2 > found.len() {
        for k in rising {
            marks[found[k].0] = true;
        }
    }
}

/// A page number read from a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PageNumber {
    number: i64,
    /// The page count the line states (`av 9`, `(9)`, `/9`).
    total: Option<i64>,
    /// Just the number, with nothing around it to say it is a page number.
    bare: bool,
}

/// The number of a page-number line: `3`, `- 3 -`, `Sida 3`, `Sida 3 av 9`, `3 (9)`, `3/9`.
/// A page number has one to three digits and no leading zero; grouped numbers (`3 823`), decimals,
/// negative numbers (`-3`) and larger numbers are figures.
fn page_number(line: &str) -> Option<PageNumber> {
    let l = line.to_lowercase();
    let dashed = ['-', '–'].iter().find_map(|&d| {
        l.strip_prefix(d)
            .and_then(|r| r.strip_suffix(d))
            .map(str::trim)
    });
    let l = dashed.unwrap_or(&l);
    let worded = l.strip_prefix("sida ").or_else(|| l.strip_prefix("sid. "));
    let l = worded.unwrap_or(l).trim();
    let digits = l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 || l.starts_with('0') {
        return None;
    }
    let rest = l[digits..].trim();
    let total = if rest.is_empty() {
        None
    } else {
        let t = rest
            .strip_prefix("av ")
            .or_else(|| rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')))
            .or_else(|| rest.strip_prefix('/'))?
            .trim();
        if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        t.parse().ok()
    };
    Some(PageNumber {
        number: l[..digits].parse().ok()?,
        total,
        bare: dashed.is_none() && worded.is_none() && total.is_none(),
    })
}

/// Character offsets of the page starts in `text`: 0, then the character after each form feed
/// that is followed by more text (a final form feed does not open an empty page).
pub(crate) fn page_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut chars = 0;
    let mut pending = None;
    for c in text.chars() {
        chars += 1;
        if c == '\x0c' {
            pending = Some(chars);
        } else if let Some(p) = pending.take() {
            if starts.last() != Some(&p) {
                starts.push(p);
            }
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::apply;

    fn run(input: &str) -> String {
        apply(input, &layout(input)).0
    }

    #[track_caller]
    fn assert_layout(input: &str, expected: &str) {
        assert_eq!(run(input), expected);
    }

    #[track_caller]
    fn assert_unchanged(input: &str) {
        assert_eq!(run(input), input, "{input:?} was changed");
    }

    const LONG: &str = "Staten och Sveriges Kommuner och Regioner har ingått en överenskommelse om";

    #[test]
    fn joins_line_end_hyphenation() {
        assert_layout(
            "bidrar till en effektiv rehabili-\nteringsprocess inom vården",
            "bidrar till en effektiv rehabiliteringsprocess inom vården",
        );
        assert_unchanged("rehabilitering inom vården");
    }

    #[test]
    fn keeps_suspended_compounds() {
        for word in SUSPENDED_BEFORE {
            let input = format!(
                "en kvalitetssäker och effektiv sjukskrivnings-\n{word} rehabiliteringsprocess"
            );
            let expected = format!(
                "en kvalitetssäker och effektiv sjukskrivnings- {word} rehabiliteringsprocess"
            );
            assert_layout(&input, &expected);
        }
        // Trailing blanks after the hyphen, as in exported PDFs.
        assert_layout(
            "lagreglerat åtagande, inskrivet i Hälso- \noch sjukvårdslagen",
            "lagreglerat åtagande, inskrivet i Hälso- och sjukvårdslagen",
        );
    }

    #[test]
    fn keeps_hyphens_that_belong_to_the_word() {
        assert_layout(
            "som ir svirt sjuka 1 covid-\n19. Detta far konsekvenser",
            "som ir svirt sjuka 1 covid-19. Detta far konsekvenser",
        );
        assert_layout(
            "regionerna ska utveckla sina e-\ntjänster för invånarna",
            "regionerna ska utveckla sina e-tjänster för invånarna",
        );
        assert_layout(
            "insatser inom området IT-\nstöd för handläggarna",
            "insatser inom området IT-stöd för handläggarna",
        );
        assert_layout(
            "ersättningen till Region Jämtland-\nHärjedalen minskar",
            "ersättningen till Region Jämtland-Härjedalen minskar",
        );
    }

    #[test]
    fn leaves_dashes_that_are_not_hyphenation() {
        assert_unchanged("Övrigt : -0,2 Mkr\n-0,5 Mkr");
        assert_unchanged("Ekonomiskt överskott\n\n- första punkten");
    }

    #[test]
    fn unwraps_lines_inside_a_paragraph() {
        assert_layout(
            &format!("{LONG}\natt avsätta 944 miljoner kronor"),
            &format!("{LONG} att avsätta 944 miljoner kronor"),
        );
        // A figure at the end of both lines is a table's, unless the next line opens with the
        // figure's unit or scale; a unit at the end of the next line is prose.
        assert_layout(
            &format!("{LONG} tillförs 7,4\nmiljarder kronor."),
            &format!("{LONG} tillförs 7,4 miljarder kronor."),
        );
        assert_layout(
            &format!("{LONG} rehabilitering, 300\nmiljoner kronor för kompetensutveckling och 50"),
            &format!("{LONG} rehabilitering, 300 miljoner kronor för kompetensutveckling och 50"),
        );
        assert_layout(
            "Regionerna terrapporterar till Forsikringskassan senast den 11\ndecember 2020 det som anges",
            "Regionerna terrapporterar till Forsikringskassan senast den 11 december 2020 det som anges",
        );
    }

    #[test]
    fn keeps_paragraph_breaks_lists_and_tables() {
        assert_unchanged(&format!("{LONG}\n\nNästa stycke börjar här."));
        assert_unchanged(&format!("{LONG}\n1. Ledning och styrning"));
        assert_unchanged("Område 2 Funktion för koordinering420\n430\nTotalt1 444\n1 444");
        assert_unchanged(
            "Intäkter från staten 14,7 Mkr\nErsättning till primärvården för behandlingar: -3,4 Mkr",
        );
        assert_unchanged("Ulrika Havossar\nFörsäkringsdirektör\nAvdelningen för\nsjukförsäkring");
        // Rows run into their figures, the next starting with a lower-case item code.
        assert_unchanged(
            "Disponeras av Regeringskansliet/Utrikesdepartementet9 704 486\n\
             ap.13Internationella finansieringsinstitutioner (ram)2 570 780\n\
             ap.15Europeiska utvecklingsfonden (ram)1 050 800",
        );
        // A row ends in a unit of the unit table.
        assert_unchanged("Intäkter 14,7 MSEK\nKostnader 12,1 Mkr\nResultat 2,6 EUR");
        assert_unchanged(
            "Följande insatsområden ingår i överenskommelsen för 2020:\nLedning och styrning",
        );
    }

    fn pages(bodies: &[&str]) -> String {
        bodies.join("\n\x0c")
    }

    #[test]
    fn drops_running_headers_and_page_numbers() {
        let input = pages(&[
            "Överenskommelse 2020\n\nText på sidan ett.\n\n1",
            "Överenskommelse 2020\n\nText på sidan två.\n\n2",
            "Överenskommelse 2020\n\nText på sidan tre.\n\n3",
        ]);
        let out = run(&input);
        assert!(!out.contains("Överenskommelse 2020"), "{out:?}");
        assert!(out.contains("Text på sidan ett.") && out.contains("Text på sidan tre."));
        assert!(!out.contains("\n3"), "{out:?}");
        assert_eq!(out.matches('\x0c').count(), 2, "page breaks are kept");
    }

    #[test]
    fn keeps_repeated_lines_on_too_few_pages_and_numbers_that_do_not_count_pages() {
        let two = pages(&["Rubrik\n\nEtt.\n\n1", "Rubrik\n\nTvå.\n\n2"]);
        assert_unchanged(&two);
        let numbers = pages(&["Text.\n\n7", "Text två.\n\n3", "Text tre.\n\n12"]);
        assert!(run(&numbers).contains("12"));
    }

    /// Removed lines of `input`, trimmed, in order.
    fn removed(input: &str) -> Vec<String> {
        layout(input)
            .iter()
            .filter(|c| c.kind == EditKind::Furniture)
            .map(|c| input[c.start..c.end].trim().to_string())
            .collect()
    }

    #[track_caller]
    fn assert_removed(bodies: &[&str], expected: &[&str]) {
        assert_eq!(removed(&pages(bodies)), expected);
    }

    #[track_caller]
    fn assert_no_furniture(bodies: &[&str]) {
        let input = pages(bodies);
        assert_eq!(removed(&input), Vec::<String>::new(), "{input:?}");
    }

    #[test]
    fn drops_page_numbers_in_their_usual_forms() {
        assert_removed(
            &[
                "Ett.\n\nSida 1 av 3",
                "Två.\n\nSida 2 av 3",
                "Tre.\n\nSida 3 av 3",
            ],
            &["Sida 1 av 3", "Sida 2 av 3", "Sida 3 av 3"],
        );
        // Two pages are enough when the line says it is a page number.
        assert_removed(
            &["Ett.\n\nSida 2 av 5", "Två.\n\nSida 3 av 5"],
            &["Sida 2 av 5", "Sida 3 av 5"],
        );
        assert_removed(
            &["2 (14)\nEtt.", "3 (14)\nTvå.", "4 (14)\nTre."],
            &["2 (14)", "3 (14)", "4 (14)"],
        );
        // The cover has no number; bare numbers rise from the second page.
        assert_removed(
            &["Omslag", "Två.\n\n- 2 -", "Tre.\n\n- 3 -", "Fyra.\n\n- 4 -"],
            &["- 2 -", "- 3 -", "- 4 -"],
        );
        assert_removed(&["Ett.\n1", "Två.\n2", "Tre.\n3"], &["1", "2", "3"]);
    }

    #[test]
    fn drops_running_headers_with_a_rising_page_number() {
        assert_removed(
            &[
                "Rapport 2020, sida 1\nEtt.",
                "Rapport 2020, sida 2\nTvå.",
                "Rapport 2020, sida 3\nTre.",
            ],
            &[
                "Rapport 2020, sida 1",
                "Rapport 2020, sida 2",
                "Rapport 2020, sida 3",
            ],
        );
    }

    #[test]
    fn keeps_figures_of_a_table_at_page_breaks() {
        // One cell per line on six pages, every page opening and closing with a figure of the same
        // shape: these were removed as a "running header" when lines were compared with digits
        // masked.
        assert_no_furniture(&[
            "Stockholm\n\n237 682 967\n\nText om Stockholm.\n\n2 361 220",
            "Uppsala\n\n607 879 560\n\nText om Uppsala.\n\n8 767 488",
            "Skåne\n\n907 314 196\n\nText om Skåne.\n\n8 129 955",
            "Halland\n\n499 543 722\n\nText om Halland.\n\n1 812 556",
            "Gävleborg\n\n372 838 921\n\nText om Gävleborg.\n\n4 705 204",
            "Norrbotten\n\n425 131 122\n\nText om Norrbotten.\n\n1 765 654",
        ]);
        // One cell per line: the figure next to each form feed is a table figure, not furniture.
        assert_no_furniture(&[
            "Län\n\nStockholm\n\n317 989 729\n\n3 823 518",
            "Uppsala\n\n68 143 865\n\n2 546",
            "Skåne\n\n112 004 310\n\n9 870",
            "Totalt\n\n1 367 000 000",
        ]);
        // Rows whose labels and figures differ share a shape, not a text.
        assert_no_furniture(&[
            "Stockholm 68 143 865\nEtt.\nUppsala 12 345 678",
            "Stockholm 68 143 866\nTvå.\nUppsala 12 345 679",
            "Stockholm 68 143 867\nTre.\nUppsala 12 345 680",
        ]);
        // A total repeated on every page is still a figure.
        assert_no_furniture(&[
            "Ett.\nTotalt 1 367 000 000",
            "Två.\nTotalt 1 367 000 000",
            "Tre.\nTotalt 1 367 000 000",
        ]);
    }

    #[test]
    fn keeps_numbers_that_are_not_page_numbers() {
        // A lone grouped number, a decimal, a negative, a four-digit number: never page numbers.
        for [a, b, c] in [
            ["2 546", "2 547", "2 548"],
            ["1,5", "2,5", "3,5"],
            ["-1", "-2", "-3"],
            ["1001", "1002", "1003"],
        ] {
            assert_no_furniture(&[
                &format!("Ett.\n{a}"),
                &format!("Två.\n{b}"),
                &format!("Tre.\n{c}"),
            ]);
        }
        // Numbers that do not rise by one, or are far larger than the page count.
        assert_no_furniture(&["Ett.\n\n4", "Två.\n\n4", "Tre.\n\n4"]);
        assert_no_furniture(&["Ett.\n\n2", "Två.\n\n4", "Tre.\n\n6"]);
        assert_no_furniture(&["Ett.\n\n40", "Två.\n\n41", "Tre.\n\n42"]);
        // Bare numbers on two pages of two are as likely a table's.
        assert_no_furniture(&["Ett.\n\n1", "Två.\n\n2"]);
    }

    #[test]
    fn keeps_lines_with_a_figure_that_appear_once() {
        // A year and text, a figure in a sentence: they differ from page to page.
        assert_no_furniture(&[
            "Budget 2019\nEtt.",
            "Budget 2020\nTvå.",
            "Budget 2021\nTre.",
        ]);
        assert_no_furniture(&[
            "Region Skåne får 944 kr.\nEtt.",
            "Region Skåne får 12 kr.\nTvå.",
            "Region Skåne får 7 kr.\nTre.",
        ]);
    }

    #[test]
    fn joins_across_a_page_break() {
        let input = format!("{LONG} rehabili-\n\x0cteringsprocessen ska fortsätta");
        let out = run(&input);
        assert!(out.contains("rehabiliteringsprocessen\x0c ska"), "{out:?}");
    }

    #[test]
    fn page_starts_follow_form_feeds() {
        assert_eq!(page_starts("ab\n\x0ccd\n\x0c"), vec![0, 4]);
        assert_eq!(page_starts(""), vec![0]);
    }
}
