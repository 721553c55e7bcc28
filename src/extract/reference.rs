//! References to other documents.
//!
//! In: the repaired (or clean) text of one document. Out: [`Reference`]s in reading order: `kind`
//! (`dnr`, `sou`, `prop`, `ds`, `sfs`, `bet`, `anslag`, `item`), `value` without its label, `text`
//! with the label as written, and character offsets.
//!
//! A reference needs its label (`SOU`, `prop.`, `Ds`, `SFS`, `bet.`, `anslag`, `dnr`) except where
//! its shape is unmistakable: a registry number with a ministry prefix (`S2020/09780`) or a
//! committee report (`2020/21:SfU1`). A dnr without the ministry letters (`dnr 2019/05301/SF`, as
//! OCR often leaves it) needs the `dnr` label. Item numbers (`I:33`) count only near a word that
//! names a decision (`Regeringsbeslut`, `beslut`, `punkt`, `nr`).
//!
//! Deliberately not done here: law and chapter citations (`3 kap. 2 §`), EU references, and URLs
//! (`1177.se`).

use std::sync::LazyLock;

use super::amount::{floor_boundary, glued_to_word};
use crate::offsets::CharIndex;
use crate::pattern::{Pattern, Width};
use crate::record::Reference;

/// Every reference form; each alternative names its kind (`<kind>`) and its value (`<kind>_v`).
static REFERENCE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?x)
        (?-u:\b)
        (?:
            # dnr S2019/05301/SF, Dnr: 2019/05301/SF (the label makes the ministry letters optional)
            (?P<dnr> (?i: dnr | diarienummer | diarienr ) \.? :? \s* )
            (?P<dnr_v> (?:\p{Lu}[\p{L}]{0,2})? \d{4}/\d{2,6} (?:/\p{Lu}{1,5})? ) (?-u:\b)
          | # S2020/09780, Fi2019/01234/BA: a ministry prefix makes a bare dnr unmistakable
            (?P<dnrb_v> \p{Lu}[\p{L}]{0,2} \d{4}/\d{3,6} (?:/\p{Lu}{1,5})? ) (?-u:\b)
          | (?P<sou> SOU \s+ ) (?P<sou_v> \d{4}:\d{1,3} ) (?-u:\b)
          | (?P<prop> (?:[Pp]rop\. | [Pp]roposition(?:en)?) \s* ) (?P<prop_v> \d{4}/\d{2}:\d{1,4} ) (?-u:\b)
          | (?P<ds> Ds \s+ ) (?P<ds_v> \d{4}:\d{1,3} ) (?-u:\b)
          | (?P<sfs> SFS \s+ ) (?P<sfs_v> \d{4}:\d{1,4} ) (?-u:\b)
          | # bet. 2020/21:SfU1, or the bare committee report number, whose shape is unique
            (?P<bet> (?:[Bb]et\. | [Bb]etänkande(?:t)?) \s* )? (?P<bet_v> \d{4}/\d{2}:\p{Lu}\p{L}{1,3}\d{1,3} ) (?-u:\b)
          | (?P<anslag> (?i: anslag(?:et)? ) \s+ ) (?P<anslag_v> \d{1,2}:\d{1,2} ) (?-u:\b)
          | (?P<item_v> [IVX]{1,4}:\d{1,3} ) (?-u:\b)
        )",
    )
});

/// A word naming a decision, which must be near an item number (`Regeringsbeslut I:33`).
static DECISION: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) \b(?: regeringsbeslut | beslut\w* | regeringssammanträde\w* | punkt | nr )\b",
    )
});

/// Finds every reference in `text`, a document of width `width`, in reading order, with character
/// offsets.
pub(crate) fn find(text: &str, width: Width) -> Vec<Reference> {
    const KINDS: [(&str, &str); 9] = [
        ("dnr_v", "dnr"),
        ("dnrb_v", "dnr"),
        ("sou_v", "sou"),
        ("prop_v", "prop"),
        ("ds_v", "ds"),
        ("sfs_v", "sfs"),
        ("bet_v", "bet"),
        ("anslag_v", "anslag"),
        ("item_v", "item"),
    ];
    // Every form has a `\d`.
    if !super::has_digit(text) {
        return Vec::new();
    }
    let idx = CharIndex::new(text);
    let mut out = Vec::new();
    for c in REFERENCE.captures_iter(width, text) {
        let Some(m) = c.get(0) else { continue };
        // The patterns use an ASCII `\b` to stay on the fast DFA; this is the Unicode check.
        if glued_to_word(text, m.start()) {
            continue;
        }
        let Some((value, kind)) = KINDS
            .iter()
            .find_map(|(group, kind)| c.name(group).map(|v| (v.as_str(), *kind)))
        else {
            continue;
        };
        if kind == "item" {
            let lo = floor_boundary(text, m.start().saturating_sub(60));
            if !DECISION.is_match(width, &text[lo..m.start()]) {
                continue;
            }
        }
        out.push(Reference {
            kind: kind.to_string(),
            value: value.to_string(),
            text: m.as_str().to_string(),
            start: idx.char_offset(m.start()),
            end: idx.char_offset(m.end()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_reference(text: &str, kind: &str, value: &str, matched: &str) {
        let found = find(text, Width::of(text));
        assert_eq!(found.len(), 1, "{text:?} → {found:#?}");
        let r = &found[0];
        assert_eq!(
            (r.kind.as_str(), r.value.as_str(), r.text.as_str()),
            (kind, value, matched)
        );
    }

    #[track_caller]
    fn assert_none(text: &str) {
        let found = find(text, Width::of(text));
        assert!(found.is_empty(), "{text:?} → {found:#?}");
    }

    #[test]
    fn dnr_with_and_without_label() {
        assert_reference(
            "process (dnr S2019/05301/SF).",
            "dnr",
            "S2019/05301/SF",
            "dnr S2019/05301/SF",
        );
        assert_reference(
            "(dnr 2019/05301/SF)",
            "dnr",
            "2019/05301/SF",
            "dnr 2019/05301/SF",
        );
        assert_reference("beslut S2020/09780 om", "dnr", "S2020/09780", "S2020/09780");
        assert_none("under perioden 2019/05301");
    }

    #[test]
    fn series() {
        assert_reference("i SOU 2020:24 att", "sou", "2020:24", "SOU 2020:24");
        assert_reference("prop. 2020/21:78", "prop", "2020/21:78", "prop. 2020/21:78");
        assert_reference(
            "bet. 2020/21:SfU1",
            "bet",
            "2020/21:SfU1",
            "bet. 2020/21:SfU1",
        );
        assert_none("SKL:s stöd 2017: och SOU-serien");
    }

    #[test]
    fn items_need_a_decision_word() {
        assert_reference("Regeringsbeslut I:33", "item", "I:33", "I:33");
        assert_none("Kapitel I:33 i boken");
    }
}
