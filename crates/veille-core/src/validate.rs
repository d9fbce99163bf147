//! The invariant check every golden test runs over a `Doc`.

use crate::{Doc, Span};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error("{layer}[{index}]: span {start}..{end} is outside the text (len {len})")]
    OutOfBounds {
        layer: &'static str,
        index: usize,
        start: u32,
        end: u32,
        len: usize,
    },
    #[error("{layer}[{index}]: span {start}..{end} is not on char boundaries")]
    NotCharBoundary {
        layer: &'static str,
        index: usize,
        start: u32,
        end: u32,
    },
    #[error("{layer}[{index}]: empty or inverted span {start}..{end}")]
    Empty {
        layer: &'static str,
        index: usize,
        start: u32,
        end: u32,
    },
    #[error("{layer}[{index}]: spans are not increasing and disjoint")]
    NotIncreasing { layer: &'static str, index: usize },
    #[error("words: {0}")]
    Words(String),
    #[error("sentences: {0}")]
    Sentences(String),
    #[error("the document text differs from the input")]
    TextChanged,
}

fn check_span(
    text: &str,
    layer: &'static str,
    index: usize,
    s: Span,
) -> Result<(), ValidationError> {
    if s.start >= s.end {
        return Err(ValidationError::Empty {
            layer,
            index,
            start: s.start,
            end: s.end,
        });
    }
    if s.end as usize > text.len() {
        return Err(ValidationError::OutOfBounds {
            layer,
            index,
            start: s.start,
            end: s.end,
            len: text.len(),
        });
    }
    if !text.is_char_boundary(s.start as usize) || !text.is_char_boundary(s.end as usize) {
        return Err(ValidationError::NotCharBoundary {
            layer,
            index,
            start: s.start,
            end: s.end,
        });
    }
    Ok(())
}

fn check_increasing(
    text: &str,
    layer: &'static str,
    spans: impl Iterator<Item = Span>,
) -> Result<(), ValidationError> {
    let mut prev_end = 0u32;
    for (i, s) in spans.enumerate() {
        check_span(text, layer, i, s)?;
        if s.start < prev_end {
            return Err(ValidationError::NotIncreasing { layer, index: i });
        }
        prev_end = s.end;
    }
    Ok(())
}

/// Checks a `Doc` against the invariants of `ARCHITECTURE.md`: `doc.text == input`; every span
/// inside the text, non-empty and on char boundaries; tokens, sentences, entities, times and places increasing
/// and disjoint; words partition the tokens in order; sentences partition the tokens in order
/// and cover them exactly; evidence spans inside the text.
pub fn validate_doc(doc: &Doc, input: &str) -> Result<(), ValidationError> {
    let text = doc.text.as_str();
    if text != input {
        return Err(ValidationError::TextChanged);
    }
    check_increasing(text, "tokens", doc.tokens.iter().map(|t| t.span))?;
    check_increasing(text, "entities", doc.entities.iter().map(|e| e.span))?;
    check_increasing(text, "times", doc.times.iter().map(|t| t.span))?;
    check_increasing(text, "places", doc.places.iter().map(|p| p.span))?;
    check_increasing(text, "sentences", doc.sentences.iter().map(|s| s.span))?;

    // Words: each token owns a contiguous, in-order run of words inside its span.
    let mut next_word = 0u32;
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.first_word != next_word || t.n_words == 0 {
            return Err(ValidationError::Words(format!(
                "token {i} starts at word {} (expected {next_word}) with {} words",
                t.first_word, t.n_words
            )));
        }
        for w in 0..t.n_words as u32 {
            let wi = (t.first_word + w) as usize;
            let Some(word) = doc.words.get(wi) else {
                return Err(ValidationError::Words(format!(
                    "token {i}: word {wi} missing"
                )));
            };
            if word.token as usize != i || !t.span.contains(word.span) {
                return Err(ValidationError::Words(format!(
                    "word {wi} is not inside token {i}"
                )));
            }
            check_span(text, "words", wi, word.span)?;
        }
        next_word += t.n_words as u32;
    }
    if next_word as usize != doc.words.len() {
        return Err(ValidationError::Words(format!(
            "{} words but tokens account for {next_word}",
            doc.words.len()
        )));
    }

    // Analyses: none, or one per word, each head another word of the document.
    if !doc.analyses.is_empty() {
        if doc.analyses.len() != doc.words.len() {
            return Err(ValidationError::Words(format!(
                "{} analyses for {} words",
                doc.analyses.len(),
                doc.words.len()
            )));
        }
        for (i, a) in doc.analyses.iter().enumerate() {
            if let Some(h) = a.head
                && (h as usize >= doc.words.len() || h as usize == i)
            {
                return Err(ValidationError::Words(format!(
                    "word {i} has head {h}, not another word of the document"
                )));
            }
        }
    }

    // Sentences: consecutive token ranges covering all tokens, spans from first to last token.
    let mut next_tok = 0u32;
    for (i, s) in doc.sentences.iter().enumerate() {
        if s.first_token != next_tok || s.end_token <= s.first_token {
            return Err(ValidationError::Sentences(format!(
                "sentence {i} has tokens {}..{} (expected to start at {next_tok})",
                s.first_token, s.end_token
            )));
        }
        let Some(last) = doc.tokens.get(s.end_token as usize - 1) else {
            return Err(ValidationError::Sentences(format!(
                "sentence {i} runs past the tokens"
            )));
        };
        let first = doc.tokens[s.first_token as usize];
        if s.span.start != first.span.start || s.span.end != last.span.end {
            return Err(ValidationError::Sentences(format!(
                "sentence {i} span {}..{} does not match its tokens",
                s.span.start, s.span.end
            )));
        }
        next_tok = s.end_token;
    }
    if !doc.sentences.is_empty() && next_tok as usize != doc.tokens.len() {
        return Err(ValidationError::Sentences(format!(
            "sentences cover {next_tok} of {} tokens",
            doc.tokens.len()
        )));
    }

    for (i, e) in doc.events.iter().enumerate() {
        check_span(text, "events.sentence", i, e.sentence)?;
        for s in &e.evidence {
            check_span(text, "events.evidence", i, *s)?;
        }
        check_span(text, "events.source", i, e.source.span)?;
        if let Some(t) = &e.target {
            check_span(text, "events.target", i, t.span)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Token, Word};

    fn one_token_doc(text: &str, span: Span) -> Doc {
        let mut d = Doc::new(text.to_string(), None, None);
        d.tokens.push(Token {
            span,
            first_word: 0,
            n_words: 1,
            space_after: false,
        });
        d.words.push(Word {
            token: 0,
            span,
            norm: None,
        });
        d
    }

    #[test]
    fn accepts_valid_and_rejects_broken() {
        let d = one_token_doc("été", Span::new(0, 5));
        assert!(validate_doc(&d, "été").is_ok());
        assert!(matches!(
            validate_doc(&d, "ete"),
            Err(ValidationError::TextChanged)
        ));
        let d = one_token_doc("été", Span::new(0, 1));
        assert!(matches!(
            validate_doc(&d, "été"),
            Err(ValidationError::NotCharBoundary { .. })
        ));
        let d = one_token_doc("été", Span::new(0, 9));
        assert!(matches!(
            validate_doc(&d, "été"),
            Err(ValidationError::OutOfBounds { .. })
        ));
    }
}
