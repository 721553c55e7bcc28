//! Helpers shared by the integration tests; they use the public API only.

use svocr::offsets::Change;

/// Applies one stage's applied `changes` to `text` as the pipeline does: in order, skipping a
/// change that starts before the end of the one before or is not on character boundaries (stages
/// never propose one). For checking a stage called on its own, such as `input::normalize`.
pub(crate) fn splice(text: &str, changes: &[Change]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for c in changes.iter().filter(|c| c.applied) {
        let fits = c.start <= c.end
            && c.end <= text.len()
            && text.is_char_boundary(c.start)
            && text.is_char_boundary(c.end);
        if c.start >= pos && fits {
            out.push_str(&text[pos..c.start]);
            out.push_str(&c.after);
            pos = c.end;
        }
    }
    out.push_str(&text[pos..]);
    out
}
