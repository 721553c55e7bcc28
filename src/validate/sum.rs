//! The arithmetic of a check and the verdicts built on it.
//!
//! **In:** a [`Claim`] (the stated total and the amounts that should add up to it) over a [`Doc`].
//! **Out:** its [`Sum`] (whether the parts' interval meets the stated one, or falls short), and a
//! finished [`TotalCheck`] through [`check`], [`complete`] (a complete list of parts) or
//! [`unresolved`] (no parts). Also the [`Role`] each amount takes, so no figure is used twice, and
//! [`MAX_PARTS`].
//!
//! **Deliberately not here:** finding totals and their parts (the stage files). Arithmetic is in öre
//! with `i128`: no sum overflows and no float rounds.

use crate::record::{Money, PartRole, TotalCheck, TotalStatus};

use super::doc::Doc;
use super::interval::{interval, is_soft};
use super::roles::{Wording, wording};

/// The role a component plays, from its wording (table cells and lines of a list are plain parts).
fn part_role(doc: &Doc<'_>, i: usize) -> PartRole {
    match doc.rank(i).map(|k| wording(doc, k)) {
        Some(Wording::Part(r)) => r,
        _ => PartRole::Part,
    }
}

/// Most amounts considered as the parts of one total.
pub(super) const MAX_PARTS: usize = 40;

/// What an amount already is in some check, so that no figure is used twice as a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Free,
    Total,
    /// The parent of a `varav` breakdown: a total of its own parts, and still a part of an
    /// enclosing total (`… 2 546 miljoner, varav 300 miljoner …`).
    Parent,
    /// A named sum whose own parts are not stated (`Tillsammans fick de drygt 63 miljoner
    /// kronor.`): checked, `unresolved`, and still one part of a sum that sums up what came
    /// before it (`… Totalt beviljades alltså drygt 294 mnkr`), which it ends the run of.
    Unsplit,
    Part,
}

fn clamp(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

/// What the sum of parts is compared with.
pub(super) struct Claim<'c> {
    pub(super) stated: usize,
    pub(super) income: Option<usize>,
    pub(super) components: &'c [usize],
    /// `underskott 1,0 Mkr` written without a minus means a result of −1,0 Mkr.
    pub(super) negate_stated: bool,
    /// How many times each component counts (`per år` over a span of years); empty: once each.
    pub(super) multipliers: &'c [u32],
}

impl Claim<'_> {
    fn times(&self, n: usize) -> i128 {
        self.multipliers.get(n).map_or(1, |&m| i128::from(m))
    }
}

/// The arithmetic of a check: whether the parts' interval meets the stated one.
pub(super) struct Sum {
    stated: i128,
    computed: i128,
    tolerance: i128,
    pub(super) ok: bool,
    /// The parts' highest possible sum is below the stated lowest.
    pub(super) short: bool,
    pub(super) soft: bool,
}

pub(super) fn sum(doc: &Doc<'_>, claim: &Claim<'_>) -> Option<Sum> {
    sum_of(doc, claim, false)
}

/// [`sum`] against a total known to be exact, whatever digits it is written with: an
/// appropriation stated in tkr is the amount decided, not a rounding of it (`instalments.rs`).
pub(super) fn sum_against_exact(doc: &Doc<'_>, claim: &Claim<'_>) -> Option<Sum> {
    sum_of(doc, claim, true)
}

