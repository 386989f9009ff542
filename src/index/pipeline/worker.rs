//! The worker side of the pipeline: read one changed file (bounded), hash it, and parse it
//! unless its content is what the manifest already holds. Runs on the parsing threads; never
//! touches the index.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::ParseFn;
use crate::article::Article;
use crate::error::{Error, Result};
use crate::index::manifest::content_hash;
use crate::ingest::walk::WalkedFile;

/// One changed (or new, or forced) file to read.
pub(super) struct Job {
    /// Canonical path.
    pub(super) path: String,
    /// Size seen by the walk.
    pub(super) size: u64,
    /// Modification time seen by the walk, ns.
    pub(super) mtime: u64,
    /// The hash the manifest holds, when the file was indexed before.
    pub(super) old_hash: Option<String>,
    /// Parse even when the hash did not change (the file must store articles it held as copies).
    pub(super) force: bool,
    /// Position in its batch; outcomes are applied in this order.
    pub(super) seq: usize,
    /// Count the outcome in the file counts (false when this run already counted the file).
    pub(super) count: bool,
}

/// The files one pass reads: those the walk found changed or new, kept in the walk's own
/// list until the feeder turns each into a [`Job`], then any extra jobs (files re-parsed to
/// store articles they held as copies).
#[derive(Default)]
pub(super) struct Batch {
    /// Changed and new files, in walk order.
    pub(super) walked: Vec<WalkedFile>,
    /// The manifest's hash of each changed file, by its position in `walked`.
    pub(super) old_hashes: HashMap<usize, String>,
    /// Jobs to run after the walked files.
    pub(super) extra: Vec<Job>,
}

impl Batch {
    pub(super) fn is_empty(&self) -> bool {
        self.walked.is_empty() && self.extra.is_empty()
    }

    pub(super) fn len(&self) -> usize {
        self.walked.len() + self.extra.len()
    }

    /// Bytes to read, as the walk saw them.
    pub(super) fn bytes(&self) -> u64 {
        let walked: u64 = self.walked.iter().map(|f| f.size).sum();
        walked + self.extra.iter().map(|j| j.size).sum::<u64>()
    }

    /// The paths in the batch.
    pub(super) fn paths(&self) -> impl Iterator<Item = &str> {
        let walked = self.walked.iter().filter_map(|f| f.path.to_str());
        walked.chain(self.extra.iter().map(|j| j.path.as_str()))
    }

    /// The jobs, walked files first; each walked path is moved, not copied. Paths that are
    /// not UTF-8 were reported and dropped when the batch was planned.
    pub(super) fn into_jobs(self) -> impl Iterator<Item = Job> {
        let Batch {
            walked,
            mut old_hashes,
            extra,
        } = self;
        walked
            .into_iter()
            .enumerate()
            .map(move |(i, file)| Job {
                path: file
                    .path
                    .into_os_string()
                    .into_string()
                    .unwrap_or_else(|raw| raw.to_string_lossy().into_owned()),
                size: file.size,
                mtime: file.mtime,
                old_hash: old_hashes.remove(&i),
                force: false,
                count: true,
                seq: 0,
            })
            .chain(extra)
    }
}

/// What a worker made of a job.
pub(super) enum Outcome {
    /// Same bytes as indexed: only the size and mtime need recording.
    Touched(Job),
    /// Parsed into articles (and per-record errors).
    Parsed {
        job: Job,
        hash: String,
        articles: Vec<Article>,
        errors: Vec<Error>,
    },
    /// Could not be read or parsed.
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

pub(super) fn process(job: Job, parse: &ParseFn, limit: u64) -> Outcome {
    let bytes = match read_limited(Path::new(&job.path), limit) {
        Ok(bytes) => bytes,
        Err(e) => return Outcome::Failed(job, e),
    };
    let hash = content_hash(&bytes);
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
