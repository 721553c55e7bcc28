//! Lines and what each can be in a table.
//!
//! **In:** the text. **Out:** one [`Line`] per line (form feeds end lines too and mark a page
//! break), classified as blank, numbers only, a label followed by numbers, short text, or prose,
//! with the trailing numbers cut into digit groups. **Deliberately not done:** deciding where
//! one number ends and the next begins when a single space separates them (see `split`).

use super::numeral::{self, is_group_space, is_sign};

/// Longest label or text line that can belong to a table; longer lines are prose.
const MAX_LABEL_CHARS: usize = 120;
/// Most digit groups on one line: more is a list of figures, not a table row.
const MAX_GROUPS: usize = 40;

/// How a digit group is joined to the one on its left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Join {
    /// The first group of its segment.
    None,
    /// One ordinary space: the thousands separator, or a column gap — the split decides.
    Space,
    /// A no-break or thin space: always inside one number.
    Group,
}

/// One digit group (`98`, `410`, `-3`, `151,2`), in absolute byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Group {
    /// Start, sign included.
    pub start: usize,
    /// Start of the digits.
    pub digits: usize,
    pub end: usize,
    pub join: Join,
    /// Written with a `%` after it: a percentage.
    pub percent: bool,
}

impl Group {
    pub(crate) fn signed(&self) -> bool {
        self.digits > self.start
    }
}

/// Digit groups between column gaps (a tab, two or more spaces, or a line break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Segment {
    pub groups: Vec<Group>,
    /// Index of the line the segment is on.
    pub line: usize,
}

/// What a line can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Blank,
    /// Nothing but numbers.
    Numbers,
    /// A label (absolute byte span) followed by numbers, perhaps run into it (`Totalt1 444`).
    Labeled {
        label: (usize, usize),
    },
    /// Short text without trailing numbers: a label, header, caption or sub-heading.
    Text,
    /// Anything else: running prose, a code list.
    Prose,
}

/// A unit written after a line's last number (`48 617 tkr`): it states that row's unit. Absolute
/// byte span of the unit word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct StatedUnit {
    pub kronor: i64,
    pub start: usize,
    pub end: usize,
}

/// One line of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line<'a> {
    /// Absolute byte offset of the line's first byte.
    pub start: usize,
    pub text: &'a str,
    /// A form feed comes right before this line.
    pub page_break: bool,
    pub kind: Kind,
    /// What only a line with numbers has: see [`Line::segments`], [`Line::unit`] and
    /// [`Line::dashes`].
    numbers: Option<Box<Numbers>>,
}

/// A line's numbers, the unit after them and the dashes among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Numbers {
    segments: Box<[Segment]>,
    stated: Option<StatedUnit>,
    dashes: Box<[usize]>,
}

// The table reader keeps a `Line` for every line of the text, and most lines are prose with
// no numbers: what only a row of numbers has is in one box, so that a line is 64 bytes, not 96
// (a document of 32 MB has 566 000 lines).
impl Line<'_> {
    /// The trailing numbers, left to right (empty unless `Numbers` or `Labeled`).
    pub(crate) fn segments(&self) -> &[Segment] {
        self.numbers.as_ref().map_or(&[], |n| &n.segments)
    }

    /// The trailing numbers, to be replaced (the row reader relabels a line for a while).
    pub(crate) fn segments_mut(&mut self) -> &mut Box<[Segment]> {
        &mut self.numbers.get_or_insert_default().segments
    }

    /// The unit written after the last number, if one is.
    pub(crate) fn unit(&self) -> Option<StatedUnit> {
        self.numbers.as_ref().and_then(|n| n.stated)
    }

    /// Absolute byte offsets, left to right, of the lone dashes between or after the numbers
    /// (`Leasing 4 -361 -378 - -`): each is an empty cell, so the numbers' columns are not the
    /// first ones in order.
    pub(crate) fn dashes(&self) -> &[usize] {
        self.numbers.as_ref().map_or(&[], |n| &n.dashes)
    }

    pub(crate) fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// The line's text without surrounding white space.
    pub(crate) fn trimmed(&self) -> &str {
        self.text.trim()
    }
}

