//! Layout (being written).
use crate::offsets::Change;

/// Layout repair.
pub fn layout(_text: &str) -> Vec<Change> {
    Vec::new()
}

/// Character offsets where pages start.
pub fn page_starts(text: &str) -> Vec<usize> {
    let mut v = vec![0];
    let mut chars = 0;
    for c in text.chars() {
        chars += 1;
        if c == '\x0c' {
            v.push(chars);
        }
    }
    v
}
