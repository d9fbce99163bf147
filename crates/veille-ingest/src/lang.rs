//! Which language an article is in, and whether veille can code it.
//!
//! Three signals, in order of trust:
//! 1. whatlang's trigram detector over the start of the text. On a paragraph or more it is
//!    right about French and English, and it is the only signal that can say "this is German".
//! 2. The language the document declares (`<html lang>`, …), when the text is too short for
//!    the detector to be sure. Authors get this wrong sometimes (templates say `en` everywhere),
//!    so it never overrides a confident detection.
//! 3. A count of French and English function words, for short texts with no declaration.
//!
//! Coding a German or Spanish text with the French models would give confident nonsense, so
//! every fallback is built to say "undetermined" rather than "French" when in doubt.

use veille_core::Lang;

/// How many characters of the text the detector reads: enough for a stable answer, and keeps
/// the cost flat on long articles.
const SAMPLE_CHARS: usize = 2000;

/// Detector confidence (0–1) from which a French or English answer is taken as is.
const MIN_CONFIDENCE: f64 = 0.5;

/// The outcome of language identification, with enough detail to explain it to a user.
#[derive(Debug, Clone, PartialEq)]
pub struct LangGuess {
    /// The language veille will code the article in; `None` when unsupported or undetermined.
    pub lang: Option<Lang>,
    /// What the detector saw, as an ISO 639-3 code (`fra`, `eng`, `deu`, …), even when it was
    /// not sure or the language is not supported. `None` when there was nothing to detect
    /// (no letters).
    pub detected: Option<&'static str>,
    /// The detector's confidence in `detected`, 0–1.
    pub confidence: f64,
    /// Which signal decided `lang`.
    pub method: LangMethod,
}

/// Which signal decided a [`LangGuess`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LangMethod {
    /// The trigram detector, confidently.
    Detector,
    /// The document's declared language (the text was too short to be sure).
    Declared,
    /// French vs English function-word counts (short text, nothing declared).
    Stopwords,
    /// Nothing decided: `lang` is `None`.
    Undetermined,
}

impl LangGuess {
    /// The ISO 639-3 code of a language that was confidently detected but is not supported
    /// (`deu`), for messages such as "unsupported language deu".
    pub fn unsupported(&self) -> Option<&'static str> {
        match (self.lang, self.detected) {
            (None, Some(code)) if self.method == LangMethod::Detector => Some(code),
            _ => None,
        }
    }
}

/// Identifies the language of `text` from the text alone. See [`identify_language_with`].
pub fn identify_language(text: &str) -> LangGuess {
    identify_language_with(text, None)
}

/// Identifies the language of `text`, using `declared` (a language tag from the document's
/// metadata such as `fr-FR`) only when the text is too short for the detector to be sure.
///
/// This is what [`crate::read_source`] uses to set `Article::lang`; calling it again on an
/// article's `text` and `declared_lang` gives the same answer, with the reason.
pub fn identify_language_with(text: &str, declared: Option<&str>) -> LangGuess {
    let sample = match text.char_indices().nth(SAMPLE_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let info = whatlang::detect(sample);
    let detected = info.as_ref().map(|i| i.lang().code());
    let confidence = info.as_ref().map_or(0.0, whatlang::Info::confidence);
    let guess = |lang, method| LangGuess {
        lang,
        detected,
        confidence,
        method,
    };

    if let Some(info) = &info {
        match supported(info.lang()) {
            Some(lang) if info.confidence() >= MIN_CONFIDENCE => {
                return guess(Some(lang), LangMethod::Detector);
            }
            None if info.is_reliable() => return guess(None, LangMethod::Detector),
            _ => {}
        }
    }

    // The detector is unsure. A third language it leans towards is a reason for caution: a
    // fallback must then agree with the function words before it is believed.
    let leans_elsewhere = info
        .as_ref()
        .is_some_and(|i| supported(i.lang()).is_none() && i.confidence() >= MIN_CONFIDENCE);
    let votes = stopword_vote(sample);
    if let Some(lang) = declared.and_then(Lang::from_code)
        && (!leans_elsewhere || votes == Some(lang))
    {
        return guess(Some(lang), LangMethod::Declared);
    }
    if let Some(lang) = votes {
        return guess(Some(lang), LangMethod::Stopwords);
    }
    guess(None, LangMethod::Undetermined)
}

fn supported(lang: whatlang::Lang) -> Option<Lang> {
    match lang {
        whatlang::Lang::Fra => Some(Lang::Fr),
        whatlang::Lang::Eng => Some(Lang::En),
        _ => None,
    }
}

/// Function words that are frequent in French and rare as words of Spanish, Italian,
/// Portuguese or German (so `la`, `de`, `en`, `que`, `il`, `se`, `un` are left out).
const FRENCH: &[&str] = &[
    "le", "les", "des", "du", "et", "est", "une", "dans", "pour", "qui", "pas", "au", "aux", "sur",
    "avec", "cette", "ces", "elle", "ont", "été", "sont", "nous", "vous", "leur", "mais", "selon",
    "après", "lors", "être", "ne", "qu", "ils", "ou", "où", "aussi", "très",
];

/// Function words that are frequent in English and rare as words of the other languages
/// (`in`, `on`, `die`, `a` are left out; `on` is a French pronoun).
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "was", "were", "that", "with", "for", "by", "from", "said",
    "has", "have", "it", "this", "which", "after", "who", "are", "will", "would", "its", "their",
    "been", "not", "he", "she", "they", "but", "at",
];

