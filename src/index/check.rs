//! `dateline check`: verifies an index folder file by file and, with `--repair`, fixes what can
//! be fixed without the source articles.
//!
//! [`check_index`] verifies, in order: every file of every segment named in `meta.json` (it
//! exists and its checksum footer matches), every segment opens and every stored document of
//! every kind reads back (articles are rebuilt in full, so quote offsets are checked too), the
//! manifest and the articles agree (each file's articles and quotes are all stored; no stored
//! article lacks its file), and no file in the folder looks like a leftover of an interrupted
//! run (a segment file or temp file that `meta.json` does not reference). Leftovers are only
//! judged while no `dateline index` holds the lock, since a running index writes segments it
//! has not committed yet. Every problem names its file (or article) in one line.
//!
//! [`repair::repair_index`] removes leftovers, drops damaged segments from `meta.json` (their
//! documents are lost from the index, not from the archive), and then makes the manifest
//! agree with what is left: a file that lost any article or quote is forgotten entirely, and
//! an article no file owns is deleted, so the next `dateline index` on the same folders parses
//! those files again and restores everything they held. It does not touch the archive, and
//! cannot repair a damaged `meta.json` (delete the folder and index again).

pub mod repair;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tantivy::directory::{DirectoryLock, INDEX_WRITER_LOCK};
use tantivy::index::SegmentComponent;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Index, SegmentMeta, SegmentReader, TERMINATED, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::index::document::{article_from_doc, stored_text};
use crate::index::manifest::SourceEntry;
use crate::index::reader::open_existing;
use crate::index::schema::{Fields, KIND_ARTICLE, KIND_QUOTE, KIND_SOURCE};

/// What kind of problem a [`Problem`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// A file left by an interrupted run that no commit references.
    Leftover,
    /// A segment file that is missing, fails its checksum, or does not open or read.
    Damaged,
    /// Manifest and stored documents disagree.
    Inconsistent,
}

/// One problem, on one line when displayed: `FILE: what is wrong`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Kind of problem.
    pub kind: ProblemKind,
    /// The file in the index folder (or the article file / article id) it concerns.
    pub file: String,
    /// What is wrong.
    pub detail: String,
    /// For damaged segments: the segment's id (its files all start with it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.detail)
    }
}

/// What [`check_index`] found.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// The index folder.
    pub index: PathBuf,
    /// Segments named in `meta.json`.
    pub segments: usize,
    /// Live documents read back (articles, quotes and source records).
    pub documents: u64,
    /// Stored articles read back.
    pub articles: u64,
    /// True when another process held the writer lock, so leftovers were not judged.
    pub locked: bool,
    /// Every problem found.
    pub problems: Vec<Problem>,
    /// What `--repair` must delete to make the manifest agree with the stored documents.
    #[serde(skip)]
    pub(crate) plan: Plan,
}

/// Deletions that make manifest and documents agree (see [`repair::repair_index`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct Plan {
    /// Files to forget: their source record and every article (and quotes) they own.
    pub forget: BTreeMap<String, Vec<String>>,
    /// Articles (with their quotes) no file owns.
    pub articles: Vec<String>,
    /// Quote sets whose article is not stored.
    pub quotes: Vec<String>,
}

impl Plan {
    pub(crate) fn is_empty(&self) -> bool {
        self.forget.is_empty() && self.articles.is_empty() && self.quotes.is_empty()
    }
}

