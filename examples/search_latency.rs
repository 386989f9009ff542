//! In-process search latency on an existing index (issue 5): median and p99 per query.
//!
//! `cargo run --release --example search_latency -- --index DIR [--runs N] [--corpus] [--only NAME]`
//!
//! Opens the index once, then runs each of the six benchmark queries (`benches/common/
//! queries.rs`: a phrase, a two-word AND, a rare word, a `--speaker` filter, a date range,
//! `--sort date`; Reuters-21578 queries, or `corpus/` ones with `--corpus`; `--only NAME` runs
//! just the query called NAME, e.g. under `perf record`) N times (default
//! 200) after 3 unmeasured warm-up runs, each run doing what `dateline search` does before
//! printing: filter-value look-ups, ranking, loading the top 10 and picking their passages.
//! The first (cold) run's time is shown apart. Every run's hits are checked (count, words,
//! filters, order, highlights) outside the timed part; a failed check exits 1, bad arguments
//! or an unreadable index exit 2.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use dateline::index::ArchiveIndex;

#[path = "../benches/common/queries.rs"]
mod queries;

const WARM_UP: usize = 3;

struct Options {
    index: PathBuf,
    runs: usize,
    cases: &'static [queries::Case],
    only: Option<String>,
}

fn options() -> Result<Options, String> {
    let mut index = None;
    let mut runs = 200;
    let mut cases = queries::REUTERS;
    let mut only = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--index" => index = args.next().map(PathBuf::from),
            "--runs" => {
                let value = args.next().unwrap_or_default();
                runs = value
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| format!("--runs takes a positive number, not {value:?}"))?;
            }
            "--corpus" => cases = queries::CORPUS,
            "--only" => only = Some(args.next().ok_or("--only takes a query name")?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let index = index.ok_or("--index DIR is required")?;
    if let Some(name) = &only {
        if !cases.iter().any(|c| c.name == name) {
            let names: Vec<_> = cases.iter().map(|c| c.name).collect();
            return Err(format!(
                "--only {name:?}: no such query (one of {})",
                names.join(", ")
            ));
        }
    }
    Ok(Options {
        index,
        runs,
        cases,
        only,
    })
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Nearest-rank percentile of sorted durations.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn main() -> ExitCode {
    let options = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!(
                "search_latency: {e}\nusage: search_latency --index DIR [--runs N] [--corpus] [--only NAME]"
            );
            return ExitCode::from(2);
        }
    };
    let index = match ArchiveIndex::open(&options.index) {
        Ok(index) => index,
        Err(e) => {
            eprintln!("search_latency: {e}");
            return ExitCode::from(2);
        }
    };
    println!(
        "{} runs per query on {} (top 10 with passages, in process)",
        options.runs,
        options.index.display()
    );
    println!(
        "{:<10} {:<52} {:>7} {:>9} {:>9} {:>9} {:>9}",
        "query", "arguments", "hits", "first ms", "median", "p99", "max"
    );
    let mut failed = false;
    let selected = options
        .cases
        .iter()
        .filter(|c| options.only.as_deref().is_none_or(|name| c.name == name));
    for case in selected {
        let request = match queries::request(case) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("search_latency: {e}");
                return ExitCode::from(2);
            }
        };
        let mut times = Vec::with_capacity(options.runs);
        let mut first = Duration::ZERO;
        let mut total = None;
        let mut problem = None;
        for run in 0..WARM_UP + options.runs {
            let started = Instant::now();
            let result = queries::run(&index, &request);
            let took = started.elapsed();
            let result = match result {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("search_latency: {}: {e}", case.name);
                    return ExitCode::from(2);
                }
            };
            match queries::check(case, &request, &result, total) {
                Ok(n) => total = Some(n),
                Err(e) => {
                    problem = Some(e);
                    break;
                }
            }
            if run == 0 {
                first = took;
            }
            if run >= WARM_UP {
                times.push(took);
            }
        }
        if let Some(e) = problem {
            eprintln!("search_latency: check failed: {e}");
            failed = true;
            continue;
        }
        times.sort_unstable();
        println!(
            "{:<10} {:<52} {:>7} {:>9.3} {:>9.3} {:>9.3} {:>9.3}",
            case.name,
            case.argv.join(" "),
            total.unwrap_or(0),
            ms(first),
            ms(percentile(&times, 50.0)),
            ms(percentile(&times, 99.0)),
            ms(percentile(&times, 100.0)),
        );
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
