//! Dependency parser throughput, one thread: the French model over the Sequoia dev treebank
//! with its gold words and tags (inputs built beforehand, so only `parse` is timed).
//!
//! `cargo bench -p veille-nlp --bench parse` prints time per run and words/s ("item/s").
//! Skipped (with a message) when the model or the treebank is not on this machine.

use divan::{Bencher, counter::ItemsCount};
use veille_nlp::parser::{ParseInput, ParserModel, TrainSentence};

fn main() {
    divan::main();
}

const MODEL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/models/parser-fr.bin");
const TREEBANK: &str = "/work/shared/data/ud-french-sequoia/fr_sequoia-ud-dev.conllu";

fn inputs() -> Option<(ParserModel, Vec<TrainSentence>)> {
    let model = ParserModel::from_bytes(&std::fs::read(MODEL).ok()?).ok()?;
    let text = std::fs::read_to_string(TREEBANK).ok()?;
    let gold = veille_nlp::conllu::parse(&text).ok()?;
    Some((model, veille_nlp::parser::sentences_from_conllu(&gold)))
}

#[divan::bench(sample_count = 10)]
fn parse_fr(bencher: Bencher) {
    let Some((model, sents)) = inputs() else {
        eprintln!("parse_fr skipped: {MODEL} or {TREEBANK} missing");
        return;
    };
    let forms: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.forms.iter().map(|x| x.as_str()).collect())
        .collect();
    let lemmas: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.lemmas.iter().map(|x| x.as_str()).collect())
        .collect();
    let words: usize = sents.iter().map(|s| s.forms.len()).sum();
    let (mut heads, mut labels) = (Vec::new(), Vec::new());
    bencher.counter(ItemsCount::new(words)).bench_local(|| {
        for (i, s) in sents.iter().enumerate() {
            let input = ParseInput {
                forms: &forms[i],
                lemmas: &lemmas[i],
                upos: &s.upos,
                feats: &s.feats,
            };
            model.parse(&input, &mut heads, &mut labels);
        }
        heads.len()
    });
}
