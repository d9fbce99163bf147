//! French "des" and "du": the contraction of "de" with an article ("la plupart des pays" →
//! de les, "le chef du gouvernement" → de le, a multiword token in UD) or the indefinite or
//! partitive article itself ("elle signe des accords", "boire du thé", one word).
//!
//! The hand-written rules of the tokenizer (a verb, a preposition or punctuation before the
//! word makes it an article) miss when the governing word is a noun after a verb ("dépêcher
//! sur place des ambulances") or a verb that takes "de" ("se rapprocher des taux"). This small
//! averaged perceptron reads the words around the token and the rules' own answer, trained
//! on UD French treebanks' multiword tokens (`veille train des`); the tokenizer falls back to
//! the rules alone when the model is absent or unreadable.

use crate::conllu::GoldSentence;
use crate::hash::{Hasher, mix};

const MAGIC: &[u8; 8] = b"VDESFR01";
/// Hashed feature table of 2^BITS weights (64 KiB): a few thousand training cases use a
/// few thousand features.
const BITS: u32 = 14;

/// A trained model: one weight per hashed feature; a positive score means the contraction.
#[derive(Debug, Clone)]
pub struct DesModel {
    w: Vec<f32>,
}

/// Why a model file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DesModelError {
    #[error("not a des/du model (bad magic or truncated)")]
    Format,
}

fn key(template: u8, s: &str) -> u64 {
    let mut h = Hasher::new(template);
    h.lower(s);
    h.0
}

/// The last `k` characters of `s`, lowercased by the hasher.
fn suffix(s: &str, k: usize) -> &str {
    let n = s.chars().count();
    if n <= k {
        return s;
    }
    let start = s.char_indices().nth(n - k).map_or(0, |(i, _)| i);
    &s[start..]
}

fn capital(s: &str) -> u64 {
    u64::from(s.chars().next().is_some_and(char::is_uppercase))
}

/// What the nearest "des"/"du" in the six tokens before was: none, the contraction or the
/// article. Coordinated complements repeat it ("l'aide des mères, des épouses et des sœurs").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Previous {
    None = 0,
    Contraction = 1,
    Article = 2,
}

/// The feature keys of the token at `i` of `toks` (surface tokens of the text, across
/// sentences), given the rules' answer `rule_split` and the previous decision `prev`.
pub fn features(toks: &[&str], i: usize, rule_split: bool, prev: Previous, out: &mut Vec<u64>) {
    out.clear();
    let at = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 {
            "<S>"
        } else {
            toks.get(j as usize).copied().unwrap_or("</S>")
        }
    };
    let (w, p1, p2, n1, n2) = (at(0), at(-1), at(-2), at(1), at(2));
    let rule = u64::from(rule_split);
    let kw = key(1, w);
    let kp1 = key(2, p1);
    let kp1s3 = key(6, suffix(p1, 3));
    let kn1s3 = key(9, suffix(n1, 3));
    let kp2s3 = key(10, suffix(p2, 3));
    out.extend([
        mix(0, &[]),
        kw,
        kp1,
        key(3, p2),
        key(4, n1),
        key(5, suffix(p1, 2)),
        kp1s3,
        key(7, suffix(p1, 4)),
        key(8, suffix(n1, 2)),
        kn1s3,
        kp2s3,
        mix(11, &[capital(p1)]),
        mix(12, &[capital(w)]),
        mix(13, &[capital(n1)]),
        mix(14, &[kp1, key(3, p2)]),
        mix(15, &[kp1s3, kn1s3]),
        mix(16, &[kw, kp1]),
        mix(17, &[kw, kp1s3]),
        mix(18, &[kp2s3, kp1]),
        key(19, n2),
        mix(20, &[rule]),
        mix(21, &[rule, kw]),
        mix(22, &[prev as u64, kp1]),
        mix(23, &[prev as u64]),
        // The word classes the tagger's lexicon knows for the neighbours (verb, noun, both…).
        mix(24, &[amb(p1)]),
        mix(25, &[amb(p1), amb(n1)]),
        mix(26, &[amb(p2), amb(p1)]),
    ]);
}

/// The French tagger's ambiguity class of `w` (0 when the tagger is absent or the word
/// unknown).
fn amb(w: &str) -> u64 {
    crate::tagger::embedded(veille_core::Lang::Fr).map_or(0, |t| u64::from(t.ambiguity(w)))
}

fn index(k: u64) -> usize {
    (k >> (64 - BITS)) as usize
}

impl DesModel {
    fn score(&self, feats: &[u64]) -> f32 {
        feats.iter().map(|&k| self.w[index(k)]).sum()
    }

