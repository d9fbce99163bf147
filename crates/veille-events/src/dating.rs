//! When an event happened: the time expression of the text that dates its trigger, else the
//! article date, said explicitly (`from: "text" | "article" | "none"`).
//!
//! Most event datasets stamp every record with the publication day. Here a record takes the
//! date its own clause gives ("a signé mercredi", "last week"), found among the time
//! expressions the time stage wrote into `doc.times`:
//!
//! - With a dependency parse: a calendar date, time or recurring set that belongs to the same
//!   clause as the trigger (climbing heads from each to the nearest verb gives the same word),
//!   the nearest one. "Rebels attacked the town last week, the army said": "last week" dates
//!   the attack, not the statement.
//! - Without a parse: one in the trigger's own segment of the sentence (between two
//!   punctuation marks), the nearest; otherwise one elsewhere in the sentence.
//! - Either way, never one in a segment that compares with another occasion ("comme à Tunis
//!   mardi, …", "as in March, …", "contrairement à …"): that date is the other occasion's.
//! - Otherwise the article date.
//!
//! Durations ("trois jours") never date an event, and neither do values the anchor could not
//! resolve (`XXXX-10-02` when the article date is unknown).

use veille_core::{Doc, EventDate, Span, Timex, TimexType, Upos};

/// Characters that close a segment of a sentence.
fn is_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '«' | '»' | '"' | '“' | '”' | '—' | '–'
    )
}

/// Words that open a segment about another occasion than the clause's own.
const COMPARISON: &[&str] = &[
    "comme",
    "à l'instar",
    "à l’instar",
    "contrairement",
    "tout comme",
    "like",
    "unlike",
    "as in",
    "as on",
    "as it did",
    "just as",
];

/// The segment of `sentence` holding byte `at`: from after the previous break to the next.
pub(crate) fn segment(text: &str, sentence: Span, at: usize) -> Span {
    let Some(s) = text.get(sentence.range()) else {
        return sentence;
    };
    let base = sentence.start as usize;
    let rel = at.saturating_sub(base).min(s.len());
    let start = s[..rel]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = s[rel..]
        .char_indices()
        .find(|&(_, c)| is_break(c))
        .map_or(s.len(), |(i, _)| rel + i);
    Span::new(base + start, base + end)
}

