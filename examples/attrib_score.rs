//! Development driver for attribution: prints one NDJSON line per text file with the speakers
//! `attribute` finds, in the shape `score-extraction` reads. Line 1 of each file (the headline)
//! is skipped and the remaining non-empty lines become paragraphs.
//!
//! ```text
//! cargo run --release --example attrib_score -- ../shared/corpora/polnear-dev/texts > /tmp/pred.ndjson
//! cargo run --release --example attrib_score -- --quotes FILE...   # also print the quotes
//! cargo run --release --example attrib_score -- --bench 20 DIR     # time attribution only
//! ```

use std::path::PathBuf;
use std::time::Instant;

use dateline::ingest::attribution::attribute;

fn body_of(text: &str) -> String {
    let mut lines = text.lines();
    lines.next();
    lines
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn main() -> anyhow::Result<()> {
    let mut quotes = false;
    let mut bench = 0usize;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--quotes" => quotes = true,
            "--bench" => bench = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            _ => {
                let p = PathBuf::from(a);
                if p.is_dir() {
                    let mut v: Vec<PathBuf> = std::fs::read_dir(&p)?
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .collect();
                    v.sort();
                    files.extend(v);
                } else {
                    files.push(p);
                }
            }
        }
    }
    let bodies: Vec<(PathBuf, String)> = files
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, body_of(&t))))
        .collect();
    if bench > 0 {
        let bytes: usize = bodies.iter().map(|b| b.1.len()).sum();
        // Baseline in the same run (the machine is shared): one pass counting characters.
        let base0 = cpu_seconds().unwrap_or(0.0);
        let mut chars = 0;
        for _ in 0..bench {
            for (_, b) in &bodies {
                chars += b.chars().filter(|c| *c == 'x').count();
            }
        }
        if let Some(c) = cpu_seconds().map(|c| c - base0) {
            println!(
                "baseline (char scan, {chars}): {:.1} MB/s on CPU",
                (bytes * bench) as f64 / c / 1e6
            );
        }
        let cpu0 = cpu_seconds().unwrap_or(0.0);
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..bench {
            for (_, b) in &bodies {
                n += attribute(b, None).quotes.len();
            }
        }
        let s = t.elapsed().as_secs_f64();
        let mb = (bytes * bench) as f64 / 1e6;
        println!(
            "{mb:.1} MB in {s:.3}s wall: {:.1} MB/s ({n} quotes)",
            mb / s
        );
        if let Some(c) = cpu_seconds().map(|c| c - cpu0) {
            // The machine is shared: on-CPU time is the honest figure.
            println!("{c:.3}s on CPU: {:.1} MB/s", mb / c);
        }
        return Ok(());
    }
    for (p, b) in &bodies {
        let a = attribute(b, chrono::NaiveDate::from_ymd_opt(2026, 2, 26));
        let mut v = serde_json::json!({ "path": p.display().to_string(), "speakers": a.speakers, "organisations": a.organisations });
        if quotes {
            v["quotes"] = serde_json::to_value(&a.quotes)?;
        }
        println!("{v}");
    }
    Ok(())
}

/// This thread's on-CPU time (Linux `/proc/thread-self/schedstat`, nanoseconds).
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
