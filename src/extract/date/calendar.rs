//! Calendar arithmetic for dates that are described rather than written: the weekday of a date, the
//! n-th or last weekday of a month, ISO weeks and quarters.
//!
//! In: years, months, ordinals. Out: validated [`IsoDate`]s, or `None` when the described day does
//! not exist (`femte måndagen i februari 2021`, `vecka 53 2021`). Proleptic Gregorian throughout;
//! nothing here reads text.

use crate::record::{IsoDate, days_in_month};

/// Days since 1970-01-01 of `d` (negative before); Howard Hinnant's civil-day algorithm.
fn days(d: IsoDate) -> i64 {
    let (m, day) = (i64::from(d.month), i64::from(d.day));
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `n` days after 1970-01-01 (the inverse of [`days`]).
fn from_days(n: i64) -> Option<IsoDate> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    IsoDate::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// The weekday of `d`: 0 for Monday … 6 for Sunday (the Swedish week starts on Monday).
pub(crate) fn weekday(d: IsoDate) -> u8 {
    // 1970-01-01 was a Thursday (3).
    u8::try_from((days(d) + 3).rem_euclid(7)).unwrap_or(0)
}

/// The `n`-th (1-based) weekday `wd` (0 = Monday) of `month` in `year`.
pub(crate) fn nth_weekday(year: u16, month: u8, n: u8, wd: u8) -> Option<IsoDate> {
    let first = IsoDate::new(year, month, 1)?;
    let offset = (7 + wd - weekday(first)) % 7;
    IsoDate::new(year, month, 1 + offset + 7 * n.checked_sub(1)?)
}

/// The last weekday `wd` (0 = Monday) of `month` in `year`.
pub(crate) fn last_weekday(year: u16, month: u8, wd: u8) -> Option<IsoDate> {
    let last = IsoDate::new(year, month, days_in_month(year, month))?;
    let back = (7 + weekday(last) - wd) % 7;
    IsoDate::new(year, month, last.day - back)
}

/// The first weekday `wd` (0 = Monday) on or after `month`/`day` of `year`: midsommarafton is the
/// Friday on or after 19 June, alla helgons dag the Saturday on or after 31 October.
pub(crate) fn weekday_on_or_after(year: u16, month: u8, day: u8, wd: u8) -> Option<IsoDate> {
    let from = IsoDate::new(year, month, day)?;
    from_days(days(from) + i64::from((7 + wd - weekday(from)) % 7))
}

/// Easter Sunday of `year` (Gregorian computus, the anonymous "Meeus/Jones/Butcher" form).
pub(crate) fn easter(year: u16) -> Option<IsoDate> {
    let y = i64::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (b - (b + 8) / 25 + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    IsoDate::new(
        year,
        u8::try_from(n / 31).ok()?,
        u8::try_from(n % 31 + 1).ok()?,
    )
}

/// The date `n` days after `d` (before it when `n` is negative).
pub(crate) fn add_days(d: IsoDate, n: i64) -> Option<IsoDate> {
    from_days(days(d) + n)
}

/// Monday and Sunday of ISO week `week` of `year` (week 1 holds 4 January); `None` for a week the
/// year does not have.
pub(crate) fn iso_week(year: u16, week: u8) -> Option<(IsoDate, IsoDate)> {
    if week == 0 {
        return None;
    }
    let jan4 = IsoDate::new(year, 1, 4)?;
    let monday1 = days(jan4) - i64::from(weekday(jan4));
    let monday = monday1 + 7 * (i64::from(week) - 1);
    let (from, to) = (from_days(monday)?, from_days(monday + 6)?);
    // The week must belong to `year`: its Thursday lies in it.
    (from_days(monday + 3)?.year == year).then_some((from, to))
}

/// First and last day of quarter `q` (1–4) of `year`.
pub(crate) fn quarter(year: u16, q: u8) -> Option<(IsoDate, IsoDate)> {
    half_or_quarter(year, q, 3)
}

/// First and last day of half-year `h` (1–2) of `year`.
pub(crate) fn half_year(year: u16, h: u8) -> Option<(IsoDate, IsoDate)> {
    half_or_quarter(year, h, 6)
}

/// Part `n` (1-based) of `year` cut into runs of `months` months.
fn half_or_quarter(year: u16, n: u8, months: u8) -> Option<(IsoDate, IsoDate)> {
    if n == 0 || n > 12 / months {
        return None;
    }
    let first = (n - 1) * months + 1;
    let last = first + months - 1;
    Some((
        IsoDate::new(year, first, 1)?,
        IsoDate::new(year, last, days_in_month(year, last))?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> IsoDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekdays() {
        for (date, wd) in [
            ("1970-01-01", 3),
            ("2016-01-12", 1),
            ("2000-02-29", 1),
            ("2014-03-30", 6),
            ("1968-07-15", 0),
        ] {
            assert_eq!(weekday(d(date)), wd, "{date}");
        }
    }

    #[test]
    fn days_round_trip() {
        for date in ["1900-03-01", "2000-02-29", "2099-12-31", "1600-01-01"] {
            assert_eq!(from_days(days(d(date))), Some(d(date)));
        }
    }

    #[test]
    fn nth_and_last_weekdays() {
        assert_eq!(nth_weekday(2014, 9, 3, 1), Some(d("2014-09-16")));
        assert_eq!(nth_weekday(2014, 10, 1, 2), Some(d("2014-10-01")));
        assert_eq!(nth_weekday(2021, 2, 5, 0), None);
        assert_eq!(last_weekday(2014, 3, 6), Some(d("2014-03-30")));
        assert_eq!(last_weekday(2013, 3, 0), Some(d("2013-03-25")));
    }

    #[test]
    fn easter_and_movable_days() {
        for (year, date) in [
            (2019, "2019-04-21"),
            (2020, "2020-04-12"),
            (2021, "2021-04-04"),
            (2024, "2024-03-31"),
            (2038, "2038-04-25"),
            (1818, "1818-03-22"),
        ] {
            assert_eq!(easter(year), Some(d(date)), "{year}");
        }
        assert_eq!(weekday_on_or_after(2021, 6, 19, 4), Some(d("2021-06-25")));
        assert_eq!(weekday_on_or_after(2020, 6, 19, 4), Some(d("2020-06-19")));
        assert_eq!(weekday_on_or_after(2019, 10, 31, 5), Some(d("2019-11-02")));
        assert_eq!(add_days(d("2021-04-04"), -2), Some(d("2021-04-02")));
        assert_eq!(add_days(d("2020-12-31"), 1), Some(d("2021-01-01")));
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(2021, 12), Some((d("2021-03-22"), d("2021-03-28"))));
        assert_eq!(iso_week(2021, 1), Some((d("2021-01-04"), d("2021-01-10"))));
        assert_eq!(iso_week(2020, 53), Some((d("2020-12-28"), d("2021-01-03"))));
        assert_eq!(iso_week(2021, 53), None);
        assert_eq!(iso_week(2021, 0), None);
    }

    #[test]
    fn quarters_and_halves() {
        assert_eq!(quarter(2021, 1), Some((d("2021-01-01"), d("2021-03-31"))));
        assert_eq!(quarter(2018, 4), Some((d("2018-10-01"), d("2018-12-31"))));
        assert_eq!(quarter(2018, 5), None);
        assert_eq!(half_year(2020, 2), Some((d("2020-07-01"), d("2020-12-31"))));
    }
}
