//! Turning a recognised expression into a TIMEX3 value, given the anchor (article date) and the
//! tense of the sentence.
//!
//! Policy, in one place:
//! - Without an anchor, anything relative stays underspecified with X digits (XXXX-10-02,
//!   XXXX-WXX-5, XXXX-XX-XX for "hier"): never a guess.
//! - With an anchor, a partial date takes the occurrence the tense points to: the latest one on
//!   or before the anchor for a past tense, the first one on or after it for a future tense, the
//!   nearest one otherwise. A weekday written next to a day number picks among candidates.
//! - `anchored` says the anchor was used to produce the value.

use crate::cal::{
    add_days, add_months, iso_week, iso_week_monday, monday_of, months_between, nth_weekday,
    shift_month, ymd,
};
use crate::expr::{Day, Dur, Expr, Month, Per, SetE, WdRel, Week, Year, dur_slot};
use crate::tense::Tense;
use crate::{TimexMod, TimexType};
use veille_core::Date;

pub(crate) struct Ctx {
    pub anchor: Option<Date>,
    pub tense: Tense,
}

pub(crate) struct Out {
    pub kind: TimexType,
    pub value: String,
    pub anchored: bool,
    pub modifier: Option<TimexMod>,
}

pub(crate) fn render(e: &Expr, c: &Ctx) -> Out {
    match e {
        Expr::Date(p, m) => {
            let (value, anchored) = per(p, c);
            Out {
                kind: TimexType::Date,
                value,
                anchored,
                modifier: *m,
            }
        }
        Expr::DateTime(d, t) => {
            let (v, anchored) = match day(d, c) {
                Ok((dt, a)) => (dt.to_string(), a),
                Err(s) => (s, false),
            };
            Out {
                kind: TimexType::Time,
                value: format!("{v}{}", t.render()),
                anchored,
                modifier: None,
            }
        }
        Expr::Time(t) => Out {
            kind: TimexType::Time,
            value: t.render(),
            anchored: false,
            modifier: None,
        },
        Expr::Dur(d, m) => Out {
            kind: TimexType::Duration,
            value: d.render(),
            anchored: false,
            modifier: *m,
        },
        Expr::Set(s) => Out {
            kind: TimexType::Set,
            value: set(s),
            anchored: false,
            modifier: None,
        },
    }
}

fn set(s: &SetE) -> String {
    match s {
        SetE::Every(d) => d.render(),
        SetE::Weekday(wd, None) => format!("XXXX-WXX-{wd}"),
        SetE::Weekday(wd, Some(t)) => format!("XXXX-WXX-{wd}{}", t.render()),
        SetE::MonthDay(m, d) => format!("XXXX-{m:02}-{d:02}"),
        SetE::Time(t) => t.render(),
    }
}

/// Picks among candidate days by tense.
fn choose(cands: &[Date], a: Date, tense: Tense) -> Option<Date> {
    let nearest = || {
        cands
            .iter()
            .copied()
            .min_by_key(|d| ((d.to_days() - a.to_days()).abs(), d.to_days() > a.to_days()))
    };
    match tense {
        Tense::Past => cands
            .iter()
            .copied()
            .filter(|d| *d <= a)
            .max()
            .or_else(nearest),
        Tense::Future => cands
            .iter()
            .copied()
            .filter(|d| *d >= a)
            .min()
            .or_else(nearest),
        Tense::Unknown => nearest(),
    }
}

fn resolve_year(y: Year, a: Option<Date>) -> Option<i32> {
    match y {
        Year::Abs(v) => Some(v),
        Year::Rel(k) => a.map(|a| a.year() + k),
        Year::Unknown => None,
    }
}

/// (year, month) of a month reference that does not need the tense.
fn resolve_ym(y: Year, m: Month, a: Option<Date>) -> Option<(i32, u32)> {
    match m {
        Month::Abs(m) => Some((resolve_year(y, a)?, m)),
        Month::Rel(k) => {
            let a = a?;
            let (yy, mm) = shift_month(a.year(), a.month(), k);
            Some((yy, mm))
        }
        Month::Unknown => None,
    }
}

