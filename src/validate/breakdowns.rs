//! Stages 3 and 4: breakdowns (`varav`, `av dessa` after an amount) and totals followed by their
//! parts (`totalt`, `avsätta` before an amount).
//!
//! **In:** the running-text amounts of a [`Doc`] and the roles earlier stages gave them. **Out:**
//! one check per cued total. A breakdown's parts are the amounts up to the end of the cue's
//! sentence; parts that fall short are `unresolved` (the rest is not itemised). A cued total's parts
//! are its section's amounts; when they do not add up, an enumeration is a `mismatch` and prose is
//! searched for a contiguous run that does.
//!
//! **Deliberately not here:** a large amount without a cue is never a total, and arithmetic other
//! than addition (`hälften`, shares) is not attempted.

use std::sync::LazyLock;

use regex::Regex;

use crate::record::{TotalCheck, TotalStatus};

use super::doc::{Doc, has_blank_line, sentence_end};
use super::sum::{Claim, MAX_PARTS, Role, check, sum, unresolved};

/// A cue directly before an amount that makes it a total whose parts follow.
static TOTAL_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?: ^ | [^\p{L}] )
        (?: totalt | sammanlagt | sammantaget | summa | tillsammans
          | avsätta | avsätter | avsätts | avsatt | avsattes )
        # small words that may sit between the cue and the figure: `avsätts totalt till …`
        (?: [\s:]+ (?: totalt | sammanlagt | till | på | om | med | av | ytterligare ) )*
        [\s:]*
        (?: (?: cirka | ca\.? | drygt | närmare | omkring | högst | upp \s+ till ) \s* )?
        $",
    )
    .expect("valid regex")
});

/// Words that open a breakdown of the amount just before them.
static BREAKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        (?: ^ | [^\p{L}] )
        (?P<cue> varav | därav | av \s+ dessa | av \s+ detta | av \s+ vilka | av \s+ beloppet
               | av \s+ summan )
        (?: [^\p{L}] | $ )",
    )
    .expect("valid regex")
});

/// Signs that the section after a total enumerates its parts.
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xim)
        ^ [\x20\t]* (?: \d{1,2} [.)] | [-•–*] ) [\x20\t]+ \S    # `1. Ledning …`, `- Löner …`
      | (?: ^ | [^\p{L}] ) följande (?: [^\p{L}] | $ )          # `Följande insatsområden …`",
    )
    .expect("valid regex")
});

/// How far apart a total's text and its cue or breakdown words may be, in bytes.
const CUE_WINDOW: usize = 80;

/// 3. `varav`/`därav`/`av dessa` breakdowns of the amount just before the cue.
pub(super) fn breakdowns(doc: &Doc<'_>, role: &mut [Role], out: &mut Vec<TotalCheck>) {
    // The end of the sentence the previous cue was in: a later cue before it is in the same
    // sentence, so a run of `varav` in one long sentence scans it once, not once per cue.
    let mut known_end = 0;
    for c in BREAKDOWN.captures_iter(doc.text) {
        let cue = c.name("cue").expect("group cue");
        // The total: the nearest running amount before the cue, with only a short gap.
        let k = doc
            .running
            .partition_point(|&i| doc.spans[i].1 <= cue.start());
        let Some(tk) = k.checked_sub(1) else { continue };
        let total = doc.running[tk];
        let gap = doc.slice(doc.spans[total].1, cue.start());
        if gap.len() > CUE_WINDOW || has_blank_line(gap) || role[total] != Role::Free {
            continue;
        }
        // The parts: amounts from the cue to the end of its sentence.
        if cue.end() >= known_end {
            known_end = sentence_end(doc.text, cue.end());
        }
        let sentence_end = known_end.min(doc.section_end(cue.end()));
        let parts: Vec<usize> = doc.running[k..]
            .iter()
            .copied()
            .take_while(|&i| doc.spans[i].0 < sentence_end)
            .filter(|&i| {
                doc.amounts[i].currency == doc.amounts[total].currency && role[i] == Role::Free
            })
            .take(MAX_PARTS)
            .collect();
        if parts.is_empty() {
            continue; // `varav 20 procent`: not a breakdown into amounts
        }
        let cue_text = cue.as_str().to_lowercase();
        let claim = Claim {
            stated: total,
            income: None,
            components: &parts,
            negate_stated: false,
        };
        let Some(s) = sum(doc, &claim) else { continue };
        let n = parts.len();
        let per_differs = parts
            .iter()
            .any(|&i| doc.amounts[i].per != doc.amounts[total].per);
        let (status, method) = if s.ok {
            (
                TotalStatus::Ok,
                format!("breakdown after `{cue_text}`: the {n} parts named in the sentence"),
            )
        } else if s.short {
            (
                TotalStatus::Unresolved,
                format!(
                    "partial breakdown after `{cue_text}`: the {n} parts named add up to less than the total; the rest is not itemised"
                ),
            )
        } else if per_differs || s.soft {
            (
                TotalStatus::Unresolved,
                format!(
                    "breakdown after `{cue_text}`: the {n} parts exceed the total, but they are stated per a different base or approximately"
                ),
            )
        } else {
            (
                TotalStatus::Mismatch,
                format!("breakdown after `{cue_text}`: the {n} parts named exceed the total"),
            )
        };
        role[total] = Role::Total;
        for &i in &parts {
            role[i] = Role::Part;
        }
        out.push(check(doc, &claim, &s, status, method));
    }
}

