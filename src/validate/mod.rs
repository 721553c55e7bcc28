//! Totals reconciliation: stated sums checked against their parts, with rounding taken into account.
//!
//! **In:** the repaired text and every extracted amount (running text and table cells, reading
//! order). **Out:** one [`TotalCheck`] per stated total, in text order.
//!
//! ## Where totals are found
//!
//! Only a *cue* makes an amount a total; a large amount on its own is not one. The figures summed are
//! those whose wording makes them parts (`roles.rs`): nested (`varav`, `innefattar`, `inklusive`),
//! changes (`en ökning med`), comparisons (`jämfört med`, `(sökt …)`), what each one of several
//! gets (`Varje kommun får minst …`, `… vardera`, `… per elev`) and restatements of the total
//! never are; each part's role (`part`, `addition`, `remainder`) is recorded.
//!
//! 1. **Table columns**: a row the table reader marked as a sum ([`crate::record::Cell::total`]:
//!    `Totalt`, `Summa …`, `S:a`, `Alla …`); one check per column, the parts are the cells above it
//!    in the same column since the previous sum row, or, for a grand total, the sub-totals and the
//!    rows after them, or the rows after the last sub-heading; a sum row that opens its section
//!    (`Alla stödtyper` first, then the kinds) sums the rows below it instead (see `tables.rs`).
//!    **Group rows** without a sum label are sums where the hierarchy is explicit in the labels
//!    (`Disponeras av …` over its `ap.` posts, `ap.16` over `ap.16.1`, a nämnd over its
//!    verksamheter, an UPPERCASE row over mixed case) and only where the parts add up: such a
//!    check is `ok` or not made (see `groups.rs`).
//! 2. **Closed lists**: a line `Summa …`, `Totalt …` or a result (`Ekonomiskt överskott 4,7 Mkr`,
//!    `underskott`, `resultat`, `netto`) closing a block of amount lines in one paragraph. For a
//!    result, a leading positive line followed by negative ones is the `income` and the costs are the
//!    components: income + Σ costs = result. An `underskott` written without a minus is a negative
//!    result, and `difference` is taken against that.
//! 3. **Breakdowns**: `varav`, `därav`, `av dessa`, `av detta`, `av vilka`, `av beloppet`, or the
//!    money by its noun (`av medlen`, `av bidraget`) after an amount, past a change or comparison
//!    said of it (`…, vilket är 2 miljoner mer än 2024. Av bidraget går …`); the parts are the
//!    amounts up to the end of that sentence. Named parts may be only some
//!    of the whole (`omfattar totalt 2,88 miljarder kronor. Av dessa är 500 miljoner … och cirka 730
//!    miljoner …`): parts that fall short of the total are *consistent*, not wrong, so such a check is
//!    `unresolved` (the rest is not itemised), never `mismatch`. Parts that exceed the total are a
//!    `mismatch`, unless they are stated per a different base (`per år`).
//! 4. **A total followed by its parts**: `avsätta 944 miljoner kronor …`, `dela på`, a verb of
//!    giving (`tillför`, `satsar`, `beviljas stöd på`, `förstärker … med`), `totalt`,
//!    `sammanlagt`, `sammantaget`, `summa`, `tillsammans` directly before an amount, or a split
//!    after it (`… fördelas enligt följande`, `… som nu omfördelas`). The parts are chosen by
//!    structure: every amount from the total to the next heading (or the next total). When those do
//!    not add up, the contiguous runs of following amounts (at least two) are searched for one that
//!    does, and `method` says so. If none does, the verdict is `mismatch` when the section is
//!    visibly an enumeration (a numbered or bulleted list, `följande`), else `unresolved`: in plain
//!    prose the parts may simply not be stated. A rounded total (`delar på 1,6 miljoner`) whose
//!    parts are followed by its exact sum (`Den totala summan uppgår till 1 607 000 kr`) is
//!    checked on the exact one. A named sum whose own parts are unstated (`Tillsammans fick de
//!    drygt 63 miljoner`) is one part of a sum summing up after it, when the next figure is
//!    worded as an addition to it (`Utöver detta … 209 mnkr`).
//!
//!    **Headlines**: a line of its own that opens on a figure and names what it is for (`75
//!    miljoner kronor till … civilt försvar`) is checked against the figures of the first
//!    section below it holding any, after the cued totals took theirs; only an `ok` is a check,
//!    since a headline names no sum.
//!
//! 5. **Payment plans**: the dated instalments of a payment sentence (`Utbetalning av medlen ska
//!    ske med 16 600 000 kronor den 10 januari 2013, …`) against the amount of the anslag or
//!    anslagspost whose heading the sentence stands under, only where that heading names exactly
//!    one one-cell table row (`ap.1AB Göta kanalbolag (ram)25 310`); instalments that fall short
//!    are `unresolved`, never `mismatch` (see `instalments.rs`).
//!
//! Wherever the parts' end was not given by structure alone (a breakdown's sentence, a run found
//! by search, the figures a total sums up), the figure right after them is read too: worded as an
//! addition (`Därtill …`, `ytterligare …`) it is one more part whatever its value, and after a
//! searched run a figure equal to one of its parts may as well be the part (a repeated line); an
//! `ok` the text then goes on from is `unresolved`, never confirmed.
//!
//! ## Tolerance
//!
//! Every figure in digits is rounded to ± half a unit `w` of its last stated digit ([`tolerance`],
//! from the precision `crate::number` reads off the amount's text): `1,2 miljoner` ± 50 000,
//! `944 miljoner` ± 500 000, a table's `1 444` in Mkr ± 0,5 Mkr. A figure in words (`en miljard`,
//! `en halv miljard`) is exact unless qualified (`cirka`, `drygt`, `närmare`, `omkring`).
//! The check is `ok` exactly when `|computed − stated| ≤ tolerance`, where
//!
//! `tolerance = min(max(w_total + min(3σ + ranges, Σ mᵢwᵢ), w_total + min(max mᵢwᵢ, w_total)), w_total + Σ mᵢwᵢ)`,
//! `3σ = √(3·Σ (mᵢ·wᵢ)²)`:
//!
//! the total's own rounding plus three standard deviations of the parts' summed rounding errors
//! (each uniform on ± its `wᵢ`, counted `mᵢ` times); at least one rounding unit of the total when
//! the parts are stated to its unit (figures rounded each on their own, as in official tables, may
//! always be one unit apart), but only the total's half unit and the coarsest part's when the parts
//! are stated more finely; and never more than the worst case the printed figures allow. A figure
//! without decimals in a list whose parts carry decimals in the same unit (`15` among `168,7` and
//! `16,3 miljoner`) is as precise as the list: Swedish lists drop a trailing `,0`. Likewise a whole
//! part under a total written with decimals in the same scale (`10 miljarder` under `11,2
//! miljarder`) is meant to the total's precision, so its rounding cannot hide a missing part. So eight parts
//! stated to 0,1 Mkr that miss their total by 0,3 Mkr are a `mismatch`, while 2 046 against 2 047
//! with five parts in whole millions is `ok`. A total of one significant digit (`1 miljard`, ± 50 %
//! by its digits) confirms its parts only within 5 % of it (as `10 miljoner` would); a sum
//! between that and its digits' rounding is soft: `unresolved`, neither `ok` nor `mismatch`.
//! Arithmetic is in öre with `i128`, so no sum overflows and no float ever rounds.
//!
//! An approximate (`cirka`) or bounded (`högst`, `minst`) figure among the numbers turns a would-be
//! `mismatch` into `unresolved`: such a figure does not claim the precision a mismatch needs.
//! A **range** (`150–300 miljoner`, `mellan 1 och 2 miljarder`, or `från 150 miljoner till 300
//! miljoner` with a unit on each end), as a part or as the total, settles no sum at all: a check
//! with one is `unresolved`, never `ok` (at its midpoint or one end) nor `mismatch`.
//!
//! **Deliberately not done:** totals without a cue (a sum word, a group label, a numbering), sums across different currencies, subtotals
//! nested inside a list, and arithmetic other than addition (shares, `hälften`, percentages).
//!
//! ## Files
//!
//! Each stage is one file; they share the document view and the arithmetic, and import each other
//! in one direction only: `interval` ← `doc` ← `sum` ← `grid` ← the stages (`groups` ← `tables`)
//! ← this file.
//!
//! - `interval.rs`: an amount as an interval in öre ([`tolerance`]);
//! - `doc.rs`: the text, the amounts' byte spans, headings and sentence ends;
//! - `sum.rs`: a claim's arithmetic and the checks built from it;
//! - `grid.rs`: the table cells as rows by table, and the sub-headings between rows;
//! - `groups.rs`: group rows stated above their parts, without a sum label;
//! - `roles.rs`: what the wording around a figure makes it (part, nested, change, comparison);
//! - `tables.rs`, `lists.rs`, `breakdowns.rs`, `instalments.rs`: the five ways a total is found,
//!   above.

