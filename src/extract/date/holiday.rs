//! Swedish holidays named with their year: `juldagen 2019`, `midsommarafton 2021`, `nyårsafton
//! 2020`, `nationaldagen 2018`, `påskdagen 2024`.
//!
//! In: a holiday's name as written. Out: its day in a given year — fixed (`julafton` is 24
//! December), a weekday in a window (`midsommarafton` is the Friday between 19 and 25 June) or
//! counted from Easter (`långfredagen`, `kristi himmelsfärdsdag`). Deliberately not done: a holiday
//! without a year (`efter midsommar`) is no date, since a document gives it no reference year;
//! `första maj` is read as a day and month by the day-month form.

use super::calendar::{add_days, easter, weekday_on_or_after};
use crate::record::IsoDate;

/// The holiday names [`date`] knows, longest first within each family so that `annandag jul`
/// wins over a shorter reading; spaces may be any run of blanks.
pub(super) const HOLIDAY: &str = r"(?i:nyårsdagen|nyårsafton|trettondedag(?:en)?\s+jul|trettondagen
    |trettondedagen|valborgsmässoafton|sveriges\s+nationaldag|nationaldagen|midsommarafton
    |midsommardagen|alla\s+helgons\s+dag|julafton|juldagen|annandag(?:en)?\s+jul|långfredagen
    |påskafton|påskdagen|annandag(?:en)?\s+påsk|kristi\s+himmelsfärd(?:sdag(?:en)?)?|pingstdagen)";

/// How a holiday's day is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// The same month and day every year.
    Fixed(u8, u8),
    /// The first weekday (0 = Monday) on or after a month and day.
    WeekdayFrom(u8, u8, u8),
    /// Days after Easter Sunday (negative before it).
    Easter(i8),
}

/// Each holiday's name with its blanks squeezed, and its rule.
const TABLE: &[(&str, Rule)] = &[
    ("nyårsdagen", Rule::Fixed(1, 1)),
    ("trettondedag jul", Rule::Fixed(1, 6)),
    ("trettondedagen jul", Rule::Fixed(1, 6)),
    ("trettondagen", Rule::Fixed(1, 6)),
    ("trettondedagen", Rule::Fixed(1, 6)),
    ("valborgsmässoafton", Rule::Fixed(4, 30)),
    ("nationaldagen", Rule::Fixed(6, 6)),
    ("sveriges nationaldag", Rule::Fixed(6, 6)),
    ("midsommarafton", Rule::WeekdayFrom(6, 19, 4)),
    ("midsommardagen", Rule::WeekdayFrom(6, 20, 5)),
    ("alla helgons dag", Rule::WeekdayFrom(10, 31, 5)),
    ("julafton", Rule::Fixed(12, 24)),
    ("juldagen", Rule::Fixed(12, 25)),
    ("annandag jul", Rule::Fixed(12, 26)),
    ("annandagen jul", Rule::Fixed(12, 26)),
    ("nyårsafton", Rule::Fixed(12, 31)),
    ("långfredagen", Rule::Easter(-2)),
    ("påskafton", Rule::Easter(-1)),
    ("påskdagen", Rule::Easter(0)),
    ("annandag påsk", Rule::Easter(1)),
    ("annandagen påsk", Rule::Easter(1)),
    ("kristi himmelsfärd", Rule::Easter(39)),
    ("kristi himmelsfärdsdag", Rule::Easter(39)),
    ("kristi himmelsfärdsdagen", Rule::Easter(39)),
    ("pingstdagen", Rule::Easter(49)),
];

/// The day of holiday `name` (as [`HOLIDAY`] matched it) in `year`, or `None` for an unknown name.
pub(super) fn date(name: &str, year: u16) -> Option<IsoDate> {
    let key = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let (_, rule) = TABLE.iter().find(|(n, _)| *n == key)?;
    match *rule {
        Rule::Fixed(m, d) => IsoDate::new(year, m, d),
        Rule::WeekdayFrom(m, d, wd) => weekday_on_or_after(year, m, d, wd),
        Rule::Easter(n) => add_days(easter(year)?, i64::from(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn holidays_fall_on_their_day() {
        for (name, year, expected) in [
            ("juldagen", 2019, "2019-12-25"),
            ("Julafton", 2020, "2020-12-24"),
            ("nyårsafton", 2020, "2020-12-31"),
            ("nationaldagen", 2018, "2018-06-06"),
            ("Sveriges  nationaldag", 2018, "2018-06-06"),
            ("midsommarafton", 2021, "2021-06-25"),
            ("midsommarafton", 2020, "2020-06-19"),
            ("midsommardagen", 2021, "2021-06-26"),
            ("alla helgons dag", 2019, "2019-11-02"),
            ("annandag\njul", 2016, "2016-12-26"),
            ("långfredagen", 2021, "2021-04-02"),
            ("annandag påsk", 2024, "2024-04-01"),
            ("kristi himmelsfärdsdag", 2020, "2020-05-21"),
            ("pingstdagen", 2020, "2020-05-31"),
        ] {
            assert_eq!(
                date(name, year).map(|d| d.to_string()).as_deref(),
                Some(expected),
                "{name} {year}"
            );
        }
        assert_eq!(date("midsommar", 2021), None);
    }

    #[test]
    fn every_name_the_pattern_matches_is_in_the_table() {
        let re = Regex::new(&format!(r"(?x)^{HOLIDAY}$")).unwrap();
        for (name, _) in TABLE {
            assert!(re.is_match(name), "{name}");
        }
    }
}
