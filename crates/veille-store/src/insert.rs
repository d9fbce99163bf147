//! Writing batches of annotated articles.

use crate::dates::{date_range, now_utc, source_name};
use crate::{Result, Store, StoreError};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;
use std::collections::BTreeSet;
use veille_core::{Actor, Article, DateSource, Doc, EventMention, Span};

/// What one [`Store::insert_batch`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchReport {
    /// Articles written.
    pub inserted: usize,
    /// Articles skipped because their content hash was already stored (or repeated in the batch).
    pub duplicates: usize,
    /// Event mentions written.
    pub mentions: usize,
    /// Events created (the rest of the mentions joined existing events).
    pub new_events: usize,
}

impl Store {
    /// Whether an article with this id (content hash) is stored.
    pub fn has_article(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
            .exists([id])?)
    }

    /// Writes a batch of annotated articles in one transaction: all of it or, on any error or
    /// crash, none of it. Articles already stored are skipped and counted as duplicates, so
    /// feeding the same input again is a no-op and resuming an interrupted run is safe.
    ///
    /// Every `Doc` must be over its article's text and every span must be a valid byte range of
    /// it; this is checked for the whole batch before anything is written.
    pub fn insert_batch(&mut self, items: &[(Article, Doc)]) -> Result<BatchReport> {
        for (article, doc) in items {
            check(article, doc)?;
        }
        let now = now_utc();
        // IMMEDIATE takes the write lock up front: a deferred transaction that starts reading
        // and later needs to write can fail with SQLITE_BUSY when another writer got in between.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut report = BatchReport::default();
        let mut touched = BTreeSet::new();
        for (n, (article, doc)) in items.iter().enumerate() {
            if !insert_article(&tx, article, doc, &now)? {
                report.duplicates += 1;
                continue;
            }
            for (idx, mention) in doc.events.iter().enumerate() {
                let (event_id, created) = event_for(&tx, mention, &now)?;
                insert_mention(&tx, &article.id, idx, mention, event_id)?;
                touched.insert(event_id);
                report.mentions += 1;
                report.new_events += usize::from(created);
            }
            report.inserted += 1;
            #[cfg(test)]
            if let Some(hook) = self.after_article.as_mut() {
                hook(n)?;
            }
            #[cfg(not(test))]
            let _ = n;
        }
        // Recomputed from the mentions rather than incremented: exact by construction, and
        // inside the same transaction so they can never disagree with what was committed.
        let mut refresh = tx.prepare_cached(
            "UPDATE events SET
                num_mentions = (SELECT count(*) FROM mentions WHERE event_id = ?1),
                num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = ?1),
                num_sources = (SELECT count(DISTINCT a.source_name)
                               FROM mentions m JOIN articles a ON a.id = m.article_id
                               WHERE m.event_id = ?1)
             WHERE id = ?1",
        )?;
        for id in touched {
            refresh.execute([id])?;
        }
        drop(refresh);
        tx.commit()?;
        Ok(report)
    }
}

/// Rejects what would be stored but could not be read back: a `Doc` over another text, or a
/// span outside the text or inside a multibyte character.
fn check(article: &Article, doc: &Doc) -> Result<()> {
    let text = article.text.as_str();
    if doc.text != text {
        return Err(StoreError::TextMismatch {
            id: article.id.clone(),
        });
    }
    let span_ok = |what: &'static str, s: Span| {
        if s.start <= s.end && text.get(s.range()).is_some() {
            Ok(())
        } else {
            Err(StoreError::BadSpan {
                id: article.id.clone(),
                what,
                start: s.start,
                end: s.end,
            })
        }
    };
    for s in &doc.sentences {
        span_ok("sentence", s.span)?;
    }
    for e in &doc.entities {
        span_ok("entity", e.span)?;
    }
    for m in &doc.events {
        span_ok("event sentence", m.sentence)?;
        span_ok("event source", m.source.span)?;
        if let Some(t) = &m.target {
            span_ok("event target", t.span)?;
        }
        for &s in &m.evidence {
            span_ok("event evidence", s)?;
        }
        if let Some(p) = &m.place {
            span_ok("event place", p.span)?;
        }
    }
    Ok(())
}

/// SQLite integers are i64; our counts never come near the limit.
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(crate) fn date_source_str(d: DateSource) -> &'static str {
    match d {
        DateSource::Cli => "cli",
        DateSource::Metadata => "metadata",
        DateSource::Inferred => "inferred",
    }
}

