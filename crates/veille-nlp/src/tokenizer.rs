//! Rule-based tokenizer for French and English, UD-compatible, with byte offsets.
//!
//! Two passes over the text:
//! 1. **Tokens**: the text is cut at whitespace into chunks, and each chunk is cut further at
//!    punctuation, French elisions (`l'`, `qu'`), hyphenated clitics (`-t-il`) and English
//!    hyphens, keeping abbreviations (`M.`, `U.S.`), numbers (`3,5`, French `10 000`), URLs and
//!    e-mail addresses whole.
//! 2. **Words**: each token becomes one or more syntactic words: French contractions (`du` →
//!    `de le`, `des` → `de les` when it is the contraction) and English clitics (`don't` →
//!    `do n't`) are multiword tokens, as in the UD treebanks.
//!
//! It works on bytes where the text is ASCII and decodes characters only where it is not, which
//! is what makes it fast (see `benches/tokenize.rs`).

use crate::lexicon::{self, contains};
use veille_core::{Doc, Lang, Span, Token, Word};

#[inline]
fn is_space_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}'
}

/// Length in bytes of the whitespace character at `i`, or 0 if there is none.
#[inline]
fn space_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return usize::from(matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C));
    }
    match text[i..].chars().next() {
        Some(c) if is_space_char(c) => c.len_utf8(),
        _ => 0,
    }
}

#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    s[i..].chars().next()
}

#[inline]
fn char_before(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

/// Punctuation cut off the start of a chunk.
#[inline]
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '«'
            | '‹'
            | '“'
            | '‘'
            | '„'
            | '"'
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '*'
            | '•'
            | '<'
            | '/'
            | '…'
    )
}

/// Punctuation cut off the end of a chunk (the period is decided separately).
#[inline]
fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '»'
            | '›'
            | '”'
            | '“'
            | '"'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '*'
            | '>'
            | '—'
            | '–'
            | '/'
    )
}

fn is_closer_or_dot(c: char) -> bool {
    c == '.' || is_closer(c)
}

/// Punctuation that splits a chunk wherever it occurs (with exceptions for digits).
#[inline]
fn is_inner_split(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '«'
            | '»'
            | '“'
            | '”'
            | '"'
            | ';'
            | '!'
            | '?'
            | '…'
            | '—'
            | '–'
            | '/'
            | '%'
            | '€'
            | '$'
            | '£'
            | '+'
            | '='
            | '*'
            | '<'
            | '>'
            | '|'
            | '&'
            | '‘'
            | '•'
    )
}

/// Emoticons, kept whole (web text is full of them).
const EMOTICONS: &[&str] = &[
    ":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":'(", "^_^", ":)", ":(", ":D", ":P", ":p", ";)",
    "(:", "):", "^^", "=)", "<3", ":/", "XD",
];

/// `char::is_alphabetic` with a fast path for ASCII and Latin-1 letters (French accents),
/// which would otherwise go through the Unicode tables on every accented character.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{c0}'..='\u{ff}' => c != '×' && c != '÷',
        _ if c.is_ascii() => false,
        _ => c.is_alphabetic(),
    }
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// "01-Feb-02", "7-Jan-2001": one token.
fn is_dmy_date(s: &str) -> bool {
    let mut parts = s.split('-');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    (1..=2).contains(&d.len())
        && d.bytes().all(|b| b.is_ascii_digit())
        && m.len() == 3
        && m.bytes().all(|b| b.is_ascii_alphabetic())
        && (y.len() == 2 || y.len() == 4)
        && y.bytes().all(|b| b.is_ascii_digit())
}

fn looks_like_url(s: &str) -> bool {
    // Addresses contain ':' or '@' or start with "www."; most words have none of these.
    if !s.bytes().any(|b| b == b':' || b == b'@')
        && !matches!(s.as_bytes().first(), Some(b'w' | b'W'))
    {
        return false;
    }
    let lower_starts =
        |p: &str| s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if s.contains("://") || lower_starts("www.") || lower_starts("mailto:") {
        return true;
    }
    // e-mail: local@domain.tld
    if let Some(at) = s.find('@') {
        let (local, domain) = (&s[..at], &s[at + 1..]);
        return !local.is_empty()
            && domain.contains('.')
            && domain
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    }
    false
}

/// Whether `core` followed by its final period is an abbreviation that keeps the period.
fn is_abbreviation(lang: Option<Lang>, with_dot: &str) -> bool {
    let stem = &with_dot[..with_dot.len() - 1];
    if stem.is_empty() {
        return false;
    }
    let mut chars = stem.chars();
    let first = chars.next().unwrap_or(' ');
    // Initials: "J." "É."
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    // Dotted acronyms and initials: "U.S." "e.g." "J.-C." "a.m."
    if stem.contains('.')
        && stem
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(|c| c.is_alphabetic() || c == '-'))
    {
        return true;
    }
    match lang {
        Some(Lang::Fr) => contains(lexicon::FR_ABBREVIATIONS, with_dot),
        Some(Lang::En) => contains(lexicon::EN_ABBREVIATIONS, with_dot),
        None => {
            contains(lexicon::FR_ABBREVIATIONS, with_dot)
                || contains(lexicon::EN_ABBREVIATIONS, with_dot)
        }
    }
}

struct Cutter<'a> {
    text: &'a str,
    lang: Option<Lang>,
    out: Vec<Token>,
}

impl<'a> Cutter<'a> {
    #[inline]
    fn push(&mut self, start: usize, end: usize) {
        if start < end {
            self.out.push(Token {
                span: Span::new(start, end),
                first_word: 0,
                n_words: 1,
                space_after: false,
            });
        }
    }

