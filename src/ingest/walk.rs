//! The folder walk: which files `dateline index` and `dateline parse` look at.
//!
//! [`walk_tree`] lists files with their size and modification time (for the incremental
//! index); with `canonical` set, roots are canonicalised so `corpus`, `./corpus` and
//! `/abs/corpus` name the same files. [`walk`] is the plain iterator of paths as typed that
//! `parse` uses. Inside folders, hidden entries (name starting with `.`), the skipped folders (the index
//! itself) and files the `accept` filter rejects (not an article format) are left out, and
//! symbolic links are not followed unless asked. A file named as a root is taken whatever its
//! name. Problems (a root that does not exist, an unreadable folder, a symlink loop, a FIFO
//! named as a root or named like an article) become errors carrying the path; the walk goes on. It only reads metadata,
//! never contents.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

use super::is_article_path;
use crate::error::{Error, Result};

/// A regular file found by the walk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalkedFile {
    /// Canonical absolute path.
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 when the platform has none).
    pub mtime: u64,
}

/// A root as walked: its canonical path and whether it is a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Root {
    /// Canonical absolute path.
    pub path: PathBuf,
    /// True for a folder, false for a single file.
    pub is_dir: bool,
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files to consider, in walk order (sorted by name within each folder).
    pub files: Vec<WalkedFile>,
    /// The roots that exist.
    pub roots: Vec<Root>,
    /// Folders (or files) whose contents could not be listed: what was under them is unknown,
    /// so nothing indexed under them may be treated as deleted.
    pub unknown: Vec<PathBuf>,
    /// One error per problem, with its path.
    pub errors: Vec<Error>,
}

impl Walk {
    /// True when `path` (canonical) lies inside a folder root or is a file root, and the walk
    /// could see that part of the tree: a file indexed from there and not found now is gone.
    pub fn covers(&self, path: &Path) -> bool {
        let under_root = self.roots.iter().any(|r| {
            if r.is_dir {
                is_under(path, &r.path)
            } else {
                path == r.path
            }
        });
        under_root && !self.unknown.iter().any(|u| is_under(path, u))
    }
}

/// `path.starts_with(folder)` on the bytes: both are canonical (no `.`, `..` or doubled
/// separators), and comparing components is too slow for a manifest of 400,000 paths.
fn is_under(path: &Path, folder: &Path) -> bool {
    let path = path.as_os_str().as_encoded_bytes();
    let folder = folder.as_os_str().as_encoded_bytes();
    let separator = std::path::MAIN_SEPARATOR_STR.as_bytes();
    let folder = folder.strip_suffix(separator).unwrap_or(folder);
    path.strip_prefix(folder)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(separator))
}

/// Options of [`walk`].
#[derive(Clone, Copy)]
pub struct WalkOptions<'a> {
    /// Follow symbolic links.
    pub follow_links: bool,
    /// Folders never to enter (canonical), such as the index.
    pub skip: &'a [PathBuf],
    /// Which files inside folders are articles (by path, without reading them).
    pub accept: &'a (dyn Fn(&Path) -> bool + Sync),
    /// Canonicalise roots (and so every path found) instead of keeping them as typed.
    pub canonical: bool,
}

/// Modification time of `meta` in nanoseconds since the epoch (0 when unknown).
pub fn mtime_nanos(meta: &std::fs::Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0
        && entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.'))
}

fn is_skipped(entry: &walkdir::DirEntry, skip: &[PathBuf]) -> bool {
    entry.file_type().is_dir() && skip.iter().any(|s| entry.path() == s)
}

/// Walks `roots` (files or folders) and yields article files, sorted by name within a folder,
/// then one error per problem: the paths as typed, for `dateline parse`.
pub fn walk(roots: &[PathBuf], follow_links: bool) -> impl Iterator<Item = Result<PathBuf>> {
    let options = WalkOptions {
        follow_links,
        skip: &[],
        accept: &is_article_path,
        canonical: false,
    };
    let found = walk_tree(roots, options);
    found
        .files
        .into_iter()
        .map(|f| Ok(f.path))
        .chain(found.errors.into_iter().map(Err))
}

