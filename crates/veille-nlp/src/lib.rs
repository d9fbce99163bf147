//! Language processing for veille: tokenization and sentence splitting today; the tagger,
//! parser and named entities build on the same [`veille_core::Doc`].
//!
//! Every function here reads `doc.text` and writes spans into it; none changes the text.

pub mod augment;
pub mod clusters;
pub mod combine;
pub mod conllu;
pub mod desmodel;
pub mod eval;
pub mod hash;
pub mod lexicon;
pub mod ner;
pub mod parser;
pub mod sentences;
pub mod sentmodel;
pub mod tagger;
pub mod tokenizer;

pub use sentences::split_sentences;
pub use tokenizer::tokenize;

use veille_core::{Doc, Lang};

/// Word forms as the trained models know them: the treebanks write the apostrophe straight
/// ("l'", "aujourd'hui", "don't") where news text often has the typographic one ("l’"),
/// which would otherwise read as an unknown word ("d’" tagged a verb). Hyphenation marks
/// inside a word (OCR's "Ma¬hias", HTML's soft hyphen) are dropped for the same reason.
pub(crate) fn model_forms<'a>(forms: &[&'a str]) -> Vec<std::borrow::Cow<'a, str>> {
    forms
        .iter()
        .map(|f| {
            if f.contains(['’', '¬', '\u{ad}']) {
                let g = f.replace('’', "'").replace(['¬', '\u{ad}'], "");
                if g.is_empty() {
                    std::borrow::Cow::Borrowed(*f)
                } else {
                    std::borrow::Cow::Owned(g)
                }
            } else {
                std::borrow::Cow::Borrowed(*f)
            }
        })
        .collect()
}

/// Tokenizes and splits sentences: the first stage of the pipeline.
pub fn segment(doc: &mut Doc) {
    tokenize(doc);
    split_sentences(doc);
    sentences::detach_final_periods(doc);
}

/// Segments, tags (UPOS, features, lemmas) and parses `doc` with its language's shipped
/// models; a document with no supported language is only segmented.
pub fn analyze(doc: &mut Doc) {
    segment(doc);
    tagger::tag_doc(doc);
    parse_doc(doc);
}

static NER_FR: &[u8] = include_bytes!("../models/ner-fr.bin");
static NER_EN: &[u8] = include_bytes!("../models/ner-en.bin");

/// The named-entity model shipped for `lang`, loaded once; `None` only if the embedded file
/// is broken, which `tests::embedded_models_load` rules out for every build.
pub fn embedded_ner(lang: veille_core::Lang) -> Option<&'static ner::NerModel> {
    use std::sync::OnceLock;
    static FR: OnceLock<Option<ner::NerModel>> = OnceLock::new();
    static EN: OnceLock<Option<ner::NerModel>> = OnceLock::new();
    let (cell, bytes) = match lang {
        veille_core::Lang::Fr => (&FR, NER_FR),
        veille_core::Lang::En => (&EN, NER_EN),
    };
    cell.get_or_init(|| ner::NerModel::from_bytes(bytes).ok())
        .as_ref()
}

/// Finds the named entities (PER, LOC, ORG) of a segmented and tagged document, sentence by
/// sentence over its tokens, and writes them into `doc.entities` as character spans.
pub fn recognize_entities(doc: &mut Doc) {
    doc.entities.clear();
    if let Some(m) = doc.lang.and_then(embedded_ner) {
        recognize_entities_with(doc, m);
    }
}

/// [`recognize_entities`] with a given model (evaluation of a model being trained).
pub fn recognize_entities_with(doc: &mut Doc, m: &ner::NerModel) {
    doc.entities.clear();
    let tagged = doc.analyses.len() == doc.words.len();
    let mut found: Vec<(usize, usize, veille_core::EntityLabel)> = Vec::new();
    for s in &doc.sentences {
        let toks = s.tokens();
        if toks.is_empty() {
            continue;
        }
        let forms: Vec<&str> = toks.clone().map(|i| doc.token_text(i)).collect();
        // A token's UPOS is its first word's ("du" → ADP): names hold no multiword tokens.
        let upos: Vec<veille_core::Upos> = if tagged {
            toks.clone()
                .map(|i| doc.analyses[doc.tokens[i].first_word as usize].upos)
                .collect()
        } else {
            Vec::new()
        };
        let spans = if tagged {
            m.predict_tagged(&forms, &upos)
        } else {
            doc.lang.map_or_else(Vec::new, |l| m.predict(&forms, l))
        };
        for sp in spans {
            // In edited news a name has a capital somewhere: lowercase spans ("rue", "jeudi",
            // "royaume") are the model's mistakes. (Not so in web text, where "obama" and
            // "google" are common; the model itself keeps them, and `ner::evaluate` on gold
            // tokens scores the model alone.)
            if !forms[sp.start..sp.end]
                .iter()
                .any(|f| f.chars().any(char::is_uppercase))
            {
                continue;
            }
            found.push((toks.start + sp.start, toks.start + sp.end, sp.label));
        }
    }
    propagate_names(doc, &mut found);
    if doc.lang == Some(veille_core::Lang::En) {
        found.retain(|&(a, b, label)| {
            label != veille_core::EntityLabel::PER || !title_then_headline_verb(doc, a, b)
        });
    }
    if doc.lang == Some(veille_core::Lang::Fr) {
        with_courtesy_titles(doc, &mut found);
        with_house_numbers(doc, &mut found);
    }
    found.sort_unstable_by_key(|f| f.0);
    doc.entities = found
        .into_iter()
        .map(|(a, b, label)| veille_core::Entity {
            span: veille_core::Span::new(
                doc.tokens[a].span.start as usize,
                doc.tokens[b - 1].span.end as usize,
            ),
            label,
        })
        .collect();
}

/// French names keep the courtesy title written before them: "M. Poincaré", "Mme Curie",
/// "MM. Ribot", "Madame Roland". The French press names people that way, the title carries who is meant (and
/// their gender), and it is the convention of the French NER gold (NewsEye/HIPE). Function
/// titles ("le président", "le maréchal") stay outside the name: they are roles, read by the
/// actor layer. The model is trained on names without courtesy titles (see
/// [`ner::sentences_on_own_tokens`]), so that a title before an unknown name is a clue and
/// never a name of its own; this rule then adds it back. English gold (UNER) leaves "Mr."
/// out, and so does veille in English.
fn with_courtesy_titles(doc: &Doc, found: &mut [(usize, usize, veille_core::EntityLabel)]) {
    for f in found.iter_mut() {
        if f.2 != veille_core::EntityLabel::PER || f.0 == 0 {
            continue;
        }
        let prev = f.0 - 1;
        // A name that opens a sentence has no title before it. "M.Guerry", run together by
        // OCR, is still the title and the name.
        if !opens_sentence(doc, f.0) && ner::is_courtesy_title(doc.token_text(prev)) {
            f.0 = prev;
        }
    }
}

/// English title words that name a function, not a person.
const EN_TITLES: &[&str] = &[
    "senator",
    "sen.",
    "governor",
    "gov.",
    "rep.",
    "representative",
    "president",
    "minister",
    "secretary",
    "mayor",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "official",
    "officials",
];

/// Verbs of title-case headlines ("…, Massachusetts Senator Says").
const EN_HEADLINE_VERBS: &[&str] = &[
    "says",
    "said",
    "warns",
    "tells",
    "urges",
    "claims",
    "admits",
    "insists",
    "vows",
    "denies",
    "confirms",
    "announces",
];

/// A title-case headline's "Massachusetts Senator Says": a "person" whose words after a title
/// are only a headline verb, or nothing, names no one; the place before the title is left to
/// the gazetteer and the title to the actor layer.
fn title_then_headline_verb(doc: &Doc, a: usize, b: usize) -> bool {
    let lower = |i: usize| doc.token_text(i).to_lowercase();
    let Some(t) = (a + 1..b).find(|&i| EN_TITLES.contains(&lower(i).as_str())) else {
        return false;
    };
    (t + 1..b).all(|i| EN_HEADLINE_VERBS.contains(&lower(i).as_str()))
}

/// Whether token `i` opens a sentence (sentences are in token order).
fn opens_sentence(doc: &Doc, i: usize) -> bool {
    doc.sentences
        .binary_search_by_key(&(i as u32), |s| s.first_token)
        .is_ok()
}

/// A French street address keeps its house number: "12, rue de la Paix", "4 bis avenue
/// Foch". The number is what makes it an address, and the French gold (NewsEye/HIPE) spans it.
fn with_house_numbers(doc: &Doc, found: &mut [(usize, usize, veille_core::EntityLabel)]) {
    const STREETS: [&str; 14] = [
        "rue",
        "r.",
        "avenue",
        "av.",
        "boulevard",
        "bd",
        "bd.",
        "quai",
        "place",
        "square",
        "impasse",
        "allée",
        "cours",
        "chemin",
    ];
    let is_number = |i: usize| {
        let t = doc.token_text(i);
        t.len() <= 5 && t.bytes().all(|b| b.is_ascii_digit())
    };
    for f in found.iter_mut() {
        if f.2 != veille_core::EntityLabel::LOC || f.0 == 0 {
            continue;
        }
        let first = doc.token_text(f.0).to_lowercase();
        if !STREETS.contains(&first.as_str()) {
            continue;
        }
        let mut i = f.0 - 1;
        if doc.token_text(i) == "," && i > 0 {
            i -= 1;
        }
        if matches!(doc.token_text(i), "bis" | "ter") && i > 0 {
            i -= 1;
        }
        // The number must be in the same sentence as the street.
        if is_number(i) && !(i + 1..=f.0).any(|j| opens_sentence(doc, j)) {
            f.0 = i;
        }
    }
}

/// One name, one reading per article: where the model found a name (every token capitalised)
/// once, its other occurrences that no entity covers get the same type. The model decides
/// from a narrow window, and a name it recognised after "M." or "à" is the same name
/// elsewhere in the article. Names the model gave two types are left alone.
fn propagate_names(doc: &Doc, found: &mut Vec<(usize, usize, veille_core::EntityLabel)>) {
    use std::collections::HashMap;
    let form = |i: usize| doc.token_text(i);
    let mut names: HashMap<Vec<&str>, Option<veille_core::EntityLabel>> = HashMap::new();
    for &(a, b, label) in found.iter() {
        let key: Vec<&str> = (a..b).map(form).collect();
        if !key
            .iter()
            .all(|t| t.chars().next().is_some_and(char::is_uppercase))
            || key.concat().chars().count() < 3
        {
            continue;
        }
        names
            .entry(key)
            .and_modify(|l| {
                if *l != Some(label) {
                    *l = None;
                }
            })
            .or_insert(Some(label));
    }
    if names.is_empty() {
        return;
    }
    let mut covered = vec![false; doc.tokens.len()];
    for &(a, b, _) in found.iter() {
        covered[a..b].iter_mut().for_each(|c| *c = true);
    }
    // Indexed by first token, longest names first so that "Jean Dupont" wins over "Dupont":
    // one lookup per token keeps a long article linear in its length.
    let mut by_first: HashMap<&str, Vec<(&Vec<&str>, veille_core::EntityLabel)>> = HashMap::new();
    for (k, l) in &names {
        if let Some(l) = l {
            by_first.entry(k[0]).or_default().push((k, *l));
        }
    }
    for v in by_first.values_mut() {
        v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(b.0)));
    }
    for s in &doc.sentences {
        let toks = s.tokens();
        for i in toks.clone() {
            if covered[i] {
                continue;
            }
            let Some(keys) = by_first.get(form(i)) else {
                continue;
            };
            for (key, label) in keys {
                let end = i + key.len();
                if end <= toks.end
                    && !covered[i..end].iter().any(|&c| c)
                    && key.iter().enumerate().all(|(k, t)| form(i + k) == *t)
                {
                    found.push((i, end, *label));
                    covered[i..end].iter_mut().for_each(|c| *c = true);
                    break;
                }
            }
        }
    }
}

static PARSER_FR: &[u8] = include_bytes!("../models/parser-fr.bin");
static PARSER_EN: &[u8] = include_bytes!("../models/parser-en.bin");

/// The dependency parser shipped for `lang`, loaded once; `None` only if the embedded file is
/// broken, which `tests::embedded_parsers_load` rules out for every build.
pub fn embedded_parser(lang: veille_core::Lang) -> Option<&'static parser::ParserModel> {
    use std::sync::OnceLock;
    static FR: OnceLock<Option<parser::ParserModel>> = OnceLock::new();
    static EN: OnceLock<Option<parser::ParserModel>> = OnceLock::new();
    let (cell, bytes) = match lang {
        veille_core::Lang::Fr => (&FR, PARSER_FR),
        veille_core::Lang::En => (&EN, PARSER_EN),
    };
    cell.get_or_init(|| {
        let m = parser::ParserModel::from_bytes(bytes).ok()?;
        Some(match lang {
            veille_core::Lang::En => m.with_beam(EN_BEAM),
            veille_core::Lang::Fr => m,
        })
    })
    .as_ref()
}

static PARSER_EN_R2L: &[u8] = include_bytes!("../models/parser-en-r2l.bin");

/// The right-to-left companion of the shipped parser, for the languages that have one
/// (English; French parsing stays single for speed). `None` also if the embedded file is
/// broken, which `tests::embedded_parsers_load` rules out.
pub fn embedded_r2l_parser(lang: veille_core::Lang) -> Option<&'static parser::ParserModel> {
    use std::sync::OnceLock;
    static EN: OnceLock<Option<parser::ParserModel>> = OnceLock::new();
    match lang {
        veille_core::Lang::Fr => None,
        veille_core::Lang::En => EN
            .get_or_init(|| {
                parser::ParserModel::from_bytes(PARSER_EN_R2L)
                    .ok()
                    .map(|m| m.with_beam(EN_BEAM))
            })
            .as_ref(),
    }
}

/// How the English parsers are combined (see [`combine`]): the left-to-right parser's share
/// of the arc weights, and the temperature of each parser's beam scores. Chosen on EWT dev
/// with both parsers trained on EWT train alone (`parser_dev --combine`; see the README).
const EN_L2R_WEIGHT: f64 = 0.6;
/// Both English parsers are trained with a beam of 8 but parse with 16: the wider final beams
/// give the combination more trees to weigh (EWT dev LAS 87.00 with 8, 87.10 with 16, 87.19
/// with 32, at about half the speed for each doubling).
const EN_BEAM: u16 = 16;
const EN_L2R_TEMPERATURE: f64 = 100.0;
const EN_R2L_TEMPERATURE: f64 = 100.0;

/// Runs the shipped parser of `lang` on one sentence, combined with its right-to-left
/// companion when there is one. Label ids are `p`'s.
fn run_parser(
    lang: Lang,
    p: &parser::ParserModel,
    input: &parser::ParseInput,
    heads: &mut Vec<u32>,
    labels: &mut Vec<u16>,
) {
    match embedded_r2l_parser(lang) {
        Some(r) => combine::parse_combined(
            &[
                combine::Member {
                    model: p,
                    weight: EN_L2R_WEIGHT,
                    temperature: EN_L2R_TEMPERATURE,
                },
                combine::Member {
                    model: r,
                    weight: 1.0 - EN_L2R_WEIGHT,
                    temperature: EN_R2L_TEMPERATURE,
                },
            ],
            input,
            heads,
            labels,
        ),
        None => p.parse(input, heads, labels),
    }
}

/// Parses one tagged sentence; heads come back as indices from `offset` (`None` for the root).
fn parse_sentence(
    lang: Lang,
    p: &parser::ParserModel,
    forms: &[&str],
    analyses: &[veille_core::Analysis],
    offset: u32,
    heads: &mut Vec<u32>,
    labels: &mut Vec<u16>,
) -> Vec<(Option<u32>, String)> {
    let norm = model_forms(forms);
    let forms: &[&str] = &norm.iter().map(|f| f.as_ref()).collect::<Vec<&str>>();
    let lemmas: Vec<&str> = analyses.iter().map(|a| a.lemma.as_str()).collect();
    let upos: Vec<veille_core::Upos> = analyses.iter().map(|a| a.upos).collect();
    let feats: Vec<veille_core::Feats> = analyses.iter().map(|a| a.feats).collect();
    let input = parser::ParseInput {
        forms,
        lemmas: &lemmas,
        upos: &upos,
        feats: &feats,
    };
    run_parser(lang, p, &input, heads, labels);
    let mut out: Vec<(Option<u32>, String)> = heads
        .iter()
        .zip(labels.iter())
        .map(|(&h, &l)| ((h > 0).then(|| h - 1), p.label(l).to_string()))
        .collect();
    repair_fragments(&mut out, &upos, &feats, lang == Lang::En);
    if lang == Lang::En {
        repair_verbs_read_as_modifiers(&mut out, &upos, &feats, forms);
    }
    if lang == Lang::En {
        repair_verb_copulas(&mut out, &upos, &feats);
    }
    repair_preconjunctions(&mut out, &upos);
    repair_agents(&mut out, &upos, &feats);
    repair_parenthetical_participles(&mut out, &upos, &feats);
    if lang == Lang::En {
        repair_reduced_relatives(&mut out, &upos, &feats);
    }
    repair_subjects(&mut out, &upos, &lemmas);
    repair_cased_subjects(&mut out, &upos, lang == Lang::En);
    repair_double_subjects(&mut out, &upos, forms, lang == Lang::En);
    repair_bare_conjuncts(&mut out, &upos);
    repair_possessors(&mut out, &upos);
    repair_complements(&mut out, &upos, forms);
    if lang == Lang::En {
        repair_time_relatives(&mut out, &upos, forms);
        repair_gerund_clauses(&mut out, &upos, &feats);
        repair_participle_modifiers(&mut out, &upos, &feats);
        repair_infinitive_complements(&mut out, &upos, &lemmas, forms);
        repair_coordinated_subjects(&mut out, &upos, &feats);
        repair_cased_objects(&mut out, &upos);
        repair_inverted_speakers(&mut out, &upos, forms, false);
        repair_parenthetical_compounds(&mut out, &upos, forms);
        repair_titles_read_as_obliques(&mut out, &upos, &lemmas);
        repair_conjuncts_by_auxiliary(&mut out, &upos, forms);
    }
    if lang == Lang::Fr {
        repair_inverted_speakers(&mut out, &upos, forms, true);
    }
    repair_speaker_appositions(&mut out, &upos, &feats, forms);
    repair_participle_subjects(&mut out, &upos, &feats);
    repair_fronted_participle_objects(&mut out, &upos, &feats, forms);
    if lang == Lang::Fr {
        repair_attributed_subjects(&mut out, &upos, forms);
        repair_bare_participle_subjects(&mut out, &upos, &feats);
        repair_extraposed_infinitives(&mut out, &upos, forms);
        repair_conjuncts_by_agreement(&mut out, &upos, &feats);
        repair_absolute_participles(&mut out, &upos, &feats, forms);
        repair_incise_subjects(&mut out, &upos, forms);
        repair_inserted_reporting_clauses(&mut out, &upos, &feats, forms);
        repair_finite_modifiers(&mut out, &upos, &feats, forms);
    }
    repair_fronted_subordinate_roots(&mut out, &upos, &feats, forms);
    for (h, _) in &mut out {
        *h = h.map(|h| offset + h);
    }
    out
}

/// The sentence's root when the parse made a noun or a proper noun of it.
fn nominal_root(parsed: &[(Option<u32>, String)], upos: &[veille_core::Upos]) -> Option<usize> {
    use veille_core::Upos;
    parsed
        .iter()
        .position(|p| p.0.is_none())
        .filter(|&r| matches!(upos.get(r), Some(Upos::Noun | Upos::Propn)))
}

/// The first and last word of the phrase headed by `h` (its subtree), given each word's
/// dependents.
fn subtree_extent(deps: &[Vec<usize>], h: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (h, h);
    let mut stack = vec![h];
    while let Some(x) = stack.pop() {
        lo = lo.min(x);
        hi = hi.max(x);
        stack.extend(deps[x].iter().copied());
    }
    (lo, hi)
}

/// The heads above word `k`, nearest first, up to the root (bounded by the sentence length,
/// so a malformed tree with a cycle cannot loop forever).
fn heads_above(parsed: &[(Option<u32>, String)], k: usize) -> impl Iterator<Item = usize> + '_ {
    let mut at = Some(k);
    (0..parsed.len()).map_while(move |_| {
        at = at
            .and_then(|x| parsed.get(x))
            .and_then(|p| p.0)
            .map(|h| h as usize);
        at
    })
}

/// The dependents of each word of a parsed sentence (sentence-local heads).
fn dependents(parsed: &[(Option<u32>, String)]) -> Vec<Vec<usize>> {
    let mut kids = vec![Vec::new(); parsed.len()];
    for (c, (h, _)) in parsed.iter().enumerate() {
        if let Some(k) = h.and_then(|h| kids.get_mut(h as usize)) {
            k.push(c);
        }
    }
    kids
}

