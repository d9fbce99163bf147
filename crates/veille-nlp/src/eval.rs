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

fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
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

fn count_words(gold: &[AlignTok], sys: &[AlignTok]) -> usize {
    let (mut gi, mut si, mut n) = (0, 0, 0);
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
            n += lcs(&gf, &sf);
        } else {
            let gs: Vec<_> = gold[gi..ge].iter().map(|t| (t.start, t.end)).collect();
            let ss: Vec<_> = sys[si..se].iter().map(|t| (t.start, t.end)).collect();
            n += count_equal(&gs, &ss);
        }
        gi = ge;
        si = se;
    }
    n
}

/// Scores the segmentation in `doc` (run over `gold.text`) against the gold.
pub fn score_segmentation(gold: &RawGold, doc: &Doc) -> SegmentationScores {
    let text = gold.text.as_str();
    let gtok: Vec<(usize, usize)> = gold.tokens.iter().map(|t| (t.0, t.1)).collect();
    let stok: Vec<(usize, usize)> = doc
        .tokens
        .iter()
        .map(|t| (t.span.start as usize, t.span.end as usize))
        .collect();
    let tokens = Prf::new(gtok.len(), stok.len(), count_equal(&gtok, &stok));

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
    let gold_words: usize = galign.iter().map(|t| t.forms.len().max(1)).sum();
    let words = Prf::new(gold_words, doc.words.len(), count_words(&galign, &salign));

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
