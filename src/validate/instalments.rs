//! Stage 5: payment plans in prose, checked against the appropriation they pay out.
//!
//! **In:** a [`Doc`] (running amounts and table cells) and the roles earlier stages gave the
//! running amounts. **Out:** one check per payment sentence whose appropriation is identifiable.
//!
//! A regleringsbrev disposes of an anslag or anslagspost in a table (`ap.1Kanalbolaget
//! (ram)25 310`, in tkr) and may then say, under that item's heading in its villkor, how the
//! money is paid out: `Utbetalning av medlen ska ske med 16 000 000 kronor den 10 januari och
//! 9 310 000 kronor den 1 mars.` (also `utbetalas med …`, `betalas ut i två delar …`). The
//! sentence's figures are instalments ([`PartRole::Instalment`]) of the item's amount when
//!
//! - at least two figures of the sentence are parts by their wording (`roles.rs`) and not yet
//!   used by another check, and each is dated (`den 10 januari`, `2013-03-01`, `i mars`) or the
//!   sentence states their number (`i två delar`) and it is theirs;
//! - the nearest item heading above the sentence, within its section (`ap.1 Kanalbolaget`,
//!   `1:17 Medel till …`), names exactly one table row with one cell before it, its label that
//!   heading run together with the row's suffix (`ap.1Kanalbolaget (ram)`).
//!
//! An item stated in tkr (`25 310`) is taken as exact to the krona, not as 25 310 000 ± 500 kr:
//! anslag and anslagsposter are decided in whole tkr, so the tkr figure is the amount itself and a
//! plan paying it out in kronor must add up to the krona (an item in mnkr keeps its rounding).
//! The verdict is `ok` when the instalments add up to the item's amount within rounding,
//! `mismatch` when they pay out more than it, and `unresolved` when they fall short: the rest may
//! be paid otherwise (on requisition), so a short plan is not shown inconsistent. A figure worded
//! as an addition later in the section (`Därtill 1 000 000 kronor den 1 oktober.`) is one more
//! payment: an `ok` without it is `unresolved`, as for any total the text goes on from.
//!
//! **Deliberately not done:** instalments without an item heading above them or with more than
//! one candidate row (no check at all: a false verdict is worse than none), and plans that state
//! one figure per instalment (`fyra lika delar om …`), which is arithmetic other than addition.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::date::MONTH_NAMES;
use crate::number::words::below_hundred;
use crate::pattern::Pattern;
use crate::record::{PartRole, TotalCheck, TotalStatus};

use super::breakdowns::{goes_on, not_confirmed};
use super::doc::{Doc, sentence_end};
use super::interval::tolerance;
use super::roles::wording;
use super::sum::{Claim, MAX_PARTS, Role, check, sum, sum_against_exact};

/// A sentence about paying money out.
static PAYMENT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi) (?: ^ | [^\p{L}] )
        (?: utbetalning (?: en | ar | arna )? (?: \s+ \p{L}+ ){0,4} \s+ (?: ska | skall ) \s+ ske
          | utbetalas | betalas \s+ ut | ska \s+ betalas )
        (?: [^\p{L}] | $ )",
    )
});

/// The number of instalments a sentence states: `i två delar`, `i 3 lika stora delar`.
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi) (?: ^ | [^\p{L}] ) i \s+
        (?P<n> [0-9]{1,2} | två | tre | fyra | fem | sex | sju | åtta | nio | tio | elva | tolv ) \s+
        (?: lika \s+ (?: stora \s+ )? )?
        (?: delar | omgångar | utbetalningar | poster ) (?: [^\p{L}] | $ )",
    )
    .expect("valid regex")
});

/// A date right after an instalment: `den 10 januari 2013`, `senast den 1 mars`, `2013-03-01`,
/// `i mars`, `per den 30 juni`.
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi) ^ [\s,]* (?: (?: senast | per ) \s+ )?
        (?: den \s+ [0-9]{1,2} (?: : e | : a )? \s+ (?P<m1> \p{L}+ )
          | (?: den \s+ )? (?: 19 | 20 ) [0-9]{2} - [0-9]{2} - [0-9]{2}
          | i \s+ (?P<m2> \p{L}+ ) )",
    )
    .expect("valid regex")
});

