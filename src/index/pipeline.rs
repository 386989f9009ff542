//! `dateline index` as a library call: walk the roots, decide per file what changed, read and
//! parse the changed files on a pool of threads, and apply each file's change through the one
//! [`ArchiveWriter`], committing periodically.
//!
//! Unchanged files (same size and modification time; or same blake3 hash when only the time
//! moved) are never parsed. Workers hand results to the writer through a bounded channel, so
//! however large the archive, only a few files' articles are in memory at once. Files deleted
//! from a walked folder lose their articles; files elsewhere are left alone. Every failure
//! becomes an [`Event::Failed`] for the caller to print, and the run goes on.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::article::Article;
use crate::error::{Error, Result};
use crate::index::manifest::SourceEntry;
use crate::index::writer::ArchiveWriter;
use crate::ingest::walk::{WalkOptions, walk_tree};

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

/// What the run reports as it goes, for a progress bar and error lines.
#[derive(Debug)]
pub enum Event<'a> {
    /// The walk is done: this many files (of this many bytes) will be read.
    Planned {
        /// Files to read.
        files: u64,
        /// Their total size.
        bytes: u64,
    },
    /// One file was read and applied (or failed).
    FileDone {
        /// Its size.
        bytes: u64,
    },
    /// A file, record or folder could not be indexed; the run goes on.
    Failed(&'a Error),
    /// A periodic commit happened.
    Committed,
}

/// File counts of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FileCounts {
    /// Files seen by the walk.
    pub seen: u64,
    /// New files indexed.
    pub added: u64,
    /// Changed files re-indexed.
    pub updated: u64,
    /// Files skipped as unchanged.
    pub unchanged: u64,
    /// Files gone from the walked folders, removed from the index.
    pub removed: u64,
    /// Files (or folders) that could not be indexed.
    pub failed: u64,
}

/// Article counts of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ArticleCounts {
    /// Articles stored that were not before.
    pub added: u64,
    /// Articles deleted (their file changed or is gone).
    pub removed: u64,
    /// Articles not stored because the same story is stored from another file.
    pub duplicates: u64,
    /// Records inside files that could not be parsed.
    pub failed: u64,
}

/// The end-of-run summary (`--format json` prints it as is).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// The index folder.
    pub index: PathBuf,
    /// Per-file outcome counts.
    pub files: FileCounts,
    /// Per-article outcome counts.
    pub articles: ArticleCounts,
    /// Quote documents written.
    pub quotes: u64,
    /// Bytes read from changed files.
    pub bytes: u64,
    /// Wall time of the run.
    pub seconds: f64,
    /// `bytes` per second, in MB (10^6).
    pub mb_per_s: f64,
    /// Commits made (including the last one).
    pub commits: u64,
    /// True when Ctrl-C stopped the run (what was applied before was committed).
    pub interrupted: bool,
}

struct Job {
    path: String,
    size: u64,
    mtime: u64,
    old_hash: Option<String>,
    /// Parse even when the hash did not change (the file must store articles it held as copies).
    force: bool,
    /// Position in its batch; outcomes are applied in this order.
    seq: usize,
    /// Count the outcome in the file counts (false when this run already counted the file).
    count: bool,
}

enum Outcome {
    Touched(Job),
    Parsed {
        job: Job,
        hash: String,
        articles: Vec<Article>,
        errors: Vec<Error>,
    },
    Failed(Job, Error),
}

fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let size = file.metadata().map_err(|e| Error::io(path, e))?.len();
    if size > limit {
        return Err(Error::bad_article(
            path,
            None,
            format!(
                "file is {} MB, over the {} MB limit for one file; skipped",
                size >> 20,
                limit >> 20
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // `take` keeps memory bounded even if the file grows while we read it.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(Error::bad_article(
            path,
            None,
            "file grew past the size limit while being read; skipped",
        ));
    }
    Ok(bytes)
}

