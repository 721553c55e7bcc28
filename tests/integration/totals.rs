//! Totals reconciliation on the seed documents, against the gold, with planted faults, and a property
//! test that no `ok` is ever reported for a sum that does not hold.
//!
//! The running-text amounts are built here by hand from each document (and checked against the gold
//! amounts), so these tests judge `validate` and the table reader (the cells of `extract::extract`)
//! apart from the running-text amount extractor; the tests at the end run the whole pipeline and
//! need the amount extractor and the repair engine. That `validate` never panics on arbitrary text
//! and amounts is a unit test in `src/validate/mod.rs`.

use std::path::Path;

use proptest::prelude::*;
use svocr::extract::extract;
use svocr::record::{Amount, Gold, Money, Qualifier, TotalCheck, TotalStatus};
use svocr::validate::reconcile;

/// One miljon kronor in öre.
const M: i64 = 100_000_000;

fn seed(prefix: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let entry = std::fs::read_dir(&dir)
        .expect("fixtures/seeds")
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix} in {}", dir.display()));
    std::fs::read_to_string(entry.path()).expect("seed text")
}

fn gold(prefix: &str) -> Gold {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/gold");
    let entry = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the gold lives beside the repo)", dir.display()))
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no gold {prefix}"));
    serde_json::from_str(&std::fs::read_to_string(entry.path()).expect("gold"))
        .expect("gold parses")
}

/// A running-text amount as the extractor reports it.
#[derive(Clone, Copy)]
struct Said {
    words: &'static str,
    ore: i64,
    approximate: bool,
    qualifier: Option<Qualifier>,
}

const fn said(words: &'static str, ore: i64) -> Said {
    Said {
        words,
        ore,
        approximate: false,
        qualifier: None,
    }
}

const fn cirka(words: &'static str, ore: i64) -> Said {
    Said {
        approximate: true,
        ..said(words, ore)
    }
}

/// Finds each amount's words in `text`, in order, and builds the [`Amount`] with char offsets.
fn locate(text: &str, items: &[Said]) -> Vec<Amount> {
    let mut from = 0;
    items
        .iter()
        .map(|s| {
            let b = from
                + text[from..]
                    .find(s.words)
                    .unwrap_or_else(|| panic!("`{}` not in the text after byte {from}", s.words));
            from = b + s.words.len();
            let chars = |b: usize| text[..b].chars().count();
            Amount {
                qualifier: s.qualifier,
                approximate: s.approximate,
                ..Amount::new(
                    Money(s.ore),
                    "SEK",
                    s.words,
                    chars(b),
                    chars(b + s.words.len()),
                )
            }
        })
        .collect()
}

/// The table cells [`extract`] reads in `text`.
fn cells(text: &str) -> Vec<Amount> {
    extract(text)
        .amounts
        .into_iter()
        .filter(|a| a.cell.is_some())
        .collect()
}

/// Running amounts plus table cells, merged in reading order (as `extract()` does).
fn all_amounts(text: &str, items: &[Said]) -> Vec<Amount> {
    let mut amounts = locate(text, items);
    amounts.extend(cells(text));
    amounts.sort_by_key(|a| a.start);
    amounts
}

/// One line for a check in a failure message: verdict, stated, computed, difference, tolerance,
/// the parts' texts and the method.
fn describe(check: &TotalCheck, amounts: &[Amount]) -> String {
    let text_of = |i: usize| {
        amounts
            .get(i)
            .map_or_else(|| format!("#{i}"), |a| a.text.clone())
    };
    let parts: Vec<String> = check
        .income
        .iter()
        .chain(&check.components)
        .map(|&i| text_of(i))
        .collect();
    format!(
        "{:?}: stated {}, computed {}, difference {} (tolerance ±{}); parts: {} — {}",
        check.status,
        check.stated,
        check.computed,
        check.difference,
        check.tolerance,
        parts.join(" + "),
        check.method
    )
}

