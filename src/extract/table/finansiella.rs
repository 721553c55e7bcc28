//! Regleringsbrev "Finansiella villkor" rows the export ran together: `90:1 ap.10Inget0` under
//! `Anslag/anslagspostAnslagskredit (tkr)Anslagsbehållning som disponeras 2005Indrag av
//! anslagsbelopp (tkr)`.
//!
//! **In:** the classified lines. **Out:** one [`Shaped`] table per such header, its rows
//! labelled by item code (`90:1 ap.1`, or the anslag code `42:7` when no `ap.` follows) with
//! the three columns in the order the header writes them: anslagskredit, behållning and indrag.
//! The behållning holds a figure (`ap.1167 423542 4000`: 167 423 | 542 400 | 0), a word
//! (`Inget`, `Allt`: no cell) or a share (`3 %`: no cell).
//!
//! The export joins cells with nothing between them, while a space only ever groups a number's
//! digits: so a row is read cell by cell by the grouping rules, and the item code's digits end
//! where the first value's begin (`ap.10` is `ap.1` and `0`). A row is read only where the split
//! is unique; where several remain, the one whose item code the letter names above the table
//! (`ap.1Till Regeringskansliets disposition`) is taken, else the one whose item number counts
//! up from the row above. The next section's heading may be run onto the last value
//! (`5772.1.4Finansiella`): it is cut off only where its number follows the section above the
//! table (`2.1.3` → `2.1.4`). The unit is the headers', the line under the table's, or the one
//! the table's section title states (`2.1.2Finansiella villkor för anslag (tkr)`).
//! OCR writes the same rows a space after the code and between the cells (`90:1 ap.1 0 Inget
//! 0`) under a header whose names it set a space apart, a letter swapped and the behållning's
//! year merged into the indrag's name (`Anslagsbehillning som disjowdrags 3045slagsbelopp`):
//! such a header is read in the usual column order, and such a row by the same grouping rules,
//! one space before each cell.
//! **Deliberately not done:** a row whose split stays open (it is left out, not guessed), and an
//! OCR'd header in another column order.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::{Kind, Line};
use super::rows::Row;
use super::split::Num;
use super::{Shaped, numeral, unit};

/// The label column's header that opens the run-together header line (`Anslag/ap/dp`).
static LABEL_COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*Anslag/\S*?(?:Anslagskredit|Anslagsbehållning|Indrag)").expect("valid regex")
});

/// The three columns' headers, each as the letters write it; their order varies.
static COLUMN_HEADERS: LazyLock<[(Column, Regex); 3]> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).expect("valid regex");
    [
        (Column::Kredit, re(r"^Anslagskredit(?:\s*\([^)]*\))?")),
        (
            Column::Behallning,
            re(r"^Anslagsbehållning\D*?\d{4}(?:\s*\([^)]*\))?"),
        ),
        (
            Column::Indrag,
            re(r"^Indrag\s+av\s+anslags-?\s*belopp(?:\s*\([^)]*\))?"),
        ),
    ]
});

/// A row's start: an item code after `ap.` (with the anslag code before it, `90:1 ap.`), or an
/// anslag code whose number runs into the values (`42:7003 %`).
static ROW_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x) ^ \s* (?: (?P<ap> (?: \d+:\d+ \s+ )? ap\. ) | (?P<code> \d+: ) ) \d")
        .expect("valid regex")
});

/// A year after an item code (`ap.103 (2002)`): the code's, not a value.
static CODE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\(\d{4}\)").expect("valid regex"));

/// A numbered section heading run onto the last value (`5772.1.4Finansiella`): its number.
static SECTION_RUN_ON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d+(?:\.\d+)+)\s*\p{Lu}").expect("valid regex"));

/// A numbered section heading line, or the number of one ending a line (`… i
/// Sverige.2.1.2Finansiella villkor för anslag (tkr)`): number and title.
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.]|\p{L}\.)(?P<n>\d+(?:\.\d+)+)\s*(?P<title>\p{Lu}[^.]*)?$")
        .expect("valid regex")
});

