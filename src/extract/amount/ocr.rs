//! Figures that OCR wrote with letters, read as numbers only next to a money unit.
//!
//! **In:** the repaired text. **Out:** [`Change`]s of kind `digit` that write the figure with
//! digits: `I miljard kronor` → `1 miljard kronor`, `l0 miljoner kronor` → `10 …`, `5O Mkr` →
//! `50 Mkr`. English OCR models read `1` as `I`, `l` or `|` and `0` as `O` or `o`; in a figure right
//! before a scale or currency word there is no other reading.
//!
//! A token is read only when
//! - it is a word of its own made of digits and those letters, with at least one letter, and it
//!   reads as a numeral once the letters are digits;
//! - a money unit follows: a currency unit (`kronor`, `Mkr`, `EUR` …), directly or after a scale
//!   word, or a scale word in a text that speaks of money (`anslag`, `kronor` within a few lines);
//! - a token of one letter alone (`I`, `l`, `|`) stands before a singular word (`miljon`,
//!   `miljard`, `krona`): `I miljoner` is no figure, and neither is the pronoun-like `I` elsewhere.
//!
//! Runs as the last step of repair, because only the unit table knows what a money unit is; the
//! edits it makes are recorded like every other repair and replay.
//!
//! **Deliberately not done:** letters for digits anywhere else (repair's business, and it protects
//! real numbers), and any change to a digit.

use std::sync::LazyLock;

use regex::Regex;

use super::{MONEY_WORDS, WS1, floor_boundary, glued_to_word};
use crate::number::{self, units};
use crate::offsets::Change;
use crate::record::EditKind;

/// How sure the rule is: a unit right after leaves no other reading, but OCR may also have garbled
/// the unit.
const CONFIDENCE: f64 = 0.9;

/// A token of digits and look-alike letters, then a scale and/or a unit.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    let (scale, unit) = (units::scale_pattern(), units::unit_pattern());
    let pattern = format!(
        r"(?x)
        (?P<n> [0-9OoIl|]+ (?: , [0-9OoIl|]+ )? )
        {WS1}
        (?: (?P<scale> {scale} ) (?: {WS1} (?P<unit1> {unit} ) )? | (?P<unit> {unit} ) )"
    );
    Regex::new(&pattern).expect("ocr figure pattern")
});

/// The singular words a lone `I`/`l`/`|` may stand before.
const SINGULAR: &[&str] = &["miljon", "miljard", "krona"];

/// The changes that write OCR'd figures before money units with digits; those below
/// `min_confidence` are proposed, not applied.
pub(crate) fn numerals(text: &str, min_confidence: f64) -> Vec<Change> {
    let mut out = Vec::new();
    for c in TOKEN.captures_iter(text) {
        let (Some(n), Some(whole)) = (c.name("n"), c.get(0)) else {
            continue;
        };
        let token = n.as_str();
        if glued_to_word(text, n.start()) || !token.contains(['O', 'o', 'I', 'l', '|']) {
            continue;
        }
        let digits: String = token
            .chars()
            .map(|ch| match ch {
                'O' | 'o' => '0',
                'I' | 'l' | '|' => '1',
                other => other,
            })
            .collect();
        if number::parse(&digits).is_none() {
            continue;
        }
        let next = c
            .name("scale")
            .or(c.name("unit"))
            .map_or("", |m| m.as_str())
            .to_lowercase();
        let lone = !token.chars().any(|ch| ch.is_ascii_digit());
        if lone && (token.chars().count() != 1 || !SINGULAR.contains(&next.as_str())) {
            continue;
        }
        let has_unit = c.name("unit").is_some() || c.name("unit1").is_some();
        if !has_unit {
            let lo = floor_boundary(text, n.start().saturating_sub(300));
            let hi = floor_boundary(text, whole.end() + 300);
            if !MONEY_WORDS.is_match(&text[lo..hi]) {
                continue;
            }
        }
        out.push(Change {
            start: n.start(),
            end: n.end(),
            after: digits.into(),
            kind: EditKind::Digit,
            confidence: CONFIDENCE,
            applied: CONFIDENCE >= min_confidence,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` with the applied changes made.
    fn repaired(text: &str) -> String {
        let mut out = text.to_string();
        for c in numerals(text, 0.5).iter().rev().filter(|c| c.applied) {
            out.replace_range(c.start..c.end, &c.after);
        }
        out
    }

    #[test]
    fn letters_before_a_money_unit_become_digits() {
        for (text, want) in [
            ("avsätter I miljard kronor", "avsätter 1 miljard kronor"),
            ("ger l0 miljoner kronor", "ger 10 miljoner kronor"),
            ("kostar 5O Mkr", "kostar 50 Mkr"),
            ("kostar 1O,5 mnkr", "kostar 10,5 mnkr"),
            ("anslaget ökar med I miljard", "anslaget ökar med 1 miljard"),
            ("l krona per invånare", "1 krona per invånare"),
        ] {
            assert_eq!(repaired(text), want, "{text}");
        }
    }

    #[test]
    fn letters_elsewhere_stay() {
        for text in [
            // No money unit, or no money nearby.
            "I miljoner hem",
            "Det tog l0 miljoner år",
            "Vi såg I miljard stjärnor",
            // A lone letter before a plural, or a word, is no figure.
            "I miljoner kronor räknat",
            "OO kronor",
            "Ol kronor",
            "Solo kr",
            // Real digits are never touched.
            "10 miljoner kronor",
        ] {
            assert_eq!(repaired(text), text, "{text}");
        }
        assert!(
            numerals("I miljard kronor", 0.95)
                .iter()
                .all(|c| !c.applied)
        );
    }
}
