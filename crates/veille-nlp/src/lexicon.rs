//! Small closed word lists the tokenizer and sentence splitter need, per language.
//!
//! They are written by hand from the languages' conventions (and checked against the UD
//! treebanks' tokenization); they are closed classes, so a list is the honest tool.

/// Abbreviations that keep their final period, compared case-sensitively (sorted for binary
/// search). Single letters ("J.") and dotted acronyms ("U.S.", "J.-C.") are recognised by shape.
pub const FR_ABBREVIATIONS: WordSet = WordSet::new(&[
    "Ave.", "Bd.", "Cf.", "Dr.", "Dre.", "Éd.", "Gal.", "Gén.", "Ltd.", "M.", "MM.", "Me.", "Mgr.",
    "Mlle.", "Mlles.", "Mme.", "Mmes.", "Mr.", "Pr.", "Pt.", "St.", "Ste.", "Vol.", "al.", "apr.",
    "art.", "av.", "avr.", "bd.", "boul.", "cf.", "chap.", "coll.", "déc.", "dép.", "env.", "etc.",
    "éd.", "ex.", "fasc.", "févr.", "fév.", "fig.", "hab.", "janv.", "juil.", "max.", "min.",
    "mm.", "nov.", "oct.", "op.", "p.", "pp.", "préf.", "réf.", "sept.", "tél.", "vol.", "vs.",
]);

pub const EN_ABBREVIATIONS: WordSet = WordSet::new(&[
    "Adm.", "Apr.", "Arrv.", "Attn.", "Aug.", "Ave.", "Blvd.", "Bros.", "Calif.", "Capt.", "Cmdr.",
    "Co.", "Col.", "Conn.", "Corp.", "Cpl.", "Dec.", "Dept.", "Dr.", "Esq.", "Feb.", "Fig.",
    "Fla.", "Fri.", "Ft.", "Gen.", "Gov.", "Hon.", "Inc.", "Jan.", "Jr.", "Jul.", "Jun.", "La.",
    "Lt.", "Ltd.", "Maj.", "Mar.", "Mass.", "Mon.", "Mr.", "Mrs.", "Ms.", "Mt.", "No.", "Nos.",
    "Nov.", "Oct.", "Ph.", "Prof.", "Rd.", "Rep.", "Reps.", "Rev.", "Sat.", "Sen.", "Sep.",
    "Sept.", "Sgt.", "Sr.", "St.", "Sun.", "Supt.", "Tex.", "Thu.", "Thur.", "Thurs.", "Tue.",
    "Tues.", "Va.", "Wed.", "approx.", "arrv.", "cf.", "dept.", "est.", "etc.", "ft.", "hr.",
    "hrs.", "inc.", "lb.", "lbs.", "min.", "mins.", "mo.", "no.", "oz.", "pp.", "sq.", "vol.",
    "vs.", "yr.", "yrs.",
]);

/// Titles before a name: never the end of a sentence ("M. Dupont", "Dr. Smith").
pub const TITLES: WordSet = WordSet::new(&[
    "Adm.", "Capt.", "Col.", "Dr.", "Dre.", "Gal.", "Gen.", "Gov.", "Gén.", "Hon.", "Lt.", "M.",
    "MM.", "Maj.", "Me.", "Mgr.", "Mlle.", "Mme.", "Mmes.", "Mr.", "Mrs.", "Ms.", "Pr.", "Prof.",
    "Rep.", "Rev.", "Sen.", "Sgt.", "St.", "Ste.", "Supt.", "No.", "Nos.", "art.", "n°", "p.",
    "pp.", "vol.", "Vol.", "cf.", "Cf.", "ex.", "vs.", "fig.", "Fig.",
]);

/// French words no sentence of the treebanks ends on (articles, prepositions, conjunctions):
/// a gap after one is never a boundary.
pub const FR_NEVER_FINAL: WordSet = WordSet::new(&[
    "au", "aux", "avec", "car", "chez", "dans", "de", "des", "du", "dont", "en", "entre", "et",
    "la", "le", "les", "mais", "ni", "ou", "par", "pour", "que", "sans", "sous", "sur", "un",
    "une", "vers", "à",
]);

