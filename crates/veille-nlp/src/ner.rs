//! Named entities (PER, LOC, ORG) for French and English news: a greedy left-to-right
//! averaged perceptron over BIO tags, with name lists as features.
//!
//! # Why this design
//!
//! The gold corpora we may train on are far from today's news (OCR'd newspapers of 1870–1950
//! for French, web text for English) and small. What carries over to a wire story is the shape
//! of a name and its context (`M.`, `le président`, `à` + capital), and lists of names:
//! GeoNames places, countries and demonyms, the PETRARCH/Phoenix actor dictionaries (people and
//! organisations). So the model learns from the gold corpora *how much to trust* a list match
//! in a given context, and the lists ship inside the model file: a name absent from every
//! training sentence is still found when a list has it and its context looks like a name's.
//!
//! # Model
//!
//! 7 classes (O, and B/I for each of PER, LOC, ORG). 30 hashed feature templates per
//! token: forms, shapes and affixes of a ±2 window, the two previous predicted classes, and
//! the longest list match covering the token (its type and position in the match). Decoding is greedy
//! with the one BIO constraint enforced (I-PER only inside a PER span), so every output is a
//! well-formed span. Weights are `i16` rows of one cache line, as in the tagger.
//!
//! # Model file
//!
//! Container kind `ner`, format [`FORMAT`]: the weight table, then the four name lists (LOC,
//! PER, ORG, first names) as sorted `u64` hashes of lowercased token sequences.

use crate::hash::{Hasher, mix};
use crate::tagger::{Averaged, QTable, lower_hash};
use veille_core::container::{self, ContainerError};
use veille_core::{EntityLabel, Lang, Upos};

pub const KIND: &str = "ner";
/// Bump when the feature templates, the hashing or the layout change.
pub const FORMAT: u32 = 2;

/// Hashed feature rows (log2). The OCR'd newspapers the French model trains on have many and
/// varied features: 2^20 rows cut collisions (cross-validated on NewsEye dev, raw text: F1
/// 37.1 at 2^16, 38.1 at 2^18, 38.9 at 2^20). Rows are 16 bytes, so 16 MB of memory.
const BITS: u32 = 20;
const N_CLASSES: usize = 7;
const NF: usize = 37;
/// Longest list entry matched, in tokens.
const MAX_NGRAM: usize = 6;

/// Entity types in class order.
const TYPES: [EntityLabel; 3] = [EntityLabel::PER, EntityLabel::LOC, EntityLabel::ORG];

/// Class of position `pos` (0 B, 1 I) of type `t`.
#[inline]
fn class(t: usize, pos: usize) -> usize {
    1 + 2 * t + pos
}

/// (type, position) of a class, `None` for O.
#[inline]
fn split(c: usize) -> Option<(usize, usize)> {
    (c > 0).then(|| ((c - 1) / 2, (c - 1) % 2))
}

/// Classes allowed after `prev`: I-t only inside a span of type t. (BIO rather than BILOU on
/// purpose: a greedy decoder that opened a span by mistake must be free to close it at once.)
fn allowed(prev: usize) -> [bool; N_CLASSES] {
    let mut a = [true; N_CLASSES];
    let inside = split(prev).map(|(t, _)| t);
    for t in 0..TYPES.len() {
        a[class(t, 1)] = inside == Some(t);
    }
    a
}

/// Which list a name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Loc = 0,
    Per = 1,
    Org = 2,
    /// First names (the first token of multi-token person names).
    First = 3,
    /// Countries, capitals and cities of 100,000 people or more, by their main names: the
    /// place list without the noise of GeoNames' alternate names.
    Major = 4,
}

/// Name lists as sorted hashes of lowercased token sequences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NameLists {
    sets: [Vec<u64>; 5],
    /// One bit per hash on any list, derived from `sets` by `finish`: almost every n-gram of
    /// a text is on no list, and one bit answers that where a binary search over hundreds of
    /// thousands of names takes ~18 cache misses.
    filter: Vec<u64>,
}

const FILTER_BITS: u32 = 24;

#[inline]
fn filter_bit(h: u64) -> usize {
    (h >> (64 - FILTER_BITS)) as usize
}

/// Hash of a token sequence (lowercased tokens).
fn seq_hash<'a>(tokens: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h = 0x6e65_7200u64;
    for t in tokens {
        h = mix(h, &[lower_hash(t)]);
    }
    h
}

impl NameLists {
    /// Adds a name given as its tokens (as the tokenizer would cut it).
    pub fn add(&mut self, kind: ListKind, tokens: &[&str]) {
        if tokens.is_empty() || tokens.len() > MAX_NGRAM {
            return;
        }
        self.sets[kind as usize].push(seq_hash(tokens.iter().copied()));
    }

    /// Sorts and deduplicates; call once after the last `add`.
    pub fn finish(&mut self) {
        for s in &mut self.sets {
            s.sort_unstable();
            s.dedup();
        }
        self.filter = vec![0u64; (1 << FILTER_BITS) / 64];
        for s in &self.sets {
            for &h in s {
                let b = filter_bit(h);
                self.filter[b / 64] |= 1 << (b % 64);
            }
        }
    }

    /// Whether the name cut into `tokens` is on the `kind` list.
    pub fn contains(&self, kind: ListKind, tokens: &[&str]) -> bool {
        self.sets[kind as usize]
            .binary_search(&seq_hash(tokens.iter().copied()))
            .is_ok()
    }

    pub fn len(&self, kind: ListKind) -> usize {
        self.sets[kind as usize].len()
    }

    #[inline]
    fn has(&self, kind: usize, h: u64) -> bool {
        self.maybe(h) && self.sets[kind].binary_search(&h).is_ok()
    }

    /// Whether `h` may be on some list (an unfinished list, with no filter yet, may hold
    /// anything).
    #[inline]
    fn maybe(&self, h: u64) -> bool {
        let b = filter_bit(h);
        self.filter.is_empty() || self.filter[b / 64] & (1 << (b % 64)) != 0
    }

