//! Coding over veille's dependency parse with PETRARCH-format dictionaries: the parse-based
//! coder of English articles (the shipped petrarch2 dictionaries, see `petrarch::english`).
//!
//! Each sentence's words and their parse become [`petrarch::Tok`]s; every coding of
//! [`petrarch::code_sentence`] becomes an [`EventMention`] with the same dating, placing and
//! evidence rules as the pattern coder: the source and target phrases, the verb, and the time
//! expression and place that dated and placed it. The rule names the dictionary line that fired.

use crate::cameo::CameoTable;
use crate::petrarch::{self, Coding, Discards, PetrarchDicts, Tok};
use veille_core::{Actor, Doc, EventMention, Sentence, Span, Upos};

/// Whether `form` is the French conditional of the verb `lemma` built on its infinitive
/// ("regretterait", "finiraient", "prendrait"): the tagger sometimes reads it as a present.
/// Built from the lemma, so that an imperfect ending in "-rait" ("courait", "paraît") is not.
fn french_conditional(form: &str, lemma: &str) -> bool {
    let form = form.to_lowercase();
    let stem = lemma.strip_suffix('e').filter(|_| lemma.ends_with("re"));
    ["ais", "ait", "aient", "ions", "iez"].iter().any(|end| {
        form.strip_suffix(end)
            .is_some_and(|f| f == lemma || stem.is_some_and(|s| f == s))
    }) && lemma.len() > 3
        && (lemma.ends_with("er") || lemma.ends_with("ir") || lemma.ends_with("re"))
}

/// The words of one sentence as coder tokens, with the index in `doc.words` of each.
pub fn sentence_toks(doc: &Doc, sent: &Sentence) -> (Vec<Tok>, Vec<usize>) {
    let toks = sent.tokens();
    // Words are in token order: the sentence's words are one contiguous run.
    let first = doc
        .words
        .partition_point(|w| (w.token as usize) < toks.start);
    let end = doc.words.partition_point(|w| (w.token as usize) < toks.end);
    let idx: Vec<usize> = (first..end).collect();
    let out = idx
        .iter()
        .map(|&w| {
            let a = doc.analyses.get(w);
            Tok {
                form: doc.words[w].form(&doc.text).to_string(),
                lemma: a.map_or_else(String::new, |a| a.lemma.clone()),
                upos: a.map_or(std::borrow::Cow::Borrowed(""), |a| a.upos.as_str().into()),
                // A head outside the sentence (a malformed parse) is treated as the root.
                head: a
                    .and_then(|a| a.head)
                    .map(|h| h as usize)
                    .filter(|h| (first..end).contains(h))
                    .map(|h| h - first),
                deprel: a.map_or_else(String::new, |a| a.deprel.clone()),
                future: a.is_some_and(|a| {
                    a.feats.get("Tense") == Some("Fut")
                        || a.feats.get("Mood") == Some("Cnd")
                        || a.upos == Upos::Verb
                            && french_conditional(doc.words[w].form(&doc.text), &a.lemma)
                }),
            }
        })
        .collect();
    (out, idx)
}

/// The article date as `YYYYMMDD`, for date-restricted actor codes.
fn yyyymmdd(doc: &Doc) -> Option<u32> {
    let d = doc.date?;
    u32::try_from(d.year() * 10000 + d.month() as i32 * 100 + d.day() as i32).ok()
}

/// What one declares by an act rather than says: "déclarer l'indépendance", "declare war",
/// "déclarer l'état d'urgence", "declare bankruptcy".
#[rustfmt::skip]
pub(crate) const DECLARED_ACTS: &[&str] = &[
    "indépendance", "independence", "guerre", "war", "état", "state", "urgence", "emergency",
    "forfait", "faillite", "bankruptcy", "loi", "law", "cessez-le-feu", "ceasefire", "trêve",
    "truce", "mobilisation", "mobilization",
];

/// Nouns whose infinitive complement is decided or planned, not done ("la décision de
/// l'accueillir", "a plan to attack").
#[rustfmt::skip]
const PLAN_NOUNS: &[&str] = &[
    "décision", "projet", "plan", "intention", "proposition", "volonté", "idée", "menace",
    "promesse", "refus", "tentative", "offre", "decision", "proposal", "bid", "attempt",
    "threat", "promise", "offer", "refusal", "idea",
];

/// CAMEO's generic sector codes, which an agent phrase gives without a country.
const SECTORS: &[&str] = &[
    "GOV", "MIL", "COP", "REB", "OPP", "CVL", "PPL", "JUD", "LEG", "MED", "EDU", "BUS", "LAB",
    "REL", "HLH", "AGR", "CRM", "REF", "ELI", "SPY", "UAF", "INS", "SEP", "RAD", "MOD", "PTY",
    "ENV", "HRI", "JRN",
];

/// Splits a PETRARCH actor code into country and roles: `USAGOV` → (`USA`, [`GOV`]) when the
/// first three letters are a country `is_country` knows; otherwise no country and no roles
/// (`IGOUNO`, `NGO`), the code is kept whole.
fn split_code(code: &str, is_country: &dyn Fn(&str) -> bool) -> (Option<String>, Vec<String>) {
    if code.len() < 3 || !code.is_ascii() {
        return (None, Vec::new());
    }
    let (c, rest) = code.split_at(3);
    if !is_country(c) {
        // A bare agent code ("COP" for "selon la police") is a role without a country, and
        // so are agent codes together ("GOVPPL": "Catalan authorities"), when every one is a
        // sector; "IGOUNO" and the like are organisations, not roles.
        let chunks: Vec<&str> = (0..code.len() / 3)
            .map(|k| &code[3 * k..3 * k + 3])
            .collect();
        let role = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
            || code.len().is_multiple_of(3) && chunks.iter().all(|r| SECTORS.contains(r));
        return (
            None,
            if role {
                chunks.into_iter().map(str::to_string).collect()
            } else {
                Vec::new()
            },
        );
    }
    let roles = rest
        .as_bytes()
        .chunks(3)
        .filter_map(|r| std::str::from_utf8(r).ok())
        .map(str::to_string)
        .collect();
    (Some(c.to_string()), roles)
}

fn words_span(doc: &Doc, idx: &[usize], r: &std::ops::Range<usize>) -> Option<Span> {
    let a = doc.words.get(*idx.get(r.start)?)?.span;
    let b = doc.words.get(*idx.get(r.end.checked_sub(1)?)?)?.span;
    Some(Span::new(a.start as usize, b.end.max(a.start) as usize))
}

/// Codes `doc` (segmented, tagged and parsed) with `dicts`; `name` names the dictionary set in
/// each record's rule. Codes the CAMEO table does not know are skipped, as are records with a
/// journalist on either side (the reporter is a source of the story, never an actor). A
/// sentence the discard list names (sports, chronologies) is not coded, nor is any sentence
/// of a story it names with `+`. Each record comes with the span of its verb.
pub fn code_parsed(
    doc: &Doc,
    dicts: &PetrarchDicts,
    discards: &Discards,
    cameo: &CameoTable,
    name: &str,
    is_country: &dyn Fn(&str) -> bool,
    triggers: &[TriggerCode],
) -> Vec<(Span, EventMention)> {
    let date = yyyymmdd(doc);
    let mut out = Vec::new();
    if doc.analyses.len() != doc.words.len() {
        return out;
    }
    let listed = discards.matches(&doc.text);
    if listed.iter().any(|m| m.1) {
        return out;
    }
    for sent in &doc.sentences {
        let within = |r: &std::ops::Range<usize>| {
            sent.span.start as usize <= r.start && r.end <= sent.span.end as usize
        };
        if listed.iter().any(|m| within(&m.0)) {
            continue;
        }
        let (toks, idx) = sentence_toks(doc, sent);
        if toks.is_empty() {
            continue;
        }
        let mut codings = petrarch::code_sentence_with(dicts, &toks, date, true);
        for c in &mut codings {
            recode_by_trigger(doc, &idx, c, triggers);
        }
        let codings = agreements_to_act(&toks, codings);
        for c in codings {
            if let Some(e) = mention(doc, sent, &toks, &idx, &c, cameo, name, is_country) {
                out.push(e);
            }
        }
    }
    out
}

/// A verb trigger of veille's word patterns, with the pattern's CAMEO code.
#[derive(Debug, Clone)]
pub struct TriggerCode {
    /// The first word of the trigger (the verb).
    pub span: Span,
    pub cameo: String,
    pub id: String,
}

