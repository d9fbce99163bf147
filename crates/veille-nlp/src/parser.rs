//! Labelled dependency parser (issue #3): arc-eager transitions scored by an averaged
//! perceptron, either greedy (trained with a dynamic oracle and error exploration) or with a
//! beam (trained globally, see "Beam" below).
//!
//! # How it parses
//!
//! The arc-eager system (Nivre 2003) reads the sentence left to right with a stack and a
//! buffer; the artificial root sits at the *end* of the buffer (Ballesteros & Nivre 2013), so
//! the root word is attached last, once everything else is known. Four unlabelled transitions
//! (SHIFT, REDUCE, LEFT-ARC, RIGHT-ARC) are scored by one perceptron over ~90 hashed feature
//! templates in the style of Zhang & Nivre (2011): words, lemmas, UPOS, morphology, distance,
//! valency, left/right-most children and their labels, label sets.
//!
//! Labels come from a second perceptron that runs once per word, when the word is popped
//! (LEFT-ARC, or REDUCE after its RIGHT-ARC): at that moment the word's whole subtree is built,
//! so the labeller sees its dependents (the preposition that makes an `obl`, the `mark` of an
//! `advcl`) and the siblings already attached to its head. Splitting the decision this way
//! keeps the transition rows at four weights instead of 2×|labels|+2, which is what makes a
//! table of a million features fit in a few megabytes and cost one cache line per feature.
//!
//! # How it learns
//!
//! Training trees are projectivized by lifting (a non-projective arc moves to its head's head
//! until the tree is projective; labels stay). The arc-eager dynamic oracle of Goldberg & Nivre
//! (2012, 2013) gives the cost of every transition in any configuration, so after the first
//! epochs the trainer follows the model's own (possibly wrong) choice with probability
//! `explore_p` and learns to recover from its mistakes. Weights are averaged (the `w - u/c`
//! trick, exact integers), then quantized to `i8` with one scale per table: only argmaxes are
//! ever taken, so a common scale changes nothing but rounding.
//!
//! Training is single-threaded and seeded, so the same inputs give a byte-identical model.
//!
//! # Beam
//!
//! A greedy parser commits to every transition; a wrong SHIFT early in a long sentence cannot
//! be undone. With `beam > 1` the parser keeps the `beam` best partial parses by the sum of
//! their transition scores (every parse takes exactly 2n transitions, so they advance in
//! step). Such scores must be trained as sums: after a few greedy epochs, each sentence runs
//! the beam beside the best zero-cost path of the dynamic oracle, and the perceptron is
//! updated where the beam's best, wrong partial parse leads that path by the most ("max
//! violation", Huang, Fayong & Guo 2012; the arc-eager beam of Zhang & Nivre 2011). Labels
//! are still chosen per popped word in each hypothesis, and the labeller keeps learning from
//! a greedy pass over the same sentence. On EWT dev with gold tags a beam of 8 gave LAS 87.2
//! against 85.7 greedy (16: 87.2, 32: 87.2), at a fifth of the speed; the shipped English
//! parser uses 8, the French one stays greedy (its speed is what the spaCy comparison times).
//!
//! # Mixing
//!
//! Scores are sums of weights, so the ensemble that adds the scores of several parsers is
//! itself a parser whose weights are the sums ([`Trainer::mixed_with`]): trained with other
//! seeds (another visiting order, other explored mistakes), four such parsers summed gain
//! ~0.5 dev LAS over one, at no cost in size or speed. The shipped parsers are such mixes.
//!
//! # Two directions
//!
//! A parser trained with [`TrainOptions::reversed`] reads every sentence from its last word
//! to its first (it reverses its input and maps the tree back, so callers see an ordinary
//! parser). It is the weaker of the two for English (EWT dev LAS 83.7 against 86.5), but it
//! errs elsewhere: [`crate::combine`] merges both parsers' final beams into one tree, +0.5 dev
//! LAS over the left-to-right parser alone. The flag is the one optional byte at the end of
//! the payload, so left-to-right files are unchanged.
//!
//! # Model file
//!
//! Inside the [`veille_core::container`], kind `parser`, format [`FORMAT`]: the label names,
//! the root label id, the two hash-table sizes, then each table as a bitmap of its non-zero
//! rows followed by those rows (`i8`). Loading rebuilds the dense tables.
//!
//! # Status
//!
//! - done: transition system, oracle, features, training, quantized model, serialization.
//! - see the report of issue #3 for scores; `examples/parser_dev.rs` trains and evaluates.

use crate::clusters::Clusters;
use crate::conllu::GoldSentence;
use veille_core::container::{self, ContainerError};
use veille_core::{Feats, Upos};

pub const KIND: &str = "parser";
/// Bump when the payload layout, the feature templates or the hashing change: an old model
/// would load but score garbage.
pub const FORMAT: u32 = 6;

/// One sentence to parse: syntactic words (multiword tokens already expanded) with their tags.
/// Slices shorter than `forms` are tolerated (missing values count as unknown).
#[derive(Debug, Clone, Copy)]
pub struct ParseInput<'a> {
    pub forms: &'a [&'a str],
    pub lemmas: &'a [&'a str],
    pub upos: &'a [Upos],
    pub feats: &'a [Feats],
}

/// A trained parser: quantized transition and label weights, and the label names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParserModel {
    labels: Vec<String>,
    root: u16,
    trans_bits: u32,
    trans: Vec<[i8; 4]>,
    lab_bits: u32,
    /// Cache lines per label row (64 labels each).
    lab_lines: usize,
    lab: Vec<Line>,
    /// Per (dependent UPOS, head UPOS, direction): the labels seen in training for it, or
    /// empty for "any". A single candidate is taken without scoring (PUNCT → punct).
    cands: Vec<Vec<u16>>,
    trans_off: u128,
    label_off: u64,
    vocab: Vocab,
    punct_bits: u32,
    /// Punctuation attachment weights (one per hashed feature).
    punct: Vec<i8>,
    /// Per label: function word (derived from the names, not stored).
    leafy: Vec<bool>,
    /// Per label: whether a word with a coordinating conjunction among its children may
    /// bear it (derived from the names, not stored; see [`coordinated_labels`]).
    coord: Vec<bool>,
    /// The id of `cc` (`u16::MAX` without one).
    cc: u16,
    /// Beam width at parse time (1: greedy); the width the model was trained with.
    beam: u16,
    /// The word clusters it was trained with (see [`crate::clusters`]); without them only
    /// the first [`NT_BASE`] transition templates are read.
    clusters: Option<&'static Clusters>,
    /// Trained on sentences read from right to left (see "Two directions"): it parses the
    /// reversed sentence and maps the tree back, so callers never see the difference.
    reversed: bool,
}

/// 64 label weights in one cache line: a label row costs one memory access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, align(64))]
struct Line([i8; 64]);

/// A training sentence: gold (or predicted, for jackknifed training) tags and the gold tree.
/// `heads` are 0 for the root, else the 1-based index of the head word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrainSentence {
    pub forms: Vec<String>,
    pub lemmas: Vec<String>,
    pub upos: Vec<Upos>,
    pub feats: Vec<Feats>,
    pub heads: Vec<u32>,
    pub deprels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// First epoch (0-based) in which the trainer may follow the model's own mistakes.
    pub explore_from: usize,
    /// Probability of following the model's prediction once exploring.
    pub explore_p: f64,
    /// log2 of the number of rows of the transition table.
    pub trans_bits: u32,
    /// log2 of the number of rows of the label table.
    pub label_bits: u32,
    /// log2 of the size of the punctuation attachment table (0: keep the parser's attachment).
    pub punct_bits: u32,
    /// Words seen fewer times than this in training are replaced by shape classes (≤ 1: all
    /// words are kept).
    pub min_word_count: u32,
    /// Beam width (≤ 1: greedy, locally trained). Above 1 the transition weights are trained
    /// globally with a beam and max-violation updates, and the model parses with that beam.
    pub beam: usize,
    /// First epoch (0-based) trained with the beam; the epochs before it are greedy ones,
    /// which give the beam a sensible start.
    pub beam_from: usize,
    /// Transition feature templates switched off (bit k = template k), for ablation studies.
    pub trans_off: u128,
    /// Label feature templates switched off.
    pub label_off: u64,
    /// Word clusters to read as features (a shipped table: the model records which).
    pub clusters: Option<&'static Clusters>,
    /// Train on the sentences read from right to left (the model records it).
    pub reversed: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            seed: 1,
            explore_from: 1,
            explore_p: 0.9,
            trans_bits: 20,
            label_bits: 15,
            min_word_count: 1,
            punct_bits: 16,
            beam: 1,
            beam_from: 0,
            trans_off: 0,
            label_off: 0,
            clusters: None,
            reversed: false,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Transitions and parser state

const SH: usize = 0;
const RE: usize = 1;
const LA: usize = 2;
const RA: usize = 3;
const N_ACT: usize = 4;

/// Label value of a word not labelled yet (attached by RIGHT-ARC, labelled when popped).
const PENDING: u16 = u16::MAX - 2;
const ROOT_LAB: u16 = u16::MAX - 1;
const NIL_LAB: u16 = u16::MAX;

/// Per-word attributes, mixed once per sentence.
#[derive(Debug, Clone, Copy, Default)]
struct Tok {
    /// Lowercased form, digits folded to 0.
    w: u64,
    /// Lowercased lemma.
    l: u64,
    /// UPOS.
    p: u64,
    /// Morphological features.
    m: u64,
    /// Last three characters of the lowercased form.
    s: u64,
    /// Brown cluster of the form: whole path, and its 6-branch prefix (a constant when the
    /// word has none or the model reads no clusters).
    c: u64,
    q: u64,
    /// UPOS index (for the label candidates).
    pi: u8,
    /// Punctuation marks and verbs before this word (prefix counts, for "between" features).
    cp: u16,
    cv: u16,
}

/// UPOS values, plus the root and NIL pseudo-words.
const N_UPOS: usize = 19;
const P_ROOT: u8 = 17;
const P_NIL: u8 = 18;
/// Number of (dependent UPOS, head UPOS, direction) keys.
const N_KEYS: usize = N_UPOS * N_UPOS * 2;

/// Parser configuration. Word `i` is index `i`; the root is index `n` (the end of the buffer)
/// and `n + 1` is NIL, a dummy whose arrays hold neutral values so that feature extraction
/// never branches on "absent".
#[derive(Debug, Clone, Default)]
struct State {
    n: u32,
    nil: u32,
    stack: Vec<u32>,
    /// Front of the buffer; `b == n` means only the root is left.
    b: u32,
    head: Vec<u32>,
    label: Vec<u16>,
    l1: Vec<u32>,
    l2: Vec<u32>,
    r1: Vec<u32>,
    r2: Vec<u32>,
    lval: Vec<u8>,
    rval: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

fn refill<T: Copy>(v: &mut Vec<T>, len: usize, x: T) {
    v.clear();
    v.resize(len, x);
}

impl State {
    /// `self = o.clone()` reusing `self`'s allocations (the beam copies states at every step).
    fn copy_from(&mut self, o: &State) {
        self.n = o.n;
        self.nil = o.nil;
        self.b = o.b;
        self.stack.clone_from(&o.stack);
        self.head.clone_from(&o.head);
        self.label.clone_from(&o.label);
        self.l1.clone_from(&o.l1);
        self.l2.clone_from(&o.l2);
        self.r1.clone_from(&o.r1);
        self.r2.clone_from(&o.r2);
        self.lval.clone_from(&o.lval);
        self.rval.clone_from(&o.rval);
        self.lset.clone_from(&o.lset);
        self.rset.clone_from(&o.rset);
    }

    fn reset(&mut self, n: usize) {
        let nil = (n + 1) as u32;
        self.n = n as u32;
        self.nil = nil;
        self.stack.clear();
        self.b = 0;
        refill(&mut self.head, n + 2, nil);
        refill(&mut self.label, n + 2, PENDING);
        self.label[n] = ROOT_LAB;
        self.label[n + 1] = NIL_LAB;
        for v in [&mut self.l1, &mut self.l2, &mut self.r1, &mut self.r2] {
            refill(v, n + 2, nil);
        }
        refill(&mut self.lval, n + 2, 0);
        refill(&mut self.rval, n + 2, 0);
        refill(&mut self.lset, n + 2, 0);
        refill(&mut self.rset, n + 2, 0);
    }

