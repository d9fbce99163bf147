//! Snapshot tests over the articles the team wrote (`examples/`): every sentence and every
//! event, with its evidence text and rule, so that any change in behaviour shows up in review.
//! Update with `INSTA_UPDATE=always cargo test -p veille --test examples` after checking the diff.

use veille::{Article, Pipeline};
use veille_core::{Date, Lang, validate_doc};

fn run(file: &str, lang: Lang, date: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/");
    let text = std::fs::read_to_string(format!("{path}{file}")).expect("example article");
    let mut article = Article::new(file, text.clone());
    article.lang = Some(lang);
    article.date = Some(date.parse::<Date>().expect("date"));
    let pipeline = Pipeline::new().expect("pipeline");
    let doc = pipeline.process(&article);
    validate_doc(&doc, &text).expect("doc invariants");
    let mut out = String::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        out.push_str(&format!("S{:02} {}\n", i + 1, doc.span_text(s.span)));
    }
    for e in &doc.entities {
        out.push_str(&format!(
            "N {} «{}»\n",
            e.label.as_str(),
            doc.span_text(e.span)
        ));
    }
    for p in &doc.places {
        out.push_str(&format!(
            "P «{}» {:?} {} {}{}{}\n",
            p.text,
            p.geonameid,
            p.country_code.as_deref().unwrap_or("-"),
            p.feature.as_deref().unwrap_or("-"),
            if p.metonym { " metonym" } else { "" },
            if p.demonym { " demonym" } else { "" }
        ));
    }
    for t in &doc.times {
        out.push_str(&format!(
            "T «{}» {} {}{}\n",
            doc.span_text(t.span),
            t.kind.as_str(),
            t.value,
            t.modifier.map_or(String::new(), |m| format!(" {m:?}"))
        ));
    }
    for e in &doc.events {
        let target = e
            .target
            .as_ref()
            .map_or("-".to_string(), |t| format!("{} «{}»", t.code, t.text));
        let evidence: Vec<&str> = e.evidence.iter().map(|s| doc.span_text(*s)).collect();
        out.push_str(&format!(
            "E {} {}/{} q{} g{} | {} «{}» -> {} | date {:?} from {} | place {} | {:?} | {}\n",
            e.cameo,
            e.plover.kind,
            e.plover.mode.as_deref().unwrap_or("-"),
            e.quad_class,
            e.goldstein,
            e.source.code,
            e.source.text,
            target,
            e.date.value,
            e.date.from,
            e.place.as_ref().map_or("-", |p| p.text.as_str()),
            evidence,
            e.rule
        ));
    }
    out
}

#[test]
fn french_sahel_article() {
    insta::assert_snapshot!(run(
        "fr-sahel-accord-2023-03-17.txt",
        Lang::Fr,
        "2023-03-17"
    ));
}

/// Typographic apostrophes throughout, attributions ("selon", "d'après"), a reflexive meeting,
/// an inserted speech verb, a negated condemnation and regional organisations.
#[test]
fn french_gulf_of_guinea_article() {
    insta::assert_snapshot!(run(
        "fr-golfe-de-guinee-2024-06-12.txt",
        Lang::Fr,
        "2024-06-12"
    ));
}

#[test]
fn english_horn_article() {
    insta::assert_snapshot!(run("en-horn-talks-2024-05-10.txt", Lang::En, "2024-05-10"));
}

#[test]
fn json_contract_has_the_v1_fields() {
    let text = "Le Sénégal a signé lundi un accord de coopération avec la Gambie.";
    let mut article = Article::new("t.txt", text.to_string());
    article.lang = Some(Lang::Fr);
    let pipeline = Pipeline::new().expect("pipeline");
    let doc = pipeline.process(&article);
    let v = veille::output::to_json(&article, &doc);
    for key in ["id", "lang", "date", "sentences", "events"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let e = &v["events"][0];
    assert_eq!(e["cameo"], "057");
    // Undated article: the event says so, it is not stamped with any day.
    assert_eq!(e["date"]["from"], "none");
    assert!(e["date"]["value"].is_null());
    for key in [
        "root",
        "quad_class",
        "goldstein",
        "plover",
        "source",
        "target",
        "sentence",
        "evidence",
        "rule",
    ] {
        assert!(e.get(key).is_some(), "event missing {key}");
    }
}

#[test]
fn a_fronted_comparison_reports_the_same_act_elsewhere() {
    let text = "Comme au Sénégal lundi 6 mai, la ministre française a signé à Bamako un accord \
                de défense avec le ministre malien.";
    let mut article = Article::new("t.txt", text.to_string());
    article.lang = Some(Lang::Fr);
    article.date = Some("2024-05-10".parse::<Date>().expect("date"));
    let doc = Pipeline::new().expect("pipeline").process(&article);
    validate_doc(&doc, text).expect("doc invariants");
    let got: Vec<(String, Option<String>, Option<String>, String)> = doc
        .events
        .iter()
        .filter(|e| e.cameo == "057")
        .map(|e| {
            (
                e.target.as_ref().map_or(String::new(), |t| t.code.clone()),
                e.date.value.clone(),
                e.place.as_ref().and_then(|p| p.country_code.clone()),
                e.rule.clone(),
            )
        })
        .collect();
    // The main clause: in Mali, on the article date; the comparison: in Senegal on 6 May.
    assert!(
        got.iter().any(|g| g.0 == "MLIGOV"
            && g.1.as_deref() == Some("2024-05-10")
            && g.2.as_deref() == Some("ML")),
        "{got:?}"
    );
    assert!(
        got.iter().any(|g| g.0 == "SEN"
            && g.1.as_deref() == Some("2024-05-06")
            && g.2.as_deref() == Some("SN")
            && g.3.ends_with("+comparison")),
        "{got:?}"
    );
    // "Contrairement à" says the opposite: no copy.
    let text = "Contrairement au Sénégal lundi, la ministre française a signé à Bamako un accord \
                de défense avec le ministre malien.";
    let mut article = Article::new("t.txt", text.to_string());
    article.lang = Some(Lang::Fr);
    let doc = Pipeline::new().expect("pipeline").process(&article);
    assert!(doc.events.iter().all(|e| !e.rule.ends_with("+comparison")));
}
