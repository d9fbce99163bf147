//! The words the coder matches on: one [`Unit`] per surface word of a sentence, with a folded key.
//!
//! Units come from the tokens the NLP stage wrote, so every unit span is a range of the original
//! text. A French contraction (`au` = `à le`) stays one unit (its first word is kept for
//! preposition tests); an English multiword token (`Mali's` = `Mali` + `'s`) gives one unit per
//! word. Two normalisations make dictionary entries and text meet whatever the tokenizer did:
//! a hyphen token glued between two words is merged back (`Guinea - Bissau` → `Guinea-Bissau`),
//! and a French elision glued to a word is split off (`d'Ivoire` → `d'` `Ivoire`).

use veille_core::{Doc, Sentence, Span};

/// Lowercases, removes diacritics and unifies apostrophes: the key dictionaries and patterns
/// are compared on (`États-Unis` → `etats-unis`, `d’État` → `d'etat`).
pub(crate) fn fold(s: &str) -> String {
    // Most words are ASCII: lowercase them byte by byte (the grave accent is the only ASCII
    // character folded to something else).
    if s.is_ascii() {
        return s
            .bytes()
            .map(|b| {
                if b == b'`' {
                    '\''
                } else {
                    b.to_ascii_lowercase() as char
                }
            })
            .collect();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            match l {
                'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => out.push('a'),
                'ç' | 'ć' | 'č' => out.push('c'),
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => out.push('e'),
                'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => out.push('i'),
                'ñ' | 'ń' => out.push('n'),
                'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => out.push('o'),
                'ù' | 'ú' | 'û' | 'ü' | 'ū' => out.push('u'),
                'ý' | 'ÿ' => out.push('y'),
                'ș' | 'ş' | 'š' | 'ś' => out.push('s'),
                'ț' | 'ţ' => out.push('t'),
                'ğ' => out.push('g'),
                'ž' | 'ź' | 'ż' => out.push('z'),
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\''),
                '‐' | '‑' | '–' => out.push('-'),
                _ => out.push(l),
            }
        }
    }
    out
}

/// Lowercase with apostrophes unified but accents kept: function-word tests (`à` vs `a`).
pub(crate) fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if matches!(c, '’' | '‘' | 'ʼ') {
                '\''
            } else {
                c
            }
        })
        .collect()
}

/// French elided forms that the tokenizer writes as their own token (`l'`, `d'`, `qu'`).
#[rustfmt::skip]
const ELISIONS: &[&str] = &[
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
];

/// Splits `d'Ivoire` into (`d'`, `Ivoire`) byte lengths: the prefix length including the
/// apostrophe. `None` when the word is not an elision followed by a word of 2+ letters.
pub(crate) fn split_elision(s: &str) -> Option<usize> {
    let (i, c) = s.char_indices().find(|&(_, c)| matches!(c, '\'' | '’'))?;
    let after = i + c.len_utf8();
    let rest = &s[after..];
    if i == 0 || rest.chars().count() < 2 || !rest.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    ELISIONS.contains(&lower(&s[..i]).as_str()).then_some(after)
}

/// One word of a sentence as the coder sees it.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// [`fold`]ed form: what dictionaries and patterns match.
    pub key: String,
    /// Lowercase form with accents.
    pub lower: String,
    pub span: Span,
    /// The first character is uppercase.
    pub cap: bool,
    /// Has letters and none is lowercase (an acronym, `US`, `RDC`).
    pub upper: bool,
    /// A surname led by a lowercase Arabic article or patronymic particle (`al-Moualem`,
    /// `el-Sissi`, `ould-Abdel`): a name word although it starts in lowercase.
    pub particle_name: bool,
    /// For a French contraction (`au`, `des` = `de les`), its first word (`à`, `de`).
    pub first_word: Option<&'static str>,
}

/// Lowercase particles that lead a surname with a hyphen (`al-Assad`, `ben-Ali`).
const NAME_PREFIXES: &[&str] = &[
    "al", "el", "ad", "ag", "an", "ar", "as", "ash", "at", "az", "ed", "ud", "ul", "bin", "ben",
    "ibn", "abu", "bou", "ould",
];

