//! `veille`: turns news articles into a verifiable record of political events.
//!
//! This binary is glue: every behaviour lives in the library crates, which it calls through
//! their public APIs. Errors are reported as one line per input; the exit status is non-zero
//! only when nothing could be processed.

mod eval;
mod events;
mod extract;
mod ingest;
mod train;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

// glibc's allocator showed as a sixth of the whole pipeline's time (many short-lived token
// and feature vectors); mimalloc serves those from thread-local free lists.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "veille",
    version,
    about = "News articles in, political events out: who did what to whom, when and where, with evidence."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the pipeline over articles and print a summary, or the JSON output contract.
    Extract {
        /// Files or directories (recursively); `-` reads stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        /// `text`: a readable summary; `json`: one contract-v1 object per article, one per line.
        #[arg(long, value_enum, default_value = "text")]
        format: ExtractFormat,
    },
    /// Run the pipeline over articles and store them, their annotations and events (SQLite).
    Ingest {
        /// Files or directories (recursively); `-` reads stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        read: ReadArgs,
        /// The database file (created if missing).
        #[arg(long, default_value = "veille.db")]
        db: PathBuf,
        /// Articles per transaction.
        #[arg(long, default_value_t = 64)]
        batch: usize,
        /// No progress bar and no summary.
        #[arg(long, short)]
        quiet: bool,
        /// Print the summary as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// List stored events, deduplicated across articles, with filters.
    Events {
        #[arg(long, default_value = "veille.db")]
        db: PathBuf,
        /// Actor code or mention text contains this (case-insensitive): `MAR`, `GOV`, `ministre`.
        #[arg(long)]
        actor: Option<String>,
        /// ISO 3166 alpha-3 country of the source or the target: `MAR`.
        #[arg(long)]
        country: Option<String>,
        /// CAMEO code prefix: `05` matches 051…057.
        #[arg(long)]
        code: Option<String>,
        /// Events on or after this day (YYYY-MM-DD).
        #[arg(long)]
        since: Option<veille_core::Date>,
        /// Events on or before this day (YYYY-MM-DD).
        #[arg(long)]
        until: Option<veille_core::Date>,
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long, value_enum, default_value = "table")]
        format: events::EventsFormat,
    },
    /// Rebuild a shipped model from public training data, reproducibly.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Accuracy against gold data (CoNLL 2018 metrics), beside the peers' figures.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Rebuild the shipped gazetteer (crates/veille-geo/data/gazetteer.bin) from a GeoNames
    /// folder (cities15000.txt.xz, countryInfo.txt, admin1CodesASCII.txt, admin2Codes.txt.xz).
    BuildGazetteer {
        geonames: PathBuf,
        #[arg(long, default_value = "crates/veille-geo/data/gazetteer.bin")]
        out: PathBuf,
    },
    /// Rebuild the shipped English word clusters (crates/veille-nlp/models/clusters-en.bin)
    /// from a `word<TAB>path` file, which scripts/en_clusters.py extracts from spaCy's
    /// spacy-lookups-data package.
    BuildClusters {
        tsv: PathBuf,
        #[arg(long, default_value = "crates/veille-nlp/models/clusters-en.bin")]
        out: PathBuf,
    },
    /// Throughput of tokenize + tag + parse on one thread over a plain-text file (what
    /// bench/parse_vs_spacy.py compares with spaCy on the same text).
    Bench {
        /// A UTF-8 text file.
        path: PathBuf,
        #[arg(long)]
        lang: String,
        /// Runs; the fastest is reported (a shared machine is noisy).
        #[arg(long, default_value_t = 3)]
        repeat: usize,
        /// Each timed run processes the file this many times, as separate documents: a run
        /// on a short file lasts a few milliseconds, where the scheduler's noise dominates.
        #[arg(long, default_value_t = 1)]
        copies: usize,
        /// One JSON object on stdout.
        #[arg(long)]
        json: bool,
        /// Time named-entity recognition too (tokenize + tag + parse + NER).
        #[arg(long)]
        ner: bool,
        /// Time the whole pipeline of `veille extract` (all stages: tokenize, tag, parse, NER,
        /// times, places, events), the file as one article.
        #[arg(long, conflicts_with = "ner")]
        all: bool,
        /// Time only what entities need: tokenize + tag + NER, no parse.
        #[arg(long, conflicts_with_all = ["ner", "all"])]
        ner_only: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExtractFormat {
    Text,
    Json,
}

#[derive(Args)]
struct ReadArgs {
    /// The article date (YYYY-MM-DD); overrides the date in metadata.
    #[arg(long)]
    date: Option<veille_core::Date>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = veille_ingest::DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Read every input as HTML.
    #[arg(long, conflicts_with = "text")]
    html: bool,
    /// Read every input as plain text.
    #[arg(long)]
    text: bool,
    /// Code every input in this language (fr or en) instead of identifying it, for texts too
    /// short to identify (a headline, one sentence).
    #[arg(long)]
    lang: Option<String>,
}

impl ReadArgs {
    fn options(&self) -> Result<veille_ingest::IngestOptions> {
        let lang = match &self.lang {
            Some(l) => Some(veille_core::Lang::from_code(l).ok_or_else(|| {
                anyhow::anyhow!("unsupported language {l:?} for --lang: veille codes fr and en")
            })?),
            None => None,
        };
        Ok(veille_ingest::IngestOptions {
            lang,
            date: self.date,
            max_bytes: self.max_bytes,
            format: if self.html {
                Some(veille_ingest::Format::Html)
            } else if self.text {
                Some(veille_ingest::Format::Text)
            } else {
                None
            },
        })
    }
}

/// Exit status for a batch: failure only when nothing could be processed.
fn batch_status(o: &extract::Outcome) -> Result<()> {
    if o.ok == 0 && o.failed > 0 {
        anyhow::bail!("no input could be processed ({} failed)", o.failed);
    }
    Ok(())
}

#[derive(Subcommand)]
enum TrainCommand {
    /// The sentence-boundary model, from CoNLL-U treebanks' raw texts.
    Sentences {
        #[arg(long)]
        lang: String,
        /// Training treebanks (CoNLL-U).
        #[arg(long, required = true, num_args = 1..)]
        gold: Vec<PathBuf>,
        /// Development treebanks, scored after training (model selection).
        #[arg(long, num_args = 1..)]
        dev: Vec<PathBuf>,
        /// Where to write the model (the shipped ones: crates/veille-nlp/models/sent-LANG.bin).
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 6)]
        epochs: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// The French "des"/"du" model (contraction of "de" or article), from CoNLL-U treebanks'
    /// multiword tokens.
    Des {
        /// Training treebanks (CoNLL-U).
        #[arg(long, required = true, num_args = 1..)]
        gold: Vec<PathBuf>,
        /// Development treebanks, scored after training (model selection).
        #[arg(long, num_args = 1..)]
        dev: Vec<PathBuf>,
        /// Where to write the model (the shipped one: crates/veille-nlp/models/des-fr.bin).
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// The POS tagger, morphological features and lemmatizer, from CoNLL-U treebanks.
    Tagger {
        #[arg(long)]
        lang: String,
        /// Training treebanks (CoNLL-U).
        #[arg(long, required = true, num_args = 1..)]
        gold: Vec<PathBuf>,
        /// Development treebanks, scored on gold tokens after each epoch (model selection).
        #[arg(long, num_args = 1..)]
        dev: Vec<PathBuf>,
        /// Where to write the model (the shipped ones: crates/veille-nlp/models/tagger-LANG.bin).
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 14)]
        epochs: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Also train on copies of the sentences in the style of wire stories (see
        /// `train parser --news-leads`).
        #[arg(long)]
        news_leads: bool,
        /// Train this many taggers side by side, with seeds `seed`, `seed + 2`, …, and ship
        /// the sum of their weights (the ensemble of their scores, at the cost of one).
        #[arg(long, default_value_t = 1)]
        mix: usize,
    },
    /// The dependency parser, from CoNLL-U treebanks, on jackknifed tags of the tagger.
    Parser {
        #[arg(long)]
        lang: String,
        /// Training treebanks (CoNLL-U).
        #[arg(long, required = true, num_args = 1..)]
        gold: Vec<PathBuf>,
        /// Development treebanks, tagged by the shipped tagger and scored after each epoch;
        /// the epoch with the best LAS is kept.
        #[arg(long, num_args = 1..)]
        dev: Vec<PathBuf>,
        /// Where to write the model (the shipped ones: crates/veille-nlp/models/parser-LANG.bin).
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Folds for the training tags (each tagged by a tagger trained on the other folds);
        /// 1 trains on gold tags.
        #[arg(long, default_value_t = 5)]
        jackknife: usize,
        /// Epochs of each jackknife tagger.
        #[arg(long, default_value_t = 14)]
        tagger_epochs: usize,
        /// Also train on copies of the sentences in the style of wire stories, which web
        /// treebanks lack: a time phrase between the subject and the verb ("Denmark today
        /// accepted …") or a news subject ("Georgian President …", "A Japanese official …").
        #[arg(long)]
        news_leads: bool,
        /// Beam width: above 1 the transitions are trained globally with a beam (max-violation
        /// updates) and the model parses with it; 1 is the greedy parser.
        #[arg(long, default_value_t = 1)]
        beam: usize,
        /// Greedy epochs before the beam ones.
        #[arg(long, default_value_t = 2)]
        beam_from: usize,
        /// log2 of the rows of the transition weight table (4 bytes a row). Smaller tables
        /// parse faster, because the parser reads ~100 rows per transition at random and a
        /// table that stays in the processor's cache costs less per read; more features share
        /// a row, so accuracy may drop.
        #[arg(long, default_value_t = 20)]
        trans_bits: u32,
        /// log2 of the rows of the label weight table (64 bytes a row, one row per feature
        /// and word): the same trade-off as `--trans-bits`.
        #[arg(long, default_value_t = 15)]
        label_bits: u32,
        /// Train without the language's word clusters (for ablation; the shipped English
        /// parser reads them, French has none).
        #[arg(long)]
        no_clusters: bool,
        /// Train this many parsers side by side, with seeds `seed`, `seed + 1`, …, on the
        /// same sentences, and ship the sum of their weights: the ensemble of their scores,
        /// at the cost of one parser at run time (training takes one core per parser).
        #[arg(long, default_value_t = 1)]
        mix: usize,
        /// Train a right-to-left parser (it reads each sentence from its last word): the
        /// companion that `parser-en-r2l.bin` ships, combined with the left-to-right parser
        /// at parse time.
        #[arg(long)]
        reverse: bool,
        /// Drop (set to zero) every weight row whose quantized weights are all within
        /// ±PRUNE: the file keeps only non-zero rows, and such rows rarely change a
        /// decision (EWT dev, one parser: 5.9 MB and LAS 87.21 unpruned, 4.2 MB and 87.25
        /// at 1, 2.3 MB and 87.12 at 2). 0 keeps every row.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(i8).range(0..=127))]
        prune: i8,
    },
    /// The named-entity model (PER, LOC, ORG) with its name lists, from HIPE TSV, IOB2 or
    /// Europeana BIO files.
    Ner {
        #[arg(long)]
        lang: String,
        /// Training files (.tsv HIPE, .iob2, .bio).
        #[arg(long, required = true, num_args = 1..)]
        gold: Vec<PathBuf>,
        /// Development files, scored after training.
        #[arg(long, num_args = 1..)]
        dev: Vec<PathBuf>,
        /// Where to write the model (the shipped ones: crates/veille-nlp/models/ner-LANG.bin).
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// GeoNames folder (cities15000.txt.xz, countryInfo.txt) for the place list.
        #[arg(long)]
        geonames: Option<PathBuf>,
        /// PETRARCH dictionaries folder (Phoenix.*.actors.txt) for people and organisations.
        #[arg(long)]
        petrarch: Option<PathBuf>,
        /// The event coder's country dictionary (French and English names, capitals).
        #[arg(long, default_value = "crates/veille-events/data/countries.tsv")]
        countries: PathBuf,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Tokenization, multiword words and sentence splitting from raw text, against CoNLL-U.
    Tokenize(EvalTokenize),
    /// UPOS, features, lemmas and dependencies (UAS, LAS) against CoNLL-U, from raw text.
    Parse(EvalParse),
    /// Time expressions against Microsoft Recognizers-Text's DateTime specs: extraction F1
    /// and exact value accuracy per spec file.
    Time(EvalTime),
    /// Named entities against HIPE TSV (.tsv), IOB2 (.iob2) or BIO (.bio) gold: exact-span
    /// P/R/F per type, on the gold tokens.
    Ner(EvalNer),
    /// Toponym resolution given the gold spans (GeoWebNews, LGL, TR-News, GeoVirus): exact
    /// GeoNames id, country, within 161 km, coverage.
    /// Event coding against PETRARCH validation records (XML with expected codings and the
    /// dictionaries they name): records fully correct, coding P/R/F, per category.
    Events {
        /// Validation file(s): PETR_Validate_records_2_02.xml, PETR.UnitTest.records.xml.
        #[arg(long, required = true, num_args = 1..)]
        gold: Vec<PathBuf>,
        /// Code over the records' own UD parses instead of veille's parse of the raw text.
        #[arg(long)]
        gold_parse: bool,
        /// Verb, actor or agent dictionaries to use instead of those the file names.
        #[arg(long)]
        verbs: Option<PathBuf>,
        #[arg(long)]
        actors: Option<PathBuf>,
        #[arg(long)]
        agents: Option<PathBuf>,
        /// Discard list to use instead of the one the file names (records it matches code
        /// nothing).
        #[arg(long)]
        discards: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Print up to N records coded wrongly, with what was expected and coded.
        #[arg(long, default_value_t = 0)]
        misses: usize,
        /// Fail (exit 1) when the share of fully correct records is below this.
        #[arg(long)]
        min_correct: Option<f64>,
    },
    /// PLOVER gold-standard records (CAMEO manual examples, English): PLOVER type accuracy of
    /// the first event coded in each sentence, by veille's coder and, with `--verbs`, by the
    /// PETRARCH coder over veille's parse with the dictionaries given.
    Plover {
        /// PLOVER_GSR_CAMEO.json (a JSON array of records).
        #[arg(long)]
        gold: PathBuf,
        /// CAMEO2PLOVER-2021.txt, to map the PETRARCH coder's CAMEO codes to PLOVER types.
        #[arg(long)]
        map: Option<PathBuf>,
        /// PETRARCH verb dictionary (e.g. petrarch2's CAMEO.2.0.txt).
        #[arg(long)]
        verbs: Option<PathBuf>,
        /// PETRARCH actor dictionaries (several allowed).
        #[arg(long, num_args = 1..)]
        actors: Vec<PathBuf>,
        #[arg(long)]
        agents: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 0)]
        misses: usize,
        /// Fail (exit 1) when veille's PLOVER type accuracy is below this.
        #[arg(long)]
        min_type: Option<f64>,
    },
    /// French–English agreement on parallel news sentences (NTREX-128: English originals and
    /// French translations, one sentence per line): on the lines where either side codes an
    /// event, the share whose sets of (CAMEO root, source country, target country) are equal.
    Agreement {
        /// The English side (newstest2019-src.eng.txt).
        #[arg(long)]
        en: PathBuf,
        /// The French side, line-aligned (newstest2019-ref.fra.txt).
        #[arg(long)]
        fr: PathBuf,
        /// One document id per line (DOCUMENT_IDS.tsv): code each document as one article,
        /// as veille codes news, instead of each sentence alone.
        #[arg(long)]
        docs: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Print up to N lines where the two sides disagree.
        #[arg(long, default_value_t = 0)]
        misses: usize,
        /// Fail (exit 1) when the agreement is below this.
        #[arg(long)]
        min_agree: Option<f64>,
    },
    Geo {
        /// The geoparsing-gold folder.
        #[arg(long)]
        gold: PathBuf,
        #[arg(long)]
        json: bool,
        /// Fail (exit 1) when a corpus with a peer figure is below this ≤161 km accuracy.
        #[arg(long)]
        min_161km: Option<f64>,
        /// Print up to N toponyms resolved more than 161 km from the gold point (standard
        /// error), per corpus: the phrase, the gold place and ours.
        #[arg(long, default_value_t = 0)]
        misses: usize,
        /// Also score end to end: the places `veille extract` finds in the raw text (its NER
        /// and gazetteer matches, resolved) against the gold toponyms.
        #[arg(long)]
        end_to_end: bool,
    },
}