fn values(amounts: &[Amount], idx: &[usize]) -> Vec<Money> {
    let mut v: Vec<Money> = idx
        .iter()
        .map(|&i| amounts[i].value.expect("value"))
        .collect();
    v.sort();
    v
}

/// Every gold total is an `ok` check with the same stated value, parts and income; nothing is a
/// mismatch (the clean seeds add up) and there are no `ok` checks beyond the gold.
#[track_caller]
fn assert_gold_totals(text: &str, amounts: &[Amount], gold: &Gold) {
    let checks = reconcile(text, amounts);
    let shown: Vec<String> = checks.iter().map(|c| describe(c, amounts)).collect();
    for g in &gold.totals {
        let mut want = g.components.clone();
        want.sort();
        let found = checks.iter().any(|c| {
            c.status == TotalStatus::Ok
                && c.stated == g.stated
                && values(amounts, &c.components) == want
                && c.income.map(|i| amounts[i].value.expect("value")) == g.income
        });
        assert!(
            found,
            "gold total {} not found among:\n{}",
            g.stated,
            shown.join("\n")
        );
    }
    let ok = checks
        .iter()
        .filter(|c| c.status == TotalStatus::Ok)
        .count();
    assert_eq!(
        ok,
        gold.totals.len(),
        "ok checks beyond the gold:\n{}",
        shown.join("\n")
    );
    assert!(
        checks.iter().all(|c| c.status != TotalStatus::Mismatch),
        "a clean seed has a mismatch:\n{}",
        shown.join("\n")
    );
}

#[track_caller]
fn assert_running_match_gold(amounts: &[Amount], gold: &Gold) {
    let running: Vec<Money> = amounts
        .iter()
        .filter(|a| a.cell.is_none())
        .map(|a| a.value.expect("value"))
        .collect();
    assert_eq!(
        running, gold.amounts,
        "the hand-built amounts must be the gold amounts"
    );
}

const SEED_001: &[Said] = &[
    said("2,88 miljarder kronor", 2880 * M),
    said("500 miljoner", 500 * M),
    cirka("cirka 730 miljoner", 730 * M),
    said("1,44 miljarder kronor", 1440 * M),
    said("500 miljoner", 500 * M),
    said("50 miljoner kronor", 50 * M),
];

const SEED_002: &[Said] = &[
    said("2,88 miljarder kronor", 2880 * M),
    said("500 \nmiljoner", 500 * M),
    cirka("cirka 730 miljoner", 730 * M),
    said("14,7 Mkr", 147 * M / 10),
    said("-3,4 Mkr", -34 * M / 10),
    said("-3,4 Mkr", -34 * M / 10),
    said("-1,9 Mkr", -19 * M / 10),
    said("-0,5 Mkr", -5 * M / 10),
    said("-0,6 Mkr", -6 * M / 10),
    said("-0,2 Mkr", -2 * M / 10),
    said("4,7 Mkr", 47 * M / 10),
    cirka("ca 4,3 mkr", 43 * M / 10),
    cirka("ca 10 mkr", 10 * M),
    said("14,5 Mkr", 145 * M / 10),
    said("-3,8 Mkr", -38 * M / 10),
    said("-5,0 Mkr", -50 * M / 10),
    said("-1,9 Mkr", -19 * M / 10),
    said("-0,5 Mkr", -5 * M / 10),
    said("-2,1 Mkr", -21 * M / 10),
    said("-0,2 Mkr", -2 * M / 10),
    said("1,0 Mkr", 10 * M / 10),
];

const SEED_003: &[Said] = &[
    said("En miljard", 1000 * M),
    cirka("närmare en miljard kronor", 1000 * M),
    said("944 miljoner kronor", 944 * M),
];

macro_rules! gold_case {
    ($name:ident, $seed:literal, $items:expr) => {
        #[test]
        fn $name() {
            let text = seed($seed);
            let amounts = all_amounts(&text, $items);
            let gold = gold($seed);
            assert_running_match_gold(&amounts, &gold);
            assert_gold_totals(&text, &amounts, &gold);
        }
    };
}

