//! Input: the bytes of one document → canonical text.
//!
//! Two steps, each its own file: [`decode()`] reads the bytes as text (encoding detection, binary
//! refused) — or, for a PDF, [`pdf::read`] reads its text layer page by page — and [`normalize()`]
//! proposes the changes that make the text canonical (NFC, soft hyphens,
//! ligatures, CRLF), applied like every other stage's changes so that each is reported as an edit.
//!
//! Deliberately not done here: reading files or walking directories ([`crate::batch`]), and
//! anything that depends on lines or pages ([`crate::layout`]).

mod decode;
mod normalize;
pub mod pdf;

pub(crate) use decode::decode_owned;
pub use decode::{Decoded, decode};
pub use normalize::normalize;
