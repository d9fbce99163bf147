//! Event coding over a dependency parse with PETRARCH-format dictionaries.
//!
//! For each verb of the verb dictionary: the most specific pattern of its block whose nouns
//! and prepositional phrases are found among the verb's arguments gives the code (else the
//! verb's own code); the source is the subject (the `by` phrase of a passive; the controller
//! of an `xcomp`, the first conjunct of a coordinated verb), the target the object, else the
//! first prepositional argument that names an actor. Noun phrases get their code from the
//! actor and agent dictionaries over their words (`the president of Arnor` → ARN + GOV);
//! coordinated phrases give one code each (compound actors). A negated verb codes nothing.
//!
//! The parse may use UD 1 labels (`dobj`, `nsubjpass`, `nmod` on verbs) or UD 2 labels.

use super::dict::{ActorDict, AgentCode, AgentDict, Elem, PPhrase, VerbDict};

/// One word of a parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub form: String,
    pub lemma: String,
    /// Borrowed from the tagger's tag names when it comes from veille's own parse (no
    /// allocation per word), owned when read from a record's CoNLL-U.
    pub upos: std::borrow::Cow<'static, str>,
    /// Index of the head in the sentence, `None` for the root.
    pub head: Option<usize>,
    pub deprel: String,
    /// The form is future or conditional (the tagger's `Tense=Fut` or `Mood=Cnd`); `false`
    /// when nothing says so, as in PETRARCH's records.
    pub future: bool,
}

/// Heads of time phrases (upper-case lemmas): a pattern's bare preposition ("- * (ON)")
/// never takes one as its argument.
#[rustfmt::skip]
const TIME_NOUNS: &[&str] = &[
    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "JANUARY",
    "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
    "NOVEMBER", "DECEMBER", "DAY", "WEEK", "WEEKEND", "MONTH", "YEAR", "MORNING", "AFTERNOON",
    "EVENING", "NIGHT", "LUNDI", "MARDI", "MERCREDI", "JEUDI", "VENDREDI", "SAMEDI", "DIMANCHE",
    "JANVIER", "FÉVRIER", "MARS", "AVRIL", "MAI", "JUIN", "JUILLET", "AOÛT", "SEPTEMBRE",
    "OCTOBRE", "NOVEMBRE", "DÉCEMBRE", "JOUR", "SEMAINE", "MOIS", "AN", "ANNÉE", "MATIN",
    "SOIR", "NUIT", "WEEK-END",
];

/// The three dictionaries a coder needs.
#[derive(Debug, Clone, Default)]
pub struct PetrarchDicts {
    pub verbs: VerbDict,
    pub actors: ActorDict,
    pub agents: AgentDict,
    /// The coding ontology that says what a negated act codes as; without one a negated
    /// verb codes nothing.
    pub pico: Option<super::pico::Pico>,
    /// A second actor dictionary read after `actors` (the French coder reads the shipped
    /// Phoenix files for names of people and groups, without copying them), less its
    /// one-word names in `fallback_excluded`.
    pub fallback_actors: Option<&'static ActorDict>,
    pub fallback_excluded: &'static [&'static str],
    /// One-word country names of the fallback's language that this one writes otherwise,
    /// upper case: French writes "Tchad", "Jordanie", "Géorgie", so "Chad", "Jordan" and
    /// "Georgia" alone in French text are first names ("explique Chad"), never the country.
    /// After another capitalised name they end an English name ("Air Navigation
    /// Indonesia") and still name the country.
    pub fallback_foreign_names: std::collections::HashSet<String>,
    /// veille's rules beyond PETRARCH's, for the pipeline (PETRARCH validation runs leave them
    /// off): an attribution ("according to X", "selon X", "d'après X") is X's statement (010),
    /// with a role alone when X names no actor ("selon la police" → COP), as veille's pattern
    /// coder codes "police said"; and a statement's target is only whom it is addressed to
    /// ("to"/"à"), never where it was made.
    pub beyond_petrarch: bool,
    /// One-word country names, upper case as the coder matches words ("CHAD", "ISRAËL"). One
    /// of them joined to a surname is a first name ("Chad Hammel"); a capital or a city is
    /// not ("Washington Examiner" is a newspaper of Washington). Empty turns the rule off.
    pub country_words: std::collections::HashSet<String>,
    /// French demonyms, upper case ("CHILIEN"): read as a noun in lowercase ("un chilien
    /// expert") they still name a national, where another lowercase one-word actor match is
    /// a common word ("un mur d'eau").
    pub demonym_words: std::collections::HashSet<String>,
}

impl PetrarchDicts {
    /// The longest actor at the start of `words` in `actors`, else in the fallback
    /// dictionary when it names a longer phrase: (number of words, code at `date`).
    pub fn actor_at(&self, words: &[&str], date: Option<u32>) -> Option<(usize, Option<String>)> {
        let own = self.actors.lookup(words, date);
        let other = self
            .fallback_actors
            .and_then(|f| f.lookup(words, date))
            .filter(|(n, _)| {
                *n > 1
                    || !words
                        .first()
                        .is_some_and(|w| self.fallback_excluded.contains(w))
            });
        match (own, other) {
            (Some(a), Some(b)) if b.0 > a.0 => Some(b),
            (Some(a), _) => Some(a),
            (None, b) => b,
        }
    }
}

/// Nouns of documents that say something on their author's behalf (lemmas, upper case).
const STATEMENT_NOUNS: &[&str] = &[
    "STATEMENT",
    "DECLARATION",
    "COMMUNIQUE",
    "COMMUNIQUÉ",
    "RESOLUTION",
    "LETTER",
    "REPORT",
    "MESSAGE",
    "DÉCLARATION",
    "RÉSOLUTION",
    "LETTRE",
    "RAPPORT",
];

/// Verbs that ask someone else to act (lemmas, upper case): their infinitive complement is
/// asked for, not done. Verbs that make it happen ("forced", "persuaded") are not here.
const APPEAL_LEMMAS: &[&str] = &[
    "URGE",
    "ASK",
    "ENCOURAGE",
    "EXHORT",
    "INVITE",
    "REQUEST",
    "IMPLORE",
    "LOBBY",
    "PRESS",
    "TELL",
    "EXHORTER",
    "INVITER",
    "APPELER",
    "DEMANDER",
    "ENCOURAGER",
    "PRESSER",
    "ENJOINDRE",
    "SOMMER",
];

/// One coded event: source and target actor codes, the CAMEO code, the verb and the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coding {
    pub source: String,
    pub target: String,
    pub code: String,
    /// Index of the verb in the sentence.
    pub verb: usize,
    /// Words of the source and target phrases (for evidence spans): their noun phrase without
    /// clauses and conjuncts.
    pub source_words: std::ops::Range<usize>,
    pub target_words: std::ops::Range<usize>,
    /// `pattern:LINE` (the dictionary line of the pattern) or `verb:LINE`.
    pub rule: String,
}

struct Sent<'a> {
    toks: &'a [Tok],
    upper: Vec<String>,
    upper_lemma: Vec<String>,
    children: Vec<Vec<usize>>,
    /// Actor code over each token of an actor phrase (`Some(None)`: an actor coded `---`).
    actor: Vec<Option<Option<String>>>,
    agent: Vec<Option<AgentCode>>,
    /// First token of the actor or agent phrase each token belongs to.
    phrase_start: Vec<usize>,
    /// Each token's UD 2 relation, mapped once ([`rel`]): the coder asks for it at every
    /// step of its walks over the tree.
    rels: Vec<&'static str>,
}

/// The UD 2 relation of `t` (UD 1 labels are mapped).
fn rel(t: &Tok, head_upos: Option<&str>) -> &'static str {
    let r = t.deprel.as_str();
    match r {
        "dobj" => "obj",
        "nsubjpass" | "nsubj:pass" => "nsubj:pass",
        "csubjpass" => "csubj:pass",
        "neg" => "advmod",
        "nmod:agent" | "obl:agent" => "obl:agent",
        "auxpass" | "aux:pass" => "aux:pass",
        _ => {
            let base = r.split(':').next().unwrap_or(r);
            match base {
                "nmod" if matches!(head_upos, Some("VERB" | "AUX" | "ADJ")) => "obl",
                "nsubj" => "nsubj",
                "obj" => "obj",
                "iobj" => "iobj",
                "obl" => "obl",
                "nmod" => "nmod",
                "conj" => "conj",
                "xcomp" => "xcomp",
                "case" => "case",
                "mark" => "mark",
                "advmod" => "advmod",
                "compound" => {
                    if r == "compound:prt" {
                        "compound:prt"
                    } else {
                        "compound"
                    }
                }
                "acl" => "acl",
                "advcl" => "advcl",
                "ccomp" => "ccomp",
                "parataxis" => "parataxis",
                "appos" => "appos",
                "cc" => "cc",
                "punct" => "punct",
                "aux" => "aux",
                "cop" => "cop",
                "amod" => "amod",
                "det" => "det",
                "expl" => "expl",
                _ => "dep",
            }
        }
    }
}

