//! Protection: what the repair never touches, and the one number it does.
//!
//! In: the tokens of a document. Out: for each token, whether the repair may touch it
//! ([`repairable`]), whether a lone `1` is the word `i` ([`one_for_i`]), and the case pattern a
//! repair keeps ([`restore_case`]).
//!
//! Protected: numbers (amounts, dates, years), tokens glued to `/`, `:` or digits (`dnr
//! S2019/05301/SF`, `SOU 2020:24`), footnote marks after a word (`Försäkringskassan9`),
//! abbreviations of the register ([`ABBREVIATIONS`]), all-capital acronyms of up to four letters,
//! and single letters. The one number that is repaired is a lone `1` standing between two
//! lower-case words, where the English model read the word `i` (`sjuka 1 covid`, not `den 1
//! november`: [`NUMBER_BEFORE`], [`NUMBER_AFTER`], [`begins_with_month`]), or between a capitalised word and a definite
//! form (`Insatserna 1 överenskommelsen`, not `Grupp 1 består`), and never before a noun that a
//! numeral counts (`har 1 bilaga`, `bifogas 1 intyg`: [`counted_noun`]). Case is preserved
//! (`F6R`→`FÖR`, `F6r`→`För`).
//!
//! These are rules about the text's shape, the lexicon and which words the clean text shows
//! together ([`super::context`]) only: they know nothing of the confusion model or of ranking, and whether a document is damaged enough for `1`→`i` is the
//! caller's question.

use super::context;
use super::tokenize::{Token, TokenKind};
use crate::lexicon::{Lexicon, lexicon};