/// The word patterns are veille's reading of a verb where the PETRARCH dictionaries read it
/// otherwise ("is suing the United States": CAMEO.2.0 codes "sue" as an arrest, 173; CAMEO
/// has 115, bring a lawsuit). The pattern coder's record wins where it made one; where it
/// could not (an actor only the Phoenix dictionaries know: "a Saudi businessman"), the parse
/// coder's record of the same verb takes the pattern's code when it names another kind of
/// act (another root). A record read from the verb's object ("mounted an invasion") keeps
/// its code.
fn recode_by_trigger(doc: &Doc, idx: &[usize], c: &mut Coding, triggers: &[TriggerCode]) {
    // A promise not to act is coded from the promise, not the act the pattern read.
    if triggers.is_empty() || c.rule.starts_with("nominal") || c.rule.contains("+promised_not") {
        return;
    }
    let Some(verb) = idx.get(c.verb).and_then(|&w| doc.words.get(w)) else {
        return;
    };
    let Some(t) = triggers.iter().find(|t| t.span == verb.span) else {
        return;
    };
    // "told the Council that sanctions must continue": a statement whose clause obliges
    // someone is the demand or appeal the dictionaries read, not a mere statement.
    let asks = c.code.starts_with("10") || c.code.starts_with("02");
    if t.cameo.get(..2) != c.code.get(..2) && !(t.cameo.starts_with("01") && asks) {
        c.code = t.cameo.clone();
        c.rule.push_str("+pattern:");
        c.rule.push_str(&t.id);
    }
}

/// Verbs that demand rather than appeal: CAMEO 10 ("demand") mirrors 02 ("appeal") code for
/// code (021 → 101, 0253 → 1053), and the verb decides between them.
const DEMAND_VERBS: &[&str] = &["demand", "insist", "exiger", "réclamer", "sommer"];

/// The demand code for a coding whose dictionary pattern gave an appeal (02x) on a demanding
/// verb: petrarch2's CAMEO.2.0 lists "demand" with "urge" and "want", so "demanded the
/// release of" comes out as 0253 (appeal) where CAMEO has 1053.
fn demand_code(toks: &[Tok], c: &Coding) -> Option<String> {
    let verb = toks.get(c.verb)?;
    (DEMAND_VERBS.contains(&verb.lemma.to_lowercase().as_str()) && c.code.starts_with("02"))
        .then(|| format!("10{}", &c.code[2..]))
}

/// Verbs of agreeing to do something: "agreed to release", "a accepté de rouvrir", "ont
/// convenu de se retrouver".
const AGREE_TO: &[&str] = &["agree", "accepter", "convenir"];

/// Verbs of going, arriving, facing or learning, which CAMEO.2.0 codes as a consultation
/// (040) by default.
const GOING: &[&str] = &[
    "go",
    "leave",
    "depart",
    "embark",
    "journey",
    "tour",
    "travel",
    "arrive",
    "come",
    "head",
    "return",
    "pull",
    "walk",
    "hear",
    "learn",
    "find",
    "introduce",
    "insert",
    "innovate",
    "face",
    "brave",
    "confront",
    "encounter",
    "arriver",
    "partir",
    "quitter",
    "aller",
    "venir",
];

/// Verbs of planning or deciding to do something: "plans to impose restrictions", "decided
/// to allow". The dictionaries code them as a bare intent to cooperate (030); the planned act
/// says more: coded as an intent of its own (a threat for a sanction) when planned, as done
/// when decided (a decision is taken: "decide" is no intent head).
const PLAN_TO: &[&str] = &["plan", "intend", "decide", "prévoir", "décider", "compter"];

/// Verbs of vowing: "swore to fight", "vowed to retaliate". The dictionaries read "swear"
/// as cursing (110); what is vowed is the event, as an intent (a threat for force).
const SWEAR_TO: &[&str] = &["swear", "vow", "jurer"];

/// Verbs of agreeing, without "accept" (accepting an offer or a result is not an agreement
/// to act).
const AGREES: &[&str] = &["agree", "convenir"];

/// Verbs whose complement clause is an act denied, alleged or warned against, not done by
/// their subject: "a nié soutenir", "denied helping", "a accusé X de menacer", "accused X of
/// attacking", "warned X against interfering".
const NOT_DONE_HEADS: &[&str] = &[
    "deny",
    "accuse",
    "charge",
    "blame",
    "suspect",
    "warn",
    "nier",
    "démentir",
    "accuser",
    "soupçonner",
    "reprocher",
];

/// The lowercased lemma of word `v`, empty if there is none.
fn lemma_of(toks: &[Tok], v: usize) -> String {
    toks.get(v)
        .map_or(String::new(), |t| t.lemma.to_lowercase())
}

/// Nouns of armed or police forces, the objects of a show of force ("mobilized troops",
/// "a mobilisé des réservistes").
const FORCES: &[&str] = &[
    "troop",
    "troops",
    "force",
    "forces",
    "army",
    "soldier",
    "soldiers",
    "reservist",
    "reservists",
    "unit",
    "units",
    "police",
    "policeman",
    "policemen",
    "militia",
    "fighter",
    "fighters",
    "tank",
    "tanks",
    "warship",
    "warships",
    "ship",
    "jet",
    "jets",
    "aircraft",
    "missile",
    "missiles",
    "battalion",
    "battalions",
    "brigade",
    "brigades",
    "division",
    "divisions",
    "man",
    "men",
    "personnel",
    "guard",
    "guards",
    "navy",
    "fleet",
    "armée",
    "troupe",
    "troupes",
    "soldat",
    "soldats",
    "réserviste",
    "réservistes",
    "unité",
    "unités",
    "policier",
    "policiers",
    "gendarme",
    "gendarmes",
    "milice",
    "milices",
    "combattant",
    "combattants",
    "char",
    "chars",
    "navire",
    "navires",
    "avion",
    "avions",
    "bataillon",
    "bataillons",
    "hommes",
    "effectif",
    "effectifs",
];

/// Verbs of sending someone on an errand: "dispatched inspectors to monitor …".
const SENDING: &[&str] = &[
    "send",
    "dispatch",
    "summon",
    "envoyer",
    "dépêcher",
    "convoquer",
];

/// Verbs of refusing to do something: "refused to meet", "declined to resign", "a refusé de
/// lever". What is refused is not done; CAMEO codes the refusal (12x).
const REFUSE_TO: &[&str] = &["refuse", "decline", "refuser"];

/// Whether the verb at `v` hangs by one of `rels` (`xcomp`; or `ccomp`, `advcl` for "accused
/// X of attacking", "denied that it attacked") on a word whose lemma is in `heads`.
fn complement_of(toks: &[Tok], v: usize, rels: &[&str], heads: &[&str]) -> bool {
    toks.get(v)
        .is_some_and(|t| rels.iter().any(|r| t.deprel.starts_with(r)))
        && toks[v]
            .head
            .and_then(|h| toks.get(h))
            .is_some_and(|h| heads.contains(&h.lemma.to_lowercase().as_str()))
}

/// The relations of a complement clause.
const CLAUSES: &[&str] = &["xcomp", "ccomp", "advcl"];

/// Whether the verb at `at` (a span of one of `doc`'s words) is, in the parse, an act that a
/// verb of denying or alleging hangs on ("has been accused of raping", "a nié avoir
/// attaqué"): alleged or denied, not done. False where the document has no parse.
pub(crate) fn alleged_or_denied(doc: &Doc, at: Span) -> bool {
    // Read off the document's own analyses: no sentence is rebuilt for each evidence span.
    let w = doc.words.partition_point(|x| x.span.start < at.start);
    let (Some(word), Some(a)) = (doc.words.get(w), doc.analyses.get(w)) else {
        return false;
    };
    doc.analyses.len() == doc.words.len()
        && word.span == at
        && a.upos == Upos::Verb
        && CLAUSES.iter().any(|r| a.deprel.starts_with(r))
        && a.head
            .and_then(|h| doc.analyses.get(h as usize))
            .is_some_and(|h| NOT_DONE_HEADS.contains(&h.lemma.to_lowercase().as_str()))
}

/// The CAMEO code of refusing the act coded `code` (CAMEO 12, "reject"): to meet or negotiate
/// (04) → 125, to cooperate (06) → 121, to give aid (07) → 122, to yield (08) → 124 and its
/// subcodes, anything else → 120.
pub(crate) fn refusal_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "061" => "1211",
        "062" => "1212",
        "063" => "1213",
        "064" => "1214",
        "081" => "1241",
        "082" => "1242",
        "084" | "0841" | "0842" => "1243",
        "085" => "1244",
        "086" => "1245",
        "087" | "0871" | "0872" | "0873" | "0874" => "1246",
        _ => match code.get(..2)? {
            "04" => "125",
            "06" => "121",
            "07" => "122",
            "08" => "124",
            _ => "120",
        },
    })
}

