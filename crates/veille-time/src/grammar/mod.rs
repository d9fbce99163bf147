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
use std::cell::RefCell;
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

const CORE: u8 = 1;
const LEAD: u8 = 2;

pub(crate) struct G<'s, 'a> {
    pub s: &'s Scan<'a>,
    pub lang: Lang,
    /// Memo of `point_per` and `dur_phrase` by token: several rules ask for the same
    /// position (a range's first end, a date with a time, a date alone).
    pub(crate) point_memo: Memo<date::P>,
    pub(crate) dur_memo: Memo<dur::DurHit>,
    int_memo: Memo<Option<(usize, u32)>>,
    /// Lexicon entry of each word token, looked up once.
    ents: Vec<Option<&'static lex::Entry>>,
    /// CORE / LEAD flags per token (see `may_start`).
    core: Vec<u8>,
}

/// A small direct-mapped cache keyed by token index. Rules only look a few dozen tokens
/// around the current one, so 64 slots keep every useful entry without a per-text allocation.
pub(crate) struct Memo<T> {
    slots: RefCell<Vec<Option<(usize, T)>>>,
}

impl<T: Clone> Memo<T> {
    const SIZE: usize = 64;
    fn new() -> Self {
        Memo {
            slots: RefCell::new(vec![None; Self::SIZE]),
        }
    }
    pub(crate) fn get_or(&self, i: usize, f: impl FnOnce() -> T) -> T {
        if let Some(Some((k, v))) = self.slots.borrow().get(i % Self::SIZE)
            && *k == i
        {
            return v.clone();
        }
        let v = f();
        if let Some(slot) = self.slots.borrow_mut().get_mut(i % Self::SIZE) {
            *slot = Some((i, v.clone()));
        }
        v
    }
}

