//! Builds the gazetteer file from a GeoNames directory.
//!
//! `cargo run --release -p veille-geo --example build_gazetteer -- \
//!     /work/shared/data/geonames-gazetteer crates/veille-geo/data/gazetteer.bin`

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: build_gazetteer GEONAMES_DIR OUT.bin");
        return ExitCode::from(2);
    };
    let t0 = std::time::Instant::now();
    let bytes = match veille_geo::builder::build(&PathBuf::from(dir)) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("build failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(out, &bytes) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    match veille_geo::Gazetteer::from_bytes(&bytes) {
        Ok(g) => println!(
            "wrote {out}: {} bytes, {} records, {} names, in {:.1}s",
            bytes.len(),
            g.len(),
            g.key_count(),
            t0.elapsed().as_secs_f64()
        ),
        Err(e) => {
            eprintln!("written file does not read back: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
