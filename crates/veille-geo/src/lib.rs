//! Places for veille: an offline gazetteer built from GeoNames and veille's own tables, a
//! matcher that finds toponyms in text, and a resolver that picks, for each toponym, the place
//! the article means.
//!
//! - [`Gazetteer`]: records (countries, regions, first- and second-level divisions, towns of
//!   1,000 people or more) and a normalised-name index; [`Gazetteer::embedded`] is the one
//!   shipped in the crate.
//! - [`find_toponyms`]: capitalised name sequences of a text that the gazetteer knows.
//! - [`resolve`]: ranks each toponym's candidates using the rest of the document (countries
//!   mentioned, places nearby, divisions, feature type, population, kind of name match) and
//!   flags demonyms and capitals used for their governments; [`Gazetteer::resolve_all`] also
//!   places names it does not know, approximately.
//! - [`builder`]: makes the gazetteer file; [`eval`]: scores resolution on geoparsing gold.

pub mod builder;
pub mod eval;
pub mod gazetteer;
pub mod matcher;
pub mod norm;
pub mod resolve;

pub use gazetteer::{Candidate, Gazetteer, Kind};
pub use matcher::find_toponyms;
pub use resolve::{Resolution, resolve};

use thiserror::Error;
use veille_core::container::ContainerError;

/// Everything that can go wrong in this crate.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum GeoError {
    #[error(transparent)]
    Container(#[from] ContainerError),
    #[error("gazetteer file corrupted ({0})")]
    Corrupt(&'static str),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("bad input: {0}")]
    Input(String),
}

impl GeoError {
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> GeoError {
        GeoError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
