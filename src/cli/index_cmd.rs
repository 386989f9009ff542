//! `dateline index`: runs [`crate::index::pipeline::run_index`] with a progress bar on a
//! terminal, one stderr line per failed file, and a summary at the end (text on stderr, or
//! JSON on stdout with `--format json`).
//!
//! Exit codes follow grep: 0 when every file was indexed (or skipped as unchanged), 2 when any
//! file or record failed, even though the rest was indexed and committed. Ctrl-C stops the
//! run, commits what was applied, says so, and exits 130; a second Ctrl-C kills at once (the
//! index then holds the last periodic commit).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use super::{IndexArgs, Outcome, OutputFormat};
use crate::error::Error;
use crate::index::pipeline::{Event, IndexOptions, Summary, run_index};
use crate::ingest;

/// Folder indexed when no PATH is given.
pub const DEFAULT_ROOT: &str = "corpus";

/// Exit status after Ctrl-C, as shells report a SIGINT death.
const EXIT_INTERRUPTED: i32 = 130;

pub(crate) use crate::display::Relative;

fn progress_bar(quiet: bool) -> Option<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(0);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
    )
    .ok()?;
    bar.set_style(style);
    Some(bar)
}

/// Installs the Ctrl-C handling: the first SIGINT sets the flag, a second one exits at once.
fn interrupt_flag() -> anyhow::Result<Arc<AtomicBool>> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        use signal_hook::consts::SIGINT;
        signal_hook::flag::register_conditional_shutdown(
            SIGINT,
            EXIT_INTERRUPTED,
            Arc::clone(&flag),
        )
        .context("installing the Ctrl-C handler")?;
        signal_hook::flag::register(SIGINT, Arc::clone(&flag))
            .context("installing the Ctrl-C handler")?;
    }
    Ok(flag)
}

fn parse_file(path: &Path, bytes: &[u8]) -> crate::Result<(Vec<crate::Article>, Vec<Error>)> {
    ingest::parse_bytes(path, bytes).map(|parsed| (parsed.articles, parsed.errors))
}

/// The two summary lines printed on stderr.
pub(crate) fn summary_text(s: &Summary, relative: &Relative) -> String {
    let f = &s.files;
    let a = &s.articles;
    let mut text = format!(
        "files: {} added, {} updated, {} unchanged, {} removed, {} failed\n\
         articles: {} added, {} removed, {} duplicates stored once, {} bad records; {} quotes\n\
         {:.1} MB read in {:.2} s ({:.1} MB/s) into {}",
        f.added,
        f.updated,
        f.unchanged,
        f.removed,
        f.failed,
        a.added,
        a.removed,
        a.duplicates,
        a.failed,
        s.quotes,
        s.bytes as f64 / 1e6,
        s.seconds,
        s.mb_per_s,
        relative.apply(&s.index.display().to_string()),
    );
    if s.interrupted {
        text.push_str("\ninterrupted: what was indexed before Ctrl-C is committed; run the command again to finish");
    }
    text
}

/// Runs the command.
pub fn run(args: IndexArgs) -> anyhow::Result<Outcome> {
    let roots = if args.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_ROOT)]
    } else {
        args.paths
    };
    let index_dir = args.location.index;
    let mut options = IndexOptions::new(index_dir.clone(), roots, ingest::MAX_FILE_BYTES);
    options.follow_links = args.follow;
    match args.threads {
        Some(0) => {
            return Err(Error::BadArgument("-j/--threads must be at least 1".to_string()).into());
        }
        Some(n) => options.threads = n,
        None => {}
    }
    if !(args.commit_secs.is_finite() && args.commit_secs >= 0.0) {
        return Err(Error::BadArgument(
            "--commit-secs must be a number of seconds, 0 or more".to_string(),
        )
        .into());
    }
    options.commit_interval = std::time::Duration::from_secs_f64(args.commit_secs);
    let interrupt = interrupt_flag()?;
    let relative = Relative::new();
    let bar = progress_bar(args.quiet);
    let (mut files_total, mut files_done) = (0u64, 0u64);
    let mut observer = |event: Event<'_>| match event {
        Event::Planned { files, bytes } => {
            files_total += files;
            if let Some(bar) = &bar {
                bar.inc_length(bytes);
                bar.set_message(format!("{files_done}/{files_total} files"));
            }
        }
        Event::FileDone { bytes } => {
            files_done += 1;
            if let Some(bar) = &bar {
                bar.inc(bytes);
                bar.set_message(format!("{files_done}/{files_total} files"));
            }
        }
        Event::Failed(e) => {
            let line = format!("dateline: {}", relative.apply(&e.to_string()));
            match &bar {
                Some(bar) => bar.suspend(|| eprintln!("{line}")),
                None => eprintln!("{line}"),
            }
        }
        Event::Committed => {}
    };
    let summary = run_index(
        &options,
        &ingest::is_article_path,
        &parse_file,
        &interrupt,
        &mut observer,
    )
    .with_context(|| format!("indexing into {}", index_dir.display()))?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match args.format {
        OutputFormat::Text => eprintln!("{}", summary_text(&summary, &relative)),
        OutputFormat::Json | OutputFormat::Ndjson => {
            let json = if args.format == OutputFormat::Json {
                serde_json::to_string_pretty(&summary)
            } else {
                serde_json::to_string(&summary)
            }
            .context("serialising the summary")?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "{json}")
                .and_then(|()| out.flush())
                .context("writing the summary")?;
            if summary.interrupted {
                eprintln!("dateline: interrupted; what was indexed before Ctrl-C is committed");
            }
        }
    }
    if summary.interrupted {
        std::process::exit(EXIT_INTERRUPTED);
    }
    let failed = summary.files.failed > 0 || summary.articles.failed > 0;
    Ok(if failed {
        Outcome::PartialFailure
    } else {
        Outcome::Found
    })
}
