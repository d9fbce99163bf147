//! The schema, as a list of migrations applied in order.
//!
//! `PRAGMA user_version` holds how many of them a database has seen. A migration is only ever
//! appended, never edited once released: databases in the field were built by the old text.

/// Migration `i` brings a database from version `i` to version `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[V1];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const V1: &str = r#"
CREATE TABLE articles (
    id            TEXT PRIMARY KEY,   -- content hash of text (veille_core::content_id)
    source        TEXT NOT NULL,      -- path, '-' or URL the article was read from
    source_name   TEXT NOT NULL,      -- URL host or parent directory: what num_sources counts
    url           TEXT,
    title         TEXT,
    date          TEXT,               -- YYYY-MM-DD or NULL
    date_source   TEXT,               -- cli | metadata | inferred
    declared_lang TEXT,
    lang          TEXT,               -- fr | en | NULL (unsupported)
    text          TEXT NOT NULL,      -- every stored offset is a byte offset into this
    n_sentences   INTEGER NOT NULL,
    n_tokens      INTEGER NOT NULL,
    ingested_at   TEXT NOT NULL       -- UTC, RFC 3339
);

CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    label      TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- One row per (date, source, target, CAMEO code) across all articles. Missing parts are ''
-- rather than NULL because NULLs never compare equal, so UNIQUE would not deduplicate them.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    date_value     TEXT NOT NULL,     -- TIMEX3 value, '' when undated
    date_start     TEXT,              -- first day date_value covers, NULL when not a calendar value
    date_end       TEXT,              -- last day date_value covers
    source_code    TEXT NOT NULL,
    target_code    TEXT NOT NULL,     -- '' when the event has no target
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    plover_type    TEXT NOT NULL,
    plover_mode    TEXT,
    source_country TEXT,
    target_country TEXT,
    num_mentions   INTEGER NOT NULL DEFAULT 0,
    num_articles   INTEGER NOT NULL DEFAULT 0,
    num_sources    INTEGER NOT NULL DEFAULT 0,
    first_seen     TEXT NOT NULL,     -- ingested_at of the batch that created it
    UNIQUE (date_value, source_code, target_code, cameo)
);

CREATE TABLE mentions (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    cameo          TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    plover_type    TEXT NOT NULL,
    plover_mode    TEXT,
    source_text    TEXT NOT NULL,
    source_start   INTEGER NOT NULL,
    source_end     INTEGER NOT NULL,
    source_code    TEXT NOT NULL,
    source_country TEXT,
    source_roles   TEXT NOT NULL,     -- comma-separated CAMEO agent codes
    target_text    TEXT,
    target_start   INTEGER,
    target_end     INTEGER,
    target_code    TEXT,
    target_country TEXT,
    target_roles   TEXT,
    date_value     TEXT,
    date_precision TEXT NOT NULL,
    date_from      TEXT NOT NULL,
    place_json     TEXT,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    evidence_json  TEXT NOT NULL,     -- [{"start":…,"end":…}, …]
    rule           TEXT NOT NULL,
    event_id       INTEGER NOT NULL REFERENCES events(id),
    PRIMARY KEY (article_id, idx)
);

CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX events_date ON events(date_value);
CREATE INDEX events_date_range ON events(date_start, date_end);
CREATE INDEX events_source_country ON events(source_country);
CREATE INDEX events_target_country ON events(target_country);
CREATE INDEX events_cameo ON events(cameo);
"#;