/// "Kenzo Oshima, the relief coordinator, demanded parties to …" read as a name followed by
/// "demanded parties", an adjective and its noun: a sentence with a nominal root, closed by a
/// full stop, where a past-tense verb right after the comma that ends the name's apposition
/// modifies the next noun. The verb is the sentence's, the name its subject and the noun its
/// object.
fn repair_verbs_read_as_modifiers(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
    forms: &[&str],
) {
    use veille_core::Upos;
    let Some(r) = nominal_root(parsed, upos) else {
        return;
    };
    let deps = dependents(parsed);
    let full_stop = deps[r]
        .iter()
        .any(|&c| c + 1 == parsed.len() && parsed[c].1 == "punct");
    if !full_stop {
        return;
    }
    // Whether `k`'s chain of heads reaches the root.
    let Some(v) = (r + 2..parsed.len()).find(|&v| {
        upos[v] == Upos::Verb
            && parsed[v].1 == "amod"
            && forms[v - 1] == ","
            && feats[v].get("Tense") == Some("Past")
            && deps[v].is_empty()
    }) else {
        return;
    };
    let Some(n) = parsed[v].0.map(|h| h as usize).filter(|&n| n > v) else {
        return;
    };
    // No verb before it: the name and its apposition are all the sentence has so far.
    if (0..v).any(|k| matches!(upos[k], Upos::Verb | Upos::Aux)) {
        return;
    }
    let reaches_root = n == r || heads_above(parsed, n).any(|h| h == r);
    if !matches!(upos[n], Upos::Noun | Upos::Propn | Upos::Pron) || !reaches_root {
        return;
    }
    // The words before the verb are the root's phrase (its apposition, commas).
    if !(r + 1..v).all(|k| {
        parsed[k].1 == "punct" || heads_above(parsed, k).find(|&h| h == r || h >= v) == Some(r)
    }) {
        return;
    }
    parsed[v] = (None, "root".to_string());
    parsed[r] = (Some(v as u32), "nsubj".to_string());
    parsed[n] = (Some(v as u32), "obj".to_string());
    // The comma before the verb closes the subject's apposition.
    parsed[v - 1] = (Some(v as u32), "punct".to_string());
    // What follows the verb and hung on the root (the final full stop) is the verb's.
    for (k, p) in parsed.iter_mut().enumerate().skip(v + 1) {
        if k != n && p.0 == Some(r as u32) {
            p.0 = Some(v as u32);
        }
    }
}

/// "Thousands of Kenyans marched in Nairobi." read as a noun phrase with a relative verb (the
/// parser's `root` on "Thousands", `acl` on "marched"): when that verb is finite (in English
/// also a past participle closing a full-stopped sentence), comes right after the noun phrase
/// and has no subject of its own, it is the sentence's verb and the noun phrase its subject.
/// Heads are sentence-local here.
fn repair_fragments(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
    english: bool,
) {
    use veille_core::Upos;
    let Some(r) = parsed.iter().position(|p| p.0.is_none()) else {
        return;
    };
    if !matches!(
        upos.get(r),
        Some(Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron)
    ) {
        return;
    }
    let deps = dependents(parsed);
    let kids = deps[r].clone();
    // A sentence closed by a full stop is no caption: a past participle that would head a
    // reduced relative there ("Thousands of Kenyans marched …", the tagger's VBN) is its verb.
    // French participles after a noun are reduced relatives far more often ("les armes saisies
    // l'an dernier."): only English takes them as the verb.
    let full_stop = english
        && kids
            .iter()
            .any(|&c| c + 1 == parsed.len() && parsed[c].1 == "punct");
    // A copula or auxiliary makes the noun a predicate ("Thousands were there").
    if kids
        .iter()
        .any(|&c| matches!(parsed[c].1.as_str(), "cop" | "aux" | "aux:pass"))
    {
        return;
    }
    // Whether `k` belongs to the noun phrase of `r` without passing through `v`.
    let in_np = |mut k: usize, v: usize, parsed: &[(Option<u32>, String)]| {
        for _ in 0..parsed.len() {
            match parsed[k].0 {
                Some(h) if h as usize == r => return true,
                Some(h) if h as usize != v => k = h as usize,
                _ => return false,
            }
        }
        false
    };
    // The relative verb hangs on the root noun or, "Thousands of Bolivian miners
    // demonstrated …", on a noun inside its phrase.
    let Some(v) = (r + 1..parsed.len()).find(|&c| {
        parsed[c].1 == "acl"
            && upos.get(c) == Some(&Upos::Verb)
            && parsed[c].0.is_some_and(|h| {
                h as usize == r || (h as usize) < c && in_np(h as usize, c, parsed)
            })
            && feats.get(c).is_some_and(|f| {
                f.get("VerbForm") == Some("Fin")
                    || f.get("VerbForm") == Some("Part")
                        && f.get("Tense") == Some("Past")
                        && full_stop
            })
    }) else {
        return;
    };
    if deps[v]
        .iter()
        .any(|&c| parsed[c].1.starts_with("nsubj") || parsed[c].1 == "mark")
    {
        return;
    }
    // Every word between the noun and the verb is the noun's own.
    if !(r + 1..v).all(|k| in_np(k, v, parsed)) {
        return;
    }
    parsed[v] = (None, "root".to_string());
    parsed[r] = (Some(v as u32), "nsubj".to_string());
    // What follows the verb and hung on the noun phrase (the final full stop) is the verb's.
    for p in parsed.iter_mut().skip(v + 1) {
        if p.0.is_some_and(|h| (h as usize) < v) {
            p.0 = Some(v as u32);
        }
    }
}

/// A verb takes no `nmod`, `nmod:poss` or noun `compound` in UD; when the parser gives a verb
/// without a subject such a bare noun before it ("The Nigerian government imposed …" read
/// with `government` as `nmod`), that noun is its subject. A noun with a preposition (`case`)
/// stays what it is: it is an oblique, not a subject. Heads are sentence-local here.
fn repair_subjects(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    lemmas: &[&str],
) {
    use veille_core::Upos;
    // Only labels change below, so the dependents stay valid.
    let deps = dependents(parsed);
    for v in 0..parsed.len() {
        if upos.get(v) != Some(&Upos::Verb) {
            continue;
        }
        let ks = &deps[v];
        let has =
            |p: &[(Option<u32>, String)], pre: &str| ks.iter().any(|&c| p[c].1.starts_with(pre));
        // A passive subject needs a passive: without a passive auxiliary ("were") or a
        // passive reflexive ("se vendent"), "Thousands of students demonstrated" is active,
        // whatever the tagger made of "demonstrated".
        if !has(parsed, "aux:pass") && !has(parsed, "expl:pass") {
            for &c in ks {
                if parsed[c].1 == "nsubj:pass" {
                    parsed[c].1 = "nsubj".to_string();
                }
            }
        } else if has(parsed, "aux:pass") && !has(parsed, "nsubj:pass") {
            // And the other way: "was attacked by militiamen" with "was" as the passive
            // auxiliary has a passive subject, whatever label the parser gave it.
            for &c in ks {
                if parsed[c].1 == "nsubj" && c < v {
                    parsed[c].1 = "nsubj:pass".to_string();
                }
            }
        }
        if has(parsed, "nsubj") || has(parsed, "csubj") || has(parsed, "expl") {
            continue;
        }
        let passive = has(parsed, "aux:pass");
        // A bare `obl` before the verb is a subject too ("Arnor's foreign minister, in remarks
        // …, urged" read as an oblique), unless it names a time ("Monday, …").
        let subject = ks.iter().rev().copied().find(|&c| {
            c < v
                && (matches!(parsed[c].1.as_str(), "nmod" | "nmod:poss" | "compound")
                    || parsed[c].1 == "obl" && !lemmas.get(c).is_some_and(|l| is_time_word(l))
                    // A noun read as a clause ("Kim et le président … veulent", with "Kim"
                    // lowercased as a common noun): no copula, no subordinator.
                    || parsed[c].1 == "advcl"
                        && !deps[c]
                            .iter()
                            .any(|&g| matches!(parsed[g].1.as_str(), "cop" | "mark")))
                && matches!(upos.get(c), Some(Upos::Noun | Upos::Propn | Upos::Pron))
                && !deps[c].iter().any(|&g| parsed[g].1 == "case")
        });
        if let Some(c) = subject {
            parsed[c].1 = if passive { "nsubj:pass" } else { "nsubj" }.to_string();
        }
    }
}

/// Nouns that make a bare temporal oblique ("Monday, the minister said"; "lundi").
fn is_time_word(lemma: &str) -> bool {
    const TIME: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "week",
        "month",
        "year",
        "day",
        "night",
        "morning",
        "evening",
        "afternoon",
        "weekend",
        "time",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "semaine",
        "mois",
        "an",
        "année",
        "jour",
        "nuit",
        "matin",
        "soir",
        "hier",
        "aujourd'hui",
        "demain",
    ];
    TIME.contains(&lemma.to_lowercase().as_str())
}

/// A copula never heads a verb in UD: "Eriador was opposed by Osgiliath" read with "was" as
/// `cop` of the participle is a passive ("was" its `aux:pass`), and "be" before any other
/// verb form an auxiliary ("is going"). English only: French "est parti" is a perfect.
fn repair_verb_copulas(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
) {
    for (head, rel) in parsed.iter_mut() {
        let Some(h) = head.map(|h| h as usize) else {
            continue;
        };
        if rel != "cop" || upos.get(h) != Some(&veille_core::Upos::Verb) {
            continue;
        }
        let participle = feats
            .get(h)
            .is_some_and(|f| f.get("VerbForm") == Some("Part") && f.get("Tense") == Some("Past"));
        *rel = if participle { "aux:pass" } else { "aux" }.to_string();
    }
}

/// A passive's agent ("by X", "par X") needs a passive: on a verb with no passive auxiliary
/// that is no past participle either ("is investigating crimes by extremists"), the phrase
/// belongs to the object before it, or is a plain oblique when there is none. Read as an
/// agent, it would make the verb's doer whoever the phrase names.
fn repair_agents(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
) {
    let deps = dependents(parsed);
    for c in 0..parsed.len() {
        let Some(v) = parsed[c].0.map(|h| h as usize) else {
            continue;
        };
        if parsed[c].1 != "obl:agent" || upos.get(v) != Some(&veille_core::Upos::Verb) {
            continue;
        }
        let participle = feats
            .get(v)
            .is_some_and(|f| f.get("VerbForm") == Some("Part") && f.get("Tense") == Some("Past"));
        if participle || deps[v].iter().any(|&k| parsed[k].1 == "aux:pass") {
            continue;
        }
        let object = deps[v]
            .iter()
            .copied()
            .filter(|&o| o < c && parsed[o].1 == "obj")
            .max();
        parsed[c] = match object {
            Some(o) => (Some(o as u32), "nmod".to_string()),
            None => (Some(v as u32), "obl".to_string()),
        };
    }
}

/// "The minister, in remarks published on Monday, urged Kenya …" read with "published" as the
/// sentence's verb and "urged" as its conjunct: a past participle right after a noun inside
/// a parenthesis opened by a comma, with no auxiliary and no object of its own, that is
/// followed by a verb joined with no conjunction and no subject, is the noun's reduced
/// relative, and that verb is the sentence's. Heads are sentence-local here.
fn repair_parenthetical_participles(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    let is = |k: usize, rel: &str, p: &[(Option<u32>, String)]| {
        p[k].1 == rel || p[k].1.starts_with(&format!("{rel}:"))
    };
    for v1 in 1..parsed.len() {
        let participle = feats
            .get(v1)
            .is_some_and(|f| f.get("VerbForm") == Some("Part") && f.get("Tense") == Some("Past"));
        if upos.get(v1) != Some(&Upos::Verb) || !participle {
            continue;
        }
        let n = v1 - 1;
        if upos.get(n) != Some(&Upos::Noun) {
            continue;
        }
        let kids = &deps[v1];
        if kids
            .iter()
            .any(|&k| is(k, "aux", parsed) || is(k, "obj", parsed) || is(k, "cop", parsed))
        {
            continue;
        }
        let Some(&s) = kids.iter().find(|&&k| k < n && parsed[k].1 == "nsubj") else {
            continue;
        };
        // The parenthesis: a comma between the subject and the noun.
        if !(s + 1..n).any(|k| parsed[k].1 == "punct" && upos.get(k) == Some(&Upos::Punct)) {
            continue;
        }
        let Some(&v2) = kids.iter().find(|&&k| {
            k > v1
                && parsed[k].1 == "conj"
                && upos.get(k) == Some(&Upos::Verb)
                && !deps[k]
                    .iter()
                    .any(|&g| is(g, "nsubj", parsed) || parsed[g].1 == "cc")
        }) else {
            continue;
        };
        let top = parsed[v1].clone();
        parsed[v2] = top;
        parsed[v1] = (Some(n as u32), "acl".to_string());
        for &k in kids {
            if k == v2 {
                continue;
            }
            // The subject, the parenthesis' opening, and what follows the new verb go to it;
            // the participle keeps what lies between the noun and the new verb.
            if k < n || k > v2 || k == n {
                parsed[k].0 = Some(v2 as u32);
            }
        }
        // The noun itself may have hung on the participle (an oblique of it).
        if parsed[n].0 == Some(v1 as u32) {
            parsed[n].0 = Some(v2 as u32);
        }
        return;
    }
}

/// "Troops stationed near the border opened fire", "workers affiliated with the union stopped
/// work": English past participles look like past tenses, and the parser made the participle
/// the sentence's verb, with the real verb as its conjunct or adverbial clause. When the
/// sentence's verb is a past form right after its subject, with no auxiliary, object or
/// complement of its own, and a later past verb hangs on it with no subject, conjunction,
/// subordinator or comma in between, the first is the subject's reduced relative (`acl`) and
/// the second the sentence's verb. Heads are sentence-local here.
fn repair_reduced_relatives(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    let is = |k: usize, rel: &str, p: &[(Option<u32>, String)]| {
        p[k].1 == rel || p[k].1.starts_with(&format!("{rel}:"))
    };
    let past = |k: usize| {
        upos.get(k) == Some(&Upos::Verb)
            && feats.get(k).is_some_and(|f| f.get("Tense") == Some("Past"))
    };
    let Some(r) = parsed.iter().position(|(h, _)| h.is_none()) else {
        return;
    };
    if !past(r) {
        return;
    }
    let kids = &deps[r];
    let blocked = ["aux", "obj", "cop", "ccomp", "xcomp", "expl", "iobj"];
    if kids
        .iter()
        .any(|&k| blocked.iter().any(|b| is(k, b, parsed)))
    {
        return;
    }
    // The subject ends right before the participle.
    let Some(&s) = kids.iter().find(|&&k| k < r && parsed[k].1 == "nsubj") else {
        return;
    };
    let (_, span_end) = subtree_extent(&deps, s);
    if span_end + 1 != r || !matches!(upos.get(s), Some(Upos::Noun | Upos::Propn)) {
        return;
    }
    let Some(&v) = kids.iter().find(|&&k| {
        k > r
            && ["conj", "advcl", "parataxis"]
                .iter()
                .any(|rel| is(k, rel, parsed))
            && past(k)
            && feats
                .get(k)
                .is_some_and(|f| f.get("VerbForm") == Some("Fin"))
            && !deps[k]
                .iter()
                .any(|&g| is(g, "nsubj", parsed) || is(g, "cc", parsed) || is(g, "mark", parsed))
    }) else {
        return;
    };
    if (r + 1..v).any(|k| upos.get(k) == Some(&Upos::Punct)) {
        return;
    }
    parsed[v] = parsed[r].clone();
    parsed[r] = (Some(s as u32), "acl".to_string());
    for &k in kids {
        if k != v && (k <= s || k > v) {
            parsed[k].0 = Some(v as u32);
        }
    }
}

/// "Neither X nor Y", "either … or", "both … and": the first word is a `cc:preconj` of the
/// first conjunct, not a preposition (`case`) that would make X an oblique.
fn repair_preconjunctions(parsed: &mut [(Option<u32>, String)], upos: &[veille_core::Upos]) {
    let deps = dependents(parsed);
    for c in 0..parsed.len() {
        let Some(h) = parsed[c].0.map(|h| h as usize) else {
            continue;
        };
        if parsed[c].1 == "case"
            && upos.get(c) == Some(&veille_core::Upos::Cconj)
            && c < h
            && deps[h].iter().any(|&k| k > h && parsed[k].1 == "conj")
        {
            parsed[c].1 = "cc:preconj".to_string();
        }
    }
}

/// "will abandon improved relations", "demanded renewed talks": a past participle right
/// after a verb, read as the verb's `xcomp` with the noun after it as its object, modifies
/// that noun, which is the verb's object. Only when the verb has no object of its own, the
/// participle has nothing before the noun, and the noun's phrase has no determiner: "found the house painted" (object before), "got arrested" (no noun) and
/// "Walks condemned an attack" (a determined object: the participle is the verb) are left
/// alone.
fn repair_participle_modifiers(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
) {
    use veille_core::Upos;
    if !parsed.iter().any(|p| p.1 == "xcomp") {
        return;
    }
    let deps = dependents(parsed);
    for x in 0..parsed.len() {
        let Some(v) = parsed[x].0.map(|h| h as usize) else {
            continue;
        };
        let participle = upos.get(x) == Some(&Upos::Verb)
            && feats.get(x).is_some_and(|f| {
                f.get("VerbForm") == Some("Part") && f.get("Tense") != Some("Pres")
            });
        if parsed[x].1 != "xcomp"
            || !participle
            || v + 1 != x
            || upos.get(v) != Some(&Upos::Verb)
            || deps[v].iter().any(|&k| parsed[k].1 == "obj")
        {
            continue;
        }
        // The participle's one object; anything else it governs comes after that object
        // ("… relations with X almost five years after …") and goes to the verb.
        let objs: Vec<usize> = deps[x]
            .iter()
            .copied()
            .filter(|&k| parsed[k].1 == "obj")
            .collect();
        let [o] = objs[..] else {
            continue;
        };
        if deps[x].iter().any(|&k| k < o) {
            continue;
        }
        // The object's phrase starts right after the participle, without a determiner.
        let first = deps[o].iter().copied().chain([o]).min().unwrap_or(o);
        if parsed[o].1 != "obj"
            || first != x + 1
            || !matches!(upos.get(o), Some(Upos::Noun))
            || deps[o]
                .iter()
                .any(|&k| matches!(upos.get(k), Some(Upos::Det | Upos::Num | Upos::Pron)))
        {
            continue;
        }
        for &k in &deps[x] {
            parsed[k].0 = Some(v as u32);
        }
        parsed[o] = (Some(v as u32), "obj".to_string());
        parsed[x] = (Some(o as u32), "amod".to_string());
    }
}

/// A clause has one subject. When a verb has two and the later one has a coordinating
/// conjunction before it among its own dependents ("Kenya, Uganda and Rwanda signed …" read
/// with "Rwanda" as a second subject, as a parser reading from the right may), the later one
/// is a conjunct of the first.
///
/// A common noun right before a name, both read as subjects ("minister Haldor warned"), is
/// the name's title: in English a `compound` of the name (as the English treebanks write
/// "President Haldor"), in French the name is in apposition to it ("le ministre Haldor").
fn repair_double_subjects(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    forms: &[&str],
    english: bool,
) {
    use veille_core::Upos;
    let is_subj = |l: &str| l == "nsubj" || l == "nsubj:pass";
    // Most sentences have at most one subject per verb: skip the tree walk for them.
    if parsed.iter().filter(|p| is_subj(&p.1)).count() < 2 {
        return;
    }
    let deps = dependents(parsed);
    for kids in &deps {
        let subj: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&c| is_subj(&parsed[c].1))
            .collect();
        let [first, .., last] = subj[..] else {
            continue;
        };
        // English: "The singer praised Kenya" with "Kenya" a second subject after the verb:
        // a verb with its subject before it takes the noun after it as its object.
        let verb = parsed[first].0.map(|h| h as usize);
        if english
            && subj.len() == 2
            && verb.is_some_and(|v| first < v && v < last)
            && upos.get(verb.unwrap_or(0)) == Some(&Upos::Verb)
            && !kids.iter().any(|&c| parsed[c].1 == "obj")
        {
            parsed[last].1 = "obj".to_string();
            continue;
        }
        if deps[last].iter().any(|&k| k < last && parsed[k].1 == "cc") {
            parsed[last] = (Some(first as u32), "conj".to_string());
        } else if first == 0 && (first + 1..last).any(|k| forms.get(k) == Some(&":")) {
            // A headline's topic before a colon ("Chine : un cochon tue un éleveur") says
            // where the story is, not who acts: the subject is the one after the colon.
            parsed[first].1 = "dislocated".to_string();
        } else if subj.len() == 2
            && first + 1 == last
            && upos.get(first) == Some(&Upos::Noun)
            && upos.get(last) == Some(&Upos::Propn)
        {
            if english {
                parsed[first] = (Some(last as u32), "compound".to_string());
            } else {
                parsed[last] = (Some(first as u32), "appos".to_string());
            }
        }
    }
}

/// "The British lawmaker Peter Bone told …" read with the role noun as a bare oblique of the
/// verb and the name as its subject: a noun right before its verb's proper-noun subject is
/// that name's title (`compound`), as in "President Trump said".
fn repair_titles_read_as_obliques(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    lemmas: &[&str],
) {
    use veille_core::Upos;
    for k in 0..parsed.len().saturating_sub(1) {
        if upos.get(k) == Some(&Upos::Noun)
            && upos.get(k + 1) == Some(&Upos::Propn)
            && parsed[k + 1].1 == "nsubj"
            && parsed[k].0.is_some()
            && parsed[k].0 == parsed[k + 1].0
            && matches!(
                parsed[k].1.as_str(),
                "obl:unmarked" | "obl:npmod" | "nmod:npmod" | "dep"
            )
            // "Last week Kenya signed": a time is no title.
            && !lemmas.get(k).is_some_and(|l| is_time_word(l))
        {
            parsed[k] = (Some(k as u32 + 1), "compound".to_string());
        }
    }
}

/// A conjunct needs a conjunction or a comma before it. A noun hanging as a bare `conj` on
/// the verb before it, with no preposition of its own, is that verb's object ("will be
/// renewing his license" read as a coordination of "renewing" and "license") when the verb
/// has none.
fn repair_bare_conjuncts(parsed: &mut [(Option<u32>, String)], upos: &[veille_core::Upos]) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for (c, h) in bare_verb_conjuncts(parsed, upos, &deps) {
        let nominal = matches!(
            upos.get(c),
            Some(Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num)
        );
        let has_case = deps[c].iter().any(|&m| parsed[m].1 == "case");
        let has_obj = deps[h].iter().any(|&k| parsed[k].1 == "obj");
        if nominal && !has_case && !has_obj {
            parsed[c].1 = "obj".to_string();
        }
    }
}

