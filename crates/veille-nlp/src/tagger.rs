//! Part-of-speech tagger, morphological features and lemmatizer, trained on UD treebanks.
//!
//! Three small models, run in order over each sentence's syntactic words:
//! 1. **UPOS**: a greedy left-to-right averaged perceptron over hashed features (word forms
//!    around the word, suffixes, prefixes, shape, the two previous tags).
//! 2. **Features**: one perceptron with a head per feature (Gender, Mood, Number, Person,
//!    Polarity, Tense, VerbForm); each head picks a value or "absent", and a head only speaks
//!    for the parts of speech it was seen with in training.
//! 3. **Lemmas**: the training lexicon for words it saw (by lowercased form and UPOS); for
//!    other words, the suffix-rewrite rule seen most often for the longest matching suffix with
//!    that UPOS ("-aient" VERB → "-er"), which covers the regular morphology of both languages.
//!
//! Weights live in fixed hashed tables (no feature dictionary to store or search), quantized
//! to `i16` after training and narrowed to 32-byte rows in memory (`UposTable`,
//! `FeatTable`): the tables are read at random, so row width is what tagging costs. File
//! format (inside [`veille_core::container`], kind `tagger`, format 1): see
//! [`Tagger::to_bytes`].

use crate::clusters::{self, Clusters};
use crate::hash::{Hasher, mix};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Keys that are already good 64-bit hashes need no rehashing.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

pub(crate) fn lower_hash(s: &str) -> u64 {
    let mut h = Hasher::new(0);
    h.lower(s);
    h.0
}
use std::sync::OnceLock;
use veille_core::container::{self, ContainerError};
use veille_core::{Analysis, Doc, Feats, Lang, Upos};

pub const KIND: &str = "tagger";
pub const FORMAT: u32 = 4;

const UPOS_BITS: u32 = 18;
const N_UPOS: usize = 17;
const FEAT_BITS: u32 = 17;

/// The feature heads, in `Feats` field order, with their number of values (0 = absent).
const HEADS: &[(&str, usize)] = &[
    ("Gender", 3),
    ("Mood", 4),
    ("Number", 2),
    ("Person", 3),
    ("Polarity", 2),
    ("Tense", 5),
    ("VerbForm", 4),
];
/// Columns of the feature table: one per value plus "absent", per head.
const FEAT_COLS: usize = 3 + 1 + 4 + 1 + 2 + 1 + 3 + 1 + 2 + 1 + 5 + 1 + 4 + 1;

fn head_offset(h: usize) -> usize {
    HEADS[..h].iter().map(|(_, n)| n + 1).sum()
}

static FR_BYTES: &[u8] = include_bytes!("../models/tagger-fr.bin");
static EN_BYTES: &[u8] = include_bytes!("../models/tagger-en.bin");

/// The tagger shipped for `lang`, loaded once; `None` only if the embedded file is broken,
/// which `tests::embedded_models_load` rules out for every build.
pub fn embedded(lang: Lang) -> Option<&'static Tagger> {
    static FR: OnceLock<Option<Tagger>> = OnceLock::new();
    static EN: OnceLock<Option<Tagger>> = OnceLock::new();
    let (cell, bytes) = match lang {
        Lang::Fr => (&FR, FR_BYTES),
        Lang::En => (&EN, EN_BYTES),
    };
    cell.get_or_init(|| Tagger::from_bytes(bytes).ok()).as_ref()
}

/// Per-word hashes computed once per sentence: lowercased form, suffixes of 1–4 chars,
/// prefixes of 1–3 chars, shape, and flags.
#[derive(Clone, Copy)]
struct WordKeys {
    lower: u64,
    suf: [u64; 4],
    pre: [u64; 3],
    shape: u64,
    /// bit 0: capitalised, bit 1: has a digit, bit 2: has a hyphen, bit 3: all caps.
    flags: u64,
    /// The set of UPOS the word had in training (a bit per tag; 0 when rare or unseen).
    amb: u64,
    /// Brown cluster keys: full path, 4- and 8-branch prefixes (see `cluster_keys`).
    clu: [u64; 3],
}

/// The cluster keys of a word: its whole path, and its 4- and 8-branch prefixes (see
/// [`crate::clusters`]); one constant for words the table lacks.
fn cluster_keys(form: &str, clusters: Option<&Clusters>) -> [u64; 3] {
    match clusters.and_then(|c| c.get(form)) {
        None => [1, 1, 1],
        Some(c) => {
            let c = c as u64;
            [c + 2, (c & 15) | 1 << 40, (c & 255) | 2 << 40]
        }
    }
}

const EDGE: WordKeys = WordKeys {
    lower: 0x5151,
    suf: [0x5152; 4],
    pre: [0x5153; 3],
    shape: 0x5154,
    flags: 16,
    amb: 1 << 20,
    clu: [3, 3, 3],
};

fn word_keys(form: &str, amb: &KeyMap<u32>, clusters: Option<&Clusters>) -> WordKeys {
    let mut l = Hasher::new(0);
    l.lower(form);
    let mut sh = Hasher::new(0);
    sh.shape(form);
    let n = form.chars().count();
    let mut suf = [0u64; 4];
    let mut starts = form.char_indices().rev().map(|(i, _)| i);
    for (k, s) in suf.iter_mut().enumerate() {
        let from = starts.next().unwrap_or(0);
        let mut h = Hasher::new(k as u8 + 1);
        h.lower(&form[if k + 1 >= n { 0 } else { from }..]);
        *s = h.0;
    }
    let mut pre = [0u64; 3];
    let mut ends = form.char_indices().map(|(i, _)| i).skip(1);
    for (k, p) in pre.iter_mut().enumerate() {
        let to = ends.next().unwrap_or(form.len());
        let mut h = Hasher::new(k as u8 + 11);
        h.lower(&form[..to]);
        *p = h.0;
    }
    let first_upper = form.chars().next().is_some_and(char::is_uppercase);
    let flags = first_upper as u64
        | (form.bytes().any(|b| b.is_ascii_digit()) as u64) << 1
        | (form.contains('-') as u64) << 2
        | ((n > 1 && form.chars().all(|c| !c.is_lowercase())) as u64) << 3;
    let amb = amb.get(&l.0).copied().unwrap_or(0) as u64;
    // Clusters stand in for what training did not see: a word the lexicon knows keeps its
    // own evidence ("Talks" opening a headline is the noun training saw, though the cluster
    // table files it with verbs). Same EWT dev UPOS as clusters on every word (95.26 / 95.29).
    let clu = if amb != 0 {
        [1, 1, 1]
    } else {
        cluster_keys(form, clusters)
    };
    WordKeys {
        lower: l.0,
        suf,
        pre,
        shape: sh.0,
        flags,
        amb,
        clu,
    }
}

/// Templates without clusters, and with them (the cluster templates come last, so a model
/// trained without a cluster table reads only the first ones).
const UPOS_BASE: usize = 30;
const UPOS_FEATURES: usize = 42;

fn n_upos_features(clusters: Option<&Clusters>) -> usize {
    if clusters.is_some() {
        UPOS_FEATURES
    } else {
        UPOS_BASE
    }
}

/// Feature keys for the UPOS of word `i`, given the two previous predicted tags; the first
/// `n` of them ([`n_upos_features`]: the cluster templates only for a model that reads them).
fn upos_features(
    keys: &[WordKeys],
    i: usize,
    (p1, p2): (u64, u64),
    n: usize,
    out: &mut [u64; UPOS_FEATURES],
) {
    let at = |d: isize| {
        let j = i as isize + d;
        if j < 0 || j as usize >= keys.len() {
            EDGE
        } else {
            keys[j as usize]
        }
    };
    let (w0, wm1, wm2, w1, w2) = (at(0), at(-1), at(-2), at(1), at(2));
    let first = (i == 0) as u64;
    let base: [u64; UPOS_BASE] = [
        mix(1, &[]),
        mix(2, &[w0.lower]),
        mix(3, &[wm1.lower]),
        mix(4, &[w1.lower]),
        mix(5, &[wm2.lower]),
        mix(6, &[w2.lower]),
        mix(7, &[w0.suf[0]]),
        mix(8, &[w0.suf[1]]),
        mix(9, &[w0.suf[2]]),
        mix(10, &[w0.suf[3]]),
        mix(11, &[w0.pre[0]]),
        mix(12, &[w0.pre[1]]),
        mix(13, &[w0.pre[2]]),
        mix(14, &[w0.shape]),
        mix(15, &[p1]),
        mix(16, &[p2, p1]),
        mix(17, &[p1, w0.lower]),
        mix(18, &[wm1.lower, w0.lower]),
        mix(19, &[w0.lower, w1.lower]),
        mix(20, &[wm1.suf[2]]),
        mix(21, &[w1.suf[2]]),
        mix(22, &[w1.shape]),
        mix(23, &[first, w0.flags]),
        mix(24, &[p1, w0.suf[2]]),
        mix(25, &[w0.flags, w1.flags]),
        mix(26, &[p1, w1.lower]),
        mix(27, &[w0.amb]),
        mix(28, &[p1, w0.amb]),
        mix(29, &[w0.amb, w1.amb]),
        mix(30, &[w0.amb, w0.suf[2]]),
    ];
    out[..UPOS_BASE].copy_from_slice(&base);
    if n <= UPOS_BASE {
        return;
    }
    out[UPOS_BASE..].copy_from_slice(&[
        mix(31, &[w0.clu[0]]),
        mix(32, &[w0.clu[1]]),
        mix(33, &[w0.clu[2]]),
        mix(34, &[wm1.clu[0]]),
        mix(35, &[w1.clu[0]]),
        mix(36, &[p1, w0.clu[2]]),
        mix(37, &[w0.clu[1], w1.clu[1]]),
        mix(38, &[wm1.clu[2], w0.clu[2]]),
        mix(39, &[wm2.clu[1]]),
        mix(40, &[w2.clu[1]]),
        mix(41, &[p1, w1.clu[2]]),
        mix(42, &[w0.clu[0], w0.suf[1]]),
    ]);
}

const FEAT_FEATURES: usize = 20;

