//! DURATION, SET and TIME rules, and the DATE rules built on a duration ("il y a deux ans",
//! "in three weeks", "deux jours après demain").

use super::date::RelUnit;
use super::{G, Hit};
use crate::TimexMod;
use crate::expr::{Day, Dur, Expr, Per, Pod, SetE, Tm, dur_slot};
use crate::lex::Unit;

pub(crate) type DurHit = Option<(usize, Dur, Option<TimexMod>)>;

impl<'s, 'a> G<'s, 'a> {
    // ---------------------------------------------------------------- durations

    /// A count before a unit: digits, number words, "quelques" (3, as "a few"), "plusieurs"
    /// (unknown: PXD), "a couple of" (2), "a"/"an" (1).
    fn count(&self, i: usize) -> Option<(usize, f64)> {
        if self.fr() {
            if let Some(e) = self.any(i, &["quelques"]) {
                return Some((e, 3.0));
            }
            if let Some(e) = self
                .any(i, &["quelque"])
                .filter(|&e| self.ent(e).and_then(|x| x.unit).is_some_and(|u| u.1))
            {
                return Some((e, 3.0));
            }
            if let Some(e) = self.any(i, &["plusieurs", "divers", "diverses"]) {
                return Some((e, f64::NAN));
            }
        } else {
            if let Some(e) = self.seqs(i, &[&["a", "few"], &["few"]]) {
                return Some((e, 3.0));
            }
            if let Some(e) = self.seqs(
                i,
                &[&["a", "couple", "of"], &["couple", "of"], &["a", "couple"]],
            ) {
                return Some((e, 2.0));
            }
            if let Some(e) = self.any(i, &["several"]) {
                return Some((e, f64::NAN));
            }
            if let Some(e) = self.any(i, &["a", "an", "one"]) {
                return Some((e, 1.0));
            }
        }
        self.cardinal(i, true)
    }

    /// "et demi", "and a half" after a count or a unit.
    fn half_after(&self, k: usize) -> Option<usize> {
        if self.fr() {
            self.seqs(k, &[&["et", "demi"], &["et", "demie"]])
        } else {
            self.seqs(k, &[&["and", "a", "half"], &["and", "half"]])
        }
    }

    /// A unit word at `k` ("jours", "business days", "jours ouvrés"): (end, unit).
    fn unit_at(&self, k: usize) -> Option<(usize, Unit)> {
        if !self.word(k) {
            return None;
        }
        if !self.fr() && self.is(k, "business") {
            let (u, _) = self.ent(k + 1).and_then(|e| e.unit)?;
            return (u == Unit::Day).then_some((k + 2, Unit::BusinessDay));
        }
        let (u, _) = self.ent(k).and_then(|e| e.unit)?;
        if self.fr() && u == Unit::Day {
            if let Some(e) = self.any(k + 1, &["ouvres", "ouvre", "ouvrables", "ouvrable"]) {
                return Some((e, Unit::BusinessDay));
            }
            if let Some(e) = self.seq(k + 1, &["de", "travail"]) {
                return Some((e, Unit::BusinessDay));
            }
        }
        Some((k + 1, u))
    }

