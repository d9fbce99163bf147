//! Trigger patterns: which words code which CAMEO event, and how to find its arguments.
//!
//! `patterns.tsv` holds one pattern a line (format in the crate README). A pattern's trigger is
//! a short sequence of word sets, gaps and negative checks, matched on the folded words of one
//! sentence; there is no lemmatiser yet, so verbs are written as stems with a conjugation class
//! (`sign+er` = signe, signé, signent, signera…), and irregular verbs as their forms.

use crate::dict::Langs;
use crate::error::{LoadError, tsv_rows};
use crate::text::{Unit, fold};
use std::collections::{HashMap, HashSet};
use veille_core::Lang;

/// Where an event's target is looked for, relative to the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetShape {
    /// The first actor after the trigger (after any preposition).
    Obj,
    /// The first actor (not a place) within six words after the trigger, with no preposition.
    DirectObj,
    /// Like [`TargetShape::Obj`], and a country after à/au/aux/to is the recipient.
    To,
    /// Like [`TargetShape::To`], but the event is coded without a target too ("cut food
    /// supplies to a refugee camp").
    ToOptional,
    /// A country or capital the trigger leads to, or an actor there, within five words.
    Place,
    /// Like [`TargetShape::Obj`], but the event is coded without a target too.
    Optional,
    /// No target.
    None,
}

/// Argument-finding options of a pattern (see the README).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    pub noun: bool,
    pub sym: bool,
    pub intra: bool,
    pub passive: bool,
    pub speech: bool,
    pub person: bool,
    /// A reporting verb only in a reporting clause ("», a réagi le ministre", "poursuit-il",
    /// "il a poursuivi : « … »"): elsewhere the verb has another sense.
    pub incise: bool,
    /// The trigger introduces its source: "selon X", "according to X" (a person the article
    /// has named; the dictionaries' actors are the PETRARCH coder's).
    pub attribution: bool,
}

#[derive(Debug, Clone)]
enum Element {
    /// Folded word → whether this form marks intent (future, conditional, infinitive), and
    /// the accented ending the word must show when only a participle or passé simple ending
    /// gives the form ("rencontrés", not the noun "rencontres"; "arrivée" is both).
    Words(HashMap<String, (bool, Option<&'static str>)>),
    Gap(usize),
    Not(HashSet<String>),
}

/// One line of `patterns.tsv`.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub id: String,
    pub lang: Lang,
    pub cameo: String,
    /// The code when the trigger is only intended or possible; `None`: code nothing then.
    pub intent: Option<String>,
    pub target: TargetShape,
    pub flags: Flags,
    /// The trigger as written in the file.
    pub trigger: String,
    elements: Vec<Element>,
    n_words: usize,
}

const FILE: &str = "patterns.tsv";

/// Endings of a conjugation class: (realised forms, intent forms).
fn class_endings(class: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match class {
        "er" => (
            &[
                // No "-es": the second person singular is absent from news, and the form is
                // the plural of the noun ("les premières rencontres", "des menaces").
                "e", "ent", "ons", "ez", "ais", "ait", "aient", "ions", "iez", "é", "ée", "és",
                "ées", "ant", "a", "èrent",
            ],
            &[
                "er", "erai", "eras", "era", "erons", "erez", "eront", "erais", "erait", "erions",
                "eriez", "eraient",
            ],
        ),
        "ir" => (
            &[
                "is", "it", "issons", "issez", "issent", "issais", "issait", "issaient", "i", "ie",
                "ies", "issant", "irent",
            ],
            &[
                "ir", "irai", "iras", "ira", "irons", "irez", "iront", "irais", "irait", "irions",
                "iriez", "iraient",
            ],
        ),
        "re" => (
            &[
                "s", "", "ons", "ez", "ent", "ais", "ait", "aient", "ions", "iez", "u", "ue", "us",
                "ues", "ant", "it", "irent",
            ],
            &[
                "re", "rai", "ras", "ra", "rons", "rez", "ront", "rais", "rait", "rions", "riez",
                "raient",
            ],
        ),
        "ed" => (&["", "s", "ed", "ing"], &[]),
        "e" => (&["e", "es", "ed", "ing"], &[]),
        _ => return None,
    })
}