mod breakdowns;
mod doc;
mod grid;
mod groups;
mod instalments;
mod interval;
mod lists;
mod roles;
mod sum;
mod tables;
#[cfg(test)]
mod testing;

use crate::record::{Amount, TotalCheck, TotalStatus};

use breakdowns::{breakdowns, headline_totals, totals_then_parts};
use doc::Doc;
use instalments::instalments;
pub use interval::tolerance;
use lists::closed_lists;
use roles::is_range;
use sum::Role;
use tables::table_columns;

/// Finds stated totals in `text` and checks them against their parts among `amounts`.
///
/// `amounts` carry character offsets into `text`; the returned checks index into `amounts` and are
/// in text order. Never panics, whatever the offsets.
pub fn reconcile(text: &str, amounts: &[Amount]) -> Vec<TotalCheck> {
    let doc = Doc::new(text, amounts);
    let mut role = vec![Role::Free; amounts.len()];
    let mut checks = Vec::new();
    table_columns(&doc, &mut checks);
    closed_lists(&doc, &mut role, &mut checks);
    breakdowns(&doc, &mut role, &mut checks);
    totals_then_parts(&doc, &mut role, &mut checks);
    headline_totals(&doc, &mut role, &mut checks);
    instalments(&doc, &mut role, &mut checks);
    for c in &mut checks {
        unconfirm_ranges(&doc, c);
    }
    checks.sort_by_key(|c| (c.start, c.end));
    checks
}

