//! Finds and resolves the toponyms of a text, printing one line per place.
//!
//! `cargo run --release -p veille-geo --example resolve_text -- FILE [fr|en]`

use std::process::ExitCode;

use veille_core::Lang;
use veille_geo::Gazetteer;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: resolve_text FILE [fr|en]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let lang = match args.get(1).map(String::as_str) {
        Some("fr") => Some(Lang::Fr),
        Some("en") => Some(Lang::En),
        _ => None,
    };
    let g = Gazetteer::embedded();
    let spans = g.find_toponyms(&text, lang);
    for r in g.resolve(&text, &spans, lang) {
        println!(
            "{}..{}\t{}\t{}\t{}\t{}\t{:.4},{:.4}\t{}{}\tconf {:.2}",
            r.span.start,
            r.span.end,
            r.text,
            r.name,
            r.geonameid.map_or("-".to_string(), |i| i.to_string()),
            r.feature,
            r.lat,
            r.lon,
            if r.demonym { "demonym " } else { "" },
            if r.metonym { "metonym" } else { "" },
            r.confidence
        );
    }
    ExitCode::SUCCESS
}
