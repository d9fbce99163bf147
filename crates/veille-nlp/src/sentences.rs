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
//!
//! With a trained model ([`crate::sentmodel`]) the rules' verdict is one of its features, and
//! the model decides; a few rules for what the treebanks show too rarely to learn decide alone
//! (section titles and headings in capitals, closed quotations, list and note numbers, table
//! captions, parentheses, datelines, words no French sentence ends on).

use crate::lexicon::{self, contains};
use veille_core::{Doc, Lang, Sentence, Span};

/// Lines at most this long everywhere suggest a hard-wrapped text.
const WRAP_WIDTH: usize = 100;

pub(crate) fn is_hard_wrapped(text: &str) -> bool {
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

/// French section titles of encyclopaedia and web pages ("Références", "Liens externes"),
/// which the page's plain text runs into the next sentence.
const FR_SECTION_TITLES: &[&[&str]] = &[
    &["Références"],
    &["Bibliographie"],
    &["Chronologie"],
    &["Épilogue"],
    &["Historique"],
    &["Annexes"],
    &["Histoire"],
    &["Biographie"],
    &["Géographie"],
    &["Notes"],
    &["Liens", "externes"],
    &["Voir", "aussi"],
    &["Articles", "connexes"],
];

/// Whether token `i` ends a French section title ("Références", "Liens externes", "Voir
/// aussi").
fn section_title_at(g: &Gaps<'_>, i: usize) -> bool {
    FR_SECTION_TITLES.iter().any(|title| {
        i + 1 >= title.len()
            && title
                .iter()
                .enumerate()
                .all(|(k, w)| g.tok(i + 1 - title.len() + k) == *w)
    })
}

/// The length in tokens of the French section title that starts at token `i`, if one does.
fn section_title_from(g: &Gaps<'_>, i: usize) -> Option<usize> {
    FR_SECTION_TITLES.iter().find_map(|title| {
        (i + title.len() <= g.toks.len()
            && title.iter().enumerate().all(|(k, w)| g.tok(i + k) == *w))
        .then_some(title.len())
    })
}

/// A word in capitals of at least `min_letters` letters ("PRECAUTIONS", "D'EMPLOI",
/// "SAINT-DENIS").
fn capitals_word(t: &str, min_letters: usize) -> bool {
    t.chars().filter(|c| c.is_alphabetic()).count() >= min_letters
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && !t.chars().any(char::is_lowercase)
}

/// A list item's or a note's number: one or two digits.
fn item_number(t: &str) -> bool {
    (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

fn starts_uppercase(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the whitespace `gap` between two tokens breaks a paragraph.
fn is_break(gap: &str, soft_newlines: bool) -> bool {
    let n = gap.bytes().filter(|&b| b == b'\n').count();
    n >= 2 || (n == 1 && !soft_newlines)
}

/// The rules' verdict on the gap after token `i` (which is not the last token).
pub(crate) struct Gaps<'a> {
    pub text: &'a str,
    pub toks: &'a [veille_core::Token],
    pub soft: bool,
    pub lang: Option<Lang>,
    /// The language's tagger, for its lexicon's word classes.
    tagger: Option<&'static crate::tagger::Tagger>,
}

impl<'a> Gaps<'a> {
    pub fn new(doc: &'a Doc) -> Gaps<'a> {
        Gaps {
            text: &doc.text,
            toks: &doc.tokens,
            soft: is_hard_wrapped(&doc.text),
            lang: doc.lang,
            tagger: doc.lang.and_then(crate::tagger::embedded),
        }
    }
    #[inline]
    pub fn tok(&self, i: usize) -> &'a str {
        self.toks[i].span.text(self.text)
    }
    #[inline]
    pub fn gap(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].span.end as usize..self.toks[i + 1].span.start as usize]
    }
    /// A paragraph break after token `i`: always a boundary.
    #[inline]
    pub fn hard(&self, i: usize) -> bool {
        is_break(self.gap(i), self.soft)
    }
    /// Whether closing punctuation right after token `i` still belongs to its sentence.
    fn closer_follows(&self, i: usize) -> bool {
        is_closing(self.tok(i + 1))
            && (self.toks[i].span.end == self.toks[i + 1].span.start || self.tok(i + 1) == "»")
    }
    /// Token `i` ends a run of terminal punctuation and closers (". »", "?)").
    fn ends_terminal_run(&self, i: usize) -> bool {
        let mut j = i;
        loop {
            let t = self.tok(j);
            if is_terminal(t) {
                return true;
            }
            if j == 0 || !is_closing(t) || !self.closer_follows(j - 1) {
                return false;
            }
            j -= 1;
        }
    }
    /// The rules' verdict on the gap after token `i` (not a hard break).
    pub fn rule(&self, i: usize) -> bool {
        let t = self.tok(i);
        let next = self.tok(i + 1);
        if self.inside_inline_item(i) {
            return false;
        }
        if self.ends_terminal_run(i) {
            if self.closer_follows(i) {
                return false;
            }
            return can_open_sentence(next)
                // A lone period is not an abbreviation's (those keep it): even a lowercase
                // word after it starts a sentence, as in careless web text.
                || (t == "." && starts_lowercase_word(next) && !self.acronym_period_goes_on(i));
        }
        if t.len() > 1
            && t.ends_with('.')
            && !contains(lexicon::TITLES, t)
            && t.chars().next().is_some_and(char::is_alphabetic)
        {
            // An abbreviation that may close a sentence.
            return contains(lexicon::SENTENCE_STARTERS, next)
                || (t.chars().filter(|&c| c == '.').count() == 1
                    && t.chars().count() > 4
                    && can_open_sentence(next)
                    && next.chars().nth(1).is_some_and(char::is_lowercase));
        }
        if self.lang == Some(Lang::Fr)
            && (self.section_title_gap(i)
                || self.caps_heading_gap(i)
                || self.caps_heading_edge(i)
                || self.connective_opens(i))
        {
            return true;
        }
        // "(frégates La Fayette", "lu Le Monde": a capitalised opener followed by another
        // capitalised word starts a name, not a clause.
        heading_ends(self.lang, t, next)
            && !(i + 2 < self.toks.len() && starts_uppercase(self.tok(i + 2)))
    }
    /// A French section title run into the text around it: "… de conclusion Références En
    /// août 1991, …" has a boundary on each side of the title.
    fn section_title_gap(&self, i: usize) -> bool {
        let next = self.tok(i + 1);
        // After the title, before a capitalised word.
        if section_title_at(self, i) && starts_uppercase(next) {
            return true;
        }
        // Before the title, after a lowercase word or a number (a source's date), when a
        // capitalised word follows it.
        let t = self.tok(i);
        let Some(title_len) = section_title_from(self, i + 1) else {
            return false;
        };
        t.chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            && i + 1 + title_len < self.toks.len()
            && starts_uppercase(self.tok(i + 1 + title_len))
    }
    /// Whether token `j` is a list item's number ("3." or "3)" before a capital) right after
    /// a sentence's final punctuation or a semicolon: "… futurs époux. 3. La famille …" puts
    /// the number at the start of the next sentence, not at the end of the previous one.
    pub fn list_marker(&self, j: usize) -> bool {
        let t = self.tok(j);
        j > 0
            && j + 2 < self.toks.len()
            && item_number(t)
            && matches!(self.tok(j + 1), "." | ")")
            && self.toks[j].span.end == self.toks[j + 1].span.start
            && starts_uppercase(self.tok(j + 2))
            && (self.ends_terminal_run(j - 1) || self.tok(j - 1) == ";")
    }
    /// A dateline before its dash ("PARIS (AFP) - Le gouvernement …", "RABAT, 2 octobre
    /// (Reuters) - …") is part of the story's first sentence: the sentence so far, from
    /// token `start` to `i`, is at most nine tokens and opens with a place in capitals. No
    /// boundary falls on either side of the dash.
    pub(crate) fn dateline_ends(&self, start: usize, i: usize) -> bool {
        let place = |t: &str| capitals_word(t, 2);
        if i - start > 8
            || i + 2 >= self.toks.len()
            || !matches!(self.tok(i + 1), "-" | "–" | "—")
            || !starts_uppercase(self.tok(i + 2))
            || !place(self.tok(start))
        {
            return false;
        }
        // The place's words, then a comma, a parenthesis or the dash ("ISBN 2840…" is none).
        let mut k = start;
        while k <= i && place(self.tok(k)) {
            k += 1;
        }
        (k == i + 1 || matches!(self.tok(k), "," | "("))
            && (start..=i).all(|k| !is_terminal(self.tok(k)))
    }
    /// Whether token `j` is an item's number inside a sentence ("1." or "2." glued to its
    /// period, before a lowercase word): no sentence of the treebanks ends on one.
    fn inline_item(&self, j: usize) -> bool {
        let t = self.tok(j);
        j + 2 < self.toks.len()
            && item_number(t)
            && self.tok(j + 1) == "."
            && self.toks[j].span.end == self.toks[j + 1].span.start
            && starts_lowercase_word(self.tok(j + 2))
    }
    /// Whether token `i` is the period of a dotted acronym the tokenizer cut off ("O.N.U" +
    /// ".") before a lowercase word: the sentence goes on ("l'O.N.U. s'est ouvert").
    fn acronym_period_goes_on(&self, i: usize) -> bool {
        i >= 1
            && i + 1 < self.toks.len()
            && self.tok(i) == "."
            && self.toks[i - 1].span.end == self.toks[i].span.start
            && self.tok(i - 1).contains('.')
            && starts_lowercase_word(self.tok(i + 1))
    }
    /// Whether the gap after token `i` is just before or just after an item's number inside
    /// a sentence (see [`Gaps::inline_item`]).
    fn inside_inline_item(&self, i: usize) -> bool {
        i >= 1 && self.inline_item(i - 1)
            || i + 1 < self.toks.len() && !self.ends_terminal_run(i) && self.inline_item(i + 1)
    }
    /// Whether token `j` opens a note's number in parentheses before a capitalised word,
    /// after a word: "… en% (IC) (1) A l'exclusion …" starts a note there; "l'article 26
    /// (2) de la loi" goes on.
    fn paren_marker(&self, j: usize) -> bool {
        j > 0
            && j + 3 < self.toks.len()
            && self.tok(j) == "("
            && item_number(self.tok(j + 1))
            && self.tok(j + 2) == ")"
            && {
                let w = self.tok(j + 3);
                starts_uppercase(w) && !w.chars().skip(1).any(char::is_uppercase)
            }
            && self
                .tok(j - 1)
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == ')')
    }
    /// The length in tokens of a table or figure caption's label that starts at token `j`
    /// ("Tableau 3", "Tableau 5 :") before a capitalised word or a parenthesis, when the word
    /// before it ends in a lowercase letter or a digit: the label is a sentence of its own.
    fn caption_label(&self, j: usize) -> Option<usize> {
        if j == 0 || j + 2 >= self.toks.len() || !matches!(self.tok(j), "Tableau" | "Figure") {
            return None;
        }
        let n = self.tok(j + 1);
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let len = if self.tok(j + 2) == ":" { 3 } else { 2 };
        let after = self.toks.get(j + len).map(|_| self.tok(j + len))?;
        let before_ok = self
            .tok(j - 1)
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '.');
        (before_ok && (starts_uppercase(after) || after == "(")).then_some(len)
    }
    /// A quotation closed right after its final punctuation ('… communiste." Désinformation')
    /// ends the sentence before a capital. (A "»" set apart by a space is left to the model:
    /// the French treebanks disagree on which side of the boundary it goes.)
    fn closed_quote_ends(&self, i: usize) -> bool {
        i > 0
            && matches!(self.tok(i), "\"" | "»" | "”")
            && is_terminal(self.tok(i - 1))
            && self.toks[i - 1].span.end == self.toks[i].span.start
            && self.toks[i].span.end < self.toks[i + 1].span.start
            && starts_uppercase(self.tok(i + 1))
    }
    /// Two headings in capitals run together ("… CONDITIONS MODE ET VOIE(S) …"): French puts
    /// no noun right after another inside a phrase, so a noun in capitals (not an adjective)
    /// followed by a word in capitals that can only be a noun starts a new heading. The words
    /// are looked up without their accents, which capitals often drop.
    fn caps_heading_gap(&self, i: usize) -> bool {
        use veille_core::Upos;
        let Some(tg) = self.tagger else { return false };
        let (t, next) = (self.tok(i), self.tok(i + 1));
        if !capitals_word(t, 3) || !capitals_word(next, 3) {
            return false;
        }
        let bit = |u: Upos| 1u32 << u.index();
        let function = bit(Upos::Adp)
            | bit(Upos::Det)
            | bit(Upos::Pron)
            | bit(Upos::Cconj)
            | bit(Upos::Sconj)
            | bit(Upos::Aux);
        let (a, b) = (tg.folded_ambiguity(t), tg.folded_ambiguity(next));
        a & (bit(Upos::Noun) | bit(Upos::Propn)) != 0
            && a & (function | bit(Upos::Adj)) == 0
            && b & bit(Upos::Noun) != 0
            // Not a verb either: "LE GOUVERNEMENT ANNONCE UN PLAN" is one headline.
            && b & (function
                | bit(Upos::Adj)
                | bit(Upos::Propn)
                | bit(Upos::Adv)
                | bit(Upos::Verb))
                == 0
    }
    /// The number of words of three capitals or more in the run of words in capitals that
    /// starts (`forward`) or ends at token `k`, counting up to `max` and looking at 12 tokens
    /// at most (a long run of short capitals must not make the splitter quadratic).
    fn caps_words(&self, k: usize, forward: bool, max: usize) -> usize {
        let mut words = 0;
        let mut k = k;
        for _ in 0..12 {
            let t = self.tok(k);
            if !capitals_word(t, 1) {
                break;
            }
            if capitals_word(t, 3) {
                words += 1;
                if words == max {
                    break;
                }
            }
            let step = if forward { k + 1 } else { k.wrapping_sub(1) };
            if step >= self.toks.len() || self.hard(k.min(step)) {
                break;
            }
            k = step;
        }
        words
    }
    /// A heading in capitals run into the text around it: after a lowercase word, before
    /// a run of at least three words of which two are long ("… à votre pharmacien QUELLES
    /// SONT LES INFORMATIONS …"); after such a run, before a number or a dash that a
    /// lowercase word follows ("… D'UTILISATION 10 flacons", "… ANGIOX - si vous …").
    /// Acronyms ("l'ONU", "BFM TV") are too short to make a run.
    fn caps_heading_edge(&self, i: usize) -> bool {
        let (t, next) = (self.tok(i), self.tok(i + 1));
        // A lowercase word, not a first name before a surname in capitals ("Chantal DIDIER").
        if starts_lowercase_word(t) && t.chars().next_back().is_some_and(char::is_lowercase) {
            let mut n = 0;
            let mut k = i + 1;
            while k < self.toks.len() && n < 3 {
                let w = self.tok(k);
                if w.chars().any(char::is_lowercase) || !w.chars().any(char::is_alphabetic) {
                    break;
                }
                n += 1;
                k += 1;
            }
            return n >= 3 && self.caps_words(i + 1, true, 2) == 2;
        }
        if i + 2 >= self.toks.len() || !starts_lowercase_word(self.tok(i + 2)) {
            return false;
        }
        let numbered = next.bytes().all(|b| b.is_ascii_digit());
        let dashed = matches!(next, "-" | "–" | "—");
        (numbered || dashed) && self.caps_words(i, false, 2) == 2
    }
    /// A capitalised connective and its comma open a sentence ("… de la mâchoire Ensuite,
    /// les marqueurs …"): inside one, the connective is written in lowercase.
    fn connective_opens(&self, i: usize) -> bool {
        i + 2 < self.toks.len()
            && self.tok(i + 2) == ","
            && contains(lexicon::FR_CONNECTIVES, self.tok(i + 1))
            && self
                .tok(i)
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    }
    /// Whether a parenthesis open before the gap after token `i` closes within the next 30
    /// tokens, in the same paragraph.
    fn parens_close_soon(&self, i: usize) -> bool {
        (i + 1..(i + 31).min(self.toks.len()))
            .take_while(|&k| k == i + 1 || !self.hard(k - 1))
            .any(|k| self.tok(k) == ")")
    }
    /// Gaps worth asking the model about: every other gap stays inside a sentence.
    pub fn candidate(&self, i: usize) -> bool {
        let t = self.tok(i);
        let next = self.tok(i + 1);
        // Never right after an opening quote or bracket, nor before a closing one; an
        // ellipsis before a lowercase word continues the sentence.
        if matches!(t, "«" | "“" | "(" | "[" | "‘")
            || (is_closing(next) && next != "\"" && next != "'")
            || (matches!(t, "..." | "…" | ";") && starts_lowercase_word(next))
        {
            return false;
        }
        // "British PM Theresa May": the prime minister's title before a name, where "3 PM"
        // (a time, as often in the web text the English model learns from) may end a line.
        // "… d'Île-de-France ou Affaire …": no French sentence ends on an article, a
        // preposition or a conjunction.
        if self.lang == Some(Lang::Fr) && contains(lexicon::FR_NEVER_FINAL, t) {
            return false;
        }
        // "… Israël -lesquels ont …", "… des tarifs -100 000 francs …": a dash glued to a
        // lowercase word or a number opens an aside, not a sentence (a list item's dash
        // stands apart: "- si vous …").
        if matches!(next, "-" | "–" | "—")
            && i + 2 < self.toks.len()
            && self.toks[i + 1].span.end == self.toks[i + 2].span.start
            && self
                .tok(i + 2)
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            && !self.ends_terminal_run(i)
        {
            return false;
        }
        // "… prime ; 2. l'aide continue": an item number inside a sentence, before a
        // lowercase word, ends none, and the sentence does not end before it either.
        if self.inside_inline_item(i) {
            return false;
        }
        // "l'O.N.U. s'est ouvert": the period of a dotted acronym, before a lowercase word.
        if self.acronym_period_goes_on(i) {
            return false;
        }
        // "M. Rack", "Dr. Jones": a personal title never ends a sentence, whatever follows.
        if contains(lexicon::PERSONAL_TITLES, t) {
            return false;
        }
        // "l'Union Européenne", "les Nations Unies": a capitalised word the lexicon knows only
        // as an adjective, right after a capitalised word, goes on the name it qualifies.
        if starts_uppercase(t)
            && t.chars().next_back().is_some_and(char::is_alphanumeric)
            && starts_uppercase(next)
            && next.chars().skip(1).any(char::is_lowercase)
            && self
                .tagger
                .is_some_and(|tg| tg.ambiguity(next) == 1 << veille_core::Upos::Adj.index())
        {
            return false;
        }
        if t == "PM"
            && !(i > 0
                && self
                    .tok(i - 1)
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.')))
        {
            return false;
        }
        let first = t.chars().next().unwrap_or(' ');
        !first.is_alphanumeric() || can_open_sentence(next) || t.ends_with('.')
    }
}

