//! End-to-end tests of `read_source` / `read_bytes`: bytes in, Article or one clear error out.

use super::*;
use veille_core::{Lang, content_id};

fn opts() -> IngestOptions {
    IngestOptions::default()
}

const DEPECHE_FR: &str = "Rabat, le 14 novembre – Le Maroc et la Mauritanie ont signé jeudi \
un accord de coopération portant sur la pêche et la surveillance des côtes, a annoncé le \
ministère des Affaires étrangères dans un communiqué.\n\nLes deux délégations se retrouveront \
au printemps à Nouakchott pour un premier bilan.";

const DISPATCH_EN: &str = "<!DOCTYPE html><html lang=\"en\"><head>\
<title>Port strike ends after talks | The Harbour Gazette</title>\
<meta name=\"pubdate\" content=\"Tue, 08 Jun 2021 14:00:00 GMT\"></head><body>\
<div class=\"social share\">Share on Facebook</div>\
<article><h1>Port strike ends after talks</h1>\
<p>Dock workers in the port city returned to work on Tuesday after union leaders and the \
port authority agreed on a new wage deal, ending a strike that had lasted nine days.</p>\
<p>The agreement was announced by the labour minister, who had mediated the talks since \
the weekend.</p></article><footer>Contact us</footer></body></html>";

#[test]
fn errors_can_cross_threads() {
    // Batch ingestion runs on a thread pool and collects errors from every worker.
    fn send_sync<T: Send + Sync + 'static>() {}
    send_sync::<IngestError>();
}

#[test]
fn plain_text_crlf_is_normalized_before_the_id() {
    let crlf = DEPECHE_FR.replace('\n', "\r\n") + "\r\n\r\n  \t";
    let a = read_bytes("depeche.txt", crlf.as_bytes(), &opts()).unwrap();
    assert_eq!(a.text, DEPECHE_FR);
    assert_eq!(a.id, content_id(DEPECHE_FR));
    assert_eq!(a.source, "depeche.txt");
    assert_eq!(a.lang, Some(Lang::Fr));
    assert_eq!(
        (a.date, a.date_source, a.title.as_deref()),
        (None, None, None)
    );
    // Old Mac line endings too.
    let cr = DEPECHE_FR.replace('\n', "\r");
    assert_eq!(
        read_bytes("x", cr.as_bytes(), &opts()).unwrap().text,
        DEPECHE_FR
    );
}

#[test]
fn plain_text_is_byte_exact_and_headers_are_not_interpreted() {
    let text = "Title: Accord de pêche\n  Le Maroc et la Mauritanie ont signé un accord.\u{a0}»";
    let a = read_bytes("a.txt", text.as_bytes(), &opts()).unwrap();
    assert_eq!(a.text, text);
    assert_eq!(a.title, None);
}

#[test]
fn html_page_gives_body_and_metadata() {
    let a = read_bytes("page.html", html::tests::PAGE_FR.as_bytes(), &opts()).unwrap();
    assert!(a.text.starts_with("Sommet de Dakar") || a.text.starts_with("Les ministres"));
    assert!(a.text.contains("Réunis à Dakar"));
    assert_eq!(a.id, content_id(&a.text));
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2021-03-16"));
    assert_eq!(a.date_source, Some(DateSource::Metadata));
    assert_eq!(a.declared_lang.as_deref(), Some("fr-FR"));
    assert_eq!(a.lang, Some(Lang::Fr));
    assert_eq!(
        a.url.as_deref(),
        Some("https://courrier-fleuve.example/monde/sommet-dakar-accord")
    );
}

