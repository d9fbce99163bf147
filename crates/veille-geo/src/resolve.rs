//! Toponym resolution: for each toponym span, the place the document means.
//!
//! Each candidate gets a prior, then context bonuses, in three passes (the context of a pass is
//! the best reading of the other toponyms after the previous pass):
//! - prior: feature type (country > region > capital > first-level division > division seat >
//!   other places), log population, and how the name matched (the place's own name beats one of
//!   its alternate names; an exact spelling adds a little);
//! - countries of the document: candidates in a country that the other toponyms point to (a
//!   strong prior, as news stays in a few countries);
//! - divisions: candidates in a first-level division the document mentions, or directly followed
//!   by ", <division or country>" that contains them ("Athens, Ga.");
//! - proximity: candidates near the other places of the document.
//!
//! Toponyms with the same name in one document get the same place (one sense per discourse).
//!
//! Demonyms resolve to their country or region with `demonym: true`. A capital directly followed
//! by a verb, and not preceded by a preposition, is a metonym for its government
//! (`metonym: true`): in French, a following lowercase
//! word that is not a function word ("Washington souhaite", "Moscou a démenti"); in English,
//! where nouns follow place names freely ("Paris attacks"), a word from a list of auxiliaries
//! and reporting/government verbs, or a lowercase past form in "-ed" ("Washington said",
//! "Moscow imposed").

use std::collections::HashMap;

use serde::Serialize;
use veille_core::{Lang, Span};

use crate::gazetteer::{F_ABBR, F_ALT, F_DEMONYM, F_PRIMARY, Gazetteer, Kind, NONE, Record};
use crate::norm::normalize;

/// A resolved toponym.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution {
    pub span: Span,
    /// The toponym as written.
    pub text: String,
    /// GeoNames id; `None` for veille's regions without one.
    pub geonameid: Option<u32>,
    /// The place's name in the gazetteer (GeoNames' name, English for countries).
    pub name: String,
    /// ISO 3166-1 alpha-2; `None` for regions.
    pub country_code: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// GeoNames feature code ("PPLC", "PCLI", "ADM1", "CONT") or "region".
    pub feature: String,
    /// The mention is a demonym or adjective ("marocain", "American"): it names a country's
    /// people, not a place.
    pub demonym: bool,
    /// A capital used for its government ("Washington said"): not a place of events.
    pub metonym: bool,
    /// Share of the winning candidate in the softmax of candidate scores (0–1).
    pub confidence: f32,
}

/// Resolves `toponyms` (byte spans into `text`) with the embedded gazetteer.
pub fn resolve(text: &str, toponyms: &[Span], lang: Option<Lang>) -> Vec<Resolution> {
    Gazetteer::embedded().resolve(text, toponyms, lang)
}

/// At most this many candidates per toponym are scored in context (the best by prior).
const MAX_CANDIDATES: usize = 40;
const PASSES: usize = 3;
const CC_WEIGHT: f32 = 3.5;
const PAIR_BONUS: f32 = 4.0;
const REGION_CONTEXT: f32 = 4.0;
/// Softness of the readings used as context: scores differ by several points.
const CONTEXT_TEMPERATURE: f32 = 1.5;
const COUNTRY_SCORE: f32 = 5.5;

#[derive(Clone, Copy)]
struct Cand {
    rec: u32,
    flags: u8,
    prior: f32,
}

struct Mention {
    span: Span,
    key: String,
    cands: Vec<Cand>,
    /// Index into `cands` of the current best.
    best: usize,
    /// Softmax share of the best.
    conf: f32,
}

/// Weight of a toponym's reading in the document context.
fn context_weight(kind: Kind) -> f32 {
    match kind {
        Kind::Country => 1.0,
        Kind::Region => 0.0,
        _ => 1.0,
    }
}

fn kind_score(g: &Gazetteer, r: &Record) -> f32 {
    match r.kind {
        Kind::Country => COUNTRY_SCORE,
        // Regions come from a curated table and have no population or country to add context.
        Kind::Region => 8.0,
        Kind::Admin1 => 2.5,
        Kind::Admin2 => 1.0,
        Kind::City => match g.feature(r) {
            "PPLC" => 4.5,
            "PPLG" => 3.0,
            "PPLA" => 2.5,
            "PPLA2" => 1.5,
            "PPLX" | "PPLL" => 0.0,
            _ => 1.0,
        },
    }
}

