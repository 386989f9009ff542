//! Indexing throughput (issue 5): the per-article work of `dateline index` after parsing.
//!
//! Inputs are parsed once, outside the measured loop: `corpus/` and, when present, a sample of
//! `../shared/corpora/reuters21578` (its first [`SAMPLE_FILES`] `.sgm` files). Two measures,
//! throughput in bytes of the source files:
//!
//! - `ram/*`: documents built by the index's own `article_documents`, added to a tantivy
//!   `IndexWriter` over an index in RAM with dateline's schema, analyzers and settings, then
//!   committed. The loop asserts the committed document count.
//! - `writer/*`: the whole writer path `dateline index` takes per file, `ArchiveWriter`
//!   (index creation and lock, manifest look-ups, duplicate detection, article, quote and
//!   source documents, commit, merge wait), into a fresh folder in `/dev/shm` (RAM) when it
//!   exists. The loop asserts the article and source counts of the committed index.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dateline::Article;
use dateline::index::ArchiveIndex;
use dateline::index::ArchiveWriter;
use dateline::index::document::article_documents;
use dateline::index::manifest::SourceEntry;
use dateline::index::schema::{Fields, KIND_ARTICLE, KIND_SOURCE, register_tokenizers};
use tantivy::indexer::IndexWriterOptions;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexSettings};

/// Reuters-21578 files in the sample (about 1,000 stories each).
const SAMPLE_FILES: usize = 3;
/// Writer threads and memory budget: `dateline index`'s defaults on this 2-core machine.
const THREADS: usize = 2;
const BUDGET: usize = 128 << 20;

/// One parsed source file.
struct Parsed {
    path: String,
    size: u64,
    articles: Vec<Article>,
}

fn load(files: &[PathBuf]) -> Vec<Parsed> {
    files
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let parsed = dateline::ingest::parse_bytes(p, &bytes).ok()?;
            Some(Parsed {
                path: p.to_string_lossy().into_owned(),
                size: bytes.len() as u64,
                articles: parsed.articles,
            })
        })
        .collect()
}

fn list(dir: &Path, ext: Option<&str>, limit: usize) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("index bench: skipped {}: absent", dir.display());
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && dateline::ingest::is_article_path(p))
        .filter(|p| ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)))
        .collect();
    files.sort();
    files.truncate(limit);
    files
}

/// An empty index in RAM, set up as `create_or_open` sets up one on disk.
fn ram_index(fields: &Fields) -> Index {
    let settings = IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(3),
        }),
        ..IndexSettings::default()
    };
    let index = Index::builder()
        .schema(fields.schema.clone())
        .settings(settings)
        .create_in_ram()
        .expect("an index in RAM");
    register_tokenizers(&index);
    index
}

/// Builds, adds and commits every article's documents; returns the committed document count.
fn index_in_ram(fields: &Fields, files: &[Parsed]) -> u64 {
    let index = ram_index(fields);
    let options = IndexWriterOptions::builder()
        .num_worker_threads(THREADS)
        .memory_budget_per_thread(BUDGET / THREADS)
        .build();
    let mut writer = index
        .writer_with_options::<tantivy::TantivyDocument>(options)
        .expect("a writer");
    for article in files.iter().flat_map(|f| &f.articles) {
        for doc in article_documents(fields, article) {
            writer.add_document(doc).expect("adding a document");
        }
    }
    writer.commit().expect("committing");
    let reader = index.reader().expect("a reader");
    reader.searcher().num_docs()
}

/// A folder for one run's index: in RAM (`/dev/shm`) when the system has it.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir() {
        if let Ok(dir) = tempfile::tempdir_in(shm) {
            return dir;
        }
    }
    tempfile::tempdir().expect("a temporary folder")
}

/// `dateline index`'s writer path for already parsed files; returns (articles, sources) stored.
fn index_with_writer(dir: &Path, files: Vec<(SourceEntry, Vec<Article>)>) -> (u64, u64) {
    let mut writer = ArchiveWriter::open(dir, THREADS, BUDGET).expect("opening the writer");
    for (entry, articles) in files {
        writer
            .replace_source(entry, articles)
            .expect("replacing a source");
    }
    writer.commit().expect("committing");
    writer.finish().expect("finishing");
    let index = ArchiveIndex::open(dir).expect("opening the index");
    (
        index.count(KIND_ARTICLE).expect("counting articles"),
        index.count(KIND_SOURCE).expect("counting sources"),
    )
}

fn bench_set(c: &mut Criterion, name: &str, files: &[Parsed]) {
    if files.is_empty() {
        return;
    }
    let fields = Fields::new();
    let bytes: u64 = files.iter().map(|f| f.size).sum();
    let docs: u64 = files
        .iter()
        .flat_map(|f| &f.articles)
        .map(|a| article_documents(&fields, a).len() as u64)
        .sum();
    // Stories told twice (same id) are stored once by the writer.
    let distinct = files
        .iter()
        .flat_map(|f| &f.articles)
        .map(|a| a.id.as_str())
        .collect::<HashSet<_>>()
        .len() as u64;
    let sources = files.len() as u64;
    let mut group = c.benchmark_group("index");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));
    group.bench_function(format!("ram/{name}"), |b| {
        b.iter(|| assert_eq!(index_in_ram(&fields, files), docs))
    });
    group.bench_function(format!("writer/{name}"), |b| {
        b.iter_batched(
            || {
                let input = files
                    .iter()
                    .map(|f| {
                        let entry = SourceEntry {
                            path: f.path.clone(),
                            size: f.size,
                            mtime: 1,
                            hash: "0".repeat(64),
                            ..SourceEntry::default()
                        };
                        (entry, f.articles.clone())
                    })
                    .collect::<Vec<_>>();
                (scratch(), input)
            },
            |(dir, input)| {
                assert_eq!(index_with_writer(dir.path(), input), (distinct, sources));
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn index(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    bench_set(
        c,
        "corpus",
        &load(&list(&root.join("corpus"), None, usize::MAX)),
    );
    bench_set(
        c,
        "reuters21578-sample",
        &load(&list(
            &root.join("../shared/corpora/reuters21578"),
            Some("sgm"),
            SAMPLE_FILES,
        )),
    );
}

criterion_group!(benches, index);
criterion_main!(benches);
