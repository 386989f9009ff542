//! Tests of the article <-> document mapping, and the sample article other index tests use.

use super::*;

/// A hand-built article with a speaker, an organisation and two quotes.
pub(crate) fn sample_article(id: &str, path: &str) -> Article {
    let body = "Talks go on, Kremlin spokesman Dmitry Peskov said.\n\n\"We are grateful,\" Peskov told reporters. Café Ω.";
    let direct_start = body.chars().position(|c| c == '"').unwrap_or(0) + 1;
    Article {
        id: id.to_string(),
        path: path.to_string(),
        record: None,
        format: Format::Plain,
        title: "Pipeline talks".to_string(),
        title_source: Some("Kremlin".to_string()),
        published: Published::parse("2026-02-26T11:12:00Z"),
        updated: Published::parse("2026-02-26T11:13:00Z"),
        location: Some("MOSCOW".to_string()),
        region: None,
        agency: Some("Sputnik".to_string()),
        byline: None,
        url: Some("https://example.org/a".to_string()),
        body: body.to_string(),
        speakers: vec![Speaker {
            name: "Dmitry Peskov".to_string(),
            key: "dmitry peskov".to_string(),
            aliases: vec![
                "Peskov".to_string(),
                "Prskov".to_string(),
                "the official".to_string(),
            ],
            role: Some("Kremlin spokesman".to_string()),
            quotes: 2,
        }],
        organisations: vec![Speaker {
            name: "Kremlin".to_string(),
            key: "kremlin".to_string(),
            ..Speaker::default()
        }],
        quotes: vec![
            Quote {
                speaker: "Dmitry Peskov".to_string(),
                speaker_key: "dmitry peskov".to_string(),
                kind: QuoteKind::Indirect,
                text: "Talks go on".to_string(),
                start: 0,
                end: 11,
                said_on: NaiveDate::from_ymd_opt(2026, 2, 26),
            },
            Quote {
                speaker: "Dmitry Peskov".to_string(),
                speaker_key: "dmitry peskov".to_string(),
                kind: QuoteKind::Direct,
                text: "We are grateful,".to_string(),
                start: direct_start,
                end: direct_start + 16,
                said_on: None,
            },
        ],
        warnings: vec!["example warning".to_string()],
    }
}

#[test]
fn char_slice_counts_code_points() {
    assert_eq!(char_slice("Café Ω x", 3, 6), Some("é Ω"));
    assert_eq!(char_slice("abc", 3, 3), Some(""));
    assert_eq!(char_slice("abc", 2, 4), None);
    assert_eq!(char_slice("abc", 2, 1), None);
}

#[test]
fn article_round_trips_through_its_document() {
    let fields = Fields::new();
    let article = sample_article("0123456789abcdef", "/tmp/a.txt");
    let docs = article_documents(&fields, &article);
    assert_eq!(docs.len(), 3, "one article doc and two quote docs");
    assert_eq!(article_from_doc(&fields, &docs[0]).unwrap(), article);
}

#[test]
fn quote_text_that_is_not_the_body_slice_is_kept() {
    let fields = Fields::new();
    let mut article = sample_article("0123456789abcdef", "/tmp/a.txt");
    article.quotes[0].text = "Talks go on (paraphrased)".to_string();
    let docs = article_documents(&fields, &article);
    assert_eq!(
        article_from_doc(&fields, &docs[0]).unwrap().quotes[0].text,
        "Talks go on (paraphrased)"
    );
}

#[test]
fn keys_cover_names_surnames_and_name_aliases_only() {
    let fields = Fields::new();
    let docs = article_documents(&fields, &sample_article("0123456789abcdef", "/tmp/a.txt"));
    let keys: Vec<&str> = docs[0]
        .get_all(fields.speaker_key)
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(keys, ["dmitry peskov", "kremlin", "peskov", "prskov"]);
    let quote_keys: Vec<&str> = docs[2]
        .get_all(fields.speaker_key)
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(quote_keys, ["dmitry peskov", "peskov", "prskov"]);
    let location: Vec<&str> = docs[0]
        .get_all(fields.location_key)
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(location, ["moscow"]);
    let meta = quote_meta_from_doc(&fields, &docs[2]).unwrap();
    assert_eq!(meta, QuoteDocMeta { index: 1 });
    let quote = &article_from_doc(&fields, &docs[0]).unwrap().quotes[meta.index];
    assert_eq!(
        (quote.kind, quote.start, quote.end),
        (
            QuoteKind::Direct,
            article_direct_start(),
            article_direct_start() + 16
        )
    );
}

fn article_direct_start() -> usize {
    sample_article("x", "y").quotes[1].start
}

#[test]
fn corrupt_meta_is_an_internal_error() {
    let fields = Fields::new();
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.id, "abc");
    doc.add_text(fields.meta, "{not json");
    let err = article_from_doc(&fields, &doc).unwrap_err();
    assert!(
        matches!(err, Error::Internal(ref m) if m.contains("article abc")),
        "{err}"
    );
}