gold_case!(gold_001_table_columns, "001", SEED_001);
gold_case!(gold_002_lists_closed_by_their_result, "002", SEED_002);
gold_case!(gold_003_no_false_totals, "003", SEED_003);
gold_case!(gold_004_no_amounts_no_totals, "004", &[]);

#[test]
fn gold_001_table_cells_are_the_gold_table() {
    let text = seed("001");
    let amounts = all_amounts(&text, SEED_001);
    let gold = gold("001");
    for (column, want) in &gold.table_msek {
        let header = if column == "total" {
            None
        } else {
            Some(column.as_str())
        };
        let mut got: Vec<(usize, Money)> = amounts
            .iter()
            .filter_map(|a| a.cell.as_ref().map(|c| (c, a.value.expect("value"))))
            .filter(|(c, _)| match header {
                Some(h) => c.header == h,
                None => false,
            })
            .map(|(c, v)| (c.row, Money(v.ore() / 1_000_000)))
            .collect();
        if header.is_none() {
            continue;
        }
        got.sort();
        let mut got: Vec<Money> = got.into_iter().map(|(_, v)| v).collect();
        // The gold lists body rows and the stated sums apart: the last cell is the `Totalt` row.
        let total = got.pop();
        assert_eq!(&got, want, "column {column}");
        assert_eq!(
            total,
            Some(gold.table_msek["total"][0]),
            "column {column} total"
        );
    }
}

#[test]
fn gold_001_partial_breakdowns_are_not_mismatches() {
    let text = seed("001");
    let amounts = all_amounts(&text, SEED_001);
    let checks = reconcile(&text, &amounts);
    // `omfattar totalt 2,88 miljarder kronor. Av dessa är 500 miljoner … och cirka 730 miljoner`:
    // parts named, not all of them. Honest verdict: unresolved, never mismatch.
    let partial: Vec<&TotalCheck> = checks
        .iter()
        .filter(|c| c.stated == Money(2880 * M))
        .collect();
    assert_eq!(partial.len(), 1);
    assert_eq!(partial[0].status, TotalStatus::Unresolved);
    assert!(
        partial[0].method.contains("partial"),
        "{}",
        partial[0].method
    );
}

// ---------------------------------------------------------------------------------------------
// Seed 000, real OCR.

/// Seed 000 with the one repair its total depends on (`avsitta` → `avsätta`), until the repair
/// engine lands; the rest of the OCR damage is left in, as the check must cope with it.
fn seed_000_repaired_cue() -> String {
    seed("000").replace("avsitta", "avsätta")
}

const SEED_000: &[Said] = &[
    said("944 miljoner kronor", 944 * M),
    said("100 miljoner kronor", 100 * M),
    said("1,2 miljoner kronor", 12 * M / 10),
    said("140 miljoner kronor", 140 * M),
    said("550 miljoner kronor", 550 * M),
    said("50 miljoner kronor", 50 * M),
    said("62,5 miljoner kronor", 625 * M / 10),
    said("9,5 miljoner\nkronor", 95 * M / 10),
    said("1,5 miljoner kronor", 15 * M / 10),
    said("23 miljoner kronor", 23 * M),
    said("6,3 miljoner kronor", 63 * M / 10),
    Said {
        qualifier: Some(Qualifier::Max),
        ..said("hogst 50 miljoner kronor", 50 * M)
    },
];

/// The expected check of seed 000, written by reading the document: 944 miljoner = the five
/// villkor's allocations plus the two reserved sums; `högst 50 miljoner` under villkor 3 is not one.
fn seed_000_parts() -> Vec<Money> {
    let mut v: Vec<Money> = [100, 140, 550, 50, 23]
        .iter()
        .map(|m| Money(m * M))
        .chain([12, 625, 95, 15, 63].iter().map(|d| Money(d * M / 10)))
        .collect();
    v.sort();
    v
}

