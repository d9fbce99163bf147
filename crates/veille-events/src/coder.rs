//! The coder: trigger matches and actor mentions of each sentence become [`EventMention`]s.

use crate::actors::{Binding, MKind, Mention, Registry, Scanner};
use crate::cameo::{CameoCode, CameoTable};
use crate::dict::{Dictionaries, Langs};
use crate::error::LoadError;
use crate::patterns::{Pattern, PatternSet, TargetShape, TriggerMatch};
use crate::text::{Unit, sentence_units};
use std::collections::HashMap;
use veille_core::{Actor, Doc, EventMention, Lang, Sentence, Span};

/// The text of the coder's data files. [`DataFiles::EMBEDDED`] is what ships in the binary;
/// tests and tools may pass edited copies to [`Coder::from_data`].
#[derive(Debug, Clone, Copy)]
pub struct DataFiles<'a> {
    pub countries: &'a str,
    pub roles: &'a str,
    pub patterns: &'a str,
    pub cameo: &'a str,
    pub plover: &'a str,
}

impl DataFiles<'static> {
    pub const EMBEDDED: DataFiles<'static> = DataFiles {
        countries: include_str!("../data/countries.tsv"),
        roles: include_str!("../data/roles.tsv"),
        patterns: include_str!("../data/patterns.tsv"),
        cameo: include_str!("../data/cameo.tsv"),
        plover: include_str!("../data/plover.tsv"),
    };
}

/// Loaded dictionaries, patterns and CAMEO tables. Build it once and share it: coding borrows it.
#[derive(Debug, Clone)]
pub struct Coder {
    dicts: Dictionaries,
    patterns: PatternSet,
    cameo: CameoTable,
    langs: Langs,
    /// The French parse-based coder's dictionaries, built over `dicts`' countries on the first
    /// French document (they read the Phoenix actor files, which English-only runs need too
    /// and other runs never load); shared between clones.
    french: std::sync::Arc<std::sync::OnceLock<Option<crate::petrarch::PetrarchDicts>>>,
}

impl Coder {
    /// The embedded data, French and English.
    pub fn load() -> Result<Coder, LoadError> {
        Coder::from_data(&DataFiles::EMBEDDED, &Lang::ALL)
    }

    /// The embedded data for one language.
    pub fn default_for(lang: Lang) -> Result<Coder, LoadError> {
        Coder::from_data(&DataFiles::EMBEDDED, &[lang])
    }

    /// Parses data files; every CAMEO code a pattern uses must be in the CAMEO table.
    pub fn from_data(files: &DataFiles<'_>, langs: &[Lang]) -> Result<Coder, LoadError> {
        let dicts = Dictionaries::parse(files.countries, files.roles)?;
        let patterns = PatternSet::parse(files.patterns)?;
        let cameo = CameoTable::parse(files.cameo, files.plover)?;
        for p in &patterns.patterns {
            for code in std::iter::once(&p.cameo).chain(p.intent.as_ref()) {
                if cameo.get(code).is_none() {
                    return Err(LoadError::MissingCode {
                        code: code.clone(),
                        used_by: format!("pattern {}", p.id),
                        file: "cameo.tsv",
                    });
                }
            }
        }
        Ok(Coder {
            dicts,
            patterns,
            cameo,
            french: Default::default(),
            langs: Langs {
                fr: langs.contains(&Lang::Fr),
                en: langs.contains(&Lang::En),
            },
        })
    }

    /// The French PETRARCH-format dictionaries, built on first use. The shipped files are
    /// checked by tests, so a failure can only come from an edited build: nothing is coded
    /// by the parse then, and the pattern coder still runs.
    fn french_dicts(&self) -> Option<&crate::petrarch::PetrarchDicts> {
        self.french
            .get_or_init(|| {
                let en = crate::petrarch::english().ok();
                crate::petrarch::french(&self.dicts.countries, en).ok()
            })
            .as_ref()
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dicts
    }

    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns.patterns
    }

    pub fn cameo(&self) -> &CameoTable {
        &self.cameo
    }

    /// The languages to code a document in: its own if known (and loaded), else all loaded.
    fn langs_for(&self, lang: Option<Lang>) -> Option<Langs> {
        let l = match lang {
            Some(Lang::Fr) => Langs {
                fr: self.langs.fr,
                en: false,
            },
            Some(Lang::En) => Langs {
                fr: false,
                en: self.langs.en,
            },
            None => self.langs,
        };
        (l.fr || l.en).then_some(l)
    }
}

/// What one mention stands for once people and pronouns are resolved.
#[derive(Debug, Clone, PartialEq)]
struct Resolved {
    country: Option<u16>,
    roles: Vec<String>,
    same: bool,
    /// A person the article never tied to a country or role.
    unknown: bool,
}

/// What the coder carries from sentence to sentence.
#[derive(Debug, Default)]
struct DocState {
    registry: Registry,
    /// The last sentence subject (carried over sentences without one): what `il`/`he` means.
    subject: Option<Resolved>,
    /// That subject was a person or a role: what "he" or "she" can mean.
    subject_person_like: bool,
    /// The last actor mentioned: what `ce dernier`/`the latter` means.
    last_actor: Option<Resolved>,
    /// The previous sentence's subject was a role phrase with a country…
    prev_subject_role_country: bool,
    /// …and the previous sentence named no person.
    prev_had_person: bool,
    /// The verb triggers the word patterns matched: their code corrects the dictionaries'
    /// reading of the same verb in the parse coder (see [`crate::parsed::TriggerCode`]).
    triggers: Vec<crate::parsed::TriggerCode>,
}

/// Codes the events of a segmented document (`doc.tokens`, `doc.words`, `doc.sentences`
/// filled), then merges repeats with [`dedup_in_article`]. An empty or unsegmented document
/// gives no events; nothing here panics on malformed input.
pub fn code_events(doc: &Doc, cfg: &Coder) -> Vec<EventMention> {
    let Some(langs) = cfg.langs_for(doc.lang) else {
        return Vec::new();
    };
    let mut state = DocState::default();
    let mut events = Vec::new();
    for sent in &doc.sentences {
        let first = events.len();
        cfg.code_sentence(doc, sent, langs, &mut state, &mut events);
        let copies = cfg.comparison_copies(doc, sent.span, &events[first..]);
        events.extend(copies);
    }
    // The word patterns see no clause structure: an act the parse hangs on "accused of" or
    // "denied" was alleged or denied, not done (the parse coder drops it likewise).
    events.retain(|e| {
        !e.evidence
            .iter()
            .any(|s| crate::parsed::alleged_or_denied(doc, *s))
    });
    if doc.lang == Some(Lang::En)
        && langs.en
        && let Ok(dicts) = crate::petrarch::english()
    {
        let discards = crate::petrarch::english_discards();
        let coded = cfg.parse_coded(doc, &events, dicts, discards, "CAMEO.2.0", &state.triggers);
        replace_statements_by_demands(&mut events, coded);
    }
    if doc.lang == Some(Lang::Fr)
        && langs.fr
        && let Some(dicts) = cfg.french_dicts()
    {
        let discards = crate::petrarch::french_discards();
        let coded = cfg.parse_coded(doc, &events, dicts, discards, "verbes.fr", &state.triggers);
        replace_statements_by_demands(&mut events, coded);
    }
    place_meetings_at_visits(&cfg.dicts, &mut events);
    peacekeepers_deploy(doc, &cfg.cameo, &mut events);
    economic_blows(doc, &cfg.cameo, &mut events);
    specific_refusals_win(&mut events);
    for e in &mut events {
        close_parentheses(doc, e);
    }
    dedup_in_article(events)
}

/// An actor's span that opens a parenthesis and stops just before its ")" ("les ministres de
/// l'OTAN (Organisation du traité de l'Atlantique Nord") takes the ")": the parse hangs the
/// bracket on the verb, but the evidence reads better whole.
fn close_parentheses(doc: &Doc, e: &mut EventMention) {
    let close = |span: Span| -> Span {
        let Some(t) = doc.text.get(span.range()) else {
            return span;
        };
        let unclosed = t.matches('(').count() > t.matches(')').count();
        if unclosed && doc.text[span.end as usize..].starts_with(')') {
            Span::new(span.start as usize, span.end as usize + 1)
        } else {
            span
        }
    };
    for actor in std::iter::once(&mut e.source).chain(e.target.as_mut()) {
        let wider = close(actor.span);
        if wider != actor.span {
            e.evidence
                .iter_mut()
                .filter(|s| **s == actor.span)
                .for_each(|s| *s = wider);
            actor.span = wider;
            actor.text = doc.text[wider.range()].to_string();
        }
    }
}

/// Conjunctions that open an adverbial clause (condition, cause, time, concession), folded.
/// (Not the elided "s'" of "s'il": it is the reflexive pronoun as often, "qui s'opposent".)
const ADVERBIAL_MARKS: &[&str] = &[
    "si", "if", "unless", "because", "parce", "puisque", "lorsque", "lorsqu'", "quand", "when",
    "whereas", "tandis", "although", "though",
];

/// Words that make a force a peacekeeping one.
const PEACEKEEPING: &[&str] = &["peacekeep", "casques bleus", "maintien de la paix"];

/// Gives an event another CAMEO code (with its root, class, scale and PLOVER type) and marks
/// its rule with the reason.
fn recode(e: &mut EventMention, code: &crate::cameo::CameoCode, tag: &str) {
    e.cameo = code.code.clone();
    e.root = code.root().to_string();
    e.quad_class = code.quad_class();
    e.goldstein = code.goldstein;
    e.plover = code.plover();
    e.rule.push_str(tag);
}

/// "NATO peacekeeping troops have arrived in Bosnia", "des casques bleus sont arrivés à
/// Bangui": a peacekeeping force arriving is deployed (074, military protection or
/// peacekeeping), not on a visit (042).
fn peacekeepers_deploy(doc: &Doc, cameo: &CameoTable, events: &mut [EventMention]) {
    let Some(code) = cameo.get("074") else { return };
    for e in events.iter_mut() {
        if e.cameo != "042" {
            continue;
        }
        // The source phrase and the few words before it ("NATO peacekeeping troops").
        let end = e.source.span.end as usize;
        let mut start = (e.source.span.start as usize)
            .saturating_sub(30)
            .max(e.sentence.start as usize);
        while start > 0 && !doc.text.is_char_boundary(start) {
            start -= 1;
        }
        let text = doc.text.get(start..end).unwrap_or("").to_lowercase();
        if PEACEKEEPING.iter().any(|w| text.contains(w)) {
            recode(e, code, "+peacekeepers");
        }
    }
}

/// Measures of trade and money: what they "hit" or "strike" is an economy, not a body.
#[rustfmt::skip]
const ECONOMIC_MEASURES: &[&str] = &[
    "tariff", "duty", "tax", "levy", "sanction", "measure", "policy", "tarif", "droit", "taxe",
    "sanction", "mesure", "politique", "surtaxe",
];

/// Sectors of an economy: a state that "hurt American workers and farmers" hurt their trade.
const ECONOMIC_SECTORS: &[&str] = &["LAB", "BUS", "AGR"];

