//! Extraction patterns that compile cheaply for the texts svocr nearly always meets.
//!
//! In: a pattern source and, at each search, the haystack. Out: the compiled [`Regex`] to search
//! it with — the same matches, captures and offsets as `Regex::new(source)` on that haystack.
//!
//! Why: a Unicode class such as `\p{L}` or `\d` has hundreds of ranges, most of them in scripts a
//! Swedish document never uses, and compiling them is most of svocr's start-up on a short text
//! (the reference pattern alone took ~6 ms of a one-line document's ~36 ms). Nearly every
//! document is *narrow*: each character is at most U+024F (Latin, with the Nordic and other
//! European letters) or one of a few punctuation and symbol blocks ([`INERT`]: dashes, quotes,
//! `…`, `€`, `−`, `≤`, arrows, bullets) that no class this crate uses can match, even
//! case-insensitively. On a narrow haystack `\p{L}` and `[\p{L}&&\x00-\x{24F}]` accept exactly
//! the same characters, so the narrow form of a pattern (its classes cut to U+024F) finds exactly
//! what the pattern finds, at a fraction of the compile cost. A document that is not narrow gets
//! the pattern as written. Each form is compiled on its first use, once.
//!
//! Narrowness is a property of the whole document, decided once by [`Width::of`] and passed to
//! every search: a piece of a wide document is searched with the pattern as written even when
//! the piece itself is narrow, so that a wide document compiles one form of each pattern, not
//! both, and no search scans its haystack again.
//!
//! Deliberately not done: rewriting negated classes (`\S`, `\P{..}`), which are a few ranges each
//! and cheap already, or literals, which no haystack changes the meaning of.

use std::sync::OnceLock;

use regex::Regex;

/// The highest character the narrow form of a class keeps (end of Latin Extended-B).
const NARROW_MAX: char = '\u{24F}';

/// Blocks above [`NARROW_MAX`] that a narrow text may hold: punctuation and symbols that are no
/// letter, digit, mark, connector or space and fold to no such character, so that no cut class
/// matches them either way. The test `inert_characters_match_no_class` checks that against the
/// regex crate's own tables.
const INERT: [(char, char); 8] = [
    ('\u{2010}', '\u{2027}'), // dashes, quotes, daggers, bullet, `…` (not U+2028/2029, spaces)
    ('\u{2030}', '\u{203E}'), // per mille, primes, guillemets (not U+203F/2040, connectors)
    ('\u{2041}', '\u{2053}'), // more punctuation (not U+2054, a connector)
    ('\u{2055}', '\u{205E}'), // more punctuation (not U+205F, a space)
    ('\u{20A0}', '\u{20C0}'), // currency signs, `€`
    ('\u{2190}', '\u{22FF}'), // arrows and mathematical operators, `−`, `≤`
    ('\u{2500}', '\u{25FF}'), // box drawing, blocks and geometric shapes (bullets)
    ('\u{FFFD}', '\u{FFFD}'), // the replacement character
];

/// Which form of the patterns a document is searched with, decided once per document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Width {
    /// Every character is at most [`NARROW_MAX`] or in an [`INERT`] block: the narrow forms
    /// find exactly what the patterns as written find.
    Narrow,
    /// Some other character: the patterns as written.
    Wide,
}

impl Width {
    /// The width of a whole document's `text`.
    pub(crate) fn of(text: &str) -> Width {
        // Most documents are close to ASCII: only the non-ASCII characters need a look.
        let narrow = text.is_ascii()
            || text
                .chars()
                .all(|c| c <= NARROW_MAX || INERT.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)));
        if narrow { Width::Narrow } else { Width::Wide }
    }
}

