//! Single-threaded parse throughput over the given files (read into memory first):
//! `cargo run --release --example parse_speed -- FILE... [--rounds N]`. Prints bytes, articles,
//! seconds of the best round and MB/s. A quick check beside `cargo bench --bench parse`, and a
//! small driver for `valgrind --tool=callgrind`, whose instruction counts are stable on a busy
//! machine.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut rounds = 3;
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--rounds" {
            rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(rounds);
        } else {
            paths.push(a.into());
        }
    }
    let files: Vec<(PathBuf, Vec<u8>)> = paths
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mut best = f64::MAX;
    let mut articles = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        articles = 0;
        for (path, data) in &files {
            if let Ok(parsed) = dateline::ingest::parse_bytes(path, data) {
                articles += parsed.articles.len();
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} files, {bytes} bytes, {articles} articles, {best:.3} s, {:.1} MB/s",
        files.len(),
        bytes as f64 / best / 1e6
    );
}
