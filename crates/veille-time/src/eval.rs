//! Scoring against Microsoft Recognizers-Text's DateTime test specifications.
//!
//! Each spec file is a JSON array of cases: an `Input` sentence, an optional
//! `Context.ReferenceDateTime`, and `Results` with the expected surface text, offsets, type and
//! resolution (`Value.Timex` plus future/past resolutions in parser files, `Resolution.values`
//! in model files; extractor files only have spans). This module reads them, runs
//! [`crate::find_times`] and reports, per file, extraction precision/recall/F1 and the share of
//! expected values we produce exactly.
//!
//! Decisions (also in the crate README):
//! - **Reference date**: the case's `ReferenceDateTime` is our anchor. Cases without one are run
//!   with no anchor (the reference harness itself uses "now" for them).
//! - **Which expected values can be scored**: a value that depends on the reference date (a
//!   fully specified date with no year written in the sentence, such as "demain" =
//!   2016-11-08) cannot be checked when the case gives no reference date, so it is left out of
//!   value accuracy (still counted for extraction). Expected values that are not calendar days
//!   (2017-09-31, a resolution of 0001-01-01) are left out too.
//! - **When a value is right**: our value equals the expected TIMEX (or one of its `|`
//!   alternatives); or the expected TIMEX has X digits and ours is the same expression resolved
//!   with the reference date (it equals the future or the past resolution the spec gives); or
//!   both denote the same interval of days (our `2016-Q3` and their
//!   `(2016-07-01,2016-10-01,P3M)`, our ISO week and their week starting the same Monday, our
//!   `197` and their `(1970-01-01,1980-01-01,P10Y)`).
//! - **Which of our expressions are compared**: each file exercises one extractor, so only our
//!   expressions of the matching TIMEX3 type count (DATE for Date*, DURATION for Duration*, SET
//!   for Set*, TIME for Time* and DateTime*); model and merged files use all of them.
//! - **Extraction** is scored on character spans, relaxed (overlap) and strict (same span).

use crate::{TimexType, find_times};
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};
use veille_core::{Date, Lang};

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not JSON: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{path}: not a Recognizers-Text spec file: {msg}")]
    Format { path: PathBuf, msg: String },
    #[error("no spec files (*.json) for {lang} under {dir}")]
    Empty { dir: PathBuf, lang: Lang },
}

/// Options of [`eval_specs_with`].
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// Keep one record per scorable expected value of the counted files (for comparisons with
    /// other tools).
    pub keep_records: bool,
    /// Keep the inputs we got wrong (for error analysis).
    pub keep_misses: bool,
}

/// Scores of one spec file.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FileReport {
    pub file: String,
    /// The file counts toward the "dates, date periods, durations and sets" figures.
    pub counted: bool,
    pub cases: usize,
    pub gold: usize,
    pub pred: usize,
    /// Overlapping matches (relaxed) and same-span matches (strict).
    pub matched_gold: usize,
    pub matched_pred: usize,
    pub exact_spans: usize,
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub strict_f1: f64,
    /// Expected values that can be scored, and how many we produce exactly.
    pub values: usize,
    pub values_correct: usize,
    pub value_acc: f64,
    /// Expected values left out of value accuracy (see the module docs).
    pub unscorable: usize,
}

/// One scorable expected value, with our answer (for `bench/time_vs_dateparser.py`).
#[derive(Debug, Clone, Serialize)]
pub struct GoldRecord {
    pub file: String,
    pub input: String,
    pub reference: Option<String>,
    /// Character offsets of the expected text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub gold_type: String,
    pub gold_timex: String,
    /// Concrete values the spec accepts (future/past resolutions), as [start, end) days.
    pub intervals: Vec<(String, String)>,
    pub ours: Option<String>,
    pub correct: bool,
}

/// A case we got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub file: String,
    pub input: String,
    pub reference: Option<String>,
    pub expected: Vec<String>,
    pub got: Vec<String>,
}

