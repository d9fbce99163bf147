//! Core types of veille: every stage reads and writes these, and nothing here depends on a stage.
//!
//! The central invariant (see `ARCHITECTURE.md`): a [`Doc`] owns the original text, and every
//! annotation is a byte range into it ([`Span`]), so `&doc.text[span.start..span.end]` *is* the
//! mention. [`validate_doc`] checks that invariant and is called by every golden test.
//!
//! Contents:
//! - [`Span`], [`Lang`], [`Date`]: small value types.
//! - [`Article`]: what ingestion produces (text, metadata, content hash id).
//! - [`Doc`], [`Token`], [`Word`], [`Sentence`], [`Entity`]: the annotated document.
//! - [`syntax`]: UPOS, morphological features, lemma and dependency of each word.
//! - [`time`]: time expressions (TIMEX3 type, value, modifier) found in the text.
//! - [`event`]: actors and coded event mentions (CAMEO / PLOVER) with evidence spans.
//! - [`container`]: the versioned, checksummed container every shipped model or dictionary uses.

pub mod article;
pub mod container;
pub mod date;
pub mod doc;
pub mod event;
pub mod fxhash;
pub mod lang;
pub mod span;
pub mod syntax;
pub mod time;
pub mod validate;

pub use article::{Article, DateSource, content_id};
pub use date::{Date, DateError};
pub use doc::{Doc, Entity, EntityLabel, Sentence, Token, Word};
pub use event::{Actor, EventDate, EventMention, Place, Plover};
pub use fxhash::{FastMap, FxHasher};
pub use lang::Lang;
pub use span::Span;
pub use syntax::{Analysis, Feats, Upos};
pub use time::{Timex, TimexMod, TimexType};
pub use validate::{ValidationError, validate_doc};
