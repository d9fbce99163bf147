//! HTML pages: the article body as plain text, and the metadata around it.
//!
//! The body comes from `dom_smoothie` (a port of Mozilla's Readability, the algorithm behind
//! Firefox's reader view), which finds the main content and drops menus, teasers and ads. Its
//! output is HTML again; we turn it into text ourselves so that the layout rules are ours and
//! stable: one paragraph per block separated by a blank line, list items on their own lines,
//! whitespace collapsed the way a browser renders it. When Readability finds nothing, we fall
//! back on the paragraphs of `<article>`, `<main>` or `<body>`.
//!
//! Metadata is read with `scraper` in one pass over the page: titles, canonical URL,
//! publication date (meta tags, JSON-LD, `<time>`), declared language.
//!
//! Both parsers are html5ever, which accepts any input the way browsers do. No step here
//! recurses over the tree, so nesting cannot overflow the stack; nesting deep enough to make
//! parsing itself slow is refused before parsing (see [`estimate_depth`]).

use crate::date::parse_date;
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::node::Element;
use scraper::{Html, Node};
use std::collections::VecDeque;
use veille_core::Date;

/// Pages with more elements than this skip Readability (its scoring is superlinear) and use
/// the paragraph fallback. Real news pages have a few thousand.
const MAX_ELEMENTS: usize = 100_000;

/// Pages nested deeper than this skip Readability too: its cost grows steeply with depth
/// (half a second for one 512-deep nest), and no real page comes close. Chrome's parser
/// flattens anything deeper than 512 levels, so pages cannot rely on more.
const MAX_DEPTH: usize = 512;

/// Pages whose estimated nesting exceeds this are refused before parsing: html5ever checks
/// element scopes by walking the stack of open elements, so parsing a nest of depth `d` costs
/// `d²` (20 000 nested `<div>` take seconds, a few MiB of them would take hours).
pub(crate) const MAX_PARSE_DEPTH: usize = 1024;

/// What an HTML page yields.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Page {
    /// The body text; empty when nothing could be extracted.
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub date: Option<Date>,
    /// The declared language, verbatim (`fr-FR`, `en_GB`, …).
    pub lang: Option<String>,
}

pub(crate) fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let meta = Metadata::read(&doc);
    let text = if meta.elements <= MAX_ELEMENTS && meta.max_depth <= MAX_DEPTH {
        readability_text(html)
    } else {
        None
    };
    let text = text.or_else(|| fallback_text(&doc)).unwrap_or_default();
    Page {
        text,
        title: meta.title(),
        url: meta.url(),
        date: meta.date(),
        lang: meta.lang(),
    }
}

/// A cheap upper estimate of the element nesting depth of `html`, from the tags alone.
///
/// Elements that HTML closes implicitly (`p`, `li`, `td`, …) and void elements do not count,
/// so that sloppy but ordinary pages stay far below [`MAX_PARSE_DEPTH`]; the content of
/// `script`, `style` and other raw-text elements is skipped, as the parser does.
pub(crate) fn estimate_depth(html: &str) -> usize {
    const NOT_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "td", "th", "tr", "thead",
        "tbody", "tfoot", "option", "optgroup", "rp", "rt", "colgroup", "caption",
    ];
    const RAW_TEXT: &[&str] = &[
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    ];
    let b = html.as_bytes();
    let find = |from: usize, needle: &[u8]| -> usize {
        b.get(from..)
            .and_then(|rest| {
                rest.windows(needle.len())
                    .position(|w| w.eq_ignore_ascii_case(needle))
            })
            .map_or(b.len(), |p| from + p)
    };
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| c == b'<'))
    {
        i += off + 1;
        if b.get(i..).is_some_and(|r| r.starts_with(b"!--")) {
            i = find(i, b"-->");
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = b.get(name_start..).map_or(0, |r| {
            r.iter().take_while(|c| c.is_ascii_alphanumeric()).count()
        });
        if name_len == 0 {
            continue;
        }
        let name = html
            .get(name_start..name_start + name_len)
            .unwrap_or("")
            .to_ascii_lowercase();
        let end = find(name_start, b">");
        if closing {
            if !NOT_NESTING.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
        } else if RAW_TEXT.contains(&name.as_str()) {
            // Skip the content and the closing tag, which must not count as a close.
            let close = format!("</{name}");
            i = find(find(end, close.as_bytes()), b">");
            continue;
        } else {
            let self_closing = end > 0 && b.get(end - 1) == Some(&b'/');
            if !self_closing && !NOT_NESTING.contains(&name.as_str()) {
                depth += 1;
                max = max.max(depth);
            }
        }
        i = end;
    }
    max
}

