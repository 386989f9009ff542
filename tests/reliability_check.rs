//! `dateline check [--repair]` (issue 6): a clean index passes; a flipped byte in a segment
//! file, a missing segment file, a leftover of an interrupted run and a garbled `meta.json`
//! are each named on one line with exit 2; readers of a damaged index fail with one line, not
//! a panic; `--repair` drops what is damaged and the next `index` run restores every article.
#![cfg(unix)]

mod reliability_common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use reliability_common::{Run, article, article_count, dateline, index, run_with_timeout, summary};

/// Articles per part of the archive; each part is indexed by its own run (its own segment).
const PER_PART: usize = 500;
const PARTS: usize = 4;

fn check(idx: &Path, extra: &[&str]) -> Run {
    let mut cmd = dateline();
    cmd.arg("check").arg("--index").arg(idx).args(extra);
    run_with_timeout(cmd, Duration::from_secs(120))
}

/// An index of PARTS x PER_PART articles built by PARTS runs (tantivy may merge their
/// segments).
fn multi_segment_index(base: &Path) -> (PathBuf, PathBuf) {
    let root = base.join("news");
    reliability_common::write_archive(&root, PER_PART * PARTS);
    let idx = base.join("idx");
    for part in 0..PARTS {
        let run = index(&idx, &[&root.join(format!("part{part:03}"))], &[]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
    }
    (root, idx)
}

fn files_with_ext(idx: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(idx)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

/// Flips one byte in every 512 of the file's data, sparing its footer (the last third, at most
/// 1 KiB), so every block of a
/// document store is damaged but the file still opens.
fn flip_bytes(path: &Path) {
    let mut bytes = fs::read(path).unwrap();
    let data = bytes.len() - (bytes.len() / 3).min(1024);
    for i in (7..data).step_by(512) {
        bytes[i] ^= 0xA5;
    }
    fs::write(path, bytes).unwrap();
}

/// The id the ingester gives `article(n)`.
fn article_id(n: usize) -> String {
    let parsed = dateline::ingest::parse_bytes(Path::new("a.txt"), article(n).as_bytes()).unwrap();
    parsed.articles[0].id.clone()
}

fn one_error_line(run: &Run) -> String {
    assert_eq!(
        run.code,
        Some(2),
        "stdout: {} stderr: {}",
        run.stdout,
        run.stderr
    );
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {}", run.stderr);
    assert!(lines[0].starts_with("dateline: "), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    lines[0].to_string()
}

#[test]
fn a_clean_index_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, idx) = multi_segment_index(tmp.path());
    let run = check(&idx, &[]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    // Each run commits at least one segment; every document of every kind is read back.
    let json = check(&idx, &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let segments = report["segments"].as_u64().unwrap();
    let documents = report["documents"].as_u64().unwrap();
    assert!(segments >= 1, "{report}");
    let (articles, sources) = reliability_common::counts(&idx);
    let quotes = {
        let stats = reliability_common::stats_run(&idx);
        let v: serde_json::Value = serde_json::from_str(&stats.stdout).unwrap();
        v["quotes"].as_u64().unwrap()
    };
    assert_eq!(documents, articles + sources + quotes, "{report}");
    assert_eq!(
        run.stdout,
        format!(
            "index {}: {segments} segments, {documents} documents read ({} articles); no problems\n",
            idx.display(),
            PER_PART * PARTS
        )
    );
    assert_eq!(report["problems"], serde_json::json!([]));
    assert_eq!(report["articles"], PER_PART * PARTS);
}

#[test]
fn flipped_bytes_are_named_readers_fail_cleanly_and_repair_restores_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, idx) = multi_segment_index(tmp.path());
    let stores = files_with_ext(&idx, "store");
    assert!(!stores.is_empty());
    // Damage the segment holding article 0 (the first run's).
    let target_segment = {
        let reader = dateline::index::ArchiveIndex::open(&idx).unwrap();
        let searcher = reader.searcher();
        let id = article_id(0);
        let key = dateline::index::schema::doc_key("article", &id);
        let term = tantivy::Term::from_field_text(reader.fields().doc_key, &key);
        let hits = searcher
            .search(
                &tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic),
                &tantivy::collector::DocSetCollector,
            )
            .unwrap();
        let address = hits.into_iter().next().expect("article 0 is stored");
        searcher
            .segment_reader(address.segment_ord)
            .segment_id()
            .uuid_string()
    };
    let damaged = idx.join(format!("{target_segment}.store"));
    flip_bytes(&damaged);

    let run = check(&idx, &[]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!("{}: checksum mismatch (damaged segment)", damaged.display())
    );
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[1].ends_with("; 1 problem"), "{}", lines[1]);

    // Reading the damaged article fails with one line, never a panic.
    let mut show = dateline();
    show.arg("show").arg(article_id(0)).arg("--index").arg(&idx);
    let line = one_error_line(&run_with_timeout(show, Duration::from_secs(60)));
    assert!(line.len() < 400, "{line}");

    let run = check(&idx, &["--repair"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(&format!(
            "dropped damaged segment {target_segment}: its documents are gone from the index"
        )),
        "{}",
        run.stdout
    );
    assert!(!damaged.exists(), "the damaged segment's files are deleted");
    let left = article_count(&idx);
    assert!(left < (PER_PART * PARTS) as u64, "{left}");
    assert_eq!(check(&idx, &[]).code, Some(0));

    // The dropped articles' files are no longer in the manifest: the next run re-adds them.
    let rerun = index(&idx, &[&root], &[]);
    assert_eq!(rerun.code, Some(0), "{}", rerun.stderr);
    let s = summary(&rerun);
    assert_eq!(s["files"]["added"], (PER_PART * PARTS) as u64 - left, "{s}");
    assert_eq!(article_count(&idx), (PER_PART * PARTS) as u64);
    assert_eq!(check(&idx, &[]).code, Some(0));
}

