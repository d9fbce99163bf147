//! The team's canonical article (kept in ../shared, read here, never copied into the project):
//! every row of the time table of its `.expected.md` must come out of `find_times`, with the
//! article date the reference reading states. Skipped when ../shared is not there.

use std::path::Path;
use veille_core::{Date, Lang};
use veille_time::find_times;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/examples");
const NAME: &str = "esper-maghreb-2020-10-02";

/// Rows of the "Time expressions" table: (surface forms, type, value).
fn expected_rows(md: &str) -> Vec<(Vec<String>, String, String)> {
    let mut rows = Vec::new();
    let mut in_table = false;
    for line in md.lines() {
        if line.starts_with("## ") {
            in_table = line.to_lowercase().contains("time expressions");
            continue;
        }
        if !in_table || !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() < 3 || cells[0] == "text" || cells[0].starts_with("---") {
            continue;
        }
        // "vendredi (sentence 1)" → "vendredi"; "une durée de 10 ans / 10 ans" → either form.
        let text = cells[0].split(" (").next().unwrap_or(cells[0]);
        let forms = text.split(" / ").map(|s| s.trim().to_string()).collect();
        rows.push((forms, cells[1].to_string(), cells[2].to_string()));
    }
    rows
}

#[test]
fn canonical_example_time_rows() {
    let dir = Path::new(DIR);
    let (Ok(text), Ok(md)) = (
        std::fs::read_to_string(dir.join(format!("{NAME}.txt"))),
        std::fs::read_to_string(dir.join(format!("{NAME}.expected.md"))),
    ) else {
        eprintln!("skipped: {DIR} not found");
        return;
    };
    let anchor: Date = "2020-10-02".parse().unwrap();
    let times = find_times(&text, Lang::Fr, Some(anchor));
    let got: Vec<(String, &str, &str)> = times
        .iter()
        .map(|t| {
            (
                t.span.text(&text).to_lowercase(),
                t.kind.as_str(),
                t.value.as_str(),
            )
        })
        .collect();
    let rows = expected_rows(&md);
    assert!(rows.len() >= 7, "time table not found in the expected file");
    for (forms, kind, value) in &rows {
        let ok = got.iter().any(|(t, k, v)| {
            *k == kind && *v == value && forms.iter().any(|f| t == &f.to_lowercase())
        });
        assert!(ok, "missing {forms:?} {kind} {value}; got {got:?}");
    }
}