/// Feature keys for the morphological features of word `i`, given all predicted UPOS.
fn feat_features(keys: &[WordKeys], upos: &[Upos], i: usize, out: &mut [u64; FEAT_FEATURES]) {
    let at = |d: isize| {
        let j = i as isize + d;
        if j < 0 || j as usize >= keys.len() {
            (EDGE, 99u64)
        } else {
            (keys[j as usize], upos[j as usize] as u64)
        }
    };
    let ((w0, u0), (wm1, um1), (wm2, um2), (w1, u1)) = (at(0), at(-1), at(-2), at(1));
    *out = [
        mix(101, &[u0]),
        mix(102, &[u0, w0.lower]),
        mix(103, &[u0, w0.suf[0]]),
        mix(104, &[u0, w0.suf[1]]),
        mix(105, &[u0, w0.suf[2]]),
        mix(106, &[u0, w0.suf[3]]),
        mix(107, &[u0, um1]),
        mix(108, &[u0, u1]),
        mix(109, &[u0, wm1.lower]),
        mix(110, &[u0, wm2.lower]),
        mix(111, &[u0, w1.lower]),
        mix(112, &[u0, wm1.suf[1]]),
        mix(113, &[u0, wm2.suf[1]]),
        mix(114, &[u0, um1, wm1.lower]),
        mix(115, &[u0, um2, wm2.lower]),
        mix(116, &[u0, w0.flags]),
        mix(117, &[u0, w1.suf[1]]),
        mix(118, &[u0, um1, wm1.suf[2]]),
        mix(119, &[u0, w0.pre[1]]),
        mix(120, &[u0, u1, w1.suf[2]]),
    ];
}

/// How to get a lemma from a lowercased form: drop `strip` chars, append `add`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Rewrite {
    strip: u8,
    add: String,
}

impl Rewrite {
    fn between(form: &str, lemma: &str) -> Rewrite {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        Rewrite {
            strip: (form.chars().count() - common).min(255) as u8,
            add: lemma.chars().skip(common).collect(),
        }
    }

    fn apply(&self, form: &str) -> Option<String> {
        let n = form.chars().count();
        let keep = n.checked_sub(self.strip as usize)?;
        let mut s: String = form.chars().take(keep).collect();
        s.push_str(&self.add);
        (!s.is_empty()).then_some(s)
    }
}

const MAX_SUFFIX: usize = 6;
/// What the lexicon says of a word before the tagger scores it, for the checks in
/// `predict_upos`, which know the tag before it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Hint {
    None,
    /// An unseen prefixed irregular verb ("withdrew"): a verb, with this lemma.
    Verb(String),
    /// A noun-or-verb word in "-s" before "to" + verb: the verb after a noun.
    ToVerb,
    /// A word in "-ment" never seen as an adverb: a noun after a determiner.
    MentNoun,
    /// A word in "-s" that can be a noun: the noun after an adjective.
    PluralS,
    /// A word right after an English possessive determiner ("its resolve", "their plans"):
    /// a noun, never a verb, unless a gerund ("their leaving") or a participle before the
    /// noun it modifies ("our established procedures").
    AfterPossessive,
    /// A lowercase French demonym ("kényan", "qatari"): an adjective unless a determiner
    /// makes it a noun ("le français").
    Demonym,
    /// An unseen word in "-e" or "-ent" whose "-er" infinitive or "-é" participle training saw
    /// as a verb ("et sollicite de l'aide"): that verb's present, after a conjunction, a
    /// pronoun or a noun (a determiner, a preposition or an adjective make it a noun). Not
    /// "-es": the second person is rare in news, plural nouns are not.
    FirstGroupVerb,
}

/// Lowercase French demonyms (`data/demonyms.fr.txt`).
fn demonyms() -> &'static std::collections::HashSet<&'static str> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../data/demonyms.fr.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// The lowercase French demonyms the tagger reads as adjectives.
pub fn french_demonyms() -> impl Iterator<Item = &'static str> {
    demonyms().iter().copied()
}

/// Whether `form` is a lowercase French demonym ("chilien", "qatari").
pub fn is_french_demonym(form: &str) -> bool {
    demonyms().contains(form)
}

/// English possessive determiners that are never anything else ("his" and "her" also stand
/// alone or as objects: "told her resolve").
const EN_POSSESSIVES: &[&str] = &[
    "its", "their", "our", "my", "your", "Its", "Their", "Our", "My", "Your",
];

/// Occurrences a word needs in training for its tag set to become a feature.
const MIN_AMB_COUNT: u32 = 3;

#[derive(Debug, Clone, Default)]
struct Lemmatizer {
    /// (lowercased form, UPOS) → lemma, for every pair seen in training.
    lexicon: HashMap<(String, u8), String>,
    /// (UPOS, lowercased suffix) → the most frequent rewrite for words ending so.
    rules: HashMap<(u8, String), Rewrite>,
    /// The same two tables keyed by hashes, for lookups without allocating.
    fast_lexicon: KeyMap<Box<str>>,
    fast_rules: KeyMap<Rewrite>,
    /// Rules learned over the lexicon's distinct words rather than over running text
    /// (derived, not stored): frequent irregular words ("avaient" → "avoir") outvote the
    /// regular pattern in running text, so "-aient" gets no rule there, while over
    /// distinct words "-aient" → "-er" wins.
    type_rules: KeyMap<Rewrite>,
    /// Hashes of every lemma of the lexicon (derived, not stored).
    known: std::collections::HashSet<u64, BuildHasherDefault<IdHasher>>,
    /// Accent-folded lowercased form → the UPOS the lexicon gives it (derived, not stored):
    /// text in capitals often drops its accents ("PRECAUTIONS", "PEREMPTION").
    folded: KeyMap<u32>,
}

/// A French letter without its accent (lowercase input); other characters unchanged.
fn unaccent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ÿ' => 'y',
        _ => c,
    }
}

fn folded_key(form: &str) -> u64 {
    let mut h = Hasher::new(0);
    let folded: String = form
        .chars()
        .flat_map(char::to_lowercase)
        .map(unaccent)
        .collect();
    h.bytes(folded.as_bytes());
    mix(204, &[h.0])
}

fn lemma_key(lemma: &str) -> u64 {
    let mut h = Hasher::new(0);
    h.bytes(lemma.as_bytes());
    mix(203, &[h.0])
}

/// Keyed on the whole lowercased form: `lower_hash` stops at 24 characters, and URLs or
/// e-mail addresses that share their first 24 would otherwise share one lemma, picked by
/// the hash map's iteration order (which made training runs differ).
fn lex_key(lower: &str, upos: u8) -> u64 {
    let mut h = Hasher::new(0);
    h.bytes(lower.as_bytes());
    mix(201, &[h.0, upos as u64])
}

fn rule_key(suffix: &str, upos: u8) -> u64 {
    mix(202, &[lower_hash(suffix), upos as u64])
}

/// The suffixes of a lowercased form (up to [`MAX_SUFFIX`] characters, never the whole
/// form) that contain all it loses on the way to its lemma, each with that rewrite.
fn suffix_rewrites(lower: &str, lemma: &str) -> Vec<(String, Rewrite)> {
    let rw = Rewrite::between(lower, lemma);
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    (1..=MAX_SUFFIX.min(chars.len().saturating_sub(1)))
        .filter(|&k| rw.strip as usize <= k)
        .map(|k| (lower[chars[chars.len() - k].0..].to_string(), rw.clone()))
        .collect()
}

/// Rewrite counts per (UPOS, suffix).
type RewriteCounts = HashMap<(u8, String), HashMap<Rewrite, u32>>;

/// Counts the rewrite from `lower` to `lemma` under each of its suffixes.
fn count_rewrites(counts: &mut RewriteCounts, lower: &str, upos: u8, lemma: &str) {
    for (suffix, rw) in suffix_rewrites(lower, lemma) {
        *counts
            .entry((upos, suffix))
            .or_default()
            .entry(rw)
            .or_default() += 1;
    }
}

/// Each suffix's most frequent rewrite (ties to the shortest), kept when `keep(its count,
/// the suffix's total)` holds.
fn pick_rules(
    counts: RewriteCounts,
    keep: impl Fn(u32, u32) -> bool,
) -> Vec<((u8, String), Rewrite)> {
    counts
        .into_iter()
        .filter_map(|(k, m)| {
            let total: u32 = m.values().sum();
            let (rw, n) = m.into_iter().max_by(|a, b| {
                a.1.cmp(&b.1)
                    .then_with(|| (b.0.strip, &b.0.add).cmp(&(a.0.strip, &a.0.add)))
            })?;
            keep(n, total).then_some((k, rw))
        })
        .collect()
}

impl Lemmatizer {
    fn lemma(&self, form: &str, upos: Upos) -> String {
        if matches!(upos, Upos::Punct | Upos::Sym | Upos::Num)
            && !form.chars().any(char::is_alphabetic)
        {
            return form.to_string();
        }
        let lower = form.to_lowercase();
        if let Some(l) = self.fast_lexicon.get(&lex_key(&lower, upos as u8)) {
            return l.to_string();
        }
        if upos == Upos::Propn {
            return form.to_string();
        }
        let starts: Vec<usize> = lower
            .char_indices()
            .rev()
            .take(MAX_SUFFIX)
            .map(|(i, _)| i)
            .collect();
        // The longest suffix with a rule decides, unless its lemma is unknown and a shorter
        // suffix's rule gives a known one: a long suffix's rule may come from one odd word
        // ("-uaient" turning "évoquaient" into "évoquaenir"), where "-aient" → "-er" is
        // the rule most verbs follow.
        let mut first: [Option<String>; 2] = [None, None];
        for (t, table) in [&self.fast_rules, &self.type_rules].into_iter().enumerate() {
            for &from in starts.iter().rev() {
                if let Some(r) = table.get(&rule_key(&lower[from..], upos as u8))
                    && let Some(l) = r.apply(&lower)
                {
                    let l = self.undouble(&lower, l);
                    if self.known.contains(&lemma_key(&l)) {
                        return l;
                    }
                    first[t].get_or_insert(l);
                }
            }
        }
        let [token, typed] = first;
        typed.or(token).unwrap_or(lower)
    }