type Words = HashMap<String, (bool, Option<&'static str>)>;

fn parse_words(spec: &str, line: usize) -> Result<Words, LoadError> {
    let mut words: Words = HashMap::new();
    let mut add = |w: String, intent: bool, accent: Option<&'static str>| {
        let e = words.entry(w).or_insert((intent, accent));
        e.0 = e.0 && intent; // a form that is also realised elsewhere is realised
        if accent.is_none() || e.1 != accent {
            e.1 = None; // an unaccented ending gives the same letters: no accent to check
        }
    };
    for alt in spec.split(',') {
        if alt.is_empty() {
            return Err(LoadError::invalid(
                FILE,
                line,
                format!("empty alternative in {spec:?}"),
            ));
        }
        if let Some((stem, class)) = alt.split_once('+') {
            let (real, intent) = class_endings(class).ok_or_else(|| {
                LoadError::invalid(
                    FILE,
                    line,
                    format!("unknown conjugation class {class:?} in {alt:?}"),
                )
            })?;
            if stem.is_empty() {
                return Err(LoadError::invalid(
                    FILE,
                    line,
                    format!("empty stem in {alt:?}"),
                ));
            }
            for e in real {
                // "-és" folds to "-es", the plural of a noun: such forms must show the accent.
                let accent = (!e.is_ascii()).then_some(*e);
                add(fold(&format!("{stem}{e}")), false, accent);
            }
            for e in intent {
                add(fold(&format!("{stem}{e}")), true, None);
            }
        } else if let Some(w) = alt.strip_suffix('~') {
            add(fold(w), true, None);
        } else {
            add(fold(alt), false, None);
        }
    }
    Ok(words)
}

fn parse_elements(trigger: &str, line: usize) -> Result<Vec<Element>, LoadError> {
    let mut elements = Vec::new();
    for part in trigger.split_whitespace() {
        let el = if let Some(n) = part.strip_prefix("..") {
            let n: usize = n
                .parse()
                .ok()
                .filter(|&n| (1..=12).contains(&n))
                .ok_or_else(|| {
                    LoadError::invalid(FILE, line, format!("bad gap {part:?} (..1 to ..12)"))
                })?;
            Element::Gap(n)
        } else if let Some(list) = part.strip_prefix('!') {
            Element::Not(
                list.split(',')
                    .filter(|w| !w.is_empty())
                    .map(fold)
                    .collect(),
            )
        } else {
            Element::Words(parse_words(part, line)?)
        };
        elements.push(el);
    }
    match (elements.first(), elements.last()) {
        (Some(Element::Words(_)), Some(Element::Words(_) | Element::Not(_))) => Ok(elements),
        _ => Err(LoadError::invalid(
            FILE,
            line,
            "a trigger starts with a word set and does not end with a gap",
        )),
    }
}

/// All patterns, indexed by the words their trigger can start with.
#[derive(Debug, Clone, Default)]
pub struct PatternSet {
    pub patterns: Vec<Pattern>,
    by_first: crate::FastMap<String, Vec<usize>>,
}

impl PatternSet {
    pub fn parse(text: &str) -> Result<PatternSet, LoadError> {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut ids: HashSet<String> = HashSet::new();
        for (line, c) in tsv_rows(FILE, text, 7)? {
            let id = c[0].to_string();
            if !ids.insert(id.clone()) {
                return Err(LoadError::Duplicate {
                    file: FILE,
                    line,
                    what: "pattern id",
                    key: id,
                });
            }
            let lang = Lang::from_code(c[1]).ok_or_else(|| {
                LoadError::invalid(FILE, line, format!("unknown language {:?}", c[1]))
            })?;
            let target = match c[4] {
                "obj" => TargetShape::Obj,
                "dobj" => TargetShape::DirectObj,
                "to" => TargetShape::To,
                "to?" => TargetShape::ToOptional,
                "place" => TargetShape::Place,
                "opt" => TargetShape::Optional,
                "none" => TargetShape::None,
                other => {
                    return Err(LoadError::invalid(
                        FILE,
                        line,
                        format!("unknown target shape {other:?}"),
                    ));
                }
            };
            let mut flags = Flags::default();
            for f in c[5].split(',').filter(|f| !f.is_empty() && *f != "-") {
                match f {
                    "noun" => flags.noun = true,
                    "sym" => flags.sym = true,
                    "intra" => flags.intra = true,
                    "passive" => flags.passive = true,
                    "speech" => flags.speech = true,
                    "attribution" => flags.attribution = true,
                    "incise" => {
                        flags.incise = true;
                        flags.speech = true;
                    }
                    "person" => flags.person = true,
                    other => {
                        return Err(LoadError::invalid(
                            FILE,
                            line,
                            format!("unknown flag {other:?}"),
                        ));
                    }
                }
            }
            let elements = parse_elements(c[6], line)?;
            let n_words = elements
                .iter()
                .filter(|e| matches!(e, Element::Words(_)))
                .count();
            patterns.push(Pattern {
                id,
                lang,
                cameo: c[2].to_string(),
                intent: (c[3] != "-").then(|| c[3].to_string()),
                target,
                flags,
                trigger: c[6].to_string(),
                elements,
                n_words,
            });
        }
        let mut by_first: crate::FastMap<String, Vec<usize>> = crate::FastMap::default();
        for (i, p) in patterns.iter().enumerate() {
            if let Some(Element::Words(words)) = p.elements.first() {
                for w in words.keys() {
                    by_first.entry(w.clone()).or_default().push(i);
                }
            }
        }
        Ok(PatternSet { patterns, by_first })
    }