/// A file's stored path, size and mtime, or its path and why it could not be stat'ed.
type Stat = std::result::Result<WalkedFile, (PathBuf, std::io::Error)>;

/// Size and mtime of each file, in order, on up to four threads. A symbolic link still here
/// is one the walk follows (a root, or any with `follow_links`): its target is stat'ed, and
/// with links followed the path stored is the target's.
fn stat_all(paths: Vec<PathBuf>, options: WalkOptions<'_>) -> Vec<Stat> {
    let stat = |path: PathBuf| -> Stat {
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => return Err((path, e)),
        };
        let path = if options.follow_links && options.canonical {
            std::fs::canonicalize(&path).unwrap_or(path)
        } else {
            path
        };
        Ok(WalkedFile {
            path,
            size: meta.len(),
            mtime: mtime_nanos(&meta),
        })
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || paths.len() < 4096 {
        return paths.into_iter().map(stat).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    let mut paths = paths.into_iter();
    let chunks: Vec<Vec<PathBuf>> = (0..threads)
        .map(|_| paths.by_ref().take(chunk).collect())
        .collect();
    std::thread::scope(|scope| {
        let stat = &stat;
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| scope.spawn(move || chunk.into_iter().map(stat).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Walks `roots` and lists the article files under them with their size and mtime.
pub fn walk_tree(roots: &[PathBuf], options: WalkOptions<'_>) -> Walk {
    let mut out = Walk::default();
    // Files are listed first and stat'ed afterwards, on several threads: on a large archive
    // the stat calls are most of the walk.
    let mut candidates = Vec::new();
    for root in roots {
        let resolved = if options.canonical {
            std::fs::canonicalize(root)
        } else {
            std::fs::metadata(root).map(|_| root.clone())
        };
        let canonical = match resolved {
            Ok(p) => p,
            Err(e) => {
                out.errors.push(Error::io(root, e));
                continue;
            }
        };
        let is_dir = canonical.is_dir();
        out.roots.push(Root {
            path: canonical.clone(),
            is_dir,
        });
        let entries = WalkDir::new(&canonical)
            .follow_links(options.follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !is_hidden(e) && !is_skipped(e, options.skip));
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| canonical.clone());
                    let reason = if e.loop_ancestor().is_some() {
                        std::io::Error::other("symbolic link loop")
                    } else {
                        e.into_io_error()
                            .unwrap_or_else(|| std::io::Error::other("cannot be walked"))
                    };
                    out.unknown.push(path.clone());
                    out.errors.push(Error::io(path, reason));
                    continue;
                }
            };
            let file_type = entry.file_type();
            if file_type.is_dir() || (file_type.is_symlink() && !options.follow_links) {
                continue;
            }
            let named_root = entry.depth() == 0;
            if !file_type.is_file() {
                // A FIFO, socket or device is never opened (a FIFO would block the read). One
                // named on the command line, or named like an article inside a folder, gets a
                // message; other special files in folders are simply not articles.
                if named_root || (options.accept)(entry.path()) {
                    out.errors.push(Error::io(
                        entry.path(),
                        std::io::Error::other("not a regular file"),
                    ));
                }
                continue;
            }
            if !named_root && !(options.accept)(entry.path()) {
                continue;
            }
            candidates.push(entry.into_path());
        }
    }
    for stat in stat_all(candidates, options) {
        match stat {
            Ok(file) => out.files.push(file),
            Err((path, e)) => {
                // Vanished between listing and stat: report it, and keep what was indexed.
                out.unknown.push(path.clone());
                out.errors.push(Error::io(path, e));
            }
        }
    }
    // Two roots may overlap (`index corpus corpus/a.txt`): keep each file once. One root
    // cannot repeat a path. Hashing the bytes: a `Path` hashes component by component, which
    // cost a second on 380,000 files.
    if roots.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        out.files
            .retain(|f| seen.insert(f.path.as_os_str().as_encoded_bytes().to_vec()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn is_under_matches_whole_components_only() {
        let under = |p: &str, f: &str| is_under(Path::new(p), Path::new(f));
        assert!(under("/a/b/c.txt", "/a/b"));
        assert!(under("/a/b/c.txt", "/a/b/"));
        assert!(under("/a/b", "/a/b"));
        assert!(under("/a/b/c.txt", "/"));
        assert!(!under("/a/bc/d.txt", "/a/b"));
        assert!(!under("/a", "/a/b"));
        assert!(!under("/x/b/c.txt", "/a/b"));
    }

    fn txt(path: &Path) -> bool {
        path.extension().is_some_and(|e| e == "txt")
    }

    fn names(walk: &Walk, base: &Path) -> Vec<String> {
        walk.files
            .iter()
            .map(|f| f.path.strip_prefix(base).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn skips_hidden_skipped_and_rejected_files() {
        let dir = tempfile::tempdir().unwrap();
        let base = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir_all(base.join("a/.git")).unwrap();
        fs::create_dir_all(base.join("index")).unwrap();
        fs::write(base.join("a/one.txt"), "x").unwrap();
        fs::write(base.join("a/.hidden.txt"), "x").unwrap();
        fs::write(base.join("a/.git/two.txt"), "x").unwrap();
        fs::write(base.join("a/image.png"), "x").unwrap();
        fs::write(base.join("index/meta.txt"), "x").unwrap();
        fs::write(base.join("b.txt"), "xyz").unwrap();
        let skip = [base.join("index")];
        let w = walk_tree(
            std::slice::from_ref(&base),
            WalkOptions {
                follow_links: false,
                skip: &skip,
                accept: &txt,
                canonical: true,
            },
        );
        assert_eq!(names(&w, &base), ["a/one.txt", "b.txt"]);
        assert_eq!(w.files[1].size, 3);
        assert!(w.files[1].mtime > 0);
        assert!(w.errors.is_empty());
        assert!(w.covers(&base.join("a/gone.txt")));
        assert!(!w.covers(Path::new("/elsewhere/x.txt")));
    }

    #[test]
    fn named_file_is_taken_whatever_its_name_and_missing_root_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let base = fs::canonicalize(dir.path()).unwrap();
        fs::write(base.join("story.dat"), "x").unwrap();
        let roots = [base.join("story.dat"), base.join("missing")];
        let w = walk_tree(
            &roots,
            WalkOptions {
                follow_links: false,
                skip: &[],
                accept: &txt,
                canonical: true,
            },
        );
        assert_eq!(names(&w, &base), ["story.dat"]);
        assert_eq!(w.errors.len(), 1);
        assert!(
            w.errors[0]
                .to_string()
                .starts_with(&format!("{}: ", base.join("missing").display()))
        );
        assert!(w.covers(&base.join("story.dat")));
        assert!(!w.covers(&base.join("other.dat")));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_only_when_asked_and_loops_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let base = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir_all(base.join("root")).unwrap();
        fs::create_dir_all(base.join("outside")).unwrap();
        fs::write(base.join("outside/far.txt"), "x").unwrap();
        std::os::unix::fs::symlink(base.join("outside"), base.join("root/link")).unwrap();
        std::os::unix::fs::symlink(base.join("root"), base.join("root/loop")).unwrap();
        let roots = [base.join("root")];
        let w = walk_tree(
            &roots,
            WalkOptions {
                follow_links: false,
                skip: &[],
                accept: &txt,
                canonical: true,
            },
        );
        assert!(w.files.is_empty());
        assert!(w.errors.is_empty());
        let w = walk_tree(
            &roots,
            WalkOptions {
                follow_links: true,
                skip: &[],
                accept: &txt,
                canonical: true,
            },
        );
        assert_eq!(names(&w, &base), ["outside/far.txt"]);
        assert_eq!(w.errors.len(), 1, "{:?}", w.errors);
        assert!(w.errors[0].to_string().contains("symbolic link loop"));
    }

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
