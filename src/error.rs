//! The library's one error type.
//!
//! Variants fall into three layers, as in milli: *bad input* (an article or a query the user
//! gave us that we cannot use), *environment* (I/O, a lock held by someone else, a damaged
//! index) and *bug* (an invariant we broke). The binary maps every variant to exit code 2 and
//! prints it on one line, so each message names what, where, and (when useful) what to do.

use std::path::PathBuf;

/// `Result` with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in dateline.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    // ---- bad input: articles -------------------------------------------------------------
    /// A file (or one record of a multi-story file) could not be turned into an article.
    #[error("{}{}: {reason}", path.display(), location.as_deref().map(|l| format!(":{l}")).unwrap_or_default())]
    BadArticle {
        /// The file.
        path: PathBuf,
        /// `line N` or `record N` inside the file, when known.
        location: Option<String>,
        /// What is wrong, in words a user understands.
        reason: String,
    },

    // ---- bad input: queries and flags ----------------------------------------------------
    /// The query text cannot be parsed.
    #[error("bad query: {reason}{}", column.map(|c| format!(" (at column {c})")).unwrap_or_default())]
    BadQuery {
        /// What is wrong.
        reason: String,
        /// 1-based character column in the query where the problem is, when known.
        column: Option<usize>,
    },
    /// A `--since`/`--until` value (or another date a user typed) is not a date we understand.
    #[error("bad date {input:?}: {reason}")]
    BadDate {
        /// What the user typed.
        input: String,
        /// Why it is not accepted, and what is.
        reason: String,
    },
    /// Any other invalid command-line value.
    #[error("{0}")]
    BadArgument(String),
    /// `show ID` named an article the index does not hold.
    #[error("no article with id {0:?} in the index")]
    UnknownArticle(String),

    // ---- environment ---------------------------------------------------------------------
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// Another `dateline index` holds the index's writer lock.
    #[error(
        "index {} is locked by another `dateline index` run; wait for it to finish (a lock left by a killed run is released automatically)",
        index.display()
    )]
    IndexLocked {
        /// The index folder.
        index: PathBuf,
    },
    /// There is no index at the given path.
    #[error("no index at {}; run `dateline index PATH...` first", path.display())]
    NoIndex {
        /// The index folder.
        path: PathBuf,
    },
    /// The index exists but cannot be used (damaged segment, incompatible schema...).
    #[error("index {}: {reason}", path.display())]
    BadIndex {
        /// The index folder.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// An error from tantivy not covered above.
    #[error("{context}: {source}")]
    Tantivy {
        /// What we were doing.
        context: String,
        /// tantivy's error.
        #[source]
        source: tantivy::TantivyError,
    },
    /// The operation was interrupted (Ctrl-C).
    #[error("interrupted")]
    Interrupted,

    // ---- bug -----------------------------------------------------------------------------
    /// An invariant of dateline itself was broken; please report it.
    #[error("internal error (please report): {0}")]
    Internal(String),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Wraps a tantivy error with what we were doing.
    pub fn tantivy(context: impl Into<String>, source: tantivy::TantivyError) -> Self {
        Error::Tantivy {
            context: context.into(),
            source,
        }
    }

    /// A bad article in `path`, optionally at `line N` / `record N`.
    pub fn bad_article(
        path: impl Into<PathBuf>,
        location: Option<String>,
        reason: impl Into<String>,
    ) -> Self {
        Error::BadArticle {
            path: path.into(),
            location,
            reason: reason.into(),
        }
    }

    /// True for errors caused by what the user gave us (input files, queries, flags).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            Error::BadArticle { .. }
                | Error::BadQuery { .. }
                | Error::BadDate { .. }
                | Error::BadArgument(_)
                | Error::UnknownArticle(_)
        )
    }
}