/// Writes the article and its spans; `false` when it was already stored.
fn insert_article(tx: &Transaction<'_>, a: &Article, doc: &Doc, now: &str) -> Result<bool> {
    // ON CONFLICT(id) rather than INSERT OR IGNORE: only the duplicate id may be ignored, any
    // other constraint failure must still abort the batch.
    let inserted = tx
        .prepare_cached(
            "INSERT INTO articles (id, source, source_name, url, title, date, date_source,
                declared_lang, lang, text, n_sentences, n_tokens, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT(id) DO NOTHING",
        )?
        .execute(params![
            a.id,
            a.source,
            source_name(a),
            a.url,
            a.title,
            a.date.map(|d| d.to_string()),
            a.date_source.map(date_source_str),
            a.declared_lang,
            a.lang.map(|l| l.code()),
            a.text,
            int(doc.sentences.len()),
            int(doc.tokens.len()),
            now,
        ])?;
    if inserted == 0 {
        return Ok(false);
    }
    let mut sent = tx.prepare_cached(
        "INSERT INTO sentences (article_id, idx, start, \"end\") VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, s) in doc.sentences.iter().enumerate() {
        sent.execute(params![a.id, int(i), s.span.start, s.span.end])?;
    }
    let mut ent = tx.prepare_cached(
        "INSERT INTO entities (article_id, idx, start, \"end\", label) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, e) in doc.entities.iter().enumerate() {
        ent.execute(params![
            a.id,
            int(i),
            e.span.start,
            e.span.end,
            e.label.as_str()
        ])?;
    }
    Ok(true)
}

/// The id of the event `m` belongs to, creating it when new (`true`).
fn event_for(tx: &Transaction<'_>, m: &EventMention, now: &str) -> Result<(i64, bool)> {
    let date_value = m.date.value.as_deref().unwrap_or("");
    let target_code = m.target.as_ref().map_or("", |t| t.code.as_str());
    let existing = tx
        .prepare_cached(
            "SELECT id FROM events
             WHERE date_value = ?1 AND source_code = ?2 AND target_code = ?3 AND cameo = ?4",
        )?
        .query_row(
            params![date_value, m.source.code, target_code, m.cameo],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Ok((id, false));
    }
    let range = date_range(date_value);
    tx.prepare_cached(
        "INSERT INTO events (date_value, date_start, date_end, source_code, target_code, cameo,
            root, quad_class, goldstein, plover_type, plover_mode, source_country, target_country,
            first_seen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        date_value,
        range.map(|r| r.0.to_string()),
        range.map(|r| r.1.to_string()),
        m.source.code,
        target_code,
        m.cameo,
        m.root,
        m.quad_class,
        f64::from(m.goldstein),
        m.plover.kind,
        m.plover.mode,
        m.source.country,
        m.target.as_ref().and_then(|t| t.country.as_deref()),
        now,
    ])?;
    Ok((tx.last_insert_rowid(), true))
}

