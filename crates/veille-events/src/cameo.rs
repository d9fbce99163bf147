//! CAMEO codes: names, Goldstein values, quad classes and the PLOVER mapping.

use crate::error::{LoadError, tsv_rows};
use std::collections::HashMap;
use veille_core::Plover;

/// What the coder knows about one CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f32,
    /// PLOVER event type (`CONSULT`), or `NONE` for CAMEO 01/02, which PLOVER drops.
    pub plover_type: String,
    pub plover_mode: Option<String>,
    pub plover_context: Option<String>,
}

impl CameoCode {
    /// The first two digits (`05` for `057`).
    pub fn root(&self) -> &str {
        self.code.get(..2).unwrap_or(&self.code)
    }

    /// 1 verbal cooperation (01–05), 2 material cooperation (06–08), 3 verbal conflict (09–13),
    /// 4 material conflict (14–20).
    pub fn quad_class(&self) -> u8 {
        quad_class(self.root())
    }

    pub fn plover(&self) -> Plover {
        Plover {
            kind: self.plover_type.clone(),
            mode: self.plover_mode.clone(),
        }
    }
}

/// Quad class of a two-digit CAMEO root; 0 for anything that is not one.
pub fn quad_class(root: &str) -> u8 {
    match root.parse::<u8>() {
        Ok(1..=5) => 1,
        Ok(6..=8) => 2,
        Ok(9..=13) => 3,
        Ok(14..=20) => 4,
        _ => 0,
    }
}

/// The codes a code inherits from, nearest first: `0214` → `021`, `020`; `057` → `050`.
fn parents(code: &str) -> impl Iterator<Item = String> + '_ {
    let three = (code.len() == 4).then(|| code[..3].to_string());
    let root = format!("{}0", &code[..2]);
    three.into_iter().chain((root != code).then_some(root))
}

/// The CAMEO table: `cameo.tsv` joined with `plover.tsv`.
#[derive(Debug, Clone, Default)]
pub struct CameoTable {
    codes: HashMap<String, CameoCode>,
}

const CAMEO: &str = "cameo.tsv";
const PLOVER: &str = "plover.tsv";

fn dash_none(s: &str) -> Option<String> {
    (s != "-" && !s.is_empty()).then(|| s.to_string())
}

impl CameoTable {
    pub fn parse(cameo_tsv: &str, plover_tsv: &str) -> Result<CameoTable, LoadError> {
        let mut plover: HashMap<&str, (String, Option<String>, Option<String>)> = HashMap::new();
        for (line, cols) in tsv_rows(PLOVER, plover_tsv, 4)? {
            if cols[1].is_empty() {
                return Err(LoadError::invalid(PLOVER, line, "empty PLOVER type"));
            }
            let row = (cols[1].to_string(), dash_none(cols[2]), dash_none(cols[3]));
            if plover.insert(cols[0], row).is_some() {
                return Err(LoadError::Duplicate {
                    file: PLOVER,
                    line,
                    what: "CAMEO code",
                    key: cols[0].to_string(),
                });
            }
        }
        let mut codes = HashMap::new();
        let mut inherited = Vec::new();
        for (line, cols) in tsv_rows(CAMEO, cameo_tsv, 3)? {
            let code = cols[0];
            if !(3..=4).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_digit()) {
                return Err(LoadError::invalid(
                    CAMEO,
                    line,
                    format!("bad CAMEO code {code:?}"),
                ));
            }
            if quad_class(&code[..2]) == 0 {
                return Err(LoadError::invalid(
                    CAMEO,
                    line,
                    format!("CAMEO root of {code:?} is not 01-20"),
                ));
            }
            // "=": the parent's value, filled in below once every row is read.
            let goldstein: f32 = if cols[1] == "=" {
                inherited.push((code.to_string(), line));
                f32::NAN
            } else {
                cols[1]
                    .parse()
                    .ok()
                    .filter(|g: &f32| (-10.0..=10.0).contains(g))
                    .ok_or_else(|| {
                        LoadError::invalid(
                            CAMEO,
                            line,
                            format!("bad Goldstein value {:?}", cols[1]),
                        )
                    })?
            };
            let (plover_type, plover_mode, plover_context) =
                plover
                    .get(code)
                    .cloned()
                    .ok_or_else(|| LoadError::MissingCode {
                        code: code.to_string(),
                        used_by: CAMEO.to_string(),
                        file: PLOVER,
                    })?;
            let entry = CameoCode {
                code: code.to_string(),
                name: cols[2].to_string(),
                goldstein,
                plover_type,
                plover_mode,
                plover_context,
            };
            if codes.insert(code.to_string(), entry).is_some() {
                return Err(LoadError::Duplicate {
                    file: CAMEO,
                    line,
                    what: "CAMEO code",
                    key: code.to_string(),
                });
            }
        }
        for (code, line) in inherited {
            let value = parents(&code)
                .filter_map(|p| codes.get(&p))
                .map(|c| c.goldstein)
                .find(|g| !g.is_nan())
                .ok_or_else(|| {
                    LoadError::invalid(
                        CAMEO,
                        line,
                        format!("CAMEO {code} inherits a Goldstein value but no parent has one"),
                    )
                })?;
            if let Some(c) = codes.get_mut(&code) {
                c.goldstein = value;
            }
        }
        Ok(CameoTable { codes })
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DataFiles;

