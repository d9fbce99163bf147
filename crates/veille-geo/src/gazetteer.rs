//! The compact gazetteer: place records and a normalised-name index over them.
//!
//! File format (inside a [`veille_core::container`], kind `gazet`, format [`FORMAT`]), all
//! little endian:
//! ```text
//! u32 len, names blob (UTF-8, record names concatenated)
//! u32 len, keys blob  (UTF-8, normalised keys concatenated, sorted bytewise)
//! u32 n,   n × (u8 len, bytes)           feature codes ("PPLC", "PCLI", "region", …)
//! u32 n,   n × record (32 bytes):
//!          u32 geonameid (0 = none), u32 name offset, u16 name length, u8 feature code index,
//!          u8 kind, f32 lat, f32 lon, [u8; 2] country (ISO2, "  " = none), u16 padding,
//!          u32 admin1 record index (u32::MAX = none), u32 population
//! u32 n,   n × (u16 key length, u32 first posting)   one per key, in key order
//! u32 n,   n × u32 posting: record index | flags << 24
//! ```
//! Everything is read into plain vectors at load (a few milliseconds); lookups binary-search
//! the sorted keys.

use std::sync::OnceLock;

use veille_core::container;

use crate::GeoError;
use crate::norm::normalize;

pub const KIND: &str = "gazet";
pub const FORMAT: u32 = 1;
/// Marks "no record" in `admin1` links.
pub const NONE: u32 = u32::MAX;
const RECORD_BYTES: usize = 32;

/// The key is the record's own name (GeoNames name or ASCII name, or a name from veille's
/// tables).
pub const F_PRIMARY: u8 = 1;
/// The key is one of GeoNames' alternate names.
pub const F_ALT: u8 = 2;
/// The key is a demonym or adjective of the record ("marocain", "Moroccan").
pub const F_DEMONYM: u8 = 4;
/// The key is an abbreviation ("Ga.", "N.Y."): only used when written with a capital.
pub const F_ABBR: u8 = 8;
/// The key names the place only when a span is known to be a toponym ("Congress" for
/// Washington, which also names India's Congress party): `find_toponyms` does not match it.
pub const F_SPAN_ONLY: u8 = 16;

static EMBEDDED: &[u8] = include_bytes!("../data/gazetteer.bin");

/// What a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Kind {
    Country = 0,
    /// A continent, sub-continental region, sea or other named area from veille's table.
    Region = 1,
    Admin1 = 2,
    Admin2 = 3,
    City = 4,
}

impl Kind {
    fn from_u8(b: u8) -> Option<Kind> {
        Some(match b {
            0 => Kind::Country,
            1 => Kind::Region,
            2 => Kind::Admin1,
            3 => Kind::Admin2,
            4 => Kind::City,
            _ => return None,
        })
    }
}

/// One place as stored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record {
    pub geonameid: u32,
    pub(crate) name_off: u32,
    pub(crate) name_len: u16,
    pub(crate) fcode: u8,
    pub kind: Kind,
    pub lat: f32,
    pub lon: f32,
    pub(crate) cc: [u8; 2],
    /// Index of the record of the first-level division this place lies in, or [`NONE`].
    pub admin1: u32,
    pub population: u32,
}

/// A match of a name in the index: the record and how the name relates to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub record: u32,
    /// `F_*` bits.
    pub flags: u8,
}

impl Candidate {
    fn from_posting(p: u32) -> Candidate {
        Candidate {
            record: p & 0x00ff_ffff,
            flags: (p >> 24) as u8,
        }
    }
}

/// The gazetteer: records and the name index.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    pub(crate) names: String,
    pub(crate) keys: String,
    pub(crate) fcodes: Vec<String>,
    pub(crate) records: Vec<Record>,
    /// Byte offset of each key in `keys`, plus one final end offset.
    pub(crate) key_offs: Vec<u32>,
    /// First posting of each key, plus one final end.
    pub(crate) post_start: Vec<u32>,
    pub(crate) postings: Vec<u32>,
    /// Record index of each country, by ISO2 code (`cc[0] - b'A'`, `cc[1] - b'A'`).
    pub(crate) country_of: Vec<u32>,
}

