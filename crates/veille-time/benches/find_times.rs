//! Detection + normalization throughput, one thread, on the team's example articles (repeated
//! to about 1 MB so that one run is long enough to time), with an anchor so that resolution runs
//! too.
//!
//! `cargo bench -p veille-time --bench find_times` prints time per run and words/s ("item/s");
//! words are whitespace-separated.

use divan::{Bencher, counter::ItemsCount};
use veille_core::{Date, Lang};

fn main() {
    divan::main();
}

fn corpus(lang: Lang) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let prefix = format!("{}-", lang.code());
    let mut text = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with(&prefix)
            && name.ends_with(".txt")
            && let Ok(t) = std::fs::read_to_string(&path)
        {
            text.push_str(&t);
            text.push_str("\n\n");
        }
    }
    assert!(!text.is_empty(), "no example articles found in {dir}");
    let one = text.clone();
    while text.len() < 1_000_000 {
        text.push_str(&one);
    }
    text
}

fn bench_lang(bencher: Bencher, lang: Lang) {
    let text = corpus(lang);
    let words = text.split_whitespace().count();
    let anchor: Date = "2023-03-17".parse().ok().unwrap_or(Date::from_days(0));
    bencher
        .counter(ItemsCount::new(words))
        .bench_local(|| veille_time::find_times(divan::black_box(&text), lang, Some(anchor)));
}

#[divan::bench(sample_count = 20)]
fn find_times_fr(bencher: Bencher) {
    bench_lang(bencher, Lang::Fr);
}

#[divan::bench(sample_count = 20)]
fn find_times_en(bencher: Bencher) {
    bench_lang(bencher, Lang::En);
}
