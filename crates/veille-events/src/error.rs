//! Errors of loading the coder's data files.

/// A data file could not be read into the coder. Every variant names the file and, where there is
/// one, the line, so a bad edit to a dictionary is found at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    #[error("{file} line {line}: expected {expected} tab-separated columns, found {found}")]
    Columns {
        file: &'static str,
        line: usize,
        expected: usize,
        found: usize,
    },
    #[error("{file} line {line}: {message}")]
    Invalid {
        file: &'static str,
        line: usize,
        message: String,
    },
    #[error("{file} line {line}: {what} {key:?} is defined twice")]
    Duplicate {
        file: &'static str,
        line: usize,
        what: &'static str,
        key: String,
    },
    #[error("CAMEO code {code} (used by {used_by}) is missing from {file}")]
    MissingCode {
        code: String,
        used_by: String,
        file: &'static str,
    },
}

impl LoadError {
    pub(crate) fn invalid(file: &'static str, line: usize, message: impl Into<String>) -> Self {
        LoadError::Invalid {
            file,
            line,
            message: message.into(),
        }
    }
}

/// The data lines of a tab-separated file: `(line number, columns)`, comments and blank lines
/// skipped, each line checked to have `expected` columns.
pub(crate) fn tsv_rows<'t>(
    file: &'static str,
    text: &'t str,
    expected: usize,
) -> Result<Vec<(usize, Vec<&'t str>)>, LoadError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() != expected {
            return Err(LoadError::Columns {
                file,
                line: i + 1,
                expected,
                found: cols.len(),
            });
        }
        rows.push((i + 1, cols));
    }
    Ok(rows)
}
