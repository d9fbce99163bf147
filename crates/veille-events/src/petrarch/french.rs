//! The French dictionaries of the parse-based coder, veille's own (`dicts/fr/`):
//!
//! - verbs: `verbes.fr.txt`, French verb lemmas and patterns → CAMEO codes, in PETRARCH's
//!   format with French conjugation ([`Inflection::French`]);
//! - agents: `agents.fr.txt`, French role nouns → agent codes (GOV, MIL, COP, REB…);
//! - actors: the countries of veille's country table (French names without their article,
//!   the four forms of each demonym, capitals that stand for their government), the
//!   organisations of `acteurs.fr.txt` (ONU, OTAN, Union africaine…), then the person and
//!   group names of the shipped English Phoenix actor files, which are written the same way in
//!   French text ("Erdogan", "Boko Haram"), less the few that are French words ("UN", "SUR");
//! - coding ontology: the same as English, for negated acts.
//!
//! The codes are CAMEO's and Phoenix's, so that a French article and its English translation
//! give the same records.

use super::coder::PetrarchDicts;
use super::dict::{ActorDict, AgentDict, Inflection, VerbDict};
use super::english::ShippedDictError;
use crate::dict::Country;

const VERBS: &str = include_str!("../../dicts/fr/verbes.fr.txt");
const AGENTS: &str = include_str!("../../dicts/fr/agents.fr.txt");
const ACTORS: &str = include_str!("../../dicts/fr/acteurs.fr.txt");
const DISCARDS: &str = include_str!("../../dicts/fr/rejets.fr.txt");

/// The French discard list (`rejets.fr.txt`): sports and games, whose verbs of combat and
/// defeat ("affronter", "battre") are not political events.
pub fn french_discards() -> &'static super::dict::Discards {
    static D: std::sync::OnceLock<super::dict::Discards> = std::sync::OnceLock::new();
    D.get_or_init(|| super::dict::Discards::parse(DISCARDS))
}

/// One-word English actor names that are common French words.
const NOT_NAMES_IN_FRENCH: &[&str] = &["UN", "SUR", "PRINCIPE", "MARCHE", "MARCHÉ", "AU"];

/// The words of a French phrase as veille's tokenizer splits them, uppercase and joined by
/// `_` for a dictionary line: an elided article or preposition is its own word ("D'_IVOIRE"),
/// and the contractions are expanded ("Corée du Nord" → "CORÉE_DE_LE_NORD").
pub fn phrase_words(phrase: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in phrase.split_whitespace() {
        let w = w.replace('’', "'");
        let mut rest = w.as_str();
        // "d'Ivoire", "l'Est": the elided word, then the rest.
        while let Some(k) = rest.find('\'') {
            let (a, b) = rest.split_at(k + 1);
            if a.len() > 3 {
                break;
            }
            out.push(a.to_uppercase());
            rest = b;
        }
        if rest.is_empty() {
            continue;
        }
        match rest.to_lowercase().as_str() {
            "du" => out.extend(["DE".into(), "LE".into()]),
            "des" => out.extend(["DE".into(), "LES".into()]),
            "au" => out.extend(["À".into(), "LE".into()]),
            "aux" => out.extend(["À".into(), "LES".into()]),
            _ => out.push(rest.to_uppercase()),
        }
    }
    out.join("_")
}

/// The country part of the French actor dictionary, in PETRARCH's actor format: each
/// country's French names, demonyms and capitals (those that stand for a government) under
/// its ISO 3166 alpha-3 code, whole words only.
pub fn country_actors(countries: &[Country]) -> String {
    let mut out = String::new();
    for c in countries {
        let mut phrases: Vec<String> = Vec::new();
        let mut add = |p: &str| {
            let w = phrase_words(p);
            if !w.is_empty() && !phrases.contains(&w) {
                phrases.push(w);
            }
        };
        for n in &c.fr_names {
            add(&n.name);
        }
        for d in &c.fr_demonyms {
            add(d);
        }
        for cap in c.capitals.iter().filter(|k| k.metonym) {
            add(&cap.name);
        }
        let Some((first, rest)) = phrases.split_first() else {
            continue;
        };
        out.push_str(&format!("{first}_\n"));
        for p in rest {
            out.push_str(&format!("+{p}_\n"));
        }
        out.push_str(&format!("\t[{}]\n\n", c.iso3));
    }
    out
}

