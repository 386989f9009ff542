//! `dateline index` as a library call: walk the roots, decide per file what changed, read and
//! parse the changed files on a pool of threads, and apply each file's change through the one
//! [`ArchiveWriter`], committing periodically.
//!
//! Unchanged files (same size and modification time; or same blake3 hash when only the time
//! moved) are never parsed. Workers hand results to the writer through a bounded channel, so
//! however large the archive, only a few files' articles are in memory at once. Files deleted
//! from a walked folder lose their articles; files elsewhere are left alone. Every failure
//! becomes an [`Event::Failed`] for the caller to print, and the run goes on.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::index::manifest::SourceEntry;
use crate::index::schema;
use crate::index::writer::ArchiveWriter;
use crate::ingest::walk::{WalkOptions, walk_tree};

mod report;
mod worker;

pub use report::{ArticleCounts, Event, FileCounts, Summary};
use worker::{Batch, Job, Outcome, process};

/// Parses one file's bytes into articles plus per-record errors (the ingester's `parse_bytes`).
pub type ParseFn = dyn Fn(&Path, &[u8]) -> Result<(Vec<Article>, Vec<Error>)> + Sync;

/// Settings of one indexing run.
#[derive(Clone, Debug)]
pub struct IndexOptions {
    /// The index folder.
    pub index_dir: PathBuf,
    /// Files and folders to index.
    pub roots: Vec<PathBuf>,
    /// Follow symbolic links in folders.
    pub follow_links: bool,
    /// Parsing threads.
    pub threads: usize,
    /// tantivy's indexing memory budget, bytes, shared by its threads.
    pub memory_budget: usize,
    /// Commit at least this often on long runs...
    pub commit_interval: Duration,
    /// ...or after reading this many bytes, whichever comes first.
    pub commit_bytes: u64,
    /// Files larger than this are skipped with an error rather than loaded.
    pub max_file_bytes: u64,
}

impl IndexOptions {
    /// Defaults for `index_dir` and `roots`: all cores, 128 MB for tantivy, a commit every
    /// 10 s or 64 MB read, files up to `max_file_bytes`.
    pub fn new(index_dir: PathBuf, roots: Vec<PathBuf>, max_file_bytes: u64) -> Self {
        IndexOptions {
            index_dir,
            roots,
            follow_links: false,
            threads: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            memory_budget: 128 << 20,
            commit_interval: Duration::from_secs(10),
            commit_bytes: 64 << 20,
            max_file_bytes,
        }
    }
}

