//! Hostile queries (issue 6): length, nesting, term and prefix-expansion limits, malformed
//! syntax, unknown fields, absurd dates and numbers, control characters and huge inputs each
//! get one clear line and exit 2, quickly, never a stack overflow, a hang or a panic.
#![cfg(unix)]

mod reliability_common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use dateline::error::Error;
use dateline::search::Query;
use reliability_common::{Run, dateline, index, run_with_timeout, write_archive};

fn search(idx: &Path, args: &[&str]) -> Run {
    let mut cmd = dateline();
    cmd.arg("search")
        .arg("--index")
        .arg(idx)
        .arg("--color")
        .arg("never")
        .args(args);
    let started = Instant::now();
    let run = run_with_timeout(cmd, Duration::from_secs(30));
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{args:?} took {:?}",
        started.elapsed()
    );
    run
}

fn small_index(base: &Path) -> std::path::PathBuf {
    let root = base.join("news");
    write_archive(&root, 3);
    // One article holding 300 words sharing a prefix, for the expansion limit.
    let words: Vec<String> = (0..300).map(|i| format!("zq{i:03}x")).collect();
    fs::write(
        root.join("many.txt"),
        format!("Many words\n\nLONDON (Reuters) - {}.\n", words.join(" ")),
    )
    .unwrap();
    let idx = base.join("idx");
    let run = index(&idx, &[&root], &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    idx
}

/// (arguments after `search --index IDX`, the one stderr line expected)
const CASES: &[(&[&str], &str)] = &[
    (
        &["\"unbalanced"],
        "bad query: unbalanced quote: this \" is never closed (at column 1)",
    ),
    (
        &["(open"],
        "bad query: unbalanced parenthesis: this ( is never closed (at column 1)",
    ),
    (
        &["close)"],
        "bad query: unbalanced parenthesis: this ) has no matching ( (at column 6)",
    ),
    (
        &["AND"],
        "bad query: lone operator AND: it needs a term on both sides (at column 1)",
    ),
    (
        &["Druzhba OR"],
        "bad query: lone operator OR: it needs a term on both sides (at column 9)",
    ),
    (
        &["NOT"],
        "bad query: lone operator NOT: put a term after it (at column 1)",
    ),
    (
        &["--", "-"],
        "bad query: lone operator -: put it right before a word, as in -word (at column 1)",
    ),
    (
        &["nosuch:word"],
        "bad query: unknown field nosuch; fields are title, body, speaker, location, agency (at column 1)",
    ),
    (
        &["title:*"],
        "bad query: prefix * is too short: give at least 2 letters before * (at column 7)",
    ),
    (
        &["body:"],
        "bad query: expected a word or \"phrase\" after body: (at column 1)",
    ),
    (&["\"\""], "bad query: empty phrase \"\" (at column 1)"),
    (&["()"], "bad query: empty parentheses (at column 2)"),
    (
        &["\"a b\"~999"],
        "bad query: slop ~999 is too large; the limit is 64 (at column 6)",
    ),
    (
        &["ctl\u{1}char"],
        "bad query: control character U+0001 is not allowed (at column 4)",
    ),
    (
        &["esc\u{1b}[31m"],
        "bad query: control character U+001B is not allowed (at column 4)",
    ),
    (
        &["zq*"],
        "bad query: prefix zq* matches more than 256 words; make it longer (at column 1)",
    ),
    (
        &["--since", "99999", "x"],
        "bad date \"99999\": expected YYYY, YYYY-MM, YYYY-MM-DD, an RFC 3339 date-time, or a relative 7d, 6m, 1y",
    ),
    (
        &["--until", "0000-13-45", "x"],
        "bad date \"0000-13-45\": year 0 is out of range 1000..=9999",
    ),
    (
        &["--since", "2026-02-30", "x"],
        "bad date \"2026-02-30\": no such day; expected YYYY, YYYY-MM, YYYY-MM-DD, an RFC 3339 date-time, or a relative 7d, 6m, 1y",
    ),
    (
        &["--since", "99999999999d", "x"],
        "bad date \"99999999999d\": that is further back than the year 1000",
    ),
    (
        &["--since", "2027", "--until", "2026", "x"],
        "--since 2027 is after --until 2026: nothing can match; swap them?",
    ),
    (
        &["--speaker", "\u{7}", "x"],
        "filter value \"\\u{7}\" has no letters or digits",
    ),
    (
        &["--limit", "0", "x"],
        "--limit must be at least 1 (or use --all)",
    ),
];

#[test]
fn each_hostile_query_gets_one_line_and_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = small_index(tmp.path());
    for (args, expected) in CASES {
        let run = search(&idx, args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr, format!("dateline: {expected}\n"), "{args:?}");
        assert_eq!(run.stdout, "", "{args:?}");
    }
}