fn process(job: Job, parse: &ParseFn, limit: u64) -> Outcome {
    let bytes = match read_limited(Path::new(&job.path), limit) {
        Ok(bytes) => bytes,
        Err(e) => return Outcome::Failed(job, e),
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    if !job.force && job.old_hash.as_deref() == Some(hash.as_str()) {
        return Outcome::Touched(job);
    }
    // A panic in a parser must not take the run down: it becomes this file's error.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        parse(Path::new(&job.path), &bytes)
    }));
    match parsed {
        Ok(Ok((articles, errors))) => Outcome::Parsed {
            job,
            hash,
            articles,
            errors,
        },
        Ok(Err(e)) => Outcome::Failed(job, e),
        Err(_) => {
            let e = Error::Internal(format!("the parser panicked on {}", job.path));
            Outcome::Failed(job, e)
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
    // Tokenising and inverting (tantivy's threads) costs more than parsing (ours), so tantivy
    // gets as many threads as the parsers; each side sleeps when the other is the bottleneck.
    let mut writer = ArchiveWriter::open(&options.index_dir, threads, options.memory_budget)?;
    let mut summary = Summary {
        index: options.index_dir.clone(),
        ..Summary::default()
    };
    let skip: Vec<PathBuf> = std::fs::canonicalize(&options.index_dir)
        .into_iter()
        .collect();
    let walk_options = WalkOptions {
        follow_links: options.follow_links,
        skip: &skip,
        accept,
        canonical: true,
    };
    let mut walked = walk_tree(&options.roots, walk_options);
    for e in &walked.errors {
        summary.files.failed += 1;
        observer(Event::Failed(e));
    }

    summary.files.seen = walked.files.len() as u64;

    // Copies whose stored article went away in an earlier, killed run (before this run
    // changes anything, so only the committed state counts).
    let mut orphans = writer.manifest().orphaned_copies()?;

    // Files gone from the walked folders.
    // Hashing `str`s, not `Path`s: a `Path` hashes component by component, several times slower.
    let seen: HashSet<&str> = walked
        .files
        .iter()
        .filter_map(|f| f.path.to_str())
        .collect();
    let gone: Vec<String> = writer
        .manifest()
        .paths()
        .filter(|p| !seen.contains(p.as_str()) && walked.covers(Path::new(p)))
        .cloned()
        .collect();
    drop(seen);
    for path in gone {
        if let Some(n) = writer.remove_source(&path)? {
            summary.files.removed += 1;
            summary.articles.removed += n;
        }
    }

    // Unchanged files are counted and forgotten; the others become jobs.
    let mut jobs = Vec::new();
    for file in std::mem::take(&mut walked.files) {
        let path = match file.path.into_os_string().into_string() {
            Ok(path) => path,
            Err(raw) => {
                summary.files.failed += 1;
                let e = Error::bad_article(
                    PathBuf::from(raw),
                    None,
                    "path is not valid UTF-8; skipped",
                );
                observer(Event::Failed(&e));
                continue;
            }
        };
        match writer.manifest().stamp(&path) {
            Some(stamp) if stamp == (file.size, file.mtime) => summary.files.unchanged += 1,
            stamp => {
                // Only a changed file's full entry is read, for its hash.
                let old_hash = match stamp {
                    Some(_) => writer.manifest().entry(&path)?.map(|e| e.hash),
                    None => None,
                };
                jobs.push(Job {
                    path,
                    size: file.size,
                    mtime: file.mtime,
                    old_hash,
                    force: false,
                    count: true,
                    seq: 0,
                });
            }
        }
    }

    let mut pass = 0;
    let mut last_commit = Instant::now();
    let mut bytes_since_commit = 0u64;
    loop {
        // Files that hold copies of articles no file stores any more (their owner changed or is
        // gone, possibly in a killed earlier run) are parsed again to store them.
        let lost = writer.take_lost();
        orphans.extend(writer.manifest().holders_of_lost(&lost)?);
        if !orphans.is_empty() {
            let queued: HashSet<&str> = jobs.iter().map(|j| j.path.as_str()).collect();
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
            jobs.extend(extra);
        }
        if jobs.is_empty() || pass == 3 || interrupt.load(Ordering::Relaxed) {
            break;
        }
        pass += 1;
        let batch = std::mem::take(&mut jobs);
        observer(Event::Planned {
            files: batch.len() as u64,
            bytes: batch.iter().map(|j| j.size).sum(),
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
                for (seq, mut job) in batch.into_iter().enumerate() {
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
    writer.finish()?;
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
mod tests {
    use super::*;
    use crate::index::reader::ArchiveIndex;
    use crate::index::schema::{KIND_ARTICLE, KIND_SOURCE};
    use std::fs;

    /// A stand-in parser: first line is the title, the rest the body, the id a hash of both;
    /// a file starting with `BAD` fails, one starting with `PANIC` panics.
    fn parse(path: &Path, bytes: &[u8]) -> Result<(Vec<Article>, Vec<Error>)> {
        let text =
            std::str::from_utf8(bytes).map_err(|_| Error::bad_article(path, None, "not UTF-8"))?;
        if text.starts_with("BAD") {
            return Err(Error::bad_article(path, None, "bad on purpose"));
        }
        assert!(!text.starts_with("PANIC"), "parser bug");
        let (title, body) = text.split_once('\n').unwrap_or((text, ""));
        let id = blake3::hash(text.as_bytes()).to_hex()[..16].to_string();
        let article = Article {
            id,
            title: title.to_string(),
            body: body.to_string(),
            ..Article::default()
        };
        Ok((vec![article], Vec::new()))
    }

    fn txt(path: &Path) -> bool {
        path.extension().is_some_and(|e| e == "txt")
    }

    fn run(index: &Path, root: &Path) -> (Summary, Vec<String>) {
        let mut failures = Vec::new();
        let mut options = IndexOptions::new(index.to_path_buf(), vec![root.to_path_buf()], 1 << 20);
        options.threads = 2;
        let summary = run_index(&options, &txt, &parse, &AtomicBool::new(false), &mut |e| {
            if let Event::Failed(e) = e {
                failures.push(e.to_string());
            }
        })
        .unwrap();
        (summary, failures)
    }

    fn count(index: &Path, kind: &str) -> u64 {
        ArchiveIndex::open(index).unwrap().count(kind).unwrap()
    }

    #[test]
    fn second_run_is_a_no_op_and_changes_are_applied() {
        let tmp = tempfile::tempdir().unwrap();
        let (root, index) = (tmp.path().join("news"), tmp.path().join("idx"));
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("a.txt"), "Alpha\nbody a").unwrap();
        fs::write(root.join("b.txt"), "Beta\nbody b").unwrap();
        fs::write(root.join("copy.txt"), "Beta\nbody b").unwrap();
        let (s, failures) = run(&index, &root);
        assert!(failures.is_empty(), "{failures:?}");
        assert_eq!(
            (s.files.added, s.articles.added, s.articles.duplicates),
            (3, 2, 1)
        );
        assert_eq!(count(&index, KIND_ARTICLE), 2);

        let (s, _) = run(&index, &root);
        assert_eq!(
            s.files,
            FileCounts {
                seen: 3,
                unchanged: 3,
                ..FileCounts::default()
            }
        );
        assert_eq!(s.articles, ArticleCounts::default());

        // Changed content replaces the article; a deleted owner hands its story to the copy.
        fs::write(root.join("a.txt"), "Alpha two\nnew body").unwrap();
        fs::remove_file(root.join("b.txt")).unwrap();
        let (s, _) = run(&index, &root);
        assert_eq!((s.files.updated, s.files.removed), (2, 1), "{s:?}");
        assert_eq!(count(&index, KIND_ARTICLE), 2);
        assert_eq!(count(&index, KIND_SOURCE), 2);
        let reader = ArchiveIndex::open(&index).unwrap();
        let titles: Vec<String> = reader
            .distinct_values(reader.fields().path, 10)
            .unwrap()
            .into_iter()
            .map(|(p, _)| {
                Path::new(&p)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(titles, ["a.txt", "copy.txt"]);
    }

    #[test]
    fn touched_file_with_same_content_is_not_reparsed() {
        let tmp = tempfile::tempdir().unwrap();
        let (root, index) = (tmp.path().join("news"), tmp.path().join("idx"));
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("a.txt"), "Alpha\nbody").unwrap();
        run(&index, &root);
        let file = fs::File::options()
            .write(true)
            .open(root.join("a.txt"))
            .unwrap();
        file.set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
            .unwrap();
        let (s, _) = run(&index, &root);
        assert_eq!((s.files.unchanged, s.files.updated, s.bytes), (1, 0, 10));
        let (s, _) = run(&index, &root);
        assert_eq!(
            (s.files.unchanged, s.bytes),
            (1, 0),
            "the new mtime was recorded"
        );
    }

    #[test]
    fn bad_and_panicking_files_are_reported_and_the_rest_indexed() {
        let tmp = tempfile::tempdir().unwrap();
        let (root, index) = (tmp.path().join("news"), tmp.path().join("idx"));
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("a.txt"), "Alpha\nbody").unwrap();
        fs::write(root.join("bad.txt"), "BAD\n").unwrap();
        fs::write(root.join("panic.txt"), "PANIC\n").unwrap();
        fs::write(root.join("huge.txt"), vec![b'x'; (1 << 20) + 1]).unwrap();
        let (s, failures) = run(&index, &root);
        assert_eq!((s.files.added, s.files.failed), (1, 3));
        assert_eq!(failures.len(), 3);
        assert!(
            failures
                .iter()
                .any(|f| f.ends_with("bad.txt: bad on purpose")),
            "{failures:?}"
        );
        assert!(
            failures
                .iter()
                .any(|f| f.contains("huge.txt: file is 1 MB, over the 1 MB limit")),
            "{failures:?}"
        );
        assert!(
            failures
                .iter()
                .any(|f| f.contains("parser panicked") && f.contains("panic.txt")),
            "{failures:?}"
        );
        assert_eq!(count(&index, KIND_ARTICLE), 1);
    }

    #[test]
    fn files_outside_the_walked_roots_are_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let index = tmp.path().join("idx");
        for dir in ["one", "two"] {
            fs::create_dir_all(tmp.path().join(dir)).unwrap();
            fs::write(tmp.path().join(dir).join("a.txt"), format!("{dir}\nbody")).unwrap();
        }
        run(&index, &tmp.path().join("one"));
        let (s, _) = run(&index, &tmp.path().join("two"));
        assert_eq!((s.files.added, s.files.removed), (1, 0));
        assert_eq!(count(&index, KIND_ARTICLE), 2);
    }

    #[test]
    fn copies_orphaned_by_a_killed_run_are_stored_on_the_next_run() {
        let tmp = tempfile::tempdir().unwrap();
        let (root, index) = (tmp.path().join("news"), tmp.path().join("idx"));
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("a.txt"), "Alpha\nbody").unwrap();
        fs::write(root.join("copy.txt"), "Alpha\nbody").unwrap();
        run(&index, &root);
        // What a run killed after committing a.txt's removal, before re-parsing its copy, leaves.
        fs::remove_file(root.join("a.txt")).unwrap();
        let owner = fs::canonicalize(&root).unwrap().join("a.txt");
        let mut writer = ArchiveWriter::open(&index, 1, 20_000_000).unwrap();
        assert_eq!(
            writer.remove_source(owner.to_str().unwrap()).unwrap(),
            Some(1)
        );
        writer.commit().unwrap();
        drop(writer);
        assert_eq!(count(&index, KIND_ARTICLE), 0);
        let (s, _) = run(&index, &root);
        assert_eq!(
            s.files,
            FileCounts {
                seen: 1,
                updated: 1,
                ..FileCounts::default()
            }
        );
        assert_eq!(count(&index, KIND_ARTICLE), 1);
    }
}
