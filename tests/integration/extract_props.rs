//! Properties of extraction over arbitrary input: it never panics, every item's offsets slice the
//! text to exactly its `text`, villkor spans and amount indexes are in bounds, amounts come in
//! reading order, and tables (also on table-shaped input: labels, grouped numbers, blank lines,
//! form feeds, tabs) have spans in bounds and rows that point at their own cells.

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
    check_tables(text, x, chars);
}

fn check_tables(text: &str, x: &Extraction, chars: usize) {
    for (t, table) in x.tables.iter().enumerate() {
        assert!(table.start <= table.end && table.end <= chars, "{table:?}");
        assert!(table.unit.kronor >= 1, "{table:?}");
        for (r, row) in table.rows.iter().enumerate() {
            for (c, i) in row.amounts.iter().enumerate() {
                let Some(i) = *i else { continue };
                let cell = x.amounts[i].cell.as_ref().expect("a row points at a cell");
                assert_eq!((cell.table, cell.row, cell.column), (t, r, c));
                assert_eq!(cell.total, row.total);
                let a = &x.amounts[i];
                assert!(
                    table.start <= a.start && a.end <= table.end,
                    "{a:?} in {table:?}"
                );
            }
        }
        for u in &table.unresolved {
            assert_eq!(slice(text, u.start, u.end), u.text, "{u:?}");
        }
    }
    for a in &x.amounts {
        if let Some(c) = &a.cell {
            assert!(c.table < x.tables.len(), "{a:?}");
        }
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

/// One line of a table-shaped document: a label, a grouped number, a label run into a number,
/// aligned or single-spaced columns, a caption, a total row, a blank line or a page break.
fn table_line() -> impl Strategy<Value = String> {
    let label = "[A-ZÅÄÖ][a-zåäö]{0,8}( [a-zåäö]{1,6})?";
    let group = "-?[1-9][0-9]{0,2}( [0-9]{3}){0,3}(,[0-9]{1,2})?";
    prop_oneof![
        Just(String::new()),
        Just("\u{c}".to_string()),
        Just("Belopp i tkr".to_string()),
        Just("Tusental kronor".to_string()),
        Just("KRONOR".to_string()),
        Just("(mnkr)".to_string()),
        Just("Beslutad ram".to_string()),
        Just("Ny ram".to_string()),
        Just("Andel %".to_string()),
        label.prop_map(|s| s),
        group.prop_map(|s| s),
        "(20[0-3][0-9])".prop_map(|s| s),
        (label, group).prop_map(|(l, g)| format!("{l}{g}")),
        (label, group, group).prop_map(|(l, a, b)| format!("{l}\t{a}\t{b}")),
        (label, group, group).prop_map(|(l, a, b)| format!("{l}  {a}  {b}")),
        (label, group, group, group).prop_map(|(l, a, b, c)| format!("{l} {a} {b} {c}")),
        (group, group).prop_map(|(a, b)| format!("Totalt {a} {b}")),
        group.prop_map(|g| format!("Summa\t{g}")),
        group.prop_map(|g| format!("ap.1Post (ram){g}")),
        group.prop_map(|g| format!("{g} %")),
    ]
}

fn table_document() -> impl Strategy<Value = String> {
    prop::collection::vec(table_line(), 0..40).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn tables_hold_their_invariants_on_table_shaped_text(text in table_document()) {
        check_invariants(&text, &extract(&text));
    }

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