/// The words hanging as `conj` on a verb before them with no conjunction (`cc`) and no comma
/// before them of their own, as (conjunct, head) pairs: coordinations a conjunct does not
/// mark, which UD forbids, so a misread relation.
fn bare_verb_conjuncts(
    parsed: &[(Option<u32>, String)],
    upos: &[veille_core::Upos],
    deps: &[Vec<usize>],
) -> Vec<(usize, usize)> {
    (0..parsed.len())
        .filter_map(|c| {
            let h = parsed[c].0? as usize;
            let joined = deps[c]
                .iter()
                .any(|&m| parsed[m].1 == "cc" || (parsed[m].1 == "punct" && m < c));
            (parsed[c].1 == "conj"
                && h < c
                && upos.get(h) == Some(&veille_core::Upos::Verb)
                && !joined)
                .then_some((c, h))
        })
        .collect()
}

/// A possessor belongs to a noun, never to a verb in UD: "North Korea's foreign minister
/// criticized …" read with "Korea" as the verb's `nmod:poss` beside its subject "minister".
/// The possessor goes to the verb's first nominal argument after it when every word between
/// them belongs to one or the other (its "'s", the noun's adjectives).
fn repair_possessors(parsed: &mut [(Option<u32>, String)], upos: &[veille_core::Upos]) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    let mut moves = Vec::new();
    for (v, ks) in deps.iter().enumerate() {
        if !matches!(upos.get(v), Some(Upos::Verb | Upos::Aux)) {
            continue;
        }
        for &c in ks {
            if c > v || parsed[c].1 != "nmod:poss" {
                continue;
            }
            let Some(&n) = ks.iter().find(|&&n| {
                n > c
                    && n < v
                    && matches!(parsed[n].1.as_str(), "nsubj" | "nsubj:pass" | "obj")
                    && matches!(upos.get(n), Some(Upos::Noun | Upos::Propn))
            }) else {
                continue;
            };
            let owned = |k: usize| deps[c].contains(&k) || deps[n].contains(&k);
            if (c + 1..n).all(owned) {
                moves.push((c, n));
            }
        }
    }
    for (c, n) in moves {
        parsed[c].0 = Some(n as u32);
    }
}

/// A clause opened by "that" (French "que") hanging as `conj` on a verb, with no conjunction
/// or comma of its own, is that verb's complement: "demanded that the US cancel …" read as a
/// coordination of "demanded" and "cancel".
fn repair_complements(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    forms: &[&str],
) {
    let deps = dependents(parsed);
    for (c, _) in bare_verb_conjuncts(parsed, upos, &deps) {
        let marked = deps[c].iter().any(|&m| {
            parsed[m].1 == "mark"
                && matches!(
                    forms.get(m).map(|f| f.to_lowercase()).as_deref(),
                    Some("that" | "que" | "qu'" | "qu’")
                )
        });
        if upos.get(c) == Some(&veille_core::Upos::Verb) && marked {
            parsed[c].1 = "ccomp".to_string();
        }
    }
}

/// "Workers blocked the Europe Bridge spanning the Rhine" read as a clause complement whose
/// subject is "the Europe Bridge": a gerund complement of a verb with no object, whose
/// subject is a noun phrase right after that verb, is a participle modifying that verb's
/// object. Heads are sentence-local here.
fn repair_gerund_clauses(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for c in 0..parsed.len() {
        let gerund = feats
            .get(c)
            .is_some_and(|f| f.get("VerbForm") == Some("Ger"));
        if parsed[c].1 != "ccomp" || upos.get(c) != Some(&Upos::Verb) || !gerund {
            continue;
        }
        let Some(v) = parsed[c].0.map(|h| h as usize) else {
            continue;
        };
        if v > c || deps[v].iter().any(|&k| parsed[k].1 == "obj") {
            continue;
        }
        let Some(&n) = deps[c]
            .iter()
            .find(|&&k| k < c && k > v && parsed[k].1 == "nsubj")
        else {
            continue;
        };
        if !matches!(upos.get(n), Some(Upos::Noun | Upos::Propn)) {
            continue;
        }
        // The subject's phrase starts right after the verb and ends right before the gerund.
        let (lo, hi) = subtree_extent(&deps, n);
        if lo != v + 1 || hi + 1 != c {
            continue;
        }
        parsed[n] = (Some(v as u32), "obj".to_string());
        parsed[c] = (Some(n as u32), "acl".to_string());
        return;
    }
}

/// An object never has a preposition in UD English: "respond to the proposals" read with
/// "proposals" as the verb's `obj` (and "to" its `case`) is an oblique. Heads are
/// sentence-local here.
/// A subject takes no preposition: "Devant la Commission du Sénat, Christine Ford a assuré
/// …" read with "Commission" as a second subject of "assuré". In the UD treebanks no `nsubj`
/// has an ADP `case` dependent (EWT's possessive "'s" is PART), so one that has is an
/// oblique of its verb.
fn repair_cased_subjects(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    english: bool,
) {
    use veille_core::Upos;
    if !parsed.iter().any(|p| p.1 == "nsubj") {
        return;
    }
    let deps = dependents(parsed);
    for s in 0..parsed.len() {
        let cased = deps[s]
            .iter()
            .any(|&m| m < s && parsed[m].1 == "case" && upos.get(m) == Some(&Upos::Adp));
        if cased && parsed[s].1 == "nsubj" {
            parsed[s].1 = if english { "obl" } else { "obl:mod" }.to_string();
        }
    }
}

fn repair_cased_objects(parsed: &mut [(Option<u32>, String)], upos: &[veille_core::Upos]) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for o in 0..parsed.len() {
        let on_verb = parsed[o]
            .0
            .is_some_and(|h| upos.get(h as usize) == Some(&Upos::Verb));
        let cased = deps[o]
            .iter()
            .any(|&m| m < o && parsed[m].1 == "case" && upos.get(m) == Some(&Upos::Adp));
        if on_verb && cased && parsed[o].1 == "obj" {
            parsed[o].1 = "obl".to_string();
        }
    }
}

/// "Municipality Association (AKK) officials demanded …": a name with its acronym in
/// parentheses that modifies the noun after it, read as a separate argument of the verb
/// (`obl` with no preposition). A bare nominal right before a parenthesis whose closing mark
/// is followed by the noun it hangs on through the verb becomes that noun's `compound`.
fn repair_parenthetical_compounds(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    forms: &[&str],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for w in 0..parsed.len() {
        if forms.get(w + 1) != Some(&"(") || !matches!(upos[w], Upos::Propn | Upos::Noun) {
            continue;
        }
        if !matches!(parsed[w].1.as_str(), "obl" | "obj" | "nsubj" | "dep") {
            continue;
        }
        let cased = deps[w].iter().any(|&c| parsed[c].1 == "case");
        let Some(close) = (w + 2..parsed.len().min(w + 8)).find(|&k| forms[k] == ")") else {
            continue;
        };
        let n = close + 1;
        if cased || n >= parsed.len() || upos[n] != Upos::Noun {
            continue;
        }
        // Both hang on the same verb, the noun as its subject or object.
        let same_head = parsed[w].0.is_some() && parsed[w].0 == parsed[n].0;
        if same_head && matches!(parsed[n].1.as_str(), "nsubj" | "obj" | "nsubj:pass") {
            parsed[w] = (Some(n as u32), "compound".to_string());
        }
    }
}

/// `"…," added the minister` / `"…," noted John Smith`: a quotation before its reporting
/// verb, with the speaker after the verb. The parser knows the inversion with "said" but reads
/// the speaker of rarer verbs as their object (or a `discourse` word). A verb whose clausal
/// complement comes before it, right after a quotation mark and a comma, and that has no
/// subject of its own takes the first nominal after it as its subject.
///
/// French puts the auxiliary between the comma and the participle ("…», a indiqué la Croix
/// Rouge"), and the parser may hang the quoted clause on the verb as an adverbial clause.
fn repair_inverted_speakers(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    forms: &[&str],
    french: bool,
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for (v, kids) in deps.iter().enumerate().skip(1) {
        if upos.get(v) != Some(&Upos::Verb) {
            continue;
        }
        let quoted_before = kids.iter().any(|&c| {
            c < v
                && (parsed[c].1 == "ccomp"
                    || (french && matches!(parsed[c].1.as_str(), "advcl" | "parataxis")))
        });
        let has_subject = kids
            .iter()
            .any(|&c| parsed[c].1.starts_with("nsubj") || parsed[c].1.starts_with("csubj"));
        // The words right before the verb (and its French auxiliary): a comma and a closing
        // quotation mark, in either order ("…," said / "…", said / "… », a dit").
        let mut w = v;
        while french && w > 0 && upos[w - 1] == Upos::Aux && parsed[w - 1].0 == Some(v as u32) {
            w -= 1;
        }
        let closing = |w: &str| matches!(w, "\"" | "”" | "'" | "’" | "»");
        let marks = w >= 2
            && matches!(
                (forms[w - 2], forms[w - 1]),
                (a, ",") if closing(a)
            )
            || w >= 2 && forms[w - 2] == "," && closing(forms[w - 1]);
        // "« … », écrit Branstad" read as a second clause coordinated with the quotation's
        // verb: the speech verb is inserted in the quotation (UD's `parataxis`), not a
        // conjunct sharing its subject.
        let conjunct_after_quote =
            parsed[v].1 == "conj" && parsed[v].0.is_some_and(|h| (h as usize) < v);
        if !(quoted_before || conjunct_after_quote) || has_subject || !marks {
            continue;
        }
        let Some(&n) = kids.iter().find(|&&c| c > v) else {
            continue;
        };
        let nominal = matches!(upos.get(n), Some(Upos::Noun | Upos::Propn | Upos::Pron));
        if nominal && matches!(parsed[n].1.as_str(), "obj" | "iobj" | "discourse" | "dep") {
            parsed[n].1 = "nsubj".to_string();
            if conjunct_after_quote {
                parsed[v].1 = "parataxis".to_string();
            }
        }
    }
}

/// "Dans un entretien accordé au journal, le ministre a accusé …": the subject of the main
/// verb read as the subject of the participle that modifies a fronted phrase's noun. A
/// participle modifying a noun (`acl`) has no subject of its own; a subject after it goes to
/// the verb the fronted phrase hangs on, when that verb comes after the subject and has none.
/// French: "… atteindre des milliers, l'agence du pays indiquant que …" read with "agence" a
/// second object of "atteindre" and "indiquant" an adverbial of it: a noun phrase after a
/// comma, right before a present participle hanging on the same verb, when that verb already
/// has an object, is the participle's subject (an absolute construction).
fn repair_absolute_participles(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
    forms: &[&str],
) {
    use veille_core::Upos;
    if !parsed.iter().any(|p| p.1 == "advcl") {
        return;
    }
    let deps = dependents(parsed);
    for p in 0..parsed.len() {
        let present_participle = feats
            .get(p)
            .is_some_and(|f| f.get("VerbForm") == Some("Part") && f.get("Tense") == Some("Pres"));
        if !present_participle || upos.get(p) != Some(&Upos::Verb) || parsed[p].1 != "advcl" {
            continue;
        }
        let Some(h) = parsed[p].0.map(|h| h as usize) else {
            continue;
        };
        if deps[p].iter().any(|&c| parsed[c].1.starts_with("nsubj")) {
            continue;
        }
        let objects: Vec<usize> = deps[h]
            .iter()
            .copied()
            .filter(|&c| parsed[c].1 == "obj" && c < p)
            .collect();
        let [.., first, n] = objects[..] else {
            continue;
        };
        let (start, end) = subtree_extent(&deps, n);
        // The comma hangs on the noun phrase, or just before it.
        let comma =
            forms.get(start) == Some(&",") || start > 0 && forms.get(start - 1) == Some(&",");
        if first >= start
            || end + 1 != p
            || !matches!(upos.get(n), Some(Upos::Noun | Upos::Propn))
            || !comma
        {
            continue;
        }
        parsed[n] = (Some(p as u32), "nsubj".to_string());
    }
}

/// French: "les États-Unis insistent pour que la Corée procède … et accentuent la pression":
/// a finite verb with no subject of its own read as the conjunct of a verb it does not agree
/// with in number, inside the clause of an earlier verb it agrees with, is that verb's
/// conjunct (and shares its subject).
fn repair_conjuncts_by_agreement(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
) {
    use veille_core::Upos;
    if !parsed.iter().any(|p| p.1 == "conj") {
        return;
    }
    let subject: Vec<bool> = dependents(parsed)
        .iter()
        .map(|kids| kids.iter().any(|&c| parsed[c].1.starts_with("nsubj")))
        .collect();
    let has_subject = |k: usize| subject.get(k).copied().unwrap_or(false);
    let finite = |k: usize| {
        upos.get(k) == Some(&Upos::Verb)
            && feats
                .get(k)
                .is_some_and(|f| f.get("VerbForm") == Some("Fin"))
    };
    let number = |k: usize| feats.get(k).and_then(|f| f.get("Number"));
    for v in 0..parsed.len() {
        let Some(h) = parsed[v].0.map(|h| h as usize) else {
            continue;
        };
        if parsed[v].1 != "conj" || !finite(v) || !finite(h) || has_subject(v) || !has_subject(h) {
            continue;
        }
        let (Some(nv), Some(nh)) = (number(v), number(h)) else {
            continue;
        };
        if nv == nh {
            continue;
        }
        // Up from the head, through the clauses it is embedded in, to a verb that agrees.
        let mut g = h;
        let mut found = None;
        for _ in 0..4 {
            let Some(up) = parsed[g].0.map(|x| x as usize) else {
                break;
            };
            if !matches!(
                parsed[g].1.as_str(),
                "advcl" | "ccomp" | "xcomp" | "acl:relcl"
            ) {
                break;
            }
            g = up;
            if finite(g) && has_subject(g) && number(g) == Some(nv) {
                found = Some(g);
                break;
            }
        }
        if let Some(g) = found {
            parsed[v].0 = Some(g as u32);
        }
    }
}

/// French: "il serait impossible pour son pays, de renoncer …": an infinitive with "de" read
/// as an `acl` (which modifies a noun) or an `advcl` of an earlier verb, after an adjective
/// with an expletive subject and no clausal one, is that adjective's extraposed subject
/// (`csubj`).
fn repair_extraposed_infinitives(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    forms: &[&str],
) {
    use veille_core::Upos;
    if !parsed.iter().any(|p| p.1 == "expl:subj") {
        return;
    }
    let deps = dependents(parsed);
    for v in 0..parsed.len() {
        let Some(h) = parsed[v].0.map(|h| h as usize) else {
            continue;
        };
        let de = deps[v].iter().any(|&c| {
            c < v
                && parsed[c].1 == "mark"
                && forms
                    .get(c)
                    .is_some_and(|f| f.eq_ignore_ascii_case("de") || f.eq_ignore_ascii_case("d'"))
        });
        if !matches!(parsed[v].1.as_str(), "acl" | "advcl")
            || upos.get(v) != Some(&Upos::Verb)
            || upos.get(h) != Some(&Upos::Verb)
            || !de
        {
            continue;
        }
        let adj = (h + 1..v).rev().find(|&k| {
            upos.get(k) == Some(&Upos::Adj)
                && deps[k].iter().any(|&c| parsed[c].1 == "expl:subj")
                && !deps[k].iter().any(|&c| parsed[c].1.starts_with("csubj"))
        });
        if let Some(k) = adj {
            parsed[v] = (Some(k as u32), "csubj".to_string());
        }
    }
}

/// French: "Les églises, a ajouté le ministre, pourraient être remplacées …": a reporting
/// verb with its speaker inserted between commas inside the clause it reports. The parser
/// reads the noun phrase before the first comma as the reporting verb's subject, the speaker
/// as its object and the reported verb as one of its clauses. A verb so placed (a comma right
/// before it and its auxiliary, a subject before that comma, a nominal object after it, then
/// a comma and a finite verb hanging on it) is inserted (`parataxis:insert`) in the finite
/// verb's clause, which takes its place in the tree and the first noun phrase as subject;
/// the object is the reporting verb's subject.
fn repair_inserted_reporting_clauses(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
    forms: &[&str],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for (v, kids) in deps.iter().enumerate() {
        if upos.get(v) != Some(&Upos::Verb) {
            continue;
        }
        let mut w = v;
        while w > 0 && upos[w - 1] == Upos::Aux && parsed[w - 1].0 == Some(v as u32) {
            w -= 1;
        }
        if w == v || w == 0 || forms[w - 1] != "," {
            continue;
        }
        let Some(s) = kids
            .iter()
            .copied()
            .find(|&c| c < w - 1 && parsed[c].1 == "nsubj")
        else {
            continue;
        };
        let Some(o) = kids.iter().copied().find(|&c| {
            c > v && parsed[c].1 == "obj" && matches!(upos[c], Upos::Noun | Upos::Propn)
        }) else {
            continue;
        };
        // The object's phrase ends at a comma, and the next word after it is a finite verb
        // (or its auxiliary) of a clause hanging on the reporting verb.
        let (_, end) = subtree_extent(&deps, o);
        if forms.get(end + 1) != Some(&",") {
            continue;
        }
        let Some(f) = kids.iter().copied().find(|&c| {
            c > end + 1
                && matches!(
                    parsed[c].1.as_str(),
                    "advcl" | "parataxis" | "conj" | "ccomp"
                )
                && (end + 2..=c)
                    .all(|k| k == c || parsed[k].0 == Some(c as u32) && upos[k] == Upos::Aux)
                && (feats[c].get("VerbForm") == Some("Fin")
                    || (end + 2..c).any(|k| feats[k].get("VerbForm") == Some("Fin")))
        }) else {
            continue;
        };
        let own = parsed[v].clone();
        parsed[f] = own;
        parsed[v] = (Some(f as u32), "parataxis:insert".to_string());
        parsed[s] = (Some(f as u32), "nsubj".to_string());
        parsed[o].1 = "nsubj".to_string();
        // The commas and the final punctuation follow their clauses.
        for k in 0..parsed.len() {
            if k != v
                && k != s
                && parsed[k].0 == Some(v as u32)
                && k > end
                && upos[k] == Upos::Punct
            {
                parsed[k].0 = Some(f as u32);
            }
        }
        return;
    }
}

/// French: "…, l'artère tranchée près du marché, a indiqué dimanche le South China Morning
/// Post": a reporting verb inserted after a comma (`parataxis`) takes its subject after it.
/// The parser may read the last noun phrase before the comma as the subject and the speaker
/// as the object. A verb inserted so, with a subject before the comma and a nominal object
/// after it, and no other complement, has that object as its subject; the noun phrase before
/// the comma goes back to the clause the insertion hangs on.
fn repair_incise_subjects(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    forms: &[&str],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for (v, kids) in deps.iter().enumerate() {
        if !parsed[v].1.starts_with("parataxis") || upos.get(v) != Some(&Upos::Verb) {
            continue;
        }
        let Some(head) = parsed[v].0 else { continue };
        let mut w = v;
        while w > 0 && upos[w - 1] == Upos::Aux && parsed[w - 1].0 == Some(v as u32) {
            w -= 1;
        }
        if w == 0 || forms[w - 1] != "," {
            continue;
        }
        let subj = kids
            .iter()
            .copied()
            .find(|&c| c < w - 1 && parsed[c].1 == "nsubj");
        let objs: Vec<usize> = kids
            .iter()
            .copied()
            .filter(|&c| matches!(parsed[c].1.as_str(), "obj" | "ccomp" | "xcomp" | "iobj"))
            .collect();
        let (Some(s), [o]) = (subj, objs.as_slice()) else {
            continue;
        };
        let o = *o;
        if o < v || parsed[o].1 != "obj" || !matches!(upos.get(o), Some(Upos::Noun | Upos::Propn)) {
            continue;
        }
        parsed[o].1 = "nsubj".to_string();
        parsed[s] = (Some(head), "dislocated".to_string());
    }
}

/// French: "la Bolivie, bloquée, espère que le tribunal …": a finite verb read as a modifier
/// (`amod`, `acl`) of a noun that the parse made the sentence's root is the sentence's verb,
/// and the noun its subject. A finite verb modifies no noun (a relative clause has its
/// pronoun, `acl:relcl`), so a root noun with one after it and no subject of its own was a
/// subject the parse did not attach.
fn repair_finite_modifiers(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
    forms: &[&str],
) {
    use veille_core::Upos;
    let Some(root) = nominal_root(parsed, upos) else {
        return;
    };
    let deps = dependents(parsed);
    // A predicate noun ("Il est l'ancien directeur …") has its copula and subject; not
    // across a colon ("« La mer est à nous » : la Bolivie …", a quotation before it).
    if deps[root].iter().any(|&c| {
        (parsed[c].1 == "cop" || parsed[c].1.starts_with("nsubj"))
            && !forms[c.min(root)..c.max(root)].contains(&":")
    }) {
        return;
    }
    let finite = |v: usize| {
        upos.get(v) == Some(&Upos::Verb)
            && feats
                .get(v)
                .is_some_and(|f| f.get("VerbForm") == Some("Fin"))
    };
    let Some(v) = deps[root].iter().copied().find(|&v| {
        v > root
            && matches!(parsed[v].1.as_str(), "amod" | "acl")
            && finite(v)
            && !deps[v].iter().any(|&c| parsed[c].1.starts_with("nsubj"))
    }) else {
        return;
    };
    // The noun's dependents after the verb belong to the verb's clause.
    for &c in &deps[root] {
        if c > v {
            parsed[c].0 = Some(v as u32);
        }
    }
    parsed[v] = (None, "root".to_string());
    parsed[root] = (Some(v as u32), "nsubj".to_string());
}

/// "Athens has long insisted that the name represents a claim and has repeatedly objected to
/// …": a subjectless conjunct read as coordinated with the verb of a complement clause, when
/// it repeats the auxiliary of that clause's head verb ("has … has") and the complement's
/// verb has no such auxiliary, continues the head verb's clause and shares its subject.
fn repair_conjuncts_by_auxiliary(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    forms: &[&str],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    let aux_forms = |v: usize| -> Vec<String> {
        deps[v]
            .iter()
            .filter(|&&c| parsed[c].1 == "aux" && upos[c] == Upos::Aux)
            .map(|&c| forms[c].to_lowercase())
            .collect()
    };
    let mut moves = Vec::new();
    for (c, kids) in deps.iter().enumerate() {
        if parsed[c].1 != "conj" || upos[c] != Upos::Verb {
            continue;
        }
        let Some(h) = parsed[c].0.map(|h| h as usize) else {
            continue;
        };
        if h >= c
            || !matches!(parsed[h].1.as_str(), "ccomp" | "advcl" | "acl:relcl")
            || kids.iter().any(|&k| parsed[k].1.starts_with("nsubj"))
        {
            continue;
        }
        let Some(r) = parsed[h].0.map(|r| r as usize) else {
            continue;
        };
        if r >= h || upos[r] != Upos::Verb {
            continue;
        }
        let own = aux_forms(c);
        let head = aux_forms(r);
        let inner = aux_forms(h);
        let shared = own.iter().any(|a| {
            matches!(a.as_str(), "has" | "have" | "had") && head.contains(a) && !inner.contains(a)
        });
        if shared {
            moves.push((c, r));
        }
    }
    for (c, r) in moves {
        parsed[c].0 = Some(r as u32);
    }
}

