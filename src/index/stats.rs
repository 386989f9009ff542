//! What `dateline stats` reports about an index: document counts per kind, the publication
//! date range, size on disk, and the most frequent agencies, locations and speakers (counted
//! in articles). Computed from the index alone; rendering is the command's job.

use std::path::{Path, PathBuf};

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ExistsQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DateTime, Order, Term};

use crate::error::{Error, Result};
use crate::index::reader::ArchiveIndex;
use crate::index::schema::{KIND_ARTICLE, KIND_QUOTE, KIND_SOURCE};

/// How many values each top list holds.
pub const TOP: usize = 10;

/// One value of a top list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The value (a folded key for agencies and locations, the name for speakers).
    pub value: String,
    /// Articles holding it.
    pub articles: u64,
}

/// The summary of an index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// The index folder.
    pub index: PathBuf,
    /// Stored articles.
    pub articles: u64,
    /// Stored quotes.
    pub quotes: u64,
    /// Indexed source files.
    pub sources: u64,
    /// Earliest publication time (RFC 3339, UTC), if any article is dated.
    pub first_published: Option<String>,
    /// Latest publication time (RFC 3339, UTC).
    pub last_published: Option<String>,
    /// Bytes of the index folder on disk.
    pub size_bytes: u64,
    /// Most frequent agencies.
    pub agencies: Vec<Count>,
    /// Most frequent dateline locations.
    pub locations: Vec<Count>,
    /// Most frequently quoted speakers (people and organisations).
    pub speakers: Vec<Count>,
}

fn folder_size(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io(
                path,
                e.into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("cannot be walked")),
            )
        })?;
        if entry.file_type().is_file() {
            total += entry.metadata().map(|m| m.len()).unwrap_or(0);
        }
    }
    Ok(total)
}

fn rfc3339(date: DateTime) -> Option<String> {
    chrono::DateTime::from_timestamp(date.into_timestamp_secs(), 0)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// The earliest or latest `published` among article documents.
fn published_bound(index: &ArchiveIndex, order: Order) -> Result<Option<String>> {
    let fields = index.fields();
    let name = fields.schema.get_field_name(fields.published).to_string();
    let query = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(fields.kind, KIND_ARTICLE),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>,
        ),
        (Occur::Must, Box::new(ExistsQuery::new(name.clone(), false))),
    ]);
    let top = index
        .searcher()
        .search(
            &query,
            &TopDocs::with_limit(1).order_by_fast_field::<DateTime>(name, order),
        )
        .map_err(|e| Error::tantivy("reading publication dates", e))?;
    Ok(top.first().and_then(|(date, _)| *date).and_then(rfc3339))
}

fn counts(values: Vec<(String, u64)>) -> Vec<Count> {
    values
        .into_iter()
        .map(|(value, articles)| Count { value, articles })
        .collect()
}

/// Computes the summary of an open index.
pub fn stats(index: &ArchiveIndex) -> Result<Stats> {
    let fields = index.fields();
    Ok(Stats {
        index: index.dir().to_path_buf(),
        articles: index.count(KIND_ARTICLE)?,
        quotes: index.count(KIND_QUOTE)?,
        sources: index.count(KIND_SOURCE)?,
        first_published: published_bound(index, Order::Asc)?,
        last_published: published_bound(index, Order::Desc)?,
        size_bytes: folder_size(index.dir())?,
        agencies: counts(index.distinct_values(fields.agency_key, TOP)?),
        locations: counts(index.distinct_values(fields.location_key, TOP)?),
        speakers: counts(index.distinct_values(fields.speaker_name, TOP)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Published;
    use crate::index::document::tests::sample_article;
    use crate::index::manifest::SourceEntry;
    use crate::index::writer::ArchiveWriter;

    #[test]
    fn counts_dates_and_tops_come_from_article_documents() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = ArchiveWriter::open(dir.path(), 1, 20_000_000).unwrap();
        let first = sample_article("aaaa000000000001", "");
        let mut second = sample_article("bbbb000000000002", "");
        second.published = Published::parse("2025-01-02");
        second.agency = Some("Reuters".to_string());
        second.location = Some("New York".to_string());
        second.organisations.clear();
        let mut undated = sample_article("cccc000000000003", "");
        undated.published = None;
        undated.quotes.clear();
        undated.speakers.clear();
        undated.organisations.clear();
        let file = |p: &str| SourceEntry {
            path: p.to_string(),
            ..SourceEntry::default()
        };
        w.replace_source(file("/a"), vec![first, second]).unwrap();
        w.replace_source(file("/b"), vec![undated]).unwrap();
        w.commit().unwrap();
        let index = ArchiveIndex::open(dir.path()).unwrap();
        let s = stats(&index).unwrap();
        assert_eq!((s.articles, s.quotes, s.sources), (3, 4, 2));
        assert_eq!(s.first_published.as_deref(), Some("2025-01-02T00:00:00Z"));
        assert_eq!(s.last_published.as_deref(), Some("2026-02-26T11:12:00Z"));
        assert!(s.size_bytes > 0);
        let c = |v: &str, n| Count {
            value: v.to_string(),
            articles: n,
        };
        assert_eq!(s.agencies, [c("sputnik", 2), c("reuters", 1)]);
        assert_eq!(s.locations, [c("moscow", 2), c("new york", 1)]);
        assert_eq!(s.speakers, [c("Dmitry Peskov", 2), c("Kremlin", 1)]);
    }
}