    /// Per token, per list (LOC, PER, ORG): 0 when no entry covers it, else 1 + its BILOU
    /// position in the longest entry covering it (leftmost first). Plus the first-name flag.
    fn marks(&self, lowers: &[u64]) -> Vec<[u8; 5]> {
        let n = lowers.len();
        let mut out = vec![[0u8; 5]; n];
        // Which lists hold the n-gram of each length starting at each token (bit k for list
        // k), from one filter probe per n-gram.
        let mut hits = vec![[0u8; MAX_NGRAM]; n];
        for (i, row) in hits.iter_mut().enumerate() {
            let mut h = 0x6e65_7200u64;
            for len in 1..=MAX_NGRAM.min(n - i) {
                h = mix(h, &[lowers[i + len - 1]]);
                if self.maybe(h) {
                    for k in [0, 1, 2, 4] {
                        if self.sets[k].binary_search(&h).is_ok() {
                            row[len - 1] |= 1 << k;
                        }
                    }
                }
            }
        }
        for k in [0, 1, 2, 4] {
            if self.sets[k].is_empty() {
                continue;
            }
            let mut i = 0;
            while i < n {
                let best = (1..=MAX_NGRAM)
                    .rev()
                    .find(|&len| hits[i][len - 1] & (1 << k) != 0)
                    .unwrap_or(0);
                if best == 0 {
                    i += 1;
                    continue;
                }
                for j in 0..best {
                    let pos = if best == 1 {
                        3
                    } else if j == 0 {
                        0
                    } else if j + 1 == best {
                        2
                    } else {
                        1
                    };
                    if out[i + j][k] == 0 {
                        out[i + j][k] = 1 + pos;
                    }
                }
                i += best;
            }
        }
        if !self.sets[3].is_empty() {
            for (i, &l) in lowers.iter().enumerate() {
                out[i][3] = self.has(3, mix(0x6e65_7200, &[l])) as u8;
            }
        }
        out
    }

    fn write(&self, p: &mut Vec<u8>) {
        for s in &self.sets {
            p.extend_from_slice(&(s.len() as u32).to_le_bytes());
            for h in s {
                p.extend_from_slice(&h.to_le_bytes());
            }
        }
    }
}

/// Per-token hashes computed once per sentence.
#[derive(Clone, Copy)]
struct Keys {
    lower: u64,
    shape: u64,
    suf3: u64,
    suf4: u64,
    pre3: u64,
    /// bit 0 capitalised, 1 all caps, 2 has digit, 3 first of the sentence, 4 has a period.
    flags: u64,
    /// List marks (LOC, PER, ORG, first name) packed.
    lists: u64,
    /// The tagger's UPOS (index), which knows PROPN from a capitalised common noun.
    upos: u64,
}

const EDGE: Keys = Keys {
    lower: 0x4e45,
    shape: 0x4e46,
    suf3: 0x4e47,
    suf4: 0x4e48,
    pre3: 0x4e49,
    flags: 1 << 10,
    lists: 1 << 20,
    upos: 99,
};

fn affix(form: &str, n: usize, suffix: bool, template: u8) -> u64 {
    let mut h = Hasher::new(template);
    let count = form.chars().count();
    if count <= n {
        h.lower(form);
    } else if suffix {
        let at = form.char_indices().nth(count - n).map_or(0, |(i, _)| i);
        h.lower(&form[at..]);
    } else {
        let at = form.char_indices().nth(n).map_or(form.len(), |(i, _)| i);
        h.lower(&form[..at]);
    }
    h.0
}

fn sentence_keys(forms: &[&str], upos: &[Upos], lists: &NameLists) -> Vec<Keys> {
    // Typographic apostrophes read as the treebanks' straight ones ("l’Africom").
    let norm = crate::model_forms(forms);
    let forms: &[&str] = &norm.iter().map(|f| f.as_ref()).collect::<Vec<&str>>();
    let lowers: Vec<u64> = forms.iter().map(|f| lower_hash(f)).collect();
    let marks = lists.marks(&lowers);
    forms
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut sh = Hasher::new(0);
            sh.shape(f);
            let first_upper = f.chars().next().is_some_and(char::is_uppercase);
            let letters = f.chars().filter(|c| c.is_alphabetic()).count();
            let flags = first_upper as u64
                | ((letters > 1 && !f.chars().any(char::is_lowercase)) as u64) << 1
                | (f.bytes().any(|b| b.is_ascii_digit()) as u64) << 2
                | ((i == 0) as u64) << 3
                | (f.contains('.') as u64) << 4;
            let m = marks[i];
            Keys {
                lower: lowers[i],
                shape: sh.0,
                suf3: affix(f, 3, true, 31),
                suf4: affix(f, 4, true, 32),
                pre3: affix(f, 3, false, 33),
                flags,
                lists: m[0] as u64
                    | (m[1] as u64) << 4
                    | (m[2] as u64) << 8
                    | (m[3] as u64) << 12
                    | (m[4] as u64) << 16,
                upos: upos.get(i).map_or(98, |u| u.index() as u64),
            }
        })
        .collect()
}

