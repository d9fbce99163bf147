//! Ingestion: from a file, a directory or stdin to [`veille_core::Article`]s.
//!
//! This is the first stage of veille and the only one that sees raw input, so it is where
//! bad input is refused, clearly and one file at a time, before anything downstream can
//! mistake it for an article.
//!
//! # What happens to a source
//!
//! 1. **Paths.** [`expand_paths`] turns arguments into a sorted list of files (directories are
//!    walked, hidden entries skipped, `-` kept for stdin) plus one error per missing path.
//! 2. **Bytes.** [`read_source`] checks the size against [`IngestOptions::max_bytes`] *before*
//!    reading, then reads at most that much. [`read_bytes`] does the same for bytes in memory.
//! 3. **Text.** The bytes must be text: binary formats are named ("PDF document"), UTF-8 is
//!    validated (the error gives the offset of the first bad byte), a UTF-8 byte order mark is
//!    dropped and UTF-16 is decoded. Empty or whitespace-only input is an error too.
//! 4. **Format.** HTML when [`IngestOptions::format`] says so, when the name ends in `.html`,
//!    `.htm` or `.xhtml`, or when the text starts like a web page; plain text otherwise.
//! 5. **Body.** Plain text is kept as written, except that line endings become `\n` and
//!    trailing whitespace is dropped. HTML goes through main-content extraction (see the
//!    `html` module): paragraphs separated by a blank line, list items one per line, no
//!    menus, scripts, ads or footers; title, canonical URL, publication date and declared
//!    language come from the page's metadata.
//! 6. **Language.** [`identify_language_with`] decides French, English, or neither; German,
//!    Spanish, … give `lang: None` and a [`LangGuess`] that names them.
//! 7. **Date.** `--date` ([`IngestOptions::date`]) wins, then the page's metadata; there is no
//!    guessing from the text at this stage.
//!
//! The article text is final once built: every later annotation is a byte range into it,
//! which is why all normalisation happens here and nowhere after.
//!
//! # Example
//!
//! ```
//! use veille_ingest::{read_bytes, IngestOptions};
//! use veille_core::Lang;
//!
//! let html = r#"<html lang="fr"><head><meta property="og:title" content="Grève">
//!   <meta property="article:published_time" content="2022-01-20T08:00:00+01:00"></head>
//!   <body><nav>Accueil</nav><article><p>Les cheminots sont en grève depuis lundi
//!   dans toute la région, selon les syndicats.</p></article></body></html>"#;
//! let article = read_bytes("page.html", html.as_bytes(), &IngestOptions::default()).unwrap();
//! assert_eq!(article.text, "Les cheminots sont en grève depuis lundi dans toute la région, selon les syndicats.");
//! assert_eq!(article.title.as_deref(), Some("Grève"));
//! assert_eq!(article.date.unwrap().to_string(), "2022-01-20");
//! assert_eq!(article.lang, Some(Lang::Fr));
//! ```
//!
//! # Errors
//!
//! Every failure is an [`IngestError`] naming the source, displayed as one line a user can
//! act on, e.g. `notes.txt: not UTF-8 (invalid byte sequence at offset 1234)`. No input
//! makes this crate panic.

mod date;
mod decode;
mod error;
mod html;
mod lang;
mod paths;

pub use date::parse_date;
pub use error::{IngestError, Size};
pub use lang::{LangGuess, LangMethod, identify_language, identify_language_with};
pub use paths::expand_paths;

use std::fs::File;
use std::io::Read;
use std::path::Path;
use veille_core::{Article, Date, DateSource};

/// The default for [`IngestOptions::max_bytes`]: 8 MiB, far above any article and small
/// enough that a mistaken argument (a disk image, a log) is refused at once.
pub const DEFAULT_MAX_BYTES: usize = 8 * 1024 * 1024;

/// The format of a source. Feeds, JSONL and WARC will join these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Plain text, kept as written.
    Text,
    /// A web page: the article body is extracted.
    Html,
}

/// How to read sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// The article date from the command line (`--date`); overrides metadata.
    pub date: Option<Date>,
    /// Inputs larger than this are refused with [`IngestError::TooLarge`].
    pub max_bytes: usize,
    /// Force a format instead of detecting it.
    pub format: Option<Format>,
    /// Code every input in this language (`--lang`) instead of identifying it: for texts too
    /// short for identification to decide (a headline, one sentence), never a guess of ours.
    pub lang: Option<veille_core::Lang>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            date: None,
            max_bytes: DEFAULT_MAX_BYTES,
            format: None,
            lang: None,
        }
    }
}

