//! A readable view of a record: a header line, the repaired text, then each extracted field and
//! each totals check on a line of its own. Meant for people; scripts should read JSON Lines.

use std::io::{self, Write};

use crate::record::{Amount, Record, Status};

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
    let amounts = record.amounts.as_deref().unwrap_or_default();
    if !amounts.is_empty() {
        writeln!(w, "--- amounts")?;
        for (i, a) in amounts.iter().enumerate() {
            writeln!(w, "  [{i}] {}  {:?}  @{}", amount(a), a.text, a.start)?;
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
            writeln!(w, "  {value}{role}  {:?}  @{}", d.text, d.start)?;
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
            writeln!(w, "  {}", crate::validate::describe(t, amounts))?;
        }
    }
    writeln!(w)
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
