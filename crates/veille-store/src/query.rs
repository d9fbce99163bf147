//! Reading back: events with filters, the mentions behind an event, articles, counts.

use crate::insert::date_source_str;
use crate::{Result, Store, StoreError};
use rusqlite::types::ToSql;
use rusqlite::{OptionalExtension, Row, params_from_iter};
use serde::Serialize;
use veille_core::event::Place;
use veille_core::{Actor, Article, Date, DateSource, EventDate, EventMention, Lang, Plover, Span};

/// Which events [`Store::events`] returns. Every field narrows the result; the default is all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Case-insensitive substring of either actor's code or of the text naming it in any mention
    /// (`maroc`, `MARGOV`, `président`).
    pub actor: Option<String>,
    /// ISO 3166-1 alpha-3 country of either actor (`MAR`; case-insensitive).
    pub country: Option<String>,
    /// CAMEO code prefix: `05` matches `057` and `0571`.
    pub code: Option<String>,
    /// Events whose date reaches this day or later. Undated events (and dates that are not
    /// calendar values) are excluded as soon as `since` or `until` is given.
    pub since: Option<Date>,
    /// Events whose date starts on this day or earlier. A month or week value matches when any
    /// of its days is in `[since, until]`.
    pub until: Option<Date>,
    /// At most this many events (the most recent first).
    pub limit: Option<usize>,
}

/// A deduplicated event with its counters and, to show it without another query, its first
/// mention (article, actor texts, sentence and evidence). Flat, so it writes as a CSV row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub id: i64,
    /// TIMEX3 value (`2024-03-12`, `2024-02`), `None` when undated.
    pub date: Option<String>,
    pub source_code: String,
    pub target_code: Option<String>,
    pub cameo: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover_type: String,
    pub plover_mode: Option<String>,
    pub source_country: Option<String>,
    pub target_country: Option<String>,
    /// Mentions of the event, across all articles.
    pub num_mentions: u64,
    /// Distinct articles mentioning it.
    pub num_articles: u64,
    /// Distinct sources (see [`crate::source_name`]) mentioning it.
    pub num_sources: u64,
    /// When the event was first stored (UTC, RFC 3339).
    pub first_seen: String,
    /// The article of the first mention.
    pub article_id: String,
    /// The source actor as the first mention wrote it.
    pub source_text: String,
    pub target_text: Option<String>,
    /// The sentence of the first mention.
    pub sentence: String,
    /// The evidence pieces of the first mention, in order, joined by ` … `.
    pub evidence: String,
}

/// One mention of an event, as coded, with the texts its spans point to. Serialized, the
/// mention's own fields are flattened in, in the shape of the `extract` output contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRow {
    pub event_id: i64,
    pub article_id: String,
    /// Position of the mention in its article's `Doc::events`.
    pub idx: u32,
    /// The article's source name (URL host or directory).
    pub source_name: String,
    pub article_url: Option<String>,
    pub article_title: Option<String>,
    /// `text[mention.sentence]`.
    pub sentence_text: String,
    /// `text[span]` for each of `mention.evidence`.
    pub evidence_text: Vec<String>,
    #[serde(flatten)]
    pub mention: EventMention,
}

/// Row counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub articles: u64,
    pub mentions: u64,
    pub events: u64,
}

/// An event row before its evidence pieces are cut out of the article.
struct Pending {
    row: EventRow,
    sentence: Span,
    sentence_bytes: Vec<u8>,
    evidence_json: String,
}

/// The separator between evidence pieces in [`EventRow::evidence`].
const EVIDENCE_SEP: &str = " … ";