/// Builds the French dictionaries over `countries` (the coder's country table) and the
/// shipped English dictionaries (`english`: their actors and coding ontology).
pub fn french(
    countries: &[Country],
    english: Option<&'static PetrarchDicts>,
) -> Result<PetrarchDicts, ShippedDictError> {
    let at = |file: &'static str| move |error| ShippedDictError { file, error };
    let verbs =
        VerbDict::parse_with(VERBS, Inflection::French).map_err(at("dicts/fr/verbes.fr.txt"))?;
    let agents =
        AgentDict::parse_with(AGENTS, Inflection::French).map_err(at("dicts/fr/agents.fr.txt"))?;
    let mut actors = ActorDict::parse(&country_actors(countries))
        .map_err(at("data/countries.tsv (French country actors)"))?;
    actors.extend(ActorDict::parse(ACTORS).map_err(at("dicts/fr/acteurs.fr.txt"))?);
    Ok(PetrarchDicts {
        verbs,
        actors,
        agents,
        pico: english.and_then(|en| en.pico.clone()),
        fallback_actors: english.map(|en| &en.actors),
        fallback_excluded: NOT_NAMES_IN_FRENCH,
        fallback_foreign_names: english_only_names(countries),
        beyond_petrarch: true,
        demonym_words: countries
            .iter()
            .flat_map(|c| c.fr_demonyms.iter().map(|d| d.to_uppercase()))
            .collect(),
        // English names too: the English actors are read as a fallback ("Chad").
        country_words: super::english::one_word_names(countries.iter().flat_map(|c| {
            c.fr_names
                .iter()
                .map(|n| n.name.as_str())
                .chain(c.en_names.iter().map(String::as_str))
        })),
    })
}

