//! Counts how well the ingester reads all of Reuters-21578 (issue 3's acceptance check).
//!
//! `cargo run --release --example reuters21578 [DIR]` (default `../shared/corpora/reuters21578`)
//! prints: stories, stories with a `<BODY>`, how many of those parsed, and, over stories whose
//! `<DATELINE>` is well formed (`CITY[, Region], Mon D - `), how many gave a location, with
//! examples of what failed. Exits 1 when a body story fails or datelines fall under 99%.

use std::path::{Path, PathBuf};

fn main() -> std::process::ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/corpora/reuters21578"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return std::process::ExitCode::SUCCESS;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    let (mut stories, mut with_body, mut body_parsed, mut well_formed, mut located, mut errors) =
        (0, 0, 0, 0, 0, 0);
    let mut failures: Vec<String> = Vec::new();
    for file in &files {
        let raw = std::fs::read(file).unwrap_or_default();
        let text = String::from_utf8_lossy(&raw);
        let parsed = match dateline::ingest::parse_path(file) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("dateline: {e}");
                errors += 1;
                continue;
            }
        };
        errors += parsed.errors.len();
        for e in &parsed.errors {
            failures.push(format!("error: {e}"));
        }
        for (n, story) in text.split("<REUTERS ").skip(1).enumerate() {
            stories += 1;
            let record = u32::try_from(n + 1).unwrap_or(u32::MAX);
            let article = parsed.articles.iter().find(|a| a.record == Some(record));
            if story.contains("<BODY>") {
                with_body += 1;
                if article.is_some_and(|a| !a.body.is_empty()) {
                    body_parsed += 1;
                } else {
                    failures.push(format!(
                        "{}:record {record}: body story did not parse",
                        name(file)
                    ));
                }
            }
            let Some(dl) = between(story, "<DATELINE>", "</DATELINE>") else {
                continue;
            };
            if !well_formed_dateline(dl) {
                continue;
            }
            well_formed += 1;
            if article.and_then(|a| a.location.as_deref()).is_some() {
                located += 1;
            } else if failures.len() < 40 {
                failures.push(format!(
                    "{}:record {record}: no location from {:?}",
                    name(file),
                    dl.trim()
                ));
            }
        }
    }
    let share = if well_formed == 0 {
        1.0
    } else {
        f64::from(located) / f64::from(well_formed)
    };
    println!(
        "files {}  stories {stories}  with <BODY> {with_body}  parsed {body_parsed}  record errors {errors}",
        files.len()
    );
    println!(
        "well-formed <DATELINE> {well_formed}  with location {located}  ({:.2}%)",
        share * 100.0
    );
    for f in failures.iter().take(40) {
        println!("  {f}");
    }
    if body_parsed < with_body || share < 0.99 {
        std::process::ExitCode::FAILURE
    } else {
        std::process::ExitCode::SUCCESS
    }
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    Some(&s[start..start + s[start..].find(close)?])
}

/// `CITY[, Region], Mon D - `: a place, a comma, a month and day, a dash.
fn well_formed_dateline(dl: &str) -> bool {
    let t = dl.trim();
    let Some(head) = t.strip_suffix('-').map(str::trim_end) else {
        return false;
    };
    let mut parts: Vec<&str> = head.split(',').map(str::trim).collect();
    let Some(date) = parts.pop() else {
        return false;
    };
    let mut words = date.split_whitespace();
    let month_ok = words
        .next()
        .is_some_and(|m| m.len() >= 3 && m.chars().all(|c| c.is_ascii_alphabetic() || c == '.'));
    let day_ok = words
        .next()
        .is_some_and(|d| d.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)));
    month_ok
        && day_ok
        && words.next().is_none()
        && !parts.is_empty()
        && parts
            .iter()
            .all(|p| p.chars().next().is_some_and(char::is_uppercase))
}