impl Report {
    /// True when nothing is wrong.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    /// Ids of the segments with a damaged file.
    pub fn damaged_segments(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .problems
            .iter()
            .filter_map(|p| p.segment.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

/// Takes the index's writer lock, or `None` when a `dateline index` run holds it.
pub(crate) fn try_lock(index: &Index, dir: &Path) -> Result<Option<DirectoryLock>> {
    use tantivy::directory::Directory;
    match index.directory().acquire_lock(&INDEX_WRITER_LOCK) {
        Ok(lock) => Ok(Some(lock)),
        Err(tantivy::directory::error::LockError::LockBusy) => Ok(None),
        Err(e) => Err(Error::BadIndex {
            path: dir.to_path_buf(),
            reason: format!("cannot take the writer lock: {e}"),
        }),
    }
}

/// The files a committed segment consists of.
pub(crate) fn segment_files(meta: &SegmentMeta) -> Vec<PathBuf> {
    let mut components = vec![
        SegmentComponent::Postings,
        SegmentComponent::Positions,
        SegmentComponent::FastFields,
        SegmentComponent::FieldNorms,
        SegmentComponent::Terms,
        SegmentComponent::Store,
    ];
    if meta.has_deletes() {
        components.push(SegmentComponent::Delete);
    }
    components
        .into_iter()
        .map(|c| meta.relative_path(c))
        .collect()
}

/// True for names tantivy gives segment files (`<32 hex digits>.<ext>`) and temp files.
fn is_index_file_name(name: &str) -> bool {
    let segment_like = name.len() > 33
        && name.as_bytes()[32] == b'.'
        && name[..32].bytes().all(|b| b.is_ascii_hexdigit());
    segment_like || name.starts_with(".tmp")
}

/// Opens the index for checking; a `meta.json` that does not parse is a [`Error::BadIndex`].
pub(crate) fn open_for_check(dir: &Path) -> Result<(Index, Fields)> {
    let fields = Fields::new();
    let index = open_existing(dir, &fields)?;
    Ok((index, fields))
}

/// What the documents of the readable segments say, for the consistency check.
#[derive(Default)]
struct Contents {
    /// Manifest entries (source documents).
    sources: Vec<SourceEntry>,
    /// Stored article id -> (its path, quotes it says it has).
    articles: HashMap<String, (String, usize)>,
    /// Article id -> quote documents stored for it.
    quotes: HashMap<String, usize>,
}

/// Verifies the index in `dir` (see the module doc). Errors only when there is no index or
/// `meta.json` cannot be read; everything else is a [`Problem`] in the report.
pub fn check_index(dir: &Path) -> Result<Report> {
    let (index, fields) = open_for_check(dir)?;
    let metas = index.load_metas().map_err(|e| Error::BadIndex {
        path: dir.to_path_buf(),
        reason: format!("meta.json cannot be read: {e}"),
    })?;
    let lock = try_lock(&index, dir)?;
    let mut report = Report {
        index: dir.to_path_buf(),
        segments: metas.segments.len(),
        locked: lock.is_none(),
        ..Report::default()
    };
    let show = |file: &Path| dir.join(file).display().to_string();
    let mut contents = Contents::default();
    for meta in &metas.segments {
        let segment = meta.id().uuid_string();
        let before = report.problems.len();
        // Per file rather than `Index::validate_checksum`, so a missing file is named too and
        // does not stop the check of the others.
        for file in segment_files(meta) {
            let detail = if !dir.join(&file).is_file() {
                Some("missing (damaged segment)".to_string())
            } else {
                match index.directory().validate_checksum(&file) {
                    Ok(true) => None,
                    Ok(false) => Some("checksum mismatch (damaged segment)".to_string()),
                    Err(e) => Some(format!("cannot be read (damaged segment): {e}")),
                }
            };
            if let Some(detail) = detail {
                report.problems.push(Problem {
                    kind: ProblemKind::Damaged,
                    file: show(&file),
                    detail,
                    segment: Some(segment.clone()),
                });
            }
        }
        if report.problems.len() > before {
            // Never decode a file known to be damaged.
            continue;
        }
        let segment_obj = index.segment(meta.clone());
        // tantivy may panic on data that passed its checksum but is still wrong: a panic
        // here is this segment's problem, not the end of the check.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            read_segment(&segment_obj, &fields, &mut contents)
        }));
        match read {
            Ok(Ok(docs)) => report.documents += docs,
            Ok(Err(detail)) => report.problems.push(Problem {
                kind: ProblemKind::Damaged,
                file: show(&meta.relative_path(SegmentComponent::Store)),
                detail: format!("{detail} (damaged segment)"),
                segment: Some(segment.clone()),
            }),
            Err(_) => report.problems.push(Problem {
                kind: ProblemKind::Damaged,
                file: show(&meta.relative_path(SegmentComponent::Store)),
                detail: "reading it crashed the reader (damaged segment)".to_string(),
                segment: Some(segment.clone()),
            }),
        }
    }
    report.articles = contents.articles.len() as u64;
    if report.damaged_segments().is_empty() {
        // With a segment unreadable, every file it touched would show up here too: the
        // damaged segment is the one problem to report (and `--repair` fixes both).
        let (problems, plan) = consistency(&contents);
        report.problems.extend(problems);
        report.plan = plan;
    }
    if lock.is_some() {
        report.problems.extend(leftovers(dir, &metas)?);
    }
    drop(lock);
    Ok(report)
}

