//! The evaluation report as JUnit XML (`svocr eval --format junit`), the test report format GitLab,
//! Jenkins, Azure Pipelines and most CI systems show natively.
//!
//! In: an [`EvalReport`] and the floor verdicts. Out: one XML document: `<testsuites>` holding a
//! `<testsuite>` per document and one named `floors`.
//! - A document's suite has a test case per scored field, which fails when anything was missed or
//!   is spurious; its `<failure>` lists both, value by value. With a `.gt.txt` there is a `text`
//!   case too, which carries CER/WER in `<system-out>` and does not fail on its own (a text has no
//!   natural pass mark; floors give it one). A document without gold has one skipped case.
//! - The `floors` suite has a case per floor, failing when the score is under it: the same
//!   verdicts that set the exit code.
//!
//! Every attribute and text is escaped; characters XML 1.0 does not allow (controls) are shown as
//! their Unicode pictures. It deliberately writes no timings or host names, so the output is
//! deterministic.

use std::fmt::Write as _;

use super::eval::pct;
use super::html::esc;
use crate::eval::{DocumentScore, EvalReport, FloorCheck, TextAverages};

/// One test case before it is written.
struct Case {
    name: String,
    failure: Option<(String, String)>,
    skipped: Option<String>,
    out: Option<String>,
}

impl Case {
    fn new(name: &str) -> Case {
        Case {
            name: name.to_string(),
            failure: None,
            skipped: None,
            out: None,
        }
    }
}

/// Renders the whole report.
pub fn render(report: &EvalReport, checks: &[FloorCheck]) -> String {
    let mut suites: Vec<(String, Vec<Case>)> = report
        .documents
        .iter()
        .map(|d| (d.name.clone(), document_cases(d)))
        .collect();
    if !checks.is_empty() {
        suites.push((
            "floors".to_string(),
            checks.iter().map(floor_case).collect(),
        ));
    }
    let count = |cases: &[Case], f: fn(&Case) -> bool| cases.iter().filter(|c| f(c)).count();
    let all: Vec<&Case> = suites.iter().flat_map(|(_, c)| c).collect();
    let failures = all.iter().filter(|c| c.failure.is_some()).count();
    let skipped = all.iter().filter(|c| c.skipped.is_some()).count();

    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        x,
        "<testsuites name=\"svocr eval\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">",
        all.len()
    );
    for (name, cases) in &suites {
        let _ = writeln!(
            x,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
            esc(name),
            cases.len(),
            count(cases, |c| c.failure.is_some()),
            count(cases, |c| c.skipped.is_some())
        );
        for c in cases {
            let _ = write!(
                x,
                "    <testcase classname=\"svocr.eval.{}\" name=\"{}\"",
                esc(name),
                esc(&c.name)
            );
            if c.failure.is_none() && c.skipped.is_none() && c.out.is_none() {
                x.push_str("/>\n");
                continue;
            }
            x.push_str(">\n");
            if let Some((message, body)) = &c.failure {
                let _ = writeln!(
                    x,
                    "      <failure message=\"{}\" type=\"accuracy\">{}</failure>",
                    esc(message),
                    esc(body)
                );
            }
            if let Some(message) = &c.skipped {
                let _ = writeln!(x, "      <skipped message=\"{}\"/>", esc(message));
            }
            if let Some(out) = &c.out {
                let _ = writeln!(x, "      <system-out>{}</system-out>", esc(out));
            }
            x.push_str("    </testcase>\n");
        }
        x.push_str("  </testsuite>\n");
    }
    x.push_str("</testsuites>\n");
    x
}

