//! Tests of the whole ingest pipeline (decode -> detect -> parse -> finish).

use std::path::Path;

use super::*;

fn one(name: &str, text: &[u8]) -> Article {
    let mut parsed = parse_bytes(Path::new(name), text).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    assert_eq!(parsed.articles.len(), 1);
    parsed.articles.remove(0)
}

fn err(name: &str, text: &[u8]) -> String {
    parse_bytes(Path::new(name), text).unwrap_err().to_string()
}

const ARCHIVE: &str = " date 2026-02-26 US Prefers to Link Negotiation Tracks - Kremlin\n11:12 GMT 26.02.2026 (Updated: 11:13 GMT 26.02.2026)\n© Sputnik / Vitaly BelousovThe Spasskaya Tower.\n© Sputnik / Vitaly Belousov\nSubscribe\nMOSCOW (Sputnik) - The United States still prefers to link the tracks, Kremlin spokesman Dmitry Peskov said on Thursday.\n\"No, it does not mean that,\" Peskov told reporters.\n";

#[test]
fn parses_archive_format_fields() {
    let a = one("seed.txt", ARCHIVE.as_bytes());
    assert_eq!(a.format, Format::Archive);
    assert_eq!(a.title, "US Prefers to Link Negotiation Tracks");
    assert_eq!(a.title_source.as_deref(), Some("Kremlin"));
    assert_eq!(a.published.unwrap().to_string(), "2026-02-26T11:12:00Z");
    assert_eq!(a.updated.unwrap().to_string(), "2026-02-26T11:13:00Z");
    assert_eq!(
        (
            a.location.as_deref(),
            a.region.as_deref(),
            a.agency.as_deref()
        ),
        (Some("MOSCOW"), None, Some("Sputnik"))
    );
    assert_eq!(
        a.body,
        "The United States still prefers to link the tracks, Kremlin spokesman Dmitry Peskov said on Thursday.\n\n\"No, it does not mean that,\" Peskov told reporters."
    );
    assert_eq!(a.path, "seed.txt");
    assert_eq!(a.record, None);
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    assert_eq!(a.id, article_id(&a.title, a.published.as_ref(), &a.body));
}

#[test]
fn parses_the_shared_seed() {
    let path = Path::new("../shared/seed/000_c6af6150e0f5301f.txt");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let parsed = parse_path(path).unwrap();
    let a = &parsed.articles[0];
    assert_eq!(
        a.title,
        "US Prefers to Link Negotiation Tracks on Settlement With Economic Cooperation"
    );
    assert_eq!(a.title_source.as_deref(), Some("Kremlin"));
    assert_eq!(a.published.unwrap().to_string(), "2026-02-26T11:12:00Z");
    assert_eq!(a.updated.unwrap().to_string(), "2026-02-26T11:13:00Z");
    assert_eq!(
        (a.location.as_deref(), a.agency.as_deref()),
        (Some("MOSCOW"), Some("Sputnik"))
    );
    assert!(a.body.starts_with("The United States still prefers"));
    assert!(a.body.ends_with("the Druzhba oil pipeline."));
    assert!(!a.body.contains('©') && !a.body.contains("Subscribe"));
    assert_eq!(a.body.split("\n\n").count(), 14);
}

#[test]
fn crlf_bom_and_latin1_give_the_same_article() {
    let plain = "Talks resume\n\nTOKYO, March 17 - Talks resumed in Tokyo.\n";
    let base = one("a.txt", plain.as_bytes());
    let crlf = one("a.txt", plain.replace('\n', "\r\n").as_bytes());
    let bom = one(
        "a.txt",
        [b"\xEF\xBB\xBF".as_slice(), plain.as_bytes()]
            .concat()
            .as_slice(),
    );
    assert_eq!(
        (crlf.body.as_str(), crlf.id.as_str()),
        (base.body.as_str(), base.id.as_str())
    );
    assert_eq!(
        (bom.title.as_str(), bom.id.as_str()),
        (base.title.as_str(), base.id.as_str())
    );
    assert_eq!(base.location.as_deref(), Some("TOKYO"));

    let latin1 = one(
        "b.txt",
        b"Caf\xe9 talks\n\nPARIS (AFP) - Le caf\xe9 est ferm\xe9.\n",
    );
    assert_eq!(latin1.title, "Caf\u{e9} talks");
    assert_eq!(latin1.body, "Le caf\u{e9} est ferm\u{e9}.");
    assert!(
        latin1
            .warnings
            .contains(&"not valid UTF-8; read as Windows-1252".to_string())
    );
}

