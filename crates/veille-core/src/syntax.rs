//! Word-level syntax: universal part of speech, the morphological features the event coder
//! reads, lemmas and dependency relations (Universal Dependencies conventions).
//!
//! Tags and features are small integers so that a parsed document stays compact and the
//! tagger and parser can index weight tables with them directly.

use serde::{Serialize, Serializer};

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($var:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        #[repr(u8)]
        pub enum $name { #[default] $($var),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $s),+ }
            }
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($s => Some($name::$var),)+ _ => None }
            }
            pub fn index(self) -> usize {
                self as usize
            }
            pub fn from_index(i: usize) -> Option<$name> {
                Self::ALL.get(i).copied()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// Universal part-of-speech tags (UD v2). `X` is the default for unknown input.
    Upos {
        X = "X",
        Adj = "ADJ",
        Adp = "ADP",
        Adv = "ADV",
        Aux = "AUX",
        Cconj = "CCONJ",
        Det = "DET",
        Intj = "INTJ",
        Noun = "NOUN",
        Num = "NUM",
        Part = "PART",
        Pron = "PRON",
        Propn = "PROPN",
        Punct = "PUNCT",
        Sconj = "SCONJ",
        Sym = "SYM",
        Verb = "VERB",
    }
);

/// The morphological features veille predicts, each a small field of one `u32`:
/// Number, Gender, Person, Tense, Mood, VerbForm, Polarity (UD names and values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Feats(pub u32);

/// (feature name, its values in field order; field value 0 means absent).
const FEATURES: &[(&str, &[&str])] = &[
    ("Gender", &["Masc", "Fem", "Neut"]),
    ("Mood", &["Ind", "Sub", "Imp", "Cnd"]),
    ("Number", &["Sing", "Plur"]),
    ("Person", &["1", "2", "3"]),
    ("Polarity", &["Neg", "Pos"]),
    ("Tense", &["Pres", "Past", "Fut", "Imp", "Pqp"]),
    ("VerbForm", &["Fin", "Inf", "Part", "Ger"]),
];

impl Feats {
    pub const NONE: Feats = Feats(0);

    /// Keeps the features above from a UD FEATS column ("Gender=Masc|Number=Sing|…"); others
    /// are dropped, unknown values ignored.
    pub fn from_ud(s: &str) -> Feats {
        let mut v = 0u32;
        for item in s.split('|') {
            let Some((name, value)) = item.split_once('=') else {
                continue;
            };
            if let Some(f) = FEATURES.iter().position(|(n, _)| *n == name)
                && let Some(k) = FEATURES[f].1.iter().position(|x| *x == value)
            {
                v |= ((k as u32) + 1) << (4 * f);
            }
        }
        Feats(v)
    }

    /// The value of feature `name`, if set.
    pub fn get(self, name: &str) -> Option<&'static str> {
        let f = FEATURES.iter().position(|(n, _)| *n == name)?;
        let k = (self.0 >> (4 * f)) & 0xf;
        (k > 0)
            .then(|| FEATURES[f].1.get(k as usize - 1).copied())
            .flatten()
    }

    /// UD FEATS text, features in alphabetical order, `_` when empty.
    pub fn to_ud(self) -> String {
        let mut out = String::new();
        for (f, (name, values)) in FEATURES.iter().enumerate() {
            let k = (self.0 >> (4 * f)) & 0xf;
            if let Some(v) = (k > 0).then(|| values.get(k as usize - 1)).flatten() {
                if !out.is_empty() {
                    out.push('|');
                }
                out.push_str(name);
                out.push('=');
                out.push_str(v);
            }
        }
        if out.is_empty() {
            out.push('_');
        }
        out
    }
}

impl Serialize for Feats {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_ud())
    }
}

/// The syntactic analysis of one word of [`crate::Doc::words`], at the same index.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Analysis {
    pub upos: Upos,
    pub feats: Feats,
    pub lemma: String,
    /// Index in `Doc::words` of the head, or `None` for the root of the sentence.
    pub head: Option<u32>,
    /// UD relation to the head, with subtype ("nsubj", "obl:arg"); "root" for the root.
    pub deprel: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upos_round_trip() {
        for &u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
            assert_eq!(Upos::from_index(u.index()), Some(u));
        }
        assert_eq!(Upos::parse("NOUNS"), None);
    }

    #[test]
    fn feats_keep_the_chosen_features_in_ud_order() {
        let f =
            Feats::from_ud("Mood=Ind|Number=Sing|Person=3|PronType=Prs|Tense=Pres|VerbForm=Fin");
        assert_eq!(
            f.to_ud(),
            "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
        );
        assert_eq!(f.get("Tense"), Some("Pres"));
        assert_eq!(f.get("Gender"), None);
        assert_eq!(Feats::from_ud("_").to_ud(), "_");
        assert_eq!(
            Feats::from_ud("Gender=Bogus|Number=Plur").to_ud(),
            "Number=Plur"
        );
    }
}