/// A document's cases: `text`, then one per scored field; one skipped case without gold.
fn document_cases(d: &DocumentScore) -> Vec<Case> {
    let mut cases = Vec::new();
    if let Some(t) = &d.text {
        let a = TextAverages::micro(std::slice::from_ref(t));
        let mut c = Case::new("text");
        c.out = Some(format!(
            "CER {:.2}% -> {:.2}%, WER {:.2}% -> {:.2}%; {} of {} wrong input words fixed, {} of {} right input words broken",
            a.input_cer * 100.0,
            a.output_cer * 100.0,
            a.input_wer * 100.0,
            a.output_wer * 100.0,
            t.words_fixed,
            t.words_wrong_in_input,
            t.words_broken,
            t.words_right_in_input
        ));
        cases.push(c);
    }
    for (field, s) in d.fields.iter().flatten() {
        let mut c = Case::new(field.name());
        let scores = format!(
            "P {} R {} F1 {} (tp {}, fp {}, fn {})",
            pct(s.precision),
            pct(s.recall),
            pct(s.f1),
            s.tp,
            s.fp,
            s.fn_
        );
        if s.missed.is_empty() && s.spurious.is_empty() {
            c.out = Some(scores);
        } else {
            let message = format!("{} missed, {} spurious; {scores}", s.fn_, s.fp);
            let mut body = String::new();
            for (label, items) in [("missed", &s.missed), ("spurious", &s.spurious)] {
                if !items.is_empty() {
                    let _ = writeln!(body, "{label} ({}):", items.len());
                    for it in items {
                        let _ = writeln!(body, "  {it}");
                    }
                }
            }
            c.failure = Some((message, body));
        }
        cases.push(c);
    }
    if !d.ignored.is_empty()
        && let Some(c) = cases.last_mut()
    {
        let note = format!("gold keys not scored, ignored: {}", d.ignored.join(", "));
        c.out = Some(
            c.out
                .take()
                .map_or(note.clone(), |o| format!("{o}\n{note}")),
        );
    }
    if cases.is_empty() {
        let mut c = Case::new("gold");
        c.skipped = Some(format!("no gold found for {}", d.source));
        cases.push(c);
    }
    cases
}

