//! Scores toponym resolution on geoparsing gold, given the gold toponym spans.
//!
//! Corpora (English news; from the "Pragmatic Guide to Geoparsing Evaluation" repository, used
//! for evaluation only and never shipped): GeoWebNews (`GWN.xml`, mentions with coordinates),
//! LGL (`corpora/lgl.xml[.xz]`), TR-News (`corpora/TR-News.xml`), GeoVirus
//! (`corpora/GeoVirus.xml`, coordinates only).
//!
//! Per corpus, over gold toponyms with coordinates:
//! - `exact`: our GeoNames id equals the gold one (over gold toponyms that have an id);
//! - `country`: our country equals the gold one; the gold country is the LGL/TR-News country
//!   tag, else the country of the gold id in our gazetteer, else that of the nearest city within
//!   100 km of the gold point (mentions with none are left out of this figure);
//! - `km161`: our point within 161 km (100 miles) of the gold point;
//! - `coverage`: share of gold toponyms whose name has at least one candidate. The three figures
//!   above count a toponym without candidates as wrong; `*_covered` repeat them on covered
//!   toponyms only.
//!
//! All documents' spans are resolved together per document, as the pipeline would.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;
use veille_core::{Lang, Span};

use crate::GeoError;
use crate::builder::read_xz;
use crate::gazetteer::{Gazetteer, Kind};
use crate::resolve::haversine_km;

/// One gold toponym.
#[derive(Debug, Clone)]
pub struct GoldToponym {
    pub span: Span,
    pub phrase: String,
    pub geonameid: Option<u32>,
    /// ISO2, when the gold says.
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
}

/// One gold document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

/// Scores of one corpus.
#[derive(Debug, Clone, Serialize, Default)]
pub struct CorpusScore {
    pub corpus: String,
    pub docs: usize,
    pub toponyms: usize,
    pub with_id: usize,
    pub with_country: usize,
    pub covered: usize,
    /// Gold spans whose text did not match the gold phrase (offsets re-found nearby or dropped).
    pub misaligned: usize,
    pub exact: f64,
    pub country: f64,
    pub km161: f64,
    pub coverage: f64,
    pub exact_covered: f64,
    pub country_covered: f64,
    pub km161_covered: f64,
    pub median_km: f64,
    pub toponyms_per_s: f64,
    /// Country and ≤161 km over the gold toponyms that have a GeoNames id only: the toponyms
    /// Mordecai3's evaluation keeps (its data formatter drops GeoWebNews mentions without an
    /// id, such as most streets and buildings).
    pub country_with_id: f64,
    pub km161_with_id: f64,
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(semi) = tail.find(';').filter(|&k| k <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if ent.starts_with("#x") => u32::from_str_radix(&ent[2..], 16)
                .ok()
                .and_then(char::from_u32),
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The blocks `<tag ...>…</tag>` of `s`, outermost only.
fn blocks<'a>(s: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = s[at..].find(&open) {
        let start = at + i;
        // "<toponym" must not match "<toponyms".
        let after = s[start + open.len()..].chars().next();
        if !matches!(after, Some('>' | ' ' | '\n' | '\t' | '/')) {
            at = start + open.len();
            continue;
        }
        let Some(j) = s[start..].find(&close) else {
            break;
        };
        out.push(&s[start..start + j + close.len()]);
        at = start + j + close.len();
    }
    out
}

/// The text content of the first `<tag>` in `s`, unescaped; `None` when absent or empty.
fn field(s: &str, tag: &str) -> Option<String> {
    let b = blocks(s, tag).into_iter().next()?;
    let inner_start = b.find('>')? + 1;
    let inner_end = b.rfind("</")?;
    let inner = b.get(inner_start..inner_end)?;
    let v = match inner
        .trim()
        .strip_prefix("<![CDATA[")
        .and_then(|x| x.strip_suffix("]]>"))
    {
        Some(raw) => raw.to_string(),
        None => unescape(inner),
    };
    (!v.trim().is_empty()).then_some(v)
}

