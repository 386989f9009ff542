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
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..bench {
            for (_, b) in &bodies {
                n += attribute(b, None).quotes.len();
            }
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{} MB in {:.3}s: {:.1} MB/s ({} quotes)",
            bytes * bench / 1_000_000,
            s,
            (bytes * bench) as f64 / s / 1e6,
            n
        );
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