impl<'a> Sent<'a> {
    fn new(d: &PetrarchDicts, toks: &'a [Tok], date: Option<u32>) -> Sent<'a> {
        let n = toks.len();
        // French elisions are written with either apostrophe; dictionaries use the straight one.
        // (The replacement allocates a second string: only for the words that need it.)
        let up = |s: &str| {
            let u = s.to_uppercase();
            if u.contains('’') {
                u.replace('’', "'")
            } else {
                u
            }
        };
        let upper: Vec<String> = toks.iter().map(|t| up(&t.form)).collect();
        let upper_lemma = toks.iter().map(|t| up(&t.lemma)).collect();
        let mut children = vec![Vec::new(); n];
        for (i, t) in toks.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h < n && h != i) {
                children[h].push(i);
            }
        }
        let mut actor = vec![None; n];
        let mut agent = vec![None; n];
        let mut phrase_start: Vec<usize> = (0..n).collect();
        let words: Vec<&str> = upper.iter().map(String::as_str).collect();
        // "Kenyans", "Serbs": the plural of a nationality the dictionaries list in the singular
        // only ("+KENYAN_"), which the tagger leaves unlemmatised as a proper noun.
        let plural_people = |i: usize| {
            let w = words[i];
            let capital = toks[i].form.chars().next().is_some_and(char::is_uppercase);
            (capital && w.len() > 4 && w.ends_with('S') && !w.ends_with("SS"))
                .then(|| &w[..w.len() - 1])
                .and_then(|one| d.actor_at(&[one], date))
                .and_then(|(len, code)| (len == 1).then_some(code))
        };
        // Dictionaries are upper case, so an acronym entry also matches a common word: "EAU"
        // (Émirats arabes unis) in "un mur d'eau", "US" in "told us". Actor names are
        // capitalised in news text; the exception is the French demonym, an adjective
        // ("le gouvernement malien"). A lowercase one-word match of another kind is no actor.
        let common_word = |i: usize, len: usize| {
            len == 1
                && toks[i].upos != "ADJ"
                && !toks[i].form.chars().any(|c| c.is_uppercase())
                && !d.demonym_words.contains(words[i])
        };
        // "Chad Hammel", "Israel Folau": a one-word country that the parse joins to the next
        // proper noun with `flat` into a two-word name is a first name. (`compound` would take
        // "Massachusetts Democrat" too; a longer name is a title: "Guiyang Evening News".)
        let flat = |a: usize, b: usize| {
            (toks[b].head == Some(a) && toks[b].deprel.starts_with("flat"))
                || (toks[a].head == Some(b) && toks[a].deprel.starts_with("flat"))
        };
        // The parser also reads such a name as a `compound` ("Jordan Spieth"); then the
        // surname must name no role either ("Massachusetts Democrat" is a party member).
        let compound_name = |a: usize, b: usize| {
            toks[a].head == Some(b)
                && toks[a].deprel == "compound"
                && d.agents.lookup(&words[b..]).is_none()
        };
        let first_name = |i: usize, len: usize, code: &str| {
            len == 1
                && code.len() == 3
                && d.country_words.contains(words[i])
                && toks[i].upos == "PROPN"
                && !toks[i].form.chars().all(|c| c.is_uppercase())
                && toks.get(i + 1).is_some_and(|t| t.upos == "PROPN")
                && (flat(i, i + 1) || compound_name(i, i + 1))
                && toks.get(i + 2).is_none_or(|t| t.upos != "PROPN")
                && d.actor_at(&words[i + 1..], date).is_none()
        };
        // "the Rev. John Howard Johnson": a person's name of two words or more (a code with a
        // role: a bare country code is a place, and "New York Post" is a paper of New York)
        // that the parse continues with another capitalised proper noun (`flat`, a name's
        // parts) names someone else, whose name begins like the listed one's.
        let longer_name = |i: usize, len: usize, code: &str| {
            let end = i + len;
            len >= 2
                && code.len() > 3
                && toks.get(end).is_some_and(|t| {
                    t.upos == "PROPN" && t.form.chars().next().is_some_and(char::is_uppercase)
                })
                && ((toks[end].deprel.starts_with("flat")
                    && toks[end].head.is_some_and(|h| (i..end).contains(&h)))
                    || (toks[end - 1].head == Some(end)
                        && toks[end - 1].deprel.starts_with("flat")))
        };
        let foreign_name = |i: usize, len: usize| {
            len == 1
                && d.fallback_foreign_names.contains(words[i])
                && d.actors.lookup(&words[i..], date).is_none()
                && !(i > 0
                    && toks[i - 1].upos == "PROPN"
                    && toks[i - 1]
                        .form
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase))
        };
        // "North American", "Latin Americans": a continent's people, not the United States'.
        let continental = |i: usize| {
            i > 0
                && matches!(words[i - 1], "NORTH" | "SOUTH" | "CENTRAL" | "LATIN")
                && words[i].starts_with("AMERICAN")
        };
        let mut i = 0;
        while i < n {
            if continental(i) {
                i += 1;
                continue;
            }
            if let Some((len, code)) = d.actor_at(&words[i..], date).filter(|(len, code)| {
                !common_word(i, *len)
                    && !foreign_name(i, *len)
                    && !first_name(i, *len, code.as_deref().unwrap_or(""))
                    && !longer_name(i, *len, code.as_deref().unwrap_or(""))
            }) {
                for k in i..i + len {
                    actor[k] = Some(code.clone());
                    phrase_start[k] = i;
                }
                i += len;
            } else if let Some(code) = plural_people(i) {
                actor[i] = Some(code);
                i += 1;
            } else if let Some((len, code)) = d.agents.lookup(&words[i..]) {
                for k in i..i + len {
                    agent[k] = Some(code.clone());
                    phrase_start[k] = i;
                }
                i += len;
            } else {
                i += 1;
            }
        }
        let rels = toks
            .iter()
            .map(|t| {
                let head_upos = t.head.and_then(|h| toks.get(h)).map(|h| h.upos.as_ref());
                rel(t, head_upos)
            })
            .collect();
        Sent {
            toks,
            upper,
            upper_lemma,
            children,
            actor,
            agent,
            phrase_start,
            rels,
        }
    }

    fn rel(&self, i: usize) -> &'static str {
        self.rels[i]
    }

    fn kids(&self, i: usize, r: &'static str) -> impl Iterator<Item = usize> + '_ {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == r)
    }

    /// Tokens of the noun phrase headed by `h`, without clauses and coordinated phrases.
    fn np(&self, h: usize, out: &mut Vec<usize>) {
        out.push(h);
        for &c in &self.children[h] {
            if !matches!(
                self.rel(c),
                "acl" | "advcl" | "ccomp" | "parataxis" | "conj" | "cc" | "punct" | "xcomp"
            ) {
                self.np(c, out);
            }
        }
    }

    /// "part of a military aid programme", "most of its troops": a phrase whose head only
    /// measures out a whole ("of" phrase) is about that whole, and patterns read the whole's
    /// head. (Without this, "captured part of a stronghold" reads as "take part".)
    fn partitive_whole(&self, h: usize) -> usize {
        const PARTS: &[&str] = &[
            "PART",
            "PORTION",
            "HALF",
            "MOST",
            "SOME",
            "BULK",
            "MAJORITY",
            "REST",
            "ALL",
            "MUCH",
            "MANY",
            "SHARE",
            "PARTIE",
            "MOITIÉ",
            "MAJORITÉ",
            "RESTE",
            "ENSEMBLE",
            "PLUPART",
        ];
        if !PARTS.contains(&self.upper_lemma[h].as_str())
            && !PARTS.contains(&self.upper[h].as_str())
        {
            return h;
        }
        self.children[h]
            .iter()
            .copied()
            .find(|&c| {
                c > h
                    && self.rel(c) == "nmod"
                    && self.children[c].iter().any(|&m| {
                        self.rel(m) == "case"
                            && matches!(self.upper[m].as_str(), "OF" | "DE" | "D'" | "DES" | "DU")
                    })
            })
            .unwrap_or(h)
    }

    /// Whether the word `t`, inside the noun phrase headed by `h`, sits in a prepositional
    /// phrase of that phrase (under an `nmod` below `h`) rather than modifying its head:
    /// "military" in "riots against Israeli military policies" is no military subject.
    /// Prepositions do not count: a pattern's bare preposition ("- * &TIETYPES_MEMOS FROM")
    /// is read in the phrase's prepositional phrases on purpose.
    fn nested_noun(&self, mut t: usize, h: usize) -> bool {
        if matches!(self.toks[t].upos.as_ref(), "ADP") {
            return false;
        }
        for _ in 0..self.toks.len() {
            if t == h {
                return false;
            }
            if self.rel(t) == "nmod" && !self.toks[t].deprel.ends_with(":poss") {
                return true;
            }
            match self.toks[t].head {
                Some(p) => t = p,
                None => return false,
            }
        }
        false
    }

    /// The word range of the noun phrase headed by `h`.
    fn np_range(&self, h: usize) -> std::ops::Range<usize> {
        let mut ts = Vec::new();
        self.np(h, &mut ts);
        let lo = ts.iter().copied().min().unwrap_or(h);
        let hi = ts.iter().copied().max().unwrap_or(h);
        lo..hi + 1
    }

    /// The actors of the phrase headed by `h`: its first actor in text order, with the actors
    /// coordinated with it ("Lawmakers in Arnor and Gondor").
    fn actors_in(&self, h: usize) -> Vec<String> {
        let mut ts = Vec::new();
        self.np(h, &mut ts);
        ts.sort_unstable();
        let Some(&a0) = ts.iter().find(|&&t| matches!(self.actor[t], Some(Some(_)))) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut stack = vec![a0];
        // The conj, name and appos links followed below can lead back to a word already seen
        // (a conjunct of a name word whose conjunct is the name again): each word once.
        let mut seen = vec![false; self.toks.len()];
        while let Some(x) = stack.pop() {
            if std::mem::replace(&mut seen[x], true) {
                continue;
            }
            if let Some(Some(c)) = &self.actor[x]
                && !out.contains(c)
            {
                out.push(c.clone());
            }
            // A coordinated actor, whether the conjunct is the phrase's head or a word of it.
            stack.extend(self.kids(x, "conj"));
            let head = self.phrase_start[x];
            if head != x {
                stack.extend(self.kids(head, "conj"));
            }
            // "Minas Tirith and Osgiliath": the conjunct hangs on another word of the name.
            if let Some(h) = self.toks[x].head
                && h < self.toks.len()
                && self.phrase_start[h] == self.phrase_start[x]
                && matches!(
                    self.toks[x].deprel.split(':').next(),
                    Some("name" | "flat" | "compound")
                )
            {
                stack.extend(self.kids(h, "conj"));
            }
            // "Mordor, the Shire, Arnor and Bree": a list the parser read as an apposition
            // followed by conjuncts. Only a named actor counts, so that a true apposition
            // ("Hamas, the Palestinian group, …") adds no actor.
            let list = |k: usize| self.kids(k, "conj").next().is_some();
            for a in self.kids(x, "appos") {
                if self.toks[a].upos == "PROPN"
                    && matches!(self.actor[a], Some(Some(_)))
                    && (list(x) || list(a))
                {
                    stack.push(a);
                }
            }
        }
        // "la Croix-Rouge indonésienne": a non-governmental organisation's national branch,
        // named by a demonym after it (French word order; English puts the demonym first and
        // it is the phrase's first actor already).
        if let [org] = out.as_slice()
            && org.starts_with("NGO")
        {
            let country = self.children[a0]
                .iter()
                .chain(self.children[self.phrase_start[a0]].iter())
                .copied()
                .filter(|&m| m > a0 && self.rel(m) == "amod")
                .find_map(|m| match &self.actor[m] {
                    Some(Some(c)) if c.len() == 3 => Some(c.clone()),
                    _ => None,
                });
            if let Some(c) = country {
                out[0] = format!("{c}{org}");
            }
        }
        out
    }

    /// The agent codes in the phrase headed by `h`, in text order, one per agent phrase.
    fn agents_in(&self, h: usize) -> Vec<&AgentCode> {
        let mut ts = Vec::new();
        self.np(h, &mut ts);
        ts.sort_unstable();
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for &t in &ts {
            if let Some(a) = &self.agent[t]
                && !seen.contains(&self.phrase_start[t])
            {
                seen.push(self.phrase_start[t]);
                out.push(a);
            }
        }
        out
    }

    /// An adverbial clause that is an infinitive with "to" ("signed an accord to supply …").
    fn purpose_clause(&self, c: usize) -> bool {
        self.rel(c) == "advcl"
            && self.children[c]
                .iter()
                .any(|&m| self.rel(m) == "mark" && self.upper[m] == "TO")
    }

    /// The agent codes of the modifiers before the head of the phrase headed by `h`
    /// ("Islamist" in "the Danish Islamist media"), in text order.
    fn modifier_agents(&self, h: usize) -> Vec<&AgentCode> {
        let mut ts = Vec::new();
        self.np(h, &mut ts);
        ts.sort_unstable();
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for &t in &ts {
            if t < self.phrase_start[h]
                && let Some(a) = &self.agent[t]
                && !seen.contains(&self.phrase_start[t])
            {
                seen.push(self.phrase_start[t]);
                out.push(a);
            }
        }
        out
    }

    fn combine(actor: &str, agents: &[&AgentCode]) -> String {
        let mut code = actor.to_string();
        for a in agents {
            if a.before {
                code = format!("{}{code}", a.code);
            } else if !code.ends_with(&a.code) {
                code.push_str(&a.code);
            }
        }
        code
    }

    /// Whether the verb at `v` gives its object a name or quality ("called Kavanaugh
    /// \"hysterical\"", "called the attack cowardly", "branded them traitors"): no telephone
    /// call and no act named by the object. The predicate is an `xcomp` that is no verb (an
    /// infinitive is an appeal: "called on them to leave"), or a word the parser hangs on the
    /// verb right after its object.
    fn names_its_object(&self, v: usize) -> bool {
        if !matches!(
            self.upper_lemma[v].as_str(),
            "CALL" | "DUB" | "LABEL" | "BRAND" | "TERM"
        ) {
            return false;
        }
        let predicate = |c: usize| matches!(self.toks[c].upos.as_ref(), "ADJ" | "NOUN" | "PROPN");
        self.kids(v, "xcomp").any(predicate)
            || self.kids(v, "obj").any(|o| {
                // An adjective (or an adverb in -ly, as the tagger reads "cowardly") hung on
                // the verb right after its object.
                self.children[v].iter().any(|&c| {
                    c > o
                        && self.children[o].iter().all(|&k| k < c)
                        && (self.toks[c].upos == "ADJ" && self.rel(c) != "conj"
                            || self.rel(c) == "advmod" && self.upper[c].ends_with("LY"))
                })
            })
    }

    /// The act named by the object of a support verb at `v` ("launched an offensive",
    /// "undertook a mediation mission", "continued their hunger strike"): the object's
    /// word and the act's CAMEO code, from [`super::nominal`].
    fn nominal_act(&self, v: usize) -> Option<(usize, &'static str)> {
        // The lemmatizer now and then cuts a base form ("will halt" → "hal"): a form that is
        // itself one of the listed verbs stands for its lemma.
        let listed = |w: &str| {
            super::nominal::is_halting_verb(w, Some("OFF"))
                || super::nominal::is_support_verb(w)
                || super::nominal::is_blocking_verb(w)
        };
        let lemma = if !listed(&self.upper_lemma[v]) && listed(&self.upper[v]) {
            self.upper[v].as_str()
        } else {
            self.upper_lemma[v].as_str()
        };
        // The particle as parsed, else the word right after the verb ("called off" is
        // often read with "off" as a preposition).
        let particle = self
            .kids(v, "compound:prt")
            .next()
            .or_else(|| (v + 1 < self.toks.len() && self.upper[v + 1] == "OFF").then_some(v + 1))
            .map(|p| self.upper[p].as_str());
        // "Workers blocked the bridge": obstructing a passage, whatever the verb's block says.
        if let Some((o, c)) = self.objects(v).into_iter().find_map(|o| {
            super::nominal::obstruction_code(lemma, &self.upper_lemma[o]).map(|c| (o, c))
        }) {
            return Some((o, c));
        }
        let halting = super::nominal::is_halting_verb(lemma, particle);
        if !halting && (particle == Some("OFF") || !super::nominal::is_support_verb(lemma)) {
            return None;
        }
        let mut objects = self.objects(v);
        // "called off a strike" parsed with "off" as the object's preposition.
        objects.extend(self.kids(v, "obl").filter(|&o| {
            self.children[o]
                .iter()
                .any(|&m| self.rel(m) == "case" && Some(self.upper[m].as_str()) == particle)
        }));
        for o in objects {
            let modifiers: Vec<&str> = self
                .kids(o, "compound")
                .chain(self.kids(o, "amod"))
                // "grève de la faim", "opération de médiation".
                .chain(self.kids(o, "nmod").filter(|&m| m > o))
                .map(|m| self.upper_lemma[m].as_str())
                .collect();
            let act = super::nominal::act_code(&self.upper_lemma[o], &modifiers);
            let code = if halting {
                act.and_then(super::nominal::halt_code)
            } else {
                act
            };
            if let Some(c) = code {
                return Some((o, c));
            }
        }
        None
    }

    /// Whether the phrase at `c` is a place phrase ("in Chile", "across France", "à Rabat").
    fn located(&self, c: usize) -> bool {
        self.children[c].iter().any(|&m| {
            self.rel(m) == "case"
                && matches!(
                    self.upper[m].as_str(),
                    "IN" | "ACROSS" | "THROUGHOUT" | "AT" | "À" | "EN" | "DANS"
                )
        })
    }

    /// The words from the first actor of the phrase at `h` up through its heads to `h`
    /// (to the root if `h` is not on the way); empty when the phrase names no actor.
    fn actor_path(&self, h: usize) -> Vec<usize> {
        let mut ts = Vec::new();
        self.np(h, &mut ts);
        ts.sort_unstable();
        let Some(&a) = ts.iter().find(|&&t| matches!(self.actor[t], Some(Some(_)))) else {
            return Vec::new();
        };
        let mut path = vec![a];
        let mut w = a;
        while w != h && path.len() <= self.toks.len() {
            match self.toks[w].head {
                Some(up) if up < self.toks.len() => w = up,
                _ => break,
            }
            path.push(w);
        }
        path
    }

    /// Whether the actor of the phrase at `h` is named as where something comes from
    /// ("acheminer de l'aide depuis Jakarta"): French "depuis" marks an origin only, never a
    /// recipient. (English "from" is left alone: the dictionaries' reversed patterns read the
    /// giver in "received aid from X".)
    fn actor_origin(&self, h: usize) -> bool {
        self.actor_path(h).into_iter().any(|w| {
            self.children[w]
                .iter()
                .any(|&m| self.rel(m) == "case" && self.upper[m] == "DEPUIS")
        })
    }

    /// Whether the actor of the phrase at `h` is inside an apposition of it that names no actor
    /// or role at its own head ("Clark, le plan Chequers de Theresa May").
    fn actor_in_bare_apposition(&self, h: usize) -> bool {
        self.actor_path(h).into_iter().any(|w| {
            w != h && self.rel(w) == "appos" && self.actor[w].is_none() && self.agent[w].is_none()
        })
    }

    /// Whether the actor of the phrase at `h` is named in a place phrase: the phrase itself
    /// ("in Lebanon") or one inside it ("a protest in Lebanon").
    /// Whether these words name a news outlet: a capitalised "News", "Post", "Times" …
    fn names_outlet(&self, words: std::ops::Range<usize>) -> bool {
        words.into_iter().any(|k| {
            self.toks.get(k).is_some_and(|t| {
                t.form.chars().next().is_some_and(char::is_uppercase)
                    && MEDIA_NAME_WORDS.contains(&self.upper[k].as_str())
            })
        })
    }

    /// "la responsable écossaise du Bat Conservation Trust", "conseiller … pour le NTS": a
    /// role word of a body named by a name no dictionary knows (two capitalised words or an
    /// acronym) works for that body, not for a government.
    fn officer_of_unknown_body(&self, h: usize) -> bool {
        let r = self.np_range(h);
        let cap = |j: usize| {
            self.toks[j]
                .form
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        for k in r.clone() {
            if !matches!(
                self.upper[k].as_str(),
                "DE" | "D'" | "POUR" | "OF" | "FOR" | "CHEZ"
            ) {
                continue;
            }
            let mut q = k + 1;
            while q < r.end && matches!(self.upper[q].as_str(), "LE" | "LA" | "L'" | "LES" | "THE")
            {
                q += 1;
            }
            let caps = (q..r.end).take_while(|&j| cap(j)).count();
            let acronym = q < r.end
                && self.toks[q].form.chars().count() >= 2
                && self.toks[q].form.chars().all(|c| c.is_ascii_uppercase());
            if (caps >= 2 || acronym)
                && !(q..q + caps.max(1)).any(|j| matches!(self.actor.get(j), Some(Some(Some(_)))))
            {
                return true;
            }
        }
        false
    }

    fn actor_located(&self, h: usize) -> bool {
        self.actor_path(h).into_iter().any(|w| self.located(w))
    }

    /// Whether the verb at `v` heads the sentence: its root, a conjunct of the root, or an
    /// `xcomp` of either ("promised to continue"). A clause fronted before the speech verb
    /// that reports it ("A judge opened an inquiry, the court said"; "…, a indiqué le
    /// ministère") is the story's main clause too, however the parser attached it.
    fn main_clause(&self, v: usize) -> bool {
        let mut w = v;
        for _ in 0..self.toks.len() {
            match self.toks[w].head {
                None => return true,
                Some(h) if h < self.toks.len() && matches!(self.rel(w), "conj" | "xcomp") => w = h,
                Some(h) if h < self.toks.len() && self.reported_before(w, h) => w = h,
                Some(h) if h < self.toks.len() && self.adjective_complement(w, h) => w = h,
                Some(_) => return false,
            }
        }
        false
    }

    /// "has been quick to denounce", "were glad to meet": an infinitive after the adjective
    /// predicate it completes, which the parser (like EWT for "glad", "pleased") may attach as
    /// `advcl`. The adjective's subject does the act, as with an `xcomp`.
    fn adjective_complement(&self, c: usize, h: usize) -> bool {
        h < c
            && self.rel(c) == "advcl"
            && self.toks[h].upos == "ADJ"
            && self.kids(h, "cop").next().is_some()
            && self
                .kids(c, "mark")
                .any(|m| m + 1 == c && matches!(self.upper[m].as_str(), "TO" | "À" | "DE" | "D'"))
    }

    /// `c` is a clause before its head `h`, a speech verb at the root, with a subject and no
    /// subordinator of its own ("if", "when", "quand" make an adverbial clause, not what was
    /// said; a participle without a subject, "Ousted President X …", is no clause at all).
    fn reported_before(&self, c: usize, h: usize) -> bool {
        c < h
            && self.toks[h].head.is_none()
            && matches!(self.rel(c), "advcl" | "ccomp" | "parataxis")
            && SPEECH_LEMMAS.contains(&self.upper_lemma[h].as_str())
            && self.kids(c, "mark").next().is_none()
            && (self.kids(c, "nsubj").next().is_some()
                || self.kids(c, "nsubj:pass").next().is_some())
    }

    /// Codes of the phrase at `h` and of the phrases coordinated with it; a conjunct without
    /// an actor of its own shares the first one's ("lawmakers and officials in Arnor").
    fn codes(&self, h: usize) -> Vec<(String, usize)> {
        let first = self.actors_in(h);
        let mut out = Vec::new();
        let mut stack = vec![h];
        let mut seen = Vec::new();
        while let Some(x) = stack.pop() {
            if seen.contains(&x) {
                continue;
            }
            seen.push(x);
            let own = self.actors_in(x);
            let own_empty = own.is_empty();
            let actors = if own.is_empty() && x != h && !self.agents_in(x).is_empty() {
                first.clone()
            } else {
                own
            };
            let mut agents = self.agents_in(x);
            // "The Danish Islamist media and government": a bare conjunct shares the first
            // conjunct's modifiers, its roles as well as its country.
            if x != h
                && own_empty
                && !self.children[x]
                    .iter()
                    .any(|&c| c < x && matches!(self.rel(c), "amod" | "compound" | "nmod"))
            {
                let mut shared = self.modifier_agents(h);
                shared.retain(|a| !agents.iter().any(|b| b.code == a.code));
                shared.extend(agents);
                agents = shared;
            }
            for a in &actors {
                let c = Self::combine(a, &agents);
                if !out.iter().any(|(o, _)| *o == c) {
                    out.push((c, x));
                }
            }
            stack.extend(self.kids(x, "conj"));
        }
        out
    }

    /// The dative noun of the verb `h` that controls its infinitive `i`: "permettre à X de",
    /// "demander aux X de" ("à" and the noun before the infinitive, introduced by "de" or
    /// "à").
    fn dative_controller(&self, i: usize, h: usize) -> Option<usize> {
        // A French infinitive is its own lemma.
        let t = &self.toks[i];
        let infinitive = t.form.to_lowercase() == t.lemma.to_lowercase()
            && self.kids(i, "nsubj").next().is_none()
            && self
                .kids(i, "mark")
                .any(|m| matches!(self.upper[m].as_str(), "DE" | "D'" | "À"));
        if !infinitive || !DATIVE_CONTROL.contains(&self.upper_lemma[h].as_str()) {
            return None;
        }
        self.children[h].iter().copied().find(|&o| {
            o < i
                && self.rel(o) == "obl"
                && matches!(self.toks[o].upos.as_ref(), "NOUN" | "PROPN")
                && self.kids(o, "case").any(|c| self.upper[c] == "À")
        })
    }

    /// The dependent of `h` whose phrase holds the first actor of `h`'s phrase, when it hangs
    /// on `h` as a nominal or oblique modifier ("of 4,000 UK adults", "in Nairobi"): an actor
    /// named inside a modifier, not by the phrase's head.
    fn actor_modifier(&self, h: usize) -> Option<usize> {
        let mut ts = Vec::new();
        self.np(h, &mut ts);
        ts.sort_unstable();
        let &a0 = ts
            .iter()
            .find(|&&t| matches!(self.actor[t], Some(Some(_))))?;
        let mut w = a0;
        for _ in 0..self.toks.len() {
            match self.toks[w].head {
                Some(p) if p != h && p < self.toks.len() => w = p,
                _ => break,
            }
        }
        (w != h && self.toks[w].head == Some(h) && matches!(self.rel(w), "nmod" | "obl"))
            .then_some(w)
    }

    /// Whether the phrase headed by `h` is a name with no code or role of its own whose first
    /// actor is in a place phrase hung on it ("Jane Doe, 79, in Nairobi").
    fn name_placed_only(&self, h: usize) -> bool {
        self.toks[h].upos == "PROPN"
            && !matches!(self.actor[h], Some(Some(_)))
            && self.agents_in(h).is_empty()
            && self.actor_modifier(h).is_some_and(|w| {
                self.kids(w, "case")
                    .any(|c| matches!(self.upper[c].as_str(), "IN" | "AT" | "À" | "DANS" | "EN"))
            })
    }

    /// Whether the first actor of the phrase headed by the survey noun `h` is in its "of"
    /// phrase: the people asked ("a poll of 4,000 UK adults"), not who ran the survey.
    fn sample_actor(&self, h: usize) -> bool {
        self.actor_modifier(h).is_some()
    }

    /// "Farmers blocked highways across France", "Students in Lagos marched": a subject
    /// with a domestic role and no country of its own acts where the sentence places it, in a
    /// place phrase of its own or of the verb `v`. Government and military roles are left
    /// alone: troops or officials in a country are often another country's. Gives the
    /// source's code and the country of the place.
    fn placed_code(&self, a: usize, v: usize) -> Option<(String, String)> {
        let agents = self.agents_in(a);
        let domestic = |code: &str| {
            code.len().is_multiple_of(3)
                && code
                    .as_bytes()
                    .chunks(3)
                    .all(|c| DOMESTIC_ROLES.iter().any(|r| r.as_bytes() == c))
        };
        if agents.is_empty() || !agents.iter().all(|g| domestic(&g.code)) {
            return None;
        }
        let located = |c: usize| self.located(c);
        let mut ts = Vec::new();
        self.np(a, &mut ts);
        ts.sort_unstable();
        let own = ts
            .into_iter()
            .filter(|&t| t != a && self.rel(t) == "nmod" && located(t));
        // The verb's own place phrases, then those of its arguments ("blocked highways across
        // France", "rioted at a jail in Caracas").
        let args: Vec<usize> = self.children[v]
            .iter()
            .copied()
            .filter(|&c| matches!(self.rel(c), "obj" | "obl"))
            .collect();
        let verbs = args
            .iter()
            .copied()
            .filter(|&c| self.rel(c) == "obl" && located(c));
        let nested = args
            .iter()
            .flat_map(|&c| self.children[c].iter().copied())
            .filter(|&c| self.rel(c) == "nmod" && located(c));
        // The place is a name ("across France"), not a phrase an actor modifies ("in
        // Bolivia's favour").
        own.chain(verbs).chain(nested).find_map(|p| {
            if self.toks[p].upos != "PROPN" {
                return None;
            }
            let country = self.actors_in(p).into_iter().find(|c| c.len() == 3)?;
            Some((Self::combine(&country, &agents), country))
        })
    }

    fn word_is(&self, d: &VerbDict, w: &super::dict::PWord, t: usize) -> bool {
        d.word_matches(w, &self.upper[t]) || d.word_matches(w, &self.upper_lemma[t])
    }

    /// Does the phrase `p` match the phrase headed by `h` (head word, modifiers inside)?
    fn phrase_at(&self, d: &VerbDict, p: &PPhrase, h: usize) -> bool {
        let mut ts = Vec::new();
        self.np(h, &mut ts);
        let has = |x: &str| {
            ts.iter()
                .any(|&t| t != h && (self.upper[t] == x || self.upper_lemma[t] == x))
        };
        if !self.word_is(d, p.head(), h) {
            // A one-word pattern also matches a modifier of the phrase, as TABARI's patterns
            // did ("fired two artillery shells" for "* ARTILLERY").
            // Not a word inside the phrase's own prepositional phrase, though: "allow access
            // to all areas" has no town as its object.
            return p.words.len() == 1
                && ts
                    .iter()
                    .any(|&t| self.word_is(d, p.head(), t) && !self.nested_noun(t, h));
        }
        // A synset's multiword member needs its own modifiers too.
        let head_ok = |form: &str| d.phrase_matches(p.head(), form, has);
        if !head_ok(&self.upper[h]) && !head_ok(&self.upper_lemma[h]) {
            return false;
        }
        // The modifiers come in the pattern's order, the last one right before the head, as
        // PETRARCH's validation records read "{NEW &TIETYPES RELATIONS}": "new global economic
        // relations" matches, "new global economic trade relations" and "cultural secret
        // memos" (for "{&TIETYPES MEMOS}") do not.
        let Some((last, earlier)) = p.words[..p.words.len() - 1].split_last() else {
            return true;
        };
        // "death and injury toll" has "death" right before the head through its conjunct.
        let next_to_head = |k: usize| {
            self.word_is(d, last, k)
                || self.rel(k) == "conj"
                    && self.toks[k].head.is_some_and(|c| self.word_is(d, last, c))
        };
        let in_phrase = |k: usize| {
            ts.contains(&k)
                || self.rel(k) == "conj" && self.toks[k].head.is_some_and(|c| ts.contains(&c))
        };
        if h == 0 || !in_phrase(h - 1) || !next_to_head(h - 1) {
            return false;
        }
        let mut before: Vec<usize> = ts.iter().copied().filter(|&t| t + 1 < h).collect();
        before.sort_unstable();
        let mut at = 0;
        earlier.iter().all(|w| {
            while at < before.len() && !self.word_is(d, w, before[at]) {
                at += 1;
            }
            let found = at < before.len();
            at += 1;
            found
        })
    }

    /// Arguments with a preposition `prep` under `i` (and under its objects): their heads.
    fn pp_args(&self, i: usize, prep: &str) -> Vec<usize> {
        // French elides "de" before a vowel: the dictionaries' "(DE URGENCE)", "MANDAT (DE
        // ARRÊT)" are read in "l'état d'urgence", "un mandat d'arrêt".
        let is_prep = |m: usize| {
            self.upper[m] == prep || prep == "DE" && matches!(self.upper[m].as_str(), "D'" | "D’")
        };
        let mut hosts = vec![i];
        let objects = self.objects(i);
        // "welcomed memos on trade from Osterland": a phrase after the object's own
        // prepositional phrase, which the parser may hang on that phrase's noun.
        let nested: Vec<usize> = objects
            .iter()
            .flat_map(|&o| self.children[o].iter().copied())
            .filter(|&c| self.rel(c) == "nmod")
            .collect();
        hosts.extend(objects);
        hosts.extend(nested);
        // A phrase after a name (or an actor) that is itself an oblique of the verb
        // ("celebrated the feast at Ashbury with the Danes"): a name rarely takes a modifier
        // of its own besides "of", so the parser's attachment to the name is the usual
        // attachment ambiguity and the phrase belongs to the verb.
        let named_obliques: Vec<usize> = self.children[i]
            .iter()
            .copied()
            .filter(|&c| {
                c > i
                    && self.rel(c) == "obl"
                    && (self.toks[c].upos == "PROPN" || matches!(self.actor[c], Some(Some(_))))
            })
            .collect();
        let mut out = Vec::new();
        for &h in &named_obliques {
            for &c in &self.children[h] {
                if c > h
                    && self.rel(c) == "nmod"
                    && !matches!(prep, "OF" | "DE" | "DU" | "DES" | "D'")
                    && self.children[c]
                        .iter()
                        .any(|&m| self.rel(m) == "case" && is_prep(m))
                {
                    out.push(c);
                }
            }
        }
        for h in hosts {
            for &c in &self.children[h] {
                // The infinitive's "to" ("welcomed the statement as proof of a wish for a
                // settlement to be reached") is no preposition "to".
                let infinitive = |m: usize| self.upper[m] == "TO" && self.toks[m].upos == "PART";
                if matches!(self.rel(c), "obl" | "nmod" | "advcl" | "obl:agent")
                    && self.children[c].iter().any(|&m| {
                        matches!(self.rel(m), "case" | "mark") && is_prep(m) && !infinitive(m)
                    })
                {
                    out.push(c);
                }
                if self.rel(c) == "compound:prt" && self.upper[c] == prep {
                    out.push(c);
                }
            }
        }
        out
    }

    fn objects(&self, i: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.kids(i, "obj").collect();
        out.extend(self.kids(i, "iobj"));
        // A bare noun phrase after the verb that the parser labelled a plain oblique ("condemned
        // an attack" read as `obl` with no preposition) is its object; dates and durations
        // carry their own subtypes (`obl:tmod`, `obl:npmod`, `obl:unmarked`) and stay out.
        out.extend(self.children[i].iter().copied().filter(|&c| {
            c > i
                && matches!(self.toks[c].deprel.as_str(), "obl" | "nmod")
                && matches!(self.toks[c].upos.as_ref(), "NOUN" | "PROPN")
                && !self.children[c]
                    .iter()
                    .any(|&k| matches!(self.rel(k), "case" | "mark"))
                && !matches!(
                    self.upper_lemma[c].as_str(),
                    "MONDAY"
                        | "TUESDAY"
                        | "WEDNESDAY"
                        | "THURSDAY"
                        | "FRIDAY"
                        | "SATURDAY"
                        | "SUNDAY"
                        | "TODAY"
                        | "YESTERDAY"
                        | "TOMORROW"
                        | "DAY"
                        | "WEEK"
                        | "WEEKEND"
                        | "MONTH"
                        | "YEAR"
                        | "NIGHT"
                        | "MORNING"
                        | "EVENING"
                        | "TIME"
                        | "LUNDI"
                        | "MARDI"
                        | "MERCREDI"
                        | "JEUDI"
                        | "VENDREDI"
                        | "SAMEDI"
                        | "DIMANCHE"
                        | "HIER"
                        | "AUJOURD'HUI"
                        | "DEMAIN"
                        | "JOUR"
                        | "SEMAINE"
                        | "WEEK-END"
                        | "MOIS"
                        | "AN"
                        | "ANNÉE"
                        | "SOIR"
                        | "MATIN"
                        | "NUIT"
                        | "FOIS"
                )
        }));
        out.extend(
            self.kids(i, "xcomp")
                .filter(|&x| matches!(self.toks[x].upos.as_ref(), "NOUN" | "PROPN" | "PRON")),
        );
        let conj: Vec<usize> = out.iter().flat_map(|&o| self.kids(o, "conj")).collect();
        out.extend(conj);
        out
    }

    /// "Russia said its forces had destroyed …", "Israël affirme que ses troupes ont …": a
    /// role phrase owned by a possessive pronoun, in a clause under another verb, belongs to
    /// that verb's subject; the code is that actor's country with the phrase's roles.
    fn possessed_code(&self, a: usize, i: usize) -> Option<String> {
        let agents = self.agents_in(a);
        if agents.is_empty() {
            return None;
        }
        let possessive = self.children[a].iter().any(|&m| {
            matches!(self.rel(m), "nmod:poss" | "nmod" | "det")
                && matches!(
                    self.upper[m].as_str(),
                    "ITS" | "THEIR" | "HIS" | "HER" | "SON" | "SA" | "SES" | "LEUR" | "LEURS"
                )
        });
        if !possessive {
            return None;
        }
        let mut v = i;
        for _ in 0..4 {
            let h = self.toks[v].head?;
            if !matches!(
                self.rel(v),
                "ccomp" | "conj" | "advcl" | "xcomp" | "parataxis"
            ) {
                return None;
            }
            let owner = self
                .subjects(h, 0)
                .into_iter()
                .flat_map(|o| self.codes(o))
                .next();
            if let Some((code, _)) = owner {
                let country = code.get(..3)?;
                let role = POLITICAL_ROLES.contains(&country) || DOMESTIC_ROLES.contains(&country);
                let body = ["IGO", "NGO", "IMG", "MNC"].contains(&country);
                return (!role && !body && country.bytes().all(|b| b.is_ascii_uppercase()))
                    .then(|| Self::combine(country, &agents));
            }
            v = h;
        }
        None
    }

    /// For a third-person pronoun ("it", "they", "il", "elles"), the closest word before it
    /// that codes as an actor: "issued a reminder to Iraq that it must cooperate".
    fn antecedent(&self, a: usize) -> Option<usize> {
        if self.toks[a].upos != "PRON"
            || !matches!(
                self.upper[a].as_str(),
                "IT" | "THEY" | "IL" | "ILS" | "ELLE" | "ELLES"
            )
        {
            return None;
        }
        (0..a).rev().find(|&k| {
            matches!(self.toks[k].upos.as_ref(), "NOUN" | "PROPN") && !self.codes(k).is_empty()
        })
    }

    /// "the warships, said to allow …": "say" with an infinitive right after it reports
    /// hearsay about its subject, which says nothing and does not do the infinitive's act.
    /// (Only right after: "say … to set up" may be another verb's purpose clause the parser
    /// hung on "say".)
    fn hearsay(&self, i: usize) -> bool {
        let (to, c) = (i + 1, i + 2);
        self.upper_lemma[i] == "SAY"
            && c < self.toks.len()
            && self.upper[to] == "TO"
            && self.toks[to].head == Some(c)
            && self.rel(c) == "xcomp"
            && self.toks[c].head == Some(i)
    }

    fn subjects(&self, i: usize, depth: usize) -> Vec<usize> {
        if depth > 0 && self.hearsay(i) {
            return Vec::new();
        }
        let mut s: Vec<usize> = self.kids(i, "nsubj").collect();
        // Up the chain, a passive subject controls too: "was quoted as saying he would …",
        // "was forced to resign". Not where the passive says the act is only expected,
        // believed or alleged ("is expected to see", "was convicted of murdering").
        if s.is_empty() && depth > 0 && !PASSIVE_NOT_DONE.contains(&self.upper_lemma[i].as_str()) {
            s.extend(self.kids(i, "nsubj:pass"));
        }
        if depth > 3 {
            return s;
        }
        // A personal pronoun subject of a complement clause is the main clause's subject
        // ("Ethiopia indicated it would act …"): the common case of coreference.
        let pronoun = s.len() == 1
            && self.toks[s[0]].upos == "PRON"
            && matches!(
                self.upper[s[0]].as_str(),
                "IT" | "HE" | "SHE" | "THEY" | "WE" | "IL" | "ELLE" | "ILS" | "ELLES"
            );
        if !s.is_empty() && !pronoun {
            return s;
        }
        let dative = match (self.rel(i), self.toks[i].head) {
            ("xcomp" | "ccomp", Some(h)) => self.dative_controller(i, h),
            _ => None,
        };
        let up = match (self.rel(i), self.toks[i].head) {
            // Object control: "forced the rebels to withdraw", "a poussé les rebelles à se
            // retirer": the object of the governing verb does the infinitive's act.
            ("xcomp", Some(h))
                if self
                    .kids(h, "obj")
                    .chain(self.kids(h, "iobj"))
                    .any(|o| o < i && matches!(self.toks[o].upos.as_ref(), "NOUN" | "PROPN")) =>
            {
                self.kids(h, "obj")
                    .chain(self.kids(h, "iobj"))
                    .filter(|&o| o < i)
                    .collect()
            }
            // "Instead, he noted, the U.S. is continuing …": a pronoun's verb inserted
            // between commas before the clause it reports speaks for someone else.
            ("advcl", Some(h))
                if pronoun && h > i && self.upper.get(i + 1).is_some_and(|w| w == ",") =>
            {
                Vec::new()
            }
            // "a permis au FBI de mener une enquête", "a demandé aux rebelles de se
            // retirer": a French infinitive after "de" or "à" is done by the governing verb's
            // dative, however the parser attached the clause.
            ("xcomp" | "ccomp", Some(_)) if dative.is_some() => dative.into_iter().collect(),
            ("xcomp" | "conj" | "advcl", Some(h)) => self.subjects(h, depth + 1),
            // "issued a statement condemning the attack", "a publié un communiqué
            // condamnant …": the document's author does what the document does.
            ("acl", Some(h))
                if self.rel(h) == "obj"
                    && STATEMENT_NOUNS.contains(&self.upper_lemma[h].as_str())
                    && let Some(g) = self.toks[h].head =>
            {
                self.subjects(g, depth + 1)
            }
            ("ccomp", Some(h)) if pronoun => self.subjects(h, depth + 1),
            _ => Vec::new(),
        };
        if up.is_empty() { s } else { up }
    }

    fn elem_matches(&self, d: &VerbDict, e: &Elem, i: usize, pre: bool) -> Option<Vec<usize>> {
        match e {
            // "- * ON [190]" (PRESS ON), "- * AHEAD [170]" (PUSH AHEAD): a particle comes right
            // after its verb; "demanded restrictions on traders" is no "pressing on".
            Elem::Noun(p) if !pre && particle(p).is_some() => {
                let w = particle(p)?;
                (i + 1..(i + 2).min(self.toks.len()))
                    .chain(
                        self.children[i]
                            .iter()
                            .copied()
                            .filter(|&k| self.rel(k) == "compound:prt"),
                    )
                    .find(|&k| self.upper[k] == w)
                    .map(|k| vec![k])
            }
            Elem::Noun(p) => {
                let cands = if pre {
                    let mut s = self.subjects(i, 0);
                    s.extend(self.kids(i, "nsubj:pass"));
                    // Words before the verb that depend on it: auxiliaries, adverbs and the
                    // French reflexive pronoun ("- HAVE * BAN", "- SAID WOULD NOT *",
                    // "- SOI * [040]" for "se sont rencontrés").
                    s.extend(self.children[i].iter().copied().filter(|&c| {
                        c < i && matches!(self.rel(c), "aux" | "aux:pass" | "advmod" | "expl")
                            || c < i && self.rel(c) == "obj" && self.toks[c].upos == "PRON"
                    }));
                    s
                } else {
                    let mut o = self.objects(i);
                    // "vowed to wage war on X": for a verb without an object of its own, the
                    // object of its infinitive complement comes after the verb as the
                    // pattern reads it.
                    let bare = o.is_empty();
                    let xcomp: Vec<usize> = self.children[i]
                        .iter()
                        .copied()
                        .filter(|&x| {
                            bare && x > i
                                && self.toks[x].upos == "VERB"
                                && (self.rel(x) == "xcomp" || self.purpose_clause(x))
                        })
                        .collect();
                    for x in xcomp {
                        o.extend(self.kids(x, "obj"));
                    }
                    o
                };
                cands
                    .into_iter()
                    .map(|h| self.partitive_whole(h))
                    .find(|&h| self.phrase_at(d, p, h))
                    .map(|h| vec![h])
            }
            Elem::Prep(prep, p) => {
                let args = self.pp_args(i, prep);
                let hit: Vec<usize> = args
                    .into_iter()
                    .filter(|&a| (a < i) == pre || !pre)
                    .filter(|&a| match p {
                        Some(p) => self.phrase_at(d, p, a),
                        // "called the king on Tuesday": a bare "(ON)" wants an addressee,
                        // and a date is none.
                        None => !TIME_NOUNS.contains(&self.upper_lemma[a].as_str()),
                    })
                    .collect();
                (!hit.is_empty()).then_some(hit)
            }
        }
    }

    /// The actors that a complement clause of `i` says must act: the subject of a clause
    /// with "must"/"should" ("that Sudan must return"), or of French "devoir" and "falloir"
    /// ("que Bamako doit rendre").
    fn obliged_subjects(&self, i: usize) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        for c in self.kids(i, "ccomp") {
            let modal = |k: usize| {
                matches!(self.upper[k].as_str(), "MUST" | "SHOULD")
                    || matches!(self.upper_lemma[k].as_str(), "DEVOIR" | "FALLOIR")
            };
            let obliged = modal(c)
                || self.children[c]
                    .iter()
                    .any(|&a| self.rel(a).starts_with("aux") && modal(a));
            if obliged {
                out.extend(
                    self.kids(c, "nsubj")
                        .chain(self.kids(c, "nsubj:pass"))
                        .map(|a| self.antecedent(a).unwrap_or(a))
                        .flat_map(|a| self.codes(a)),
                );
            }
        }
        out
    }

    /// The verbs of the clauses [`Sent::obliged_subjects`] reads: each complement clause's
    /// head and the verbs it governs ("doit retirer": both).
    /// With `infinitives`, also the infinitive complement of a demand or an appeal ("urged
    /// Eriador to respond": no response yet).
    fn obliged_clauses(&self, i: usize, infinitives: bool) -> Vec<usize> {
        let mut heads: Vec<usize> = self.kids(i, "ccomp").collect();
        if infinitives {
            heads.extend(self.kids(i, "xcomp"));
            // "called on Morocco to release …" read with the infinitive an adverbial clause.
            heads.extend(self.kids(i, "advcl").filter(|&c| {
                c > i
                    && self.children[c]
                        .iter()
                        .any(|&m| self.rel(m) == "mark" && matches!(self.upper[m].as_str(), "TO"))
            }));
        }
        heads
            .into_iter()
            .flat_map(|c| self.obliged_clauses_of(c))
            .collect()
    }

    /// The verbs of the clause headed by `c`.
    fn obliged_clauses_of(&self, c: usize) -> Vec<usize> {
        // The whole clause is what is demanded ("demanded that the US cancel plans to sell
        // weapons": no sale either), but not a relative clause in it, which says what is
        // already so ("release the men who were arrested").
        let mut out = Vec::new();
        let mut stack = vec![c];
        while let Some(c) = stack.pop() {
            if out.contains(&c) {
                continue;
            }
            out.push(c);
            stack.extend(
                self.children[c]
                    .iter()
                    .copied()
                    .filter(|&k| !self.toks[k].deprel.starts_with("acl:relcl")),
            );
        }
        out
    }

    /// Whether the verb at `i` is future or conditional: its own form ("rencontrera", as
    /// the tagger's features say) or an auxiliary ("will", "would", "va signer").
    fn future_aux(&self, i: usize) -> bool {
        self.toks[i].future
            || self.children[i].iter().any(|&c| {
                self.rel(c) == "aux"
                    && (self.toks[c].future
                        || matches!(
                            self.upper[c].as_str(),
                            "WILL" | "WOULD" | "SHALL" | "'LL" | "WO"
                        )
                        || self.upper_lemma[c] == "ALLER")
            })
    }

    fn negated(&self, i: usize) -> bool {
        // French "ne … pas/jamais/guère"; a bare "ne" may be restrictive ("n'a vu que") or
        // expletive, so the second word decides.
        let negation = |c: usize| {
            self.rel(c) == "advmod"
                && matches!(
                    self.upper[c].as_str(),
                    "NOT" | "N'T" | "NEVER" | "PAS" | "JAMAIS" | "GUÈRE"
                )
        };
        // The negation may hang on the auxiliary ("ne va pas signer").
        self.children[i].iter().any(|&c| {
            negation(c) || self.rel(c) == "aux" && self.children[c].iter().any(|&g| negation(g))
        })
    }
}

