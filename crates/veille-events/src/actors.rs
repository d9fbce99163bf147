//! Actor mentions in a sentence: countries, capitals, demonyms, role phrases, people, pronouns.
//!
//! A left-to-right scan over the sentence's [`Unit`]s. At each word it tries, in order:
//! 1. a pronoun (`il`, `elle`, `ce dernier`, `he`, `the latter`), resolved later by the coder;
//! 2. a **role phrase**: `[det] [country|demonym ['s]] [mods] ROLE` then, in any order,
//!    a demonym (`sénégalais`), a country complement (`du Mali`, `of Mali`), modifiers (`délégué`),
//!    portfolios (`des Affaires étrangères`, `à la Défense`, `chargé de l'Administration`), a
//!    place (`à Dakar`), and finally a name in apposition (`, Kofi Mensah` or directly
//!    `le président Jean Dupont`), which binds that person to the role for the whole article;
//! 3. a country name, capital or demonym (`la Tunisie`, `Washington`, `les Sénégalais`);
//! 4. a person: a name bound earlier in the article (full or last name), or an unknown name
//!    (two to four capitalised words that no dictionary knows).
//!
//! Each mention records the preposition governing it: a country or capital after a locative
//! preposition (`à`, `en`, `dans`, `in`, `at`, `to`) is a **place**, not an actor; a capital with
//! no preposition is a metonym for its government (`Pékin a protesté` → CHN GOV); after
//! `de`/`of` a capital names nothing (`la banlieue de Dakar`). Coordinated mentions (`X et Y`,
//! `X, Y and Z`) are linked, and a plural demonym after a coordination of role nouns applies to
//! all of them (`le chef d'état-major et le ministre de la Défense sénégalais`).

use crate::dict::{Dictionaries, Langs, LexEntry, LexKind};
use crate::text::Unit;
use std::collections::HashMap;
use veille_core::Span;

/// Quantity nouns and adverbs before "de"/"of" that leave the people counted as the
/// phrase's head (folded forms): "des milliers de manifestants", "suffisamment de membres du
/// parlement", "most of the senators".
#[rustfmt::skip]
const QUANTITIES: &[&str] = &[
    "milliers", "centaines", "dizaines", "millions", "milliards", "douzaines", "suffisamment",
    "beaucoup", "assez", "trop", "peu", "plupart", "majorite", "nombre", "thousands",
    "hundreds", "dozens", "scores", "tens", "most", "many", "some", "several", "majority",
    "few",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MKind {
    Country,
    Capital {
        metonym: bool,
    },
    /// A demonym standing for the people (`les Sénégalais`, `Senegalese`).
    People,
    /// A lone demonym adjective on a noun that is no role (`une entreprise sénégalaise`).
    Adjective,
    Role,
    Person,
    Pronoun {
        latter: bool,
        /// "he", "she": a person, never a country ("Bolivia will win, he said").
        personal: bool,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// Unit range `[start, end)` in the sentence.
    pub start: usize,
    pub end: usize,
    pub span: Span,
    pub kind: MKind,
    /// Index into the country list.
    pub country: Option<u16>,
    pub roles: Vec<String>,
    /// A counterpart (`homologue`): takes the role of the other party.
    pub same: bool,
    /// The country came from a plural demonym (`sénégalais`).
    pub plural_demonym: bool,
    /// The preposition governing the mention (lowercase word form: `à`, `de`, `with`), and where.
    pub prep: Option<String>,
    pub prep_at: Option<usize>,
    /// A location, not an actor.
    pub place: bool,
    /// Neither actor nor place (`la banlieue de Dakar`).
    pub inert: bool,
    /// The mention this one is coordinated after (`X et Y`: Y points to X).
    pub coord_prev: Option<usize>,
    /// For people: the key the registry knows them by.
    pub person_key: Option<String>,
    /// A capital absorbed into a role phrase (`notre correspondant à Dakar`): where the actor
    /// is, not whose it is — a place for the sentence, never the mention's own country.
    pub located: Option<(u16, Span)>,
}

impl Mention {
    fn new(start: usize, end: usize, units: &[Unit], kind: MKind) -> Mention {
        let span = match (units.get(start), units.get(end.saturating_sub(1))) {
            (Some(a), Some(b)) => a.span.cover(b.span),
            _ => Span::default(),
        };
        Mention {
            start,
            end,
            span,
            kind,
            country: None,
            roles: Vec::new(),
            same: false,
            plural_demonym: false,
            prep: None,
            prep_at: None,
            place: false,
            inert: false,
            coord_prev: None,
            person_key: None,
            located: None,
        }
    }

    pub fn overlaps_units(&self, units: &[usize]) -> bool {
        units.iter().any(|&u| self.start <= u && u < self.end)
    }
}

/// What the article has said about a person: bound by apposition or by the next-sentence rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Binding {
    pub country: Option<u16>,
    pub roles: Vec<String>,
}

/// People named in the article so far, by full name and by last name.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    full: HashMap<String, Binding>,
    last: HashMap<String, Binding>,
}

impl Registry {
    pub fn bind(&mut self, key: &str, binding: Binding) {
        if let Some(last) = key.rsplit(' ').next()
            && last != key
        {
            self.last.insert(last.to_string(), binding.clone());
        }
        self.full.insert(key.to_string(), binding);
    }

    /// A one-word key may be both a name seen alone ("l'administration Trump") and the last
    /// name of a fuller mention ("le président américain Donald Trump"): the binding that knows
    /// a country wins, whichever came first.
    pub fn get(&self, key: &str) -> Option<&Binding> {
        let full = self.full.get(key);
        if key.contains(' ') {
            return full;
        }
        match (full, self.last.get(key)) {
            (Some(f), Some(l)) if f.country.is_none() && l.country.is_some() => Some(l),
            (f, l) => f.or(l),
        }
    }
}

fn key_of(units: &[Unit], start: usize, end: usize) -> String {
    units[start..end]
        .iter()
        .map(|u| u.key.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[rustfmt::skip]
const DET_FR: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur", "leurs", "notre",
    "nos", "votre", "vos", "ce", "cet", "cette", "ces",
];
#[rustfmt::skip]
const DET_EN: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
];
const ARTICLE_FR: &[&str] = &["le", "la", "les", "l'"];
/// Possessive determiners (folded forms).
#[rustfmt::skip]
const POSSESSIVES: &[&str] = &[
    "his", "her", "my", "our", "their", "your", "son", "sa", "ses", "leur", "leurs", "mon", "ma",
    "notre", "votre",
];
#[rustfmt::skip]
const PREP_FR: &[&str] = &[
    "à", "de", "d'", "en", "dans", "par", "pour", "avec", "contre", "entre", "vers", "sur", "sous",
    "chez", "depuis", "selon", "sans", "auprès", "devant", "derrière", "parmi", "malgré", "envers",
    "pendant", "durant", "avant", "après", "outre",
];
#[rustfmt::skip]
const PREP_EN: &[&str] = &[
    "in", "at", "to", "into", "inside", "across", "throughout", "from", "of", "by", "for", "with",
    "against", "between", "on", "near", "toward", "towards", "over", "under", "among", "before",
    "after", "behind", "during", "despite", "within", "without", "amid", "beyond",
];
#[rustfmt::skip]
pub(crate) const LOCATIVE: &[&str] = &[
    "à", "en", "dans", "in", "at", "to", "into", "inside", "across", "throughout", "near",
];
/// Prepositions after which a capital names no actor (`la banlieue de Dakar`).
const GENITIVE: &[&str] = &["de", "d'", "of", "from", "depuis"];

