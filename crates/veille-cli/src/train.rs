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

/// Trains the French "des"/"du" model and scores it, and the rules alone, on `dev`.
pub fn des(gold: &[PathBuf], dev: &[PathBuf], out: &Path, epochs: usize, seed: u64) -> Result<()> {
    use veille_nlp::desmodel;
    let read = |p: &PathBuf| -> Result<Vec<desmodel::Case>> {
        let conllu =
            std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))?;
        Ok(desmodel::cases(&veille_nlp::conllu::parse(&conllu)?))
    };
    let mut cases = Vec::new();
    for p in gold {
        cases.extend(read(p)?);
    }
    let model = desmodel::train(&cases, epochs, seed);
    eprintln!(
        "{} training cases, {} wrong after training",
        cases.len(),
        desmodel::errors(&model, &cases)
    );
    std::fs::write(out, model.to_bytes())
        .with_context(|| format!("{}: cannot write", out.display()))?;
    eprintln!("wrote {}", out.display());
    for p in dev {
        let c = read(p)?;
        let rules_wrong = c.iter().filter(|c| c.rule != c.gold).count();
        eprintln!(
            "{}: {} cases, model wrong on {}, rules alone on {rules_wrong}",
            p.display(),
            c.len(),
            desmodel::errors(&model, &c)
        );
    }
    Ok(())
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

fn lang_of(code: &str) -> Result<Lang> {
    Lang::from_code(code).with_context(|| format!("unsupported language {code:?}"))
}

/// Writes the word-cluster file from `word<TAB>path` lines (scripts/en_clusters.py).
pub fn build_clusters(tsv: &Path, out: &Path) -> Result<()> {
    let text = read_text(tsv)?;
    let mut pairs = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let (w, p) = line
            .split_once('\t')
            .with_context(|| format!("{}:{}: expected word<TAB>path", tsv.display(), n + 1))?;
        let p: u32 = p
            .trim()
            .parse()
            .with_context(|| format!("{}:{}: bad path {p:?}", tsv.display(), n + 1))?;
        pairs.push((w, p));
    }
    let c = veille_nlp::clusters::Clusters::from_pairs(pairs);
    if c.is_empty() {
        anyhow::bail!("{}: no word with a cluster", tsv.display());
    }
    let bytes = c.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("{}: cannot write", out.display()))?;
    eprintln!(
        "wrote {} ({} words, {} clusters, {} bytes, fingerprint {:016x})",
        out.display(),
        c.len(),
        c.n_clusters(),
        bytes.len(),
        c.fingerprint()
    );
    Ok(())
}

pub struct TaggerArgs<'a> {
    pub lang: &'a str,
    pub gold: &'a [PathBuf],
    pub dev: &'a [PathBuf],
    pub out: &'a Path,
    pub epochs: usize,
    pub seed: u64,
    /// Add [`veille_nlp::augment::news_copies`] to the training set.
    pub news_leads: bool,
    /// Taggers trained side by side whose weights are summed.
    pub mix: usize,
}

pub fn tagger(a: &TaggerArgs<'_>) -> Result<()> {
    lang_of(a.lang)?;
    let mut train_sents = Vec::new();
    for p in a.gold {
        let mut g = read_conllu(p)?;
        if a.news_leads {
            let extra = veille_nlp::augment::news_copies(&g);
            eprintln!(
                "news leads: {} sentence copies from {}",
                extra.len(),
                p.display()
            );
            g.extend(extra);
        }
        train_sents.extend(tagger::sentences_from_conllu(&g));
    }
    let n_words: usize = train_sents.iter().map(|s| s.forms.len()).sum();
    eprintln!(
        "training on {} sentences, {n_words} words",
        train_sents.len()
    );
    let t0 = std::time::Instant::now();
    let clusters = veille_nlp::clusters::embedded(lang_of(a.lang)?);
    if let Some(c) = clusters {
        eprintln!(
            "word clusters: {} words in {} clusters",
            c.len(),
            c.n_clusters()
        );
    }
    // Seeds two apart: the tagger's generator starts from `seed | 1`.
    let seeds: Vec<u64> = (0..a.mix.max(1) as u64)
        .map(|i| a.seed.wrapping_add(2 * i))
        .collect();
    let model = tagger::train_mixed(&train_sents, a.epochs, &seeds, clusters, &mut |e, acc| {
        eprintln!("epoch {e}: training UPOS accuracy {acc:.2}");
    });
    eprintln!("trained in {:.1} s", t0.elapsed().as_secs_f64());
    let bytes = model.to_bytes();
    std::fs::write(a.out, &bytes).with_context(|| format!("{}: cannot write", a.out.display()))?;
    eprintln!("wrote {} ({} bytes)", a.out.display(), bytes.len());
    for p in a.dev {
        let sents = tagger::sentences_from_conllu(&read_conllu(p)?);
        let (u, f, l) = tagger_accuracy(&model, &sents);
        eprintln!(
            "{} (gold tokens): UPOS {u:.2}  FEATS {f:.2}  LEMMA {l:.2}",
            p.display()
        );
    }
    Ok(())
}