    /// French numbers grouped by spaces ("10 000", "1 500 000,50"): one token, as in UD French.
    /// Returns the end of the number when `start..end` opens one.
    fn grouped_number_end(&self, start: usize, end: usize) -> Option<usize> {
        let b = self.text.as_bytes();
        let first = &b[start..end];
        let lead = first.iter().take_while(|c| c.is_ascii_digit()).count();
        if lead == 0 || lead > 3 || (lead < first.len() && !matches!(first[lead], b',' | b'.')) {
            // Only a 1–3 digit group (possibly followed by punctuation) can start a grouping.
            if lead == 0 || lead > 3 || first[lead..].iter().any(|c| c.is_ascii_digit()) {
                return None;
            }
        }
        let mut pos = start + lead;
        let mut grouped = false;
        loop {
            let sp = space_len(self.text, pos.min(b.len().saturating_sub(1)));
            if pos >= b.len() || sp == 0 || self.text.as_bytes()[pos] == b'\n' {
                break;
            }
            let g = pos + sp;
            if g + 3 <= b.len()
                && b[g..g + 3].iter().all(u8::is_ascii_digit)
                && (g + 3 == b.len() || !b[g + 3].is_ascii_digit())
            {
                pos = g + 3;
                grouped = true;
            } else {
                break;
            }
        }
        if !grouped {
            return None;
        }
        // Decimals after the last group: "1 000,50".
        if pos + 1 < b.len() && b[pos] == b',' && b[pos + 1].is_ascii_digit() {
            pos += 1;
            while pos < b.len() && b[pos].is_ascii_digit() {
                pos += 1;
            }
        }
        Some(pos)
    }

    /// Cuts one whitespace-free chunk `start..end` into tokens.
    fn chunk(&mut self, start: usize, end: usize) {
        let s = &self.text[start..end];
        // Emoticons are one token, alone or glued to the end of a word ("nice:)").
        // Every emoticon ends in one of these bytes: a cheap test before the list.
        let emoticon_end = matches!(
            s.as_bytes().last(),
            Some(b')' | b'(' | b'D' | b'P' | b'p' | b'^' | b':' | b'3' | b'/')
        );
        if let Some(e) = EMOTICONS.iter().find(|e| emoticon_end && s.ends_with(**e)) {
            if s.len() > e.len() {
                let cut = end - e.len();
                let before = char_before(self.text, cut).unwrap_or(' ');
                if before.is_alphanumeric() || before == '.' || before == '!' {
                    self.chunk(start, cut);
                    self.push(cut, end);
                    return;
                }
            } else {
                self.push(start, end);
                return;
            }
        }
        // An address in angle brackets glued to the name before it, as e-mail headers write
        // it (`"Ian"<ian@example.com>`): the name, then the bracketed address.
        if let Some(p) = s.get(1..).and_then(|r| r.find('<')).map(|p| p + 1)
            && looks_like_url(&s[p + 1..])
        {
            self.chunk(start, start + p);
            self.chunk(start + p, end);
            return;
        }
        if s.len() > 4 && looks_like_url(s) {
            // Leading openers and trailing punctuation are not part of the address.
            let lead = s.len() - s.trim_start_matches(['(', '<', '«', '"', '“', '[']).len();
            let core = s[lead..].trim_end_matches(|c: char| {
                matches!(
                    c,
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '>' | '»' | '"' | '”' | '\''
                )
            });
            for (i, c) in s[..lead].char_indices() {
                self.push(start + i, start + i + c.len_utf8());
            }
            let core_end = start + lead + core.len();
            self.push(start + lead, core_end);
            self.trailing(core_end, end);
            return;
        }

        if let Some(cut) = glue_cut(s) {
            self.chunk(start, start + cut);
            self.chunk(start + cut, end);
            return;
        }

        // Leading punctuation.
        let mut a = start;
        while a < end {
            let Some(c) = char_at(self.text, a) else {
                break;
            };
            let next = a + c.len_utf8();
            let is_lead = is_opener(c)
                || (is_apostrophe(c) && next < end && !self.is_en_clitic_rest(next, end))
                || (c == '-' && next < end && {
                    // "-il" alone is a clitic token; "-5" a number; "--" a dash; "-Le" a bullet.
                    let n = char_at(self.text, next).unwrap_or(' ');
                    !(n.is_ascii_digit()
                        || (self.lang == Some(Lang::Fr)
                            && contains(
                                lexicon::FR_HYPHEN_CLITICS,
                                self.text[next..end].trim_end_matches(is_closer_or_dot),
                            )))
                });
            if !is_lead {
                break;
            }
            // A run of dashes or periods is one token ("--", "...").
            let mut run_end = next;
            if matches!(c, '-' | '.' | '—' | '–' | '*' | '<') {
                while run_end < end && self.text[run_end..].starts_with(c) {
                    run_end += c.len_utf8();
                }
            }
            self.push(a, run_end);
            a = run_end;
        }
        if a >= end {
            return;
        }

        // Trailing punctuation, peeled from the right.
        let mut b = end;
        let mut trailing_start = end;
        while b > a {
            let Some(c) = char_before(self.text, b) else {
                break;
            };
            let prev = b - c.len_utf8();
            if c == '.' {
                // An ellipsis "..." is one token.
                let mut dots = prev;
                while dots > a && matches!(self.text.as_bytes()[dots - 1], b'.' | b'!' | b'?') {
                    dots -= 1;
                }
                if b - dots >= 2 {
                    b = dots;
                    trailing_start = b;
                    continue;
                }
                if prev > a && is_abbreviation(self.lang, &self.text[a..b]) {
                    break;
                }
                b = prev;
                trailing_start = b;
                continue;
            }
            if c == ')' && prev > a + 2 && {
                // "traité(e)", "NUMERO(S)": the bracket belongs to the word.
                let open = self.text[a..prev].rfind('(').map(|o| a + o);
                open.is_some_and(|o| b - o <= 4 && self.is_paren_suffix(o, b))
            } {
                break;
            }
            if is_closer(c) || (c == '-' && prev > a) {
                // Keep ":" inside "12:30" only; at the end it is punctuation.
                b = prev;
                trailing_start = b;
                continue;
            }
            if is_apostrophe(c) && prev > a {
                // French elided word at the end of a chunk ("jusqu'") keeps its apostrophe.
                let stem = self.text[a..prev].to_lowercase();
                if self.lang == Some(Lang::Fr) && contains(lexicon::FR_ELISIONS, &stem) {
                    break;
                }
                b = prev;
                trailing_start = b;
                continue;
            }
            break;
        }
        if a < b {
            self.core(a, b);
        }
        self.trailing(trailing_start, end);
    }

    /// Emits trailing punctuation `start..end` one token per character, runs of dots together.
    fn trailing(&mut self, start: usize, end: usize) {
        let mut i = start;
        while i < end {
            let Some(c) = char_at(self.text, i) else {
                break;
            };
            let mut j = i + c.len_utf8();
            if matches!(c, '.' | '!' | '?') {
                // "?!", ".?", "!!!" are one token.
                while j < end && matches!(self.text.as_bytes()[j], b'.' | b'!' | b'?') {
                    j += 1;
                }
            } else if matches!(c, '-' | '—' | '–' | '*' | '>') {
                while j < end && self.text[j..].starts_with(c) {
                    j += c.len_utf8();
                }
            }
            self.push(i, j);
            i = j;
        }
    }

