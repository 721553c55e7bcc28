//! Planted faults: for every consistent gold total of the development sets (prose totals and table
//! totals, tune and held out), one part at a time is changed in the document text and the whole
//! pipeline (`svocr::process`) is run again, to see whether the stated total is still reported
//! `ok`: by the check at its own place, or by any check that sums a figure the fault wrote.
//!
//! Faults, per part (the first and the last part of each total, so the run stays fast):
//! - `+1`, `+2`, `+10` rounding steps of the part **as written**: the last digit written is the
//!   step (`2,5 miljoner` → `2,6`; `12 345` → `12 346`; `480 000` in a tkr table → `480 001`).
//! - `drop`: the line holding the part is deleted when that removes nothing else the total needs
//!   (a table row, a bullet); where it does not (prose with the total or other figures on the same
//!   line) the part's number is written as `0`, which is the same sum without it.
//! - `duplicate`: the line holding the part is repeated (a table row, a bullet); in running prose
//!   the part is restated as an addition after its sentence (`… Därtill 12 miljoner kronor.`).
//!
//! Parts written in words (`en miljard`), zero parts and parts whose written digits do not give the
//! gold value are not faulted. Faults are planted in the record's text (the document after layout
//! and repair, which is then run without repair, clean and faulted alike), so the offsets of the
//! extracted amounts can be used.
//!
//! Whether rounding can explain a fault: the gap between the stated total and its parts after the
//! fault is compared with three standard deviations of the summed rounding errors of the parts as
//! written (each uniform on ± half its step, variance step²/12) plus the stated total's own half
//! step. A gap beyond that is a fault rounding cannot explain, and `--check` must catch it.
//!
//! `cargo test --test integration planted_faults:: -- --nocapture` prints the caught share per fault kind.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;
use svocr::Options;
use svocr::record::{Record, TotalStatus};

/// The development sets and whether they are prose (`true`) or tables.
const SETS: [(&str, bool); 4] = [
    ("training/totals", true),
    ("fixtures/totals", true),
    ("training/tables", false),
    ("fixtures/tables", false),
];

/// How many gold totals of one document are faulted (the first ones).
const TOTALS_PER_DOCUMENT: usize = 3;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A gold money value (kronor, possibly with öre decimals) in öre.
fn ore(v: &Value) -> Option<i128> {
    let s = v.to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    if frac.len() > 2 {
        return None;
    }
    let negative = int.starts_with('-');
    let int: i128 = int.trim_start_matches('-').parse().ok()?;
    let frac: i128 = format!("{frac:0<2}").parse().ok()?;
    let v = int * 100 + frac;
    Some(if negative { -v } else { v })
}

/// The number inside an amount's words: its byte range in `text`, the digits as an integer and
/// how many of them are decimals (`2,5 miljoner` → 25, 1 decimal).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Written {
    start: usize,
    end: usize,
    digits: u128,
    decimals: u32,
    separator: Option<char>,
}

fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '.')
}

/// Finds the first number in `text`: digits, thousands groups of three after a space or a dot,
/// and a decimal comma with its digits.
fn written(text: &str) -> Option<Written> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let first = chars.iter().position(|&(_, c)| c.is_ascii_digit())?;
    let mut i = first;
    let mut separator = None;
    let mut decimals = 0;
    while i < chars.len() && chars[i].1.is_ascii_digit() {
        i += 1;
    }
    loop {
        let three = |from: usize| {
            (from..from + 3).all(|k| chars.get(k).is_some_and(|c| c.1.is_ascii_digit()))
                && !chars.get(from + 3).is_some_and(|c| c.1.is_ascii_digit())
        };
        match chars.get(i) {
            Some(&(_, c)) if is_group_separator(c) && three(i + 1) => {
                separator.get_or_insert(c);
                i += 4;
            }
            Some(&(_, ',')) if chars.get(i + 1).is_some_and(|c| c.1.is_ascii_digit()) => {
                i += 1;
                while i < chars.len() && chars[i].1.is_ascii_digit() {
                    i += 1;
                    decimals += 1;
                }
                break;
            }
            _ => break,
        }
    }
    let start = chars[first].0;
    let end = chars.get(i).map_or(text.len(), |c| c.0);
    let digits = text[start..end]
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()?;
    Some(Written {
        start,
        end,
        digits,
        decimals,
        separator,
    })
}