#[test]
fn a_missing_segment_file_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, idx) = multi_segment_index(tmp.path());
    let gone = files_with_ext(&idx, "fieldnorm").remove(0);
    fs::remove_file(&gone).unwrap();
    let run = check(&idx, &[]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout.lines().next(),
        Some(format!("{}: missing (damaged segment)", gone.display()).as_str())
    );
    // Opening the index for reading fails with one line.
    let mut stats = dateline();
    stats.arg("stats").arg("--index").arg(&idx);
    one_error_line(&run_with_timeout(stats, Duration::from_secs(60)));
}

#[test]
fn leftovers_are_reported_and_repair_removes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    reliability_common::write_archive(&root, 20);
    let idx = tmp.path().join("idx");
    assert_eq!(index(&idx, &[&root], &[]).code, Some(0));
    // What a killed run leaves: segment files of a segment no commit names, a temp file.
    let orphan_store = idx.join("0123456789abcdef0123456789abcdef.store");
    let orphan_del = idx.join("0123456789abcdef0123456789abcdef.7.del");
    let temp = idx.join(".tmpX1y2Z3");
    for f in [&orphan_store, &orphan_del, &temp] {
        fs::write(f, b"partial").unwrap();
    }
    // Not the index's: left alone.
    fs::write(idx.join(".gitignore"), "*\n").unwrap();

    let run = check(&idx, &[]);
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let leftover = |p: &Path| {
        format!(
            "{}: leftover of an interrupted run (no commit references it)",
            p.display()
        )
    };
    assert_eq!(
        lines[..3],
        [
            leftover(&temp),
            leftover(&orphan_del),
            leftover(&orphan_store)
        ]
    );
    assert!(lines[3].ends_with("; 3 problems"), "{}", run.stdout);

    let run = check(&idx, &["--repair"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains(&format!("removed leftover {}\n", orphan_store.display())),
        "{}",
        run.stdout
    );
    assert!(!orphan_store.exists() && !orphan_del.exists() && !temp.exists());
    assert!(idx.join(".gitignore").exists());
    assert_eq!(article_count(&idx), 20);
}

#[test]
fn a_running_writer_is_respected() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    reliability_common::write_archive(&root, 5);
    let idx = tmp.path().join("idx");
    assert_eq!(index(&idx, &[&root], &[]).code, Some(0));
    // A segment file of a run in progress must not be called a leftover, nor deleted.
    let in_progress = idx.join("fedcba9876543210fedcba9876543210.idx");
    fs::write(&in_progress, b"being written").unwrap();
    let writer = dateline::index::ArchiveWriter::open(&idx, 1, 20_000_000).unwrap();

    let run = check(&idx, &[]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.ends_with(
            "no problems; a `dateline index` run holds the lock, so leftover files were not checked\n"
        ),
        "{}",
        run.stdout
    );
    let line = one_error_line(&check(&idx, &["--repair"]));
    assert!(
        line.contains("is locked by another `dateline index` run"),
        "{line}"
    );
    assert!(in_progress.exists());
    drop(writer);
}

