//! The English dictionaries veille ships: petrarch2's defaults, unchanged (MIT; see
//! `dicts/en/README.md` for their origin, checksums and the command that refreshes them).
//!
//! - verbs: `CAMEO.2.0.txt` (verb synsets and patterns → CAMEO codes);
//! - actors: `Phoenix.Countries.actors.txt` (countries, their cities and office-holders with
//!   date ranges), `Phoenix.International.actors.txt` (IGOs, international actors) and
//!   `Phoenix.MilNonState.actors.txt` (armed non-state groups);
//!   plus veille's own `veille.actors.en.txt` (organisations Phoenix lacks: the African
//!   Union, the WTO, the European Community…, so that English and French name the same ones);
//! - agents: `Phoenix.agents.txt` (role nouns → GOV, MIL, REB, CVL…);
//! - coding ontology: UniversalPetrarch's `PETR.Internal.Coding.Ontology.txt`, for what a
//!   negated act codes as (see [`super::pico`]).
//!
//! They are parsed once, on first use, so that French-only runs
//! never pay for them.

use super::coder::PetrarchDicts;
use super::dict::{ActorDict, AgentDict, DictError, Discards, VerbDict};
use super::pico::Pico;
use std::sync::OnceLock;

const VERBS: &str = include_str!("../../dicts/en/CAMEO.2.0.txt");
const ACTORS: [(&str, &str); 4] = [
    (
        "dicts/en/Phoenix.Countries.actors.txt",
        include_str!("../../dicts/en/Phoenix.Countries.actors.txt"),
    ),
    (
        "dicts/en/Phoenix.International.actors.txt",
        include_str!("../../dicts/en/Phoenix.International.actors.txt"),
    ),
    (
        "dicts/en/Phoenix.MilNonState.actors.txt",
        include_str!("../../dicts/en/Phoenix.MilNonState.actors.txt"),
    ),
    // veille's own: organisations Phoenix lacks that the French dictionary names.
    (
        "dicts/en/veille.actors.en.txt",
        include_str!("../../dicts/en/veille.actors.en.txt"),
    ),
];
const AGENTS: &str = include_str!("../../dicts/en/Phoenix.agents.txt");
/// veille's own English agents: role nouns of news Phoenix lacks ("forces").
const VEILLE_AGENTS: &str = include_str!("../../dicts/en/veille.agents.en.txt");
/// veille's country table: its English names give the one-word country names.
const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const PICO: &str = include_str!("../../dicts/en/PETR.Internal.Coding.Ontology.txt");
const DISCARDS: &str = include_str!("../../dicts/en/Phoenix.discards.txt");
/// veille's own English discards: the French list's sports words that Phoenix lacks.
const VEILLE_DISCARDS: &str = include_str!("../../dicts/en/veille.discards.en.txt");

/// The shipped discard list (`Phoenix.discards.txt`) as the pipeline uses it: its sports and
/// other off-topic phrases, without its chronology entries, and veille's own additions
/// (`veille.discards.en.txt`).
///
/// Phoenix drops every sentence that names a year from 1971 to 2013 or says "years ago",
/// "weeks later"…, because PETRARCH dates every event by the story's date and such sentences
/// often tell of the past. veille dates an event by the time expression attached to its
/// clause ("signed in 2005" is dated 2005), so those sentences are coded, and correctly dated,
/// instead of lost. `veille eval events` still applies a validation file's own list whole.
pub fn english_discards() -> &'static Discards {
    static D: OnceLock<Discards> = OnceLock::new();
    D.get_or_init(|| {
        let mut d = Discards::parse(&format!("{DISCARDS}\n{VEILLE_DISCARDS}"));
        d.retain(|p| !is_chronology(p));
        d
    })
}

