//! The `dateline` binary: parse arguments, run, map the outcome to grep's exit codes
//! (0 = hits, 1 = no hits, 2 = error).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    limit_malloc_arenas();
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

/// glibc gives each thread that allocates its own malloc arena (up to eight per core) and keeps
/// freed memory in them. `index` runs parser, tantivy, compression, merge and walk threads, and
/// on a 380,000-story archive the arenas held twice the heap actually in use (peak RSS 460 MiB
/// of heap instead of 190). Two arenas keep lock contention low on the threads that matter.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    // SAFETY: mallopt only sets an allocator parameter; it is called before any thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}
