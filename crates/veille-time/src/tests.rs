//! Tests on sentences written for this crate, in the style of French and English wire news.

use super::*;
use proptest::prelude::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// (text, type, value) of every expression, after checking the span invariants.
fn run(text: &str, lang: Lang, anchor: Option<&str>) -> Vec<(String, &'static str, String)> {
    let times = find_times(text, lang, anchor.map(d));
    check_invariants(text, &times);
    times
        .into_iter()
        .map(|t| (t.span.text(text).to_string(), t.kind.as_str(), t.value))
        .collect()
}

/// Spans inside the text, on char boundaries, non-empty, sorted and disjoint.
fn check_invariants(text: &str, times: &[Timex]) {
    let mut last_end = 0;
    for t in times {
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        assert!(s < e && e <= text.len(), "{t:?} outside {text:?}");
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{t:?} not on char boundaries"
        );
        assert!(s >= last_end, "{t:?} overlaps the previous expression");
        assert!(!t.value.is_empty());
        last_end = e;
    }
}

#[track_caller]
fn has(text: &str, lang: Lang, anchor: Option<&str>, want: (&str, &str, &str)) {
    let got = run(text, lang, anchor);
    assert!(
        got.iter()
            .any(|(t, k, v)| t == want.0 && *k == want.1 && v == want.2),
        "{text:?}: wanted {want:?}, got {got:?}"
    );
}

#[track_caller]
fn none(text: &str, lang: Lang) {
    let got = run(text, lang, Some("2020-06-15"));
    assert!(got.is_empty(), "{text:?}: wanted nothing, got {got:?}");
}

const FR: Lang = Lang::Fr;
const EN: Lang = Lang::En;

// ------------------------------------------------------------------ French

#[test]
fn fr_weekdays_follow_the_tense() {
    // 2023-03-17 is a Friday.
    let a = Some("2023-03-17");
    has(
        "Le ministre nigérien a achevé jeudi une visite à Paris.",
        FR,
        a,
        ("jeudi", "DATE", "2023-03-16"),
    );
    has(
        "Le président a quitté Bamako vendredi.",
        FR,
        a,
        ("vendredi", "DATE", "2023-03-17"),
    );
    has(
        "Le scrutin doit se tenir dimanche dans tout le pays.",
        FR,
        a,
        ("dimanche", "DATE", "2023-03-19"),
    );
    has(
        "Les négociations reprendront lundi à Genève.",
        FR,
        a,
        ("lundi", "DATE", "2023-03-20"),
    );
    // "ce lundi" written on a Friday about the future is the coming Monday...
    has(
        "Les pourparlers doivent reprendre ce lundi à Doha.",
        FR,
        a,
        ("ce lundi", "DATE", "2023-03-20"),
    );
    // ...and about the past, the Monday of the same week.
    has(
        "Le Premier ministre a démissionné ce lundi.",
        FR,
        a,
        ("ce lundi", "DATE", "2023-03-13"),
    );
    has(
        "Il a rencontré mardi dernier les syndicats.",
        FR,
        a,
        ("mardi dernier", "DATE", "2023-03-14"),
    );
    has(
        "La réunion aura lieu mardi prochain.",
        FR,
        a,
        ("mardi prochain", "DATE", "2023-03-21"),
    );
    has(
        "Le vote aura lieu mercredi de la semaine prochaine.",
        FR,
        a,
        ("mercredi de la semaine prochaine", "DATE", "2023-03-22"),
    );
}

#[test]
fn fr_calendar_dates() {
    let a = Some("2023-03-17");
    has(
        "Le sommet s'est tenu le 12 mars 2019 à Niamey.",
        FR,
        a,
        ("12 mars 2019", "DATE", "2019-03-12"),
    );
    has(
        "Jeudi 16 mars, le Niger a signé un accord.",
        FR,
        a,
        ("Jeudi 16 mars", "DATE", "2023-03-16"),
    );
    has(
        "Les élections sont fixées au 1er octobre.",
        FR,
        a,
        ("1er octobre", "DATE", "2023-10-01"),
    );
    has(
        "Le décret du 28 février a été publié.",
        FR,
        a,
        ("28 février", "DATE", "2023-02-28"),
    );
    has(
        "Le texte, daté du 03/02/2021, a fuité.",
        FR,
        a,
        ("03/02/2021", "DATE", "2021-02-03"),
    );
    has(
        "Publié le 2023-03-15 à Dakar.",
        FR,
        a,
        ("2023-03-15", "DATE", "2023-03-15"),
    );
    has(
        "L'armistice du onze novembre 1918.",
        FR,
        a,
        ("onze novembre 1918", "DATE", "1918-11-11"),
    );
    // Without an anchor the year stays unknown.
    has(
        "Le cessez-le-feu expire le 30 avril.",
        FR,
        None,
        ("30 avril", "DATE", "XXXX-04-30"),
    );
}

