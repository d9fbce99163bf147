//! The veille pipeline: the one facade the CLI, the server and bindings call.
//!
//! [`Pipeline::new`] loads every model and dictionary once; [`Pipeline::process`] runs the
//! stages in order over an [`Article`] and returns the annotated [`Doc`]; [`output::to_json`]
//! writes the JSON output contract v1 (see `ARCHITECTURE.md`). Stages that do not exist yet are
//! absent from the output, never faked.

pub mod output;

use std::sync::OnceLock;
pub use veille_core::{Article, Doc, Lang};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    #[error("loading the event dictionaries: {0}")]
    Events(#[from] veille_events::LoadError),
}

/// The stages this build runs, in order, as written into outputs.
pub const STAGES: &[&str] = &["segment", "tag", "parse", "ner", "time", "geo", "events"];

/// Models and dictionaries, loaded once and shared by every article.
pub struct Pipeline {
    coder: veille_events::Coder,
}

impl Pipeline {
    pub fn new() -> Result<Pipeline, PipelineError> {
        Ok(Pipeline {
            coder: veille_events::Coder::load()?,
        })
    }

    /// Runs every stage over `article`. An article whose language is not supported gets no
    /// annotation at all (`doc.lang` is `None`): it is never coded as if it were French.
    pub fn process(&self, article: &Article) -> Doc {
        let mut doc = Doc::from_article(article);
        if doc.lang.is_none() {
            return doc;
        }
        veille_nlp::analyze(&mut doc);
        veille_nlp::recognize_entities(&mut doc);
        if let Some(lang) = doc.lang {
            doc.times = veille_time::find_times(&doc.text, lang, doc.date);
            let found = places(&doc, lang);
            doc.places = found
                .into_iter()
                .filter(|p| plausible_place(&doc, lang, p))
                .collect();
            doc.entities = reconcile_entities(&doc);
            doc.places = places_outside_names(&doc);
        }
        doc.events = veille_events::code_events(&doc, &self.coder);
        doc
    }
}

/// Whether a resolved place is worth keeping. What the NER model recognised as an entity and
/// demonyms ("marocain") always are. A gazetteer match the model did not see is a place only
/// if it looks like a name: more than two letters, a proper noun for the tagger (not "Le",
/// "Tu", "Bon" or "Stade", which GeoNames also has as names of villages), and not a first name
/// ("Gaston", "Maurice") unless it is a major place.
fn plausible_place(doc: &Doc, lang: Lang, p: &veille_core::Place) -> bool {
    // "in March", "on 12 March": a time expression, not March in Cambridgeshire.
    if doc.times.iter().any(|t| t.span.overlaps(p.span)) {
        return false;
    }
    if surname_of_a_named_person(doc, p) {
        return false;
    }
    let ner_place = doc
        .entities
        .iter()
        .any(|e| e.label == veille_core::EntityLabel::LOC && e.span.overlaps(p.span));
    // "the Centre said", "North": a compass or centre word alone names a division or
    // region (Centre in Burkina Faso, Northwest in Iceland) only when the NER model reads it
    // as a place.
    if !ner_place && COMPASS_WORDS.contains(&p.text.to_lowercase().as_str()) {
        return false;
    }
    // "Police said", "Alexandria Police", "in February and March": a word usually written in
    // lowercase, or a month or a day, alone is no small town of that name (Police in Poland,
    // Industry in California, March in Cambridgeshire), even when the NER model reads it as a
    // place; a country, division or capital keeps its reading.
    if !p.text.contains(' ')
        && !major_place(p)
        && (CALENDAR_WORDS.contains(&p.text.as_str())
            || veille_nlp::sentmodel::embedded(lang).is_some_and(|m| m.usually_lowercase(&p.text)))
    {
        return false;
    }
    if p.demonym || doc.entities.iter().any(|e| e.span.overlaps(p.span)) {
        return true;
    }
    if p.text.chars().filter(|c| c.is_alphabetic()).count() <= 2 {
        return false;
    }
    let words: Vec<usize> = (0..doc.words.len())
        .filter(|&i| p.span.contains(doc.words[i].span))
        .collect();
    if doc.analyses.len() == doc.words.len()
        && !words.is_empty()
        && !words
            .iter()
            .any(|&i| doc.analyses[i].upos == veille_core::Upos::Propn)
    {
        return false;
    }
    if let Some(m) = veille_nlp::embedded_ner(lang) {
        use veille_nlp::ner::ListKind;
        let forms = [p.text.as_str()];
        if m.lists().contains(ListKind::First, &forms)
            && !m.lists().contains(ListKind::Major, &forms)
        {
            return false;
        }
    }
    true
}

