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

use crate::record::{Money, TotalCheck, TotalStatus};

use super::doc::Doc;
use super::interval::{interval, is_soft};

/// Most amounts considered as the parts of one total.
pub(super) const MAX_PARTS: usize = 40;

/// What an amount already is in some check, so that no figure is used twice as a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Free,
    Total,
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
    let (mut cp, mut clo, mut chi) = (0i128, 0i128, 0i128);
    let mut soft = is_soft(&a[claim.stated]);
    for &i in claim.income.iter().chain(claim.components) {
        let (p, lo, hi) = interval(a.get(i)?)?;
        cp += p;
        clo += lo;
        chi += hi;
        soft |= is_soft(&a[i]);
    }
    // Half-widths, rounded up, so that `ok` ⇔ |difference| ≤ tolerance also for ranges.
    let tolerance = (shi - slo + 1) / 2 + (chi - clo + 1) / 2;
    Some(Sum {
        stated: sp,
        computed: cp,
        tolerance,
        ok: clo <= shi && slo <= chi,
        short: chi < slo,
        soft,
    })
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
    };
    let s = sum(doc, &claim)?;
    Some(check(doc, &claim, &s, TotalStatus::Unresolved, method))
}
