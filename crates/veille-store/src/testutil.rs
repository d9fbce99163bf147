//! Hand-written French articles with hand-coded event mentions, shared by the tests.
//!
//! Spans are found by searching the text, so the fixtures read like the articles they are and
//! offsets stay right when a sentence is edited (byte offsets: `é`, `ê`, `«` are two bytes).

use crate::Store;
use veille_core::event::Place;
use veille_core::{
    Actor, Article, Date, DateSource, Doc, Entity, EntityLabel, EventDate, EventMention, Lang,
    Plover, Sentence, Span,
};

/// The span of the first `needle` at or after byte `from`.
pub(crate) fn find(text: &str, from: usize, needle: &str) -> Span {
    let start = from
        + text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    Span::new(start, start + needle.len())
}

/// Sentences end at `.` followed by a space or the end of the text.
fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('.') {
        let end = i + 1;
        if end == text.len() || text[end..].starts_with(' ') {
            out.push(Sentence {
                span: Span::new(start, end),
                first_token: 0,
                end_token: 0,
            });
            start = (end + 1).min(text.len());
        }
    }
    out
}

pub(crate) fn article(source: &str, url: Option<&str>, date: Option<&str>, text: &str) -> Article {
    let mut a = Article::new(source, text.to_string());
    a.url = url.map(str::to_string);
    a.date = date.map(|d| d.parse::<Date>().unwrap());
    a.date_source = date.map(|_| DateSource::Metadata);
    a.declared_lang = Some("fr-FR".into());
    a.lang = Some(Lang::Fr);
    a
}

pub(crate) fn doc(a: &Article, entities: &[(&str, EntityLabel)]) -> Doc {
    let mut d = Doc::from_article(a);
    d.sentences = sentences(&a.text);
    let mut ents: Vec<Entity> = entities
        .iter()
        .map(|&(t, label)| Entity {
            span: find(&a.text, 0, t),
            label,
        })
        .collect();
    ents.sort_by_key(|e| e.span);
    d.entities = ents;
    d
}

pub(crate) struct Code<'a> {
    pub cameo: &'a str,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: (&'a str, Option<&'a str>),
    pub rule: &'a str,
}

pub(crate) fn actor(text: &str, from: usize, needle: &str, code: &str, roles: &[&str]) -> Actor {
    Actor {
        text: needle.to_string(),
        span: find(text, from, needle),
        code: code.to_string(),
        country: (code.len() >= 3
            && code.as_bytes()[..3].iter().all(u8::is_ascii_uppercase)
            && !roles.contains(&&code[..3]))
        .then(|| code[..3].to_string()),
        roles: roles.iter().map(|r| r.to_string()).collect(),
    }
}

/// A mention in sentence `sent` of `d`, triggered by `trigger`; evidence = actors + trigger.
pub(crate) fn mention(
    d: &Doc,
    sent: usize,
    trigger: &str,
    source: Actor,
    target: Option<Actor>,
    code: &Code<'_>,
    date: Option<(&str, &str)>,
) -> EventMention {
    let sentence = d.sentences[sent].span;
    let mut evidence = vec![source.span, find(&d.text, sentence.start as usize, trigger)];
    evidence.extend(target.as_ref().map(|t| t.span));
    evidence.sort();
    EventMention {
        cameo: code.cameo.to_string(),
        root: code.cameo[..2].to_string(),
        quad_class: code.quad_class,
        goldstein: code.goldstein,
        plover: Plover {
            kind: code.plover.0.to_string(),
            mode: code.plover.1.map(str::to_string),
        },
        source,
        target,
        date: match date {
            Some((value, precision)) => EventDate {
                value: Some(value.to_string()),
                precision: precision.to_string(),
                from: "text".into(),
            },
            None => EventDate {
                value: None,
                precision: "none".into(),
                from: "none".into(),
            },
        },
        place: None,
        sentence,
        evidence,
        rule: code.rule.to_string(),
    }
}

const SIGN: Code<'static> = Code {
    cameo: "057",
    quad_class: 1,
    goldstein: 8.0,
    plover: ("AGREE", None),
    rule: "fr.sign_agreement",
};

/// Le Monde-like report of a fisheries agreement, with a resolved place.
pub(crate) fn accord_lemonde() -> (Article, Doc) {
    let text = "Le Maroc et la Mauritanie ont signé mardi à Rabat un accord de coopération sur \
                la pêche. Le ministre marocain des Affaires étrangères a salué « une étape \
                décisive » pour les deux pays.";
    let a = article(
        "corpus/lemonde/2024-03-13-peche.txt",
        None,
        Some("2024-03-13"),
        text,
    );
    let mut d = doc(
        &a,
        &[
            ("Maroc", EntityLabel::LOC),
            ("Mauritanie", EntityLabel::LOC),
            ("Rabat", EntityLabel::LOC),
        ],
    );
    let mut m = mention(
        &d,
        0,
        "signé",
        actor(text, 0, "Le Maroc", "MAR", &[]),
        Some(actor(text, 0, "la Mauritanie", "MRT", &[])),
        &SIGN,
        Some(("2024-03-12", "day")),
    );
    m.place = Some(Place {
        span: find(text, 0, "Rabat"),
        text: "Rabat".into(),
        geonameid: Some(2_538_475),
        name: "Rabat".into(),
        country_code: Some("MA".into()),
        lat: Some(34.013_25),
        lon: Some(-6.832_55),
        feature: Some("PPLC".into()),
        metonym: false,
        demonym: false,
    });
    d.events.push(m);
    (a, d)
}

