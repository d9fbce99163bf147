//! Coding over veille's dependency parse with PETRARCH-format dictionaries: the parse-based
//! coder of English articles (the shipped petrarch2 dictionaries, see `petrarch::english`).
//!
//! Each sentence's words and their parse become [`petrarch::Tok`]s; every coding of
//! [`petrarch::code_sentence`] becomes an [`EventMention`] with the same dating, placing and
//! evidence rules as the pattern coder: the source and target phrases, the verb, and the time
//! expression and place that dated and placed it. The rule names the dictionary line that fired.

use crate::cameo::CameoTable;
use crate::petrarch::{self, Coding, Discard, Discards, PetrarchDicts, Tok};
use veille_core::{Actor, Doc, EventMention, Sentence, Span};

/// The words of one sentence as coder tokens, with the index in `doc.words` of each.
pub fn sentence_toks(doc: &Doc, sent: &Sentence) -> (Vec<Tok>, Vec<usize>) {
    let toks = sent.tokens();
    // Words are in token order: the sentence's words are one contiguous run.
    let first = doc
        .words
        .partition_point(|w| (w.token as usize) < toks.start);
    let end = doc.words.partition_point(|w| (w.token as usize) < toks.end);
    let idx: Vec<usize> = (first..end).collect();
    let out = idx
        .iter()
        .map(|&w| {
            let a = doc.analyses.get(w);
            Tok {
                form: doc.words[w].form(&doc.text).to_string(),
                lemma: a.map_or_else(String::new, |a| a.lemma.clone()),
                upos: a.map_or_else(String::new, |a| a.upos.as_str().to_string()),
                // A head outside the sentence (a malformed parse) is treated as the root.
                head: a
                    .and_then(|a| a.head)
                    .map(|h| h as usize)
                    .filter(|h| (first..end).contains(h))
                    .map(|h| h - first),
                deprel: a.map_or_else(String::new, |a| a.deprel.clone()),
            }
        })
        .collect();
    (out, idx)
}

/// The article date as `YYYYMMDD`, for date-restricted actor codes.
fn yyyymmdd(doc: &Doc) -> Option<u32> {
    let d = doc.date?;
    u32::try_from(d.year() * 10000 + d.month() as i32 * 100 + d.day() as i32).ok()
}

/// Splits a PETRARCH actor code into country and roles: `USAGOV` → (`USA`, [`GOV`]) when the
/// first three letters are a country `is_country` knows; otherwise no country and no roles
/// (`IGOUNO`, `NGO`), the code is kept whole.
fn split_code(code: &str, is_country: &dyn Fn(&str) -> bool) -> (Option<String>, Vec<String>) {
    if code.len() < 3 || !code.is_ascii() {
        return (None, Vec::new());
    }
    let (c, rest) = code.split_at(3);
    if !is_country(c) {
        // A bare agent code ("COP" for "selon la police") is a role without a country.
        let role = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        return (
            None,
            if role {
                vec![code.to_string()]
            } else {
                Vec::new()
            },
        );
    }
    let roles = rest
        .as_bytes()
        .chunks(3)
        .filter_map(|r| std::str::from_utf8(r).ok())
        .map(str::to_string)
        .collect();
    (Some(c.to_string()), roles)
}

fn words_span(doc: &Doc, idx: &[usize], r: &std::ops::Range<usize>) -> Option<Span> {
    let a = doc.words.get(*idx.get(r.start)?)?.span;
    let b = doc.words.get(*idx.get(r.end.checked_sub(1)?)?)?.span;
    Some(Span::new(a.start as usize, b.end.max(a.start) as usize))
}

