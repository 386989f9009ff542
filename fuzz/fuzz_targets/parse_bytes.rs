//! Fuzz target: the ingester on any bytes, under every format it detects by extension. It
//! must return articles or an error, never panic, and keep quote offsets inside the body.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["a.txt", "a.json", "a.ndjson", "a.sgm"] {
        if let Ok(parsed) = dateline::ingest::parse_bytes(Path::new(name), data) {
            for article in &parsed.articles {
                let chars = article.body.chars().count();
                for q in &article.quotes {
                    assert!(q.start <= q.end && q.end <= chars, "quote offsets outside the body");
                }
            }
        }
    }
});