/// Replaces the gold tags of `sents` by `model`'s predictions on the same words.
fn retag(model: &tagger::Tagger, sents: &mut [veille_nlp::parser::TrainSentence]) {
    for s in sents {
        let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
        let tagged = model.tag(&forms);
        s.upos = tagged.iter().map(|t| t.upos).collect();
        s.feats = tagged.iter().map(|t| t.feats).collect();
        s.lemmas = tagged.into_iter().map(|t| t.lemma).collect();
    }
}

pub struct ParserArgs<'a> {
    pub lang: &'a str,
    pub gold: &'a [PathBuf],
    pub dev: &'a [PathBuf],
    pub out: &'a Path,
    pub epochs: usize,
    pub seed: u64,
    /// Folds for jackknifed training tags (≤ 1: train on gold tags).
    pub jackknife: usize,
    pub tagger_epochs: usize,
    /// Add [`veille_nlp::augment::news_copies`] to the training set.
    pub news_leads: bool,
    /// Beam width (1: greedy) and the number of greedy epochs before it.
    pub beam: usize,
    pub beam_from: usize,
    /// log2 of the transition table's rows.
    pub trans_bits: u32,
    /// log2 of the label table's rows.
    pub label_bits: u32,
    /// Leave the language's word clusters out of the parser (the jackknife taggers keep them).
    pub no_clusters: bool,
    /// Parsers trained side by side (seeds `seed`, `seed + 1`, …) whose weights are summed.
    pub mix: usize,
    /// Train a right-to-left parser.
    pub reverse: bool,
    /// Zero the weight rows whose weights are all at most this in magnitude (0: none).
    pub prune: i8,
}

