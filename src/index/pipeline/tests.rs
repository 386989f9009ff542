//! Tests of the indexing pipeline, with a stand-in parser.

use super::*;
use crate::index::reader::ArchiveIndex;
use crate::index::schema::{KIND_ARTICLE, KIND_SOURCE};
use std::fs;

/// A stand-in parser: first line is the title, the rest the body, the id a hash of both;
/// a file starting with `BAD` fails, one starting with `PANIC` panics.
fn parse(path: &Path, bytes: &[u8]) -> Result<(Vec<Article>, Vec<Error>)> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| Error::bad_article(path, None, "not UTF-8"))?;
    if text.starts_with("BAD") {
        return Err(Error::bad_article(path, None, "bad on purpose"));
    }
    assert!(!text.starts_with("PANIC"), "parser bug");
    let (title, body) = text.split_once('\n').unwrap_or((text, ""));
    let id = blake3::hash(text.as_bytes()).to_hex()[..16].to_string();
    let article = Article {
        id,
        title: title.to_string(),
        body: body.to_string(),
        ..Article::default()
    };
    Ok((vec![article], Vec::new()))
}

fn txt(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "txt")
}

fn run(index: &Path, root: &Path) -> (Summary, Vec<String>) {
    let mut failures = Vec::new();
    let mut options = IndexOptions::new(index.to_path_buf(), vec![root.to_path_buf()], 1 << 20);
    options.threads = 2;
    let summary = run_index(&options, &txt, &parse, &AtomicBool::new(false), &mut |e| {
        if let Event::Failed(e) = e {
            failures.push(e.to_string());
        }
    })
    .unwrap();
    (summary, failures)
}

fn count(index: &Path, kind: &str) -> u64 {
    ArchiveIndex::open(index).unwrap().count(kind).unwrap()
}

#[test]
fn second_run_is_a_no_op_and_changes_are_applied() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, index) = (tmp.path().join("news"), tmp.path().join("idx"));
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("a.txt"), "Alpha\nbody a").unwrap();
    fs::write(root.join("b.txt"), "Beta\nbody b").unwrap();
    fs::write(root.join("copy.txt"), "Beta\nbody b").unwrap();
    let (s, failures) = run(&index, &root);
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(
        (s.files.added, s.articles.added, s.articles.duplicates),
        (3, 2, 1)
    );
    assert_eq!(count(&index, KIND_ARTICLE), 2);

    let (s, _) = run(&index, &root);
    assert_eq!(
        s.files,
        FileCounts {
            seen: 3,
            unchanged: 3,
            ..FileCounts::default()
        }
    );
    assert_eq!(s.articles, ArticleCounts::default());

    // Changed content replaces the article; a deleted owner hands its story to the copy.
    fs::write(root.join("a.txt"), "Alpha two\nnew body").unwrap();
    fs::remove_file(root.join("b.txt")).unwrap();
    let (s, _) = run(&index, &root);
    assert_eq!((s.files.updated, s.files.removed), (2, 1), "{s:?}");
    assert_eq!(count(&index, KIND_ARTICLE), 2);
    assert_eq!(count(&index, KIND_SOURCE), 2);
    // `path` is stored, not indexed: read it back from the live article documents.
    let reader = ArchiveIndex::open(&index).unwrap();
    let searcher = reader.searcher();
    let kind = tantivy::Term::from_field_text(reader.fields().kind, KIND_ARTICLE);
    let query = tantivy::query::TermQuery::new(kind, tantivy::schema::IndexRecordOption::Basic);
    let hits = searcher
        .search(&query, &tantivy::collector::DocSetCollector)
        .unwrap();
    let mut titles: Vec<String> = hits
        .into_iter()
        .map(|address| {
            let doc: tantivy::TantivyDocument = searcher.doc(address).unwrap();
            let article = reader.article_from_doc(&doc).unwrap();
            Path::new(&article.path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    titles.sort();
    assert_eq!(titles, ["a.txt", "copy.txt"]);
}

#[test]
fn touched_file_with_same_content_is_not_reparsed() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, index) = (tmp.path().join("news"), tmp.path().join("idx"));
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("a.txt"), "Alpha\nbody").unwrap();
    run(&index, &root);
    let file = fs::File::options()
        .write(true)
        .open(root.join("a.txt"))
        .unwrap();
    file.set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    let (s, _) = run(&index, &root);
    assert_eq!((s.files.unchanged, s.files.updated, s.bytes), (1, 0, 10));
    let (s, _) = run(&index, &root);
    assert_eq!(
        (s.files.unchanged, s.bytes),
        (1, 0),
        "the new mtime was recorded"
    );
}