/// Month and day names, capitalised in English and at a French sentence start.
#[rustfmt::skip]
const CALENDAR_WORDS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet",
    "Août", "Septembre", "Octobre", "Novembre", "Décembre", "Lundi", "Mardi", "Mercredi",
    "Jeudi", "Vendredi", "Samedi", "Dimanche",
];

/// Words that name divisions and regions in some countries but are mostly directions or
/// parts of other names.
#[rustfmt::skip]
const COMPASS_WORDS: &[&str] = &[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "central", "centre", "center", "nord", "sud", "est", "ouest", "midwest",
];

/// A country, first-level division, capital, continent or region: a reading that holds even
/// for a word that also has other uses.
fn major_place(p: &veille_core::Place) -> bool {
    matches!(
        p.feature.as_deref(),
        Some("PCLI" | "ADM1" | "PPLC" | "PPLG" | "CONT" | "region" | "SEA" | "OCN" | "GULF")
    )
}

/// "Johnson said" after "Boris Johnson": a one-word place that is the last name of a person
/// the document names in full is that person. Countries, first-level divisions and capitals
/// keep their reading ("George Washington … Washington" is rare in news, "Washington said"
/// common).
fn surname_of_a_named_person(doc: &Doc, p: &veille_core::Place) -> bool {
    if p.text.contains(' ') || major_place(p) {
        return false;
    }
    doc.entities.iter().any(|e| {
        e.label == veille_core::EntityLabel::PER
            && !e.span.overlaps(p.span)
            && doc
                .text
                .get(e.span.range())
                .and_then(|name| name.rsplit_once(' '))
                .is_some_and(|(_, last)| last == p.text)
    })
}

/// Toponyms of the document resolved against the shipped gazetteer: the gazetteer's own
/// matches (names it knows, multiword ones whole) plus the LOC entities it did not cover,
/// resolved together so that each informs the others (countries mentioned, nearby places).
fn places(doc: &Doc, lang: Lang) -> Vec<veille_core::Place> {
    let g = veille_geo::Gazetteer::embedded();
    let mut spans = g.find_toponyms(&doc.text, Some(lang));
    for e in &doc.entities {
        if e.label == veille_core::EntityLabel::LOC && !spans.iter().any(|s| s.overlaps(e.span)) {
            spans.push(e.span);
        }
    }
    // French writes demonyms in lowercase ("le président tunisien"): they are not reported
    // as places, but they tell the resolver which countries the story is about, so that
    // "Carthage" next to "tunisien" is the Tunisian one.
    let mut context: Vec<veille_core::Span> = Vec::new();
    if lang == Lang::Fr && doc.analyses.len() == doc.words.len() {
        // Only adjectives: a gazetteer lookup for every word would cost the pipeline a few
        // per cent of its speed.
        for (w, a) in doc.words.iter().zip(&doc.analyses) {
            let t = w.span.text(&doc.text);
            if a.upos == veille_core::Upos::Adj
                && t.len() >= 4
                && t.chars().next().is_some_and(char::is_lowercase)
                && !spans.iter().any(|s| s.overlaps(w.span))
                && g.lookup(t).iter().any(|c| {
                    c.flags & veille_geo::gazetteer::F_DEMONYM != 0
                        && g.record(c.record)
                            .is_some_and(|r| r.kind == veille_geo::Kind::Country)
                })
            {
                context.push(w.span);
            }
        }
    }
    spans.extend(context.iter().copied());
    spans.sort();
    g.resolve(&doc.text, &spans, Some(lang))
        .into_iter()
        .filter(|r| !context.contains(&r.span))
        .map(|r| veille_core::Place {
            span: r.span,
            text: r.text,
            geonameid: r.geonameid,
            name: r.name,
            country_code: r.country_code,
            lat: Some(r.lat),
            lon: Some(r.lon),
            feature: Some(r.feature),
            metonym: r.metonym,
            demonym: r.demonym,
        })
        .collect()
}

