//! Totals reconciliation (placeholder).
use crate::record::{Amount, TotalCheck};

/// Finds stated totals in `text` and checks them against their parts among `amounts`.
pub fn reconcile(_text: &str, _amounts: &[Amount]) -> Vec<TotalCheck> {
    Vec::new()
}

/// One readable line for a check.
pub fn describe(check: &TotalCheck, _amounts: &[Amount]) -> String {
    format!(
        "{:?}: stated {} computed {}",
        check.status, check.stated, check.computed
    )
}
