//! `dateline parse FILE...`: print what the ingester extracts, no index involved.
//!
//! Output goes to stdout as NDJSON (one article per line; the default when stdout is not a
//! terminal), a pretty JSON array (`--format json`, the default on a terminal) or readable
//! text (`--format text`). Each file or record that fails is one line on stderr,
//! `dateline: PATH[:line N|:record N]: reason`, and the other files still print. Exit code: 0
//! when everything parsed, 2 when anything failed, 1 when nothing failed but no article was
//! found (a folder without article files). Write errors, a closed pipe among them, propagate
//! as `io::Error` so `main` can end quietly on a broken pipe.

use std::io::{IsTerminal, Write};

use anyhow::Context;

use super::{Outcome, OutputFormat, ParseArgs};
use crate::article::Article;
use crate::ingest;

/// Runs the command.
pub fn run(args: ParseArgs) -> anyhow::Result<Outcome> {
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        OutputFormat::Json
    } else {
        OutputFormat::Ndjson
    });
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut printer = Printer { format, printed: 0 };
    let mut failed = 0usize;
    for path in ingest::walk(&args.files, false) {
        let parsed = path.and_then(|p| ingest::parse_path(&p));
        match parsed {
            Ok(parsed) => {
                for article in &parsed.articles {
                    printer.print(&mut out, article)?;
                }
                for e in &parsed.errors {
                    failed += 1;
                    report(&mut out, e)?;
                }
            }
            Err(e) => {
                failed += 1;
                report(&mut out, &e)?;
            }
        }
    }
    printer.finish(&mut out)?;
    out.flush().context("writing to stdout")?;
    Ok(if failed > 0 {
        Outcome::PartialFailure
    } else if printer.printed == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Found
    })
}

/// One line on stderr; stdout is flushed first so the two streams interleave in file order.
fn report(out: &mut impl Write, e: &crate::Error) -> anyhow::Result<()> {
    out.flush().context("writing to stdout")?;
    eprintln!("dateline: {}", e.to_string().replace('\n', " "));
    Ok(())
}

struct Printer {
    format: OutputFormat,
    printed: usize,
}

impl Printer {
    fn print(&mut self, out: &mut impl Write, article: &Article) -> anyhow::Result<()> {
        let first = self.printed == 0;
        self.printed += 1;
        match self.format {
            OutputFormat::Ndjson => {
                let line = serde_json::to_string(article).context("serialising an article")?;
                writeln!(out, "{line}").context("writing to stdout")?;
            }
            OutputFormat::Json => {
                let json =
                    serde_json::to_string_pretty(article).context("serialising an article")?;
                let sep = if first { "[\n" } else { ",\n" };
                write!(out, "{sep}{json}").context("writing to stdout")?;
            }
            OutputFormat::Text => {
                let text = render_text(article);
                let sep = if first { "" } else { "\n" };
                write!(out, "{sep}{text}").context("writing to stdout")?;
            }
        }
        Ok(())
    }

    fn finish(&self, out: &mut impl Write) -> anyhow::Result<()> {
        if self.format == OutputFormat::Json {
            let close = if self.printed == 0 { "[]\n" } else { "\n]\n" };
            out.write_all(close.as_bytes())
                .context("writing to stdout")?;
        }
        Ok(())
    }
}

/// A readable summary: one `field: value` line per non-empty field, then the body.
fn render_text(a: &Article) -> String {
    let mut s = String::new();
    let record = a
        .record
        .map(|r| format!(" (record {r})"))
        .unwrap_or_default();
    let mut line = |k: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            s.push_str(&format!("{k:<10}{v}\n"));
        }
    };
    line("id:", Some(a.id.clone()));
    line("path:", Some(format!("{}{record}", a.path)));
    line("title:", Some(a.title.clone()));
    line("source:", a.title_source.clone());
    line("published:", a.published.map(|p| p.to_string()));
    line("updated:", a.updated.map(|p| p.to_string()));
    line(
        "location:",
        a.location.clone().map(|l| match &a.region {
            Some(r) => format!("{l}, {r}"),
            None => l,
        }),
    );
    line("agency:", a.agency.clone());
    line("byline:", a.byline.clone());
    line("url:", a.url.clone());
    let speakers: Vec<&str> = a.speakers.iter().map(|p| p.name.as_str()).collect();
    line("speakers:", Some(speakers.join("; ")));
    line(
        "quotes:",
        (!a.quotes.is_empty()).then(|| a.quotes.len().to_string()),
    );
    for w in &a.warnings {
        line("warning:", Some(w.clone()));
    }
    s.push('\n');
    s.push_str(&a.body);
    s.push('\n');
    s
}
