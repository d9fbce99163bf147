//! Word lists: months, weekdays, units, number and ordinal words, and the words that open or
//! signal a time expression, in folded form (lowercase, no accents).
//!
//! The lists below are the source of truth. They are loaded once per language into one hash
//! map, so that classifying a word (is it a month? a unit? a number? a tense cue?) costs a
//! single probe: the scanner classifies every word of every text.

use crate::tense;
use std::collections::HashMap;
use std::sync::OnceLock;
use veille_core::Lang;

/// Units of durations. Quarters, semesters, fortnights, decades and centuries are stored as
/// multiples of months, weeks or years, the way TIMEX3 writes them (P3M, P2W, P10Y).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    BusinessDay,
    Week,
    Fortnight,
    Month,
    Quarter,
    Semester,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Index into [`crate::expr::Dur::parts`] and the multiplier.
    pub(crate) fn slot(self) -> (usize, f64) {
        use crate::expr::dur_slot::*;
        match self {
            Unit::Second => (S, 1.0),
            Unit::Minute => (MI, 1.0),
            Unit::Hour => (H, 1.0),
            Unit::Day => (D, 1.0),
            Unit::BusinessDay => (BD, 1.0),
            Unit::Week => (W, 1.0),
            Unit::Fortnight => (W, 2.0),
            Unit::Month => (M, 1.0),
            Unit::Quarter => (M, 3.0),
            Unit::Semester => (M, 6.0),
            Unit::Year => (Y, 1.0),
            Unit::Decade => (Y, 10.0),
            Unit::Century => (Y, 100.0),
        }
    }
}

/// Kinds of number words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumWord {
    /// 0..=99 as one word (French "soixante" = 60, "dix" = 10).
    Small(u32),
    Hundred,
    Thousand,
}

/// A suffix glued to digits that makes them an ordinal ("1er", "2e", "3ème", "21st").
pub(crate) fn ordinal_suffix(w: &str, lang: Lang) -> bool {
    match lang {
        Lang::Fr => matches!(
            w,
            "er" | "re" | "ere" | "e" | "eme" | "ieme" | "me" | "nd" | "nde" | "d" | "de" | "es"
        ),
        Lang::En => matches!(w, "st" | "nd" | "rd" | "th" | "d"),
    }
}

// -------------------------------------------------------------------- tables

const MONTH_FR: &[(&str, (u32, bool))] = &[
    ("janvier", (1, true)),
    ("janv", (1, false)),
    ("jan", (1, false)),
    ("fevrier", (2, true)),
    ("fev", (2, false)),
    ("fevr", (2, false)),
    ("feb", (2, false)),
    ("mars", (3, true)),
    ("avril", (4, true)),
    ("avr", (4, false)),
    ("mai", (5, true)),
    ("juin", (6, true)),
    ("juillet", (7, true)),
    ("juil", (7, false)),
    ("jul", (7, false)),
    ("aout", (8, true)),
    ("septembre", (9, true)),
    ("sept", (9, false)),
    ("sep", (9, false)),
    ("octobre", (10, true)),
    ("oct", (10, false)),
    ("novembre", (11, true)),
    ("nov", (11, false)),
    ("decembre", (12, true)),
    ("dec", (12, false)),
];

const MONTH_EN: &[(&str, (u32, bool))] = &[
    ("january", (1, true)),
    ("jan", (1, false)),
    ("february", (2, true)),
    ("feb", (2, false)),
    ("march", (3, false)),
    ("mar", (3, false)),
    ("april", (4, true)),
    ("apr", (4, false)),
    ("may", (5, false)),
    ("june", (6, true)),
    ("jun", (6, false)),
    ("july", (7, true)),
    ("jul", (7, false)),
    ("august", (8, true)),
    ("aug", (8, false)),
    ("september", (9, true)),
    ("sept", (9, false)),
    ("sep", (9, false)),
    ("october", (10, true)),
    ("oct", (10, false)),
    ("november", (11, true)),
    ("nov", (11, false)),
    ("december", (12, true)),
    ("dec", (12, false)),
];

