//! Sentence splitting over tokens.
//!
//! A sentence ends at a blank line (a paragraph break, which also ends headings that carry no
//! punctuation), or after terminal punctuation (`.`, `?`, `!`, `…`, with any closing quotes or
//! brackets that follow it) when the next token can open a sentence (a capital, a digit, an
//! opening quote or dash). Abbreviations keep their period inside the token, so "M. Dupont" is
//! never cut; an abbreviation that may also end a sentence ("etc.", "U.S.") ends one only before a
//! word that typically opens one ("Le", "The"…).
//!
//! Single line breaks are treated as paragraph breaks too, unless the text looks hard-wrapped
//! (every line short, as in e-mails or the UD raw texts), where they are plain spaces.

use crate::lexicon::{self, contains};
use veille_core::{Doc, Lang, Sentence, Span};

/// Lines at most this long everywhere suggest a hard-wrapped text.
const WRAP_WIDTH: usize = 100;

fn is_hard_wrapped(text: &str) -> bool {
    // Lines that go on into another line of the same paragraph: in a wrapped text nearly all
    // are short; a long word (a URL) may overflow now and then.
    let mut inner = 0usize;
    let mut short = 0usize;
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        let continues = lines.peek().is_some_and(|next| !next.trim().is_empty());
        if continues && !line.trim().is_empty() {
            inner += 1;
            if line.chars().count() <= WRAP_WIDTH {
                short += 1;
            }
        }
    }
    inner >= 3 && short * 100 >= inner * 95
}

fn is_terminal(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '.' | '?' | '!' | '…'))
}

fn is_closing(t: &str) -> bool {
    matches!(t, "»" | "”" | "\"" | ")" | "]" | "’" | "'" | "›")
}

fn can_open_sentence(t: &str) -> bool {
    match t.chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(
                    c,
                    '«' | '“' | '"' | '(' | '[' | '-' | '—' | '–' | '•' | '*' | '¿' | '¡' | '‘'
                )
        }
        None => false,
    }
}

fn starts_lowercase_word(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
}

/// A heading or caption with no final punctuation, run into the next sentence ("Maladie de
/// Paget Si la maladie…"): a capitalised determiner or pronoun that opens a clause almost never
/// stands inside a French sentence, unless a preposition or article introduces a title ("dans
/// Le Monde").
fn heading_ends(lang: Option<Lang>, prev: &str, next: &str) -> bool {
    if lang != Some(Lang::Fr) || !contains(lexicon::FR_CLAUSE_OPENERS, next) {
        return false;
    }
    let last = prev.chars().next_back().unwrap_or(' ');
    (last.is_alphanumeric() || last == ')')
        && !contains(lexicon::FR_TITLE_INTRODUCERS, &prev.to_lowercase())
        && !prev.chars().next().is_some_and(|c| c.is_uppercase())
        || (last.is_alphanumeric()
            && prev.chars().all(|c| !c.is_lowercase())
            && prev.chars().count() > 1)
}

/// Whether the whitespace `gap` between two tokens breaks a paragraph.
fn is_break(gap: &str, soft_newlines: bool) -> bool {
    let n = gap.bytes().filter(|&b| b == b'\n').count();
    n >= 2 || (n == 1 && !soft_newlines)
}

/// Splits `doc.tokens` into `doc.sentences`.
pub fn split_sentences(doc: &mut Doc) {
    doc.sentences.clear();
    let text = doc.text.as_str();
    let toks = &doc.tokens;
    let n = toks.len();
    if n == 0 {
        return;
    }
    let soft = is_hard_wrapped(text);
    let tok = |i: usize| toks[i].span.text(text);
    let gap = |i: usize| &text[toks[i].span.end as usize..toks[i + 1].span.start as usize];
    let mut start = 0usize;
    let mut i = 0usize;
    while i < n {
        let mut end = i; // last token of the sentence if it ends here
        let boundary = if i + 1 == n {
            true
        } else if is_break(gap(i), soft) {
            true
        } else {
            let t = tok(i);
            if is_terminal(t) {
                // Closing quotes and brackets right after the punctuation belong to this sentence.
                while end + 1 < n
                    && is_closing(tok(end + 1))
                    && !is_break(gap(end), soft)
                    && (toks[end].span.end == toks[end + 1].span.start || tok(end + 1) == "»")
                {
                    end += 1;
                }
                end + 1 == n
                    || is_break(gap(end), soft)
                    || can_open_sentence(tok(end + 1))
                    // A lone period is not an abbreviation's (those keep it): even a lowercase
                    // word after it starts a sentence, as in careless web text.
                    || (t == "." && end == i && starts_lowercase_word(tok(end + 1)))
            } else if t.len() > 1
                && t.ends_with('.')
                && !contains(lexicon::TITLES, t)
                && t.chars().next().is_some_and(char::is_alphabetic)
            {
                // An abbreviation that may close a sentence.
                let next = tok(i + 1);
                contains(lexicon::SENTENCE_STARTERS, next)
                    || (t.chars().filter(|&c| c == '.').count() == 1
                        && t.chars().count() > 4
                        && can_open_sentence(next)
                        && next.chars().nth(1).is_some_and(char::is_lowercase))
            } else {
                heading_ends(doc.lang, t, tok(i + 1))
            }
        };
        if boundary {
            doc.sentences.push(Sentence {
                span: Span {
                    start: toks[start].span.start,
                    end: toks[end].span.end,
                },
                first_token: start as u32,
                end_token: (end + 1) as u32,
            });
            start = end + 1;
        }
        i = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn sents(text: &str, lang: Lang) -> Vec<String> {
        let mut d = Doc::new(text.to_string(), Some(lang), None);
        tokenize(&mut d);
        split_sentences(&mut d);
        veille_core::validate_doc(&d, text).unwrap();
        d.sentences
            .iter()
            .map(|s| d.span_text(s.span).to_string())
            .collect()
    }

    #[test]
    fn french_sentences() {
        assert_eq!(
            sents(
                "M. Dupont est arrivé à Paris. Il a rencontré Mme Durand ! « C'est fini. » Puis il est parti.",
                Lang::Fr
            ),
            [
                "M. Dupont est arrivé à Paris.",
                "Il a rencontré Mme Durand !",
                "« C'est fini. »",
                "Puis il est parti."
            ]
        );
    }

    #[test]
    fn headings_are_sentences() {
        let text = "Un accord signé\n\nLes deux pays ont signé un accord. Il entre en vigueur mardi.\n\nLa suite\n\nRien.";
        assert_eq!(
            sents(text, Lang::Fr),
            [
                "Un accord signé",
                "Les deux pays ont signé un accord.",
                "Il entre en vigueur mardi.",
                "La suite",
                "Rien."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents(
                "Mr. Smith went to Washington, D.C. on Monday. The U.S. Senate voted.",
                Lang::En
            ),
            [
                "Mr. Smith went to Washington, D.C. on Monday.",
                "The U.S. Senate voted."
            ]
        );
        assert_eq!(
            sents(
                "Il a acheté des pommes, des poires, etc. Le marché était plein.",
                Lang::Fr
            ),
            [
                "Il a acheté des pommes, des poires, etc.",
                "Le marché était plein."
            ]
        );
    }

    #[test]
    fn lowercase_after_ellipsis_continues() {
        assert_eq!(sents("Il hésita... puis partit.", Lang::Fr).len(), 1);
    }
}
