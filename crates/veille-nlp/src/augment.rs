//! Training-data augmentation for news text.
//!
//! The English treebank (EWT) is web text: reviews, e-mails, forum posts. Wire stories open with
//! a construction it almost never shows, a time phrase between the subject and its verb:
//! "Denmark today accepted …", "Israel Friday reimposed …", "The ministers on Monday agreed …".
//! A parser trained on EWT alone reads "Denmark today" as one noun phrase, or the verb as a
//! modifier of the next noun, and the event coder then finds no subject. [`news_leads`] copies
//! the treebank sentences whose noun subject ends right before a finite main verb and inserts
//! such a time phrase there, attached to the verb as the treebank attaches time phrases.
//!
//! Wire stories also name their subjects as web text seldom does: "Georgian President Eduard
//! Shevardnadze resigned", "A Japanese official praised …", "Danish troops withdrew …".
//! [`news_subjects`] copies the sentences whose subject comes right before a finite main verb
//! with that subject replaced by such a phrase, built from a list of nationality adjectives,
//! titles and the personal names the treebank itself contains, annotated as the treebank
//! annotates them ("President" is `nmod:desc` of the given name, the family name `flat`).

use crate::conllu::{GoldSentence, GoldToken, GoldWord};

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn word(form: &str, upos: &str, xpos: &str, head: usize, deprel: &str) -> GoldWord {
    GoldWord {
        form: form.to_string(),
        lemma: form.to_lowercase(),
        upos: upos.to_string(),
        xpos: xpos.to_string(),
        feats: match upos {
            "NOUN" | "PROPN" => "Number=Sing".to_string(),
            "ADJ" => "Degree=Pos".to_string(),
            _ => "_".to_string(),
        },
        head,
        deprel: deprel.to_string(),
    }
}

/// The time phrase of variant `k`, as words whose heads are given relative to the phrase: `0`
/// is the verb, `n > 0` the phrase's `n`-th word.
fn time_phrase(k: usize) -> Vec<(GoldWord, usize)> {
    let day = DAYS[(k / 5) % DAYS.len()];
    match k % 5 {
        0 => vec![(word("today", "NOUN", "NN", 0, "obl:unmarked"), 0)],
        1 => vec![(word(day, "PROPN", "NNP", 0, "obl:unmarked"), 0)],
        2 => vec![
            (word("on", "ADP", "IN", 0, "case"), 2),
            (word(day, "PROPN", "NNP", 0, "obl"), 0),
        ],
        3 => vec![(word("yesterday", "NOUN", "NN", 0, "obl:unmarked"), 0)],
        _ => vec![
            (word("last", "ADJ", "JJ", 0, "amod"), 2),
            (word("week", "NOUN", "NN", 0, "obl:unmarked"), 0),
        ],
    }
}

/// The nodes of the subtree under `n` (1-based ids; `heads[i]` is the head of node `i + 1`).
fn subtree(heads: &[usize], n: usize) -> Vec<usize> {
    let mut out = vec![n];
    let mut i = 0;
    while i < out.len() {
        let h = out[i];
        out.extend((1..=heads.len()).filter(|&d| heads[d - 1] == h));
        i += 1;
    }
    out
}

/// Both augmentations: [`news_leads`] and [`news_subjects`] copies of the sentences.
pub fn news_copies(gold: &[GoldSentence]) -> Vec<GoldSentence> {
    let mut out = news_leads(gold);
    out.extend(news_subjects(gold));
    out
}

/// One copy, with a time phrase before the verb, of each sentence whose main verb is finite
/// and directly preceded by its whole noun subject. The variants (today, a weekday, "on" a
/// weekday, yesterday, last week) rotate with the sentence's position, so the output is
/// deterministic.
pub fn news_leads(gold: &[GoldSentence]) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    for s in gold {
        if let Some(c) = with_time_phrase(s, out.len()) {
            out.push(c);
        }
    }
    out
}