/// The number `w` written `steps` last-digit steps higher, in the same style.
fn bumped(w: &Written, steps: u128) -> String {
    let n = w.digits + steps;
    let scale = 10u128.pow(w.decimals);
    let int = (n / scale).to_string();
    let int = match w.separator {
        Some(sep) => {
            let mut out = String::new();
            for (k, c) in int.chars().enumerate() {
                if k > 0 && (int.len() - k).is_multiple_of(3) {
                    out.push(sep);
                }
                out.push(c);
            }
            out
        }
        None => int,
    };
    if w.decimals == 0 {
        int
    } else {
        format!("{int},{:0width$}", n % scale, width = w.decimals as usize)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Step1,
    Step2,
    Step10,
    Drop,
    Duplicate,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Step1,
        Kind::Step2,
        Kind::Step10,
        Kind::Drop,
        Kind::Duplicate,
    ];

    fn name(self) -> &'static str {
        match self {
            Kind::Step1 => "+1 step",
            Kind::Step2 => "+2 steps",
            Kind::Step10 => "+10 steps",
            Kind::Drop => "drop",
            Kind::Duplicate => "duplicate",
        }
    }
}

/// One planted fault and what became of it.
#[derive(Debug)]
struct Outcome {
    at: String,
    kind: Kind,
    /// How the fault was written into the text (`line deleted`, `zeroed`, …).
    how: &'static str,
    /// The stated total was `ok` before the fault.
    ok_before: bool,
    /// The stated total is no longer `ok`.
    caught: bool,
    /// The gap is beyond what rounding of the figures as written explains.
    unexplained: bool,
}

/// An extracted amount: its value in öre and its byte range in the text.
struct Span {
    value: Option<i128>,
    start: usize,
    end: usize,
}

/// A part located in the text: its amount's span and written number.
struct Part {
    value: i128,
    start: usize,
    end: usize,
    written: Written,
    step: i128,
}

/// Runs the pipeline on text that already went through repair (the record's text): repair would
/// find nothing more to do, and skipping it keeps the thousands of runs fast.
fn run(text: &str) -> Record {
    let opts = Options {
        repair: false,
        ..Options::default()
    };
    svocr::process("planted", text.as_bytes(), &opts)
}

fn ok_for(record: &Record, stated: i128) -> bool {
    record
        .totals
        .iter()
        .flatten()
        .any(|t| i128::from(t.stated.ore()) == stated && matches!(t.status, TotalStatus::Ok))
}

/// The byte offset of each character of `text`, and its length: a record's spans count
/// characters, and the text is sliced by bytes.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect()
}

