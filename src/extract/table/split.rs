//! Where one number ends and the next begins when columns are separated by a single space.
//!
//! **In:** a row's digit groups (from `lines`) and the number of columns the table has.
//! **Out:** the row's numbers, or why they cannot be told apart. A single space is also the
//! Swedish thousands separator, so `98 410 400 250 000 98 660 400` has many readings; only those
//! that obey the grouping rules (a number's first group has one to three digits, every later
//! group exactly three, a decimal comma or `%` ends a number, a no-break space never separates
//! two numbers) count. When several remain, the row's own arithmetic (a `Ny ram` or `Summa`
//! column equal to the sum of the others) may single one out.
//!
//! OCR drops digit-group spaces (`31312589`, `4905 218` for `4 905 218`) but does not add them:
//! under [`Grouping::Dropped`] a number's first group may have any length and each later group a
//! multiple of three digits, and the value is the digits read together. The caller asks for it
//! only when the strict rules find no reading at a width it knows from elsewhere (the headers).
//! **Deliberately not done:** guessing between readings that are all possible: such a row is
//! reported unresolved.

use super::lines::{Group, Join};
use super::numeral::{self, Exact};

/// Most readings of one row that are enumerated for the arithmetic check.
pub(super) const MAX_READINGS: usize = 256;
/// Widest table read (a bit of a `u64` per width).
const MAX_WIDTH: usize = 63;

/// A number read from a row: absolute byte span and exact value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Num {
    pub start: usize,
    pub end: usize,
    pub value: Exact,
    pub percent: bool,
    /// Written as a year (`2017`): one ungrouped group of four digits.
    pub year: bool,
}

/// How the numbers of a row are checked against each other.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Arithmetic {
    /// The column that equals the sum of the other columns (`Ny ram`, `Summa`).
    pub sum_column: Option<usize>,
    /// A column that is the difference of the two on its left (`Budget 2025 Budget 2026
    /// Förändring`), either way round.
    pub difference_column: Option<usize>,
    /// The two columns the difference column subtracts, where its header names them apart
    /// (`Utfall 2013 … Budget 2013 Budget-avvikelse`); `None` for the two on its left.
    pub difference_of: Option<(usize, usize)>,
}

impl Arithmetic {
    /// The difference column's operands and itself, as (left, right, difference).
    pub(super) fn difference(&self) -> Option<(usize, usize, usize)> {
        let d = self.difference_column?;
        let (a, b) = match self.difference_of {
            Some(of) => of,
            None => (d.checked_sub(2)?, d - 1),
        };
        Some((a, b, d))
    }
}

/// Which digit groupings make one number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Grouping {
    /// As typeset: a first group of one to three digits, then groups of exactly three.
    #[default]
    Strict,
    /// As OCR reads it back, some group spaces dropped: a first group of any length, then groups
    /// of three, six, nine … digits.
    Dropped,
}

impl Grouping {
    fn opens(self, s: &str) -> bool {
        match self {
            Grouping::Strict => numeral::opens_group(s),
            Grouping::Dropped => {
                let int = s.split(',').next().unwrap_or("");
                !int.is_empty() && !int.starts_with('0')
            }
        }
    }

    fn continues(self, s: &str) -> bool {
        match self {
            Grouping::Strict => numeral::continues_group(s),
            Grouping::Dropped => s
                .split(',')
                .next()
                .is_some_and(|int| !int.is_empty() && int.len() % 3 == 0),
        }
    }
}

/// Whether groups `from..to` make one number.
fn one_number(text: &str, g: &[Group], from: usize, to: usize, how: Grouping) -> bool {
    let digits = |k: usize| &text[g[k].digits..g[k].end];
    if to == from + 1 {
        // `062`, `000`: the tail of a number, never one of its own (`0` and `0,5` are).
        let int = digits(from).split(',').next().unwrap_or("");
        return int.len() == 1 || !int.starts_with('0');
    }
    how.opens(digits(from))
        && (from + 1..to).all(|k| {
            g[k].join != Join::None
                && !g[k].signed()
                && how.continues(digits(k))
                && !numeral::closes_number(digits(k - 1))
                && !g[k - 1].percent
        })
}

