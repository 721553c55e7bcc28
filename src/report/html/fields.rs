//! The fields of one document shown in its repaired text, for the HTML report.
//!
//! In: an [`Evaluated`] document (record, scores and gold). Out: [`Region`]s of the repaired text,
//! in reading order: every extracted item with a span, marked `found` (in the gold), `spurious`
//! (not in it) or `extracted` (its field has no gold here), and every missed gold item at the
//! place it is probably written, marked `missed`; plus the missed items that could not be placed.
//! Also the Swedish way of writing money (`944 000 000 kr`) for every list of values.
//!
//! Placing a missed item is a search, not a reading: a gold amount is looked for as Swedish writes
//! it (`944 000 000`, `944000000`, `944 miljoner`, `2,88 mdkr`), a date as `11 december 2020` or
//! `2020-12-11`, a reference as written, each after the previous item of its field was placed
//! (the gold lists them in reading order). A mark says "probably here"; the gold has no spans, so
//! nothing here is scored. Totals, cells and villkor misses are listed, not placed.
//!
//! The links of the record ([`link_marks`]) are drawn too: an amount's recipient, period and
//! purpose, the villkor mention that lists it, and what a date is the date of, each with the words
//! that make the link, so that hovering the amount or date shows them.

use std::collections::BTreeMap;

use crate::eval::Evaluated;
use crate::eval::fields::{Field, FieldScore, cell_key, keys, total_key};
use crate::record::{IsoDate, Link, Money, Record, TotalStatus};

/// A marked stretch of the repaired text, in character offsets.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Region {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Space-separated classes: `found`, `spurious`, `extracted`, `missed`.
    pub(super) class: String,
    /// One line per item marked here.
    pub(super) title: String,
}

/// Money as Swedish writes it: thousands grouped with a no-break space, a decimal comma with two
/// decimals when there are öre, `kr` for kronor and the code for other currencies.
pub(super) fn money(m: Money, currency: &str) -> String {
    let ore = m.ore().unsigned_abs();
    let digits = (ore / 100).to_string();
    let mut out = String::from(if m.ore() < 0 { "−" } else { "" });
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if !ore.is_multiple_of(100) {
        out.push_str(&format!(",{:02}", ore % 100));
    }
    out.push('\u{a0}');
    out.push_str(if currency == "SEK" { "kr" } else { currency });
    out
}

/// A score key for people: the money in it written the Swedish way (`944000000 (ok)` →
/// `944 000 000 kr (ok)`); other keys as they are.
pub(super) fn shown_key(field: Field, key: &str) -> String {
    let (head, rest) = match field {
        Field::Amounts | Field::Money => (key, ""),
        Field::Totals => key
            .split_once(' ')
            .map_or((key, ""), |(h, _)| (h, &key[h.len()..])),
        Field::Cells => key
            .split_once(" | ")
            .map_or((key, ""), |(h, _)| (h, &key[h.len()..])),
        _ => return key.to_string(),
    };
    match serde_json::from_str::<Money>(head) {
        Ok(m) => format!("{}{rest}", money(m, "SEK")),
        Err(_) => key.to_string(),
    }
}

/// `subset` (a multiset of keys) in the order of `ordered`; keys `ordered` lacks come last.
pub(super) fn in_order(ordered: &[String], subset: &[String]) -> Vec<String> {
    let mut left: BTreeMap<&str, usize> = BTreeMap::new();
    for k in subset {
        *left.entry(k).or_default() += 1;
    }
    let mut out = Vec::with_capacity(subset.len());
    for k in ordered {
        if let Some(n) = left.get_mut(k.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            out.push(k.clone());
        }
    }
    for (k, n) in left {
        out.extend(std::iter::repeat_n(k.to_string(), n));
    }
    out
}

/// A field's missed and spurious items in reading order (the gold's, the record's).
pub(super) fn ordered(d: &Evaluated, field: Field, s: &FieldScore) -> (Vec<String>, Vec<String>) {
    match &d.gold.fields {
        Some(gold) => {
            let (g, e) = keys(field, &d.record, gold);
            (in_order(&g, &s.missed), in_order(&e, &s.spurious))
        }
        None => (s.missed.clone(), s.spurious.clone()),
    }
}

