//! The incremental-indexing manifest: one `source` document per input file, inside the index.
//!
//! A source document records the file's canonical path, size, modification time, blake3 hash
//! and the ids of the articles it produced. Ids stored from another file (the same story seen
//! earlier elsewhere) are listed as `copies` in its `meta`, and such a document also carries
//! the `doc_key` [`HAS_COPIES`] so they can be found without reading every document. Because
//! the manifest lives in the index, it commits atomically with the articles: after a crash the
//! two always agree.
//!
//! [`Manifest`] is the writer's view during a run. It loads only what an unchanged file needs
//! (path, size, mtime: the `doc_key` terms and two fast fields, never the document store, so a
//! re-run over 400,000 unchanged files stays fast) and reads a file's full entry only when the
//! file changed. What the run changes is kept in memory on top of the committed state.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use tantivy::collector::DocSetCollector;
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, DocSet, Searcher, TERMINATED, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::index::document::stored_text;
use crate::index::schema::{self, Fields, KIND_ARTICLE, KIND_SOURCE};

/// `doc_key` value of source documents that list copies.
pub const HAS_COPIES: &str = "copies";

/// What the manifest knows about one input file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceEntry {
    /// Canonical absolute path.
    pub path: String,
    /// Size in bytes when indexed.
    pub size: u64,
    /// Modification time when indexed, nanoseconds since the epoch.
    pub mtime: u64,
    /// [`content_hash`] of the bytes.
    pub hash: String,
    /// Distinct ids of the articles the file produced, in file order.
    pub ids: Vec<String>,
    /// Those of `ids` stored from another file (this file holds a copy).
    pub copies: Vec<String>,
}

/// The hash recorded for a file's bytes: the first 128 bits of blake3, as hex. That tells a
/// changed file with certainty for any archive; the other half would cost 32 stored bytes per
/// file that no compression removes.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..32].to_string()
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
        if !self.copies.is_empty() {
            doc.add_text(fields.doc_key, HAS_COPIES);
        }
        doc.add_text(fields.path, &self.path);
        doc.add_u64(fields.size, self.size);
        doc.add_u64(fields.mtime, self.mtime);
        doc.add_u64(fields.path_key, schema::path_key(&self.path));
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

    /// The ids stored from this file (its ids that are not copies).
    pub fn owned(&self) -> impl Iterator<Item = &String> {
        self.ids.iter().filter(|id| !self.copies.contains(id))
    }
}

/// The manifest as the writer sees it during a run: the committed state plus this run's changes.
pub struct Manifest {
    fields: Fields,
    /// The last commit before the run.
    committed: Searcher,
    /// Size and mtime of every file the index holds, by [`schema::path_key`] of its
    /// canonical path.
    stamps: HashMap<u64, (u64, u64)>,
    /// Entries removed (`None`) or written with copies (`Some`) during this run. Entries
    /// written without copies are only named in `written`: nothing asks for them again in the
    /// run (only holders of copies are parsed twice), and keeping them would cost memory in
    /// proportion to the archive.
    changed: HashMap<String, Option<SourceEntry>>,
    /// Paths written during this run without copies.
    written: HashSet<String>,
    /// Articles stored (`true`) or deleted (`false`) during this run.
    stored: HashMap<String, bool>,
}

fn read_err(e: tantivy::TantivyError) -> Error {
    Error::tantivy("reading the manifest", e)
}

