//! Shared helpers of the `search_cli` tests: the binary with a clean environment, temp
//! corpora and indexes, JSON access.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The seed article: the copy shipped in `corpus/`, or the shared original beside the
/// worktree.
pub fn seed() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped = root.join("corpus/000_c6af6150e0f5301f.txt");
    let shared = root.join("../shared/seed/000_c6af6150e0f5301f.txt");
    std::fs::read_to_string(&shipped)
        .or_else(|_| std::fs::read_to_string(&shared))
        .expect("the seed article in corpus/ (or ../shared/seed/)")
}

/// Fictional: both query words, far apart, in January 2026.
pub const FAR: &str = " date 2026-01-15 Gas Transit Questions Raised in Budapest\n\
10:00 GMT 15.01.2026\n\
BUDAPEST (Reuters) - The Druzhba network is old, officials said on Wednesday. Many other words stand between the two names in this story. A new pipeline was proposed for the region.\n";

/// Fictional: neither word; another agency and place.
pub const OTHER: &str = " date 2025-06-01 Harbour Reopens After Storm\n\
09:00 GMT 01.06.2025\n\
ODESA (AP) - The harbour reopened on Sunday after a storm, the port authority said.\n";

/// A temp folder with the three-article corpus indexed into `index`.
pub struct Fixture {
    pub _dir: TempDir,
    pub index: PathBuf,
}

/// The binary, with the environment variables that change its behaviour cleared.
pub fn dateline() -> Command {
    let mut cmd = Command::cargo_bin("dateline").expect("binary");
    cmd.env_remove("DATELINE_INDEX").env_remove("NO_COLOR");
    cmd
}

/// Writes `files` (name, text) into `dir`.
pub fn write_corpus(dir: &Path, files: &[(&str, &str)]) {
    std::fs::create_dir_all(dir).expect("corpus dir");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write article");
    }
}

/// Indexes the seed, [`FAR`] and [`OTHER`] into a temp index.
pub fn fixture() -> Fixture {
    let dir = TempDir::new().expect("tempdir");
    let corpus = dir.path().join("corpus");
    let seed = seed();
    write_corpus(
        &corpus,
        &[
            ("000_c6af6150e0f5301f.txt", seed.as_str()),
            ("far.txt", FAR),
            ("other.txt", OTHER),
        ],
    );
    let index = dir.path().join("ix");
    dateline()
        .arg("index")
        .arg("--index")
        .arg(&index)
        .arg(&corpus)
        .arg("-q")
        .assert()
        .success();
    Fixture { _dir: dir, index }
}

/// `dateline search --index F ARGS...`.
pub fn search(f: &Fixture, args: &[&str]) -> Output {
    dateline()
        .arg("search")
        .arg("--index")
        .arg(&f.index)
        .args(args)
        .output()
        .expect("run")
}

/// `search` with `--format json`, parsed (Null when stdout is not JSON).
pub fn json(f: &Fixture, args: &[&str]) -> (Value, Output) {
    let out = search(f, &[args, &["--format", "json"]].concat());
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (v, out)
}

/// stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The titles of the hits, in order.
pub fn titles(v: &Value) -> Vec<String> {
    v["hits"].as_array().map_or_else(Vec::new, |h| {
        h.iter()
            .map(|h| h["title"].as_str().unwrap_or("").to_string())
            .collect()
    })
}

/// Title of the seed article.
pub const SEED_TITLE: &str =
    "US Prefers to Link Negotiation Tracks on Settlement With Economic Cooperation";

/// The highlighted strings of a passage, cut from its own text (offsets are body characters).
pub fn marked(p: &Value) -> Vec<String> {
    let text: Vec<char> = p["text"].as_str().unwrap_or("").chars().collect();
    let start = p["start"].as_u64().unwrap_or(0) as usize;
    p["highlights"]
        .as_array()
        .map(|hs| {
            hs.iter()
                .map(|h| {
                    let s = h["start"].as_u64().unwrap_or(0) as usize - start;
                    let e = h["end"].as_u64().unwrap_or(0) as usize - start;
                    text[s..e].iter().collect()
                })
                .collect()
        })
        .unwrap_or_default()
}
