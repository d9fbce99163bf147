//! DATE rules: calendar dates, numeric dates, relative days, weekdays, months, years, weeks,
//! quarters, seasons, decades, centuries, stretches from the anchor, modifiers and ranges.

use super::{G, Hit};
use crate::TimexMod;
use crate::cal::weeks_in_year;
use crate::expr::{Day, Expr, Month, Per, Season, WdRel, Week, Year};
use crate::lex::Unit;

pub(crate) type P = Option<(usize, Per, &'static str)>;

/// Keeps the longer of two matches (the first on a tie).
pub(crate) fn longer<T>(
    a: Option<(usize, T, &'static str)>,
    b: Option<(usize, T, &'static str)>,
) -> Option<(usize, T, &'static str)> {
    match (&a, &b) {
        (Some(x), Some(y)) if y.0 > x.0 => b,
        (None, _) => b,
        _ => a,
    }
}

/// Period units that take "ce/prochain/dernier" qualifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RelUnit {
    Day,
    Week,
    Month,
    Year,
    Weekend,
    Decade,
}

/// An endpoint of a range: a date, or a bare day number waiting for the other end's month.
#[derive(Clone)]
enum End {
    Per(Per),
    Dom(u32),
}

impl<'s, 'a> G<'s, 'a> {
    /// Any DATE expression.
    pub fn date_point(&self, i: usize) -> Hit {
        let plain = self
            .point_per(i)
            .map(|(e, p, r)| (e, Expr::Date(p, None), r));
        let plain = longer(
            plain,
            self.stretch(i).map(|(e, p, r)| (e, Expr::Date(p, None), r)),
        );
        let plain = longer(
            plain,
            self.rest_of(i).map(|(e, p, r)| (e, Expr::Date(p, None), r)),
        );
        longer(plain, self.mod_period(i))
    }

    /// A date usable as a range endpoint (no modifier, no stretch).
    pub fn point_per(&self, i: usize) -> P {
        if !self.may_start(i) {
            return None;
        }
        self.point_memo.get_or(i, || self.point_per_uncached(i))
    }

    fn point_per_uncached(&self, i: usize) -> P {
        // Each rule can only start with a few kinds of token: test those first so that a
        // position costs a handful of comparisons instead of every rule.
        let fr = self.fr();
        let w = self.w(i);
        let digit = self.digits(i);
        let word = self.word(i);
        let e = self.ent(i);
        let wd = e.is_some_and(|e| e.weekday.is_some());
        let mo = e.is_some_and(|e| e.month.is_some());
        let numw = e.is_some_and(|e| e.num.is_some() || e.ordinal.is_some());
        let det = matches!(w, "le" | "the");
        let unit = e.is_some_and(|e| e.unit.is_some());
        let mut best: P = None;
        let mut try_rule = |ok: bool, f: &dyn Fn() -> P| {
            if ok {
                best = longer(best.take(), f());
            }
        };
        try_rule(digit || wd || mo || numw || det, &|| self.cal_date(i));
        try_rule(digit, &|| self.numeric_date(i));
        try_rule(
            if fr {
                matches!(
                    w,
                    "aujourd"
                        | "aujourdhui"
                        | "avant"
                        | "apres"
                        | "hier"
                        | "demain"
                        | "le"
                        | "lendemain"
                        | "surlendemain"
                        | "la"
                        | "ce"
                        | "jour"
                )
            } else {
                matches!(
                    w,
                    "today"
                        | "yesterday"
                        | "tomorrow"
                        | "tmrw"
                        | "tomorow"
                        | "the"
                        | "day"
                        | "next"
                )
            },
            &|| self.rel_day(i),
        );
        try_rule(
            wd || if fr {
                matches!(w, "ce" | "cet" | "cette" | "prochain" | "le")
            } else {
                matches!(
                    w,
                    "on" | "this"
                        | "coming"
                        | "upcoming"
                        | "next"
                        | "last"
                        | "past"
                        | "previous"
                        | "the"
                        | "current"
                        | "following"
                        | "preceding"
                )
            },
            &|| self.weekday_expr(i),
        );
        try_rule(
            digit || numw || matches!(w, "le" | "the" | "dernier" | "derniere" | "last"),
            &|| self.nth_weekday(i),
        );
        try_rule(det, &|| self.dom_alone(i));
        try_rule(
            mo || if fr {
                matches!(
                    w,
                    "ce" | "cet" | "cette" | "prochain" | "au" | "le" | "mois" | "en"
                )
            } else {
                matches!(
                    w,
                    "this" | "next" | "last" | "past" | "previous" | "in" | "during" | "month"
                )
            },
            &|| self.month_period(i),
        );
        try_rule(
            digit
                || if fr {
                    matches!(w, "l" | "annee" | "en")
                } else {
                    matches!(w, "the" | "year" | "in")
                },
            &|| self.year_period(i),
        );
        try_rule(
            unit || if fr {
                matches!(
                    w,
                    "dans"
                        | "au"
                        | "courant"
                        | "ce"
                        | "cet"
                        | "cette"
                        | "le"
                        | "la"
                        | "l"
                        | "prochain"
                        | "prochaine"
                        | "dernier"
                        | "derniere"
                        | "week"
                        | "weekend"
                )
            } else {
                matches!(
                    w,
                    "the"
                        | "this"
                        | "current"
                        | "next"
                        | "coming"
                        | "upcoming"
                        | "following"
                        | "last"
                        | "past"
                        | "previous"
                        | "preceding"
                        | "weekend"
                )
            },
            &|| self.rel_period(i),
        );
        try_rule(
            digit
                || numw
                || unit
                || matches!(w, "la" | "le" | "the" | "derniere" | "dernier" | "last"),
            &|| self.week_of(i),
        );
        try_rule(
            digit || numw || matches!(w, "le" | "au" | "du" | "the" | "q" | "h" | "t" | "s"),
            &|| self.quarter(i),
        );
        try_rule(
            if fr {
                matches!(
                    w,
                    "ce" | "cet"
                        | "cette"
                        | "l"
                        | "en"
                        | "au"
                        | "le"
                        | "printemps"
                        | "ete"
                        | "automne"
                        | "hiver"
                )
            } else {
                matches!(
                    w,
                    "this"
                        | "next"
                        | "last"
                        | "past"
                        | "the"
                        | "in"
                        | "during"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "fall"
                        | "winter"
                )
            },
            &|| self.season(i),
        );
        try_rule(
            digit
                || numw
                || if fr {
                    matches!(w, "les" | "des" | "annees")
                } else {
                    matches!(w, "the" | "'" | "noughties") || w.ends_with("ties")
                },
            &|| self.decade(i),
        );
        try_rule(
            digit || numw || det || (fr && word && self.roman_ordinal(i).is_some()),
            &|| self.century(i),
        );
        try_rule(
            if fr {
                matches!(w, "la" | "le" | "l" | "ce" | "cet" | "cette")
            } else {
                matches!(w, "the" | "that")
            },
            &|| self.anaphoric(i),
        );
        best
    }

    /// "ce jour-là", "la même semaine", "cette année-là", "that day", "the same month".
    pub fn anaphoric(&self, i: usize) -> P {
        let units = [
            (RelUnit::Day, 0u8),
            (RelUnit::Weekend, 2),
            (RelUnit::Week, 1),
            (RelUnit::Month, 3),
            (RelUnit::Year, 4),
        ];
        let unit = |k: usize| {
            units
                .iter()
                .find_map(|&(u, c)| self.unit_word(k, u).map(|e| (e, c)))
        };
        if self.fr() {
            if let Some(j) = self.any(i, &["la", "le"]).or_else(|| self.elided(i, "l"))
                && let Some(k) = self.any(j, &["meme"])
                && let Some((e, c)) = unit(k)
            {
                return Some((e, Per::Anaphoric(c), "period.anaphoric"));
            }
            let j = self.any(i, &["ce", "cet", "cette", "le", "la"])?;
            let (e, c) = unit(j)?;
            let e = self.seq(e, &["-", "la"])?;
            Some((e, Per::Anaphoric(c), "period.anaphoric"))
        } else {
            let k = self
                .seq(i, &["the", "same"])
                .or_else(|| self.any(i, &["that"]))?;
            let (e, c) = unit(k)?;
            Some((e, Per::Anaphoric(c), "period.anaphoric"))
        }
    }

    // ---------------------------------------------------------------- helpers

    fn unit_word(&self, k: usize, u: RelUnit) -> Option<usize> {
        let fr = self.fr();
        match u {
            RelUnit::Day => {
                if fr {
                    self.any(k, &["jour", "journee"])
                } else {
                    self.any(k, &["day"])
                }
            }
            RelUnit::Week => self.any(k, if fr { &["semaine"] } else { &["week"] }),
            RelUnit::Month => self.any(k, if fr { &["mois"] } else { &["month"] }),
            RelUnit::Year => self.any(k, if fr { &["annee", "an"] } else { &["year"] }),
            RelUnit::Weekend => self
                .seqs(k, &[&["week", "-", "end"], &["week", "end"]])
                .or_else(|| self.any(k, &["weekend"])),
            RelUnit::Decade => self.any(k, if fr { &["decennie"] } else { &["decade"] }),
        }
    }

    /// "cette semaine" (0), "la semaine prochaine" (+1), "l'an dernier" (-1), "next month",
    /// "the year after next" (+2)...
    pub fn rel_unit(&self, i: usize, u: RelUnit) -> Option<(usize, i32)> {
        if self.fr() {
            let (j, det) = if let Some(j) = self.any(i, &["ce", "cet", "cette"]) {
                (j, 2)
            } else if let Some(j) = self.any(i, &["le", "la"]).or_else(|| self.elided(i, "l")) {
                (j, 1)
            } else {
                (i, 0)
            };
            let (j2, pre) = match self.w(j) {
                "prochain" | "prochaine" => (j + 1, Some(1)),
                "dernier" | "derniere" => (j + 1, Some(-1)),
                _ => (j, None),
            };
            let k = self.unit_word(j2, u)?;
            if self.is(k, "-") && self.any(k + 1, &["ci", "la"]).is_some() {
                return (det == 2 && pre.is_none() && self.is(k + 1, "ci")).then_some((k + 2, 0));
            }
            let q = match self.w(k) {
                "prochain" | "prochaine" | "prochains" | "prochaines" | "suivant" | "suivante" => {
                    Some((k + 1, 1))
                }
                "dernier" | "derniere" | "passe" | "passee" | "precedent" | "precedente" => {
                    Some((k + 1, -1))
                }
                "courant" | "courante" => Some((k + 1, 0)),
                _ => self
                    .seq(k, &["a", "venir"])
                    .map(|e| (e, 1))
                    .or_else(|| self.seq(k, &["en", "cours"]).map(|e| (e, 0)))
                    .or_else(|| self.seq(k, &["apres", "le", "prochain"]).map(|e| (e, 2)))
                    .or_else(|| self.seq(k, &["apres", "la", "prochaine"]).map(|e| (e, 2))),
            };
            match (pre, q) {
                (Some(p), None) if det > 0 => Some((k, p)),
                (None, Some((e, q))) => Some((e, q)),
                (None, None) if det == 2 => Some((k, 0)),
                (None, None) if det == 1 && u == RelUnit::Weekend => Some((k, 0)),
                _ => None,
            }
        } else {
            let j = self.opt(i, &["the"]);
            let (j2, pre) = match self.w(j) {
                "this" | "current" => {
                    let j2 = self.opt(j + 1, &["coming"]);
                    (j2, Some(0))
                }
                "next" | "coming" | "upcoming" | "following" => (j + 1, Some(1)),
                "last" | "past" | "previous" | "preceding" => (j + 1, Some(-1)),
                _ => (j, None),
            };
            let k = self.unit_word(j2, u)?;
            match pre {
                Some(p) => Some((k, p)),
                None => {
                    if let Some(e) = self.seqs(k, &[&["after", "next"], &["after", "the", "next"]])
                    {
                        Some((e, 2))
                    } else if j > i && u == RelUnit::Weekend {
                        Some((k, 0))
                    } else {
                        None
                    }
                }
            }
        }
    }

    /// A year after a date or month: ", 2016", "2016", "deux mille dix-huit", "78".
    fn opt_year(&self, k: usize) -> (usize, Year) {
        let k1 = self.opt(k, &[","]);
        if let Some((e, y)) = self.year4(k1) {
            return (e, Year::Abs(y));
        }
        if let Some((e, y)) = self.year_words(k1) {
            return (e, Year::Abs(y));
        }
        if k1 == k
            && let Some((e, y)) = self.year2(k)
            && !self.time_follows(e)
            && (self.phrase_end(e) || !self.word(e) && !self.digits(e))
        {
            return (e, Year::Abs(y));
        }
        (k, Year::Unknown)
    }

    /// A year written after a month or season, with French "de l'année 2016" or English "of".
    fn year_after(&self, k: usize) -> Option<(usize, Year)> {
        let mut j = k;
        if let Some(e) = self.any(j, &["de", "of", "en", "in"]) {
            j = e;
            if let Some(e) = self
                .elided(j, "l")
                .and_then(|e| self.any(e, &["annee", "an"]))
            {
                j = e;
            } else if let Some(e) = self.seq(j, &["the", "year"]) {
                j = e;
            }
        }
        if let Some((e, r)) = self.rel_unit(j, RelUnit::Year) {
            return Some((e, Year::Rel(r)));
        }
        let (e, y) = self.opt_year(j);
        if y != Year::Unknown {
            return Some((e, y));
        }
        if j == k
            && let Some((e, r)) = self.rel_unit(k, RelUnit::Year)
        {
            return Some((e, Year::Rel(r)));
        }
        None
    }

    /// Previous token allows a weak month or a year in words ("en", "in", "since").
    fn cue_before(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.w(i - 1),
                "en" | "in"
                    | "since"
                    | "depuis"
                    | "of"
                    | "de"
                    | "d"
                    | "'"
                    | "until"
                    | "by"
                    | "during"
                    | "mois"
                    | "month"
                    | "this"
                    | "next"
                    | "last"
                    | "ce"
                    | "cette"
                    | "cet"
                    | "fin"
                    | "debut"
                    | "mi"
                    | "-"
                    | "early"
                    | "late"
                    | "mid"
                    | "dans"
                    | "jusqu"
                    | "avant"
                    | "apres"
                    | "before"
                    | "after"
                    | "from"
                    | "au"
                    | "courant"
                    | "year"
                    | "annee"
                    | "an"
            )
    }

    // ---------------------------------------------------------------- days

    /// "30 septembre", "mercredi 30 septembre 2020", "Oct. 2", "January 12, 2016",
    /// "le 20 du mois prochain", "vendredi 22", "Thursday the 21st".
    pub fn cal_date(&self, i: usize) -> P {
        let (j, wd) = match self.weekday_tok(i) {
            Some((k, wd, false, _)) => {
                let k = self.opt(k, &[","]);
                (self.opt(k, &["le", "the"]), Some(wd))
            }
            _ => (self.opt(i, &["le", "the"]), None),
        };
        // Day then month.
        if let Some((k, d)) = self.dom(j, true) {
            // "16. Nov. 2016": German-style dot after the day number.
            let k = if self.digits(j)
                && self.is(k, ".")
                && self.glued(k)
                && self.month_tok(k + 1).is_some()
            {
                k + 1
            } else {
                k
            };
            let k2 = if self.fr() {
                self.opt(k, &["de", "du"])
            } else {
                self.opt(k, &["of"])
            };
            if let Some((k3, m, strong)) = self.month_tok(k2)
                && (strong || self.digits(j) || wd.is_some() || k2 > k || !self.fr() || k3 > k2 + 1)
                && !(self.is(k3, "-") && self.digits(k3 + 1))
            {
                let (k4, y) = self.opt_year(k3);
                return Some((
                    k4,
                    Per::Day(Day::Cal {
                        y,
                        m: Month::Abs(m),
                        d,
                        wd,
                    }),
                    "date.dmy",
                ));
            }
            // "le 20 du mois prochain", "the 31st of this month"
            let k2 = self.opt(k, &["du", "de", "of", "in"]);
            if let Some((k3, r)) = self.rel_unit(k2, RelUnit::Month).or_else(|| {
                if self.is(k, "du") {
                    self.rel_unit(k + 1, RelUnit::Month)
                } else {
                    None
                }
            }) {
                return Some((
                    k3,
                    Per::Day(Day::Cal {
                        y: Year::Unknown,
                        m: Month::Rel(r),
                        d,
                        wd,
                    }),
                    "date.dom_rel_month",
                ));
            }
            if self.fr() && self.is(k, "du") && self.is(k + 1, "mois") && self.phrase_end(k + 2) {
                return Some((
                    k + 2,
                    Per::Day(Day::Cal {
                        y: Year::Unknown,
                        m: Month::Rel(0),
                        d,
                        wd,
                    }),
                    "date.dom_rel_month",
                ));
            }
        }
        // Month then day.
        if let Some((k, m, strong)) = self.month_tok(j) {
            let mut k1 = k;
            if matches!(self.w(k1), "-" | "/" | ".") {
                k1 += 1;
            }
            k1 = self.opt(k1, &["the"]);
            if let Some((k2, d)) = self.dom(k1, true)
                && !self.time_follows(k2)
                && self.ent(k2).and_then(|e| e.unit).is_none()
                && (strong || self.digits(k1) || wd.is_some() || !self.fr())
                && !(self.digits(k1) && self.s.ndigits(k1) == 2 && self.glued(k1) && k1 == k)
            {
                let (k3, y) = self.opt_year(k2);
                return Some((
                    k3,
                    Per::Day(Day::Cal {
                        y,
                        m: Month::Abs(m),
                        d,
                        wd,
                    }),
                    "date.mdy",
                ));
            }
        }
        // Weekday and day number: "vendredi 22", "Friday the 22nd", "vendredi, le 15".
        if let Some(wd) = wd
            && let Some((k, d)) = self.dom(j, true)
            && !self.time_follows(k)
            && self.ent(k).and_then(|e| e.unit).is_none()
            && (self.phrase_end(k)
                || !self.word(k)
                || self
                    .any(
                        k,
                        &[
                            "a", "et", "au", "at", "and", "in", "en", "dans", "pour", "for",
                            "until", "till", "to", "through", "jusqu",
                        ],
                    )
                    .is_some())
        {
            return Some((
                k,
                Per::Day(Day::Cal {
                    y: Year::Unknown,
                    m: Month::Unknown,
                    d,
                    wd: Some(wd),
                }),
                "date.weekday_dom",
            ));
        }
        // "le vingt-et-un, jeudi"
        if let Some((k, d)) = self.dom(j, true)
            && self.is(k, ",")
            && let Some((k2, wd, false, false)) = self.weekday_tok(k + 1)
        {
            return Some((
                k2,
                Per::Day(Day::Cal {
                    y: Year::Unknown,
                    m: Month::Unknown,
                    d,
                    wd: Some(wd),
                }),
                "date.dom_weekday",
            ));
        }
        None
    }

    /// Numeric dates: 21/04/2016, 2015-08-12, 13.5.2015, 22/04, 3/2015, 2016-11, 2019-sep-1.
    pub fn numeric_date(&self, i: usize) -> P {
        if !self.digits(i) {
            return None;
        }
        // Digits glued to letters or to other digits' separators on the left are something else
        // (a reference number, a score).
        if i > 0 && self.glued(i) && (self.word(i - 1) || self.digits(i - 1)) {
            return None;
        }
        let a = self.s.num(i)?;
        let na = self.s.ndigits(i);
        let is_sep = |k: usize| matches!(self.w(k), "/" | "-" | ".");
        if na == 4 {
            let y = a as i32;
            if !(1000..=2999).contains(&y) {
                return None;
            }
            let k = i + 1;
            if !is_sep(k) {
                return None;
            }
            let spaced = !self.glued(k) || !self.glued(k + 1);
            let k2 = k + 1;
            if self.digits(k2) && self.s.ndigits(k2) <= 2 {
                let m = self.s.num(k2)?;
                if !(1..=12).contains(&m) {
                    return None;
                }
                if !spaced
                    && self.is(k2 + 1, self.w(k))
                    && self.glued(k2 + 1)
                    && self.glued(k2 + 2)
                    && self.digits(k2 + 2)
                    && self.s.ndigits(k2 + 2) <= 2
                {
                    let d = self.s.num(k2 + 2)?;
                    if (1..=31).contains(&d) && !self.digits(k2 + 4) {
                        return Some((
                            k2 + 3,
                            Per::Day(Day::Cal {
                                y: Year::Abs(y),
                                m: Month::Abs(m),
                                d,
                                wd: None,
                            }),
                            "date.numeric_ymd",
                        ));
                    }
                    return None;
                }
                if is_sep(k2 + 1) && self.digits(k2 + 2) {
                    return None;
                }
                return Some((
                    k2 + 1,
                    Per::Month(Year::Abs(y), Month::Abs(m)),
                    "date.numeric_ym",
                ));
            }
            if !spaced
                && let Some((k3, m, _)) = self.month_tok(k2)
                && is_sep(k3)
                && let Some((k4, d)) = self.dom(k3 + 1, false)
            {
                return Some((
                    k4,
                    Per::Day(Day::Cal {
                        y: Year::Abs(y),
                        m: Month::Abs(m),
                        d,
                        wd: None,
                    }),
                    "date.numeric_ymd",
                ));
            }
            return None;
        }
        if na > 2 || !is_sep(i + 1) {
            return None;
        }
        let sep = self.w(i + 1);
        let k = i + 2;
        if !self.digits(k) {
            // "16-nov." : two-digit year, month name.
            if self.glued(i + 1)
                && sep == "-"
                && self.glued(k)
                && let Some((k3, m, _)) = self.month_tok(k)
                && na == 2
            {
                let y = if a < 50 {
                    2000 + a as i32
                } else {
                    1900 + a as i32
                };
                return Some((
                    k3,
                    Per::Month(Year::Abs(y), Month::Abs(m)),
                    "date.numeric_ym",
                ));
            }
            return None;
        }
        let b = self.s.num(k)?;
        let nb = self.s.ndigits(k);
        if nb == 4 {
            // Month / year: 3/2015, 11 - 2016.
            if (1..=12).contains(&a) && (1000..=2999).contains(&b) && !is_sep(k + 1) {
                return Some((
                    k + 1,
                    Per::Month(Year::Abs(b as i32), Month::Abs(a)),
                    "date.numeric_my",
                ));
            }
            return None;
        }
        if nb > 2 || !self.glued(i + 1) || !self.glued(k) {
            return None;
        }
        // Third part: year.
        let mut end = k + 1;
        let mut year = Year::Unknown;
        if self.is(k + 1, sep) && self.glued(k + 1) && self.glued(k + 2) && self.digits(k + 2) {
            let (e, y) = match self.s.ndigits(k + 2) {
                4 => self.year4(k + 2)?,
                2 => self.year2(k + 2)?,
                _ => return None,
            };
            if is_sep(e) && self.glued(e) && self.digits(e + 1) {
                return None;
            }
            end = e;
            year = Year::Abs(y);
        } else if self.is(k + 1, ",")
            && self.digits(k + 2)
            && matches!(self.s.ndigits(k + 2), 2 | 4)
        {
            let (e, y) = if self.s.ndigits(k + 2) == 4 {
                self.year4(k + 2)?
            } else {
                self.year2(k + 2)?
            };
            end = e;
            year = Year::Abs(y);
        } else if is_sep(k + 1) && self.glued(k + 1) && self.digits(k + 2) {
            return None;
        }
        // Order of day and month.
        let has_year = year != Year::Unknown;
        let (d, m) = if a > 12 {
            (a, b)
        } else if b > 12 {
            (b, a)
        } else if self.fr() {
            if sep == "/" || has_year {
                (a, b)
            } else {
                (b, a)
            }
        } else {
            (b, a)
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        // A bare "4.5" or "5-3" with no year is too often a number, a score or a range: it is a
        // date only after a word that introduces one ("le 10-02", "on 4-22").
        if !has_year && sep != "/" {
            if self.time_follows(end) || self.ent(end).and_then(|e| e.unit).is_some() {
                return None;
            }
            // English writes decimals with a point: "7.5" is a number there.
            if !self.fr() && sep == "." {
                return None;
            }
            let cue = i > 0
                && matches!(
                    self.w(i - 1),
                    "le" | "du"
                        | "au"
                        | "on"
                        | "from"
                        | "to"
                        | "until"
                        | "depuis"
                        | "jusqu"
                        | "'"
                        | "chaque"
                        | "each"
                        | "every"
                );
            if !cue {
                return None;
            }
        }
        // "220 2/3 innings", "6 1/4 %": a fraction after a number.
        if !has_year && i > 0 && self.digits(i - 1) {
            return None;
        }
        Some((
            end,
            Per::Day(Day::Cal {
                y: year,
                m: Month::Abs(m),
                d,
                wd: None,
            }),
            "date.numeric_dmy",
        ))
    }

    /// "aujourd'hui", "hier", "avant-hier", "demain", "après-demain", "le lendemain",
    /// "today", "yesterday", "the day after tomorrow".
    pub fn rel_day(&self, i: usize) -> P {
        let r = if self.fr() {
            if let Some(e) = self
                .seq(i, &["aujourd", "'", "hui"])
                .or_else(|| self.any(i, &["aujourdhui"]))
            {
                Some((e, 0))
            } else if let Some(e) = self.seq(i, &["avant", "hier"]) {
                Some((e, -2))
            } else if let Some(e) = self.seq(i, &["apres", "demain"]) {
                Some((e, 2))
            } else if let Some(e) = self.any(i, &["hier"]) {
                Some((e, -1))
            } else if let Some(e) = self.any(i, &["demain"]) {
                Some((e, 1))
            } else if let Some(e) = self.seqs(i, &[&["le", "lendemain"], &["lendemain"]]) {
                Some((e, 1))
            } else if let Some(e) = self.seqs(i, &[&["le", "surlendemain"], &["surlendemain"]]) {
                Some((e, 2))
            } else if let Some(e) = self.seq(i, &["la", "veille"]) {
                // "la veille du scrutin" is relative to the scrutin, not to the article.
                (!matches!(self.w(e), "de" | "du" | "d" | "des")).then_some((e, -1))
            } else if let Some(e) = self.seq(i, &["ce", "jour"]) {
                (!self.is(e, "-")).then_some((e, 0))
            } else if let Some(e) =
                self.seqs(i, &[&["le", "jour", "suivant"], &["jour", "suivant"]])
            {
                Some((e, 1))
            } else {
                self.seqs(i, &[&["le", "jour", "precedent"], &["jour", "precedent"]])
                    .map(|e| (e, -1))
            }
        } else if let Some(e) = self.any(i, &["today"]) {
            Some((e, 0))
        } else if let Some(e) = self.any(i, &["yesterday"]) {
            Some((e, -1))
        } else if let Some(e) = self.any(i, &["tomorrow", "tmrw", "tomorow"]) {
            Some((e, 1))
        } else if let Some(e) = self.seqs(
            i,
            &[
                &["the", "day", "before", "yesterday"],
                &["day", "before", "yesterday"],
            ],
        ) {
            Some((e, -2))
        } else if let Some(e) = self.seqs(
            i,
            &[
                &["the", "day", "after", "tomorrow"],
                &["day", "after", "tomorrow"],
                &["the", "day", "after", "tmrw"],
                &["day", "after", "tmrw"],
            ],
        ) {
            Some((e, 2))
        } else if let Some(e) = self.seqs(
            i,
            &[
                &["the", "next", "day"],
                &["next", "day"],
                &["the", "following", "day"],
            ],
        ) {
            Some((e, 1))
        } else {
            self.seqs(i, &[&["the", "previous", "day"], &["the", "day", "before"]])
                .map(|e| (e, -1))
        };
        r.map(|(e, n)| (e, Per::Day(Day::Rel(n)), "date.rel_day"))
    }

    /// Weekdays: "vendredi", "ce vendredi", "vendredi prochain", "vendredi de la semaine
    /// dernière", "last Friday", "Friday next week", "next week on Friday".
    pub fn weekday_expr(&self, i: usize) -> P {
        let mk = |e: usize, wd: u32, rel: WdRel, r: &'static str| {
            Some((e, Per::Day(Day::Weekday { wd, rel }), r))
        };
        if self.fr() {
            if let Some(j) = self.any(i, &["ce", "cet", "cette"])
                && let Some((k, wd, false, false)) = self.weekday_tok(j)
            {
                return mk(k, wd, WdRel::This, "weekday.this");
            }
            if let Some(j) = self.any(i, &["prochain"])
                && let Some((k, wd, false, false)) = self.weekday_tok(j)
            {
                return mk(k, wd, WdRel::Next, "weekday.next");
            }
            let (j, le) = match self.any(i, &["le"]) {
                Some(j) => (j, true),
                None => (i, false),
            };
            let (k, wd, false, false) = self.weekday_tok(j)? else {
                return None;
            };
            match self.w(k) {
                "prochain" | "prochaine" | "suivant" => {
                    return mk(k + 1, wd, WdRel::Next, "weekday.next");
                }
                "dernier" | "derniere" | "passe" | "precedent" => {
                    return mk(k + 1, wd, WdRel::Last, "weekday.last");
                }
                _ => {}
            }
            let k2 = self.opt(k, &["de"]);
            if let Some((e, n)) = self.rel_unit(k2, RelUnit::Week) {
                return mk(e, wd, WdRel::Week(n), "weekday.week");
            }
            if le {
                return None;
            }
            mk(k, wd, WdRel::Bare, "weekday.bare")
        } else {
            let j = self.opt(i, &["on"]);
            let rel = match self.w(j) {
                "this" => Some((self.opt(j + 1, &["coming"]), WdRel::This)),
                "coming" | "upcoming" => Some((j + 1, WdRel::This)),
                "next" => Some((j + 1, WdRel::Next)),
                "last" | "past" | "previous" => Some((j + 1, WdRel::Last)),
                _ => None,
            };
            if let Some((k, rel)) = rel
                && let Some((e, wd, false, false)) = self.weekday_tok(k)
            {
                return mk(e, wd, rel, "weekday.rel");
            }
            if let Some((k, n)) = self.rel_unit(j, RelUnit::Week) {
                let k2 = self.opt(k, &["on"]);
                if let Some((e, wd, false, false)) = self.weekday_tok(k2) {
                    return mk(e, wd, WdRel::Week(n), "weekday.week");
                }
            }
            let (k, wd, false, false) = self.weekday_tok(j)? else {
                return None;
            };
            let k2 = self.opt(k, &["of"]);
            if let Some((e, n)) = self.rel_unit(k2, RelUnit::Week) {
                return mk(e, wd, WdRel::Week(n), "weekday.week");
            }
            mk(k, wd, WdRel::Bare, "weekday.bare")
        }
    }

    /// "le premier vendredi de juillet", "the third Wednesday of previous month",
    /// "le dernier lundi d'avril", "le deuxième dimanche".
    pub fn nth_weekday(&self, i: usize) -> P {
        let j = self.opt(i, &["le", "the"]);
        let (k, n) = if let Some(k) = self.any(j, &["dernier", "derniere", "last"]) {
            (k, -1)
        } else {
            let (k, n) = self.ordinal(j)?;
            if !(1..=5).contains(&n) {
                return None;
            }
            (k, n as i32)
        };
        let (k2, wd, false, false) = self.weekday_tok(k)? else {
            return None;
        };
        let mut k3 = self.opt(k2, &["de", "du", "en", "of", "in"]);
        if let Some(e) = self.elided(k2, "d") {
            k3 = e;
        }
        if let Some((k4, m, strong)) = self.month_tok(k3)
            && (strong || k3 > k2)
        {
            let (k5, y) = self.opt_year(k4);
            return Some((
                k5,
                Per::Day(Day::NthWeekday {
                    n,
                    wd,
                    y,
                    m: Month::Abs(m),
                }),
                "date.nth_weekday",
            ));
        }
        if let Some((k4, r)) = self
            .rel_unit(k3, RelUnit::Month)
            .or_else(|| self.rel_unit(k2, RelUnit::Month))
        {
            return Some((
                k4,
                Per::Day(Day::NthWeekday {
                    n,
                    wd,
                    y: Year::Unknown,
                    m: Month::Rel(r),
                }),
                "date.nth_weekday",
            ));
        }
        if self.fr() && self.is(k2, "du") && self.is(k2 + 1, "mois") {
            return Some((
                k2 + 2,
                Per::Day(Day::NthWeekday {
                    n,
                    wd,
                    y: Year::Unknown,
                    m: Month::Rel(0),
                }),
                "date.nth_weekday",
            ));
        }
        if n >= 1 {
            return Some((
                k2,
                Per::Day(Day::NthWeekday {
                    n,
                    wd,
                    y: Year::Unknown,
                    m: Month::Rel(0),
                }),
                "date.nth_weekday",
            ));
        }
        // "dernier lundi", "last Monday" without a month.
        Some((
            k2,
            Per::Day(Day::Weekday {
                wd,
                rel: WdRel::Last,
            }),
            "weekday.last",
        ))
    }

    /// "le 15", "the 27th": a day of the current month, only when nothing follows that would
    /// make the number something else.
    pub fn dom_alone(&self, i: usize) -> P {
        let j = self.any(i, &["le", "the"])?;
        let (k, d) = self.dom(j, true)?;
        let ordinal_digits = self.digits(j) && k == j + 2;
        if !(self.phrase_end(k) || ordinal_digits && !self.word(k)) {
            return None;
        }
        if self.is(k, "-") || (self.is(k, ".") && self.digits(k + 1)) {
            return None;
        }
        // Bare word numbers after "the" ("the second") need the sentence to stop right there.
        if !self.digits(j) && !self.phrase_end(k) {
            return None;
        }
        Some((
            k,
            Per::Day(Day::Cal {
                y: Year::Unknown,
                m: Month::Unknown,
                d,
                wd: None,
            }),
            "date.dom",
        ))
    }

    // ---------------------------------------------------------------- periods

    /// "octobre", "en octobre 2020", "ce septembre", "juin prochain", "last sept",
    /// "June of nineteen ninety nine", "juin de l'année prochaine".
    pub fn month_period(&self, i: usize) -> P {
        let fr = self.fr();
        let mut j = i;
        let mut rel: Option<i32> = None;
        let mut cue = self.cue_before(i);
        if fr {
            if let Some(e) = self.any(j, &["ce", "cet", "cette"]) {
                j = e;
                rel = Some(0);
            } else if let Some(e) = self.any(j, &["prochain"]) {
                j = e;
                rel = Some(1);
            } else if let Some(e) = self.seqs(
                j,
                &[
                    &["au", "mois", "de"],
                    &["le", "mois", "de"],
                    &["mois", "de"],
                    &["mois", "d"],
                ],
            ) {
                j = self.opt(e, &["'"]);
                cue = true;
            } else if let Some(e) = self.any(j, &["en"]) {
                j = e;
                cue = true;
            }
        } else {
            match self.w(j) {
                "this" => {
                    j += 1;
                    rel = Some(0);
                }
                "next" => {
                    j += 1;
                    rel = Some(1);
                }
                "last" | "past" | "previous" => {
                    j += 1;
                    rel = Some(-1);
                }
                "in" | "during" => {
                    j += 1;
                    cue = true;
                }
                _ => {
                    if let Some(e) = self.seq(j, &["month", "of"]) {
                        j = e;
                        cue = true;
                    }
                }
            }
        }
        let (k, m, strong) = self.month_tok(j)?;
        let mut e = k;
        let mut year = rel.map(Year::Rel).unwrap_or(Year::Unknown);
        if rel.is_none() {
            match self.w(k) {
                "prochain" | "prochaine" if fr => {
                    e = k + 1;
                    year = Year::Rel(1);
                }
                "dernier" | "derniere" | "passe" if fr => {
                    e = k + 1;
                    year = Year::Rel(-1);
                }
                _ => {
                    if let Some((e2, y)) = self.year_after(k) {
                        e = e2;
                        year = y;
                    }
                }
            }
        }
        if !strong && year == Year::Unknown && !cue && rel.is_none() {
            return None;
        }
        // English "may", "march" need a cue or a year even if a "this" is missing.
        if !strong && !fr && year == Year::Unknown && !cue {
            return None;
        }
        if e == k && self.is(k, ".") && self.digits(k + 1) {
            return None;
        }
        Some((e, Per::Month(year, Month::Abs(m)), "date.month"))
    }

    /// "en 2021", "2021", "l'année 2016", "année 247", "in nineteen twenty eight",
    /// "2016 june" (a month).
    pub fn year_period(&self, i: usize) -> P {
        let fr = self.fr();
        let mut j = i;
        let mut cue = self.cue_before(i);
        let mut strong_cue = false;
        if fr {
            if let Some(e) = self
                .elided(j, "l")
                .and_then(|e| self.any(e, &["annee", "an"]))
            {
                j = e;
                strong_cue = true;
            } else if let Some(e) = self.any(j, &["annee"]) {
                j = e;
                strong_cue = true;
            } else if let Some(e) = self.any(j, &["en"]) {
                j = e;
                cue = true;
            }
        } else if let Some(e) = self.seqs(j, &[&["the", "year"], &["year"]]) {
            j = e;
            strong_cue = true;
        } else if let Some(e) = self.any(j, &["in"]) {
            j = e;
            cue = true;
        }
        if let Some((e, y)) = self.year4(j) {
            // "2016 june", "2016, nov"
            let e2 = self.opt(e, &[","]);
            if let Some((e3, m, _)) = self.month_tok(e2)
                && !self.digits(e3)
            {
                return Some((
                    e3,
                    Per::Month(Year::Abs(y), Month::Abs(m)),
                    "date.year_month",
                ));
            }
            if !strong_cue {
                // A four-digit number is a year only when it is not a count ("plus de 2000
                // soldats") or part of a grouped number ("2 000"), and, with no preposition
                // before it, only in the usual range.
                if !cue && !(1900..=2099).contains(&y) {
                    return None;
                }
                if j > 0 && self.digits(j - 1) && !self.glued(j) {
                    return None;
                }
                if self.digits(e)
                    || (self.is(e, ".") || self.is(e, ","))
                        && self.digits(e + 1)
                        && self.glued(e + 1)
                {
                    return None;
                }
                let next = self.w(e);
                if self.word(e)
                    && !self.s.is_capitalized(e)
                    && next.len() > 3
                    && (next.ends_with('s') || next.ends_with('x'))
                    && !matches!(
                        next,
                        "dans"
                            | "sous"
                            | "vers"
                            | "plus"
                            | "mais"
                            | "puis"
                            | "alors"
                            | "depuis"
                            | "apres"
                            | "was"
                            | "has"
                            | "this"
                            | "its"
                            | "as"
                    )
                {
                    return None;
                }
                if self.ent(e).is_some_and(|x| x.unit.is_some()) {
                    return None;
                }
            }
            return Some((e, Per::Year(Year::Abs(y)), "date.year"));
        }
        if strong_cue {
            if self.digits(j) && self.s.ndigits(j) <= 3 {
                let v = self.s.num(j)? as i32;
                if v >= 1 {
                    return Some((j + 1, Per::Year(Year::Abs(v)), "date.year"));
                }
            }
            if let Some((e, v)) = self.int_words(j)
                && v >= 1
            {
                let (e, v) = self
                    .year_words(j)
                    .map(|(e, y)| (e, y as u32))
                    .unwrap_or((e, v));
                return Some((e, Per::Year(Year::Abs(v as i32)), "date.year"));
            }
        }
        if cue && let Some((e, y)) = self.year_words(j) {
            return Some((e, Per::Year(Year::Abs(y)), "date.year_words"));
        }
        let _ = fr;
        None
    }

    /// "cette semaine", "la semaine prochaine", "le mois dernier", "l'an prochain",
    /// "ce week-end", "dans la semaine", "next month", "this decade".
    pub fn rel_period(&self, i: usize) -> P {
        let mk = |u: RelUnit, n: i32| -> Per {
            match u {
                RelUnit::Day => Per::Day(Day::Rel(n)),
                RelUnit::Week => Per::Week(Week::Rel(n)),
                RelUnit::Month => Per::Month(Year::Unknown, Month::Rel(n)),
                RelUnit::Year => Per::Year(Year::Rel(n)),
                RelUnit::Weekend => Per::Weekend(Week::Rel(n)),
                RelUnit::Decade => Per::DecadeRel(n),
            }
        };
        let units = [
            RelUnit::Weekend,
            RelUnit::Week,
            RelUnit::Month,
            RelUnit::Year,
            RelUnit::Decade,
        ];
        // "dans la semaine", "au cours du mois", "dans l'année" = the current one.
        if self.fr() {
            let lead = self.any(i, &["dans"]).or_else(|| {
                self.seqs(
                    i,
                    &[&["au", "cours", "de"], &["au", "cours", "du"], &["courant"]],
                )
            });
            if let Some(j) = lead {
                let j2 = self
                    .any(j, &["la", "le"])
                    .or_else(|| self.elided(j, "l"))
                    .unwrap_or(j);
                for u in units.iter().copied().chain([RelUnit::Day]) {
                    if let Some((e, n)) = self.rel_unit(j, u) {
                        return Some((e, mk(u, n), "period.rel"));
                    }
                    if let Some(e) = self.unit_word(j2, u)
                        && (j2 > j || self.is(j - 1, "du"))
                        && !self.is(e, "-")
                        && !self.is(e, "de")
                    {
                        if u == RelUnit::Year && self.is(j2, "an") {
                            continue;
                        }
                        return Some((e, mk(u, 0), "period.current"));
                    }
                }
            }
        }
        for u in units {
            if let Some((e, n)) = self.rel_unit(i, u) {
                return Some((e, mk(u, n), "period.rel"));
            }
        }
        None
    }

    /// "la troisième semaine de 2027", "the first week of Oct", "la dernière semaine de
    /// juillet", "la semaine 31", "week 10".
    pub fn week_of(&self, i: usize) -> P {
        let j = self.opt(i, &["la", "le", "the"]);
        // "semaine 31", "week 10"
        if let Some(k) = self.unit_word(j, RelUnit::Week)
            && self.digits(k)
            && self.s.ndigits(k) <= 2
        {
            let n = self.s.num(k)?;
            if !(1..=53).contains(&n) {
                return None;
            }
            let (e, y) = self.year_after(k + 1).unwrap_or((k + 1, Year::Rel(0)));
            return Some((e, Per::Week(Week::Abs(y, n)), "period.week_number"));
        }
        let (k, n) = if let Some(k) = self.any(j, &["derniere", "dernier", "last"]) {
            (k, -1)
        } else {
            let (k, n) = self.ordinal(j)?;
            if !(1..=53).contains(&n) {
                return None;
            }
            (k, n as i32)
        };
        let k2 = self.unit_word(k, RelUnit::Week)?;
        let mut k3 = self.opt(k2, &["de", "du", "of", "in", "en"]);
        if let Some(e) = self.elided(k2, "d") {
            k3 = e;
        }
        if let Some((k4, m, strong)) = self.month_tok(k3)
            && (strong || k3 > k2)
        {
            let (k5, y) = self.opt_year(k4);
            return Some((
                k5,
                Per::Week(Week::OfMonth(y, Month::Abs(m), n)),
                "period.week_of_month",
            ));
        }
        if let Some((k4, r)) = self
            .rel_unit(k3, RelUnit::Month)
            .or_else(|| self.rel_unit(k2, RelUnit::Month))
        {
            return Some((
                k4,
                Per::Week(Week::OfMonth(Year::Unknown, Month::Rel(r), n)),
                "period.week_of_month",
            ));
        }
        let year = if let Some((e, y)) = self.year4(k3).or_else(|| self.year_words(k3)) {
            Some((e, Year::Abs(y)))
        } else {
            self.rel_unit(k3, RelUnit::Year)
                .or_else(|| self.rel_unit(k2, RelUnit::Year))
                .map(|(e, r)| (e, Year::Rel(r)))
        };
        let (e, y) = match year {
            Some(v) => v,
            None if n >= 1 && j > i => (k2, Year::Rel(0)),
            None => return None,
        };
        let n = if n < 0 {
            match y {
                Year::Abs(yy) => weeks_in_year(yy),
                _ => 52,
            }
        } else {
            n as u32
        };
        Some((e, Per::Week(Week::Abs(y, n)), "period.week_of_year"))
    }

    /// Quarters and halves: "le troisième trimestre 2016", "Q3 this year", "2016 Q3",
    /// "H1 2016", "2016H2", "le premier semestre".
    pub fn quarter(&self, i: usize) -> P {
        let j = self.opt(i, &["le", "au", "du", "the"]);
        let after_year = |k: usize| -> Option<(usize, Year)> {
            let mut k2 = self.opt(k, &["de", "of", "in", "en"]);
            if let Some(e) = self.elided(k, "d") {
                k2 = e;
            }
            if let Some((e, y)) = self.year4(k2).or_else(|| self.year_words(k2)) {
                return Some((e, Year::Abs(y)));
            }
            self.rel_unit(k2, RelUnit::Year)
                .or_else(|| self.rel_unit(k, RelUnit::Year))
                .map(|(e, r)| (e, Year::Rel(r)))
        };
        // Year first: "2016 Q3", "2016H2", "2016 le troisième trimestre".
        if let Some((k, y)) = self.year4(j) {
            if let Some((e, q, half)) = self.quarter_code(k) {
                return Some((e, mk_q(Year::Abs(y), q, half), "period.quarter"));
            }
            let k2 = self.opt(k, &["le", "the"]);
            if let Some((e, q, half)) = self.quarter_ord(k2) {
                return Some((e, mk_q(Year::Abs(y), q, half), "period.quarter"));
            }
            return None;
        }
        if let Some((k, q, half)) = self.quarter_ord(j) {
            if self.fr() && self.is(k - 1, "quart") {
                let (e, y) = after_year(k)?;
                return Some((e, mk_q(y, q, half), "period.quarter"));
            }
            let (e, y) = after_year(k).unwrap_or((k, Year::Rel(0)));
            return Some((e, mk_q(y, q, half), "period.quarter"));
        }
        if let Some((k, q, half)) = self.quarter_code(j) {
            // Letter codes other than Q need a year to be read as periods.
            match after_year(k) {
                Some((e, y)) => return Some((e, mk_q(y, q, half), "period.quarter")),
                None if self.is(j, "q") && !half => {
                    return Some((k, mk_q(Year::Rel(0), q, half), "period.quarter"));
                }
                None => return None,
            }
        }
        None
    }

    /// "Q3", "H1", French "T3", "S1": (end, number, is_half).
    fn quarter_code(&self, k: usize) -> Option<(usize, u32, bool)> {
        let letter = self.w(k);
        let half = match (letter, self.fr()) {
            ("q", _) => false,
            ("t", true) => false,
            ("h", _) => true,
            ("s", true) => true,
            _ => return None,
        };
        if !self.glued(k + 1) || !self.digits(k + 1) || self.s.ndigits(k + 1) != 1 {
            return None;
        }
        let n = self.s.num(k + 1)?;
        let max = if half { 2 } else { 4 };
        (1..=max).contains(&n).then_some((k + 2, n, half))
    }

    /// "troisième trimestre", "third quarter", "premier semestre", "first half".
    fn quarter_ord(&self, k: usize) -> Option<(usize, u32, bool)> {
        let (k1, n) = self.ordinal(k)?;
        match self.w(k1) {
            "trimestre" | "quarter" | "quart" if (1..=4).contains(&n) => Some((k1 + 1, n, false)),
            "semestre" | "half" if (1..=2).contains(&n) => Some((k1 + 1, n, true)),
            _ => None,
        }
    }

    /// Seasons: "l'été 2016", "cet été", "au printemps prochain", "this summer", "the spring
    /// of 1978".
    pub fn season(&self, i: usize) -> P {
        let fr = self.fr();
        let word = |k: usize| -> Option<Season> {
            Some(match (self.w(k), fr) {
                ("printemps", true) | ("spring", false) => Season::Spring,
                ("ete", true) | ("summer", false) => Season::Summer,
                ("automne", true) | ("autumn", false) | ("fall", false) => Season::Fall,
                ("hiver", true) | ("winter", false) => Season::Winter,
                _ => return None,
            })
        };
        let mut j = i;
        let mut rel = None;
        let mut cue = i > 0
            && matches!(
                self.w(i - 1),
                "mid" | "early" | "late" | "mi" | "debut" | "fin" | "milieu"
            );
        if fr {
            if let Some(e) = self.any(j, &["ce", "cet", "cette"]) {
                j = e;
                rel = Some(0);
            } else if let Some(e) = self.elided(j, "l") {
                j = e;
                cue = true;
            } else if let Some(e) = self.any(j, &["en", "au", "le"]) {
                j = e;
                cue = true;
            }
        } else {
            match self.w(j) {
                "this" => {
                    j += 1;
                    rel = Some(0);
                }
                "next" => {
                    j += 1;
                    rel = Some(1);
                }
                "last" | "past" => {
                    j += 1;
                    rel = Some(-1);
                }
                "the" | "in" | "during" => {
                    j = self.opt(j + 1, &["the"]);
                    cue = true;
                }
                _ => {}
            }
        }
        let s = word(j)?;
        let mut e = j + 1;
        let mut year = rel.map(Year::Rel);
        if rel.is_none() {
            match self.w(e) {
                "prochain" if fr => {
                    e += 1;
                    year = Some(Year::Rel(1));
                }
                "dernier" | "passe" if fr => {
                    e += 1;
                    year = Some(Year::Rel(-1));
                }
                _ => {
                    if let Some((e2, y)) = self.year_after(e) {
                        e = e2;
                        year = Some(y);
                    }
                }
            }
        }
        // "été" is also the participle of "être", "fall" a verb: they need a determiner or a
        // year.
        if year.is_none() && !cue {
            return None;
        }
        if !fr && s == Season::Fall && year.is_none() {
            return None;
        }
        Some((e, Per::Season(year, s), "period.season"))
    }

    /// Decades: "les années 70", "les années 2000", "the 1970s", "the '40s", "the seventies".
    pub fn decade(&self, i: usize) -> P {
        let mk = |v: u32, e: usize| -> P {
            if v >= 1000 {
                v.is_multiple_of(10).then_some({
                    (
                        e,
                        Per::Decade(Some((v / 100) as i32), (v / 10) % 10),
                        "period.decade",
                    )
                })
            } else if v < 100 && v.is_multiple_of(10) {
                let cent = if v >= 20 { 19 } else { 20 };
                Some((e, Per::Decade(Some(cent), v / 10), "period.decade"))
            } else {
                None
            }
        };
        // Plural marker glued to digits: "1970s", "70's".
        let plural = |k: usize| -> Option<usize> {
            if self.is(k, "'") && self.glued(k) && self.is(k + 1, "s") && self.glued(k + 1) {
                Some(k + 2)
            } else if self.is(k, "s") && self.glued(k) {
                Some(k + 1)
            } else {
                None
            }
        };
        if self.fr() {
            let j = self.opt(i, &["les", "des"]);
            if let Some(k) = self.any(j, &["annees"]) {
                if self.digits(k) {
                    let v = self.s.num(k)?;
                    let e = plural(k + 1).unwrap_or(k + 1);
                    return mk(v, e);
                }
                let (e, v) = self
                    .year_words(k)
                    .map(|(e, y)| (e, y as u32))
                    .or_else(|| self.int_words(k))?;
                return mk(v, e);
            }
            if self.digits(j) && matches!(self.s.ndigits(j), 2 | 4) {
                let e = plural(j + 1)?;
                return mk(self.s.num(j)?, e);
            }
            return None;
        }
        let j = self.opt(i, &["the"]);
        if self.digits(j) && matches!(self.s.ndigits(j), 2 | 4) {
            let e = plural(j + 1)?;
            return mk(self.s.num(j)?, e);
        }
        if self.is(j, "'") && self.digits(j + 1) && self.s.ndigits(j + 1) == 2 {
            let e = plural(j + 2)?;
            return mk(self.s.num(j + 1)?, e);
        }
        let tens = |w: &str| -> Option<u32> {
            Some(match w {
                "twenties" => 20,
                "thirties" => 30,
                "forties" => 40,
                "fifties" => 50,
                "sixties" => 60,
                "seventies" => 70,
                "eighties" => 80,
                "nineties" => 90,
                _ => return None,
            })
        };
        if self.is(j, "noughties") {
            return Some((j + 1, Per::Decade(Some(20), 0), "period.decade"));
        }
        if let Some(t) = tens(self.w(j)) {
            return mk(t, j + 1);
        }
        // "nineteen seventies", "two thousands", "twenty-tens"
        if let Some((k, v)) = self.int_words(j) {
            let k2 = self.opt(k, &["-", "and"]);
            if let Some(t) = tens(self.w(k2))
                && (10..=99).contains(&v)
            {
                return mk(v * 100 + t, k2 + 1);
            }
            if v == 2000 && self.is(k2, "tens") {
                return mk(2010, k2 + 1);
            }
            if v == 20 && self.is(k2, "tens") {
                return mk(2010, k2 + 1);
            }
            if v == 2 && self.is(k2, "thousands") {
                return mk(2000, k2 + 1);
            }
        }
        None
    }

    /// Centuries: "le XXe siècle", "15ème siècle", "the 21st century".
    pub fn century(&self, i: usize) -> P {
        let j = self.opt(i, &["le", "the"]);
        let (k, n) = self.ordinal(j).or_else(|| self.roman_ordinal(j))?;
        if !(1..=30).contains(&n) {
            return None;
        }
        let e = self.any(k, &["siecle", "century"])?;
        Some((e, Per::Century(n as i32 - 1), "period.century"))
    }

    /// "XXe", "XIXe": a Roman numeral in capitals with a French ordinal ending.
    pub(crate) fn roman_ordinal(&self, j: usize) -> Option<(usize, u32)> {
        if !self.fr() || !self.word(j) {
            return None;
        }
        let raw = self.s.raw(j);
        let body = raw
            .strip_suffix("ème")
            .or_else(|| raw.strip_suffix("eme"))
            .or_else(|| raw.strip_suffix('e'))?;
        if body.is_empty()
            || !body
                .chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
        {
            return None;
        }
        let val = |c: char| match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            _ => 100,
        };
        let cs: Vec<u32> = body.chars().map(val).collect();
        let mut total = 0i64;
        for (k, v) in cs.iter().enumerate() {
            if cs.get(k + 1).is_some_and(|n| n > v) {
                total -= *v as i64;
            } else {
                total += *v as i64;
            }
        }
        (total > 0).then_some((j + 1, total as u32))
    }

    /// Stretches counted from the anchor: "les 3 prochains jours", "les trois dernières
    /// semaines", "dans les 5 jours", "next 2 days", "past 3 weeks", "within 10 months".
    pub fn stretch(&self, i: usize) -> P {
        let fr = self.fr();
        let mut start_days = 1;
        let mut j = i;
        let mut dir: Option<bool> = None; // Some(true) = forward
        if fr {
            if let Some(e) = self.seqs(i, &[&["dans", "les"], &["d", "'", "ici"]]) {
                j = e;
                start_days = 0;
                dir = Some(true);
            } else if let Some(e) = self.seqs(
                i,
                &[
                    &["au", "cours", "des"],
                    &["pendant", "les"],
                    &["les"],
                    &["ces"],
                    &["des"],
                ],
            ) {
                j = e;
            }
        } else {
            if let Some(e) = self.any(i, &["within"]) {
                j = self.opt(e, &["the"]);
                start_days = 0;
                dir = Some(true);
            } else {
                j = self.opt(i, &["the", "in", "over", "during", "for"]);
                j = self.opt(j, &["the"]);
            }
            match self.w(j) {
                "next" | "coming" | "upcoming" | "following" => {
                    j += 1;
                    dir = Some(true);
                }
                "past" | "last" | "previous" => {
                    j += 1;
                    dir = Some(false);
                }
                _ => {}
            }
        }
        let dir_before = dir.is_some();
        // French adjective before the number is rare; after the number is usual.
        let (k, n) = if self.fr()
            && j > i
            && matches!(self.w(j), "derniers" | "dernieres")
            && self.is(i, "ces")
        {
            (j, 3.0)
        } else if !fr && matches!(self.w(j), "few") {
            (j + 1, 3.0)
        } else if !fr
            && self
                .seqs(j, &[&["couple", "of"], &["a", "couple", "of"]])
                .is_some()
        {
            (
                self.seqs(j, &[&["couple", "of"], &["a", "couple", "of"]])?,
                2.0,
            )
        } else {
            self.cardinal(j, false)?
        };
        let mut k = k;
        if fr && dir.is_none_or(|d| d) {
            match self.w(k) {
                "prochains" | "prochaines" => {
                    k += 1;
                    dir = Some(true);
                }
                "derniers" | "dernieres" | "passes" | "passees" | "precedents" | "precedentes" => {
                    k += 1;
                    dir = Some(false);
                }
                _ => {}
            }
        }
        let (unit, _) = self.ent(k).and_then(|e| e.unit)?;
        let mut e = k + 1;
        if fr && dir.is_none() {
            match self.w(e) {
                "passes" | "passees" | "derniers" | "dernieres" | "precedents" | "precedentes" => {
                    e += 1;
                    dir = Some(false);
                }
                "prochains" | "prochaines" | "suivants" | "suivantes" => {
                    e += 1;
                    dir = Some(true);
                }
                _ => {
                    if let Some(e2) = self.seq(e, &["a", "venir"]) {
                        e = e2;
                        dir = Some(true);
                    }
                }
            }
        }
        if !fr
            && dir.is_none()
            && let Some(e2) = self.seqs(e, &[&["in", "the", "future"], &["hence"]])
        {
            e = e2;
            dir = Some(true);
        }
        // "within 5 years 1 month 12 days": a composite duration when the direction came first.
        let composite = if dir_before
            && let Some((e2, d, None)) = self.dur_phrase(j)
            && e2 > e
        {
            e = e2;
            Some(d)
        } else {
            None
        };
        let forward = dir?;
        if let Some(dur) = composite {
            return Some((
                e,
                Per::FromAnchor {
                    dur,
                    forward,
                    start_days,
                },
                "period.from_anchor",
            ));
        }
        if unit == Unit::Decade {
            let n = n as i32;
            return Some((
                e,
                if forward {
                    Per::NextDecades(n)
                } else {
                    Per::LastDecades(n)
                },
                "period.decades",
            ));
        }
        if !matches!(
            unit,
            Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::BusinessDay
        ) {
            return None;
        }
        let (slot, mult) = unit.slot();
        Some((
            e,
            Per::FromAnchor {
                dur: crate::expr::Dur::of(slot, n * mult),
                forward,
                start_days,
            },
            "period.from_anchor",
        ))
    }

    /// "le reste de la semaine", "rest of the month".
    pub fn rest_of(&self, i: usize) -> P {
        let j = self.opt(i, &["le", "la", "the"]);
        let k = self.any(j, &["reste", "rest"])?;
        let mut k2 = self.opt(k, &["de", "du", "of"]);
        k2 = self.opt(
            k2,
            &[
                "la", "le", "the", "cette", "ce", "ma", "my", "this", "current",
            ],
        );
        if let Some(e) = self.elided(k2, "l") {
            k2 = e;
        }
        let (e, u) = if let Some(e) = self.unit_word(k2, RelUnit::Week) {
            (e, 0)
        } else if let Some(e) = self.unit_word(k2, RelUnit::Month) {
            (e, 1)
        } else {
            (self.unit_word(k2, RelUnit::Year)?, 2)
        };
        let e = self.seqs(e, &[&["en", "cours"]]).unwrap_or(e);
        Some((e, Per::RestOf(u), "period.rest_of"))
    }

    /// "début 2021", "fin octobre", "mi-juillet", "à la fin de la semaine prochaine",
    /// "early next year", "end of March", "mid summer".
    pub fn mod_period(&self, i: usize) -> Hit {
        use TimexMod::*;
        let first = self.w(i);
        let starts = if self.fr() {
            matches!(
                first,
                "au" | "en" | "debut" | "a" | "fin" | "milieu" | "mi" | "courant" | "plus" | "tard"
            )
        } else {
            matches!(
                first,
                "at" | "the"
                    | "beginning"
                    | "start"
                    | "early"
                    | "end"
                    | "late"
                    | "middle"
                    | "mid"
                    | "later"
                    | "earlier"
            )
        };
        if !starts {
            return None;
        }
        let (j, m) = if self.fr() {
            let table: &[(&[&str], Option<TimexMod>)] = &[
                (&["au", "debut", "de"], Some(Start)),
                (&["au", "debut", "du"], Some(Start)),
                (&["au", "debut", "d"], Some(Start)),
                (&["en", "debut", "de"], Some(Start)),
                (&["en", "debut", "d"], Some(Start)),
                (&["debut"], Some(Start)),
                (&["a", "la", "fin", "de"], Some(End)),
                (&["a", "la", "fin", "du"], Some(End)),
                (&["a", "la", "fin", "d"], Some(End)),
                (&["en", "fin", "de"], Some(End)),
                (&["en", "fin", "d"], Some(End)),
                (&["fin"], Some(End)),
                (&["au", "milieu", "de"], Some(Mid)),
                (&["au", "milieu", "du"], Some(Mid)),
                (&["au", "milieu", "d"], Some(Mid)),
                (&["milieu"], Some(Mid)),
                (&["a", "la", "mi"], Some(Mid)),
                (&["mi"], Some(Mid)),
                (&["courant"], None),
                (&["plus", "tard"], None),
                (&["plus", "tot"], None),
                (&["tard"], Some(End)),
            ];
            table
                .iter()
                .find_map(|(p, m)| self.seq(i, p).map(|e| (e, *m)))?
        } else {
            let table: &[(&[&str], Option<TimexMod>)] = &[
                (&["at", "the", "beginning", "of"], Some(Start)),
                (&["the", "beginning", "of"], Some(Start)),
                (&["beginning", "of"], Some(Start)),
                (&["the", "start", "of"], Some(Start)),
                (&["start", "of"], Some(Start)),
                (&["early"], Some(Start)),
                (&["at", "the", "end", "of"], Some(End)),
                (&["the", "end", "of"], Some(End)),
                (&["end", "of"], Some(End)),
                (&["late"], Some(End)),
                (&["at", "the", "middle", "of"], Some(Mid)),
                (&["the", "middle", "of"], Some(Mid)),
                (&["middle", "of"], Some(Mid)),
                (&["mid"], Some(Mid)),
                (&["later"], None),
                (&["earlier"], None),
            ];
            table
                .iter()
                .find_map(|(p, m)| self.seq(i, p).map(|e| (e, *m)))?
        };
        let mut k = j;
        if matches!(self.w(k), "-" | "'") {
            k += 1;
        }
        let k = self.opt(k, &["de", "d", "'", "in", "of"]);
        let k = if self.is(k, "'") { k + 1 } else { k };
        // "fin du mois", "earlier in the week": the current one.
        let current = |k: usize| -> Option<(usize, Per)> {
            let k2 = self
                .any(k, &["du", "la", "le", "the"])
                .or_else(|| self.elided(k, "l"))?;
            let k2 = if self.is(k2, "'") { k2 + 1 } else { k2 };
            if let Some(e) = self.unit_word(k2, RelUnit::Week) {
                return Some((e, Per::Week(Week::Rel(0))));
            }
            if let Some(e) = self.unit_word(k2, RelUnit::Month) {
                return Some((e, Per::Month(Year::Unknown, Month::Rel(0))));
            }
            if let Some(e) = self.unit_word(k2, RelUnit::Year) {
                return Some((e, Per::Year(Year::Rel(0))));
            }
            None
        };
        let mut best: P = None;
        for p in [
            self.month_period(k),
            self.year_period(k),
            self.rel_period(k),
            self.season(k),
            self.week_of(k),
            self.quarter(k),
            self.decade(k),
            self.century(k),
            self.rel_period(k.saturating_sub(1))
                .filter(|_| self.is(k.saturating_sub(1), "du")),
        ] {
            best = longer(best, p);
        }
        if best.is_none()
            && let Some((e, p)) = current(k).or_else(|| {
                if self.is(k - 1, "du") {
                    current(k - 1)
                } else {
                    None
                }
            })
        {
            best = Some((e, p, "period.current"));
        }
        let (e, p, _) = best?;
        // A modifier in front of a bare year in words or a weak month is too loose.
        Some((e, Expr::Date(p, m), "period.mod"))
    }

    // ---------------------------------------------------------------- ranges

    /// "du 4 au 22 octobre", "entre 2015 et 2018", "de lundi à mercredi", "November 19-20",
    /// "from Oct. 2 to October 22", "between January 1st and April 5th".
    pub fn range(&self, i: usize) -> Hit {
        let fr = self.fr();
        let (j, between) = if fr {
            if let Some(e) = self.any(i, &["entre"]) {
                (e, true)
            } else if let Some(e) = self
                .any(i, &["du", "de", "depuis"])
                .or_else(|| self.elided(i, "d"))
                .or_else(|| self.seq(i, &["a", "partir", "du"]))
            {
                (e, false)
            } else {
                (i, false)
            }
        } else if let Some(e) = self.any(i, &["between"]) {
            (e, true)
        } else {
            (self.opt(i, &["from"]), false)
        };
        let j = if between {
            self.opt(j, &["le", "the"])
        } else {
            j
        };
        // The first end may be a date ("4-22" read as April 22) or only the day number of a
        // range whose month comes later ("between 4-22 January").
        let mut best: Hit = None;
        for first in [self.endpoint(j), self.dom_end(j)].into_iter().flatten() {
            best = longer(best, self.range_rest(i, j, between, first));
        }
        best
    }

    fn dom_end(&self, j: usize) -> Option<(usize, End)> {
        let (e, d) = self.dom(j, false)?;
        if self.time_follows(e) {
            return None;
        }
        Some((e, End::Dom(d)))
    }

    fn range_rest(&self, i: usize, j: usize, between: bool, first: (usize, End)) -> Hit {
        let fr = self.fr();
        let (k, a) = first;
        // Connector.
        let k2 = if fr {
            if between {
                self.any(k, &["et"])
            } else if j == i && self.is(k, "et") && matches!(a, End::Dom(_)) {
                // "les 4 et 5 octobre"
                Some(k + 1)
            } else {
                self.seqs(
                    k,
                    &[
                        &["jusqu", "'", "au"],
                        &["jusqu", "'", "a"],
                        &["jusqu", "'", "en"],
                    ],
                )
                .or_else(|| self.any(k, &["au", "a", "-"]))
            }
        } else if between {
            self.any(k, &["and", "-"])
        } else {
            self.any(k, &["to", "till", "until", "through", "thru", "-"])
        }?;
        let k3 = self.opt(k2, &["le", "the"]);
        let (mut e, b) = self.endpoint(k3)?;
        let (a, b) = match (a, b) {
            (End::Per(x), End::Per(y)) => {
                if j == i && matches!(self.w(k), "et" | "and") {
                    return None;
                }
                let (x, y) = inherit(x, y);
                (x, y)
            }
            (End::Dom(d), End::Per(y)) => {
                let x = match &y {
                    Per::Day(Day::Cal { y: yy, m, .. }) if *m != Month::Unknown => {
                        Per::Day(Day::Cal {
                            y: *yy,
                            m: *m,
                            d,
                            wd: None,
                        })
                    }
                    _ => return None,
                };
                (x, y)
            }
            (End::Per(x), End::Dom(d)) => {
                let mut y = match &x {
                    Per::Day(Day::Cal { y: yy, m, .. }) if *m != Month::Unknown => {
                        Per::Day(Day::Cal {
                            y: *yy,
                            m: *m,
                            d,
                            wd: None,
                        })
                    }
                    _ => return None,
                };
                let (e2, yr) = self.opt_year(e);
                if let (Year::Abs(_), Per::Day(Day::Cal { y: yy, .. })) = (yr, &mut y) {
                    *yy = yr;
                    e = e2;
                }
                let (x, y) = inherit(x, y);
                (x, y)
            }
            (End::Dom(d1), End::Dom(d2)) => {
                // Two bare numbers need a month after them: "4 au 22 cette mois", "3 and 12 of Sept".
                let e0 = self.opt(e, &["de", "du", "of", "in", ","]);
                let (e2, y, m) = if let Some((e2, m, _)) = self.month_tok(e0) {
                    let (e3, y) = self.opt_year(e2);
                    (e3, y, Month::Abs(m))
                } else if let Some((e2, r)) = self
                    .rel_unit(e0, RelUnit::Month)
                    .or_else(|| self.rel_unit(e, RelUnit::Month))
                {
                    (e2, Year::Unknown, Month::Rel(r))
                } else if fr && self.is(e, "du") && self.is(e + 1, "mois") && self.is(e + 2, "de") {
                    let (e2, m, _) = self.month_tok(e + 3)?;
                    let (e3, y) = self.opt_year(e2);
                    (e3, y, Month::Abs(m))
                } else {
                    return None;
                };
                e = e2;
                (
                    Per::Day(Day::Cal {
                        y,
                        m,
                        d: d1,
                        wd: None,
                    }),
                    Per::Day(Day::Cal {
                        y,
                        m,
                        d: d2,
                        wd: None,
                    }),
                )
            }
        };
        // "3-7-07" is one numeric date, not "3" to "7-07".
        if matches!(self.point_per(j), Some((e0, _, r)) if e0 >= e && r.starts_with("date.numeric"))
        {
            return None;
        }
        Some((
            e,
            Expr::Date(Per::Range(Box::new(a), Box::new(b)), None),
            "range",
        ))
    }

    fn endpoint(&self, j: usize) -> Option<(usize, End)> {
        if self.is(j, if self.fr() { "maintenant" } else { "now" }) {
            return Some((j + 1, End::Per(Per::Day(Day::Rel(0)))));
        }
        let per = self.point_per(j);
        if let Some((e, p, _)) = per {
            // A lone day number parsed as "le 4" etc. is still a bare number for the range.
            if let Per::Day(Day::Cal {
                y: Year::Unknown,
                m: Month::Unknown,
                d,
                wd: None,
            }) = p
            {
                return Some((e, End::Dom(d)));
            }
            return Some((e, End::Per(p)));
        }
        let (e, d) = self
            .dom(j, false)
            .or_else(|| self.ordinal(j).filter(|(_, v)| (1..=31).contains(v)))?;
        if self.time_follows(e) {
            return None;
        }
        Some((e, End::Dom(d)))
    }
}

