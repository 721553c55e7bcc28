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
    let a = doc.amounts;
    let (mut sp, mut slo, mut shi) = interval(a.get(claim.stated)?)?;
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
    for (i, m) in parts {
        let (p, lo, hi) = interval(a.get(i)?)?;
        let w = half(lo, hi);
        cp += m * p;
        worst += m * w;
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
    let tolerance = rounding_tolerance(stated_half, variance, linear, worst);
    Some(Sum {
        stated: sp,
        computed: cp,
        tolerance,
        ok: (cp - sp).abs() <= tolerance,
        short: cp + tolerance < sp,
        soft,
    })
}

/// How far a sum of rounded parts may plausibly be from its rounded total (see the module docs
/// of `validate`): the total's own rounding, plus three standard deviations of the parts' summed
/// rounding errors (`3σ = √(3·Σ wᵢ²)` for errors uniform on ±wᵢ), plus the full width of any
/// range; at least one rounding unit of the total (`2·w_total`: figures rounded each on its own,
/// as in official tables, may always be one unit apart); and never more than the worst case
/// (every figure off by its full half-unit in the same direction; with few parts 3σ exceeds it),
/// so no `ok` is ever beyond what the printed figures allow.
fn rounding_tolerance(stated_half: i128, variance: i128, linear: i128, worst: i128) -> i128 {
    let three_sigma = ceil_sqrt(variance.saturating_mul(3));
    let plausible = (stated_half + (three_sigma + linear).min(worst)).max(2 * stated_half);
    plausible.min(stated_half + worst)
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
}