    fn is_en_clitic_rest(&self, from: usize, end: usize) -> bool {
        let rest = self.text[from..end].to_ascii_lowercase();
        matches!(
            rest.trim_end_matches(['.', ',', '!', '?', ';', ':']),
            "s" | "m" | "re" | "ve" | "ll" | "d" | "em" | "n" | "til" | "cause"
        ) || rest.starts_with(|c: char| c.is_ascii_digit())
    }

    /// Cuts the inside of a chunk: elisions, inner punctuation, hyphens and clitics.
    fn core(&mut self, mut a: usize, b: usize) {
        let fr = self.lang == Some(Lang::Fr);
        // Slashed abbreviations of web English are one token in UD English ("b/c", "w/o").
        if !fr && matches!(b - a, 3) && {
            let w = &self.text.as_bytes()[a..b];
            w.eq_ignore_ascii_case(b"b/c") || w.eq_ignore_ascii_case(b"w/o")
        } {
            self.push(a, b);
            return;
        }
        // French elisions: l'État, qu'il, d'Afrique, jusqu'à.
        // Only chunks with an apostrophe near their start can hold an elision (' or ’, whose
        // UTF-8 starts with 0xE2).
        if fr
            && self.text.as_bytes()[a..b]
                .iter()
                .take(24)
                .any(|&x| x == b'\'' || x == 0xE2)
        {
            'elide: loop {
                let s = &self.text[a..b];
                for (i, c) in s.char_indices().take(9) {
                    if is_apostrophe(c) {
                        let stem = &s[..i];
                        let after = i + c.len_utf8();
                        if after < s.len()
                            && stem.len() <= 7
                            && contains(lexicon::FR_ELISIONS, &stem.to_lowercase())
                            // UD French keeps "l'on" whole.
                            && !(stem.eq_ignore_ascii_case("l") && s[after..].eq_ignore_ascii_case("on"))
                        {
                            self.push(a, a + after);
                            a += after;
                            continue 'elide;
                        }
                        break 'elide;
                    }
                    if !is_letter(c) {
                        break 'elide;
                    }
                }
                break;
            }
        }

        // Inner split points.
        let mut seg = a;
        let mut i = a;
        let bytes = self.text.as_bytes();
        while i < b {
            let byte = bytes[i];
            // Fast path: ASCII letters and digits never split, except a letter right after a
            // digit: the "h" of French "12h30", an English unit ("40mins", "5pm").
            if byte.is_ascii_digit()
                || (byte.is_ascii_alphabetic()
                    && !(i > a && bytes[i - 1].is_ascii_digit() && (!fr || (byte | 0x20) == b'h')))
            {
                i += 1;
                continue;
            }
            let (c, len) = if byte < 0x80 {
                (byte as char, 1)
            } else {
                let c = char_at(self.text, i).unwrap_or(' ');
                (c, c.len_utf8())
            };
            let prev_digit = i > a && bytes[i - 1].is_ascii_digit();
            let next_digit = i + len < b && bytes[i + len].is_ascii_digit();
            let split = if c == '.' {
                // An inner ellipsis: "slides....they".
                i + 1 < b && bytes[i + 1] == b'.'
            } else if c == '#' {
                !fr && next_digit
            } else if is_inner_split(c) {
                // "3/4" stays whole, "et/ou" and "USD/DM" split; "traité(e)", "pays(s)" stay.
                !((c == '/' && i > a && i + 1 < b && {
                    let p = char_before(self.text, i).unwrap_or(' ');
                    let n = char_at(self.text, i + 1).unwrap_or(' ');
                    (p.is_alphanumeric() && n.is_alphanumeric()) && prev_digit && next_digit
                }) || (c == '(' && self.is_paren_suffix(i, b))
                    || (c == ')'
                        && i > a + 1
                        && self
                            .text
                            .as_bytes()
                            .get(i.wrapping_sub(2))
                            .is_some_and(|&x| x == b'(')
                        && self.is_paren_suffix(i - 2, b))
                    || (c == ')'
                        && i > a + 2
                        && self
                            .text
                            .as_bytes()
                            .get(i.wrapping_sub(3))
                            .is_some_and(|&x| x == b'(')
                        && self.is_paren_suffix(i - 3, b)))
            } else if c == ',' || c == ':' {
                !(prev_digit && next_digit)
            } else if c == '-' {
                // "--" always splits; English splits other hyphens too, except inside
                // numbers ("212-555-0100"), dates ("01-Feb-02") and after prefixes ("non-stop").
                let english_split = !fr
                    && i > seg
                    && (!(prev_digit && next_digit) || is_number_range(&self.text[seg..b]));
                (i + 1 < b && bytes[i + 1] == b'-')
                    || (english_split
                        && !is_dmy_date(&self.text[seg..b])
                        && self.en_hyphen_splits(seg, i, b))
            } else if c == '°' {
                prev_digit
            } else if !fr && byte.is_ascii_alphabetic() {
                // A number and the unit written against it are two words in UD English
                // ("398,487MMBTU", "40mins", "5pm", "81K"); ordinals and decades are one
                // ("2nd", "1990s"), and so are codes that mix letters and digits ("EB3801a",
                // "mp3s"). The unit is cut off, not emitted as a punctuation token.
                let unit = &self.text[i..b];
                if unit.bytes().all(|x| x.is_ascii_alphabetic())
                    && !matches!(
                        unit.to_ascii_lowercase().as_str(),
                        "st" | "nd" | "rd" | "th" | "s" | "d"
                    )
                    && self.text[seg..i]
                        .bytes()
                        .all(|x| x.is_ascii_digit() || x == b',' || x == b'.')
                {
                    self.word_segment(seg, i);
                    seg = i;
                }
                i += 1;
                continue;
            } else if fr && (c == 'h' || c == 'H') && prev_digit {
                // French clock times: "12h30" → 12 h 30, as UD French writes them.
                i + 1 == b || next_digit
            } else {
                false
            };
            if split {
                self.word_segment(seg, i);
                // Runs of the same punctuation are one token ("!!", "--").
                let mut j = i + len;
                while j < b && self.text[j..].starts_with(c) && c != '%' {
                    j += len;
                }
                self.push(i, j);
                seg = j;
                i = j;
            } else {
                i += len;
            }
        }
        self.word_segment(seg, b);
    }

    /// "(s)", "(e)", "(es)" glued to a word: a gender or number mark, not a parenthesis.
    fn is_paren_suffix(&self, open: usize, b: usize) -> bool {
        let bytes = self.text.as_bytes();
        if open == 0 || !char_before(self.text, open).is_some_and(char::is_alphabetic) {
            return false;
        }
        let inner: usize = bytes[open + 1..b]
            .iter()
            .take_while(|x| x.is_ascii_alphabetic())
            .count();
        (1..=2).contains(&inner) && bytes.get(open + 1 + inner) == Some(&b')')
    }

    /// Whether an English hyphen at `i` in the word starting at `seg` splits ("well-known"
    /// does, "non-stop" does not).
    fn en_hyphen_splits(&self, seg: usize, i: usize, b: usize) -> bool {
        if i + 1 >= b {
            return true;
        }
        let left = self.text[seg..i].to_ascii_lowercase();
        !contains(lexicon::EN_HYPHEN_PREFIXES, &left)
    }

    /// Emits a punctuation-free segment, splitting French hyphenated clitics off a verb.
    fn word_segment(&mut self, a: usize, b: usize) {
        if a >= b {
            return;
        }
        if self.lang == Some(Lang::Fr) {
            let s = &self.text[a..b];
            if s.contains('-') && !contains(lexicon::FR_HYPHEN_WORDS, &s.to_lowercase()) {
                // Peel clitics from the right: "donne-le-moi" → donne -le -moi; "-t-il" whole.
                let mut cuts: Vec<usize> = Vec::new();
                let mut end = s.len();
                while let Some(h) = s[..end].rfind('-') {
                    let part = s[h + 1..end].to_lowercase();
                    if h == 0 || !contains(lexicon::FR_HYPHEN_CLITICS, &part) || part == "t" {
                        break;
                    }
                    // "-t-il": keep the euphonic t with the pronoun.
                    let mut cut = h;
                    if s[..h].to_lowercase().ends_with("-t") && h >= 2 {
                        cut = h - 2;
                    }
                    // Only a verb-like left part takes clitics: lowercase letters.
                    let left = &s[..cut];
                    if left.is_empty()
                        || !left.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
                        || !left.chars().next().is_some_and(char::is_alphabetic)
                    {
                        break;
                    }
                    cuts.push(cut);
                    end = cut;
                }
                if !cuts.is_empty() {
                    let mut start = a;
                    for &cut in cuts.iter().rev() {
                        self.push(start, a + cut);
                        start = a + cut;
                    }
                    self.push(start, b);
                    return;
                }
            }
        }
        self.push(a, b);
    }
}

