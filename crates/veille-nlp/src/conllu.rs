//! A CoNLL-U reader, and the raw text of a treebank rebuilt the way UD releases it.
//!
//! The raw text follows UD's `conllu_to_text.pl`: tokens joined by their `SpaceAfter`,
//! sentences by a space, paragraphs (`# newpar`, `# newdoc`, `NewPar=Yes`) by a blank line, and
//! lines wrapped at word boundaries after 80 characters. Evaluating "from raw text" means running
//! on exactly this text, as the CoNLL 2018 shared task did.

use thiserror::Error;

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ConlluError {
    #[error("line {line}: {msg}")]
    Syntax { line: usize, msg: String },
}

/// One syntactic word (a node) of a gold sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    pub head: usize,
    pub deprel: String,
}

/// A surface token: one word, or a multiword token with its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldToken {
    pub form: String,
    pub words: Vec<GoldWord>,
    pub space_after: bool,
    /// This token starts a new paragraph in the middle of a sentence (`NewPar=Yes`).
    pub new_par: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldSentence {
    pub id: String,
    pub text: String,
    pub new_par: bool,
    pub new_doc: bool,
    pub tokens: Vec<GoldToken>,
}

fn misc_has(misc: &str, item: &str) -> bool {
    misc.split('|').any(|m| m == item)
}

/// Parses a CoNLL-U document. Empty nodes (`8.1`) are skipped, as in the CoNLL 2018 evaluation.
pub fn parse(input: &str) -> Result<Vec<GoldSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    let mut mwt_end = 0usize;
    let mut pending_par = false;
    let mut pending_doc = false;
    for (ln, line) in input.lines().enumerate() {
        let line_no = ln + 1;
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            mwt_end = 0;
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if c.starts_with("newdoc") {
                pending_doc = true;
            } else if c.starts_with("newpar") {
                pending_par = true;
            } else if let Some(v) = c.strip_prefix("sent_id") {
                cur.id = v.trim_start_matches([' ', '=']).trim().to_string();
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = v.trim().to_string();
            }
            continue;
        }
        if cur.tokens.is_empty() {
            cur.new_par = pending_par || pending_doc;
            cur.new_doc = pending_doc;
            pending_par = false;
            pending_doc = false;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 10 {
            return Err(ConlluError::Syntax {
                line: line_no,
                msg: format!("expected 10 tab-separated columns, found {}", f.len()),
            });
        }
        let id = f[0];
        let misc = f[9];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let (a, b): (usize, usize) = match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) if a <= b => (a, b),
                _ => {
                    return Err(ConlluError::Syntax {
                        line: line_no,
                        msg: format!("bad range id {id:?}"),
                    });
                }
            };
            let _ = a;
            mwt_end = b;
            cur.tokens.push(GoldToken {
                form: f[1].to_string(),
                words: Vec::new(),
                space_after: !misc_has(misc, "SpaceAfter=No"),
                new_par: misc_has(misc, "NewPar=Yes"),
            });
            continue;
        }
        let n: usize = id.parse().map_err(|_| ConlluError::Syntax {
            line: line_no,
            msg: format!("bad word id {id:?}"),
        })?;
        let word = GoldWord {
            form: f[1].to_string(),
            lemma: f[2].to_string(),
            upos: f[3].to_string(),
            xpos: f[4].to_string(),
            feats: f[5].to_string(),
            head: f[6].parse().unwrap_or(0),
            deprel: f[7].to_string(),
        };
        if n <= mwt_end {
            match cur.tokens.last_mut() {
                Some(t) => t.words.push(word),
                None => {
                    return Err(ConlluError::Syntax {
                        line: line_no,
                        msg: "word inside a multiword range without the range".into(),
                    });
                }
            }
        } else {
            cur.tokens.push(GoldToken {
                form: f[1].to_string(),
                words: vec![word],
                space_after: !misc_has(misc, "SpaceAfter=No"),
                new_par: misc_has(misc, "NewPar=Yes"),
            });
        }
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Gold segmentation laid over a rebuilt raw text: byte spans of tokens, words and sentences.
#[derive(Debug, Clone, Default)]
pub struct RawGold {
    pub text: String,
    /// Token spans, with for each token the lowercased forms of its words when it is a multiword
    /// token (empty otherwise).
    pub tokens: Vec<(usize, usize, Vec<String>)>,
    pub sentences: Vec<(usize, usize)>,
    /// Index of the first token of each sentence.
    pub sentence_first_token: Vec<usize>,
}

/// Rebuilds the raw text of `sentences` (see the module docs) with the gold spans over it.
pub fn raw_text(sentences: &[GoldSentence]) -> RawGold {
    let mut g = RawGold::default();
    let mut line_len = 0usize; // chars on the current output line
    let mut first = true;
    for s in sentences {
        let mut sent_start = None;
        let mut sent_end = 0;
        g.sentence_first_token.push(g.tokens.len());
        for (ti, t) in s.tokens.iter().enumerate() {
            let par_break = !first && ((ti == 0 && s.new_par) || t.new_par);
            if par_break {
                while g.text.ends_with(' ') {
                    g.text.pop();
                }
                g.text.push_str("\n\n");
                line_len = 0;
            } else if !first && (g.text.ends_with(' ') || g.text.is_empty()) {
                // Wrap: replace the space before a token that would pass 80 characters.
                let w = t.form.chars().count();
                if line_len + w > 80 && line_len > 0 && g.text.ends_with(' ') {
                    g.text.pop();
                    g.text.push('\n');
                    line_len = 0;
                }
            }
            first = false;
            let start = g.text.len();
            g.text.push_str(&t.form);
            let end = g.text.len();
            line_len += t.form.chars().count();
            let mw = if t.words.len() > 1 {
                t.words.iter().map(|w| w.form.to_lowercase()).collect()
            } else {
                Vec::new()
            };
            g.tokens.push((start, end, mw));
            sent_start.get_or_insert(start);
            sent_end = end;
            let last = ti + 1 == s.tokens.len();
            if t.space_after || last {
                g.text.push(' ');
                line_len += 1;
            }
        }
        if let Some(st) = sent_start {
            g.sentences.push((st, sent_end));
        }
    }
    while g.text.ends_with(' ') {
        g.text.pop();
    }
    g.text.push('\n');
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = 1\n# text = Il parle du pays.\n1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n2\tparle\tparler\tVERB\t_\t_\t0\troot\t_\t_\n3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_\n4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_\n5\tpays\tpays\tNOUN\t_\t_\t2\tobl\t_\tSpaceAfter=No\n6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n# newpar\n# sent_id = 2\n# text = Oui.\n1\tOui\toui\tINTJ\t_\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n";

    #[test]
    fn parses_and_rebuilds_text() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens.len(), 5);
        assert_eq!(s[0].tokens[2].words.len(), 2);
        let g = raw_text(&s);
        assert_eq!(g.text, "Il parle du pays.\n\nOui.\n");
        assert_eq!(g.sentences, vec![(0, 17), (19, 23)]);
        assert_eq!(&g.text[g.tokens[2].0..g.tokens[2].1], "du");
        assert_eq!(g.tokens[2].2, vec!["de", "le"]);
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(parse("1\tx\n").is_err());
    }
}
