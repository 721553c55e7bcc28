//! From lines to table rows, and from rows to runs of rows that may be one table.
//!
//! **In:** classified lines. **Out:** [`Run`]s: consecutive rows with the header lines above them.
//! A row is a label and its numbers in any of the layouts exports write: the numbers on the
//! label's line (`Stockholm 68 143 865`, `Löner\t1 200\t1 300`, `Totalt1 444`), on the lines
//! after it (`Område 2 …420` ⏎ `430`), or one per line with blank lines between (`Stockholm` ⏎⏎
//! `317 989 729` ⏎⏎ `3 823 518`). Short text lines between rows are sub-headings; a page break
//! with a running header or page number between rows does not end a run. **Deliberately not
//! done:** choosing the columns (see `mod.rs`); a run may still hold rows of different widths.

use super::lines::{Group, Kind, Line, StatedUnit};
use super::split;

/// Longest row label, wrapped lines joined: longer is a paragraph.
const MAX_LABEL_CHARS: usize = 120;
/// Most short text lines between two rows of one table (sub-headings, a running header).
const MAX_GAP_LINES: usize = 3;
/// Most text lines above a table read as its headers and caption: room for a caption, a unit
/// line and a dozen headers written one per line (an SCB table of ten regions and a total).
const MAX_HEAD_LINES: usize = 14;

/// One row: a label and the digit groups that follow it.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// The label, wrapped lines joined with a space.
    pub label: String,
    /// The digit groups, left to right; a segment's first group has `Join::None`.
    pub groups: Vec<Group>,
    /// First line of the row (its label) and one past its last.
    pub first_line: usize,
    pub end_line: usize,
    /// The numbers a row's digit groups can be read as, one bit per count.
    pub widths: u64,
    /// The same, should OCR have dropped group spaces ([`split::Grouping::Dropped`]): a superset.
    pub ocr_widths: u64,
    /// The first group is a separate word after the label (`Område 4 2 000`) and may be part of it.
    pub loose_first: bool,
    /// Text lines between the previous row and this one (sub-headings, or the next table's head).
    pub before: Vec<usize>,
    /// The first row after a page break: a running header (`Rapport 2024 sida 3`) looks like one.
    pub after_break: bool,
    /// Column names of a header row stacked one per line (`Bokslut` ⏎ `2023` ⏎ `Budget` ⏎ `2024`).
    pub names: Vec<String>,
    /// A column gap (a tab, two or more spaces) stands before the first number on its line: the
    /// row's first cell after the label is empty in an export that joins cells with a space.
    pub lead_gap: bool,
    /// The label ends in a colon (`Projektmedel: 54,7`): a line of a key-value list.
    pub colon: bool,
    /// The unit written after the row's numbers (`48 617 tkr`): it is the row's, whatever the
    /// caption says.
    pub unit: Option<StatedUnit>,
    /// The column of each of the row's numbers, when it leaves cells empty between or before
    /// them (a word in a money column, an empty cell the export dropped); empty when its numbers
    /// fill the columns from the first.
    pub placed: Vec<usize>,
    /// Why the row cannot be read with certainty though its digit groups can: the row is listed
    /// unresolved.
    pub doubt: Option<Doubt>,
    /// Absolute byte offsets of the lone dashes among or after its numbers, each an empty cell.
    pub dashes: Vec<usize>,
    /// Its figures stand one per line with blank lines between, each line one number (the
    /// one-cell-per-line layout): a line is one cell, never split into several, and a note is
    /// a line of its own.
    pub lines_are_cells: bool,
}

/// Why a row's digit groups do not settle its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Doubt {
    /// Under a note column, the row reads as its columns with a note or without (`9 610 787
    /// 610 787`: note 9, or 9 610?).
    Note,
    /// Under a note column before each column group, a number inside the row reads as the
    /// next group's note or as a figure's first group (`… 38,9 13 112,8 104,5`: note 13, or
    /// `13 112,8`?).
    InnerNote,
    /// A dash writes an empty cell, so the columns of the numbers are not known.
    EmptyCell,
    /// A bar stands before a number in a table written without them: OCR's reading of a `1`
    /// (`| 875` for `1 875`), so the number may have lost its first digit.
    Bar,
    /// One run of seven or more digits without a group space, run into its label
    /// (`Årets resultat623409628`), where no header's arithmetic cuts it: an export that runs
    /// the label into the figures may run the cells into each other too (623, 409 and 628
    /// mnkr), so where one figure ends is not written.
    RunTogether,
}

impl Doubt {
    /// The reason listed with the unresolved row.
    pub(super) fn reason(self) -> &'static str {
        match self {
            Doubt::Note => "the first number may be a note or a number's first group",
            Doubt::InnerNote => "a number inside the row may be a note or a number's first group",
            Doubt::EmptyCell => {
                "a dash writes an empty cell: the columns of the numbers are not known"
            }
            Doubt::Bar => "a bar before a number may be a misread first digit",
            Doubt::RunTogether => {
                "digits run into the label without a group space may be several cells run together"
            }
        }
    }
}

