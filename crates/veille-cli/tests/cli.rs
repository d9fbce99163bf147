//! End-to-end tests of the `veille` binary for issue #2 (robust input handling, the JSON output
//! contract, the store and its crash safety). Every article below was written for these tests.
//!
//! Each test builds its inputs in a temporary directory and runs the real binary; every child
//! process is waited for with a deadline, so a hang fails the test instead of stalling the run.

use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};
use veille_store::{EventFilter, Store};

/// Longest any single command may take before the test gives up on it.
const DEADLINE: Duration = Duration::from_secs(300);

fn veille() -> Command {
    Command::new(env!("CARGO_BIN_EXE_veille"))
}

struct Run {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Run {
    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect()
    }
}

/// Waits for `child`, killing it and failing the test after `DEADLINE`.
fn wait_bounded(child: &mut Child, what: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`{what}` did not finish within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Runs `veille ARGS`, feeding `stdin` if given, with a deadline; output is read on threads so a
/// full pipe never blocks the child.
fn run_with(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let what = format!("veille {}", args.join(" "));
    let mut child = veille()
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start `{what}`: {e}"));
    let feeder = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let status = wait_bounded(&mut child, &what);
    if let Some(f) = feeder {
        f.join().unwrap();
    }
    let run = Run {
        status,
        stdout: String::from_utf8_lossy(&out_t.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_t.join().unwrap()).into_owned(),
    };
    assert_no_panic(&what, &run);
    run
}

fn run(args: &[&str]) -> Run {
    run_with(args, None)
}

fn assert_no_panic(what: &str, run: &Run) {
    for (name, s) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        assert!(
            !s.contains("panicked") && !s.contains("internal error"),
            "`{what}` panicked; {name}:\n{s}"
        );
    }
}

fn p(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// `text[start..end]` for a JSON span, which must fall on character boundaries.
fn slice<'a>(text: &'a str, span: &Value, what: &str) -> &'a str {
    let start = span["start"]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: {span}")) as usize;
    let end = span["end"]
        .as_u64()
        .unwrap_or_else(|| panic!("{what}: {span}")) as usize;
    assert!(start <= end, "{what}: {start}..{end}");
    text.get(start..end).unwrap_or_else(|| {
        panic!("{what}: {start}..{end} is not a char-boundary range of the text")
    })
}

// ---------------------------------------------------------------------------------------------
// Articles written for these tests.

const FR_MALI: &str = "Le Mali a accusé mardi l'Algérie de soutenir des groupes armés dans le nord \
du pays. Les autorités de Bamako ont convoqué l'ambassadeur algérien pour lui remettre une note \
de protestation, selon un communiqué lu à la télévision publique.\n";

/// A heading line, then two paragraphs: four sentences in all.
const FR_ACCORD: &str = "Dakar et Paris renforcent leur coopération\n\
\n\
Le Sénégal a signé lundi un accord de coopération militaire avec la France. Le texte prévoit des \
formations communes pour les officiers et un partage de renseignements dans la région.\n\
\n\
Les deux délégations doivent se retrouver à l'automne pour un premier bilan.\n";
const FR_ACCORD_SENTENCES: usize = 4;

const FR_PECHE: &str = "Le Maroc a signé jeudi un accord de pêche avec la Mauritanie. \
Les chalutiers marocains pourront opérer au large de Nouadhibou pendant quatre ans, en échange \
d'une compensation financière dont le montant n'a pas été rendu public.\n";

const EN_TALKS: &str = "Kenya met Ethiopia in Nairobi on Tuesday to discuss the sharing of \
water from the rivers that cross their border. Officials from both delegations described the \
talks as constructive and said technical teams would meet again next month.\n";

const FR_TUNIS: &str = "La Tunisie a condamné vendredi la Libye après l'arrestation de trois \
pêcheurs tunisiens au large de Zarzis. Le ministère des Affaires étrangères a demandé leur \
libération immédiate.\n";

const DE_NEWS: &str = "Die Bundesregierung hat am Montag ein neues Hilfspaket für die \
Landwirtschaft beschlossen. Der Minister sagte in Berlin, die ersten Zahlungen sollten noch vor \
dem Winter bei den Betrieben ankommen. Die Opposition kritisierte, das Geld komme viel zu spät.\n";

// ---------------------------------------------------------------------------------------------

