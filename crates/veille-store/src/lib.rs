//! Storage for veille: articles, their annotations, coded event mentions, and events
//! deduplicated across articles, in one SQLite file.
//!
//! # Using it
//!
//! ```
//! use veille_core::{Article, Doc};
//! use veille_store::{EventFilter, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let article = Article::new("depeches/afp/1.txt", "Le Maroc a rappelé son ambassadeur.".into());
//! let doc = Doc::from_article(&article);
//! let report = store.insert_batch(&[(article.clone(), doc.clone())])?;
//! assert_eq!(report.inserted, 1);
//! // Re-ingesting the same text is a no-op: the article id is its content hash.
//! assert_eq!(store.insert_batch(&[(article, doc)])?.duplicates, 1);
//! let events = store.events(&EventFilter { code: Some("05".into()), ..EventFilter::default() })?;
//! assert!(events.is_empty());
//! # Ok::<(), veille_store::StoreError>(())
//! ```
//!
//! # Schema (version 1, see `schema.rs`)
//!
//! - `articles`: one row per distinct text, keyed by its content hash; the text is kept whole
//!   because every other table points into it with **byte** offsets.
//! - `sentences`, `entities`: the spans of the annotated `Doc`.
//! - `mentions`: one row per [`EventMention`](veille_core::EventMention), with its actors, date,
//!   place, sentence and evidence spans and the rule that produced it, linked to one event.
//! - `events`: the deduplicated events with GDELT-style counters.
//!
//! Migrations are a list of SQL scripts; `PRAGMA user_version` records how many ran. Opening a
//! database made by a newer build fails with [`StoreError::SchemaTooNew`] instead of guessing.
//!
//! # Deduplication
//!
//! An event is the tuple (date value, source actor code, target actor code, CAMEO code), with
//! `''` standing for an undated event or a missing target: the same agreement reported by three
//! papers is one event with three mentions. Its counters are recomputed from `mentions` for
//! every event a batch touches: `num_mentions` counts mentions, `num_articles` distinct
//! articles, `num_sources` distinct source names ([`source_name`]: the URL host, or the parent
//! directory of a file, so one outlet republishing itself counts once).
//!
//! # Crash safety
//!
//! [`Store::insert_batch`] writes a whole batch (articles, spans, mentions, new events and the
//! counters) in one transaction. A process killed mid-batch, even by SIGKILL, leaves the database
//! as it was before the batch: SQLite's write-ahead log ignores uncommitted frames on the next
//! open. Counters are never updated outside that transaction, so they always agree with the
//! mentions. Rerunning the same input afterwards inserts what was lost and skips the rest.
//! `synchronous=NORMAL` in WAL mode keeps this guarantee for process crashes; only a power loss
//! can drop the last committed batches (never corrupt the file).

mod dates;
mod error;
mod insert;
mod query;
mod schema;
#[cfg(test)]
mod testutil;

pub use dates::source_name;
pub use error::{Result, StoreError};
pub use insert::BatchReport;
pub use query::{EventFilter, EventRow, MentionRow, Stats};
pub use schema::SCHEMA_VERSION;

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another process's transaction before giving up: long enough for
/// a concurrent ingest batch to commit, short enough to report a stuck lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// A hook tests run after each article of a batch is written, inside the transaction.
#[cfg(test)]
type ArticleHook = Box<dyn FnMut(usize) -> Result<()> + Send>;

/// An open veille database.
pub struct Store {
    conn: Connection,
    #[cfg(test)]
    after_article: Option<ArticleHook>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating it if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let wrap = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(wrap)?;
        // SQLite opens lazily: "not a database" surfaces at the first statement, so name the
        // file in that error too.
        Store::setup(conn).map_err(|e| match e {
            StoreError::Sqlite(source) => wrap(source),
            e => e,
        })
    }

    /// A fresh database in memory (tests, one-shot runs).
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Off by default in SQLite, and without it a bug could leave mentions pointing nowhere.
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Check the version before anything writes to a file a newer build owns.
        let found = user_version(&conn)?;
        check_version(found)?;
        use_wal(&conn)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        register_functions(&conn)?;
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            #[cfg(test)]
            after_article: None,
        })
    }

    /// The schema version of the open database (always [`SCHEMA_VERSION`] after `open`).
    pub fn schema_version(&self) -> Result<i64> {
        user_version(&self.conn)
    }
}

