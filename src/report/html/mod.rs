//! The HTML evaluation report: one self-contained file for people who want to see what was changed.
//!
//! In: the evaluated documents ([`Evaluated`]: decoded input, record, scores), the corpus
//! [`EvalReport`] and, optionally, the floor verdicts.
//! Out: one HTML document as a `String`: the corpus summary, the floors, a table of the documents
//! linking to them, then one collapsible `<details>` section per document: its scores (missed and
//! spurious items in reading order), the input, the repaired text and, when there is a `.gt.txt`,
//! the ground truth side by side, every edit highlighted (applied and merely proposed, the rule and
//! the confidence in the `title`; line joins and other layout edits quietly), the fields marked in
//! the repaired text (found, spurious, missed where they are probably written: `fields.rs`) and
//! the extracted values, money written the Swedish way (`944 000 000 kr`).
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
use crate::record::{Amount, Edit, EditKind, Record};

mod fields;

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
.sxs.gt{grid-template-columns:1fr 1fr 1fr}
mark.layout{background:none;border:0;padding:0}
mark.remaining{background:#ffe3c2;border-bottom:2px solid #e65100}
mark.found{background:#e3f2e5;border-bottom:2px solid #2e7d32}
mark.spurious{background:#ffd6d6;outline:1px solid #b00020}
mark.missed{background:#fff;outline:2px dashed #b00020}
mark.extracted{background:#eceff1}
span.lk{border-bottom:1px dotted #6a1b9a}
details.doc{margin:1em 0;background:#fff;border:1px solid #ccc;padding:.2em .8em}
details.doc>summary{cursor:pointer;font-size:1.1em;padding:.3em 0}
details.doc[open]>summary{border-bottom:1px solid #ccc;margin-bottom:.5em}
table.docs td.bad{color:#b00020;font-weight:600}
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
        documents_table(&mut h, docs);
    }
    for (k, d) in docs.iter().enumerate() {
        document(&mut h, k, d, docs.len() == 1);
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

/// What one document's row and `<summary>` show: CER and WER in → out, fields F1, the counts of
/// missed and spurious items, the edits.
struct Glance {
    cer: String,
    wer: String,
    f1: String,
    missed: usize,
    spurious: usize,
    applied: usize,
    proposed: usize,
}

impl Glance {
    fn new(d: &Evaluated) -> Glance {
        let (cer, wer) = d.score.text.as_ref().map_or_else(
            || ("–".to_string(), "–".to_string()),
            |t| {
                let a = TextAverages::micro(std::slice::from_ref(t));
                (
                    format!("{:.2}% → {:.2}%", a.input_cer * 100.0, a.output_cer * 100.0),
                    format!("{:.2}% → {:.2}%", a.input_wer * 100.0, a.output_wer * 100.0),
                )
            },
        );
        let scores = d.score.fields.iter().flat_map(|f| f.values());
        let (missed, spurious) = scores.fold((0, 0), |(m, s), f| (m + f.fn_, s + f.fp));
        let applied = d.record.edits.iter().filter(|e| e.applied).count();
        Glance {
            cer,
            wer,
            f1: if d.score.fields.is_some() {
                pct(d.score.metrics.fields_micro_f1)
            } else {
                "–".to_string()
            },
            missed,
            spurious,
            applied,
            proposed: d.record.edits.len() - applied,
        }
    }
}

/// The table of all documents, each row linking to its section.
fn documents_table(h: &mut String, docs: &[Evaluated]) {
    // Text columns only when some document has a ground truth: a column of dashes says nothing.
    let text = docs.iter().any(|d| d.score.text.is_some());
    h.push_str("<h3>Documents</h3><table class=\"docs\"><tr><th>document</th>");
    if text {
        h.push_str("<th>CER input → repaired</th><th>WER input → repaired</th>");
    }
    h.push_str("<th>fields F1</th><th>missed</th><th>spurious</th><th>edits applied</th><th>proposed</th></tr>");
    for (k, d) in docs.iter().enumerate() {
        let g = Glance::new(d);
        let bad = |n: usize| if n > 0 { " class=\"bad\"" } else { "" };
        let _ = write!(
            h,
            "<tr><td><a href=\"#doc-{k}\">{}</a></td>",
            esc(&d.score.name)
        );
        if text {
            let _ = write!(h, "<td>{}</td><td>{}</td>", g.cer, g.wer);
        }
        let _ = write!(
            h,
            "<td>{}</td><td{}>{}</td><td{}>{}</td><td>{}</td><td>{}</td></tr>",
            g.f1,
            bad(g.missed),
            g.missed,
            bad(g.spurious),
            g.spurious,
            g.applied,
            g.proposed
        );
    }
    h.push_str("</table>\n");
}

/// One document as a collapsible section; the anchor the table links to is inside it, so
/// following the link opens the section.
fn document(h: &mut String, k: usize, d: &Evaluated, open: bool) {
    let r = &d.record;
    let g = Glance::new(d);
    let _ = writeln!(
        h,
        "<details class=\"doc\"{}><summary><b>{}</b> <span class=\"muted\">{}{} · fields F1 {} · {} missed, {} spurious · {} edit(s) applied, {} proposed</span></summary><div id=\"doc-{k}\"></div>",
        if open { " open" } else { "" },
        esc(&d.score.name),
        esc(&r.source),
        if d.score.text.is_some() {
            format!(" · CER {}", g.cer)
        } else {
            String::new()
        },
        g.f1,
        g.missed,
        g.spurious,
        g.applied,
        g.proposed
    );
    if let Some(e) = &r.error {
        let _ = write!(h, "<p class=\"fail\">Not processed: {}</p>", esc(e));
    }
    if let Some(t) = &d.score.text {
        text_scores(h, t);
    }
    if let Some(fs) = &d.score.fields {
        h.push_str("<h3>Field scores</h3><table><tr><th>field</th><th>tp</th><th>fp</th><th>fn</th><th>precision</th><th>recall</th><th>F1</th><th>missed (reading order)</th><th>spurious (reading order)</th></tr>");
        for (field, s) in fs {
            field_row(h, field.name(), s, None);
            let (missed, spurious) = fields::ordered(d, *field, s);
            let shown = |keys: Vec<String>| {
                let v: Vec<String> = keys.iter().map(|k| fields::shown_key(*field, k)).collect();
                esc(&v.join(" · "))
            };
            let _ = write!(
                h,
                "<td class=\"l\">{}</td><td class=\"l\">{}</td></tr>",
                shown(missed),
                shown(spurious)
            );
        }
        h.push_str("</table>\n");
        if !d.score.ignored.is_empty() {
            let _ = write!(
                h,
                "<p class=\"muted\">Gold keys not scored, ignored: {}.</p>",
                esc(&d.score.ignored.join(", "))
            );
        }
    }
    let gt = d.gold.text.as_deref();
    let _ = write!(
        h,
        "<h3>Input, repaired text{}</h3><p class=\"legend\">{} edit(s): <mark class=\"applied\">applied ({})</mark><mark class=\"proposed\">proposed, not applied ({})</mark>in the input (line joins and other layout edits are not coloured; hover for them); <mark class=\"changed\">changed</mark><mark class=\"removed\">removed</mark>in the repaired text{}. Hover a mark for the rule and its confidence.</p>",
        if gt.is_some() {
            " and ground truth"
        } else {
            ""
        },
        r.edits.len(),
        g.applied,
        g.proposed,
        if gt.is_some() {
            "; <mark class=\"remaining\">still different</mark> in the ground truth"
        } else {
            ""
        }
    );
    let _ = write!(
        h,
        "<div class=\"sxs{}\"><div class=\"pane\"><h3>Input</h3><pre>",
        if gt.is_some() { " gt" } else { "" }
    );
    input_pane(h, &d.input, &r.edits);
    h.push_str("</pre></div><div class=\"pane\"><h3>Repaired</h3><pre>");
    diff_pane(h, &d.input, &r.text, &r.edits, "input", "changed");
    if let Some(gt) = gt {
        h.push_str("</pre></div><div class=\"pane\"><h3>Ground truth</h3><pre>");
        diff_pane(h, &r.text, gt, &[], "repaired", "remaining");
    }
    h.push_str("</pre></div></div>\n");
    fields_pane(h, k, d);
    extracted(h, r);
    h.push_str("</details>\n");
}

/// The repaired text with the fields marked: found, spurious, and missed where probably written;
/// hovering a linked amount or date lights up what it is linked to. `k` is the document's number
/// in the report, which keeps the link ids of different documents apart.
fn fields_pane(h: &mut String, k: usize, d: &Evaluated) {
    if d.score.fields.is_none() {
        return;
    }
    let (regions, unplaced) = fields::regions(d);
    let linked = fields::link_marks(&d.record);
    let _ = write!(h, "<h3 id=\"fields-{k}\">Fields in the repaired text</h3>");
    h.push_str("<p class=\"legend\"><mark class=\"found\">in the gold</mark><mark class=\"spurious\">spurious</mark><mark class=\"missed\">missed, probably written here</mark><mark class=\"extracted\">extracted, not scored here</mark>Hover a mark for the value");
    if linked.is_empty() {
        h.push_str(".</p>");
    } else {
        // The hover needs no script: one rule per linked item, lighting up the words whose
        // `data-w` (linked words) or `data-c` (the words that make the link) name it while a
        // mark whose `data-l` names it is under the pointer.
        h.push_str("; hover an amount or a date for what it is linked to: <span class=\"lk\">recipient, period, purpose, what a date is of</span> light up, the words that make each link are outlined.</p><style>");
        for i in 0..linked.len() {
            let id = format!("d{k}l{i}");
            let _ = write!(
                h,
                "pre:has([data-l~={id}]:hover) [data-w~={id}]{{background:#ead7f7;outline:2px solid #6a1b9a}}\
                 pre:has([data-l~={id}]:hover) [data-c~={id}]{{outline:1px dashed #6a1b9a}}"
            );
        }
        h.push_str("</style>");
    }
    h.push_str("<div class=\"pane\"><pre>");
    let chars: Vec<char> = d.record.text.chars().collect();
    let n = chars.len();
    // The linked items and their words, as (start, end, role, item), cut at every boundary of
    // a mark or of a link so that each piece of text has one set of each.
    #[derive(Clone, Copy, PartialEq)]
    enum Role {
        Item,
        Word,
        Cue,
    }
    let mut spans: Vec<(usize, usize, Role, usize)> = Vec::new();
    for (i, l) in linked.iter().enumerate() {
        spans.push((l.start, l.end, Role::Item, i));
        spans.extend(l.words.iter().map(|&(s, e)| (s, e, Role::Word, i)));
        spans.extend(l.cues.iter().map(|&(s, e)| (s, e, Role::Cue, i)));
    }
    spans.retain_mut(|s| {
        s.1 = s.1.min(n);
        s.0 < s.1
    });
    spans.sort_by_key(|s| s.0);
    let mut cuts: Vec<usize> = vec![0, n];
    cuts.extend(regions.iter().flat_map(|r| [r.start.min(n), r.end.min(n)]));
    cuts.extend(spans.iter().flat_map(|s| [s.0, s.1]));
    cuts.sort_unstable();
    cuts.dedup();
    let (mut next, mut region) = (0, 0);
    let mut active: Vec<(usize, usize, Role, usize)> = Vec::new();
    for w in cuts.windows(2) {
        let (p, q) = (w[0], w[1]);
        while next < spans.len() && spans[next].0 <= p {
            active.push(spans[next]);
            next += 1;
        }
        active.retain(|s| s.1 > p);
        while region < regions.len() && regions[region].end <= p {
            region += 1;
        }
        let mark = regions.get(region).filter(|r| r.start <= p);
        let ids = |role: Role| {
            let mut ids: Vec<usize> = active.iter().filter(|s| s.2 == role).map(|s| s.3).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.iter()
                .map(|i| format!("d{k}l{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (items, words, cues) = (ids(Role::Item), ids(Role::Word), ids(Role::Cue));
        let linking = !words.is_empty() || !cues.is_empty();
        if linking {
            h.push_str("<span class=\"lk\"");
            for (attr, ids) in [("data-w", &words), ("data-c", &cues)] {
                if !ids.is_empty() {
                    let _ = write!(h, " {attr}=\"{ids}\"");
                }
            }
            h.push('>');
        }
        let data_l = if items.is_empty() {
            String::new()
        } else {
            format!(" data-l=\"{items}\"")
        };
        match mark {
            Some(r) => {
                let _ = write!(
                    h,
                    "<mark class=\"{}\" title=\"{}\"{data_l}>",
                    r.class,
                    esc(&r.title)
                );
            }
            None if !data_l.is_empty() => {
                let _ = write!(h, "<span{data_l}>");
            }
            None => {}
        }
        text_esc(h, &chars[p..q].iter().collect::<String>());
        match mark {
            Some(_) => h.push_str("</mark>"),
            None if !data_l.is_empty() => h.push_str("</span>"),
            None => {}
        }
        if linking {
            h.push_str("</span>");
        }
    }
    h.push_str("</pre></div>");
    if !unplaced.is_empty() {
        let _ = write!(
            h,
            "<p>Missed, not placed in the text: {}</p>",
            esc(&unplaced.join(" · "))
        );
    }
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
            let edits: Vec<&Edit> = active.iter().map(|&i| spans[i].2).collect();
            let title: Vec<String> = edits.iter().map(|e| describe(e)).collect();
            let _ = write!(
                h,
                "<mark class=\"{}\" title=\"{}\">",
                mark_class(&edits),
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
    if is_layout(e.kind) {
        return; // an inserted space or line break: nothing a reviewer needs to see
    }
    let _ = write!(
        h,
        "<mark class=\"{}\" title=\"{}\">‸</mark>",
        mark_class(&[e]),
        esc(&describe(e))
    );
}

/// Edits that only rejoin or normalise the layout (line-end hyphens, unwrapped lines, line ends,
/// soft hyphens, NFC, ligatures): shown quietly, since they are many and change no word.
fn is_layout(kind: EditKind) -> bool {
    matches!(
        kind,
        EditKind::Hyphenation
            | EditKind::Unwrap
            | EditKind::Newline
            | EditKind::SoftHyphen
            | EditKind::Nfc
            | EditKind::Ligature
    )
}

/// The class of a mark over these edits: quiet when all are layout, else applied when any word
/// edit is.
fn mark_class(edits: &[&Edit]) -> &'static str {
    if edits.iter().all(|e| is_layout(e.kind)) {
        "layout"
    } else if edits.iter().any(|e| e.applied && !is_layout(e.kind)) {
        "applied"
    } else {
        "proposed"
    }
}

/// Whether a changed stretch only moved line breaks and hyphens (`-⏎` → ``, `⏎` → ` `).
fn layout_only(was: &str, now: &str) -> bool {
    let quiet = |s: &str| {
        s.chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '\u{ad}'))
    };
    quiet(was) && quiet(now)
}

/// `to` with the stretches that differ from `from` marked with `class`; the title says what `from`
/// (named `from_name`) had there and which of `edits` (input offsets) touched it. Stretches that
/// only moved line breaks and hyphens are left unmarked.
fn diff_pane(h: &mut String, from: &str, to: &str, edits: &[Edit], from_name: &str, class: &str) {
    let al = Alignment::new(from, to);
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
        if layout_only(&was, &now) {
            text_esc(h, &now);
            continue;
        }
        let mut title = format!("{from_name}: «{}»", visible(&was));
        for e in edits.iter().filter(|e| touches(e, i0, i)) {
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
            // White space at the ends of a change is a line join next to it: left unmarked, so
            // that it is not drawn as a stray underline.
            let core = now.trim_matches(char::is_whitespace);
            let lead = now.len() - now.trim_start_matches(char::is_whitespace).len();
            let core = if core.is_empty() { now.as_str() } else { core };
            let lead = if core.len() == now.len() { 0 } else { lead };
            text_esc(h, &now[..lead]);
            let _ = write!(h, "<mark class=\"{class}\" title=\"{}\">", esc(&title));
            text_esc(h, core);
            h.push_str("</mark>");
            text_esc(h, &now[lead + core.len()..]);
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
                fields::money(t.stated, "SEK"),
                fields::money(t.computed, "SEK"),
                t.status
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
        (Some(v), _, _) => fields::money(v, &a.currency),
        (None, min, max) => format!(
            "{} – {}",
            min.map(|m| fields::money(m, &a.currency))
                .unwrap_or_default(),
            max.map(|m| fields::money(m, &a.currency))
                .unwrap_or_default()
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
    format!("{value} «{}»{cell}", a.text)
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
                Edit::digit(0, 3, "f6r", "för", true),
                Edit::digit(4, 6, "ir", "är", false),
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
                Edit::digit(0, 3, "abc", "x", false),
                Edit::digit(1, 2, "b", "y", true),
                Edit::digit(4, 4, "", "!", true),
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
        input_pane(&mut h, "ab", &[Edit::digit(5, 9, "", "", true)]);
        assert!(h.starts_with("ab"));
    }

    #[track_caller]
    fn assert_diff_pane(from: &str, to: &str, expected: &str) {
        let mut h = String::new();
        diff_pane(&mut h, from, to, &[], "input", "changed");
        assert_eq!(h, expected);
    }

    #[test]
    fn diff_pane_marks_changes_only_and_layout_quietly() {
        assert_diff_pane(
            "f6r <x>",
            "för <x>",
            "f<mark class=\"changed\" title=\"input: «6»\">ö</mark>r &lt;x&gt;",
        );
        assert_diff_pane("för <x>", "för <x>", "för &lt;x&gt;");
        // A joined line-end hyphen and an unwrapped line: no mark, no stray underline.
        assert_diff_pane(
            "rehabili-\nteringen gäller\nalla",
            "rehabiliteringen gäller alla",
            "rehabiliteringen gäller alla",
        );
        // A change next to a line join marks the letters, not the space.
        assert_diff_pane(
            "enligt\n6verens",
            "enligt överens",
            "enligt <mark class=\"changed\" title=\"input: «⏎6»\">ö</mark>verens",
        );
        // A removed word is still shown.
        assert!(!layout_only("x", "") && layout_only("-\n", ""));
        let mut h = String::new();
        diff_pane(&mut h, "a b c", "a c", &[], "input", "changed");
        assert!(h.contains("class=\"removed\""), "{h}");
    }

    #[test]
    fn layout_edits_are_quiet_in_the_input_pane() {
        let mut unwrap = Edit::digit(1, 2, "\n", " ", true);
        unwrap.kind = EditKind::Unwrap;
        let mut h = String::new();
        input_pane(
            &mut h,
            "a\nf6r",
            &[unwrap.clone(), Edit::digit(2, 5, "f6r", "för", true)],
        );
        assert!(
            h.starts_with("a<mark class=\"layout\" title=\"Unwrap"),
            "{h}"
        );
        assert!(h.contains("<mark class=\"applied\""), "{h}");
        // A layout edit inside a word edit: the word edit decides the colour.
        assert_eq!(
            mark_class(&[&unwrap, &Edit::digit(0, 1, "a", "b", false)]),
            "proposed"
        );
        let mut insert = Edit::digit(1, 1, "", " ", true);
        insert.kind = EditKind::Unwrap;
        let mut h = String::new();
        input_pane(&mut h, "ab", &[insert]);
        assert_eq!(h, "ab");
    }

    /// One document through the pipeline, with a gold extraction and a ground truth.
    fn evaluated(input: &str, gold_json: &str, gt: &str) -> Evaluated {
        let mut gold = GoldFiles {
            text: Some(gt.into()),
            ..GoldFiles::default()
        };
        gold.set_fields(gold_json).unwrap();
        evaluate("d.txt", "d", input.as_bytes(), &gold, &Default::default())
    }

    #[test]
    fn documents_are_collapsible_sections_linked_from_a_summary_table() {
        let a = evaluated(
            "Staten ger 944 miljoner kronor f6r 2020.\n",
            r#"{"amounts": [944000000]}"#,
            "Staten ger 944 miljoner kronor för 2020.\n",
        );
        let b = evaluated(
            "Avtalet ir klart.\n",
            r#"{"amounts": [5000]}"#,
            "Avtalet är klart.\n",
        );
        let report = EvalReport::new(vec![a.score.clone(), b.score.clone()]);
        let html = render(&report, &[a, b], &[]);
        assert!(html.contains("<table class=\"docs\">"));
        for k in 0..2 {
            assert!(html.contains(&format!("<td><a href=\"#doc-{k}\">d</a></td>")));
            assert!(html.contains(&format!("</summary><div id=\"doc-{k}\"></div>")));
        }
        assert_eq!(html.matches("<details class=\"doc\">").count(), 2);
        assert_eq!(html.matches("</details>").count(), 2);
        // The second document missed its amount: the table and its summary say so.
        assert!(html.contains("<td class=\"bad\">1</td>"));
        assert!(html.contains("· 1 missed, 0 spurious ·"));
        // Ground truth is a third pane.
        assert_eq!(html.matches("<h3>Ground truth</h3>").count(), 2);
        assert!(html.contains("<div class=\"sxs gt\">"));
    }

    #[test]
    fn fields_are_marked_in_the_text_and_money_is_swedish() {
        let d = evaluated(
            "Staten ger 944 miljoner kronor och 3 miljoner kronor. Beslut den 11 december 2020.\n",
            r#"{"amounts": [944000000, 7000000], "dates": ["2020-12-11"], "notes": "x"}"#,
            "Staten ger 944 miljoner kronor och 7 miljoner kronor. Beslut den 11 december 2020.\n",
        );
        let report = EvalReport::new(vec![d.score.clone()]);
        let html = render(&report, &[d], &[]);
        assert!(html.contains("<mark class=\"found\" title=\"amount 944\u{a0}000\u{a0}000\u{a0}kr — in the gold\">944 miljoner kronor</mark>"), "{html}");
        assert!(html.contains("<mark class=\"spurious\" title=\"amount 3\u{a0}000\u{a0}000\u{a0}kr — spurious: not in the gold\">3 miljoner kronor</mark>"));
        // The date is the date of the decision: hovering it lights up `Beslut`.
        assert!(html.contains(
            "<mark class=\"found\" title=\"date 2020-12-11, the date of «Beslut» — in the gold\" data-l=\"d0l0\">11 december 2020</mark>"
        ), "{html}");
        assert!(html.contains("<span class=\"lk\" data-w=\"d0l0\">Beslut</span>"));
        // 7 miljoner is not written in this text: listed, not placed.
        assert!(
            html.contains("Missed, not placed in the text: amounts: 7\u{a0}000\u{a0}000\u{a0}kr")
        );
        assert!(html.contains("<td class=\"l\">7\u{a0}000\u{a0}000\u{a0}kr</td><td class=\"l\">3\u{a0}000\u{a0}000\u{a0}kr</td>"));
        assert!(html.contains("Gold keys not scored, ignored: notes."));
        // Exactly one document: its section is open.
        assert!(html.contains("<details class=\"doc\" open>"));
    }

    #[test]
    fn a_missed_amount_is_marked_where_it_is_written() {
        let d = evaluated(
            "Bidraget är 5 000 kr enligt tabellen.\n",
            r#"{"amounts": [5000]}"#,
            "Bidraget är 5 000 kr enligt tabellen.\n",
        );
        // Whether or not the extractor finds it, the mark is found or missed at the figure.
        let mut h = String::new();
        fields_pane(&mut h, 0, &d);
        assert!(h.contains("5 000"), "{h}");
        let mut d = d;
        d.record.amounts = Some(vec![]);
        d.score = crate::eval::score_document("d", &d.input, &d.record, &d.gold);
        let mut h = String::new();
        fields_pane(&mut h, 0, &d);
        assert!(h.contains("<mark class=\"missed\" title=\"missed amounts: 5\u{a0}000\u{a0}kr — probably written here\">5 000</mark> kr"), "{h}");
    }

    #[test]
    fn hovering_a_linked_amount_lights_up_its_recipient_and_period() {
        let text = "Regeringen avsätter 5 miljoner kronor till Kammarkollegiet för 2021.\n";
        let d = evaluated(text, r#"{"amounts": [5000000]}"#, text);
        let amount = &d.record.amounts.as_ref().unwrap()[0];
        let links = amount
            .links
            .as_ref()
            .expect("the sentence states both links");
        let (recipient, period) = (
            links.recipient.as_ref().unwrap(),
            links.period.as_ref().unwrap(),
        );
        assert_eq!(
            (recipient.text.as_str(), period.text.as_str()),
            ("Kammarkollegiet", "2021")
        );

        let mut h = String::new();
        fields_pane(&mut h, 3, &d);
        // The amount's mark names the item; its words and cues name it back; a rule joins them.
        assert!(
            h.contains("data-l=\"d3l0\">5 miljoner kronor</mark>"),
            "{h}"
        );
        assert!(
            h.contains("<span class=\"lk\" data-w=\"d3l0\">Kammarkollegiet</span>"),
            "{h}"
        );
        assert!(
            h.contains("<span class=\"lk\" data-w=\"d3l0\">2021</span>"),
            "{h}"
        );
        assert!(
            h.contains("<span class=\"lk\" data-c=\"d3l0\">till</span>"),
            "{h}"
        );
        assert!(
            h.contains("pre:has([data-l~=d3l0]:hover) [data-w~=d3l0]"),
            "{h}"
        );
        assert!(h.contains(
            "amount 5\u{a0}000\u{a0}000\u{a0}kr, → «Kammarkollegiet», for «2021» (2021-01-01 – 2021-12-31)"
        ), "{h}");
        // The text reads as before once the markup is taken out.
        let inner = &h[h.find("<pre>").unwrap() + 5..h.find("</pre>").unwrap()];
        let bare = regex::Regex::new("<[^>]*>").unwrap().replace_all(inner, "");
        assert_eq!(bare, text);

        // Without links: no rules, no link spans.
        let plain = evaluated("Bidraget är 5 000 kr.\n", r#"{"amounts": [5000]}"#, "x");
        let mut h = String::new();
        fields_pane(&mut h, 0, &plain);
        assert!(!h.contains("<style>") && !h.contains("data-l=") && !h.contains("class=\"lk\""));
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
