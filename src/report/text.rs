//! A readable view of a record: a header line, the repaired text, each edit (applied and proposed:
//! the input line it is on, `before → after`, confidence, rule), then each extracted field and each
//! totals check on a line of its own (`describe`); an amount's line ends with its recipient, period,
//! purpose and villkor, a date's with what it is the date of. Meant for people; scripts should read JSON Lines.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::record::{Amount, AmountLinks, Money, Record, Status, TotalCheck, TotalStatus};

/// Writes `record` for a reader.
pub fn write_record(w: &mut impl Write, record: &Record) -> io::Result<()> {
    if record.status == Status::Error {
        let msg = record.error.as_deref().unwrap_or("unknown error");
        return writeln!(w, "==> {} <== error: {msg}\n", record.source);
    }
    let applied = record.edits.iter().filter(|e| e.applied).count();
    let encoding = record.encoding.map(|e| e.to_string()).unwrap_or_default();
    writeln!(
        w,
        "==> {} <== {encoding}, {} page(s), {} edit(s), {} applied",
        record.source,
        record.pages.len(),
        record.edits.len(),
        applied
    )?;
    writeln!(w, "{}", record.text.trim_end())?;
    if !record.edits.is_empty() {
        writeln!(
            w,
            "--- edits ({} applied, {} proposed)",
            applied,
            record.edits.len() - applied
        )?;
        let lines = input_lines(record);
        for (e, line) in record.edits.iter().zip(lines) {
            writeln!(
                w,
                "  line {line:>4}  {:<8}  {:.2}  {} → {}  ({})",
                if e.applied { "applied" } else { "proposed" },
                e.confidence,
                shown(&e.before),
                shown(&e.after),
                serde_json::to_value(e.kind)
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .unwrap_or_default()
            )?;
        }
    }
    let amounts = record.amounts.as_deref().unwrap_or_default();
    if !amounts.is_empty() {
        writeln!(w, "--- amounts")?;
        for (i, a) in amounts.iter().enumerate() {
            writeln!(
                w,
                "  [{i}] {}  {:?}  @{}{}",
                amount(a),
                a.text,
                a.start,
                links(a)
            )?;
        }
    }
    if let Some(dates) = record.dates.as_deref().filter(|d| !d.is_empty()) {
        writeln!(w, "--- dates")?;
        for d in dates {
            let value = d
                .value
                .map_or_else(|| "????-??-??".to_string(), |v| v.to_string());
            let role = d
                .role
                .map(|r| {
                    format!(
                        " ({})",
                        serde_json::to_value(r)
                            .map(|v| v.as_str().unwrap_or_default().to_string())
                            .unwrap_or_default()
                    )
                })
                .unwrap_or_default();
            let of =
                d.of.as_ref()
                    .map(|l| format!("  of «{}»", l.text))
                    .unwrap_or_default();
            writeln!(w, "  {value}{role}  {:?}  @{}{of}", d.text, d.start)?;
        }
    }
    if let Some(periods) = record.periods.as_deref().filter(|p| !p.is_empty()) {
        writeln!(w, "--- periods")?;
        for p in periods {
            writeln!(w, "  {} – {}  {:?}  @{}", p.from, p.to, p.text, p.start)?;
        }
    }
    if let Some(villkor) = record.villkor.as_deref().filter(|v| !v.is_empty()) {
        writeln!(w, "--- villkor")?;
        for v in villkor {
            writeln!(w, "  {}. {}  amounts {:?}", v.number, v.title, v.amounts)?;
        }
    }
    if let Some(refs) = record.references.as_deref().filter(|r| !r.is_empty()) {
        writeln!(w, "--- references")?;
        for r in refs {
            writeln!(w, "  {} {}  {:?}  @{}", r.kind, r.value, r.text, r.start)?;
        }
    }
    if let Some(totals) = record.totals.as_deref().filter(|t| !t.is_empty()) {
        writeln!(w, "--- totals")?;
        for t in totals {
            writeln!(w, "  {}", describe(t, amounts))?;
        }
    }
    writeln!(w)
}

/// An edit's side on one line: whitespace and controls visible, `∅` for nothing.
fn shown(s: &str) -> String {
    if s.is_empty() {
        "∅".to_string()
    } else {
        super::html::visible(s)
    }
}

