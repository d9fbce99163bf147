//! Readers for PETRARCH-format dictionaries: verbs (synsets, verb blocks, patterns), actors
//! (phrases, synonyms, date-restricted codes) and agents (phrases, plurals, `~` codes).
//!
//! The formats are documented in petrarch2's `dictionaries.rst`; what this reader accepts:
//! - comments: `#` to the end of the line, and `<!-- … -->` (also across lines);
//! - verbs: `&SYNSET` then `+PHRASE` lines; `--- NAME [CODE] ---` opens a block; verb lines
//!   `VERB {IRREGULAR FORMS} [CODE]` (regular forms are generated), `+VERB_PARTICLE`; pattern
//!   lines `- PRE * POST [CODE]`, where POST holds nouns, `{MODIFIER … HEAD}` phrases, `&SYNSET`s
//!   and `(PREP NOUN)` phrases. A code `A:B` codes `A` from source to target and `B` back.
//!   The older TABARI markers `$ + ^` are read and ignored; a `%` before the verb asks for a
//!   compound subject;
//! - actors: `PHRASE [CODE]`, `+SYNONYM` lines, tab-indented `[CODE DATE-DATE]`, `[CODE <DATE]`,
//!   `[CODE >DATE]` restrictions; a word without a final `_` also matches longer words (TABARI
//!   stems: `ARGENTIN` matches "Argentina" and "Argentine");
//! - agents: `PHRASE {PLURAL} [~CODE]` or `[CODE~]`, `!MARK! = A, B` substitutions.

use crate::FastMap;
use std::collections::HashMap;
use std::fmt;

/// A dictionary line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for DictError {}

/// The lines of a dictionary file without comments, with their 1-based line numbers; leading
/// tabs are kept (actor date restrictions are tab-indented).
fn clean_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_xml = false;
    for (n, raw) in text.lines().enumerate() {
        let mut line = String::new();
        let mut rest = raw;
        loop {
            if in_xml {
                match rest.find("-->") {
                    Some(k) => {
                        rest = &rest[k + 3..];
                        in_xml = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(k) => {
                        line.push_str(&rest[..k]);
                        rest = &rest[k + 4..];
                        in_xml = true;
                    }
                    None => {
                        line.push_str(rest);
                        break;
                    }
                }
            }
        }
        // A '#' inside a code ("[###]", a test code) is not a comment.
        let mut depth = 0i32;
        let cut = line.char_indices().find_map(|(k, c)| {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                '#' if depth <= 0 => return Some(k),
                _ => {}
            }
            None
        });
        let line = match cut {
            Some(k) => &line[..k],
            None => &line,
        };
        if !line.trim().is_empty() {
            out.push((n + 1, line.trim_end().to_string()));
        }
    }
    out
}

/// The code between `[` and `]` in `s`, and `s` before the bracket.
fn split_code(s: &str) -> (&str, Option<&str>) {
    // Only the first code counts: some block headers carry a second one ("[120]  [031:031]").
    match s.find('[') {
        Some(a) => match s[a..].find(']') {
            Some(b) => (s[..a].trim(), Some(s[a + 1..a + b].trim())),
            None => (s.trim(), None),
        },
        None => (s.trim(), None),
    }
}

/// An event code of a verb or pattern: what it codes from source to target, and back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Code {
    pub forward: Option<String>,
    pub reverse: Option<String>,
}

impl Code {
    fn parse(s: &str) -> Code {
        let one = |x: &str| {
            let x = x.trim();
            (!x.is_empty() && x != "---").then(|| x.to_string())
        };
        match s.split_once(':') {
            Some((a, b)) => Code {
                forward: one(a),
                reverse: one(b),
            },
            None => Code {
                forward: one(s),
                reverse: None,
            },
        }
    }

    /// True when the code yields no event at all (`---`).
    pub fn is_null(&self) -> bool {
        self.forward.is_none() && self.reverse.is_none()
    }
}

/// A word of a pattern: a literal (uppercase) or a synset name (`&NAME`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PWord {
    Lit(String),
    Syn(String),
}

/// A noun phrase of a pattern: modifiers then the head (last).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PPhrase {
    pub words: Vec<PWord>,
}

impl PPhrase {
    pub fn head(&self) -> &PWord {
        // Constructed only with at least one word.
        &self.words[self.words.len() - 1]
    }
}

