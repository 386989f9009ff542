//! Writing the index: [`ArchiveWriter`] holds tantivy's single `IndexWriter` (and with it the
//! index lock) plus the in-memory [`Manifest`], and applies whole-file changes.
//!
//! Every change is per source file and self-contained: its old articles, quotes and source
//! document are deleted and the new ones added before the next file is touched, so any commit
//! leaves articles and manifest in agreement. A story already stored from another file is
//! not stored again; the file's source document lists it as a copy.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use tantivy::IndexSettings;
use tantivy::index::SegmentId;
use tantivy::indexer::{IndexWriterOptions, NoMergePolicy};
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use crate::article::Article;
use crate::error::{Error, Result};
use crate::index::document::article_documents;
use crate::index::manifest::{Manifest, SourceEntry};
use crate::index::merge::{CappedMergePolicy, MIN_TAIL_SEGMENTS, tail_to_merge};
use crate::index::reader::open_existing;
use crate::index::schema::{self, Fields, KIND_ARTICLE, KIND_SOURCE};

/// Smallest memory budget tantivy accepts per indexing thread.
const MIN_BUDGET_PER_THREAD: usize = 15_000_000;

/// Merges run one at a time (tantivy's default is four threads). Each merge maps the segments
/// it reads, up to [`crate::index::merge::MAX_MERGED_DOCS`] documents, and those pages count in
/// the process's memory: one merge at a time bounds that, and with two cores a second or
/// third concurrent merge only takes CPU from indexing.
const MERGE_THREADS: usize = 1;

/// Creates the index folder and an empty index with dateline's schema, or opens the existing
/// one (checking its schema). Tokenizers are registered either way.
pub fn create_or_open(dir: &Path) -> Result<Index> {
    let fields = Fields::new();
    if dir.join("meta.json").is_file() {
        return open_existing(dir, &fields);
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    // zstd over 64 KiB blocks stores the text in well under the space of tantivy's default
    // (lz4 over 16 KiB); only the few documents a search shows are ever decompressed. Level 7
    // was measured: 5% less store (x1: 10.5 -> 10.0 MB) for 2.3x the compression time (3.7% ->
    // 8.8% of all indexing CPU); larger blocks would cost every search hit more decompression.
    let settings = IndexSettings {
        docstore_compression: Compressor::Zstd(ZstdCompressor {
            compression_level: Some(3),
        }),
        docstore_blocksize: 64 * 1024,
        ..IndexSettings::default()
    };
    let index = Index::builder()
        .schema(fields.schema.clone())
        .settings(settings)
        .create_in_dir(dir)
        .map_err(|e| match e {
            TantivyError::IoError(io) => {
                Error::io(dir, std::io::Error::new(io.kind(), io.to_string()))
            }
            other => Error::BadIndex {
                path: dir.to_path_buf(),
                reason: other.to_string(),
            },
        })?;
    schema::register_tokenizers(&index);
    Ok(index)
}

/// Merges the small tail of segments, if [`tail_to_merge`] picks one, with a writer of its
/// own (the run's writer has released the lock; if another process took it since, the merge
/// waits for a later run). Like every merge it replaces segments in one atomic step.
fn merge_tail(index: &Index, dir: &Path, min_segments: usize) -> Result<()> {
    let err = |e| Error::tantivy(format!("merging segments in {}", dir.display()), e);
    let small_tail = || -> Result<Option<Vec<SegmentId>>> {
        let segments: Vec<(SegmentId, u32)> = index
            .searchable_segment_metas()
            .map_err(err)?
            .iter()
            .map(|meta| (meta.id(), meta.num_docs()))
            .collect();
        Ok(tail_to_merge(&segments, min_segments))
    };
    let Some(mut tail) = small_tail()? else {
        return Ok(());
    };
    let mut writer: IndexWriter = match index.writer_with_num_threads(1, MIN_BUDGET_PER_THREAD) {
        Ok(writer) => writer,
        Err(TantivyError::LockFailure(..)) => return Ok(()),
        Err(e) => return Err(err(e)),
    };
    writer.set_merge_policy(Box::new(NoMergePolicy));
    // Each merge leaves one segment fewer at least, so this ends; a tail too large for one
    // merge (over the cap) takes a second.
    loop {
        writer.merge(&tail).wait().map_err(err)?;
        match small_tail()? {
            Some(next) => tail = next,
            None => break,
        }
    }
    writer.wait_merging_threads().map_err(err)
}

/// What replacing one file's articles did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Articles stored that were not stored from this file before.
    pub added: u64,
    /// Articles this file stored before and no longer does.
    pub removed: u64,
    /// Articles of this file already stored from another file (or twice in this file).
    pub duplicates: u64,
    /// Quote documents written.
    pub quotes: u64,
}