#[track_caller]
fn the_944_check(text: &str, amounts: &[Amount]) -> TotalCheck {
    let checks = reconcile(text, amounts);
    let mut found = checks.into_iter().filter(|c| c.stated == Money(944 * M));
    let c = found.next().expect("a check of the 944 miljoner total");
    assert!(found.next().is_none());
    c
}

#[test]
fn seed_000_944_reconciles() {
    let text = seed_000_repaired_cue();
    let amounts = all_amounts(&text, SEED_000);
    let c = the_944_check(&text, &amounts);
    assert_eq!(c.status, TotalStatus::Ok, "{}", describe(&c, &amounts));
    assert_eq!(values(&amounts, &c.components), seed_000_parts());
    assert_eq!(c.difference, Money(0));
}

// ---------------------------------------------------------------------------------------------
// Planted faults: a changed part is a mismatch of the right size; a removed part is never `ok`
// when it is larger than the rounding tolerance of the sum (smaller ones cannot be told from
// rounding by any sound method: with every figure to one decimal, a missing 0,2 Mkr fits).

/// Replaces `from` by `to` in the text and in the hand-built amounts.
fn plant(
    text: &str,
    items: &[Said],
    from: &str,
    to: &'static str,
    ore: i64,
) -> (String, Vec<Said>) {
    assert!(text.contains(from), "`{from}` not in text");
    let text = text.replacen(from, to, 1);
    let mut done = false;
    let items = items
        .iter()
        .map(|s| {
            if !done && s.words == from {
                done = true;
                Said {
                    words: to,
                    ore,
                    ..*s
                }
            } else {
                *s
            }
        })
        .collect();
    (text, items)
}

/// Removes the line or words `gone` from the text and the amount `words` from the items.
fn remove(text: &str, items: &[Said], gone: &str, words: &str) -> (String, Vec<Said>) {
    assert!(text.contains(gone), "`{gone}` not in text");
    let text = text.replacen(gone, "", 1);
    let mut dropped = false;
    let items = items
        .iter()
        .filter(|s| {
            let hit = !dropped && s.words == words;
            dropped |= hit;
            !hit
        })
        .copied()
        .collect();
    (text, items)
}

#[track_caller]
fn assert_check(
    text: &str,
    items: &[Said],
    stated: i64,
    status: TotalStatus,
    difference: Option<i64>,
) {
    let amounts = all_amounts(text, items);
    let checks = reconcile(text, &amounts);
    let shown: Vec<String> = checks.iter().map(|c| describe(c, &amounts)).collect();
    let mut of_total = checks.iter().filter(|c| c.stated == Money(stated));
    let c = of_total
        .next()
        .unwrap_or_else(|| panic!("no check of {stated}:\n{}", shown.join("\n")));
    assert!(
        of_total.next().is_none(),
        "one check of {stated}:\n{}",
        shown.join("\n")
    );
    assert_eq!(c.status, status, "{}", describe(c, &amounts));
    if let Some(d) = difference {
        assert_eq!(c.difference, Money(d), "{}", describe(c, &amounts));
    }
}

#[track_caller]
fn assert_never_ok(text: &str, items: &[Said], stated: i64) {
    let amounts = all_amounts(text, items);
    let checks = reconcile(text, &amounts);
    for c in checks.iter().filter(|c| c.stated == Money(stated)) {
        assert_ne!(c.status, TotalStatus::Ok, "{}", describe(c, &amounts));
    }
}

#[test]
fn fault_000_changed_part_is_a_mismatch() {
    let text = seed_000_repaired_cue();
    let (t, items) = plant(
        &text,
        SEED_000,
        "140 miljoner kronor",
        "150 miljoner kronor",
        150 * M,
    );
    assert_check(&t, &items, 944 * M, TotalStatus::Mismatch, Some(10 * M));
    let (t, items) = plant(
        &text,
        SEED_000,
        "23 miljoner kronor",
        "28 miljoner kronor",
        28 * M,
    );
    assert_check(&t, &items, 944 * M, TotalStatus::Mismatch, Some(5 * M));
}