/// An item code the letter names elsewhere (`ap.1Till …`, `42:7Djurskyddsmyndigheten`).
static NAMED_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(ap\.|\d+:)(\d+(?:\.\d+)*)(?:[^\d.]|$)").expect("valid regex"));

/// The columns a finansiella-villkor table has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// Anslagskredit: money.
    Kredit,
    /// Anslagsbehållning som disponeras: money, or a word (`Inget`, `Allt`), or a percentage.
    Behallning,
    /// Indrag av anslagsbelopp: money.
    Indrag,
}

/// One cell of a row as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// A number (line-relative byte span), perhaps a percentage.
    Number {
        start: usize,
        end: usize,
        percent: bool,
    },
    /// A word in the behållning column.
    Word,
}

/// One way to read a row: where its label ends, its item code, and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Split {
    label_end: usize,
    item: String,
    cells: Vec<Cell>,
}

/// The header as OCR leaves it when the letters set it tight: the names a space apart, a
/// letter swapped (`Anslagsbehillning`, `Anslagsbehallning`), and the behållning's year merged
/// with the head of `Indrag av anslagsbelopp` into a garble (`disjowdrags 3045slagsbelopp`).
/// Read only in the letters' usual order, kredit, behållning, indrag: the indrag column is
/// known by its last word's tail, `slagsbelopp`, after the behållning's name.
static OCR_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ \s* Anslag/\S* \s+
        (?P<kredit> Anslagskredit (?: \s* \( [^)]* \) )? ) \s+
        (?P<behallning> Anslagsbeh \p{L} llning \b .*? ) \s*
        (?P<indrag> \S* slags-? \s* belopp (?: \s* \( [^)]* \) )? ) \s* $",
    )
    .expect("valid regex")
});

/// The header: the columns in the order written, each with its header text; failing that, as
/// OCR leaves it ([`OCR_HEADER`]).
fn header(t: &str) -> Option<Vec<(Column, String)>> {
    exported_header(t).or_else(|| {
        let c = OCR_HEADER.captures(t)?;
        Some(vec![
            (Column::Kredit, c["kredit"].trim().to_string()),
            (Column::Behallning, c["behallning"].trim().to_string()),
            (Column::Indrag, c["indrag"].trim().to_string()),
        ])
    })
}

/// The header as the export runs it together, its columns in any order.
fn exported_header(t: &str) -> Option<Vec<(Column, String)>> {
    let m = LABEL_COLUMN.find(t)?;
    // The label column's header ends where the first column's begins.
    let mut pos = (m.start()..m.end())
        .filter(|&p| t.is_char_boundary(p))
        .find(|&p| COLUMN_HEADERS.iter().any(|(_, re)| re.is_match(&t[p..])))?;
    let mut out: Vec<(Column, String)> = Vec::new();
    while out.len() < 3 {
        let rest = t[pos..].trim_start();
        pos = t.len() - rest.len();
        let (col, m) = COLUMN_HEADERS
            .iter()
            .find_map(|(c, re)| re.find(rest).map(|m| (*c, m)))?;
        if out.iter().any(|(c, _)| *c == col) {
            return None;
        }
        out.push((col, m.as_str().trim().to_string()));
        pos += m.end();
    }
    Some(out)
}

/// The ends of every number (strict Swedish grouping: a first group of one to three digits
/// without a leading zero, or `0`, then groups of exactly three after one space) starting at
/// `at`, with whether a `%` follows it; the end given is after the `%`.
fn numbers_at(t: &str, at: usize) -> Vec<(usize, bool)> {
    let b = t.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut ends: Vec<usize> = Vec::new();
    let run = digits(at);
    if run == 0 {
        return Vec::new();
    }
    if b[at] == b'0' {
        ends.push(at + 1);
    } else {
        for len in 1..=run.min(3) {
            let mut end = at + len;
            ends.push(end);
            if len < run {
                continue; // digits run on: only this number's first group may stop here
            }
            // More groups of three after a single space.
            while b.get(end) == Some(&b' ') && digits(end + 1) >= 3 {
                end += 4;
                ends.push(end);
                if digits(end - 3) > 3 {
                    break;
                }
            }
        }
    }
    let mut out = Vec::new();
    for e in ends {
        out.push((e, false));
        let pct = t[e..].strip_prefix(' ').unwrap_or(&t[e..]);
        if pct.starts_with('%') {
            out.push((t.len() - pct.len() + 1, true));
        }
    }
    out
}

