//! Developer tool: trains the tagger and prints dev accuracy on gold tokens.
//! `cargo run --release -p veille-nlp --example tagdev -- DEV.conllu TRAIN.conllu…`
//! With `EMBEDDED=fr|en` and no training file, scores the shipped tagger instead;
//! `CLUSTERS=en` trains with the shipped English word clusters.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let read = |p: &str| {
        veille_nlp::conllu::parse(&std::fs::read_to_string(p).unwrap_or_default())
            .unwrap_or_default()
    };
    let dev = veille_nlp::tagger::sentences_from_conllu(&read(&args[1]));
    let mut train = Vec::new();
    for p in &args[2..] {
        train.extend(veille_nlp::tagger::sentences_from_conllu(&read(p)));
    }
    let epochs = std::env::var("EPOCHS")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(8);
    // CLUSTERS=en trains with the shipped English word clusters.
    let clusters = std::env::var("CLUSTERS")
        .ok()
        .and_then(|l| veille_core::Lang::from_code(&l))
        .and_then(veille_nlp::clusters::embedded);
    let seed = std::env::var("SEED")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(42);
    let shipped = std::env::var("EMBEDDED")
        .ok()
        .and_then(|l| veille_core::Lang::from_code(&l))
        .and_then(veille_nlp::tagger::embedded);
    let m = match shipped {
        Some(m) => m.clone(),
        None => veille_nlp::tagger::train(&train, epochs, seed, clusters, &mut |_, _| {}),
    };
    if let Ok(out) = std::env::var("OUT") {
        std::fs::write(&out, m.to_bytes()).unwrap_or_else(|e| eprintln!("{out}: {e}"));
    }
    let (mut n, mut u, mut f, mut l) = (0, 0, 0, 0);
    // CONF=N prints the N most frequent UPOS confusions (gold → predicted, with the word).
    let mut conf: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let t0 = std::time::Instant::now();
    for s in &dev {
        let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
        for (i, t) in m.tag(&forms).iter().enumerate() {
            n += 1;
            u += (t.upos == s.upos[i]) as usize;
            if t.upos != s.upos[i] {
                *conf
                    .entry(format!(
                        "{} → {} {}",
                        s.upos[i].as_str(),
                        t.upos.as_str(),
                        forms[i].to_lowercase()
                    ))
                    .or_default() += 1;
            }
            f += (t.feats == s.feats[i]) as usize;
            l += (t.lemma == s.lemmas[i]) as usize;
        }
    }
    let mut secs = t0.elapsed().as_secs_f64();
    if let Some(k) = std::env::var("CONF")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
    {
        let mut v: Vec<(String, usize)> = conf.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for (c, k) in v.iter().take(k) {
            println!("{k:5} {c}");
        }
    }
    for _ in 0..5 {
        let t0 = std::time::Instant::now();
        for s in &dev {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            std::hint::black_box(m.tag(&forms));
        }
        secs = secs.min(t0.elapsed().as_secs_f64());
    }
    let pc = |x: usize| 100.0 * x as f64 / n as f64;
    println!(
        "UPOS {:.2} FEATS {:.2} LEMMA {:.2}  ({n} words, {:.0} words/s, {} bytes)",
        pc(u),
        pc(f),
        pc(l),
        n as f64 / secs,
        m.to_bytes().len()
    );
}