/// Head nouns of an apposition that makes the name before it an organisation
/// ("Frontex, l'agence européenne…", "Hamas, the militant group…").
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "commandement", "organisation", "organisme", "agence", "ministère", "parti", "mouvement",
    "groupe", "société", "entreprise", "compagnie", "banque", "fonds", "conseil", "comité",
    "coalition", "alliance", "syndicat", "association", "fondation", "institut", "office",
    "command", "organization", "agency", "ministry", "party", "movement", "group", "company",
    "firm", "bank", "fund", "council", "committee", "union", "foundation", "institute",
];

/// Whether the text after `end` is an apposition headed by an organisation noun.
fn org_apposition(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    let mut words = rest
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty());
    let Some(article) = words.next() else {
        return false;
    };
    if !matches!(
        article.to_lowercase().as_str(),
        "le" | "la" | "l" | "les" | "un" | "une" | "the" | "a" | "an"
    ) {
        return false;
    }
    // The head noun, possibly after one adjective ("the militant group").
    words
        .take(2)
        .any(|w| ORG_HEADS.contains(&w.to_lowercase().as_str()))
}

/// Whether the text between two spans is what separates the parts of one name: a space, or
/// a name particle between spaces ("Fayez el", "Ali ben").
fn name_gap(text: &str, a: veille_core::Span, b: veille_core::Span) -> bool {
    let Some(gap) = text.get(a.end as usize..b.start as usize) else {
        return false;
    };
    gap == " "
        || (gap.starts_with(' ')
            && gap.ends_with(' ')
            && veille_events::NAME_PARTICLES.contains(&gap.trim()))
}

