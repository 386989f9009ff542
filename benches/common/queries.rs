//! The search workload of issue 5, shared by `benches/search.rs` (criterion) and
//! `examples/search_latency.rs` (median and p99 on any index): six queries typed as on the
//! `dateline search` command line and run through the library as the command runs them
//! (argv -> `SearchArgs` -> `SearchRequest` -> filter-value lookups -> `Plan` -> top 10 hits
//! with passages), minus printing. [`check`] looks at what came back, so a fast wrong answer
//! cannot pass for a fast right one.

use chrono::NaiveDate;
use clap::Parser;
use dateline::cli::{Cli, Command};
use dateline::index::ArchiveIndex;
use dateline::ingest::names::{speaker_key, surname_key};
use dateline::search::plan::top_hits;
use dateline::search::render::Header;
use dateline::search::{Hit, SearchRequest, SortBy, suggest};

/// One benchmark query.
pub struct Case {
    /// Short name for tables and criterion ids.
    pub name: &'static str,
    /// What follows `dateline search` on the command line.
    pub argv: &'static [&'static str],
    /// Lower-case word starts (stems) or phrases that every hit's title or body must hold, and
    /// that every highlight must start with.
    pub words: &'static [&'static str],
}

/// Queries for an index of Reuters-21578 (1987 stories).
pub const REUTERS: &[Case] = &[
    Case {
        name: "phrase",
        argv: &["\"trade deficit\""],
        words: &["trade deficit"],
    },
    Case {
        name: "and",
        argv: &["oil", "prices"],
        words: &["oil", "pric"],
    },
    Case {
        name: "rare",
        argv: &["Yeutter"],
        words: &["yeutter"],
    },
    Case {
        name: "speaker",
        argv: &["dollar", "--speaker", "Baker"],
        words: &["dollar"],
    },
    Case {
        name: "dates",
        argv: &["oil", "--since", "1987-03-01", "--until", "1987-03-31"],
        words: &["oil"],
    },
    Case {
        name: "sort-date",
        argv: &["dollar", "--sort", "date"],
        words: &["dollar"],
    },
];

/// The same shapes of query for an index of `corpus/` alone.
pub const CORPUS: &[Case] = &[
    Case {
        name: "phrase",
        argv: &["\"Druzhba oil pipeline\""],
        words: &["druzhba oil pipeline"],
    },
    Case {
        name: "and",
        argv: &["Druzhba", "pipeline"],
        words: &["druzhba", "pipelin"],
    },
    Case {
        name: "rare",
        argv: &["Prskov"],
        words: &["prskov"],
    },
    Case {
        name: "speaker",
        argv: &["pipeline", "--speaker", "Peskov"],
        words: &["pipelin"],
    },
    Case {
        name: "dates",
        argv: &["Peskov", "--since", "2026-02", "--until", "2026-02"],
        words: &["peskov"],
    },
    Case {
        name: "sort-date",
        argv: &["said", "--sort", "date"],
        words: &["said"],
    },
];

/// The request `dateline search ARGV` makes. Relative dates are anchored on a fixed day so runs
/// are comparable (the cases use absolute dates anyway).
pub fn request(case: &Case) -> Result<SearchRequest, String> {
    let argv = ["dateline", "search"].iter().chain(case.argv);
    let cli = Cli::try_parse_from(argv).map_err(|e| format!("{}: {e}", case.name))?;
    let Command::Search(args) = cli.command else {
        return Err(format!("{}: not a search command", case.name));
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
    SearchRequest::from_args(&args, today).map_err(|e| format!("{}: {e}", case.name))
}

/// Runs `request` as `dateline search` does before printing: the filter values are looked up
/// (the command warns about unknown ones), then the top hits are ranked, loaded and given
/// passages.
pub fn run(index: &ArchiveIndex, request: &SearchRequest) -> dateline::Result<(Header, Vec<Hit>)> {
    let searcher = index.searcher();
    let fields = index.fields();
    let groups = [
        (fields.speaker_key, &request.filters.speakers),
        (fields.location_key, &request.filters.locations),
        (fields.agency_key, &request.filters.agencies),
    ];
    for (field, keys) in groups {
        for key in keys {
            suggest::exists(&searcher, field, key)?;
        }
    }
    top_hits(index, request)
}

/// Lower case, every run of non-alphanumeric characters one space: "Trade-deficit\n" and
/// "trade deficit" compare equal.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// True when the hit's article has a speaker (or organisation) the request's `--speaker`
/// keys select, by full-name key or surname key of its name or an alias.
fn has_speaker(hit: &Hit, keys: &[String]) -> bool {
    let a = &hit.article;
    a.speakers.iter().chain(&a.organisations).any(|s| {
        keys.contains(&s.key)
            || std::iter::once(&s.name)
                .chain(&s.aliases)
                .any(|n| keys.contains(&speaker_key(n)) || keys.contains(&surname_key(n)))
    })
}

/// Checks one run: the hit count is `expected_total` (when known), the page is full, every
/// hit holds the case's words and passes the request's filters, date order holds with
/// `--sort date`, and every highlight starts with one of the words. Returns the total.
pub fn check(
    case: &Case,
    request: &SearchRequest,
    (header, hits): &(Header, Vec<Hit>),
    expected_total: Option<usize>,
) -> Result<usize, String> {
    let fail = |what: String| Err(format!("{}: {what}", case.name));
    if let Some(expected) = expected_total {
        if header.total_hits != expected {
            return fail(format!("{} hits, expected {expected}", header.total_hits));
        }
    }
    if hits.len() != header.total_hits.min(request.limit) {
        return fail(format!(
            "{} hits shown of {}",
            hits.len(),
            header.total_hits
        ));
    }
    let mut highlights = 0;
    for hit in hits {
        let a = &hit.article;
        let text = normalise(&format!("{} {}", a.title, a.body));
        if let Some(missing) = case.words.iter().find(|w| !text.contains(*w)) {
            return fail(format!("hit {} lacks {missing:?}", a.id));
        }
        if !request.filters.speakers.is_empty() && !has_speaker(hit, &request.filters.speakers) {
            return fail(format!("hit {} has none of the speakers", a.id));
        }
        let dates = request.filters.dates;
        if dates.since.is_some() || dates.until.is_some() {
            let Some(t) = a.published.map(|p| p.timestamp()) else {
                return fail(format!("hit {} has no date", a.id));
            };
            let after = dates.since.is_none_or(|s| t >= s.timestamp());
            let before = dates.until.is_none_or(|u| t < u.timestamp());
            if !(after && before) {
                return fail(format!("hit {} is out of the date range", a.id));
            }
        }
        // A title-only story (Reuters has many) has no body to take a passage from.
        if hit.passages.is_empty() && !a.body.trim().is_empty() {
            return fail(format!("hit {} has no passage", a.id));
        }
        for h in hit.passages.iter().flat_map(|p| &p.highlights) {
            let shown = normalise(&char_slice(&a.body, h.start, h.end));
            if !case.words.iter().any(|w| shown.trim().starts_with(w)) {
                return fail(format!("hit {} highlights {shown:?}", a.id));
            }
            highlights += 1;
        }
    }
    if !hits.is_empty() && highlights == 0 {
        return fail("no highlight in any passage".to_string());
    }
    if request.sort == SortBy::Date && !request.reverse {
        let times: Vec<i64> = hits
            .iter()
            .map(|h| h.article.published.map_or(i64::MIN, |p| p.timestamp()))
            .collect();
        if times.windows(2).any(|w| w[0] < w[1]) {
            return fail("hits are not newest first".to_string());
        }
    }
    Ok(header.total_hits)
}
