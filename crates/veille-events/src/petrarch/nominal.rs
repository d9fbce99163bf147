//! Acts named by a noun after a support verb: "undertook a mediation mission", "launched an
//! offensive", "reiterated its demand", "continued their hunger strike"; in French "a lancé
//! une offensive", "a entamé une enquête", "poursuivent leur grève de la faim". PETRARCH's verb
//! dictionaries code verbs; when the verb only carries the act ("launch", "undertake",
//! "continue" are null or statement blocks in petrarch2's CAMEO.2.0) and none of its patterns
//! matches, the noun says what happened. veille's own English and French supplement, used
//! only with `beyond_petrarch` (PETRARCH's validation runs leave it off). Words are upper-case
//! lemmas; the two languages share the tables, as their words do not collide.
//!
//! The codes follow the CAMEO 1.1b3 codebook's definitions of each act; they are not taken
//! from any dictionary.

/// Verbs that carry an act named by their object. Opposites ("ended", "halted", "called
/// off", "denied the attack") are not here: they code something else or nothing.
const SUPPORT_VERBS: &[&str] = &[
    "UNDERTAKE",
    "LAUNCH",
    "OPEN",
    "BEGIN",
    "START",
    "CONDUCT",
    "CARRY",
    "HOLD",
    "STAGE",
    "MOUNT",
    "ANNOUNCE",
    "COMPLETE",
    "CONTINUE",
    "RESUME",
    "REITERATE",
    "REPEAT",
    "RENEW",
    "ISSUE",
    "LODGE",
    "FILE",
    "MAKE",
    "PURSUE",
    "INITIATE",
    "SPEED",
    "STEP",
    "INTENSIFY",
    "ESCALATE",
    "EXTEND",
    "EXPAND",
    "ORGANIZE",
    "ORGANISE",
    "CALL",
    "DECLARE",
    "PAY",
    "WAGE",
    "KICK",
    // "fired the first warning": a warning (130); "fired rockets" names no act here and
    // keeps the verb's own code.
    "FIRE",
    // "boosted sanctions", "a renforcé les sanctions": more of the act is the act.
    "BOOST",
    "TIGHTEN",
    "INCREASE",
    "STRENGTHEN",
    "RENFORCER",
    "DURCIR",
    "ALOURDIR",
    "ÉTENDRE",
    // "raised fears about …": voicing a worry is a pessimistic comment (012), as
    // CAMEO.2.0's "express / voice concern" and the French "exprimer sa crainte" code it.
    "RAISE",
    // French.
    "LANCER",
    "MENER",
    "ENTAMER",
    "INITIER",
    "ORGANISER",
    "POURSUIVRE",
    "ANNONCER",
    "DÉCLENCHER",
    "ENGAGER",
    "OUVRIR",
    "REPRENDRE",
    "INTENSIFIER",
    "EFFECTUER",
    "CONDUIRE",
    "DÉCRÉTER",
    "OBSERVER",
    "TENIR",
    "RÉITÉRER",
    "RENOUVELER",
    "ENTREPRENDRE",
    "COMMENCER",
    "CONTINUER",
];

/// Verbs that stop an act named by their object: "halted its mediation", "called off the
/// strike", "suspended the talks". Stopping codes differently from doing (see
/// [`halt_code`]).
const HALTING_VERBS: &[&str] = &[
    "HALT",
    "SUSPEND",
    "END",
    "STOP",
    "ABANDON",
    "CALL",
    "BREAK",
    "SUSPENDRE",
    "ARRÊTER",
    "INTERROMPRE",
    "CESSER",
    "ABANDONNER",
    "LEVER",
];