/// 4. A cued total followed by its parts.
pub(super) fn totals_then_parts(doc: &Doc<'_>, role: &mut [Role], out: &mut Vec<TotalCheck>) {
    let cued: Vec<usize> = (0..doc.running.len())
        .filter(|&k| {
            let i = doc.running[k];
            let (s, _) = doc.spans[i];
            let mut from = s.saturating_sub(CUE_WINDOW);
            while !doc.text.is_char_boundary(from) {
                from -= 1;
            }
            if let Some(&prev) = k.checked_sub(1).and_then(|p| doc.running.get(p)) {
                from = from.max(doc.spans[prev].1);
            }
            role[i] == Role::Free && TOTAL_CUE.is_match(doc.slice(from, s))
        })
        .collect();
    for (n, &k) in cued.iter().enumerate() {
        let total = doc.running[k];
        if role[total] != Role::Free {
            continue;
        }
        let (_, total_end) = doc.spans[total];
        let mut scope_end = doc.section_end(total_end);
        if let Some(&next) = cued.get(n + 1) {
            scope_end = scope_end.min(doc.spans[doc.running[next]].0);
        }
        let parts: Vec<usize> = doc.running[k + 1..]
            .iter()
            .copied()
            .take_while(|&i| doc.spans[i].0 < scope_end)
            .filter(|&i| {
                role[i] == Role::Free && doc.amounts[i].currency == doc.amounts[total].currency
            })
            .take(MAX_PARTS)
            .collect();
        let found = reconcile_scope(doc, total, &parts, doc.slice(total_end, scope_end));
        if let Some((check, used)) = found {
            role[total] = Role::Total;
            for i in used {
                role[i] = Role::Part;
            }
            out.push(check);
        }
    }
}