fn mk_q(y: Year, n: u32, half: bool) -> Per {
    if half {
        Per::Half(y, n)
    } else {
        Per::Quarter(y, n)
    }
}

/// The start of a range takes the month and year of its end when it has none, and the end
/// takes the start's when it has none ("du 1er au 5 mai 2017", "May 2015 to 2018").
fn inherit(x: Per, y: Per) -> (Per, Per) {
    match (x, y) {
        (
            Per::Day(Day::Cal {
                y: y1,
                m: m1,
                d: d1,
                wd: w1,
            }),
            Per::Day(Day::Cal {
                y: y2,
                m: m2,
                d: d2,
                wd: w2,
            }),
        ) => {
            let m1b = if m1 == Month::Unknown { m2 } else { m1 };
            let y1b = if y1 == Year::Unknown { y2 } else { y1 };
            let y2b = if y2 == Year::Unknown && matches!(y1, Year::Abs(_)) {
                y1
            } else {
                y2
            };
            (
                Per::Day(Day::Cal {
                    y: y1b,
                    m: m1b,
                    d: d1,
                    wd: w1,
                }),
                Per::Day(Day::Cal {
                    y: y2b,
                    m: m2,
                    d: d2,
                    wd: w2,
                }),
            )
        }
        (
            Per::Day(Day::Cal {
                y: Year::Unknown,
                m,
                d,
                wd,
            }),
            y,
        ) => {
            let yy = match &y {
                Per::Month(Year::Abs(v), _) | Per::Year(Year::Abs(v)) => Year::Abs(*v),
                _ => Year::Unknown,
            };
            (Per::Day(Day::Cal { y: yy, m, d, wd }), y)
        }
        (x, y) => (x, y),
    }
}
