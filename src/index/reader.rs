//! Reading the index: [`ArchiveIndex`] opens an index folder for search, `show` and `stats`.
//!
//! It checks that the folder holds an index built with this schema, registers the analyzers,
//! and offers the few lookups every reader needs: an article by id (or unique id prefix), an
//! `Article` rebuilt from a stored document, document counts per kind and the most frequent
//! values of a filter field. It never writes; see [`super::writer`] for that.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{
    BitSet, DocSet, Index, IndexReader, ReloadPolicy, Searcher, TERMINATED, TantivyDocument, Term,
};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::index::document;
use crate::index::schema::{self, Fields, KIND_ARTICLE};

/// Shortest id prefix `show` accepts, as git does for abbreviated hashes.
pub const MIN_ID_PREFIX: usize = 4;

/// An open, read-only dateline index.
pub struct ArchiveIndex {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

/// Opens the tantivy index in `dir` and checks it was built with dateline's schema.
pub(crate) fn open_existing(dir: &Path, fields: &Fields) -> Result<Index> {
    if !dir.join("meta.json").is_file() {
        return Err(Error::NoIndex {
            path: dir.to_path_buf(),
        });
    }
    let index = Index::open_in_dir(dir).map_err(|e| Error::BadIndex {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    let found: Vec<_> = index
        .schema()
        .fields()
        .map(|(_, entry)| entry.clone())
        .collect();
    let wanted: Vec<_> = fields
        .schema
        .fields()
        .map(|(_, entry)| entry.clone())
        .collect();
    if found != wanted {
        return Err(Error::BadIndex {
            path: dir.to_path_buf(),
            reason: "it was built by another version of dateline; delete the folder and run `dateline index` again"
                .to_string(),
        });
    }
    schema::register_tokenizers(&index);
    Ok(index)
}

impl ArchiveIndex {
    /// Opens the index in `dir`: [`Error::NoIndex`] when there is none, [`Error::BadIndex`]
    /// when it cannot be read or has another schema.
    pub fn open(dir: &Path) -> Result<Self> {
        let fields = Fields::new();
        let index = open_existing(dir, &fields)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: tantivy::TantivyError| Error::BadIndex {
                path: dir.to_path_buf(),
                reason: e.to_string(),
            })?;
        Ok(ArchiveIndex {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
        })
    }

    /// The index folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Typed field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The underlying tantivy index (tokenizers registered).
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// A searcher over the last commit seen by this reader.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Picks up commits made since the index was opened.
    pub fn reload(&self) -> Result<()> {
        self.reader
            .reload()
            .map_err(|e| Error::tantivy("reloading the index", e))
    }

    /// Number of live documents of `kind` (`article`, `quote`, `source`).
    pub fn count(&self, kind: &str) -> Result<u64> {
        let query = TermQuery::new(
            Term::from_field_text(self.fields.kind, kind),
            IndexRecordOption::Basic,
        );
        let count = self
            .searcher()
            .search(&query, &Count)
            .map_err(|e| Error::tantivy("counting documents", e))?;
        Ok(count as u64)
    }

    /// The article with exactly this id, rebuilt in full, or `None`.
    pub fn article(&self, id: &str) -> Result<Option<Article>> {
        // The article's quotes share its key: ask for the article document itself.
        let term = Term::from_field_text(self.fields.doc_key, &schema::doc_key(KIND_ARTICLE, id));
        let kind = Term::from_field_text(self.fields.kind, KIND_ARTICLE);
        let query = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(kind, IndexRecordOption::Basic)),
            ),
        ]);
        let searcher = self.searcher();
        let top = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(|e| Error::tantivy(format!("looking up article {id}"), e))?;
        match top.first() {
            None => Ok(None),
            Some((_, address)) => {
                let doc: TantivyDocument = searcher
                    .doc(*address)
                    .map_err(|e| Error::tantivy(format!("reading article {id}"), e))?;
                self.article_from_doc(&doc).map(Some)
            }
        }
    }

    /// Resolves a full id or a unique prefix of at least [`MIN_ID_PREFIX`] characters to the id.
    /// [`Error::UnknownArticle`] when nothing matches, [`Error::BadArgument`] when the prefix
    /// is too short or matches several articles (naming a few of them).
    pub fn resolve_id(&self, prefix: &str) -> Result<String> {
        let prefix = prefix.trim().to_ascii_lowercase();
        if prefix.len() < MIN_ID_PREFIX {
            if self.article(&prefix)?.is_some() {
                return Ok(prefix);
            }
            return Err(Error::BadArgument(format!(
                "article id {prefix:?} is too short: give at least {MIN_ID_PREFIX} characters"
            )));
        }
        let key = schema::doc_key(KIND_ARTICLE, &prefix);
        let mut found: Vec<String> = Vec::new();
        let searcher = self.searcher();
        for segment in searcher.segment_readers() {
            let inverted = segment
                .inverted_index(self.fields.doc_key)
                .map_err(|e| Error::tantivy("reading article ids", e))?;
            let mut stream = inverted
                .terms()
                .range()
                .ge(key.as_bytes())
                .into_stream()
                .map_err(|e| Error::io(&self.dir, e))?;
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if !term.starts_with(&key) {
                    break;
                }
                let mut postings = inverted
                    .read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                    .map_err(|e| Error::io(&self.dir, e))?;
                // Deleted documents keep their terms until a merge; only live ones count.
                let alive = segment.alive_bitset();
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if alive.is_none_or(|a| a.is_alive(doc)) {
                        let id = term.trim_start_matches("a:").to_string();
                        if id == prefix {
                            return Ok(id);
                        }
                        if !found.contains(&id) {
                            found.push(id);
                        }
                        break;
                    }
                    doc = postings.advance();
                }
            }
        }
        match found.len() {
            0 => Err(Error::UnknownArticle(prefix)),
            1 => Ok(found.remove(0)),
            n => {
                found.sort();
                found.truncate(5);
                Err(Error::BadArgument(format!(
                    "article id prefix {prefix:?} is ambiguous: {n} articles match ({}...); give more characters",
                    found.join(", ")
                )))
            }
        }
    }

    /// Rebuilds the full [`Article`] from a stored `article` document.
    pub fn article_from_doc(&self, doc: &TantivyDocument) -> Result<Article> {
        document::article_from_doc(&self.fields, doc)
    }

    /// The `limit` most frequent values of a `STRING` field among live article documents, with
    /// the number of articles holding each; ties in alphabetical order.
    pub fn distinct_values(&self, field: Field, limit: usize) -> Result<Vec<(String, u64)>> {
        let searcher = self.searcher();
        let mut counts: HashMap<String, u64> = HashMap::new();
        let kind_term = Term::from_field_text(self.fields.kind, KIND_ARTICLE);
        for segment in searcher.segment_readers() {
            let read_err =
                |e: tantivy::TantivyError| Error::tantivy("reading the term dictionary", e);
            // The live article documents of this segment, so quote and source documents that
            // share the field do not count.
            let mut articles = BitSet::with_max_value(segment.max_doc().max(1));
            let kinds = segment.inverted_index(self.fields.kind).map_err(read_err)?;
            if let Some(mut postings) = kinds
                .read_postings(&kind_term, IndexRecordOption::Basic)
                .map_err(|e| Error::io(&self.dir, e))?
            {
                let alive = segment.alive_bitset();
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if alive.is_none_or(|a| a.is_alive(doc)) {
                        articles.insert(doc);
                    }
                    doc = postings.advance();
                }
            }
            let inverted = segment.inverted_index(field).map_err(read_err)?;
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(|e| Error::io(&self.dir, e))?;
            while stream.advance() {
                let mut postings = inverted
                    .read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)
                    .map_err(|e| Error::io(&self.dir, e))?;
                let mut n = 0u64;
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    n += u64::from(articles.contains(doc));
                    doc = postings.advance();
                }
                if n > 0 {
                    *counts
                        .entry(String::from_utf8_lossy(stream.key()).into_owned())
                        .or_default() += n;
                }
            }
        }
        let mut values: Vec<(String, u64)> = counts.into_iter().collect();
        values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        values.truncate(limit);
        Ok(values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::document::tests::sample_article;
    use crate::index::manifest::SourceEntry;
    use crate::index::writer::ArchiveWriter;

    fn index_with(ids: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let mut w = ArchiveWriter::open(dir.path(), 1, 20_000_000).unwrap();
        let articles = ids.iter().map(|id| sample_article(id, "")).collect();
        w.replace_source(
            SourceEntry {
                path: "/a.txt".to_string(),
                ..SourceEntry::default()
            },
            articles,
        )
        .unwrap();
        w.commit().unwrap();
        dir
    }

    #[test]
    fn stored_article_comes_back_whole_with_quote_texts_from_the_body() {
        let dir = index_with(&["abcd000000000001"]);
        let index = ArchiveIndex::open(dir.path()).unwrap();
        let mut expected = sample_article("abcd000000000001", "/a.txt");
        expected.path = "/a.txt".to_string();
        assert_eq!(index.article("abcd000000000001").unwrap(), Some(expected));
        assert_eq!(index.article("abcd000000000002").unwrap(), None);
    }

    #[test]
    fn ids_resolve_by_unique_prefix_only() {
        let dir = index_with(&["abcd000000000001", "abcd000000000002", "ef01000000000003"]);
        let index = ArchiveIndex::open(dir.path()).unwrap();
        assert_eq!(index.resolve_id("ef01").unwrap(), "ef01000000000003");
        assert_eq!(
            index.resolve_id("ABCD000000000002").unwrap(),
            "abcd000000000002"
        );
        let err = index.resolve_id("abcd").unwrap_err().to_string();
        assert_eq!(
            err,
            "article id prefix \"abcd\" is ambiguous: 2 articles match (abcd000000000001, abcd000000000002...); give more characters"
        );
        assert!(
            matches!(index.resolve_id("9999"), Err(Error::UnknownArticle(ref id)) if id == "9999")
        );
        assert!(matches!(
            index.resolve_id("abc"),
            Err(Error::BadArgument(_))
        ));
    }

    #[test]
    fn deleted_articles_do_not_resolve() {
        let dir = index_with(&["abcd000000000001"]);
        let mut w = ArchiveWriter::open(dir.path(), 1, 20_000_000).unwrap();
        w.remove_source("/a.txt").unwrap();
        w.commit().unwrap();
        let index = ArchiveIndex::open(dir.path()).unwrap();
        assert!(matches!(
            index.resolve_id("abcd"),
            Err(Error::UnknownArticle(_))
        ));
        assert_eq!(index.count(KIND_ARTICLE).unwrap(), 0);
    }

    #[test]
    fn a_folder_without_an_index_is_no_index() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            matches!(ArchiveIndex::open(dir.path()), Err(Error::NoIndex { ref path }) if path == dir.path())
        );
    }
}