/// French: a past participle with no auxiliary ("toute la Bolivie bloquée", "le contrat
/// signé, …") has no active subject; a noun read as its `nsubj` is what the act was done to.
fn repair_bare_participle_subjects(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
) {
    use veille_core::Upos;
    if !parsed.iter().any(|p| p.1 == "nsubj") {
        return;
    }
    let deps = dependents(parsed);
    for (v, kids) in deps.iter().enumerate() {
        let past_participle = feats
            .get(v)
            .is_some_and(|f| f.get("VerbForm") == Some("Part") && f.get("Tense") == Some("Past"));
        if !past_participle
            || upos.get(v) != Some(&Upos::Verb)
            || kids
                .iter()
                .any(|&c| parsed[c].1.starts_with("aux") || parsed[c].1 == "cop")
        {
            continue;
        }
        for &c in kids {
            if parsed[c].1 == "nsubj" {
                parsed[c].1 = "nsubj:pass".to_string();
            }
        }
    }
}

fn repair_participle_subjects(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for p in 0..parsed.len() {
        let participle = feats
            .get(p)
            .is_some_and(|f| f.get("VerbForm") == Some("Part"));
        if !participle || upos.get(p) != Some(&Upos::Verb) || !parsed[p].1.starts_with("acl") {
            continue;
        }
        // The participle has no auxiliary (a relative clause's "qui a été …" keeps its own).
        if deps[p].iter().any(|&c| parsed[c].1.starts_with("aux")) {
            continue;
        }
        let Some(&subj) = deps[p].iter().find(|&&c| c > p && parsed[c].1 == "nsubj") else {
            continue;
        };
        let Some(noun) = parsed[p].0.map(|h| h as usize) else {
            continue;
        };
        if !parsed[noun].1.starts_with("obl") && !parsed[noun].1.starts_with("advcl") {
            continue;
        }
        let Some(verb) = parsed[noun].0.map(|h| h as usize) else {
            continue;
        };
        let verb_has_subject = deps[verb]
            .iter()
            .any(|&c| parsed[c].1.starts_with("nsubj") || parsed[c].1.starts_with("csubj"));
        if verb > subj && upos.get(verb) == Some(&Upos::Verb) && !verb_has_subject {
            parsed[subj].0 = Some(verb as u32);
        }
    }
}

/// "S'adressant à l'Assemblée générale, le ministre a affirmé …", "Speaking to reporters,
/// the minister said …": the main clause's subject read as the object of the fronted
/// participle clause. A noun after the comma that closes the participle's other words, with
/// the main verb after it and no subject of its own, is that verb's subject.
fn repair_fronted_participle_objects(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
    forms: &[&str],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for p in 0..parsed.len() {
        let participle = feats
            .get(p)
            .is_some_and(|f| f.get("VerbForm") == Some("Part") || f.get("VerbForm") == Some("Ger"));
        if !participle || !parsed[p].1.starts_with("advcl") {
            continue;
        }
        let Some(v) = parsed[p].0.map(|h| h as usize).filter(|&v| v > p) else {
            continue;
        };
        if upos.get(v) != Some(&Upos::Verb)
            || deps[v]
                .iter()
                .any(|&c| parsed[c].1.starts_with("nsubj") || parsed[c].1.starts_with("csubj"))
        {
            continue;
        }
        let Some(&n) = deps[p]
            .iter()
            .find(|&&c| c > p && c < v && parsed[c].1 == "obj")
        else {
            continue;
        };
        if !matches!(upos.get(n), Some(Upos::Noun | Upos::Propn)) {
            continue;
        }
        // The object's phrase starts right after a comma that follows everything else of
        // the participle clause.
        let (start, _) = subtree_extent(&deps, n);
        let comma = start.checked_sub(1);
        let after_rest = deps[p]
            .iter()
            .filter(|&&c| c != n && parsed[c].1 != "punct")
            .all(|&c| subtree_extent(&deps, c).1 < start);
        if comma.is_some_and(|k| forms.get(k) == Some(&",")) && after_rest {
            parsed[n] = (Some(v as u32), "nsubj".to_string());
            if let Some(k) = comma {
                parsed[k] = (Some(p as u32), "punct".to_string());
            }
        }
    }
}

/// "Alors qu'un éleveur venait d'être dévoré, un agriculteur affirme que …" read with the
/// fronted subordinate clause as the sentence's root (it carries a subordinator, `mark`) and
/// the main verb as a modifier of its subject ("affirme" `amod` of "agriculteur"). A root
/// with a subordinator before it is no main clause: when a finite verb after the comma that
/// closes the subordinate clause hangs on a word of it through a relation no finite clause
/// takes, that verb is the sentence's root, the subordinate clause its `advcl`, and the noun
/// it hung on (after the comma, before the verb) its subject. Heads are sentence-local.
fn repair_fronted_subordinate_roots(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
    forms: &[&str],
) {
    use veille_core::Upos;
    let Some(r) = parsed.iter().position(|p| p.0.is_none()) else {
        return;
    };
    if !matches!(upos.get(r), Some(Upos::Verb | Upos::Aux)) {
        return;
    }
    let deps = dependents(parsed);
    subject_in_fronted_clause(parsed, upos, forms, &deps, r);
    let deps = dependents(parsed);
    if !deps[r]
        .iter()
        .any(|&c| c < r && parsed[c].1 == "mark" && upos[c] != Upos::Pron)
    {
        return;
    }
    let finite = |k: usize| {
        feats
            .get(k)
            .is_some_and(|f| f.get("VerbForm") == Some("Fin"))
    };
    // A clause read as a relative one on the subordinate clause's last noun ("Once the
    // government says this is a disaster, we can open …", "open" an `acl:relcl` of
    // "disaster"): its subject is a personal pronoun right after the comma, and it is finite
    // or has a finite auxiliary.
    let relative = |c: usize| {
        feats[c].get("PronType") == Some("Rel")
            || matches!(
                forms[c].to_lowercase().as_str(),
                "who"
                    | "whom"
                    | "which"
                    | "that"
                    | "qui"
                    | "que"
                    | "qu'"
                    | "qu’"
                    | "lequel"
                    | "laquelle"
                    | "lesquels"
                    | "lesquelles"
                    | "dont"
            )
    };
    let finite_clause = |v: usize| {
        finite(v)
            || deps[v]
                .iter()
                .any(|&c| parsed[c].1.starts_with("aux") && finite(c))
    };
    let personal_clause = |v: usize| {
        parsed[v].1 == "acl:relcl"
            && finite_clause(v)
            && deps[v].iter().any(|&c| {
                c < v
                    && upos[c] == Upos::Pron
                    && parsed[c].1.starts_with("nsubj")
                    && !relative(c)
                    && forms.get(c.wrapping_sub(1)) == Some(&",")
            })
    };
    let Some(v) = (r + 1..parsed.len()).find(|&v| {
        upos[v] == Upos::Verb
            && (finite_clause(v)
                && matches!(
                    parsed[v].1.as_str(),
                    "amod" | "appos" | "acl" | "nmod" | "dep" | "parataxis"
                )
                || personal_clause(v))
    }) else {
        return;
    };
    // The verb's own clause has no subordinator or relative pronoun of its own.
    if deps[v].iter().any(|&c| {
        c < v
            && (parsed[c].1 == "mark"
                || upos[c] == Upos::Pron && parsed[c].1.starts_with("nsubj") && relative(c))
    }) {
        return;
    }
    // The comma that closes the subordinate clause: the last one before the verb, with every
    // word between it and the verb in the phrase of the noun the verb hangs on.
    let Some(comma) = (r + 1..v).rev().find(|&k| forms[k] == ",") else {
        return;
    };
    let n = parsed[v].0.map(|h| h as usize);
    let subject = n.filter(|&n| {
        n > comma
            && n < v
            && matches!(upos[n], Upos::Noun | Upos::Propn | Upos::Pron)
            && (comma + 1..v).all(|k| k == n || heads_above(parsed, k).any(|h| h == n))
    });
    if subject.is_none() && n.is_some_and(|n| n > comma) {
        return;
    }
    if deps[v].iter().any(|&c| parsed[c].1.starts_with("nsubj")) && subject.is_some() {
        return;
    }
    parsed[v] = (None, "root".to_string());
    parsed[r] = (Some(v as u32), "advcl".to_string());
    parsed[comma] = (Some(r as u32), "punct".to_string());
    if let Some(n) = subject {
        parsed[n] = (Some(v as u32), "nsubj".to_string());
    }
    // What follows the verb and hung on the subject or on the old root (a complement
    // clause, the full stop) is the verb's.
    for p in parsed.iter_mut().skip(v + 1) {
        let h = p.0.map(|h| h as usize);
        if h == Some(r) || h.is_some() && h == subject {
            p.0 = Some(v as u32);
        }
    }
}

/// The other reading of the same sentence: the main verb `v` is the root but has no subject,
/// and the noun phrase between the comma that closes a fronted adverbial clause and the verb
/// hangs inside that clause ("…, un agriculteur du Manitoba affirme" with "agriculteur" an
/// apposition of the clause's participle). That phrase is the verb's subject.
fn subject_in_fronted_clause(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    forms: &[&str],
    deps: &[Vec<usize>],
    v: usize,
) {
    use veille_core::Upos;
    if upos[v] != Upos::Verb
        || deps[v].iter().any(|&c| {
            let l = parsed[c].1.as_str();
            l.starts_with("nsubj") || l.starts_with("csubj") || l.starts_with("expl")
        })
    {
        return;
    }
    let Some(&a) = deps[v]
        .iter()
        .find(|&&c| c < v && parsed[c].1.starts_with("advcl"))
    else {
        return;
    };
    let (lo, _) = subtree_extent(deps, a);
    let Some(comma) = (a + 1..v).rev().find(|&k| forms[k] == ",") else {
        return;
    };
    // The phrase's head: the word between the comma and the verb whose head lies before the
    // comma, inside the clause; every other word there depends on it.
    let heads: Vec<usize> = (comma + 1..v)
        .filter(|&k| {
            parsed[k]
                .0
                .is_some_and(|h| (h as usize) < comma && (h as usize) >= lo)
        })
        .collect();
    let [n] = heads[..] else {
        return;
    };
    if !matches!(upos[n], Upos::Noun | Upos::Propn)
        || !matches!(parsed[n].1.as_str(), "appos" | "obj" | "nmod" | "conj")
        || !(comma + 1..v).all(|k| k == n || heads_above(parsed, k).any(|h| h == n))
        || !heads_above(parsed, n).any(|h| h == a)
    {
        return;
    }
    parsed[n] = (Some(v as u32), "nsubj".to_string());
    parsed[comma] = (Some(a as u32), "punct".to_string());
}

/// "Selon NBC, l'ancien président du comité, Marc Dubois, a déclaré …", "Selon M. Leroy, le
/// ministre du commerce, le pays le regretterait": the subject after a fronted "selon X"
/// (or "d'après X") read as X's apposition or modifier, which leaves the verb with no
/// subject. The last nominal of the "selon" phrase that follows a comma and runs up to the
/// verb (past punctuation, auxiliaries and clitics) is the verb's subject; a name in
/// apposition to a role that also follows a comma brings the role with it ("l'ancien
/// président …, Marc Dubois,").
fn repair_attributed_subjects(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    forms: &[&str],
) {
    use veille_core::Upos;
    let attribution = |k: usize| {
        let w = forms[k].to_lowercase();
        w == "selon"
            || (w == "après"
                && k > 0
                && matches!(forms[k - 1].to_lowercase().as_str(), "d'" | "d’"))
    };
    if !(0..forms.len()).any(attribution) {
        return;
    }
    let deps = dependents(parsed);
    for o in 0..parsed.len() {
        if !parsed[o].1.starts_with("obl") || !deps[o].iter().any(|&c| c < o && attribution(c)) {
            continue;
        }
        let Some(v) = parsed[o].0.map(|h| h as usize).filter(|&v| v > o) else {
            continue;
        };
        if upos.get(v) != Some(&Upos::Verb)
            || deps[v]
                .iter()
                .any(|&c| parsed[c].1.starts_with("nsubj") || parsed[c].1.starts_with("csubj"))
        {
            continue;
        }
        // Between a candidate and the verb: only punctuation, auxiliaries and clitics.
        let reaches_verb = |end: usize| {
            (end + 1..v).all(|k| {
                matches!(upos[k], Upos::Punct | Upos::Aux)
                    || (matches!(upos[k], Upos::Pron | Upos::Det)
                        && matches!(parsed[k].1.as_str(), "obj" | "iobj" | "expl:pv" | "expl"))
            })
        };
        let (_, o_end) = subtree_extent(&deps, o);

        // The comma may hang on the candidate itself.
        let after_comma = |c: usize| {
            let (start, end) = subtree_extent(&deps, c);
            start > o && (forms[start] == "," || forms[start - 1] == ",") && end <= o_end
        };
        let inside = |c: usize| heads_above(parsed, c).any(|h| h == o);
        let Some(mut subj) = (o + 1..=o_end).rev().find(|&c| {
            matches!(upos[c], Upos::Noun | Upos::Propn)
                && inside(c)
                && after_comma(c)
                && reaches_verb(subtree_extent(&deps, c).1)
        }) else {
            continue;
        };
        while parsed[subj].1 == "appos"
            && let Some(h) = parsed[subj].0.map(|h| h as usize)
            && h != o
            && inside(h)
            && after_comma(h)
        {
            subj = h;
        }
        parsed[subj] = (Some(v as u32), "nsubj".to_string());
    }
}

/// `« … », a expliqué Pedro Alves, un diplomate chilien.` / `"…," said Pedro Alves, a
/// Chilean diplomat.`: the speaker's apposition, read as an argument of the quoted clause's
/// verb (its object, a conjunct) because the quotation's tree stands around the speaker. A
/// noun right after the comma that follows a postposed speaker, hanging on a word before the
/// reporting verb, is the speaker's apposition.
fn repair_speaker_appositions(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
    forms: &[&str],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for n in 1..parsed.len() {
        if !parsed[n].1.starts_with("nsubj") {
            continue;
        }
        let Some(v) = parsed[n].0.map(|h| h as usize).filter(|&v| v < n) else {
            continue;
        };
        if !matches!(upos.get(n), Some(Upos::Propn | Upos::Noun)) {
            continue;
        }
        let (_, end) = subtree_extent(&deps, n);
        let comma = end + 1;
        if forms.get(comma) != Some(&",") {
            continue;
        }
        // The apposition's head: the first noun after the comma, past its determiners and
        // adjectives.
        let Some(m) = (comma + 1..parsed.len())
            .take_while(|&k| matches!(upos[k], Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn))
            .find(|&k| matches!(upos[k], Upos::Noun | Upos::Propn))
            .or_else(|| misread_apposition(upos, feats, comma + 1))
        else {
            continue;
        };
        let Some(h) = parsed[m].0.map(|h| h as usize) else {
            continue;
        };
        // Only an attachment inside the quotation (before the reporting verb) is wrong here,
        // an apposition to one of its nouns included.
        if h >= v {
            continue;
        }
        // Never make a word its own ancestor.
        if heads_above(parsed, n).any(|x| x == m) {
            continue;
        }
        parsed[m] = (Some(n as u32), "appos".to_string());
        parsed[comma] = (Some(m as u32), "punct".to_string());
        // The misread verb's adjectives were its complements ("diplomate chilien" read as
        // "être chilien"); under a noun they modify it.
        if upos[m] == Upos::Verb {
            for k in m + 1..parsed.len() {
                if parsed[k].0 == Some(m as u32) && upos[k] == Upos::Adj {
                    parsed[k].1 = "amod".to_string();
                }
            }
        }
    }
}

/// `…, explique Pedro Alves, diplomate chilien.` with the bare noun read as a finite verb
/// ("diplomate" as a form of an unknown "diplomater"): a finite verb right after the comma
/// that ends the sentence with nothing but a noun phrase's words after it has no subject and
/// no clause of its own; it is the apposition's noun. A participle or gerund ("…, ajoutant
/// …", "…, souriant.") is a clause and stays one.
fn misread_apposition(
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
    k: usize,
) -> Option<usize> {
    use veille_core::Upos;
    if upos.get(k) != Some(&Upos::Verb)
        || feats
            .get(k)
            .is_some_and(|f| f.get("VerbForm").is_some_and(|v| v != "Fin"))
    {
        return None;
    }
    let rest = &upos[k + 1..];
    let (last, words) = rest.split_last()?;
    (*last == Upos::Punct
        && words.iter().all(|u| {
            matches!(
                u,
                Upos::Adj | Upos::Noun | Upos::Propn | Upos::Adp | Upos::Det
            )
        }))
    .then_some(k)
}

/// "Kenya, the awful Uganda, and Tanzania welcomed the deal" read as a list of nouns whose
/// last conjunct is the subject of a verb coordinated with the first noun ("Kenya" → conj →
/// "welcomed" → nsubj → "Tanzania"). A finite verb that is the `conj` of a noun before it,
/// whose own subject comes right after its conjunction, ends the list instead: the last
/// noun joins the list, and the list is the verb's subject; the verb takes the first noun's
/// place in the tree (a clause where the noun was an argument of another verb). Heads are
/// sentence-local here.
fn repair_coordinated_subjects(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    feats: &[veille_core::Feats],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for v in 0..parsed.len() {
        let finite = feats
            .get(v)
            .is_some_and(|f| f.get("VerbForm") == Some("Fin"));
        if parsed[v].1 != "conj" || upos.get(v) != Some(&Upos::Verb) || !finite {
            continue;
        }
        let Some(n) = parsed[v].0.map(|h| h as usize).filter(|&n| n < v) else {
            continue;
        };
        if !matches!(upos.get(n), Some(Upos::Noun | Upos::Propn)) {
            continue;
        }
        // The verb's subject, and its conjunction right before the subject's phrase.
        let Some(&subj) = deps[v].iter().find(|&&k| k < v && parsed[k].1 == "nsubj") else {
            continue;
        };
        if !matches!(upos.get(subj), Some(Upos::Noun | Upos::Propn)) {
            continue;
        }
        let (lo, _) = subtree_extent(&deps, subj);
        let Some(&cc) = deps[v].iter().find(|&&k| parsed[k].1 == "cc") else {
            continue;
        };
        if cc + 1 != lo {
            continue;
        }
        // The first noun must already head a list ("Kenya, the awful Uganda, and …").
        if !deps[n].iter().any(|&k| parsed[k].1 == "conj" && k < v) {
            continue;
        }
        let (head, rel) = parsed[n].clone();
        let rel = match head.and_then(|h| upos.get(h as usize)) {
            None => "root".to_string(),
            Some(Upos::Verb) => "ccomp".to_string(),
            Some(_) => rel,
        };
        parsed[v] = (head, rel);
        parsed[n] = (Some(v as u32), "nsubj".to_string());
        parsed[subj] = (Some(n as u32), "conj".to_string());
        parsed[cc] = (Some(subj as u32), "cc".to_string());
        // Commas between the verb's subject list and the verb stay on the verb.
        return;
    }
}

/// Verbs whose "to" infinitive is their complement, never a purpose: "agreed in principle on
/// Saturday to provide aid", "refused on Monday to meet".
const INFINITIVE_COMPLEMENT_VERBS: &[&str] = &[
    "agree",
    "refuse",
    "decline",
    "promise",
    "pledge",
    "vow",
    "decide",
    "threaten",
    "offer",
    "plan",
    "intend",
    "hope",
    "fail",
    "consent",
    "undertake",
    "resolve",
];

/// "agreed in principle on Saturday to provide aid" read with the infinitive as an adverbial
/// clause (a purpose) or a clause modifying the verb (`acl`): after a verb of agreeing, refusing, promising or deciding that has no
/// object and no other complement, a "to" infinitive is its complement (`xcomp`), as UD
/// annotates it. Heads are sentence-local here.
fn repair_infinitive_complements(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    lemmas: &[&str],
    forms: &[&str],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for c in 0..parsed.len() {
        // `acl` on a verb is no UD relation at all, but the parser gives it now and then.
        if !matches!(parsed[c].1.as_str(), "advcl" | "acl") || upos.get(c) != Some(&Upos::Verb) {
            continue;
        }
        let Some(v) = parsed[c].0.map(|h| h as usize).filter(|&v| v < c) else {
            continue;
        };
        let to = deps[c].iter().any(|&m| {
            m < c
                && parsed[m].1 == "mark"
                && forms.get(m).is_some_and(|f| f.eq_ignore_ascii_case("to"))
        });
        let head_ok = upos.get(v) == Some(&Upos::Verb)
            && lemmas
                .get(v)
                .is_some_and(|l| INFINITIVE_COMPLEMENT_VERBS.contains(&l.to_lowercase().as_str()));
        let taken = deps[v]
            .iter()
            .any(|&k| matches!(parsed[k].1.as_str(), "obj" | "xcomp" | "ccomp"));
        if to && head_ok && !taken {
            parsed[c].1 = "xcomp".to_string();
        }
    }
}