#[test]
fn bad_and_panicking_files_are_reported_and_the_rest_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, index) = (tmp.path().join("news"), tmp.path().join("idx"));
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("a.txt"), "Alpha\nbody").unwrap();
    fs::write(root.join("bad.txt"), "BAD\n").unwrap();
    fs::write(root.join("panic.txt"), "PANIC\n").unwrap();
    fs::write(root.join("huge.txt"), vec![b'x'; (1 << 20) + 1]).unwrap();
    let (s, failures) = run(&index, &root);
    assert_eq!((s.files.added, s.files.failed), (1, 3));
    assert_eq!(failures.len(), 3);
    assert!(
        failures
            .iter()
            .any(|f| f.ends_with("bad.txt: bad on purpose")),
        "{failures:?}"
    );
    assert!(
        failures
            .iter()
            .any(|f| f.contains("huge.txt: file is 1 MB, over the 1 MB limit")),
        "{failures:?}"
    );
    assert!(
        failures
            .iter()
            .any(|f| f.contains("parser panicked") && f.contains("panic.txt")),
        "{failures:?}"
    );
    assert_eq!(count(&index, KIND_ARTICLE), 1);
}

#[test]
fn files_outside_the_walked_roots_are_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let index = tmp.path().join("idx");
    for dir in ["one", "two"] {
        fs::create_dir_all(tmp.path().join(dir)).unwrap();
        fs::write(tmp.path().join(dir).join("a.txt"), format!("{dir}\nbody")).unwrap();
    }
    run(&index, &tmp.path().join("one"));
    let (s, _) = run(&index, &tmp.path().join("two"));
    assert_eq!((s.files.added, s.files.removed), (1, 0));
    assert_eq!(count(&index, KIND_ARTICLE), 2);
}

#[test]
fn copies_orphaned_by_a_killed_run_are_stored_on_the_next_run() {
    let tmp = tempfile::tempdir().unwrap();
    let (root, index) = (tmp.path().join("news"), tmp.path().join("idx"));
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("a.txt"), "Alpha\nbody").unwrap();
    fs::write(root.join("copy.txt"), "Alpha\nbody").unwrap();
    run(&index, &root);
    // What a run killed after committing a.txt's removal, before re-parsing its copy, leaves.
    fs::remove_file(root.join("a.txt")).unwrap();
    let owner = fs::canonicalize(&root).unwrap().join("a.txt");
    let mut writer = ArchiveWriter::open(&index, 1, 20_000_000).unwrap();
    assert_eq!(
        writer.remove_source(owner.to_str().unwrap()).unwrap(),
        Some(1)
    );
    writer.commit().unwrap();
    drop(writer);
    assert_eq!(count(&index, KIND_ARTICLE), 0);
    let (s, _) = run(&index, &root);
    assert_eq!(
        s.files,
        FileCounts {
            seen: 1,
            updated: 1,
            ..FileCounts::default()
        }
    );
    assert_eq!(count(&index, KIND_ARTICLE), 1);
}

#[test]
fn a_file_replaced_by_another_name_is_removed_though_the_count_is_the_same() {
    // The scan for gone files is skipped only when every indexed file was walked: a run that
    // loses one file and gains another sees as many files as before, and must still remove it.
    let tmp = tempfile::tempdir().unwrap();
    let (root, index) = (tmp.path().join("news"), tmp.path().join("idx"));
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("a.txt"), "Alpha\nbody a").unwrap();
    fs::write(root.join("b.txt"), "Beta\nbody b").unwrap();
    run(&index, &root);
    fs::rename(root.join("b.txt"), root.join("c.txt")).unwrap();
    let (s, failures) = run(&index, &root);
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(
        (
            s.files.seen,
            s.files.unchanged,
            s.files.added,
            s.files.removed
        ),
        (2, 1, 1, 1),
        "{s:?}"
    );
    assert_eq!(count(&index, KIND_SOURCE), 2);
    assert_eq!(count(&index, KIND_ARTICLE), 2);
}