/// "X agreed to do Y" is, in CAMEO, X's intent to do Y (03x), which the coding of Y carries
/// (`agree` is an intent head); "X refused to do Y" is X's rejection of Y (12x, see
/// [`refusal_code`]). The dictionaries' own reading of the agreeing or refusing verb
/// (petrarch2 codes a bare "agree" 050, diplomatic cooperation) then says less, or the wrong
/// thing: it is dropped when a verb under its `xcomp` is coded; otherwise an agreement becomes
/// 030 (intent to cooperate, unspecified) and a refusal keeps its code.
fn agreements_to_act(toks: &[Tok], codings: Vec<Coding>) -> Vec<Coding> {
    let xcomp_of = |v: usize| {
        toks.iter()
            .position(|t| t.head == Some(v) && t.deprel.starts_with("xcomp"))
    };
    let under = |mut w: usize, top: usize| {
        for _ in 0..toks.len() {
            if w == top {
                return true;
            }
            match toks[w].head {
                Some(h) => w = h,
                None => return false,
            }
        }
        false
    };
    let mut out = Vec::with_capacity(codings.len());
    for c in &codings {
        // "a nié soutenir les rebelles", "accused Ethiopia of threatening": the denied or
        // alleged act is not the subject's deed (and its agent is often someone else).
        if complement_of(toks, c.verb, CLAUSES, NOT_DONE_HEADS) {
            continue;
        }
        let lemma = lemma_of(toks, c.verb);
        let lemma = lemma.as_str();
        // "mobilized pressure groups", "deployed its diplomats": CAMEO's show of force (15x)
        // is one of armed or police forces; a bare verb entry with another object is none.
        if c.code.starts_with("15")
            && c.rule.starts_with("verb:")
            && toks.iter().any(|t| {
                t.head == Some(c.verb)
                    && t.deprel == "obj"
                    && t.upos == "NOUN"
                    && !FORCES.contains(&t.lemma.to_lowercase().as_str())
            })
        {
            continue;
        }
        // An act coded in a clause under this verb ("xcomp", or a purpose "advcl").
        let coded_under = |rel: &str| {
            codings.iter().any(|d| {
                !d.code.starts_with("01")
                    && toks
                        .get(d.verb)
                        .is_some_and(|t| t.head == Some(c.verb) && t.deprel.starts_with(rel))
                    && (rel != "advcl" || purpose(toks, d.verb))
            })
        };
        // "to help support the rights of …": helping with no one helped is the act helped
        // with.
        if matches!(lemma, "help" | "aider")
            && !toks
                .iter()
                .any(|t| t.head == Some(c.verb) && matches!(t.deprel.as_str(), "obj" | "iobj"))
            && coded_under("xcomp")
        {
            continue;
        }
        // "is struggling to keep her plan on track": striving to do something is no fight
        // (CAMEO.2.0 codes a bare "struggle" 190).
        if lemma == "struggle" && xcomp_of(c.verb).is_some() {
            continue;
        }
        // "sent inspectors to monitor", "summoned the ambassador to complain": the errand
        // is the act; sending or summoning for it is how it is done.
        if SENDING.contains(&lemma) && coded_under("advcl") {
            continue;
        }
        // "is expected to visit", "war games expected to be joined by …": a forecast by
        // unnamed others, not the subject's intent (CAMEO.2.0 codes a bare "expect" 030).
        // What is expected is coded as intended (`expect` is an intent head).
        if lemma == "expect" && passive_or_participle(toks, c.verb) {
            continue;
        }
        let agreeing = AGREE_TO.contains(&lemma)
            || REFUSE_TO.contains(&lemma)
            || PLAN_TO.contains(&lemma) && c.code.starts_with("03")
            || SWEAR_TO.contains(&lemma);
        let Some(x) = agreeing.then(|| xcomp_of(c.verb)).flatten() else {
            let mut c = c.clone();
            // "agreed upon a free-trade pact", "agreed to a ceasefire": petrarch2 codes a
            // bare "agree" as diplomatic cooperation (050) and "agree with" as 030; CAMEO
            // (and PLOVER's AGREE) read an agreement as the intent to cooperate.
            // Agreeing that something is so ("agreed that the border had been calm") is a
            // shared view, and "agreed that their countries would cooperate" is left to
            // `agreed_ahead` (032): only an agreement without a "that" clause is changed.
            let that_clause = toks
                .iter()
                .any(|t| t.head == Some(c.verb) && t.deprel.starts_with("ccomp"));
            if AGREES.contains(&lemma) && c.code == "050" && !that_clause {
                c.code = "030".to_string();
                c.rule.push_str("+agree");
            }
            // "Syria tells US forces to withdraw": telling someone to act is asking them to
            // (CAMEO.2.0 lists "tell" with "say"), as "demande aux forces de se retirer" is.
            // "weighed penalizing El Salvador", "is considering sanctions": weighing a course
            // of action is CAMEO's "consider policy option" (014), as "envisager de" codes;
            // CAMEO.2.0's block default (040) reads "consider" as consulting.
            if matches!(
                lemma,
                "consider" | "weigh" | "ponder" | "mull" | "contemplate"
            ) && c.code == "040"
                && toks.iter().any(|t| {
                    t.head == Some(c.verb) && matches!(t.deprel.as_str(), "xcomp" | "ccomp" | "obj")
                })
            {
                c.code = "014".to_string();
                c.rule.push_str("+consider");
            }
            if lemma == "tell"
                && c.code.starts_with("01")
                && xcomp_of(c.verb).is_some()
                && toks
                    .iter()
                    .any(|t| t.head == Some(c.verb) && matches!(t.deprel.as_str(), "obj" | "iobj"))
            {
                c.code = "020".to_string();
                c.rule.push_str("+told_to");
            }
            // "sexually assaulted", "agressée sexuellement": CAMEO's sexual assault (1821),
            // not the dictionaries' armed assault (19) or unconventional violence (18).
            if (c.code.starts_with("18") || c.code.starts_with("19"))
                && toks.iter().any(|t| {
                    t.head == Some(c.verb)
                        && matches!(t.lemma.to_lowercase().as_str(), "sexually" | "sexuellement")
                })
            {
                c.code = "1821".to_string();
                c.rule.push_str("+sexual");
            }
            out.push(c);
            continue;
        };
        // A statement hung under the complement ("…, a UN official said", read as part of
        // the agreed clause) is no act of it.
        if codings
            .iter()
            .any(|d| d.verb != c.verb && !d.code.starts_with("01") && under(d.verb, x))
        {
            continue;
        }
        let mut c = c.clone();
        if AGREE_TO.contains(&lemma) && (c.code.starts_with("05") || c.code.starts_with("04")) {
            c.code = "030".to_string();
            c.rule.push_str("+agree_to");
        }
        out.push(c);
    }
    out
}

/// Whether the verb at `v` is passive ("is expected") or a participle modifying a noun
/// ("games expected to …").
fn passive_or_participle(toks: &[Tok], v: usize) -> bool {
    let passive = |v: usize| {
        toks.iter()
            .any(|t| t.head == Some(v) && matches!(t.deprel.as_str(), "aux:pass" | "nsubj:pass"))
    };
    toks.get(v)
        .is_some_and(|t| t.deprel.starts_with("acl") || t.deprel.starts_with("amod"))
        || passive(v)
        // "expected to be joined by …": what is expected is done to the subject.
        || toks
            .iter()
            .enumerate()
            .any(|(x, t)| t.head == Some(v) && t.deprel.starts_with("xcomp") && passive(x))
}

/// Heads of a will to act: negated ("ne va pas signer", "does not want to meet", "is not
/// willing to negotiate"), the act is refused.
const WILL_HEADS: &[&str] = &[
    "aller",
    "vouloir",
    "want",
    "willing",
    "ready",
    "prêt",
    "plan",
    "intend",
    "agree",
    "accepter",
    "envisager",
    "compter",
];

/// Whether the head of the verb at `v` carries a negation ("ne va pas", "does not want").
fn head_negated(toks: &[Tok], v: usize) -> bool {
    let Some(h) = toks.get(v).and_then(|t| t.head) else {
        return false;
    };
    toks.iter().any(|t| {
        t.head == Some(h)
            && t.deprel.starts_with("advmod")
            && matches!(
                t.form.to_lowercase().as_str(),
                "not" | "n't" | "never" | "pas" | "jamais"
            )
    })
}

/// Words that make the verb they govern (`xcomp`) an intention, not a deed: "is ready to
/// send", "promised to continue", "threatened to strike".
const INTENT_HEADS: &[&str] = &[
    "willing",
    "ready",
    "prepared",
    "plan",
    "intend",
    "promise",
    "pledge",
    "vow",
    "swear",
    "offer",
    "expect",
    "hope",
    "want",
    "aim",
    "seek",
    "threaten",
    "propose",
    "commit",
    "committed",
    "set",
    "poised",
    // "weighed penalizing El Salvador", as "a envisagé de pénaliser"; "was scheduled to
    // visit", as "devait visiter".
    "schedule",
    "consider",
    "weigh",
    "contemplate",
    "mull",
    // "agreed to release": CAMEO codes an agreement to act as an intent (03x), the act
    // itself not yet done.
    "agree",
    // French: "prêt à signer", "a promis de livrer", "s'est engagé à", "veut rencontrer",
    // "pourrait frapper", "doit se rendre", "va signer".
    "prêt",
    "promettre",
    "accepter",
    "convenir",
    "engager",
    "vouloir",
    "envisager",
    "prévoir",
    "compter",
    "entendre",
    "menacer",
    "proposer",
    "souhaiter",
    "espérer",
    "chercher",
    "viser",
    "pouvoir",
    "devoir",
    "aller",
];
/// Auxiliaries of the future and of possibility.
const INTENT_AUX: &[&str] = &[
    "will", "would", "shall", "'ll", "may", "might", "could", "aller", "pouvoir", "devoir",
];

