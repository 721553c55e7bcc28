//! Page and line structure: page furniture (`furniture.rs`), line-end hyphenation, paragraph
//! unwrapping.
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
//!   a capitalised word the lexicon does not know after a lower-case fragment keeps its line break
//!   too (older print's `Val-`⏎`Hiere` is an OCR capital inside a word, not a double name, and
//!   joining it would make the text worse than the OCR), so this step reads the lexicon;
//! - **unwrap** a line break inside a paragraph into a space, when the line was wrapped by the
//!   typesetter: it continues in lower case, or it runs close to the page's text width. A caption
//!   ending in its year keeps the unit line under it (`resultaträkning, 2019–2020` ⏎ `miljoner
//!   kronor efter region`), so that the year is not read as a figure in that unit, and a line
//!   stating a unit over two rows (`Kommun Belopp (tkr)` ⏎ `Ale 1 204` ⏎ `Alingsås 2 310`) is a
//!   table's header, kept apart from its first row.
//!
//! Deliberately not done: list items, table rows and short lines (signature blocks, headings) keep
//! their breaks, because line structure is how [`crate::validate`] finds lists and tables. Form
//! feeds stay in the text; `page_starts` turns them into the record's `pages`. Blank lines
//! (paragraph breaks) are kept.

mod furniture;

use crate::lexicon::lexicon;
use crate::number::{self, units};
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
    let furniture = furniture::furniture(&lines);
    let width = text_width(&lines);
    let rows = row_blocks(&lines);
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
        if rows[i] || rows[i + 1] || header_over_rows(&lines, i) || heads_rows(&lines, i + 1) {
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
    if capital_inside_a_word(a_text, b_text) {
        return None;
    }
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
    // A one-letter word or an abbreviation keeps its hyphen (`e-`⏎`tjänster`, `IT-`⏎`stöd`), but
    // letters after an apostrophe start a longer word behind an elided article
    // (`d'E-`⏎`ducation`).
    let elided = stem
        .chars()
        .rev()
        .nth(last_word.chars().count())
        .is_some_and(|c| matches!(c, '\'' | '’'));
    let keeps_hyphen = first.is_ascii_digit()
        || first.is_uppercase()
        || (!elided
            && (last_word.chars().count() == 1
                || (last_word
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit())
                    && last_word.chars().count() <= 4)));
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

/// Whether `a` ends in a line-end hyphen after a lower-case letter and `b` goes on with a
/// capitalised word the lexicon does not know (`Val-`⏎`Hiere`, old print's `Valliére`): the
/// capital is no name's (`Jämtland-`⏎`Härjedalen`, `Ing-`⏎`Marie` go on with words the lexicon
/// lists) but, as often as not, a letter the OCR read as a capital inside a word. Neither join
/// is safe: keeping the hyphen glues a misread into the word, dropping it would glue two names.
/// The break is left as it was, so layout never makes such a line worse than the input.
fn capital_inside_a_word(a: &str, b: &str) -> bool {
    let Some(stem) = a.strip_suffix(['-', '\u{2010}']) else {
        return false;
    };
    if !stem.chars().next_back().is_some_and(char::is_lowercase) {
        return false;
    }
    let next: String = b.chars().take_while(|c| c.is_alphabetic()).collect();
    let mut letters = next.chars();
    // A capital followed by lower case only: the shape of a name (`LO-`⏎`TCO` is an acronym's).
    if !(letters.next().is_some_and(char::is_uppercase) && letters.all(char::is_lowercase))
        || next.chars().count() < 2
    {
        return false;
    }
    lexicon()
        .word_or_compound_frequency(&next.to_lowercase())
        .is_none()
}