    /// A suffix rule learned from "committed" → "commit" also turns "boycotted" into
    /// "boycot" and "shelled" into "shel": when the form doubles the lemma's last letter and
    /// only the lemma with both letters is a known one, that is the lemma. Likewise the rule
    /// learned from "voted" → "vote" turns "rioted" into "riote" and "looted" into "loote",
    /// and the one from "started" → "start" turns "created" into "creat": for an "-ed" or
    /// "-ing" form, when the rule's lemma is unknown and the same lemma without (or with) a
    /// final "e" is known, that is the lemma.
    fn undouble(&self, lower: &str, l: String) -> String {
        if self.known.contains(&lemma_key(&l)) {
            return l;
        }
        let Some(c) = l.chars().last().filter(|c| c.is_alphabetic()) else {
            return l;
        };
        let mut longer = l.clone();
        longer.push(c);
        if lower.starts_with(&longer) && self.known.contains(&lemma_key(&longer)) {
            return longer;
        }
        if lower.ends_with("ed") || lower.ends_with("ing") {
            let other = match l.strip_suffix('e') {
                Some(short) if short.chars().count() >= 3 => short.to_string(),
                Some(_) => return l,
                None => format!("{l}e"),
            };
            if self.known.contains(&lemma_key(&other)) {
                return other;
            }
        }
        l
    }

    /// Builds the hashed lookup tables from the string-keyed ones, in sorted key order so
    /// that the result never depends on a hash map's iteration order.
    fn index(mut self) -> Lemmatizer {
        let mut lex: Vec<_> = self.lexicon.iter().collect();
        lex.sort_unstable();
        self.fast_lexicon = lex
            .into_iter()
            .map(|((f, u), l)| (lex_key(f, *u), l.clone().into_boxed_str()))
            .collect();
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort_unstable_by(|a, b| a.0.cmp(b.0));
        self.fast_rules = rules
            .into_iter()
            .map(|((u, s), r)| (rule_key(s, *u), r.clone()))
            .collect();
        self.folded = KeyMap::default();
        for (lower, upos) in self.lexicon.keys() {
            *self.folded.entry(folded_key(lower)).or_default() |= 1 << upos;
        }
        self.known = self
            .lexicon
            .values()
            .map(|l| lemma_key(&l.to_lowercase()))
            .collect();
        let mut counts = RewriteCounts::new();
        for ((lower, upos), lemma) in &self.lexicon {
            if *upos == Upos::Propn as u8 || lemma.is_empty() || lemma == "_" {
                continue;
            }
            count_rewrites(&mut counts, lower, *upos, lemma);
        }
        // Over distinct words the regular pattern leads without always holding a majority
        // ("-aient": "-er", "-re", "-ir", "-oir" verbs): a clear plurality is enough.
        let mut type_rules = pick_rules(counts, |n, total| n >= 3 && n * 3 >= total);
        type_rules.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.type_rules = type_rules
            .into_iter()
            .map(|((u, s), r)| (rule_key(&s, u), r))
            .collect();
        self
    }

    fn learn(pairs: &[(String, Upos, String)]) -> Lemmatizer {
        let mut lex: HashMap<(String, u8), HashMap<String, u32>> = HashMap::new();
        let mut rules = RewriteCounts::new();
        for (form, upos, lemma) in pairs {
            let lower = form.to_lowercase();
            *lex.entry((lower.clone(), *upos as u8))
                .or_default()
                .entry(lemma.clone())
                .or_default() += 1;
            if *upos == Upos::Propn || lemma.is_empty() || lemma == "_" {
                continue;
            }
            count_rewrites(&mut rules, &lower, *upos as u8, lemma);
        }
        let best = |m: HashMap<String, u32>| {
            m.into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(l, _)| l)
        };
        let lexicon = lex
            .into_iter()
            .filter_map(|(k, m)| best(m).map(|l| (k, l)))
            .collect();
        // A suffix seen once says little; keep rules with some support and agreement.
        let rules = pick_rules(rules, |n, total| total >= 2 && n * 2 > total)
            .into_iter()
            .collect();
        Lemmatizer {
            lexicon,
            rules,
            ..Lemmatizer::default()
        }
        .index()
    }
}

#[derive(Debug, Clone)]
pub struct Tagger {
    upos_w: UposTable,
    feat_w: FeatTable,
    /// Per UPOS, a bit per head: whether that feature was ever set on that part of speech.
    feat_mask: [u8; N_UPOS],
    /// Lowercased-form hash → set of UPOS seen for it in training (frequent words only).
    amb: KeyMap<u32>,
    lemmas: Lemmatizer,
    /// The word clusters it was trained with, if any (a shipped table, found again by its
    /// fingerprint when the model loads).
    clusters: Option<&'static Clusters>,
}

/// One tagged word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    pub upos: Upos,
    pub feats: Feats,
    pub lemma: String,
}

/// One row of weights, padded to 32 classes and aligned to one cache line.
#[derive(Debug, Clone, Copy)]
#[repr(align(64))]
pub(crate) struct Row(pub(crate) [i16; 32]);

impl AsRef<[i16]> for Row {
    fn as_ref(&self) -> &[i16] {
        &self.0
    }
}

impl AsMut<[i16]> for Row {
    fn as_mut(&mut self) -> &mut [i16] {
        &mut self.0
    }
}

/// Writes hashed weight rows with the all-zero ones left out: a perceptron only updates the
/// rows of features seen in its errors, so most rows of a large hashed table stay zero (four
/// in five of the French tagger's 2^18 UPOS rows). Layout: rows, cols, the number of stored
/// rows, a bitmap of which rows are stored (a bit per row), then the stored rows' first `cols`
/// weights.
pub(crate) fn write_sparse_rows<R: AsRef<[i16]>>(rows: &[R], cols: usize, p: &mut Vec<u8>) {
    let stored: Vec<bool> = rows
        .iter()
        .map(|r| r.as_ref()[..cols].iter().any(|&x| x != 0))
        .collect();
    p.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    p.extend_from_slice(&(cols as u32).to_le_bytes());
    let n = stored.iter().filter(|&&b| b).count();
    p.extend_from_slice(&(n as u32).to_le_bytes());
    for chunk in stored.chunks(8) {
        p.push(
            chunk
                .iter()
                .enumerate()
                .fold(0u8, |b, (i, &s)| b | (s as u8) << i),
        );
    }
    for (r, _) in rows.iter().zip(&stored).filter(|(_, s)| **s) {
        for x in &r.as_ref()[..cols] {
            p.extend_from_slice(&x.to_le_bytes());
        }
    }
}

/// The rows [`write_sparse_rows`] wrote, and their column count, read through `take` (which
/// hands out the next `n` bytes, or fails when the input is shorter); unstored rows are
/// `zero`. `None` when the layout is inconsistent: a row count that is not a power of two or
/// above 2^24, more columns than a row holds, or a bitmap that does not match the number of
/// stored rows.
pub(crate) fn read_sparse_rows<'a, E, R: AsMut<[i16]> + Copy>(
    take: &mut dyn FnMut(usize) -> Result<&'a [u8], E>,
    mut zero: R,
) -> Result<Option<(Vec<R>, usize)>, E> {
    let u32_at = |b: &[u8], i: usize| {
        u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]) as usize
    };
    let head = take(12)?;
    let (n_rows, cols, n_stored) = (u32_at(head, 0), u32_at(head, 1), u32_at(head, 2));
    let width = zero.as_mut().len();
    if !n_rows.is_power_of_two()
        || n_rows > 1 << 24
        || cols == 0
        || cols > width
        || n_stored > n_rows
    {
        return Ok(None);
    }
    let bitmap = take(n_rows.div_ceil(8))?;
    let data = take(2 * cols * n_stored)?;
    let mut rows = vec![zero; n_rows];
    let mut weights = data.chunks_exact(2 * cols);
    for (i, row) in rows.iter_mut().enumerate() {
        if bitmap[i / 8] >> (i % 8) & 1 == 1 {
            let Some(ch) = weights.next() else {
                return Ok(None);
            };
            for (d, x) in row.as_mut().iter_mut().zip(ch.chunks_exact(2)) {
                *d = i16::from_le_bytes([x[0], x[1]]);
            }
        }
    }
    if weights.next().is_some() {
        return Ok(None);
    }
    Ok(Some((rows, cols)))
}

/// A hashed weight table quantized to `i16` with one scale per table: prediction only takes
/// argmaxes, which a common scale does not change, so the scale is not even kept. (`i8` loses
/// too much: a few large weights set the scale and most others round to zero.)
#[derive(Debug, Clone)]
pub(crate) struct QTable {
    pub(crate) rows: Vec<Row>,
    pub(crate) cols: usize,
}

impl QTable {
    pub(crate) fn quantize(w: &[f32], cols: usize) -> QTable {
        let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { 32767.0 / max } else { 0.0 };
        let rows = w
            .chunks_exact(cols)
            .map(|c| {
                let mut r = [0i16; 32];
                for (d, x) in r.iter_mut().zip(c) {
                    *d = (x * scale).round().clamp(-32767.0, 32767.0) as i16;
                }
                Row(r)
            })
            .collect();
        QTable { rows, cols }
    }

    /// Writes the table with its all-zero rows left out (see [`write_sparse_rows`]); the
    /// models write their narrowed tables themselves.
    #[cfg(test)]
    pub(crate) fn write_sparse(&self, p: &mut Vec<u8>) {
        write_sparse_rows(&self.rows, self.cols, p);
    }

    /// The table [`QTable::write_sparse`] wrote, read through `take` (see
    /// [`read_sparse_rows`]).
    pub(crate) fn read_sparse<'a, E>(
        take: &mut dyn FnMut(usize) -> Result<&'a [u8], E>,
    ) -> Result<Option<QTable>, E> {
        Ok(read_sparse_rows(take, Row([0; 32]))?.map(|(rows, cols)| QTable { rows, cols }))
    }
}

