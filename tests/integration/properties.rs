//! Properties that must hold for any input: no panics, edit spans inside the input, applied edits
//! sorted and non-overlapping and replaying to the text, extracted spans slicing the text to
//! exactly their `text`, normalisation idempotent.

use crate::common::splice;
use proptest::prelude::*;
use svocr::{Options, apply_edits, input, layout, process};

/// Text that looks like OCR output: Swedish letters, digits, hyphens, line and page breaks.
fn ocr_like() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "för",
        "f6r",
        "ir",
        "1",
        "944",
        "miljoner",
        "kronor",
        "rehabili-",
        "teringsprocessen",
        "och",
        "sjukskrivnings-",
        " ",
        " ",
        "\n",
        "\n\n",
        "\x0c",
        "\r\n",
        "\u{AD}",
        "ﬁ",
        "o\u{308}",
        "Mkr",
        "-3,4",
        "den",
        "11",
        "december",
        "2020",
        "Villkor",
        "dnr",
        "S2019/05301/SF",
        "Totalt",
        ".",
        ":",
        "(",
        ")",
        "–",
        "1 444",
        "\t",
        "å",
        "Ö",
    ]);
    prop::collection::vec(atoms, 0..80).prop_map(|v| v.concat())
}

/// Text shaped like an OCR'd table over several pages: labels, grouped numbers, page numbers,
/// one cell per line or a row per line, blank lines and form feeds.
fn table_like() -> impl Strategy<Value = String> {
    let cells = prop::sample::select(vec![
        "Stockholm",
        "Uppsala",
        "Totalt",
        "Region Skåne",
        "317 989 729",
        "3 823 518",
        "68 143 865",
        "1 367 000 000",
        "2 546",
        "14,7",
        "-3,4",
        "2020",
        "1",
        "2",
        "3",
        "12",
        "- 2 -",
        "Sida 2 av 5",
        "3 (14)",
        "Mkr",
        "Ra\u{308}nta",
    ]);
    let separators = prop::sample::select(vec![" ", "\n", "\n\n", "\n\x0c", "\x0c", "\r\n"]);
    prop::collection::vec((cells, separators), 0..60)
        .prop_map(|v| v.into_iter().flat_map(|(c, s)| [c, s]).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn process_on_table_like_text(s in table_like()) {
        check_record(s.as_bytes())?;
    }

    #[test]
    fn stages_never_panic_and_spans_stay_inside(s in "\\PC*") {
        for changes in [input::normalize(&s), layout::layout(&s)] {
            for c in &changes {
                prop_assert!(c.start <= c.end && c.end <= s.len());
                prop_assert!(s.is_char_boundary(c.start) && s.is_char_boundary(c.end));
            }
        }
    }

    #[test]
    fn normalisation_is_idempotent(s in ocr_like()) {
        let once = splice(&s, &input::normalize(&s));
        prop_assert!(input::normalize(&once).is_empty(), "{:?} → {:?}", s, once);
    }

    #[test]
    fn layout_spans_stay_inside_on_ocr_like_text(s in ocr_like()) {
        let norm = splice(&s, &input::normalize(&s));
        let changes = layout::layout(&norm);
        let mut last_end = 0;
        for c in &changes {
            prop_assert!(c.start >= last_end, "overlapping layout changes in {:?}", norm);
            prop_assert!(c.end <= norm.len());
            last_end = c.end;
        }
    }

    #[test]
    fn process_never_panics_and_all_spans_slice_exactly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_record(&bytes)?;
    }

    #[test]
    fn process_on_ocr_like_text(s in ocr_like()) {
        check_record(s.as_bytes())?;
    }
}

fn check_record(bytes: &[u8]) -> Result<(), TestCaseError> {
    let r = process("p.txt", bytes, &Options::default());
    let Ok(decoded) = input::decode(bytes) else {
        prop_assert!(r.error.is_some());
        return Ok(());
    };
    let input: Vec<char> = decoded.text.chars().collect();
    let applied: Vec<_> = r.edits.iter().filter(|e| e.applied).collect();
    for w in applied.windows(2) {
        prop_assert!(
            w[0].end <= w[1].start,
            "overlapping edits {:?} and {:?}",
            w[0],
            w[1]
        );
    }
    for w in r.edits.windows(2) {
        prop_assert!(
            w[0].start <= w[1].start,
            "edits out of order: {:?} {:?}",
            w[0],
            w[1]
        );
    }
    let replayed = apply_edits(&decoded.text, &r.edits);
    prop_assert_eq!(
        replayed.as_deref().ok(),
        Some(r.text.as_str()),
        "{:?}",
        replayed
    );
    for e in &r.edits {
        prop_assert!(
            e.start <= e.end && e.end <= input.len(),
            "edit {:?} outside input",
            e
        );
        let before: String = input[e.start..e.end].iter().collect();
        prop_assert_eq!(&before, &e.before);
    }
    let text: Vec<char> = r.text.chars().collect();
    let slice = |start: usize, end: usize| -> Option<String> {
        (start <= end && end <= text.len()).then(|| text[start..end].iter().collect())
    };
    for a in r.amounts.iter().flatten() {
        prop_assert_eq!(slice(a.start, a.end), Some(a.text.clone()));
    }
    for d in r.dates.iter().flatten() {
        prop_assert_eq!(slice(d.start, d.end), Some(d.text.clone()));
    }
    for p in r.periods.iter().flatten() {
        prop_assert_eq!(slice(p.start, p.end), Some(p.text.clone()));
    }
    for x in r.references.iter().flatten() {
        prop_assert_eq!(slice(x.start, x.end), Some(x.text.clone()));
    }
    for v in r.villkor.iter().flatten() {
        prop_assert!(
            slice(v.start, v.end).is_some(),
            "villkor {:?} outside the text",
            v
        );
        for m in &v.mentions {
            prop_assert!(
                slice(m.start, m.end).is_some(),
                "mention {:?} outside the text",
                m
            );
        }
    }
    for t in r.totals.iter().flatten() {
        prop_assert!(
            slice(t.start, t.end).is_some(),
            "total {:?} outside the text",
            t
        );
    }
    for &p in &r.pages {
        prop_assert!(p <= text.len());
    }
    Ok(())
}