/// Whether the faulted document still reports the planted total `ok`: a check of that value at
/// the stated total's place (`stated_at`, bytes of the text before the fault), or one anywhere
/// that sums a figure the fault wrote. A table often states the same value in another column
/// (`39,1` as one column's sum and another row's figure), and that other check is no verdict on
/// the faulted part. Without a place, any check of the value counts, as [`ok_for`] has it.
fn still_ok(
    after: &Record,
    text: &str,
    faulted: &str,
    stated: i128,
    stated_at: Option<usize>,
) -> bool {
    let Some(at) = stated_at else {
        return ok_for(after, stated);
    };
    // The fault is one contiguous change: what the two texts share at either end is untouched.
    let prefix = text
        .bytes()
        .zip(faulted.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = text
        .bytes()
        .rev()
        .zip(faulted.bytes().rev())
        .take(text.len().min(faulted.len()) - prefix)
        .take_while(|(a, b)| a == b)
        .count();
    let touched = (prefix, faulted.len() - suffix);
    let at = if at < prefix {
        at
    } else {
        (at + faulted.len()).saturating_sub(text.len())
    };
    let bytes = char_starts(faulted);
    let byte = |c: usize| bytes.get(c).copied().unwrap_or(faulted.len());
    let amounts: Vec<(usize, usize)> = after
        .amounts
        .iter()
        .flatten()
        .map(|a| (byte(a.start), byte(a.end)))
        .collect();
    // A deleted line wrote nothing: no figure overlaps the empty stretch it leaves.
    let writes_fault = |i: &usize| {
        amounts
            .get(*i)
            .is_some_and(|&(s, e)| s < touched.1 && touched.0 < e)
    };
    after.totals.iter().flatten().any(|t| {
        i128::from(t.stated.ore()) == stated
            && matches!(t.status, TotalStatus::Ok)
            && (byte(t.start) == at || t.components.iter().any(writes_fault))
    })
}

/// The rounding step of a figure as written, in öre, or `None` when its digits do not give it.
fn step_of(value: i128, w: &Written) -> Option<i128> {
    let digits = i128::try_from(w.digits).ok()?;
    (digits > 0 && value.abs() % digits == 0).then(|| value.abs() / digits)
}

/// Half the last unit of a value, for figures not found in the text (as in `dev_sets.rs`).
fn trailing_step(value: i128) -> i128 {
    let mut unit = 1;
    while value != 0 && value % (unit * 10) == 0 {
        unit *= 10;
    }
    unit
}

/// The line of `text` around byte `at`: its start and its end (after the newline, if any).
fn line_at(text: &str, at: usize) -> (usize, usize) {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    (start, end)
}

/// Plants the faults of one gold total and returns what became of them.
fn plant(text: &str, clean: &Record, total: &Value, prose: bool, at: &str) -> Vec<Outcome> {
    let Some(stated) = ore(&total["stated"]) else {
        return Vec::new();
    };
    let comps: Vec<i128> = total["components"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(ore)
        .collect();
    if comps.len() < 2 {
        return Vec::new();
    }
    let bytes = char_starts(text);
    let byte = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let amounts: Vec<Span> = clean
        .amounts
        .iter()
        .flatten()
        .map(|a| Span {
            value: a.value.map(|m| i128::from(m.ore())),
            start: byte(a.start),
            end: byte(a.end),
        })
        .collect();
    let check = clean
        .totals
        .iter()
        .flatten()
        .find(|t| i128::from(t.stated.ore()) == stated && matches!(t.status, TotalStatus::Ok));
    let ok_before = check.is_some();
    let value_of = |i: usize| amounts[i].value;
    // Where the stated total is written: the checked one, else the first amount of that value.
    let stated_at = check.map(|c| byte(c.start)).or_else(|| {
        amounts
            .iter()
            .find(|a| a.value == Some(stated))
            .map(|a| a.start)
    });
    let stated_step = stated_at
        .and_then(|s| amounts.iter().find(|a| a.start == s))
        .and_then(|a| written(&text[a.start..a.end]).and_then(|w| step_of(stated, &w)))
        .unwrap_or_else(|| trailing_step(stated));
    // Each part's amount: one the clean check summed if there is one, else the first unused one
    // of that value that is not the stated total itself.
    let mut used = Vec::new();
    let mut parts: Vec<Option<Part>> = Vec::new();
    for &c in &comps {
        let candidates: Vec<usize> = (0..amounts.len())
            .filter(|&i| value_of(i) == Some(c) && !used.contains(&i))
            .filter(|&i| Some(amounts[i].start) != stated_at)
            .collect();
        let chosen = candidates
            .iter()
            .copied()
            .find(|i| check.is_some_and(|t| t.components.contains(i)))
            .or_else(|| candidates.first().copied());
        parts.push(chosen.and_then(|i| {
            used.push(i);
            let a = &amounts[i];
            let w = written(&text[a.start..a.end])?;
            let step = step_of(c, &w)?;
            Some(Part {
                value: c,
                start: a.start,
                end: a.end,
                written: w,
                step,
            })
        }));
    }
    let steps: Vec<i128> = comps
        .iter()
        .zip(&parts)
        .map(|(&c, p)| p.as_ref().map_or_else(|| trailing_step(c), |p| p.step))
        .collect();
    let gap0 = stated - comps.iter().sum::<i128>();
    let variance = |extra: &[i128], without: Option<usize>| -> f64 {
        let sum: f64 = steps
            .iter()
            .enumerate()
            .filter(|(k, _)| Some(*k) != without)
            .map(|(_, &s)| s)
            .chain(extra.iter().copied())
            .map(|s| (s as f64).powi(2) / 12.0)
            .sum();
        sum
    };
    let explains =
        |gap: i128, var: f64| (gap.abs() as f64) <= 3.0 * var.sqrt() + stated_step as f64 / 2.0;

    let picks = [0, comps.len() - 1];
    let mut out = Vec::new();
    for k in picks {
        let Some(part) = &parts[k] else { continue };
        if part.written.digits == 0 {
            continue;
        }
        let sign = part.value.signum();
        let number = (
            part.start + part.written.start,
            part.start + part.written.end,
        );
        let (line_start, line_end) = line_at(text, part.start);
        let alone_on_line = amounts
            .iter()
            .all(|a| a.start == part.start || a.start < line_start || a.start >= line_end);
        let holds_stated = stated_at.is_some_and(|s| (line_start..line_end).contains(&s));
        let whole_line = !holds_stated && (!prose || alone_on_line);
        for kind in Kind::ALL {
            let (faulted, how, gap, var) = match kind {
                Kind::Step1 | Kind::Step2 | Kind::Step10 => {
                    let n = match kind {
                        Kind::Step1 => 1,
                        Kind::Step2 => 2,
                        _ => 10,
                    };
                    let t = format!(
                        "{}{}{}",
                        &text[..number.0],
                        bumped(&part.written, n),
                        &text[number.1..]
                    );
                    let gap = gap0 - sign * n as i128 * part.step;
                    (t, "digits bumped", gap, variance(&[], None))
                }
                Kind::Drop => {
                    let gap = gap0 + part.value;
                    let var = variance(&[], Some(k));
                    if whole_line {
                        let t = format!("{}{}", &text[..line_start], &text[line_end..]);
                        (t, "line deleted", gap, var)
                    } else {
                        let t = format!("{}0{}", &text[..number.0], &text[number.1..]);
                        (t, "number zeroed", gap, var)
                    }
                }
                Kind::Duplicate => {
                    let gap = gap0 - part.value;
                    let var = variance(&[part.step], None);
                    if whole_line {
                        let line = &text[line_start..line_end];
                        let line = if line.ends_with('\n') {
                            line.to_string()
                        } else {
                            format!("\n{line}")
                        };
                        let t = format!("{}{line}{}", &text[..line_end], &text[line_end..]);
                        (t, "line repeated", gap, var)
                    } else {
                        // After the sentence (or line) the part is in.
                        let rest = &text[part.end..line_end];
                        let cut = rest
                            .find(". ")
                            .map(|i| part.end + i + 1)
                            .unwrap_or_else(|| part.end + rest.trim_end().len());
                        let words = &text[part.start..part.end];
                        let t = format!("{} Därtill {words}.{}", &text[..cut], &text[cut..]);
                        (t, "restated with Därtill", gap, var)
                    }
                }
            };
            let after = run(&faulted);
            out.push(Outcome {
                at: format!("{at} total {stated} part {k}"),
                kind,
                how,
                ok_before,
                caught: !still_ok(&after, text, &faulted, stated, stated_at),
                unexplained: !explains(gap, var),
            });
        }
    }
    out
}

/// One document's faults.
fn document_outcomes(set: &str, prose: bool, name: &str) -> Vec<Outcome> {
    let gold_dir = root().join(set).join("gold");
    let doc = root().join(set).join("docs").join(format!("{name}.txt"));
    let gold: Value = serde_json::from_str(
        &fs::read_to_string(gold_dir.join(format!("{name}.gold.json"))).expect("gold"),
    )
    .expect("gold parses");
    let bytes = fs::read(&doc).expect("document");
    let text = svocr::process(name, &bytes, &Options::default()).text;
    let clean = run(&text);
    let mut out = Vec::new();
    // At most a few totals of a document: the tables with a total per column would otherwise
    // take most of the run with faults of the same kind.
    let consistent = gold["totals"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t.get("consistent") != Some(&Value::Bool(false)));
    for total in consistent.take(TOTALS_PER_DOCUMENT) {
        out.extend(plant(&text, &clean, total, prose, &format!("{set}/{name}")));
    }
    out
}

/// Every document's faults, in a fixed order (sets, then names), on a few threads.
fn all_outcomes() -> Vec<Outcome> {
    let mut jobs = Vec::new();
    for (set, prose) in SETS {
        let gold_dir = root().join(set).join("gold");
        let names: Vec<String> = crate::gold::gold_names(&gold_dir)
            .into_iter()
            .filter(|n| Path::new(&root().join(set).join("docs").join(format!("{n}.txt"))).exists())
            .collect();
        jobs.extend(names.into_iter().map(|n| (set, prose, n)));
    }
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((set, prose, name)) = jobs.get(i) else {
                        break;
                    };
                    let outcomes = document_outcomes(set, *prose, name);
                    done.lock().expect("no thread panicked").push((i, outcomes));
                }
            });
        }
    });
    let mut done = done.into_inner().expect("no thread panicked");
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().flat_map(|(_, o)| o).collect()
}