/// Writes narrowed rows in the file's `i16` layout ([`write_sparse_rows`]): `widen` fills a
/// zeroed file row from a narrowed one.
fn write_widened<R>(rows: &[R], cols: usize, p: &mut Vec<u8>, widen: impl Fn(&R, &mut [i16; 32])) {
    let wide: Vec<Row> = rows
        .iter()
        .map(|r| {
            let mut a = [0i16; 32];
            widen(r, &mut a);
            Row(a)
        })
        .collect();
    write_sparse_rows(&wide, cols, p);
}

/// The UPOS weights, narrowed to the 16 tags the tagger predicts: half a cache line per row.
///
/// The table is read at random (30 rows per word), so its cost is memory traffic: rows of 32
/// bytes instead of 64 halve the cache footprint of the rows a text touches. Column 0 of the
/// stored table is X, which is never predicted (UD's X is too rare and too varied to learn),
/// so it is dropped on loading and written back as zeros; predictions are unchanged.
#[derive(Debug, Clone)]
struct UposTable {
    rows: Vec<Row16>,
}

#[derive(Debug, Clone, Copy, Default)]
#[repr(align(32))]
struct Row16([i16; 16]);

impl UposTable {
    fn from_q(q: &QTable) -> UposTable {
        UposTable {
            rows: q
                .rows
                .iter()
                .map(|r| {
                    let mut a = [0i16; 16];
                    a.copy_from_slice(&r.0[1..N_UPOS]);
                    Row16(a)
                })
                .collect(),
        }
    }

    fn write_sparse(&self, p: &mut Vec<u8>) {
        write_widened(&self.rows, N_UPOS, p, |r, a| {
            a[1..N_UPOS].copy_from_slice(&r.0)
        });
    }

    /// Sums the rows of `keys` into `acc`; `acc[k]` scores UPOS index `k + 1`.
    #[inline]
    fn score(&self, keys: &[u64], acc: &mut [i32; 16]) {
        *acc = [0; 16];
        let mask = self.rows.len() - 1;
        for &k in keys {
            let r = &self.rows[k as usize & mask].0;
            for (a, &w) in acc.iter_mut().zip(r) {
                *a += w as i32;
            }
        }
    }
}

/// The feature weights as `i8` with a power-of-two scale per row: 30 columns in 32 bytes.
///
/// Like the UPOS table, this one is read at random, 20 rows per word; a 64-byte row of `i16`
/// cost as much memory traffic as the rest of the tagger. One scale for the whole table would
/// round most weights to zero (a few large ones set it), but within a row the weights are of
/// a size, so a row keeps its 7 significant bits and its exponent. Measured on Sequoia and
/// GSD test: FEATS unchanged to ±0.02.
#[derive(Debug, Clone)]
struct FeatTable {
    rows: Vec<Row8>,
}

/// 30 weights, one unused byte, then the row's shift (byte 31): the shift rides along in the
/// same 32 bytes, so a row is one memory access.
#[derive(Debug, Clone, Copy)]
#[repr(align(32))]
struct Row8([i8; 32]);

const SHIFT_AT: usize = 31;
const _: () = assert!(FEAT_COLS < SHIFT_AT);

impl FeatTable {
    fn from_q(q: &QTable) -> FeatTable {
        FeatTable {
            rows: q
                .rows
                .iter()
                .map(|r| {
                    let max = r.0[..FEAT_COLS].iter().map(|x| x.unsigned_abs()).max();
                    // The smallest shift at which the largest weight still rounds into i8.
                    let max = max.unwrap_or(0) as u32;
                    let mut shift = 0u8;
                    while (max + (1 << shift >> 1)) >> shift > 127 {
                        shift += 1;
                    }
                    let mut w = [0i8; 32];
                    for (d, &x) in w.iter_mut().zip(&r.0[..FEAT_COLS]) {
                        // Round to nearest: within ±127 by the choice of shift.
                        let q = (x as f32 / (1u32 << shift) as f32).round();
                        *d = q.clamp(-127.0, 127.0) as i8;
                    }
                    w[SHIFT_AT] = shift as i8;
                    Row8(w)
                })
                .collect(),
        }
    }

    fn write_sparse(&self, p: &mut Vec<u8>) {
        write_widened(&self.rows, FEAT_COLS, p, |r, a| {
            for (d, &x) in a.iter_mut().zip(&r.0[..FEAT_COLS]) {
                // 32767 itself is stored as 64 << 9: clamp, not wrap.
                *d = ((x as i32) << r.0[SHIFT_AT]).clamp(-32767, 32767) as i16;
            }
        });
    }

    /// Sums the rows of `keys` into `acc` (columns from `FEAT_COLS` on hold nothing useful).
    /// All 32 lanes take the same shift so that the loop compiles to a few vector
    /// instructions per row, which lets the processor have many rows in flight at once: the
    /// cost here is waiting for memory, not arithmetic. Not inlined: inlined into its caller,
    /// the accumulator was split into 32 scalars and the loop was not vectorized.
    #[inline(never)]
    fn score(&self, keys: &[u64], acc: &mut [i32; 32]) {
        *acc = [0; 32];
        let mask = self.rows.len() - 1;
        for &k in keys {
            let r = &self.rows[k as usize & mask].0;
            let s = r[SHIFT_AT] as u32 & 15;
            for (a, &w) in acc.iter_mut().zip(r) {
                *a += (w as i32) << s;
            }
        }
    }
}

impl Tagger {
    fn predict_upos(&self, keys: &[WordKeys], hints: &[Hint], out: &mut Vec<Upos>) {
        out.clear();
        let mut f = [0u64; UPOS_FEATURES];
        let mut scores = [0i32; 16];
        let (mut p1, mut p2) = (98u64, 98u64);
        for i in 0..keys.len() {
            let n = n_upos_features(self.clusters);
            upos_features(keys, i, (p1, p2), n, &mut f);
            self.upos_w.score(&f[..n], &mut scores);
            let hint = hints.get(i).unwrap_or(&Hint::None);
            let mut best = if matches!(hint, Hint::Verb(_)) {
                Upos::Verb.index()
            } else {
                argmax(&scores) + 1
            };
            // "Greece plans to impose …": a noun-or-verb word in -s between a noun and "to"
            // + verb is the verb, when the tagger's own score for it is close.
            if best == Upos::Noun.index()
                && *hint == Hint::ToVerb
                && matches!(
                    Upos::from_index(p1 as usize),
                    Some(Upos::Noun | Upos::Propn)
                )
            {
                best = Upos::Verb.index();
            }
            // "joint military exercises": a word that can be a noun, right after an
            // attributive adjective, is that noun, not a verb ("exercises" with "this month"
            // as its object made a sentence of a noun phrase).
            if best == Upos::Verb.index()
                && Upos::from_index(p1 as usize) == Some(Upos::Adj)
                && *hint == Hint::PluralS
            {
                best = Upos::Noun.index();
            }
            // "son mécontentement", "le déploiement": a word in "-ment" right after a
            // determiner is a noun, whatever its suffix says (adverbs in "-ment" never follow
            // one), unless training saw it as an adverb.
            if best == Upos::Adv.index()
                && *hint == Hint::MentNoun
                && Upos::from_index(p1 as usize) == Some(Upos::Det)
            {
                best = Upos::Noun.index();
            }
            if best == Upos::Verb.index() && *hint == Hint::AfterPossessive {
                best = Upos::Noun.index();
            }
            if *hint == Hint::Demonym && Upos::from_index(p1 as usize) != Some(Upos::Det) {
                best = Upos::Adj.index();
            }
            if best == Upos::Noun.index()
                && *hint == Hint::FirstGroupVerb
                && (i == 0
                    || matches!(
                        Upos::from_index(p1 as usize),
                        Some(Upos::Cconj | Upos::Pron | Upos::Propn | Upos::Noun)
                    ))
            {
                best = Upos::Verb.index();
            }
            // "Arnor and Gondor welcome a resumption": an interjection does not sit between a
            // subject and a determiner; a word seen as a verb is that verb there.
            if best == Upos::Intj.index()
                && i > 0
                && matches!(
                    Upos::from_index(p1 as usize),
                    Some(Upos::Noun | Upos::Propn | Upos::Pron)
                )
                && keys[i].amb & (1 << Upos::Verb.index()) != 0
                && keys
                    .get(i + 1)
                    .is_some_and(|n| n.amb & (1 << Upos::Det.index()) != 0)
            {
                best = Upos::Verb.index();
            }
            let u = Upos::from_index(best).unwrap_or_default();
            out.push(u);
            p2 = p1;
            p1 = best as u64;
        }
    }

    fn predict_feats(&self, keys: &[WordKeys], upos: &[Upos], i: usize) -> Feats {
        let allowed = self.feat_mask[upos[i].index()];
        // Punctuation, adpositions, conjunctions…: no feature ever seen in training, nothing
        // to score (a third of the words of running text).
        if allowed == 0 {
            return Feats(0);
        }
        let mut f = [0u64; FEAT_FEATURES];
        feat_features(keys, upos, i, &mut f);
        let mut scores = [0i32; 32];
        self.feat_w.score(&f, &mut scores);
        let mut v = 0u32;
        for (h, &(_, n)) in HEADS.iter().enumerate() {
            if allowed & (1 << h) == 0 {
                continue;
            }
            let o = head_offset(h);
            let k = argmax(&scores[o..o + n + 1]);
            v |= (k as u32) << (4 * h);
        }
        Feats(v)
    }

    /// The word's ambiguity class in the tagger's lexicon (the set of UPOS the training
    /// treebanks give it), 0 for a word it has not seen.
    pub fn ambiguity(&self, form: &str) -> u32 {
        let mut l = Hasher::new(0);
        l.lower(form);
        self.amb.get(&l.0).copied().unwrap_or(0)
    }

    /// The set of UPOS the training lexicon gives `form` with accents and case ignored
    /// ("PRECAUTIONS" finds "précautions"), as bits by [`Upos::index`]; 0 when unseen.
    pub fn folded_ambiguity(&self, form: &str) -> u32 {
        self.lemmas
            .folded
            .get(&folded_key(form))
            .copied()
            .unwrap_or(0)
    }

