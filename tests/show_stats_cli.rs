//! `dateline show` and `dateline stats` end to end, through the binary, on a temporary index:
//! exact text and JSON output, id prefixes, and every error a user can reach.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use dateline::Article;
use serde_json::{Value, json};
use tempfile::TempDir;

const SPUTNIK: &str = " date 2026-02-26 Pipeline talks - Kremlin\n11:12 GMT 26.02.2026 (Updated: 11:13 GMT 26.02.2026)\n\
MOSCOW (Sputnik) - Talks on the Druzhba pipeline go on, Kremlin spokesman Dmitry Peskov said on Thursday.\n";
const REUTERS: &str = " date 2025-11-03 Oil prices rise\n\nLONDON (Reuters) - Oil prices rose on Monday, traders said.\n";

fn cmd(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("dateline").unwrap();
    cmd.current_dir(dir)
        .env_remove("DATELINE_INDEX")
        .env("NO_COLOR", "1");
    cmd
}

/// A temp folder with two articles in `news/`, indexed into `idx/`.
fn indexed() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("news")).unwrap();
    fs::write(dir.path().join("news/a.txt"), SPUTNIK).unwrap();
    fs::write(dir.path().join("news/b.txt"), REUTERS).unwrap();
    let out = cmd(dir.path())
        .args(["index", "-q", "--index", "idx", "news"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

/// What the ingester makes of `text` read from `path`: the article `show` must give back.
fn parsed(path: &Path, text: &str) -> Article {
    let mut article = dateline::ingest::parse_bytes(path, text.as_bytes())
        .unwrap()
        .articles
        .remove(0);
    article.path = fs::canonicalize(path).unwrap().display().to_string();
    article
}

fn stdout(dir: &Path, args: &[&str]) -> String {
    let out = cmd(dir).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn failure(dir: &Path, args: &[&str]) -> String {
    let out = cmd(dir).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn show_json_gives_back_the_article_the_ingester_made() {
    let dir = indexed();
    let expected = parsed(&dir.path().join("news/a.txt"), SPUTNIK);
    let shown: Article = serde_json::from_str(&stdout(
        dir.path(),
        &["show", &expected.id, "--index", "idx", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(shown, expected);
    let line = stdout(
        dir.path(),
        &["show", &expected.id, "--index", "idx", "--format", "ndjson"],
    );
    assert_eq!(line.lines().count(), 1);
    assert_eq!(serde_json::from_str::<Article>(&line).unwrap(), expected);
}

#[test]
fn show_text_has_the_header_then_the_body() {
    let dir = indexed();
    let a = parsed(&dir.path().join("news/a.txt"), SPUTNIK);
    let text = stdout(dir.path(), &["show", &a.id, "--index", "idx"]);
    let header = format!(
        "Pipeline talks\nid:        {}\npublished: 2026-02-26T11:12:00Z (updated 2026-02-26T11:13:00Z)\n\
         dateline:  MOSCOW\nagency:    Sputnik\nsource:    Kremlin\npath:      news/a.txt\n",
        a.id
    );
    assert!(text.starts_with(&header), "{text}");
    // Speakers (people, then organisations) and warnings as the ingester found them.
    let mut rest = String::new();
    let people = a
        .speakers
        .iter()
        .map(|s| (s, ""))
        .chain(a.organisations.iter().map(|s| (s, "organisation")));
    for (i, (s, kind)) in people.enumerate() {
        let role = s.role.as_deref().unwrap_or(kind);
        let role = if role.is_empty() {
            String::new()
        } else {
            format!(" ({role})")
        };
        let label = if i == 0 { "speakers:" } else { "" };
        let plural = if s.quotes == 1 { "" } else { "s" };
        rest.push_str(&format!(
            "{label:<10} {}{role}, {} quote{plural}\n",
            s.name, s.quotes
        ));
    }
    for w in &a.warnings {
        rest.push_str(&format!("warning:   {w}\n"));
    }
    assert_eq!(&text[header.len()..], format!("{rest}\n{}\n", a.body));
    assert!(
        a.body.starts_with("Talks on the Druzhba pipeline go on"),
        "{}",
        a.body
    );
}

#[test]
fn show_accepts_a_unique_prefix_and_refuses_short_or_unknown_ids() {
    let dir = indexed();
    let a = parsed(&dir.path().join("news/a.txt"), SPUTNIK);
    let by_prefix = stdout(
        dir.path(),
        &["show", &a.id[..6], "--index", "idx", "--format", "json"],
    );
    assert_eq!(
        serde_json::from_str::<Article>(&by_prefix).unwrap().id,
        a.id
    );
    assert_eq!(
        failure(dir.path(), &["show", &a.id[..3], "--index", "idx"]),
        format!(
            "dateline: article id \"{}\" is too short: give at least 4 characters\n",
            &a.id[..3]
        )
    );
    assert_eq!(
        failure(dir.path(), &["show", "ffffffffffffffff", "--index", "idx"]),
        "dateline: no article with id \"ffffffffffffffff\" in the index\n"
    );
}

#[test]
fn stats_json_counts_articles_dates_and_tops() {
    let dir = indexed();
    let stats: Value = serde_json::from_str(&stdout(
        dir.path(),
        &["stats", "--index", "idx", "--format", "json"],
    ))
    .unwrap();
    let a = parsed(&dir.path().join("news/a.txt"), SPUTNIK);
    let b = parsed(&dir.path().join("news/b.txt"), REUTERS);
    let quotes = (a.quotes.len() + b.quotes.len()) as u64;
    assert_eq!(stats["index"], "idx");
    assert_eq!(stats["articles"], 2);
    assert_eq!(stats["quotes"], quotes);
    assert_eq!(stats["sources"], 2);
    assert_eq!(stats["first_published"], "2025-11-03T00:00:00Z");
    assert_eq!(stats["last_published"], "2026-02-26T11:12:00Z");
    assert!(stats["size_bytes"].as_u64().unwrap() > 0);
    assert_eq!(
        stats["agencies"],
        json!([{"value": "reuters", "articles": 1}, {"value": "sputnik", "articles": 1}])
    );
    assert_eq!(
        stats["locations"],
        json!([{"value": "london", "articles": 1}, {"value": "moscow", "articles": 1}])
    );
    let speakers: Vec<Value> = a
        .speakers
        .iter()
        .chain(&b.speakers)
        .map(|s| json!({"value": s.name, "articles": 1}))
        .collect();
    assert_eq!(stats["speakers"], Value::Array(speakers));
}

#[test]
fn stats_text_has_one_line_per_figure() {
    let dir = indexed();
    let text = stdout(dir.path(), &["stats", "--index", "idx"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8, "{text}");
    assert!(
        lines[0].starts_with("index:     idx (") && lines[0].ends_with(" KiB on disk)"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "articles:  2");
    assert_eq!(lines[3], "sources:   2");
    assert_eq!(lines[4], "published: 2025-11-03 .. 2026-02-26");
    assert_eq!(lines[5], "agencies:  reuters (1), sputnik (1)");
    assert_eq!(lines[6], "locations: london (1), moscow (1)");
    assert!(lines[7].starts_with("speakers:  "), "{}", lines[7]);
}

#[test]
fn an_empty_index_has_no_date_range() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("empty")).unwrap();
    cmd(dir.path())
        .args(["index", "-q", "--index", "idx", "empty"])
        .assert()
        .success();
    let text = stdout(dir.path(), &["stats", "--index", "idx"]);
    assert!(
        text.contains("\narticles:  0\n")
            && text.contains("\npublished: -\n")
            && text.contains("\nagencies:  -\n"),
        "{text}"
    );
}

#[test]
fn show_and_stats_without_an_index_say_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let expected = "dateline: opening index at nothing: no index at nothing; run `dateline index PATH...` first\n";
    assert_eq!(
        failure(dir.path(), &["stats", "--index", "nothing"]),
        expected
    );
    assert_eq!(
        failure(dir.path(), &["show", "abcd", "--index", "nothing"]),
        expected
    );
}

#[test]
fn an_index_with_another_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut builder = tantivy::schema::Schema::builder();
    builder.add_text_field("title", tantivy::schema::TEXT);
    fs::create_dir_all(dir.path().join("other")).unwrap();
    tantivy::Index::create_in_dir(dir.path().join("other"), builder.build()).unwrap();
    let err = failure(dir.path(), &["stats", "--index", "other"]);
    assert_eq!(
        err,
        "dateline: opening index at other: index other: it was built by another version of dateline; delete the \
         folder and run `dateline index` again\n"
    );
    let err = failure(dir.path(), &["index", "--index", "other", "."]);
    assert!(
        err.starts_with(
            "dateline: indexing into other: index other: it was built by another version"
        ),
        "{err}"
    );
}
