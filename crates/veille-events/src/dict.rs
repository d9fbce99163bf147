//! Actor dictionaries: countries (names, demonyms, capitals) and roles, and the matcher over them.
//!
//! Both files are parsed into one [`Lexicon`]: a map from an entry's first folded word to the
//! entries starting with it, each a word sequence with its case requirements. Lookups return the
//! longest entries that match at a position, so `Guinée équatoriale` wins over `Guinée` and
//! `chef d'état-major` over `chef`.

use crate::error::{LoadError, tsv_rows};
use crate::text::{Unit, fold, split_elision};
use std::collections::HashMap;
use veille_core::Lang;

/// Grammatical gender and number of a French country name (`le Maroc` ms, `les Comores` fp).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenderNumber {
    MasculineSingular,
    FeminineSingular,
    MasculinePlural,
    FemininePlural,
}

/// A French country name with the article it takes in running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrenchName {
    /// The name without its article (`Maroc`, `Algérie`, `États-Unis`).
    pub name: String,
    /// `le`, `la`, `les`, `l'`, or `None` (`Israël`, `Cuba`).
    pub article: Option<String>,
    pub gender_number: GenderNumber,
}

/// A capital or seat of government.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capital {
    pub name: String,
    /// Whether the city used as a subject stands for the government (`Pékin a protesté`).
    /// False for cities that also host international bodies (Brussels, The Hague).
    pub metonym: bool,
}

/// One row of `countries.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub iso3: String,
    pub iso2: String,
    pub en_names: Vec<String>,
    /// English adjective first, then the people nouns.
    pub en_demonyms: Vec<String>,
    pub fr_names: Vec<FrenchName>,
    /// Masculine singular, feminine singular, masculine plural, feminine plural (may be empty).
    pub fr_demonyms: Vec<String>,
    pub capitals: Vec<Capital>,
}

/// What a dictionary entry names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LexKind {
    CountryName,
    Capital {
        metonym: bool,
    },
    /// `plural`: a plural form (a people noun, or `sénégalais`), which may distribute over
    /// coordinated role nouns ("le chef et le ministre sénégalais").
    Demonym {
        plural: bool,
        adjective: bool,
    },
    /// A role noun with its CAMEO agent code (`SAME` for homologue/counterpart). A `title`
    /// counts only right before a person's name.
    Role {
        agent: String,
        title: bool,
    },
    Mod,
    Portfolio,
}

/// How the text must be capitalised to match a dictionary word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseReq {
    Any,
    Capitalised,
    Uppercase,
}

fn case_req(word: &str) -> CaseReq {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && !word.chars().any(char::is_lowercase) {
        CaseReq::Uppercase
    } else if word.chars().next().is_some_and(char::is_uppercase) {
        CaseReq::Capitalised
    } else {
        CaseReq::Any
    }
}

#[derive(Debug, Clone)]
pub(crate) struct LexEntry {
    /// Folded words after the first.
    rest: Vec<String>,
    caps: Vec<CaseReq>,
    /// Per word: a French common-noun entry written without accents, which a word written
    /// with one does not match ("juges" the judges, "jugés" judged).
    plain: Vec<bool>,
    pub kind: LexKind,
    /// Index into [`Dictionaries::countries`].
    pub country: Option<u16>,
    /// `None`: any language (capitals).
    pub lang: Option<Lang>,
}

impl LexEntry {
    pub fn len(&self) -> usize {
        self.rest.len() + 1
    }
}

/// Which languages' entries a lookup may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Langs {
    pub fr: bool,
    pub en: bool,
}

impl Langs {
    pub fn has(self, lang: Option<Lang>) -> bool {
        match lang {
            None => true,
            Some(Lang::Fr) => self.fr,
            Some(Lang::En) => self.en,
        }
    }
}

/// Splits a dictionary phrase into words the way [`crate::text`] cuts sentences.
fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in phrase.split_whitespace() {
        if let Some(cut) = split_elision(w) {
            out.push(w[..cut].to_string());
            out.push(w[cut..].to_string());
        } else {
            out.push(w.to_string());
        }
    }
    out
}

#[derive(Debug, Default, Clone)]
pub(crate) struct Lexicon {
    by_first: crate::FastMap<String, Vec<LexEntry>>,
}

