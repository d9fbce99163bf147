//! Developer tool: prints the sentences of a text file. `sents FILE fr|en`
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap_or_default();
    let lang = veille_core::Lang::from_code(args.get(2).map_or("fr", |s| s.as_str()));
    let mut doc = veille_core::Doc::new(text, lang, None);
    veille_nlp::segment(&mut doc);
    for (i, s) in doc.sentences.iter().enumerate() {
        println!("{:>3} {}", i + 1, doc.span_text(s.span).replace('\n', "⏎"));
    }
}
