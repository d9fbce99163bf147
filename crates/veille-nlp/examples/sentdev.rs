//! Developer tool: trains a sentence model and prints SENT F1 on dev files, without writing it
//! unless `--out` is given. `sentdev fr|en --train A.conllu B.conllu --dev C.conllu [--epochs N] [--out M]`
//!
//! `--cv K`: K-fold cross-validation over the training files instead (each file cut into K
//! contiguous blocks; fold f trains on the rest and scores block f of every file), printing
//! the pooled SENT F1: a steadier figure than one small dev file for comparing features.
use veille_core::{Doc, Lang};
use veille_nlp::sentmodel;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lang = Lang::from_code(args.get(1).map_or("fr", String::as_str)).unwrap_or(Lang::Fr);
    let (mut train, mut dev, mut epochs, mut out) = (Vec::new(), Vec::new(), 6usize, None);
    let mut cv = 0usize;
    let mut mode = "";
    for a in &args[2..] {
        match a.as_str() {
            "--train" | "--dev" | "--epochs" | "--out" | "--cv" => mode = a,
            _ => match mode {
                "--train" => train.push(a.clone()),
                "--dev" => dev.push(a.clone()),
                "--epochs" => epochs = a.parse().unwrap_or(6),
                "--out" => out = Some(a.clone()),
                "--cv" => cv = a.parse().unwrap_or(5),
                _ => {}
            },
        }
    }
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    if cv > 1 {
        cross_validate(&train, lang, epochs, cv);
        return;
    }
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
        print_misses(&gold, &doc);
        println!(
            "{:<40} SENT F1 {:.2} (P {:.2} R {:.2})",
            p.rsplit('/').next().unwrap_or(p),
            s.f,
            s.p,
            s.r
        );
    }
}

fn cross_validate(train: &[String], lang: Lang, epochs: usize, k: usize) {
    use veille_nlp::conllu;
    let files: Vec<Vec<conllu::GoldSentence>> = train
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
            conllu::parse(&text).expect("conllu")
        })
        .collect();
    let block = |n: usize, f: usize| (n * f / k, n * (f + 1) / k);
    let mut counts = vec![(0usize, 0usize, 0usize); files.len()];
    for f in 0..k {
        let mut docs = Vec::new();
        for s in &files {
            let (a, b) = block(s.len(), f);
            for part in [&s[..a], &s[b..]] {
                if !part.is_empty() {
                    let g = conllu::raw_text(part);
                    docs.push(sentmodel::TrainingDoc {
                        text: g.text,
                        sentences: g.sentences,
                    });
                }
            }
        }
        let (model, _) = sentmodel::train(&docs, lang, epochs, 42);
        for (s, c) in files.iter().zip(counts.iter_mut()) {
            let (a, b) = block(s.len(), f);
            let g = conllu::raw_text(&s[a..b]);
            let mut doc = Doc::new(g.text.clone(), Some(lang), None);
            veille_nlp::tokenize(&mut doc);
            veille_nlp::sentences::split_sentences_with(&mut doc, Some(&model));
            print_misses(&g, &doc);
            let sc = veille_nlp::eval::score_segmentation(&g, &doc).sentences;
            c.0 += sc.gold;
            c.1 += sc.system;
            c.2 += sc.correct;
        }
    }
    let line = |name: &str, (gold, system, correct): (usize, usize, usize)| {
        let p = 100.0 * correct as f64 / system.max(1) as f64;
        let r = 100.0 * correct as f64 / gold.max(1) as f64;
        println!(
            "{name:<32} {k}-fold SENT F1 {:.2} (P {p:.2} R {r:.2}, {gold} gold sentences)",
            2.0 * p * r / (p + r).max(1e-9)
        );
    };
    for (p, &c) in train.iter().zip(&counts) {
        line(p.rsplit('/').next().unwrap_or(p), c);
    }
    let total = counts
        .iter()
        .fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2));
    line("all", total);
}

/// With `MISSES` set, prints each missed and each spurious sentence end in its context.
fn print_misses(gold: &veille_nlp::conllu::RawGold, doc: &Doc) {
    if std::env::var_os("MISSES").is_none() {
        return;
    }
    let gold_ends: std::collections::BTreeSet<usize> = gold.sentences.iter().map(|s| s.1).collect();
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
