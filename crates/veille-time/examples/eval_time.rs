//! Scores veille-time on the Recognizers-Text DateTime specs until `veille eval time` is wired.
//!
//! `cargo run --release -p veille-time --example eval_time -- SPEC_DIR fr|en [--json] [--records] [--misses]`
//!
//! `--json` prints the report as one JSON object; `--records` adds one record per scorable
//! expected value of the counted files (used by `bench/time_vs_dateparser.py`); `--misses` adds
//! the cases we get wrong.

use std::path::PathBuf;
use std::process::ExitCode;
use veille_core::Lang;
use veille_time::{EvalOptions, eval_specs_with};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flags: Vec<&str> = args
        .iter()
        .filter(|a| a.starts_with("--"))
        .map(String::as_str)
        .collect();
    let pos: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (Some(dir), Some(lang)) = (pos.first(), pos.get(1).and_then(|l| Lang::from_code(l))) else {
        eprintln!("usage: eval_time SPEC_DIR fr|en [--json] [--records] [--misses]");
        return ExitCode::from(2);
    };
    let opts = EvalOptions {
        keep_records: flags.contains(&"--records"),
        keep_misses: flags.contains(&"--misses"),
    };
    match eval_specs_with(&PathBuf::from(dir), lang, &opts) {
        Ok(r) => {
            if flags.contains(&"--json") {
                match serde_json::to_string(&r) {
                    Ok(s) => println!("{s}"),
                    Err(e) => {
                        eprintln!("error: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            } else {
                print!("{}", r.table());
                for m in &r.misses {
                    println!(
                        "MISS {} | {} | ref {:?}\n   expected {:?}\n   got      {:?}",
                        m.file, m.input, m.reference, m.expected, m.got
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