/// The marks of the fields pane, sorted and disjoint, and the missed items not placed (shown).
pub(super) fn regions(d: &Evaluated) -> (Vec<Region>, Vec<String>) {
    let Some(scores) = &d.score.fields else {
        return (Vec::new(), Vec::new());
    };
    let r = &d.record;
    let mut spurious: BTreeMap<Field, BTreeMap<&str, usize>> = BTreeMap::new();
    for (f, s) in scores {
        for k in &s.spurious {
            *spurious.entry(*f).or_default().entry(k).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    let mut mark = |field: Option<Field>, keys: Vec<String>, start, end, what: String| {
        let (class, verdict) = match field.filter(|f| scores.contains_key(f)) {
            None => ("extracted", "not scored here"),
            Some(f) => {
                let left = spurious.entry(f).or_default();
                let hit = keys.iter().any(|k| match left.get_mut(k.as_str()) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        true
                    }
                    _ => false,
                });
                if hit {
                    ("spurious", "spurious: not in the gold")
                } else {
                    ("found", "in the gold")
                }
            }
        };
        out.push(Region {
            start,
            end,
            class: class.to_string(),
            title: format!("{what} — {verdict}"),
        });
    };
    for a in r.amounts.iter().flatten() {
        let values: Vec<Money> = a.value.into_iter().chain(a.min).chain(a.max).collect();
        let shown: Vec<String> = values.iter().map(|v| money(*v, &a.currency)).collect();
        let mut what = format!("amount {}", shown.join(" – "));
        if let Some(links) = a.links.as_ref().filter(|l| !l.is_empty()) {
            what.push_str(&format!(
                ", {}",
                crate::report::text::link_parts(links).join(", ")
            ));
        }
        match &a.cell {
            None => {
                let keys = values.iter().map(ToString::to_string).collect();
                mark(Some(Field::Amounts), keys, a.start, a.end, what);
            }
            Some(c) => {
                let keys = a
                    .value
                    .map(|v| cell_key(v, &c.label, &c.header))
                    .into_iter()
                    .collect();
                let what = format!("{what}, cell «{}» × «{}»", c.label, c.header);
                mark(Some(Field::Cells), keys, a.start, a.end, what);
            }
        }
    }
    for x in r.dates.iter().flatten() {
        let keys: Vec<String> = x.value.map(|v| v.to_string()).into_iter().collect();
        let mut what = format!("date {}", keys.first().map_or("?", String::as_str));
        if let Some(of) = &x.of {
            what.push_str(&format!(", the date of «{}»", of.text));
        }
        let field = x.value.map(|_| Field::Dates);
        mark(field, keys, x.start, x.end, what);
    }
    for x in r.references.iter().flatten() {
        let what = format!("reference {} {}", x.kind, x.value);
        mark(
            Some(Field::References),
            vec![x.text.clone()],
            x.start,
            x.end,
            what,
        );
    }
    for t in r.totals.iter().flatten() {
        let what = format!("total {} ({:?})", money(t.stated, "SEK"), t.status);
        let field = (t.status != TotalStatus::Unresolved).then_some(Field::Totals);
        let key = total_key(&t.stated.to_string(), t.status);
        mark(field, vec![key], t.start, t.end, what);
    }

    let mut unplaced = Vec::new();
    let text = &r.text;
    for (f, s) in scores {
        let (missed, _) = ordered(d, *f, s);
        let mut from = 0;
        for key in missed {
            let place = match f {
                Field::Amounts => serde_json::from_str::<Money>(&key)
                    .ok()
                    .and_then(|m| locate_amount(text, m, from)),
                Field::Dates => key
                    .parse::<IsoDate>()
                    .ok()
                    .and_then(|v| locate_date(text, v, from)),
                Field::References => locate(text, &key, from, |_, _| true),
                _ => None,
            };
            let shown = shown_key(*f, &key);
            match place {
                Some((b, e)) => {
                    from = e;
                    out.push(Region {
                        start: text[..b].chars().count(),
                        end: text[..e].chars().count(),
                        class: "missed".to_string(),
                        title: format!("missed {}: {shown} — probably written here", f.name()),
                    });
                }
                None => unplaced.push(format!("{}: {shown}", f.name())),
            }
        }
    }
    (disjoint(out), unplaced)
}

/// An item with links (an amount or a date) and the stretches of text it is linked to.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Linked {
    /// The item's own span, in characters.
    pub(super) start: usize,
    pub(super) end: usize,
    /// The linked words (recipient, period, purpose, what a date is of), in characters.
    pub(super) words: Vec<(usize, usize)>,
    /// The words that make each link (`till`, `för`, a row label, the villkor's mention).
    pub(super) cues: Vec<(usize, usize)>,
}

