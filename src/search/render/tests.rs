use super::*;
use crate::search::testkit::{plain, seed};

fn hit() -> Hit {
    let article = seed();
    let text = "Ukraine's actions towards the Druzhba oil pipeline are an example of sabotage, Kremlin spokesman Dmitry Peskov said on Thursday.";
    let start = article.body[..article.body.find(text).unwrap()]
        .chars()
        .count();
    let phrase = start + "Ukraine's actions towards the ".len();
    Hit {
        rank: 1,
        score: 7.125,
        passages: vec![
            Passage {
                start: 0,
                end: 6,
                text: "The Un".into(),
                speaker: None,
                highlights: vec![Highlight { start: 4, end: 6 }],
            },
            Passage {
                start,
                end: start + text.chars().count(),
                text: text.into(),
                speaker: Some("Dmitry Peskov".into()),
                highlights: vec![Highlight {
                    start: phrase,
                    end: phrase + "Druzhba oil pipeline".len(),
                }],
            },
        ],
        article,
    }
}

fn header(total: usize) -> Header {
    Header {
        query: "\"Druzhba oil pipeline\"".into(),
        total_hits: total,
        relaxed: false,
    }
}

fn render(format: OutputFormat, color: bool, hits: &[Hit], total: usize) -> String {
    let mut out = Vec::new();
    let mut r = Renderer::new(&mut out, format, color);
    r.begin(&header(total)).unwrap();
    for h in hits {
        r.hit(h).unwrap();
    }
    r.finish(&header(total)).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn text_without_colour_is_exact() {
    assert_eq!(
        render(OutputFormat::Text, false, &[hit()], 1),
        "1. US Prefers to Link Negotiation Tracks on Settlement With Economic Cooperation\n   \
         score 7.12 | 2026-02-26 | MOSCOW (Sputnik)\n   \
         c6af6150e0f5301f  corpus/000_c6af6150e0f5301f.txt\n   \
         The Un\n   …\n   \
         Ukraine's actions towards the Druzhba oil pipeline are an example of sabotage, Kremlin spokesman Dmitry Peskov said on Thursday. — Dmitry Peskov\n\
         \n\
         1-1 of 1 hit\n"
    );
}

#[test]
fn colour_makes_highlights_and_title_bold() {
    let text = render(OutputFormat::Text, true, &[hit()], 1);
    assert!(
        text.contains("the \x1b[1mDruzhba oil pipeline\x1b[0m are"),
        "{text}"
    );
    assert!(text.contains("The \x1b[1mUn\x1b[0m\n"), "{text}");
    assert!(text.starts_with("1. \x1b[1mUS Prefers"), "{text}");
}

#[test]
fn text_handles_missing_fields_and_no_hits() {
    let mut h = hit();
    h.article = plain("x1", "Bare", "", "undated", "", "");
    h.article.location = None;
    h.article.agency = None;
    h.passages.clear();
    h.rank = 11;
    assert_eq!(
        render(OutputFormat::Text, false, &[h], 40),
        "11. Bare\n   score 7.12 | undated\n   x1  corpus/x1.txt\n\n11-11 of 40 hits\n"
    );
    assert_eq!(render(OutputFormat::Text, false, &[], 0), "0 hits\n");
}

#[test]
fn json_has_every_field_and_checkable_offsets() {
    let h = hit();
    let text = render(OutputFormat::Json, false, &[h.clone(), h.clone()], 2);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["query"], "\"Druzhba oil pipeline\"");
    assert_eq!(v["total_hits"], 2);
    assert_eq!(v["relaxed"], false);
    assert_eq!(v["hits"].as_array().unwrap().len(), 2);
    let hit = &v["hits"][0];
    assert_eq!(hit["rank"], 1);
    assert_eq!(hit["score"], 7.125);
    assert_eq!(hit["id"], "c6af6150e0f5301f");
    assert_eq!(hit["path"], "corpus/000_c6af6150e0f5301f.txt");
    assert_eq!(
        hit["title"],
        "US Prefers to Link Negotiation Tracks on Settlement With Economic Cooperation"
    );
    assert_eq!(hit["published"], "2026-02-26T11:12:00Z");
    assert_eq!(hit["location"], "MOSCOW");
    assert_eq!(hit["region"], serde_json::Value::Null);
    assert_eq!(hit["agency"], "Sputnik");
    assert_eq!(hit["speakers"], serde_json::json!(["Dmitry Peskov"]));
    let p = &hit["passages"][1];
    assert_eq!(p["speaker"], "Dmitry Peskov");
    let body: Vec<char> = h.article.body.chars().collect();
    let cut = |s: &serde_json::Value, e: &serde_json::Value| -> String {
        body[s.as_u64().unwrap() as usize..e.as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    assert_eq!(cut(&p["start"], &p["end"]), p["text"].as_str().unwrap());
    let hl = &p["highlights"][0];
    assert_eq!(cut(&hl["start"], &hl["end"]), "Druzhba oil pipeline");
}

#[test]
fn json_with_no_hits_is_valid() {
    let text = render(OutputFormat::Json, false, &[], 0);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["hits"], serde_json::json!([]));
}

#[test]
fn ndjson_is_one_hit_per_line() {
    let text = render(OutputFormat::Ndjson, false, &[hit(), hit()], 2);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    for line in lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["id"], "c6af6150e0f5301f");
    }
}

/// A writer that fails like a closed pipe.
struct ClosedPipe;

impl Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::from(io::ErrorKind::BrokenPipe))
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn write_errors_are_returned() {
    let mut r = Renderer::new(ClosedPipe, OutputFormat::Text, false);
    assert_eq!(r.hit(&hit()).unwrap_err().kind(), io::ErrorKind::BrokenPipe);
}
