//! The tantivy index: schema, writer (incremental ingest), reader.

pub mod schema;