/// Splits `text` into classified lines.
pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    // Sized once: a document of many megabytes has a line per ~60 bytes, and a vector grown by
    // doubling would hold up to twice the lines' 96 bytes each, and both copies while it grows.
    let breaks = text.bytes().filter(|&b| b == b'\n' || b == b'\x0c').count();
    let mut out = Vec::with_capacity(breaks + 1);
    let mut start = 0;
    // Under a header line closing with `Disponeras av` (a regleringsbrev's allocation table),
    // each row ends in the name of the myndighet that disposes of the amount.
    let mut disposer = false;
    for part in text.split('\n') {
        let mut piece_start = start;
        for (k, piece) in part.split('\x0c').enumerate() {
            let body = piece.strip_suffix('\r').unwrap_or(piece);
            let index = out.len();
            // A figure alone on the line above: this line's figure is a cell of the same
            // column and the label run onto it (`-565ÅRETS KASSAFLÖDE`) the next row's.
            let under_figure = out
                .iter()
                .rev()
                .find(|l: &&Line<'_>| l.kind != Kind::Blank)
                .is_some_and(|l| l.kind == Kind::Numbers && l.segments().len() == 1);
            let glued = under_figure
                .then(|| numeral::label_after_figure(body))
                .flatten();
            // `0 tkr2.1.3Finansiella villkor`: the heading run onto the row is a line of its own.
            // `Verket för högskoleservice 112 136 Affärsverk`: the next group's heading run onto
            // a row's line is a line of its own, so the row is read and the heading heads the rows
            // after it.
            let split = glued
                .or_else(|| numeral::section_after_unit(body))
                .or_else(|| numeral::heading_after_row(body));
            // `ap.1 Professionssatsningen (ram) 897 000 Socialstyrelsen`: the row is what comes
            // before the name, which is the text column's cell and no figure's.
            let named = disposer
                .then(|| numeral::name_after_figures(body))
                .flatten()
                .map(|at| classify(piece_start, &body[..at], k > 0, index))
                .filter(|l| matches!(l.kind, Kind::Labeled { .. } | Kind::Numbers));
            if let Some(row) = named {
                out.push(row);
            } else if let Some(at) = split {
                out.push(classify(piece_start, &body[..at], k > 0, index));
                out.push(classify(piece_start + at, &body[at..], false, index + 1));
            } else {
                out.push(classify(piece_start, body, k > 0, index));
            }
            let last = out.last().map(|l: &Line<'_>| l.kind);
            if numeral::heads_disposer_column(body) {
                disposer = true;
            } else if last == Some(Kind::Prose) || body.trim_end().ends_with('.') {
                disposer = false; // the villkor prose after the table
            }
            piece_start += piece.len() + 1;
        }
        start += part.len() + 1;
    }
    // A line split in two (a glued label or heading) may have grown it past the count.
    out.shrink_to_fit();
    out
}

fn classify(start: usize, text: &str, page_break: bool, index: usize) -> Line<'_> {
    let mut line = Line {
        start,
        text,
        page_break,
        kind: Kind::Prose,
        numbers: None,
    };
    let mut stated = None;
    // `Blekinge län | 640 | 20 583 009 |`: an HTML or Markdown table exported with a pipe
    // between cells. A pipe with a blank beside it is then a column gap, like a tab, and the
    // closing pipe is no part of the last cell.
    let piped = is_piped(text);
    let t = if piped {
        text.trim_end_matches(|c: char| c.is_whitespace() || c == '|')
    } else {
        text.trim_end()
    };
    if t.trim_start().is_empty() || is_rule(t) {
        line.kind = Kind::Blank;
        return line;
    }
    if is_note_list(t.trim_start()) || heads_with_notes(t) {
        // A note cell of several notes, one cell per line (`10, 22`), or a heading carrying
        // them (`Eget kapital, avsättningar och skulder 10, 21`): the label's, not numbers.
        line.kind = Kind::Text;
        return line;
    }
    let (mut label_end, mut segments, dashes) = tail(t, piped);
    // `Kammarkollegiet48 617 tkr`: a unit after the last number is read off, and the numbers
    // before it are the line's, when there are any (`covid-19 tkr`, `ap.1 tkr` hold none).
    if let Some((at, kronor)) = segments
        .is_empty()
        .then(|| numeral::trailing_unit(t))
        .flatten()
    {
        let (end, segs, _) = tail(t[..at].trim_end(), piped);
        if !segs.is_empty() {
            (label_end, segments) = (end, segs);
            stated = Some(StatedUnit {
                kronor,
                start: start + at,
                end: start + t.len(),
            });
        }
    }
    // A piped row opens with a pipe as often as not (`| Summa | 570 000 |`): it is no part of
    // the label, which must read `Summa` to be the table's total.
    let gap = |c: char| c.is_whitespace() || (piped && c == '|');
    let label = t[..label_end].trim_end_matches(gap);
    let label_start = label.len() - label.trim_start_matches(gap).len();
    let short = label.chars().count() <= MAX_LABEL_CHARS;
    let groups: usize = segments.iter().map(Vec::len).sum();
    line.kind = if groups == 0 {
        // A short code (`1:1`, `4.1`) is a heading or a label, not prose.
        if (has_letter(t) && short) || t.trim().chars().count() <= 12 {
            Kind::Text
        } else {
            Kind::Prose
        }
    } else if groups > MAX_GROUPS {
        Kind::Prose
    } else if label.trim().is_empty() {
        Kind::Numbers
    } else if groups == 1 && is_caption_number(label, &segments) {
        Kind::Text
    } else if has_letter(label) && short {
        Kind::Labeled {
            label: (start + label_start, start + label.len()),
        }
    } else {
        Kind::Prose
    };
    if matches!(line.kind, Kind::Numbers | Kind::Labeled { .. }) {
        let dashes = dashes.into_iter().rev().map(|d| start + d).collect();
        let segments = segments
            .into_iter()
            .rev()
            .map(|mut groups| {
                groups.reverse();
                for g in &mut groups {
                    g.start += start;
                    g.digits += start;
                    g.end += start;
                }
                Segment {
                    groups,
                    line: index,
                }
            })
            .collect();
        line.numbers = Some(Box::new(Numbers {
            segments,
            stated,
            dashes,
        }));
    } else if stated.is_some() {
        line.numbers = Some(Box::new(Numbers {
            stated,
            ..Numbers::default()
        }));
    }
    line
}