/// Every way the cells from byte `at` on fill `columns`, with what may follow the last one:
/// nothing, or the number of a section heading that `next_section` accepts. Where `spaced`,
/// each cell follows one space (OCR's way of writing the row), else none.
fn cells_from(
    t: &str,
    at: usize,
    spaced: bool,
    columns: &[Column],
    next_section: &dyn Fn(&str) -> bool,
    cur: &mut Vec<Cell>,
    out: &mut Vec<Vec<Cell>>,
) {
    if out.len() > 8 {
        return; // far too open to read
    }
    let Some((&col, rest)) = columns.split_first() else {
        let tail = t[at..].trim();
        let ends = tail.is_empty()
            || SECTION_RUN_ON.captures(tail).is_some_and(|c| {
                next_section(&c[1]) && t[at..].starts_with(|c: char| c.is_ascii_digit())
            });
        if ends {
            out.push(cur.clone());
        }
        return;
    };
    let at = match (spaced, t[at..].strip_prefix(' ')) {
        (false, _) => at,
        (true, Some(_)) => at + 1,
        (true, None) => return,
    };
    let word_len = t[at..]
        .char_indices()
        .take_while(|&(k, c)| {
            if k == 0 {
                c.is_uppercase()
            } else {
                c.is_lowercase()
            }
        })
        .map(|(k, c)| k + c.len_utf8())
        .last();
    if let Some(len) = word_len.filter(|&l| col == Column::Behallning && l > 1) {
        cur.push(Cell::Word);
        cells_from(t, at + len, spaced, rest, next_section, cur, out);
        cur.pop();
    }
    for (end, percent) in numbers_at(t, at) {
        // A percentage is a behållning share, never a kredit or an indrag.
        if percent && col != Column::Behallning {
            continue;
        }
        let num_end = if percent {
            t[..end - 1].trim_end().len()
        } else {
            end
        };
        cur.push(Cell::Number {
            start: at,
            end: num_end,
            percent,
        });
        cells_from(t, end, spaced, rest, next_section, cur, out);
        cur.pop();
    }
}

/// The ways to read line `t` under `columns`.
fn splits(t: &str, columns: &[Column], next_section: &dyn Fn(&str) -> bool) -> Vec<Split> {
    let Some(c) = ROW_START.captures(t) else {
        return Vec::new();
    };
    let (pre, dotted) = match (c.name("ap"), c.name("code")) {
        (Some(p), _) => (p, true),
        (_, Some(p)) => (p, false),
        _ => return Vec::new(),
    };
    let from = pre.end();
    let mut out = Vec::new();
    let b = t.as_bytes();
    let mut j = from;
    while j < t.len() && (b[j].is_ascii_digit() || (dotted && b[j] == b'.')) {
        j += 1;
        if !b[j - 1].is_ascii_digit() {
            continue;
        }
        let mut label_end = j;
        if let Some(y) = CODE_YEAR.find(&t[j..]) {
            label_end = j + y.end();
        }
        // OCR writes a space after the code and between the cells (`ap.1 0 Inget 0`), where the
        // export runs them together (`ap.10Inget0`): a space after the code (and no code year)
        // says which way the whole row is written.
        let spaced = label_end == j && t[j..].starts_with(' ');
        let mut all = Vec::new();
        cells_from(
            t,
            label_end,
            spaced,
            columns,
            next_section,
            &mut Vec::new(),
            &mut all,
        );
        for cells in all {
            out.push(Split {
                label_end,
                item: t[from..j].to_string(),
                cells,
            });
        }
    }
    out
}

