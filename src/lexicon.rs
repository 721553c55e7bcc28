//! The Swedish lexicon (placeholder while the data is built).
