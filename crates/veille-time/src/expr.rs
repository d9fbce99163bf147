//! What the grammar recognises, before it is resolved against an anchor: partial calendar dates,
//! relative days, weekdays with their qualifier, periods, durations, sets and clock times.
//! Keeping this separate from the TIMEX3 string means one rule serves with or without an article
//! date, and the resolution policy (tense, nearest occurrence) lives in one place (`resolve`).

use crate::TimexMod;

/// Slots of [`Dur::parts`], in the order TIMEX3 writes them.
pub(crate) mod dur_slot {
    pub const Y: usize = 0;
    pub const M: usize = 1;
    pub const W: usize = 2;
    pub const D: usize = 3;
    pub const BD: usize = 4;
    pub const H: usize = 5;
    pub const MI: usize = 6;
    pub const S: usize = 7;
}

/// A duration as TIMEX3 writes it: P1Y2M3D, PT3H, P3.5Y. A NaN part is an unknown count
/// ("plusieurs jours" → PXD).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Dur {
    pub parts: [f64; 8],
}

impl Dur {
    pub fn of(slot: usize, v: f64) -> Dur {
        let mut d = Dur::default();
        if let Some(p) = d.parts.get_mut(slot) {
            *p = v;
        }
        d
    }
    /// Adds `other` if the two use different slots (a composite like "un an et deux mois").
    pub fn merge(&self, other: &Dur) -> Option<Dur> {
        let mut out = *self;
        for (a, b) in out.parts.iter_mut().zip(other.parts.iter()) {
            if *b != 0.0 {
                if *a != 0.0 {
                    return None;
                }
                *a = *b;
            }
        }
        Some(out)
    }
    pub fn render(&self) -> String {
        use dur_slot::*;
        let mut s = String::from("P");
        let num = |v: f64| -> String {
            if v.is_nan() {
                "X".to_string()
            } else if v.fract() == 0.0 {
                format!("{}", v as i64)
            } else {
                let t = format!("{v:.3}");
                t.trim_end_matches('0').trim_end_matches('.').to_string()
            }
        };
        for (slot, c) in [(Y, 'Y'), (M, 'M'), (W, 'W'), (D, 'D')] {
            let v = self.parts[slot];
            if v != 0.0 {
                s.push_str(&num(v));
                s.push(c);
            }
        }
        if self.parts[BD] != 0.0 {
            s.push_str(&num(self.parts[BD]));
            s.push_str("BD");
        }
        let time = [(H, 'H'), (MI, 'M'), (S, 'S')];
        if time.iter().any(|&(slot, _)| self.parts[slot] != 0.0) {
            s.push('T');
            for (slot, c) in time {
                let v = self.parts[slot];
                if v != 0.0 {
                    s.push_str(&num(v));
                    s.push(c);
                }
            }
        }
        if s == "P" {
            s.push_str("0D");
        }
        s
    }
}

/// A year as written: explicit, relative to the anchor's year, or not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Year {
    Abs(i32),
    Rel(i32),
    Unknown,
}

/// A month as written: explicit (1..=12), relative to the anchor's month, or not given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Month {
    Abs(u32),
    Rel(i32),
    Unknown,
}

/// How a weekday name is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WdRel {
    /// "vendredi", "on Friday": resolved by tense.
    Bare,
    /// "ce vendredi", "this Friday": in the anchor's week (moved a week by a clear tense).
    This,
    /// "vendredi prochain", "next Friday": in the following week.
    Next,
    /// "vendredi dernier", "last Friday": the latest one before the anchor.
    Last,
    /// "vendredi de la semaine prochaine": in the anchor's week plus n.
    Week(i32),
}