fn attr(s: &str, name: &str) -> Option<String> {
    let pat = format!("{name}=\"");
    let i = s.find(&pat)? + pat.len();
    let j = s[i..].find('"')?;
    Some(s[i..i + j].to_string())
}

/// Byte offset of character offset `c` in `text`.
fn byte_at(text: &str, c: usize) -> Option<usize> {
    if c == text.chars().count() {
        return Some(text.len());
    }
    text.char_indices().nth(c).map(|(b, _)| b)
}

/// Converts character offsets to a byte span, re-finding the phrase nearby when the offsets are
/// off (some corpora count bytes or were edited after annotation).
fn align(text: &str, start: usize, end: usize, phrase: &str) -> (Option<Span>, bool) {
    let phrase = phrase.trim();
    if let (Some(a), Some(b)) = (byte_at(text, start), byte_at(text, end))
        && a <= b
        && text.get(a..b).map(str::trim) == Some(phrase)
    {
        return (Some(Span::new(a, b)), false);
    }
    // Nearest occurrence of the phrase to the expected place.
    let guess = byte_at(text, start.min(text.chars().count())).unwrap_or(0);
    let mut best: Option<usize> = None;
    if !phrase.is_empty() {
        for (i, _) in text.match_indices(phrase) {
            if best.is_none_or(|b| i.abs_diff(guess) < b.abs_diff(guess)) {
                best = Some(i);
            }
        }
    }
    (best.map(|i| Span::new(i, i + phrase.len())), true)
}

/// Parses LGL or TR-News (`<toponym>` with `<gaztag geonameid>`).
pub fn parse_gaztag_corpus(xml: &str, country_ids: &HashMap<u32, String>) -> (Vec<GoldDoc>, usize) {
    let mut docs = Vec::new();
    let mut misaligned = 0;
    for art in blocks(xml, "article") {
        let Some(text) = field(art, "text") else {
            continue;
        };
        let mut toponyms = Vec::new();
        for t in blocks(art, "toponym") {
            let Some(gaz) = blocks(t, "gaztag").into_iter().next() else {
                continue;
            };
            let (Some(lat), Some(lon)) = (
                field(gaz, "lat").and_then(|v| v.trim().parse().ok()),
                field(gaz, "lon").and_then(|v| v.trim().parse().ok()),
            ) else {
                continue;
            };
            let phrase = field(t, "phrase").unwrap_or_default();
            let (Some(s), Some(e)) = (
                field(t, "start").and_then(|v| v.trim().parse().ok()),
                field(t, "end").and_then(|v| v.trim().parse().ok()),
            ) else {
                continue;
            };
            let (span, moved) = align(&text, s, e, &phrase);
            misaligned += moved as usize;
            let Some(span) = span else { continue };
            let geonameid = attr(gaz, "geonameid").and_then(|v| v.parse().ok());
            let country = blocks(gaz, "country")
                .into_iter()
                .next()
                .and_then(|c| attr(c, "geonameid"))
                .and_then(|v| v.parse::<u32>().ok())
                .and_then(|id| country_ids.get(&id).cloned());
            toponyms.push(GoldToponym {
                span,
                phrase,
                geonameid,
                country,
                lat,
                lon,
            });
        }
        docs.push(GoldDoc { text, toponyms });
    }
    (docs, misaligned)
}

/// The XML fields of a corpus whose mentions carry coordinates and character offsets.
struct CoordFields {
    mention: &'static str,
    lat: &'static str,
    lon: &'static str,
    name: &'static str,
    geonameid: Option<&'static str>,
}