/// The entities after checking them against the gazetteer, which is more reliable than the
/// statistical model on place names:
/// - two PER entities joined by a name particle are one name ("Ali el Mahdi"), before any
///   part of it can be taken for a place;
/// - an entity that covers part of a resolved place ("Afrique" in "Afrique de l'Ouest") becomes
///   the whole place, a LOC;
/// - an entity whose text is exactly a resolved place (country, region, city) is a LOC, even
///   when the model said PER or ORG ("Maghreb");
/// - a resolved place the model missed is added as a LOC, except demonyms ("marocain"), and
///   except when it sits against a PER with only a space or a particle between them: it is
///   then part of the name ("Abiy" before "Ahmed"), which grows to cover it;
/// - a name in apposition with an organisation noun is an ORG ("Frontex, l'agence
///   européenne").
pub fn reconcile_entities(doc: &Doc) -> Vec<veille_core::Entity> {
    use veille_core::{Entity, EntityLabel};
    // Join PER + particle + PER.
    let mut model: Vec<Entity> = Vec::with_capacity(doc.entities.len());
    for e in &doc.entities {
        let gap = model
            .last()
            .and_then(|prev| doc.text.get(prev.span.end as usize..e.span.start as usize))
            .unwrap_or("");
        // A particle that only begins names ("el", "ben", "van"), unlike "de" or "la", which
        // also begin places: "Fayez el Sarraj" is one name even if the model read "Sarraj"
        // as a place.
        let name_particle = matches!(
            gap.trim(),
            "el" | "al" | "ben" | "bin" | "ibn" | "ould" | "van" | "von" | "der" | "dos"
        ) && gap.starts_with(' ')
            && gap.ends_with(' ');
        if let Some(prev) = model.last_mut()
            && prev.label == EntityLabel::PER
            && (e.label == EntityLabel::PER && name_gap(&doc.text, prev.span, e.span) && gap != " "
                || e.label == EntityLabel::LOC
                    && name_particle
                    && !doc.text[e.span.start as usize..e.span.end as usize].contains(' '))
        {
            prev.span = prev.span.cover(e.span);
            continue;
        }
        model.push(e.clone());
    }
    let mut out: Vec<Entity> = Vec::with_capacity(model.len());
    let places: Vec<&veille_core::Place> = doc.places.iter().filter(|p| !p.demonym).collect();
    for e in &model {
        // A "place" inside a time expression, or named like a month or a day, is one ("in
        // March", "in February and March").
        if e.label == EntityLabel::LOC
            && (doc.times.iter().any(|t| t.span.contains(e.span))
                || doc
                    .text
                    .get(e.span.range())
                    .is_some_and(|t| CALENDAR_WORDS.contains(&t)))
        {
            continue;
        }
        let over: Vec<&&veille_core::Place> =
            places.iter().filter(|p| p.span.overlaps(e.span)).collect();
        let joined_name =
            e.label == EntityLabel::PER && !doc.entities.iter().any(|m| m.span == e.span);
        let e = match over.as_slice() {
            _ if joined_name => e.clone(),
            [p] if p.span == e.span => Entity {
                span: e.span,
                label: EntityLabel::LOC,
            },
            [p] if p.span.contains(e.span) => Entity {
                span: p.span,
                label: EntityLabel::LOC,
            },
            [] if org_apposition(&doc.text, e.span.end as usize) => Entity {
                span: e.span,
                label: EntityLabel::ORG,
            },
            _ => e.clone(),
        };
        if out.last().is_some_and(|l: &Entity| l.span.overlaps(e.span)) {
            continue;
        }
        out.push(e);
    }
    for p in places {
        if out.iter().any(|e| e.span.overlaps(p.span)) {
            continue;
        }
        let name = out.iter_mut().find(|e| {
            e.label == EntityLabel::PER
                && (name_gap(&doc.text, e.span, p.span) || name_gap(&doc.text, p.span, e.span))
        });
        match name {
            Some(e) => e.span = e.span.cover(p.span),
            None => out.push(Entity {
                span: p.span,
                label: EntityLabel::LOC,
            }),
        }
    }
    out.sort_by_key(|e| e.span);
    out
}

/// Places that are part of a person's name after [`reconcile_entities`] ("Abiy" in "Abiy
/// Ahmed") are not places.
pub fn places_outside_names(doc: &Doc) -> Vec<veille_core::Place> {
    doc.places
        .iter()
        .filter(|p| {
            !doc.entities
                .iter()
                .any(|e| e.label == veille_core::EntityLabel::PER && e.span.overlaps(p.span))
        })
        .cloned()
        .collect()
}