#[test]
fn fault_000_removed_part_is_never_ok() {
    let text = seed_000_repaired_cue();
    for (gone, words) in [
        (" (23 miljoner kronor)", "23 miljoner kronor"),
        (
            "(140 miljoner kronor till regionerna)",
            "140 miljoner kronor",
        ),
        (" och 62,5 miljoner kronor till SKR", "62,5 miljoner kronor"),
        (
            " (9,5 miljoner\nkronor till SKR och",
            "9,5 miljoner\nkronor",
        ),
        (" (6,3 miljoner kronor)", "6,3 miljoner kronor"),
    ] {
        let (t, items) = remove(&text, SEED_000, gone, words);
        assert_never_ok(&t, &items, 944 * M);
    }
}

#[test]
fn fault_001_changed_cell_is_a_mismatch_in_its_column_only() {
    let text = seed("001");
    // 2017's koordinering 420 → 470: the 2017 column is 50 over, 2018 still adds up.
    let t = text.replacen("koordinering420\n430", "koordinering470\n430", 1);
    let amounts = all_amounts(&t, SEED_001);
    let checks = reconcile(&t, &amounts);
    let table: Vec<(TotalStatus, Money)> = checks
        .iter()
        .filter(|c| c.stated == Money(1444 * M))
        .map(|c| (c.status, c.difference))
        .collect();
    assert_eq!(
        table,
        vec![
            (TotalStatus::Mismatch, Money(50 * M)),
            (TotalStatus::Ok, Money(0))
        ]
    );
    // A decimal cell: 141,4 → 131,4 in 2018.
    let t = text.replacen("151,2\n141,4", "151,2\n131,4", 1);
    let amounts = all_amounts(&t, SEED_001);
    let table: Vec<(TotalStatus, Money)> = reconcile(&t, &amounts)
        .iter()
        .filter(|c| c.stated == Money(1444 * M))
        .map(|c| (c.status, c.difference))
        .collect();
    assert_eq!(
        table,
        vec![
            (TotalStatus::Ok, Money(0)),
            (TotalStatus::Mismatch, Money(-10 * M))
        ]
    );
}

#[test]
fn fault_001_removed_row_is_never_ok() {
    let text = seed("001");
    for row in [
        "Område 2 Funktion för koordinering420\n430\n",
        "Samordning och stöd, SKL8,5\n9,3\n",
        "Utvecklingsinsatser,\u{a0}Försäkringskassan9\n10\n",
    ] {
        assert!(text.contains(row), "{row:?}");
        let t = text.replacen(row, "", 1);
        assert_never_ok(&t, SEED_001, 1444 * M);
    }
}

#[test]
fn fault_002_changed_cost_is_a_mismatch() {
    let text = seed("002");
    let (t, items) = plant(&text, SEED_002, "-1,9 Mkr", "-2,9 Mkr", -29 * M / 10);
    assert_check(&t, &items, 47 * M / 10, TotalStatus::Mismatch, Some(-M));
    // The income itself.
    let (t, items) = plant(&text, SEED_002, "14,5 Mkr", "15,5 Mkr", 155 * M / 10);
    assert_check(&t, &items, 10 * M / 10, TotalStatus::Mismatch, Some(M));
}