#[test]
fn fr_relative_dates() {
    let a = Some("2020-06-15"); // a Monday
    has(
        "Hier, des tirs ont été entendus à Tripoli.",
        FR,
        a,
        ("Hier", "DATE", "2020-06-14"),
    );
    has(
        "Le rapport sera rendu demain.",
        FR,
        a,
        ("demain", "DATE", "2020-06-16"),
    );
    has(
        "Les manifestants sont revenus aujourd'hui.",
        FR,
        a,
        ("aujourd'hui", "DATE", "2020-06-15"),
    );
    has(
        "Il avait été arrêté avant-hier.",
        FR,
        a,
        ("avant-hier", "DATE", "2020-06-13"),
    );
    has(
        "Le groupe avait été dissous il y a deux ans.",
        FR,
        a,
        ("il y a deux ans", "DATE", "2018-06-15"),
    );
    has(
        "Le verdict est attendu dans trois semaines.",
        FR,
        a,
        ("dans trois semaines", "DATE", "2020-07-06"),
    );
    has(
        "Les combats ont repris la semaine dernière.",
        FR,
        a,
        ("semaine dernière", "DATE", "2020-W24"),
    );
    has(
        "Le ministre se rendra à Alger la semaine prochaine.",
        FR,
        a,
        ("semaine prochaine", "DATE", "2020-W26"),
    );
    has(
        "Les pourparlers se poursuivront dans la semaine.",
        FR,
        a,
        ("dans la semaine", "DATE", "2020-W25"),
    );
    has(
        "L'inflation a reculé le mois dernier.",
        FR,
        a,
        ("mois dernier", "DATE", "2020-05"),
    );
    has(
        "Le budget a été voté l'an dernier.",
        FR,
        a,
        ("an dernier", "DATE", "2019"),
    );
    has(
        "Les élections auront lieu cette année.",
        FR,
        a,
        ("cette année", "DATE", "2020"),
    );
    has(
        "Les troupes partiront ce week-end.",
        FR,
        a,
        ("ce week-end", "DATE", "2020-W25-WE"),
    );
    // Story time, not article time.
    has(
        "Ce jour-là, la capitale était calme.",
        FR,
        a,
        ("Ce jour-là", "DATE", "XXXX-XX-XX"),
    );
    // No anchor: said, not guessed.
    let t = find_times("Hier, la foule s'est dispersée.", FR, None);
    assert_eq!(t[0].value, "XXXX-XX-XX");
    assert!(!t[0].anchored);
}