fn share(caught: usize, of: usize) -> String {
    if of == 0 {
        "–".to_string()
    } else {
        format!("{caught}/{of} ({:.0} %)", 100.0 * caught as f64 / of as f64)
    }
}

/// Measures and prints the caught share per fault kind; asserts only that the harness planted
/// what it promises, so it runs whatever the checker does.
#[test]
// The shares are the point of this test: they are printed for `--nocapture` (issue 14's report).
#[allow(clippy::print_stdout)]
fn planted_faults_are_measured() {
    let outcomes = all_outcomes();
    assert!(
        outcomes.len() >= 200,
        "{} planted faults, fewer than 200",
        outcomes.len()
    );
    let mut by_kind: BTreeMap<Kind, Vec<&Outcome>> = BTreeMap::new();
    for o in &outcomes {
        by_kind.entry(o.kind).or_default().push(o);
    }
    println!(
        "{:<10} {:>16} {:>16} {:>22} {:>22} {:>22}",
        "fault", "planted", "caught", "caught (ok before)", "not by rounding", "by rounding"
    );
    for (kind, list) in &by_kind {
        let n = list.len();
        let caught = list.iter().filter(|o| o.caught).count();
        let before: Vec<_> = list.iter().filter(|o| o.ok_before).collect();
        let unexplained: Vec<_> = list.iter().filter(|o| o.unexplained).collect();
        let explained: Vec<_> = list.iter().filter(|o| !o.unexplained).collect();
        println!(
            "{:<10} {:>16} {:>16} {:>22} {:>22} {:>22}",
            kind.name(),
            n,
            share(caught, n),
            share(before.iter().filter(|o| o.caught).count(), before.len()),
            share(
                unexplained.iter().filter(|o| o.caught).count(),
                unexplained.len()
            ),
            share(
                explained.iter().filter(|o| o.caught).count(),
                explained.len()
            ),
        );
    }
    let mut hows: BTreeMap<&str, usize> = BTreeMap::new();
    for o in &outcomes {
        *hows.entry(o.how).or_default() += 1;
    }
    println!("written as: {hows:?}");
    let missed: Vec<_> = outcomes
        .iter()
        .filter(|o| !o.caught && (o.unexplained || o.kind == Kind::Step10))
        .collect();
    println!("faults rounding cannot explain, still ok: {}", missed.len());
    for o in missed.iter().take(15) {
        println!("  {} {} ({})", o.at, o.kind.name(), o.how);
    }
}