/// The one split to take: the only one; else the only one whose item code the letter names
/// before the table; else the one whose item number counts up from the row above (`prev`).
fn choose(ways: Vec<Split>, named: &BTreeSet<String>, prev: Option<&str>) -> Option<Split> {
    if ways.len() <= 1 {
        return ways.into_iter().next();
    }
    let by_name: Vec<&Split> = ways.iter().filter(|s| named.contains(&s.item)).collect();
    if let [one] = by_name.as_slice() {
        return Some((*one).clone());
    }
    let last = |code: &str| code.rsplit('.').next()?.parse::<u64>().ok();
    let next = prev.and_then(last)?.checked_add(1)?;
    let mut fit = ways.iter().filter(|s| last(&s.item) == Some(next));
    let first = fit.next()?.clone();
    fit.next().is_none().then_some(first)
}

/// The section numbers that may follow section `n` (`2.1.3`: `2.1.4`, `2.2`, `3`, `2.1.3.1`).
fn follows(n: &str, next: &str) -> bool {
    if next.split('.').any(|p| p.len() > 1 && p.starts_with('0')) {
        return false; // `003.2.2`: no section is numbered so
    }
    let parts: Vec<u64> = n.split('.').filter_map(|p| p.parse().ok()).collect();
    let want: Vec<u64> = next.split('.').filter_map(|p| p.parse().ok()).collect();
    let child =
        want.len() == parts.len() + 1 && want[..parts.len()] == parts[..] && want[parts.len()] == 1;
    let sibling = !want.is_empty()
        && want.len() <= parts.len()
        && want[..want.len() - 1] == parts[..want.len() - 1]
        && parts[want.len() - 1].checked_add(1) == Some(want[want.len() - 1]);
    child || sibling
}