/// English verb forms, irregular or auxiliary, that may follow a subject: after "a/an" and
/// a role word they show the role is the subject, not a modifier of a noun.
#[rustfmt::skip]
const EN_VERB_FORMS: &[&str] = &[
    "said", "told", "say", "tell", "will", "would", "can", "could", "may", "might", "must",
    "should", "shall", "did", "does", "do", "had", "have", "was", "is", "were", "are", "made",
    "took", "gave", "met", "held", "spoke", "wrote", "came", "went", "saw", "left", "sent",
    "put", "set", "got", "brought", "thought", "began", "ran", "stood", "won", "lost", "who",
    "that", "and", "or", "but", "at", "in", "on", "with", "for", "to", "of", "from", "by",
];

/// Verbs a headline in title case capitalises ("…, Massachusetts Senator Says"): never part of
/// the name before them. ("Will" and "May" are names too.)
#[rustfmt::skip]
const HEADLINE_VERBS: &[&str] = &[
    "says", "said", "tells", "told", "warns", "urges", "vows", "calls", "claims", "denies",
    "announces", "accuses", "slams", "rejects", "backs", "wants", "plans", "seeks", "hopes",
    "meets", "visits", "signs", "threatens", "condemns", "praises", "admits", "insists",
];

/// Bodies whose head is no government: "le président du club", "the chairman of the company".
#[rustfmt::skip]
const ORG_NOUNS: &[&str] = &[
    "club", "clubs", "societe", "association", "fondation", "entreprise", "groupe", "compagnie",
    "federation", "ligue", "company", "firm", "society", "foundation", "league", "group",
    "corporation", "comite", "committee",
];

/// Nouns of media, firms and things that a demonym and a name may follow ("le magazine
/// allemand Der Spiegel", "German carmaker Volkswagen"), folded.
#[rustfmt::skip]
const THING_NOUNS: &[&str] = &[
    "magazine", "journal", "quotidien", "hebdomadaire", "mensuel", "chaine", "agence", "site",
    "radio", "television", "newspaper", "daily", "weekly", "tabloid", "outlet", "broadcaster",
    "network", "channel", "agency", "website", "constructeur", "firme", "marque", "geant",
    "brand", "giant", "maker", "carmaker", "manufacturer", "banque", "bank", "fonds", "fund",
    "laboratoire", "navire", "ship", "vessel", "film", "roman", "novel", "album", "parti",
    "party", "equipe", "team", "operateur", "operator", "assureur", "insurer", "editeur",
    "publisher", "studio", "label", "airline", "compagnie",
];

/// Words that never start or continue a person's name, even capitalised.
#[rustfmt::skip]
const NAME_STOP: &[&str] = &[
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "ce", "cet",
    "cette", "ces", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "mais", "et",
    "ou", "donc", "or", "ni", "car", "selon", "pour", "par", "dans", "en", "sur", "sous", "avec",
    "sans", "chez", "entre", "vers", "depuis", "apres", "avant", "comme", "lors", "quand", "si",
    "alors", "puis", "ainsi", "enfin", "chaque", "tout", "tous", "toute", "toutes", "son", "sa",
    "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes", "cependant",
    "pourtant", "toutefois", "hier", "demain", "aujourd'hui", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche", "janvier", "fevrier", "mars", "avril", "mai",
    "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "the", "a", "an",
    "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you", "his", "her",
    "its", "their", "our", "but", "and", "so", "in", "on", "at", "to", "for", "from", "with", "by",
    "of", "after", "before", "since", "while", "when", "where", "if", "as", "then", "also",
    "however", "meanwhile", "yesterday", "today", "tomorrow", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms",
    "dr", "m", "mme", "mlle", "accord", "agreement",
];
/// Words of region and organisation names, never of a person's: "Afrique du Nord",
/// "United Nations", "Banque mondiale".
#[rustfmt::skip]
const NOT_PERSON: &[&str] = &[
    "nord", "sud", "est", "ouest", "centre", "north", "south", "east", "west", "central",
    "afrique", "africa", "europe", "asie", "asia", "amerique", "america", "oceanie", "oceania",
    "moyen-orient", "proche-orient", "maghreb", "sahel", "golfe", "gulf", "nations", "unies",
    "union", "council", "conseil", "organisation", "organization", "commission", "bank", "banque",
    "fund", "fonds", "party", "parti", "front", "court", "cour", "assembly", "assemblee",
    "republic", "republique", "state", "states", "etat", "etats", "kingdom", "royaume", "ministry",
    "ministere", "agency", "agence", "office", "house", "department", "departement", "university",
    "universite", "group", "groupe", "movement", "mouvement", "alliance", "coalition", "league",
    "ligue", "brigade", "brigades", "forum",
];
/// Lowercase words inside names (`Ali el Mahdi`, `Ursula von der Leyen`).
#[rustfmt::skip]
pub const NAME_PARTICLES: &[&str] = &[
    "el", "al", "ben", "bin", "ibn", "ould", "de", "du", "van", "von", "der", "da", "di", "dos",
    "la",
];
/// Courtesy titles before a name; not part of it.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "m.", "mme", "mme.", "mlle", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr",
];

/// French party and office adjectives that come between a role and a name ("le député
/// conservateur Peter Bone"), folded as dictionary keys are.
#[rustfmt::skip]
const PARTY_ADJECTIVES_FR: &[&str] = &[
    "conservateur", "conservatrice", "conservateurs", "travailliste", "travaillistes",
    "republicain", "republicaine", "republicains", "democrate", "democrates", "socialiste",
    "socialistes", "liberal", "liberale", "liberaux", "centriste", "ecologiste", "communiste",
    "nationaliste", "populiste", "sortant", "sortante", "independant", "independante", "tory",
];