/// "According to the police, …", "selon le ministre", "d'après les autorités": a statement
/// (010) by the phrase the attribution introduces; the attribution word stands as the verb.
fn attributions(s: &Sent<'_>) -> Vec<Coding> {
    let mut out = Vec::new();
    for (m, t) in s.toks.iter().enumerate() {
        let prev = m.checked_sub(1).map(|k| s.upper[k].as_str());
        let next = s.upper.get(m + 1).map(String::as_str);
        // "d'après" is parsed either way: "d'" the case with "après" fixed to it, or the
        // reverse.
        let attribution = match s.upper[m].as_str() {
            "SELON" | "ACCORDING" => true,
            "APRÈS" => prev == Some("D'"),
            "D'" => next == Some("APRÈS"),
            _ => false,
        };
        let Some(h) = t.head.filter(|&h| h < s.toks.len()) else {
            continue;
        };
        if !attribution || s.rel(m) != "case" {
            continue;
        }
        let mut codes = s.codes(h);
        if codes.is_empty() {
            // A role with no country speaks for no one the record can name unless it is a
            // public authority ("selon la police", "according to officials"): "according to
            // shelter workers" or "selon le professeur X" is no more an actor's statement
            // than "the professor said", which codes nothing.
            let agents = s.agents_in(h);
            if !agents.is_empty()
                && agents
                    .iter()
                    .any(|g| POLITICAL_ROLES.contains(&g.code.as_str()) || g.code == "COP")
            {
                codes.push((Sent::combine("", &agents), h));
            }
        }
        // "selon des documents déposés … dans le Nevada", "Selon Clark, le plan Chequers de
        // Theresa May …": an actor named in a place phrase, or inside an apposition that is
        // no actor itself (often the clause's subject the parser ran on), is not the source.
        codes.retain(|&(_, at)| !s.actor_located(at) && !s.actor_in_bare_apposition(at));
        // "according to a poll of 4,000 UK adults", "selon un sondage auprès de 1 000
        // électeurs américains": those asked are the sample, not who speaks.
        if SURVEY_NOUNS.contains(&s.upper_lemma[h].as_str()) && s.sample_actor(h) {
            codes.clear();
        }
        // "selon l'ABC News australien", "according to the London Gazette": a news outlet
        // named after its country or city is the press, not that country.
        codes.retain(|&(_, at)| !s.names_outlet(s.np_range(at)));
        // "According to local media": the press is where the story comes from, not an actor.
        // A spokesperson (Phoenix codes "spokesman" MED) speaking for an institution ("a
        // spokesman for the police department") is that institution's voice: kept.
        codes.retain(|(c, _)| {
            let media = c.ends_with("MED") || c.ends_with("JRN");
            let roles: Vec<&str> = c
                .as_bytes()
                .chunks(3)
                .filter_map(|r| std::str::from_utf8(r).ok())
                .collect();
            !media || speaks_for_institution(&roles)
        });
        for (code, at) in codes {
            // The phrase without the attribution words ("according to", "d'après").
            let mut words = s.np_range(at);
            while words.start + 1 < words.end
                && (words.start <= m || s.toks[words.start].head == Some(m))
            {
                words.start += 1;
            }
            out.push(Coding {
                source: code,
                target: String::new(),
                code: "010".into(),
                verb: m,
                source_words: words,
                target_words: 0..0,
                rule: "attribution".into(),
            });
        }
    }
    out
}