/// Whether the verb at `v` is only intended, promised, possible or future.
fn intended(toks: &[Tok], v: usize) -> bool {
    let lower = |t: &Tok| t.lemma.to_lowercase();
    let mut v = v;
    // "is willing to send material to help defend X": an infinitive under an intended verb
    // (its complement, or its purpose clause) is intended too. A few steps up at most.
    for step in 0..4 {
        let aux = toks.iter().any(|t| {
            t.head == Some(v)
                && t.deprel.starts_with("aux")
                && (INTENT_AUX.contains(&lower(t).as_str())
                    || INTENT_AUX.contains(&t.form.to_lowercase().as_str()))
        });
        // "continueront à échanger": French puts the future in the governing verb's own
        // form, where English has "will continue to".
        let future_head = step > 0 && toks.get(v).is_some_and(|t| t.future);
        if aux || future_head || complement_of(toks, v, &["xcomp"], INTENT_HEADS) {
            return true;
        }
        let Some(t) = toks.get(v) else { return false };
        let up = t.deprel.starts_with("xcomp") || t.deprel.starts_with("advcl") && purpose(toks, v);
        match t.head {
            Some(h) if up && h != v => v = h,
            _ => return false,
        }
    }
    false
}

/// Whether the clause of the verb at `v` is a purpose infinitive ("to help", "pour aider",
/// "afin de").
fn purpose(toks: &[Tok], v: usize) -> bool {
    toks.iter().any(|t| {
        t.head == Some(v)
            && t.deprel == "mark"
            && matches!(t.form.to_lowercase().as_str(), "to" | "pour" | "afin")
    })
}

/// Whether the verb at `v` says what must or should be done ("that Iraq must cooperate",
/// "Kenya should withdraw"): an obligation or advice, not a deed of its subject. The verbs
/// that demand it code the demand ("demanded that …", see the PETRARCH coder's obliged
/// subjects).
fn obliged(toks: &[Tok], v: usize) -> bool {
    toks.iter().any(|t| {
        t.head == Some(v)
            && t.deprel.starts_with("aux")
            && matches!(t.form.to_lowercase().as_str(), "must" | "should" | "ought")
    })
}

/// "agreed that their countries should cooperate", "ont convenu que leurs pays devaient
/// coopérer": agreeing on what is still to be done is an intent, like "agreed to cooperate".
fn agreed_ahead(toks: &[Tok], v: usize) -> bool {
    const AGREE: &[&str] = &["agree", "convenir"];
    const AHEAD: &[&str] = &["should", "must", "ought"];
    toks.get(v)
        .is_some_and(|t| AGREE.contains(&t.lemma.to_lowercase().as_str()))
        && toks.iter().enumerate().any(|(c, t)| {
            t.head == Some(v)
                && t.deprel == "ccomp"
                // "que leurs pays devaient coopérer": the modal verb heads the clause.
                && (t.lemma.eq_ignore_ascii_case("devoir")
                    || intended(toks, c)
                    || future_or_conditional(toks, c)
                    || toks.iter().any(|a| {
                        a.head == Some(c)
                            && a.deprel == "aux"
                            && AHEAD.contains(&a.form.to_lowercase().as_str())
                    }))
        })
}

/// Whether the verb at `v` has a clause of condition against it: "unless the president steps
/// down", "à moins que le président ne démissionne".
fn ultimatum(toks: &[Tok], v: usize) -> bool {
    // The clause may hang on the verb or, "announced that it will withdraw … unless …", on
    // the verb reporting it, after the act.
    let report = toks
        .get(v)
        .filter(|t| t.deprel == "ccomp")
        .and_then(|t| t.head);
    toks.iter().enumerate().any(|(c, t)| {
        (t.head == Some(v) || t.head.is_some() && t.head == report && c > v)
            && t.deprel.starts_with("advcl")
            && condition_mark(toks, c, true)
    })
}

/// Whether the clause headed by `c` is introduced by "unless" / "à moins que" or, with
/// `only_against` false, also by "if" / "si".
fn condition_mark(toks: &[Tok], c: usize, only_against: bool) -> bool {
    toks.iter().enumerate().any(|(m, w)| {
        let form = w.form.to_lowercase();
        w.head == Some(c)
            && w.deprel == "mark"
            && (form == "unless"
                || matches!(form.as_str(), "que" | "qu'" | "qu’")
                    && m > 0
                    && toks[m - 1].form.eq_ignore_ascii_case("moins")
                || !only_against && matches!(form.as_str(), "if" | "si" | "s'" | "s’"))
    })
}

/// Whether the verb at `v` is inside a clause of condition ("if the United States took
/// measures", "unless the president arranged a ceasefire"): what it says may not happen.
/// Words whose complement is what does not happen: "afin d'éviter que l'énergie russe arrive
/// sur les marchés", "to prevent the army entering the city", "impossible de renoncer".
const PREVENT: &[&str] = &["éviter", "empêcher", "prevent", "avoid", "impossible"];

/// Whether the verb `v` (of lemma `lemma_of(v)`, head `head_of(v)`) is the clause a verb of
/// [`PREVENT`] keeps from happening.
fn prevented_by(
    deprel: &str,
    head: Option<usize>,
    marked: bool,
    lemma_of: impl Fn(usize) -> Option<String>,
) -> bool {
    // "il serait impossible pour son pays de renoncer …": the clause is the adjective's
    // subject.
    let Some(l) = head.and_then(lemma_of) else {
        return false;
    };
    matches!(deprel, "ccomp" | "xcomp" | "csubj") && PREVENT.contains(&l.as_str())
        // "to prevent Russian energy hitting the markets" read with "hitting" an adverbial of
        // "prevent": with no subordinator ("by bombing" is the means, and happens), it is
        // what is prevented.
        || deprel == "advcl"
            && !marked
            && PREVENT.contains(&l.as_str())
            && l != "impossible"
        // "Washington is wary of agreeing to …", "réticente à accepter": what one is
        // reluctant to do is not done. (The tagger lemmatises "réticent(e)" as unknown verbs.)
        || matches!(deprel, "ccomp" | "xcomp" | "advcl")
            && (RELUCTANT.contains(&l.as_str()) || l.starts_with("rétic"))
}

/// Adjectives of reluctance: their complement is what one is loath to do.
const RELUCTANT: &[&str] = &[
    "wary",
    "reluctant",
    "hesitant",
    "loath",
    "loth",
    "unwilling",
    "hésitant",
];

fn in_condition(toks: &[Tok], v: usize) -> bool {
    let mut k = v;
    for _ in 0..toks.len().min(12) {
        let Some(t) = toks.get(k) else { return false };
        if t.deprel.starts_with("advcl") && condition_mark(toks, k, false) {
            return true;
        }
        // "Getting Washington to back down means …": a gerund or infinitive as a subject
        // names an act in general, not one done.
        if t.deprel.starts_with("csubj")
            && (t.form.to_lowercase().ends_with("ing")
                || toks.iter().any(|w| {
                    w.head == Some(k) && w.deprel == "mark" && w.form.eq_ignore_ascii_case("to")
                }))
        {
            return true;
        }
        // "asked whether the FBI could unearth anything", "a demandé si le FBI pouvait …":
        // an indirect question says nothing happened.
        if toks.iter().any(|w| {
            w.head == Some(k)
                && w.deprel == "mark"
                && match w.form.to_lowercase().as_str() {
                    "whether" => true,
                    "if" | "si" | "s'" | "s’" => t.deprel.starts_with("ccomp"),
                    _ => false,
                }
        }) {
            return true;
        }
        // The main clause, or one set after it ("I couldn't help thinking: can't the
        // industry give him a role?").
        if (t.head.is_none() || t.deprel == "parataxis" && t.head.is_some_and(|h| h < k))
            && yes_no_question(toks, k)
        {
            return true;
        }
        match t.head {
            Some(h) if h != k => k = h,
            _ => return false,
        }
    }
    false
}

/// Whether the clause of `root` asks a yes–no question: the sentence ends with a question
/// mark and the subject follows an auxiliary ("Can't the industry give him a role?", "Did
/// Kenya attack?") or the verb, as a clitic ("L'industrie ne peut-elle pas lui offrir un rôle
/// ?", "Le Kenya a-t-il attaqué ?"). A question asserts nothing; one with a question word
/// ("Why did Kenya attack?") presupposes the act and is left alone.
fn yes_no_question(toks: &[Tok], root: usize) -> bool {
    question_shape(toks.len(), root, |i| {
        let t = &toks[i];
        (t.form.as_str(), t.upos.as_ref(), t.head, t.deprel.as_str())
    })
}

/// [`yes_no_question`] for the root word `root` of `doc`'s parse.
fn doc_question(doc: &Doc, root: usize) -> bool {
    let Some(at) = doc.words.get(root).map(|w| w.span.start) else {
        return false;
    };
    let Some(sent) = doc
        .sentences
        .iter()
        .find(|s| s.span.start <= at && at < s.span.end)
    else {
        return false;
    };
    let from = doc
        .words
        .partition_point(|w| w.span.start < sent.span.start);
    let to = doc
        .words
        .partition_point(|w| w.span.start < sent.span.end)
        .min(doc.analyses.len());
    if root < from || root >= to {
        return false;
    }
    question_shape(to - from, root - from, |i| {
        let x = &doc.analyses[from + i];
        (
            doc.words[from + i].form(&doc.text),
            x.upos.as_str(),
            x.head
                .and_then(|h| (h as usize).checked_sub(from))
                .filter(|&h| h < to - from),
            x.deprel.as_str(),
        )
    })
}