#[derive(Args)]
struct EvalNer {
    #[arg(long, required = true, num_args = 1..)]
    gold: Vec<PathBuf>,
    /// fr or en; by default from the file name.
    #[arg(long)]
    lang: Option<String>,
    #[arg(long)]
    json: bool,
    /// Fail (exit 1) when F1 (all types) is below this.
    #[arg(long)]
    min_f: Option<f64>,
}

#[derive(Args)]
struct EvalTime {
    /// The specs folder (holding French/ and English/) or one language's folder.
    #[arg(long)]
    gold: PathBuf,
    /// fr or en; both when absent.
    #[arg(long)]
    lang: Option<String>,
    /// One JSON object per language on stdout, with stable keys.
    #[arg(long)]
    json: bool,
    /// Add the cases we get wrong (table: after it; JSON: a `misses` array).
    #[arg(long)]
    misses: bool,
    /// Fail (exit 1) when the exact value accuracy is below this.
    #[arg(long)]
    min_value_acc: Option<f64>,
    /// Fail (exit 1) when the extraction F1 is below this.
    #[arg(long)]
    min_timex_f: Option<f64>,
}

#[derive(Args)]
struct EvalParse {
    /// Gold CoNLL-U file(s).
    #[arg(long, required = true, num_args = 1..)]
    gold: Vec<PathBuf>,
    /// Language (fr, en); by default from the file name (fr_…, en_…).
    #[arg(long)]
    lang: Option<String>,
    /// Tag and parse the gold words and sentences instead of segmenting the raw text.
    #[arg(long)]
    gold_tokens: bool,
    /// One JSON object per gold file on stdout, with stable keys.
    #[arg(long)]
    json: bool,
    /// Fail (exit 1) when UPOS is below this.
    #[arg(long)]
    min_upos: Option<f64>,
    /// Fail (exit 1) when LEMMA is below this.
    #[arg(long)]
    min_lemma: Option<f64>,
    /// Fail (exit 1) when UAS is below this (or when there is no parse).
    #[arg(long)]
    min_uas: Option<f64>,
    /// Fail (exit 1) when LAS is below this (or when there is no parse).
    #[arg(long)]
    min_las: Option<f64>,
}