/// Parses a corpus of `<article><text>` with coordinate mentions (GeoWebNews, GeoVirus).
fn parse_coord_mentions(xml: &str, f: &CoordFields) -> (Vec<GoldDoc>, usize) {
    let mut docs = Vec::new();
    let mut misaligned = 0;
    for art in blocks(xml, "article") {
        let Some(text) = field(art, "text") else {
            continue;
        };
        let mut toponyms = Vec::new();
        for t in blocks(art, f.mention) {
            let (Some(lat), Some(lon)) = (
                field(t, f.lat).and_then(|v| v.trim().parse().ok()),
                field(t, f.lon).and_then(|v| v.trim().parse().ok()),
            ) else {
                continue;
            };
            let phrase = field(t, f.name).unwrap_or_default();
            let (Some(s), Some(e)) = (
                field(t, "start").and_then(|v| v.trim().parse().ok()),
                field(t, "end").and_then(|v| v.trim().parse().ok()),
            ) else {
                continue;
            };
            let (span, moved) = align(&text, s, e, &phrase);
            misaligned += moved as usize;
            let Some(span) = span else { continue };
            toponyms.push(GoldToponym {
                span,
                phrase,
                geonameid: f
                    .geonameid
                    .and_then(|k| field(t, k))
                    .and_then(|v| v.trim().parse().ok()),
                country: None,
                lat,
                lon,
            });
        }
        docs.push(GoldDoc { text, toponyms });
    }
    (docs, misaligned)
}

/// Parses GeoWebNews (`GWN.xml`): mentions with coordinates.
pub fn parse_gwn(xml: &str) -> (Vec<GoldDoc>, usize) {
    parse_coord_mentions(
        xml,
        &CoordFields {
            mention: "toponym",
            lat: "latitude",
            lon: "longitude",
            name: "extractedName",
            geonameid: Some("geonamesID"),
        },
    )
}

/// Parses GeoVirus (`<location>` with `<name>`, offsets and coordinates).
pub fn parse_geovirus(xml: &str) -> (Vec<GoldDoc>, usize) {
    parse_coord_mentions(
        xml,
        &CoordFields {
            mention: "location",
            lat: "lat",
            lon: "lon",
            name: "name",
            geonameid: None,
        },
    )
}

/// Grid of city records for the reverse look-up of gold countries.
struct CityGrid<'g> {
    g: &'g Gazetteer,
    cells: HashMap<(i32, i32), Vec<u32>>,
}

impl<'g> CityGrid<'g> {
    fn new(g: &'g Gazetteer) -> CityGrid<'g> {
        let mut cells: HashMap<(i32, i32), Vec<u32>> = HashMap::new();
        for i in 0..g.len() as u32 {
            if let Some(r) = g.record(i)
                && r.kind == Kind::City
            {
                cells
                    .entry((r.lat.floor() as i32, r.lon.floor() as i32))
                    .or_default()
                    .push(i);
            }
        }
        CityGrid { g, cells }
    }

    fn country_near(&self, lat: f64, lon: f64) -> Option<String> {
        let (la, lo) = (lat.floor() as i32, lon.floor() as i32);
        let mut best: Option<(f64, u32)> = None;
        for dl in -1..=1 {
            for dn in -1..=1 {
                for &i in self.cells.get(&(la + dl, lo + dn)).into_iter().flatten() {
                    let Some(r) = self.g.record(i) else { continue };
                    let d = haversine_km(lat, lon, r.lat as f64, r.lon as f64);
                    if d < 100.0 && best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, i));
                    }
                }
            }
        }
        let r = self.g.record(best?.1)?;
        self.g.country_code(r).map(str::to_string)
    }
}

/// One scored gold toponym: the gold and our reading.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub doc: usize,
    pub phrase: String,
    pub gold_id: Option<u32>,
    pub gold_country: Option<String>,
    pub gold_lat: f64,
    pub gold_lon: f64,
    /// Our reading, `None` when the name has no candidate.
    pub ours: Option<crate::Resolution>,
    /// Distance from our point to the gold point (20,000 km when we have none).
    pub km: f64,
}