/// Every amount and date of `record` that has a link, in record order (amounts first).
pub(super) fn link_marks(record: &Record) -> Vec<Linked> {
    let mut out = Vec::new();
    let link = |l: &Link, words: &mut Vec<_>, cues: &mut Vec<_>| {
        words.push((l.start, l.end));
        cues.push((l.cue.start, l.cue.end));
    };
    for a in record.amounts.iter().flatten() {
        let Some(links) = a.links.as_ref().filter(|l| !l.is_empty()) else {
            continue;
        };
        let (mut words, mut cues) = (Vec::new(), Vec::new());
        for l in [&links.recipient, &links.purpose].into_iter().flatten() {
            link(l, &mut words, &mut cues);
        }
        if let Some(p) = &links.period {
            words.push((p.start, p.end));
            cues.push((p.cue.start, p.cue.end));
        }
        if let Some(v) = &links.villkor {
            cues.push((v.cue.start, v.cue.end));
        }
        out.push(Linked {
            start: a.start,
            end: a.end,
            words,
            cues,
        });
    }
    for d in record.dates.iter().flatten() {
        if let Some(of) = &d.of {
            let (mut words, mut cues) = (Vec::new(), Vec::new());
            link(of, &mut words, &mut cues);
            out.push(Linked {
                start: d.start,
                end: d.end,
                words,
                cues,
            });
        }
    }
    out
}

/// Sorts regions and merges the overlapping ones into the first: one mark, every title, every
/// class.
fn disjoint(mut regions: Vec<Region>) -> Vec<Region> {
    regions.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Region> = Vec::with_capacity(regions.len());
    for r in regions {
        match out.last_mut() {
            Some(last) if r.start < last.end => {
                last.end = last.end.max(r.end);
                if !last.class.split(' ').any(|c| c == r.class) {
                    last.class.push(' ');
                    last.class.push_str(&r.class);
                }
                last.title.push('\n');
                last.title.push_str(&r.title);
            }
            _ => out.push(r),
        }
    }
    out
}

/// Scale words after a number, by the öre one unit of the number is worth; kronor need none.
const SCALES: [(i64, &[&str]); 4] = [
    (100, &[]),
    (100_000, &["tkr", "tusen", "tsek", "kkr"]),
    (100_000_000, &["milj", "mkr", "mnkr", "msek", "mn"]),
    (100_000_000_000, &["miljard", "mdkr", "mdr", "md"]),
];

/// The first place at or after byte `from` where `m` is written, as a number of kronor or of a
/// scale (`944 miljoner`), in any usual grouping: byte offsets of the number.
pub(super) fn locate_amount(text: &str, m: Money, from: usize) -> Option<(usize, usize)> {
    let ore = i128::from(m.ore()).abs();
    let mut best: Option<(usize, usize)> = None;
    for (unit, words) in SCALES {
        let unit = i128::from(unit);
        if (ore * 100) % unit != 0 {
            continue; // more than two decimals at this scale: not how it is written
        }
        let hundredths = ore * 100 / unit;
        let after_ok = |t: &str, e: usize| {
            words.is_empty() || {
                let next = t[e..].trim_start().to_lowercase();
                words.iter().any(|w| next.starts_with(w))
            }
        };
        for form in number_forms(hundredths) {
            if let Some(p) = locate(text, &form, from, after_ok)
                && best.is_none_or(|b| p.0 < b.0)
            {
                best = Some(p);
            }
        }
    }
    best
}

/// A number given in hundredths as Swedish writes it: grouped by spaces or no-break spaces, or
/// not grouped; a decimal comma with one or two decimals.
fn number_forms(hundredths: i128) -> Vec<String> {
    let (int, frac) = (hundredths / 100, hundredths % 100);
    let digits = int.to_string();
    let group = |sep: char| {
        let mut s = String::new();
        for (n, c) in digits.chars().enumerate() {
            if n > 0 && (digits.len() - n) % 3 == 0 {
                s.push(sep);
            }
            s.push(c);
        }
        s
    };
    let mut ints = vec![group(' '), group('\u{a0}')];
    if digits.len() > 3 {
        ints.push(digits.clone());
    }
    let fracs: Vec<String> = match frac {
        0 => vec![String::new()],
        f if f % 10 == 0 => vec![format!(",{}", f / 10), format!(",{f:02}")],
        f => vec![format!(",{f:02}")],
    };
    ints.iter()
        .flat_map(|i| fracs.iter().map(move |f| format!("{i}{f}")))
        .collect()
}

/// The first place at or after byte `from` where the date is written: `11 december 2020`,
/// `11 december` or `2020-12-11`.
pub(super) fn locate_date(text: &str, d: IsoDate, from: usize) -> Option<(usize, usize)> {
    let month = crate::extract::date::MONTH_NAMES[usize::from(d.month.clamp(1, 12)) - 1];
    [
        format!("{} {month} {}", d.day, d.year),
        format!("{} {month}", d.day),
        d.to_string(),
    ]
    .iter()
    .filter_map(|f| locate(text, f, from, |_, _| true))
    .min_by_key(|&(b, e)| (b, std::cmp::Reverse(e)))
}