/// Codes `doc` (segmented, tagged and parsed) with `dicts`; `name` names the dictionary set in
/// each record's rule. Codes the CAMEO table does not know are skipped, as are records with a
/// journalist on either side (the reporter is a source of the story, never an actor). A
/// sentence the discard list names (sports, chronologies) is not coded, nor is any sentence
/// of a story it names with `+`. Each record comes with the span of its verb.
pub fn code_parsed(
    doc: &Doc,
    dicts: &PetrarchDicts,
    discards: &Discards,
    cameo: &CameoTable,
    name: &str,
    is_country: &dyn Fn(&str) -> bool,
) -> Vec<(Span, EventMention)> {
    let date = yyyymmdd(doc);
    let mut out = Vec::new();
    if doc.analyses.len() != doc.words.len() || discards.check(&doc.text) == Some(Discard::Story) {
        return out;
    }
    for sent in &doc.sentences {
        let (toks, idx) = sentence_toks(doc, sent);
        if toks.is_empty()
            || doc
                .text
                .get(sent.span.range())
                .is_some_and(|t| discards.check(t).is_some())
        {
            continue;
        }
        for c in petrarch::code_sentence_with(dicts, &toks, date, true) {
            if let Some(e) = mention(doc, sent, &toks, &idx, &c, cameo, name, is_country) {
                out.push(e);
            }
        }
    }
    out
}

/// Words that make the verb they govern (`xcomp`) an intention, not a deed: "is ready to
/// send", "promised to continue", "threatened to strike".
const INTENT_HEADS: &[&str] = &[
    "willing",
    "ready",
    "prepared",
    "plan",
    "intend",
    "promise",
    "pledge",
    "vow",
    "offer",
    "expect",
    "hope",
    "want",
    "aim",
    "seek",
    "threaten",
    "propose",
    "decide",
    "commit",
    "committed",
    "set",
    "poised",
    // French: "prêt à signer", "a promis de livrer", "s'est engagé à", "veut rencontrer",
    // "pourrait frapper", "doit se rendre", "va signer".
    "prêt",
    "promettre",
    "engager",
    "vouloir",
    "envisager",
    "prévoir",
    "compter",
    "entendre",
    "menacer",
    "proposer",
    "décider",
    "souhaiter",
    "espérer",
    "chercher",
    "viser",
    "pouvoir",
    "devoir",
    "aller",
];
/// Auxiliaries of the future and of possibility.
const INTENT_AUX: &[&str] = &[
    "will", "would", "shall", "'ll", "may", "might", "could", "aller", "pouvoir", "devoir",
];

/// Whether the verb at `v` is only intended, promised, possible or future.
fn intended(toks: &[Tok], v: usize) -> bool {
    let lower = |t: &Tok| t.lemma.to_lowercase();
    let aux = toks.iter().any(|t| {
        t.head == Some(v)
            && t.deprel.starts_with("aux")
            && (INTENT_AUX.contains(&lower(t).as_str())
                || INTENT_AUX.contains(&t.form.to_lowercase().as_str()))
    });
    let governed = toks[v].deprel.starts_with("xcomp")
        && toks[v]
            .head
            .and_then(|h| toks.get(h))
            .is_some_and(|h| INTENT_HEADS.contains(&lower(h).as_str()));
    aux || governed
}

/// Whether the verb at `v`, or an auxiliary of it, is in the future or the conditional
/// ("signera", "aurait frappé", "will sign" has its own auxiliary): an act announced or
/// supposed, not done. Only the tagger's morphology says so in French.
fn future_or_conditional(doc: &Doc, toks: &[Tok], idx: &[usize], v: usize) -> bool {
    let modal = |k: usize| {
        idx.get(k)
            .and_then(|&w| doc.analyses.get(w))
            .is_some_and(|a| {
                a.feats.get("Tense") == Some("Fut") || a.feats.get("Mood") == Some("Cnd")
            })
    };
    modal(v)
        || toks
            .iter()
            .enumerate()
            .any(|(k, t)| t.head == Some(v) && t.deprel.starts_with("aux") && modal(k))
}

/// The CAMEO code of an intended act (CAMEO manual: intentions are coded as 03 "express
/// intent to …" for cooperation, 13 "threaten" for force): 04 → 036, 05 → 032, 06 → 031,
/// 07 → 033, 08 → 035, 17 → 137, 18–20 → 138. Other roots keep their code.
fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        "17" => "137",
        "18" | "19" | "20" => "138",
        _ => return None,
    })
}