impl<'s, 'a> G<'s, 'a> {
    pub(crate) fn new(s: &'s Scan<'a>, lang: Lang) -> Self {
        let mut g = G {
            s,
            lang,
            point_memo: Memo::new(),
            dur_memo: Memo::new(),
            int_memo: Memo::new(),
            ents: Vec::new(),
            core: Vec::new(),
        };
        g.ents = (0..s.len())
            .map(|i| {
                if s.kind(i) == Some(Kind::Word) {
                    lex::entry(s.norm(i), lang)
                } else {
                    None
                }
            })
            .collect();
        g.core = g.core_flags();
        g
    }
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
    let g = G::new(s, lang);
    let n = s.len();
    let memo: Memo<Option<Found>> = Memo::new();
    let best_at = |i: usize| -> Option<Found> {
        memo.get_or(i, || if g.may_start(i) { g.best_at(i) } else { None })
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !g.may_start(i) {
            i += 1;
            continue;
        }
        let mut best = best_at(i);
        // "en 2016-11", "le 2 octobre": a rule that swallows the lead word may stop earlier
        // than one starting right after it.
        if let Some(j) = g.lead_word(i)
            && let Some(b2) = best_at(j)
            && best.as_ref().is_none_or(|b| b2.e > b.e)
        {
            best = Some(b2);
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
    fn best_at(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        for rule in RULES {
            if let Some((e, expr, name)) = rule(self, i)
                && e > i
                && e <= self.s.len()
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
        best
    }

    /// A preposition or article that rules may include at their start: the index after it.
    fn lead_word(&self, i: usize) -> Option<usize> {
        if self.fr() {
            if let Some(e) = self.elided(i, "l").or_else(|| self.elided(i, "d")) {
                return Some(e);
            }
            self.any(
                i,
                &[
                    "le", "la", "les", "en", "au", "aux", "du", "de", "pour", "sur", "a", "dans",
                    "depuis", "vers",
                ],
            )
        } else {
            self.any(
                i,
                &[
                    "on", "in", "at", "the", "for", "during", "from", "of", "by", "since", "until",
                ],
            )
        }
    }

    /// The lexicon entry of word token `i`.
    #[inline]
    pub fn ent(&self, i: usize) -> Option<&'static lex::Entry> {
        self.ents.get(i).copied().flatten()
    }

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

    /// Cheap filter: can an expression start at token `i`? Every expression holds a "core"
    /// token (digits, a month, a weekday, a unit, a number word, a word like "hier" or
    /// "semaine"); function words such as "le", "dans", "the" or "next" may start one only
    /// when a core token follows within four tokens. Keeps the cost of ordinary prose low.
    pub(crate) fn may_start(&self, i: usize) -> bool {
        let f = |k: usize| self.core.get(k).copied().unwrap_or(0);
        let fi = f(i);
        if fi & CORE != 0 {
            return true;
        }
        if fi & LEAD == 0 {
            return false;
        }
        // Skip a short chain of function words ("à la fin de la", "il y a"): the first other
        // token must be a core one.
        let mut j = i + 1;
        while j < i + 6 && f(j) == LEAD {
            j += 1;
        }
        f(j) & CORE != 0
    }

    /// Per token: CORE if it signals time by itself, LEAD if it is a function word that may open
    /// an expression (see `may_start`).
    pub(crate) fn core_flags(&self) -> Vec<u8> {
        (0..self.s.len())
            .map(|i| match self.s.kind(i) {
                Some(Kind::Num) => CORE,
                Some(Kind::Word) => {
                    let f = self.ent(i).map_or(0, |e| e.flags);
                    if f & lex::flag::CORE != 0
                        || (self.fr()
                            && matches!(
                                self.s.raw(i).as_bytes().first(),
                                Some(b'I' | b'V' | b'X' | b'L' | b'C')
                            )
                            && self.roman_ordinal(i).is_some())
                    {
                        CORE
                    } else if f & lex::flag::LEAD != 0 {
                        LEAD
                    } else {
                        0
                    }
                }
                Some(Kind::Punct) if matches!(self.w(i), "'" | "-") => LEAD,
                _ => 0,
            })
            .collect()
    }

    // ----- numbers -----

    /// A whole number written in words ("vingt-deux", "quatre-vingt-dix", "two thousand and
    /// eighteen"). Stops before a word that would not continue the number.
    pub fn int_words(&self, i: usize) -> Option<(usize, u32)> {
        if !self.word(i) {
            return None;
        }
        self.int_memo.get_or(i, || self.int_words_uncached(i))
    }

    fn int_words_uncached(&self, i: usize) -> Option<(usize, u32)> {
        let fr = self.fr();
        let mut total: u32 = 0;
        let mut cur: u32 = 0;
        let mut j = i;
        let mut any = false;
        while let Some(nw) = self.ent(j).and_then(|e| e.num) {
            if !self.word(j) {
                break;
            }
            let ok = match nw {
                NumWord::Small(v) => {
                    let tens = cur % 100;
                    // What may follow what: hundreds + anything, tens + units ("vingt-deux"),
                    // French 60/80 + 10..19 ("soixante-dix", "quatre-vingt-quinze") and
                    // 10/70/90 + 7..9 ("dix-sept", "soixante-dix-huit").
                    let adds = cur.is_multiple_of(100) && (cur > 0 || total > 0)
                        || tens >= 20 && cur.is_multiple_of(10) && (1..10).contains(&v)
                        || fr && matches!(tens, 60 | 80) && (10..=19).contains(&v)
                        || fr && matches!(tens, 10 | 70 | 90) && (7..=9).contains(&v);
                    if !any {
                        cur = v;
                        true
                    } else if fr && v == 20 && tens == 4 {
                        // "quatre-vingt"
                        cur += 76;
                        true
                    } else if adds {
                        cur += v;
                        true
                    } else {
                        false
                    }
                }
                NumWord::Hundred => {
                    cur < 100 && {
                        cur = cur.max(1) * 100;
                        true
                    }
                }
                NumWord::Thousand => {
                    total == 0 && {
                        total = cur.max(1) * 1000;
                        cur = 0;
                        true
                    }
                }
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
                    matches!(next, "un" | "une" | "onze")
                        && cur.is_multiple_of(10)
                        && cur % 100 >= 20
                } else {
                    (cur.is_multiple_of(100) && (cur > 0 || total > 0))
                        && lex::num_word(next, self.lang).is_some()
                };
                if !allowed {
                    break;
                }
                k = k2;
            }
            if k != j {
                if self.ent(k).and_then(|e| e.num).is_none() {
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
        if let Some(v) = self.ent(i).and_then(|e| e.ordinal) {
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
            if let Some(o) = self.ent(k).and_then(|e| e.ordinal)
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
            if (1000..=2999).contains(&v) {
                return Some((i + 1, v));
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
        let (m, strong) = self.ent(i).and_then(|e| e.month)?;
        let mut j = i + 1;
        if self.is(j, ".") && self.glued(j) && (!strong || self.digits(j + 1)) {
            j += 1;
        }
        Some((j, m, strong))
    }

    /// A weekday name: (end, weekday, plural, abbreviation).
    pub fn weekday_tok(&self, i: usize) -> Option<(usize, u32, bool, bool)> {
        if !self.word(i) {
            return None;
        }
        let (wd, plural, abbr) = self.ent(i).and_then(|e| e.weekday)?;
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