/// Resolves each document of `docs` and pairs every gold toponym with our reading; returns the
/// rows and the seconds spent resolving.
pub fn rows(g: &Gazetteer, docs: &[GoldDoc]) -> (Vec<Row>, f64) {
    let grid = CityGrid::new(g);
    let by_id: HashMap<u32, u32> = (0..g.len() as u32)
        .filter_map(|i| Some((g.record(i)?.geonameid, i)))
        .filter(|(id, _)| *id != 0)
        .collect();
    let mut out = Vec::new();
    let mut resolve_secs = 0f64;
    for (di, d) in docs.iter().enumerate() {
        let spans: Vec<Span> = d.toponyms.iter().map(|t| t.span).collect();
        let t0 = Instant::now();
        let res = g.resolve_all(&d.text, &spans, Some(Lang::En));
        resolve_secs += t0.elapsed().as_secs_f64();
        let by_span: HashMap<Span, usize> =
            res.iter().enumerate().map(|(i, r)| (r.span, i)).collect();
        for t in &d.toponyms {
            let r = by_span.get(&t.span).and_then(|&i| res.get(i));
            let gold_record = t
                .geonameid
                .and_then(|id| by_id.get(&id))
                .and_then(|&i| g.record(i));
            // The gold country: the corpus' tag, else that of the gold id, else the nearest
            // city's. A gold region or continent has no country, and the nearest city to its
            // centre would give an arbitrary one.
            let gold_country = t.country.clone().or_else(|| match gold_record {
                Some(rec) => g.country_code(rec).map(str::to_string),
                None => grid.country_near(t.lat, t.lon),
            });
            let km = r.map_or(20_000.0, |r| haversine_km(r.lat, r.lon, t.lat, t.lon));
            out.push(Row {
                doc: di,
                phrase: t.phrase.clone(),
                gold_id: t.geonameid,
                gold_country,
                gold_lat: t.lat,
                gold_lon: t.lon,
                ours: r.cloned(),
                km,
            });
        }
    }
    (out, resolve_secs)
}