/// Issue #2: binary files, invalid UTF-8, empty files, files over `--max-bytes`, missing paths
/// and HTML pages with no text each get one clear line on stderr naming the input, the other
/// inputs are processed, and the exit status is non-zero only when nothing could be processed.
#[test]
fn bad_inputs_one_line_each_rest_processed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let good = dir.join("mali-algerie.txt");
    std::fs::write(&good, FR_MALI).unwrap();

    let png = dir.join("photo.png");
    let mut png_bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    png_bytes.extend(std::iter::repeat_n(0u8, 2048));
    std::fs::write(&png, png_bytes).unwrap();

    // French text saved as Latin-1: é is the single byte 0xE9.
    let latin1 = dir.join("latin1.txt");
    std::fs::write(
        &latin1,
        b"Le pr\xe9sident a d\xe9clar\xe9 lundi que les n\xe9gociations reprendraient.\n",
    )
    .unwrap();

    let empty = dir.join("vide.txt");
    std::fs::write(&empty, b"").unwrap();

    // 50 MB, far over the 8 MiB default limit.
    let huge = dir.join("enorme.txt");
    {
        let line = "Une ligne de remplissage qui se répète pour fabriquer un très gros fichier.\n";
        let mut w = std::io::BufWriter::new(std::fs::File::create(&huge).unwrap());
        let mut written = 0usize;
        while written < 50_000_000 {
            w.write_all(line.as_bytes()).unwrap();
            written += line.len();
        }
        w.flush().unwrap();
    }
    assert!(std::fs::metadata(&huge).unwrap().len() > 8 * 1024 * 1024);

    let nav = dir.join("menu.html");
    std::fs::write(
        &nav,
        r#"<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<script>window.dataLayer = window.dataLayer || [];</script></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/afrique">Afrique</a></nav>
<script>console.log("publicité");</script></body></html>"#,
    )
    .unwrap();

    let missing = dir.join("absent.txt");

    // (input, what its one stderr line must also say)
    let bad: [(&Path, &str); 6] = [
        (&png, "binary"),
        (&latin1, "UTF-8"),
        (&empty, "empty"),
        (&huge, "too large"),
        (&nav, "no extractable"),
        (&missing, "no such file"),
    ];
    let check_lines = |r: &Run| {
        for (path, says) in bad {
            let name = path.file_name().unwrap().to_str().unwrap();
            let lines: Vec<&str> = r
                .stderr_lines()
                .into_iter()
                .filter(|l| l.contains(name))
                .collect();
            assert_eq!(
                lines.len(),
                1,
                "{name}: expected one stderr line:\n{}",
                r.stderr
            );
            assert!(
                lines[0].to_lowercase().contains(&says.to_lowercase()),
                "{name}: the line should say {says:?}: {}",
                lines[0]
            );
        }
    };

    let mut args = vec!["extract", p(&good)];
    args.extend(bad.iter().map(|(path, _)| p(path)));
    let r = run(&args);
    assert!(r.status.success(), "one good input: exit 0\n{}", r.stderr);
    assert!(
        r.stdout.contains("mali-algerie.txt") && r.stdout.contains(" fr "),
        "the good article's summary is on stdout:\n{}",
        r.stdout
    );
    for (path, _) in bad {
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(!r.stdout.contains(name), "{name} leaked into stdout");
    }
    assert_eq!(
        r.stderr_lines().len(),
        6,
        "one line per bad input:\n{}",
        r.stderr
    );
    assert!(!r.stderr.contains("mali-algerie.txt"), "{}", r.stderr);
    check_lines(&r);

    // Only bad inputs: nothing processed, so a failure, still one line per input (plus the
    // closing summary, which names no input).
    let mut args = vec!["extract"];
    args.extend(bad.iter().map(|(path, _)| p(path)));
    let r = run(&args);
    assert!(!r.status.success(), "nothing processed: non-zero exit");
    assert!(r.stdout.trim().is_empty(), "{}", r.stdout);
    check_lines(&r);
    let extra: Vec<&str> = r
        .stderr_lines()
        .into_iter()
        .filter(|l| {
            !bad.iter()
                .any(|(path, _)| l.contains(path.file_name().unwrap().to_str().unwrap()))
        })
        .collect();
    assert!(
        extra.len() <= 1,
        "at most one summary line besides the inputs':\n{}",
        r.stderr
    );
}