/// Whether a line's label and its one number are a caption's name and number (`Bilaga 1`,
/// `Tabell 2`, `Figur 3`): no row, but the caption of the table below. Read as a row, its number
/// opened a table of one-cell-per-line rows above the header lines and the table was lost.
/// `segments` hold line-relative groups, as [`tail`] returns them.
fn is_caption_number(label: &str, segments: &[Vec<Group>]) -> bool {
    let word = label.trim().to_lowercase();
    let small = segments
        .iter()
        .flatten()
        .all(|g| !g.signed() && !g.percent && (1..=3).contains(&(g.end - g.digits)));
    small && matches!(word.as_str(), "bilaga" | "tabell" | "figur" | "diagram")
}

/// Whether a line is a pipe-separated table row: a pipe between blanks (`a | b`), or one closing
/// the line after a blank (`… 20 583 009 |`). A pipe glued to a figure (`|2 345`, an OCR'd `1`)
/// is not a cell border.
pub(super) fn is_piped(text: &str) -> bool {
    let t = text.trim_end();
    t.contains(" | ") || t.contains("\t|") || t.ends_with(" |")
}

/// A rule drawn with characters (`-------`, `=====`, `| --- | ---: |`, `+----+----+`) under a
/// header or over a total: it parts nothing, so it reads as a blank line. Two dashes or fewer
/// are no rule: a lone `-` or `–` is an empty cell.
fn is_rule(t: &str) -> bool {
    let marks = t
        .chars()
        .filter(|c| matches!(c, '-' | '–' | '—' | '=' | '_'))
        .count();
    marks >= 3
        && t.chars().all(|c| {
            c.is_whitespace() || matches!(c, '-' | '–' | '—' | '=' | '_' | '|' | ':' | '+')
        })
}

/// A list of note numbers (`10, 22`, `1,2,9`): two or more numbers of one or two digits, with
/// a space after each comma or more than one comma, which no decimal number has.
pub(super) fn is_note_list(t: &str) -> bool {
    let notes: Vec<&str> = t.split(',').collect();
    let short = |n: &str| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    notes.len() >= 2
        && notes.iter().enumerate().all(|(k, n)| {
            short(if k == 0 {
                n
            } else {
                n.strip_prefix(' ').unwrap_or(n)
            })
        })
        && (notes.len() >= 3 || notes[1].starts_with(' '))
}

/// A heading followed by its note cell of several notes and no figure (`Eget kapital,
/// avsättningar och skulder 10, 21`): a heading of a financial statement that points at its
/// notes, not a row. Its notes would read as two numbers (`10` and `21`), a row no table has.
fn heads_with_notes(t: &str) -> bool {
    let t = t.trim_start();
    let Some(at) = t.rfind(|c: char| c.is_alphabetic() || c == ')') else {
        return false;
    };
    let (label, rest) = t.split_at(at + t[at..].chars().next().map_or(1, char::len_utf8));
    rest.starts_with(is_blank) && is_note_list(rest.trim_start()) && has_letter(label)
}

pub(super) fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// The digit groups `t` (one line) ends with, left to right in line-relative offsets, and where
/// its label ends: the groups of a line as [`lines`] cuts them, for a reading of the line that
/// differs from the text (a letter read as the digit it stands for, see `mod.rs`).
pub(super) fn trailing_groups(t: &str) -> (usize, Vec<Group>) {
    // Cut as `lines` cuts it: a piped row's closing pipe is no cell, its pipes are gaps.
    let piped = is_piped(t);
    let t = if piped {
        t.trim_end_matches(|c: char| c.is_whitespace() || c == '|')
    } else {
        t
    };
    let (label_end, segments, _) = tail(t, piped);
    let groups = segments
        .into_iter()
        .rev()
        .flat_map(|mut s| {
            s.reverse();
            s
        })
        .collect();
    (label_end, groups)
}

