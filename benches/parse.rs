//! Parsing throughput, single-threaded: decode + detect + parse + dateline + body + attribution.
//!
//! Inputs: `corpus/` (shipped samples), and when present `../shared/corpora/reuters21578/*.sgm`
//! (SGML) and `../shared/corpora/reuters-2006-dev/texts` (plain text). Files are read into
//! memory first, so the figure is parsing only (no disk). Throughput is in bytes; each
//! iteration asserts the article count so a parser that silently drops stories fails the bench.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn load(dir: &Path, ext: Option<&str>) -> Vec<(PathBuf, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return Vec::new();
    };
    let mut files: Vec<(PathBuf, Vec<u8>)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && dateline::ingest::is_article_path(p))
        .filter(|p| ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)))
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    files.sort();
    files
}

fn count_articles(files: &[(PathBuf, Vec<u8>)]) -> usize {
    files
        .iter()
        .filter_map(|(p, b)| dateline::ingest::parse_bytes(p, b).ok())
        .map(|p| p.articles.len())
        .sum()
}

fn bench_set(c: &mut Criterion, name: &str, files: &[(PathBuf, Vec<u8>)]) {
    if files.is_empty() {
        return;
    }
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let expected = count_articles(files);
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut n = 0;
            for (path, data) in files {
                if let Ok(parsed) = dateline::ingest::parse_bytes(path, black_box(data)) {
                    n += parsed.articles.len();
                }
            }
            assert_eq!(n, expected);
        })
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    bench_set(c, "corpus", &load(&root.join("corpus"), None));
    bench_set(
        c,
        "reuters21578-sgml",
        &load(&root.join("../shared/corpora/reuters21578"), Some("sgm")),
    );
    bench_set(
        c,
        "reuters-2006-plain",
        &load(&root.join("../shared/corpora/reuters-2006-dev/texts"), None),
    );
}

criterion_group!(benches, parse);
criterion_main!(benches);