/// French verbs whose dative does the infinitive they govern ("permettre à X de", "demander
/// à X de"); "continuer, au contraire, de" has a dative-looking phrase that controls nothing.
const DATIVE_CONTROL: &[&str] = &[
    "PERMETTRE",
    "DEMANDER",
    "ORDONNER",
    "INTERDIRE",
    "DÉFENDRE",
    "CONSEILLER",
    "RECOMMANDER",
    "PROPOSER",
    "SUGGÉRER",
    "DIRE",
    "ENJOINDRE",
    "IMPOSER",
    "COMMANDER",
];

/// Surveys, whose "of" phrase names the people asked.
const SURVEY_NOUNS: &[&str] = &["POLL", "SURVEY", "SONDAGE", "ENQUÊTE", "STUDY", "ÉTUDE"];

/// Capitalised words that make a name a news outlet's ("ABC News", "The Washington Post").
#[rustfmt::skip]
const MEDIA_NAME_WORDS: &[&str] = &[
    "NEWS", "POST", "TIMES", "GAZETTE", "JOURNAL", "HERALD", "TRIBUNE", "TELEGRAPH", "PRESS",
    "DAILY", "CHRONICLE", "RADIO", "TV", "TÉLÉVISION", "MAGAZINE", "EXAMINER", "OBSERVER",
    "COURIER", "INQUIRER", "DISPATCH",
];

/// Verbs that report what their subject said, in both languages.
const SPEECH_LEMMAS: &[&str] = &[
    "SAY",
    "TELL",
    "ANNOUNCE",
    "REPORT",
    "STATE",
    "ADD",
    "CONFIRM",
    "DIRE",
    "DÉCLARER",
    "AFFIRMER",
    "ANNONCER",
    "INDIQUER",
    "PRÉCISER",
    "AJOUTER",
    "CONFIRMER",
    "EXPLIQUER",
    "RAPPORTER",
];

