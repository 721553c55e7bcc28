//! Stage 1a: table rows stated above their parts by an explicit hierarchy, without a `Summa` label.
//!
//! **In:** a table's [`Rows`]. **Out:** an `ok` check per column of each group row whose parts
//! add up, and the cells those checks used as parts (a `Summa` row below counts the group row, not
//! its parts again: see `tables.rs`).
//!
//! A row heads a group when its label says so and the rows under it are of the level below:
//!
//! - `Disponeras av …` (regleringsbrev): the anslagsposter under it (`ap.13`, `90:1 ap.2`), the
//!   shallowest numbering among them (`ap.16`, not its `ap.16.1`);
//! - `ap.16`: the posts numbered one level below it right under it (`ap.16.1`, `ap.16.2`);
//! - an anslag row with its figure (`27:2Utbyte av TV-sändningar (obetecknat anslag)19 816 tkr`):
//!   its anslagsposter right under it (`27:2 ap.1…`, or `ap.1…` without the code), the
//!   shallowest numbering among them, past the figure-less `Disponeras av …` line older
//!   regleringsbrev write under each post;
//! - a nämnd or styrelse (`Socialnämnd`, `Kommunstyrelse`) above rows that are neither (its
//!   verksamheter, up to the next nämnd), at least two;
//! - an UPPERCASE label above rows in mixed case (up to the next uppercase row), at least two.
//!
//! A group ends at a `Summa` row, a sub-heading and the end of the table. A group of one part is
//! read only in a table of one column (a row misread into columns agrees with its copy however
//! split), and never reported: it restates its part and adds nothing up.
//!
//! **Deliberately not done:** a claim where the arithmetic does not add up. The hierarchy is read
//! off labels only, so a group is taken as a sum when its parts add up, within rounding, in at
//! least half of the columns where every part has a figure, and only those columns are claimed:
//! no `mismatch` ever comes from here, and no check beats a wrong one.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::record::TotalCheck;

use super::doc::Doc;
use super::grid::{Column, Rows, heading_above};
use super::sum::{Claim, complete, sum};

/// `ap.16.1` in a label, after an optional anslag code (`90:1 ap.2`): the post's number.
static POST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ \s*
        (?: \d{1,3} : \d{1,3} \s* )?   # the anslag (`90:1`)
        ap \. \s? ( \d{1,3} (?: \. \d{1,3} )* )",
    )
    .expect("valid regex")
});

/// An anslag's code opening a label (`27:2Utbyte …`, `1:17 Medel till …`).
static ANSLAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,3}:\d{1,3})").expect("valid regex"));

/// A nämnd or styrelse: the organisational level above verksamheter in a driftsredovisning.
static BOARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?xi) (?: nämnd | nämnden | styrelse | styrelsen ) \s* $").expect("valid regex")
});

/// What a group row is, read off its label.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Level {
    /// `Disponeras av …`: the posts under it.
    Disposal,
    /// `ap.16`: its numbered sub-posts.
    Post(Vec<u32>),
    /// An anslag (`27:2 …`), by its code: its posts.
    Anslag(String),
    /// A nämnd or styrelse.
    Board,
    /// An UPPERCASE label.
    Upper,
}

fn post(label: &str) -> Option<Vec<u32>> {
    let m = POST.captures(label)?.get(1)?;
    m.as_str().split('.').map(|d| d.parse().ok()).collect()
}

fn is_upper(label: &str) -> bool {
    let letters = label.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 3 && letters.into_iter().all(char::is_uppercase)
}

impl Level {
    fn of(label: &str) -> Option<Level> {
        if label.trim_start().starts_with("Disponeras av") {
            Some(Level::Disposal)
        } else if let Some(n) = post(label) {
            Some(Level::Post(n))
        } else if let Some(c) = ANSLAG.captures(label) {
            Some(Level::Anslag(c[1].to_string()))
        } else if BOARD.is_match(label) {
            Some(Level::Board)
        } else if is_upper(label) {
            Some(Level::Upper)
        } else {
            None
        }
    }

    /// Whether a row labelled `label` is still inside this group.
    fn holds(&self, label: &str) -> bool {
        match self {
            Level::Disposal => post(label).is_some(),
            Level::Post(n) => post(label).is_some_and(|p| p.len() > n.len() && p.starts_with(n)),
            // A post of this anslag, or one whose label leaves the code out.
            Level::Anslag(code) => {
                post(label).is_some()
                    && ANSLAG
                        .captures(label)
                        .is_none_or(|c| &c[1] == code.as_str())
            }
            Level::Board => !BOARD.is_match(label),
            Level::Upper => !is_upper(label),
        }
    }

    fn fewest_parts(&self) -> usize {
        match self {
            Level::Disposal | Level::Post(_) | Level::Anslag(_) => 1,
            Level::Board | Level::Upper => 2,
        }
    }

