//! End to end: `dateline search` through the binary, on temporary indexes built with
//! `dateline index --index TMP DIR` from the seed article and a few fictional ones.

#[path = "search_cli/support.rs"]
mod support;

use std::process::Stdio;

use serde_json::Value;
use support::*;
use tempfile::TempDir;

#[test]
fn seed_is_the_top_hit_for_druzhba_pipeline() {
    let f = fixture();
    let (v, out) = json(&f, &["Druzhba", "pipeline"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(v["total_hits"], 2);
    assert_eq!(
        titles(&v),
        [SEED_TITLE, "Gas Transit Questions Raised in Budapest"]
    );
    let passages = v["hits"][0]["passages"].as_array().expect("passages");
    let p = passages
        .iter()
        .find(|p| {
            p["text"]
                .as_str()
                .is_some_and(|t| t.contains("Druzhba oil pipeline"))
        })
        .expect("a passage with the phrase");
    assert_eq!(marked(p), ["Druzhba", "pipeline"]);
}

#[test]
fn phrase_passage_names_its_speaker() {
    let f = fixture();
    let (v, out) = json(&f, &["\"Druzhba oil pipeline\""]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let p = &v["hits"][0]["passages"][0];
    assert_eq!(marked(p), ["Druzhba oil pipeline"]);
    assert_eq!(p["speaker"], "Dmitry Peskov");
}

#[test]
fn exact_phrase_highlights_only_the_phrase() {
    let f = fixture();
    let (v, out) = json(&f, &["\"Druzhba oil pipeline\""]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(titles(&v), [SEED_TITLE]);
    assert_eq!(v["relaxed"], false);
    let all: Vec<String> = v["hits"][0]["passages"]
        .as_array()
        .expect("passages")
        .iter()
        .flat_map(marked)
        .collect();
    assert_eq!(all, ["Druzhba oil pipeline", "Druzhba oil pipeline"]);
}

#[test]
fn phrase_without_exact_match_shows_near_matches() {
    let f = fixture();
    let (v, out) = json(&f, &["\"Druzhba pipeline\""]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "dateline: no exact match for the phrase; showing near matches (its words up to 3 apart)\n"
    );
    assert_eq!(v["relaxed"], true);
    assert_eq!(titles(&v), [SEED_TITLE]);
    let out = search(&f, &["\"pipeline Druzhba harbour\""]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "dateline: no exact match for the phrase; no near matches either\n"
    );
}

#[test]
fn speaker_filter_matches_surname_and_variants() {
    let f = fixture();
    for speaker in ["Peskov", "Dmitri Peskov", "dmitry peskov"] {
        let (v, out) = json(&f, &["Druzhba", "pipeline", "--speaker", speaker]);
        assert_eq!(out.status.code(), Some(0), "{speaker}: {}", stderr(&out));
        assert_eq!(titles(&v), [SEED_TITLE], "{speaker}");
    }
}

#[test]
fn speaker_filter_drops_an_article_without_that_speaker() {
    let f = fixture();
    let out = search(&f, &["Druzhba", "pipeline", "--speaker", "Dmitriev"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).starts_with("dateline: --speaker \"Dmitriev\" matches nothing in the index"),
        "{}",
        stderr(&out)
    );
    let out = search(&f, &["Druzhba", "--speaker", "Peskow"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "dateline: --speaker \"Peskow\" matches nothing in the index; nearest: \"Dmitry Peskov\"\n"
    );
}

#[test]
fn date_filters_are_inclusive_whole_days() {
    let f = fixture();
    let out = search(&f, &["Druzhba", "pipeline", "--since", "2026-03"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0 hits\n");
    let (v, out) = json(&f, &["Druzhba", "pipeline", "--until", "2026-02-26"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        titles(&v),
        [SEED_TITLE, "Gas Transit Questions Raised in Budapest"]
    );
    let (v, _) = json(
        &f,
        &["Druzhba", "--since", "2026-02-26", "--until", "2026-02-26"],
    );
    assert_eq!(titles(&v), [SEED_TITLE]);
    let (v, _) = json(&f, &["Druzhba", "--until", "2026-02-25"]);
    assert_eq!(titles(&v), ["Gas Transit Questions Raised in Budapest"]);
}

#[test]
fn location_and_agency_filters_with_suggestions() {
    let f = fixture();
    let (v, out) = json(&f, &["Druzhba", "--location", "moscow"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(titles(&v), [SEED_TITLE]);
    let (v, _) = json(&f, &["Druzhba", "--agency", "REUTERS"]);
    assert_eq!(titles(&v), ["Gas Transit Questions Raised in Budapest"]);
    let out = search(&f, &["Druzhba", "--location", "moskow"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "dateline: --location \"moskow\" matches nothing in the index; nearest: \"moscow\"\n"
    );
    // One unknown value among known ones only warns.
    let (v, out) = json(
        &f,
        &["Druzhba", "--agency", "sputnik", "--agency", "reuterz"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(titles(&v), [SEED_TITLE]);
    assert!(
        stderr(&out).contains("nearest: \"reuters\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_queries_exit_2_with_one_line() {
    let f = fixture();
    let cases = [
        (
            "\"Druzhba oil",
            "bad query: unbalanced quote: this \" is never closed (at column 1)",
        ),
        (
            "(Druzhba",
            "bad query: unbalanced parenthesis: this ( is never closed (at column 1)",
        ),
        (
            "Druzhba)",
            "bad query: unbalanced parenthesis: this ) has no matching ( (at column 8)",
        ),
        (
            "OR",
            "bad query: lone operator OR: it needs a term on both sides (at column 1)",
        ),
        (
            "Druzhba NOT",
            "bad query: lone operator NOT: put a term after it (at column 9)",
        ),
        (
            "foo:bar",
            "bad query: unknown field foo; fields are title, body, speaker, location, agency (at column 1)",
        ),
        (
            "title:*",
            "bad query: prefix * is too short: give at least 2 letters before * (at column 7)",
        ),
        (
            "oil\u{1b}",
            "bad query: control character U+001B is not allowed (at column 4)",
        ),
    ];
    for (query, message) in cases {
        let out = search(&f, &[query]);
        assert_eq!(out.status.code(), Some(2), "{query:?}");
        assert_eq!(stderr(&out), format!("dateline: {message}\n"), "{query:?}");
        assert!(out.stdout.is_empty());
    }
    let long = "oil ".repeat(300);
    let out = search(&f, &[long.as_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .starts_with("dateline: bad query: query is 1200 bytes long; the limit is 1024")
    );
}

#[test]
fn bad_dates_and_flags_exit_2() {
    let f = fixture();
    let out = search(&f, &["oil", "--since", "yesterday"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "dateline: bad date \"yesterday\": expected YYYY, YYYY-MM, YYYY-MM-DD, an RFC 3339 date-time, or a relative 7d, 6m, 1y\n"
    );
    let out = search(&f, &["oil", "--since", "2026-03", "--until", "2026-02"]);
    assert_eq!(out.status.code(), Some(2));
    let out = search(&f, &["oil", "--sort", "sideways"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_index_is_an_error_naming_it() {
    let dir = TempDir::new().expect("tempdir");
    let missing = dir.path().join("nothing");
    let out = dateline()
        .arg("search")
        .arg("--index")
        .arg(&missing)
        .arg("oil")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no index at"), "{}", stderr(&out));
}

#[test]
fn text_output_is_plain_without_a_terminal_and_bold_when_asked() {
    let f = fixture();
    let out = search(&f, &["\"Druzhba oil pipeline\""]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.starts_with(&format!("1. {SEED_TITLE}\n   score ")),
        "{text}"
    );
    assert!(
        text.contains(" | 2026-02-26 | MOSCOW (Sputnik)\n"),
        "{text}"
    );
    assert!(!text.contains('\x1b'));
    assert!(text.ends_with("1-1 of 1 hit\n"), "{text}");
    let out = search(&f, &["\"Druzhba oil pipeline\"", "--color", "always"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\x1b[1mDruzhba oil pipeline\x1b[0m"));
}

#[test]
fn ndjson_limit_offset_and_sort() {
    let f = fixture();
    let out = search(
        &f,
        &["Druzhba OR harbour", "--format", "ndjson", "--sort", "date"],
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let dates: Vec<&str> = lines
        .iter()
        .map(|l| l["published"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(dates.len(), 3);
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let (v, _) = json(
        &f,
        &[
            "Druzhba OR harbour",
            "--sort",
            "date",
            "--reverse",
            "--limit",
            "1",
            "--offset",
            "1",
        ],
    );
    assert_eq!(titles(&v), ["Gas Transit Questions Raised in Budapest"]);
    assert_eq!(v["hits"][0]["rank"], 2);
    assert_eq!(v["total_hits"], 3);
    let out = search(&f, &["Druzhba", "--offset", "5"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn all_streams_every_hit_and_a_closed_pipe_exits_quietly() {
    let dir = TempDir::new().expect("tempdir");
    let corpus = dir.path().join("corpus");
    let files: Vec<(String, String)> = (0..400)
        .map(|i| {
            let text = format!(
                " date 2026-01-{:02} Oil report number {i}\n08:00 GMT 01.01.2026\nLONDON (Reuters) - Oil prices moved on day {i}. {}\n",
                i % 28 + 1,
                "Traders watched the oil market closely all day long. ".repeat(6)
            );
            (format!("{i:03}.txt"), text)
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    write_corpus(&corpus, &refs);
    let index = dir.path().join("ix");
    dateline()
        .arg("index")
        .arg("--index")
        .arg(&index)
        .arg(&corpus)
        .arg("-q")
        .assert()
        .success();
    let out = dateline()
        .arg("search")
        .arg("--index")
        .arg(&index)
        .args(["oil", "--all", "--format", "ndjson"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 400);
    // A reader that goes away at once (like `| head -0`): no error, exit 0.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"))
        .arg("search")
        .arg("--index")
        .arg(&index)
        .args(["oil", "--all"])
        .env_remove("DATELINE_INDEX")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn default_index_is_built_from_corpus_on_first_search() {
    let dir = TempDir::new().expect("tempdir");
    write_corpus(
        &dir.path().join("corpus"),
        &[("000_c6af6150e0f5301f.txt", seed().as_str())],
    );
    let first = dateline()
        .current_dir(dir.path())
        .args(["search", "Druzhba", "pipeline"])
        .output()
        .expect("run");
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(
        stderr(&first).starts_with("dateline: no index at index/; building it from corpus/ ...\n"),
        "{}",
        stderr(&first)
    );
    assert!(String::from_utf8_lossy(&first.stdout).starts_with(&format!("1. {SEED_TITLE}\n")));
    let second = dateline()
        .current_dir(dir.path())
        .args(["search", "Druzhba", "pipeline"])
        .output()
        .expect("run");
    assert_eq!(second.status.code(), Some(0));
    assert!(second.stderr.is_empty(), "{}", stderr(&second));
    // With DATELINE_INDEX set, a missing index is an error, not a build.
    let elsewhere = dateline()
        .current_dir(dir.path())
        .env("DATELINE_INDEX", dir.path().join("none"))
        .args(["search", "Druzhba"])
        .output()
        .expect("run");
    assert_eq!(elsewhere.status.code(), Some(2));
}