/// The numbers a line ends with, scanned from the right: (where the label ends, the segments
/// right to left, each with its groups right to left, the lone dashes among or after them that
/// are empty cells, right to left). Offsets are line-relative.
fn tail(t: &str, piped: bool) -> (usize, Vec<Vec<Group>>, Vec<usize>) {
    let is_blank = |c: char| is_blank(c) || (piped && c == '|');
    let mut segments: Vec<Vec<Group>> = Vec::new();
    let mut current: Vec<Group> = Vec::new();
    let mut pos = t.len();
    let mut label_end = t.len();
    // Dashes seen since the last group: cells once a group stands left of them.
    let (mut pending, mut dashes) = (Vec::new(), Vec::new());
    loop {
        // `(45 600)`: an accounting negative, its inner groups bound into the one number and
        // the first group's sign the opening parenthesis.
        let paren = paren_number_before(t, pos);
        let Some(g) = paren
            .as_ref()
            .map(|p| p[0])
            .or_else(|| group_before(t, pos))
        else {
            // `-378 - -`: a dash standing alone is an empty cell, and a column gap.
            let Some((p, at)) = lone_dash_before(t, pos) else {
                break;
            };
            if !current.is_empty() {
                segments.push(std::mem::take(&mut current));
            }
            pending.push(at);
            pos = p;
            continue;
        };
        dashes.append(&mut pending);
        // `exkl. UO 26 - 7 686`: an expenditure-area code before a signed number is the label's.
        let next_signed = current
            .last()
            .or_else(|| segments.last()?.last())
            .is_some_and(Group::signed);
        if next_signed && is_area_code(t, g) {
            break;
        }
        if let Some(p) = &paren {
            current.extend(p[1..].iter().rev().copied());
        }
        current.push(g);
        label_end = g.start;
        // The white space left of the group decides how it joins the one before it.
        let before = &t[..g.start];
        let ws_start = before.trim_end_matches(is_blank).len();
        let ws = &before[ws_start..];
        let chars = ws.chars().count();
        let join = if ws.is_empty() {
            break; // run into the label (`koordinering420`), or the line's start
        } else if ws.contains('\t') || chars >= 2 {
            segments.push(std::mem::take(&mut current));
            Join::None
        } else if ws.chars().all(is_group_space) {
            Join::Group
        } else {
            Join::Space
        };
        if let Some(last) = current
            .last_mut()
            .or_else(|| segments.last_mut()?.last_mut())
        {
            last.join = join;
        }
        pos = ws_start;
    }
    if !current.is_empty() {
        segments.push(current);
    }
    // Run into the label, then a column gap (`Område2\t1 200\t1 300`): the first figure is part
    // of the label; a figure is run into a label only when it is the row's one field of numbers.
    let glued = t[..label_end]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    if glued
        && segments.len() >= 2
        && let Some(first) = segments.pop()
    {
        label_end = first.first().map_or(label_end, |g| g.end);
    }
    // `Valnämnden      -      380      380`: a dash before the first figure, set apart by a
    // column gap on both sides, is an empty cell as much as one after it; a dash a single space
    // from the label or the figure (`Resultat - 7 766`) may be a minus sign or the label's, and
    // stays out of the row.
    // In a row that writes its empty cells as dashes after its first figure too, single-spaced
    // (`Omklädningsbyggnader - - -17 - -2 - -19 -`), a dash followed by another dash (a lone one,
    // or a figure's sign) is a cell as well: no minus sign stands before a sign, and no label
    // ends in `- -`.
    let before_a_dash = |at: usize| {
        let after = at + t[at..].chars().next().map_or(1, char::len_utf8);
        let rest = &t[after..];
        let next = rest.trim_start_matches(is_blank);
        next.len() < rest.len() && next.starts_with(is_sign)
    };
    let dash_run = !dashes.is_empty() && pending.iter().all(|&at| before_a_dash(at));
    if !glued
        && !segments.is_empty()
        && !pending.is_empty()
        && (dash_run
            || pending.iter().all(|&at| {
                let after = at + t[at..].chars().next().map_or(1, char::len_utf8);
                column_gap(&t[..at], true) && column_gap(&t[after..], false)
            }))
    {
        label_end = pos;
        dashes.append(&mut pending);
    }
    // The leftmost group of each segment joins nothing.
    for s in &mut segments {
        if let Some(first) = s.last_mut() {
            first.join = Join::None;
        }
    }
    (label_end, segments, dashes)
}

/// Whether `t` ends (`at_end`) or starts with a column gap: a tab or two blanks or more.
fn column_gap(t: &str, at_end: bool) -> bool {
    let ws = if at_end {
        &t[t.trim_end_matches(is_blank).len()..]
    } else {
        &t[..t.len() - t.trim_start_matches(is_blank).len()]
    };
    ws.contains('\t') || ws.chars().count() >= 2
}

/// Where the white space before a dash standing alone at `pos` (`… - -`) starts, and where the
/// dash is: it writes an empty cell. `None` when no such dash ends there.
fn lone_dash_before(t: &str, pos: usize) -> Option<(usize, usize)> {
    let dash = t[..pos].chars().next_back().filter(|&c| is_sign(c))?;
    let at = pos - dash.len_utf8();
    let before = &t[..at];
    let ws_start = before.trim_end_matches(is_blank).len();
    (ws_start < before.len() && ws_start > 0).then_some((ws_start, at))
}

/// Whether `g` is an expenditure-area number (`UO 26`, `utgiftsområde 7`): one or two digits
/// without a sign, right after the word `UO` or `utgiftsområde` and a space.
fn is_area_code(t: &str, g: Group) -> bool {
    let before = t[..g.start].trim_end_matches(is_blank);
    let word = before.rsplit(is_blank).next().unwrap_or("");
    !g.signed()
        && g.end - g.digits <= 2
        && before.len() < g.start
        && (word == "UO" || word.eq_ignore_ascii_case("utgiftsområde"))
}

/// The em dash: no minus sign in typeset text, but OCR's reading of one (see [`group_before`]).
const EM_DASH: char = '—';

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || is_group_space(c)
}

