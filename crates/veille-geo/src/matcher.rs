//! A high-precision gazetteer matcher: capitalised name sequences that the gazetteer knows.
//!
//! Rules, each for precision:
//! - a match starts with a capitalised word and ends with one, except multiword names of
//!   countries and regions that end in a lowercase adjective ("Asie centrale", "Amérique
//!   latine"); lowercase connectors may sit inside ("Afrique du Nord", "Corne de l'Afrique");
//!   the longest match wins;
//! - a match inside a longer capitalised sequence is dropped ("Washington Post", "Jack London",
//!   "New York Times"), except a country or demonym at its start ("US Army", "French President");
//! - a match starting a sentence or a line is kept only when the word is not used in lowercase
//!   elsewhere in the text, is not a function word ("Comme", "The") and names a notable place
//!   (a country, region, first-level division, capital or a city of 100,000 people);
//! - all-capital words match only countries and regions ("USA", "RDC");
//! - abbreviations ("Ga.") are not matched here; lowercase demonyms ("marocain") neither; nor
//!   towns under 15,000 people, whose names are often surnames or words.
//!
//! A French elision before a name ("l'Algérie", "d'Algérie") is left out of the span.

use veille_core::{Lang, Span};

use crate::gazetteer::{Candidate, F_ABBR, F_DEMONYM, F_PRIMARY, F_SPAN_ONLY, Gazetteer, Kind};
use crate::norm::normalize;

/// Finds toponyms in `text` with the embedded gazetteer.
pub fn find_toponyms(text: &str, lang: Option<Lang>) -> Vec<Span> {
    Gazetteer::embedded().find_toponyms(text, lang)
}

const MAX_WORDS: usize = 6;

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    cap: bool,
    /// First word of a sentence or line.
    initial: bool,
    /// All letters are capitals (two or more letters).
    caps: bool,
}

/// Lowercase French words that open the name of a sea, gulf, ocean or strait.
const LOWERCASE_AREA_HEADS: &[&str] = &["golfe", "mer", "océan", "détroit", "canal", "corne"];

const CONNECTORS: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "d'", "l'", "d’", "l’", "of", "the", "and", "el", "al",
    "upon", "on", "sur", "en", "et", "y", "da", "do", "dos", "das", "di", "del", "della", "van",
    "von", "der", "den", "au", "aux", "sous", "lès", "am", "im",
];

/// Capitalised function words that do not make a longer proper name with what follows.
const FUNCTION_CAPS: &[&str] = &[
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "des",
    "du",
    "de",
    "d",
    "en",
    "au",
    "aux",
    "à",
    "a",
    "dans",
    "pour",
    "par",
    "sur",
    "sous",
    "avec",
    "et",
    "ou",
    "mais",
    "comme",
    "selon",
    "depuis",
    "entre",
    "chez",
    "vers",
    "après",
    "avant",
    "contre",
    "ce",
    "cet",
    "cette",
    "ces",
    "son",
    "sa",
    "ses",
    "leur",
    "notre",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "to",
    "from",
    "for",
    "of",
    "by",
    "with",
    "and",
    "or",
    "but",
    "as",
    "after",
    "before",
    "since",
    "during",
    "across",
    "into",
    "near",
    "outside",
    "inside",
    "throughout",
    "while",
    "when",
    "if",
    "this",
    "that",
    "these",
    "those",
    "its",
    "his",
    "her",
    "their",
    "our",
    "north",
    "south",
    "east",
    "west",
    "nord",
    "sud",
    "est",
    "ouest",
    "mr",
    "mrs",
    "ms",
    "dr",
    "m",
    "mme",
    "president",
    "président",
    "minister",
    "ministre",
    "general",
    "général",
    "maréchal",
    "king",
    "roi",
    "queen",
    "prince",
    "pope",
    "pape",
    "saint",
    "st",
    "sainte",
    "lake",
    "lac",
    "mount",
    "mont",
    "port",
];

/// Sentence-initial words that are never place names in news.
const STOP_INITIAL: &[&str] = &[
    "le", "la", "les", "l", "un", "une", "des", "ce", "cet", "cette", "ces", "comme", "chaque",
    "selon", "mais", "et", "ou", "donc", "car", "il", "elle", "ils", "elles", "on", "nous", "the",
    "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "but", "and",
    "or", "so", "in", "on", "at", "as", "if", "when", "while", "after", "before", "accord",
    "notre", "votre", "our", "your", "his", "her", "their",
];

