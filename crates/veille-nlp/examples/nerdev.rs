//! Developer tool for the NER model: trains from gold files and name-list sources, prints dev
//! scores and the first errors. `veille train ner` is the supported way to build the shipped
//! models; this one skips the CLI for quick experiments.
//!
//! ```text
//! cargo run --release -p veille-nlp --example nerdev -- fr DEV TRAIN… \
//!     [--cities cities15000.txt] [--info countryInfo.txt] [--countries countries.tsv] \
//!     [--petrarch DIR] [--errors N] [--out MODEL]
//! ```
use veille_core::Lang;
use veille_nlp::ner;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let pos: Vec<&String> = {
        let mut v = Vec::new();
        let mut skip = false;
        for a in &args[1..] {
            if skip {
                skip = false;
            } else if a == "--own-tokens" {
            } else if a.starts_with("--") {
                skip = true;
            } else {
                v.push(a);
            }
        }
        v
    };
    let (Some(lang), Some(dev)) = (pos.first().and_then(|l| Lang::from_code(l)), pos.get(1)) else {
        eprintln!("usage: nerdev fr|en DEV TRAIN… [options]");
        return;
    };
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_default();
    let gold = |p: &str| ner::read_gold(p, &read(p)).unwrap_or_default();
    let mut texts = ner::ListTexts {
        cities: opt("--cities").map(|p| read(&p)),
        country_info: opt("--info").map(|p| read(&p)),
        countries: opt("--countries").map(|p| read(&p)),
        petrarch: Vec::new(),
    };
    if let Some(dir) = opt("--petrarch") {
        for f in ner::PETRARCH_FILES {
            texts.petrarch.push(read(&format!("{dir}/{f}")));
        }
    }
    let lists = ner::name_lists(lang, &texts);
    let own = args.iter().any(|a| a == "--own-tokens");
    let mut train = Vec::new();
    for p in &pos[2..] {
        if own && p.ends_with(".tsv") && !p.contains("goldtok") {
            train.extend(ner::sentences_on_own_tokens(
                &ner::read_hipe_docs(&read(p)),
                lang,
            ));
        } else {
            train.extend(gold(p));
        }
    }
    let epochs = opt("--epochs").and_then(|e| e.parse().ok()).unwrap_or(10);
    if let Some(k) = opt("--cv").and_then(|x| x.parse::<usize>().ok()) {
        // Cross-validation over the documents of DEV (HIPE), raw-text scoring: each fold is
        // scored by a model trained on the other folds (given `--copies` times, 3 by default)
        // and the TRAIN files, so settings can be chosen without looking at held-out data.
        let docs = ner::read_hipe_docs(&read(dev));
        let copies: usize = opt("--copies").and_then(|x| x.parse().ok()).unwrap_or(3);
        let (mut g, mut p, mut c) = (0f64, 0f64, 0f64);
        for f in 0..k {
            let rest: Vec<ner::NerDoc> = docs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != f)
                .map(|(_, d)| d.clone())
                .collect();
            let held: Vec<ner::NerDoc> = docs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k == f)
                .map(|(_, d)| d.clone())
                .collect();
            let mut t = Vec::new();
            let own = ner::sentences_on_own_tokens(&rest, lang);
            for _ in 0..copies {
                t.extend(own.iter().cloned());
            }
            t.extend(train.iter().cloned());
            let m = ner::train(&t, lang, lists.clone(), epochs, 42, &mut |_, _| {});
            let r = ner::evaluate_raw(&m, &held, lang);
            println!("fold {f}: F1 {:.2}", r.all.f);
            g += r.all.gold as f64;
            p += r.all.pred as f64;
            c += r.all.correct as f64;
        }
        let (pp, rr) = (100.0 * c / p.max(1.0), 100.0 * c / g.max(1.0));
        println!(
            "cv {k}: P {pp:.2} R {rr:.2} F1 {:.2}",
            2.0 * pp * rr / (pp + rr).max(1e-9)
        );
        return;
    }
    let m = ner::train(&train, lang, lists, epochs, 42, &mut |_, _| {});
    if let Some(out) = opt("--out") {
        std::fs::write(&out, m.to_bytes()).unwrap_or_else(|e| eprintln!("{out}: {e}"));
    }
    let dev_sents = gold(dev);
    let s = ner::evaluate(&m, &dev_sents, lang);
    let per: Vec<String> = s
        .per_type
        .iter()
        .map(|(t, x)| format!("{t} {:.1}", x.f))
        .collect();
    println!(
        "{dev}: P {:.2} R {:.2} F1 {:.2} ({}) {:.0} tokens/s",
        s.all.p,
        s.all.r,
        s.all.f,
        per.join(", "),
        s.tokens as f64 / s.seconds.max(1e-9)
    );
    if dev.ends_with(".tsv") {
        let r = ner::evaluate_raw(&m, &ner::read_hipe_docs(&read(dev)), lang);
        let per: Vec<String> = r
            .per_type
            .iter()
            .map(|(t, x)| format!("{t} {:.1}", x.f))
            .collect();
        println!(
            "{dev} from raw text: P {:.2} R {:.2} F1 {:.2} ({})",
            r.all.p,
            r.all.r,
            r.all.f,
            per.join(", ")
        );
    }
    let n: usize = opt("--errors").and_then(|x| x.parse().ok()).unwrap_or(0);
    let mut shown = 0;
    for s in &dev_sents {
        if shown >= n {
            break;
        }
        let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
        let pred = m.predict(&forms, lang);
        let show = |v: &[ner::TokenSpan]| {
            v.iter()
                .map(|x| format!("{}:{}", x.label.as_str(), forms[x.start..x.end].join(" ")))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        if pred != s.spans {
            println!(
                "{}\n  gold {}\n  pred {}",
                forms.join(" "),
                show(&s.spans),
                show(&pred)
            );
            shown += 1;
        }
    }
}