#[test]
fn fr_periods() {
    let a = Some("2020-09-10");
    has(
        "Le référendum est prévu en octobre.",
        FR,
        a,
        ("octobre", "DATE", "2020-10"),
    );
    has(
        "La croissance a ralenti en mars.",
        FR,
        a,
        ("mars", "DATE", "2020-03"),
    );
    has(
        "Le retrait sera achevé début 2021.",
        FR,
        a,
        ("début 2021", "DATE", "2021"),
    );
    has(
        "Les travaux ont commencé fin août.",
        FR,
        a,
        ("fin août", "DATE", "2020-08"),
    );
    has(
        "Le chantier reprendra mi-octobre.",
        FR,
        a,
        ("mi-octobre", "DATE", "2020-10"),
    );
    has("La loi date de 1905.", FR, a, ("1905", "DATE", "1905"));
    has(
        "En 2019, le pays a connu trois coups d'État.",
        FR,
        a,
        ("2019", "DATE", "2019"),
    );
    has(
        "Le PIB a progressé au troisième trimestre 2019.",
        FR,
        a,
        ("troisième trimestre 2019", "DATE", "2019-Q3"),
    );
    has(
        "Le conflit remonte aux années 90.",
        FR,
        a,
        ("années 90", "DATE", "199"),
    );
    has(
        "Une tradition du XIXe siècle.",
        FR,
        a,
        ("XIXe siècle", "DATE", "18"),
    );
    has(
        "La mission durera jusqu'à l'été 2021.",
        FR,
        a,
        ("été 2021", "DATE", "2021-SU"),
    );
    has(
        "Les audiences se tiendront du 4 au 22 octobre.",
        FR,
        a,
        ("du 4 au 22 octobre", "DATE", "(2020-10-04,2020-10-22,P18D)"),
    );
    has(
        "Le mandat court de 2014 à 2018.",
        FR,
        a,
        ("de 2014 à 2018", "DATE", "(2014-01-01,2018-01-01,P4Y)"),
    );
    let t = find_times("Le retrait sera achevé début 2021.", FR, None);
    assert_eq!(t[0].modifier, Some(TimexMod::Start));
}

#[test]
fn fr_durations_and_numbers_in_words() {
    let a = Some("2020-06-15");
    has(
        "Une tournée de trois jours en Afrique de l'Ouest.",
        FR,
        a,
        ("trois jours", "DURATION", "P3D"),
    );
    has(
        "Un accord d'une durée de cinq ans.",
        FR,
        a,
        ("cinq ans", "DURATION", "P5Y"),
    );
    has(
        "Un plan quinquennal de relance.",
        FR,
        a,
        ("quinquennal", "DURATION", "P5Y"),
    );
    has(
        "Un partenariat décennal a été conclu.",
        FR,
        a,
        ("décennal", "DURATION", "P10Y"),
    );
    has(
        "Une trêve de vingt-deux jours.",
        FR,
        a,
        ("vingt-deux jours", "DURATION", "P22D"),
    );
    has(
        "Un ultimatum de quatre-vingt-dix jours.",
        FR,
        a,
        ("quatre-vingt-dix jours", "DURATION", "P90D"),
    );
    has(
        "Les discussions ont duré deux heures et demie.",
        FR,
        a,
        ("deux heures et demie", "DURATION", "PT2.5H"),
    );
    has(
        "Il est resté en détention plus de six mois.",
        FR,
        a,
        ("plus de six mois", "DURATION", "P6M"),
    );
    has(
        "Une peine d'un an et deux mois.",
        FR,
        a,
        ("un an et deux mois", "DURATION", "P1Y2M"),
    );
    has(
        "Le cessez-le-feu tient depuis quinze jours.",
        FR,
        a,
        ("quinze jours", "DURATION", "P2W"),
    );
}

#[test]
fn fr_sets_and_times() {
    let a = Some("2020-06-15");
    has(
        "Chaque année, le pays accueille un exercice militaire.",
        FR,
        a,
        ("Chaque année", "SET", "P1Y"),
    );
    has(
        "Les manifestants se réunissent tous les mardis.",
        FR,
        a,
        ("tous les mardis", "SET", "XXXX-WXX-2"),
    );
    has(
        "Un bulletin est publié toutes les deux semaines.",
        FR,
        a,
        ("toutes les deux semaines", "SET", "P2W"),
    );
    has(
        "Le rapport annuel de l'ONG.",
        FR,
        a,
        ("annuel", "SET", "P1Y"),
    );
    has(
        "Le couvre-feu commence à 21 heures.",
        FR,
        a,
        ("21 heures", "TIME", "T21"),
    );
    has(
        "Le vote a été clos à 18h30.",
        FR,
        a,
        ("18h30", "TIME", "T18:30"),
    );
    has(
        "L'attaque a eu lieu hier soir.",
        FR,
        a,
        ("hier soir", "TIME", "2020-06-14TEV"),
    );
    has(
        "Le conseil se réunira mardi à 10h.",
        FR,
        a,
        ("mardi à 10h", "TIME", "2020-06-16T10"),
    );
}

