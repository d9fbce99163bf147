//! Parser combination (issue #3): the trees of several parsers, each weighted, are merged
//! into the one projective tree whose arcs carry the most weight (Sagae & Lavie 2006,
//! "reparsing"), decoded exactly with Eisner's algorithm.
//!
//! A left-to-right transition parser and one that reads the sentence right to left make
//! different mistakes: the first commits early to what it reads first, the second to the
//! end of the sentence. Each parser's final beam gives a distribution over its trees
//! (softmax of the beam scores); an arc's weight is the probability mass of the trees that
//! contain it, summed over the parsers. The tree that maximises the total weight agrees with
//! each parser where it is sure and lets the other decide where it is not.

use crate::parser::{ParseInput, ParserModel};

/// Arc weights for a sentence of `n` words: `w[h * (n + 1) + d]` is the weight of the arc
/// from `h` (0 the root, else the 1-based head) to the 1-based word `d`.
#[derive(Debug, Clone, Default)]
pub struct ArcWeights {
    n: usize,
    w: Vec<f64>,
}

impl ArcWeights {
    pub fn new(n: usize) -> ArcWeights {
        ArcWeights {
            n,
            w: vec![0.0; (n + 1) * (n + 1)],
        }
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    #[inline]
    pub fn get(&self, h: usize, d: usize) -> f64 {
        self.w[h * (self.n + 1) + d]
    }

    /// Adds `x` to the arc `h → d` (ignored when out of range).
    #[inline]
    pub fn add(&mut self, h: usize, d: usize, x: f64) {
        if h <= self.n && (1..=self.n).contains(&d) && h != d {
            self.w[h * (self.n + 1) + d] += x;
        }
    }

    /// Adds a k-best list: `(score, heads)` pairs (heads 0 for the root, else 1-based), as
    /// probabilities `softmax(score / temperature)` times `weight`.
    pub fn add_kbest<'a>(
        &mut self,
        kbest: impl IntoIterator<Item = (i64, &'a [u32])> + Clone,
        temperature: f64,
        weight: f64,
    ) {
        let Some(top) = kbest.clone().into_iter().map(|(s, _)| s).max() else {
            return;
        };
        let t = temperature.max(1e-9);
        let z: f64 = kbest
            .clone()
            .into_iter()
            .map(|(s, _)| ((s - top) as f64 / t).exp())
            .sum();
        for (s, heads) in kbest {
            let p = weight * ((s - top) as f64 / t).exp() / z;
            for (i, &h) in heads.iter().enumerate().take(self.n) {
                self.add(h as usize, i + 1, p);
            }
        }
    }
}

/// One parser of a combination: how much its trees count, and the temperature that turns
/// its beam scores (in its own quantized units) into probabilities.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    pub model: &'a ParserModel,
    pub weight: f64,
    pub temperature: f64,
}

/// Sentences longer than this are parsed by the first member alone: the decoder's tables
/// grow with the square of the length and its time with the cube, and such "sentences" are
/// mostly lists or tables that no parser reads well.
pub const MAX_WORDS: usize = 160;