/// Nouns naming an act, with its CAMEO code. A two-word key ("HUNGER STRIKE") is looked up
/// first, with the noun's compound or adjective modifier.
const ACTS: &[(&str, &str)] = &[
    // Statements (01): "issued a declaration" says, it gives nothing ("issue" is in the
    // grant block of CAMEO.2.0, whose patterns know "statement" and "report" only).
    ("DECLARATION", "010"),
    ("COMMUNIQUE", "010"),
    ("COMMUNIQUÉ", "010"),
    ("REMINDER", "010"),
    // Pessimistic comment (012).
    ("FEAR", "012"),
    ("WORRY", "012"),
    // Threats (13), ultimatums (139).
    ("WARNING", "130"),
    ("THREAT", "130"),
    ("ULTIMATUM", "139"),
    // Consult (04): meetings, visits, mediation, negotiation.
    ("MEETING", "040"),
    ("VISIT", "042"),
    ("MEDIATION", "045"),
    ("NEGOTIATION", "046"),
    // Demand and appeal (10, 02).
    ("DEMAND", "100"),
    ("APPEAL", "020"),
    // Investigate (09), criticise and accuse (11).
    ("INVESTIGATION", "090"),
    ("PROBE", "090"),
    ("INQUIRY", "090"),
    ("HEARING", "090"),
    ("CRITICISM", "111"),
    ("CONDEMNATION", "111"),
    ("ACCUSATION", "112"),
    // Protest (14).
    ("PROTEST", "140"),
    ("DEMONSTRATION", "141"),
    ("RALLY", "141"),
    ("SIT-IN", "141"),
    ("HUNGER STRIKE", "142"),
    ("STRIKE", "143"),
    ("GENERAL STRIKE", "143"),
    ("WALKOUT", "143"),
    ("BOYCOTT", "143"),
    // Reduce relations (16), de-escalate (087); sanctions (163), both languages.
    ("SANCTION", "163"),
    ("SUSPENSION", "160"),
    ("WITHDRAWAL", "087"),
    ("PULLOUT", "087"),
    ("CEASEFIRE", "0871"),
    ("CEASE-FIRE", "0871"),
    ("TRUCE", "0871"),
    // Coerce (17), fight (19).
    ("ARREST", "173"),
    ("CRACKDOWN", "175"),
    ("BLOCKADE", "191"),
    ("INVASION", "192"),
    ("OCCUPATION", "192"),
    ("OFFENSIVE", "190"),
    ("ATTACK", "190"),
    ("ASSAULT", "190"),
    ("RAID", "190"),
    ("SHELLING", "194"),
    ("AIRSTRIKE", "195"),
    ("AIR STRIKE", "195"),
    ("AIR RAID", "195"),
    // French.
    ("DÉCLARATION", "010"),
    ("AVERTISSEMENT", "130"),
    ("MENACE", "130"),
    ("RÉUNION", "040"),
    ("VISITE", "042"),
    ("MÉDIATION", "045"),
    ("NÉGOCIATION", "046"),
    ("POURPARLERS", "046"),
    ("EXIGENCE", "100"),
    ("APPEL", "020"),
    ("ENQUÊTE", "090"),
    ("INVESTIGATION", "090"),
    ("CRITIQUE", "111"),
    ("CONDAMNATION", "111"),
    ("ACCUSATION", "112"),
    ("PROTESTATION", "140"),
    ("MANIFESTATION", "141"),
    ("RASSEMBLEMENT", "141"),
    ("SIT-IN", "141"),
    ("GRÈVE FAIM", "142"),
    ("GRÈVE", "143"),
    ("GRÈVE GÉNÉRAL", "143"),
    ("BOYCOTT", "143"),
    ("SUSPENSION", "160"),
    ("RETRAIT", "087"),
    ("CESSEZ-LE-FEU", "0871"),
    ("TRÊVE", "0871"),
    ("ARRESTATION", "173"),
    ("RÉPRESSION", "175"),
    ("BLOCUS", "191"),
    ("INVASION", "192"),
    ("OCCUPATION", "192"),
    ("OFFENSIVE", "190"),
    ("ATTAQUE", "190"),
    ("ASSAUT", "190"),
    ("RAID", "190"),
    ("BATAILLE", "190"),
    ("BOMBARDEMENT", "195"),
    ("FRAPPE AÉRIEN", "195"),
];

/// Generic heads that take the act from their modifier: "a mediation effort", "a mediation
/// mission", "a protest campaign".
const GENERIC_HEADS: &[&str] = &[
    "EFFORT",
    "MISSION",
    "CAMPAIGN",
    "OPERATION",
    "DRIVE",
    "EFFORTS",
    "CAMPAGNE",
    "OPÉRATION",
];

/// The CAMEO code of stopping the act coded `act`: mediation (045) → 165 "halt mediation",
/// negotiation (046) → 164 "halt negotiations", one's own protest or strike (14x) → 080
/// "yield", an armed act (19x) → 087 "de-escalate military engagement". Other acts: none.
pub fn halt_code(act: &str) -> Option<&'static str> {
    match act {
        "045" => Some("165"),
        "046" => Some("164"),
        a if a.starts_with("14") => Some("080"),
        a if a.starts_with("19") => Some("087"),
        _ => None,
    }
}

/// Whether `lemma` (upper case) is a verb that stops the act its object names; `particle` is
/// the verb's particle ("off" of "called off": "call" alone is a support verb).
pub fn is_halting_verb(lemma: &str, particle: Option<&str>) -> bool {
    match lemma {
        "CALL" | "BREAK" => particle == Some("OFF"),
        _ => HALTING_VERBS.contains(&lemma),
    }
}