#[test]
fn article_without_any_date_is_kept_with_a_warning() {
    let a = one(
        "c.txt",
        "Title here\n\nWASHINGTON (AP) — Someone said something.\n".as_bytes(),
    );
    assert_eq!(a.published, None);
    assert_eq!(a.agency.as_deref(), Some("AP"));
    assert_eq!(a.warnings, vec!["no publication date found".to_string()]);
}

#[test]
fn dateline_year_is_used_only_when_no_other_date_exists() {
    let a = one(
        "d.txt",
        "Title\n\nWASHINGTON, Aug. 8, 2006 (UPI) -- Text.\n".as_bytes(),
    );
    assert_eq!(a.published.unwrap().to_string(), "2006-08-08");
    assert_eq!(
        a.warnings,
        vec!["publication date taken from the dateline".to_string()]
    );
    let a = one(
        "d.txt",
        "Title\n\nWASHINGTON, Aug. 8 (UPI) -- Text.\n".as_bytes(),
    );
    assert_eq!(a.published, None);
}

#[test]
fn dateline_day_far_from_publication_warns() {
    let a = one(
        "e.txt",
        "Title\n-- Tue Jul 29, 2008 7:23pm EDT\n\nLONDON, Jul 30 (Reuters) - Text.\n".as_bytes(),
    );
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    let a = one(
        "e.txt",
        "Title\n-- Tue Jul 29, 2008 7:23pm EDT\n\nLONDON, Aug 5 (Reuters) - Text.\n".as_bytes(),
    );
    assert_eq!(
        a.warnings,
        vec!["dateline day 08-05 is more than a day from the publication date".to_string()]
    );
}

#[test]
fn bad_whole_files_are_clear_errors() {
    assert_eq!(err("e.txt", b""), "e.txt: empty file");
    assert_eq!(err("e.txt", b" \n\t\n"), "e.txt: no text (only whitespace)");
    assert!(err("b.bin", b"\x7fELF\x02\x01\x01\0\0\0").starts_with("b.bin: binary data"));
    assert_eq!(
        err("x.sgm", b"<!DOCTYPE lewis>\nnothing"),
        "x.sgm: no <REUTERS> story in this SGML file"
    );
    assert_eq!(
        err("x.json", b"42"),
        "x.json:line 1: JSON is not an object or an array of objects"
    );
}

#[test]
fn oversized_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let msg = parse_path(&path).unwrap_err().to_string();
    assert!(
        msg.ends_with(&format!(
            "huge.txt: file is {} bytes, over the 64 MiB limit; split it into smaller files",
            MAX_FILE_BYTES + 1
        )),
        "{msg}"
    );
}

#[test]
fn missing_file_and_folder_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.txt");
    let e = parse_path(&missing).unwrap_err();
    assert!(matches!(e, Error::Io { .. }));
    assert!(e.to_string().contains("gone.txt: No such file"), "{e}");
    assert_eq!(
        parse_path(dir.path()).unwrap_err().to_string(),
        format!("{}: not a regular file", dir.path().display())
    );
}

#[test]
fn article_id_ignores_case_and_whitespace_only() {
    let p = Published::parse("2026-02-26").unwrap();
    let a = article_id("Talks  Resume", Some(&p), "Text one.\n\nText two.");
    assert_eq!(a.len(), 16);
    assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(
        a,
        article_id("talks resume", Some(&p), "text one. text two.")
    );
    assert_ne!(a, article_id("talks resume", None, "text one. text two."));
    assert_ne!(
        a,
        article_id("talks resume text", Some(&p), "one. text two.")
    );
}

