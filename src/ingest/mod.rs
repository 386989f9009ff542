//! Ingest: bytes on disk -> [`Article`](crate::Article)s. (Being written: formats, decoding,
//! dateline and body cleanup live here; attribution and name folding in their submodules.)

pub mod attribution;
pub mod names;
pub mod walk;