/// End of the whitespace-free run starting at `i`.
#[inline]
fn chunk_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < bytes.len() {
        let b = bytes[j];
        if b < 0x80 {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
                break;
            }
            j += 1;
        } else {
            if space_len(text, j) > 0 {
                break;
            }
            j += text[j..].chars().next().map_or(1, char::len_utf8);
        }
    }
    j
}

/// Cuts `text` into tokens (without words), appending to `out`.
pub fn tokens_of(text: &str, lang: Option<Lang>, out: &mut Vec<Token>) {
    let mut c = Cutter {
        text,
        lang,
        out: std::mem::take(out),
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let sp = space_len(text, i);
        if sp > 0 {
            if let Some(last) = c.out.last_mut()
                && last.span.end as usize == i
            {
                last.space_after = true;
            }
            i += sp;
            continue;
        }
        if lang == Some(Lang::Fr) {
            // A grouped number ("10 000"), possibly after an opening bracket or quote.
            let mut k = i;
            while k < bytes.len() && matches!(bytes[k], b'(' | b'[' | b'"' | b'-') {
                k += 1;
            }
            if k < bytes.len() && bytes[k].is_ascii_digit() {
                let j = chunk_end(text, k);
                if let Some(num_end) = c.grouped_number_end(k, j) {
                    for p in i..k {
                        c.push(p, p + 1);
                    }
                    c.push(k, num_end);
                    i = num_end;
                    continue;
                }
            }
        }
        let j = chunk_end(text, i);
        c.chunk(i, j);
        i = j;
    }
    *out = c.out;
}

/// Function words that OCR or careless extraction glues to the name after them ("deSerbie",
/// "laMéditerranée", "ofEngland"). A closed list, so that names written in camel case
/// ("iPhone", "easyJet", "DeSantis", "BlackRock") stay whole.
const GLUED_FUNCTION_WORDS: lexicon::WordSet = lexicon::WordSet::new(&[
    "au", "aux", "avec", "car", "ce", "cette", "dans", "de", "des", "du", "en", "et", "la", "le",
    "les", "par", "pour", "que", "qui", "sa", "ses", "son", "sur", "une", "and", "at", "by", "for",
    "from", "in", "of", "on", "the", "to", "with",
]);

/// Capitalised words that start a sentence and are never the end of a name, for text whose
/// line breaks were lost ("…Pierre-VaastLe ministère", "PhrygieNous l'avons").
const GLUED_SENTENCE_STARTS: lexicon::WordSet = lexicon::WordSet::new(&[
    "Ce", "Cette", "Dans", "Elle", "Elles", "Il", "Ils", "La", "Le", "Les", "Mais", "Nous", "On",
    "Un", "Une", "Vous", "He", "She", "The", "They", "We",
]);

