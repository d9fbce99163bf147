//! Developer tool: runs the whole pipeline over each line of a file (one sentence or short
//! article per line, English unless `LANG_FR=1`) and prints its parse and the events coded,
//! with their rules. `coddev FILE [--no-parse]`.
use veille_core::{Article, Lang};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("file");
    let show_parse = !args.iter().any(|a| a == "--no-parse");
    let lang = if std::env::var("LANG_FR").is_ok() {
        Lang::Fr
    } else {
        Lang::En
    };
    let pipeline = veille::Pipeline::new().expect("pipeline");
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let article = Article {
            lang: Some(lang),
            ..Article::new("coddev", line.to_string())
        };
        let doc = pipeline.process(&article);
        println!("## {line}");
        if show_parse {
            for (i, (w, a)) in doc.words.iter().zip(&doc.analyses).enumerate() {
                let head = a.head.map_or(0, |h| h + 1);
                println!(
                    "  {:>3} {:<16} {:<12} {:<6} {:>3} {:<10} {}",
                    i + 1,
                    w.form(&doc.text),
                    a.lemma,
                    a.upos.as_str(),
                    head,
                    a.deprel,
                    a.feats.to_ud()
                );
            }
            for e in &doc.entities {
                println!("  ent {} {}", e.label.as_str(), doc.span_text(e.span));
            }
        }
        // CODDEV_RAW=1: the PETRARCH coder's codings before the pipeline's filters.
        if std::env::var("CODDEV_RAW").is_ok() && lang == Lang::En {
            let d = veille_events::petrarch::english().expect("dicts");
            for s in &doc.sentences {
                let toks = veille_events::sentence_toks(&doc, s).0;
                for c in veille_events::petrarch::code_sentence_with(d, &toks, None, true) {
                    println!(
                        "  raw {} {} → {}  [{}] verb {}",
                        c.code,
                        c.source,
                        c.target,
                        c.rule,
                        c.verb + 1
                    );
                }
            }
        }
        for e in &doc.events {
            let t = e
                .target
                .as_ref()
                .map_or("—".to_string(), |t| t.code.clone());
            println!(
                "  => {} {} {} → {}  [{}]",
                e.cameo, e.plover.kind, e.source.code, t, e.rule
            );
        }
    }
}
