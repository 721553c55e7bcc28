//! The integration tests: the library's public API and the `svocr` binary, one module per contract.
//!
//! They are one test crate, not one per file: each crate is linked against the library and every
//! dependency on its own, and two dozen such links cost more of CI's time than compiling the
//! library. Run one contract with `cargo test --test integration MODULE::` (e.g. `planted_faults::`).

mod common;
// Apart from `common`, which the pipeline bench includes without needing the sets.
#[path = "common/sets.rs"]
mod sets;

mod cli;
mod date_suite;
mod db;
mod dev_sets;
mod eval_cli;
mod explain_file;
mod extract_amounts;
mod extract_dates;
mod extract_periods;
mod extract_props;
mod extract_references;
mod extract_tables;
mod extract_villkor;
mod gold;
mod hygiene;
mod interrupt;
mod json_schema;
mod money_cases;
mod pdf;
mod planted_faults;
mod properties;
mod repair_seeds;
mod replay;
mod totals;
