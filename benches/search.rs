//! In-process search latency (issue 5): top 10 hits with passages, through the same library
//! calls `dateline search` makes, minus printing.
//!
//! The index is built once, before anything is measured, in a temporary folder by the
//! library's own pipeline (`run_index`, as `dateline index` runs it) from `corpus/` and, when
//! present, every `.sgm` file of `../shared/corpora/reuters21578`. Six queries run against it
//! (a phrase, a two-word AND, a rare word, a `--speaker` filter, a date range, `--sort date`;
//! see `common/queries.rs`), each checked inside the measured loop: the hit count, a full page,
//! the words in every hit, filters and order respected, highlights on the query's words.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::index::ArchiveIndex;
use dateline::index::pipeline::{Event, IndexOptions, run_index};
use dateline::ingest;

#[path = "common/queries.rs"]
mod queries;

/// The `.sgm` files of Reuters-21578, sorted; empty (with a printed reason) when absent.
fn reuters_files(root: &Path) -> Vec<PathBuf> {
    let dir = root.join("../shared/corpora/reuters21578");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "search bench: {} is absent; benchmarking corpus/ alone",
            dir.display()
        );
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    files
}

fn parse_file(
    path: &Path,
    bytes: &[u8],
) -> dateline::Result<(Vec<dateline::Article>, Vec<dateline::Error>)> {
    ingest::parse_bytes(path, bytes).map(|p| (p.articles, p.errors))
}

/// Builds the index in `dir` as `dateline index` would, panicking (this is a bench) on failure.
fn build_index(dir: &Path, roots: Vec<PathBuf>) {
    let options = IndexOptions::new(dir.to_path_buf(), roots, ingest::MAX_FILE_BYTES);
    let mut failed = 0;
    let summary = run_index(
        &options,
        &ingest::is_article_path,
        &parse_file,
        &AtomicBool::new(false),
        &mut |event| {
            if let Event::Failed(_) = event {
                failed += 1;
            }
        },
    )
    .expect("building the benchmark index");
    eprintln!(
        "search bench: indexed {} articles ({} quotes, {} failed records or files) in {:.1} s",
        summary.articles.added, summary.quotes, failed, summary.seconds
    );
}

fn search(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let sgm = reuters_files(root);
    let cases = if sgm.is_empty() {
        queries::CORPUS
    } else {
        queries::REUTERS
    };
    let mut roots = vec![root.join("corpus")];
    roots.extend(sgm);
    build_index(tmp.path(), roots);
    let index = ArchiveIndex::open(tmp.path()).expect("opening the benchmark index");

    let mut group = c.benchmark_group("search");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for case in cases {
        let request = queries::request(case).unwrap_or_else(|e| panic!("{e}"));
        // The expected count comes from a first run; the loop checks every run matches it.
        let first = queries::run(&index, &request).expect("searching");
        let total = queries::check(case, &request, &first, None).unwrap_or_else(|e| panic!("{e}"));
        assert!(total > 0, "{}: no hits", case.name);
        group.bench_function(case.name, |b| {
            b.iter(|| {
                let result = queries::run(&index, &request).expect("searching");
                if let Err(e) = queries::check(case, &request, &result, Some(total)) {
                    panic!("{e}");
                }
                result
            })
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
