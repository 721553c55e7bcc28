//! Extraction: the repaired text → amounts, dates, periods, villkor and references.
//!
//! In: the text after repair (or clean text). Out: an [`Extraction`] whose items all carry
//! character offsets into that text, with `text[start..end]` (in characters) equal to each item's
//! `text`. One module per field; this one runs them in dependency order and settles overlaps:
//!
//! 1. `reference` first: the numbers inside `prop. 2020/21:78` or `dnr 2019/05301/SF` are never
//!    amounts, dates or periods, so items overlapping a reference are dropped.
//! 2. `amount` on running text, then `table::read` (given the running-text amounts), merged in
//!    reading order; a cell that overlaps a running-text amount or a reference is dropped, so
//!    nothing is counted twice, except that a cell spanning exactly a running-text amount of the
//!    same value (`48 617 tkr` in a row that writes its unit) replaces it; each table row then
//!    lists its cells' indexes in `amounts`. Then `amount::carried` adds the bare figures that a
//!    stated amount nearby gives a unit (`unit_from: context`), outside tables and references.
//! 3. `period`, then `date`; a date inside a period (`1 januari–31 mars 2021`) is part of the
//!    period, not a date of its own.
//! 4. `villkor`, because it indexes into the final amount list.
//! 5. `link` last: it ties each amount to its recipient, period, purpose and villkor, and each
//!    date to what it is the date of, from everything above.
//!
//! Deliberately not done here: repairing text (the extractors tolerate the damage repair leaves,
//! such as `hogst` or a dnr without its ministry letters) and reconciling totals
//! (`crate::validate`).

pub(crate) mod amount;
pub(crate) mod date;
pub(crate) mod link;
pub(crate) mod period;
pub(crate) mod reference;
pub(crate) mod table;
pub(crate) mod villkor;

use crate::offsets::SpanIndex;
use crate::pattern::Width;
use crate::record::{Amount, Date, Money, Period, Reference, Table, Villkor};

/// Everything extracted from one repaired text; offsets are character offsets into it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Amounts in reading order, table cells included.
    pub amounts: Vec<Amount>,
    /// Dates in reading order.
    pub dates: Vec<Date>,
    /// Periods in reading order.
    pub periods: Vec<Period>,
    /// One entry per condition number.
    pub villkor: Vec<Villkor>,
    /// References in reading order.
    pub references: Vec<Reference>,
    /// Tables whose cells are among `amounts`, in reading order.
    pub tables: Vec<Table>,
}

/// Whether `text` has a character a Unicode `\d` can match (`char::is_numeric` is a superset of
/// decimal digits). Patterns that need one are neither run nor compiled without it: compiling the
/// Unicode-aware patterns is most of the time svocr takes on a short text.
pub(crate) fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii() && text.chars().any(char::is_numeric))
}

/// Runs every extractor over `text`.
pub fn extract(text: &str) -> Extraction {
    let width = Width::of(text);
    let references = reference::find(text, width);
    let reference_spans = SpanIndex::new(references.iter().map(|r| (r.start, r.end)));
    let in_reference = |start: usize, end: usize| reference_spans.overlaps(start, end);

    let mut amounts: Vec<Amount> = amount::find(text)
        .into_iter()
        .filter(|a| !in_reference(a.start, a.end))
        .collect();
    let table::Tables {
        cells, mut tables, ..
    } = table::read(text, &amounts);
    // A cell that spans exactly what a running-text amount does, with the same value (a row
    // that writes its unit: `(Ram)48 617 tkr`), stands in for it: the same money, now with its
    // row and column.
    let mut same: Vec<(usize, usize, Option<Money>)> =
        cells.iter().map(|c| (c.start, c.end, c.value)).collect();
    same.sort_unstable();
    amounts.retain(|a| same.binary_search(&(a.start, a.end, a.value)).is_err());
    let running = SpanIndex::new(amounts.iter().map(|a| (a.start, a.end)));
    amounts.extend(
        cells
            .into_iter()
            .filter(|c| !running.overlaps(c.start, c.end) && !in_reference(c.start, c.end)),
    );
    // Bare figures that a stated amount nearby gives a unit; never inside a table, whose own
    // reader decides about its figures.
    let table_spans = SpanIndex::new(tables.iter().map(|t| (t.start, t.end)));
    let carried = amount::carried(text, &amounts, |s, e| {
        in_reference(s, e) || table_spans.overlaps(s, e)
    });
    amounts.extend(carried);
    amounts.sort_by_key(|a| (a.start, a.end));
    table::link(&mut tables, &amounts);

    let periods: Vec<Period> = period::find(text)
        .into_iter()
        .filter(|p| !in_reference(p.start, p.end))
        .collect();
    let period_spans = SpanIndex::new(periods.iter().map(|p| (p.start, p.end)));
    let mut dates: Vec<_> = date::find(text)
        .into_iter()
        .filter(|d| !in_reference(d.start, d.end))
        .filter(|d| !period_spans.contains(d.start, d.end))
        .collect();

    let villkor = villkor::find(text, &amounts);
    link::link(text, &mut amounts, &mut dates, &periods, &villkor, &tables);
    Extraction {
        amounts,
        dates,
        periods,
        villkor,
        references,
        tables,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_digit_sees_any_decimal_digit() {
        for (text, expected) in [
            ("", false),
            ("Hej", false),
            ("Medlen fördelas till regionerna.", false),
            ("tjugoandra juni", false),
            ("SOU 2020:24", true),
            ("åäö 7", true),
            ("åäö \u{0663}", true), // ARABIC-INDIC DIGIT THREE, which `\d` matches
            ("ＳＯＵ ２０２０", true), // full-width digits
        ] {
            assert_eq!(has_digit(text), expected, "{text:?}");
        }
        // The forms skipped without a digit are the forms that need one: the word forms stay.
        let x = extract("sista dagen i oktober och tjugoandra juni");
        assert_eq!(x.dates.len(), 2, "{x:#?}");
    }

    #[test]
    fn references_shadow_numbers() {
        let x = extract("enligt prop. 2020/21:78 och dnr 2019/05301/SF");
        assert_eq!(x.references.len(), 2);
        assert!(
            x.periods.is_empty() && x.dates.is_empty() && x.amounts.is_empty(),
            "{x:#?}"
        );
        let x = extract("under 2020 enligt plan");
        assert_eq!(x.periods.len(), 1);
    }

    #[test]
    fn dates_inside_periods_are_not_dates() {
        let x = extract("under perioden 1 januari–31 mars 2021 och senast den 30 april 2021");
        assert_eq!(x.periods.len(), 1);
        let dates: Vec<_> = x.dates.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(dates, ["30 april 2021"]);
    }

    #[test]
    fn overlap_is_half_open() {
        let spans = SpanIndex::new([(0, 3)]);
        assert!(spans.overlaps(2, 5));
        assert!(!spans.overlaps(3, 5));
    }
}