/// Roles that use force: with none, a state harming an economy is no violence.
const FORCE_ROLES: &[&str] = &["MIL", "REB", "UAF", "COP", "CRM", "SPY", "INS"];

/// Violence verbs (18, 19) used of trade: "frappant des droits de douane sur …", "slapping
/// tariffs on …" impose a trade sanction (163); "les mesures tarifaires visaient à frapper
/// les exportateurs", "Beijing had hurt American workers, farmers and businesses" are no
/// violence at all.
fn economic_blows(doc: &Doc, cameo: &CameoTable, events: &mut Vec<EventMention>) {
    let an = &doc.analyses;
    if an.len() != doc.words.len() {
        return;
    }
    let lemma_in = |w: usize, list: &[&str]| {
        an.get(w)
            .is_some_and(|a| list.contains(&a.lemma.to_lowercase().as_str()))
    };
    // A word's dependents lie within its sentence: a window around it is enough (a long
    // document has many such events).
    let kids = |w: usize, rel: &'static str| {
        let lo = w.saturating_sub(40);
        (lo..(w + 40).min(an.len()))
            .filter(move |&k| an[k].head == Some(w as u32) && an[k].deprel.starts_with(rel))
    };
    let sanction = cameo.get("163");
    events.retain_mut(|e| {
        if !matches!(e.root.as_str(), "18" | "19") && e.cameo != "138" {
            return true;
        }
        let verbs: Vec<usize> = e
            .evidence
            .iter()
            .filter_map(|s| word_at(doc, s.start))
            .filter(|&w| an[w].upos == veille_core::Upos::Verb)
            .collect();
        // The measure as the verb's object (or a noun of its phrase right after it, which the
        // parse may hang elsewhere: "frappant tout récemment des droits de douane"): a
        // sanction imposed.
        let under = |k: usize, w: usize| {
            let mut at = Some(k);
            (0..8).any(|_| {
                at = at.and_then(|x| an[x].head).map(|h| h as usize);
                at == Some(w)
            })
        };
        if verbs.iter().any(|&w| {
            kids(w, "obj").any(|o| lemma_in(o, ECONOMIC_MEASURES))
                || (w + 1..(w + 6).min(an.len())).any(|k| {
                    an[k].upos == veille_core::Upos::Noun
                        && lemma_in(k, ECONOMIC_MEASURES)
                        && under(k, w)
                })
        }) {
            if let Some(code) = sanction {
                recode(e, code, "+trade_measure");
            }
            return true;
        }
        // The measure as its subject, or as the subject of the verb it completes.
        let measure_subject = verbs.iter().any(|&w| {
            let governor = an[w]
                .deprel
                .starts_with("xcomp")
                .then(|| an[w].head.map(|h| h as usize))
                .flatten();
            std::iter::once(w)
                .chain(governor)
                .any(|v| kids(v, "nsubj").any(|n| lemma_in(n, ECONOMIC_MEASURES)))
        });
        let economic_targets = e.target.as_ref().is_some_and(|t| {
            !t.roles.is_empty()
                && t.roles
                    .iter()
                    .all(|r| ECONOMIC_SECTORS.contains(&r.as_str()))
        }) && !e
            .source
            .roles
            .iter()
            .any(|r| FORCE_ROLES.contains(&r.as_str()));
        !(measure_subject || economic_targets)
    });
}

/// "refused to meet X": the parse codes what was refused (125, `+refused`), the word patterns
/// a plain rejection (120) of the same sentence by the same source, which then says nothing
/// more and is dropped.
fn specific_refusals_win(events: &mut Vec<EventMention>) {
    let specific: Vec<(Span, String)> = events
        .iter()
        .filter(|e| e.rule.ends_with("+refused"))
        .map(|e| (e.sentence, e.source.code.clone()))
        .collect();
    if specific.is_empty() {
        return;
    }
    events.retain(|e| {
        e.cameo != "120"
            || e.rule.ends_with("+refused")
            || !specific
                .iter()
                .any(|(s, src)| *s == e.sentence && *src == e.source.code)
    });
}

/// Whether a parse-coded record is a statement read as a demand ("said that X must …").
fn reported_demand(e: &EventMention) -> bool {
    e.rule.contains(crate::petrarch::REPORTED_DEMAND)
}

/// Adds the parse coder's records to the pattern coder's; a statement the parse shows to be
/// a demand ("Russia said that Sudan must return …") replaces the pattern coder's plain
/// statement of the same sentence by the same source (its code, or a prefix of it: `RUS`
/// for `RUSGOV`) that shares the demand's verb, date or place evidence.
/// Whether the parse coder's `e` names the country of the same source that the pattern
/// coder's `p` codes with a role alone, for the same kind of act: "President Laurent Gbagbo
/// announced …" is a statement by GOV for the pattern coder's role list and by CIVGOV for
/// the Phoenix dictionary, which knows the man. The record with the country wins, as does
/// one that names the role's organisation.
fn better_sourced(p: &EventMention, e: &EventMention) -> bool {
    p.source.country.is_none()
        && (e.source.country.is_some()
            // "Jan Gelfand, responsable de la Croix-Rouge": the organisation's code with the
            // role (NGOHLHIRCGOV) says more than the role alone (GOV).
            || (e.source.code.len() > p.source.code.len()
                && e.source.code.ends_with(&p.source.code)
                && e.target.as_ref().map(|t| &t.code) == p.target.as_ref().map(|t| &t.code)))
        && p.root == e.root
        && p.sentence == e.sentence
        && p.source.span.overlaps(e.source.span)
}

fn replace_statements_by_demands(events: &mut Vec<EventMention>, coded: Vec<EventMention>) {
    // The pattern coder's records that a better-sourced parse record replaces (the parse
    // record only came through because of that, see `parse_coded`).
    events.retain(|p| {
        !coded.iter().any(|e| {
            better_sourced(p, e)
                && e.evidence
                    .iter()
                    .filter(|s| !s.overlaps(e.source.span))
                    .any(|s| p.evidence.iter().any(|x| x.overlaps(*s)))
        })
    });
    // Any demand or appeal the parse reads on the statement's verb ("told the Council that
    // sanctions must continue") is what was said.
    let demands: Vec<&EventMention> = coded
        .iter()
        .filter(|e| reported_demand(e) || matches!(e.root.as_str(), "10" | "02"))
        .collect();
    events.retain(|e| {
        e.root != "01"
            || !demands.iter().any(|d| {
                let actor_span = |s: &Span| {
                    s.overlaps(d.source.span)
                        || d.target.as_ref().is_some_and(|t| s.overlaps(t.span))
                };
                e.sentence == d.sentence
                    && (d.source.code.starts_with(&e.source.code)
                        || e.source.code.starts_with(&d.source.code))
                    && d.evidence
                        .iter()
                        .filter(|s| !actor_span(s))
                        .any(|s| e.evidence.iter().any(|x| x.overlaps(*s)))
            })
    });
    events.extend(coded);
}

/// A meeting, consultation or negotiation (CAMEO 04x) the text does not place, between a
/// visitor and people of the country the same article has them visiting that day, happened
/// there: "X était au Maroc … Le ministre marocain a reçu X" is a meeting in Morocco. The
/// visit's place joins the evidence and the rule ends in `+visit_place`.
fn place_meetings_at_visits(dicts: &Dictionaries, events: &mut [EventMention]) {
    let visits: Vec<(String, String, Option<String>, veille_core::Place)> = events
        .iter()
        .filter(|e| e.cameo == "042")
        .filter_map(|e| {
            let host = e.target.as_ref()?.country.clone()?;
            let visitor = e.source.country.clone()?;
            let place = e.place.clone()?;
            // Only a visit placed in the host country itself (not a third-country venue).
            let iso2 = dicts.country(&host).map(|c| c.iso2.as_str());
            (place.country_code.is_none() || place.country_code.as_deref() == iso2).then_some((
                visitor,
                host,
                e.date.value.clone(),
                place,
            ))
        })
        .collect();
    for e in events.iter_mut() {
        if e.place.is_some() || e.root != "04" || e.cameo == "042" {
            continue;
        }
        let Some(t) = e.target.as_ref() else { continue };
        let (Some(a), Some(b)) = (e.source.country.as_deref(), t.country.as_deref()) else {
            continue;
        };
        let found = visits.iter().find(|(visitor, host, date, _)| {
            *date == e.date.value && ((visitor == a && host == b) || (visitor == b && host == a))
        });
        if let Some((_, _, _, place)) = found {
            e.evidence.push(place.span);
            e.evidence.sort();
            e.evidence.dedup();
            e.place = Some(place.clone());
            e.rule.push_str("+visit_place");
        }
    }
}

impl Coder {
    /// The parse-based coder with PETRARCH-format dictionaries (English: the shipped
    /// petrarch2 ones; French: veille's), for the verbs the pattern coder did not already code
    /// (its records, with coreference and role handling, win on a shared trigger). The shipped
    /// dictionaries are checked by tests, so a load failure can only come from an edited
    /// build; nothing is coded this way then.
    fn parse_coded(
        &self,
        doc: &Doc,
        pattern_events: &[EventMention],
        dicts: &crate::petrarch::PetrarchDicts,
        discards: &crate::petrarch::Discards,
        name: &str,
        triggers: &[crate::parsed::TriggerCode],
    ) -> Vec<EventMention> {
        let is_country = |c: &str| self.dicts.country(c).is_some();
        let coded: Vec<EventMention> = crate::parsed::code_parsed(
            doc,
            dicts,
            discards,
            &self.cameo,
            name,
            &is_country,
            triggers,
        )
        .into_iter()
        .filter(|(verb, e)| {
            // An act named by the object ("announced a suspension of air links")
            // says more than the pattern coder's statement on the same verb.
            let named_act = e.rule.contains(":nominal:") && e.root != "01";
            reported_demand(e)
                || !pattern_events.iter().any(|p| {
                    p.sentence.contains(*verb)
                        && p.evidence.iter().any(|s| s.overlaps(*verb))
                        && !(named_act && p.root == "01")
                        && !better_sourced(p, e)
                })
        })
        .map(|(_, e)| e)
        .collect();
        // "met his counterpart … to discuss security": an untargeted record of the same source
        // and kind as a targeted one of its sentence adds nothing.
        let targeted: Vec<(Span, String, String)> = pattern_events
            .iter()
            .chain(&coded)
            .filter(|e| e.target.is_some())
            .map(|e| (e.sentence, e.source.code.clone(), e.root.clone()))
            .collect();
        coded
            .into_iter()
            .filter(|e| {
                e.target.is_some()
                    || !targeted.iter().any(|(s, src, root)| {
                        *s == e.sentence && *src == e.source.code && *root == e.root
                    })
            })
            .collect()
    }
}

/// Markers of a fronted segment saying the same thing happened elsewhere ("Comme en Tunisie
/// mercredi, …"); "contrairement à"/"unlike" say the opposite and are not here.
const SAME_AS: &[&str] = &[
    "comme",
    "tout comme",
    "à l'instar",
    "à l’instar",
    "like",
    "just as",
    "as in",
    "as on",
];