/// Parses `s` with every member (each with its beam) and returns the tree of greatest total
/// arc weight, as [`ParserModel::parse`] does for one model: `heads[i]` 0 for the root, else
/// the 1-based head, and label ids of the first member. Each word's label is the weighted
/// vote of the hypotheses that give it the chosen head.
pub fn parse_combined(
    members: &[Member],
    s: &ParseInput,
    heads: &mut Vec<u32>,
    labels: &mut Vec<u16>,
) {
    let Some(first) = members.first() else {
        heads.clear();
        labels.clear();
        return;
    };
    let n = s.forms.len();
    if members.len() == 1 || !(2..=MAX_WORDS).contains(&n) {
        first.model.parse(s, heads, labels);
        return;
    }
    let names = first.model.labels();
    let mut kbest = Vec::with_capacity(members.len());
    for m in members {
        let mut out = Vec::new();
        m.model.parse_kbest(s, &mut out);
        // Label ids of this member in the first member's numbering.
        let ids: Vec<u16> = m
            .model
            .labels()
            .iter()
            .map(|l| names.iter().position(|x| x == l).unwrap_or(0) as u16)
            .collect();
        kbest.push((out, ids));
    }
    let mut w = ArcWeights::new(n);
    for (m, (out, _)) in members.iter().zip(&kbest) {
        w.add_kbest(
            out.iter().map(|(sc, h, _)| (*sc, &h[..])),
            m.temperature,
            m.weight,
        );
    }
    *heads = eisner(&w);
    labels.clear();
    let mut votes = vec![0f64; names.len()];
    // Per word, the runner-up label, for the check below.
    let mut second: Vec<Option<u16>> = Vec::with_capacity(n);
    for k in 0..n {
        votes.fill(0.0);
        for (m, (out, ids)) in members.iter().zip(&kbest) {
            let top = out.iter().map(|x| x.0).max().unwrap_or(0);
            let t = m.temperature.max(1e-9);
            for (sc, h, l) in out {
                if h[k] == heads[k] {
                    let id = ids.get(l[k] as usize).copied().unwrap_or(0) as usize;
                    if let Some(v) = votes.get_mut(id) {
                        *v += m.weight * ((sc - top) as f64 / t).exp();
                    }
                }
            }
        }
        let mut ranked: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] > 0.0).collect();
        ranked.sort_by(|&a, &b| votes[b].total_cmp(&votes[a]).then(a.cmp(&b)));
        second.push(ranked.get(1).map(|&i| i as u16));
        // No hypothesis has the arc only when the decoder joined pieces of several trees in
        // a way none of them did: the word keeps its label in the first member's best tree.
        labels.push(match ranked.first() {
            Some(&i) => i as u16,
            None => kbest[0]
                .0
                .first()
                .and_then(|x| x.2.get(k).copied())
                .unwrap_or(0),
        });
    }
    // A conjunct after its head has a conjunction or a punctuation mark before it among its
    // own dependents ("A, B and C"). Voted labels come from different trees, so a word can
    // be voted `conj` while the chosen tree gives it neither (a title and a name, "Prime
    // Minister Odinga", read as two actors): it takes its runner-up label.
    let id = |name: &str| names.iter().position(|x| x == name).map(|i| i as u16);
    if let Some(conj) = id("conj") {
        let marks: Vec<u16> = ["cc", "punct"].iter().filter_map(|x| id(x)).collect();
        for k in 0..n {
            let h = heads[k] as usize;
            if labels[k] != conj || h == 0 || h > k {
                continue;
            }
            let marked = (h..k).any(|j| heads[j] as usize == k + 1 && marks.contains(&labels[j]));
            if let (false, Some(l)) = (marked, second[k]) {
                labels[k] = l;
            }
        }
    }
}