/// Capitalised French connectives that open a sentence when a comma follows them.
pub const FR_CONNECTIVES: WordSet = WordSet::new(&[
    "Ainsi",
    "Cependant",
    "Désormais",
    "Enfin",
    "Ensuite",
    "Néanmoins",
    "Pourtant",
    "Puis",
    "Toutefois",
]);

/// Titles before a person's name, which never end a sentence ("M. Rack", "Dr. Jones"): the
/// treebanks have no sentence ending in one.
pub const PERSONAL_TITLES: WordSet = WordSet::new(&[
    "Dr.", "M.", "MM.", "Mgr.", "Mlle.", "Mme.", "Mmes.", "Mr.", "Mrs.", "Ms.", "Pr.", "Prof.",
]);

/// French elided forms that are their own token when an apostrophe follows (l'État, qu'il,
/// jusqu'à). Words such as "aujourd'hui" or "quelqu'un" are absent on purpose: they stay whole.
pub const FR_ELISIONS: WordSet = WordSet::new(&[
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
]);

/// Pronouns that attach to a verb with a hyphen and are their own token in UD French
/// ("dit-il", "a-t-elle", "donne-moi", "allons-y").
pub const FR_HYPHEN_CLITICS: WordSet = WordSet::new(&[
    "ce", "elle", "elles", "en", "eux", "il", "ils", "je", "la", "le", "les", "leur", "lui", "moi",
    "nous", "on", "t", "te", "toi", "tu", "vous", "y",
]);

/// Hyphenated French words whose last part looks like a clitic but is not one.
pub const FR_HYPHEN_WORDS: WordSet = WordSet::new(&["chez-moi", "chez-soi", "rendez-vous"]);

/// English prefixes after which a hyphenated word stays one token in UD English (non-stop,
/// re-elect); other hyphens split ("well - known" in EWT).
pub const EN_HYPHEN_PREFIXES: WordSet = WordSet::new(&[
    "anti", "arch", "co", "counter", "cross", "e", "ex", "inter", "intra", "micro", "mid", "multi",
    "neo", "non", "post", "pre", "pro", "psycho", "re", "semi", "socio", "sub", "un", "vice",
]);

/// Words after which French "des" is the indefinite article rather than "de les":
/// prepositions, conjunctions and common verb forms (the data say "des" is "de les" about two
/// times in three, mostly after nouns).
pub const FR_DES_ARTICLE_AFTER: WordSet = WordSet::new(&[
    "a",
    "ai",
    "aient",
    "ait",
    "as",
    "aura",
    "auraient",
    "aurait",
    "auront",
    "avait",
    "avaient",
    "avec",
    "avez",
    "avoir",
    "avons",
    "ayant",
    "c'est",
    "car",
    "ce",
    "chez",
    "comme",
    "comporte",
    "contre",
    "contient",
    "dans",
    "depuis",
    "devient",
    "donc",
    "dont",
    "déjà",
    "elle",
    "elles",
    "en",
    "entre",
    "est",
    "et",
    "eu",
    "faire",
    "fait",
    "font",
    "il",
    "ils",
    "lorsque",
    "mais",
    "malgré",
    "ni",
    "on",
    "ont",
    "ou",
    "par",
    "parmi",
    "pendant",
    "pour",
    "provoquer",
    "quand",
    "que",
    "qui",
    "sans",
    "selon",
    "si",
    "sont",
    "sous",
    "sur",
    "toujours",
    "très",
    "vers",
    "voici",
    "voilà",
    "y",
    "à",
    "également",
    "était",
    "étaient",
    "être",
    "été",
    "aussi",
    "uniquement",
    "seulement",
    "notamment",
    "parfois",
    "souvent",
    "sommes",
    "êtes",
    "suis",
    "es",
    "sera",
    "seront",
    "serait",
    "seraient",
    "soit",
    "soient",
    "deviennent",
    "restent",
]);

