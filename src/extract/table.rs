//! Table cells (placeholder until the table reader lands).
use crate::record::Amount;

/// Finds table cells holding amounts in `text`; `amounts` are the running-text amounts already
/// found (used to infer a table's unit). Returns cells with `cell: Some(..)`, char offsets.
pub fn cells(_text: &str, _amounts: &[Amount]) -> Vec<Amount> {
    Vec::new()
}