fn sum_of(doc: &Doc<'_>, claim: &Claim<'_>, exact_total: bool) -> Option<Sum> {
    let a = doc.amounts;
    let (mut sp, mut slo, mut shi) = interval(a.get(claim.stated)?)?;
    if exact_total {
        (slo, shi) = (sp, sp);
    }
    if claim.negate_stated {
        (sp, slo, shi) = (-sp, -shi, -slo);
    }
    // Half-widths, rounded up.
    let half = |lo: i128, hi: i128| (hi - lo + 1) / 2;
    let stated_half = half(slo, shi);
    let (mut cp, mut variance, mut linear, mut worst) = (0i128, 0i128, 0i128, 0i128);
    let mut soft = is_soft(&a[claim.stated]);
    let parts = claim.income.iter().map(|&i| (i, 1)).chain(
        claim
            .components
            .iter()
            .enumerate()
            .map(|(n, &i)| (i, claim.times(n))),
    );
    let mut figures = Vec::new();
    for (i, m) in parts {
        let (p, lo, hi) = interval(a.get(i)?)?;
        figures.push((i, m, p, half(lo, hi)));
    }
    let list_half = list_precision(doc, &figures);
    // The total's own precision when it is written with decimals (`11,2 miljarder`): a part
    // written as a whole figure of the same scale under it (`10 miljarder`) is meant to that
    // precision (10,0), as in a list, not rounded to the whole unit.
    let total_half = (!soft && !claim.negate_stated)
        .then(|| decimals(&a[claim.stated].text).map(|d| (stated_half, d)))
        .flatten()
        .filter(|&(w, d)| d > 0 && w > 0);
    let mut widest = 0i128;
    for &(i, m, p, w) in &figures {
        let w = list_half
            .filter(|&l| whole_in_list(&a[i], w, l))
            .or_else(|| total_half.filter(|&l| whole_in_list(&a[i], w, l)))
            .map_or(w, |l| l.0);
        cp += m * p;
        worst += m * w;
        widest = widest.max(m * w);
        if a[i].value.is_some() {
            // A figure rounded on its own: its error is uniform on ±w (variance w²/3), and a
            // figure counted m times carries its one error m times.
            variance += (m * w) * (m * w);
        } else {
            // A range claims no point: its whole width counts.
            linear += m * w;
        }
        soft |= is_soft(&a[i]);
    }
    // Exact figures on both sides leave no rounding at all, never a negative tolerance.
    let tolerance = rounding_tolerance(stated_half, widest, variance, linear, worst).max(0);
    // A total of one significant digit (`1 miljard`, `3 miljoner`) is read to ± half its unit by
    // its digits alone, ± 50 % for `1 miljard`: that would confirm half a breakdown (`Totalt
    // avsätts 1 miljard. 300 miljoner … och 200 miljoner …`). A writer who rounds that coarsely
    // says so (`cirka`, `drygt`), so an unqualified total confirms parts only within 5 % of it,
    // the coarsest a figure of two digits (`10 miljoner`, ± 0,5) is read to. Between that and
    // the digits' rounding the sum is not disproved either: soft, so never a `mismatch`.
    let coarse_half = sp.abs() / 20;
    let tight = if stated_half > coarse_half && coarse_half > 0 {
        rounding_tolerance(coarse_half, widest, variance, linear, worst).max(0)
    } else {
        tolerance
    };
    let within = |t: i128| (cp - sp).abs() <= t;
    soft |= within(tolerance) && !within(tight);
    Some(Sum {
        stated: sp,
        computed: cp,
        tolerance: tight,
        ok: within(tight),
        short: cp + tight < sp,
        soft,
    })
}

/// How far a sum of rounded parts may plausibly be from its rounded total (see the module docs
/// of `validate`): the total's own rounding, plus three standard deviations of the parts' summed
/// rounding errors (`3σ = √(3·Σ wᵢ²)` for errors uniform on ±wᵢ), plus the full width of any
/// range; at least the total's and the coarsest part's rounding together (`w_total + max wᵢ`:
/// figures rounded each on its own to the same unit, as in official tables, may always be one
/// unit apart, but parts stated more finely than their total leave only the total's half unit);
/// and always less than the worst case (every figure off by its full half-unit in the same
/// direction, which rounding to the nearest never reaches; with few parts 3σ exceeds it), so no
/// `ok` is ever beyond what the printed figures allow.
fn rounding_tolerance(
    stated_half: i128,
    widest: i128,
    variance: i128,
    linear: i128,
    worst: i128,
) -> i128 {
    let three_sigma = ceil_sqrt(variance.saturating_mul(3));
    let plausible = (stated_half + (three_sigma + linear).min(worst))
        .max(stated_half + widest.min(stated_half));
    // Rounding to the nearest leaves each figure's error inside ±w, never at it, so the worst
    // case itself cannot happen: `2 Mkr` is never `1 Mkr` plus nothing.
    plausible.min(stated_half + worst - 1)
}