/// French or English when function words of one language are both frequent in the text and
/// clearly more frequent than those of the other; `None` otherwise.
fn stopword_vote(text: &str) -> Option<Lang> {
    let (mut words, mut fr, mut en) = (0usize, 0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let w = w.to_lowercase();
        fr += usize::from(FRENCH.contains(&w.as_str()));
        en += usize::from(ENGLISH.contains(&w.as_str()));
    }
    // Real prose has 30–50% function words; 15% with three hits is conservative and still
    // decides a one-sentence dispatch.
    let decides =
        |hits: usize, other: usize| hits >= 3 && hits * 100 >= words * 15 && hits >= 3 * other;
    if decides(fr, en) {
        Some(Lang::Fr)
    } else if decides(en, fr) {
        Some(Lang::En)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: &str = "Le ministre des Affaires étrangères a reçu mardi son homologue sénégalais \
        à Paris pour discuter de la coopération sécuritaire au Sahel. Les deux pays ont signé \
        un accord sur la formation des forces de police, selon un communiqué publié dans la soirée.";
    const EN: &str = "The foreign minister met his Senegalese counterpart in Paris on Tuesday to \
        discuss security cooperation in the Sahel. The two countries signed an agreement on \
        police training, according to a statement released in the evening.";
    const DE: &str = "Der Außenminister empfing am Dienstag seinen senegalesischen Amtskollegen \
        in Paris, um über die Sicherheitszusammenarbeit in der Sahelzone zu sprechen. Die beiden \
        Länder unterzeichneten ein Abkommen über die Ausbildung der Polizei.";
    const ES: &str = "El ministro de Asuntos Exteriores recibió el martes a su homólogo senegalés \
        en París para hablar de la cooperación en materia de seguridad en el Sahel. Los dos \
        países firmaron un acuerdo sobre la formación de la policía.";
    const IT: &str = "Il ministro degli Esteri ha ricevuto martedì il suo omologo senegalese a \
        Parigi per discutere della cooperazione in materia di sicurezza nel Sahel. I due paesi \
        hanno firmato un accordo sulla formazione della polizia.";

    #[test]
    fn french_and_english_paragraphs() {
        let g = identify_language(FR);
        assert_eq!((g.lang, g.method), (Some(Lang::Fr), LangMethod::Detector));
        assert_eq!(g.detected, Some("fra"));
        let g = identify_language(EN);
        assert_eq!((g.lang, g.method), (Some(Lang::En), LangMethod::Detector));
    }

    #[test]
    fn other_languages_are_unsupported_never_french() {
        for (text, code) in [(DE, "deu"), (ES, "spa"), (IT, "ita")] {
            let g = identify_language(text);
            assert_eq!(g.lang, None, "{code}: {g:?}");
            assert_eq!(g.unsupported(), Some(code), "{g:?}");
            // Even a page that claims to be French stays unsupported.
            let g = identify_language_with(text, Some("fr"));
            assert_eq!(g.lang, None, "{code} declared fr: {g:?}");
        }
    }

    #[test]
    fn short_texts_use_the_declaration_or_function_words() {
        let g = identify_language_with("Grève à la SNCF.", Some("fr-FR"));
        assert_eq!(g.lang, Some(Lang::Fr), "{g:?}");
        let g = identify_language("Le président et les ministres sont à Dakar pour le sommet.");
        assert_eq!(g.lang, Some(Lang::Fr), "{g:?}");
        let g = identify_language("The talks are over and the deal is off.");
        assert_eq!(g.lang, Some(Lang::En), "{g:?}");
    }

    #[test]
    fn short_foreign_texts_are_not_french() {
        for text in [
            "Der Präsident ist in Berlin.",
            "El presidente está en Madrid con los ministros.",
            "Il presidente è a Roma con i ministri.",
            "O presidente está em Lisboa com os ministros.",
            "Els ministres són a Barcelona.",
        ] {
            let g = identify_language(text);
            assert_ne!(g.lang, Some(Lang::Fr), "{text}: {g:?}");
            assert_ne!(g.lang, Some(Lang::En), "{text}: {g:?}");
        }
    }

    #[test]
    fn nothing_to_detect() {
        let g = identify_language("12345 — 678");
        assert_eq!(g.lang, None);
        assert_eq!(g.method, LangMethod::Undetermined);
        assert_eq!(g.unsupported(), None);
    }
}
