//! Hostile files (issue 6): every file an archive can throw at `dateline index` gets one stderr
//! line naming its path and the reason, is counted as failed in the summary, and the rest of
//! the archive is still indexed. Runs the built binary on temp folders.
#![cfg(unix)]

mod reliability_common;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use dateline::index::pipeline::{Event, IndexOptions, run_index};
use reliability_common::{article, article_count, index, permissions_are_bypassed, summary};

/// The stderr lines of a run that report a failed file, without the `dateline: ` prefix.
fn failure_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter_map(|l| l.strip_prefix("dateline: "))
        .filter(|l| !l.starts_with("interrupted"))
        .collect()
}

/// Asserts exactly one stderr line names `path` and that it ends with `reason`.
fn assert_reported(stderr: &str, path: &Path, reason: &str) {
    let shown = path.display().to_string();
    let lines: Vec<&str> = failure_lines(stderr)
        .into_iter()
        .filter(|l| l.starts_with(&format!("{shown}: ")))
        .collect();
    assert_eq!(lines.len(), 1, "one line for {shown} in:\n{stderr}");
    assert!(
        lines[0].contains(reason),
        "line for {shown} should say {reason:?}: {}",
        lines[0]
    );
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("running mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn each_hostile_file_gets_one_line_and_the_rest_is_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(tmp.path()).unwrap().join("news");
    fs::create_dir_all(&root).unwrap();
    let idx = tmp.path().join("idx");

    // Good files, in the encodings the ingester must read.
    fs::write(root.join("good.txt"), article(1)).unwrap();
    fs::write(
        root.join("latin1.txt"),
        b"Caf\xe9 talks\n\nPARIS (AFP) - The caf\xe9 \xff opened, the mayor said.\n",
    )
    .unwrap();
    let utf16: Vec<u8> = "\u{feff}Sixteen bits\n\nLONDON (Reuters) - Hello, the minister said.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(root.join("utf16_bom.txt"), &utf16).unwrap();

    // Hostile ones, each with the reason its line must give.
    let mut hostile: Vec<(PathBuf, &str)> = Vec::new();
    let mut add = |name: &str, bytes: &[u8], reason: &'static str| {
        fs::write(root.join(name), bytes).unwrap();
        hostile.push((root.join(name), reason));
    };
    add("empty.txt", b"", "empty file");
    add("blank.txt", b" \n\t\r\n  ", "no text (only whitespace)");
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    add("binary.txt", &binary, "binary data (NUL bytes)");
    add(
        "nul.txt",
        b"Title\n\nMOSCOW (Sputnik) - Some\0thing, Peskov said.\n",
        "binary data (NUL bytes)",
    );
    let utf16_no_bom: Vec<u8> = "No mark\n\nLONDON (Reuters) - Hi.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    add(
        "utf16_no_bom.txt",
        &utf16_no_bom,
        "UTF-16 needs a byte-order mark",
    );
    // A 1 GiB file, sparse: it must be refused from its size, never read.
    let big = root.join("huge.txt");
    fs::File::create(&big).unwrap().set_len(1 << 30).unwrap();
    hostile.push((big, "over the 64 MB limit"));
    let fifo = root.join("pipe.txt");
    mkfifo(&fifo);
    hostile.push((fifo, "not a regular file"));
    // A name that is not UTF-8 (Latin-1 é).
    let bad_name = root.join(OsStr::from_bytes(b"caf\xe9.txt"));
    fs::write(&bad_name, article(2)).unwrap();
    hostile.push((bad_name, "path is not valid UTF-8"));
    // Not followed without -L: neither indexed nor an error.
    std::os::unix::fs::symlink("self.txt", root.join("self.txt")).unwrap();

    let run = index(&idx, &[&root], &[]);
    assert_eq!(run.code, Some(2), "failures make exit 2: {}", run.stderr);
    for (path, reason) in &hostile {
        assert_reported(&run.stderr, path, reason);
    }
    let lines = failure_lines(&run.stderr);
    assert_eq!(lines.len(), hostile.len(), "one line each:\n{}", run.stderr);
    assert!(
        lines.iter().all(|l| !l.contains("panicked")),
        "{}",
        run.stderr
    );
    let s = summary(&run);
    assert_eq!(s["files"]["added"], 3, "{s}");
    assert_eq!(s["files"]["failed"], hostile.len() as u64, "{s}");
    assert_eq!(s["interrupted"], false);
    assert_eq!(article_count(&idx), 3);

    // The failures are not remembered as indexed: a second run reports them again and adds
    // nothing.
    let again = index(&idx, &[&root], &[]);
    let s = summary(&again);
    assert_eq!(s["files"]["unchanged"], 3, "{s}");
    assert_eq!(s["files"]["failed"], hostile.len() as u64, "{s}");
    assert_eq!(article_count(&idx), 3);
}