/// Issue #2: the JSON output contract v1 — one object per article with `id`, `lang`, `date`,
/// byte-offset sentences (a heading is its own sentence) and events whose evidence spans are
/// `text[start..end]`; `-` reads stdin.
#[test]
fn extract_json_contract() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("senegal-france.txt");
    std::fs::write(&file, FR_ACCORD).unwrap();
    let text = FR_ACCORD;

    let check = |obj: &Value, source: &str| {
        assert!(
            obj["id"].as_str().is_some_and(|s| s.len() >= 12),
            "id: {obj}"
        );
        assert_eq!(obj["source"], source);
        assert_eq!(obj["lang"], "fr");
        assert_eq!(obj["date"], "2021-05-04");
        assert_eq!(obj["date_source"], "cli");
        let sentences = obj["sentences"].as_array().expect("sentences");
        let cut: Vec<&str> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| slice(text, s, &format!("sentence {i}")))
            .collect();
        assert_eq!(sentences.len(), FR_ACCORD_SENTENCES, "{cut:#?}");
        assert_eq!(cut[0], "Dakar et Paris renforcent leur coopération");
        assert!(cut[1].starts_with("Le Sénégal a signé lundi"), "{cut:#?}");
        let mut last_end = 0;
        for s in sentences {
            let start = s["start"].as_u64().unwrap();
            assert!(start >= last_end, "sentences overlap: {sentences:?}");
            last_end = s["end"].as_u64().unwrap();
        }

        let events = obj["events"].as_array().expect("events");
        for e in events {
            slice(text, &e["sentence"], "event sentence");
            for side in ["source", "target"] {
                if e[side].is_object() {
                    assert_eq!(slice(text, &e[side], side), e[side]["text"], "{e}");
                }
            }
            let evidence = e["evidence"].as_array().expect("evidence");
            assert!(!evidence.is_empty(), "every event has evidence: {e}");
            for ev in evidence {
                assert_eq!(slice(text, ev, "evidence"), ev["text"], "{e}");
            }
            assert!(e["rule"].as_str().is_some_and(|r| !r.is_empty()), "{e}");
        }
        let accord = events
            .iter()
            .find(|e| e["cameo"] == "057")
            .unwrap_or_else(|| panic!("no 057 (sign formal agreement) event: {events:#?}"));
        assert!(
            accord["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .any(|ev| ev["text"].as_str().unwrap().contains("signé")),
            "{accord:#}"
        );
        let countries = [&accord["source"]["country"], &accord["target"]["country"]];
        assert!(
            countries.contains(&&Value::from("SEN")) && countries.contains(&&Value::from("FRA")),
            "{accord:#}"
        );
    };

    let r = run(&[
        "extract",
        p(&file),
        "--date",
        "2021-05-04",
        "--format",
        "json",
    ]);
    assert!(r.status.success(), "{}", r.stderr);
    let objs = json_lines(&r.stdout);
    assert_eq!(objs.len(), 1, "one object per article");
    check(&objs[0], p(&file));

    // The same text on stdin: the same article (the id is a hash of the text).
    let r = run_with(
        &["extract", "-", "--date", "2021-05-04", "--format", "json"],
        Some(FR_ACCORD.as_bytes()),
    );
    assert!(r.status.success(), "{}", r.stderr);
    let from_stdin = json_lines(&r.stdout);
    assert_eq!(from_stdin.len(), 1);
    check(&from_stdin[0], "-");
    assert_eq!(from_stdin[0]["id"], objs[0]["id"]);
    assert_eq!(from_stdin[0]["events"], objs[0]["events"]);
}