/// Where a whitespace-free chunk holds two words run together, as in OCR'd or badly
/// extracted text, the byte offset at which the second begins:
/// - after a period between words: "Paris.Dépôts", "Dachau.La", "M.Poincaré" (the left part,
///   period included, is then cut as usual, so "M." stays a title);
/// - after a function word glued to a capitalised word: "deSerbie";
/// - before a sentence-initial word glued to the previous one: "Pierre-VaastLe";
/// - before a title glued to the word before it: "sûreM. Chéron";
/// - after a number glued to a capitalised word: "501.400Arménie".
///
/// The right part must be a capital followed by a lowercase letter, so acronyms, initials
/// ("U.S.A."), decimal numbers and camel-case brands stay whole.
fn glue_cut(s: &str) -> Option<usize> {
    // Every cut is at a capital that is not the chunk's first character. Most chunks have
    // none, and this test spares them the character vector below (it was a fifth of
    // tokenizing time, in the allocator).
    if !s.chars().skip(1).any(char::is_uppercase) || s.contains(['/', '@']) {
        return None;
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let letters_before = |k: usize| {
        chars[..k]
            .iter()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .count()
    };
    let word_at = |k: usize| -> &str {
        let from = chars[k].0;
        let to = chars[k..]
            .iter()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(s.len(), |(i, _)| *i);
        &s[from..to]
    };
    for k in 1..chars.len().saturating_sub(1) {
        let (at, c) = chars[k];
        let prev = chars[k - 1].1;
        let next = chars[k + 1].1;
        if !c.is_uppercase() {
            continue;
        }
        let starts_word = next.is_lowercase() || matches!(next, '\'' | '’');
        let title = matches!(word_at(k), "M" | "MM" | "Mme" | "Mlle") && {
            let w = word_at(k);
            w != "M" && w != "MM" || s[at + w.len()..].starts_with('.')
        };
        // A word in capitals ("…Prométhée.FRANÇAIS", "Arthur DÉJAZET" run together).
        let caps = {
            let w = word_at(k);
            w.chars().count() >= 3 && w.chars().all(char::is_uppercase)
        };
        if !(starts_word || title || caps) {
            continue;
        }
        let n = letters_before(k);
        let left = &s[chars[k - n].0..at];
        let cut = if prev == '.' && k >= 2 && chars[k - 2].1.is_alphabetic() {
            // "Paris.Dépôts": the left word has two letters or more, or is a capital
            // ("M.Poincaré"); not a lowercase initial ("e.Coli").
            let m = letters_before(k - 1);
            let w = &s[chars[k - 1 - m].0..chars[k - 1].0];
            let right = word_at(k).to_lowercase();
            // "Newsfeeds.Com": a domain name.
            let tld = matches!(
                right.as_str(),
                "com" | "net" | "org" | "edu" | "gov" | "info" | "biz" | "fr" | "uk" | "de"
            );
            let elided = matches!(next, '\'' | '’');
            (m >= 2 || w.chars().all(char::is_uppercase))
                && (right.chars().count() >= 2 || elided)
                && !tld
        } else if prev.is_lowercase() {
            n >= 2
                && (left.chars().all(char::is_lowercase)
                    && contains(GLUED_FUNCTION_WORDS, left)
                    && word_at(k).chars().count() >= 3
                    || n >= 3 && contains(GLUED_SENTENCE_STARTS, word_at(k))
                    || n >= 3 && left.chars().all(char::is_lowercase) && title
                    || n >= 3 && caps)
        } else if prev.is_ascii_digit() {
            word_at(k).chars().count() >= 3 && starts_word && !caps
        } else {
            false
        };
        if cut {
            return Some(at);
        }
    }
    None
}

fn cased(
    token: &str,
    lower: &'static str,
    title: &'static str,
    upper: &'static str,
) -> &'static str {
    let mut chars = token.chars();
    match chars.next() {
        Some(f) if f.is_uppercase() => {
            if chars.next().is_some_and(char::is_uppercase) {
                upper
            } else {
                title
            }
        }
        _ => lower,
    }
}

/// "5-3", "1969-1970", "40-100": two numbers and one hyphen, which UD English splits, unlike
/// a telephone number or a ZIP+4 code ("345-9945", "77042-2016": three or five digits, then
/// four), which stay whole as in UD English EWT.
fn is_number_range(word: &str) -> bool {
    let Some((l, r)) = word.split_once('-') else {
        return false;
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    digits(l) && digits(r) && !(r.len() == 4 && matches!(l.len(), 3 | 5))
}

/// The words before a French "des"/"du", for telling the article from the contraction.
#[derive(Clone, Copy, Default)]
struct DesContext<'a> {
    prev: Option<&'a str>,
    prev2: Option<&'a str>,
}

const FR_AUXILIARIES: lexicon::WordSet = lexicon::WordSet::new(&[
    "a", "ai", "as", "avait", "avaient", "avons", "avez", "ont", "aura", "auront", "aurait", "eu",
    "été", "est", "sont", "était", "étaient", "fut", "furent",
]);

/// Whether French "des"/"du" in `cx` is the (indefinite or partitive) article rather than
/// the contraction of "de": after prepositions, verbs, punctuation and at the start.
fn is_article_context(cx: DesContext) -> bool {
    let Some(p) = cx.prev else { return true };
    if p == "%" {
        // "30 % des émissions": a share of something.
        return false;
    }
    let p = p.to_lowercase();
    // A participle after an auxiliary is a verb: "a empêché des ministres".
    let after_aux = cx
        .prev2
        .is_some_and(|p2| contains(FR_AUXILIARIES, &p2.to_lowercase()));
    contains(lexicon::FR_DES_ARTICLE_AFTER, &p)
        || !p.chars().next().is_some_and(char::is_alphanumeric)
        || p.ends_with("er")
        || p.ends_with("ir")
        || p.ends_with("ant")
        || p.ends_with("ez")
        || (after_aux
            && (p.ends_with('é')
                || p.ends_with('i')
                || p.ends_with('u')
                || p.ends_with("is")
                || p.ends_with("it")))
}

fn is_partitive_context(cx: DesContext) -> bool {
    let Some(p) = cx.prev else { return false };
    let p = p.to_lowercase();
    matches!(
        p.as_str(),
        "faire" | "fais" | "fait" | "font" | "boire" | "manger" | "avoir"
    ) || (p.chars().count() > 5
        && (p.ends_with("er") || p.ends_with("ir"))
        && !p.ends_with("ier")
        && !p.ends_with("eur"))
}

/// The rules' answer for a French "des"/"du" `token` after `prev2 prev`: is it the
/// contraction of "de"? (The trained model reads it as a feature.)
pub fn des_rule_split(token: &str, prev: Option<&str>, prev2: Option<&str>) -> bool {
    fr_expansion(token, DesContext { prev, prev2 }).is_some()
}

