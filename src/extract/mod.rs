//! Extraction (placeholder while the extractors are written).
pub mod table;

use crate::record::{Amount, Date, Period, Reference, Villkor};

/// Everything extracted from one repaired text; offsets are character offsets into it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Amounts in reading order, table cells included.
    pub amounts: Vec<Amount>,
    /// Dates in reading order.
    pub dates: Vec<Date>,
    /// Periods in reading order.
    pub periods: Vec<Period>,
    /// One entry per condition number.
    pub villkor: Vec<Villkor>,
    /// References in reading order.
    pub references: Vec<Reference>,
}

/// Runs every extractor over `text`.
pub fn extract(_text: &str) -> Extraction {
    Extraction::default()
}
