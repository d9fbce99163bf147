//! An article as ingestion produces it: the body text plus what its metadata says.

use crate::{Date, Lang};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Where an article's date came from. Users need to know: a date set by hand, read from the
/// page's metadata and guessed from the text do not deserve the same trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// `--date` on the command line.
    Cli,
    /// The document's own metadata (HTML meta tags, JSON-LD, feed fields).
    Metadata,
    /// Read from the text itself (a dateline or an explicit full date).
    Inferred,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Content hash of `text` (see [`content_id`]): ingesting the same text twice is a no-op.
    pub id: String,
    /// Where it was read from: a path, `-` for stdin, or a URL from metadata.
    pub source: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub date_source: Option<DateSource>,
    /// The language declared by the document's metadata, if any (`<html lang>`), verbatim.
    pub declared_lang: Option<String>,
    /// The language veille identified and will code in; `None` when unsupported or undetermined.
    pub lang: Option<Lang>,
    /// The body text, exactly what every span of the annotated `Doc` points into.
    pub text: String,
}

impl Article {
    /// A new article over `text` with its id computed; metadata empty.
    pub fn new(source: impl Into<String>, text: String) -> Article {
        Article {
            id: content_id(&text),
            source: source.into(),
            url: None,
            title: None,
            date: None,
            date_source: None,
            declared_lang: None,
            lang: None,
            text,
        }
    }
}

/// The article id: the first 128 bits of SHA-256 over the text, in hex. Metadata is not part
/// of it on purpose: the same story fetched from two URLs is one article.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(32);
    for b in &digest[..16] {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_stable_and_content_only() {
        let a = Article::new("a.txt", "Bonjour.".into());
        let b = Article::new("b.txt", "Bonjour.".into());
        assert_eq!(a.id, b.id);
        assert_eq!(a.id.len(), 32);
        assert_ne!(a.id, content_id("Bonjour !"));
    }
}