/// The acceptance of issue 14: every ten-step fault and every fault rounding cannot explain is
/// caught.
#[test]
#[ignore = "issue 14: a part of 500 miljoner bumped ten steps under a total of 1,7 miljarder is within the rounding of the total as written, and some held-out faults remain (see the branch s4 report)"]
fn every_fault_rounding_cannot_explain_is_caught() {
    let missed: Vec<String> = all_outcomes()
        .iter()
        .filter(|o| !o.caught && (o.unexplained || o.kind == Kind::Step10))
        .map(|o| format!("{} {} ({})", o.at, o.kind.name(), o.how))
        .collect();
    assert!(
        missed.is_empty(),
        "{} faults rounding cannot explain are still ok:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn numbers_are_bumped_in_their_last_written_digit() {
    for (text, steps, want) in [
        ("2,5 miljoner", 1, "2,6"),
        ("12 345 kronor", 1, "12 346"),
        ("480 000", 10, "480 010"),
        ("1 999 tkr", 1, "2 000"),
        ("0,9 mnkr", 1, "1,0"),
        ("207 miljoner", 2, "209"),
        ("121.194", 1, "121.195"),
        ("1\u{a0}171 miljarder", 10, "1\u{a0}181"),
    ] {
        let w = written(text).unwrap_or_else(|| panic!("no number in {text}"));
        assert_eq!(bumped(&w, steps), want, "{text} + {steps}");
    }
}

#[test]
fn a_figure_is_found_with_its_groups_and_decimals_only() {
    for (text, want) in [
        ("(ram)480 000", "480 000"),
        ("7,7 miljoner kronor.", "7,7"),
        ("2019 - 2022", "2019"),
        ("12 miljoner, 5 miljoner", "12"),
        ("1 808 390", "1 808 390"),
    ] {
        let w = written(text).unwrap_or_else(|| panic!("no number in {text}"));
        assert_eq!(&text[w.start..w.end], want, "{text}");
    }
}