impl Row {
    /// A row on line `line` whose numbers another reader has already read (a re-paired block, a
    /// template row): only its label and place are known.
    pub(super) fn read_elsewhere(label: String, line: usize) -> Row {
        Row {
            label,
            groups: Vec::new(),
            first_line: line,
            end_line: line + 1,
            widths: 0,
            ocr_widths: 0,
            loose_first: false,
            before: Vec::new(),
            after_break: false,
            names: Vec::new(),
            lead_gap: false,
            colon: false,
            unit: None,
            placed: Vec::new(),
            doubt: None,
            dashes: Vec::new(),
            lines_are_cells: false,
        }
    }

    /// Columns a header row names: its names when stacked, else its groups.
    pub(crate) fn columns(&self) -> usize {
        if self.names.is_empty() {
            self.groups.len()
        } else {
            self.names.len()
        }
    }

    /// A running header after a page break: it names a year (`Årsredovisning 2018   3`).
    pub(crate) fn is_furniture(&self, text: &str) -> bool {
        self.after_break
            && self.groups.iter().any(|g| {
                g.join == super::lines::Join::None && super::numeral::is_year(&text[g.start..g.end])
            })
    }

    /// A header line whose last year read as the row's number (`Utfall 2022  Budget 2023  Förslag
    /// 2024`): its one number is a year, and its label names years too.
    pub(crate) fn is_header_line(&self, text: &str) -> bool {
        self.names.is_empty()
            && self.is_years(text)
            && self.groups.len() == 1
            && self
                .label
                .split(|c: char| !c.is_ascii_digit())
                .any(super::numeral::is_year)
    }

    /// Every group is a year: a header row (`Till landsting/regioner2017` ⏎ `2018`). Four digits
    /// never continue a grouped number, so years a single space separates (`Kommun 2024 2025`,
    /// as OCR leaves a header) are a header row too.
    pub(crate) fn is_years(&self, text: &str) -> bool {
        !self.groups.is_empty()
            && self.groups.iter().all(|g| {
                g.join != super::lines::Join::Group
                    && !g.signed()
                    && super::numeral::is_year(&text[g.start..g.end])
            })
    }
}

/// Rows that may make one table, with the text lines directly above the first.
#[derive(Debug, Clone)]
pub(super) struct Run {
    /// Header and caption lines above the first row, top to bottom (line indexes).
    pub head: Vec<usize>,
    pub rows: Vec<Row>,
}

/// What the line stream holds, in order.
#[derive(Debug)]
enum Item {
    // Boxed: a row is far larger than the other items.
    Row(Box<Row>),
    /// A short text line that is no row's label.
    Heading(usize),
    /// Numbers without a label.
    Orphan,
    PageBreak,
    /// Prose: no table continues across it.
    Break,
}

