//! Event coding for veille, first cut: who did what to whom, as CAMEO and PLOVER records with
//! the evidence that supports them, from French and English news text.
//!
//! Two coders run. The pattern coder works on words and dictionaries: it reads the sentences
//! and tokens that `veille_nlp::segment` wrote into a [`veille_core::Doc`] and applies
//!
//! - **actor dictionaries** — countries (names with their French article, demonyms in all
//!   forms, capitals) and role nouns (`ministre`, `army`, `rebelles`…) → CAMEO actor codes such
//!   as `MARGOV`; see [`Dictionaries`];
//! - **trigger patterns** — conjugated verbs and nouns (`signer … accord`, `met`, `attaquer`) →
//!   CAMEO event codes, with where to look for the source and target; see [`Pattern`];
//! - **CAMEO tables** — Goldstein values, quad classes and the PLOVER mapping; see
//!   [`CameoTable`].
//!
//! All data ships inside the binary as reviewable text files under `data/` (formats and
//! sources in the crate's `README.md`).
//!
//! For English articles the parse-based coder ([`petrarch`]) then codes, over veille's
//! dependency parse, every verb of petrarch2's CAMEO.2.0 dictionary with actors from the
//! Phoenix dictionaries (shipped unchanged under `dicts/en/`): the subject is the source, the
//! object or a prepositional argument the target, the most specific verb pattern gives the
//! code. Its records keep the same dating, placing and evidence rules and name the dictionary
//! line in their rule (`petrarch:CAMEO.2.0:pattern:2937:rejected`); on a verb the pattern
//! coder already coded, the pattern coder's record wins.
//!
//! # Example
//!
//! ```
//! use veille_core::{Doc, Lang};
//! use veille_events::{Coder, code_events};
//!
//! let text = "Le président malien a signé lundi un accord de défense avec son homologue nigérien.";
//! let mut doc = Doc::new(text.to_string(), Some(Lang::Fr), "2024-03-07".parse().ok());
//! veille_nlp::segment(&mut doc);
//! doc.times = veille_time::find_times(text, Lang::Fr, doc.date);
//! let coder = Coder::default_for(Lang::Fr)?;
//! let events = code_events(&doc, &coder);
//! assert_eq!(events.len(), 1);
//! let e = &events[0];
//! assert_eq!((e.cameo.as_str(), e.source.code.as_str()), ("057", "MLIGOV"));
//! assert_eq!(e.target.as_ref().map(|t| t.code.as_str()), Some("NERGOV"));
//! // "lundi" in a past-tense clause of an article of Thursday 7 March: Monday 4 March.
//! assert_eq!((e.date.value.as_deref(), e.date.from.as_str()), (Some("2024-03-04"), "text"));
//! let evidence: Vec<&str> = e.evidence.iter().map(|s| &text[s.range()]).collect();
//! assert_eq!(evidence, ["Le président malien", "signé", "lundi", "accord", "son homologue nigérien"]);
//! # Ok::<(), veille_events::LoadError>(())
//! ```
//!
//! # How a sentence is coded
//!
//! 1. Actor mentions are found left to right (module `actors`): role phrases with their
//!    country, countries, capitals, demonyms, people and pronouns. A capital used as a subject
//!    stands for its government (`Moscou a démenti` → `RUSGOV`); a country or capital after
//!    `à`/`en`/`in` is a place.
//! 2. People get a country and role from the article: by apposition (`le ministre ghanéen de la
//!    Défense, Kofi Mensah`, `le président Jean Dupont`), or — the first-cut
//!    next-sentence rule — when a sentence opens with a new two-to-four-word name right after
//!    a sentence whose subject was a role phrase with a country and that named nobody. Later
//!    mentions by full or last name inherit the binding.
//! 3. Pronouns: `il`/`elle`/`he`/`she`/`they` are the previous subject (in the sentence, else
//!    the last sentence's); `ce dernier`/`the latter` the last actor mentioned.
//! 4. Trigger patterns are matched; negated clauses (`n'a pas signé`, `did not sign`,
//!    `a refusé de`) are skipped, and intended or possible ones (`pourrait signer`, `will
//!    meet`, infinitives) take the pattern's intent code (03x) or are skipped; the rule name
//!    then ends in `+intent`.
//! 5. The source is the nearest subject-like actor before the trigger (or after a speech verb
//!    in inversion, or the `par`/`by` agent of a passive, or the noun's own complement); the
//!    target is found by the pattern's target shape. Coordinated actors give one record per
//!    pairing; `X et Y ont signé` pairs X with Y. A party with a role and no country takes the
//!    country of the sentence's place (`a conclu à Accra … avec le ministre de l'Économie` →
//!    `GHAGOV`). Journalists are never actors: such records are dropped.
//! 6. [`dedup_in_article`] keeps one record per dyad, code and date.
//!
//! 7. Each record is dated by the time expression of its own clause when the time stage found
//!    one (`from: "text"`, the expression joins the evidence), else by the article date
//!    (`from: "article"`), else explicitly none; see module `dating`.
//! 8. Its place is a resolved place of its clause written after a locative preposition ("a
//!    signé à Rabat"), never a capital standing for its government; else none (module
//!    `placing`). Nothing here panics on any input.

mod actors;
mod cameo;
mod coder;
mod dating;
mod dict;
mod error;
mod parsed;
mod patterns;
pub mod petrarch;
mod placing;
mod text;

pub use actors::NAME_PARTICLES;
pub use cameo::{CameoCode, CameoTable, quad_class};
pub use coder::{Coder, DataFiles, code_events, dedup_in_article};
pub use dict::{Capital, Country, Dictionaries, FrenchName, GenderNumber};
pub use error::LoadError;
pub use parsed::sentence_toks;
pub use patterns::{Flags, Pattern, PatternSet, TargetShape};

/// The dictionaries' maps (see [`veille_core::fxhash`]).
pub(crate) use veille_core::FastMap;

#[cfg(test)]
mod tests;
