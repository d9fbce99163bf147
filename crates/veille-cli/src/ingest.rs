//! `veille ingest`: run the pipeline over files and store the results, one transaction per batch.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;
use std::path::{Path, PathBuf};
use veille::Pipeline;
use veille_core::{Article, Doc};
use veille_ingest::IngestOptions;
use veille_store::Store;

pub struct IngestArgs<'a> {
    pub paths: &'a [PathBuf],
    pub db: &'a Path,
    pub opts: IngestOptions,
    pub batch: usize,
    pub quiet: bool,
    pub json: bool,
}

#[derive(Default)]
struct Totals {
    inserted: usize,
    duplicates: usize,
    mentions: usize,
    new_events: usize,
    words: usize,
}

impl Totals {
    /// Writes the pending articles in one transaction.
    fn flush(&mut self, store: &mut Store, pending: &mut Vec<(Article, Doc)>) -> Result<()> {
        if pending.is_empty() {
            return Ok(());
        }
        let r = store.insert_batch(pending).context("writing a batch")?;
        self.inserted += r.inserted;
        self.duplicates += r.duplicates;
        self.mentions += r.mentions;
        self.new_events += r.new_events;
        pending.clear();
        Ok(())
    }
}

pub fn run(a: IngestArgs) -> Result<crate::extract::Outcome> {
    let mut store = Store::open(a.db).with_context(|| format!("opening {}", a.db.display()))?;
    let pipeline = Pipeline::new()?;
    let (files, _) = veille_ingest::expand_paths(a.paths);
    let bar = if a.quiet || a.json {
        ProgressBar::hidden()
    } else {
        let b = ProgressBar::new(files.len() as u64);
        b.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} articles · {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    };
    let t0 = std::time::Instant::now();
    let mut totals = Totals::default();
    let mut pending: Vec<(Article, Doc)> = Vec::new();
    let outcome = {
        let bar = bar.clone();
        crate::extract::for_each_article(a.paths, &a.opts, |article| {
            bar.inc(1);
            if store.has_article(&article.id)? {
                totals.duplicates += 1;
                return Ok(());
            }
            let doc = pipeline.process(&article);
            totals.words += doc.words.len();
            pending.push((article, doc));
            if pending.len() >= a.batch {
                totals.flush(&mut store, &mut pending)?;
                bar.set_message(format!("{} stored", totals.inserted));
            }
            Ok(())
        })?
    };
    totals.flush(&mut store, &mut pending)?;
    let Totals {
        inserted,
        duplicates,
        mentions,
        new_events,
        words,
    } = totals;
    bar.finish_and_clear();
    let secs = t0.elapsed().as_secs_f64();
    let stats = store.stats()?;
    if a.json {
        use std::io::Write;
        writeln!(
            std::io::stdout().lock(),
            "{}",
            json!({"read": outcome.ok, "failed": outcome.failed, "inserted": inserted, "duplicates": duplicates,
                   "mentions": mentions, "new_events": new_events, "words": words, "seconds": secs,
                   "db": a.db.display().to_string(), "db_articles": stats.articles, "db_events": stats.events})
        )?;
    } else if !a.quiet {
        eprintln!(
            "ingested {inserted} new articles ({duplicates} already stored, {} unreadable or unsupported) · {mentions} event mentions, {new_events} new events · {words} words in {secs:.2}s · {} now holds {} articles, {} events",
            outcome.failed,
            a.db.display(),
            stats.articles,
            stats.events
        );
    }
    Ok(outcome)
}