/// The classes [`narrow_source`] cuts, each with its narrow form. `\p{L}`, `\w` and `\s` are
/// written out as their ranges up to [`NARROW_MAX`]: that is what makes a narrow form cheap, since
/// under `(?i)` the regex crate case-folds a class's every range before it intersects, so that
/// `[\p{L}&&\x00-\x{24F}]` costs nearly what `\p{L}` does. Each of the three holds the case
/// partners of its members (the case-folded class cut to [`NARROW_MAX`] is the class cut), so its
/// ranges match the same narrow characters with or without `(?i)`; `\p{Lu}` and `\p{Ll}` do not
/// (`ȿ` is lower case and its capital is above U+024F), so they keep the intersection. The test
/// `cut_classes_accept_the_same_narrow_characters` checks every form against the regex crate's
/// tables. Any other `\p{..}` (punctuation, `\p{P}`, holds [`INERT`] characters) is left as
/// written.
const CUT_CLASSES: [(&str, &str); 6] = [
    (r"\d", "[0-9]"),
    (
        r"\w",
        r"[0-9A-Z_a-z\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\x{24F}]",
    ),
    (r"\s", r"[\t-\r\x20\x{85}\xA0]"),
    (
        r"\p{L}",
        r"[A-Za-z\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\x{24F}]",
    ),
    (r"\p{Lu}", r"[\p{Lu}&&\x00-\x{24F}]"),
    (r"\p{Ll}", r"[\p{Ll}&&\x00-\x{24F}]"),
];

/// `source` with each class escape of [`CUT_CLASSES`] replaced by its narrow form. A narrow form
/// is a bracketed class, which the regex syntax accepts inside another class too (`[^\p{L}]`
/// becomes `[^[A-Za-z…]]`); `\d` becomes `[0-9]`, the only decimal digits up to U+024F. Negated
/// escapes (`\D`, `\P{..}`) are left as written: they are a few ranges each.
fn narrow_source(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + 64);
    let mut rest = source;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        let len = match CUT_CLASSES
            .iter()
            .find(|(class, _)| escape.starts_with(class))
        {
            Some((class, narrow)) => {
                out.push_str(narrow);
                class.len()
            }
            // Any other escape, `\\` included, is copied whole, so that its second character is
            // never read as the start of another escape.
            None => {
                let len = escape[1..].chars().next().map_or(1, |c| 1 + c.len_utf8());
                out.push_str(&escape[..len]);
                len
            }
        };
        rest = &escape[len..];
    }
    out.push_str(rest);
    out
}

/// A pattern compiled in its narrow form for narrow documents and as written for the others.
pub(crate) struct Pattern {
    source: String,
    narrow: OnceLock<Regex>,
    full: OnceLock<Regex>,
}

impl Pattern {
    /// A pattern from its source; nothing is compiled until a search needs it.
    pub(crate) fn new(source: impl Into<String>) -> Self {
        Pattern {
            source: source.into(),
            narrow: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    /// The regex to search any part of a document of width `width` with: the same matches as
    /// the pattern as written. Only this form is compiled.
    pub(crate) fn regex(&self, width: Width) -> &Regex {
        // The sources are the crate's own constants, checked by the tests of their modules.
        match width {
            Width::Narrow => self
                .narrow
                .get_or_init(|| Regex::new(&narrow_source(&self.source)).expect("narrow pattern")),
            Width::Wide => self
                .full
                .get_or_init(|| Regex::new(&self.source).expect("pattern")),
        }
    }

    /// [`Regex::is_match`] on `haystack`, a part of a document of width `width`.
    pub(crate) fn is_match(&self, width: Width, haystack: &str) -> bool {
        self.regex(width).is_match(haystack)
    }

    /// [`Regex::find`] on `haystack`, a part of a document of width `width`.
    pub(crate) fn find<'h>(&self, width: Width, haystack: &'h str) -> Option<regex::Match<'h>> {
        self.regex(width).find(haystack)
    }