    fn describe(&self) -> &'static str {
        match self {
            Level::Disposal => "the anslagsposter disposed of",
            Level::Post(_) => "its numbered sub-posts",
            Level::Anslag(_) => "the anslagsposter of the anslag",
            Level::Board => "the verksamheter under the nämnd",
            Level::Upper => "the rows under the uppercase group row",
        }
    }
}

/// The rows under group row `r` that are its parts, if its label makes it a group row.
fn parts_of(doc: &Doc<'_>, rows: &Rows, r: usize) -> Option<(Level, Vec<usize>)> {
    let level = Level::of(&rows.get(&r)?.label)?;
    let mut under: Vec<(usize, usize)> = Vec::new(); // (row, depth)
    for (&n, row) in rows.range(r + 1..) {
        // Older regleringsbrev name each post's disposer on a line of its own, without a
        // figure (`Disponeras av Kammarkollegiet`): no heading, the anslag goes on.
        let heading = heading_above(doc, rows, n)
            && !(matches!(level, Level::Anslag(_)) && only_disposers(doc, rows, n));
        if row.total || heading || !level.holds(&row.label) {
            break;
        }
        under.push((n, post(&row.label).map_or(0, |p| p.len())));
    }
    let depth = match &level {
        Level::Post(n) => n.len() + 1,
        _ => under.iter().map(|&(_, d)| d).min().unwrap_or(0),
    };
    let parts: Vec<usize> = under
        .into_iter()
        .filter(|&(_, d)| d == depth)
        .map(|(n, _)| n)
        .collect();
    (parts.len() >= level.fewest_parts()).then_some((level, parts))
}

/// Whether the only lines between row `r` and the row before it are `Disponeras av …` lines
/// without a figure.
fn only_disposers(doc: &Doc<'_>, rows: &Rows, r: usize) -> bool {
    let (Some(row), Some((_, prev))) = (rows.get(&r), rows.range(..r).next_back()) else {
        return false;
    };
    let end = prev.cells.iter().map(|&i| doc.spans[i].1).max();
    let start = row.cells.iter().map(|&i| doc.spans[i].0).min();
    let (Some(end), Some(start)) = (end, start) else {
        return false;
    };
    let between: Vec<&str> = doc.slice(end, start).split('\n').collect();
    // The first piece ends the row above, the last is this row's label.
    let inner = between
        .get(1..between.len().saturating_sub(1))
        .unwrap_or(&[]);
    let named: Vec<&str> = inner
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    !named.is_empty()
        && named
            .iter()
            .all(|l| l.starts_with("Disponeras av") && !l.contains(|c: char| c.is_ascii_digit()))
}

/// Group rows of one table (see the module docs): their `ok` checks go to `out`; returns the cells
/// those checks used as parts.
pub(super) fn group_sums(
    doc: &Doc<'_>,
    table: usize,
    rows: &Rows,
    out: &mut Vec<TotalCheck>,
) -> BTreeSet<usize> {
    let mut nested = BTreeSet::new();
    let columns: BTreeSet<usize> = rows
        .values()
        .flat_map(|r| &r.cells)
        .filter_map(|&i| Some(Column::of(doc, i)?.column))
        .collect();
    for (&r, row) in rows {
        if row.total {
            continue;
        }
        let Some((level, parts)) = parts_of(doc, rows, r) else {
            continue;
        };
        // One part equal to its group row is evidence only for a figure that cannot have been
        // split: a row misread into columns (OCR's `5580 760`) agrees with its copy however split.
        if parts.len() == 1 && columns.len() > 1 {
            continue;
        }
        let mut checks = Vec::new();
        let mut computable = 0;
        for &stated in &row.cells {
            let Some(col) = Column::of(doc, stated) else {
                continue;
            };
            let cells: Option<Vec<usize>> = parts
                .iter()
                .map(|p| rows.get(p).and_then(|p| p.cell(doc, col)))
                .collect();
            let Some(cells) = cells else {
                continue; // a part without a figure here: nothing to add up
            };
            computable += 1;
            let claim = Claim {
                stated,
                income: None,
                components: &cells,
                negate_stated: false,
                multipliers: &[],
            };
            if sum(doc, &claim).is_some_and(|s| s.ok) {
                let method = format!(
                    "table {table}, column {}: {} under the `{}` row ({} rows)",
                    col.column,
                    level.describe(),
                    row.label.trim(),
                    cells.len()
                );
                checks.push((complete(doc, &claim, method), cells));
            }
        }
        if checks.len() * 2 < computable || checks.is_empty() {
            continue; // mostly not adding up: the labels were no hierarchy after all
        }
        for (check, cells) in checks {
            nested.extend(cells);
            // One part equal to its group row is a restatement, not a sum: it stands for its
            // part in a `Summa` below, but nothing was added up, so it is no check of its own.
            if parts.len() > 1 {
                out.extend(check);
            }
        }
    }
    nested
}