/// The precision of a list of parts written with decimals (`168,7`, `16,3 miljoner`): the half
/// unit `w` shared by at least two parts written with decimals, with the number of decimals, when
/// no part with decimals is finer. `None` when fewer than two parts carry decimals.
fn list_precision(doc: &Doc<'_>, figures: &[(usize, i128, i128, i128)]) -> Option<(i128, u32)> {
    let with_decimals: Vec<(i128, u32)> = figures
        .iter()
        .filter(|f| doc.amounts[f.0].value.is_some() && !is_soft(&doc.amounts[f.0]))
        .filter_map(|f| Some((f.3, decimals(&doc.amounts[f.0].text)?)))
        .filter(|&(w, d)| d > 0 && w > 0)
        .collect();
    let finest = with_decimals.iter().min_by_key(|x| x.0).copied()?;
    let shared = with_decimals.iter().filter(|x| **x == finest).count();
    (shared >= 2).then_some(finest)
}

/// Whether a figure written without decimals stands in a list written with `list` decimals in the
/// same unit (`15 miljoner kronor` among `168,7` and `16,3 miljoner`): Swedish lists drop a
/// trailing `,0`, so such a figure is as precise as the list, not rounded to the whole unit. A
/// figure of another scale (`2 miljarder` among `4,5 miljoner`) keeps its own precision.
fn whole_in_list(a: &crate::record::Amount, w: i128, list: (i128, u32)) -> bool {
    let (lw, d) = list;
    a.value.is_some()
        && !is_soft(a)
        && decimals(&a.text) == Some(0)
        && 10i128
            .checked_pow(d)
            .is_some_and(|p| lw.checked_mul(p) == Some(w))
}

/// How many decimals the number in an amount's words is written with (`16,3 miljoner` → 1,
/// `1 444` → 0); `None` without a digit.
pub(super) fn decimals(words: &str) -> Option<u32> {
    let start = words.find(|c: char| c.is_ascii_digit())?;
    let mut chars = words[start..].chars().peekable();
    let mut n = None;
    while let Some(c) = chars.next() {
        match (c, n) {
            (c, None) if c.is_ascii_digit() => {}
            (' ' | '\u{a0}' | '\u{202f}' | '\u{2009}', None)
                if chars.peek().is_some_and(char::is_ascii_digit) => {}
            (',', None) if chars.peek().is_some_and(char::is_ascii_digit) => n = Some(0),
            (c, Some(k)) if c.is_ascii_digit() => n = Some(k + 1),
            _ => break,
        }
    }
    Some(n.unwrap_or(0))
}

fn ceil_sqrt(x: i128) -> i128 {
    if x <= 0 {
        return 0;
    }
    let r = x.isqrt();
    if r * r < x { r + 1 } else { r }
}

pub(super) fn check(
    doc: &Doc<'_>,
    claim: &Claim<'_>,
    s: &Sum,
    status: TotalStatus,
    method: String,
) -> TotalCheck {
    let (start, end) = doc
        .amounts
        .get(claim.stated)
        .map_or((0, 0), |a| (a.start, a.end));
    TotalCheck {
        stated: doc
            .amounts
            .get(claim.stated)
            .and_then(|a| a.value)
            .unwrap_or_default(),
        computed: Money(clamp(s.computed)),
        difference: Money(clamp(s.computed - s.stated)),
        tolerance: Money(clamp(s.tolerance)),
        status,
        components: claim.components.to_vec(),
        income: claim.income,
        roles: claim
            .components
            .iter()
            .map(|&i| part_role(doc, i))
            .collect(),
        multipliers: if claim.multipliers.iter().all(|&m| m == 1) {
            Vec::new()
        } else {
            claim.multipliers.to_vec()
        },
        method,
        start,
        end,
    }
}

/// The verdict for a complete list of parts: `ok`, or `mismatch` unless a figure is soft.
pub(super) fn complete(doc: &Doc<'_>, claim: &Claim<'_>, method: String) -> Option<TotalCheck> {
    let s = sum(doc, claim)?;
    let (status, method) = match (s.ok, s.soft) {
        (true, _) => (TotalStatus::Ok, method),
        (false, false) => (TotalStatus::Mismatch, method),
        (false, true) => (
            TotalStatus::Unresolved,
            format!(
                "{method}; off by more than rounding, but an approximate or bounded figure is involved"
            ),
        ),
    };
    Some(check(doc, claim, &s, status, method))
}

