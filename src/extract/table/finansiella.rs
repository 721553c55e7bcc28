//! Regleringsbrev "Finansiella villkor" rows the export ran together: `90:1 ap.10Inget0` under
//! `Anslag/anslagspostAnslagskredit (tkr)Anslagsbehållning som disponeras 2005Indrag av
//! anslagsbelopp (tkr)`.
//!
//! **In:** the classified lines. **Out:** one [`Shaped`] table per such header, its rows
//! labelled by item code (`90:1 ap.1`) with two money columns, the anslagskredit and the indrag;
//! the behållning column holds a word (`Inget`, `Allt`) and is no cell.
//!
//! The item code's digits end where the first value's begin (`ap.10` is `ap.1` and `0`), so a
//! row is read only where the split is unique: the value is one number without a leading zero,
//! and where two splits remain the one whose item number counts up from the row above is taken.
//! **Deliberately not done:** a row whose split stays open (it is left out, not guessed).

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{Kind, Line};
use super::rows::Row;
use super::split::Num;
use super::{Shaped, numeral, unit};

/// The header, run together: label column, anslagskredit, behållning, indrag.
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ \s* Anslag/\S*?
        (?P<kredit> Anslagskredit [^\p{Lu}]* )
        Anslagsbehållning .*? \d{4} \s*
        (?P<indrag> Indrag \s+ av \s+ anslagsbelopp (?: \s* \( [^)]* \) )? )
        .* $                          # a sub-heading layout ran on (`37:5 …`) is no header",
    )
    .expect("valid regex")
});

/// A row: optional anslag code, `ap.` and the item code run into the first value, an optional
/// budget year, the behållning word, the indrag value.
static ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ \s* (?P<pre> (?: \d+:\d+ \s+ )? ap\. )
        (?P<run> \d+ (?: \. \d+ )* )
        (?P<year> \s* \( \d{4} \) )?
        (?P<more> \d* )
        \p{Lu} \p{Ll}+                # `Inget`, `Allt`: the behållning column
        (?P<last> \d+ ) \s* $",
    )
    .expect("valid regex")
});

/// One way to read a row: label end, first value (byte span), item number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Split {
    label_end: usize,
    value: (usize, usize),
    item: Option<u64>,
}

/// A value as the column writes it: digits, no leading zero unless it is `0`.
fn is_value(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0'))
}

/// The ways to split `line` (line-relative offsets) and the indrag value's span.
fn splits(t: &str) -> Option<(Vec<Split>, (usize, usize))> {
    let c = ROW.captures(t)?;
    let (run, more, last) = (c.name("run")?, c.name("more")?, c.name("last")?);
    if !is_value(last.as_str()) {
        return None;
    }
    let item = |code: &str| code.rsplit('.').next().and_then(|d| d.parse().ok());
    let mut out = Vec::new();
    if let Some(year) = c.name("year") {
        // `ap.103 (2002)0`: the year ends the code; the value is what follows it.
        if is_value(more.as_str()) {
            out.push(Split {
                label_end: year.end(),
                value: (more.start(), more.end()),
                item: item(run.as_str()),
            });
        }
    } else if more.as_str().is_empty() {
        let r = run.as_str();
        for j in 1..r.len() {
            let (code, value) = r.split_at(j);
            if code.ends_with(|ch: char| ch.is_ascii_digit()) && is_value(value) {
                out.push(Split {
                    label_end: run.start() + j,
                    value: (run.start() + j, run.end()),
                    item: item(code),
                });
            }
        }
    }
    Some((out, (last.start(), last.end())))
}

/// The one split to take: the only one, or the one whose item number follows `prev`.
fn choose(ways: &[Split], prev: Option<u64>) -> Option<Split> {
    match ways {
        [one] => Some(*one),
        _ => {
            let next = prev?.checked_add(1)?;
            let mut fit = ways.iter().filter(|s| s.item == Some(next));
            let first = *fit.next()?;
            fit.next().is_none().then_some(first)
        }
    }
}

