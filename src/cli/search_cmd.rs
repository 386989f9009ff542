//! `dateline search`: validates what was typed into a [`SearchRequest`], opens the index
//! (building it from `corpus/` first when the default index does not exist yet), checks that
//! filter values exist (suggesting near ones when they do not), runs the query, falls back to
//! near matches when an exact phrase finds nothing, and streams the hits to the renderer.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
use chrono::Utc;
use tantivy::schema::Field;

use super::{ColorChoice, IndexArgs, IndexLocation, Outcome, OutputFormat, SearchArgs, SortOrder};
use crate::error::Error;
use crate::index::ArchiveIndex;
use crate::ingest::names::{speaker_key, surname_key};
use crate::search::dates::DateRange;
use crate::search::plan::{PhraseFallback, Plan};
use crate::search::render::Renderer;
use crate::search::{Filters, Query, RELAXED_SLOP, SearchRequest, SortBy, suggest};

/// Index folder used when neither `--index` nor `DATELINE_INDEX` is given.
const DEFAULT_INDEX: &str = "index";

impl SearchRequest {
    /// Validates and normalises what was typed; `today` anchors relative dates.
    pub fn from_args(args: &SearchArgs, today: chrono::NaiveDate) -> crate::Result<SearchRequest> {
        let query = Query::parse(&args.query.join(" "))?;
        let dates = DateRange::from_args(args.since.as_deref(), args.until.as_deref(), today)?;
        let filters = Filters {
            dates,
            speakers: args.speaker.iter().map(|s| speaker_filter_key(s)).collect(),
            locations: args
                .place
                .iter()
                .map(|s| crate::index::schema::fold_key(s))
                .collect(),
            agencies: args
                .agency
                .iter()
                .map(|s| crate::index::schema::fold_key(s))
                .collect(),
        };
        for typed in args.speaker.iter().chain(&args.place).chain(&args.agency) {
            if crate::index::schema::fold_key(typed).is_empty() {
                return Err(Error::BadArgument(format!(
                    "filter value {typed:?} has no letters or digits"
                )));
            }
        }
        if !args.all && args.limit == 0 {
            return Err(Error::BadArgument(
                "--limit must be at least 1 (or use --all)".into(),
            ));
        }
        Ok(SearchRequest {
            query,
            filters,
            limit: args.limit,
            offset: args.offset,
            all: args.all,
            sort: match args.sort {
                SortOrder::Score => SortBy::Score,
                SortOrder::Date => SortBy::Date,
            },
            reverse: args.reverse,
        })
    }
}

/// The key a `--speaker` value matches: the full-name key for several words, the surname key
/// for one (the index holds both for every speaker).
fn speaker_filter_key(name: &str) -> String {
    if name.split_whitespace().count() > 1 {
        speaker_key(name)
    } else {
        surname_key(name)
    }
}

/// True when colour is wanted on stdout.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Opens the index; at the default location with no index yet, builds it from `corpus/` first.
fn open_index(location: &IndexLocation) -> anyhow::Result<ArchiveIndex> {
    let dir = &location.index;
    match ArchiveIndex::open(dir) {
        Err(Error::NoIndex { .. })
            if dir == Path::new(DEFAULT_INDEX) && std::env::var_os("DATELINE_INDEX").is_none() =>
        {
            eprintln!("dateline: no index at {DEFAULT_INDEX}/; building it from corpus/ ...");
            let args = IndexArgs {
                paths: Vec::new(),
                location: location.clone(),
                follow: false,
                threads: None,
                quiet: false,
                format: OutputFormat::Text,
                commit_secs: 10.0,
            };
            // Some files failing is reported by the indexer and does not stop the search.
            super::index_cmd::run(args).context("building the index from corpus/")?;
            ArchiveIndex::open(dir).with_context(|| format!("opening index at {}", dir.display()))
        }
        other => other.with_context(|| format!("opening index at {}", dir.display())),
    }
}

/// One filter flag: what was typed, its keys, the key field, and where suggestions come from.
struct FilterGroup<'a> {
    flag: &'a str,
    typed: &'a [String],
    keys: &'a [String],
    field: Field,
    /// Field whose values are suggested.
    shown: Field,
    /// Folds a suggested value (and what was typed) for comparison.
    fold: &'a dyn Fn(&str) -> String,
}