    /// One "count unit" piece of a duration.
    pub fn dur_atom(&self, i: usize) -> Option<(usize, Dur)> {
        use dur_slot::*;
        let fr = self.fr();
        // Adjectives of length.
        if fr {
            let v = match self.w(i) {
                "decennal" | "decennale" | "decennaux" | "decennales" => Some(10.0),
                "quinquennal" | "quinquennale" | "quinquennaux" | "quinquennat" => Some(5.0),
                "septennal" | "septennale" | "septennat" => Some(7.0),
                "triennal" | "triennale" | "triennaux" => Some(3.0),
                _ => None,
            };
            if let Some(v) = v {
                return Some((i + 1, Dur::of(Y, v)));
            }
            // French idioms: "huit jours" is a week, "quinze jours" a fortnight.
            if let Some(e) = self.seq(i, &["quinze", "jours"]) {
                return Some((e, Dur::of(W, 2.0)));
            }
            if let Some(e) = self.seq(i, &["huit", "jours"]) {
                return Some((e, Dur::of(W, 1.0)));
            }
            if let Some(e) = self.seq(i, &["une", "quinzaine", "de", "jours"]) {
                return Some((e, Dur::of(W, 2.0)));
            }
        }
        // "semestre" alone is half a year (with an ordinal it is a period, matched elsewhere).
        if fr && self.is(i, "semestre") {
            return Some((i + 1, Dur::of(Y, 0.5)));
        }
        // Whole units: "toute la journée", "un mois entier", "all day", "a full week".
        if let Some(r) = self.dur_whole(i) {
            return Some(r);
        }
        // Halves: "une demi-heure", "demi-journée", "half an hour", "half year".
        {
            let j = if fr {
                self.opt(i, &["une", "un"])
            } else {
                self.opt(i, &["a"])
            };
            let half = if fr {
                self.any(j, &["demi", "demie"])
            } else {
                self.any(j, &["half"])
            };
            if let Some(k) = half {
                let mut k = self.opt(k, &["-"]);
                if !fr {
                    k = self.opt(k, &["an", "a"]);
                }
                if let Some((e, u)) = self.unit_at(k) {
                    let (slot, mult) = u.slot();
                    return Some((e, Dur::of(slot, 0.5 * mult)));
                }
            }
        }
        let (mut j, mut n) = self.count(i)?;
        if let Some(e) = self.half_after(j) {
            n += 0.5;
            j = e;
        }
        if self.is(j, "-") && self.glued(j) && self.glued(j + 1) {
            j += 1;
        }
        let (mut e, u) = self.unit_at(j)?;
        // "a second round", "a second meeting": English "second" after an article is the
        // ordinal.
        if !fr
            && u == Unit::Second
            && self.is(j, "second")
            && matches!(self.w(i), "a" | "an" | "the")
        {
            return None;
        }
        // Short unit symbols only after digits ("3h", "10 min"), never after words.
        if self.is(j, "h") && !self.digits(i) {
            return None;
        }
        // "15h30" is a clock time.
        if self.is(j, "h") && self.glued(j + 1) && self.digits(j + 1) {
            return None;
        }
        if let Some(e2) = self.half_after(e) {
            n += 0.5;
            e = e2;
        }
        // "un an" inside "un an et demi" handled above; "3 ans d'âge" is still a duration.
        let (slot, mult) = u.slot();
        let v = if u == Unit::Semester {
            n * 0.5
        } else {
            n * mult
        };
        let slot = if u == Unit::Semester { Y } else { slot };
        Some((e, Dur::of(slot, v)))
    }

