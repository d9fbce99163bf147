//! Feature hashing shared by the trained models: FNV-1a over (lowercased) text, splitmix64
//! mixing of integers. Stable across builds and platforms, so a model file means the same
//! thing everywhere; changing anything here invalidates every shipped model.

/// FNV-1a over bytes, seeded with a template id.
pub struct Hasher(pub u64);

impl Hasher {
    #[inline]
    pub fn new(template: u8) -> Hasher {
        let mut h = Hasher(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    #[inline]
    pub fn byte(&mut self, b: u8) {
        self.0 ^= b as u64;
        self.0 = self.0.wrapping_mul(0x100_0000_01b3);
    }
    #[inline]
    pub fn bytes(&mut self, s: &[u8]) {
        for &b in s {
            self.byte(b);
        }
    }
    /// Lowercased text, at most 24 chars, without allocating.
    #[inline]
    pub fn lower(&mut self, s: &str) {
        for c in s.chars().take(24) {
            if c.is_ascii() {
                self.byte(c.to_ascii_lowercase() as u8);
            } else if ('\u{c0}'..='\u{de}').contains(&c) && c != '×' {
                // Latin-1 capitals lowercase by adding 0x20, as `to_lowercase` would.
                let mut buf = [0u8; 4];
                let l = char::from_u32(c as u32 + 0x20).unwrap_or(c);
                self.bytes(l.encode_utf8(&mut buf).as_bytes());
            } else if ('\u{df}'..='\u{ff}').contains(&c) {
                let mut buf = [0u8; 4];
                self.bytes(c.encode_utf8(&mut buf).as_bytes());
            } else {
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    self.bytes(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
    /// Word shape: X for uppercase, x lowercase, d digit, other characters as themselves,
    /// repeats collapsed, at most 6 symbols.
    #[inline]
    pub fn shape(&mut self, s: &str) {
        let mut last = '\0';
        let mut n = 0;
        for c in s.chars() {
            let k = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else {
                c
            };
            if k != last {
                let mut buf = [0u8; 4];
                self.bytes(k.encode_utf8(&mut buf).as_bytes());
                last = k;
                n += 1;
                if n == 6 {
                    break;
                }
            }
        }
    }
}

/// Combines a template id with values into a 64-bit key (splitmix64 finalizer).
#[inline]
pub fn mix(template: u64, values: &[u64]) -> u64 {
    let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &v in values {
        h ^= v;
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^= h >> 31;
    }
    h
}

/// One seeded Fisher–Yates pass over `order` with xorshift64 (`rng` must not be 0): the
/// training order of every model, the same for a seed on every machine.
pub fn shuffle(order: &mut [usize], rng: &mut u64) {
    for k in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(k, (*rng % (k as u64 + 1)) as usize);
    }
}