fn insert_mention(
    tx: &Transaction<'_>,
    article_id: &str,
    idx: usize,
    m: &EventMention,
    event_id: i64,
) -> Result<()> {
    let t: Option<&Actor> = m.target.as_ref();
    let place = m.place.as_ref().map(serde_json::to_string).transpose()?;
    let evidence = serde_json::to_string(&m.evidence)?;
    tx.prepare_cached(
        "INSERT INTO mentions (article_id, idx, cameo, root, quad_class, goldstein, plover_type,
            plover_mode, source_text, source_start, source_end, source_code, source_country,
            source_roles, target_text, target_start, target_end, target_code, target_country,
            target_roles, date_value, date_precision, date_from, place_json, sentence_start,
            sentence_end, evidence_json, rule, event_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
            ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
    )?
    .execute(params![
        article_id,
        int(idx),
        m.cameo,
        m.root,
        m.quad_class,
        f64::from(m.goldstein),
        m.plover.kind,
        m.plover.mode,
        m.source.text,
        m.source.span.start,
        m.source.span.end,
        m.source.code,
        m.source.country,
        m.source.roles.join(","),
        t.map(|t| &t.text),
        t.map(|t| t.span.start),
        t.map(|t| t.span.end),
        t.map(|t| &t.code),
        t.and_then(|t| t.country.as_deref()),
        t.map(|t| t.roles.join(",")),
        m.date.value,
        m.date.precision,
        m.date.from,
        place,
        m.sentence.start,
        m.sentence.end,
        evidence,
        m.rule,
        event_id,
    ])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    #[test]
    fn duplicates_are_skipped_and_reingest_is_a_no_op() {
        let mut store = Store::open_in_memory().unwrap();
        let item = accord_lemonde();
        assert!(!store.has_article(&item.0.id).unwrap());
        let r = store.insert_batch(std::slice::from_ref(&item)).unwrap();
        assert_eq!(
            r,
            BatchReport {
                inserted: 1,
                duplicates: 0,
                mentions: 1,
                new_events: 1
            }
        );
        assert!(store.has_article(&item.0.id).unwrap());
        let stats = store.stats().unwrap();

        let again = store.insert_batch(std::slice::from_ref(&item)).unwrap();
        assert_eq!(
            again,
            BatchReport {
                inserted: 0,
                duplicates: 1,
                mentions: 0,
                new_events: 0
            }
        );
        assert_eq!(store.stats().unwrap(), stats);

        // The same text under another path is the same article; so is a repeat inside a batch.
        let mut moved = visite_elysee();
        let copy = (
            Article {
                source: "ailleurs/copie.txt".into(),
                ..moved.0.clone()
            },
            moved.1.clone(),
        );
        moved.0.title = Some("Visite à l'Élysée".into());
        let r = store.insert_batch(&[moved, copy]).unwrap();
        assert_eq!((r.inserted, r.duplicates), (1, 1));
        let ev = store.events(&Default::default()).unwrap();
        assert!(ev.iter().all(|e| e.num_mentions == 1), "{ev:#?}");
        assert_consistent(&store);
    }

    #[test]
    fn one_event_reported_by_several_articles() {
        let mut store = Store::open_in_memory().unwrap();
        let r = store.insert_batch(&[accord_lemonde()]).unwrap();
        assert_eq!(r.new_events, 1);
        // Another outlet reports the same agreement: same date, actors and code.
        let r = store.insert_batch(&[accord_rfi()]).unwrap();
        assert_eq!((r.mentions, r.new_events), (1, 0));
        let ev = store.events(&Default::default()).unwrap();
        assert_eq!(ev.len(), 1);
        let e = &ev[0];
        assert_eq!(
            (e.num_mentions, e.num_articles, e.num_sources),
            (2, 2, 2),
            "{e:#?}"
        );
        assert_eq!(e.date.as_deref(), Some("2024-03-12"));
        assert_eq!(e.target_code.as_deref(), Some("MRT"));

        // A follow-up from the first outlet's folder mentions it twice: more mentions, one more
        // article, no new source.
        let r = store.insert_batch(&[suite_lemonde()]).unwrap();
        assert_eq!((r.mentions, r.new_events), (2, 0));
        let e = &store.events(&Default::default()).unwrap()[0];
        assert_eq!((e.num_mentions, e.num_articles, e.num_sources), (4, 3, 2));
        assert_eq!(store.mentions_of(e.id).unwrap().len(), 4);
        assert_consistent(&store);
    }

    #[test]
    fn undated_and_targetless_events_deduplicate_too() {
        let mut store = Store::open_in_memory().unwrap();
        let (a, mut d) = manifestation_dakar();
        // The same protest told twice in one article: one event, two mentions.
        d.events.push(d.events[0].clone());
        let r = store.insert_batch(&[(a, d)]).unwrap();
        assert_eq!((r.mentions, r.new_events), (2, 1));
        let ev = store.events(&Default::default()).unwrap();
        assert_eq!(ev.len(), 1);
        assert_eq!(
            (ev[0].date.as_deref(), ev[0].target_code.as_deref()),
            (None, None)
        );
        assert_eq!((ev[0].num_mentions, ev[0].num_articles), (2, 1));
    }

    #[test]
    fn bad_input_is_rejected_before_writing() {
        let mut store = Store::open_in_memory().unwrap();
        let good = accord_lemonde();
        let (a, mut d) = accord_rfi();
        // A span ending inside the "é" of "Nouakchott ont conclu … pêche": byte 1 of 2.
        let e = d.text.find('ê').unwrap() + 1;
        d.events[0].evidence.push(Span::new(0, e));
        let err = store
            .insert_batch(&[good.clone(), (a.clone(), d)])
            .unwrap_err();
        assert!(matches!(err, StoreError::BadSpan { .. }), "{err:?}");
        let mut other = Doc::from_article(&a);
        other.text.push('!');
        let err = store.insert_batch(&[good, (a, other)]).unwrap_err();
        assert!(matches!(err, StoreError::TextMismatch { .. }), "{err:?}");
        assert_eq!(store.stats().unwrap().articles, 0);
    }
}