    #[inline]
    fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            self.nil
        }
    }

    #[inline]
    fn nb(&self, k: u32) -> u32 {
        let i = self.b + k;
        if i <= self.n { i } else { self.nil }
    }

    #[inline]
    fn legal(&self) -> [bool; N_ACT] {
        let has = !self.stack.is_empty();
        let s0_headed = has && self.head[self.s(0) as usize] != self.nil;
        if self.b < self.n {
            return [true, s0_headed, has && !s0_headed, has];
        }
        // Only the root is left. A headless s0 goes to the root only if it is the last headless
        // word on the stack; otherwise it attaches to s1 (RIGHT-ARC's slot, unused at this
        // point). So every parse has exactly one root, and which word it is gets learned
        // instead of being left to a post-hoc rule.
        let others_headless = has
            && self.stack[..self.stack.len() - 1]
                .iter()
                .any(|&k| self.head[k as usize] == self.nil);
        [
            false,
            s0_headed,
            has && !s0_headed && !others_headless,
            has && !s0_headed && self.stack.len() >= 2,
        ]
    }

    #[inline]
    fn terminal(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    /// Applies a legal transition; returns the word popped off the stack with its head known
    /// (LEFT-ARC, REDUCE), which the caller labels now.
    fn apply(&mut self, a: usize) -> Option<u32> {
        match a {
            SH => {
                self.stack.push(self.b);
                self.b += 1;
                None
            }
            RA if self.b >= self.n => {
                // End phase: s0 becomes the rightmost dependent of s1.
                let d = self.stack.pop()?;
                let h = self.s(0) as usize;
                self.head[d as usize] = h as u32;
                self.r2[h] = self.r1[h];
                self.r1[h] = d;
                self.rval[h] = self.rval[h].saturating_add(1);
                Some(d)
            }
            RA => {
                let (h, d) = (self.s(0), self.b);
                self.head[d as usize] = h;
                let h = h as usize;
                self.r2[h] = self.r1[h];
                self.r1[h] = d;
                self.rval[h] = self.rval[h].saturating_add(1);
                self.stack.push(d);
                self.b += 1;
                None
            }
            LA => {
                let d = self.stack.pop()?;
                let h = self.b as usize;
                self.head[d as usize] = self.b;
                self.l2[h] = self.l1[h];
                self.l1[h] = d;
                self.lval[h] = self.lval[h].saturating_add(1);
                Some(d)
            }
            _ => self.stack.pop(),
        }
    }

    fn set_label(&mut self, d: u32, lab: u16) {
        let d = d as usize;
        self.label[d] = lab;
        let h = self.head[d] as usize;
        if h <= self.n as usize {
            let bit = 1u64 << (lab % 64);
            if d < h {
                self.lset[h] |= bit;
            } else {
                self.rset[h] |= bit;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Hashing and features
//
// Every attribute of a word is a well-mixed 64-bit value computed once per sentence; a feature
// is the XOR of its attributes (rotated by slot) and a per-template seed, times one odd
// constant, whose top bits index the table. One multiply per feature keeps feature extraction
// as cheap as the table lookup it feeds.

const K0: u64 = 0x9E37_79B9_7F4A_7C15;
const K1: u64 = 0xD6E8_FEB8_6659_FD93;

#[inline(always)]
fn fin(h: u64) -> u64 {
    let h = (h ^ (h >> 32)).wrapping_mul(K1);
    h ^ (h >> 29)
}

/// A small value (tag, distance, label id, bit set) spread over 64 bits.
#[inline(always)]
fn sm(x: u64) -> u64 {
    fin(x ^ 0x2545_F491_4F6C_DD1D)
}

const fn seeds() -> [u64; 128] {
    let mut out = [0u64; 128];
    let mut k = 0;
    while k < 128 {
        let mut z = (k as u64 + 1).wrapping_mul(0xA076_1D64_78BD_642F);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        out[k] = z ^ (z >> 31);
        k += 1;
    }
    out
}
static SEEDS: [u64; 128] = seeds();

/// FNV-1a of the lowercased text with ASCII digits folded to `0` (dates, amounts and years
/// then share features), finished by a mixer.
fn hash_lower(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for c in s.chars() {
        if c.is_ascii() {
            let b = c.to_ascii_lowercase() as u8;
            eat(if b.is_ascii_digit() { b'0' } else { b });
        } else {
            for lc in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in lc.encode_utf8(&mut buf).as_bytes() {
                    eat(b);
                }
            }
        }
    }
    fin(h)
}

fn suffix(s: &str) -> &str {
    match s.char_indices().rev().nth(2) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Words (hashes of lowercased forms and lemmas) seen at least `min_word_count` times in
/// training. Rarer words fall into a few shape classes: their own features were noise learned
/// from one or two examples, and dropping them keeps the hashed tables small enough to stay
/// in cache. Empty means "every word is known".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Vocab {
    keys: Vec<u64>,
}

impl Vocab {
    #[inline]
    fn map(&self, h: u64, text: &str) -> u64 {
        if self.keys.is_empty() || self.keys.binary_search(&h).is_ok() {
            return h;
        }
        let mut class = 0u64;
        let mut chars = text.chars();
        if chars.next().is_some_and(|c| c.is_uppercase()) {
            class |= 1;
        }
        for c in text.chars() {
            if c.is_ascii_digit() {
                class |= 2;
            } else if c == '-' {
                class |= 4;
            } else if !c.is_alphanumeric() {
                class |= 8;
            }
        }
        sm(0xBAD0 + class)
    }
}

fn tok(
    vocab: &Vocab,
    clusters: Option<&Clusters>,
    form: &str,
    lemma: &str,
    upos: Option<Upos>,
    feats: Option<Feats>,
) -> Tok {
    let pi = upos.map_or(0, |u| u.index()) as u8;
    let (c, q) = match clusters.and_then(|c| c.get(form)) {
        Some(path) => (
            sm(path as u64 + 0xC000_0000),
            sm((path & 63) as u64 + 0xD000_0000),
        ),
        None => (sm(0xC0DE), sm(0xC0DF)),
    };
    Tok {
        c,
        q,
        w: vocab.map(hash_lower(form), form),
        l: vocab.map(hash_lower(lemma), lemma) ^ 0x1111,
        s: hash_lower(suffix(form)) ^ 0x2222,
        p: sm(pi as u64),
        m: sm(feats.map_or(0, |f| f.0 as u64) | 1 << 40),
        pi,
        cp: 0,
        cv: 0,
    }
}

/// Fills the prefix counts and appends the root and NIL pseudo-words.
fn push_specials(t: &mut Vec<Tok>) {
    let (mut cp, mut cv) = (0u16, 0u16);
    for x in t.iter_mut() {
        x.cp = cp;
        x.cv = cv;
        cp = cp.saturating_add((x.pi == Upos::Punct.index() as u8) as u16);
        cv = cv.saturating_add((x.pi == Upos::Verb.index() as u8) as u16);
    }
    for (k, pi) in [(1u64, P_ROOT), (2, P_NIL)] {
        let v = sm(0x5eed_0000 + k);
        t.push(Tok {
            w: v,
            l: v,
            s: v,
            c: v,
            q: v,
            p: sm(pi as u64),
            m: sm(1 << 40),
            pi,
            cp,
            cv,
        });
    }
}

/// The words of `s` as the parser reads them: from the last to the first when `reversed`.
fn toks_of_input(
    v: &Vocab,
    cl: Option<&Clusters>,
    s: &ParseInput,
    reversed: bool,
    t: &mut Vec<Tok>,
) {
    t.clear();
    for (i, &f) in s.forms.iter().enumerate() {
        let l = s.lemmas.get(i).copied().unwrap_or(f);
        t.push(tok(
            v,
            cl,
            f,
            l,
            s.upos.get(i).copied(),
            s.feats.get(i).copied(),
        ));
    }
    if reversed {
        t.reverse();
    }
    push_specials(t);
}

fn toks_of_train(v: &Vocab, cl: Option<&Clusters>, s: &TrainSentence) -> Vec<Tok> {
    let mut t = Vec::with_capacity(s.forms.len() + 2);
    for (i, f) in s.forms.iter().enumerate() {
        let l = s.lemmas.get(i).map_or(f.as_str(), |x| x.as_str());
        t.push(tok(
            v,
            cl,
            f,
            l,
            s.upos.get(i).copied(),
            s.feats.get(i).copied(),
        ));
    }
    push_specials(&mut t);
    t
}

/// Number of transition feature templates: the first `NT_BASE` read no word clusters, the
/// rest do (a model trained without clusters reads only the first ones).
const NT_BASE: usize = 105;
const NT: usize = 117;

fn n_trans(clusters: Option<&Clusters>) -> usize {
    if clusters.is_some() { NT } else { NT_BASE }
}
/// Number of label feature templates.
const NL: usize = 32;
const _: () = assert!(NL * 127 < i16::MAX as usize);

/// Distance between two words, bucketed (0 when either is not a word).
#[inline]
fn dist_bucket(a: u32, b: u32, n: u32) -> u64 {
    if a >= n || b >= n {
        return 0;
    }
    let d = a.abs_diff(b);
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        _ => 8,
    }
}

/// Writes one hashed feature per `;`-separated group of (already mixed) values.
macro_rules! feats {
    ($out:ident, $k:ident; $($a:expr $(, $rest:expr)*);+ $(;)?) => {
        $(
            {
                #[allow(unused_mut, unused_assignments)]
                let mut h = SEEDS[$k] ^ $a;
                #[allow(unused_mut, unused_assignments, unused_variables)]
                let mut r = 0u32;
                $( r += 19; h ^= ($rest).rotate_left(r); )*
                $out[$k] = h.wrapping_mul(K0);
                $k += 1;
            }
        )+
    };
}

/// Writes the transition features; the cluster templates only when `clusters` (a model
/// without clusters reads the first [`NT_BASE`] and nothing else).
fn trans_features(st: &State, t: &[Tok], out: &mut [u64; NT], clusters: bool) {
    let s0 = st.s(0) as usize;
    let s1 = st.s(1) as usize;
    let s2 = st.s(2) as usize;
    let n0 = st.b as usize;
    let n1 = st.nb(1) as usize;
    let n2 = st.nb(2) as usize;
    let s0h = st.head[s0] as usize;
    let s0h2 = st.head[s0h] as usize;
    let (s0l1, s0l2, s0r1, s0r2) = (
        st.l1[s0] as usize,
        st.l2[s0] as usize,
        st.r1[s0] as usize,
        st.r2[s0] as usize,
    );
    let (n0l1, n0l2) = (st.l1[n0] as usize, st.l2[n0] as usize);
    let s1r1 = st.r1[s1] as usize;
    let lab = |i: usize| sm(st.label[i] as u64 + 0x100);
    let (ts0, ts1, tn0, tn1, tn2) = (t[s0], t[s1], t[n0], t[n1], t[n2]);
    let d = sm(dist_bucket(s0 as u32, n0 as u32, st.n) + 0x200);
    let (vl0, vr0, nvl) = (
        sm(st.lval[s0] as u64 + 0x300),
        sm(st.rval[s0] as u64 + 0x400),
        sm(st.lval[n0] as u64 + 0x500),
    );
    let (sl0, sr0, nsl) = (sm(st.lset[s0]), sm(st.rset[s0] ^ K0), sm(st.lset[n0] ^ K1));
    let headed = sm((s0h != st.nil as usize) as u64 + 0x600);
    let prev = if n0 == 0 { st.nil as usize } else { n0 - 1 };
    // Punctuation marks and verbs strictly between s0 and n0 (0, 1, 2+; 3 without s0).
    let between = |c: fn(&Tok) -> u16, own: bool| -> u64 {
        if s0 >= st.n as usize {
            return 3;
        }
        let x = c(&tn0).saturating_sub(c(&ts0)).saturating_sub(own as u16);
        x.min(2) as u64
    };
    let bp = sm(between(|x| x.cp, ts0.pi == Upos::Punct.index() as u8) + 0x900);
    let bv = sm(between(|x| x.cv, ts0.pi == Upos::Verb.index() as u8) + 0xA00);
    let mut k = 0usize;
    feats!(out, k;
        // single words
        ts0.w, ts0.p; ts0.w; ts0.p; tn0.w, tn0.p; tn0.w; tn0.p;
        tn1.w, tn1.p; tn1.w; tn1.p; tn2.w, tn2.p; tn2.w; tn2.p;
        // pairs
        ts0.w, ts0.p, tn0.w, tn0.p; ts0.w, ts0.p, tn0.w; ts0.w, tn0.w, tn0.p;
        ts0.w, ts0.p, tn0.p; ts0.p, tn0.w, tn0.p; ts0.w, tn0.w; ts0.p, tn0.p; tn0.p, tn1.p;
        // three tags
        tn0.p, tn1.p, tn2.p; ts0.p, tn0.p, tn1.p; t[s0h].p, ts0.p, tn0.p;
        ts0.p, t[s0l1].p, tn0.p; ts0.p, t[s0r1].p, tn0.p; ts0.p, tn0.p, t[n0l1].p;
        // distance
        ts0.w, d; ts0.p, d; tn0.w, d; tn0.p, d; ts0.w, tn0.w, d; ts0.p, tn0.p, d;
        // valency
        ts0.w, vr0; ts0.p, vr0; ts0.w, vl0; ts0.p, vl0; tn0.w, nvl; tn0.p, nvl;
        // first-order children and head
        t[s0h].w; t[s0h].p; lab(s0); t[s0l1].w; t[s0l1].p; lab(s0l1);
        t[s0r1].w; t[s0r1].p; lab(s0r1); t[n0l1].w; t[n0l1].p; lab(n0l1);
        // second order
        t[s0h2].w; t[s0h2].p; lab(s0h); t[s0l2].w; t[s0l2].p; lab(s0l2);
        t[s0r2].w; t[s0r2].p; lab(s0r2); t[n0l2].w; t[n0l2].p; lab(n0l2);
        ts0.p, t[s0l1].p, t[s0l2].p; ts0.p, t[s0r1].p, t[s0r2].p;
        ts0.p, t[s0h].p, t[s0h2].p; tn0.p, t[n0l1].p, t[n0l2].p;
        // label sets
        ts0.w, sr0; ts0.p, sr0; ts0.w, sl0; ts0.p, sl0; tn0.w, nsl; tn0.p, nsl;
        // the rest of the stack
        ts1.p; ts1.w, ts1.p; ts1.p, ts0.p, tn0.p; ts1.p, ts0.p; t[s2].p, ts1.p, ts0.p;
        ts1.p, t[s1r1].p, ts0.p; ts1.p, lab(s1r1), tn0.p;
        // arc-eager specific: is s0 already attached?
        headed, ts0.p, tn0.p; headed, ts0.w, tn0.p; headed, ts0.p, tn0.w;
        headed, lab(s0), tn0.p;
        // lemmas and morphology
        ts0.l, tn0.l; ts0.l, tn0.p; ts0.p, tn0.l; ts0.p, ts0.m, tn0.p, tn0.m;
        ts0.m, tn0.p; ts0.p, tn0.m; tn0.p, tn0.m, tn1.p;
        // suffixes (unknown words)
        tn0.s, tn0.p; ts0.s, ts0.p; ts0.p, tn0.s, tn0.p;
        // wider context
        tn0.p, tn1.p, tn1.w; ts0.p, tn1.w, tn1.p; tn1.p, tn2.p;
        t[prev].p, tn0.p, ts0.p;
        ts1.w, ts0.w; ts1.w, tn0.w;
        // what lies between s0 and n0; the preposition of n0 against its candidate heads
        ts0.p, tn0.p, bp; ts0.p, tn0.p, bv; ts0.l, t[n0l1].w, tn0.p;
        ts1.l, t[n0l1].w, tn0.p; ts0.p, t[n0l1].w, tn0.p, d; ts0.p, tn0.l, t[n0l1].w;
    );
    debug_assert_eq!(k, NT_BASE);
    if !clusters {
        return;
    }
    feats!(out, k;
        // word clusters (Koo, Carreras & Collins 2008): the words above, generalised
        ts0.c; tn0.c; tn1.c; ts0.c, tn0.c; ts0.q, tn0.q; ts0.c, tn0.p; ts0.p, tn0.c;
        ts0.q, tn0.q, d; t[s0h].c, ts0.p, tn0.p; ts0.c, t[n0l1].w, tn0.q;
        ts1.q, ts0.q, tn0.q; tn0.q, tn1.q;
    );
    debug_assert_eq!(k, NT);
}

/// Features for labelling dependent `d` attached to head `h` (a word, not the root).
fn label_features(st: &State, t: &[Tok], d: usize, h: usize, out: &mut [u64; NL]) {
    let nil = st.nil as usize;
    let dir = sm((d < h) as u64 + 0x700);
    let dist = sm(dist_bucket(d as u32, h as u32, st.n) + 0x200);
    let (td, th) = (t[d], t[h]);
    let (dl1, dl2, dr1) = (st.l1[d] as usize, st.l2[d] as usize, st.r1[d] as usize);
    let hh = st.head[h] as usize;
    let lab = |i: usize| sm(st.label[i] as u64 + 0x100);
    let prev = if d == 0 { nil } else { d - 1 };
    let next = if d + 1 >= st.n as usize { nil } else { d + 1 };
    let (dls, drs, hls, hrs) = (
        sm(st.lset[d]),
        sm(st.rset[d] ^ K0),
        sm(st.lset[h] ^ K1),
        sm(st.rset[h] ^ K0 ^ K1),
    );
    let val = sm(((st.lval[d] as u64) << 8 | st.rval[d] as u64) + 0x800);
    let mut k = 0usize;
    feats!(out, k;
        td.p, th.p, dir; td.w, td.p; td.l, td.p, th.p, dir; td.w, th.p, dir;
        td.p, th.w, dir; td.p, th.l, dir; td.l, th.l, dir; td.p, th.p, dist, dir;
        td.m, td.p, th.p, dir; th.m, th.p, td.p, dir;
        td.p, lab(dl1), lab(dr1); td.p, dls; td.p, drs;
        td.p, th.p, hls, dir; td.p, th.p, hrs, dir;
        td.p, th.p, t[hh].p, dir; td.p, t[dl1].w; td.p, th.p, t[dl1].w, dir;
        td.p, t[prev].p, t[next].p; td.p, th.l, t[dl1].w, dir; td.w, th.w;
        td.p, val; td.p, th.p, t[dr1].w;
        td.p, lab(dl2), t[dl2].p; td.s, td.p; td.p, t[prev].w;
        td.p, th.p, t[dl1].p, t[dl2].p, dir; td.l, td.p, dir; th.l, th.p, dir;
        td.p, th.p, td.m, th.m, dir; td.p, th.p, t[hh].l; td.p, t[dl1].w, t[dl2].w;
    );
    debug_assert_eq!(k, NL);
}

/// Replaces switched-off templates by a constant per template (which then acts as a bias).
#[inline]
fn mask_off(out: &mut [u64], mut off: u128) {
    while off != 0 {
        let k = off.trailing_zeros() as usize;
        off &= off - 1;
        if let Some(x) = out.get_mut(k) {
            *x = SEEDS[k].wrapping_mul(K0);
        }
    }
}

/// Key of the (dependent UPOS, head UPOS, direction) triple that selects label candidates.
#[inline]
fn label_key(t: &[Tok], d: usize, h: usize) -> usize {
    let p = |i: usize| (t[i].pi as usize).min(N_UPOS - 1);
    (p(d) * N_UPOS + p(h)) * 2 + (d < h) as usize
}

#[inline]
fn row(h: u64, bits: u32) -> usize {
    (h >> (64 - bits)) as usize
}

/// Index of the best legal action (ties to the lowest index); SHIFT as a fallback.
#[inline]
fn best_legal<T: PartialOrd + Copy>(scores: &[T; N_ACT], legal: &[bool; N_ACT]) -> usize {
    let mut best: Option<usize> = None;
    for a in 0..N_ACT {
        if legal[a] && best.is_none_or(|b| scores[a] > scores[b]) {
            best = Some(a);
        }
    }
    best.unwrap_or(SH)
}

/// The best-scoring label among `cands` (all labels but the root's when empty).
#[inline]
fn best_label<T: PartialOrd + Copy>(sc: &[T], cands: &[u16], n_labels: usize, root: u16) -> u16 {
    let mut best = u16::MAX;
    let mut top = None::<T>;
    let mut consider = |l: u16| {
        if let Some(&x) = sc.get(l as usize)
            && l != root
            && top.is_none_or(|t| x > t)
        {
            top = Some(x);
            best = l;
        }
    };
    if cands.is_empty() {
        (0..n_labels as u16).for_each(&mut consider);
    } else {
        cands.iter().copied().for_each(&mut consider);
    }
    if best == u16::MAX { root } else { best }
}

// ---------------------------------------------------------------------------------------------
// Punctuation
//
// A greedy left-to-right parser must attach a comma before it has seen the clause the comma
// closes, and punctuation was the largest single source of errors (UAS 82 % on Sequoia dev,
// 85 % on EWT dev). So after parsing, every punctuation leaf is detached and re-attached, left
// to right, to the best-scoring word among those its arc would not make non-projective (the
// UD rule for punctuation), with the whole tree in view. The candidates come from one scan
// to each side: a word j is a candidate iff no arc leaves the open interval between j and
// the punctuation mark.

/// Number of punctuation feature templates.
const NPU: usize = 27;

/// Position with the root first (word k is k + 1), as projectivity is defined in CoNLL-U.
#[inline]
fn pos(k: u32, n: u32) -> u32 {
    if k >= n { 0 } else { k + 1 }
}

/// Scratch for re-attaching punctuation.
#[derive(Debug, Clone, Default)]
struct PunctScratch {
    detached: Vec<bool>,
    /// Leftmost and rightmost position touched by the arcs to each word's dependents.
    cmin: Vec<u32>,
    cmax: Vec<u32>,
    /// (candidate, rank on its side from the mark, rank from the far end).
    cands: Vec<(u32, u8, u8)>,
    /// Punctuation dependents attached to each word so far.
    pchild: Vec<u8>,
}

impl PunctScratch {
    /// Detaches the punctuation leaves of `head` (0-based, root = n) and returns how many.
    fn detach(&mut self, head: &mut [u32], toks: &[Tok], old: &mut Vec<u32>) -> usize {
        let n = head.len();
        let nil = (n + 1) as u32;
        let punct = Upos::Punct.index() as u8;
        let mut has_child = std::mem::take(&mut self.detached);
        has_child.clear();
        has_child.resize(n, false);
        for &h in head.iter() {
            if (h as usize) < n {
                has_child[h as usize] = true;
            }
        }
        old.clear();
        old.extend_from_slice(head);
        let mut count = 0;
        for i in 0..n {
            // Keep a punctuation mark that heads something or is the root: detaching it
            // would strand its dependents.
            let leaf = !has_child[i] && (head[i] as usize) < n;
            has_child[i] = toks[i].pi == punct && leaf;
            if has_child[i] {
                head[i] = nil;
                count += 1;
            }
        }
        self.detached = has_child;
        self.cmin.clear();
        self.cmin.resize(n, u32::MAX);
        self.cmax.clear();
        self.cmax.resize(n, 0);
        self.pchild.clear();
        self.pchild.resize(n, 0);
        for k in 0..n {
            let h = head[k] as usize;
            if h < n {
                let p = pos(k as u32, n as u32);
                self.cmin[h] = self.cmin[h].min(p);
                self.cmax[h] = self.cmax[h].max(p);
                if toks[k].pi == punct {
                    self.pchild[h] = self.pchild[h].saturating_add(1);
                }
            }
        }
        count
    }

    /// Arcs touching word k: its head and its dependents, as a (min, max) position span.
    #[inline]
    fn span(&self, head: &[u32], k: usize) -> (u32, u32) {
        let n = head.len() as u32;
        let (mut lo, mut hi) = (self.cmin[k], self.cmax[k]);
        let h = head[k];
        if h <= n {
            let p = pos(h, n);
            lo = lo.min(p);
            hi = hi.max(p);
        }
        (lo, hi)
    }

    /// Candidate heads for punctuation mark `i` (detached), nearest first on each side, with
    /// their rank from the mark and from the far end of their side. Function words
    /// (`leafy` labels: case, det, aux…) take no dependents in UD and are skipped.
    fn candidates(&mut self, head: &[u32], label: &[u16], leafy: &[bool], toks: &[Tok], i: usize) {
        let n = head.len();
        let punct = Upos::Punct.index() as u8;
        let pi = pos(i as u32, n as u32);
        let ok = |j: usize| {
            toks[j].pi != punct
                && !label
                    .get(j)
                    .and_then(|&l| leafy.get(l as usize))
                    .copied()
                    .unwrap_or(false)
        };
        self.cands.clear();
        let (mut lo, mut hi) = (u32::MAX, 0u32);
        let mut rank = 0u8;
        for j in (0..i).rev() {
            let pj = pos(j as u32, n as u32);
            if hi > pi {
                break;
            }
            if lo >= pj && !self.detached[j] && ok(j) {
                rank = rank.saturating_add(1);
                self.cands.push((j as u32, rank, 0));
            }
            let (a, b) = self.span(head, j);
            lo = lo.min(a);
            hi = hi.max(b);
        }
        let left = self.cands.len();
        let (mut lo, mut hi) = (u32::MAX, 0u32);
        let mut rank = 0u8;
        for j in i + 1..n {
            let pj = pos(j as u32, n as u32);
            if lo < pi {
                break;
            }
            if hi <= pj && !self.detached[j] && ok(j) {
                rank = rank.saturating_add(1);
                self.cands.push((j as u32, rank, 0));
            }
            let (a, b) = self.span(head, j);
            lo = lo.min(a);
            hi = hi.max(b);
        }
        let right = self.cands.len() - left;
        for (k, c) in self.cands.iter_mut().enumerate() {
            let side = if k < left { left } else { right };
            c.2 = (side as u8).saturating_sub(c.1).saturating_add(1);
        }
    }

    /// Attaches `i` to `j` and records the arc for later candidates.
    fn attach(&mut self, head: &mut [u32], i: usize, j: u32) {
        let n = head.len() as u32;
        head[i] = j;
        self.detached[i] = false;
        if j < n {
            self.pchild[j as usize] = self.pchild[j as usize].saturating_add(1);
            let p = pos(i as u32, n);
            self.cmin[j as usize] = self.cmin[j as usize].min(p);
            self.cmax[j as usize] = self.cmax[j as usize].max(p);
        }
    }
}

/// Per label: whether it marks a function word, which takes no dependents in UD.
fn leafy_labels(labels: &[String]) -> Vec<bool> {
    const LEAFY: &[&str] = &[
        "case", "det", "cc", "mark", "cop", "aux", "fixed", "flat", "punct", "clf", "goeswith",
    ];
    labels
        .iter()
        .map(|l| LEAFY.contains(&l.split(':').next().unwrap_or("")))
        .collect()
}

/// The labels a word may bear when a coordinating conjunction depends on it: in UD the
/// conjunction hangs on the conjunct that follows it (`conj`), or on a clause loosely
/// joined to the one before (`parataxis`; EWT train: 6454 `conj`, 3 `parataxis`, and 298
/// roots, which are not labelled here; Sequoia train: 1165 `conj`, 32 roots, and 10 first
/// members of "ni … ni", "soit … soit", which [`ParserModel::conjunction_child`] leaves
/// alone). The labeller, which scores each word alone, now and
/// then calls such a conjunct `flat` or `nsubj` ("Neither A nor B", "A, B and good C").
fn coordinated_labels(labels: &[String]) -> Vec<bool> {
    labels
        .iter()
        .map(|l| matches!(l.split(':').next().unwrap_or(""), "conj" | "parataxis"))
        .collect()
}

fn label_id(labels: &[String], name: &str) -> u16 {
    labels
        .iter()
        .position(|l| l == name)
        .map_or(u16::MAX, |i| i as u16)
}

/// Features of attaching punctuation mark `i` to candidate `j` (rank `rank` on its side).
// Hot path called per candidate: plain arguments keep it free of a per-call struct.
#[allow(clippy::too_many_arguments)]
fn punct_features(
    ps: &PunctScratch,
    head: &[u32],
    label: &[u16],
    toks: &[Tok],
    i: usize,
    (j, rank, rev): (usize, u8, u8),
    parser_head: u32,
    out: &mut [u64; NPU],
) {
    let n = head.len();
    let nil = n + 1;
    let t = |k: usize| toks[k.min(nil)];
    let (tp, tj) = (toks[i], toks[j]);
    let dir = sm((j < i) as u64 + 0xB00);
    let rank = sm(rank.min(4) as u64 + 0xC00);
    let rev = sm(rev.min(4) as u64 + 0xC10);
    // The parser's own choice: the ranker learns when to trust it.
    let chosen = sm((parser_head as usize == j) as u64 + 0xC20);
    let dist = sm(dist_bucket(i as u32, j as u32, n as u32) + 0x200);
    let lab = sm(label.get(j).copied().unwrap_or(NIL_LAB) as u64 + 0x100);
    let h = head[j] as usize;
    let is_root = sm((h == n) as u64 + 0xD00);
    let prev = if i == 0 { nil } else { i - 1 };
    let next = if i + 1 >= n { nil } else { i + 1 };
    let last = sm((i + 1 == n) as u64 + 0xE00);
    // Does an arc of the candidate pass over the punctuation mark (its head on the other
    // side, or a dependent there)? "X , Y" with Y a conjunct of X: the comma goes to Y.
    let other_side = |k: usize| (k < i) != (j < i);
    let spans_head = sm((h < n && other_side(h)) as u64 + 0xF00);
    let pi = pos(i as u32, n as u32);
    let spans_dep = if j < i {
        ps.cmax[j] > pi
    } else {
        ps.cmin[j] < pi
    };
    let spans_dep = sm(spans_dep as u64 + 0xF10);
    // Paired marks: a closing comma or bracket goes where the opening one went.
    let paired = sm(ps.pchild[j].min(2) as u64 + 0xF20);
    let mut k = 0usize;
    feats!(out, k;
        tp.w, dir, rank; tp.w, tj.p, dir; tp.w, lab, dir; tp.w, is_root, dir;
        tp.w, dist, dir; tp.w, tj.p, t(next).p; tp.w, tj.p, t(prev).p; tp.w, lab, rank, dir;
        tp.w, tj.p, t(h).p, dir; tp.w, last, is_root; tj.p, lab, dir, rank; tp.w, tj.w, dir;
        tp.w, t(next).w, tj.p, dir; tp.w, lab, is_root, t(next).p; tp.w, t(prev).w, tj.p, dir;
        tp.w, dir, rank, last; tp.w, lab, spans_head, dir; tp.w, tj.p, spans_dep, dir;
        tp.w, spans_head, spans_dep, dir, rank; tp.w, dir, rev; tp.w, lab, rev, dir;
        tp.w, is_root, rev, tj.p; tp.w, chosen; tp.w, chosen, dir, rank; tp.w, chosen, lab;
        tp.w, paired, dir; tp.w, paired, lab, dir;
    );
    debug_assert_eq!(k, NPU);
}

// ---------------------------------------------------------------------------------------------
// Prediction

/// Buffers reused from sentence to sentence (one set per thread).
#[derive(Default)]
struct Scratch {
    st: State,
    toks: Vec<Tok>,
    lsc: Vec<i16>,
    punct: PunctScratch,
    old: Vec<u32>,
    beam: Vec<Hyp>,
    next: Vec<Hyp>,
    cands: Vec<Cand>,
    memos: Memos,
}

/// The memos of one sentence's beam search: transition scores and labels by feature key.
#[derive(Default)]
struct Memos {
    trans: Memo<[i32; N_ACT]>,
    label: Memo<u16>,
}

/// A small direct-mapped memo from a 64-bit key of a feature vector to what the model
/// computed from it.
///
/// The hypotheses of a beam differ mostly in decisions far from where they stand, so many
/// of them read the same features at the same step: on French news about a third of the
/// transition scorings and most label predictions repeat one already made in the sentence.
/// Scoring is a hundred reads at random from tables of megabytes, i.e. cache misses; a
/// lookup here is one read from a few kilobytes. The key is a 64-bit hash, so two different
/// feature vectors would have to collide to share an entry (odds about 2^-50 per sentence).
/// Cleared for each sentence, since a key does not depend on the sentence's words alone.
struct Memo<V: Copy> {
    keys: Vec<u64>,
    vals: Vec<V>,
}

const MEMO_BITS: u32 = 10;

impl<V: Copy + Default> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            keys: vec![0; 1 << MEMO_BITS],
            vals: vec![V::default(); 1 << MEMO_BITS],
        }
    }
}

