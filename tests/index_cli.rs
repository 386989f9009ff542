//! `dateline index` end to end, through the binary, on temporary folders and indexes:
//! idempotent re-runs, changed, deleted and copied files, the lock error, bad files, the
//! summary, and the default paths.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const SPUTNIK: &str = " date 2026-02-26 Pipeline talks - Kremlin\n11:12 GMT 26.02.2026 (Updated: 11:13 GMT 26.02.2026)\n\
MOSCOW (Sputnik) - Talks on the Druzhba pipeline go on, Kremlin spokesman Dmitry Peskov said on Thursday.\n";
const REUTERS: &str =
    "Oil prices rise\n\nLONDON, Feb 25 (Reuters) - Oil prices rose on Wednesday, traders said.\n";
const TASS: &str = "Grain deal extended\n\nMOSCOW, February 26. /TASS/. The grain deal was extended, the ministry said.\n";

/// A temp folder with `news/` holding the three fixtures; the binary runs inside it.
struct Archive {
    dir: TempDir,
}

impl Archive {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("news")).unwrap();
        let archive = Archive { dir };
        archive.write("news/a.txt", SPUTNIK);
        archive.write("news/b.txt", REUTERS);
        archive.write("news/c.txt", TASS);
        archive
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("dateline").unwrap();
        cmd.current_dir(self.dir.path())
            .env_remove("DATELINE_INDEX")
            .env("NO_COLOR", "1");
        cmd
    }

    /// Runs `dateline index --format json --index idx ARGS` and returns (exit code, summary, stderr).
    fn index(&self, args: &[&str]) -> (i32, Value, String) {
        let out = self
            .cmd()
            .args(["index", "--format", "json", "--index", "idx"])
            .args(args)
            .output()
            .unwrap();
        let summary = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        (
            out.status.code().unwrap_or(-1),
            summary,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn articles(&self) -> u64 {
        let out = self
            .cmd()
            .args(["stats", "--format", "json", "--index", "idx"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
        stats["articles"].as_u64().unwrap()
    }

    /// Exit code and stdout of `dateline show ID --format json`.
    fn show(&self, id: &str) -> (i32, Value) {
        let out = self
            .cmd()
            .args(["show", id, "--format", "json", "--index", "idx"])
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
        )
    }
}

/// The id the ingester gives the (single) article of `text`.
fn id_of(text: &str) -> String {
    let parsed = dateline::ingest::parse_bytes(Path::new("x.txt"), text.as_bytes()).unwrap();
    parsed.articles[0].id.clone()
}

fn counts(summary: &Value, group: &str) -> Vec<u64> {
    let keys: &[&str] = match group {
        "files" => &["added", "updated", "unchanged", "removed", "failed"],
        _ => &["added", "removed", "duplicates", "failed"],
    };
    keys.iter()
        .map(|k| summary[group][k].as_u64().unwrap())
        .collect()
}

#[test]
fn indexing_the_same_folder_twice_adds_nothing() {
    let archive = Archive::new();
    let (code, first, stderr) = archive.index(&["news"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(counts(&first, "files"), [3, 0, 0, 0, 0]);
    assert_eq!(counts(&first, "articles"), [3, 0, 0, 0]);
    assert_eq!(archive.articles(), 3);
    // `./news` and the absolute path are the same folder.
    let absolute = archive.path("news").display().to_string();
    for root in ["./news", absolute.as_str()] {
        let (code, again, _) = archive.index(&[root]);
        assert_eq!(code, 0);
        assert_eq!(counts(&again, "files"), [0, 0, 3, 0, 0], "{root}");
        assert_eq!(counts(&again, "articles"), [0, 0, 0, 0], "{root}");
        assert_eq!(again["bytes"], 0, "unchanged files are not read");
    }
    assert_eq!(archive.articles(), 3);
}

#[test]
fn a_changed_file_replaces_its_articles() {
    let archive = Archive::new();
    archive.index(&["news"]);
    let changed = REUTERS.replace("rose", "fell");
    archive.write("news/b.txt", &changed);
    let (code, summary, _) = archive.index(&["news"]);
    assert_eq!(code, 0);
    assert_eq!(counts(&summary, "files"), [0, 1, 2, 0, 0]);
    assert_eq!(counts(&summary, "articles"), [1, 1, 0, 0]);
    assert_eq!(archive.articles(), 3);
    assert_eq!(
        archive.show(&id_of(REUTERS)).0,
        2,
        "the old version is gone"
    );
    let (code, article) = archive.show(&id_of(&changed));
    assert_eq!(code, 0);
    assert!(
        article["body"]
            .as_str()
            .unwrap()
            .contains("Oil prices fell")
    );
}

#[test]
fn a_deleted_files_articles_disappear() {
    let archive = Archive::new();
    archive.index(&["news"]);
    fs::remove_file(archive.path("news/c.txt")).unwrap();
    let (code, summary, _) = archive.index(&["news"]);
    assert_eq!(code, 0);
    assert_eq!(counts(&summary, "files"), [0, 0, 2, 1, 0]);
    assert_eq!(counts(&summary, "articles"), [0, 1, 0, 0]);
    assert_eq!(archive.articles(), 2);
    assert_eq!(archive.show(&id_of(TASS)).0, 2);
}

#[test]
fn files_outside_the_folders_being_indexed_are_kept() {
    let archive = Archive::new();
    archive.write("more/d.txt", &SPUTNIK.replace("go on", "stall"));
    archive.index(&["news"]);
    archive.index(&["more"]);
    assert_eq!(archive.articles(), 4);
    let (_, summary, _) = archive.index(&["news"]);
    assert_eq!(counts(&summary, "files"), [0, 0, 3, 0, 0]);
    assert_eq!(archive.articles(), 4);
}

#[test]
fn the_same_story_in_two_files_is_stored_once() {
    let archive = Archive::new();
    archive.write("news/copies/a-copy.txt", SPUTNIK);
    let (_, summary, _) = archive.index(&["news"]);
    assert_eq!(counts(&summary, "files"), [4, 0, 0, 0, 0]);
    assert_eq!(counts(&summary, "articles"), [3, 0, 1, 0]);
    assert_eq!(archive.articles(), 3);
    let id = id_of(SPUTNIK);
    let first = fs::canonicalize(archive.path("news/a.txt")).unwrap();
    assert_eq!(
        archive.show(&id).1["path"],
        first.display().to_string(),
        "the first path is kept"
    );
    // When the first file goes, the copy keeps the story in the index.
    fs::remove_file(archive.path("news/a.txt")).unwrap();
    let (_, summary, _) = archive.index(&["news"]);
    assert_eq!(counts(&summary, "files"), [0, 1, 2, 1, 0]);
    assert_eq!(archive.articles(), 3);
    let copy = fs::canonicalize(archive.path("news/copies/a-copy.txt")).unwrap();
    assert_eq!(archive.show(&id).1["path"], copy.display().to_string());
}

#[test]
fn a_second_concurrent_writer_gets_the_lock_error() {
    let archive = Archive::new();
    archive.index(&["news"]);
    let index = tantivy::Index::open_in_dir(archive.path("idx")).unwrap();
    let _held = index
        .writer::<tantivy::TantivyDocument>(50_000_000)
        .unwrap();
    let (code, summary, stderr) = archive.index(&["news"]);
    assert_eq!(code, 2);
    assert_eq!(summary, Value::Null, "no summary on stdout");
    assert_eq!(
        stderr,
        "dateline: indexing into idx: index idx is locked by another `dateline index` run; wait for it to \
         finish (a lock left by a killed run is released automatically)\n"
    );
}

#[test]
fn bad_files_are_reported_with_their_path_and_the_rest_is_indexed() {
    let archive = Archive::new();
    archive.write("news/empty.txt", "");
    fs::write(archive.path("news/binary.txt"), b"\x00\x01\x02binary\x00").unwrap();
    let (code, summary, stderr) = archive.index(&["news"]);
    assert_eq!(code, 2, "a failed file makes the exit code 2");
    assert_eq!(counts(&summary, "files"), [3, 0, 0, 0, 2]);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with("dateline: news/binary.txt: "),
        "{stderr}"
    );
    assert_eq!(lines[1], "dateline: news/empty.txt: empty file");
    assert_eq!(archive.articles(), 3);
    // Failed files are tried again (and reported again) on the next run.
    let (code, summary, _) = archive.index(&["news"]);
    assert_eq!((code, counts(&summary, "files")), (2, vec![0, 0, 3, 0, 2]));
}

#[test]
fn a_missing_root_is_a_failure_and_removes_nothing() {
    let archive = Archive::new();
    archive.index(&["news"]);
    let (code, summary, stderr) = archive.index(&["news", "nowhere"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("dateline: nowhere: No such file or directory"),
        "{stderr}"
    );
    assert_eq!(counts(&summary, "files"), [0, 0, 3, 0, 1]);
    assert_eq!(archive.articles(), 3);
}

#[test]
fn text_summary_goes_to_stderr() {
    let archive = Archive::new();
    let out = archive
        .cmd()
        .args(["index", "--index", "idx", "news"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert_eq!(
        lines[0],
        "files: 3 added, 0 updated, 0 unchanged, 0 removed, 0 failed"
    );
    assert_eq!(
        lines[1],
        "articles: 3 added, 0 removed, 0 duplicates stored once, 0 bad records; 2 quotes"
    );
    assert!(
        lines[2].starts_with("0.0 MB read in ") && lines[2].ends_with(" MB/s) into idx"),
        "{}",
        lines[2]
    );
}

#[test]
fn defaults_are_corpus_and_index_and_the_index_folder_is_not_walked() {
    let archive = Archive::new();
    archive.write("corpus/a.txt", SPUTNIK);
    // The index lives inside the walked folder: its files must not be taken for articles.
    let out = archive
        .cmd()
        .args(["index", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(archive.path("index/meta.json").is_file());
    let out = archive
        .cmd()
        .args(["index", "--index", "corpus/idx", "corpus"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = archive
        .cmd()
        .args([
            "index",
            "--format",
            "json",
            "--index",
            "corpus/idx",
            "corpus",
        ])
        .output()
        .unwrap();
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(counts(&summary, "files"), [0, 0, 1, 0, 0], "{summary}");
    // DATELINE_INDEX picks the index too.
    let out = archive
        .cmd()
        .env("DATELINE_INDEX", "corpus/idx")
        .args(["stats", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["articles"],
        1
    );
}

#[test]
fn zero_threads_is_refused() {
    let archive = Archive::new();
    let out = archive
        .cmd()
        .args(["index", "--index", "idx", "-j", "0", "news"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dateline: -j/--threads must be at least 1\n"
    );
    assert!(!archive.path("idx").exists());
}

/// Writes `n` distinct small articles into `news/gen/`.
#[cfg(unix)]
fn generate(archive: &Archive, n: usize) {
    for i in 0..n {
        let text = format!(
            "Story number {i}\n\nMOSCOW (Sputnik) - Story {i} says the talks go on, Kremlin spokesman Dmitry Peskov said.\n"
        );
        archive.write(&format!("news/gen/{i:05}.txt"), &text);
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_commits_what_was_done_says_so_and_exits_130() {
    use std::time::{Duration, Instant};
    let archive = Archive::new();
    generate(&archive, 4000);
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"))
        .current_dir(archive.dir.path())
        .args(["index", "--index", "idx", "news"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The handler is installed before the index folder is created.
    let started = Instant::now();
    while !archive.path("idx/meta.json").exists() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(100));
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.ends_with(
            "interrupted: what was indexed before Ctrl-C is committed; run the command again to finish\n"
        ),
        "{stderr}"
    );
    let partial = archive.articles();
    assert!(partial < 4003, "the run stopped early ({partial} articles)");
    // The next run finishes the job.
    let (code, summary, _) = archive.index(&["news"]);
    assert_eq!(code, 0);
    assert_eq!(summary["files"]["unchanged"].as_u64().unwrap(), partial);
    assert_eq!(archive.articles(), 4003);
}

#[cfg(unix)]
#[test]
fn a_killed_run_leaves_an_index_the_next_run_completes() {
    use std::time::Duration;
    let archive = Archive::new();
    generate(&archive, 1500);
    let mut committed = Vec::new();
    // Kill at growing delays (each run continues from the last commit) until kills have landed
    // both mid-run and at least three times; a loaded machine just needs more rounds.
    let mut delay_ms = 25u64;
    for _ in 0..12 {
        if committed.len() >= 3 && committed.iter().any(|&n| n > 0 && n < 1503) {
            break;
        }
        delay_ms = delay_ms * 8 / 5;
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"))
            .current_dir(archive.dir.path())
            .args([
                "index",
                "-q",
                "--commit-secs",
                "0.02",
                "--index",
                "idx",
                "news",
            ])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL: no chance to clean up
        child.wait().unwrap();
        // Whatever was committed must be readable (or there is no index yet).
        if archive.path("idx/meta.json").exists() {
            let out = archive
                .cmd()
                .args(["stats", "--format", "json", "--index", "idx"])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "after a kill at {delay_ms} ms: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
            committed.push(stats["articles"].as_u64().unwrap());
        }
    }
    let committed: Vec<u64> = committed;
    assert!(
        committed.iter().any(|&n| n > 0 && n < 1503),
        "some kill landed mid-run: {committed:?}"
    );
    let (code, _, stderr) = archive.index(&["news"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(archive.articles(), 1503);
    let (_, again, _) = archive.index(&["news"]);
    assert_eq!(counts(&again, "files"), [0, 0, 1503, 0, 0]);
}
