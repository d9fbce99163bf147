//! `veille train …`: rebuild shipped models from public data, deterministically.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use veille_core::{Doc, Lang};
use veille_nlp::{sentmodel, tagger};

fn read_doc(path: &Path) -> Result<sentmodel::TrainingDoc> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    sentmodel::docs_from_conllu(&text)
        .with_context(|| format!("{}: not valid CoNLL-U", path.display()))
}

pub fn sentences(
    lang: &str,
    gold: &[PathBuf],
    dev: &[PathBuf],
    out: &Path,
    epochs: usize,
    seed: u64,
) -> Result<()> {
    let lang = Lang::from_code(lang).with_context(|| format!("unsupported language {lang:?}"))?;
    let docs = gold
        .iter()
        .map(|p| read_doc(p))
        .collect::<Result<Vec<_>>>()?;
    let (model, accs) = sentmodel::train(&docs, lang, epochs, seed);
    eprintln!(
        "training accuracy on candidate gaps, per epoch: {}",
        accs.iter()
            .map(|a| format!("{a:.2}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    std::fs::write(out, model.to_bytes())
        .with_context(|| format!("{}: cannot write", out.display()))?;
    eprintln!("wrote {}", out.display());
    for p in dev {
        let conllu =
            std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))?;
        let gold = veille_nlp::conllu::raw_text(&veille_nlp::conllu::parse(&conllu)?);
        for (name, m) in [("rules only", None), ("model", Some(&model))] {
            let mut doc = Doc::new(gold.text.clone(), Some(lang), None);
            veille_nlp::tokenize(&mut doc);
            veille_nlp::sentences::split_sentences_with(&mut doc, m);
            let s = veille_nlp::eval::score_segmentation(&gold, &doc).sentences;
            eprintln!(
                "{}: {name}: SENT F1 {:.2} (P {:.2} R {:.2})",
                p.display(),
                s.f,
                s.p,
                s.r
            );
        }
    }
    Ok(())
}

fn read_conllu(path: &Path) -> Result<Vec<veille_nlp::conllu::GoldSentence>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    veille_nlp::conllu::parse(&text)
        .with_context(|| format!("{}: not valid CoNLL-U", path.display()))
}

/// Accuracy of `model` on gold-tokenized sentences: (UPOS, features, lemma) in percent.
fn tagger_accuracy(model: &tagger::Tagger, sents: &[tagger::TrainSentence]) -> (f64, f64, f64) {
    let (mut n, mut u, mut f, mut l) = (0usize, 0usize, 0usize, 0usize);
    for s in sents {
        let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
        for (i, t) in model.tag(&forms).iter().enumerate() {
            n += 1;
            u += (t.upos == s.upos[i]) as usize;
            f += (t.feats == s.feats[i]) as usize;
            l += (t.lemma == s.lemmas[i]) as usize;
        }
    }
    let pc = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    (pc(u), pc(f), pc(l))
}

pub fn tagger(
    lang: &str,
    gold: &[PathBuf],
    dev: &[PathBuf],
    out: &Path,
    epochs: usize,
    seed: u64,
) -> Result<()> {
    Lang::from_code(lang).with_context(|| format!("unsupported language {lang:?}"))?;
    let mut train_sents = Vec::new();
    for p in gold {
        train_sents.extend(tagger::sentences_from_conllu(&read_conllu(p)?));
    }
    let n_words: usize = train_sents.iter().map(|s| s.forms.len()).sum();
    eprintln!(
        "training on {} sentences, {n_words} words",
        train_sents.len()
    );
    let t0 = std::time::Instant::now();
    let model = tagger::train(&train_sents, epochs, seed, &mut |e, acc| {
        eprintln!("epoch {e}: training UPOS accuracy {acc:.2}");
    });
    eprintln!("trained in {:.1} s", t0.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("{}: cannot write", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    for p in dev {
        let sents = tagger::sentences_from_conllu(&read_conllu(p)?);
        let (u, f, l) = tagger_accuracy(&model, &sents);
        eprintln!(
            "{} (gold tokens): UPOS {u:.2}  FEATS {f:.2}  LEMMA {l:.2}",
            p.display()
        );
    }
    Ok(())
}