#[rustfmt::skip]
const PRONOUNS_FR: &[&str] = &[
    "il", "elle", "ils", "elles", "-t-il", "-t-elle", "-il", "-elle", "-ils", "-elles", "-t-ils",
    "-t-elles",
];
const PRONOUNS_EN: &[&str] = &["he", "she", "they"];
/// What follows an impersonal "il est …" ("il est peu probable que", "il est temps de").
const IMPERSONAL_ATTRIBUTES: &[&str] = &[
    "peu",
    "probable",
    "possible",
    "impossible",
    "important",
    "nécessaire",
    "temps",
    "question",
    "clair",
    "évident",
    "difficile",
    "vrai",
    "urgent",
    "essentiel",
    "inévitable",
    "inquiétant",
    "dommage",
    "normal",
    "logique",
    "indispensable",
    "trop",
    "encore",
    "hors",
    "facile",
];

/// Scans one sentence for actor mentions.
pub(crate) struct Scanner<'a> {
    pub units: &'a [Unit],
    pub dict: &'a Dictionaries,
    pub langs: Langs,
}

impl Scanner<'_> {
    fn unit(&self, i: usize) -> Option<&Unit> {
        self.units.get(i)
    }

    fn key_is(&self, i: usize, words: &[&str]) -> bool {
        self.unit(i)
            .is_some_and(|u| words.contains(&u.key.as_str()))
    }

    fn is_det(&self, i: usize) -> bool {
        let Some(u) = self.unit(i) else { return false };
        if u.first_word.is_some() {
            return false; // "des" = "de les" is a preposition here
        }
        (self.langs.fr && DET_FR.contains(&u.lower.as_str()))
            || (self.langs.en && DET_EN.contains(&u.lower.as_str()))
    }

    fn is_article(&self, i: usize) -> bool {
        let Some(u) = self.unit(i) else { return false };
        u.first_word.is_none()
            && ((self.langs.fr && ARTICLE_FR.contains(&u.lower.as_str()))
                || (self.langs.en && u.lower == "the"))
    }

    fn prep_word(&self, i: usize) -> Option<String> {
        let u = self.unit(i)?;
        let form = u.prep_form();
        let fr = self.langs.fr && PREP_FR.contains(&form);
        let en = self.langs.en && PREP_EN.contains(&form);
        (fr || en).then(|| form.to_string())
    }

    /// `de`, `du`, `des` (contraction), `d'`, `of`.
    fn is_de(&self, i: usize) -> bool {
        self.unit(i).is_some_and(|u| {
            matches!(u.prep_form(), "de" | "d'") || (self.langs.en && u.key == "of")
        })
    }

    /// `à`, `au`, `aux`.
    fn is_a(&self, i: usize) -> bool {
        self.unit(i).is_some_and(|u| u.prep_form() == "à")
    }

    fn skip_article(&self, i: usize) -> usize {
        if self.is_article(i) { i + 1 } else { i }
    }

    fn lookup(
        &self,
        i: usize,
        keep: impl Fn(&LexEntry) -> bool,
    ) -> Option<(usize, Vec<&LexEntry>)> {
        // "North American", "Latin Americans": a continent's people, not the United States'.
        if self.langs.en
            && i > 0
            && self.key_is(i - 1, &["north", "south", "central", "latin"])
            && self.unit(i).is_some_and(|u| u.key.starts_with("american"))
        {
            return None;
        }
        self.dict.lexicon.lookup(self.units, i, self.langs, keep)
    }

    fn role_at(&self, i: usize) -> Option<(usize, String, bool)> {
        let (len, es) = self.lookup(i, |e| matches!(e.kind, LexKind::Role { .. }))?;
        match &es.first()?.kind {
            // "his opposition to the EU", "son opposition à la réforme": someone's stance,
            // not the political opposition.
            LexKind::Role { agent, .. }
                if agent == "OPP"
                    && i > 0
                    && self
                        .unit(i - 1)
                        .is_some_and(|u| POSSESSIVES.contains(&u.key.as_str())) =>
            {
                None
            }
            // "les défenseurs publics représentant Saipov", "les forces dirigeant l'offensive":
            // a French present participle spelled as a role noun, right after a noun or an
            // adjective and taking an object (a name or a determiner), modifies that noun.
            LexKind::Role { .. } if self.langs.fr && self.participle_at(i, len) => None,
            LexKind::Role { agent, title } => Some((len, agent.clone(), *title)),
            _ => None,
        }
    }

    fn participle_at(&self, i: usize, len: usize) -> bool {
        const OBJECT_OPENERS: &[&str] = &[
            "le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur", "leurs", "ce",
            "cette", "ces",
        ];
        let (Some(prev), Some(word), Some(next)) = (
            i.checked_sub(1).and_then(|k| self.unit(k)),
            self.unit(i),
            self.unit(i + len),
        ) else {
            return false;
        };
        len == 1
            && (word.key.ends_with("ant") || word.key.ends_with("ants"))
            && !prev.cap
            && prev.key.chars().all(char::is_alphabetic)
            && prev.key.chars().count() > 3
            && !self.is_det(i - 1)
            && !self.dict.lexicon.any_at(self.units, i - 1, self.langs)
            && (next.cap && !next.upper || OBJECT_OPENERS.contains(&next.key.as_str()))
    }

    fn skip_mods(&self, mut i: usize) -> usize {
        while let Some((len, _)) = self.lookup(i, |e| e.kind == LexKind::Mod) {
            i += len;
        }
        i
    }

    fn demonym_at(&self, i: usize) -> Option<(usize, u16, bool)> {
        let (len, es) = self.lookup(i, |e| matches!(e.kind, LexKind::Demonym { .. }))?;
        let e = es.first()?;
        let plural = es
            .iter()
            .any(|e| matches!(e.kind, LexKind::Demonym { plural: true, .. }));
        Some((len, e.country?, plural))
    }

    fn country_name_at(&self, i: usize) -> Option<(usize, u16)> {
        let (len, es) = self.lookup(i, |e| e.kind == LexKind::CountryName)?;
        Some((len, es.first()?.country?))
    }

    /// The sentence is set in title case: most of its longer words are capitalised.
    fn title_case(&self) -> bool {
        let words = self
            .units
            .iter()
            .filter(|u| u.lower.chars().count() > 3 && u.lower.chars().all(char::is_alphabetic));
        let (mut n, mut caps) = (0usize, 0usize);
        for u in words {
            n += 1;
            caps += usize::from(u.cap);
        }
        n >= 3 && caps * 10 >= n * 7
    }

    fn is_name_word(&self, i: usize) -> bool {
        let Some(u) = self.unit(i) else { return false };
        (u.cap || u.particle_name)
            && u.key.chars().any(|c| c.is_alphabetic())
            && !u.upper
            && u.lower
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !NAME_STOP.contains(&u.key.as_str())
            && !NOT_PERSON.contains(&u.key.as_str())
            && !(self.langs.en && HEADLINE_VERBS.contains(&u.key.as_str()))
            && !self.dict.lexicon.any_at(self.units, i, self.langs)
    }

    /// A person's name at `p`: at least `min` capitalised unknown words, up to four words with
    /// lowercase particles inside. Returns the end.
    pub fn name_at(&self, p: usize, min: usize) -> Option<usize> {
        let mut q = p;
        let mut caps = 0;
        let mut end = p;
        while q < self.units.len() && q - p < 5 {
            if self.is_name_word(q) {
                caps += 1;
                q += 1;
                end = q;
            } else if caps > 0
                && self.key_is(q, NAME_PARTICLES)
                && !self.unit(q).is_some_and(|u| u.cap)
                && self.is_name_word(q + 1)
            {
                q += 1;
            } else {
                break;
            }
        }
        (caps >= min.max(1)).then_some(end)
    }

    /// The preposition before a mention starting at `start` (an article in between is skipped).
    fn prep_before(&self, start: usize) -> (Option<String>, Option<usize>) {
        let mut p = start;
        if p > 0 && self.is_article(p - 1) {
            p -= 1;
        }
        if p == 0 {
            return (None, None);
        }
        match self.prep_word(p - 1) {
            // "des milliers de manifestants", "thousands of protesters": the quantity is not
            // a head that takes the people as its complement; they are the subject.
            Some(w)
                if matches!(w.as_str(), "de" | "d'" | "of")
                    && p >= 2
                    && self
                        .unit(p - 2)
                        .is_some_and(|u| QUANTITIES.contains(&u.key.as_str())) =>
            {
                (None, None)
            }
            Some(w) => (Some(w), Some(p - 1)),
            None => (None, None),
        }
    }

    fn pronoun_at(&self, i: usize) -> Option<Mention> {
        let u = self.unit(i)?;
        let next = self.unit(i + 1).map(|u| u.key.as_str()).unwrap_or("");
        if self.langs.fr
            && matches!(u.key.as_str(), "ce" | "cette" | "ces")
            && next.starts_with("dernier")
        {
            return Some(Mention::new(
                i,
                i + 2,
                self.units,
                MKind::Pronoun {
                    latter: true,
                    personal: false,
                },
            ));
        }
        if self.langs.fr
            && matches!(u.key.as_str(), "ce" | "cette" | "ces")
            && next.starts_with("derniere")
        {
            return Some(Mention::new(
                i,
                i + 2,
                self.units,
                MKind::Pronoun {
                    latter: true,
                    personal: false,
                },
            ));
        }
        if self.langs.en && u.key == "the" && next == "latter" {
            return Some(Mention::new(
                i,
                i + 2,
                self.units,
                MKind::Pronoun {
                    latter: true,
                    personal: false,
                },
            ));
        }
        let fr = self.langs.fr && PRONOUNS_FR.contains(&u.key.as_str());
        let en = self.langs.en && PRONOUNS_EN.contains(&u.key.as_str());
        if !(fr || en) {
            return None;
        }
        // Impersonal "il": il y a, il faut, il s'agit, il semble…
        let next2 = self.unit(i + 2).map(|u| u.key.as_str()).unwrap_or("");
        if fr
            && (matches!(
                next,
                "y" | "faut" | "semble" | "convient" | "importe" | "reste" | "pleut"
            ) || (next == "s'" && next2 == "agit")
                || (matches!(next, "est" | "était" | "sera" | "serait" | "semblait")
                    && IMPERSONAL_ATTRIBUTES.contains(&next2)))
        {
            return None;
        }
        Some(Mention::new(
            i,
            i + 1,
            self.units,
            MKind::Pronoun {
                latter: false,
                // An inverted French subject clitic ("ajoute-t-il", "a-t-elle déclaré") ends a
                // reporting clause: someone speaking, not a country ("le Mali … Il a fermé"
                // is as often the country as a man).
                personal: (en && matches!(u.key.as_str(), "he" | "she"))
                    || (fr && u.key.starts_with('-')),
            },
        ))
    }

    /// A role phrase starting at `i` (`j` = after a determiner at `i`, or `i`).
    fn role_phrase(&self, i: usize, j: usize, registry: &mut Registry) -> Option<Mention> {
        let start = i;
        let mut k = j;
        let mut country: Option<u16> = None;
        let mut plural = false;
        let mut located = None;
        // English pre-modifiers: "the French president", "Mali's president", "US troops".
        if self.langs.en {
            let pre = self
                .lookup(k, |e| {
                    e.kind == LexKind::CountryName
                        || matches!(
                            e.kind,
                            LexKind::Demonym {
                                adjective: true,
                                ..
                            }
                        )
                })
                .and_then(|(len, es)| Some((len, es.first()?.country?)));
            if let Some((len, c)) = pre {
                let mut after = k + len;
                if self.key_is(after, &["'s"]) {
                    after += 1;
                }
                let r = self.skip_mods(after);
                if self.role_at(r).is_some() {
                    country = Some(c);
                    k = after;
                }
            }
            k = self.skip_mods(k);
        }
        let (mut rlen, mut agent, title) = self.role_at(k)?;
        // "Bellator company president Scott Coker": a company's president, no government's.
        if self.langs.en
            && agent == "GOV"
            && k > 0
            && self
                .unit(k - 1)
                .is_some_and(|u| ORG_NOUNS.contains(&u.key.as_str()))
        {
            return None;
        }
        // "le vice-président du marketing chez Bellator": whoever works "chez" a named
        // employer is its officer, no government's.
        if self.langs.fr
            && agent == "GOV"
            && (k + rlen..(k + rlen + 10).min(self.units.len()))
                .take_while(|&q| {
                    self.unit(q)
                        .is_some_and(|u| !matches!(u.key.as_str(), "," | ";" | ":" | "." | "«"))
                })
                .any(|q| {
                    self.key_is(q, &["chez"])
                        && self.unit(q + 1).is_some_and(|u| u.cap)
                        && self.country_name_at(q + 1).is_none()
                })
        {
            return None;
        }
        if self.langs.en && !title {
            // English noun compounds: the last role word is the head ("government officials").
            while let Some((len, a, false)) = self.role_at(k + rlen) {
                rlen += len;
                agent = a;
            }
            // "a military base", "an army convoy": a role word used as a modifier.
            let indefinite = k > 0 && self.key_is(k - 1, &["a", "an"]);
            // Not before a preposition or a verb: "an official from Kenya", "an official
            // said", "a spokesman told" name the role.
            let modifier = self.unit(k + rlen).is_some_and(|u| {
                let verb_or_prep = PREP_EN.contains(&u.key.as_str())
                    || EN_VERB_FORMS.contains(&u.key.as_str())
                    || u.key.ends_with("ed")
                    || u.key.ends_with('s') && !u.key.ends_with("ss");
                !u.cap
                    && u.key.chars().all(char::is_alphabetic)
                    && !verb_or_prep
                    && !self.dict.lexicon.any_at(self.units, k + rlen, self.langs)
            });
            if indefinite && modifier {
                return None;
            }
        }
        let mut m = Mention::new(start, k + rlen, self.units, MKind::Role);
        if agent == "SAME" {
            m.same = true;
        } else {
            m.roles.push(agent);
        }
        let mut k = k + rlen;
        if title {
            // A title counts only before a name: "le général Jean Dupont".
            let end = self.name_at(k, 1)?;
            let key = key_of(self.units, k, end);
            registry.bind(
                &key,
                Binding {
                    country,
                    roles: m.roles.clone(),
                },
            );
            m.end = end;
            m.country = country;
            m.person_key = Some(key);
            self.finish(&mut m);
            return Some(m);
        }
        loop {
            if k >= self.units.len() {
                break;
            }
            if country.is_none()
                && let Some((len, c, pl)) = self.demonym_at(k)
            {
                country = Some(c);
                plural = pl;
                k += len;
                continue;
            }
            if let Some((len, _)) = self.lookup(k, |e| e.kind == LexKind::Mod) {
                k += len;
                continue;
            }
            // "les autorités sanitaires chinoises": a French adjective the lexicon does not
            // know, between the role and its demonym.
            if self.langs.fr
                && country.is_none()
                && self.unit(k).is_some_and(|u| {
                    !u.cap
                        && u.key.chars().all(char::is_alphabetic)
                        && !self.dict.lexicon.any_at(self.units, k, self.langs)
                })
                && self.demonym_at(k + 1).is_some()
            {
                k += 1;
                continue;
            }
            // "an official from Kenya" as "an official of Kenya".
            if self.is_de(k) || self.langs.en && self.key_is(k, &["from"]) {
                let q = self.skip_article(k + 1);
                if country.is_none()
                    && let Some((len, c)) = self.country_name_at(q)
                {
                    country = Some(c);
                    k = q + len;
                    continue;
                }
                // "le président de la Cromwell Society", "the president of the club": the head
                // of a club, a company or a body no dictionary knows is no one's government.
                let unknown_name = self.name_at(q, 2).is_some()
                    && !self.dict.lexicon.any_at(self.units, q, self.langs);
                let org = self
                    .unit(q)
                    .is_some_and(|u| ORG_NOUNS.contains(&u.key.as_str()));
                if country.is_none() && m.roles.iter().any(|r| r == "GOV") && (unknown_name || org)
                {
                    return None;
                }
                if let Some(len) = self.portfolio_at(q) {
                    k = q + len;
                    continue;
                }
            }
            if self.is_a(k) {
                let q = self.skip_article(k + 1);
                if let Some(len) = self.portfolio_at(q) {
                    k = q + len;
                    continue;
                }
                // "notre correspondant à Dakar": where the person is, not whose they are.
                if let Some((len, es)) =
                    self.lookup(q, |e| matches!(e.kind, LexKind::Capital { .. }))
                {
                    if let (Some(c), Some(a), Some(b)) = (
                        es.first().and_then(|e| e.country),
                        self.unit(q),
                        self.unit(q + len - 1),
                    ) {
                        located = Some((c, a.span.cover(b.span)));
                    }
                    k = q + len;
                    continue;
                }
            }
            if self.key_is(k, &["et", "and"]) && (self.is_de(k + 1) || self.is_a(k + 1)) {
                let q = self.skip_article(k + 2);
                if let Some(len) = self.portfolio_at(q) {
                    k = q + len;
                    continue;
                }
            }
            break;
        }
        // "le député conservateur Peter Bone", "le sénateur républicain John Kennedy": party
        // adjectives between a French role and the name it introduces.
        if self.langs.fr && self.name_at(k, 1).is_none() {
            let mut j = k;
            while self
                .unit(j)
                .is_some_and(|u| PARTY_ADJECTIVES_FR.contains(&u.key.as_str()))
                || self.key_is(j, &["d'"]) && self.key_is(j + 1, &["arriere-ban"])
                || self.key_is(j, &["arriere-ban"])
            {
                j += 1;
            }
            if j > k && self.name_at(j, 2).is_some() {
                k = j;
            }
        }
        m.end = k;
        m.country = country;
        m.plural_demonym = plural;
        m.located = located;
        // Apposition: ", Kofi Mensah" or directly "le président Jean Dupont".
        let name = if self.key_is(k, &[","]) {
            // ", M. Dupont": after a courtesy title one name word is enough.
            if self.key_is(k + 1, TITLES) {
                self.name_at(k + 2, 1).map(|e| (k + 2, e))
            } else {
                self.name_at(k + 1, 2).map(|e| (k + 1, e))
            }
        } else {
            self.name_at(k, 1).map(|e| (k, e))
        };
        if let Some((ns, ne)) = name {
            let key = key_of(self.units, ns, ne);
            registry.bind(
                &key,
                Binding {
                    country,
                    roles: m.roles.clone(),
                },
            );
            m.person_key = Some(key);
            m.end = ne;
        }
        self.finish(&mut m);
        Some(m)
    }

    /// A ministry or field after de/à: a portfolio word, or one capitalised unknown word that is
    /// not the start of a person's name ("de l'Administration", "de la République").
    fn portfolio_at(&self, q: usize) -> Option<usize> {
        if let Some((len, _)) = self.lookup(q, |e| e.kind == LexKind::Portfolio) {
            return Some(len);
        }
        let u = self.unit(q)?;
        let lone_capitalised = u.cap
            && !u.upper
            && u.key.chars().all(|c| c.is_alphabetic() || c == '-')
            && !self.dict.lexicon.any_at(self.units, q, self.langs)
            && !NAME_STOP.contains(&u.key.as_str())
            && self.name_at(q, 2).is_none();
        lone_capitalised.then_some(1)
    }

    /// Fills span, preposition and place status once the extent is known.
    fn finish(&self, m: &mut Mention) {
        m.span = Mention::new(m.start, m.end, self.units, m.kind).span;
        let (prep, at) = self.prep_before(m.start);
        m.prep = prep;
        m.prep_at = at;
        self.classify_place(m);
    }

    fn classify_place(&self, m: &mut Mention) {
        let prep = m.prep.as_deref();
        let locative = prep.is_some_and(|p| LOCATIVE.contains(&p));
        match m.kind {
            MKind::Country => m.place = locative,
            MKind::Capital { metonym } => {
                m.place = locative;
                m.inert = !locative && (!metonym || prep.is_some_and(|p| GENITIVE.contains(&p)));
            }
            _ => {}
        }
    }

    /// A country, capital or demonym at `i` (after an optional article).
    fn geo_at(&self, i: usize) -> Option<Mention> {
        let keep = |e: &LexEntry| {
            matches!(
                e.kind,
                LexKind::CountryName | LexKind::Capital { .. } | LexKind::Demonym { .. }
            )
        };
        let (at, len, es) = match self.lookup(i, keep) {
            Some((len, es)) => (i, len, es),
            None if self.is_article(i) => {
                let (len, es) = self.lookup(i + 1, keep)?;
                (i + 1, len, es)
            }
            None => return None,
        };
        // "le golfe de Guinée", "la mer de Chine", "the Gulf of Mexico": a sea or a strait
        // named after a country, not the country.
        if at >= 2
            && self.key_is(at - 1, &["de", "du", "d'", "d’", "of"])
            && self.key_is(at - 2, SEA_WORDS)
        {
            return None;
        }
        let pick = |f: &dyn Fn(&LexKind) -> bool| es.iter().find(|e| f(&e.kind)).copied();
        let entry = pick(&|k| *k == LexKind::CountryName)
            .or_else(|| pick(&|k| matches!(k, LexKind::Demonym { .. })))
            .or_else(|| pick(&|k| matches!(k, LexKind::Capital { .. })))?;
        let kind = match &entry.kind {
            LexKind::CountryName => MKind::Country,
            LexKind::Capital { metonym } => MKind::Capital { metonym: *metonym },
            LexKind::Demonym { plural, adjective } => {
                let u = self.unit(at)?;
                let people = if entry.lang == Some(veille_core::Lang::En) {
                    !adjective
                } else {
                    u.cap || (*plural && at > 0 && self.is_det(at - 1))
                };
                if people {
                    MKind::People
                } else {
                    MKind::Adjective
                }
            }
            _ => return None,
        };
        // "Chad Hammel told reporters", "Israël Katz a affirmé": a one-word country name right
        // before an unknown capitalised word is a first name. Not in a headline set in title
        // case ("Russia Warns Ukraine"), where every word is capitalised. (The NER is no help
        // here: it reads such names as places, from the gazetteer.)
        if kind == MKind::Country
            && len == 1
            && at == i
            && self.unit(at).is_some_and(|u| u.cap && !u.upper)
            && self.is_name_word(at + 1)
            && !self.title_case()
        {
            return None;
        }
        // "The Washington Post said", "le Moscow Times écrit": a capital that begins a longer
        // name names a paper or a team of the city, not its government.
        // So does one that ends a longer name ("joining Real Madrid", "Red Star Belgrade"),
        // away from the sentence's first word (which is capitalised anyway). Regions of the
        // city ("East Jerusalem") are no name words.
        let capital_cased = self.unit(at + len - 1).is_some_and(|u| u.cap && !u.upper);
        let kind = if matches!(kind, MKind::Capital { metonym: true })
            && capital_cased
            && (self.is_name_word(at + len) || at >= 2 && self.is_name_word(at - 1))
            && !self.title_case()
        {
            MKind::Capital { metonym: false }
        } else {
            kind
        };
        let mut m = Mention::new(at, at + len, self.units, kind);
        m.country = entry.country;
        m.plural_demonym = matches!(entry.kind, LexKind::Demonym { plural: true, .. });
        if let MKind::Capital { metonym: true } = kind {
            m.roles.push("GOV".to_string());
        }
        self.finish(&mut m);
        // A dateline ("NAIROBI, 3 mars -", "KABUL (Reuters) -") is where the story was filed.
        let dateline = at == 0
            && (at..at + len).all(|q| self.unit(q).is_some_and(|u| u.upper || u.is_punct()))
            && self.key_is(at + len, &[",", "-", "—", "(", "–"]);
        if dateline && matches!(kind, MKind::Country | MKind::Capital { .. }) {
            m.place = true;
            m.inert = false;
            m.roles.clear();
        }
        Some(m)
    }

    fn person_at(&self, i: usize, registry: &Registry) -> Option<Mention> {
        let mut start = i;
        let mut min = 2;
        if self.key_is(i, TITLES) {
            start = i + 1;
            min = 1;
        }
        // A name the article already bound, full or last name alone.
        for len in (1..=4).rev() {
            let end = start + len;
            if end > self.units.len()
                || !(start..end).all(|q| self.is_name_word(q) || self.key_is(q, NAME_PARTICLES))
            {
                continue;
            }
            if !self.is_name_word(start) || !self.is_name_word(end - 1) {
                continue;
            }
            let key = key_of(self.units, start, end);
            if let Some(b) = registry.get(&key) {
                let mut m = Mention::new(start, end, self.units, MKind::Person);
                m.country = b.country;
                m.roles = b.roles.clone();
                m.person_key = Some(key);
                self.finish(&mut m);
                return Some(m);
            }
        }
        let end = self.name_at(start, min)?;
        // "en Haute-Volta", "in New York": after en/dans/in, a capitalised sequence is a place.
        if start > 0 && self.key_is(start - 1, &["en", "dans", "in"]) {
            return None;
        }
        let mut m = Mention::new(start, end, self.units, MKind::Person);
        m.person_key = Some(key_of(self.units, start, end));
        self.finish(&mut m);
        Some(m)
    }

    fn at(&self, i: usize, registry: &mut Registry) -> Option<Mention> {
        if let Some(m) = self.pronoun_at(i) {
            return Some(m);
        }
        let j = if self.is_det(i) { i + 1 } else { i };
        if let Some(m) = self.role_phrase(i, j, registry) {
            return Some(m);
        }
        if let Some(m) = self.geo_at(i) {
            return Some(m);
        }
        self.person_at(i, registry)
    }

    /// All mentions of the sentence, coordinated ones linked.
    pub fn scan(&self, registry: &mut Registry) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        let mut i = 0;
        while i < self.units.len() {
            match self.at(i, registry) {
                Some(m) if m.end > i => {
                    i = m.end;
                    out.push(m);
                }
                _ => i += 1,
            }
        }
        self.name_then_role(&mut out, registry);
        self.link_coordination(&mut out);
        out
    }

    /// "l'Américaine Maxine Waters", "le passager américain Bill Jaynes", "American
    /// passenger Bill Jaynes": an unknown name right after a demonym (in English, after a
    /// noun or two after it) is that country's national, when `is_person` says the name is a
    /// person's ("le magazine allemand Der Spiegel" is not); the mention covers both, and
    /// the name is bound (with the country, no role) for the rest of the article.
    pub fn demonym_then_name(
        &self,
        ms: &mut Vec<Mention>,
        registry: &mut Registry,
        is_person: &dyn Fn(Span) -> bool,
    ) {
        let mut b = 1;
        while b < ms.len() {
            let (d, p) = (&ms[b - 1], &ms[b]);
            // English puts the person's noun between: "American passenger Bill Jaynes".
            let nouns_between = self.langs.en
                && p.start > d.end
                && p.start - d.end <= 2
                && (d.end..p.start).all(|q| {
                    self.unit(q).is_some_and(|u| {
                        !u.cap
                            && u.key.chars().all(char::is_alphabetic)
                            && !self.dict.lexicon.any_at(self.units, q, self.langs)
                    })
                });
            // The noun the demonym qualifies: a newspaper or a firm is no national ("le
            // magazine allemand Der Spiegel", which the entity model may take for a person).
            let noun = if self.langs.en {
                p.start.checked_sub(1).filter(|&q| q >= d.end)
            } else {
                d.start.checked_sub(1)
            };
            let thing = noun.is_some_and(|q| {
                self.unit(q).is_some_and(|u| {
                    ORG_NOUNS.contains(&u.key.as_str()) || THING_NOUNS.contains(&u.key.as_str())
                })
            });
            let national = matches!(d.kind, MKind::People | MKind::Adjective)
                && !thing
                && !d.plural_demonym
                && d.country.is_some()
                && (d.end == p.start || nouns_between)
                && is_person(p.span)
                && p.kind == MKind::Person
                && p.country.is_none()
                && p.roles.is_empty()
                && p.end - p.start >= 2
                && registry
                    .get(p.person_key.as_deref().unwrap_or(""))
                    .is_none();
            if !national {
                b += 1;
                continue;
            }
            let country = d.country;
            let d = ms.remove(b - 1);
            let p = &mut ms[b - 1];
            if let Some(key) = &p.person_key {
                registry.bind(
                    key,
                    Binding {
                        country,
                        roles: Vec::new(),
                    },
                );
            }
            p.country = country;
            p.start = d.start;
            p.span.start = d.span.start;
            p.prep = d.prep;
            p.prep_at = d.prep_at;
        }
    }

    /// "Kofi Mensah, ministre sénégalais" / "Kofi Mensah, a Senegalese diplomat": an unknown
    /// name followed by a comma and a role phrase that names no person of its own is that
    /// role's holder, as in the role-first apposition; the mention covers both, and the name is
    /// bound for the rest of the article. Only a role with a country: "vice-présidente de
    /// Nationwide" or "ambassadrice du programme" are a company's or a charity's, which the
    /// role words alone would code as a government. Legislators, soldiers and judges are no
    /// company's: "Jeff Flake, le sénateur de l'Arizona" binds with no country.
    fn name_then_role(&self, ms: &mut Vec<Mention>, registry: &mut Registry) {
        let mut b = 1;
        while b < ms.len() {
            let (p, r) = (&ms[b - 1], &ms[b]);
            // The name may follow a preposition ("imaginé par Jeff Flake, le sénateur de
            // l'Arizona"): the apposition still says who the person is.
            let apposed = p.kind == MKind::Person
                && p.country.is_none()
                && p.roles.is_empty()
                && registry
                    .get(p.person_key.as_deref().unwrap_or(""))
                    .is_none()
                && r.kind == MKind::Role
                && (r.country.is_some()
                    || !r.roles.is_empty()
                        && r.roles
                            .iter()
                            .all(|x| matches!(x.as_str(), "LEG" | "MIL" | "JUD")))
                && r.person_key.is_none()
                && r.prep.is_none()
                && !r.same
                && r.start == p.end + 1
                && self.key_is(p.end, &[","]);
            if !apposed {
                b += 1;
                continue;
            }
            let r = ms.remove(b);
            let p = &mut ms[b - 1];
            if let Some(key) = &p.person_key {
                registry.bind(
                    key,
                    Binding {
                        country: r.country,
                        roles: r.roles.clone(),
                    },
                );
            }
            p.kind = MKind::Role;
            p.end = r.end;
            p.span.end = r.span.end;
            p.country = r.country;
            p.roles = r.roles;
            p.plural_demonym = r.plural_demonym;
            p.located = r.located;
        }
    }

    /// The words between mentions `a` and `b`, without articles and without `b`'s own
    /// preposition ("au Kenya et en Somalie": the second conjunct may repeat it).
    fn gap<'u>(&'u self, ms: &[Mention], a: usize, b: usize) -> Vec<&'u str> {
        let own_prep = ms[b].prep_at;
        (ms[a].end..ms[b].start)
            .filter(|&q| Some(q) != own_prep)
            .filter_map(|q| self.units.get(q))
            .map(|u| u.key.as_str())
            .filter(|k| !(self.langs.fr && ARTICLE_FR.contains(k)) && *k != "the")
            .collect()
    }

    fn link_coordination(&self, ms: &mut [Mention]) {
        // "X et Y", "X, et Y", "X or Y".
        for b in 1..ms.len() {
            let coordinated = matches!(
                self.gap(ms, b - 1, b).as_slice(),
                ["et"] | ["and"] | [",", "et"] | [",", "and"] | ["ou"] | ["or"]
            );
            if coordinated && !ms[b - 1].inert && !ms[b].inert {
                ms[b].coord_prev = Some(b - 1);
            }
        }
        // "X, Y et Z": a comma coordinates only inside a list that ends with et/and.
        for b in (1..ms.len()).rev() {
            let continues = ms.get(b + 1).is_some_and(|n| n.coord_prev == Some(b));
            if continues
                && ms[b].coord_prev.is_none()
                && self.gap(ms, b - 1, b) == [","]
                && !ms[b - 1].inert
            {
                ms[b].coord_prev = Some(b - 1);
            }
        }
        for b in 1..ms.len() {
            let Some(a) = ms[b].coord_prev else { continue };
            let geo = |k: MKind| matches!(k, MKind::Country | MKind::Capital { .. });
            if ms[b].prep.is_none() && ms[a].prep.is_some() {
                ms[b].prep = ms[a].prep.clone();
                ms[b].prep_at = ms[a].prep_at;
                if geo(ms[b].kind) && geo(ms[a].kind) {
                    ms[b].place = ms[a].place;
                }
            }
            // "le chef et le ministre sénégalais": the plural demonym covers the conjuncts.
            if ms[b].plural_demonym && ms[b].kind == MKind::Role {
                let c = ms[b].country;
                let mut x = Some(a);
                while let Some(xi) = x {
                    if ms[xi].kind != MKind::Role || ms[xi].country.is_some() {
                        break;
                    }
                    ms[xi].country = c;
                    x = ms[xi].coord_prev;
                }
            }
        }
    }
}

