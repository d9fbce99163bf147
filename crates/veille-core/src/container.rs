//! The container every shipped model, lexicon or dictionary is stored in.
//!
//! Layout (little endian):
//! ```text
//! magic  b"VEIL"          4 bytes
//! kind   [u8; 8]          what the payload is, NUL-padded ASCII ("sentlex", "tagger", …)
//! format u32              payload format version; readers accept exactly their own
//! len    u64              payload length
//! crc    u32              CRC-32 of the payload
//! payload
//! ```
//! A reader that meets another format version says so and what to do, instead of guessing.

use thiserror::Error;

pub const MAGIC: &[u8; 4] = b"VEIL";
const HEADER: usize = 4 + 8 + 4 + 8 + 4;

#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ContainerError {
    #[error("not a veille model file (bad magic)")]
    BadMagic,
    #[error("model file truncated: {0} bytes")]
    Truncated(usize),
    #[error("model file holds a {found:?}, expected a {expected:?}")]
    WrongKind { expected: String, found: String },
    #[error(
        "model format {found}, this build reads {expected}: retrain with `veille train` or update veille"
    )]
    Version { expected: u32, found: u32 },
    #[error("model file corrupted: checksum {found:08x}, expected {expected:08x}")]
    Checksum { expected: u32, found: u32 },
    #[error("kind name {0:?} is longer than 8 bytes")]
    KindTooLong(String),
    /// The model was trained with a resource (word clusters…) that this build does not ship.
    #[error("model needs {0} that this build does not ship: retrain it with this build")]
    Missing(&'static str),
}

/// Wraps `payload` in a container of `kind` and `format`.
pub fn write(kind: &str, format: u32, payload: &[u8]) -> Result<Vec<u8>, ContainerError> {
    if kind.len() > 8 {
        return Err(ContainerError::KindTooLong(kind.to_string()));
    }
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    let mut k = [0u8; 8];
    k[..kind.len()].copy_from_slice(kind.as_bytes());
    out.extend_from_slice(&k);
    out.extend_from_slice(&format.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    Ok(out)
}

/// Reads a payload piece by piece: each call takes the next `n` bytes. A read past the end
/// is [`ContainerError::Truncated`] (with the file's length, `file_len`): a payload that
/// passed the checksum but does not parse was written by a broken build.
pub fn taker<'a>(
    payload: &'a [u8],
    file_len: usize,
) -> impl FnMut(usize) -> Result<&'a [u8], ContainerError> {
    let mut at = 0usize;
    move |n: usize| {
        let end = at
            .checked_add(n)
            .ok_or(ContainerError::Truncated(file_len))?;
        let s = payload
            .get(at..end)
            .ok_or(ContainerError::Truncated(file_len))?;
        at = end;
        Ok(s)
    }
}

/// Checks the header and checksum and returns the payload.
pub fn read<'a>(bytes: &'a [u8], kind: &str, format: u32) -> Result<&'a [u8], ContainerError> {
    if bytes.len() < HEADER {
        return Err(ContainerError::Truncated(bytes.len()));
    }
    if &bytes[..4] != MAGIC {
        return Err(ContainerError::BadMagic);
    }
    let found_kind: String = bytes[4..12]
        .iter()
        .take_while(|&&b| b != 0)
        .map(|&b| b as char)
        .collect();
    if found_kind != kind {
        return Err(ContainerError::WrongKind {
            expected: kind.to_string(),
            found: found_kind,
        });
    }
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap_or([0; 4]));
    let found_format = u32_at(12);
    if found_format != format {
        return Err(ContainerError::Version {
            expected: format,
            found: found_format,
        });
    }
    let len = u64::from_le_bytes(bytes[16..24].try_into().unwrap_or([0; 8]));
    let crc = u32_at(24);
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != len {
        return Err(ContainerError::Truncated(bytes.len()));
    }
    let found_crc = crc32fast::hash(payload);
    if found_crc != crc {
        return Err(ContainerError::Checksum {
            expected: crc,
            found: found_crc,
        });
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_errors() {
        let c = write("sentlex", 3, b"hello").unwrap();
        assert_eq!(read(&c, "sentlex", 3).unwrap(), b"hello");
        assert!(matches!(
            read(&c, "sentlex", 4),
            Err(ContainerError::Version {
                expected: 4,
                found: 3
            })
        ));
        assert!(matches!(
            read(&c, "tagger", 3),
            Err(ContainerError::WrongKind { .. })
        ));
        let mut bad = c.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert!(matches!(
            read(&bad, "sentlex", 3),
            Err(ContainerError::Checksum { .. })
        ));
        assert!(matches!(
            read(&c[..c.len() - 1], "sentlex", 3),
            Err(ContainerError::Truncated(_))
        ));
        assert_eq!(read(b"nope", "x", 1), Err(ContainerError::Truncated(4)));
        let msg = ContainerError::Version {
            expected: 3,
            found: 2,
        }
        .to_string();
        assert!(msg.contains("retrain"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_on_garbage(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let _ = read(&bytes, "sentlex", 1);
        }
    }
}