#[test]
fn fault_002_removed_cost_is_never_ok() {
    let text = seed("002");
    let (t, items) = remove(
        &text,
        SEED_002,
        "Överföring av medel till HOSPA-stab för processledning -1,9 Mkr\n",
        "-1,9 Mkr",
    );
    assert_check(
        &t,
        &items,
        47 * M / 10,
        TotalStatus::Mismatch,
        Some(19 * M / 10),
    );
    let (t, items) = remove(
        &text,
        SEED_002,
        "Utbildningsinsatser -0,6 Mkr\n",
        "-0,6 Mkr",
    );
    assert_check(
        &t,
        &items,
        47 * M / 10,
        TotalStatus::Mismatch,
        Some(6 * M / 10),
    );
    // Under the rounding tolerance (7 figures at ±0,05 Mkr = ±0,35 Mkr): not detectable, and the
    // check says so by its tolerance rather than pretending otherwise.
    let (t, items) = remove(
        &text,
        SEED_002,
        "Övrigt : -0,2 Mkr\n Ekonomiskt",
        "-0,2 Mkr",
    );
    let t = t.replacen(
        "Utbildningsinsatser -0,6 Mkr\n",
        "Utbildningsinsatser -0,6 Mkr\n Ekonomiskt",
        1,
    );
    let amounts = all_amounts(&t, &items);
    let c = reconcile(&t, &amounts)
        .into_iter()
        .find(|c| c.stated == Money(47 * M / 10))
        .expect("check");
    assert!(
        c.difference.ore().abs() <= c.tolerance.ore(),
        "{}",
        describe(&c, &amounts)
    );
}

// ---------------------------------------------------------------------------------------------
// Property: no `ok` is ever reported for a sum that does not hold within the stated precision.

/// A figure in Mkr: mantissa and decimals (`151,2` = (1512, 1)).
fn mkr(mantissa: i64, decimals: u32) -> (String, i64) {
    let neg = if mantissa < 0 { "-" } else { "" };
    let m = mantissa.unsigned_abs();
    let p = 10u64.pow(decimals);
    let text = if decimals == 0 {
        format!("{neg}{m} Mkr")
    } else {
        format!(
            "{neg}{},{:0width$} Mkr",
            m / p,
            m % p,
            width = decimals as usize
        )
    };
    (text, mantissa * M / p as i64)
}

/// Half a unit of the last digit, in öre, computed here independently of the library.
fn half_unit(decimals: u32) -> i128 {
    i128::from(M) / 10i128.pow(decimals) / 2
}