/// Reads the rows of `lines` and cuts them into runs. A few lines are read otherwise for this
/// (a code glued to its label is text, a line of run-together years is those years): they are
/// relabelled in place while the runs are made and given back as they were, for the readers
/// after this one; a relabelled copy of every line was as large as the lines themselves (54 MB
/// for a document of 32 MB).
pub(super) fn runs(text: &str, lines: &mut [Line<'_>]) -> Vec<Run> {
    // Each decided on the lines as read, before any is relabelled.
    let mut relabelled: Vec<(usize, Kind, Box<[super::lines::Segment]>)> = (0..lines.len())
        .filter_map(|i| {
            if code_label(lines, i) {
                return Some((i, Kind::Text, Box::default()));
            }
            let years = run_years(text, &lines[i])?;
            let segment = super::lines::Segment {
                groups: years,
                line: i,
            };
            Some((i, lines[i].kind, Box::new([segment]) as Box<[_]>))
        })
        .collect();
    // Swapping twice gives every line back as it was.
    let swap = |lines: &mut [Line<'_>], relabelled: &mut [(usize, Kind, Box<[_]>)]| {
        for (i, kind, segments) in relabelled {
            std::mem::swap(&mut lines[*i].kind, kind);
            std::mem::swap(lines[*i].segments_mut(), segments);
        }
    };
    swap(lines, &mut relabelled);
    let mut runs = group(&items(text, lines));
    for run in &mut runs {
        super::header::settle(text, lines, run);
        doubt_bars(lines, run);
    }
    swap(lines, &mut relabelled);
    runs
}

/// Puts in doubt the rows of `run` with a bar before a number, where most of its rows have
/// none: OCR reads a `1` standing alone before a digit group as a bar (`Gynekologisk öppenvård
/// | 875 | 640` for `1 875  1 640`), and the row's pipes then look like column gaps, so its
/// numbers would be read without their first digit. In a table written with pipes, every row
/// has them.
fn doubt_bars(lines: &[Line<'_>], run: &mut Run) {
    let barred = |r: &Row| {
        lines[r.first_line..r.end_line]
            .iter()
            .any(|l| bar_before_number(l.text))
    };
    let count = run.rows.iter().filter(|r| barred(r)).count();
    if count == 0 || 2 * count >= run.rows.len() {
        return;
    }
    for r in run.rows.iter_mut().filter(|r| r.doubt.is_none()) {
        if barred(r) {
            r.doubt = Some(Doubt::Bar);
        }
    }
}

/// Whether a bar standing alone (`|`, after a blank or at the line's start) has a digit next
/// after it, past blanks.
fn bar_before_number(text: &str) -> bool {
    text.match_indices('|').any(|(at, _)| {
        let alone = text[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        let next = text[at + 1..].trim_start().chars().next();
        alone && next.is_some_and(|c| c.is_ascii_digit())
    })
}

fn items(text: &str, lines: &[Line<'_>]) -> Vec<Item> {
    let mut out = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.page_break {
            out.extend(pending.drain(..).map(Item::Heading));
            out.push(Item::PageBreak);
        }
        match line.kind {
            Kind::Blank => i += 1,
            Kind::Prose => {
                out.extend(pending.drain(..).map(Item::Heading));
                out.push(Item::Break);
                i += 1;
            }
            Kind::Text => {
                pending.push(i);
                i += 1;
            }
            Kind::Labeled { label } => {
                let (item, next) = labeled_row(text, lines, label, i, &mut pending, &mut out);
                out.push(item);
                i = next;
            }
            Kind::Numbers if year_label(text, line) => {
                // `2017\t1 200\t1 300`: a year labels the row.
                let mut row = row_at(text, lines, String::new(), i, i, Follow::Nothing).0;
                let year = row.groups.remove(0);
                row.label = text[year.start..year.end].to_string();
                row.widths = split::widths(text, &row.groups, split::Grouping::Strict);
                row.ocr_widths = split::widths(text, &row.groups, split::Grouping::Dropped);
                row.loose_first = false;
                out.extend(pending.drain(..).map(Item::Heading));
                out.push(Item::Row(Box::new(row)));
                i += 1;
            }
            Kind::Numbers
                if pending
                    .last()
                    .is_some_and(|&p| states_unit(lines[p].trimmed()))
                    && !year_line(text, line) =>
            {
                // `Belopp angivna i tkr` ⏎ `6`: a caption labels no row; the number under it is a
                // section number or a page number (a year under it opens a stacked header).
                out.extend(pending.drain(..).map(Item::Heading));
                out.push(Item::Orphan);
                i += 1;
            }
            Kind::Numbers if section_number(lines, i) => {
                // `5` ⏎ `Övriga villkor` ⏎ `5.1`: a chapter's number labels no row, and is
                // no cell of the row above.
                out.extend(pending.drain(..).map(Item::Heading));
                out.push(Item::Orphan);
                i += 1;
            }
            Kind::Numbers if !pending.is_empty() => {
                let last = pending.pop().unwrap_or(i);
                let own = lines[last].trimmed().to_string();
                let (label, first) = join_label(lines, &mut pending, own, last, &mut out);
                let (row, next) = row_at(text, lines, label, first, i, Follow::AcrossBlanks);
                out.push(if is_sentence(&row.label) {
                    Item::Break
                } else {
                    Item::Row(Box::new(row))
                });
                i = next;
            }
            Kind::Numbers => {
                // A header of years without a label (`\t2017\t2018`) opens a table; other bare
                // numbers (a page number) are no row.
                let (row, next) = row_at(text, lines, String::new(), i, i, Follow::Nothing);
                out.extend(pending.drain(..).map(Item::Heading));
                out.push(if row.is_years(text) {
                    Item::Row(Box::new(row))
                } else {
                    Item::Orphan
                });
                i = next;
            }
        }
    }
    out.extend(pending.drain(..).map(Item::Heading));
    out
}

/// The row of a line whose label (`span`) is followed by numbers (`Totalt1 444`,
/// `Löner\t1 200\t1 300`), with the lines of numbers directly after it; prose makes a break.
fn labeled_row(
    text: &str,
    lines: &[Line<'_>],
    span: (usize, usize),
    i: usize,
    pending: &mut Vec<usize>,
    out: &mut Vec<Item>,
) -> (Item, usize) {
    let written = text[span.0..span.1].trim();
    let colon = written.ends_with(':');
    let own = written.trim_end_matches(':').to_string();
    let (label, first) = join_label(lines, pending, own, i, out);
    let glued = lines[i]
        .segments()
        .first()
        .and_then(|s| s.groups.first())
        .is_some_and(|g| g.start == span.1);
    let (mut row, mut next) = row_at(text, lines, label, first, i, Follow::Adjacent);
    // `2 Samhällsekonomi och      17 412,9    17 903,1` ⏎ `  finansförvaltning`: a label
    // ending in a word a sentence goes on after, its figures a column gap away and its rest on
    // the next line, is a row label wrapped after its figures, not prose broken before a number.
    let rest = (row.lead_gap && next == i + 1)
        .then(|| wrapped_rest(lines, next, &row.label))
        .flatten();
    if let Some(rest) = rest {
        row.label = format!("{} {rest}", row.label);
        next += 1;
    }
    let item = if rest.is_none() && is_sentence(&row.label) {
        Item::Break
    } else {
        Item::Row(Box::new(Row {
            loose_first: !glued && row.loose_first,
            colon,
            ..row
        }))
    };
    (item, next)
}

/// Whether a row's figures are one run of seven or more digits run into a word of its label,
/// and nothing else: no group space, no decimal comma (`Årets resultat623409628`, not `Årets
/// resultat 623409628`, `623 409 628` or `8206,2`). A figure that long is written with group
/// spaces in the exports that keep spaces at all.
pub(super) fn run_together(text: &str, row: &Row) -> bool {
    let [g] = row.groups.as_slice() else {
        return false;
    };
    let into_word = text
        .get(..g.start)
        .and_then(|before| before.chars().next_back())
        .is_some_and(char::is_alphabetic);
    into_word
        && text
            .get(g.digits..g.end)
            .is_some_and(|d| d.len() >= 7 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// The rest of a row label wrapped onto line `at`, after its figures: a text line starting
/// lower-case that `label`, ending in a word a sentence goes on after, runs into
/// (`Samhällsekonomi och` ⏎ `finansförvaltning`).
fn wrapped_rest<'a>(lines: &'a [Line<'_>], at: usize, label: &str) -> Option<&'a str> {
    let line = lines
        .get(at)
        .filter(|l| l.kind == Kind::Text && !l.page_break)?;
    let rest = line.trimmed();
    let fits = label.chars().count() + rest.chars().count() < MAX_LABEL_CHARS;
    let lower = rest.chars().next().is_some_and(char::is_lowercase);
    (fits && lower && ends_open(label) && wraps_into(label, rest)).then_some(rest)
}

/// A header row of years an export ran together (`2019202020192020`): one unsigned run of
/// eight or more digits, alone on its line, every four of them a year. No figure is written
/// so (sixteen digits without a group space); the years, each a group of its own.
fn run_years(text: &str, line: &Line<'_>) -> Option<Vec<Group>> {
    let [seg] = line.segments() else {
        return None;
    };
    let [g] = seg.groups.as_slice() else {
        return None;
    };
    let digits = text.get(g.digits..g.end)?;
    let years = line.kind == Kind::Numbers
        && !g.signed()
        && digits.len() >= 8
        && digits.len() % 4 == 0
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (0..digits.len() / 4).all(|k| super::numeral::is_year(&digits[4 * k..4 * k + 4]));
    years.then(|| {
        (0..digits.len() / 4)
            .map(|k| Group {
                start: g.digits + 4 * k,
                digits: g.digits + 4 * k,
                end: g.digits + 4 * k + 4,
                join: if k == 0 {
                    super::lines::Join::None
                } else {
                    super::lines::Join::Space
                },
                percent: false,
            })
            .collect()
    })
}

/// A row label written as a code on a line of its own above the row's figures (SNI branch
/// codes `45`, `01-05`, `90-95` in an SCB table): a number of one or two digits, or a range of
/// two such, alone on its line, with a line of three or more digit groups and no label right
/// under it and a line right above it (no blank line between: a one-cell-per-line export
/// separates its cells by blank lines). A range is no figure (`01-05` is no `01` and `-05`), and
/// a two-digit figure above a row of many is no cell of a table whose rows are one line each.
fn code_label(lines: &[Line<'_>], i: usize) -> bool {
    static CODE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^[0-9]{1,2}(?:-[0-9]{1,2})?$").expect("valid regex")
    });
    let line = &lines[i];
    if let (Kind::Labeled { .. }, [seg]) = (line.kind, line.segments())
        && let [g] = seg.groups.as_slice()
    {
        // `SNI02`: digits glued to a word, opening with a zero, are a code; no figure is
        // written with a leading zero.
        let at = |abs: usize| abs.checked_sub(line.start);
        let digits = at(g.digits)
            .zip(at(g.end))
            .and_then(|(a, b)| line.text.get(a..b))
            .unwrap_or("");
        let before = at(g.start).and_then(|a| line.text.get(..a)).unwrap_or("");
        return at(g.end) == Some(line.text.trim_end().len())
            && digits.len() >= 2
            && digits.bytes().all(|b| b.is_ascii_digit())
            && digits.starts_with('0')
            && before.ends_with(|c: char| c.is_alphabetic());
    }
    let below = lines.get(i + 1).is_some_and(|l| {
        l.kind == Kind::Numbers && l.segments().iter().map(|s| s.groups.len()).sum::<usize>() >= 3
    });
    let above = i > 0 && lines[i - 1].kind != Kind::Blank && !lines[i].page_break;
    line.kind == Kind::Numbers && CODE.is_match(line.trimmed()) && below && above
}

/// A line of numbers whose first column is a year standing alone, followed by other columns.
fn year_label(text: &str, line: &Line<'_>) -> bool {
    line.segments().len() >= 2
        && line.segments()[0].groups.len() == 1
        && !line.segments()[1..].iter().all(|s| {
            s.groups.len() == 1
                && super::numeral::is_year(&text[s.groups[0].start..s.groups[0].end])
        })
        && super::numeral::is_year(
            &text[line.segments()[0].groups[0].start..line.segments()[0].groups[0].end],
        )
}

/// The label of a row whose own label text is `own` (on line `at`): pending text lines that
/// visibly wrap into it are joined; the others become headings. Returns (label, first line).
fn join_label(
    lines: &[Line<'_>],
    pending: &mut Vec<usize>,
    own: String,
    at: usize,
    out: &mut Vec<Item>,
) -> (String, usize) {
    let mut label = own;
    let mut first = at;
    while let Some(&p) = pending.last() {
        let prev = lines[p].trimmed();
        let fits = prev.chars().count() + label.chars().count() < MAX_LABEL_CHARS;
        if !fits || !wraps_into(prev, &label) {
            break;
        }
        label = format!("{prev} {label}");
        first = p;
        pending.pop();
    }
    out.extend(pending.drain(..).map(Item::Heading));
    (without_note_links(without_list_mark(label)), first)
}

/// Note references written as links at the end of a label (`not 20 »`, `not 21 » not 36 »`):
/// `not`, the note's number and the link's arrow. An export of a web annual report sets them in
/// the label's cell or on a line of their own after it; they point at the notes, they do not
/// name the row. Only with the arrow: a note in parentheses (`(Not 25)`) is printed as part of
/// the label, and a bare `not 5` may end a label's wording (`… enligt not 5`).
static NOTE_LINKS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?x) (?: \s+ [Nn][Oo][Tt] \s+ [0-9]{1,2} [A-Za-z]?   # `not 20`, `Not 1A`
               (?: \s* , \s* [0-9]{1,2} [A-Za-z]? )*          # `not 3, 4`
               \s* [»›] )+                                   # the link's arrow
           \s* $",
    )
    .expect("valid regex")
});

/// The label without the note links that end it (see [`NOTE_LINKS`]); a label that is nothing
/// else stays as written.
fn without_note_links(label: String) -> String {
    match NOTE_LINKS.find(&label) {
        Some(m) if super::lines::has_letter(&label[..m.start()]) => label[..m.start()].to_string(),
        _ => label,
    }
}

/// The label without the dash that opens it as an item of a list (`– Konst`, `- Individ- och
/// familjeomsorg`, `– varav årets resultat`): a mark of the layout, not of the row's name. Only a
/// dash and a space before a word: `-` alone is an empty cell, and a dash before a figure its
/// sign.
fn without_list_mark(label: String) -> String {
    let rest = ["- ", "– ", "— "]
        .iter()
        .find_map(|m| label.strip_prefix(m))
        .map(str::trim_start)
        .filter(|r| r.starts_with(char::is_alphabetic));
    match rest {
        Some(r) => r.to_string(),
        None => label,
    }
}

/// A line of nothing but years (`2023`).
fn year_line(text: &str, line: &Line<'_>) -> bool {
    line.segments()
        .iter()
        .flat_map(|s| &s.groups)
        .all(|g| super::numeral::is_year(&text[g.start..g.end]))
}

/// Non-blank lines after a lone number within which its first sub-section's number stands.
const SECTION_REACH: usize = 3;

/// A line holding only a whole number of one or two digits (`5`) whose first sub-section's
/// number (`5.1`, alone or opening its line) follows within [`SECTION_REACH`] non-blank lines,
/// as a numbered document's headings stand (`5` ⏎ `Övriga villkor` ⏎ `5.1` ⏎ `Låneram …`):
/// the number is the chapter's, not a figure. A cell is never followed by the
/// number of its own value and `.1`.
fn section_number(lines: &[Line<'_>], i: usize) -> bool {
    let n = lines[i].trimmed();
    if n.is_empty() || n.len() > 2 || !n.bytes().all(|b| b.is_ascii_digit()) || n.starts_with('0') {
        return false;
    }
    let sub = format!("{n}.1");
    lines[i + 1..]
        .iter()
        .filter(|l| l.kind != Kind::Blank)
        .take(SECTION_REACH)
        .any(|l| {
            let t = l.trimmed();
            t.strip_prefix(sub.as_str()).is_some_and(|rest| {
                rest.is_empty() || !rest.starts_with(|c: char| c.is_ascii_digit() || c == ',')
            })
        })
}

/// A caption that states a unit (`Belopp angivna i tkr`, `(mnkr)`): never a row's label.
fn states_unit(t: &str) -> bool {
    super::unit::is_caption_opener(t) && super::unit::written(t).is_some()
}

/// A label that is running prose broken before a number (`… ska slutredovisa senast den` ⏎
/// `11`): too long for a row label, or ending in a word a sentence goes on after.
fn is_sentence(label: &str) -> bool {
    label.chars().count() > MAX_LABEL_CHARS || ends_open(label)
}

/// Whether `label` ends in a word a sentence goes on after (`och`, `till`, `senast den`).
fn ends_open(label: &str) -> bool {
    let last = label.rsplit(' ').next().unwrap_or("").to_lowercase();
    matches!(
        last.as_str(),
        "den"
            | "det"
            | "senast"
            | "från"
            | "under"
            | "cirka"
            | "ca"
            | "drygt"
            | "än"
            | "om"
            | "och"
            | "samt"
            | "i"
            | "för"
            | "av"
            | "till"
            | "med"
            | "på"
            | "inom"
            | "är"
    )
}

/// Whether text line `prev` continues on the next (`Västra Götalands` ⏎ `län`, `Stöd till` ⏎ …).
fn wraps_into(prev: &str, next: &str) -> bool {
    let last_word = prev.rsplit(' ').next().unwrap_or("");
    let first_word = next.split(' ').next().unwrap_or("");
    // A lower-case word goes on from the line before, unless it is a unit opening a header line.
    let lower_word = !first_word.is_empty()
        && first_word.chars().all(char::is_lowercase)
        && super::numeral::units_in(first_word).is_empty();
    // A header closing with `Disponeras av` heads the rows under it: it ends in `av`, but no
    // label goes on from it.
    if super::numeral::heads_disposer_column(prev) {
        return false;
    }
    // A lone dash is an empty cell one cell per line (`18,7` ⏎⏎ `-` ⏎⏎ `-` ⏎⏎ `Summa …`), not
    // a word broken at its hyphen: no part of the next row's label.
    if matches!(prev.trim(), "-" | "–" | "—") && next.starts_with(char::is_alphabetic) {
        return false;
    }
    // A note cell of several notes one cell per line (`10, 22`) is the label's.
    lower_word
        || super::lines::is_note_list(next)
        || prev.ends_with(['-', ','])
        || matches!(
            last_word,
            "och" | "samt" | "i" | "för" | "av" | "till" | "med" | "på" | "inom" | "om"
        )
}

/// Which lines after a row's first line of numbers hold more of its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Follow {
    /// None: the row is one line.
    Nothing,
    /// Lines of only numbers directly after it (the stacked layout).
    Adjacent,
    /// Lines of only numbers with blank lines between (the one-cell-per-line layout).
    AcrossBlanks,
}

/// The row whose numbers start on line `i`: that line's groups and those of the lines `follow`
/// allows after it.
fn row_at(
    text: &str,
    lines: &[Line<'_>],
    label: String,
    first_line: usize,
    i: usize,
    follow: Follow,
) -> (Row, usize) {
    let mut groups: Vec<Group> = lines[i]
        .segments()
        .iter()
        .flat_map(|s| s.groups.clone())
        .collect();
    let mut end = i + 1;
    let mut j = i + 1;
    // The segments of the lines of numbers, to tell a one-cell-per-line row.
    let mut segments = lines[i].segments().len();
    let mut number_lines = 1;
    // A unit after the numbers closes the row.
    let follow = if lines[i].unit().is_some() {
        Follow::Nothing
    } else {
        follow
    };
    while let Some(l) = lines.get(j).filter(|_| follow != Follow::Nothing) {
        if l.page_break {
            break;
        }
        match l.kind {
            Kind::Blank if follow == Follow::AcrossBlanks => j += 1,
            Kind::Numbers if l.unit().is_none() => {
                groups.extend(l.segments().iter().flat_map(|s| s.groups.iter().copied()));
                segments += l.segments().len();
                number_lines += 1;
                j += 1;
                end = j;
            }
            _ => break,
        }
    }
    let lead_gap = groups.first().is_some_and(|g| {
        let before = &text[lines[i].start..g.start];
        let ws = &before[before.trim_end().len()..];
        ws.contains('\t') || ws.chars().count() >= 2
    });
    let loose_first = !lead_gap
        && groups.len() > 1
        && groups[1].join == super::lines::Join::Space
        && text[groups[0].start..groups[0].end].len() <= 2;
    let dashes: Vec<usize> = lines[i..end]
        .iter()
        .flat_map(|l| l.dashes().iter().copied())
        .collect();
    let doubt = (!dashes.is_empty()).then_some(Doubt::EmptyCell);
    let mut widths = split::widths(text, &groups, split::Grouping::Strict);
    let ocr_widths = split::widths(text, &groups, split::Grouping::Dropped);
    if loose_first {
        widths |= split::widths(text, &groups[1..], split::Grouping::Strict);
    }
    // One cell per line: `3 248` ⏎⏎ `3 502` is two cells, never `3`, `248`, `3`, `502` (read
    // so under four headers, a wrong amount in every cell), and `8 157,1` no note 8 and 157,1.
    // Its widths stay those of the digit groups: a note line (`26` ⏎⏎ `128 342` …) is taken
    // out under the table's `Not` header before the row is read.
    let lines_are_cells = follow == Follow::AcrossBlanks
        && number_lines >= 2
        && segments == number_lines
        && dashes.is_empty()
        && (i != first_line || !loose_first)
        && cell_widths(text, &groups).is_some();
    (
        Row {
            label,
            groups,
            first_line,
            end_line: end,
            widths,
            ocr_widths: ocr_widths | widths,
            loose_first,
            before: Vec::new(),
            after_break: false,
            names: Vec::new(),
            lead_gap,
            colon: false,
            unit: lines[i].unit(),
            placed: Vec::new(),
            doubt,
            dashes,
            lines_are_cells,
        },
        end,
    )
}

/// The one width of a row written one number a line: one bit, at the number of segments, where
/// each segment (a line of its own) reads as one number; `None` where one does not.
pub(super) fn cell_widths(text: &str, groups: &[Group]) -> Option<u64> {
    let starts: Vec<usize> = (0..groups.len())
        .filter(|&k| k == 0 || groups[k].join == super::lines::Join::None)
        .chain(std::iter::once(groups.len()))
        .collect();
    let count = starts.len() - 1;
    let each_one = starts
        .windows(2)
        .all(|w| split::widths(text, &groups[w[0]..w[1]], split::Grouping::Strict) & 0b10 != 0);
    ((1..64).contains(&count) && each_one).then(|| 1u64 << count)
}

/// Cuts the item stream into runs: rows separated only by blank lines, a few sub-headings, or a
/// page break with its furniture.
fn group(items: &[Item]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut head: Vec<usize> = Vec::new();
    let mut current: Option<Run> = None;
    let mut gap_lines = 0;
    let mut after_break = false;
    for item in items {
        match item {
            Item::Row(r) => {
                let run = current.get_or_insert_with(|| Run {
                    head: std::mem::take(&mut head),
                    rows: Vec::new(),
                });
                run.rows.push(Row {
                    before: std::mem::take(&mut head),
                    after_break,
                    ..(**r).clone()
                });
                gap_lines = 0;
                after_break = false;
            }
            Item::Heading(l) => {
                gap_lines += 1;
                if gap_lines > MAX_GAP_LINES && !after_break {
                    out.extend(current.take());
                }
                head.push(*l);
                if head.len() > MAX_HEAD_LINES {
                    head.remove(0);
                }
            }
            Item::PageBreak => {
                after_break = true;
                gap_lines = 0;
            }
            Item::Orphan if after_break => {}
            Item::Orphan | Item::Break => {
                out.extend(current.take());
                head.clear();
                gap_lines = 0;
            }
        }
    }
    out.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    /// The labels of the rows read from `text`.
    fn labels(text: &str) -> Vec<String> {
        runs(text, &mut lines(text))
            .into_iter()
            .flat_map(|r| r.rows)
            .map(|r| r.label)
            .collect()
    }

    #[test]
    fn a_dash_opening_a_list_item_is_no_part_of_its_label() {
        // (text, the labels of its rows)
        let cases: &[(&str, &[&str])] = &[
            (
                "Materiella anläggningstillgångar\n – Mark, byggnader och tekniska anläggningar 13 521,2 507,7\n – Konst 3,2 3,1\n",
                &["Mark, byggnader och tekniska anläggningar", "Konst"],
            ),
            (
                "Socialnämnd:\n\n- Individ- och familjeomsorg\n\n84 310\n\n86 020\n",
                &["Individ- och familjeomsorg"],
            ),
            // A dash inside a label, a word run into a dash, or a lone dash stays.
            (
                "Teknisk verksamhet - skattefinansierad 28,5 31,5\n-Övrigt 1,2 1,3\n",
                &["Teknisk verksamhet - skattefinansierad", "-Övrigt"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text), *want, "{text:?}");
        }
    }

    #[test]
    fn note_links_ending_a_label_are_no_part_of_it() {
        // (text, the labels of its rows)
        let cases: &[(&str, &[&str])] = &[
            (
                "   Verksamhetens intäkter\n\nnot 20 »\n\n22 677\n\n22 554\n\n   Verksamhetens kostnader\n\nnot 21 » not 36 »\n\n–40 286\n\n–40 984\n",
                &["Verksamhetens intäkter", "Verksamhetens kostnader"],
            ),
            ("Skatteintäkter Not 6 › 3 200 3 100\n", &["Skatteintäkter"]),
            // A note in parentheses is printed as part of the label; other links stay too.
            (
                "Nyupptagna lån (Not 28) 400 0\nÖvriga intäkter läs mer »\n\n1 200\n\n1 300\n",
                &["Nyupptagna lån (Not 28)", "Övriga intäkter läs mer »"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text), *want, "{text:?}");
        }
    }

    #[test]
    fn a_lone_dash_one_cell_per_line_is_no_part_of_the_next_label() {
        // (text, the labels of its rows)
        let cases: &[(&str, &[&str])] = &[
            (
                "Andra avsättningar\n\n28,3\n\n18,7\n\n-\n\n-\n\nSumma avsättningar\n\n58,9\n\n49,7\n",
                &["Andra avsättningar", "Summa avsättningar"],
            ),
            // Dashes before a row's figures (`Skatt` ⏎ `8` ⏎ `-` ⏎ `-` ⏎ `-40`) stay that row's.
            ("Skatt\n\n8\n\n-\n\n-\n\n-40\n\n-21\n", &["Skatt", "- -"]),
            // A label broken at its hyphen still wraps into the next line.
            (
                "Bidrag till skatte-\nutjämning 12 000\nÖvrigt 3 000\n",
                &["Bidrag till skatte- utjämning", "Övrigt"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text), *want, "{text:?}");
        }
    }

    #[test]
    fn a_disposer_columns_header_is_no_part_of_the_first_label() {
        // (text, the labels of its rows)
        let cases: &[(&str, &[&str])] = &[
            (
                "Anslagspost Belopp Disponeras av\nap.1 Stöd (ram) 897 000 Socialstyrelsen\nap.2 Bidrag (ram) 12 000 Kammarkollegiet\n",
                &["ap.1 Stöd (ram)", "ap.2 Bidrag (ram)"],
            ),
            // A line ending in `av` over a row still wraps into its label.
            (
                "Bidrag till verksamhet av\nideella föreningar 12 000\nÖvrigt 3 000\n",
                &["Bidrag till verksamhet av ideella föreningar", "Övrigt"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text), want.to_vec(), "{text}");
        }
    }

    #[test]
    fn a_label_wrapped_after_its_figures_takes_its_rest_and_prose_stays_out() {
        let head = "Utgiftsområde                    2026        2027\n";
        let tail = "3 Skatt, tull och exekution    13 208,4    13 551,0\n";
        // (the row's lines, the labels of the rows read)
        let cases: &[(&str, &[&str])] = &[
            (
                "2 Samhällsekonomi och        17 412,9    17 903,1\n  finansförvaltning\n",
                &[
                    "2 Samhällsekonomi och finansförvaltning",
                    "3 Skatt, tull och exekution",
                ],
            ),
            (
                "Bidrag till       1 200       1 300\nideella föreningar\n",
                &[
                    "Bidrag till ideella föreningar",
                    "3 Skatt, tull och exekution",
                ],
            ),
            // A single space before the figures: prose broken before a number, no row.
            (
                "2 Samhällsekonomi och 17 412,9 17 903,1\n  finansförvaltning\n",
                &["3 Skatt, tull och exekution"],
            ),
            // No rest under it that starts lower-case: prose too.
            (
                "2 Samhällsekonomi och        17 412,9    17 903,1\n  Finansförvaltning\n",
                &["3 Skatt, tull och exekution"],
            ),
            // A label that ends no sentence keeps its own line: the line under it is no part.
            (
                "6 Försvar          119 874,1   138 402,9\n  krisberedskap\n",
                &["6 Försvar", "3 Skatt, tull och exekution"],
            ),
        ];
        for (rows, want) in cases {
            let text = format!("{head}{rows}{tail}");
            // The header line reads as a row of its own here: its years are its numbers.
            let want: Vec<&str> = ["Utgiftsområde"]
                .iter()
                .chain(want.iter())
                .copied()
                .collect();
            assert_eq!(labels(&text), want, "{text}");
        }
    }

    #[test]
    fn a_chapter_number_is_no_cell_of_the_row_above() {
        // (text, whether the line of prose above the lone number is read as its row's label)
        for (text, row) in [
            // The chapter's sub-section `5.1` follows: `5` is its number.
            (
                "Anslagssparandet prövas\n\n5\n\nÖvriga villkor\n\n5.1\n",
                false,
            ),
            (
                "Anslagssparandet prövas\n5\nÖvriga villkor\n5.1 Låneram\n",
                false,
            ),
            // No sub-section, another one's, or one too far below: a cell.
            ("Anslagssparandet prövas\n\n5\n\nÖvriga villkor\n", true),
            (
                "Anslagssparandet prövas\n\n5\n\nÖvriga villkor\n\n6.1\n",
                true,
            ),
            ("Anslagssparandet prövas\n5\na\nb\nc\n5.1\n", true),
            // `5.10` is no sub-section's number; `5.1,5` a figure.
            ("Anslagssparandet prövas\n5\nÖvriga villkor\n5.1,5\n", true),
            // Three digits are no chapter's.
            (
                "Anslagssparandet prövas\n\n500\n\nÖvriga villkor\n\n500.1\n",
                true,
            ),
        ] {
            let got = labels(text).iter().any(|l| l == "Anslagssparandet prövas");
            assert_eq!(got, row, "{text:?}");
        }
    }

    #[test]
    fn years_run_together_are_a_header_row_of_years() {
        // (line, the years it is cut into; empty when it is left alone)
        for (text, want) in [
            (" 2019202020192020\n", vec!["2019", "2020", "2019", "2020"]),
            ("20192020\n", vec!["2019", "2020"]),
            // A figure, a year alone, a run that is no years, a signed run: left alone.
            ("2019\n", vec![]),
            ("12345678\n", vec![]),
            ("2019202\n", vec![]),
            ("-20192020\n", vec![]),
        ] {
            let got: Vec<&str> = run_years(text, &lines(text)[0])
                .unwrap_or_default()
                .iter()
                .map(|g| &text[g.start..g.end])
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        // The run heads the rows under it as four year columns.
        let text = "miljoner kronor\n 2019202020192020\n01L Aa 89 182 93 219 2 558 8 073\n\
                    03L Bb 17 375 17 925 154 781\n";
        let runs = runs(text, &mut lines(text));
        assert!(runs[0].rows[0].is_years(text), "{:?}", runs[0].rows[0]);
        assert_eq!(runs[0].rows[0].columns(), 4);
    }

    #[test]
    fn a_code_alone_above_a_row_of_figures_is_its_label() {
        // (text, the line index of the code, whether it is a label)
        for (text, at, want) in [
            ("Totalt\n45\n1 200 2 300 3 500\n", 1, true),
            ("SNI02\nStockholm\n", 0, true),
            // Blank lines between: one cell per line, `45` a figure of its own.
            ("Totalt\n\n45\n\n1 200 2 300 3 500\n", 2, false),
            // Too few figures below, a grouped figure, the first line: cells.
            ("Totalt\n45\n1 200\n", 1, false),
            ("Totalt\n1 450\n1 200 2 300 3 500\n", 1, false),
            ("45\n1 200 2 300 3 500\n", 0, false),
            // A figure run into its label, without a leading zero.
            ("(ram)0\n", 0, false),
            ("Totalt12\n", 0, false),
        ] {
            assert_eq!(code_label(&lines(text), at), want, "{text:?}");
        }
    }

    #[test]
    fn a_unit_caption_labels_no_row() {
        for (text, want) in [
            // A caption, then a section number: no row.
            ("Belopp angivna i tkr\n\n6\n\nÖvriga villkor", &[][..]),
            ("(mnkr)\n\n12\n\nBilaga", &[]),
            // A label with a number under it is a row (one cell per line).
            ("Stockholm\n\n6\n\nUppsala\n\n7", &["Stockholm", "Uppsala"]),
            // A year under a caption opens a stacked header.
            ("(mnkr) Bokslut\n2023\nBudget\n2024", &["(mnkr)"]),
        ] {
            assert_eq!(labels(text), want, "{text:?}");
        }
    }
}