    /// An unseen word made of a prefix and a verb form the training text inflects
    /// irregularly ("withdrew" = "with" + "drew" of "draw", "undertook", "overran",
    /// "outran") is that verb, prefixed: its lemma. Not "re-": in French its participles
    /// make nouns ("revue", "reprise").
    ///
    /// Such verbs are frequent in news and rare in the treebanks, and the tagger's suffix
    /// features cannot tell "withdrew" from a noun; the base form's own analysis can.
    fn prefixed_verb(&self, form: &str) -> Option<String> {
        const PREFIXES: &[&str] = &["with", "under", "over", "out", "fore", "for", "mis", "up"];
        if self.ambiguity(form) != 0 || !form.chars().all(char::is_alphabetic) {
            return None;
        }
        let lower = form.to_lowercase();
        let verb_bit = 1u32 << Upos::Verb.index();
        PREFIXES.iter().find_map(|p| {
            let rest = lower.strip_prefix(p)?;
            if rest.chars().count() < 3 || self.ambiguity(rest) & verb_bit == 0 {
                return None;
            }
            let lemma = self
                .lemmas
                .fast_lexicon
                .get(&lex_key(rest, Upos::Verb as u8))?;
            // Only an inflected form ("drew", not "draw"): a bare stem after a prefix is as
            // often a noun ("outcome", "upset").
            (**lemma != *rest && !lemma.is_empty()).then(|| format!("{p}{lemma}"))
        })
    }

    /// Tags one sentence given its word forms.
    pub fn tag(&self, forms: &[&str]) -> Vec<Tagged> {
        let norm = crate::model_forms(forms);
        let forms: Vec<&str> = norm.iter().map(|f| f.as_ref()).collect();
        let (keys, upos, hints) = self.keys_and_upos(&forms);
        (0..forms.len())
            .map(|i| Tagged {
                upos: upos[i],
                feats: self.predict_feats(&keys, &upos, i),
                lemma: match &hints[i] {
                    Hint::Verb(l) => l.clone(),
                    _ => self.lemmas.lemma(forms[i], upos[i]),
                },
            })
            .collect()
    }

    /// UPOS only, without features or lemmas: what the NER model reads, for callers that need
    /// entities and nothing else (a third of the tagging time is features and lemmas).
    pub fn tag_upos(&self, forms: &[&str]) -> Vec<Upos> {
        let norm = crate::model_forms(forms);
        let forms: Vec<&str> = norm.iter().map(|f| f.as_ref()).collect();
        self.keys_and_upos(&forms).1
    }

    /// The words' hashed keys, their UPOS and each word's lexicon hint (the lemma of a
    /// prefixed irregular verb among them; forms already normalised).
    fn keys_and_upos(&self, forms: &[&str]) -> (Vec<WordKeys>, Vec<Upos>, Vec<Hint>) {
        let keys: Vec<WordKeys> = forms
            .iter()
            .map(|f| word_keys(f, &self.amb, self.clusters))
            .collect();
        let bit = |u: Upos| 1u64 << u.index();
        let seen_as = |w: &str, u: Upos| {
            self.lemmas
                .fast_lexicon
                .contains_key(&lex_key(&w.to_lowercase(), u as u8))
        };
        // A word training saw as a noun and never as a function word ("on" was once a noun
        // in EWT).
        let function = [
            Upos::Adp,
            Upos::Aux,
            Upos::Cconj,
            Upos::Det,
            Upos::Part,
            Upos::Pron,
            Upos::Punct,
            Upos::Sconj,
        ]
        .iter()
        .fold(0u64, |m, &u| m | bit(u));
        let noun_like = |amb: u64| amb & bit(Upos::Noun) != 0 && amb & function == 0;
        let hints: Vec<Hint> = forms
            .iter()
            .zip(&keys)
            .enumerate()
            .map(|(i, (f, k))| {
                if let Some(lemma) = self.prefixed_verb(f) {
                    return Hint::Verb(lemma);
                }
                if is_french_demonym(f) {
                    return Hint::Demonym;
                }
                let stem = ["ent", "e"]
                    .iter()
                    .find_map(|e| f.strip_suffix(e))
                    .filter(|s| s.len() > 3 && k.amb == 0 && f.chars().all(char::is_lowercase));
                if let Some(stem) = stem
                    && (seen_as(&format!("{stem}er"), Upos::Verb)
                        || seen_as(&format!("{stem}é"), Upos::Verb))
                {
                    return Hint::FirstGroupVerb;
                }
                // The ambiguity class is already in the keys: no second lookup here.
                let seen_verb =
                    |w: &str, amb: u64| amb & bit(Upos::Verb) != 0 || seen_as(w, Upos::Verb);
                let plural_form = f.len() > 3 && f.ends_with('s');
                let to_verb = plural_form
                    && forms.get(i + 1).is_some_and(|t| *t == "to")
                    && k.amb & bit(Upos::Noun) != 0
                    && seen_verb(f, k.amb)
                    && forms
                        .get(i + 2)
                        .zip(keys.get(i + 2))
                        .is_some_and(|(v, vk)| seen_verb(v, vk.amb));
                let ment = f.len() > 6
                    && f.get(f.len() - 4..)
                        .is_some_and(|e| e.eq_ignore_ascii_case("ment"))
                    && k.amb & bit(Upos::Adv) == 0;
                let plural = plural_form
                    && !f.ends_with("ss")
                    && (k.amb & bit(Upos::Noun) != 0
                        || k.amb == 0 && seen_as(&f[..f.len() - 1], Upos::Noun));
                let after_possessive = i > 0
                    && EN_POSSESSIVES.contains(&forms[i - 1])
                    && !f.ends_with("ing")
                    && keys.get(i + 1).is_none_or(|n| !noun_like(n.amb));
                if to_verb {
                    Hint::ToVerb
                } else if after_possessive {
                    Hint::AfterPossessive
                } else if ment {
                    Hint::MentNoun
                } else if plural {
                    Hint::PluralS
                } else {
                    Hint::None
                }
            })
            .collect();
        let mut upos = Vec::with_capacity(forms.len());
        self.predict_upos(&keys, &hints, &mut upos);
        (keys, upos, hints)
    }

    /// Serialises: the UPOS and feature tables (`u32` rows, `u32` columns, `i16` weights), the feature mask, then the lexicon and rules as UTF-8 lines.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::new();
        self.upos_w.write_sparse(&mut p);
        self.feat_w.write_sparse(&mut p);
        p.extend_from_slice(&self.feat_mask);
        let mut amb: Vec<(u64, u32)> = self.amb.iter().map(|(k, v)| (*k, *v)).collect();
        amb.sort_unstable();
        p.extend_from_slice(&(amb.len() as u32).to_le_bytes());
        for (k, v) in amb {
            p.extend_from_slice(&k.to_le_bytes());
            p.extend_from_slice(&v.to_le_bytes());
        }
        let mut lex: Vec<String> = self
            .lemmas
            .lexicon
            .iter()
            .map(|((f, u), l)| format!("{f}\t{u}\t{l}"))
            .collect();
        lex.sort_unstable();
        let mut rules: Vec<String> = self
            .lemmas
            .rules
            .iter()
            .map(|((u, s), r)| format!("{u}\t{s}\t{}\t{}", r.strip, r.add))
            .collect();
        rules.sort_unstable();
        for block in [lex, rules] {
            let text = block.join("\n");
            p.extend_from_slice(&(text.len() as u32).to_le_bytes());
            p.extend_from_slice(text.as_bytes());
        }
        let fp = self.clusters.map_or(0, Clusters::fingerprint);
        p.extend_from_slice(&fp.to_le_bytes());
        container::write(KIND, FORMAT, &p).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ContainerError> {
        let p = container::read(bytes, KIND, FORMAT)?;
        let bad = || ContainerError::Truncated(bytes.len());
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], ContainerError> {
            let s = p.get(at..at + n).ok_or_else(bad)?;
            at += n;
            Ok(s)
        };
        let mut tables = Vec::new();
        for cols in [N_UPOS, FEAT_COLS] {
            match QTable::read_sparse(&mut take)? {
                Some(t) if t.cols == cols => tables.push(t),
                _ => return Err(bad()),
            }
        }
        let mut feat_mask = [0u8; N_UPOS];
        feat_mask.copy_from_slice(take(N_UPOS)?);
        let b = take(4)?;
        let n_amb = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let mut amb = KeyMap::default();
        amb.reserve(n_amb);
        for c in take(12 * n_amb)?.chunks_exact(12) {
            let k = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            amb.insert(k, u32::from_le_bytes([c[8], c[9], c[10], c[11]]));
        }
        let mut blocks = Vec::new();
        for _ in 0..2 {
            let b = take(4)?;
            let n = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
            blocks.push(
                std::str::from_utf8(take(n)?)
                    .map_err(|_| bad())?
                    .to_string(),
            );
        }
        let mut lemmas = Lemmatizer::default();
        for line in blocks[0].lines() {
            let mut it = line.split('\t');
            if let (Some(f), Some(u), Some(l)) = (it.next(), it.next(), it.next()) {
                let u: u8 = u.parse().map_err(|_| bad())?;
                lemmas.lexicon.insert((f.to_string(), u), l.to_string());
            }
        }
        for line in blocks[1].lines() {
            let mut it = line.split('\t');
            if let (Some(u), Some(s), Some(st), Some(add)) =
                (it.next(), it.next(), it.next(), it.next())
            {
                lemmas.rules.insert(
                    (u.parse().map_err(|_| bad())?, s.to_string()),
                    Rewrite {
                        strip: st.parse().map_err(|_| bad())?,
                        add: add.to_string(),
                    },
                );
            }
        }
        let lemmas = lemmas.index();
        let (Some(feat_w), Some(upos_w)) = (tables.pop(), tables.pop()) else {
            return Err(bad());
        };
        let b = take(8)?;
        let fp = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
        let clusters = match fp {
            0 => None,
            fp => {
                Some(clusters::by_fingerprint(fp).ok_or(ContainerError::Missing("word clusters"))?)
            }
        };
        Ok(Tagger {
            upos_w: UposTable::from_q(&upos_w),
            feat_w: FeatTable::from_q(&feat_w),
            feat_mask,
            amb,
            lemmas,
            clusters,
        })
    }
}