fn xyear(y: Year) -> String {
    match y {
        Year::Abs(v) => format!("{v:04}"),
        _ => "XXXX".to_string(),
    }
}

fn xmonth(m: Month) -> String {
    match m {
        Month::Abs(v) => format!("{v:02}"),
        _ => "XX".to_string(),
    }
}

/// A day: Ok((date, anchored)) or Err(underspecified TIMEX3 value).
pub(crate) fn day(d: &Day, c: &Ctx) -> Result<(Date, bool), String> {
    let a = c.anchor;
    match d {
        Day::Cal { y, m, d, wd } => {
            let d = *d;
            let fallback = || format!("{}-{}-{d:02}", xyear(*y), xmonth(*m));
            // Fully written: no anchor needed (an impossible day keeps its written form).
            if let (Year::Abs(yy), Month::Abs(mm)) = (y, m) {
                return ymd(*yy, *mm, d).map(|x| (x, false)).ok_or_else(fallback);
            }
            let a = a.ok_or_else(fallback)?;
            let mut cands: Vec<Date> = Vec::with_capacity(3);
            match (y, m) {
                (_, Month::Abs(mm)) => match resolve_year(*y, Some(a)) {
                    Some(yy) => cands.extend(ymd(yy, *mm, d)),
                    None => {
                        for k in -1..=1 {
                            cands.extend(ymd(a.year() + k, *mm, d));
                        }
                    }
                },
                (_, Month::Rel(_)) => {
                    let (yy, mm) = resolve_ym(*y, *m, Some(a)).ok_or_else(fallback)?;
                    return ymd(yy, mm, d)
                        .map(|x| (x, true))
                        .ok_or_else(|| format!("{yy:04}-{mm:02}-{d:02}"));
                }
                (_, Month::Unknown) => {
                    for k in -1..=1 {
                        let (yy, mm) = shift_month(a.year(), a.month(), k);
                        cands.extend(ymd(yy, mm, d));
                    }
                }
            }
            if let Some(wd) = wd {
                let matching: Vec<Date> = cands
                    .iter()
                    .copied()
                    .filter(|x| x.weekday() == *wd)
                    .collect();
                if !matching.is_empty() {
                    cands = matching;
                }
            }
            choose(&cands, a, c.tense)
                .map(|x| (x, true))
                .ok_or_else(fallback)
        }
        Day::Rel(n) => {
            let a = a.ok_or_else(|| "XXXX-XX-XX".to_string())?;
            add_days(a, *n as i64)
                .map(|x| (x, true))
                .ok_or_else(|| "XXXX-XX-XX".to_string())
        }
        Day::Weekday { wd, rel } => {
            let fallback = || format!("XXXX-WXX-{wd}");
            let a = a.ok_or_else(fallback)?;
            let wd = *wd as i64;
            let awd = a.weekday() as i64;
            let this_week = wd - awd; // offset to that weekday in the anchor's week
            let off = match rel {
                WdRel::Bare => match c.tense {
                    Tense::Past => -((awd - wd).rem_euclid(7)),
                    Tense::Future => (wd - awd).rem_euclid(7),
                    Tense::Unknown => {
                        let back = (awd - wd).rem_euclid(7);
                        let fwd = (wd - awd).rem_euclid(7);
                        if fwd < back { fwd } else { -back }
                    }
                },
                WdRel::This => match c.tense {
                    Tense::Future if this_week < 0 => this_week + 7,
                    Tense::Past if this_week > 0 => this_week - 7,
                    _ => this_week,
                },
                WdRel::Next => this_week + 7,
                WdRel::Last => {
                    let back = (awd - wd).rem_euclid(7);
                    -(if back == 0 { 7 } else { back })
                }
                WdRel::Week(n) => this_week + 7 * *n as i64,
            };
            add_days(a, off).map(|x| (x, true)).ok_or_else(fallback)
        }
        Day::NthWeekday { n, wd, y, m } => {
            let nn = if *n < 0 {
                "L".to_string()
            } else {
                n.to_string()
            };
            let fallback = || format!("{}-{}-WXX-{wd}-#{nn}", xyear(*y), xmonth(*m));
            let a = a.ok_or_else(fallback);
            match (y, m) {
                (Year::Abs(yy), Month::Abs(mm)) => nth_weekday(*yy, *mm, *wd, *n)
                    .map(|x| (x, false))
                    .ok_or_else(fallback),
                (_, Month::Abs(mm)) => {
                    let a = a?;
                    let cands: Vec<Date> = match resolve_year(*y, Some(a)) {
                        Some(yy) => nth_weekday(yy, *mm, *wd, *n).into_iter().collect(),
                        None => (-1..=1)
                            .filter_map(|k| nth_weekday(a.year() + k, *mm, *wd, *n))
                            .collect(),
                    };
                    choose(&cands, a, c.tense)
                        .map(|x| (x, true))
                        .ok_or_else(fallback)
                }
                _ => {
                    let a = a?;
                    let (yy, mm) = resolve_ym(*y, *m, Some(a)).ok_or_else(fallback)?;
                    nth_weekday(yy, mm, *wd, *n)
                        .map(|x| (x, true))
                        .ok_or_else(fallback)
                }
            }
        }
        Day::Offset { base, dur, sign } => {
            let (b, _) = day(base, c).map_err(|_| "XXXX-XX-XX".to_string())?;
            shift(b, dur, *sign)
                .map(|x| (x, true))
                .ok_or_else(|| "XXXX-XX-XX".to_string())
        }
    }
}