/// The finansiella-villkor tables in `lines`.
pub(super) fn tables(lines: &[Line<'_>]) -> Vec<Shaped> {
    let mut out = Vec::new();
    for (h, line) in lines.iter().enumerate() {
        let Some(c) = HEADER.captures(line.trimmed()) else {
            continue;
        };
        let headers = vec![
            c["kredit"].trim().to_string(),
            c["indrag"].trim().to_string(),
        ];
        if let Some(t) = table(lines, h, headers) {
            out.push(t);
        }
    }
    out
}

/// Whether every row of `shaped` is a row of one of the `villkor` tables.
pub(super) fn covers(villkor: &[Shaped], shaped: &Shaped) -> bool {
    !shaped.body.is_empty()
        && shaped.body.iter().all(|(row, _)| {
            villkor
                .iter()
                .any(|v| v.body.iter().any(|(r, _)| r.first_line == row.first_line))
        })
}

fn table(lines: &[Line<'_>], h: usize, headers: Vec<String>) -> Option<Shaped> {
    let mut body = Vec::new();
    let mut prev = None;
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
        let Some((ways, last)) = splits(t) else {
            if body.is_empty() && skips > 0 {
                skips -= 1;
                continue;
            }
            break;
        };
        let Some(way) = choose(&ways, prev) else {
            break; // an open split: the rows below cannot count on it either
        };
        prev = way.item;
        end = i;
        body.push(row(l, i - 1, way, last));
    }
    if body.is_empty() {
        return None;
    }
    let found = headers.iter().find_map(|s| unit::written(s)).or_else(|| {
        lines[end..lines.len().min(end + 2)]
            .iter()
            .find_map(|l| unit::written(l.trimmed()))
    });
    let caption = lines[..h]
        .iter()
        .rev()
        .find(|l| l.kind != Kind::Blank)
        .map_or(String::new(), |l| l.trimmed().to_string());
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

fn row(
    l: &Line<'_>,
    at: usize,
    way: Split,
    last: (usize, usize),
) -> (Row, Result<Vec<Num>, String>) {
    let t = l.text.trim_end();
    let num = |(s, e): (usize, usize)| {
        numeral::parse(&t[s..e]).map(|value| Num {
            start: l.start + s,
            end: l.start + e,
            value,
            percent: false,
            year: false,
        })
    };
    let nums: Option<Vec<Num>> = [way.value, last].into_iter().map(num).collect();
    let row = Row::read_elsewhere(t[..way.label_end].trim().to_string(), at);
    (row, nums.ok_or_else(|| "unreadable value".to_string()))
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    const HEAD: &str = "Anslag/anslagspostAnslagskredit (tkr)Anslagsbehållning som disponeras \
                        2005Indrag av anslagsbelopp (tkr)";

    /// (label, first value, indrag) of each row read.
    fn read(text: &str) -> Vec<(String, String, String)> {
        let ls = lines(text);
        tables(&ls)
            .into_iter()
            .flat_map(|t| t.body)
            .map(|(row, nums)| {
                let nums = nums.expect("read");
                let at = |n: &Num| text[n.start..n.end].to_string();
                (row.label, at(&nums[0]), at(&nums[1]))
            })
            .collect()
    }

    #[track_caller]
    fn assert_rows(text: &str, want: &[(&str, &str, &str)]) {
        let got = read(text);
        let got: Vec<(&str, &str, &str)> = got
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
            .collect();
        assert_eq!(got, want, "{text:?}");
    }

    #[test]
    fn a_unique_split_reads_the_row() {
        assert_rows(
            &format!("{HEAD}\n90:1 ap.10Inget0\n90:1 ap.20Allt25"),
            &[("90:1 ap.1", "0", "0"), ("90:1 ap.2", "0", "25")],
        );
        assert_rows(
            &format!("{HEAD}\n6:3 ap.103 (2002)0Allt0"),
            &[("6:3 ap.103 (2002)", "0", "0")],
        );
        assert_rows(&format!("{HEAD}\nap.1.10Allt0"), &[("ap.1.1", "0", "0")]);
    }

    #[test]
    fn the_item_numbers_counting_up_decide_an_open_split() {
        // `ap.250` alone is `ap.2` and 50, or `ap.25` and 0; after `ap.1` it is `ap.2`.
        assert_rows(
            &format!("{HEAD}\nap.10Inget0\nap.250Allt0"),
            &[("ap.1", "0", "0"), ("ap.2", "50", "0")],
        );
        assert_rows(&format!("{HEAD}\nap.250Allt0"), &[]);
        // A leading zero is no value: `ap.105` is `ap.10` and 5.
        assert_rows(&format!("{HEAD}\nap.105Inget0"), &[("ap.10", "5", "0")]);
    }

    #[test]
    fn other_tables_and_prose_are_left_alone() {
        assert_rows("Anslag/ap Tilldelat (tkr)\nap.10Inget0", &[]);
        assert_rows(&format!("{HEAD}\nEnligt ap.10Inget0 anges"), &[]);
        assert_rows(&format!("{HEAD}\n90:1 ap.10inget0"), &[]);
    }
}
