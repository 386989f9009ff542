//! Helpers shared by the `reliability_*` tests: running the built `dateline` binary with a
//! clean environment, generating small archives, and reading the summaries it prints.
//!
//! Each test crate uses a different subset, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// The binary under test, with the variables that change its behaviour cleared.
pub fn dateline() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.env_remove("DATELINE_INDEX")
        .env_remove("NO_COLOR")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null());
    cmd
}

/// A short plain-text article whose content (and so id) depends on `n`.
pub fn article(n: usize) -> String {
    format!(
        "Pipeline talks round {n}\n\nMOSCOW (Sputnik) - Talks on the Druzhba pipeline went on for \
         the {n}th time, Kremlin spokesman Dmitry Peskov said on Thursday. \"We keep working on \
         round {n},\" Peskov told reporters.\n"
    )
}

/// Writes `count` articles as `dir/NNNNN.txt`, spread over sub-folders of 500.
pub fn write_archive(dir: &Path, count: usize) {
    for n in 0..count {
        let sub = dir.join(format!("part{:03}", n / 500));
        std::fs::create_dir_all(&sub).expect("creating an archive folder");
        std::fs::write(sub.join(format!("{n:05}.txt")), article(n)).expect("writing an article");
    }
}

/// Output of a finished command, with stdout and stderr as text.
pub struct Run {
    /// Exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(out: Output) -> Self {
        Run {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// Runs `cmd` to completion, killing it (and failing the test) after `limit`.
pub fn run_with_timeout(mut cmd: Command, limit: Duration) -> Run {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting dateline");
    let started = std::time::Instant::now();
    // Read the pipes on threads so a chatty child never blocks on a full pipe.
    let mut out_pipe = child.stdout.take().expect("stdout piped");
    let mut err_pipe = child.stderr.take().expect("stderr piped");
    let out_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out_pipe, &mut s).ok();
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err_pipe, &mut s).ok();
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for dateline") {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("dateline did not finish within {limit:?} (a hang)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out_thread.join().unwrap_or_default()).into_owned(),
        stderr: String::from_utf8_lossy(&err_thread.join().unwrap_or_default()).into_owned(),
    }
}

/// `dateline index --format json -q --index INDEX ROOT... EXTRA...`, with a generous timeout.
pub fn index(index: &Path, roots: &[&Path], extra: &[&str]) -> Run {
    let mut cmd = dateline();
    cmd.arg("index")
        .arg("--format")
        .arg("json")
        .arg("-q")
        .arg("--index")
        .arg(index)
        .args(roots)
        .args(extra);
    run_with_timeout(cmd, Duration::from_secs(300))
}

/// The JSON summary `index --format json` printed.
pub fn summary(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "index printed no JSON summary ({e}); stdout: {:?}, stderr: {:?}",
            run.stdout, run.stderr
        )
    })
}

/// `dateline stats --format json` on `index`, as run (whatever the outcome).
pub fn stats_run(index: &Path) -> Run {
    let mut cmd = dateline();
    cmd.arg("stats")
        .arg("--format")
        .arg("json")
        .arg("--index")
        .arg(index);
    run_with_timeout(cmd, Duration::from_secs(60))
}

/// Article and source-file counts of the index, from `dateline stats --format json`, which
/// must succeed.
pub fn counts(index: &Path) -> (u64, u64) {
    let run = stats_run(index);
    assert_eq!(run.code, Some(0), "stats failed: {}", run.stderr);
    let stats: serde_json::Value = serde_json::from_str(&run.stdout).expect("stats JSON");
    let get = |key: &str| {
        stats[key]
            .as_u64()
            .unwrap_or_else(|| panic!("no {key} count in {}", run.stdout))
    };
    (get("articles"), get("sources"))
}

/// Article count of the index, as `dateline stats --format json` reports it.
pub fn article_count(index: &Path) -> u64 {
    counts(index).0
}

/// True when this process can read a file that has no read permission (root, or
/// CAP_DAC_OVERRIDE): permission tests cannot show anything then.
pub fn permissions_are_bypassed(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("permission-probe");
    std::fs::write(&probe, "x").expect("writing the probe");
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000))
        .expect("chmod 000 on the probe");
    let readable = std::fs::read(&probe).is_ok();
    std::fs::remove_file(&probe).ok();
    readable
}
