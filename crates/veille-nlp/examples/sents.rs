//! Developer tool: prints the sentences of a text file. `sents FILE fr|en`; with `GAPS=1`,
//! also every candidate gap with the rules' verdict and the model's score.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap_or_default();
    let lang = veille_core::Lang::from_code(args.get(2).map_or("fr", |s| s.as_str()));
    let mut doc = veille_core::Doc::new(text, lang, None);
    veille_nlp::segment(&mut doc);
    for (i, s) in doc.sentences.iter().enumerate() {
        println!("{:>3} {}", i + 1, doc.span_text(s.span).replace('\n', "⏎"));
    }
    let model = lang.and_then(veille_nlp::sentmodel::embedded);
    if let (Some(m), Some(_)) = (model, std::env::var_os("GAPS")) {
        for (i, rule, score) in m.explain(&doc) {
            let tok = |k: usize| doc.tokens.get(k).map_or("", |t| doc.span_text(t.span));
            println!(
                "  {:>12} | {:<12} rule {} score {:+.2}",
                tok(i),
                tok(i + 1),
                rule as u8,
                score
            );
        }
    }
}