fn features(k: &[Keys], i: usize, p1: u64, p2: u64, out: &mut [u64; NF]) {
    let at = |d: isize| {
        let j = i as isize + d;
        if j < 0 || j as usize >= k.len() {
            EDGE
        } else {
            k[j as usize]
        }
    };
    let (w0, m1, m2, n1, n2) = (at(0), at(-1), at(-2), at(1), at(2));
    let loc = w0.lists & 0xf;
    let per = (w0.lists >> 4) & 0xf;
    let org = (w0.lists >> 8) & 0xf;
    *out = [
        mix(201, &[]),
        mix(202, &[w0.lower]),
        mix(203, &[m1.lower]),
        mix(204, &[n1.lower]),
        mix(205, &[m2.lower]),
        mix(206, &[n2.lower]),
        mix(207, &[w0.shape]),
        mix(208, &[m1.shape, w0.shape]),
        mix(209, &[w0.shape, n1.shape]),
        mix(210, &[w0.suf3]),
        mix(211, &[w0.suf4]),
        mix(212, &[w0.pre3]),
        mix(213, &[p1]),
        mix(214, &[p1, p2]),
        mix(215, &[p1, w0.shape]),
        mix(216, &[p1, w0.lower]),
        mix(217, &[loc, w0.flags & 9]),
        mix(218, &[per, w0.flags & 9]),
        mix(219, &[org, w0.flags & 9]),
        mix(220, &[(w0.lists >> 12) & 0xf, w0.shape]),
        mix(221, &[(m1.lists >> 12) & 0xf, w0.shape]),
        mix(222, &[w0.lists & 0xfff, w0.shape]),
        mix(223, &[m1.lower, w0.shape]),
        mix(224, &[m1.lower, w0.lower]),
        mix(225, &[w0.flags, w0.lower]),
        mix(226, &[m1.lists & 0xfff, n1.lists & 0xfff]),
        mix(227, &[n1.lower, w0.shape]),
        mix(228, &[p1, w0.lists & 0xfff]),
        mix(229, &[w0.flags, p1]),
        mix(230, &[m2.lower, m1.lower]),
        mix(231, &[w0.upos]),
        mix(232, &[w0.upos, w0.shape]),
        mix(233, &[m1.upos, w0.upos]),
        mix(234, &[w0.upos, n1.upos]),
        mix(235, &[p1, w0.upos]),
        mix(236, &[w0.lists >> 16, w0.flags & 9]),
        mix(237, &[w0.lists >> 16, w0.upos]),
    ];
}

/// UPOS of tokens by the shipped tagger (tokens stand for words here: names rarely contain
/// multiword tokens, and the tagger copes with the odd `d'`).
fn tag_forms(forms: &[&str], lang: Lang) -> Vec<Upos> {
    match crate::tagger::embedded(lang) {
        Some(t) => t.tag_upos(forms),
        None => Vec::new(),
    }
}

/// A trained model with its name lists.
#[derive(Debug, Clone)]
pub struct NerModel {
    w: Table,
    lists: NameLists,
}

/// The weights: one row of the 7 class weights (padded to 8, 16 bytes) per hashed feature.
/// Narrower than the tagger's cache-line rows, so that 2^20 rows take 16 MB of memory: the
/// model gains from a large table (fewer feature collisions), not from wide rows.
#[derive(Debug, Clone)]
struct Table {
    rows: Vec<[i16; 8]>,
}

impl Table {
    fn from_q(q: &QTable) -> Table {
        Table {
            rows: q
                .rows
                .iter()
                .map(|r| {
                    let mut a = [0i16; 8];
                    a[..N_CLASSES].copy_from_slice(&r.0[..N_CLASSES]);
                    a
                })
                .collect(),
        }
    }

    #[inline]
    fn score(&self, keys: &[u64], acc: &mut [i32; 8]) {
        *acc = [0; 8];
        let mask = self.rows.len() - 1;
        for &k in keys {
            for (a, &w) in acc.iter_mut().zip(&self.rows[k as usize & mask]) {
                *a += w as i32;
            }
        }
    }

    /// The tagger's sparse layout: all-zero rows are left out.
    fn write_sparse(&self, p: &mut Vec<u8>) {
        crate::tagger::write_sparse_rows(&self.rows, N_CLASSES, p);
    }

    /// Reads what [`Table::write_sparse`] wrote; `None` when the layout is not this model's.
    fn read_sparse<'a>(
        take: &mut dyn FnMut(usize) -> Result<&'a [u8], ContainerError>,
    ) -> Result<Option<Table>, ContainerError> {
        Ok(crate::tagger::read_sparse_rows(take, [0i16; 8])?
            .filter(|&(_, cols)| cols == N_CLASSES)
            .map(|(rows, _)| Table { rows }))
    }
}

/// One entity over tokens `start..end` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSpan {
    pub start: usize,
    pub end: usize,
    pub label: EntityLabel,
}

/// Spans from a class sequence (well formed by construction).
fn spans_of(classes: &[usize]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &c) in classes.iter().enumerate() {
        let cont = matches!(split(c), Some((t, 1)) if open.is_some_and(|(_, ot)| ot == t));
        if cont {
            continue;
        }
        if let Some((s, t)) = open.take() {
            out.push(TokenSpan {
                start: s,
                end: i,
                label: TYPES[t],
            });
        }
        if let Some((t, _)) = split(c) {
            open = Some((i, t));
        }
    }
    if let Some((s, t)) = open {
        out.push(TokenSpan {
            start: s,
            end: classes.len(),
            label: TYPES[t],
        });
    }
    out
}

/// BIO classes of gold spans over `n` tokens (overlapping spans: the first wins).
fn classes_of(n: usize, spans: &[TokenSpan]) -> Vec<usize> {
    let mut c = vec![0; n];
    for s in spans {
        let Some(t) = TYPES.iter().position(|&x| x == s.label) else {
            continue;
        };
        if s.end > n || s.start >= s.end || c[s.start..s.end].iter().any(|&x| x != 0) {
            continue;
        }
        c[s.start] = class(t, 0);
        for x in &mut c[s.start + 1..s.end] {
            *x = class(t, 1);
        }
    }
    c
}

impl NerModel {
    /// Entities of one sentence given its tokens, tagged by the shipped tagger of `lang`.
    pub fn predict(&self, forms: &[&str], lang: Lang) -> Vec<TokenSpan> {
        let upos = tag_forms(forms, lang);
        self.predict_tagged(forms, &upos)
    }

    /// Entities of one sentence given its tokens and their UPOS.
    pub fn predict_tagged(&self, forms: &[&str], upos: &[Upos]) -> Vec<TokenSpan> {
        let k = sentence_keys(forms, upos, &self.lists);
        let mut f = [0u64; NF];
        let mut scores = [0i32; 8];
        let (mut p1, mut p2) = (0usize, 0usize);
        let mut classes = Vec::with_capacity(forms.len());
        for i in 0..forms.len() {
            features(&k, i, p1 as u64, p2 as u64, &mut f);
            self.w.score(&f, &mut scores);
            let ok = allowed(p1);
            let mut best = 0;
            let mut best_score = i32::MIN;
            for (c, &s) in scores[..N_CLASSES].iter().enumerate() {
                if ok[c] && s > best_score {
                    best = c;
                    best_score = s;
                }
            }
            classes.push(best);
            p2 = p1;
            p1 = best;
        }
        spans_of(&classes)
    }

