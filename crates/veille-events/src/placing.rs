//! Where an event happened: a resolved place of the trigger's sentence written after a
//! locative preposition ("a signé à Rabat", "talks in Doha"), or explicitly none.
//!
//! Rules, in order:
//! - only places the geo stage resolved (`doc.places`), never a capital standing for its
//!   government ("Washington souhaite") nor a demonym ("marocain");
//! - only after a locative preposition (`à`, `au`, `aux`, `en`, `dans`, `in`, `at`, `near`…):
//!   a country that is a subject or an object is an actor, not a place;
//! - never in a segment comparing with another occasion ("Comme en Tunisie mercredi, …");
//! - with a dependency parse, the place must belong to the trigger's clause; then the nearest
//!   to the trigger wins (so "à Thiès, dans la région de Dakar" is Thiès: "de Dakar"
//!   has no locative preposition of its own).

use crate::dating::{clause_at, clause_of_span, compares, noun_at, segment};
use veille_core::{Doc, Place, Span};

const LOCATIVE: &[&str] = &[
    "à", "a", "au", "aux", "en", "dans", "sur", "près", "vers", "in", "at", "near", "inside",
    "outside", "across",
];

/// Whether the word right before `start` is a locative preposition.
fn after_locative(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start) else {
        return false;
    };
    let before = before.trim_end();
    // "à l'Afrique", "dans l'Ouest": skip an elided article.
    let before = before
        .strip_suffix("l'")
        .or_else(|| before.strip_suffix("l’"))
        .map_or(before, str::trim_end);
    let before = ["le", "la", "les", "the"]
        .iter()
        .find_map(|a| {
            before
                .strip_suffix(a)
                .filter(|b| b.ends_with(char::is_whitespace))
        })
        .map_or(before, str::trim_end);
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    LOCATIVE.contains(&word.to_lowercase().as_str())
}

/// The place of an event whose trigger starts at byte `trigger` of `sentence`.
pub fn event_place(doc: &Doc, sentence: Span, trigger: usize) -> Option<Place> {
    let text = doc.text.as_str();
    let own_clause = clause_at(doc, trigger);
    let mut best: Option<(usize, &Place)> = None;
    for strict in [true, false] {
        // Without the clause test only for nominal triggers, as for dates (see `dating`).
        if !strict && (own_clause.is_none() || !noun_at(doc, trigger)) {
            break;
        }
        for p in &doc.places {
            if !sentence.contains(p.span) || p.metonym || p.demonym {
                continue;
            }
            let start = p.span.start as usize;
            if !after_locative(text, start) {
                continue;
            }
            if compares(text, segment(text, sentence, start)) {
                continue;
            }
            if strict
                && let Some(c) = own_clause
                && clause_of_span(doc, p.span) != Some(c)
            {
                continue;
            }
            let d = if start >= trigger {
                start - trigger
            } else {
                trigger.saturating_sub(p.span.end as usize)
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, p));
            }
        }
        if best.is_some() {
            break;
        }
    }
    best.map(|(_, p)| p.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str, needle: &str, metonym: bool) -> Place {
        let start = text.find(needle).expect("needle");
        Place {
            span: Span::new(start, start + needle.len()),
            text: needle.to_string(),
            geonameid: Some(1),
            name: needle.to_string(),
            country_code: None,
            lat: None,
            lon: None,
            feature: None,
            metonym,
            demonym: false,
        }
    }

    fn at(doc: &Doc, trigger: &str) -> Option<String> {
        let s = Span::new(0, doc.text.len());
        event_place(doc, s, doc.text.find(trigger).expect("trigger")).map(|p| p.text)
    }

    #[test]
    fn locative_places_only() {
        let t = "Le Mali a signé à Bamako un accord avec le Niger, comme en Guinée en mai.";
        let mut d = Doc::new(t.to_string(), None, None);
        d.places = vec![
            place(t, "Mali", false),
            place(t, "Bamako", false),
            place(t, "Niger", false),
            place(t, "Guinée", false),
        ];
        assert_eq!(at(&d, "signé").as_deref(), Some("Bamako"));
        let t = "Washington a annoncé des sanctions.";
        let mut d = Doc::new(t.to_string(), None, None);
        d.places = vec![place(t, "Washington", true)];
        assert_eq!(at(&d, "annoncé"), None);
    }

    #[test]
    fn nearest_locative_wins_over_a_region_complement() {
        let t = "Les pourparlers reprennent à Kenitra, dans la région de Rabat.";
        let mut d = Doc::new(t.to_string(), None, None);
        d.places = vec![place(t, "Kenitra", false), place(t, "Rabat", false)];
        assert_eq!(at(&d, "pourparlers").as_deref(), Some("Kenitra"));
        assert!(after_locative("talks in the Gulf", 13));
        assert!(after_locative("à l'Ouest", 5));
    }
}