impl Coder {
    /// "Comme en Tunisie mercredi 30 septembre, X a signé à Rabat un accord avec le ministre
    /// marocain": the fronted comparison reports the same act at another place and time. Each
    /// event of the main clause is copied there: placed at the comparison's country, dated by
    /// its time expression, and a target that was the host country becomes that country.
    fn comparison_copies(
        &self,
        doc: &Doc,
        sentence: Span,
        events: &[EventMention],
    ) -> Vec<EventMention> {
        let text = &doc.text;
        let Some(s) = text.get(sentence.range()) else {
            return Vec::new();
        };
        let lead = s.trim_start();
        let lower = lead.to_lowercase();
        if !SAME_AS.iter().any(|m| {
            lower.starts_with(m)
                && lower[m.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_alphanumeric())
        }) {
            return Vec::new();
        }
        let Some(comma) = s.find(',') else {
            return Vec::new();
        };
        let seg = Span::new(sentence.start as usize, sentence.start as usize + comma);
        let Some(place) = doc
            .places
            .iter()
            .find(|p| seg.contains(p.span) && p.country_code.is_some() && !p.metonym && !p.demonym)
        else {
            return Vec::new();
        };
        let Some(country) = place
            .country_code
            .as_deref()
            .and_then(|cc| self.dicts.countries.iter().find(|c| c.iso2 == cc))
        else {
            return Vec::new();
        };
        let when = doc.times.iter().find(|t| {
            seg.contains(t.span)
                && matches!(t.kind, veille_core::TimexType::Date)
                && t.value.len() >= 4
                && t.value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        });
        let mut out = Vec::new();
        for e in events {
            // Only acts of the main clause, after the comparison.
            if e.evidence.is_empty() || e.evidence.iter().any(|sp| sp.start < seg.end) {
                continue;
            }
            let host = e.place.as_ref().and_then(|p| p.country_code.clone());
            let mut c = e.clone();
            // The main clause's place is not evidence of the other occasion.
            if let Some(p) = &e.place {
                c.evidence.retain(|sp| *sp != p.span);
            }
            if let Some(t) = c.target.as_mut()
                && t.country.is_some()
                && host.as_deref().is_some_and(|h| {
                    self.dicts
                        .countries
                        .iter()
                        .any(|k| k.iso2 == h && Some(&k.iso3) == t.country.as_ref())
                })
            {
                let old = t.span;
                c.evidence.retain(|sp| *sp != old);
                t.country = Some(country.iso3.clone());
                t.code = country.iso3.clone();
                t.roles.clear();
                t.text = doc.span_text(place.span).to_string();
                t.span = place.span;
            }
            c.place = Some(place.clone());
            c.evidence.push(place.span);
            match when {
                Some(t) => {
                    c.date = veille_core::EventDate {
                        value: Some(t.value.clone()),
                        precision: crate::dating::precision(t).to_string(),
                        from: "text".to_string(),
                    };
                    c.evidence.push(t.span);
                }
                None => {
                    c.date = veille_core::EventDate {
                        value: None,
                        precision: "none".to_string(),
                        from: "none".to_string(),
                    };
                }
            }
            c.evidence.sort_by_key(|sp| sp.start);
            c.evidence.dedup();
            c.rule = format!("{}+comparison", e.rule);
            out.push(c);
        }
        out
    }
}

/// CAMEO codes whose two parties act together, so `A–B` and `B–A` are one fact.
fn symmetric(cameo: &str) -> bool {
    matches!(
        cameo,
        "040" | "041" | "044" | "046" | "057" | "060" | "061" | "062" | "063" | "064"
    )
}

/// One record per (source code, target code, CAMEO code, date) in an article, the dyad unordered
/// for symmetric codes (meet, negotiate, sign, cooperate). The first mention is kept, with the
/// evidence of the later ones added (sorted, without repeats).
pub fn dedup_in_article(events: Vec<EventMention>) -> Vec<EventMention> {
    let mut out: Vec<EventMention> = Vec::with_capacity(events.len());
    let mut seen: HashMap<(String, String, String, Option<String>), usize> = HashMap::new();
    for e in events {
        let a = e.source.code.clone();
        let b = e
            .target
            .as_ref()
            .map(|t| t.code.clone())
            .unwrap_or_default();
        let (a, b) = if symmetric(&e.cameo) && b < a {
            (b, a)
        } else {
            (a, b)
        };
        let key = (a, b, e.cameo.clone(), e.date.value.clone());
        match seen.get(&key) {
            Some(&i) => {
                let kept = &mut out[i];
                kept.evidence.extend(e.evidence);
                kept.evidence.sort();
                kept.evidence.dedup();
            }
            None => {
                seen.insert(key, out.len());
                out.push(e);
            }
        }
    }
    out
}

/// Roles whose country, when unknown, is that of the place where they act.
const DOMESTIC: &[&str] = &[
    "COP", "CVL", "OPP", "JUD", "LEG", "REB", "UAF", "REF", "HLH", "EDU", "LAB", "AGR", "BUS",
    "REL",
];

#[rustfmt::skip]
const NEG_PARTICLES: &[&str] = &[
    "pas", "plus", "jamais", "point", "guere", "aucun", "aucune", "rien", "nullement",
];
const NEG_EN: &[&str] = &["not", "n't", "never", "without", "no"];
#[rustfmt::skip]
const REFUSALS: &[&str] = &[
    "refuse", "refusent", "refusait", "refusaient", "refuser", "refuseront", "rejette", "refused",
    "refuses", "refusing", "declined", "declines", "failed", "fails",
];
#[rustfmt::skip]
const MODALS: &[&str] = &[
    // French
    "pourrait", "pourraient", "pourra", "pourront", "devrait", "devraient", "devra", "devront",
    "doit", "doivent", "va", "vont", "compte", "comptent", "envisage", "envisagent", "prevoit",
    "prevoient", "entend", "entendent", "souhaite", "souhaitent", "veut", "veulent", "voudrait",
    "voudraient", "propose", "proposent", "projette", "projettent", "apprete", "appretent", "pret",
    "prete", "prets", "pretes",
    // English
    "will", "'ll", "would", "'d", "could", "may", "might", "should", "shall", "plans", "plan",
    "planned", "intends", "intend", "intended", "expected", "expects", "hopes", "hope", "wants",
    "want", "wanted", "going", "set", "scheduled", "aims", "preparing", "prepares", "prepare", "preparent",
];
#[rustfmt::skip]
const PASSIVE_AUX: &[&str] = &[
    "ete", "was", "were", "been", "being", "is", "are", "be", "est", "sont", "fut", "furent",
    "sera", "seront", "etait", "etaient", "soit",
];
/// Skipped when looking back from a speech verb for the comma or quote of an inversion
/// ("», a-t-on répondu": the indefinite "on" names no speaker).
#[rustfmt::skip]
const AUX_ADV: &[&str] = &[
    "-t-on", "a", "ont", "avait", "avaient", "aurait", "auraient", "eut", "est", "sont", "has", "have",
    "had", "egalement", "aussi", "encore", "notamment", "ensuite", "alors", "deja", "ainsi",
    "enfin", "also", "then", "further", "later",
];

/// Units before `a`, nearest first, at most `n`, stopping at punctuation.
fn back(units: &[Unit], a: usize, n: usize) -> impl Iterator<Item = usize> + '_ {
    (a.saturating_sub(n)..a.min(units.len()))
        .rev()
        .take_while(|&i| !units[i].is_punct())
}

fn negated(units: &[Unit], tm: &TriggerMatch<'_>) -> bool {
    let a = tm.anchor();
    let key = |i: usize| units[i].key.as_str();
    if let Some(ne) = back(units, a, 5).find(|&i| matches!(key(i), "ne" | "n'")) {
        let mut hi = ne;
        while hi < units.len() && hi <= a + 2 && (hi <= a || !units[hi].is_punct()) {
            if NEG_PARTICLES.contains(&key(hi)) {
                return true;
            }
            hi += 1;
        }
    }
    back(units, a, 3).any(|i| NEG_EN.contains(&key(i)))
        || back(units, a, 2).any(|i| key(i) == "sans")
        || back(units, a, 5).any(|i| REFUSALS.contains(&key(i)))
}

/// Words that schedule an act ("doit reprendre", "is due to resume", "is scheduled to meet").
const SCHEDULING: &[&str] = &["doit", "doivent", "due", "scheduled"];

/// "doit reprendre ce vendredi" in Friday's paper: an act scheduled, by a time expression of
/// its own clause, for the article's own day is reported as happening that day, not as an
/// intention. A realised form of the trigger ("a repris") needs no such test; a later day, or
/// no date in the text, stays an intention.
fn scheduled_today(ctx: &Ctx<'_>, units: &[Unit], tm: &TriggerMatch<'_>) -> bool {
    let Some(article) = ctx.doc.date else {
        return false;
    };
    let a = tm.anchor();
    let clause_start = (0..a)
        .rev()
        .find(|&i| units[i].key == "." || units[i].key == ";")
        .map_or(0, |i| i + 1);
    if !(clause_start..a).any(|i| SCHEDULING.contains(&units[i].key.as_str())) {
        return false;
    }
    let trigger_start = units.get(a).map_or(ctx.sentence.start, |u| u.span.start) as usize;
    let (date, _) = crate::dating::event_date(ctx.doc, ctx.sentence, trigger_start);
    date.from == "text" && date.value.as_deref() == Some(article.to_string().as_str())
}

fn modal_before(units: &[Unit], a: usize) -> bool {
    back(units, a, 4).any(|i| MODALS.contains(&units[i].key.as_str()))
        || (a > 0 && units.get(a - 1).is_some_and(|u| u.key == "to") && !ongoing(units, a))
}

/// "continued to send", "began to withdraw", "ont continué à envoyer", "continuent
/// d'envoyer": an infinitive right after a verb of going on or starting is an act done, not
/// intended.
fn ongoing(units: &[Unit], a: usize) -> bool {
    a >= 2
        && units
            .get(a - 1)
            .is_some_and(|u| matches!(u.key.as_str(), "to" | "a" | "à" | "de" | "d'" | "d’"))
        && units
            .get(a - 2)
            .is_some_and(|u| ONGOING.iter().any(|v| u.key.starts_with(v)))
}

/// Stems of verbs of going on or starting, whose infinitive is an act done (and the nouns of
/// the means taken to do it).
const ONGOING: &[&str] = &[
    "continu",
    "began",
    "begin",
    "begun",
    "start",
    "resum",
    "kept",
    "keep",
    "commenc",
    "recommenc",
    "cess",
    // "has taken steps to enhance", "measures to ease": the means of an act done.
    "steps",
    "measures",
];

/// The index of the parsed word starting at byte `at` (the first word of a multiword token),
/// when the document has a parse.
fn word_at(doc: &Doc, at: u32) -> Option<usize> {
    if doc.analyses.len() != doc.words.len() {
        return None;
    }
    let i = doc.words.partition_point(|w| w.span.start < at);
    doc.words.get(i).filter(|w| w.span.start == at).map(|_| i)
}