/// An item heading: an anslagspost (`ap.1 Kanalbolaget`) or an anslag (`1:17 Medel till …`)
/// alone on its line.
static ITEM_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x) ^ (?: ap \. \s* [0-9]+ (?: \. [0-9]+ )* | [0-9]{1,2} : [0-9]{1,3} ) \s* \p{L}",
    )
    .expect("valid regex")
});

/// The largest rounding (half a unit, in öre) of an item amount taken as exact: 500 kr, half a
/// tkr, the unit regleringsbrev state anslag and anslagsposter in.
const EXACT_UP_TO: i64 = 50_000;

/// Most lines looked back from a payment sentence for its item heading.
const MAX_LINES_BACK: usize = 12;

/// Checks each payment sentence's instalments against the amount of its item (see the module
/// docs); the instalments become parts.
pub(super) fn instalments(doc: &Doc<'_>, role: &mut [Role], checks: &mut Vec<TotalCheck>) {
    // An item amount is a table cell: without one no sentence can be checked, and the payment
    // pattern need not be compiled nor run (most documents have no table).
    if doc.amounts.iter().all(|a| a.cell.is_none()) {
        return;
    }
    let text = doc.text;
    let mut from = 0;
    let payment = PAYMENT.regex(doc.width);
    while let Some(m) = payment.find_at(text, from) {
        let start = doc.sentence_start(m.start());
        let end = sentence_end(text, m.end()).max(m.end());
        from = end.max(m.end());
        let Some(parts) = parts(doc, role, start, end) else {
            continue;
        };
        let Some((stated, heading)) = item_amount(doc, start) else {
            continue;
        };
        if let Some(c) = verdict(doc, stated, &parts, heading) {
            // `… den 2 juli. Därtill 1 000 000 kronor den 1 oktober.`: one more payment.
            let c = if goes_on(doc, stated, &parts, doc.section_end(end), false) {
                not_confirmed(c)
            } else {
                c
            };
            for &i in &parts {
                role[i] = Role::Part;
            }
            checks.push(c);
        }
    }
}

/// The instalments of the sentence `start..end`: its free figures worded as parts, at least two,
/// each dated or as many as the sentence says there are.
fn parts(doc: &Doc<'_>, role: &[Role], start: usize, end: usize) -> Option<Vec<usize>> {
    let ranked: Vec<(usize, usize)> = doc
        .running
        .iter()
        .enumerate()
        .filter(|&(_, &i)| doc.spans[i].0 >= start && doc.spans[i].1 <= end)
        .map(|(k, &i)| (k, i))
        .collect();
    let parts: Vec<usize> = ranked
        .iter()
        .filter(|&&(k, i)| role[i] == Role::Free && wording(doc, k).is_part())
        .map(|&(_, i)| i)
        .collect();
    // A figure of the sentence that is no instalment (a nested `varav`, a used one) leaves its
    // plan in doubt.
    if parts.len() < 2 || parts.len() != ranked.len() || parts.len() > MAX_PARTS {
        return None;
    }
    let sentence = doc.slice(start, end);
    let counted = COUNT
        .captures(sentence)
        .and_then(|c| count(&c["n"]))
        .map(|n| n == parts.len());
    let dated = parts.iter().enumerate().all(|(n, &i)| {
        let next = parts.get(n + 1).map_or(end, |&j| doc.spans[j].0);
        is_dated(doc.slice(doc.spans[i].1, next))
    });
    match counted {
        Some(fits) => fits.then_some(parts),
        None => dated.then_some(parts),
    }
}

/// The number of a `COUNT` match: digits, or a word (`tre`).
fn count(n: &str) -> Option<usize> {
    let lower = n.to_lowercase();
    lower
        .parse()
        .ok()
        .or_else(|| below_hundred(&lower).map(usize::from))
}

