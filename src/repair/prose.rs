//! What is not Swedish prose: foreign-language runs, proper names, register abbreviations, and
//! documents the repair model does not fit.
//!
//! In: the tokens of a document. Out: per token a [`Shield`] (how much evidence a repair of it
//! needs), and the document's [`Mode`] (apply the confident repairs, or only propose them).
//!
//! - **Foreign runs.** A phrase (words between punctuation or line breaks) with an English
//!   function word (`the`, `of`, `on`, `now`…) and no Swedish one is foreign: `European
//!   Observatory on Health Care Systems`, `No results found`, `on Vimeo`. Function words that are
//!   also Swedish words, or what the English OCR model makes of Swedish ones (`for` ← `för`, `at`
//!   ← `åt`), are evidence for neither side.
//! - **Names.** A capitalised word that does not begin a sentence (`Max Elger`, `SKL, Inera`),
//!   or an unlisted one followed by another on its line (`Jasmina Sofic` on a signature line),
//!   is repaired only by the confusions the OCR model learned (a generic edit turns short names
//!   into words: `Elger` → `Eller`), never into another listed word.
//! - **Abbreviations and hyphenated names** are left alone like foreign words: a short word
//!   before a full stop and a number (`Dir. 2024:7`, `Skr. 2015/16:1`), a one- or two-letter
//!   word in a parenthesised or comma list (`(s, fp, c)`), and the parts of `Ing-Marie`.
//! - **Modes.** A document in older orthography (`hvad`, `af`, `qvinna`, `äro`, `ſ`), mostly in
//!   another language, or showing no OCR damage is repaired in [`Mode::Propose`]: its changes are
//!   reported, never applied, since the model would "correct" what is right.
//!
//! These are rules about the text's shape, two small word lists and the lexicon; it does not
//! rank readings ([`super::rank`]).

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::tokenize::{Token, TokenKind};
use crate::lexicon::Lexicon;

/// How much evidence a repair of a token needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Shield {
    /// Swedish prose: the ranking decides.
    #[default]
    Prose,
    /// A name: only cheap learned confusions, never another listed word.
    Name,
    /// Foreign text or a register abbreviation: only a token that is no word in any language
    /// (letters and digits mixed, brace noise) is repaired.
    Foreign,
}

/// Whether a document's repairs are applied or only proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Repairs at or above the confidence threshold are applied.
    Apply,
    /// Every repair is reported with `applied: false`.
    Propose,
}

/// Why a document was repaired in its mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModeReason {
    /// Swedish text showing OCR damage: the model fits.
    OcrDamage,
    /// No sign of OCR damage (å/ä/ö intact, no misread words).
    Clean,
    /// Spellings from before the 1906 reform (`hvad`, `af`, `qvinna`, `ſ`).
    OlderOrthography,
    /// Most of the text is in another language.
    ForeignLanguage,
}

/// English function words that are neither Swedish words nor what the English OCR model makes
/// of Swedish ones.
const ENGLISH: &[&str] = &[
    "about", "and", "are", "been", "from", "has", "have", "into", "no", "not", "now", "of", "on",
    "our", "than", "that", "the", "their", "there", "these", "they", "this", "to", "was", "we",
    "were", "which", "will", "with", "would", "you", "your",
];

/// Swedish function words, and their usual OCR forms, that no English phrase has.
const SWEDISH: &[&str] = &[
    "och", "ocb", "att", "som", "för", "f6r", "fér", "på", "pa", "är", "ir", "dr", "av", "med",
    "den", "det", "ett", "till", "har", "inte", "ska", "kan", "sig", "de", "vid", "eller", "samt",
    "om", "även", "från", "fran", "efter", "under", "i", "en", "så", "sa",
];

/// [`ENGLISH`] and [`SWEDISH`] as sorted bytes, for binary search (both lists are lower case,
/// so ASCII case folding of a token makes the comparison `eq_ignore_ascii_case`).
static FOLDED_ENGLISH: LazyLock<Vec<&'static [u8]>> = LazyLock::new(|| sorted_bytes(ENGLISH));
static FOLDED_SWEDISH: LazyLock<Vec<&'static [u8]>> = LazyLock::new(|| sorted_bytes(SWEDISH));