const WEEKDAY_FR: &[(&str, (u32, bool, bool))] = &[
    ("lundi", (1, false, false)),
    ("mardi", (2, false, false)),
    ("mercredi", (3, false, false)),
    ("jeudi", (4, false, false)),
    ("vendredi", (5, false, false)),
    ("samedi", (6, false, false)),
    ("dimanche", (7, false, false)),
    ("lundis", (1, true, false)),
    ("mardis", (2, true, false)),
    ("mercredis", (3, true, false)),
    ("jeudis", (4, true, false)),
    ("vendredis", (5, true, false)),
    ("samedis", (6, true, false)),
    ("dimanches", (7, true, false)),
    ("lun", (1, false, true)),
    ("mar", (2, false, true)),
    ("mer", (3, false, true)),
    ("jeu", (4, false, true)),
    ("ven", (5, false, true)),
    ("sam", (6, false, true)),
    ("dim", (7, false, true)),
];

const WEEKDAY_EN: &[(&str, (u32, bool, bool))] = &[
    ("monday", (1, false, false)),
    ("tuesday", (2, false, false)),
    ("wednesday", (3, false, false)),
    ("thursday", (4, false, false)),
    ("friday", (5, false, false)),
    ("saturday", (6, false, false)),
    ("sunday", (7, false, false)),
    ("mondays", (1, true, false)),
    ("tuesdays", (2, true, false)),
    ("wednesdays", (3, true, false)),
    ("thursdays", (4, true, false)),
    ("fridays", (5, true, false)),
    ("saturdays", (6, true, false)),
    ("sundays", (7, true, false)),
    ("mon", (1, false, true)),
    ("tue", (2, false, true)),
    ("tues", (2, false, true)),
    ("wed", (3, false, true)),
    ("thu", (4, false, true)),
    ("thur", (4, false, true)),
    ("thurs", (4, false, true)),
    ("fri", (5, false, true)),
    ("sat", (6, false, true)),
    ("sun", (7, false, true)),
];

const UNIT_FR: &[(&str, (Unit, bool))] = &[
    ("seconde", (Unit::Second, false)),
    ("sec", (Unit::Second, false)),
    ("secondes", (Unit::Second, true)),
    ("secs", (Unit::Second, true)),
    ("minute", (Unit::Minute, false)),
    ("min", (Unit::Minute, false)),
    ("mn", (Unit::Minute, false)),
    ("minutes", (Unit::Minute, true)),
    ("mins", (Unit::Minute, true)),
    ("heure", (Unit::Hour, false)),
    ("h", (Unit::Hour, false)),
    ("hr", (Unit::Hour, false)),
    ("heures", (Unit::Hour, true)),
    ("hrs", (Unit::Hour, true)),
    ("jour", (Unit::Day, false)),
    ("journee", (Unit::Day, false)),
    ("jours", (Unit::Day, true)),
    ("journees", (Unit::Day, true)),
    ("semaine", (Unit::Week, false)),
    ("semaines", (Unit::Week, true)),
    ("quinzaine", (Unit::Fortnight, false)),
    ("quinzaines", (Unit::Fortnight, true)),
    ("mois", (Unit::Month, false)),
    ("trimestre", (Unit::Quarter, false)),
    ("trimestres", (Unit::Quarter, true)),
    ("semestre", (Unit::Semester, false)),
    ("semestres", (Unit::Semester, true)),
    ("an", (Unit::Year, false)),
    ("annee", (Unit::Year, false)),
    ("ans", (Unit::Year, true)),
    ("annees", (Unit::Year, true)),
    ("decennie", (Unit::Decade, false)),
    ("decennies", (Unit::Decade, true)),
    ("siecle", (Unit::Century, false)),
    ("siecles", (Unit::Century, true)),
];