fn cc_slot(cc: [u8; 2]) -> Option<usize> {
    let a = cc[0].checked_sub(b'A').filter(|&a| a < 26)?;
    let b = cc[1].checked_sub(b'A').filter(|&b| b < 26)?;
    Some(a as usize * 26 + b as usize)
}

impl Gazetteer {
    /// The gazetteer shipped in the crate, loaded once. An unreadable embedded file (ruled out by
    /// the tests of every build) yields an empty gazetteer; [`Gazetteer::try_embedded`] says why.
    pub fn embedded() -> &'static Gazetteer {
        static EMPTY: OnceLock<Gazetteer> = OnceLock::new();
        match Gazetteer::try_embedded() {
            Ok(g) => g,
            Err(_) => EMPTY.get_or_init(Gazetteer::default),
        }
    }

    /// The embedded gazetteer, or the error met reading it.
    pub fn try_embedded() -> Result<&'static Gazetteer, &'static GeoError> {
        static CELL: OnceLock<Result<Gazetteer, GeoError>> = OnceLock::new();
        CELL.get_or_init(|| Gazetteer::from_bytes(EMBEDDED))
            .as_ref()
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Number of distinct normalised names.
    pub fn key_count(&self) -> usize {
        self.key_offs.len().saturating_sub(1)
    }

    /// The record at `idx`.
    pub fn record(&self, idx: u32) -> Option<&Record> {
        self.records.get(idx as usize)
    }

    /// The stored name of a record.
    pub fn name(&self, r: &Record) -> &str {
        let start = r.name_off as usize;
        self.names
            .get(start..start + r.name_len as usize)
            .unwrap_or("")
    }

    /// The feature code of a record ("PPLC", "PCLI", "ADM1", "region", …).
    pub fn feature(&self, r: &Record) -> &str {
        self.fcodes.get(r.fcode as usize).map_or("", String::as_str)
    }

    /// The ISO2 country code of a record, if it has one.
    pub fn country_code<'a>(&self, r: &'a Record) -> Option<&'a str> {
        cc_slot(r.cc)?;
        std::str::from_utf8(&r.cc).ok()
    }

    /// The record index of the country with ISO2 code `cc`.
    pub fn country(&self, cc: &str) -> Option<u32> {
        let b = cc.as_bytes();
        let slot = cc_slot([*b.first()?, *b.get(1)?])?;
        self.country_of.get(slot).copied().filter(|&i| i != NONE)
    }

    fn key(&self, i: usize) -> &str {
        let (Some(&a), Some(&b)) = (self.key_offs.get(i), self.key_offs.get(i + 1)) else {
            return "";
        };
        self.keys.get(a as usize..b as usize).unwrap_or("")
    }

    /// Index of the normalised key `key`, if present.
    pub(crate) fn find_key(&self, key: &str) -> Option<usize> {
        let n = self.key_count();
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.key(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// Whether some key starts with `prefix` followed by a space (a longer multiword name).
    pub(crate) fn has_longer(&self, prefix: &str) -> bool {
        let n = self.key_count();
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key(mid) < prefix {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut i = lo;
        while i < n {
            let k = self.key(i);
            if !k.starts_with(prefix) {
                return false;
            }
            if k.as_bytes().get(prefix.len()) == Some(&b' ') {
                return true;
            }
            i += 1;
            // Keys equal to the prefix plus letters ("parisien") sort between; a few steps
            // suffice in practice, and the bound keeps a pathological prefix cheap.
            if i - lo > 64 {
                return false;
            }
        }
        false
    }

    pub(crate) fn postings_of(&self, key_idx: usize) -> impl Iterator<Item = Candidate> + '_ {
        let a = self.post_start.get(key_idx).copied().unwrap_or(0) as usize;
        let b = self.post_start.get(key_idx + 1).copied().unwrap_or(0) as usize;
        self.postings
            .get(a..b)
            .unwrap_or(&[])
            .iter()
            .map(|&p| Candidate::from_posting(p))
    }

    /// The candidates for a toponym as written (normalised here).
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        self.lookup_key(&normalize(name))
    }

    /// The candidates for an already normalised key.
    pub fn lookup_key(&self, key: &str) -> Vec<Candidate> {
        match self.find_key(key) {
            Some(i) => self.postings_of(i).collect(),
            None => Vec::new(),
        }
    }

    /// Reads a gazetteer written by [`Gazetteer::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, GeoError> {
        let payload = container::read(bytes, KIND, FORMAT)?;
        let mut r = Reader { b: payload, at: 0 };
        let names = r.string()?;
        let keys = r.string()?;
        let n_f = r.u32()? as usize;
        let mut fcodes = Vec::with_capacity(n_f.min(1024));
        for _ in 0..n_f {
            let len = r.u8()? as usize;
            let s = std::str::from_utf8(r.take(len)?).map_err(|_| GeoError::Corrupt("feature"))?;
            fcodes.push(s.to_string());
        }
        let n_r = r.u32()? as usize;
        let rec_bytes = r.take(
            n_r.checked_mul(RECORD_BYTES)
                .ok_or(GeoError::Corrupt("size"))?,
        )?;
        let mut records = Vec::with_capacity(n_r);
        for c in rec_bytes.chunks_exact(RECORD_BYTES) {
            let u32_at = |i: usize| u32::from_le_bytes([c[i], c[i + 1], c[i + 2], c[i + 3]]);
            let kind = Kind::from_u8(c[11]).ok_or(GeoError::Corrupt("kind"))?;
            let rec = Record {
                geonameid: u32_at(0),
                name_off: u32_at(4),
                name_len: u16::from_le_bytes([c[8], c[9]]),
                fcode: c[10],
                kind,
                lat: f32::from_bits(u32_at(12)),
                lon: f32::from_bits(u32_at(16)),
                cc: [c[20], c[21]],
                admin1: u32_at(24),
                population: u32_at(28),
            };
            if rec.name_off as usize + rec.name_len as usize > names.len()
                || !names.is_char_boundary(rec.name_off as usize)
                || !names.is_char_boundary(rec.name_off as usize + rec.name_len as usize)
                || (rec.admin1 != NONE && rec.admin1 as usize >= n_r)
            {
                return Err(GeoError::Corrupt("record"));
            }
            records.push(rec);
        }
        let n_k = r.u32()? as usize;
        let mut key_offs = Vec::with_capacity(n_k + 1);
        let mut post_start = Vec::with_capacity(n_k + 1);
        let mut off = 0u32;
        for _ in 0..n_k {
            key_offs.push(off);
            off = off
                .checked_add(r.u16()? as u32)
                .ok_or(GeoError::Corrupt("key"))?;
            post_start.push(r.u32()?);
        }
        key_offs.push(off);
        if off as usize != keys.len() {
            return Err(GeoError::Corrupt("keys"));
        }
        for &o in &key_offs {
            if !keys.is_char_boundary(o as usize) {
                return Err(GeoError::Corrupt("keys"));
            }
        }
        let n_p = r.u32()? as usize;
        post_start.push(n_p as u32);
        if post_start.windows(2).any(|w| w[0] > w[1]) {
            return Err(GeoError::Corrupt("postings"));
        }
        let p_bytes = r.take(n_p.checked_mul(4).ok_or(GeoError::Corrupt("size"))?)?;
        let postings: Vec<u32> = p_bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        if postings.iter().any(|&p| (p & 0x00ff_ffff) as usize >= n_r) {
            return Err(GeoError::Corrupt("postings"));
        }
        if r.at != payload.len() {
            return Err(GeoError::Corrupt("trailing bytes"));
        }
        let mut g = Gazetteer {
            names,
            keys,
            fcodes,
            records,
            key_offs,
            post_start,
            postings,
            country_of: Vec::new(),
        };
        g.index_countries();
        Ok(g)
    }

    pub(crate) fn index_countries(&mut self) {
        let mut country_of = vec![NONE; 26 * 26];
        for (i, r) in self.records.iter().enumerate() {
            if r.kind == Kind::Country
                && let Some(slot) = cc_slot(r.cc)
            {
                country_of[slot] = i as u32;
            }
        }
        self.country_of = country_of;
    }

    /// Serialises the gazetteer in its container.
    pub fn to_bytes(&self) -> Result<Vec<u8>, GeoError> {
        let mut p = Vec::new();
        let len32 = |n: usize| u32::try_from(n).map_err(|_| GeoError::Corrupt("too large"));
        p.extend_from_slice(&len32(self.names.len())?.to_le_bytes());
        p.extend_from_slice(self.names.as_bytes());
        p.extend_from_slice(&len32(self.keys.len())?.to_le_bytes());
        p.extend_from_slice(self.keys.as_bytes());
        p.extend_from_slice(&len32(self.fcodes.len())?.to_le_bytes());
        for f in &self.fcodes {
            let len = u8::try_from(f.len()).map_err(|_| GeoError::Corrupt("feature"))?;
            p.push(len);
            p.extend_from_slice(f.as_bytes());
        }
        p.extend_from_slice(&len32(self.records.len())?.to_le_bytes());
        for r in &self.records {
            p.extend_from_slice(&r.geonameid.to_le_bytes());
            p.extend_from_slice(&r.name_off.to_le_bytes());
            p.extend_from_slice(&r.name_len.to_le_bytes());
            p.push(r.fcode);
            p.push(r.kind as u8);
            p.extend_from_slice(&r.lat.to_bits().to_le_bytes());
            p.extend_from_slice(&r.lon.to_bits().to_le_bytes());
            p.extend_from_slice(&r.cc);
            p.extend_from_slice(&[0, 0]);
            p.extend_from_slice(&r.admin1.to_le_bytes());
            p.extend_from_slice(&r.population.to_le_bytes());
        }
        let n_k = self.key_count();
        p.extend_from_slice(&len32(n_k)?.to_le_bytes());
        for i in 0..n_k {
            let len = u16::try_from(self.key(i).len()).map_err(|_| GeoError::Corrupt("key"))?;
            p.extend_from_slice(&len.to_le_bytes());
            p.extend_from_slice(&self.post_start.get(i).copied().unwrap_or(0).to_le_bytes());
        }
        p.extend_from_slice(&len32(self.postings.len())?.to_le_bytes());
        for &x in &self.postings {
            p.extend_from_slice(&x.to_le_bytes());
        }
        Ok(container::write(KIND, FORMAT, &p)?)
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], GeoError> {
        let end = self.at.checked_add(n).ok_or(GeoError::Corrupt("size"))?;
        let s = self
            .b
            .get(self.at..end)
            .ok_or(GeoError::Corrupt("truncated"))?;
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, GeoError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, GeoError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, GeoError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn string(&mut self) -> Result<String, GeoError> {
        let n = self.u32()? as usize;
        let s = self.take(n)?;
        String::from_utf8(s.to_vec()).map_err(|_| GeoError::Corrupt("utf-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_loads_and_round_trips() {
        let g = Gazetteer::try_embedded().expect("embedded gazetteer");
        assert!(g.len() > 30_000);
        let again = Gazetteer::from_bytes(&g.to_bytes().unwrap()).unwrap();
        assert_eq!(again.records, g.records);
        assert_eq!(again.postings, g.postings);
    }

    #[test]
    fn countries_and_cities_are_found() {
        let g = Gazetteer::embedded();
        let ids = |name: &str| -> Vec<u32> {
            g.lookup(name)
                .iter()
                .filter_map(|c| g.record(c.record))
                .map(|r| r.geonameid)
                .collect()
        };
        assert!(ids("Maroc").contains(&2542007));
        assert!(ids("morocco").contains(&2542007));
        assert!(ids("Etats Unis").contains(&6252001));
        assert!(ids("États-Unis").contains(&6252001));
        assert!(ids("Paris").contains(&2988507));
        let us = g.country("US").and_then(|i| g.record(i)).unwrap();
        assert_eq!(us.geonameid, 6252001);
        assert!(g.lookup("zzzzqqq").is_empty());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(Gazetteer::from_bytes(b"VEIL").is_err());
        let bad = container::write(KIND, FORMAT, &[1, 2, 3, 4, 5, 6, 7]).unwrap();
        assert!(Gazetteer::from_bytes(&bad).is_err());
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_payload_garbage(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let c = container::write(KIND, FORMAT, &bytes).unwrap();
            let _ = Gazetteer::from_bytes(&c);
        }
    }
}