#[test]
fn english_page_sniffed_without_extension() {
    let a = read_bytes("-", DISPATCH_EN.as_bytes(), &opts()).unwrap();
    assert!(
        a.text
            .contains("Dock workers in the port city returned to work"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("Share on") && !a.text.contains("Contact"));
    assert_eq!(
        a.title.as_deref(),
        Some("Port strike ends after talks | The Harbour Gazette")
    );
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2021-06-08"));
    assert_eq!(a.lang, Some(Lang::En));
}

#[test]
fn cli_date_overrides_metadata() {
    let date: Date = "2021-06-09".parse().unwrap();
    let o = IngestOptions {
        date: Some(date),
        ..opts()
    };
    let a = read_bytes("p.html", DISPATCH_EN.as_bytes(), &o).unwrap();
    assert_eq!((a.date, a.date_source), (Some(date), Some(DateSource::Cli)));
    let a = read_bytes("p.txt", DEPECHE_FR.as_bytes(), &o).unwrap();
    assert_eq!((a.date, a.date_source), (Some(date), Some(DateSource::Cli)));
}

#[test]
fn cli_language_codes_a_text_too_short_to_identify() {
    let short = b"La police a d\xc3\xa9clar\xc3\xa9 qu'il avait avou\xc3\xa9.";
    let a = read_bytes("p.txt", short, &opts()).unwrap();
    assert_eq!(
        a.lang, None,
        "identification alone does not decide on one short sentence"
    );
    let o = IngestOptions {
        lang: Some(Lang::Fr),
        ..opts()
    };
    let a = read_bytes("p.txt", short, &o).unwrap();
    assert_eq!(a.lang, Some(Lang::Fr));
}

#[test]
fn forced_format_wins_over_detection() {
    let o = IngestOptions {
        format: Some(Format::Text),
        ..opts()
    };
    let a = read_bytes("p.html", DISPATCH_EN.as_bytes(), &o).unwrap();
    assert_eq!(a.text, DISPATCH_EN);
    let o = IngestOptions {
        format: Some(Format::Html),
        ..opts()
    };
    let a = read_bytes("p.txt", b"<p>Le  sommet\n s'ouvre lundi.</p>", &o).unwrap();
    assert_eq!(a.text, "Le sommet s'ouvre lundi.");
}

#[test]
fn sniffing() {
    assert_eq!(sniff("  <!-- cms -->\n<!doctype html><p>x"), Format::Html);
    assert_eq!(
        sniff("<?xml version=\"1.0\"?>\n<HTML><BODY>x"),
        Format::Html
    );
    assert_eq!(
        sniff("<p>Un fragment n'est pas une page.</p>"),
        Format::Text
    );
    assert_eq!(sniff("Le code <html> est cité ici."), Format::Text);
    assert_eq!(format_from_name("a/B.HTM"), Some(Format::Html));
    assert_eq!(format_from_name("a.txt"), None);
    assert_eq!(format_from_name("-"), None);
}

#[test]
fn html_without_text_is_no_text() {
    let page =
        b"<html><head><title>Vide</title></head><body><nav>Menu</nav><img src=x></body></html>";
    let e = read_bytes("vide.html", page, &opts()).unwrap_err();
    assert!(matches!(e, IngestError::NoText { .. }));
    assert_eq!(
        e.to_string(),
        "vide.html: HTML page with no extractable body text"
    );
}

#[test]
fn absurdly_deep_html_is_refused_quickly() {
    let html = "<div>".repeat(1_000_000);
    let e = read_bytes("deep.html", html.as_bytes(), &opts()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "deep.html: HTML nested too deeply (about 1000000 levels, the limit is 1024)"
    );
}

#[test]
fn empty_and_blank_inputs() {
    for bytes in [
        &b""[..],
        b"  \n\r\n\t ",
        "\u{a0}\n".as_bytes(),
        b"\xEF\xBB\xBF \n",
    ] {
        let e = read_bytes("e.txt", bytes, &opts()).unwrap_err();
        assert!(matches!(e, IngestError::Empty { .. }), "{bytes:?}: {e}");
        assert_eq!(e.to_string(), "e.txt: empty (no text)");
    }
}

#[test]
fn binary_and_encoding_errors_are_one_line_and_typed() {
    let e = read_bytes("rapport.pdf", b"%PDF-1.4\n%\xC7\xEC\x8F\xA2\n", &opts()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "rapport.pdf: binary data (PDF document), not text or HTML"
    );
    let e = read_bytes("x.bin", &[0u8, 159, 146, 150, 7, 7, 7, 0], &opts()).unwrap_err();
    assert!(matches!(e, IngestError::Binary { .. }), "{e}");
    let latin1 = b"Le pr\xE9sident a d\xE9missionn\xE9.";
    let e = read_bytes("latin1.txt", latin1, &opts()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "latin1.txt: not UTF-8 (invalid byte sequence at offset 5)"
    );
    assert_eq!(e.path(), "latin1.txt");
}

#[test]
fn utf16_file_is_decoded() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in DEPECHE_FR.replace('\n', "\r\n").encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let a = read_bytes("windows.txt", &bytes, &opts()).unwrap();
    assert_eq!(a.text, DEPECHE_FR);
    assert_eq!(a.lang, Some(Lang::Fr));
}

#[test]
fn german_is_unsupported_not_french() {
    let text = "Die Regierung in Berlin hat am Donnerstag ein neues Abkommen mit Frankreich \
        unterzeichnet. Der Vertrag soll die Zusammenarbeit bei der Grenzkontrolle stärken, \
        teilte das Innenministerium mit.";
    let a = read_bytes("de.txt", text.as_bytes(), &opts()).unwrap();
    assert_eq!(a.lang, None);
    let guess = identify_language_with(&a.text, a.declared_lang.as_deref());
    assert_eq!(guess.unsupported(), Some("deu"));
    // Even inside a page whose template claims French.
    let page = format!("<html lang=\"fr\"><body><article><p>{text}</p></article></body></html>");
    let a = read_bytes("de.html", page.as_bytes(), &opts()).unwrap();
    assert_eq!(a.lang, None);
    assert_eq!(a.declared_lang.as_deref(), Some("fr"));
}