#[test]
fn symlink_loops_are_reported_when_links_are_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(tmp.path()).unwrap().join("news");
    fs::create_dir_all(root.join("sub")).unwrap();
    fs::write(root.join("good.txt"), article(1)).unwrap();
    std::os::unix::fs::symlink("self.txt", root.join("self.txt")).unwrap();
    // A folder link back to its parent: walkdir sees the loop.
    std::os::unix::fs::symlink("..", root.join("sub").join("up")).unwrap();
    let idx = tmp.path().join("idx");

    let run = index(&idx, &[&root], &["--follow"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_reported(
        &run.stderr,
        &root.join("self.txt"),
        "Too many levels of symbolic links",
    );
    assert_reported(
        &run.stderr,
        &root.join("sub").join("up"),
        "symbolic link loop",
    );
    let s = summary(&run);
    assert_eq!(
        (s["files"]["added"].as_u64(), s["files"]["failed"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(article_count(&idx), 1);
}

#[test]
fn a_fifo_named_on_the_command_line_does_not_hang() {
    let tmp = tempfile::tempdir().unwrap();
    let base = fs::canonicalize(tmp.path()).unwrap();
    let fifo = base.join("pipe");
    mkfifo(&fifo);
    let good = base.join("good.txt");
    fs::write(&good, article(1)).unwrap();
    let run = index(&base.join("idx"), &[&fifo, &good], &[]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_reported(&run.stderr, &fifo, "not a regular file");
    assert_eq!(summary(&run)["files"]["added"], 1);
}

#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    if permissions_are_bypassed(tmp.path()) {
        eprintln!("skipped: this process reads files without read permission (root)");
        return;
    }
    let root = fs::canonicalize(tmp.path()).unwrap().join("news");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join("good.txt"), article(1)).unwrap();
    let locked = root.join("locked.txt");
    fs::write(&locked, article(2)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let run = index(&tmp.path().join("idx"), &[&root], &[]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_reported(&run.stderr, &locked, "Permission denied");
    assert_eq!(summary(&run)["files"]["failed"], 1);
}

#[test]
fn ten_megabyte_line_is_indexed_as_one_article() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    fs::create_dir_all(&root).unwrap();
    let mut line = "Endless ".repeat(10 * 1024 * 1024 / 8);
    line.push('\n');
    fs::write(root.join("line.txt"), line).unwrap();
    fs::write(root.join("good.txt"), article(1)).unwrap();
    let idx = tmp.path().join("idx");
    let run = index(&idx, &[&root], &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(summary(&run)["files"]["added"], 2);
    assert_eq!(article_count(&idx), 2);
}

#[test]
fn twenty_thousand_tiny_files_are_all_indexed() {
    const FILES: usize = 20_000;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    for n in 0..FILES {
        let sub = root.join(format!("{:03}", n / 1000));
        if n % 1000 == 0 {
            fs::create_dir_all(&sub).unwrap();
        }
        fs::write(
            sub.join(format!("{n}.txt")),
            format!("Tiny {n}\n\nStory {n}.\n"),
        )
        .unwrap();
    }
    let idx = tmp.path().join("idx");
    let run = index(&idx, &[&root], &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let s = summary(&run);
    assert_eq!(s["files"]["added"], FILES as u64, "{s}");
    assert_eq!(article_count(&idx), FILES as u64);
}

/// Library pipeline with the real parser, and an `accept` hook that deletes files while the
/// walk is under way, so "vanished" happens at a known point rather than by chance.
fn index_while_deleting(index: &Path, root: &Path, doomed: &[(&str, PathBuf)]) -> Vec<String> {
    let accept = |path: &Path| {
        for (trigger, victim) in doomed {
            if path.file_name() == Some(OsStr::new(trigger)) {
                fs::remove_file(victim).ok();
            }
        }
        true
    };
    let parse = |path: &Path, bytes: &[u8]| {
        dateline::ingest::parse_bytes(path, bytes).map(|p| (p.articles, p.errors))
    };
    let options = IndexOptions::new(index.to_path_buf(), vec![root.to_path_buf()], 1 << 20);
    let mut failures = Vec::new();
    let summary = run_index(
        &options,
        &accept,
        &parse,
        &AtomicBool::new(false),
        &mut |e| {
            if let Event::Failed(e) = e {
                failures.push(e.to_string());
            }
        },
    )
    .expect("the run itself succeeds");
    assert_eq!(summary.files.failed, failures.len() as u64);
    failures
}

#[test]
fn files_vanishing_mid_walk_are_reported_and_the_rest_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = fs::canonicalize(tmp.path()).unwrap().join("news");
    fs::create_dir_all(&root).unwrap();
    for name in ["a.txt", "b.txt", "c.txt", "d.txt"] {
        fs::write(
            root.join(name),
            article(name.len() + name.as_bytes()[0] as usize),
        )
        .unwrap();
    }
    let idx = tmp.path().join("idx");
    // b.txt goes after it was listed but before it is stat'ed (the walk sees it vanish);
    // a.txt goes after the walk stat'ed it, before a worker reads it (the read sees it).
    let failures = index_while_deleting(
        &idx,
        &root,
        &[("b.txt", root.join("b.txt")), ("d.txt", root.join("a.txt"))],
    );
    assert_eq!(failures.len(), 2, "{failures:?}");
    for name in ["a.txt", "b.txt"] {
        let prefix = format!("{}: ", root.join(name).display());
        assert!(
            failures
                .iter()
                .any(|f| f.starts_with(&prefix) && f.contains("No such file or directory")),
            "{name} reported as vanished: {failures:?}"
        );
    }
    assert_eq!(article_count(&idx), 2);
}