/// Whether the noun at byte `at` heads a phrase of time or circumstance ("lors d'une
/// manifestation", "pendant le rassemblement", "during a protest", "at a rally").
fn circumstantial_noun(doc: &Doc, at: u32) -> bool {
    const CASES: &[&str] = &[
        "pendant",
        "durant",
        "après",
        "avant",
        "depuis",
        "during",
        "at",
        "amid",
        "after",
        "before",
        "since",
        "throughout",
    ];
    let Some(w) = word_at(doc, at) else {
        return false;
    };
    let lemma = |i: usize| doc.analyses[i].lemma.to_lowercase();
    // A preposition comes a few words before its noun: no need to read the whole document.
    let cased = (w.saturating_sub(8)..w).any(|k| {
        doc.analyses[k].head == Some(w as u32)
            && doc.analyses[k].deprel == "case"
            && CASES.contains(&lemma(k).as_str())
    });
    // "lors de", "au cours de": the locution's first word heads the noun.
    let locution = doc.analyses[w]
        .head
        .is_some_and(|h| matches!(lemma(h as usize).as_str(), "lors" | "cours"));
    cased || locution
}

/// Quotation marks as units.
const QUOTE_MARKS: &[&str] = &["«", "»", "\"", "“", "”", "'", "‘", "’"];

/// Words that open a reported clause after a speech verb.
const COMPLEMENTIZERS: &[&str] = &["que", "qu'", "that"];

/// `« … », a déclaré X` / `"…," said X`: the subject follows the verb.
fn inverted(units: &[Unit], a: usize) -> bool {
    let mut p = a.min(units.len());
    while p > 0 {
        p -= 1;
        let k = units[p].key.as_str();
        if AUX_ADV.contains(&k) {
            continue;
        }
        return matches!(k, "," | "»" | "\"" | "”" | "“" | "'");
    }
    false
}

/// The verb at `a` ends a reporting clause: after a comma or a quotation, before its subject
/// ("», a réagi Waters", "», ironise-t-il"), before a colon ("il a poursuivi : « … »"), or
/// with nothing after it in a sentence that quotes ("« … », he quipped.").
fn reporting_clause(units: &[Unit], a: usize) -> bool {
    let next = units.get(a + 1).map_or("", |u| u.key.as_str());
    if next == ":" || next.starts_with('-') {
        return true;
    }
    // Its subject, or nothing, follows ("», a réagi le ministre"; not "X, insisted on its
    // demands", where the comma closes an apposition).
    let subject_next = units.get(a + 1).is_none_or(|u| {
        u.cap
            || DETERMINERS_FR.contains(&u.key.as_str())
            || DETERMINERS_EN.contains(&u.key.as_str())
            || matches!(u.key.as_str(), "." | "," | "!" | "?")
    });
    let before = units[..a.min(units.len())]
        .iter()
        .rev()
        .find(|u| !AUX_ADV.contains(&u.key.as_str()) && !u.key.starts_with('-'));
    if subject_next
        && before.is_some_and(|u| matches!(u.key.as_str(), "," | "»" | "\"" | "”" | "“"))
    {
        return true;
    }
    let quoted = units[..a.min(units.len())]
        .iter()
        .any(|u| matches!(u.key.as_str(), "»" | "\"" | "”"));
    // "China, Branstad wrote in an opinion piece, « is now … »": the quotation resumes after
    // the clause.
    let resumes = units
        .get(a + 1..)
        .unwrap_or(&[])
        .windows(2)
        .take(11)
        .any(|w| w[0].key == "," && matches!(w[1].key.as_str(), "«" | "\"" | "“"));
    resumes || quoted && matches!(next, "" | "." | "," | "!" | "?")
}

/// Determiners: a verb pattern's word right after one is a noun ("la menace", "an attack").
#[rustfmt::skip]
const DETERMINERS_FR: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces",
    "sa", "son", "ses", "leur", "leurs", "notre", "nos", "votre", "vos",
];
#[rustfmt::skip]
const DETERMINERS_EN: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our",
];

/// Whether the noun at `a` is in what "fin à" / "end to" ends, within the eight words before it
/// and the same clause.
fn ended_noun(units: &[Unit], a: usize) -> bool {
    let from = a.saturating_sub(8);
    (from..a)
        .rev()
        .take_while(|&k| !units[k].is_hard_break())
        .any(|k| {
            let next = units.get(k + 1).map(|u| u.key.as_str());
            (units[k].key == "fin" && matches!(next, Some("a" | "à" | "au" | "aux")))
                || (units[k].key == "end" && next == Some("to"))
        })
}

fn noun_use(units: &[Unit], a: usize, lang: Lang) -> bool {
    let dets = match lang {
        Lang::Fr => DETERMINERS_FR,
        Lang::En => DETERMINERS_EN,
    };
    a > 0
        && units
            .get(a - 1)
            .is_some_and(|u| dets.contains(&u.key.as_str()))
}

/// "the atomic bomb", "les premières rencontres": a determiner, then adjectives or numbers
/// the tagger reads as such, then the word, which it reads as a noun.
fn modified_noun(doc: &Doc, units: &[Unit], a: usize, lang: Lang) -> bool {
    let dets = match lang {
        Lang::Fr => DETERMINERS_FR,
        Lang::En => DETERMINERS_EN,
    };
    let upos = |k: usize| {
        units
            .get(k)
            .and_then(|u| word_at(doc, u.span.start))
            .and_then(|w| doc.analyses.get(w))
            .map(|x| x.upos)
    };
    if upos(a) != Some(veille_core::Upos::Noun) {
        return false;
    }
    let mut k = a;
    for _ in 0..2 {
        if k == 0 {
            return false;
        }
        k -= 1;
        if dets.contains(&units[k].key.as_str()) {
            return k + 1 < a;
        }
        if !matches!(
            upos(k),
            Some(veille_core::Upos::Adj | veille_core::Upos::Num)
        ) {
            return false;
        }
    }
    k > 0 && dets.contains(&units[k - 1].key.as_str())
}

/// "… et a menacé", "… and threatened": the verb shares the previous verb's subject.
fn coordinated_verb(units: &[Unit], a: usize) -> bool {
    let mut p = a.min(units.len());
    while p > 0 {
        p -= 1;
        let k = units[p].key.as_str();
        if AUX_ADV.contains(&k) {
            continue;
        }
        return matches!(k, "et" | "and");
    }
    false
}

fn is_passive(units: &[Unit], a: usize) -> bool {
    let Some(u) = units.get(a) else { return false };
    if u.key.ends_with("ing") {
        return false;
    }
    // A participle set off by a comma is a reduced passive clause: "le Nigeria, accusé par
    // des armateurs de …", "the minister, accused by the opposition of …".
    let participle = ["é", "ée", "és", "ées", "ed"]
        .iter()
        .any(|e| u.lower.ends_with(e));
    let after_comma = a > 0 && units[a - 1].key == ",";
    (participle && after_comma)
        || back(units, a, 3).any(|i| PASSIVE_AUX.contains(&units[i].key.as_str()))
}

/// Everything one sentence needs while its triggers are coded.
struct Ctx<'a> {
    /// The source of the sentence's latest event: the subject of a coordinated verb
    /// ("X a accusé Y et menacé Z").
    prev_source: std::cell::Cell<Option<usize>>,
    doc: &'a Doc,
    units: &'a [Unit],
    ms: &'a [Mention],
    res: &'a [Option<Resolved>],
    sentence: Span,
}

impl Ctx<'_> {
    /// The coordination chain holding mention `j`, in text order.
    fn group(&self, j: usize) -> Vec<usize> {
        let mut head = j;
        while let Some(p) = self.ms.get(head).and_then(|m| m.coord_prev) {
            head = p;
        }
        let mut g = vec![head];
        let mut k = head + 1;
        while k < self.ms.len() && self.ms[k].coord_prev == Some(k - 1) {
            g.push(k);
            k += 1;
        }
        g
    }

    fn text(&self, span: Span) -> String {
        self.doc.text.get(span.range()).unwrap_or("").to_string()
    }
}

/// The gazetteer's place at `span`, when it is a place in its own right (not a capital
/// standing for its government, not a demonym).
fn gazetteer_place(doc: &veille_core::Doc, span: Span) -> Option<&veille_core::Place> {
    doc.places
        .iter()
        .find(|p| p.span.overlaps(span) && !p.metonym && !p.demonym)
}

fn actor_code(iso3: Option<&str>, roles: &[String]) -> String {
    let code = format!("{}{}", iso3.unwrap_or(""), roles.concat());
    if code.is_empty() {
        "---".to_string()
    } else {
        code
    }
}

/// Prepositions that govern a place name.
const PLACE_PREPOSITIONS: &[&str] = &[
    "à", "en", "dans", "de", "d'", "d’", "près", "vers", "in", "at", "of", "near", "from",
];
/// Articles between a preposition and a place ("dans la Somme", "in the Bronx").
const ARTICLES: &[&str] = &["le", "la", "les", "l'", "the"];

/// Words allowed between a role and the place that completes it: the preposition and
/// generic words for an administrative unit ("du district de", "de la région de", "of the
/// city of"), folded, elided articles without their apostrophe.
const ROLE_PLACE_LINKS: &[&str] = &[
    "de",
    "d",
    "du",
    "des",
    "la",
    "l",
    "le",
    "les",
    "of",
    "the",
    "district",
    "region",
    "province",
    "etat",
    "ville",
    "city",
    "state",
    "county",
    "comte",
    "departement",
    "prefecture",
    "gouvernorat",
    "wilaya",
    "canton",
    "commune",
    "municipalite",
];

