//! Developer tool: train a sentence model and score it. `trainsent fr OUT TRAIN.conllu… -- TEST.conllu…`
use veille_core::{Doc, Lang};
use veille_nlp::sentmodel;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = Lang::from_code(&args[0]).unwrap_or(Lang::Fr);
    let out = &args[1];
    let epochs: usize = std::env::var("EPOCHS")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(6);
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let docs: Vec<_> = args[2..split]
        .iter()
        .map(|p| {
            sentmodel::docs_from_conllu(&std::fs::read_to_string(p).unwrap_or_default())
                .unwrap_or_else(|e| panic!("{p}: {e}"))
        })
        .collect();
    let (m, accs) = sentmodel::train(&docs, lang, epochs, 42);
    println!("train acc per epoch {accs:.2?}");
    std::fs::write(out, m.to_bytes()).unwrap_or_else(|e| panic!("{e}"));
    for p in args.iter().skip(split + 1) {
        let conllu = std::fs::read_to_string(p).unwrap_or_default();
        let sents = veille_nlp::conllu::parse(&conllu).unwrap_or_default();
        let gold = veille_nlp::conllu::raw_text(&sents);
        for (name, model) in [("rules", None), ("model", Some(&m))] {
            let mut doc = Doc::new(gold.text.clone(), Some(lang), None);
            veille_nlp::tokenize(&mut doc);
            veille_nlp::sentences::split_sentences_with(&mut doc, model);
            let s = veille_nlp::eval::score_segmentation(&gold, &doc);
            println!(
                "{p}: {name} SENT F1 {:.2} (P {:.2} R {:.2})",
                s.sentences.f, s.sentences.p, s.sentences.r
            );
        }
    }
}
