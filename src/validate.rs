//! Totals reconciliation (placeholder).
use crate::record::{Amount, TotalCheck};

/// Finds stated totals in `text` and checks them against their parts among `amounts`.
pub fn reconcile(_text: &str, _amounts: &[Amount]) -> Vec<TotalCheck> {
    Vec::new()
}