#[test]
fn limits_on_size_nesting_and_terms_hold_through_the_binary() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = small_index(tmp.path());
    let nested = format!("{}x{}", "(".repeat(40), ")".repeat(40));
    let negated = format!("{}x", "NOT ".repeat(40));
    let many: Vec<String> = (0..70).map(|i| format!("w{i}")).collect();
    let many = many.join(" ");
    // ~100 KiB through argv (Linux allows 128 KiB per argument).
    let huge = "(".repeat(100 * 1024);
    let cases: [(&str, &str); 4] = [
        (
            &nested,
            "bad query: query nests deeper than 32 levels (at column 33)",
        ),
        (
            &negated,
            "bad query: query nests deeper than 32 levels (at column 129)",
        ),
        (
            &many,
            "bad query: query has more than 64 words (at column 247)",
        ),
        (
            &huge,
            "bad query: query is 102400 bytes long; the limit is 1024 (at column 1025)",
        ),
    ];
    for (query, expected) in cases {
        let run = search(&idx, &["--", query]);
        assert_eq!(run.code, Some(2), "{}", run.stderr);
        assert_eq!(run.stderr, format!("dateline: {expected}\n"));
    }
}

#[test]
fn absurd_offsets_find_nothing_instead_of_crashing() {
    // Regression (issue 6): tantivy allocated offset + limit heap slots first, so
    // `--offset 4000000000` aborted on memory and `--offset 18446744073709551615` panicked.
    let tmp = tempfile::tempdir().unwrap();
    let idx = small_index(tmp.path());
    for offset in ["4000000000", "18446744073709551615"] {
        for extra in [&[][..], &["--all"][..], &["--sort", "date"][..]] {
            let mut args = vec!["--offset", offset, "Druzhba"];
            args.extend_from_slice(extra);
            let run = search(&idx, &args);
            assert_eq!((run.code, run.stderr.as_str()), (Some(1), ""), "{args:?}");
        }
    }
    let run = search(
        &idx,
        &["--limit", "4000000000", "Druzhba", "--format", "ndjson"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 3);
}

#[test]
fn the_front_end_rejects_a_megabyte_query_at_once() {
    for text in [
        "x".repeat(1 << 20),
        "(".repeat(1 << 20),
        "\"".repeat(1 << 20),
    ] {
        let started = Instant::now();
        let err = Query::parse(&text).expect_err("too long");
        assert!(started.elapsed() < Duration::from_secs(1));
        assert!(
            matches!(&err, Error::BadQuery { reason, column: Some(1025) }
                if reason == "query is 1048576 bytes long; the limit is 1024"),
            "{err}"
        );
    }
}

#[test]
fn the_front_end_holds_its_limits_just_under_the_length_limit() {
    // 1 KiB of the worst shapes the length limit still lets through.
    let deep = format!("{}x{}", "(".repeat(500), ")".repeat(500));
    let not_chain = "-".repeat(1000) + "x";
    let words = "a ".repeat(500);
    let ors = "a OR ".repeat(200) + "a";
    for (text, reason) in [
        (&deep, "query nests deeper than 32 levels"),
        (&not_chain, "query nests deeper than 32 levels"),
        (&words, "query has more than 64 words"),
        (&ors, "query has more than 64 words"),
    ] {
        assert!(text.len() <= 1024);
        let err = Query::parse(text).expect_err("over a limit");
        assert!(
            matches!(&err, Error::BadQuery { reason: r, .. } if r == reason),
            "{}: {err}",
            &text[..20]
        );
    }
}

#[test]
fn broken_pipe_exits_0_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    write_archive(&root, 300);
    let idx = tmp.path().join("idx");
    assert_eq!(index(&idx, &[&root], &[]).code, Some(0));
    let mut child = dateline()
        .args(["search", "--all", "--color", "never", "Druzhba", "--index"])
        .arg(&idx)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut out, &mut first).unwrap();
    drop(out); // `| head -c 64`
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!((status.code(), stderr.as_str()), (Some(0), ""));
}
