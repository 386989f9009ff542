//! Attribution throughput: `attribute` over the dev corpora's bodies (polnear-dev and
//! reuters-2006-dev, read from `../shared/corpora` when present), single-threaded, reported in
//! bytes per second. A baseline pass (counting characters) runs in the same invocation, since
//! the machine is shared and noisy.
//!
//! ```text
//! cargo bench --bench attribution
//! ```

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::ingest::attribution::attribute;

/// Bodies of every text file under `dir`: line 1 (headline) or `-- ` header lines skipped,
/// non-empty lines joined as paragraphs.
fn bodies(dir: &Path) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| {
            let mut lines = t.lines();
            lines.next();
            lines
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("-- "))
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let root = Path::new("../shared/corpora");
    let mut texts = bodies(&root.join("polnear-dev/texts"));
    texts.extend(bodies(&root.join("reuters-2006-dev/texts")));
    if texts.is_empty() {
        eprintln!("attribution bench: ../shared/corpora not present, nothing to measure");
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("attribution");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("baseline_char_scan", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| t.chars().filter(|c| *c == '"').count())
                .sum::<usize>()
        })
    });
    g.bench_function("attribute", |b| {
        b.iter(|| {
            let quotes: usize = texts
                .iter()
                .map(|t| attribute(black_box(t), None).quotes.len())
                .sum();
            // The corpora quote people on nearly every page: zero means attribution broke.
            assert!(quotes > texts.len());
            quotes
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