/// A sentence whose finite main verb is directly preceded by its whole subject, made of whole
/// surface tokens: the word ids (1-based) of the verb and of the subject's head, first and
/// last word, and the surface tokens the subject spans.
struct Lead<'a> {
    root: usize,
    subj_upos: &'a str,
    verb_feats: Vec<&'a str>,
    lo: usize,
    hi: usize,
    tokens: std::ops::RangeInclusive<usize>,
}

fn lead(s: &GoldSentence) -> Option<Lead<'_>> {
    let words: Vec<&GoldWord> = s.tokens.iter().flat_map(|t| &t.words).collect();
    let heads: Vec<usize> = words.iter().map(|w| w.head).collect();
    let root = words.iter().position(|w| w.head == 0)? + 1;
    let rw = words[root - 1];
    let verb_feats: Vec<&str> = rw.feats.split('|').collect();
    if rw.upos != "VERB" || !verb_feats.contains(&"VerbForm=Fin") {
        return None;
    }
    let subj =
        (1..=words.len()).find(|&d| heads[d - 1] == root && words[d - 1].deprel == "nsubj")?;
    let nodes = subtree(&heads, subj);
    let (lo, hi) = (*nodes.iter().min()?, *nodes.iter().max()?);
    if hi + 1 != root || hi - lo + 1 != nodes.len() {
        return None;
    }
    let mut tok_of = Vec::new();
    for (t, tok) in s.tokens.iter().enumerate() {
        tok_of.extend(std::iter::repeat_n(t, tok.words.len()));
    }
    let tokens = tok_of[lo - 1]..=tok_of[hi - 1];
    let n_words: usize = s.tokens[tokens.clone()].iter().map(|t| t.words.len()).sum();
    if n_words != nodes.len() {
        return None;
    }
    Some(Lead {
        root,
        subj_upos: &words[subj - 1].upos,
        verb_feats,
        lo,
        hi,
        tokens,
    })
}

fn with_time_phrase(s: &GoldSentence, variant: usize) -> Option<GoldSentence> {
    let Lead {
        root, hi, tokens, ..
    } = lead(s).filter(|l| matches!(l.subj_upos, "PROPN" | "NOUN"))?;
    let phrase = time_phrase(variant);
    let m = phrase.len();
    let shift = |h: usize| if h > hi { h + m } else { h };
    let mut c = s.clone();
    for w in c.tokens.iter_mut().flat_map(|t| t.words.iter_mut()) {
        w.head = shift(w.head);
    }
    let inserted = phrase.into_iter().map(|(mut w, rel)| {
        w.head = if rel == 0 { root + m } else { hi + rel };
        GoldToken {
            form: w.form.clone(),
            words: vec![w],
            space_after: true,
            new_par: false,
        }
    });
    let t = *tokens.end();
    c.tokens[t].space_after = true;
    c.tokens.splice(t + 1..t + 1, inserted);
    c.id = format!("{}-news", s.id);
    c.text = surface(&c.tokens);
    Some(c)
}

/// Nationality adjectives (the news says "the Danish minister" more often than "Denmark's").
const DEMONYMS: [&str; 40] = [
    "Afghan",
    "Algerian",
    "American",
    "Belgian",
    "Brazilian",
    "British",
    "Chinese",
    "Colombian",
    "Danish",
    "Egyptian",
    "Ethiopian",
    "French",
    "Georgian",
    "German",
    "Greek",
    "Indian",
    "Iranian",
    "Iraqi",
    "Israeli",
    "Italian",
    "Japanese",
    "Jordanian",
    "Kenyan",
    "Lebanese",
    "Libyan",
    "Malian",
    "Mexican",
    "Moroccan",
    "Nigerian",
    "Pakistani",
    "Palestinian",
    "Polish",
    "Russian",
    "Saudi",
    "Serbian",
    "Somali",
    "Syrian",
    "Turkish",
    "Ukrainian",
    "Yemeni",
];