    pub fn lists(&self) -> &NameLists {
        &self.lists
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::new();
        self.w.write_sparse(&mut p);
        self.lists.write(&mut p);
        // The only error is a kind longer than 8 bytes; KIND is a constant that fits.
        container::write(KIND, FORMAT, &p).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, ContainerError> {
        let p = container::read(bytes, KIND, FORMAT)?;
        let bad = || ContainerError::Truncated(bytes.len());
        let mut take = container::taker(p, bytes.len());
        let u32_at = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let Some(w) = Table::read_sparse(&mut take)? else {
            return Err(bad());
        };
        let mut lists = NameLists::default();
        for s in &mut lists.sets {
            let len = u32_at(take(4)?);
            let raw = take(len.checked_mul(8).ok_or_else(bad)?)?;
            *s = raw
                .chunks_exact(8)
                .map(|x| u64::from_le_bytes([x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]]))
                .collect();
            if s.windows(2).any(|w| w[0] >= w[1]) {
                return Err(bad());
            }
        }
        lists.finish();
        Ok(NerModel { w, lists })
    }
}

/// One training or evaluation sentence: tokens and gold entities over them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerSentence {
    pub forms: Vec<String>,
    pub spans: Vec<TokenSpan>,
}

/// Trains deterministically (visiting order from `seed`); `progress` gets the epoch and the
/// training token accuracy.
pub fn train(
    sents: &[NerSentence],
    lang: Lang,
    lists: NameLists,
    epochs: usize,
    seed: u64,
    progress: &mut dyn FnMut(usize, f64),
) -> NerModel {
    let keys: Vec<Vec<Keys>> = sents
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            sentence_keys(&forms, &tag_forms(&forms, lang), &lists)
        })
        .collect();
    let gold: Vec<Vec<usize>> = sents
        .iter()
        .map(|s| classes_of(s.forms.len(), &s.spans))
        .collect();
    let mut w = Averaged::new((1 << BITS) * N_CLASSES);
    let mask = (1usize << BITS) - 1;
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = seed | 1;
    let mut t = 0u32;
    let mut f = [0u64; NF];
    for epoch in 0..epochs {
        crate::hash::shuffle(&mut order, &mut rng);
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let (kk, g) = (&keys[si], &gold[si]);
            let (mut p1, mut p2) = (0usize, 0usize);
            for (i, &gi) in g.iter().enumerate().take(kk.len()) {
                t += 1;
                features(kk, i, p1 as u64, p2 as u64, &mut f);
                let mut scores = [0f32; N_CLASSES];
                for &h in &f {
                    let row = (h as usize & mask) * N_CLASSES;
                    for (s, x) in scores.iter_mut().zip(&w.w[row..row + N_CLASSES]) {
                        *s += x;
                    }
                }
                let ok = allowed(p1);
                let mut pred = 0;
                for c in 0..N_CLASSES {
                    if ok[c] && (!ok[pred] || scores[c] > scores[pred]) {
                        pred = c;
                    }
                }
                total += 1;
                if pred == gi {
                    correct += 1;
                } else {
                    for &h in &f {
                        let row = (h as usize & mask) * N_CLASSES;
                        w.update(row + gi, 1.0, t);
                        w.update(row + pred, -1.0, t);
                    }
                }
                p2 = p1;
                p1 = pred;
            }
        }
        progress(epoch + 1, 100.0 * correct as f64 / total.max(1) as f64);
    }
    NerModel {
        w: Table::from_q(&QTable::quantize(&w.average(t), N_CLASSES)),
        lists,
    }
}

/// Precision, recall and F1 (percent) with counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f: f64,
    pub gold: usize,
    pub pred: usize,
    pub correct: usize,
}

impl Prf {
    fn from_counts(gold: usize, pred: usize, correct: usize) -> Prf {
        let p = 100.0 * correct as f64 / pred.max(1) as f64;
        let r = 100.0 * correct as f64 / gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            p,
            r,
            f,
            gold,
            pred,
            correct,
        }
    }
}

/// Exact-span scores: overall (micro) and per type (PER, LOC, ORG).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct NerScores {
    pub all: Prf,
    pub per_type: Vec<(String, Prf)>,
    pub tokens: usize,
    pub seconds: f64,
}

/// Scores `model` from raw text, as a user gets it: each gold document goes through veille's
/// tokenizer, sentence splitter and tagger, and the entities found are compared with the gold
/// ones by exact character span and type (the measure of `hipe_ner.py`, the scorer behind the
/// peer figures). `tokens` counts veille's tokens.
pub fn evaluate_raw(model: &NerModel, docs: &[NerDoc], lang: Lang) -> NerScores {
    let mut counts = [(0usize, 0usize, 0usize); 3];
    let (mut tokens, mut seconds) = (0usize, 0f64);
    for d in docs {
        let article = veille_core::Article {
            lang: Some(lang),
            ..veille_core::Article::new("gold", d.text.clone())
        };
        let mut doc = veille_core::Doc::from_article(&article);
        let t0 = std::time::Instant::now();
        crate::segment(&mut doc);
        crate::tagger::tag_doc_upos(&mut doc);
        crate::recognize_entities_with(&mut doc, model);
        seconds += t0.elapsed().as_secs_f64();
        tokens += doc.tokens.len();
        for (t, ty) in TYPES.iter().enumerate() {
            let g: Vec<(usize, usize)> = d
                .spans
                .iter()
                .filter(|x| x.2 == *ty)
                .map(|x| (x.0, x.1))
                .collect();
            let p: Vec<(usize, usize)> = doc
                .entities
                .iter()
                .filter(|e| e.label == *ty)
                .map(|e| (e.span.start as usize, e.span.end as usize))
                .collect();
            counts[t].0 += g.len();
            counts[t].1 += p.len();
            counts[t].2 += p.iter().filter(|x| g.contains(x)).count();
        }
    }
    scores_of(counts, tokens, seconds)
}