/// The digit groups of an accounting negative ending at `pos` (`(45 600)`, `(1 234,5)`), left
/// to right: the first group's sign is the opening parenthesis (so it reads as negative), the
/// later groups are bound to it as a no-break space binds (a parenthesis holds one number), and
/// the closing parenthesis is no group's. Swedish tables (a deviation column, a cost in an
/// årsredovisning) write a negative so; but a note or footnote mark is one or two digits in
/// parentheses right after its label (`Region Skåne (2) 45 000`), and a year in parentheses
/// (`Befolkning (2019) 12 345`) qualifies the label: those are cells only with a figure on
/// their left. `None` when the text there is no such number.
fn paren_number_before(t: &str, pos: usize) -> Option<Vec<Group>> {
    let close = t[..pos].strip_suffix(')')?.len();
    let open = t[..close].rfind('(')?;
    // `Region(2)`, `ap.1(45)`: run into a word, it is no cell.
    if t[..open]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace())
    {
        return None;
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut from = open + 1;
    for (i, c) in t[open + 1..close]
        .char_indices()
        .map(|(i, c)| (open + 1 + i, c))
    {
        if c == ' ' || is_group_space(c) {
            groups.push(paren_group(t, from, i, groups.is_empty())?);
            from = i + c.len_utf8();
        }
    }
    groups.push(paren_group(t, from, close, groups.is_empty())?);
    groups[0].start = open;
    // Grouped, the first group has one to three digits; a decimal comma ends the number.
    let last = groups.len() - 1;
    let digits = |g: &Group| &t[g.digits..g.end];
    if (last > 0 && !numeral::opens_group(digits(&groups[0])))
        || groups[..last].iter().any(|g| digits(g).contains(','))
    {
        return None;
    }
    if page_of_pages(t, open, &t[open + 1..close]) {
        return None;
    }
    let count: usize = groups.iter().map(|g| g.end - g.digits).sum();
    let mark = count <= 2 || (last == 0 && numeral::is_year(digits(&groups[0])));
    if mark {
        let left = t[..open].trim_end_matches(is_blank).len();
        let figure_left = group_before(t, left).is_some()
            || t[..left]
                .strip_suffix(')')
                .is_some_and(|l| l.ends_with(|c: char| c.is_ascii_digit()));
        if !figure_left {
            return None;
        }
    }
    Some(groups)
}

/// Whether `(body)` opening at `open` writes the page count after a page number (`Bilaga 2
/// 1 (2)`, `Sida 12 (40)`: page 1 of 2), as Swedish documents number their pages: an ungrouped
/// number in parentheses after an ungrouped number no larger than it. A grouped figure on its
/// left (`44 800 (800)`) is a cell's.
fn page_of_pages(t: &str, open: usize, body: &str) -> bool {
    let digits = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    let mut words = t[..open].split_whitespace().rev();
    let (Some(page), before) = (words.next(), words.next()) else {
        return false;
    };
    let grouped = page.len() == 3 && before.is_some_and(|w| w.len() <= 3 && digits(w));
    digits(body) && digits(page) && !grouped && page.parse::<u32>().ok() <= body.parse::<u32>().ok()
}

