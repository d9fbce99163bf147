//! Developer tool: splits the time of segmentation between tokenizer, rules and model.
//! `cargo run --release -p veille-nlp --example segspeed -- FILE fr|en`
use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let one = std::fs::read_to_string(&args[1]).unwrap_or_default();
    let lang = veille_core::Lang::from_code(args.get(2).map_or("fr", |s| s.as_str()));
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str(&one);
        text.push_str("\n\n");
    }
    let model = lang.and_then(veille_nlp::sentmodel::embedded);
    let mut best = [f64::MAX; 3];
    let mut words = 0;
    for _ in 0..15 {
        let mut doc = veille_core::Doc::new(text.clone(), lang, None);
        let t0 = Instant::now();
        veille_nlp::tokenize(&mut doc);
        let t1 = Instant::now();
        veille_nlp::sentences::split_sentences_with(&mut doc, None);
        let t2 = Instant::now();
        veille_nlp::sentences::split_sentences_with(&mut doc, model);
        let t3 = Instant::now();
        words = doc.words.len();
        for (k, d) in [(0, t1 - t0), (1, t2 - t1), (2, t3 - t2)] {
            best[k] = best[k].min(d.as_secs_f64());
        }
    }
    let w = words as f64;
    println!(
        "words {words}: tokenize {:.2} M/s, rules {:.2} M/s, model {:.2} M/s, tokenize+model {:.2} M/s",
        w / best[0] / 1e6,
        w / best[1] / 1e6,
        w / best[2] / 1e6,
        w / (best[0] + best[2]) / 1e6
    );
}