/// Whether the segment opens with a comparison marker.
pub(crate) fn compares(text: &str, seg: Span) -> bool {
    let s = text
        .get(seg.range())
        .unwrap_or("")
        .trim_start()
        .to_lowercase();
    COMPARISON.iter().any(|m| {
        s.starts_with(m)
            && s[m.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A time expression that can date an event: a resolved calendar value or a set.
fn datable(t: &Timex) -> bool {
    match t.kind {
        TimexType::Duration => false,
        TimexType::Set => true,
        TimexType::Date | TimexType::Time => {
            let v = t.value.trim_start_matches('(');
            v.len() >= 4 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        }
    }
}

/// The precision of a TIMEX3 value, as `EventDate::precision` names it.
pub fn precision(t: &Timex) -> &'static str {
    if t.kind == TimexType::Set {
        return "set";
    }
    let v = t.value.as_str();
    if v.starts_with('(') {
        return "range";
    }
    let b = v.as_bytes();
    match b.len() {
        0..=3 => "century",
        4 => "year",
        _ if b.len() >= 10 && b[7] == b'-' => "day",
        _ if b.get(5) == Some(&b'W') => "week",
        _ if b.len() == 7 && b[5].is_ascii_digit() => "month",
        _ if matches!(b.get(5), Some(b'Q' | b'H')) => "quarter",
        _ => "season",
    }
}

/// The article date as an event date, or an explicit "none".
pub fn article_date(doc: &Doc) -> EventDate {
    match doc.date {
        Some(d) => EventDate {
            value: Some(d.to_string()),
            precision: "day".to_string(),
            from: "article".to_string(),
        },
        None => EventDate {
            value: None,
            precision: "none".to_string(),
            from: "none".to_string(),
        },
    }
}

/// The word starting at or covering byte `at`.
fn word_at(doc: &Doc, at: usize) -> Option<usize> {
    let i = doc.words.partition_point(|w| (w.span.end as usize) <= at);
    (i < doc.words.len() && (doc.words[i].span.start as usize) <= at).then_some(i)
}

/// The verb whose clause holds word `w`: `w` itself if it is one, else the nearest verb up the
/// heads; the sentence root when no verb is above it. `None` without a parse.
fn clause_of(doc: &Doc, mut w: usize) -> Option<usize> {
    for _ in 0..64 {
        let a = doc.analyses.get(w)?;
        if matches!(a.upos, Upos::Verb) {
            return Some(w);
        }
        match a.head {
            Some(h) if (h as usize) < doc.words.len() => w = h as usize,
            _ => return Some(w),
        }
    }
    None
}

/// Whether the word at byte `at` is a noun (a nominal trigger: "dialogue", "talks").
pub(crate) fn noun_at(doc: &Doc, at: usize) -> bool {
    word_at(doc, at)
        .and_then(|w| doc.analyses.get(w))
        .is_some_and(|a| matches!(a.upos, Upos::Noun | Upos::Propn))
}

/// Whether `doc` carries a dependency parse.
fn parsed(doc: &Doc) -> bool {
    doc.analyses.len() == doc.words.len() && doc.analyses.iter().any(|a| !a.deprel.is_empty())
}

/// The clause of the word at byte `at`, `None` without a parse.
pub(crate) fn clause_at(doc: &Doc, at: usize) -> Option<usize> {
    if !parsed(doc) {
        return None;
    }
    word_at(doc, at).and_then(|w| clause_of(doc, w))
}

/// The clause a phrase (a time expression, a place) modifies: that of the head of its first
/// word whose head lies outside the phrase.
pub(crate) fn clause_of_span(doc: &Doc, span: Span) -> Option<usize> {
    let first = word_at(doc, span.start as usize)?;
    let mut w = first;
    while w < doc.words.len() && doc.words[w].span.start < span.end {
        let a = doc.analyses.get(w)?;
        match a.head {
            Some(h) if !span.contains(doc.words.get(h as usize)?.span) => {
                return clause_of(doc, h as usize);
            }
            None => return Some(w),
            _ => {}
        }
        w += 1;
    }
    None
}

/// The date of an event whose trigger starts at byte `trigger` of `sentence`, with the span of
/// the time expression that gave it (`None` when it is the article's).
pub fn event_date(doc: &Doc, sentence: Span, trigger: usize) -> (EventDate, Option<Span>) {
    let text = doc.text.as_str();
    let trigger_clause = clause_at(doc, trigger);
    let own = segment(text, sentence, trigger);
    let distance = |t: &Timex| {
        let (a, b) = (t.span.start as usize, t.span.end as usize);
        if a >= trigger {
            a - trigger
        } else {
            trigger.saturating_sub(b)
        }
    };
    let mut best: Option<(bool, usize, &Timex)> = None;
    for strict in [true, false] {
        // The second pass, without the clause test, is for nominal triggers only ("le
        // dialogue doit reprendre vendredi"): the parser attaches a noun to the wrong clause
        // more often than a verb, and the noun's event is dated by the verb governing it.
        if !strict && (trigger_clause.is_none() || !noun_at(doc, trigger)) {
            break;
        }
        for t in doc
            .times
            .iter()
            .filter(|t| sentence.contains(t.span) && datable(t))
        {
            let same = own.overlaps(t.span);
            if !same && compares(text, segment(text, sentence, t.span.start as usize)) {
                continue;
            }
            if strict
                && let Some(tc) = trigger_clause
                && clause_of_span(doc, t.span) != Some(tc)
            {
                continue;
            }
            // Same segment first, then the nearest.
            let key = (!same, distance(t));
            if best.is_none_or(|(bs, bd, _)| key < (bs, bd)) {
                best = Some((key.0, key.1, t));
            }
        }
        if best.is_some() {
            break;
        }
    }
    match best {
        Some((_, _, t)) => (
            EventDate {
                value: Some(t.value.clone()),
                precision: precision(t).to_string(),
                from: "text".to_string(),
            },
            Some(t.span),
        ),
        None => (article_date(doc), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timex(text: &str, needle: &str, kind: TimexType, value: &str) -> Timex {
        let start = text.find(needle).expect("needle");
        Timex {
            span: Span::new(start, start + needle.len()),
            kind,
            value: value.to_string(),
            anchored: true,
            modifier: None,
            rule: "test",
        }
    }

    fn doc(text: &str, times: Vec<Timex>) -> Doc {
        let mut d = Doc::new(text.to_string(), None, "2024-05-10".parse().ok());
        d.times = times;
        d
    }

    fn date_at(d: &Doc, trigger: &str) -> (Option<String>, String) {
        let s = Span::new(0, d.text.len());
        let (e, _) = event_date(d, s, d.text.find(trigger).expect("trigger"));
        (e.value, e.from)
    }

    #[test]
    fn own_clause_date_wins() {
        let t = "Le ministre a rencontré mardi son homologue, qui était arrivé la veille.";
        let d = doc(
            t,
            vec![
                timex(t, "mardi", TimexType::Date, "2024-05-07"),
                timex(t, "la veille", TimexType::Date, "2024-05-06"),
            ],
        );
        assert_eq!(date_at(&d, "rencontré").0.as_deref(), Some("2024-05-07"));
        assert_eq!(date_at(&d, "arrivé").0.as_deref(), Some("2024-05-06"));
    }

    #[test]
    fn comparison_segment_dates_the_other_occasion_only() {
        let t = "Comme à Dakar lundi 6 mai, la ministre a signé à Bamako un accord.";
        let d = doc(
            t,
            vec![timex(t, "lundi 6 mai", TimexType::Date, "2024-05-06")],
        );
        assert_eq!(
            date_at(&d, "signé"),
            (Some("2024-05-10".into()), "article".into())
        );
        let t = "Le 6 mai, la ministre a signé à Bamako un accord.";
        let d = doc(t, vec![timex(t, "6 mai", TimexType::Date, "2024-05-06")]);
        assert_eq!(
            date_at(&d, "signé"),
            (Some("2024-05-06".into()), "text".into())
        );
    }

    #[test]
    fn durations_and_unresolved_values_do_not_date() {
        let t = "The talks, which lasted three days, ended on Friday 10 May.";
        let d = doc(
            t,
            vec![
                timex(t, "three days", TimexType::Duration, "P3D"),
                timex(t, "Friday 10 May", TimexType::Date, "XXXX-05-10"),
            ],
        );
        assert_eq!(date_at(&d, "ended").1, "article");
    }

    #[test]
    fn with_a_parse_the_date_must_modify_the_triggers_clause() {
        let text = "Rebels attacked a village in the north last week, the army said on Friday.";
        let mut d = Doc::new(
            text.to_string(),
            Some(veille_core::Lang::En),
            "2024-05-10".parse().ok(),
        );
        veille_nlp::analyze(&mut d);
        d.times = veille_time::find_times(text, veille_core::Lang::En, d.date);
        let s = d.sentences[0].span;
        let at = |w: &str| text.find(w).expect("trigger");
        let (attack, span) = event_date(&d, s, at("attacked"));
        assert_eq!(attack.value.as_deref(), Some("2024-W18"));
        assert_eq!(span.map(|x| &text[x.range()]), Some("last week"));
        let (said, _) = event_date(&d, s, at("said"));
        assert_eq!(said.value.as_deref(), Some("2024-05-10"));
        assert_eq!(said.from, "text", "{said:?}");
    }

    #[test]
    fn precisions() {
        let p = |v: &str, k| precision(&timex(v, v, k, v));
        assert_eq!(p("2020-10-02", TimexType::Date), "day");
        assert_eq!(p("2020-10-02T15:00", TimexType::Time), "day");
        assert_eq!(p("2020-W40", TimexType::Date), "week");
        assert_eq!(p("2020-10", TimexType::Date), "month");
        assert_eq!(p("2020", TimexType::Date), "year");
        assert_eq!(p("2020-Q3", TimexType::Date), "quarter");
        assert_eq!(p("P1Y", TimexType::Set), "set");
    }
}