/// Trains the dependency parser. At run time it reads the tagger's output, not gold tags, so
/// by default it is trained on jackknifed tags: the training set is cut into folds and each
/// fold is tagged by a tagger trained on the others (the usual remedy for a parser that trusts
/// tags more than it should). The epoch kept is the one with the best LAS on the dev files,
/// tagged by the shipped tagger.
pub fn parser(a: &ParserArgs<'_>) -> Result<()> {
    use veille_nlp::parser;
    let lang =
        Lang::from_code(a.lang).with_context(|| format!("unsupported language {:?}", a.lang))?;
    let mut gold = Vec::new();
    for p in a.gold {
        gold.extend(read_conllu(p)?);
    }
    if a.news_leads {
        let extra = veille_nlp::augment::news_copies(&gold);
        eprintln!(
            "news leads: {} sentence copies with a time phrase or a news subject",
            extra.len()
        );
        gold.extend(extra);
    }
    let mut train_sents = parser::sentences_from_conllu(&gold);
    let n_words: usize = train_sents.iter().map(|s| s.forms.len()).sum();
    eprintln!(
        "training on {} sentences, {n_words} words",
        train_sents.len()
    );
    let t0 = std::time::Instant::now();
    let k = a.jackknife;
    if k > 1 {
        let tag_sents = tagger::sentences_from_conllu(&gold);
        for fold in 0..k {
            let rest: Vec<tagger::TrainSentence> = tag_sents
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let m = tagger::train(
                &rest,
                a.tagger_epochs,
                a.seed,
                veille_nlp::clusters::embedded(lang),
                &mut |_, _| {},
            );
            let (mut n, mut right) = (0usize, 0usize);
            for i in (fold..train_sents.len()).step_by(k) {
                let s = &mut train_sents[i];
                let gold_upos = s.upos.clone();
                retag(&m, std::slice::from_mut(s));
                n += gold_upos.len();
                right += gold_upos
                    .iter()
                    .zip(&s.upos)
                    .filter(|(g, p)| g == p)
                    .count();
            }
            eprintln!(
                "jackknife fold {}/{k}: UPOS {:.2} on its held-out sentences",
                fold + 1,
                100.0 * right as f64 / n.max(1) as f64
            );
        }
    }
    let shipped = tagger::embedded(lang).context("the shipped tagger does not load")?;
    let mut dev = Vec::new();
    for p in a.dev {
        dev.extend(parser::sentences_from_conllu(&read_conllu(p)?));
    }
    retag(shipped, &mut dev);
    let opts = parser::TrainOptions {
        epochs: a.epochs,
        seed: a.seed,
        beam: a.beam,
        beam_from: a.beam_from,
        trans_bits: a.trans_bits,
        label_bits: a.label_bits,
        clusters: veille_nlp::clusters::embedded(lang).filter(|_| !a.no_clusters),
        reversed: a.reverse,
        ..parser::TrainOptions::default()
    };
    let mut trainers: Vec<parser::Trainer> = (0..a.mix.max(1) as u64)
        .map(|i| {
            let o = parser::TrainOptions {
                seed: a.seed.wrapping_add(i),
                ..opts.clone()
            };
            parser::Trainer::new(&train_sents, &o)
        })
        .collect();
    let mut best: Option<(f64, usize, parser::ParserModel)> = None;
    for e in 0..a.epochs {
        // One thread per parser: they share nothing, so the result does not depend on it.
        let accs: Vec<f64> = std::thread::scope(|s| {
            let hs: Vec<_> = trainers.iter_mut().map(|t| s.spawn(|| t.epoch())).collect();
            hs.into_iter()
                .map(|h| h.join().unwrap_or(f64::NAN))
                .collect()
        });
        let acc = accs.iter().sum::<f64>() / accs.len() as f64;
        let (first, rest) = trainers.split_first().context("no parser to train")?;
        let rest: Vec<&parser::Trainer> = rest.iter().collect();
        let model = first.mixed_with(&rest)?.pruned(a.prune);
        if dev.is_empty() {
            eprintln!("epoch {e}: training accuracy {acc:.4}");
            best = Some((0.0, e, model));
            continue;
        }
        if trainers.len() > 1 {
            let each: Vec<String> = trainers
                .iter()
                .map(|t| format!("{:.2}", parser::evaluate(&t.model(), &dev).las))
                .collect();
            eprintln!("epoch {e}: dev LAS of each parser alone {}", each.join(" "));
        }
        let s = parser::evaluate(&model, &dev);
        eprintln!(
            "epoch {e}: training accuracy {acc:.4}  dev (predicted tags) UAS {:.2} LAS {:.2}  ({:.0} s)",
            s.uas,
            s.las,
            t0.elapsed().as_secs_f64()
        );
        if best.as_ref().is_none_or(|b| s.las > b.0) {
            best = Some((s.las, e, model));
        }
    }
    let (las, e, model) = best.context("no epoch trained (--epochs 0)")?;
    if dev.is_empty() {
        eprintln!("kept the last epoch ({e}; no dev set to choose by)");
    } else {
        eprintln!("kept epoch {e} (dev LAS {las:.2})");
    }
    let bytes = model.to_bytes();
    std::fs::write(a.out, &bytes).with_context(|| format!("{}: cannot write", a.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.0} s",
        a.out.display(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Reads a text file, decompressing `.xz`.
fn read_text(path: &Path) -> Result<String> {
    let raw = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let bytes = if path.extension().is_some_and(|e| e == "xz") {
        let mut out = Vec::new();
        lzma_rs::xz_decompress(&mut raw.as_slice(), &mut out)
            .map_err(|e| anyhow::anyhow!("{}: not valid xz: {e:?}", path.display()))?;
        out
    } else {
        raw
    };
    String::from_utf8(bytes).with_context(|| format!("{}: not UTF-8", path.display()))
}

/// Whether a NER gold file is HIPE TSV, whose raw text can be rebuilt.
pub fn is_hipe(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "tsv")
}

/// Reads a HIPE TSV gold file as documents of raw text with entity spans.
pub fn read_hipe_docs(path: &Path) -> Result<Vec<veille_nlp::ner::NerDoc>> {
    Ok(veille_nlp::ner::read_hipe_docs(&read_text(path)?))
}

/// Reads NER gold files (HIPE `.tsv`, IOB2 `.iob2`, Europeana `.bio`).
pub fn read_ner_gold(path: &Path) -> Result<Vec<veille_nlp::ner::NerSentence>> {
    let text = read_text(path)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    veille_nlp::ner::read_gold(name, &text).with_context(|| {
        format!(
            "{}: unknown NER format (expected .tsv HIPE, .iob2 or .bio)",
            path.display()
        )
    })
}

pub struct ListSources<'a> {
    pub geonames: Option<&'a Path>,
    pub petrarch: Option<&'a Path>,
    pub countries: Option<&'a Path>,
}

/// Reads the list sources and builds the NER name lists (see `veille_nlp::ner::name_lists`).
pub fn name_lists(lang: Lang, src: &ListSources<'_>) -> Result<veille_nlp::ner::NameLists> {
    let mut texts = veille_nlp::ner::ListTexts::default();
    if let Some(dir) = src.geonames {
        texts.cities = Some(read_text(&dir.join("cities15000.txt.xz"))?);
        texts.country_info = Some(read_text(&dir.join("countryInfo.txt"))?);
    }
    if let Some(path) = src.countries {
        texts.countries = Some(read_text(path)?);
    }
    if let Some(dir) = src.petrarch {
        for file in veille_nlp::ner::PETRARCH_FILES {
            texts.petrarch.push(read_text(&dir.join(file))?);
        }
    }
    Ok(veille_nlp::ner::name_lists(lang, &texts))
}

pub struct NerArgs<'a> {
    pub lang: &'a str,
    pub gold: &'a [PathBuf],
    pub dev: &'a [PathBuf],
    pub out: &'a Path,
    pub epochs: usize,
    pub seed: u64,
    pub lists: ListSources<'a>,
}

