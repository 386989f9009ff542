//! Concurrency (issue 6): searches keep working while an index run writes (they see the last
//! commit, never a half-applied one); a second writer fails at once with the lock message; a
//! lock file left by a killed run does not block the next one.
#![cfg(unix)]

mod reliability_common;

use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use dateline::index::ArchiveWriter;
use dateline::index::manifest::SourceEntry;
use reliability_common::{Run, article, counts, dateline, index, run_with_timeout, write_archive};

/// Hits of `search Druzhba --all` as NDJSON lines (exit 1 means none).
fn hits(idx: &Path) -> (Option<i32>, usize) {
    let mut cmd = dateline();
    cmd.args([
        "search", "--all", "--format", "ndjson", "Druzhba", "--index",
    ])
    .arg(idx);
    let run: Run = run_with_timeout(cmd, Duration::from_secs(60));
    assert!(
        run.code == Some(0) || run.code == Some(1),
        "search failed while indexing: {}",
        run.stderr
    );
    (run.code, run.stdout.lines().count())
}

fn add(writer: &mut ArchiveWriter, dir: &Path, n: usize) {
    let path = dir.join(format!("{n}.txt"));
    let text = article(n);
    fs::write(&path, &text).unwrap();
    let parsed = dateline::ingest::parse_bytes(&path, text.as_bytes()).unwrap();
    let entry = SourceEntry {
        path: path.to_str().unwrap().to_string(),
        size: text.len() as u64,
        hash: n.to_string(),
        ..SourceEntry::default()
    };
    writer.replace_source(entry, parsed.articles).unwrap();
}

#[test]
fn readers_see_the_last_commit_and_a_second_writer_is_refused_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let idx = tmp.path().join("idx");
    let news = tmp.path().join("news");
    fs::create_dir_all(&news).unwrap();
    let mut writer = ArchiveWriter::open(&idx, 1, 20_000_000).unwrap();
    add(&mut writer, &news, 1);
    writer.commit().unwrap();
    add(&mut writer, &news, 2); // applied, not committed

    assert_eq!(hits(&idx), (Some(0), 1), "only the committed article");
    assert_eq!(counts(&idx), (1, 1));

    let started = Instant::now();
    let run = index(&idx, &[&news], &[]);
    assert!(started.elapsed() < Duration::from_secs(10), "not at once");
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        format!(
            "dateline: indexing into {0}: index {0} is locked by another `dateline index` run; wait for it to finish (a lock left by a killed run is released automatically)\n",
            idx.display()
        )
    );

    writer.commit().unwrap();
    assert_eq!(hits(&idx), (Some(0), 2), "the new commit is seen");
    writer.finish().unwrap();
}

#[test]
fn a_lock_file_left_by_a_killed_run_does_not_block() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    write_archive(&root, 10);
    let idx = tmp.path().join("idx");
    assert_eq!(index(&idx, &[&root], &[]).code, Some(0));
    // What kill -9 leaves: the lock file, with nobody holding the lock.
    fs::write(idx.join(".tantivy-writer.lock"), b"").unwrap();
    fs::write(idx.join(".tantivy-meta.lock"), b"").unwrap();
    write_archive(&root, 20);
    let run = index(&idx, &[&root], &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(counts(&idx), (20, 20));
}

#[test]
fn searches_work_throughout_an_index_run() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    write_archive(&root, 2000);
    let idx = tmp.path().join("idx");
    assert_eq!(index(&idx, &[&root.join("part000")], &[]).code, Some(0));
    let mut child = dateline()
        .args(["index", "-q", "--commit-secs", "0.2", "--index"])
        .arg(&idx)
        .arg(&root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut seen = Vec::new();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(started.elapsed() < Duration::from_secs(300), "index hangs");
        let (_, n) = hits(&idx);
        seen.push(n);
    }
    assert_eq!(child.wait().unwrap().code(), Some(0));
    eprintln!("hits seen while indexing: {seen:?}");
    assert!(!seen.is_empty());
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(seen.iter().all(|n| (500..=2000).contains(n)), "{seen:?}");
    assert_eq!(hits(&idx), (Some(0), 2000));
}
