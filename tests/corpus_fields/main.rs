//! Acceptance tests of issue 3's `corpus/` section: for every file shipped in `corpus/`, every
//! field the ingester must extract, as hand-written expectations derived from the issue text
//! (not from running the parser). `corpus/README.md` says what each file exercises.
//!
//! Conventions these tests pin down where the issue leaves a choice (see the README table):
//! `published` is a bare date unless the text gives a time *and* a zone; a direct quote's `text`
//! is exactly what stands inside the marks; an indirect quote's `text` is the reported clause
//! (compared without trailing punctuation); `byline` holds the name without `By`; speaker
//! `name` is the fullest form in the story; organisation names drop the leading article.

mod agencies;
mod agency_dashes;
mod attribution;
mod common;
mod edge_cases;
mod multi_record;
mod seed;
