//! The one error type of ingestion: one value per source that could not be read.

use std::fmt;
use thiserror::Error;

/// Why a source could not become an [`veille_core::Article`].
///
/// Every variant names the source (a path, or `-` for stdin) so that a batch run can print one
/// readable line per bad file and carry on with the others.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The path does not exist (or is a dangling symlink).
    #[error("{path}: no such file or directory")]
    NotFound { path: String },
    /// A directory was given where a file was expected.
    #[error("{path}: is a directory")]
    IsDirectory { path: String },
    /// The operating system refused to read it (permissions, I/O error, …).
    ///
    /// The `io::Error` is part of the message rather than a `source()` so that printing the
    /// chain does not repeat it.
    #[error("{path}: cannot read ({error})")]
    Unreadable { path: String, error: std::io::Error },
    /// Larger than [`crate::IngestOptions::max_bytes`].
    #[error("{path}: too large ({size}, the limit is {limit} bytes)")]
    TooLarge {
        path: String,
        size: Size,
        limit: u64,
    },
    /// No bytes, or only whitespace.
    #[error("{path}: empty (no text)")]
    Empty { path: String },
    /// Binary data; `kind` says what it looks like ("PDF document", "NUL bytes", …).
    #[error("{path}: binary data ({kind}), not text or HTML")]
    Binary { path: String, kind: String },
    /// Not valid UTF-8; `offset` is the byte offset of the first bad sequence in the input.
    #[error("{path}: not UTF-8 (invalid byte sequence at offset {offset})")]
    InvalidUtf8 { path: String, offset: usize },
    /// Announced UTF-16 by its byte order mark but holds an unpaired surrogate or an odd byte.
    #[error("{path}: invalid UTF-16 (bad code unit at offset {offset})")]
    InvalidUtf16 { path: String, offset: usize },
    /// A text encoding veille recognises but does not read (UTF-32).
    #[error("{path}: unsupported text encoding {encoding}")]
    UnsupportedEncoding {
        path: String,
        encoding: &'static str,
    },
    /// An HTML page nested so deeply that parsing it would take hours (no real page is; see
    /// the `html` module). `depth` is an estimate from the tags.
    #[error("{path}: HTML nested too deeply (about {depth} levels, the limit is {limit})")]
    TooDeep {
        path: String,
        depth: usize,
        limit: usize,
    },
    /// The HTML extraction code panicked on this page. That is a bug in veille or in a parser
    /// it uses; the page is skipped instead of ending the whole run.
    #[error("{path}: HTML extraction failed (internal error, please report it with the page)")]
    ExtractionFailed { path: String },
    /// An HTML page from which no body text could be extracted.
    #[error("{path}: HTML page with no extractable body text")]
    NoText { path: String },
}

impl IngestError {
    /// The source the error is about, as given by the caller.
    pub fn path(&self) -> &str {
        match self {
            IngestError::NotFound { path }
            | IngestError::IsDirectory { path }
            | IngestError::Unreadable { path, .. }
            | IngestError::TooLarge { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path, .. }
            | IngestError::InvalidUtf8 { path, .. }
            | IngestError::InvalidUtf16 { path, .. }
            | IngestError::UnsupportedEncoding { path, .. }
            | IngestError::TooDeep { path, .. }
            | IngestError::ExtractionFailed { path }
            | IngestError::NoText { path } => path,
        }
    }
}

/// The size of an oversized input: exact for files, a lower bound for streams (stdin is read
/// only up to one byte past the limit, never to its end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Exact(u64),
    AtLeast(u64),
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Size::Exact(n) => write!(f, "{n} bytes"),
            Size::AtLeast(n) => write!(f, "at least {n} bytes"),
        }
    }
}
