//! The library's one error type. Each message says what went wrong and, where it helps, how to fix
//! it; the caller adds *where* (the path).

use thiserror::Error;

/// Why a document, a gold file or a floor file could not be used.
#[derive(Debug, Error)]
pub enum Error {
    /// The bytes are not text.
    #[error("looks like a binary file ({reason}); svocr reads text exported from OCR")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// A UTF-16 file with an odd number of bytes or unpaired surrogates.
    #[error("invalid UTF-16 at byte {offset}; re-export the file as UTF-8")]
    Utf16 {
        /// Byte offset of the first bad unit.
        offset: usize,
    },
    /// A file named `.pdf` (or read as one) that is not a PDF.
    #[error("not a PDF: it starts with `{start}`, not `%PDF-`; give a PDF or a text file")]
    NotPdf {
        /// The file's first bytes, as text.
        start: String,
    },
    /// A PDF that cannot be read: encrypted, truncated, corrupt.
    #[error("unreadable PDF: {reason}")]
    Pdf {
        /// Why, and what to do about it.
        reason: String,
    },
    /// A PDF of page images only, never OCR'd.
    #[error(
        "no text layer in its {pages} page(s) (a scan that was never OCR'd): OCR it first, e.g. \
         `tesseract PAGE-IMAGE OUT -l swe pdf` for each page image"
    )]
    NoTextLayer {
        /// How many pages the PDF has.
        pages: usize,
    },
    /// Reading the file failed.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// A JSON file (gold, floors) is malformed.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// Edits that cannot be replayed on the text given as their input.
    #[error(
        "edit {index} cannot be replayed: {reason}; pass the decoded input the record was made \
         from and its edits in order"
    )]
    Replay {
        /// Index of the edit in the list.
        index: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The SQLite database of `svocr run --db` could not be opened, read or written.
    #[error("database: {0}")]
    Database(String),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Database(e.to_string())
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}