/// Verbs that obstruct what their object names ("blockade", a military act, is not here).
const BLOCKING_VERBS: &[&str] = &[
    "BLOCK",
    "BARRICADE",
    "OBSTRUCT",
    "BLOQUER",
    "BARRER",
    "OBSTRUER",
];

/// Places of passage: blocking one is CAMEO 144, "obstruct passage, block" (CAMEO.2.0's
/// patterns know "road" and "traffic", not the bridge, the highway or the port).
const PASSAGES: &[&str] = &[
    "ROAD",
    "STREET",
    "HIGHWAY",
    "MOTORWAY",
    "BRIDGE",
    "RAILWAY",
    "ROUTE",
    "ACCESS",
    "ENTRANCE",
    "JUNCTION",
    "CROSSING",
    "INTERSECTION",
    "PORT",
    "HARBOUR",
    "HARBOR",
    "TRAFFIC",
    "AVENUE",
    "TUNNEL",
    "RUE",
    "AUTOROUTE",
    "PONT",
    "VOIE",
    "ACCÈS",
    "ENTRÉE",
    "CARREFOUR",
    "ROND-POINT",
    "AXE",
    "PÉAGE",
    "CIRCULATION",
];

/// Whether `lemma` is a verb of obstructing ("block", "bloquer").
pub fn is_blocking_verb(lemma: &str) -> bool {
    BLOCKING_VERBS.contains(&lemma)
}

/// The CAMEO code of blocking the thing a noun (upper-case lemma) names with the verb
/// `lemma`: 144 for a place of passage ("blocked the bridge", "ont bloqué l'autoroute").
pub fn obstruction_code(lemma: &str, noun: &str) -> Option<&'static str> {
    (BLOCKING_VERBS.contains(&lemma) && PASSAGES.contains(&noun)).then_some("144")
}

/// Whether `lemma` (upper case) is a support verb.
pub fn is_support_verb(lemma: &str) -> bool {
    SUPPORT_VERBS.contains(&lemma)
}

fn act(key: &str) -> Option<&'static str> {
    ACTS.iter().find(|(k, _)| *k == key).map(|(_, c)| *c)
}

/// The CAMEO code of the act a noun (upper-case lemma) names, given its compound and
/// adjective modifiers: "HUNGER STRIKE" before "STRIKE"; a generic head ("EFFORT") takes its
/// modifier's act.
pub fn act_code(noun: &str, modifiers: &[&str]) -> Option<&'static str> {
    // English modifiers come before the noun ("HUNGER STRIKE"), French ones after it ("GRÈVE
    // (de la) FAIM", "FRAPPE AÉRIENNE").
    for m in modifiers {
        if let Some(c) = act(&format!("{m} {noun}")).or_else(|| act(&format!("{noun} {m}"))) {
            return Some(c);
        }
    }
    if let Some(c) = act(noun) {
        return Some(c);
    }
    if GENERIC_HEADS.contains(&noun) {
        return modifiers.iter().find_map(|m| act(m));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_word_acts_come_first_and_generic_heads_read_their_modifier() {
        assert_eq!(act_code("STRIKE", &["HUNGER"]), Some("142"));
        assert_eq!(act_code("STRIKE", &[]), Some("143"));
        assert_eq!(act_code("EFFORT", &["MEDIATION"]), Some("045"));
        assert_eq!(act_code("EFFORT", &["PEACE"]), None);
        assert_eq!(act_code("BUDGET", &["MEDIATION"]), None);
        assert!(is_support_verb("UNDERTAKE"));
        assert!(!is_support_verb("DENY"));
        assert_eq!(halt_code("045"), Some("165"));
        assert_eq!(halt_code("143"), Some("080"));
        assert_eq!(halt_code("112"), None);
        assert!(is_halting_verb("CALL", Some("OFF")));
        assert_eq!(act_code("GRÈVE", &["FAIM"]), Some("142"));
        assert_eq!(act_code("OPÉRATION", &["MÉDIATION"]), Some("045"));
        assert!(!is_halting_verb("CALL", None));
        assert_eq!(obstruction_code("BLOCK", "BRIDGE"), Some("144"));
        assert_eq!(obstruction_code("BLOQUER", "AUTOROUTE"), Some("144"));
        assert_eq!(obstruction_code("BLOCK", "SALE"), None);
        assert_eq!(obstruction_code("CROSS", "BRIDGE"), None);
    }
}