#[test]
fn no_index_and_garbled_meta_get_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let line = one_error_line(&check(&tmp.path().join("none"), &[]));
    assert!(line.contains("no index at"), "{line}");

    let root = tmp.path().join("news");
    reliability_common::write_archive(&root, 3);
    let idx = tmp.path().join("idx");
    assert_eq!(index(&idx, &[&root], &[]).code, Some(0));
    fs::write(idx.join("meta.json"), b"{\"segments\": [garbage").unwrap();
    let line = one_error_line(&check(&idx, &[]));
    assert!(line.contains(&idx.display().to_string()), "{line}");
    let line = one_error_line(&check(&idx, &["--repair"]));
    assert!(line.contains(&idx.display().to_string()), "{line}");
}

/// One segment per commit (a single indexing thread, fewer segments than tantivy merges).
fn write_file(
    writer: &mut dateline::index::ArchiveWriter,
    path: &Path,
    n: usize,
) -> dateline::index::manifest::SourceEntry {
    let text = article(n);
    fs::write(path, &text).unwrap();
    let meta = fs::metadata(path).unwrap();
    let entry = dateline::index::manifest::SourceEntry {
        path: path.to_str().unwrap().to_string(),
        size: meta.len(),
        mtime: dateline::ingest::walk::mtime_nanos(&meta),
        hash: dateline::index::manifest::content_hash(text.as_bytes()),
        ..Default::default()
    };
    let parsed = dateline::ingest::parse_bytes(path, text.as_bytes()).unwrap();
    writer
        .replace_source(entry.clone(), parsed.articles)
        .unwrap();
    writer.commit().unwrap();
    entry
}

#[test]
fn a_file_split_across_segments_is_forgotten_and_re_added() {
    let tmp = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(tmp.path()).unwrap().join("news");
    fs::create_dir_all(&root).unwrap();
    let idx = tmp.path().join("idx");
    let (a, b) = (root.join("a.txt"), root.join("b.txt"));
    {
        let mut writer = dateline::index::ArchiveWriter::open(&idx, 1, 20_000_000).unwrap();
        let entry_a = write_file(&mut writer, &a, 1); // segment 1: a's article and record
        write_file(&mut writer, &b, 2); // segment 2: b
        // Segment 3: a's record again (a new mtime), so a's article and record now live in
        // different segments.
        writer
            .touch_source(&entry_a.path, entry_a.size, entry_a.mtime)
            .unwrap();
        writer.commit().unwrap();
        // Dropped without `finish`, whose end-of-run merge would join the three segments.
        drop(writer);
    }
    // Damage segment 1, the one holding a's article.
    let a_segment = {
        let reader = dateline::index::ArchiveIndex::open(&idx).unwrap();
        let searcher = reader.searcher();
        let key = dateline::index::schema::doc_key("article", &article_id(1));
        let term = tantivy::Term::from_field_text(reader.fields().doc_key, &key);
        let hits = searcher
            .search(
                &tantivy::query::TermQuery::new(term, tantivy::schema::IndexRecordOption::Basic),
                &tantivy::collector::DocSetCollector,
            )
            .unwrap();
        assert_eq!(
            searcher.segment_readers().len(),
            3,
            "one segment per commit"
        );
        let address = hits.into_iter().next().unwrap();
        searcher
            .segment_reader(address.segment_ord)
            .segment_id()
            .uuid_string()
    };
    flip_bytes(&idx.join(format!("{a_segment}.store")));

    let run = check(&idx, &["--repair"]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(&format!(
            "forgot {}: the next `dateline index` over its folder adds its articles again\n",
            a.display()
        )),
        "{}",
        run.stdout
    );
    assert_eq!(reliability_common::counts(&idx), (1, 1), "only b is left");
    let rerun = index(&idx, &[&root], &[]);
    assert_eq!(rerun.code, Some(0), "{}", rerun.stderr);
    let s = summary(&rerun);
    assert_eq!(
        (
            s["files"]["added"].as_u64(),
            s["files"]["unchanged"].as_u64()
        ),
        (Some(1), Some(1)),
        "{s}"
    );
    assert_eq!(reliability_common::counts(&idx), (2, 2));
    assert_eq!(check(&idx, &[]).code, Some(0));
}
