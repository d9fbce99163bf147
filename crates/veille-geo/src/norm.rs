//! Name normalisation shared by the gazetteer builder and the lookups, so that "États-Unis",
//! "Etats Unis" and "ÉTATS-UNIS" meet at one key.
//!
//! Rules: lowercase; Latin accents folded to ASCII (`é`→`e`, `œ`→`oe`, `ß`→`ss`); hyphens,
//! apostrophes, commas and other punctuation become one space; full stops are dropped so that
//! "U.S." and "US" meet; runs of spaces collapse. Non-Latin letters are kept lowercased.

/// The folded ASCII form of one lowercase Latin letter, when it has one.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ȧ' | 'ạ' | 'ả' | 'ấ' | 'ầ'
        | 'ẩ' | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ḍ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể'
        | 'ễ' | 'ệ' | 'ə' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' => "g",
        'ĥ' | 'ħ' | 'ḥ' | 'ḩ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ị' | 'ỉ' => "i",
        'ĵ' => "j",
        'ķ' | 'ǩ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ṇ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ'
        | 'ỗ' | 'ộ' | 'ơ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ṣ' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'ṭ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' | 'ư' | 'ụ' | 'ủ' | 'ứ'
        | 'ừ' | 'ử' | 'ữ' | 'ự' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỹ' | 'ỵ' => "y",
        'ź' | 'ż' | 'ž' | 'ẓ' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'þ' => "th",
        _ => return None,
    })
}

/// The lookup key of a name.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    // Start as if after a space so that leading separators vanish.
    let mut space = true;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            // Some combining marks count as alphabetic (U+0363 is a combining "a"); they fold
            // away, and must not open a word that would leave a stray leading space.
            if let Some(f) = fold(c) {
                out.push_str(f);
                space = false;
            } else if !is_combining(c) {
                out.push(c);
                space = false;
            }
        } else if c == '.' || is_combining(c) {
            // "U.S." = "US", "St." = "St"; combining accents (NFD input) fold away.
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Combining diacritical marks (text in decomposed form).
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Whether a name is written in Latin script (letters, spaces and usual punctuation only):
/// the alternate names kept in the gazetteer, as French and English news write places so.
pub fn is_latin(name: &str) -> bool {
    name.chars().all(|c| {
        c.is_ascii_alphabetic()
            || matches!(c, ' ' | '-' | '\'' | '’' | '.' | ',' | '(' | ')')
            || (('\u{c0}'..='\u{24f}').contains(&c) && c != '×' && c != '÷')
            || ('\u{1e00}'..='\u{1eff}').contains(&c)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_punctuation() {
        assert_eq!(normalize("États-Unis"), "etats unis");
        assert_eq!(normalize("Etats Unis"), "etats unis");
        assert_eq!(normalize("ÉTATS–UNIS"), "etats unis");
        assert_eq!(normalize("Côte d’Ivoire"), "cote d ivoire");
        assert_eq!(normalize("Côte d'Ivoire"), "cote d ivoire");
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("  Œuf  Straße "), "oeuf strasse");
        assert_eq!(normalize("Mosco\u{301}u"), "moscou");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("--"), "");
        // A combining mark that is alphabetic must not leave a leading space behind.
        assert_eq!(normalize("\u{363} \u{1920}"), "\u{1920}");
    }

    #[test]
    fn latin_filter() {
        assert!(is_latin("Andorre-la-Vieille"));
        assert!(is_latin("Łódź"));
        assert!(!is_latin("Москва"));
        assert!(!is_latin("東京"));
        assert!(!is_latin("Paris 75"));
    }

    proptest::proptest! {
        #[test]
        fn normalize_is_idempotent(s in "\\PC{0,40}") {
            let once = normalize(&s);
            proptest::prop_assert_eq!(normalize(&once), once.clone());
        }
    }
}