fn prior(g: &Gazetteer, r: &Record, flags: u8, surface: &str) -> f32 {
    let pop = ((r.population as f32) + 1.0).log10();
    // A division's population is the sum of its cities': weigh it less than a city's own.
    let pop_w = match r.kind {
        Kind::City => 0.8,
        Kind::Country => 0.6,
        _ => 0.4,
    };
    let mut s = kind_score(g, r) + pop_w * pop;
    if flags & (F_PRIMARY | F_DEMONYM) != 0 {
        s += 2.5;
    } else if flags & F_ABBR != 0 {
        s += 1.5;
    } else if normalize(g.name(r)).starts_with(&format!("{} ", normalize(surface))) {
        // The alternate name is the start of the name ("New York" for "New York City").
        s += 2.0;
    }
    if g.name(r) == surface {
        s += 0.5;
    }
    s
}

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// French elisions and English articles that a span may start with.
fn strip_leading(surface: &str) -> &str {
    for p in [
        "l'", "l’", "L'", "L’", "d'", "d’", "D'", "D’", "the ", "The ",
    ] {
        if let Some(rest) = surface.strip_prefix(p)
            && !rest.is_empty()
        {
            return rest;
        }
    }
    surface
}

/// Whether an abbreviation key may be read from this surface: written with a capital.
fn abbr_ok(surface: &str) -> bool {
    surface.chars().next().is_some_and(char::is_uppercase)
}

impl Gazetteer {
    fn candidates(&self, surface: &str) -> (String, Vec<Cand>) {
        let mut tries = vec![surface.to_string()];
        let stripped = strip_leading(surface);
        if stripped != surface {
            tries.push(stripped.to_string());
        }
        for t in [surface, stripped] {
            for s in ["'s", "’s", "'", "’"] {
                if let Some(x) = t.strip_suffix(s) {
                    tries.push(x.to_string());
                }
            }
        }
        for t in tries {
            let key = normalize(&t);
            if key.is_empty() {
                continue;
            }
            let mut cands: Vec<Cand> = self
                .lookup_key(&key)
                .into_iter()
                .filter(|c| c.flags != F_ABBR || abbr_ok(&t))
                .filter_map(|c| {
                    let r = self.record(c.record)?;
                    Some(Cand {
                        rec: c.record,
                        flags: c.flags,
                        prior: prior(self, r, c.flags, &t),
                    })
                })
                .collect();
            if !cands.is_empty() {
                cands.sort_by(|a, b| b.prior.total_cmp(&a.prior).then(a.rec.cmp(&b.rec)));
                cands.truncate(MAX_CANDIDATES);
                return (key, cands);
            }
        }
        (String::new(), Vec::new())
    }

    /// Resolves `toponyms` (byte spans into `text`); spans with no candidate, or not on
    /// character boundaries, are left out of the result, which is in span order.
    pub fn resolve(&self, text: &str, toponyms: &[Span], lang: Option<Lang>) -> Vec<Resolution> {
        let mut mentions: Vec<Mention> = Vec::with_capacity(toponyms.len());
        let mut spans: Vec<Span> = toponyms.to_vec();
        spans.sort();
        spans.dedup();
        for &span in &spans {
            let Some(surface) = text.get(span.range()) else {
                continue;
            };
            let (key, cands) = self.candidates(surface.trim());
            if cands.is_empty() {
                continue;
            }
            mentions.push(Mention {
                span,
                key,
                cands,
                best: 0,
                conf: 0.0,
            });
        }
        self.rank(text, &mut mentions);
        mentions
            .iter()
            .filter_map(|m| self.output(text, m, lang))
            .collect()
    }