/// Whether the words right after an instalment date it.
fn is_dated(after: &str) -> bool {
    DATED.captures(after).is_some_and(|c| {
        let month = c.name("m1").or(c.name("m2"));
        month.is_none_or(|m| MONTH_NAMES.contains(&m.as_str().to_lowercase().as_str()))
    })
}

/// The amount of the item the sentence at `start` disposes of, and the item's heading: the
/// nearest item heading above it in its section names exactly one one-cell table row before it.
fn item_amount<'a>(doc: &Doc<'a>, start: usize) -> Option<(usize, &'a str)> {
    let text = doc.text;
    let section = doc
        .headings
        .partition_point(|&h| h <= start)
        .checked_sub(1)
        .map_or(0, |k| doc.headings[k]);
    let heading = text[section.min(start)..start]
        .lines()
        .rev()
        .take(MAX_LINES_BACK)
        .map(str::trim)
        .find(|l| ITEM_HEADING.is_match(l))?;
    let at = text[..start].rfind(heading)?;
    let name = squeeze(heading);
    let mut rows = Vec::new();
    for (i, a) in doc.amounts.iter().enumerate() {
        let Some(c) = &a.cell else { continue };
        if doc.spans[i].1 > at || c.total || !squeeze(&c.label).starts_with(&name) {
            continue;
        }
        let row = (c.table, c.row);
        let cells = doc
            .amounts
            .iter()
            .filter(|b| b.cell.as_ref().is_some_and(|d| (d.table, d.row) == row))
            .count();
        if cells == 1 {
            rows.push(i);
        }
    }
    match rows.as_slice() {
        [one] => Some((*one, heading)),
        _ => None,
    }
}

/// Letters and digits, lowercased: a heading and a row label compared as the export runs them
/// together (`ap.1 Kanalbolaget` and `ap.1Kanalbolaget (ram)`).
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The check of `parts` against the item amount `stated`.
fn verdict(doc: &Doc<'_>, stated: usize, parts: &[usize], heading: &str) -> Option<TotalCheck> {
    let claim = Claim {
        stated,
        income: None,
        components: parts,
        negate_stated: false,
        multipliers: &[],
    };
    // An item stated in tkr or finer is the appropriation decided, to the krona; in mnkr it may
    // be a rounding.
    let exact = tolerance(doc.amounts.get(stated)?).ore() <= EXACT_UP_TO;
    let s = if exact {
        sum_against_exact(doc, &claim)?
    } else {
        sum(doc, &claim)?
    };
    let method = format!("instalments of a payment plan, against the amount of `{heading}`");
    let (status, method) = if s.ok {
        (TotalStatus::Ok, method)
    } else if s.short {
        let why = "; they fall short of it, and the rest may be paid otherwise";
        (TotalStatus::Unresolved, format!("{method}{why}"))
    } else if s.soft {
        let why = "; off by more than rounding, but an approximate or bounded figure is involved";
        (TotalStatus::Unresolved, format!("{method}{why}"))
    } else {
        (TotalStatus::Mismatch, method)
    };
    let mut c = check(doc, &claim, &s, status, method);
    c.roles = vec![PartRole::Instalment; parts.len()];
    Some(c)
}

#[cfg(test)]
mod tests {
    use crate::record::TotalStatus::{self, Mismatch, Ok as Fine, Unresolved};
    use crate::record::{Amount, Cell, PartRole};
    use crate::validate::reconcile;
    use crate::validate::testing::{M, amounts};

    const T: i64 = 100_000; // one tusen kronor in öre

    /// The amounts of `text` (`(words, öre)` in order), where an item whose words are in
    /// `cells` is a one-cell table row with that label, each in a row of its own.
    fn with_cells(text: &str, items: &[(&str, i64)], cells: &[(&str, &str)]) -> Vec<Amount> {
        let mut a = amounts(text, items);
        let mut row = 0;
        for x in &mut a {
            if let Some(&(_, label)) = cells.iter().find(|c| c.0 == x.text) {
                x.cell = Some(Cell {
                    table: 0,
                    row,
                    column: 0,
                    label: label.to_string(),
                    header: String::new(),
                    total: false,
                });
                row += 1;
            }
        }
        a
    }

