//! The grammar: hand-written recursive-descent rules over the scanner's tokens.
//!
//! At each token every top-level rule is tried; the longest match wins (ties go to the rule
//! listed first), the scan resumes after it, so matches never overlap. Rules return a token
//! end index and an [`Expr`]; resolution against the anchor happens later (`resolve`).
//! French and English share the rule shapes; the words come from `lex` and from the small
//! per-language lists inside each rule.

mod date;
mod dur;

use crate::expr::Expr;
use crate::lex::{self, NumWord};
use crate::scan::{Kind, Scan};
use veille_core::Lang;

/// One recognised expression: tokens `[s, e)`.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub s: usize,
    pub e: usize,
    pub expr: Expr,
    pub rule: &'static str,
}

pub(crate) type Hit = Option<(usize, Expr, &'static str)>;

pub(crate) struct G<'s, 'a> {
    pub s: &'s Scan<'a>,
    pub lang: Lang,
}

type Rule = for<'s, 'a> fn(&G<'s, 'a>, usize) -> Hit;

/// Top-level rules, in priority order for equal-length matches.
const RULES: &[Rule] = &[
    |g, i| g.range(i),
    |g, i| g.datetime(i),
    |g, i| g.set(i),
    |g, i| g.date_point(i),
    |g, i| g.offset_day(i),
    |g, i| g.duration(i),
    |g, i| g.time(i),
];

pub(crate) fn find_all(s: &Scan, lang: Lang) -> Vec<Found> {
    let g = G { s, lang };
    let n = s.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !g.may_start(i) {
            i += 1;
            continue;
        }
        let mut best: Option<Found> = None;
        for rule in RULES {
            if let Some((e, expr, name)) = rule(&g, i)
                && e > i
                && e <= n
                && best.as_ref().is_none_or(|b| e > b.e)
            {
                best = Some(Found {
                    s: i,
                    e,
                    expr,
                    rule: name,
                });
            }
        }
        match best {
            Some(f) => {
                i = f.e;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

impl<'s, 'a> G<'s, 'a> {
    #[inline]
    pub fn fr(&self) -> bool {
        self.lang == Lang::Fr
    }

    #[inline]
    pub fn w(&self, i: usize) -> &'s str {
        self.s.norm(i)
    }

    #[inline]
    pub fn is(&self, i: usize, x: &str) -> bool {
        self.s.norm(i) == x
    }

    #[inline]
    pub fn word(&self, i: usize) -> bool {
        self.s.kind(i) == Some(Kind::Word)
    }

    #[inline]
    pub fn digits(&self, i: usize) -> bool {
        self.s.kind(i) == Some(Kind::Num)
    }

    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        self.s.glued(i)
    }

    /// Token `i` is one of `xs`.
    #[inline]
    pub fn any(&self, i: usize, xs: &[&str]) -> Option<usize> {
        let w = self.w(i);
        (!w.is_empty() && xs.contains(&w)).then_some(i + 1)
    }

    /// Skips token `i` if it is one of `xs`.
    #[inline]
    pub fn opt(&self, i: usize, xs: &[&str]) -> usize {
        self.any(i, xs).unwrap_or(i)
    }

    /// A sequence of tokens; a hyphen between two items is optional ("après-demain" or
    /// "après demain").
    pub fn seq(&self, i: usize, xs: &[&str]) -> Option<usize> {
        let mut j = i;
        for (k, x) in xs.iter().enumerate() {
            if k > 0 && *x != "-" && self.is(j, "-") && self.is(j + 1, x) {
                j += 1;
            }
            if !self.is(j, x) {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The first of several sequences that matches.
    pub fn seqs(&self, i: usize, alts: &[&[&str]]) -> Option<usize> {
        alts.iter().find_map(|xs| self.seq(i, xs))
    }

    /// French elided article or preposition: "l'", "d'".
    pub fn elided(&self, i: usize, letter: &str) -> Option<usize> {
        (self.is(i, letter) && self.is(i + 1, "'")).then_some(i + 2)
    }

    /// A token at the end of text or punctuation that closes a phrase.
    pub fn phrase_end(&self, i: usize) -> bool {
        i >= self.s.len()
            || matches!(
                self.w(i),
                "." | "," | ";" | ":" | "!" | "?" | ")" | "»" | "\"" | "-"
            )
    }

    /// Cheap filter: can an expression start at token `i`? Digits always can; words only if
    /// some rule knows them. Keeps the per-token cost low on ordinary prose.
    pub fn may_start(&self, i: usize) -> bool {
        match self.s.kind(i) {
            Some(Kind::Num) => true,
            Some(Kind::Word) => {
                let w = self.w(i);
                lex::month(w, self.lang).is_some()
                    || lex::weekday(w, self.lang).is_some()
                    || lex::unit(w, self.lang).is_some()
                    || lex::num_word(w, self.lang).is_some()
                    || lex::ordinal_word(w, self.lang).is_some()
                    || self.starter(w)
            }
            Some(Kind::Punct) => self.is(i, "'"),
            None => false,
        }
    }

    fn starter(&self, w: &str) -> bool {
        match self.lang {
            Lang::Fr => matches!(
                w,
                "le" | "la"
                    | "les"
                    | "l"
                    | "ce"
                    | "cet"
                    | "cette"
                    | "ces"
                    | "en"
                    | "au"
                    | "aux"
                    | "du"
                    | "de"
                    | "des"
                    | "d"
                    | "dans"
                    | "il"
                    | "hier"
                    | "demain"
                    | "aujourd"
                    | "avant"
                    | "apres"
                    | "lendemain"
                    | "surlendemain"
                    | "veille"
                    | "entre"
                    | "depuis"
                    | "chaque"
                    | "tous"
                    | "toutes"
                    | "tout"
                    | "toute"
                    | "une"
                    | "un"
                    | "debut"
                    | "fin"
                    | "mi"
                    | "milieu"
                    | "courant"
                    | "tard"
                    | "plus"
                    | "moins"
                    | "environ"
                    | "pres"
                    | "presque"
                    | "encore"
                    | "quelques"
                    | "plusieurs"
                    | "demi"
                    | "demie"
                    | "prochain"
                    | "prochaine"
                    | "dernier"
                    | "derniere"
                    | "derniers"
                    | "dernieres"
                    | "jour"
                    | "semaine"
                    | "mois"
                    | "annee"
                    | "an"
                    | "annees"
                    | "printemps"
                    | "ete"
                    | "automne"
                    | "hiver"
                    | "midi"
                    | "minuit"
                    | "matin"
                    | "soir"
                    | "nuit"
                    | "q"
                    | "h"
                    | "s"
                    | "t"
                    | "hebdomadaire"
                    | "hebdomadaires"
                    | "bihebdomadaire"
                    | "quotidien"
                    | "quotidienne"
                    | "quotidiens"
                    | "quotidiennes"
                    | "quotidiennement"
                    | "journalier"
                    | "journaliere"
                    | "journellement"
                    | "mensuel"
                    | "mensuelle"
                    | "mensuels"
                    | "mensuelles"
                    | "mensuellement"
                    | "annuel"
                    | "annuelle"
                    | "annuels"
                    | "annuelles"
                    | "annuellement"
                    | "trimestriel"
                    | "trimestrielle"
                    | "trimestriels"
                    | "trimestrielles"
                    | "semestriel"
                    | "semestrielle"
                    | "decennal"
                    | "decennale"
                    | "decennaux"
                    | "decennales"
                    | "quinquennal"
                    | "quinquennale"
                    | "septennal"
                    | "triennal"
                    | "triennale"
                    | "quinquennat"
                    | "septennat"
                    | "week"
                    | "reste"
                    | "pendant"
                    | "au-dela"
                    | "a"
                    | "vers"
                    | "des"
                    | "siecle"
            ),
            Lang::En => matches!(
                w,
                "the"
                    | "this"
                    | "that"
                    | "next"
                    | "last"
                    | "past"
                    | "previous"
                    | "coming"
                    | "upcoming"
                    | "current"
                    | "following"
                    | "in"
                    | "on"
                    | "at"
                    | "from"
                    | "between"
                    | "within"
                    | "today"
                    | "tonight"
                    | "yesterday"
                    | "tomorrow"
                    | "tmrw"
                    | "tomorow"
                    | "every"
                    | "each"
                    | "once"
                    | "twice"
                    | "a"
                    | "an"
                    | "all"
                    | "full"
                    | "whole"
                    | "entire"
                    | "half"
                    | "few"
                    | "several"
                    | "couple"
                    | "more"
                    | "less"
                    | "about"
                    | "around"
                    | "approximately"
                    | "nearly"
                    | "almost"
                    | "another"
                    | "early"
                    | "late"
                    | "mid"
                    | "middle"
                    | "beginning"
                    | "start"
                    | "end"
                    | "later"
                    | "earlier"
                    | "day"
                    | "week"
                    | "month"
                    | "year"
                    | "weekend"
                    | "spring"
                    | "summer"
                    | "fall"
                    | "autumn"
                    | "winter"
                    | "noon"
                    | "midnight"
                    | "morning"
                    | "mornings"
                    | "evening"
                    | "evenings"
                    | "afternoon"
                    | "afternoons"
                    | "night"
                    | "nights"
                    | "q"
                    | "h"
                    | "weekly"
                    | "biweekly"
                    | "daily"
                    | "everyday"
                    | "monthly"
                    | "annually"
                    | "annual"
                    | "yearly"
                    | "quarterly"
                    | "hourly"
                    | "seventies"
                    | "sixties"
                    | "fifties"
                    | "forties"
                    | "thirties"
                    | "twenties"
                    | "eighties"
                    | "nineties"
                    | "noughties"
                    | "rest"
                    | "for"
                    | "during"
                    | "by"
                    | "since"
                    | "until"
                    | "of"
                    | "over"
                    | "at"
                    | "w"
                    | "my"
            ),
        }
    }

    // ----- numbers -----

    /// A whole number written in words ("vingt-deux", "quatre-vingt-dix", "two thousand and
    /// eighteen"). Stops before a word that would not continue the number.
    pub fn int_words(&self, i: usize) -> Option<(usize, u32)> {
        let fr = self.fr();
        let mut total: u32 = 0;
        let mut cur: u32 = 0;
        let mut j = i;
        let mut any = false;
        while let Some(nw) = lex::num_word(self.w(j), self.lang) {
            if !self.word(j) {
                break;
            }
            let ok = match nw {
                NumWord::Small(v) => {
                    if !any {
                        cur = v;
                        true
                    } else if fr && v == 20 && cur % 100 == 4 {
                        cur += 76;
                        true
                    } else if cur % 100 == 0 && (cur > 0 || total > 0) {
                        cur += v;
                        true
                    } else if cur % 100 >= 20 && cur % 10 == 0 && (1..10).contains(&v) {
                        cur += v;
                        true
                    } else if fr && matches!(cur % 100, 60 | 80) && (10..=19).contains(&v) {
                        cur += v;
                        true
                    } else {
                        fr && matches!(cur % 100, 10 | 70 | 90) && (7..=9).contains(&v) && {
                            cur += v;
                            true
                        }
                    }
                }
                NumWord::Hundred => cur < 100 && {
                    cur = cur.max(1) * 100;
                    true
                },
                NumWord::Thousand => total == 0 && {
                    total = cur.max(1) * 1000;
                    cur = 0;
                    true
                },
            };
            if !ok {
                break;
            }
            any = true;
            j += 1;
            // Connectors inside a number: hyphens, French "et" before "un"/"onze", English
            // "and" after hundreds or thousands.
            let mut k = j;
            if self.is(k, "-") {
                k += 1;
            }
            let conj = if fr { "et" } else { "and" };
            if self.is(k, conj) {
                let mut k2 = k + 1;
                if self.is(k2, "-") {
                    k2 += 1;
                }
                let next = self.w(k2);
                let allowed = if fr {
                    matches!(next, "un" | "une" | "onze") && cur % 10 == 0 && cur % 100 >= 20
                } else {
                    (cur % 100 == 0 && (cur > 0 || total > 0))
                        && lex::num_word(next, self.lang).is_some()
                };
                if !allowed {
                    break;
                }
                k = k2;
            }
            if k != j {
                if lex::num_word(self.w(k), self.lang).is_none() {
                    break;
                }
                j = k;
            }
        }
        any.then_some((j, total + cur))
    }

    /// A number in digits (with a glued decimal part when `dec`: "3,5", "123.45") or words.
    pub fn cardinal(&self, i: usize, dec: bool) -> Option<(usize, f64)> {
        if self.digits(i) {
            let v = self.s.num(i)?;
            if dec
                && matches!(self.w(i + 1), "," | ".")
                && self.glued(i + 1)
                && self.glued(i + 2)
                && self.digits(i + 2)
            {
                let t = format!("{}.{}", self.w(i), self.w(i + 2));
                if let Ok(f) = t.parse::<f64>() {
                    return Some((i + 3, f));
                }
            }
            return Some((i + 1, v as f64));
        }
        self.int_words(i).map(|(j, v)| (j, v as f64))
    }

    /// An ordinal: "3e", "1er", "21st", "troisième", "vingt-deuxième", "twenty first".
    pub fn ordinal(&self, i: usize) -> Option<(usize, u32)> {
        if self.digits(i)
            && self.s.ndigits(i) <= 4
            && self.glued(i + 1)
            && self.word(i + 1)
            && lex::ordinal_suffix(self.w(i + 1), self.lang)
        {
            return Some((i + 2, self.s.num(i)?));
        }
        if !self.word(i) {
            return None;
        }
        if let Some(v) = lex::ordinal_word(self.w(i), self.lang) {
            return Some((i + 1, v));
        }
        let (j, v) = self.int_words(i)?;
        if v >= 20 && v % 10 == 0 {
            let mut k = j;
            if self.is(k, "-") {
                k += 1;
            }
            if self.fr() && self.is(k, "et") {
                k += 1;
                if self.is(k, "-") {
                    k += 1;
                }
            }
            if let Some(o) = lex::ordinal_word(self.w(k), self.lang)
                && o < 10
            {
                return Some((k + 1, v + o));
            }
        }
        None
    }

    /// A day of the month: digits 1..=31 (optionally with an ordinal suffix) or, when `words`,
    /// an ordinal or cardinal word.
    pub fn dom(&self, i: usize, words: bool) -> Option<(usize, u32)> {
        if self.digits(i) {
            if self.s.ndigits(i) > 2 {
                return None;
            }
            let v = self.s.num(i)?;
            if !(1..=31).contains(&v) {
                return None;
            }
            if self.glued(i + 1)
                && self.word(i + 1)
                && lex::ordinal_suffix(self.w(i + 1), self.lang)
            {
                return Some((i + 2, v));
            }
            return Some((i + 1, v));
        }
        if !words {
            return None;
        }
        if let Some((j, v)) = self.ordinal(i)
            && (1..=31).contains(&v)
        {
            return Some((j, v));
        }
        let (j, v) = self.int_words(i)?;
        (1..=31).contains(&v).then_some((j, v))
    }

    /// A four-digit year.
    pub fn year4(&self, i: usize) -> Option<(usize, i32)> {
        if self.digits(i) && self.s.ndigits(i) == 4 {
            let v = self.s.num(i)? as i32;
            if (1000..=2999).contains(&v) && !self.is(i + 1, ",") || !self.digits(i + 2) {
                return ((1000..=2999).contains(&v)).then_some((i + 1, v));
            }
        }
        None
    }

    /// A year in words: "deux mille dix-huit", "two thousand and eighteen", "nineteen
    /// seventy eight", "mille neuf cent quatre-vingt-neuf".
    pub fn year_words(&self, i: usize) -> Option<(usize, i32)> {
        let (j, v) = self.int_words(i)?;
        if (1000..=2999).contains(&v) {
            return Some((j, v as i32));
        }
        // English (and rare French) "nineteen seventy-eight": two two-digit halves.
        if (10..=99).contains(&v) {
            let (k, w) = self.int_words(j)?;
            if w <= 99 {
                return Some((k, (v * 100 + w) as i32));
            }
        }
        None
    }

    /// A two-digit year as digits: 00-49 → 20xx, 50-99 → 19xx.
    pub fn year2(&self, i: usize) -> Option<(usize, i32)> {
        if self.digits(i) && self.s.ndigits(i) == 2 {
            let v = self.s.num(i)? as i32;
            return Some((i + 1, if v < 50 { 2000 + v } else { 1900 + v }));
        }
        None
    }

    /// A month name, with the dot of an abbreviation.
    pub fn month_tok(&self, i: usize) -> Option<(usize, u32, bool)> {
        if !self.word(i) {
            return None;
        }
        let (m, strong) = lex::month(self.w(i), self.lang)?;
        let mut j = i + 1;
        if !strong && self.is(j, ".") && self.glued(j) {
            j += 1;
        }
        Some((j, m, strong))
    }

    /// A weekday name: (end, weekday, plural, abbreviation).
    pub fn weekday_tok(&self, i: usize) -> Option<(usize, u32, bool, bool)> {
        if !self.word(i) {
            return None;
        }
        let (wd, plural, abbr) = lex::weekday(self.w(i), self.lang)?;
        let mut j = i + 1;
        if abbr && self.is(j, ".") && self.glued(j) {
            j += 1;
        }
        Some((j, wd, plural, abbr))
    }

    /// A number that reads as a clock time rather than a day or a year ("15h", "10:30", "9am").
    pub fn time_follows(&self, i: usize) -> bool {
        (self.glued(i) && matches!(self.w(i), "h" | ":" | "am" | "pm"))
            || matches!(self.w(i), "heures" | "heure" | "am" | "pm" | "h")
            || (self.is(i, "a") && self.is(i + 1, ".") && self.is(i + 2, "m"))
            || (self.is(i, "p") && self.is(i + 1, ".") && self.is(i + 2, "m"))
    }
}
