//! The JSON output contract v1 (`veille extract --format json`): one object per article.

use serde_json::{Value, json};
use veille_core::{Article, Doc};

/// The contract-v1 object for one processed article.
pub fn to_json(article: &Article, doc: &Doc) -> Value {
    let sentences: Vec<Value> = doc
        .sentences
        .iter()
        .map(|s| json!({"start": s.span.start, "end": s.span.end}))
        .collect();
    let events: Vec<Value> = doc
        .events
        .iter()
        .map(|e| {
            let actor = |a: &veille_core::Actor| {
                json!({"text": a.text, "start": a.span.start, "end": a.span.end, "code": a.code,
                       "country": a.country, "roles": a.roles})
            };
            json!({
                "cameo": e.cameo, "root": e.root, "quad_class": e.quad_class,
                "goldstein": e.goldstein,
                "plover": {"type": e.plover.kind, "mode": e.plover.mode},
                "source": actor(&e.source),
                "target": e.target.as_ref().map(actor),
                "date": {"value": e.date.value, "precision": e.date.precision, "from": e.date.from},
                "place": e.place.as_ref().map(place_json),
                "sentence": {"start": e.sentence.start, "end": e.sentence.end},
                "evidence": e.evidence.iter().map(|s| json!({"start": s.start, "end": s.end, "text": doc.span_text(*s)})).collect::<Vec<_>>(),
                "rule": e.rule,
            })
        })
        .collect();
    let entities: Vec<Value> = doc
        .entities
        .iter()
        .map(|e| {
            json!({"start": e.span.start, "end": e.span.end, "text": doc.span_text(e.span),
                   "label": e.label.as_str()})
        })
        .collect();
    let times: Vec<Value> = doc
        .times
        .iter()
        .map(|t| {
            let mut v = json!({"start": t.span.start, "end": t.span.end, "text": doc.span_text(t.span),
                               "type": t.kind.as_str(), "value": t.value, "anchored": t.anchored,
                               "rule": t.rule});
            if let Some(m) = t.modifier {
                v["mod"] = json!(m);
            }
            v
        })
        .collect();
    // Syntactic words with their analysis (multiword tokens give several words over one span).
    let words: Vec<Value> = doc
        .words
        .iter()
        .zip(&doc.analyses)
        .map(|(w, a)| {
            let mut v = json!({"start": w.span.start, "end": w.span.end, "form": w.form(&doc.text),
                               "upos": a.upos, "lemma": a.lemma, "feats": a.feats});
            if !a.deprel.is_empty() {
                v["head"] = json!(a.head);
                v["deprel"] = json!(a.deprel);
            }
            v
        })
        .collect();
    let mut obj = json!({
        "id": article.id,
        "source": article.source,
        "lang": article.lang.map(|l| l.code()),
        "date": article.date.map(|d| d.to_string()),
        "date_source": article.date_source,
        "title": article.title,
        "url": article.url,
    });
    if doc.lang.is_some() {
        obj["stages"] = json!(crate::STAGES);
        obj["sentences"] = Value::Array(sentences);
        if !words.is_empty() {
            obj["words"] = Value::Array(words);
        }
        obj["entities"] = Value::Array(entities);
        obj["times"] = Value::Array(times);
        obj["places"] = Value::Array(doc.places.iter().map(place_json).collect());
        obj["events"] = Value::Array(events);
    }
    obj
}

/// A place as contract v1 writes it (flat start/end, like every other span).
fn place_json(p: &veille_core::Place) -> Value {
    json!({"start": p.span.start, "end": p.span.end, "text": p.text, "geonameid": p.geonameid,
           "name": p.name, "country_code": p.country_code, "lat": p.lat, "lon": p.lon,
           "feature": p.feature, "metonym": p.metonym, "demonym": p.demonym})
}