/// Reads one source into an [`Article`]: a file, or stdin when `path` is `-`.
///
/// The file's size is checked before it is read, and at most `max_bytes + 1` bytes are ever
/// read (a file can grow, and `/dev/zero` reports a size of 0).
pub fn read_source(path: &Path, opts: &IngestOptions) -> Result<Article, IngestError> {
    let name = path.display().to_string();
    let limit = opts.max_bytes as u64;
    let too_large = |size| IngestError::TooLarge {
        path: name.clone(),
        size,
        limit,
    };
    let unreadable = |error| IngestError::Unreadable {
        path: name.clone(),
        error,
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        if bytes.len() as u64 > limit {
            return Err(too_large(Size::AtLeast(bytes.len() as u64)));
        }
    } else {
        let meta = std::fs::metadata(path).map_err(|e| paths::io_error(path, e))?;
        if meta.is_dir() {
            return Err(IngestError::IsDirectory { path: name });
        }
        if meta.len() > limit {
            return Err(too_large(Size::Exact(meta.len())));
        }
        File::open(path)
            .map_err(|e| paths::io_error(path, e))?
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        if bytes.len() as u64 > limit {
            return Err(too_large(Size::AtLeast(bytes.len() as u64)));
        }
    }
    build(&name, &bytes, opts)
}

/// Reads bytes already in memory (stdin, an archive member, a test) into an [`Article`].
/// `source_name` labels the article and its errors, and its extension counts for format
/// detection like a file name's.
pub fn read_bytes(
    source_name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<Article, IngestError> {
    if bytes.len() > opts.max_bytes {
        return Err(IngestError::TooLarge {
            path: source_name.to_string(),
            size: Size::Exact(bytes.len() as u64),
            limit: opts.max_bytes as u64,
        });
    }
    build(source_name, bytes, opts)
}

fn build(source: &str, bytes: &[u8], opts: &IngestOptions) -> Result<Article, IngestError> {
    let decoded = decode::decode(source, bytes)?;
    if decoded.trim().is_empty() {
        return Err(IngestError::Empty {
            path: source.to_string(),
        });
    }
    let format = opts
        .format
        .or_else(|| format_from_name(source))
        .unwrap_or_else(|| sniff(&decoded));
    let mut article = match format {
        Format::Text => Article::new(source, normalize_text(decoded)),
        Format::Html => {
            let depth = html::estimate_depth(&decoded);
            if depth > html::MAX_PARSE_DEPTH {
                return Err(IngestError::TooDeep {
                    path: source.to_string(),
                    depth,
                    limit: html::MAX_PARSE_DEPTH,
                });
            }
            // html5ever is lenient by design, but this is third-party code meeting arbitrary
            // input: a panic must cost one page, not the batch.
            let page = std::panic::catch_unwind(|| html::extract(&decoded)).map_err(|_| {
                IngestError::ExtractionFailed {
                    path: source.to_string(),
                }
            })?;
            let text = normalize_text(page.text);
            if text.trim().is_empty() {
                return Err(IngestError::NoText {
                    path: source.to_string(),
                });
            }
            let mut article = Article::new(source, text);
            article.title = page.title;
            article.url = page.url;
            article.date = page.date;
            article.declared_lang = page.lang;
            article
        }
    };
    article.date_source = article.date.map(|_| DateSource::Metadata);
    if let Some(date) = opts.date {
        article.date = Some(date);
        article.date_source = Some(DateSource::Cli);
    }
    article.lang = opts
        .lang
        .or_else(|| identify_language_with(&article.text, article.declared_lang.as_deref()).lang);
    // No date from metadata or the command line: read it from the text when the text makes it
    // unambiguous (a dateline, the only full date), and say so. Never today's date.
    if article.date.is_none()
        && let Some(lang) = article.lang
        && let Some((date, _)) = veille_time::infer_article_date(&article.text, lang)
    {
        article.date = Some(date);
        article.date_source = Some(DateSource::Inferred);
    }
    Ok(article)
}

/// HTML by extension; anything else is decided by looking at the content.
fn format_from_name(name: &str) -> Option<Format> {
    let ext = Path::new(name).extension()?.to_str()?;
    ["html", "htm", "xhtml", "shtml"]
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
        .then_some(Format::Html)
}

/// Whether text looks like a web page: it starts with a tag, and a doctype, `<html>` or
/// `<head>` comes within the first kilobyte (comments and XML declarations may precede them).
fn sniff(text: &str) -> Format {
    let start = text.trim_start();
    if !start.starts_with('<') {
        return Format::Text;
    }
    let head: String = start
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if ["<!doctype html", "<html", "<head"]
        .iter()
        .any(|m| head.contains(m))
    {
        Format::Html
    } else {
        Format::Text
    }
}

/// Line endings to `\n` and no trailing whitespace; every other byte as written.
fn normalize_text(text: String) -> String {
    let mut text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    let end = text.trim_end().len();
    text.truncate(end);
    text
}

#[cfg(test)]
mod tests;
