//! Developer tool: codes PETRARCH validation records over their own UD parses and prints the
//! score and the records coded wrongly. `petrdev RECORDS.xml [N] [CATEGORY]`; records without
//! a parse are parsed by veille (`DICTS=DIR` reads the named dictionaries from DIR).
use veille_events::petrarch::{self, PetrarchDicts, Scores};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = std::path::Path::new(&args[1]);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
    let cat = args.get(3);
    let xml = std::fs::read_to_string(path).expect("records");
    let (env, recs) = petrarch::read_records(&xml);
    let dir = std::env::var("DICTS").ok();
    let base = dir
        .as_deref()
        .map(std::path::Path::new)
        .unwrap_or(path.parent().expect("dir"));
    let read = |f: &Option<String>| {
        std::fs::read_to_string(base.join(f.as_deref().expect("named"))).expect("dict")
    };
    let d = PetrarchDicts {
        verbs: petrarch::VerbDict::parse(&read(&env.verbs)).expect("verbs"),
        actors: petrarch::ActorDict::parse(&read(&env.actors)).expect("actors"),
        agents: petrarch::AgentDict::parse(&read(&env.agents)).expect("agents"),
        pico: env
            .pico
            .as_ref()
            .map(|_| petrarch::Pico::parse(&read(&env.pico)).expect("pico")),
        ..Default::default()
    };
    let mut s = Scores::default();
    let mut shown = 0;
    for r in recs.iter().filter(|r| r.evaluate) {
        let coded = if r.parse.is_empty() {
            let mut doc = veille_core::Doc::new(r.text.clone(), Some(veille_core::Lang::En), None);
            veille_nlp::analyze(&mut doc);
            let mut all = Vec::new();
            for s in &doc.sentences {
                let toks = s.tokens();
                let idx: Vec<usize> = (0..doc.words.len())
                    .filter(|&w| toks.contains(&(doc.words[w].token as usize)))
                    .collect();
                let first = idx.first().copied().unwrap_or(0);
                let ts: Vec<petrarch::Tok> = idx
                    .iter()
                    .map(|&w| {
                        let a = &doc.analyses[w];
                        petrarch::Tok {
                            form: doc.words[w].form(&doc.text).to_string(),
                            lemma: a.lemma.clone(),
                            upos: a.upos.as_str().into(),
                            head: a.head.map(|h| (h as usize).saturating_sub(first)),
                            deprel: a.deprel.clone(),
                            future: false,
                        }
                    })
                    .collect();
                all.extend(petrarch::code_sentence(&d, &ts, r.date));
            }
            all
        } else {
            petrarch::code_sentence(&d, &r.parse, r.date)
        };
        let ok = petrarch::score_record(&mut s, &r.expected, &coded);
        if !ok && shown < n && cat.is_none_or(|c| &r.category == c) {
            shown += 1;
            println!("{} [{}] {}", r.id, r.category, r.text);
            println!(
                "    expected: {:?}",
                r.expected
                    .iter()
                    .map(|e| format!("{} {} {}", e.source, e.target, e.code))
                    .collect::<Vec<_>>()
            );
            println!(
                "    coded:    {:?}",
                coded
                    .iter()
                    .map(|c| format!("{} {} {} {}", c.source, c.target, c.code, c.rule))
                    .collect::<Vec<_>>()
            );
            if std::env::var_os("PARSE").is_some() {
                for (i, t) in r.parse.iter().enumerate() {
                    println!(
                        "      {} {} {} {} {:?} {}",
                        i, t.form, t.lemma, t.upos, t.head, t.deprel
                    );
                }
            }
        }
    }
    println!(
        "records {} correct {:.1}% P {:.1} R {:.1} F {:.1}",
        s.records,
        s.accuracy(),
        s.precision(),
        s.recall(),
        s.f1()
    );
}