const UNIT_EN: &[(&str, (Unit, bool))] = &[
    ("second", (Unit::Second, false)),
    ("sec", (Unit::Second, false)),
    ("seconds", (Unit::Second, true)),
    ("secs", (Unit::Second, true)),
    ("minute", (Unit::Minute, false)),
    ("min", (Unit::Minute, false)),
    ("minutes", (Unit::Minute, true)),
    ("mins", (Unit::Minute, true)),
    ("hour", (Unit::Hour, false)),
    ("h", (Unit::Hour, false)),
    ("hr", (Unit::Hour, false)),
    ("hours", (Unit::Hour, true)),
    ("hrs", (Unit::Hour, true)),
    ("day", (Unit::Day, false)),
    ("days", (Unit::Day, true)),
    ("week", (Unit::Week, false)),
    ("wk", (Unit::Week, false)),
    ("weeks", (Unit::Week, true)),
    ("wks", (Unit::Week, true)),
    ("fortnight", (Unit::Fortnight, false)),
    ("fortnights", (Unit::Fortnight, true)),
    ("month", (Unit::Month, false)),
    ("months", (Unit::Month, true)),
    ("quarter", (Unit::Quarter, false)),
    ("quarters", (Unit::Quarter, true)),
    ("semester", (Unit::Semester, false)),
    ("semesters", (Unit::Semester, true)),
    ("year", (Unit::Year, false)),
    ("yr", (Unit::Year, false)),
    ("years", (Unit::Year, true)),
    ("yrs", (Unit::Year, true)),
    ("decade", (Unit::Decade, false)),
    ("decades", (Unit::Decade, true)),
    ("century", (Unit::Century, false)),
    ("centuries", (Unit::Century, true)),
];

const NUM_WORD_FR: &[(&str, NumWord)] = &[
    ("zero", NumWord::Small(0)),
    ("un", NumWord::Small(1)),
    ("une", NumWord::Small(1)),
    ("deux", NumWord::Small(2)),
    ("trois", NumWord::Small(3)),
    ("quatre", NumWord::Small(4)),
    ("cinq", NumWord::Small(5)),
    ("six", NumWord::Small(6)),
    ("sept", NumWord::Small(7)),
    ("huit", NumWord::Small(8)),
    ("neuf", NumWord::Small(9)),
    ("dix", NumWord::Small(10)),
    ("onze", NumWord::Small(11)),
    ("douze", NumWord::Small(12)),
    ("treize", NumWord::Small(13)),
    ("quatorze", NumWord::Small(14)),
    ("quinze", NumWord::Small(15)),
    ("seize", NumWord::Small(16)),
    ("vingt", NumWord::Small(20)),
    ("vingts", NumWord::Small(20)),
    ("trente", NumWord::Small(30)),
    ("quarante", NumWord::Small(40)),
    ("cinquante", NumWord::Small(50)),
    ("soixante", NumWord::Small(60)),
    ("septante", NumWord::Small(70)),
    ("huitante", NumWord::Small(80)),
    ("octante", NumWord::Small(80)),
    ("nonante", NumWord::Small(90)),
    ("cent", NumWord::Hundred),
    ("cents", NumWord::Hundred),
    ("mille", NumWord::Thousand),
    ("milles", NumWord::Thousand),
    ("mil", NumWord::Thousand),
];

const NUM_WORD_EN: &[(&str, NumWord)] = &[
    ("zero", NumWord::Small(0)),
    ("oh", NumWord::Small(0)),
    ("one", NumWord::Small(1)),
    ("two", NumWord::Small(2)),
    ("three", NumWord::Small(3)),
    ("four", NumWord::Small(4)),
    ("five", NumWord::Small(5)),
    ("six", NumWord::Small(6)),
    ("seven", NumWord::Small(7)),
    ("eight", NumWord::Small(8)),
    ("nine", NumWord::Small(9)),
    ("ten", NumWord::Small(10)),
    ("eleven", NumWord::Small(11)),
    ("twelve", NumWord::Small(12)),
    ("thirteen", NumWord::Small(13)),
    ("fourteen", NumWord::Small(14)),
    ("fifteen", NumWord::Small(15)),
    ("sixteen", NumWord::Small(16)),
    ("seventeen", NumWord::Small(17)),
    ("eighteen", NumWord::Small(18)),
    ("nineteen", NumWord::Small(19)),
    ("twenty", NumWord::Small(20)),
    ("thirty", NumWord::Small(30)),
    ("forty", NumWord::Small(40)),
    ("fourty", NumWord::Small(40)),
    ("fifty", NumWord::Small(50)),
    ("sixty", NumWord::Small(60)),
    ("seventy", NumWord::Small(70)),
    ("eighty", NumWord::Small(80)),
    ("ninety", NumWord::Small(90)),
    ("hundred", NumWord::Hundred),
    ("thousand", NumWord::Thousand),
];

