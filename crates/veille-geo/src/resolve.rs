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
    /// Share of the winning candidate in the softmax of candidate scores (0–1); 0 for a
    /// document's main place given to an unknown name.
    pub confidence: f32,
    /// The gazetteer does not know the name: the place is named by a part of it, or is the
    /// document's main place ([`Gazetteer::resolve_all`] only).
    pub approximate: bool,
}

/// Resolves `toponyms` (byte spans into `text`) with the embedded gazetteer.
pub fn resolve(text: &str, toponyms: &[Span], lang: Option<Lang>) -> Vec<Resolution> {
    Gazetteer::embedded().resolve(text, toponyms, lang)
}

/// At most this many candidates per toponym are scored in context (the best by prior).
const MAX_CANDIDATES: usize = 40;
const PASSES: usize = 3;
const CC_WEIGHT: f32 = 3.5;
/// An unknown name this close (bytes) to a town's mention is placed at that town.
const NEARBY_BYTES: u32 = 30;
/// Towns closer than this to the main place's candidate count as its neighbours.
const MAIN_PLACE_KM: f64 = 100.0;
/// Bonus of a first-level division's reading when the document reads several other
/// divisions of its country: a list of states makes "Washington" and "Georgia" states. It
/// starts above [`SIBLING_FROM`] others (two or three states named beside a capital are common
/// in national news) and is full two later.
const SIBLING_WEIGHT: f32 = 3.0;
const SIBLING_FROM: f32 = 3.0;
const PAIR_BONUS: f32 = 4.0;
/// Further penalty of a town named as a country's demonym ("Canadian", Texas).
const DEMONYM_EXTRA_PENALTY: f32 = 3.0;
/// Greatest distance between two places named as one another's ("London's Heathrow").
const POSSESSIVE_KM: f64 = 60.0;
const REGION_CONTEXT: f32 = 4.0;
/// Softness of the readings used as context: scores differ by several points.
const CONTEXT_TEMPERATURE: f32 = 1.5;
const COUNTRY_SCORE: f32 = 5.5;
/// Prior taken from the other readings of a name that is a country's own name ("China",
/// Texas): towns and divisions named after a country need specific evidence to win.
const COUNTRY_NAME_PENALTY: f32 = 3.0;
/// The same for towns named after a first-level division ("Oregon", Missouri).
const DIVISION_NAME_PENALTY: f32 = 2.0;
/// A city this big is known in its own right, whatever division shares its name ("New York",
/// São Paulo, Tokyo): it is spared [`DIVISION_NAME_PENALTY`].
const BIG_CITY: u32 = 1_000_000;

/// A second-level division called by its own name (Kent, Norfolk) is a region known in its
/// own right; its population, the sum of its towns of 15,000 people, understates it against a
/// namesake town abroad. A constant, so namesake divisions keep their order.
const ADMIN2_OWN_NAME: f32 = 0.9;

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
    /// The name is not in the gazetteer; the candidates are those of a part of it, or the
    /// document's main place.
    approximate: bool,
}