/// The shipped "des"/"du" model (`models/des-fr.bin`), parsed on first use; `None` if it does
/// not parse (an edited build), and the rules decide alone.
fn des_model() -> Option<&'static crate::desmodel::DesModel> {
    static M: std::sync::OnceLock<Option<crate::desmodel::DesModel>> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        crate::desmodel::DesModel::from_bytes(include_bytes!("../models/des-fr.bin")).ok()
    })
    .as_ref()
}

/// French multiword tokens: the expansions of a contraction, as UD French writes them.
fn fr_expansion(token: &str, cx: DesContext) -> Option<[&'static str; 2]> {
    // Every contraction is ASCII and starts with a/d: reject the rest without allocating.
    if !matches!(token.as_bytes()[0], b'a' | b'A' | b'd' | b'D') || !token.is_ascii() {
        return None;
    }
    const FORMS: [&str; 15] = [
        "du",
        "au",
        "aux",
        "des",
        "auquel",
        "auxquels",
        "auxquelles",
        "duquel",
        "desquels",
        "desquelles",
        "dudit",
        "desdits",
        "desdites",
        "auxdits",
        "auxdites",
    ];
    if !FORMS.iter().any(|f| f.eq_ignore_ascii_case(token)) {
        return None;
    }
    let lower = token.to_ascii_lowercase();
    let de = cased(token, "de", "De", "DE");
    let a = cased(token, "à", "À", "À");
    let up = token.chars().all(|c| !c.is_lowercase());
    let (le, les) = if up { ("LE", "LES") } else { ("le", "les") };
    Some(match lower.as_str() {
        // Partitive "du" after a verb: "procurer du travail", "faire du sport".
        "du" if is_partitive_context(cx) => return None,
        "du" => [de, le],
        "au" => [a, le],
        "aux" => [a, les],
        "des" if is_article_context(cx) => return None,
        "des" => [de, les],
        "auquel" => [a, "lequel"],
        "auxquels" => [a, "lesquels"],
        "auxquelles" => [a, "lesquelles"],
        "duquel" => [de, "lequel"],
        "desquels" => [de, "lesquels"],
        "desquelles" => [de, "lesquelles"],
        // Legal French: "de ladite", "audit" (also the noun "un audit") stay whole.
        "dudit" => [de, "ledit"],
        "desdits" => [de, "lesdits"],
        "desdites" => [de, "lesdites"],
        "auxdits" => [a, "lesdits"],
        "auxdites" => [a, "lesdites"],
        _ => return None,
    })
}

/// English clitics: where the host word ends and the clitic begins, in bytes of `token`.
fn en_split(token: &str) -> Option<(usize, Option<usize>)> {
    // Whole-word contractions without an apostrophe.
    fn special(l: &str) -> Option<usize> {
        let n = l.len();
        match l {
            "cannot" | "gonna" | "wanna" | "gotta" => Some(3),
            // "alot" is two words in UD English ("a lot").
            "alot" => Some(1),
            "dont" | "wont" => Some(2),
            "didnt" | "doesnt" | "isnt" | "wasnt" | "arent" | "cant" | "couldnt" | "wouldnt"
            | "shouldnt" | "havent" | "hasnt" => Some(n - 2),
            "im" | "ive" => Some(1),
            // "is"/"are" written without the apostrophe, split as UD English does ("thats"
            // → that|s); "its" stays whole, as it is mostly the possessive.
            "thats" | "whats" | "heres" => Some(4),
            "theres" => Some(5),
            "hes" => Some(2),
            "shes" => Some(3),
            "youre" => Some(3),
            "theyre" => Some(4),
            _ => None,
        }
    }
    let has_apostrophe = token.bytes().any(|b| b == b'\'' || b == 0x99);
    if !has_apostrophe {
        // The common case: lowercase on the stack, no allocation.
        // Every special form ends in t, a, m, e or s: most words stop here.
        if !(2..=8).contains(&token.len())
            || !matches!(
                token.as_bytes()[token.len() - 1] | 0x20,
                b't' | b'a' | b'm' | b'e' | b's'
            )
            || !token.is_ascii()
        {
            return None;
        }
        let mut buf = [0u8; 8];
        let b = &mut buf[..token.len()];
        b.copy_from_slice(token.as_bytes());
        b.make_ascii_lowercase();
        return special(std::str::from_utf8(b).ok()?).map(|k| (k, None));
    }
    let lower = token.to_ascii_lowercase();
    let l = lower.as_str();
    let apos = |suffix_len_ascii: usize| -> Option<usize> {
        // Position of the apostrophe, ASCII or typographic, `suffix_len_ascii` chars from the end.
        let t = token;
        let bytes = t.as_bytes();
        for alen in [1usize, 3] {
            let p = t.len().checked_sub(suffix_len_ascii + alen)?;
            if p == 0 || !t.is_char_boundary(p) {
                continue;
            }
            let ap = &t[p..p + alen];
            if (alen == 1 && bytes[p] == b'\'') || (alen == 3 && ap == "’") {
                return Some(p);
            }
        }
        None
    };
    // n't: the n belongs to the clitic ("do|n't", "ca|n't", "wo|n't").
    if l.ends_with("n't") || l.ends_with("n’t") {
        let ap = apos(1)?;
        if ap >= 2 {
            return Some((ap - 1, None));
        }
    }
    // Plurals of numbers written with an apostrophe stay whole ("the 80's", "AK47's"); an
    // acronym's "'s" is mostly the possessive ("the FBI's", 42 of 46 in UD English EWT train
    // and dev) and splits.
    if l.ends_with("'s") || l.ends_with("’s") {
        let host = &token[..token.len() - if l.ends_with("'s") { 2 } else { 4 }];
        if host.len() >= 2
            && host.chars().any(|c| c.is_ascii_digit())
            && host
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '/')
        {
            return None;
        }
    }
    for suf in ["s", "m", "d"] {
        if l.ends_with(suf)
            && let Some(p) = apos(1)
        {
            return Some((p, None));
        }
    }
    for suf in ["re", "ve", "ll"] {
        if l.ends_with(suf)
            && let Some(p) = apos(2)
        {
            return Some((p, None));
        }
    }
    None
}

