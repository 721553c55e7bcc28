//! Output formats. In: finished [`crate::Record`]s (and scores, for evaluation). Out: bytes on a
//! writer. Each format is one file; none of them prints on its own or decides what to include:
//! that is the record's contract. The database ([`db`]) is the one sink that also reads back: it
//! decides which documents an incremental run may skip and rebuilds records from its rows.

pub mod db;
pub mod eval;
pub mod explain;
pub mod html;
pub mod jsonl;
pub mod junit;
pub mod text;