/// A check with no parts found: the total is reported, its verdict `unresolved`.
pub(super) fn unresolved(doc: &Doc<'_>, stated: usize, method: String) -> Option<TotalCheck> {
    let claim = Claim {
        stated,
        income: None,
        components: &[],
        negate_stated: false,
        multipliers: &[],
    };
    let s = sum(doc, &claim)?;
    Some(check(doc, &claim, &s, TotalStatus::Unresolved, method))
}

#[cfg(test)]
mod tests {
    use crate::record::TotalStatus::{self, Mismatch, Ok as Fine};
    use crate::validate::testing::{M, statuses};

    /// A list of `parts` (in tenths of a Mkr, written to `decimals`) closed by `Summa total`.
    #[track_caller]
    fn assert_list(parts: &[i64], total: i64, decimals: u32, want: TotalStatus) {
        let shown = |v: i64| match decimals {
            0 => format!("{} Mkr", v / 10),
            _ => format!("{},{} Mkr", v / 10, v % 10),
        };
        let mut text = String::new();
        let mut words = Vec::new();
        for &p in parts {
            text.push_str(&format!("Post {}\n", shown(p)));
            words.push((shown(p), p * M / 10));
        }
        text.push_str(&format!("Summa {}\n", shown(total)));
        words.push((shown(total), total * M / 10));
        let items: Vec<(&str, i64)> = words.iter().map(|(w, o)| (w.as_str(), *o)).collect();
        let got = statuses(&text, &items);
        assert_eq!(got.first().map(|c| c.0), Some(want), "{text}");
    }

    #[test]
    fn rounding_explains_what_it_plausibly_can_and_no_more() {
        // Eight parts to 0,1 Mkr, 0,3 Mkr off their total: three rounding steps are no rounding.
        assert_list(&[11, 12, 13, 14, 15, 16, 17, 18], 119, 1, Mismatch);
        assert_list(&[11, 12, 13, 14, 15, 16, 17, 18], 116, 1, Fine);
        // One unit in a table of whole figures, each rounded on its own: ok.
        assert_list(&[10, 20], 40, 0, Fine);
        // Five parts in whole millions one million off (2 046 against 2 047): ok.
        assert_list(&[8400, 5180, 2380, 3970, 530], 20470, 0, Fine);
        // Two parts ten units off: never.
        assert_list(&[10, 20], 130, 0, Mismatch);
    }

    #[test]
    fn a_whole_figure_in_a_list_with_decimals_is_as_precise_as_the_list() {
        use crate::validate::testing::statuses;
        let list = |parts: &[&str], total: &str| {
            let mut text = String::new();
            for p in parts {
                text.push_str(&format!("Post {p} Mkr\n"));
            }
            text.push_str(&format!("Summa {total} Mkr\n"));
            let tenths = |w: &str| {
                w.replace(',', "").parse::<i64>().unwrap()
                    * if w.contains(',') { M / 10 } else { M }
            };
            let words: Vec<(String, i64)> = parts
                .iter()
                .chain([&total])
                .map(|w| (format!("{w} Mkr"), tenths(w)))
                .collect();
            let items: Vec<(&str, i64)> = words.iter().map(|(w, o)| (w.as_str(), *o)).collect();
            statuses(&text, &items).first().map(|c| c.0)
        };
        // `15` among `168,7` and `16,3` is 15,0: a whole million off is no rounding.
        assert_eq!(list(&["168,7", "15", "16,3"], "200"), Some(Fine));
        assert_eq!(list(&["169,7", "15", "16,3"], "200"), Some(Mismatch));
        // Parts to 0,1 under a whole total: the total's half unit and the parts' rounding only.
        assert_eq!(
            list(&["103,7", "4,5", "7,2", "15", "9,6", "30"], "170"),
            Some(Fine)
        );
        assert_eq!(
            list(&["104,7", "4,5", "7,2", "15", "9,6", "30"], "170"),
            Some(Mismatch)
        );
        // A list of whole figures keeps one unit of slack, and one figure with decimals does not
        // make a list of them.
        assert_eq!(list(&["10", "20"], "31"), Some(Fine));
        assert_eq!(list(&["10,5", "20"], "31"), Some(Fine));
    }

