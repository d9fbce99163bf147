//! TIMEX3 time expressions in French and English news: detection and normalization.
//!
//! ```
//! use veille_core::{Date, Lang};
//! use veille_time::{find_times, TimexType};
//!
//! let text = "Le ministre a quitté Dakar mardi pour une tournée de trois jours.";
//! let anchor: Date = "2023-03-17".parse().unwrap(); // a Friday
//! let times = find_times(text, Lang::Fr, Some(anchor));
//! assert_eq!(times[0].span.text(text), "mardi");
//! assert_eq!(times[0].value, "2023-03-14"); // past tense: the last Tuesday
//! assert_eq!(times[1].kind, TimexType::Duration);
//! assert_eq!(times[1].value, "P3D");
//! ```
//!
//! # Contents
//! - [`find_times`]: every time expression of a text, as [`Timex`] spans with a TIMEX3 type
//!   (DATE, TIME, DURATION, SET) and value, resolved against an anchor (the article date) when
//!   one is given.
//! - [`infer_article_date`]: an article date read from the text when the metadata has none,
//!   with the span that supports it. Never today's date.
//! - [`eval_specs`]: scores against Microsoft Recognizers-Text's DateTime test specifications
//!   (see `README.md` for which files count and how their values map to ours).
//!
//! # How it works
//! The text is scanned into words, digit runs and punctuation with byte offsets (no dependency on
//! the tokenizer of `veille-nlp`). A hand-written grammar tries its rules at each token and
//! keeps the longest match, so matches never overlap. A match is an expression with unresolved
//! parts (a day without a year, a bare weekday, "hier"); resolution fills them from the anchor
//! and from the tense of the sentence ("a terminé vendredi" is the last Friday, "doit reprendre
//! vendredi" the coming one). Without an anchor, unresolved parts stay as TIMEX3 X digits.
//!
//! # Values
//! TIMEX3 values: `2020-10-02`, `2020-10`, `2020`, `2020-W40`, `2020-W40-WE`, `2020-Q3`,
//! `2020-H1`, `2020-SU`, `197` (the 1970s), `19` (the 20th century), `P3D`, `PT1.5H`, `P1Y`,
//! `XXXX-WXX-5`, `T15:30`, `2020-10-02TMO`. Date ranges, which TIMEX3 splits into two dates and
//! a duration, are written as one value the way Recognizers-Text does:
//! `(2020-10-04,2020-10-22,P18D)`.

mod cal;
pub mod eval;
mod expr;
mod grammar;
mod lex;
mod resolve;
mod scan;
mod tense;

use veille_core::{Date, Lang, Span};
/// The types live in `veille-core` because `Doc` carries them; re-exported for callers of
/// this crate alone.
pub use veille_core::{Timex, TimexMod, TimexType};

pub use eval::{EvalError, EvalOptions, EvalReport, FileReport, eval_specs, eval_specs_with};

/// Finds the time expressions of `text`, sorted and non-overlapping, resolved against
/// `anchor` (the article date) when given.
pub fn find_times(text: &str, lang: Lang, anchor: Option<Date>) -> Vec<Timex> {
    let s = scan::Scan::new(text);
    let found = grammar::find_all(&s, lang);
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let (start, end) = trim(&s, lang, f.s, f.e, f.rule);
        if start >= end {
            continue;
        }
        let tense = tense::tense_around(&s, lang, f.s, f.e);
        let r = resolve::render(&f.expr, &resolve::Ctx { anchor, tense });
        let (Some(a), Some(b)) = (s.toks.get(start), s.toks.get(end - 1)) else {
            continue;
        };
        out.push(Timex {
            span: Span::new(a.start as usize, b.end as usize),
            kind: r.kind,
            value: r.value,
            anchored: r.anchored,
            modifier: r.modifier,
            rule: f.rule,
        });
    }
    out
}

