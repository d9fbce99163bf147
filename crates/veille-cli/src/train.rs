//! `veille train …`: rebuild shipped models from public data, deterministically.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use veille_core::{Doc, Lang};
use veille_nlp::sentmodel;

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
