//! Language processing for veille: tokenization and sentence splitting today; the tagger,
//! parser and named entities build on the same [`veille_core::Doc`].
//!
//! Every function here reads `doc.text` and writes spans into it; none changes the text.

pub mod conllu;
pub mod eval;
pub mod lexicon;
pub mod parser;
pub mod sentences;
pub mod sentmodel;
pub mod tokenizer;

pub use sentences::split_sentences;
pub use tokenizer::tokenize;

use veille_core::Doc;

/// Tokenizes and splits sentences: the first stage of the pipeline.
pub fn segment(doc: &mut Doc) {
    tokenize(doc);
    split_sentences(doc);
}