    #[test]
    fn embedded_table() {
        let d = DataFiles::EMBEDDED;
        let t = CameoTable::parse(d.cameo, d.plover).unwrap();
        let c = t.get("057").unwrap();
        assert_eq!(c.goldstein, 8.0);
        assert_eq!(c.root(), "05");
        assert_eq!(c.quad_class(), 1);
        assert_eq!(c.plover().kind, "SUPPORT");
        let v = t.get("042").unwrap();
        assert_eq!(
            (v.goldstein, v.plover_mode.as_deref()),
            (1.9, Some("visit"))
        );
        assert_eq!(t.get("062").unwrap().goldstein, 7.4);
        assert_eq!(t.get("173").unwrap().quad_class(), 4);
        assert_eq!(t.get("112").unwrap().quad_class(), 3);
        assert_eq!(t.get("062").unwrap().quad_class(), 2);
        assert_eq!(t.get("010").unwrap().plover_type, "NONE");
        assert_eq!(t.get("190").unwrap().goldstein, -10.0);
        // Codes without a value of their own take their parent's.
        assert_eq!(t.get("0214").unwrap().goldstein, 3.0);
        assert_eq!(t.get("1041").unwrap().goldstein, -5.0);
        assert_eq!(t.get("0333").unwrap().goldstein, 5.2);
        assert_eq!(t.get("0333").unwrap().plover_type, "AGREE");
        assert!(t.len() > 280, "every CAMEO code is listed: {}", t.len());
    }

    #[test]
    fn inherited_goldstein_needs_a_parent() {
        let p = "0211\tNONE\t-\t-\n021\tNONE\t-\t-\n";
        let e = CameoTable::parse("0211\t=\tx\n021\t=\ty\n", p).unwrap_err();
        assert!(e.to_string().contains("inherits"), "{e}");
        let t = CameoTable::parse("0211\t=\tx\n021\t3.4\ty\n", p).unwrap();
        assert_eq!(t.get("0211").unwrap().goldstein, 3.4);
    }

    #[test]
    fn quad_classes() {
        assert_eq!(quad_class("01"), 1);
        assert_eq!(quad_class("05"), 1);
        assert_eq!(quad_class("06"), 2);
        assert_eq!(quad_class("08"), 2);
        assert_eq!(quad_class("09"), 3);
        assert_eq!(quad_class("13"), 3);
        assert_eq!(quad_class("14"), 4);
        assert_eq!(quad_class("20"), 4);
        assert_eq!(quad_class("21"), 0);
        assert_eq!(quad_class("x"), 0);
    }

    #[test]
    fn missing_plover_row_is_an_error() {
        let e = CameoTable::parse("057\t8.0\tSign\n", "").unwrap_err();
        assert!(matches!(e, LoadError::MissingCode { .. }), "{e}");
        let e = CameoTable::parse("057\t80\tSign\n", "057\tSUPPORT\t-\t-\n").unwrap_err();
        assert!(e.to_string().contains("Goldstein"), "{e}");
    }
}