/// Structure first (the whole section), then the search over contiguous runs.
fn reconcile_scope(
    doc: &Doc<'_>,
    total: usize,
    parts: &[usize],
    scope: &str,
) -> Option<(TotalCheck, Vec<usize>)> {
    let n = parts.len();
    if n == 0 {
        let c = unresolved(
            doc,
            total,
            "a total, but no amounts follow it in its section".to_string(),
        )?;
        return Some((c, Vec::new()));
    }
    let claim = |components| Claim {
        stated: total,
        income: None,
        components,
        negate_stated: false,
    };
    let whole = sum(doc, &claim(parts))?;
    if whole.ok {
        let c = check(
            doc,
            &claim(parts),
            &whole,
            TotalStatus::Ok,
            format!("section: all {n} amounts from the total to the next heading"),
        );
        return Some((c, parts.to_vec()));
    }
    // An enumeration is structure enough: its section is the scope, and a gap is a mismatch. Searching
    // it would let an error hide whenever a wrong part happens to equal the parts after it.
    if ENUMERATION.is_match(scope) {
        let status = if whole.soft {
            TotalStatus::Unresolved
        } else {
            TotalStatus::Mismatch
        };
        let c = check(
            doc,
            &claim(parts),
            &whole,
            status,
            format!(
                "section: the {n} amounts from the total to the next heading (an enumeration) do not add up to it"
            ),
        );
        return Some((c, parts.to_vec()));
    }
    // Prose: the section may hold other figures than the parts. Search the contiguous runs that
    // start right after the total; a single part equal to the total is a restatement, not a
    // breakdown, so a run has at least two.
    for len in 2..n {
        let run = &parts[..len];
        let s = sum(doc, &claim(run))?;
        if s.ok {
            let c = check(
                doc,
                &claim(run),
                &s,
                TotalStatus::Ok,
                format!(
                    "searched: the first {len} of the {n} amounts after the total add up to it; the section's remaining {} were left out",
                    n - len
                ),
            );
            return Some((c, run.to_vec()));
        }
    }
    let c = unresolved(
        doc,
        total,
        format!("no run of the {n} amounts after the total in its section adds up to it"),
    )?;
    Some((c, Vec::new()))
}

#[cfg(test)]
mod tests {
    use crate::record::TotalStatus::{Mismatch, Ok as Fine, Unresolved};
    use crate::validate::reconcile;
    use crate::validate::testing::{M, amounts, assert_checks};

    const PARTS_FOLLOW: &str = "Staten avsätter 944 miljoner kronor för följande insatser:\n\n\
        1. Ledning (100 miljoner kronor och 1,2 miljoner kronor)\n\n\
        2. Koordinering (842,8 miljoner kronor)\n\nÖvrigt\n\nHögst 50 miljoner kronor betalas.\n";

    #[test]
    fn total_followed_by_its_parts_reconciles_by_section() {
        let items = [
            ("944 miljoner kronor", 944 * M),
            ("100 miljoner kronor", 100 * M),
            ("1,2 miljoner kronor", 12 * M / 10),
            ("842,8 miljoner kronor", 8428 * M / 10),
            ("50 miljoner kronor", 50 * M),
        ];
        assert_checks(PARTS_FOLLOW, &items, &[(Fine, 944 * M, 0)]);
        // A changed part is caught with its difference …
        let wrong = PARTS_FOLLOW.replace("842,8", "852,8");
        let mut changed = items;
        changed[3] = ("852,8 miljoner kronor", 8528 * M / 10);
        assert_checks(&wrong, &changed, &[(Mismatch, 944 * M, 10 * M)]);
        // … and so is a removed one.
        let gone = PARTS_FOLLOW.replace(" och 1,2 miljoner kronor", "");
        let fewer = [items[0], items[1], items[3], items[4]];
        assert_checks(&gone, &fewer, &[(Mismatch, 944 * M, -12 * M / 10)]);
    }

