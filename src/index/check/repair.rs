//! `dateline check --repair`: removes leftovers, drops damaged segments, and makes the
//! manifest agree with the documents that are left, so the next `dateline index` restores
//! whatever was lost from the archive files (see the parent module).
//!
//! Works in three steps: under the writer lock, delete leftover files and rewrite `meta.json`
//! without the damaged segments (then delete their files); check again; delete, in one
//! commit, the records of every file that lost anything and every article or quote set no
//! file owns. A final check tells what, if anything, is still wrong.

use std::path::Path;

use serde::Serialize;
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::{ProblemKind, Report, check_index, open_for_check, try_lock};
use crate::error::{Error, Result};
use crate::index::schema::{self, KIND_ARTICLE, KIND_SOURCE};

/// What [`repair_index`] found and did.
#[derive(Clone, Debug, Serialize)]
pub struct Repair {
    /// The check before repairing.
    pub found: Report,
    /// Leftover files deleted.
    pub removed_files: Vec<String>,
    /// Damaged segments dropped from the index (their documents are gone from it).
    pub dropped_segments: Vec<String>,
    /// Files forgotten by the manifest because they lost articles or quotes: the next
    /// `dateline index` over their folders parses them again.
    pub forgotten_files: Vec<String>,
    /// Articles deleted because no file owned them any more.
    pub deleted_articles: usize,
    /// The check after repairing.
    pub after: Report,
}

fn locked(dir: &Path) -> Error {
    Error::IndexLocked {
        index: dir.to_path_buf(),
    }
}

/// Repairs the index in `dir`; fails with [`Error::IndexLocked`] while `dateline index` runs.
pub fn repair_index(dir: &Path) -> Result<Repair> {
    let found = check_index(dir)?;
    if found.locked {
        return Err(locked(dir));
    }
    let mut repair = Repair {
        found: found.clone(),
        removed_files: Vec::new(),
        dropped_segments: found.damaged_segments(),
        forgotten_files: Vec::new(),
        deleted_articles: 0,
        after: Report::default(),
    };
    {
        let (index, _) = open_for_check(dir)?;
        let _lock = try_lock(&index, dir)?.ok_or_else(|| locked(dir))?;
        for p in found
            .problems
            .iter()
            .filter(|p| p.kind == ProblemKind::Leftover)
        {
            remove(Path::new(&p.file))?;
            repair.removed_files.push(p.file.clone());
        }
        if !repair.dropped_segments.is_empty() {
            drop_segments(dir, &repair.dropped_segments)?;
        }
    }
    let middle = check_index(dir)?;
    if !middle.plan.is_empty() {
        let (index, fields) = open_for_check(dir)?;
        let mut writer: IndexWriter<TantivyDocument> = index
            .writer_with_num_threads(1, 15_000_000)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => locked(dir),
                other => Error::tantivy("opening a writer to repair the index", other),
            })?;
        let delete = |kind: &str, name: &str| {
            writer.delete_term(Term::from_field_text(
                fields.doc_key,
                &schema::doc_key(kind, name),
            ));
        };
        // An article and its quotes share one key: deleting it removes both.
        for (path, owned) in &middle.plan.forget {
            delete(KIND_SOURCE, path);
            for id in owned {
                delete(KIND_ARTICLE, id);
            }
            repair.forgotten_files.push(path.clone());
        }
        for id in middle.plan.articles.iter().chain(&middle.plan.quotes) {
            delete(KIND_ARTICLE, id);
        }
        repair.deleted_articles = middle.plan.articles.len();
        writer.commit().map_err(|e| {
            Error::tantivy(format!("committing the repair of {}", dir.display()), e)
        })?;
        writer
            .wait_merging_threads()
            .map_err(|e| Error::tantivy("merging segments", e))?;
    }
    repair.after = check_index(dir)?;
    Ok(repair)
}

fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Rewrites `meta.json` without the segments whose ids (32 hex digits) are in `ids`, then
/// deletes their files. The rewrite is atomic (write a temp file, fsync, rename), so a crash
/// leaves either the old or the new list.
fn drop_segments(dir: &Path, ids: &[String]) -> Result<()> {
    let meta_path = dir.join("meta.json");
    let bad = |reason: String| Error::BadIndex {
        path: dir.to_path_buf(),
        reason,
    };
    let text = std::fs::read_to_string(&meta_path).map_err(|e| Error::io(&meta_path, e))?;
    let mut meta: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| bad(format!("meta.json is not JSON: {e}")))?;
    let segments = meta
        .get_mut("segments")
        .and_then(|s| s.as_array_mut())
        .ok_or_else(|| bad("meta.json has no segment list".to_string()))?;
    segments.retain(|s| {
        let id: String = s
            .get("segment_id")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .chars()
            .filter(|c| *c != '-')
            .collect();
        !ids.contains(&id)
    });
    let json = serde_json::to_string_pretty(&meta)
        .map_err(|e| Error::Internal(format!("serialising meta.json: {e}")))?;
    let tmp = dir.join("meta.json.repair");
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        file.write_all(json.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| Error::io(&tmp, e))?;
    }
    std::fs::rename(&tmp, &meta_path).map_err(|e| Error::io(&meta_path, e))?;
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if let Some(name) = name.to_str()
            && ids.iter().any(|id| name.starts_with(id.as_str()))
        {
            remove(&entry.path())?;
        }
    }
    Ok(())
}