/// Issue #2: any language other than French and English is reported (`unsupported language`)
/// and skipped, never coded as if it were French.
#[test]
fn unsupported_language_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let de = tmp.path().join("agrar.txt");
    std::fs::write(&de, DE_NEWS).unwrap();
    let fr = tmp.path().join("peche.txt");
    std::fs::write(&fr, FR_PECHE).unwrap();

    let r = run(&["extract", p(&de), "--format", "json"]);
    assert!(
        !r.status.success(),
        "the only input is unsupported: non-zero exit"
    );
    assert!(r.stdout.trim().is_empty(), "never coded: {}", r.stdout);
    let lines: Vec<&str> = r
        .stderr_lines()
        .into_iter()
        .filter(|l| l.contains("agrar.txt"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", r.stderr);
    assert!(lines[0].contains("unsupported language"), "{}", lines[0]);
    assert!(
        lines[0].contains("deu"),
        "the language is named: {}",
        lines[0]
    );

    // Beside a French article: the French one is coded, the German one only reported.
    let r = run(&["extract", p(&de), p(&fr), "--format", "json"]);
    assert!(r.status.success(), "{}", r.stderr);
    let objs = json_lines(&r.stdout);
    assert_eq!(objs.len(), 1, "{}", r.stdout);
    assert_eq!(objs[0]["lang"], "fr");
    assert_eq!(objs[0]["source"], p(&fr));
    assert!(r.stderr.contains("unsupported language"), "{}", r.stderr);

    // Nor is it stored.
    let db = tmp.path().join("v.db");
    let r = run(&["ingest", p(&de), p(&fr), "--db", p(&db), "--json"]);
    assert!(r.status.success(), "{}", r.stderr);
    assert!(r.stderr.contains("unsupported language"), "{}", r.stderr);
    let summary = &json_lines(&r.stdout)[0];
    assert_eq!(
        (summary["inserted"].as_u64(), summary["failed"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(Store::open(&db).unwrap().stats().unwrap().articles, 1);
}

/// Issue #2: articles are keyed by a hash of their text, so re-ingesting is a no-op; `events`
/// filters by CAMEO prefix and country and writes JSON lines or CSV with a header.
#[test]
fn ingest_is_idempotent_and_events_filter() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("articles");
    std::fs::create_dir_all(dir.join("maghreb")).unwrap();
    std::fs::write(dir.join("maghreb/peche.txt"), FR_PECHE).unwrap();
    std::fs::write(dir.join("maghreb/tunis.txt"), FR_TUNIS).unwrap();
    std::fs::write(dir.join("nil.txt"), EN_TALKS).unwrap();
    let db = tmp.path().join("veille.db");
    let ingest = || {
        let r = run(&[
            "ingest",
            p(&dir),
            "--db",
            p(&db),
            "--date",
            "2022-06-16",
            "--json",
        ]);
        assert!(r.status.success(), "{}", r.stderr);
        let s = json_lines(&r.stdout);
        assert_eq!(s.len(), 1, "one summary object: {}", r.stdout);
        s.into_iter().next().unwrap()
    };
    let first = ingest();
    assert_eq!(first["inserted"], 3, "{first}");
    assert_eq!(first["duplicates"], 0, "{first}");
    assert_eq!(first["failed"], 0, "{first}");
    let stats = Store::open(&db).unwrap().stats().unwrap();
    assert_eq!(stats.articles, 3);
    assert!(stats.events > 0, "the articles hold events: {stats:?}");

    let again = ingest();
    assert_eq!(again["inserted"], 0, "{again}");
    assert_eq!(again["duplicates"], 3, "{again}");
    assert_eq!(again["new_events"], 0, "{again}");
    assert_eq!(
        Store::open(&db).unwrap().stats().unwrap(),
        stats,
        "re-ingest is a no-op"
    );

    let events = |extra: &[&str]| -> Vec<Value> {
        let mut args = vec!["events", "--db", p(&db), "--format", "json"];
        args.extend_from_slice(extra);
        let r = run(&args);
        assert!(r.status.success(), "{}", r.stderr);
        json_lines(&r.stdout)
    };
    let all = events(&[]);
    assert_eq!(all.len() as u64, stats.events);
    for e in &all {
        for key in [
            "id",
            "date",
            "source_code",
            "cameo",
            "num_mentions",
            "evidence",
        ] {
            assert!(e.get(key).is_some(), "{key} missing: {e}");
        }
        // The article date, or the date the event's own clause gives ("mardi"): never
        // another year, never today.
        let d = e["date"].as_str().unwrap_or("");
        assert!(d.starts_with("2022-06"), "{e}");
    }

    let agreements = events(&["--code", "05"]);
    assert!(
        !agreements.is_empty(),
        "the fishing agreement is a 057: {all:#?}"
    );
    assert!(
        agreements
            .iter()
            .all(|e| e["cameo"].as_str().unwrap().starts_with("05")),
        "{agreements:#?}"
    );
    assert!(
        agreements.len() < all.len(),
        "the filter removed something: {all:#?}"
    );

    let country = all
        .iter()
        .find_map(|e| e["source_country"].as_str())
        .expect("some event has a source country")
        .to_string();
    let by_country = events(&["--country", &country]);
    assert!(!by_country.is_empty());
    assert!(
        by_country
            .iter()
            .all(|e| e["source_country"] == country.as_str()
                || e["target_country"] == country.as_str()),
        "{by_country:#?}"
    );
    assert!(
        events(&["--country", "NZL"]).is_empty(),
        "no New Zealand here"
    );

    let r = run(&["events", "--db", p(&db), "--format", "csv"]);
    assert!(r.status.success(), "{}", r.stderr);
    let mut lines = r.stdout.lines();
    let header = lines.next().expect("a header");
    assert!(
        header.starts_with("id,date,source,target,cameo"),
        "{header}"
    );
    let columns = header.split(',').count();
    assert_eq!(lines.clone().count(), all.len());
    for l in lines {
        assert!(l.split(',').count() >= columns, "{l}");
    }

    let r = run(&["events", "--db", p(&db)]);
    assert!(r.status.success(), "{}", r.stderr);
    assert!(
        r.stdout.contains(&format!("({} events)", all.len())),
        "{}",
        r.stdout
    );
}

// ---------------------------------------------------------------------------------------------
// The SIGKILL test.

const KILL_ARTICLES: usize = 3000;
const KILL_BATCH: u64 = 8;
/// Kill once this many articles are committed (five batches), mid-run.
const KILL_AFTER: u64 = 5 * KILL_BATCH;

/// Country pairs (French name with its article) for the generated agreements.
const PAIRS: &[(&str, &str)] = &[
    ("Le Sénégal", "la Mauritanie"),
    ("Le Maroc", "l'Espagne"),
    ("Le Niger", "le Tchad"),
    ("La Tunisie", "l'Italie"),
    ("Le Ghana", "le Togo"),
    ("Le Kenya", "l'Éthiopie"),
    ("Le Cameroun", "le Gabon"),
];

/// Writes `n` distinct short French articles (each with one agreement sentence) in a few
/// subdirectories, as agencies would deliver them.
fn write_corpus(dir: &Path, n: usize) {
    let agencies = ["agence-ouest", "agence-nord", "agence-est", "agence-sud"];
    for a in agencies {
        std::fs::create_dir_all(dir.join(a)).unwrap();
    }
    for i in 0..n {
        let (a, b) = PAIRS[i % PAIRS.len()];
        // Short on purpose: a debug build spends most of its time per word.
        let text = format!(
            "Dépêche numéro {i}.\n\n{a} a signé un accord de coopération avec {b}, selon le \
communiqué numéro {i}. Une commission mixte se réunira {} fois par an.\n",
            2 + i % 5
        );
        let path = dir
            .join(agencies[i % agencies.len()])
            .join(format!("depeche-{i:05}.txt"));
        std::fs::write(path, text).unwrap();
    }
}

/// Events with what depends on when they were stored (row id, time of the first batch) removed,
/// sorted, so two databases can be compared.
fn comparable_events(store: &Store) -> Vec<String> {
    let mut rows: Vec<String> = store
        .events(&EventFilter::default())
        .unwrap()
        .into_iter()
        .map(|mut e| {
            e.id = 0;
            e.first_seen.clear();
            format!("{e:?}")
        })
        .collect();
    rows.sort();
    rows
}

/// Mentions per article, from raw SQL.
fn mentions_per_article(db: &Path) -> HashMap<String, i64> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT a.id, (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) FROM articles a",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Checks that the database is internally consistent: every event's counters agree with its
/// mentions, every article has all its sentences, no event is orphaned, SQLite is happy.
fn assert_consistent(db: &Path) {
    let store = Store::open(db).unwrap();
    let stats = store.stats().unwrap();
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(
        events.len() as u64,
        stats.events,
        "every event has a first mention"
    );
    let sum: u64 = events.iter().map(|e| e.num_mentions).sum();
    assert_eq!(
        sum, stats.mentions,
        "num_mentions adds up to the mentions stored"
    );
    let conn = rusqlite::Connection::open(db).unwrap();
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        one("SELECT count(*) FROM events e WHERE num_mentions != (SELECT count(*) FROM mentions m WHERE m.event_id = e.id)
                OR num_articles != (SELECT count(DISTINCT article_id) FROM mentions m WHERE m.event_id = e.id)"),
        0,
        "event counters agree with the mentions"
    );
    assert_eq!(
        one(
            "SELECT count(*) FROM articles a WHERE n_sentences != (SELECT count(*) FROM sentences s WHERE s.article_id = a.id)"
        ),
        0,
        "every stored article has all its sentences"
    );
    assert_eq!(
        one("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"),
        0
    );
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// Issue #2: `ingest` writes one transaction per batch, so an ingest killed half-way (SIGKILL:
/// no destructor, no rollback) leaves a consistent database that a rerun completes without
/// duplicates, ending with exactly what an uninterrupted ingest stores.
#[test]
fn ingest_killed_midway_is_consistent() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("depeches");
    write_corpus(&corpus, KILL_ARTICLES);
    let db = tmp.path().join("killed.db");
    let batch = KILL_BATCH.to_string();
    let ingest_args = |db: &Path| -> Vec<String> {
        [
            "ingest",
            p(&corpus),
            "--db",
            p(db),
            "--batch",
            &batch,
            "--date",
            "2023-09-12",
        ]
        .map(String::from)
        .to_vec()
    };

    // The reference, an uninterrupted ingest of the same corpus into another database, runs
    // meanwhile (on the other core, as both are single-threaded).
    let fresh_db = tmp.path().join("fresh.db");
    let fresh_err = tmp.path().join("fresh.stderr");
    let mut fresh_child = Reaped(
        veille()
            .args(ingest_args(&fresh_db))
            .arg("--quiet")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&fresh_err).unwrap())
            .spawn()
            .unwrap(),
    );

    let started = Instant::now();
    let child_err = tmp.path().join("killed.stderr");
    let mut child = Reaped(
        veille()
            .args(ingest_args(&db))
            .arg("--quiet")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&child_err).unwrap())
            .spawn()
            .unwrap(),
    );
    // Wait for a few committed batches.
    let mut finished_early = None;
    loop {
        if let Some(status) = child.0.try_wait().unwrap() {
            finished_early = Some(status);
            break;
        }
        if db.exists()
            && let Ok(store) = Store::open(&db)
            && store.stats().is_ok_and(|s| s.articles >= KILL_AFTER)
        {
            break;
        }
        assert!(
            started.elapsed() < DEADLINE,
            "no batch committed within {DEADLINE:?}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    match finished_early {
        None => {
            child.0.kill().unwrap(); // SIGKILL on Unix: no destructor, no rollback
            let status = child.0.wait().unwrap();
            assert!(!status.success(), "killed");
        }
        Some(status) => {
            assert!(
                status.success(),
                "the ingest failed before it could be killed ({status}): {}",
                std::fs::read_to_string(&child_err).unwrap_or_default()
            );
            eprintln!(
                "note: the ingest finished in {:?}, before it could be killed; only the rerun \
                 and the comparison are exercised",
                started.elapsed()
            );
        }
    }

    // After the kill: whole batches only, consistent counters.
    let partial = Store::open(&db).unwrap().stats().unwrap();
    eprintln!(
        "killed after {:?}: {} of {KILL_ARTICLES} articles committed",
        started.elapsed(),
        partial.articles
    );
    assert!(partial.articles >= KILL_AFTER);
    if finished_early.is_none() {
        assert_eq!(
            partial.articles % KILL_BATCH,
            0,
            "a batch is all or nothing: {partial:?}"
        );
    }
    assert_consistent(&db);
    let killed = mentions_per_article(&db);
    assert_eq!(killed.len() as u64, partial.articles);
    assert_eq!(killed.values().sum::<i64>() as u64, partial.mentions);

    // The rerun completes the work without duplicating anything.
    let args = ingest_args(&db);
    let args: Vec<&str> = args.iter().map(String::as_str).chain(["--json"]).collect();
    let r = run(&args);
    assert!(r.status.success(), "{}", r.stderr);
    let summary = &json_lines(&r.stdout)[0];
    assert_eq!(
        summary["inserted"].as_u64(),
        Some(KILL_ARTICLES as u64 - partial.articles),
        "{summary}"
    );
    assert_eq!(
        summary["duplicates"].as_u64(),
        Some(partial.articles),
        "{summary}"
    );
    assert_consistent(&db);
    eprintln!("rerun done after {:?}", started.elapsed());

    let status = wait_bounded(&mut fresh_child.0, "the reference ingest");
    eprintln!("reference done after {:?}", started.elapsed());
    assert!(
        status.success(),
        "{}",
        std::fs::read_to_string(&fresh_err).unwrap_or_default()
    );
    let fresh = Store::open(&fresh_db).unwrap();
    let fresh_stats = fresh.stats().unwrap();
    assert_eq!(fresh_stats.articles, KILL_ARTICLES as u64);
    assert!(
        fresh_stats.mentions >= KILL_ARTICLES as u64,
        "every generated article holds an agreement: {fresh_stats:?}"
    );
    let reference = mentions_per_article(&fresh_db);

    // Every article the killed run committed had come with all its mentions.
    for (id, n) in &killed {
        assert_eq!(
            Some(n),
            reference.get(id),
            "article {id}: mentions cut by the kill"
        );
    }
    // And the interrupted-then-resumed database ends where the uninterrupted one does.
    let done = Store::open(&db).unwrap();
    assert_eq!(
        done.stats().unwrap(),
        fresh_stats,
        "no duplicates, nothing missing"
    );
    assert_eq!(mentions_per_article(&db), reference);
    assert_eq!(comparable_events(&done), comparable_events(&fresh));
}