impl Lexicon {
    fn add(&mut self, phrase: &str, kind: LexKind, country: Option<u16>, lang: Option<Lang>) {
        let words = phrase_words(phrase);
        let Some((first, rest)) = words.split_first() else {
            return;
        };
        let common = lang == Some(Lang::Fr)
            && matches!(
                kind,
                LexKind::Role { .. } | LexKind::Mod | LexKind::Portfolio
            );
        let entry = LexEntry {
            rest: rest.iter().map(|w| fold(w)).collect(),
            caps: words.iter().map(|w| case_req(w)).collect(),
            plain: words
                .iter()
                .map(|w| common && w.chars().all(|c| c.is_ascii() || !c.is_alphabetic()))
                .collect(),
            kind,
            country,
            lang,
        };
        let bucket = self.by_first.entry(fold(first)).or_default();
        if !bucket.iter().any(|e| {
            e.rest == entry.rest
                && e.kind == entry.kind
                && e.country == entry.country
                && e.lang == entry.lang
        }) {
            bucket.push(entry);
        }
    }

    /// The longest entries matching `units[i..]` that `keep` accepts, with their length.
    pub fn lookup<'a>(
        &'a self,
        units: &[Unit],
        i: usize,
        langs: Langs,
        keep: impl Fn(&LexEntry) -> bool,
    ) -> Option<(usize, Vec<&'a LexEntry>)> {
        let first = units.get(i)?;
        let bucket = self.by_first.get(&first.key)?;
        let mut best = 0usize;
        let mut found: Vec<&LexEntry> = Vec::new();
        for e in bucket {
            let n = e.len();
            if n < best || i + n > units.len() || !langs.has(e.lang) {
                continue;
            }
            let words_match = e
                .rest
                .iter()
                .enumerate()
                .all(|(k, w)| units[i + 1 + k].key == *w);
            let case_ok = e.caps.iter().enumerate().all(|(k, c)| {
                let u = &units[i + k];
                match c {
                    CaseReq::Any => true,
                    CaseReq::Capitalised => u.cap,
                    CaseReq::Uppercase => u.upper,
                }
            });
            let accents_ok = e.plain.iter().enumerate().all(|(k, &plain)| {
                !plain
                    || units[i + k]
                        .lower
                        .chars()
                        .all(|c| c.is_ascii() || !c.is_alphabetic())
            });
            if words_match && case_ok && accents_ok && keep(e) {
                if n > best {
                    best = n;
                    found.clear();
                }
                found.push(e);
            }
        }
        (!found.is_empty()).then_some((best, found))
    }

    /// Whether any entry (of any kind) starts at `i`.
    pub fn any_at(&self, units: &[Unit], i: usize, langs: Langs) -> bool {
        self.lookup(units, i, langs, |_| true).is_some()
    }
}

/// Countries and roles, parsed and indexed.
#[derive(Debug, Clone)]
pub struct Dictionaries {
    pub countries: Vec<Country>,
    pub(crate) lexicon: Lexicon,
}

const COUNTRIES: &str = "countries.tsv";
const ROLES: &str = "roles.tsv";