/// Whether the break between `a` and `b` (both trimmed, non-blank) is a typesetter's wrap.
fn unwraps(a: &str, b: &str, width: usize) -> bool {
    if is_list_item(b)
        || is_numeric(a)
        || is_numeric(b)
        || are_labels(a, b)
        || header_then_row(a, b)
        || caption_then_unit_line(a, b)
        || column_year_over_unit(a, b)
        || is_aligned(a)
        || is_aligned(b)
    {
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
            || opens_with_code(b)
            || (b.ends_with(|c: char| c.is_ascii_digit()) && !continues_figure(b)))
    {
        return false;
    }
    if last == ':' {
        return false;
    }
    // `1:5 Bidrag till folkhälsa (ram) 120 500 Folkhälsomyndigheten` ⏎ `1:6 Bidrag …`: two rows
    // ending in a text column's name, the second opening with its item code, are rows too.
    if is_row_like(a) && is_row_like(b) && (opens_with_code(b) || opens_with_anslag(b)) {
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

/// Whether a line is set in aligned columns (`Nämnd      Intäkter    Kostnader    Netto`): a
/// tab, or two gaps of three spaces or more. A typesetter's wrap joins sentences; a table's
/// header line and its first row stay lines. (Justified prose widens its gaps evenly, by a
/// space or two.) A line with two cell bars or more (`Ale | 512 000 |`, as web pages and
/// office exports write a table) is set in columns too: prose has no such bars, and a short
/// document's narrow text width otherwise ran a whole table into one line, its cells lost.
fn is_aligned(s: &str) -> bool {
    s.contains('\t')
        || s.split("   ").filter(|p| !p.trim().is_empty()).count() >= 3
        || s.bytes().filter(|&b| b == b'|').count() >= 2
}

/// Whether `a` and `b` are two lines of a table's label column, as OCR reads it apart from the
/// values (`Teknisk verksamhet - skattefinansierad` ⏎ `Exploateringsverksamhet`): each short,
/// capitalised, without figures or sentence punctuation, `a` ending in a whole word of a label
/// rather than a function word a sentence breaks after.
fn are_labels(a: &str, b: &str) -> bool {
    let label = |s: &str| {
        s.chars().count() <= 60
            && s.starts_with(char::is_uppercase)
            && !s.contains(|c: char| c.is_ascii_digit() || ".!?:;()".contains(c))
            && s.ends_with(char::is_alphabetic)
    };
    let last = a.rsplit(' ').next().unwrap_or("");
    label(a) && label(b) && last.chars().count() >= 5 && b.split_whitespace().count() <= 6
}

/// Whether `year`, ending a line after `before` (the text before it), is a caption's year over the
/// unit line opening with `head` (`BRP per riksområde, 2008` ⏎ `Miljoner kr, löpande priser`;
/// `resultaträkning, 2019–2020` ⏎ `miljoner kronor efter region`): the year dates the table and is
/// no figure in that unit. A caption is told from wrapped prose (`ökar med 2008` ⏎ `miljoner
/// kronor`) by a comma before the year, by a year range, or by a capitalised scale or unit word
/// opening the next line (`Miljoner`, `Tkr`), which prose never has mid-sentence.
pub(crate) fn caption_year(before: &str, year: &str, head: &str) -> bool {
    let glued = |s: &str| s.ends_with(char::is_alphanumeric);
    if !is_year(year) || glued(before) {
        return false;
    }
    let before = before.trim_end_matches([' ', '\u{a0}']);
    let range_end = before
        .strip_suffix(|c: char| number::is_minus(c))
        .map(|b| b.trim_end_matches([' ', '\u{a0}']))
        .is_some_and(|b| {
            let rest = b.trim_end_matches(|c: char| c.is_ascii_digit());
            is_year(&b[rest.len()..]) && !glued(rest)
        });
    // `Tkr` and `Kronor` open no line of a sentence either: a unit in capitals is a table's.
    let capitalised_scale =
        (units::scale_of(head).is_some() || is_unit(head)) && head.starts_with(char::is_uppercase);
    before.ends_with(',') || range_end || capitalised_scale
}

/// Whether line `k` states a unit (`Kommun Belopp (tkr)`, `Organisation Beviljat belopp (kr)`)
/// and the two lines after it are rows (each opens with a capital or a digit and ends in a
/// figure): the line is the header of a table, so neither the caption above it nor its first row
/// is the same sentence going on. Without this, a short document's narrow text width made the
/// caption, the header and the first row one line, and the table lost its unit and its headers.
fn header_over_rows(lines: &[Line<'_>], k: usize) -> bool {
    // The two rows are checked first: looking each word up in the unit table is the dear part,
    // and this runs for every line of every document.
    is_row(lines, k + 1)
        && is_row(lines, k + 2)
        && text_of(lines, k).is_some_and(|t| {
            t.split_whitespace()
                .any(|w| is_unit(w.trim_matches(|c: char| "()[],:;".contains(c))))
        })
}

/// Fewest consecutive row-like lines ([`is_row_like`]) that are a table's rows.
const MIN_ROW_BLOCK: usize = 3;

/// Which lines belong to a block of at least [`MIN_ROW_BLOCK`] consecutive row-like lines: table
/// rows, each a line of its own, whatever their length. A row whose last column is text
/// (`IFK Lund 25 000 Ungdomsverksamhet`, `ap.1 Professionssatsningen (ram) 897 000
/// Socialstyrelsen`) does not end in a figure, and in a short document, whose text width its
/// rows set, every such row was unwrapped into one paragraph and the table lost.
///
/// A single blank line between rows does not end the block: OCR puts one between rows here and
/// there (`Stadsmissionen 60 000` ⏎ ⏎ `Friskis och Svettis 15 500 Projekt för äldre`).
fn row_blocks(lines: &[Line<'_>]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    // The current run: its row-like lines, and blank lines in a row since its last one.
    let mut run: Vec<usize> = Vec::new();
    let mut blanks = 0;
    let mut close = |run: &mut Vec<usize>| {
        if run.len() >= MIN_ROW_BLOCK {
            for &k in run.iter() {
                out[k] = true;
            }
        }
        run.clear();
    };
    for (k, line) in lines.iter().enumerate() {
        let t = line.trimmed();
        if t.is_empty() {
            blanks += 1;
            if blanks > 1 {
                close(&mut run);
            }
        } else if is_row_like(t) {
            blanks = 0;
            run.push(k);
        } else {
            blanks = 0;
            close(&mut run);
        }
    }
    close(&mut run);
    out
}

/// Whether `t` reads as a table row: it opens with a capital, a digit or an item code, holds a
/// figure standing as a word of its own (`25 000`, `-1,5`), and after its last figure has at most
/// a few words of text opening with a capital (`Socialstyrelsen`, `Projekt för äldre`), as a text
/// column does; a sentence goes on in lower case after its figures (`100 miljoner kronor till`).
fn is_row_like(t: &str) -> bool {
    if t.is_empty() || t.len() > 160 {
        return false;
    }
    let opens =
        t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || opens_with_code(t);
    if !opens {
        return false;
    }
    let figure = |w: &str| {
        // `(45 600)`: an accounting negative is a figure too.
        let w = w.strip_prefix('(').unwrap_or(w);
        let w = w.strip_suffix(')').unwrap_or(w);
        let w = w.trim_start_matches(|c: char| number::is_minus(c));
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '%')
    };
    // Read from the end, and without collecting the words: this runs for every line. The label's
    // first word is no part of the check (`Region Skåne` holds no figure). `tail` holds the words
    // after the last figure, last first.
    let mut tail = [""; 4];
    let mut words = t.split_whitespace();
    words.next();
    for (n, w) in words.rev().enumerate() {
        if figure(w) {
            let Some(&head) = n.checked_sub(1).map(|k| &tail[k]) else {
                return true;
            };
            return head.starts_with(char::is_uppercase)
                && !is_unit(head.trim_end_matches(['.', ',']))
                && units::scale_of(head).is_none()
                && tail[..n]
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
        }
        if n == tail.len() {
            return false;
        }
        tail[n] = w;
    }
    false
}

/// Whether line `k` is a column header over a table's rows (`Belopp`, `Kommun Beviljat`,
/// `Region 2024 2025`): it opens with a capital, does not end in a figure itself, and the two
/// lines after it are rows (see [`header_over_rows`]). The line above it is then a caption or
/// a sentence of its own, not one the header goes on: joined, the header was lost into the
/// caption, and the table's cells with it.
fn heads_rows(lines: &[Line<'_>], k: usize) -> bool {
    // The rows first: most lines have no figure at their end, and this runs for every line. The
    // second row may stand after a blank line, as OCR leaves one between rows.
    let second = if text_of(lines, k + 2).is_none() {
        k + 3
    } else {
        k + 2
    };
    is_row(lines, k + 1)
        && is_row(lines, second)
        && text_of(lines, k).is_some_and(|t| {
            t.starts_with(char::is_uppercase) && !ends_in_figure(t) && !t.ends_with(['.', ':'])
        })
}

/// The words of line `k`, if it has any.
fn text_of<'a>(lines: &[Line<'a>], k: usize) -> Option<&'a str> {
    lines
        .get(k)
        .map(|l| l.content.trim())
        .filter(|t| !t.is_empty())
}

/// Whether line `k` is a table row that ends in its figure: it opens with a capital or a digit.
fn is_row(lines: &[Line<'_>], k: usize) -> bool {
    text_of(lines, k).is_some_and(|t| {
        t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) && ends_in_figure(t)
    })
}

/// Whether `a` ends in a caption's year and `b` opens with the unit it is no figure in (see
/// [`caption_year`]): the caption and the unit line stay two lines.
fn caption_then_unit_line(a: &str, b: &str) -> bool {
    let before = a.trim_end_matches(|c: char| c.is_ascii_digit());
    let head = b.split_whitespace().next().unwrap_or("");
    let head = head.trim_end_matches([',', '.', ':', ';']);
    caption_year(before, &a[before.len()..], head) && continues_figure(head)
}

/// Whether `line`, ending in a year after a column gap (`Utgiftsområde      Anslag 2026`), is a
/// header line over `next`, a line holding that column's unit alone (`mnkr`, `(tkr)`): the unit
/// is written under its header, and the year is no figure in it. Wrapped prose keeps no column
/// gaps, and its unit line goes on with the sentence.
pub(crate) fn column_year_over_unit(line: &str, next: &str) -> bool {
    let before = line
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit());
    let year = &line.trim_end()[before.len()..];
    let gapped = before.contains('\t') || before.trim().contains("  ");
    let unit = next.trim();
    let unit = (unit.strip_prefix('(').and_then(|u| u.strip_suffix(')'))).unwrap_or(unit);
    gapped && year.len() == 4 && is_year(year) && before.ends_with([' ', '\t']) && is_unit(unit)
}

