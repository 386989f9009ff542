//! JSON and NDJSON records: `{"title": ..., "date": ..., "body": ...}`.
//!
//! A file is one object, an array of objects, or one object per line (NDJSON/JSONL). Fields:
//! `title` (or `headline`), `body` (or `text`, `content`), `date` (or `published`, `datetime`;
//! any form [`parse_stamp`] reads), and optional `url`, `author` (or `byline`). The record's own
//! `id` is not the article id (ids are derived from content so copies collapse) and is ignored.
//! The body goes through the same dateline and cleanup as plain text. A record that is not an
//! object, or has neither title nor body, is a per-record error (`path:line N` for NDJSON,
//! `path:record N` for arrays); the other records still parse. For NDJSON, `record` is the
//! line number.

use std::path::Path;

use serde_json::{Map, Value};

use super::body::extract_body;
use super::dates::parse_stamp;
use super::{Draft, Parsed, finish};
use crate::article::Format;
use crate::error::{Error, Result};

/// Parses a JSON or NDJSON file; `Err` when the whole file is unusable.
pub fn parse_json(path: &Path, text: &str) -> Result<Parsed> {
    let trimmed = text.trim_start();
    let mut parsed = Parsed::default();
    if trimmed.starts_with('[') {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            Error::bad_article(
                path,
                Some(format!("line {}", e.line())),
                format!("invalid JSON: {e}"),
            )
        })?;
        let Value::Array(items) = value else {
            return Err(Error::bad_article(
                path,
                None,
                "JSON is not an object or an array of objects",
            ));
        };
        for (n, item) in items.into_iter().enumerate() {
            let record = u32::try_from(n + 1).unwrap_or(u32::MAX);
            push_record(path, item, record, format!("record {record}"), &mut parsed);
        }
        return Ok(parsed);
    }
    // One object spread over several lines is a single record.
    if trimmed.starts_with('{') {
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            push_record(path, value, 1, "line 1".into(), &mut parsed);
            return Ok(parsed);
        }
    } else if !trimmed.is_empty() {
        return Err(Error::bad_article(
            path,
            Some("line 1".into()),
            "JSON is not an object or an array of objects",
        ));
    }
    for (n, line) in text.split('\n').enumerate() {
        if crate::ingest::is_blank(line) {
            continue;
        }
        let line_no = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let location = format!("line {line_no}");
        match serde_json::from_str::<Value>(line) {
            Ok(value) => push_record(path, value, line_no, location, &mut parsed),
            Err(e) => parsed.errors.push(Error::bad_article(
                path,
                Some(location),
                format!("invalid JSON: {e}"),
            )),
        }
    }
    Ok(parsed)
}

fn push_record(path: &Path, value: Value, record: u32, location: String, parsed: &mut Parsed) {
    let result = match value {
        Value::Object(map) => draft_from(&map),
        other => Err(format!("not a JSON object (found {})", kind(&other))),
    };
    match result {
        Ok(draft) => parsed
            .articles
            .push(finish(path, Format::Json, Some(record), draft)),
        Err(reason) => parsed
            .errors
            .push(Error::bad_article(path, Some(location), reason)),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The first of `keys` that holds a non-empty string.
fn field<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| map.get(*k).and_then(Value::as_str))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn draft_from(map: &Map<String, Value>) -> std::result::Result<Draft, String> {
    let title = field(map, &["title", "headline"]);
    let body = field(map, &["body", "text", "content"]);
    if title.is_none() && body.is_none() {
        return Err("record has neither a title nor a body".into());
    }
    let mut draft = Draft {
        title: title.map(super::collapse_whitespace).unwrap_or_default(),
        ..Draft::default()
    };
    if let Some(date) = field(map, &["date", "published", "datetime"]) {
        draft.published = parse_stamp(date);
        if draft.published.is_none() {
            draft.warnings.push(format!("unreadable date {date:?}"));
        }
    }
    draft.url = field(map, &["url", "link"]).map(str::to_string);
    draft.byline =
        field(map, &["author", "byline"]).map(|a| a.strip_prefix("By ").unwrap_or(a).to_string());
    draft.parts = extract_body(body.unwrap_or(""), true);
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndjson_bad_line_is_a_record_error_and_others_parse() {
        let text = "{\"title\":\"A\",\"date\":\"2026-02-26\",\"body\":\"MOSCOW (TASS) - Text.\",\"url\":\"http://x\",\"author\":\"Jane Doe\"}\n[1,2]\n\nnot json\n{\"title\":\"B\",\"body\":\"More.\"}\n";
        let parsed = parse_json(Path::new("f.ndjson"), text).unwrap();
        assert_eq!(parsed.articles.len(), 2);
        let a = &parsed.articles[0];
        assert_eq!(
            (a.title.as_str(), a.location.as_deref(), a.agency.as_deref()),
            ("A", Some("MOSCOW"), Some("TASS"))
        );
        assert_eq!(
            (a.body.as_str(), a.url.as_deref(), a.byline.as_deref()),
            ("Text.", Some("http://x"), Some("Jane Doe"))
        );
        assert_eq!(a.published.unwrap().to_string(), "2026-02-26");
        assert_eq!(parsed.articles[1].record, Some(5));
        let errors: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors[0],
            "f.ndjson:line 2: not a JSON object (found an array)"
        );
        assert!(
            errors[1].starts_with("f.ndjson:line 4: invalid JSON:"),
            "{}",
            errors[1]
        );
    }

    #[test]
    fn array_and_pretty_object_parse() {
        let parsed = parse_json(Path::new("f.json"), "[{\"title\":\"A\"}, 3]").unwrap();
        assert_eq!(parsed.articles.len(), 1);
        assert_eq!(
            parsed.errors[0].to_string(),
            "f.json:record 2: not a JSON object (found a number)"
        );
        let parsed = parse_json(
            Path::new("f.json"),
            "{\n  \"headline\": \"A\",\n  \"text\": \"B.\"\n}\n",
        )
        .unwrap();
        assert_eq!(
            (
                parsed.articles[0].title.as_str(),
                parsed.articles[0].body.as_str()
            ),
            ("A", "B.")
        );
    }

    #[test]
    fn json_that_is_not_an_object_is_a_file_error() {
        let err = parse_json(Path::new("f.json"), "\"just a string\"").unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.json:line 1: JSON is not an object or an array of objects"
        );
        let err = parse_json(Path::new("f.json"), "[1, 2").unwrap_err();
        assert!(
            err.to_string().starts_with("f.json:line 1: invalid JSON"),
            "{err}"
        );
    }

    #[test]
    fn record_without_title_or_body_is_an_error() {
        let parsed = parse_json(Path::new("f.jsonl"), "{\"date\":\"2026-02-26\"}\n").unwrap();
        assert_eq!(
            parsed.errors[0].to_string(),
            "f.jsonl:line 1: record has neither a title nor a body"
        );
    }
}
