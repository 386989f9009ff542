//! Search: query text and filters -> one tantivy query -> ranked hits with passages -> output.
//!
//! [`query`] parses the query language (with [`lexer`]) into a tree and enforces the limits;
//! [`dates`] reads `--since`/`--until`; [`build`] turns the tree and the filters into one
//! tantivy `BooleanQuery`; [`plan`] readies it (count, near-match fallback) and [`exec`] runs it (top hits by score or date, or every hit in
//! batches); [`snippet`] picks passages and highlight offsets from a hit's stored body (split by
//! [`sentences`]); [`suggest`] finds the nearest existing values for a filter that matches
//! nothing; [`render`] is the only module that writes search results.

pub mod build;
pub mod dates;
pub mod exec;
pub mod lexer;
pub mod plan;
pub mod query;
pub mod rank;
pub mod render;
pub mod sentences;
pub mod snippet;
pub mod suggest;

use crate::Article;
pub use build::Filters;
pub use query::Query;
pub use snippet::Passage;

/// Slop given to exact phrases when they find nothing, for the "near matches" fallback.
pub const RELAXED_SLOP: u32 = 3;

/// Hit order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Best score first, then newest, then id.
    #[default]
    Score,
    /// Newest first, then best score, then id.
    Date,
}

/// A validated search: what the user means, ready to run.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    /// The parsed query.
    pub query: Query,
    /// Filters, folded to index keys.
    pub filters: Filters,
    /// Hits to show (ignored with `all`).
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Stream every hit.
    pub all: bool,
    /// Order.
    pub sort: SortBy,
    /// Reverse the order.
    pub reverse: bool,
}

/// One search hit, ready to render.
#[derive(Clone, Debug)]
pub struct Hit {
    /// 1-based rank in the whole result list (offset included).
    pub rank: usize,
    /// BM25 score (with the title and proximity boosts).
    pub score: f32,
    /// The stored article.
    pub article: Article,
    /// Passages of its body, in body order.
    pub passages: Vec<Passage>,
}

#[cfg(test)]
mod testkit;
