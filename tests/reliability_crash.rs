//! Crash safety (issue 6): `kill -9` at any moment of `dateline index` leaves an index that
//! opens, holds what was last committed (articles and manifest in agreement), and finishes
//! correctly on the next run; Ctrl-C stops cleanly, says what it kept, and exits 130.
//!
//! The kill loop is bounded ([`KILLS`] kills) so CI stays fast; the delays are spread over the
//! length of a clean run of the same archive, with a random offset inside each slice (the
//! seed is printed, and `DATELINE_CRASH_SEED` replays it).
#![cfg(unix)]

mod reliability_common;

use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use reliability_common::{article_count, counts, dateline, index, summary, write_archive};

const ARTICLES: usize = 2000;
const KILLS: usize = 8;

/// A small xorshift generator: enough to vary kill delays without a dependency.
struct Rng(u64);

impl Rng {
    fn from_env_or_clock() -> Self {
        let seed = std::env::var("DATELINE_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        eprintln!("crash loop seed: DATELINE_CRASH_SEED={seed}");
        Rng(seed | 1)
    }

    /// A number in [0, 1).
    fn next_unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Starts `dateline index`, committing every `commit_secs` seconds.
fn spawn_index(idx: &Path, root: &Path, stderr: Stdio, commit_secs: &str) -> Child {
    dateline()
        .arg("index")
        .arg("-q")
        .arg("--commit-secs")
        .arg(commit_secs)
        .arg("--index")
        .arg(idx)
        .arg(root)
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .expect("starting dateline index")
}

fn send_sigint(child: &Child) {
    let status = std::process::Command::new("kill")
        .arg("-INT")
        .arg(child.id().to_string())
        .status()
        .expect("running kill -INT");
    assert!(status.success(), "kill -INT failed");
}

/// Waits until the run has created its index (so its Ctrl-C handler is installed).
fn wait_for_index(idx: &Path, child: &mut Child) {
    let started = Instant::now();
    while !idx.join("meta.json").exists() {
        assert!(
            child.try_wait().expect("polling the run").is_none(),
            "the run ended before creating its index"
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no index after 60 s"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Waits for `child` at most `limit`, then kills it and fails.
fn wait_with_limit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waiting for dateline") {
            return status;
        }
        if started.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("dateline did not stop within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Articles and manifest agree (one article per file here), and nothing committed was lost.
fn assert_consistent(idx: &Path, at_least: u64) -> u64 {
    let (articles, sources) = counts(idx);
    assert_eq!(
        articles, sources,
        "every indexed file's article is stored, and no article lacks its file"
    );
    assert!(
        (at_least..=ARTICLES as u64).contains(&articles),
        "{articles} articles; expected {at_least}..={ARTICLES}"
    );
    articles
}

#[test]
fn kill_9_at_any_moment_leaves_a_usable_index_that_finishes_on_rerun() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    write_archive(&root, ARTICLES);

    // The reference: a clean run, timed to spread the kills over a run's length.
    let clean_idx = tmp.path().join("clean");
    let started = Instant::now();
    let clean = index(&clean_idx, &[&root], &[]);
    let clean_time = started.elapsed();
    assert_eq!(clean.code, Some(0), "{}", clean.stderr);
    let clean_count = article_count(&clean_idx);
    assert_eq!(clean_count, ARTICLES as u64);

    // Commit part of the archive first, so every kill has something committed to keep.
    let idx = tmp.path().join("idx");
    let first = index(&idx, &[&root.join("part000")], &[]);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let mut committed = assert_consistent(&idx, 500);

    let mut rng = Rng::from_env_or_clock();
    let mut outcomes = Vec::new();
    for k in 0..KILLS {
        let slice = clean_time.as_secs_f64() / KILLS as f64;
        let delay = Duration::from_secs_f64(slice * (k as f64 + rng.next_unit()));
        // Frequent commits, so kills land before, during and after commits.
        let mut child = spawn_index(&idx, &root, Stdio::null(), "0.2");
        std::thread::sleep(delay);
        let finished = child.try_wait().expect("polling the run").is_some();
        if !finished {
            child.kill().expect("SIGKILL");
        }
        child.wait().expect("reaping the run");
        // The index opens and answers with (at least) what was committed before the kill.
        committed = assert_consistent(&idx, committed);
        outcomes.push(format!(
            "{:.0} ms: {} ({committed} articles)",
            delay.as_secs_f64() * 1e3,
            if finished { "finished first" } else { "killed" }
        ));
    }
    eprintln!("kills: {outcomes:#?}");

    // A killed run's lock does not block, and the rerun completes the index.
    let rerun = index(&idx, &[&root], &[]);
    assert_eq!(rerun.code, Some(0), "{}", rerun.stderr);
    let s = summary(&rerun);
    assert_eq!(s["files"]["failed"], 0, "{s}");
    assert_eq!(article_count(&idx), clean_count);
    let again = summary(&index(&idx, &[&root], &[]));
    assert_eq!(again["files"]["unchanged"], ARTICLES as u64, "{again}");
    assert_eq!(again["articles"]["added"], 0, "{again}");
}

#[test]
fn ctrl_c_commits_what_was_applied_says_so_and_exits_130() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    write_archive(&root, ARTICLES);
    let idx = tmp.path().join("idx");

    let mut child = spawn_index(&idx, &root, Stdio::piped(), "60");
    wait_for_index(&idx, &mut child);
    std::thread::sleep(Duration::from_millis(100));
    send_sigint(&child);
    let status = wait_with_limit(&mut child, Duration::from_secs(120));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains(
            "interrupted: what was indexed before Ctrl-C is committed; run the command again to finish"
        ),
        "{stderr}"
    );
    let kept = assert_consistent(&idx, 0);
    assert!(
        kept < ARTICLES as u64,
        "Ctrl-C came after the run had finished"
    );

    let rerun = index(&idx, &[&root], &[]);
    assert_eq!(rerun.code, Some(0), "{}", rerun.stderr);
    let s = summary(&rerun);
    assert_eq!(s["files"]["added"], ARTICLES as u64 - kept, "{s}");
    assert_eq!(s["files"]["unchanged"], kept, "{s}");
    assert_eq!(article_count(&idx), ARTICLES as u64);
}

#[test]
fn a_second_ctrl_c_exits_at_once_and_the_index_still_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("news");
    write_archive(&root, ARTICLES);
    let idx = tmp.path().join("idx");

    let mut child = spawn_index(&idx, &root, Stdio::null(), "60");
    wait_for_index(&idx, &mut child);
    send_sigint(&child);
    send_sigint(&child);
    let status = wait_with_limit(&mut child, Duration::from_secs(60));
    assert_eq!(status.code(), Some(130));
    assert_consistent(&idx, 0);
    let rerun = index(&idx, &[&root], &[]);
    assert_eq!(rerun.code, Some(0), "{}", rerun.stderr);
    assert_eq!(article_count(&idx), ARTICLES as u64);
}