/// A child process killed and reaped when the test ends, even by a failed assertion.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

// ---------------------------------------------------------------------------------------------

const EN_COUNTRIES: &[&str] = &[
    "Morocco",
    "Senegal",
    "Kenya",
    "Ethiopia",
    "Nigeria",
    "Ghana",
    "Egypt",
    "Tunisia",
    "Algeria",
    "Mali",
    "Niger",
    "Chad",
    "Cameroon",
    "Gabon",
    "Angola",
    "Zambia",
    "Uganda",
    "Rwanda",
    "Tanzania",
    "Botswana",
    "Namibia",
    "Mozambique",
    "Madagascar",
    "Sudan",
    "Libya",
];

/// Issue #2: `events` on a missing database says so in one line, without creating it or
/// panicking; `veille events | head -1` (stdout closed early) is not an error.
#[test]
fn events_on_missing_db_is_clear() {
    {
        let r = run(&["events", "--db", "/nonexistent/x.db"]);
        assert!(!r.status.success());
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        let lines = r.stderr_lines();
        assert_eq!(lines.len(), 1, "one line: {}", r.stderr);
        assert!(lines[0].contains("x.db"), "names the file: {}", lines[0]);
    }
    let tmp = tempfile::tempdir().unwrap();
    let absent = tmp.path().join("pas-encore.db");
    let r = run(&["events", "--db", p(&absent), "--format", "json"]);
    assert!(!r.status.success());
    assert_eq!(r.stderr_lines().len(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("pas-encore.db"), "{}", r.stderr);
    assert!(
        !absent.exists(),
        "listing events must not create a database"
    );

    // Enough distinct events that the table is far larger than a pipe buffer (64 KiB).
    let corpus = tmp.path().join("wires");
    std::fs::create_dir_all(&corpus).unwrap();
    let mut n = 0;
    for a in EN_COUNTRIES {
        for b in EN_COUNTRIES {
            if a != b {
                let text = format!(
                    "{a} signed a trade agreement with {b} on Monday, officials said. The deal \
covers tariffs on agricultural goods and will be reviewed in two years (wire {n}).\n"
                );
                std::fs::write(corpus.join(format!("wire-{n:04}.txt")), text).unwrap();
                n += 1;
            }
        }
    }
    let db = tmp.path().join("wires.db");
    let r = run(&[
        "ingest",
        p(&corpus),
        "--db",
        p(&db),
        "--date",
        "2024-02-05",
        "--quiet",
    ]);
    assert!(r.status.success(), "{}", r.stderr);
    let stats = Store::open(&db).unwrap().stats().unwrap();
    assert!(stats.events >= 300, "enough rows to fill a pipe: {stats:?}");

    // `veille events | head -1`: read one line, close the pipe, the writer must stop quietly.
    let mut child = veille()
        .args(["events", "--db", p(&db)])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let err_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    {
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        assert!(first.contains("cameo"), "the table header: {first}");
    } // the read end is dropped here
    let status = wait_bounded(&mut child, "veille events | head -1");
    let stderr = err_t.join().unwrap();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "{stderr}"
    );
    assert!(
        status.success(),
        "a closed stdout is not a failure: {status:?} {stderr}"
    );
    assert!(stderr.trim().is_empty(), "nothing to report: {stderr}");
}
