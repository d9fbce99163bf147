//! `veille events`: list stored events with filters, as a table, JSON or CSV.

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;
use veille_store::{EventFilter, EventRow, Store};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EventsFormat {
    Table,
    Json,
    Csv,
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn run(db: &Path, filter: &EventFilter, format: EventsFormat) -> Result<()> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such database (run `veille ingest` first, or pass --db)",
            db.display()
        );
    }
    let store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    let rows = store.events(filter)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match format {
        EventsFormat::Json => {
            for r in &rows {
                serde_json::to_writer(&mut out, r)?;
                writeln!(out)?;
            }
        }
        EventsFormat::Csv => {
            writeln!(
                out,
                "id,date,source,target,cameo,quad_class,goldstein,plover_type,plover_mode,num_mentions,num_articles,num_sources,evidence"
            )?;
            for r in &rows {
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{},{},{},{},{}",
                    r.id,
                    r.date.as_deref().unwrap_or(""),
                    csv_field(&r.source_code),
                    csv_field(r.target_code.as_deref().unwrap_or("")),
                    r.cameo,
                    r.quad_class,
                    r.goldstein,
                    csv_field(&r.plover_type),
                    csv_field(r.plover_mode.as_deref().unwrap_or("")),
                    r.num_mentions,
                    r.num_articles,
                    r.num_sources,
                    csv_field(&r.evidence)
                )?;
            }
        }
        EventsFormat::Table => write_table(&mut out, &rows)?,
    }
    Ok(())
}

fn write_table(out: &mut impl Write, rows: &[EventRow]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:>5}  {:<10}  {:<10} {:<10} {:<5} {:<26} {:>4} {:>4}  evidence",
        "id", "date", "source", "target", "cameo", "name", "ment", "art"
    )?;
    for r in rows {
        let name: String = veille::cameo_name(&r.cameo)
            .unwrap_or("")
            .chars()
            .take(26)
            .collect();
        let ev: String = r.evidence.chars().take(80).collect();
        writeln!(
            out,
            "{:>5}  {:<10}  {:<10} {:<10} {:<5} {:<26} {:>4} {:>4}  {}",
            r.id,
            r.date.as_deref().unwrap_or("undated"),
            r.source_code,
            r.target_code.as_deref().unwrap_or("—"),
            r.cameo,
            name,
            r.num_mentions,
            r.num_articles,
            ev
        )?;
    }
    writeln!(out, "({} events)", rows.len())
}