/// [`yes_no_question`] over any sentence of `n` words, read through `word(i)` = (form, UPOS,
/// head, deprel) with indices relative to the sentence.
fn question_shape<'a>(
    n: usize,
    root: usize,
    word: impl Fn(usize) -> (&'a str, &'a str, Option<usize>, &'a str),
) -> bool {
    if n == 0 || word(n - 1).0 != "?" {
        return false;
    }
    let child = |i: usize, rel: &str| {
        let (_, _, h, d) = word(i);
        h == Some(root) && d.starts_with(rel)
    };
    let inverted = (0..n)
        .filter(|&s| child(s, "nsubj"))
        .any(|s| (0..s).any(|x| child(x, "aux")) || s > root && word(s).0.starts_with('-'));
    let wh = (0..n).find(|&i| word(i).1 != "PUNCT").is_some_and(|f| {
        let (form, upos, _, _) = word(f);
        let w = form.to_lowercase();
        matches!(upos, "ADV" | "PRON" | "DET")
            && (w.starts_with("wh")
                || w == "how"
                || w.starts_with("qu")
                || w == "pourquoi"
                || w == "comment"
                || w == "où")
    });
    inverted && !wh
}

/// The verb a trigger word at `w` of `doc` stands for: the word itself, or for a noun trigger
/// (through its adjective or compound: "joint exercises") the verb it is the object or
/// subject of ("agreed to hold joint exercises" → "hold"). `None` without a parse.
fn trigger_verb(doc: &Doc, w: usize) -> Option<usize> {
    let (w, x) = trigger_noun(doc, w)?;
    if matches!(x.upos, Upos::Noun | Upos::Propn)
        && (x.deprel == "obj" || x.deprel.starts_with("nsubj"))
        && let Some(h) = x.head
    {
        return Some(h as usize);
    }
    Some(w)
}

/// The verb of the word at `w` (its head when `w` is an auxiliary) and the range of word
/// indices of `sentence` (within the analyses).
fn verb_in_sentence(doc: &Doc, w: usize, sentence: Span) -> Option<(usize, usize, usize)> {
    let a = &doc.analyses;
    let x = a.get(w)?;
    let v = if x.deprel.starts_with("aux") {
        x.head? as usize
    } else {
        w
    };
    let from = doc
        .words
        .partition_point(|wd| wd.span.start < sentence.start);
    let to = doc.words.partition_point(|wd| wd.span.start < sentence.end);
    Some((v, from, to.min(a.len())))
}

/// Where the parse puts the subject of the verb at word `w` (of its head when `w` is an
/// auxiliary), looking only at the words of `sentence`: `Some(Some(span))` for a subject
/// word, `Some(None)` when the verb has none, `None` without a parse.
pub(crate) fn parsed_subject(doc: &Doc, w: usize, sentence: Span) -> Option<Option<Span>> {
    let a = &doc.analyses;
    let (v, from, to) = verb_in_sentence(doc, w, sentence)?;
    Some(
        (from..to)
            .find(|&k| a[k].head == Some(v as u32) && a[k].deprel.starts_with("nsubj"))
            .and_then(|k| doc.words.get(k).map(|wd| wd.span)),
    )
}

/// Relative pronouns that can be a clause's subject.
const RELATIVE_PRONOUNS: &[&str] = &[
    "qui",
    "lequel",
    "laquelle",
    "lesquels",
    "lesquelles",
    "who",
    "which",
    "that",
];

/// The noun or name the parse makes the active subject of the verb at word `w` (of its head
/// when `w` is an auxiliary), within `sentence`, and its whole phrase: `None` when it has
/// none or only a pronoun (which stands for something else).
pub(crate) fn nominal_subject(doc: &Doc, w: usize, sentence: Span) -> Option<(Span, Span)> {
    let a = &doc.analyses;
    let (v, from, to) = verb_in_sentence(doc, w, sentence)?;
    // The subject nearest the verb: a quotation before a postposed speaker may be read with
    // a subject of its own on the same verb.
    // One after the verb is its inverted speaker ("said Michael Steele") only right after it:
    // past a comma it is an apposition the parser misread.
    let subjects = (from..to).filter(|&k| {
        a[k].head == Some(v as u32)
            && a[k].deprel == "nsubj"
            && (k < v || (v + 1..k).all(|m| a[m].upos != Upos::Punct))
    });
    let mut k = subjects.min_by_key(|&k| k.abs_diff(v))?;
    // "le milliardaire qui se dit capable de …": a relative pronoun stands for the noun its
    // clause modifies.
    if a[k].upos == Upos::Pron
        && a[v].deprel == "acl:relcl"
        && RELATIVE_PRONOUNS.contains(
            &doc.words
                .get(k)?
                .span
                .text(&doc.text)
                .to_lowercase()
                .as_str(),
        )
    {
        k = a[v].head? as usize;
        if !(from..to).contains(&k) {
            return None;
        }
    }
    if !matches!(a[k].upos, Upos::Noun | Upos::Propn) {
        return None;
    }
    // The whole phrase: the words the subject heads, with a participle's ("a newspaper based
    // in Beirut") but not a relative or adverbial clause's.
    let mut span = doc.words.get(k)?.span;
    let mut stack = vec![k];
    while let Some(h) = stack.pop() {
        for (c, x) in a.iter().enumerate().take(to).skip(from) {
            if x.head == Some(h as u32)
                && !matches!(
                    x.deprel.as_str(),
                    "acl:relcl" | "advcl" | "ccomp" | "parataxis" | "punct"
                )
            {
                let ws = doc.words.get(c)?.span;
                span.start = span.start.min(ws.start);
                span.end = span.end.max(ws.end);
                stack.push(c);
            }
        }
    }
    Some((doc.words.get(k)?.span, span))
}

/// Where the relative clause of a trigger word at `w` ends (a byte offset), when `w` heads
/// one: "Les procureurs qui soutiennent Grace ont décrit le Salvador …" has the clause's
/// target inside it, not in the main clause after it.
pub(crate) fn relative_clause_end(doc: &Doc, w: usize) -> Option<u32> {
    let a = &doc.analyses;
    if !a.get(w)?.deprel.starts_with("acl:relcl") {
        return None;
    }
    let mut end = doc.words.get(w)?.span.end;
    let mut stack = vec![w];
    while let Some(h) = stack.pop() {
        for (c, x) in a.iter().enumerate() {
            if x.head == Some(h as u32) {
                end = end.max(doc.words.get(c)?.span.end);
                stack.push(c);
            }
        }
    }
    Some(end)
}

/// "He left Pyongyang in July saying …", "il a quitté Pyongyang en affirmant …": a gerund or
/// present participle adjunct with no subject of its own speaks for the subject of the verb
/// it hangs on, not for the nearest actor before it (that verb's object). The span of that
/// subject word, or `None` when the trigger is no such adjunct.
pub(crate) fn controller_subject(doc: &Doc, w: usize, sentence: Span) -> Option<Span> {
    let a = &doc.analyses;
    let (v, from, to) = verb_in_sentence(doc, w, sentence)?;
    let x = a.get(v)?;
    let participle = x.feats.get("VerbForm") == Some("Ger")
        || x.feats.get("VerbForm") == Some("Part") && x.feats.get("Tense") == Some("Pres");
    if x.upos != Upos::Verb || x.deprel != "advcl" || !participle {
        return None;
    }
    if (from..to).any(|k| a[k].head == Some(v as u32) && a[k].deprel.starts_with("nsubj")) {
        return None;
    }
    let h = x.head? as usize;
    if !(from..to).contains(&h) || h > v {
        return None;
    }
    let k = (from..to).find(|&k| a[k].head == Some(h as u32) && a[k].deprel == "nsubj")?;
    Some(doc.words.get(k)?.span)
}

/// "in which he praised the president and said he would run": the subject of a verb
/// coordinated with an earlier one that has its own subject and none of its own, following
/// the chain of conjuncts back. `None` when the verb is no such conjunct.
pub(crate) fn conj_subject(doc: &Doc, w: usize) -> Option<Span> {
    let a = &doc.analyses;
    let own_subject = |v: usize| {
        (0..a.len()).find(|&k| a[k].head == Some(v as u32) && a[k].deprel.starts_with("nsubj"))
    };
    let mut v = w;
    if a.get(v)?.upos != Upos::Verb || own_subject(v).is_some() {
        return None;
    }
    for _ in 0..a.len() {
        let x = a.get(v)?;
        if !x.deprel.starts_with("conj") {
            return None;
        }
        let h = x.head? as usize;
        if h >= v {
            return None;
        }
        if let Some(k) = own_subject(h) {
            return doc.words.get(k).map(|wd| wd.span);
        }
        v = h;
    }
    None
}

/// The word a trigger word at `w` stands for, with its analysis: an adjective or compound
/// trigger ("joint" of "joint exercises") reads its noun.
fn trigger_noun(doc: &Doc, w: usize) -> Option<(usize, &veille_core::Analysis)> {
    let a = &doc.analyses;
    let (mut w, mut x) = (w, a.get(w)?);
    for _ in 0..2 {
        if !(x.deprel == "amod" || x.deprel == "compound") {
            break;
        }
        match x
            .head
            .and_then(|h| a.get(h as usize).map(|t| (h as usize, t)))
        {
            Some((h, t)) => (w, x) = (h, t),
            None => break,
        }
    }
    Some((w, x))
}

