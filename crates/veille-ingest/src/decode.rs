//! Bytes to text: refuse what is not text, say exactly why, and decode what is.
//!
//! The order of the checks matters. Byte order marks come first (a UTF-16 file is full of NUL
//! bytes and would otherwise be called binary), then the magic numbers of common binary formats
//! (so that the user reads "PDF document" rather than "invalid UTF-8 at offset 10"), then the
//! generic binary heuristics, and UTF-8 validation last.

use crate::IngestError;

/// How much of the start of the input the binary heuristics look at.
const SNIFF_LEN: usize = 8 * 1024;

/// Decodes `bytes` (UTF-8 with or without BOM, or UTF-16 with a BOM or recognisably without)
/// into a `String`, or says why the input is not text. `path` only labels errors.
pub(crate) fn decode(path: &str, bytes: &[u8]) -> Result<String, IngestError> {
    let err_path = || path.to_string();
    if bytes.is_empty() {
        return Err(IngestError::Empty { path: err_path() });
    }
    // UTF-32 marks must be tested before UTF-16: FF FE 00 00 also starts with the UTF-16 LE mark.
    if bytes.starts_with(&[0xFF, 0xFE, 0x00, 0x00]) {
        return Err(IngestError::UnsupportedEncoding {
            path: err_path(),
            encoding: "UTF-32LE",
        });
    }
    if bytes.starts_with(&[0x00, 0x00, 0xFE, 0xFF]) {
        return Err(IngestError::UnsupportedEncoding {
            path: err_path(),
            encoding: "UTF-32BE",
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(path, rest, 2, Endian::Little);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(path, rest, 2, Endian::Big);
    }
    let (body, base) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    if let Some(kind) = magic_kind(body) {
        return Err(IngestError::Binary {
            path: err_path(),
            kind: kind.to_string(),
        });
    }
    if let Some(endian) = bomless_utf16(body) {
        return decode_utf16(path, body, base, endian);
    }
    if let Some(kind) = binary_kind(body) {
        return Err(IngestError::Binary {
            path: err_path(),
            kind: kind.to_string(),
        });
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(IngestError::InvalidUtf8 {
            path: err_path(),
            offset: base + e.valid_up_to(),
        }),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endian {
    Little,
    Big,
}

/// Decodes UTF-16 code units; `base` is the offset of `bytes` in the original input so that
/// error offsets point into the file the user has.
fn decode_utf16(
    path: &str,
    bytes: &[u8],
    base: usize,
    endian: Endian,
) -> Result<String, IngestError> {
    let units = bytes.chunks_exact(2).map(|pair| match endian {
        Endian::Little => u16::from_le_bytes([pair[0], pair[1]]),
        Endian::Big => u16::from_be_bytes([pair[0], pair[1]]),
    });
    let mut out = String::with_capacity(bytes.len());
    let mut unit_index = 0usize;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                unit_index += c.len_utf16();
                out.push(c);
            }
            Err(_) => {
                return Err(IngestError::InvalidUtf16 {
                    path: path.to_string(),
                    offset: base + 2 * unit_index,
                });
            }
        }
    }
    if bytes.len() % 2 == 1 {
        return Err(IngestError::InvalidUtf16 {
            path: path.to_string(),
            offset: base + bytes.len() - 1,
        });
    }
    // UTF-16 is a text encoding, but what it decodes to can still be binary junk.
    if let Some(kind) = binary_kind(out.as_bytes()) {
        return Err(IngestError::Binary {
            path: path.to_string(),
            kind: kind.to_string(),
        });
    }
    Ok(out)
}

/// Recognises UTF-16 saved without a byte order mark (some Windows tools do that): text in a
/// Latin script then has a NUL in every other byte, always on the same side.
fn bomless_utf16(bytes: &[u8]) -> Option<Endian> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut zero_even, mut zero_odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        zero_even += usize::from(pair[0] == 0);
        zero_odd += usize::from(pair[1] == 0);
    }
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 10 <= pairs;
    if mostly(zero_odd) && rarely(zero_even) {
        Some(Endian::Little)
    } else if mostly(zero_even) && rarely(zero_odd) {
        Some(Endian::Big)
    } else {
        None
    }
}

