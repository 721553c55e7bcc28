//! The HTML evaluation report: one self-contained file for people who want to see what was changed.
//!
//! In: the evaluated documents ([`Evaluated`]: decoded input, record, scores), the corpus
//! [`EvalReport`] and, optionally, the floor verdicts.
//! Out: one HTML document as a `String`: the summary, then per document its scores, the input and
//! the repaired text side by side with every edit highlighted (applied and merely proposed, the rule
//! and the confidence in the `title`), and the extracted fields.
//!
//! It deliberately loads nothing from outside (no scripts, fonts or style sheets), so the file can
//! be archived and opened offline; and it escapes every piece of document text, which is untrusted.
//! The repaired side is marked by aligning it with the input rather than by replaying the edits,
//! because edits of different stages may nest and only the alignment is exact about the result.

use std::fmt::Write as _;

use super::eval::pct;
use crate::eval::align::Op;
use crate::eval::fields::{Field, FieldScore};
use crate::eval::text::{Alignment, TextScore};
use crate::eval::{EvalReport, Evaluated, FloorCheck, TextAverages};
use crate::record::{Amount, Edit, Record};

const STYLE: &str = r#"
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#1b1b1b;background:#fafafa}
h1{font-size:1.6em;margin:0 0 .4em}h2{margin-top:2em;border-bottom:2px solid #ccc}
h3{margin:1.2em 0 .4em;font-size:1.05em}
table{border-collapse:collapse;margin:.4em 0 1em;background:#fff}
th,td{border:1px solid #d0d0d0;padding:.2em .6em;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}
td.l{text-align:left}
.sxs{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.pane{background:#fff;border:1px solid #ccc;min-width:0}
.pane h3{margin:0;padding:.3em .6em;background:#eee;border-bottom:1px solid #ccc}
pre{margin:0;padding:.6em;white-space:pre-wrap;overflow-wrap:anywhere;max-height:70vh;overflow:auto;font:13px/1.5 ui-monospace,monospace}
mark{border-radius:2px;padding:0 1px}
mark.applied{background:#bfe8c4;border-bottom:2px solid #2e7d32}
mark.proposed{background:#fff2b3;border-bottom:2px dashed #b58900}
mark.changed{background:#cfe3ff;border-bottom:2px solid #1565c0}
mark.removed{background:#ffd1d1;color:#b00020}
.ctl{color:#999}
.pass{color:#2e7d32;font-weight:600}.fail{color:#b00020;font-weight:600}
.legend mark{margin-right:.8em}
.muted{color:#666}
ul.vals{columns:3;margin:.2em 0}
code{background:#eee;padding:0 .2em;border-radius:2px}
"#;

/// Renders the whole report.
pub fn render(report: &EvalReport, docs: &[Evaluated], checks: &[FloorCheck]) -> String {
    let mut h = String::with_capacity(64 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    h.push_str("<title>svocr evaluation</title><style>");
    h.push_str(STYLE);
    h.push_str("</style></head><body>\n<h1>svocr evaluation</h1>\n");
    summary(&mut h, report);
    floors(&mut h, checks);
    if !docs.is_empty() {
        h.push_str("<h3>Documents</h3><ol>");
        for (k, d) in docs.iter().enumerate() {
            let _ = write!(
                h,
                "<li><a href=\"#doc-{k}\">{}</a> <span class=\"muted\">{}</span></li>",
                esc(&d.score.name),
                esc(&d.score.source)
            );
        }
        h.push_str("</ol>\n");
    }
    for (k, d) in docs.iter().enumerate() {
        document(&mut h, k, d);
    }
    h.push_str("</body></html>\n");
    h
}

fn summary(h: &mut String, report: &EvalReport) {
    let s = &report.summary;
    let _ = write!(h, "<p>{} document(s).", s.documents);
    if !s.without_gold.is_empty() {
        let _ = write!(
            h,
            " No gold found for: {}.",
            esc(&s.without_gold.join(", "))
        );
    }
    if !s.ignored.is_empty() {
        let _ = write!(
            h,
            " Gold keys not scored, ignored: {}.",
            esc(&super::eval::ignored_keys(s))
        );
    }
    h.push_str("</p>\n");
    if let Some(t) = &s.text {
        let _ = write!(
            h,
            "<h3>Text ({} document(s) with a <code>.gt.txt</code>)</h3>",
            t.documents
        );
        text_table_head(h);
        text_row(h, "micro (pooled)", &t.micro);
        text_row(h, "macro (mean of documents)", &t.macro_);
        h.push_str("</table>\n");
    }
    if let Some(f) = &s.fields {
        let _ = write!(
            h,
            "<h3>Fields ({} document(s) with a <code>.gold.json</code>)</h3>",
            f.documents
        );
        h.push_str("<table><tr><th>field</th><th>tp</th><th>fp</th><th>fn</th><th>precision</th><th>recall</th><th>F1 micro</th><th>F1 macro</th></tr>");
        for (field, a) in &f.per_field {
            field_row(h, field.name(), &a.micro, Some(a.macro_f1));
            h.push_str("</tr>");
        }
        field_row(h, "all fields", &f.micro, Some(f.macro_f1));
        h.push_str("</tr>");
        h.push_str("</table>\n");
    }
}

fn text_table_head(h: &mut String) {
    h.push_str("<table><tr><th></th><th>CER input</th><th>CER repaired</th><th>reduction</th><th>WER input</th><th>WER repaired</th><th>reduction</th><th>fix rate</th><th>broken rate</th></tr>");
}

fn text_row(h: &mut String, label: &str, t: &TextAverages) {
    let _ = write!(
        h,
        "<tr><td>{}</td><td>{:.2}%</td><td>{:.2}%</td><td>{}</td><td>{:.2}%</td><td>{:.2}%</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        esc(label),
        t.input_cer * 100.0,
        t.output_cer * 100.0,
        pct(t.cer_reduction),
        t.input_wer * 100.0,
        t.output_wer * 100.0,
        pct(t.wer_reduction),
        pct(t.fix_rate),
        pct(t.broken_rate)
    );
}

/// The cells of a score row, left open so the caller can add its own cells before `</tr>`.
fn field_row(h: &mut String, label: &str, s: &FieldScore, macro_f1: Option<Option<f64>>) {
    let _ = write!(
        h,
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
        esc(label),
        s.tp,
        s.fp,
        s.fn_,
        pct(s.precision),
        pct(s.recall),
        pct(s.f1)
    );
    if let Some(m) = macro_f1 {
        let _ = write!(h, "<td>{}</td>", pct(m));
    }
}

fn floors(h: &mut String, checks: &[FloorCheck]) {
    if checks.is_empty() {
        return;
    }
    h.push_str("<h3>Floors</h3><table><tr><th>scope</th><th>metric</th><th>measured</th><th>floor</th><th>verdict</th></tr>");
    for c in checks {
        let measured = c
            .measured
            .map_or("not measured".to_string(), |m| format!("{m:.4}"));
        let (class, verdict) = if c.passed() {
            ("pass", "ok")
        } else {
            ("fail", "below floor")
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"l\">{}</td><td>{}</td><td>{:.4}</td><td class=\"{class}\">{verdict}</td></tr>",
            esc(&c.scope),
            esc(c.metric),
            measured,
            c.floor
        );
    }
    h.push_str("</table>\n");
}

fn document(h: &mut String, k: usize, d: &Evaluated) {
    let r = &d.record;
    let _ = writeln!(
        h,
        "<section id=\"doc-{k}\"><h2>{} <span class=\"muted\">{}</span></h2>",
        esc(&d.score.name),
        esc(&r.source)
    );
    if let Some(e) = &r.error {
        let _ = write!(h, "<p class=\"fail\">Not processed: {}</p>", esc(e));
    }
    if let Some(t) = &d.score.text {
        text_scores(h, t);
    }
    if let Some(fs) = &d.score.fields {
        h.push_str("<h3>Field scores</h3><table><tr><th>field</th><th>tp</th><th>fp</th><th>fn</th><th>precision</th><th>recall</th><th>F1</th><th>missed</th><th>spurious</th></tr>");
        for (field, s) in fs {
            field_row(h, field.name(), s, None);
            let _ = write!(
                h,
                "<td class=\"l\">{}</td><td class=\"l\">{}</td></tr>",
                esc(&s.missed.join(" · ")),
                esc(&s.spurious.join(" · "))
            );
        }
        h.push_str("</table>\n");
    }
    let applied = r.edits.iter().filter(|e| e.applied).count();
    let _ = write!(
        h,
        "<h3>Input and repaired text</h3><p class=\"legend\">{} edit(s): <mark class=\"applied\">applied ({applied})</mark><mark class=\"proposed\">proposed, not applied ({})</mark>in the input; <mark class=\"changed\">changed</mark><mark class=\"removed\">removed</mark>in the repaired text. Hover a mark for the rule and its confidence.</p>",
        r.edits.len(),
        r.edits.len() - applied
    );
    h.push_str("<div class=\"sxs\"><div class=\"pane\"><h3>Input</h3><pre>");
    input_pane(h, &d.input, &r.edits);
    h.push_str("</pre></div><div class=\"pane\"><h3>Repaired</h3><pre>");
    output_pane(h, &d.input, r);
    h.push_str("</pre></div></div>\n");
    extracted(h, r);
    h.push_str("</section>\n");
}

fn text_scores(h: &mut String, t: &TextScore) {
    h.push_str("<h3>Text scores</h3>");
    text_table_head(h);
    text_row(
        h,
        "this document",
        &TextAverages::micro(std::slice::from_ref(t)),
    );
    h.push_str("</table>");
    let _ = write!(
        h,
        "<p class=\"muted\">{} ground-truth characters, {} words; {} of {} wrong input words fixed, {} of {} right input words broken.</p>",
        t.gt_chars,
        t.gt_words,
        t.words_fixed,
        t.words_wrong_in_input,
        t.words_broken,
        t.words_right_in_input
    );
    if !t.confusions.is_empty() {
        h.push_str("<p>Remaining confusions (gt :: repaired): ");
        let items: Vec<String> = t
            .confusions
            .iter()
            .map(|c| {
                format!(
                    "<code>{}</code> :: <code>{}</code> ×{}",
                    esc_or_empty(&c.gt),
                    esc_or_empty(&c.output),
                    c.count
                )
            })
            .collect();
        h.push_str(&items.join(", "));
        h.push_str("</p>\n");
    }
}

/// One line per edit, for a `title` attribute.
fn describe(e: &Edit) -> String {
    format!(
        "{:?} · confidence {:.2} · {} · «{}» → «{}»",
        e.kind,
        e.confidence,
        if e.applied { "applied" } else { "not applied" },
        visible(&e.before),
        visible(&e.after)
    )
}

/// Whitespace and controls made visible inside a tooltip or on one line.
pub(crate) fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' => '⏎',
            '\x0c' => '␌',
            '\u{ad}' => '¬',
            ' ' => '␣',
            c => c,
        })
        .collect()
}

/// The input with every edit's span marked; nested or overlapping edits share a mark, whose
/// title lists them all. An insertion (empty span) is a caret at its position.
fn input_pane(h: &mut String, input: &str, edits: &[Edit]) {
    let chars: Vec<char> = input.chars().collect();
    let n = chars.len();
    // Clamp, so that an edit with offsets out of range (a bug elsewhere) cannot break the page.
    let spans: Vec<(usize, usize, &Edit)> = edits
        .iter()
        .map(|e| {
            let s = e.start.min(n);
            (s, e.end.clamp(s, n), e)
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, n];
    for &(s, e, _) in &spans {
        cuts.push(s);
        cuts.push(e);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].0, spans[i].1));
    let mut next = 0; // next edit (in `order`) not yet active
    let mut active: Vec<usize> = Vec::new();
    for w in cuts.windows(2) {
        let (p, q) = (w[0], w[1]);
        active.retain(|&i| spans[i].1 > p);
        while next < order.len() && spans[order[next]].0 <= p {
            let i = order[next];
            if spans[i].0 == spans[i].1 {
                caret(h, spans[i].2);
            } else if spans[i].1 > p {
                active.push(i);
            }
            next += 1;
        }
        let text: String = chars[p..q].iter().collect();
        if active.is_empty() {
            text_esc(h, &text);
        } else {
            let any_applied = active.iter().any(|&i| spans[i].2.applied);
            let title: Vec<String> = active.iter().map(|&i| describe(spans[i].2)).collect();
            let _ = write!(
                h,
                "<mark class=\"{}\" title=\"{}\">",
                if any_applied { "applied" } else { "proposed" },
                esc(&title.join("\n"))
            );
            text_esc(h, &text);
            h.push_str("</mark>");
        }
    }
    // Insertions at the very end.
    while next < order.len() {
        let i = order[next];
        if spans[i].0 == spans[i].1 {
            caret(h, spans[i].2);
        }
        next += 1;
    }
}

fn caret(h: &mut String, e: &Edit) {
    let _ = write!(
        h,
        "<mark class=\"{}\" title=\"{}\">‸</mark>",
        if e.applied { "applied" } else { "proposed" },
        esc(&describe(e))
    );
}

/// The repaired text with the regions that differ from the input marked; the title says what
/// the input had there and which edits touched it.
fn output_pane(h: &mut String, input: &str, r: &Record) {
    let al = Alignment::new(input, &r.text);
    let (mut i, mut j) = (0, 0);
    let mut k = 0;
    while k < al.char_ops.len() {
        if al.char_ops[k] == Op::Equal {
            let start = j;
            while k < al.char_ops.len() && al.char_ops[k] == Op::Equal {
                (i, j, k) = (i + 1, j + 1, k + 1);
            }
            text_esc(h, &al.b[start..j].iter().collect::<String>());
            continue;
        }
        let (i0, j0) = (i, j);
        while k < al.char_ops.len() && al.char_ops[k] != Op::Equal {
            i += usize::from(al.char_ops[k].consumes_a());
            j += usize::from(al.char_ops[k].consumes_b());
            k += 1;
        }
        let was: String = al.a[i0..i].iter().collect();
        let now: String = al.b[j0..j].iter().collect();
        let mut title = format!("input: «{}»", visible(&was));
        for e in r.edits.iter().filter(|e| touches(e, i0, i)) {
            title.push('\n');
            title.push_str(&describe(e));
        }
        if now.is_empty() {
            let _ = write!(
                h,
                "<mark class=\"removed\" title=\"{}\">⌫</mark>",
                esc(&title)
            );
        } else {
            let _ = write!(h, "<mark class=\"changed\" title=\"{}\">", esc(&title));
            text_esc(h, &now);
            h.push_str("</mark>");
        }
    }
}

/// Whether an edit's input span overlaps `[from, to)`; for an empty range or an empty edit,
/// whether they meet.
fn touches(e: &Edit, from: usize, to: usize) -> bool {
    if from == to || e.start == e.end {
        e.start <= to && e.end >= from
    } else {
        e.start < to && e.end > from
    }
}

/// The record's extracted fields, one list each.
fn extracted(h: &mut String, r: &Record) {
    h.push_str("<h3>Extracted fields</h3>");
    let amounts = r.amounts.iter().flatten().map(amount_item).collect();
    value_list(h, Field::Amounts.name(), amounts);
    let dates = r
        .dates
        .iter()
        .flatten()
        .map(|d| {
            let v = d.value.map(|v| v.to_string()).unwrap_or_else(|| "?".into());
            format!("{v} «{}»", d.text)
        })
        .collect();
    value_list(h, Field::Dates.name(), dates);
    let periods = r
        .periods
        .iter()
        .flatten()
        .map(|p| format!("{} – {} «{}»", p.from, p.to, p.text))
        .collect();
    value_list(h, "periods", periods);
    let villkor = r
        .villkor
        .iter()
        .flatten()
        .map(|v| format!("{}: {}", v.number, v.title))
        .collect();
    value_list(h, Field::Villkor.name(), villkor);
    let references = r
        .references
        .iter()
        .flatten()
        .map(|x| format!("{} {} «{}»", x.kind, x.value, x.text))
        .collect();
    value_list(h, Field::References.name(), references);
    let totals = r
        .totals
        .iter()
        .flatten()
        .map(|t| {
            format!(
                "{} stated, {} computed: {:?}",
                t.stated, t.computed, t.status
            )
        })
        .collect();
    value_list(h, Field::Totals.name(), totals);
}

/// One field's values as a list under its name and count.
fn value_list(h: &mut String, name: &str, items: Vec<String>) {
    let _ = write!(h, "<p><b>{}</b> ({})", esc(name), items.len());
    if items.is_empty() {
        h.push_str(" —</p>");
        return;
    }
    h.push_str("</p><ul class=\"vals\">");
    for it in items {
        let _ = write!(h, "<li>{}</li>", esc(&it));
    }
    h.push_str("</ul>");
}

/// An amount as listed: its value (or range), currency, text as written and table cell.
fn amount_item(a: &Amount) -> String {
    let value = match (a.value, a.min, a.max) {
        (Some(v), _, _) => v.to_string(),
        (None, min, max) => format!(
            "{}–{}",
            min.map(|m| m.to_string()).unwrap_or_default(),
            max.map(|m| m.to_string()).unwrap_or_default()
        ),
    };
    let cell = a
        .cell
        .as_ref()
        .map(|c| {
            format!(
                " [table {} row {} «{}» col {} «{}»]",
                c.table, c.row, c.label, c.column, c.header
            )
        })
        .unwrap_or_default();
    format!("{value} {} «{}»{cell}", a.currency, a.text)
}

/// Escapes text for an element or a quoted attribute.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

fn esc_or_empty(s: &str) -> String {
    if s.is_empty() {
        "∅".to_string()
    } else {
        esc(s)
    }
}

fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in HTML text; show their Unicode pictures.
            c if c.is_control() && c != '\n' && c != '\t' => out.push(
                char::from_u32(0x2400 + c as u32)
                    .filter(|_| (c as u32) < 0x20)
                    .unwrap_or('\u{fffd}'),
            ),
            c => out.push(c),
        }
    }
}

/// Text content of a `<pre>`: escaped, with a form feed shown as a page break.
fn text_esc(h: &mut String, s: &str) {
    let mut rest = s;
    while let Some(p) = rest.find('\x0c') {
        push_escaped(h, &rest[..p]);
        h.push_str("<span class=\"ctl\" title=\"page break\">␌</span>\n");
        rest = &rest[p + 1..];
    }
    push_escaped(h, rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{EvalReport, GoldFiles, evaluate};
    use crate::record::EditKind;

    fn edit(start: usize, end: usize, before: &str, after: &str, applied: bool) -> Edit {
        Edit {
            start,
            end,
            before: before.into(),
            after: after.into(),
            kind: EditKind::Digit,
            confidence: 0.75,
            applied,
        }
    }

    #[track_caller]
    fn assert_input_pane(input: &str, edits: &[Edit], expected: &str) {
        let mut h = String::new();
        input_pane(&mut h, input, edits);
        assert_eq!(h, expected);
    }

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(esc("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(esc("a\u{1}b\u{85}"), "a␁b\u{fffd}");
        assert_eq!(esc("plain åäö"), "plain åäö");
    }

    #[test]
    fn marks_applied_and_proposed_edits() {
        assert_input_pane(
            "f6r ir",
            &[
                edit(0, 3, "f6r", "för", true),
                edit(4, 6, "ir", "är", false),
            ],
            "<mark class=\"applied\" title=\"Digit · confidence 0.75 · applied · «f6r» → «för»\">f6r</mark> \
             <mark class=\"proposed\" title=\"Digit · confidence 0.75 · not applied · «ir» → «är»\">ir</mark>",
        );
        assert_input_pane("plain <text>", &[], "plain &lt;text&gt;");
    }

    #[test]
    fn overlapping_edits_share_a_mark_and_insertions_are_carets() {
        let mut h = String::new();
        input_pane(
            &mut h,
            "abcd",
            &[
                edit(0, 3, "abc", "x", false),
                edit(1, 2, "b", "y", true),
                edit(4, 4, "", "!", true),
            ],
        );
        // a | b (both edits, one applied) | c | d | caret at the end
        assert_eq!(h.matches("<mark").count(), 4);
        assert!(h.contains(
            "class=\"applied\" title=\"Digit · confidence 0.75 · not applied · «abc» → «x»\nDigit"
        ));
        assert!(h.ends_with("d<mark class=\"applied\" title=\"Digit · confidence 0.75 · applied · «» → «!»\">‸</mark>"));
        // Out-of-range offsets are clamped, not a panic.
        let mut h = String::new();
        input_pane(&mut h, "ab", &[edit(5, 9, "", "", true)]);
        assert!(h.starts_with("ab"));
    }

    #[test]
    fn output_pane_marks_changes_only() {
        let mut r = Record::error("x", "");
        r.text = "för <x>".into();
        let mut h = String::new();
        output_pane(&mut h, "f6r <x>", &r);
        assert_eq!(
            h,
            "f<mark class=\"changed\" title=\"input: «6»\">ö</mark>r &lt;x&gt;"
        );
        r.text = "för <x>".into();
        let mut h = String::new();
        output_pane(&mut h, "för <x>", &r);
        assert_eq!(h, "för &lt;x&gt;");
    }

    #[test]
    fn whole_report_is_self_contained_and_escaped() {
        let gold = GoldFiles {
            text: Some("Avtal för <2020>".into()),
            ..GoldFiles::default()
        };
        let d = evaluate(
            "a<b>.txt",
            "a<b>",
            "Avtal f6r <2020>\x0c".as_bytes(),
            &gold,
            &Default::default(),
        );
        let report = EvalReport::new(vec![d.score.clone()]);
        let html = render(&report, &[d], &[]);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(!html.contains("<2020>") && html.contains("&lt;2020&gt;"));
        assert!(!html.contains("a<b>"));
        assert!(
            !html.contains("http://") && !html.contains("https://") && !html.contains("<script")
        );
        assert!(html.contains("␌"));
    }
}