/// Roles that make a subject a political actor even when its country is not said ("the
/// prime minister", "rebels", "the opposition"); civilians, businesses or the media are not.
const POLITICAL_ROLES: &[&str] = &["GOV", "MIL", "REB", "OPP", "JUD", "LEG"];

/// Whether a phrase with these role codes speaks for an institution: with a spokesperson
/// (Phoenix codes "spokesman" `MED`), "a spokesman for the police department" is the
/// institution's voice, not the press.
pub fn speaks_for_institution(roles: &[&str]) -> bool {
    roles
        .iter()
        .any(|r| matches!(*r, "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY"))
}

/// Roles of people who act where they live (the agent codes [`Sent::placed_code`] places).
const DOMESTIC_ROLES: &[&str] = &[
    "CVL", "OPP", "LAB", "EDU", "AGR", "BUS", "MED", "REL", "HLH", "COP", "JUD", "LEG", "CRM",
];

/// The mark in a coding's rule of a negated act announced for the future ("would not meet"),
/// which the pipeline codes as a refusal of the act.
pub const REFUSED_AHEAD: &str = "+refused_ahead";

/// The rule of a statement that another actor must act, coded as a demand on it.
pub const REPORTED_DEMAND: &str = "reported_demand";

/// "declined to be named", "a refusé d'être nommé": the verb's complement is its own subject
/// being named, identified or quoted.
fn declined_to_be_named(s: &Sent<'_>, i: usize) -> bool {
    s.kids(i, "xcomp").any(|c| {
        matches!(
            s.upper_lemma[c].as_str(),
            "NAME" | "IDENTIFY" | "QUOTE" | "NOMMER" | "IDENTIFIER" | "CITER"
        ) && s.children[c].iter().any(|&a| {
            s.toks[a].deprel.starts_with("aux")
                && matches!(s.upper_lemma[a].as_str(), "BE" | "ÊTRE")
        })
    })
}

/// Verb uses the dictionaries read as events and are not (veille's supplement):
/// - "bat populations have declined": with nothing declined, declining is decreasing, not a
///   refusal (CAMEO.2.0 codes a bare "decline" 120);
/// - "offered stiff resistance": resisting, not an offer to cooperate (030);
/// - "for the elections to take place", "has taken steps to …": taking place is happening,
///   and taking steps or measures is doing what follows, not a seizure (a bare "take" 171).
fn idiom(s: &Sent<'_>, i: usize) -> bool {
    if s.hearsay(i) {
        return true;
    }
    let obj = |words: &[&str]| {
        s.kids(i, "obj")
            .any(|k| words.contains(&s.upper[k].as_str()))
    };
    // "saw that …", "sees the deal as a threat" say something; "the people saw his courage",
    // "Bolivians will watch the ruling", "awaits a ruling" perceive or wait.
    // ("as" hangs on the verb's argument or on the object: "sees the deal as a threat".)
    let as_phrase = |c: usize| {
        s.children[c]
            .iter()
            .any(|&m| matches!(s.rel(m), "case" | "mark") && s.upper[m] == "AS")
    };
    let says_something = || {
        s.kids(i, "ccomp").next().is_some()
            || s.children[i]
                .iter()
                .any(|&c| as_phrase(c) || s.children[c].iter().any(|&g| as_phrase(g)))
    };
    match s.upper_lemma[i].as_str() {
        "SEE" | "WATCH" | "WITNESS" | "VIEW" | "NOTICE" | "AWAIT" | "ANTICIPATE" => {
            !says_something()
        }
        // "a beaucoup à dire", "n'a rien à dire": having something to say is saying
        // nothing yet; "veut dire" is "means".
        "DIRE" => {
            s.children[i]
                .iter()
                .any(|&c| s.rel(c) == "mark" && s.upper[c] == "À")
                || s.toks[i]
                    .head
                    .is_some_and(|h| s.rel(i) == "xcomp" && s.upper_lemma[h] == "VOULOIR")
        }
        "DECLINE" if declined_to_be_named(s, i) => true,
        "DECLINE" => !["obj", "xcomp", "ccomp", "iobj"]
            .iter()
            .any(|r| s.kids(i, r).next().is_some()),
        // "a refusé d'être nommé": a source's anonymity, no rejection.
        "REFUSE" | "REFUSER" | "DÉCLINER" => declined_to_be_named(s, i),
        // "a demandé quand aurait lieu …", "asked whether …": a question, not a request.
        "DEMANDER" | "ASK" => {
            s.kids(i, "obj").next().is_none()
                && s.children[i].iter().any(|&c| {
                    matches!(s.rel(c), "ccomp" | "advcl" | "xcomp")
                        && c > i
                        && s.children[c].iter().any(|&m| {
                            matches!(s.rel(m), "mark" | "advmod")
                                && m < c
                                && matches!(
                                    s.upper[m].as_str(),
                                    "SI" | "S'"
                                        | "QUAND"
                                        | "POURQUOI"
                                        | "COMMENT"
                                        | "OÙ"
                                        | "WHETHER"
                                        | "IF"
                                        | "WHEN"
                                        | "WHY"
                                        | "HOW"
                                        | "WHERE"
                                )
                        })
                })
        }
        "OFFER" => obj(&["RESISTANCE"]),
        // "meet the cost", "met its targets": paying or reaching, not a meeting (040). ("would
        // not meet the demands" stays: PLOVER's records read it as a refusal.)
        "MEET" => obj(&[
            "COST",
            "COSTS",
            "EXPENSES",
            "BILL",
            "NEED",
            "NEEDS",
            "TARGET",
            "TARGETS",
            "GOAL",
            "GOALS",
            "DEADLINE",
            "REQUIREMENTS",
            "CRITERIA",
            "STANDARDS",
            "EXPECTATIONS",
            "OBLIGATIONS",
            "CONDITIONS",
        ]),
        // "released video of the confrontation": publishing, not freeing anyone (084).
        "RELEASE" => obj(&[
            "VIDEO",
            "VIDEOS",
            "FOOTAGE",
            "IMAGES",
            "IMAGE",
            "PHOTOS",
            "PHOTO",
            "PHOTOGRAPHS",
            "DATA",
            "FIGURES",
            "RESULTS",
            "DETAILS",
            "REPORT",
            "STATEMENT",
            "DOCUMENT",
            "DOCUMENTS",
            "RECORDING",
            "TRANSCRIPT",
            "FINDINGS",
            "LIST",
            "NAMES",
            "ALBUM",
            "FILM",
        ]),
        // "take a hard look", "took part", "takes office": no seizure.
        "TAKE" => obj(&[
            "PLACE",
            "STEP",
            "STEPS",
            "MEASURE",
            "MEASURES",
            "ACTION",
            "NOTE",
            "LOOK",
            "PART",
            "TIME",
            "CARE",
            "QUESTIONS",
            "PRIDE",
            "OFFICE",
            "ADVANTAGE",
            "SHAPE",
            "EFFECT",
            "ROOT",
            "TURN",
            "CREDIT",
            "STOCK",
        ]),
        _ => false,
    }
}

/// Particles of phrasal verbs that the dictionaries write as a bare pattern word ("* ON",
/// "* AHEAD", "* (OUT)" is a prepositional phrase and not one of these).
const PARTICLES: &[&str] = &[
    "ON",
    "OFF",
    "UP",
    "DOWN",
    "OUT",
    "IN",
    "OVER",
    "BACK",
    "AWAY",
    "ACROSS",
    "AHEAD",
    "ALONG",
    "AROUND",
    "FORWARD",
    "THROUGH",
    // A French adverb that makes an idiom of its verb the way a particle does: "accueillir
    // favorablement" is to welcome (praise), not to host.
    "FAVORABLEMENT",
];

/// The particle a pattern element is, if it is one bare particle word.
fn particle(p: &PPhrase) -> Option<&str> {
    match p.words.as_slice() {
        [super::dict::PWord::Lit(w)] if PARTICLES.contains(&w.as_str()) => Some(w),
        _ => None,
    }
}

/// Passive verbs whose subject is not the doer of the act under them: forecasts, beliefs,
/// reports, allegations and the law's verdicts ("is expected to see", "was convicted of
/// murdering", "was arrested on suspicion of …").
const PASSIVE_NOT_DONE: &[&str] = &[
    "EXPECT",
    "BELIEVE",
    "THINK",
    "REPORT",
    "SAY",
    "ALLEGE",
    "RUMOR",
    "RUMOUR",
    "FEAR",
    "SUSPECT",
    "ACCUSE",
    "CHARGE",
    "CONVICT",
    "ARREST",
    "DETAIN",
    "SENTENCE",
    "JAIL",
    "INDICT",
    "FIND",
    "CLEAR",
    "ACQUIT",
    "ESTIMATE",
    "PREDICT",
    "FORECAST",
    "ATTENDRE",
    "CROIRE",
    "SOUPÇONNER",
    "ACCUSER",
    "CONDAMNER",
    "ARRÊTER",
    "INCULPER",
];

/// Codes the events of one parsed sentence as PETRARCH does (an event needs a source and a
/// target); `date` (`YYYYMMDD`) selects date-restricted actor codes.
pub fn code_sentence(d: &PetrarchDicts, toks: &[Tok], date: Option<u32>) -> Vec<Coding> {
    code_sentence_with(d, toks, date, false)
}