/// Scores resolution on `docs`.
pub fn score(g: &Gazetteer, corpus: &str, docs: &[GoldDoc], misaligned: usize) -> CorpusScore {
    let (rows, resolve_secs) = rows(g, docs);
    let mut s = CorpusScore {
        corpus: corpus.to_string(),
        docs: docs.len(),
        misaligned,
        ..Default::default()
    };
    let (mut exact, mut country, mut near, mut near_c) = (0usize, 0usize, 0usize, 0usize);
    let (mut exact_c, mut with_id_c, mut country_c, mut with_cc_c) =
        (0usize, 0usize, 0usize, 0usize);
    let (mut near_id, mut country_id, mut with_cc_id) = (0usize, 0usize, 0usize);
    let mut dists = Vec::new();
    for t in &rows {
        s.toponyms += 1;
        let r = t.ours.as_ref();
        // Covered: the gazetteer knows the name (an approximate reading does not count).
        let known = r.is_some_and(|r| !r.approximate);
        if known {
            s.covered += 1;
        }
        if let Some(id) = t.gold_id {
            s.with_id += 1;
            let ok = r.is_some_and(|r| r.geonameid == Some(id));
            exact += ok as usize;
            near_id += (t.km <= 161.0) as usize;
            if let Some(cc) = &t.gold_country {
                with_cc_id += 1;
                country_id +=
                    r.is_some_and(|r| r.country_code.as_deref() == Some(cc.as_str())) as usize;
            }
            if known {
                with_id_c += 1;
                exact_c += ok as usize;
            }
        }
        if let Some(cc) = &t.gold_country {
            s.with_country += 1;
            let ok = r.is_some_and(|r| r.country_code.as_deref() == Some(cc.as_str()));
            country += ok as usize;
            if known {
                with_cc_c += 1;
                country_c += ok as usize;
            }
        }
        dists.push(t.km);
        near += (t.km <= 161.0) as usize;
        near_c += (known && t.km <= 161.0) as usize;
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    s.exact = pct(exact, s.with_id);
    s.country = pct(country, s.with_country);
    s.km161 = pct(near, s.toponyms);
    s.coverage = pct(s.covered, s.toponyms);
    s.exact_covered = pct(exact_c, with_id_c);
    s.country_covered = pct(country_c, with_cc_c);
    s.km161_covered = pct(near_c, s.covered);
    s.country_with_id = pct(country_id, with_cc_id);
    s.km161_with_id = pct(near_id, s.with_id);
    dists.sort_by(f64::total_cmp);
    s.median_km = dists.get(dists.len() / 2).copied().unwrap_or(0.0);
    s.toponyms_per_s = if resolve_secs > 0.0 {
        s.toponyms as f64 / resolve_secs
    } else {
        0.0
    };
    s
}

/// Loads the gold corpora found under `dir` (the `geoparsing-gold` folder) and scores each.
/// Returns an empty list when none is there.
pub fn eval_gold(g: &Gazetteer, dir: &Path) -> Result<Vec<CorpusScore>, GeoError> {
    Ok(load_gold(g, dir)?
        .iter()
        .map(|c| score(g, &c.name, &c.docs, c.misaligned))
        .collect())
}

/// One gold corpus as loaded.
#[derive(Debug, Clone)]
pub struct GoldCorpus {
    pub name: String,
    pub docs: Vec<GoldDoc>,
    /// Gold spans whose offsets had to be re-found.
    pub misaligned: usize,
}

/// Loads the gold corpora found under `dir`; `g` maps the country ids of LGL and TR-News to
/// ISO2 codes.
pub fn load_gold(g: &Gazetteer, dir: &Path) -> Result<Vec<GoldCorpus>, GeoError> {
    let country_ids: HashMap<u32, String> = (0..g.len() as u32)
        .filter_map(|i| {
            let r = g.record(i)?;
            (r.kind == Kind::Country)
                .then(|| Some((r.geonameid, g.country_code(r)?.to_string())))?
        })
        .collect();
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| GeoError::io(p, e));
    let mut out = Vec::new();
    let mut push = |name: &str, (docs, misaligned): (Vec<GoldDoc>, usize)| {
        out.push(GoldCorpus {
            name: name.to_string(),
            docs,
            misaligned,
        });
    };
    let gwn = dir.join("GWN.xml");
    if gwn.exists() {
        push("GWN", parse_gwn(&read(&gwn)?));
    }
    let lgl = dir.join("corpora/lgl.xml");
    let lgl_xz = dir.join("corpora/lgl.xml.xz");
    let lgl_text = if lgl.exists() {
        Some(read(&lgl)?)
    } else if lgl_xz.exists() {
        Some(read_xz(&lgl_xz)?)
    } else {
        None
    };
    if let Some(x) = lgl_text {
        push("LGL", parse_gaztag_corpus(&x, &country_ids));
    }
    let tr = dir.join("corpora/TR-News.xml");
    if tr.exists() {
        push("TR-News", parse_gaztag_corpus(&read(&tr)?, &country_ids));
    }
    let gv = dir.join("corpora/GeoVirus.xml");
    if gv.exists() {
        push("GeoVirus", parse_geovirus(&read(&gv)?));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_gaztag_article() {
        let xml = r#"<articles><article docid="1"><text>Fire in Alexandria &amp; Rabat.</text>
<toponyms><toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
<gaztag geonameid="4314550"><name>Alexandria</name><lat>31.3113</lat><lon>-92.4451</lon>
<country geonameid="6252001">United States</country></gaztag></toponym>
<toponym><start>21</start><end>26</end><phrase>Rabat</phrase>
<gaztag geonameid="2538475"><lat>34.01</lat><lon>-6.83</lon></gaztag></toponym></toponyms></article></articles>"#;
        let ids = HashMap::from([(6252001, "US".to_string())]);
        let (docs, mis) = parse_gaztag_corpus(xml, &ids);
        assert_eq!(mis, 0);
        assert_eq!(docs.len(), 1);
        let t = &docs[0].toponyms;
        assert_eq!(t.len(), 2);
        assert_eq!(&docs[0].text[t[1].span.range()], "Rabat");
        assert_eq!(t[0].country.as_deref(), Some("US"));
        let s = score(Gazetteer::embedded(), "x", &docs, mis);
        assert_eq!(s.toponyms, 2);
        assert!(s.km161 >= 50.0, "{s:?}");
    }

    #[test]
    fn misaligned_offsets_are_refound() {
        let (span, moved) = align("ab Rabat cd", 4, 9, "Rabat");
        assert!(moved);
        assert_eq!(span, Some(Span::new(3, 8)));
        assert_eq!(unescape("a &amp; b &#233; &bogus; &"), "a & b é &bogus; &");
    }
}