fn lemma_at(doc: &Doc, k: usize) -> String {
    doc.analyses
        .get(k)
        .map_or(String::new(), |t| t.lemma.to_lowercase())
}

/// Whether the verb `v` of `doc` is the `xcomp` of a word whose lemma is in `heads`.
fn doc_under_head(doc: &Doc, v: usize, heads: &[&str]) -> bool {
    doc.analyses.get(v).is_some_and(|t| {
        t.deprel.starts_with("xcomp")
            && t.head
                .is_some_and(|h| heads.contains(&lemma_at(doc, h as usize).as_str()))
    })
}

/// Words whose complement clause says what someone else must do: "demanded that Israel
/// ease restrictions", "its demand that …", "a exigé que …".
const DEMAND_HEADS: &[&str] = &[
    "demand",
    "call",
    "urge",
    "insist",
    "request",
    "appeal",
    "exiger",
    "réclamer",
    "demander",
    "exhorter",
    "sommer",
    "appeler",
    "exigence",
    "demande",
    "appel",
];

/// Whether the trigger word at `w` of `doc` is only demanded or obliged according to the
/// parse: its verb has "must"/"should" ("that Iraq must cooperate"), or is the complement
/// clause of a demand ("reiterated its demand that Israel ease restrictions"). The demand is
/// the event (the parse coder codes it, 10x); the act demanded is not done. [`obliged`] for
/// the pattern coder.
pub(crate) fn demanded_word(doc: &Doc, w: usize) -> bool {
    let Some(v) = trigger_verb(doc, w) else {
        return false;
    };
    let a = &doc.analyses;
    let near = v.saturating_sub(8)..(v + 8).min(a.len());
    let modal = near.into_iter().any(|k| {
        a[k].head == Some(v as u32)
            && a[k].deprel.starts_with("aux")
            && matches!(lemma_at(doc, k).as_str(), "must" | "should" | "ought")
    });
    modal
        || a.get(v).is_some_and(|t| {
            (t.deprel.starts_with("ccomp") || t.deprel.starts_with("acl"))
                && !t.deprel.starts_with("acl:relcl")
                && t.head
                    .is_some_and(|h| DEMAND_HEADS.contains(&lemma_at(doc, h as usize).as_str()))
        })
}

/// "the warships, said to allow Germany to …", "is said to be": "say" with an infinitive
/// reports hearsay about its subject; the subject says nothing.
pub(crate) fn hearsay(doc: &Doc, w: usize) -> bool {
    let a = &doc.analyses;
    let Some(x) = a.get(w) else { return false };
    if !x.lemma.eq_ignore_ascii_case("say") {
        return false;
    }
    // The infinitive's "to" right after "said": "say … to set up" may be the parser
    // hanging another verb's purpose clause on "say".
    let to = w + 1;
    let c = w + 2;
    c < a.len()
        && doc
            .words
            .get(to)
            .is_some_and(|wd| wd.form(&doc.text).eq_ignore_ascii_case("to"))
        && a[to].head == Some(c as u32)
        && a[to].deprel == "mark"
        && a[c].head == Some(w as u32)
        && a[c].deprel == "xcomp"
}

/// For the pattern coder, the parse coder's idioms of asking and refusing: "a demandé quand
/// aurait lieu …", "asked whether …" ask a question, not for something; "a refusé d'être
/// nommé", "declined to be named" keep a source anonymous, rejecting nothing.
pub(crate) fn question_or_anonymity(doc: &Doc, w: usize) -> bool {
    let a = &doc.analyses;
    let Some(x) = a.get(w) else { return false };
    let lemma = x.lemma.to_lowercase();
    let form = |m: usize| {
        doc.words
            .get(m)
            .map_or(String::new(), |x| x.form(&doc.text).to_lowercase())
    };
    let kids = |h: usize| {
        let from = h.saturating_sub(40);
        let to = (h + 40).min(a.len());
        (from..to).filter(move |&k| a[k].head == Some(h as u32))
    };
    match lemma.as_str() {
        "refuser" | "refuse" | "decline" | "décliner" => kids(w).any(|c| {
            a[c].deprel.starts_with("xcomp")
                && matches!(
                    a[c].lemma.to_lowercase().as_str(),
                    "nommer" | "identifier" | "citer" | "name" | "identify" | "quote"
                )
                && kids(c).any(|k| {
                    a[k].deprel.starts_with("aux")
                        && matches!(a[k].lemma.to_lowercase().as_str(), "être" | "be")
                })
        }),
        "demander" | "ask" => {
            !kids(w).any(|c| a[c].deprel == "obj")
                && kids(w).any(|c| {
                    c > w
                        && matches!(a[c].deprel.as_str(), "ccomp" | "advcl" | "xcomp")
                        && kids(c).any(|m| {
                            m < c
                                && matches!(a[m].deprel.as_str(), "mark" | "advmod")
                                && matches!(
                                    form(m).as_str(),
                                    "si" | "s'"
                                        | "s’"
                                        | "quand"
                                        | "pourquoi"
                                        | "comment"
                                        | "où"
                                        | "whether"
                                        | "if"
                                        | "when"
                                        | "why"
                                        | "how"
                                        | "where"
                                )
                        })
                })
        }
        _ => false,
    }
}

/// [`in_condition`] for the pattern coder: whether the trigger word at `w` (its verb) is in
/// a clause of condition ("If Kenya attacks Uganda, …") or one a verb of [`PREVENT`] keeps
/// from happening.
pub(crate) fn conditional_word(doc: &Doc, w: usize) -> bool {
    let Some(mut k) = trigger_verb(doc, w) else {
        return false;
    };
    let a = &doc.analyses;
    if a.get(k).is_some_and(|t| {
        // A subordinator comes a few words before its verb.
        let marked = a[k.saturating_sub(8)..k]
            .iter()
            .any(|x| x.head == Some(k as u32) && matches!(x.deprel.as_str(), "mark" | "case"));
        prevented_by(&t.deprel, t.head.map(|h| h as usize), marked, |h| {
            a.get(h).map(|x| x.lemma.to_lowercase())
        })
    }) {
        return true;
    }
    let form = |m: usize| {
        doc.words
            .get(m)
            .map_or(String::new(), |x| x.form(&doc.text).to_lowercase())
    };
    let has_mark = |k: usize, words: &[&str]| {
        (k.saturating_sub(12)..k).any(|m| {
            a[m].head == Some(k as u32)
                && a[m].deprel == "mark"
                && words.contains(&form(m).as_str())
        })
    };
    for _ in 0..12 {
        let Some(t) = a.get(k) else { return false };
        if (t.head.is_none() || t.deprel == "parataxis" && t.head.is_some_and(|h| h < k as u32))
            && doc_question(doc, k)
        {
            return true;
        }
        // As in [`in_condition`]: a gerund or infinitive subject ("Getting Washington to back
        // down means …"), an indirect question ("asked if Tellis was telling the truth when
        // he said …").
        if t.deprel.starts_with("csubj") && (form(k).ends_with("ing") || has_mark(k, &["to"])) {
            return true;
        }
        if has_mark(k, &["whether"])
            || t.deprel.starts_with("ccomp") && has_mark(k, &["if", "si", "s'", "s’"])
        {
            return true;
        }
        if t.deprel.starts_with("advcl") {
            // The mark sits before its clause's verb, a few words away at most.
            let marked = (k.saturating_sub(12)..k).any(|m| {
                a[m].head == Some(k as u32)
                    && a[m].deprel == "mark"
                    && (matches!(form(m).as_str(), "if" | "unless" | "si" | "s'" | "s’")
                        || matches!(form(m).as_str(), "que" | "qu'" | "qu’")
                            && m > 0
                            && form(m - 1) == "moins"
                        // "Once the government says …, we can …", "dès que le gouvernement
                        // déclarera …": a condition still to be met, in the present or future.
                        || (form(m) == "once"
                            || matches!(form(m).as_str(), "que" | "qu'" | "qu’")
                                && m > 0
                                && form(m - 1) == "dès")
                            && matches!(t.feats.get("Tense"), Some("Pres" | "Fut")))
            });
            if marked {
                return true;
            }
        }
        match t.head {
            Some(h) if h as usize != k => k = h as usize,
            _ => return false,
        }
    }
    false
}

/// Whether the trigger word at `w` of `doc` is only intended according to the parse: its verb
/// (see [`trigger_verb`]) is the `xcomp` of an intent word ("agreed to", "ready to", "prêt
/// à") or has a future or possibility auxiliary ("will", "pourrait"). This is [`intended`]
/// for the pattern coder, which reads words and not the parse.
pub(crate) fn intended_word(doc: &Doc, w: usize) -> bool {
    let Some(v) = trigger_verb(doc, w) else {
        return false;
    };
    let a = &doc.analyses;
    // Auxiliaries sit next to their verb ("will not be able to"): a window, not the article.
    let near = v.saturating_sub(8)..(v + 8).min(a.len());
    doc_under_head(doc, v, INTENT_HEADS)
        || near.into_iter().any(|k| {
            a[k].head == Some(v as u32)
                && a[k].deprel.starts_with("aux")
                && INTENT_AUX.contains(&lemma_at(doc, k).as_str())
        })
}