/// Whether a number may end before group `at` (a no-break space binds).
fn may_end_before(g: &[Group], at: usize) -> bool {
    at == g.len() || g[at].join != Join::Group
}

/// `ways[pos][k]`: in how many ways (capped at 2) groups `pos..` split into `k` numbers.
fn ways(text: &str, g: &[Group], how: Grouping) -> Vec<[u8; MAX_WIDTH + 1]> {
    let n = g.len();
    let mut ways = vec![[0u8; MAX_WIDTH + 1]; n + 1];
    ways[n][0] = 1;
    for pos in (0..n).rev() {
        for end in pos + 1..=n {
            if !one_number(text, g, pos, end, how) {
                break; // a longer run cannot be a number either
            }
            if !may_end_before(g, end) {
                continue;
            }
            // `ways[end]` is zero beyond `n - end` numbers (each takes a group at least).
            for k in 1..=MAX_WIDTH.min(n - end + 1) {
                let add = ways[end][k - 1];
                ways[pos][k] = ways[pos][k].saturating_add(add).min(2);
            }
        }
    }
    ways
}

/// The numbers of columns the groups can be read as, one bit per width.
pub(super) fn widths(text: &str, g: &[Group], how: Grouping) -> u64 {
    let w = ways(text, g, how);
    (1..=MAX_WIDTH.min(g.len()))
        .filter(|&k| w[0][k] > 0)
        .fold(0, |m, k| m | 1 << k)
}

/// The numbers of columns the groups read as in exactly one way, one bit per width.
pub(super) fn one_way(text: &str, g: &[Group], how: Grouping) -> u64 {
    let w = ways(text, g, how);
    (1..=MAX_WIDTH.min(g.len()))
        .filter(|&k| w[0][k] == 1)
        .fold(0, |m, k| m | 1 << k)
}

/// The row's numbers as `width` columns, or why they cannot be read.
pub(super) fn read(
    text: &str,
    g: &[Group],
    width: usize,
    arithmetic: Arithmetic,
    how: Grouping,
) -> Result<Vec<Num>, String> {
    if width == 0 || width > MAX_WIDTH {
        return Err("no columns".into());
    }
    let w = ways(text, g, how);
    match w[0][width] {
        0 => Err(format!(
            "its digit groups cannot be read as {width} numbers"
        )),
        1 => Ok(walk(text, g, &w, width, how)),
        _ => {
            let mut all = Vec::new();
            enumerate(text, g, &w, (0, width), how, &mut Vec::new(), &mut all);
            let n = all.len();
            let stated = arithmetic.sum_column.is_some() || arithmetic.difference_column.is_some();
            if !stated || n >= MAX_READINGS {
                return Err(format!(
                    "{}{n} ways to split its digit groups into {width} columns",
                    if n >= MAX_READINGS { "at least " } else { "" }
                ));
            }
            // `171 781 171 724 -57` under `Budget 2025 Budget 2026 Förändring`: three ways to
            // cut, one in which the difference holds (`171781171724` was read as one figure).
            let fits: Vec<Vec<Num>> = all
                .into_iter()
                .filter(|r| arithmetic.sum_column.is_none_or(|sum| adds_up(r, sum)))
                .filter(|r| arithmetic.difference().is_none_or(|t| differs(r, t)))
                .collect();
            match fits.len() {
                1 => Ok(fits.into_iter().next().unwrap_or_default()),
                k => Err(format!(
                    "{n} ways to split its digit groups into {width} columns, {k} of them add up"
                )),
            }
        }
    }
}

/// Every reading of `g` as `width` numbers under `how`, up to [`MAX_READINGS`].
pub(super) fn readings(text: &str, g: &[Group], width: usize, how: Grouping) -> Vec<Vec<Num>> {
    let mut all = Vec::new();
    if width > 0 && width <= MAX_WIDTH {
        let w = ways(text, g, how);
        enumerate(text, g, &w, (0, width), how, &mut Vec::new(), &mut all);
    }
    all
}