    fn rank(&self, text: &str, mentions: &mut [Mention]) {
        // Same-name groups, for one sense per discourse.
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            groups.entry(m.key.as_str()).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
        groups.sort();

        // "X, Y" where a reading of Y contains a reading of X ("Paris, Texas", "Thiès,
        // Sénégal"): a strong joint bonus for both readings, whatever the priors say.
        let mut pair_bonus: Vec<Vec<f32>> =
            mentions.iter().map(|m| vec![0.0; m.cands.len()]).collect();
        for i in 0..mentions.len().saturating_sub(1) {
            let (x, y) = (&mentions[i], &mentions[i + 1]);
            let Some(between) = text.get(x.span.end as usize..y.span.start as usize) else {
                continue;
            };
            if between.trim() != "," {
                continue;
            }
            for (a, ca) in x.cands.iter().enumerate() {
                let Some(ra) = self.record(ca.rec) else {
                    continue;
                };
                for (b, cb) in y.cands.iter().enumerate() {
                    let Some(rb) = self.record(cb.rec) else {
                        continue;
                    };
                    let inside = match rb.kind {
                        Kind::Admin1 => ra.kind != Kind::Admin1 && ra.admin1 == cb.rec,
                        Kind::Country => ra.kind != Kind::Country && ra.cc == rb.cc,
                        _ => false,
                    };
                    if inside {
                        pair_bonus[i][a] = PAIR_BONUS;
                        pair_bonus[i + 1][b] = PAIR_BONUS;
                    }
                }
            }
        }

        let mut scores: Vec<Vec<f32>> = mentions
            .iter()
            .zip(&pair_bonus)
            .map(|(m, p)| m.cands.iter().zip(p).map(|(c, b)| c.prior + b).collect())
            .collect();
        let mut probs: Vec<Vec<f32>> = scores.clone();
        for pass in 0..PASSES {
            if pass > 0 {
                self.context_scores(mentions, &probs, &mut scores);
                for (s, p) in scores.iter_mut().zip(&pair_bonus) {
                    for (x, b) in s.iter_mut().zip(p) {
                        *x += b;
                    }
                }
            }
            for g in &groups {
                let Some(&first) = g.first() else { continue };
                let n = mentions[first].cands.len();
                let mut total = vec![0f32; n];
                for &i in g {
                    for (t, s) in total.iter_mut().zip(&scores[i]) {
                        *t += s;
                    }
                }
                let k = g.len() as f32;
                for t in total.iter_mut() {
                    *t /= k;
                }
                let p = softmax(&total, CONTEXT_TEMPERATURE);
                let (best, conf) = argmax_softmax(&total, 1.0);
                for &i in g {
                    mentions[i].best = best;
                    mentions[i].conf = conf;
                    probs[i].clone_from(&p);
                }
            }
        }
    }

    /// Context bonuses from the other toponyms' readings, each weighted by its probability.
    fn context_scores(&self, mentions: &[Mention], probs: &[Vec<f32>], scores: &mut [Vec<f32>]) {
        let mut cc_w: HashMap<[u8; 2], f32> = HashMap::new();
        let mut a1_w: HashMap<u32, f32> = HashMap::new();
        let mut points: Vec<(usize, f64, f64, f32)> = Vec::new();
        // Per mention: its own contributions, to take out when scoring it.
        let mut own_cc: Vec<HashMap<[u8; 2], f32>> = vec![HashMap::new(); mentions.len()];
        let mut own_a1: Vec<HashMap<u32, f32>> = vec![HashMap::new(); mentions.len()];
        for (i, m) in mentions.iter().enumerate() {
            for (c, &p) in m.cands.iter().zip(&probs[i]) {
                if p < 0.02 {
                    continue;
                }
                let Some(r) = self.record(c.rec) else {
                    continue;
                };
                let w = context_weight(r.kind) * p;
                if r.kind != Kind::Region {
                    *cc_w.entry(r.cc).or_default() += w;
                    *own_cc[i].entry(r.cc).or_default() += w;
                }
                if r.admin1 != NONE {
                    *a1_w.entry(r.admin1).or_default() += w;
                    *own_a1[i].entry(r.admin1).or_default() += w;
                }
                if matches!(r.kind, Kind::City | Kind::Admin2) && p >= 0.1 {
                    points.push((i, r.lat as f64, r.lon as f64, p));
                }
            }
        }
        for (i, m) in mentions.iter().enumerate() {
            for (c, s) in m.cands.iter().zip(scores[i].iter_mut()) {
                let Some(r) = self.record(c.rec) else {
                    continue;
                };
                let mut bonus = 0.0;
                if r.kind == Kind::Region {
                    // Regions have no country to share with the document; they get the bonus a
                    // country gets in a document about it, so that context does not hand their
                    // name to a city that has it as an alternate name ("Africa" for Mahdia).
                    bonus += REGION_CONTEXT;
                } else {
                    let w = cc_w.get(&r.cc).copied().unwrap_or(0.0)
                        - own_cc[i].get(&r.cc).copied().unwrap_or(0.0);
                    bonus += CC_WEIGHT * w.clamp(0.0, 1.5);
                    if r.kind == Kind::Country {
                        // A country contains the document's places in it, as a division does.
                        bonus += 2.5 * w.clamp(0.0, 1.0);
                    }
                }
                if r.admin1 != NONE {
                    // Places in a division the document mentions, or for a division, the
                    // document's places inside it.
                    let w = a1_w.get(&r.admin1).copied().unwrap_or(0.0)
                        - own_a1[i].get(&r.admin1).copied().unwrap_or(0.0);
                    bonus += 2.5 * w.clamp(0.0, 1.0);
                }
                if matches!(r.kind, Kind::City | Kind::Admin2) {
                    let mut near = 0f32;
                    for &(j, lat, lon, p) in &points {
                        if j == i || mentions[j].key == m.key {
                            continue;
                        }
                        let d = haversine_km(r.lat as f64, r.lon as f64, lat, lon);
                        if d < 50.0 {
                            near += p;
                        } else if d < 200.0 {
                            near += 0.5 * p;
                        }
                    }
                    bonus += 1.5 * near.min(1.5);
                }
                *s = c.prior + bonus;
            }
        }
    }