/// Verbs that take an event noun as their object without its subject doing the event:
/// "a condamné l'attaque", "a interdit la manifestation", "denied the attack". The event,
/// if it happened, was someone else's.
const STANCE_VERBS: &[&str] = &[
    "condamner",
    "dénoncer",
    "interdire",
    "démentir",
    "nier",
    "rejeter",
    "critiquer",
    "déplorer",
    "regretter",
    "saluer",
    "condemn",
    "denounce",
    "ban",
    "deny",
    "reject",
    "criticize",
    "criticise",
    "deplore",
    "regret",
    "welcome",
    "praise",
    "investigate",
    "prohibit",
    "blame",
    "accuser",
    "accuse",
    // A cancelled or postponed visit or meeting did not happen, nor is it still intended.
    "cancel",
    "postpone",
    "annuler",
    "ajourner",
];

/// For an event noun at `w` of `doc` that is the object of a stance verb ("a condamné
/// l'attaque"), the spans of that verb's subjects: the pattern coder must not make them the
/// event's agent. Empty otherwise.
pub(crate) fn stance_subjects(doc: &Doc, w: usize) -> Vec<Span> {
    let a = &doc.analyses;
    let Some((_, x)) = trigger_noun(doc, w) else {
        return Vec::new();
    };
    let Some(v) = x.head.map(|h| h as usize) else {
        return Vec::new();
    };
    if !(matches!(x.upos, Upos::Noun)
        && (x.deprel == "obj" || x.deprel == "nsubj:pass")
        && STANCE_VERBS.contains(&lemma_at(doc, v).as_str()))
    {
        return Vec::new();
    }
    // Subjects sit near their verb; a window keeps this linear in the article's length.
    let near = v.saturating_sub(40)..(v + 40).min(a.len());
    near.filter(|&k| a[k].head == Some(v as u32) && a[k].deprel.starts_with("nsubj"))
        .filter_map(|k| doc.words.get(k).map(|wd| wd.span))
        .collect()
}

/// Whether the trigger word at `w` of `doc` is refused ("refused to hold talks"): its verb
/// is the `xcomp` of a refusing verb. The pattern coder then codes the refusal
/// ([`refusal_code`]).
pub(crate) fn refused_word(doc: &Doc, w: usize) -> bool {
    trigger_verb(doc, w).is_some_and(|v| doc_under_head(doc, v, REFUSE_TO))
}

/// Whether the verb at `v`, or an auxiliary of it, is in the future or the conditional
/// ("signera", "aurait frappé", "will sign" has its own auxiliary): an act announced or
/// supposed, not done. Only the tagger's morphology says so in French.
fn future_or_conditional(toks: &[Tok], v: usize) -> bool {
    toks.get(v).is_some_and(|t| t.future)
        || toks
            .iter()
            .any(|t| t.head == Some(v) && t.deprel.starts_with("aux") && t.future)
}

/// Whether the verb at `v` is in the conditional: English "would", "could", "might" as its
/// auxiliary, a French form in "-rait", "-raient"… (the tagger's future and conditional share
/// one flag in [`Tok`]).
fn conditional_mood(toks: &[Tok], v: usize) -> bool {
    let cnd = |t: &Tok| {
        let f = t.form.to_lowercase();
        matches!(f.as_str(), "would" | "could" | "might" | "'d")
            || t.future
                && ["rait", "raient", "rais", "rions", "riez"]
                    .iter()
                    .any(|e| f.ends_with(e))
    };
    toks.get(v).is_some_and(cnd)
        || toks
            .iter()
            .any(|t| t.head == Some(v) && t.deprel.starts_with("aux") && cnd(t))
}

/// The CAMEO code of an intended act (CAMEO manual: intentions are coded as 03 "express
/// intent to …" for cooperation, 13 "threaten" for conflict): 04 → 036, 05 → 032, 06 → 031,
/// 07 → 033, 08 → 035; a protest or strike (14) → 133; cutting ties, aid or talks (16) →
/// 131 and its subcodes (1311–1313, 134–136); administrative sanctions (172x: curfew,
/// martial law, bans) → 132x; other coercion (17) → 137; military force → 138 and its
/// subcodes (blockade 1381, occupation 1382, unconventional violence 1383, attacks 1384,
/// mass violence 1385). Other roots keep their code.
fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "161" => "1313",
        "162" | "1621" | "1622" | "1623" => "1311",
        "163" => "1312",
        "164" => "134",
        "165" => "135",
        "166" | "1661" | "1662" | "1663" => "136",
        "172" => "132",
        "1721" => "1321",
        "1722" => "1322",
        "1723" => "1323",
        "1724" => "1324",
        "191" => "1381",
        "192" => "1382",
        "193" | "194" | "195" | "1951" | "1952" => "1384",
        _ => match code.get(..2)? {
            "04" => "036",
            "05" => "032",
            "06" => "031",
            "07" => "033",
            "08" => "035",
            "14" => "133",
            "16" => "131",
            "17" => "137",
            "18" => "1383",
            "19" => "138",
            "20" => "1385",
            _ => return None,
        },
    })
}

