//! Test helpers shared by the stage files' tests: amounts built from their words in a text, the way
//! the extractor would, and the checks [`super::reconcile`] makes of them.

use crate::record::{Amount, Money, TotalStatus};

use super::reconcile;

/// Builds amounts from `(words, öre)` found in `text` in order, like the extractor would.
pub(super) fn amounts(text: &str, items: &[(&str, i64)]) -> Vec<Amount> {
    let mut from = 0;
    items
        .iter()
        .map(|&(words, ore)| {
            let b = from
                + text[from..]
                    .find(words)
                    .unwrap_or_else(|| panic!("`{words}` not in text"));
            from = b + words.len();
            let chars = |b: usize| text[..b].chars().count();
            Amount {
                approximate: words.starts_with("cirka") || words.starts_with("ca "),
                ..Amount::new(Money(ore), "SEK", words, chars(b), chars(b + words.len()))
            }
        })
        .collect()
}

pub(super) const M: i64 = 100_000_000; // one miljon kronor in öre

pub(super) fn statuses(text: &str, items: &[(&str, i64)]) -> Vec<(TotalStatus, i64, i64)> {
    let a = amounts(text, items);
    reconcile(text, &a)
        .into_iter()
        .map(|c| (c.status, c.stated.ore(), c.difference.ore()))
        .collect()
}

#[track_caller]
pub(super) fn assert_checks(text: &str, items: &[(&str, i64)], want: &[(TotalStatus, i64, i64)]) {
    assert_eq!(statuses(text, items), want);
}
