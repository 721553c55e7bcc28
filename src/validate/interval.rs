//! An amount as an interval in öre: the figure it states, give or take the rounding of its last
//! stated digit.
//!
//! **In:** one [`Amount`]. **Out:** its [`tolerance`], its `(point, low, high)` [`interval`], and
//! whether it [`is_soft`] (approximate, bounded or a range). The precision itself is read by
//! [`crate::number`]; this file only turns it into arithmetic.
//!
//! **Deliberately not here:** adding intervals up and judging a total (`sum.rs`), and anything
//! that looks at the text around an amount.

use crate::record::{Amount, Money};

/// Half a unit of the last digit `amount` was stated with: its rounding tolerance (see
/// `number::tolerance`). A range is as precise as its upper end (`10–20 mnkr` → `20`).
///
/// `1,2 miljoner kronor` → 50 000 kr; `944 miljoner` → 500 000 kr; a table cell `1 444` in Mkr →
/// 500 000 kr; `2 967 000 000 kronor` → 0,50 kr; `12,50 kr` → 0 (öre are the smallest unit). Amounts
/// written in words are exact (`en miljard` → 0): only a qualifier (`cirka`) makes them approximate.
pub fn tolerance(amount: &Amount) -> Money {
    amount.tolerance()
}

/// An amount as an interval in öre: `(point, low, high)`.
pub(super) fn interval(a: &Amount) -> Option<(i128, i128, i128)> {
    let tol = i128::from(tolerance(a).ore());
    match (a.value, a.min, a.max) {
        (Some(v), _, _) => {
            let v = i128::from(v.ore());
            Some((v, v - tol, v + tol))
        }
        (None, Some(lo), Some(hi)) => {
            let (lo, hi) = (i128::from(lo.ore()), i128::from(hi.ore()));
            Some(((lo + hi) / 2, lo - tol, hi + tol))
        }
        _ => None,
    }
}

/// Whether a figure claims less than exact precision (so a gap is no proof of an error).
pub(super) fn is_soft(a: &Amount) -> bool {
    a.approximate || a.qualifier.is_some() || a.value.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::testing::{M, amounts};

    #[track_caller]
    fn assert_tolerance(words: &str, ore: i64, want_ore: i64) {
        let a = amounts(words, &[(words, ore)]);
        assert_eq!(tolerance(&a[0]), Money(want_ore), "{words}");
    }

    #[test]
    fn tolerance_follows_the_stated_precision() {
        assert_tolerance("1,2 miljoner kronor", 12 * M / 10, M / 20);
        assert_tolerance("944 miljoner kronor", 944 * M, M / 2);
        assert_tolerance("1 444", 1444 * M, M / 2);
        assert_tolerance("14,7 Mkr", 147 * M / 10, M / 20);
        // Whole kronor: rounded to the krona at most.
        assert_tolerance("2 967 000 000 kronor", 2_967_000_000 * 100, 50);
        assert_tolerance("en miljard kronor", 1000 * M, 0);
        assert_tolerance("en halv miljard kronor", 500 * M, 0);
        // Öre are the smallest unit: nothing is rounded away.
        assert_tolerance("12,50 kr", 1250, 0);
    }

    #[test]
    fn thin_and_no_break_spaces_give_the_tolerance_of_a_space() {
        // `1 444 kr` is stated to the krona whatever space groups its thousands; reading only
        // `444` would make it ±1,62 kr.
        assert_tolerance("1 444 kr", 144_400, 50);
        for sep in ['\u{2009}', '\u{202f}', '\u{a0}'] {
            assert_tolerance(&format!("1{sep}444 kr"), 144_400, 50);
            assert_tolerance(&format!("1{sep}444 miljoner kronor"), 1444 * M, M / 2);
        }
    }
}
