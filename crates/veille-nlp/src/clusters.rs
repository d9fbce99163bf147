//! Brown word clusters: a word's place in a binary tree of words that occur in similar
//! contexts, learned from unlabelled text (Brown et al. 1992). The tagger and parser read
//! them as features (Koo, Carreras & Collins 2008): a word the treebank never saw still lands
//! in the cluster of words it did see ("Wednesday" beside "Tuesday", "spaniel" beside other
//! breeds), which is what a hashed-feature model lacks for rare words.
//!
//! The English table comes from spaCy's `spacy-lookups-data` package (MIT licence,
//! `en_lexeme_cluster`: 190,129 words in 1,000 clusters); `scripts/en_clusters.py` extracts it
//! and `veille build-clusters` writes the compact file shipped here. There is no French table:
//! the package has none, and the French taggers already meet their targets without one.
//!
//! # Paths
//!
//! A cluster is its path from the root of the tree, stored as in the source table: an integer
//! whose *least* significant bit is the first branch. `path & 0b1111` is therefore the
//! 4-branch prefix, a coarse class (roughly a part of speech); the whole path is a fine one.
//!
//! # File
//!
//! Inside the [`veille_core::container`], kind [`KIND`], format [`FORMAT`]: the number of
//! clusters (`u32`), their paths (`u32` each), the number of words (`u32`), the words' keys
//! (32-bit FNV-1a hashes of the exact form, sorted, `u32` each), then each word's cluster
//! index (`u16`). Hashes rather than words keep the file at 6 bytes a word; the chance that
//! an unlisted word hits a listed key is about 1 in 20,000, and such a word only gets a
//! wrong cluster feature.
//!
//! Models trained with a table record its [`Clusters::fingerprint`] and find it again with
//! [`by_fingerprint`]; a model whose table is not shipped fails to load instead of reading
//! features it was not trained on.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;
use veille_core::Lang;
use veille_core::container::{self, ContainerError};

pub const KIND: &str = "clusters";
pub const FORMAT: u32 = 1;

static EN_BYTES: &[u8] = include_bytes!("../models/clusters-en.bin");

/// The keys are hashes already: the map need not hash them again.
#[derive(Default)]
struct U32Hasher(u64);

impl std::hash::Hasher for U32Hasher {
    fn finish(&self) -> u64 {
        // Spread the key over the high bits too: hashbrown takes its control byte from them.
        self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = v as u64;
    }
}

/// A word → cluster table.
#[derive(Debug, Clone)]
pub struct Clusters {
    paths: Vec<u32>,
    keys: Vec<u32>,
    ids: Vec<u16>,
    index: HashMap<u32, u16, BuildHasherDefault<U32Hasher>>,
    fingerprint: u64,
}

/// Two tables are the same table when their contents are: the fingerprint hashes them all.
impl PartialEq for Clusters {
    fn eq(&self, o: &Clusters) -> bool {
        self.fingerprint == o.fingerprint && self.keys == o.keys
    }
}

impl Eq for Clusters {}