/// Another outlet (by URL) reporting the same agreement with metonyms for the two states.
pub(crate) fn accord_rfi() -> (Article, Doc) {
    let text = "Rabat et Nouakchott ont conclu mardi un accord sur la pêche, a annoncé \
                l'agence officielle.";
    let a = article(
        "corpus/depeches/peche-mauritanie.html",
        Some("https://www.rfi.fr/fr/afrique/peche-mauritanie"),
        Some("2024-03-12"),
        text,
    );
    let mut d = doc(
        &a,
        &[
            ("Rabat", EntityLabel::LOC),
            ("Nouakchott", EntityLabel::LOC),
        ],
    );
    let m = mention(
        &d,
        0,
        "conclu",
        actor(text, 0, "Rabat", "MAR", &[]),
        Some(actor(text, 0, "Nouakchott", "MRT", &[])),
        &Code {
            rule: "fr.conclude_agreement",
            ..SIGN
        },
        Some(("2024-03-12", "day")),
    );
    d.events.push(m);
    (a, d)
}

/// A follow-up from the first outlet's folder, mentioning the agreement twice.
pub(crate) fn suite_lemonde() -> (Article, Doc) {
    let text = "L'accord signé mardi entre le Maroc et la Mauritanie ouvre les eaux \
                mauritaniennes aux chalutiers marocains. Le Maroc a signé ce texte avec la \
                Mauritanie après deux ans de négociations.";
    let a = article(
        "corpus/lemonde/2024-03-14-chalutiers.txt",
        None,
        Some("2024-03-14"),
        text,
    );
    let mut d = doc(&a, &[("Maroc", EntityLabel::LOC)]);
    let s1 = d.sentences[1].span.start as usize;
    let first = mention(
        &d,
        0,
        "signé",
        actor(text, 0, "le Maroc", "MAR", &[]),
        Some(actor(text, 0, "la Mauritanie", "MRT", &[])),
        &SIGN,
        Some(("2024-03-12", "day")),
    );
    let second = mention(
        &d,
        1,
        "signé",
        actor(text, s1, "Le Maroc", "MAR", &[]),
        Some(actor(text, s1, "la Mauritanie", "MRT", &[])),
        &SIGN,
        Some(("2024-03-12", "day")),
    );
    d.events.extend([first, second]);
    (a, d)
}

/// A state visit: government actors with roles, PLOVER mode.
pub(crate) fn visite_elysee() -> (Article, Doc) {
    let text = "Le président français a reçu jeudi à l'Élysée son homologue sénégalais. Les \
                deux chefs d'État ont évoqué la coopération militaire.";
    let a = article("corpus/elysee/visite.txt", None, Some("2024-03-15"), text);
    let mut d = doc(&a, &[("Élysée", EntityLabel::LOC)]);
    let m = mention(
        &d,
        0,
        "reçu",
        actor(text, 0, "Le président français", "FRAGOV", &["GOV"]),
        Some(actor(
            text,
            0,
            "son homologue sénégalais",
            "SENGOV",
            &["GOV"],
        )),
        &Code {
            cameo: "043",
            quad_class: 1,
            goldstein: 2.8,
            plover: ("CONSULT", Some("visit")),
            rule: "fr.host_visit",
        },
        Some(("2024-03-14", "day")),
    );
    d.events.push(m);
    (a, d)
}

/// A protest with no date anywhere and no target.
pub(crate) fn manifestation_dakar() -> (Article, Doc) {
    let text = "Des centaines de manifestants ont dénoncé la vie chère devant l'Assemblée \
                nationale à Dakar.";
    let a = article("corpus/senegal/manif.txt", None, None, text);
    let mut d = doc(&a, &[("Dakar", EntityLabel::LOC)]);
    let m = mention(
        &d,
        0,
        "dénoncé",
        actor(text, 0, "Des centaines de manifestants", "CVL", &["CVL"]),
        None,
        &Code {
            cameo: "141",
            quad_class: 3,
            goldstein: -6.5,
            plover: ("PROTEST", Some("demonstrate")),
            rule: "fr.protest",
        },
        None,
    );
    d.events.push(m);
    (a, d)
}

/// Air strikes dated by a month only.
pub(crate) fn frappes_mali() -> (Article, Doc) {
    let text = "En février, l'armée malienne a mené des frappes aériennes contre des groupes \
                armés dans le nord du pays.";
    let a = article("corpus/sahel/frappes.txt", None, Some("2024-03-02"), text);
    let mut d = doc(&a, &[]);
    let m = mention(
        &d,
        0,
        "frappes aériennes",
        actor(text, 0, "l'armée malienne", "MLIMIL", &["MIL"]),
        Some(actor(text, 0, "des groupes armés", "MLIREB", &["REB"])),
        &Code {
            cameo: "195",
            quad_class: 4,
            goldstein: -10.0,
            plover: ("ASSAULT", Some("aerial")),
            rule: "fr.air_strike",
        },
        Some(("2024-02", "month")),
    );
    d.events.push(m);
    (a, d)
}

/// Checks the counters against the mentions and the spans against the articles.
pub(crate) fn assert_consistent(store: &Store) {
    let bad: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM events e WHERE
               num_mentions != (SELECT count(*) FROM mentions WHERE event_id = e.id)
            OR num_articles != (SELECT count(DISTINCT article_id) FROM mentions
                                WHERE event_id = e.id)
            OR num_sources != (SELECT count(DISTINCT a.source_name) FROM mentions m
                               JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id)
            OR num_mentions = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0, "events whose counters disagree with their mentions");
    let orphans: i64 = store
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM articles a WHERE n_sentences !=
                       (SELECT count(*) FROM sentences WHERE article_id = a.id))
                  + (SELECT count(*) FROM mentions m WHERE NOT EXISTS
                       (SELECT 1 FROM articles WHERE id = m.article_id))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "partial articles");
    let fk: i64 = store
        .conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
}