/// Fills `doc.words` from `doc.tokens` (multiword tokens expanded).
pub fn words_of(doc: &mut Doc) {
    let text = doc.text.as_str();
    doc.words.clear();
    doc.words.reserve(doc.tokens.len() + doc.tokens.len() / 16);
    let lang = doc.lang;
    // The last French "des"/"du" and whether it was split, for the next one's decision.
    let mut last_des: Option<(usize, bool)> = None;
    for ti in 0..doc.tokens.len() {
        let t = doc.tokens[ti];
        let tok = t.span.text(text);
        let first = doc.words.len() as u32;
        let mut n = 1u8;
        match lang {
            Some(Lang::Fr) if tok.len() >= 2 && tok.len() <= 10 => {
                let at = |k: usize| ti.checked_sub(k).map(|p| doc.tokens[p].span.text(text));
                let cx = DesContext {
                    prev: at(1),
                    prev2: at(2),
                };
                let mut expansion = fr_expansion(tok, cx);
                // "des"/"du": the trained model decides, with the rules' answer as a feature.
                // A capitalised "Des" opens a sentence or a heading, where it is the article
                // (all 35 cases of the training treebanks: "Des milliers de…").
                if tok == "Des" {
                    expansion = None;
                    last_des = Some((ti, false));
                } else if (tok.eq_ignore_ascii_case("des") || tok.eq_ignore_ascii_case("du"))
                    && let Some(m) = des_model()
                {
                    let lo = ti.saturating_sub(2);
                    let hi = (ti + 3).min(doc.tokens.len());
                    let window: Vec<&str> =
                        (lo..hi).map(|k| doc.tokens[k].span.text(text)).collect();
                    let prev = crate::desmodel::previous(last_des, ti);
                    let split = m.is_contraction(&window, ti - lo, expansion.is_some(), prev);
                    last_des = Some((ti, split));
                    let de = cased(tok, "de", "De", "DE");
                    let up = tok.chars().all(|c| !c.is_lowercase());
                    let art = match (tok.len(), up) {
                        (3, true) => "LES",
                        (3, false) => "les",
                        (_, true) => "LE",
                        (_, false) => "le",
                    };
                    expansion = split.then_some([de, art]);
                }
                if let Some([w1, w2]) = expansion {
                    for norm in [w1, w2] {
                        doc.words.push(Word {
                            token: ti as u32,
                            span: t.span,
                            norm: Some(norm),
                        });
                    }
                    n = 2;
                }
            }
            Some(Lang::En) if tok.len() >= 2 => {
                if let Some((k, _)) = en_split(tok)
                    && k > 0
                    && k < tok.len()
                    && tok.is_char_boundary(k)
                {
                    let mid = t.span.start as usize + k;
                    doc.words.push(Word {
                        token: ti as u32,
                        span: Span::new(t.span.start as usize, mid),
                        norm: None,
                    });
                    doc.words.push(Word {
                        token: ti as u32,
                        span: Span::new(mid, t.span.end as usize),
                        norm: None,
                    });
                    n = 2;
                }
            }
            _ => {}
        }
        if n == 1 {
            doc.words.push(Word {
                token: ti as u32,
                span: t.span,
                norm: None,
            });
        }
        let tm = &mut doc.tokens[ti];
        tm.first_word = first;
        tm.n_words = n;
    }
}