    fn dur_whole(&self, i: usize) -> Option<(usize, Dur)> {
        let one = |k: usize| -> Option<(usize, Dur)> {
            let (e, u) = self.unit_at(k)?;
            if !matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                return None;
            }
            let (slot, mult) = u.slot();
            Some((e, Dur::of(slot, mult)))
        };
        if self.fr() {
            if let Some(j) = self.any(i, &["tout", "toute"]) {
                let k = self.any(j, &["la", "le"]).or_else(|| self.elided(j, "l"))?;
                return one(k);
            }
            let j = self
                .any(i, &["un", "une", "la", "le"])
                .or_else(|| self.elided(i, "l"))
                .unwrap_or(i);
            if let Some(k) = self.any(j, &["plein", "pleine"]) {
                return one(k);
            }
            if j > i
                && let Some((e, d)) = one(j)
                && self.any(e, &["entier", "entiere"]).is_some()
            {
                return Some((e + 1, d));
            }
            None
        } else {
            let j = self.opt(i, &["the", "a"]);
            let k = self.any(j, &["all", "full", "whole", "entire"])?;
            let k = self.opt(k, &["-"]);
            one(k)
        }
    }

    /// A duration with an optional modifier: "plus de deux ans", "un an, un mois et 21 jours",
    /// "about three weeks", "another hour".
    pub fn dur_phrase(&self, i: usize) -> DurHit {
        if !self.may_start(i) {
            return None;
        }
        self.dur_memo.get_or(i, || self.dur_phrase_uncached(i))
    }

    fn dur_phrase_uncached(&self, i: usize) -> DurHit {
        use TimexMod::*;
        let table: &[(&[&str], Option<TimexMod>)] = if self.fr() {
            &[
                (&["plus", "de"], Some(MoreThan)),
                (&["plus", "d", "'"], Some(MoreThan)),
                (&["moins", "de"], Some(LessThan)),
                (&["moins", "d", "'"], Some(LessThan)),
                (&["au", "moins"], Some(EqualOrMore)),
                (&["au", "plus"], Some(EqualOrLess)),
                (&["environ"], Some(Approx)),
                (&["pres", "de"], Some(Approx)),
                (&["pres", "d", "'"], Some(Approx)),
                (&["presque"], Some(LessThan)),
                (&["encore"], None),
            ]
        } else {
            &[
                (&["more", "than"], Some(MoreThan)),
                (&["less", "than"], Some(LessThan)),
                (&["at", "least"], Some(EqualOrMore)),
                (&["at", "most"], Some(EqualOrLess)),
                (&["up", "to"], Some(EqualOrLess)),
                (&["about"], Some(Approx)),
                (&["around"], Some(Approx)),
                (&["approximately"], Some(Approx)),
                (&["nearly"], Some(LessThan)),
                (&["almost"], Some(LessThan)),
            ]
        };
        let first = self.w(i);
        let maybe_mod = if self.fr() {
            matches!(
                first,
                "plus" | "moins" | "au" | "environ" | "pres" | "presque" | "encore"
            )
        } else {
            matches!(
                first,
                "more"
                    | "less"
                    | "at"
                    | "up"
                    | "about"
                    | "around"
                    | "approximately"
                    | "nearly"
                    | "almost"
            )
        };
        let (j, m) = if maybe_mod {
            table
                .iter()
                .find_map(|(p, m)| self.seq(i, p).map(|e| (e, *m)))
                .unwrap_or((i, None))
        } else {
            (i, None)
        };
        // "un autre jour ouvré", "another week": one unit.
        let another = if self.fr() {
            self.seqs(j, &[&["un", "autre"], &["une", "autre"]])
        } else {
            self.any(j, &["another"])
        };
        let (mut e, mut d) = match another.and_then(|k| self.unit_at(k)) {
            Some((e, u)) => {
                let (slot, mult) = u.slot();
                (e, Dur::of(slot, mult))
            }
            None => self.dur_atom(j)?,
        };
        // Composite durations: "un an, un mois et 21 jours", "1 year 1 month 21 days".
        loop {
            let mut k = self.opt(e, &[","]);
            k = self.opt(k, &["et", "and", "plus"]);
            if self.fr() && self.is(k - 1, "plus") {
                k = self.opt(k, &["de", "d"]);
                k = self.opt(k, &["'"]);
            }
            match self.dur_atom(k) {
                Some((e2, d2)) if k > e || self.digits(e) || self.word(e) => match d.merge(&d2) {
                    Some(m2) => {
                        d = m2;
                        e = e2;
                    }
                    None => break,
                },
                _ => break,
            }
        }
        Some((e, d, m))
    }

    pub fn duration(&self, i: usize) -> Hit {
        let (e, d, m) = self.dur_phrase(i)?;
        Some((e, Expr::Dur(d, m), "duration"))
    }

    // ---------------------------------------------------------------- offsets

    /// A relative day used as the base of an offset: "aujourd'hui", "demain", "now".
    fn base_day(&self, k: usize) -> Option<(usize, i32)> {
        if !self.fr() && self.is(k, "now") {
            return Some((k + 1, 0));
        }
        match self.rel_day(k)? {
            (e, Per::Day(Day::Rel(n)), _) => Some((e, n)),
            _ => None,
        }
    }

    /// Dates at a distance from the anchor: "il y a deux ans", "dans trois semaines",
    /// "deux jours après demain", "two weeks from now", "3 days ago", "in 3 weeks".
    pub fn offset_day(&self, i: usize) -> Hit {
        let mk = |e: usize, base: i32, d: Dur, sign: i8| -> Hit {
            Some((
                e,
                Expr::Date(
                    Per::Day(Day::Offset {
                        base: Box::new(Day::Rel(base)),
                        dur: d,
                        sign,
                    }),
                    None,
                ),
                "date.offset",
            ))
        };
        if self.fr() {
            if let Some(j) = self.seq(i, &["il", "y", "a"]) {
                let (e, d, _) = self.dur_phrase(j)?;
                return mk(e, 0, d, -1);
            }
            if let Some(j) = self.any(i, &["dans"])
                && !matches!(
                    self.w(j),
                    "les" | "la" | "le" | "l" | "ces" | "ce" | "cette"
                )
                && let Some((e, d, None)) = self.dur_phrase(j)
            {
                return mk(e, 0, d, 1);
            }
            let (e, d, _) = self.dur_phrase(i)?;
            if let Some(e2) = self.seq(e, &["plus", "tard"]) {
                return mk(e2, 0, d, 1);
            }
            if let Some(e2) = self
                .any(e, &["auparavant"])
                .or_else(|| self.seq(e, &["plus", "tot"]))
            {
                return mk(e2, 0, d, -1);
            }
            if let Some(k) = self.any(e, &["apres", "avant"]) {
                let sign = if self.is(e, "apres") { 1 } else { -1 };
                if let Some((e2, base)) = self.base_day(k) {
                    return mk(e2, base, d, sign);
                }
            }
            if let Some(e2) = self.seqs(
                e,
                &[
                    &["a", "partir", "d", "'", "aujourd", "'", "hui"],
                    &["a", "compter", "d", "'", "aujourd", "'", "hui"],
                ],
            ) {
                return mk(e2, 0, d, 1);
            }
            if let Some(e2) = self.seqs(
                e,
                &[
                    &["a", "partir", "de", "demain"],
                    &["a", "compter", "de", "demain"],
                ],
            ) {
                return mk(e2, 1, d, 1);
            }
            None
        } else {
            if let Some(j) = self.any(i, &["in"])
                && !matches!(self.w(j), "the" | "a" | "an")
                && let Some((e, d, None)) = self.dur_phrase(j)
            {
                return mk(e, 0, d, 1);
            }
            let (e, d, _) = self.dur_phrase(i)?;
            if let Some(e2) = self.any(e, &["ago"]) {
                return mk(e2, 0, d, -1);
            }
            if let Some(e2) = self
                .any(e, &["later"])
                .or_else(|| self.seq(e, &["from", "now"]))
            {
                return mk(e2, 0, d, 1);
            }
            if let Some(k) = self.any(e, &["from", "after", "before"]) {
                let sign = if self.is(e, "before") { -1 } else { 1 };
                if let Some((e2, base)) = self.base_day(k) {
                    return mk(e2, base, d, sign);
                }
            }
            None
        }
    }

    // ---------------------------------------------------------------- times

    /// "am"/"pm", "a.m."/"p.m.": (end, is_pm).
    fn ampm(&self, k: usize) -> Option<(usize, bool)> {
        match self.w(k) {
            "am" => Some((k + 1, false)),
            "pm" => Some((k + 1, true)),
            "a" | "p" if self.is(k + 1, ".") && self.is(k + 2, "m") => {
                let e = if self.is(k + 3, ".") { k + 4 } else { k + 3 };
                Some((e, self.is(k, "p")))
            }
            _ => None,
        }
    }

    /// A clock time: (end, time, strong). Strong means it cannot be anything else (minutes,
    /// am/pm, "o'clock", "du soir"); weak ones ("15 heures", "at 9") need a preposition.
    pub fn clock(&self, i: usize) -> Option<(usize, Tm, bool)> {
        let fr = self.fr();
        if fr {
            if let Some(e) = self.any(i, &["midi", "minuit"]) {
                let h = if self.is(i, "midi") { 12 } else { 0 };
                if let Some(e2) = self.seqs(e, &[&["et", "demi"], &["et", "demie"]]) {
                    return Some((e2, Tm::Clock { h, m: 30 }, true));
                }
                if let Some(e2) = self.seq(e, &["et", "quart"]) {
                    return Some((e2, Tm::Clock { h, m: 15 }, true));
                }
                return Some((e, Tm::Clock { h, m: 0 }, true));
            }
        } else if let Some(e) = self.any(i, &["noon", "midday", "midnight"]) {
            let h = if self.is(i, "midnight") { 0 } else { 12 };
            return Some((e, Tm::Clock { h, m: 0 }, true));
        }
        let (j, h) = if self.digits(i) && self.s.ndigits(i) <= 2 {
            (i + 1, self.s.num(i)?)
        } else {
            let (j, h) = self.int_words(i)?;
            // Words only with an explicit hour word after them.
            if !matches!(self.w(j), "heure" | "heures" | "o") {
                return None;
            }
            (j, h)
        };
        if h > 24 {
            return None;
        }
        let mut m = 0;
        let mut strong = false;
        let mut e;
        if self.is(j, ":")
            && self.glued(j)
            && self.glued(j + 1)
            && self.digits(j + 1)
            && self.s.ndigits(j + 1) == 2
        {
            m = self.s.num(j + 1)?;
            e = j + 2;
            strong = true;
            if fr && self.is(e, "h") {
                e += 1;
            }
        } else if fr && self.is(j, "h") {
            e = j + 1;
            if self.digits(e) && self.s.ndigits(e) <= 2 && (self.glued(e) || !self.glued(j)) {
                m = self.s.num(e)?;
                e += 1;
                e = self.opt(e, &["min"]);
                strong = true;
            }
        } else if fr && self.any(j, &["heure", "heures"]).is_some() {
            e = j + 1;
            if self.digits(e) && self.s.ndigits(e) <= 2 {
                m = self.s.num(e)?;
                e = self.opt(e + 1, &["minutes", "min"]);
                strong = true;
            } else if let Some(e2) = self.seqs(e, &[&["et", "demie"], &["et", "demi"]]) {
                m = 30;
                e = e2;
                strong = true;
            } else if let Some(e2) = self.seq(e, &["et", "quart"]) {
                m = 15;
                e = e2;
                strong = true;
            }
        } else if !fr
            && self.is(j, ".")
            && self.glued(j)
            && self.glued(j + 1)
            && self.s.ndigits(j + 1) == 2
            && self.ampm(j + 2).is_some()
        {
            // British "7.55am".
            m = self.s.num(j + 1)?;
            e = j + 2;
            strong = true;
        } else if !fr && let Some(e2) = self.seq(j, &["o", "'", "clock"]) {
            e = e2;
            strong = true;
        } else {
            e = j;
        }
        if m > 59 {
            return None;
        }
        let mut h = h;
        if fr {
            if let Some(e2) = self.seq(e, &["du", "matin"]) {
                e = e2;
                strong = true;
            } else if let Some(e2) = self.seqs(
                e,
                &[
                    &["du", "soir"],
                    &["de", "l", "'", "apres", "midi"],
                    &["de", "l", "'", "apres-midi"],
                ],
            ) {
                if h < 12 {
                    h += 12;
                }
                e = e2;
                strong = true;
            }
        }
        if let Some((e2, pm)) = self.ampm(e) {
            if h > 12 || h == 0 {
                return None;
            }
            h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            e = e2;
            strong = true;
        }
        if e == j && !self.digits(i) {
            return None;
        }
        // A bare number is a weak clock time ("at 9", "chaque nuit 21"): callers decide.
        Some((e, Tm::Clock { h, m }, strong))
    }

    /// A preposition before a clock time: French "à" (accented: "a" is also the verb), "vers",
    /// "dès", "jusqu'à"; English "at", "around", "by", "until".
    fn time_lead(&self, i: usize) -> Option<usize> {
        if self.fr() {
            if self.is(i, "a") && self.s.raw(i) != "a" && self.s.raw(i) != "A" {
                return Some(i + 1);
            }
            // "dès" folds to "des" (the article): check the accent.
            let des = self.is(i, "des") && self.s.raw(i).to_lowercase() == "dès";
            self.any(i, &["vers"])
                .or_else(|| des.then_some(i + 1))
                .or_else(|| self.seq(i, &["jusqu", "'", "a"]))
        } else {
            self.any(i, &["at", "around", "by", "until"])
        }
    }

    pub fn time(&self, i: usize) -> Hit {
        let lead = self.time_lead(i);
        let j = lead.unwrap_or(i);
        let (e, tm, strong) = self.clock(j)?;
        if !strong {
            lead?;
            // "à 3 heures de route" is a distance in time, not a clock time.
            if self.fr() && matches!(self.w(e), "de" | "d") {
                return None;
            }
            // A bare number is a clock time only in English ("at 9"): French writes "à 9 h"
            // ("de 5 à 7,5 cm" is a measure).
            if e == j + 1 && (self.fr() || self.is(e, ",") && self.digits(e + 1)) {
                return None;
            }
            if e == j + 1
                && !(self.phrase_end(e)
                    || matches!(
                        self.w(e),
                        "on" | "in" | "tomorrow" | "today" | "tonight" | "every" | "each"
                    ))
            {
                return None;
            }
        }
        Some((e, Expr::Time(tm), "time"))
    }

    /// Part of day after a day: "matin", "soir", "après-midi", "morning", "night".
    fn pod(&self, k: usize) -> Option<(usize, Tm)> {
        let p = |e: usize, p: Pod| Some((e, Tm::Pod(p)));
        if self.fr() {
            match self.w(k) {
                "matin" | "matinee" => p(k + 1, Pod::Morning),
                "soir" | "soiree" => p(k + 1, Pod::Evening),
                "nuit" => p(k + 1, Pod::Night),
                "midi" => Some((k + 1, Tm::Clock { h: 12, m: 0 })),
                _ => self
                    .seq(k, &["apres", "midi"])
                    .and_then(|e| p(e, Pod::Afternoon)),
            }
        } else {
            match self.w(k) {
                "morning" => p(k + 1, Pod::Morning),
                "afternoon" => p(k + 1, Pod::Afternoon),
                "evening" => p(k + 1, Pod::Evening),
                "night" => p(k + 1, Pod::Night),
                "noon" => Some((k + 1, Tm::Clock { h: 12, m: 0 })),
                _ => None,
            }
        }
    }

    /// A day with a time: "ce matin", "hier soir", "mardi à 15h", "tomorrow morning",
    /// "tonight", "le 2 octobre à 10h30".
    pub fn datetime(&self, i: usize) -> Hit {
        let mk = |e: usize, d: Day, t: Tm| Some((e, Expr::DateTime(d, t), "datetime"));
        if self.fr() {
            if let Some(j) = self.any(i, &["ce", "cet", "cette"])
                && let Some((e, t)) = self.pod(j)
                && !matches!(t, Tm::Clock { .. })
            {
                return mk(e, Day::Rel(0), t);
            }
        } else {
            if let Some(e) = self.any(i, &["tonight"]) {
                return mk(e, Day::Rel(0), Tm::Pod(Pod::Night));
            }
            if let Some(j) = self.any(i, &["this"])
                && let Some((e, t)) = self.pod(j)
            {
                return mk(e, Day::Rel(0), t);
            }
            if let Some(e) = self.seq(i, &["last", "night"]) {
                return mk(e, Day::Rel(-1), Tm::Pod(Pod::Night));
            }
        }
        let (k, per, _) = self.point_per(i)?;
        let Per::Day(d) = per else {
            return None;
        };
        if let Some((e, t)) = self.pod(k) {
            return mk(e, d, t);
        }
        let k2 = self.opt(k, &[","]);
        let lead = self.time_lead(k2);
        let j = lead.unwrap_or(k2);
        let (e, t, strong) = self.clock(j)?;
        if !strong && (lead.is_none() || (e == j + 1 && !self.phrase_end(e))) {
            return None;
        }
        mk(e, d, t)
    }

    // ---------------------------------------------------------------- sets

    /// Recurrences: "chaque année", "tous les lundis à 16 heures", "toutes les deux semaines",
    /// "hebdomadaire", "une fois par an", "every other Friday", "9am on Sundays", "daily".
    pub fn set(&self, i: usize) -> Hit {
        let fr = self.fr();
        let mk = |e: usize, s: SetE| Some((e, Expr::Set(s), "set"));
        // Adjectives and adverbs.
        let adj = if fr {
            match self.w(i) {
                "hebdomadaire" | "hebdomadaires" => Some(Dur::of(dur_slot::W, 1.0)),
                "bihebdomadaire" | "bihebdomadaires" => Some(Dur::of(dur_slot::W, 2.0)),
                "quotidien" | "quotidienne" | "quotidiens" | "quotidiennes" | "quotidiennement"
                | "journalier" | "journaliere" | "journaliers" | "journalieres"
                | "journellement" => Some(Dur::of(dur_slot::D, 1.0)),
                "mensuel" | "mensuelle" | "mensuels" | "mensuelles" | "mensuellement" => {
                    Some(Dur::of(dur_slot::M, 1.0))
                }
                "annuel" | "annuelle" | "annuels" | "annuelles" | "annuellement" => {
                    Some(Dur::of(dur_slot::Y, 1.0))
                }
                "trimestriel" | "trimestrielle" | "trimestriels" | "trimestrielles" => {
                    Some(Dur::of(dur_slot::M, 3.0))
                }
                "semestriel" | "semestrielle" | "semestriels" | "semestrielles" => {
                    Some(Dur::of(dur_slot::M, 6.0))
                }
                _ => None,
            }
        } else {
            match self.w(i) {
                "weekly" => Some(Dur::of(dur_slot::W, 1.0)),
                "biweekly" | "fortnightly" => Some(Dur::of(dur_slot::W, 2.0)),
                "daily" | "everyday" => Some(Dur::of(dur_slot::D, 1.0)),
                "monthly" => Some(Dur::of(dur_slot::M, 1.0)),
                "annually" | "annual" | "yearly" => Some(Dur::of(dur_slot::Y, 1.0)),
                "quarterly" => Some(Dur::of(dur_slot::M, 3.0)),
                "hourly" => Some(Dur::of(dur_slot::H, 1.0)),
                _ => None,
            }
        };
        if let Some(d) = adj {
            // "le quotidien", "un mensuel" are newspapers, not recurrences.
            let noun = i > 0
                && matches!(
                    self.w(i - 1),
                    "le" | "un"
                        | "du"
                        | "au"
                        | "ce"
                        | "les"
                        | "des"
                        | "aux"
                        | "son"
                        | "sa"
                        | "leur"
                        | "notre"
                        | "votre"
                        | "l"
                        | "'"
                )
                && matches!(
                    self.w(i),
                    "quotidien"
                        | "mensuel"
                        | "hebdomadaire"
                        | "quotidiens"
                        | "mensuels"
                        | "hebdomadaires"
                );
            // "China Daily", "the Daily Mail", "Le Quotidien d'Oran": a capitalised word
            // beside another capitalised one is part of a title.
            let in_name = self.s.is_capitalized(i)
                && (i > 0 && !self.s.is_boundary(i - 1) && self.s.is_capitalized(i - 1)
                    || self.s.is_capitalized(i + 1));
            if !noun && !in_name {
                return mk(i + 1, SetE::Every(d));
            }
        }
        // Clock time first: "à 15 heures tous les jours", "9am every Sunday", "9 heures le dimanche".
        let lead = self.time_lead(i);
        if let Some((k, t, strong)) = self.clock(lead.unwrap_or(i))
            && (strong || lead.is_some())
        {
            let k2 = self.opt(k, &[","]);
            if let Some((e, s)) = self.every(k2) {
                let s = match s {
                    SetE::Every(d) if d == Dur::of(dur_slot::D, 1.0) => SetE::Time(t),
                    SetE::Weekday(wd, None) => SetE::Weekday(wd, Some(t)),
                    _ => return None,
                };
                return mk(e, s);
            }
            let k3 = self.opt(k2, &["le", "on"]);
            if let Some((e, wd, plural, false)) = self.weekday_tok(k3)
                && (plural || k3 > k2)
            {
                return mk(e, SetE::Weekday(wd, Some(t)));
            }
        }
        if let Some((e, s)) = self.every(i) {
            return mk(e, s);
        }
        // "une fois par an", "deux fois par semaine", "once a year", "twice a week"
        let times = if fr {
            self.cardinal(i, false)
                .and_then(|(k, _)| self.seqs(k, &[&["fois", "par"]]))
                .or_else(|| self.seq(i, &["une", "fois", "par"]))
        } else {
            self.any(i, &["once", "twice"])
                .map(|k| self.opt(k, &["a", "per", "every"]))
                .or_else(|| {
                    self.cardinal(i, false)
                        .and_then(|(k, _)| self.seqs(k, &[&["times", "a"], &["times", "per"]]))
                })
        };
        if let Some(k) = times
            && let Some((e, u)) = self.unit_at(k)
        {
            let (slot, mult) = u.slot();
            return mk(e, SetE::Every(Dur::of(slot, mult)));
        }
        // "un vendredi sur deux", "every other Friday" (handled in every()).
        if fr
            && let Some(k) = self.any(i, &["un"])
            && let Some((k2, wd, false, false)) = self.weekday_tok(k)
            && let Some(e) = self.seq(k2, &["sur", "deux"])
        {
            return mk(e, SetE::Weekday(wd, None));
        }
        // Plural weekdays and "le lundi" (habitual): "les lundis", "on Mondays", "le dimanche".
        let j = if fr {
            self.opt(i, &["les", "le"])
        } else {
            self.opt(i, &["on"])
        };
        if let Some((k, wd, plural, false)) = self.weekday_tok(j) {
            let le = fr && self.is(i, "le");
            let habitual = plural
                || (le
                    && !self.digits(k)
                    && self.dom(k, true).is_none()
                    && !matches!(
                        self.w(k),
                        "prochain"
                            | "prochaine"
                            | "dernier"
                            | "derniere"
                            | "suivant"
                            | "precedent"
                            | "passe"
                            | "de"
                            | "d"
                            | ","
                            | "matin"
                            | "soir"
                            | "apres"
                    )
                    && self.rel_unit(k, RelUnit::Week).is_none());
            if habitual {
                let k2 = self.opt(k, &[","]);
                if let Some(lk) = self.time_lead(k2)
                    && let Some((e, t, _)) = self.clock(lk)
                {
                    return mk(e, SetE::Weekday(wd, Some(t)));
                }
                if let Some((e, t, true)) = self.clock(k2) {
                    return mk(e, SetE::Weekday(wd, Some(t)));
                }
                return mk(k, SetE::Weekday(wd, None));
            }
        }
        // "mornings at 9am", "on mornings": a plural part of day needs a time or "on".
        let j = self.opt(i, &["on"]);
        if !fr && let Some(k) = self.any(j, &["mornings", "afternoons", "evenings", "nights"]) {
            let pod = match self.w(j) {
                "mornings" => Pod::Morning,
                "afternoons" => Pod::Afternoon,
                "evenings" => Pod::Evening,
                _ => Pod::Night,
            };
            if let Some((e, s)) = self.pod_time(k, pod) {
                return mk(e, s);
            }
            if j > i {
                return mk(k, SetE::Time(Tm::Pod(pod)));
            }
        }
        None
    }

    /// "à 9 heures" after a part of day: the clock time adjusted to it ("soir à 9" = 21h).
    fn pod_time(&self, k: usize, pod: Pod) -> Option<(usize, SetE)> {
        let lk = self
            .time_lead(k)
            .or_else(|| self.any(k, &["a"]))
            .unwrap_or(k);
        let (e, t, _) = self.clock(lk)?;
        let t = match (t, pod) {
            (Tm::Clock { h, m }, Pod::Evening | Pod::Night | Pod::Afternoon) if h < 12 => {
                Tm::Clock { h: h + 12, m }
            }
            (t, _) => t,
        };
        Some((e, SetE::Time(t)))
    }

    /// "chaque semaine", "tous les deux jours", "tous les lundis", "chaque matin à 9 heures",
    /// "every other Friday", "each monday 4pm", "every 4/15".
    fn every(&self, i: usize) -> Option<(usize, SetE)> {
        let fr = self.fr();
        let j = if fr {
            self.any(i, &["chaque"])
                .or_else(|| self.seqs(i, &[&["tous", "les"], &["toutes", "les"]]))?
        } else {
            self.any(i, &["every", "each"])?
        };
        let (j, other) = match self.any(j, &["other"]) {
            Some(k) if !fr => (k, true),
            _ => (j, false),
        };
        // Weekday.
        if let Some((k, wd, _, false)) = self.weekday_tok(j) {
            let k2 = self.opt(k, &[","]);
            let lead = self.time_lead(k2);
            if let Some((e, t, strong)) = self.clock(lead.unwrap_or(k2))
                && (strong || lead.is_some())
            {
                return Some((e, SetE::Weekday(wd, Some(t))));
            }
            return Some((k, SetE::Weekday(wd, None)));
        }
        // Part of day.
        let pod = if fr {
            match self.w(j) {
                "matin" | "matins" => Some(Pod::Morning),
                "soir" | "soirs" => Some(Pod::Evening),
                "nuit" | "nuits" => Some(Pod::Night),
                "apres" if self.is(j + 1, "-") || self.is(j + 1, "midi") => Some(Pod::Afternoon),
                _ => None,
            }
        } else {
            match self.w(j) {
                "morning" => Some(Pod::Morning),
                "afternoon" => Some(Pod::Afternoon),
                "evening" => Some(Pod::Evening),
                "night" => Some(Pod::Night),
                _ => None,
            }
        };
        if let Some(pod) = pod {
            let k = if pod == Pod::Afternoon && fr {
                self.seq(j, &["apres", "midi"])?
            } else {
                j + 1
            };
            if let Some(r) = self.pod_time(k, pod) {
                return Some(r);
            }
            if let Some((e, Tm::Clock { h, m }, _)) = self.clock(k) {
                let h = if h < 12 && pod != Pod::Morning {
                    h + 12
                } else {
                    h
                };
                return Some((e, SetE::Time(Tm::Clock { h, m })));
            }
            return Some((k, SetE::Time(Tm::Pod(pod))));
        }
        // Numeric day: "chaque 15/04", "each 4/15".
        if let Some((
            e,
            Per::Day(Day::Cal {
                m: crate::expr::Month::Abs(m),
                d,
                ..
            }),
            _,
        )) = self.numeric_date(j)
        {
            return Some((e, SetE::MonthDay(m, d)));
        }
        // Count and unit: "chaque année", "tous les deux jours", "every three weeks".
        let (k, n) = match self.cardinal(j, false) {
            Some((k, n)) if self.unit_at(k).is_some() => (k, n),
            _ => (j, if other { 2.0 } else { 1.0 }),
        };
        let (e, u) = self.unit_at(k)?;
        let (slot, mult) = u.slot();
        // "tous les jours à 15h": the time is what recurs.
        if u == Unit::Day && n == 1.0 {
            let k2 = self.opt(e, &[","]);
            if let Some(lk) = self.time_lead(k2)
                && let Some((e2, t, _)) = self.clock(lk)
            {
                return Some((e2, SetE::Time(t)));
            }
        }
        Some((e, SetE::Every(Dur::of(slot, n * mult))))
    }
}