/// The projective tree with exactly one word under the root that maximises the sum of its
/// arc weights (Eisner 1996, with the root attached last as in Eisner & Satta's "one root"
/// variant). Returns `heads[i]` for word `i + 1`: 0 for the root, else the 1-based head.
/// O(n³) time, O(n²) memory.
pub fn eisner(w: &ArcWeights) -> Vec<u32> {
    let n = w.len();
    if n == 0 {
        return Vec::new();
    }
    // Spans over words 1..=n, stored at [s][t] with s ≤ t. Direction 0: the head is t (arcs
    // point left), 1: the head is s. `c` are complete spans, `i` incomplete ones (the arc
    // between s and t is made); the `*b` arrays keep the split points for backtracking.
    let m = n + 1;
    let idx = |s: usize, t: usize| s * m + t;
    let neg = f64::NEG_INFINITY;
    let mut c = [vec![neg; m * m], vec![neg; m * m]];
    let mut i = [vec![neg; m * m], vec![neg; m * m]];
    let mut cb = [vec![0u32; m * m], vec![0u32; m * m]];
    let mut ib = [vec![0u32; m * m], vec![0u32; m * m]];
    for s in 1..=n {
        c[0][idx(s, s)] = 0.0;
        c[1][idx(s, s)] = 0.0;
    }
    for len in 1..n {
        for s in 1..=n - len {
            let t = s + len;
            // Incomplete spans: the arc between s and t over two facing complete halves.
            let (mut best, mut arg) = (neg, s);
            for r in s..t {
                let v = c[1][idx(s, r)] + c[0][idx(r + 1, t)];
                if v > best {
                    best = v;
                    arg = r;
                }
            }
            i[0][idx(s, t)] = best + w.get(t, s);
            i[1][idx(s, t)] = best + w.get(s, t);
            ib[0][idx(s, t)] = arg as u32;
            ib[1][idx(s, t)] = arg as u32;
            // Complete spans, head at t: a complete left span then an incomplete one.
            let (mut best, mut arg) = (neg, s);
            for r in s..t {
                let v = c[0][idx(s, r)] + i[0][idx(r, t)];
                if v > best {
                    best = v;
                    arg = r;
                }
            }
            c[0][idx(s, t)] = best;
            cb[0][idx(s, t)] = arg as u32;
            // Head at s: an incomplete span then a complete right one.
            let (mut best, mut arg) = (neg, t);
            for r in s + 1..=t {
                let v = i[1][idx(s, r)] + c[1][idx(r, t)];
                if v > best {
                    best = v;
                    arg = r;
                }
            }
            c[1][idx(s, t)] = best;
            cb[1][idx(s, t)] = arg as u32;
        }
    }
    // The root word r heads everything to its left and to its right.
    let (mut best, mut root) = (neg, 1);
    for r in 1..=n {
        let v = c[0][idx(1, r)] + c[1][idx(r, n)] + w.get(0, r);
        if v > best {
            best = v;
            root = r;
        }
    }
    let mut heads = vec![0u32; n];
    // Explicit stack instead of recursion: sentences can be long. (kind, dir, s, t) with
    // kind 0 = complete, 1 = incomplete.
    let mut todo = vec![(0u8, 0usize, 1usize, root), (0u8, 1usize, root, n)];
    while let Some((kind, dir, s, t)) = todo.pop() {
        if s == t {
            continue;
        }
        if kind == 0 {
            let r = cb[dir][idx(s, t)] as usize;
            if dir == 0 {
                todo.push((0, 0, s, r));
                todo.push((1, 0, r, t));
            } else {
                todo.push((1, 1, s, r));
                todo.push((0, 1, r, t));
            }
        } else {
            let r = ib[dir][idx(s, t)] as usize;
            if dir == 0 {
                heads[s - 1] = t as u32;
            } else {
                heads[t - 1] = s as u32;
            }
            todo.push((0, 1, s, r));
            todo.push((0, 0, r + 1, t));
        }
    }
    heads
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(n: usize, arcs: &[(usize, usize, f64)]) -> ArcWeights {
        let mut w = ArcWeights::new(n);
        for &(h, d, x) in arcs {
            w.add(h, d, x);
        }
        w
    }

    /// Every projective single-root tree of a short sentence, by brute force.
    fn brute(w: &ArcWeights) -> f64 {
        let n = w.len();
        let mut best = f64::NEG_INFINITY;
        let mut heads = vec![0u32; n];
        let total = (n + 1).pow(n as u32);
        for code in 0..total {
            let mut x = code;
            for h in heads.iter_mut() {
                *h = (x % (n + 1)) as u32;
                x /= n + 1;
            }
            if is_projective_tree(&heads) {
                let s: f64 = (0..n).map(|i| w.get(heads[i] as usize, i + 1)).sum();
                best = best.max(s);
            }
        }
        best
    }

    fn is_projective_tree(heads: &[u32]) -> bool {
        let n = heads.len();
        if heads.iter().filter(|&&h| h == 0).count() != 1 {
            return false;
        }
        for d in 1..=n {
            // Reaches the root without a cycle.
            let (mut k, mut steps) = (d, 0);
            while k != 0 {
                if heads[k - 1] as usize == k || steps > n {
                    return false;
                }
                k = heads[k - 1] as usize;
                steps += 1;
            }
        }
        for d in 1..=n {
            let h = heads[d - 1] as usize;
            let (a, b) = (h.min(d), h.max(d));
            for k in a + 1..b {
                // Every word between an arc's ends descends from its head.
                let mut x = k;
                while x != 0 && x != h {
                    x = heads[x - 1] as usize;
                }
                if x != h {
                    return false;
                }
            }
        }
        true
    }

    #[test]
    fn follows_a_single_parse() {
        let heads = [2u32, 0, 2, 3];
        let mut w = ArcWeights::new(4);
        w.add_kbest([(10i64, &heads[..])], 1.0, 1.0);
        assert_eq!(eisner(&w), heads);
    }

    #[test]
    fn one_root_even_when_two_are_heavier() {
        let w = from(
            3,
            &[
                (0, 1, 5.0),
                (0, 3, 5.0),
                (1, 2, 1.0),
                (3, 2, 0.5),
                (1, 3, 0.1),
            ],
        );
        let h = eisner(&w);
        assert_eq!(h.iter().filter(|&&x| x == 0).count(), 1);
        assert_eq!(h, vec![0, 1, 1]);
    }

    #[test]
    fn agrees_with_brute_force() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 1000) as f64 / 100.0
        };
        for n in 1..=5 {
            for _ in 0..30 {
                let mut w = ArcWeights::new(n);
                for h in 0..=n {
                    for d in 1..=n {
                        w.add(h, d, next());
                    }
                }
                let heads = eisner(&w);
                assert!(is_projective_tree(&heads), "{heads:?}");
                let s: f64 = (0..n).map(|i| w.get(heads[i] as usize, i + 1)).sum();
                assert!((s - brute(&w)).abs() < 1e-9, "n={n}: {s} vs {}", brute(&w));
            }
        }
    }

    #[test]
    fn two_parsers_vote() {
        // Parser A is unsure between two trees, B backs the second one.
        let (t1, t2) = ([2u32, 0, 2], [3u32, 3, 0]);
        let mut w = ArcWeights::new(3);
        w.add_kbest([(10i64, &t1[..]), (9, &t2[..])], 1.0, 1.0);
        w.add_kbest([(10i64, &t2[..])], 1.0, 1.0);
        assert_eq!(eisner(&w), t2);
    }
}