/// The finansiella-villkor tables in `lines`.
pub(super) fn tables(lines: &[Line<'_>]) -> Vec<Shaped> {
    let mut out = Vec::new();
    let mut above = Above::default();
    for (h, line) in lines.iter().enumerate() {
        if !line.trimmed().starts_with("Anslag/") {
            continue;
        }
        if let Some(cols) = header(line.trimmed()) {
            above.read_to(lines, h);
            if let Some(t) = table(lines, h, &cols, &above) {
                out.push(t);
            }
        }
    }
    out
}

/// What the lines above a header tell its table: the item codes they name and the number of the
/// last section heading. Gathered once, top to bottom, as the headers are met: reading every line
/// above each header anew made a document of many regleringsbrev quadratic in its length.
#[derive(Default)]
struct Above {
    /// The lines read so far: `lines[..read]`.
    read: usize,
    /// The item and anslag codes named in them (see [`named_codes`]).
    named: BTreeSet<String>,
    /// The line of the last section heading among them.
    section: Option<usize>,
}

impl Above {
    /// Reads on to line `h` (not included), which is never above the lines already read.
    fn read_to(&mut self, lines: &[Line<'_>], h: usize) {
        let new = &lines[self.read.min(h)..h];
        self.named.extend(named_codes(new));
        // The last heading among the new lines; none there, the last one above them stands.
        let start = h - new.len();
        if let Some(i) = new.iter().rposition(|l| SECTION.is_match(l.trimmed())) {
            self.section = Some(start + i);
        }
        self.read = self.read.max(h);
    }
}

/// Whether `shaped` is one of the `villkor` tables read as typeset: it holds a villkor row (whose
/// cells the typeset reading took into its label, `90:1 ap.1 0 Inget`) and every one of its rows
/// lies within that villkor table, a row whose item code OCR garbled included. A typeset table
/// that runs on past the villkor table keeps its rows: they may be money nothing else reads.
pub(super) fn covers(villkor: &[Shaped], shaped: &Shaped) -> bool {
    villkor.iter().any(|v| {
        let within = |line: usize| (v.first_line..=v.end_line).contains(&line);
        shaped
            .body
            .iter()
            .any(|(row, _)| v.body.iter().any(|(r, _)| r.first_line == row.first_line))
            && shaped.body.iter().all(|(row, _)| within(row.first_line))
    })
}

/// The item and anslag codes the lines before the table name (`ap.1Till …`, `42:7Djur…`).
fn named_codes(lines: &[Line<'_>]) -> BTreeSet<String> {
    lines
        .iter()
        .flat_map(|l| NAMED_CODE.captures_iter(l.text))
        .map(|c| c[2].to_string())
        .collect()
}

fn table(
    lines: &[Line<'_>],
    h: usize,
    header: &[(Column, String)],
    above: &Above,
) -> Option<Shaped> {
    let columns: Vec<Column> = header.iter().map(|(c, _)| *c).collect();
    let named = &above.named;
    // The last section heading above the table: a heading run onto the last value must follow it.
    let section = above
        .section
        .and_then(|i| SECTION.captures(lines[i].trimmed()));
    let above = section.as_ref().map(|c| c["n"].to_string());
    let next_section = |n: &str| above.as_deref().is_some_and(|a| follows(a, n));
    let mut body = Vec::new();
    let mut prev: Option<String> = None;
    let mut i = h + 1;
    let mut end = h + 1;
    // A sub-heading (`37:5 Samförläggning …`) may stand between the header and the rows.
    let mut skips = 1;
    while let Some(l) = lines.get(i) {
        i += 1;
        if l.kind == Kind::Blank {
            continue;
        }
        let t = l.text.trim_end();
        let ways = splits(t, &columns, &next_section);
        if ways.is_empty() {
            if body.is_empty() && skips > 0 {
                skips -= 1;
                continue;
            }
            break;
        }
        let Some(way) = choose(ways, named, prev.as_deref()) else {
            break; // an open split: the rows below cannot count on it either
        };
        prev = Some(way.item.clone());
        end = i;
        body.push(row(l, i - 1, &way));
    }
    if body.is_empty() {
        return None;
    }
    // The unit: in a column header, in the title of the section the table opens
    // (`2.1.2Finansiella villkor för anslag (tkr)`), or on the line under it (`Belopp angivna i
    // tkr`).
    let title = section
        .as_ref()
        .and_then(|c| c.name("title"))
        .map_or("", |m| m.as_str());
    let found = header
        .iter()
        .find_map(|(_, s)| unit::written(s))
        .or_else(|| {
            lines[end..lines.len().min(end + 2)]
                .iter()
                .find_map(|l| unit::written(l.trimmed()))
        })
        .or_else(|| unit::written(title));
    let caption = lines[..h]
        .iter()
        .rev()
        .find(|l| l.kind != Kind::Blank)
        .map_or(String::new(), |l| l.trimmed().to_string());
    let headers: Vec<String> = header.iter().map(|(_, s)| s.clone()).collect();
    Some(Shaped {
        first_line: h,
        end_line: end,
        caption,
        label_header: String::new(),
        money: vec![true; headers.len()],
        headers,
        body,
        unit: found,
    })
}

fn row(l: &Line<'_>, at: usize, way: &Split) -> (Row, Result<Vec<Num>, String>) {
    let t = l.text.trim_end();
    let mut nums = Vec::new();
    let mut placed = Vec::new();
    for (column, cell) in way.cells.iter().enumerate() {
        let Cell::Number {
            start,
            end,
            percent,
        } = *cell
        else {
            continue; // a word: the behållning column holds no figure in this row
        };
        let Some(value) = numeral::parse(&t[start..end]) else {
            continue;
        };
        nums.push(Num {
            start: l.start + start,
            end: l.start + end,
            value,
            percent,
            year: false,
        });
        placed.push(column);
    }
    let mut row = Row::read_elsewhere(t[..way.label_end].trim().to_string(), at);
    row.placed = placed;
    (row, Ok(nums))
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    const HEAD: &str = "Anslag/anslagspostAnslagskredit (tkr)Anslagsbehållning som disponeras \
                        2005Indrag av anslagsbelopp (tkr)";

    /// (label, the row's figures as `column:text`) of each row read.
    fn read(text: &str) -> Vec<(String, String)> {
        let ls = lines(text);
        tables(&ls)
            .into_iter()
            .flat_map(|t| t.body)
            .map(|(row, nums)| {
                let nums = nums.expect("read");
                let cells: Vec<String> = nums
                    .iter()
                    .zip(&row.placed)
                    .map(|(n, c)| format!("{c}:{}", &text[n.start..n.end]))
                    .collect();
                (row.label, cells.join(" "))
            })
            .collect()
    }

    #[track_caller]
    fn assert_rows(text: &str, want: &[(&str, &str)]) {
        let got = read(text);
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn an_ocr_header_and_rows_written_a_space_apart_are_read() {
        let head = "Anslag/anslagspost Anslagskredit (tkr) Anslagsbehdllning som dispo@ras \
                    2O1nslagsbelopp (tkr)";
        for (rows, want) in [
            (
                "42:1 ap.1 0 Inget 0\n42:1 ap.2 12 Allt 3 500",
                &[("42:1 ap.1", "0:0 2:0"), ("42:1 ap.2", "0:12 2:3 500")][..],
            ),
            // A figure in the behållning column, or a share (`3`, read as a percentage).
            ("ap.3 0 250 000 0", &[("ap.3", "0:0 1:250 000 2:0")]),
            ("ap.4 7 3 % 0", &[("ap.4", "0:7 1:3 2:0")]),
            // A percentage is never a kredit.
            ("ap.5 7 % Inget 0", &[]),
            // Digit groups a space apart split several ways: the row is left out.
            ("ap.1 120 450 300 0", &[]),
            // Spaced and run-together cells are not mixed in one row.
            ("ap.1 0Inget 0", &[]),
        ] {
            assert_rows(&format!("{head}\n{rows}"), want);
        }
        // The run-together export's rows stay as they were read.
        assert_rows(&format!("{HEAD}\nap.10Inget0"), &[("ap.1", "0:0 2:0")]);
        // Not a finansiella-villkor header: no indrag column, or the names in another order.
        for other in [
            "Anslag/ap Anslagskredit (tkr) Anslagsbehallning som disponeras 2010",
            "Anslag/ap Anslagsbehallning som dispo@ras Anslagskredit Indrag av anslagsbelopp",
        ] {
            assert_rows(&format!("{other}\nap.1 0 Inget 0"), &[]);
        }
    }

    #[test]
    fn a_unique_split_reads_the_row() {
        for (rows, want) in [
            (
                "90:1 ap.10Inget0\n90:1 ap.20Allt25",
                &[("90:1 ap.1", "0:0 2:0"), ("90:1 ap.2", "0:0 2:25")][..],
            ),
            (
                "6:3 ap.103 (2002)0Allt0",
                &[("6:3 ap.103 (2002)", "0:0 2:0")],
            ),
            ("ap.1.10Allt0", &[("ap.1.1", "0:0 2:0")]),
            // A figure in the behållning column is a cell of its own; `ap.20250 0000` is also
            // `ap.20` | 2 | 50 000 | 0, but the item numbers count up.
            (
                "ap.10Inget0\nap.20250 0000",
                &[("ap.1", "0:0 2:0"), ("ap.2", "0:0 1:250 000 2:0")],
            ),
        ] {
            assert_rows(&format!("{HEAD}\n{rows}"), want);
        }
    }

    #[test]
    fn the_header_may_write_its_columns_in_any_order() {
        let head = "Anslag/ap/dpAnslagskreditIndrag av anslags- beloppAnslagsbehållning som \
                    disponeras 2010";
        // An anslag code run into its values, a percentage in the behållning column.
        assert_rows(
            &format!("{head}\n12:3004 %\n12:410 00000 %"),
            &[("12:3", "0:0 1:0 2:4"), ("12:4", "0:10 000 1:0 2:0")],
        );
        // A percentage is never a kredit or an indrag: `7:1` `5 %` `0` `0` does not fit.
        assert_rows(&format!("{head}\n7:15 %00"), &[]);
    }

    #[test]
    fn the_item_numbers_counting_up_decide_an_open_split() {
        // `ap.250` alone is `ap.2` and 50, or `ap.25` and 0; after `ap.1` it is `ap.2`.
        assert_rows(
            &format!("{HEAD}\nap.10Inget0\nap.250Allt0"),
            &[("ap.1", "0:0 2:0"), ("ap.2", "0:50 2:0")],
        );
        assert_rows(&format!("{HEAD}\nap.250Allt0"), &[]);
        // A leading zero is no value: `ap.105` is `ap.10` and 5.
        assert_rows(&format!("{HEAD}\nap.105Inget0"), &[("ap.10", "0:5 2:0")]);
    }

    #[test]
    fn an_item_code_named_above_the_table_decides_an_open_split() {
        // `ap.2310 000…` is ap.2 | 310 000, ap.23 | 10 000 or ap.231 | 0 000 (no value); the
        // anslag table above names only `ap.23`.
        let rows = "ap.2310 00012 0000";
        assert_rows(
            &format!("ap.23Bidrag (ram)400 000\n{HEAD}\n{rows}"),
            &[("ap.23", "0:10 000 1:12 000 2:0")],
        );
        assert_rows(
            &format!("ap.2Bidrag (ram)400 000\n{HEAD}\n{rows}"),
            &[("ap.2", "0:310 000 1:12 000 2:0")],
        );
        // Both named, or neither: the row is not read.
        assert_rows(&format!("ap.2 Drift\nap.23 Bidrag\n{HEAD}\n{rows}"), &[]);
        assert_rows(&format!("{HEAD}\n{rows}"), &[]);
    }

    #[test]
    fn a_section_heading_run_onto_the_last_value_is_cut_where_it_follows_the_one_above() {
        let head = format!("3.2.1Finansiella villkor\n{HEAD}");
        for (row, want) in [
            (
                "ap.10Allt4003.2.2Bemyndiganden",
                &[("ap.1", "0:0 2:400")][..],
            ),
            ("ap.10Allt253.3Övriga villkor", &[("ap.1", "0:0 2:25")]),
            // `3.2.3` does not follow `3.2.1`: where the value ends is not known.
            ("ap.10Allt4003.2.3Bemyndiganden", &[]),
        ] {
            assert_rows(&format!("{head}\n{row}"), want);
        }
    }

    #[test]
    fn a_later_table_reads_every_line_above_it_not_only_those_since_the_table_before() {
        // `ap.23`, named above the first table only, decides the second table's open split too.
        let rows = "ap.2310 00012 0000";
        let read = ("ap.23", "0:10 000 1:12 000 2:0");
        assert_rows(
            &format!("ap.23Bidrag (ram)400 000\n{HEAD}\n{rows}\nText\n{HEAD}\n{rows}"),
            &[read, read],
        );
        assert_rows(
            &format!("{HEAD}\n{rows}\nap.23Bidrag (ram)400 000\n{HEAD}\n{rows}"),
            &[read],
        );
        // The section heading above the first table stands over the second, unless another
        // heading comes between them.
        let head = format!("3.2.1Finansiella villkor\n{HEAD}\nap.10Allt0");
        let second = format!("{HEAD}\nap.10Allt4003.2.2Bemyndiganden");
        for (between, want) in [
            ("Text", &[("ap.1", "0:0 2:0"), ("ap.1", "0:0 2:400")][..]),
            ("3.2.2Bemyndiganden", &[("ap.1", "0:0 2:0")]),
        ] {
            assert_rows(&format!("{head}\n{between}\n{second}"), want);
        }
    }

    #[test]
    fn other_tables_and_prose_are_left_alone() {
        assert_rows("Anslag/ap Tilldelat (tkr)\nap.10Inget0", &[]);
        assert_rows(&format!("{HEAD}\nEnligt ap.10Inget0 anges"), &[]);
        assert_rows(&format!("{HEAD}\n90:1 ap.10inget0"), &[]);
        // A figure whose groups a single space does not split as grouping allows.
        assert_rows(&format!("{HEAD}\nap.10 1234Allt0"), &[]);
    }

    #[test]
    fn section_numbers_follow_in_order() {
        for (above, next, want) in [
            ("2.1.3", "2.1.4", true),
            ("2.1.3", "2.2", true),
            ("2.1.3", "3", true),
            ("2.1.3", "2.1.3.1", true),
            ("2.1.3", "2.1.5", false),
            ("2.1.3", "72.1.4", false),
            ("2.1.3", "2.1.3", false),
            ("2.1.3", "02.2", false),
        ] {
            assert_eq!(follows(above, next), want, "{above} → {next}");
        }
    }
}