/// Titles written before a name, annotated `nmod:desc` of the name as EWT does.
const TITLES: [&str; 6] = [
    "President",
    "Chancellor",
    "King",
    "General",
    "Senator",
    "Governor",
];

/// Plural groups, and singular ones with their article.
const GROUPS: [&str; 8] = [
    "officials",
    "troops",
    "police",
    "rebels",
    "diplomats",
    "protesters",
    "negotiators",
    "leaders",
];
const ONES: [&str; 5] = ["official", "spokesman", "minister", "envoy", "diplomat"];

/// One word of a generated subject: form, UPOS, XPOS, head (0: the verb; `n`: the subject's
/// `n`-th word), relation.
type Spec = (String, &'static str, &'static str, usize, &'static str);

fn spec(
    form: &str,
    upos: &'static str,
    xpos: &'static str,
    head: usize,
    rel: &'static str,
) -> Spec {
    (form.to_string(), upos, xpos, head, rel)
}

/// The personal names of the treebank: a proper noun with one `flat` proper noun after it
/// ("Bill Clinton"), both capitalised words. Sorted and deduplicated, so the copies do not
/// depend on the order of the files.
fn treebank_names(gold: &[GoldSentence]) -> Vec<(String, String)> {
    let mut names = Vec::new();
    for s in gold {
        let words: Vec<&GoldWord> = s.tokens.iter().flat_map(|t| &t.words).collect();
        for (i, w) in words.iter().enumerate() {
            let Some(next) = words.get(i + 1) else { break };
            let cap = |f: &str| {
                let mut c = f.chars();
                c.next().is_some_and(char::is_uppercase)
                    && f.len() > 2
                    && c.all(|c| c.is_ascii_lowercase())
            };
            if w.upos == "PROPN"
                && next.upos == "PROPN"
                && next.deprel == "flat"
                && next.head == i + 1
                && words
                    .get(i + 2)
                    .is_none_or(|n| n.head != i + 1 || n.deprel != "flat")
                && cap(&w.form)
                && cap(&next.form)
            {
                names.push((w.form.clone(), next.form.clone()));
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The generated subject of variant `k`; `plural` is what the verb agrees with (`None`: a
/// past tense agrees with both).
fn news_subject(k: usize, names: &[(String, String)], plural: Option<bool>) -> Vec<Spec> {
    let dem = DEMONYMS[k % DEMONYMS.len()];
    let title = TITLES[(k / 3) % TITLES.len()];
    let group = GROUPS[(k / 2) % GROUPS.len()];
    let one = ONES[(k / 2) % ONES.len()];
    let named = |with_dem: bool| {
        let (g, f) = &names[(k * 7919) % names.len()];
        let mut v = Vec::new();
        let o = usize::from(with_dem);
        if with_dem {
            v.push(spec(dem, "ADJ", "JJ", 2, "amod"));
        }
        v.push(spec(title, "PROPN", "NNP", o + 2, "nmod:desc"));
        v.push(spec(g, "PROPN", "NNP", 0, "nsubj"));
        v.push(spec(f, "PROPN", "NNP", o + 2, "flat"));
        v
    };
    let singular = plural != Some(true);
    let many = plural != Some(false);
    match k % 4 {
        0 | 1 if singular && !names.is_empty() => named(k.is_multiple_of(4)),
        2 if singular => vec![
            spec(
                if dem.starts_with(['A', 'E', 'I', 'O', 'U']) {
                    "An"
                } else {
                    "A"
                },
                "DET",
                "DT",
                3,
                "det",
            ),
            spec(dem, "ADJ", "JJ", 3, "amod"),
            spec(one, "NOUN", "NN", 0, "nsubj"),
        ],
        _ if many => vec![
            spec(dem, "ADJ", "JJ", 2, "amod"),
            spec(group, "NOUN", "NNS", 0, "nsubj"),
        ],
        _ => vec![
            spec("The", "DET", "DT", 3, "det"),
            spec(dem, "ADJ", "JJ", 3, "amod"),
            spec(one, "NOUN", "NN", 0, "nsubj"),
        ],
    }
}

/// One copy of each sentence whose finite main verb is directly preceded by its whole
/// subject, with the subject replaced by a generated news subject; every other copy also gets
/// a time phrase before the verb ("Danish troops on Monday withdrew …").
pub fn news_subjects(gold: &[GoldSentence]) -> Vec<GoldSentence> {
    let names = treebank_names(gold);
    let mut out = Vec::new();
    for s in gold {
        let k = out.len();
        let Some(c) = with_subject(s, k, &names) else {
            continue;
        };
        if k % 2 == 1
            && let Some(t) = with_time_phrase(&c, k / 2)
        {
            out.push(t);
        } else {
            out.push(c);
        }
    }
    out
}

fn with_subject(s: &GoldSentence, k: usize, names: &[(String, String)]) -> Option<GoldSentence> {
    let Lead {
        root,
        verb_feats: feats,
        lo,
        hi,
        tokens,
        ..
    } = lead(s)?;
    if !(feats.contains(&"Tense=Past") || feats.contains(&"Person=3")) {
        return None;
    }
    let (t_lo, t_hi) = (*tokens.start(), *tokens.end());
    let plural = if feats.contains(&"Tense=Past") {
        None
    } else {
        Some(!feats.contains(&"Number=Sing"))
    };
    let new = news_subject(k, names, plural);
    let m = new.len();
    let removed = hi - lo + 1;
    let shift = |h: usize| if h > hi { h + m - removed } else { h };
    let verb = shift(root);
    let mut c = s.clone();
    for w in c.tokens.iter_mut().flat_map(|t| t.words.iter_mut()) {
        w.head = shift(w.head);
    }
    let sentence_start = lo == 1;
    let inserted = new
        .into_iter()
        .enumerate()
        .map(|(i, (form, upos, xpos, head, rel))| {
            // "A Japanese official" at the start of a sentence, "a Japanese official" elsewhere.
            let form = if i == 0 && !sentence_start && upos == "DET" {
                form.to_lowercase()
            } else {
                form
            };
            let mut w = word(&form, upos, xpos, 0, rel);
            w.lemma = match upos {
                "PROPN" => form.clone(),
                "DET" => "a".to_string(),
                _ => form.to_lowercase(),
            };
            if xpos == "NNS" {
                w.feats = "Number=Plur".to_string();
                w.lemma = w.lemma.trim_end_matches('s').to_string();
            }
            w.head = if head == 0 { verb } else { lo - 1 + head };
            GoldToken {
                form,
                words: vec![w],
                space_after: true,
                new_par: false,
            }
        });
    c.tokens.splice(t_lo..=t_hi, inserted);
    c.id = format!("{}-subject", s.id);
    c.text = surface(&c.tokens);
    Some(c)
}

fn surface(tokens: &[GoldToken]) -> String {
    tokens
        .iter()
        .map(|t| {
            if t.space_after {
                format!("{} ", t.form)
            } else {
                t.form.clone()
            }
        })
        .collect::<String>()
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENT: &str = "# sent_id = t1
# text = The council approved the plan.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tcouncil\tcouncil\tNOUN\tNN\tNumber=Sing\t3\tnsubj\t_\t_
3\tapproved\tapprove\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tplan\tplan\tNOUN\tNN\tNumber=Sing\t3\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";

    fn flat(s: &GoldSentence) -> Vec<(String, usize, String)> {
        s.tokens
            .iter()
            .flat_map(|t| &t.words)
            .map(|w| (w.form.clone(), w.head, w.deprel.clone()))
            .collect()
    }

    #[test]
    fn inserts_a_time_phrase_attached_to_the_verb() {
        let gold = crate::conllu::parse(SENT).unwrap();
        let out = news_leads(&gold);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].text, "The council today approved the plan.");
        let w = flat(&out[0]);
        assert_eq!(w[2], ("today".into(), 4, "obl:unmarked".into()));
        assert_eq!(w[1], ("council".into(), 4, "nsubj".into()));
        assert_eq!(w[3], ("approved".into(), 0, "root".into()));
        assert_eq!(w[5], ("plan".into(), 4, "obj".into()));
        // A two-word phrase: "on" hangs on the day, the day on the verb.
        let two = with_time_phrase(&gold[0], 2).unwrap();
        assert_eq!(two.text, "The council on Monday approved the plan.");
        let w = flat(&two);
        assert_eq!(w[2], ("on".into(), 4, "case".into()));
        assert_eq!(w[3], ("Monday".into(), 5, "obl".into()));
        assert_eq!(w[6], ("plan".into(), 5, "obj".into()));
    }

    #[test]
    fn replaces_the_subject_with_a_news_subject() {
        let gold = crate::conllu::parse(SENT).unwrap();
        let names = vec![("Anna".to_string(), "Berg".to_string())];
        // Variant 0: nationality, title and name.
        let c = with_subject(&gold[0], 0, &names).unwrap();
        assert_eq!(c.text, "Afghan President Anna Berg approved the plan.");
        let w = flat(&c);
        assert_eq!(w[0], ("Afghan".into(), 2, "amod".into()));
        assert_eq!(w[1], ("President".into(), 3, "nmod:desc".into()));
        assert_eq!(w[2], ("Anna".into(), 5, "nsubj".into()));
        assert_eq!(w[3], ("Berg".into(), 3, "flat".into()));
        assert_eq!(w[4], ("approved".into(), 0, "root".into()));
        assert_eq!(w[6], ("plan".into(), 5, "obj".into()));
        // Variant 2: "A <nationality> <one>".
        let c = with_subject(&gold[0], 2, &names).unwrap();
        assert_eq!(c.text, "An American spokesman approved the plan.");
        let w = flat(&c);
        assert_eq!(w[2], ("spokesman".into(), 4, "nsubj".into()));
        assert_eq!(w[0], ("An".into(), 3, "det".into()));
        // Every copy is a tree whose words all have a head in the sentence.
        for k in 0..8 {
            let c = with_subject(&gold[0], k, &names).unwrap();
            let w = flat(&c);
            assert!(w.iter().all(|(_, h, _)| *h <= w.len()), "{k}: {w:?}");
            assert_eq!(w.iter().filter(|(_, h, _)| *h == 0).count(), 1);
        }
    }

    #[test]
    fn names_come_from_the_treebank() {
        let text = "# sent_id = n1
# text = Bill Clinton spoke.
1\tBill\tBill\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
2\tClinton\tClinton\tPROPN\tNNP\t_\t1\tflat\t_\t_
3\tspoke\tspeak\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";
        let gold = crate::conllu::parse(text).unwrap();
        assert_eq!(
            treebank_names(&gold),
            vec![("Bill".to_string(), "Clinton".to_string())]
        );
        // Its own subject is replaced too.
        assert_eq!(news_subjects(&gold).len(), 1);
    }

    #[test]
    fn leaves_other_sentences_alone() {
        // A pronoun subject, and a subject that does not touch its verb.
        let pron = SENT.replace("council\tcouncil\tNOUN", "they\tthey\tPRON");
        assert!(news_leads(&crate::conllu::parse(&pron).unwrap()).is_empty());
        let apart = SENT.replace(
            "2\tcouncil\tcouncil\tNOUN\tNN\tNumber=Sing\t3\tnsubj",
            "2\tcouncil\tcouncil\tNOUN\tNN\tNumber=Sing\t3\tobl",
        );
        assert!(news_leads(&crate::conllu::parse(&apart).unwrap()).is_empty());
    }
}
