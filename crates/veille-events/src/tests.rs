//! End-to-end tests: invented news sentences through segmentation and coding. Every test checks
//! the document (evidence spans included) with `veille_core::validate_doc`.

use crate::{Coder, DataFiles, LoadError, code_events, dedup_in_article};
use std::sync::OnceLock;
use veille_core::{Doc, EventMention, Lang, Span, Token};

fn coder() -> &'static Coder {
    static CODER: OnceLock<Coder> = OnceLock::new();
    CODER.get_or_init(|| Coder::load().expect("embedded data loads"))
}

fn code(text: &str, lang: Lang, date: Option<&str>) -> (Doc, Vec<EventMention>) {
    let mut doc = Doc::new(
        text.to_string(),
        Some(lang),
        date.and_then(|d| d.parse().ok()),
    );
    veille_nlp::segment(&mut doc);
    let events = code_events(&doc, coder());
    doc.events = events.clone();
    veille_core::validate_doc(&doc, text).expect("valid doc");
    for e in &events {
        assert!(
            e.evidence.windows(2).all(|w| w[0] < w[1]),
            "evidence sorted: {e:?}"
        );
        assert!(e.sentence.contains(e.source.span) || e.evidence.contains(&e.source.span));
    }
    (doc, events)
}

fn fr(text: &str) -> (Doc, Vec<EventMention>) {
    code(text, Lang::Fr, Some("2023-05-09"))
}

fn en(text: &str) -> (Doc, Vec<EventMention>) {
    code(text, Lang::En, Some("2023-05-09"))
}

/// `cameo source→target` summaries.
fn summary(events: &[EventMention]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            format!(
                "{} {}→{}",
                e.cameo,
                e.source.code,
                e.target.as_ref().map_or("-", |t| t.code.as_str())
            )
        })
        .collect()
}

fn evidence<'a>(doc: &'a Doc, e: &EventMention) -> Vec<&'a str> {
    e.evidence.iter().map(|s| doc.span_text(*s)).collect()
}

#[test]
fn french_agreement_between_ministers() {
    let (doc, ev) = fr(
        "Le ministre algérien des Affaires étrangères a signé mardi à Alger un accord de \
         coopération avec son homologue tunisien.",
    );
    assert_eq!(summary(&ev), ["057 DZAGOV→TUNGOV"]);
    let e = &ev[0];
    assert_eq!(
        evidence(&doc, e),
        [
            "Le ministre algérien des Affaires étrangères",
            "signé",
            "accord",
            "son homologue tunisien"
        ]
    );
    assert_eq!((e.root.as_str(), e.quad_class, e.goldstein), ("05", 1, 8.0));
    assert_eq!(e.plover.kind, "SUPPORT");
    assert_eq!(e.source.country.as_deref(), Some("DZA"));
    assert_eq!(e.source.roles, ["GOV"]);
    assert_eq!(e.date.value.as_deref(), Some("2023-05-09"));
    assert_eq!(
        (e.date.precision.as_str(), e.date.from.as_str()),
        ("day", "article")
    );
    assert_eq!(e.place, None);
    assert_eq!(doc.span_text(e.sentence), doc.text.trim_end());
    assert_eq!(e.rule, "fr.sign_agreement:signé…accord");
}

