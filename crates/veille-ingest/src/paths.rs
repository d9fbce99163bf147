//! Turning command-line arguments into the list of files to read.

use crate::IngestError;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Expands `paths` into files: a file stays as given, a directory becomes every non-hidden
/// regular file below it, `-` (stdin) is kept as is.
///
/// The order is deterministic, so two runs over the same tree ingest in the same order:
/// arguments in the order given; inside a directory, its files sorted by name, then its
/// subdirectories sorted by name, each walked in full before the next. Names starting with `.` found during the walk are skipped (`.git`, editor swap
/// files); a hidden path given explicitly is kept. Symlinks are followed, but a directory
/// already visited (a loop, or two links to one place) is walked only once.
///
/// Problems are collected, one per path, so that one bad argument does not stop the others.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            files.push(path.clone());
            continue;
        }
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut files, &mut errors),
            Ok(_) => files.push(path.clone()),
            Err(e) => errors.push(io_error(path, e)),
        }
    }
    (files, errors)
}

pub(crate) fn io_error(path: &Path, error: io::Error) -> IngestError {
    let path = path.display().to_string();
    if error.kind() == io::ErrorKind::NotFound {
        IngestError::NotFound { path }
    } else {
        IngestError::Unreadable { path, error }
    }
}

fn walk(root: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<IngestError>) {
    let mut visited: HashSet<PathBuf> = HashSet::new();
    // An explicit stack, children pushed in reverse so they pop in sorted order.
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        match fs::canonicalize(&dir) {
            Ok(real) => {
                if !visited.insert(real) {
                    continue;
                }
            }
            Err(e) => {
                errors.push(io_error(&dir, e));
                continue;
            }
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                errors.push(io_error(&dir, e));
                continue;
            }
        };
        let mut children = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    if entry.file_name().to_string_lossy().starts_with('.') {
                        continue;
                    }
                    children.push(entry.path());
                }
                Err(e) => errors.push(io_error(&dir, e)),
            }
        }
        children.sort();
        // Files of this directory come out now, in order; subdirectories are walked after
        // them, each in turn.
        let mut subdirs = Vec::new();
        for child in children {
            match fs::metadata(&child) {
                Ok(m) if m.is_dir() => subdirs.push(child),
                Ok(m) if m.is_file() => files.push(child),
                // Sockets, FIFOs and devices are not articles.
                Ok(_) => {}
                // A dangling symlink is worth telling the user about.
                Err(e) => errors.push(io_error(&child, e)),
            }
        }
        stack.extend(subdirs.into_iter().rev());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skips_hidden_reports_missing() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("b/sub")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for f in [
            "z.txt",
            "a.html",
            "b/sub/c.txt",
            "b/a.txt",
            ".hidden.txt",
            ".git/HEAD",
        ] {
            fs::write(root.join(f), "x").unwrap();
        }
        let missing = root.join("nope.txt");
        let (files, errors) = expand_paths(&[
            PathBuf::from("-"),
            root.to_path_buf(),
            missing.clone(),
            root.join(".hidden.txt"),
        ]);
        let rel: Vec<String> = files
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .map(|r| r.display().to_string())
                    .unwrap_or_else(|_| p.display().to_string())
            })
            .collect();
        assert_eq!(
            rel,
            [
                "-",
                "a.html",
                "z.txt",
                "b/a.txt",
                "b/sub/c.txt",
                ".hidden.txt"
            ]
        );
        assert_eq!(errors.len(), 1);
        assert!(matches!(&errors[0], IngestError::NotFound { .. }));
        assert_eq!(
            errors[0].to_string(),
            format!("{}: no such file or directory", missing.display())
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_terminate() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("d")).unwrap();
        fs::write(root.join("d/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("d/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("missing"), root.join("d/dangling")).unwrap();
        let (files, errors) = expand_paths(&[root.to_path_buf()]);
        assert_eq!(files, [root.join("d/a.txt")]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(matches!(&errors[0], IngestError::NotFound { .. }));
    }
}