impl Coder {
    /// The country of a place that completes the role phrase at `role` ("le gouverneur du
    /// Texas", "the mayor of Kharkiv"): the gazetteer's place starting right after it,
    /// linked by "de"/"of" and administrative words only. Metonyms and demonyms do not count.
    fn complement_place_country(&self, ctx: &Ctx<'_>, role: Span) -> Option<(u16, Span)> {
        let place = ctx.doc.places.iter().find(|p| {
            p.span.start >= role.end
                && p.span.start <= role.end + 40
                && !p.metonym
                && !p.demonym
                && p.country_code.is_some()
        })?;
        let gap = ctx
            .doc
            .text
            .get(role.end as usize..place.span.start as usize)?;
        let words: Vec<String> = gap
            .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
            .filter(|w| !w.is_empty())
            .map(crate::text::fold)
            .collect();
        let linked = words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "de" | "d" | "du" | "des" | "of"))
            && words.iter().all(|w| ROLE_PLACE_LINKS.contains(&w.as_str()));
        if !linked {
            return None;
        }
        let c = self.country_of_iso2(place.country_code.as_deref()?)?;
        Some((c, place.span))
    }

    /// "the Baton Rouge police", "Ohio state officials": a role whose own phrase begins with
    /// a place (a town or division the gazetteer knows, not a metonym or a demonym) belongs
    /// to that place's country. English puts the place right before the role noun, in the
    /// role's phrase or just outside the words the role matched.
    fn modifier_place_country(&self, ctx: &Ctx<'_>, role: Span) -> Option<(u16, Span)> {
        if ctx.doc.lang != Some(Lang::En) {
            return None;
        }
        let text = &ctx.doc.text;
        let before_role = |p: &veille_core::Place| {
            p.span.end <= role.start
                && text
                    .get(p.span.end as usize..role.start as usize)
                    .is_some_and(|gap| gap.len() <= 1 && gap.trim().is_empty())
        };
        let place = ctx.doc.places.iter().find(|p| {
            (before_role(p) || (p.span.start >= role.start && p.span.end < role.end))
                && !p.metonym
                && !p.demonym
                && p.country_code.is_some()
        })?;
        let c = self.country_of_iso2(place.country_code.as_deref()?)?;
        Some((c, place.span))
    }

    /// The country where the sentence places its event, for an actor with a role and no
    /// country: the first place after unit `a`, else the last before it. Places are the
    /// countries and capitals of the mentions, the places a role is located at ("notre
    /// correspondant à Dakar"), and the gazetteer's places of the sentence ("la police de
    /// Baton Rouge", "Police in Baton Rouge"), metonyms and demonyms aside.
    fn place_country(&self, ctx: &Ctx<'_>, a: usize) -> Option<(u16, Span)> {
        let mut places: Vec<(usize, u16, Span)> = ctx
            .ms
            .iter()
            .filter_map(|m| {
                if m.place && matches!(m.kind, MKind::Country | MKind::Capital { .. }) {
                    Some((m.start, m.country?, m.span))
                } else {
                    m.located.map(|(c, span)| (m.start, c, span))
                }
            })
            .collect();
        for p in &ctx.doc.places {
            if p.metonym || p.demonym || !ctx.sentence.contains(p.span) {
                continue;
            }
            // A place inside an actor mention ("Washington" as a metonym, "l'armée du
            // Mali") is that mention's business.
            if ctx.ms.iter().any(|m| m.span.overlaps(p.span)) {
                continue;
            }
            let Some(c) = p
                .country_code
                .as_deref()
                .and_then(|cc| self.country_of_iso2(cc))
            else {
                continue;
            };
            let unit = ctx.units.partition_point(|u| u.span.start < p.span.start);
            // Only a place governed by a preposition ("à Palu", "de Baton Rouge", "in
            // Radstock"): a bare name may be an institution the gazetteer reads as a town
            // ("la Maison Blanche a démenti").
            let governed = unit > 0
                && ctx.units.get(unit - 1).is_some_and(|u| {
                    PLACE_PREPOSITIONS.contains(&u.prep_form())
                        || (unit > 1
                            && ARTICLES.contains(&u.key.as_str())
                            && PLACE_PREPOSITIONS.contains(&ctx.units[unit - 2].prep_form()))
                });
            if !governed {
                continue;
            }
            places.push((unit, c, p.span));
        }
        places.sort_by_key(|p| p.0);
        let (before, after): (Vec<_>, Vec<_>) = places.into_iter().partition(|p| p.0 < a);
        after
            .first()
            .or(before.last())
            .map(|&(_, c, span)| (c, span))
    }

    fn country_of_iso2(&self, cc: &str) -> Option<u16> {
        self.dicts
            .countries
            .iter()
            .position(|c| c.iso2.eq_ignore_ascii_case(cc))
            .map(|i| i as u16)
    }

    fn iso3(&self, c: Option<u16>) -> Option<String> {
        c.and_then(|i| self.dicts.countries.get(i as usize))
            .map(|c| c.iso3.clone())
    }

    fn actor(&self, ctx: &Ctx<'_>, span: Span, country: Option<u16>, roles: Vec<String>) -> Actor {
        let iso3 = self.iso3(country);
        Actor {
            text: ctx.text(span),
            span,
            code: actor_code(iso3.as_deref(), &roles),
            country: iso3,
            roles,
        }
    }

    /// A place phrase of the trigger's clause that points back at the source's own country
    /// ("sur son sol", "on its territory"), and a mention of that country in the article to
    /// stand for it: (the country's place, the phrase's span).
    fn own_soil(
        &self,
        ctx: &Ctx<'_>,
        iso3: &str,
        trigger: usize,
    ) -> Option<(veille_core::Place, Span)> {
        const OWN_SOIL: &[&str] = &[
            "sur son sol",
            "sur son territoire",
            "sur leur sol",
            "sur leur territoire",
            "sur le sol national",
            "on its soil",
            "on its territory",
            "on its own soil",
            "on its own territory",
            "on their soil",
            "on home soil",
        ];
        let text = ctx.doc.text.as_str();
        let seg = crate::dating::segment(text, ctx.sentence, trigger);
        let clause = text.get(seg.range())?;
        let lower = clause.to_lowercase();
        let (at, phrase) = OWN_SOIL
            .iter()
            .find_map(|p| lower.find(p).map(|i| (i, *p)))?;
        // Lowercasing may shift byte offsets in other scripts; only trust an ASCII-stable prefix.
        if lower.len() != clause.len() {
            return None;
        }
        let iso2 = self.dicts.country(iso3)?.iso2.as_str();
        let place = ctx.doc.places.iter().find(|p| {
            p.country_code.as_deref() == Some(iso2)
                && p.feature.as_deref().is_some_and(|f| f.starts_with("PCL"))
                && !p.metonym
                && !p.demonym
        })?;
        let start = seg.start as usize + at;
        Some((place.clone(), Span::new(start, start + phrase.len())))
    }

    fn code_sentence(
        &self,
        doc: &Doc,
        sent: &Sentence,
        langs: Langs,
        state: &mut DocState,
        events: &mut Vec<EventMention>,
    ) {
        let units = sentence_units(doc, sent);
        let scanner = Scanner {
            units: &units,
            dict: &self.dicts,
            langs,
        };
        let mut ms = scanner.scan(&mut state.registry);
        // Without a named-entity stage every capitalised name may be a person's.
        let ner = !doc.entities.is_empty();
        let is_person = |span: Span| {
            !ner || doc
                .entities
                .iter()
                .any(|e| e.label == veille_core::EntityLabel::PER && e.span.overlaps(span))
        };
        scanner.demonym_then_name(&mut ms, &mut state.registry, &is_person);

        // A new name opening the sentence after a "role + country" subject is that person:
        // "Le ministre malien … . Jean Dupont a ensuite …".
        if state.prev_subject_role_country
            && !state.prev_had_person
            && let (Some(first), Some(subj)) = (ms.first_mut(), state.subject.as_ref())
            && first.kind == MKind::Person
            && first.prep.is_none()
            && first.country.is_none()
            && first.roles.is_empty()
            && first.end - first.start >= 2
        {
            first.country = subj.country;
            first.roles = subj.roles.clone();
            if let Some(key) = &first.person_key {
                state.registry.bind(
                    key,
                    Binding {
                        country: subj.country,
                        roles: subj.roles.clone(),
                    },
                );
            }
        }

        // "to win government grants", "a police car": in English a bare role noun that
        // modifies the noun after it (the parse's `compound`) qualifies a thing, no actor.
        if doc.lang == Some(Lang::En) {
            for m in ms.iter_mut() {
                // (Lowercase: a capitalised one opens a headline, "Police arrest suspect".)
                let bare = m.kind == MKind::Role
                    && m.country.is_none()
                    && m.end == m.start + 1
                    && !units[m.start].cap;
                let compound = bare
                    && word_at(doc, m.span.start).is_some_and(|w| {
                        let a = &doc.analyses[w];
                        a.deprel == "compound"
                            && a.head
                                .and_then(|h| doc.analyses.get(h as usize))
                                .is_some_and(|h| matches!(h.upos, veille_core::Upos::Noun))
                    });
                if compound {
                    m.inert = true;
                }
            }
        }
        let in_quote = quoted_units(&units);
        let quoted: Vec<bool> = ms
            .iter()
            .map(|m| in_quote.get(m.start).copied().unwrap_or(false))
            .collect();
        let res = resolve(&ms, &quoted, state);
        let ctx = Ctx {
            prev_source: std::cell::Cell::new(None),
            doc,
            units: &units,
            ms: &ms,
            res: &res,
            sentence: sent.span,
        };
        let mut first_source = None;
        for tm in self.patterns.find(&units, langs) {
            // Only acts the pattern reads from the verb alone: a statement is the weakest
            // reading of a verb, and a pattern that needs a person as its target ("welcomed
            // the president" as hosting, not "welcomed the statement") cannot vouch for a
            // reading its own coder declined. A statement read from the verb and its "that"
            // ("argued that …": a claim, where the dictionaries' "argue" is a dispute) can.
            let statement_with_clause =
                tm.pattern.cameo.starts_with("01") && tm.pattern.trigger.contains(' ');
            if !tm.pattern.flags.noun
                && !tm.pattern.flags.person
                && (!tm.pattern.cameo.starts_with("01") || statement_with_clause)
                && let Some(u) = units.get(tm.anchor())
            {
                state.triggers.push(crate::parsed::TriggerCode {
                    span: u.span,
                    cameo: tm.pattern.cameo.clone(),
                    id: tm.pattern.id.clone(),
                });
            }
            if let Some(s) = self.code_match(&ctx, &tm, events) {
                first_source.get_or_insert(s);
            }
        }

        let subject_like = |j: usize| {
            res[j].is_some()
                && !ms[j].place
                && !ms[j].inert
                && ms[j].prep.is_none()
                && ms[j].kind != MKind::Adjective
        };
        // A mention inside a quotation belongs to the quoted speech ("« Il a tout emporté »,
        // a expliqué X"): the next sentence's "il" or "he" stands for the one who spoke.
        let subject = first_source
            .or_else(|| (0..ms.len()).find(|&j| subject_like(j) && !quoted[j]))
            .or_else(|| (0..ms.len()).find(|&j| subject_like(j)));
        state.prev_subject_role_country = subject.is_some_and(|j| {
            ms[j].kind == MKind::Role && ms[j].country.is_some() && !ms[j].roles.is_empty()
        });
        state.prev_had_person = ms.iter().any(|m| m.person_key.is_some());
        if let Some(j) = subject {
            state.subject = res[j].clone();
            state.subject_person_like = person_like(ms[j].kind);
        }
        if let Some(j) = (0..ms.len())
            .rev()
            .find(|&j| res[j].is_some() && !ms[j].place && !ms[j].inert)
        {
            state.last_actor = res[j].clone();
        }
    }

    /// Codes one trigger match; returns the mention index of the source when an event was made.
    fn code_match(
        &self,
        ctx: &Ctx<'_>,
        tm: &TriggerMatch<'_>,
        events: &mut Vec<EventMention>,
    ) -> Option<usize> {
        let p = tm.pattern;
        let (units, ms, res) = (ctx.units, ctx.ms, ctx.res);
        if negated(units, tm)
            || (!p.flags.noun
                && (noun_use(units, tm.anchor(), p.lang)
                    || modified_noun(ctx.doc, units, tm.anchor(), p.lang)))
        {
            return None;
        }
        if p.flags.incise && !reporting_clause(units, tm.last()) {
            return None;
        }
        // "mettant fin à toute considération de sanctions contre X", "put an end to the
        // talks with X": an act named by a noun that something ends is not happening.
        if p.flags.noun && ended_noun(units, tm.anchor()) {
            return None;
        }
        // "une province qui s'appelle Macédoine", "en s'assurant que": French verbs whose
        // reflexive is another verb (being named, making sure).
        if p.lang == Lang::Fr
            && tm.anchor() > 0
            && matches!(units[tm.anchor() - 1].key.as_str(), "s'" | "se")
            && ["appel", "assur"]
                .iter()
                .any(|stem| units[tm.anchor()].key.starts_with(stem))
        {
            return None;
        }
        // "faire appel à la Marine": resorting to something is no appeal to anyone.
        if p.lang == Lang::Fr
            && units[tm.anchor()].key == "appel"
            && back(units, tm.anchor(), 2).any(|i| {
                let k = units[i].key.as_str();
                k.starts_with("fai") || k.starts_with("fer") || k == "font"
            })
        {
            return None;
        }
        let word = word_at(ctx.doc, units[tm.anchor()].span.start);
        // "a flurry of campaign rallies": a candidate's rally is no protest.
        if p.cameo.starts_with("14")
            && tm.anchor() > 0
            && matches!(
                units[tm.anchor() - 1].key.as_str(),
                "campaign" | "election" | "electoral" | "pre-election" | "re-election"
            )
        {
            return None;
        }
        // "Trump's campaign said these five rallies …": rallies a campaign holds. So are a
        // governing politician's own ("the president's Wheeling, West Virginia rally").
        let officials_own = || {
            (0..ms.len()).any(|j| {
                ms[j].end < tm.anchor()
                    && tm.anchor() - ms[j].end <= 6
                    && units
                        .get(ms[j].end)
                        .is_some_and(|u| matches!(u.key.as_str(), "'s" | "’s"))
                    && res[j]
                        .as_ref()
                        .is_some_and(|r| r.roles.iter().any(|x| x == "GOV"))
            })
        };
        if p.cameo.starts_with("14")
            && matches!(units[tm.anchor()].key.as_str(), "rally" | "rallies")
            && (back(units, tm.anchor(), 6).any(|i| units[i].key == "campaign") || officials_own())
        {
            return None;
        }
        // "a déclaré l'indépendance", "declared a state of emergency": declaring an act is
        // no statement.
        if p.flags.speech
            && p.cameo == "010"
            && word.is_some_and(|w| {
                // The object follows its verb: a few words after it are enough to look at.
                let after = ctx.doc.analyses.get(w + 1..).unwrap_or(&[]);
                after.iter().take(12).any(|a| {
                    a.head == Some(w as u32)
                        && a.deprel == "obj"
                        && crate::parsed::DECLARED_ACTS.contains(&a.lemma.to_lowercase().as_str())
                })
            })
        {
            return None;
        }
        // "added 500 troops", "a ajouté une clause": adding something is no statement; only
        // adding words ("added that …", "he added:", "a-t-il ajouté") is.
        if p.flags.speech
            && (units[tm.anchor()].key.starts_with("add")
                || units[tm.anchor()].key.starts_with("ajout"))
            && word.is_some_and(|w| {
                // The object follows its verb: a few words after it are enough to look at.
                let after = ctx.doc.analyses.get(w + 1..).unwrap_or(&[]);
                after.iter().take(12).any(|a| {
                    a.head == Some(w as u32)
                        && a.deprel == "obj"
                        && matches!(a.upos, veille_core::Upos::Noun | veille_core::Upos::Num)
                })
            })
        {
            return None;
        }
        // "were engaged in fighting in X": a trigger on "be" needs "be" as the verb ("were
        // in X"), not as the auxiliary of another.
        if word.is_some_and(|w| {
            let a = &ctx.doc.analyses[w];
            a.lemma.eq_ignore_ascii_case("be") && a.deprel.starts_with("aux")
        }) {
            return None;
        }
        // "If Kenya attacks Uganda, …": a condition is not an event.
        if word.is_some_and(|w| {
            crate::parsed::conditional_word(ctx.doc, w)
                || crate::parsed::demanded_word(ctx.doc, w)
                || crate::parsed::question_or_anonymity(ctx.doc, w)
                || crate::parsed::hearsay(ctx.doc, w)
        }) {
            return None;
        }
        // "Le Kenya a condamné l'attaque": the one who condemns is not the attacker. The
        // event keeps a source of its own ("l'attaque des rebelles", "the Israeli strike").
        let stance_subject: Vec<Span> = if p.flags.noun {
            word.map(|w| crate::parsed::stance_subjects(ctx.doc, w))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let refused = word.is_some_and(|w| crate::parsed::refused_word(ctx.doc, w));
        let intent = !refused
            && (tm.intent_form && !ongoing(units, tm.anchor())
                || modal_before(units, tm.anchor())
                || word.is_some_and(|w| crate::parsed::intended_word(ctx.doc, w)))
            && !scheduled_today(ctx, units, tm);
        let cameo_code = if refused {
            crate::parsed::refusal_code(&p.cameo)?
        } else if intent {
            p.intent.as_deref()?
        } else {
            p.cameo.as_str()
        };
        let cameo = self.cameo.get(cameo_code)?;
        let mut tags: Vec<&str> = Vec::new();
        if refused {
            tags.push("refused");
        }
        if intent {
            tags.push("intent");
        }
        let (a, last) = (tm.anchor(), tm.last());
        let clause_start = (0..a)
            .rev()
            .find(|&i| units[i].is_hard_break())
            .map_or(0, |i| i + 1);
        let clause_end = (last + 1..units.len())
            .find(|&i| units[i].is_hard_break())
            .unwrap_or(units.len());
        // A pattern's last word after a gap is the noun its verb acts on ("expelled two
        // Kenyan diplomats"): an actor phrase ending in it is the target, not the trigger.
        let object_noun = match tm.units.as_slice() {
            [.., before, last] if *last > before + 1 => Some(*last),
            _ => None,
        };
        let usable = |j: usize| {
            let trigger_overlap = match object_noun {
                // A bare role word right before the object noun qualifies it ("joint
                // military exercises"): no actor. ("l'attaque des rebelles contre": a
                // phrase with its preposition is one.)
                Some(o)
                    if ms[j].start > a
                        && ms[j].end == o
                        && ms[j].prep.is_none()
                        && ms[j].kind == MKind::Role
                        && ms[j].country.is_none() =>
                {
                    true
                }
                Some(o) if ms[j].start <= o && ms[j].start > tm.units[tm.units.len() - 2] => {
                    ms[j].overlaps_units(&tm.units[..tm.units.len() - 1])
                }
                _ => ms[j].overlaps_units(&tm.units),
            };
            res[j].is_some() && !ms[j].inert && !trigger_overlap
        };
        let subject_like = |j: usize| {
            usable(j) && !ms[j].place && ms[j].prep.is_none() && ms[j].kind != MKind::Adjective
        };
        let in_clause_after =
            |j: usize, from: usize| ms[j].start > from && ms[j].start < clause_end;
        // "s'est engagée à démanteler le site si les États-Unis …", "will attack unless
        // Ruritania …": an adverbial clause after the trigger has actors of its own, never the
        // trigger's target.
        // So does a participle clause after a comma ("ses attaques contre ses plans,
        // affirmant que la Grande-Bretagne …", "…, saying Britain …"): what it names is what
        // its speaker said, not whom the trigger acts on.
        let participle_after_comma = |i: usize| {
            units[i].key == ","
                && units.get(i + 1).is_some_and(|u| {
                    word_at(ctx.doc, u.span.start).is_some_and(|w| {
                        let a = &ctx.doc.analyses[w];
                        a.upos == veille_core::Upos::Verb
                            && (a.feats.get("VerbForm") == Some("Ger")
                                || a.feats.get("VerbForm") == Some("Part")
                                    && a.feats.get("Tense") == Some("Pres"))
                    })
                })
        };
        // ", but nationalist opponents argue …", ", mais les opposants …": a contrasting
        // clause has a subject and objects of its own.
        let contrast_after_comma = |i: usize| {
            units[i].key == ","
                && units
                    .get(i + 1)
                    .is_some_and(|u| matches!(u.key.as_str(), "but" | "mais" | "yet"))
        };
        let target_end = (last + 1..clause_end)
            .find(|&i| {
                ADVERBIAL_MARKS.contains(&units[i].key.as_str())
                    || participle_after_comma(i)
                    || contrast_after_comma(i)
            })
            .unwrap_or(clause_end);
        let relative_end = word.and_then(|w| crate::parsed::relative_clause_end(ctx.doc, w));
        let in_target_clause = |j: usize, from: usize| {
            in_clause_after(j, from)
                && ms[j].start < target_end
                && relative_end.is_none_or(|e| ms[j].span.start < e)
        };

        let mut src: Option<usize> = None;
        let mut tgts: Vec<usize> = Vec::new();
        let mut tgt_fixed = false;
        // "», a affirmé le ministre": the speaker follows the verb. After a comma the verb
        // may also end an incise on its own subject ("Le ministre, Walid Haddad, a affirmé
        // que …"): a complement clause ("que", "that") before any speaker, or no speaker
        // after the verb, means the subject is before it.
        // The parse can tell the two apart: its subject before the verb with no quotation
        // mark in between is the speaker ("Mr. Sutopo, the agency spokesman, said officials
        // were …").
        let after_comma = p.flags.speech && inverted(units, a);
        let parsed = word
            .filter(|_| after_comma)
            .and_then(|w| crate::parsed::parsed_subject(ctx.doc, w, ctx.sentence));
        let verb_start = units[a].span.start;
        // "« … », a-t-on répondu": the indefinite "on" speaks, and it is nobody the coder
        // could name; the nearest actor before it is in the quotation.
        if p.flags.speech
            && let Some(Some(subj)) =
                word.and_then(|w| crate::parsed::parsed_subject(ctx.doc, w, ctx.sentence))
            && matches!(
                crate::text::fold(ctx.doc.span_text(subj)).as_str(),
                "on" | "-on" | "-t-on"
            )
        {
            return None;
        }
        let quote_between = |from: u32, to: u32| {
            units.iter().any(|u| {
                u.span.start >= from && u.span.end <= to && QUOTE_MARKS.contains(&u.key.as_str())
            })
        };
        let parsed_before = matches!(parsed, Some(Some(subj))
            if subj.end <= verb_start && !quote_between(subj.end, verb_start));
        // "Le ministre, confiant, a poursuivi sa tournée": a subject of its own before the verb
        // after a comma makes no reporting clause.
        let clitic_next = units.get(last + 1).is_some_and(|u| u.key.starts_with('-'));
        if p.flags.incise && parsed_before && !clitic_next {
            return None;
        }
        let inverted_verb = after_comma && !parsed_before;
        let inverted_speaker = inverted_verb
            .then(|| {
                (0..ms.len()).find(|&j| {
                    in_clause_after(j, last)
                        && usable(j)
                        && !ms[j].place
                        && ms[j].prep.is_none()
                        && ms[j].kind != MKind::Adjective
                })
            })
            .flatten()
            // Not past a complement clause, nor past a comma or a quotation mark: "a affirmé
            // Sanders, mais « si … le président … »" has a speaker no dictionary knows.
            .filter(|&j| {
                !(last + 1..ms[j].start).any(|q| {
                    units.get(q).is_some_and(|u| {
                        COMPLEMENTIZERS.contains(&u.key.as_str())
                            || QUOTE_MARKS.contains(&u.key.as_str())
                            || matches!(u.key.as_str(), "," | ";" | ":")
                    })
                })
            });
        // "plenty to be encouraged by", "Kenya was urged to …": a verb pattern with no passive
        // reading, used in the passive, would make its patient the actor.
        if !p.flags.passive
            && !p.flags.noun
            && !p.flags.speech
            && inverted_speaker.is_none()
            && units[a].key.ends_with("ed")
            && back(units, a, 1).any(|i| {
                matches!(
                    units[i].key.as_str(),
                    "be" | "been" | "being" | "was" | "were" | "is" | "are"
                )
            })
        {
            return None;
        }
        if p.flags.attribution {
            // "Selon Waters, …": the person the preposition governs, whom an earlier sentence
            // has named ("la députée Maxine Waters").
            src = Some((0..ms.len()).find(|&j| {
                ms[j].prep_at == Some(last)
                    && ms[j].kind == MKind::Person
                    && usable(j)
                    && res[j].as_ref().is_some_and(|r| !r.unknown)
            })?);
            tgt_fixed = true;
            tags.push("attribution");
        } else if let Some(j) = inverted_speaker {
            src = Some(j);
            tags.push("inverted");
        } else if p.flags.passive && is_passive(units, a) {
            let agent = (0..ms.len()).find(|&j| {
                in_clause_after(j, last)
                    && usable(j)
                    && matches!(ms[j].prep.as_deref(), Some("par" | "by"))
            })?;
            src = Some(agent);
            if let Some(t) = (0..ms.len())
                .rev()
                .find(|&j| ms[j].end <= a && ms[j].start >= clause_start && subject_like(j))
            {
                tgts = ctx.group(t).into_iter().filter(|&j| usable(j)).collect();
            }
            tgt_fixed = true;
            tags.push("passive");
        } else {
            if p.flags.noun {
                // The noun's own argument: "la visite du président", "le dialogue soudanais".
                let next = [a + 1, last + 1];
                src = (0..ms.len()).find(|&j| {
                    usable(j)
                        && ((ms[j].kind == MKind::Adjective && next.contains(&ms[j].start))
                            // English puts the demonym first: "Palestinian riots against …".
                            || (p.lang == Lang::En
                                && ms[j].kind == MKind::Adjective
                                && ms[j].end == a)
                            || (ms[j].prep_at.is_some_and(|q| next.contains(&q))
                                && matches!(
                                    ms[j].prep.as_deref(),
                                    Some("de" | "d'" | "of" | "by")
                                )))
                });
            }
            // "les troupes ont ouvert le feu lors d'une manifestation": a protest named by a
            // noun in a phrase of time or circumstance, with no argument of its own, is the
            // clause subject's only when that subject could protest ("youths threw stones
            // during demonstrations"); soldiers and police there act against it.
            let circumstantial = p.flags.noun
                && src.is_none()
                && p.cameo.starts_with("14")
                && circumstantial_noun(ctx.doc, units[a].span.start);
            if src.is_none() && coordinated_verb(units, a) {
                src = ctx.prev_source.get();
            }
            // "he praised President X and said …": a verb coordinated with one that has
            // its subject shares it; the object of the first verb, nearer, is not the
            // speaker. A subject no mention covers (someone unknown) gives no source.
            if src.is_none()
                && !p.flags.noun
                && let Some(subj) = word.and_then(|w| crate::parsed::conj_subject(ctx.doc, w))
            {
                src = Some((0..ms.len()).find(|&j| ms[j].span.overlaps(subj) && usable(j))?);
            }
            // "He left Pyongyang saying …": a participle adjunct's speaker is the subject of
            // the verb it hangs on, the object between them is not.
            if src.is_none()
                && !p.flags.noun
                && let Some(subj) =
                    word.and_then(|w| crate::parsed::controller_subject(ctx.doc, w, ctx.sentence))
            {
                src = Some((0..ms.len()).find(|&j| ms[j].span.overlaps(subj) && usable(j))?);
            }
            // "which the industry says …", "« … in Scotland … », Beattie said": a verb whose
            // subject the parse names with a noun no mention covers has a speaker no
            // dictionary knows; the nearest actor before it is someone else. Within the
            // subject, the mention of its head word speaks ("the Baton Rouge Police
            // Department"), else the nearest to the verb.
            if src.is_none()
                && !p.flags.noun
                && let Some((head, phrase)) =
                    word.and_then(|w| crate::parsed::nominal_subject(ctx.doc, w, ctx.sentence))
            {
                let inside: Vec<usize> = (0..ms.len())
                    .filter(|&j| ms[j].span.overlaps(phrase))
                    .collect();
                if inside.is_empty() {
                    return None;
                }
                // A name no dictionary knows gives way to its apposition's role ("Karl
                // Racine, the attorney general", "Attorney General Karl Racine").
                let known =
                    |j: usize| subject_like(j) && res[j].as_ref().is_some_and(|r| !r.unknown);
                src = inside
                    .iter()
                    .copied()
                    .find(|&j| ms[j].span.overlaps(head) && known(j))
                    .or_else(|| inside.iter().rev().copied().find(|&j| known(j)))
                    .or_else(|| inside.iter().rev().copied().find(|&j| subject_like(j)));
            }
            if src.is_none() {
                src = (0..ms.len())
                    .rev()
                    .find(|&j| ms[j].end <= a && ms[j].start >= clause_start && subject_like(j));
            }
            if circumstantial
                && src.is_some_and(|j| {
                    ms[j]
                        .roles
                        .iter()
                        .any(|r| matches!(r.as_str(), "MIL" | "COP"))
                })
            {
                return None;
            }
        }
        // A speech verb after a quotation with no speaker after it: the words before it are
        // the quotation's, not a subject ("« … la Bolivie … », dit-on").
        // With a parse, the subject must come before the verb there too: ", a indiqué NBC
        // News" after a whole clause has a speaker no dictionary knows, not the clause's
        // subject.
        if inverted_verb && !tags.contains(&"inverted") {
            src = src.filter(|&j| {
                let quoted = quote_between(ms[j].span.end, verb_start);
                let parse_agrees = match parsed {
                    // The subject itself or a name it stands in apposition to ("Scott
                    // Coker, le président de Bellator, a déclaré").
                    Some(Some(subj)) => subj.start < ms[j].span.end,
                    Some(None) => false,
                    None => true,
                };
                !quoted && parse_agrees
            });
        }
        if p.flags.sym && !tgt_fixed {
            // "entre X et Y", "between X and Y".
            let between = (a + 1..=last + 4).find(|&q| {
                units
                    .get(q)
                    .is_some_and(|u| matches!(u.key.as_str(), "entre" | "between"))
            });
            if let Some(pos) = between {
                let x = (0..ms.len()).find(|&j| ms[j].prep_at == Some(pos) && usable(j));
                let y = x.and_then(|x| {
                    (0..ms.len()).find(|&j| ms[j].coord_prev == Some(x) && usable(j))
                });
                if let (Some(x), Some(y)) = (x, y) {
                    src = Some(x);
                    tgts = vec![y];
                    tgt_fixed = true;
                    tags.push("between");
                } else if x.is_none() {
                    // "des rencontres entre Kim et le dirigeant sud-coréen": the pair is
                    // named, its first party is no actor the record can code. The meeting is
                    // theirs, not the sentence's subject's with the second party.
                    let and = (pos + 2..=pos + 6).find(|&q| {
                        units
                            .get(q)
                            .is_some_and(|u| matches!(u.key.as_str(), "et" | "and"))
                    });
                    if let Some(and) = and
                        && (0..ms.len())
                            .any(|j| ms[j].start > and && ms[j].start <= and + 4 && usable(j))
                    {
                        return None;
                    }
                }
            }
        }
        let src = src?;
        let mut sources: Vec<usize> = if tags.contains(&"between") {
            vec![src]
        } else {
            ctx.group(src)
                .into_iter()
                .filter(|&j| usable(j) && !ms[j].place)
                .collect()
        };
        if sources.is_empty() {
            sources.push(src);
        }
        let mut place_target = false;
        if !tgt_fixed {
            let not_source = |j: usize| !sources.contains(&j);
            let first = match p.target {
                TargetShape::Obj
                | TargetShape::Optional
                | TargetShape::To
                | TargetShape::ToOptional => (0..ms.len()).find(|&j| {
                    in_target_clause(j, a)
                        // "told Turkey that …": whom the verb addresses, before the clause
                        // the pattern ends on, not an actor of that clause.
                        && !(COMPLEMENTIZERS.contains(&units[last].key.as_str())
                            && ms[j].start > last)
                        && usable(j)
                        && not_source(j)
                        && (!ms[j].place
                            || (matches!(p.target, TargetShape::To | TargetShape::ToOptional)
                                && matches!(ms[j].prep.as_deref(), Some("à" | "to"))))
                }),
                TargetShape::DirectObj => (0..ms.len())
                    .find(|&j| {
                        in_target_clause(j, last)
                            && ms[j].start <= last + 6
                            && usable(j)
                            && not_source(j)
                            && !ms[j].place
                    })
                    .filter(|&j| {
                        // "welcomed President Reagan's statement": a possessor is not whom
                        // the verb acts on.
                        let possessor = units
                            .get(ms[j].end)
                            .is_some_and(|u| matches!(u.key.as_str(), "'s" | "’s" | "'"));
                        ms[j].prep.is_none()
                            && (!p.flags.person
                                || matches!(ms[j].kind, MKind::Role | MKind::Person) && !possessor)
                    }),
                TargetShape::Place => (0..ms.len()).find(|&j| {
                    let m = &ms[j];
                    let from_trigger = m.prep_at.is_some_and(|q| tm.units.contains(&q));
                    let ok = match m.kind {
                        MKind::Country | MKind::Capital { .. } => {
                            !m.inert && (m.place || m.prep.is_none() || from_trigger)
                        }
                        MKind::Role | MKind::Person | MKind::People => {
                            usable(j)
                                && (m.prep.is_none()
                                    || from_trigger
                                    || matches!(m.prep.as_deref(), Some("à" | "to")))
                        }
                        _ => false,
                    };
                    m.start > last
                        && m.start <= last + 5
                        && m.start < clause_end
                        && !m.overlaps_units(&tm.units)
                        && not_source(j)
                        && ok
                }),
                TargetShape::None => None,
            };
            if let Some(t) = first {
                place_target = p.target == TargetShape::Place
                    && matches!(ms[t].kind, MKind::Country | MKind::Capital { .. });
                let geo = |j: usize| matches!(ms[j].kind, MKind::Country | MKind::Capital { .. });
                tgts = ctx
                    .group(t)
                    .into_iter()
                    .filter(|&j| j >= t && (if place_target { geo(j) } else { usable(j) }))
                    .collect();
            }
        }
        if tgts.is_empty() && p.flags.sym && sources.len() >= 2 {
            tgts = sources.split_off(1);
            tags.push("coordinated");
        }
        let intra = tgts.is_empty() && p.flags.intra && ms[src].kind == MKind::Adjective;
        if intra {
            tgts.push(src);
            tags.push("intra");
        }
        let needs_target = matches!(
            p.target,
            TargetShape::Obj | TargetShape::DirectObj | TargetShape::To | TargetShape::Place
        );
        if tgts.is_empty() && needs_target {
            return None;
        }

        let trigger_text = trigger_text(ctx, tm);
        let mut made = None;
        let targets: Vec<Option<usize>> = if tgts.is_empty() {
            vec![None]
        } else {
            tgts.iter().copied().map(Some).collect()
        };
        for &s in &sources {
            for &t in &targets {
                let mut local_tags = tags.clone();
                if let Some(e) = self.make_event(
                    ctx,
                    tm,
                    cameo,
                    s,
                    t,
                    place_target,
                    intra,
                    &trigger_text,
                    &mut local_tags,
                ) {
                    if stance_subject.iter().any(|x| x.overlaps(e.source.span)) {
                        continue;
                    }
                    events.push(e);
                    made.get_or_insert(s);
                    ctx.prev_source.set(Some(s));
                }
            }
        }
        made
    }

    #[allow(clippy::too_many_arguments)]
    fn make_event(
        &self,
        ctx: &Ctx<'_>,
        tm: &TriggerMatch<'_>,
        cameo: &CameoCode,
        s: usize,
        t: Option<usize>,
        place_target: bool,
        intra: bool,
        trigger_text: &str,
        tags: &mut Vec<&str>,
    ) -> Option<EventMention> {
        let (ms, res) = (ctx.ms, ctx.res);
        if t == Some(s) && !intra {
            return None;
        }
        let rs = res.get(s)?.clone()?;
        let rt: Option<Resolved> = match t {
            Some(t) if place_target => Some(Resolved {
                country: ms[t].country,
                roles: Vec::new(),
                same: false,
                unknown: false,
            }),
            Some(t) => Some(res.get(t)?.clone()?),
            None => None,
        };
        if rs.unknown && rt.as_ref().is_none_or(|r| r.unknown) {
            return None;
        }
        if matches!(ms[s].kind, MKind::Pronoun { .. })
            || t.is_some_and(|t| matches!(ms[t].kind, MKind::Pronoun { .. }))
        {
            tags.push("coref");
        }
        let mut s_roles = rs.roles.clone();
        let mut t_roles = rt.as_ref().map(|r| r.roles.clone()).unwrap_or_default();
        let gov = || vec!["GOV".to_string()];
        if rt.as_ref().is_some_and(|r| r.same) {
            t_roles = if s_roles.is_empty() {
                gov()
            } else {
                s_roles.clone()
            };
        }
        if rs.same {
            s_roles = if t_roles.is_empty() {
                gov()
            } else {
                t_roles.clone()
            };
        }
        let jrn = |r: &[String]| r.iter().any(|x| x == "JRN");
        if jrn(&s_roles) || jrn(&t_roles) {
            return None;
        }

        let mut evidence: Vec<Span> = tm.units.iter().map(|&u| ctx.units[u].span).collect();
        evidence.push(ms[s].span);
        let mut s_country = rs.country;
        let mut t_country = rt.as_ref().and_then(|r| r.country);
        // A place the actor dictionaries do not know ("est arrivé à New York", read as an
        // unknown name) is in the country the gazetteer resolves it to, when a locative
        // preposition governs it: a bare name may be an institution ("a dénoncé Maison
        // Blanche").
        let mut geo_target = false;
        if let Some(t) = t
            && t_country.is_none()
            && t_roles.is_empty()
            && matches!(
                ms[t].prep.as_deref(),
                Some("à" | "au" | "aux" | "en" | "vers" | "in" | "to" | "at")
            )
        {
            t_country = gazetteer_place(ctx.doc, ms[t].span)
                .and_then(|p| p.country_code.as_deref())
                .and_then(|cc| self.country_of_iso2(cc));
            geo_target = t_country.is_some();
        }
        // A party with a role but no country acts where the sentence places it ("à Accra").
        if let Some(t) = t {
            if !place_target
                && t_country.is_none()
                && !t_roles.is_empty()
                && let Some((c, span)) = self.place_country(ctx, tm.anchor())
            {
                t_country = Some(c);
                evidence.push(span);
                tags.push("place_country");
            }
            evidence.push(ms[t].span);
        }
        // "le procureur général du district de Columbia", "the mayor of Kharkiv": a role
        // whose own complement is a place belongs to that place's country.
        if s_country.is_none()
            && !s_roles.is_empty()
            && let Some((c, span)) = self
                .complement_place_country(ctx, ms[s].span)
                .or_else(|| self.modifier_place_country(ctx, ms[s].span))
        {
            s_country = Some(c);
            evidence.push(span);
            tags.push("role_place");
        }
        if s_country.is_none()
            && !s_roles.is_empty()
            && s_roles.iter().all(|r| DOMESTIC.contains(&r.as_str()))
            && let Some((c, span)) = self.place_country(ctx, tm.anchor())
        {
            s_country = Some(c);
            evidence.push(span);
            if !tags.contains(&"place_country") {
                tags.push("place_country");
            }
        }
        // Being in or going to one's own country is no visit ("le ministre marocain est à
        // Rabat"): a visit dyad crosses a border.
        if (place_target || geo_target)
            && matches!(cameo.code.as_str(), "042" | "043")
            && s_country.is_some()
            && s_country == t_country
        {
            return None;
        }
        // A party acting on itself ("KENGOV → KENGOV") is a wrong target, typically the
        // speakers of a trailing "officials said" given the place's country; domestic dyads
        // differ by role ("KENGOV → KENOPP"), and "intra" patterns say so explicitly.
        if t.is_some()
            && !intra
            && s_country.is_some()
            && s_country == t_country
            && s_roles == t_roles
        {
            return None;
        }
        let trigger_start = ctx
            .units
            .get(tm.anchor())
            .map_or(ctx.sentence.start, |u| u.span.start) as usize;
        let (date, date_span) = crate::dating::event_date(ctx.doc, ctx.sentence, trigger_start);
        let mut place = crate::placing::event_place(ctx.doc, ctx.sentence, trigger_start);
        // A visit happens where it goes: "est passé par la Tunisie" is placed in Tunisia even
        // without a locative preposition.
        if place.is_none()
            && matches!(cameo.code.as_str(), "042" | "043")
            && let Some(t) = t
        {
            place = gazetteer_place(ctx.doc, ms[t].span).cloned();
        }
        if let Some(p) = &place {
            evidence.push(p.span);
            tags.push("place_text");
        }
        // "accueille sur son sol un exercice", "on its soil": the source's own country.
        if place.is_none()
            && let Some(iso3) = self.iso3(s_country)
            && let Some((own, span)) = self.own_soil(ctx, &iso3, trigger_start)
        {
            place = Some(own);
            evidence.push(span);
            tags.push("own_soil");
        }
        if let Some(span) = date_span {
            evidence.push(span);
            tags.push("date_text");
        }
        evidence.sort();
        evidence.dedup();
        // A source with neither country nor role ("Lopez Obrador" where no dictionary knows
        // him) is nobody the record can name: no event, as the dictionary coder does.
        if s_country.is_none() && s_roles.is_empty() && ms[s].kind == MKind::Person {
            return None;
        }
        let source = self.actor(ctx, ms[s].span, s_country, s_roles);
        let target = t.map(|t| self.actor(ctx, ms[t].span, t_country, t_roles));
        let mut rule = format!("{}:{}", tm.pattern.id, trigger_text);
        for tag in tags.iter() {
            rule.push('+');
            rule.push_str(tag);
        }
        Some(EventMention {
            cameo: cameo.code.clone(),
            root: cameo.root().to_string(),
            quad_class: cameo.quad_class(),
            goldstein: cameo.goldstein,
            plover: cameo.plover(),
            source,
            target,
            date,
            place,
            sentence: ctx.sentence,
            evidence,
            rule,
        })
    }
}