    #[test]
    fn a_whole_part_under_a_total_with_decimals_is_as_precise_as_the_total() {
        use crate::validate::testing::statuses;
        // (text, items, first verdict)
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], Option<TotalStatus>);
        let cases: &[Case<'_>] = &[
            // `10` under `11,2 miljarder` is 10,0: 0,3 miljard short is no rounding.
            (
                "Post 10 miljarder\nPost 900 miljoner\nSumma 11,2 miljarder\n",
                &[
                    ("10 miljarder", 10_000 * M),
                    ("900 miljoner", 900 * M),
                    ("11,2 miljarder", 11_200 * M),
                ],
                Some(Mismatch),
            ),
            (
                "Post 10 miljarder\nPost 1 200 miljoner\nSumma 11,2 miljarder\n",
                &[
                    ("10 miljarder", 10_000 * M),
                    ("1 200 miljoner", 1200 * M),
                    ("11,2 miljarder", 11_200 * M),
                ],
                Some(Fine),
            ),
            // A whole total keeps the whole part's rounding, and so does a part of another scale.
            (
                "Post 10 miljarder\nPost 900 miljoner\nSumma 11 miljarder\n",
                &[
                    ("10 miljarder", 10_000 * M),
                    ("900 miljoner", 900 * M),
                    ("11 miljarder", 11_000 * M),
                ],
                Some(Fine),
            ),
            (
                "Post 1,2 miljarder\nPost 510 miljoner\nSumma 1,7 miljarder\n",
                &[
                    ("1,2 miljarder", 1200 * M),
                    ("510 miljoner", 510 * M),
                    ("1,7 miljarder", 1700 * M),
                ],
                Some(Fine),
            ),
        ];
        for &(text, items, want) in cases {
            assert_eq!(statuses(text, items).first().map(|c| c.0), want, "{text}");
        }
    }

    #[test]
    fn a_total_of_one_digit_confirms_parts_within_five_percent_only() {
        use crate::record::TotalStatus::Unresolved;
        use crate::validate::testing::statuses;
        // (text, items, first verdict)
        type Case<'a> = (&'a str, &'a [(&'a str, i64)], Option<TotalStatus>);
        let m = |n: i64| n * M;
        let cases: &[Case<'_>] = &[
            // `1 miljard` reads 0,5–1,5 miljarder by its digits: half of it is no confirmation,
            // and no proof of an error either.
            (
                "Post 300 miljoner\nPost 200 miljoner\nSumma 1 miljard\n",
                &[
                    ("300 miljoner", m(300)),
                    ("200 miljoner", m(200)),
                    ("1 miljard", m(1000)),
                ],
                Some(Unresolved),
            ),
            (
                "Post 2,4 miljoner\nPost 2,1 miljoner\nSumma 5 miljoner\n",
                &[
                    ("2,4 miljoner", m(24) / 10),
                    ("2,1 miljoner", m(21) / 10),
                    ("5 miljoner", m(5)),
                ],
                Some(Unresolved),
            ),
            // Leaves alone: parts within 5 % of such a total, a total of two digits, and a gap
            // beyond the digits' own rounding (still a mismatch).
            (
                "Post 600 miljoner\nPost 420 miljoner\nSumma 1 miljard\n",
                &[
                    ("600 miljoner", m(600)),
                    ("420 miljoner", m(420)),
                    ("1 miljard", m(1000)),
                ],
                Some(Fine),
            ),
            (
                "Post 6,4 miljoner\nPost 5,1 miljoner\nSumma 12 miljoner\n",
                &[
                    ("6,4 miljoner", m(64) / 10),
                    ("5,1 miljoner", m(51) / 10),
                    ("12 miljoner", m(12)),
                ],
                Some(Fine),
            ),
            (
                "Post 300 miljoner\nPost 200 miljoner\nSumma 2 miljarder\n",
                &[
                    ("300 miljoner", m(300)),
                    ("200 miljoner", m(200)),
                    ("2 miljarder", m(2000)),
                ],
                Some(Mismatch),
            ),
        ];
        for &(text, items, want) in cases {
            assert_eq!(statuses(text, items).first().map(|c| c.0), want, "{text}");
        }
    }

    #[test]
    fn decimals_are_read_from_the_words() {
        use super::decimals;
        for (words, want) in [
            ("16,3 miljoner kronor", Some(1)),
            ("1 444", Some(0)),
            ("12,50 kr", Some(2)),
            ("15 miljoner kronor", Some(0)),
            ("2\u{a0}046,25 Mkr", Some(2)),
            ("en miljard", None),
        ] {
            assert_eq!(decimals(words), want, "{words}");
        }
    }
}
