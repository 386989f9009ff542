//! End-to-end tests of `dateline parse` through the binary: output formats, folder walks, bad
//! files on stderr with the right exit code, and a closed pipe.

use std::io::Read;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use serde_json::Value;

const ARCHIVE: &str = " date 2026-02-26 Pipeline Talks Go On - Kremlin\n11:12 GMT 26.02.2026 (Updated: 11:13 GMT 26.02.2026)\n© Sputnik / Jane DoeThe Kremlin in Moscow.\n© Sputnik / Jane Doe\nSubscribe\nMOSCOW (Sputnik) - Talks on the pipeline go on, the Kremlin said on Thursday.\nThe next round is set for March.\n";

const PLAIN: &str = "-- Acme buys Widget\n-- By  Jane Doe\n-- Mon Oct 23, 2006 1:48pm EDT\n-- http://example.com/acme\n\n \n\n NEW YORK  (Reuters) - Acme Corp said on Monday it would buy Widget Co. \n\n Shares rose. (Reporting by Jane Doe; Editing by John Roe)\n";

const NDJSON: &str = "{\"title\":\"First\",\"date\":\"2026-02-26\",\"body\":\"BEIJING, Feb. 26 (Xinhua) -- Text one.\"}\n[1]\n{\"title\":\"Second\",\"body\":\"Text two.\"}\n";

fn dateline() -> Command {
    let mut cmd = Command::cargo_bin("dateline").unwrap();
    cmd.env_remove("DATELINE_INDEX").env("NO_COLOR", "1");
    cmd
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn ndjson(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn archive_file_prints_every_extracted_field_as_ndjson() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "seed.txt", ARCHIVE.as_bytes());
    let out = dateline()
        .args(["parse", "--format", "ndjson", &path])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let a = &ndjson(&out.stdout)[0];
    assert_eq!(a["path"], path.as_str());
    assert_eq!(a["format"], "archive");
    assert_eq!(a["title"], "Pipeline Talks Go On");
    assert_eq!(a["title_source"], "Kremlin");
    assert_eq!(a["published"], "2026-02-26T11:12:00Z");
    assert_eq!(a["updated"], "2026-02-26T11:13:00Z");
    assert_eq!(a["location"], "MOSCOW");
    assert_eq!(a["region"], Value::Null);
    assert_eq!(a["agency"], "Sputnik");
    assert_eq!(
        a["body"],
        "Talks on the pipeline go on, the Kremlin said on Thursday.\n\nThe next round is set for March."
    );
    assert_eq!(a["id"].as_str().unwrap().len(), 16);
    assert!(a.get("record").is_none() && a.get("warnings").is_none());
}

#[test]
fn plain_text_headers_become_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "rt.txt", PLAIN.as_bytes());
    let out = dateline().args(["parse", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let a = &ndjson(&out.stdout)[0];
    assert_eq!(a["format"], "plain");
    assert_eq!(a["title"], "Acme buys Widget");
    assert_eq!(a["byline"], "Jane Doe");
    assert_eq!(a["url"], "http://example.com/acme");
    assert_eq!(a["published"], "2006-10-23T13:48:00-04:00");
    assert_eq!(a["location"], "NEW YORK");
    assert_eq!(a["agency"], "Reuters");
    assert_eq!(
        a["body"],
        "Acme Corp said on Monday it would buy Widget Co.\n\nShares rose."
    );
}

#[test]
fn json_format_is_one_pretty_array() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", ARCHIVE.as_bytes());
    let b = write(dir.path(), "b.txt", PLAIN.as_bytes());
    let out = dateline()
        .args(["parse", "--format", "json", &a, &b])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("[\n{\n  \"id\""), "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    let titles: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Pipeline Talks Go On", "Acme buys Widget"]);
}

#[test]
fn text_format_is_readable() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", ARCHIVE.as_bytes());
    let out = dateline()
        .args(["parse", "--format", "text", &a])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "\ntitle:    Pipeline Talks Go On\nsource:   Kremlin\npublished:2026-02-26T11:12:00Z\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("location: MOSCOW\nagency:   Sputnik\n"),
        "{text}"
    );
    assert!(
        text.ends_with("\nThe next round is set for March.\n"),
        "{text}"
    );
}

#[test]
fn folder_walk_reports_bad_records_and_files_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.txt", ARCHIVE.as_bytes());
    let nd = write(root, "b.ndjson", NDJSON.as_bytes());
    let empty = write(root, "c.txt", b"");
    let binary = write(root, "d.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0");
    write(root, ".hidden.txt", PLAIN.as_bytes());
    write(root, "e.png", b"\x89PNG");
    let missing = root.join("gone.txt").display().to_string();
    let out = dateline()
        .args(["parse", &root.display().to_string(), &missing])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let titles: Vec<String> = ndjson(&out.stdout)
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, ["Pipeline Talks Go On", "First", "Second"]);
    let records: Vec<Value> = ndjson(&out.stdout)
        .iter()
        .map(|a| a["record"].clone())
        .collect();
    assert_eq!(records, [Value::Null, Value::from(1), Value::from(3)]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert_eq!(
        lines[0],
        format!("dateline: {nd}:line 2: not a JSON object (found an array)")
    );
    assert_eq!(lines[1], format!("dateline: {empty}: empty file"));
    assert!(
        lines[2].starts_with(&format!("dateline: {binary}: binary data")),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with(&format!("dateline: {missing}: No such file")),
        "{}",
        lines[3]
    );
}

#[test]
fn oversized_file_is_refused_and_others_still_print() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let ok = write(dir.path(), "ok.txt", PLAIN.as_bytes());
    let out = dateline()
        .args(["parse", &big.display().to_string(), &ok])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(ndjson(&out.stdout).len(), 1);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "dateline: {}: file is 209715200 bytes, over the 64 MiB limit; split it into smaller files\n",
            big.display()
        )
    );
}

#[test]
fn latin1_file_decodes_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "l.txt",
        b"Caf\xe9 talks\n\nPARIS (AFP) - Le caf\xe9 est ferm\xe9.\n",
    );
    let out = dateline().args(["parse", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let a = &ndjson(&out.stdout)[0];
    assert_eq!(a["title"], "Caf\u{e9} talks");
    assert_eq!(a["body"], "Le caf\u{e9} est ferm\u{e9}.");
    assert_eq!(
        a["warnings"],
        serde_json::json!([
            "no publication date found",
            "not valid UTF-8; read as Windows-1252"
        ])
    );
}

#[test]
fn folder_without_articles_exits_1_quietly() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "x.png", b"\x89PNG");
    let out = dateline()
        .args(["parse", &dir.path().display().to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let line = "{\"title\":\"T\",\"body\":\"MOSCOW (TASS) - A body long enough to fill the pipe quickly.\"}\n";
    write(dir.path(), "many.ndjson", line.repeat(20_000).as_bytes());
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("dateline"))
        .args([
            "parse",
            "--format",
            "ndjson",
            &dir.path().join("many.ndjson").display().to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}