/// A day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Day {
    /// Day of month with optional month and year; `wd` is a weekday written next to it, used
    /// to choose among candidate months or years.
    Cal {
        y: Year,
        m: Month,
        d: u32,
        wd: Option<u32>,
    },
    /// Anchor plus n days ("hier" = -1).
    Rel(i32),
    Weekday {
        wd: u32,
        rel: WdRel,
    },
    /// n-th (or last when n < 0) weekday of a month ("premier vendredi de juillet").
    NthWeekday {
        n: i32,
        wd: u32,
        y: Year,
        m: Month,
    },
    /// A day shifted by a duration ("il y a deux ans", "two days after tomorrow").
    Offset {
        base: Box<Day>,
        dur: Dur,
        sign: i8,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Week {
    /// Anchor's week plus n.
    Rel(i32),
    /// ISO week number of a year.
    Abs(Year, u32),
    /// n-th (or last) week of a month.
    OfMonth(Year, Month, i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A DATE of any granularity.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Per {
    Day(Day),
    Week(Week),
    Weekend(Week),
    Month(Year, Month),
    Year(Year),
    /// A season; without a year it stays generic ("l'été" → SU).
    Season(Option<Year>, Season),
    Quarter(Year, u32),
    Half(Year, u32),
    /// Decade: (century digits if known, decade digit): 197 = the 1970s.
    Decade(Option<i32>, u32),
    /// Decade relative to the anchor's decade.
    DecadeRel(i32),
    /// TIMEX3 century digits: the 20th century is "19".
    Century(i32),
    /// From one date to another, inclusive of both ends as written.
    Range(Box<Per>, Box<Per>),
    /// A stretch counted from the anchor: "les 3 prochains jours", "past 3 weeks".
    /// `start_days` is the first day relative to the anchor for a forward stretch.
    FromAnchor {
        dur: Dur,
        forward: bool,
        start_days: i32,
    },
    /// "ce jour-là", "la même semaine", "that year": the time of the story, not of the article;
    /// 0 day, 1 week, 2 weekend, 3 month, 4 year. Always left underspecified.
    Anaphoric(u8),
    /// "le reste de la semaine": from the anchor to the end of its week (0), month (1) or
    /// year (2).
    RestOf(u8),
    /// "les deux dernières décennies": n whole decades before the current one.
    LastDecades(i32),
    NextDecades(i32),
}

/// Part of day, as TIMEX3 codes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Pod {
    pub fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
        }
    }
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tm {
    Clock { h: u32, m: u32 },
    Pod(Pod),
}

impl Tm {
    /// "T15", "T15:30", "TMO" (hour-only precision as ISO 8601 allows).
    pub fn render(self) -> String {
        match self {
            Tm::Clock { h, m: 0 } => format!("T{h:02}"),
            Tm::Clock { h, m } => format!("T{h:02}:{m:02}"),
            Tm::Pod(p) => format!("T{}", p.code()),
        }
    }
}

/// A recurrence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SetE {
    /// Every period: P1Y, P2W.
    Every(Dur),
    /// Every weekday, optionally at a time: XXXX-WXX-1, XXXX-WXX-1T16.
    Weekday(u32, Option<Tm>),
    /// Every year on a day: XXXX-04-15.
    MonthDay(u32, u32),
    /// Every day at a time or part of day: T09, TMO.
    Time(Tm),
}

/// Everything the grammar can produce.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Date(Per, Option<TimexMod>),
    DateTime(Day, Tm),
    Time(Tm),
    Dur(Dur, Option<TimexMod>),
    Set(SetE),
}

#[cfg(test)]
mod tests {
    use super::dur_slot::*;
    use super::*;

    #[test]
    fn durations_render() {
        assert_eq!(Dur::of(D, 3.0).render(), "P3D");
        assert_eq!(Dur::of(Y, 3.5).render(), "P3.5Y");
        assert_eq!(Dur::of(H, 1.5).render(), "PT1.5H");
        assert_eq!(Dur::of(S, 123.45).render(), "PT123.45S");
        let c = Dur::of(Y, 1.0)
            .merge(&Dur::of(M, 1.0))
            .unwrap()
            .merge(&Dur::of(D, 21.0))
            .unwrap();
        assert_eq!(c.render(), "P1Y1M21D");
        assert!(c.merge(&Dur::of(D, 1.0)).is_none());
        assert_eq!(Dur::of(D, f64::NAN).render(), "PXD");
        assert_eq!(Dur::of(BD, 1.0).render(), "P1BD");
    }
}
