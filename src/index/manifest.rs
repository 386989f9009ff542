//! The incremental-indexing manifest: one `source` document per input file, inside the index.
//!
//! A source document records the file's canonical path, size, modification time, blake3 hash
//! and the ids of the articles it produced. Ids stored from another file (the same story seen
//! earlier elsewhere) are listed as `copies` in its `meta`. Because the manifest lives in the
//! index, it commits atomically with the articles: after a crash the two always agree.
//!
//! [`Manifest`] is the in-memory view the writer keeps up to date during a run: which file
//! owns (stored) each article, and which other files hold a copy.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::index::document::stored_text;
use crate::index::schema::{self, Fields, KIND_SOURCE};

/// What the manifest knows about one input file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceEntry {
    /// Canonical absolute path.
    pub path: String,
    /// Size in bytes when indexed.
    pub size: u64,
    /// Modification time when indexed, nanoseconds since the epoch.
    pub mtime: u64,
    /// blake3 hash of the bytes, hex.
    pub hash: String,
    /// Distinct ids of the articles the file produced, in file order.
    pub ids: Vec<String>,
    /// Those of `ids` stored from another file (this file holds a copy).
    pub copies: Vec<String>,
}

#[derive(Default, Serialize, Deserialize)]
struct SourceMeta {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    copies: Vec<String>,
}

impl SourceEntry {
    /// The `source` document recording this entry.
    pub fn to_document(&self, fields: &Fields) -> TantivyDocument {
        let mut doc = TantivyDocument::new();
        doc.add_text(fields.kind, KIND_SOURCE);
        doc.add_text(fields.doc_key, schema::doc_key(KIND_SOURCE, &self.path));
        doc.add_text(fields.path, &self.path);
        doc.add_u64(fields.size, self.size);
        doc.add_u64(fields.mtime, self.mtime);
        doc.add_text(fields.hash, &self.hash);
        for id in &self.ids {
            doc.add_text(fields.id, id);
        }
        let meta = SourceMeta {
            copies: self.copies.clone(),
        };
        doc.add_text(
            fields.meta,
            serde_json::to_string(&meta).unwrap_or_else(|_| "{}".to_string()),
        );
        doc
    }

    /// Reads an entry back from a stored `source` document.
    pub fn from_document(fields: &Fields, doc: &TantivyDocument) -> Result<Self> {
        let path = stored_text(doc, fields.path);
        let meta: SourceMeta = serde_json::from_str(&stored_text(doc, fields.meta))
            .map_err(|e| Error::Internal(format!("manifest entry for {path} is not valid: {e}")))?;
        Ok(SourceEntry {
            size: doc
                .get_first(fields.size)
                .and_then(|v| v.as_u64())
                .unwrap_or_default(),
            mtime: doc
                .get_first(fields.mtime)
                .and_then(|v| v.as_u64())
                .unwrap_or_default(),
            hash: stored_text(doc, fields.hash),
            ids: doc
                .get_all(fields.id)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            copies: meta.copies,
            path,
        })
    }

    /// True when `id` is stored from this file (not a copy of another file's article).
    pub fn owns(&self, id: &str) -> bool {
        self.ids.iter().any(|i| i == id) && !self.copies.iter().any(|c| c == id)
    }
}

/// The manifest as the writer sees it during a run.
#[derive(Debug, Default)]
pub struct Manifest {
    /// Entries by canonical path (sorted, so runs are deterministic).
    pub entries: BTreeMap<String, SourceEntry>,
    /// Article id -> the path it is stored from.
    owners: HashMap<String, String>,
}

impl Manifest {
    /// Loads every `source` document of the last commit.
    pub fn load(searcher: &Searcher, fields: &Fields) -> Result<Self> {
        let query = TermQuery::new(
            Term::from_field_text(fields.kind, KIND_SOURCE),
            IndexRecordOption::Basic,
        );
        let addresses = searcher
            .search(&query, &DocSetCollector)
            .map_err(|e| Error::tantivy("reading the manifest", e))?;
        let mut manifest = Manifest::default();
        for address in addresses {
            let doc: TantivyDocument = searcher
                .doc(address)
                .map_err(|e| Error::tantivy("reading the manifest", e))?;
            manifest.insert(SourceEntry::from_document(fields, &doc)?);
        }
        Ok(manifest)
    }

    /// Adds (or replaces) an entry and records the articles it owns.
    pub fn insert(&mut self, entry: SourceEntry) {
        if let Some(old) = self.entries.remove(&entry.path) {
            self.forget_owner(&old);
        }
        for id in &entry.ids {
            if entry.owns(id) {
                self.owners.insert(id.clone(), entry.path.clone());
            }
        }
        self.entries.insert(entry.path.clone(), entry);
    }

    /// Removes an entry; returns it with the ids it owned (whose articles must be deleted).
    pub fn remove(&mut self, path: &str) -> Option<(SourceEntry, Vec<String>)> {
        let old = self.entries.remove(path)?;
        let owned = self.forget_owner(&old);
        Some((old, owned))
    }

    fn forget_owner(&mut self, entry: &SourceEntry) -> Vec<String> {
        let mut owned = Vec::new();
        for id in &entry.ids {
            if self.owners.get(id).is_some_and(|p| *p == entry.path) {
                self.owners.remove(id);
                owned.push(id.clone());
            }
        }
        owned
    }

    /// The path an article is stored from, if any.
    pub fn owner(&self, id: &str) -> Option<&str> {
        self.owners.get(id).map(String::as_str)
    }

    /// Files holding a copy of an article that no file owns any more (its owner changed or
    /// was removed, or a run was killed between the two). They must be parsed again so the
    /// article is stored from them.
    pub fn orphaned_copies(&self) -> Vec<String> {
        self.entries
            .values()
            .filter(|e| e.copies.iter().any(|id| !self.owners.contains_key(id)))
            .map(|e| e.path.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, ids: &[&str], copies: &[&str]) -> SourceEntry {
        SourceEntry {
            path: path.to_string(),
            size: 10,
            mtime: 20,
            hash: "h".to_string(),
            ids: ids.iter().map(|s| s.to_string()).collect(),
            copies: copies.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn entry_round_trips_through_its_document() {
        let fields = Fields::new();
        let e = entry("/a/b.txt", &["id1", "id2"], &["id2"]);
        assert_eq!(
            SourceEntry::from_document(&fields, &e.to_document(&fields)).unwrap(),
            e
        );
    }

    #[test]
    fn removing_the_owner_orphans_the_copy() {
        let mut m = Manifest::default();
        m.insert(entry("/a", &["x", "y"], &[]));
        m.insert(entry("/b", &["x"], &["x"]));
        assert_eq!(m.owner("x"), Some("/a"));
        assert!(m.orphaned_copies().is_empty());
        let (_, owned) = m.remove("/a").unwrap();
        assert_eq!(owned, ["x", "y"]);
        assert_eq!(m.owner("x"), None);
        assert_eq!(m.orphaned_copies(), ["/b"]);
        assert!(m.remove("/a").is_none());
    }

    #[test]
    fn replacing_an_entry_drops_ownership_of_ids_it_lost() {
        let mut m = Manifest::default();
        m.insert(entry("/a", &["x", "y"], &[]));
        m.insert(entry("/a", &["y"], &[]));
        assert_eq!(m.owner("x"), None);
        assert_eq!(m.owner("y"), Some("/a"));
    }
}