/// The first occurrence of `needle` at or after byte `from` that stands alone: no letter or digit
/// glued before it, no digit (or digit group, or decimals) after it, and `after_ok`.
fn locate(
    text: &str,
    needle: &str,
    from: usize,
    after_ok: impl Fn(&str, usize) -> bool,
) -> Option<(usize, usize)> {
    let from = (0..=from.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))?;
    text[from..]
        .match_indices(needle)
        .map(|(i, _)| (from + i, from + i + needle.len()))
        .find(|&(b, e)| {
            let before = text[..b].chars().next_back();
            let mut after = text[e..].chars();
            let next = after.next();
            let then: String = after.take(4).collect();
            let glued_before = before.is_some_and(|c| c.is_alphanumeric() || c == ',');
            let glued_after = next.is_some_and(|c| c.is_ascii_digit())
                || (matches!(next, Some(',' | '.'))
                    && then.starts_with(|c: char| c.is_ascii_digit()))
                || (matches!(next, Some(' ' | '\u{a0}'))
                    && then.len() >= 3
                    && then.chars().take(3).all(|c| c.is_ascii_digit())
                    && !then.chars().nth(3).is_some_and(|c| c.is_ascii_digit()));
            !glued_before && !glued_after && after_ok(text, e)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_located(text: &str, kronor: i64, expected: Option<&str>) {
        let got = locate_amount(text, Money::units(kronor), 0).map(|(b, e)| &text[b..e]);
        assert_eq!(got, expected, "{kronor} in {text:?}");
    }

    #[test]
    fn money_is_written_the_swedish_way() {
        assert_eq!(
            money(Money::units(944_000_000), "SEK"),
            "944\u{a0}000\u{a0}000\u{a0}kr"
        );
        assert_eq!(money(Money(1250), "SEK"), "12,50\u{a0}kr");
        assert_eq!(money(Money::units(-3_400), "EUR"), "−3\u{a0}400\u{a0}EUR");
        assert_eq!(money(Money::units(0), "SEK"), "0\u{a0}kr");
        assert_eq!(
            shown_key(Field::Totals, "1000 (ok)"),
            "1\u{a0}000\u{a0}kr (ok)"
        );
        assert_eq!(shown_key(Field::Cells, "5 | a | b"), "5\u{a0}kr | a | b");
        assert_eq!(shown_key(Field::Dates, "2020-12-11"), "2020-12-11");
    }

    #[test]
    fn missed_amounts_are_found_where_swedish_writes_them() {
        assert_located(
            "Staten ger 944 000 000 kronor.",
            944_000_000,
            Some("944 000 000"),
        );
        assert_located("Staten ger 944 miljoner kronor.", 944_000_000, Some("944"));
        assert_located("totalt 2,88 miljarder", 2_880_000_000, Some("2,88"));
        assert_located("ram 48 617 tkr", 48_617_000, Some("48 617"));
        assert_located("beloppet 1500000 kr", 1_500_000, Some("1500000"));
        // Not a part of a longer number, a decimal or a word; no scale word, no scale.
        assert_located("gavs 2 020 000 kr", 2_020, None);
        assert_located("sidan 944 av 1000", 944_000_000, None);
        assert_located("12,5 miljoner", 12_000_000, None);
        assert_located("S2019 och 2019 kr", 2019, Some("2019"));
    }

    #[test]
    fn dates_and_order() {
        let d = IsoDate::new(2020, 12, 11).unwrap();
        let text = "Beslut 2020-12-11. Senast den 11 december 2020.";
        let (b, e) = locate_date(text, d, 0).unwrap();
        assert_eq!(&text[b..e], "2020-12-11");
        let (b, e) = locate_date(text, d, e).unwrap();
        assert_eq!(&text[b..e], "11 december 2020");
        assert!(locate_date("11 december", IsoDate::new(2020, 11, 11).unwrap(), 0).is_none());
        let k = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            in_order(&k(&["c", "a", "b", "a"]), &k(&["a", "z", "a", "c"])),
            k(&["c", "a", "a", "z"])
        );
    }

    #[test]
    fn overlapping_marks_merge() {
        let r = |start, end, class: &str| Region {
            start,
            end,
            class: class.into(),
            title: class.into(),
        };
        let got = disjoint(vec![
            r(5, 9, "missed"),
            r(0, 3, "found"),
            r(4, 8, "spurious"),
        ]);
        assert_eq!(got.len(), 2);
        assert_eq!((got[1].start, got[1].end), (4, 9));
        assert_eq!(got[1].class, "spurious missed");
        assert_eq!(got[1].title, "spurious\nmissed");
    }
}