/// Prints one line per filter value that matches nothing, with suggestions. Returns true when
/// a whole filter (every value of `--speaker`, say) matches nothing, so no article can match.
fn report_unknown_filters(
    args: &SearchArgs,
    filters: &Filters,
    index: &ArchiveIndex,
) -> anyhow::Result<bool> {
    let searcher = index.searcher();
    let fields = index.fields();
    let fold = |v: &str| crate::index::schema::fold_key(v);
    let same = |v: &str| v.to_string();
    // Speakers are suggested by display name (folded to compare), places and agencies by key.
    let groups = [
        FilterGroup {
            flag: "--speaker",
            typed: &args.speaker,
            keys: &filters.speakers,
            field: fields.speaker_key,
            shown: fields.speaker_name,
            fold: &fold,
        },
        FilterGroup {
            flag: "--location",
            typed: &args.place,
            keys: &filters.locations,
            field: fields.location_key,
            shown: fields.location_key,
            fold: &same,
        },
        FilterGroup {
            flag: "--agency",
            typed: &args.agency,
            keys: &filters.agencies,
            field: fields.agency_key,
            shown: fields.agency_key,
            fold: &same,
        },
    ];
    let mut impossible = false;
    for FilterGroup {
        flag,
        typed,
        keys,
        field,
        shown,
        fold,
    } in groups
    {
        let mut unknown = 0;
        for (value, key) in typed.iter().zip(keys) {
            if suggest::exists(&searcher, field, key)? {
                continue;
            }
            unknown += 1;
            let near = suggest::nearest(&searcher, shown, &fold(value), fold)?;
            let hint = if near.is_empty() {
                String::from("; no similar values in the index")
            } else {
                format!(
                    "; nearest: {}",
                    near.iter()
                        .map(|v| format!("{v:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            eprintln!("dateline: {flag} {value:?} matches nothing in the index{hint}");
        }
        impossible |= unknown > 0 && unknown == keys.len();
    }
    Ok(impossible)
}

/// Runs the command.
pub fn run(args: SearchArgs) -> anyhow::Result<Outcome> {
    let request = SearchRequest::from_args(&args, Utc::now().date_naive())?;
    let index = open_index(&args.location)?;
    if report_unknown_filters(&args, &request.filters, &index)? {
        return Ok(Outcome::NothingFound);
    }
    let searcher = index.searcher();
    let fields = index.fields();
    let plan = Plan::new(&request, fields, &searcher)?;
    match plan.fallback {
        PhraseFallback::None => {}
        PhraseFallback::Relaxed => eprintln!(
            "dateline: no exact match for the phrase; showing near matches (its words up to {RELAXED_SLOP} apart)"
        ),
        PhraseFallback::NothingNear => {
            eprintln!("dateline: no exact match for the phrase; no near matches either")
        }
    }
    let header = plan.header();
    let load = |doc: &tantivy::TantivyDocument| index.article_from_doc(doc);
    let mut pages = plan.pages(&searcher, fields, &load);
    let stdout = std::io::stdout();
    let mut renderer = Renderer::new(
        BufWriter::new(stdout.lock()),
        args.format,
        use_color(args.color),
    );
    renderer.begin(&header).context("writing results")?;
    let mut shown = 0;
    loop {
        let batch = pages.next_batch()?;
        if batch.is_empty() {
            break;
        }
        for hit in &batch {
            renderer.hit(hit).context("writing results")?;
        }
        shown += batch.len();
    }
    renderer.finish(&header).context("writing results")?;
    std::io::stdout().flush().context("writing results")?;
    // The process ends next: unmapping every segment file first would only add a munmap per
    // file to what the kernel does anyway at exit.
    std::mem::forget(index);
    Ok(if shown > 0 {
        Outcome::Found
    } else {
        Outcome::NothingFound
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn request(argv: &[&str]) -> crate::Result<SearchRequest> {
        let cli = Cli::try_parse_from([&["dateline", "search"], argv].concat()).unwrap();
        let Command::Search(args) = cli.command else {
            unreachable!("search args")
        };
        SearchRequest::from_args(&args, chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap())
    }

    #[test]
    fn arguments_become_a_normalised_request() {
        let r = request(&[
            "Druzhba",
            "pipeline",
            "--speaker",
            "Peskov",
            "--speaker",
            "Dmitri  Peskov",
            "--location",
            "New York",
            "--agency",
            "Itar-Tass",
            "--since",
            "2026-02",
            "--sort",
            "date",
            "--reverse",
            "-n",
            "3",
        ])
        .unwrap();
        assert_eq!(r.query.text, "Druzhba pipeline");
        assert_eq!(
            r.filters.speakers,
            [surname_key("Peskov"), speaker_key("Dmitri  Peskov")]
        );
        assert_eq!(r.filters.locations, ["new york"]);
        assert_eq!(r.filters.agencies, ["itar tass"]);
        assert!(r.filters.dates.since.is_some() && r.filters.dates.until.is_none());
        assert_eq!(
            (r.sort, r.reverse, r.limit, r.offset, r.all),
            (SortBy::Date, true, 3, 0, false)
        );
    }

    #[test]
    fn colour_follows_the_choice_and_auto_needs_a_terminal() {
        assert!(use_color(ColorChoice::Always));
        assert!(!use_color(ColorChoice::Never));
        // Test output is captured, never a terminal.
        assert!(!use_color(ColorChoice::Auto));
    }

    #[test]
    fn bad_values_are_errors() {
        let e = |argv: &[&str]| request(argv).unwrap_err().to_string();
        assert_eq!(
            e(&["a", "--speaker=…"]),
            "filter value \"…\" has no letters or digits"
        );
        assert_eq!(
            e(&["a", "-n", "0"]),
            "--limit must be at least 1 (or use --all)"
        );
        assert!(request(&["a", "-n", "0", "--all"]).is_ok());
        assert!(e(&["a", "--since", "soon"]).starts_with("bad date \"soon\""));
        assert_eq!(
            e(&["a", "--since", "2026-03", "--until", "2026-02"]),
            "--since 2026-03 is after --until 2026-02: nothing can match; swap them?"
        );
        assert_eq!(
            e(&["(a"]),
            "bad query: unbalanced parenthesis: this ( is never closed (at column 1)"
        );
    }
}
