//! Placeholder build script; replaced by the lexicon compiler.
fn main() {}