    fn output(&self, text: &str, m: &Mention, lang: Option<Lang>) -> Option<Resolution> {
        let c = m.cands.get(m.best)?;
        let r = self.record(c.rec)?;
        let demonym = c.flags & F_DEMONYM != 0 && c.flags & (F_PRIMARY | F_ALT) == 0;
        let feature = self.feature(r);
        let metonym = !demonym
            && matches!(feature, "PPLC" | "PPLG")
            && !after_preposition(text, m.span.start as usize)
            && followed_by_verb(text, m.span.end as usize, lang);
        Some(Resolution {
            span: m.span,
            text: text.get(m.span.range())?.to_string(),
            geonameid: (r.geonameid != 0).then_some(r.geonameid),
            name: self.name(r).to_string(),
            country_code: self.country_code(r).map(str::to_string),
            lat: r.lat as f64,
            lon: r.lon as f64,
            feature: feature.to_string(),
            demonym,
            metonym,
            confidence: m.conf,
        })
    }
}

fn softmax(scores: &[f32], t: f32) -> Vec<f32> {
    let top = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e: Vec<f32> = scores.iter().map(|s| ((s - top) / t).exp()).collect();
    let z: f32 = e.iter().sum();
    e.into_iter()
        .map(|x| if z > 0.0 { x / z } else { 0.0 })
        .collect()
}

/// Index of the maximum and its softmax share; scores of a group are summed over `k` mentions,
/// so they are scaled back before the softmax.
fn argmax_softmax(scores: &[f32], k: f32) -> (usize, f32) {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    let Some(&top) = scores.get(best) else {
        return (0, 0.0);
    };
    let z: f32 = scores.iter().map(|s| ((s - top) / k.max(1.0)).exp()).sum();
    (best, if z > 0.0 { 1.0 / z } else { 0.0 })
}

const FR_FUNCTION: &[&str] = &[
    "à", "au", "aux", "de", "du", "des", "d", "le", "la", "les", "l", "un", "une", "en", "et",
    "ou", "où", "qui", "que", "qu", "dont", "sur", "sous", "pour", "par", "avec", "dans", "sans",
    "chez", "vers", "entre", "depuis", "pendant", "contre", "selon", "comme", "mais", "donc", "ni",
    "car", "puis", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre",
    "votre", "y", "plus", "moins", "aussi", "même", "avant", "après", "lors", "jusqu", "près",
    "loin", "via", "afin", "ainsi", "alors", "encore", "hier", "aujourd", "demain", "lui", "elle",
    "il", "ils", "elles", "on", "nous", "vous", "centre", "nord", "sud", "est", "ouest", "intra",
    "même", "tout", "toute", "tous", "toutes",
];