/// Trains the NER model with its name lists and scores it on the dev files.
pub fn ner(a: &NerArgs<'_>) -> Result<()> {
    use veille_nlp::ner::{self, ListKind};
    let lang =
        Lang::from_code(a.lang).with_context(|| format!("unsupported language {:?}", a.lang))?;
    let t0 = std::time::Instant::now();
    let lists = name_lists(lang, &a.lists)?;
    eprintln!(
        "name lists: {} places, {} people ({} first names), {} organisations ({:.1} s)",
        lists.len(ListKind::Loc),
        lists.len(ListKind::Per),
        lists.len(ListKind::First),
        lists.len(ListKind::Org),
        t0.elapsed().as_secs_f64()
    );
    let mut sents = Vec::new();
    for p in a.gold {
        // HIPE files carry their spacing, so their text is rebuilt and cut by veille's own
        // tokenizer: the model learns the tokens it meets at run time.
        if is_hipe(p) {
            sents.extend(ner::sentences_on_own_tokens(&read_hipe_docs(p)?, lang));
        } else {
            sents.extend(read_ner_gold(p)?);
        }
    }
    let n_tok: usize = sents.iter().map(|s| s.forms.len()).sum();
    let n_ent: usize = sents.iter().map(|s| s.spans.len()).sum();
    eprintln!(
        "training on {} sentences, {n_tok} tokens, {n_ent} entities",
        sents.len()
    );
    let model = ner::train(&sents, lang, lists, a.epochs, a.seed, &mut |e, acc| {
        eprintln!("epoch {e}: training token accuracy {acc:.2}");
    });
    let bytes = model.to_bytes();
    std::fs::write(a.out, &bytes).with_context(|| format!("{}: cannot write", a.out.display()))?;
    eprintln!(
        "wrote {} ({} bytes) in {:.0} s",
        a.out.display(),
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    for p in a.dev {
        let mut runs = vec![(
            "gold tokens",
            ner::evaluate(&model, &read_ner_gold(p)?, lang),
        )];
        if is_hipe(p) {
            runs.push((
                "raw text",
                ner::evaluate_raw(&model, &read_hipe_docs(p)?, lang),
            ));
        }
        for (what, s) in runs {
            let per: Vec<String> = s
                .per_type
                .iter()
                .map(|(t, x)| format!("{t} {:.1}", x.f))
                .collect();
            eprintln!(
                "{} ({what}): P {:.2} R {:.2} F1 {:.2} ({})",
                p.display(),
                s.all.p,
                s.all.r,
                s.all.f,
                per.join(", ")
            );
        }
    }
    Ok(())
}
