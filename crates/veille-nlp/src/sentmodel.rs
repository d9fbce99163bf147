//! A trained sentence-boundary model: an averaged perceptron over the gaps between tokens.
//!
//! Rules get punctuated prose right; what they miss are the boundaries the data shows but no
//! punctuation marks: unpunctuated headings and captions run into the next sentence, list
//! items, e-mail signatures, lowercase sentence starts in web text. The model learns those from
//! the UD treebanks' raw texts, with the rules' own verdict as a feature so that it only has to
//! learn the corrections.
//!
//! Features are hashed (FNV-1a over each token, then splitmix64 mixing; stable across builds
//! and platforms) into a fixed table of
//! 2^18 weights, so the model is one array: no feature dictionary to store or search. Only
//! candidate gaps (after punctuation or an abbreviation, or before a capital, digit or opening
//! punctuation) are scored; paragraph breaks are always boundaries.
//!
//! File format (inside the [`veille_core::container`], kind `sentmod`, format 3): `u32` table
//! size, the weights as little-endian `f32`, then `u32` count and the sorted `u64` hashes of
//! the case lexicon (words written lowercase by habit, see `CaseLexicon`).

use crate::hash::Hasher;
use crate::sentences::Gaps;
use std::sync::OnceLock;
use veille_core::container::{self, ContainerError};
use veille_core::{Doc, Lang};

pub const KIND: &str = "sentmod";
pub const FORMAT: u32 = 3;
const BITS: u32 = 18;
const SIZE: usize = 1 << BITS;
/// Feature templates per gap.
const N_FEATURES: usize = 29;

static FR_BYTES: &[u8] = include_bytes!("../models/sent-fr.bin");
static EN_BYTES: &[u8] = include_bytes!("../models/sent-en.bin");

#[derive(Debug, Clone)]
pub struct SentenceModel {
    weights: Vec<f32>,
    lexicon: CaseLexicon,
}

/// Words usually written in lowercase inside a sentence (by the hash of their lowercased
/// form), learned from the training text. A capitalised "Après", "Si" or "Les" with no
/// punctuation before it is then a strong sign that a heading ended, while a capitalised
/// word that is not in the list is most likely a name ("Maladie de Paget").
#[derive(Debug, Clone, Default)]
pub(crate) struct CaseLexicon {
    keys: Vec<u64>,
    bits: Vec<u64>,
}

const LEX_BITS: u32 = 20;

impl CaseLexicon {
    fn from_keys(mut keys: Vec<u64>) -> CaseLexicon {
        keys.sort_unstable();
        keys.dedup();
        let mut bits = vec![0u64; (1 << LEX_BITS) / 64];
        for &k in &keys {
            let b = (k >> (64 - LEX_BITS)) as usize;
            bits[b / 64] |= 1 << (b % 64);
        }
        CaseLexicon { keys, bits }
    }

    /// Whether the lowercased form with hash `key` is in the list (a Bloom-style bitmap with
    /// one probe: rare false positives only add noise to one feature).
    #[inline]
    fn contains(&self, key: u64) -> bool {
        if self.bits.is_empty() {
            return false;
        }
        let b = (key >> (64 - LEX_BITS)) as usize;
        self.bits[b / 64] & (1 << (b % 64)) != 0
    }

    /// Counts, over training text, how often each word is written lowercase and how often
    /// capitalised away from a sentence start; keeps those clearly lowercase by habit.
    fn learn(docs: &[(Doc, std::collections::HashSet<usize>)]) -> CaseLexicon {
        let mut counts: std::collections::HashMap<u64, (u32, u32)> =
            std::collections::HashMap::new();
        for (doc, starts) in docs {
            for t in &doc.tokens {
                let s = t.span.text(&doc.text);
                let Some(c) = s.chars().next() else { continue };
                if !c.is_alphabetic() {
                    continue;
                }
                let key = tok_hash(s).lower;
                let e = counts.entry(key).or_default();
                if c.is_lowercase() {
                    e.0 += 1;
                } else if !starts.contains(&(t.span.start as usize)) {
                    e.1 += 1;
                }
            }
        }
        CaseLexicon::from_keys(
            counts
                .into_iter()
                .filter(|&(_, (low, cap))| low >= 2 && low >= 4 * cap)
                .map(|(k, _)| k)
                .collect(),
        )
    }
}

/// The model shipped for `lang`, loaded once. `None` only if the embedded bytes are broken,
/// which `tests::embedded_models_load` rules out for every build.
pub fn embedded(lang: Lang) -> Option<&'static SentenceModel> {
    static FR: OnceLock<Option<SentenceModel>> = OnceLock::new();
    static EN: OnceLock<Option<SentenceModel>> = OnceLock::new();
    let (cell, bytes) = match lang {
        Lang::Fr => (&FR, FR_BYTES),
        Lang::En => (&EN, EN_BYTES),
    };
    cell.get_or_init(|| SentenceModel::from_bytes(bytes).ok())
        .as_ref()
}

