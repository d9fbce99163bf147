//! A light scanner of raw text into words, digit runs and punctuation, each with its byte range.
//!
//! Time expressions need less than a full tokenizer: letters and digits are split apart (so
//! "3jours", "1er", "15h30" and "2016H2" come out as separate tokens with no space between them),
//! every other non-space character is its own token, and words are case- and accent-folded
//! ("Août" → "aout") so that the grammar compares plain ASCII. The folded forms live in one
//! buffer per text, which keeps scanning to two allocations whatever the length of the text.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Byte range in the original text (always on char boundaries).
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// Range of the folded form in [`Scan::folded`].
    nstart: u32,
    nend: u32,
    /// Whitespace separates this token from the previous one (true for the first token).
    pub space: bool,
    /// The whitespace before this token holds a line break.
    pub nl: bool,
}

pub(crate) struct Scan<'a> {
    pub text: &'a str,
    folded: String,
    pub toks: Vec<Tok>,
}

/// Appends the folded form of a letter: lowercase, no diacritics, ligatures expanded.
fn fold_letter(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        match l {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ç' => out.push('c'),
            'ÿ' => out.push('y'),
            'ñ' => out.push('n'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            other => out.push(other),
        }
    }
}

/// Punctuation variants the grammar treats alike (typographic apostrophes and dashes).
fn fold_punct(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
            out.push('-')
        }
        other => out.push(other),
    }
}

/// Combining diacritics (text in decomposed form) stay inside the word they modify.
fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

impl<'a> Scan<'a> {
    pub fn new(text: &'a str) -> Scan<'a> {
        let bytes = text.as_bytes();
        let mut toks = Vec::with_capacity(text.len() / 5 + 1);
        let mut folded = String::with_capacity(text.len() + 8);
        let mut space = true;
        let mut nl = false;
        let mut b = 0;
        // Decodes the char at byte `i` (callers only ask on char boundaries).
        let char_at = |i: usize| text.get(i..).and_then(|r| r.chars().next());
        while b < bytes.len() {
            let c0 = bytes[b];
            // ASCII fast paths; anything else is decoded as a char.
            let (c, clen) = if c0 < 0x80 {
                (c0 as char, 1)
            } else {
                match char_at(b) {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            if c.is_whitespace() {
                space = true;
                nl |= c == '\n';
                b += clen;
                continue;
            }
            let start = b;
            let nstart = folded.len();
            let kind = if c0.is_ascii_digit() {
                let mut e = b + 1;
                while e < bytes.len() && bytes[e].is_ascii_digit() {
                    e += 1;
                }
                folded.push_str(&text[b..e]);
                b = e;
                Kind::Num
            } else if c.is_alphabetic() {
                fold_letter(c, &mut folded);
                b += clen;
                while b < bytes.len() {
                    let x = bytes[b];
                    if x < 0x80 {
                        if x.is_ascii_alphabetic() {
                            folded.push(x.to_ascii_lowercase() as char);
                            b += 1;
                            continue;
                        }
                        break;
                    }
                    let Some(c2) = char_at(b) else { break };
                    if c2.is_alphabetic() {
                        fold_letter(c2, &mut folded);
                    } else if !is_combining(c2) {
                        break;
                    }
                    b += c2.len_utf8();
                }
                Kind::Word
            } else {
                fold_punct(c, &mut folded);
                b += clen;
                Kind::Punct
            };
            toks.push(Tok {
                start: start as u32,
                end: b as u32,
                kind,
                nstart: nstart as u32,
                nend: folded.len() as u32,
                space,
                nl,
            });
            space = false;
            nl = false;
        }
        Scan { text, folded, toks }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The folded form of token `i`, or "" past the end.
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => self
                .folded
                .get(t.nstart as usize..t.nend as usize)
                .unwrap_or(""),
            None => "",
        }
    }

    /// The original text of token `i`, or "" past the end.
    #[inline]
    pub fn raw(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self
                .text
                .get(t.start as usize..t.end as usize)
                .unwrap_or(""),
            None => "",
        }
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Token `i` exists and touches the previous token (no whitespace between).
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    /// Value of a digit token of at most 9 digits.
    #[inline]
    pub fn num(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Num || t.nend - t.nstart > 9 {
            return None;
        }
        self.norm(i).parse().ok()
    }

    /// Number of digits of a digit token (0 for other tokens).
    #[inline]
    pub fn ndigits(&self, i: usize) -> usize {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Num => (t.nend - t.nstart) as usize,
            _ => 0,
        }
    }

    /// First character of the original token is uppercase.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Token `i` ends a sentence-like unit for context windows.
    pub fn is_boundary(&self, i: usize) -> bool {
        matches!(self.norm(i), "." | "!" | "?" | ";" | ":" | "«" | "»" | "\"")
            || self.toks.get(i).is_some_and(|t| t.nl)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_letters_digits_and_punct() {
        let s = Scan::new("Le 1er Août, à 15h30 – l’été");
        let norms: Vec<&str> = (0..s.len()).map(|i| s.norm(i)).collect();
        assert_eq!(
            norms,
            [
                "le", "1", "er", "aout", ",", "a", "15", "h", "30", "-", "l", "'", "ete"
            ]
        );
        assert_eq!(s.raw(3), "Août");
        assert!(s.glued(2));
        assert!(!s.glued(3));
        assert_eq!(s.num(6), Some(15));
    }

    #[test]
    fn decomposed_accents_stay_in_word() {
        let s = Scan::new("e\u{301}te\u{301} 2020");
        assert_eq!(s.norm(0), "ete");
        assert_eq!(s.raw(0), "e\u{301}te\u{301}");
        assert_eq!(s.norm(1), "2020");
    }
}