/// Runs one indexing pass. `accept` says which files inside folders are articles; `interrupt`
/// (set by a Ctrl-C handler) stops the run early, keeping and committing what was applied.
pub fn run_index(
    options: &IndexOptions,
    accept: &(dyn Fn(&Path) -> bool + Sync),
    parse: &ParseFn,
    interrupt: &AtomicBool,
    observer: &mut dyn FnMut(Event<'_>),
) -> Result<Summary> {
    let started = Instant::now();
    let threads = options.threads.max(1);
    // The index folder exists before the walk starts, so the walk can skip it when it lies
    // inside a root.
    std::fs::create_dir_all(&options.index_dir).map_err(|e| Error::io(&options.index_dir, e))?;
    let skip: Vec<PathBuf> = std::fs::canonicalize(&options.index_dir)
        .into_iter()
        .collect();
    let walk_options = WalkOptions {
        follow_links: options.follow_links,
        skip: &skip,
        accept,
        canonical: true,
    };
    // The walk (stat calls) and opening the index (the manifest) each take a second or more on
    // a large archive and need nothing from each other: they run side by side.
    let (opened, walked) = std::thread::scope(|scope| {
        let walk = scope.spawn(|| walk_tree(&options.roots, walk_options));
        // Tokenising and inverting (tantivy's threads) costs more than parsing (ours), so
        // tantivy gets as many threads as the parsers; each side sleeps when the other is the
        // bottleneck.
        let opened = ArchiveWriter::open(&options.index_dir, threads, options.memory_budget)
            .and_then(|writer| {
                // Copies whose stored article went away in an earlier, killed run (before this
                // run changes anything, so only the committed state counts).
                let orphans = writer.manifest().orphaned_copies()?;
                Ok((writer, orphans))
            });
        let walked = walk
            .join()
            .map_err(|_| Error::Internal("the folder walk panicked".to_string()));
        (opened, walked)
    });
    let (mut writer, mut orphans) = opened?;
    let mut walked = walked?;
    let mut summary = Summary {
        index: options.index_dir.clone(),
        ..Summary::default()
    };
    for e in &walked.errors {
        summary.files.failed += 1;
        observer(Event::Failed(e));
    }
    summary.files.seen = walked.files.len() as u64;

    // Unchanged files are counted and forgotten; the others stay in the walk's own list and
    // become jobs one at a time as the feeder hands them out. A list of 400,000 jobs built up
    // front held 30 MB more than the walk for the whole run.
    let mut todo = std::mem::take(&mut walked.files);
    let mut old_hashes: HashMap<usize, String> = HashMap::new();
    let mut seen_keys = HashSet::new();
    let mut kept = 0;
    let mut manifest_error = None;
    todo.retain(|file| {
        if manifest_error.is_some() {
            return false;
        }
        let Some(path) = file.path.to_str() else {
            summary.files.failed += 1;
            let e = Error::bad_article(file.path.clone(), None, "path is not valid UTF-8; skipped");
            observer(Event::Failed(&e));
            return false;
        };
        let key = schema::path_key(path);
        let stamp = writer.manifest().stamp_by_key(key);
        if stamp.is_some() {
            seen_keys.insert(key);
        }
        match stamp {
            Some(stamp) if stamp == (file.size, file.mtime) => {
                summary.files.unchanged += 1;
                false
            }
            stamp => {
                // Only a changed file's full entry is read, for its hash.
                if stamp.is_some() {
                    match writer.manifest().entry(path) {
                        Ok(Some(entry)) => {
                            old_hashes.insert(kept, entry.hash);
                        }
                        Ok(None) => {}
                        Err(e) => manifest_error = Some(e),
                    }
                }
                kept += 1;
                true
            }
        }
    });
    if let Some(e) = manifest_error {
        return Err(e);
    }
    let mut jobs = Batch {
        walked: todo,
        old_hashes,
        extra: Vec::new(),
    };

    // Files gone from the walked folders. When the walk saw every file the index holds, none
    // is gone, and the scan over the manifest's paths (a second on 400,000 files) is skipped.
    if seen_keys.len() < writer.manifest().len() {
        let gone: Vec<String> = writer
            .manifest()
            .paths()?
            .into_iter()
            .filter(|p| !seen_keys.contains(&schema::path_key(p)) && walked.covers(Path::new(p)))
            .collect();
        for path in gone {
            if let Some(n) = writer.remove_source(&path)? {
                summary.files.removed += 1;
                summary.articles.removed += n;
            }
        }
    }
    drop(seen_keys);

    let mut pass = 0;
    let mut last_commit = Instant::now();
    let mut bytes_since_commit = 0u64;
    loop {
        // Files that hold copies of articles no file stores any more (their owner changed or is
        // gone, possibly in a killed earlier run) are parsed again to store them.
        let lost = writer.take_lost();
        orphans.extend(writer.manifest().holders_of_lost(&lost)?);
        if !orphans.is_empty() {
            let queued: HashSet<&str> = jobs.paths().collect();
            let mut taken: HashSet<String> = HashSet::new();
            let mut extra = Vec::new();
            for path in std::mem::take(&mut orphans) {
                if queued.contains(path.as_str()) || !taken.insert(path.clone()) {
                    continue;
                }
                let Ok(meta) = std::fs::metadata(&path) else {
                    continue;
                };
                // A file already counted (processed earlier in this run, or walked and found
                // unchanged) is not counted twice; one from outside the walked roots counts
                // as updated.
                let count = !writer.manifest().changed_this_run(&path);
                if count && walked.covers(Path::new(&path)) {
                    summary.files.unchanged = summary.files.unchanged.saturating_sub(1);
                }
                let mtime = crate::ingest::walk::mtime_nanos(&meta);
                extra.push(Job {
                    path,
                    size: meta.len(),
                    mtime,
                    old_hash: None,
                    force: true,
                    count,
                    seq: 0,
                });
            }
            drop(queued);
            jobs.extra.extend(extra);
        }
        if jobs.is_empty() || pass == 3 || interrupt.load(Ordering::Relaxed) {
            break;
        }
        pass += 1;
        let batch = std::mem::take(&mut jobs);
        observer(Event::Planned {
            files: batch.len() as u64,
            bytes: batch.bytes(),
        });
        let (job_tx, job_rx) = crossbeam_channel::bounded::<Job>(threads * 2);
        let (out_tx, out_rx) = crossbeam_channel::bounded::<Outcome>(threads * 2);
        // Outcomes are applied in walk order (so "the first path seen" is well defined and runs
        // are reproducible); tokens bound how far workers may run ahead of the writer, so a slow
        // file holds at most `window` finished files in memory.
        let window = threads * 8;
        let (token_tx, token_rx) = crossbeam_channel::bounded::<()>(window);
        for _ in 0..window {
            let _ = token_tx.send(());
        }
        let apply_result: Result<()> = std::thread::scope(|scope| {
            scope.spawn(move || {
                for (seq, mut job) in batch.into_jobs().enumerate() {
                    // Wait for a token, looking at the interrupt flag now and then.
                    let token = loop {
                        if interrupt.load(Ordering::Relaxed) {
                            break Err(());
                        }
                        match token_rx.recv_timeout(Duration::from_millis(50)) {
                            Ok(()) => break Ok(()),
                            Err(crossbeam_channel::RecvTimeoutError::Timeout) => continue,
                            Err(crossbeam_channel::RecvTimeoutError::Disconnected) => break Err(()),
                        }
                    };
                    job.seq = seq;
                    if token.is_err() || job_tx.send(job).is_err() {
                        break;
                    }
                }
            });
            for _ in 0..threads {
                let job_rx = job_rx.clone();
                let out_tx = out_tx.clone();
                scope.spawn(move || {
                    for job in job_rx {
                        if interrupt.load(Ordering::Relaxed) {
                            break;
                        }
                        if out_tx
                            .send(process(job, parse, options.max_file_bytes))
                            .is_err()
                        {
                            break;
                        }
                    }
                });
            }
            // Only the workers hold these now: when they stop, the feeder and this loop see it.
            drop(job_rx);
            drop(out_tx);
            let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
            let mut next = 0;
            for outcome in out_rx {
                if interrupt.load(Ordering::Relaxed) {
                    continue;
                }
                let (Outcome::Touched(job) | Outcome::Failed(job, _) | Outcome::Parsed { job, .. }) =
                    &outcome;
                pending.insert(job.seq, outcome);
                while let Some(outcome) = pending.remove(&next) {
                    next += 1;
                    let _ = token_tx.send(());
                    let size = apply(&mut writer, outcome, &mut summary, observer)?;
                    summary.bytes += size;
                    bytes_since_commit += size;
                    observer(Event::FileDone { bytes: size });
                    if last_commit.elapsed() >= options.commit_interval
                        || bytes_since_commit >= options.commit_bytes
                    {
                        summary.commits += u64::from(writer.commit()?);
                        observer(Event::Committed);
                        last_commit = Instant::now();
                        bytes_since_commit = 0;
                    }
                }
            }
            Ok(())
        });
        apply_result?;
    }
    summary.interrupted = interrupt.load(Ordering::Relaxed);
    summary.commits += u64::from(writer.commit()?);
    if summary.interrupted {
        writer.finish_now()?;
    } else {
        writer.finish()?;
    }
    summary.seconds = started.elapsed().as_secs_f64();
    summary.mb_per_s = if summary.seconds > 0.0 {
        summary.bytes as f64 / 1e6 / summary.seconds
    } else {
        0.0
    };
    Ok(summary)
}

/// Applies one worker outcome; returns the bytes it accounts for.
fn apply(
    writer: &mut ArchiveWriter,
    outcome: Outcome,
    summary: &mut Summary,
    observer: &mut dyn FnMut(Event<'_>),
) -> Result<u64> {
    let (Outcome::Touched(job) | Outcome::Failed(job, _) | Outcome::Parsed { job, .. }) = &outcome;
    let size = job.size;
    let mut uncounted = FileCounts::default();
    let files = if job.count {
        &mut summary.files
    } else {
        &mut uncounted
    };
    match outcome {
        Outcome::Touched(job) => {
            writer.touch_source(&job.path, job.size, job.mtime)?;
            files.unchanged += 1;
            Ok(size)
        }
        Outcome::Failed(_, e) => {
            files.failed += 1;
            observer(Event::Failed(&e));
            Ok(size)
        }
        Outcome::Parsed {
            job,
            hash,
            articles,
            errors,
        } => {
            for e in &errors {
                observer(Event::Failed(e));
            }
            summary.articles.failed += errors.len() as u64;
            if articles.is_empty() && !errors.is_empty() {
                // Nothing usable: keep what an earlier run stored, and try again next time.
                files.failed += 1;
                return Ok(size);
            }
            let known = writer.manifest().stamp(&job.path).is_some();
            let entry = SourceEntry {
                path: job.path,
                size: job.size,
                mtime: job.mtime,
                hash,
                ..SourceEntry::default()
            };
            let change = writer.replace_source(entry, articles)?;
            if known {
                files.updated += 1;
            } else {
                files.added += 1;
            }
            summary.articles.added += change.added;
            summary.articles.removed += change.removed;
            summary.articles.duplicates += change.duplicates;
            summary.quotes += change.quotes;
            Ok(size)
        }
    }
}

#[cfg(test)]
mod tests;