/// The main text according to Readability, or `None` if it failed or found no text.
fn readability_text(html: &str) -> Option<String> {
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    // Readability is third-party code run on untrusted input; a panic in it must cost us the
    // extraction of one page (we fall back), not the batch.
    let content = std::panic::catch_unwind(|| {
        let doc = dom_query::Document::from(html);
        // Readability turns `<div class="pub">` into a bare `<p>`, after which nothing tells
        // an ad from a paragraph: remove the widgets first.
        if let Some(marked) = doc.try_select("[class], [id]") {
            for node in marked.nodes() {
                let name = node.node_name().unwrap_or_default();
                let class = node.attr("class");
                let id = node.attr("id");
                if is_boilerplate(&name, class.as_deref(), id.as_deref()) {
                    node.remove_from_parent();
                }
            }
        }
        let mut readability =
            dom_smoothie::Readability::with_document(doc, None, Some(config)).ok()?;
        let article = readability.parse().ok()?;
        Some(article.content.to_string())
    })
    .ok()
    .flatten()?;
    let fragment = Html::parse_fragment(&content);
    let text = blocks_to_text(walk(fragment.tree.root(), Mode::All));
    (!text.is_empty()).then_some(text)
}

/// The paragraphs of the first of `<article>` (the one with the most text if there are
/// several), `<main>` and `<body>` that has any.
fn fallback_text(doc: &Html) -> Option<String> {
    let elements = || doc.tree.nodes().filter(|n| n.value().is_element());
    // Each candidate is walked in full; the cap keeps nested containers from making this
    // quadratic, and no real page has more than a few.
    let named = |name: &'static str| {
        elements()
            .filter(move |n| n.value().as_element().is_some_and(|e| e.name() == name))
            .take(64)
    };
    let best_article = named("article")
        .map(|n| blocks_to_text(walk(n, Mode::Paragraphs)))
        .max_by_key(String::len)
        .filter(|t| !t.is_empty());
    best_article
        .or_else(|| {
            named("main")
                .map(|n| blocks_to_text(walk(n, Mode::Paragraphs)))
                .find(|t| !t.is_empty())
        })
        .or_else(|| {
            named("body")
                .map(|n| blocks_to_text(walk(n, Mode::Paragraphs)))
                .find(|t| !t.is_empty())
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// All text outside dropped elements (Readability's output is already the article).
    All,
    /// Only text inside `p`, `h1`–`h6`, `li` (raw pages: loose text is menus and widgets).
    Paragraphs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    /// A paragraph or heading: separated from its neighbours by a blank line.
    Paragraph,
    /// A list item or table row: consecutive lines are separated by a single newline.
    Line,
}

/// Elements whose content is never article text.
fn is_dropped(el: &Element) -> bool {
    const DROPPED: &[&str] = &[
        "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
        "select", "textarea", "iframe", "svg", "math", "canvas", "object", "embed", "audio",
        "video", "figure", "head", "title", "dialog", "menu",
    ];
    DROPPED.contains(&el.name())
        || el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || is_boilerplate(el.name(), el.attr("class"), el.attr("id"))
}

/// Whether `class` or `id` mark an advertising or sharing widget. Whole words only ("pub",
/// not "publication"), and never on the big containers a site may label `has-ads`.
fn is_boilerplate(name: &str, class: Option<&str>, id: Option<&str>) -> bool {
    const BOILERPLATE: &[&str] = &[
        "ad",
        "ads",
        "advert",
        "advertisement",
        "adsbygoogle",
        "pub",
        "publicite",
        "publicité",
        "sponsored",
        "outbrain",
        "taboola",
        "newsletter",
        "share",
        "sharing",
        "social",
        "related",
        "cookie",
        "cookies",
        "promo",
        "paywall",
    ];
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    class
        .into_iter()
        .chain(id)
        .flat_map(|v| v.split(|c: char| c.is_whitespace() || c == '-' || c == '_'))
        .any(|w| BOILERPLATE.contains(&w.to_lowercase().as_str()))
}

/// Elements that end the current line of text (a browser would start a new box).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

fn is_paragraph(name: &str) -> bool {
    matches!(name, "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li")
}

fn is_line(name: &str) -> bool {
    matches!(name, "li" | "tr" | "dt" | "dd")
}

/// Browsers collapse these (and only these) in ordinary text; a no-break space is content,
/// and French typography puts one before `:` and inside `« »`.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// Accumulates the text of one walk, block by block.
struct Blocks {
    blocks: Vec<(BlockKind, String)>,
    current: String,
    pending_space: bool,
    /// Depth inside `li`/`tr`/`dt`/`dd`: blocks closed there are lines, not paragraphs.
    lines: usize,
    /// Depth inside `p`/`h*`/`li` (what [`Mode::Paragraphs`] keeps).
    paragraphs: usize,
    /// Depth inside `pre`, where line breaks are content.
    pre: usize,
}

impl Blocks {
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if self.pre > 0 && c == '\n' {
                self.line_break();
            } else if is_html_space(c) {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
                    self.current.push(' ');
                }
                self.pending_space = false;
                self.current.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        if !self.current.is_empty() {
            self.current.push('\n');
        }
        self.pending_space = false;
    }

    fn flush(&mut self) {
        self.pending_space = false;
        if self.current.is_empty() {
            return;
        }
        let kind = if self.lines > 0 {
            BlockKind::Line
        } else {
            BlockKind::Paragraph
        };
        // `<br>` runs leave empty lines; a paragraph has none.
        let text = self
            .current
            .split('\n')
            .map(str::trim_end)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        self.current.clear();
        if !text.is_empty() {
            self.blocks.push((kind, text));
        }
    }
}