impl<V: Copy> Memo<V> {
    fn clear(&mut self) {
        self.keys.fill(0);
    }

    #[inline]
    fn get(&self, key: u64) -> Option<V> {
        let i = (key >> (64 - MEMO_BITS)) as usize;
        (self.keys[i] == key).then(|| self.vals[i])
    }

    #[inline]
    fn put(&mut self, key: u64, v: V) {
        let i = (key >> (64 - MEMO_BITS)) as usize;
        self.keys[i] = key;
        self.vals[i] = v;
    }
}

/// The memo key of a feature vector (already hashed features) and an extra word: never 0,
/// which marks an empty entry. Each feature is rotated by its position and the results
/// XORed: the features are well-mixed hashes, so this is as good a key as a chained hash,
/// and it has no chain of multiplications (a chained hash over 117 features cost as much
/// as the table reads the memo saves).
#[inline]
fn memo_key(f: &[u64], extra: u64) -> u64 {
    let mut k = extra.wrapping_mul(K0) ^ 0x243F_6A88_85A3_08D3;
    for (i, &x) in f.iter().enumerate() {
        k ^= x.rotate_left((i as u32).wrapping_mul(7) & 63);
    }
    k = (k ^ (k >> 31)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    k ^= k >> 29;
    k.max(1)
}

/// A partial parse in the beam, with the sum of its transitions' scores.
#[derive(Debug, Clone, Default)]
struct Hyp {
    st: State,
    score: i64,
}

/// The buffers of [`ParserModel::beam_search`]: this beam, the next, the candidates, and
/// the memos (none: score everything, as the tests compare).
type BeamBufs<'a> = (
    &'a mut Vec<Hyp>,
    &'a mut Vec<Hyp>,
    &'a mut Vec<Cand>,
    Option<&'a mut Memos>,
);