#[derive(Args)]
struct EvalTokenize {
    /// Gold CoNLL-U file(s); the raw text is rebuilt from them as UD releases it.
    #[arg(long, required = true, num_args = 1..)]
    gold: Vec<PathBuf>,
    /// Language (fr, en); by default from the file name (fr_…, en_…).
    #[arg(long)]
    lang: Option<String>,
    /// One JSON object per gold file on stdout, with stable keys.
    #[arg(long)]
    json: bool,
    /// Fail (exit 1) when Words F1 is below this.
    #[arg(long)]
    min_words_f: Option<f64>,
    /// Fail (exit 1) when SENT F1 is below this.
    #[arg(long)]
    min_sents_f: Option<f64>,
    /// Fail (exit 1) when TOK F1 is below this.
    #[arg(long)]
    min_tokens_f: Option<f64>,
    /// Print up to N token and N sentence-boundary errors to stderr, each in its context.
    #[arg(long, default_value_t = 0)]
    misses: usize,
}

/// Whether an error is only stdout having been closed (`veille events | head`): not a failure.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> std::process::ExitCode {
    // A panic is a bug; the user gets one readable line, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "veille: internal error ({info}); please report it with the input that caused it"
        );
    }));
    let cli = Cli::parse();
    let result: Result<()> = match cli.command {
        Command::Extract {
            paths,
            read,
            format,
        } => read
            .options()
            .and_then(|opts| extract::run(&paths, &opts, format == ExtractFormat::Json))
            .and_then(|o| batch_status(&o)),
        Command::Ingest {
            paths,
            read,
            db,
            batch,
            quiet,
            json,
        } => read
            .options()
            .and_then(|opts| {
                ingest::run(ingest::IngestArgs {
                    paths: &paths,
                    db: &db,
                    opts,
                    batch: batch.max(1),
                    quiet,
                    json,
                })
            })
            .and_then(|o| batch_status(&o)),
        Command::Events {
            db,
            actor,
            country,
            code,
            since,
            until,
            limit,
            format,
        } => events::run(
            &db,
            &veille_store::EventFilter {
                actor,
                country,
                code,
                since,
                until,
                limit,
            },
            format,
        ),
        Command::Train(TrainCommand::Sentences {
            lang,
            gold,
            dev,
            out,
            epochs,
            seed,
        }) => train::sentences(&lang, &gold, &dev, &out, epochs, seed),
        Command::Train(TrainCommand::Des {
            gold,
            dev,
            out,
            epochs,
            seed,
        }) => train::des(&gold, &dev, &out, epochs, seed),
        Command::Train(TrainCommand::Tagger {
            lang,
            gold,
            dev,
            out,
            epochs,
            seed,
            news_leads,
            mix,
        }) => train::tagger(&train::TaggerArgs {
            lang: &lang,
            gold: &gold,
            dev: &dev,
            out: &out,
            epochs,
            seed,
            news_leads,
            mix,
        }),
        Command::Train(TrainCommand::Parser {
            lang,
            gold,
            dev,
            out,
            epochs,
            seed,
            jackknife,
            tagger_epochs,
            news_leads,
            beam,
            beam_from,
            trans_bits,
            label_bits,
            no_clusters,
            mix,
            reverse,
            prune,
        }) => train::parser(&train::ParserArgs {
            lang: &lang,
            gold: &gold,
            dev: &dev,
            out: &out,
            epochs,
            seed,
            jackknife,
            tagger_epochs,
            news_leads,
            beam,
            beam_from,
            trans_bits,
            label_bits,
            no_clusters,
            mix,
            reverse,
            prune,
        }),
        Command::Train(TrainCommand::Ner {
            lang,
            gold,
            dev,
            out,
            epochs,
            seed,
            geonames,
            petrarch,
            countries,
        }) => train::ner(&train::NerArgs {
            lang: &lang,
            gold: &gold,
            dev: &dev,
            out: &out,
            epochs,
            seed,
            lists: train::ListSources {
                geonames: geonames.as_deref(),
                petrarch: petrarch.as_deref(),
                countries: Some(&countries),
            },
        }),
        Command::Eval(EvalCommand::Parse(a)) => eval::parse(
            &a.gold,
            a.lang.as_deref(),
            a.gold_tokens,
            a.json,
            &eval::ParseThresholds {
                min_upos: a.min_upos,
                min_lemma: a.min_lemma,
                min_uas: a.min_uas,
                min_las: a.min_las,
            },
        ),
        Command::Bench {
            path,
            lang,
            repeat,
            copies,
            json,
            ner,
            all,
            ner_only,
        } => {
            let stages = if all {
                eval::BenchStages::All
            } else if ner_only {
                eval::BenchStages::NerOnly
            } else if ner {
                eval::BenchStages::Ner
            } else {
                eval::BenchStages::Parse
            };
            eval::bench(&path, &lang, repeat, copies, json, stages)
        }
        Command::Eval(EvalCommand::Events {
            gold,
            gold_parse,
            verbs,
            actors,
            agents,
            discards,
            json,
            misses,
            min_correct,
        }) => eval::events(&eval::EventsArgs {
            gold: &gold,
            gold_parse,
            verbs: verbs.as_deref(),
            actors: actors.as_deref(),
            agents: agents.as_deref(),
            discards: discards.as_deref(),
            json,
            misses,
            min_correct,
        }),
        Command::Eval(EvalCommand::Plover {
            gold,
            map,
            verbs,
            actors,
            agents,
            json,
            misses,
            min_type,
        }) => eval::plover(&eval::PloverArgs {
            gold: &gold,
            map: map.as_deref(),
            verbs: verbs.as_deref(),
            actors: &actors,
            agents: agents.as_deref(),
            json,
            misses,
            min_type,
        }),
        Command::Eval(EvalCommand::Agreement {
            en,
            fr,
            docs,
            json,
            misses,
            min_agree,
        }) => eval::agreement(&en, &fr, docs.as_deref(), json, misses, min_agree),
        Command::Eval(EvalCommand::Geo {
            gold,
            json,
            min_161km,
            misses,
            end_to_end,
        }) => eval::geo(&gold, json, min_161km, misses).and_then(|()| {
            if end_to_end {
                eval::geo_end_to_end(&gold, json, misses)
            } else {
                Ok(())
            }
        }),
        Command::BuildGazetteer { geonames, out } => veille_geo::builder::build(&geonames)
            .map_err(|e| anyhow::anyhow!("{}: {e}", geonames.display()))
            .and_then(|bytes| {
                std::fs::write(&out, &bytes)
                    .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", out.display()))?;
                eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
                Ok(())
            }),
        Command::BuildClusters { tsv, out } => train::build_clusters(&tsv, &out),
        Command::Eval(EvalCommand::Ner(a)) => eval::ner(&eval::NerArgs {
            gold: &a.gold,
            lang: a.lang.as_deref(),
            json: a.json,
            min_f: a.min_f,
        }),
        Command::Eval(EvalCommand::Time(a)) => eval::time(&eval::TimeArgs {
            gold: &a.gold,
            lang: a.lang.as_deref(),
            json: a.json,
            misses: a.misses,
            min_value_acc: a.min_value_acc,
            min_timex_f: a.min_timex_f,
        }),
        Command::Eval(EvalCommand::Tokenize(a)) => eval::tokenize(
            &a.gold,
            a.lang.as_deref(),
            a.json,
            a.misses,
            &eval::Thresholds {
                min_words_f: a.min_words_f,
                min_sents_f: a.min_sents_f,
                min_tokens_f: a.min_tokens_f,
            },
        ),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("veille: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
