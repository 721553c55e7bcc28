//! Decoded text → canonical text.
//!
//! In: the decoded text of one document. Out: [`normalize`] proposes the changes that make it
//! canonical: NFC, no soft hyphens, no typographic ligatures, LF line ends. Each is an edit in the
//! record, so nothing changes silently.
//!
//! Deliberately not done here: anything that depends on lines or pages ([`crate::layout`]) or on
//! words (OCR repair). Compatibility forms other than ligatures (full-width letters, superscripts
//! such as the footnote mark `¹`) are kept: NFKC would change the meaning of `m²`.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::offsets::Change;
use crate::record::EditKind;

/// Unfolds a typographic ligature, or `None` for any other character.
fn unfold_ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

const SOFT_HYPHEN: char = '\u{AD}';

/// Proposes the changes that make `text` canonical: each soft hyphen removed, each ligature
/// unfolded, each CRLF/CR turned into LF, and each word that is not in NFC recomposed.
/// All are certain and applied; offsets are bytes of `text`, sorted.
pub fn normalize(text: &str) -> Vec<Change> {
    let mut changes = Vec::new();
    let bytes = text.as_bytes();
    let mut word_start = 0;
    let mut i = 0;
    // Words are delimited by ASCII whitespace, which never takes part in canonical composition,
    // so recomposing word by word equals recomposing the whole text.
    while i <= text.len() {
        let at_end = i == text.len();
        if at_end || matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
            normalize_word(text, word_start, i, &mut changes);
            if !at_end && bytes[i] == b'\r' {
                let crlf = bytes.get(i + 1) == Some(&b'\n');
                let end = if crlf { i + 2 } else { i + 1 };
                changes.push(Change::sure(i, end, "\n", EditKind::Newline));
                i = end;
                word_start = i;
                continue;
            }
            word_start = i + 1;
        }
        i += 1;
    }
    changes
}

/// Changes for one whitespace-free word `text[start..end]`.
fn normalize_word(text: &str, start: usize, end: usize, out: &mut Vec<Change>) {
    let word = &text[start..end];
    if word.is_ascii() {
        return;
    }
    let special = |c: char| c == SOFT_HYPHEN || unfold_ligature(c).is_some();
    let nfc = is_nfc_quick(word.chars()) == IsNormalized::Yes || word.nfc().eq(word.chars());
    if !nfc {
        // One change for the whole word: recomposition and unfolding may interact.
        let after: String = word
            .chars()
            .filter(|&c| c != SOFT_HYPHEN)
            .flat_map(|c| match unfold_ligature(c) {
                Some(s) => s.chars().collect::<Vec<_>>(),
                None => vec![c],
            })
            .collect::<String>()
            .nfc()
            .collect();
        out.push(Change::sure(start, end, after, EditKind::Nfc));
        return;
    }
    for (off, c) in word.char_indices().filter(|&(_, c)| special(c)) {
        let (s, e) = (start + off, start + off + c.len_utf8());
        match unfold_ligature(c) {
            Some(unfolded) => out.push(Change::sure(s, e, unfolded, EditKind::Ligature)),
            None => out.push(Change::sure(s, e, "", EditKind::SoftHyphen)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offsets::apply;

    #[track_caller]
    fn assert_normalizes(input: &str, expected: &str) {
        let (out, _) = apply(input, &normalize(input));
        assert_eq!(out, expected);
    }

    #[track_caller]
    fn assert_unchanged(input: &str) {
        assert!(normalize(input).is_empty(), "{input:?} was changed");
    }

    #[test]
    fn normalizes_nfc() {
        assert_normalizes("fo\u{308}r a\u{30A}r", "för år");
        assert_unchanged("för år");
    }

    #[test]
    fn removes_soft_hyphens() {
        assert_normalizes("rehabili\u{AD}tering", "rehabilitering");
        assert_unchanged("sjukskrivnings- och");
    }

    #[test]
    fn unfolds_ligatures() {
        assert_normalizes("e\u{FB00}ektiv \u{FB01}nns", "effektiv finns");
        assert_unchanged("effektiv finns");
    }

    #[test]
    fn turns_crlf_and_cr_into_lf() {
        assert_normalizes("a\r\nb\rc\n", "a\nb\nc\n");
        assert_unchanged("a\nb\n\x0cc");
    }

    #[test]
    fn mixed_word_gets_one_change() {
        assert_normalizes("o\u{308}\u{AD}\u{FB01}", "öfi");
    }
}