#[test]
fn files_missing_directories_and_too_large() {
    let tmp = tempfile::tempdir().unwrap();
    let small = tmp.path().join("depeche.txt");
    std::fs::write(&small, DEPECHE_FR).unwrap();
    let a = read_source(&small, &opts()).unwrap();
    assert_eq!(a.text, DEPECHE_FR);
    assert_eq!(a.source, small.display().to_string());

    let big = tmp.path().join("big.txt");
    std::fs::write(&big, "a".repeat(2000)).unwrap();
    let o = IngestOptions {
        max_bytes: 1000,
        ..opts()
    };
    let e = read_source(&big, &o).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "{}: too large (2000 bytes, the limit is 1000 bytes)",
            big.display()
        )
    );
    let e = read_bytes("mem", &[b'a'; 1001], &o).unwrap_err();
    assert!(matches!(e, IngestError::TooLarge { .. }));
    assert!(read_bytes("mem", &[b'a'; 1000], &o).is_ok());

    let e = read_source(&tmp.path().join("absent.txt"), &opts()).unwrap_err();
    assert!(matches!(e, IngestError::NotFound { .. }), "{e}");
    let e = read_source(tmp.path(), &opts()).unwrap_err();
    assert!(matches!(e, IngestError::IsDirectory { .. }), "{e}");

    let pdf = tmp.path().join("scan.pdf");
    std::fs::write(&pdf, b"%PDF-1.5\n\x00\x01").unwrap();
    let e = read_source(&pdf, &opts()).unwrap_err();
    assert!(e.to_string().contains("PDF document"), "{e}");
}

#[cfg(unix)]
#[test]
fn endless_special_files_are_bounded() {
    // /dev/zero reports a size of 0: only the bounded read protects us.
    let o = IngestOptions {
        max_bytes: 4096,
        ..opts()
    };
    let e = read_source(Path::new("/dev/zero"), &o).unwrap_err();
    assert!(
        matches!(
            e,
            IngestError::TooLarge {
                size: Size::AtLeast(4097),
                ..
            }
        ),
        "{e}"
    );
}

proptest::proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
        for name in ["x.txt", "x.html", "-"] {
            if let Ok(a) = read_bytes(name, &bytes, &opts()) {
                proptest::prop_assert!(!a.text.trim().is_empty());
                proptest::prop_assert!(!a.text.contains('\r'));
                proptest::prop_assert_eq!(a.text.trim_end().len(), a.text.len());
                proptest::prop_assert_eq!(a.id, content_id(&a.text));
            }
        }
    }

    #[test]
    fn never_panics_on_tag_soup(parts in proptest::collection::vec(
        proptest::prop_oneof![
            proptest::strategy::Just("<p>".to_string()),
            proptest::strategy::Just("</p>".to_string()),
            proptest::strategy::Just("<div class=\"pub\">".to_string()),
            proptest::strategy::Just("<article>".to_string()),
            proptest::strategy::Just("<script>".to_string()),
            proptest::strategy::Just("<li>".to_string()),
            proptest::strategy::Just("<br>".to_string()),
            proptest::strategy::Just("<meta name=\"date\" content=\"2020-01-01\">".to_string()),
            "[a-zA-Zéà «»&;# \n]{0,20}",
        ],
        0..40,
    )) {
        let html = format!("<!doctype html>{}", parts.concat());
        if let Ok(a) = read_bytes("soup.html", html.as_bytes(), &opts()) {
            proptest::prop_assert!(!a.text.trim().is_empty());
        }
    }
}

#[test]
fn date_is_inferred_from_the_text_only_when_unambiguous() {
    // A dateline with a full date and no metadata: the date is read from the text, and the
    // article says so.
    let text = "Nouakchott, le 3 mars 2024 – Les deux gouvernements ont conclu lundi un accord \
sur la pêche, a indiqué le ministère.";
    let a = read_bytes("d.txt", text.as_bytes(), &opts()).unwrap();
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2024-03-03"));
    assert_eq!(a.date_source, Some(DateSource::Inferred));
    // A day and month without a year is not enough: the article stays undated, never dated
    // today.
    let a = read_bytes("p.txt", DEPECHE_FR.as_bytes(), &opts()).unwrap();
    assert_eq!((a.date, a.date_source), (None, None));
    // --date still wins over the text.
    let date: Date = "2024-03-04".parse().unwrap();
    let o = IngestOptions {
        date: Some(date),
        ..opts()
    };
    let a = read_bytes("d.txt", text.as_bytes(), &o).unwrap();
    assert_eq!((a.date, a.date_source), (Some(date), Some(DateSource::Cli)));
}