/// A populated place or second-level division: what a document's "towns" are.
fn is_town(r: &Record) -> bool {
    matches!(r.kind, Kind::City | Kind::Admin2)
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
            "PPLL" => 0.0,
            // Airfields have no population: news names the big ones.
            "AIRP" | "AIRB" => 3.0,
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
    if r.kind == Kind::Admin2 && flags & F_PRIMARY != 0 {
        s += ADMIN2_OWN_NAME;
    }
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

/// Great-circle kilometres per degree of latitude on [`haversine_km`]'s sphere (a lower
/// bound of the distance between two points is their latitude difference times this).
const KM_PER_DEGREE: f64 = 6371.0 * std::f64::consts::PI / 180.0;

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// Words naming a kind of street, waterway, landform or site: a name holding one ("Mississippi
/// River", "Atlantic Avenue", "Niger Delta") is a place named after a division, not in it.
const FEATURE_WORDS: &[&str] = &[
    "avenue",
    "ave",
    "street",
    "st",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "lane",
    "drive",
    "highway",
    "parkway",
    "way",
    "square",
    "plaza",
    "bridge",
    "river",
    "delta",
    "lake",
    "bay",
    "valley",
    "mountains",
    "mountain",
    "mount",
    "island",
    "islands",
    "coast",
    "beach",
    "park",
    "mall",
    "gateway",
    "township",
    "embassy",
    "consulate",
    "rue",
    "place",
    "fleuve",
    "rivière",
    "lac",
    "baie",
    "vallée",
    "île",
    "îles",
    "ambassade",
    "consulat",
    "pont",
    "canal",
    "gulf",
    "sea",
    "strait",
    "peninsula",
    "desert",
    "forest",
    "airport",
    "aéroport",
    "stadium",
    "stade",
    "arena",
    "station",
    "gare",
    "hospital",
    "hôpital",
    "hotel",
    "hôtel",
    "church",
    "église",
    "cathedral",
    "prison",
    "tower",
    "city",
    "colony",
    "falls",
    "springs",
    "heights",
    "village",
    "town",
    "ville",
    "hills",
    "junction",
    "county",
    "parish",
    "district",
];

/// Compass words and the like: "South", "Centre" or "Northern" name divisions in some
/// countries, but in a longer name they only qualify the rest.
const GENERIC_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "centre",
    "center",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "upper",
    "lower",
    "greater",
    "new",
    "nord",
    "sud",
    "est",
    "ouest",
];

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
        // Press abbreviations of name words ("Platte Co.", "Mt. Pleasant", "Madison Twp."):
        // the gazetteer spells them out.
        let words: Vec<&str> = stripped.split_whitespace().collect();
        if words.len() > 1 {
            let mut changed = false;
            let spelled: Vec<&str> = words
                .iter()
                .map(|w| match *w {
                    "Co." | "Co" => "County",
                    "Twp." | "Twp" => "Township",
                    "Mt." | "Mt" => "Mount",
                    "Ft." | "Ft" => "Fort",
                    _ => w,
                })
                .inspect(|x| changed |= !words.contains(x))
                .collect();
            if changed {
                tries.push(spelled.join(" "));
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
                // A name that is a country's or a first-level division's own name means that
                // place far more often than a town named after it ("China", Texas; "Oregon",
                // Missouri): the towns need specific evidence ("X, Y", a division named, places
                // nearby), not just a shared country.
                let own = |k: Kind| {
                    cands.iter().any(|c| {
                        c.flags & (F_PRIMARY | F_DEMONYM) != 0
                            && self.record(c.rec).is_some_and(|r| r.kind == k)
                    })
                };
                let (country, adm1) = (own(Kind::Country), own(Kind::Admin1));
                // A country's demonym ("Canadian", "Mexican") names a town after it even less
                // often than the country's name does.
                let demonym = cands.iter().any(|c| {
                    c.flags & F_DEMONYM != 0
                        && self.record(c.rec).is_some_and(|r| r.kind == Kind::Country)
                });
                if country || adm1 {
                    for c in cands.iter_mut() {
                        let Some(r) = self.record(c.rec) else {
                            continue;
                        };
                        if country && !matches!(r.kind, Kind::Country | Kind::Region) {
                            c.prior -= COUNTRY_NAME_PENALTY;
                            if demonym {
                                c.prior -= DEMONYM_EXTRA_PENALTY;
                            }
                        } else if adm1 && is_town(r) && r.population < BIG_CITY {
                            c.prior -= DIVISION_NAME_PENALTY;
                        }
                    }
                }
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
        self.resolve_inner(text, toponyms, lang, false)
    }

    /// As [`Gazetteer::resolve`], but a span whose name the gazetteer does not know still gets a
    /// place, marked `approximate`: the document's main place, the town it names most often (a
    /// street, building or neighbourhood of a local story lies in the town the story is
    /// about), or in a document that names no town, the place named by the longest part of the
    /// name that the gazetteer knows ("Seoul Central District Court" → Seoul). On the gold
    /// corpora the main place is the better guess of the two where both exist. Meant for spans
    /// known to be toponyms (gold spans, an NER's LOC entities): it places every span.
    pub fn resolve_all(
        &self,
        text: &str,
        toponyms: &[Span],
        lang: Option<Lang>,
    ) -> Vec<Resolution> {
        self.resolve_inner(text, toponyms, lang, true)
    }

    fn resolve_inner(
        &self,
        text: &str,
        toponyms: &[Span],
        lang: Option<Lang>,
        all: bool,
    ) -> Vec<Resolution> {
        let mut mentions: Vec<Mention> = Vec::with_capacity(toponyms.len());
        let mut unknown: Vec<Span> = Vec::new();
        let mut acronyms: Vec<Span> = Vec::new();
        let mut spans: Vec<Span> = toponyms.to_vec();
        spans.sort();
        spans.dedup();
        for &span in &spans {
            let Some(surface) = text.get(span.range()) else {
                continue;
            };
            let (key, cands) = self.candidates(surface.trim());
            if cands.is_empty() {
                if is_acronym(surface.trim()) {
                    acronyms.push(span);
                } else if all && !surface.trim().is_empty() {
                    unknown.push(span);
                }
                continue;
            }
            mentions.push(Mention {
                span,
                key,
                cands,
                best: 0,
                conf: 0.0,
                approximate: false,
            });
        }
        self.rank(text, &mut mentions);
        // "SA" in a story about South Africans: an acronym no dictionary lists is the country
        // whose name it abbreviates, when the document writes that name.
        for span in acronyms {
            let surface = text.get(span.range()).unwrap_or("").trim();
            match self.acronym_country(surface, text) {
                Some(rec) => mentions.push(Mention {
                    span,
                    key: normalize(surface),
                    cands: vec![Cand {
                        rec,
                        flags: F_ABBR,
                        prior: 0.0,
                    }],
                    best: 0,
                    conf: 1.0,
                    approximate: false,
                }),
                None if all => unknown.push(span),
                None => {}
            }
        }
        mentions.sort_by_key(|m| m.span);
        if !unknown.is_empty() {
            // Names of bodies named after a country or division the document is about.
            let ccs: Vec<[u8; 2]> = mentions
                .iter()
                .filter_map(|m| self.record(m.cands.get(m.best)?.rec))
                .filter(|r| r.kind != Kind::Region)
                .map(|r| r.cc)
                .collect();
            self.place_unknown(text, &mut mentions, &mut unknown, |surface| {
                self.embedded_division(surface.trim(), &ccs)
                    .map(|(key, cands)| (format!("~{key}"), cands))
            });
        }
        if !unknown.is_empty() && self.main_place(&mentions).is_none() {
            // No town to fall back on: parts of the unknown names are the next best guess.
            self.place_unknown(text, &mut mentions, &mut unknown, |surface| {
                self.part_candidates(surface)
            });
        }
        let mut out: Vec<Resolution> = mentions
            .iter()
            .filter_map(|m| self.output(text, m, lang))
            .collect();
        if !unknown.is_empty()
            && let Some(main) = self.main_place(&mentions)
        {
            for span in unknown {
                let cand = self.nearby_town(text, &mentions, span).unwrap_or(main);
                let m = Mention {
                    span,
                    key: String::new(),
                    cands: vec![cand],
                    best: 0,
                    conf: 0.0,
                    approximate: true,
                };
                out.extend(self.output(text, &m, lang));
            }
            out.sort_by_key(|r| r.span);
        }
        out
    }

    /// Reads the unknown spans that `read` gives candidates for as approximate mentions (taking
    /// them out of `unknown`), and ranks the mentions again when any was added.
    fn place_unknown(
        &self,
        text: &str,
        mentions: &mut Vec<Mention>,
        unknown: &mut Vec<Span>,
        read: impl Fn(&str) -> Option<(String, Vec<Cand>)>,
    ) {
        let before = mentions.len();
        unknown.retain(|&span| {
            let Some((key, cands)) = text.get(span.range()).and_then(&read) else {
                return true;
            };
            mentions.push(Mention {
                span,
                key,
                cands,
                best: 0,
                conf: 0.0,
                approximate: true,
            });
            false
        });
        if mentions.len() > before {
            mentions.sort_by_key(|m| m.span);
            self.rank(text, mentions);
        }
    }

    /// The country, first-level division or region an unknown name is named after, by its own
    /// name: the complement of "of"/"de" ("Bank of Japan", "University of California",
    /// "Council of Europe", "Banque de France") or a run of words at either end ("US Federal
    /// Reserve", "Iowa House", "Nazi Germany"). Such a body stands for, or lies in, that
    /// place; a town named after it would be a guess where the document's main place is not.
    /// Demonyms do not count: the "Russian Embassy" lies in the town of the story.
    fn embedded_division(
        &self,
        surface: &str,
        context_cc: &[[u8; 2]],
    ) -> Option<(String, Vec<Cand>)> {
        let words: Vec<&str> = surface.split_whitespace().collect();
        if words.len() < 2 {
            return None;
        }
        let lower = |w: &str| w.to_lowercase();
        // What a street, river or building is named after is not where it lies.
        if words
            .iter()
            .any(|w| FEATURE_WORDS.contains(&lower(w).trim_end_matches('.')))
        {
            return None;
        }
        let own = |part: &[&str], regions: bool| -> Option<(String, Vec<Cand>)> {
            if !part
                .first()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
                || part
                    .iter()
                    .all(|w| GENERIC_WORDS.contains(&lower(w).as_str()))
            {
                return None;
            }
            let (key, cands) = self.candidates(&part.join(" "));
            let cands: Vec<Cand> = cands
                .into_iter()
                .filter(|c| {
                    self.record(c.rec).is_some_and(|r| match r.kind {
                        // "European Commission", "African Union": a continent's bodies
                        // stand for it; a nation's ("Russian Embassy") lie in some town.
                        _ if c.flags & F_DEMONYM != 0 && c.flags & F_PRIMARY == 0 => {
                            regions && r.kind == Kind::Region
                        }
                        // "US Federal Reserve", but not Louisiana for "L.A.".
                        _ if c.flags & F_PRIMARY == 0 => {
                            c.flags & F_ABBR != 0 && r.kind == Kind::Country
                        }
                        Kind::Country => true,
                        Kind::Region => regions,
                        // A division of a country the document names: "University of
                        // St. Thomas" is not in Jamaica because Jamaica has a parish so
                        // called.
                        Kind::Admin1 => context_cc.contains(&r.cc),
                        _ => false,
                    })
                })
                .collect();
            (!cands.is_empty()).then_some((key, cands))
        };
        if let Some(i) = words
            .iter()
            .rposition(|w| matches!(*w, "of" | "de" | "du" | "des"))
        {
            let mut rest = &words[i + 1..];
            if rest
                .first()
                .is_some_and(|w| matches!(*w, "the" | "la" | "l'" | "le"))
            {
                rest = &rest[1..];
            }
            if !rest.is_empty()
                && let Some(found) = own(rest, true)
            {
                return Some(found);
            }
        }
        for len in (1..words.len()).rev() {
            for (part, regions) in [
                (&words[..len], len == 1),
                (&words[words.len() - len..], true),
            ] {
                if part
                    .iter()
                    .any(|w| matches!(*w, "of" | "de" | "du" | "des"))
                {
                    continue;
                }
                if let Some(found) = own(part, regions) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// Candidates of the longest run of words of `surface` that the gazetteer knows as the
    /// name of a populated place or division, leftmost first among runs of one length. Runs
    /// naming a country or region, or a demonym, are skipped: "Russian Embassy" or "Mexican
    /// Senate" lie in one city of the country, and the document's main place is a better
    /// guess than the country's centre.
    fn part_candidates(&self, surface: &str) -> Option<(String, Vec<Cand>)> {
        let words: Vec<&str> = surface.split_whitespace().collect();
        for len in (1..words.len()).rev() {
            for start in 0..=words.len() - len {
                let part = &words[start..start + len];
                // A part starts and ends with a capitalised word: not "of" or "the".
                let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
                if !part.first().is_some_and(capital) || !part.last().is_some_and(capital) {
                    continue;
                }
                let (key, cands) = self.candidates(&part.join(" "));
                let places = cands.iter().any(|c| {
                    c.flags & F_DEMONYM == 0
                        && self
                            .record(c.rec)
                            .is_some_and(|r| !matches!(r.kind, Kind::Country | Kind::Region))
                });
                if places {
                    return Some((key, cands));
                }
            }
        }
        None
    }

    /// The document's main place, as a candidate for names the gazetteer does not know: a town
    /// or division of the document's main country (the country its readings name most, towns
    /// and demonyms included), read often and close to the document's other towns (the
    /// earliest among equals). A story about Cairo that names Liverpool six times for a
    /// footballer still happens in Egypt, and of three towns named once each, the two that lie
    /// together beat the one far away.
    fn main_place(&self, mentions: &[Mention]) -> Option<Cand> {
        // (mentions, first mention) per record; mentions per country.
        let mut count: HashMap<u32, (usize, usize)> = HashMap::new();
        let mut by_cc: HashMap<[u8; 2], usize> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            let Some(c) = m.cands.get(m.best) else {
                continue;
            };
            let Some(r) = self.record(c.rec) else {
                continue;
            };
            if m.approximate {
                continue;
            }
            if r.kind != Kind::Region {
                *by_cc.entry(r.cc).or_default() += 1;
            }
            if is_town(r) {
                count.entry(c.rec).or_insert((0, i)).0 += 1;
            }
        }
        let towns: Vec<(u32, usize, usize, &Record)> = count
            .iter()
            .filter_map(|(&rec, &(n, first))| Some((rec, n, first, self.record(rec)?)))
            .collect();
        // The main country among those with a town: a country named without any town gives
        // no place to fall back on.
        let main_cc = towns
            .iter()
            .map(|t| (t.3.cc, by_cc.get(&t.3.cc).copied().unwrap_or(0)))
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?
            .0;
        // Each candidate's weight once: its mentions and those of the towns near it.
        let (rec, _, first) = towns
            .iter()
            .filter(|t| t.3.cc == main_cc)
            .map(|t| {
                let near: usize = towns
                    .iter()
                    .filter(|o| {
                        o.0 != t.0
                            && haversine_km(
                                t.3.lat as f64,
                                t.3.lon as f64,
                                o.3.lat as f64,
                                o.3.lon as f64,
                            ) < MAIN_PLACE_KM
                    })
                    .map(|o| o.1)
                    .sum();
                (t.0, t.1 + near, t.2)
            })
            .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))?;
        let c = mentions.get(first)?.cands.get(mentions[first].best)?;
        Some(Cand {
            rec,
            flags: c.flags,
            prior: 0.0,
        })
    }

    /// The town read closest to `span` in the text, when one lies within [`NEARBY_BYTES`] in
    /// the same sentence: "a graveyard outside Manbij" is near Manbij, whatever the document's
    /// main place.
    fn nearby_town(&self, text: &str, mentions: &[Mention], span: Span) -> Option<Cand> {
        mentions
            .iter()
            .filter(|m| !m.approximate)
            .filter_map(|m| {
                let c = m.cands.get(m.best)?;
                let r = self.record(c.rec)?;
                if !is_town(r) {
                    return None;
                }
                let between = if m.span.end <= span.start {
                    m.span.end..span.start
                } else {
                    span.end..m.span.start
                };
                let gap = between.end.saturating_sub(between.start);
                let same_sentence = text
                    .get(between.start as usize..between.end as usize)
                    .is_some_and(|b| !b.contains(['.', '!', '?', '\n']));
                (gap <= NEARBY_BYTES && same_sentence).then_some((gap, *c))
            })
            .min_by_key(|&(gap, _)| gap)
            .map(|(_, c)| Cand { prior: 0.0, ..c })
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
            // "London's Heathrow", "Moscow’s Sheremetyevo": a place named as another's, when
            // the two readings lie close together.
            if matches!(between, "'s " | "’s ") {
                for (a, ca) in x.cands.iter().enumerate() {
                    let Some(ra) = self.record(ca.rec) else {
                        continue;
                    };
                    for (b, cb) in y.cands.iter().enumerate() {
                        let Some(rb) = self.record(cb.rec) else {
                            continue;
                        };
                        if is_town(ra)
                            && is_town(rb)
                            && haversine_km(
                                ra.lat as f64,
                                ra.lon as f64,
                                rb.lat as f64,
                                rb.lon as f64,
                            ) < POSSESSIVE_KM
                        {
                            pair_bonus[i][a] = PAIR_BONUS;
                            pair_bonus[i + 1][b] = PAIR_BONUS;
                        }
                    }
                }
                continue;
            }
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
        // "Heathrow airport", "l'aéroport d'Orly": the word next to the name says it is an
        // airfield.
        for (m, bonus) in mentions.iter().zip(pair_bonus.iter_mut()) {
            if !airfield_cue(text, m.span) {
                continue;
            }
            for (c, b) in m.cands.iter().zip(bonus.iter_mut()) {
                if self
                    .record(c.rec)
                    .is_some_and(|r| matches!(self.feature(r), "AIRP" | "AIRB"))
                {
                    *b += PAIR_BONUS;
                }
            }
        }
        // "New York state", "Washington Gov. …": the word after the name says it is a
        // first-level division.
        for (m, bonus) in mentions.iter().zip(pair_bonus.iter_mut()) {
            if !division_cue(text, m.span.end as usize)
                && !division_cue_before(text, m.span.start as usize)
            {
                continue;
            }
            for (c, b) in m.cands.iter().zip(bonus.iter_mut()) {
                if self.record(c.rec).is_some_and(|r| r.kind == Kind::Admin1) {
                    *b += PAIR_BONUS;
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
        // Mentions of one name share a reading: each name votes once, a little more when
        // repeated, and never for itself. Counting every mention would let a repeated name vote
        // for its own likeliest reading ("Paris" thrice makes France), and let the many small
        // namesakes of repeated names ("London", "Paris", both in Kentucky) pile up votes for
        // one country.
        let mut group_of: HashMap<&str, usize> = HashMap::new();
        let mut firsts: Vec<(usize, usize)> = Vec::new();
        let group: Vec<usize> = mentions
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let n = group_of.len();
                let g = *group_of.entry(m.key.as_str()).or_insert(n);
                if g == firsts.len() {
                    firsts.push((i, 0));
                }
                firsts[g].1 += 1;
                g
            })
            .collect();
        let n_groups = firsts.len();
        let mut cc_w: HashMap<[u8; 2], f32> = HashMap::new();
        // Weight of each first-level division: named by a mention (`a1_named`), or holding
        // the readings of other places (`a1_w`).
        let mut a1_w: HashMap<u32, f32> = HashMap::new();
        let mut a1_named: HashMap<u32, f32> = HashMap::new();
        // First-level divisions read per country: a document listing states ("Alaska, Hawaii,
        // Nevada") reads another ambiguous name that is a state of that country as one too.
        let mut a1_cc: HashMap<[u8; 2], f32> = HashMap::new();
        let mut own_a1cc: Vec<HashMap<[u8; 2], f32>> = vec![HashMap::new(); n_groups];
        let mut points: Vec<(usize, f64, f64, f32)> = Vec::new();
        let mut own_cc: Vec<HashMap<[u8; 2], f32>> = vec![HashMap::new(); n_groups];
        let mut own_a1: Vec<HashMap<u32, f32>> = vec![HashMap::new(); n_groups];
        let mut own_a1n: Vec<HashMap<u32, f32>> = vec![HashMap::new(); n_groups];
        let min_p = 0.02;
        let rep = 0.5;
        for (gi, &(i, count)) in firsts.iter().enumerate() {
            let m = &mentions[i];
            if m.approximate && m.key.starts_with('~') {
                // A body named after a country says little of where the story's other
                // places are ("the Bank of England" in a story about Kentucky).
                continue;
            }
            let times = 1.0 + rep * (count as f32).ln();
            for (c, &p) in m.cands.iter().zip(&probs[i]) {
                if p < min_p {
                    continue;
                }
                let Some(r) = self.record(c.rec) else {
                    continue;
                };
                let w = context_weight(r.kind) * p * times;
                if r.kind != Kind::Region {
                    *cc_w.entry(r.cc).or_default() += w;
                    *own_cc[gi].entry(r.cc).or_default() += w;
                }
                if r.kind == Kind::Admin1 {
                    *a1_named.entry(c.rec).or_default() += w;
                    *own_a1n[gi].entry(c.rec).or_default() += w;
                    *a1_cc.entry(r.cc).or_default() += p;
                    *own_a1cc[gi].entry(r.cc).or_default() += p;
                } else if r.admin1 != NONE {
                    *a1_w.entry(r.admin1).or_default() += w;
                    *own_a1[gi].entry(r.admin1).or_default() += w;
                }
                if is_town(r) && p >= 0.1 {
                    points.push((gi, r.lat as f64, r.lon as f64, p));
                }
            }
        }
        let cc_weight = CC_WEIGHT;
        let cc_cap = 1.5;
        let country_in = 2.5;
        let a1_weight = 2.5;
        let near_weight = 1.5;
        let a1_same = 1.0;
        let mut near_of: HashMap<(usize, u32), f32> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            let gi = group[i];
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
                        - own_cc[gi].get(&r.cc).copied().unwrap_or(0.0);
                    bonus += cc_weight * w.clamp(0.0, cc_cap);
                    if r.kind == Kind::Country {
                        // A country contains the document's places in it, as a division does.
                        bonus += country_in * w.clamp(0.0, 1.0);
                    }
                }
                if r.kind == Kind::Admin1 {
                    // A division holding the document's places.
                    let w = a1_w.get(&c.rec).copied().unwrap_or(0.0)
                        - own_a1[gi].get(&c.rec).copied().unwrap_or(0.0);
                    bonus += a1_weight * w.clamp(0.0, 1.0);
                    let sib = a1_cc.get(&r.cc).copied().unwrap_or(0.0)
                        - own_a1cc[gi].get(&r.cc).copied().unwrap_or(0.0);
                    bonus += SIBLING_WEIGHT * ((sib - SIBLING_FROM) / 2.0).clamp(0.0, 1.0);
                } else if r.admin1 != NONE {
                    // A place in a division the document names; the document's other places in
                    // the same division count less, as proximity already rewards them.
                    let named = a1_named.get(&r.admin1).copied().unwrap_or(0.0)
                        - own_a1n[gi].get(&r.admin1).copied().unwrap_or(0.0);
                    let w = a1_w.get(&r.admin1).copied().unwrap_or(0.0)
                        - own_a1[gi].get(&r.admin1).copied().unwrap_or(0.0);
                    bonus += a1_weight * named.clamp(0.0, 1.0) + a1_same * w.clamp(0.0, 1.0);
                }
                if is_town(r) {
                    // The same for every mention of the name: computed once per name and
                    // reading (a long document repeats its places).
                    let near = *near_of.entry((gi, c.rec)).or_insert_with(|| {
                        let mut near = 0f32;
                        for &(j, lat, lon, p) in &points {
                            // The latitude difference alone is a lower bound of the distance:
                            // most pairs are ruled out without trigonometry.
                            if j == gi || (r.lat as f64 - lat).abs() * KM_PER_DEGREE >= 200.0 {
                                continue;
                            }
                            let d = haversine_km(r.lat as f64, r.lon as f64, lat, lon);
                            if d < 50.0 {
                                near += p;
                            } else if d < 200.0 {
                                near += 0.5 * p;
                            }
                        }
                        near
                    });
                    bonus += near_weight * near.min(1.5);
                }
                *s = c.prior + bonus;
            }
        }
    }

    /// The country whose name has `acronym` as its initials ("South Africa" for "SA",
    /// "Democratic Republic of the Congo" for "DRC") and is written in `text`, if exactly one.
    fn acronym_country(&self, acronym: &str, text: &str) -> Option<u32> {
        let mut found: Option<u32> = None;
        for &rec in self.country_of.iter().filter(|&&r| r != NONE) {
            let Some(r) = self.record(rec) else {
                continue;
            };
            let name = self.name(r);
            let initials: String = name
                .split([' ', '-'])
                .filter_map(|w| w.chars().next())
                .filter(|c| c.is_uppercase())
                .collect();
            if initials == acronym && name.contains(' ') && text.contains(name) {
                if found.is_some_and(|f| f != rec) {
                    return None;
                }
                found = Some(rec);
            }
        }
        found
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
            approximate: m.approximate,
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
/// Whether the words after a name (ending at byte `end`) say it names a first-level division:
/// "state" ("New York state", not "State University"), or a state office ("Gov.",
/// "Governor", "Legislature"), in English; "État" in French ("l'État de New York" puts the
/// word first and needs no cue).
fn division_cue(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let mut words = rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    let first = words.next().unwrap_or("");
    let mut next_capital = || {
        words
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    match first.trim_end_matches(['.', '\'', '’']) {
        "state" | "state's" | "state’s" => true,
        // "Ohio State University", "Washington State Patrol" are institutions, whose seat is
        // usually the state's anyway; only a bare "State" counts.
        "State" => !next_capital(),
        "Gov" | "Governor" | "governor" | "Legislature" | "legislature" => true,
        _ => false,
    }
}

/// Two to four capital letters ("SA", "DRC"): the shape of an acronym.
fn is_acronym(s: &str) -> bool {
    (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the word after a name ("Heathrow airport", "Bagram air base") or before it
/// ("l'aéroport d'Orly", "la base aérienne de Hmeimim") says it names an airfield.
fn airfield_cue(text: &str, span: Span) -> bool {
    let after = text
        .get(span.end as usize..)
        .unwrap_or("")
        .trim_start_matches(' ')
        .to_lowercase();
    if ["airport", "air base", "airbase", "airfield", "air field"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return true;
    }
    let before = text.get(..span.start as usize).unwrap_or("");
    let before = before
        .strip_suffix("d'")
        .or_else(|| before.strip_suffix("d’"))
        .or_else(|| before.strip_suffix("de "))
        .unwrap_or(before)
        .trim_end()
        .to_lowercase();
    before.ends_with("aéroport") || before.ends_with("base aérienne")
}

/// Whether the words before a name (starting at byte `start`) say it names a first-level
/// division: "the state of New York", "l'État de New York", "l'État du Michigan".
fn division_cue_before(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let before = before.trim_end();
    let lower: String = before
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .flat_map(char::to_lowercase)
        .collect();
    ["state of", "état de", "état du", "état d'", "état d’"]
        .iter()
        .any(|cue| {
            lower.ends_with(cue)
                && lower[..lower.len() - cue.len()]
                    .chars()
                    .last()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
}

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

    proptest::proptest! {
        /// The latitude difference alone never overestimates the distance: the proximity
        /// bonus may skip any pair it puts 200 km apart without computing the distance.
        #[test]
        fn latitude_difference_bounds_the_distance(
            lat1 in -90.0f64..90.0, lon1 in -180.0f64..180.0,
            lat2 in -90.0f64..90.0, lon2 in -180.0f64..180.0,
        ) {
            let d = haversine_km(lat1, lon1, lat2, lon2);
            proptest::prop_assert!((lat1 - lat2).abs() * KM_PER_DEGREE <= d + 1e-6);
        }
    }

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
    fn a_list_of_states_reads_an_ambiguous_name_as_a_state() {
        let text = "Wildfires burned in Oregon, Idaho, Montana, Nevada, Utah, Wyoming and \
                    Washington this week, and smoke reached Georgia.";
        let names = [
            "Oregon",
            "Idaho",
            "Montana",
            "Nevada",
            "Utah",
            "Wyoming",
            "Washington",
            "Georgia",
        ];
        let res = resolve(text, &spans_of(text, &names), Some(Lang::En));
        let feat = |name: &str| {
            let r = res.iter().find(|r| r.text == name).unwrap();
            (r.feature.clone(), r.country_code.clone())
        };
        assert_eq!(feat("Washington"), ("ADM1".into(), Some("US".into())));
        assert_eq!(feat("Georgia"), ("ADM1".into(), Some("US".into())));

        // Two states are not a list: the capital and the country keep their readings.
        let text =
            "Officials in Washington met envoys from Georgia after storms in Texas and Ohio.";
        let names = ["Washington", "Georgia", "Texas", "Ohio"];
        let res = resolve(text, &spans_of(text, &names), Some(Lang::En));
        let feat = |name: &str| res.iter().find(|r| r.text == name).unwrap().feature.clone();
        assert_eq!(feat("Washington"), "PPLC");
        assert_eq!(feat("Georgia"), "PCLI");
    }

    #[test]
    fn a_big_city_and_its_division_share_a_name() {
        // Without a cue, the city of eight million; "state", a governor or "l'État de" make it
        // the division.
        let feat = |text: &str, lang: Lang| {
            let res = resolve(text, &spans_of(text, &["New York"]), Some(lang));
            res.first().map(|r| r.feature.clone()).unwrap_or_default()
        };
        assert_eq!(
            feat(
                "The chef opened a second restaurant in New York last spring.",
                Lang::En
            ),
            "PPL"
        );
        for text in [
            "Flooding closed roads across New York state on Sunday.",
            "New York Gov. Jane Doe signed the budget late on Friday.",
            "Voters in the state of New York rejected the measure.",
        ] {
            assert_eq!(feat(text, Lang::En), "ADM1", "{text}");
        }
        assert_eq!(
            feat(
                "Le gouverneur de l'État de New York a signé le texte.",
                Lang::Fr
            ),
            "ADM1"
        );
        // An institution named after the state is no cue.
        assert!(!division_cue("Ohio State University", "Ohio".len()));
        assert!(division_cue("New York State, where", "New York".len()));
        assert!(!division_cue_before(
            "a vast estate of New York",
            "a vast estate of ".len()
        ));
    }

    #[test]
    fn an_english_county_beats_an_american_namesake_town() {
        // Kent, Norfolk, Cheshire and Fife are also towns in Washington, Virginia and
        // Connecticut, which vote for each other.
        let text = "The touring series visits Fife in May, Cheshire and Norfolk in June, \
                    then Kent. Rounds at Thruxton in Hampshire and at Silverstone follow, \
                    and the final is in Leicestershire, UK organisers said.";
        let names = [
            "Fife",
            "Cheshire",
            "Norfolk",
            "Kent",
            "Thruxton",
            "Hampshire",
            "Silverstone",
            "Leicestershire",
            "UK",
        ];
        let res = resolve(text, &spans_of(text, &names), Some(Lang::En));
        for name in ["Kent", "Norfolk"] {
            let r = res.iter().find(|r| r.text == name).unwrap();
            assert_eq!(r.country_code.as_deref(), Some("GB"), "{r:?}");
        }
    }

    #[test]
    fn seats_of_government_read_as_their_city() {
        // Not the hamlets and small towns called Maison-Blanche or White House; a metonym when
        // a verb follows, a place after a preposition.
        let text = "La Maison Blanche a dénoncé les frappes. Il a été reçu à la Maison Blanche.";
        let res = resolve(text, &spans_of(text, &["Maison Blanche"]), Some(Lang::Fr));
        assert_eq!(res.len(), 2, "{res:?}");
        assert!(res.iter().all(|r| r.geonameid == Some(4140963)), "{res:?}");
        assert!(res[0].metonym && !res[1].metonym, "{res:?}");
        let text = "The Kremlin denied the report, officials at the White House said.";
        let res = resolve(
            text,
            &spans_of(text, &["Kremlin", "White House"]),
            Some(Lang::En),
        );
        assert_eq!(ids(&res)[0].1, Some(524901));
        assert!(res[0].metonym);
        assert_eq!(ids(&res)[1].1, Some(4140963));
    }

    #[test]
    fn airports_are_places_of_their_own() {
        // Heathrow, Florida is a town of 6,000 people; in a London story the name is the
        // airport, and "airport" after it says so wherever the story is.
        let text = "Police searched a plane at Heathrow after it landed from Moscow. London \
                    officials said the passengers were questioned.";
        let res = resolve(
            text,
            &spans_of(text, &["Heathrow", "Moscow", "London"]),
            Some(Lang::En),
        );
        let heathrow = res.iter().find(|r| r.text == "Heathrow").expect("resolved");
        assert_eq!(
            (heathrow.feature.as_str(), heathrow.country_code.as_deref()),
            ("AIRP", Some("GB")),
            "{res:?}"
        );
        let text = "Flights resumed at Heathrow airport on Monday.";
        let res = resolve(text, &spans_of(text, &["Heathrow"]), Some(Lang::En));
        assert_eq!(res[0].feature, "AIRP", "{res:?}");
        let text = "L'avion s'est posé à l'aéroport d'Orly dans la nuit.";
        let res = resolve(text, &spans_of(text, &["aéroport d'Orly"]), Some(Lang::Fr));
        assert_eq!(
            (res[0].feature.as_str(), res[0].country_code.as_deref()),
            ("AIRP", Some("FR")),
            "{res:?}"
        );
        // An airport named after its city does not take the city's name.
        let text = "Il est arrivé à Bonn.";
        let res = resolve(text, &spans_of(text, &["Bonn"]), Some(Lang::Fr));
        assert_eq!(res[0].feature, "PPLA3", "{res:?}");
    }

    #[test]
    fn a_named_place_of_a_city_lies_near_it() {
        // "London's Heathrow": not the Florida town, in a story told from Florida.
        let text = "Officials in Orlando said the cargo had passed through London's Heathrow.";
        let res = resolve(
            text,
            &spans_of(text, &["Orlando", "London", "Heathrow"]),
            Some(Lang::En),
        );
        let h = res.iter().find(|r| r.text == "Heathrow").expect("resolved");
        assert_eq!(h.country_code.as_deref(), Some("GB"), "{res:?}");
    }

    #[test]
    fn a_demonym_is_its_country_not_a_town() {
        // Canadian, Texas is a town; "a Canadian expert" in a Texas story is Canada's.
        let text = "Trade experts in Houston and Dallas, Texas, met a Canadian economist.";
        let res = resolve(
            text,
            &spans_of(text, &["Houston", "Dallas", "Texas", "Canadian"]),
            Some(Lang::En),
        );
        let c = res.iter().find(|r| r.text == "Canadian").expect("resolved");
        assert_eq!(c.geonameid, Some(6251999), "{res:?}");
    }

    #[test]
    fn an_acronym_is_the_country_the_text_names() {
        let text = "Millions of South Africans live near the mines. SA holds most reserves.";
        let res = resolve(text, &spans_of(text, &["SA"]), Some(Lang::En));
        assert_eq!(ids(&res), [("SA".to_string(), Some(953987))], "{res:?}");
        // Without the name in the text, "SA" stays unread (Saudi Arabia, South Australia…).
        let text = "SA holds most reserves.";
        assert!(resolve(text, &spans_of(text, &["SA"]), Some(Lang::En)).is_empty());
        let text = "Troops of the Democratic Republic of the Congo crossed. The DRC army said.";
        let res = resolve(text, &spans_of(text, &["DRC"]), Some(Lang::En));
        assert_eq!(res.len(), 1, "{res:?}");
        assert_eq!(res[0].country_code.as_deref(), Some("CD"), "{res:?}");
    }

    #[test]
    fn a_city_section_is_a_place_like_any_other() {
        // GeoNames files Hollywood (Los Angeles) as a section of a city (PPLX); it used to
        // lose to Hollywood, Florida, a third smaller.
        let text = "The actor flew from Moscow to Hollywood.";
        let res = resolve(
            text,
            &spans_of(text, &["Moscow", "Hollywood"]),
            Some(Lang::En),
        );
        assert_eq!(ids(&res)[1].1, Some(5357527), "{res:?}");
    }

    #[test]
    fn us_counties_have_their_own_centre() {
        // Laurel County, Kentucky has no town of 15,000 people: it was placed at Kentucky's
        // centre, 170 km away.
        let text = "Deputies in Laurel County, Kentucky, arrested two men.";
        let res = resolve(
            text,
            &spans_of(text, &["Laurel County", "Kentucky"]),
            Some(Lang::En),
        );
        let r = &res[0];
        assert_eq!(r.geonameid, Some(4297480), "{res:?}");
        assert!(haversine_km(r.lat, r.lon, 37.11, -84.12) < 10.0, "{res:?}");
    }

    #[test]
    fn arabic_town_names_without_their_article() {
        // GeoNames spells them "Al Ḩasakah", "Ad Dīwānīyah"; news drops the article.
        let text = "Des combats ont éclaté près de Hasakah, puis à Diwaniyah en Irak.";
        let res = resolve(
            text,
            &spans_of(text, &["Hasakah", "Diwaniyah"]),
            Some(Lang::Fr),
        );
        let cc: Vec<_> = res.iter().map(|r| r.country_code.as_deref()).collect();
        assert_eq!(cc, [Some("SY"), Some("IQ")], "{res:?}");
    }

    #[test]
    fn repeated_names_do_not_vote_for_themselves() {
        // Three "Paris" used to outvote the state around them.
        let text = "Paris police said. Paris is in Illinois. Illinois troopers came to Paris. \
                    Illinois roads were closed.";
        let res = resolve(
            text,
            &spans_of(text, &["Paris", "Illinois"]),
            Some(Lang::En),
        );
        let paris = res.iter().find(|r| r.text == "Paris").unwrap();
        assert_eq!(paris.country_code.as_deref(), Some("US"), "{paris:?}");
        // A country's name stays the country in a local story.
        let text = "Houston firms, Texas officials and China. China buys. China sells.";
        let res = resolve(
            text,
            &spans_of(text, &["Houston", "Texas", "China"]),
            Some(Lang::En),
        );
        let china = res.iter().find(|r| r.text == "China").unwrap();
        assert_eq!(china.feature, "PCLI", "{china:?}");
    }

    #[test]
    fn unknown_names_fall_back_to_the_main_town() {
        let text = "Fire on Zzyzxq Avenue in Toulouse. Toulouse firemen came.";
        let spans = spans_of(text, &["Zzyzxq Avenue", "Toulouse"]);
        assert_eq!(resolve(text, &spans, None).len(), 2);
        let all = Gazetteer::embedded().resolve_all(text, &spans, None);
        assert_eq!(all.len(), 3);
        assert!(
            all[0].approximate && all[0].name == "Toulouse",
            "{:?}",
            all[0]
        );
        assert!(!all[1].approximate);
        // With no town in the document, a known part of the name.
        let text = "Judges of the Toulouse Zzyzxq Court met.";
        let all = Gazetteer::embedded().resolve_all(
            text,
            &spans_of(text, &["Toulouse Zzyzxq Court"]),
            None,
        );
        assert_eq!(all.len(), 1);
        assert!(all[0].approximate && all[0].name == "Toulouse", "{all:?}");
    }

    #[test]
    fn australian_and_canadian_divisions_by_their_short_and_french_names() {
        let text = "Floods hit NSW and Qld; la Nouvelle-Écosse et la Nouvelle-Galles du Sud aussi.";
        let names = ["NSW", "Qld", "Nouvelle-Écosse", "Nouvelle-Galles du Sud"];
        let got: Vec<String> = resolve(text, &spans_of(text, &names), None)
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(
            got,
            [
                "New South Wales",
                "Queensland",
                "Nova Scotia",
                "New South Wales"
            ]
        );
    }

    #[test]
    fn bodies_named_after_a_country_or_division_lie_there() {
        // A story set in Toulouse: the central banks, a state's house and the Commission are
        // where their names say; the avenue, the embassy and the stadium are in Toulouse.
        let text = "In Toulouse, traders watched the Bank of Japan, the US Federal Reserve,                     the Iowa House and the European Commission. The Russian Embassy on                     Atlantic Avenue is near the Stade de France. Toulouse sighed.";
        let names = [
            "Toulouse",
            "Bank of Japan",
            "US Federal Reserve",
            "Iowa House",
            "European Commission",
            "Russian Embassy",
            "Atlantic Avenue",
            "Stade de France",
        ];
        let all = Gazetteer::embedded().resolve_all(text, &spans_of(text, &names), None);
        let got = |name: &str| {
            let r = all.iter().find(|r| r.text == name).unwrap();
            assert!(r.approximate, "{r:?}");
            r.name.clone()
        };
        assert_eq!(got("Bank of Japan"), "Japan");
        assert_eq!(got("US Federal Reserve"), "United States");
        assert_eq!(got("European Commission"), "Europe");
        for town in ["Russian Embassy", "Atlantic Avenue", "Stade de France"] {
            assert_eq!(got(town), "Toulouse", "{town}");
        }
        // A division counts only in a country the story is about: Iowa is not, here.
        assert_eq!(got("Iowa House"), "Toulouse");
        let text = "Farmers in Des Moines lobbied the Iowa House.";
        let all = Gazetteer::embedded().resolve_all(
            text,
            &spans_of(text, &["Des Moines", "Iowa House"]),
            None,
        );
        assert_eq!(all[1].name, "Iowa", "{all:?}");
        // Compass words name divisions in some countries, never in a longer name.
        let text = "Rain fell in Accra on the Northern Trust offices.";
        let all = Gazetteer::embedded().resolve_all(
            text,
            &spans_of(text, &["Accra", "Northern Trust"]),
            None,
        );
        assert_eq!(all[1].name, "Accra", "{all:?}");
    }

    #[test]
    fn the_main_place_lies_in_the_main_country_near_the_other_towns() {
        // Liverpool is named most, but the story is Egyptian: Zzyzxq School is put in Cairo.
        let text = "The footballer visited Zzyzxq School in Egypt. Liverpool fans cheered. \
                    Egyptian pupils in Cairo and Giza met the Liverpool player. Egypt's \
                    minister thanked the Liverpool club.";
        let names = [
            "Liverpool",
            "Zzyzxq School",
            "Egypt",
            "Egyptian",
            "Cairo",
            "Giza",
        ];
        let all = Gazetteer::embedded().resolve_all(text, &spans_of(text, &names), None);
        let school = all.iter().find(|r| r.text == "Zzyzxq School").unwrap();
        assert!(school.approximate, "{school:?}");
        assert_eq!(school.country_code.as_deref(), Some("EG"), "{all:#?}");

        // Of three towns named once, the two that lie together win over the first one named.
        let text = "Zzyzxq Mall opened on Monday. Shoppers came from Cleveland, Gainesville and \
                    Ocala.";
        let names = ["Cleveland", "Zzyzxq Mall", "Gainesville", "Ocala"];
        let all = Gazetteer::embedded().resolve_all(text, &spans_of(text, &names), None);
        let mall = all.iter().find(|r| r.text == "Zzyzxq Mall").unwrap();
        assert!(
            mall.name == "Gainesville" || mall.name == "Ocala",
            "{mall:?}"
        );

        // A town named right beside the unknown name beats the main place.
        let text = "Paris talks. Paris leaders met. A shell hit Zzyzxq graveyard near Lyon.";
        let names = ["Paris", "Zzyzxq graveyard", "Lyon"];
        let all = Gazetteer::embedded().resolve_all(text, &spans_of(text, &names), None);
        let g = all.iter().find(|r| r.text == "Zzyzxq graveyard").unwrap();
        assert_eq!(g.name, "Lyon", "{g:?}");
    }

    #[test]
    fn former_names_read_as_the_successor_state() {
        let text = "L'URSS et la Yougoslavie ont rompu en 1948; le Zaïre est devenu la RDC.";
        let res = resolve(
            text,
            &spans_of(text, &["URSS", "Yougoslavie", "Zaïre"]),
            None,
        );
        let cc: Vec<_> = res.iter().map(|r| r.country_code.as_deref()).collect();
        assert_eq!(cc, [Some("RU"), Some("RS"), Some("CD")], "{res:?}");
        let text = "Soviet troops left Czechoslovakia and Ceylon became Sri Lanka.";
        let names = ["Soviet", "Czechoslovakia", "Ceylon"];
        let res = resolve(text, &spans_of(text, &names), Some(Lang::En));
        let cc: Vec<_> = res.iter().map(|r| r.country_code.as_deref()).collect();
        assert_eq!(cc, [Some("RU"), Some("CZ"), Some("LK")], "{res:?}");
        assert!(res[0].demonym, "{:?}", res[0]);
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
    fn regions_carry_geonames_ids_where_geonames_has_them() {
        let text = "Le Sahel et l'Afrique du Nord, en Afrique, loin du Darfur.";
        let res = resolve(
            text,
            &spans_of(text, &["Sahel", "Afrique du Nord", "Darfur"]),
            Some(Lang::Fr),
        );
        assert_eq!(res.len(), 3);
        assert!(res.iter().all(|r| r.feature == "region"));
        let ids: Vec<_> = res.iter().map(|r| r.geonameid).collect();
        // GeoNames' "Sahel" and "Northern Africa" areas; Darfur is veille's own.
        assert_eq!(ids, [Some(2425938), Some(7729887), None]);
        let at = text.rfind("Afrique").unwrap();
        let res = resolve(text, &[Span::new(at, at + "Afrique".len())], Some(Lang::Fr));
        assert_eq!(res[0].geonameid, Some(6255146));
        // Named areas news uses that GeoNames' towns and divisions leave out, and the usual
        // abbreviation of a country.
        let text = "Shelling resumed in Eastern Ghouta, Kashmir and Nagorno-Karabakh; T&T voted.";
        let res = resolve(
            text,
            &spans_of(
                text,
                &["Eastern Ghouta", "Kashmir", "Nagorno-Karabakh", "T&T"],
            ),
            Some(Lang::En),
        );
        let got: Vec<_> = res
            .iter()
            .map(|r| (r.name.as_str(), r.feature.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Eastern Ghouta", "region"),
                ("Kashmir", "region"),
                ("Nagorno-Karabakh", "region"),
                ("Trinidad and Tobago", "PCLI")
            ]
        );
        let text = "Des migrants ont été secourus en Méditerranée.";
        let res = resolve(text, &spans_of(text, &["Méditerranée"]), Some(Lang::Fr));
        assert_eq!(
            (res[0].geonameid, res[0].feature.as_str()),
            (Some(363196), "SEA")
        );
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