/// [`code_sentence`], and with `untargeted` also the events whose verb names no target actor
/// ("Rwandan rebels demanded immediate elections"): their `target` is empty and
/// `target_words` an empty range. GDELT-style records allow them; PETRARCH's do not.
pub fn code_sentence_with(
    d: &PetrarchDicts,
    toks: &[Tok],
    date: Option<u32>,
    untargeted: bool,
) -> Vec<Coding> {
    let s = Sent::new(d, toks, date);
    let mut out: Vec<Coding> = Vec::new();
    // The verbs of clauses a reported demand says must happen: demanded, not done.
    let mut obliged_clauses: Vec<usize> = Vec::new();
    if untargeted && d.beyond_petrarch {
        out.extend(attributions(&s));
    }
    for i in 0..toks.len() {
        if !matches!(toks[i].upos.as_ref(), "VERB") {
            continue;
        }
        // "according to Die Zeit", "par Der Spiegel": a capitalised "verb" after a lowercase
        // preposition and before another capitalised word starts a name.
        if d.beyond_petrarch
            && i > 0
            && toks[i].form.chars().next().is_some_and(char::is_uppercase)
            && toks[i - 1].upos == "ADP"
            && toks[i - 1].form.chars().all(char::is_lowercase)
            && toks
                .get(i + 1)
                .is_some_and(|t| t.form.chars().next().is_some_and(char::is_uppercase))
        {
            continue;
        }
        // "according to court documents": a preposition, never the verb "accord" (grant).
        if s.upper[i] == "ACCORDING"
            && toks
                .get(i + 1)
                .is_some_and(|t| t.form.eq_ignore_ascii_case("to"))
        {
            continue;
        }
        if d.beyond_petrarch && idiom(&s, i) {
            continue;
        }
        // "urged Uganda to sign", "a exhorté l'Ouganda à signer": the act asked for is not
        // done, whether or not the dictionary codes the asking verb (CAMEO.2.0 has no "urge").
        // PETRARCH's validation records expect it too ("urged Eriador to respond to …" codes
        // the appeal alone), so this holds in validation runs as well.
        if APPEAL_LEMMAS.contains(&s.upper_lemma[i].as_str()) {
            obliged_clauses.extend(s.kids(i, "xcomp").flat_map(|x| s.obliged_clauses_of(x)));
        }
        let entries = d
            .verbs
            .forms
            .get(&s.upper[i])
            .or_else(|| d.verbs.forms.get(&s.upper_lemma[i]));
        // A particle verb ("met with") when its particle follows; else the plain verb.
        let follows = |p: &str| {
            let first = p.split_whitespace().next().unwrap_or(p);
            (i + 1..(i + 3).min(toks.len())).any(|k| s.upper[k] == first)
        };
        let entry = entries.and_then(|entries| {
            entries
                .iter()
                .find(|e| e.particle.as_deref().is_some_and(follows))
                .or_else(|| entries.iter().find(|e| e.particle.is_none()))
        });
        // "undertook a mediation mission", "reiterated its demand": a support verb whose
        // object names the act (veille's supplement; PETRARCH's runs leave it off).
        let nominal = if d.beyond_petrarch {
            s.nominal_act(i)
        } else {
            None
        };
        if entry.is_none() && nominal.is_none() {
            continue;
        }
        if s.names_its_object(i) {
            continue;
        }
        let negated = s.negated(i);
        if negated && d.pico.is_none() {
            continue;
        }
        let mut best: Option<(usize, &super::dict::VerbPattern, Vec<usize>)> = None;
        let patterns = entry.map_or(&[][..], |e| &d.verbs.blocks[e.block].patterns[..]);
        for p in patterns {
            let mut args = Vec::new();
            let ok = p
                .pre
                .iter()
                .map(|e| (e, true))
                .chain(p.post.iter().map(|e| (e, false)))
                .all(|(e, pre)| match s.elem_matches(&d.verbs, e, i, pre) {
                    Some(a) => {
                        if let Elem::Prep(..) = e {
                            args.extend(a);
                        }
                        true
                    }
                    None => false,
                });
            // "- % * [120]": a compound subject ("X and Y downplayed …").
            let ok = ok
                && (!p.compound_source || {
                    let subj = s.subjects(i, 0);
                    subj.len() >= 2 || subj.iter().any(|&h| s.kids(h, "conj").next().is_some())
                });
            let size = p.pre.len() + p.post.len() + p.compound_source as usize;
            if ok && size > 0 && best.as_ref().is_none_or(|(n, _, _)| size > *n) {
                best = Some((size, p, args));
            }
        }
        let nominal_code;
        let (code, mut rule, pp) = match (&best, nominal, entry) {
            (Some((_, p, args)), _, _) => (&p.code, format!("pattern:{}", p.line), args.clone()),
            (None, Some((noun, c)), _) => {
                nominal_code = super::dict::Code {
                    forward: Some(c.to_string()),
                    reverse: None,
                };
                (
                    &nominal_code,
                    format!("nominal:{}", s.upper_lemma[noun]),
                    Vec::new(),
                )
            }
            // "had recognized Beijing", "avaient reconnu Pékin": recognizing a named state or
            // government is granting it diplomatic recognition (054), in both languages
            // (petrarch2 reads "recognize" as praise, the French dictionary as an admission).
            (None, None, Some(_))
                if d.beyond_petrarch
                    && matches!(
                        s.upper_lemma[i].as_str(),
                        "RECOGNIZE" | "RECOGNISE" | "RECONNAÎTRE" | "RECONNAITRE"
                    )
                    && s.objects(i).iter().any(|&o| {
                        s.toks[o].upos == "PROPN" && s.codes(o).iter().any(|(c, _)| c.len() == 3)
                    }) =>
            {
                nominal_code = super::dict::Code {
                    forward: Some("054".to_string()),
                    reverse: None,
                };
                (&nominal_code, "recognition".to_string(), Vec::new())
            }
            // "demonstrated a lack of remorse", "a manifesté son mécontentement": with an
            // object (no pattern matched) these verbs mean "show", not "march in protest".
            (None, None, Some(_))
                if d.beyond_petrarch
                    && matches!(s.upper_lemma[i].as_str(), "DEMONSTRATE" | "MANIFESTER")
                    && s.kids(i, "obj").next().is_some() =>
            {
                continue;
            }
            (None, None, Some(entry)) => (&entry.code, format!("verb:{}", entry.line), Vec::new()),
            (None, None, None) => continue,
        };
        // "did not clash over": the ontology's negation of each direction's code, and the
        // rule says so.
        let negated_code;
        // "said it would not meet", "will not accept": a negated act announced for the future
        // is a refusal of it (CAMEO 12), which the pipeline codes from the act's own code.
        // "vowed to never use force", "a promis de ne jamais attaquer": a promise not to act is
        // still a promise (CAMEO 03), not the act refused or its opposite.
        let promised_not = negated
            && d.beyond_petrarch
            && s.rel(i) == "xcomp"
            && s.toks[i].head.is_some_and(|h| {
                h < s.toks.len()
                    && matches!(
                        s.upper_lemma[h].as_str(),
                        "VOW" | "PLEDGE" | "PROMISE" | "SWEAR" | "PROMETTRE" | "ENGAGER" | "JURER"
                    )
            });
        let promise_code;
        let refused_ahead = negated && d.beyond_petrarch && !promised_not && s.future_aux(i);
        if refused_ahead {
            rule.push_str(REFUSED_AHEAD);
        }
        let code = if promised_not {
            promise_code = super::dict::Code {
                forward: Some("030".to_string()),
                reverse: None,
            };
            rule.push_str("+promised_not");
            &promise_code
        } else {
            code
        };
        let code = match (&d.pico, negated && !refused_ahead && !promised_not) {
            (Some(pico), true) => {
                let neg = |c: &Option<String>| {
                    c.as_deref()
                        .and_then(|c| pico.negate(c))
                        .map(str::to_string)
                };
                negated_code = super::dict::Code {
                    forward: neg(&code.forward),
                    reverse: neg(&code.reverse),
                };
                rule.push_str("+negated");
                &negated_code
            }
            _ => code,
        };
        let marked = |prep: &Option<String>| -> Vec<(String, usize)> {
            prep.as_deref()
                .map(|p| {
                    s.pp_args(i, p)
                        .into_iter()
                        .flat_map(|a| s.codes(a))
                        .collect()
                })
                .unwrap_or_default()
        };
        // "- * IFTAR (IN ^) +": the first phrase of the verb's after the skipped one.
        let after_skipped = |prep: &str| -> Vec<(String, usize)> {
            let mut end = 0;
            for a in s.pp_args(i, prep) {
                let mut sub = Vec::new();
                s.np(a, &mut sub);
                end = end.max(sub.into_iter().max().unwrap_or(a));
            }
            if end == 0 {
                return Vec::new();
            }
            (end + 1..s.toks.len())
                .filter(|&k| {
                    matches!(s.rel(k), "obl" | "nmod")
                        && s.toks[k].head.is_some_and(|h| {
                            h == i
                                || s.toks[h].head == Some(i)
                                    && matches!(s.rel(h), "obl" | "nmod" | "obj")
                        })
                })
                .map(|k| s.codes(k))
                .find(|c| !c.is_empty())
                .unwrap_or_default()
        };
        let (marked_target, marked_source) = match &best {
            Some((_, p, _)) => {
                let mut t = marked(&p.target_prep);
                if t.is_empty()
                    && let Some(prep) = &p.target_after
                {
                    t = after_skipped(prep);
                }
                (t, marked(&p.source_prep))
            }
            None => (Vec::new(), Vec::new()),
        };
        if code.is_null() {
            continue;
        }
        // "demanded that Hamas renounce …", "a appelé à ce que …": what is demanded or
        // appealed for is not done.
        if d.beyond_petrarch
            && code
                .forward
                .as_deref()
                .is_some_and(|c| c.starts_with("10") || c.starts_with("02"))
        {
            obliged_clauses.extend(s.obliged_clauses(i, true));
        }
        // "said that Sudan must return …", "a déclaré que Bamako doit …": a statement that
        // another actor must act is a demand on that actor (CAMEO 10, as the CAMEO manual
        // codes it), not a bare statement.
        if d.beyond_petrarch
            && !negated
            && code.forward.as_deref().is_some_and(|c| c.starts_with("01"))
        {
            let obliged = s.obliged_subjects(i);
            if !obliged.is_empty() {
                obliged_clauses.extend(s.obliged_clauses(i, false));
                let sources: Vec<(String, usize)> = s
                    .subjects(i, 0)
                    .into_iter()
                    .flat_map(|a| s.codes(a))
                    .collect();
                for (src, src_at) in &sources {
                    for (tgt, tgt_at) in &obliged {
                        if src != tgt {
                            out.push(Coding {
                                source: src.clone(),
                                target: tgt.clone(),
                                code: "100".into(),
                                verb: i,
                                source_words: s.np_range(*src_at),
                                target_words: s.np_range(*tgt_at),
                                rule: REPORTED_DEMAND.into(),
                            });
                        }
                    }
                }
                if !sources.is_empty() {
                    continue;
                }
            }
        }
        // An agent phrase makes a passive too: a participle without its auxiliary ("le
        // Nigeria, accusé par plusieurs armateurs …") is one.
        let passive = s.kids(i, "nsubj:pass").next().is_some()
            || s.kids(i, "aux:pass").next().is_some()
            || s.kids(i, "obl:agent").next().is_some();
        type Coded = Vec<(String, usize)>;
        // Place phrases that gave a source its country: where it acted, not whom it acted on.
        let mut placed: Vec<String> = Vec::new();
        let mut role_only = false;
        // A political role with no actor ("the prime minister", "a war crimes court") still
        // says who acted when nothing else does; its code is its roles alone.
        // Protest is what people with no state act do: "Islamic fundamentalists continued
        // their hunger strike", "refugees are continuing a hunger strike" (any role).
        let protest = code.forward.as_deref().is_some_and(|c| c.starts_with("14"));
        let role_code = |a: usize| {
            if s.officer_of_unknown_body(a) {
                return None;
            }
            let agents = s.agents_in(a);
            (!agents.is_empty()
                && agents.iter().all(|g| {
                    g.code.len() == 3 && (protest || POLITICAL_ROLES.contains(&g.code.as_str()))
                }))
            .then(|| Sent::combine("", &agents))
        };
        let may_be_role_only = d.beyond_petrarch
            && !code.forward.as_deref().is_some_and(|c| c.starts_with("01"))
            && s.main_clause(i);
        let (sources, targets): (Coded, Coded) = if passive {
            let by: Vec<usize> = s
                .kids(i, "obl:agent")
                .chain(s.pp_args(i, "BY"))
                .chain(s.pp_args(i, "PAR"))
                .collect();
            let mut agents: Coded = by.iter().flat_map(|&a| s.codes(a)).collect();
            let pats: Coded = s.kids(i, "nsubj:pass").flat_map(|a| s.codes(a)).collect();
            // "was indicted by a war crimes court": the role acted on a named actor.
            if agents.is_empty() && may_be_role_only && !pats.is_empty() {
                agents = by
                    .iter()
                    .filter_map(|&a| role_code(a).map(|c| (c, a)))
                    .collect();
                if !agents.is_empty() {
                    rule.push_str("+role_only");
                    role_only = true;
                }
            }
            (agents, pats)
        } else {
            let mut subj: Coded = s
                .subjects(i, 0)
                .into_iter()
                // "said Jane Doe, 79, in Nairobi": a person no dictionary knows is not the
                // country of the town she was in.
                .filter(|&a| !(d.beyond_petrarch && s.name_placed_only(a)))
                .flat_map(|a| s.codes(a))
                .collect();
            if subj.is_empty() && d.beyond_petrarch {
                for a in s.subjects(i, 0) {
                    if let Some(code) = s.possessed_code(a, i) {
                        subj.push((code, a));
                    }
                }
                if !subj.is_empty() {
                    rule.push_str("+possessor");
                }
            }
            if subj.is_empty() && d.beyond_petrarch {
                for a in s.subjects(i, 0) {
                    if let Some((code, place)) = s.placed_code(a, i) {
                        subj.push((code, a));
                        placed.push(place);
                    }
                }
                if !subj.is_empty() {
                    rule.push_str("+place_country");
                }
            }
            // "The prime minister demanded elections".
            if subj.is_empty() && may_be_role_only {
                for a in s.subjects(i, 0) {
                    if let Some(c) = role_code(a) {
                        subj.push((c, a));
                    }
                }
                if !subj.is_empty() {
                    rule.push_str("+role_only");
                    role_only = true;
                }
            }
            let obj: Coded = s.objects(i).into_iter().flat_map(|a| s.codes(a)).collect();
            (subj, obj)
        };
        // "« … », a déclaré le ministre" / "…, said the minister": a verb inserted in the
        // sentence it reports, with no subject of its own, has its subject after it, where
        // the parser may read an object.
        let (sources, targets) = if !passive
            && sources.is_empty()
            && s.toks[i].deprel.starts_with("parataxis")
            && s.kids(i, "nsubj").next().is_none()
        {
            let after: Coded = s
                .objects(i)
                .into_iter()
                .filter(|&o| o > i)
                .flat_map(|a| s.codes(a))
                .collect();
            if after.is_empty() {
                (sources, targets)
            } else {
                (after, Vec::new())
            }
        } else {
            (sources, targets)
        };
        let mut sources = sources;
        let mut targets = targets;
        if !marked_source.is_empty() {
            sources = marked_source;
        }
        if !marked_target.is_empty() {
            targets = marked_target;
        }
        if targets.is_empty() {
            // The pattern's prepositional phrase, else the first argument naming an actor.
            targets = pp.iter().flat_map(|&a| s.codes(a)).collect();
        }
        // A statement's target is whom it is addressed to ("told the council", "a déclaré
        // aux journalistes"), never where it was made ("a déclaré à Singapour", "said in an
        // interview with …").
        let statement =
            d.beyond_petrarch && code.forward.as_deref().is_some_and(|c| c.starts_with("01"));
        let addressee = |c: usize| {
            s.children[c]
                .iter()
                .any(|&m| s.rel(m) == "case" && matches!(s.upper[m].as_str(), "TO" | "À"))
        };
        if targets.is_empty() {
            let mut hosts = vec![i];
            hosts.extend(s.kids(i, "obj"));
            // "marched close to the border with X", "moved nearer to X": a predicative
            // adverb or adjective of place carries the phrase.
            hosts.extend(s.children[i].iter().copied().filter(|&c| {
                c > i
                    && matches!(s.rel(c), "xcomp" | "advmod")
                    && matches!(s.toks[c].upos.as_ref(), "ADJ" | "ADV")
            }));
            'outer: for h in hosts {
                for &c in &s.children[h] {
                    if statement && !addressee(c) {
                        continue;
                    }
                    if matches!(s.rel(c), "obl" | "nmod") && !passive || s.rel(c) == "nmod" {
                        let cs = s.codes(c);
                        if !cs.is_empty() {
                            targets = cs;
                            break 'outer;
                        }
                    }
                }
            }
        }
        // "demanded that the US cancel …", "urged Iran to …": the subject of the complement
        // clause the act is addressed to. A clause fronted before the verb ("Arnor will
        // restore ties, an official said") is what the story reports, not whom the speaker
        // addressed.
        // So too a content clause of the object: "expressed hopes that Osterland would …".
        if targets.is_empty() {
            let content = |c: usize| {
                s.rel(c) == "ccomp"
                    || s.rel(c) == "acl"
                        && s.children[c].iter().any(|&m| {
                            s.rel(m) == "mark" && matches!(s.upper[m].as_str(), "THAT" | "QUE")
                        })
            };
            let object_clauses: Vec<usize> = s
                .kids(i, "obj")
                .flat_map(|o| s.children[o].iter().copied())
                .filter(|&c| content(c))
                .collect();
            targets = s
                .kids(i, "ccomp")
                .chain(object_clauses)
                .filter(|&c| c > i)
                .flat_map(|c| {
                    s.kids(c, "nsubj")
                        .chain(s.kids(c, "nsubj:pass"))
                        .collect::<Vec<_>>()
                })
                .flat_map(|a| s.codes(a))
                .collect();
        }
        // "cordoned off the roads leading into X", "welcomed the memos sent by X": an actor
        // in a clause modifying the argument, when the argument itself names none.
        if targets.is_empty() && !passive && !statement {
            let args: Vec<usize> = s.children[i]
                .iter()
                .copied()
                .filter(|&a| matches!(s.rel(a), "obj" | "obl" | "nmod"))
                .collect();
            // "signed an accord to supply X with wheat": the verb's own purpose clause (an
            // infinitive with "to"), after the argument's clauses; likewise its infinitive
            // complement ("vowed to wage war on X").
            let purpose: Vec<usize> = s
                .kids(i, "advcl")
                .filter(|&c| c > i && s.purpose_clause(c))
                .chain(s.kids(i, "xcomp").filter(|&c| {
                    c > i
                        && s.children[c]
                            .iter()
                            .any(|&m| s.rel(m) == "mark" && s.upper[m] == "TO")
                }))
                .collect();
            let clauses: Vec<usize> = args
                .iter()
                .flat_map(|&a| s.kids(a, "acl").collect::<Vec<_>>())
                .chain(purpose)
                .collect();
            'acl: for c in clauses {
                for &g in &s.children[c] {
                    if matches!(s.rel(g), "obl" | "nmod" | "obj" | "obl:agent") {
                        let cs = s.codes(g);
                        if !cs.is_empty() {
                            targets = cs;
                            break 'acl;
                        }
                    }
                }
            }
        }
        targets.retain(|(code, _)| !placed.contains(code));
        targets.retain(|&(_, at)| !s.actor_origin(at));
        // A source known only by its role may well be of the country it acts in: "the
        // ministers protested in Lebanon" says nothing against Lebanon.
        if role_only {
            targets.retain(|&(_, at)| !s.actor_located(at));
        }
        // "The leaders of Turkey and Germany met in Berlin": where a meeting is held is not
        // whom it is with. (Travel is the exception: "arrived in Berlin" visits Germany.)
        let consultation = code
            .forward
            .as_deref()
            .is_some_and(|c| c.starts_with("04") && !matches!(c, "042" | "043" | "044"));
        if d.beyond_petrarch && consultation {
            targets.retain(|&(_, at)| !s.actor_located(at));
        }
        // A compound subject with no target acts on itself: "X and Y agree that …" codes
        // X → Y and Y → X.
        // Not a statement in veille's records: "Chinese and U.S. experts have said" is said
        // by each, to no one (PETRARCH's validation records keep its own reading).
        // "Bolivia and Chile will continue to talk": talking among themselves, with nothing
        // said, is consulting one another (CAMEO.2.0 codes "talk with" 046:046), not two
        // statements.
        let talk_code;
        let code = if d.beyond_petrarch
            && targets.is_empty()
            && sources.len() >= 2
            && matches!(s.upper_lemma[i].as_str(), "TALK" | "SPEAK" | "PARLER")
            && s.kids(i, "ccomp").next().is_none()
            && s.kids(i, "obj").next().is_none()
            && code.forward.as_deref().is_some_and(|c| c.starts_with("01"))
        {
            talk_code = super::dict::Code {
                forward: Some("040".to_string()),
                reverse: Some("040".to_string()),
            };
            rule.push_str("+talk_among");
            &talk_code
        } else {
            code
        };
        let joint_statement =
            d.beyond_petrarch && code.forward.as_deref().is_some_and(|c| c.starts_with("01"));
        let reciprocal = targets.is_empty() && sources.len() >= 2 && !joint_statement;
        if reciprocal {
            targets = sources.clone();
        }
        // The act with no target, once per source, code and verb.
        let untargeted_coding =
            |out: &mut Vec<Coding>, src: &String, at: usize, f: &String, rule: String| {
                if !out
                    .iter()
                    .any(|o| o.source == *src && o.code == *f && o.verb == i)
                {
                    out.push(Coding {
                        source: src.clone(),
                        target: String::new(),
                        code: f.clone(),
                        verb: i,
                        source_words: s.np_range(at),
                        target_words: 0..0,
                        rule,
                    });
                }
            };
        if untargeted && targets.is_empty() {
            if let Some(f) = &code.forward {
                for (src, src_at) in &sources {
                    untargeted_coding(&mut out, src, *src_at, f, rule.clone());
                }
            }
            continue;
        }
        for (src, src_at) in &sources {
            // "Iraqi Kurds demonstrated in Kirkuk": the only target is the source's own code
            // (the place's country), which PETRARCH drops as a party acting on itself. The
            // act still happened: veille codes it with no target rather than losing it.
            if untargeted
                && d.beyond_petrarch
                && targets.iter().all(|(t, _)| t == src)
                && let Some(f) = &code.forward
            {
                untargeted_coding(&mut out, src, *src_at, f, format!("{rule}+self_target"));
            }
            for (tgt, tgt_at) in &targets {
                if src == tgt {
                    continue;
                }
                let mut push = |a: &str, a_at: usize, b: &str, b_at: usize, c: &str| {
                    let coding = Coding {
                        source: a.to_string(),
                        target: b.to_string(),
                        code: c.to_string(),
                        verb: i,
                        source_words: s.np_range(a_at),
                        target_words: s.np_range(b_at),
                        rule: rule.clone(),
                    };
                    if !out.iter().any(|o| {
                        o.source == coding.source
                            && o.target == coding.target
                            && o.code == coding.code
                    }) {
                        out.push(coding);
                    }
                };
                if let Some(f) = &code.forward {
                    push(src, *src_at, tgt, *tgt_at, f);
                }
                // "headed for Cologne" [042:043]: the visit, and PETRARCH's mirror record of
                // the host receiving it. veille keeps the one fact the text states: a visit
                // is one event, and the host's side is not said ("reçu par", "hosted" code
                // 043 of their own).
                let mirrored_visit = d.beyond_petrarch
                    && code.forward.as_deref() == Some("042")
                    && code.reverse.as_deref() == Some("043");
                if let Some(r) = code.reverse.as_ref().filter(|_| !mirrored_visit) {
                    push(tgt, *tgt_at, src, *src_at, r);
                }
            }
        }
    }
    out.retain(|c| c.rule == REPORTED_DEMAND || !obliged_clauses.contains(&c.verb));
    // "as quoted by the Guiyang Evening News", "the Washington Post reported": what an
    // outlet reports or quotes is the press's, not a statement of its country (as with
    // "according to" above).
    if d.beyond_petrarch {
        out.retain(|c| !c.code.starts_with("01") || !s.names_outlet(c.source_words.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(rows: &[(&str, &str, &str, usize, &str)]) -> Vec<Tok> {
        rows.iter()
            .map(|&(f, l, u, h, r)| Tok {
                form: f.into(),
                lemma: l.into(),
                upos: u.to_string().into(),
                head: h.checked_sub(1),
                deprel: r.into(),
                future: false,
            })
            .collect()
    }

    fn dicts() -> PetrarchDicts {
        PetrarchDicts {
            verbs: VerbDict::parse(
                "--- RESTORE [050] ---\nRESTORE\n- * TIES [051]\n--- VISIT [042:043] ---\nVISIT\n--- ATTACK [190] ---\nATTACK\n",
            )
            .unwrap(),
            actors: ActorDict::parse("OSTERLAND_ [OST]\nWESTMARK_ [WMK]\nNORDHAVEN_ [NDH]\n").unwrap(),
            agents: AgentDict::parse("PRESIDENT [~GOV]\nREBEL [~REB]\n").unwrap(),
            pico: None,
            ..Default::default()
        }
    }

    #[test]
    fn an_act_urged_is_not_done_even_in_petrarch_runs() {
        // "Osterland urged Westmark to attack Nordhaven." (PETRARCH semantics: no veille
        // rules; the dictionary has no "urge").
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("urged", "urge", "VERB", 0, "root"),
            ("Westmark", "Westmark", "PROPN", 2, "obj"),
            ("to", "to", "PART", 5, "mark"),
            ("attack", "attack", "VERB", 2, "xcomp"),
            ("Nordhaven", "Nordhaven", "PROPN", 5, "obj"),
        ]);
        let d = dicts();
        assert!(!d.beyond_petrarch);
        assert!(code_sentence(&d, &t, None).is_empty());
        // Counter-case: the same act done is coded.
        let t = toks(&[
            ("Westmark", "Westmark", "PROPN", 2, "nsubj"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("Nordhaven", "Nordhaven", "PROPN", 2, "obj"),
        ]);
        assert_eq!(code_sentence(&d, &t, None).len(), 1);
    }

    #[test]
    fn a_listed_verb_form_stands_for_a_lemma_cut_short() {
        // "Osterland will halt its mediation efforts in Westmark." with "halt" lemmatized as
        // "hal".
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 3, "nsubj"),
            ("will", "will", "AUX", 3, "aux"),
            ("halt", "hal", "VERB", 0, "root"),
            ("its", "its", "PRON", 6, "nmod:poss"),
            ("mediation", "mediation", "NOUN", 6, "compound"),
            ("efforts", "effort", "NOUN", 3, "obj"),
            ("in", "in", "ADP", 8, "case"),
            ("Westmark", "Westmark", "PROPN", 3, "obl"),
        ]);
        let mut d = dicts();
        d.beyond_petrarch = true;
        let c = code_sentence(&d, &t, None);
        assert!(c.iter().any(|c| c.code == "165"), "{c:?}");
    }

    #[test]
    fn subject_object_pattern_and_agents() {
        // "The president of Osterland visited Westmark."
        let t = toks(&[
            ("The", "the", "DET", 2, "det"),
            ("president", "president", "NOUN", 5, "nsubj"),
            ("of", "of", "ADP", 4, "case"),
            ("Osterland", "Osterland", "PROPN", 2, "nmod"),
            ("visited", "visit", "VERB", 0, "root"),
            ("Westmark", "Westmark", "PROPN", 5, "obj"),
            (".", ".", "PUNCT", 5, "punct"),
        ]);
        let c = code_sentence(&dicts(), &t, None);
        let got: Vec<(&str, &str, &str)> = c
            .iter()
            .map(|c| (c.source.as_str(), c.target.as_str(), c.code.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![("OSTGOV", "WMK", "042"), ("WMK", "OSTGOV", "043")]
        );
    }

    #[test]
    fn pattern_wins_over_verb_code_and_xcomp_takes_controller() {
        // "Osterland is about to restore ties with Westmark."
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 3, "nsubj"),
            ("is", "be", "AUX", 3, "cop"),
            ("about", "about", "ADJ", 0, "root"),
            ("to", "to", "PART", 5, "mark"),
            ("restore", "restore", "VERB", 3, "xcomp"),
            ("ties", "tie", "NOUN", 5, "obj"),
            ("with", "with", "ADP", 8, "case"),
            ("Westmark", "Westmark", "PROPN", 5, "obl"),
        ]);
        let c = code_sentence(&dicts(), &t, None);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].source.as_str(), c[0].target.as_str()), ("OST", "WMK"));
        assert_eq!(c[0].code, "051");
        assert!(c[0].rule.starts_with("pattern:"));
    }

    #[test]
    fn compound_passive_and_negation() {
        // "Westmark and Nordhaven were attacked by Osterland."
        let t = toks(&[
            ("Westmark", "Westmark", "PROPN", 5, "nsubj:pass"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Nordhaven", "Nordhaven", "PROPN", 1, "conj"),
            ("were", "be", "AUX", 5, "aux:pass"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("by", "by", "ADP", 7, "case"),
            ("Osterland", "Osterland", "PROPN", 5, "obl:agent"),
        ]);
        let c = code_sentence(&dicts(), &t, None);
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|c| c.source == "OST" && c.code == "190"));
        // "Osterland did not attack Westmark."
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 4, "nsubj"),
            ("did", "do", "AUX", 4, "aux"),
            ("not", "not", "PART", 4, "advmod"),
            ("attack", "attack", "VERB", 0, "root"),
            ("Westmark", "Westmark", "PROPN", 4, "obj"),
        ]);
        assert!(code_sentence(&dicts(), &t, None).is_empty());
        // With an ontology, a negation codes what the ontology says it means, or nothing.
        let mut d = dicts();
        d.pico =
            Some(crate::petrarch::Pico::parse("050:0x0080\n051:0x0081\n190:0x1007F\n").unwrap());
        let c = code_sentence(&d, &t, None);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].code.as_str(), c[0].target.as_str()), ("050", "WMK"));
        assert!(c[0].rule.ends_with("+negated"), "{}", c[0].rule);
        d.pico = Some(crate::petrarch::Pico::parse("190:0x00A0\n").unwrap());
        assert!(code_sentence(&d, &t, None).is_empty());
    }

    #[test]
    fn a_one_word_pattern_is_not_read_in_the_objects_own_phrase() {
        let mut d = dicts();
        d.verbs = VerbDict::parse("--- OPEN [080] ---\nOPEN\n- * BORDER [050]\n- * FROM [081]\n")
            .unwrap();
        let code = |rows: &[(&str, &str, &str, usize, &str)]| -> Vec<String> {
            code_sentence(&d, &toks(rows), None)
                .into_iter()
                .map(|c| c.code)
                .collect()
        };
        // "Osterland opened Westmark up to the border": the border is inside the object's
        // own prepositional phrase, so the verb keeps its own code.
        let nested = [
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("opened", "open", "VERB", 0, "root"),
            ("Westmark", "Westmark", "PROPN", 2, "obj"),
            ("to", "to", "ADP", 6, "case"),
            ("the", "the", "DET", 6, "det"),
            ("border", "border", "NOUN", 3, "nmod"),
        ];
        assert_eq!(code(&nested), ["080"]);
        // Counter-cases: a modifier of the object's head still matches ("the border
        // Westmark"), and so does a bare preposition in the object's phrase.
        let modifier = [
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("opened", "open", "VERB", 0, "root"),
            ("border", "border", "NOUN", 4, "compound"),
            ("Westmark", "Westmark", "PROPN", 2, "obj"),
        ];
        assert_eq!(code(&modifier), ["050"]);
        let preposition = [
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("opened", "open", "VERB", 0, "root"),
            ("Westmark", "Westmark", "PROPN", 2, "obj"),
            ("from", "from", "ADP", 6, "case"),
            ("the", "the", "DET", 6, "det"),
            ("north", "north", "NOUN", 3, "nmod"),
        ];
        assert_eq!(code(&preposition), ["081"]);
    }

    #[test]
    fn a_part_of_a_whole_is_read_as_the_whole() {
        let mut d = dicts();
        d.verbs =
            VerbDict::parse("--- SUSPEND [---] ---\nSUSPEND\n- * AID [162]\n- * PART [030]\n")
                .unwrap();
        let codes = |rows: &[(&str, &str, &str, usize, &str)]| -> Vec<String> {
            code_sentence(&d, &toks(rows), None)
                .into_iter()
                .map(|c| c.code)
                .collect()
        };
        // "Osterland suspended part of its aid to Westmark."
        let whole = [
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("suspended", "suspend", "VERB", 0, "root"),
            ("part", "part", "NOUN", 2, "obj"),
            ("of", "of", "ADP", 6, "case"),
            ("its", "its", "PRON", 6, "nmod:poss"),
            ("aid", "aid", "NOUN", 3, "nmod"),
            ("to", "to", "ADP", 8, "case"),
            ("Westmark", "Westmark", "PROPN", 6, "nmod"),
        ];
        assert_eq!(codes(&whole), ["162"]);
        // Counter-case: "part" with no whole after it is the pattern's own word.
        let bare = [
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("suspended", "suspend", "VERB", 0, "root"),
            ("part", "part", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 5, "case"),
            ("Westmark", "Westmark", "PROPN", 3, "nmod"),
        ];
        assert_eq!(codes(&bare), ["030"]);
    }

    #[test]
    fn synset_phrases_need_their_modifiers() {
        let mut d = dicts();
        d.verbs = VerbDict::parse(
            "&SANCT\n+ECONOMIC SANCTIONS\n+TOTAL BOYCOTT\n\n--- CALL [010] ---\nCALL\n- * (FOR &SANCT) [172]\n- * (FOR) [113]\n",
        )
        .unwrap();
        // "Osterland called for a (total) boycott of Westmark."
        let sentence = |total: bool| {
            let mut rows = vec![
                ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
                ("called", "call", "VERB", 0, "root"),
                ("for", "for", "ADP", 6, "case"),
                ("a", "a", "DET", 6, "det"),
                ("total", "total", "ADJ", 6, "amod"),
                ("boycott", "boycott", "NOUN", 2, "obl"),
                ("of", "of", "ADP", 8, "case"),
                ("Westmark", "Westmark", "PROPN", 6, "nmod"),
            ];
            if !total {
                rows.remove(4);
                for r in rows.iter_mut() {
                    if r.3 > 5 {
                        r.3 -= 1;
                    }
                }
            }
            toks(&rows)
        };
        let codes = |t: &[Tok]| -> Vec<String> {
            code_sentence(&d, t, None)
                .into_iter()
                .map(|c| format!("{} {} {}", c.source, c.target, c.code))
                .collect()
        };
        assert_eq!(codes(&sentence(true)), ["OST WMK 172"]);
        assert_eq!(codes(&sentence(false)), ["OST WMK 113"]);
    }

    #[test]
    fn a_list_read_as_an_apposition() {
        // "Osterland, Westmark and Nordhaven attacked Arcadia": the parser hung the list on an
        // apposition; all three are sources.
        let mut d = dicts();
        d.actors = ActorDict::parse(
            "OSTERLAND_ [OST]\nWESTMARK_ [WMK]\nNORDHAVEN_ [NDH]\nARCADIA_ [ARC]\n",
        )
        .unwrap();
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 7, "nsubj"),
            (",", ",", "PUNCT", 1, "punct"),
            ("Westmark", "Westmark", "PROPN", 1, "appos"),
            (",", ",", "PUNCT", 3, "punct"),
            ("and", "and", "CCONJ", 6, "cc"),
            ("Nordhaven", "Nordhaven", "PROPN", 3, "conj"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("Arcadia", "Arcadia", "PROPN", 7, "obj"),
        ]);
        let mut src: Vec<String> = code_sentence(&d, &t, None)
            .into_iter()
            .map(|c| c.source)
            .collect();
        src.sort();
        assert_eq!(src, ["NDH", "OST", "WMK"]);
    }

    #[test]
    fn a_name_parsed_as_its_own_conjunct_ends() {
        // "North Osterland attacked Arcadia" with the name's second word parsed as a conjunct
        // of its first: the conjuncts of the name's first word include the word itself, and
        // the walk over coordinated actors once looped on it for ever.
        let mut d = dicts();
        d.actors = ActorDict::parse("NORTH_OSTERLAND_ [NOS]\nARCADIA_ [ARC]\n").unwrap();
        let t = toks(&[
            ("North", "North", "PROPN", 3, "nsubj"),
            ("Osterland", "Osterland", "PROPN", 1, "conj"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("Arcadia", "Arcadia", "PROPN", 3, "obj"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert!(
            c.iter().any(|c| c.source == "NOS" && c.target == "ARC"),
            "{c:?}"
        );
    }

    #[test]
    fn a_country_joined_to_a_surname_is_a_first_name() {
        // "Chad Hammel accused Sudan": `flat` makes the two words one name.
        let mut d = dicts();
        d.actors = ActorDict::parse("CHAD_ [TCD]\nSUDAN_ [SDN]\n").unwrap();
        d.country_words = ["CHAD".to_string()].into();
        d.verbs = VerbDict::parse("--- ACCUSE [112] ---\nACCUSE\n").unwrap();
        let t = toks(&[
            ("Chad", "Chad", "PROPN", 3, "nsubj"),
            ("Hammel", "Hammel", "PROPN", 1, "flat"),
            ("accused", "accuse", "VERB", 0, "root"),
            ("Sudan", "Sudan", "PROPN", 3, "obj"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert!(c.iter().all(|c| c.source != "TCD"), "{c:?}");
        // The parser may read the first name as a `compound` of the surname.
        let t = toks(&[
            ("Chad", "Chad", "PROPN", 2, "compound"),
            ("Hammel", "Hammel", "PROPN", 3, "nsubj"),
            ("accused", "accuse", "VERB", 0, "root"),
            ("Sudan", "Sudan", "PROPN", 3, "obj"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert!(c.iter().all(|c| c.source != "TCD"), "{c:?}");
        // But not when the second word names a role ("Chad rebels" as a compound).
        let t = toks(&[
            ("Chad", "Chad", "PROPN", 2, "compound"),
            ("Rebels", "rebel", "PROPN", 3, "nsubj"),
            ("accused", "accuse", "VERB", 0, "root"),
            ("Sudan", "Sudan", "PROPN", 3, "obj"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert!(c.iter().any(|c| c.source.starts_with("TCD")), "{c:?}");
        // The country alone is still the country.
        let t = toks(&[
            ("Chad", "Chad", "PROPN", 2, "nsubj"),
            ("accused", "accuse", "VERB", 0, "root"),
            ("Sudan", "Sudan", "PROPN", 2, "obj"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert!(
            c.iter().any(|c| c.source == "TCD" && c.target == "SDN"),
            "{c:?}"
        );
    }

    #[test]
    fn a_bare_oblique_is_an_object() {
        // "Osterland condemned an attack by Westmark" with "attack" parsed as `obl`.
        let mut d = dicts();
        d.verbs =
            VerbDict::parse("--- CONDEMN [111] ---\nCONDEMN\n- * ATTACK (BY) [112]\n").unwrap();
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("an", "a", "DET", 4, "det"),
            ("attack", "attack", "NOUN", 2, "obl"),
            ("by", "by", "ADP", 6, "case"),
            ("Westmark", "Westmark", "PROPN", 4, "nmod"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].target.as_str(), c[0].code.as_str()), ("WMK", "112"));
        // A date is no object: "Osterland condemned Monday …" stays a plain 111 with no target.
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("condemned", "condemn", "VERB", 0, "root"),
            ("Monday", "Monday", "PROPN", 2, "obl"),
        ]);
        assert!(code_sentence(&d, &t, None).is_empty());
    }

    #[test]
    fn a_bare_conjunct_shares_the_first_conjuncts_roles() {
        // "The Osterland Islamist media and government warned Westmark."
        let mut d = dicts();
        d.verbs = VerbDict::parse("--- WARN [130] ---\nWARN\n").unwrap();
        d.agents =
            AgentDict::parse("ISLAMIST [~MUS]\nMEDIA {} [~MED]\nGOVERNMENT [~GOV]\n").unwrap();
        let rows = [
            ("The", "the", "DET", 4, "det"),
            ("Osterland", "Osterland", "PROPN", 4, "compound"),
            ("Islamist", "Islamist", "ADJ", 4, "amod"),
            ("media", "media", "NOUN", 7, "nsubj"),
            ("and", "and", "CCONJ", 6, "cc"),
            ("government", "government", "NOUN", 4, "conj"),
            ("warned", "warn", "VERB", 0, "root"),
            ("Westmark", "Westmark", "PROPN", 7, "obj"),
        ];
        let mut sources: Vec<String> = code_sentence(&d, &toks(&rows), None)
            .into_iter()
            .map(|c| c.source)
            .collect();
        sources.sort();
        assert_eq!(sources, ["OSTMUSGOV", "OSTMUSMED"]);
        // A conjunct with a modifier of its own keeps its own roles: "… media and the
        // national government".
        let rows = [
            ("The", "the", "DET", 4, "det"),
            ("Osterland", "Osterland", "PROPN", 4, "compound"),
            ("Islamist", "Islamist", "ADJ", 4, "amod"),
            ("media", "media", "NOUN", 8, "nsubj"),
            ("and", "and", "CCONJ", 7, "cc"),
            ("national", "national", "ADJ", 7, "amod"),
            ("government", "government", "NOUN", 4, "conj"),
            ("warned", "warn", "VERB", 0, "root"),
            ("Westmark", "Westmark", "PROPN", 8, "obj"),
        ];
        let mut sources: Vec<String> = code_sentence(&d, &toks(&rows), None)
            .into_iter()
            .map(|c| c.source)
            .collect();
        sources.sort();
        assert_eq!(sources, ["OSTGOV", "OSTMUSMED"], "{rows:?}");
    }

    #[test]
    fn a_phrase_after_a_named_oblique_belongs_to_the_verb() {
        // "Osterland celebrated the feast at Nordhaven with Westmark", "with Westmark"
        // attached to the place name.
        let mut d = dicts();
        d.verbs = VerbDict::parse(
            "--- CELEBRATE [051] ---\nCELEBRATE\n- * FEAST (AT ^) (WITH +) [017]\n",
        )
        .unwrap();
        let rows = [
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("celebrated", "celebrate", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("feast", "feast", "NOUN", 2, "obj"),
            ("at", "at", "ADP", 6, "case"),
            ("Nordhaven", "Nordhaven", "PROPN", 2, "obl"),
            ("with", "with", "ADP", 8, "case"),
            ("Westmark", "Westmark", "PROPN", 6, "nmod"),
        ];
        let c = code_sentence(&d, &toks(&rows), None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].target.as_str(), c[0].code.as_str()), ("WMK", "017"));
        // "of" stays with the name ("the port of Westmark" is a place, not a partner).
        let mut of = rows;
        of[6] = ("of", "of", "ADP", 8, "case");
        d.verbs =
            VerbDict::parse("--- CELEBRATE [051] ---\nCELEBRATE\n- * FEAST (AT ^) (OF +) [017]\n")
                .unwrap();
        assert!(
            code_sentence(&d, &toks(&of), None)
                .iter()
                .all(|c| c.code != "017"),
        );
    }

    #[test]
    fn complements_carry_pattern_nouns_and_targets() {
        let mut d = dicts();
        d.verbs = VerbDict::parse(
            "--- VOW [170] ---\nVOW\n- * WAR [190]\n--- EXPRESS [020] ---\nEXPRESS\n- * HOPES [013]\n--- SIGN [057] ---\nSIGN\n- * ACCORD [056]\n",
        )
        .unwrap();
        // "Osterland vowed to wage war on Westmark" ("wage" read as a purpose clause).
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("vowed", "vow", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("wage", "wage", "VERB", 2, "advcl"),
            ("war", "war", "NOUN", 4, "obj"),
            ("on", "on", "ADP", 7, "case"),
            ("Westmark", "Westmark", "PROPN", 4, "obl"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].target.as_str(), c[0].code.as_str()), ("WMK", "190"));
        // "Osterland expressed hopes that Westmark would return": the clause's subject.
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("expressed", "express", "VERB", 0, "root"),
            ("hopes", "hope", "NOUN", 2, "obj"),
            ("that", "that", "SCONJ", 7, "mark"),
            ("Westmark", "Westmark", "PROPN", 7, "nsubj"),
            ("would", "would", "AUX", 7, "aux"),
            ("return", "return", "VERB", 3, "acl"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].target.as_str(), c[0].code.as_str()), ("WMK", "013"));
        // "Osterland signed an accord to supply Westmark": the purpose clause's object.
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("signed", "sign", "VERB", 0, "root"),
            ("an", "a", "DET", 4, "det"),
            ("accord", "accord", "NOUN", 2, "obj"),
            ("to", "to", "PART", 6, "mark"),
            ("supply", "supply", "VERB", 2, "advcl"),
            ("Westmark", "Westmark", "PROPN", 6, "obj"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].target.as_str(), c[0].code.as_str()), ("WMK", "056"));
    }

    #[test]
    fn a_target_after_a_skipped_phrase() {
        let mut d = dicts();
        d.verbs = VerbDict::parse("--- CELEBRATE [051] ---\nCELEBRATE\n- * FEAST (IN ^) + [017]\n")
            .unwrap();
        assert_eq!(
            d.verbs.blocks[0].patterns[0].target_after.as_deref(),
            Some("IN")
        );
        // "Osterland celebrated the feast in Nordhaven with Westmark": not the place skipped.
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("celebrated", "celebrate", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("feast", "feast", "NOUN", 2, "obj"),
            ("in", "in", "ADP", 6, "case"),
            ("Nordhaven", "Nordhaven", "PROPN", 2, "obl"),
            ("with", "with", "ADP", 8, "case"),
            ("Westmark", "Westmark", "PROPN", 2, "obl"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].target.as_str(), c[0].code.as_str()), ("WMK", "017"));
    }

    #[test]
    fn a_percent_pattern_needs_a_compound_subject() {
        let mut d = dicts();
        d.verbs =
            VerbDict::parse("--- DELAY [120] ---\nDELAY\nDOWNPLAY [014]\n- % * [120]\n").unwrap();
        assert!(d.verbs.blocks[0].patterns[0].compound_source);
        // "Osterland and Westmark downplayed Nordhaven"
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 4, "nsubj"),
            ("and", "and", "CCONJ", 3, "cc"),
            ("Westmark", "Westmark", "PROPN", 1, "conj"),
            ("downplayed", "downplay", "VERB", 0, "root"),
            ("Nordhaven", "Nordhaven", "PROPN", 4, "obj"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert!(!c.is_empty() && c.iter().all(|c| c.code == "120"), "{c:?}");
        // One subject: the verb's own code.
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("downplayed", "downplay", "VERB", 0, "root"),
            ("Nordhaven", "Nordhaven", "PROPN", 2, "obj"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].code, "014");
    }

    #[test]
    fn the_sender_of_what_is_welcomed_is_the_target() {
        let mut d = dicts();
        d.verbs = VerbDict::parse(
            "&TOPIC\n+TRADE\n--- WELCOME [050] ---\nWELCOME\n- * MEMOS (ON &TOPIC) (FROM) [091]\n- * MEMOS [092]\n",
        )
        .unwrap();
        // "Osterland welcomed memos sent by Westmark": the agent of the participle.
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("welcomed", "welcome", "VERB", 0, "root"),
            ("memos", "memo", "NOUN", 2, "obj"),
            ("sent", "send", "VERB", 3, "acl"),
            ("by", "by", "ADP", 6, "case"),
            ("Westmark", "Westmark", "PROPN", 4, "obl:agent"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].target.as_str(), c[0].code.as_str()), ("WMK", "092"));
        // "Osterland welcomed memos on trade from Westmark", "from Westmark" hung on
        // "trade": the pattern with both phrases still matches.
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("welcomed", "welcome", "VERB", 0, "root"),
            ("memos", "memo", "NOUN", 2, "obj"),
            ("on", "on", "ADP", 5, "case"),
            ("trade", "trade", "NOUN", 3, "nmod"),
            ("from", "from", "ADP", 7, "case"),
            ("Westmark", "Westmark", "PROPN", 5, "nmod"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].target.as_str(), c[0].code.as_str()), ("WMK", "091"));
    }

    #[test]
    fn target_inside_a_participle_clause() {
        // "Osterland attacked the roads leading into Westmark."
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("the", "the", "DET", 4, "det"),
            ("roads", "road", "NOUN", 2, "obj"),
            ("leading", "lead", "VERB", 4, "acl"),
            ("into", "into", "ADP", 7, "case"),
            ("Westmark", "Westmark", "PROPN", 5, "obl"),
        ]);
        let c = code_sentence(&dicts(), &t, None);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].source.as_str(), c[0].target.as_str()), ("OST", "WMK"));
    }

    #[test]
    fn a_statement_that_another_actor_must_act_is_a_demand() {
        let mut d = dicts();
        d.verbs = VerbDict::parse(
            "--- SAY [010] ---\nSAY\n--- RESTORE [050] ---\nRESTORE\n- * TIES [051]\n",
        )
        .unwrap();
        // "Osterland said that Westmark must restore ties with Nordhaven."
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
            ("that", "that", "SCONJ", 6, "mark"),
            ("Westmark", "Westmark", "PROPN", 6, "nsubj"),
            ("must", "must", "AUX", 6, "aux"),
            ("restore", "restore", "VERB", 2, "ccomp"),
            ("ties", "tie", "NOUN", 6, "obj"),
            ("with", "with", "ADP", 9, "case"),
            ("Nordhaven", "Nordhaven", "PROPN", 7, "nmod"),
        ]);
        // PETRARCH's own reading (validation runs): no demand, and the restoring codes.
        let plain = code_sentence_with(&d, &t, None, true);
        assert!(plain.iter().all(|c| c.code != "100"), "{plain:?}");
        assert!(plain.iter().any(|c| c.code == "051"), "{plain:?}");
        d.beyond_petrarch = true;
        let c = code_sentence_with(&d, &t, None, true);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (
                c[0].source.as_str(),
                c[0].target.as_str(),
                c[0].code.as_str()
            ),
            ("OST", "WMK", "100")
        );
        assert_eq!(c[0].rule, REPORTED_DEMAND);
        // "… that Westmark restored ties": a report of a deed, coded as such.
        let mut done = t.clone();
        done.remove(4);
        for tok in &mut done {
            tok.head = tok.head.map(|h| if h > 4 { h - 1 } else { h });
        }
        let c = code_sentence_with(&d, &done, None, true);
        assert!(c.iter().all(|c| c.code != "100"), "{c:?}");
        assert!(
            c.iter().any(|c| c.code == "051" && c.source == "WMK"),
            "{c:?}"
        );
    }

    #[test]
    fn a_fronted_report_is_not_addressed_to_its_subject() {
        let mut d = dicts();
        d.verbs = VerbDict::parse("--- SAY [010] ---\nSAY\n--- URGE [023] ---\nURGE\n").unwrap();
        // "Westmark will leave, Osterland said": what Osterland said, not said to Westmark.
        let t = toks(&[
            ("Westmark", "Westmark", "PROPN", 3, "nsubj"),
            ("will", "will", "AUX", 3, "aux"),
            ("leave", "leave", "VERB", 6, "ccomp"),
            (",", ",", "PUNCT", 3, "punct"),
            ("Osterland", "Osterland", "PROPN", 6, "nsubj"),
            ("said", "say", "VERB", 0, "root"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert!(c.iter().all(|c| c.target != "WMK"), "{c:?}");
        // "Osterland urged that Westmark leave": the clause after the verb is addressed.
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("urged", "urge", "VERB", 0, "root"),
            ("that", "that", "SCONJ", 5, "mark"),
            ("Westmark", "Westmark", "PROPN", 5, "nsubj"),
            ("leave", "leave", "VERB", 2, "ccomp"),
        ]);
        let c = code_sentence(&d, &t, None);
        assert!(
            c.iter().any(|c| c.target == "WMK" && c.code == "023"),
            "{c:?}"
        );
    }

    #[test]
    fn an_agent_phrase_makes_a_participle_passive() {
        // "Osterland attacked Westmark, accused by Nordhaven": a participle with an agent
        // phrase is passive, so the subject of the verb it is coordinated with is not its
        // source.
        let mut d = dicts();
        d.verbs = VerbDict::parse("--- ACCUSE [112] ---\nACCUSE\n- * SPYING [1121]\n").unwrap();
        let t = toks(&[
            ("Osterland", "Osterland", "PROPN", 2, "nsubj"),
            ("attacked", "attack", "VERB", 0, "root"),
            ("Westmark", "Westmark", "PROPN", 2, "obj"),
            (",", ",", "PUNCT", 5, "punct"),
            ("accused", "accuse", "VERB", 2, "conj"),
            ("by", "by", "ADP", 7, "case"),
            ("Nordhaven", "Nordhaven", "PROPN", 5, "obl:agent"),
        ]);
        let c = code_sentence_with(&d, &t, None, true);
        assert!(c.iter().all(|c| c.source != "OST"), "{c:?}");
        // Without the agent phrase the coordinated verb shares the subject.
        let mut active = t.clone();
        active[6].deprel = "obl".into();
        let c = code_sentence_with(&d, &active, None, true);
        assert!(c.iter().any(|c| c.source == "OST"), "{c:?}");
    }
}