/// Scores of all spec files of one language.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    pub lang: Lang,
    pub files: Vec<FileReport>,
    /// Extraction F1 (relaxed) over the counted extractor files, 0–100.
    pub timex_f: f64,
    /// Exact value accuracy over the counted parser files, 0–100.
    pub timex_value_acc: f64,
    /// Which files `timex_f` and `timex_value_acc` cover.
    pub counted_files: Vec<String>,
    /// Throughput of `find_times` during this evaluation (whitespace-separated words of the spec
    /// sentences per second of time spent in it). The sentences are short, so this is lower
    /// than on articles (see `benches/find_times.rs`).
    pub words_per_s: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<GoldRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub misses: Vec<Miss>,
}

/// Spec files that measure dates, date periods, durations and sets: the parsers for values
/// (they carry resolutions) and the extractors for spans.
pub const COUNTED_PARSERS: &[&str] = &[
    "DateParser.json",
    "DatePeriodParser.json",
    "DurationParser.json",
    "SetParser.json",
];
pub const COUNTED_EXTRACTORS: &[&str] = &[
    "DateExtractor.json",
    "DatePeriodExtractor.json",
    "DurationExtractor.json",
    "SetExtractor.json",
];

/// Scores every spec file of `lang` under `dir` (either the folder holding `French/` and
/// `English/`, or the language folder itself).
pub fn eval_specs(dir: &Path, lang: Lang) -> Result<EvalReport, EvalError> {
    eval_specs_with(dir, lang, &EvalOptions::default())
}