    #[test]
    fn searched_run_is_said_so() {
        // No heading between the parts and an unrelated later figure: the run search finds them.
        let text = "Regeringen avsätter totalt 30 miljoner kronor, 10 miljoner kronor till A och \
                    20 miljoner kronor till B. Tidigare gavs 7 miljoner kronor.";
        let items = [
            ("30 miljoner kronor", 30 * M),
            ("10 miljoner kronor", 10 * M),
            ("20 miljoner kronor", 20 * M),
            ("7 miljoner kronor", 7 * M),
        ];
        let a = amounts(text, &items);
        let c = reconcile(text, &a);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].status, c[0].components.clone()), (Fine, vec![1, 2]));
        assert!(c[0].method.starts_with("searched"), "{}", c[0].method);
    }

    #[test]
    fn an_enumeration_is_never_searched() {
        // 15 was misread as 20: the first two parts happen to equal the total, the whole list
        // does not. In a list that is a mismatch; the same figures in prose are searched.
        let items = [
            ("30 miljoner kronor", 30 * M),
            ("10 miljoner kronor", 10 * M),
            ("20 miljoner kronor", 20 * M),
            ("5 miljoner kronor", 5 * M),
        ];
        let list = "Staten avsätter 30 miljoner kronor för följande:\n\n1. A (10 miljoner kronor)\n\n\
                    2. B (20 miljoner kronor)\n\n3. C (5 miljoner kronor)\n";
        assert_checks(list, &items, &[(Mismatch, 30 * M, 5 * M)]);
        let prose = "Staten avsätter 30 miljoner kronor, 10 miljoner kronor till A och 20 miljoner kronor \
                     till B. Förra året 5 miljoner kronor.";
        assert_checks(prose, &items, &[(Fine, 30 * M, 0)]);
    }

    #[test]
    fn prose_without_an_enumeration_is_unresolved_not_mismatch() {
        let text = "Regeringen avsätter totalt 30 miljoner kronor. Tidigare gavs 7 miljoner kronor och 9 miljoner kronor.";
        let items = [
            ("30 miljoner kronor", 30 * M),
            ("7 miljoner kronor", 7 * M),
            ("9 miljoner kronor", 9 * M),
        ];
        assert_checks(text, &items, &[(Unresolved, 30 * M, -30 * M)]);
    }

    #[test]
    fn a_large_amount_without_a_cue_is_not_a_total() {
        let text = "Satsningen omfattar närmare en miljard kronor. Av det totala beloppet på 944 miljoner kronor \
                    ska hälften användas, 472 miljoner kronor.";
        let items = [
            ("944 miljoner kronor", 944 * M),
            ("472 miljoner kronor", 472 * M),
        ];
        assert_checks(text, &items, &[]);
    }

    #[test]
    fn approximate_figures_never_make_a_mismatch() {
        let text = "Regeringen satsar 60 miljoner kronor, varav cirka 50 miljoner kronor till A och \
                    20 miljoner kronor till B.";
        let items = [
            ("60 miljoner kronor", 60 * M),
            ("cirka 50 miljoner kronor", 50 * M),
            ("20 miljoner kronor", 20 * M),
        ];
        assert_checks(text, &items, &[(Unresolved, 60 * M, 10 * M)]);
        let exact = text.replace("cirka 50", "50");
        let items = [items[0], ("50 miljoner kronor", 50 * M), items[2]];
        assert_checks(&exact, &items, &[(Mismatch, 60 * M, 10 * M)]);
    }

    #[test]
    fn varav_without_amounts_is_no_check() {
        let text = "Regeringen satsar 60 miljoner kronor, varav hälften till regionerna. Sedan 5 miljoner kronor.";
        let items = [("60 miljoner kronor", 60 * M), ("5 miljoner kronor", 5 * M)];
        assert_checks(text, &items, &[]);
    }

    const VARAV: &str = "Den nya överenskommelsen omfattar totalt 2,88 miljarder kronor. Av dessa är 500 \
        miljoner avsatta för A, och cirka 730 miljoner för B.\n\nNästa stycke 5 miljoner kronor.";

    #[test]
    fn partial_breakdown_is_unresolved_not_mismatch() {
        let items = [
            ("2,88 miljarder kronor", 2880 * M),
            ("500 miljoner", 500 * M),
            ("cirka 730 miljoner", 730 * M),
            ("5 miljoner kronor", 5 * M),
        ];
        let a = amounts(VARAV, &items);
        let c = reconcile(VARAV, &a);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].status, c[0].components.clone()),
            (Unresolved, vec![1, 2])
        );
        assert!(c[0].method.starts_with("partial"), "{}", c[0].method);
    }

    #[test]
    fn complete_breakdown_is_ok_and_excess_is_mismatch() {
        let text = "Regeringen satsar 60 miljoner kronor, varav 50 miljoner kronor till A och 10 miljoner kronor till B.";
        let items = [
            ("60 miljoner kronor", 60 * M),
            ("50 miljoner kronor", 50 * M),
            ("10 miljoner kronor", 10 * M),
        ];
        assert_checks(text, &items, &[(Fine, 60 * M, 0)]);
        let over = text.replace("10 miljoner kronor till B", "30 miljoner kronor till B");
        let items = [items[0], items[1], ("30 miljoner kronor", 30 * M)];
        assert_checks(&over, &items, &[(Mismatch, 60 * M, 20 * M)]);
    }
}
