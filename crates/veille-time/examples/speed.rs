//! Throughput of `find_times` on the example articles repeated to ~1 MB, by wall clock and by
//! CPU time of this process (Linux `/proc/self/stat`), so that a busy machine does not hide the
//! figure. `cargo run --release -p veille-time --example speed -- [ROUNDS]`.
//! The reference benchmark is `cargo bench -p veille-time --bench find_times` (divan).

use std::time::Instant;
use veille_core::{Date, Lang};

fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn corpus(lang: Lang) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut text = String::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if name.starts_with(&format!("{}-", lang.code()))
            && name.ends_with(".txt")
            && let Ok(t) = std::fs::read_to_string(&p)
        {
            text.push_str(&t);
            text.push_str("\n\n");
        }
    }
    let one = text.clone();
    while !one.is_empty() && text.len() < 1_000_000 {
        text.push_str(&one);
    }
    text
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let anchor: Option<Date> = "2023-03-17".parse().ok();
    for lang in [Lang::Fr, Lang::En] {
        let text = corpus(lang);
        let words = text.split_whitespace().count();
        let mut found = 0;
        let (t0, c0) = (Instant::now(), cpu_seconds());
        for _ in 0..rounds {
            found += veille_time::find_times(&text, lang, anchor).len();
        }
        let wall = t0.elapsed().as_secs_f64();
        let cpu = match (c0, cpu_seconds()) {
            (Some(a), Some(b)) => b - a,
            _ => f64::NAN,
        };
        let n = (words * rounds) as f64;
        println!(
            "{lang}: {words} words x {rounds}: {:.0} words/s wall, {:.0} words/s CPU ({} expressions/round)",
            n / wall,
            n / cpu,
            found / rounds.max(1)
        );
    }
}