/// Words for a time that a reporting verb's adjunct names right before its "that" clause.
const TIME_NOUNS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "Russia said on Tuesday that Sudan must return the helicopter" read with the "that"
/// clause as a relative of "Tuesday" ("that" its object). A clause right after a time word
/// that is a verb's adjunct, opened by "that", with a subject of its own, is the verb's
/// complement and "that" its subordinator. Heads are sentence-local here.
fn repair_time_relatives(
    parsed: &mut [(Option<u32>, String)],
    upos: &[veille_core::Upos],
    forms: &[&str],
) {
    use veille_core::Upos;
    let deps = dependents(parsed);
    for c in 0..parsed.len() {
        if parsed[c].1 != "acl:relcl" || upos.get(c) != Some(&Upos::Verb) {
            continue;
        }
        let Some(t) = parsed[c].0.map(|h| h as usize) else {
            continue;
        };
        let time = forms
            .get(t)
            .is_some_and(|f| TIME_NOUNS.contains(&f.to_lowercase().as_str()));
        let Some(v) = parsed[t].0.map(|h| h as usize) else {
            continue;
        };
        if !time || !parsed[t].1.starts_with("obl") || upos.get(v) != Some(&Upos::Verb) {
            continue;
        }
        let that = t + 1;
        let opens = forms
            .get(that)
            .is_some_and(|f| f.eq_ignore_ascii_case("that"))
            && parsed[that].0 == Some(c as u32);
        let subject = deps[c]
            .iter()
            .any(|&k| k != that && parsed[k].1.starts_with("nsubj"));
        let has_complement = deps[v].iter().any(|&k| parsed[k].1 == "ccomp");
        if opens && subject && !has_complement {
            parsed[c] = (Some(v as u32), "ccomp".to_string());
            parsed[that].1 = "mark".to_string();
        }
    }
}

/// Parses every sentence of a tagged `doc`, filling heads and relations in `doc.analyses`.
pub fn parse_doc(doc: &mut Doc) {
    let Some(lang) = doc.lang else {
        return;
    };
    let Some(p) = embedded_parser(lang) else {
        return;
    };
    if doc.analyses.len() != doc.words.len() {
        return;
    }
    let (mut heads, mut labels) = (Vec::new(), Vec::new());
    for si in 0..doc.sentences.len() {
        let toks = doc.sentences[si].tokens();
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
        if lang == Lang::En {
            retag_verbs_read_as_nouns(&forms, &mut doc.analyses[first..end]);
        }
        let parsed = parse_sentence(
            lang,
            p,
            &forms,
            &doc.analyses[first..end],
            first as u32,
            &mut heads,
            &mut labels,
        );
        for (a, (h, rel)) in doc.analyses[first..end].iter_mut().zip(parsed) {
            a.head = h;
            a.deprel = rel;
        }
        if lang == Lang::En {
            retag_auxiliated_nouns(&mut doc.analyses[first..end], first as u32);
            retag_bare_verb_objects(&mut doc.analyses[first..end], first as u32);
        }
        inverted_speakers(&forms, &mut doc.analyses[first..end], first as u32, lang);
    }
}

/// Verbs of saying whose subject follows them after a quote or a comma ("…, said White
/// House", "…, says Russia", "…, a annoncé Theresa May").
const INVERTED_SPEECH: &[&str] = &["say", "add", "write", "explain", "tell", "insist"];
const INVERTED_SPEECH_FR: &[&str] = &[
    "dire",
    "déclarer",
    "annoncer",
    "affirmer",
    "indiquer",
    "expliquer",
    "ajouter",
    "préciser",
    "souligner",
    "estimer",
    "rappeler",
    "écrire",
    "confier",
    "assurer",
    "raconter",
    "noter",
    "commenter",
    "répondre",
    "insister",
];

/// "The meeting may be delayed, said White House" parsed with "White House" an oblique: the
/// noun phrase right after a verb of saying that follows a comma or a closing quote and has
/// no subject, with no preposition of its own, is that verb's subject (UD's reading of such
/// inversions).
/// French too, where the auxiliary may come first ("…, a annoncé le ministre").
fn inverted_speakers(forms: &[&str], an: &mut [veille_core::Analysis], offset: u32, lang: Lang) {
    use veille_core::Upos;
    let local = |h: Option<u32>| h.and_then(|h| h.checked_sub(offset)).map(|h| h as usize);
    let verbs = if lang == Lang::Fr {
        INVERTED_SPEECH_FR
    } else {
        INVERTED_SPEECH
    };
    for v in 1..an.len() {
        if an[v].upos != Upos::Verb || !verbs.contains(&an[v].lemma.to_lowercase().as_str()) {
            continue;
        }
        let heads: Vec<Option<usize>> = an.iter().map(|a| local(a.head)).collect();
        let heads = &heads;
        let mut w = v;
        while lang == Lang::Fr && w > 1 && an[w - 1].upos == Upos::Aux && heads[w - 1] == Some(v) {
            w -= 1;
        }
        if !matches!(forms[w - 1], "," | "\"" | "”" | "’" | "'" | "»") {
            continue;
        }
        let kids = |h: usize| (0..heads.len()).filter(move |&k| heads[k] == Some(h));
        if kids(v).any(|k| an[k].deprel.starts_with("nsubj")) {
            continue;
        }
        let Some(k) = kids(v)
            .filter(|&k| k > v && matches!(an[k].deprel.as_str(), "obl" | "obj" | "nmod"))
            .min()
        else {
            continue;
        };
        // The phrase starts right after the verb: only its own modifiers come between.
        let adjacent = (v + 1..k).all(|j| heads[j] == Some(k));
        let preposition = kids(k).any(|c| an[c].deprel == "case");
        if adjacent && !preposition && matches!(an[k].upos, Upos::Propn | Upos::Noun) {
            an[k].deprel = "nsubj".to_string();
        }
    }
}

/// English verbs taking a "to" infinitive whose third-person form is also a plural noun
/// ("plans", "needs", "vows").
const TO_VERBS_ALSO_NOUNS: &[&str] = &[
    "plan", "need", "aim", "hope", "vow", "pledge", "promise", "threaten", "offer", "wish", "want",
    "seek", "intend", "refuse", "agree", "decide", "expect", "prepare", "fail", "try",
];

/// English verbs of saying or thinking whose third-person form can be read as a plural noun
/// before "that" ("The Kremlin argues that …").
const THAT_VERBS_ALSO_NOUNS: &[&str] = &[
    "argue", "insist", "claim", "contend", "maintain", "warn", "say", "believe", "fear", "stress",
    "suggest", "admit", "note", "estimate", "hope",
];

/// "Greece, like most other members, plans to impose …" tagged with "plans" a noun: before
/// the sentence has a finite verb, a plural noun of a verb that takes an infinitive, followed
/// by "to" and a verb, and not opened by a determiner, possessive, adjective or number, is
/// that verb in the present. The same for a verb of saying before "that" ("The Kremlin argues
/// that …"). Retagged before parsing, so that the parse has its root.
fn retag_verbs_read_as_nouns(forms: &[&str], an: &mut [veille_core::Analysis]) {
    use veille_core::Upos;
    for i in 0..an.len().saturating_sub(2) {
        let form = forms[i].to_lowercase();
        let Some(stem) = form.strip_suffix('s') else {
            continue;
        };
        let to_verb = TO_VERBS_ALSO_NOUNS.contains(&stem)
            && forms[i + 1].eq_ignore_ascii_case("to")
            && an[i + 2].upos == Upos::Verb;
        // "stresses": the stem without its "e".
        let that_lemma = [stem, stem.trim_end_matches('e')]
            .into_iter()
            .find(|l| THAT_VERBS_ALSO_NOUNS.contains(l))
            .filter(|_| forms[i + 1].eq_ignore_ascii_case("that"));
        if an[i].upos != Upos::Noun || !(to_verb || that_lemma.is_some()) {
            continue;
        }
        let lemma = that_lemma.unwrap_or(stem);
        let opened = i > 0
            && (matches!(
                an[i - 1].upos,
                Upos::Det | Upos::Adj | Upos::Num | Upos::Adp | Upos::Pron
            ) || forms[i - 1] == "'s"
                || forms[i - 1] == "’s");
        let finite_before = an[..i].iter().any(|a| {
            matches!(a.upos, Upos::Verb | Upos::Aux) && a.feats.get("VerbForm") == Some("Fin")
        });
        if i == 0 || opened || finite_before {
            continue;
        }
        an[i].upos = Upos::Verb;
        an[i].lemma = lemma.to_string();
        an[i].feats =
            veille_core::Feats::from_ud("Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin");
    }
}

/// English auxiliaries that only go with a verb: "did", "will", "can" (not "be", whose noun
/// is a predicate: "will be president").
const VERB_ONLY_AUX: &[&str] = &[
    "do", "will", "would", "can", "could", "shall", "should", "may", "might", "must",
];

/// "did not even ever clash over …" tagged with "clash" a noun (after a run of adverbs) and
/// parsed with "did" its auxiliary: a word that a do/modal auxiliary hangs on, with no copula,
/// is a verb (UD gives `aux` to verbs and predicates only), and a determiner hanging on it
/// ("ever" read as one) is an adverb. `offset` is the index of the sentence's first word.
fn retag_auxiliated_nouns(an: &mut [veille_core::Analysis], offset: u32) {
    use veille_core::Upos;
    let local = |h: Option<u32>| h.and_then(|h| h.checked_sub(offset)).map(|h| h as usize);
    for n in 0..an.len() {
        if an[n].upos != Upos::Noun {
            continue;
        }
        let kids: Vec<usize> = (0..an.len())
            .filter(|&k| local(an[k].head) == Some(n))
            .collect();
        // Only adverbs and particles ("not", "even") between the auxiliary and the word:
        // "can exchange ideas", "did a great job" are an auxiliary misplaced, not a noun.
        // A word with an object of its own is a verb whatever comes between ("will not wire
        // tap the links").
        let has_obj = kids.iter().any(|&k| an[k].deprel == "obj");
        let aux = kids.iter().any(|&k| {
            k < n
                && an[k].deprel == "aux"
                && VERB_ONLY_AUX.contains(&an[k].lemma.to_lowercase().as_str())
                && (has_obj
                    || an[k + 1..n].iter().all(|b| {
                        matches!(b.upos, Upos::Adv | Upos::Part)
                            || b.upos == Upos::Det && matches!(b.lemma.as_str(), "ever" | "never")
                    }))
        });
        let cop = kids.iter().any(|&k| an[k].deprel == "cop");
        if !aux || cop {
            continue;
        }
        an[n].upos = Upos::Verb;
        for k in kids {
            if an[k].deprel == "det" && k + 1 == n {
                an[k].upos = Upos::Adv;
                an[k].deprel = "advmod".to_string();
            }
        }
    }
}

/// English verbs that take a bare infinitive ("helped build", "let go", "made them leave",
/// "go get"): after any other verb, a bare "infinitive" is a noun the tagger misread.
const BARE_INFINITIVE_HEADS: &[&str] = &[
    "help", "let", "make", "have", "see", "hear", "watch", "feel", "bid", "dare", "go", "come",
    "need", "notice", "rather", "try",
];

/// "prepared to lift ban on …" tagged with "ban" a bare infinitive under "lift": an
/// infinitive with no "to", right after a verb that takes none, is that verb's object noun.
fn retag_bare_verb_objects(an: &mut [veille_core::Analysis], offset: u32) {
    use veille_core::Upos;
    let local = |h: Option<u32>| h.and_then(|h| h.checked_sub(offset)).map(|h| h as usize);
    for v in 1..an.len() {
        let bare_inf = an[v].upos == Upos::Verb
            && an[v].feats.get("VerbForm") == Some("Inf")
            && an[v].deprel == "xcomp";
        if !bare_inf || local(an[v].head) != Some(v - 1) || an[v - 1].upos != Upos::Verb {
            continue;
        }
        let head_lemma = an[v - 1].lemma.to_lowercase();
        if BARE_INFINITIVE_HEADS.contains(&head_lemma.as_str()) {
            continue;
        }
        let local_v = Some(v);
        let has_marker_or_object = (0..an.len()).any(|k| {
            local(an[k].head) == local_v
                && matches!(
                    an[k].deprel.as_str(),
                    "mark" | "obj" | "iobj" | "nsubj" | "aux"
                )
        });
        if has_marker_or_object {
            continue;
        }
        an[v].upos = Upos::Noun;
        an[v].feats = veille_core::Feats::from_ud("Number=Sing");
        an[v].deprel = "obj".to_string();
        // Its prepositional phrases modify the noun now ("ban on the party").
        for a in an.iter_mut().skip(v + 1) {
            if local(a.head) == local_v && a.deprel.starts_with("obl") {
                a.deprel = "nmod".to_string();
            }
        }
    }
}

