//! The `dateline` binary: parse arguments, run, map the outcome to grep's exit codes
//! (0 = hits, 1 = no hits, 2 = error).

use std::process::ExitCode;

use clap::Parser;

/// jemalloc hands freed memory back to the system: `index` runs parser, tantivy, compression
/// and merge threads, and with glibc's malloc their arenas held a third more than the heap in
/// use (peak RSS 354 MiB instead of 257 on a 380,000-story archive; see Cargo.toml).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    // A panic is a bug; say so on one line instead of Rust's multi-line report. Panics in
    // parser threads are also caught there and turned into that file's error.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("dateline: internal error (please report): {what}{place}");
    }));
    let cli = dateline::cli::Cli::parse();
    match dateline::cli::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(err) => {
            if dateline::cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dateline: {}", dateline::cli::one_line(&err));
            ExitCode::from(2)
        }
    }
}