const EN_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "has",
    "have",
    "had",
    "is",
    "was",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "wants",
    "warned",
    "warns",
    "announced",
    "announces",
    "denied",
    "denies",
    "rejected",
    "rejects",
    "accused",
    "accuses",
    "responded",
    "responds",
    "insisted",
    "insists",
    "claimed",
    "claims",
    "hopes",
    "urged",
    "urges",
    "demanded",
    "demands",
    "condemned",
    "condemns",
    "expelled",
    "expels",
    "imposed",
    "imposes",
    "threatened",
    "threatens",
    "agreed",
    "agrees",
    "refused",
    "refuses",
    "signed",
    "signs",
    "sent",
    "sends",
    "called",
    "calls",
    "welcomed",
    "welcomes",
    "criticized",
    "criticised",
    "sought",
    "seeks",
    "plans",
    "believes",
    "considers",
    "launched",
    "retaliated",
    "sanctioned",
    "protested",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "did",
    "does",
    "blamed",
    "blames",
    "backed",
    "backs",
    "supported",
    "supports",
    "opposed",
    "opposes",
    "recognized",
    "recognised",
    "recalled",
    "summoned",
    "confirmed",
    "confirms",
    "dismissed",
    "declined",
    "approved",
    "approves",
    "allowed",
    "allows",
    "ordered",
    "orders",
    "asked",
    "asks",
    "told",
    "tells",
    "reiterated",
    "stressed",
    "added",
    "noted",
    "needs",
    "wanted",
    "hoped",
    "fears",
    "feared",
    "argued",
    "argues",
    "maintains",
    "maintained",
];

/// Adverbs that may stand between a metonymic capital and its verb.
const ADVERBS: &[&str] = &[
    "also",
    "still",
    "now",
    "reportedly",
    "already",
    "then",
    "quickly",
    "has",
    "had",
    "aussi",
    "déjà",
    "ne",
    "n",
    "s",
    "se",
    "lui",
    "leur",
];

/// Prepositions that make a capital a location ("talks in Washington ended", "à Paris un accord").
const PREPOSITIONS: &[&str] = &[
    "in", "at", "to", "from", "near", "into", "outside", "inside", "via", "of", "à", "a", "en",
    "de", "d", "dans", "depuis", "vers", "pour", "par", "sur", "près", "chez", "au", "aux", "du",
];

/// Whether the word before `start` is a preposition.
fn after_preposition(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let prev = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    PREPOSITIONS.contains(&prev.as_str())
}

