//! Property tests for the ingester (issue 6): any bytes give articles or an error, never a
//! panic; every quote's offsets lie inside its article's body (in characters) and its `text`
//! is exactly the body's characters at those offsets. Case counts stay modest for CI.

use std::path::Path;

use proptest::prelude::*;

fn check_offsets(bytes: &[u8], name: &str) -> Result<(), TestCaseError> {
    let Ok(parsed) = dateline::ingest::parse_bytes(Path::new(name), bytes) else {
        return Ok(());
    };
    for article in &parsed.articles {
        let chars: Vec<char> = article.body.chars().collect();
        for q in &article.quotes {
            prop_assert!(
                q.start <= q.end && q.end <= chars.len(),
                "quote {}..{} outside a body of {} chars",
                q.start,
                q.end,
                chars.len()
            );
            let at: String = chars[q.start..q.end].iter().collect();
            prop_assert_eq!(&at, &q.text);
        }
    }
    Ok(())
}

/// Text that looks like wire copy: datelines, quotes, attributions, odd punctuation.
fn wire_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" date 2026-02-26 ".to_string()),
        Just("MOSCOW (Sputnik) - ".to_string()),
        Just("KYIV, Feb 26 (Reuters) - ".to_string()),
        Just("\"".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(", Peskov said.".to_string()),
        Just(" Dmitry Peskov told reporters".to_string()),
        Just(" said on Thursday".to_string()),
        Just("according to Peskov, ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("© Sputnik / Name".to_string()),
        Just("Subscribe\n".to_string()),
        Just("11:12 GMT 26.02.2026 (Updated: 11:13 GMT 26.02.2026)\n".to_string()),
        "[a-zA-Z ,.]{0,12}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_articles_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_offsets(&bytes, "any.txt")?;
    }

    #[test]
    fn any_bytes_as_json_or_sgml_give_articles_or_an_error(
        bytes in prop::collection::vec(any::<u8>(), 0..1024),
        ext in prop_oneof![Just("json"), Just("ndjson"), Just("sgm")],
    ) {
        check_offsets(&bytes, &format!("any.{ext}"))?;
    }

    #[test]
    fn wire_like_text_keeps_quote_offsets_inside_the_body(text in wire_text()) {
        check_offsets(text.as_bytes(), "wire.txt")?;
    }
}
