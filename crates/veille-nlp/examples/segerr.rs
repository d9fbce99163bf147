#![allow(clippy::explicit_counter_loop)]
//! Developer tool: prints segmentation scores and the first token and sentence disagreements.
//! `cargo run --release -p veille-nlp --example segerr -- FILE.conllu fr|en [N]`
use veille_core::Lang;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(lang)) = (args.get(1), args.get(2).and_then(|l| Lang::from_code(l)))
    else {
        eprintln!("usage: segerr FILE.conllu fr|en [N]");
        std::process::exit(2);
    };
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(40);
    let Ok(conllu) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    };
    let run = match veille_nlp::eval::evaluate_segmentation(&conllu, lang) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let s = run.scores;
    println!(
        "tokens {:.2} words {:.2} sents {:.2} (P {:.2} R {:.2})",
        s.tokens.f, s.words.f, s.sentences.f, s.sentences.p, s.sentences.r
    );
    let text = &run.gold.text;
    let gold: std::collections::BTreeSet<(usize, usize)> =
        run.gold.tokens.iter().map(|t| (t.0, t.1)).collect();
    let sys: std::collections::BTreeSet<(usize, usize)> = run
        .doc
        .tokens
        .iter()
        .map(|t| (t.span.start as usize, t.span.end as usize))
        .collect();
    let mut shown = 0;
    for &(a, b) in gold.difference(&sys) {
        if shown >= n {
            break;
        }
        let ctx_a = text[..a].char_indices().rev().nth(20).map_or(0, |x| x.0);
        let ctx_b = text[b..]
            .char_indices()
            .nth(20)
            .map_or(text.len(), |x| b + x.0);
        println!(
            "TOK gold {:?} in …{}…",
            &text[a..b],
            text[ctx_a..ctx_b].replace('\n', "⏎")
        );
        shown += 1;
    }
    let sysmap: std::collections::HashMap<(usize, usize), usize> = run
        .doc
        .tokens
        .iter()
        .enumerate()
        .map(|(i, t)| ((t.span.start as usize, t.span.end as usize), i))
        .collect();
    let mut shown = 0;
    for (a, b, forms) in &run.gold.tokens {
        if let Some(&i) = sysmap.get(&(*a, *b)) {
            let sf: Vec<String> = if run.doc.tokens[i].n_words > 1 {
                run.doc
                    .token_words(i)
                    .iter()
                    .map(|w| w.form(text).to_lowercase())
                    .collect()
            } else {
                Vec::new()
            };
            if &sf != forms && shown < n {
                let ctx_a = text[..*a].char_indices().rev().nth(25).map_or(0, |x| x.0);
                let ctx_b = text[*b..]
                    .char_indices()
                    .nth(20)
                    .map_or(text.len(), |x| b + x.0);
                println!(
                    "MWT gold {:?} sys {:?} in …{}…",
                    forms,
                    sf,
                    text[ctx_a..ctx_b].replace('\n', "⏎")
                );
                shown += 1;
            }
        }
    }
    let gs: std::collections::BTreeSet<(usize, usize)> =
        run.gold.sentences.iter().copied().collect();
    let ss: Vec<(usize, usize)> = run
        .doc
        .sentences
        .iter()
        .map(|s| (s.span.start as usize, s.span.end as usize))
        .collect();
    let mut shown = 0;
    for &(a, b) in &ss {
        if gs.contains(&(a, b)) {
            continue;
        }
        if shown >= n {
            break;
        }
        let t = &text[a..b];
        let show: String = if t.chars().count() > 160 {
            format!(
                "{} … {}",
                t.chars().take(70).collect::<String>(),
                t.chars()
                    .rev()
                    .take(70)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<String>()
            )
        } else {
            t.to_string()
        };
        println!("SENT sys {:?}", show.replace('\n', "⏎"));
        shown += 1;
    }
    let sysset: std::collections::BTreeSet<(usize, usize)> = ss.iter().copied().collect();
    let mut shown = 0;
    for &(a, b) in &run.gold.sentences {
        if sysset.contains(&(a, b)) || shown >= n {
            continue;
        }
        let t: String = text[a..b].chars().take(100).collect();
        println!("GOLDSENT {:?}", t.replace('\n', "⏎"));
        shown += 1;
    }
    println!(
        "{} words in {:.3}s = {:.0} words/s",
        run.doc.words.len(),
        run.seconds,
        run.doc.words.len() as f64 / run.seconds
    );
}