/// The trigger words as written, `…` where words were skipped.
fn trigger_text(ctx: &Ctx<'_>, tm: &TriggerMatch<'_>) -> String {
    let mut out = String::new();
    let mut prev: Option<usize> = None;
    for &u in &tm.units {
        if let Some(p) = prev {
            out.push_str(if u == p + 1 { " " } else { "…" });
        }
        out.push_str(&ctx.text(ctx.units[u].span));
        prev = Some(u);
    }
    out
}

/// Whether "he" or "she" can stand for a mention of this kind: a person, a role or someone
/// named by a demonym ("a Chinese farmer"), not a country or its capital.
fn person_like(kind: MKind) -> bool {
    !matches!(kind, MKind::Country | MKind::Capital { .. })
}

/// Which units of a sentence stand inside a quotation («…», “…”, "…"; single quotes are
/// left out, as often apostrophes).
fn quoted_units(units: &[Unit]) -> Vec<bool> {
    let mut depth = 0u32;
    let mut straight = false;
    units
        .iter()
        .map(|u| match u.key.as_str() {
            "«" | "“" => {
                depth += 1;
                false
            }
            "»" | "”" => {
                depth = depth.saturating_sub(1);
                false
            }
            "\"" => {
                straight = !straight;
                false
            }
            _ => depth > 0 || straight,
        })
        .collect()
}