/// Splits `doc.tokens` into `doc.sentences`: paragraph breaks always end a sentence; elsewhere
/// the language's trained boundary model decides where it exists (see [`crate::sentmodel`]),
/// with the rules' verdict as one of its features, and the rules alone decide otherwise.
pub fn split_sentences(doc: &mut Doc) {
    let model = doc.lang.and_then(crate::sentmodel::embedded);
    split_sentences_with(doc, model)
}

/// [`split_sentences`] with an explicit model (`None`: rules only).
pub fn split_sentences_with(doc: &mut Doc, model: Option<&crate::sentmodel::SentenceModel>) {
    let mut sentences = std::mem::take(&mut doc.sentences);
    sentences.clear();
    let n = doc.tokens.len();
    if n == 0 {
        doc.sentences = sentences;
        return;
    }
    let g = Gaps::new(doc);
    let mut start = 0usize;
    let mut scratch = crate::sentmodel::Scratch::new();
    // Parentheses opened and not yet closed in the current sentence.
    let mut open_parens = 0usize;
    for i in 0..n {
        // A French sentence is never just a parenthesis at its start: "(EN) J'ai voté…",
        // "(AFP) Le président…" open the sentence they tag. (English web text has sentences
        // such as "(Applause)".)
        let tag_only =
            g.lang == Some(Lang::Fr) && i - start <= 4 && g.tok(start) == "(" && g.tok(i) == ")";
        // A list item's number opens its sentence: a boundary before it, none inside it.
        // So do a note's number in parentheses and a table's caption label, which is also a
        // sentence of its own.
        let fr = g.lang == Some(Lang::Fr);
        let caption_end =
            fr && (1..=3).any(|len| i + 1 >= len && g.caption_label(i + 1 - len) == Some(len));
        let marker = i + 1 < n
            && (g.list_marker(i + 1)
                || g.paren_marker(i + 1)
                || fr && g.caption_label(i + 1).is_some())
            || caption_end;
        let in_marker = i >= 1 && g.list_marker(i - 1)
            || g.list_marker(i)
            || (0..3).any(|k| i >= k && g.paren_marker(i - k))
            || fr
                && !caption_end
                && (0..3).any(|k| i >= k && g.caption_label(i - k).is_some_and(|len| k + 1 < len));
        // Inside a parenthesis that closes a little further on, only final punctuation
        // ends a sentence: "(Volume 5 - Le Grand-Duché …)" is one aside.
        match g.tok(i) {
            "(" => open_parens += 1,
            ")" => open_parens = open_parens.saturating_sub(1),
            _ => {}
        }
        let in_parens = open_parens > 0 && !g.ends_terminal_run(i) && g.parens_close_soon(i);
        // Gaps where no sentence ends, whatever the model says.
        let held = tag_only
            || in_marker
            || in_parens
            || g.dateline_ends(start, i)
            || i > start && g.dateline_ends(start, i - 1);
        let boundary = i + 1 == n
            || g.hard(i)
            || marker
            || !held
                && match model {
                    // A section title is its own sentence, and a closed quotation ends
                    // one before a capital, whatever the model says: it saw too few of
                    // either to learn them.
                    Some(m) if g.candidate(i) => {
                        g.lang == Some(Lang::Fr)
                            && (g.section_title_gap(i)
                                || g.caps_heading_gap(i)
                                || g.caps_heading_edge(i)
                                || g.connective_opens(i))
                            || g.closed_quote_ends(i)
                            || m.boundary(&g, i, i - start, &mut scratch)
                    }
                    Some(_) => false,
                    None => g.rule(i),
                };
        if boundary {
            open_parens = 0;
            sentences.push(Sentence {
                span: Span {
                    start: g.toks[start].span.start,
                    end: g.toks[i].span.end,
                },
                first_token: start as u32,
                end_token: (i + 1) as u32,
            });
            start = i + 1;
        }
    }
    doc.sentences = sentences;
}