fn len_bucket(n: usize) -> u8 {
    match n {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=6 => 4,
        7..=12 => 5,
        13..=25 => 6,
        _ => 7,
    }
}

/// Per-token hashes: lowercased form, shape, and lowercased 3-char suffix.
#[derive(Clone, Copy)]
struct TokHash {
    lower: u64,
    shape: u64,
    suffix: u64,
}

fn tok_hash(t: &str) -> TokHash {
    let mut l = Hasher::new(0);
    l.lower(t);
    let mut sh = Hasher::new(0);
    sh.shape(t);
    let mut su = Hasher::new(0);
    su.lower(t.char_indices().rev().nth(2).map_or(t, |(k, _)| &t[k..]));
    TokHash {
        lower: l.0,
        shape: sh.0,
        suffix: su.0,
    }
}

const BOUNDARY_HASH: TokHash = TokHash {
    lower: 0x9e37_79b9_7f4a_7c15,
    shape: 0xbf58_476d_1ce4_e5b9,
    suffix: 0x94d0_49bb_1331_11eb,
};

/// Combines a template id with values into a table index.
#[inline]
fn mix(template: u64, values: &[u64]) -> usize {
    (crate::hash::mix(template, values) as usize) & (SIZE - 1)
}

/// Scratch space reused across the gaps of one document: the feature buffer and the hashes
/// of the last few tokens (consecutive candidate gaps share three of their four tokens).
pub(crate) struct Scratch {
    features: Vec<usize>,
    idx: [usize; 4],
    hashes: [TokHash; 4],
}

impl Scratch {
    pub(crate) fn new() -> Scratch {
        Scratch {
            features: Vec::with_capacity(N_FEATURES),
            idx: [usize::MAX; 4],
            hashes: [BOUNDARY_HASH; 4],
        }
    }

    /// The hash of token `i`, or of the document edge when `i` is out of range.
    #[inline]
    fn hash(&mut self, g: &Gaps, i: Option<usize>) -> TokHash {
        let Some(i) = i.filter(|&i| i < g.toks.len()) else {
            return BOUNDARY_HASH;
        };
        let slot = i & 3;
        if self.idx[slot] != i {
            self.idx[slot] = i;
            self.hashes[slot] = tok_hash(g.tok(i));
        }
        self.hashes[slot]
    }
}

/// The feature indices of the gap after token `i`, `since` tokens after the last boundary,
/// left in `sc.features`. Each token is hashed once (form, shape, suffix); templates combine
/// those hashes with integer mixing, which keeps scoring cheap.
fn features(g: &Gaps, lex: &CaseLexicon, i: usize, since: usize, sc: &mut Scratch) {
    let h0 = sc.hash(g, Some(i));
    let h1 = sc.hash(g, Some(i + 1));
    let hm1 = sc.hash(g, i.checked_sub(1));
    let h2 = sc.hash(g, Some(i + 2));
    // Case habits of the words on both sides: (usually lowercase?, written capitalised here?).
    let cased = |k: usize| g.tok(k).chars().next().is_some_and(char::is_uppercase) as u64;
    let lex1 = lex.contains(h1.lower) as u64 * 2 + cased(i + 1);
    let lex0 = lex.contains(h0.lower) as u64 * 2 + cased(i);
    let caps = |k: usize| {
        k < g.toks.len() && {
            let t = g.tok(k);
            t.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !t.chars().any(char::is_lowercase)
        }
    } as u64;
    let out = &mut sc.features;
    out.clear();
    let rule = g.rule(i) as u64;
    let nl = g.gap(i).contains('\n') as u64;
    out.extend_from_slice(&[
        mix(1, &[]),
        mix(2, &[rule]),
        mix(3, &[h0.lower]),
        mix(4, &[h1.lower]),
        mix(5, &[hm1.lower]),
        mix(6, &[h0.shape]),
        mix(7, &[h1.shape]),
        mix(8, &[h0.shape, h1.shape]),
        mix(9, &[h0.lower, h1.shape]),
        mix(10, &[h0.lower, h1.lower]),
        mix(11, &[hm1.lower, h0.lower]),
        mix(12, &[h1.shape, h2.shape]),
        mix(13, &[h1.lower, rule]),
        mix(14, &[len_bucket(since) as u64, rule]),
        mix(15, &[nl, rule]),
        mix(16, &[hm1.shape, h0.shape, h1.shape]),
        mix(17, &[h0.suffix, h1.shape]),
        mix(18, &[h1.lower, h2.lower]),
        mix(19, &[lex1, rule]),
        mix(20, &[lex1, lex0, rule]),
        mix(21, &[lex1, h0.shape]),
        // A word usually written lowercase, capitalised here and followed by a lowercase word
        // ("… corbeau Le comédien") starts a sentence far more often than one followed by a
        // capital ("Le Monde").
        mix(22, &[lex1, h2.shape]),
        mix(23, &[lex1, h0.suffix, h2.shape]),
        mix(24, &[h0.suffix, h1.lower]),
        mix(25, &[h0.shape, h1.lower]),
        // Runs of capitals on either side: unpunctuated headings in capitals follow each other.
        mix(
            26,
            &[caps(i.wrapping_sub(1)), caps(i), caps(i + 1), caps(i + 2)],
        ),
        mix(27, &[len_bucket(since) as u64, lex1, h1.shape]),
        mix(28, &[hm1.lower, h0.lower, h1.lower]),
    ]);
}

