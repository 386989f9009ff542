//! The tantivy index: [`schema`] (field names and options; [`stem_cache`] makes its stemmed
//! analyzer cheap), [`document`] (Article <-> tantivy
//! documents), [`manifest`] (the source-file records that make indexing incremental),
//! [`writer`] (the one writer and its whole-file changes), [`merge`] (its merge policy), [`pipeline`] (walk, parse on all
//! cores, write, commit: `dateline index`), [`reader`] (opening an index for search, `show`
//! and `stats`), [`stats`] (the summary `dateline stats` prints) and [`check`] (verifying and
//! repairing an index folder: `dateline check`).

pub mod check;
pub mod document;
pub mod manifest;
pub mod merge;
pub mod pipeline;
pub mod reader;
pub mod schema;
pub mod stats;
pub mod stem_cache;
pub mod writer;

pub use reader::ArchiveIndex;
pub use writer::{ArchiveWriter, create_or_open};
