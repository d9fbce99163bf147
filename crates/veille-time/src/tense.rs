//! Which way an underspecified date points, from the verbs around it.
//!
//! "a terminé vendredi" is the last Friday, "doit reprendre vendredi" the coming one, "le 30
//! septembre" in a sentence in the passé composé is the September before the article date. The
//! rules are deliberately small and general: auxiliaries followed by a past participle, future
//! endings, modal verbs of intention, English "will" and "-ed" forms. The cue nearest to the
//! expression, inside its sentence, wins.

use crate::lex::{self, flag};
use crate::scan::{Kind, Scan};
use veille_core::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// How far (in tokens) to look for a verb before and after the expression.
const BACK: usize = 10;
const FWD: usize = 6;

pub(crate) fn tense_around(s: &Scan, lang: Lang, start: usize, end: usize) -> Tense {
    let mut best: Option<(usize, Tense)> = None;
    // Backwards, nearest first.
    let mut i = start;
    let mut dist = 0;
    while i > 0 && dist < BACK {
        i -= 1;
        dist += 1;
        if s.is_boundary(i) {
            break;
        }
        if let Some(t) = cue(s, lang, i) {
            best = Some((dist, t));
            break;
        }
    }
    // Forwards; a cue after the expression wins only if strictly nearer.
    let mut j = end;
    let mut dist = 0;
    while j < s.len() && dist < FWD {
        if s.is_boundary(j) {
            break;
        }
        dist += 1;
        if let Some(t) = cue(s, lang, j) {
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, t));
            }
            break;
        }
        j += 1;
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

fn cue(s: &Scan, lang: Lang, i: usize) -> Option<Tense> {
    if s.kind(i) != Some(Kind::Word) {
        return None;
    }
    match lang {
        Lang::Fr => cue_fr(s, i),
        Lang::En => cue_en(s, i),
    }
}

fn lower(s: &Scan, i: usize) -> String {
    s.raw(i).to_lowercase()
}

/// French past participle by its ending (on the accented form: "terminé", "parti", "venu").
fn fr_participle(raw: &str) -> bool {
    [
        "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ert", "int",
    ]
    .iter()
    .any(|e| raw.ends_with(e))
        && raw.chars().count() >= 3
}

pub(crate) const FR_FUTURE_WORDS: &[&str] = &[
    "va",
    "vont",
    "vais",
    "allons",
    "allez",
    "doit",
    "doivent",
    "devra",
    "devront",
    "devrait",
    "devraient",
    "prevu",
    "prevue",
    "prevus",
    "prevues",
    "prevoit",
    "prevoient",
    "sera",
    "seront",
    "aura",
    "auront",
    "fera",
    "feront",
    "ira",
    "iront",
    "pourra",
    "pourront",
    "compte",
    "entend",
    "envisage",
    "programme",
    "programmee",
];

/// Participles that schedule rather than report ("sont fixées au 1er octobre", "a été reporté
/// à mardi"): with them the date is ahead.
pub(crate) const FR_SCHEDULING: &[&str] = &[
    "fixe",
    "fixee",
    "fixes",
    "fixees",
    "programme",
    "programmee",
    "programmes",
    "programmees",
    "attendu",
    "attendue",
    "attendus",
    "attendues",
    "planifie",
    "planifiee",
    "convoque",
    "convoquee",
    "convoques",
    "reporte",
    "reportee",
    "reportes",
    "reportees",
    "repousse",
    "repoussee",
    "agende",
    "agendee",
    "envisage",
    "envisagee",
    "maintenu",
    "maintenue",
];

pub(crate) const FR_AUX_FOLDED: &[&str] = &[
    "a", "ont", "ai", "as", "avons", "avez", "avait", "avaient", "eut", "est", "sont", "suis",
    "es", "sommes", "etes", "etait", "etaient", "fut", "furent",
];

/// Endings of the French simple future (3rd person and 1st), on the folded form.
fn fr_future_form(w: &str) -> bool {
    const NOT: &[&str] = &[
        "extra", "ultra", "contra", "supra", "opera", "cobra", "sierra", "zebra", "camera", "aura",
        "entre", "contre", "notre", "votre", "autre", "encore",
    ];
    w.len() >= 5
        && (w.ends_with("ra") || w.ends_with("ront") || w.ends_with("rai") || w.ends_with("rons"))
        && !NOT.contains(&w)
}

