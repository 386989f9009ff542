//! The folder walk: every article file under the given paths, in a stable order.
//!
//! Paths named explicitly are always yielded (whatever their extension); inside folders only
//! files [`is_article_path`] accepts are, and hidden files and folders (`.git`, `.DS_Store`) are
//! skipped. Symbolic links are followed only when asked. Errors (a missing path, a permission
//! denied, a symlink loop) are yielded in place, so one bad entry never stops the walk.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::is_article_path;
use crate::error::{Error, Result};

/// Walks `roots` (files or folders) and yields article files, sorted by name within a folder.
pub fn walk<'a>(
    roots: &'a [PathBuf],
    follow_links: bool,
) -> impl Iterator<Item = Result<PathBuf>> + 'a {
    roots.iter().flat_map(move |root| {
        WalkDir::new(root)
            .follow_links(follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
            .filter_map(move |entry| match entry {
                Ok(e) if e.depth() == 0 && !e.file_type().is_dir() => Some(Ok(e.into_path())),
                Ok(e) if e.file_type().is_dir() => None,
                Ok(e) => is_article_path(e.path()).then(|| Ok(e.into_path())),
                Err(err) => Some(Err(walk_error(root, err))),
            })
    })
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn walk_error(root: &Path, err: walkdir::Error) -> Error {
    let path = err
        .path()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.to_path_buf());
    if err.loop_ancestor().is_some() {
        return Error::bad_article(path, None, "symbolic link loop");
    }
    match err.into_io_error() {
        Some(io) => Error::io(path, io),
        None => Error::bad_article(path, None, "cannot be walked"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_folders_skipping_hidden_and_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for name in [
            "b.txt",
            "a.json",
            "sub/c.sgm",
            "sub/README",
            ".hidden.txt",
            ".git/d.txt",
            "e.png",
        ] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let roots = vec![
            root.to_path_buf(),
            root.join("e.png"),
            root.join("missing.txt"),
        ];
        let got: Vec<String> = walk(&roots, false)
            .map(|r| match r {
                Ok(p) => p.strip_prefix(root).unwrap().display().to_string(),
                Err(e) => format!(
                    "error: {}",
                    e.to_string().replace(&root.display().to_string(), "ROOT")
                ),
            })
            .collect();
        assert_eq!(
            got[..5],
            ["a.json", "b.txt", "sub/README", "sub/c.sgm", "e.png"]
        );
        assert!(
            got[5].starts_with("error: ROOT/missing.txt: "),
            "{}",
            got[5]
        );
        assert_eq!(got.len(), 6);
    }
}
