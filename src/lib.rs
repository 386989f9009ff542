//! dateline: a search engine for archives of wire-service news.
//!
//! The pipeline runs one way. [`ingest`] walks folders, reads and decodes files (plain text,
//! the ` date YYYY-MM-DD` archive format, Reuters-21578 SGML, JSON/NDJSON) and parses each story
//! into an [`Article`]: publication date, dateline (location, region, agency), title, body, and
//! who said what ([`Speaker`]s and [`Quote`]s). [`index`] stores articles, quotes and a manifest
//! of source files in one tantivy index, incrementally. [`search`] turns a query and filters
//! into one tantivy query, picks readable passages from the hits and renders them as text or
//! JSON. [`cli`] is the command-line front end the `dateline` binary runs.
//!
//! ```
//! let text = " date 2026-02-26 Pipeline talks - Kremlin\n\
//!             MOSCOW (Sputnik) - Talks go on, Kremlin spokesman Dmitry Peskov said on Thursday.\n";
//! let parsed = dateline::ingest::parse_bytes("example.txt".as_ref(), text.as_bytes()).unwrap();
//! let article = &parsed.articles[0];
//! assert_eq!(article.location.as_deref(), Some("MOSCOW"));
//! assert_eq!(article.speakers[0].name, "Dmitry Peskov");
//! ```

pub mod article;
pub mod cli;
pub mod display;
pub mod error;
pub mod index;
pub mod ingest;
pub mod search;

pub use article::{Article, Format, Published, Quote, QuoteKind, Speaker};
pub use error::{Error, Result};