pub(crate) fn argmax<T: PartialOrd + Copy>(s: &[T]) -> usize {
    let mut best = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[best] {
            best = i;
        }
    }
    best
}

/// Tags every sentence of `doc` (which must be segmented) with the model for its language,
/// filling `doc.analyses`; heads and relations stay empty until the parser runs.
pub fn tag_doc(doc: &mut Doc) {
    let Some(tagger) = doc.lang.and_then(embedded) else {
        return;
    };
    tag_doc_with(doc, tagger);
}

pub fn tag_doc_with(doc: &mut Doc, tagger: &Tagger) {
    tag_doc_inner(doc, tagger, true);
}

/// [`tag_doc`] filling only each word's UPOS (features and lemmas left empty): enough for
/// [`crate::recognize_entities`], and faster. The parser and the event coder need
/// [`tag_doc`].
pub fn tag_doc_upos(doc: &mut Doc) {
    if let Some(tagger) = doc.lang.and_then(embedded) {
        tag_doc_inner(doc, tagger, false);
    }
}

fn tag_doc_inner(doc: &mut Doc, tagger: &Tagger, full: bool) {
    let mut analyses = vec![Analysis::default(); doc.words.len()];
    for s in &doc.sentences {
        let toks = s.tokens();
        if toks.is_empty() {
            continue;
        }
        let first = doc.tokens[toks.start].first_word as usize;
        let last = &doc.tokens[toks.end - 1];
        let end = last.first_word as usize + last.n_words as usize;
        let forms: Vec<&str> = doc.words[first..end]
            .iter()
            .map(|w| w.form(&doc.text))
            .collect();
        if full {
            for (k, t) in tagger.tag(&forms).into_iter().enumerate() {
                let a = &mut analyses[first + k];
                a.upos = t.upos;
                a.feats = t.feats;
                a.lemma = t.lemma;
            }
        } else {
            for (k, u) in tagger.tag_upos(&forms).into_iter().enumerate() {
                analyses[first + k].upos = u;
            }
        }
    }
    doc.analyses = analyses;
}

/// One training sentence: forms with gold UPOS, features and lemmas.
#[derive(Debug, Clone)]
pub struct TrainSentence {
    pub forms: Vec<String>,
    pub upos: Vec<Upos>,
    pub feats: Vec<Feats>,
    pub lemmas: Vec<String>,
}

/// Training sentences from parsed CoNLL-U (syntactic words, multiword tokens expanded).
pub fn sentences_from_conllu(gold: &[crate::conllu::GoldSentence]) -> Vec<TrainSentence> {
    gold.iter()
        .map(|s| {
            let words: Vec<&crate::conllu::GoldWord> =
                s.tokens.iter().flat_map(|t| t.words.iter()).collect();
            TrainSentence {
                forms: words.iter().map(|w| w.form.clone()).collect(),
                upos: words
                    .iter()
                    .map(|w| Upos::parse(&w.upos).unwrap_or_default())
                    .collect(),
                feats: words.iter().map(|w| Feats::from_ud(&w.feats)).collect(),
                lemmas: words.iter().map(|w| w.lemma.clone()).collect(),
            }
        })
        .filter(|s| !s.forms.is_empty())
        .collect()
}

/// Averaged perceptron weights with lazy averaging.
pub(crate) struct Averaged {
    pub(crate) w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
}

impl Averaged {
    pub(crate) fn new(n: usize) -> Averaged {
        Averaged {
            w: vec![0.0; n],
            total: vec![0.0; n],
            stamp: vec![0; n],
        }
    }
    #[inline]
    pub(crate) fn update(&mut self, k: usize, delta: f32, t: u32) {
        self.total[k] += (t - self.stamp[k]) as f64 * self.w[k] as f64;
        self.stamp[k] = t;
        self.w[k] += delta;
    }
    pub(crate) fn average(self, t: u32) -> Vec<f32> {
        let t = t.max(1);
        (0..self.w.len())
            .map(|k| {
                ((self.total[k] + (t - self.stamp[k]) as f64 * self.w[k] as f64) / t as f64) as f32
            })
            .collect()
    }
}

/// Trains the tagger deterministically (visiting order from `seed`). `progress` receives the
/// epoch and the training UPOS accuracy.
pub fn train(
    sents: &[TrainSentence],
    epochs: usize,
    seed: u64,
    clusters: Option<&'static Clusters>,
    progress: &mut dyn FnMut(usize, f64),
) -> Tagger {
    train_mixed(sents, epochs, &[seed], clusters, progress)
}

/// Trains one tagger per seed on the same sentences, each in its own thread, and keeps the
/// sum of their averaged weights: the ensemble of their scores at the cost of one tagger
/// (they differ by the order they see the sentences in). `progress` receives the epoch and
/// the mean training UPOS accuracy, once all are trained. One seed is [`train`].
pub fn train_mixed(
    sents: &[TrainSentence],
    epochs: usize,
    seeds: &[u64],
    clusters: Option<&'static Clusters>,
    progress: &mut dyn FnMut(usize, f64),
) -> Tagger {
    let n_feats = n_upos_features(clusters);
    // Ambiguity classes from words seen often enough that their tag set is not just the one
    // occurrence being trained on (which would teach the model to trust it blindly).
    let mut seen: HashMap<u64, (u32, u32)> = HashMap::new();
    for s in sents {
        for (f, u) in s.forms.iter().zip(&s.upos) {
            let e = seen.entry(lower_hash(f)).or_default();
            e.0 += 1;
            e.1 |= 1 << u.index();
        }
    }
    let amb: KeyMap<u32> = seen
        .into_iter()
        .filter(|(_, (n, _))| *n >= MIN_AMB_COUNT)
        .map(|(k, (_, m))| (k, m))
        .collect();
    let keys: Vec<Vec<WordKeys>> = sents
        .iter()
        .map(|s| {
            s.forms
                .iter()
                .map(|f| word_keys(f, &amb, clusters))
                .collect()
        })
        .collect();
    let mut feat_mask = [0u8; N_UPOS];
    for s in sents {
        for (u, f) in s.upos.iter().zip(&s.feats) {
            for h in 0..HEADS.len() {
                if (f.0 >> (4 * h)) & 0xf != 0 {
                    feat_mask[u.index()] |= 1 << h;
                }
            }
        }
    }
    let learned: Vec<Learned> = if seeds.len() <= 1 {
        vec![learn(
            sents,
            &keys,
            epochs,
            seeds.first().copied().unwrap_or(1),
            n_feats,
        )]
    } else {
        let keys = &keys;
        std::thread::scope(|s| {
            let hs: Vec<_> = seeds
                .iter()
                .map(|&seed| s.spawn(move || learn(sents, keys, epochs, seed, n_feats)))
                .collect();
            hs.into_iter().filter_map(|h| h.join().ok()).collect()
        })
    };
    for e in 0..epochs {
        let accs: Vec<f64> = learned
            .iter()
            .filter_map(|l| l.accs.get(e).copied())
            .collect();
        progress(e + 1, accs.iter().sum::<f64>() / accs.len().max(1) as f64);
    }
    let sum = |f: fn(&Learned) -> &Vec<f32>| -> Vec<f32> {
        let mut it = learned.iter();
        let mut acc = it.next().map(f).cloned().unwrap_or_default();
        for l in it {
            for (a, x) in acc.iter_mut().zip(f(l)) {
                *a += x;
            }
        }
        acc
    };
    let (up, ft) = (sum(|l| &l.upos), sum(|l| &l.feats));
    let pairs: Vec<(String, Upos, String)> = sents
        .iter()
        .flat_map(|s| {
            (0..s.forms.len()).map(|i| (s.forms[i].clone(), s.upos[i], s.lemmas[i].clone()))
        })
        .collect();
    Tagger {
        upos_w: UposTable::from_q(&QTable::quantize(&up, N_UPOS)),
        feat_w: FeatTable::from_q(&QTable::quantize(&ft, FEAT_COLS)),
        feat_mask,
        amb,
        lemmas: Lemmatizer::learn(&pairs),
        clusters,
    }
}

/// The averaged weights one seed learns, and its training UPOS accuracy per epoch.
struct Learned {
    upos: Vec<f32>,
    feats: Vec<f32>,
    accs: Vec<f64>,
}

