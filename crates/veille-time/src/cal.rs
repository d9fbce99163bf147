//! Calendar arithmetic beyond what `veille_core::Date` offers: months, years, ISO weeks, n-th
//! weekday of a month. Every function returns `None` rather than panicking when a result would
//! leave the years `Date` supports (1..=9999).

use veille_core::Date;
use veille_core::date::days_in_month;

/// `Date::new` without the error type, for callers that only need "is this a day?".
pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// (year, month) plus `n` months.
pub(crate) fn shift_month(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y as i64 * 12 + (m as i64 - 1) + n as i64;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29).
pub(crate) fn add_months(d: Date, n: i32) -> Option<Date> {
    let (y, m) = shift_month(d.year(), d.month(), n);
    let dim = days_in_month(y, m);
    ymd(y, m, d.day().min(dim))
}

pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    let z = d.to_days().checked_add(n)?;
    // Stay inside the years Date can represent before building one.
    let lo = Date::new(1, 1, 1).ok()?.to_days();
    let hi = Date::new(9999, 12, 31).ok()?.to_days();
    (lo..=hi).contains(&z).then(|| Date::from_days(z))
}

/// ISO 8601 week: (ISO year, week number 1..=53).
pub(crate) fn iso_week(d: Date) -> (i32, u32) {
    let wd = d.weekday() as i64; // Monday = 1
    // The Thursday of this week decides the ISO year.
    let thursday = Date::from_days(d.to_days() - wd + 4);
    let y = thursday.year();
    let jan1 = match ymd(y, 1, 1) {
        Some(j) => j,
        None => return (y, 1),
    };
    let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
    (y, week as u32)
}

/// Monday of ISO week `w` of ISO year `y`.
pub(crate) fn iso_week_monday(y: i32, w: u32) -> Option<Date> {
    let jan4 = ymd(y, 1, 4)?;
    let week1_monday = jan4.to_days() - (jan4.weekday() as i64 - 1);
    add_days(Date::from_days(week1_monday), (w as i64 - 1) * 7)
}

/// Monday of the week containing `d`.
pub(crate) fn monday_of(d: Date) -> Option<Date> {
    add_days(d, -(d.weekday() as i64 - 1))
}

/// The `n`-th (1-based) weekday `wd` of a month, or the last one when `n` is negative.
pub(crate) fn nth_weekday(y: i32, m: u32, wd: u32, n: i32) -> Option<Date> {
    if n < 0 {
        let last = ymd(y, m, days_in_month(y, m))?;
        let back = (last.weekday() as i64 - wd as i64).rem_euclid(7);
        return add_days(last, -back);
    }
    let first = ymd(y, m, 1)?;
    let fwd = (wd as i64 - first.weekday() as i64).rem_euclid(7);
    let d = add_days(first, fwd + (n as i64 - 1) * 7)?;
    (d.month() == m).then_some(d)
}

/// Number of ISO weeks in ISO year `y` (52 or 53).
pub(crate) fn weeks_in_year(y: i32) -> u32 {
    ymd(y, 12, 28).map_or(52, |d| iso_week(d).1)
}

/// Whole months from `a` to `b` (both taken at their first day).
pub(crate) fn months_between(a: Date, b: Date) -> i64 {
    (b.year() as i64 * 12 + b.month() as i64) - (a.year() as i64 * 12 + a.month() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(d("2020-10-02")), (2020, 40));
        assert_eq!(iso_week(d("2016-01-01")), (2015, 53));
        assert_eq!(iso_week(d("2019-12-30")), (2020, 1));
        assert_eq!(iso_week_monday(2020, 40), Some(d("2020-09-28")));
        assert_eq!(iso_week_monday(2015, 53), Some(d("2015-12-28")));
    }

    #[test]
    fn months_and_weekdays() {
        assert_eq!(add_months(d("2020-01-31"), 1), Some(d("2020-02-29")));
        assert_eq!(add_months(d("2020-11-15"), 3), Some(d("2021-02-15")));
        assert_eq!(shift_month(2020, 1, -1), (2019, 12));
        assert_eq!(nth_weekday(2016, 7, 5, 1), Some(d("2016-07-01")));
        assert_eq!(nth_weekday(2018, 4, 1, -1), Some(d("2018-04-30")));
        assert_eq!(nth_weekday(2017, 9, 7, 5), None);
        assert_eq!(add_days(d("9999-12-31"), 1), None);
    }
}
