//! What an indexing run reports: events as it goes (for a progress bar and error lines) and
//! the summary at the end.

use std::path::PathBuf;

use serde::Serialize;

use crate::error::Error;

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