/// 32-bit FNV-1a of the exact form.
fn key(form: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in form.as_bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// 32-bit FNV-1a of the lowercased form, without allocating.
fn lower_key(form: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut buf = [0u8; 4];
    for c in form.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= b as u32;
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

impl Clusters {
    /// Builds the table from (word, path) pairs; paths of 0 (no cluster) are skipped, and of
    /// two words with the same key the first is kept.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, u32)>) -> Clusters {
        let mut path_id: HashMap<u32, u16> = HashMap::new();
        let mut paths = Vec::new();
        let mut entries: Vec<(u32, u16)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (w, p) in pairs {
            if p == 0 || w.is_empty() || !seen.insert(key(w)) {
                continue;
            }
            let id = *path_id.entry(p).or_insert_with(|| {
                paths.push(p);
                (paths.len() - 1) as u16
            });
            entries.push((key(w), id));
        }
        entries.sort_unstable();
        let (keys, ids) = entries.into_iter().unzip();
        Clusters::assemble(paths, keys, ids)
    }

    fn assemble(paths: Vec<u32>, keys: Vec<u32>, ids: Vec<u16>) -> Clusters {
        let mut index = HashMap::default();
        index.reserve(keys.len());
        index.extend(keys.iter().copied().zip(ids.iter().copied()));
        let mut c = Clusters {
            paths,
            keys,
            ids,
            index,
            fingerprint: 0,
        };
        let mut h = crate::hash::Hasher::new(0);
        h.bytes(&c.payload());
        c.fingerprint = h.0.max(1);
        c
    }

    /// The form's cluster path: the exact form's, else the lowercased form's.
    #[inline]
    pub fn get(&self, form: &str) -> Option<u32> {
        let id = self
            .index
            .get(&key(form))
            .or_else(|| self.index.get(&lower_key(form)))?;
        self.paths.get(*id as usize).copied()
    }

    /// Number of words listed.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Number of distinct clusters.
    pub fn n_clusters(&self) -> usize {
        self.paths.len()
    }

    /// A hash of the whole table (never 0), which a model trained with it records.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    fn payload(&self) -> Vec<u8> {
        let mut p = Vec::with_capacity(8 + 4 * self.paths.len() + 6 * self.keys.len());
        p.extend_from_slice(&(self.paths.len() as u32).to_le_bytes());
        for x in &self.paths {
            p.extend_from_slice(&x.to_le_bytes());
        }
        p.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for x in &self.keys {
            p.extend_from_slice(&x.to_le_bytes());
        }
        for x in &self.ids {
            p.extend_from_slice(&x.to_le_bytes());
        }
        p
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        container::write(KIND, FORMAT, &self.payload()).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Clusters, ContainerError> {
        let p = container::read(bytes, KIND, FORMAT)?;
        let bad = || ContainerError::Truncated(bytes.len());
        let mut take = container::taker(p, bytes.len());
        let u32s = |b: &[u8]| -> Vec<u32> {
            b.chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()
        };
        let n_paths = u32s(take(4)?)[0] as usize;
        let paths = u32s(take(n_paths.checked_mul(4).ok_or_else(bad)?)?);
        let n = u32s(take(4)?)[0] as usize;
        let keys = u32s(take(n.checked_mul(4).ok_or_else(bad)?)?);
        let ids: Vec<u16> = take(n.checked_mul(2).ok_or_else(bad)?)?
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        if ids.iter().any(|&i| i as usize >= paths.len()) || !keys.is_sorted() {
            return Err(bad());
        }
        Ok(Clusters::assemble(paths, keys, ids))
    }
}

/// The table shipped for `lang`, loaded once (`None` for French, which has none).
pub fn embedded(lang: Lang) -> Option<&'static Clusters> {
    static EN: OnceLock<Option<Clusters>> = OnceLock::new();
    match lang {
        Lang::En => EN
            .get_or_init(|| Clusters::from_bytes(EN_BYTES).ok())
            .as_ref(),
        _ => None,
    }
}

/// The shipped table with this fingerprint.
pub fn by_fingerprint(fp: u64) -> Option<&'static Clusters> {
    [Lang::En]
        .into_iter()
        .filter_map(embedded)
        .find(|c| c.fingerprint() == fp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_then_lowercase_and_round_trip() {
        let c = Clusters::from_pairs([("Tuesday", 874), ("monday", 874), ("Paris", 678), ("x", 0)]);
        assert_eq!(c.len(), 3);
        assert_eq!(c.n_clusters(), 2);
        assert_eq!(c.get("Tuesday"), Some(874));
        assert_eq!(c.get("MONDAY"), Some(874));
        assert_eq!(c.get("Paris"), Some(678));
        assert_eq!(c.get("x"), None);
        assert_eq!(c.get("Berlin"), None);
        let back = Clusters::from_bytes(&c.to_bytes()).unwrap();
        assert_eq!(back.get("monday"), Some(874));
        assert_eq!(back.fingerprint(), c.fingerprint());
        let other = Clusters::from_pairs([("Tuesday", 875)]);
        assert_ne!(other.fingerprint(), c.fingerprint());
    }

    #[test]
    fn truncated_or_foreign_files_are_errors() {
        let c = Clusters::from_pairs([("a", 3), ("b", 5)]);
        let bytes = c.to_bytes();
        for cut in [0, 10, bytes.len() - 1] {
            assert!(Clusters::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let other = container::write("tagger", 1, &[0; 16]).unwrap();
        assert!(Clusters::from_bytes(&other).is_err());
    }

    #[test]
    fn shipped_english_table_loads() {
        let c = embedded(Lang::En).expect("clusters-en.bin loads");
        assert!(c.len() > 100_000, "{}", c.len());
        // Days of the week share a cluster; a common noun sits in another one.
        assert_eq!(c.get("Tuesday"), c.get("Wednesday"));
        assert_ne!(c.get("Tuesday"), c.get("government"));
        assert!(by_fingerprint(c.fingerprint()).is_some());
        assert!(embedded(Lang::Fr).is_none());
    }
}
