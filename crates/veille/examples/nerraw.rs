//! Developer tool: named entities from raw text for `../shared/tools/hipe_ner.py --pred`.
//! Reads `{"id","text"}` lines (from `hipe_ner.py --texts`), writes
//! `{"id","entities":[{"start","end","label"}]}` lines with character offsets, once as the
//! NER model alone gives them (`OUT.model.jsonl`) and once as `veille extract` reports them,
//! after the gazetteer has been consulted (`OUT.jsonl`). `nerraw TEXTS.jsonl OUT`.
use veille_core::{Article, Lang};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: nerraw TEXTS.jsonl OUT");
        std::process::exit(2);
    };
    let lang = match std::env::var("NER_LANG").as_deref() {
        Ok("en") => Lang::En,
        _ => Lang::Fr,
    };
    let text = std::fs::read_to_string(input).expect("input");
    let pipeline = veille::Pipeline::new().expect("pipeline");
    let (mut model_out, mut full_out) = (String::new(), String::new());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json line");
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let body = v["text"].as_str().unwrap_or_default().to_string();
        let article = Article {
            lang: Some(lang),
            ..Article::new(&id, body.clone())
        };
        let mut doc = veille_core::Doc::from_article(&article);
        veille_nlp::analyze(&mut doc);
        veille_nlp::recognize_entities(&mut doc);
        let chars = |b: u32| body[..b as usize].chars().count();
        let json = |ents: &[veille_core::Entity]| {
            let ents: Vec<serde_json::Value> = ents
                .iter()
                .map(|e| {
                    serde_json::json!({"start": chars(e.span.start), "end": chars(e.span.end), "label": e.label.as_str()})
                })
                .collect();
            serde_json::json!({"id": id, "entities": ents}).to_string() + "\n"
        };
        model_out.push_str(&json(&doc.entities));
        let full = pipeline.process(&article);
        full_out.push_str(&json(&full.entities));
    }
    std::fs::write(format!("{out}.model.jsonl"), model_out).expect("write");
    std::fs::write(format!("{out}.jsonl"), full_out).expect("write");
}