/// A beam candidate: (path score, hypothesis, action, feature-vector index when training).
type Cand = (i64, u32, u8, u32);

/// Keeps the `k` best candidates at the front of `cands`, best first; ties go to the earlier
/// hypothesis, then the lower action, so that a parse never depends on the sort's internals.
fn keep_best(cands: &mut [Cand], k: usize) -> usize {
    let cmp = |x: &Cand, y: &Cand| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2));
    let k = k.min(cands.len());
    if k < cands.len() && k > 0 {
        cands.select_nth_unstable_by(k - 1, cmp);
    }
    cands[..k].sort_unstable_by(cmp);
    k
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// The only legal action, if there is exactly one (empty stack, or only the root left in
/// the buffer): no need to score it.
#[inline]
fn forced(legal: &[bool; N_ACT]) -> Option<usize> {
    let mut only = None;
    for (a, &ok) in legal.iter().enumerate() {
        if ok {
            if only.is_some() {
                return None;
            }
            only = Some(a);
        }
    }
    only
}

impl ParserModel {
    /// Parses one sentence. `heads[i]` is 0 for the root, else the 1-based index of the head
    /// of word `i + 1`; `labels[i]` is a label id for [`ParserModel::label`]. There is exactly
    /// one root (extra roots are attached to the first).
    pub fn parse(&self, s: &ParseInput, heads: &mut Vec<u32>, labels: &mut Vec<u16>) {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut sc) => self.parse_with(s, heads, labels, &mut sc),
            // Only reachable if parse re-entered itself on this thread.
            Err(_) => self.parse_with(s, heads, labels, &mut Scratch::default()),
        })
    }

    fn parse_with(
        &self,
        s: &ParseInput,
        heads: &mut Vec<u32>,
        labels: &mut Vec<u16>,
        sc: &mut Scratch,
    ) {
        heads.clear();
        labels.clear();
        let n = s.forms.len();
        if n == 0 {
            return;
        }
        let Scratch {
            st,
            toks,
            lsc,
            punct,
            old,
            beam,
            next,
            cands,
            memos,
        } = sc;
        toks_of_input(&self.vocab, self.clusters, s, self.reversed, toks);
        st.reset(n);
        lsc.clear();
        lsc.resize(64 * self.lab_lines, 0);
        let mut tf = [0u64; NT];
        let mut lf = [0u64; NL];
        if self.beam > 1 {
            self.beam_search(toks, n, (beam, next, cands, Some(memos)), &mut lf, lsc);
            st.copy_from(&beam[0].st);
        }
        while !st.terminal() {
            let legal = st.legal();
            let a = match forced(&legal) {
                Some(a) => a,
                None => {
                    trans_features(st, toks, &mut tf, self.clusters.is_some());
                    mask_off(&mut tf, self.trans_off);
                    best_legal(&self.score_trans(&tf[..self.nt()]), &legal)
                }
            };
            if let Some(d) = st.apply(a) {
                let h = st.head[d as usize];
                let lab = if h == st.n {
                    self.root
                } else {
                    self.predict_label(st, toks, d as usize, h as usize, &mut lf, lsc)
                };
                st.set_label(d, lab);
            }
        }
        self.finish(st, toks, (&mut lf, lsc, punct, old), heads, labels);
    }

    /// A finished parse as the caller sees it: one root, punctuation re-attached, heads
    /// 1-based (0 for the root) in the order of the words given.
    fn finish(
        &self,
        st: &mut State,
        toks: &[Tok],
        (lf, lsc, punct, old): (&mut [u64; NL], &mut [i16], &mut PunctScratch, &mut Vec<u32>),
        heads: &mut Vec<u32>,
        labels: &mut Vec<u16>,
    ) {
        self.fix_roots(st, toks, lf, lsc);
        self.reattach_punct(st, toks, punct, old);
        let n = st.n as usize;
        heads.clear();
        labels.clear();
        heads.extend(
            st.head[..n]
                .iter()
                .map(|&h| if h >= st.n { 0 } else { h + 1 }),
        );
        labels.extend_from_slice(&st.label[..n]);
        if self.reversed {
            unflip(heads, labels);
        }
    }

    /// The final beam of a beam parser, best first: each hypothesis's score (the sum of its
    /// transition scores, in the model's own quantized units) with its finished tree, in
    /// the form [`ParserModel::parse`] gives. A greedy model gives its one parse, scored 0.
    pub fn parse_kbest(&self, s: &ParseInput, out: &mut Vec<(i64, Vec<u32>, Vec<u16>)>) {
        out.clear();
        let n = s.forms.len();
        if n == 0 {
            return;
        }
        if self.beam <= 1 {
            let (mut h, mut l) = (Vec::new(), Vec::new());
            self.parse(s, &mut h, &mut l);
            out.push((0, h, l));
            return;
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut sc) => self.kbest_with(s, out, &mut sc),
            Err(_) => self.kbest_with(s, out, &mut Scratch::default()),
        })
    }

    fn kbest_with(
        &self,
        s: &ParseInput,
        out: &mut Vec<(i64, Vec<u32>, Vec<u16>)>,
        sc: &mut Scratch,
    ) {
        let n = s.forms.len();
        let Scratch {
            st,
            toks,
            lsc,
            punct,
            old,
            beam,
            next,
            cands,
            memos,
        } = sc;
        toks_of_input(&self.vocab, self.clusters, s, self.reversed, toks);
        lsc.clear();
        lsc.resize(64 * self.lab_lines, 0);
        let mut lf = [0u64; NL];
        let live = self.beam_search(toks, n, (beam, next, cands, Some(memos)), &mut lf, lsc);
        for h in &beam[..live] {
            st.copy_from(&h.st);
            let (mut heads, mut labels) = (Vec::new(), Vec::new());
            self.finish(
                st,
                toks,
                (&mut lf, lsc, punct, old),
                &mut heads,
                &mut labels,
            );
            out.push((h.score, heads, labels));
        }
    }

    /// Beam search over transitions: every parse takes exactly 2n transitions (each word is
    /// pushed once and popped once), so the hypotheses advance in step; the best one ends
    /// in `beam[0]`. Popped words are labelled in each hypothesis as in greedy parsing.
    fn beam_search(
        &self,
        toks: &[Tok],
        n: usize,
        (beam, next, cands, mut memos): BeamBufs,
        lf: &mut [u64; NL],
        lsc: &mut [i16],
    ) -> usize {
        let k = self.beam as usize;
        if let Some(m) = memos.as_deref_mut() {
            m.trans.clear();
            m.label.clear();
        }
        if beam.is_empty() {
            beam.push(Hyp::default());
        }
        beam[0].st.reset(n);
        beam[0].score = 0;
        let mut live = 1;
        let mut tf = [0u64; NT];
        while !beam[0].st.terminal() {
            cands.clear();
            for (hi, h) in beam[..live].iter().enumerate() {
                let legal = h.st.legal();
                if let Some(a) = forced(&legal) {
                    cands.push((h.score, hi as u32, a as u8, 0));
                    continue;
                }
                trans_features(&h.st, toks, &mut tf, self.clusters.is_some());
                mask_off(&mut tf, self.trans_off);
                let f = &tf[..self.nt()];
                let sc = match memos.as_deref_mut() {
                    Some(m) => {
                        let key = memo_key(f, 0);
                        m.trans.get(key).unwrap_or_else(|| {
                            let sc = self.score_trans(f);
                            m.trans.put(key, sc);
                            sc
                        })
                    }
                    None => self.score_trans(f),
                };
                for a in 0..N_ACT {
                    if legal[a] {
                        cands.push((h.score + sc[a] as i64, hi as u32, a as u8, 0));
                    }
                }
            }
            let keep = keep_best(cands, k);
            while next.len() < keep {
                next.push(Hyp::default());
            }
            for (j, &(score, hi, a, _)) in cands[..keep].iter().enumerate() {
                let nh = &mut next[j];
                nh.st.copy_from(&beam[hi as usize].st);
                nh.score = score;
                if let Some(d) = nh.st.apply(a as usize) {
                    let h = nh.st.head[d as usize];
                    let lab = if h == nh.st.n {
                        self.root
                    } else {
                        self.predict_label_memo(
                            &nh.st,
                            toks,
                            (d as usize, h as usize),
                            lf,
                            lsc,
                            memos.as_deref_mut().map(|m| &mut m.label),
                        )
                    };
                    nh.st.set_label(d, lab);
                }
            }
            live = keep;
            std::mem::swap(beam, next);
        }
        live
    }

    /// Re-attaches punctuation leaves with the whole tree in view (see "Punctuation" above).
    fn reattach_punct(
        &self,
        st: &mut State,
        toks: &[Tok],
        ps: &mut PunctScratch,
        old: &mut Vec<u32>,
    ) {
        if self.punct.is_empty() {
            return;
        }
        let n = st.n as usize;
        let head = &mut st.head[..n];
        if ps.detach(head, toks, old) == 0 {
            return;
        }
        let mut f = [0u64; NPU];
        let shift = 64 - self.punct_bits;
        // `i` indexes `ps.detached`, `old` and the `head` being rewritten in the loop.
        #[allow(clippy::needless_range_loop)]
        for i in 0..n {
            if !ps.detached[i] {
                continue;
            }
            ps.candidates(head, &st.label, &self.leafy, toks, i);
            let mut best = (i32::MIN, old[i]);
            for &(j, rank, rev) in &ps.cands {
                punct_features(
                    ps,
                    head,
                    &st.label,
                    toks,
                    i,
                    (j as usize, rank, rev),
                    old[i],
                    &mut f,
                );
                let score: i32 = f
                    .iter()
                    .map(|&h| self.punct[(h >> shift) as usize] as i32)
                    .sum();
                if score > best.0 {
                    best = (score, j);
                }
            }
            ps.attach(head, i, best.1);
        }
    }

    /// Leaves exactly one root: every word without a head (none should be left) and every
    /// root after the first is attached to the first root and relabelled.
    fn fix_roots(&self, st: &mut State, toks: &[Tok], lf: &mut [u64; NL], sc: &mut [i16]) {
        let n = st.n as usize;
        let first = (0..n).find(|&i| st.head[i] == st.n).unwrap_or(0);
        if st.head[first] != st.n {
            st.head[first] = st.n;
            st.label[first] = self.root;
        }
        for i in 0..n {
            if i != first && st.head[i] >= st.n {
                st.head[i] = first as u32;
                let lab = self.predict_label(st, toks, i, first, lf, sc);
                st.set_label(i as u32, lab);
            }
        }
    }

    /// Number of transition templates the model reads.
    #[inline]
    fn nt(&self) -> usize {
        n_trans(self.clusters)
    }

    #[inline]
    fn score_trans(&self, f: &[u64]) -> [i32; N_ACT] {
        let mut s = [0i32; N_ACT];
        let shift = 64 - self.trans_bits;
        for &h in f {
            let r = &self.trans[(h >> shift) as usize];
            for a in 0..N_ACT {
                s[a] += r[a] as i32;
            }
        }
        s
    }

    /// The best label other than the root's for `d` under head `h`.
    fn predict_label(
        &self,
        st: &State,
        toks: &[Tok],
        d: usize,
        h: usize,
        lf: &mut [u64; NL],
        sc: &mut [i16],
    ) -> u16 {
        self.predict_label_memo(st, toks, (d, h), lf, sc, None)
    }

    /// [`ParserModel::predict_label`], looking the answer up in `memo` first. The label is a
    /// function of the label features, the arc and the conjunction check, so hypotheses of
    /// a beam that share those share the label: the memo skips their 32 table reads.
    fn predict_label_memo(
        &self,
        st: &State,
        toks: &[Tok],
        (d, h): (usize, usize),
        lf: &mut [u64; NL],
        sc: &mut [i16],
        memo: Option<&mut Memo<u16>>,
    ) -> u16 {
        let cands = &self.cands[label_key(toks, d, h)];
        if let [only] = cands.as_slice() {
            return *only;
        }
        label_features(st, toks, d, h, lf);
        mask_off(lf, self.label_off as u128);
        let conj = d > h && !self.reversed && self.conjunction_child(st, toks, d);
        let Some(memo) = memo else {
            return self.score_label(lf, cands, conj, sc);
        };
        let key = memo_key(lf, ((d as u64) << 33) | ((h as u64) << 1) | conj as u64);
        if let Some(l) = memo.get(key) {
            return l;
        }
        let l = self.score_label(lf, cands, conj, sc);
        memo.put(key, l);
        l
    }

    /// The best label among `cands` (all labels when empty) given the label features;
    /// `conj`: the dependent has a conjunction before it, so a coordination label wins.
    fn score_label(&self, lf: &[u64; NL], cands: &[u16], conj: bool, sc: &mut [i16]) -> u16 {
        sc.fill(0);
        let lines = self.lab_lines;
        let shift = 64 - self.lab_bits;
        // NL × 127 fits in an i16 (asserted at compile time), so sums never overflow.
        for &f in lf.iter() {
            let r = (f >> shift) as usize * lines;
            for (acc, line) in sc.chunks_exact_mut(64).zip(&self.lab[r..r + lines]) {
                for (s, &w) in acc.iter_mut().zip(&line.0) {
                    *s += w as i16;
                }
            }
        }
        if conj {
            let n = self.labels.len() as u16;
            let coord: Vec<u16> = if cands.is_empty() {
                (0..n).filter(|&l| self.coord[l as usize]).collect()
            } else {
                cands
                    .iter()
                    .copied()
                    .filter(|&l| self.coord.get(l as usize).copied().unwrap_or(false))
                    .collect()
            };
            if !coord.is_empty() {
                return best_label(sc, &coord, self.labels.len(), self.root);
            }
        }
        best_label(sc, cands, self.labels.len(), self.root)
    }

    /// Whether one of the two leftmost children of `d` (where a conjunction sits, before
    /// its conjunct) is labelled `cc`, and is not the first of a repeated pair: in "ni le
    /// Tchad ni le Niger", "soit lundi soit mardi" the first `cc` hangs on a first conjunct,
    /// which keeps its own function. (The word must also follow its head: `conj` points
    /// right.)
    #[inline]
    fn conjunction_child(&self, st: &State, toks: &[Tok], d: usize) -> bool {
        [st.l1[d], st.l2[d]].iter().any(|&c| {
            c < st.n
                && st.label[c as usize] == self.cc
                && !toks[d + 1..st.n as usize]
                    .iter()
                    .any(|t| t.w == toks[c as usize].w)
        })
    }

    /// The same model parsing with another beam width (≥ 1; a greedy-trained model is
    /// unchanged). A wider beam than the trained one mostly adds hypotheses to
    /// [`ParserModel::parse_kbest`].
    pub fn with_beam(mut self, beam: u16) -> ParserModel {
        if self.beam > 1 {
            self.beam = beam.clamp(1, 256);
        }
        self
    }

    /// The model with every weight row whose largest weight is at most `t` in magnitude set
    /// to zero: such rows change few decisions, and the file stores only non-zero rows.
    pub fn pruned(mut self, t: i8) -> ParserModel {
        let t = t.unsigned_abs();
        for r in self.trans.iter_mut() {
            if r.iter().all(|x| x.unsigned_abs() <= t) {
                *r = [0; N_ACT];
            }
        }
        for row in self.lab.chunks_mut(self.lab_lines.max(1)) {
            if row
                .iter()
                .all(|l| l.0.iter().all(|x| x.unsigned_abs() <= t))
            {
                row.iter_mut().for_each(|l| l.0 = [0; 64]);
            }
        }
        self
    }

    /// The name of label `id` ("dep" for an id this model does not have).
    pub fn label(&self, id: u16) -> &str {
        self.labels.get(id as usize).map_or("dep", |s| s.as_str())
    }

    /// All label names, indexed by id.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::new();
        p.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for l in &self.labels {
            p.extend_from_slice(&(l.len() as u16).to_le_bytes());
            p.extend_from_slice(l.as_bytes());
        }
        p.extend_from_slice(&self.root.to_le_bytes());
        p.extend_from_slice(&self.trans_bits.to_le_bytes());
        p.extend_from_slice(&self.lab_bits.to_le_bytes());
        p.extend_from_slice(&(self.lab_lines as u32).to_le_bytes());
        let flat: Vec<i8> = self.trans.iter().flatten().copied().collect();
        write_sparse(&mut p, &flat, N_ACT);
        let flat: Vec<i8> = self.lab.iter().flat_map(|l| l.0).collect();
        write_sparse(&mut p, &flat, 64 * self.lab_lines);
        p.extend_from_slice(&self.trans_off.to_le_bytes());
        p.extend_from_slice(&self.label_off.to_le_bytes());
        p.extend_from_slice(&(self.vocab.keys.len() as u32).to_le_bytes());
        for k in &self.vocab.keys {
            p.extend_from_slice(&k.to_le_bytes());
        }
        p.extend_from_slice(&self.punct_bits.to_le_bytes());
        write_sparse(&mut p, &self.punct, 1);
        for c in &self.cands {
            p.extend_from_slice(&(c.len() as u16).to_le_bytes());
            for &l in c {
                p.extend_from_slice(&l.to_le_bytes());
            }
        }
        p.extend_from_slice(&self.beam.to_le_bytes());
        p.extend_from_slice(&self.clusters.map_or(0, Clusters::fingerprint).to_le_bytes());
        // An optional trailing byte, written only for a right-to-left model, so that every
        // left-to-right file stays as it was (and a build that predates the flag refuses a
        // reversed model rather than parse with it backwards).
        if self.reversed {
            p.push(1);
        }
        // The kind is a constant shorter than 8 bytes, so this cannot fail.
        container::write(KIND, FORMAT, &p).unwrap_or_default()
    }

    pub fn from_bytes(b: &[u8]) -> Result<ParserModel, ContainerError> {
        let p = container::read(b, KIND, FORMAT)?;
        // A payload that passed the checksum but does not parse was written by a broken
        // build; the container has no better error than "truncated" for it.
        let bad = || ContainerError::Truncated(b.len());
        let mut r = Reader { b: p, i: 0 };
        let n_labels = r.u32().ok_or_else(bad)? as usize;
        if n_labels == 0 || n_labels > 4096 {
            return Err(bad());
        }
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let len = r.u16().ok_or_else(bad)? as usize;
            let s = r.take(len).ok_or_else(bad)?;
            labels.push(String::from_utf8(s.to_vec()).map_err(|_| bad())?);
        }
        let root = r.u16().ok_or_else(bad)?;
        let trans_bits = r.u32().ok_or_else(bad)?;
        let lab_bits = r.u32().ok_or_else(bad)?;
        let lab_lines = r.u32().ok_or_else(bad)? as usize;
        if root as usize >= n_labels
            || !(1..=26).contains(&trans_bits)
            || !(1..=24).contains(&lab_bits)
            || 64 * lab_lines < n_labels
            || lab_lines > 64
        {
            return Err(bad());
        }
        let flat = read_sparse(&mut r, 1 << trans_bits, N_ACT).ok_or_else(bad)?;
        let trans = flat
            .chunks_exact(N_ACT)
            .map(|c| [c[0], c[1], c[2], c[3]])
            .collect();
        let lab = read_sparse(&mut r, 1 << lab_bits, 64 * lab_lines).ok_or_else(bad)?;
        let lab = lines_of(&lab);
        let trans_off =
            u128::from_le_bytes(r.take(16).ok_or_else(bad)?.try_into().map_err(|_| bad())?);
        let label_off =
            u64::from_le_bytes(r.take(8).ok_or_else(bad)?.try_into().map_err(|_| bad())?);
        let n_vocab = r.u32().ok_or_else(bad)? as usize;
        let vocab_bytes = r
            .take(n_vocab.checked_mul(8).ok_or_else(bad)?)
            .ok_or_else(bad)?;
        let keys: Vec<u64> = vocab_bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect();
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(bad());
        }
        let vocab = Vocab { keys };
        let punct_bits = r.u32().ok_or_else(bad)?;
        if punct_bits > 24 {
            return Err(bad());
        }
        let punct = if punct_bits == 0 {
            Vec::new()
        } else {
            read_sparse(&mut r, 1 << punct_bits, 1).ok_or_else(bad)?
        };
        let mut cands = Vec::with_capacity(N_KEYS);
        for _ in 0..N_KEYS {
            let len = r.u16().ok_or_else(bad)? as usize;
            let mut c = Vec::with_capacity(len.min(n_labels));
            for _ in 0..len {
                let l = r.u16().ok_or_else(bad)?;
                if l as usize >= n_labels {
                    return Err(bad());
                }
                c.push(l);
            }
            cands.push(c);
        }
        let beam = r.u16().ok_or_else(bad)?;
        let fp = u64::from_le_bytes(r.take(8).ok_or_else(bad)?.try_into().map_err(|_| bad())?);
        let reversed = match r.take(1) {
            None => false,
            Some([1]) => true,
            Some(_) => return Err(bad()),
        };
        if beam == 0 || beam > 256 || r.i != p.len() {
            return Err(bad());
        }
        let clusters = match fp {
            0 => None,
            fp => Some(
                crate::clusters::by_fingerprint(fp)
                    .ok_or(ContainerError::Missing("word clusters"))?,
            ),
        };
        // Models trained before the rule was applied at training time get it here.
        punct_only_for_punctuation(&mut cands, &labels, root);
        Ok(ParserModel {
            leafy: leafy_labels(&labels),
            coord: coordinated_labels(&labels),
            cc: label_id(&labels, "cc"),
            beam,
            clusters,
            reversed,
            labels,
            root,
            trans_bits,
            trans,
            lab_bits,
            lab_lines,
            lab,
            cands,
            trans_off,
            label_off,
            vocab,
            punct_bits,
            punct,
        })
    }
}

