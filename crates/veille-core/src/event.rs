//! Coded events: who did what to whom, when and where, with the evidence that supports it.

use crate::Span;
use serde::{Deserialize, Serialize};

/// A participant as the text names it, with the code the actor layer gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The mention as written (`le ministre marocain des Affaires étrangères`).
    pub text: String,
    /// Where the mention is.
    pub span: Span,
    /// CAMEO-style actor code: country ISO3 followed by role codes (`MARGOV`), or a role alone
    /// when the country is unknown (`GOV`), or `---` when nothing is known.
    pub code: String,
    /// ISO 3166-1 alpha-3 country, when known.
    pub country: Option<String>,
    /// CAMEO agent codes (`GOV`, `MIL`, `REB`, `CVL`, …).
    pub roles: Vec<String>,
}

/// PLOVER event type and mode (e.g. `CONSULT` / `visit`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plover {
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
}

/// When an event happened, and how we know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// TIMEX3-style value (`2020-10-02`, `2020-W40`, `2020-09`) or `None` when undated.
    pub value: Option<String>,
    /// `day`, `week`, `month`, `year`, or `none`.
    pub precision: String,
    /// `text` when a time expression of the clause dated it, `article` when it falls back to the
    /// article date, `none` when neither exists. Never a silent publication date.
    pub from: String,
}

/// A resolved place (filled by the geo stage; absent until it exists).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub span: Span,
    pub text: String,
    pub geonameid: Option<u32>,
    pub name: String,
    pub country_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub feature: Option<String>,
    /// A capital standing for its government ("Washington souhaite"): an actor, never the
    /// place of an event.
    #[serde(default)]
    pub metonym: bool,
    /// A demonym or country adjective ("marocain"): gives a country, not a place.
    #[serde(default)]
    pub demonym: bool,
}

/// One coded event mention in one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// CAMEO event code, 3 or 4 digits (`057`).
    pub cameo: String,
    /// CAMEO root, the first two digits (`05`).
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein scale value of the CAMEO code (−10 … +10).
    pub goldstein: f32,
    pub plover: Plover,
    pub source: Actor,
    pub target: Option<Actor>,
    pub date: EventDate,
    pub place: Option<Place>,
    /// The sentence the mention was read from.
    pub sentence: Span,
    /// The characters that support the record: the trigger and the actor mentions, in order.
    pub evidence: Vec<Span>,
    /// The rule or pattern that produced the record (`fr.sign_agreement`), for explanation.
    pub rule: String,
}