impl Store {
    /// The events matching `filter`, most recent first (undated ones last), then by id.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        let mut args: Vec<Box<dyn ToSql>> = Vec::new();
        let mut push = |v: Box<dyn ToSql>| {
            args.push(v);
            format!("?{}", args.len())
        };
        let mut clauses: Vec<String> = Vec::new();
        if let Some(actor) = filter
            .actor
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            let p = push(Box::new(actor.to_lowercase()));
            clauses.push(format!(
                "(instr(veille_fold(e.source_code), {p}) > 0
                  OR instr(veille_fold(e.target_code), {p}) > 0
                  OR EXISTS (SELECT 1 FROM mentions ma WHERE ma.event_id = e.id
                             AND (instr(veille_fold(ma.source_text), {p}) > 0
                                  OR instr(veille_fold(ma.target_text), {p}) > 0)))"
            ));
        }
        if let Some(c) = filter
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            let p = push(Box::new(c.to_ascii_uppercase()));
            clauses.push(format!(
                "(e.source_country = {p} OR e.target_country = {p})"
            ));
        }
        if let Some(code) = filter
            .code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            // A range rather than LIKE/substr, so the index on cameo serves it.
            let (lo, hi) = prefix_range(code)?;
            let lo = push(Box::new(lo));
            let hi = push(Box::new(hi));
            clauses.push(format!("e.cameo >= {lo} AND e.cameo < {hi}"));
        }
        // date_start / date_end are NULL for undated events, so these exclude them.
        if let Some(since) = filter.since {
            let p = push(Box::new(since.to_string()));
            clauses.push(format!("e.date_end >= {p}"));
        }
        if let Some(until) = filter.until {
            let p = push(Box::new(until.to_string()));
            clauses.push(format!("e.date_start <= {p}"));
        }
        let limit = match filter.limit {
            Some(n) => format!(
                "LIMIT {}",
                push(Box::new(i64::try_from(n).unwrap_or(i64::MAX)))
            ),
            None => String::new(),
        };
        let where_ = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        // The sentence is cut out by SQLite on the text's bytes: substr() on TEXT counts
        // characters, on a BLOB it counts bytes, and our offsets are bytes.
        let sql = format!(
            "SELECT e.id, e.date_value, e.source_code, e.target_code, e.cameo, e.root,
                    e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.source_country,
                    e.target_country, e.num_mentions, e.num_articles, e.num_sources, e.first_seen,
                    m.article_id, m.source_text, m.target_text, m.sentence_start, m.sentence_end,
                    m.evidence_json,
                    substr(CAST(a.text AS BLOB), m.sentence_start + 1,
                           m.sentence_end - m.sentence_start) AS sentence_bytes
             FROM events e
             JOIN mentions m ON m.rowid = (SELECT min(m1.rowid) FROM mentions m1
                                           WHERE m1.event_id = e.id)
             JOIN articles a ON a.id = m.article_id
             {where_}
             ORDER BY e.date_start IS NULL, e.date_start DESC, e.date_value DESC, e.id
             {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let pending = stmt
            .query_map(params_from_iter(args.iter()), pending_event)?
            .collect::<Result<Vec<_>, _>>()?;
        drop(stmt);
        pending.into_iter().map(|p| self.finish_event(p)).collect()
    }

    /// Cuts the evidence pieces out of the sentence, or out of the article for a piece outside
    /// it (an actor named in an earlier sentence).
    fn finish_event(&self, p: Pending) -> Result<EventRow> {
        let Pending {
            mut row,
            sentence,
            sentence_bytes,
            evidence_json,
        } = p;
        let id = row.article_id.clone();
        let evidence: Vec<Span> =
            serde_json::from_str(&evidence_json).map_err(|e| StoreError::Corrupt {
                id: id.clone(),
                what: "evidence",
                detail: e.to_string(),
            })?;
        let utf8 = |what, bytes: Vec<u8>| {
            String::from_utf8(bytes).map_err(|e| StoreError::Corrupt {
                id: id.clone(),
                what,
                detail: e.to_string(),
            })
        };
        let mut pieces = Vec::with_capacity(evidence.len());
        for s in evidence {
            let piece = if sentence.contains(s) {
                let at = (s.start - sentence.start) as usize..(s.end - sentence.start) as usize;
                sentence_bytes.get(at).map(<[u8]>::to_vec)
            } else {
                None
            };
            let piece = match piece {
                Some(b) => b,
                None => self.article_bytes(&row.article_id, s)?,
            };
            pieces.push(utf8("evidence span", piece)?);
        }
        row.evidence = pieces.join(EVIDENCE_SEP);
        row.sentence = utf8("sentence span", sentence_bytes)?;
        Ok(row)
    }

    fn article_bytes(&self, article_id: &str, s: Span) -> Result<Vec<u8>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT substr(CAST(text AS BLOB), ?2 + 1, ?3) FROM articles WHERE id = ?1",
            )?
            .query_row(
                rusqlite::params![article_id, s.start, s.end.saturating_sub(s.start)],
                |r| r.get(0),
            )?)
    }

    /// Every mention of event `event_id`, in the order they were stored.
    pub fn mentions_of(&self, event_id: i64) -> Result<Vec<MentionRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.*, a.text AS article_text, a.source_name, a.url, a.title
             FROM mentions m JOIN articles a ON a.id = m.article_id
             WHERE m.event_id = ?1
             ORDER BY m.rowid",
        )?;
        let rows = stmt
            .query_map([event_id], |r| {
                Ok((
                    read_mention(r)?,
                    r.get::<_, String>("article_text")?,
                    r.get::<_, Option<String>>("place_json")?,
                    r.get::<_, String>("evidence_json")?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(mut row, text, place, evidence)| {
                let id = row.article_id.clone();
                let corrupt = |what, detail: String| StoreError::Corrupt {
                    id: id.clone(),
                    what,
                    detail,
                };
                row.mention.evidence = serde_json::from_str(&evidence)
                    .map_err(|e| corrupt("evidence", e.to_string()))?;
                if let Some(json) = place {
                    row.mention.place = Some(
                        serde_json::from_str::<Place>(&json)
                            .map_err(|e| corrupt("place", e.to_string()))?,
                    );
                }
                let slice = |what, s: Span| {
                    text.get(s.range())
                        .map(str::to_string)
                        .ok_or_else(|| corrupt(what, format!("span {}..{}", s.start, s.end)))
                };
                row.sentence_text = slice("sentence span", row.mention.sentence)?;
                row.evidence_text = row
                    .mention
                    .evidence
                    .iter()
                    .map(|&s| slice("evidence span", s))
                    .collect::<Result<_>>()?;
                Ok(row)
            })
            .collect()
    }

    /// The stored article with this id, as ingestion produced it.
    pub fn article(&self, id: &str) -> Result<Option<Article>> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT id, source, url, title, date, date_source, declared_lang, lang, text
                 FROM articles WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok((
                    Article {
                        id: r.get("id")?,
                        source: r.get("source")?,
                        url: r.get("url")?,
                        title: r.get("title")?,
                        date: None,
                        date_source: None,
                        declared_lang: r.get("declared_lang")?,
                        lang: None,
                        text: r.get("text")?,
                    },
                    r.get::<_, Option<String>>("date")?,
                    r.get::<_, Option<String>>("date_source")?,
                    r.get::<_, Option<String>>("lang")?,
                ))
            })
            .optional()?;
        let Some((mut article, date, date_source, lang)) = row else {
            return Ok(None);
        };
        let corrupt = |what, detail: String| StoreError::Corrupt {
            id: id.to_string(),
            what,
            detail,
        };
        article.date = date
            .map(|d| {
                d.parse::<Date>()
                    .map_err(|e| corrupt("date", e.to_string()))
            })
            .transpose()?;
        article.date_source = date_source
            .map(|s| {
                [DateSource::Cli, DateSource::Metadata, DateSource::Inferred]
                    .into_iter()
                    .find(|d| date_source_str(*d) == s)
                    .ok_or_else(|| corrupt("date source", s))
            })
            .transpose()?;
        article.lang = lang
            .map(|l| Lang::from_code(&l).ok_or_else(|| corrupt("language", l)))
            .transpose()?;
        Ok(Some(article))
    }

    /// How many articles, mentions and events are stored.
    pub fn stats(&self) -> Result<Stats> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions),
                    (SELECT count(*) FROM events)",
            [],
            |r| {
                Ok(Stats {
                    articles: count(r, 0)?,
                    mentions: count(r, 1)?,
                    events: count(r, 2)?,
                })
            },
        )?)
    }
}

