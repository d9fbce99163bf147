//! Prints the time expressions of each line of a file (one sentence per line), for eyeballing
//! precision on real text: `times_lines FILE fr|en [YYYY-MM-DD]`.

use veille_core::{Date, Lang};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(lang)) = (args.first(), args.get(1).and_then(|l| Lang::from_code(l)))
    else {
        eprintln!("usage: times_lines FILE fr|en [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let anchor: Option<Date> = args.get(2).and_then(|d| d.parse().ok());
    let text = std::fs::read_to_string(path).unwrap_or_default();
    for (n, line) in text.lines().enumerate() {
        for t in veille_time::find_times(line, lang, anchor) {
            println!(
                "{n}\t{}\t{}\t{}\t{}",
                t.span.text(line),
                t.kind.as_str(),
                t.value,
                t.rule
            );
        }
    }
}