/// A year ("1998") or a relative time ("YEARS AGO", "FIFTY YEARS AGO", "WEEKS LATER").
fn is_chronology(phrase: &str) -> bool {
    (phrase.len() == 4 && phrase.bytes().all(|b| b.is_ascii_digit()))
        || phrase.ends_with(" AGO")
        || phrase.ends_with(" LATER")
}

/// A shipped dictionary (English or French) that does not parse (a build with edited files).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShippedDictError {
    /// The file, from the crate's root (`dicts/en/CAMEO.2.0.txt`).
    pub file: &'static str,
    pub error: DictError,
}

impl std::fmt::Display for ShippedDictError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.error)
    }
}

impl std::error::Error for ShippedDictError {}

fn load() -> Result<PetrarchDicts, ShippedDictError> {
    let at = |file: &'static str| move |error| ShippedDictError { file, error };
    let verbs = VerbDict::parse(VERBS).map_err(at("dicts/en/CAMEO.2.0.txt"))?;
    let mut actors = ActorDict::default();
    for (file, text) in ACTORS {
        actors.extend(ActorDict::parse(text).map_err(at(file))?);
    }
    let mut agents = AgentDict::parse(AGENTS).map_err(at("dicts/en/Phoenix.agents.txt"))?;
    agents.extend(AgentDict::parse(VEILLE_AGENTS).map_err(at("dicts/en/veille.agents.en.txt"))?);
    let pico = Pico::parse(PICO).map_err(at("dicts/en/PETR.Internal.Coding.Ontology.txt"))?;
    Ok(PetrarchDicts {
        verbs,
        actors,
        agents,
        pico: Some(pico),
        beyond_petrarch: true,
        country_words: one_word_names(
            COUNTRIES
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split('\t').nth(2))
                .flat_map(|names| names.split('|')),
        ),
        ..Default::default()
    })
}

/// The one-word names among `names`, upper case.
pub(crate) fn one_word_names<'a>(
    names: impl Iterator<Item = &'a str>,
) -> std::collections::HashSet<String> {
    names
        .map(str::trim)
        // "-" is the tables' empty list.
        .filter(|n| !n.is_empty() && *n != "-" && !n.contains([' ', '-']))
        .map(|n| n.to_uppercase().replace('’', "'"))
        .collect()
}

/// The shipped English dictionaries, parsed on first call and shared afterwards.
pub fn english() -> Result<&'static PetrarchDicts, ShippedDictError> {
    static DICTS: OnceLock<Result<PetrarchDicts, ShippedDictError>> = OnceLock::new();
    DICTS.get_or_init(load).as_ref().map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_dictionaries_load() {
        let d = english().expect("the shipped dictionaries parse");
        assert!(d.verbs.forms.len() > 3000, "{}", d.verbs.forms.len());
        let words = ["UNITED", "STATES"];
        assert_eq!(d.actors.lookup(&words, None), Some((2, Some("USA".into()))));
        assert!(d.agents.lookup(&["PRESIDENT"]).is_some());
        // veille's agent supplement is loaded too.
        assert_eq!(
            d.agents
                .lookup(&["FORCES"])
                .map(|(n, a)| (n, a.code.as_str())),
            Some((1, "MIL"))
        );
        // veille's supplement is loaded beside Phoenix's files.
        let au = ["AFRICAN", "UNION"];
        assert_eq!(
            d.actors.lookup(&au, None),
            Some((2, Some("IGOAFRAFU".into())))
        );
        assert!(
            english_discards().len() > 350,
            "{}",
            english_discards().len()
        );
        assert!(
            d.pico
                .as_ref()
                .is_some_and(|p| p.negate("110") == Some("050"))
        );
    }

    #[test]
    fn chronology_is_dated_not_discarded() {
        let d = english_discards();
        assert_eq!(
            d.check("Rebels who entered two years ago were granted asylum."),
            None
        );
        assert_eq!(d.check("The accord signed in 1998 was renewed."), None);
        // The off-topic phrases stay.
        assert!(d.check("The Chicago Bears won on Sunday.").is_some());
    }
}