#[test]
fn rebels_attack_an_army_base() {
    let (doc, ev) = fr("Les rebelles ont attaqué une base de l'armée malienne.");
    assert_eq!(summary(&ev), ["190 REB→MLIMIL"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        ["Les rebelles", "attaqué", "l'armée malienne"]
    );
    assert_eq!((ev[0].quad_class, ev[0].goldstein), (4, -10.0));
}

#[test]
fn negated_clauses_code_nothing() {
    assert!(fr("Le Mali n'a pas signé l'accord.").1.is_empty());
    assert!(
        fr("Le Mali n'a pas signé l'accord avec la France.")
            .1
            .is_empty()
    );
    assert!(fr("Le Niger ne rencontrera jamais le Bénin.").1.is_empty());
    // A refusal is no signing; CAMEO codes the refusal itself as a rejection.
    let (_, ev) = fr("Le Tchad a refusé de signer un accord avec le Soudan.");
    assert_eq!(summary(&ev), ["120 TCD→SDN"]);
    assert!(
        en("Kenya did not sign the agreement with Uganda.")
            .1
            .is_empty()
    );
    assert!(en("Ghana didn't sign the treaty with Togo.").1.is_empty());
    // The negation of another clause does not reach the trigger.
    let (_, ev) = fr("Le Mali, qui n'a pas été consulté, a signé un accord avec le Niger.");
    assert_eq!(summary(&ev), ["057 MLI→NER"]);
}

#[test]
fn english_meeting_with_a_counterpart() {
    let (doc, ev) = en("The French president met his Nigerian counterpart in Abuja on Monday.");
    assert_eq!(summary(&ev), ["040 FRAGOV→NGAGOV"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        ["The French president", "met", "his Nigerian counterpart"]
    );
    assert_eq!(ev[0].plover.kind, "CONSULT");
}

#[test]
fn police_arrests_take_the_country_of_the_place() {
    let (doc, ev) = en("Police arrested dozens of protesters in Nairobi.");
    assert_eq!(summary(&ev), ["173 KENCOP→KENCVL"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        ["Police", "arrested", "protesters", "Nairobi"]
    );
    assert!(ev[0].rule.ends_with("+place_country"), "{}", ev[0].rule);
    // Without a place the country stays unknown.
    let (_, ev) = en("Police arrested dozens of protesters.");
    assert_eq!(summary(&ev), ["173 COP→CVL"]);
}

#[test]
fn reporters_are_never_actors() {
    let (_, ev) =
        fr("« La situation reste tendue », a précisé notre correspondant à Dakar, Jean Dupont.");
    assert!(ev.is_empty(), "{:?}", summary(&ev));
    let (_, ev) = fr(
        "« Le calme est revenu », a indiqué notre envoyée spéciale, Claire Martin. \
         Claire Martin a rencontré le ministre sénégalais de l'Intérieur.",
    );
    assert!(ev.is_empty(), "{:?}", summary(&ev));
    let (_, ev) = en("Two journalists were detained by police in Harare.");
    assert!(ev.is_empty(), "{:?}", summary(&ev));
}

#[test]
fn pronoun_subjects_refer_to_the_previous_subject() {
    let (doc, ev) = fr(
        "Le président sénégalais est arrivé lundi à Bamako. Il a ensuite rencontré le Premier \
         ministre malien.",
    );
    assert_eq!(summary(&ev), ["042 SENGOV→MLI", "040 SENGOV→MLIGOV"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        ["Le président sénégalais", "arrivé", "Bamako"]
    );
    assert_eq!(
        evidence(&doc, &ev[1]),
        ["Il", "rencontré", "le Premier ministre malien"]
    );
    assert!(ev[1].rule.contains("+coref"));
    let (_, ev) = en("The Kenyan president landed in Kampala. He later met Ugandan officials.");
    assert_eq!(summary(&ev), ["040 KENGOV→UGAGOV"]);
}

#[test]
fn a_pronoun_after_a_quotation_stands_for_its_speaker() {
    // The quotation's own subject is not the one the next "il" stands for.
    let (_, ev) = fr(
        "« Le gouvernement tunisien a tout perdu », a expliqué Karim Mansour. Il a \
         ensuite rencontré le Premier ministre malien.",
    );
    assert!(
        !ev.iter().any(|e| e.source.code.starts_with("TUN")),
        "{:?}",
        summary(&ev)
    );
    // An inverted clitic ends a reporting clause: a person speaking, not the country before.
    let (_, ev) = fr(
        "Le Maroc a rappelé son ambassadeur. « Nous n'accepterons pas cela », a-t-il \
         déclaré.",
    );
    assert!(!ev.iter().any(|e| e.cameo == "010"), "{:?}", summary(&ev));
    // "il est peu probable que": an impersonal "il" is no one.
    let (_, ev) = fr(
        "La Chine s'est engagée à égaler les États-Unis, et il est peu probable que \
         Pékin cède.",
    );
    assert_eq!(summary(&ev), ["030 CHN→USA"]);
}

#[test]
fn reporting_only_verbs_are_statements_in_a_reporting_clause() {
    let (doc, ev) = fr(
        "« Nous ne céderons pas », a réagi le ministre marocain des Affaires \
         étrangères.",
    );
    assert_eq!(summary(&ev), ["010 MARGOV→-"]);
    assert_eq!(ev[0].rule, "fr.say.incise:réagi+inverted");
    assert!(evidence(&doc, &ev[0]).contains(&"réagi"));
    let (_, ev) = fr("Le Maroc, poursuit-il, ne cédera pas.");
    assert!(ev.is_empty(), "{:?}", summary(&ev));
    // Elsewhere the verb has its own sense.
    let (_, ev) = fr("L'armée malienne a réagi en bombardant les positions rebelles.");
    assert!(!ev.iter().any(|e| e.cameo == "010"), "{:?}", summary(&ev));
    // (The parse tells that the subject is before the verb.)
    let got = parsed_summary(
        "Le ministre marocain, confiant, a nuancé la position du gouvernement.",
        Lang::Fr,
    );
    assert!(!got.iter().any(|e| e.starts_with("010")), "{got:?}");
    let (_, ev) = en("\"We will not give in,\" the Kenyan foreign minister continued.");
    assert_eq!(summary(&ev), ["010 KENGOV→-"]);
    let (_, ev) =
        en("Kenya, the Kenyan foreign minister wrote in a statement, \"will not give in.\"");
    assert_eq!(summary(&ev), ["010 KENGOV→-"]);
    let (_, ev) = en("The Kenyan army continued its offensive near the border.");
    assert!(!ev.iter().any(|e| e.cameo == "010"), "{:?}", summary(&ev));
    let (_, ev) = en("The main rebel group in Kenya, the KLF, insisted on its demands.");
    assert!(!ev.iter().any(|e| e.cameo == "010"), "{:?}", summary(&ev));
}

#[test]
fn an_attribution_names_a_person_the_article_introduced() {
    let (doc, ev) = fr(
        "La députée américaine Maxine Waters a démenti mardi. Selon Waters, la \
         plainte est fausse.",
    );
    let said: Vec<_> = ev.iter().filter(|e| e.cameo == "010").collect();
    assert_eq!(
        summary(&ev).iter().filter(|s| s.starts_with("010")).count(),
        1
    );
    assert_eq!(said[0].source.code, "USALEG");
    assert_eq!(said[0].rule, "fr.say.selon:Selon+attribution");
    assert_eq!(evidence(&doc, said[0]), ["Selon", "Waters"]);
    let (_, ev) = en(
        "The Kenyan foreign minister Jane Achieng spoke on Monday. According to \
         Achieng, the talks have failed.",
    );
    assert!(
        summary(&ev).contains(&"010 KENGOV→-".to_string()),
        "{:?}",
        summary(&ev)
    );
    // A last name first seen bare ("l'administration Lambert") still learns the country a
    // later, fuller mention gives it.
    let (_, ev) = fr(
        "Les représentants de l'administration Lambert, y compris le président kényan \
         Paul Lambert lui-même, sont arrivés. Selon Lambert, la plainte est fausse.",
    );
    assert!(
        summary(&ev).contains(&"010 KENGOV→-".to_string()),
        "{:?}",
        summary(&ev)
    );
    // Someone the article never introduced speaks for no one the record can name.
    let (_, ev) = fr("Selon Dupont, la plainte est fausse.");
    assert!(ev.is_empty(), "{:?}", summary(&ev));
}

#[test]
fn a_name_after_a_demonym_is_that_countrys_national() {
    let said = |ev: &[EventMention]| -> Vec<String> {
        summary(ev)
            .into_iter()
            .filter(|s| s.starts_with("010"))
            .collect()
    };
    let (_, ev) = fr(
        "Le passager américain Bill Jaynes a été blessé. « C'est terrible », a \
         déclaré Jaynes.",
    );
    assert_eq!(said(&ev), ["010 USA→-"]);
    let (_, ev) = fr(
        "L'Américaine Maxine Waters a été entendue. Selon Waters, la plainte est \
         fausse.",
    );
    assert_eq!(said(&ev), ["010 USA→-"]);
    let (_, ev) = en("American passenger Bill Jaynes was hurt. \"It was terrible,\" Jaynes said.");
    assert_eq!(said(&ev), ["010 USA→-"]);
    // A newspaper is no national, nor is a firm.
    let (_, ev) = fr(
        "Il poursuit le magazine allemand Der Spiegel. Der Spiegel a déclaré que \
         l'article était juste.",
    );
    assert!(said(&ev).is_empty(), "{:?}", summary(&ev));
    // A title keeps the country before it: "U.S. Rep." is an American legislator.
    let (_, ev) = en("U.S. Rep. Maxine Waters spoke on Saturday. \"This is a lie,\" Waters said.");
    assert_eq!(said(&ev), ["010 USALEG→-"]);
}

#[test]
fn the_latter_is_the_last_actor_mentioned() {
    let (_, ev) = fr(
        "Le ministre nigérien de la Défense a reçu l'ambassadeur français. Ce dernier a ensuite \
         rencontré le chef d'état-major nigérien.",
    );
    assert_eq!(summary(&ev), ["043 NERGOV→FRAGOV", "040 FRAGOV→NERMIL"]);
}

#[test]
fn intent_is_coded_as_intent_or_skipped() {
    let (_, ev) = fr("Le Maroc pourrait signer un accord avec le Nigeria.");
    assert_eq!(summary(&ev), ["030 MAR→NGA"]);
    assert!(ev[0].rule.ends_with("+intent"));
    let (_, ev) = en("The Egyptian president will visit Sudan next week.");
    assert_eq!(summary(&ev), ["036 EGYGOV→SDN"]);
    let (_, ev) = fr("Le Mali signera un traité avec le Niger.");
    assert_eq!(summary(&ev), ["030 MLI→NER"]);
    // Conflict patterns have no intent code: nothing is coded.
    assert!(
        fr("L'armée tchadienne pourrait attaquer les rebelles.")
            .1
            .is_empty()
    );
}

#[test]
fn passives_swap_source_and_target() {
    let (doc, ev) = fr("Trois soldats maliens ont été tués par des jihadistes près de Gao.");
    assert_eq!(summary(&ev), ["190 REB→MLIMIL"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        ["soldats maliens", "tués", "des jihadistes"]
    );
    assert!(ev[0].rule.ends_with("+passive"));
    // A passive without an agent has no source.
    assert!(
        fr("Trois soldats maliens ont été tués près de Gao.")
            .1
            .is_empty()
    );
}

#[test]
fn capitals_as_subjects_are_governments() {
    let (doc, ev) = fr("Washington a accusé Téhéran de soutenir les rebelles.");
    assert_eq!(summary(&ev), ["112 USAGOV→IRNGOV"]);
    assert_eq!(evidence(&doc, &ev[0]), ["Washington", "accusé", "Téhéran"]);
    let (_, ev) = en("Moscow condemned the Ukrainian army.");
    assert_eq!(summary(&ev), ["111 RUSGOV→UKRMIL"]);
    // After "à" a capital is a place, after "de" nothing.
    let (_, ev) = fr("Les manifestants ont protesté contre le gouvernement à Alger.");
    assert_eq!(summary(&ev), ["141 DZACVL→DZAGOV"]);
}

#[test]
fn coordinated_parties_sign_with_each_other() {
    let (doc, ev) = fr("Le Maroc et la Mauritanie ont signé un accord de pêche.");
    assert_eq!(summary(&ev), ["057 MAR→MRT"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        ["Maroc", "Mauritanie", "signé", "accord"]
    );
    let (_, ev) = fr("Le Ghana et le Togo ont signé un accord avec la Côte d'Ivoire.");
    assert_eq!(summary(&ev), ["057 GHA→CIV", "057 TGO→CIV"]);
    let (_, ev) =
        fr("Des pourparlers entre le Soudan et le Soudan du Sud ont repris à Addis-Abeba.");
    assert_eq!(summary(&ev), ["046 SDN→SSD"]);
    let (_, ev) = en("Talks between Armenia and Azerbaijan resumed on Monday.");
    assert_eq!(summary(&ev), ["046 ARM→AZE"]);
}

#[test]
fn visits_need_a_destination() {
    let (doc, ev) = fr("La visite du président turc en Algérie s'est achevée mardi.");
    assert_eq!(summary(&ev), ["042 TURGOV→DZA"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        ["visite", "président turc", "Algérie"]
    );
    let (_, ev) = fr("Le Premier ministre éthiopien s'est rendu au Kenya et en Somalie.");
    assert_eq!(summary(&ev), ["042 ETHGOV→KEN", "042 ETHGOV→SOM"]);
    let (_, ev) = en("Kenya's foreign minister visited Rwanda last week.");
    assert_eq!(summary(&ev), ["042 KENGOV→RWA"]);
    // A foreign official's presence in a country is a visit there; being at home is not,
    // nor is a visit to nowhere in particular.
    let (_, ev) = fr("Le président gabonais était au Maroc.");
    assert_eq!(summary(&ev), ["042 GABGOV→MAR"]);
    let (_, ev) = en("The Kenyan foreign minister was in Rwanda on Monday.");
    assert_eq!(summary(&ev), ["042 KENGOV→RWA"]);
    assert!(fr("Le ministre marocain est à Rabat.").1.is_empty());
    assert!(fr("La Tunisie est en crise depuis des mois.").1.is_empty());
    assert!(
        fr("Cette visite américaine intervient dans un contexte tendu.")
            .1
            .is_empty()
    );
}

#[test]
fn people_inherit_roles_from_apposition_and_from_the_previous_sentence() {
    let (_, ev) = fr(
        "Le ministre ghanéen de la Défense, Kofi Mensah, est arrivé à Lomé. Mensah a signé un \
         accord militaire avec le Togo.",
    );
    assert_eq!(summary(&ev), ["042 GHAGOV→TGO", "057 GHAGOV→TGO"]);
    let (doc, ev) = fr(
        "La ministre kényane des Affaires étrangères a quitté Nairobi lundi. Amina Wanjiru \
         s'est rendue en Ouganda.",
    );
    assert_eq!(summary(&ev), ["042 KENGOV→UGA"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        ["Amina Wanjiru", "s'", "rendue", "Ouganda"]
    );
    // Not when the previous sentence already named someone: the person stays unknown, and
    // an unknown person is no source.
    let (_, ev) = fr(
        "La ministre kényane, Grace Otieno, a quitté Nairobi. Amina Wanjiru s'est rendue en Ouganda.",
    );
    assert_eq!(summary(&ev), Vec::<String>::new());
}

#[test]
fn a_role_without_country_takes_the_country_of_the_place() {
    let (doc, ev) = fr(
        "Le ministre britannique du Commerce a conclu à Accra un accord commercial avec le \
         ministre de l'Économie.",
    );
    assert_eq!(summary(&ev), ["057 GBRGOV→GHAGOV"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        [
            "Le ministre britannique du Commerce",
            "conclu",
            "Accra",
            "accord",
            "le ministre de l'Économie"
        ]
    );
    assert!(ev[0].rule.ends_with("+place_country"), "{}", ev[0].rule);
}

#[test]
fn undated_articles_give_undated_events() {
    let (_, ev) = code(
        "Les rebelles ont attaqué l'armée nigériane.",
        Lang::Fr,
        None,
    );
    assert_eq!(summary(&ev), ["190 REB→NGAMIL"]);
    let d = &ev[0].date;
    assert_eq!(
        (d.value.as_deref(), d.precision.as_str(), d.from.as_str()),
        (None, "none", "none")
    );
}

#[test]
fn one_record_per_dyad_and_fact() {
    let (doc, ev) = fr(
        "Le Mali et le Niger ont signé un accord de défense. Le Niger a signé cet accord avec \
         le Mali pour dix ans.",
    );
    assert_eq!(summary(&ev), ["057 MLI→NER"]);
    let ev_text = evidence(&doc, &ev[0]);
    assert_eq!(
        ev_text.iter().filter(|t| **t == "signé").count(),
        2,
        "{ev_text:?}"
    );
}

#[test]
fn dedup_is_exposed_and_keeps_direction_for_visits() {
    let (_, ev) =
        fr("Le président malien s'est rendu au Niger. Le président nigérien s'est rendu au Mali.");
    assert_eq!(summary(&ev), ["042 MLIGOV→NER", "042 NERGOV→MLI"]);
    let doubled: Vec<EventMention> = ev.iter().chain(ev.iter()).cloned().collect();
    assert_eq!(dedup_in_article(doubled), ev);
}

#[test]
fn english_statements_sanctions_and_violence() {
    let (_, ev) = en("\"We will respond,\" said the Iranian foreign minister.");
    assert_eq!(summary(&ev), ["010 IRNGOV→-"]);
    assert_eq!(ev[0].plover.kind, "NONE");
    let (_, ev) = en("The United States imposed new sanctions on Russia.");
    assert_eq!(summary(&ev), ["163 USA→RUS"]);
    let (_, ev) = en("Israeli troops killed two Palestinian militants near Jenin.");
    assert_eq!(summary(&ev), ["190 ISRMIL→PSEREB"]);
    let (_, ev) = en("Rebels attacked a Congolese army convoy.");
    assert_eq!(summary(&ev), ["190 REB→MIL"]);
}

#[test]
fn answering_explaining_and_testifying_are_statements() {
    let (_, ev) = fr("Le ministre marocain a répondu qu'aucun accord n'était prêt.");
    assert_eq!(summary(&ev), ["010 MARGOV→-"]);
    let (_, ev) = fr("Le ministre marocain a expliqué que les discussions continuaient.");
    assert_eq!(summary(&ev), ["010 MARGOV→-"]);
    let (_, ev) =
        fr("Le ministre marocain a témoigné hier devant les députés que l'accord tenait.");
    assert_eq!(summary(&ev), ["010 MARGOV→-"]);
    // Testimony with no reported content is no statement: what was said is not known.
    let (_, ev) = fr("Le ministre marocain a témoigné devant la commission.");
    assert!(ev.is_empty(), "{:?}", summary(&ev));
    let (_, ev) = en("\"Nothing is settled,\" the Moroccan minister replied.");
    assert_eq!(summary(&ev), ["010 MARGOV→-"]);
    let (_, ev) = en("The Moroccan minister explained that the talks would continue.");
    assert_eq!(summary(&ev), ["010 MARGOV→-"]);
    let (_, ev) = en("The Moroccan minister made it clear that the talks were over.");
    assert_eq!(summary(&ev), ["010 MARGOV→-"]);
    // Committing oneself to act is a pledge, as "s'engager à" is.
    let (_, ev) = en("Morocco has already committed to meet the cost of the new port.");
    assert_eq!(summary(&ev), ["030 MAR→-"]);
    let (_, ev) = fr("Le Maroc s'est déjà engagé à couvrir le coût du nouveau port.");
    assert_eq!(summary(&ev), ["030 MAR→-"]);
    // Describing is a statement in both languages, as CAMEO.2.0 codes "describe".
    assert_eq!(
        parsed_summary(
            "Le ministre marocain a décrit la situation comme catastrophique.",
            Lang::Fr
        ),
        ["010 MARGOV→-"]
    );
    assert_eq!(
        parsed_summary(
            "Le ministère marocain a informé les ambassadeurs que la frontière restait fermée.",
            Lang::Fr
        ),
        ["010 MARGOV→-"]
    );
    // A reporting clause between commas inside the clause it reports.
    assert_eq!(
        parsed_summary(
            "Les églises, a ajouté le ministre marocain, pourraient être remplacées par des immeubles.",
            Lang::Fr
        ),
        ["010 MARGOV→-"]
    );
    // The indefinite "on" names nobody, with or without a parse; the quotation's actor does
    // not speak.
    let text = "« Le Maroc a tort », a-t-on répondu.";
    assert!(fr(text).1.is_empty());
    assert!(parsed_summary(text, Lang::Fr).is_empty());
}

#[test]
fn coordinated_verbs_share_their_subject() {
    let (_, ev) = en("Egypt accused Sudan of arming rebels and threatened Eritrea.");
    assert_eq!(summary(&ev), ["112 EGY→SDN", "130 EGY→ERI"]);
    let (_, ev) =
        fr("Le président tchadien a reçu l'ambassadeur russe et a signé un accord avec la Libye.");
    assert_eq!(summary(&ev), ["043 TCDGOV→RUSGOV", "057 TCDGOV→LBY"]);
}

#[test]
fn english_compounds_datelines_and_organisations() {
    let (doc, ev) = en("KAMPALA, May 2 - Ugandan government officials met Kenyan police officers.");
    assert_eq!(summary(&ev), ["040 UGAGOV→KENCOP"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        [
            "Ugandan government officials",
            "met",
            "Kenyan police officers"
        ]
    );
    // "a military base": the role word is a modifier, not an actor.
    let (_, ev) = en("Gunmen attacked a military base near Gao.");
    assert!(ev.is_empty(), "{:?}", summary(&ev));
    // Organisation names are not people.
    let (_, ev) = en("Ghana condemned the United Nations Security Council.");
    assert!(ev.is_empty(), "{:?}", summary(&ev));
}

#[test]
fn verb_forms_used_as_nouns_code_nothing() {
    assert!(fr("Le Mali fait face à la menace jihadiste.").1.is_empty());
    assert!(
        fr("Le Niger a publié les critiques de l'opposition nigérienne.")
            .1
            .is_empty()
    );
    assert!(
        en("Kenya saw the sign of an agreement with Uganda.")
            .1
            .is_empty()
    );
    // The noun patterns still see them.
    let (_, ev) = fr("L'attaque des rebelles contre l'armée tchadienne a fait dix morts.");
    assert_eq!(summary(&ev), ["190 REB→TCDMIL"]);
}

#[test]
fn french_article_end_to_end() {
    let text = "\
Sommet régional à Niamey

Le président nigérien a accueilli mercredi à Niamey son homologue burkinabè pour un sommet \
consacré à la sécurité. Les deux chefs d'État ont signé un accord de coopération militaire.

Le ministre tchadien des Affaires étrangères, Idriss Mahamat, a également rencontré le \
Premier ministre nigérien. « Nous devons agir ensemble », a déclaré Mahamat à l'issue de \
l'entretien.

Selon notre correspondant à Niamey, Paul Durand, des manifestants ont protesté devant \
l'ambassade de France. La police les a dispersés. Il n'a pas été signé de nouvel accord avec \
le Mali. Le gouvernement malien pourrait toutefois rencontrer les deux présidents en juin.
";
    let (doc, ev) = code(text, Lang::Fr, Some("2024-02-14"));
    assert_eq!(
        summary(&ev),
        [
            "043 NERGOV→BFAGOV",
            "040 TCDGOV→NERGOV",
            "010 TCDGOV→-",
            "141 NERCVL→FRAGOV",
            "036 MLIGOV→GOV",
        ],
        "{ev:#?}"
    );
    let host = &ev[0];
    assert_eq!(
        evidence(&doc, host),
        [
            "Le président nigérien",
            "accueilli",
            "son homologue burkinabè"
        ]
    );
    assert!(
        ev.iter()
            .all(|e| e.date.value.as_deref() == Some("2024-02-14"))
    );
    assert!(
        ev.iter()
            .all(|e| !e.source.roles.contains(&"JRN".to_string()))
    );
    // The protesters' country comes from where the correspondent is; their target is the embassy.
    let protest = &ev[3];
    assert_eq!(
        evidence(&doc, protest),
        [
            "Niamey",
            "des manifestants",
            "protesté",
            "l'ambassade de France"
        ]
    );
    assert!(ev[4].rule.ends_with("+intent"));
}

#[test]
fn malformed_documents_do_not_panic() {
    // Tokens pointing outside the text, words missing, sentences past the tokens.
    let mut doc = Doc::new(
        "Le Mali a signé un accord.".to_string(),
        Some(Lang::Fr),
        None,
    );
    veille_nlp::segment(&mut doc);
    doc.tokens.push(Token {
        span: Span {
            start: 10,
            end: 400,
        },
        first_word: 999,
        n_words: 3,
        space_after: false,
    });
    if let Some(s) = doc.sentences.last_mut() {
        s.end_token += 5;
    }
    doc.words.truncate(2);
    let _ = code_events(&doc, coder());
    // An unsegmented document or one in a language the coder has not loaded: nothing.
    let raw = Doc::new(
        "Le Mali a signé un accord avec le Niger.".to_string(),
        Some(Lang::Fr),
        None,
    );
    assert!(code_events(&raw, coder()).is_empty());
    let en_only = Coder::default_for(Lang::En).unwrap();
    let mut fr_doc = raw.clone();
    veille_nlp::segment(&mut fr_doc);
    assert!(code_events(&fr_doc, &en_only).is_empty());
    assert_eq!(code_events(&fr_doc, coder()).len(), 1);
}

#[test]
fn load_errors_are_typed() {
    let mut files = DataFiles::EMBEDDED;
    files.patterns = "x.attack\tfr\t999\t-\tobj\t-\tattaqu+er\n";
    let err = Coder::from_data(&files, &[Lang::Fr]).unwrap_err();
    assert!(
        matches!(&err, LoadError::MissingCode { code, .. } if code == "999"),
        "{err}"
    );
    files.patterns = "x.attack\tfr\t190\t-\tobj\n";
    assert!(matches!(
        Coder::from_data(&files, &[Lang::Fr]),
        Err(LoadError::Columns { .. })
    ));
}

#[test]
fn every_pattern_code_has_goldstein_and_plover() {
    let c = coder();
    for p in c.patterns() {
        for code in std::iter::once(&p.cameo).chain(p.intent.as_ref()) {
            let k = c
                .cameo()
                .get(code)
                .unwrap_or_else(|| panic!("{} uses {code}", p.id));
            assert!(!k.plover_type.is_empty());
            assert!((1..=4).contains(&k.quad_class()));
        }
    }
    assert!(c.patterns().len() >= 60, "{} patterns", c.patterns().len());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "Le",
        "la",
        "Mali",
        "États-Unis",
        "a",
        "signé",
        "accord",
        "avec",
        ",",
        ".",
        "«",
        "»",
        "n'",
        "pas",
        "ministre",
        "sénégalais",
        "Il",
        "rencontré",
        "à",
        "Dakar",
        "Jean",
        "Dupont",
        "et",
        "the",
        "met",
        "police",
        "arrested",
        "by",
        "été",
        "tués",
        "par",
        "entre",
        "dialogue",
        "soudanais",
        "\n\n",
        "Ce",
        "dernier",
        "homologue",
        "des",
        "du",
        "au",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Any text, segmented then coded, gives events whose spans all slice the text.
        #[test]
        fn coding_never_panics_and_spans_are_valid(
            words in proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(WORDS).prop_map(String::from),
                    "[a-zA-Zéèàç'’-]{1,8}",
                ],
                0..40,
            ),
            lang in prop_oneof![Just(Lang::Fr), Just(Lang::En)],
        ) {
            let text = words.join(" ");
            let mut doc = Doc::new(text.clone(), Some(lang), "2020-01-01".parse().ok());
            veille_nlp::segment(&mut doc);
            let events = code_events(&doc, coder());
            doc.events = events;
            prop_assert!(veille_core::validate_doc(&doc, &text).is_ok());
        }
    }
}

#[test]
fn an_act_scheduled_for_the_articles_own_day_happens_that_day() {
    // The article is Tuesday 9 May 2023's.
    let coded = |text: &str| {
        let mut doc = Doc::new(text.to_string(), Some(Lang::Fr), "2023-05-09".parse().ok());
        veille_nlp::analyze(&mut doc);
        doc.times = veille_time::find_times(text, Lang::Fr, doc.date);
        let events = code_events(&doc, coder());
        events
            .iter()
            .map(|e| format!("{} {}", e.cameo, e.date.value.as_deref().unwrap_or("-")))
            .collect::<Vec<_>>()
    };
    let got = coded("Ce mardi doit reprendre à Mombasa le dialogue soudanais, selon le ministère.");
    assert!(got.contains(&"046 2023-05-09".to_string()), "{got:?}");
    // A later day stays an intention.
    let got = coded("Jeudi doit reprendre à Mombasa le dialogue soudanais, selon le ministère.");
    assert!(got.iter().all(|e| !e.starts_with("046")), "{got:?}");
    assert!(got.iter().any(|e| e.starts_with("036")), "{got:?}");
}

#[test]
fn english_parse_coder_codes_dictionary_verbs() {
    // "praise" has no pattern of veille's own: the shipped CAMEO.2.0 dictionary codes it over
    // the parse; the negated clause codes nothing.
    let text = "Iran praised Syria for its cooperation on Monday. Germany did not praise Syria.";
    let mut doc = Doc::new(text.to_string(), Some(Lang::En), "2023-05-09".parse().ok());
    veille_nlp::analyze(&mut doc);
    doc.times = veille_time::find_times(text, Lang::En, doc.date);
    let events = code_events(&doc, coder());
    doc.events = events.clone();
    veille_core::validate_doc(&doc, text).expect("valid doc");
    let e = events
        .iter()
        .find(|e| e.cameo == "051")
        .unwrap_or_else(|| panic!("no 051 in {events:?}"));
    assert_eq!(e.source.code, "IRN");
    assert_eq!(e.target.as_ref().map(|t| t.code.as_str()), Some("SYR"));
    assert!(e.rule.starts_with("petrarch:CAMEO.2.0:"), "{}", e.rule);
    assert_eq!(e.plover.kind, "SUPPORT");
    assert_eq!(
        (e.date.value.as_deref(), e.date.from.as_str()),
        (Some("2023-05-08"), "text")
    );
    let ev: Vec<&str> = e.evidence.iter().map(|s| &text[s.range()]).collect();
    assert_eq!(ev, ["Iran", "praised", "Syria", "Monday"]);
    assert!(events.iter().all(|e| e.source.code != "DEU"), "{events:?}");
}

#[test]
fn french_praise_demand_reject_warn_investigate() {
    let (_, ev) = fr("Le président sénégalais a salué mardi l'engagement du Niger.");
    assert_eq!(summary(&ev), ["051 SENGOV→NER"]);
    let (_, ev) = fr("Le gouvernement malien exige le départ des soldats français.");
    assert_eq!(summary(&ev)[0], "100 MLIGOV→FRAMIL");
    let (_, ev) = fr("L'Algérie rejette les accusations du Maroc.");
    assert_eq!(summary(&ev), ["120 DZA→MAR"]);
    let (_, ev) = fr("Le ministre ivoirien a mis en garde le Burkina Faso.");
    assert_eq!(summary(&ev), ["130 CIVGOV→BFA"]);
    let (_, ev) = fr("La justice française a ouvert une enquête sur le ministre gabonais.");
    assert_eq!(summary(&ev)[0], "090 FRAJUD→GABGOV");
    // Negated, they code nothing.
    assert!(fr("Le Niger n'a pas salué l'accord du Bénin.").1.is_empty());
    // A participle set off by a comma is passive: the "par" phrase is the source.
    let (_, ev) = fr("Le Tchad, accusé par le Soudan de soutenir les rebelles, se tait.");
    assert_eq!(summary(&ev)[0], "112 SDN→TCD");
}

#[test]
fn english_parse_coder_codes_intentions_as_intent() {
    // CAMEO codes a promised or future act of cooperation as an intention (03x).
    let text = "Iran will praise Syria on Monday.";
    let mut doc = Doc::new(text.to_string(), Some(Lang::En), "2023-05-09".parse().ok());
    veille_nlp::analyze(&mut doc);
    let events = code_events(&doc, coder());
    let e = events
        .iter()
        .find(|e| e.source.code == "IRN")
        .unwrap_or_else(|| panic!("no IRN event in {events:?}"));
    assert_eq!(e.cameo, "032", "{e:?}");
    assert!(e.rule.ends_with("+intent"), "{}", e.rule);
    assert_eq!(e.plover.kind, "AGREE");
}

#[test]
fn french_promises_are_intents_to_cooperate() {
    let (_, ev) = fr("La Corée du Nord s'est engagée à démanteler un site de missiles.");
    assert_eq!(summary(&ev), ["030 PRK→-"]);
    let (_, ev) = fr("Le gouvernement chinois a promis une aide au Laos.");
    assert_eq!(summary(&ev)[0], "030 CHNGOV→LAO");
}

/// Events of `text` over veille's parse (both coders run), as `cameo source→target`.
fn parsed_summary(text: &str, lang: Lang) -> Vec<String> {
    let mut doc = Doc::new(text.to_string(), Some(lang), "2023-05-09".parse().ok());
    veille_nlp::analyze(&mut doc);
    let events = code_events(&doc, coder());
    doc.events = events.clone();
    veille_core::validate_doc(&doc, text).expect("valid doc");
    let mut s = summary(&events);
    s.sort();
    s
}

#[test]
fn telling_someone_that_is_a_statement_unless_it_obliges() {
    // The word patterns alone: whom the verb addresses, never an actor of the clause.
    let (_, ev) = en("The Kenyan foreign minister told Ugandan officials that the talks failed.");
    assert_eq!(summary(&ev), ["010 KENGOV→UGAGOV"]);
    let (_, ev) =
        en("The Kenyan foreign minister told reporters that Uganda had closed the border.");
    assert_eq!(summary(&ev), ["010 KENGOV→-"]);
    assert_eq!(
        parsed_summary(
            "The Kenyan foreign minister told reporters on Monday that the talks had failed.",
            Lang::En
        ),
        ["010 KENGOV→-"]
    );
    // Whom the verb addresses may be a long phrase: a name, its outlet and where it is.
    let (_, ev) = en(
        "The Kenyan foreign minister told Jane Achieng of KTN in Mombasa, Kenya, \
         that the talks had failed.",
    );
    let got = summary(&ev);
    assert!(
        got.len() == 1 && got[0].starts_with("010 KENGOV→"),
        "{got:?}"
    );
    // "told … that X must": the demand the parse reads is what was said, no statement too.
    assert_eq!(
        parsed_summary(
            "The Kenyan foreign minister told the Security Council on Monday that sanctions \
             against Uganda must continue.",
            Lang::En
        ),
        ["100 KENGOV→UGA"]
    );
}

#[test]
fn a_meeting_between_two_parties_is_theirs_not_the_speakers() {
    let (_, ev) = fr("Le ministre a salué les rencontres entre le Maroc et le Kenya.");
    assert!(
        summary(&ev).contains(&"040 MAR→KEN".to_string()),
        "{:?}",
        summary(&ev)
    );
    // The first party is no actor: the meeting is not the minister's with the second.
    let (_, ev) = fr(
        "Le ministre a souligné les rencontres entre Dupont et le président kényan Paul \
         Lambert.",
    );
    assert!(
        !ev.iter().any(|e| e.cameo.starts_with("04")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_bare_uk_fears_raised_and_a_surveys_sample() {
    // "UK" alone is Britain, as "the UK" and "U.K." are in Phoenix.
    assert_eq!(
        parsed_summary(
            "UK officials have expressed concern about the deal.",
            Lang::En
        ),
        ["012 GBRGOV→-"]
    );
    // Raising fears is voicing them, as "exprimer sa crainte" is.
    assert_eq!(
        parsed_summary(
            "Other UK carmakers have raised fears about leaving without a deal.",
            Lang::En
        ),
        ["012 GBRBUS→-"]
    );
    // Those a poll asked do not speak through it; who ran it does.
    assert!(
        parsed_summary(
            "According to a poll of 4,000 Kenyan voters, most want a new constitution.",
            Lang::En
        )
        .is_empty()
    );
    assert_eq!(
        parsed_summary(
            "According to a Kenyan government survey, most want a new constitution.",
            Lang::En
        ),
        ["010 KENGOV→-"]
    );
}

#[test]
fn an_unknown_speaker_is_not_the_country_of_her_town() {
    assert!(
        parsed_summary(
            "\"We will win,\" said Jane Achieng, 79, in Nairobi.",
            Lang::En
        )
        .is_empty()
    );
    assert_eq!(
        parsed_summary(
            "\"We will win,\" said the Kenyan minister in Nairobi.",
            Lang::En
        ),
        ["010 KENGOV→-"]
    );
}

#[test]
fn a_french_dative_does_the_infinitive_it_is_allowed() {
    assert_eq!(
        parsed_summary(
            "Le Sénat a permis à la police kényane de mener une enquête.",
            Lang::Fr
        ),
        ["090 KENCOP→-"]
    );
    // "au contraire" is no dative: the subject still does the act.
    assert_eq!(
        parsed_summary(
            "Il regrette qu’au contraire, le Kenya continue d’imposer des sanctions.",
            Lang::Fr
        ),
        ["163 KEN→-"]
    );
}

#[test]
fn a_verb_pattern_word_after_a_determiner_and_adjectives_is_a_noun() {
    // "the atomic bomb" is no bombing by the sentence's subject.
    let got = parsed_summary(
        "Kenya said the blast matched the atomic bomb dropped on Nagasaki in World War Two.",
        Lang::En,
    );
    assert!(got.iter().all(|s| !s.starts_with("195")), "{got:?}");
    // The noun pattern still reads a meeting between two parties.
    let got = parsed_summary(
        "He spoke after a recent meeting between the Kenyan president and the Ugandan president.",
        Lang::En,
    );
    assert!(got.contains(&"040 KENGOV→UGAGOV".to_string()), "{got:?}");
}

#[test]
fn an_act_something_ends_is_not_happening() {
    let (_, ev) = fr("Le Kenya a mis fin aux sanctions contre l'Ouganda.");
    assert!(!ev.iter().any(|e| e.cameo == "163"), "{:?}", summary(&ev));
    let (_, ev) = fr("Le Kenya a renoncé, mettant fin à toute idée de sanctions contre l'Ouganda.");
    assert!(!ev.iter().any(|e| e.cameo == "163"), "{:?}", summary(&ev));
    let (_, ev) = fr("Le Kenya a annoncé des sanctions contre l'Ouganda.");
    assert!(ev.iter().any(|e| e.cameo == "163"), "{:?}", summary(&ev));
}

#[test]
fn weighing_a_course_of_action_is_considering_a_policy_option() {
    let got = parsed_summary(
        "Kenya weighed penalizing Uganda over the dispute.",
        Lang::En,
    );
    assert!(got.contains(&"014 KEN→-".to_string()), "{got:?}");
    let got = parsed_summary(
        "Le Kenya a envisagé de pénaliser l'Ouganda pour ce différend.",
        Lang::Fr,
    );
    assert!(got.contains(&"014 KEN→-".to_string()), "{got:?}");
}

#[test]
fn highlighting_is_saying_even_in_a_participle() {
    assert_eq!(
        parsed_summary(
            "Le ministre kényan a mis en exergue les progrès du pays.",
            Lang::Fr
        ),
        ["010 KENGOV→-"]
    );
    assert_eq!(
        parsed_summary(
            "Il a évoqué le sommet mis en relief par le président kényan.",
            Lang::Fr
        )
        .iter()
        .filter(|s| s.starts_with("010 KEN"))
        .count(),
        1
    );
    // Putting in place is no statement.
    assert!(
        parsed_summary(
            "Le ministre kényan a mis en place un nouveau comité.",
            Lang::Fr
        )
        .iter()
        .all(|s| !s.starts_with("010"))
    );
}

#[test]
fn an_adjective_predicate_lends_its_subject_to_the_infinitive() {
    // "glad to", like EWT's "pleased to", parses as an adverbial clause, not an `xcomp`; the
    // court still does the denouncing, and it needs no country to be a source.
    assert_eq!(
        parsed_summary(
            "The court was glad to denounce the couple on social media.",
            Lang::En
        ),
        ["111 JUD→-"]
    );
}

#[test]
fn a_disapproval_only_in_the_conditional_is_hypothetical() {
    for (text, lang) in [
        (
            "The UK would forever regret losing its carmakers.",
            Lang::En,
        ),
        (
            "Le Royaume-Uni regretterait à jamais le départ des constructeurs.",
            Lang::Fr,
        ),
        ("Le Maroc rejetterait tout accord avec l'Algérie.", Lang::Fr),
    ] {
        assert!(
            parsed_summary(text, lang).is_empty(),
            "{text}: {:?}",
            parsed_summary(text, lang)
        );
    }
    // An announced rejection, and the future of a reported clause, stay.
    assert_eq!(
        parsed_summary("Morocco will reject any deal with Algeria.", Lang::En),
        ["120 MAR→DZA"]
    );
    assert!(
        parsed_summary(
            "Morocco said it would reject any deal with Algeria.",
            Lang::En
        )
        .contains(&"120 MAR→DZA".to_string())
    );
}

#[test]
fn calling_names_calling_someone_and_calling_on_someone() {
    // Naming is no telephone call, and the named act is nobody's.
    for text in [
        "The French president called the Moroccan king \"reckless\" and said the talks were over.",
        "The French president called the attack cowardly.",
    ] {
        let got = parsed_summary(text, Lang::En);
        assert!(
            got.iter()
                .all(|s| !s.starts_with("04") && !s.starts_with("19")),
            "{text}: {got:?}"
        );
    }
    // A date after the verb is no addressee of "called on".
    assert_eq!(
        parsed_summary(
            "The French president called the Moroccan king on Tuesday.",
            Lang::En
        ),
        ["041 FRAGOV→MARGOV"]
    );
    // What one calls on another to do is asked for, not done.
    assert_eq!(
        parsed_summary(
            "The French president called on Morocco to release the prisoners.",
            Lang::En
        ),
        ["020 FRAGOV→MAR"]
    );
}

#[test]
fn judicial_and_military_sources_are_institutions() {
    for (text, want) in [
        (
            "Le suspect encourt la peine de mort, selon le document judiciaire.",
            "010 JUD→-",
        ),
        (
            "Selon une source judiciaire, le suspect a été arrêté.",
            "010 JUD→-",
        ),
        (
            "Selon des sources militaires, trois soldats ont été tués.",
            "010 MIL→-",
        ),
        (
            "Les autorités judiciaires ont ouvert une enquête.",
            "090 JUD→-",
        ),
    ] {
        let got = parsed_summary(text, Lang::Fr);
        assert!(got.contains(&want.to_string()), "{text}: {got:?}");
    }
}

#[test]
fn gerund_subjects_and_indirect_questions_assert_nothing() {
    for text in [
        "Getting Kenya to back down would be far too embarrassing for Uganda.",
        "When the prosecutors asked if the Kenyan minister had said that Uganda attacked first, nobody answered.",
    ] {
        assert!(
            parsed_summary(text, Lang::En).is_empty(),
            "{text}: {:?}",
            parsed_summary(text, Lang::En)
        );
    }
}

#[test]
fn a_contrasting_clause_keeps_its_actors() {
    let (_, ev) = fr(
        "Les deux gouvernements ont signé un accord en juin, mais les opposants marocains affirment que le texte est injuste.",
    );
    let got = summary(&ev);
    assert!(got.iter().all(|s| !s.contains("→MAR")), "{got:?}");
    let (_, ev) = en(
        "The two governments struck a deal in June, but Moroccan opponents argue that the text is unfair.",
    );
    let got = summary(&ev);
    assert!(got.iter().all(|s| !s.contains("→MAR")), "{got:?}");
}

#[test]
fn an_apposition_after_a_preposition_still_names_the_role() {
    let (_, ev) = fr(
        "Le compromis a été proposé par Jean Dupont, le sénateur de Floride. Dupont a indiqué que le vote était reporté.",
    );
    assert_eq!(summary(&ev), ["010 LEG→-"]);
}

#[test]
fn a_conjunct_with_the_main_auxiliary_shares_the_main_subject() {
    let got = parsed_summary(
        "Athens has long insisted that its neighbour's name represents a claim on its territory and has repeatedly objected to the Turkish plan.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("120 GRC")), "{got:?}");
}

#[test]
fn yes_no_questions_assert_nothing() {
    for (text, lang) in [
        ("Did Kenya attack Uganda?", Lang::En),
        (
            "I could not help thinking: can't the Kenyan government give Uganda more aid?",
            Lang::En,
        ),
        ("Le Kenya a-t-il attaqué l'Ouganda ?", Lang::Fr),
    ] {
        assert!(
            parsed_summary(text, lang).is_empty(),
            "{text}: {:?}",
            parsed_summary(text, lang)
        );
    }
    // A question word presupposes the act; a statement with a question mark is no question.
    assert_eq!(
        parsed_summary("Why did Kenya attack Uganda?", Lang::En),
        ["190 KEN→UGA"]
    );
    assert_eq!(
        parsed_summary("Le Kenya a attaqué l'Ouganda ?", Lang::Fr),
        ["190 KEN→UGA"]
    );
}

#[test]
fn agreeing_to_act_is_an_intent_and_refusing_is_a_rejection() {
    // "agreed to send": the intent to send (031), not the agreement verb's 050.
    let got = parsed_summary("Kenya agreed to send troops to Somalia.", Lang::En);
    assert_eq!(got, ["031 KEN→SOM"]);
    // A noun trigger under the agreed verb is intended too ("joint exercises").
    let got = parsed_summary(
        "Ghana agreed to hold joint naval exercises with Togo.",
        Lang::En,
    );
    assert!(got.iter().all(|e| e.starts_with("03")), "{got:?}");
    // An agreement to do what has no intent code of its own (an inquiry) is the intent to
    // cooperate (030); the infinitive read as a purpose after a date is the complement too.
    let got = parsed_summary(
        "Kenya agreed on Friday to investigate the killings in Somalia.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("030 KEN")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("09")), "{got:?}");
    let got = parsed_summary(
        "Kenya agreed in principle on Friday to send troops to Somalia.",
        Lang::En,
    );
    assert_eq!(got, ["031 KEN→SOM"]);
    // A bare agreement ("agreed upon a pact") is the intent to cooperate too, not the 050
    // petrarch2 gives the verb.
    let got = parsed_summary("Kenya and Uganda agreed upon a new trade pact.", Lang::En);
    assert_eq!(got, ["030 KEN→UGA", "030 UGA→KEN"]);
    // "refused to meet": a rejected proposal to meet (125), and no meeting.
    let got = parsed_summary(
        "The Israeli president refused to meet the Jordanian king.",
        Lang::En,
    );
    assert_eq!(got, ["125 ISRGOV→JORGOV"]);
    let got = parsed_summary(
        "Pakistan has refused to send troops to Afghanistan.",
        Lang::En,
    );
    assert_eq!(got, ["1212 PAK→AFG"]);
    // A plain rejection is coded in English as in French (120).
    let got = parsed_summary(
        "The Kenyan parliament rejected the budget proposed by the government.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("120 KENLEG")), "{got:?}");
    // Counter-case: a plain act keeps its code.
    let got = parsed_summary("Kenya sent troops to Somalia.", Lang::En);
    assert_eq!(got, ["062 KEN→SOM"]);
    // French: "a accepté de libérer" is an intent to release (035).
    let got = parsed_summary(
        "Le gouvernement malien a accepté de libérer les prisonniers.",
        Lang::Fr,
    );
    assert_eq!(got, ["035 MLIGOV→-"]);
    let got = parsed_summary(
        "Le Maroc a refusé de rencontrer les représentants algériens.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| e.starts_with("12")), "{got:?}");
    assert!(got.iter().any(|e| e == "125 MAR→DZA"), "{got:?}");
    // Agreeing on what should or will be done is an intent too (05 → 032).
    let got = parsed_summary(
        "Kenyan and Ugandan officials agreed on Monday that their countries would cooperate \
         on border security.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e == "032 KENGOV→UGAGOV"), "{got:?}");
    // Counter-case: agreeing about what happened is no intent.
    let got = parsed_summary(
        "Kenya and Uganda agreed that the border had been calm.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("03")), "{got:?}");
    // French: "ont convenu que … devaient coopérer".
    let got = parsed_summary(
        "Les responsables kényans et ougandais ont convenu lundi que leurs pays devaient \
         coopérer sur la sécurité des frontières.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e == "032 KENGOV→UGAGOV"), "{got:?}");
}

#[test]
fn demanding_verbs_demand_where_the_dictionary_appeals() {
    // petrarch2 codes "demanded elections" like "urged elections" (0241, appeal); CAMEO has
    // the demand (1041).
    let got = parsed_summary(
        "Kenyan opposition leaders demanded new elections.",
        Lang::En,
    );
    assert_eq!(got, ["1041 KENOPP→-"]);
    // Counter-case: wanting is an appeal, as the dictionary says.
    let got = parsed_summary("Kenyan opposition leaders want new elections.", Lang::En);
    assert_eq!(got, ["0241 KENOPP→-"]);
}

#[test]
fn counted_people_are_the_subject() {
    // "des milliers de manifestants": the people counted are the actor, not a complement.
    let (_, ev) = fr("Des milliers de manifestants ont manifesté samedi à Tunis.");
    assert_eq!(summary(&ev), ["141 TUNCVL→-"]);
    let (_, ev) = en("Thousands of protesters rallied in Nairobi on Saturday.");
    assert_eq!(summary(&ev), ["141 KENCVL→-"]);
    // Counter-case: a real complement ("le porte-parole des manifestants") keeps its "de".
    let (_, ev) = fr("Le porte-parole des manifestants a été arrêté samedi à Tunis.");
    assert!(
        ev.iter().all(|e| e.source.code != "TUNCVL"),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn condemned_denied_and_alleged_acts_are_not_deeds() {
    // Condemning an attack is no attack by the one who condemns it.
    let got = parsed_summary(
        "Le Kenya a condamné l'attaque contre une base militaire somalienne.",
        Lang::Fr,
    );
    assert_eq!(got, ["111 KEN→SOM"]);
    // The attack keeps its own agent when the text gives one.
    let got = parsed_summary(
        "Le Kenya a condamné l'attaque des rebelles contre une base militaire somalienne.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e == "190 REB→SOM"), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("190 KEN")), "{got:?}");
    // Denying support is no support; accusing someone of threats is no threat.
    let got = parsed_summary("Le Rwanda a nié soutenir les rebelles du M23.", Lang::Fr);
    assert!(got.iter().all(|e| !e.starts_with("05")), "{got:?}");
    let got = parsed_summary(
        "L'Égypte a accusé l'Éthiopie de menacer sa sécurité hydrique.",
        Lang::Fr,
    );
    assert_eq!(got, ["112 EGY→ETH"]);
    let got = parsed_summary(
        "Egypt accused Ethiopia of threatening its water security.",
        Lang::En,
    );
    assert_eq!(got, ["112 EGY→ETH"]);
    let got = parsed_summary(
        "China warned the United States against interfering in Taiwan.",
        Lang::En,
    );
    assert_eq!(got, ["130 CHN→USA"]);
    // Counter-case: an attack that is the subject's own deed is still coded.
    let got = parsed_summary(
        "L'armée kényane a lancé une attaque contre une base somalienne.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("19")), "{got:?}");
}

#[test]
fn no_party_acts_on_itself() {
    // "officials said" after the agreement is no target; with the place's country it would
    // have made KENGOV → KENGOV.
    let (_, ev) = en(
        "Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed \
         signed a border security agreement in Nairobi on Tuesday, officials said.",
    );
    let s = summary(&ev);
    assert!(s.iter().all(|e| e != "057 KENGOV→KENGOV"), "{s:?}");
    assert!(s.iter().any(|e| e.starts_with("057 ")), "{s:?}");
    // Counter-case: a domestic dyad between different roles stays.
    let (_, ev) = fr("La police tunisienne a arrêté plusieurs opposants tunisiens.");
    assert_eq!(summary(&ev), ["173 TUNCOP→TUNOPP"]);
}

#[test]
fn a_domestic_group_acts_where_the_sentence_places_it() {
    // Students with no country of their own take the country of the place phrase; the place
    // is where they acted, not a target.
    let got = parsed_summary(
        "Tens of thousands of students throughout Chile staged mass demonstrations on Friday.",
        Lang::En,
    );
    assert_eq!(got, ["141 CHLEDU→-"], "{got:?}");
    // Ministers are not placed: in a country, they may be another country's.
    let got = parsed_summary(
        "The ministers staged a protest in Lebanon on Friday.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.contains("LBN")), "{got:?}");
    // "in Bolivia's favour" is no place: the judges are not Bolivian.
    let got = parsed_summary(
        "Analysts believe that the judges are unlikely to decide in Bolivia's favour.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.contains("BOLJUD")), "{got:?}");
}

#[test]
fn an_announced_sanction_is_the_matching_threat() {
    // "will impose a curfew" (1723 announced): a threat to impose a curfew (1323), CAMEO's
    // own subcode, not a generic threat.
    let got = parsed_summary(
        "The Nigerian government will impose a curfew in Lagos.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("1323 NGAGOV")), "{got:?}");
    // Done, it is the act itself.
    let got = parsed_summary(
        "The Nigerian government imposed a curfew in Lagos.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("1723 NGAGOV")), "{got:?}");
}

#[test]
fn a_plural_nationality_is_its_country() {
    // "Nigerians": the dictionaries list "Nigerian" only, and the tagger leaves the plural
    // unlemmatised as a proper noun.
    let got = parsed_summary(
        "Hundreds of Nigerians staged a demonstration on Monday.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("141 NGA")), "{got:?}");
    // A name ending in -s is not a plural: "Reeves" is no "Reeve".
    let got = parsed_summary("Reeves staged a demonstration on Monday.", Lang::En);
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_political_role_acts_without_a_country() {
    // The subject's country is not said, but its role is political and the verb heads the
    // sentence: the event is kept with the role alone.
    let got = parsed_summary(
        "The prime minister demanded early elections on Monday.",
        Lang::En,
    );
    assert_eq!(got, ["1041 GOV→-"], "{got:?}");
    // Counter-cases: a role that is not political, and a role in a reported clause.
    let got = parsed_summary("The company praised the new rules.", Lang::En);
    assert!(got.is_empty(), "{got:?}");
    let got = parsed_summary("Analysts said the rebels would reject the plan.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("12")), "{got:?}");
}

#[test]
fn a_support_verb_codes_the_act_its_object_names() {
    // "announced a suspension": the suspension (160), beside the statement.
    let got = parsed_summary(
        "The Kenyan government announced a suspension of flights to Somalia on Monday.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e == "160 KENGOV→SOM"), "{got:?}");
    // Stopping one's own strike is yielding (08x: the nominal rule's 080, or the CAMEO
    // dictionary's own "called off … strike" pattern, 082), not a sanction.
    let got = parsed_summary(
        "Nigerian teachers announced that they had called off a four-day strike.",
        Lang::En,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("08") && e.ends_with(" NGAEDU→-")),
        "{got:?}"
    );
    assert!(got.iter().all(|e| !e.starts_with("16")), "{got:?}");
    // Counter-case: "denied the attack" is no attack.
    let got = parsed_summary("Ghana denied the attack on Togo.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("19")), "{got:?}");
    // French: "a annoncé la suspension", "a lancé une opération de médiation entre".
    let got = parsed_summary(
        "Le gouvernement kényan a annoncé la suspension des vols vers la Somalie.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e == "160 KENGOV→SOM"), "{got:?}");
    let got = parsed_summary(
        "Le Ghana a lancé une opération de médiation entre le Togo et le Bénin.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e == "045 GHA→TGO"), "{got:?}");
}

#[test]
fn nothing_in_a_demanded_clause_is_done() {
    // The sale is what Kenya wants cancelled, not a sale.
    let got = parsed_summary(
        "Kenya demanded that Uganda cancel its plans to sell weapons to Sudan.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("06")), "{got:?}");
    assert!(got.iter().any(|e| e.starts_with("10")), "{got:?}");
    // Nor is an act someone is urged to do, in either language.
    let got = parsed_summary("Kenya urged Uganda to sign the border agreement.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("057")), "{got:?}");
    assert!(got.iter().any(|e| e.starts_with("02")), "{got:?}");
    let got = parsed_summary(
        "Le Kenya a exhorté l'Ouganda à signer l'accord frontalier.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("057")), "{got:?}");
    // Counter-case: an act someone is made to do is done, and by them (object control).
    let got = parsed_summary(
        "Kenyan troops forced the Ugandan army to withdraw from the border town.",
        Lang::En,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("087 UGAMIL") || e.starts_with("0874 UGAMIL")),
        "{got:?}"
    );
}

#[test]
fn a_negated_act_announced_for_the_future_is_a_refusal() {
    // "would not meet": a refusal to meet (125), not a meeting.
    let got = parsed_summary("Kenya said it would not meet Ugandan officials.", Lang::En);
    assert!(got.iter().any(|e| e == "125 KEN→UGAGOV"), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("04")), "{got:?}");
    // Counter-case: a plain past negation is no refusal.
    let got = parsed_summary("Kenya did not meet Ugandan officials.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("12")), "{got:?}");
}

#[test]
fn a_cancelled_visit_is_neither_made_nor_intended() {
    let got = parsed_summary(
        "The Kenyan foreign minister has cancelled a planned visit to Uganda.",
        Lang::En,
    );
    assert!(
        got.iter()
            .all(|e| !e.starts_with("04") && !e.starts_with("03")),
        "{got:?}"
    );
    assert!(got.iter().any(|e| e.starts_with("16")), "{got:?}");
}

#[test]
fn a_refused_will_to_act_is_a_refusal_in_both_languages() {
    let got = parsed_summary(
        "Le Kenya a déclaré qu'il ne rencontrera pas les responsables ougandais.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("125 KEN")), "{got:?}");
    let got = parsed_summary(
        "Le Kenya ne va pas signer l'accord avec l'Ouganda.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("12")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("03")), "{got:?}");
    let got = parsed_summary("Kenya does not want to meet Ugandan officials.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("125 KEN")), "{got:?}");
    // Counter-case: the will to act, not negated, is an intent.
    let got = parsed_summary("Kenya wants to meet Ugandan officials.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("12")), "{got:?}");
}

#[test]
fn a_police_service_speaks_as_the_police() {
    let (_, ev) = fr("Le suspect a été arrêté, a indiqué le service de police de la ville.");
    assert!(
        summary(&ev).iter().any(|e| e == "010 COP→-"),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_place_of_the_source_country_is_no_target_but_keeps_the_act() {
    // The protest's only candidate target is the protesters' own country (the city's): no
    // dyad, but the protest itself is coded, where PETRARCH dropped the whole event.
    let got = parsed_summary(
        "Thousands of Bolivian miners demonstrated in La Paz on Tuesday.",
        Lang::En,
    );
    assert!(
        got.iter().any(|e| e.starts_with("14") && e.ends_with("→-")),
        "{got:?}"
    );
    assert!(got.iter().all(|e| !e.contains("→BOL")), "{got:?}");
    // Counter-case: a target of another country is still the target.
    let got = parsed_summary(
        "Bolivian miners protested against Chile on Tuesday.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.ends_with("→CHL")), "{got:?}");
}

#[test]
fn a_lowercase_common_word_is_no_acronym_actor() {
    // "eau" is the French acronym of the Emirates in capitals only.
    let got = parsed_summary(
        "Un mur d'eau s'est abattu sur la côte du Kenya, emportant les maisons.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.contains("ARE")), "{got:?}");
    // Counter-cases: the acronym in capitals, and a French demonym, which is lowercase.
    let got = parsed_summary("Les EAU ont condamné l'attaque contre le Kenya.", Lang::Fr);
    assert!(
        got.iter().any(|e| e.starts_with("11") && e.contains("ARE")),
        "{got:?}"
    );
    let got = parsed_summary(
        "Le gouvernement malien a condamné l'attaque contre le Kenya.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.contains("MLI")), "{got:?}");
}

#[test]
fn a_condition_is_no_event_and_an_act_on_condition_is_a_threat() {
    // "If Kenya attacks Uganda": no attack, by either coder.
    let got = parsed_summary(
        "If Kenya attacks Uganda, the African Union will impose sanctions.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("19")), "{got:?}");
    // An act announced unless the other side acts is a threat (13), not an intent (03).
    let got = parsed_summary(
        "Kenya will withdraw its troops from Somalia unless the African Union pays them.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e == "130 KEN→SOM"), "{got:?}");
    // Counter-cases: the same act without a condition is an intent; an attack is an attack.
    let got = parsed_summary("Kenya will withdraw its troops from Somalia.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("03")), "{got:?}");
    let got = parsed_summary("Kenya attacked Uganda on Monday.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("19")), "{got:?}");
}

#[test]
fn a_statement_does_what_its_author_does() {
    // "issued a statement condemning …": the ministry condemns, in both languages.
    let got = parsed_summary(
        "The Kenyan foreign ministry issued a statement condemning the attack on the embassy.",
        Lang::En,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("11") && e.contains("KENGOV")),
        "{got:?}"
    );
    let got = parsed_summary(
        "Le ministère kényan des Affaires étrangères a publié un communiqué condamnant \
         l'attaque contre l'ambassade.",
        Lang::Fr,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("11") && e.contains("KENGOV")),
        "{got:?}"
    );
    // Counter-case: a participle on another kind of object is not the subject's act.
    let got = parsed_summary(
        "Kenyan officials saw soldiers attacking the village near the border.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("19 KEN")), "{got:?}");
}

fn en_parsed(text: &str) -> Vec<EventMention> {
    parsed(text, Lang::En)
}

fn parsed(text: &str, lang: Lang) -> Vec<EventMention> {
    let mut doc = Doc::new(text.to_string(), Some(lang), "2023-05-09".parse().ok());
    veille_nlp::analyze(&mut doc);
    let events = code_events(&doc, coder());
    doc.events = events.clone();
    veille_core::validate_doc(&doc, text).expect("valid doc");
    events
}

#[test]
fn a_political_role_acts_in_the_passive_too() {
    // The agent phrase names a court and no country: its role is the source, as a role
    // subject is in the active ("A court indicted …").
    let ev = en_parsed("Kenya's interior minister has been indicted by a war crimes court.");
    let e = ev
        .iter()
        .find(|e| e.cameo == "173")
        .unwrap_or_else(|| panic!("no 173 in {:?}", summary(&ev)));
    assert_eq!(e.source.code, "JUD");
    assert_eq!(e.target.as_ref().map(|t| t.code.as_str()), Some("KENGOV"));
    assert!(e.rule.contains("+role_only"), "{}", e.rule);
    // Counter-case: no named actor on either side codes nothing.
    assert!(en_parsed("The man has been indicted by a court.").is_empty());
}

#[test]
fn a_statement_keeps_the_country_the_dictionary_knows() {
    // The role list reads "President" (GOV); Phoenix knows the man (CIVGOV). The record
    // with the country replaces the role-only one on the same verb.
    let ev = en_parsed("President Laurent Gbagbo announced on Sunday that the talks had ended.");
    let statements: Vec<&str> = ev
        .iter()
        .filter(|e| e.root == "01")
        .map(|e| e.source.code.as_str())
        .collect();
    assert_eq!(statements, ["CIVGOV"], "{:?}", summary(&ev));
    // Counter-case: a role the dictionaries cannot place keeps its role-only record.
    let ev = en_parsed("The president announced on Sunday that the talks had ended.");
    assert_eq!(summary(&ev), ["010 GOV→-"]);
}

#[test]
fn issuing_a_declaration_is_a_statement_not_a_grant() {
    let ev = en_parsed("Iran issued a declaration on Monday.");
    assert_eq!(summary(&ev), ["010 IRN→-"]);
    assert!(
        ev[0].rule.contains(":nominal:DECLARATION"),
        "{}",
        ev[0].rule
    );
    let ev = en_parsed("Iran issued a warning to Iraq on Monday.");
    assert_eq!(summary(&ev), ["130 IRN→IRQ"]);
    // Counter-case: issuing visas gives something (CAMEO.2.0's grant block).
    let ev = en_parsed("Japan issued visas to Kenya on Monday.");
    assert_eq!(summary(&ev), ["060 JPN→KEN"]);
}

#[test]
fn blocking_a_passage_is_a_protest_act() {
    let ev = en_parsed("French farmers blocked the Europe Bridge on Monday.");
    assert_eq!(summary(&ev), ["144 FRAAGR→-"]);
    assert!(ev[0].rule.contains(":nominal:BRIDGE"), "{}", ev[0].rule);
    // Counter-case: blocking a sale is not obstructing passage (CAMEO.2.0's own pattern).
    let ev = en_parsed("France blocked the sale of the company on Monday.");
    assert!(ev.iter().all(|e| e.cameo != "144"), "{:?}", summary(&ev));
}

#[test]
fn demonstrating_something_is_not_a_protest() {
    let ev = en_parsed("Kenyan students demonstrated in Nairobi on Monday.");
    assert!(ev.iter().any(|e| e.cameo == "141"), "{:?}", summary(&ev));
    let ev = en_parsed("Kenya demonstrated its resolve on Monday.");
    assert!(ev.iter().all(|e| e.root != "14"), "{:?}", summary(&ev));
    let ev = parsed("Le Mali a manifesté son mécontentement lundi.", Lang::Fr);
    assert!(ev.iter().all(|e| e.root != "14"), "{:?}", summary(&ev));
    let ev = parsed(
        "Des étudiants maliens ont manifesté lundi à Bamako.",
        Lang::Fr,
    );
    assert!(ev.iter().any(|e| e.root == "14"), "{:?}", summary(&ev));
}

#[test]
fn an_infinitive_to_is_no_preposition_to() {
    // A CAMEO.2.0 pattern "(TO)" wants a phrase "to" someone or somewhere, not the "to" of
    // an infinitive: ordering someone to appear is a demand, not a visit.
    let ev = en_parsed(
        "An Argentine judge has ordered the former president to appear on Monday for questioning.",
    );
    assert!(ev.iter().any(|e| e.cameo == "100"), "{:?}", summary(&ev));
    assert!(ev.iter().all(|e| e.root != "04"), "{:?}", summary(&ev));
}

#[test]
fn people_without_a_state_protest() {
    // A protest by a role with no country is coded with the role alone; other acts by such
    // roles are not (only political roles act alone).
    let ev = en_parsed("Islamic fundamentalists continued their hunger strike on Monday.");
    assert_eq!(summary(&ev), ["142 MUS→-"]);
    assert!(ev[0].rule.contains("+role_only"), "{}", ev[0].rule);
    let ev = en_parsed("Islamic fundamentalists praised the plan on Monday.");
    assert!(ev.is_empty(), "{:?}", summary(&ev));
}

#[test]
fn a_reporting_verb_is_not_the_agreed_act() {
    let ev = en_parsed(
        "The Turkish and Greek sides of Cyprus have agreed to share information on missing \
         people from both communities, a UN official said on Monday.",
    );
    assert!(
        ev.iter()
            .any(|e| e.cameo == "030" && e.rule.contains("+agree_to")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn its_forces_are_the_speakers() {
    let ev = en_parsed("Israel said its troops killed three militants in Gaza on Monday.");
    let e = ev
        .iter()
        .find(|e| e.root == "19")
        .unwrap_or_else(|| panic!("no 19x in {:?}", summary(&ev)));
    assert_eq!(e.source.code, "ISRMIL");
    assert!(e.rule.contains("+possessor"), "{}", e.rule);
    // Counter-case: with no governing clause the owner is unknown.
    let ev = en_parsed("Its troops killed three militants in Gaza on Monday.");
    assert!(
        ev.iter().all(|e| e.source.country.is_none()),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn destroying_codes_alike_in_both_languages() {
    let en = en_parsed("Russian forces destroyed a rebel base in Syria on Monday.");
    let fr = parsed(
        "Les forces russes ont détruit lundi une base rebelle en Syrie.",
        Lang::Fr,
    );
    let roots = |ev: &[EventMention]| ev.iter().map(|e| e.root.clone()).collect::<Vec<_>>();
    assert!(roots(&en).contains(&"19".to_string()), "{:?}", summary(&en));
    assert_eq!(
        roots(&en),
        roots(&fr),
        "{:?} / {:?}",
        summary(&en),
        summary(&fr)
    );
}

#[test]
fn told_to_withdraw_is_not_a_withdrawal_and_a_fired_warning_is_a_threat() {
    let ev = en_parsed("Syria told Turkish forces to withdraw immediately on Monday.");
    assert!(ev.iter().all(|e| e.root != "08"), "{:?}", summary(&ev));
    let ev = en_parsed("Kenya fired the first warning on Monday by taxing Ugandan exports.");
    assert!(ev.iter().any(|e| e.cameo == "130"), "{:?}", summary(&ev));
    // Counter-case: firing rockets is still an armed attack.
    let ev = en_parsed("Kenyan troops fired rockets at Ugandan positions on Monday.");
    assert!(ev.iter().any(|e| e.root == "19"), "{:?}", summary(&ev));
}

#[test]
fn more_sanctions_are_sanctions_in_both_languages() {
    let en = en_parsed("The Security Council boosted sanctions on North Korea on Monday.");
    let fr = parsed(
        "Le Conseil de sécurité a renforcé lundi les sanctions contre la Corée du Nord.",
        Lang::Fr,
    );
    assert_eq!(summary(&en), ["163 IGOUNO→PRK"]);
    assert_eq!(summary(&fr), ["163 IGOUNO→PRK"]);
    // Counter-case: strengthening ties names no act of the table.
    let en = en_parsed("Kenya strengthened its ties with Uganda on Monday.");
    assert!(en.iter().all(|e| e.cameo != "163"), "{:?}", summary(&en));
}

#[test]
fn recognizing_a_state_is_recognition_in_both_languages() {
    let en = en_parsed("Panama recognized Beijing on Monday.");
    let fr = parsed("Le Panama a reconnu Pékin lundi.", Lang::Fr);
    assert_eq!(summary(&en), ["054 PAN→CHN"]);
    assert_eq!(summary(&fr), ["054 PAN→CHN"]);
    // Counter-case: recognizing a mistake is no diplomatic recognition.
    let fr = parsed("Le Panama a reconnu son erreur lundi.", Lang::Fr);
    assert!(fr.iter().all(|e| e.cameo != "054"), "{:?}", summary(&fr));
}
#[test]
fn a_speech_verb_after_an_incise_keeps_the_subject_before_it() {
    // The comma before "a affirmé" closes an apposition, not a quotation: the speaker is the
    // subject, not the first actor of the reported clause.
    for text in [
        "Le président tunisien, Kaïs Saïed, a affirmé que l'Algérie refusait le dialogue.",
        "Le Maroc, par la voix de son ministre, a affirmé que l'Algérie refusait le dialogue.",
    ] {
        let (_, ev) = fr(text);
        let statements: Vec<String> = summary(&ev)
            .into_iter()
            .filter(|s| s.starts_with("010"))
            .collect();
        assert!(
            !statements.is_empty() && statements.iter().all(|s| !s.contains("DZA→")),
            "{text}: {statements:?}"
        );
    }
    // An apposed name led by a particle or a courtesy title still belongs to the role.
    for text in [
        "Le ministre des Affaires étrangères, Walid al-Haddad, a affirmé que la situation s'améliorait.",
        "Le ministre des Affaires étrangères, M. Dupont, a affirmé que la situation s'améliorait.",
    ] {
        assert_eq!(summary(&fr(text).1), ["010 GOV→-"], "{text}");
    }
    // A quotation before the verb and no speaker after it: nobody in the quote is the source.
    let (_, ev) = fr("« Le Maroc a tort », a-t-on répondu.");
    assert!(ev.is_empty(), "{:?}", summary(&ev));
}

#[test]
fn with_a_parse_a_reported_clause_before_its_unknown_speaker_is_not_its_subject() {
    // ", a indiqué NBC News": the parse puts the subject after the verb; the Kenyan army of
    // the reported clause did not speak.
    let text = "L'armée kényane a bombardé un camp en Somalie, a indiqué NBC News.";
    let mut doc = Doc::new(text.to_string(), Some(Lang::Fr), None);
    veille_nlp::analyze(&mut doc);
    let ev = code_events(&doc, coder());
    assert!(
        summary(&ev).iter().all(|s| !s.starts_with("010")),
        "{:?}",
        summary(&ev)
    );
}

/// Codes `text` after segmenting it and adding, as the geo stage would, the places named in
/// `places` (surface, ISO 3166 alpha-2 country).
fn code_with_places(text: &str, lang: Lang, places: &[(&str, &str)]) -> Vec<String> {
    let mut doc = Doc::new(text.to_string(), Some(lang), None);
    veille_nlp::segment(&mut doc);
    for (surface, cc) in places {
        let start = text.find(surface).expect("place in text");
        let span = Span::new(start, start + surface.len());
        doc.places.push(veille_core::Place {
            span,
            text: surface.to_string(),
            geonameid: None,
            name: surface.to_string(),
            country_code: Some(cc.to_string()),
            lat: None,
            lon: None,
            feature: None,
            metonym: false,
            demonym: false,
        });
    }
    let events = code_events(&doc, coder());
    doc.events = events.clone();
    veille_core::validate_doc(&doc, text).expect("valid doc");
    summary(&events)
}

#[test]
fn a_role_completed_by_a_place_takes_its_country() {
    let got = code_with_places(
        "Le procureur général du district de Columbia a déclaré que la politique était illégale.",
        Lang::Fr,
        &[("Columbia", "US")],
    );
    assert_eq!(got, ["010 USAJUD→-"]);
    // A place that is not the role's complement gives nothing to a minister.
    let got = code_with_places(
        "Le ministre de l'Intérieur a déclaré à Columbia que la politique était illégale.",
        Lang::Fr,
        &[("Columbia", "US")],
    );
    assert_eq!(got, ["010 GOV→-"]);
}

#[test]
fn a_domestic_role_takes_the_country_of_a_gazetteer_place_only_after_a_preposition() {
    let got = code_with_places(
        "La police de Baton Rouge a annoncé l'arrestation d'un suspect.",
        Lang::Fr,
        &[("Baton Rouge", "US")],
    );
    assert!(got.iter().all(|e| e.contains("USACOP")), "{got:?}");
    // A bare name the gazetteer reads as a town may be an institution: no country from it.
    let got = code_with_places(
        "Les manifestants ont dénoncé Maison Blanche dimanche.",
        Lang::Fr,
        &[("Maison Blanche", "FR")],
    );
    assert!(got.iter().all(|e| !e.contains("FRA")), "{got:?}");
}

#[test]
fn a_name_then_its_role_in_apposition() {
    // The role after the name binds it as the role before it does.
    let (_, ev) = fr(
        "« Nous attendons un résultat positif », a déclaré Anselmo Quiroga, \
         diplomate péruvien. Quiroga a ensuite rencontré le ministre chilien.",
    );
    let s = summary(&ev);
    assert!(s.iter().any(|e| e.starts_with("010 PERGOV")), "{s:?}");
    assert!(
        s.iter().any(|e| e.starts_with("040 PERGOV→CHLGOV")),
        "{s:?}"
    );
    let (_, ev) = en("\"We expect a fair ruling,\" said Anselmo Quiroga, a Peruvian diplomat.");
    let s = summary(&ev);
    assert!(s.iter().any(|e| e.starts_with("010 PERGOV")), "{s:?}");
    // A role with no country is left apart: a company's vice-president is no government.
    let (_, ev) =
        fr("« Les clients attendent », a déclaré Maud Ferrant, vice-présidente de la banque.");
    assert!(
        !summary(&ev).iter().any(|e| e.contains("GOV")),
        "{:?}",
        summary(&ev)
    );
    // A place after the comma is no role: "Anselmo Quiroga, à Lima".
    let (_, ev) = fr("Anselmo Quiroga, à Lima, a critiqué le gouvernement chilien.");
    assert!(
        !summary(&ev).iter().any(|e| e.contains("PER")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_country_that_starts_a_name_is_a_first_name() {
    // "Chad Morrow" is a man, not Chad; the country itself and a title-case headline keep it.
    let (_, ev) = en("Chad Morrow accused Sudan of lying about the talks.");
    assert!(
        !summary(&ev).iter().any(|e| e.contains("TCD")),
        "{:?}",
        summary(&ev)
    );
    let (_, ev) = fr("Israël Brenner a accusé le Liban de mentir.");
    assert!(
        !summary(&ev).iter().any(|e| e.contains("ISR")),
        "{:?}",
        summary(&ev)
    );
    let (_, ev) = en("Chad accused Sudan of backing the rebels.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("112 TCD→SDN")),
        "{:?}",
        summary(&ev)
    );
    let (_, ev) = en("Chad Accuses Sudan Of Backing Rebels Near The Border");
    assert!(
        summary(&ev).iter().any(|e| e.contains("TCD")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn being_somewhere_is_a_visit_only_with_be_as_the_verb() {
    let got = parsed_summary("The Kenyan president was in Uganda on Monday.", Lang::En);
    assert_eq!(got, ["042 KENGOV→UGA"]);
    // "were engaged in … in X": "were" is the auxiliary of "engaged", nobody visits.
    let got = parsed_summary(
        "Ethiopian forces were engaged in heavy fighting in Somalia.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("042")), "{got:?}");
}

#[test]
fn what_must_be_done_is_not_done() {
    // "that Iraq must cooperate": an obligation the speaker states, no cooperation yet.
    let got = parsed_summary(
        "The French president reminded Iraq on Saturday that it must cooperate fully with \
         the UN inspectors.",
        Lang::En,
    );
    assert!(
        got.iter()
            .all(|e| !e.starts_with("05") && !e.starts_with("06")),
        "{got:?}"
    );
    // Counter-case: the same act done is coded.
    let got = parsed_summary(
        "Iraq cooperated fully with the UN inspectors on Saturday.",
        Lang::En,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("05") || e.starts_with("06")),
        "{got:?}"
    );
}

#[test]
fn a_possessor_is_not_the_person_welcomed() {
    // "welcomed the Kenyan president's proposal": no visit hosted.
    let (_, events) =
        en("The German chancellor welcomed the Kenyan president's proposal on Monday.");
    assert!(
        summary(&events).iter().all(|e| !e.starts_with("043")),
        "{:?}",
        summary(&events)
    );
    let (_, events) =
        en("The German chancellor welcomed the Kenyan president in Berlin on Monday.");
    assert!(
        summary(&events).iter().any(|e| e.starts_with("043")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_surrender_is_a_military_retreat_in_both_languages() {
    let (_, events) = en("Three hundred Sudanese rebels surrendered on Tuesday near Juba.");
    assert_eq!(summary(&events), ["0874 SDNREB→-"]);
    let (_, events) = fr("Trois cents rebelles soudanais ont capitulé mardi près de Juba.");
    assert_eq!(summary(&events), ["0874 SDNREB→-"]);
    // Announced, it is an intent to de-escalate (0356).
    let (_, events) = en("The Sudanese rebels will surrender on Tuesday.");
    assert_eq!(summary(&events), ["0356 SDNREB→-"]);
}

#[test]
fn an_act_continued_or_begun_is_done_not_intended() {
    let (_, events) = en("The United States continued to send arms to Pakistan last year.");
    assert_eq!(summary(&events), ["072 USA→PAK"]);
    let (_, events) =
        fr("Les États-Unis ont continué à envoyer des armes au Pakistan l'an dernier.");
    assert_eq!(summary(&events), ["072 USA→PAK"]);
    // Counter-cases: a promise or a future is an intent (033).
    let (_, events) = en("The United States promised to send arms to Pakistan.");
    assert_eq!(summary(&events), ["033 USA→PAK"]);
    let (_, events) = en("The United States will continue to send arms to Pakistan.");
    assert_eq!(summary(&events), ["033 USA→PAK"]);
}

#[test]
fn dismissing_an_offer_is_a_rejection() {
    let (_, events) = en("Kenya dismissed the Ugandan offer of talks on Monday.");
    assert!(
        summary(&events).iter().any(|e| e == "120 KEN→UGA"),
        "{:?}",
        summary(&events)
    );
    let (_, events) = en("Kenya turned down the Ugandan offer on Monday.");
    assert!(
        summary(&events).iter().any(|e| e == "120 KEN→UGA"),
        "{:?}",
        summary(&events)
    );
    // Counter-case: dismissing a minister is no rejection.
    let (_, events) =
        en("The Kenyan president dismissed the Ugandan ambassador's deputy on Monday.");
    assert!(
        summary(&events).iter().all(|e| !e.starts_with("120")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn beating_people_up_is_a_physical_assault_in_both_languages() {
    let (_, events) = en("Kenyan police beat up Ugandan traders in Nairobi.");
    assert_eq!(summary(&events), ["182 KENCOP→UGABUS"]);
    let (_, events) = fr("Des policiers kényans ont tabassé des commerçants ougandais à Nairobi.");
    assert_eq!(summary(&events), ["182 KENCOP→UGABUS"]);
    // Counter-case: beating a rival in a vote is no assault.
    let (_, events) = en("The Kenyan president beat the Ugandan candidate in the vote.");
    assert!(
        summary(&events).iter().all(|e| !e.starts_with("18")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_demonym_after_an_ngo_names_its_national_branch() {
    // French puts the demonym after the organisation; the branch speaks for its country.
    let got = parsed_summary(
        "Le Croissant-Rouge soudanais a déclaré que les secours manquaient.",
        Lang::Fr,
    );
    assert_eq!(got, ["010 SDNNGOHLHIRC→-"], "{got:?}");
    // Counter-case: the organisation alone has no country.
    let got = parsed_summary(
        "Le Croissant-Rouge a déclaré que les secours manquaient.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.contains("SDN")), "{got:?}");
}

#[test]
fn a_plan_to_act_is_coded_by_the_act_planned() {
    // "plans to impose restrictions": a threat of restrictions, not a bare intent (030).
    let got = parsed_summary(
        "Norway plans to impose restrictions on its labour market.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("030")), "{got:?}");
    assert!(got.iter().any(|e| e.starts_with("13")), "{got:?}");
    // Counter-case: a plan to do what has no code of its own stays an intent.
    let got = parsed_summary("Norway plans to paint its schools.", Lang::En);
    assert!(got.iter().all(|e| e.starts_with("03")), "{got:?}");
}

#[test]
fn expelling_diplomats_inspectors_or_aid_workers_reduces_relations() {
    // Diplomats: relations reduced (161); inspectors or aid workers: 1662, 1663; anyone
    // else: a deportation (174).
    let (_, ev) = en("Norway expelled two Kenyan diplomats on Monday.");
    assert_eq!(summary(&ev), ["161 NOR→KENGOV"]);
    let (_, ev) = fr("Le Ghana a expulsé l'ambassadeur du Togo.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("161 GHA")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenya expelled the UN inspectors.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("1662 KEN")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenya expelled two Somali traders.");
    assert_eq!(summary(&ev), ["174 KEN→SOMBUS"]);
}

#[test]
fn a_formal_protest_is_an_official_complaint_not_a_demonstration() {
    let (_, ev) = en("Norway lodged an official protest with Kenya on Monday.");
    assert_eq!(summary(&ev), ["114 NOR→KEN"]);
    let (_, ev) = fr("Le Ghana a élevé une protestation officielle auprès du Togo.");
    assert_eq!(summary(&ev), ["114 GHA→TGO"]);
    let (_, ev) = fr("Le Maroc a protesté auprès de l'ambassadeur d'Algérie.");
    assert_eq!(summary(&ev), ["114 MAR→DZAGOV"]);
    // Counter-case: protesters in the street demonstrate (141).
    let (_, ev) = en("Kenyan students protested against Uganda on Monday.");
    assert!(summary(&ev).iter().all(|e| e.starts_with("141")), "{ev:?}");
}

#[test]
fn what_someone_is_charged_with_is_not_done_by_him() {
    // "charging its neighbour with supporting rebels": the support is alleged, not coded.
    let got = parsed_summary(
        "Norway lodged a protest with Kenya, charging its neighbour with supporting rebels.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("05")), "{got:?}");
}

#[test]
fn curfews_reinforcements_and_upgraded_ties() {
    let (_, ev) = en("The Kenyan army imposed a curfew in Mombasa on Monday.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("1723 KEN")),
        "{ev:?}"
    );
    // Announced, the curfew is a threat (1323).
    let (_, ev) = en("Kenya said it will extend the curfew in Mombasa.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("1323 KEN")),
        "{ev:?}"
    );
    let (_, ev) = fr("Le Mali a renforcé ses troupes à la frontière.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("154 MLI")),
        "{ev:?}"
    );
    let (_, ev) = en("Norway and Kenya upgraded their diplomatic ties on Monday.");
    assert!(summary(&ev).iter().any(|e| e == "050 NOR→KEN"), "{ev:?}");
    let (_, ev) = fr("Le Maroc et l'Espagne ont amélioré leurs relations.");
    assert!(summary(&ev).iter().any(|e| e == "050 MAR→ESP"), "{ev:?}");
    // Counter-case: improving roads is no diplomacy.
    let (_, ev) = en("Kenya improved its roads on Monday.");
    assert!(ev.is_empty(), "{ev:?}");
}

#[test]
fn a_vow_to_fight_is_a_threat_not_a_curse() {
    let got = parsed_summary(
        "Ethnic Albanians have sworn to fight until they win.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("138 ALB")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("11")), "{got:?}");
    // Counter-case: swearing at someone is still the dictionary's reading.
    let got = parsed_summary("Norway swore at Kenya.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("13")), "{got:?}");
}

#[test]
fn returning_weapons_or_land_returns_property() {
    let (_, ev) = en("Kenya returned the seized weapons to Uganda.");
    assert_eq!(summary(&ev), ["0842 KEN→UGA"]);
    let (_, ev) = fr("Le Kenya a restitué les armes saisies à l'Ouganda.");
    assert_eq!(summary(&ev), ["0842 KEN→UGA"]);
    // Announced, it is an intent (0353).
    let (_, ev) = en("Kenya said it will return the weapons to Uganda.");
    assert!(summary(&ev).iter().any(|e| e == "0353 KEN→UGA"), "{ev:?}");
    // Counter-case: coming back home returns nothing.
    let (_, ev) = en("The Kenyan president returned home on Monday.");
    assert!(summary(&ev).iter().all(|e| !e.starts_with("084")), "{ev:?}");
}

#[test]
fn accepting_a_compromise_is_an_agreement() {
    let (_, ev) = en("Norway accepted a compromise with Kenya on Monday.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("030 NOR")),
        "{ev:?}"
    );
    let (_, ev) = fr("Le Danemark a accepté un compromis avec la Norvège.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("030 DNK")),
        "{ev:?}"
    );
    // Counter-case: accepting a gift is no agreement.
    let (_, ev) = en("Norway accepted a gift from Kenya.");
    assert!(summary(&ev).iter().all(|e| !e.starts_with("030")), "{ev:?}");
}

#[test]
fn mediation_between_two_parties_targets_both() {
    let (_, ev) = en("Norway mediated between Kenya and Somalia on Monday.");
    let got = summary(&ev);
    assert!(got.contains(&"045 NOR→KEN".to_string()), "{got:?}");
    assert!(got.contains(&"045 NOR→SOM".to_string()), "{got:?}");
    let (_, ev) = fr("Le Qatar a lancé une médiation entre l'Éthiopie et l'Érythrée.");
    let got = summary(&ev);
    assert!(got.contains(&"045 QAT→ETH".to_string()), "{got:?}");
    // Counter-case: without two parties there is no mediation to code here.
    let (_, ev) = en("Norway praised the mediation.");
    assert!(summary(&ev).iter().all(|e| !e.starts_with("045")), "{ev:?}");
}

#[test]
fn demands_met_inquiries_opened_lawsuits_and_withdrawn_inspectors() {
    let (_, ev) = en("The Kenyan government accepted demands from Somali rebels on Monday.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("083 KENGOV")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenya's high court opened an inquiry into the killings.");
    assert!(summary(&ev).iter().any(|e| e.starts_with("090")), "{ev:?}");
    let (_, ev) = en("Kenya sued Uganda over the border.");
    assert_eq!(summary(&ev), ["115 KEN→UGA"]);
    let (_, ev) = fr("Le Kenya a porté plainte contre l'Ouganda.");
    assert_eq!(summary(&ev), ["115 KEN→UGA"]);
    let (_, ev) = en("The Kenyan president reneged on his promise to Uganda.");
    assert!(summary(&ev).iter().any(|e| e.starts_with("120")), "{ev:?}");
    let (_, ev) = en("Norway withdrew its observers from Kenya.");
    assert!(summary(&ev).iter().any(|e| e == "1662 NOR→KEN"), "{ev:?}");
    // Announced, the withdrawal is a threat (136).
    let (_, ev) = en("Norway said it will withdraw its observers from Kenya.");
    assert!(summary(&ev).iter().any(|e| e == "136 NOR→KEN"), "{ev:?}");
    // Counter-case: troops withdrawn are a military retreat, not observers.
    let (_, ev) = en("Norway withdrew its troops from Kenya.");
    assert!(summary(&ev).iter().all(|e| !e.starts_with("166")), "{ev:?}");
}

#[test]
fn observers_received_forces_demobilised_and_protests_against() {
    let (_, ev) = en("The Kenyan president received a mission of observers from Norway.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("0862 KENGOV")),
        "{ev:?}"
    );
    let (_, ev) = fr("Le Mali a accueilli des observateurs de l'ONU.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("0862 MLI")),
        "{ev:?}"
    );
    let (_, ev) = en("Somali rebels disarmed on Monday.");
    assert!(summary(&ev).iter().any(|e| e.starts_with("0873")), "{ev:?}");
    // Only a disarmament done: one announced is left to the dictionaries.
    let (_, ev) = en("Somali rebels will disarm next year.");
    assert!(
        summary(&ev).iter().all(|e| !e.starts_with("0873")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenyan police officers joined demonstrations against Uganda.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("141 KEN")),
        "{ev:?}"
    );
}

#[test]
fn word_patterns_correct_the_dictionary_reading_of_a_verb() {
    // Only the Phoenix dictionaries know "a Ghanaian trader" (GHA + BUS); CAMEO.2.0 reads
    // "suing" as an arrest (173), veille's pattern as a lawsuit (115).
    let got = parsed_summary(
        "A Ghanaian trader is suing the Nigerian government.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("115 GHA")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("173")), "{got:?}");
    // Counter-case: a pattern that needs a person as target does not vouch for the verb
    // when none is there ("welcomed the statement" is praise, not hosting a visit).
    let got = parsed_summary(
        "The Kenyan government welcomed the Ugandan statement.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("043")), "{got:?}");
}

#[test]
fn intents_reach_down_clauses_and_errands_are_the_act() {
    // Willing to send troops to help defend: the defence is intended (AGREE), not done.
    let got = parsed_summary(
        "Kenya is willing to send troops to help defend Somalia.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("07")), "{got:?}");
    assert!(got.iter().any(|e| e.starts_with("03")), "{got:?}");
    // Sent inspectors to investigate: the inquiry is the act, not the sending.
    let got = parsed_summary(
        "The United Nations sent inspectors to Kenya to investigate the killings.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("09")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("06")), "{got:?}");
    // A forecast by unnamed others is nobody's intent.
    let got = parsed_summary(
        "Kenyan troops held war games on Monday, expected to be joined later by Ugandan units.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("030")), "{got:?}");
    // Taking place is happening, not a seizure.
    let got = parsed_summary(
        "Kenya postponed the vote to allow the elections to take place in May.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("17")), "{got:?}");
}

#[test]
fn bans_violations_exercises_and_ethnic_cleansing() {
    let (_, ev) = en("Kenyan police prevented a demonstration by Somali refugees.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("1721 KEN")),
        "{ev:?}"
    );
    let (_, ev) = fr("La police malienne a interdit la manifestation de l'opposition.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("1721 MLI")),
        "{ev:?}"
    );
    let (_, ev) = en("Sudanese rebels violated the ceasefire with Chad.");
    assert!(summary(&ev).iter().any(|e| e.starts_with("196")), "{ev:?}");
    let (_, ev) = fr("Les rebelles soudanais ont violé le cessez-le-feu avec le Tchad.");
    assert!(summary(&ev).iter().any(|e| e.starts_with("196")), "{ev:?}");
    // Defying a ban on demonstrations is no ban ("the ban" is a noun).
    let (_, ev) = en("Kenya defied the ban on demonstrations.");
    assert!(summary(&ev).iter().any(|e| e.starts_with("128")), "{ev:?}");
    assert!(
        summary(&ev).iter().all(|e| !e.starts_with("1721")),
        "{ev:?}"
    );
    let (_, ev) = en("Serbian forces carried out ethnic cleansing against Albanians.");
    assert!(summary(&ev).iter().any(|e| e.starts_with("203")), "{ev:?}");
    let (_, ev) = fr("Les forces serbes ont mené un nettoyage ethnique contre les Albanais.");
    assert!(summary(&ev).iter().any(|e| e.starts_with("203")), "{ev:?}");
    // Joint exercises: the pair, not a bare "military" as the partner.
    let (_, ev) = en("Russia and China held joint military exercises near the border.");
    assert_eq!(summary(&ev), ["062 RUS→CHN"]);
    let (_, ev) = en("Kenya and Uganda held war games near the border.");
    assert_eq!(summary(&ev), ["062 KEN→UGA"]);
}

#[test]
fn welcomes_oppositions_commitments_strikes_patrols_and_aid_cuts() {
    let (_, ev) = en("The Kenyan president gave a warm welcome to the Ugandan prime minister.");
    assert!(
        summary(&ev).iter().any(|e| e == "043 KENGOV→UGAGOV"),
        "{ev:?}"
    );
    let (_, ev) = en("Kenya is opposed to Ugandan mediation.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("120 KEN")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenya remains committed to the peace process.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("030 KEN")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenyan doctors stayed away from work on Monday.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("143 KEN")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenyan protesters threw stones at the police.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("145 KEN")),
        "{ev:?}"
    );
    let (_, ev) = en("The Kenyan government ordered patrols along the border.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("150 KEN")),
        "{ev:?}"
    );
    let (_, ev) = fr("L'armée malienne a renforcé ses patrouilles dans le nord.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("150 MLI")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenya eased restrictions on opposition rallies.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("081 KEN")),
        "{ev:?}"
    );
    let (_, ev) = fr("Le gouvernement malien a assoupli les restrictions imposées aux partis.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("081 MLI")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenya cut aid to Somalia.");
    assert_eq!(summary(&ev), ["162 KEN→SOM"]);
    let (_, ev) = fr("Le Kenya a suspendu son aide à la Somalie.");
    assert_eq!(summary(&ev), ["162 KEN→SOM"]);
    // Announced, an aid cut is a threat (1311).
    let (_, ev) = en("Kenya will cut aid to Somalia.");
    assert_eq!(summary(&ev), ["1311 KEN→SOM"]);
}

#[test]
fn fighting_riots_and_shows_of_force() {
    let (_, ev) = en("Kenyan troops retook the town after heavy fighting with Somali rebels.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("190 KENMIL")),
        "{ev:?}"
    );
    let (_, ev) = fr("L'armée malienne a repris la ville après des combats avec les rebelles.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("190 MLIMIL")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenyan youths rioted in Nairobi on Monday.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("145 KEN")),
        "{ev:?}"
    );
    // "riot police" is no riot.
    let (_, ev) = en("Kenyan riot police arrested ten protesters.");
    assert!(summary(&ev).iter().all(|e| !e.starts_with("145")), "{ev:?}");
    // A show of force needs forces: "mobilized pressure groups" is none, and "help support"
    // is the support.
    let got = parsed_summary(
        "Kenya mobilized pressure groups in Uganda to help support the Somali refugees.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("15")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("070")), "{got:?}");
    let got = parsed_summary("Kenya mobilized troops along the Somali border.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("15")), "{got:?}");
}

#[test]
fn decisions_steps_and_peacekeepers() {
    // A decision is taken: what is decided is coded as done.
    let got = parsed_summary(
        "Kenya's Supreme Court decided to allow the opposition leader to run in the elections.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("03")), "{got:?}");
    // Taking steps to do something is doing it, not seizing anything.
    let got = parsed_summary(
        "The Kenyan president has taken steps to enhance political freedoms.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("0811")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("17")), "{got:?}");
    // Peacekeepers arriving are deployed, not visiting.
    let got = parsed_summary(
        "Kenyan peacekeeping troops arrived in Somalia on Monday.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("074")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("042")), "{got:?}");
    let got = parsed_summary(
        "Des casques bleus rwandais sont arrivés à Bangui.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("074")), "{got:?}");
}

#[test]
fn prepared_offensives_and_nested_modifiers() {
    // An offensive being prepared is not yet an attack.
    let (_, ev) = en("Kenya is preparing a major offensive against Somali rebels.");
    assert!(summary(&ev).iter().all(|e| !e.starts_with("190")), "{ev:?}");
    // "military" inside the subject's own prepositional phrase makes no military subject
    // for the dictionary's "&MILITARY *" patterns.
    let got = parsed_summary(
        "Kenyan protests against Somali military policies are still continuing.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("190")), "{got:?}");
}

#[test]
fn quoted_speakers_and_pronouns_in_demands() {
    // "was quoted as saying he would …": the one quoted is the one who would.
    let got = parsed_summary(
        "The Kenyan president was quoted as saying he would be ready to host talks between \
         Uganda and Somalia.",
        Lang::En,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("03") && e.contains(" KENGOV→")),
        "{got:?}"
    );
    // "a reminder to Uganda that it must …": "it" is Uganda, on whom the demand is made.
    let got = parsed_summary(
        "The Kenyan president issued a stern reminder to Uganda that it must withdraw its troops.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e == "100 KENGOV→UGA"), "{got:?}");
    // Counter-case: a forecast is nobody's act ("is expected to see").
    let got = parsed_summary(
        "Much of Kenya is expected to see heavy rain this week.",
        Lang::En,
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn acts_demanded_are_not_done() {
    // "must": Uganda is asked to cut aid, it has not cut it.
    let got = parsed_summary("Kenya said Uganda must cut aid to the rebels.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("162")), "{got:?}");
    assert!(got.iter().any(|e| e == "100 KEN→UGA"), "{got:?}");
}

#[test]
fn dictionary_particles_follow_their_verb() {
    // CAMEO.2.0's "- * ON [190]" is "pressed on", not any "on" after the verb.
    let got = parsed_summary(
        "Kenya demanded new restrictions on Ugandan traders.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("19")), "{got:?}");
}

#[test]
fn prisoners_warships_riots_against_and_human_shields() {
    let (_, ev) = en("Prisoners rioted at a jail in Nairobi on Monday.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("145 KEN")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenyan warships held joint exercises with Tanzanian warships.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("062 KENMIL")),
        "{ev:?}"
    );
    let (_, ev) = en("Kenyan riots against Ugandan traders continued on Monday.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("145 KEN")),
        "{ev:?}"
    );
    let (_, ev) = en("The Sudanese army is holding villagers as human shields.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("170 SDNMIL")),
        "{ev:?}"
    );
    let (_, ev) = fr("L'armée soudanaise a utilisé des villageois comme boucliers humains.");
    assert!(
        summary(&ev).iter().any(|e| e.starts_with("170 SDNMIL")),
        "{ev:?}"
    );
}

#[test]
fn declining_numbers_and_offered_resistance_are_no_events() {
    let got = parsed_summary(
        "Bird populations in Kenya have declined sharply over the past decade.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("12")), "{got:?}");
    let got = parsed_summary("Kenyan troops offered stiff resistance.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("03")), "{got:?}");
    // Counter-case: declining an offer is a rejection.
    let got = parsed_summary("Kenya declined the Ugandan offer.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("12")), "{got:?}");
}

#[test]
fn a_listed_name_continued_by_another_name_is_someone_else() {
    // A former Australian prime minister is listed; a pastor whose name begins like his is not
    // him, and a paper named after a city is still that city's.
    let got = parsed_summary("John Howard visited Jakarta on Monday.", Lang::En);
    assert!(got.iter().any(|e| e.contains("AUS")), "{got:?}");
    let got = parsed_summary(
        "The Rev. John Howard Johnson led a boycott of retailers on Monday.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.contains("AUS")), "{got:?}");
}

#[test]
fn arguing_that_is_a_claim_not_a_dispute() {
    let got = parsed_summary(
        "The Kremlin argues that the sanctions are driven by economic reasons.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("010 RUS")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("11")), "{got:?}");
}

#[test]
fn alleged_and_denied_acts_are_not_done_for_the_word_patterns_either() {
    for text in [
        "Kenya denied attacking Somali troops near the border.",
        "Kenya has been accused of attacking Somali troops near the border.",
    ] {
        let got = parsed_summary(text, Lang::En);
        assert!(got.iter().all(|e| !e.starts_with("19")), "{text}: {got:?}");
    }
    let got = parsed_summary("Kenya attacked Somali troops near the border.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("19")), "{got:?}");
}

#[test]
fn sexual_assault_is_its_own_code_and_violer_an_accord_is_none() {
    let got = parsed_summary(
        "Soldiers sexually assaulted women in the village.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("1821")), "{got:?}");
    let got = parsed_summary("Des soldats ont violé des femmes du village.", Lang::Fr);
    assert!(got.iter().any(|e| e.starts_with("1821")), "{got:?}");
    let got = parsed_summary("Les rebelles ont violé le cessez-le-feu.", Lang::Fr);
    assert!(got.iter().any(|e| e.starts_with("196")), "{got:?}");
    let got = parsed_summary("La Russie a violé l'accord signé à Minsk.", Lang::Fr);
    assert!(got.iter().all(|e| !e.starts_with("18")), "{got:?}");
}

#[test]
fn he_or_she_is_a_person_never_a_country() {
    let got = parsed_summary("Bolivia will win the case at the court, he said.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("010 BOL")), "{got:?}");
    // A person with a country is what "he" stands for.
    let got = parsed_summary(
        "Bolivian President Evo Morales arrived in Lima on Monday. He said that Peru would help.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("010 BOL")), "{got:?}");
}

#[test]
fn according_to_and_struggling_to_are_no_acts() {
    let got = parsed_summary(
        "Rebels from Chad showed no remorse after the raid, according to court documents.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("06")), "{got:?}");
    let got = parsed_summary(
        "The Kenyan government is struggling to keep its budget plan on track.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("19")), "{got:?}");
}

#[test]
fn the_speaker_after_an_inverted_verb_of_saying_is_its_subject() {
    // A headline's "…, says White House" with no article: the parser reads an oblique.
    let got = parsed_summary(
        "The meeting with Kenya may be delayed again, said White House.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("010 USA")), "{got:?}");
    let got = parsed_summary("Police appealed for witnesses on Monday.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("020 COP")), "{got:?}");
}

#[test]
fn a_french_role_keeps_its_demonym_across_an_unknown_adjective() {
    let got = parsed_summary(
        "Le nombre de cas a baissé, ont affirmé les autorités sanitaires maliennes lundi.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 MLI")), "{got:?}");
}

#[test]
fn an_act_that_would_follow_a_condition_is_hypothetical() {
    let got = parsed_summary(
        "Kenya would condemn Uganda if it closed the border.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("11")), "{got:?}");
    let got = parsed_summary("Kenya condemned Uganda for closing the border.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("11")), "{got:?}");
}

#[test]
fn telling_someone_to_act_is_an_appeal_and_soutenir_que_a_claim() {
    let got = parsed_summary("Syria told Turkey to withdraw its troops.", Lang::En);
    assert!(got.iter().any(|e| e == "020 SYR→TUR"), "{got:?}");
    let got = parsed_summary("Syria told Turkey that the talks had failed.", Lang::En);
    assert!(got.iter().any(|e| e == "010 SYR→TUR"), "{got:?}");
    let got = parsed_summary(
        "La Chine et la Russie soutiennent que le Conseil de sécurité devrait agir.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 CHN")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("05")), "{got:?}");
}

#[test]
fn a_scheduled_visit_is_an_intended_one() {
    let got = parsed_summary(
        "President Joko Widodo was scheduled to visit evacuation centres in Palu on Sunday.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("036")), "{got:?}");
}

#[test]
fn going_somewhere_with_no_one_met_is_no_consultation() {
    let got = parsed_summary(
        "Kenya's President William Ruto arrived in Nairobi for the party conference on Monday.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("040")), "{got:?}");
    let got = parsed_summary("Kenyans go to the polls on Sunday.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("040")), "{got:?}");
}

#[test]
fn cooperation_of_no_kind_with_no_one_is_no_event() {
    for text in [
        "Kenyans voted in a referendum on Sunday.",
        "The Kenyan government has been stepping up its preparations for the vote.",
    ] {
        let got = parsed_summary(text, Lang::En);
        assert!(
            got.iter()
                .all(|e| !matches!(&e[..3], "030" | "050" | "060")),
            "{text}: {got:?}"
        );
    }
    // With a partner, it stands.
    let got = parsed_summary("Kenya backed Uganda on Sunday.", Lang::En);
    assert!(
        got.iter().any(|e| e.starts_with("05") && e.contains("UGA")),
        "{got:?}"
    );
}

#[test]
fn a_capital_that_begins_a_longer_name_is_no_government() {
    // A paper of the city, not its government.
    let got = parsed_summary("The Nairobi Star said the vote was fair.", Lang::En);
    assert!(got.iter().all(|e| !e.contains("KENGOV")), "{got:?}");
    let got = parsed_summary(
        "Le Dakar Matin a affirmé que le vote était régulier.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.contains("SENGOV")), "{got:?}");
    // The capital alone still stands for its government.
    let got = parsed_summary("Nairobi said the vote was fair.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("010 KENGOV")), "{got:?}");
    let got = parsed_summary("Dakar a affirmé que le vote était régulier.", Lang::Fr);
    assert!(got.iter().any(|e| e.starts_with("010 SENGOV")), "{got:?}");
}

#[test]
fn a_promise_on_condition_has_no_target_in_the_condition() {
    // A pledge is an intent even when its act has no code of its own.
    let got = parsed_summary("Kenya pledged to dismantle the camps.", Lang::En);
    assert_eq!(got, ["030 KEN→-"]);
    // The country of the condition is not whom the promise is made to.
    let got = parsed_summary(
        "Le Kenya s'est engagé à démanteler les camps si la Somalie retirait ses troupes.",
        Lang::Fr,
    );
    assert!(
        got.iter().any(|e| e.starts_with("03") && e.contains("KEN")),
        "{got:?}"
    );
    assert!(got.iter().all(|e| !e.ends_with("SOM")), "{got:?}");
}

#[test]
fn wanting_talks_is_the_intent_to_negotiate_in_both_languages() {
    let en = parsed_summary("Kenya wants new talks with Somalia.", Lang::En);
    assert!(en.iter().any(|e| e.starts_with("036 KEN")), "{en:?}");
    let fr = parsed_summary("Le Kenya veut un nouveau sommet avec la Somalie.", Lang::Fr);
    assert!(fr.iter().any(|e| e.starts_with("036 KEN")), "{fr:?}");
    // Wanting anything else is no event.
    let fr = parsed_summary("Le Kenya veut une nouvelle route.", Lang::Fr);
    assert!(fr.is_empty(), "{fr:?}");
}

#[test]
fn where_a_meeting_is_held_is_not_whom_it_is_with() {
    for (text, lang) in [
        (
            "The leaders of Kenya and Uganda met in Addis Ababa.",
            Lang::En,
        ),
        (
            "Les dirigeants kényan et ougandais se sont rencontrés à Addis-Abeba.",
            Lang::Fr,
        ),
    ] {
        let got = parsed_summary(text, lang);
        assert!(
            got.iter().any(|e| e.starts_with("04") && e.contains("UGA")),
            "{got:?}"
        );
        assert!(got.iter().all(|e| !e.contains("ETH")), "{text}: {got:?}");
    }
    // Travel still goes somewhere.
    let got = parsed_summary("Kenya's foreign minister arrived in Addis Ababa.", Lang::En);
    assert!(
        got.iter()
            .any(|e| e.starts_with("042") && e.ends_with("ETH")),
        "{got:?}"
    );
}

#[test]
fn taking_a_look_or_part_is_no_seizure() {
    for text in [
        "Kenya will take a hard look at the proposal.",
        "Kenyan troops took part in the parade.",
    ] {
        let got = parsed_summary(text, Lang::En);
        assert!(
            got.iter()
                .all(|e| !e.starts_with("17") && !e.starts_with("13")),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_role_noun_modifying_a_thing_is_no_actor() {
    let got = parsed_summary(
        "Researchers often work hard to win government grants, Kamau said.",
        Lang::En,
    );
    assert!(got.is_empty(), "{got:?}");
    // The role itself still speaks.
    let got = parsed_summary(
        "Researchers often work hard to win grants, the government said.",
        Lang::En,
    );
    assert_eq!(got, ["010 GOV→-"]);
}

#[test]
fn an_unknown_speaker_is_not_replaced_by_an_actor_further_on() {
    // The speaker after the verb is unknown; the president after the comma is not him.
    let got = parsed_summary(
        "Les réunions auront toujours lieu, a affirmé Kamau, mais « le président kényan décidera ».",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("010")), "{got:?}");
    // Nor is a court before which someone speaks ("devant le tribunal").
    let got = parsed_summary(
        "Il a comparu devant le tribunal samedi, en se déclarant non coupable.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.contains("JUD")), "{got:?}");
}

#[test]
fn soldiers_firing_during_a_protest_do_not_protest() {
    let got = parsed_summary(
        "Les soldats ont ouvert le feu lors d'une manifestation pacifique à Nairobi.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("14")), "{got:?}");
    // Youths throwing stones during demonstrations are the demonstrators.
    let got = parsed_summary(
        "Kenyan youths threw stones during demonstrations against the government.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("14")), "{got:?}");
}

#[test]
fn french_verbs_read_in_their_other_senses() {
    let fr = |t: &str| parsed_summary(t, Lang::Fr);
    // Suing, not going on speaking.
    let got = fr("Le Kenya poursuit la Somalie en justice.");
    assert!(got.iter().any(|e| e.starts_with("115 KEN")), "{got:?}");
    // Being named, making sure, presenting a plan, bringing proof: no act.
    for t in [
        "Une province du Kenya s'appelle Nairobi.",
        "Le Kenya s'est assuré que l'avion puisse décoller.",
        "Le Kenya a présenté sa feuille de route l'an dernier.",
        "Le Kenya devra apporter la preuve de sa bonne foi.",
    ] {
        let got = fr(t);
        assert!(got.is_empty(), "{t}: {got:?}");
    }
    // Bringing aid is aid; a veto is a veto (CAMEO 129).
    let got = fr("Le Japon a apporté une aide d'urgence au Népal.");
    assert!(got.iter().any(|e| e.starts_with("070 JPN")), "{got:?}");
    let got = fr("La Grèce a opposé son veto à l'adhésion de la Macédoine.");
    assert!(got.iter().any(|e| e.starts_with("129 GRC")), "{got:?}");
}

#[test]
fn seeing_watching_and_awaiting_say_nothing() {
    for t in [
        "Kenya awaits a ruling by the court.",
        "The Kenyan people saw the courage of their athletes.",
        "Kenya has not seen investment in months.",
    ] {
        let got = parsed_summary(t, Lang::En);
        assert!(got.iter().all(|e| !e.starts_with("01")), "{t}: {got:?}");
    }
    // Seeing something as something is an opinion stated.
    let got = parsed_summary("Kenya sees the deal as a threat to its security.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("010 KEN")), "{got:?}");
}

#[test]
fn faire_savoir_is_a_statement() {
    let got = parsed_summary(
        "Le Kenya a fait savoir qu'il ne retirerait pas ses troupes.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KEN")), "{got:?}");
}

#[test]
fn a_visit_is_one_record_not_two() {
    let got = parsed_summary("The Malian president headed for Niger on Monday.", Lang::En);
    assert!(
        got.iter().any(|e| e.starts_with("042 MLIGOV→NER")),
        "{got:?}"
    );
    assert!(got.iter().all(|e| !e.starts_with("043")), "{got:?}");
}

#[test]
fn releasing_a_video_frees_no_one() {
    let got = parsed_summary("Kenyan police released video of the arrest.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("08")), "{got:?}");
    let got = parsed_summary("Kenyan police released two Somali journalists.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("084")), "{got:?}");
}

#[test]
fn a_person_no_dictionary_knows_is_no_source() {
    let got = parsed_summary(
        "Juan Perales a promis de soutenir la jeunesse mexicaine.",
        Lang::Fr,
    );
    assert!(got.is_empty(), "{got:?}");
    // With a role and a country, the same person is a source.
    let got = parsed_summary(
        "Le président mexicain Juan Perales a promis de soutenir la jeunesse mexicaine.",
        Lang::Fr,
    );
    assert!(
        got.iter().any(|e| e.starts_with("03") && e.contains("MEX")),
        "{got:?}"
    );
}

#[test]
fn having_something_to_say_says_nothing() {
    let got = parsed_summary(
        "Paul Kamau, le président du Kenya, a aussi beaucoup à dire à propos de la décision qui sera rendue lundi.",
        Lang::Fr,
    );
    assert!(got.is_empty(), "{got:?}");
    let got = parsed_summary(
        "Le président kényan a dit que la décision était injuste.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KEN")), "{got:?}");
}

#[test]
fn a_coordinated_verb_shares_the_first_verbs_subject() {
    // The president is what the first verb acts on, not the one who speaks in the second;
    // the singer no dictionary knows is no source.
    let got = parsed_summary(
        "The singer was booed after a long speech in which he praised Kenyan President Paul Kamau and said he would run for office in 2030.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("010")), "{got:?}");
    let got = parsed_summary(
        "The Kenyan president praised the army and said the vote would go ahead.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KEN")), "{got:?}");
}

#[test]
fn french_hope_yield_renounce_and_mock() {
    // CAMEO's HOPE (020), ABANDON (080, refused ahead when negated: 124), RENOUNCE (110) and
    // MOCK (111) in French.
    let got = parsed_summary(
        "La Bolivie espère que la Cour lui donnera raison.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("020 BOL")), "{got:?}");
    let got = parsed_summary(
        "« La Bolivie n’abandonnera jamais son droit d’accès à la mer », a-t-il ajouté.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("124 BOL")), "{got:?}");
    let got = parsed_summary("Le ministre kényan s’est moqué de l’Ouganda.", Lang::Fr);
    assert!(got.iter().any(|e| e.starts_with("111 KEN")), "{got:?}");
    let got = parsed_summary(
        "Les autorités kényanes évaluaient la situation à Mombasa.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KEN")), "{got:?}");
}

#[test]
fn where_aid_comes_from_is_no_recipient() {
    let got = parsed_summary(
        "L’armée kényane a commencé à acheminer de l’aide depuis Nairobi.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.contains("→KEN")), "{got:?}");
    assert!(got.iter().any(|e| e.starts_with("07")), "{got:?}");
}

#[test]
fn what_a_verb_of_prevention_keeps_from_happening_is_no_event() {
    let got = parsed_summary(
        "Afin d’éviter que les troupes russes attaquent l’Ukraine, le Kenya a envoyé une délégation.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("19")), "{got:?}");
    let got = parsed_summary("Les troupes russes attaquent l’Ukraine.", Lang::Fr);
    assert!(got.iter().any(|e| e.starts_with("19")), "{got:?}");
}

#[test]
fn members_of_parliament_counted_by_a_quantity_speak() {
    let got = parsed_summary(
        "Bien que le vote ne soit pas contraignant, suffisamment de membres du parlement ont affirmé qu’ils suivraient son résultat.",
        Lang::Fr,
    );
    assert_eq!(got, ["010 LEG→-"]);
    // The quantity is no head of its own for a country either.
    let got = parsed_summary("Beaucoup de députés kényans ont rejeté le texte.", Lang::Fr);
    assert!(
        got.iter().any(|e| e.starts_with("12") && e.contains("KEN")),
        "{got:?}"
    );
}

#[test]
fn a_subject_no_mention_covers_speaks_for_no_one_nearby() {
    // The subject of "says" is the industry, not the country of the condition before it.
    let got = parsed_summary(
        "If Kenya leaves the union in March, there could be disruption at the border which the industry says could lead to shortages.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("010")), "{got:?}");
    // A country named inside the quotation is not the speaker after it.
    let got = parsed_summary(
        "\"Kenya has earned massive respect across the athletics community,\" Beattie said.",
        Lang::En,
    );
    assert!(got.is_empty(), "{got:?}");
    // The subject's own mentions still speak: its role when its name is unknown.
    let got = parsed_summary(
        "Kenyan Attorney General Paul Kamau said the new policy ignores decades of law.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KEN")), "{got:?}");
    let got = parsed_summary(
        "\"The bridge is safe,\" said Paul Kamau, the Kenyan transport minister.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KEN")), "{got:?}");
}

#[test]
fn a_pronoun_after_a_quotation_stands_for_no_one_inside_it() {
    let got = parsed_summary(
        "\"The president does more interviews than any president before him,\" she said.",
        Lang::En,
    );
    assert!(got.is_empty(), "{got:?}");
    let got = parsed_summary(
        "« Pour le Kenya et l’Ouganda, l’option économique reste la meilleure », a-t-il déclaré.",
        Lang::Fr,
    );
    assert!(got.is_empty(), "{got:?}");
    // Outside quotations the pronoun still stands for the subject before it.
    let got = parsed_summary(
        "The Kenyan president arrived in Kampala and he said the talks would go well.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KEN")), "{got:?}");
}

#[test]
fn someones_opposition_to_something_is_no_political_opposition() {
    let got = parsed_summary(
        "Setting out his opposition to the union, he said the country would leave.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.contains("OPP")), "{got:?}");
    let got = parsed_summary("L’opposition kényane a dénoncé la réforme.", Lang::Fr);
    assert!(got.iter().any(|e| e.contains("KENOPP")), "{got:?}");
}

#[test]
fn an_attribution_is_not_to_a_place_or_a_misread_apposition() {
    // The documents are not Kenya's, and the plan is not the source.
    let got = parsed_summary(
        "Le joueur serait rentré à l’hôtel, selon des documents déposés auprès du tribunal du comté, dans le Kenya.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("010")), "{got:?}");
    let got = parsed_summary(
        "Selon Kamau, le plan de la présidente kényane est « précisément calibré ».",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("010")), "{got:?}");
    // A role in apposition is the source's.
    let got = parsed_summary(
        "Selon Paul Kamau, le ministre kényan du Commerce, le pays quittera l’union.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KENGOV")), "{got:?}");
}

#[test]
fn doctors_are_health_workers_and_newspapers_the_press() {
    // A doctor is no journalist (CAMEO's HLH, not MED): a statement of theirs stands.
    let got = parsed_summary(
        "Un médecin kényan a déclaré que les blessés étaient nombreux.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KENHLH")), "{got:?}");
    // A newspaper is where the story comes from, whatever its city.
    let got = parsed_summary(
        "Les femmes n’oublieront pas, a-t-elle déclaré selon le journal de Nairobi.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("010 KEN")), "{got:?}");
}

#[test]
fn a_pronouns_inserted_speech_verb_speaks_for_no_one_in_the_clause() {
    let got = parsed_summary(
        "Instead, he noted, the U.S. is continuing sanctions meant to keep up pressure.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("01")), "{got:?}");
    // A pronoun in a complement clause is still the main subject's.
    let got = parsed_summary("Kenya indicated it would send troops to Somalia.", Lang::En);
    assert!(got.iter().any(|e| e.contains("KEN→SOM")), "{got:?}");
}

#[test]
fn a_promise_not_to_act_is_a_promise() {
    let got = parsed_summary("Kenya vowed not to attack Uganda.", Lang::En);
    assert_eq!(got, ["030 KEN→UGA"]);
    let got = parsed_summary(
        "The Kenyan president has vowed to never use military force against civilians.",
        Lang::En,
    );
    assert!(got.iter().all(|e| e.starts_with("03")), "{got:?}");
    let got = parsed_summary(
        "Le Kenya a promis de ne jamais attaquer l’Ouganda.",
        Lang::Fr,
    );
    assert!(
        !got.is_empty() && got.iter().all(|e| e.starts_with("03")),
        "{got:?}"
    );
}

#[test]
fn two_parties_talking_consult_each_other() {
    let got = parsed_summary("Kenya and Uganda talked on Tuesday.", Lang::En);
    assert_eq!(got, ["040 KEN→UGA"]);
    // With something said, each makes a statement.
    let got = parsed_summary("Kenya and Uganda said the border would reopen.", Lang::En);
    assert!(got.iter().all(|e| e.starts_with("010")), "{got:?}");
}

#[test]
fn a_french_future_on_the_governing_verb_makes_an_intent() {
    let got = parsed_summary("Le Kenya et l’Ouganda continueront à échanger.", Lang::Fr);
    assert!(
        !got.is_empty() && got.iter().all(|e| e.starts_with("036")),
        "{got:?}"
    );
}

#[test]
fn asking_a_question_and_declining_to_be_named_are_no_events() {
    let got = parsed_summary(
        "Le ministre kényan a demandé quand aurait lieu la prochaine réunion.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("02")), "{got:?}");
    let got = parsed_summary(
        "« Le président se rendra à Kampala », a déclaré un porte-parole kényan, qui a refusé d’être nommé.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("12")), "{got:?}");
    // Asking for something, refusing to do something, still code.
    let got = parsed_summary(
        "Le ministre kényan a demandé la libération des otages.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("02")), "{got:?}");
}

#[test]
fn a_relative_clauses_target_is_inside_it() {
    let got = parsed_summary(
        "Les procureurs kényans qui soutiennent Kamau ont décrit l’Ouganda comme un pays confronté à des problèmes.",
        Lang::Fr,
    );
    // The support is for Kamau, not Uganda; the description is about Uganda.
    assert!(
        got.iter()
            .filter(|e| !e.starts_with("010"))
            .all(|e| !e.contains("→UGA")),
        "{got:?}"
    );
}

#[test]
fn what_is_impossible_does_not_happen() {
    let got = parsed_summary(
        "Il serait impossible que le Kenya signe cet accord avec l’Ouganda.",
        Lang::Fr,
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_french_speaker_after_a_comma_and_the_verb_speaks() {
    // No quotation: "…, annoncera X" with X read as the verb's object.
    let got = parsed_summary(
        "Les fonds serviront à aider les sans-abri, annoncera la Première ministre britannique aujourd’hui.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 GBRGOV")), "{got:?}");
}

#[test]
fn imposing_a_veto_is_a_veto() {
    let got = parsed_summary(
        "La Grèce a imposé son veto à l’adhésion de la Macédoine à l’OTAN.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("129 GRC")), "{got:?}");
    assert!(got.iter().all(|e| !e.starts_with("16")), "{got:?}");
}

#[test]
fn asking_for_some_aid_is_an_appeal_for_aid() {
    let got = parsed_summary("Le Kenya demande de l’aide à l’Ouganda.", Lang::Fr);
    assert!(got.iter().any(|e| e.starts_with("023 KEN")), "{got:?}");
}

#[test]
fn meeting_a_cost_is_no_meeting() {
    let got = parsed_summary(
        "The Kenyan Government has committed to meet the cost of the repairs.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("04")), "{got:?}");
    let got = parsed_summary(
        "The Kenyan president will meet the Ugandan president on Friday.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("036 KEN")), "{got:?}");
}

#[test]
fn a_relative_pronoun_speaks_for_the_noun_it_follows() {
    // "qui se dit capable": the billionaire claims it, not the prime minister before him;
    // no dictionary knows the billionaire, so no statement is coded.
    let got = parsed_summary(
        "Le Premier ministre britannique tombe sous l'emprise d'un milliardaire qui se dit capable de tout régler.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("010")), "{got:?}");
    // A known antecedent speaks.
    let got = parsed_summary(
        "The British prime minister met the Russian envoy, who said the deal was done.",
        Lang::En,
    );
    assert!(got.contains(&"010 RUSGOV→-".to_string()), "{got:?}");
}

#[test]
fn shows_and_campaign_rallies_are_no_protests() {
    // "demonstrated why", "demonstrated its resolve": showing something, not protesting.
    let got = parsed_summary(
        "In Ohio this week the Kenyan president demonstrated why, making a bizarre appearance before reporters.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("14")), "{got:?}");
    // The same for the pattern coder, whatever follows "why".
    let got = parsed_summary(
        "The Kenyan president demonstrated why on Tuesday.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("14")), "{got:?}");
    // A candidate's campaign rallies are no protest.
    let got = parsed_summary(
        "The Kenyan president begins a series of campaign rallies tonight in Nairobi.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("14")), "{got:?}");
    let got = parsed_summary(
        "Thus, the Kenyan president's campaign said these five rallies in the next week are aimed at energizing supporters.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("14")), "{got:?}");
    // Protesters who demonstrate or rally against someone still protest.
    let got = parsed_summary(
        "Thousands of Kenyan students demonstrated in Nairobi against the president.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("141")), "{got:?}");
    let got = parsed_summary(
        "Kenyan students rallied in Nairobi against the president.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("141")), "{got:?}");
}

#[test]
fn what_one_is_reluctant_to_do_is_not_done() {
    for (text, lang) in [
        ("Kenya is reluctant to send troops to Somalia.", Lang::En),
        (
            "Washington is wary of agreeing to the declaration with Pyongyang.",
            Lang::En,
        ),
        (
            "Le Kenya est réticent à envoyer des troupes en Somalie.",
            Lang::Fr,
        ),
    ] {
        let got = parsed_summary(text, lang);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
    // Saying so is still a statement.
    let got = parsed_summary(
        "Le Kenya se dit réticent à signer un accord avec la Somalie.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("03")), "{got:?}");
}

#[test]
fn welcoming_favourably_is_praise() {
    // "accueillir favorablement" welcomes (051), it neither hosts (043) nor gives aid (070).
    let got = parsed_summary(
        "Le gouvernement kényan accueille favorablement une aide de la Somalie.",
        Lang::Fr,
    );
    assert!(
        got.iter().all(|e| e.starts_with("051")) && !got.is_empty(),
        "{got:?}"
    );
    // In the conditional, the intent to (032), as English "would welcome".
    let got = parsed_summary(
        "Le gouvernement kényan accueillerait favorablement une aide à la reconstruction.",
        Lang::Fr,
    );
    assert_eq!(got, ["032 KENGOV→-"]);
}

#[test]
fn said_to_with_an_infinitive_is_hearsay() {
    // "said to allow": what is said of the warships, not something they say.
    let got = parsed_summary(
        "The Kenyan warships, said to allow the navy to patrol the lake, are already outdated.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("010")), "{got:?}");
    // "said to reporters" is a statement.
    let got = parsed_summary(
        "The Kenyan minister said to reporters that the deal was done.",
        Lang::En,
    );
    assert_eq!(got, ["010 KENGOV→-"]);
}

#[test]
fn deploring_and_regretting_take_cameo_2_codes_in_both_languages() {
    // CAMEO.2.0: DEPLORE 111, REGRET 110; the French verbs follow.
    for (fr, en, code) in [
        (
            "Le Kenya déplore l'attaque de l'Ouganda.",
            "Kenya deplores the attack by Uganda.",
            "111 KEN→UGA",
        ),
        (
            "Le Kenya regrette la décision de l'Ouganda.",
            "Kenya regrets the decision of Uganda.",
            "110 KEN→UGA",
        ),
    ] {
        assert_eq!(parsed_summary(fr, Lang::Fr), [code], "{fr}");
        assert_eq!(parsed_summary(en, Lang::En), [code], "{en}");
    }
}

#[test]
fn english_sports_sentences_are_discarded_as_french_ones() {
    // "entraîneur" discards the French sentence; "head coach" the English one.
    let got = parsed_summary(
        "Kenya State head coach Rod Reed told reporters the injury happened shortly before halftime.",
        Lang::En,
    );
    assert!(got.is_empty(), "{got:?}");
    let got = parsed_summary(
        "Rod Reed, l'entraîneur en chef de l'équipe du Kenya, a déclaré aux journalistes que la blessure était grave.",
        Lang::Fr,
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn reporting_figures_is_no_statement_in_either_language() {
    // CAMEO.2.0 gives REPORT no code; "signaler" and "rapporter" follow.
    for (text, lang) in [
        ("China reports a 14% rise in new cases.", Lang::En),
        (
            "La Chine signale une hausse de 14 % de nouveaux cas.",
            Lang::Fr,
        ),
    ] {
        assert!(parsed_summary(text, lang).is_empty(), "{text}");
    }
}

#[test]
fn a_participle_clause_after_a_comma_holds_no_target() {
    // "affirmant que le Soudan ment" says what the minister says; Sudan is not what the
    // attacks are against.
    for (text, lang) in [
        (
            "Le ministre tchadien a poursuivi ses attaques contre le projet de loi, affirmant que le Soudan ment.",
            Lang::Fr,
        ),
        (
            "The Chadian minister kept up his attacks on the bill, saying that Sudan was lying.",
            Lang::En,
        ),
    ] {
        let got = parsed_summary(text, lang);
        assert!(
            got.iter()
                .all(|e| !(e.starts_with("19") && e.ends_with("SDN"))),
            "{text}: {got:?}"
        );
    }
    // A target before the comma is kept: "ses attaques contre le Soudan, affirmant …".
    let got = parsed_summary(
        "Le ministre tchadien a lancé des attaques contre le Soudan, affirmant que la frontière est menacée.",
        Lang::Fr,
    );
    assert!(
        got.iter()
            .any(|e| e.starts_with("19") && e.ends_with("SDN")),
        "{got:?}"
    );
}

#[test]
fn a_fronted_subordinate_clause_leaves_the_main_speaker_his_statement() {
    // The parser's root on "venait" (the "alors qu'" clause) and "affirme" read as an
    // adjective of "agriculteur": the main clause is the farmer's statement.
    let got = parsed_summary(
        "En 2012, alors qu’un éleveur de l’Oregon venait d’être dévoré par ses cochons, un agriculteur du Manitoba affirme à la radio qu’il ne s’agit en principe pas d’un animal agressif.",
        Lang::Fr,
    );
    assert!(got.contains(&"010 CANAGR→-".to_string()), "{got:?}");
    // French agents beyond government: farmers, traffickers.
    let got = parsed_summary(
        "Le trafiquant colombien a affirmé que la frontière est fermée.",
        Lang::Fr,
    );
    assert!(got.contains(&"010 COLCRM→-".to_string()), "{got:?}");
}

#[test]
fn declaring_an_act_is_no_statement() {
    // "déclaré l'indépendance", "declared independence": an act declared, not words said.
    for (text, lang) in [
        (
            "Les dirigeants tchadiens ont déclaré l’indépendance de la région.",
            Lang::Fr,
        ),
        (
            "The Chadian leaders declared independence for the region.",
            Lang::En,
        ),
        ("Le Tchad a déclaré la guerre au Niger.", Lang::Fr),
        ("Chad declared war on Niger.", Lang::En),
    ] {
        let got = parsed_summary(text, lang);
        assert!(got.iter().all(|e| !e.starts_with("010")), "{text}: {got:?}");
    }
    // What one declares to be so is still said.
    let got = parsed_summary(
        "Le président tchadien a déclaré que la guerre est finie.",
        Lang::Fr,
    );
    assert!(got.contains(&"010 TCDGOV→-".to_string()), "{got:?}");
}

#[test]
fn a_news_outlet_named_after_a_country_is_not_its_source() {
    for (text, lang) in [
        (
            "Selon l’ABC News australien, le bataillon a traversé le canal.",
            Lang::Fr,
        ),
        (
            "According to Australia's ABC News, the battalion crossed the canal.",
            Lang::En,
        ),
        (
            "Selon la London Gazette, le bataillon a traversé le canal.",
            Lang::Fr,
        ),
    ] {
        let got = parsed_summary(text, lang);
        assert!(got.iter().all(|e| !e.starts_with("010")), "{text}: {got:?}");
    }
    let got = parsed_summary(
        "Selon le ministre australien, le bataillon a traversé le canal.",
        Lang::Fr,
    );
    assert!(got.contains(&"010 AUSGOV→-".to_string()), "{got:?}");
}

#[test]
fn a_french_participle_spelled_as_a_role_is_no_role() {
    // "représentant Saipov": representing him, not a government representative.
    let got = parsed_summary(
        "David Patton, l’un des défenseurs publics fédéraux représentant Saipov, a déclaré être déçu de la décision.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.contains("GOV")), "{got:?}");
    // The noun keeps its role.
    let got = parsed_summary(
        "Le représentant tchadien a déclaré que la frontière est fermée.",
        Lang::Fr,
    );
    assert!(got.contains(&"010 TCDGOV→-".to_string()), "{got:?}");
}

#[test]
fn the_head_of_a_club_or_company_is_no_government() {
    for (text, lang) in [
        (
            "Le président de la Cromwell Society, John Goldsmith, affirme que la statue sera retirée.",
            Lang::Fr,
        ),
        (
            "Le président du club affirme que la saison sera longue.",
            Lang::Fr,
        ),
        (
            "Bellator company president Scott Coker said the season would be long.",
            Lang::En,
        ),
        (
            "The president of the club said the season would be long.",
            Lang::En,
        ),
    ] {
        let got = parsed_summary(text, lang);
        assert!(got.iter().all(|e| !e.contains("GOV")), "{text}: {got:?}");
    }
    // A body the dictionaries know keeps its head.
    let got = parsed_summary(
        "Le président de la Commission européenne affirme que la saison sera longue.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 IGOEUR")), "{got:?}");
}

#[test]
fn an_indefinite_role_before_a_verb_or_preposition_is_the_subject() {
    // "a military convoy" is a convoy; "an official said", "an official from Kenya" are
    // officials.
    let got = parsed_summary("An official said the border was closed.", Lang::En);
    assert_eq!(got, ["010 GOV→-"]);
    let got = parsed_summary(
        "An official from Kenya said the border was closed.",
        Lang::En,
    );
    assert_eq!(got, ["010 KENGOV→-"]);
    let got = parsed_summary("A military convoy was attacked near Gao.", Lang::En);
    assert!(got.iter().all(|e| !e.contains("MIL")), "{got:?}");
}

#[test]
fn trade_blows_are_sanctions_or_nothing_not_violence() {
    // Tariffs "struck" or "slapped" on a country's goods: a trade sanction.
    for (text, lang) in [
        (
            "Le Tchad a frappé des droits de douane sur les marchandises nigériennes.",
            Lang::Fr,
        ),
        ("Chad slapped tariffs on Nigerien goods.", Lang::En),
    ] {
        let got = parsed_summary(text, lang);
        assert!(got.contains(&"163 TCD→NER".to_string()), "{text}: {got:?}");
        assert!(
            got.iter()
                .all(|e| !e.starts_with("18") && !e.starts_with("19"))
        );
    }
    // Measures that hit exporters, a state that hurt workers and farmers: no violence.
    for (text, lang) in [
        (
            "Les mesures tarifaires du Tchad visaient à frapper les exportateurs nigériens.",
            Lang::Fr,
        ),
        ("Chad had hurt Nigerien workers and farmers.", Lang::En),
    ] {
        let got = parsed_summary(text, lang);
        assert!(
            got.iter()
                .all(|e| !e.starts_with("13") && !e.starts_with("18") && !e.starts_with("19")),
            "{text}: {got:?}"
        );
    }
    // Rebels attacking farmers still attack.
    let got = parsed_summary("Chadian rebels attacked Nigerien farmers.", Lang::En);
    assert!(got.contains(&"190 TCDREB→NERAGR".to_string()), "{got:?}");
}

#[test]
fn an_act_a_decision_names_is_not_done() {
    // "la décision du gouvernement allemand de l'accueillir": no visit hosted, even with the
    // infinitive hung on the clause's verb.
    let got = parsed_summary(
        "Des centaines de manifestants, majoritairement kurdes, ont fait entendre leur voix, condamnant à la fois les politiques d’Erdogan et la décision du gouvernement allemand de l’accueillir dans son pays.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("04")), "{got:?}");
    assert!(got.contains(&"111 CVL→DEUGOV".to_string()), "{got:?}");
    // The same with the infinitive under its noun: Chad's plan to attack is no attack.
    let got = parsed_summary(
        "Les manifestants dénoncent le projet du Tchad d’attaquer le Niger.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("19")), "{got:?}");
}

#[test]
fn what_is_said_once_a_condition_is_met_is_not_yet_said() {
    // "Once the government says …, we can …": a condition still to be met.
    let got = parsed_summary(
        "Once the government says this is a national disaster, we can open for international assistance.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("010")), "{got:?}");
    // "Once" with a past verb is a time: what follows happened.
    let got = parsed_summary(
        "Once the minister arrived in Kenya, he said the talks had failed.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("010")), "{got:?}");
}

#[test]
fn a_verb_pattern_in_the_passive_does_not_make_its_patient_the_actor() {
    // "Kenya was urged to withdraw": someone urged Kenya; Kenya appealed to no one.
    let got = parsed_summary(
        "Kenya was urged to withdraw its troops from Somalia.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("020 KEN")), "{got:?}");
    let got = parsed_summary("Kenya urged Uganda to withdraw its troops.", Lang::En);
    assert!(got.contains(&"020 KEN→UGA".to_string()), "{got:?}");
}

#[test]
fn a_participle_adjunct_speaks_for_the_verbs_subject() {
    // The object of "a quitté" is not the speaker of "en affirmant".
    let got = parsed_summary(
        "En juillet, il a quitté Nairobi en affirmant que des progrès avaient été accomplis.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("010 KEN")), "{got:?}");
    let got = parsed_summary(
        "Le Kenya a condamné l’attaque en affirmant que l’Ouganda avait tort.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KEN")), "{got:?}");
}

#[test]
fn officers_of_committees_and_employers_are_no_government() {
    for text in [
        "L’ancien président du Comité national olympique, Jean Moulinier, a déclaré que c’était un désordre.",
        "Le vice-président du marketing chez Bellator, Dave Schwartz, a déclaré que le contenu n’était pas adapté.",
    ] {
        let got = parsed_summary(text, Lang::Fr);
        assert!(got.iter().all(|e| !e.contains("GOV")), "{text}: {got:?}");
    }
    // A minister's portfolio is no committee.
    let got = parsed_summary(
        "Le ministre de la Culture a déclaré que c’était un succès.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.contains("GOV")), "{got:?}");
}

#[test]
fn what_an_outlet_quotes_or_reports_is_no_statement_of_its_country() {
    let got = parsed_summary(
        "\"The road was flooded,\" the farmer said, as quoted by the Nairobi Evening News.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("010 KEN")), "{got:?}");
    // A government still speaks through its own words.
    let got = parsed_summary(
        "\"The road was flooded,\" the Kenyan minister said.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KEN")), "{got:?}");
}

#[test]
fn an_appeal_to_the_public_is_an_appeal() {
    // "people", "la population": no actor, still an appeal by the police.
    let got = parsed_summary("Police have urged people to come forward.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("020 COP")), "{got:?}");
    let got = parsed_summary("La police exhorte la population à témoigner.", Lang::Fr);
    assert!(got.iter().any(|e| e.starts_with("020 COP")), "{got:?}");
}

#[test]
fn resorting_to_something_is_no_appeal() {
    let got = parsed_summary(
        "Le Kenya peut faire appel à son armée si nécessaire.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.starts_with("020")), "{got:?}");
    let got = parsed_summary("Le Kenya lance un appel à l’Ouganda.", Lang::Fr);
    assert!(got.iter().any(|e| e.starts_with("020 KEN")), "{got:?}");
    // An outlet called "Examiner" is the press too.
    let got = parsed_summary(
        "\"We are ready,\" he said, according to the Nairobi Examiner.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.contains("KEN")), "{got:?}");
}

#[test]
fn what_is_prevented_does_not_happen_but_the_means_do() {
    let got = parsed_summary(
        "Kenya sent troops to prevent Ugandan rebels attacking the town.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("19")), "{got:?}");
    let got = parsed_summary(
        "Kenya prevented a crisis by attacking the Ugandan rebels.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("190 KEN")), "{got:?}");
}

#[test]
fn a_capitalised_verb_after_a_preposition_starts_a_name() {
    let got = parsed_summary(
        "The Kenyan frigate was delayed again, according to Die Zeit newspaper.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("19")), "{got:?}");
}

#[test]
fn an_officer_of_an_unknown_body_is_no_government() {
    let got = parsed_summary(
        "Jeanne Martin, la responsable du Mitumba Owl Trust, a encouragé le public à aider.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.contains("GOV")), "{got:?}");
    let got = parsed_summary(
        "Le ministre des Affaires étrangères a encouragé le public à aider.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.contains("GOV")), "{got:?}");
}

#[test]
fn what_would_follow_a_condition_is_hypothetical_in_french_too() {
    // The tagger may read "regretterait" as a present: the lemma says it is a conditional.
    let got = parsed_summary(
        "Le Kenya le regretterait à jamais s’il venait à perdre son statut.",
        Lang::Fr,
    );
    assert!(got.is_empty(), "{got:?}");
    let got = parsed_summary("Le Kenya regrette la décision de l’Ouganda.", Lang::Fr);
    assert!(got.iter().any(|e| e.starts_with("110 KEN")), "{got:?}");
    // A British cabinet secretary speaks for a government.
    let got = parsed_summary(
        "Taxes will rise, the business secretary has said.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.starts_with("010 GOV")), "{got:?}");
}

#[test]
fn a_press_secretary_speaks_for_a_government() {
    let got = parsed_summary(
        "« Les conférences auront lieu », a affirmé l’attachée de presse kényane.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KENGOV")), "{got:?}");
}

#[test]
fn testifying_is_a_statement_in_both_languages() {
    let got = parsed_summary("The Kenyan minister testified before parliament.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("010 KENGOV")), "{got:?}");
    let got = parsed_summary(
        "Le ministre kényan a témoigné devant le parlement.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("010 KENGOV")), "{got:?}");
}

#[test]
fn taxing_exports_is_an_administrative_sanction_in_french_too() {
    let got = parsed_summary(
        "Les États-Unis taxent les exportations chinoises.",
        Lang::Fr,
    );
    assert!(got.iter().any(|e| e.starts_with("172 USA→CHN")), "{got:?}");
}

#[test]
fn adding_words_is_a_statement_adding_troops_is_not() {
    let got = parsed_summary("Talks will resume, the Kenyan minister added.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("010 KENGOV")), "{got:?}");
    let got = parsed_summary("Kenya added 500 troops to the mission.", Lang::En);
    assert!(got.iter().all(|e| !e.starts_with("010")), "{got:?}");
    // "Il a ajouté": the pronoun is the minister of the sentence before.
    let (doc, events) =
        fr("Le ministre kényan a salué l’accord. Il a ajouté que les pourparlers reprendraient.");
    assert!(
        events
            .iter()
            .any(|e| e.cameo == "010" && evidence(&doc, e).contains(&"ajouté")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_party_adjective_between_role_and_name_keeps_the_name() {
    let (doc, events) = fr(
        "Le député conservateur Peter Bone a affirmé que le Kenya avait tort. M. Bone a indiqué qu’il voulait partir.",
    );
    let e = events
        .iter()
        .find(|e| e.cameo == "010")
        .expect("a statement");
    assert!(
        evidence(&doc, e).contains(&"indiqué"),
        "{:?}",
        evidence(&doc, e)
    );
}

#[test]
fn abbreviated_titles_name_legislators_and_governors() {
    let (doc, events) = en("Sen. John Kamau met voters in Nairobi. \"We will win,\" said Kamau.");
    assert!(
        events.iter().any(|e| e.cameo == "010"
            && e.source.roles.iter().any(|r| r == "LEG")
            && evidence(&doc, e).contains(&"Kamau")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_legislator_in_apposition_binds_the_name_without_a_country() {
    let (doc, events) = fr(
        "Jeff Flake, le sénateur de l’Arizona, a voté. Flake a indiqué que son bureau avait publié une déclaration.",
    );
    assert!(
        events.iter().any(|e| e.cameo == "010"
            && e.source.roles.iter().any(|r| r == "LEG")
            && evidence(&doc, e).contains(&"Flake")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn an_indirect_question_says_nothing_happened() {
    let got = parsed_summary(
        "Journalists asked the Kenyan officials whether the Kenyan police could investigate the allegations.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.starts_with("09")), "{got:?}");
    let got = parsed_summary("The Kenyan police investigated the allegations.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("09")), "{got:?}");
}

#[test]
fn an_investigation_only_foreseen_or_wanted_is_not_done() {
    for text in [
        "The Kenyan police would look into the allegations next week.",
        "The senators want the Kenyan police to investigate the allegations.",
    ] {
        let got = parsed_summary(text, Lang::En);
        assert!(got.iter().all(|e| !e.starts_with("09")), "{text}: {got:?}");
    }
    let got = parsed_summary("The Kenyan police investigated the allegations.", Lang::En);
    assert!(got.iter().any(|e| e.starts_with("09")), "{got:?}");
}

#[test]
fn the_taggers_demonyms_are_the_country_tables() {
    // veille-nlp keeps its own copy (it cannot depend on this crate): the two must agree.
    let table: std::collections::BTreeSet<&str> = include_str!("../data/countries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(5))
        .flat_map(|c| c.split('|'))
        .filter(|f| f.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let tagger: std::collections::BTreeSet<&str> = veille_nlp::tagger::french_demonyms().collect();
    assert!(table.len() > 500, "{}", table.len());
    assert_eq!(
        table, tagger,
        "rebuild crates/veille-nlp/data/demonyms.fr.txt"
    );
}

#[test]
fn a_continents_people_are_not_the_united_states() {
    let got = parsed_summary(
        "North American and Central American officials postponed a conference on security.",
        Lang::En,
    );
    assert!(got.iter().all(|e| !e.contains("USA")), "{got:?}");
    let (_, ev) = en("Latin American leaders met in Lima on Monday.");
    assert!(
        summary(&ev).iter().all(|e| !e.contains("USA")),
        "{:?}",
        summary(&ev)
    );
    let got = parsed_summary(
        "American officials postponed a conference with Mexico.",
        Lang::En,
    );
    assert!(got.iter().any(|e| e.contains("USA")), "{got:?}");
}

#[test]
fn arguing_a_claim_is_a_statement_arguing_with_someone_is_not() {
    let (_, ev) = en("Kenyan opponents argue the change would undermine the constitution.");
    assert_eq!(summary(&ev), ["010 KENOPP→-"]);
    let (_, ev) = en("Kenyan officials argued with Ugandan officials over the border.");
    assert!(
        !ev.iter().any(|e| e.rule.starts_with("en.say.argue")),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_title_case_headline_verb_is_no_name() {
    let (_, ev) = en("Kenya Will Close Its Border, Kenyan Minister Says");
    assert!(
        summary(&ev).contains(&"010 KENGOV→-".to_string()),
        "{:?}",
        summary(&ev)
    );
}

#[test]
fn a_lowercase_french_demonym_read_as_a_noun_is_a_national() {
    let got = parsed_summary(
        "Le tribunal a rendu sa décision très vite, ce qui montre que le dossier était simple, \
         explique Ana Rojas, un chilien expert en droit maritime.",
        Lang::Fr,
    );
    assert_eq!(got, ["010 CHL→-"]);
    // Another lowercase one-word match is a common word ("un mur d'eau" is no EAU).
    let got = parsed_summary(
        "Un mur d'eau a frappé la côte, a déclaré le ministre.",
        Lang::Fr,
    );
    assert!(got.iter().all(|e| !e.contains("ARE")), "{got:?}");
}

#[test]
fn a_governing_politicians_own_rally_is_no_protest() {
    let (_, ev) = en("The Kenyan president's Nakuru rally drew thousands on Saturday.");
    assert!(!ev.iter().any(|e| e.root == "14"), "{:?}", summary(&ev));
    let (_, ev) = en("Kenyan opposition supporters rallied in Nairobi on Saturday.");
    assert!(ev.iter().any(|e| e.root == "14"), "{:?}", summary(&ev));
}

#[test]
fn faire_remarquer_is_a_statement() {
    let (doc, ev) = fr("Le ministre kényan a fait remarquer que la frontière restait ouverte.");
    assert_eq!(summary(&ev), ["010 KENGOV→-"]);
    assert_eq!(
        evidence(&doc, &ev[0]),
        ["Le ministre kényan", "fait", "remarquer"]
    );
}