pub fn eval_specs_with(
    dir: &Path,
    lang: Lang,
    opts: &EvalOptions,
) -> Result<EvalReport, EvalError> {
    let sub = match lang {
        Lang::Fr => "French",
        Lang::En => "English",
    };
    let root = if dir.join(sub).is_dir() {
        dir.join(sub)
    } else {
        dir.to_path_buf()
    };
    let rd = std::fs::read_dir(&root).map_err(|source| EvalError::Io {
        path: root.clone(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(EvalError::Empty { dir: root, lang });
    }
    let mut report = EvalReport {
        lang,
        files: Vec::new(),
        timex_f: 0.0,
        timex_value_acc: 0.0,
        counted_files: COUNTED_EXTRACTORS
            .iter()
            .chain(COUNTED_PARSERS)
            .map(|s| s.to_string())
            .collect(),
        records: Vec::new(),
        misses: Vec::new(),
        words_per_s: 0.0,
    };
    let mut timing = (0usize, std::time::Duration::ZERO);
    for path in &paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let cases = read_cases(path)?;
        let t0 = std::time::Instant::now();
        for c in &cases {
            std::hint::black_box(find_times(&c.input, lang, c.reference));
            timing.0 += c.input.split_whitespace().count();
        }
        timing.1 += t0.elapsed();
        let fr = score_file(
            &name,
            &cases,
            lang,
            Filter::for_file(&name),
            opts,
            &mut report,
        );
        report.files.push(fr);
        // Model files mix every type; their date/period/duration/set part is reported too.
        if name == "DateTimeModel.json" {
            let fr = score_file(
                "DateTimeModel.json [date,daterange,duration,set]",
                &cases,
                lang,
                Filter::DatePeriodDurSet,
                opts,
                &mut report,
            );
            report.files.push(fr);
        }
    }
    let sum = |names: &[&str]| -> (usize, usize, usize, usize, usize, usize) {
        report
            .files
            .iter()
            .filter(|f| names.contains(&f.file.as_str()))
            .fold((0, 0, 0, 0, 0, 0), |a, f| {
                (
                    a.0 + f.gold,
                    a.1 + f.pred,
                    a.2 + f.matched_gold,
                    a.3 + f.matched_pred,
                    a.4 + f.values,
                    a.5 + f.values_correct,
                )
            })
    };
    let (g, p, mg, mp, _, _) = sum(COUNTED_EXTRACTORS);
    let (_, _, _, _, v, vc) = sum(COUNTED_PARSERS);
    let (pr, rc) = (ratio(mp, p), ratio(mg, g));
    report.timex_f = round1(f1(pr, rc));
    report.timex_value_acc = round1(ratio(vc, v));
    let secs = timing.1.as_secs_f64();
    report.words_per_s = if secs > 0.0 {
        (timing.0 as f64 / secs).round()
    } else {
        0.0
    };
    Ok(report)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl EvalReport {
    /// A plain-text table, one line per file, then the totals the issue asks for.
    pub fn table(&self) -> String {
        let mut s = format!(
            "TIMEX ({}) on Recognizers-Text DateTime specs\n{:<52} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>8} {:>6} {:>7} {:>8}\n",
            self.lang,
            "file",
            "cases",
            "gold",
            "pred",
            "P",
            "R",
            "F1",
            "F1 exact",
            "values",
            "value%",
            "left out"
        );
        for f in &self.files {
            s.push_str(&format!(
                "{:<52} {:>5} {:>5} {:>5} {:>6.1} {:>6.1} {:>6.1} {:>8.1} {:>6} {:>7} {:>8}\n",
                format!("{}{}", if f.counted { "* " } else { "  " }, f.file),
                f.cases,
                f.gold,
                f.pred,
                f.p,
                f.r,
                f.f1,
                f.strict_f1,
                f.values,
                if f.values > 0 {
                    format!("{:.1}", f.value_acc)
                } else {
                    "-".to_string()
                },
                f.unscorable,
            ));
        }
        s.push_str(&format!(
            "\n* counted (dates, date periods, durations, sets): extraction F1 {:.1} (extractor files), exact value accuracy {:.1}% (parser files)\n\
             values: expected values scored; left out: values that depend on a reference date the case does not give, or are not calendar days (see README)\n\
             speed on the spec sentences: {:.0} words/s\n",
            self.timex_f, self.timex_value_acc, self.words_per_s
        ));
        s
    }
}

// -------------------------------------------------------------------- reading

#[derive(Debug, Clone)]
struct Case {
    input: String,
    reference: Option<Date>,
    reference_raw: Option<String>,
    golds: Vec<Gold>,
}

#[derive(Debug, Clone)]
struct Gold {
    /// Character offsets [start, end).
    start: usize,
    end: usize,
    text: String,
    ty: String,
    /// TIMEX values the spec gives (several when it lists alternatives).
    timex: Vec<String>,
    /// Concrete [start, end) day intervals of the future and past resolutions.
    intervals: Vec<(Date, Date)>,
    /// Some resolution is not a calendar day (0001-01-01 or an impossible date).
    broken: bool,
}

fn read_cases(path: &Path) -> Result<Vec<Case>, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let raw = raw.trim_start_matches('\u{feff}');
    let v: Value = serde_json::from_str(raw).map_err(|source| EvalError::Json {
        path: path.to_path_buf(),
        source,
    })?;
    let arr = v.as_array().ok_or_else(|| EvalError::Format {
        path: path.to_path_buf(),
        msg: "top level is not an array".into(),
    })?;
    let mut out = Vec::with_capacity(arr.len());
    for c in arr {
        let Some(input) = c.get("Input").and_then(Value::as_str) else {
            return Err(EvalError::Format {
                path: path.to_path_buf(),
                msg: "a case has no Input".into(),
            });
        };
        let reference_raw = c
            .get("Context")
            .and_then(|x| x.get("ReferenceDateTime"))
            .and_then(Value::as_str)
            .map(|s| s.to_string());
        let reference = reference_raw
            .as_deref()
            .and_then(|s| s.get(..10))
            .and_then(|s| s.parse::<Date>().ok());
        let mut golds = Vec::new();
        for r in c
            .get("Results")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(g) = read_gold(input, r) {
                golds.push(g);
            }
        }
        out.push(Case {
            input: input.to_string(),
            reference,
            reference_raw,
            golds,
        });
    }
    Ok(out)
}

