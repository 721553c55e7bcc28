//! OCR repair (placeholder while the engine is written).
use crate::offsets::Change;

/// Repairs below this confidence are reported, not applied.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.5;

/// Proposes repairs of `text` (byte offsets), with `applied` set from `min_confidence`.
pub fn repair(_text: &str, _min_confidence: f64) -> Vec<Change> {
    Vec::new()
}