fn tokenize(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    // Whether the next word starts a sentence or a line.
    let mut initial = true;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !c.is_alphanumeric() {
            if matches!(
                c,
                '.' | '!' | '?' | '\n' | '«' | '"' | '“' | ':' | '—' | '–' | '•'
            ) || (c == '-' && words.last().is_none_or(|w: &Word| w.end + 1 < i))
            {
                initial = true;
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i;
        // A word: letters and digits, with inner hyphens and apostrophes ("États-Unis",
        // "l'Algérie"), or an initialism with dots ("U.S.").
        let mut j = i;
        while j < text.len() {
            let Some(ch) = text[j..].chars().next() else {
                break;
            };
            if ch.is_alphanumeric() {
                j += ch.len_utf8();
                end = j;
            } else if matches!(ch, '-' | '\'' | '’' | '.')
                && text[j + ch.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                // A dot joins only single capitals ("U.S"), not sentences ("Rabat.Le").
                if ch == '.' && !(end - start == 1 && bytes[start].is_ascii_uppercase()) {
                    let piece = &text[start..end];
                    let initialism = piece.split('.').all(|p| p.len() == 1);
                    if !initialism {
                        break;
                    }
                }
                j += ch.len_utf8();
            } else {
                break;
            }
        }
        // Keep the final dot of an initialism ("U.S.").
        let piece = &text[start..end];
        if piece.contains('.') && text[end..].starts_with('.') {
            end += 1;
        }
        let first = text[start..].chars().next();
        let cap = first.is_some_and(char::is_uppercase);
        let letters: Vec<char> = text[start..end]
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        let caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        words.push(Word {
            start,
            end,
            cap,
            initial,
            caps,
        });
        initial = false;
        i = end.max(i + c.len_utf8());
    }
    words
}

/// Splits a French elision off a capitalised name: "l'Algérie" → the span of "Algérie".
fn after_elision(text: &str, w: &Word) -> Option<usize> {
    let s = &text[w.start..w.end];
    for p in [
        "l'", "d'", "l’", "d’", "L'", "D'", "L’", "D’", "qu'", "qu’", "jusqu'", "jusqu’",
    ] {
        if let Some(rest) = s.strip_prefix(p)
            && rest.chars().next().is_some_and(char::is_uppercase)
        {
            return Some(w.start + p.len());
        }
    }
    None
}

impl Gazetteer {
    /// Finds toponyms in `text` (see the module comment for the rules).
    pub fn find_toponyms(&self, text: &str, _lang: Option<Lang>) -> Vec<Span> {
        let mut words = tokenize(text);
        // Split elisions into their own word so that "d'Algérie" yields "Algérie".
        let mut split = Vec::with_capacity(words.len());
        for w in words.drain(..) {
            match after_elision(text, &w) {
                Some(s) => {
                    split.push(Word {
                        end: s,
                        cap: false,
                        caps: false,
                        ..w
                    });
                    split.push(Word {
                        start: s,
                        cap: true,
                        initial: false,
                        ..w
                    });
                }
                None => split.push(w),
            }
        }
        let words = split;
        let lower_words: std::collections::HashSet<String> = words
            .iter()
            .filter(|w| !w.cap)
            .map(|w| text[w.start..w.end].to_lowercase())
            .collect();

        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            // French writes the kind of a sea or a gulf in lowercase ("golfe de Guinée", "mer
            // Rouge", "l'océan Indien"): the whole name, when it names a region or a sea, not
            // the country inside it.
            if let Some((start, j)) = self.lowercase_area(text, &words, i) {
                out.push(Span::new(start, words[j].end));
                i = j + 1;
                continue;
            }
            if !w.cap {
                i += 1;
                continue;
            }
            match self.longest_match(text, &words, i) {
                Some((j, cands)) if self.accept(text, &words, i, j, &cands, &lower_words) => {
                    out.push(Span::new(words[i].start, words[j].end));
                    i = j + 1;
                }
                _ if self.area_town(text, &words, i) => {
                    out.push(Span::new(w.start, w.end));
                    i += 1;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// "golfe de Guinée", "mer Rouge", "océan Indien": a lowercase word naming a kind of
    /// water or area, then a capitalised name, that together name a region or a sea.
    fn lowercase_area(&self, text: &str, words: &[Word], i: usize) -> Option<(usize, usize)> {
        let word = &text[words[i].start..words[i].end];
        // "l'océan Indien": the elision stays outside the name.
        let elided = ["l'", "d'", "l’", "d’"]
            .iter()
            .find_map(|p| word.strip_prefix(p).map(|_| p.len()))
            .unwrap_or(0);
        let start = words[i].start + elided;
        let head = text[start..words[i].end].to_lowercase();
        if !LOWERCASE_AREA_HEADS.contains(&head.as_str()) {
            return None;
        }
        let last = (i + 4).min(words.len().saturating_sub(1));
        (i + 1..=last).rev().map(|j| (start, j)).find(|&(_, j)| {
            words[j].cap
                && text[words[i].end..words[j].start].len() < 40
                && self
                    .lookup_key(&normalize(&text[start..words[j].end]))
                    .iter()
                    .any(|c| {
                        c.flags & F_PRIMARY != 0
                            && self
                                .record(c.record)
                                .is_some_and(|r| r.kind == Kind::Region)
                    })
        })
    }

    fn longest_match(
        &self,
        text: &str,
        words: &[Word],
        i: usize,
    ) -> Option<(usize, Vec<Candidate>)> {
        let last = (i + MAX_WORDS).min(words.len());
        let mut best = None;
        for j in i..last {
            if j > i {
                // Words of one name are separated by one space (or joined by an elision).
                let gap = &text[words[j - 1].end..words[j].start];
                if !(gap == " " || gap.is_empty()) {
                    break;
                }
                let wj = &text[words[j].start..words[j].end];
                if !words[j].cap && !CONNECTORS.contains(&wj.to_lowercase().as_str()) {
                    // A lowercase word may end a country or region name ("Asie centrale").
                    let key = normalize(&text[words[i].start..words[j].end]);
                    let cands = self.lookup_key(&key);
                    if cands.iter().any(|c| {
                        c.flags & F_PRIMARY != 0
                            && self
                                .record(c.record)
                                .is_some_and(|r| matches!(r.kind, Kind::Country | Kind::Region))
                    }) {
                        best = Some((j, cands));
                    }
                    break;
                }
                if !words[j].cap {
                    continue;
                }
            }
            let key = normalize(&text[words[i].start..words[j].end]);
            let cands: Vec<Candidate> = self
                .lookup_key(&key)
                .into_iter()
                .filter(|c| {
                    c.flags & !(F_ABBR | F_SPAN_ONLY) != 0
                        && (!self.small_town(c.record) || self.named_airfield(c.record, &key))
                })
                .collect();
            if !cands.is_empty() {
                best = Some((j, cands));
            } else if !self.has_longer(&key) {
                break;
            }
        }
        best
    }

    /// "the Radstock area", "the Tulkarm district": one capitalised word between "the" and a
    /// noun of surroundings is a place, so a town of any size the gazetteer holds is taken.
    fn area_town(&self, text: &str, words: &[Word], i: usize) -> bool {
        let word = |k: usize| words.get(k).map(|w| &text[w.start..w.end]);
        let joined = |a: usize| {
            words
                .get(a + 1)
                .is_some_and(|b| text.get(words[a].end..b.start) == Some(" "))
        };
        i > 0
            && word(i - 1) == Some("the")
            && joined(i - 1)
            && joined(i)
            && !words[i].caps
            && word(i + 1).is_some_and(|n| AREA_NOUNS.contains(&n))
            && self
                .lookup_key(&normalize(&text[words[i].start..words[i].end]))
                .iter()
                .any(|c| c.flags & F_PRIMARY != 0)
    }

    /// A town under 15,000 people that is not a capital. The gazetteer holds towns down to
    /// 1,000 people to resolve spans known to be places; their names are often surnames or
    /// words ("Macon", "Union"), so they do not make a capitalised word a toponym here.
    fn small_town(&self, rec: u32) -> bool {
        self.record(rec).is_some_and(|r| {
            r.kind == Kind::City
                && r.population < 15_000
                && !matches!(self.feature(r), "PPLC" | "PPLG")
        })
    }

    /// An airfield named with its kind ("Heathrow Airport", "Bagram Air Base"): no surname.
    fn named_airfield(&self, rec: u32, key: &str) -> bool {
        self.record(rec)
            .is_some_and(|r| matches!(self.feature(r), "AIRP" | "AIRB"))
            && (key.ends_with(" airport") || key.ends_with(" air base"))
    }

    fn notable(&self, cands: &[Candidate]) -> bool {
        cands.iter().any(|c| {
            self.record(c.record).is_some_and(|r| {
                matches!(r.kind, Kind::Country | Kind::Region | Kind::Admin1)
                    || matches!(self.feature(r), "PPLC" | "PPLA")
                    || r.population >= 100_000
            })
        })
    }

    fn accept(
        &self,
        text: &str,
        words: &[Word],
        i: usize,
        j: usize,
        cands: &[Candidate],
        lower_words: &std::collections::HashSet<String>,
    ) -> bool {
        let first = &text[words[i].start..words[i].end];
        let first_l = first.to_lowercase();
        let country_like = cands.iter().any(|c| {
            self.record(c.record)
                .is_some_and(|r| matches!(r.kind, Kind::Country | Kind::Region))
                && c.flags & (F_PRIMARY | F_DEMONYM) != 0
        });
        if words[i..=j].iter().any(|w| w.caps) && !country_like {
            return false;
        }
        // Part of a longer capitalised sequence?
        let joined = |a: &Word, b: &Word| text.get(a.end..b.start) == Some(" ");
        if i > 0 {
            let p = &words[i - 1];
            let pw = text[p.start..p.end].to_lowercase();
            if p.cap && joined(p, &words[i]) && !FUNCTION_CAPS.contains(&pw.as_str()) {
                return false;
            }
        }
        // … except a police force named after its town or county ("Baton Rouge Police
        // Department", "Somerset Police"), which lies there.
        if let Some(n) = words.get(j + 1)
            && n.cap
            && joined(&words[j], n)
            && !country_like
            && !POLICE_FORCES.contains(&&text[n.start..n.end])
            && !ROLES_AFTER_PLACE.contains(&&text[n.start..n.end])
        {
            return false;
        }
        // A sentence-initial match must pass the stricter test.
        !(words[i].initial
            && (STOP_INITIAL.contains(&first_l.as_str())
                || (i == j && lower_words.contains(&first_l))
                || !self.notable(cands)))
    }
}

/// Capitalised role nouns after a place, in a title-case headline or before a name
/// ("Massachusetts Senator Says", "Ohio Governor John Kasich"): the place is the role's.
const ROLES_AFTER_PLACE: &[&str] = &[
    "Senator",
    "Governor",
    "Gov.",
    "Sen.",
    "Rep.",
    "Mayor",
    "Congressman",
    "Congresswoman",
    "Lawmaker",
    "Lawmakers",
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "Officials",
    "Authorities",
];

/// Nouns of a place's surroundings ("the Radstock area").
const AREA_NOUNS: &[&str] = &[
    "area",
    "areas",
    "region",
    "district",
    "neighborhood",
    "neighbourhood",
    "suburbs",
    "countryside",
    "outskirts",
];

/// Capitalised words after a place that begin the name of its police force.
const POLICE_FORCES: &[&str] = &["Police", "Sheriff", "Sheriff's", "Constabulary"];

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        found_in(text, Lang::Fr)
    }

    fn found_in(text: &str, lang: Lang) -> Vec<&str> {
        find_toponyms(text, Some(lang))
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn multiword_and_elided_names() {
        assert_eq!(
            found("Il était aux États-Unis puis en Afrique du Nord et à New York, d'Algérie."),
            ["États-Unis", "Afrique du Nord", "New York", "Algérie"]
        );
        assert_eq!(
            found("La Corne de l'Afrique et l'Asie centrale."),
            ["Corne de l'Afrique", "Asie centrale"]
        );
    }

    #[test]
    fn longer_names_and_sentence_starts_are_skipped() {
        assert_eq!(
            found("Selon le Washington Post, Paris Hilton est là."),
            Vec::<&str>::new()
        );
        assert_eq!(found("Comme en Tunisie, la Libye."), ["Tunisie", "Libye"]);
        // A town's police force lies in the town.
        assert_eq!(
            found("Hier, la Toulouse Police Department, puis le Toulouse Post."),
            ["Toulouse"]
        );
        assert_eq!(
            found("Le Maroc. Maroc et Tunisie."),
            ["Maroc", "Maroc", "Tunisie"]
        );
    }

    #[test]
    fn french_seas_and_straits_written_with_a_lowercase_kind() {
        let got = found_in(
            "Les navires ont franchi le détroit d'Ormuz, la mer Rouge et l'océan Indien, loin \
             du golfe de Guinée.",
            Lang::Fr,
        );
        assert_eq!(
            got,
            [
                "détroit d'Ormuz",
                "mer Rouge",
                "océan Indien",
                "golfe de Guinée"
            ]
        );
        // A lowercase word before a country is no sea: "mer" must open a known name.
        assert_eq!(
            found_in("Une mer Guinée, en Guinée.", Lang::Fr),
            ["Guinée", "Guinée"]
        );
    }

    #[test]
    fn airfields_named_with_their_kind() {
        let got = found_in(
            "Flights from Heathrow Airport resumed; troops left Bagram Air Base. Heathrow said.",
            Lang::En,
        );
        assert_eq!(got, ["Heathrow Airport", "Bagram Air Base"]);
    }

    #[test]
    fn a_small_town_named_with_its_area() {
        let got = found_in(
            "Four men were held in the Radstock area, near Bath. Radstock voted.",
            Lang::En,
        );
        // Alone, a town that small is not taken: its name could be a surname.
        assert_eq!(got, ["Radstock", "Bath"]);
    }

    #[test]
    fn a_place_before_a_role_is_the_roles() {
        let got = found_in("Warren Will Run, Massachusetts Senator Says", Lang::En);
        assert_eq!(got, ["Massachusetts"]);
    }

    #[test]
    fn initialisms() {
        let got = found_in("The U.S. and the USA said.", Lang::En);
        assert_eq!(got, ["U.S.", "USA"]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_in_text(text in "\\PC{0,80}") {
            for s in find_toponyms(&text, None) {
                proptest::prop_assert!(text.get(s.range()).is_some());
            }
        }
    }
}