const ORDINAL_FR: &[(&str, u32)] = &[
    ("premier", 1),
    ("premiere", 1),
    ("premieres", 1),
    ("premiers", 1),
    ("second", 2),
    ("seconde", 2),
];

const ORDINAL_STEM_FR: &[(&str, u32)] = &[
    ("un", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatr", 4),
    ("cinqu", 5),
    ("six", 6),
    ("sept", 7),
    ("huit", 8),
    ("neuv", 9),
    ("dix", 10),
    ("onz", 11),
    ("douz", 12),
    ("treiz", 13),
    ("quatorz", 14),
    ("quinz", 15),
    ("seiz", 16),
    ("vingt", 20),
    ("trent", 30),
    ("quarant", 40),
    ("cinquant", 50),
    ("soixant", 60),
    ("cent", 100),
    ("mill", 1000),
];

const ORDINAL_EN: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
];

const CORE_FR: &[&str] = &[
    "hier",
    "demain",
    "aujourd",
    "aujourdhui",
    "lendemain",
    "surlendemain",
    "veille",
    "chaque",
    "debut",
    "fin",
    "mi",
    "milieu",
    "courant",
    "tard",
    "tot",
    "demi",
    "demie",
    "quelques",
    "plusieurs",
    "annees",
    "printemps",
    "ete",
    "automne",
    "hiver",
    "midi",
    "minuit",
    "matin",
    "matins",
    "matinee",
    "soir",
    "soirs",
    "soiree",
    "nuit",
    "nuits",
    "week",
    "weekend",
    "reste",
    "siecle",
    "hebdomadaire",
    "hebdomadaires",
    "bihebdomadaire",
    "bihebdomadaires",
    "quotidien",
    "quotidienne",
    "quotidiens",
    "quotidiennes",
    "quotidiennement",
    "journalier",
    "journaliere",
    "journaliers",
    "journalieres",
    "journellement",
    "mensuel",
    "mensuelle",
    "mensuels",
    "mensuelles",
    "mensuellement",
    "annuel",
    "annuelle",
    "annuels",
    "annuelles",
    "annuellement",
    "trimestriel",
    "trimestrielle",
    "trimestriels",
    "trimestrielles",
    "semestriel",
    "semestrielle",
    "semestriels",
    "semestrielles",
    "decennal",
    "decennale",
    "decennaux",
    "decennales",
    "quinquennal",
    "quinquennale",
    "quinquennaux",
    "quinquennat",
    "septennal",
    "septennale",
    "septennat",
    "triennal",
    "triennale",
    "triennaux",
    "quart",
];
const CORE_EN: &[&str] = &[
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "tmrw",
    "tomorow",
    "every",
    "each",
    "once",
    "twice",
    "early",
    "late",
    "mid",
    "middle",
    "beginning",
    "later",
    "earlier",
    "few",
    "several",
    "couple",
    "weekend",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "noon",
    "midday",
    "midnight",
    "morning",
    "mornings",
    "evening",
    "evenings",
    "afternoon",
    "afternoons",
    "night",
    "nights",
    "weekly",
    "biweekly",
    "fortnightly",
    "daily",
    "everyday",
    "monthly",
    "annually",
    "annual",
    "yearly",
    "quarterly",
    "hourly",
    "seventies",
    "sixties",
    "fifties",
    "forties",
    "thirties",
    "twenties",
    "eighties",
    "nineties",
    "noughties",
    "rest",
    "half",
];