fn read_gold(input: &str, r: &Value) -> Option<Gold> {
    let text = r.get("Text").and_then(Value::as_str)?.to_string();
    let start = r
        .get("Start")
        .or_else(|| r.get("start"))
        .and_then(Value::as_u64)
        .unwrap_or(0) as usize;
    // Locate the text near the given offset (offsets are in UTF-16 units in the specs, and a
    // few are off by one); fall back to the first occurrence.
    let chars: Vec<char> = input.chars().collect();
    let tchars: Vec<char> = text.chars().collect();
    let lower = |c: &char| c.to_lowercase().next().unwrap_or(*c);
    let at = |s: usize| -> bool {
        s + tchars.len() <= chars.len()
            && chars[s..s + tchars.len()]
                .iter()
                .map(lower)
                .eq(tchars.iter().map(lower))
    };
    let pos = [start, start.saturating_sub(1), start + 1]
        .into_iter()
        .find(|&s| at(s))
        .or_else(|| (0..chars.len()).find(|&s| at(s)))
        .unwrap_or(start.min(chars.len()));
    let ty = r
        .get("Type")
        .or_else(|| r.get("TypeName"))
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim_start_matches("datetimeV2.")
        .to_string();
    let mut timex = Vec::new();
    let mut intervals = Vec::new();
    let mut broken = false;
    let mut add_res = |res: &Value, broken: &mut bool| {
        let d = |k: &str| res.get(k).and_then(Value::as_str);
        if let Some(x) = d("date").or_else(|| d("value").filter(|v| v.len() == 10)) {
            match x.parse::<Date>() {
                Ok(day) if day.year() > 1 => intervals.push((day, day.add_days(1))),
                _ => *broken = true,
            }
        }
        if let (Some(s), Some(e)) = (
            d("startDate").or_else(|| d("start")),
            d("endDate").or_else(|| d("end")),
        ) && let (Some(s), Some(e)) = (s.get(..10), e.get(..10))
        {
            match (s.parse::<Date>(), e.parse::<Date>()) {
                (Ok(s), Ok(e)) => intervals.push((s, e)),
                _ => *broken = true,
            }
        }
    };
    if let Some(val) = r.get("Value") {
        if let Some(t) = val.get("Timex").and_then(Value::as_str) {
            timex.extend(t.split('|').map(str::to_string));
        }
        for k in ["FutureResolution", "PastResolution"] {
            if let Some(res) = val.get(k) {
                add_res(res, &mut broken);
            }
        }
    }
    // Model files put resolutions in Resolution.values, merged-parser files in Value.values.
    if let Some(vals) = r
        .get("Resolution")
        .or_else(|| r.get("Value"))
        .and_then(|x| x.get("values"))
        .and_then(Value::as_array)
    {
        for v in vals {
            if let Some(t) = v.get("timex").and_then(Value::as_str) {
                for t in t.split('|') {
                    if !timex.iter().any(|x| x == t) {
                        timex.push(t.to_string());
                    }
                }
            }
            add_res(v, &mut broken);
        }
    }
    // A TIMEX naming an impossible day is a broken expectation too.
    for t in &timex {
        if t.len() == 10
            && t.as_bytes().get(4) == Some(&b'-')
            && !t.contains('X')
            && t.parse::<Date>().is_err()
        {
            broken = true;
        }
    }
    Some(Gold {
        start: pos,
        end: pos + tchars.len(),
        text,
        ty,
        timex,
        intervals,
        broken,
    })
}

// -------------------------------------------------------------------- scoring

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    Only(TimexType),
    All,
    /// DATE/DURATION/SET predictions against date, daterange, duration and set expectations.
    DatePeriodDurSet,
}

