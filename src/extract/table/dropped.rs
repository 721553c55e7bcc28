//! One cell per line with a `.` between thousands (`121.194`) and the empty cells dropped, as
//! HTML-to-text exports of kommun budget pages write them: the headers one per line, then each
//! row's label on a line of its own and its figures one per line after it, blank lines between.
//!
//! **In:** the classified lines. **Out:** one [`Shaped`] table per such block, each row's
//! figures placed in their columns ([`Row::placed`]).
//!
//! The export leaves out an empty cell, so a row may hold fewer figures than the table has
//! columns; a line holding only spaces is an empty cell it kept. A row whose cells (figures and
//! kept empty cells) fill every column is placed in order. A shorter row is placed only where
//! the headers decide it: the years its label names (`Ofördelat 2021-2023` under `… 2021`, `…
//! 2022`, `… 2023`), or the one run of columns of one kind (`Budget 2019`, `Budget 2020` against
//! `Prognos 2021` …) as long as the row's figures; where both speak they must agree. Any other
//! row is listed as unresolved. The table's width is its header count, which one full row must
//! confirm, and its unit is the caption's above the headers.
//!
//! OCR and PDF-to-text write the same table one row per line (`Kommunstyrelsen 121.194
//! 119.102`), its header line often garbled into fewer pieces than columns: such rows are read
//! too ([`inline`]), under the line above that states a unit. Where OCR merged header names of
//! one kind between two readable years (`Budget 2023  Budget 2024 Plan-@ Plan pl4n Plan 2027`),
//! the years a step apart and the word the garbled piece repeats once per column name them
//! ([`merged_headers`]); where the header pieces still do not name every column, the headers
//! are left empty and only a row that fills every column is placed.
//!
//! **Deliberately not done:** a `.` read as a thousands separator outside such a block (it is a
//! decimal point in other exports), and placing a row by the totals' arithmetic.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{Kind, Line};
use super::rows::Row;
use super::split::Num;
use super::{Shaped, numeral, unit};

/// Most header lines a block may have.
const MAX_HEADERS: usize = 12;

/// A figure with a `.` between its thousands (`2.819`, `-1.204.000`): every group after the
/// first exactly three digits, so it cannot be a decimal written with a point to one digit.
static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-−–]?[0-9]{1,3}(?:\.[0-9]{3})+$").expect("valid regex"));

/// A year, or a range of years (`2021-2023`), in a label or header.
static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)[0-9]{2})(?:\s*[-–]\s*((?:19|20)[0-9]{2}))?\b").expect("valid regex")
});

/// What one line of a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A figure (`121.194`, or a plain one of up to three digits: `0`).
    Figure,
    /// A line of only spaces: an empty cell the export kept.
    Empty,
    /// Short text: a header or a row label.
    Text,
    /// A blank line (nothing at all): only a separator.
    Gap,
    /// Anything else ends a block.
    Other,
}

fn piece(l: &Line<'_>) -> Piece {
    let t = l.trimmed();
    if l.text.is_empty() {
        return Piece::Gap;
    }
    if t.is_empty() {
        return Piece::Empty;
    }
    let digits = t.trim_start_matches(numeral::is_sign);
    let plain = (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    if DOTTED.is_match(t) || plain {
        return Piece::Figure;
    }
    match l.kind {
        // A header or label may end in a year (`Budget för 2019`).
        Kind::Text | Kind::Labeled { .. } if super::lines::has_letter(t) => Piece::Text,
        _ => Piece::Other,
    }
}

/// The tables of `lines` in this layout. Only blocks holding a dotted figure are looked at.
pub(super) fn tables(lines: &[Line<'_>]) -> Vec<Shaped> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let found = if DOTTED.is_match(lines[i].trimmed()) {
            table_at(lines, i)
        } else if inline(&lines[i]).is_some() {
            inline_table_at(lines, i)
        } else {
            i += 1;
            continue;
        };
        match found {
            Some(t) => {
                i = t.end_line;
                out.push(t);
            }
            None => i += 1,
        }
    }
    out
}