/// The name of a well-known binary format whose magic number starts `bytes`.
fn magic_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGICS: &[(&[u8], &str)] = &[
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive (or DOCX/ODT/EPUB)"),
        (b"PK\x05\x06", "ZIP archive (empty)"),
        (&[0x1F, 0x8B], "gzip-compressed data"),
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (&[0xFF, 0xD8, 0xFF], "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (&[0xFD, b'7', b'z', b'X', b'Z', 0x00], "xz-compressed data"),
        (&[0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data"),
        (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
        (b"Rar!\x1a\x07", "RAR archive"),
        (b"\x7fELF", "ELF executable"),
        (
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            "Microsoft Office document (DOC/XLS/PPT)",
        ),
        (b"SQLite format 3\0", "SQLite database"),
        (b"\0asm", "WebAssembly module"),
        (b"OggS", "Ogg media"),
        (b"fLaC", "FLAC audio"),
        (b"ID3", "MP3 audio"),
    ];
    for (magic, kind) in MAGICS {
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    // bzip2: "BZh" then the block size digit; the digit keeps ordinary text starting "BZh" out.
    if bytes.len() >= 4 && bytes.starts_with(b"BZh") && (b'1'..=b'9').contains(&bytes[3]) {
        return Some("bzip2-compressed data");
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Some("WebP image");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("MP4/QuickTime media");
    }
    if bytes.len() >= 262 && &bytes[257..262] == b"ustar" {
        return Some("tar archive");
    }
    None
}

/// Generic binary heuristics over the start of the input: a NUL byte (text never has one), or
/// a share of C0 control characters no text file has.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sample.contains(&0) {
        return Some("contains NUL bytes");
    }
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    // 10%: far above what stray escape codes or form feeds give in real text.
    if controls > 0 && controls * 10 >= sample.len() {
        return Some("mostly control characters");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, endian: Endian, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(match endian {
                Endian::Little => &[0xFF, 0xFE],
                Endian::Big => &[0xFE, 0xFF],
            });
        }
        for u in s.encode_utf16() {
            out.extend_from_slice(&match endian {
                Endian::Little => u.to_le_bytes(),
                Endian::Big => u.to_be_bytes(),
            });
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("a", "Élysée".as_bytes()).unwrap(), "Élysée");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Élysée".as_bytes());
        assert_eq!(decode("a", &b).unwrap(), "Élysée");
    }

    #[test]
    fn utf16_both_orders_with_bom_and_without() {
        let s = "Le ministre s’est rendu à Dakar.";
        for endian in [Endian::Little, Endian::Big] {
            assert_eq!(decode("a", &utf16(s, endian, true)).unwrap(), s);
            assert_eq!(decode("a", &utf16(s, endian, false)).unwrap(), s);
        }
    }

    #[test]
    fn utf16_errors_point_into_the_file() {
        // BOM, 'A', then a lone high surrogate followed by 'B'.
        let bytes = [0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'B', 0];
        match decode("f", &bytes) {
            Err(IngestError::InvalidUtf16 { offset, .. }) => assert_eq!(offset, 4),
            other => panic!("{other:?}"),
        }
        let odd = [0xFF, 0xFE, b'A', 0, b'B'];
        assert!(matches!(
            decode("f", &odd),
            Err(IngestError::InvalidUtf16 { offset: 4, .. })
        ));
    }

    #[test]
    fn invalid_utf8_offset_counts_the_bom() {
        let mut b = b"Paris, le 3 mars ".to_vec();
        b.push(0xE9); // Latin-1 'é'
        b.extend_from_slice(b"t\xE9");
        let e = decode("a.txt", &b).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a.txt: not UTF-8 (invalid byte sequence at offset 17)"
        );
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(&b);
        assert!(matches!(
            decode("a", &with_bom),
            Err(IngestError::InvalidUtf8 { offset: 20, .. })
        ));
    }

    #[test]
    fn binary_formats_are_named() {
        let cases: &[(&[u8], &str)] = &[
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", "PDF"),
            (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
            (&[0x1F, 0x8B, 0x08, 0x00, 0x00], "gzip"),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG"),
            (&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], "JPEG"),
            (b"abc\0def", "NUL"),
            (b"\x01\x02\x03\x04 abc", "control"),
        ];
        for (bytes, want) in cases {
            match decode("x", bytes) {
                Err(IngestError::Binary { kind, .. }) => assert!(kind.contains(want), "{kind}"),
                other => panic!("{want}: {other:?}"),
            }
        }
    }

    #[test]
    fn utf32_is_refused_by_name() {
        let e = decode("x", &[0xFF, 0xFE, 0, 0, b'a', 0, 0, 0]).unwrap_err();
        assert!(e.to_string().contains("UTF-32LE"), "{e}");
    }

    #[test]
    fn ordinary_text_with_a_form_feed_is_text() {
        assert!(decode("x", b"Page 1\x0cPage 2\n").is_ok());
    }
}