impl Filter {
    fn for_file(name: &str) -> Filter {
        if name.starts_with("DateTimeModel") || name.starts_with("Merged") {
            Filter::All
        } else if name.starts_with("DateTime") || name.starts_with("Time") {
            Filter::Only(TimexType::Time)
        } else if name.starts_with("Date") || name.starts_with("Holiday") {
            Filter::Only(TimexType::Date)
        } else if name.starts_with("Duration") {
            Filter::Only(TimexType::Duration)
        } else if name.starts_with("Set") {
            Filter::Only(TimexType::Set)
        } else {
            Filter::All
        }
    }
    fn keeps(self, t: TimexType) -> bool {
        match self {
            Filter::Only(x) => x == t,
            Filter::All => true,
            Filter::DatePeriodDurSet => t != TimexType::Time,
        }
    }
    fn keeps_gold(self, ty: &str) -> bool {
        match self {
            Filter::DatePeriodDurSet => matches!(ty, "date" | "daterange" | "duration" | "set"),
            _ => true,
        }
    }
}

struct Pred {
    start: usize,
    end: usize,
    value: String,
}

fn score_file(
    name: &str,
    cases: &[Case],
    lang: Lang,
    filter: Filter,
    opts: &EvalOptions,
    report: &mut EvalReport,
) -> FileReport {
    let counted = COUNTED_PARSERS.contains(&name) || COUNTED_EXTRACTORS.contains(&name);
    let mut fr = FileReport {
        file: name.to_string(),
        counted,
        cases: cases.len(),
        ..FileReport::default()
    };
    for c in cases {
        let times = find_times(&c.input, lang, c.reference);
        let preds: Vec<Pred> = times
            .iter()
            .filter(|t| filter.keeps(t.kind))
            .map(|t| Pred {
                start: c.input[..t.span.start as usize].chars().count(),
                end: c.input[..t.span.end as usize].chars().count(),
                value: t.value.clone(),
            })
            .collect();
        let golds: Vec<&Gold> = c
            .golds
            .iter()
            .filter(|g| filter.keeps_gold(&g.ty))
            .collect();
        fr.gold += golds.len();
        fr.pred += preds.len();
        let overlaps = |g: &Gold, p: &Pred| p.start < g.end && g.start < p.end;
        fr.matched_pred += preds
            .iter()
            .filter(|p| golds.iter().any(|g| overlaps(g, p)))
            .count();
        let mut wrong = false;
        for g in &golds {
            let best = preds
                .iter()
                .filter(|p| overlaps(g, p))
                .max_by_key(|p| p.end.min(g.end) - p.start.max(g.start));
            if best.is_some() {
                fr.matched_gold += 1;
            }
            if preds.iter().any(|p| p.start == g.start && p.end == g.end) {
                fr.exact_spans += 1;
            }
            let has_value = !g.timex.is_empty() || !g.intervals.is_empty();
            if !has_value {
                if best.is_none() {
                    wrong = true;
                }
                continue;
            }
            if !scorable(g, c) {
                fr.unscorable += 1;
                continue;
            }
            fr.values += 1;
            let correct = best.is_some_and(|p| value_matches(&p.value, g));
            if correct {
                fr.values_correct += 1;
            } else {
                wrong = true;
            }
            if opts.keep_records && counted {
                report.records.push(GoldRecord {
                    file: name.to_string(),
                    input: c.input.clone(),
                    reference: c.reference_raw.clone(),
                    start: g.start,
                    end: g.end,
                    text: g.text.clone(),
                    gold_type: g.ty.clone(),
                    gold_timex: g.timex.join("|"),
                    intervals: g
                        .intervals
                        .iter()
                        .map(|(s, e)| (s.to_string(), e.to_string()))
                        .collect(),
                    ours: best.map(|p| p.value.clone()),
                    correct,
                });
            }
        }
        if preds.iter().any(|p| !golds.iter().any(|g| overlaps(g, p))) {
            wrong = true;
        }
        if wrong && opts.keep_misses {
            report.misses.push(Miss {
                file: name.to_string(),
                input: c.input.clone(),
                reference: c.reference_raw.clone(),
                expected: golds
                    .iter()
                    .map(|g| format!("[{}] {}", g.text, g.timex.join("|")))
                    .collect(),
                got: times
                    .iter()
                    .filter(|t| filter.keeps(t.kind))
                    .map(|t| format!("[{}] {} {}", t.span.text(&c.input), t.value, t.rule))
                    .collect(),
            });
        }
    }
    fr.p = round1(ratio(fr.matched_pred, fr.pred));
    fr.r = round1(ratio(fr.matched_gold, fr.gold));
    fr.f1 = round1(f1(
        ratio(fr.matched_pred, fr.pred),
        ratio(fr.matched_gold, fr.gold),
    ));
    let sp = ratio(fr.exact_spans, fr.pred);
    let sr = ratio(fr.exact_spans, fr.gold);
    fr.strict_f1 = round1(f1(sp, sr));
    fr.value_acc = round1(ratio(fr.values_correct, fr.values));
    fr
}

