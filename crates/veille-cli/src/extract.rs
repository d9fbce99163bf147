//! `veille extract`: run the pipeline over files and print a summary or the JSON contract.

use anyhow::Result;
use std::io::Write;
use std::path::PathBuf;
use veille::Pipeline;
use veille_core::{Article, Doc};
use veille_ingest::IngestOptions;

/// One source that could not be coded: already printed, counted for the exit status.
pub struct Outcome {
    pub ok: usize,
    pub failed: usize,
}

/// Reads every source (paths, directories, `-`), reporting bad ones on stderr as one line each,
/// and hands each readable, supported article to `each`.
pub fn for_each_article(
    paths: &[PathBuf],
    opts: &IngestOptions,
    mut each: impl FnMut(Article) -> Result<()>,
) -> Result<Outcome> {
    let (files, errors) = veille_ingest::expand_paths(paths);
    let mut out = Outcome { ok: 0, failed: 0 };
    for e in &errors {
        eprintln!("veille: {e}");
        out.failed += 1;
    }
    for path in files {
        match veille_ingest::read_source(&path, opts) {
            Ok(article) => {
                if article.lang.is_none() {
                    let guess = veille_ingest::identify_language_with(
                        &article.text,
                        article.declared_lang.as_deref(),
                    );
                    match guess.unsupported() {
                        Some(what) => eprintln!(
                            "veille: {}: unsupported language ({what}); only French and English are coded",
                            path.display()
                        ),
                        None => eprintln!(
                            "veille: {}: language undetermined (too little text to tell French \
                             from English); pass --lang fr or --lang en to code it",
                            path.display()
                        ),
                    }
                    out.failed += 1;
                    continue;
                }
                each(article)?;
                out.ok += 1;
            }
            Err(e) => {
                // Bad inputs are reported even with --quiet: losing a file silently is worse.
                eprintln!("veille: {e}");
                out.failed += 1;
            }
        }
    }
    Ok(out)
}

pub fn run(paths: &[PathBuf], opts: &IngestOptions, json: bool) -> Result<Outcome> {
    let pipeline = Pipeline::new()?;
    let stdout = std::io::stdout();
    for_each_article(paths, opts, |article| {
        let doc = pipeline.process(&article);
        let mut out = stdout.lock();
        if json {
            serde_json::to_writer(&mut out, &veille::output::to_json(&article, &doc))?;
            writeln!(out)?;
        } else {
            write_summary(&mut out, &article, &doc)?;
        }
        Ok(())
    })
}

fn write_summary(out: &mut impl Write, article: &Article, doc: &Doc) -> std::io::Result<()> {
    let date = match (article.date, article.date_source) {
        (Some(d), Some(src)) => format!(
            "{d} (from {})",
            serde_json::to_value(src)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        ),
        _ => "undated (no --date, no date in metadata, none readable from the text)".to_string(),
    };
    writeln!(out, "{}", article.source)?;
    writeln!(
        out,
        "  id {} · {} · {} · {} sentences · {} words · {} times · {} events",
        &article.id[..12],
        article.lang.map_or("?", |l| l.code()),
        date,
        doc.sentences.len(),
        doc.words.len(),
        doc.times.len(),
        doc.events.len()
    )?;
    if let Some(t) = &article.title {
        writeln!(out, "  title: {t}")?;
    }
    if !doc.times.is_empty() {
        let times: Vec<String> = doc
            .times
            .iter()
            .map(|t| {
                format!(
                    "«{}» {} {}",
                    doc.span_text(t.span),
                    t.kind.as_str(),
                    t.value
                )
            })
            .collect();
        writeln!(out, "  times: {}", times.join(" · "))?;
    }
    for (i, e) in doc.events.iter().enumerate() {
        let target = e
            .target
            .as_ref()
            .map_or("—".to_string(), |t| t.code.clone());
        writeln!(
            out,
            "  [{}] {} {:<28} {} → {}  date {} ({})  {}",
            i + 1,
            e.cameo,
            veille::cameo_name(&e.cameo).unwrap_or(""),
            e.source.code,
            target,
            e.date.value.as_deref().unwrap_or("none"),
            e.date.from,
            e.plover.kind,
        )?;
        let ev: Vec<String> = e
            .evidence
            .iter()
            .map(|s| format!("«{}»", doc.span_text(*s)))
            .collect();
        writeln!(out, "      evidence {}  rule {}", ev.join(" "), e.rule)?;
    }
    writeln!(out)
}
