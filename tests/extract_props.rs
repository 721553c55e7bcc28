//! Properties of extraction over arbitrary input: it never panics, every item's offsets slice the
//! text to exactly its `text`, villkor spans and amount indexes are in bounds, and amounts come in
//! reading order.

use proptest::prelude::*;
use svocr::extract::{Extraction, extract};

/// Character-offset slice of `text`.
fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn check_invariants(text: &str, x: &Extraction) {
    let chars = text.chars().count();
    for a in &x.amounts {
        assert_eq!(slice(text, a.start, a.end), a.text, "{a:?}");
        assert!(a.start < a.end && a.end <= chars);
        assert!(
            a.value.is_some() || (a.min.is_some() && a.max.is_some()),
            "{a:?}"
        );
    }
    assert!(
        x.amounts.windows(2).all(|w| w[0].start <= w[1].start),
        "reading order"
    );
    for d in &x.dates {
        assert_eq!(slice(text, d.start, d.end), d.text, "{d:?}");
    }
    for p in &x.periods {
        assert_eq!(slice(text, p.start, p.end), p.text, "{p:?}");
        assert!(p.from <= p.to, "{p:?}");
    }
    for r in &x.references {
        assert_eq!(slice(text, r.start, r.end), r.text, "{r:?}");
    }
    for v in &x.villkor {
        assert!(v.start <= v.end && v.end <= chars, "{v:?}");
        assert!(
            v.mentions
                .iter()
                .all(|m| m.start <= m.end && m.end <= chars),
            "{v:?}"
        );
        assert!(v.amounts.iter().all(|&i| i < x.amounts.len()), "{v:?}");
    }
}

/// Pieces of Swedish public-sector text, so that random input reaches every pattern.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("miljoner".to_string()),
        Just("miljarder".to_string()),
        Just("kronor".to_string()),
        Just("Mkr".to_string()),
        Just("tkr".to_string()),
        Just("öre".to_string()),
        Just("EUR".to_string()),
        Just("december".to_string()),
        Just("dec.".to_string()),
        Just("den".to_string()),
        Just("senast".to_string()),
        Just("mellan".to_string()),
        Just("och".to_string()),
        Just("Villkor".to_string()),
        Just("Område".to_string()),
        Just("delvillkor".to_string()),
        Just("insatsområden:".to_string()),
        Just("dnr".to_string()),
        Just("SOU".to_string()),
        Just("prop.".to_string()),
        Just("under".to_string()),
        Just("cirka".to_string()),
        Just("högst".to_string()),
        Just("per år".to_string()),
        Just("tjugotvå".to_string()),
        Just("en".to_string()),
        Just("1.".to_string()),
        Just("(".to_string()),
        Just("–".to_string()),
        Just("-".to_string()),
        Just("−".to_string()),
        Just(":".to_string()),
        Just("/".to_string()),
        Just(",".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{c}".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{2009}".to_string()),
        Just("1:a".to_string()),
        "[0-9]{1,4}".prop_map(|s| s),
        "[0-9]{1,3},[0-9]{1,2}".prop_map(|s| s),
        "[A-ZÅÄÖ][a-zåäö]{0,8}".prop_map(|s| s),
        "\\PC{0,3}".prop_map(|s| s),
    ]
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (token(), prop_oneof![Just(" "), Just(""), Just("\n")]),
        0..60,
    )
    .prop_map(|parts| parts.into_iter().map(|(t, sep)| t + sep).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,300}") {
        check_invariants(&text, &extract(&text));
    }

    #[test]
    fn offsets_hold_on_swedish_like_text(text in document()) {
        check_invariants(&text, &extract(&text));
    }
}

#[test]
fn huge_numbers_do_not_overflow() {
    let text = format!(
        "{} miljarder kronor och -{} Mdkr",
        "9".repeat(40),
        "9 999".repeat(10)
    );
    check_invariants(&text, &extract(&text));
}
