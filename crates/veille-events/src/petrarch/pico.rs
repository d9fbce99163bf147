//! The PETRARCH Internal Coding Ontology (PICO): CAMEO codes as sums of hexadecimal terms, in
//! which a negated act is the act's value minus `0xFFFF`.
//!
//! That is how PETRARCH codes "did not clash over" (110 disapprove, `0x0080 + 0xFFFF`) as
//! diplomatic cooperation (050, `0x0080`), and "did not decide to comment" (010 → 011, decline
//! comment): the ontology says which negations mean something. A negated act whose value
//! matches no code means nothing codable, and codes nothing.
//!
//! File format, one code per line: `CAMEO:EXPR`, where `EXPR` is hexadecimal terms joined by
//! `+` or `-` (`0x1000-0xFFFF`, `-0xFFFF+0x2040+0x300`); anything after `#` is a comment, and
//! lines starting with `#` or blank are ignored.

use super::dict::DictError;
use std::collections::HashMap;

/// The negation offset of the ontology.
const NEGATION: i64 = 0xFFFF;

#[derive(Debug, Clone, Default)]
pub struct Pico {
    value: HashMap<String, i64>,
    code: HashMap<i64, String>,
}

impl Pico {
    pub fn parse(text: &str) -> Result<Pico, DictError> {
        let mut p = Pico::default();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let bad = |msg: &str| DictError {
                line: n + 1,
                message: format!("{msg}: {raw:?}"),
            };
            let (code, expr) = line.split_once(':').ok_or_else(|| bad("no ':'"))?;
            let code = code.trim();
            // "---" is PETRARCH's null code: listed, but never the meaning of a negation.
            if code == "---" {
                continue;
            }
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad("not a CAMEO code"));
            }
            let v = eval(expr.trim()).ok_or_else(|| bad("not a sum of hexadecimal terms"))?;
            p.value.insert(code.to_string(), v);
            // The first code listed with a value is the one a value maps back to (the file
            // lists the general code before its refinements).
            p.code.entry(v).or_insert_with(|| code.to_string());
        }
        Ok(p)
    }

    /// The CAMEO code of the negated act, if the ontology has one.
    pub fn negate(&self, code: &str) -> Option<&str> {
        let v = self.value.get(code)?;
        self.code.get(&(v - NEGATION)).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.value.len()
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }
}

/// `0x1000-0xFFFF` → 0x1000 − 0xFFFF; a leading sign is allowed.
fn eval(expr: &str) -> Option<i64> {
    let mut total = 0i64;
    let mut sign = 1i64;
    let mut rest = expr;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix('-') {
            sign = -sign;
            rest = r;
            continue;
        }
        if let Some(r) = rest.strip_prefix('+') {
            rest = r;
            continue;
        }
        let r = rest
            .strip_prefix("0x")
            .or_else(|| rest.strip_prefix("0X"))?;
        let end = r.find(|c: char| !c.is_ascii_hexdigit()).unwrap_or(r.len());
        let v = i64::from_str_radix(&r[..end], 16).ok()?;
        total += sign * v;
        sign = 1;
        rest = r[end..].trim_start();
        if rest.is_empty() {
            return Some(total);
        }
        if !rest.starts_with(['+', '-']) {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# header\n010:0x1000#Make Public Statement\n011:0x1000-0xFFFF\n\n050:0x0080#Coop\n057:0x0087\n110:0x1007f#0xFFFF+0x0080#0x7000\n120:-0xFFFF#Reject\n122:-0xFFFF+0x2040+0x300# mask\n170:0x10086#0x0087+0xFFFF\n---:0\n";

    #[test]
    fn sums_and_negations() {
        let p = Pico::parse(SAMPLE).unwrap();
        assert_eq!(p.len(), 8);
        assert_eq!(eval("-0xFFFF+0x2040+0x300"), Some(-0xFFFF + 0x2040 + 0x300));
        assert_eq!(p.negate("110"), Some("050"));
        assert_eq!(p.negate("170"), Some("057"));
        assert_eq!(p.negate("010"), Some("011"));
        // Negated cooperation is no code in this table; unknown codes are none either.
        assert_eq!(p.negate("050"), None);
        assert_eq!(p.negate("999"), None);
    }

    #[test]
    fn rejects_garbage() {
        assert!(Pico::parse("010 0x1000").is_err());
        assert!(Pico::parse("abc:0x1").is_err());
        assert!(Pico::parse("010:12").is_err());
        assert!(Pico::parse("010:0x10 0x20").is_err());
        assert!(eval("").is_none());
    }
}
