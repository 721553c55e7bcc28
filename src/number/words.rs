//! Swedish cardinal number words below a thousand (`tre`, `arton`, `fyrtiofem`,
//! `etthundrafemtio`): the one reader behind amounts in words (`fyrtiofem miljoner`) and years in
//! words (`nittonhundrasextioåtta`).

/// Units and teens, as written alone or after a tens word (`fyrtio|fem`) or `hundra`.
const UNITS: [(&str, u16); 20] = [
    ("ett", 1),
    ("en", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("nio", 9),
    ("tio", 10),
    ("elva", 11),
    ("tolv", 12),
    ("tretton", 13),
    ("fjorton", 14),
    ("femton", 15),
    ("sexton", 16),
    ("sjutton", 17),
    ("arton", 18),
    ("nitton", 19),
];

const TENS: [(&str, u16); 8] = [
    ("tjugo", 20),
    ("trettio", 30),
    ("fyrtio", 40),
    ("femtio", 50),
    ("sextio", 60),
    ("sjuttio", 70),
    ("åttio", 80),
    ("nittio", 90),
];

fn unit(w: &str) -> Option<u16> {
    UNITS.iter().find(|(u, _)| *u == w).map(|&(_, n)| n)
}

/// A number 1–99 in lower-case words: `arton` → 18, `sextioåtta` → 68; after a tens word only
/// a unit below ten may follow (`tjugotolv` is no number).
pub(crate) fn below_hundred(w: &str) -> Option<u16> {
    if let Some(n) = unit(w) {
        return Some(n);
    }
    let (rest, tens) = TENS
        .iter()
        .find_map(|(t, n)| w.strip_prefix(t).map(|r| (r, *n)))?;
    if rest.is_empty() {
        return Some(tens);
    }
    unit(rest).filter(|&u| u < 10).map(|u| tens + u)
}

/// A number 1–999 in lower-case words: `etthundrafemtio` → 150, `hundra` → 100.
pub(crate) fn below_thousand(w: &str) -> Option<u16> {
    let Some(i) = w.find("hundra") else {
        return below_hundred(w);
    };
    let (head, rest) = (&w[..i], &w[i + "hundra".len()..]);
    let hundreds = if head.is_empty() {
        1
    } else {
        unit(head).filter(|&u| u < 10)?
    };
    let rest = if rest.is_empty() {
        0
    } else {
        below_hundred(rest)?
    };
    Some(hundreds * 100 + rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words() {
        for (w, n) in [
            ("en", Some(1)),
            ("arton", Some(18)),
            ("nitton", Some(19)),
            ("fyrtiofem", Some(45)),
            ("sextioåtta", Some(68)),
            ("hundra", Some(100)),
            ("etthundrafemtio", Some(150)),
            ("tvåhundratolv", Some(212)),
            ("tjugotolv", None),
            ("tiohundra", None),
            ("", None),
            ("hund", None),
        ] {
            assert_eq!(below_thousand(w), n, "{w}");
        }
        assert_eq!(below_hundred("hundra"), None);
    }
}