/// The rule for metonymic capitals (see the module comment).
fn followed_by_verb(text: &str, end: usize, lang: Option<Lang>) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    // Only a plain space between the capital and the verb: "Washington, said…" or
    // "Washington-based" are not metonyms by this rule.
    if !rest.starts_with(' ') {
        return false;
    }
    let mut words = rest
        .split(|c: char| !(c.is_alphabetic()))
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    // The word must be the very next thing after the space.
    if !rest[1..].starts_with(first) {
        return false;
    }
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    if !lower(first) {
        return false;
    }
    let fr = |w: &str| !FR_FUNCTION.contains(&w) || matches!(w, "ne" | "n" | "s" | "se");
    let en = |w: &str| EN_VERBS.contains(&w) || (w.len() >= 5 && w.ends_with("ed"));
    let verbish = |w: &str| match lang {
        Some(Lang::Fr) => fr(w),
        Some(Lang::En) => en(w),
        // Unknown language: only the English list, which also holds no French function word.
        _ => {
            en(w)
                || matches!(
                    w,
                    "a" | "souhaite" | "affirme" | "estime" | "accuse" | "dément"
                )
        }
    };
    if ADVERBS.contains(&first) && !EN_VERBS.contains(&first) && first != "ne" && first != "n" {
        return words.next().is_some_and(|w| lower(w) && verbish(w));
    }
    verbish(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans_of(text: &str, words: &[&str]) -> Vec<Span> {
        let mut out = Vec::new();
        for w in words {
            let mut from = 0;
            while let Some(i) = text[from..].find(w) {
                let s = from + i;
                out.push(Span::new(s, s + w.len()));
                from = s + w.len();
            }
        }
        out
    }

    fn ids(res: &[Resolution]) -> Vec<(String, Option<u32>)> {
        res.iter().map(|r| (r.text.clone(), r.geonameid)).collect()
    }

    #[test]
    fn french_countries_capitals_and_demonyms() {
        let text = "Le ministre algérien s'est rendu à Alger puis au Caire. L'Égypte et l'Algérie \
                    ont signé un accord. Les Algériens ont salué la visite.";
        let spans = spans_of(
            text,
            &[
                "algérien",
                "Alger",
                "Caire",
                "Égypte",
                "Algérie",
                "Algériens",
            ],
        );
        let res = resolve(text, &spans, Some(Lang::Fr));
        let got = ids(&res);
        assert!(got.contains(&("Alger".into(), Some(2507480))), "{got:?}");
        assert!(got.contains(&("Égypte".into(), Some(357994))), "{got:?}");
        assert!(got.contains(&("Algérie".into(), Some(2589581))), "{got:?}");
        let dem: Vec<_> = res
            .iter()
            .filter(|r| r.demonym)
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(dem, ["algérien", "Algériens"]);
        assert!(
            res.iter()
                .filter(|r| r.demonym)
                .all(|r| r.geonameid == Some(2589581))
        );
    }

    #[test]
    fn context_picks_the_local_reading() {
        let text =
            "Flooding hit Paris, Texas, on Monday. Officials in Dallas said roads were closed.";
        let spans = spans_of(text, &["Paris", "Texas", "Dallas"]);
        let res = resolve(text, &spans, Some(Lang::En));
        let paris = res.iter().find(|r| r.text == "Paris").unwrap();
        assert_eq!(paris.country_code.as_deref(), Some("US"), "{paris:?}");

        let text = "Talks opened in Paris between France and Germany.";
        let res = resolve(
            text,
            &spans_of(text, &["Paris", "France", "Germany"]),
            Some(Lang::En),
        );
        assert_eq!(res[0].geonameid, Some(2988507));
    }

    #[test]
    fn metonymic_capitals() {
        let text = "Moscou a démenti. Washington souhaite un accord. Le sommet de Moscou s'ouvre.";
        let res = resolve(
            text,
            &spans_of(text, &["Moscou", "Washington"]),
            Some(Lang::Fr),
        );
        let flags: Vec<_> = res.iter().map(|r| (r.text.as_str(), r.metonym)).collect();
        assert_eq!(
            flags,
            [("Moscou", true), ("Washington", true), ("Moscou", false)]
        );
        let text = "Washington said it would respond. Talks in Washington ended. Paris attacks.";
        let res = resolve(
            text,
            &spans_of(text, &["Washington", "Paris"]),
            Some(Lang::En),
        );
        let flags: Vec<_> = res.iter().map(|r| r.metonym).collect();
        assert_eq!(flags, [true, false, false]);
    }

    #[test]
    fn regions_have_no_id_or_the_continents() {
        let text = "Le Sahel et l'Afrique du Nord, en Afrique.";
        let res = resolve(
            text,
            &spans_of(text, &["Sahel", "Afrique du Nord"]),
            Some(Lang::Fr),
        );
        assert_eq!(res.len(), 2);
        assert!(
            res.iter()
                .all(|r| r.feature == "region" && r.geonameid.is_none())
        );
        let at = text.rfind("Afrique").unwrap();
        let res = resolve(text, &[Span::new(at, at + "Afrique".len())], Some(Lang::Fr));
        assert_eq!(res[0].geonameid, Some(6255146));
    }

    #[test]
    fn bad_spans_are_skipped() {
        let text = "Écrit à Paris.";
        let res = resolve(
            text,
            &[Span::new(1, 3), Span::new(10, 100), Span::new(8, 15)],
            None,
        );
        assert!(res.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,60}", a in 0u32..70, b in 0u32..70) {
            let (s, e) = (a.min(b), a.max(b));
            let _ = resolve(&text, &[Span { start: s, end: e }], None);
        }
    }
}