fn cue_fr(s: &Scan, i: usize) -> Option<Tense> {
    let w = s.norm(i);
    if lex::flags(w, Lang::Fr) & flag::FUTURE != 0 {
        return Some(Tense::Future);
    }
    // Auxiliaries, compared on the folded form first (cheap), then on the original where the
    // accent matters ("a" the verb, "à" the preposition).
    let accented_a = w == "a" && !matches!(s.raw(i), "a" | "A");
    if lex::flags(w, Lang::Fr) & flag::AUX != 0 && !accented_a {
        // Auxiliary + (adverbs) + past participle: passé composé / plus-que-parfait.
        let mut k = i + 1;
        for _ in 0..3 {
            let nw = s.norm(k);
            if lex::flags(nw, Lang::Fr) & (flag::FUTURE | flag::SCHEDULING) != 0 {
                return Some(Tense::Future);
            }
            if s.kind(k) == Some(Kind::Word) && fr_participle(&lower(s, k)) && !s.is_capitalized(k)
            {
                return Some(Tense::Past);
            }
            if matches!(
                nw,
                "egalement"
                    | "deja"
                    | "pas"
                    | "ne"
                    | "n"
                    | "'"
                    | "bien"
                    | "aussi"
                    | "encore"
                    | "enfin"
                    | "finalement"
                    | "notamment"
                    | "alors"
                    | "en"
                    | "y"
                    | "ensuite"
            ) {
                k += 1;
                continue;
            }
            break;
        }
        // "était", "avait" alone are past (imperfect) even without a participle.
        if matches!(
            w,
            "etait" | "etaient" | "avait" | "avaient" | "fut" | "furent" | "eut"
        ) {
            return Some(Tense::Past);
        }
        return None;
    }
    if s.is_capitalized(i) {
        return None;
    }
    if fr_future_form(w) {
        return Some(Tense::Future);
    }
    // Imperfect and simple past endings.
    if w.len() >= 5 && (w.ends_with("ait") || w.ends_with("aient") || w.ends_with("erent")) {
        return Some(Tense::Past);
    }
    None
}

pub(crate) const EN_FUTURE: &[&str] = &[
    "will",
    "shall",
    "ll",
    "going",
    "plans",
    "plan",
    "planned",
    "scheduled",
    "expected",
    "due",
    "upcoming",
    "would",
    "intends",
    "aims",
    "set",
];

pub(crate) const EN_PAST_IRREGULAR: &[&str] = &[
    "was", "were", "had", "did", "said", "met", "went", "came", "saw", "told", "took", "gave",
    "left", "held", "made", "began", "spoke", "won", "lost", "fell", "rose", "fought", "sought",
    "brought", "thought", "found", "became", "ran", "sent", "spent", "built", "led", "meant",
    "kept", "got", "ago", "struck", "shot", "flew", "drove", "wrote", "broke", "chose", "hit",
    "arrived",
];

pub(crate) const EN_ED_NOT_PAST: &[&str] = &[
    "need",
    "feed",
    "seed",
    "speed",
    "indeed",
    "red",
    "bed",
    "proceed",
    "exceed",
    "succeed",
    "hundred",
    "expected",
    "scheduled",
    "planned",
    "based",
    "related",
    "united",
    "armed",
    "red",
];

fn cue_en(s: &Scan, i: usize) -> Option<Tense> {
    let w = s.norm(i);
    if lex::flags(w, Lang::En) & flag::FUTURE != 0 {
        return Some(Tense::Future);
    }
    if lex::flags(w, Lang::En) & flag::PAST != 0 {
        return Some(Tense::Past);
    }
    if s.is_capitalized(i) && i > 0 && !s.is_boundary(i - 1) {
        return None;
    }
    if w.len() >= 4 && w.ends_with("ed") && lex::flags(w, Lang::En) & flag::ED_NOT_PAST == 0 {
        return Some(Tense::Past);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(text: &str, lang: Lang, target: &str) -> Tense {
        let s = Scan::new(text);
        let i = (0..s.len()).find(|&i| s.norm(i) == target).unwrap();
        tense_around(&s, lang, i, i + 1)
    }

    #[test]
    fn french_cues() {
        assert_eq!(
            tense_of(
                "Le ministre a terminé vendredi sa tournée.",
                Lang::Fr,
                "vendredi"
            ),
            Tense::Past
        );
        assert_eq!(
            tense_of(
                "Les pourparlers doivent reprendre lundi à Genève.",
                Lang::Fr,
                "lundi"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of("Le sommet se tiendra mardi à Dakar.", Lang::Fr, "mardi"),
            Tense::Future
        );
        assert_eq!(
            tense_of("Le vote est prévu jeudi.", Lang::Fr, "jeudi"),
            Tense::Future
        );
        assert_eq!(
            tense_of("Il est arrivé mercredi à Alger.", Lang::Fr, "mercredi"),
            Tense::Past
        );
        assert_eq!(
            tense_of("Mercredi, la foule à Niamey.", Lang::Fr, "mercredi"),
            Tense::Unknown
        );
    }

    #[test]
    fn english_cues() {
        assert_eq!(
            tense_of("The envoy met rebel leaders on Friday.", Lang::En, "friday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("Talks will resume on Monday in Jeddah.", Lang::En, "monday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("Troops withdrew on Tuesday.", Lang::En, "tuesday"),
            Tense::Unknown
        );
    }
}
