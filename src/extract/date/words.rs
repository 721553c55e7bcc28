//! Swedish words inside dates: ordinal days (`tredje`, `tjugoandra`, `förste`), years written out
//! (`tvåtusenarton`, `tjugohundraarton`, `nittonhundrasextioåtta`, `två tusen`) and weekday names.
//!
//! In: one matched word (or the two words of `två tusen`). Out: its number. The regex fragments
//! here are composed into [`super`]'s patterns; they carry no word boundary after them, because
//! the ASCII `\b` the patterns use sees none after `två` or `åtta`, so the caller checks that no
//! letter follows. Cardinal numbers outside dates are the amount reader's, not read here.

/// Ordinal days 1–31, longest alternatives first so that `tjugoförsta` wins over `tjugo…`.
pub(crate) const ORDINAL: &str = r"(?i:(?:tjugo|trettio)(?:första|förste|andra|andre)
    |tjugo(?:tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde)
    |trettonde|fjortonde|femtonde|sextonde|sjuttonde|artonde|nittonde|tjugonde|trettionde
    |första|förste|andra|andre|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde|elfte
    |tolfte)";

/// A year in words: a century word and an optional number 1–99 (`nittonhundra` `sextioåtta`).
pub(crate) const YEAR_WORDS: &str = r"(?i:(?:artonhundra|nittonhundra|tjugohundra|två\x20?tusen)
    (?:\x20?(?:tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton
        |(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)(?:ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)?
        |ett|en|två|tre|fyra|fem|sex|sju|åtta|nio))?)";

/// Weekday names, full (also definite: `måndagen`) or abbreviated (`mån`, `tis`, `tisd`).
pub(crate) const WEEKDAY: &str = r"(?i:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?
    |tisd|mån|tis|ons|tors|fre|lör|sön)";

const ORDINALS: [(&str, u8); 23] = [
    ("första", 1),
    ("förste", 1),
    ("andra", 2),
    ("andre", 2),
    ("tredje", 3),
    ("fjärde", 4),
    ("femte", 5),
    ("sjätte", 6),
    ("sjunde", 7),
    ("åttonde", 8),
    ("nionde", 9),
    ("tionde", 10),
    ("elfte", 11),
    ("tolfte", 12),
    ("trettonde", 13),
    ("fjortonde", 14),
    ("femtonde", 15),
    ("sextonde", 16),
    ("sjuttonde", 17),
    ("artonde", 18),
    ("nittonde", 19),
    ("tjugonde", 20),
    ("trettionde", 30),
];

/// A number 0–99 in words (`""` is 0): `sextioåtta` → 68, `arton` → 18.
fn under_hundred(w: &str) -> Option<u16> {
    if w.is_empty() {
        return Some(0);
    }
    crate::number::words::below_hundred(w)
}

/// The day of an ordinal word: `tredje` → 3, `tjugoandra` → 22, `trettioförste` → 31.
pub(crate) fn ordinal(word: &str) -> Option<u8> {
    let w = word.to_lowercase();
    if let Some(&(_, n)) = ORDINALS.iter().find(|(o, _)| *o == w) {
        return Some(n);
    }
    let (rest, tens) = [("tjugo", 20), ("trettio", 30)]
        .into_iter()
        .find_map(|(t, n)| w.strip_prefix(t).map(|r| (r, n)))?;
    let unit = ORDINALS.iter().find(|(o, _)| *o == rest)?.1;
    let day = tens + unit;
    (unit < 10 && day <= 31).then_some(day)
}

/// A year in words: `tvåtusenarton` → 2018, `nittonhundrasextioåtta` → 1968, `två tusen` → 2000.
pub(crate) fn year(words: &str) -> Option<u16> {
    let w: String = words
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (rest, century) = [
        ("artonhundra", 1800),
        ("nittonhundra", 1900),
        ("tjugohundra", 2000),
        ("tvåtusen", 2000),
    ]
    .into_iter()
    .find_map(|(c, n)| w.strip_prefix(c).map(|r| (r, n)))?;
    Some(century + under_hundred(rest)?)
}

/// The weekday of a weekday name, 0 for Monday … 6 for Sunday.
pub(crate) fn weekday(word: &str) -> Option<u8> {
    let w = word.to_lowercase();
    ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]
        .iter()
        .position(|p| w.starts_with(p))
        .and_then(|i| u8::try_from(i).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        for (w, n) in [
            ("första", 1),
            ("Förste", 1),
            ("tredje", 3),
            ("tolfte", 12),
            ("tjugonde", 20),
            ("tjugoandra", 22),
            ("tjugoförste", 21),
            ("trettioförsta", 31),
            ("trettionde", 30),
        ] {
            assert_eq!(ordinal(w), Some(n), "{w}");
        }
        for w in ["trettioandra", "tjugoelfte", "fyrtionde", "priset"] {
            assert_eq!(ordinal(w), None, "{w}");
        }
    }

    #[test]
    fn years() {
        for (w, n) in [
            ("tvåtusenarton", 2018),
            ("tjugohundraarton", 2018),
            ("nittonhundrasextioåtta", 1968),
            ("två tusen", 2000),
            ("tvåtusen tjugoett", 2021),
            ("Tvåtusennitton", 2019),
            ("nittonhundra", 1900),
        ] {
            assert_eq!(year(w), Some(n), "{w}");
        }
        for w in ["tvåtusenhej", "tusen", "nittonhundrasextiotio"] {
            assert_eq!(year(w), None, "{w}");
        }
    }

    #[test]
    fn weekdays() {
        assert_eq!(weekday("måndag"), Some(0));
        assert_eq!(weekday("Tisdagen"), Some(1));
        assert_eq!(weekday("tors"), Some(3));
        assert_eq!(weekday("sön"), Some(6));
        assert_eq!(weekday("maj"), None);
    }
}