/// Walks the subtree under `root` in document order, without recursion.
fn walk(root: NodeRef<'_, Node>, mode: Mode) -> Vec<(BlockKind, String)> {
    let mut b = Blocks {
        blocks: Vec::new(),
        current: String::new(),
        pending_space: false,
        lines: 0,
        paragraphs: 0,
        pre: 0,
    };
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        if is_dropped(el) {
                            skipping = Some(node.id());
                            continue;
                        }
                        let name = el.name();
                        if name == "br" {
                            b.line_break();
                        } else if matches!(name, "td" | "th") {
                            b.pending_space = true;
                        }
                        if is_block(name) {
                            b.flush();
                        }
                        b.lines += usize::from(is_line(name));
                        b.paragraphs += usize::from(is_paragraph(name));
                        b.pre += usize::from(name == "pre");
                    }
                    Node::Text(t) if mode == Mode::All || b.paragraphs > 0 => b.push_text(t),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if is_block(name) {
                        b.flush();
                    }
                    b.lines = b.lines.saturating_sub(usize::from(is_line(name)));
                    b.paragraphs = b.paragraphs.saturating_sub(usize::from(is_paragraph(name)));
                    b.pre = b.pre.saturating_sub(usize::from(name == "pre"));
                }
            }
        }
    }
    b.flush();
    b.blocks
}

/// Paragraphs separated by a blank line; consecutive lines (list items) by one newline.
fn blocks_to_text(blocks: Vec<(BlockKind, String)>) -> String {
    let mut out = String::new();
    let mut previous: Option<BlockKind> = None;
    for (kind, text) in blocks {
        if let Some(prev) = previous {
            out.push_str(if prev == BlockKind::Line && kind == BlockKind::Line {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(&text);
        previous = Some(kind);
    }
    out
}

/// Whitespace-collapsed text of a node, for titles.
fn inline_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            out.push_str(t);
            out.push(' ');
        }
    }
    collapse(&out)
}