const LEAD_FR: &[&str] = &[
    "quelque",
    "divers",
    "diverses",
    "autre",
    "le",
    "la",
    "les",
    "l",
    "ce",
    "cet",
    "cette",
    "ces",
    "en",
    "au",
    "aux",
    "du",
    "de",
    "des",
    "d",
    "dans",
    "il",
    "avant",
    "apres",
    "entre",
    "depuis",
    "tous",
    "toutes",
    "tout",
    "toute",
    "un",
    "une",
    "plus",
    "moins",
    "environ",
    "pres",
    "presque",
    "encore",
    "prochain",
    "prochaine",
    "dernier",
    "derniere",
    "derniers",
    "dernieres",
    "plein",
    "pleine",
    "q",
    "h",
    "s",
    "t",
    "pendant",
    "a",
    "vers",
    "jusqu",
    "pour",
    "sur",
    "meme",
    "y",
    "cours",
    "ici",
    "fois",
    "par",
    "partir",
    "compter",
    "et",
];
const LEAD_EN: &[&str] = &[
    "business",
    "the",
    "this",
    "that",
    "next",
    "last",
    "past",
    "previous",
    "coming",
    "upcoming",
    "current",
    "following",
    "in",
    "on",
    "at",
    "from",
    "between",
    "within",
    "a",
    "an",
    "one",
    "all",
    "full",
    "whole",
    "entire",
    "more",
    "less",
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "another",
    "start",
    "end",
    "q",
    "h",
    "for",
    "during",
    "by",
    "since",
    "until",
    "of",
    "over",
    "w",
    "my",
    "up",
    "same",
    "than",
    "least",
    "most",
    "to",
    "other",
    "and",
    "per",
];

/// Flags of [`Entry::flags`].
pub(crate) mod flag {
    /// Signals time by itself (a month, a unit, "hier", digits are handled by the scanner).
    pub const CORE: u16 = 1;
    /// A function word that may open an expression ("le", "dans", "the", "next").
    pub const LEAD: u16 = 2;
    /// Tense cues (see `tense`).
    pub const FUTURE: u16 = 4;
    pub const SCHEDULING: u16 = 8;
    pub const AUX: u16 = 16;
    pub const PAST: u16 = 32;
    pub const ED_NOT_PAST: u16 = 64;
}

/// Everything known about one folded word in one language.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Entry {
    pub month: Option<(u32, bool)>,
    pub weekday: Option<(u32, bool, bool)>,
    pub unit: Option<(Unit, bool)>,
    pub num: Option<NumWord>,
    pub ordinal: Option<u32>,
    pub flags: u16,
}

/// Short ASCII word keys: FxHash (see [`veille_core::fxhash`]).
type Lexicon = veille_core::FastMap<Box<str>, Entry>;