fn sorted_bytes(list: &[&'static str]) -> Vec<&'static [u8]> {
    let mut bytes: Vec<&[u8]> = list.iter().map(|w| w.as_bytes()).collect();
    bytes.sort_unstable();
    bytes
}

/// Words that only Swedish spelt before 1906 has (`hvad`, `af`, `äro`); older spellings with
/// `hv`, `qv`, `fv`, `w` are recognised by their letters ([`old_spelling`]).
const OLD_WORDS: &[&str] = &[
    "af", "äro", "voro", "woro", "eder", "edert", "eho", "uti", "utaf", "ock", "godt", "blifvit",
    "deraf", "derpå", "dertill", "deruti", "derföre", "hwad",
];

/// Share of a document's word tokens in foreign phrases above which it is another language.
const FOREIGN_SHARE: f64 = 0.5;

/// Distinct lower-case old-spelling words, and their tokens' share of the words, from which a
/// document is older print. Distinct words, since a modern name repeats (`Löfven`, `Alfvén`);
/// lower-case ones, since names keep old spellings. A rate over the document, not one token:
/// 1818–1848 print has 3–15 % of its lower-case words in old spellings even after OCR, modern
/// public-sector text well under 0.5 % (a `webbplats` is listed, so it does not count at all).
const OLD_MIN: usize = 3;
const OLD_SHARE: f64 = 0.02;

/// Damage estimate below which a document counts as clean (see [`super::rank::DocModel`]).
pub(super) const CLEAN_DAMAGE: f64 = 0.1;

/// Whether `lower` is spelt the pre-1906 way: a listed old word, `ſ`, `hv`-/`hw`-, `qv`/`qw`,
/// `fv`/`fw` (`hafva`, `hafwa`), a `-dt` ending (`godt`, `beslutadt`), or `w` for `v` (`war`,
/// `wid`, `wåra`), the commonest sign in print before the 1880s and one the OCR keeps (it reads
/// `ſ` as `f`). The letter signs count only in a word the lexicon does not list (`webbplats`).
fn old_spelling(lower: &str, lex: &Lexicon) -> bool {
    if OLD_WORDS.contains(&lower) || lower.contains('ſ') {
        return true;
    }
    // One pass over the bytes (asked for every lower-case word): the signs are ASCII, which
    // never occurs inside a multi-byte character.
    let bytes = lower.as_bytes();
    let letters = bytes.starts_with(b"hv")
        || bytes.contains(&b'w')
        || bytes.windows(2).any(|w| matches!(w, [b'q' | b'f', b'v']))
        || lower.len() >= 4 && bytes.ends_with(b"dt");
    letters && !lex.contains(lower)
}

/// The index of the previous non-space token, and whether a line break came between.
fn previous(tokens: &[Token<'_>], i: usize) -> (Option<usize>, bool) {
    let mut newline = false;
    for j in (0..i).rev() {
        if tokens[j].kind == TokenKind::Space {
            newline |= tokens[j].text.contains('\n');
        } else {
            return (Some(j), newline);
        }
    }
    (None, true)
}

/// The index of the next non-space token, and whether a line break came between.
fn next(tokens: &[Token<'_>], i: usize) -> (Option<usize>, bool) {
    let mut newline = false;
    for (j, t) in tokens.iter().enumerate().skip(i + 1) {
        if t.kind == TokenKind::Space {
            newline |= t.text.contains('\n');
        } else {
            return (Some(j), newline);
        }
    }
    (None, true)
}

fn capitalised(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word && t.text.starts_with(char::is_uppercase)
}

/// Whether token `i` begins a sentence, a line, a heading or a list item.
fn sentence_initial(tokens: &[Token<'_>], i: usize) -> bool {
    match previous(tokens, i) {
        (None, _) | (_, true) => true,
        (Some(j), false) => {
            let p = tokens[j];
            p.kind == TokenKind::Number
                || p.kind == TokenKind::Other && !matches!(p.text, "," | "(" | "-" | "&" | "/")
        }
    }
}

/// Whether token `i` (a capitalised word) is a name by its place: not at a sentence start, or,
/// if it is no listed word, followed on its line by
/// another capitalised word (`Jasmina Sofic`; `Vår Overgripande` is a sentence start).
fn name_like(tokens: &[Token<'_>], i: usize, lex: &Lexicon) -> bool {
    let t = tokens[i];
    if !capitalised(&t) {
        return false;
    }
    if !sentence_initial(tokens, i) {
        return true;
    }
    // A capitalised word followed on its line by another (`Jasmina Sofic`): a first name.
    matches!(next(tokens, i), (Some(j), false) if capitalised(&tokens[j]))
        && !lex.contains(&t.text.to_lowercase())
}

/// Whether token `i` is a part of a hyphenated name (`Ing-Marie`, `Per-Olof`): a capitalised word
/// joined by a hyphen to another. Its parts are often words (`äng`), so it is left alone.
fn hyphenated_name(tokens: &[Token<'_>], i: usize) -> bool {
    let hyphen_cap = |a: Option<&Token<'_>>, b: Option<&Token<'_>>| {
        a.is_some_and(|a| a.text == "-") && b.is_some_and(capitalised)
    };
    capitalised(&tokens[i])
        && (hyphen_cap(tokens.get(i + 1), tokens.get(i + 2))
            || i >= 2 && hyphen_cap(tokens.get(i - 1), tokens.get(i - 2)))
}

/// Whether token `i` is a register abbreviation: a short word before a full stop and a number
/// (`Dir. 2024:7`; a capitalised one also before a number on the next line, as in a heading
/// `…, Dir.` over `2011:13`), a one- or two-letter word inside a list (`(s, fp, c)`), or a part
/// of an abbreviation written with spaces (`bl. a.`, `t. ex.`, `fr. o. m.`).
fn abbreviation(tokens: &[Token<'_>], i: usize) -> bool {
    let t = tokens[i];
    let letters = t.text.chars().count();
    if t.kind != TokenKind::Word || letters > 4 {
        return false;
    }
    let stop_number = tokens.get(i + 1).is_some_and(|d| d.text == ".")
        && matches!(next(tokens, i + 1), (Some(j), newline)
            if tokens[j].kind == TokenKind::Number && (!newline || capitalised(&t)));
    let in_list = letters <= 2
        && matches!(previous(tokens, i), (Some(j), false) if matches!(tokens[j].text, "," | "("))
        && matches!(next(tokens, i), (Some(j), false) if matches!(tokens[j].text, "," | ")"));
    stop_number || in_list || spaced_abbreviation(tokens, i)
}

/// Longest part of an abbreviation written with spaces (`fr. o. m.`).
const SPACED_ABBREVIATION_PART: usize = 3;

/// Whether token `i` is part of an abbreviation written with spaces: a short word and a full
/// stop next to another such pair on the same line (`bl. a.`, `t. ex.`, `m. m.`, `d. v. s.`). A
/// sentence seldom ends in a word of three letters followed by a one of at most three letters
/// and a full stop; the OCR reads such parts as short words (`bl` as `bli`).
fn spaced_abbreviation(tokens: &[Token<'_>], i: usize) -> bool {
    // Token `k` is a short word directly followed by a full stop.
    let dotted = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word && t.text.chars().count() <= SPACED_ABBREVIATION_PART
        }) && tokens.get(k + 1).is_some_and(|d| d.text == ".")
    };
    // The pair after token `k`'s full stop, across one plain space.
    let space_after = |k: usize| tokens.get(k + 2).is_some_and(|g| g.text == " ");
    dotted(i) && (space_after(i) && dotted(i + 3) || i >= 3 && space_after(i - 3) && dotted(i - 3))
}

/// Marks the word tokens of foreign phrases; returns how many word tokens it marked.
fn mark_foreign(tokens: &[Token<'_>], shields: &mut [Shield]) -> usize {
    let mut marked = 0;
    let mut start = 0;
    while start < tokens.len() {
        // A phrase ends at punctuation other than a hyphen or apostrophe, or at a line break.
        let mut end = start;
        while end < tokens.len() {
            let t = tokens[end];
            let breaks = t.kind == TokenKind::Other && !matches!(t.text, "-" | "'" | "’")
                || t.kind == TokenKind::Space && t.text.contains('\n');
            if breaks {
                break;
            }
            end += 1;
        }
        let (mut english, mut swedish) = (0, 0);
        for t in &tokens[start..end] {
            if t.kind != TokenKind::Word {
                continue;
            }
            // Every listed word is short: longer tokens are not compared. ASCII case folding
            // into a buffer spares an allocation per word (an all-capital `FÖR` is not
            // recognised), and the sorted lists are searched, not scanned: this runs for every
            // short word of every document.
            if t.text.len() > 6 {
                continue;
            }
            let mut buffer = [0u8; 6];
            let folded = &mut buffer[..t.text.len()];
            folded.copy_from_slice(t.text.as_bytes());
            folded.make_ascii_lowercase();
            let folded: &[u8] = folded;
            english += usize::from(FOLDED_ENGLISH.binary_search(&folded).is_ok());
            swedish += usize::from(FOLDED_SWEDISH.binary_search(&folded).is_ok());
        }
        if english > 0 && swedish == 0 {
            for (k, t) in tokens[start..end].iter().enumerate() {
                if matches!(t.kind, TokenKind::Word | TokenKind::Mixed) {
                    shields[start + k] = Shield::Foreign;
                    marked += 1;
                }
            }
        }
        start = end + 1;
    }
    marked
}

/// The evidence each token's repair needs, and the share of word tokens in foreign phrases.
pub(super) fn shields(tokens: &[Token<'_>], lex: &Lexicon) -> (Vec<Shield>, f64) {
    let mut shields = vec![Shield::Prose; tokens.len()];
    let foreign = mark_foreign(tokens, &mut shields);
    let mut words = 0usize;
    for i in 0..tokens.len() {
        if !matches!(tokens[i].kind, TokenKind::Word | TokenKind::Mixed) {
            continue;
        }
        words += 1;
        if shields[i] != Shield::Prose {
            continue;
        }
        if abbreviation(tokens, i) || hyphenated_name(tokens, i) {
            shields[i] = Shield::Foreign;
        } else if name_like(tokens, i, lex) {
            shields[i] = Shield::Name;
        }
    }
    let share = if words == 0 {
        0.0
    } else {
        foreign as f64 / words as f64
    };
    (shields, share)
}

/// The mode a document is repaired in, from its tokens and their shields, its share of foreign
/// words and its estimated damage.
pub(super) fn mode(
    tokens: &[Token<'_>],
    shields: &[Shield],
    foreign_share: f64,
    damage: f64,
    lex: &Lexicon,
) -> (Mode, ModeReason) {
    let mut words = 0usize;
    let mut old = 0usize;
    let mut old_words: Vec<&str> = Vec::new();
    for (t, shield) in tokens.iter().zip(shields) {
        if t.kind != TokenKind::Word {
            continue;
        }
        words += 1;
        // An English word (`software`, `new`) is no old Swedish spelling.
        if *shield == Shield::Foreign {
            continue;
        }
        if t.text.starts_with(char::is_lowercase) && old_spelling(t.text, lex) {
            old += 1;
            if !old_words.contains(&t.text) {
                old_words.push(t.text);
            }
        }
    }
    if old_words.len() >= OLD_MIN && old as f64 >= OLD_SHARE * words as f64 {
        (Mode::Propose, ModeReason::OlderOrthography)
    } else if foreign_share > FOREIGN_SHARE {
        (Mode::Propose, ModeReason::ForeignLanguage)
    } else if damage < CLEAN_DAMAGE {
        (Mode::Propose, ModeReason::Clean)
    } else {
        (Mode::Apply, ModeReason::OcrDamage)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::lexicon;
    use crate::repair::spec::{DAMAGED, assert_corrects, assert_unchanged_in_damaged};
    use crate::repair::tokenize::tokenize;
    use crate::repair::{DEFAULT_MIN_CONFIDENCE, repair_with_mode};

    /// The shield of the token `word` in `text`.
    #[track_caller]
    fn shield_of(text: &str, word: &str) -> Shield {
        let tokens = tokenize(text);
        let (shields, _) = shields(&tokens, lexicon());
        let i = tokens
            .iter()
            .position(|t| t.text == word)
            .expect("word in text");
        shields[i]
    }

    #[test]
    fn foreign_runs_are_found_by_their_function_words() {
        for (text, word) in [
            (
                "6 European Observatory on Health Care Systems",
                "Observatory",
            ),
            ("Rapporten (view fulltext now) finns", "fulltext"),
            ("No results found", "results"),
            ("Filmen finns on Vimeo.", "Vimeo"),
            ("Statement of the Board", "Board"),
            ("News from the Council", "Council"),
        ] {
            assert_eq!(shield_of(text, word), Shield::Foreign, "{text}");
        }
        // A Swedish function word, or an English-looking OCR form of one, keeps it Swedish.
        for (text, word) in [
            ("Insatser for lindrig psykisk ohilsa och smirta", "lindrig"),
            ("pa on Gotland", "pa"),
            ("medel till regionerna", "medel"),
        ] {
            assert_eq!(shield_of(text, word), Shield::Prose, "{text}");
        }
    }

    #[test]
    fn names_are_found_by_their_place() {
        for (text, word) in [
            ("Anna Ekström Max Elger (Finansdepartementet)", "Elger"),
            ("informationsutbyte SKL, Inera, Försäkringskassan", "Inera"),
            ("Presskontakt\nJasmina Sofic\nPressekreterare", "Sofic"),
            ("enligt Karin Berg", "Berg"),
        ] {
            assert_eq!(shield_of(text, word), Shield::Name, "{text}");
        }
        for (text, word) in [
            ("Regeringen beslutar. Staten betalar", "Staten"),
            ("2. Skälen för beslutet", "Skälen"),
            ("Vår Övergripande slutsats", "Vår"),
        ] {
            assert_eq!(shield_of(text, word), Shield::Prose, "{text}");
        }
    }

    #[test]
    fn register_abbreviations_are_found() {
        for (text, word) in [
            ("kontinuitet, Dir. 2024:7", "Dir"),
            ("sektorn Skr. 2015/16:1", "Skr"),
            ("motioner (s, fp, c)", "fp"),
            ("Ing-Marie Wieselgren sa", "Ing"),
            ("enligt Per-Olof Ahl", "Olof"),
            ("enligt Prop. 2019/20:1", "Prop"),
            ("av bostäder, Dir.\n2011:13\n", "Dir"),
            ("i stort bl. a. som grund", "bl"),
            ("fr. o. m. den", "o"),
            ("nya regler, t. ex. om", "ex"),
            ("d. v. s. att", "v"),
        ] {
            assert_eq!(shield_of(text, word), Shield::Foreign, "{text}");
        }
        assert_eq!(
            shield_of("Det gäller år. 2020 blir", "gäller"),
            Shield::Prose
        );
        assert_eq!(shield_of("till (sa, ja)", "till"), Shield::Prose);
        // Not abbreviations: a lower-case word ending a sentence before a number on the next
        // line, a sentence end followed by a longer one, a short word ending a sentence alone.
        for (text, word) in [
            ("det gäller år.\n2020 blir", "år"),
            ("Han bor. Hemma.", "bor"),
            ("Det var bra. Nu går vi", "bra"),
        ] {
            assert_eq!(shield_of(text, word), Shield::Prose, "{text}");
        }
    }

    #[test]
    fn foreign_text_names_and_abbreviations_are_left_alone() {
        assert_unchanged_in_damaged("European Observatory on Health Care Systems.");
        assert_unchanged_in_damaged("Hela rapporten (view fulltext now).");
        assert_unchanged_in_damaged("No results found.");
        assert_unchanged_in_damaged("Filmen finns on Vimeo.");
        assert_unchanged_in_damaged("Ing-Marie Wieselgren, Max Elger och Jasmina Sofic.");
        assert_unchanged_in_damaged("Per-Olof Ahl och SKL, Inera, Försäkringskassan.");
        assert_unchanged_in_damaged("Se Dir. 2024:7 och Skr. 2015/16:1 samt motioner (s, fp, c).");
        assert_unchanged_in_damaged("Det gäller bl. a. stöd, t. ex. bidrag, fr. o. m. i år.");
    }

    #[test]
    fn damaged_swedish_around_them_is_still_repaired() {
        assert_corrects(
            "Filmen finns on Vimeo f6r alla.",
            "Filmen finns on Vimeo för alla.",
        );
        assert_corrects("enligt Anna Ekstrém", "enligt Anna Ekström");
        assert_corrects(
            "mellan Forsikringskassan och",
            "mellan Försäkringskassan och",
        );
        assert_corrects("Se Dir. 2024:7 f6r mer.", "Se Dir. 2024:7 för mer.");
    }

    #[track_caller]
    fn mode_of(text: &str) -> (Mode, ModeReason) {
        repair_with_mode(text, DEFAULT_MIN_CONFIDENCE).mode
    }

    #[test]
    fn the_mode_says_whether_the_model_fits() {
        assert_eq!(mode_of(DAMAGED), (Mode::Apply, ModeReason::OcrDamage));
        assert_eq!(
            mode_of(
                "Hvad som af Regeringen blifvit beslutadt, det skola äro hvarje qvinna kunnigt. "
            ),
            (Mode::Propose, ModeReason::OlderOrthography)
        );
        assert_eq!(
            mode_of("The Board of the Council met on Monday. It was not the first time."),
            (Mode::Propose, ModeReason::ForeignLanguage)
        );
        assert_eq!(
            mode_of("Försäkringskassan och Socialstyrelsen får stöd för vård i länet."),
            (Mode::Propose, ModeReason::Clean)
        );
        // A modern name with an old spelling (`Löfven`) is no older print.
        let names = format!("{DAMAGED} Stefan Löfven och Löfven, Alfvén.");
        assert_eq!(mode_of(&names), (Mode::Apply, ModeReason::OcrDamage));
        // 1830s print after OCR: `ſ` read as `f`, but `w` for `v` and `-dt` survive.
        assert_eq!(
            mode_of(
                "Deras ftiftare war Joh. Agricola, ſom hafwa fkrifwit emot dem. Den tror likwål \
                 ej på Påfwens ofelbarhet, och werkftäller dop genom hela kroppens nedfänkande i \
                 wattnet; godt och wäl. "
            ),
            (Mode::Propose, ModeReason::OlderOrthography)
        );
        // Modern words and names with `w`, `fv` or `-dt` are listed or capitalised.
        let modern = format!(
            "{DAMAGED} Se webbplatsen och www, Wieselgren och Swedbank, Alfvén och Löfven."
        );
        assert_eq!(mode_of(&modern), (Mode::Apply, ModeReason::OcrDamage));
    }

    #[test]
    fn old_spellings_are_told_by_their_letters_unless_listed() {
        let lex = lexicon();
        for word in [
            "hvad",
            "hwad",
            "qvinna",
            "hafva",
            "hafwa",
            "war",
            "wåra",
            "beslutadt",
            "af",
        ] {
            assert!(old_spelling(word, lex), "{word}");
        }
        for word in [
            "vad",
            "kvinna",
            "hava",
            "var",
            "våra",
            "beslutat",
            "av",
            "webbplats",
        ] {
            assert!(!old_spelling(word, lex), "{word}");
        }
    }

    #[test]
    fn in_propose_mode_nothing_is_applied() {
        let old = "Hvad som af Regeringen blifvit beslutadt om hvarje qvinna, det skall äro ſagdt.";
        let r = repair_with_mode(old, DEFAULT_MIN_CONFIDENCE);
        assert!(r.changes.iter().all(|c| !c.applied), "{:?}", r.changes);
        let clean = "Försäkringskassan och Socialstyrelsen får stöd för vård i länet. ".repeat(3);
        let r = repair_with_mode(&format!("{clean}Forsikringskassan"), DEFAULT_MIN_CONFIDENCE);
        assert!(!r.changes.is_empty() && r.changes.iter().all(|c| !c.applied));
    }
}