/// Tags and parses one sentence given as word forms, outside any document: heads are
/// numbered from `offset` (the index of the sentence's first word in the caller's list).
pub fn analyze_words(
    forms: &[&str],
    lang: veille_core::Lang,
    offset: u32,
) -> Vec<veille_core::Analysis> {
    let Some(t) = tagger::embedded(lang) else {
        return vec![veille_core::Analysis::default(); forms.len()];
    };
    let mut out: Vec<veille_core::Analysis> = t
        .tag(forms)
        .into_iter()
        .map(|w| veille_core::Analysis {
            upos: w.upos,
            feats: w.feats,
            lemma: w.lemma,
            head: None,
            deprel: String::new(),
        })
        .collect();
    if let Some(p) = embedded_parser(lang) {
        if lang == veille_core::Lang::En {
            retag_verbs_read_as_nouns(forms, &mut out);
        }
        let (mut heads, mut labels) = (Vec::new(), Vec::new());
        let parsed = parse_sentence(lang, p, forms, &out, offset, &mut heads, &mut labels);
        for (a, (h, rel)) in out.iter_mut().zip(parsed) {
            a.head = h;
            a.deprel = rel;
        }
        if lang == veille_core::Lang::En {
            retag_auxiliated_nouns(&mut out, offset);
            retag_bare_verb_objects(&mut out, offset);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_participle_before_a_bare_noun_modifies_it() {
        use veille_core::{Feats, Upos::*};
        let part = Feats::from_ud("VerbForm=Part");
        let none = Feats::default();
        // "Osterland will abandon improved relations with Westmark soon"
        let upos = [Propn, Aux, Verb, Verb, Noun, Adp, Propn, Adv];
        let feats = [none, none, none, part, none, none, none, none];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            rel(2, "nsubj"),
            rel(2, "aux"),
            (None, "root".to_string()),
            rel(2, "xcomp"),
            rel(3, "obj"),
            rel(6, "case"),
            rel(4, "nmod"),
            rel(3, "advmod"),
        ];
        super::repair_participle_modifiers(&mut parsed, &upos, &feats);
        assert_eq!(parsed[3], rel(4, "amod"));
        assert_eq!(parsed[4], rel(2, "obj"));
        assert_eq!(parsed[7], rel(2, "advmod"));
        // "… condemned an attack": a determined object keeps the participle a verb.
        let upos = [Propn, Verb, Verb, Det, Noun];
        let feats = [none, none, part, none, none];
        let mut parsed = vec![
            rel(1, "nsubj"),
            (None, "root".to_string()),
            rel(1, "xcomp"),
            rel(4, "det"),
            rel(2, "obj"),
        ];
        let before = parsed.clone();
        super::repair_participle_modifiers(&mut parsed, &upos, &feats);
        assert_eq!(parsed, before);
    }

    #[test]
    fn a_noun_before_an_absolute_participle_is_its_subject() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "atteindre des milliers , l' agence indiquant" with "agence" a second object.
        let forms = [
            "atteindre",
            "des",
            "milliers",
            ",",
            "l'",
            "agence",
            "indiquant",
        ];
        let upos = [Verb, Det, Noun, Punct, Det, Noun, Verb];
        let d = Feats::default();
        let part = Feats::from_ud("Tense=Pres|VerbForm=Part");
        let feats = [d, d, d, d, d, d, part];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            (None, "root".to_string()),
            rel(2, "det"),
            rel(0, "obj"),
            rel(5, "punct"),
            rel(5, "det"),
            rel(0, "obj"),
            rel(0, "advcl"),
        ];
        super::repair_absolute_participles(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed[5], rel(6, "nsubj"));
        // One object only: it stays the verb's.
        let mut parsed = vec![
            (None, "root".to_string()),
            rel(2, "det"),
            rel(6, "obl"),
            rel(5, "punct"),
            rel(5, "det"),
            rel(0, "obj"),
            rel(0, "advcl"),
        ];
        let before = parsed.clone();
        super::repair_absolute_participles(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed, before);
    }

    #[test]
    fn a_conjunct_joins_the_verb_it_agrees_with() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Les pays insistent pour que Kenya procède et accentuent" with "accentuent" read as
        // the conjunct of "procède".
        let upos = [Det, Noun, Verb, Sconj, Propn, Verb, Cconj, Verb];
        let plur = Feats::from_ud("Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin");
        let sing = Feats::from_ud("Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin");
        let d = Feats::default();
        let feats = [d, d, plur, d, d, sing, d, plur];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            rel(1, "det"),
            rel(2, "nsubj"),
            (None, "root".to_string()),
            rel(5, "mark"),
            rel(5, "nsubj"),
            rel(2, "advcl"),
            rel(7, "cc"),
            rel(5, "conj"),
        ];
        super::repair_conjuncts_by_agreement(&mut parsed, &upos, &feats);
        assert_eq!(parsed[7], rel(2, "conj"));
        // Agreeing in number with its head, it stays.
        let feats = [d, d, plur, d, d, plur, d, plur];
        parsed[7] = rel(5, "conj");
        let before = parsed.clone();
        super::repair_conjuncts_by_agreement(&mut parsed, &upos, &feats);
        assert_eq!(parsed, before);
    }

    #[test]
    fn an_extraposed_infinitive_is_the_adjectives_subject() {
        use veille_core::Upos::*;
        // "a dit qu'il serait impossible pour lui, de renoncer" with "renoncer" an advcl of
        // "dit".
        let forms = [
            "Il",
            "a",
            "dit",
            "qu'",
            "il",
            "serait",
            "impossible",
            ",",
            "de",
            "renoncer",
        ];
        let upos = [Pron, Aux, Verb, Sconj, Pron, Aux, Adj, Punct, Adp, Verb];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            rel(2, "nsubj"),
            rel(2, "aux:tense"),
            (None, "root".to_string()),
            rel(6, "mark"),
            rel(6, "expl:subj"),
            rel(6, "cop"),
            rel(2, "ccomp"),
            rel(9, "punct"),
            rel(9, "mark"),
            rel(2, "advcl"),
        ];
        super::repair_extraposed_infinitives(&mut parsed, &upos, &forms);
        assert_eq!(parsed[9], rel(6, "csubj"));
        // With no expletive adjective before it, an infinitive keeps its reading.
        let mut parsed2 = parsed.clone();
        parsed2[4] = rel(6, "nsubj");
        parsed2[9] = rel(2, "advcl");
        let before = parsed2.clone();
        super::repair_extraposed_infinitives(&mut parsed2, &upos, &forms);
        assert_eq!(parsed2, before);
    }

    #[test]
    fn a_bare_past_participle_has_no_active_subject() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "la Bolivie bloquée, …" with "Bolivie" read as the subject of "bloquée".
        let upos = [Det, Propn, Verb, Punct, Verb];
        let part = Feats::from_ud("Gender=Fem|Number=Sing|Tense=Past|VerbForm=Part");
        let feats = [
            Feats::default(),
            Feats::default(),
            part,
            Feats::default(),
            part,
        ];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            rel(1, "det"),
            rel(2, "nsubj"),
            rel(4, "advcl"),
            rel(2, "punct"),
            (None, "root".to_string()),
        ];
        super::repair_bare_participle_subjects(&mut parsed, &upos, &feats);
        assert_eq!(parsed[1], rel(2, "nsubj:pass"));
        // "la Bolivie a bloqué": with its auxiliary, the subject acts.
        let upos = [Det, Propn, Aux, Verb];
        let feats = [Feats::default(), Feats::default(), Feats::default(), part];
        let mut parsed = vec![
            rel(1, "det"),
            rel(3, "nsubj"),
            rel(3, "aux:tense"),
            (None, "root".to_string()),
        ];
        let before = parsed.clone();
        super::repair_bare_participle_subjects(&mut parsed, &upos, &feats);
        assert_eq!(parsed, before);
    }

    #[test]
    fn a_reporting_clause_between_commas_is_inserted_in_the_clause_it_reports() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Les églises , a affirmé le ministre , pourraient disparaître ." read with
        // "églises" the subject of "affirmé", "ministre" its object and "pourraient" an
        // adverbial clause of it.
        let forms = [
            "Les",
            "églises",
            ",",
            "a",
            "affirmé",
            "le",
            "ministre",
            ",",
            "pourraient",
            "disparaître",
            ".",
        ];
        let upos = [
            Det, Noun, Punct, Aux, Verb, Det, Noun, Punct, Verb, Verb, Punct,
        ];
        let mut feats = [Feats::default(); 11];
        feats[8] = Feats::from_ud("Mood=Cnd|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin");
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let parsed = vec![
            rel(1, "det"),
            rel(4, "nsubj"),
            rel(1, "punct"),
            rel(4, "aux:tense"),
            (None, "root".to_string()),
            rel(6, "det"),
            rel(4, "obj"),
            rel(8, "punct"),
            rel(4, "advcl"),
            rel(8, "xcomp"),
            rel(4, "punct"),
        ];
        let mut repaired = parsed.clone();
        super::repair_inserted_reporting_clauses(&mut repaired, &upos, &feats, &forms);
        assert_eq!(repaired[8], (None, "root".to_string()));
        assert_eq!(repaired[4], rel(8, "parataxis:insert"));
        assert_eq!(repaired[1], rel(8, "nsubj"));
        assert_eq!(repaired[6], rel(4, "nsubj"));
        assert_eq!(repaired[10], rel(8, "punct"));
        // With no comma before the verb, it is the main clause and stays so.
        let mut forms = forms;
        forms[2] = "et";
        let mut same = parsed.clone();
        super::repair_inserted_reporting_clauses(&mut same, &upos, &feats, &forms);
        assert_eq!(same, parsed);
    }

    #[test]
    fn a_conjunct_repeating_the_main_auxiliary_continues_the_main_clause() {
        use veille_core::Upos::*;
        // "Athens has insisted that Skopje lies and has objected ." with "objected" read as
        // a conjunct of "lies".
        let forms = [
            "Athens", "has", "insisted", "that", "Skopje", "lies", "and", "has", "objected", ".",
        ];
        let upos = [
            Propn, Aux, Verb, Sconj, Propn, Verb, Cconj, Aux, Verb, Punct,
        ];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let parsed = vec![
            rel(2, "nsubj"),
            rel(2, "aux"),
            (None, "root".to_string()),
            rel(5, "mark"),
            rel(5, "nsubj"),
            rel(2, "ccomp"),
            rel(8, "cc"),
            rel(8, "aux"),
            rel(5, "conj"),
            rel(2, "punct"),
        ];
        let mut repaired = parsed.clone();
        super::repair_conjuncts_by_auxiliary(&mut repaired, &upos, &forms);
        assert_eq!(repaired[8], rel(2, "conj"));
        // "… that Skopje has lied and has objected": the complement has the auxiliary too.
        let mut forms2 = forms;
        forms2[5] = "lied";
        let mut parsed2 = parsed.clone();
        parsed2.insert(5, rel(6, "aux"));
        let mut forms3: Vec<&str> = forms2.to_vec();
        forms3.insert(5, "has");
        let mut upos3 = upos.to_vec();
        upos3.insert(5, Aux);
        let parsed3: Vec<(Option<u32>, String)> = parsed2
            .iter()
            .enumerate()
            .map(|(i, (h, r))| {
                if i == 5 {
                    (*h, r.clone())
                } else {
                    (h.map(|h| if h >= 5 { h + 1 } else { h }), r.clone())
                }
            })
            .collect();
        let mut same = parsed3.clone();
        super::repair_conjuncts_by_auxiliary(&mut same, &upos3, &forms3);
        assert_eq!(same, parsed3);
    }

    #[test]
    fn an_inserted_reporting_verb_takes_its_subject_after_it() {
        use veille_core::Upos::*;
        // "L'homme est mort, l'artère tranchée, a indiqué le Post ." with "artère" read as
        // the subject of "indiqué" and "Post" as its object.
        let forms = [
            "L'",
            "homme",
            "est",
            "mort",
            ",",
            "l'",
            "artère",
            "tranchée",
            ",",
            "a",
            "indiqué",
            "le",
            "Post",
            ".",
        ];
        let upos = [
            Det, Noun, Aux, Verb, Punct, Det, Noun, Adj, Punct, Aux, Verb, Det, Propn, Punct,
        ];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            rel(1, "det"),
            rel(3, "nsubj"),
            rel(3, "aux:tense"),
            (None, "root".to_string()),
            rel(6, "punct"),
            rel(6, "det"),
            rel(10, "nsubj"),
            rel(6, "amod"),
            rel(10, "punct"),
            rel(10, "aux:tense"),
            rel(3, "parataxis:insert"),
            rel(12, "det"),
            rel(10, "obj"),
            rel(3, "punct"),
        ];
        let mut repaired = parsed.clone();
        super::repair_incise_subjects(&mut repaired, &upos, &forms);
        assert_eq!(repaired[12], rel(10, "nsubj"));
        assert_eq!(repaired[6], rel(3, "dislocated"));
        // A verb that is no insertion (no comma right before it) keeps its object.
        let mut forms = forms;
        forms[8] = "et";
        parsed[8] = rel(10, "cc");
        let before = parsed.clone();
        super::repair_incise_subjects(&mut parsed, &upos, &forms);
        assert_eq!(parsed, before);
    }

    #[test]
    fn a_finite_verb_read_as_a_root_nouns_modifier_is_the_root() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // « La paix est proche » : la Bolivie , isolée , espère que …
        let forms = [
            "«", "La", "paix", "est", "proche", "»", ":", "la", "Bolivie", ",", "isolée", ",",
            "espère", "que", "tout", "change",
        ];
        let upos = [
            Punct, Det, Noun, Aux, Adj, Punct, Punct, Det, Propn, Punct, Verb, Punct, Verb, Sconj,
            Pron, Verb,
        ];
        let fin = Feats::from_ud("Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin");
        let part = Feats::from_ud("VerbForm=Part");
        let none = Feats::default();
        let mut feats = vec![none; forms.len()];
        feats[10] = part;
        feats[12] = fin;
        feats[15] = fin;
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            rel(8, "punct"),
            rel(2, "det"),
            rel(8, "nsubj"),
            rel(8, "cop"),
            rel(8, "amod"),
            rel(8, "punct"),
            rel(8, "punct"),
            rel(8, "det"),
            (None, "root".to_string()),
            rel(10, "punct"),
            rel(8, "acl"),
            rel(12, "punct"),
            rel(8, "amod"),
            rel(15, "mark"),
            rel(15, "nsubj"),
            rel(12, "ccomp"),
        ];
        let before = parsed.clone();
        super::repair_finite_modifiers(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed[12], (None, "root".to_string()));
        assert_eq!(parsed[8], rel(12, "nsubj"));
        // Without the colon the copula and subject make a predicate noun: left alone.
        let mut forms = forms;
        forms[6] = ",";
        let mut parsed = before.clone();
        super::repair_finite_modifiers(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed, before);
    }

    #[test]
    fn a_title_read_as_a_bare_oblique_joins_the_name() {
        use veille_core::Upos::*;
        // "The lawmaker Peter Bone told …" with "lawmaker" a bare oblique of "told".
        let upos = [Det, Noun, Propn, Propn, Verb];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            rel(1, "det"),
            rel(4, "obl:unmarked"),
            rel(4, "nsubj"),
            rel(2, "flat"),
            (None, "root".to_string()),
        ];
        super::repair_titles_read_as_obliques(
            &mut parsed,
            &upos,
            &["the", "lawmaker", "Peter", "Bone", "tell"],
        );
        assert_eq!(parsed[1], rel(2, "compound"));
        // "Last week Kenya signed": a bare time oblique before a name stays.
        let upos = [Adj, Noun, Propn, Verb];
        let mut parsed = vec![
            rel(1, "amod"),
            rel(3, "obl:unmarked"),
            rel(3, "nsubj"),
            (None, "root".to_string()),
        ];
        let before = parsed.clone();
        super::repair_titles_read_as_obliques(
            &mut parsed,
            &upos,
            &["last", "week", "Kenya", "sign"],
        );
        assert_eq!(parsed, before);
    }

    #[test]
    fn a_title_read_as_a_second_subject_joins_the_name() {
        use veille_core::Upos::*;
        // "the minister Haldor warned Westmark", "minister" and "Haldor" both subjects.
        let upos = [Det, Noun, Propn, Verb, Propn];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let parsed = vec![
            rel(1, "det"),
            rel(3, "nsubj"),
            rel(3, "nsubj"),
            (None, "root".to_string()),
            rel(3, "obj"),
        ];
        let mut en = parsed.clone();
        super::repair_double_subjects(&mut en, &upos, &[], true);
        assert_eq!(en[1], rel(2, "compound"));
        assert_eq!(en[2], rel(3, "nsubj"));
        let mut fr = parsed.clone();
        super::repair_double_subjects(&mut fr, &upos, &[], false);
        assert_eq!(fr[1], rel(3, "nsubj"));
        assert_eq!(fr[2], rel(1, "appos"));
        // Two names, or a noun and a name apart, are left alone.
        let mut two_names = parsed.clone();
        super::repair_double_subjects(&mut two_names, &[Det, Propn, Propn, Verb, Propn], &[], true);
        assert_eq!(two_names, parsed);
        // A coordinated second subject becomes a conjunct.
        let mut coord = vec![
            rel(3, "nsubj"),
            rel(2, "cc"),
            rel(3, "nsubj"),
            (None, "root".to_string()),
        ];
        super::repair_double_subjects(&mut coord, &[Propn, Cconj, Propn, Verb], &[], true);
        assert_eq!(coord[2], rel(0, "conj"));
    }

    #[test]
    fn a_second_subject_after_the_verb_is_its_object() {
        use veille_core::Upos::*;
        // "The singer praised Kenya" with "Kenya" read as a second subject.
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let upos = [Det, Noun, Verb, Propn];
        let wrong = vec![
            rel(1, "det"),
            rel(2, "nsubj"),
            (None, "root".to_string()),
            rel(2, "nsubj"),
        ];
        let mut parsed = wrong.clone();
        super::repair_double_subjects(&mut parsed, &upos, &[], true);
        assert_eq!(parsed[3], rel(2, "obj"));
        assert_eq!(parsed[1], rel(2, "nsubj"));
        // French is left to its own rules.
        let mut parsed = wrong.clone();
        super::repair_double_subjects(&mut parsed, &upos, &[], false);
        assert_eq!(parsed, wrong);
    }

    #[test]
    fn a_headline_topic_before_a_colon_is_no_subject() {
        use veille_core::Upos::*;
        // "Norvège : un ours blesse un randonneur"
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let upos = [Propn, Punct, Det, Noun, Verb, Det, Noun];
        let forms = ["Norvège", ":", "un", "ours", "blesse", "un", "randonneur"];
        let mut parsed = vec![
            rel(4, "nsubj"),
            rel(4, "punct"),
            rel(3, "det"),
            rel(4, "nsubj"),
            (None, "root".to_string()),
            rel(6, "det"),
            rel(4, "obj"),
        ];
        super::repair_double_subjects(&mut parsed, &upos, &forms, false);
        assert_eq!(parsed[0], rel(4, "dislocated"));
        assert_eq!(parsed[3], rel(4, "nsubj"));
        // Without the colon both stay as the parser read them.
        let mut no_colon = parsed.clone();
        no_colon[0].1 = "nsubj".to_string();
        let before = no_colon.clone();
        let forms = ["Norvège", ",", "un", "ours", "blesse", "un", "randonneur"];
        super::repair_double_subjects(&mut no_colon, &upos, &forms, false);
        assert_eq!(no_colon, before);
    }

    #[test]
    fn a_subject_with_a_preposition_is_an_oblique() {
        use veille_core::Upos::*;
        // "Devant la commission, la témoin a répondu"
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let upos = [Adp, Det, Noun, Punct, Det, Noun, Aux, Verb];
        let mut parsed = vec![
            rel(2, "case"),
            rel(2, "det"),
            rel(7, "nsubj"),
            rel(7, "punct"),
            rel(5, "det"),
            rel(7, "nsubj"),
            rel(7, "aux:tense"),
            (None, "root".to_string()),
        ];
        super::repair_cased_subjects(&mut parsed, &upos, false);
        assert_eq!(parsed[2], rel(7, "obl:mod"));
        assert_eq!(parsed[5], rel(7, "nsubj"));
        super::repair_cased_subjects(&mut parsed, &upos, true);
        assert_eq!(parsed[5], rel(7, "nsubj"));
    }

    #[test]
    fn a_bare_noun_on_a_subjectless_verb_is_its_subject() {
        use veille_core::Upos::*;
        // The government imposed a curfew in Lagos: "government" read as nmod of "imposed".
        let upos = [Det, Noun, Verb, Det, Noun, Adp, Propn];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            rel(1, "det"),
            rel(2, "nmod"),
            (None, "root".to_string()),
            rel(4, "det"),
            rel(2, "obj"),
            rel(6, "case"),
            rel(4, "nmod"),
        ];
        super::repair_subjects(&mut parsed, &upos, &[]);
        assert_eq!(parsed[1].1, "nsubj");
        // The noun under the object keeps its nmod; a verb with a subject is left alone.
        assert_eq!(parsed[6].1, "nmod");
        let before = parsed.clone();
        super::repair_subjects(&mut parsed, &upos, &[]);
        assert_eq!(parsed, before);
        // A noun with a preposition is an oblique, not a subject: "In Lagos imposed …".
        let upos = [Adp, Propn, Verb];
        let mut parsed = vec![rel(1, "case"), rel(2, "nmod"), (None, "root".to_string())];
        super::repair_subjects(&mut parsed, &upos, &[]);
        assert_eq!(parsed[1].1, "nmod");
        // "Students demonstrated" read as a passive: no auxiliary, so an active subject;
        // "Students were arrested" keeps its passive subject.
        let upos = [Noun, Verb];
        let mut parsed = vec![rel(1, "nsubj:pass"), (None, "root".to_string())];
        super::repair_subjects(&mut parsed, &upos, &[]);
        assert_eq!(parsed[0].1, "nsubj");
        let upos = [Noun, Aux, Verb];
        let mut parsed = vec![
            rel(2, "nsubj:pass"),
            rel(2, "aux:pass"),
            (None, "root".to_string()),
        ];
        super::repair_subjects(&mut parsed, &upos, &[]);
        assert_eq!(parsed[0].1, "nsubj:pass");
        // "The camp was attacked" with "camp" as a plain subject beside the passive auxiliary.
        let mut parsed = vec![
            rel(2, "nsubj"),
            rel(2, "aux:pass"),
            (None, "root".to_string()),
        ];
        super::repair_subjects(&mut parsed, &upos, &[]);
        assert_eq!(parsed[0].1, "nsubj:pass");
        // "Kim et le ministre veulent …" with the lowercased name read as a clause; one with
        // a subordinator stays a clause.
        let upos = [Noun, Cconj, Det, Noun, Verb];
        let kim = vec![
            rel(4, "advcl"),
            rel(3, "cc"),
            rel(3, "det"),
            rel(0, "conj"),
            (None, "root".to_string()),
        ];
        let mut parsed = kim.clone();
        super::repair_subjects(&mut parsed, &upos, &[]);
        assert_eq!(parsed[0].1, "nsubj");
        let mut marked = kim.clone();
        marked[1] = (Some(0), "mark".to_string());
        let before = marked.clone();
        super::repair_subjects(&mut marked, &upos, &[]);
        assert_eq!(marked, before);
    }

    /// A parse from (head, relation) pairs; head -1 is the root.
    fn tree(rels: &[(i32, &str)]) -> Vec<(Option<u32>, String)> {
        rels.iter()
            .map(|&(h, r)| ((h >= 0).then_some(h as u32), r.to_string()))
            .collect()
    }

    #[test]
    fn a_gerund_after_the_object_modifies_it() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Workers blocked the bridge spanning the river" with "bridge" the gerund's subject.
        let upos = [Noun, Verb, Det, Noun, Verb, Det, Noun];
        let mut feats = vec![Feats::default(); 7];
        feats[4] = Feats::from_ud("VerbForm=Ger");
        let wrong = tree(&[
            (1, "nsubj"),
            (-1, "root"),
            (3, "det"),
            (4, "nsubj"),
            (1, "ccomp"),
            (6, "det"),
            (4, "obj"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_gerund_clauses(&mut parsed, &upos, &feats);
        assert_eq!(parsed[3], (Some(1), "obj".to_string()));
        assert_eq!(parsed[4], (Some(3), "acl".to_string()));
        // Counter-case: the verb has an object already ("told reporters the army was
        // leaving" style clauses keep their subject).
        let mut parsed = wrong.clone();
        parsed[0].1 = "obj".to_string();
        let before = parsed.clone();
        super::repair_gerund_clauses(&mut parsed, &upos, &feats);
        assert_eq!(parsed, before);
    }

    #[test]
    fn an_object_with_a_preposition_is_an_oblique() {
        use veille_core::Upos::*;
        // "Kenya responded to the proposals" with "proposals" the verb's object.
        let upos = [Propn, Verb, Adp, Det, Noun];
        let mut parsed = tree(&[
            (1, "nsubj"),
            (-1, "root"),
            (4, "case"),
            (4, "det"),
            (1, "obj"),
        ]);
        super::repair_cased_objects(&mut parsed, &upos);
        assert_eq!(parsed[4], (Some(1), "obl".to_string()));
        // Counter-case: a plain object stays one.
        let mut parsed = tree(&[
            (1, "nsubj"),
            (-1, "root"),
            (4, "det"),
            (4, "amod"),
            (1, "obj"),
        ]);
        super::repair_cased_objects(&mut parsed, &[Propn, Verb, Det, Adj, Noun]);
        assert_eq!(parsed[4], (Some(1), "obj".to_string()));
    }

    #[test]
    fn the_speaker_after_a_quotation_is_the_subject() {
        use veille_core::Upos::*;
        // `"Talks resume," noted Pedro Alves.` with the speaker read as the verb's object.
        let forms = [
            "\"", "Talks", "resume", ",", "\"", "noted", "Pedro", "Alves", ".",
        ];
        let upos = [Punct, Noun, Verb, Punct, Punct, Verb, Propn, Propn, Punct];
        let wrong = tree(&[
            (2, "punct"),
            (2, "nsubj"),
            (5, "ccomp"),
            (2, "punct"),
            (2, "punct"),
            (-1, "root"),
            (5, "obj"),
            (6, "flat"),
            (5, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_inverted_speakers(&mut parsed, &upos, &forms, false);
        assert_eq!(parsed[6], (Some(5), "nsubj".to_string()));
        // Counter-case: with no quotation right before the verb ("Talks resume, and noted
        // Pedro Alves" style readings), the object stays one.
        let forms = [
            "\"", "Talks", "resume", "\"", "and", "noted", "Pedro", "Alves", ".",
        ];
        let mut parsed = wrong.clone();
        super::repair_inverted_speakers(&mut parsed, &upos, &forms, false);
        assert_eq!(parsed, wrong);
    }

    #[test]
    fn a_french_speaker_after_the_auxiliary_is_the_subject() {
        use veille_core::Upos::*;
        // `Les pluies continuent », a indiqué la Croix Rouge.` with the quoted clause an
        // adverbial clause of "indiqué" and the speaker its object.
        let forms = [
            "Les",
            "pluies",
            "continuent",
            "»",
            ",",
            "a",
            "indiqué",
            "la",
            "Croix",
            "Rouge",
            ".",
        ];
        let upos = [
            Det, Noun, Verb, Punct, Punct, Aux, Verb, Det, Noun, Adj, Punct,
        ];
        let wrong = tree(&[
            (1, "det"),
            (2, "nsubj"),
            (6, "advcl"),
            (2, "punct"),
            (6, "punct"),
            (6, "aux:tense"),
            (-1, "root"),
            (8, "det"),
            (6, "obj"),
            (8, "amod"),
            (6, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_inverted_speakers(&mut parsed, &upos, &forms, true);
        assert_eq!(parsed[8], (Some(6), "nsubj".to_string()));
        // English reads no adverbial clause as a quotation.
        let mut parsed = wrong.clone();
        super::repair_inverted_speakers(&mut parsed, &upos, &forms, false);
        assert_eq!(parsed, wrong);
    }

    #[test]
    fn a_speech_verb_read_as_the_quotations_conjunct_is_inserted() {
        use veille_core::Upos::*;
        // `« Le pays progresse », écrit Branstad.` with "écrit" coordinated with the quoted
        // verb and the speaker its object.
        let forms = [
            "«",
            "Le",
            "pays",
            "progresse",
            "»",
            ",",
            "écrit",
            "Branstad",
            ".",
        ];
        let upos = [Punct, Det, Noun, Verb, Punct, Punct, Verb, Propn, Punct];
        let wrong = tree(&[
            (3, "punct"),
            (2, "det"),
            (3, "nsubj"),
            (-1, "root"),
            (3, "punct"),
            (6, "punct"),
            (3, "conj"),
            (6, "obj"),
            (3, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_inverted_speakers(&mut parsed, &upos, &forms, true);
        assert_eq!(parsed[7], (Some(6), "nsubj".to_string()));
        assert_eq!(parsed[6], (Some(3), "parataxis".to_string()));
        // Counter-case: a conjunct with no quotation right before it ("Le pays progresse et
        // écrit l'histoire") keeps its object.
        let forms = [
            "«",
            "Le",
            "pays",
            "progresse",
            "»",
            "et",
            "écrit",
            "Branstad",
            ".",
        ];
        let mut parsed = wrong.clone();
        super::repair_inverted_speakers(&mut parsed, &upos, &forms, true);
        assert_eq!(parsed, wrong);
    }

    #[test]
    fn the_subject_after_a_fronted_selon_phrase_is_the_verbs() {
        use veille_core::Upos::*;
        // `Selon Le Soir, l'ancien maire, Paul Mertens, a démissionné.` with "maire" read as
        // the apposition of "Soir".
        let forms = [
            "Selon",
            "Le",
            "Soir",
            ",",
            "l'",
            "ancien",
            "maire",
            ",",
            "Paul",
            "Mertens",
            ",",
            "a",
            "démissionné",
            ".",
        ];
        let upos = [
            Adp, Det, Propn, Punct, Det, Adj, Noun, Punct, Propn, Propn, Punct, Aux, Verb, Punct,
        ];
        let wrong = tree(&[
            (2, "case"),
            (2, "det"),
            (12, "obl:mod"),
            (6, "punct"),
            (6, "det"),
            (6, "amod"),
            (2, "appos"),
            (8, "punct"),
            (6, "appos"),
            (8, "flat:name"),
            (2, "punct"),
            (12, "aux:tense"),
            (-1, "root"),
            (12, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_attributed_subjects(&mut parsed, &upos, &forms);
        assert_eq!(parsed[6], (Some(12), "nsubj".to_string()));
        assert_eq!(parsed[8], (Some(6), "appos".to_string()));
        // A verb with a subject of its own keeps the apposition where it is.
        let mut with_subject = wrong.clone();
        with_subject[8] = (Some(12), "nsubj".to_string());
        let before = with_subject.clone();
        super::repair_attributed_subjects(&mut with_subject, &upos, &forms);
        assert_eq!(with_subject, before);
    }

    #[test]
    fn the_apposition_of_a_postposed_speaker_is_his() {
        use veille_core::Upos::*;
        // `« Rien ne change », a dit Pedro Alves, un diplomate.` with "diplomate" read as the
        // object of the quoted verb.
        let forms = [
            "«",
            "Rien",
            "ne",
            "change",
            "»",
            ",",
            "a",
            "dit",
            "Pedro",
            "Alves",
            ",",
            "un",
            "diplomate",
            ".",
        ];
        let upos = [
            Punct, Pron, Adv, Verb, Punct, Punct, Aux, Verb, Propn, Propn, Punct, Det, Noun, Punct,
        ];
        let none = vec![veille_core::Feats::default(); forms.len()];
        let wrong = tree(&[
            (3, "punct"),
            (3, "nsubj"),
            (3, "advmod"),
            (-1, "root"),
            (3, "punct"),
            (7, "punct"),
            (7, "aux:tense"),
            (3, "parataxis:insert"),
            (7, "nsubj"),
            (8, "flat:name"),
            (3, "punct"),
            (12, "det"),
            (3, "obj"),
            (3, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_speaker_appositions(&mut parsed, &upos, &none, &forms);
        assert_eq!(parsed[12], (Some(8), "appos".to_string()));
        assert_eq!(parsed[10], (Some(12), "punct".to_string()));
        // Read as the apposition of a noun of the quotation, too.
        let mut parsed = wrong.clone();
        parsed[12] = (Some(1), "appos".to_string());
        super::repair_speaker_appositions(&mut parsed, &upos, &none, &forms);
        assert_eq!(parsed[12], (Some(8), "appos".to_string()));
        // Counter-case: a noun attached after the reporting verb is left alone.
        let mut right = wrong.clone();
        right[12] = (Some(7), "obl".to_string());
        let mut parsed = right.clone();
        super::repair_speaker_appositions(&mut parsed, &upos, &none, &forms);
        assert_eq!(parsed, right);
    }

    #[test]
    fn a_bare_apposition_read_as_a_verb_is_the_speakers() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // `« Rien ne change », a dit Pedro Alves, diplomate chilien.` with "diplomate" tagged
        // as a finite verb coordinated with the quoted one.
        let forms = [
            "«",
            "Rien",
            "ne",
            "change",
            "»",
            ",",
            "a",
            "dit",
            "Pedro",
            "Alves",
            ",",
            "diplomate",
            "chilien",
            ".",
        ];
        let upos = [
            Punct, Pron, Adv, Verb, Punct, Punct, Aux, Verb, Propn, Propn, Punct, Verb, Adj, Punct,
        ];
        let mut feats = vec![Feats::default(); forms.len()];
        feats[11] = Feats::from_ud("Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin");
        let wrong = tree(&[
            (3, "punct"),
            (3, "nsubj"),
            (3, "advmod"),
            (-1, "root"),
            (3, "punct"),
            (7, "punct"),
            (7, "aux:tense"),
            (3, "parataxis:insert"),
            (7, "nsubj"),
            (8, "flat:name"),
            (11, "punct"),
            (3, "conj"),
            (11, "xcomp"),
            (3, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_speaker_appositions(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed[11], (Some(8), "appos".to_string()));
        assert_eq!(parsed[12], (Some(11), "amod".to_string()));
        // Counter-cases: a participle is a clause of its own ("…, souriant largement."),
        // and so is a verb followed by more than a noun phrase.
        let mut part = feats.clone();
        part[11] = Feats::from_ud("Tense=Pres|VerbForm=Part");
        let mut parsed = wrong.clone();
        super::repair_speaker_appositions(&mut parsed, &upos, &part, &forms);
        assert_eq!(parsed, wrong);
        let mut clause = upos;
        clause[12] = Adv;
        let mut parsed = wrong.clone();
        super::repair_speaker_appositions(&mut parsed, &clause, &feats, &forms);
        assert_eq!(parsed, wrong);
    }

    #[test]
    fn the_subject_after_a_fronted_participle_clause_is_the_verbs() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Parlant à la presse, le ministre a affirmé." with "ministre" read as the object
        // of "Parlant".
        let forms = [
            "Parlant", "à", "la", "presse", ",", "le", "ministre", "a", "affirmé", ".",
        ];
        let upos = [Verb, Adp, Det, Noun, Punct, Det, Noun, Aux, Verb, Punct];
        let mut feats = vec![Feats::default(); forms.len()];
        feats[0] = Feats::from_ud("Tense=Pres|VerbForm=Part");
        let wrong = tree(&[
            (8, "advcl"),
            (3, "case"),
            (3, "det"),
            (0, "obl:arg"),
            (0, "punct"),
            (6, "det"),
            (0, "obj"),
            (8, "aux:tense"),
            (-1, "root"),
            (8, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_fronted_participle_objects(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed[6], (Some(8), "nsubj".to_string()));
        // Counter-case: the participle's own object, right after it ("Saluant le ministre,
        // il a affirmé"), stays.
        let forms = ["Saluant", "le", "ministre", ",", "il", "a", "affirmé", "."];
        let upos = [Verb, Det, Noun, Punct, Pron, Aux, Verb, Punct];
        let mut feats = vec![Feats::default(); forms.len()];
        feats[0] = Feats::from_ud("Tense=Pres|VerbForm=Part");
        let right = tree(&[
            (6, "advcl"),
            (2, "det"),
            (0, "obj"),
            (0, "punct"),
            (6, "nsubj"),
            (6, "aux:tense"),
            (-1, "root"),
            (6, "punct"),
        ]);
        let mut parsed = right.clone();
        super::repair_fronted_participle_objects(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed, right);
    }

    #[test]
    fn a_subordinate_clause_before_the_main_verb_is_not_the_root() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Lorsque le ministre arrivait , un élu affirme que rien ne change ." with the
        // subordinate "arrivait" as the root and "affirme" an adjective of "élu".
        let forms = [
            "Lorsque", "le", "ministre", "arrivait", ",", "un", "élu", "affirme", "que", "rien",
            "ne", "change", ".",
        ];
        let upos = [
            Sconj, Det, Noun, Verb, Punct, Det, Noun, Verb, Sconj, Pron, Adv, Verb, Punct,
        ];
        let mut feats = vec![Feats::default(); forms.len()];
        for v in [3, 7, 11] {
            feats[v] = Feats::from_ud("Mood=Ind|VerbForm=Fin");
        }
        let wrong = tree(&[
            (3, "mark"),
            (2, "det"),
            (3, "nsubj"),
            (-1, "root"),
            (6, "punct"),
            (6, "det"),
            (3, "appos"),
            (6, "amod"),
            (11, "mark"),
            (11, "nsubj"),
            (11, "advmod"),
            (6, "ccomp"),
            (3, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_fronted_subordinate_roots(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed[7], (None, "root".to_string()));
        assert_eq!(parsed[3], (Some(7), "advcl".to_string()));
        assert_eq!(parsed[6], (Some(7), "nsubj".to_string()));
        assert_eq!(parsed[11], (Some(7), "ccomp".to_string()));
        assert_eq!(parsed[12], (Some(7), "punct".to_string()));
        // Counter-case: a main clause with no subordinator keeps its root, whatever follows.
        let mut no_mark = wrong.clone();
        no_mark[0] = (Some(3), "advmod".to_string());
        let mut parsed = no_mark.clone();
        super::repair_fronted_subordinate_roots(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed, no_mark);
    }

    #[test]
    fn a_main_clause_read_as_a_relative_one_after_a_fronted_clause_is_the_root() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Once the government says this is a disaster , we can open ." with "open" a
        // relative clause of "disaster" and "says" the root.
        let forms = [
            "Once",
            "the",
            "government",
            "says",
            "this",
            "is",
            "a",
            "disaster",
            ",",
            "we",
            "can",
            "open",
            ".",
        ];
        let upos = [
            Sconj, Det, Noun, Verb, Pron, Aux, Det, Noun, Punct, Pron, Aux, Verb, Punct,
        ];
        let mut feats = vec![Feats::default(); forms.len()];
        feats[3] = Feats::from_ud("Tense=Pres|VerbForm=Fin");
        feats[10] = Feats::from_ud("VerbForm=Fin");
        feats[11] = Feats::from_ud("VerbForm=Inf");
        let wrong = tree(&[
            (3, "mark"),
            (2, "det"),
            (3, "nsubj"),
            (-1, "root"),
            (7, "nsubj"),
            (7, "cop"),
            (7, "det"),
            (3, "ccomp"),
            (11, "punct"),
            (11, "nsubj"),
            (11, "aux"),
            (7, "acl:relcl"),
            (3, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_fronted_subordinate_roots(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed[11], (None, "root".to_string()));
        assert_eq!(parsed[3], (Some(11), "advcl".to_string()));
        assert_eq!(parsed[12], (Some(11), "punct".to_string()));
        // Counter-case: a real relative clause ("…, which can open") stays one.
        let forms_rel = [
            "Once",
            "the",
            "government",
            "says",
            "this",
            "is",
            "a",
            "disaster",
            ",",
            "which",
            "can",
            "open",
            ".",
        ];
        let mut parsed = wrong.clone();
        super::repair_fronted_subordinate_roots(&mut parsed, &upos, &feats, &forms_rel);
        assert_eq!(parsed, wrong);
    }

    #[test]
    fn a_subject_read_inside_a_fronted_clause_is_the_main_verbs() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Lorsque le ministre est arrivé , un élu affirme que rien ne change ." with "élu"
        // read as an apposition of the subordinate clause's participle.
        let forms = [
            "Lorsque", "le", "ministre", "est", "arrivé", ",", "un", "élu", "affirme", "que",
            "rien", "ne", "change", ".",
        ];
        let upos = [
            Sconj, Det, Noun, Aux, Verb, Punct, Det, Noun, Verb, Sconj, Pron, Adv, Verb, Punct,
        ];
        let mut feats = vec![Feats::default(); forms.len()];
        feats[8] = Feats::from_ud("Mood=Ind|VerbForm=Fin");
        let wrong = tree(&[
            (4, "mark"),
            (2, "det"),
            (4, "nsubj"),
            (4, "aux:tense"),
            (8, "advcl"),
            (7, "punct"),
            (7, "det"),
            (4, "appos"),
            (-1, "root"),
            (12, "mark"),
            (12, "nsubj"),
            (12, "advmod"),
            (8, "ccomp"),
            (8, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_fronted_subordinate_roots(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed[7], (Some(8), "nsubj".to_string()));
        assert_eq!(parsed[5], (Some(4), "punct".to_string()));
        // Counter-case: a verb with its own subject leaves the apposition alone.
        let mut own = wrong.clone();
        own[10] = (Some(8), "nsubj".to_string());
        let mut parsed = own.clone();
        super::repair_fronted_subordinate_roots(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed, own);
    }

    #[test]
    fn a_participle_modifying_a_fronted_noun_has_no_subject() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Dans un entretien accordé hier, le ministre a démenti." with "ministre" read as the
        // subject of "accordé".
        let upos = [
            Adp, Det, Noun, Verb, Adv, Punct, Det, Noun, Aux, Verb, Punct,
        ];
        let mut feats = vec![Feats::default(); 11];
        feats[3] = Feats::from_ud("Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part");
        feats[9] = Feats::from_ud("Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part");
        let wrong = tree(&[
            (2, "case"),
            (2, "det"),
            (9, "obl:mod"),
            (2, "acl"),
            (3, "advmod"),
            (7, "punct"),
            (7, "det"),
            (3, "nsubj"),
            (9, "aux:tense"),
            (-1, "root"),
            (9, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_participle_subjects(&mut parsed, &upos, &feats);
        assert_eq!(parsed[7], (Some(9), "nsubj".to_string()));
        // Counter-case: when the main verb has a subject already, nothing moves.
        let mut has_subject = wrong.clone();
        has_subject[4] = (Some(9), "nsubj".to_string());
        let mut parsed = has_subject.clone();
        super::repair_participle_subjects(&mut parsed, &upos, &feats);
        assert_eq!(parsed, has_subject);
    }

    #[test]
    fn a_name_with_its_acronym_modifies_the_noun_after_it() {
        use veille_core::Upos::*;
        // "Farmers Union (FU) officials protested" with "Union" read as a bare oblique.
        let forms = [
            "Farmers",
            "Union",
            "(",
            "FU",
            ")",
            "officials",
            "protested",
            ".",
        ];
        let upos = [Propn, Propn, Punct, Propn, Punct, Noun, Verb, Punct];
        let wrong = tree(&[
            (1, "compound"),
            (6, "obl"),
            (3, "punct"),
            (1, "appos"),
            (3, "punct"),
            (6, "nsubj"),
            (-1, "root"),
            (6, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_parenthetical_compounds(&mut parsed, &upos, &forms);
        assert_eq!(parsed[1], (Some(5), "compound".to_string()));
        // Counter-case: with a preposition ("in Kenya (KE) officials …") it stays an oblique.
        let forms = ["In", "Kenya", "(", "KE", ")", "officials", "protested", "."];
        let mut cased = wrong.clone();
        cased[0] = (Some(1), "case".to_string());
        let mut parsed = cased.clone();
        super::repair_parenthetical_compounds(
            &mut parsed,
            &[Adp, Propn, Punct, Propn, Punct, Noun, Verb, Punct],
            &forms,
        );
        assert_eq!(parsed, cased);
    }

    #[test]
    fn a_past_verb_after_the_subjects_apposition_is_no_adjective() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Ana Diaz, the envoy, demanded talks." read as a name and "demanded talks".
        let forms = [
            "Ana", "Diaz", ",", "the", "envoy", ",", "demanded", "talks", ".",
        ];
        let upos = [Propn, Propn, Punct, Det, Noun, Punct, Verb, Noun, Punct];
        let mut feats = vec![Feats::default(); 9];
        feats[6] = Feats::from_ud("Tense=Past|VerbForm=Part");
        let wrong = tree(&[
            (-1, "root"),
            (0, "flat"),
            (4, "punct"),
            (4, "det"),
            (0, "appos"),
            (7, "punct"),
            (7, "amod"),
            (0, "parataxis"),
            (0, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_verbs_read_as_modifiers(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed[6], (None, "root".to_string()));
        assert_eq!(parsed[0], (Some(6), "nsubj".to_string()));
        assert_eq!(parsed[7], (Some(6), "obj".to_string()));
        assert_eq!(parsed[8], (Some(6), "punct".to_string()));
        // Counter-case: a caption with no full stop keeps its reading ("Ana Diaz, the envoy,
        // wanted men").
        let mut caption = wrong.clone();
        caption[8] = (Some(7), "punct".to_string());
        let mut parsed = caption.clone();
        super::repair_verbs_read_as_modifiers(&mut parsed, &upos, &feats, &forms);
        assert_eq!(parsed, caption);
    }

    #[test]
    fn a_bare_infinitive_after_a_verb_that_takes_none_is_its_object() {
        use veille_core::{Analysis, Feats, Upos::*};
        let w = |upos, lemma: &str, head: Option<u32>, rel: &str, feats: &str| Analysis {
            upos,
            lemma: lemma.to_string(),
            head,
            deprel: rel.to_string(),
            feats: Feats::from_ud(feats),
        };
        // "Kenya will lift ban on parties" with "ban" read as a bare infinitive.
        let mut an = vec![
            w(Propn, "Kenya", Some(2), "nsubj", ""),
            w(Aux, "will", Some(2), "aux", ""),
            w(Verb, "lift", None, "root", "VerbForm=Inf"),
            w(Verb, "ban", Some(2), "xcomp", "VerbForm=Inf"),
            w(Adp, "on", Some(5), "case", ""),
            w(Noun, "party", Some(3), "obl", "Number=Plur"),
        ];
        super::retag_bare_verb_objects(&mut an, 0);
        assert_eq!((an[3].upos, an[3].deprel.as_str()), (Noun, "obj"));
        assert_eq!(an[5].deprel, "nmod");
        // Counter-case: "helped build" takes a bare infinitive.
        let mut an = vec![
            w(Propn, "Kenya", Some(1), "nsubj", ""),
            w(Verb, "help", None, "root", "Tense=Past|VerbForm=Fin"),
            w(Verb, "build", Some(1), "xcomp", "VerbForm=Inf"),
            w(Noun, "road", Some(2), "obj", "Number=Plur"),
        ];
        super::retag_bare_verb_objects(&mut an, 0);
        assert_eq!(an[2].upos, Verb);
    }

    #[test]
    fn a_noun_under_a_modal_is_a_verb() {
        use veille_core::{Analysis, Upos::*};
        let w = |upos, lemma: &str, head: Option<u32>, rel: &str| Analysis {
            upos,
            lemma: lemma.to_string(),
            head,
            deprel: rel.to_string(),
            ..Default::default()
        };
        // "Kenya did not ever clash" (words 10–14 of a document), "clash" tagged a noun and
        // "ever" a determiner.
        let mut an = vec![
            w(Propn, "Kenya", Some(14), "nsubj"),
            w(Aux, "do", Some(14), "aux"),
            w(Part, "not", Some(14), "advmod"),
            w(Det, "ever", Some(14), "det"),
            w(Noun, "clash", None, "root"),
        ];
        super::retag_auxiliated_nouns(&mut an, 10);
        assert_eq!(an[4].upos, Verb);
        assert_eq!((an[3].upos, an[3].deprel.as_str()), (Adv, "advmod"));
        // Counter-cases: "did a great job" (an auxiliary misplaced over a noun phrase) and
        // "will be president" (a predicate noun) stay nouns.
        let mut an = vec![
            w(Pron, "we", Some(4), "nsubj"),
            w(Aux, "do", Some(4), "aux"),
            w(Det, "a", Some(4), "det"),
            w(Adj, "great", Some(4), "amod"),
            w(Noun, "job", None, "root"),
        ];
        super::retag_auxiliated_nouns(&mut an, 0);
        assert_eq!(an[4].upos, Noun);
        let mut an = vec![
            w(Pron, "she", Some(3), "nsubj"),
            w(Aux, "will", Some(3), "aux"),
            w(Aux, "be", Some(3), "cop"),
            w(Noun, "president", None, "root"),
        ];
        super::retag_auxiliated_nouns(&mut an, 0);
        assert_eq!(an[3].upos, Noun);
    }

    #[test]
    fn a_plural_noun_before_to_and_a_verb_is_a_verb() {
        use veille_core::{Analysis, Upos::*};
        let w = |upos| Analysis {
            upos,
            ..Default::default()
        };
        // "Greece , like other members , plans to impose limits": no finite verb before.
        let forms = [
            "Greece", ",", "like", "other", "members", ",", "plans", "to", "impose", "limits",
        ];
        let mut an: Vec<Analysis> = [Propn, Punct, Adp, Adj, Noun, Punct, Noun, Part, Verb, Noun]
            .into_iter()
            .map(w)
            .collect();
        super::retag_verbs_read_as_nouns(&forms, &mut an);
        assert_eq!((an[6].upos, an[6].lemma.as_str()), (Verb, "plan"));
        assert_eq!(an[6].feats.get("VerbForm"), Some("Fin"));
        assert_eq!(an[4].upos, Noun);
        // Counter-case: "the plans to impose limits" is a noun phrase.
        let forms = ["the", "plans", "to", "impose", "limits"];
        let mut an: Vec<Analysis> = [Det, Noun, Part, Verb, Noun].into_iter().map(w).collect();
        super::retag_verbs_read_as_nouns(&forms, &mut an);
        assert_eq!(an[1].upos, Noun);
    }

    #[test]
    fn a_list_of_nouns_before_a_verb_is_its_subject() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Kenya , Uganda , and Tanzania welcomed talks" with "welcomed" a conjunct of
        // "Kenya" and "Tanzania" its subject.
        let upos = [Propn, Punct, Propn, Punct, Cconj, Propn, Verb, Noun];
        let mut feats = vec![Feats::default(); 8];
        feats[6] = Feats::from_ud("Mood=Ind|Tense=Past|VerbForm=Fin");
        let wrong = tree(&[
            (-1, "root"),
            (2, "punct"),
            (0, "conj"),
            (6, "punct"),
            (6, "cc"),
            (6, "nsubj"),
            (0, "conj"),
            (6, "obj"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_coordinated_subjects(&mut parsed, &upos, &feats);
        assert_eq!(parsed[6], (None, "root".to_string()));
        assert_eq!(parsed[0], (Some(6), "nsubj".to_string()));
        assert_eq!(parsed[5], (Some(0), "conj".to_string()));
        assert_eq!(parsed[4], (Some(5), "cc".to_string()));
        // Counter-case: a first noun that heads no list keeps its clause ("Kenya won, and
        // Uganda lost" style coordination of clauses).
        let mut parsed = wrong.clone();
        parsed[2] = (Some(6), "obj".to_string());
        let before = parsed.clone();
        super::repair_coordinated_subjects(&mut parsed, &upos, &feats);
        assert_eq!(parsed, before);
    }

    #[test]
    fn an_infinitive_after_agreeing_is_its_complement() {
        use veille_core::Upos::*;
        // "Ministers agreed on Friday to send aid" with "send" read as a purpose clause.
        let upos = [Noun, Verb, Adp, Propn, Part, Verb, Noun];
        let forms = ["Ministers", "agreed", "on", "Friday", "to", "send", "aid"];
        let wrong = tree(&[
            (1, "nsubj"),
            (-1, "root"),
            (3, "case"),
            (1, "obl"),
            (5, "mark"),
            (1, "advcl"),
            (5, "obj"),
        ]);
        let lemmas = ["minister", "agree", "on", "Friday", "to", "send", "aid"];
        let mut parsed = wrong.clone();
        super::repair_infinitive_complements(&mut parsed, &upos, &lemmas, &forms);
        assert_eq!(parsed[5], (Some(1), "xcomp".to_string()));
        // Counter-case: a verb that takes purposes keeps them ("met on Friday to send").
        let lemmas = ["minister", "meet", "on", "Friday", "to", "send", "aid"];
        let mut parsed = wrong.clone();
        super::repair_infinitive_complements(&mut parsed, &upos, &lemmas, &forms);
        assert_eq!(parsed, wrong);
    }

    #[test]
    fn a_that_clause_after_a_time_adjunct_is_the_verbs_complement() {
        use veille_core::Upos::*;
        // "Russia said on Tuesday that Sudan must return it" with the clause as a relative
        // of "Tuesday" and "that" its object.
        let forms = [
            "Russia", "said", "on", "Tuesday", "that", "Sudan", "must", "return", "it",
        ];
        let upos = [Propn, Verb, Adp, Propn, Pron, Propn, Aux, Verb, Pron];
        let wrong = tree(&[
            (1, "nsubj"),
            (-1, "root"),
            (3, "case"),
            (1, "obl"),
            (7, "obj"),
            (7, "nsubj"),
            (7, "aux"),
            (3, "acl:relcl"),
            (7, "obj"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_time_relatives(&mut parsed, &upos, &forms);
        assert_eq!(parsed[7], (Some(1), "ccomp".to_string()));
        assert_eq!(parsed[4], (Some(7), "mark".to_string()));
        // Counter-case: in "the week that follows it" "that" is the only subject: the
        // relative stays.
        let forms = ["They", "spent", "the", "week", "that", "follows", "it"];
        let upos = [Pron, Verb, Det, Noun, Pron, Verb, Pron];
        let mut parsed = tree(&[
            (1, "nsubj"),
            (-1, "root"),
            (3, "det"),
            (1, "obl"),
            (5, "nsubj"),
            (3, "acl:relcl"),
            (5, "obj"),
        ]);
        let before = parsed.clone();
        super::repair_time_relatives(&mut parsed, &upos, &forms);
        assert_eq!(parsed, before);
    }

    #[test]
    fn a_bare_oblique_before_a_subjectless_verb_is_its_subject_unless_a_time() {
        use veille_core::Upos::*;
        // "The minister, in remarks, urged Kenya": "minister" read as a bare obl.
        let upos = [Det, Noun, Verb, Propn];
        let mut parsed = tree(&[(1, "det"), (2, "obl"), (-1, "root"), (2, "obj")]);
        super::repair_subjects(&mut parsed, &upos, &["the", "minister", "urge", "Kenya"]);
        assert_eq!(parsed[1].1, "nsubj");
        // "Monday rained": a time word stays an oblique.
        let upos = [Propn, Verb];
        let mut parsed = tree(&[(1, "obl"), (-1, "root")]);
        super::repair_subjects(&mut parsed, &upos, &["Monday", "rain"]);
        assert_eq!(parsed[0].1, "obl");
    }

    #[test]
    fn a_copula_on_a_verb_is_an_auxiliary() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Kenya was opposed by Uganda": passive; "Kenya is going": progressive.
        let upos = [Propn, Aux, Verb, Adp, Propn];
        let part = Feats::from_ud("Tense=Past|VerbForm=Part");
        let feats = [Feats::NONE, Feats::NONE, part, Feats::NONE, Feats::NONE];
        let mut parsed = tree(&[
            (2, "nsubj"),
            (2, "cop"),
            (-1, "root"),
            (4, "case"),
            (2, "obl:agent"),
        ]);
        super::repair_verb_copulas(&mut parsed, &upos, &feats);
        assert_eq!(parsed[1].1, "aux:pass");
        super::repair_subjects(&mut parsed, &upos, &[]);
        assert_eq!(parsed[0].1, "nsubj:pass");
        let ger = Feats::from_ud("VerbForm=Ger");
        let mut parsed = tree(&[(2, "nsubj"), (2, "cop"), (-1, "root")]);
        super::repair_verb_copulas(&mut parsed, &upos[..3], &[Feats::NONE, Feats::NONE, ger]);
        assert_eq!(parsed[1].1, "aux");
        // A copula on an adjective is left alone: "Kenya is ready".
        let mut parsed = tree(&[(2, "nsubj"), (2, "cop"), (-1, "root")]);
        super::repair_verb_copulas(&mut parsed, &[Propn, Aux, Adj], &[Feats::NONE; 3]);
        assert_eq!(parsed[1].1, "cop");
    }

    #[test]
    fn neither_before_a_coordination_is_a_preconjunct() {
        use veille_core::Upos::*;
        // "Neither Kenya nor Uganda voted".
        let upos = [Cconj, Propn, Cconj, Propn, Verb];
        let mut parsed = tree(&[
            (1, "case"),
            (4, "obl"),
            (3, "cc"),
            (1, "conj"),
            (-1, "root"),
        ]);
        super::repair_preconjunctions(&mut parsed, &upos);
        assert_eq!(parsed[0].1, "cc:preconj");
        super::repair_subjects(
            &mut parsed,
            &upos,
            &["neither", "Kenya", "nor", "Uganda", "vote"],
        );
        assert_eq!(parsed[1].1, "nsubj");
        // Without a coordination after it, nothing changes.
        let mut parsed = tree(&[(1, "case"), (2, "obl"), (-1, "root")]);
        super::repair_preconjunctions(&mut parsed, &[Cconj, Propn, Verb]);
        assert_eq!(parsed[0].1, "case");
    }

    #[test]
    fn a_bare_noun_conjunct_of_a_verb_is_its_object() {
        use veille_core::Upos::*;
        // "Kenya renewed its licence": "licence" read as conj of "renewed".
        let upos = [Propn, Verb, Pron, Noun];
        let mut parsed = tree(&[(1, "nsubj"), (-1, "root"), (3, "nmod:poss"), (1, "conj")]);
        super::repair_bare_conjuncts(&mut parsed, &upos);
        assert_eq!(parsed[3].1, "obj");
        // "Kenya voted and Uganda": a real coordination keeps its label.
        let upos = [Propn, Verb, Cconj, Propn];
        let mut parsed = tree(&[(1, "nsubj"), (-1, "root"), (3, "cc"), (1, "conj")]);
        super::repair_bare_conjuncts(&mut parsed, &upos);
        assert_eq!(parsed[3].1, "conj");
    }

    #[test]
    fn a_that_clause_read_as_a_conjunct_is_a_complement() {
        use veille_core::Upos::*;
        // "Kenya demanded that Uganda withdraw" with "withdraw" as conj of "demanded".
        let upos = [Propn, Verb, Sconj, Propn, Verb];
        let forms = ["Kenya", "demanded", "that", "Uganda", "withdraw"];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            rel(1, "nsubj"),
            (None, "root".to_string()),
            rel(4, "mark"),
            rel(4, "nsubj"),
            rel(1, "conj"),
        ];
        super::repair_complements(&mut parsed, &upos, &forms);
        assert_eq!(parsed[4].1, "ccomp");
        // Counter-case: "… and that Uganda withdraw" is a true coordination.
        let upos = [Propn, Verb, Cconj, Sconj, Propn, Verb];
        let forms = ["Kenya", "demanded", "and", "that", "Uganda", "withdraw"];
        let mut parsed = vec![
            rel(1, "nsubj"),
            (None, "root".to_string()),
            rel(5, "cc"),
            rel(5, "mark"),
            rel(5, "nsubj"),
            rel(1, "conj"),
        ];
        super::repair_complements(&mut parsed, &upos, &forms);
        assert_eq!(parsed[5].1, "conj");
    }

    #[test]
    fn a_possessor_on_a_verb_goes_to_the_noun_after_it() {
        use veille_core::Upos::*;
        // "Kenya 's foreign minister criticized Uganda" with "Kenya" as nmod:poss of the verb.
        let upos = [Propn, Part, Adj, Noun, Verb, Propn];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let mut parsed = vec![
            rel(4, "nmod:poss"),
            rel(0, "case"),
            rel(3, "amod"),
            rel(4, "nsubj"),
            (None, "root".to_string()),
            rel(4, "obj"),
        ];
        super::repair_possessors(&mut parsed, &upos);
        assert_eq!(parsed[0], rel(3, "nmod:poss"));
        // Counter-case: a word between them that belongs to neither ("Kenya 's , in turn ,
        // minister …" is not one phrase) leaves the parse alone.
        let upos = [Propn, Part, Adv, Noun, Verb];
        let mut parsed = vec![
            rel(4, "nmod:poss"),
            rel(0, "case"),
            rel(4, "advmod"),
            rel(4, "nsubj"),
            (None, "root".to_string()),
        ];
        let before = parsed.clone();
        super::repair_possessors(&mut parsed, &upos);
        assert_eq!(parsed, before);
    }

    #[test]
    fn a_participle_in_a_parenthesis_is_a_relative() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "minister , in remarks published Monday , urged Kenya" with "published" as root.
        let upos = [Noun, Punct, Adp, Noun, Verb, Propn, Punct, Verb, Propn];
        let mut feats = vec![Feats::default(); 9];
        feats[4] = Feats::from_ud("Tense=Past|VerbForm=Part");
        feats[7] = Feats::from_ud("Tense=Past|VerbForm=Fin");
        let wrong = tree(&[
            (4, "nsubj"),
            (0, "punct"),
            (3, "case"),
            (4, "obl"),
            (-1, "root"),
            (4, "obl"),
            (7, "punct"),
            (4, "conj"),
            (7, "obj"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_parenthetical_participles(&mut parsed, &upos, &feats);
        assert_eq!(
            parsed,
            tree(&[
                (7, "nsubj"),
                (0, "punct"),
                (3, "case"),
                (7, "obl"),
                (3, "acl"),
                (4, "obl"),
                (7, "punct"),
                (-1, "root"),
                (7, "obj"),
            ])
        );
        // Counter-case: no comma opens a parenthesis ("minister in remarks published …").
        let mut parsed = wrong.clone();
        parsed[1] = (Some(3), "det".to_string());
        let upos = [Noun, Det, Adp, Noun, Verb, Propn, Punct, Verb, Propn];
        let before = parsed.clone();
        super::repair_parenthetical_participles(&mut parsed, &upos, &feats);
        assert_eq!(parsed, before);
    }

    #[test]
    fn a_participle_after_its_subject_is_a_reduced_relative() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Troops stationed near border opened fire ." with "stationed" as root.
        let upos = [Noun, Verb, Adp, Noun, Verb, Noun, Punct];
        let mut feats = vec![Feats::default(); 7];
        feats[1] = Feats::from_ud("Tense=Past|VerbForm=Part");
        feats[4] = Feats::from_ud("Mood=Ind|Tense=Past|VerbForm=Fin");
        let wrong = tree(&[
            (1, "nsubj"),
            (-1, "root"),
            (3, "case"),
            (1, "obl"),
            (1, "advcl"),
            (4, "obj"),
            (1, "punct"),
        ]);
        let mut parsed = wrong.clone();
        super::repair_reduced_relatives(&mut parsed, &upos, &feats);
        assert_eq!(
            parsed,
            tree(&[
                (4, "nsubj"),
                (0, "acl"),
                (3, "case"),
                (1, "obl"),
                (-1, "root"),
                (4, "obj"),
                (4, "punct"),
            ])
        );
        // Counter-cases: the participle has an object ("Police arrested students, freed
        // …" is two acts), or a comma separates the two verbs.
        let mut parsed = wrong.clone();
        parsed[3].1 = "obj".to_string();
        let before = parsed.clone();
        super::repair_reduced_relatives(&mut parsed, &upos, &feats);
        assert_eq!(parsed, before);
        let upos = [Noun, Verb, Adp, Punct, Verb, Noun, Punct];
        let mut parsed = wrong.clone();
        parsed[3] = (Some(4), "punct".to_string());
        let before = parsed.clone();
        super::repair_reduced_relatives(&mut parsed, &upos, &feats);
        assert_eq!(parsed, before);
    }

    #[test]
    fn an_agent_needs_a_passive() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Kenya is investigating crimes by militias": the by-phrase is the crimes'.
        let upos = [Propn, Aux, Verb, Noun, Adp, Noun];
        let mut feats = vec![Feats::default(); 6];
        feats[2] = Feats::from_ud("Tense=Pres|VerbForm=Part");
        let active = tree(&[
            (2, "nsubj"),
            (2, "aux"),
            (-1, "root"),
            (2, "obj"),
            (5, "case"),
            (2, "obl:agent"),
        ]);
        let mut parsed = active.clone();
        super::repair_agents(&mut parsed, &upos, &feats);
        assert_eq!(parsed[5], (Some(3), "nmod".to_string()));
        // Counter-cases: a passive auxiliary, or a past participle ("crimes committed by").
        let mut passive = active.clone();
        passive[0].1 = "nsubj:pass".to_string();
        passive[1].1 = "aux:pass".to_string();
        let before = passive.clone();
        super::repair_agents(&mut passive, &upos, &feats);
        assert_eq!(passive, before);
        feats[2] = Feats::from_ud("Tense=Past|VerbForm=Part");
        let mut participle = active;
        super::repair_agents(&mut participle, &upos, &feats);
        assert_eq!(participle[5], (Some(2), "obl:agent".to_string()));
    }

    #[test]
    fn a_finite_verb_after_a_noun_phrase_heads_the_sentence() {
        use veille_core::Feats;
        use veille_core::Upos::*;
        // "Thousands of Kenyans marched in Nairobi ." read as root "Thousands" + acl.
        let upos = [Noun, Adp, Propn, Verb, Adp, Propn, Punct];
        let rel = |h: u32, r: &str| (Some(h), r.to_string());
        let parsed = vec![
            (None, "root".to_string()),
            rel(2, "case"),
            rel(0, "nmod"),
            rel(0, "acl"),
            rel(5, "case"),
            rel(3, "obl"),
            rel(0, "punct"),
        ];
        let past = Feats::from_ud("Tense=Past|VerbForm=Part");
        let mut feats = vec![Feats::default(); 7];
        feats[3] = past;
        let mut english = parsed.clone();
        super::repair_fragments(&mut english, &upos, &feats, true);
        assert_eq!(english[3], (None, "root".to_string()));
        assert_eq!(english[0], rel(3, "nsubj"));
        assert_eq!(english[6], rel(3, "punct"));
        assert_eq!(english[2], rel(0, "nmod"));
        // A French participle there stays a reduced relative; a finite verb does not.
        let mut french = parsed.clone();
        super::repair_fragments(&mut french, &upos, &feats, false);
        assert_eq!(french, parsed);
        feats[3] = Feats::from_ud("Mood=Ind|Tense=Past|VerbForm=Fin");
        super::repair_fragments(&mut french, &upos, &feats, false);
        assert_eq!(french[3], (None, "root".to_string()));
        // The verb hung on a noun inside the phrase ("Thousands of Kenyans" with the acl on
        // "Kenyans") is the sentence's verb just the same.
        let mut nested = parsed.clone();
        nested[3] = rel(2, "acl");
        super::repair_fragments(&mut nested, &upos, &feats, true);
        assert_eq!(nested[3], (None, "root".to_string()));
        assert_eq!(nested[0], rel(3, "nsubj"));
        assert_eq!(nested[6], rel(3, "punct"));
        // Counter-case: a relative with a subject of its own ("the Kenyans we met in
        // Nairobi") stays a relative.
        let upos = [Noun, Adp, Propn, Pron, Verb, Adp, Propn, Punct];
        let mut own = vec![
            (None, "root".to_string()),
            rel(2, "case"),
            rel(0, "nmod"),
            rel(4, "nsubj"),
            rel(2, "acl"),
            rel(6, "case"),
            rel(4, "obl"),
            rel(0, "punct"),
        ];
        let mut feats = vec![Feats::default(); 8];
        feats[4] = Feats::from_ud("Mood=Ind|Tense=Past|VerbForm=Fin");
        let before = own.clone();
        super::repair_fragments(&mut own, &upos, &feats, true);
        assert_eq!(own, before);
    }

    #[test]
    fn a_name_found_once_is_found_throughout_the_article() {
        use veille_core::{Doc, EntityLabel, Lang};
        let text = "Le docteur Jean Mahias est arrivé à Lille. Jean Mahias a parlé. Lille dort.";
        let mut doc = Doc::new(text.to_string(), Some(Lang::Fr), None);
        super::segment(&mut doc);
        let tok = |needle: &str| {
            let at = text.find(needle).expect("needle");
            doc.tokens
                .iter()
                .position(|t| t.span.start as usize == at)
                .expect("token")
        };
        let jean = tok("Jean");
        let lille = tok("Lille");
        let mut found = vec![
            (jean, jean + 2, EntityLabel::PER),
            (lille, lille + 1, EntityLabel::LOC),
        ];
        super::propagate_names(&doc, &mut found);
        found.sort_unstable_by_key(|f| f.0);
        let got = span_texts(&doc, &found);
        let names: Vec<(&str, EntityLabel)> = got.iter().map(|(t, l)| (t.as_str(), *l)).collect();
        assert_eq!(
            names,
            [
                ("Jean Mahias", EntityLabel::PER),
                ("Lille", EntityLabel::LOC),
                ("Jean Mahias", EntityLabel::PER),
                ("Lille", EntityLabel::LOC),
            ]
        );
    }

    /// Entities over `text` as the rules leave them, from model spans given by their text.
    fn after_rules(
        text: &str,
        model: &[(&str, veille_core::EntityLabel)],
    ) -> Vec<(String, veille_core::EntityLabel)> {
        use veille_core::{Doc, Lang};
        let mut doc = Doc::new(text.to_string(), Some(Lang::Fr), None);
        super::segment(&mut doc);
        let mut found: Vec<(usize, usize, veille_core::EntityLabel)> = model
            .iter()
            .map(|&(needle, l)| {
                let a = text.find(needle).expect("needle");
                let b = a + needle.len();
                let first = doc.tokens.iter().position(|t| t.span.start as usize == a);
                let last = doc.tokens.iter().position(|t| t.span.end as usize == b);
                (first.expect("first"), last.expect("last") + 1, l)
            })
            .collect();
        super::with_courtesy_titles(&doc, &mut found);
        super::with_house_numbers(&doc, &mut found);
        span_texts(&doc, &found)
    }

    /// The text and label of each token span.
    fn span_texts(
        doc: &veille_core::Doc,
        found: &[(usize, usize, veille_core::EntityLabel)],
    ) -> Vec<(String, veille_core::EntityLabel)> {
        found
            .iter()
            .map(|&(a, b, l)| {
                let span = veille_core::Span::new(
                    doc.tokens[a].span.start as usize,
                    doc.tokens[b - 1].span.end as usize,
                );
                (doc.span_text(span).to_string(), l)
            })
            .collect()
    }

    #[test]
    fn french_names_keep_their_courtesy_titles_and_addresses_their_numbers() {
        use veille_core::EntityLabel::{LOC, PER};
        let text = "M. Hubert Vallon a reçu Mme Dubreuil au 14, rue des Tanneurs. \
                    Le président Vallon a salué M.Garnier, puis le général Roux. \
                    Dubreuil est arrivée. Il habite 3 bis avenue Foch et la rue Haute.";
        let got = after_rules(
            text,
            &[
                ("Hubert Vallon", PER),
                ("Dubreuil", PER),
                ("rue des Tanneurs", LOC),
                ("Vallon a", PER),
                ("Garnier", PER),
                ("Roux", PER),
                ("avenue Foch", LOC),
                ("rue Haute", LOC),
            ],
        );
        let got: Vec<(&str, _)> = got.iter().map(|(t, l)| (t.as_str(), *l)).collect();
        assert_eq!(
            got,
            [
                ("M. Hubert Vallon", PER),
                ("Mme Dubreuil", PER),
                ("14, rue des Tanneurs", LOC),
                // A function title stays outside the name: it is a role.
                ("Vallon a", PER),
                ("M.Garnier", PER),
                ("Roux", PER),
                ("3 bis avenue Foch", LOC),
                ("rue Haute", LOC),
            ]
        );
    }

    #[test]
    fn model_forms_drop_hyphenation_marks_and_straighten_apostrophes() {
        let got = super::model_forms(&["Ma¬hias", "d’abord", "infor\u{ad}mation", "¬", "Paris"]);
        let got: Vec<&str> = got.iter().map(|c| c.as_ref()).collect();
        assert_eq!(got, ["Mahias", "d'abord", "information", "¬", "Paris"]);
    }

    #[test]
    fn typographic_apostrophes_analyse_as_straight_ones() {
        let analyse = |text: &str| {
            let mut d = veille_core::Doc::new(text.to_string(), Some(veille_core::Lang::Fr), None);
            super::analyze(&mut d);
            d.analyses
                .iter()
                .map(|a| (a.upos, a.lemma.clone(), a.deprel.clone()))
                .collect::<Vec<_>>()
        };
        let straight = analyse("Il s'est rendu à l'aéroport d'Alger.");
        let curly = analyse("Il s’est rendu à l’aéroport d’Alger.");
        assert_eq!(straight, curly);
    }

    #[test]
    fn a_word_a_conjunction_depends_on_is_a_conjunct() {
        // The labeller once called the second name of "Neither A nor B" `flat` and the last
        // of three `nsubj`; a `cc` hangs on a conjunct (or a loosely joined clause, or the
        // root of a sentence opening with "And").
        for (lang, text) in [
            (
                veille_core::Lang::En,
                "Neither Amina nor Kofi boycotted the parade on Saturday.",
            ),
            (
                veille_core::Lang::En,
                "Proud Kenya, the stubborn Uganda, and tiny Rwanda signed the accord in Arusha.",
            ),
            (
                veille_core::Lang::En,
                "Ministers from Chad and Niger met in Niamey, and they agreed to patrol the border.",
            ),
            (
                veille_core::Lang::Fr,
                "Le Tchad et le Niger ont signé l'accord, mais le Mali a refusé de le faire.",
            ),
        ] {
            let mut d = veille_core::Doc::new(text.to_string(), Some(lang), None);
            super::analyze(&mut d);
            for a in &d.analyses {
                if a.deprel != "cc" {
                    continue;
                }
                let Some(h) = a.head else { continue };
                let head = &d.analyses[h as usize];
                let universal = head.deprel.split(':').next().unwrap_or("");
                assert!(
                    matches!(universal, "conj" | "parataxis" | "root"),
                    "{text}: the head of \"{}\" is labelled {}",
                    a.lemma,
                    head.deprel
                );
            }
        }
    }

    #[test]
    fn embedded_parsers_load() {
        for lang in veille_core::Lang::ALL {
            assert!(
                super::embedded_parser(lang).is_some(),
                "embedded parser for {lang} does not load"
            );
            if lang == veille_core::Lang::En {
                assert!(
                    super::embedded_r2l_parser(lang).is_some(),
                    "embedded right-to-left parser for {lang} does not load"
                );
            }
            assert!(
                super::embedded_ner(lang).is_some(),
                "embedded NER model for {lang} does not load"
            );
        }
    }
}
