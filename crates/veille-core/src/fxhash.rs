//! Multiply-rotate hashing (the FxHash scheme) for maps keyed by short dictionary words.
//!
//! The time lexicon and the event coder's dictionaries are probed at every word of every
//! document; their keys are short words and no map is keyed by input chosen to collide, so
//! SipHash's protection against such input is not worth its cost (measured: SipHash was
//! ~2 % of the whole pipeline's instructions before the coder's maps switched).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

const K: u64 = 0x517c_c1b7_2722_0a95;

/// See the module documentation.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(K);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fast_map_finds_what_it_holds() {
        let mut m: FastMap<String, u32> = FastMap::default();
        for (i, w) in ["accord", "Accord", "ACCORD", "é", ""].iter().enumerate() {
            m.insert(w.to_string(), i as u32);
        }
        assert_eq!(m.len(), 5);
        assert_eq!(m.get("Accord"), Some(&1));
        assert_eq!(m.get(""), Some(&4));
        assert_eq!(m.get("accords"), None);
    }
}