/// The perceptron epochs of [`train_mixed`] for one seed.
fn learn(
    sents: &[TrainSentence],
    keys: &[Vec<WordKeys>],
    epochs: usize,
    seed: u64,
    n_feats: usize,
) -> Learned {
    let mut up = Averaged::new((1 << UPOS_BITS) * N_UPOS);
    let mut ft = Averaged::new((1 << FEAT_BITS) * FEAT_COLS);
    let umask = (1usize << UPOS_BITS) - 1;
    let fmask = (1usize << FEAT_BITS) - 1;
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = seed | 1;
    let mut t = 0u32;
    let mut f = [0u64; UPOS_FEATURES];
    let mut ff = [0u64; FEAT_FEATURES];
    let mut accs = Vec::with_capacity(epochs);
    for _ in 0..epochs {
        crate::hash::shuffle(&mut order, &mut rng);
        let (mut correct, mut total) = (0usize, 0usize);
        for &si in &order {
            let (s, kk) = (&sents[si], &keys[si]);
            let (mut p1, mut p2) = (98u64, 98u64);
            for i in 0..s.forms.len() {
                t += 1;
                upos_features(kk, i, (p1, p2), n_feats, &mut f);
                let f = &f[..n_feats];
                let mut scores = [0f32; N_UPOS];
                for &k in f {
                    let row = (k as usize & umask) * N_UPOS;
                    for (sc, w) in scores.iter_mut().zip(&up.w[row..row + N_UPOS]) {
                        *sc += w;
                    }
                }
                let pred = argmax(&scores[1..]) + 1;
                let gold = s.upos[i].index();
                total += 1;
                if pred == gold {
                    correct += 1;
                } else {
                    for &k in f {
                        let row = (k as usize & umask) * N_UPOS;
                        up.update(row + gold, 1.0, t);
                        up.update(row + pred, -1.0, t);
                    }
                }
                // Condition on the prediction, as at run time (greedy, no gold history).
                p2 = p1;
                p1 = pred as u64;
            }
            // Features are trained on gold UPOS.
            for i in 0..s.forms.len() {
                t += 1;
                feat_features(kk, &s.upos, i, &mut ff);
                let mut scores = [0f32; FEAT_COLS];
                for &k in &ff {
                    let row = (k as usize & fmask) * FEAT_COLS;
                    for (sc, w) in scores.iter_mut().zip(&ft.w[row..row + FEAT_COLS]) {
                        *sc += w;
                    }
                }
                for (h, &(_, n)) in HEADS.iter().enumerate() {
                    let o = head_offset(h);
                    let pred = argmax(&scores[o..o + n + 1]);
                    let gold = ((s.feats[i].0 >> (4 * h)) & 0xf) as usize;
                    if pred != gold && gold <= n {
                        for &k in &ff {
                            let row = (k as usize & fmask) * FEAT_COLS + o;
                            ft.update(row + gold, 1.0, t);
                            ft.update(row + pred, -1.0, t);
                        }
                    }
                }
            }
        }
        accs.push(100.0 * correct as f64 / total.max(1) as f64);
    }
    Learned {
        upos: up.average(t),
        feats: ft.average(t),
        accs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<TrainSentence> {
        let mut v = Vec::new();
        for (det, noun, verb) in [
            ("le", "soldat", "marche"),
            ("la", "ministre", "parle"),
            ("les", "rebelles", "attaquent"),
            ("le", "président", "signe"),
        ] {
            let feats = |s: &str| Feats::from_ud(s);
            v.push(TrainSentence {
                forms: vec![det.into(), noun.into(), verb.into(), ".".into()],
                upos: vec![Upos::Det, Upos::Noun, Upos::Verb, Upos::Punct],
                feats: vec![
                    feats("Number=Sing"),
                    feats("Number=Sing"),
                    feats("Mood=Ind|Person=3|Tense=Pres|VerbForm=Fin"),
                    Feats::NONE,
                ],
                lemmas: vec![det.into(), noun.into(), format!("{}r", verb), ".".into()],
            });
        }
        v
    }

    #[test]
    fn folded_ambiguity_ignores_accents_and_case() {
        let t = embedded(Lang::Fr).unwrap();
        let noun = 1u32 << Upos::Noun.index();
        assert_eq!(t.ambiguity("PRECAUTIONS"), 0);
        assert_ne!(t.folded_ambiguity("PRECAUTIONS") & noun, 0);
        assert_eq!(
            t.folded_ambiguity("précautions"),
            t.folded_ambiguity("PRÉCAUTIONS")
        );
        assert_eq!(t.folded_ambiguity("zzqxw"), 0);
    }

    #[test]
    fn a_tagger_trained_with_clusters_records_and_needs_them() {
        let clusters = clusters::embedded(Lang::En);
        assert!(clusters.is_some(), "the English cluster table is shipped");
        let m = train(&toy(), 10, 3, clusters, &mut |_, _| {});
        let words = ["la", "soldat", "parle", "."];
        let b = m.to_bytes();
        let back = Tagger::from_bytes(&b).unwrap();
        assert!(back.clusters.is_some());
        assert_eq!(back.tag(&words), m.tag(&words));
        assert_eq!(
            Tagger::from_bytes(&train(&toy(), 10, 3, None, &mut |_, _| {}).to_bytes())
                .unwrap()
                .clusters,
            None
        );
        // A model naming a table this build does not ship refuses to load.
        let mut p = container::read(&b, KIND, FORMAT).unwrap().to_vec();
        let at = p.len() - 8;
        p[at..].copy_from_slice(&0x1234_5678_u64.to_le_bytes());
        let err = Tagger::from_bytes(&container::write(KIND, FORMAT, &p).unwrap());
        assert!(matches!(err, Err(ContainerError::Missing(_))), "{err:?}");
    }

    /// The shipped English tagger's UPOS for a sentence of space-separated words.
    fn en_tags(s: &str) -> Vec<Upos> {
        let forms: Vec<&str> = s.split(' ').collect();
        embedded(Lang::En).expect("loads").tag_upos(&forms)
    }

    #[test]
    fn a_word_after_an_english_possessive_is_no_verb() {
        let tags = en_tags;
        assert_eq!(
            tags("Kenya demonstrated its resolve on Monday .")[3],
            Upos::Noun
        );
        // A gerund and a participle before its noun keep their verb tag.
        assert_eq!(tags("They regretted their leaving early .")[3], Upos::Verb);
        assert_ne!(
            tags("It follows our established procedures .")[3],
            Upos::Noun
        );
    }

    #[test]
    fn a_lowercase_french_demonym_is_an_adjective() {
        let t = embedded(Lang::Fr).expect("loads");
        let tags = |s: &str| t.tag_upos(&s.split(' ').collect::<Vec<_>>());
        // The treebanks rarely saw these: the suffixes alone made verbs of them.
        let got = tags("Le président kényan a reçu le ministre qatari et son homologue croate .");
        assert_eq!((got[2], got[7], got[11]), (Upos::Adj, Upos::Adj, Upos::Adj));
        // After a determiner the word is a noun (the language).
        assert_ne!(tags("Il parle le français .")[3], Upos::Adj);
    }

    #[test]
    fn an_unseen_first_group_present_after_a_conjunction_is_a_verb() {
        let t = embedded(Lang::Fr).expect("loads");
        let tags = |s: &str| t.tag_upos(&s.split(' ').collect::<Vec<_>>());
        let got = tags("La Syrie se déclare prête et sollicite de l' aide .");
        assert_eq!(got[6], Upos::Verb);
        // After a determiner it stays a noun.
        assert_eq!(tags("Elle a reçu la sollicite de Paris .")[4], Upos::Noun);
    }

    #[test]
    fn no_interjection_between_a_subject_and_a_determiner() {
        let tags = en_tags;
        assert_eq!(
            tags("Kenya and Uganda welcome a return of talks .")[3],
            Upos::Verb
        );
        assert_eq!(tags("Welcome to the new site !")[0], Upos::Intj);
    }

    #[test]
    fn shipped_english_tagger_reads_clusters() {
        assert!(embedded(Lang::En).expect("loads").clusters.is_some());
        assert!(embedded(Lang::Fr).expect("loads").clusters.is_none());
    }

    #[test]
    fn learns_a_toy_language_and_round_trips() {
        let m = train(&toy(), 10, 3, None, &mut |_, _| {});
        let out = m.tag(&["la", "soldat", "parle", "."]);
        assert_eq!(
            out.iter().map(|t| t.upos).collect::<Vec<_>>(),
            [Upos::Det, Upos::Noun, Upos::Verb, Upos::Punct]
        );
        assert_eq!(out[2].feats.get("Tense"), Some("Pres"));
        assert_eq!(out[2].lemma, "parler");
        assert_eq!(out[3].feats, Feats::NONE);
        let back = Tagger::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.tag(&["la", "soldat", "parle", "."]), out);
        let other = container::write(KIND, FORMAT + 1, &[0; 8]).unwrap();
        let err = Tagger::from_bytes(&other).unwrap_err().to_string();
        assert!(err.contains("retrain"), "{err}");
    }

    #[test]
    fn mixed_taggers_sum_their_weights() {
        let one = train(&toy(), 10, 3, None, &mut |_, _| {});
        let mut epochs = Vec::new();
        let same = train_mixed(&toy(), 10, &[3], None, &mut |e, _| epochs.push(e));
        assert_eq!(same.to_bytes(), one.to_bytes());
        assert_eq!(epochs, (1..=10).collect::<Vec<_>>());
        // The same seed twice doubles every weight, which quantizes to the same table.
        let twice = train_mixed(&toy(), 10, &[3, 3], None, &mut |_, _| {});
        assert_eq!(twice.to_bytes(), one.to_bytes());
        let mixed = train_mixed(&toy(), 10, &[3, 5, 7], None, &mut |_, _| {});
        assert_ne!(mixed.to_bytes(), one.to_bytes());
        let out = mixed.tag(&["la", "soldat", "parle", "."]);
        assert_eq!(
            out.iter().map(|t| t.upos).collect::<Vec<_>>(),
            [Upos::Det, Upos::Noun, Upos::Verb, Upos::Punct]
        );
    }

    #[test]
    fn rewrites_generalise_to_unseen_words() {
        let pairs = vec![
            ("parlaient".to_string(), Upos::Verb, "parler".to_string()),
            ("marchaient".to_string(), Upos::Verb, "marcher".to_string()),
            ("Paris".to_string(), Upos::Propn, "Paris".to_string()),
        ];
        let l = Lemmatizer::learn(&pairs);
        assert_eq!(l.lemma("signaient", Upos::Verb), "signer");
        assert_eq!(l.lemma("Rabat", Upos::Propn), "Rabat");
        assert_eq!(l.lemma("Parlaient", Upos::Verb), "parler");
        assert_eq!(l.lemma("3,5", Upos::Num), "3,5");
    }

    #[test]
    fn distinct_words_outvote_one_frequent_irregular_one() {
        // In running text "avaient" → "avoir" outnumbers the regular verbs' "-aient" → "-er",
        // and "tenaient" → "tenir" gives "-ient" a rule of its own: the unseen "signaient"
        // would become "signoir" or "signaenir". Over distinct words, "-er" wins.
        let mut pairs = Vec::new();
        for _ in 0..20 {
            pairs.push(("avaient".to_string(), Upos::Verb, "avoir".to_string()));
        }
        for (f, l) in [
            ("parlaient", "parler"),
            ("marchaient", "marcher"),
            ("chantaient", "chanter"),
            ("tenaient", "tenir"),
            ("venaient", "venir"),
            ("vient", "venir"),
            ("tient", "tenir"),
        ] {
            pairs.push((f.to_string(), Upos::Verb, l.to_string()));
        }
        let l = Lemmatizer::learn(&pairs);
        assert_eq!(l.lemma("signaient", Upos::Verb), "signer");
        // Seen words keep their own lemma.
        assert_eq!(l.lemma("avaient", Upos::Verb), "avoir");
    }

    #[test]
    fn a_prefixed_irregular_verb_is_that_verb() {
        let t = super::embedded(veille_core::Lang::En).expect("English tagger");
        for (form, lemma) in [
            ("withdrew", "withdraw"),
            ("undertook", "undertake"),
            ("overran", "overrun"),
        ] {
            let tagged = t.tag(&["The", "army", form, "the", "town", "."]);
            assert_eq!(tagged[2].upos, Upos::Verb, "{form}");
            assert_eq!(tagged[2].lemma, lemma, "{form}");
        }
        // Counter-cases: a prefix on a bare stem ("outcome") or on a noun ("overseas").
        assert_eq!(t.prefixed_verb("outcome"), None);
        assert_eq!(t.prefixed_verb("overseas"), None);
    }

    #[test]
    fn a_noun_or_verb_before_to_and_a_verb_is_the_verb_after_a_noun() {
        let t = super::embedded(veille_core::Lang::En).expect("English tagger");
        let tagged = t.tag(&["Greece", "plans", "to", "impose", "restrictions", "."]);
        assert_eq!(tagged[1].upos, Upos::Verb);
        assert_eq!(tagged[1].lemma, "plan");
        // Counter-case: after a possessive or a determiner, the plans are plans.
        for first in ["Their", "The"] {
            let tagged = t.tag(&[
                first,
                "plans",
                "to",
                "impose",
                "restrictions",
                "failed",
                ".",
            ]);
            assert_eq!(tagged[1].upos, Upos::Noun, "{first}");
        }
    }

    #[test]
    fn a_plural_after_an_adjective_is_a_noun() {
        let t = super::embedded(veille_core::Lang::En).expect("English tagger");
        let forms = [
            "They",
            "agreed",
            "to",
            "undertake",
            "joint",
            "military",
            "exercises",
        ];
        let tagged = t.tag(&[&forms[..], &["this", "month", "."]].concat());
        assert_eq!(tagged[6].upos, Upos::Noun);
        // Counter-case: after a noun, a verb in "-s" keeps its verb reading.
        let tagged = t.tag(&["The", "minister", "says", "the", "talks", "failed", "."]);
        assert_eq!(tagged[2].upos, Upos::Verb);
    }

    #[test]
    fn a_word_in_ment_after_a_determiner_is_a_noun() {
        let t = super::embedded(veille_core::Lang::Fr).expect("French tagger");
        let tagged = t.tag(&[
            "Le",
            "Mali",
            "a",
            "manifesté",
            "son",
            "mécontentement",
            "lundi",
            ".",
        ]);
        assert_eq!(tagged[5].upos, Upos::Noun);
        assert_eq!(tagged[5].lemma, "mécontentement");
        // Counter-case: an adverb in "-ment" after a verb stays one.
        let tagged = t.tag(&["Il", "a", "répondu", "sèchement", "."]);
        assert_eq!(tagged[3].upos, Upos::Adv);
    }

    #[test]
    fn a_doubled_final_letter_is_kept_when_only_that_lemma_is_known() {
        let p = |f: &str, u: Upos, l: &str| (f.to_string(), u, l.to_string());
        let pairs = vec![
            p("committed", Upos::Verb, "commit"),
            p("submitted", Upos::Verb, "submit"),
            p("permitted", Upos::Verb, "permit"),
            p("boycott", Upos::Noun, "boycott"),
        ];
        let l = Lemmatizer::learn(&pairs);
        // "boycott" is a known lemma, "boycot" is not.
        assert_eq!(l.lemma("boycotted", Upos::Verb), "boycott");
        // Neither "omit" nor "omitt" is known: the rule's answer stands.
        assert_eq!(l.lemma("omitted", Upos::Verb), "omit");
        // A final "e" the rule adds (or drops) goes when only the other lemma is known.
        let pairs = vec![
            p("voted", Upos::Verb, "vote"),
            p("noted", Upos::Verb, "note"),
            p("riot", Upos::Noun, "riot"),
            p("started", Upos::Verb, "start"),
            p("waited", Upos::Verb, "wait"),
            p("create", Upos::Verb, "create"),
        ];
        let l = Lemmatizer::learn(&pairs);
        assert_eq!(l.lemma("rioted", Upos::Verb), "riot");
        assert_eq!(l.lemma("quoted", Upos::Verb), "quote", "neither is known");
    }

    #[test]
    fn long_forms_sharing_a_prefix_keep_their_own_lemmas() {
        // Both forms share their first 24 characters, where the feature hashes stop.
        let a = "http://www.example.org/news/one";
        let b = "http://www.example.org/news/two";
        let pairs: Vec<_> = [a, b]
            .iter()
            .map(|f| (f.to_string(), Upos::X, format!("lemma-of-{f}")))
            .collect();
        let l = Lemmatizer::learn(&pairs);
        assert_eq!(l.lemma(a, Upos::X), format!("lemma-of-{a}"));
        assert_eq!(l.lemma(b, Upos::X), format!("lemma-of-{b}"));
    }

    #[test]
    fn embedded_models_load() {
        for lang in Lang::ALL {
            assert!(
                embedded(lang).is_some(),
                "embedded tagger for {lang} does not load"
            );
        }
    }

    #[test]
    fn narrowed_tables_keep_their_weights_and_round_trip() {
        // Weights of very different sizes in different rows: a row of small weights keeps
        // them exactly (shift 0), a row of large ones keeps 7 significant bits.
        let mut w = vec![0f32; 4 * FEAT_COLS];
        for (i, x) in w.iter_mut().enumerate() {
            let row = i / FEAT_COLS;
            *x = match row {
                0 => (i % 7) as f32 - 3.0,
                1 => (i as f32 * 1000.0) - 15000.0,
                _ => 0.0,
            };
        }
        // The small row must survive the table-wide scale: give the table a known maximum.
        w[2 * FEAT_COLS] = 30000.0;
        let q = QTable::quantize(&w, FEAT_COLS);
        let t = FeatTable::from_q(&q);
        for (r8, r16) in t.rows.iter().zip(&q.rows) {
            let shift = r8.0[SHIFT_AT];
            for (&a, &b) in r8.0[..FEAT_COLS].iter().zip(&r16.0[..FEAT_COLS]) {
                let back = (a as i32) << shift;
                assert!((back - b as i32).abs() <= (1 << shift) / 2, "{back} vs {b}");
            }
            // The smallest shift that fits the row's largest weight.
            let max = r16.0[..FEAT_COLS]
                .iter()
                .map(|x| x.unsigned_abs())
                .max()
                .unwrap();
            let fits = |s: i8| (max as u32 + (1 << s >> 1)) >> s <= 127;
            assert!(fits(shift) && (shift == 0 || !fits(shift - 1)));
        }
        // Written and read back, the narrowed table is the same (quantizing is idempotent).
        let read_back = |bytes: &[u8]| read_sparse_bytes(bytes).unwrap().unwrap();
        let mut bytes = Vec::new();
        t.write_sparse(&mut bytes);
        let back = FeatTable::from_q(&read_back(&bytes));
        assert!(back.rows.iter().zip(&t.rows).all(|(a, b)| a.0 == b.0));
        // The UPOS table drops the never-predicted X column and keeps the others exactly.
        let mut w = vec![0f32; 2 * N_UPOS];
        for (i, x) in w.iter_mut().enumerate() {
            *x = i as f32 * 100.0;
        }
        let q = QTable::quantize(&w, N_UPOS);
        let u = UposTable::from_q(&q);
        assert_eq!(u.rows[1].0[..], q.rows[1].0[1..N_UPOS]);
        let mut bytes = Vec::new();
        u.write_sparse(&mut bytes);
        let back = UposTable::from_q(&read_back(&bytes));
        assert!(back.rows.iter().zip(&u.rows).all(|(a, b)| a.0 == b.0));
    }

    /// [`QTable::read_sparse`] over a byte slice.
    fn read_sparse_bytes(bytes: &[u8]) -> Result<Option<QTable>, ()> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], ()> {
            let s = bytes.get(at..at + n).ok_or(())?;
            at += n;
            Ok(s)
        };
        QTable::read_sparse(&mut take)
    }

    #[test]
    fn sparse_tables_round_trip_and_reject_damage() {
        let mut w = vec![0f32; 64 * 3];
        for (i, x) in w.iter_mut().enumerate().filter(|(i, _)| i % 7 == 0) {
            *x = i as f32 - 50.0;
        }
        let t = QTable::quantize(&w, 3);
        let mut bytes = Vec::new();
        t.write_sparse(&mut bytes);
        // 64 rows of 3: the header, an 8-byte bitmap and only the non-zero rows.
        let stored = t
            .rows
            .iter()
            .filter(|r| r.0.iter().any(|&x| x != 0))
            .count();
        assert!(stored < 64);
        assert_eq!(bytes.len(), 12 + 8 + 6 * stored);
        let read = read_sparse_bytes;
        let back = read(&bytes).unwrap().unwrap();
        assert!(back.rows.iter().zip(&t.rows).all(|(a, b)| a.0 == b.0));
        // Truncated anywhere: an error, never a panic.
        for cut in 0..bytes.len() {
            assert!(read(&bytes[..cut]).is_err(), "{cut}");
        }
        // A bitmap that claims more rows than are stored, or a row count that is not a power
        // of two: refused.
        let mut more = bytes.clone();
        more[8..12].copy_from_slice(&(stored as u32 - 1).to_le_bytes());
        assert!(!matches!(read(&more), Ok(Some(_))));
        let mut odd = bytes.clone();
        odd[0..4].copy_from_slice(&63u32.to_le_bytes());
        assert_eq!(read(&odd).map(|t| t.is_none()), Ok(true));
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        let m = train(&toy(), 2, 1, None, &mut |_, _| {});
        assert!(m.tag(&[]).is_empty());
        let out = m.tag(&["", "…", "ÉTATS-UNIS", "1 000"]);
        assert_eq!(out.len(), 4);
    }
}