#[allow(clippy::too_many_arguments)]
fn mention(
    doc: &Doc,
    sent: &Sentence,
    toks: &[Tok],
    idx: &[usize],
    c: &Coding,
    cameo: &CameoTable,
    name: &str,
    is_country: &dyn Fn(&str) -> bool,
) -> Option<(Span, EventMention)> {
    let refused = (complement_of(toks, c.verb, &["xcomp"], REFUSE_TO)
        || complement_of(toks, c.verb, &["xcomp"], WILL_HEADS) && head_negated(toks, c.verb)
        || c.rule.contains(crate::petrarch::coder::REFUSED_AHEAD))
    .then(|| refusal_code(&c.code))
    .flatten();
    let prevented = toks.get(c.verb).is_some_and(|t| {
        let marked = toks
            .iter()
            .any(|x| x.head == Some(c.verb) && matches!(x.deprel.as_str(), "mark" | "case"));
        prevented_by(&t.deprel, t.head, marked, |h| {
            toks.get(h).map(|x| x.lemma.to_lowercase())
        })
    });
    if in_condition(toks, c.verb) || obliged(toks, c.verb) || prevented {
        return None;
    }
    let ahead = intended(toks, c.verb) || future_or_conditional(toks, c.verb);
    let intent = (refused.is_none() && (ahead || agreed_ahead(toks, c.verb)))
        .then(|| {
            // "will withdraw its troops unless …": an act announced on a condition the other
            // side must meet is a threat (CAMEO 13), whatever the act.
            match intent_code(&c.code) {
                Some(t) if t.starts_with("13") => Some(t),
                _ if ahead && ultimatum(toks, c.verb) => Some("130"),
                // "agreed to set up a research centre", "agreed to postpone the rally": an
                // agreement to do what has no intent code of its own (an inquiry, a delay)
                // is still the intent to cooperate (030), not the act itself.
                None if complement_of(toks, c.verb, &["xcomp"], AGREE_TO)
                    && !matches!(c.code.get(..2), Some("01" | "02" | "03" | "13")) =>
                {
                    Some("030")
                }
                other => other,
            }
        })
        .flatten();
    // "The UK would regret it forever if it lost …": an act that would follow from a
    // condition, with no intent code of its own to say it is only foreseen, is hypothetical.
    let on_condition = || {
        toks.iter().enumerate().any(|(k, t)| {
            t.head == Some(c.verb)
                && t.deprel.starts_with("advcl")
                && condition_mark(toks, k, false)
        })
    };
    if ahead && intent.is_none() && refused.is_none() && !c.code.starts_with("01") && on_condition()
    {
        return None;
    }
    // "The UK would forever regret losing its carmakers", "le Royaume-Uni regretterait": a
    // disapproval, demand or rejection only in the conditional is hypothetical, and CAMEO has
    // no intent code for it ("will reject" is a rejection announced, and stays; so is "said
    // it would reject", the future of a reported clause).
    if intent.is_none()
        && refused.is_none()
        && matches!(c.code.get(..2), Some("02" | "10" | "11" | "12" | "15"))
        && conditional_mood(toks, c.verb)
        && toks
            .get(c.verb)
            .is_some_and(|t| !t.deprel.starts_with("ccomp"))
    {
        return None;
    }
    // "the FBI would look into the allegations", "want the FBI to investigate": CAMEO has no
    // intent code for an investigation, and one only foreseen or wanted is not done.
    if ahead && intent.is_none() && refused.is_none() && c.code.starts_with("09") {
        return None;
    }
    let demanded = demand_code(toks, c);
    let base = demanded.as_deref().unwrap_or(&c.code);
    let code = cameo.get(refused.or(intent).unwrap_or(base))?;
    let actor = |code: &str, r: &std::ops::Range<usize>| -> Option<Actor> {
        let span = words_span(doc, idx, r)?;
        let (country, roles) = split_code(code, is_country);
        Some(Actor {
            text: doc.text.get(span.range())?.to_string(),
            span,
            code: code.to_string(),
            country,
            roles,
        })
    };
    let source = actor(&c.source, &c.source_words)?;
    let target = if c.target.is_empty() {
        None
    } else {
        Some(actor(&c.target, &c.target_words)?)
    };
    // An event without a target says little unless its source is a country's actor or an
    // international one (the UN, an NGO, an armed group: `IGO…`, `NGO…`, `IMG…`), or it is a
    // statement by a role ("selon la police"), as the pattern coder keeps "police said".
    let role_statement = code.root() == "01" && !source.roles.is_empty();
    // A political role acting in the sentence's main clause ("the prime minister demanded
    // elections"), coded without a country by the parse coder.
    let role_act = c.rule.contains("+role_only") && !source.roles.is_empty();
    let international = ["IGO", "NGO", "IMG"]
        .iter()
        .any(|p| source.code.starts_with(p));
    if target.is_none()
        && source.country.is_none()
        && !role_statement
        && !role_act
        && !international
    {
        return None;
    }
    // A dictionary actor inside a longer person name is a first name ("Chad Hammel",
    // "Jordan Peele"), not the country.
    let in_name = |a: &Actor| {
        doc.entities.iter().any(|e| {
            e.label == veille_core::EntityLabel::PER && e.span.contains(a.span) && e.span != a.span
        })
    };
    if std::iter::once(&source).chain(target.as_ref()).any(in_name) {
        return None;
    }
    if std::iter::once(&source)
        .chain(target.as_ref())
        .any(|a| a.roles.iter().any(|r| r == "JRN") || a.code.ends_with("JRN"))
    {
        return None;
    }
    // "The BBC said the army attacked …": an outlet with no country reporting is where the
    // story comes from, as in an attribution ("according to the BBC"), not a statement.
    // A state's media ("North Korea's KCNA said") still speaks for its country.
    // So does a spokesperson for an institution (see `speaks_for_institution`).
    let roles: Vec<&str> = source.roles.iter().map(String::as_str).collect();
    if code.root() == "01"
        && source.country.is_none()
        && roles.contains(&"MED")
        && !petrarch::coder::speaks_for_institution(&roles)
    {
        return None;
    }
    // "arrives", "left", "faces", "went to the polls": CAMEO.2.0 codes going somewhere a
    // consultation (040) by default; with no one met, or only the source's own country, it
    // says nothing of a consultation.
    if code.code == "040"
        && GOING.contains(&lemma_of(toks, c.verb).as_str())
        && target.as_ref().is_none_or(|t| {
            t.country.is_none() && t.roles.is_empty()
                || source.country.is_some() && t.country == source.country
        })
    {
        return None;
    }
    // "Macedonians vote", "the UK Government has been stepping up", "Americans siding with
    // the latter": a verb read by its bare dictionary entry as cooperation of no particular
    // kind (030, 050, 060) with no one to cooperate with names no act.
    // Only the dictionary's own code: one veille derived ("agreed to postpone" → 030) stands.
    let dictionary_code = c.rule.split('+').skip(1).all(|t| {
        matches!(
            t,
            "role_only" | "self_target" | "possessor" | "place_country"
        )
    });
    // A promise is an intent whatever its act ("pledged to dismantle a missile site").
    let promise = toks.get(c.verb).is_some_and(|t| {
        matches!(
            t.lemma.to_lowercase().as_str(),
            "pledge" | "promise" | "vow" | "swear" | "promettre" | "engager" | "jurer"
        )
    });
    if matches!(code.code.as_str(), "030" | "050" | "060")
        && c.rule.starts_with("verb:")
        && dictionary_code
        && c.code == code.code
        && target.is_none()
        && !promise
    {
        return None;
    }
    // "demonstrated why", "demonstrated its resolve", "manifester sa colère": a protest verb
    // read by its bare entry takes no object; with one it shows or expresses something.
    let shows_something = toks.iter().any(|t| {
        t.head == Some(c.verb)
            && (matches!(t.deprel.split(':').next(), Some("obj" | "ccomp"))
                || t.deprel == "advmod"
                    && matches!(
                        t.lemma.to_lowercase().as_str(),
                        "why" | "how" | "pourquoi" | "comment"
                    ))
    });
    if code.root() == "14" && c.rule.starts_with("verb:") && dictionary_code && shows_something {
        return None;
    }
    // "la décision du gouvernement de l'accueillir", "the decision to welcome him": an act
    // in the infinitive complement of a noun is decided, planned or judged, not done.
    let noun_complement = toks.get(c.verb).is_some_and(|t| {
        matches!(t.deprel.as_str(), "acl" | "nmod")
            && t.head
                .and_then(|h| toks.get(h))
                .is_some_and(|h| h.upos == "NOUN")
            && toks.iter().any(|m| {
                m.head == Some(c.verb)
                    && m.deprel == "mark"
                    && matches!(m.lemma.to_lowercase().as_str(), "de" | "to" | "à")
            })
    });
    // The parse may hang that infinitive on the clause's verb ("condamnant … la décision du
    // gouvernement de l'accueillir", "accueillir" an `xcomp` of "condamnant"): a noun of
    // deciding or planning between the two, with no other verb, is its head.
    let planned = toks.get(c.verb).is_some_and(|t| {
        let Some(h) = t
            .head
            .filter(|&h| h < c.verb && t.deprel.starts_with("xcomp"))
        else {
            return false;
        };
        let between = &toks[h + 1..c.verb];
        between
            .iter()
            .any(|m| m.upos == "NOUN" && PLAN_NOUNS.contains(&m.lemma.to_lowercase().as_str()))
            && !between.iter().any(|m| m.upos == "VERB")
    });
    if noun_complement || planned {
        return None;
    }
    // "declared war on Niger", "a déclaré forfait": a statement verb read by its bare entry
    // with an act as its object declares the act; it says nothing.
    let declares_act = toks.iter().any(|t| {
        t.head == Some(c.verb)
            && t.deprel == "obj"
            && DECLARED_ACTS.contains(&t.lemma.to_lowercase().as_str())
    });
    if code.code == "010" && c.rule.starts_with("verb:") && dictionary_code && declares_act {
        return None;
    }
    // A visit within one's own country is no visit; a visit needs somewhere to go.
    if matches!(code.code.as_str(), "042" | "043")
        && target
            .as_ref()
            .is_none_or(|t| source.country.is_some() && source.country == t.country)
    {
        return None;
    }
    let verb = doc.words.get(*idx.get(c.verb)?)?.span;
    // An attribution ("selon X, … depuis mars") reports what X says now: the time
    // expressions of the sentence date what X reports, not X's statement.
    let (date, date_span) = if c.rule == "attribution" {
        (crate::dating::article_date(doc), None)
    } else {
        crate::dating::event_date(doc, sent.span, verb.start as usize)
    };
    let place = crate::placing::event_place(doc, sent.span, verb.start as usize);
    let mut evidence = vec![source.span, verb];
    evidence.extend(target.as_ref().map(|t| t.span));
    evidence.extend(date_span);
    evidence.extend(place.as_ref().map(|p| p.span));
    evidence.sort();
    evidence.dedup();
    let verb_text = doc.text.get(verb.range()).unwrap_or("");
    Some((
        verb,
        EventMention {
            cameo: code.code.clone(),
            root: code.root().to_string(),
            quad_class: code.quad_class(),
            goldstein: code.goldstein,
            plover: code.plover(),
            source,
            target,
            date,
            place,
            sentence: sent.span,
            evidence,
            rule: format!(
                "petrarch:{name}:{}:{verb_text}{}",
                c.rule,
                match (refused.is_some(), intent.is_some(), demanded.is_some()) {
                    (true, _, _) => "+refused",
                    (_, true, _) => "+intent",
                    (_, _, true) => "+demand",
                    _ => "",
                }
            ),
        },
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn french_conditionals_from_the_lemma() {
        use super::french_conditional as c;
        assert!(c("regretterait", "regretter"));
        assert!(c("finiraient", "finir"));
        assert!(c("prendrions", "prendre"));
        // Imperfects and presents that end alike are not.
        assert!(!c("courait", "courir"));
        assert!(!c("regrettait", "regretter"));
        assert!(!c("paraît", "paraître"));
    }

    use super::*;

    #[test]
    fn actor_codes_split_into_country_and_roles() {
        let known = |c: &str| matches!(c, "USA" | "FRA");
        assert_eq!(
            split_code("USAGOVMIL", &known),
            (Some("USA".into()), vec!["GOV".into(), "MIL".into()])
        );
        assert_eq!(split_code("FRA", &known), (Some("FRA".into()), vec![]));
        assert_eq!(split_code("IGOUNO", &known), (None, vec![]));
        assert_eq!(split_code("GO", &known), (None, vec![]));
        assert_eq!(split_code("USAé", &known), (None, vec![]));
        // Sectors without a country are roles; an organisation's code is not.
        assert_eq!(
            split_code("GOVPPL", &known),
            (None, vec!["GOV".into(), "PPL".into()])
        );
        assert_eq!(split_code("IGOUNO", &known), (None, vec![]));
    }
}