/// Can this expected value be checked? Not when it is broken, nor when it depends on a
/// reference date the case does not give.
fn scorable(g: &Gold, c: &Case) -> bool {
    if g.broken {
        return false;
    }
    if c.reference.is_some() {
        return true;
    }
    let Some(t) = g.timex.first() else {
        return false;
    };
    // Durations, sets and times do not depend on a reference date.
    if t.starts_with('P') || t.starts_with('T') {
        return true;
    }
    // Otherwise every year in the value must be written in the sentence (a value with only X
    // for its year, such as XXXX-10-02, passes).
    let runs: Vec<&str> = c
        .input
        .split(|ch: char| !ch.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    let years = four_digit_years(t);
    (!years.is_empty() || t.contains('X'))
        && years.iter().all(|y| {
            runs.iter().any(|r| {
                r.parse::<i32>().ok() == Some(*y)
                    || (r.len() == 2 && r.parse::<i32>().ok() == Some(y % 100))
            })
        })
}

fn four_digit_years(t: &str) -> Vec<i32> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let j = (i..b.len())
                .find(|&k| !b[k].is_ascii_digit())
                .unwrap_or(b.len());
            if j - i == 4
                && let Ok(y) = t[i..j].parse()
            {
                out.push(y);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Is `ours` the expected value? See the module docs for the mapping.
fn value_matches(ours: &str, g: &Gold) -> bool {
    if g.timex.iter().any(|t| t == ours) {
        return true;
    }
    // Same interval: their X digits filled by one of their resolutions, or another notation
    // of the same period.
    if let Some((s, e)) = interval_of(ours) {
        if g.intervals.contains(&(s, e)) {
            return true;
        }
        // A fully specified expectation without resolutions (some model files): same interval.
        for t in &g.timex {
            if let Some(iv) = interval_of(t)
                && iv == (s, e)
            {
                return true;
            }
        }
    }
    // Their X year filled with the year of one of their resolutions ("end of March" XXXX-03,
    // resolved from 2018-03-16: our 2018-03).
    for t in &g.timex {
        if t.contains("XXXX")
            && g.intervals
                .iter()
                .any(|(s, _)| t.replacen("XXXX", &format!("{:04}", s.year()), 1) == ours)
        {
            return true;
        }
    }
    // Quarters and halves of an unknown year: (XXXX-07-01,XXXX-10-01,P3M) = our XXXX-Q3.
    if let Some(rest) = ours.strip_prefix("XXXX-")
        && rest.len() == 2
        && let Ok(n) = rest[1..].parse::<u32>()
    {
        let len = if rest.starts_with('Q') { 3 } else { 6 };
        let s = 1 + (n.saturating_sub(1)) * len;
        let e = s + len;
        let want = if e > 12 {
            format!("(XXXX-{s:02}-01,XXXX-01-01,P{len}M)")
        } else {
            format!("(XXXX-{s:02}-01,XXXX-{e:02}-01,P{len}M)")
        };
        if g.timex.contains(&want) {
            return true;
        }
    }
    // Decades written with unknown century: (XX70-01-01,XX80-01-01,P10Y) = our 197 or 207.
    for t in &g.timex {
        if let Some(rest) = t.strip_prefix("(XX")
            && rest.len() >= 2
            && ours.len() == 3
            && ours.as_bytes()[2] == rest.as_bytes()[0]
            && t.ends_with(",P10Y)")
        {
            return true;
        }
    }
    false
}

/// The [start, end) days a value of ours denotes, when it is a calendar interval.
fn interval_of(v: &str) -> Option<(Date, Date)> {
    use crate::cal::{add_months, iso_week_monday, ymd};
    if let Some(inner) = v.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        let mut it = inner.split(',');
        let s = it.next()?.parse::<Date>().ok()?;
        let e = it.next()?.parse::<Date>().ok()?;
        return Some((s, e));
    }
    let b = v.as_bytes();
    let year = |s: &str| -> Option<i32> {
        (s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match b.len() {
        3 if v.bytes().all(|c| c.is_ascii_digit()) => {
            let d: i32 = v.parse().ok()?;
            Some((ymd(d * 10, 1, 1)?, ymd(d * 10 + 10, 1, 1)?))
        }
        2 if v.bytes().all(|c| c.is_ascii_digit()) => {
            let c: i32 = v.parse().ok()?;
            Some((ymd(c * 100, 1, 1)?, ymd(c * 100 + 100, 1, 1)?))
        }
        4 => {
            let y = year(v)?;
            Some((ymd(y, 1, 1)?, ymd(y + 1, 1, 1)?))
        }
        7 if b[4] == b'-' && b[5] != b'W' && b[5] != b'Q' && b[5] != b'H' => {
            let y = year(&v[..4])?;
            let m: u32 = v[5..].parse().ok()?;
            let s = ymd(y, m, 1)?;
            Some((s, add_months(s, 1)?))
        }
        7 if b[4] == b'-' && (b[5] == b'Q' || b[5] == b'H') => {
            let y = year(&v[..4])?;
            let n: i32 = v[6..].parse().ok()?;
            let len = if b[5] == b'Q' { 3 } else { 6 };
            let s = ymd(y, (1 + (n - 1) * len) as u32, 1)?;
            Some((s, add_months(s, len)?))
        }
        8 if b[4] == b'-' && b[5] == b'W' => {
            let y = year(&v[..4])?;
            let w: u32 = v[6..].parse().ok()?;
            let s = iso_week_monday(y, w)?;
            Some((s, s.add_days(7)))
        }
        11 if v.ends_with("-WE") && b[5] == b'W' => {
            let y = year(&v[..4])?;
            let w: u32 = v[6..8].parse().ok()?;
            let s = iso_week_monday(y, w)?.add_days(5);
            Some((s, s.add_days(2)))
        }
        10 => {
            let d = v.parse::<Date>().ok()?;
            Some((d, d.add_days(1)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_of_our_values() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(
            interval_of("2016-Q3"),
            Some((d("2016-07-01"), d("2016-10-01")))
        );
        assert_eq!(
            interval_of("2016-W45"),
            Some((d("2016-11-07"), d("2016-11-14")))
        );
        assert_eq!(interval_of("197"), Some((d("1970-01-01"), d("1980-01-01"))));
        assert_eq!(interval_of("14"), Some((d("1400-01-01"), d("1500-01-01"))));
        assert_eq!(
            interval_of("2016-11"),
            Some((d("2016-11-01"), d("2016-12-01")))
        );
        assert_eq!(interval_of("P3D"), None);
    }

    #[test]
    fn years_in_values() {
        assert_eq!(
            four_digit_years("(2016-11-04,2016-11-22,P18D)"),
            vec![2016, 2016]
        );
        assert_eq!(four_digit_years("XXXX-10-02"), Vec::<i32>::new());
    }
}