/// `[lo, hi)` covering every code that starts with `prefix`. Codes are ASCII alphanumeric (CAMEO
/// digits), which also keeps the bump of the last byte within ASCII.
fn prefix_range(prefix: &str) -> Result<(String, String)> {
    if !prefix.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(StoreError::InvalidFilter(format!(
            "event code {prefix:?}: expected CAMEO digits such as 05 or 057"
        )));
    }
    let mut hi = prefix.as_bytes().to_vec();
    if let Some(last) = hi.last_mut() {
        *last += 1; // at most b'z' + 1 = b'{', still ASCII
    }
    Ok((
        prefix.to_string(),
        String::from_utf8_lossy(&hi).into_owned(),
    ))
}

fn pending_event(r: &Row<'_>) -> rusqlite::Result<Pending> {
    let empty_is_none = |s: String| (!s.is_empty()).then_some(s);
    Ok(Pending {
        row: EventRow {
            id: r.get("id")?,
            date: empty_is_none(r.get("date_value")?),
            source_code: r.get("source_code")?,
            target_code: empty_is_none(r.get("target_code")?),
            cameo: r.get("cameo")?,
            root: r.get("root")?,
            quad_class: r.get("quad_class")?,
            goldstein: r.get("goldstein")?,
            plover_type: r.get("plover_type")?,
            plover_mode: r.get("plover_mode")?,
            source_country: r.get("source_country")?,
            target_country: r.get("target_country")?,
            num_mentions: count(r, "num_mentions")?,
            num_articles: count(r, "num_articles")?,
            num_sources: count(r, "num_sources")?,
            first_seen: r.get("first_seen")?,
            article_id: r.get("article_id")?,
            source_text: r.get("source_text")?,
            target_text: r.get("target_text")?,
            sentence: String::new(),
            evidence: String::new(),
        },
        sentence: Span {
            start: r.get("sentence_start")?,
            end: r.get("sentence_end")?,
        },
        sentence_bytes: r
            .get::<_, Option<Vec<u8>>>("sentence_bytes")?
            .unwrap_or_default(),
        evidence_json: r.get("evidence_json")?,
    })
}