/// Orders two exact numbers by value; `None` when scaling them to one precision overflows.
pub(super) fn compare(a: Exact, b: Exact) -> Option<std::cmp::Ordering> {
    let d = a.decimals.max(b.decimals);
    let at = |n: Exact| n.mantissa.checked_mul(10i128.checked_pow(d - n.decimals)?);
    Some(at(a)?.cmp(&at(b)?))
}

/// The one reading of `g` as `width` numbers, when `ways` says there is exactly one.
fn walk(
    text: &str,
    g: &[Group],
    w: &[[u8; MAX_WIDTH + 1]],
    width: usize,
    how: Grouping,
) -> Vec<Num> {
    let mut out = Vec::new();
    let (mut pos, mut k) = (0, width);
    while k > 0 && pos < g.len() {
        let next = (pos + 1..=g.len())
            .take_while(|&e| one_number(text, g, pos, e, how))
            .find(|&e| may_end_before(g, e) && w[e][k - 1] > 0);
        let Some(end) = next else { break };
        out.extend(num(text, g, pos, end, how));
        pos = end;
        k -= 1;
    }
    out
}

/// Every reading of groups `pos..` as `left` numbers (`at` is `(pos, left)`), up to
/// [`MAX_READINGS`]. `w` is the groups' [`ways`]: a split after which the rest has no reading is
/// not tried, which keeps the search from walking every dead end of a long row.
fn enumerate(
    text: &str,
    g: &[Group],
    w: &[[u8; MAX_WIDTH + 1]],
    at: (usize, usize),
    how: Grouping,
    cur: &mut Vec<Num>,
    all: &mut Vec<Vec<Num>>,
) {
    let (pos, left) = at;
    if all.len() >= MAX_READINGS {
        return;
    }
    if pos == g.len() || left == 0 {
        if pos == g.len() && left == 0 {
            all.push(cur.clone());
        }
        return;
    }
    for end in pos + 1..=g.len() {
        if !one_number(text, g, pos, end, how) {
            break;
        }
        if !may_end_before(g, end) || w[end][left - 1] == 0 {
            continue;
        }
        let Some(n) = num(text, g, pos, end, how) else {
            continue;
        };
        cur.push(n);
        enumerate(text, g, w, (end, left - 1), how, cur, all);
        cur.pop();
    }
}

fn num(text: &str, g: &[Group], from: usize, to: usize, how: Grouping) -> Option<Num> {
    let (start, end) = (g[from].start, g[to - 1].end);
    // A sign may stand apart from its digits (`– 1,8`, `− 1 116`): the number is the sign and
    // the digits.
    let sign = if g[from].signed() { "-" } else { "" };
    let digits_on = &text[g[from].digits..end];
    let value = match how {
        // Most numbers have no sign: no string is built for them.
        Grouping::Strict if sign.is_empty() => numeral::parse(digits_on)?,
        Grouping::Strict => numeral::parse(&format!("{sign}{digits_on}"))?,
        // The digits read together: where OCR dropped a space does not change the value.
        Grouping::Dropped => numeral::parse(&format!("{sign}{}", digits_on.replace(' ', "")))?,
    };
    Some(Num {
        start,
        // `(45 600)`: the closing parenthesis is the number's as its opening one is.
        end: end + usize::from(text[start..].starts_with('(') && text[end..].starts_with(')')),
        value,
        percent: g[to - 1].percent,
        year: to == from + 1 && numeral::is_year(digits_on),
    })
}

/// Whether column `sum` equals the sum of the others, within the rounding of every figure.
pub(super) fn adds_up(row: &[Num], sum: usize) -> bool {
    let Some(stated) = row.get(sum) else {
        return false;
    };
    let d = row
        .iter()
        .map(|n| n.value.decimals)
        .max()
        .unwrap_or(0)
        .min(18);
    let at = |n: &Num| -> Option<(i128, i128)> {
        let f = 10i128.checked_pow(d.checked_sub(n.value.decimals)?)?;
        Some((n.value.mantissa.checked_mul(f)?, f / 2))
    };
    let (mut total, mut tolerance) = (0i128, 0i128);
    for (i, n) in row.iter().enumerate() {
        let Some((v, t)) = at(n) else { return false };
        tolerance += t;
        if i != sum && !n.percent {
            total += v;
        }
    }
    at(stated).is_some_and(|(v, _)| (total - v).abs() <= tolerance)
}

