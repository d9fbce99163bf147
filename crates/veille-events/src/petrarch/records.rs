//! PETRARCH validation records (`<Validation><Environment/><Sentences><Sentence …>`): the
//! dictionaries they name, each sentence's text, UD parse and expected codings; and scoring.

use super::coder::{Coding, Tok};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    pub verbs: Option<String>,
    pub actors: Option<String>,
    pub agents: Option<String>,
    /// The coding ontology (`<PICOfile>`), which says what negated acts code as.
    pub pico: Option<String>,
    /// The discard list (`<Discardfile>`).
    pub discards: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub source: String,
    pub target: String,
    pub code: String,
}

#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub category: String,
    /// `YYYYMMDD`.
    pub date: Option<u32>,
    pub evaluate: bool,
    /// Empty when the record expects no event.
    pub expected: Vec<Expected>,
    pub text: String,
    /// The record's own CoNLL-U parse, when it has one.
    pub parse: Vec<Tok>,
}

fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(a) = rest.find("<!--") {
        out.push_str(&rest[..a]);
        match rest[a..].find("-->") {
            Some(b) => rest = &rest[a + b + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!("{name}=\"");
    let a = tag.find(&pat)? + pat.len();
    let b = tag[a..].find('"')? + a;
    Some(unescape(&tag[a..b]))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn element<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let a = body.find(&open)? + open.len();
    let b = body[a..].find(&close)? + a;
    Some(&body[a..b])
}

fn conllu_rows(parse: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    for line in parse.lines() {
        let cols: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if cols.len() < 8 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let head: usize = cols[6].parse().unwrap_or(0);
        toks.push(Tok {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string().into(),
            head: head.checked_sub(1),
            deprel: cols[7].to_string(),
            future: false,
        });
    }
    toks
}

/// Reads a validation file. Unreadable parts of a record are left empty, never guessed.
pub fn read_records(xml: &str) -> (Environment, Vec<Record>) {
    let xml = strip_comments(xml);
    let env = element(&xml, "Environment").map_or_else(Environment::default, |e| Environment {
        verbs: element(e, "Verbfile").map(|s| s.trim().to_string()),
        actors: element(e, "Actorfile").map(|s| s.trim().to_string()),
        agents: element(e, "Agentfile").map(|s| s.trim().to_string()),
        pico: element(e, "PICOfile").map(|s| s.trim().to_string()),
        discards: element(e, "Discardfile").map(|s| s.trim().to_string()),
    });
    let mut out = Vec::new();
    let mut rest = xml.as_str();
    while let Some(a) = rest.find("<Sentence ") {
        let after = &rest[a..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let Some(end) = after.find("</Sentence>") else {
            break;
        };
        let body = &after[tag_end + 1..end];
        let mut expected = Vec::new();
        let mut b = body;
        while let Some(k) = b.find("<EventCoding") {
            let e = &b[k..];
            let close = e.find("/>").or_else(|| e.find('>')).unwrap_or(e.len());
            let t = &e[..close];
            if let (Some(s), Some(tg), Some(c)) = (
                attr(t, "sourcecode"),
                attr(t, "targetcode"),
                attr(t, "eventcode"),
            ) {
                expected.push(Expected {
                    source: s,
                    target: tg,
                    code: c,
                });
            }
            b = &e[close..];
        }
        out.push(Record {
            id: attr(tag, "id").unwrap_or_default(),
            category: attr(tag, "category").unwrap_or_default(),
            date: attr(tag, "date").and_then(|d| d.trim().parse().ok()),
            evaluate: attr(tag, "evaluate").is_none_or(|v| v != "false"),
            expected,
            text: element(body, "Text")
                .map(|t| unescape(&t.split_whitespace().collect::<Vec<_>>().join(" ")))
                .unwrap_or_default(),
            parse: element(body, "Parse").map(conllu_rows).unwrap_or_default(),
        });
        rest = &after[end..];
    }
    (env, out)
}

/// Scores over a set of records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub records: usize,
    /// Records whose coded set equals the expected set exactly.
    pub fully_correct: usize,
    pub expected: usize,
    pub coded: usize,
    pub matched: usize,
}

impl Scores {
    pub fn precision(&self) -> f64 {
        100.0 * self.matched as f64 / self.coded.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        100.0 * self.matched as f64 / self.expected.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn accuracy(&self) -> f64 {
        100.0 * self.fully_correct as f64 / self.records.max(1) as f64
    }
}

/// Adds one record's result to `s`; returns whether it was fully correct.
pub fn score_record(s: &mut Scores, expected: &[Expected], coded: &[Coding]) -> bool {
    let e: BTreeSet<(&str, &str, &str)> = expected
        .iter()
        .map(|x| (x.source.as_str(), x.target.as_str(), x.code.as_str()))
        .collect();
    let c: BTreeSet<(&str, &str, &str)> = coded
        .iter()
        .map(|x| (x.source.as_str(), x.target.as_str(), x.code.as_str()))
        .collect();
    s.records += 1;
    s.expected += e.len();
    s.coded += c.len();
    s.matched += e.intersection(&c).count();
    let ok = e == c;
    s.fully_correct += ok as usize;
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment>
<Sentences>
<!-- <Sentence id="COMMENTED"> -->
<Sentence category="DEMO" date="19950101" id="D-1" evaluate="true">
<EventCoding eventcode="042" sourcecode="OST" targetcode="WMK" />
<Text>
Osterland visited
Westmark.
</Text>
<Parse>
1	Osterland	Osterland	PROPN	NNP	_	2	nsubj	_	_
2	visited	visit	VERB	VBD	_	0	root	_	_
3	Westmark	Westmark	PROPN	NNP	_	2	dobj	_	_
</Parse>
</Sentence>
<Sentence category="DEMO" date="19950101" id="D-2" evaluate="false">
<EventCoding noevents="True" />
<Text>Nothing.</Text>
</Sentence>
</Sentences></Validation>"#;

    #[test]
    fn reads_records_and_scores() {
        let (env, recs) = read_records(XML);
        assert_eq!(env.verbs.as_deref(), Some("v.txt"));
        assert_eq!(env.agents, None);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].text, "Osterland visited Westmark.");
        assert_eq!(recs[0].parse.len(), 3);
        assert_eq!(recs[0].parse[2].head, Some(1));
        assert_eq!(recs[0].date, Some(19950101));
        assert!(!recs[1].evaluate && recs[1].expected.is_empty());
        let mut s = Scores::default();
        let coded = vec![Coding {
            source: "OST".into(),
            target: "WMK".into(),
            code: "042".into(),
            verb: 1,
            source_words: 0..1,
            target_words: 2..3,
            rule: "verb:1".into(),
        }];
        assert!(score_record(&mut s, &recs[0].expected, &coded));
        assert!(!score_record(&mut s, &recs[1].expected, &coded));
        assert_eq!(
            (s.records, s.fully_correct, s.matched, s.coded),
            (2, 1, 1, 2)
        );
        assert!((s.precision() - 50.0).abs() < 1e-9);
    }
}