fn floor_case(check: &FloorCheck) -> Case {
    let mut c = Case::new(&format!("{}: {}", check.scope, check.metric));
    if check.passed() {
        c.out = Some(check.to_string());
    } else {
        c.failure = Some((check.to_string(), String::new()));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Floors, GoldFiles, evaluate};

    /// The elements JUnit readers accept (the common Jenkins/Surefire XSD shape), each with its
    /// allowed parent and required attributes.
    const SHAPE: &[(&str, &str, &[&str])] = &[
        (
            "testsuites",
            "",
            &["name", "tests", "failures", "errors", "skipped"],
        ),
        (
            "testsuite",
            "testsuites",
            &["name", "tests", "failures", "errors", "skipped"],
        ),
        ("testcase", "testsuite", &["classname", "name"]),
        ("failure", "testcase", &["message", "type"]),
        ("skipped", "testcase", &["message"]),
        ("system-out", "testcase", &[]),
    ];

    /// Checks `xml` against [`SHAPE`]: well nested, only known elements under their parents, the
    /// required attributes present, no raw `<`/`&` in text or attribute values, and the counts
    /// of each suite agree with its cases. Returns the number of test cases.
    #[track_caller]
    fn assert_junit_shape(xml: &str) -> usize {
        let body = xml
            .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .expect("XML declaration");
        let mut stack: Vec<&str> = Vec::new();
        let mut cases = 0;
        let mut rest = body;
        while let Some(open) = rest.find('<') {
            let text = &rest[..open];
            assert!(!text.contains('>'), "raw > in text: {text:?}");
            assert_entities(text);
            let close = rest[open..].find('>').expect("tag closed") + open;
            let tag = &rest[open + 1..close];
            rest = &rest[close + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop(), Some(name), "closing tag");
                continue;
            }
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let (name, attrs) = tag.split_once(' ').unwrap_or((tag, ""));
            let (_, parent, required) = SHAPE
                .iter()
                .find(|(n, _, _)| *n == name)
                .unwrap_or_else(|| panic!("unknown element {name}"));
            assert_eq!(stack.last().copied().unwrap_or(""), *parent, "{name}");
            for a in *required {
                assert!(
                    attrs.contains(&format!(" {a}=\"")) || attrs.starts_with(&format!("{a}=\"")),
                    "{name} lacks {a}"
                );
            }
            assert!(!attrs.contains('<'), "raw < in attributes");
            assert_entities(attrs);
            assert_eq!(attrs.matches('"').count() % 2, 0, "quotes balanced");
            cases += usize::from(name == "testcase");
            if !self_closing {
                stack.push(name);
            }
        }
        assert!(stack.is_empty() && rest.trim().is_empty(), "{stack:?}");
        cases
    }

    #[track_caller]
    fn assert_entities(s: &str) {
        for (i, _) in s.match_indices('&') {
            let e = &s[i..s[i..].find(';').map_or(s.len(), |j| i + j + 1)];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains(&e),
                "bad entity {e:?}"
            );
        }
    }

    fn report(gold: &str, text: &str) -> (EvalReport, Vec<FloorCheck>) {
        let mut g = GoldFiles::default();
        g.set_fields(gold).unwrap();
        let d = evaluate("d<1>.txt", "d<1>", text.as_bytes(), &g, &Default::default());
        let none = evaluate(
            "x.txt",
            "x",
            b"",
            &GoldFiles::default(),
            &Default::default(),
        );
        let report = EvalReport::new(vec![d.score, none.score]);
        let floors = Floors::from_json(r#"{"corpus": {"amounts_f1": 1.0, "dates_f1": 0.0}}"#);
        let checks = floors.unwrap().check(&report);
        (report, checks)
    }

    #[test]
    fn one_case_per_document_and_field_with_missed_and_spurious_in_the_failure() {
        let (r, checks) = report(
            r#"{"amounts": [500000000, 7], "dates": ["2020-12-11"], "notes": "by hand"}"#,
            "Avtalet gäller 500 miljoner kronor & 3 <kr> den 11 december 2020.",
        );
        let xml = render(&r, &checks);
        // amounts, dates; a skipped case for the document without gold; two floors.
        assert_eq!(assert_junit_shape(&xml), 5, "{xml}");
        assert!(xml.contains("<testsuite name=\"d&lt;1&gt;\" tests=\"2\" failures=\"1\""));
        assert!(
            xml.contains("<failure message=\"1 missed, 0 spurious; P 100.0% R 50.0%"),
            "{xml}"
        );
        assert!(xml.contains("missed (1):\n  7\n</failure>"), "{xml}");
        assert!(
            xml.contains("name=\"dates\">\n      <system-out>P 100.0%"),
            "{xml}"
        );
        assert!(xml.contains("gold keys not scored, ignored: notes"));
        assert!(xml.contains("<skipped message=\"no gold found for x.txt\"/>"));
        assert!(xml.contains(
            "name=\"corpus: amounts_f1\">\n      <failure message=\"corpus: amounts_f1 = 0.6667"
        ));
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"svocr eval\" tests=\"5\" failures=\"2\" errors=\"0\" skipped=\"1\">"), "{xml}");
    }

    #[test]
    fn a_clean_document_passes_and_controls_are_escaped() {
        let (r, _) = report(
            r#"{"amounts": [500000000]}"#,
            "Det \u{1} gäller 500 miljoner kronor.",
        );
        let xml = render(&r, &[]);
        assert_eq!(assert_junit_shape(&xml), 2, "{xml}");
        assert!(xml.contains("failures=\"0\"") && !xml.contains('\u{1}'));
        assert!(!xml.contains("floors"));
    }

    #[test]
    fn the_shape_check_rejects_what_ci_readers_reject() {
        let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        let suites =
            "<testsuites name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">";
        let suite = "<testsuite name=\"a\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">";
        let ok = format!(
            "{decl}{suites}{suite}<testcase classname=\"c\" name=\"n\"/></testsuite></testsuites>"
        );
        assert_eq!(assert_junit_shape(&ok), 1);
        for bad in [
            // a case outside a suite, an unescaped ampersand, a missing attribute, unclosed
            format!("{decl}{suites}<testcase classname=\"c\" name=\"n\"/></testsuites>"),
            ok.replace("name=\"n\"", "name=\"a & b\""),
            ok.replace(" classname=\"c\"", ""),
            ok.replace("</testsuites>", ""),
        ] {
            assert!(
                std::panic::catch_unwind(|| assert_junit_shape(&bad)).is_err(),
                "{bad}"
            );
        }
    }
}