#[test]
fn fr_no_false_positives() {
    none("Le quotidien Le Monde a révélé l'affaire.", FR);
    none("Le ministre a été élu par le parlement.", FR);
    none("Ce dernier a également rencontré le premier ministre.", FR);
    none("Plus de 2000 soldats ont été déployés.", FR);
    // A delay is a duration, not a clock time ("a" is the verb here, not "à").
    has(
        "Il a 3 heures de retard.",
        FR,
        None,
        ("3 heures", "DURATION", "PT3H"),
    );
    none("Les deux pays partagent la même volonté.", FR);
    // Scores, measures and fractions found in news copy.
    none("Le PSG s'est imposé 5-3 face à Lyon.", FR);
    none("Des pluies de 5 à 7,5 cm par heure sont attendues.", FR);
    none("L'équipe a franchi la barre des 14,5 points.", FR);
    none("La valeur nominale de ses 6 1/4 % est inchangée.", FR);
    none("La mer était agitée près de la côte.", FR);
}

// ------------------------------------------------------------------ English

#[test]
fn en_dates() {
    let a = Some("2024-05-10"); // a Friday
    has(
        "The envoy met rebel leaders on Friday.",
        EN,
        a,
        ("Friday", "DATE", "2024-05-10"),
    );
    has(
        "Police arrested dozens of protesters on Wednesday.",
        EN,
        a,
        ("Wednesday", "DATE", "2024-05-08"),
    );
    has(
        "Talks will resume on Monday in Jeddah.",
        EN,
        a,
        ("Monday", "DATE", "2024-05-13"),
    );
    has(
        "Talks will resume next Tuesday.",
        EN,
        a,
        ("next Tuesday", "DATE", "2024-05-14"),
    );
    has(
        "The ceasefire was signed on March 3, 2022.",
        EN,
        a,
        ("March 3, 2022", "DATE", "2022-03-03"),
    );
    has(
        "The vote is set for 14 June.",
        EN,
        a,
        ("14 June", "DATE", "2024-06-14"),
    );
    has(
        "Rebels attacked a convoy last week.",
        EN,
        a,
        ("last week", "DATE", "2024-W18"),
    );
    has(
        "The group was banned two years ago.",
        EN,
        a,
        ("two years ago", "DATE", "2022-05-10"),
    );
    has(
        "A verdict is expected in three weeks.",
        EN,
        a,
        ("in three weeks", "DATE", "2024-05-31"),
    );
    has(
        "Talks are due to resume next month.",
        EN,
        a,
        ("next month", "DATE", "2024-06"),
    );
    has(
        "Troops will withdraw in early 2025.",
        EN,
        a,
        ("early 2025", "DATE", "2025"),
    );
    has(
        "The protests began yesterday.",
        EN,
        a,
        ("yesterday", "DATE", "2024-05-09"),
    );
    has(
        "Unrest peaked in the 1990s.",
        EN,
        a,
        ("the 1990s", "DATE", "199"),
    );
}

#[test]
fn en_durations_sets_times() {
    let a = Some("2024-05-10");
    has(
        "The siege lasted three days.",
        EN,
        a,
        ("three days", "DURATION", "P3D"),
    );
    has(
        "A truce of twenty-one days.",
        EN,
        a,
        ("twenty-one days", "DURATION", "P21D"),
    );
    has(
        "They talked for an hour and a half.",
        EN,
        a,
        ("an hour and a half", "DURATION", "PT1.5H"),
    );
    has(
        "Inspectors visit every Monday.",
        EN,
        a,
        ("every Monday", "SET", "XXXX-WXX-1"),
    );
    has("The council meets weekly.", EN, a, ("weekly", "SET", "P1W"));
    has("The curfew starts at 9 pm.", EN, a, ("9 pm", "TIME", "T21"));
    has(
        "Shots were heard last night.",
        EN,
        a,
        ("last night", "TIME", "2024-05-09TNI"),
    );
}