    /// The instalment checks of `text`: (status, stated, number of parts).
    fn plans(
        text: &str,
        items: &[(&str, i64)],
        cells: &[(&str, &str)],
    ) -> Vec<(TotalStatus, i64, usize)> {
        let a = with_cells(text, items, cells);
        reconcile(text, &a)
            .into_iter()
            .filter(|c| c.roles.contains(&PartRole::Instalment))
            .map(|c| (c.status, c.stated.ore(), c.components.len()))
            .collect()
    }

    const TABLE: &str = "Tilldelade anslag (belopp angivna i tkr)\n\nap.1Kanalbolaget (ram)12 500\n\
                         ap.2Slussarna (ram)4 000\n\nVillkor för anslag 1:7\n\n";

    fn doc(heading: &str, sentence: &str) -> String {
        format!("{TABLE}{heading}\n\nAnslagsposten disponeras av Kammarkollegiet.\n\n{sentence}\n")
    }

    #[test]
    fn instalments_check_against_their_item() {
        let cells = [
            ("12 500", "ap.1Kanalbolaget (ram)"),
            ("4 000", "ap.2Slussarna (ram)"),
        ];
        // (heading, sentence, its figures, the verdict wanted: (status, stated, parts) or none)
        type Case<'a> = (
            &'a str,
            &'a str,
            &'a [(&'a str, i64)],
            Option<(TotalStatus, i64, usize)>,
        );
        let cases: &[Case<'_>] = &[
            // Adds up: ok.
            (
                "ap.1 Kanalbolaget",
                "Utbetalning av medlen ska ske med 8 000 000 kronor den 15 januari 2014 och \
                 4 500 000 kronor den 1 april 2014.",
                &[
                    ("8 000 000 kronor", 80 * M / 10),
                    ("4 500 000 kronor", 45 * M / 10),
                ],
                Some((Fine, 12_500 * T, 2)),
            ),
            (
                "ap.2 Slussarna",
                "Medlen utbetalas med 1 000 000 kronor i mars, 1 000 000 kronor i juni och \
                 2 000 000 kronor i september.",
                &[
                    ("1 000 000 kronor", M),
                    ("1 000 000 kronor", M),
                    ("2 000 000 kronor", 2 * M),
                ],
                Some((Fine, 4_000 * T, 3)),
            ),
            (
                "ap.2 Slussarna",
                "Bidraget betalas ut i två delar: 3 000 000 kronor och 1 000 000 kronor.",
                &[("3 000 000 kronor", 3 * M), ("1 000 000 kronor", M)],
                Some((Fine, 4_000 * T, 2)),
            ),
            // More than the item holds: mismatch.
            (
                "ap.1 Kanalbolaget",
                "Utbetalning ska ske med 8 000 000 kronor den 15 januari och 5 500 000 kronor \
                 den 1 april.",
                &[
                    ("8 000 000 kronor", 8 * M),
                    ("5 500 000 kronor", 55 * M / 10),
                ],
                Some((Mismatch, 12_500 * T, 2)),
            ),
            // An item in tkr is exact: ten kronor over it is no rounding of the instalments.
            (
                "ap.1 Kanalbolaget",
                "Utbetalning ska ske med 8 000 010 kronor den 15 januari och 4 500 000 kronor \
                 den 1 april.",
                &[
                    ("8 000 010 kronor", 8 * M + 1_000),
                    ("4 500 000 kronor", 45 * M / 10),
                ],
                Some((Mismatch, 12_500 * T, 2)),
            ),
            // Short of it: the rest may be paid otherwise.
            (
                "ap.1 Kanalbolaget",
                "Utbetalning ska ske med 8 000 000 kronor den 15 januari och 3 500 000 kronor \
                 den 1 april.",
                &[
                    ("8 000 000 kronor", 8 * M),
                    ("3 500 000 kronor", 35 * M / 10),
                ],
                Some((Unresolved, 12_500 * T, 2)),
            ),
            // One more payment after the plan: the sum is not confirmed.
            (
                "ap.1 Kanalbolaget",
                "Utbetalning ska ske med 8 000 000 kronor den 15 januari och 4 500 000 kronor \
                 den 1 april. Därtill 1 000 000 kronor.",
                &[
                    ("8 000 000 kronor", 8 * M),
                    ("4 500 000 kronor", 45 * M / 10),
                    ("1 000 000 kronor", M),
                ],
                Some((Unresolved, 12_500 * T, 2)),
            ),
            // No item heading above: no check, whatever the sum.
            (
                "Övriga villkor",
                "Utbetalning ska ske med 8 000 000 kronor den 15 januari och 4 000 000 kronor \
                 den 1 april.",
                &[("8 000 000 kronor", 8 * M), ("4 000 000 kronor", 4 * M)],
                None,
            ),
            // A heading naming no row of the table.
            (
                "ap.3 Hamnarna",
                "Utbetalning ska ske med 8 000 000 kronor den 15 januari och 4 500 000 kronor \
                 den 1 april.",
                &[
                    ("8 000 000 kronor", 8 * M),
                    ("4 500 000 kronor", 45 * M / 10),
                ],
                None,
            ),
            // Figures that are not dated instalments, or a count that is not theirs.
            (
                "ap.1 Kanalbolaget",
                "Medlen betalas ut till 8 000 000 kronor för drift och 4 500 000 kronor för \
                 upprustning.",
                &[
                    ("8 000 000 kronor", 8 * M),
                    ("4 500 000 kronor", 45 * M / 10),
                ],
                None,
            ),
            (
                "ap.1 Kanalbolaget",
                "Bidraget betalas ut i tre delar: 8 000 000 kronor och 4 500 000 kronor.",
                &[
                    ("8 000 000 kronor", 8 * M),
                    ("4 500 000 kronor", 45 * M / 10),
                ],
                None,
            ),
            // One instalment is no plan.
            (
                "ap.1 Kanalbolaget",
                "Utbetalning ska ske med 12 500 000 kronor den 15 januari.",
                &[("12 500 000 kronor", 125 * M / 10)],
                None,
            ),
        ];
        for &(heading, sentence, figures, want) in cases {
            let text = doc(heading, sentence);
            let mut items = vec![("12 500", 12_500 * T), ("4 000", 4_000 * T)];
            items.extend_from_slice(figures);
            let got = plans(&text, &items, &cells);
            assert_eq!(got, want.into_iter().collect::<Vec<_>>(), "{sentence}");
        }
    }

    #[test]
    fn an_item_in_mnkr_keeps_its_rounding() {
        let text = "Tilldelade anslag (mnkr)\n\nap.1Drift (ram)12,5\n\nVillkor\n\nap.1 Drift\n\n\
                    Utbetalning ska ske med 8 000 010 kronor den 15 januari och 4 500 000 kronor \
                    den 1 april.\n";
        let items = [
            ("12,5", 125 * M / 10),
            ("8 000 010 kronor", 8 * M + 1_000),
            ("4 500 000 kronor", 45 * M / 10),
        ];
        let got = plans(text, &items, &[("12,5", "ap.1Drift (ram)")]);
        assert_eq!(got, vec![(Fine, 125 * M / 10, 2)]);
    }

    #[test]
    fn two_rows_named_alike_leave_the_item_unknown() {
        let text = "Tabell A (tkr)\n\nap.1Drift (ram)12 500\n\nTabell B (tkr)\n\nap.1Drift (ram)9 000\n\n\
                    Villkor\n\nap.1 Drift\n\nUtbetalning ska ske med 8 000 000 kronor den 15 januari \
                    och 4 500 000 kronor den 1 april.\n";
        let items = [
            ("12 500", 12_500 * T),
            ("9 000", 9_000 * T),
            ("8 000 000 kronor", 8 * M),
            ("4 500 000 kronor", 45 * M / 10),
        ];
        let got = plans(
            text,
            &items,
            &[("12 500", "ap.1Drift (ram)"), ("9 000", "ap.1Drift (ram)")],
        );
        assert_eq!(got, vec![]);
    }
}