/// Resolves every mention to what it stands for: people through the registry's bindings,
/// pronouns through the sentence's earlier subject or the previous sentences'. A pronoun
/// outside a quotation never stands for a mention inside it (`quoted`, per mention): "« The
/// president … », she said".
fn resolve(ms: &[Mention], quoted: &[bool], state: &DocState) -> Vec<Option<Resolved>> {
    let mut res: Vec<Option<Resolved>> = Vec::with_capacity(ms.len());
    for (j, m) in ms.iter().enumerate() {
        let r = match m.kind {
            _ if m.inert => None,
            MKind::Pronoun { latter, personal } => {
                let fits = |i: usize| {
                    res[i].is_some()
                        && !ms[i].place
                        && (latter || (ms[i].prep.is_none() && ms[i].kind != MKind::Adjective))
                };
                let candidate = |i: usize| fits(i) && (quoted[j] || !quoted[i]);
                let earlier = (0..j)
                    .rev()
                    .find(|&i| candidate(i) && (!personal || person_like(ms[i].kind)));
                // A "he" with no one to stand for is someone unknown: it still holds the
                // subject's place, so that no country before it is read as the speaker.
                let nobody = || {
                    Some(Resolved {
                        country: None,
                        roles: Vec::new(),
                        same: false,
                        unknown: true,
                    })
                };
                match earlier {
                    Some(i) => res[i].clone(),
                    None if latter => state.last_actor.clone(),
                    None if personal && (0..j).any(fits) => nobody(),
                    // Someone the quotation before it does not name.
                    None if !quoted[j] && (0..j).any(|i| fits(i) && quoted[i]) => nobody(),
                    None if personal && !state.subject_person_like => None,
                    None => state.subject.clone(),
                }
            }
            MKind::Person => Some(Resolved {
                country: m.country,
                roles: m.roles.clone(),
                same: false,
                unknown: m.country.is_none() && m.roles.is_empty(),
            }),
            _ => Some(Resolved {
                country: m.country,
                roles: m.roles.clone(),
                same: m.same,
                unknown: false,
            }),
        };
        res.push(r);
    }
    res
}
