//! The one error type of the store.

use std::path::PathBuf;

/// Everything that can go wrong while opening, writing or reading a veille database.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file could not be opened or is not an SQLite database.
    #[error("cannot open database {}: {source}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// The database was written by a newer veille (more migrations than this build knows).
    #[error(
        "database schema version {found} is newer than this build of veille reads ({known}): \
         update veille, or use a database this version made"
    )]
    SchemaTooNew { found: i64, known: i64 },
    /// `PRAGMA user_version` holds a value no veille ever writes (negative).
    #[error("database schema version {found} is not one veille writes: is this a veille database?")]
    SchemaUnknown { found: i64 },
    /// A migration failed; its transaction was rolled back, the database is as before.
    #[error("migrating the database to schema version {version}: {source}")]
    Migration {
        version: i64,
        #[source]
        source: rusqlite::Error,
    },
    /// The database could not be put in WAL mode (another process kept it locked throughout,
    /// or the file system does not support the shared memory WAL needs).
    #[error("cannot switch the database to WAL mode: it stays in {mode} mode")]
    JournalMode { mode: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("encoding a record as JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The annotated `Doc` is not over the article's text, so its spans would point elsewhere.
    #[error("article {id}: the Doc text differs from the article text")]
    TextMismatch { id: String },
    /// A span to be stored is outside the text or cuts a character: reading it back would fail.
    #[error(
        "article {id}: {what} span {start}..{end} is outside the text or not on char boundaries"
    )]
    BadSpan {
        id: String,
        what: &'static str,
        start: u32,
        end: u32,
    },
    /// A stored value cannot be read back (edited by hand, or written by a buggy build).
    #[error("stored {what} of article {id} cannot be read back: {detail}")]
    Corrupt {
        id: String,
        what: &'static str,
        detail: String,
    },
    #[error("invalid filter: {0}")]
    InvalidFilter(String),
    /// Raised by the test hook to abort a batch midway.
    #[cfg(test)]
    #[error("failure injected by a test")]
    Injected,
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
