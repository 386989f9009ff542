//! `dateline stats`: the summary of an index ([`crate::index::stats`]) as aligned text or as
//! JSON (`--format json|ndjson`, the article count under `articles`).

use std::io::Write;

use anyhow::Context;

use super::index_cmd::Relative;
use super::{Outcome, OutputFormat, StatsArgs};
use crate::index::ArchiveIndex;
use crate::index::stats::{Count, Stats, stats};

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

fn top(counts: &[Count]) -> String {
    if counts.is_empty() {
        return "-".to_string();
    }
    counts
        .iter()
        .map(|c| format!("{} ({})", c.value, c.articles))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text form, one `name: value` line per figure.
pub(crate) fn render_text(s: &Stats, relative: &Relative) -> String {
    let day = |t: &Option<String>| t.as_deref().map(|t| t.get(..10).unwrap_or(t).to_string());
    let range = match (day(&s.first_published), day(&s.last_published)) {
        (Some(first), Some(last)) => format!("{first} .. {last}"),
        _ => "-".to_string(),
    };
    format!(
        "index:     {} ({} on disk)\narticles:  {}\nquotes:    {}\nsources:   {}\npublished: {}\nagencies:  {}\nlocations: {}\nspeakers:  {}\n",
        relative.apply(&s.index.display().to_string()),
        human_bytes(s.size_bytes),
        s.articles,
        s.quotes,
        s.sources,
        range,
        top(&s.agencies),
        top(&s.locations),
        top(&s.speakers),
    )
}

/// Runs the command.
pub fn run(args: StatsArgs) -> anyhow::Result<Outcome> {
    let dir = &args.location.index;
    let index =
        ArchiveIndex::open(dir).with_context(|| format!("opening index at {}", dir.display()))?;
    let summary = stats(&index)?;
    let text = match args.format {
        OutputFormat::Text => render_text(&summary, &Relative::new()),
        OutputFormat::Json => {
            serde_json::to_string_pretty(&summary).context("serialising the stats")? + "\n"
        }
        OutputFormat::Ndjson => {
            serde_json::to_string(&summary).context("serialising the stats")? + "\n"
        }
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .context("writing the stats")?;
    Ok(Outcome::Found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human_bytes(999), "999 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(5 << 20), "5.0 MiB");
    }
}