/// Whether column `d` of `row` is the difference of columns `a` and `b` (the two on its left,
/// or those its header names apart), either way round (`2025 − 2026` or `2026 − 2025`), within one unit of the last decimal: official tables
/// round each figure on its own (`-415,9 -410,1 -5,7`), while a cut in the wrong place or a digit
/// OCR added is off by a factor of ten or more.
pub(super) fn differs(row: &[Num], (a, b, d): (usize, usize, usize)) -> bool {
    let (Some(a), Some(b), Some(diff)) = (row.get(a), row.get(b), row.get(d)) else {
        return false;
    };
    if a.percent || b.percent || diff.percent {
        return false;
    }
    let decimals = a
        .value
        .decimals
        .max(b.value.decimals)
        .max(diff.value.decimals);
    let at = |n: &Num| -> Option<i128> {
        let f = 10i128.checked_pow(decimals.checked_sub(n.value.decimals)?)?;
        n.value.mantissa.checked_mul(f)
    };
    let (Some(a), Some(b), Some(diff)) = (at(a), at(b), at(diff)) else {
        return false;
    };
    let near = |d: Option<i128>| d.is_some_and(|d| d.abs_diff(diff) <= 1);
    near(b.checked_sub(a)) || near(a.checked_sub(b))
}

#[cfg(test)]
mod tests {
    use super::super::lines::lines;
    use super::*;

    fn groups(text: &str) -> Vec<Group> {
        lines(text)[0]
            .segments()
            .iter()
            .flat_map(|s| s.groups.iter().copied())
            .collect()
    }

    fn read_as(text: &str, width: usize, sum: Option<usize>) -> Result<Vec<&str>, String> {
        let g = groups(text);
        read(
            text,
            &g,
            width,
            Arithmetic {
                sum_column: sum,
                difference_column: None,
                difference_of: None,
            },
            Grouping::Strict,
        )
        .map(|ns| ns.iter().map(|n| &text[n.start..n.end]).collect())
    }

    #[test]
    fn a_difference_column_decides_the_cut_where_exactly_one_holds() {
        // (row, width, difference column, the one reading or none)
        let cases: &[(&str, usize, &[&str])] = &[
            // Later minus earlier, and earlier minus later.
            (
                "Kommunstyrelsen 171 781 171 724 -57",
                3,
                &["171 781", "171 724", "-57"],
            ),
            (
                "Socialnämnden 640 228 652 900 12 672",
                3,
                &["640 228", "652 900", "12 672"],
            ),
            (
                "Skatteintäkter 702 400 700 200 2 200",
                3,
                &["702 400", "700 200", "2 200"],
            ),
            (
                "Kultur 1 127,3 1 098,5 28,8",
                3,
                &["1 127,3", "1 098,5", "28,8"],
            ),
            // One unit off, as figures rounded each on its own are: the cut holds.
            (
                "Kommunstyrelsen 171 781 171 724 -58",
                3,
                &["171 781", "171 724", "-58"],
            ),
            // No cut makes the difference hold (a misread digit): left unread, never guessed.
            ("Kommunstyrelsen 171 781 171 724 -52", 3, &[]),
        ];
        for (text, width, want) in cases {
            let g = groups(text);
            let arithmetic = Arithmetic {
                sum_column: None,
                difference_column: Some(2),
                difference_of: None,
            };
            let got = read(text, &g, *width, arithmetic, Grouping::Strict)
                .map(|ns| ns.iter().map(|n| &text[n.start..n.end]).collect::<Vec<_>>())
                .unwrap_or_default();
            assert_eq!(got, want.to_vec(), "{text:?}");
        }
        // Without the header's arithmetic the same row is unread.
        assert!(read_as("Kommunstyrelsen 171 781 171 724 -57", 3, None).is_err());
    }

