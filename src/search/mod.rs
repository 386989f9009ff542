//! Search: query text and filters -> one tantivy query -> ranked hits with passages -> output.
//!
//! [`query`] parses the query language (with [`lexer`]) into a tree and enforces the limits;
//! [`dates`] reads `--since`/`--until`; [`build`] turns the tree and the filters into one
//! tantivy `BooleanQuery`; [`snippet`] picks passages and highlight offsets from a hit's stored
//! body; [`render`] is the only module that writes search results.

pub mod build;
pub mod dates;
pub mod lexer;
pub mod query;
pub mod sentences;
pub mod snippet;

#[cfg(test)]
mod testkit;