/// The lines of a block, from the first header: (line index, piece), gaps left out.
fn pieces(lines: &[Line<'_>], from: usize) -> Vec<(usize, Piece)> {
    lines[from..]
        .iter()
        .enumerate()
        .map(|(k, l)| (from + k, piece(l)))
        .filter(|(_, p)| *p != Piece::Gap)
        .take_while(|(_, p)| *p != Piece::Other)
        .collect()
}

/// The table whose first figure is on line `first`.
fn table_at(lines: &[Line<'_>], first: usize) -> Option<Shaped> {
    // Back from the first figure: its row's label, then the headers up to a caption.
    let mut above = lines[..first]
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| !l.trimmed().is_empty());
    let (label_line, _) = above.next().filter(|(_, l)| piece(l) == Piece::Text)?;
    let mut headers: Vec<usize> = Vec::new();
    let mut caption = None;
    for (k, l) in above {
        let t = l.trimmed();
        if piece(l) != Piece::Text || unit::is_caption_opener(t) || unit::written(t).is_some() {
            caption = (piece(l) != Piece::Figure).then_some(k);
            break;
        }
        headers.push(k);
        if headers.len() > MAX_HEADERS {
            return None;
        }
    }
    headers.reverse();
    let width = headers.len();
    if width < 2 {
        return None;
    }
    let header_text: Vec<String> = headers.iter().map(|&k| words(lines[k].trimmed())).collect();
    let body = rows(lines, label_line, &header_text);
    let end_line = body.last()?.0.end_line;
    let full = body
        .iter()
        .any(|(_, got)| got.as_ref().is_ok_and(|n| n.len() == width));
    if body.len() < 2 || !full {
        return None;
    }
    let caption_text = caption.map_or(String::new(), |k| lines[k].trimmed().to_string());
    let found = unit::written(&caption_text);
    Some(Shaped {
        first_line: caption.unwrap_or(headers[0]),
        end_line,
        caption: caption_text,
        label_header: String::new(),
        money: vec![true; width],
        headers: header_text,
        body,
        unit: found,
    })
}

/// A row of this layout on one line, as OCR and PDF-to-text leave it: the label, then its figures
/// a space apart (`Kommunstyrelsen 121.194 119.102`). The first figure is dotted, so a plain
/// number before it (`Nämnd 2 1.250`) is never taken from the label; plain figures of up to
/// three digits (`0`) may follow it. Returns the label and the figures.
fn inline(l: &Line<'_>) -> Option<(String, Vec<Num>)> {
    if matches!(l.kind, Kind::Blank | Kind::Prose | Kind::Numbers) {
        return None;
    }
    let t = l.text.trim_end();
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut end = t.len();
    while end > 0 {
        let before = t[..end].trim_end_matches([' ', '\t']);
        let at = before.rfind([' ', '\t']).map_or(0, |i| i + 1);
        let tok = &before[at..];
        let digits = tok.trim_start_matches(numeral::is_sign);
        let plain = (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
        if tok.is_empty() || !(DOTTED.is_match(tok) || plain) {
            break;
        }
        tokens.push((at, tok));
        end = at;
    }
    tokens.reverse();
    let label = words(&t[..end]);
    if !super::lines::has_letter(&label) || !DOTTED.is_match(tokens.first()?.1) {
        return None;
    }
    let nums = tokens
        .iter()
        .map(|&(at, tok)| {
            Some(Num {
                start: l.start + at,
                end: l.start + at + tok.len(),
                value: numeral::parse(&tok.replace('.', ""))?,
                percent: false,
                year: false,
            })
        })
        .collect::<Option<Vec<Num>>>()?;
    Some((label, nums))
}

/// The table whose first row is written on one line, line `first` (see [`inline`]): the rows
/// that follow it so, blank lines between them allowed, under the text lines above up to a
/// caption. Their pieces (one per line, or per gap of two spaces or a tab) are the headers when
/// they are as many as the widest row's figures; otherwise (OCR garbles a header line of
/// five columns into two pieces) the headers are left empty, and only a row that fills every
/// column is placed.
fn inline_table_at(lines: &[Line<'_>], first: usize) -> Option<Shaped> {
    let mut head: Vec<usize> = Vec::new();
    let mut caption = None;
    let above = lines[..first]
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, l)| !l.trimmed().is_empty());
    for (k, l) in above {
        // A garbled header line reads as a phrase (`Budget för 2019  Budget för 2020
        // Budget-prognos för@ditt- …`): only a stated unit makes a line the caption.
        let t = l.trimmed();
        let states = unit::written(t).is_some();
        if piece(l) != Piece::Text || inline(l).is_some() || states {
            let captions = piece(l) == Piece::Text || unit::is_caption_opener(t);
            caption = (states && captions && inline(l).is_none()).then_some(k);
            break;
        }
        head.push(k);
        if head.len() > MAX_HEADERS {
            return None;
        }
    }
    head.reverse();
    let mut read: Vec<(Row, Vec<Num>)> = Vec::new();
    for (k, l) in lines.iter().enumerate().skip(first) {
        if l.trimmed().is_empty() {
            continue;
        }
        let Some((label, nums)) = inline(l) else {
            break;
        };
        let mut row = Row::read_elsewhere(label, k);
        row.end_line = k + 1;
        read.push((row, nums));
    }
    let width = read.iter().map(|(_, n)| n.len()).max()?;
    if width < 2 || read.len() < 2 {
        return None;
    }
    let pieces: Vec<String> = head
        .iter()
        .flat_map(|&k| lines[k].trimmed().split('\t').flat_map(|f| f.split("  ")))
        .map(words)
        .filter(|p| !p.is_empty())
        .collect();
    let headers = if pieces.len() == width {
        pieces
    } else {
        let joined: Vec<&str> = head.iter().map(|&k| lines[k].trimmed()).collect();
        merged_headers(&words(&joined.join(" ")), width)
            .unwrap_or_else(|| vec![String::new(); width])
    };
    let end_line = read.last()?.0.end_line;
    let body = read
        .into_iter()
        .map(|(mut row, nums)| {
            let got = place(&row.label, nums.len(), &headers).map(|cols| {
                row.placed = cols;
                nums
            });
            (row, got)
        })
        .collect();
    let caption_text = caption.map_or(String::new(), |k| lines[k].trimmed().to_string());
    let found = unit::written(&caption_text);
    Some(Shaped {
        first_line: caption.or(head.first().copied()).unwrap_or(first),
        end_line,
        caption: caption_text,
        label_header: String::new(),
        money: vec![true; width],
        headers,
        body,
        unit: found,
    })
}

/// One year in a header (`2023`).
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:19|20)[0-9]{2}\b").expect("valid regex"));