/// Opens one segment and reads every live document of every kind; returns the count read.
fn read_segment(
    segment: &tantivy::Segment,
    fields: &Fields,
    contents: &mut Contents,
) -> std::result::Result<u64, String> {
    let reader = SegmentReader::open(segment).map_err(|e| format!("does not open: {e}"))?;
    let store = reader
        .get_store_reader(1)
        .map_err(|e| format!("document store does not open: {e}"))?;
    let inverted = reader
        .inverted_index(fields.kind)
        .map_err(|e| format!("kind index does not open: {e}"))?;
    let mut read = 0u64;
    for kind in [KIND_ARTICLE, KIND_QUOTE, KIND_SOURCE] {
        let term = Term::from_field_text(fields.kind, kind);
        let Some(mut postings) = inverted
            .read_postings(&term, IndexRecordOption::Basic)
            .map_err(|e| format!("postings do not read: {e}"))?
        else {
            continue;
        };
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if reader
                .alive_bitset()
                .is_none_or(|alive| alive.is_alive(doc))
            {
                let stored: TantivyDocument = store
                    .get(doc)
                    .map_err(|e| format!("stored document {doc} does not read: {e}"))?;
                record(kind, fields, &stored, contents)
                    .map_err(|e| format!("stored document {doc}: {e}"))?;
                read += 1;
            }
            doc = postings.advance();
        }
    }
    if read != u64::from(reader.num_docs()) {
        return Err(format!(
            "holds {} documents but only {read} have a known kind",
            reader.num_docs()
        ));
    }
    Ok(read)
}

fn record(
    kind: &str,
    fields: &Fields,
    doc: &TantivyDocument,
    contents: &mut Contents,
) -> Result<()> {
    match kind {
        KIND_ARTICLE => {
            let article = article_from_doc(fields, doc)?;
            contents
                .articles
                .insert(article.id, (article.path, article.quotes.len()));
        }
        KIND_QUOTE => {
            *contents
                .quotes
                .entry(stored_text(doc, fields.id))
                .or_default() += 1;
        }
        _ => contents
            .sources
            .push(SourceEntry::from_document(fields, doc)?),
    }
    Ok(())
}

/// Manifest against stored documents: every file's articles and their quotes are stored, and
/// every stored article and quote belongs to a file.
fn consistency(contents: &Contents) -> (Vec<Problem>, Plan) {
    let mut problems = Vec::new();
    let mut plan = Plan::default();
    let mut owners: BTreeMap<&str, &str> = BTreeMap::new();
    for source in &contents.sources {
        for id in source.owned() {
            owners.insert(id, &source.path);
            let detail = match contents.articles.get(id) {
                None => format!("the index lists article {id} from this file but does not hold it"),
                Some((_, want)) => {
                    let have = contents.quotes.get(id.as_str()).copied().unwrap_or(0);
                    if have == *want {
                        continue;
                    }
                    format!("article {id} should have {want} quote documents but has {have}")
                }
            };
            problems.push(Problem {
                kind: ProblemKind::Inconsistent,
                file: source.path.clone(),
                detail,
                segment: None,
            });
            let owned = source.owned().cloned();
            plan.forget.insert(source.path.clone(), owned.collect());
        }
    }
    let mut strays: Vec<(&String, &String)> = contents
        .articles
        .iter()
        .filter(|(id, _)| !owners.contains_key(id.as_str()))
        .map(|(id, (path, _))| (id, path))
        .collect();
    strays.sort();
    for (id, path) in strays {
        problems.push(Problem {
            kind: ProblemKind::Inconsistent,
            file: path.clone(),
            detail: format!("article {id} is stored but no indexed file owns it"),
            segment: None,
        });
        plan.articles.push(id.clone());
    }
    let mut quote_strays: Vec<&String> = contents
        .quotes
        .keys()
        .filter(|id| !contents.articles.contains_key(*id))
        .collect();
    quote_strays.sort();
    for id in quote_strays {
        problems.push(Problem {
            kind: ProblemKind::Inconsistent,
            file: format!("article {id}"),
            detail: "quote documents are stored for an article the index does not hold".to_string(),
            segment: None,
        });
        plan.quotes.push(id.clone());
    }
    (problems, plan)
}

/// Segment and temp files in `dir` that no committed segment references.
fn leftovers(dir: &Path, metas: &tantivy::IndexMeta) -> Result<Vec<Problem>> {
    let referenced = metas.list_segment_files();
    let mut found = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if is_index_file_name(name)
            && !referenced.contains(Path::new(name))
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            found.push(Problem {
                kind: ProblemKind::Leftover,
                file: dir.join(name).display().to_string(),
                detail: "leftover of an interrupted run (no commit references it)".to_string(),
                segment: None,
            });
        }
    }
    found.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_file_names_are_recognised() {
        assert!(is_index_file_name("7cb4939be8ff4def8264a77c9e3f0fa1.store"));
        assert!(is_index_file_name(
            "7cb4939be8ff4def8264a77c9e3f0fa1.12.del"
        ));
        assert!(is_index_file_name(".tmpAbC123"));
        assert!(!is_index_file_name("meta.json"));
        assert!(!is_index_file_name(".managed.json"));
        assert!(!is_index_file_name(".gitignore"));
        assert!(!is_index_file_name(
            "notes-7cb4939be8ff4def8264a77c9e3f0fa1.txt"
        ));
    }

    #[test]
    fn missing_index_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = check_index(&dir.path().join("none")).err().unwrap();
        assert!(matches!(err, Error::NoIndex { .. }), "{err}");
    }
}