fn scores_of(counts: [(usize, usize, usize); 3], tokens: usize, seconds: f64) -> NerScores {
    let per_type: Vec<(String, Prf)> = TYPES
        .iter()
        .zip(counts)
        .map(|(ty, (g, p, c))| (ty.as_str().to_string(), Prf::from_counts(g, p, c)))
        .collect();
    let (g, p, c) = counts
        .iter()
        .fold((0, 0, 0), |a, x| (a.0 + x.0, a.1 + x.1, a.2 + x.2));
    NerScores {
        all: Prf::from_counts(g, p, c),
        per_type,
        tokens,
        seconds,
    }
}

/// Scores `model` on gold-tokenized sentences (exact token spans and types).
pub fn evaluate(model: &NerModel, sents: &[NerSentence], lang: Lang) -> NerScores {
    let mut counts = [(0usize, 0usize, 0usize); 3];
    let mut tokens = 0;
    let t0 = std::time::Instant::now();
    let preds: Vec<Vec<TokenSpan>> = sents
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            tokens += forms.len();
            model.predict(&forms, lang)
        })
        .collect();
    let seconds = t0.elapsed().as_secs_f64();
    for (s, pred) in sents.iter().zip(&preds) {
        for (t, ty) in TYPES.iter().enumerate() {
            let g: Vec<&TokenSpan> = s.spans.iter().filter(|x| x.label == *ty).collect();
            let p: Vec<&TokenSpan> = pred.iter().filter(|x| x.label == *ty).collect();
            counts[t].0 += g.len();
            counts[t].1 += p.len();
            counts[t].2 += p.iter().filter(|x| g.contains(x)).count();
        }
    }
    scores_of(counts, tokens, seconds)
}

// ------------------------------------------------------------------------------------------
// Gold formats

/// The entity type of a gold tag's type part; other types (HumanProd, MISC…) are ignored.
fn label_of(t: &str) -> Option<EntityLabel> {
    match t {
        "PER" | "pers" | "PERS" => Some(EntityLabel::PER),
        "LOC" | "loc" | "GPE" => Some(EntityLabel::LOC),
        "ORG" | "org" => Some(EntityLabel::ORG),
        _ => None,
    }
}

/// Builds spans from per-token tags; `iob1`: an `I-` after another type (or O) opens a span.
fn spans_from_tags(tags: &[&str]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Option<EntityLabel>, String)> = None;
    let close = |open: &mut Option<(usize, Option<EntityLabel>, String)>,
                 end: usize,
                 out: &mut Vec<TokenSpan>| {
        if let Some((s, Some(l), _)) = open.take() {
            out.push(TokenSpan {
                start: s,
                end,
                label: l,
            });
        }
    };
    for (i, tag) in tags.iter().enumerate() {
        let (bio, ty) = tag.split_once('-').unwrap_or((tag, ""));
        match bio {
            "B" | "S" | "U" => {
                close(&mut open, i, &mut out);
                open = Some((i, label_of(ty), ty.to_string()));
            }
            "I" | "E" | "L" => {
                if open.as_ref().is_none_or(|(_, _, t)| t != ty) {
                    close(&mut open, i, &mut out);
                    open = Some((i, label_of(ty), ty.to_string()));
                }
            }
            _ => close(&mut open, i, &mut out),
        }
    }
    close(&mut open, tags.len(), &mut out);
    out
}

fn push_sentence(out: &mut Vec<NerSentence>, forms: &mut Vec<String>, tags: &mut Vec<String>) {
    if !forms.is_empty() {
        let t: Vec<&str> = tags.iter().map(String::as_str).collect();
        out.push(NerSentence {
            forms: std::mem::take(forms),
            spans: spans_from_tags(&t),
        });
    }
    tags.clear();
}

/// HIPE-2022 TSV (NewsEye): coarse literal tags, sentences from `EndOfSentence`.
pub fn read_hipe(text: &str) -> Vec<NerSentence> {
    let (mut out, mut forms, mut tags) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        if line.starts_with('#') {
            if line.contains("document_id") {
                push_sentence(&mut out, &mut forms, &mut tags);
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 || cols[0] == "TOKEN" || cols[0].is_empty() {
            continue;
        }
        forms.push(cols[0].to_string());
        tags.push(cols[1].to_string());
        if cols.last().is_some_and(|m| m.contains("EndOfSentence")) {
            push_sentence(&mut out, &mut forms, &mut tags);
        }
    }
    push_sentence(&mut out, &mut forms, &mut tags);
    out
}

/// One gold document as raw text, with its entities as byte spans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerDoc {
    pub id: String,
    pub text: String,
    pub spans: Vec<(usize, usize, EntityLabel)>,
}

