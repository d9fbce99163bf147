//! Prints the time expressions of a text file: `times FILE fr|en [YYYY-MM-DD]`.
//! Without a date, the article date is inferred from the text when it can be (and said so).

use std::process::ExitCode;
use veille_core::{Date, Lang};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(lang)) = (args.first(), args.get(1).and_then(|l| Lang::from_code(l)))
    else {
        eprintln!("usage: times FILE fr|en [YYYY-MM-DD]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let anchor = match args.get(2) {
        Some(d) => match d.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        },
        None => match veille_time::infer_article_date(&text, lang) {
            Some((d, sp)) => {
                println!("article date {d} inferred from {:?}", sp.text(&text));
                Some(d)
            }
            None => {
                println!("article date unknown: relative expressions stay underspecified");
                None
            }
        },
    };
    for t in veille_time::find_times(&text, lang, anchor) {
        println!(
            "{:>5}-{:<5} {:<28} {:<8} {:<30} {}{}",
            t.span.start,
            t.span.end,
            format!("{:?}", t.span.text(&text)),
            t.kind.as_str(),
            t.value,
            t.rule,
            if t.anchored { " (anchored)" } else { "" }
        );
    }
    ExitCode::SUCCESS
}