/// The one writer of an index, with the manifest it keeps in step.
pub struct ArchiveWriter {
    dir: PathBuf,
    index: Index,
    writer: IndexWriter,
    reader: IndexReader,
    fields: Fields,
    manifest: Manifest,
    /// Ids whose article this run deleted (copies elsewhere may now need storing).
    lost: Vec<String>,
    /// Something was added or deleted since the last commit.
    dirty: bool,
    /// Some commit of this run changed the index.
    changed: bool,
    /// The index held no file when this run began.
    fresh: bool,
}

impl ArchiveWriter {
    /// Creates or opens the index in `dir`, takes its lock ([`Error::IndexLocked`] at once when
    /// another writer holds it) and loads the manifest of the last commit. `threads` tantivy
    /// indexing threads share `memory_budget` bytes (raised to tantivy's minimum if lower).
    pub fn open(dir: &Path, threads: usize, memory_budget: usize) -> Result<Self> {
        let index = create_or_open(dir)?;
        let threads = threads.max(1);
        let options = IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .num_merge_threads(MERGE_THREADS)
            .memory_budget_per_thread((memory_budget / threads).max(MIN_BUDGET_PER_THREAD))
            .build();
        let writer = index.writer_with_options(options).map_err(|e| match e {
            TantivyError::LockFailure(..) => Error::IndexLocked {
                index: dir.to_path_buf(),
            },
            other => Error::tantivy(format!("opening a writer on {}", dir.display()), other),
        })?;
        writer.set_merge_policy(Box::new(CappedMergePolicy::default()));
        let fields = Fields::new();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| Error::tantivy("reading the index", e))?;
        let manifest = Manifest::load(reader.searcher(), &fields)?;
        let fresh = manifest.is_empty();
        Ok(ArchiveWriter {
            dir: dir.to_path_buf(),
            index,
            writer,
            reader,
            fields,
            manifest,
            lost: Vec::new(),
            dirty: false,
            changed: false,
            fresh,
        })
    }

    /// The index folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The tantivy index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The manifest as of the changes applied so far (committed or not).
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    fn delete(&mut self, kind: &str, name: &str) {
        self.dirty = true;
        self.writer.delete_term(Term::from_field_text(
            self.fields.doc_key,
            &schema::doc_key(kind, name),
        ));
    }

    fn add(&mut self, doc: TantivyDocument) -> Result<()> {
        self.dirty = true;
        self.writer
            .add_document(doc)
            .map(|_| ())
            .map_err(|e| Error::tantivy("adding a document", e))
    }

    /// Deletes a file's source document and the articles (with quotes) it stored.
    fn delete_source(&mut self, entry: &SourceEntry) -> HashSet<String> {
        self.delete(KIND_SOURCE, &entry.path);
        let owned: HashSet<String> = entry.owned().cloned().collect();
        for id in &owned {
            // The article and its quotes share this key.
            self.delete(KIND_ARTICLE, id);
        }
        self.lost.extend(owned.iter().cloned());
        owned
    }

    /// Ids of the articles deleted since the last call: [`Manifest::holders_of_lost`] finds
    /// the files holding copies of them that must now be stored.
    pub fn take_lost(&mut self) -> Vec<String> {
        std::mem::take(&mut self.lost)
    }

    /// Removes a file from the index: its source document and the articles it stored (with
    /// their quotes). Returns the number of articles removed; `None` when the file was unknown.
    pub fn remove_source(&mut self, path: &str) -> Result<Option<u64>> {
        let Some(entry) = self.manifest.remove(path)? else {
            return Ok(None);
        };
        Ok(Some(self.delete_source(&entry).len() as u64))
    }

    /// Records a new size and modification time for a file whose content did not change.
    pub fn touch_source(&mut self, path: &str, size: u64, mtime: u64) -> Result<()> {
        let Some(mut entry) = self.manifest.entry(path)? else {
            return Err(Error::Internal(format!(
                "touching {path}, which the manifest does not hold"
            )));
        };
        entry.size = size;
        entry.mtime = mtime;
        self.delete(KIND_SOURCE, path);
        self.add(entry.to_document(&self.fields))?;
        self.manifest.insert(entry);
        Ok(())
    }

    /// Replaces everything `file` (its path, size, mtime and hash; `ids`/`copies` are ignored)
    /// contributed with `articles`, which are stored under the file's path.
    pub fn replace_source(&mut self, file: SourceEntry, articles: Vec<Article>) -> Result<Change> {
        let mut change = Change::default();
        let previously_owned = match self.manifest.remove(&file.path)? {
            Some(old) => self.delete_source(&old),
            None => HashSet::new(),
        };
        let mut entry = SourceEntry {
            ids: Vec::new(),
            copies: Vec::new(),
            ..file
        };
        let mut seen: HashSet<String> = HashSet::new();
        for mut article in articles {
            if !seen.insert(article.id.clone()) {
                change.duplicates += 1;
                continue;
            }
            entry.ids.push(article.id.clone());
            if self.manifest.is_stored(&article.id)? {
                entry.copies.push(article.id);
                change.duplicates += 1;
                continue;
            }
            if !previously_owned.contains(&article.id) {
                change.added += 1;
            }
            article.path.clone_from(&entry.path);
            for doc in article_documents(&self.fields, &article) {
                self.add(doc)?;
            }
            change.quotes += article.quotes.len() as u64;
        }
        let stored: HashSet<&String> = entry.owned().collect();
        change.removed = previously_owned
            .iter()
            .filter(|id| !stored.contains(id))
            .count() as u64;
        self.add(entry.to_document(&self.fields))?;
        self.manifest.insert(entry);
        Ok(change)
    }

    /// Commits everything applied so far (articles and manifest together); does nothing and
    /// returns false when nothing changed since the last commit.
    pub fn commit(&mut self) -> Result<bool> {
        if !self.dirty {
            return Ok(false);
        }
        self.writer
            .commit()
            .map_err(|e| Error::tantivy(format!("committing to {}", self.dir.display()), e))?;
        self.dirty = false;
        self.changed = true;
        self.reader
            .reload()
            .map_err(|e| Error::tantivy("reading the index", e))?;
        self.manifest.rebase(self.reader.searcher());
        Ok(true)
    }

    /// Drops everything applied since the last commit, and reloads the manifest to match.
    pub fn rollback(&mut self) -> Result<()> {
        self.writer
            .rollback()
            .map_err(|e| Error::tantivy("rolling back", e))?;
        self.reader
            .reload()
            .map_err(|e| Error::tantivy("reading the index", e))?;
        self.manifest = Manifest::load(self.reader.searcher(), &self.fields)?;
        self.lost.clear();
        self.dirty = false;
        Ok(())
    }

    /// Waits for background merges to finish, merges the small segments the run left (see
    /// [`tail_to_merge`]: two or more when the run built a new index, four or more when it
    /// added to one) when it changed the index, and releases the lock.
    pub fn finish(self) -> Result<()> {
        self.finish_with(true)
    }

    /// [`Self::finish`] without the final merge of small segments: for an interrupted run,
    /// which should exit as soon as its work is committed.
    pub fn finish_now(self) -> Result<()> {
        self.finish_with(false)
    }

    fn finish_with(self, merge_small: bool) -> Result<()> {
        let ArchiveWriter {
            dir,
            index,
            writer,
            changed,
            fresh,
            ..
        } = self;
        writer
            .wait_merging_threads()
            .map_err(|e| Error::tantivy("merging segments", e))?;
        if changed && merge_small {
            let min_segments = if fresh { 2 } else { MIN_TAIL_SEGMENTS };
            merge_tail(&index, &dir, min_segments)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::document::tests::sample_article;
    use crate::index::reader::ArchiveIndex;
    use crate::index::schema::KIND_QUOTE;

    fn file(path: &str) -> SourceEntry {
        SourceEntry {
            path: path.to_string(),
            size: 1,
            mtime: 2,
            hash: "h".to_string(),
            ..SourceEntry::default()
        }
    }

    #[test]
    fn copies_are_stored_once_and_restored_when_the_owner_goes() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = ArchiveWriter::open(dir.path(), 1, 20_000_000).unwrap();
        let a = sample_article("aaaa000000000001", "ignored");
        let change = w.replace_source(file("/a.txt"), vec![a.clone()]).unwrap();
        assert_eq!(
            change,
            Change {
                added: 1,
                removed: 0,
                duplicates: 0,
                quotes: 2
            }
        );
        let change = w
            .replace_source(file("/b.txt"), vec![a.clone(), a.clone()])
            .unwrap();
        assert_eq!(
            change,
            Change {
                added: 0,
                removed: 0,
                duplicates: 2,
                quotes: 0
            }
        );
        w.commit().unwrap();
        let reader = ArchiveIndex::open(dir.path()).unwrap();
        assert_eq!(reader.count(KIND_ARTICLE).unwrap(), 1);
        assert_eq!(reader.count(KIND_QUOTE).unwrap(), 2);
        assert_eq!(reader.count(KIND_SOURCE).unwrap(), 2);
        assert_eq!(
            reader.article("aaaa000000000001").unwrap().unwrap().path,
            "/a.txt"
        );

        assert_eq!(w.remove_source("/a.txt").unwrap(), Some(1));
        let lost = w.take_lost();
        assert_eq!(lost, ["aaaa000000000001"]);
        assert_eq!(w.manifest().holders_of_lost(&lost).unwrap(), ["/b.txt"]);
        let change = w.replace_source(file("/b.txt"), vec![a]).unwrap();
        assert_eq!(change.added, 1);
        w.commit().unwrap();
        reader.reload().unwrap();
        assert_eq!(reader.count(KIND_ARTICLE).unwrap(), 1);
        assert_eq!(reader.count(KIND_QUOTE).unwrap(), 2);
        assert_eq!(reader.count(KIND_SOURCE).unwrap(), 1);
        assert_eq!(
            reader.article("aaaa000000000001").unwrap().unwrap().path,
            "/b.txt"
        );
    }

    #[test]
    fn second_writer_gets_the_lock_error() {
        let dir = tempfile::tempdir().unwrap();
        let _first = ArchiveWriter::open(dir.path(), 1, 20_000_000).unwrap();
        let err = ArchiveWriter::open(dir.path(), 1, 20_000_000)
            .err()
            .unwrap();
        assert!(
            matches!(err, Error::IndexLocked { ref index } if index == dir.path()),
            "{err}"
        );
    }

    #[test]
    fn a_run_ending_with_four_small_segments_merges_them_into_one() {
        let dir = tempfile::tempdir().unwrap();
        let segments = |dir: &Path| {
            create_or_open(dir)
                .unwrap()
                .searchable_segment_metas()
                .unwrap()
                .len()
        };
        for n in 1..=4u64 {
            let mut w = ArchiveWriter::open(dir.path(), 1, 20_000_000).unwrap();
            let id = format!("aaaa00000000000{n}");
            w.replace_source(file(&format!("/{n}.txt")), vec![sample_article(&id, "")])
                .unwrap();
            w.commit().unwrap();
            w.finish().unwrap();
            // One segment per run until the fourth run's end merges the four.
            let expected = if n < 4 { n as usize } else { 1 };
            assert_eq!(segments(dir.path()), expected, "after run {n}");
        }
        // A run that changes nothing merges nothing (and there is nothing left to merge).
        let w = ArchiveWriter::open(dir.path(), 1, 20_000_000).unwrap();
        w.finish().unwrap();
        assert_eq!(segments(dir.path()), 1);
        let reader = ArchiveIndex::open(dir.path()).unwrap();
        assert_eq!(reader.count(KIND_ARTICLE).unwrap(), 4);
        assert_eq!(reader.count(KIND_SOURCE).unwrap(), 4);
    }

    #[test]
    fn a_run_that_builds_a_new_index_ends_with_its_small_segments_merged() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = ArchiveWriter::open(dir.path(), 1, 20_000_000).unwrap();
        for n in 1..=2u64 {
            let id = format!("bbbb00000000000{n}");
            w.replace_source(file(&format!("/{n}.txt")), vec![sample_article(&id, "")])
                .unwrap();
            w.commit().unwrap();
        }
        let index = create_or_open(dir.path()).unwrap();
        assert_eq!(index.searchable_segment_metas().unwrap().len(), 2);
        w.finish().unwrap();
        assert_eq!(index.searchable_segment_metas().unwrap().len(), 1);
        let reader = ArchiveIndex::open(dir.path()).unwrap();
        assert_eq!(reader.count(KIND_ARTICLE).unwrap(), 2);
    }

    #[test]
    fn an_interrupted_run_leaves_its_segments_unmerged() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = ArchiveWriter::open(dir.path(), 1, 20_000_000).unwrap();
        for n in 1..=2u64 {
            let id = format!("cccc00000000000{n}");
            w.replace_source(file(&format!("/{n}.txt")), vec![sample_article(&id, "")])
                .unwrap();
            w.commit().unwrap();
        }
        w.finish_now().unwrap();
        let index = create_or_open(dir.path()).unwrap();
        assert_eq!(index.searchable_segment_metas().unwrap().len(), 2);
    }

    #[test]
    fn rollback_restores_the_committed_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = ArchiveWriter::open(dir.path(), 1, 20_000_000).unwrap();
        w.replace_source(file("/a.txt"), vec![sample_article("aaaa000000000001", "")])
            .unwrap();
        w.rollback().unwrap();
        assert!(w.manifest().is_empty());
        assert!(!w.commit().unwrap(), "nothing to commit after a rollback");
        assert_eq!(
            ArchiveIndex::open(dir.path())
                .unwrap()
                .count(KIND_ARTICLE)
                .unwrap(),
            0
        );
    }
}