/// Writes a table of `rows × stride` as a bitmap of non-zero rows followed by those rows:
/// most rows of a hashed table that was never updated are zero.
fn write_sparse(p: &mut Vec<u8>, w: &[i8], stride: usize) {
    let rows = w.len() / stride;
    let mut bitmap = vec![0u8; rows.div_ceil(8)];
    for (i, r) in w.chunks_exact(stride).enumerate() {
        if r.iter().any(|&x| x != 0) {
            bitmap[i / 8] |= 1 << (i % 8);
        }
    }
    p.extend_from_slice(&bitmap);
    for (i, r) in w.chunks_exact(stride).enumerate() {
        if bitmap[i / 8] & (1 << (i % 8)) != 0 {
            p.extend(r.iter().map(|&x| x as u8));
        }
    }
}

fn read_sparse(r: &mut Reader, rows: usize, stride: usize) -> Option<Vec<i8>> {
    let bitmap = r.take(rows.div_ceil(8))?;
    let mut w = vec![0i8; rows * stride];
    for (i, chunk) in w.chunks_exact_mut(stride).enumerate() {
        if bitmap[i / 8] & (1 << (i % 8)) != 0 {
            let bytes = r.take(stride)?;
            for (x, &b) in chunk.iter_mut().zip(bytes) {
                *x = b as i8;
            }
        }
    }
    Some(w)
}

/// Cuts a flat table into cache lines (its length is a multiple of 64).
fn lines_of(w: &[i8]) -> Vec<Line> {
    w.chunks_exact(64)
        .map(|c| {
            let mut l = Line([0; 64]);
            l.0.copy_from_slice(c);
            l
        })
        .collect()
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.b.get(self.i..self.i.checked_add(n)?)?;
        self.i += n;
        Some(s)
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

// ---------------------------------------------------------------------------------------------
// Training

/// Training sentences from a CoNLL-U treebank: syntactic words (multiword tokens expanded)
/// with their gold tags and tree.
pub fn sentences_from_conllu(gold: &[GoldSentence]) -> Vec<TrainSentence> {
    gold.iter()
        .map(|s| {
            let mut t = TrainSentence::default();
            for w in s.tokens.iter().flat_map(|t| &t.words) {
                t.forms.push(w.form.clone());
                t.lemmas.push(w.lemma.clone());
                t.upos.push(Upos::parse(&w.upos).unwrap_or_default());
                t.feats.push(Feats::from_ud(&w.feats));
                t.heads.push(w.head as u32);
                t.deprels.push(w.deprel.clone());
            }
            t
        })
        .collect()
}

/// `s` read from right to left: word `i` (1-based) of `n` becomes word `n + 1 - i`, heads
/// follow, labels stay. A right-to-left model is trained on such sentences.
pub fn reversed(s: &TrainSentence) -> TrainSentence {
    let n = s.forms.len() as u32;
    let rev = |v: &[String]| v.iter().rev().cloned().collect::<Vec<_>>();
    TrainSentence {
        forms: rev(&s.forms),
        lemmas: rev(&s.lemmas),
        upos: s.upos.iter().rev().copied().collect(),
        feats: s.feats.iter().rev().copied().collect(),
        heads: s
            .heads
            .iter()
            .rev()
            .map(|&h| if h == 0 || h > n { h } else { n + 1 - h })
            .collect(),
        deprels: rev(&s.deprels),
    }
}

/// A tree found on the reversed sentence, mapped back onto the sentence (see [`reversed`]).
fn unflip(heads: &mut [u32], labels: &mut [u16]) {
    let n = heads.len() as u32;
    heads.reverse();
    labels.reverse();
    for h in heads.iter_mut() {
        if *h != 0 {
            *h = n + 1 - *h;
        }
    }
}

/// An averaged perceptron over a hashed table of `rows × stride` weights (exact integers).
struct Perceptron {
    bits: u32,
    stride: usize,
    w: Vec<i32>,
    /// Sum of `c × update`: the average is `w - u / c`.
    u: Vec<i64>,
    c: i64,
}

impl Perceptron {
    fn new(bits: u32, stride: usize) -> Perceptron {
        let len = (1usize << bits) * stride;
        Perceptron {
            bits,
            stride,
            w: vec![0; len],
            u: vec![0; len],
            c: 1,
        }
    }

    fn score(&self, f: &[u64], out: &mut [i64]) {
        out.fill(0);
        for &h in f {
            let r = row(h, self.bits) * self.stride;
            for (o, &w) in out.iter_mut().zip(&self.w[r..r + self.stride]) {
                *o += w as i64;
            }
        }
    }

    fn update(&mut self, f: &[u64], class: usize, delta: i32) {
        for &h in f {
            let i = row(h, self.bits) * self.stride + class;
            self.w[i] += delta;
            self.u[i] += self.c * delta as i64;
        }
    }

    /// The averaged weights (`w - u / c`).
    fn averaged(&self) -> Vec<f64> {
        let c = self.c as f64;
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| w as f64 - u as f64 / c)
            .collect()
    }
}

/// Weights quantized to `i8` with one scale for the whole table (measured on Sequoia dev:
/// the same LAS as `i16`, at half the memory traffic).
fn quantize(avg: &[f64]) -> Vec<i8> {
    let max = avg.iter().fold(0f64, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { 127.0 / max } else { 1.0 };
    avg.iter()
        .map(|&x| (x * scale).round().clamp(-127.0, 127.0) as i8)
        .collect()
}

/// The sum of the averaged weights of several perceptrons of the same shape.
fn summed(ps: &[&Perceptron]) -> Vec<f64> {
    let mut sum = ps.first().map_or(Vec::new(), |p| p.averaged());
    for p in ps.iter().skip(1) {
        for (s, x) in sum.iter_mut().zip(p.averaged()) {
            *s += x;
        }
    }
    sum
}

/// A training sentence ready for the oracle: hashed words, projective gold heads (root = n).
struct Prepared {
    toks: Vec<Tok>,
    gold_head: Vec<u32>,
    gold_label: Vec<u16>,
    /// The gold tree before projectivization (punctuation is learned on it).
    orig_head: Vec<u32>,
}

/// Per-epoch buffers of the trainer.
struct Scratches {
    tf: [u64; NT],
    lf: [u64; NL],
    lsc: Vec<i64>,
    beam: TrainBeam,
}

/// A hypothesis of the training beam: its cost so far (wrong arcs it has made unreachable)
/// and the last node of its path.
#[derive(Debug, Clone, Default)]
struct TrainHyp {
    hyp: Hyp,
    cost: u32,
    node: u32,
}

/// Buffers of [`Trainer::beam_sentence`]. A path is a chain of nodes (parent node, action,
/// index of the transition's features in `feats` or `u32::MAX` for a forced move).
#[derive(Debug, Default)]
struct TrainBeam {
    beam: Vec<TrainHyp>,
    next: Vec<TrainHyp>,
    cands: Vec<Cand>,
    nodes: Vec<(u32, u8, u32)>,
    feats: Vec<[u64; NT]>,
    hcost: Vec<[u32; N_ACT]>,
    gold: TrainHyp,
}

/// Trainers that cannot be mixed: built from different sentences or options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MixError;

impl std::fmt::Display for MixError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("parsers trained on different data or options cannot be mixed")
    }
}

impl std::error::Error for MixError {}

/// Runs training epoch by epoch; [`train`] is the usual entry point, this is for tools that
/// want to evaluate between epochs (model selection on a dev set).
pub struct Trainer {
    punct: Option<Perceptron>,
    leafy: Vec<bool>,
    data: Vec<Prepared>,
    vocab: Vocab,
    labels: Vec<String>,
    root: u16,
    cands: Vec<Vec<u16>>,
    trans: Perceptron,
    lab: Perceptron,
    rng: u64,
    epoch: usize,
    opts: TrainOptions,
}