/// The headers of a header line OCR garbled where it merged names of one kind (`Budget 2023
/// Budget 2024 Plan-2@25 pl4n Plan 2027` is `Budget 2023`, `Budget 2024`, then three `Plan`
/// columns): cut after each year, the years rising, where the first and the last year span
/// exactly `width` columns. A piece between two years a step of k apart holds k columns: it
/// must be garbled (OCR merged its names) and repeat one word of four letters or more exactly k
/// times (the names it merged); its columns are headed by that word
/// and the years in between (`Plan 2025`, `Plan 2026`, `Plan 2027`). Every other piece is one
/// column and must read clean. `None` where anything else is written: a range of years, text
/// after the last year, a word repeated other than k times.
fn merged_headers(t: &str, width: usize) -> Option<Vec<String>> {
    if YEARS.captures_iter(t).any(|c| c.get(2).is_some()) {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    let mut from = 0;
    let mut prev: Option<u16> = None;
    for m in YEAR.find_iter(t) {
        let year: u16 = m.as_str().parse().ok()?;
        let piece = t[from..m.end()].trim();
        from = m.end();
        let span = match prev {
            None => 1,
            Some(p) if year > p => year - p,
            Some(_) => return None,
        };
        prev = Some(year);
        if span == 1 {
            if garbled(piece) {
                return None;
            }
            out.push(piece.to_string());
            continue;
        }
        if !garbled(piece) {
            return None;
        }
        let word = repeated_word(piece, usize::from(span))?;
        out.extend((1..=span).rev().map(|k| format!("{word} {}", year + 1 - k)));
        if out.len() > width {
            return None;
        }
    }
    let tail_clean = !super::lines::has_letter(&t[from..]);
    (tail_clean && out.len() == width && width >= 2).then_some(out)
}

/// Whether a header piece shows OCR damage: a character no header name uses (`@`, `|`), or a
/// word that mixes letters and digits (`fBudg2e`).
fn garbled(piece: &str) -> bool {
    piece.split_whitespace().any(|w| {
        let odd = w
            .chars()
            .any(|c| !(c.is_alphanumeric() || "-–/().,:%".contains(c)));
        let mixed = w.chars().any(char::is_alphabetic) && w.chars().any(|c| c.is_ascii_digit());
        odd || mixed
    })
}

/// The one word of four letters or more that `piece` repeats exactly `k` times (case
/// ignored), as first written.
fn repeated_word(piece: &str, k: usize) -> Option<String> {
    let runs: Vec<&str> = piece
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let count = |w: &str| {
        runs.iter()
            .filter(|r| r.to_lowercase() == w.to_lowercase())
            .count()
    };
    let mut found = runs.iter().filter(|w| count(w) == k);
    let first = *found.next()?;
    // Every hit is the same word: the first is it.
    found
        .all(|w| w.to_lowercase() == first.to_lowercase())
        .then(|| first.to_string())
}

/// The text with its spaces collapsed (`Budget-prognos för  2021`).
fn words(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The rows from the label on line `from` to the end of the block.
fn rows(
    lines: &[Line<'_>],
    from: usize,
    headers: &[String],
) -> Vec<(Row, Result<Vec<Num>, String>)> {
    let mut out = Vec::new();
    let ps = pieces(lines, from);
    let mut k = 0;
    while k < ps.len() {
        let (label_line, p) = ps[k];
        if p != Piece::Text {
            break;
        }
        let cells: Vec<(usize, Piece)> = ps[k + 1..]
            .iter()
            .copied()
            .take_while(|(_, p)| matches!(p, Piece::Figure | Piece::Empty))
            .collect();
        let figures: Vec<usize> = cells
            .iter()
            .filter(|(_, p)| *p == Piece::Figure)
            .map(|(l, _)| *l)
            .collect();
        if figures.is_empty() {
            break; // a label without figures: a heading after the table
        }
        let label = words(lines[label_line].trimmed());
        let nums: Option<Vec<Num>> = figures.iter().map(|&l| figure(&lines[l])).collect();
        let mut row = Row::read_elsewhere(label.clone(), label_line);
        row.end_line = figures.last().map_or(label_line, |&l| l + 1);
        let got = match nums {
            None => Err("a figure that cannot be read".to_string()),
            // Kept empty cells make the row whole: its figures stand where they are written.
            Some(nums) if cells.len() == headers.len() => {
                row.placed = cells
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, p))| *p == Piece::Figure)
                    .map(|(c, _)| c)
                    .collect();
                Ok(nums)
            }
            Some(nums) => place(&label, nums.len(), headers).map(|cols| {
                row.placed = cols;
                nums
            }),
        };
        out.push((row, got));
        k += 1 + cells.len();
    }
    out
}