fn build(lang: Lang) -> Lexicon {
    let mut m: Lexicon = HashMap::default();
    fn at<'m>(m: &'m mut Lexicon, w: &str) -> &'m mut Entry {
        m.entry(w.into()).or_default()
    }
    let fr = lang == Lang::Fr;
    for &(w, v) in if fr { MONTH_FR } else { MONTH_EN } {
        at(&mut m, w).month = Some(v);
    }
    for &(w, v) in if fr { WEEKDAY_FR } else { WEEKDAY_EN } {
        at(&mut m, w).weekday = Some(v);
    }
    for &(w, v) in if fr { UNIT_FR } else { UNIT_EN } {
        at(&mut m, w).unit = Some(v);
    }
    for &(w, v) in if fr { NUM_WORD_FR } else { NUM_WORD_EN } {
        at(&mut m, w).num = Some(v);
    }
    for &(w, v) in if fr { ORDINAL_FR } else { ORDINAL_EN } {
        at(&mut m, w).ordinal = Some(v);
    }
    if fr {
        // French ordinals are the cardinal stem plus "ième" ("troisième", "vingtième"),
        // also met without the i ("troisème").
        for &(stem, v) in ORDINAL_STEM_FR {
            for suf in ["ieme", "iemes", "eme"] {
                at(&mut m, &format!("{stem}{suf}")).ordinal = Some(v);
            }
        }
    }
    let lists: [(&[&str], u16); 7] = if fr {
        [
            (CORE_FR, flag::CORE),
            (LEAD_FR, flag::LEAD),
            (tense::FR_FUTURE_WORDS, flag::FUTURE),
            (tense::FR_SCHEDULING, flag::SCHEDULING),
            (tense::FR_AUX_FOLDED, flag::AUX),
            (&[], 0),
            (&[], 0),
        ]
    } else {
        [
            (CORE_EN, flag::CORE),
            (LEAD_EN, flag::LEAD),
            (tense::EN_FUTURE, flag::FUTURE),
            (tense::EN_PAST_IRREGULAR, flag::PAST),
            (tense::EN_ED_NOT_PAST, flag::ED_NOT_PAST),
            (&[], 0),
            (&[], 0),
        ]
    };
    for (words, f) in lists {
        for w in words {
            at(&mut m, w).flags |= f;
        }
    }
    // Anything that is a month, weekday, unit, ordinal or number is a core word, except the
    // articles "un", "une", "one", which are numbers only before a unit.
    for (w, e) in m.iter_mut() {
        let number = e.num.is_some() && !matches!(&**w, "un" | "une" | "one");
        if number
            || e.month.is_some()
            || e.weekday.is_some()
            || e.unit.is_some()
            || e.ordinal.is_some()
        {
            e.flags |= flag::CORE;
        }
        if e.flags & flag::CORE != 0 {
            e.flags &= !flag::LEAD;
        }
    }
    m
}

/// The entry of a folded word, if the lexicon knows it.
#[inline]
pub(crate) fn entry(w: &str, lang: Lang) -> Option<&'static Entry> {
    static FR: OnceLock<Lexicon> = OnceLock::new();
    static EN: OnceLock<Lexicon> = OnceLock::new();
    let lex = match lang {
        Lang::Fr => FR.get_or_init(|| build(Lang::Fr)),
        Lang::En => EN.get_or_init(|| build(Lang::En)),
    };
    lex.get(w)
}

#[inline]
pub(crate) fn flags(w: &str, lang: Lang) -> u16 {
    entry(w, lang).map_or(0, |e| e.flags)
}

#[inline]
pub(crate) fn num_word(w: &str, lang: Lang) -> Option<NumWord> {
    entry(w, lang)?.num
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let e = |w: &str, l: Lang| entry(w, l).copied().unwrap_or_default();
        assert_eq!(e("aout", Lang::Fr).month, Some((8, true)));
        assert_eq!(e("may", Lang::En).month, Some((5, false)));
        assert_eq!(e("vendredi", Lang::Fr).weekday, Some((5, false, false)));
        assert_eq!(e("sundays", Lang::En).weekday, Some((7, true, false)));
        assert_eq!(e("ans", Lang::Fr).unit, Some((Unit::Year, true)));
        assert_eq!(e("vingtieme", Lang::Fr).ordinal, Some(20));
        assert_eq!(e("troiseme", Lang::Fr).ordinal, Some(3));
        assert_eq!(e("twentieth", Lang::En).ordinal, Some(20));
        assert_eq!(e("deux", Lang::Fr).num, Some(NumWord::Small(2)));
        // Articles are leads, not cores; "hier" is a core.
        assert_eq!(e("une", Lang::Fr).flags & flag::CORE, 0);
        assert_ne!(e("hier", Lang::Fr).flags & flag::CORE, 0);
        assert_ne!(e("dans", Lang::Fr).flags & flag::LEAD, 0);
        assert!(entry("soldats", Lang::Fr).is_none());
        assert!(ordinal_suffix("er", Lang::Fr));
    }
}