#[test]
fn article_paths_by_extension() {
    for yes in [
        "a.txt", "a.TXT", "a.sgm", "a.json", "a.ndjson", "a.jsonl", "rt_0001",
    ] {
        assert!(is_article_path(Path::new(yes)), "{yes}");
    }
    for no in ["a.png", "a.rs", "a.gz"] {
        assert!(!is_article_path(Path::new(no)), "{no}");
    }
}

#[test]
fn utf16_file_parses() {
    let text = "Title\r\n\r\nKYIV, Feb 26 (Reuters) - Text.\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let a = one("u.txt", &bytes);
    assert_eq!(
        (a.title.as_str(), a.location.as_deref(), a.body.as_str()),
        ("Title", Some("KYIV"), "Text.")
    );
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Pieces that wire copy is made of, so random text often looks like a real header.
    fn wire_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(" date 2026-02-26 ".to_string()),
            Just("-- ".to_string()),
            Just("MOSCOW (Sputnik) - ".to_string()),
            Just("XIGAZE, Tibet, April 29 (Xinhua) --".to_string()),
            Just("By Jane Doe ".to_string()),
            Just("/TASS/. ".to_string()),
            Just("(Reuters) ".to_string()),
            Just("<REUTERS><TITLE>".to_string()),
            Just("</TITLE><BODY>".to_string()),
            Just("&#3;&lt;".to_string()),
            Just("{\"title\":\"x\",\"body\":".to_string()),
            Just("\u{a9} Sputnik / Name\nSubscribe\n".to_string()),
            Just("11:12 GMT 26.02.2026 (Updated: ".to_string()),
            Just("\"Yes,\" Peskov said. ".to_string()),
            Just("\u{2014}\u{2013}\u{a0}\u{fffd}".to_string()),
            "[ -~]{0,12}".prop_map(|s| s),
            Just("\n".to_string()),
            Just("\r\n\n".to_string()),
            Just("    ".to_string()),
        ]
    }

    fn check(name: &str, bytes: &[u8]) {
        // Any bytes give articles or an error, never a panic; what comes out is well formed.
        if let Ok(parsed) = parse_bytes(Path::new(name), bytes) {
            for a in &parsed.articles {
                assert_eq!(a.id.len(), 16);
                assert!(!a.body.contains("\n\n\n"), "{:?}", a.body);
                assert_eq!(a.body.trim(), a.body);
                let chars = a.body.chars().count();
                for q in &a.quotes {
                    assert!(
                        q.start <= q.end && q.end <= chars,
                        "quote offsets {}..{} outside {chars}",
                        q.start,
                        q.end
                    );
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_bytes_parse_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            for name in ["a.txt", "a.sgm", "a.ndjson"] {
                check(name, &bytes);
            }
        }

        #[test]
        fn wire_like_text_parses_or_fails_cleanly(pieces in proptest::collection::vec(wire_piece(), 0..40)) {
            let text = pieces.concat();
            for name in ["a.txt", "a.sgm", "a.json"] {
                check(name, text.as_bytes());
            }
        }
    }
}

#[test]
fn collapse_whitespace_matches_split_and_join() {
    for s in [
        "",
        " ",
        "Talks resume",
        "  Talks \t resume \n",
        "Talks\u{b}resume",
        "a  b",
        " lead",
        "trail ",
        "Zoë\u{a0}Łukasz  said",
        "\u{2009}thin\u{3000}space ",
    ] {
        let want = s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(collapse_whitespace(s), want, "{s:?}");
    }
}

#[test]
fn path_text_is_the_displayed_path() {
    let p = Path::new("corpus/ä b/001.txt");
    assert_eq!(path_text(p), "corpus/ä b/001.txt");
}

#[test]
fn is_blank_matches_trim_is_empty() {
    for s in [
        "",
        " \t\r",
        "\u{a0}",
        " \u{2009} ",
        "a",
        " a ",
        "\u{a0}x",
        "\u{b}\u{c}",
    ] {
        assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
    }
}