/// Words that make a following country name part of a sea's or a strait's name.
const SEA_WORDS: &[&str] = &[
    "golfe", "mer", "baie", "détroit", "canal", "gulf", "sea", "bay", "strait",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DataFiles;
    use veille_core::{Doc, Lang};

    struct Seen {
        text: String,
        kind: MKind,
        iso3: Option<String>,
        roles: Vec<String>,
        place: bool,
    }

    fn scan(text: &str, lang: Lang) -> Vec<Seen> {
        let d = DataFiles::EMBEDDED;
        let dict = Dictionaries::parse(d.countries, d.roles).unwrap();
        let mut doc = Doc::new(text.to_string(), Some(lang), None);
        veille_nlp::segment(&mut doc);
        let langs = Langs {
            fr: lang == Lang::Fr,
            en: lang == Lang::En,
        };
        let mut reg = Registry::default();
        let mut out = Vec::new();
        for s in &doc.sentences {
            let units = crate::text::sentence_units(&doc, s);
            let sc = Scanner {
                units: &units,
                dict: &dict,
                langs,
            };
            for m in sc.scan(&mut reg) {
                out.push(Seen {
                    text: doc.span_text(m.span).to_string(),
                    kind: m.kind,
                    iso3: m.country.map(|c| dict.countries[c as usize].iso3.clone()),
                    roles: m.roles.clone(),
                    place: m.place,
                });
            }
        }
        out
    }

    #[test]
    fn french_role_phrases() {
        let m = scan(
            "Le ministre algérien des Affaires étrangères a reçu le président du Niger.",
            Lang::Fr,
        );
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].text, "Le ministre algérien des Affaires étrangères");
        assert_eq!(
            (m[0].iso3.as_deref(), m[0].roles.as_slice()),
            (Some("DZA"), &["GOV".to_string()][..])
        );
        assert_eq!(m[1].text, "le président du Niger");
        assert_eq!(m[1].iso3.as_deref(), Some("NER"));
    }

    #[test]
    fn an_accent_the_entry_lacks_makes_another_word() {
        // "juges" (judges) is a role; "jugés" (judged) a participle. A word written without
        // its accents still matches an accented entry ("depute").
        let texts = |m: &[Seen]| m.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
        let m = scan("Les dirigeants seront jugés en mars.", Lang::Fr);
        assert!(m.iter().all(|s| s.text != "jugés"), "{:?}", texts(&m));
        let m = scan("Les juges ont tranché.", Lang::Fr);
        assert_eq!(texts(&m), ["Les juges"]);
        let m = scan("Le depute a voté.", Lang::Fr);
        assert_eq!(texts(&m), ["Le depute"]);
    }

    #[test]
    fn seas_named_after_countries_are_not_the_countries() {
        let m = scan(
            "Le Ghana patrouille dans le golfe de Guinée et en mer de Chine, pas en Guinée.",
            Lang::Fr,
        );
        let t: Vec<Option<&str>> = m.iter().map(|s| s.iso3.as_deref()).collect();
        assert_eq!(t, [Some("GHA"), Some("GIN")]);
        let m = scan("Mexico patrols the Gulf of Mexico.", Lang::En);
        assert_eq!(m.len(), 1);
    }

    #[test]
    fn places_metonyms_and_elisions() {
        let m = scan(
            "Moscou a démenti. L'Algérie et la Tunisie ont protesté à Alger, dans la région de Tunis.",
            Lang::Fr,
        );
        let t: Vec<(&str, Option<&str>, bool)> = m
            .iter()
            .map(|s| (s.text.as_str(), s.iso3.as_deref(), s.place))
            .collect();
        assert_eq!(
            t,
            [
                ("Moscou", Some("RUS"), false),
                ("Algérie", Some("DZA"), false),
                ("Tunisie", Some("TUN"), false),
                ("Alger", Some("DZA"), true),
                ("Tunis", Some("TUN"), false),
            ]
        );
        assert_eq!(m[0].roles, ["GOV"]);
        assert_eq!(m[0].kind, MKind::Capital { metonym: true });
    }

    #[test]
    fn a_capital_ending_a_longer_name_is_no_government() {
        // A team or a station named after its city: "Real Madrid", "Red Star Belgrade".
        let kinds = |text: &str, lang| {
            scan(text, lang)
                .into_iter()
                .map(|s| (s.text, s.kind))
                .collect::<Vec<_>>()
        };
        let m = kinds(
            "The striker was on the verge of joining Real Madrid at the time.",
            Lang::En,
        );
        assert!(
            m.iter()
                .all(|(t, k)| t != "Madrid" || *k == MKind::Capital { metonym: false }),
            "{m:?}"
        );
        let m = kinds("Il a rejoint le Real Madrid cet été.", Lang::Fr);
        assert!(
            m.iter()
                .all(|(t, k)| t != "Madrid" || *k == MKind::Capital { metonym: false }),
            "{m:?}"
        );
        // The city's own regions are no names; the government still acts.
        let m = kinds(
            "The police raided homes in East Jerusalem and then Moscow protested.",
            Lang::En,
        );
        assert!(
            m.contains(&("Moscow".to_string(), MKind::Capital { metonym: true })),
            "{m:?}"
        );
    }

    #[test]
    fn plural_demonym_distributes_over_coordinated_roles() {
        let m = scan(
            "Il a vu le chef d'état-major et le ministre délégué à la défense sénégalais.",
            Lang::Fr,
        );
        let roles: Vec<(&str, Option<&str>)> = m
            .iter()
            .skip(1)
            .map(|s| (s.text.as_str(), s.iso3.as_deref()))
            .collect();
        assert_eq!(
            roles,
            [
                ("le chef d'état-major", Some("SEN")),
                ("le ministre délégué à la défense sénégalais", Some("SEN")),
            ]
        );
        assert_eq!(m[1].roles, ["MIL"]);
        assert_eq!(m[2].roles, ["GOV"]);
    }

    #[test]
    fn apposition_binds_people_for_the_article() {
        let m = scan(
            "Le ministre ghanéen de la Santé, Kofi Mensah, est arrivé. Mensah a ensuite parlé.",
            Lang::Fr,
        );
        assert_eq!(m[0].text, "Le ministre ghanéen de la Santé, Kofi Mensah");
        assert_eq!(m[1].text, "Mensah");
        assert_eq!(
            (m[1].kind, m[1].iso3.as_deref()),
            (MKind::Person, Some("GHA"))
        );
    }

    #[test]
    fn english_pre_modifiers_and_possessives() {
        let m = scan(
            "Kenya's foreign minister met the French president and U.S. troops in Nairobi.",
            Lang::En,
        );
        let t: Vec<(&str, Option<&str>, bool)> = m
            .iter()
            .map(|s| (s.text.as_str(), s.iso3.as_deref(), s.place))
            .collect();
        assert_eq!(
            t,
            [
                ("Kenya's foreign minister", Some("KEN"), false),
                ("the French president", Some("FRA"), false),
                ("U.S. troops", Some("USA"), false),
                ("Nairobi", Some("KEN"), true),
            ]
        );
    }

    #[test]
    fn lone_demonyms_and_people() {
        let m = scan("Les Maliens craignent une offensive nigérienne.", Lang::Fr);
        assert_eq!((m[0].text.as_str(), m[0].kind), ("Maliens", MKind::People));
        assert_eq!(
            (m[1].text.as_str(), m[1].kind),
            ("nigérienne", MKind::Adjective)
        );
    }
}