/// The name of a CAMEO code ("Sign formal agreement"), for readable output; `None` for a code
/// the shipped table does not know.
pub fn cameo_name(code: &str) -> Option<&'static str> {
    static TABLE: OnceLock<Option<veille_events::CameoTable>> = OnceLock::new();
    let d = veille_events::DataFiles::EMBEDDED;
    TABLE
        .get_or_init(|| veille_events::CameoTable::parse(d.cameo, d.plover).ok())
        .as_ref()?
        .get(code)
        .map(|c| c.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, needle: &str, demonym: bool) -> veille_core::Place {
        let start = text.find(needle).expect("needle");
        veille_core::Place {
            span: veille_core::Span::new(start, start + needle.len()),
            text: needle.to_string(),
            geonameid: None,
            name: needle.to_string(),
            country_code: None,
            lat: None,
            lon: None,
            feature: None,
            metonym: false,
            demonym,
        }
    }

    #[test]
    fn entities_are_reconciled_with_the_gazetteer() {
        use veille_core::{Entity, EntityLabel, Span};
        let text = "Le ministre Ali el Mahdi a visité l'Afrique de l'Ouest et le Sahel avec un général malien, puis Frontex, l'agence européenne.";
        let mut doc = Doc::new(text.to_string(), Some(Lang::Fr), None);
        let ent = |needle: &str, label| {
            let s = text.find(needle).expect("needle");
            Entity {
                span: Span::new(s, s + needle.len()),
                label,
            }
        };
        doc.entities = vec![
            ent("Ali", EntityLabel::PER),
            ent("Mahdi", EntityLabel::PER),
            ent("Afrique", EntityLabel::LOC),
            ent("Sahel", EntityLabel::PER),
            ent("Frontex", EntityLabel::PER),
        ];
        doc.places = vec![
            place(text, "Afrique de l'Ouest", false),
            place(text, "Sahel", false),
            place(text, "malien", true),
        ];
        let got: Vec<(&str, EntityLabel)> = reconcile_entities(&doc)
            .iter()
            .map(|e| (doc.span_text(e.span), e.label))
            .collect();
        assert_eq!(
            got,
            [
                ("Ali el Mahdi", EntityLabel::PER),
                ("Afrique de l'Ouest", EntityLabel::LOC),
                ("Sahel", EntityLabel::LOC),
                ("Frontex", EntityLabel::ORG),
            ]
        );
    }

    #[test]
    fn places_next_to_a_name_are_part_of_it() {
        use veille_core::{Entity, EntityLabel, Span};
        let text = "Karim el Haddad a reçu Tesfaye Bekele à Gondar.";
        let mut doc = Doc::new(text.to_string(), Some(Lang::Fr), None);
        let ent = |needle: &str, label| {
            let s = text.find(needle).expect("needle");
            Entity {
                span: Span::new(s, s + needle.len()),
                label,
            }
        };
        // The model took "Haddad" for a place and missed "Tesfaye"; the gazetteer knows a
        // "Tesfaye" and a "Gondar".
        doc.entities = vec![
            ent("Karim", EntityLabel::PER),
            ent("Haddad", EntityLabel::LOC),
            ent("Bekele", EntityLabel::PER),
        ];
        doc.places = vec![
            place(text, "Haddad", false),
            place(text, "Tesfaye", false),
            place(text, "Gondar", false),
        ];
        doc.entities = reconcile_entities(&doc);
        let got: Vec<(&str, EntityLabel)> = doc
            .entities
            .iter()
            .map(|e| (doc.span_text(e.span), e.label))
            .collect();
        assert_eq!(
            got,
            [
                ("Karim el Haddad", EntityLabel::PER),
                ("Tesfaye Bekele", EntityLabel::PER),
                ("Gondar", EntityLabel::LOC),
            ]
        );
        let places: Vec<String> = places_outside_names(&doc)
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(places, ["Gondar"]);
    }

    #[test]
    fn gazetteer_matches_must_look_like_names() {
        let pipeline = Pipeline::new().expect("pipeline");
        let text =
            "Le maire Gaston Roux a reçu Maurice Lebon à Lyon. Tu dis que le Stade est plein ?";
        let article = Article {
            lang: Some(Lang::Fr),
            ..Article::new("test", text.to_string())
        };
        let doc = pipeline.process(&article);
        let places: Vec<&str> = doc.places.iter().map(|p| p.text.as_str()).collect();
        assert!(places.contains(&"Lyon"), "{places:?}");
        for not in ["Le", "Tu", "Gaston", "Maurice", "Stade"] {
            assert!(!places.contains(&not), "{not} in {places:?}");
        }
    }

    #[test]
    fn months_and_the_surnames_of_named_people_are_not_places() {
        // March is a town in Cambridgeshire, Johnson a county of Kansas; neither here.
        let pipeline = Pipeline::new().expect("pipeline");
        let text = "Boris Johnson met the envoys in February and March. Johnson said the talks \
                    in London would resume on 12 March. Around 7 p.m. Sunday Alexandria Police \
                    went to the house. The Centre said it would help.";
        let article = Article {
            lang: Some(Lang::En),
            ..Article::new("test", text.to_string())
        };
        let doc = pipeline.process(&article);
        let places: Vec<&str> = doc.places.iter().map(|p| p.text.as_str()).collect();
        assert!(
            places.contains(&"London")
                && !places
                    .iter()
                    .any(|p| ["March", "Johnson", "Police", "Centre"].contains(p)),
            "{:?}",
            doc.places
        );
        assert!(
            !doc.entities
                .iter()
                .any(|e| e.label == veille_core::EntityLabel::LOC
                    && doc.span_text(e.span) == "March"),
            "{:?}",
            doc.entities
        );
    }

    #[test]
    fn french_lowercase_demonyms_give_the_story_its_country() {
        // Carthage, Missouri is a county seat; "le président tunisien … à Carthage" is the
        // Tunisian one. The demonyms themselves are not reported as places.
        let pipeline = Pipeline::new().expect("pipeline");
        let text = "Le président tunisien a reçu lundi à Carthage le Premier ministre algérien.";
        let article = Article {
            lang: Some(Lang::Fr),
            ..Article::new("test", text.to_string())
        };
        let doc = pipeline.process(&article);
        let places: Vec<(&str, Option<&str>)> = doc
            .places
            .iter()
            .map(|p| (p.text.as_str(), p.country_code.as_deref()))
            .collect();
        assert_eq!(places, [("Carthage", Some("TN"))], "{:?}", doc.places);
    }

    #[test]
    fn a_title_case_headline_names_the_place_before_a_title() {
        let pipeline = Pipeline::new().expect("pipeline");
        let text = "Warren Will Run For President Again, Massachusetts Senator Says";
        let article = Article {
            lang: Some(Lang::En),
            ..Article::new("test", text.to_string())
        };
        let doc = pipeline.process(&article);
        assert!(
            !doc.entities
                .iter()
                .any(|e| doc.span_text(e.span).contains("Senator")),
            "{:?}",
            doc.entities
        );
        let said: Vec<_> = doc.events.iter().filter(|e| e.cameo == "010").collect();
        assert!(
            said.iter()
                .any(|e| e.source.country.as_deref() == Some("USA")),
            "{:?}",
            doc.events
        );
    }

    #[test]
    fn a_local_police_force_belongs_to_its_towns_country() {
        let pipeline = Pipeline::new().expect("pipeline");
        for text in [
            "Two men were arrested on Friday, the Toulouse Police Department said.",
            "Two men were arrested on Friday, the Toulouse police said.",
        ] {
            let article = Article {
                lang: Some(Lang::En),
                ..Article::new("test", text.to_string())
            };
            let doc = pipeline.process(&article);
            let said: Vec<_> = doc.events.iter().filter(|e| e.cameo == "010").collect();
            assert!(
                said.iter()
                    .any(|e| e.source.country.as_deref() == Some("FRA")
                        && e.source.roles.contains(&"COP".to_string())),
                "{text}: {:?}",
                doc.events
            );
        }
    }

    #[test]
    fn a_visit_to_a_town_no_dictionary_knows_goes_to_its_country() {
        let pipeline = Pipeline::new().expect("pipeline");
        let visit = |text: &str| {
            let article = Article {
                lang: Some(Lang::Fr),
                ..Article::new("test", text.to_string())
            };
            let doc = pipeline.process(&article);
            doc.events
                .iter()
                .filter(|e| e.cameo == "042")
                .map(|e| e.target.as_ref().map(|t| t.code.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            visit("Le ministre nord-coréen est arrivé à New York."),
            [Some("USA".to_string())]
        );
        // Arriving in a town of one's own country is no visit.
        assert!(visit("Le ministre américain est arrivé à New York.").is_empty());
    }

    #[test]
    fn an_actor_that_opens_a_parenthesis_closes_it() {
        let pipeline = Pipeline::new().expect("pipeline");
        let article = Article {
            lang: Some(Lang::Fr),
            ..Article::new(
                "test",
                "Les ministres de l'OTAN (Organisation du traité de l'Atlantique Nord) se retrouvent jeudi à Bruxelles.".to_string(),
            )
        };
        let doc = pipeline.process(&article);
        let e = doc.events.first().expect("an event");
        assert_eq!(
            e.source.text,
            "Les ministres de l'OTAN (Organisation du traité de l'Atlantique Nord)"
        );
        assert!(e.evidence.contains(&e.source.span), "{e:?}");
    }

    #[test]
    fn names_codes() {
        assert!(cameo_name("057").is_some_and(|n| n.to_lowercase().contains("agreement")));
        assert_eq!(cameo_name("999"), None);
    }
}