    /// The non-overlapping trigger matches of one sentence, in text order. Where matches share
    /// words, the one with more trigger words wins, then the earlier pattern in the file.
    pub(crate) fn find(&self, units: &[Unit], langs: Langs) -> Vec<TriggerMatch<'_>> {
        let mut found: Vec<TriggerMatch<'_>> = Vec::new();
        for i in 0..units.len() {
            let Some(cands) = self.by_first.get(&units[i].key) else {
                continue;
            };
            for &pi in cands {
                let p = &self.patterns[pi];
                if !langs.has(Some(p.lang)) {
                    continue;
                }
                let mut acc = Vec::with_capacity(p.n_words);
                let mut intent = false;
                if match_at(&p.elements, 0, units, i, &mut acc, &mut intent) {
                    found.push(TriggerMatch {
                        pattern: p,
                        order: pi,
                        units: acc,
                        intent_form: intent,
                    });
                }
            }
        }
        found.sort_by(|a, b| {
            b.pattern
                .n_words
                .cmp(&a.pattern.n_words)
                .then(a.order.cmp(&b.order))
                .then(a.anchor().cmp(&b.anchor()))
        });
        let mut taken: HashSet<usize> = HashSet::new();
        let mut kept: Vec<TriggerMatch<'_>> = Vec::new();
        for m in found {
            if m.units.iter().any(|u| taken.contains(u)) {
                continue;
            }
            taken.extend(m.units.iter().copied());
            kept.push(m);
        }
        kept.sort_by_key(|m| m.anchor());
        kept
    }
}

/// Matches `elements[ei..]` at `pos`, collecting the matched word positions.
fn match_at(
    elements: &[Element],
    ei: usize,
    units: &[Unit],
    pos: usize,
    acc: &mut Vec<usize>,
    intent: &mut bool,
) -> bool {
    let Some(el) = elements.get(ei) else {
        return true;
    };
    match el {
        Element::Words(words) => {
            let Some(u) = units.get(pos) else {
                return false;
            };
            let Some(&(is_intent, accent)) = words.get(&u.key) else {
                return false;
            };
            if accent.is_some_and(|a| !u.lower.ends_with(a)) {
                return false;
            }
            acc.push(pos);
            let before = *intent;
            *intent |= is_intent;
            if match_at(elements, ei + 1, units, pos + 1, acc, intent) {
                return true;
            }
            *intent = before;
            acc.pop();
            false
        }
        Element::Gap(n) => {
            for skip in 0..=*n {
                if skip > 0 {
                    match units.get(pos + skip - 1) {
                        Some(u) if !u.is_hard_break() => {}
                        _ => return false,
                    }
                }
                if match_at(elements, ei + 1, units, pos + skip, acc, intent) {
                    return true;
                }
            }
            false
        }
        Element::Not(words) => {
            if units.get(pos).is_some_and(|u| words.contains(&u.key)) {
                return false;
            }
            match_at(elements, ei + 1, units, pos, acc, intent)
        }
    }
}