/// Leading prepositions and articles are not part of the expression ("le 2 octobre" → "2
/// octobre", "on Friday" → "Friday"), as in TimeML; "dans", "il y a", "du … au" and English
/// "the" are kept because they carry meaning.
fn trim(s: &scan::Scan, lang: Lang, mut a: usize, b: usize, rule: &str) -> (usize, usize) {
    while a + 1 < b {
        let w = s.norm(a);
        let drop = match lang {
            Lang::Fr => {
                matches!(
                    w,
                    "le" | "la" | "les" | "l" | "'" | "en" | "au" | "aux" | "pour" | "sur" | "vers"
                ) || (w == "du" && rule != "range")
                    || (w == "a" && s.raw(a) != "a" && s.raw(a) != "A")
            }
            Lang::En => {
                matches!(
                    w,
                    "on" | "at" | "for" | "during" | "around" | "by" | "until"
                ) || (w == "in" && rule != "date.offset")
            }
        };
        // Keep "la veille", "le lendemain"-style words whole when only one token would remain.
        if !drop {
            break;
        }
        a += 1;
    }
    (a, b)
}

/// An article date read from the text, with the span that supports it, when the text makes
/// it unambiguous:
/// 1. a full date (day, month, year) right after a publication cue ("publié le", "mis à jour
///    le", "published", "updated") or on the first line (a dateline);
/// 2. otherwise the only full date the text mentions (all mentions agree);
/// 3. otherwise a weekday written with a day and month ("jeudi 16 mars") when exactly one year
///    among those the text mentions makes them agree; the latest such day is taken (an event
///    reported in the article happened on or before its publication).
///
/// Returns `None` otherwise: callers must then treat the article as undated, never as dated
/// today.
pub fn infer_article_date(text: &str, lang: Lang) -> Option<(Date, Span)> {
    let times = find_times(text, lang, None);
    let full: Vec<(Date, Span)> = times
        .iter()
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time) && !t.anchored)
        .filter_map(|t| t.value.get(..10)?.parse::<Date>().ok().map(|d| (d, t.span)))
        .collect();
    let first_line_end = text.find('\n').unwrap_or(text.len());
    for (d, sp) in &full {
        let before_start = floor_boundary(text, (sp.start as usize).saturating_sub(40));
        let before = text
            .get(before_start..sp.start as usize)
            .unwrap_or("")
            .to_lowercase();
        let cue = [
            "publié",
            "publie",
            "mis à jour",
            "mise à jour",
            "published",
            "updated",
            "posted",
        ]
        .iter()
        .any(|c| before.contains(c));
        if cue || (sp.end as usize) <= first_line_end && first_line_end < 120 {
            return Some((*d, *sp));
        }
    }
    if let Some((d0, sp0)) = full.first()
        && full.iter().all(|(d, _)| d == d0)
    {
        return Some((*d0, *sp0));
    }
    if !full.is_empty() {
        return None;
    }
    // Weekday + day + month, checked against the years the text mentions.
    let s = scan::Scan::new(text);
    let found = grammar::find_all(&s, lang);
    let mut years: Vec<i32> = Vec::new();
    let mut mentions: Vec<(u32, u32, u32, Span)> = Vec::new();
    for f in &found {
        use expr::{Day, Expr, Month, Per, Year};
        match &f.expr {
            Expr::Date(Per::Year(Year::Abs(y)), _) | Expr::Date(Per::Month(Year::Abs(y), _), _) => {
                years.push(*y)
            }
            Expr::Date(
                Per::Day(Day::Cal {
                    y: Year::Unknown,
                    m: Month::Abs(m),
                    d,
                    wd: Some(wd),
                }),
                _,
            )
            | Expr::DateTime(
                Day::Cal {
                    y: Year::Unknown,
                    m: Month::Abs(m),
                    d,
                    wd: Some(wd),
                },
                _,
            ) => {
                let (a, b) = trim(&s, lang, f.s, f.e, f.rule);
                if let (Some(x), Some(z)) = (s.toks.get(a), s.toks.get(b.saturating_sub(1))) {
                    mentions.push((*m, *d, *wd, Span::new(x.start as usize, z.end as usize)));
                }
            }
            _ => {}
        }
    }
    years.sort_unstable();
    years.dedup();
    let candidates: Vec<i32> = years
        .iter()
        .copied()
        .filter(|&y| {
            !mentions.is_empty()
                && mentions
                    .iter()
                    .all(|&(m, d, wd, _)| cal::ymd(y, m, d).is_some_and(|x| x.weekday() == wd))
        })
        .collect();
    if let [y] = candidates[..] {
        return mentions
            .iter()
            .filter_map(|&(m, d, _, sp)| cal::ymd(y, m, d).map(|x| (x, sp)))
            .max_by_key(|(x, _)| *x);
    }
    None
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests;
