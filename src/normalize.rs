//! Normalisation (being written).
use crate::error::Error;
use crate::offsets::Change;
use crate::record::Encoding;

/// Decoded text and the encoding it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding.
    pub encoding: Encoding,
}

/// Decodes bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    Ok(Decoded { text: String::from_utf8_lossy(bytes).into_owned(), encoding: Encoding::Utf8 })
}

/// Normalises text.
pub fn normalize(_text: &str) -> Vec<Change> {
    Vec::new()
}