/// `al-Moualem`: a listed particle, a hyphen, then an uppercase letter.
fn particle_name(text: &str) -> bool {
    text.split_once('-').is_some_and(|(p, rest)| {
        NAME_PREFIXES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

impl Unit {
    fn new(text: &str, span: Span, first_word: Option<&'static str>) -> Unit {
        let has_letters = text.chars().any(char::is_alphabetic);
        let key = fold(text);
        // For ASCII text the two forms differ only by a grave accent written as an apostrophe.
        let lower = if text.is_ascii() && !text.contains('`') {
            key.clone()
        } else {
            lower(text)
        };
        Unit {
            key,
            lower,
            span,
            cap: text.chars().next().is_some_and(char::is_uppercase),
            upper: has_letters && !text.chars().any(char::is_lowercase),
            particle_name: particle_name(text),
            first_word,
        }
    }

    /// The preposition this unit is or starts with (`au` → `à`), lowercase.
    pub fn prep_form(&self) -> &str {
        self.first_word.unwrap_or(&self.lower)
    }

    pub fn is_punct(&self) -> bool {
        !self.key.chars().any(char::is_alphanumeric)
    }

    /// Punctuation that ends a clause for the coder's windows (`;` `:` and sentence ends).
    pub fn is_hard_break(&self) -> bool {
        matches!(self.key.as_str(), ";" | ":" | "." | "!" | "?" | "…" | "...")
    }
}

/// The units of one sentence. Never panics: spans outside the text are skipped.
pub(crate) fn sentence_units(doc: &Doc, sent: &Sentence) -> Vec<Unit> {
    let text = doc.text.as_str();
    let mut out: Vec<Unit> = Vec::new();
    let end_tok = (sent.end_token as usize).min(doc.tokens.len());
    let start_tok = (sent.first_token as usize).min(end_tok);
    for token in &doc.tokens[start_tok..end_tok] {
        let Some(tok_text) = text.get(token.span.range()) else {
            continue;
        };
        let first = token.first_word as usize;
        let words = doc
            .words
            .get(first..first.saturating_add(token.n_words as usize))
            .unwrap_or(&[]);
        let is_contraction = words.len() >= 2 && words.iter().any(|w| w.norm.is_some());
        if is_contraction {
            let first_word = words.first().and_then(|w| w.norm).map(|n| match n {
                "De" | "DE" => "de",
                "À" => "à",
                other => other,
            });
            out.push(Unit::new(tok_text, token.span, first_word));
        } else if words.len() >= 2 {
            for w in words {
                if let Some(t) = text.get(w.span.range())
                    && !t.is_empty()
                    && token.span.contains(w.span)
                {
                    push_split(&mut out, t, w.span);
                }
            }
        } else if !tok_text.is_empty() {
            push_split(&mut out, tok_text, token.span);
        }
    }
    merge_hyphens(out)
}

/// Pushes a word, splitting a glued French elision off it (`d'Ivoire`).
fn push_split(out: &mut Vec<Unit>, t: &str, span: Span) {
    if let Some(cut) = split_elision(t) {
        let mid = span.start as usize + cut;
        out.push(Unit::new(
            &t[..cut],
            Span::new(span.start as usize, mid),
            None,
        ));
        out.push(Unit::new(
            &t[cut..],
            Span::new(mid, span.end as usize),
            None,
        ));
    } else {
        out.push(Unit::new(t, span, None));
    }
}

/// `X` `-` `Y` written without spaces becomes one unit `X-Y`.
fn merge_hyphens(units: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(units.len());
    let mut it = units.into_iter().peekable();
    while let Some(u) = it.next() {
        let glued_hyphen = u.key == "-"
            && out
                .last()
                .is_some_and(|p| p.span.end == u.span.start && !p.is_punct())
            && it
                .peek()
                .is_some_and(|n| n.span.start == u.span.end && !n.is_punct());
        if glued_hyphen {
            if let (Some(prev), Some(next)) = (out.pop(), it.next()) {
                let span = prev.span.cover(next.span);
                let mut merged = Unit {
                    key: format!("{}-{}", prev.key, next.key),
                    lower: format!("{}-{}", prev.lower, next.lower),
                    span,
                    cap: prev.cap,
                    upper: prev.upper && next.upper,
                    particle_name: NAME_PREFIXES.contains(&prev.key.as_str()) && next.cap,
                    first_word: None,
                };
                if merged.key.is_empty() {
                    merged.key.push('-');
                }
                out.push(merged);
            }
            continue;
        }
        out.push(u);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use veille_core::Lang;

    fn units(text: &str, lang: Lang) -> Vec<(String, String)> {
        let mut doc = Doc::new(text.to_string(), Some(lang), None);
        veille_nlp::segment(&mut doc);
        let mut out = Vec::new();
        for s in &doc.sentences {
            for u in sentence_units(&doc, s) {
                out.push((u.key.clone(), doc.span_text(u.span).to_string()));
            }
        }
        out
    }

    #[test]
    fn folding() {
        assert_eq!(fold("États-Unis"), "etats-unis");
        assert_eq!(fold("d’État"), "d'etat");
        assert_eq!(fold("manœuvres"), "manoeuvres");
        assert_eq!(lower("À"), "à");
        // The ASCII shortcut folds the same way as the general path.
        assert_eq!(fold("Don`t ABC"), "don't abc");
        assert_eq!(lower("Don`t ABC"), "don`t abc");
        assert_eq!(lower("L’ONU"), "l'onu");
    }

    #[test]
    fn contractions_stay_whole_and_spans_slice_the_text() {
        let u = units("Il est arrivé aux États-Unis et au Maroc.", Lang::Fr);
        let keys: Vec<&str> = u.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "il",
                "est",
                "arrive",
                "aux",
                "etats-unis",
                "et",
                "au",
                "maroc",
                "."
            ]
        );
        assert_eq!(u[4].1, "États-Unis");
    }

    #[test]
    fn english_possessives_hyphens_and_elisions() {
        let u = units(
            "Mali's president visited Guinea-Bissau and Cote d'Ivoire.",
            Lang::En,
        );
        let keys: Vec<&str> = u.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "mali",
                "'s",
                "president",
                "visited",
                "guinea-bissau",
                "and",
                "cote",
                "d'",
                "ivoire",
                "."
            ]
        );
        assert_eq!(u[4].1, "Guinea-Bissau");
        assert_eq!(u[8].1, "Ivoire");
    }

    #[test]
    fn elision_split_rules() {
        assert_eq!(split_elision("d'Ivoire"), Some(2));
        assert_eq!(split_elision("N'Djamena"), Some(2));
        assert_eq!(split_elision("n't"), None);
        assert_eq!(split_elision("O'Brien"), None);
        assert_eq!(split_elision("'s"), None);
    }
}