/// Moves a day by a calendar duration (years and months first, then weeks and days).
pub(crate) fn shift(d: Date, dur: &Dur, sign: i8) -> Option<Date> {
    use dur_slot::*;
    let p = &dur.parts;
    if p.iter().any(|v| v.is_nan()) {
        return None;
    }
    let s = sign as f64;
    let months = (p[Y] * 12.0 + p[M]) * s;
    let whole_months = months.trunc();
    let mut out = add_months(d, whole_months as i32)?;
    let days = (months - whole_months) * 30.0 + (p[W] * 7.0 + p[D]) * s;
    out = add_days(out, days.round() as i64)?;
    // Business days skip Saturdays and Sundays.
    let mut bd = p[BD].round() as i64;
    while bd != 0 {
        let step = if (bd > 0) == (sign > 0) { 1 } else { -1 };
        out = add_days(out, step)?;
        if out.weekday() <= 5 {
            bd -= bd.signum();
        }
    }
    Some(out)
}

/// A whole period as [start, end) days, for ranges.
fn bounds(p: &Per, c: &Ctx) -> Option<(Date, Date, Gran)> {
    match p {
        Per::Day(d) => {
            let (x, _) = day(d, c).ok()?;
            Some((x, add_days(x, 1)?, Gran::Day))
        }
        Per::Month(y, m) => {
            let (yy, mm) = month_resolve(*y, *m, c)?;
            let s = ymd(yy, mm, 1)?;
            Some((s, add_months(s, 1)?, Gran::Month))
        }
        Per::Year(y) => {
            let yy = resolve_year(*y, c.anchor)?;
            Some((ymd(yy, 1, 1)?, ymd(yy + 1, 1, 1)?, Gran::Year))
        }
        Per::Week(w) => {
            let s = week_monday(w, c)?;
            Some((s, add_days(s, 7)?, Gran::Week))
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gran {
    Day,
    Week,
    Month,
    Year,
}

fn week_monday(w: &Week, c: &Ctx) -> Option<Date> {
    match w {
        Week::Rel(n) => add_days(monday_of(c.anchor?)?, 7 * *n as i64),
        Week::Abs(y, n) => iso_week_monday(resolve_year(*y, c.anchor)?, *n),
        Week::OfMonth(y, m, n) => {
            let (yy, mm) = month_resolve(*y, *m, c)?;
            if *n < 0 {
                let last = ymd(yy, mm, veille_core::date::days_in_month(yy, mm))?;
                monday_of(last)
            } else {
                let first = ymd(yy, mm, 1)?;
                add_days(monday_of(first)?, 7 * (*n as i64 - 1))
            }
        }
    }
}

/// (year, month) of a month period, choosing the year by tense when it is not written.
fn month_resolve(y: Year, m: Month, c: &Ctx) -> Option<(i32, u32)> {
    if let (Year::Unknown, Month::Abs(mm)) = (y, m) {
        let a = c.anchor?;
        // Compare months, not days: "en octobre" written on 2 October is this October.
        let am = ymd(a.year(), a.month(), 1)?;
        let cands: Vec<Date> = (-1..=1).filter_map(|k| ymd(a.year() + k, mm, 1)).collect();
        let d = choose(&cands, am, c.tense)?;
        return Some((d.year(), d.month()));
    }
    resolve_ym(y, m, c.anchor)
}

fn fmt_week(d: Date) -> String {
    let (y, w) = iso_week(d);
    format!("{y:04}-W{w:02}")
}

/// A period: (value, anchored).
pub(crate) fn per(p: &Per, c: &Ctx) -> (String, bool) {
    let a = c.anchor;
    match p {
        Per::Day(d) => match day(d, c) {
            Ok((x, anchored)) => (x.to_string(), anchored),
            Err(s) => (s, false),
        },
        Per::Week(w) => match w {
            Week::Abs(Year::Abs(y), n) => (format!("{y:04}-W{n:02}"), false),
            Week::Abs(y, n) => match resolve_year(*y, a) {
                Some(yy) => (format!("{yy:04}-W{n:02}"), true),
                None => (format!("XXXX-W{n:02}"), false),
            },
            _ => match week_monday(w, c) {
                Some(mo) => (fmt_week(mo), true),
                None => ("XXXX-WXX".to_string(), false),
            },
        },
        Per::Weekend(w) => match week_monday(w, c) {
            Some(mo) => (format!("{}-WE", fmt_week(mo)), a.is_some()),
            None => ("XXXX-WXX-WE".to_string(), false),
        },
        Per::Month(y, m) => match month_resolve(*y, *m, c) {
            Some((yy, mm)) => (
                format!("{yy:04}-{mm:02}"),
                !matches!((y, m), (Year::Abs(_), Month::Abs(_))),
            ),
            None => (format!("{}-{}", xyear(*y), xmonth(*m)), false),
        },
        Per::Year(y) => match resolve_year(*y, a) {
            Some(yy) => (format!("{yy:04}"), !matches!(y, Year::Abs(_))),
            None => ("XXXX".to_string(), false),
        },
        Per::Season(None, s) => (s.code().to_string(), false),
        Per::Season(Some(y), s) => match resolve_year(*y, a) {
            Some(yy) => (format!("{yy:04}-{}", s.code()), !matches!(y, Year::Abs(_))),
            None => (format!("XXXX-{}", s.code()), false),
        },
        Per::Quarter(y, q) => match resolve_year(*y, a) {
            Some(yy) => (format!("{yy:04}-Q{q}"), !matches!(y, Year::Abs(_))),
            None => (format!("XXXX-Q{q}"), false),
        },
        Per::Half(y, h) => match resolve_year(*y, a) {
            Some(yy) => (format!("{yy:04}-H{h}"), !matches!(y, Year::Abs(_))),
            None => (format!("XXXX-H{h}"), false),
        },
        Per::Decade(Some(cent), d) => (format!("{cent:02}{d}"), false),
        Per::Decade(None, d) => (format!("XX{d}"), false),
        Per::DecadeRel(k) => match a {
            Some(a) => (format!("{:03}", a.year().div_euclid(10) + k), true),
            None => ("XXX".to_string(), false),
        },
        Per::Century(cdig) => (format!("{cdig:02}"), false),
        Per::Range(x, y) => range(x, y, c),
        Per::FromAnchor {
            dur,
            forward,
            start_days,
        } => {
            let Some(a) = a else {
                return (format!("(XXXX-XX-XX,XXXX-XX-XX,{})", dur.render()), false);
            };
            let v = if *forward {
                add_days(a, *start_days as i64).and_then(|s| shift(s, dur, 1).map(|e| (s, e)))
            } else {
                shift(a, dur, -1).map(|s| (s, a))
            };
            match v {
                Some((s, e)) => (format!("({s},{e},{})", dur.render()), true),
                None => (format!("(XXXX-XX-XX,XXXX-XX-XX,{})", dur.render()), false),
            }
        }
        Per::Anaphoric(u) => (
            match u {
                0 => "XXXX-XX-XX",
                1 => "XXXX-WXX",
                2 => "XXXX-WXX-WE",
                3 => "XXXX-XX",
                _ => "XXXX",
            }
            .to_string(),
            false,
        ),
        Per::RestOf(u) => {
            let Some(a) = a else {
                return ("(XXXX-XX-XX,XXXX-XX-XX,PXD)".to_string(), false);
            };
            let end = match u {
                0 => add_days(a, 7 - a.weekday() as i64),
                1 => ymd(
                    a.year(),
                    a.month(),
                    veille_core::date::days_in_month(a.year(), a.month()),
                ),
                _ => ymd(a.year(), 12, 31),
            };
            match end {
                Some(e) => (format!("({a},{e},P{}D)", e.to_days() - a.to_days()), true),
                None => ("(XXXX-XX-XX,XXXX-XX-XX,PXD)".to_string(), false),
            }
        }
        Per::LastDecades(n) | Per::NextDecades(n) => {
            let Some(a) = a else {
                return (format!("(XXXX,XXXX,P{}Y)", n * 10), false);
            };
            let cur = a.year().div_euclid(10) * 10;
            let (s, e) = if matches!(p, Per::LastDecades(_)) {
                (cur - 10 * n, cur)
            } else {
                (cur + 10, cur + 10 + 10 * n)
            };
            (format!("({s:04}-01-01,{e:04}-01-01,P{}Y)", n * 10), true)
        }
    }
}

/// "(start,end,Pn)" with the duration in the finest unit of the two ends, as Recognizers-Text
/// writes date ranges (TIMEX3 itself would need two TIMEX3 and a DURATION).
fn range(x: &Per, y: &Per, c: &Ctx) -> (String, bool) {
    let under = |c: &Ctx| -> (String, bool) {
        let (vx, _) = per(x, c);
        let (vy, _) = per(y, c);
        (format!("({vx},{vy},PXD)"), false)
    };
    // Without an anchor, ranges inside an unknown year still have a length: compute it in a
    // non-leap stand-in year and keep the X digits.
    if c.anchor.is_none() {
        if let (
            Per::Day(Day::Cal {
                y: Year::Unknown,
                m: Month::Abs(m1),
                d: d1,
                ..
            }),
            Per::Day(Day::Cal {
                y: Year::Unknown,
                m: Month::Abs(m2),
                d: d2,
                ..
            }),
        ) = (x, y)
        {
            let (Some(s), Some(mut e)) = (ymd(2001, *m1, *d1), ymd(2001, *m2, *d2)) else {
                return under(c);
            };
            if e < s {
                e = ymd(2002, *m2, *d2).unwrap_or(e);
            }
            return (
                format!(
                    "(XXXX-{m1:02}-{d1:02},XXXX-{m2:02}-{d2:02},P{}D)",
                    e.to_days() - s.to_days()
                ),
                false,
            );
        }
        let stand_in = Ctx {
            anchor: None,
            tense: c.tense,
        };
        if let (Some(bx), Some(by)) = (bounds(x, &stand_in), bounds(y, &stand_in)) {
            return fmt_range(bx, by, false);
        }
        return under(c);
    }
    let (Some(bx), Some(mut by)) = (bounds(x, c), bounds(y, c)) else {
        return under(c);
    };
    // "between Friday and Sunday": the end weekday follows the start.
    if by.0 < bx.0
        && let Per::Day(Day::Weekday { .. }) = y
        && let (Some(s), Some(e)) = (add_days(by.0, 7), add_days(by.1, 7))
    {
        by = (s, e, by.2);
    }
    // The end of a range whose year came from the start cannot precede it.
    if by.0 < bx.0
        && let Per::Day(Day::Cal {
            y: Year::Unknown, ..
        }) = y
        && let (Some(s), Some(e)) = (add_months(by.0, 12), add_months(by.1, 12))
    {
        by = (s, e, by.2);
    }
    fmt_range(bx, by, true)
}

fn fmt_range(bx: (Date, Date, Gran), by: (Date, Date, Gran), anchored: bool) -> (String, bool) {
    let (s, e) = (bx.0, by.0);
    let g = bx.2.min(by.2);
    let dur = match g {
        Gran::Day => format!("P{}D", e.to_days() - s.to_days()),
        Gran::Week => format!("P{}W", (e.to_days() - s.to_days()) / 7),
        Gran::Month => format!("P{}M", months_between(s, e)),
        Gran::Year => format!("P{}Y", e.year() - s.year()),
    };
    (format!("({s},{e},{dur})"), anchored)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(a: &str, tense: Tense) -> Ctx {
        Ctx {
            anchor: Some(a.parse().unwrap()),
            tense,
        }
    }

    fn wd(w: u32, rel: WdRel, a: &str, t: Tense) -> String {
        day(&Day::Weekday { wd: w, rel }, &ctx(a, t))
            .unwrap()
            .0
            .to_string()
    }

    #[test]
    fn weekdays_by_tense() {
        // 2020-10-02 is a Friday.
        assert_eq!(wd(5, WdRel::Bare, "2020-10-02", Tense::Past), "2020-10-02");
        assert_eq!(
            wd(5, WdRel::Bare, "2020-10-02", Tense::Future),
            "2020-10-02"
        );
        assert_eq!(
            wd(1, WdRel::Bare, "2020-10-02", Tense::Future),
            "2020-10-05"
        );
        assert_eq!(wd(1, WdRel::Bare, "2020-10-02", Tense::Past), "2020-09-28");
        assert_eq!(
            wd(5, WdRel::This, "2020-10-02", Tense::Future),
            "2020-10-02"
        );
        assert_eq!(
            wd(7, WdRel::Next, "2016-11-07", Tense::Unknown),
            "2016-11-20"
        );
        assert_eq!(
            wd(7, WdRel::Last, "2016-11-07", Tense::Unknown),
            "2016-11-06"
        );
        assert_eq!(
            wd(5, WdRel::Week(1), "2016-11-07", Tense::Unknown),
            "2016-11-18"
        );
    }

    #[test]
    fn partial_dates_by_tense() {
        let d = Day::Cal {
            y: Year::Unknown,
            m: Month::Abs(9),
            d: 30,
            wd: Some(3),
        };
        assert_eq!(
            day(&d, &ctx("2020-10-02", Tense::Past))
                .unwrap()
                .0
                .to_string(),
            "2020-09-30"
        );
        assert_eq!(
            day(&d, &ctx("2020-10-02", Tense::Unknown))
                .unwrap()
                .0
                .to_string(),
            "2020-09-30"
        );
        let none = Ctx {
            anchor: None,
            tense: Tense::Unknown,
        };
        assert_eq!(day(&d, &none).unwrap_err(), "XXXX-09-30");
    }

    #[test]
    fn periods() {
        let c = ctx("2020-10-02", Tense::Unknown);
        assert_eq!(per(&Per::Week(Week::Rel(0)), &c).0, "2020-W40");
        assert_eq!(
            per(&Per::Month(Year::Unknown, Month::Abs(10)), &c).0,
            "2020-10"
        );
        assert_eq!(per(&Per::Year(Year::Rel(-1)), &c).0, "2019");
        let r = Per::Range(
            Box::new(Per::Day(Day::Cal {
                y: Year::Unknown,
                m: Month::Abs(10),
                d: 4,
                wd: None,
            })),
            Box::new(Per::Day(Day::Cal {
                y: Year::Unknown,
                m: Month::Abs(10),
                d: 22,
                wd: None,
            })),
        );
        assert_eq!(per(&r, &c).0, "(2020-10-04,2020-10-22,P18D)");
        let none = Ctx {
            anchor: None,
            tense: Tense::Unknown,
        };
        assert_eq!(per(&r, &none).0, "(XXXX-10-04,XXXX-10-22,P18D)");
    }
}