fn collapse(s: &str) -> String {
    s.split(is_html_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn non_empty(s: Option<&str>) -> Option<String> {
    let s = collapse(s?);
    (!s.is_empty()).then_some(s)
}

/// Meta-tag keys (`property`, `name` or `itemprop`, lowercased) that carry the publication
/// date, most trusted first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "date",
    "pubdate",
    "publishdate",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "datepublished",
];

/// Everything one pass over the page collects; the accessors pick the best candidate.
#[derive(Default)]
struct Metadata {
    elements: usize,
    max_depth: usize,
    og_title: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    canonical: Vec<String>,
    og_url: Option<String>,
    /// (index in [`DATE_KEYS`], value)
    meta_dates: Vec<(usize, String)>,
    /// `itemprop="datePublished"` on a non-meta element (`<time>`, `<span>`).
    itemprop_date: Option<String>,
    json_ld: Vec<String>,
    time_in_article: Option<String>,
    html_lang: Option<String>,
    http_equiv_lang: Option<String>,
    og_locale: Option<String>,
}

impl Metadata {
    fn read(doc: &Html) -> Metadata {
        let mut m = Metadata::default();
        let (mut depth, mut in_article, mut in_svg) = (0usize, 0usize, 0usize);
        for edge in doc.tree.root().traverse() {
            let node = match edge {
                Edge::Open(node) => node,
                Edge::Close(node) => {
                    if let Node::Element(el) = node.value() {
                        depth = depth.saturating_sub(1);
                        in_article = in_article.saturating_sub(usize::from(el.name() == "article"));
                        in_svg = in_svg.saturating_sub(usize::from(el.name() == "svg"));
                    }
                    continue;
                }
            };
            let Node::Element(el) = node.value() else {
                continue;
            };
            m.elements += 1;
            depth += 1;
            m.max_depth = m.max_depth.max(depth);
            let name = el.name();
            in_article += usize::from(name == "article");
            in_svg += usize::from(name == "svg");
            match name {
                "html" if m.html_lang.is_none() => {
                    m.html_lang = non_empty(el.attr("lang").or_else(|| el.attr("xml:lang")));
                }
                "meta" => m.read_meta(el),
                "title" if in_svg == 0 && m.title.is_none() => {
                    m.title = non_empty(Some(&inline_text(node)));
                }
                "h1" if m.h1.is_none() => m.h1 = non_empty(Some(&inline_text(node))),
                "link" => {
                    let rel = el.attr("rel").unwrap_or("");
                    if rel
                        .split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                    {
                        m.canonical.extend(non_empty(el.attr("href")));
                    }
                }
                "script" => {
                    let ty = el.attr("type").unwrap_or("").trim();
                    if ty.eq_ignore_ascii_case("application/ld+json") {
                        let mut json = String::new();
                        for c in node.children() {
                            if let Node::Text(t) = c.value() {
                                json.push_str(t);
                            }
                        }
                        m.json_ld.push(json);
                    }
                }
                _ => {}
            }
            if name != "meta"
                && m.itemprop_date.is_none()
                && el
                    .attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
            {
                m.itemprop_date = non_empty(
                    el.attr("datetime")
                        .or_else(|| el.attr("content"))
                        .or(Some(&inline_text(node))),
                );
            }
            if name == "time" && in_article > 0 && m.time_in_article.is_none() {
                m.time_in_article = non_empty(el.attr("datetime"));
            }
        }
        m
    }

    fn read_meta(&mut self, el: &Element) {
        let content = el.attr("content");
        if let Some(equiv) = el.attr("http-equiv") {
            if equiv.eq_ignore_ascii_case("content-language") && self.http_equiv_lang.is_none() {
                self.http_equiv_lang = non_empty(content);
            }
            return;
        }
        let Some(key) = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
        else {
            return;
        };
        let key = key.trim().to_ascii_lowercase();
        let Some(value) = non_empty(content) else {
            return;
        };
        match key.as_str() {
            "og:title" if self.og_title.is_none() => self.og_title = Some(value),
            "og:url" if self.og_url.is_none() => self.og_url = Some(value),
            "og:locale" if self.og_locale.is_none() => self.og_locale = Some(value),
            _ => {
                if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key) {
                    self.meta_dates.push((rank, value));
                }
            }
        }
    }

    fn title(&self) -> Option<String> {
        self.og_title
            .clone()
            .or_else(|| self.title.clone())
            .or_else(|| self.h1.clone())
    }

    /// The canonical URL, preferring absolute ones: a relative `href` is still worth keeping
    /// when it is all there is.
    fn url(&self) -> Option<String> {
        let candidates = || self.canonical.iter().chain(self.og_url.iter());
        let absolute = |u: &&String| u.starts_with("http://") || u.starts_with("https://");
        candidates()
            .find(absolute)
            .or_else(|| candidates().next())
            .cloned()
    }

    fn date(&self) -> Option<Date> {
        let mut meta = self.meta_dates.clone();
        meta.sort_by_key(|(rank, _)| *rank);
        meta.iter()
            .find_map(|(_, v)| parse_date(v))
            .or_else(|| self.itemprop_date.as_deref().and_then(parse_date))
            .or_else(|| self.json_ld.iter().find_map(|j| json_ld_date(j)))
            .or_else(|| self.time_in_article.as_deref().and_then(parse_date))
    }

    fn lang(&self) -> Option<String> {
        self.html_lang
            .clone()
            .or_else(|| self.http_equiv_lang.clone())
            .or_else(|| self.og_locale.clone())
    }
}