fn splitmix(x: &mut u64) -> u64 {
    *x = x.wrapping_add(K0);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform draw in [0, 1).
fn coin(rng: &mut u64) -> f64 {
    (splitmix(rng) >> 11) as f64 / (1u64 << 53) as f64
}

/// Gold heads with root = `n`, or `None` when they do not form a single-rooted tree.
fn tree_heads(heads: &[u32]) -> Option<Vec<u32>> {
    let n = heads.len();
    let g: Vec<u32> = heads
        .iter()
        .map(|&h| if h == 0 { n as u32 } else { h - 1 })
        .collect();
    if g.iter().any(|&h| h as usize > n) || g.iter().filter(|&&h| h as usize == n).count() != 1 {
        return None;
    }
    // Acyclic: every word reaches the root within n steps.
    for i in 0..n {
        let mut k = i;
        let mut steps = 0;
        while k != n {
            k = g[k] as usize;
            steps += 1;
            if steps > n || k == i {
                return None;
            }
        }
    }
    Some(g)
}

/// Whether `a` dominates `k` (is `k` or an ancestor of it) in tree `g` (root = n).
fn dominates(g: &[u32], a: usize, mut k: usize) -> bool {
    let n = g.len();
    loop {
        if k == a {
            return true;
        }
        if k == n {
            return false;
        }
        k = g[k] as usize;
    }
}

/// Lifts non-projective arcs (shortest first) until the tree is projective.
fn projectivize(g: &mut [u32]) {
    let n = g.len();
    loop {
        let mut worst: Option<(usize, usize)> = None; // (span, dependent)
        for d in 0..n {
            let h = g[d] as usize;
            if h == n {
                continue;
            }
            let (lo, hi) = (d.min(h), d.max(h));
            if (lo + 1..hi).any(|k| !dominates(g, h, k)) && worst.is_none_or(|(s, _)| hi - lo < s) {
                worst = Some((hi - lo, d));
            }
        }
        match worst {
            Some((_, d)) => g[d] = g[g[d] as usize],
            None => return,
        }
    }
}

impl Trainer {
    pub fn new(sents: &[TrainSentence], opts: &TrainOptions) -> Trainer {
        let mut labels: Vec<String> = sents
            .iter()
            .flat_map(|s| s.deprels.iter().cloned())
            .chain(std::iter::once("root".to_string()))
            .collect();
        labels.sort();
        labels.dedup();
        let root = labels.iter().position(|l| l == "root").unwrap_or(0) as u16;
        let vocab = build_vocab(sents, opts.min_word_count);
        let mut data = Vec::new();
        let flipped: Vec<TrainSentence>;
        let sents = if opts.reversed {
            flipped = sents.iter().map(reversed).collect();
            &flipped[..]
        } else {
            sents
        };
        for s in sents {
            let n = s.forms.len();
            if n == 0 || s.heads.len() != n || s.deprels.len() != n {
                continue;
            }
            let Some(mut g) = tree_heads(&s.heads) else {
                continue;
            };
            let orig_head = g.clone();
            projectivize(&mut g);
            let gold_label = s
                .deprels
                .iter()
                .map(|d| labels.binary_search(d).unwrap_or(root as usize) as u16)
                .collect();
            data.push(Prepared {
                toks: toks_of_train(&vocab, opts.clusters, s),
                gold_head: g,
                gold_label,
                orig_head,
            });
        }
        let mut cands = label_candidates(&data, labels.len(), root);
        punct_only_for_punctuation(&mut cands, &labels, root);
        let punct = (opts.punct_bits > 0).then(|| Perceptron::new(opts.punct_bits.clamp(8, 24), 1));
        let stride = labels.len().max(1).next_multiple_of(64);
        Trainer {
            punct,
            leafy: leafy_labels(&labels),
            data,
            vocab,
            cands,
            trans: Perceptron::new(opts.trans_bits.clamp(8, 26), N_ACT),
            lab: Perceptron::new(opts.label_bits.clamp(6, 24), stride),
            labels,
            root,
            rng: opts.seed ^ 0x5851_F42D_4C95_7F2D,
            epoch: 0,
            opts: opts.clone(),
        }
    }

    /// One pass over the data in a seeded random order; returns the fraction of transitions
    /// the model predicted right (zero cost).
    pub fn epoch(&mut self) -> f64 {
        let mut order: Vec<usize> = (0..self.data.len()).collect();
        for k in (1..order.len()).rev() {
            let j = (splitmix(&mut self.rng) % (k as u64 + 1)) as usize;
            order.swap(k, j);
        }
        let explore = self.epoch >= self.opts.explore_from;
        let beam = self.opts.beam > 1 && self.epoch >= self.opts.beam_from;
        let mut st = State::default();
        let (mut good, mut total) = (0usize, 0usize);
        let mut sc = Scratches {
            tf: [0u64; NT],
            lf: [0u64; NL],
            lsc: vec![0i64; self.lab.stride],
            beam: TrainBeam::default(),
        };
        let mut ps = (PunctScratch::default(), Vec::new(), self.leafy.clone());
        // Taken out for the epoch so that the weights can be updated while a sentence is read.
        let data = std::mem::take(&mut self.data);
        for &si in &order {
            let sent = &data[si];
            if beam {
                // The beam trains the transitions; a greedy pass that leaves them alone
                // trains the labeller and the punctuation on the parser's own trees.
                good += self.beam_sentence(sent, &mut sc) as usize;
                total += 1;
                self.greedy_sentence(sent, &mut st, explore, false, &mut sc);
            } else {
                let (g, t) = self.greedy_sentence(sent, &mut st, explore, true, &mut sc);
                good += g;
                total += t;
            }
            self.learn_punct(&mut st, sent, &mut ps);
        }
        self.data = data;
        self.epoch += 1;
        if total == 0 {
            0.0
        } else {
            good as f64 / total as f64
        }
    }

    /// One greedy parse of a training sentence, following the dynamic oracle (or, when
    /// exploring, the model's own mistakes). With `learn_trans`, transitions are learned;
    /// labels always are. Returns (transitions predicted right, transitions scored).
    fn greedy_sentence(
        &mut self,
        sent: &Prepared,
        st: &mut State,
        explore: bool,
        learn_trans: bool,
        sc: &mut Scratches,
    ) -> (usize, usize) {
        let g = &sent.gold_head;
        let n = g.len();
        st.reset(n);
        let (mut good, mut total) = (0usize, 0usize);
        while !st.terminal() {
            let legal = st.legal();
            if let Some(a) = forced(&legal) {
                if let Some(d) = st.apply(a) {
                    let lab = self.train_label(st, sent, d as usize, explore, sc);
                    st.set_label(d, lab);
                }
                continue;
            }
            trans_features(st, &sent.toks, &mut sc.tf, self.opts.clusters.is_some());
            mask_off(&mut sc.tf, self.opts.trans_off);
            let mut s = [0i64; N_ACT];
            self.trans
                .score(&sc.tf[..n_trans(self.opts.clusters)], &mut s);
            let pred = best_legal(&s, &legal);
            let cost = costs(st, g, &legal);
            let mut gold = None::<usize>;
            for a in 0..N_ACT {
                if legal[a] && cost[a] == 0 && gold.is_none_or(|b| s[a] > s[b]) {
                    gold = Some(a);
                }
            }
            // Arc-eager's oracle always has a zero-cost move; follow the prediction if not.
            let gold = gold.unwrap_or(pred);
            total += 1;
            if cost[pred] == 0 {
                good += 1;
            } else if learn_trans {
                self.trans
                    .update(&sc.tf[..n_trans(self.opts.clusters)], gold, 1);
                self.trans
                    .update(&sc.tf[..n_trans(self.opts.clusters)], pred, -1);
            }
            if learn_trans {
                self.trans.c += 1;
            }
            let follow =
                if cost[pred] == 0 || (explore && coin(&mut self.rng) < self.opts.explore_p) {
                    pred
                } else {
                    gold
                };
            if let Some(d) = st.apply(follow) {
                let lab = self.train_label(st, sent, d as usize, explore, sc);
                st.set_label(d, lab);
            }
        }
        (good, total)
    }

    /// Global training of the transitions on one sentence (Huang, Fayong & Guo 2012): the
    /// beam runs to the end beside the best zero-cost path (the dynamic oracle's, picked by
    /// the model's scores), and the update is made where the beam's best, wrong hypothesis
    /// leads the correct path by the most (max violation): the correct path's features up to
    /// there are rewarded, the wrong one's penalised. Returns whether the beam's final best
    /// parse is correct.
    fn beam_sentence(&mut self, sent: &Prepared, sc: &mut Scratches) -> bool {
        const NONE: u32 = u32::MAX;
        let g = &sent.gold_head;
        let n = g.len();
        let k = self.opts.beam;
        let TrainBeam {
            beam,
            next,
            cands,
            nodes,
            feats,
            hcost,
            gold,
        } = &mut sc.beam;
        nodes.clear();
        feats.clear();
        if beam.is_empty() {
            beam.push(TrainHyp::default());
        }
        for h in [&mut beam[0], &mut *gold] {
            h.hyp.st.reset(n);
            h.hyp.score = 0;
            h.cost = 0;
            h.node = NONE;
        }
        let mut live = 1;
        let mut worst: Option<(i64, u32, u32)> = None;
        let mut steps = 0i64;
        while !beam[0].hyp.st.terminal() {
            steps += 1;
            cands.clear();
            hcost.clear();
            for (hi, h) in beam[..live].iter().enumerate() {
                let legal = h.hyp.st.legal();
                let cost = costs(&h.hyp.st, g, &legal);
                hcost.push(cost);
                if let Some(a) = forced(&legal) {
                    cands.push((h.hyp.score, hi as u32, a as u8, NONE));
                    continue;
                }
                trans_features(
                    &h.hyp.st,
                    &sent.toks,
                    &mut sc.tf,
                    self.opts.clusters.is_some(),
                );
                mask_off(&mut sc.tf, self.opts.trans_off);
                let mut s = [0i64; N_ACT];
                self.trans
                    .score(&sc.tf[..n_trans(self.opts.clusters)], &mut s);
                let fi = feats.len() as u32;
                feats.push(sc.tf);
                for a in 0..N_ACT {
                    if legal[a] {
                        cands.push((h.hyp.score + s[a], hi as u32, a as u8, fi));
                    }
                }
            }
            let keep = keep_best(cands, k);
            while next.len() < keep {
                next.push(TrainHyp::default());
            }
            for (j, &(score, hi, a, fi)) in cands[..keep].iter().enumerate() {
                let parent = &beam[hi as usize];
                let nh = &mut next[j];
                nh.hyp.st.copy_from(&parent.hyp.st);
                nh.hyp.score = score;
                nh.cost = parent.cost + hcost[hi as usize][a as usize];
                nh.node = nodes.len() as u32;
                nodes.push((parent.node, a, fi));
                if let Some(d) = nh.hyp.st.apply(a as usize) {
                    let h = nh.hyp.st.head[d as usize];
                    let lab = if h as usize == n {
                        self.root
                    } else {
                        let (lf, lsc) = (&mut sc.lf, &mut sc.lsc);
                        self.guess_label(&nh.hyp.st, &sent.toks, d as usize, h as usize, (lf, lsc))
                    };
                    nh.hyp.st.set_label(d, lab);
                }
            }
            live = keep;
            std::mem::swap(beam, next);
            // The correct path advances by its best zero-cost transition, with gold labels.
            let legal = gold.hyp.st.legal();
            let (a, fi, add) = match forced(&legal) {
                Some(a) => (a, NONE, 0),
                None => {
                    trans_features(
                        &gold.hyp.st,
                        &sent.toks,
                        &mut sc.tf,
                        self.opts.clusters.is_some(),
                    );
                    mask_off(&mut sc.tf, self.opts.trans_off);
                    let mut s = [0i64; N_ACT];
                    self.trans
                        .score(&sc.tf[..n_trans(self.opts.clusters)], &mut s);
                    let cost = costs(&gold.hyp.st, g, &legal);
                    let mut best = None::<usize>;
                    for a in 0..N_ACT {
                        if legal[a] && cost[a] == 0 && best.is_none_or(|b| s[a] > s[b]) {
                            best = Some(a);
                        }
                    }
                    let a = best.unwrap_or_else(|| best_legal(&s, &legal));
                    feats.push(sc.tf);
                    (a, feats.len() as u32 - 1, s[a])
                }
            };
            gold.hyp.score += add;
            nodes.push((gold.node, a as u8, fi));
            gold.node = nodes.len() as u32 - 1;
            if let Some(d) = gold.hyp.st.apply(a) {
                let lab = if g[d as usize] as usize == n {
                    self.root
                } else {
                    sent.gold_label[d as usize]
                };
                gold.hyp.st.set_label(d, lab);
            }
            let top = &beam[0];
            if top.cost > 0 {
                let v = top.hyp.score - gold.hyp.score;
                if v >= 0 && worst.is_none_or(|w| v >= w.0) {
                    worst = Some((v, top.node, gold.node));
                }
            }
        }
        if let Some((_, wrong, right)) = worst {
            for (start, delta) in [(right, 1), (wrong, -1)] {
                let mut x = start;
                while x != NONE {
                    let (parent, a, fi) = nodes[x as usize];
                    if fi != NONE {
                        self.trans.update(
                            &feats[fi as usize][..n_trans(self.opts.clusters)],
                            a as usize,
                            delta,
                        );
                    }
                    x = parent;
                }
            }
        }
        // Averaging counts transitions, as the greedy epochs do.
        self.trans.c += steps;
        beam[0].cost == 0
    }

    /// Learns to re-attach the punctuation of a finished parse (the parser's own tree, with
    /// its mistakes, as at run time), against the gold heads.
    fn learn_punct(
        &mut self,
        st: &mut State,
        sent: &Prepared,
        scratch: &mut (PunctScratch, Vec<u32>, Vec<bool>),
    ) {
        let Some(p) = self.punct.as_mut() else {
            return;
        };
        let (ps, old, leafy) = scratch;
        let n = st.n as usize;
        let head = &mut st.head[..n];
        if ps.detach(head, &sent.toks, old) == 0 {
            return;
        }
        let mut f = [0u64; NPU];
        let mut sc = [0i64; 1];
        // `i` indexes `ps.detached`, `old` and the `head` being rewritten in the loop.
        #[allow(clippy::needless_range_loop)]
        for i in 0..n {
            if !ps.detached[i] {
                continue;
            }
            ps.candidates(head, &st.label, leafy, &sent.toks, i);
            let gold = sent.orig_head[i];
            let mut best: Option<(i64, u32, u8, u8)> = None;
            let mut gold_rank = None;
            for &(j, rank, rev) in &ps.cands {
                punct_features(
                    ps,
                    head,
                    &st.label,
                    &sent.toks,
                    i,
                    (j as usize, rank, rev),
                    old[i],
                    &mut f,
                );
                p.score(&f, &mut sc);
                if best.is_none_or(|b| sc[0] > b.0) {
                    best = Some((sc[0], j, rank, rev));
                }
                if j == gold {
                    gold_rank = Some((rank, rev));
                }
            }
            // A gold head that the parser's tree makes unreachable teaches nothing.
            if let (Some((_, j, rank, rev)), Some((gr, gv))) = (best, gold_rank)
                && j != gold
            {
                punct_features(
                    ps,
                    head,
                    &st.label,
                    &sent.toks,
                    i,
                    (gold as usize, gr, gv),
                    old[i],
                    &mut f,
                );
                p.update(&f, 0, 1);
                punct_features(
                    ps,
                    head,
                    &st.label,
                    &sent.toks,
                    i,
                    (j as usize, rank, rev),
                    old[i],
                    &mut f,
                );
                p.update(&f, 0, -1);
            }
            p.c += 1;
            let to = if gold_rank.is_some() {
                gold
            } else {
                best.map_or(old[i], |b| b.1)
            };
            ps.attach(head, i, to);
        }
    }

    /// The labeller's current guess for `d` (just popped, head `h` known), without learning.
    fn guess_label(
        &self,
        st: &State,
        toks: &[Tok],
        d: usize,
        h: usize,
        (lf, lsc): (&mut [u64; NL], &mut [i64]),
    ) -> u16 {
        let cands = &self.cands[label_key(toks, d, h)];
        match cands.as_slice() {
            [only] => *only,
            _ => {
                label_features(st, toks, d, h, lf);
                mask_off(lf, self.opts.label_off as u128);
                self.lab.score(lf, lsc);
                best_label(lsc, cands, self.labels.len(), self.root)
            }
        }
    }

    /// Predicts the label of `d` (just popped, head known), learns from the gold label, and
    /// returns the label the parse continues with: the prediction when exploring, else gold.
    fn train_label(
        &mut self,
        st: &State,
        sent: &Prepared,
        d: usize,
        explore: bool,
        sc: &mut Scratches,
    ) -> u16 {
        let h = st.head[d] as usize;
        if h == sent.gold_head.len() {
            return self.root;
        }
        let p = self.guess_label(st, &sent.toks, d, h, (&mut sc.lf, &mut sc.lsc));
        let single = self.cands[label_key(&sent.toks, d, h)].len() == 1;
        let gl = sent.gold_label[d];
        if !single && gl != self.root && gl != p {
            self.lab.update(&sc.lf, gl as usize, 1);
            self.lab.update(&sc.lf, p as usize, -1);
        }
        self.lab.c += 1;
        if explore || gl == self.root { p } else { gl }
    }

    /// The averaged, quantized model as of now.
    pub fn model(&self) -> ParserModel {
        self.mixed_with(&[])
            .unwrap_or_else(|_| unreachable!("a trainer is its own shape"))
    }

    /// One model whose scores are the sums of the scores of this trainer's model and of
    /// `others`' (an ensemble of linear models is the linear model of their summed weights,
    /// so it costs nothing at parse time). The trainers must have been built from the same
    /// sentences and options but the seed; each sees the data in its own order and explores
    /// its own mistakes, and the sum averages out part of that variance.
    pub fn mixed_with(&self, others: &[&Trainer]) -> Result<ParserModel, MixError> {
        for o in others {
            if o.labels != self.labels
                || o.cands != self.cands
                || o.vocab.keys != self.vocab.keys
                || o.trans.bits != self.trans.bits
                || o.lab.bits != self.lab.bits
                || o.lab.stride != self.lab.stride
                || o.punct.as_ref().map(|p| p.bits) != self.punct.as_ref().map(|p| p.bits)
                || o.opts.beam != self.opts.beam
                || o.opts.trans_off != self.opts.trans_off
                || o.opts.label_off != self.opts.label_off
                || o.opts.clusters.is_some() != self.opts.clusters.is_some()
                || o.opts.reversed != self.opts.reversed
            {
                return Err(MixError);
            }
        }
        let all = |f: fn(&Trainer) -> &Perceptron| -> Vec<&Perceptron> {
            std::iter::once(self)
                .chain(others.iter().copied())
                .map(f)
                .collect()
        };
        let t = quantize(&summed(&all(|t| &t.trans)));
        let lab = quantize(&summed(&all(|t| &t.lab)));
        let punct = match &self.punct {
            Some(p) => {
                let ps: Vec<&Perceptron> = std::iter::once(p)
                    .chain(others.iter().filter_map(|o| o.punct.as_ref()))
                    .collect();
                quantize(&summed(&ps))
            }
            None => Vec::new(),
        };
        Ok(ParserModel {
            labels: self.labels.clone(),
            root: self.root,
            trans_bits: self.trans.bits,
            trans: t
                .chunks_exact(N_ACT)
                .map(|c| [c[0], c[1], c[2], c[3]])
                .collect(),
            lab_bits: self.lab.bits,
            lab_lines: self.lab.stride / 64,
            lab: lines_of(&lab),
            cands: self.cands.clone(),
            trans_off: self.opts.trans_off,
            label_off: self.opts.label_off,
            vocab: self.vocab.clone(),
            punct_bits: self.punct.as_ref().map_or(0, |p| p.bits),
            punct,
            leafy: leafy_labels(&self.labels),
            coord: coordinated_labels(&self.labels),
            cc: label_id(&self.labels, "cc"),
            beam: self.opts.beam.clamp(1, 256) as u16,
            clusters: self.opts.clusters,
            reversed: self.opts.reversed,
        })
    }
}

fn build_vocab(sents: &[TrainSentence], min_count: u32) -> Vocab {
    if min_count <= 1 {
        return Vocab::default();
    }
    let mut counts: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    for s in sents {
        for w in s.forms.iter().chain(&s.lemmas) {
            *counts.entry(hash_lower(w)).or_default() += 1;
        }
    }
    let mut keys: Vec<u64> = counts
        .into_iter()
        .filter(|&(_, c)| c >= min_count)
        .map(|(k, _)| k)
        .collect();
    keys.sort_unstable();
    Vocab { keys }
}

/// Label candidates per (dependent UPOS, head UPOS, direction), from the gold trees: the
/// labels seen at least once for a key seen at least `MIN_KEY` times, else any label.
fn label_candidates(data: &[Prepared], n_labels: usize, root: u16) -> Vec<Vec<u16>> {
    const MIN_KEY: u32 = 5;
    let mut counts = vec![vec![0u32; n_labels]; N_KEYS];
    for s in data {
        let n = s.gold_head.len();
        for d in 0..n {
            let h = s.gold_head[d] as usize;
            if h < n && s.gold_label[d] != root {
                counts[label_key(&s.toks, d, h)][s.gold_label[d] as usize] += 1;
            }
        }
    }
    counts
        .iter()
        .map(|c| {
            if c.iter().sum::<u32>() < MIN_KEY {
                return Vec::new();
            }
            (0..n_labels as u16)
                .filter(|&l| c[l as usize] > 0)
                .collect()
        })
        .collect()
}

/// UD's rule for `punct`: it is the relation of PUNCT words (SYM ones too, in some treebanks)
/// and of nothing else. Training trees break it now and then (EWT has a proper noun or two
/// labelled `punct`), and one such arc is enough to make `punct` a candidate for a whole
/// (dependent, head) tag pair: "Defence Secretary Tom King" came out with "Secretary" as a
/// punctuation mark of "Tom", which hid it from every later reader of the noun phrase. So the
/// label is removed from the candidates of every other dependent tag.
fn punct_only_for_punctuation(cands: &mut [Vec<u16>], labels: &[String], root: u16) {
    let Some(punct) = labels.iter().position(|l| l == "punct") else {
        return;
    };
    let punct = punct as u16;
    for (key, c) in cands.iter_mut().enumerate() {
        let dep = key / 2 / N_UPOS;
        if dep == Upos::Punct.index() || dep == Upos::Sym.index() || dep >= P_ROOT as usize {
            continue;
        }
        if c.is_empty() {
            // "Any label": spell it out without punct (and without the root's, as any does).
            *c = (0..labels.len() as u16)
                .filter(|&l| l != punct && l != root)
                .collect();
        } else if c.len() > 1 {
            c.retain(|&l| l != punct);
        }
    }
}

/// Cost (gold arcs made unreachable) of each legal transition, Goldberg & Nivre's arc-eager
/// dynamic oracle over the projectivized gold tree `g` (root = n).
fn costs(st: &State, g: &[u32], legal: &[bool; N_ACT]) -> [u32; N_ACT] {
    let n = g.len() as u32;
    let nil = st.nil;
    let b = st.b;
    let mut c = [u32::MAX; N_ACT];
    if b >= n {
        // End phase: s0's head is the root (LEFT-ARC), s1 (RIGHT-ARC) or already set (REDUCE).
        let s0 = st.s(0);
        let gs = g.get(s0 as usize).copied().unwrap_or(n);
        c[RE] = 0;
        c[LA] = (gs != n) as u32;
        c[RA] = (gs != st.s(1)) as u32;
        return c;
    }
    let unattached = |k: u32| st.head[k as usize] == nil;
    let in_stack = |k: u32| st.stack.contains(&k);
    if legal[SH] {
        // b's head or headless dependents in the stack can no longer be linked to b.
        let gb = g[b as usize];
        c[SH] = st
            .stack
            .iter()
            .map(|&k| (gb == k) as u32 + (g[k as usize] == b && unattached(k)) as u32)
            .sum();
    }
    if legal[RA] {
        let s0 = st.s(0);
        let gb = g[b as usize];
        let head_lost = gb != s0 && (gb > b || in_stack(gb));
        let deps: u32 = st
            .stack
            .iter()
            .map(|&k| (g[k as usize] == b && unattached(k)) as u32)
            .sum();
        c[RA] = head_lost as u32 + deps;
    }
    if legal[LA] || legal[RE] {
        let s0 = st.s(0);
        let deps: u32 = (b..n).map(|k| (g[k as usize] == s0) as u32).sum();
        if legal[RE] {
            c[RE] = deps;
        }
        if legal[LA] {
            let gs = g[s0 as usize];
            c[LA] = deps + (gs != b && gs > b) as u32;
        }
    }
    c
}

/// Trains a parser for `opts.epochs` epochs; `progress(epoch, transition accuracy)` after each.
/// Sentences whose heads are not a single-rooted tree are skipped.
pub fn train(
    sents: &[TrainSentence],
    opts: &TrainOptions,
    progress: &mut dyn FnMut(usize, f64),
) -> ParserModel {
    let mut t = Trainer::new(sents, opts);
    for e in 0..opts.epochs {
        let acc = t.epoch();
        progress(e, acc);
    }
    t.model()
}

/// Attachment scores over all words (punctuation included, as CoNLL 2018 does).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AttachmentScores {
    pub words: usize,
    /// Unlabelled attachment score (percent).
    pub uas: f64,
    /// Labelled attachment score with full labels ("obl:arg" ≠ "obl:mod").
    pub las: f64,
    /// LAS on the universal part of labels only, as the CoNLL 2018 evaluation counts it.
    pub las_universal: f64,
}