fn figure() -> impl Strategy<Value = (i64, u32)> {
    (0u32..=2).prop_flat_map(|d| (1i64..20_000, Just(d)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_ok_for_a_sum_that_does_not_hold(
        parts in prop::collection::vec(figure(), 1..8),
        total_decimals in 0u32..=2,
        offset in -3_000i64..3_000,
        closed in any::<bool>(),
    ) {
        // The total is the exact sum at the total's precision, shifted by a random offset (in
        // hundredths of a Mkr), so both sides of the tolerance are hit often.
        let exact: i128 = parts.iter().map(|&(m, d)| i128::from(mkr(m, d).1)).sum();
        let unit = i128::from(M) / 10i128.pow(total_decimals);
        let total_mantissa = (exact / unit) as i64 + offset * 10i64.pow(total_decimals) / 100;
        prop_assume!(total_mantissa > 0);
        let (total_text, total_ore) = mkr(total_mantissa, total_decimals);
        let part_texts: Vec<(String, i64)> = parts.iter().map(|&(m, d)| mkr(m, d)).collect();

        let mut text = String::new();
        let mut spans = Vec::new();
        if closed {
            text.push_str("Kostnader enligt nedan:\n\n");
            for (i, (t, _)) in part_texts.iter().enumerate() {
                text.push_str(&format!("Post {} ", i + 1));
                spans.push(push_span(&mut text, t));
                text.push('\n');
            }
            text.push_str("Summa ");
            spans.push(push_span(&mut text, &total_text));
            text.push('\n');
        } else {
            text.push_str("Regeringen avsätter ");
            spans.push(push_span(&mut text, &total_text));
            text.push_str(" för följande:\n\n");
            for (i, (t, _)) in part_texts.iter().enumerate() {
                text.push_str(&format!("{}. Insats (", i + 1));
                spans.push(push_span(&mut text, t));
                text.push_str(")\n\n");
            }
        }
        let mut all: Vec<(String, i64)> = part_texts.clone();
        if closed { all.push((total_text.clone(), total_ore)); } else { all.insert(0, (total_text.clone(), total_ore)); }
        let amounts: Vec<Amount> = all.iter().zip(&spans).map(|((t, v), &(s, e))| Amount::new(Money(*v), "SEK", t.clone(), s, e)).collect();

        let checks = reconcile(&text, &amounts);
        let tol: i128 = half_unit(total_decimals) + parts.iter().map(|&(_, d)| half_unit(d)).sum::<i128>();
        let holds = (exact - i128::from(total_ore)).abs() <= tol;
        for c in &checks {
            let sum: i128 = c.components.iter().map(|&i| i128::from(amounts[i].value.unwrap().ore())).sum();
            let parts_tol: i128 = c.components.iter().map(|&i| {
                let d = amounts[i].text.split(',').nth(1).map_or(0, |f| f.trim_end_matches(" Mkr").len() as u32);
                half_unit(d)
            }).sum();
            let own = (sum - i128::from(c.stated.ore())).abs() <= half_unit(total_decimals) + parts_tol;
            if c.status == TotalStatus::Ok {
                prop_assert!(own, "ok for a sum that does not hold: {}", describe(c, &amounts));
            }
            // A mismatch is beyond what rounding plausibly explains (3σ of the parts' rounding
            // errors), which may be inside the worst case.
            if c.status == TotalStatus::Mismatch {
                prop_assert!(c.difference.ore().abs() > c.tolerance.ore(), "mismatch inside the tolerance: {}", describe(c, &amounts));
            }
        }
        // With every part in its structure, the verdict is exactly whether the sum holds. A
        // total that does not hold may also get no check (a listed figure larger than the total
        // is no part of it): no answer, never a false `ok`.
        if parts.len() >= 2 {
            let c = checks.iter().find(|c| c.stated == Money(total_ore));
            prop_assert!(c.is_some() || !holds, "no check found in {text:?}");
            let Some(c) = c else { return Ok(()) };
            if c.difference.ore().abs() <= c.tolerance.ore() {
                prop_assert_eq!(c.status, TotalStatus::Ok, "{}", describe(c, &amounts));
            }
            if !holds {
                prop_assert!(c.status != TotalStatus::Ok, "{}", describe(c, &amounts));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A range as a part or as the total settles no sum: even when its midpoint makes the sum
    /// exact, no check is `ok`, nor `mismatch`.
    #[test]
    fn a_range_settles_no_sum(
        parts in prop::collection::vec(1i64..20_000, 2..6),
        which in any::<prop::sample::Index>(),
        half_width in 1i64..500,
        closed in any::<bool>(),
    ) {
        // Whole Mkr throughout, the total exactly the sum; figure `r` (a part, or the total when
        // it is the last) is written as a range around its value.
        let total: i64 = parts.iter().sum();
        let mut figures: Vec<i64> = parts.clone();
        figures.push(total);
        let r = which.index(figures.len());
        let lo = (figures[r] - half_width).max(0);
        let hi = figures[r] + (figures[r] - lo);
        let words: Vec<String> = figures
            .iter()
            .enumerate()
            .map(|(i, v)| if i == r { format!("{lo}–{hi} Mkr") } else { format!("{v} Mkr") })
            .collect();
        let (total_words, part_words) = words.split_last().expect("figures");
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut order: Vec<usize> = (0..parts.len()).collect();
        if closed {
            text.push_str("Kostnader enligt nedan:\n\n");
            for (i, w) in part_words.iter().enumerate() {
                text.push_str(&format!("Post {} ", i + 1));
                spans.push(push_span(&mut text, w));
                text.push('\n');
            }
            text.push_str("Summa ");
            spans.push(push_span(&mut text, total_words));
            text.push('\n');
            order.push(parts.len());
        } else {
            text.push_str("Regeringen avsätter ");
            spans.push(push_span(&mut text, total_words));
            text.push_str(" för följande:\n\n");
            for (i, w) in part_words.iter().enumerate() {
                text.push_str(&format!("{}. Insats (", i + 1));
                spans.push(push_span(&mut text, w));
                text.push_str(")\n\n");
            }
            order.insert(0, parts.len());
        }
        let amounts: Vec<Amount> = order
            .iter()
            .zip(&spans)
            .map(|(&f, &(s, e))| {
                let a = Amount::new(Money(figures[f] * M), "SEK", words[f].clone(), s, e);
                if f == r {
                    Amount { value: None, min: Some(Money(lo * M)), max: Some(Money(hi * M)), ..a }
                } else {
                    a
                }
            })
            .collect();
        for c in reconcile(&text, &amounts) {
            prop_assert_eq!(c.status, TotalStatus::Unresolved, "{}", describe(&c, &amounts));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The whole pipeline (extractor + repair engine).

fn run_pipeline(prefix: &str) -> svocr::Record {
    svocr::process(prefix, seed(prefix).as_bytes(), &svocr::Options::default())
}

macro_rules! pipeline_gold_case {
    ($name:ident, $seed:literal) => {
        #[test]
        fn $name() {
            let r = run_pipeline($seed);
            assert_gold_totals(
                &r.text,
                r.amounts.as_deref().unwrap_or_default(),
                &gold($seed),
            );
        }
    };
}

pipeline_gold_case!(pipeline_gold_001, "001");
pipeline_gold_case!(pipeline_gold_002, "002");
pipeline_gold_case!(pipeline_gold_003, "003");
pipeline_gold_case!(pipeline_gold_004, "004");

/// Seed 000 through layout and the real extractor, with the cue repaired as in
/// [`seed_000_repaired_cue`]: everything but the repair engine.
#[test]
fn pipeline_seed_000_944_reconciles_with_the_cue_repaired() {
    let bytes = seed_000_repaired_cue();
    let opts = svocr::Options {
        repair: false,
        ..svocr::Options::default()
    };
    let r = svocr::process("000", bytes.as_bytes(), &opts);
    let amounts = r.amounts.as_deref().unwrap_or_default();
    let c = the_944_check(&r.text, amounts);
    assert_eq!(c.status, TotalStatus::Ok, "{}", describe(&c, amounts));
    assert_eq!(values(amounts, &c.components), seed_000_parts());
}

/// Seed 000 as it is (real OCR) through the whole pipeline, repair included.
#[test]
fn pipeline_seed_000_944_reconciles() {
    let r = run_pipeline("000");
    let amounts = r.amounts.as_deref().unwrap_or_default();
    let c = the_944_check(&r.text, amounts);
    assert_eq!(c.status, TotalStatus::Ok, "{}", describe(&c, amounts));
    assert_eq!(values(amounts, &c.components), seed_000_parts());
}

// ---------------------------------------------------------------------------------------------
// Robustness.

#[test]
fn only_the_real_table_yields_cells() {
    for prefix in ["000", "002", "003", "004"] {
        let text = seed(prefix);
        assert_eq!(cells(&text), vec![], "seed {prefix} has no table");
    }
    let text = seed("001");
    assert_eq!(cells(&text).len(), 24);
    // The extractor's running-text amounts are the hand-built ones where the cells are concerned:
    // none of the 24 overlaps one of them.
    let running = locate(&text, SEED_001);
    assert!(
        cells(&text)
            .iter()
            .all(|c| running.iter().all(|r| c.end <= r.start || r.end <= c.start))
    );
}

/// Appends `s` to `text` and returns its span in characters.
fn push_span(text: &mut String, s: &str) -> (usize, usize) {
    let start = text.chars().count();
    text.push_str(s);
    (start, text.chars().count())
}