/// The first parseable `datePublished` in a JSON-LD block, searched breadth first so that the
/// top-level object wins over nested ones; `@graph` arrays are just nested values.
fn json_ld_date(raw: &str) -> Option<Date> {
    // Some CMSs wrap the JSON in HTML comments or CDATA markers.
    let cleaned = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    let value: serde_json::Value = serde_json::from_str(cleaned).ok()?;
    let mut queue = VecDeque::from([&value]);
    while let Some(v) = queue.pop_front() {
        match v {
            serde_json::Value::Object(map) => {
                let found = match map.get("datePublished") {
                    Some(serde_json::Value::String(s)) => parse_date(s),
                    Some(serde_json::Value::Array(items)) => {
                        items.iter().find_map(|i| i.as_str().and_then(parse_date))
                    }
                    _ => None,
                };
                if found.is_some() {
                    return found;
                }
                queue.extend(map.values());
            }
            serde_json::Value::Array(items) => queue.extend(items),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A fictional French news site, with everything a real page carries around the article.
    pub(crate) const PAGE_FR: &str = r#"<!DOCTYPE html>
<html lang="fr-FR">
<head>
  <meta charset="utf-8">
  <title>Sommet de Dakar : accord sur la sécurité au Sahel | Le Courrier du Fleuve</title>
  <meta property="og:title" content="Sommet de Dakar : accord sur la sécurité au Sahel">
  <meta property="og:url" content="https://courrier-fleuve.example/monde/sommet-dakar">
  <link rel="canonical" href="https://courrier-fleuve.example/monde/sommet-dakar-accord">
  <meta property="article:published_time" content="2021-03-16T18:42:00+00:00">
  <script type="application/ld+json">
  {"@context":"https://schema.org","@graph":[
    {"@type":"WebSite","name":"Le Courrier du Fleuve"},
    {"@type":"NewsArticle","headline":"Sommet de Dakar","datePublished":"2021-03-16T18:42:00+00:00"}]}
  </script>
  <style>.pub { display: block; }</style>
</head>
<body>
  <header class="site-header">
    <nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
    <li><a href="/eco">Économie</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>Sommet de Dakar : accord sur la sécurité au Sahel</h1>
      <p class="chapo">Les ministres de cinq pays se sont engagés mardi à &laquo;&nbsp;mutualiser&nbsp;&raquo; leurs moyens de renseignement.</p>
      <div class="pub">PUBLICITÉ – Abonnez-vous pour 1 € le premier mois</div>
      <p>Réunis à Dakar, les ministres de la Défense du Sénégal, du Mali, du Niger,
         de la Mauritanie et du Burkina Faso ont adopté une déclaration commune
         sur la surveillance des frontières.</p>
      <h2>Un centre de coordination à Nouakchott</h2>
      <p>Le texte prévoit trois mesures :</p>
      <ul>
        <li>un centre de coordination à Nouakchott ;</li>
        <li>des patrouilles conjointes le long du fleuve ;</li>
        <li>un fonds commun de 40 millions d'euros.</li>
      </ul>
      <p>« C'est une étape importante », a déclaré le ministre sénégalais,
         qui a présidé la réunion. La prochaine session aura lieu en juin à Niamey.</p>
      <script>window.dataLayer = [{"page": "article"}];</script>
    </article>
    <aside><h3>À lire aussi</h3><ul><li>Élections au Niger : le calendrier</li></ul></aside>
  </main>
  <footer><p>© 2021 Le Courrier du Fleuve – Mentions légales – Contact</p></footer>
</body>
</html>"#;

    #[test]
    fn french_page_body_and_metadata() {
        let page = extract(PAGE_FR);
        assert_eq!(
            page.title.as_deref(),
            Some("Sommet de Dakar : accord sur la sécurité au Sahel")
        );
        assert_eq!(
            page.url.as_deref(),
            Some("https://courrier-fleuve.example/monde/sommet-dakar-accord")
        );
        assert_eq!(
            page.date.map(|d| d.to_string()).as_deref(),
            Some("2021-03-16")
        );
        assert_eq!(page.lang.as_deref(), Some("fr-FR"));

        let t = &page.text;
        assert!(
            t.contains("Les ministres de cinq pays se sont engagés mardi à «\u{a0}mutualiser\u{a0}» leurs moyens"),
            "{t}"
        );
        assert!(t.contains(
            "Réunis à Dakar, les ministres de la Défense du Sénégal, du Mali, du Niger, de la Mauritanie"
        ));
        assert!(t.contains("\n\nUn centre de coordination à Nouakchott\n\nLe texte prévoit"));
        assert!(t.contains(
            "un centre de coordination à Nouakchott ;\ndes patrouilles conjointes le long du fleuve ;\nun fonds commun"
        ));
        assert!(
            t.ends_with("La prochaine session aura lieu en juin à Niamey."),
            "{t}"
        );
        for junk in [
            "Accueil",
            "PUBLICITÉ",
            "dataLayer",
            "Mentions légales",
            "À lire aussi",
            "display",
        ] {
            assert!(!t.contains(junk), "{junk} in {t}");
        }
        assert!(!t.contains("  ") && !t.contains("\n\n\n") && !t.contains(" \n"));
    }

    #[test]
    fn fallback_takes_paragraphs_of_the_article() {
        let html = "<html><body><nav>Menu Accueil</nav><div>Loose widget text</div>\
            <article><p>First paragraph of the story.</p><p>Second one.</p></article>\
            <footer><p>Contact</p></footer></body></html>";
        let doc = Html::parse_document(html);
        assert_eq!(
            fallback_text(&doc).as_deref(),
            Some("First paragraph of the story.\n\nSecond one.")
        );
        let page = extract(html);
        assert!(
            page.text.contains("First paragraph of the story."),
            "{}",
            page.text
        );
        assert!(!page.text.contains("Menu") && !page.text.contains("Contact"));
    }

    #[test]
    fn dates_from_each_kind_of_metadata() {
        let cases = [
            r#"<meta name="DC.date.issued" content="2019-05-04">"#,
            r#"<meta name="sailthru.date" content="2019-05-04 10:00:00">"#,
            r#"<meta name="parsely-pub-date" content="2019-05-04T10:00:00Z">"#,
            r#"<meta property="og:published_time" content="Sat, 04 May 2019 10:00:00 GMT">"#,
            r#"<meta itemprop="datePublished" content="2019-05-04">"#,
            r#"<script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"2019-05-04T08:00:00-04:00"}]</script>"#,
            r#"<script type="application/ld+json"><!-- {"@graph":[{"@type":"Article","author":{"name":"X"},"datePublished":"2019-05-04"}]} --></script>"#,
            r#"</head><body><article><p>Texte.</p><time datetime="2019-05-04T09:00">4 mai</time></article>"#,
            r#"</head><body><span itemprop="datePublished">May 4, 2019</span>"#,
        ];
        for head in cases {
            let html = format!("<html><head>{head}</head><body><p>Un texte.</p></body></html>");
            let page = extract(&html);
            assert_eq!(
                page.date.map(|d| d.to_string()).as_deref(),
                Some("2019-05-04"),
                "{head}"
            );
        }
    }

    #[test]
    fn meta_beats_json_ld_and_bad_values_are_skipped() {
        let html = r#"<html><head>
            <meta property="article:published_time" content="not a date">
            <meta name="date" content="2018-01-02">
            <script type="application/ld+json">{"datePublished":"2017-01-01"}</script>
            </head><body><p>x</p></body></html>"#;
        assert_eq!(
            extract(html).date.map(|d| d.to_string()).as_deref(),
            Some("2018-01-02")
        );
        let broken = r#"<script type="application/ld+json">{"datePublished": </script><p>x</p>"#;
        assert_eq!(extract(broken).date, None);
    }

    #[test]
    fn title_and_lang_fallbacks() {
        let page = extract(
            r#"<html><head><meta http-equiv="Content-Language" content="en-GB"></head>
               <body><h1>  Talks   resume in Geneva </h1><p>Delegations met on Monday.</p></body></html>"#,
        );
        assert_eq!(page.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(page.lang.as_deref(), Some("en-GB"));
        let page = extract(r#"<meta property="og:locale" content="fr_FR"><p>Bonjour.</p>"#);
        assert_eq!(page.lang.as_deref(), Some("fr_FR"));
        assert_eq!(page.title, None);
    }

    #[test]
    fn broken_and_truncated_html_does_not_panic() {
        let cut = &PAGE_FR[..PAGE_FR.find("des patrouilles").unwrap_or(PAGE_FR.len())];
        let page = extract(cut);
        assert!(page.text.contains("Réunis à Dakar"), "{}", page.text);
        for junk in [
            "<",
            "<<<>>>",
            "<p",
            "<p>Un</b></i> texte <div",
            "</html></body><p>x",
            "<table><td><li>un<p>deux",
            "<!-- jamais fermé",
            "<script>alert(1)",
            "<svg><title>t</title></svg><p>ok</p>",
            "&#xD800; &#0; &bogus;",
        ] {
            let _ = extract(junk);
        }
    }

    #[test]
    fn deep_nesting_skips_readability_and_does_not_overflow() {
        let depth = MAX_DEPTH + 100;
        let html = format!(
            "{}<p>Profond.</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert_eq!(estimate_depth(&html), depth);
        let page = extract(&html);
        assert_eq!(page.text, "Profond.");
    }

    #[test]
    fn depth_estimate_ignores_what_does_not_nest() {
        assert_eq!(estimate_depth(PAGE_FR), 6);
        let sloppy = "<html><body>".to_string() + &"<p>un<br>deux<li>trois<img src=x/>".repeat(500);
        assert_eq!(estimate_depth(&sloppy), 2);
        let script = "<div><script>var s = '<div><div><div>';</script><!-- <div><div> --></div>";
        assert_eq!(estimate_depth(script), 1);
        assert_eq!(estimate_depth("<DIV><Div><div/></dIv></div>"), 2);
        for junk in ["<", "</", "<<<", "<!--", "<script", "<a href='>'", "é<é>"] {
            let _ = estimate_depth(junk);
        }
    }

    #[test]
    fn page_without_text() {
        let html = r#"<html><head><title>Accueil</title><script>var x = 1;</script></head>
            <body><nav><a href="/">Accueil</a></nav><img src="a.png"><footer>© 2021</footer></body></html>"#;
        let page = extract(html);
        assert_eq!(page.text, "");
        assert_eq!(page.title.as_deref(), Some("Accueil"));
    }

    #[test]
    fn br_pre_and_tables() {
        let blocks =
            |html: &str| blocks_to_text(walk(Html::parse_fragment(html).tree.root(), Mode::All));
        assert_eq!(
            blocks("<p>Ligne un<br>ligne  deux<br><br></p>"),
            "Ligne un\nligne deux"
        );
        assert_eq!(blocks("<pre>a  b\nc</pre>"), "a b\nc");
        assert_eq!(
            blocks(
                "<table><tr><td>Paris</td><td>12</td></tr><tr><td>Lyon</td><td>7</td></tr></table>"
            ),
            "Paris 12\nLyon 7"
        );
        assert_eq!(blocks("<p>Pa<b>ri</b>s</p><p>x</p>"), "Paris\n\nx");
    }
}