/// A pattern matched in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct TriggerMatch<'p> {
    pub pattern: &'p Pattern,
    /// The pattern's line order in the file (ties in overlap resolution).
    order: usize,
    /// Sentence unit indices of the matched trigger words, increasing.
    pub units: Vec<usize>,
    /// A matched form is a future, conditional or infinitive.
    pub intent_form: bool,
}

impl TriggerMatch<'_> {
    pub fn anchor(&self) -> usize {
        self.units.first().copied().unwrap_or(0)
    }
    pub fn last(&self) -> usize {
        self.units.last().copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DataFiles;
    use veille_core::Doc;

    fn units(text: &str, lang: Lang) -> Vec<Unit> {
        let mut doc = Doc::new(text.to_string(), Some(lang), None);
        veille_nlp::segment(&mut doc);
        doc.sentences
            .iter()
            .flat_map(|s| crate::text::sentence_units(&doc, s))
            .collect()
    }

    fn ids(set: &PatternSet, text: &str, lang: Lang) -> Vec<(String, bool)> {
        let u = units(text, lang);
        let langs = Langs {
            fr: lang == Lang::Fr,
            en: lang == Lang::En,
        };
        set.find(&u, langs)
            .iter()
            .map(|m| (m.pattern.id.clone(), m.intent_form))
            .collect()
    }

    fn embedded() -> PatternSet {
        PatternSet::parse(DataFiles::EMBEDDED.patterns).unwrap()
    }

    #[test]
    fn conjugated_forms_and_gaps() {
        let set = embedded();
        assert_eq!(
            ids(&set, "Ils ont signé mardi un accord.", Lang::Fr),
            [("fr.sign_agreement".into(), false)]
        );
        assert_eq!(
            ids(&set, "Ils signeront un traité.", Lang::Fr),
            [("fr.sign_agreement".into(), true)]
        );
        assert_eq!(
            ids(&set, "Il s'est rendu au Mali.", Lang::Fr),
            [("fr.visit.se_rendre".into(), false)]
        );
        assert_eq!(
            ids(&set, "They signed a new trade deal.", Lang::En),
            [("en.sign_agreement".into(), false)]
        );
        // The noun's plural is no second-person verb.
        assert!(
            ids(
                &set,
                "Il organise les premières rencontres du comité.",
                Lang::Fr
            )
            .iter()
            .all(|(id, _)| id != "fr.meet.rencontrer"),
        );
        // The participle keeps its accent: it is still the verb.
        assert_eq!(
            ids(
                &set,
                "Les deux ministres se sont rencontrés mardi.",
                Lang::Fr
            ),
            [("fr.meet.rencontrer".into(), false)]
        );
        // Too far apart: no agreement.
        assert!(
            ids(
                &set,
                "Ils ont signé hier soir à Paris la fin de la première phase de l'accord.",
                Lang::Fr
            )
            .iter()
            .all(|(id, _)| id != "fr.sign_agreement")
        );
    }

    #[test]
    fn longer_patterns_win_and_negative_checks_hold() {
        let set = embedded();
        assert_eq!(
            ids(&set, "They held talks with Kenya.", Lang::En),
            [("en.meet.talks".into(), false)]
        );
        assert!(ids(&set, "Il a manifesté son soutien.", Lang::Fr).is_empty());
        assert_eq!(
            ids(&set, "Ils ont manifesté à Alger.", Lang::Fr),
            [("fr.protest.manifester".into(), false)]
        );
    }

    #[test]
    fn pattern_file_errors() {
        let e = PatternSet::parse("x\tfr\t057\t-\tobj\t-\tsign+xx\n").unwrap_err();
        assert!(e.to_string().contains("conjugation class"), "{e}");
        let e = PatternSet::parse("x\tfr\t057\t-\tobj\t-\tsigner ..3\n").unwrap_err();
        assert!(e.to_string().contains("gap"), "{e}");
        let e = PatternSet::parse("x\tfr\t057\t-\tsomewhere\t-\tsigner\n").unwrap_err();
        assert!(e.to_string().contains("target shape"), "{e}");
        let e =
            PatternSet::parse("x\tfr\t057\t-\tobj\t-\ta\nx\tfr\t057\t-\tobj\t-\tb\n").unwrap_err();
        assert!(matches!(e, LoadError::Duplicate { line: 2, .. }), "{e}");
    }
}
