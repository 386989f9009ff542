//! The command line: clap derive structs (what was typed) and [`run`], which dispatches to one
//! module per command. Validation of what was typed into what is meant (dates, speaker keys,
//! limits) happens in `TryFrom` conversions next to each command, never in `main.rs`.

mod check_cmd;
mod index_cmd;
mod parse_cmd;
mod search_cmd;
mod show_cmd;
mod stats_cmd;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Search archives of wire-service news by words, date, speaker, place and agency.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse article files and print what the ingester extracts (no index involved).
    Parse(ParseArgs),
    /// Add article files and folders to the index (incremental: unchanged files are skipped).
    Index(IndexArgs),
    /// Search the index; builds it from corpus/ first when the default index does not exist.
    Search(SearchArgs),
    /// Print one stored article in full.
    Show(ShowArgs),
    /// Summarise the index: article count, date range, size, top agencies, places and speakers.
    Stats(StatsArgs),
    /// Verify the index (every segment, every stored article) and report leftovers of
    /// interrupted runs and damaged segments; exit 0 when clean, 2 when problems remain.
    Check(CheckArgs),
}

/// Options shared by every command that opens an index.
#[derive(Debug, Args, Clone)]
pub struct IndexLocation {
    /// Index folder.
    #[arg(
        long = "index",
        env = "DATELINE_INDEX",
        default_value = "index",
        value_name = "DIR"
    )]
    pub index: PathBuf,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Human-readable text.
    Text,
    /// JSON (pretty-printed).
    Json,
    /// One JSON object per line.
    Ndjson,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Sort orders for search hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortOrder {
    /// Best match first.
    Score,
    /// Newest first.
    Date,
}

/// `dateline parse`.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Article files (plain text, archive format, .sgm, .json, .ndjson) or folders.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format; default: pretty JSON on a terminal, NDJSON otherwise.
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

/// `dateline index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files and folders to index (default: corpus/).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Follow symbolic links while walking folders.
    #[arg(long, short = 'L')]
    pub follow: bool,
    /// Number of parsing threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Hide the progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Summary format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Seconds between commits on long runs (a kill loses at most this much work).
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub commit_secs: f64,
}

/// `dateline search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query: words (ANDed), "exact phrase", "phrase"~N, OR, -word, NOT, (...), word*, field:term
    /// with fields title, body, speaker, location, agency.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Only articles published on or after this day: 2026, 2026-02, 2026-02-26, RFC 3339, or 7d/6m/1y ago.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only articles published on or before this day (same forms as --since).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only articles quoting this speaker (full name, surname or variant); repeat for any of several.
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only articles with this dateline location; repeatable.
    #[arg(long = "location", value_name = "PLACE")]
    pub place: Vec<String>,
    /// Only articles from this agency; repeatable.
    #[arg(long, value_name = "AGENCY")]
    pub agency: Vec<String>,
    /// Number of hits to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Number of hits to skip.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Show every hit (streams; ignores --limit).
    #[arg(long)]
    pub all: bool,
    /// Order of hits.
    #[arg(long, value_enum, default_value = "score")]
    pub sort: SortOrder,
    /// Reverse the order (oldest first with --sort date).
    #[arg(long)]
    pub reverse: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// When to use colour.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
}

/// `dateline show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id (as printed by search).
    #[arg(value_name = "ID")]
    pub id: String,
    #[command(flatten)]
    pub location: IndexLocation,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

/// `dateline stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub location: IndexLocation,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

/// `dateline check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub location: IndexLocation,
    /// Remove leftovers and damaged segments; files that lost articles are forgotten, so the
    /// next `dateline index` over their folders adds them again.
    #[arg(long)]
    pub repair: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
}

/// What a command found, for the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was found or done (exit 0).
    Found,
    /// A search or parse produced nothing (exit 1).
    NothingFound,
    /// Some inputs failed but the command went on (exit 2).
    PartialFailure,
}

impl Outcome {
    /// grep's convention: 0 hits, 1 no hits, 2 error.
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Found => 0,
            Outcome::NothingFound => 1,
            Outcome::PartialFailure => 2,
        }
    }
}

/// Runs one command.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Parse(args) => parse_cmd::run(args),
        Command::Index(args) => index_cmd::run(args),
        Command::Search(args) => search_cmd::run(args),
        Command::Show(args) => show_cmd::run(args),
        Command::Stats(args) => stats_cmd::run(args),
        Command::Check(args) => check_cmd::run(args),
    }
}

/// True when the error chain ends in a broken pipe (`dateline search ... | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The error and its causes on one line: `opening index at index/: no index at ...`.
pub fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = cause.to_string().replace('\n', " ");
        // thiserror variants often repeat their source's text; print each piece once.
        if parts.last().is_none_or(|last| !last.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_valid() {
        Cli::command().debug_assert();
    }
}