impl Manifest {
    /// Loads the size and mtime of every `source` document of `committed`, by path key, from
    /// fast fields alone: no term of the path dictionary and no stored document is read.
    pub fn load(committed: Searcher, fields: &Fields) -> Result<Self> {
        let mut stamps = HashMap::new();
        let name = |field| fields.schema.get_field_name(field);
        let source = Term::from_field_text(fields.kind, KIND_SOURCE);
        for segment in committed.segment_readers() {
            let columns = segment.fast_fields();
            let keys = columns.u64(name(fields.path_key)).map_err(read_err)?;
            let sizes = columns.u64(name(fields.size)).map_err(read_err)?;
            let mtimes = columns.u64(name(fields.mtime)).map_err(read_err)?;
            let kinds = segment.inverted_index(fields.kind).map_err(read_err)?;
            let Some(mut docs) = kinds
                .read_postings(&source, IndexRecordOption::Basic)
                .map_err(|e| read_err(e.into()))?
            else {
                continue;
            };
            let alive = segment.alive_bitset();
            let mut doc = docs.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc))
                    && let Some(key) = keys.first(doc)
                {
                    let stamp = (
                        sizes.first(doc).unwrap_or(0),
                        mtimes.first(doc).unwrap_or(0),
                    );
                    stamps.insert(key, stamp);
                }
                doc = docs.advance();
            }
        }
        Ok(Manifest {
            fields: fields.clone(),
            committed,
            stamps,
            changed: HashMap::new(),
            written: HashSet::new(),
            stored: HashMap::new(),
        })
    }

    /// After a commit: the new committed state holds everything this run changed so far, so
    /// the in-memory overlay is dropped (which also keeps its memory bounded by the commit
    /// interval, not the archive).
    pub fn rebase(&mut self, committed: Searcher) {
        self.committed = committed;
        self.changed.clear();
        self.written.clear();
        self.stored.clear();
    }

    /// Size and mtime recorded for `path`, if the index holds it.
    pub fn stamp(&self, path: &str) -> Option<(u64, u64)> {
        self.stamp_by_key(schema::path_key(path))
    }

    /// Size and mtime recorded for the path whose [`schema::path_key`] is `key`.
    pub fn stamp_by_key(&self, key: u64) -> Option<(u64, u64)> {
        self.stamps.get(&key).copied()
    }

    /// Every path the index holds, sorted. Reads the path terms of the committed state, so it
    /// is for the rare run where files went away, not for every run.
    pub fn paths(&self) -> Result<Vec<String>> {
        let mut paths = HashSet::new();
        let prefix = schema::doc_key(KIND_SOURCE, "");
        for segment in self.committed.segment_readers() {
            let keys = segment
                .inverted_index(self.fields.doc_key)
                .map_err(read_err)?;
            let io_err = |e: std::io::Error| read_err(e.into());
            let mut terms = keys
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()
                .map_err(io_err)?;
            let alive = segment.alive_bitset();
            while terms.advance() {
                let Some(path) = terms.key().strip_prefix(prefix.as_bytes()) else {
                    break;
                };
                let path = String::from_utf8_lossy(path);
                // Removed or rewritten during this run: the overlay below decides.
                if self.changed.contains_key(path.as_ref()) {
                    continue;
                }
                let mut postings = keys
                    .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                    .map_err(io_err)?;
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if alive.is_none_or(|a| a.is_alive(doc)) {
                        paths.insert(path.into_owned());
                        break;
                    }
                    doc = postings.advance();
                }
            }
        }
        paths.extend(self.written.iter().cloned());
        paths.extend(
            self.changed
                .iter()
                .filter(|(_, entry)| entry.is_some())
                .map(|(path, _)| path.clone()),
        );
        let mut paths: Vec<String> = paths.into_iter().collect();
        paths.sort_unstable();
        Ok(paths)
    }

    /// Number of files the index holds.
    pub fn len(&self) -> usize {
        self.stamps.len()
    }

    /// True when the index holds no file.
    pub fn is_empty(&self) -> bool {
        self.stamps.is_empty()
    }

    fn committed_docs(&self, query: &dyn Query) -> Result<Vec<TantivyDocument>> {
        let addresses = self
            .committed
            .search(query, &DocSetCollector)
            .map_err(read_err)?;
        let mut addresses: Vec<_> = addresses.into_iter().collect();
        addresses.sort();
        addresses
            .into_iter()
            .map(|a| self.committed.doc(a).map_err(read_err))
            .collect()
    }

    /// True when this run wrote or removed `path`.
    pub fn changed_this_run(&self, path: &str) -> bool {
        self.changed.contains_key(path) || self.written.contains(path)
    }

    /// The full entry of `path` (reading its stored document), if the index holds it.
    pub fn entry(&self, path: &str) -> Result<Option<SourceEntry>> {
        if let Some(entry) = self.changed.get(path) {
            return Ok(entry.clone());
        }
        if self.written.contains(path) {
            return Err(Error::Internal(format!(
                "the manifest entry of {path} was asked for twice in one run"
            )));
        }
        if !self.stamps.contains_key(&schema::path_key(path)) {
            return Ok(None);
        }
        let term = Term::from_field_text(self.fields.doc_key, &schema::doc_key(KIND_SOURCE, path));
        let docs = self.committed_docs(&TermQuery::new(term, IndexRecordOption::Basic))?;
        docs.first()
            .map(|doc| SourceEntry::from_document(&self.fields, doc))
            .transpose()
    }

    /// True when an article with this id is stored (committed, or added by this run).
    pub fn is_stored(&self, id: &str) -> Result<bool> {
        if let Some(stored) = self.stored.get(id) {
            return Ok(*stored);
        }
        let term = Term::from_field_text(self.fields.doc_key, &schema::doc_key(KIND_ARTICLE, id));
        self.committed_has(&term)
    }

    /// True when a live committed document holds `term`. Called once per article indexed:
    /// in a segment without deletes the term dictionary alone answers, without opening
    /// postings.
    fn committed_has(&self, term: &Term) -> Result<bool> {
        for segment in self.committed.segment_readers() {
            let inverted = segment.inverted_index(term.field()).map_err(read_err)?;
            let Some(info) = inverted
                .get_term_info(term)
                .map_err(|e| read_err(e.into()))?
            else {
                continue;
            };
            let Some(alive) = segment.alive_bitset() else {
                return Ok(true);
            };
            let mut postings = inverted
                .read_postings_from_terminfo(&info, IndexRecordOption::Basic)
                .map_err(|e| read_err(e.into()))?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_alive(doc) {
                    return Ok(true);
                }
                doc = postings.advance();
            }
        }
        Ok(false)
    }

    /// Live committed documents holding `term`, as (segment ordinal, doc id); straight from the
    /// postings, without scoring or the document store.
    fn committed_docs_with(&self, term: &Term) -> Result<Vec<(usize, DocId)>> {
        let mut found = Vec::new();
        for (ord, segment) in self.committed.segment_readers().iter().enumerate() {
            let inverted = segment.inverted_index(term.field()).map_err(read_err)?;
            let postings = inverted
                .read_postings(term, IndexRecordOption::Basic)
                .map_err(|e| read_err(e.into()))?;
            let Some(mut postings) = postings else {
                continue;
            };
            let alive = segment.alive_bitset();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    found.push((ord, doc));
                }
                doc = postings.advance();
            }
        }
        Ok(found)
    }

    /// Records a written entry (replacing any earlier one) and the articles it stored.
    pub fn insert(&mut self, entry: SourceEntry) {
        for id in entry.owned() {
            self.stored.insert(id.clone(), true);
        }
        self.stamps
            .insert(schema::path_key(&entry.path), (entry.size, entry.mtime));
        if entry.copies.is_empty() {
            self.changed.remove(&entry.path);
            self.written.insert(entry.path);
        } else {
            self.written.remove(&entry.path);
            self.changed.insert(entry.path.clone(), Some(entry));
        }
    }

    /// Removes `path`; returns its entry, whose owned articles are now marked deleted.
    pub fn remove(&mut self, path: &str) -> Result<Option<SourceEntry>> {
        let Some(entry) = self.entry(path)? else {
            return Ok(None);
        };
        for id in entry.owned() {
            self.stored.insert(id.clone(), false);
        }
        self.stamps.remove(&schema::path_key(path));
        self.written.remove(path);
        self.changed.insert(path.to_string(), None);
        Ok(Some(entry))
    }

    /// Files holding a copy of one of `ids` that no file stores any more (their owner changed
    /// or went away). They must be parsed again so the article is stored from them.
    pub fn holders_of_lost(&self, ids: &[String]) -> Result<Vec<String>> {
        let mut lost: Vec<&String> = Vec::new();
        for id in ids {
            if !self.is_stored(id)? {
                lost.push(id);
            }
        }
        if lost.is_empty() {
            return Ok(Vec::new());
        }
        // Only source documents marked HAS_COPIES list copies, so only they are read (the
        // `id` column tells which list a lost id before any stored document is opened); ids
        // are not indexed, which keeps one random term per article out of the dictionary.
        let wanted: HashSet<&str> = lost.iter().map(|id| String::as_str(id)).collect();
        let committed: Vec<(String, HashSet<String>)> = self
            .copy_holders_listing(&wanted)?
            .into_iter()
            .filter(|(path, _)| !self.changed_this_run(path))
            .collect();
        let mut holders = Vec::new();
        let mut seen = HashSet::new();
        for id in lost {
            // Committed holders (their current version decides) and holders written this run.
            let mut paths: Vec<&String> = committed
                .iter()
                .filter(|(_, ids)| ids.contains(id))
                .map(|(path, _)| path)
                .collect();
            paths.extend(
                self.changed
                    .values()
                    .flatten()
                    .filter(|e| e.ids.contains(id))
                    .map(|e| &e.path),
            );
            for path in paths {
                let holds_copy = self.entry(path)?.is_some_and(|e| e.copies.contains(id));
                if holds_copy && seen.insert(path.clone()) {
                    holders.push(path.clone());
                }
            }
        }
        Ok(holders)
    }

    /// Path and ids of every committed source document that lists copies and one of `wanted`.
    fn copy_holders_listing(
        &self,
        wanted: &HashSet<&str>,
    ) -> Result<Vec<(String, HashSet<String>)>> {
        let term = Term::from_field_text(self.fields.doc_key, HAS_COPIES);
        let id_name = self.fields.schema.get_field_name(self.fields.id);
        let mut found = Vec::new();
        let mut id = String::new();
        for (ord, doc) in self.committed_docs_with(&term)? {
            let segment = self.committed.segment_reader(ord as u32);
            let Some(column) = segment.fast_fields().str(id_name).map_err(read_err)? else {
                continue;
            };
            let mut ids = HashSet::new();
            for term_ord in column.term_ords(doc) {
                id.clear();
                column
                    .ord_to_str(term_ord, &mut id)
                    .map_err(|e| read_err(e.into()))?;
                ids.insert(id.clone());
            }
            if !ids.iter().any(|id| wanted.contains(id.as_str())) {
                continue;
            }
            let stored = self
                .committed
                .doc::<TantivyDocument>(DocAddress::new(ord as u32, doc))
                .map_err(read_err)?;
            found.push((stored_text(&stored, self.fields.path), ids));
        }
        Ok(found)
    }

    /// Files whose listed copies are stored nowhere (a run killed between removing an owner and
    /// re-parsing its copies leaves these): checked at the start of every run.
    pub fn orphaned_copies(&self) -> Result<Vec<String>> {
        // A holder's ids (owned and copies) come from the `id` fast field: an owned id is
        // always stored, so any id stored nowhere is a lost copy. No document is read unless
        // something is lost, which keeps this cheap on every run.
        let term = Term::from_field_text(self.fields.doc_key, HAS_COPIES);
        let id_name = self.fields.schema.get_field_name(self.fields.id);
        let mut lost = Vec::new();
        let mut id = String::new();
        for (ord, doc) in self.committed_docs_with(&term)? {
            let segment = self.committed.segment_reader(ord as u32);
            let Some(ids) = segment.fast_fields().str(id_name).map_err(read_err)? else {
                continue;
            };
            for term_ord in ids.term_ords(doc) {
                id.clear();
                ids.ord_to_str(term_ord, &mut id)
                    .map_err(|e| read_err(e.into()))?;
                if !self.is_stored(&id)? {
                    lost.push(id.clone());
                }
            }
        }
        self.holders_of_lost(&lost)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_is_the_first_128_bits_of_blake3() {
        assert_eq!(content_hash(b"abc"), "6437b3ac38465133ffb63b75273a8db5");
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
    }

    #[test]
    fn entry_round_trips_through_its_document() {
        let fields = Fields::new();
        let e = SourceEntry {
            path: "/a/b.txt".to_string(),
            size: 10,
            mtime: 20,
            hash: "h".to_string(),
            ids: vec!["id1".to_string(), "id2".to_string()],
            copies: vec!["id2".to_string()],
        };
        assert_eq!(
            SourceEntry::from_document(&fields, &e.to_document(&fields)).unwrap(),
            e
        );
        assert_eq!(e.owned().collect::<Vec<_>>(), ["id1"]);
    }
}