/// A figure's value, the `.` between its thousands read as a group separator.
fn figure(l: &Line<'_>) -> Option<Num> {
    let t = l.trimmed();
    let at = l.start + (l.text.len() - l.text.trim_start().len());
    let value = numeral::parse(&t.replace('.', ""))?;
    Some(Num {
        start: at,
        end: at + t.len(),
        value,
        percent: false,
        year: false,
    })
}

/// The columns of a row of `n` figures under `headers` (see the module docs), or why they
/// cannot be told.
fn place(label: &str, n: usize, headers: &[String]) -> Result<Vec<usize>, String> {
    if n == headers.len() {
        return Ok((0..n).collect());
    }
    let by_years = years_named(label).and_then(|(from, to)| {
        let cols: Vec<usize> = (0..headers.len())
            .filter(|&c| header_year(&headers[c]).is_some_and(|y| (from..=to).contains(&y)))
            .collect();
        (cols.len() == n && cols.windows(2).all(|w| w[1] == w[0] + 1)).then_some(cols)
    });
    let runs = kind_runs(headers);
    let mut fitting = runs.iter().filter(|r| r.len() == n);
    let by_kind = match (fitting.next(), fitting.next()) {
        (Some(r), None) => Some(r.clone()),
        _ => None,
    };
    match (by_years, by_kind) {
        (Some(a), Some(b)) if a != b => Err(format!(
            "{n} figures for {} columns: the years its label names and the header kinds disagree",
            headers.len()
        )),
        (Some(a), _) | (None, Some(a)) => Ok(a),
        (None, None) => Err(format!(
            "{n} figures for {} columns: the export dropped empty cells and no header tells \
             which",
            headers.len()
        )),
    }
}