#[test]
fn en_no_false_positives() {
    none("She may attend the summit.", EN);
    none("Protesters march on the capital.", EN);
    // A recurrence word in a title is no recurrence.
    none(
        "Officials wrote to the China Daily and the Weekly Standard.",
        EN,
    );
    none("The fall of the regime surprised observers.", EN);
    none("The second round was cancelled.", EN);
    none("He is interested in a second meeting.", EN);
    none("A magnitude 7.5 earthquake struck the coast.", EN);
    none("The pitcher threw 220 2/3 innings.", EN);
    none(
        "The network has as many as 3.5 million viewers on major news nights.",
        EN,
    );
    has(
        "The body was found at 7.55am.",
        EN,
        None,
        ("7.55am", "TIME", "T07:55"),
    );
}

// ------------------------------------------------------------------ article date

#[test]
fn article_date_from_text() {
    let t = "Publié le 17 mars 2023 à 10h12\nLe Niger a signé jeudi un accord avec la France.";
    let (date, span) = infer_article_date(t, FR).unwrap();
    assert_eq!(date, d("2023-03-17"));
    assert_eq!(span.text(t), "17 mars 2023 à 10h12");

    // Weekday, day and month agree with one of the years the text mentions.
    let t = "Jeudi 16 mars, le Niger a signé un accord valable jusqu'en 2027. En 2023, la coopération reprend.";
    let (date, span) = infer_article_date(t, FR).unwrap();
    assert_eq!(date, d("2023-03-16"));
    assert_eq!(span.text(t), "Jeudi 16 mars");

    // Nothing to go on: no date, never today.
    assert!(infer_article_date("Le ministre a achevé jeudi une visite à Paris.", FR).is_none());
    // Two different full dates and no publication cue: ambiguous.
    assert!(
        infer_article_date(
            "Entre le 2 mai 2021 et le 4 juin 2022, rien n'a changé.",
            FR
        )
        .is_none()
    );
}

#[test]
fn serializes_like_the_output_contract() {
    let t = find_times("Hier, à Dakar.", FR, Some(d("2020-06-15")));
    let j = serde_json::to_value(&t[0]).unwrap();
    assert_eq!(j["type"], "DATE");
    assert_eq!(j["value"], "2020-06-14");
    assert_eq!(j["span"]["start"], 0);
    assert_eq!(j["span"]["end"], 4);
}

// ------------------------------------------------------------------ robustness

const VOCAB: &[&str] = &[
    "le",
    "la",
    "du",
    "au",
    "de",
    "l'",
    "d'",
    "en",
    "dans",
    "il y a",
    "entre",
    "et",
    "à",
    "a",
    "-",
    "/",
    ".",
    ",",
    ":",
    "'",
    "h",
    "1er",
    "2",
    "15",
    "31",
    "99",
    "2020",
    "12/08",
    "3,5",
    "lundi",
    "vendredi",
    "mars",
    "octobre",
    "Oct.",
    "semaine",
    "prochaine",
    "dernier",
    "ce",
    "cette",
    "chaque",
    "tous les",
    "jours",
    "ans",
    "heures",
    "demi",
    "trimestre",
    "Q3",
    "H1",
    "années",
    "siècle",
    "XXe",
    "vingt",
    "quatre",
    "mille",
    "premier",
    "troisième",
    "the",
    "next",
    "last",
    "every",
    "Friday",
    "May",
    "week",
    "ago",
    "from",
    "to",
    "between",
    "and",
    "half",
    "pm",
    "am",
    "o'clock",
    "été",
    "début",
    "fin",
    "mi",
    "today",
    "hier",
    "demain",
    "aujourd'hui",
    "é",
    "\u{301}",
    "’",
    "–",
    "\n",
];

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}", fr in any::<bool>(), anchored in any::<bool>()) {
        let lang = if fr { FR } else { EN };
        let anchor = anchored.then(|| d("2020-02-29"));
        let times = find_times(&text, lang, anchor);
        check_invariants(&text, &times);
        let _ = infer_article_date(&text, lang);
    }

    #[test]
    fn time_like_word_salad_never_panics(
        words in prop::collection::vec(prop::sample::select(VOCAB), 0..30),
        fr in any::<bool>(),
        year in 1i32..=9999,
    ) {
        let text = words.join(" ");
        let lang = if fr { FR } else { EN };
        let anchor = Date::new(year, 12, 31).ok();
        let times = find_times(&text, lang, anchor);
        check_invariants(&text, &times);
        let _ = infer_article_date(&text, lang);
    }
}
