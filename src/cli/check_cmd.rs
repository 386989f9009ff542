//! `dateline check [--repair]`: prints one line per problem of the index
//! ([`crate::index::check`]) and a summary; with `--repair`, what it removed, dropped and
//! forgot, then whatever is still wrong. Exit 0 when the index is (now) clean, 2 otherwise.

use std::io::Write;

use anyhow::Context;

use super::index_cmd::Relative;
use super::{CheckArgs, Outcome, OutputFormat};
use crate::index::check::repair::{Repair, repair_index};
use crate::index::check::{Report, check_index};

fn summary_line(report: &Report, relative: &Relative) -> String {
    let state = match report.problems.len() {
        0 => "no problems".to_string(),
        1 => "1 problem".to_string(),
        n => format!("{n} problems"),
    };
    let mut line = format!(
        "index {}: {} segments, {} documents read ({} articles); {state}",
        relative.apply(&report.index.display().to_string()),
        report.segments,
        report.documents,
        report.articles,
    );
    if report.locked {
        line.push_str(
            "; a `dateline index` run holds the lock, so leftover files were not checked",
        );
    }
    line
}

fn problem_lines(report: &Report, relative: &Relative, out: &mut String) {
    for p in &report.problems {
        out.push_str(&relative.apply(&p.to_string()));
        out.push('\n');
    }
}

/// The text a check prints.
pub(crate) fn render_check(report: &Report, relative: &Relative) -> String {
    let mut out = String::new();
    problem_lines(report, relative, &mut out);
    out.push_str(&summary_line(report, relative));
    out.push('\n');
    out
}

/// The text a repair prints: what was found, what was done, what is left.
pub(crate) fn render_repair(repair: &Repair, relative: &Relative) -> String {
    let mut out = String::new();
    problem_lines(&repair.found, relative, &mut out);
    for file in &repair.removed_files {
        out.push_str(&format!("removed leftover {}\n", relative.apply(file)));
    }
    for id in &repair.dropped_segments {
        out.push_str(&format!(
            "dropped damaged segment {id}: its documents are gone from the index\n"
        ));
    }
    for path in &repair.forgotten_files {
        out.push_str(&format!(
            "forgot {}: the next `dateline index` over its folder adds its articles again\n",
            relative.apply(path)
        ));
    }
    if repair.deleted_articles > 0 {
        out.push_str(&format!(
            "deleted {} articles no indexed file owned\n",
            repair.deleted_articles
        ));
    }
    if !repair.after.problems.is_empty() {
        out.push_str("still wrong after the repair:\n");
        problem_lines(&repair.after, relative, &mut out);
    }
    out.push_str(&summary_line(&repair.after, relative));
    out.push('\n');
    out
}

fn json<T: serde::Serialize>(value: &T, format: OutputFormat) -> anyhow::Result<String> {
    let text = if format == OutputFormat::Json {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    Ok(text.context("serialising the check report")? + "\n")
}

/// Runs the command.
pub fn run(args: CheckArgs) -> anyhow::Result<Outcome> {
    let dir = &args.location.index;
    let relative = Relative::new();
    let (text, clean) = if args.repair {
        let repair =
            repair_index(dir).with_context(|| format!("repairing index at {}", dir.display()))?;
        let text = match args.format {
            OutputFormat::Text => render_repair(&repair, &relative),
            other => json(&repair, other)?,
        };
        (text, repair.after.is_clean())
    } else {
        let report =
            check_index(dir).with_context(|| format!("checking index at {}", dir.display()))?;
        let text = match args.format {
            OutputFormat::Text => render_check(&report, &relative),
            other => json(&report, other)?,
        };
        (text, report.is_clean())
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("writing the check report")?;
    Ok(if clean {
        Outcome::Found
    } else {
        Outcome::PartialFailure
    })
}