/// Puts a file database in WAL mode, which lets readers (the server, a query) run while an
/// ingest writes and makes a killed writer's partial transaction invisible.
///
/// WAL is a property of the file, so once any process has switched it there is nothing to do
/// and no lock to take. The switch itself needs the file to itself and SQLite runs no busy
/// handler for it: two processes opening a fresh file at once (an ingest and a query, two
/// ingests) would see "database is locked", or the old mode answered back, in one of them. So
/// the switch is retried, with growing pauses, within the same budget as any other lock wait.
fn use_wal(conn: &Connection) -> Result<()> {
    // "memory" for an in-memory database, which has no file to share: fine as it is.
    let done = |mode: &str| mode.eq_ignore_ascii_case("wal") || mode.eq_ignore_ascii_case("memory");
    let busy = |e: &rusqlite::Error| {
        matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    };
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let mut pause = Duration::from_millis(1);
    loop {
        let attempt = conn
            .pragma_query_value(None, "journal_mode", |r| r.get::<_, String>(0))
            .and_then(|mode| {
                if done(&mode) {
                    return Ok(mode);
                }
                conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            });
        let last = match attempt {
            Ok(mode) if done(&mode) => return Ok(()),
            Ok(mode) => StoreError::JournalMode { mode },
            Err(e) if busy(&e) => StoreError::Sqlite(e),
            Err(e) => return Err(e.into()),
        };
        if std::time::Instant::now() >= deadline {
            return Err(last);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(100));
    }
}

fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

fn check_version(found: i64) -> Result<()> {
    if found < 0 {
        return Err(StoreError::SchemaUnknown { found });
    }
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Applies the missing migrations, each in its own transaction together with its version bump,
/// so a crash mid-migration leaves the previous version intact. The version is read again under
/// the write lock: two processes opening a fresh file at once must not both run migration 1.
fn migrate(conn: &mut Connection) -> Result<()> {
    // Up to date: take no write lock, so a reader can open the database while an ingest holds it.
    if user_version(conn)? == SCHEMA_VERSION {
        return Ok(());
    }
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found = user_version(&tx)?;
        check_version(found)?;
        let Some(sql) = next_migration(found) else {
            return Ok(());
        };
        let version = found + 1;
        tx.execute_batch(sql)
            .map_err(|source| StoreError::Migration { version, source })?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
}

/// The migration that follows `version`, if any.
fn next_migration(version: i64) -> Option<&'static str> {
    usize::try_from(version)
        .ok()
        .and_then(|v| schema::MIGRATIONS.get(v).copied())
}