/// A range never settles a sum, whichever side of it it is on: `150–300 miljoner` as a part
/// (summed at its midpoint, or at one end of `från 150 miljoner till 300 miljoner`) or as the
/// total leaves the sum anywhere inside its width, so an `ok` would rest on a point the text never
/// states, and a `mismatch` on a precision it never claims. Either verdict becomes `unresolved`.
fn unconfirm_ranges(doc: &Doc<'_>, c: &mut TotalCheck) {
    if c.status == TotalStatus::Unresolved {
        return;
    }
    let stated = doc
        .amounts
        .iter()
        .position(|a| (a.start, a.end) == (c.start, c.end));
    let range = stated
        .into_iter()
        .chain(c.income)
        .chain(c.components.iter().copied())
        .find(|&i| is_range(doc, i));
    if let Some(i) = range {
        c.status = TotalStatus::Unresolved;
        c.method = format!(
            "{}; but `{}` is a range, which settles no sum",
            c.method, doc.amounts[i].text
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::table;
    use crate::record::{Cell, Money, TotalStatus};
    use crate::report::text::describe;
    use crate::validate::testing::{M, amounts};
    use proptest::prelude::*;

    #[test]
    fn never_panics_on_offsets_outside_the_text() {
        let mut a = amounts("Totalt 5 kr", &[("5 kr", 500)]);
        a[0].start = 99;
        a[0].end = 3;
        let _ = reconcile("Totalt 5 kr", &a);
        let _ = reconcile("", &a);
    }

    /// Amounts from `(words, öre)` as [`amounts`] builds them, where an item of `(words, low,
    /// high)` in `ranges` is a range under one unit, as the extractor reports it (no value).
    fn with_ranges(text: &str, items: &[(&str, i64)], ranges: &[(&str, i64, i64)]) -> Vec<Amount> {
        let mut a = amounts(text, items);
        for x in &mut a {
            if let Some(&(_, lo, hi)) = ranges.iter().find(|r| r.0 == x.text) {
                (x.value, x.min, x.max) = (None, Some(Money(lo)), Some(Money(hi)));
            }
        }
        a
    }

    #[test]
    fn a_range_settles_no_sum_either_side() {
        use TotalStatus::{Ok as Fine, Unresolved};
        // (text, amounts, which of them are ranges under one unit, the first check's verdict).
        type Case<'a> = (
            &'a str,
            &'a [(&'a str, i64)],
            &'a [(&'a str, i64, i64)],
            TotalStatus,
        );
        let cases: &[Case<'_>] = &[
            // A range as a part, summed at its midpoint (100 + 250 = 350) …
            (
                "Regeringen avsätter totalt 350 miljoner kronor för följande:\n\n\
                 1. A (100 miljoner kronor)\n\n2. B (200–300 miljoner kronor)\n",
                &[
                    ("350 miljoner kronor", 350 * M),
                    ("100 miljoner kronor", 100 * M),
                    ("200–300 miljoner kronor", 0),
                ],
                &[("200–300 miljoner kronor", 200 * M, 300 * M)],
                Unresolved,
            ),
            // … or at one end of a range with a unit on each end (100 + 200 = 300), or both ends
            // added (5 + 1 + 2 = 8) …
            (
                "Regeringen avsätter totalt 300 miljoner kronor, 100 miljoner kronor till A och från \
                 200 miljoner kronor till 250 miljoner kronor till B.",
                &[
                    ("300 miljoner kronor", 300 * M),
                    ("100 miljoner kronor", 100 * M),
                    ("200 miljoner kronor", 200 * M),
                    ("250 miljoner kronor", 250 * M),
                ],
                &[],
                Unresolved,
            ),
            (
                "Kommunen får 5 miljoner kronor och mellan 1 miljon kronor och 2 miljoner kronor. \
                 Sammanlagt därmed 8 miljoner kronor.",
                &[
                    ("5 miljoner kronor", 5 * M),
                    ("1 miljon kronor", M),
                    ("2 miljoner kronor", 2 * M),
                    ("8 miljoner kronor", 8 * M),
                ],
                &[],
                Unresolved,
            ),
            // … and a range as the total, met by its midpoint.
            (
                "Regeringen satsar mellan 250 och 350 miljoner kronor, varav 100 miljoner kronor \
                 till A och 200 miljoner kronor till B.",
                &[
                    ("mellan 250 och 350 miljoner kronor", 0),
                    ("100 miljoner kronor", 100 * M),
                    ("200 miljoner kronor", 200 * M),
                ],
                &[("mellan 250 och 350 miljoner kronor", 250 * M, 350 * M)],
                Unresolved,
            ),
            (
                "Kostnader\n\nLöner 5 Mkr\nLokaler 6 Mkr\nSumma 10–12 Mkr\n",
                &[("5 Mkr", 5 * M), ("6 Mkr", 6 * M), ("10–12 Mkr", 0)],
                &[("10–12 Mkr", 10 * M, 12 * M)],
                Unresolved,
            ),
            // Leaves alone: the same sums with single figures, and a range that is a change, not
            // a part (`ökas från … till …`).
            (
                "Regeringen avsätter totalt 350 miljoner kronor för följande:\n\n\
                 1. A (100 miljoner kronor)\n\n2. B (250 miljoner kronor)\n",
                &[
                    ("350 miljoner kronor", 350 * M),
                    ("100 miljoner kronor", 100 * M),
                    ("250 miljoner kronor", 250 * M),
                ],
                &[],
                Fine,
            ),
            (
                "Kommunen får 5 miljoner kronor och 1 miljon kronor. Sammanlagt därmed 6 miljoner kronor.",
                &[
                    ("5 miljoner kronor", 5 * M),
                    ("1 miljon kronor", M),
                    ("6 miljoner kronor", 6 * M),
                ],
                &[],
                Fine,
            ),
            (
                "Regeringen satsar 300 miljoner kronor, varav 100 miljoner kronor till A och \
                 200 miljoner kronor till B.",
                &[
                    ("300 miljoner kronor", 300 * M),
                    ("100 miljoner kronor", 100 * M),
                    ("200 miljoner kronor", 200 * M),
                ],
                &[],
                Fine,
            ),
            (
                "Kostnader\n\nLöner 5 Mkr\nLokaler 6 Mkr\nSumma 11 Mkr\n",
                &[("5 Mkr", 5 * M), ("6 Mkr", 6 * M), ("11 Mkr", 11 * M)],
                &[],
                Fine,
            ),
            (
                "Rådet får 378 miljoner kronor att fördela. 150 miljoner kronor öronmärks för A, som \
                 därmed ökas från 150 miljoner kronor till 300 miljoner kronor. 228 miljoner kronor \
                 avsätts för B.",
                &[
                    ("378 miljoner kronor", 378 * M),
                    ("150 miljoner kronor", 150 * M),
                    ("150 miljoner kronor", 150 * M),
                    ("300 miljoner kronor", 300 * M),
                    ("228 miljoner kronor", 228 * M),
                ],
                &[],
                Fine,
            ),
        ];
        for &(text, items, ranges, want) in cases {
            let a = with_ranges(text, items, ranges);
            let got: Vec<_> = reconcile(text, &a)
                .into_iter()
                .map(|c| (c.status, c.method))
                .collect();
            assert_eq!(got.first().map(|c| c.0), Some(want), "{text}: {got:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// A list of parts closed by `Summa`, each figure stated to its own number of decimals:
        /// `ok` exactly when the difference is within the stated tolerance, `mismatch` exactly
        /// when it is outside (no soft figure is involved), `unresolved` only under a total of
        /// one significant digit.
        #[test]
        fn ok_inside_the_tolerance_and_mismatch_outside(
            parts in prop::collection::vec((1i64..100_000, 0u32..3), 2..10),
            total_decimals in 0u32..3,
            offset in -300i64..300,
        ) {
            let tenths = |v: i64, d: u32| format!("{},{:0w$}", v / 10i64.pow(d), v % 10i64.pow(d), w = d as usize);
            let shown = |v: i64, d: u32| if d == 0 { v.to_string() } else { tenths(v, d) };
            let mut text = String::new();
            let mut items: Vec<(String, i64)> = Vec::new();
            let mut sum_ore = 0i64;
            for (n, &(v, d)) in parts.iter().enumerate() {
                let words = format!("{} Mkr", shown(v, d));
                let ore = v * M / 10i64.pow(d);
                sum_ore += ore;
                text.push_str(&format!("Post {n} {words}\n"));
                items.push((words, ore));
            }
            // The total near the parts' sum, stated to its own precision.
            let unit = M / 10i64.pow(total_decimals);
            let total_units = (sum_ore / unit + offset / 100).max(1);
            let words = format!("{} Mkr", shown(total_units, total_decimals));
            text.push_str(&format!("Summa {words}\n"));
            items.push((words, total_units * unit));
            let refs: Vec<(&str, i64)> = items.iter().map(|(w, o)| (w.as_str(), *o)).collect();
            let a = amounts(&text, &refs);
            let checks = reconcile(&text, &a);
            prop_assert_eq!(checks.len(), 1, "{}", text);
            let c = &checks[0];
            let inside = c.difference.ore().abs() <= c.tolerance.ore();
            match c.status {
                TotalStatus::Ok => prop_assert!(inside, "ok outside the tolerance: {c:?}"),
                TotalStatus::Mismatch => prop_assert!(!inside, "mismatch inside the tolerance: {c:?}"),
                // … except a total of one significant digit, which confirms parts only within
                // 5 % of it and disproves none inside its digits' rounding (see `sum.rs`).
                TotalStatus::Unresolved => prop_assert!(total_units < 10, "exact figures are judged: {c:?}"),
            }
        }

        /// Arbitrary text and arbitrary (even nonsensical) amounts: no panic, checks index real amounts.
        /// (Moved from tests/integration/totals.rs: it feeds the table reader and `describe` directly.)
        #[test]
        fn never_panics(
            text in "(?s)[ a-zåäöA-Z0-9,.\\-−:\n\\t\u{a0}]{0,200}",
            raw in prop::collection::vec((0usize..300, 0usize..300, any::<i64>(), any::<bool>()), 0..12),
        ) {
            let amounts: Vec<Amount> = raw.iter().map(|&(s, e, v, cell)| Amount {
                cell: cell.then(|| Cell {
                    table: 0, row: s % 4, column: 0, label: "Summa".into(), header: String::new(), total: s % 3 == 0,
                }),
                ..Amount::new(Money(v), "SEK", format!("{} Mkr", v % 10_000), s, e)
            }).collect();
            let cells = table::cells(&text, &amounts);
            for c in &cells {
                let got: String = text.chars().skip(c.start).take(c.end - c.start).collect();
                prop_assert_eq!(&got, &c.text);
            }
            for c in reconcile(&text, &amounts) {
                prop_assert!(c.components.iter().chain(&c.income).all(|&i| i < amounts.len()));
                let _ = describe(&c, &amounts);
            }
        }
    }
}