/// Parses `sents` with their own (gold or predicted) tags and scores against their trees.
pub fn evaluate(model: &ParserModel, sents: &[TrainSentence]) -> AttachmentScores {
    let (mut words, mut u, mut l, mut lu) = (0usize, 0usize, 0usize, 0usize);
    let mut heads = Vec::new();
    let mut labels = Vec::new();
    let universal = |s: &str| s.split(':').next().unwrap_or("").to_string();
    for s in sents {
        let forms: Vec<&str> = s.forms.iter().map(|x| x.as_str()).collect();
        let lemmas: Vec<&str> = s.lemmas.iter().map(|x| x.as_str()).collect();
        let input = ParseInput {
            forms: &forms,
            lemmas: &lemmas,
            upos: &s.upos,
            feats: &s.feats,
        };
        model.parse(&input, &mut heads, &mut labels);
        for i in 0..s.forms.len().min(s.heads.len()).min(s.deprels.len()) {
            words += 1;
            if heads[i] == s.heads[i] {
                u += 1;
                let pl = model.label(labels[i]);
                if pl == s.deprels[i] {
                    l += 1;
                }
                if universal(pl) == universal(&s.deprels[i]) {
                    lu += 1;
                }
            }
        }
    }
    let pct = |x: usize| {
        if words == 0 {
            0.0
        } else {
            100.0 * x as f64 / words as f64
        }
    };
    AttachmentScores {
        words,
        uas: pct(u),
        las: pct(l),
        las_universal: pct(lu),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A toy treebank: "DET NOUN VERB DET NOUN (ADP DET NOUN) PUNCT" with varying words.
    fn toy() -> Vec<TrainSentence> {
        let nouns = ["chat", "chien", "homme", "femme", "ministre", "pays"];
        let verbs = ["voit", "aime", "mange", "appelle"];
        let mut out = Vec::new();
        let mut k = 0usize;
        for (i, n1) in nouns.iter().enumerate() {
            for (j, v) in verbs.iter().enumerate() {
                let n2 = nouns[(i + j + 1) % nouns.len()];
                let with_pp = (i + j) % 2 == 0;
                let mut words: Vec<(&str, Upos, u32, &str)> = vec![
                    ("le", Upos::Det, 2, "det"),
                    (n1, Upos::Noun, 3, "nsubj"),
                    (v, Upos::Verb, 0, "root"),
                    ("la", Upos::Det, 5, "det"),
                    (n2, Upos::Noun, 3, "obj"),
                ];
                if with_pp {
                    words.push(("de", Upos::Adp, 8, "case"));
                    words.push(("le", Upos::Det, 8, "det"));
                    words.push((nouns[k % nouns.len()], Upos::Noun, 5, "nmod"));
                }
                words.push((".", Upos::Punct, 3, "punct"));
                k += 1;
                out.push(TrainSentence {
                    forms: words.iter().map(|w| w.0.to_string()).collect(),
                    lemmas: words.iter().map(|w| w.0.to_string()).collect(),
                    upos: words.iter().map(|w| w.1).collect(),
                    feats: vec![Feats::NONE; words.len()],
                    heads: words.iter().map(|w| w.2).collect(),
                    deprels: words.iter().map(|w| w.3.to_string()).collect(),
                });
            }
        }
        out
    }

    fn small_opts() -> TrainOptions {
        TrainOptions {
            epochs: 8,
            trans_bits: 14,
            label_bits: 10,
            ..TrainOptions::default()
        }
    }

    #[test]
    fn learns_a_toy_treebank() {
        let data = toy();
        let mut seen = Vec::new();
        let model = train(&data, &small_opts(), &mut |e, acc| seen.push((e, acc)));
        assert_eq!(seen.len(), 8);
        let s = evaluate(&model, &data);
        assert_eq!(s.uas, 100.0, "{s:?}");
        assert_eq!(s.las, 100.0, "{s:?}");
    }

    #[test]
    fn model_bytes_round_trip_and_training_is_reproducible() {
        let data = toy();
        let m = train(&data, &small_opts(), &mut |_, _| {});
        let b = m.to_bytes();
        let back = ParserModel::from_bytes(&b).unwrap();
        assert_eq!(back, m);
        let again = train(&data, &small_opts(), &mut |_, _| {});
        assert_eq!(again.to_bytes(), b);
    }

    #[test]
    fn mixed_parsers_sum_their_weights() {
        let data = toy();
        let trainer = |seed: u64| {
            let o = TrainOptions {
                seed,
                ..small_opts()
            };
            let mut t = Trainer::new(&data, &o);
            for _ in 0..o.epochs {
                t.epoch();
            }
            t
        };
        let (a, b) = (trainer(1), trainer(2));
        // Twice the same weights quantize to the same table: the mix of one is itself.
        assert_eq!(a.mixed_with(&[&a]).unwrap(), a.model());
        let m = a.mixed_with(&[&b]).unwrap();
        assert_ne!(m, a.model());
        assert_ne!(m, b.model());
        // Exact sums, before quantization.
        let sum: Vec<f64> = a
            .trans
            .averaged()
            .iter()
            .zip(b.trans.averaged())
            .map(|(x, y)| x + y)
            .collect();
        let want: Vec<[i8; 4]> = quantize(&sum)
            .chunks_exact(N_ACT)
            .map(|c| [c[0], c[1], c[2], c[3]])
            .collect();
        assert_eq!(m.trans, want);
        let s = evaluate(&m, &data);
        assert_eq!(s.las, 100.0, "{s:?}");
        // A trainer of other sentences has other labels: refused.
        let other = Trainer::new(&data[..1], &small_opts());
        assert_eq!(a.mixed_with(&[&other]), Err(MixError));
    }

    #[test]
    fn a_model_trained_with_clusters_keeps_them_and_needs_them() {
        let data = toy();
        let clusters = crate::clusters::embedded(veille_core::Lang::En);
        assert!(clusters.is_some(), "the English cluster table is shipped");
        let opts = TrainOptions {
            clusters,
            ..small_opts()
        };
        let m = train(&data, &opts, &mut |_, _| {});
        assert_eq!(m.nt(), NT);
        assert_eq!(evaluate(&m, &data).las, 100.0);
        let b = m.to_bytes();
        let back = ParserModel::from_bytes(&b).unwrap();
        assert_eq!(back, m);
        assert_eq!(train(&data, &opts, &mut |_, _| {}).to_bytes(), b);
        // The same treebank without clusters reads only the base templates.
        assert_eq!(train(&data, &small_opts(), &mut |_, _| {}).nt(), NT_BASE);
        // A model naming a table this build does not ship refuses to load.
        let payload = container::read(&b, KIND, FORMAT).unwrap();
        let mut p = payload.to_vec();
        let at = p.len() - 8;
        p[at..].copy_from_slice(&0x1234_5678_u64.to_le_bytes());
        let err = ParserModel::from_bytes(&container::write(KIND, FORMAT, &p).unwrap());
        assert!(matches!(err, Err(ContainerError::Missing(_))), "{err:?}");
    }

    /// Parses `n` made-up words with cycling tags, lemmas and feats deliberately missing (the
    /// tagger may not supply them).
    fn parse_synthetic(m: &ParserModel, n: usize) -> (Vec<u32>, Vec<u16>) {
        let forms: Vec<String> = (0..n).map(|i| format!("w{}", i % 7)).collect();
        let forms: Vec<&str> = forms.iter().map(|s| s.as_str()).collect();
        let upos: Vec<Upos> = (0..n).map(|i| Upos::ALL[i % Upos::ALL.len()]).collect();
        let s = ParseInput {
            forms: &forms,
            lemmas: &[],
            upos: &upos,
            feats: &[],
        };
        let (mut h, mut l) = (Vec::new(), Vec::new());
        m.parse(&s, &mut h, &mut l);
        (h, l)
    }

    #[test]
    fn a_beam_trained_model_learns_parses_and_round_trips() {
        let data = toy();
        let opts = TrainOptions {
            beam: 4,
            beam_from: 1,
            ..small_opts()
        };
        let m = train(&data, &opts, &mut |_, _| {});
        assert_eq!(m.beam, 4);
        let s = evaluate(&m, &data);
        assert_eq!(s.uas, 100.0, "{s:?}");
        assert_eq!(s.las, 100.0, "{s:?}");
        let b = m.to_bytes();
        assert_eq!(ParserModel::from_bytes(&b).unwrap(), m);
        assert_eq!(train(&data, &opts, &mut |_, _| {}).to_bytes(), b);
        // Every input still gets a single-rooted tree, without cycles.
        for n in [1usize, 2, 5, 40] {
            let (h, _) = parse_synthetic(&m, n);
            assert_eq!(h.iter().filter(|&&x| x == 0).count(), 1);
            for i in 0..n {
                let mut k = i + 1;
                for _ in 0..=n {
                    if k == 0 {
                        break;
                    }
                    k = h[k - 1] as usize;
                }
                assert_eq!(k, 0, "word {i} never reaches the root: {h:?}");
            }
        }
    }

    #[test]
    fn the_beam_memos_change_no_parse() {
        let data = toy();
        let opts = TrainOptions {
            beam: 4,
            beam_from: 1,
            ..small_opts()
        };
        let m = train(&data, &opts, &mut |_, _| {});
        // One set of memos across sentences: each sentence must start from empty ones.
        let mut memos = Memos::default();
        let mut sentences: Vec<(Vec<String>, Vec<Upos>)> = data
            .iter()
            .map(|s| (s.forms.clone(), s.upos.clone()))
            .collect();
        // A longer input with repeated words makes hypotheses that share features.
        let pattern = [
            ("le", Upos::Det),
            ("chat", Upos::Noun),
            ("voit", Upos::Verb),
        ];
        sentences.push(
            (0..30)
                .map(|i| (pattern[i % 3].0.to_string(), pattern[i % 3].1))
                .unzip(),
        );
        for (forms, upos) in &sentences {
            let n = forms.len();
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            let input = ParseInput {
                forms: &forms,
                lemmas: &[],
                upos,
                feats: &[],
            };
            let mut toks = Vec::new();
            toks_of_input(&m.vocab, m.clusters, &input, m.reversed, &mut toks);
            let mut lf = [0u64; NL];
            let mut run = |memos: Option<&mut Memos>| {
                let (mut beam, mut next, mut cands) = (Vec::new(), Vec::new(), Vec::new());
                let mut lsc = vec![0i16; 64 * m.lab_lines];
                let live = m.beam_search(
                    &toks,
                    n,
                    (&mut beam, &mut next, &mut cands, memos),
                    &mut lf,
                    &mut lsc,
                );
                beam[..live]
                    .iter()
                    .map(|h| (h.score, h.st.head.clone(), h.st.label.clone()))
                    .collect::<Vec<_>>()
            };
            let plain = run(None);
            assert_eq!(run(Some(&mut memos)), plain, "{forms:?}");
        }
    }

    #[test]
    fn memo_keys_tell_apart_vectors_that_differ_anywhere() {
        // Well-mixed values, as hashed features are.
        let mix = |x: u64| (x ^ 0x5851_F42D_4C95_7F2D).wrapping_mul(K0).rotate_left(29);
        let base: Vec<u64> = (0..NT as u64).map(|i| mix(i + 1)).collect();
        let k = memo_key(&base, 0);
        assert_ne!(k, 0);
        assert_ne!(memo_key(&base, 1), k);
        for i in 0..NT {
            let mut v = base.clone();
            v[i] = mix(1000 + i as u64);
            assert_ne!(memo_key(&v, 0), k, "position {i}");
            // The same values in another order are another vector.
            let mut w = base.clone();
            w.swap(i, (i + 1) % NT);
            assert_ne!(memo_key(&w, 0), k, "swap at {i}");
        }
        let mut m: Memo<u16> = Memo::default();
        assert_eq!(m.get(k), None);
        m.put(k, 7);
        assert_eq!(m.get(k), Some(7));
        m.clear();
        assert_eq!(m.get(k), None);
    }

    #[test]
    fn a_right_to_left_model_parses_in_sentence_order() {
        let data = toy();
        let opts = TrainOptions {
            beam: 4,
            beam_from: 1,
            reversed: true,
            ..small_opts()
        };
        let m = train(&data, &opts, &mut |_, _| {});
        assert!(m.reversed);
        // Trees come back in the order of the words given, not the order read.
        let s = evaluate(&m, &data);
        assert_eq!(s.las, 100.0, "{s:?}");
        let b = m.to_bytes();
        let back = ParserModel::from_bytes(&b).unwrap();
        assert_eq!(back, m);
        // The flag is one trailing byte: a left-to-right model has none.
        let mut l2r = m.clone();
        l2r.reversed = false;
        assert_eq!(l2r.to_bytes().len() + 1, b.len());
        // Reversing twice gives the sentence back.
        assert_eq!(reversed(&reversed(&data[3])), data[3]);
        assert_eq!(reversed(&data[0]).heads, vec![7, 5, 2, 2, 7, 5, 0, 7, 8]);
    }

    #[test]
    fn the_kbest_list_starts_with_the_parse() {
        let data = toy();
        let opts = TrainOptions {
            beam: 4,
            beam_from: 1,
            ..small_opts()
        };
        for reversed in [false, true] {
            let m = train(
                &data,
                &TrainOptions {
                    reversed,
                    ..opts.clone()
                },
                &mut |_, _| {},
            );
            let s = &data[5];
            let forms: Vec<&str> = s.forms.iter().map(|x| x.as_str()).collect();
            let input = ParseInput {
                forms: &forms,
                lemmas: &forms,
                upos: &s.upos,
                feats: &s.feats,
            };
            let (mut h, mut l) = (Vec::new(), Vec::new());
            m.parse(&input, &mut h, &mut l);
            let mut kb = Vec::new();
            m.parse_kbest(&input, &mut kb);
            assert!(!kb.is_empty() && kb.len() <= 4);
            assert_eq!((&kb[0].1, &kb[0].2), (&h, &l));
            assert!(kb.windows(2).all(|w| w[0].0 >= w[1].0), "best first");
            assert_eq!(h, s.heads);
        }
    }

    #[test]
    fn both_directions_combined_parse_the_toy_treebank() {
        use crate::combine::{Member, parse_combined};
        let data = toy();
        let opts = TrainOptions {
            beam: 4,
            beam_from: 1,
            ..small_opts()
        };
        let l2r = train(&data, &opts, &mut |_, _| {});
        let r2l = train(
            &data,
            &TrainOptions {
                reversed: true,
                ..opts
            },
            &mut |_, _| {},
        );
        let members = [
            Member {
                model: &l2r,
                weight: 0.6,
                temperature: 50.0,
            },
            Member {
                model: &r2l,
                weight: 0.4,
                temperature: 50.0,
            },
        ];
        let (mut h, mut l) = (Vec::new(), Vec::new());
        for s in &data {
            let forms: Vec<&str> = s.forms.iter().map(|x| x.as_str()).collect();
            let input = ParseInput {
                forms: &forms,
                lemmas: &forms,
                upos: &s.upos,
                feats: &s.feats,
            };
            parse_combined(&members, &input, &mut h, &mut l);
            assert_eq!(h, s.heads);
            let names: Vec<&str> = l.iter().map(|&x| l2r.label(x)).collect();
            assert_eq!(names, s.deprels);
        }
    }

    #[test]
    fn pruning_drops_small_rows_only() {
        let data = toy();
        let m = train(&data, &small_opts(), &mut |_, _| {});
        assert_eq!(m.clone().pruned(0), m, "pruning at 0 changes nothing");
        let p = m.clone().pruned(100);
        assert!(p.to_bytes().len() < m.to_bytes().len());
        // Surviving rows are untouched, and every dropped row was small.
        for (a, b) in m.trans.iter().zip(&p.trans) {
            assert!(a == b || (*b == [0; N_ACT] && a.iter().all(|x| x.unsigned_abs() <= 100)));
        }
        assert_eq!(ParserModel::from_bytes(&p.to_bytes()).unwrap(), p);
    }

    #[test]
    fn beam_candidates_keep_the_best_in_a_stable_order() {
        let mut c: Vec<Cand> = vec![
            (5, 0, 1, 0),
            (9, 1, 0, 0),
            (5, 0, 0, 0),
            (7, 2, 3, 0),
            (9, 0, 2, 0),
        ];
        assert_eq!(keep_best(&mut c, 3), 3);
        assert_eq!(&c[..3], &[(9, 0, 2, 0), (9, 1, 0, 0), (7, 2, 3, 0)]);
        assert_eq!(keep_best(&mut c, 10), 5);
        assert_eq!(&c[3..], &[(5, 0, 0, 0), (5, 0, 1, 0)]);
    }

    #[test]
    fn punct_is_a_candidate_for_punctuation_only() {
        let labels: Vec<String> = ["root", "punct", "compound", "nsubj"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let key = |dep: Upos, head: Upos| (dep.index() * N_UPOS + head.index()) * 2 + 1;
        let mut cands = vec![Vec::new(); N_KEYS];
        cands[key(Upos::Propn, Upos::Propn)] = vec![1, 2];
        cands[key(Upos::Punct, Upos::Verb)] = vec![1];
        cands[key(Upos::Sym, Upos::Noun)] = vec![1, 2];
        punct_only_for_punctuation(&mut cands, &labels, 0);
        assert_eq!(cands[key(Upos::Propn, Upos::Propn)], [2]);
        assert_eq!(
            cands[key(Upos::Noun, Upos::Verb)],
            [2, 3],
            "any label, less punct and root"
        );
        assert_eq!(cands[key(Upos::Punct, Upos::Verb)], [1]);
        assert_eq!(cands[key(Upos::Sym, Upos::Noun)], [1, 2]);
        assert!(cands[key(Upos::Punct, Upos::Noun)].is_empty());
    }

    #[test]
    fn refuses_another_format_version() {
        let m = train(&toy()[..4], &small_opts(), &mut |_, _| {});
        let b = m.to_bytes();
        let payload = container::read(&b, KIND, FORMAT).unwrap();
        let old = container::write(KIND, FORMAT + 1, payload).unwrap();
        let err = ParserModel::from_bytes(&old).unwrap_err();
        assert!(matches!(err, ContainerError::Version { .. }));
        assert!(err.to_string().contains("retrain"));
        // Truncated or corrupted bytes are errors, never panics.
        for cut in [0, 10, b.len() / 2, b.len() - 1] {
            assert!(ParserModel::from_bytes(&b[..cut]).is_err());
        }
    }

    #[test]
    fn any_input_gets_one_root_and_no_panic() {
        let m = train(&toy(), &small_opts(), &mut |_, _| {});
        let (mut h, mut l) = (Vec::new(), Vec::new());
        let empty = ParseInput {
            forms: &[],
            lemmas: &[],
            upos: &[],
            feats: &[],
        };
        m.parse(&empty, &mut h, &mut l);
        assert!(h.is_empty() && l.is_empty());
        for n in [1usize, 2, 3, 17, 500] {
            let (h, l) = parse_synthetic(&m, n);
            assert_eq!(h.len(), n);
            assert_eq!(l.len(), n);
            assert_eq!(h.iter().filter(|&&x| x == 0).count(), 1);
            assert!(h.iter().all(|&x| x as usize <= n));
            for (i, &x) in h.iter().enumerate() {
                assert_ne!(x as usize, i + 1, "self loop");
            }
            let root = h.iter().position(|&x| x == 0).unwrap();
            assert_eq!(m.label(l[root]), "root");
        }
        assert_eq!(m.label(u16::MAX), "dep");
    }

    #[test]
    fn lifting_makes_trees_projective() {
        // 0→2, 1→3 crossing: "a b c d" with heads (root=4): a←c? build: 0:h2, 1:h3, 2:root, 3:h0
        let mut g = vec![2, 3, 4, 0];
        projectivize(&mut g);
        for d in 0..4 {
            let h = g[d] as usize;
            if h == 4 {
                continue;
            }
            let (lo, hi) = (d.min(h), d.max(h));
            assert!((lo + 1..hi).all(|k| dominates(&g, h, k)), "{g:?}");
        }
    }
}