/// `veille_fold(text)`: Unicode lower case, for case-insensitive search. SQLite's own `lower()`
/// only folds ASCII, and French actor names start with `É` as often as not.
fn register_functions(conn: &Connection) -> Result<()> {
    conn.create_scalar_function(
        "veille_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<Option<String>>(0)?.map(|s| s.to_lowercase())),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn fresh_file_is_migrated_and_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("veille.db");
        {
            let mut store = Store::open(&path).unwrap();
            assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
            let mode: String = store
                .conn
                .pragma_query_value(None, "journal_mode", |r| r.get(0))
                .unwrap();
            assert_eq!(mode, "wal");
            let fk: i64 = store
                .conn
                .pragma_query_value(None, "foreign_keys", |r| r.get(0))
                .unwrap();
            assert_eq!(fk, 1);
            store.insert_batch(&[accord_lemonde()]).unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let stats = store.stats().unwrap();
        assert_eq!((stats.articles, stats.mentions, stats.events), (1, 1, 1));
    }

    /// Processes opening one fresh file at once (an ingest and a reader, two ingests) must all
    /// succeed: SQLite runs no busy handler for the switch to WAL, so `setup` retries it.
    #[test]
    fn concurrent_opens_of_a_fresh_file_all_succeed() {
        for round in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("veille.db");
            let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    let (path, barrier) = (path.clone(), barrier.clone());
                    std::thread::spawn(move || {
                        barrier.wait();
                        Store::open(&path).map(|s| s.schema_version().unwrap())
                    })
                })
                .collect();
            for h in handles {
                let version = h.join().unwrap();
                assert_eq!(version.ok(), Some(SCHEMA_VERSION), "round {round}");
            }
        }
    }

    #[test]
    fn newer_database_is_refused_clearly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE t(x); PRAGMA user_version = 99;")
                .unwrap();
        }
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::SchemaTooNew {
                    found: 99,
                    known: SCHEMA_VERSION
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("update veille"), "{err}");
        // And the file was left alone: no migration ran.
        let conn = Connection::open(&path).unwrap();
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'articles'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn not_a_database_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(
            &path,
            "Ceci n'est pas une base de données, juste des notes.\n".repeat(20),
        )
        .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
        assert!(err.to_string().contains("notes.db"), "{err}");
    }

    /// An error midway through a batch (here injected after the second article) rolls back the
    /// whole batch; a reader never sees part of it; rerunning inserts everything exactly once.
    #[test]
    fn aborted_batch_leaves_nothing_and_rerun_completes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("veille.db");
        let mut store = Store::open(&path).unwrap();
        store.insert_batch(&[accord_lemonde()]).unwrap();
        let before = store.stats().unwrap();

        let reader_path = path.clone();
        store.after_article = Some(Box::new(move |n| {
            if n == 1 {
                // Another connection, as the server would hold: it sees the last commit only.
                let reader = Store::open(&reader_path)?;
                let seen = reader.stats()?;
                assert_eq!((seen.articles, seen.mentions), (1, 1));
                return Err(StoreError::Injected);
            }
            Ok(())
        }));
        let batch = [accord_rfi(), visite_elysee(), manifestation_dakar()];
        let err = store.insert_batch(&batch).unwrap_err();
        assert!(matches!(err, StoreError::Injected), "{err:?}");
        assert_eq!(store.stats().unwrap(), before);
        assert_consistent(&store);
        assert!(!store.has_article(&batch[0].0.id).unwrap());

        store.after_article = None;
        let mut all = vec![accord_lemonde()];
        all.extend(batch.iter().cloned());
        let report = store.insert_batch(&all).unwrap();
        assert_eq!((report.inserted, report.duplicates), (3, 1));
        let stats = store.stats().unwrap();
        assert_eq!((stats.articles, stats.mentions), (4, 4));
        assert_consistent(&store);
    }

    const CRASH_DB_VAR: &str = "VEILLE_STORE_CRASH_DB";

    /// The child half of `sigkill_mid_batch_is_atomic`: commits one batch, then stops inside the
    /// second one and waits to be killed. Does nothing when run on its own.
    #[test]
    #[ignore = "run by sigkill_mid_batch_is_atomic in a child process"]
    fn sigkill_child() {
        let Some(path) = std::env::var_os(CRASH_DB_VAR) else {
            return;
        };
        let path = std::path::PathBuf::from(path);
        let mut store = Store::open(&path).unwrap();
        store.insert_batch(&[accord_lemonde()]).unwrap();
        let marker = path.with_extension("inside-batch");
        store.after_article = Some(Box::new(move |n| {
            if n == 1 {
                std::fs::write(&marker, b"1").map_err(|_| StoreError::Injected)?;
                std::thread::sleep(Duration::from_secs(120));
            }
            Ok(())
        }));
        let _ = store.insert_batch(&[accord_rfi(), visite_elysee(), manifestation_dakar()]);
    }

    /// A real SIGKILL in the middle of a batch, in another process.
    #[test]
    fn sigkill_mid_batch_is_atomic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("veille.db");
        let marker = path.with_extension("inside-batch");
        let test_name = module_path!()
            .split_once("::")
            .map_or("tests", |(_, rest)| rest)
            .to_string()
            + "::sigkill_child";
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([test_name.as_str(), "--exact", "--ignored", "--nocapture"])
            .env(CRASH_DB_VAR, &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        while !marker.exists() {
            if std::time::Instant::now() > deadline || child.try_wait().unwrap().is_some() {
                let _ = child.kill();
                panic!("the child never reached the middle of its batch");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        child.kill().unwrap(); // SIGKILL on Unix: no destructor, no rollback by the child
        child.wait().unwrap();

        let mut store = Store::open(&path).unwrap();
        let stats = store.stats().unwrap();
        assert_eq!((stats.articles, stats.mentions, stats.events), (1, 1, 1));
        assert_consistent(&store);
        let report = store
            .insert_batch(&[
                accord_lemonde(),
                accord_rfi(),
                visite_elysee(),
                manifestation_dakar(),
            ])
            .unwrap();
        assert_eq!((report.inserted, report.duplicates), (3, 1));
        assert_consistent(&store);
    }
}