/// Whether the repair may touch token `i` (`false`: it is protected). The caller lower-cases
/// the text once per distinct spelling, not once per token.
pub(super) fn repairable(tokens: &[Token<'_>], i: usize) -> bool {
    repairable_check(tokens, i).is_some()
}

fn repairable_check(tokens: &[Token<'_>], i: usize) -> Option<()> {
    let t = tokens[i];
    if !matches!(t.kind, TokenKind::Word | TokenKind::Mixed) {
        return None;
    }
    // Glued to a reference or a number: part of `S2019/05301/SF`, `2020:24`, `SKR:s`,
    // `1177.se`. A full stop or colon counts only when a letter or digit follows it directly;
    // at a sentence end it is punctuation.
    let word_char = |j: usize| {
        tokens
            .get(j)
            .is_some_and(|n| n.kind != TokenKind::Space && n.kind != TokenKind::Other)
    };
    let glued = |j: usize| {
        tokens.get(j).is_some_and(|n| {
            n.kind == TokenKind::Number
                || matches!(n.text, "/" | "_" | "§")
                || (matches!(n.text, "." | ":")
                    && word_char(j + 1)
                    && (j < i || j > 0 && word_char(j - 1)))
        })
    };
    if i.checked_sub(1).is_some_and(glued) || glued(i + 1) {
        return None;
    }
    // Digits after a word are a footnote mark or an exponent (`Försäkringskassan9`, `nivå²`);
    // after a non-word they are a garbled letter (`vardmilj6`).
    let letters_only = t.text.trim_end_matches(char::is_numeric);
    if letters_only.len() < t.text.len()
        && lexicon()
            .word_or_compound_frequency(&letters_only.to_lowercase())
            .is_some()
    {
        return None;
    }
    // Digits run into a capitalised word are a section number (`2Finansiering`, `3VILLKOR`),
    // and run into a word that follows numbers, a number that lost its space (`den 1januari`,
    // `5miljoner`); before other lower-case letters they are a garbled letter
    // (`6verenskommelsen`, `6kar`, `4ven`: `kar` and `ven` are words too, `ökar` and `även`
    // what was printed).
    let after_digits = t.text.trim_start_matches(char::is_numeric);
    if after_digits.len() < t.text.len() {
        let rest = after_digits.to_lowercase();
        let number_run_in = if after_digits.starts_with(char::is_uppercase) {
            lexicon().word_or_compound_frequency(&rest).is_some()
        } else {
            crate::number::units::kept_by_repair(&rest)
                || begins_with_month(&rest)
                || NUMBER_AFTER
                    .iter()
                    .any(|u| rest == *u || u.len() >= 3 && rest.starts_with(u))
        };
        if number_run_in {
            return None;
        }
    }
    // A short capitalised designation before a reference number is its issuer (`Fi
    // 2007/9808`, `Ku 2019/01234`), not a word.
    if t.text.chars().count() <= 3
        && t.text.starts_with(char::is_uppercase)
        && tokens.get(i + 1).is_some_and(|n| n.text == " ")
        && tokens
            .get(i + 2)
            .is_some_and(|n| n.kind == TokenKind::Number)
        && tokens
            .get(i + 3)
            .is_some_and(|n| n.text == "/" || n.text == ":")
    {
        return None;
    }
    // One pass over the characters: this runs for every token of every document.
    let (mut letters, mut digits, mut noise, mut upper) = (0usize, 0usize, 0usize, 0usize);
    for c in t.text.chars() {
        if c.is_alphabetic() {
            letters += 1;
        }
        if c.is_numeric() {
            digits += 1;
        }
        // Brace noise stands for a letter (`{6r`).
        if c == '{' {
            noise += 1;
        }
        if c.is_uppercase() {
            upper += 1;
        }
    }
    if letters + noise < 2 || digits > 2 || digits >= letters + noise {
        return None;
    }
    if ABBREVIATIONS.iter().any(|a| t.text.eq_ignore_ascii_case(a))
        || crate::number::units::kept_by_repair(t.text)
    {
        return None;
    }
    // Acronyms (`SKR`, `SOU`) are not words; longer all-capital words (headings) are.
    if t.kind == TokenKind::Word && upper == letters && letters <= 4 {
        return None;
    }
    Some(())
}

/// A lone `1` between two lower-case words stands for the word `i` (`sjuka 1 covid-19`,
/// `utgångspunkt 1 antalet`), and so does one between a capitalised word and a definite form
/// (`Insatserna 1 överenskommelsen`); `den 1 november`, `villkor 1, 2`, `1 444`, `Villkor 1
/// Ledning` and `Grupp 1 består` are numbers. `next_reading` is how the next word reads;
/// `reads_as_word` says whether a lower-case word reads as a word, possibly a garbled one.
pub(super) fn one_for_i(
    tokens: &[Token<'_>],
    i: usize,
    lex: &Lexicon,
    next_reading: Option<&str>,
    reads_as_word: impl Fn(&str) -> bool,
) -> bool {
    let t = tokens[i];
    if t.text != "1" {
        return false;
    }
    let space = |j: usize| tokens.get(j).is_some_and(|s| s.text == " ");
    if i < 2 || !space(i - 1) || !space(i + 1) {
        return false;
    }
    let Some(next) = tokens.get(i + 2) else {
        return false;
    };
    let prev = tokens[i - 2];
    let starts = |w: &Token<'_>, f: fn(char) -> bool| w.text.chars().next().is_some_and(f);
    // The next word may itself be garbled (`1 6verenskommelsen`): it counts as it reads.
    let next_ok = match next.kind {
        TokenKind::Word => starts(next, char::is_lowercase),
        TokenKind::Mixed => !starts(next, char::is_uppercase) && next_reading.is_some(),
        _ => false,
    };
    let capitalised = prev.kind == TokenKind::Word
        && starts(&prev, char::is_uppercase)
        && prev.text.chars().skip(1).all(char::is_lowercase);
    let prev_ok = prev.kind == TokenKind::Word && starts(&prev, char::is_lowercase) || capitalised;
    if !prev_ok || !next_ok {
        return false;
    }
    let p = prev.text.to_lowercase();
    let n = next_reading.map_or_else(|| next.text.to_lowercase(), str::to_string);
    // After a capitalised word (`Insatserna 1 överenskommelsen`) a number is as likely as not
    // (`Grupp 1 består`); a definite form after it settles it, since a Swedish numeral takes an
    // indefinite noun (`1 överenskommelse`).
    if capitalised && !(lex.contains(&n) && ["en", "et", "na"].iter().any(|s| n.ends_with(s))) {
        return false;
    }
    // A compound of a numbered noun is numbered too (`ansvarsområde 1`, `delbetänkande 1`).
    let numbered_compound = || {
        NUMBER_BEFORE
            .iter()
            .any(|w| w.chars().count() >= 6 && p.len() > w.len() && p.ends_with(w))
    };
    if NUMBER_BEFORE.contains(&p.as_str())
        || numbered_compound()
        || begins_with_month(&n)
        || NUMBER_AFTER.iter().any(|u| n.starts_with(u))
        || crate::number::units::cues_a_number(&n)
    {
        return false;
    }
    let number_at = |j: Option<usize>| {
        j.and_then(|j| tokens.get(j))
            .is_some_and(|t| t.kind == TokenKind::Number)
    };
    if counted_noun(&n, number_at(Some(i + 4))) {
        return false;
    }
    // A list of numbers (`villkor 2 eller 1 och 3`): a number on either side of a conjunction.
    let conjunction = |w: &str| matches!(w, "och" | "eller" | "samt");
    if conjunction(&p) && number_at(i.checked_sub(4)) || conjunction(&n) && number_at(Some(i + 4)) {
        return false;
    }
    // Both neighbours should read as words (possibly garbled ones) for `i` to make a phrase.
    reads_as_word(&p) && (reads_as_word(&n) || n == "covid")
}

/// Whether `noun` after a lone `1` makes it a numeral counting it (`har 1 bilaga`, `bifogas 1
/// intyg`) rather than the preposition `i`. A Swedish numeral takes a noun in the singular
/// indefinite, as the indefinite article does (`en bilaga`, `ett intyg`); `i` takes a definite
/// form, a name or a fixed phrase (`i kommunen`, `i enlighet med`, `i samverkan`), which the
/// clean text shows after `i` and seldom after `en`/`ett`. So a noun seen after the article more
/// often than after `i` is counted. A numbered noun ([`NUMBER_BEFORE`]: `bilaga`, `avsnitt`)
/// follows `i` only as a reference with its own number (`i bilaga 2`), which the clean text is
/// full of: without a number after it (`number_follows`) it is counted too.
fn counted_noun(noun: &str, number_follows: bool) -> bool {
    let article = context::pair_count("en", noun) + context::pair_count("ett", noun);
    article > 0
        && (article > context::pair_count("i", noun)
            || NUMBER_BEFORE.contains(&noun) && !number_follows)
}

/// Abbreviations of the register that are no words and sit next to numbers (`dnr S2019/…`):
/// never repaired into the nearest word (`dnr` → `där`). Unit abbreviations (`12 mnkr`) come from
/// the unit table ([`crate::number::units::kept_by_repair`]).
pub(super) const ABBREVIATIONS: &[&str] = &[
    "dnr", "jfr", "nr", "st", "resp", "prop", "bet", "sfs", "ds", "enl",
];

/// Words after which `1` is a number (`villkor 1`, `den 1`, `kapitel 1`). `och` and `eller`
/// are not among them: after them a number is followed by its unit or counted noun (`och 1
/// procent`, caught by [`NUMBER_AFTER`]) or by another number, while `och 1 samverkan med` is
/// the word `i`.
pub(super) const NUMBER_BEFORE: &[&str] = &[
    "avsnitt",
    "bilaga",
    "del",
    "delvillkor",
    "den",
    "fas",
    "kapitel",
    "kap",
    "nr",
    "nummer",
    "punkt",
    "sida",
    "steg",
    "tabell",
    "villkor",
    "version",
    "figur",
    "område",
    "insatsområde",
    "yrkande",
    "moment",
    "betänkande",
    "alternativ",
    "per",
    "till",
    "från",
    "mot",
    "av",
    "med",
    "om",
    "på",
    "under",
    "ca",
    "cirka",
    "drygt",
    "knappt",
    "totalt",
    "minst",
    "högst",
    "över",
];

/// Word beginnings after which `1` is a number besides months ([`begins_with_month`]): counted
/// nouns; units and scale words come from the unit table ([`crate::number::units::cues_a_number`]).
pub(super) const NUMBER_AFTER: &[&str] = &[
    "procent", "st", "år", "dag", "vecka", "veckor", "månad", "timme", "timmar", "gång", "person",
    "heltid", "tjänst", "kap", "styck",
];

/// Month abbreviations that begin ordinary words too (`mark`, `jul`, `jungfru`): only the whole
/// month name counts for them.
const AMBIGUOUS_MONTH_ABBREVIATIONS: [&str; 4] = ["mar", "maj", "jun", "jul"];

/// Whether `word` (lower case) begins with a month name (`januari`, `novembers`) or the
/// abbreviation of one (`jan`, `nov`), as the date extractor names them.
pub(super) fn begins_with_month(word: &str) -> bool {
    crate::extract::date::MONTH_NAMES.iter().any(|m| {
        let abbreviation = &m[..3];
        word.starts_with(m)
            || !AMBIGUOUS_MONTH_ABBREVIATIONS.contains(&abbreviation)
                && word.starts_with(abbreviation)
    })
}

/// Puts the case pattern of the OCR token back on a lower-case repair.
pub(super) fn restore_case(original: &str, word: &str) -> String {
    // Counted in one pass, without collecting the letters: this runs for every change.
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in original.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    let all_upper = letters > 1 && upper == letters;
    if all_upper {
        return word.to_uppercase();
    }
    // The first character decides, whatever it is read as (`F6r`, `6verenskommelsen`, `{6r`).
    let first_upper = original.chars().next().is_some_and(char::is_uppercase);
    if first_upper {
        let mut cs = word.chars();
        return match cs.next() {
            Some(f) => f.to_uppercase().chain(cs).collect(),
            None => String::new(),
        };
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use crate::repair::spec::{assert_corrects, assert_unchanged, assert_unchanged_in_damaged};

    #[test]
    fn one_between_words_is_the_word_i() {
        assert_corrects("svirt sjuka 1 covid-19", "svårt sjuka i covid-19");
        assert_corrects("utgingspunkt 1 antalet", "utgångspunkt i antalet");
        assert_corrects("och 1 samverkan med", "och i samverkan med");
        // After a capitalised word only a definite form (which no numeral takes) decides.
        assert_corrects(
            "Insatserna 1 6verenskommelsen bedoms",
            "Insatserna i överenskommelsen bedöms",
        );
    }

    #[test]
    fn numbers_stay_numbers() {
        assert_unchanged_in_damaged("per den 1 november 2019");
        assert_unchanged_in_damaged("Villkor 1 Ledning");
        assert_unchanged_in_damaged("villkor 1, 2, 3 och 4");
        assert_unchanged_in_damaged("1 444 kronor");
        assert_unchanged_in_damaged("62,5 miljoner");
        assert_unchanged_in_damaged("dnr S2019/05301/SF");
        assert_unchanged_in_damaged("SOU 2020:24");
        assert_unchanged_in_damaged("1. Bakgrund");
        assert_unchanged_in_damaged("mellan 0 och 1 procent");
        assert_unchanged_in_damaged("2 och 1 kap. lagen");
        assert_unchanged_in_damaged("villkor 2 eller 1 och 3");
        assert_unchanged_in_damaged("bifaller motionens yrkandena 1 och 2");
        assert_unchanged_in_damaged("Grupp 1 består av tre personer.");
        assert_unchanged_in_damaged("Till ansvarsområde 1 hör domstolarna");
        assert_unchanged_in_damaged("avslår motion 1998/99:So8 yrkande 1 som gäller");
        assert_unchanged_in_damaged("Alternativ 1 innebär att");
        assert_unchanged_in_damaged("Bilaga 1 innehåller tabellen");
    }

    #[test]
    fn one_before_a_counted_noun_is_a_number() {
        // (phrase in a damaged document, expected): a numeral counts a noun in the singular
        // indefinite; the preposition takes a definite form, a fixed phrase or a reference
        // with its own number.
        for (ocr, expected) in [
            ("Beslutet har 1 bilaga.", "Beslutet har 1 bilaga."),
            ("Till beslutet hör 1 bilaga.", "Till beslutet hör 1 bilaga."),
            (
                "Till ansökan bifogas 1 intyg.",
                "Till ansökan bifogas 1 intyg.",
            ),
            ("Det sker 1 kommunen.", "Det sker i kommunen."),
            (
                "Det sker 1 enlighet med beslutet.",
                "Det sker i enlighet med beslutet.",
            ),
            (
                "som anges 1 bilaga 2 till beslutet",
                "som anges i bilaga 2 till beslutet",
            ),
            (
                "arbetet sker 1 samverkan med",
                "arbetet sker i samverkan med",
            ),
        ] {
            assert_corrects(ocr, expected);
        }
    }

    #[test]
    fn one_is_left_alone_in_clean_text() {
        assert_unchanged("Det gäller 1 november och villkor 1 samt 1 person.");
    }

    #[test]
    fn footnote_digits_and_acronyms_are_protected() {
        assert_unchanged_in_damaged("Försäkringskassan9 och SKR:s");
        assert_unchanged_in_damaged("SKR");
    }

    #[test]
    fn abbreviations_before_a_reference_are_kept() {
        assert_unchanged_in_damaged("Låneram (enl 20 § budgetlagen)");
        assert_unchanged_in_damaged("enl bilaga 2");
        // A misread word that is no abbreviation is still repaired.
        assert_corrects("Medel f6r 2024", "Medel för 2024");
    }

    #[test]
    fn section_numbers_run_into_a_heading_are_kept() {
        assert_unchanged_in_damaged("4 2Finansiering 2.1Anslag");
        assert_unchanged_in_damaged("nedan 3VILLKOR gäller");
        assert_unchanged_in_damaged("från och med den 1januari 1995");
        assert_corrects("Kostnaden 6kar", "Kostnaden ökar");
        // Run into no word, the digit is a garbled letter.
        assert_corrects("6verenskommelsen", "överenskommelsen");
    }

    #[test]
    fn an_issuer_before_a_reference_number_is_kept() {
        assert_unchanged_in_damaged("Regeringsbeslut 2007-12-13 Fi 2007/9808 (delvis)");
        assert_unchanged_in_damaged("beslut Ku 2019/01234");
    }

    #[test]
    fn case_is_preserved() {
        assert_corrects("F6R", "FÖR");
        assert_corrects("F6r", "För");
        assert_corrects("FORSIKRINGSKASSAN", "FÖRSÄKRINGSKASSAN");
    }
}
