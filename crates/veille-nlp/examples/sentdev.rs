//! Developer tool: trains a sentence model and prints SENT F1 on dev files, without writing it
//! unless `--out` is given. `sentdev fr|en --train A.conllu B.conllu --dev C.conllu [--epochs N] [--out M]`
use veille_core::{Doc, Lang};
use veille_nlp::sentmodel;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = Lang::from_code(args.get(1).map_or("fr", String::as_str)).unwrap_or(Lang::Fr);
    let (mut train, mut dev, mut epochs, mut out) = (Vec::new(), Vec::new(), 6usize, None);
    let mut mode = "";
    for a in &args[2..] {
        match a.as_str() {
            "--train" | "--dev" | "--epochs" | "--out" => mode = a,
            _ => match mode {
                "--train" => train.push(a.clone()),
                "--dev" => dev.push(a.clone()),
                "--epochs" => epochs = a.parse().unwrap_or(6),
                "--out" => out = Some(a.clone()),
                _ => {}
            },
        }
    }
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let docs: Vec<_> = train
        .iter()
        .map(|p| sentmodel::docs_from_conllu(&read(p)).expect("conllu"))
        .collect();
    let (model, accs) = sentmodel::train(&docs, lang, epochs, 42);
    eprintln!(
        "train acc {:?}",
        accs.iter().map(|a| format!("{a:.2}")).collect::<Vec<_>>()
    );
    if let Some(o) = out {
        std::fs::write(&o, model.to_bytes()).expect("write");
    }
    for p in &dev {
        let gold =
            veille_nlp::conllu::raw_text(&veille_nlp::conllu::parse(&read(p)).expect("conllu"));
        let mut doc = Doc::new(gold.text.clone(), Some(lang), None);
        veille_nlp::tokenize(&mut doc);
        veille_nlp::sentences::split_sentences_with(&mut doc, Some(&model));
        let s = veille_nlp::eval::score_segmentation(&gold, &doc).sentences;
        if std::env::var_os("MISSES").is_some() {
            let gold_ends: std::collections::BTreeSet<usize> =
                gold.sentences.iter().map(|s| s.1).collect();
            let ends: std::collections::BTreeSet<usize> =
                doc.sentences.iter().map(|s| s.span.end as usize).collect();
            let t = &gold.text;
            let ctx = |e: usize| {
                let a = t.floor_char_boundary(e.saturating_sub(50));
                let b = t.ceil_char_boundary((e + 30).min(t.len()));
                format!("{} ||| {}", &t[a..e], &t[e..b]).replace('\n', "⏎")
            };
            for e in gold_ends.difference(&ends) {
                println!("  MISS  {}", ctx(*e));
            }
            for e in ends.difference(&gold_ends) {
                println!("  FALSE {}", ctx(*e));
            }
        }
        println!(
            "{:<40} SENT F1 {:.2} (P {:.2} R {:.2})",
            p.rsplit('/').next().unwrap_or(p),
            s.f,
            s.p,
            s.r
        );
    }
}
