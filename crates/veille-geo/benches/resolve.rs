//! Toponym resolution and matching throughput, one thread, and the gazetteer's load time.
//!
//! `cargo bench -p veille-geo --bench resolve` prints time per run and toponyms/s ("item/s").

use divan::{Bencher, counter::ItemsCount};
use veille_core::{Lang, Span};
use veille_geo::Gazetteer;

fn main() {
    divan::main();
}

/// A news-like paragraph repeated with varied place names, and its toponym spans.
fn doc() -> (String, Vec<Span>) {
    let places = [
        "Paris",
        "Lyon",
        "Marseille",
        "France",
        "Allemagne",
        "Berlin",
        "Maroc",
        "Rabat",
        "Casablanca",
        "Tunisie",
        "Algérie",
        "Alger",
        "Libye",
        "Tripoli",
        "Niger",
        "Niamey",
        "Mali",
        "Bamako",
        "Sahel",
        "Afrique du Nord",
        "États-Unis",
        "Washington",
        "New York",
        "Moscou",
        "Russie",
        "Ukraine",
        "Kiev",
        "Springfield",
        "Georgia",
        "Athens",
        "Alexandria",
        "Cairo",
    ];
    let mut text = String::new();
    let mut spans = Vec::new();
    for (i, p) in places.iter().cycle().take(2000).enumerate() {
        text.push_str(if i % 3 == 0 {
            "La délégation est arrivée à "
        } else {
            " puis à "
        });
        let s = text.len();
        text.push_str(p);
        spans.push(Span::new(s, text.len()));
        if i % 7 == 6 {
            text.push_str(". ");
        }
        if i % 50 == 49 {
            text.push_str("\n\n");
        }
    }
    (text, spans)
}

#[divan::bench]
fn load_gazetteer(bencher: Bencher) {
    let bytes = include_bytes!("../data/gazetteer.bin");
    bencher.bench(|| Gazetteer::from_bytes(divan::black_box(bytes)).map(|g| g.len()));
}

#[divan::bench]
fn resolve_per_article(bencher: Bencher) {
    let g = Gazetteer::embedded();
    let (text, spans) = doc();
    // Articles of 20 toponyms, as news has.
    let chunks: Vec<(String, Vec<Span>)> = spans
        .chunks(20)
        .map(|c| {
            let (a, b) = (c[0].start as usize, c[c.len() - 1].end as usize);
            let t = text[a..b].to_string();
            let s = c
                .iter()
                .map(|x| Span::new(x.start as usize - a, x.end as usize - a))
                .collect();
            (t, s)
        })
        .collect();
    bencher.counter(ItemsCount::new(spans.len())).bench(|| {
        chunks
            .iter()
            .map(|(t, s)| g.resolve(t, s, Some(Lang::Fr)).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn find_toponyms(bencher: Bencher) {
    let g = Gazetteer::embedded();
    let (text, spans) = doc();
    bencher.counter(ItemsCount::new(spans.len())).bench(|| {
        g.find_toponyms(divan::black_box(&text), Some(Lang::Fr))
            .len()
    });
}