    /// Whether the token at `i` of `toks` is the contraction.
    pub fn is_contraction(
        &self,
        toks: &[&str],
        i: usize,
        rule_split: bool,
        prev: Previous,
    ) -> bool {
        let mut f = Vec::with_capacity(24);
        features(toks, i, rule_split, prev, &mut f);
        self.score(&f) > 0.0
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(8 + 1 + self.w.len() * 4);
        out.extend_from_slice(MAGIC);
        out.push(BITS as u8);
        for w in &self.w {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(b: &[u8]) -> Result<DesModel, DesModelError> {
        let rest = b
            .strip_prefix(MAGIC.as_slice())
            .ok_or(DesModelError::Format)?;
        let (&bits, rest) = rest.split_first().ok_or(DesModelError::Format)?;
        if u32::from(bits) != BITS || rest.len() != 4 << BITS {
            return Err(DesModelError::Format);
        }
        let w = rest
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(DesModel { w })
    }
}

/// One training case: a "des"/"du" token's features, whether it is the contraction, and the
/// rules' answer.
#[derive(Debug, Clone)]
pub struct Case {
    pub feats: Vec<u64>,
    pub gold: bool,
    pub rule: bool,
}

/// The "des"/"du" tokens of `sentences` (read as one running text) as training cases, with
/// the tokenizer rules' answer for each.
pub fn cases(sentences: &[GoldSentence]) -> Vec<Case> {
    let toks: Vec<(&str, bool)> = sentences
        .iter()
        .flat_map(|s| {
            s.tokens
                .iter()
                .map(|t| (t.form.as_str(), t.words.len() == 2))
        })
        .collect();
    let forms: Vec<&str> = toks.iter().map(|t| t.0).collect();
    let mut out = Vec::new();
    // The previous "des"/"du" and its gold answer (as the tokenizer has its own decision).
    let mut last: Option<(usize, bool)> = None;
    for (i, &(form, mwt)) in toks.iter().enumerate() {
        if !(form.eq_ignore_ascii_case("des") || form.eq_ignore_ascii_case("du")) {
            continue;
        }
        let prev = |k: usize| i.checked_sub(k).map(|j| forms[j]);
        let r = crate::tokenizer::des_rule_split(form, prev(1), prev(2));
        let p = previous(last, i);
        last = Some((i, mwt));
        let mut f = Vec::new();
        features(&forms, i, r, p, &mut f);
        out.push(Case {
            feats: f,
            gold: mwt,
            rule: r,
        });
    }
    out
}

/// The [`Previous`] state at token `i`, given the last "des"/"du" (index, contraction).
pub fn previous(last: Option<(usize, bool)>, i: usize) -> Previous {
    match last {
        Some((j, split)) if i - j <= 6 => {
            if split {
                Previous::Contraction
            } else {
                Previous::Article
            }
        }
        _ => Previous::None,
    }
}

/// Trains an averaged perceptron over `cases`, `epochs` passes in a seeded order.
pub fn train(cases: &[Case], epochs: usize, seed: u64) -> DesModel {
    let n = 1usize << BITS;
    let (mut w, mut u) = (vec![0f32; n], vec![0f32; n]);
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..cases.len()).collect();
    let mut state = seed.max(1);
    for _ in 0..epochs {
        crate::hash::shuffle(&mut order, &mut state);
        for &k in &order {
            let Case { feats: f, gold, .. } = &cases[k];
            let y = if *gold { 1.0 } else { -1.0 };
            let s: f32 = f.iter().map(|&x| w[index(x)]).sum();
            if s * y <= 0.0 {
                for &x in f {
                    w[index(x)] += y;
                    u[index(x)] += c * y;
                }
            }
            c += 1.0;
        }
    }
    for (wi, ui) in w.iter_mut().zip(&u) {
        *wi -= ui / c;
    }
    DesModel { w }
}

/// Wrong decisions of `model` over `cases`.
pub fn errors(model: &DesModel, cases: &[Case]) -> usize {
    cases
        .iter()
        .filter(|c| (model.score(&c.feats) > 0.0) != c.gold)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule_and_round_trips() {
        // Contraction after a noun, article after a verb: the previous word decides.
        let mut cases = Vec::new();
        for (prev, gold) in [
            ("chef", true),
            ("signe", false),
            ("plupart", true),
            ("voir", false),
        ] {
            for _ in 0..5 {
                let mut f = Vec::new();
                features(&[prev, "des", "pays"], 1, !gold, Previous::None, &mut f);
                cases.push(Case {
                    feats: f,
                    gold,
                    rule: !gold,
                });
            }
        }
        let m = train(&cases, 5, 42);
        assert_eq!(errors(&m, &cases), 0);
        let back = DesModel::from_bytes(&m.to_bytes()).expect("round trip");
        assert!(back.is_contraction(&["chef", "des", "pays"], 1, false, Previous::None));
        assert!(!back.is_contraction(&["signe", "des", "pays"], 1, true, Previous::None));
        assert!(DesModel::from_bytes(b"VDESFR01\x0e").is_err());
    }

    #[test]
    fn suffixes_count_characters() {
        assert_eq!(suffix("député", 3), "uté");
        assert_eq!(suffix("à", 3), "à");
    }
}