/// A count column as u64 (SQLite integers are i64; counts are never negative).
fn count<I: rusqlite::RowIndex>(r: &Row<'_>, i: I) -> rusqlite::Result<u64> {
    Ok(u64::try_from(r.get::<_, i64>(i)?).unwrap_or(0))
}

fn roles(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect()
}

/// A mention row without its texts, evidence and place: the caller parses and cuts those with
/// the article in hand, so that a bad value is reported with the article it belongs to.
fn read_mention(r: &Row<'_>) -> rusqlite::Result<MentionRow> {
    let target = match r.get::<_, Option<String>>("target_code")? {
        Some(code) => Some(Actor {
            text: r
                .get::<_, Option<String>>("target_text")?
                .unwrap_or_default(),
            span: Span {
                start: r.get::<_, Option<u32>>("target_start")?.unwrap_or(0),
                end: r.get::<_, Option<u32>>("target_end")?.unwrap_or(0),
            },
            code,
            country: r.get("target_country")?,
            roles: roles(
                &r.get::<_, Option<String>>("target_roles")?
                    .unwrap_or_default(),
            ),
        }),
        None => None,
    };
    Ok(MentionRow {
        event_id: r.get("event_id")?,
        article_id: r.get("article_id")?,
        idx: r.get("idx")?,
        source_name: r.get("source_name")?,
        article_url: r.get("url")?,
        article_title: r.get("title")?,
        sentence_text: String::new(),
        evidence_text: Vec::new(),
        mention: EventMention {
            cameo: r.get("cameo")?,
            root: r.get("root")?,
            quad_class: r.get("quad_class")?,
            goldstein: r.get("goldstein")?,
            plover: Plover {
                kind: r.get("plover_type")?,
                mode: r.get("plover_mode")?,
            },
            source: Actor {
                text: r.get("source_text")?,
                span: Span {
                    start: r.get("source_start")?,
                    end: r.get("source_end")?,
                },
                code: r.get("source_code")?,
                country: r.get("source_country")?,
                roles: roles(&r.get::<_, String>("source_roles")?),
            },
            target,
            date: EventDate {
                value: r.get("date_value")?,
                precision: r.get("date_precision")?,
                from: r.get("date_from")?,
            },
            place: None,
            sentence: Span {
                start: r.get("sentence_start")?,
                end: r.get("sentence_end")?,
            },
            evidence: Vec::new(),
            rule: r.get("rule")?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;

    fn loaded() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        store
            .insert_batch(&[
                accord_lemonde(),
                accord_rfi(),
                visite_elysee(),
                manifestation_dakar(),
                frappes_mali(),
            ])
            .unwrap();
        store
    }

    fn codes(store: &Store, f: EventFilter) -> Vec<String> {
        store
            .events(&f)
            .unwrap()
            .into_iter()
            .map(|e| e.cameo)
            .collect()
    }

    fn day(s: &str) -> Option<Date> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn all_events_newest_first_with_first_mention() {
        let store = loaded();
        let all = store.events(&EventFilter::default()).unwrap();
        let got: Vec<_> = all
            .iter()
            .map(|e| (e.cameo.as_str(), e.date.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("043", Some("2024-03-14")),
                ("057", Some("2024-03-12")),
                ("195", Some("2024-02")),
                ("141", None),
            ]
        );
        let accord = &all[1];
        assert_eq!(accord.num_mentions, 2);
        assert_eq!(
            accord.sentence,
            "Le Maroc et la Mauritanie ont signé mardi à Rabat un accord de coopération sur la \
             pêche."
        );
        assert_eq!(accord.evidence, "Le Maroc … la Mauritanie … signé");
        assert_eq!(
            (accord.source_text.as_str(), accord.target_text.as_deref()),
            ("Le Maroc", Some("la Mauritanie"))
        );
        assert_eq!(accord.article_id, accord_lemonde().0.id);
        let visite = &all[0];
        assert_eq!(visite.source_country.as_deref(), Some("FRA"));
        assert_eq!(visite.plover_mode.as_deref(), Some("visit"));
        assert!((visite.goldstein - 2.8).abs() < 1e-6);
        assert_eq!(
            visite.evidence,
            "Le président français … reçu … son homologue sénégalais"
        );
    }

    #[test]
    fn actor_filter_folds_unicode_case() {
        let store = loaded();
        let by = |a: &str| {
            codes(
                &store,
                EventFilter {
                    actor: Some(a.into()),
                    ..Default::default()
                },
            )
        };
        assert_eq!(by("PRÉSIDENT"), ["043"]); // É folds to é, which SQLite's lower() cannot do
        assert_eq!(by("mrt"), ["057"]); // target code
        assert_eq!(by("Nouakchott"), ["057"]); // target text of the second mention only
        assert_eq!(by("gov"), ["043"]);
        assert_eq!(by("manifestants"), ["141"]);
        assert!(by("Bamako").is_empty());
        assert_eq!(by("  ").len(), 4); // blank = no filter
    }

    #[test]
    fn country_and_code_filters() {
        let store = loaded();
        let country = |c: &str| {
            codes(
                &store,
                EventFilter {
                    country: Some(c.into()),
                    ..Default::default()
                },
            )
        };
        assert_eq!(country("sen"), ["043"]); // target side, lower case
        assert_eq!(country("MAR"), ["057"]);
        assert_eq!(country("MLI"), ["195"]);
        let code = |c: &str| {
            codes(
                &store,
                EventFilter {
                    code: Some(c.into()),
                    ..Default::default()
                },
            )
        };
        assert_eq!(code("05"), ["057"]);
        assert_eq!(code("057"), ["057"]);
        assert_eq!(code("0"), ["043", "057"]);
        assert_eq!(code("1"), ["195", "141"]);
        assert!(code("0571").is_empty());
        let err = store
            .events(&EventFilter {
                code: Some("05%".into()),
                ..Default::default()
            })
            .unwrap_err();
        assert!(matches!(err, StoreError::InvalidFilter(_)), "{err:?}");
    }

    #[test]
    fn date_filters_overlap_and_drop_undated() {
        let store = loaded();
        let between = |since: Option<Date>, until: Option<Date>| {
            codes(
                &store,
                EventFilter {
                    since,
                    until,
                    ..Default::default()
                },
            )
        };
        assert_eq!(between(day("2024-03-01"), None), ["043", "057"]);
        assert_eq!(between(day("2024-03-13"), None), ["043"]);
        assert_eq!(between(None, day("2024-03-12")), ["057", "195"]);
        assert_eq!(between(None, day("2024-02-15")), ["195"]); // February overlaps
        assert_eq!(between(day("2024-02-29"), day("2024-02-29")), ["195"]);
        assert!(between(day("2024-03-15"), None).is_empty());
        // Filters combine, and the limit keeps the most recent.
        let f = EventFilter {
            country: Some("MAR".into()),
            since: day("2024-03-12"),
            until: day("2024-03-12"),
            ..Default::default()
        };
        assert_eq!(codes(&store, f), ["057"]);
        let f = EventFilter {
            limit: Some(2),
            ..Default::default()
        };
        assert_eq!(codes(&store, f), ["043", "057"]);
    }

    #[test]
    fn mentions_round_trip_with_texts() {
        let store = loaded();
        let accord = &store
            .events(&EventFilter {
                code: Some("057".into()),
                ..Default::default()
            })
            .unwrap()[0];
        let rows = store.mentions_of(accord.id).unwrap();
        assert_eq!(rows.len(), 2);
        let (a, d) = accord_lemonde();
        assert_eq!(rows[0].mention, d.events[0]); // place, evidence, actors: all of it
        assert_eq!(rows[0].article_id, a.id);
        assert_eq!(rows[0].source_name, "lemonde");
        assert_eq!(
            rows[0].evidence_text,
            ["Le Maroc", "la Mauritanie", "signé"]
        );
        let (b, e) = accord_rfi();
        assert_eq!(rows[1].mention, e.events[0]);
        assert_eq!(rows[1].source_name, "rfi.fr");
        assert_eq!(rows[1].article_url, b.url);
        assert_eq!(
            rows[1].sentence_text,
            "Rabat et Nouakchott ont conclu mardi un accord sur la pêche, a annoncé l'agence \
             officielle."
        );
        let undated = &store
            .events(&EventFilter {
                code: Some("14".into()),
                ..Default::default()
            })
            .unwrap()[0];
        let rows = store.mentions_of(undated.id).unwrap();
        assert_eq!(rows[0].mention, manifestation_dakar().1.events[0]);
        assert!(store.mentions_of(9_999).unwrap().is_empty());

        // JSON: the mention's fields sit beside the row's, in the extract contract's names.
        let json = serde_json::to_value(&store.mentions_of(accord.id).unwrap()[0]).unwrap();
        assert_eq!(json["cameo"], "057");
        assert_eq!(json["plover"]["type"], "AGREE");
        assert_eq!(json["place"]["geonameid"], 2_538_475);
        assert_eq!(json["sentence"]["start"], 0);
        assert_eq!(json["evidence_text"][2], "signé");
    }

    #[test]
    fn evidence_outside_the_sentence_is_cut_from_the_article() {
        let mut store = Store::open_in_memory().unwrap();
        let (a, mut d) = visite_elysee();
        // Coreference: the second sentence's event names its source in the first one.
        let second = d.sentences[1].span;
        let mut m = d.events[0].clone();
        m.sentence = second;
        m.evidence = vec![
            find(&a.text, 0, "Le président français"),
            find(&a.text, second.start as usize, "évoqué"),
        ];
        m.cameo = "040".into();
        d.events = vec![m];
        store.insert_batch(&[(a, d)]).unwrap();
        let e = &store.events(&EventFilter::default()).unwrap()[0];
        assert_eq!(e.evidence, "Le président français … évoqué");
        assert!(e.sentence.starts_with("Les deux chefs d'État"));
    }

    #[test]
    fn articles_and_stats() {
        let store = loaded();
        let (a, _) = visite_elysee();
        assert_eq!(store.article(&a.id).unwrap(), Some(a));
        let (b, _) = manifestation_dakar();
        assert_eq!(store.article(&b.id).unwrap(), Some(b));
        assert_eq!(store.article("0000").unwrap(), None);
        assert_eq!(
            store.stats().unwrap(),
            Stats {
                articles: 5,
                mentions: 5,
                events: 4
            }
        );
    }
}