    /// [`Regex::captures`] on `haystack`, a part of a document of width `width`.
    pub(crate) fn captures<'h>(
        &self,
        width: Width,
        haystack: &'h str,
    ) -> Option<regex::Captures<'h>> {
        self.regex(width).captures(haystack)
    }

    /// [`Regex::captures_iter`] on `haystack`, a part of a document of width `width`.
    pub(crate) fn captures_iter<'r, 'h>(
        &'r self,
        width: Width,
        haystack: &'h str,
    ) -> regex::CaptureMatches<'r, 'h> {
        self.regex(width).captures_iter(haystack)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every class [`narrow_source`] cuts, as the regex syntax writes it.
    const CUT: [&str; 6] = [r"\d", r"\w", r"\s", r"\p{L}", r"\p{Lu}", r"\p{Ll}"];

    #[test]
    fn every_cut_class_has_a_narrow_form() {
        let cut: Vec<&str> = CUT_CLASSES.iter().map(|(class, _)| *class).collect();
        assert_eq!(cut, CUT);
    }

    /// Every character a narrow text may hold.
    fn narrow_chars() -> impl Iterator<Item = char> {
        ('\0'..=NARROW_MAX).chain(INERT.iter().flat_map(|&(lo, hi)| lo..=hi))
    }

    #[test]
    fn inert_characters_match_no_class() {
        let any = Regex::new(&format!("(?i)^[{}]$", CUT.join(""))).unwrap();
        for c in INERT.iter().flat_map(|&(lo, hi)| lo..=hi) {
            assert!(!any.is_match(&c.to_string()), "U+{:04X}", c as u32);
        }
    }

    /// The proof that a narrow form matches as written on a narrow text: each cut class accepts
    /// the same characters of a narrow text, alone, negated, combined, and case-insensitively.
    #[test]
    fn cut_classes_accept_the_same_narrow_characters() {
        for class in CUT {
            for shape in [
                "^{}$",
                "^[^{}]$",
                "^[{}&&[^a]]$",
                "(?i)^{}$",
                "(?i)^[^{}]$",
                "(?xi)^[{}&&[^a]]$",
            ] {
                let source = shape.replace("{}", class);
                let written = Regex::new(&source).unwrap();
                let narrow = Regex::new(&narrow_source(&source)).unwrap();
                for c in narrow_chars() {
                    let c = c.to_string();
                    assert_eq!(
                        written.is_match(&c),
                        narrow.is_match(&c),
                        "{source} on {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn narrow_source_cuts_only_the_listed_classes() {
        for (source, expected) in [
            (r"\d{4}", r"[0-9]{4}"),
            (
                r"[^\p{L}]",
                r"[^[A-Za-z\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\x{24F}]]",
            ),
            (r"\p{Lu}\s", r"[\p{Lu}&&\x00-\x{24F}][\t-\r\x20\x{85}\xA0]"),
            (
                r"\w+",
                r"[0-9A-Z_a-z\xAA\xB5\xBA\xC0-\xD6\xD8-\xF6\xF8-\x{24F}]+",
            ),
            // left as written: negated and punctuation classes, escaped backslashes, code points
            (r"\D\S\W\P{L}", r"\D\S\W\P{L}"),
            (r"\p{P}", r"\p{P}"),
            (r"\\d", r"\\d"),
            (r"[\x20\x{2009}]\.", r"[\x20\x{2009}]\."),
            ("å\\d", "å[0-9]"),
        ] {
            assert_eq!(narrow_source(source), expected, "{source}");
        }
    }

    #[test]
    fn narrow_texts_are_latin_with_inert_punctuation() {
        for (text, expected) in [
            ("", true),
            ("Hej", true),
            ("Försäkringskassan får 1 200 kr – senast 31 mars …", true),
            ("15 € · ≤ 3 %", true),
            ("kostnad − 5 ≥ 0", true),
            ("1\u{2009}200", false), // thin space: a space above U+024F
            ("\u{0663}", false),     // ARABIC-INDIC DIGIT THREE
            ("Ω", false),
            ("e\u{0301}", false), // a combining mark
        ] {
            let want = if expected { Width::Narrow } else { Width::Wide };
            assert_eq!(Width::of(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_pattern_finds_the_same_on_both_kinds_of_text() {
        let p = Pattern::new(r"(?i)\p{Lu}\p{L}{0,2}\d{4}/\d{2,6}");
        let written = Regex::new(&p.source).unwrap();
        for text in [
            "Dnr S2020/01234 och Fi2019/0123",
            "dnr Ω2020/01234 och Ö2020/١٢٣٤٥",
        ] {
            let found: Vec<_> = (p.regex(Width::of(text)).find_iter(text))
                .map(|m| m.range())
                .collect();
            let expected: Vec<_> = written.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn a_wide_document_compiles_only_the_pattern_as_written() {
        let p = Pattern::new(r"\p{L}+");
        let doc = "Ω och ett ord";
        assert_eq!(Width::of(doc), Width::Wide);
        // A narrow piece of a wide document is searched as the document is.
        assert!(p.is_match(Width::of(doc), &doc[3..]));
        assert!(p.full.get().is_some() && p.narrow.get().is_none());
        let narrow = Pattern::new(r"\p{L}+");
        assert!(narrow.is_match(Width::Narrow, "ord"));
        assert!(narrow.narrow.get().is_some() && narrow.full.get().is_none());
    }
}
