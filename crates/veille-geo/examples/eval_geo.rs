//! Toponym resolution on geoparsing gold, given the gold spans.
//!
//! `cargo run --release -p veille-geo --example eval_geo -- [GOLD_DIR] [--json]`
//! (GOLD_DIR defaults to /work/shared/data/geoparsing-gold). Absent gold: a message, exit 0.
//! `--gazetteer FILE` scores another gazetteer file than the embedded one.
//! `--rows` prints one tab-separated line per gold toponym instead (corpus, document, phrase,
//! gold id, country and point, our id, name, feature, country, km, and whether the name was
//! known, approximated or left unread), for error analysis; the
//! lines hold gold text, so keep them out of the repository.

use std::path::PathBuf;
use std::process::ExitCode;

use veille_geo::Gazetteer;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let rows = args.iter().any(|a| a == "--rows");
    let gaz_file = args
        .iter()
        .position(|a| a == "--gazetteer")
        .and_then(|i| args.get(i + 1));
    let dir = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--gazetteer"))
        .map(|(_, a)| a)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared/data/geoparsing-gold"));
    if !dir.exists() {
        eprintln!(
            "no geoparsing gold at {}: nothing to evaluate",
            dir.display()
        );
        return ExitCode::SUCCESS;
    }
    let t0 = std::time::Instant::now();
    let loaded = match gaz_file {
        Some(f) => std::fs::read(f)
            .map_err(|e| format!("{f}: {e}"))
            .and_then(|b| Gazetteer::from_bytes(&b).map_err(|e| format!("{f}: {e}")))
            .map(|g| &*Box::leak(Box::new(g))),
        None => Gazetteer::try_embedded().map_err(|e| format!("embedded gazetteer: {e}")),
    };
    let g = match loaded {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let load_ms = t0.elapsed().as_secs_f64() * 1000.0;
    if rows {
        return print_rows(g, &dir);
    }
    let scores = match veille_geo::eval::eval_gold(g, &dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if scores.is_empty() {
        eprintln!(
            "no gold corpus found under {}: nothing to evaluate",
            dir.display()
        );
        return ExitCode::SUCCESS;
    }
    // Micro-averages over all corpora.
    let tot: usize = scores.iter().map(|s| s.toponyms).sum();
    let w = |f: fn(&veille_geo::eval::CorpusScore) -> (f64, usize)| {
        let (num, den) = scores
            .iter()
            .map(f)
            .fold((0.0, 0usize), |(a, b), (v, n)| (a + v * n as f64, b + n));
        if den == 0 { 0.0 } else { num / den as f64 }
    };
    let exact = w(|s| (s.exact, s.with_id));
    let country = w(|s| (s.country, s.with_country));
    let km = w(|s| (s.km161, s.toponyms));
    let cov = w(|s| (s.coverage, s.toponyms));
    let tps = w(|s| (s.toponyms_per_s, s.toponyms));
    if json {
        let v = serde_json::json!({
            "geo_exact": exact,
            "geo_country": country,
            "geo_161km": km,
            "coverage": cov,
            "toponyms_per_s": tps,
            "toponyms": tot,
            "load_ms": load_ms,
            "corpora": scores,
        });
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
    } else {
        println!(
            "embedded gazetteer: {} records, {} names, loaded in {load_ms:.0} ms",
            g.len(),
            g.key_count()
        );
        println!(
            "{:<9} {:>6} {:>7} {:>8} {:>8} {:>8} | {:>7} {:>8} {:>8} | {:>6} {:>9}",
            "corpus",
            "topo",
            "exact",
            "country",
            "161km",
            "cover",
            "exact*",
            "country*",
            "161km*",
            "medkm",
            "topo/s"
        );
        for s in &scores {
            println!(
                "{:<9} {:>6} {:>7.1} {:>8.1} {:>8.1} {:>8.1} | {:>7.1} {:>8.1} {:>8.1} | {:>6.0} {:>9.0}",
                s.corpus,
                s.toponyms,
                s.exact,
                s.country,
                s.km161,
                s.coverage,
                s.exact_covered,
                s.country_covered,
                s.km161_covered,
                s.median_km,
                s.toponyms_per_s
            );
        }
        println!(
            "(* = on gold toponyms whose name has a candidate; misaligned gold offsets: {})",
            scores
                .iter()
                .map(|s| format!("{} {}", s.corpus, s.misaligned))
                .collect::<Vec<_>>()
                .join(", ")
        );
        println!(
            "all: exact {exact:.1} country {country:.1} 161km {km:.1} coverage {cov:.1} ({tot} toponyms, {tps:.0}/s)"
        );
    }
    ExitCode::SUCCESS
}

fn print_rows(g: &Gazetteer, dir: &std::path::Path) -> ExitCode {
    let corpora = match veille_geo::eval::load_gold(g, dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let opt = |x: Option<String>| x.unwrap_or_else(|| "-".into());
    for c in &corpora {
        let (rows, _) = veille_geo::eval::rows(g, &c.docs);
        for r in rows {
            let (id, name, feat, cc, how) = match &r.ours {
                Some(o) => (
                    opt(o.geonameid.map(|i| i.to_string())),
                    o.name.clone(),
                    o.feature.clone(),
                    opt(o.country_code.clone()),
                    if o.approximate { "approx" } else { "known" },
                ),
                None => ("-".into(), "-".into(), "-".into(), "-".into(), "none"),
            };
            println!(
                "{}\t{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}\t{}\t{}\t{:.0}\t{}",
                c.name,
                r.doc,
                r.phrase.replace(['\t', '\n'], " "),
                opt(r.gold_id.map(|i| i.to_string())),
                opt(r.gold_country.clone()),
                r.gold_lat,
                r.gold_lon,
                id,
                name,
                feat,
                cc,
                r.km,
                how
            );
        }
    }
    ExitCode::SUCCESS
}