/// The line of the decoded input (from 1) that each edit starts on, in the order of `edits`.
///
/// The record does not carry its input, but it carries the input's line breaks: outside the
/// applied edits the input and `text` agree, and inside each one the input is its `before`.
/// Applied edits are sorted and disjoint (they replay), so one walk rebuilds the input. A record
/// that does not replay gives approximate lines, never a panic.
fn input_lines(record: &Record) -> Vec<usize> {
    let text: Vec<char> = record.text.chars().collect();
    let mut input: Vec<char> = Vec::with_capacity(text.len());
    let mut tpos = 0;
    for e in record.edits.iter().filter(|e| e.applied) {
        let Some(same) = e.start.checked_sub(input.len()) else {
            continue;
        };
        let end = (tpos + same).min(text.len());
        input.extend_from_slice(&text[tpos..end]);
        input.extend(e.before.chars());
        tpos = (end + e.after.chars().count()).min(text.len());
    }
    input.extend_from_slice(&text[tpos..]);
    let breaks: Vec<usize> = (0..input.len()).filter(|&i| input[i] == '\n').collect();
    record
        .edits
        .iter()
        .map(|e| 1 + breaks.partition_point(|&b| b < e.start))
        .collect()
}

fn amount(a: &Amount) -> String {
    let value = match (a.value, a.min, a.max) {
        (Some(v), _, _) => v.to_string(),
        (None, Some(lo), Some(hi)) => format!("{lo}–{hi}"),
        _ => "?".to_string(),
    };
    let mut s = format!("{value} {}", a.currency);
    if a.approximate {
        s.insert_str(0, "ca ");
    }
    if let Some(q) = a.qualifier {
        s.insert_str(
            0,
            if q == crate::record::Qualifier::Max {
                "≤ "
            } else {
                "≥ "
            },
        );
    }
    if let Some(per) = &a.per {
        s.push_str(&format!(" per {per}"));
    }
    if let Some(c) = &a.cell {
        s.push_str(&format!(
            " (table {} row {} «{}» column {} «{}»{})",
            c.table,
            c.row,
            c.label,
            c.column,
            c.header,
            if c.total { ", total" } else { "" }
        ));
    }
    s
}

/// What an amount is linked to, on its own line's end: `→ «Socialstyrelsen» for «2020» (2020-01-01
/// – 2020-12-31), purpose «koordinering», villkor 3`; empty when nothing is linked.
fn links(a: &Amount) -> String {
    match &a.links {
        Some(l) => format!("  {}", link_parts(l).join(", ")),
        None => String::new(),
    }
}

/// An amount's links, one phrase each (`→ «Socialstyrelsen»`, `for «2020» (2020-01-01 –
/// 2020-12-31)`, `purpose «koordinering»`, `villkor 3`); also the HTML report's mark titles.
pub(crate) fn link_parts(l: &AmountLinks) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(r) = &l.recipient {
        parts.push(format!("→ «{}»", r.text));
    }
    if let Some(p) = &l.period {
        parts.push(format!("for «{}» ({} – {})", p.text, p.from, p.to));
    }
    if let Some(p) = &l.purpose {
        parts.push(format!("purpose «{}»", p.text));
    }
    if let Some(v) = &l.villkor {
        parts.push(match v.parent {
            Some(parent) => format!("villkor {parent}.{}", v.number),
            None => format!("villkor {}", v.number),
        });
    }
    parts
}

/// One readable line for a check: verdict, stated, computed, difference, tolerance and the parts.
///
/// `ok: stated 944 000 000 kr, computed 944 000 000 kr, difference 0 kr (tolerance ±3 250 000 kr);
/// parts: 100 miljoner kronor + 1,2 miljoner kronor + … — section: …`
pub(crate) fn describe(check: &TotalCheck, amounts: &[Amount]) -> String {
    let status = match check.status {
        TotalStatus::Ok => "ok",
        TotalStatus::Mismatch => "MISMATCH",
        TotalStatus::Unresolved => "unresolved",
    };
    let mut line = format!(
        "{status}: stated {} kr, computed {} kr, difference {} kr (tolerance ±{} kr)",
        grouped(check.stated),
        grouped(check.computed),
        grouped(check.difference),
        grouped(check.tolerance),
    );
    let text_of = |i: usize| {
        amounts.get(i).map_or_else(
            || format!("#{i}"),
            |a| a.text.split_whitespace().collect::<Vec<_>>().join(" "),
        )
    };
    if !check.components.is_empty() || check.income.is_some() {
        line.push_str("; parts: ");
        let mut terms: Vec<String> = check.income.map(text_of).into_iter().collect();
        terms.extend(check.components.iter().map(|&i| text_of(i)));
        line.push_str(&terms.join(" + "));
    }
    let _ = write!(line, " — {}", check.method);
    line
}

