//! Tokens with spans (placeholder).