/// HIPE-2022 TSV as documents of raw text, rebuilt the way the HIPE scorer used for the peer
/// figures (`hipe_ner.py`) rebuilds them, so that spans from raw text can be scored the same
/// way: tokens joined by a space unless `NoSpaceAfter`, by a line break at `EndOfLine` unless
/// the token ends with a hyphenation mark (the word goes on at the next line). An `I-` tag
/// extends the last entity when it has the same type, as that scorer does.
pub fn read_hipe_docs(text: &str) -> Vec<NerDoc> {
    let mut docs: Vec<NerDoc> = Vec::new();
    for line in text.lines() {
        if line.starts_with("TOKEN\t") || line.trim().is_empty() {
            continue;
        }
        if line.starts_with('#') {
            if let Some((_, id)) = line.split_once("document_id =") {
                docs.push(NerDoc {
                    id: id.trim().to_string(),
                    ..NerDoc::default()
                });
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            continue;
        }
        if docs.is_empty() {
            docs.push(NerDoc::default());
        }
        let Some(d) = docs.last_mut() else { continue };
        let (tok, tag, misc) = (cols[0], cols[1], cols[cols.len() - 1]);
        let start = d.text.len();
        d.text.push_str(tok);
        let end = d.text.len();
        if misc.contains("EndOfLine") && !tok.ends_with(['¬', '-']) {
            d.text.push('\n');
        } else if !misc.contains("NoSpaceAfter") {
            d.text.push(' ');
        }
        let (bio, ty) = tag.split_once('-').unwrap_or((tag, ""));
        let ty = ty.split('.').next().unwrap_or("");
        let Some(label) = label_of(ty) else { continue };
        match bio {
            "B" => d.spans.push((start, end, label)),
            "I" => match d.spans.last_mut() {
                Some(last) if last.2 == label => last.1 = end,
                _ => d.spans.push((start, end, label)),
            },
            _ => {}
        }
    }
    docs
}

/// Gold documents cut into sentences of veille's own tokens (the tokenizer and sentence
/// splitter the pipeline runs), with each entity moved onto the tokens it covers. Training on
/// these rather than on the corpus' tokens teaches the model the tokens it will see at run
/// time ("M." whole, words run together by OCR). An entity whose edge falls inside a token is
/// dropped, and so are the leading courtesy titles of a PER span ("M. Dupont" → "Dupont"):
/// the model learns names, and the pipeline adds a French courtesy title back afterwards.
pub fn sentences_on_own_tokens(docs: &[NerDoc], lang: Lang) -> Vec<NerSentence> {
    let mut out = Vec::new();
    for d in docs {
        let article = veille_core::Article {
            lang: Some(lang),
            ..veille_core::Article::new("gold", d.text.clone())
        };
        let mut doc = veille_core::Doc::from_article(&article);
        crate::segment(&mut doc);
        for s in &doc.sentences {
            let toks = s.tokens();
            let forms: Vec<String> = toks
                .clone()
                .map(|i| doc.token_text(i).to_string())
                .collect();
            let (first, last) = (toks.start, toks.end);
            let mut spans = Vec::new();
            for &(a, b, label) in &d.spans {
                let start = (first..last).find(|&i| doc.tokens[i].span.start as usize == a);
                let end = (first..last).find(|&i| doc.tokens[i].span.end as usize == b);
                let (Some(mut start), Some(end)) = (start, end) else {
                    continue;
                };
                if label == EntityLabel::PER {
                    while start < end && is_courtesy_title(doc.token_text(start)) {
                        start += 1;
                    }
                }
                if start <= end {
                    spans.push(TokenSpan {
                        start: start - first,
                        end: end + 1 - first,
                        label,
                    });
                }
            }
            if !forms.is_empty() {
                out.push(NerSentence { forms, spans });
            }
        }
    }
    out
}

/// Courtesy titles that precede a name.
pub(crate) fn is_courtesy_title(tok: &str) -> bool {
    matches!(
        tok,
        "M." | "MM."
            | "Mgr"
            | "Monsieur"
            | "Madame"
            | "Mademoiselle"
            | "Mme"
            | "Mmes"
            | "Mlle"
            | "Mlles"
            | "Me"
            | "Mr."
            | "Mrs."
            | "Ms."
            | "Dr."
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
    )
}

/// CoNLL-style IOB2 (UNER): `index token tag …`, blank lines between sentences.
pub fn read_iob2(text: &str) -> Vec<NerSentence> {
    let (mut out, mut forms, mut tags) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            push_sentence(&mut out, &mut forms, &mut tags);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 3 {
            forms.push(cols[1].to_string());
            tags.push(cols[2].to_string());
        }
    }
    push_sentence(&mut out, &mut forms, &mut tags);
    out
}

/// `token TAG` lines with IOB1 tags and no sentence breaks (Europeana): cut after sentence
/// punctuation outside entities, or every 60 tokens.
pub fn read_bio(text: &str) -> Vec<NerSentence> {
    let (mut out, mut forms, mut tags) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        let Some((tok, tag)) = line.rsplit_once(' ') else {
            continue;
        };
        if tok.is_empty() {
            continue;
        }
        forms.push(tok.to_string());
        tags.push(tag.to_string());
        if (tag == "O" && matches!(tok, "." | "!" | "?")) || forms.len() >= 60 {
            push_sentence(&mut out, &mut forms, &mut tags);
        }
    }
    push_sentence(&mut out, &mut forms, &mut tags);
    out
}

/// Reads a gold file by its name: `.tsv` HIPE, `.iob2` IOB2, `.bio` Europeana.
pub fn read_gold(name: &str, text: &str) -> Option<Vec<NerSentence>> {
    if name.ends_with(".tsv") {
        Some(read_hipe(text))
    } else if name.ends_with(".iob2") {
        Some(read_iob2(text))
    } else if name.ends_with(".bio") {
        Some(read_bio(text))
    } else {
        None
    }
}

// ------------------------------------------------------------------------------------------
// Name lists from public sources

/// The PETRARCH/Phoenix actor dictionaries read for people and organisations.
pub const PETRARCH_FILES: [&str; 3] = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
];

/// The texts of the list sources (each optional): GeoNames `cities15000.txt` and
/// `countryInfo.txt`, the event coder's `countries.tsv`, the PETRARCH actor files.
#[derive(Debug, Clone, Default)]
pub struct ListTexts {
    pub cities: Option<String>,
    pub country_info: Option<String>,
    pub countries: Option<String>,
    pub petrarch: Vec<String>,
}

/// A name cut into tokens the way the tokenizer cuts running text.
fn name_tokens(name: &str, lang: Lang) -> Vec<String> {
    let mut doc = veille_core::Doc::new(name.to_string(), Some(lang), None);
    crate::tokenize(&mut doc);
    (0..doc.tokens.len())
        .map(|i| doc.token_text(i).to_string())
        .collect()
}

/// A plausible written name: Latin letters (any accent), spaces, hyphens, apostrophes,
/// periods; starts with a capital; at most 40 characters.
fn latin_name(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
        && s.chars().count() <= 40
        && s.chars().all(|c| {
            (c.is_alphabetic() && (c as u32) < 0x250) || matches!(c, ' ' | '-' | '\'' | '’' | '.')
        })
}