/// Money in whole kronor with space-grouped thousands (`1 444 000 000`, `-3 400 000`, `12.5`).
fn grouped(m: Money) -> String {
    let plain = m.to_string();
    let (sign, rest) = plain
        .strip_prefix('-')
        .map_or(("", plain.as_str()), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (n, c) in int.chars().enumerate() {
        if n > 0 && (int.len() - n) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Edit;
    use crate::validate::reconcile;

    /// One miljon kronor in öre.
    const M: i64 = 100_000_000;

    /// Amounts for `(words, öre)` found in `text` in order, like the extractor would build them.
    fn amounts(text: &str, items: &[(&str, i64)]) -> Vec<Amount> {
        let mut from = 0;
        items
            .iter()
            .map(|&(words, ore)| {
                let b = from + text[from..].find(words).expect("words in text");
                from = b + words.len();
                let chars = |b: usize| text[..b].chars().count();
                Amount::new(Money(ore), "SEK", words, chars(b), chars(b + words.len()))
            })
            .collect()
    }

    #[test]
    fn edits_are_listed_with_their_input_line() {
        let input = "Staten avsitter\npengar f6r\nvården ir bra.\n";
        let record = crate::process("doc.txt", input.as_bytes(), &crate::Options::default());
        assert!(!record.edits.is_empty());
        let mut out = Vec::new();
        write_record(&mut out, &record).unwrap();
        let out = String::from_utf8(out).unwrap();
        let applied = record.edits.iter().filter(|e| e.applied).count();
        let head = format!(
            "--- edits ({applied} applied, {} proposed)",
            record.edits.len() - applied
        );
        assert!(out.contains(&head), "{out}");
        assert!(
            out.contains("  line    1  applied   1.00  avsitter → avsätter  (diacritic)"),
            "{out}"
        );
        assert!(
            out.contains("  line    2  applied   1.00  f6r → för  (digit)"),
            "{out}"
        );
        // Its confidence is the ranker's business; the line and the change are this view's.
        let third = out.lines().find(|l| l.contains("ir → är")).unwrap();
        assert!(
            third.starts_with("  line    3  applied   ") && third.ends_with("(diacritic)"),
            "{third}"
        );
        assert_eq!(shown("a\nb "), "a⏎b␣");
        assert_eq!(shown(""), "∅");
    }

    #[test]
    fn input_lines_are_rebuilt_from_text_and_applied_edits() {
        let edit = |start, end, before: &str, after: &str, applied| Edit {
            start,
            end,
            before: before.into(),
            after: after.into(),
            kind: crate::record::EditKind::Unwrap,
            confidence: 1.0,
            applied,
        };
        // Input "ab\ncd\nef": both breaks unwrapped, then a proposal on `e` (line 3).
        let mut r = Record::error("x", "");
        r.text = "ab cd ef".into();
        r.edits = vec![
            edit(2, 3, "\n", " ", true),
            edit(5, 6, "\n", " ", true),
            edit(6, 7, "e", "é", false),
            edit(1, 2, "b", "", false),
        ];
        assert_eq!(input_lines(&r), vec![1, 2, 3, 1]);
        // Offsets past the text (a record that does not replay) clamp instead of panicking.
        r.edits = vec![edit(40, 50, "x", "y", true), edit(3, 2, "", "", true)];
        assert_eq!(input_lines(&r), vec![1, 1]);
    }

    #[test]
    fn describe_shows_verdict_figures_and_parts() {
        let text = "Regeringen satsar 60 miljoner kronor, varav 50 miljoner kronor till A och 10 miljoner kronor till B.";
        let a = amounts(
            text,
            &[
                ("60 miljoner kronor", 60 * M),
                ("50 miljoner kronor", 50 * M),
                ("10 miljoner kronor", 10 * M),
            ],
        );
        let c = reconcile(text, &a);
        let line = describe(&c[0], &a);
        assert!(
            line.starts_with("ok: stated 60 000 000 kr, computed 60 000 000 kr, difference 0 kr"),
            "{line}"
        );
        assert!(
            line.contains("parts: 50 miljoner kronor + 10 miljoner kronor"),
            "{line}"
        );
        assert_eq!(grouped(Money(-340_000_050)), "-3 400 000.5");
    }
}