/// Tokenizes `doc.text` into `doc.tokens` and `doc.words`, by `doc.lang`'s conventions.
pub fn tokenize(doc: &mut Doc) {
    doc.tokens.clear();
    let mut tokens = std::mem::take(&mut doc.tokens);
    tokens.reserve(doc.text.len() / 5);
    tokens_of(&doc.text, doc.lang, &mut tokens);
    doc.tokens = tokens;
    words_of(doc);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str, lang: Lang) -> Vec<String> {
        let mut d = Doc::new(text.to_string(), Some(lang), None);
        tokenize(&mut d);
        veille_core::validate_doc(&d, text).unwrap();
        d.tokens
            .iter()
            .map(|t| d.span_text(t.span).to_string())
            .collect()
    }

    fn words(text: &str, lang: Lang) -> Vec<String> {
        let mut d = Doc::new(text.to_string(), Some(lang), None);
        tokenize(&mut d);
        d.words
            .iter()
            .map(|w| w.form(&d.text).to_string())
            .collect()
    }

    #[test]
    fn english_units_leave_their_numbers() {
        assert_eq!(
            toks("by 398,487MMBTU at 5pm, 40mins for 300USD", Lang::En),
            [
                "by", "398,487", "MMBTU", "at", "5", "pm", ",", "40", "mins", "for", "300", "USD"
            ]
        );
        // Ordinals, decades and codes stay whole; French keeps "10km" as UD French does.
        assert_eq!(
            toks(
                "the 2nd and 3rd of the 1990s in EB3801a with mp3s",
                Lang::En
            ),
            [
                "the", "2nd", "and", "3rd", "of", "the", "1990s", "in", "EB3801a", "with", "mp3s"
            ]
        );
        assert_eq!(toks("sur 10km", Lang::Fr), ["sur", "10km"]);
    }

    #[test]
    fn words_run_together_are_cut_apart() {
        assert_eq!(
            toks(
                "selon M.Poincaré, sûreM. Durand vit à Paris.Les gens",
                Lang::Fr
            ),
            [
                "selon",
                "M.",
                "Poincaré",
                ",",
                "sûre",
                "M.",
                "Durand",
                "vit",
                "à",
                "Paris",
                ".",
                "Les",
                "gens"
            ]
        );
        assert_eq!(
            toks(
                "le royaume deSerbie, Pierre-VaastLe maire, 501.400Arménie",
                Lang::Fr
            ),
            [
                "le",
                "royaume",
                "de",
                "Serbie",
                ",",
                "Pierre-Vaast",
                "Le",
                "maire",
                ",",
                "501.400",
                "Arménie"
            ]
        );
        // Camel-case names, initials, domains and decimals stay whole.
        for w in [
            "iPhone",
            "easyJet",
            "BlackRock",
            "DeSantis",
            "McDonald",
            "e.Coli",
            "Newsfeeds.Com",
            "3,5",
        ] {
            assert_eq!(toks(w, Lang::En), [w], "{w}");
        }
        assert_eq!(toks("U.S.Army", Lang::En), ["U.S.", "Army"]);
    }

    #[test]
    fn french_elisions_and_punctuation() {
        assert_eq!(
            toks(
                "L'armée a pris d’assaut l'aéroport, jusqu'à midi.",
                Lang::Fr
            ),
            [
                "L'",
                "armée",
                "a",
                "pris",
                "d’",
                "assaut",
                "l'",
                "aéroport",
                ",",
                "jusqu'",
                "à",
                "midi",
                "."
            ]
        );
        assert_eq!(
            toks("aujourd'hui quelqu'un", Lang::Fr),
            ["aujourd'hui", "quelqu'un"]
        );
        assert_eq!(
            toks(
                "« Nous partons », a-t-il dit. Viens-tu ? Donne-le-moi !",
                Lang::Fr
            ),
            [
                "«", "Nous", "partons", "»", ",", "a", "-t-il", "dit", ".", "Viens", "-tu", "?",
                "Donne", "-le", "-moi", "!"
            ]
        );
        assert_eq!(
            toks("Jean-Pierre et Saint-Étienne", Lang::Fr),
            ["Jean-Pierre", "et", "Saint-Étienne"]
        );
    }

    #[test]
    fn french_numbers_and_abbreviations() {
        assert_eq!(
            toks(
                "M. Dupont a versé 10 000 dollars, soit 3,5 % de plus (J.-P. Durand).",
                Lang::Fr
            ),
            [
                "M.", "Dupont", "a", "versé", "10 000", "dollars", ",", "soit", "3,5", "%", "de",
                "plus", "(", "J.-P.", "Durand", ")", "."
            ]
        );
        assert_eq!(
            toks("En 2019, 25 pays", Lang::Fr),
            ["En", "2019", ",", "25", "pays"]
        );
        assert_eq!(
            toks("il y a 1 500 000,50 euros", Lang::Fr)[3],
            "1 500 000,50"
        );
        assert_eq!(
            toks("Mme Martin, 45 ans", Lang::Fr),
            ["Mme", "Martin", ",", "45", "ans"]
        );
    }

    #[test]
    fn french_contractions_are_multiword_tokens() {
        assert_eq!(
            words(
                "Le chef du gouvernement parle aux élus au nom des ministres.",
                Lang::Fr
            ),
            [
                "Le",
                "chef",
                "de",
                "le",
                "gouvernement",
                "parle",
                "à",
                "les",
                "élus",
                "à",
                "le",
                "nom",
                "de",
                "les",
                "ministres",
                "."
            ]
        );
        // Indefinite "des" stays one word.
        assert_eq!(
            words("Il a des amis avec des idées.", Lang::Fr),
            ["Il", "a", "des", "amis", "avec", "des", "idées", "."]
        );
        assert_eq!(words("Du pain", Lang::Fr), ["De", "le", "pain"]);
    }

    #[test]
    fn english_clitics_and_hyphens() {
        assert_eq!(
            words(
                "I don't think it's the U.S. Army's well-known non-stop plan.",
                Lang::En
            ),
            [
                "I", "do", "n't", "think", "it", "'s", "the", "U.S.", "Army", "'s", "well", "-",
                "known", "non-stop", "plan", "."
            ]
        );
        assert_eq!(
            toks("A 5-3 vote, call 345-9945.", Lang::En),
            ["A", "5", "-", "3", "vote", ",", "call", "345-9945", "."]
        );
        // An acronym's possessive splits, a number's plural does not; "thats" is "that s",
        // "its" stays the possessive.
        assert_eq!(
            words("The FBI's files from the 80's, thats its point.", Lang::En),
            [
                "The", "FBI", "'s", "files", "from", "the", "80's", ",", "that", "s", "its",
                "point", "."
            ]
        );
        assert_eq!(
            words("We can't, won't and cannot.", Lang::En),
            [
                "We", "ca", "n't", ",", "wo", "n't", "and", "can", "not", "."
            ]
        );
        assert_eq!(
            toks("Mr. Smith met Dr. Jones at 3 p.m. today.", Lang::En),
            [
                "Mr.", "Smith", "met", "Dr.", "Jones", "at", "3", "p.m.", "today", "."
            ]
        );
    }

    #[test]
    fn urls_emails_quotes() {
        assert_eq!(
            toks(
                "Voir https://example.org/a?b=1, ou écrire à info@example.fr.",
                Lang::Fr
            ),
            [
                "Voir",
                "https://example.org/a?b=1",
                ",",
                "ou",
                "écrire",
                "à",
                "info@example.fr",
                "."
            ]
        );
        assert_eq!(
            toks("He said \"no\"... then left!", Lang::En),
            ["He", "said", "\"", "no", "\"", "...", "then", "left", "!"]
        );
        assert_eq!(
            toks("“Yes” — he said", Lang::En),
            ["“", "Yes", "”", "—", "he", "said"]
        );
        // An e-mail header: the name in quotes, then the address in angle brackets.
        assert_eq!(
            toks("From: \"Ann Lee\"<ann.lee@example.com> Hi", Lang::En),
            [
                "From",
                ":",
                "\"",
                "Ann",
                "Lee",
                "\"",
                "<",
                "ann.lee@example.com",
                ">",
                "Hi"
            ]
        );
        // A lone "<" before an address, and an address alone, are unchanged.
        assert_eq!(
            toks("x<ann@example.com", Lang::En),
            ["x", "<", "ann@example.com"]
        );
        assert_eq!(toks("a<", Lang::En), ["a", "<"]);
    }

    #[test]
    fn web_english_conventions() {
        assert_eq!(
            toks("I left b/c of it, w/o a word", Lang::En),
            ["I", "left", "b/c", "of", "it", ",", "w/o", "a", "word"]
        );
        assert_eq!(toks("and/or", Lang::En), ["and", "/", "or"]);
        assert_eq!(
            toks("See << File: a.doc >> ****NOTICE****", Lang::En),
            [
                "See", "<<", "File", ":", "a.doc", ">>", "****", "NOTICE", "****"
            ]
        );
    }

    #[test]
    fn alot_is_two_words() {
        assert_eq!(
            words("It helps alot.", Lang::En),
            ["It", "helps", "a", "lot", "."]
        );
        assert_eq!(words("Alot of them", Lang::En), ["A", "lot", "of", "them"]);
    }

    #[test]
    fn nbsp_and_space_after() {
        let text = "Quoi\u{a0}? Oui.";
        let mut d = Doc::new(text.to_string(), Some(Lang::Fr), None);
        tokenize(&mut d);
        let t: Vec<_> = d
            .tokens
            .iter()
            .map(|t| (d.span_text(t.span), t.space_after))
            .collect();
        assert_eq!(
            t,
            [("Quoi", true), ("?", true), ("Oui", false), (".", false)]
        );
    }
}