fn split_list(s: &str) -> Vec<String> {
    if s == "-" || s.is_empty() {
        return Vec::new();
    }
    s.split('|')
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

fn parse_fr_name(spec: &str, line: usize) -> Result<FrenchName, LoadError> {
    let (text, gn) = spec.rsplit_once(':').ok_or_else(|| {
        LoadError::invalid(
            COUNTRIES,
            line,
            format!("{spec:?}: missing :ms/:fs/:mp/:fp"),
        )
    })?;
    let gender_number = match gn {
        "ms" => GenderNumber::MasculineSingular,
        "fs" => GenderNumber::FeminineSingular,
        "mp" => GenderNumber::MasculinePlural,
        "fp" => GenderNumber::FemininePlural,
        other => {
            return Err(LoadError::invalid(
                COUNTRIES,
                line,
                format!("{spec:?}: unknown gender/number {other:?}"),
            ));
        }
    };
    let (article, name) =
        if let Some(rest) = text.strip_prefix("l'").or_else(|| text.strip_prefix("l’")) {
            (Some("l'".to_string()), rest)
        } else if let Some((art @ ("le" | "la" | "les"), rest)) = text.split_once(' ') {
            (Some(art.to_string()), rest)
        } else {
            (None, text)
        };
    if name.trim().is_empty() {
        return Err(LoadError::invalid(
            COUNTRIES,
            line,
            format!("{spec:?}: empty name"),
        ));
    }
    Ok(FrenchName {
        name: name.trim().to_string(),
        article,
        gender_number,
    })
}

impl Dictionaries {
    /// Parses `countries.tsv` and `roles.tsv` (formats in the crate README).
    pub fn parse(countries_tsv: &str, roles_tsv: &str) -> Result<Dictionaries, LoadError> {
        let mut countries = Vec::new();
        let mut lexicon = Lexicon::default();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (line, cols) in tsv_rows(COUNTRIES, countries_tsv, 7)? {
            let iso3 = cols[0].to_string();
            if iso3.len() != 3 || !iso3.chars().all(|c| c.is_ascii_uppercase()) {
                return Err(LoadError::invalid(
                    COUNTRIES,
                    line,
                    format!("bad ISO3 code {iso3:?}"),
                ));
            }
            if seen.insert(iso3.clone(), line).is_some() {
                return Err(LoadError::Duplicate {
                    file: COUNTRIES,
                    line,
                    what: "country",
                    key: iso3,
                });
            }
            let fr_names = split_list(cols[4])
                .iter()
                .map(|s| parse_fr_name(s, line))
                .collect::<Result<Vec<_>, _>>()?;
            let fr_demonyms = split_list(cols[5]);
            if !(fr_demonyms.is_empty() || fr_demonyms.len() == 4) {
                return Err(LoadError::invalid(
                    COUNTRIES,
                    line,
                    "fr_demonyms needs the four forms ms|fs|mp|fp",
                ));
            }
            let capitals = split_list(cols[6])
                .into_iter()
                .map(|c| match c.strip_prefix('~') {
                    Some(name) => Capital {
                        name: name.to_string(),
                        metonym: false,
                    },
                    None => Capital {
                        name: c,
                        metonym: true,
                    },
                })
                .collect();
            countries.push(Country {
                iso3,
                iso2: cols[1].to_string(),
                en_names: split_list(cols[2]),
                en_demonyms: split_list(cols[3]),
                fr_names,
                fr_demonyms,
                capitals,
            });
        }
        if countries.len() > u16::MAX as usize {
            return Err(LoadError::invalid(COUNTRIES, 0, "too many countries"));
        }
        for (ci, c) in countries.iter().enumerate() {
            let idx = Some(ci as u16);
            for n in &c.en_names {
                lexicon.add(n, LexKind::CountryName, idx, Some(Lang::En));
            }
            for n in &c.fr_names {
                lexicon.add(&n.name, LexKind::CountryName, idx, Some(Lang::Fr));
            }
            for (k, d) in c.en_demonyms.iter().enumerate() {
                let kind = LexKind::Demonym {
                    plural: k > 0,
                    adjective: k == 0,
                };
                lexicon.add(d, kind, idx, Some(Lang::En));
            }
            for (k, d) in c.fr_demonyms.iter().enumerate() {
                let kind = LexKind::Demonym {
                    plural: k >= 2,
                    adjective: true,
                };
                lexicon.add(d, kind, idx, Some(Lang::Fr));
            }
            for cap in &c.capitals {
                let kind = LexKind::Capital {
                    metonym: cap.metonym,
                };
                lexicon.add(&cap.name, kind.clone(), idx, None);
                // "Le Caire" contracts ("au Caire"): the name alone matches too.
                if let Some(rest) = cap
                    .name
                    .strip_prefix("Le ")
                    .or_else(|| cap.name.strip_prefix("Les "))
                {
                    lexicon.add(rest, kind, idx, None);
                }
            }
        }
        for (line, cols) in tsv_rows(ROLES, roles_tsv, 4)? {
            let lang = Lang::from_code(cols[0]).ok_or_else(|| {
                LoadError::invalid(ROLES, line, format!("unknown language {:?}", cols[0]))
            })?;
            let phrase = cols[2];
            if phrase.is_empty() {
                return Err(LoadError::invalid(ROLES, line, "empty phrase"));
            }
            let agent = cols[3];
            let kind = match cols[1] {
                "role" | "title" => {
                    if agent.len() != 3 && agent != "SAME"
                        || !agent.chars().all(|c| c.is_ascii_uppercase())
                    {
                        return Err(LoadError::invalid(
                            ROLES,
                            line,
                            format!("bad agent code {agent:?}"),
                        ));
                    }
                    LexKind::Role {
                        agent: agent.to_string(),
                        title: cols[1] == "title",
                    }
                }
                "mod" => LexKind::Mod,
                "portfolio" => LexKind::Portfolio,
                other => {
                    return Err(LoadError::invalid(
                        ROLES,
                        line,
                        format!("unknown kind {other:?}"),
                    ));
                }
            };
            lexicon.add(phrase, kind, None, Some(lang));
        }
        Ok(Dictionaries { countries, lexicon })
    }

    /// The country with this ISO 3166-1 alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DataFiles;

    fn dicts() -> Dictionaries {
        let d = DataFiles::EMBEDDED;
        Dictionaries::parse(d.countries, d.roles).unwrap()
    }

    #[test]
    fn embedded_dictionaries_parse() {
        let d = dicts();
        assert!(d.countries.len() >= 150, "{} countries", d.countries.len());
        let mar = d.country("MAR").unwrap();
        assert_eq!(
            mar.fr_demonyms,
            ["marocain", "marocaine", "marocains", "marocaines"]
        );
        assert_eq!(mar.fr_names[0].article.as_deref(), Some("le"));
        let usa = d.country("USA").unwrap();
        assert_eq!(usa.fr_names[0].name, "États-Unis");
        assert_eq!(usa.fr_names[0].gender_number, GenderNumber::MasculinePlural);
        let dza = d.country("DZA").unwrap();
        assert_eq!(dza.fr_names[0].article.as_deref(), Some("l'"));
        assert!(dza.capitals.iter().any(|c| c.name == "Alger"));
        let bel = d.country("BEL").unwrap();
        assert!(bel.capitals.iter().all(|c| !c.metonym));
    }

    #[test]
    fn every_african_country_has_french_forms() {
        let d = dicts();
        let african = [
            "DZA", "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COG",
            "COD", "DJI", "EGY", "GNQ", "ERI", "SWZ", "ETH", "GAB", "GMB", "GHA", "GIN", "GNB",
            "CIV", "KEN", "LSO", "LBR", "LBY", "MDG", "MWI", "MLI", "MRT", "MUS", "MAR", "MOZ",
            "NAM", "NER", "NGA", "RWA", "STP", "SEN", "SYC", "SLE", "SOM", "ZAF", "SSD", "SDN",
            "TZA", "TGO", "TUN", "UGA", "ZMB", "ZWE",
        ];
        for iso in african {
            let c = d.country(iso).unwrap_or_else(|| panic!("{iso} missing"));
            assert!(!c.fr_names.is_empty(), "{iso} has no French name");
        }
    }

    #[test]
    fn bad_rows_are_typed_errors() {
        let roles = DataFiles::EMBEDDED.roles;
        let e = Dictionaries::parse("MAR\tMA\tMorocco\n", roles).unwrap_err();
        assert!(matches!(
            e,
            LoadError::Columns {
                line: 1,
                expected: 7,
                found: 3,
                ..
            }
        ));
        let e = Dictionaries::parse("MAR\tMA\tMorocco\t-\tMaroc\t-\tRabat\n", roles).unwrap_err();
        assert!(e.to_string().contains("missing :ms"), "{e}");
        let e = Dictionaries::parse(
            "MAR\tMA\tMorocco\t-\tle Maroc:ms\t-\tRabat\nMAR\tMA\tMorocco\t-\tle Maroc:ms\t-\tRabat\n",
            roles,
        )
        .unwrap_err();
        assert!(matches!(e, LoadError::Duplicate { line: 2, .. }));
        let e = Dictionaries::parse("", "fr\trole\tprésident\tgouv\n").unwrap_err();
        assert!(e.to_string().contains("bad agent code"), "{e}");
    }
}