/// Whether `s` is written as a year of a public document (four digits, 1900–2099).
fn is_year(s: &str) -> bool {
    s.len() == 4 && is_digits(s) && s.parse::<u16>().is_ok_and(|y| (1900..=2099).contains(&y))
}

/// Whether `a` is a table header ending in its column's unit in parentheses (`Indrag av
/// anslagsbelopp (tkr)`) and `b` opens with an anslag or item code (`90:1 ap.1 0 Inget 0`,
/// `ap.1`, `1:1`): `b` is the table's first row, not the header's sentence going on.
fn header_then_row(a: &str, b: &str) -> bool {
    let unit_in_parens = a
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once('('))
        .is_some_and(|(_, u)| is_unit(u.trim()));
    unit_in_parens && (opens_with_anslag(b) || opens_with_code(b))
}

/// Whether `line` opens with an anslag's code (`1:5`, `90:1`).
fn opens_with_anslag(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    first
        .split_once(':')
        .is_some_and(|(x, y)| is_digits(x) && is_digits(y))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
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

/// Whether `line` opens with an item code (`ap.14 Biståndsverksamhet (ram)`): a word of letters
/// and digits that no sentence continues with, as the next row of a table does when OCR moved
/// the row's figure onto a line of its own.
fn opens_with_code(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    first.starts_with(char::is_alphabetic)
        && first.contains(['.', ':'])
        && first.ends_with(|c: char| c.is_ascii_digit())
}

/// Whether `line` opens with the unit or scale word of the figure the line before ended in
/// (`300` ⏎ `miljoner kronor till …`): the sentence goes on.
fn continues_figure(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    is_unit(first) || units::scale_of(first).is_some()
}

/// A currency unit of the unit table, as written or in lower case (`Kr.`, `MSEK`, `tkr`).
fn is_unit(word: &str) -> bool {
    if units::unit_of(word).is_some() {
        return true;
    }
    // A word that is its own lower case was just looked up: each lookup scans the unit table.
    let lower = word.to_lowercase();
    lower != word && units::unit_of(&lower).is_some()
}

/// Whether a line ends in a figure or unit, as a table row does. Lone dashes after the figures
/// are empty cells (`Förvärv och rivningar -51 - -212 -`): the row still ends in its figures,
/// and read as a hyphen's line break, it ran into the next row's label with its cells.
fn ends_in_figure(line: &str) -> bool {
    let last_word = line
        .rsplit(char::is_whitespace)
        .find(|w| !matches!(*w, "-" | "–" | "—"))
        .unwrap_or("");
    last_word
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || c == '%')
        || is_unit(last_word.trim_end_matches('.'))
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
        } else if let Some(p) = pending.take()
            && starts.last() != Some(&p)
        {
            starts.push(p);
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
        // A letter after an elided article is no one-letter word.
        assert_layout(
            "Théatre d'E-\nducation, 5 vol.",
            "Théatre d'Education, 5 vol.",
        );
        assert_layout("Théatre d’E-\nducation", "Théatre d’Education");
    }

    #[test]
    fn a_capital_the_lexicon_does_not_know_after_a_hyphen_keeps_its_break() {
        // (input, output): a double name goes on with a word the lexicon lists and is joined
        // with its hyphen; a capital starting no word is left on its line, hyphen and break
        // as they were, whichever join would be right.
        for (input, expected) in [
            (
                "till Region Jämtland-\nHärjedalen i år",
                "till Region Jämtland-Härjedalen i år",
            ),
            ("enligt Ing-\nMarie Persson", "enligt Ing-Marie Persson"),
            (
                "samverkan med LO-\nTCO centralt",
                "samverkan med LO-TCO centralt",
            ),
            (
                "La Duchesse de la Val-\nHiere, 2 Rdr",
                "La Duchesse de la Val-\nHiere, 2 Rdr",
            ),
            (
                "en viktig rehabili-\nTeringsinsats",
                "en viktig rehabili-\nTeringsinsats",
            ),
            // Lower case goes on as before: a hyphenated word is joined.
            ("de la Val-\nliére, 2 Rdr", "de la Valliére, 2 Rdr"),
        ] {
            assert_layout(input, expected);
        }
    }

    #[test]
    fn leaves_dashes_that_are_not_hyphenation() {
        assert_unchanged("Övrigt : -0,2 Mkr\n-0,5 Mkr");
        assert_unchanged("Ekonomiskt överskott\n\n- första punkten");
    }

    #[test]
    fn a_row_ending_in_a_dash_cell_is_not_unwrapped_into_the_next_row() {
        // (line, next line, whether the break is a wrap); a long width, so length alone would wrap.
        for (a, b, wraps) in [
            (
                "Förvärv och rivningar -51 - -212 - -246 - -407 -",
                "Idrotts- och föreningsnämnden -78 7 -284 -1",
                false,
            ),
            (
                "Omklädningsbyggnader - - -17 - -2 - -19 –",
                "Markanläggningar -1 - -9 - -7 - -17 -",
                false,
            ),
            // No figure before the dash: a word's hyphen or a pause in prose, judged as before.
            (
                "Nämnden har under året arbetat med bland annat -",
                "Idrotts- och föreningsfrågor",
                true,
            ),
            (
                "Beslutet omfattar samtliga verksamheter inom den kommunala -",
                "organisationen i länet",
                true,
            ),
        ] {
            assert_eq!(unwraps(a, b, 50), wraps, "{a:?} ⏎ {b:?}");
        }
    }

    #[test]
    fn lines_set_in_aligned_columns_are_not_unwrapped() {
        // A header line over its first row.
        assert!(!unwraps(
            "Nämnd      Intäkter    Kostnader    Netto",
            "Kommunstyrelsen            45,2       -312,8    -267,6",
            60
        ));
        assert!(!unwraps(
            "Område\tBudget\tUtfall",
            "Kommunstyrelsen och dess förvaltning",
            40
        ));
        // Cells between bars, as a web page's table is exported.
        assert_unchanged(
            "Fördelning\n\nKommun | Belopp, kr |\nAle | 512 000 |\nBorås | 2 145 000 |\n",
        );
        // Prose with a gap or two widened by justification still unwraps, and so does a
        // sentence with one bar in it.
        assert!(unwraps(
            "Beslutet gäller verksamhetsåret | se",
            "bilagan för detaljer om",
            30
        ));
        assert!(unwraps(
            "Nämnden  beslutade  att fördela bidraget   till",
            "kommunerna enligt tabellen.",
            40
        ));
    }

    #[test]
    fn a_header_stating_a_unit_is_not_unwrapped_into_the_rows_under_it() {
        // Short documents have a narrow text width, so without the rule each of these headers
        // ran into its first row.
        for header in [
            "Kommun Belopp (tkr)",
            "Organisation Beviljat belopp (kr)",
            "Län Kronor",
            "Kommunnamn Tkr",
        ] {
            assert_unchanged(&format!(
                "{header}\nAle 1 204\nAlingsås 2 310\nSumma 3 514\n"
            ));
        }
        // One row under it, or a sentence going on in lower case, is no table: the wrap stays
        // a wrap.
        assert_layout(
            "Bidraget uppgår till 40 miljoner kronor och\nRegion Skåne får 2 000\n",
            "Bidraget uppgår till 40 miljoner kronor och Region Skåne får 2 000\n",
        );
        assert_layout(
            "Bidraget uppgår till 40 miljoner kronor och\nsom mest 2 000\nRegion Skåne får 1 000\n",
            "Bidraget uppgår till 40 miljoner kronor och som mest 2 000\nRegion Skåne får 1 000\n",
        );
    }

    #[test]
    fn label_column_lines_are_not_unwrapped() {
        assert!(!unwraps(
            "Teknisk verksamhet - skattefinansierad",
            "Exploateringsverksamhet",
            40
        ));
        // A wrapped sentence still is.
        assert!(unwraps(
            "Nämnden beslutade att fördela bidraget till",
            "kommunerna enligt tabellen.",
            40
        ));
        assert!(!are_labels("Bidraget går till", "Uppsala kommun"));
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
        // A word with a code's dot but no digit at its end goes on the sentence.
        assert_layout(
            &format!("{LONG} beslutade den 11\nkap. ovan och ap. 3 om bidraget"),
            &format!("{LONG} beslutade den 11 kap. ovan och ap. 3 om bidraget"),
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
        // OCR put the figure of the next row on a line of its own: an item code opens a row.
        assert_unchanged(
            "Disponeras av Statens energimyndighet 100 000\n\
             ap.14 Biståndsverksamhet - del till STEM (ram)\n\n100 000",
        );
        assert_unchanged(
            "Konflikthantering (ram) 433200\nap.29 Globalt utvecklingssamarbete (ram)",
        );
        // A row ends in a unit of the unit table.
        assert_unchanged("Intäkter 14,7 MSEK\nKostnader 12,1 Mkr\nResultat 2,6 EUR");
        assert_unchanged(
            "Följande insatsområden ingår i överenskommelsen för 2020:\nLedning och styrning",
        );
    }

    #[test]
    fn a_header_over_rows_is_not_unwrapped_into_the_caption_above_it() {
        for header in [
            "Belopp",
            "Region Belopp",
            "Kommun 2024 2025",
            "Beviljat belopp",
        ] {
            assert_unchanged(&format!(
                "Medel per region (kronor)\n{header}\nAle 1 204 000\nAlingsås 2 310 000\n"
            ));
        }
        // A sentence going on in lower case, or one row only: the wrap is undone.
        assert_layout(
            "Medlen fördelas enligt den modell som\nbeskrivs nedan\nAle 1 204 000\nAlingsås 2 310 000\n",
            "Medlen fördelas enligt den modell som beskrivs nedan\nAle 1 204 000\nAlingsås 2 310 000\n",
        );
        assert_layout(
            "Medlen fördelas enligt den modell som\nRegeringen beslutat\nAle 1 204 000\n",
            "Medlen fördelas enligt den modell som Regeringen beslutat\nAle 1 204 000\n",
        );
    }

    #[test]
    fn rows_with_a_text_column_after_their_figures_stay_lines() {
        for rows in [
            // OCR leaves a blank line between rows here and there.
            "Organisation Belopp Kommentar\nRöda Korset 45 000 Verksamhetsbidrag\nStadsmissionen 60 000\n\nFriskis och Svettis 15 500 Projekt för äldre\nSumma 120 500\n",
            "Kommun Antal invånare Belopp (kr)\nAle 32 000 1 204 000\n\nAlingsås 42 500 2 310 000\n\nBorås 115 000 5 600 000\n",
            "Organisation Belopp Kommentar\nRöda Korset 45 000 Verksamhetsbidrag\nStadsmissionen 60 000\nFriskis och Svettis 15 500 Projekt för äldre\nSumma 120 500\n",
            "Anslag Belopp Disponeras av\nap.1 Professionssatsningen (ram) 897 000 Socialstyrelsen\nap.2 Bidrag (ram) 1 250 000 Kammarkollegiet\nap.3 Psykisk hälsa (ram) 304 500 Kammarkollegiet\n",
            // Accounting negatives in parentheses end rows too.
            "Nämnd Budget Avvikelse\nSocialnämnden 310 000 (45 600)\nKultur 12 000 (1 200)\nSumma 322 000 (46 800)\n",
            // Two rows only, the second opening with its anslag's code.
            "Anslag Belopp Disponeras av\n1:5 Bidrag till folkhälsa (ram) 120 500 Folkhälsomyndigheten\n1:6 Bidrag till hälso- och sjukvård (ram) 954 300 Kammarkollegiet\n",
        ] {
            assert_unchanged(rows);
        }
        // A sentence goes on in lower case after its figures: the wraps are undone.
        assert_layout(
            "Region Halland får 45 000 kronor i år och\nUppsala får 60 000 kronor i år medan\nSkåne får 15 500 kronor i år som bidrag.\n",
            "Region Halland får 45 000 kronor i år och Uppsala får 60 000 kronor i år medan Skåne får 15 500 kronor i år som bidrag.\n",
        );
    }

    #[test]
    fn a_caption_ending_in_its_year_keeps_the_unit_line_under_it() {
        for (a, b) in [
            (
                "Utdrag ur regionernas resultaträkning, 2019–2020",
                "miljoner kronor efter region, år och resultaträkningsposter",
            ),
            (
                "Bruttoregionprodukt per riksområde och bransch, 2008",
                "miljoner kronor, löpande priser och fasta priser",
            ),
            (
                "Kommunernas kostnader för verksamheten 2019 - 2020",
                "tkr efter kommun och verksamhetsområde",
            ),
        ] {
            assert_unchanged(&format!("{a}\n{b}"));
        }
        // A header line whose columns stand apart, its column's unit alone on the line under it.
        for (a, b) in [
            (
                "Utgiftsområde                       Anslag 2026",
                "                   mnkr",
            ),
            ("Område\tBudget 2025", "\t(tkr)"),
        ] {
            assert_unchanged(&format!("{a}\n{b}"));
        }
        // Prose wraps before its unit: after a word, after a figure that is no year, or before
        // a word that is no unit.
        for (a, b) in [
            (
                "Regeringen föreslår att anslaget ökar med 2008",
                "miljoner kronor under de kommande åren",
            ),
            (
                "Regeringen föreslår medel för rehabilitering, 300",
                "miljoner kronor för kompetensutveckling",
            ),
            (
                "Regeringen föreslår medel för perioden 2019–2020",
                "och för de kommande åren därefter",
            ),
        ] {
            assert_layout(&format!("{a}\n{b}"), &format!("{a} {b}"));
        }
        // A unit in capitals opens no line of a sentence; in lower case it may.
        for (head, caption) in [
            ("Tkr", true),
            ("Kronor", true),
            ("Miljoner", true),
            ("tkr", false),
        ] {
            assert_eq!(
                caption_year("Preliminär fördelning ", "2022", head),
                caption,
                "{head}"
            );
        }
    }

    #[test]
    fn a_header_ending_in_its_unit_is_not_joined_to_the_first_row() {
        let header = "Anslag/ap Anslagskredit (tkr) Anslagsbehållning som disponeras 2005 \
                      Indrag av anslagsbelopp (tkr)";
        assert_unchanged(&format!("{header}\n90:1 ap.1 0 Inget 0"));
        assert_unchanged(&format!("{header}\nap.2 0 Allt 0"));
        assert_unchanged(&format!("{header}\n1:1 Anslaget 0"));
        // Prose in parentheses, or a sentence going on with `ap.` text, still joins.
        assert_layout(
            &format!("{LONG} (se ovan)\nap. 3 anger villkoren för anslaget"),
            &format!("{LONG} (se ovan) ap. 3 anger villkoren för anslaget"),
        );
        assert_layout(
            &format!("{LONG} beloppen anges i (tkr)\noch avser anslaget i sin helhet"),
            &format!("{LONG} beloppen anges i (tkr) och avser anslaget i sin helhet"),
        );
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