/// The years a label names: one year, or a range (`2021-2023`).
fn years_named(label: &str) -> Option<(u16, u16)> {
    let mut found = YEARS.captures_iter(label);
    let c = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let from: u16 = c[1].parse().ok()?;
    let to = c.get(2).map_or(Some(from), |m| m.as_str().parse().ok())?;
    (from <= to).then_some((from, to))
}

/// The one year a header names.
fn header_year(h: &str) -> Option<u16> {
    let mut found = YEARS.find_iter(h);
    let y = found.next()?;
    found
        .next()
        .is_none()
        .then(|| y.as_str().parse().ok())
        .flatten()
}

/// Runs of adjacent columns whose headers are of one kind: the same words once the year, case,
/// hyphens and spaces are left out (`Budget-prognos för 2021`, `Budget- prognos för 2022`).
fn kind_runs(headers: &[String]) -> Vec<Vec<usize>> {
    let kind = |h: &str| -> String {
        YEARS
            .replace_all(h, "")
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<String> = None;
    for (c, h) in headers.iter().enumerate() {
        let k = kind(h);
        match out.last_mut() {
            Some(run) if last.as_deref() == Some(k.as_str()) && !k.is_empty() => run.push(c),
            _ => out.push(vec![c]),
        }
        last = Some(k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|h| h.to_string()).collect()
    }

    #[test]
    fn a_short_row_is_placed_only_where_the_headers_decide() {
        let hs = headers(&[
            "Utfall 2022",
            "Utfall 2023",
            "Plan-ram 2024",
            "Plan- ram 2025",
            "Plan-ram 2026",
        ]);
        for (label, n, want) in [
            ("Nämnd A", 5, Some(vec![0, 1, 2, 3, 4])),
            // The one run of two columns of one kind.
            ("Nämnd B", 2, Some(vec![0, 1])),
            ("Nämnd C", 3, Some(vec![2, 3, 4])),
            // The years the label names, agreeing with the kinds.
            ("Reserv 2024-2026", 3, Some(vec![2, 3, 4])),
            ("Engångspost 2023", 1, Some(vec![1])),
            // The label's years and the kinds disagree, or nothing decides.
            ("Reserv 2022-2024", 3, None),
            ("Nämnd D", 1, None),
            ("Nämnd E", 4, None),
        ] {
            assert_eq!(place(label, n, &hs).ok(), want, "{label} with {n}");
        }
        // Two runs of two columns each: a row of two is not placed.
        let two = headers(&["Budget 2023", "Budget 2024", "Plan 2025", "Plan 2026"]);
        assert_eq!(place("Nämnd", 2, &two).ok(), None);
    }

    const PAGE: &str = "Budget per nämnd (belopp i tusen kronor)\n\n \n\nBudget 2023\n\n\
        Budget 2024\n\nPlan 2025\n\nPlan 2026\n\nPlan 2027\n\nNämnd A\n\n1.250\n\n1.300\n\n \n\n\
        \x20\n\n \n\nNämnd B\n\n20.400\n\n21.000\n\nReserv\n\n-500\n\nReserv 2025-2027\n\n\
        3.000\n\n4.000\n\n5.000\n\nSumma\n\n21.650\n\n22.300\n\n3.000\n\n4.000\n\n5.000\n";

    /// (label, figures as `column:value`) of each row, or the row's reason.
    fn read(text: &str) -> Vec<(String, String)> {
        tables(&lines(text))
            .into_iter()
            .flat_map(|t| t.body)
            .map(|(row, got)| {
                let cells = match got {
                    Ok(nums) => nums
                        .iter()
                        .zip(&row.placed)
                        .map(|(n, c)| format!("{c}:{}", n.value.mantissa))
                        .collect::<Vec<_>>()
                        .join(" "),
                    Err(_) => "unresolved".to_string(),
                };
                (row.label, cells)
            })
            .collect()
    }

    #[test]
    fn a_block_of_dotted_figures_is_read_with_its_empty_cells_dropped() {
        let got = read(PAGE);
        let want = [
            ("Nämnd A", "0:1250 1:1300"),
            ("Nämnd B", "0:20400 1:21000"),
            ("Reserv", "unresolved"),
            ("Reserv 2025-2027", "2:3000 3:4000 4:5000"),
            ("Summa", "0:21650 1:22300 2:3000 3:4000 4:5000"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want);
        let t = &tables(&lines(PAGE))[0];
        assert_eq!(t.unit.as_ref().map(|u| u.kronor), Some(1_000));
    }

    #[test]
    fn other_dotted_text_is_no_table() {
        for text in [
            // Section numbers and a decimal point are no figures of this layout.
            "Innehåll\n\n2.1\n\nBakgrund\n\n2.15\n",
            // No row fills the header's columns: the width is not confirmed.
            "Budget 2023\n\nBudget 2024\n\nPlan 2025\n\nNämnd A\n\n1.250\n\nNämnd B\n\n2.500\n",
            // One row only.
            "Budget 2023\n\nBudget 2024\n\nSumma\n\n1.250\n\n2.500\n",
        ] {
            assert!(tables(&lines(text)).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_row_on_one_line_takes_its_dotted_figures_and_leaves_the_label_its_own() {
        for (line, want) in [
            (
                "Kommunstyrelsen 121.194 119.102",
                Some(("Kommunstyrelsen", vec![121_194, 119_102])),
            ),
            (
                "Summa nämndbudget 814.189 0 -1.500",
                Some(("Summa nämndbudget", vec![814_189, 0, -1_500])),
            ),
            (
                "Ofördelat budget 2021-2023 848.800",
                Some(("Ofördelat budget 2021-2023", vec![848_800])),
            ),
            // A plain number before the first dotted one may be the label's.
            ("Nämnd 2 1.250", None),
            // A decimal point, a section number, no label: not this layout.
            ("Ränta 1.25", None),
            ("Avsnitt 2.1.3", None),
            ("1.250 2.500", None),
        ] {
            let ls = lines(line);
            let got = inline(&ls[0]);
            let got = got.as_ref().map(|(l, n)| {
                (
                    l.as_str(),
                    n.iter().map(|n| n.value.mantissa).collect::<Vec<_>>(),
                )
            });
            assert_eq!(got, want, "{line:?}");
        }
    }

    /// OCR of a dotted table: each row on one line, the five-column header garbled into two
    /// pieces, empty cells dropped.
    const OCR_PAGE: &str = "Budget per nämnd (belopp i tusen kronor).\n\n\
        Budget 2023  Budget 2024 Plan-@025 pl2n 2026 Plan 2027\n\n\
        Nämnd A 1.250 1.300\nNämnd B 20.400 21.000\n\nReserv 2025-2027 3.000 4.000 5.000\n\n\
        Summa 21.650 22.300 3.000 4.000 5.000\n\nNästa stycke är löptext om något annat.\n";

    #[test]
    fn rows_on_one_line_under_a_garbled_header_place_only_full_rows() {
        let got = read(OCR_PAGE);
        let want = [
            ("Nämnd A", "unresolved"),
            ("Nämnd B", "unresolved"),
            ("Reserv 2025-2027", "unresolved"),
            ("Summa", "0:21650 1:22300 2:3000 3:4000 4:5000"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want);
        let t = &tables(&lines(OCR_PAGE))[0];
        assert_eq!(t.unit.as_ref().map(|u| u.kronor), Some(1_000));
        assert!(t.headers.iter().all(String::is_empty));
        // With a header piece per column, the short rows are placed by them.
        let clean = OCR_PAGE.replace(
            "Budget 2023  Budget 2024 Plan-@025 pl2n 2026 Plan 2027",
            "Budget 2023  Budget 2024  Plan 2025  Plan 2026  Plan 2027",
        );
        let got = read(&clean);
        assert_eq!(got[0].1, "0:1250 1:1300");
        assert_eq!(got[2].1, "2:3000 3:4000 4:5000");
    }

    #[test]
    fn a_garbled_piece_between_years_heads_the_columns_of_the_word_it_repeats() {
        let want = |hs: &[&str]| Some(headers(hs));
        for (line, width, expected) in [
            (
                "Utfall 2022 Utfall 2023 Plan-ram p|Plan Plan 2026",
                5,
                want(&[
                    "Utfall 2022",
                    "Utfall 2023",
                    "Plan 2024",
                    "Plan 2025",
                    "Plan 2026",
                ]),
            ),
            (
                "Prognos 2030 Ram @Ram2x Prognos 2032",
                3,
                None, // `Ram` is too short a word to count
            ),
            (
                "Bokslut 2021 Prognos-2@ Prognos 2023",
                3,
                want(&["Bokslut 2021", "Prognos 2022", "Prognos 2023"]),
            ),
            // The years span another width than the rows state.
            ("Utfall 2022 Utfall 2023 Plan-ram p|Plan Plan 2026", 4, None),
            // A piece holding two columns that OCR did not garble: no merge to undo.
            ("Utfall 2022 Plan 2024", 3, None),
            // The garbled piece repeats its word once, not once per column.
            (
                "Budget 2023 Budget 2024 Plan-@025 pl2n 2026 Plan 2027",
                5,
                None,
            ),
            // Years falling, a range, words after the last year, a garbled single column.
            ("Plan 2026 Plan-@ Plan 2024", 3, None),
            ("Utfall 2020-2021 Plan-@ Plan 2023", 3, None),
            (
                "Utfall 2022 Utfall 2023 Plan-ram p|Plan Plan 2026 kronor",
                5,
                None,
            ),
            ("Utf@ll 2022 Utfall 2023 Plan-ram p|Plan Plan 2026", 5, None),
        ] {
            assert_eq!(
                merged_headers(line, width),
                expected,
                "{line:?} over {width}"
            );
        }
    }

    #[test]
    fn rows_on_one_line_under_merged_header_names_are_placed_by_them() {
        let merged = OCR_PAGE.replace(
            "Budget 2023  Budget 2024 Plan-@025 pl2n 2026 Plan 2027",
            "Budget 2023  Budget 2024 Plan-@ Plan pl4n Plan 2027",
        );
        let got = read(&merged);
        let want = [
            ("Nämnd A", "0:1250 1:1300"),
            ("Nämnd B", "0:20400 1:21000"),
            ("Reserv 2025-2027", "2:3000 3:4000 4:5000"),
            ("Summa", "0:21650 1:22300 2:3000 3:4000 4:5000"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, want);
        let t = &tables(&lines(&merged))[0];
        assert_eq!(t.headers[2], "Plan 2025");
    }

    #[test]
    fn one_dotted_row_or_one_column_on_one_line_is_no_table() {
        for text in [
            "Belopp i tusen kronor\n\nBudget 2023  Budget 2024\n\nSumma 1.250 2.500\n",
            "Belopp i tusen kronor\n\nNämnd A 1.250\nNämnd B 2.500\n",
        ] {
            assert!(tables(&lines(text)).is_empty(), "{text:?}");
        }
    }
}