impl SentenceModel {
    pub fn from_bytes(bytes: &[u8]) -> Result<SentenceModel, ContainerError> {
        let payload = container::read(bytes, KIND, FORMAT)?;
        let truncated = || ContainerError::Truncated(bytes.len());
        let u32_at = |at: usize| -> Result<usize, ContainerError> {
            let b = payload.get(at..at + 4).ok_or_else(truncated)?;
            Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        let size = u32_at(0)?;
        if size != SIZE {
            return Err(truncated());
        }
        let w_end = 4 + 4 * size;
        let weights = payload
            .get(4..w_end)
            .ok_or_else(truncated)?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let n_keys = u32_at(w_end)?;
        let keys_bytes = payload
            .get(w_end + 4..w_end + 4 + 8 * n_keys)
            .ok_or_else(truncated)?;
        if payload.len() != w_end + 4 + 8 * n_keys {
            return Err(truncated());
        }
        let keys = keys_bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect();
        Ok(SentenceModel {
            weights,
            lexicon: CaseLexicon::from_keys(keys),
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let keys = &self.lexicon.keys;
        let mut payload = Vec::with_capacity(8 + 4 * self.weights.len() + 8 * keys.len());
        payload.extend_from_slice(&(self.weights.len() as u32).to_le_bytes());
        for w in &self.weights {
            payload.extend_from_slice(&w.to_le_bytes());
        }
        payload.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            payload.extend_from_slice(&k.to_le_bytes());
        }
        // The kind is a constant shorter than 8 bytes, so writing cannot fail.
        container::write(KIND, FORMAT, &payload).unwrap_or_default()
    }

    /// Whether `word` is one the training text writes in lowercase by habit ("police",
    /// "university", "law"): capitalised, it is a sentence start or part of a title, rarely
    /// a name of its own.
    pub fn usually_lowercase(&self, word: &str) -> bool {
        let mut h = Hasher::new(0);
        h.lower(word);
        self.lexicon.contains(h.0)
    }

    pub(crate) fn boundary(&self, g: &Gaps, i: usize, since: usize, sc: &mut Scratch) -> bool {
        self.score(g, i, since, sc) > 0.0
    }

    fn score(&self, g: &Gaps, i: usize, since: usize, sc: &mut Scratch) -> f32 {
        features(g, &self.lexicon, i, since, sc);
        sc.features.iter().map(|&k| self.weights[k]).sum::<f32>()
    }

    /// For developer tools: each candidate gap of a segmented `doc` (the token before it), the
    /// rules' verdict and the model's score there (a boundary when above 0).
    pub fn explain(&self, doc: &Doc) -> Vec<(usize, bool, f32)> {
        let g = Gaps::new(doc);
        let mut sc = Scratch::new();
        let starts: std::collections::HashSet<usize> = doc
            .sentences
            .iter()
            .map(|s| s.first_token as usize)
            .collect();
        let mut since = 0;
        let mut out = Vec::new();
        for i in 0..doc.tokens.len().saturating_sub(1) {
            if starts.contains(&i) {
                since = 0;
            }
            if !g.hard(i) && g.candidate(i) {
                out.push((i, g.rule(i), self.score(&g, i, since, &mut sc)));
            }
            since += 1;
        }
        out
    }
}

/// One training document: its text and the byte spans of its gold sentences.
pub struct TrainingDoc {
    pub text: String,
    pub sentences: Vec<(usize, usize)>,
}

/// Trains a model for `lang` on `docs` with an averaged perceptron, deterministically
/// (fixed visiting order from `seed`). Returns the model and the training accuracy per epoch.
pub fn train(
    docs: &[TrainingDoc],
    lang: Lang,
    epochs: usize,
    seed: u64,
) -> (SentenceModel, Vec<f64>) {
    // Tokenize once; learn the case lexicon; then build the examples: (features, label).
    let prepared: Vec<(Doc, std::collections::HashSet<usize>)> = docs
        .iter()
        .map(|d| {
            let mut doc = Doc::new(d.text.clone(), Some(lang), None);
            crate::tokenize(&mut doc);
            (doc, d.sentences.iter().map(|s| s.0).collect())
        })
        .collect();
    let lexicon = CaseLexicon::learn(&prepared);
    let mut examples: Vec<(Vec<usize>, bool)> = Vec::new();
    for (d, (doc, _)) in docs.iter().zip(&prepared) {
        let ends: std::collections::HashSet<usize> = d.sentences.iter().map(|s| s.1).collect();
        let g = Gaps::new(doc);
        let mut since = 0usize;
        let mut sc = Scratch::new();
        for i in 0..doc.tokens.len().saturating_sub(1) {
            let gold = ends.contains(&(doc.tokens[i].span.end as usize));
            if g.hard(i) {
                since = 0;
                continue;
            }
            if g.candidate(i) {
                features(&g, &lexicon, i, since, &mut sc);
                examples.push((sc.features.clone(), gold));
            }
            since = if gold { 0 } else { since + 1 };
        }
    }
    let mut w = vec![0f32; SIZE];
    let mut totals = vec![0f64; SIZE];
    let mut stamps = vec![0u64; SIZE];
    let mut t: u64 = 0;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed | 1;
    let mut accs = Vec::new();
    for _ in 0..epochs {
        crate::hash::shuffle(&mut order, &mut rng);
        let mut correct = 0usize;
        for &e in &order {
            t += 1;
            let (f, gold) = &examples[e];
            let score: f32 = f.iter().map(|&k| w[k]).sum();
            let pred = score > 0.0;
            if pred == *gold {
                correct += 1;
                continue;
            }
            let delta = if *gold { 1.0 } else { -1.0 };
            for &k in f {
                totals[k] += (t - stamps[k]) as f64 * w[k] as f64;
                stamps[k] = t;
                w[k] += delta;
            }
        }
        accs.push(100.0 * correct as f64 / examples.len().max(1) as f64);
    }
    let weights = (0..SIZE)
        .map(|k| ((totals[k] + (t - stamps[k]) as f64 * w[k] as f64) / t.max(1) as f64) as f32)
        .collect();
    (SentenceModel { weights, lexicon }, accs)
}

/// Training documents from CoNLL-U treebanks: the raw text rebuilt as UD releases it, with the
/// gold sentence spans over it.
pub fn docs_from_conllu(conllu: &str) -> Result<TrainingDoc, crate::conllu::ConlluError> {
    let gold = crate::conllu::raw_text(&crate::conllu::parse(conllu)?);
    Ok(TrainingDoc {
        text: gold.text,
        sentences: gold.sentences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_models_load() {
        for lang in Lang::ALL {
            assert!(
                embedded(lang).is_some(),
                "embedded sentence model for {lang} does not load"
            );
        }
    }

    #[test]
    fn roundtrip_and_version_errors() {
        let m = SentenceModel {
            weights: vec![0.5; SIZE],
            lexicon: CaseLexicon::from_keys(vec![3, 1 << 60]),
        };
        let b = m.to_bytes();
        let back = SentenceModel::from_bytes(&b).unwrap();
        assert_eq!(back.weights[7], 0.5);
        assert!(back.lexicon.contains(1 << 60));
        assert_eq!(back.lexicon.keys, [3, 1 << 60]);
        assert!(SentenceModel::from_bytes(&b[..b.len() - 3]).is_err());
        let other = container::write(KIND, FORMAT + 1, &[0; 8]).unwrap();
        let err = SentenceModel::from_bytes(&other).unwrap_err().to_string();
        assert!(err.contains("retrain"), "{err}");
    }

    #[test]
    fn learns_a_toy_boundary() {
        // Headings with no punctuation, followed by a capitalised word: learnable, not ruled.
        let mut docs = Vec::new();
        for k in 0..30 {
            let text = format!("Titre {k} Le texte suit ici. Un autre paragraphe vient");
            let a = text.find(" Le").unwrap();
            let b = text.find(" Un").unwrap();
            docs.push(TrainingDoc {
                sentences: vec![(0, a), (a + 1, b), (b + 1, text.len())],
                text,
            });
        }
        let (m, accs) = train(&docs, Lang::Fr, 5, 7);
        assert!(accs.last().copied().unwrap_or(0.0) > 95.0, "{accs:?}");
        let mut doc = Doc::new(
            "Titre 99 Le texte suit ici. Un autre.".into(),
            Some(Lang::Fr),
            None,
        );
        crate::tokenize(&mut doc);
        crate::sentences::split_sentences_with(&mut doc, Some(&m));
        assert_eq!(doc.sentences.len(), 3);
    }
}
