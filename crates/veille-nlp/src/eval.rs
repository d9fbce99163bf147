//! Segmentation scores computed the CoNLL 2018 way: system and gold segment the same raw
//! text; tokens and sentences match when their character spans are equal; words match by span
//! outside multiword tokens and, where a multiword token is involved, by the longest common
//! subsequence of lowercased forms over the overlapping region.

use crate::conllu::RawGold;
use serde::Serialize;
use veille_core::Doc;

/// Precision, recall and F1 (as 0–100 numbers) from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
    pub p: f64,
    pub r: f64,
    pub f: f64,
}

impl Prf {
    pub fn new(gold: usize, system: usize, correct: usize) -> Prf {
        let p = if system == 0 {
            0.0
        } else {
            100.0 * correct as f64 / system as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            100.0 * correct as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf {
            gold,
            system,
            correct,
            p,
            r,
            f,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SegmentationScores {
    pub tokens: Prf,
    pub words: Prf,
    pub sentences: Prf,
}

fn count_equal(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    n
}

/// Longest common subsequence of `a` and `b`, as index pairs.
fn lcs_pairs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[at(i, j)] = if a[i] == b[j] {
                t[at(i + 1, j + 1)] + 1
            } else {
                t[at(i + 1, j)].max(t[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[at(i + 1, j)] >= t[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// A token for word alignment: its span and, for a multiword token, its words' forms.
struct AlignTok<'a> {
    start: usize,
    end: usize,
    forms: Vec<String>,
    text: &'a str,
}

impl AlignTok<'_> {
    fn word_forms(&self) -> Vec<String> {
        if self.forms.is_empty() {
            vec![self.text.to_lowercase()]
        } else {
            self.forms.clone()
        }
    }
}

/// Aligns gold and system words the CoNLL 2018 way; returns (gold word, system word) index
/// pairs, words numbered in text order over all tokens.
fn align_words(gold: &[AlignTok], sys: &[AlignTok]) -> Vec<(usize, usize)> {
    let n_words = |t: &AlignTok| t.forms.len().max(1);
    let gfirst: Vec<usize> = gold
        .iter()
        .scan(0, |acc, t| {
            let f = *acc;
            *acc += n_words(t);
            Some(f)
        })
        .collect();
    let sfirst: Vec<usize> = sys
        .iter()
        .scan(0, |acc, t| {
            let f = *acc;
            *acc += n_words(t);
            Some(f)
        })
        .collect();
    let (mut gi, mut si) = (0, 0);
    let mut pairs = Vec::new();
    while gi < gold.len() && si < sys.len() {
        let (g, s) = (&gold[gi], &sys[si]);
        if g.end <= s.start {
            gi += 1;
            continue;
        }
        if s.end <= g.start {
            si += 1;
            continue;
        }
        // Grow the region while tokens on either side overlap it.
        let (mut ge, mut se) = (gi + 1, si + 1);
        let mut end = g.end.max(s.end);
        loop {
            let mut grew = false;
            while ge < gold.len() && gold[ge].start < end {
                end = end.max(gold[ge].end);
                ge += 1;
                grew = true;
            }
            while se < sys.len() && sys[se].start < end {
                end = end.max(sys[se].end);
                se += 1;
                grew = true;
            }
            if !grew {
                break;
            }
        }
        let multi = gold[gi..ge].iter().any(|t| !t.forms.is_empty())
            || sys[si..se].iter().any(|t| !t.forms.is_empty());
        if multi {
            let gf: Vec<String> = gold[gi..ge].iter().flat_map(|t| t.word_forms()).collect();
            let sf: Vec<String> = sys[si..se].iter().flat_map(|t| t.word_forms()).collect();
            for (a, b) in lcs_pairs(&gf, &sf) {
                pairs.push((gfirst[gi] + a, sfirst[si] + b));
            }
        } else {
            // Single-word tokens: words match when their spans do.
            let (mut a, mut b) = (gi, si);
            while a < ge && b < se {
                match (gold[a].start, gold[a].end).cmp(&(sys[b].start, sys[b].end)) {
                    std::cmp::Ordering::Equal => {
                        pairs.push((gfirst[a], sfirst[b]));
                        a += 1;
                        b += 1;
                    }
                    std::cmp::Ordering::Less => a += 1,
                    std::cmp::Ordering::Greater => b += 1,
                }
            }
        }
        gi = ge;
        si = se;
    }
    pairs
}

fn align_toks<'a>(gold: &'a RawGold, doc: &'a Doc) -> (Vec<AlignTok<'a>>, Vec<AlignTok<'a>>) {
    let text = gold.text.as_str();
    let galign: Vec<AlignTok> = gold
        .tokens
        .iter()
        .map(|(s, e, forms)| AlignTok {
            start: *s,
            end: *e,
            forms: forms.clone(),
            text: &text[*s..*e],
        })
        .collect();
    let salign: Vec<AlignTok> = (0..doc.tokens.len())
        .map(|i| {
            let t = doc.tokens[i];
            let forms = if t.n_words > 1 {
                doc.token_words(i)
                    .iter()
                    .map(|w| w.form(text).to_lowercase())
                    .collect()
            } else {
                Vec::new()
            };
            AlignTok {
                start: t.span.start as usize,
                end: t.span.end as usize,
                forms,
                text: t.span.text(text),
            }
        })
        .collect();
    (galign, salign)
}

/// Scores the segmentation in `doc` (run over `gold.text`) against the gold.
pub fn score_segmentation(gold: &RawGold, doc: &Doc) -> SegmentationScores {
    let gtok: Vec<(usize, usize)> = gold.tokens.iter().map(|t| (t.0, t.1)).collect();
    let stok: Vec<(usize, usize)> = doc
        .tokens
        .iter()
        .map(|t| (t.span.start as usize, t.span.end as usize))
        .collect();
    let tokens = Prf::new(gtok.len(), stok.len(), count_equal(&gtok, &stok));

    let (galign, salign) = align_toks(gold, doc);
    let gold_words: usize = galign.iter().map(|t| t.forms.len().max(1)).sum();
    let words = Prf::new(
        gold_words,
        doc.words.len(),
        align_words(&galign, &salign).len(),
    );

    let ssent: Vec<(usize, usize)> = doc
        .sentences
        .iter()
        .map(|s| (s.span.start as usize, s.span.end as usize))
        .collect();
    let sentences = Prf::new(
        gold.sentences.len(),
        ssent.len(),
        count_equal(&gold.sentences, &ssent),
    );
    SegmentationScores {
        tokens,
        words,
        sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::{parse, raw_text};
    use veille_core::Lang;

    #[test]
    fn perfect_and_imperfect() {
        let conllu = "# text = Il parle du pays.\n1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n2\tparle\tparler\tVERB\t_\t_\t0\troot\t_\t_\n3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_\n4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_\n5\tpays\tpays\tNOUN\t_\t_\t2\tobl\t_\tSpaceAfter=No\n6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n";
        let gold = raw_text(&parse(conllu).unwrap());
        let mut doc = Doc::new(gold.text.clone(), Some(Lang::Fr), None);
        crate::segment(&mut doc);
        let s = score_segmentation(&gold, &doc);
        assert_eq!(s.tokens.f, 100.0);
        assert_eq!(s.words.f, 100.0);
        assert_eq!(s.sentences.f, 100.0);
        // English rules do not expand "du": words differ, tokens do not.
        let mut doc = Doc::new(gold.text.clone(), Some(Lang::En), None);
        crate::segment(&mut doc);
        let s = score_segmentation(&gold, &doc);
        assert_eq!(s.tokens.f, 100.0);
        assert_eq!(s.words.correct, 4);
        assert_eq!(s.words.gold, 6);
    }
}

/// Result of segmenting a whole treebank from its raw text.
#[derive(Debug, Clone)]
pub struct SegmentationRun {
    pub gold: RawGold,
    pub doc: Doc,
    pub scores: SegmentationScores,
    pub seconds: f64,
}

/// Rebuilds the raw text of a CoNLL-U treebank, segments it, times it and scores it.
pub fn evaluate_segmentation(
    conllu: &str,
    lang: veille_core::Lang,
) -> Result<SegmentationRun, crate::conllu::ConlluError> {
    let sentences = crate::conllu::parse(conllu)?;
    let gold = crate::conllu::raw_text(&sentences);
    let mut doc = Doc::new(gold.text.clone(), Some(lang), None);
    let t0 = std::time::Instant::now();
    crate::segment(&mut doc);
    let seconds = t0.elapsed().as_secs_f64();
    let scores = score_segmentation(&gold, &doc);
    Ok(SegmentationRun {
        gold,
        doc,
        scores,
        seconds,
    })
}

/// Tagging and parsing scores, CoNLL 2018 style: each metric counts aligned words whose
/// annotation is right, as F1 over gold and system words (on gold tokens, F1 = accuracy).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SyntaxScores {
    pub words: Prf,
    pub upos: Prf,
    pub feats: Prf,
    pub lemma: Prf,
    /// `None` when the system has no parse.
    pub uas: Option<Prf>,
    pub las: Option<Prf>,
}

/// The gold annotation of every syntactic word, in text order; heads as global word indices.
struct GoldSyntax {
    upos: Vec<String>,
    feats: Vec<veille_core::Feats>,
    lemma: Vec<String>,
    head: Vec<Option<usize>>,
    deprel: Vec<String>,
}

fn gold_syntax(sentences: &[crate::conllu::GoldSentence]) -> GoldSyntax {
    let mut g = GoldSyntax {
        upos: Vec::new(),
        feats: Vec::new(),
        lemma: Vec::new(),
        head: Vec::new(),
        deprel: Vec::new(),
    };
    for s in sentences {
        let offset = g.upos.len();
        for w in s.tokens.iter().flat_map(|t| t.words.iter()) {
            g.upos.push(w.upos.clone());
            g.feats.push(veille_core::Feats::from_ud(&w.feats));
            g.lemma.push(w.lemma.clone());
            g.head.push((w.head > 0).then(|| offset + w.head - 1));
            g.deprel.push(w.deprel.clone());
        }
    }
    g
}

/// The universal part of a relation: CoNLL 2018 LAS ignores subtypes ("obl:arg" = "obl").
fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Scores `doc.analyses` (over `gold.text`) against the gold treebank.
pub fn score_syntax(
    sentences: &[crate::conllu::GoldSentence],
    gold: &RawGold,
    doc: &Doc,
) -> SyntaxScores {
    let g = gold_syntax(sentences);
    let (galign, salign) = align_toks(gold, doc);
    let pairs = align_words(&galign, &salign);
    let (ng, ns) = (g.upos.len(), doc.words.len());
    let mut sys_to_gold = vec![None; ns];
    for &(a, b) in &pairs {
        sys_to_gold[b] = Some(a);
    }
    let parsed = doc.analyses.iter().any(|a| !a.deprel.is_empty());
    let (mut upos, mut feats, mut lemma, mut uas, mut las) = (0, 0, 0, 0, 0);
    for &(gi, si) in &pairs {
        let Some(a) = doc.analyses.get(si) else {
            continue;
        };
        upos += (a.upos.as_str() == g.upos[gi]) as usize;
        feats += (a.feats == g.feats[gi]) as usize;
        lemma += (a.lemma == g.lemma[gi]) as usize;
        let head_ok = match (a.head, g.head[gi]) {
            (None, None) => true,
            (Some(sh), Some(gh)) => sys_to_gold.get(sh as usize).copied().flatten() == Some(gh),
            _ => false,
        };
        if head_ok {
            uas += 1;
            las += (universal(&a.deprel) == universal(&g.deprel[gi])) as usize;
        }
    }
    SyntaxScores {
        words: Prf::new(ng, ns, pairs.len()),
        upos: Prf::new(ng, ns, upos),
        feats: Prf::new(ng, ns, feats),
        lemma: Prf::new(ng, ns, lemma),
        uas: parsed.then(|| Prf::new(ng, ns, uas)),
        las: parsed.then(|| Prf::new(ng, ns, las)),
    }
}

/// Result of tagging (and parsing) a whole treebank.
#[derive(Debug, Clone)]
pub struct SyntaxRun {
    pub scores: SyntaxScores,
    pub words: usize,
    pub seconds: f64,
}

/// Runs the pipeline's language stages on a treebank and scores them: from the raw text
/// (segmentation included, as CoNLL 2018 did) or, with `gold_tokens`, on the gold words and
/// sentences.
pub fn evaluate_syntax(
    conllu: &str,
    lang: veille_core::Lang,
    gold_tokens: bool,
) -> Result<SyntaxRun, crate::conllu::ConlluError> {
    let sentences = crate::conllu::parse(conllu)?;
    let gold = crate::conllu::raw_text(&sentences);
    if gold_tokens {
        return Ok(evaluate_on_gold_tokens(&sentences, lang));
    }
    let mut doc = Doc::new(gold.text.clone(), Some(lang), None);
    let t0 = std::time::Instant::now();
    crate::analyze(&mut doc);
    let seconds = t0.elapsed().as_secs_f64();
    let scores = score_syntax(&sentences, &gold, &doc);
    Ok(SyntaxRun {
        scores,
        words: doc.words.len(),
        seconds,
    })
}

fn evaluate_on_gold_tokens(
    sentences: &[crate::conllu::GoldSentence],
    lang: veille_core::Lang,
) -> SyntaxRun {
    let g = gold_syntax(sentences);
    let n = g.upos.len();
    let mut analyses = Vec::with_capacity(n);
    let t0 = std::time::Instant::now();
    for s in sentences {
        let forms: Vec<&str> = s
            .tokens
            .iter()
            .flat_map(|t| t.words.iter())
            .map(|w| w.form.as_str())
            .collect();
        analyses.extend(crate::analyze_words(&forms, lang, analyses.len() as u32));
    }
    let seconds = t0.elapsed().as_secs_f64();
    let parsed = analyses
        .iter()
        .any(|a: &veille_core::Analysis| !a.deprel.is_empty());
    let (mut upos, mut feats, mut lemma, mut uas, mut las) = (0, 0, 0, 0, 0);
    for (i, a) in analyses.iter().enumerate() {
        upos += (a.upos.as_str() == g.upos[i]) as usize;
        feats += (a.feats == g.feats[i]) as usize;
        lemma += (a.lemma == g.lemma[i]) as usize;
        if a.head.map(|h| h as usize) == g.head[i] {
            uas += 1;
            las += (universal(&a.deprel) == universal(&g.deprel[i])) as usize;
        }
    }
    SyntaxRun {
        scores: SyntaxScores {
            words: Prf::new(n, n, n),
            upos: Prf::new(n, n, upos),
            feats: Prf::new(n, n, feats),
            lemma: Prf::new(n, n, lemma),
            uas: parsed.then(|| Prf::new(n, n, uas)),
            las: parsed.then(|| Prf::new(n, n, las)),
        },
        words: n,
        seconds,
    }
}