/// The name lists the NER model carries: GeoNames places (cities15000 names and Latin-script
/// alternate names, countries), the country dictionary of the event coder (French and English
/// names, capitals), and the PETRARCH/Phoenix actor dictionaries (people, with their first
/// names, and organisations).
pub fn name_lists(lang: Lang, src: &ListTexts) -> NameLists {
    let mut lists = NameLists::default();
    let mut add = |kind: ListKind, name: &str| {
        let toks = name_tokens(name, lang);
        let t: Vec<&str> = toks.iter().map(String::as_str).collect();
        lists.add(kind, &t);
        if kind == ListKind::Per && t.len() >= 2 {
            lists.add(ListKind::First, &t[..1]);
        }
    };
    if let Some(cities) = &src.cities {
        for line in cities.lines() {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 4 {
                continue;
            }
            for n in [c[1], c[2]].into_iter().chain(c[3].split(',')) {
                if latin_name(n) {
                    add(ListKind::Loc, n);
                }
            }
            let big = c.get(14).and_then(|p| p.parse::<u64>().ok()) >= Some(100_000);
            if big || c.get(7).is_some_and(|f| *f == "PPLC") {
                add(ListKind::Major, c[1]);
                add(ListKind::Major, c[2]);
            }
        }
    }
    if let Some(info) = &src.country_info {
        for line in info.lines().filter(|l| !l.starts_with('#')) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() > 5 {
                for k in [ListKind::Loc, ListKind::Major] {
                    add(k, c[4]);
                    add(k, c[5]);
                }
            }
        }
    }
    if let Some(text) = &src.countries {
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 7 {
                continue;
            }
            for n in c[2].split('|').chain(c[6].split('|')) {
                add(ListKind::Loc, n.trim_start_matches('~'));
                add(ListKind::Major, n.trim_start_matches('~'));
            }
            for n in c[4].split('|') {
                let n = n.split(':').next().unwrap_or("");
                let n = ["l'", "l’", "le ", "la ", "les "]
                    .iter()
                    .find_map(|a| n.strip_prefix(a))
                    .unwrap_or(n);
                if !n.is_empty() {
                    // French names are written capitalised in text.
                    let mut cs = n.chars();
                    let cap: String = cs
                        .next()
                        .map(|f| f.to_uppercase().chain(cs).collect())
                        .unwrap_or_default();
                    add(ListKind::Loc, &cap);
                    add(ListKind::Major, &cap);
                }
            }
        }
    }
    {
        for text in &src.petrarch {
            // An entry: `NAME_WITH_UNDERSCORES_` at the start of a line, `+SYNONYM_` lines,
            // then its codes in brackets on the same or the following indented lines. Dated
            // codes (`[AFGGOV 950101-960626]`) belong to people.
            let mut names: Vec<String> = Vec::new();
            let mut dated = false;
            let mut codes: Vec<String> = Vec::new();
            let mut flush = |names: &mut Vec<String>, dated: bool, codes: &mut Vec<String>| {
                let country_only = codes.iter().all(|c| c.len() == 3);
                for n in names.drain(..) {
                    let kind = if dated {
                        ListKind::Per
                    } else if country_only {
                        ListKind::Loc
                    } else {
                        ListKind::Org
                    };
                    let words: Vec<String> = n
                        .split('_')
                        .filter(|w| !w.is_empty())
                        .map(|w| {
                            let mut cs = w.chars();
                            cs.next()
                                .map(|f| {
                                    f.to_uppercase()
                                        .chain(cs.flat_map(char::to_lowercase))
                                        .collect()
                                })
                                .unwrap_or_default()
                        })
                        .collect();
                    if !words.is_empty() && words.len() <= 6 {
                        add(kind, &words.join(" "));
                    }
                }
                codes.clear();
            };
            for line in text.lines() {
                let body = line.split('#').next().unwrap_or("");
                if body.trim().is_empty() {
                    continue;
                }
                let starts_entry = body.starts_with(|c: char| c.is_ascii_uppercase());
                if starts_entry {
                    flush(&mut names, dated, &mut codes);
                    dated = false;
                }
                let head = body.split('[').next().unwrap_or("").trim();
                if starts_entry || head.starts_with('+') {
                    let n = head.trim_start_matches('+').trim();
                    if n.ends_with('_') && n.len() > 2 {
                        names.push(n.to_string());
                    }
                }
                for code in body.split('[').skip(1) {
                    let code = code.split(']').next().unwrap_or("").trim();
                    let mut parts = code.split_whitespace();
                    if let Some(c) = parts.next() {
                        codes.push(c.to_string());
                    }
                    if parts.next().is_some() {
                        dated = true;
                    }
                }
            }
            flush(&mut names, dated, &mut codes);
        }
    }
    lists.finish();
    lists
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A HIPE TSV fragment of our own: a courtesy title inside a PER span, a name glued to
    /// the word before it, a word hyphenated across a line.
    const HIPE: &str = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tMISC\n\