/// One element of a pattern, before or after the verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    Noun(PPhrase),
    Prep(String, Option<PPhrase>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbPattern {
    pub pre: Vec<Elem>,
    pub post: Vec<Elem>,
    pub code: Code,
    /// Line in the dictionary file, reported as the rule that fired.
    pub line: usize,
    /// The preposition whose phrase holds the target (`(WITH +)`) or the source (`(BY $)`).
    pub target_prep: Option<String>,
    pub source_prep: Option<String>,
    /// A `%` before the verb: the pattern needs a compound subject ("- % * [120]": "X and
    /// Y downplayed …").
    pub compound_source: bool,
    /// A `+` right after a skipped phrase ("- * IFTAR (IN ^) + [017]"): the target is the
    /// next phrase after that one, whatever its preposition. Holds the skipped preposition.
    pub target_after: Option<String>,
}

/// The preposition of a skipped `(PREP … ^)` group followed by a bare `+`.
fn target_after_skip(half: &str) -> Option<String> {
    let raw = raw_items(half);
    raw.windows(2).find_map(|w| {
        let inner = w[0].strip_prefix('(')?.trim_end_matches(')');
        let mut ws = inner.split_whitespace();
        let prep = ws.next()?;
        (w[1] == "+" && ws.any(|x| x == "^")).then(|| prep.to_uppercase())
    })
}

/// The preposition of the first `(PREP … mark …)` item of `half` holding `mark`.
fn marked_prep(half: &str, mark: &str) -> Option<String> {
    items(half).into_iter().find_map(|it| {
        let inner = it.strip_prefix('(')?.trim_end_matches(')');
        let mut ws = inner.split_whitespace();
        let prep = ws.next()?;
        ws.any(|w| w == mark).then(|| prep.to_uppercase())
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbBlock {
    pub name: String,
    pub code: Code,
    pub patterns: Vec<VerbPattern>,
}

/// A verb form's entry: its block, its own code and, for `+MEET_WITH`-style verbs, the
/// particle that must follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    pub block: usize,
    pub code: Code,
    pub particle: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone, Default)]
pub struct VerbDict {
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    pub blocks: Vec<VerbBlock>,
    /// Inflected form (uppercase) → entries (several when a particle distinguishes them).
    pub forms: FastMap<String, Vec<VerbEntry>>,
}

/// The language whose regular forms a dictionary's verbs and nouns take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Inflection {
    /// PETRARCH's: -S/-ED/-ING verbs, -S/-ES/-IES plurals; `{…}` replaces the regular forms.
    #[default]
    English,
    /// veille's French dictionaries: first-group (-ER) and second-group (-IR) conjugations,
    /// -S/-X plurals; `{…}` adds forms to the regular ones.
    French,
}

impl Inflection {
    fn verb_forms(self, base: &str) -> Vec<String> {
        match self {
            Inflection::English => verb_forms(base),
            Inflection::French => french_verb_forms(base),
        }
    }

    fn plural(self, s: &str) -> String {
        match self {
            Inflection::English => plural(s),
            Inflection::French => french_plural(s),
        }
    }
}

/// Regular French forms of a verb (uppercase infinitive): for -ER verbs the present,
/// imperfect, simple past, future, conditional and participles (with Ç/GE before A and O:
/// "ANNONÇAIT", "ENGAGEANT"); for -IR verbs the second group's ("FINISSENT"). Other verbs
/// have only their infinitive; their irregular forms are listed in the dictionary.
fn french_verb_forms(base: &str) -> Vec<String> {
    let mut v = vec![base.to_string()];
    if let Some(stem) = base.strip_suffix("ER") {
        // Endings that start with A or O need a soft C or G kept soft.
        let soft = |ending: &str| -> String {
            if ending.starts_with(['A', 'O']) {
                if let Some(s) = stem.strip_suffix('C') {
                    return format!("{s}Ç{ending}");
                }
                if stem.ends_with('G') {
                    return format!("{stem}E{ending}");
                }
            }
            format!("{stem}{ending}")
        };
        for e in [
            "E", "ES", "ENT", "ONS", "EZ", "AIS", "AIT", "IONS", "IEZ", "AIENT", "A", "AI",
            "ÈRENT", "ERAI", "ERA", "ERONS", "EREZ", "ERONT", "ERAIS", "ERAIT", "ERAIENT", "É",
            "ÉE", "ÉS", "ÉES", "ANT",
        ] {
            v.push(soft(e));
        }
    } else if let Some(stem) = base.strip_suffix("IR") {
        for e in [
            "IS", "IT", "ISSONS", "ISSEZ", "ISSENT", "ISSAIS", "ISSAIT", "ISSAIENT", "IRENT",
            "IRA", "IRONT", "IRAIT", "IRAIENT", "I", "IE", "IES", "ISSANT",
        ] {
            v.push(format!("{stem}{e}"));
        }
    }
    v
}

/// Regular French plural of a noun: -AL → -AUX, -EAU/-EU → +X, -S/-X/-Z unchanged, else +S.
fn french_plural(s: &str) -> String {
    if let Some(stem) = s.strip_suffix("AL") {
        format!("{stem}AUX")
    } else if s.ends_with("EAU") || s.ends_with("EU") {
        format!("{s}X")
    } else if s.ends_with(['S', 'X', 'Z']) {
        s.to_string()
    } else {
        format!("{s}S")
    }
}

/// Regular English forms of a verb: -S/-ES/-IES, -ED/-D/-IED, -ING.
fn verb_forms(base: &str) -> Vec<String> {
    let mut v = vec![base.to_string()];
    let b = base;
    let consonant_y = b.ends_with('Y')
        && !b.ends_with("AY")
        && !b.ends_with("EY")
        && !b.ends_with("OY")
        && !b.ends_with("UY");
    if consonant_y {
        let stem = &b[..b.len() - 1];
        v.push(format!("{stem}IES"));
        v.push(format!("{stem}IED"));
    } else if b.ends_with('S')
        || b.ends_with("SH")
        || b.ends_with("CH")
        || b.ends_with('X')
        || b.ends_with('Z')
    {
        v.push(format!("{b}ES"));
    } else {
        v.push(format!("{b}S"));
    }
    if let Some(stem) = b.strip_suffix('E') {
        v.push(format!("{b}D"));
        v.push(format!("{stem}ING"));
    } else {
        if !consonant_y {
            v.push(format!("{b}ED"));
        }
        v.push(format!("{b}ING"));
    }
    v
}

/// Regular English plural of a noun phrase's last word.
fn plural(s: &str) -> String {
    if let Some(stem) = s.strip_suffix('Y')
        && !s.ends_with("AY")
        && !s.ends_with("EY")
        && !s.ends_with("OY")
    {
        format!("{stem}IES")
    } else if s.ends_with('S') || s.ends_with("CH") || s.ends_with("SH") || s.ends_with('X') {
        format!("{s}ES")
    } else {
        format!("{s}S")
    }
}

fn words_of(phrase: &str) -> Vec<String> {
    phrase
        .split(['_', ' '])
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// Prepositions that, written bare before a `+`/`$`/`%` marker ("- * THEIR ^ ABOUT +"), head
/// the marked argument as if written in parentheses ("(ABOUT +)").
const BARE_PREPS: &[&str] = &[
    "ABOUT", "AGAINST", "AMONG", "AT", "BETWEEN", "BY", "FOR", "FROM", "IN", "INTO", "OF", "ON",
    "OVER", "TO", "TOWARD", "TOWARDS", "UPON", "WITH", "WITHIN",
];

/// Rewrites bare marked prepositions as groups: "THEIR ^ ABOUT +" → "THEIR ^ (ABOUT +)".
fn group_bare_preps(half: &str) -> String {
    let raw = raw_items(half);
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut k = 0;
    while k < raw.len() {
        let it = &raw[k];
        let marker = raw.get(k + 1).map(String::as_str);
        if BARE_PREPS.contains(&it.to_uppercase().as_str())
            && matches!(marker, Some("+" | "$" | "%"))
        {
            out.push(format!("({it} {})", marker.unwrap_or_default()));
            k += 2;
        } else {
            out.push(it.clone());
            k += 1;
        }
    }
    out.join(" ")
}

/// Splits a pattern half into top-level items: words, `{…}` and `(…)` groups.
fn items(s: &str) -> Vec<String> {
    let mut out = raw_items(s);
    out.retain(|w| !matches!(w.as_str(), "$" | "+" | "%" | "^"));
    out
}

/// [`items`] with the `$ + % ^` markers kept.
fn raw_items(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '{' | '(' => {
                if depth == 0 && !cur.trim().is_empty() {
                    out.push(std::mem::take(&mut cur).trim().to_string());
                }
                depth += 1;
                cur.push(c);
            }
            '}' | ')' => {
                depth -= 1;
                cur.push(c);
                if depth == 0 {
                    out.push(std::mem::take(&mut cur).trim().to_string());
                }
            }
            c if c.is_whitespace() && depth == 0 => {
                if !cur.trim().is_empty() {
                    out.push(std::mem::take(&mut cur).trim().to_string());
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

fn pword(w: &str) -> PWord {
    if w.starts_with('&') {
        PWord::Syn(w.to_uppercase())
    } else {
        PWord::Lit(w.to_uppercase())
    }
}

fn phrase(item: &str) -> Option<PPhrase> {
    let inner = item.trim_start_matches('{').trim_end_matches('}');
    let words: Vec<PWord> = inner
        .split([' ', '_'])
        .filter(|w| !w.is_empty() && !matches!(*w, "$" | "+" | "%" | "^"))
        .map(pword)
        .collect();
    (!words.is_empty()).then_some(PPhrase { words })
}

fn elems(half: &str) -> Vec<Elem> {
    items(half)
        .iter()
        .filter_map(|it| {
            if let Some(inner) = it.strip_prefix('(') {
                let inner = inner.trim_end_matches(')').trim();
                let (prep, rest) = match inner.split_once(char::is_whitespace) {
                    Some((p, r)) => (p, r.trim()),
                    None => (inner, ""),
                };
                Some(Elem::Prep(prep.to_uppercase(), phrase(rest)))
            } else {
                phrase(it).map(Elem::Noun)
            }
        })
        .collect()
}

impl VerbDict {
    pub fn parse(text: &str) -> Result<VerbDict, DictError> {
        Self::parse_with(text, Inflection::English)
    }

    /// [`VerbDict::parse`] for a dictionary whose words take `infl`'s regular forms.
    pub fn parse_with(text: &str, infl: Inflection) -> Result<VerbDict, DictError> {
        let mut d = VerbDict::default();
        let lines = clean_lines(text);
        let mut k = 0;
        while k < lines.len() {
            let (n, ref line) = lines[k];
            let t = line.trim();
            k += 1;
            if let Some(name) = t.strip_prefix('&') {
                let label = format!("&{}", name.trim().trim_end_matches('_').to_uppercase());
                let no_plural = name.trim().ends_with('_');
                let mut phrases = Vec::new();
                while k < lines.len() && lines[k].1.trim().starts_with('+') {
                    let p = lines[k].1.trim()[1..].trim();
                    let ws = words_of(p);
                    if !ws.is_empty() {
                        if !no_plural && !p.ends_with('_') {
                            let mut pl = ws.clone();
                            let last = pl.len() - 1;
                            pl[last] = infl.plural(&pl[last]);
                            phrases.push(ws);
                            phrases.push(pl);
                        } else {
                            phrases.push(ws);
                        }
                    }
                    k += 1;
                }
                d.synsets.insert(label, phrases);
            } else if t.starts_with("---") {
                let inner = t.trim_matches('-').trim();
                let (name, code) = split_code(inner);
                d.blocks.push(VerbBlock {
                    name: name.to_string(),
                    code: code.map(Code::parse).unwrap_or_default(),
                    patterns: Vec::new(),
                });
            } else if let Some(p) = t.strip_prefix('-') {
                let Some(block) = d.blocks.last_mut() else {
                    return Err(DictError {
                        line: n,
                        message: "pattern before any verb block".into(),
                    });
                };
                let (body, code) = split_code(p);
                let Some(code) = code else {
                    return Err(DictError {
                        line: n,
                        message: format!("pattern without a [code]: {t}"),
                    });
                };
                let (pre, post) = body.split_once('*').unwrap_or(("", body));
                let (pre, post) = (group_bare_preps(pre), group_bare_preps(post));
                let (pre, post) = (pre.as_str(), post.as_str());
                block.patterns.push(VerbPattern {
                    pre: elems(pre),
                    post: elems(post),
                    code: Code::parse(code),
                    line: n,
                    target_prep: marked_prep(post, "+").or_else(|| marked_prep(pre, "+")),
                    source_prep: marked_prep(post, "$").or_else(|| marked_prep(pre, "$")),
                    compound_source: raw_items(pre).iter().any(|w| w == "%"),
                    target_after: target_after_skip(post),
                });
            } else if t.starts_with('~') {
                // Transformations ("~ a (a b X) SAY = a b 138") are not used yet.
            } else {
                let Some(bi) = d.blocks.len().checked_sub(1) else {
                    return Err(DictError {
                        line: n,
                        message: format!("verb before any block: {t}"),
                    });
                };
                let (verb, code) = split_code(t);
                let code = code
                    .map(Code::parse)
                    .unwrap_or_else(|| d.blocks[bi].code.clone());
                let (main, irregular) = match (verb.find('{'), verb.find('}')) {
                    (Some(a), Some(b)) if b > a => (verb[..a].trim(), Some(&verb[a + 1..b])),
                    _ => (verb, None),
                };
                let mut forms: Vec<String> = Vec::new();
                let add_entry = |d: &mut VerbDict, form: &str| {
                    // "+MEET_WITH" / "WIRE_+TAP": the marked word is the verb, the rest a
                    // particle after it (words before the verb are not used).
                    let ws: Vec<&str> = form.split('_').filter(|w| !w.is_empty()).collect();
                    let vi = ws.iter().position(|w| w.starts_with('+')).unwrap_or(0);
                    let v = ws.get(vi).map_or("", |w| w.trim_start_matches('+'));
                    if v.is_empty() {
                        return;
                    }
                    let particle = (vi + 1 < ws.len()).then(|| ws[vi + 1..].join(" "));
                    d.forms
                        .entry(v.to_uppercase())
                        .or_default()
                        .push(VerbEntry {
                            block: bi,
                            code: code.clone(),
                            particle: particle.map(|p| p.to_uppercase()),
                            line: n,
                        });
                };
                match irregular {
                    Some(irr) if infl == Inflection::English => {
                        forms.push(main.to_string());
                        forms.extend(irr.split_whitespace().map(str::to_string));
                    }
                    _ => {
                        // Regular forms of the verb word (the one marked with '+', if any).
                        let ws: Vec<&str> = main.split('_').collect();
                        let vi = ws.iter().position(|w| w.starts_with('+')).unwrap_or(0);
                        let base = ws.get(vi).map_or("", |w| w.trim_start_matches('+'));
                        for f in infl.verb_forms(&base.to_uppercase()) {
                            let mut w2: Vec<String> = ws.iter().map(|w| w.to_string()).collect();
                            if let Some(slot) = w2.get_mut(vi) {
                                *slot = if ws.len() > 1 { format!("+{f}") } else { f };
                            }
                            forms.push(w2.join("_"));
                        }
                        // French lists its irregular forms on top of the regular ones.
                        if let Some(irr) = irregular {
                            forms.extend(irr.split_whitespace().map(str::to_string));
                        }
                    }
                }
                for f in forms {
                    add_entry(&mut d, &f);
                }
            }
        }
        Ok(d)
    }

    /// Does `word` (uppercase) belong to the pattern word `w`?
    /// Does a phrase headed by `head` (uppercase) belong to the pattern word `w`, given which
    /// other words the phrase has? A synset's multiword member ("TOTAL BOYCOTT") needs its
    /// modifiers too, so that "a boycott" is not "a total boycott".
    pub fn phrase_matches(&self, w: &PWord, head: &str, has: impl Fn(&str) -> bool) -> bool {
        match w {
            PWord::Lit(l) => l == head,
            PWord::Syn(s) => self.synsets.get(s).is_some_and(|ps| {
                ps.iter().any(|p| {
                    p.split_last()
                        .is_some_and(|(last, rest)| last == head && rest.iter().all(|x| has(x)))
                })
            }),
        }
    }

    pub fn word_matches(&self, w: &PWord, word: &str) -> bool {
        match w {
            PWord::Lit(l) => l == word,
            PWord::Syn(s) => self
                .synsets
                .get(s)
                .is_some_and(|ps| ps.iter().any(|p| p.last().is_some_and(|x| x == word))),
        }
    }
}

/// A date-restricted actor code; dates are `YYYYMMDD` integers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<u32>,
    pub until: Option<u32>,
}

/// A phrase of an actor or agent dictionary: its words (uppercase) and, per word, whether it
/// must match whole (`_`-terminated) or may match a longer word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounPhrase {
    pub words: Vec<String>,
    pub whole: Vec<bool>,
}

fn noun_phrase(s: &str, all_whole: bool) -> Option<NounPhrase> {
    let s = s.trim();
    let ends_whole = s.ends_with('_');
    // The tokenizer splits English possessives as UD does ("People's" → "People" "'s",
    // "Workers'" → "Workers" "'"), so the dictionaries' "PEOPLE'S_LIBERATION_ARMY" and
    // "KURDISTAN_WORKERS'_PARTY" are split the same way to match.
    let mut parts: Vec<&str> = Vec::new();
    for w in s.split([' ', '_']).filter(|w| !w.is_empty()) {
        let upper = w.to_ascii_uppercase();
        if w.len() > 2 && upper.ends_with("'S") {
            parts.extend([&w[..w.len() - 2], &w[w.len() - 2..]]);
        } else if w.len() > 2 && upper.ends_with("S'") {
            parts.extend([&w[..w.len() - 1], &w[w.len() - 1..]]);
        } else {
            parts.push(w);
        }
    }
    if parts.is_empty() {
        return None;
    }
    let n = parts.len();
    Some(NounPhrase {
        words: parts.iter().map(|w| w.to_uppercase()).collect(),
        // Inner words are whole; the last is whole when the phrase ends with '_'.
        whole: (0..n)
            .map(|i| all_whole || i + 1 < n || ends_whole)
            .collect(),
    })
}

impl NounPhrase {
    /// Does the phrase match the words starting at `words[0]`?
    pub fn matches(&self, words: &[&str]) -> bool {
        self.words.len() <= words.len()
            && self
                .words
                .iter()
                .zip(&self.whole)
                .zip(words)
                .all(|((p, &whole), w)| {
                    if whole {
                        p == w
                    } else {
                        w.starts_with(p.as_str()) && (p.len() >= 4 || p == w)
                    }
                })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    pub phrase: NounPhrase,
    /// Index into `ActorDict::codes`.
    pub codes: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ActorDict {
    /// Code lists: a default code (no dates) and date-restricted codes.
    pub codes: Vec<(Option<String>, Vec<DatedCode>)>,
    /// By [`phrase_key`], longest phrases first.
    pub entries: FastMap<u64, Vec<ActorEntry>>,
}

/// Parses "YYYYMMDD" or "YYMMDD" (years 00–30 are 20YY, as in TABARI).
fn date(s: &str) -> Option<u32> {
    let s = s.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match s.len() {
        8 => s.parse().ok(),
        6 => {
            let yy: u32 = s[..2].parse().ok()?;
            let rest: u32 = s[2..].parse().ok()?;
            let y = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            Some(y * 10000 + rest)
        }
        _ => None,
    }
}

/// The bucket of an actor phrase: the keys of its first two words, or of its only word,
/// hashed (a lookup at every word of the text then allocates nothing). A text word matches a
/// phrase word only if their keys agree (equal words, or a stem of at least four letters that
/// the word starts with), so a lookup scans the phrases that share the text's first two
/// words' keys, then the one-word phrases: all of the first are longer than any of the
/// second, which keeps "the longest phrase wins". Bucketing on the first word alone scanned
/// every "THE …" or "LA …" phrase at each word of the text.
fn phrase_key<S: AsRef<str>>(words: &[S]) -> u64 {
    use std::hash::Hasher;
    let mut h = veille_core::fxhash::FxHasher::default();
    for w in words.iter().take(2) {
        for c in w.as_ref().chars().take(4) {
            h.write_u32(c as u32);
        }
        h.write_u32(u32::MAX);
    }
    h.finish()
}

impl ActorDict {
    pub fn parse(text: &str) -> Result<ActorDict, DictError> {
        let mut d = ActorDict::default();
        let lines = clean_lines(text);
        let mut current: Option<usize> = None;
        // Whether each record has been given a code (a default or a date line) yet.
        let mut coded: Vec<bool> = Vec::new();
        for (n, line) in lines {
            let t = line.trim();
            if line.starts_with('\t') || line.starts_with("  ") && t.starts_with('[') {
                // A date restriction of the current entry.
                let Some(ci) = current else {
                    return Err(DictError {
                        line: n,
                        message: "date restriction before any actor".into(),
                    });
                };
                let (_, code) = split_code(t);
                let Some(code) = code else { continue };
                coded[ci] = true;
                let mut parts = code.split_whitespace();
                let Some(c) = parts.next() else { continue };
                // Restrictions may be spaced: "HOB < 950601", "X 19950601 - 19990815".
                let restr: String = parts.collect();
                let restr = restr.as_str();
                let dc = if let Some(x) = restr.strip_prefix('<') {
                    DatedCode {
                        code: c.into(),
                        from: None,
                        until: date(x),
                    }
                } else if let Some(x) = restr.strip_prefix('>') {
                    DatedCode {
                        code: c.into(),
                        from: date(x),
                        until: None,
                    }
                } else if let Some((a, b)) = restr.split_once('-') {
                    DatedCode {
                        code: c.into(),
                        from: date(a),
                        until: date(b),
                    }
                } else {
                    d.codes[ci].0 = Some(c.to_string());
                    continue;
                };
                d.codes[ci].1.push(dc);
                continue;
            }
            let (body, synonym) = match t.strip_prefix('+') {
                Some(b) => (b, true),
                None => (t, false),
            };
            let (body, code) = split_code(body.split(';').next().unwrap_or(body));
            let Some(p) = noun_phrase(body, false) else {
                continue;
            };
            if !synonym || current.is_none() {
                // As in PETRARCH's reader, a primary phrase with no code and no date lines
                // does not close its record: it takes the codes of the next one ("U.N._" on a
                // line of its own, then "UN_SECRETARY_GENERAL … [IGOUNO]"). An explicit
                // "[---]" is a code (none), so it does close the record.
                let open = current.filter(|&ci| !coded[ci]);
                let ci = open.unwrap_or_else(|| {
                    d.codes.push((None, Vec::new()));
                    coded.push(false);
                    d.codes.len() - 1
                });
                if let Some(c) = code {
                    coded[ci] = true;
                    d.codes[ci].0 = Some(c)
                        .filter(|c| *c != "---" && !c.is_empty())
                        .map(str::to_string);
                }
                current = Some(ci);
            } else if let (Some(ci), Some(c)) = (current, code) {
                coded[ci] = true;
                d.codes[ci].0.get_or_insert_with(|| c.to_string());
            }
            let Some(ci) = current else { continue };
            d.entries
                .entry(phrase_key(&p.words))
                .or_default()
                .push(ActorEntry {
                    phrase: p,
                    codes: ci,
                });
        }
        for v in d.entries.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.phrase.words.len()));
        }
        Ok(d)
    }

    /// Adds the entries of `other` (a second actor file), after this one's: of two phrases of
    /// the same length, the one read first wins, as when the files are concatenated.
    pub fn extend(&mut self, other: ActorDict) {
        let base = self.codes.len();
        self.codes.extend(other.codes);
        for (k, v) in other.entries {
            let list = self.entries.entry(k).or_default();
            list.extend(v.into_iter().map(|mut e| {
                e.codes += base;
                e
            }));
            list.sort_by_key(|e| std::cmp::Reverse(e.phrase.words.len()));
        }
    }

    /// The longest actor at the start of `words`: (number of words, code at `date`).
    pub fn lookup(&self, words: &[&str], date: Option<u32>) -> Option<(usize, Option<String>)> {
        words.first()?;
        let longer = (words.len() > 1)
            .then(|| self.entries.get(&phrase_key(&words[..2])))
            .flatten()
            .and_then(|cands| cands.iter().find(|e| e.phrase.matches(words)));
        let e = match longer {
            Some(e) => e,
            None => self
                .entries
                .get(&phrase_key(&words[..1]))?
                .iter()
                .find(|e| e.phrase.matches(words))?,
        };
        let (default, dated) = &self.codes[e.codes];
        let code = match date {
            Some(d) => dated
                .iter()
                .find(|c| c.from.is_none_or(|f| d >= f) && c.until.is_none_or(|u| d <= u))
                .map(|c| c.code.clone())
                .or_else(|| default.clone()),
            // Undated text: a person listed with the offices they held is in the dictionary
            // for them, and the undated default is what they were outside them ("Kofi
            // Annan": IGOUNO 1997-2006, else a bare ELI). The last office says more.
            None => dated
                .iter()
                .max_by_key(|c| c.until.unwrap_or(u32::MAX))
                .map(|c| c.code.clone())
                .or_else(|| default.clone()),
        };
        Some((e.phrase.words.len(), code))
    }
}

/// An agent code: appended to the actor's code (`~GOV`) or put before it (`NGO~`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentCode {
    pub code: String,
    pub before: bool,
}

#[derive(Debug, Clone, Default)]
pub struct AgentDict {
    pub entries: FastMap<String, Vec<(NounPhrase, AgentCode)>>,
}

impl AgentDict {
    pub fn parse(text: &str) -> Result<AgentDict, DictError> {
        Self::parse_with(text, Inflection::English)
    }

    /// [`AgentDict::parse`] for a dictionary whose nouns take `infl`'s plurals.
    pub fn parse_with(text: &str, infl: Inflection) -> Result<AgentDict, DictError> {
        let mut d = AgentDict::default();
        let mut marks: HashMap<String, Vec<String>> = HashMap::new();
        for (n, line) in clean_lines(text) {
            let t = line.trim();
            if t.starts_with('!')
                && let Some((mark, list)) = t.split_once('=')
            {
                marks.insert(
                    mark.trim().to_uppercase(),
                    list.split(',').map(|w| w.trim().to_uppercase()).collect(),
                );
                continue;
            }
            let (body, code) = split_code(t);
            let Some(code) = code else {
                // Discard-style lines without a code are not agents.
                continue;
            };
            let agent = if let Some(c) = code.strip_prefix('~') {
                AgentCode {
                    code: c.to_string(),
                    before: false,
                }
            } else if let Some(c) = code.strip_suffix('~') {
                AgentCode {
                    code: c.to_string(),
                    before: true,
                }
            } else {
                return Err(DictError {
                    line: n,
                    message: format!("agent code without '~': {code}"),
                });
            };
            let (main, plural_given) = match (body.find('{'), body.find('}')) {
                (Some(a), Some(b)) if b > a => (body[..a].trim(), Some(body[a + 1..b].trim())),
                _ => (body.trim(), None),
            };
            let mut variants = vec![main.to_string()];
            match plural_given {
                Some("") => {}
                Some(p) => variants.push(p.to_string()),
                // A substitution mark lists its own plurals (MAN, MEN).
                None if main.contains('!') => {}
                None => {
                    let mut ws: Vec<String> =
                        main.split('_').map(str::to_string).collect::<Vec<_>>();
                    if let Some(last) = ws.last_mut() {
                        *last = infl.plural(&last.to_uppercase());
                    }
                    variants.push(ws.join("_"));
                }
            }
            // Substitution marks expand to each of their words, spliced in where the mark
            // stands: "CONGRESS!PERSON!" is "CONGRESSMAN", "CONGRESSWOMEN"…, one word, and
            // "FOREIGN_!MINIST!" is "FOREIGN_MINISTER" (petrarch2's dictionaries.rst).
            let mut expanded = Vec::new();
            for v in variants {
                let up = v.to_uppercase();
                match marks.iter().find(|(m, _)| up.contains(m.as_str())) {
                    Some((m, ws)) => {
                        for w in ws {
                            expanded.push(up.replace(m.as_str(), w));
                        }
                    }
                    None => expanded.push(up),
                }
            }
            for v in expanded {
                if let Some(p) = noun_phrase(&v, true) {
                    d.entries
                        .entry(p.words[0].clone())
                        .or_default()
                        .push((p, agent.clone()));
                }
            }
        }
        for v in d.entries.values_mut() {
            v.sort_by_key(|e| std::cmp::Reverse(e.0.words.len()));
        }
        Ok(d)
    }

    /// Adds the entries of `other` (a second agent file) after this one's: of two phrases of
    /// the same length, the one read first wins.
    pub fn extend(&mut self, other: AgentDict) {
        for (k, v) in other.entries {
            let list = self.entries.entry(k).or_default();
            list.extend(v);
            list.sort_by_key(|e| std::cmp::Reverse(e.0.words.len()));
        }
    }

    /// The longest agent at the start of `words`: (number of words, code).
    pub fn lookup(&self, words: &[&str]) -> Option<(usize, &AgentCode)> {
        let first = words.first()?;
        self.entries
            .get(*first)?
            .iter()
            .find(|(p, _)| p.matches(words))
            .map(|(p, c)| (p.words.len(), c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERBS: &str = "&TIES_\n+TIES\n+RELATIONS\n\n--- RESTORE [050] ---\nRESTORE\n- * &TIES [050]\n- * (WITH LEADERS) [036:036] # c\n\n--- MEET [040] ---\n+MEET_WITH {+MET_WITH +MEETS_WITH}\nMEET {MEETS MET MEETING}\n- * COUP [012]\n";

    #[test]
    fn verbs_forms_blocks_patterns() {
        let d = VerbDict::parse(VERBS).unwrap();
        assert_eq!(d.blocks.len(), 2);
        for f in ["RESTORE", "RESTORES", "RESTORED", "RESTORING"] {
            assert_eq!(d.forms[f][0].block, 0, "{f}");
        }
        assert!(
            d.forms["MET"]
                .iter()
                .any(|e| e.particle.as_deref() == Some("WITH"))
        );
        assert!(d.forms["MET"].iter().any(|e| e.particle.is_none()));
        let p = &d.blocks[0].patterns[1];
        assert_eq!(p.code.forward.as_deref(), Some("036"));
        assert_eq!(p.code.reverse.as_deref(), Some("036"));
        assert!(matches!(&p.post[0], Elem::Prep(w, Some(_)) if w == "WITH"));
        assert!(d.word_matches(&PWord::Syn("&TIES".into()), "RELATIONS"));
        // "TIES_" forbids plurals: no "TIESS".
        assert!(!d.word_matches(&PWord::Syn("&TIES".into()), "TIESS"));
        assert_eq!(d.forms["MET"][0].code.forward.as_deref(), Some("040"));
    }

    #[test]
    fn possessives_split_as_the_tokenizer_splits_them() {
        let a = ActorDict::parse(
            "PEOPLE'S_LIBERATION_ARMY [CHNMIL]\nKURDISTAN_WORKERS'_PARTY [TURREB]\n",
        )
        .unwrap();
        assert_eq!(
            a.lookup(&["PEOPLE", "'S", "LIBERATION", "ARMY"], None),
            Some((4, Some("CHNMIL".into())))
        );
        assert_eq!(
            a.lookup(&["KURDISTAN", "WORKERS", "'", "PARTY"], None),
            Some((4, Some("TURREB".into())))
        );
        // The possessive is needed: "People Liberation Army" is not the name.
        assert_eq!(a.lookup(&["PEOPLE", "LIBERATION", "ARMY"], None), None);
    }

    #[test]
    fn an_actor_line_without_a_code_takes_the_next_records() {
        let text = "UN_ [IGOUNO]\nU.N._\n\n# chiefs\nUN_CHIEF\n+UNITED_NATIONS_CHIEF\n\t[IGOUNO]\nNOBODY_ [---]\nKENYA_ [KEN]\n";
        let d = ActorDict::parse(text).unwrap();
        let code = |w: &[&str]| d.lookup(w, None).and_then(|(_, c)| c);
        assert_eq!(code(&["U.N."]).as_deref(), Some("IGOUNO"));
        assert_eq!(code(&["UN", "CHIEF"]).as_deref(), Some("IGOUNO"));
        // An explicit "[---]" closes its record: the next code is not its.
        assert_eq!(d.lookup(&["NOBODY"], None), Some((1, None)));
        assert_eq!(code(&["KENYA"]).as_deref(), Some("KEN"));
    }

    #[test]
    fn actors_dates_and_stems() {
        let a = ActorDict::parse(
            "ARNOR_ [ARN]\nARGENTIN [ARG]\nJOHN_SMITH_ ; note\n\t[ABCGOV 950101-991231]\n\t[ABCELI]\nSAM\n+SAMWISE\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n",
        )
        .unwrap();
        assert_eq!(a.lookup(&["ARNOR"], None), Some((1, Some("ARN".into()))));
        assert_eq!(a.lookup(&["ARNORS"], None), None);
        assert_eq!(
            a.lookup(&["ARGENTINA"], None),
            Some((1, Some("ARG".into())))
        );
        assert_eq!(
            a.lookup(&["JOHN", "SMITH"], Some(19960101)),
            Some((2, Some("ABCGOV".into())))
        );
        assert_eq!(
            a.lookup(&["JOHN", "SMITH"], Some(20010101)),
            Some((2, Some("ABCELI".into())))
        );
        assert_eq!(
            a.lookup(&["SAMWISE"], Some(19900101)),
            Some((1, Some("HOB".into())))
        );
        assert_eq!(
            a.lookup(&["SAMWISE"], Some(19960101)),
            Some((1, Some("HOBGOV".into())))
        );
        // Undated text: the last office held, not the default outside the offices.
        assert_eq!(
            a.lookup(&["JOHN", "SMITH"], None),
            Some((2, Some("ABCGOV".into())))
        );
        assert_eq!(
            a.lookup(&["SAMWISE"], None),
            Some((1, Some("HOBGOV".into())))
        );
    }

    #[test]
    fn agents_plurals_and_marks() {
        let a = AgentDict::parse(
            "!PERSON! = MAN, WOMAN\n!MINIST! = MINISTER, MINISTRY\nPRESIDENT [~GOV]\nPOLICE {} [~COP]\nCONGRESS!PERSON! [~LEG]\nRED_CROSS [NGO~]\nHOME_!MINIST! [~GOV]\n",
        )
        .unwrap();
        assert_eq!(a.lookup(&["PRESIDENTS"]).unwrap().1.code, "GOV");
        assert!(a.lookup(&["POLICES"]).is_none());
        assert_eq!(a.lookup(&["CONGRESSWOMAN"]).unwrap().0, 1);
        assert_eq!(a.lookup(&["CONGRESSMAN"]).unwrap().1.code, "LEG");
        assert!(a.lookup(&["CONGRESS", "WOMAN"]).is_none());
        assert!(a.lookup(&["RED", "CROSS"]).unwrap().1.before);
        assert_eq!(a.lookup(&["HOME", "MINISTRY"]).unwrap().0, 2);
    }

    #[test]
    fn errors_name_the_line() {
        let e = VerbDict::parse("# c\n- * X [010]\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(AgentDict::parse("X [GOV]\n").is_err());
    }
}

/// A PETRARCH discard list: phrases whose presence means a sentence (or, marked `+`, the whole
/// story) is not coded — sports results, chronologies. A phrase ending in `_` must end at a
/// word boundary; otherwise it is a stem ("CHAMPION" also stops "CHAMPIONSHIP"). Matching
/// ignores case and needs a word boundary before the phrase.
#[derive(Debug, Clone, Default)]
pub struct Discards {
    /// (uppercase phrase, whole word, story level)
    phrases: Vec<(String, bool, bool)>,
    /// Phrases by their first [`KEY_CHARS`] characters (all of them when shorter): a text is
    /// scanned once, looking up only the phrases that can start at each word boundary,
    /// instead of searching it once per phrase (hundreds of phrases, every sentence).
    by_start: FastMap<String, Vec<usize>>,
}

const KEY_CHARS: usize = 3;

/// What a discard list says about a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discard {
    Sentence,
    Story,
}

impl Discards {
    /// Keeps only the phrases (uppercase, spaces between words) for which `keep` holds.
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.phrases.retain(|(p, _, _)| keep(p));
        self.index();
    }

    fn index(&mut self) {
        self.by_start.clear();
        for (i, (p, _, _)) in self.phrases.iter().enumerate() {
            let key: String = p.chars().take(KEY_CHARS).collect();
            self.by_start.entry(key).or_default().push(i);
        }
    }

    pub fn parse(text: &str) -> Discards {
        let mut phrases = Vec::new();
        for line in text.lines() {
            let body = line.split('#').next().unwrap_or("").trim();
            let (body, story) = match body.strip_prefix('+') {
                Some(b) => (b.trim(), true),
                None => (body, false),
            };
            // Bare numbers are line markers in the distributed file, not phrases.
            if body.is_empty() || body.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let (body, whole) = match body.strip_suffix('_') {
                Some(b) => (b, true),
                None => (body, false),
            };
            let phrase = body.replace('_', " ").to_uppercase();
            if !phrase.trim().is_empty() {
                phrases.push((phrase.trim().to_string(), whole, story));
            }
        }
        let mut d = Discards {
            phrases,
            by_start: FastMap::default(),
        };
        d.index();
        d
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The strongest discard `text` triggers, if any.
    pub fn check(&self, text: &str) -> Option<Discard> {
        let found = self.matches(text);
        if found.iter().any(|m| m.1) {
            Some(Discard::Story)
        } else if found.is_empty() {
            None
        } else {
            Some(Discard::Sentence)
        }
    }

    /// Every occurrence in `text` of a listed phrase, starting at a word boundary: its byte
    /// range in `text` and whether it discards the whole story. A document is scanned once
    /// and each sentence then asks which occurrences lie inside it, instead of scanning every
    /// sentence a second time.
    pub fn matches(&self, text: &str) -> Vec<(std::ops::Range<usize>, bool)> {
        // Uppercase, with the offset in `text` of every byte of it (casing can change a
        // character's length), plus the end.
        // ASCII text keeps its offsets, and most text is ASCII.
        let ascii = text.is_ascii();
        let (up, orig) = if ascii {
            (text.to_ascii_uppercase(), Vec::new())
        } else {
            let mut up = String::with_capacity(text.len());
            let mut orig = Vec::with_capacity(text.len() + 1);
            for (i, c) in text.char_indices() {
                if c.is_ascii() {
                    up.push(c.to_ascii_uppercase());
                    orig.push(i);
                    continue;
                }
                let before = up.len();
                up.extend(c.to_uppercase());
                orig.resize(orig.len() + up.len() - before, i);
            }
            orig.push(text.len());
            (up, orig)
        };
        let at = |k: usize| if ascii { k } else { orig[k] };
        let mut out = Vec::new();
        let mut prev_alnum = false;
        for (i, c) in up.char_indices() {
            let starts = !prev_alnum;
            prev_alnum = c.is_alphanumeric();
            if !starts {
                continue;
            }
            // The phrases that may start here: keyed by their first one, two or three
            // characters (shorter phrases are keyed by all of theirs).
            let ends = up[i..].char_indices().map(|(j, c)| i + j + c.len_utf8());
            for end in ends.take(KEY_CHARS) {
                let Some(cands) = self.by_start.get(&up[i..end]) else {
                    continue;
                };
                for &k in cands {
                    let (p, whole, story) = &self.phrases[k];
                    if !up[i..].starts_with(p.as_str()) {
                        continue;
                    }
                    let after_ok = !*whole
                        || up[i + p.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric());
                    if after_ok {
                        out.push((at(i)..at(i + p.len()), *story));
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod discard_tests {
    use super::*;

    #[test]
    fn discards_by_sentence_and_story() {
        let d = Discards::parse("1914\n# comment\nCHAMPION\nWORLD CUP_  # note\n+GRAND PRIX\n");
        assert_eq!(d.len(), 3);
        assert_eq!(d.check("The champions met."), Some(Discard::Sentence));
        assert_eq!(d.check("A World Cup match."), Some(Discard::Sentence));
        assert_eq!(d.check("A World Cupboard."), None);
        assert_eq!(d.check("Rebels attacked the town."), None);
        assert_eq!(
            d.check("Before the Grand Prix, the champion said"),
            Some(Discard::Story)
        );
        assert_eq!(d.check("Exchampion"), None);
    }

    /// Match offsets are byte offsets of the original text, also where uppercasing changes a
    /// character's length ("ß" is "SS").
    #[test]
    fn match_offsets_point_into_the_original_text() {
        let d = Discards::parse("WORLD CUP\n+GRAND PRIX\n");
        let text = "Straße: the World Cup. Ça, the grand prix.";
        let m = d.matches(text);
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(&text[m[0].0.clone()], "World Cup");
        assert!(!m[0].1);
        assert_eq!(&text[m[1].0.clone()], "grand prix");
        assert!(m[1].1);
        let ascii = "The World Cup.";
        assert_eq!(&ascii[d.matches(ascii)[0].0.clone()], "World Cup");
    }

    /// The index by first characters finds what a search phrase by phrase finds: phrases
    /// shorter than the key, accented and non-letter starts, phrases that share a start,
    /// a match at the very end of the text, and nothing after `retain` drops a phrase.
    #[test]
    fn indexed_lookup_matches_a_plain_search() {
        let mut d = Discards::parse(
            "GP_
ÉTÉ MEURTRIER
'S FINAL
CUP
CUPID_
",
        );
        assert_eq!(d.check("Le GP de Monaco"), Some(Discard::Sentence));
        assert_eq!(d.check("Les GPS du peloton"), None);
        assert_eq!(d.check("un été meurtrier"), Some(Discard::Sentence));
        assert_eq!(d.check("Brazil's final whistle"), None);
        assert_eq!(d.check("Brazil 's final whistle"), Some(Discard::Sentence));
        assert_eq!(d.check("the cupid"), Some(Discard::Sentence));
        assert_eq!(d.check("the cupboard"), Some(Discard::Sentence));
        assert_eq!(d.check("a teacup"), None);
        assert_eq!(d.check("gp"), Some(Discard::Sentence));
        assert_eq!(d.check(""), None);
        d.retain(|p| p != "CUP");
        assert_eq!(d.check("the cupboard"), None);
        assert_eq!(d.check("the cupid"), Some(Discard::Sentence));
    }
}