/// The one-word English country names that are no French name of a country, even without
/// accents ("Chad", "Jordan", "Georgia"; not "Israel" or "Iran", nor acronyms such as "UK"
/// or "USA", which French text uses too), upper case.
fn english_only_names(countries: &[Country]) -> std::collections::HashSet<String> {
    let french: std::collections::HashSet<String> = countries
        .iter()
        .flat_map(|c| c.fr_names.iter().map(|n| crate::text::fold(&n.name)))
        .collect();
    countries
        .iter()
        .flat_map(|c| c.en_names.iter())
        .filter(|n| !n.contains([' ', '-']) && n.chars().any(char::is_lowercase))
        .filter(|n| !french.contains(&crate::text::fold(n)))
        .map(|n| n.to_uppercase().replace('’', "'"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coder::DataFiles;
    use crate::dict::Dictionaries;

    fn dicts() -> PetrarchDicts {
        let d = Dictionaries::parse(DataFiles::EMBEDDED.countries, DataFiles::EMBEDDED.roles)
            .expect("embedded tables");
        french(&d.countries, super::super::english().ok()).expect("the French dictionaries parse")
    }

    fn toks(rows: &[(&str, &str, &str, usize, &str)]) -> Vec<super::super::Tok> {
        rows.iter()
            .map(|&(f, l, u, h, r)| super::super::Tok {
                form: f.into(),
                lemma: l.into(),
                upos: u.to_string().into(),
                head: h.checked_sub(1),
                deprel: r.into(),
                future: false,
            })
            .collect()
    }

    fn coded(t: &[super::super::Tok]) -> Vec<(String, String, String)> {
        let d = dicts();
        super::super::code_sentence_with(&d, t, Some(20240301), true)
            .into_iter()
            .map(|c| (c.source, c.code, c.target))
            .collect()
    }

    #[test]
    fn an_english_country_name_alone_is_a_first_name_in_french() {
        // "Jordan condamne l'attaque." / "La Jordanie condamne l'attaque."
        let said = |name: &str| {
            toks(&[
                ("La", "le", "DET", 2, "det"),
                (name, name, "PROPN", 3, "nsubj"),
                ("condamne", "condamner", "VERB", 0, "root"),
                ("l'", "le", "DET", 5, "det"),
                ("attaque", "attaque", "NOUN", 3, "obj"),
            ])
        };
        let d = dicts();
        assert!(d.fallback_foreign_names.contains("JORDAN"));
        assert!(!d.fallback_foreign_names.contains("ISRAEL"));
        assert!(!d.fallback_foreign_names.contains("USA"));
        assert!(coded(&said("Jordan")).is_empty());
        let c = coded(&said("Jordanie"));
        assert!(c.iter().any(|(s, _, _)| s == "JOR"), "{c:?}");
    }

    #[test]
    fn codes_a_meeting_with_demonyms_and_roles() {
        // "Le président tunisien a rencontré son homologue malien à Tunis."
        let t = toks(&[
            ("Le", "le", "DET", 2, "det"),
            ("président", "président", "NOUN", 5, "nsubj"),
            ("tunisien", "tunisien", "ADJ", 2, "amod"),
            ("a", "avoir", "AUX", 5, "aux:tense"),
            ("rencontré", "rencontrer", "VERB", 0, "root"),
            ("son", "son", "DET", 7, "det"),
            ("homologue", "homologue", "NOUN", 5, "obj"),
            ("malien", "malien", "ADJ", 7, "amod"),
            ("à", "à", "ADP", 10, "case"),
            ("Tunis", "Tunis", "PROPN", 5, "obl:mod"),
        ]);
        let c = coded(&t);
        assert!(
            c.contains(&("TUNGOV".into(), "040".into(), "MLI".into())),
            "{c:?}"
        );
    }

    #[test]
    fn reflexive_pattern_and_reciprocal_pair() {
        // "Les dirigeants turc et allemand se sont rencontrés."
        let t = toks(&[
            ("Les", "le", "DET", 2, "det"),
            ("dirigeants", "dirigeant", "NOUN", 8, "nsubj"),
            ("turc", "turc", "ADJ", 2, "amod"),
            ("et", "et", "CCONJ", 5, "cc"),
            ("allemand", "allemand", "ADJ", 3, "conj"),
            ("se", "soi", "PRON", 8, "expl:pv"),
            ("sont", "être", "AUX", 8, "aux:tense"),
            ("rencontrés", "rencontrer", "VERB", 0, "root"),
        ]);
        let c = coded(&t);
        assert!(
            c.contains(&("TURGOV".into(), "040".into(), "DEUGOV".into())),
            "{c:?}"
        );
        assert!(
            c.contains(&("DEUGOV".into(), "040".into(), "TURGOV".into())),
            "{c:?}"
        );
    }

    #[test]
    fn inserted_speech_verb_takes_its_subject_after_it() {
        // "« Nous resterons fermes », a déclaré le ministre algérien." The parser read the
        // post-posed subject as an object.
        let t = toks(&[
            ("«", "«", "PUNCT", 4, "punct"),
            ("Nous", "nous", "PRON", 3, "nsubj"),
            ("resterons", "rester", "VERB", 0, "root"),
            ("fermes", "ferme", "ADJ", 3, "xcomp"),
            ("»", "»", "PUNCT", 3, "punct"),
            (",", ",", "PUNCT", 8, "punct"),
            ("a", "avoir", "AUX", 8, "aux:tense"),
            ("déclaré", "déclarer", "VERB", 3, "parataxis:insert"),
            ("le", "le", "DET", 10, "det"),
            ("ministre", "ministre", "NOUN", 8, "obj"),
            ("algérien", "algérien", "ADJ", 10, "amod"),
        ]);
        let c = coded(&t);
        assert_eq!(c, vec![("DZAGOV".into(), "010".into(), String::new())]);
    }

    #[test]
    fn french_negation_codes_the_opposite_act() {
        // "Le Mali n'a pas condamné l'attaque du Niger." A negated condemnation is not coded
        // as a condemnation (the ontology turns 111 into its negation, or nothing).
        let t = toks(&[
            ("Le", "le", "DET", 2, "det"),
            ("Mali", "Mali", "PROPN", 6, "nsubj"),
            ("n'", "ne", "ADV", 6, "advmod"),
            ("a", "avoir", "AUX", 6, "aux:tense"),
            ("pas", "pas", "ADV", 6, "advmod"),
            ("condamné", "condamner", "VERB", 0, "root"),
            ("l'", "le", "DET", 8, "det"),
            ("attaque", "attaque", "NOUN", 6, "obj"),
            ("de", "de", "ADP", 11, "case"),
            ("le", "le", "DET", 11, "det"),
            ("Niger", "Niger", "PROPN", 8, "nmod"),
        ]);
        let c = coded(&t);
        assert!(c.iter().all(|(_, code, _)| code != "111"), "{c:?}");
        // Without "ne … pas" the same parse is a condemnation of Niger by Mali.
        let mut affirmed = t.clone();
        for k in [2, 4] {
            affirmed[k].deprel = "dep".into();
            affirmed[k].form = "bien".into();
            affirmed[k].lemma = "bien".into();
        }
        let c = coded(&affirmed);
        assert!(
            c.contains(&("MLI".into(), "111".into(), "NER".into())),
            "{c:?}"
        );
    }

    #[test]
    fn an_elided_de_matches_the_dictionaries_de() {
        // "a déclaré / levé l'état d'urgence": "(DE URGENCE)" reads "d'urgence".
        for (verb, lemma, code) in [("déclaré", "déclarer", "1724"), ("levé", "lever", "0814")]
        {
            let t = toks(&[
                ("Le", "le", "DET", 2, "det"),
                ("président", "président", "NOUN", 5, "nsubj"),
                ("tchadien", "tchadien", "ADJ", 2, "amod"),
                ("a", "avoir", "AUX", 5, "aux:tense"),
                (verb, lemma, "VERB", 0, "root"),
                ("l'", "le", "DET", 7, "det"),
                ("état", "état", "NOUN", 5, "obj"),
                ("d'", "de", "ADP", 9, "case"),
                ("urgence", "urgence", "NOUN", 7, "nmod"),
            ]);
            let c = super::super::code_sentence_with(&dicts(), &t, None, true);
            assert!(
                c.iter().any(|c| c.source == "TCDGOV" && c.code == code),
                "{verb}: {c:?}"
            );
        }
    }

    #[test]
    fn attributions_are_statements_of_their_source() {
        // "Selon la police malienne, le convoi a été attaqué."
        let t = toks(&[
            ("Selon", "selon", "ADP", 3, "case"),
            ("la", "le", "DET", 3, "det"),
            ("police", "police", "NOUN", 9, "obl:mod"),
            ("malienne", "malien", "ADJ", 3, "amod"),
            (",", ",", "PUNCT", 3, "punct"),
            ("le", "le", "DET", 7, "det"),
            ("convoi", "convoi", "NOUN", 9, "nsubj:pass"),
            ("a", "avoir", "AUX", 9, "aux"),
            ("attaqué", "attaquer", "VERB", 0, "root"),
        ]);
        let d = dicts();
        let c = super::super::code_sentence_with(&d, &t, None, true);
        let attribution: Vec<_> = c.iter().filter(|c| c.rule == "attribution").collect();
        assert_eq!(attribution.len(), 1, "{c:?}");
        assert_eq!(
            (attribution[0].source.as_str(), attribution[0].code.as_str()),
            ("MLICOP", "010")
        );
        // The source phrase leaves out "Selon".
        assert_eq!(attribution[0].source_words, 1..4);
        // A role alone: "selon les autorités".
        let t = toks(&[
            ("Selon", "selon", "ADP", 3, "case"),
            ("les", "le", "DET", 3, "det"),
            ("autorités", "autorité", "NOUN", 5, "obl:mod"),
            ("il", "il", "PRON", 5, "nsubj"),
            ("pleut", "pleuvoir", "VERB", 0, "root"),
        ]);
        let c = super::super::code_sentence_with(&d, &t, None, true);
        assert!(
            c.iter().any(|c| c.source == "GOV" && c.code == "010"),
            "{c:?}"
        );
        // A civil role alone is nobody the record can name: "selon les chercheurs".
        let researchers = toks(&[
            ("Selon", "selon", "ADP", 3, "case"),
            ("les", "le", "DET", 3, "det"),
            ("chercheurs", "chercheur", "NOUN", 5, "obl:mod"),
            ("il", "il", "PRON", 5, "nsubj"),
            ("pleut", "pleuvoir", "VERB", 0, "root"),
        ]);
        let c = super::super::code_sentence_with(&d, &researchers, None, true);
        assert!(!c.iter().any(|c| c.rule == "attribution"), "{c:?}");
        // PETRARCH-style runs (no attributions) code nothing here.
        let plain = PetrarchDicts {
            beyond_petrarch: false,
            ..dicts()
        };
        assert!(super::super::code_sentence_with(&plain, &t, None, true).is_empty());
    }

    #[test]
    fn sports_sentences_are_discarded() {
        let d = french_discards();
        assert!(
            d.check("Lyon affrontera Naples en Ligue des champions mercredi.")
                .is_some()
        );
        assert!(
            d.check("Le golfeur américain a cédé son duel au 16e trou.")
                .is_some()
        );
        assert_eq!(
            d.check("L'armée a affronté les rebelles près de la frontière."),
            None
        );
    }

    #[test]
    fn phrases_split_as_the_tokenizer_does() {
        assert_eq!(phrase_words("Côte d’Ivoire"), "CÔTE_D'_IVOIRE");
        assert_eq!(phrase_words("Corée du Nord"), "CORÉE_DE_LE_NORD");
        assert_eq!(phrase_words("États-Unis"), "ÉTATS-UNIS");
    }

    #[test]
    fn shipped_french_dictionaries_load() {
        let d = dicts();
        // Lemmas and generated forms.
        for f in [
            "RENCONTRER",
            "RENCONTRÉS",
            "ANNONÇAIT",
            "CONDAMNONS",
            "DIT",
            "SIGNERA",
        ] {
            assert!(d.verbs.forms.contains_key(f), "{f}");
        }
        assert_eq!(
            d.actor_at(&["ÉTATS-UNIS"], None),
            Some((1, Some("USA".into())))
        );
        assert_eq!(
            d.actors.lookup(&["CORÉE", "DE", "LE", "NORD"], None),
            Some((4, Some("PRK".into())))
        );
        assert_eq!(
            d.actors.lookup(&["ALGÉRIENNES"], None),
            Some((1, Some("DZA".into())))
        );
        assert_eq!(
            d.actors.lookup(&["OTAN"], None),
            Some((1, Some("IGOWSTNAT".into())))
        );
        // English names of people stay; English names that are French words go.
        assert!(d.actor_at(&["UN"], None).is_none());
        assert_eq!(
            d.actor_at(&["BOKO", "HARAM"], None),
            Some((2, Some("NGAREB".into())))
        );
        let agent = |w: &[&str]| d.agents.lookup(w).map(|(n, a)| (n, a.code.clone()));
        assert_eq!(agent(&["MINISTRES"]), Some((1, "GOV".into())));
        assert_eq!(agent(&["GÉNÉRAUX"]), Some((1, "MIL".into())));
        assert_eq!(
            agent(&["CHEF", "DE", "L'", "ÉTAT"]),
            Some((4, "GOV".into()))
        );
    }
}