/// UD's convention for an abbreviation that ends a sentence: its period also ends the
/// sentence, so it becomes a token of its own ("…soccer, etc" + "."; "First Union
/// Securities, Inc" + "."). The tokenizer keeps "etc." whole because it cannot know where
/// sentences end; this runs once they are known, and only touches the tokens it splits.
/// English only: the French treebanks keep a sentence-final "etc." whole.
pub fn detach_final_periods(doc: &mut Doc) {
    if doc.lang != Some(Lang::En) {
        return;
    }
    let text = &doc.text;
    let cuts: Vec<usize> = doc
        .sentences
        .iter()
        .filter_map(|s| {
            let last = (s.end_token as usize).checked_sub(1)?;
            let tok = doc.tokens.get(last)?;
            let t = tok.span.text(text);
            (t.len() > 1
                && t.ends_with('.')
                && !is_terminal(t)
                && tok.n_words == 1
                && t.chars().next().is_some_and(char::is_alphabetic))
            .then_some(last)
        })
        .collect();
    if cuts.is_empty() {
        return;
    }
    let mut tokens = Vec::with_capacity(doc.tokens.len() + cuts.len());
    let mut next_cut = cuts.iter().peekable();
    for (i, t) in doc.tokens.iter().enumerate() {
        if next_cut.next_if(|&&c| c == i).is_some() {
            let dot = t.span.end - 1;
            tokens.push(veille_core::Token {
                span: Span {
                    start: t.span.start,
                    end: dot,
                },
                space_after: false,
                ..*t
            });
            tokens.push(veille_core::Token {
                span: Span {
                    start: dot,
                    end: t.span.end,
                },
                ..*t
            });
        } else {
            tokens.push(*t);
        }
    }
    doc.tokens = tokens;
    crate::tokenizer::words_of(doc);
    // Each sentence gained at most one token, at its end.
    let mut shift = 0u32;
    let mut next_cut = cuts.iter().peekable();
    for s in &mut doc.sentences {
        s.first_token += shift;
        if next_cut
            .next_if(|&&c| c + 1 == s.end_token as usize)
            .is_some()
        {
            shift += 1;
        }
        s.end_token += shift;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn sents(text: &str, lang: Lang) -> Vec<String> {
        let mut d = Doc::new(text.to_string(), Some(lang), None);
        tokenize(&mut d);
        split_sentences_with(&mut d, None);
        let rules: Vec<_> = d.sentences.clone();
        split_sentences(&mut d);
        assert_eq!(rules, d.sentences, "model and rules disagree on {text:?}");
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
    fn semicolons_names_and_leading_tags_stay_inside_sentences() {
        // A semicolon before a lowercase word never ends a French sentence.
        assert_eq!(
            sents(
                "Les réformes de la période coloniale furent rares ; il n'y eut pas de suite.",
                Lang::Fr
            )
            .len(),
            1
        );
        // "La Fayette" is a name after a lowercase word, not a heading's end.
        assert_eq!(
            sents(
                "La marine a reçu trois frégates La Fayette en 1996 pour ses missions.",
                Lang::Fr
            )
            .len(),
            1
        );
        // A parliament's language tag opens the sentence it tags.
        assert_eq!(
            sents(
                "Le rapport est adopté. (EN) J'ai voté en faveur de ce rapport.",
                Lang::Fr
            ),
            [
                "Le rapport est adopté.",
                "(EN) J'ai voté en faveur de ce rapport."
            ]
        );
    }

    #[test]
    fn a_section_title_run_into_the_text_is_its_own_sentence() {
        assert_eq!(
            sents(
                "La cour a rendu son avis en conclusion Références En mars 2004, le dossier a été clos.",
                Lang::Fr
            ),
            [
                "La cour a rendu son avis en conclusion",
                "Références",
                "En mars 2004, le dossier a été clos."
            ]
        );
        assert_eq!(
            sents(
                "Le Temps, 4 mai 2001 Bibliographie Le livre paraît en 2003.",
                Lang::Fr
            ),
            [
                "Le Temps, 4 mai 2001",
                "Bibliographie",
                "Le livre paraît en 2003."
            ]
        );
        assert_eq!(
            sents(
                "Le club joue en deuxième division Histoire Le club naît en 1920. Voir le site Articles connexes Liste des clubs.",
                Lang::Fr
            ),
            [
                "Le club joue en deuxième division",
                "Histoire",
                "Le club naît en 1920.",
                "Voir le site",
                "Articles connexes",
                "Liste des clubs."
            ]
        );
        // The model alone would keep these titles in their neighbours' sentences.
        assert_eq!(
            sents(
                "Voir le site officiel Bibliographie Jean Martin, Histoire du canal, Paris, 1999.",
                Lang::Fr
            ),
            [
                "Voir le site officiel",
                "Bibliographie",
                "Jean Martin, Histoire du canal, Paris, 1999."
            ]
        );
        // Inside a sentence, before a lowercase word, the word is no title.
        assert_eq!(
            sents(
                "Les Références citées par la cour sont anciennes.",
                Lang::Fr
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_closed_quotation_ends_its_sentence_before_a_capital() {
        // The model alone keeps the one-word sentence after the quotation.
        assert_eq!(
            sents(
                "Le journal titrait \"Le franc était fort.\" Spéculation. Les marchés ont réagi.",
                Lang::Fr
            ),
            [
                "Le journal titrait \"Le franc était fort.\"",
                "Spéculation.",
                "Les marchés ont réagi."
            ]
        );
    }

    #[test]
    fn headings_in_capitals_run_together_are_split_between_nouns() {
        let s = sents(
            "Ne pas avaler. DUREE DE CONSERVATION PRECAUTIONS D'EMPLOI Conserver le flacon à l'abri de la lumière.",
            Lang::Fr,
        );
        assert_eq!(s[1], "DUREE DE CONSERVATION", "{s:?}");
        assert!(s[2].starts_with("PRECAUTIONS D'EMPLOI"), "{s:?}");
        // A verb after the noun goes on the headline.
        let s = sents(
            "LE GOUVERNEMENT ANNONCE UN PLAN DE RELANCE Le Premier ministre a présenté son plan.",
            Lang::Fr,
        );
        assert!(s[0].starts_with("LE GOUVERNEMENT ANNONCE UN PLAN"), "{s:?}");
    }

    #[test]
    fn a_heading_in_capitals_run_into_the_text_is_its_own_sentence() {
        assert_eq!(
            sents(
                "Demandez conseil à votre médecin QUELLES SONT LES PRECAUTIONS A PRENDRE - si vous êtes enceinte, parlez-en. CONTENU DE L'EMBALLAGE 20 comprimés sécables.",
                Lang::Fr
            ),
            [
                "Demandez conseil à votre médecin",
                "QUELLES SONT LES PRECAUTIONS A PRENDRE",
                "- si vous êtes enceinte, parlez-en.",
                "CONTENU DE L'EMBALLAGE",
                "20 comprimés sécables."
            ]
        );
        // Acronyms and names in capitals are no heading.
        assert_eq!(
            sents(
                "Selon le journal LE MONDE le ministre a démissionné. Le groupe ETAT ISLAMIQUE a revendiqué l'attaque. Chantal DIDIER COURCELLES-LES-NANCY a signé.",
                Lang::Fr
            )
            .len(),
            3
        );
    }

    #[test]
    fn a_prime_ministers_title_is_no_sentence_end() {
        assert_eq!(
            sents(
                "British PM Theresa May accuses critics of playing politics",
                Lang::En
            )
            .len(),
            1
        );
        assert_eq!(
            sents(
                "Kenyan PM Ruto accuses critics of playing politics.",
                Lang::En
            )
            .len(),
            1
        );
    }

    #[test]
    fn titles_and_capitalised_adjectives_stay_inside_names() {
        assert_eq!(
            sents(
                "Comme M. Rack, je viens d'une région alpine. Selon Mme Kessler, le tunnel ferme.",
                Lang::Fr
            )
            .len(),
            2
        );
        assert_eq!(
            sents(
                "Les pays de l'Union Européenne ont voté. L'Assemblée Générale des Nations Unies a adopté le texte.",
                Lang::Fr
            ),
            [
                "Les pays de l'Union Européenne ont voté.",
                "L'Assemblée Générale des Nations Unies a adopté le texte."
            ]
        );
    }

    #[test]
    fn no_french_sentence_ends_on_a_conjunction() {
        assert_eq!(
            sents(
                "Le dossier des écoles de Midi-Pyrénées ou Affaire des cantines revient devant la cour.",
                Lang::Fr
            )
            .len(),
            1
        );
    }

    #[test]
    fn notes_and_caption_labels_open_their_sentences() {
        assert_eq!(
            sents(
                "Effets sur les fractures du bassin Tableau 2 (1) Sauf fractures des doigts et des orteils",
                Lang::Fr
            ),
            [
                "Effets sur les fractures du bassin",
                "Tableau 2",
                "(1) Sauf fractures des doigts et des orteils"
            ]
        );
        assert_eq!(
            sents(
                "La dose est réduite chez l'enfant. Tableau 4 : Effets indésirables graves",
                Lang::Fr
            ),
            [
                "La dose est réduite chez l'enfant.",
                "Tableau 4 :",
                "Effets indésirables graves"
            ]
        );
        assert_eq!(
            sents(
                "Incidence des fractures en % (IC) (1) Sauf fractures des doigts et des orteils",
                Lang::Fr
            ),
            [
                "Incidence des fractures en % (IC)",
                "(1) Sauf fractures des doigts et des orteils"
            ]
        );
        // A reference to a table, or to a paragraph of an article, goes on.
        assert_eq!(
            sents(
                "Le Tableau 3 présente les résultats de l'article 26 (2) de la loi.",
                Lang::Fr
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_dateline_stays_with_the_first_sentence() {
        assert_eq!(
            sents(
                "PARIS (AFP) - Le gouvernement a annoncé mardi un plan de relance. Il sera voté en mai.",
                Lang::Fr
            ),
            [
                "PARIS (AFP) - Le gouvernement a annoncé mardi un plan de relance.",
                "Il sera voté en mai."
            ]
        );
        assert_eq!(
            sents(
                "NEW YORK (AP) — The United Nations said on Monday it would send aid.",
                Lang::En
            )
            .len(),
            1
        );
        // A reference in capitals with a number is no dateline.
        let mut d = Doc::new(
            "ISBN 2840985314 - Jean Martin, Les Frégates, Paris, 1999.".to_string(),
            Some(Lang::Fr),
            None,
        );
        tokenize(&mut d);
        let g = Gaps::new(&d);
        assert!(!g.dateline_ends(0, 1));
    }

    #[test]
    fn a_dotted_acronyms_period_before_a_lowercase_word_ends_nothing() {
        assert_eq!(
            sents(
                "Le sommet de l'O.N.U. s'est ouvert lundi. Les pays de l'U.E. ont voté.",
                Lang::Fr
            ),
            [
                "Le sommet de l'O.N.U. s'est ouvert lundi.",
                "Les pays de l'U.E. ont voté."
            ]
        );
    }

    #[test]
    fn an_item_number_inside_a_sentence_ends_nothing() {
        assert_eq!(
            sents(
                "Selon le traité, 1. la sécurité prime ; 2. l'aide continue.",
                Lang::Fr
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_dash_glued_to_the_next_word_opens_an_aside() {
        assert_eq!(
            sents(
                "Le rapport cite des primes -50 000 euros- versées aux cadres. Les voisins de la Syrie -lesquels ont démenti toute implication- restent prudents.",
                Lang::Fr
            )
            .len(),
            2
        );
    }

    #[test]
    fn a_capitalised_connective_and_its_comma_open_a_sentence() {
        assert_eq!(
            sents(
                "Effets sur la densité osseuse Ensuite, les marqueurs ont baissé.",
                Lang::Fr
            ),
            [
                "Effets sur la densité osseuse",
                "Ensuite, les marqueurs ont baissé."
            ]
        );
    }

    #[test]
    fn a_parenthesis_is_no_place_for_a_boundary() {
        assert_eq!(
            sents(
                "Le rapport (tome 5 - Le Grand-Duché et la Belgique) a été publié en mars.",
                Lang::Fr
            )
            .len(),
            1
        );
        // Final punctuation still ends a sentence inside one.
        assert_eq!(
            sents(
                "Le ministre a parlé (il était tard. Nul ne l'écoutait) puis il est parti.",
                Lang::Fr
            )
            .len(),
            2
        );
    }

    #[test]
    fn a_list_items_number_opens_its_sentence() {
        assert_eq!(
            sents(
                "Le texte compte deux articles. 1. Chacun a droit au repos. 2) Nul ne peut être contraint au travail.",
                Lang::Fr
            ),
            [
                "Le texte compte deux articles.",
                "1. Chacun a droit au repos.",
                "2) Nul ne peut être contraint au travail."
            ]
        );
        assert_eq!(
            sents(
                "Chacun a droit au repos ; 1. Toute personne a droit au travail.",
                Lang::Fr
            ),
            [
                "Chacun a droit au repos ;",
                "1. Toute personne a droit au travail."
            ]
        );
        // A number after a word is no list item.
        assert_eq!(
            sents(
                "Le score final est de 3. Le match reprend demain.",
                Lang::Fr
            )
            .len(),
            2
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

#[cfg(test)]
mod props {
    use proptest::prelude::*;
    use veille_core::{Doc, Lang, validate_doc};

    #[test]
    fn english_sentence_final_abbreviations_give_up_their_period() {
        let text = "The firm sells tea, coffee, cocoa, etc.\n\nIt was bought by Acme Holdings Inc. last year. Shares rose at 3 p.m.";
        let mut d = Doc::new(text.to_string(), Some(Lang::En), None);
        crate::segment(&mut d);
        validate_doc(&d, text).unwrap();
        let toks: Vec<&str> = d.tokens.iter().map(|t| d.span_text(t.span)).collect();
        // At a sentence's end the period is split off; inside a sentence "Inc." stays whole.
        assert!(toks.windows(2).any(|w| w == ["etc", "."]), "{toks:?}");
        assert!(toks.contains(&"Inc."), "{toks:?}");
        assert_eq!(toks[toks.len() - 2..], ["p.m", "."], "{toks:?}");
        // Sentences still cover their tokens, words follow the tokens.
        let last = d.sentences.last().unwrap();
        assert_eq!(last.end_token as usize, d.tokens.len());
        assert_eq!(
            d.words.len(),
            d.tokens.iter().map(|t| t.n_words as usize).sum::<usize>()
        );
        for s in &d.sentences {
            let a = d.tokens[s.first_token as usize].span.start;
            let b = d.tokens[s.end_token as usize - 1].span.end;
            assert_eq!((a, b), (s.span.start, s.span.end));
        }
        // French keeps "etc." whole, as its treebanks do.
        let fr = "Il vend du thé, du café, etc.\n\nLa boutique ouvre à neuf heures.";
        let mut d = Doc::new(fr.to_string(), Some(Lang::Fr), None);
        crate::segment(&mut d);
        assert!(d.tokens.iter().any(|t| d.span_text(t.span) == "etc."));
    }

    fn check(text: &str, lang: Option<Lang>) {
        let mut d = Doc::new(text.to_string(), lang, None);
        crate::segment(&mut d);
        validate_doc(&d, text).unwrap();
        // Tokens cover every non-whitespace character; whitespace only inside a grouped
        // number ("10 000").
        let mut covered = vec![false; text.len()];
        let mut number = vec![false; text.len()];
        for t in &d.tokens {
            let is_number = d
                .span_text(t.span)
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c.is_whitespace());
            for i in t.span.range() {
                covered[i] = true;
                number[i] = is_number;
            }
        }
        for (i, ch) in text.char_indices() {
            let ws = ch.is_whitespace() || ch == '\u{200B}' || ch == '\u{FEFF}';
            if ws {
                assert!(
                    !covered[i] || number[i],
                    "space at {i} inside a token in {text:?}"
                );
            } else {
                assert!(covered[i], "char {ch:?} at {i} not in a token in {text:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn any_text_gives_valid_offsets(text in "\\PC{0,80}", fr in any::<bool>()) {
            check(&text, Some(if fr { Lang::Fr } else { Lang::En }));
        }

        #[test]
        fn newsy_text_gives_valid_offsets(
            parts in proptest::collection::vec(prop_oneof![
                Just("l'"), Just("d’"), Just("du"), Just("des"), Just("M."), Just("U.S."),
                Just("10 000"), Just("3,5 %"), Just("« "), Just(" »"), Just("-t-il"), Just("don't"),
                Just("—"), Just("..."), Just("\n\n"), Just("\n"), Just(" "), Just("."), Just("?!"),
                Just("https://a.example/x?y=1"), Just("é"), Just("(s)"), Just("12h30"), Just(":)"),
                Just("Paris"), Just("état-major"), Just("jusqu'"), Just("'s"), Just("#4"), Just("\u{a0}"),
                Just("deSerbie"), Just("M.Poincaré"), Just("400Arménie"), Just("Prométhée.FRANÇAIS"),
                Just("Ma¬hias"), Just("sûreM."), Just("VaastLe"), Just("iPhone"), Just("etc."),
                Just("Inc."), Just("\"Ann\"<ann@example.com>"), Just("<"), Just("alot"),
            ], 0..40),
            fr in any::<bool>(),
        ) {
            let text: String = parts.concat();
            check(&text, Some(if fr { Lang::Fr } else { Lang::En }));
        }
    }
}
