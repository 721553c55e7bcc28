//! The shipped document sets the database and schema tests (`db.rs`, `json_schema.rs`) and the
//! database bench run over.

use std::path::PathBuf;

/// The fixtures and development sets whose records the tests check.
pub(crate) const SETS: [&str; 8] = [
    "fixtures/seeds",
    "fixtures/ocr",
    "fixtures/tables/docs",
    "fixtures/tables/ocr",
    "fixtures/totals/docs",
    "training/tables/docs",
    "training/tables/ocr",
    "training/totals/docs",
];

/// The repository's root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