#[allow(clippy::too_many_arguments)]
fn mention(
    doc: &Doc,
    sent: &Sentence,
    toks: &[Tok],
    idx: &[usize],
    c: &Coding,
    cameo: &CameoTable,
    name: &str,
    is_country: &dyn Fn(&str) -> bool,
) -> Option<(Span, EventMention)> {
    let intent = (intended(toks, c.verb) || future_or_conditional(doc, toks, idx, c.verb))
        .then(|| intent_code(&c.code))
        .flatten();
    let code = cameo.get(intent.unwrap_or(&c.code))?;
    let actor = |code: &str, r: &std::ops::Range<usize>| -> Option<Actor> {
        let span = words_span(doc, idx, r)?;
        let (country, roles) = split_code(code, is_country);
        Some(Actor {
            text: doc.text.get(span.range())?.to_string(),
            span,
            code: code.to_string(),
            country,
            roles,
        })
    };
    let source = actor(&c.source, &c.source_words)?;
    let target = if c.target.is_empty() {
        None
    } else {
        Some(actor(&c.target, &c.target_words)?)
    };
    // An event without a target says little unless its source is a country's actor or an
    // international one (the UN, an NGO, an armed group: `IGO…`, `NGO…`, `IMG…`), or it is a
    // statement by a role ("selon la police"), as the pattern coder keeps "police said".
    let role_statement = code.root() == "01" && !source.roles.is_empty();
    let international = ["IGO", "NGO", "IMG"]
        .iter()
        .any(|p| source.code.starts_with(p));
    if target.is_none() && source.country.is_none() && !role_statement && !international {
        return None;
    }
    // A dictionary actor inside a longer person name is a first name ("Chad Hammel",
    // "Jordan Peele"), not the country.
    let in_name = |a: &Actor| {
        doc.entities.iter().any(|e| {
            e.label == veille_core::EntityLabel::PER && e.span.contains(a.span) && e.span != a.span
        })
    };
    if std::iter::once(&source).chain(target.as_ref()).any(in_name) {
        return None;
    }
    if std::iter::once(&source)
        .chain(target.as_ref())
        .any(|a| a.roles.iter().any(|r| r == "JRN") || a.code.ends_with("JRN"))
    {
        return None;
    }
    // A visit within one's own country is no visit; a visit needs somewhere to go.
    if matches!(code.code.as_str(), "042" | "043")
        && target
            .as_ref()
            .is_none_or(|t| source.country.is_some() && source.country == t.country)
    {
        return None;
    }
    let verb = doc.words.get(*idx.get(c.verb)?)?.span;
    // An attribution ("selon X, … depuis mars") reports what X says now: the time
    // expressions of the sentence date what X reports, not X's statement.
    let (date, date_span) = if c.rule == "attribution" {
        (crate::dating::article_date(doc), None)
    } else {
        crate::dating::event_date(doc, sent.span, verb.start as usize)
    };
    let place = crate::placing::event_place(doc, sent.span, verb.start as usize);
    let mut evidence = vec![source.span, verb];
    evidence.extend(target.as_ref().map(|t| t.span));
    evidence.extend(date_span);
    evidence.extend(place.as_ref().map(|p| p.span));
    evidence.sort();
    evidence.dedup();
    let verb_text = doc.text.get(verb.range()).unwrap_or("");
    Some((
        verb,
        EventMention {
            cameo: code.code.clone(),
            root: code.root().to_string(),
            quad_class: code.quad_class(),
            goldstein: code.goldstein,
            plover: code.plover(),
            source,
            target,
            date,
            place,
            sentence: sent.span,
            evidence,
            rule: format!(
                "petrarch:{name}:{}:{verb_text}{}",
                c.rule,
                if intent.is_some() { "+intent" } else { "" }
            ),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_into_country_and_roles() {
        let known = |c: &str| matches!(c, "USA" | "FRA");
        assert_eq!(
            split_code("USAGOVMIL", &known),
            (Some("USA".into()), vec!["GOV".into(), "MIL".into()])
        );
        assert_eq!(split_code("FRA", &known), (Some("FRA".into()), vec![]));
        assert_eq!(split_code("IGOUNO", &known), (None, vec![]));
        assert_eq!(split_code("GO", &known), (None, vec![]));
        assert_eq!(split_code("USAé", &known), (None, vec![]));
    }
}