/// One digit group `t[from..to]` inside parentheses: digits (the first group's not opening with
/// `0` unless alone), a decimal comma and digits at most.
fn paren_group(t: &str, from: usize, to: usize, first: bool) -> Option<Group> {
    let part = &t[from..to];
    let (int, decimals) = part.split_once(',').unwrap_or((part, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = digits(int)
        && digits(decimals)
        && if first {
            int.len() == 1 || !int.starts_with('0')
        } else {
            numeral::continues_group(part)
        };
    ok.then_some(Group {
        start: from,
        digits: from,
        end: to,
        join: if first { Join::None } else { Join::Group },
        percent: false,
    })
}

/// The digit group ending at `pos` (after an optional `%`), if the text there is one.
fn group_before(t: &str, pos: usize) -> Option<Group> {
    let mut end = pos;
    let mut percent = false;
    if t[..end].ends_with('%') {
        percent = true;
        end = t[..end - 1].trim_end_matches(is_blank).len();
        if end + 2 < pos {
            return None; // `12   %` is not a percentage cell
        }
    }
    let body_start = t[..end]
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ',')
        .len();
    let body = &t[body_start..end];
    if body.is_empty()
        || body.starts_with(',')
        || body.ends_with(',')
        || body.matches(',').count() > 1
    {
        return None;
    }
    let before = t[..body_start].chars().next_back();
    let mut start = body_start;
    // `– 1,8`, `− 31`: a minus sign with a space after it, standing apart from the label.
    if let Some(sign) = t[..body_start]
        .strip_suffix(' ')
        .and_then(|b| b.chars().next_back())
    {
        let at = body_start - 1 - sign.len_utf8();
        if is_sign(sign) && t[..at].chars().next_back().is_none_or(char::is_whitespace) {
            start = at;
            return Some(Group {
                start,
                digits: body_start,
                end,
                join: Join::None,
                percent,
            });
        }
    }
    match before {
        // OCR reads the minus sign U+2212 as an em dash (`—1127,3`, `—3 180`): glued to the
        // digits of a row's figure it is one, as a hyphen is. Standing apart it is not, nor an
        // empty cell (a typeset `—` alone is one, OCR's `— 57` may be a minus sign).
        Some(c) if is_sign(c) || c == EM_DASH => {
            let at = body_start - c.len_utf8();
            let prev = t[..at].chars().next_back();
            if prev.is_none_or(|p| p.is_whitespace() || p == '(') {
                start = at;
            } else {
                return None; // `covid-19`, `2017-2018`: not a number of its own
            }
        }
        // `ap.14`, `1:5`, `2020/21`, `§ 3.2`: codes, not figures.
        Some('.' | ':' | '/' | '§' | '_' | '+' | '=' | '&' | '#') => return None,
        _ => {}
    }
    Some(Group {
        start,
        digits: body_start,
        end,
        join: Join::None,
        percent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_dash_is_an_empty_cell_and_a_signed_number_is_not() {
        // (line, its digit groups, whether a dash writes an empty cell)
        let cases: &[(&str, &[&str], bool)] = &[
            ("Leasing 4 -361 -378 - -", &["4", "-361", "-378"], true),
            ("Utdelning 7 - -540 12", &["7", "-540", "12"], true),
            ("Resultat - 7 766", &["- 7", "766"], false),
            ("Resultat -7 766 12", &["-7", "766", "12"], false),
            ("Kostnader för bolag -", &[], false),
            // Before the first figure, a column gap on both sides: an empty cell too.
            ("Valnämnden      -      380      380", &["380", "380"], true),
            ("Valnämnden\t–\t380\t380", &["380", "380"], true),
            ("Valnämnden      -   -      380", &["380"], true),
            // Single-spaced, in a row that writes empty cells as dashes after its figures too:
            // a dash before another dash or a figure's sign is a cell.
            (
                "Omklädningsbyggnader - - -17 - -2 - -19 -",
                &["-17", "-2", "-19"],
                true,
            ),
            // Before an unsigned figure the dash may be its sign; without dashes after the first
            // figure the row does not write empty cells so.
            (
                "Övertagna anläggningar - - 3 - -10 -",
                &["- 3", "-10"],
                true,
            ),
            ("Resultat - -7 766", &["-7", "766"], false),
            // A single space on either side: a minus sign or the label's, no cell.
            ("Resultat     - 7 766", &["- 7", "766"], false),
            ("Resultat -     7 766", &["7", "766"], false),
            ("Bygg -     380     380", &["380", "380"], false),
            // OCR's em dash for a minus sign: glued to the digits it is one.
            (
                "Tekniska nämnden 98 410 95 230 —3 180",
                &["98", "410", "95", "230", "—3", "180"],
                false,
            ),
            ("Avskrivningar —57,2 —60,0", &["—57,2", "—60,0"], false),
            // Standing apart it is taken for neither a minus sign nor an empty cell: before a
            // figure it may be either, and the figures left of it stay out of the row.
            ("Kulturnämnden 64 200 — 57", &["57"], false),
            ("Kulturnämnden 64 200 64 200 —", &[], false),
            // Between years it is a range, no sign.
            ("Plan 2026—2028", &[], false),
            ("- - - -", &[], false),
        ];
        for (text, groups, empty) in cases {
            let l = &lines(text)[0];
            let got: Vec<&str> = l
                .segments()
                .iter()
                .flat_map(|s| s.groups.iter().map(|g| &text[g.start..g.end]))
                .collect();
            assert_eq!(
                (got, !l.dashes().is_empty()),
                (groups.to_vec(), *empty),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_dash_before_the_first_figure_apart_from_the_label_leaves_the_label_whole() {
        // (line, its label)
        let cases = [
            ("Valnämnden      -      380      380", "Valnämnden"),
            (
                "Bygg- och miljönämnden   –   14 210",
                "Bygg- och miljönämnden",
            ),
            // A single space from the label: the dash may be the label's.
            ("Bygg -     380     380", "Bygg -"),
        ];
        for (text, want) in cases {
            let l = &lines(text)[0];
            let Kind::Labeled { label } = l.kind else {
                panic!("{text:?}: {:?}", l.kind);
            };
            assert_eq!(&text[label.0..label.1], want, "{text:?}");
        }
    }

    #[test]
    fn a_figure_in_parentheses_is_a_negative_cell_and_a_mark_or_page_count_is_not() {
        // (line, its digit groups as written, sign included)
        let cases: &[(&str, &[&str])] = &[
            (
                "Socialnämnden 310 000 355 600 (45 600)",
                &["310", "000", "355", "600", "(45", "600"],
            ),
            (
                "Kultur 45 600 44 800 (800)",
                &["45", "600", "44", "800", "(800"],
            ),
            ("Summa 1 200 (45)", &["1", "200", "(45"]),
            ("Resultat (45 600)", &["(45", "600"]),
            ("Ränta  (1 234,5)  (12)", &["(1", "234,5", "(12"]),
            // A note or footnote mark after the label, a year qualifying it, a page count
            // (`1 (2)`: page 1 of 2), a group that is no grouping, a parenthesis run into a
            // word: left alone.
            ("Region Skåne (2) 45 000", &["45", "000"]),
            ("Befolkning (2019) 12 345", &["12", "345"]),
            ("Bilaga 2 1 (2)", &[]),
            ("Sida 12 (40)", &[]),
            ("Ränta 12 (1 2)", &[]),
            ("Avgift ap.1(45)", &[]),
            ("Kostnader (exkl. moms 1 200)", &[]),
        ];
        for (text, groups) in cases {
            let got: Vec<&str> = kinds(text)[0].1.concat();
            assert_eq!(got, groups.to_vec(), "{text:?}");
        }
        // The parenthesis binds its groups into one number: none of them starts another.
        let l = &lines("Avvikelse (45 600)")[0];
        let joins: Vec<Join> = l.segments()[0].groups.iter().map(|g| g.join).collect();
        assert_eq!(joins, [Join::None, Join::Group]);
        assert!(l.segments()[0].groups[0].signed());
    }

    #[test]
    fn a_captions_name_and_number_is_no_row() {
        // (line, its kind)
        let cases = [
            ("Bilaga 1", "Text"),
            ("TABELL 12", "Text"),
            ("Figur 3", "Text"),
            // A figure, a label of more words, a sign: a row.
            ("Bilaga 1 200", "Labeled"),
            ("Bilaga 1200", "Labeled"),
            ("Bidrag till bilaga 1", "Labeled"),
            ("Tabell -3", "Labeled"),
        ];
        for (text, kind) in cases {
            let got = format!("{:?}", lines(text)[0].kind);
            assert!(got.starts_with(kind), "{text:?} is {got}");
        }
    }

    #[test]
    fn a_name_after_the_figures_under_a_disposer_header_is_no_part_of_the_row() {
        let rows = "ap.1 Professionssatsningen (ram) 897 000 Socialstyrelsen\nap.2 Stöd (ram) 12 000 Länsstyrelsen i Skåne län\n";
        fn figures(text: &str) -> Vec<Vec<&str>> {
            kinds(text)
                .into_iter()
                .skip(1)
                .filter(|(k, _)| *k != Kind::Blank)
                .map(|(_, s)| s.concat())
                .collect()
        }
        assert_eq!(
            figures(&format!("Anslagspost Belopp Disponeras av\n{rows}")),
            [vec!["897", "000"], vec!["12", "000"]]
        );
        // No such header: the rows end in text, and hold no trailing figures.
        assert_eq!(
            figures(&format!("Anslagspost Belopp\n{rows}")),
            [Vec::<&str>::new(), Vec::new()]
        );
        // Prose after the table closes the column.
        let text = format!(
            "Anslag Belopp Disponeras av\n{rows}Medlen får användas för utgifter för bidrag till kommuner och regioner under året.\n{rows}"
        );
        let got = figures(&text);
        assert_eq!(got[..2], [vec!["897", "000"], vec!["12", "000"]]);
        assert_eq!(got[3..], [Vec::<&str>::new(), Vec::new()]);
    }

    #[test]
    fn a_pipe_between_blanks_is_a_column_gap() {
        // (line, its label, its numbers one segment each, space-joined groups within)
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Blekinge län | 640 | 20 583 009 |",
                "Blekinge län",
                &["640", "20 583 009"],
            ),
            (
                "Gotlands län | 458 | 11 616 140",
                "Gotlands län",
                &["458", "11 616 140"],
            ),
            (
                "| Uppsala | 5 354 | 112 488 000 |",
                "Uppsala",
                &["5 354", "112 488 000"],
            ),
            ("| Summa | 570 000 |", "Summa", &["570 000"]),
            ("Summa\t| 1 200\t| 1 300 |", "Summa", &["1 200", "1 300"]),
            // Left alone: a pipe glued to a figure (an OCR'd `1`) is no border, and a line
            // without pipes is read as before.
            ("Stockholm |2 345", "Stockholm |", &["2 345"]),
            ("Stockholm 12 345", "Stockholm", &["12 345"]),
        ];
        for (text, label, segments) in cases {
            let l = &lines(text)[0];
            let Kind::Labeled { label: (from, to) } = l.kind else {
                panic!("{text:?} is {:?}", l.kind);
            };
            let got: Vec<&str> = l
                .segments()
                .iter()
                .map(|s| &text[s.groups[0].start..s.groups[s.groups.len() - 1].end])
                .collect();
            assert_eq!(
                (&text[from..to], got),
                (*label, segments.to_vec()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_label_run_onto_a_cell_is_a_line_of_its_own_under_a_figure() {
        // (text, the kinds of its lines)
        let cases: &[(&str, &[&str])] = &[
            (
                "400\n\n-565ÅRETS KASSAFLÖDE",
                &["Numbers", "Blank", "Numbers", "Text"],
            ),
            // Under a label, the same line is text: nothing says a figure opens it.
            ("Lån\n\n-565ÅRETS KASSAFLÖDE", &["Text", "Blank", "Text"]),
            ("400\n\n2018Årsredovisning", &["Numbers", "Blank", "Text"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = lines(text)
                .iter()
                .map(|l| {
                    format!("{:?}", l.kind)
                        .split(' ')
                        .next()
                        .unwrap_or("")
                        .to_string()
                })
                .collect();
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn a_list_of_notes_is_text_and_a_decimal_is_a_number() {
        for (line, notes) in [
            ("10, 22", true),
            ("1,2,9", true),
            ("7, 10, 12", true),
            ("1,2", false),
            ("10,22", false),
            ("151, 2009", false),
            ("12 345", false),
        ] {
            assert_eq!(is_note_list(line), notes, "{line:?}");
            let kind = lines(line)[0].kind;
            assert_eq!(kind == Kind::Text, notes, "{line:?}: {kind:?}");
        }
    }

    #[test]
    fn a_heading_carrying_a_list_of_notes_is_text_and_a_row_is_not() {
        for (line, heading) in [
            (
                "Eget kapital, avsättningar och skulder 10, 21        ",
                true,
            ),
            ("Avsättningar 22, 23", true),
            ("Skulder (not 24) 7, 10, 12", true),
            ("Kortfristiga skulder 1,2,9", true),
            // A row: its figures follow the notes, or there is one figure with decimals.
            ("Avsättningar 22, 23 276 521 245 249", false),
            ("Eget kapital 10,2", false),
            ("Eget kapital 10 21", false),
            ("Summa 2019, 2020", false),
            ("10, 22", true),
        ] {
            let kind = lines(line)[0].kind;
            assert_eq!(kind == Kind::Text, heading, "{line:?}: {kind:?}");
        }
    }

    fn kinds(text: &str) -> Vec<(Kind, Vec<Vec<&str>>)> {
        lines(text)
            .into_iter()
            .map(|l| {
                let segs = l
                    .segments()
                    .iter()
                    .map(|s| s.groups.iter().map(|g| &text[g.start..g.end]).collect())
                    .collect();
                (l.kind, segs)
            })
            .collect()
    }

    #[test]
    fn trailing_numbers_are_cut_into_groups_and_segments() {
        let k = kinds("Disponeras av Kammarkollegiet22 744 817");
        assert!(matches!(k[0].0, Kind::Labeled { .. }));
        assert_eq!(k[0].1, [vec!["22", "744", "817"]]);
        let k = kinds("Löner\t1 200\t-300\n(ram)0\n\t2017  2018");
        assert_eq!(k[0].1, [vec!["1", "200"], vec!["-300"]]);
        assert_eq!(k[1].1, [vec!["0"]]);
        assert_eq!(
            (k[2].0, k[2].1.clone()),
            (Kind::Numbers, vec![vec!["2017"], vec!["2018"]])
        );
    }

    #[test]
    fn a_figure_run_into_a_label_before_a_gap_is_the_labels() {
        let k = kinds("Område2\t1 200\t1 300");
        assert_eq!(k[0].1, [vec!["1", "200"], vec!["1", "300"]]);
        let k = kinds("Rad0  5  6");
        assert_eq!(k[0].1, [vec!["5"], vec!["6"]]);
    }

    #[test]
    fn codes_are_not_numbers() {
        for t in ["ap.14", "Anslag 1:5", "prop. 2020/21", "covid-19"] {
            assert_eq!(kinds(t)[0].0, Kind::Text, "{t}");
        }
        let k = kinds("ap.1Professionssatsningen (ram)897 000");
        assert_eq!(k[0].1, [vec!["897", "000"]]);
    }

    #[test]
    fn a_unit_after_the_numbers_is_read_off() {
        let text = "Disponeras av Kammarkollegiet48 617 tkr\n(Ram)0 tkr";
        let l = lines(text);
        assert!(matches!(l[0].kind, Kind::Labeled { .. }));
        assert_eq!(kinds(text)[0].1, [vec!["48", "617"]]);
        let u = l[0].unit().expect("a stated unit");
        assert_eq!((&text[u.start..u.end], u.kronor), ("tkr", 1000));
        assert_eq!(kinds(text)[1].1, [vec!["0"]]);
        // Codes before a unit are still no numbers, and a unit word alone states nothing.
        for t in [
            "covid-19 tkr",
            "90:1 ap.1 tkr",
            "Belopp i tkr",
            "Anslag 1:5 mnkr",
        ] {
            let l = lines(t);
            assert_eq!((l[0].kind, l[0].unit()), (Kind::Text, None), "{t}");
        }
    }

    #[test]
    fn a_line_stays_small_and_keeps_its_numbers_unit_and_dashes() {
        // One per line of the text: what only rows of numbers have is in one box.
        assert_eq!(std::mem::size_of::<Line<'_>>(), 64);
        let l = lines(
            "Leasing 4 -361 -378 - -\nKammarkollegiet48 617 tkr\nLöpande text utan siffror\n",
        );
        assert_eq!(
            l[0].segments()
                .iter()
                .map(|s| s.groups.len())
                .sum::<usize>(),
            3
        );
        assert_eq!((l[0].dashes().len(), l[0].unit()), (2, None));
        assert_eq!(
            l[1].segments()
                .iter()
                .map(|s| s.groups.len())
                .sum::<usize>(),
            2
        );
        assert!(l[1].unit().is_some() && l[1].dashes().is_empty());
        assert_eq!((l[2].kind, l[2].unit()), (Kind::Text, None));
        assert!(l[2].segments().is_empty() && l[2].dashes().is_empty());
    }

    #[test]
    fn a_section_heading_run_onto_a_unit_is_a_line_of_its_own() {
        let text = "Disponeras av Regeringskansliet0 tkr\n(Ram)0 tkr2.1.3Finansiella villkor";
        let ls = lines(text);
        let texts: Vec<&str> = ls.iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            [
                "Disponeras av Regeringskansliet0 tkr",
                "(Ram)0 tkr",
                "2.1.3Finansiella villkor"
            ]
        );
        assert_eq!(ls[2].start, text.find("2.1.3").unwrap());
        assert!(ls[1].unit().is_some());
        // No unit, a lower-case word or a plain figure after it: the line stays whole.
        for t in [
            "ap.30Allt5772.1.4Finansiella villkor",
            "betalas 5 tkr2.1.3procent",
            "Anslaget 5 tkr 2.1.3 Villkor",
            "Summa 12 tkr2024",
        ] {
            assert_eq!(lines(t).len(), 1, "{t:?}");
        }
    }

    #[test]
    fn an_area_code_before_a_signed_number_stays_in_the_label() {
        let k = kinds("Förändring av anslagsbehållningar exkl. UO 26 - 7 686");
        assert_eq!(k[0].1, [vec!["- 7", "686"]]);
        let k = kinds("Utgiftsområde 7 - 80");
        assert_eq!(k[0].1, [vec!["- 80"]]);
        // Unsigned, or not after an area word: the figure is the row's, as before.
        assert_eq!(kinds("Anslag UO 26 80")[0].1, [vec!["26", "80"]]);
        assert_eq!(kinds("Förändring 26 - 80")[0].1, [vec!["26", "- 80"]]);
    }

    #[test]
    fn form_feeds_end_lines() {
        let l = lines("a 1\x0cb 2\nc");
        assert_eq!(l.len(), 3);
        assert!(l[1].page_break && !l[2].page_break);
        assert_eq!(l[1].text, "b 2");
    }
}
