//! The veille pipeline: the one facade the CLI, the server and bindings call.
//!
//! [`Pipeline::new`] loads every model and dictionary once; [`Pipeline::process`] runs the
//! stages in order over an [`Article`] and returns the annotated [`Doc`]; [`output::to_json`]
//! writes the JSON output contract v1 (see `ARCHITECTURE.md`). Stages that do not exist yet are
//! absent from the output, never faked.

pub mod output;

use std::sync::OnceLock;
pub use veille_core::{Article, Doc, Lang};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    #[error("loading the event dictionaries: {0}")]
    Events(#[from] veille_events::LoadError),
}

/// The stages this build runs, in order, as written into outputs.
pub const STAGES: &[&str] = &["segment", "tag", "parse", "time", "events"];

/// Models and dictionaries, loaded once and shared by every article.
pub struct Pipeline {
    coder: veille_events::Coder,
}

impl Pipeline {
    pub fn new() -> Result<Pipeline, PipelineError> {
        Ok(Pipeline {
            coder: veille_events::Coder::load()?,
        })
    }

    /// Runs every stage over `article`. An article whose language is not supported gets no
    /// annotation at all (`doc.lang` is `None`): it is never coded as if it were French.
    pub fn process(&self, article: &Article) -> Doc {
        let mut doc = Doc::from_article(article);
        if doc.lang.is_none() {
            return doc;
        }
        veille_nlp::analyze(&mut doc);
        if let Some(lang) = doc.lang {
            doc.times = veille_time::find_times(&doc.text, lang, doc.date);
        }
        doc.events = veille_events::code_events(&doc, &self.coder);
        doc
    }
}

/// The name of a CAMEO code ("Sign formal agreement"), for readable output; `None` for a code
/// the shipped table does not know.
pub fn cameo_name(code: &str) -> Option<&'static str> {
    static TABLE: OnceLock<Option<veille_events::CameoTable>> = OnceLock::new();
    let d = veille_events::DataFiles::EMBEDDED;
    TABLE
        .get_or_init(|| veille_events::CameoTable::parse(d.cameo, d.plover).ok())
        .as_ref()?
        .get(code)
        .map(|c| c.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_codes() {
        assert!(cameo_name("057").is_some_and(|n| n.to_lowercase().contains("agreement")));
        assert_eq!(cameo_name("999"), None);
    }
}
