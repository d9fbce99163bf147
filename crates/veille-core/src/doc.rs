//! The annotated document: tokens, words, sentences and entities, all as spans into one text.

use crate::{Analysis, Article, Date, EventMention, Lang, Place, Span, Timex};
use serde::{Deserialize, Serialize};

/// A surface token: a maximal piece of the text that UD would write on one line (or one range
/// line, for a multiword token such as French `du` = `de le` or English `don't` = `do n't`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    /// Index of this token's first word in [`Doc::words`].
    pub first_word: u32,
    /// How many syntactic words it holds: 1 for an ordinary token, 2+ for a multiword token.
    pub n_words: u8,
    /// Whether whitespace follows the token in the text (UD's `SpaceAfter`).
    pub space_after: bool,
}

/// A syntactic word (UD's node). Ordinary tokens hold one word whose form is the token text.
/// Multiword tokens hold words whose forms are either a sub-span of the token (English
/// `do` + `n't`) or a fixed expansion (French `du` → `de` + `le`, kept in `norm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Word {
    /// Index of the token this word belongs to.
    pub token: u32,
    /// The characters this word comes from: a sub-span of its token, or the whole token when the
    /// word is an expansion that does not appear literally.
    pub span: Span,
    /// The expanded form when it is not `text[span]`, e.g. `le` for the second word of `du`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub norm: Option<&'static str>,
}

impl Word {
    /// The word's form (`de` for the first word of `du`).
    pub fn form<'a>(&self, text: &'a str) -> &'a str {
        match self.norm {
            Some(n) => n,
            None => self.span.text(text),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Token index range `[first_token, end_token)`.
    pub first_token: u32,
    pub end_token: u32,
}

impl Sentence {
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityLabel {
    PER,
    ORG,
    LOC,
    MISC,
}

impl EntityLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::PER => "PER",
            EntityLabel::ORG => "ORG",
            EntityLabel::LOC => "LOC",
            EntityLabel::MISC => "MISC",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub label: EntityLabel,
}

/// A document under annotation. `text` never changes after construction; stages only add layers.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Doc {
    pub text: String,
    pub lang: Option<Lang>,
    pub date: Option<Date>,
    pub tokens: Vec<Token>,
    pub words: Vec<Word>,
    pub sentences: Vec<Sentence>,
    /// One analysis per word (same index as `words`) once the tagger has run; empty before.
    pub analyses: Vec<Analysis>,
    pub entities: Vec<Entity>,
    /// Time expressions, sorted and non-overlapping, resolved against `date` when it is known.
    pub times: Vec<Timex>,
    /// Toponyms resolved against the gazetteer (sorted, non-overlapping).
    pub places: Vec<Place>,
    pub events: Vec<EventMention>,
}

impl Doc {
    pub fn new(text: String, lang: Option<Lang>, date: Option<Date>) -> Doc {
        Doc {
            text,
            lang,
            date,
            ..Doc::default()
        }
    }

    pub fn from_article(article: &Article) -> Doc {
        Doc::new(article.text.clone(), article.lang, article.date)
    }

    #[inline]
    pub fn span_text(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    pub fn token_text(&self, i: usize) -> &str {
        self.tokens[i].span.text(&self.text)
    }

    /// The words of token `i`.
    pub fn token_words(&self, i: usize) -> &[Word] {
        let t = &self.tokens[i];
        let start = t.first_word as usize;
        &self.words[start..start + t.n_words as usize]
    }

    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// Word count (syntactic words), the unit of throughput figures.
    pub fn n_words(&self) -> usize {
        self.words.len()
    }
}