/// Capitalised function words that almost always open a sentence; after an abbreviation that
/// might also end one ("etc.", "U.S."), seeing one of these means a new sentence starts.
pub const SENTENCE_STARTERS: WordSet = WordSet::new(&[
    "A", "After", "Alors", "Au", "Aucun", "Aussi", "But", "C'", "Ce", "Cela", "Ces", "Cet",
    "Cette", "D'", "Dans", "De", "Des", "Du", "Elle", "Elles", "En", "Et", "He", "Her", "His",
    "However", "I", "Il", "Ils", "In", "It", "Its", "J'", "Je", "L'", "La", "Le", "Les", "Leur",
    "Mais", "Nous", "On", "Or", "Par", "Pour", "Selon", "She", "Since", "So", "Son", "Sa", "Ses",
    "Sur", "That", "The", "Their", "There", "These", "They", "This", "Those", "Un", "Une", "We",
    "What", "When", "While", "You",
]);

/// Capitalised French words that open a clause: after a word with no punctuation between, they
/// mark the end of an unpunctuated heading.
pub const FR_CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "Aucun",
    "Aucune",
    "Aussitôt",
    "C'",
    "Ce",
    "Cela",
    "Ces",
    "Cet",
    "Cette",
    "Chez",
    "D'",
    "Dans",
    "Des",
    "Elle",
    "Elles",
    "Il",
    "Ils",
    "J'",
    "Je",
    "L'",
    "La",
    "Le",
    "Les",
    "Leur",
    "Leurs",
    "Lorsque",
    "Nous",
    "On",
    "Pour",
    "Qu'",
    "Quand",
    "S'",
    "Sa",
    "Selon",
    "Ses",
    "Si",
    "Son",
    "Un",
    "Une",
    "Vous",
]);

/// Words after which a capitalised article begins a title rather than a sentence ("dans Le
/// Monde", "de L'Express").
pub const FR_TITLE_INTRODUCERS: WordSet = WordSet::new(&[
    "à",
    "au",
    "aux",
    "avec",
    "d'",
    "dans",
    "de",
    "des",
    "du",
    "en",
    "et",
    "l'",
    "la",
    "le",
    "les",
    "ou",
    "par",
    "pour",
    "sur",
    "titré",
    "intitulé",
    "intitulée",
    "journal",
    "livre",
    "film",
    "roman",
    "quotidien",
    "hebdomadaire",
    "magazine",
    "émission",
    "revue",
]);

/// A small closed word list with a constant-time prefilter: most tokens are rejected by their
/// length or first byte before any comparison, which matters because the tokenizer and the
/// sentence splitter ask on nearly every token.
#[derive(Debug, Clone, Copy)]
pub struct WordSet {
    words: &'static [&'static str],
    /// Bit `n` set when some word is `n` bytes long (words of 64 bytes or more share bit 63).
    lengths: u64,
    /// Bit `b` set when some word starts with byte `b`.
    first: [u64; 4],
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        let mut lengths = 0u64;
        let mut first = [0u64; 4];
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            let n = if w.len() < 63 { w.len() } else { 63 };
            lengths |= 1 << n;
            if !w.is_empty() {
                first[(w[0] >> 6) as usize] |= 1 << (w[0] & 63);
            }
            i += 1;
        }
        WordSet {
            words,
            lengths,
            first,
        }
    }

    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let w = word.as_bytes();
        let n = w.len().min(63);
        if self.lengths & (1 << n) == 0 {
            return false;
        }
        if let Some(&b) = w.first()
            && self.first[(b >> 6) as usize] & (1 << (b & 63)) == 0
        {
            return false;
        }
        self.words.iter().any(|x| x.as_bytes() == w)
    }

    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

pub fn contains(list: WordSet, word: &str) -> bool {
    list.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_have_no_duplicates() {
        for list in [
            FR_ABBREVIATIONS,
            EN_ABBREVIATIONS,
            FR_ELISIONS,
            FR_HYPHEN_CLITICS,
            FR_HYPHEN_WORDS,
            EN_HYPHEN_PREFIXES,
            FR_DES_ARTICLE_AFTER,
            SENTENCE_STARTERS,
            FR_CLAUSE_OPENERS,
            FR_TITLE_INTRODUCERS,
            PERSONAL_TITLES,
            FR_NEVER_FINAL,
            FR_CONNECTIVES,
        ] {
            let mut v = list.words().to_vec();
            v.sort_unstable();
            let n = v.len();
            v.dedup();
            assert_eq!(n, v.len());
        }
    }
}