    #[test]
    fn grouping_rules_limit_the_splits() {
        assert_eq!(
            read_as("Stockholm 68 143 865", 1, None),
            Ok(vec!["68 143 865"])
        );
        assert!(
            read_as("Lön 1 200 300", 2, None).is_err(),
            "1 | 200 300 or 1 200 | 300"
        );
        assert_eq!(read_as("Post 2017 2018", 2, None), Ok(vec!["2017", "2018"]));
        assert!(read_as("Post 12 34", 1, None).is_err());
        // A group with a leading zero only continues a number.
        assert_eq!(
            read_as("Totalt 800 000 000 100 000 000", 2, None),
            Ok(vec!["800 000 000", "100 000 000"])
        );
        assert!(read_as("Post 4654 062", 2, None).is_err());
        assert_eq!(read_as("Post 0 0,5", 2, None), Ok(vec!["0", "0,5"]));
        // A minus sign apart from its digits is the number's sign.
        assert_eq!(
            read_as("Avskrivningar − 1 116 33", 2, None),
            Ok(vec!["− 1 116", "33"])
        );
        // A no-break space never separates two numbers.
        assert_eq!(
            read_as("A 1\u{a0}200 300", 2, None),
            Ok(vec!["1\u{a0}200", "300"])
        );
    }

    #[test]
    fn the_rows_own_arithmetic_picks_the_split() {
        let row = "Anslag 98 410 400 250 000 98 660 400";
        assert!(
            read_as(row, 3, None).is_err(),
            "ambiguous without arithmetic"
        );
        assert_eq!(
            read_as(row, 3, Some(2)),
            Ok(vec!["98 410 400", "250 000", "98 660 400"])
        );
        // Nothing adds up: unresolved, no guess.
        assert!(read_as("Anslag 98 410 400 250 000 98 670 400", 3, Some(2)).is_err());
    }

    #[test]
    fn widths_are_a_mask() {
        let t = "x 1 200 300";
        assert_eq!(widths(t, &groups(t), Grouping::Strict), 0b1110);
    }

    fn read_dropped(text: &str, width: usize) -> Result<Vec<(&str, i128)>, String> {
        let g = groups(text);
        read(text, &g, width, Arithmetic::default(), Grouping::Dropped).map(|ns| {
            ns.iter()
                .map(|n| (&text[n.start..n.end], n.value.mantissa))
                .collect()
        })
    }

    #[test]
    fn dropped_group_spaces_are_read_as_ocr_leaves_them() {
        // `4 905 218` read back as `4905 218`, `31 312 589` as `31312589`.
        assert_eq!(
            read_dropped("Stockholm 185 415 135 4905 218", 2),
            Ok(vec![("185 415 135", 185_415_135), ("4905 218", 4_905_218)])
        );
        assert_eq!(
            read_dropped("Uppsala 31312589 4790 879", 2),
            Ok(vec![("31312589", 31_312_589), ("4790 879", 4_790_879)])
        );
        assert_eq!(
            read_dropped("Gävleborg 22500 974 4 856 819", 2),
            Ok(vec![("22500 974", 22_500_974), ("4 856 819", 4_856_819)])
        );
        // Strictly, neither row is two numbers.
        let t = "Stockholm 185 415 135 4905 218";
        assert_eq!(widths(t, &groups(t), Grouping::Strict) & 0b100, 0);
    }

    #[test]
    fn dropped_spaces_never_make_a_guess() {
        // Any later group of one, two, four or five digits starts a number; more than one way
        // left is no reading.
        assert!(read_dropped("Lön 185 415 135 218 000", 2).is_err());
        assert!(read_dropped("Lön 4905 21 8", 2).is_err());
        // A value never depends on where the space was dropped, and a decimal comma still ends
        // its number.
        assert_eq!(
            read_dropped("Lön 1205,5 300", 2),
            Ok(vec![("1205,5", 12_055), ("300", 300)])
        );
    }
}
