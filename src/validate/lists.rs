//! Stage 2: lists closed by their sum (`Summa`, `Totalt`) or their result (`överskott`, `resultat`).
//!
//! **In:** the running-text amounts of a [`Doc`] and the roles earlier stages gave them. **Out:**
//! one check per closing line that ends a block of at least two amount lines in one paragraph; the
//! closer becomes a total, the block's lines its parts. A result is the income on the first line
//! plus the (negative) costs below it; an `underskott` without a minus is a negative result.
//!
//! **Deliberately not here:** costs written without a sign are never guessed to be subtracted
//! (`unresolved`), and a result without an income line is not summed.

use std::sync::LazyLock;

use crate::pattern::Pattern;
use crate::record::TotalCheck;

use super::doc::{Doc, ends_sentence, has_blank_line};
use super::interval::interval;
use super::sum::{Claim, MAX_PARTS, Role, complete, unresolved};

/// The label of a line that closes a list with its sum or its result.
static CLOSER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?xi)
        ^ [\s\p{P}]*
        (?:
            (?: (?: ekonomiskt | ekonomiska | redovisat | beräknat | prognostiserat | årets ) \s+ )?
            (?P<res> överskott | underskott | resultat | nettoresultat | netto )
          | (?P<sum> totalt | summa | s:a | sammanlagt | total )
        )
        (?: [^\p{L}] [^\n.!?]{0,40} )? $",
    )
});

/// 2. Lists closed by their sum (`Summa`, `Totalt`) or their result (`överskott` …).
pub(super) fn closed_lists(doc: &Doc<'_>, role: &mut [Role], out: &mut Vec<TotalCheck>) {
    for k in 0..doc.running.len() {
        let closer = doc.running[k];
        let label = label_of(doc, k);
        // The closer's label must start its line (or follow the previous amount in an unwrapped list).
        let Some(c) = CLOSER.captures(doc.width, label) else {
            continue;
        };
        let first = block_start(doc, role, k);
        let block: Vec<usize> = doc.running[first..k]
            .iter()
            .copied()
            .filter(|&i| doc.amounts[i].currency == doc.amounts[closer].currency)
            .collect();
        if block.len() < 2 {
            continue;
        }
        let check = verdict(doc, closer, &block, c.name("res").map(|m| m.as_str()));
        if let Some(check) = check {
            role[closer] = Role::Total;
            for &i in &block {
                role[i] = Role::Part;
            }
            out.push(check);
        }
    }
}

/// The first of the free running amounts that run up to `running[k]` in one list block, at most
/// [`MAX_PARTS`] back; `k` itself when none does. Another closer ends the block.
fn block_start(doc: &Doc<'_>, role: &[Role], k: usize) -> usize {
    let mut first = k;
    while first > 0 && k - first < MAX_PARTS {
        let prev = doc.running[first - 1];
        if role[prev] != Role::Free || CLOSER.is_match(doc.width, label_of(doc, first - 1)) {
            break;
        }
        let gap = doc.slice(doc.spans[prev].1, doc.spans[doc.running[first]].0);
        if !same_block(gap) {
            break;
        }
        first -= 1;
    }
    first
}

/// The check of the list `block` closed by running amount `closer`, whose label names a result
/// (`res`: `överskott`, `resultat` …) or, when `None`, a sum.
fn verdict(doc: &Doc<'_>, closer: usize, block: &[usize], res: Option<&str>) -> Option<TotalCheck> {
    let point = |i: usize| interval(&doc.amounts[i]).map_or(0, |(p, _, _)| p);
    let result = res.is_some();
    let stated_negative = point(closer) < 0;
    let underskott = res.is_some_and(|r| r.eq_ignore_ascii_case("underskott"));
    let negate_stated = underskott && !stated_negative;
    if result && point(block[0]) > 0 && block[1..].iter().all(|&i| point(i) <= 0) {
        let claim = Claim {
            stated: closer,
            income: Some(block[0]),
            components: &block[1..],
            negate_stated,
            multipliers: &[],
        };
        let sign = if negate_stated {
            "; `underskott` without a minus is the result's negative"
        } else {
            ""
        };
        complete(
            doc,
            &claim,
            format!(
                "list closed by its result: the income on the first line plus the {} costs below it{sign}",
                block.len() - 1
            ),
        )
    } else if result && block.iter().all(|&i| point(i) >= 0) {
        // Costs written without a minus sign: whether they are subtracted is a guess, so this
        // is reported, never judged.
        unresolved(
            doc,
            closer,
            "list closed by a result, but its costs carry no sign; not reconciled".to_string(),
        )
    } else if result {
        // A result is income less costs. Without an income line opening the block, the block
        // was cut short (a page break, a list reflowed into prose) or a sign was lost in OCR:
        // its parts are not known, so summing what is there would report a false mismatch.
        unresolved(
            doc,
            closer,
            "list closed by a result, but no income line opens it; not reconciled".to_string(),
        )
    } else {
        let claim = Claim {
            stated: closer,
            income: None,
            components: block,
            negate_stated,
            multipliers: &[],
        };
        complete(
            doc,
            &claim,
            format!(
                "list closed by its sum: the {} amount lines above it",
                block.len()
            ),
        )
    }
}