# hipe2022:document_id = d1\n\
Hier\tO\t_\t_\n\
M\tB-pers\t_\tNoSpaceAfter\n\
.\tI-pers\t_\t_\n\
Durand\tI-pers\t_\t_\n\
est\tO\t_\t_\n\
venu\tO\t_\tNoSpaceAfter\n\
Lyon\tB-loc\t_\t_\n\
à\tO\t_\t_\n\
Mar¬\tB-loc\t_\tNoSpaceAfter|EndOfLine\n\
seille\tI-loc\t_\tNoSpaceAfter\n\
.\tO\t_\tEndOfSentence\n\
# hipe2022:document_id = d2\n\
Paris\tB-loc\t_\t_\n";

    #[test]
    fn the_list_filter_changes_no_mark() {
        let mut lists = NameLists::default();
        lists.add(ListKind::Loc, &["Saint", "-", "Malo"]);
        lists.add(ListKind::Loc, &["Malo"]);
        lists.add(ListKind::Per, &["Jean", "Valjean"]);
        lists.add(ListKind::First, &["Jean"]);
        lists.add(ListKind::Org, &["Crédit", "du", "Nord"]);
        lists.add(ListKind::Major, &["Lyon"]);
        let text = [
            "Jean", "Valjean", "quitte", "Saint", "-", "Malo", "pour", "Lyon", "et", "le",
            "Crédit", "du", "Nord", "de", "Malo",
        ];
        let lowers: Vec<u64> = text.iter().map(|t| lower_hash(t)).collect();
        let mut unfiltered = lists.clone();
        unfiltered.finish();
        unfiltered.filter.clear();
        lists.finish();
        assert!(!lists.filter.is_empty());
        let marks = lists.marks(&lowers);
        assert_eq!(marks, unfiltered.marks(&lowers));
        // LOC list: "Saint - Malo" B I L, the lone "Malo" U.
        let loc: Vec<u8> = marks.iter().map(|m| m[0]).collect();
        assert_eq!(loc, [0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
        assert_eq!(marks[0][3], 1, "first name");
        assert_eq!(marks[7][4], 4, "major place");
    }

    #[test]
    fn hipe_documents_rebuild_the_scorers_text() {
        let docs = read_hipe_docs(HIPE);
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(d.id, "d1");
        assert_eq!(d.text, "Hier M. Durand est venuLyon à Mar¬seille. ");
        let texts: Vec<(&str, EntityLabel)> = d
            .spans
            .iter()
            .map(|&(a, b, l)| (&d.text[a..b], l))
            .collect();
        assert_eq!(
            texts,
            [
                ("M. Durand", EntityLabel::PER),
                ("Lyon", EntityLabel::LOC),
                ("Mar¬seille", EntityLabel::LOC)
            ]
        );
        assert_eq!(docs[1].text, "Paris ");
    }

    #[test]
    fn own_tokens_drop_titles_and_entities_cut_inside_a_token() {
        let sents = sentences_on_own_tokens(&read_hipe_docs(HIPE), Lang::Fr);
        let mut got = Vec::new();
        for s in &sents {
            for sp in &s.spans {
                got.push((s.forms[sp.start..sp.end].join(" "), sp.label));
            }
        }
        // "M." is one token of veille's and not part of the name; "venuLyon" is one token
        // (only function words are cut from a glued name), so its entity cannot be learned
        // from and is left out.
        assert!(
            got.contains(&("Durand".to_string(), EntityLabel::PER)),
            "{got:?}"
        );
        assert!(!got.iter().any(|(t, _)| t.contains("Lyon")), "{got:?}");
        assert!(
            got.contains(&("Paris".to_string(), EntityLabel::LOC)),
            "{got:?}"
        );
        assert!(sents.iter().any(|s| s.forms.iter().any(|f| f == "M.")));
    }

    #[test]
    fn bilou_round_trip() {
        let spans = vec![
            TokenSpan {
                start: 0,
                end: 2,
                label: EntityLabel::PER,
            },
            TokenSpan {
                start: 3,
                end: 4,
                label: EntityLabel::LOC,
            },
            TokenSpan {
                start: 5,
                end: 8,
                label: EntityLabel::ORG,
            },
        ];
        assert_eq!(spans_of(&classes_of(9, &spans)), spans);
    }

    #[test]
    fn iob1_and_iob2_tags() {
        let s = spans_from_tags(&["I-PER", "I-PER", "O", "B-LOC", "I-LOC", "B-LOC", "I-ORG"]);
        let got: Vec<(usize, usize)> = s.iter().map(|x| (x.start, x.end)).collect();
        assert_eq!(got, [(0, 2), (3, 5), (5, 6), (6, 7)]);
        let s = spans_from_tags(&["B-HumanProd", "I-HumanProd", "B-PER"]);
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn lists_mark_the_longest_match() {
        let mut l = NameLists::default();
        l.add(ListKind::Loc, &["Afrique"]);
        l.add(ListKind::Loc, &["Afrique", "du", "Nord"]);
        l.add(ListKind::First, &["Nadia"]);
        l.finish();
        let forms = ["en", "Afrique", "du", "Nord", "Nadia"];
        let lowers: Vec<u64> = forms.iter().map(|f| lower_hash(f)).collect();
        let m = l.marks(&lowers);
        let loc: Vec<u8> = m.iter().map(|x| x[0]).collect();
        assert_eq!(loc, [0, 1, 2, 3, 0]);
        assert_eq!(m[4][3], 1);
    }

    #[test]
    fn learns_a_toy_pattern_and_round_trips() {
        let mut sents = Vec::new();
        for (a, b, city) in [
            ("Jean", "Dupont", "Lyon"),
            ("Marie", "Curie", "Paris"),
            ("Paul", "Martin", "Dakar"),
            ("Awa", "Diallo", "Bamako"),
        ] {
            sents.push(NerSentence {
                forms: ["M.", a, b, "est", "arrivé", "à", city, "."]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                spans: vec![
                    TokenSpan {
                        start: 0,
                        end: 3,
                        label: EntityLabel::PER,
                    },
                    TokenSpan {
                        start: 6,
                        end: 7,
                        label: EntityLabel::LOC,
                    },
                ],
            });
        }
        let mut lists = NameLists::default();
        lists.add(ListKind::Loc, &["Niamey"]);
        lists.finish();
        let m = train(&sents, Lang::Fr, lists, 10, 1, &mut |_, _| {});
        let back = NerModel::from_bytes(&m.to_bytes()).expect("round trip");
        let got = back.predict(
            &["M.", "Ali", "Touré", "est", "arrivé", "à", "Niamey", "."],
            Lang::Fr,
        );
        assert_eq!(
            got.iter()
                .map(|s| (s.start, s.end, s.label))
                .collect::<Vec<_>>(),
            [(0, 3, EntityLabel::PER), (6, 7, EntityLabel::LOC)]
        );
        assert!(NerModel::from_bytes(&[1, 2, 3]).is_err());
    }
}