/// The label of running amount `running[k]`: its line's text before it, after any earlier amount.
fn label_of<'a>(doc: &Doc<'a>, k: usize) -> &'a str {
    let (s, _) = doc.spans[doc.running[k]];
    let mut from = doc.line_start(s);
    if let Some(&prev) = k.checked_sub(1).and_then(|p| doc.running.get(p)) {
        from = from.max(doc.spans[prev].1);
    }
    doc.slice(from, s)
}

/// Whether the text between two consecutive amounts keeps them in one list block.
fn same_block(gap: &str) -> bool {
    gap.len() <= 120 && !has_blank_line(gap) && !ends_sentence(gap)
}

#[cfg(test)]
mod tests {
    use crate::record::TotalStatus::{self, Mismatch, Ok as Fine, Unresolved};
    use crate::validate::reconcile;
    use crate::validate::testing::{M, amounts, assert_checks, statuses};

    const RESULT: &str = "Under 2017 användes medlen enligt nedan:\n\nIntäkter från staten 14,7 Mkr\n\
        Ersättning till primärvården: -3,4 Mkr\nIT-utveckling -0,5 Mkr\nÖvrigt : -0,2 Mkr\n \
        Ekonomiskt överskott 10,6 Mkr\n\nMer information\n";

    fn result_items(last: i64) -> [(&'static str, i64); 5] {
        [
            ("14,7 Mkr", 147 * M / 10),
            ("-3,4 Mkr", -34 * M / 10),
            ("-0,5 Mkr", -5 * M / 10),
            ("-0,2 Mkr", -2 * M / 10),
            ("10,6 Mkr", last),
        ]
    }

    #[test]
    fn list_closed_by_its_result_uses_income() {
        let a = amounts(RESULT, &result_items(106 * M / 10));
        let c = reconcile(RESULT, &a);
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].status, c[0].income, c[0].components.clone()),
            (Fine, Some(0), vec![1, 2, 3])
        );
        // A wrong result is a mismatch of the right size.
        let wrong = RESULT.replace("10,6", "11,6");
        let mut items = result_items(116 * M / 10);
        items[4].0 = "11,6 Mkr";
        assert_checks(&wrong, &items, &[(Mismatch, 116 * M / 10, -M)]);
    }

    #[test]
    fn a_result_whose_income_line_is_cut_off_is_unresolved_not_a_mismatch() {
        // A page break between the income and the costs: only costs remain above the result.
        let text = "Intäkter från staten 14,5 Mkr\n\nProcessledning -1,9 Mkr\nIT-utveckling -0,5 Mkr\n\
                    Övrigt : -0,2 Mkr\nEkonomiskt överskott 1,0 Mkr\n";
        let items = [
            ("14,5 Mkr", 145 * M / 10),
            ("-1,9 Mkr", -19 * M / 10),
            ("-0,5 Mkr", -5 * M / 10),
            ("-0,2 Mkr", -2 * M / 10),
            ("1,0 Mkr", M),
        ];
        assert_checks(text, &items, &[(TotalStatus::Unresolved, M, -M)]);
        // The same costs closed by a plain sum are still judged.
        let summa = text.replace("Ekonomiskt överskott 1,0", "Summa -2,6");
        let mut items = items;
        items[4] = ("-2,6 Mkr", -26 * M / 10);
        assert_checks(&summa, &items, &[(Fine, -26 * M / 10, 0)]);
    }

    #[test]
    fn a_single_line_above_is_no_list() {
        let text = "Intäkter 14,7 Mkr\nÖverskott 14,7 Mkr\n";
        assert_checks(
            text,
            &[("14,7 Mkr", 147 * M / 10), ("14,7 Mkr", 147 * M / 10)],
            &[],
        );
    }

    #[test]
    fn underskott_written_without_a_minus_is_a_negative_result() {
        let text = "Intäkter 10,0 Mkr\nKostnader -11,0 Mkr\nUnderskott 1,0 Mkr\n";
        let items = [("10,0 Mkr", 10 * M), ("-11,0 Mkr", -11 * M), ("1,0 Mkr", M)];
        assert_checks(text, &items, &[(Fine, M, 0)]);
        // The same figures as an `överskott` do not add up.
        let text = text.replace("Underskott", "Överskott");
        assert_checks(&text, &items, &[(Mismatch, M, -2 * M)]);
    }

    #[test]
    fn costs_without_signs_are_not_judged() {
        let text = "Intäkter 10,0 Mkr\nLöner 6,0 Mkr\nHyra 1,0 Mkr\nResultat 3,0 Mkr\n";
        let items = [
            ("10,0 Mkr", 10 * M),
            ("6,0 Mkr", 6 * M),
            ("1,0 Mkr", M),
            ("3,0 Mkr", 3 * M),
        ];
        assert_eq!(
            statuses(text, &items).first().map(|c| c.0),
            Some(Unresolved)
        );
        // A sum line over unsigned figures is plain addition.
        let text = "Löner 6,0 Mkr\nHyra 1,0 Mkr\nSumma 7,0 Mkr\n";
        let items = [("6,0 Mkr", 6 * M), ("1,0 Mkr", M), ("7,0 Mkr", 7 * M)];
        assert_checks(text, &items, &[(Fine, 7 * M, 0)]);
    }
}
