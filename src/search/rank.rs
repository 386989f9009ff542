//! One page of hits in a fully deterministic order, and the hit count, in one pass.
//!
//! tantivy's plain score collector is several times faster than one sorting on a tuple of
//! score, date and id (which needs a string column per matching document), so the page is
//! fetched by the primary key alone (the score, or the date column without scoring at all),
//! with a little slack; when documents tied with the page's last one may lie beyond what was
//! fetched, the fetch doubles until they do not. Only those few candidates are then given
//! what the order still needs (their date; their score under `--sort date`; their id where
//! everything else ties) and sorted by the full order: score, then newest, then id (or date,
//! then score, then id). Undated articles come last in both date orders. The proximity
//! clause re-ranks only the [`RERANK`] best by BM25 (see [`page`]).

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Bm25StatisticsProvider, Query as TQuery};
use tantivy::{DateTime, DocAddress, Order, Searcher};

use super::SortBy;
use crate::error::{Error, Result};
use crate::index::schema::{Fields, KIND_ARTICLE};
use order::{enrich, sort_candidates};
use probe::{add_proximity, add_scores};
pub use words::Word;

mod order;
mod probe;
mod words;

/// BM25 statistics over article documents only. The index also holds quote and source
/// documents (see `index::schema`), which carry no title or body tokens; counted as documents
/// they would shrink the average body length several times over and punish every long story.
struct ArticleStatistics<'a> {
    searcher: &'a Searcher,
    articles: u64,
}

impl<'a> ArticleStatistics<'a> {
    fn new(searcher: &'a Searcher, fields: &Fields) -> Result<Self> {
        let kind = tantivy::Term::from_field_text(fields.kind, KIND_ARTICLE);
        let articles = searcher.doc_freq(&kind).map_err(tantivy_err)?;
        Ok(ArticleStatistics {
            searcher,
            articles: articles.max(1),
        })
    }
}

impl Bm25StatisticsProvider for ArticleStatistics<'_> {
    fn total_num_tokens(&self, field: tantivy::schema::Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.articles)
    }

    fn doc_freq(&self, term: &tantivy::Term) -> tantivy::Result<u64> {
        // Never more documents with a term than documents: keeps the idf positive.
        Ok(Bm25StatisticsProvider::doc_freq(self.searcher, term)?.min(self.articles))
    }
}

/// Extra candidates fetched beyond the page, so ties at its end rarely need a second fetch.
const SLACK: usize = 16;

/// How many of the best documents by BM25 alone the proximity clause re-ranks (see [`page`]).
pub const RERANK: usize = 1000;

struct Candidate {
    score: f32,
    /// Publication time; read only when needed (see [`order`]).
    date: Option<i64>,
    /// Whether `date` has been read.
    dated: bool,
    id: String,
    address: DocAddress,
}

fn tantivy_err(e: tantivy::TantivyError) -> Error {
    Error::tantivy("ranking hits", e)
}

/// A page of hits and the number of documents the query matches, counted in the same pass.
#[derive(Debug, Default)]
pub struct Ranked {
    /// Number of matching documents.
    pub total: usize,
    /// The page's documents in order, with their scores.
    pub hits: Vec<(f32, DocAddress)>,
}

/// What to rank: the query that matches and scores (`base`), and the proximity clause that
/// lifts documents where the words stand close (see `build::Built`).
#[derive(Clone, Copy)]
pub struct Ranking<'a> {
    /// Text and filters, scored by BM25.
    pub base: &'a dyn TQuery,
    /// `base` with the proximity clause as a SHOULD: the full score.
    pub full: &'a dyn TQuery,
    /// The proximity clause's phrases with their boosts (empty when there is none).
    pub proximity: &'a [(Box<dyn TQuery>, f32)],
    /// `base` as plain words, when it is nothing else (see `build::Built::words`).
    pub words: Option<&'a [Word]>,
}

/// Hits `offset..offset + limit` in the requested order, with their scores, and the count.
///
/// By score, the proximity clause re-ranks only the [`RERANK`] best documents by BM25 (and the
/// page, when it reaches further): evaluating a sloppy phrase on every matching document was
/// most of the cost of a many-word query, and a document outside that head seldom belongs on
/// the first page. The order stays total and stable across pages: the head by full score,
/// then the rest by BM25, ties by newest then id. Every other order uses the full score.
pub fn page(
    searcher: &Searcher,
    ranking: Ranking<'_>,
    fields: &Fields,
    order: (SortBy, bool),
    offset: usize,
    limit: usize,
) -> Result<Ranked> {
    let stats = ArticleStatistics::new(searcher, fields)?;
    // An offset past every document finds nothing; tantivy would first allocate a heap of
    // offset + limit entries (and overflow on absurd offsets) to learn that (issue 6).
    let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    if limit == 0 || offset >= docs {
        let total = searcher.search(ranking.base, &Count).map_err(tantivy_err)?;
        return Ok(Ranked {
            total,
            hits: Vec::new(),
        });
    }
    let limit = limit.min(docs);
    if order != (SortBy::Score, false) || ranking.proximity.is_empty() {
        return ordered(searcher, ranking.full, &stats, fields, order, offset, limit);
    }
    let reach = (offset + limit).max(RERANK);
    let base = Matcher {
        query: ranking.base,
        words: ranking.words,
    };
    let (total, mut candidates) = sorted(searcher, base, &stats, fields, order, reach)?;
    let n = candidates.len().min(RERANK);
    add_proximity(searcher, ranking.proximity, &stats, &mut candidates[..n])?;
    sort_candidates(searcher, fields, order, &mut candidates[..n])?;
    Ok(window(total, candidates, offset, limit))
}

/// The hits `offset..offset + limit` of sorted candidates.
fn window(total: usize, candidates: Vec<Candidate>, offset: usize, limit: usize) -> Ranked {
    let hits = candidates
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|c| (c.score, c.address))
        .collect();
    Ranked { total, hits }
}

/// [`page`] for one query scored as it is.
fn ordered(
    searcher: &Searcher,
    query: &dyn TQuery,
    stats: &ArticleStatistics<'_>,
    fields: &Fields,
    order: (SortBy, bool),
    offset: usize,
    limit: usize,
) -> Result<Ranked> {
    let query = Matcher { query, words: None };
    let (total, candidates) = sorted(searcher, query, stats, fields, order, offset + limit)?;
    Ok(window(total, candidates, offset, limit))
}

/// The count, and at least the first `want` matching documents (all of them if fewer) in the
/// full order; more when some tie with the `want`-th, so any window up to `want` is exact.
fn sorted(
    searcher: &Searcher,
    query: Matcher<'_>,
    stats: &ArticleStatistics<'_>,
    fields: &Fields,
    order: (SortBy, bool),
    want: usize,
) -> Result<(usize, Vec<Candidate>)> {
    let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    let want = want.clamp(1, docs.max(1));
    let mut n = want + SLACK;
    let (total, fetched) = loop {
        let (total, fetched) = fetch(searcher, query, stats, fields, order, n)?;
        // Sorted by the primary key: if the last one fetched differs from the page's last,
        // every document tied with the page's last is among those fetched.
        let complete = fetched.len() < n || fetched[n - 1].0 != fetched[want - 1].0;
        if complete {
            break (total, fetched);
        }
        // Past every document there is nothing more to fetch.
        n = n.saturating_mul(2).min(docs + SLACK);
    };
    let addresses: Vec<(f32, DocAddress)> = fetched.iter().map(|f| (f.1, f.2)).collect();
    let mut candidates = enrich(searcher, fields, order, &addresses)?;
    if order.0 == SortBy::Date {
        // Fetched by date alone: only these few need the score that breaks date ties.
        add_scores(searcher, query.query, stats, &mut candidates)?;
    }
    sort_candidates(searcher, fields, order, &mut candidates)?;
    Ok((total, candidates))
}

/// What finds and scores the matches: a tantivy query, and the same query as plain words
/// when it is one (then used by score, the order they serve).
#[derive(Clone, Copy)]
struct Matcher<'a> {
    query: &'a dyn TQuery,
    words: Option<&'a [Word]>,
}

/// Primary key (score, or the date for date order), score (zero until known) and address of
/// the top `n` documents.
type Fetched = Vec<((f32, Option<i64>), f32, DocAddress)>;

/// The count and the top `n` documents by the primary key, in one pass over the matches.
fn fetch(
    searcher: &Searcher,
    query: Matcher<'_>,
    stats: &ArticleStatistics<'_>,
    fields: &Fields,
    (sort, reverse): (SortBy, bool),
    n: usize,
) -> Result<(usize, Fetched)> {
    let query = match query.words {
        Some(words) if (sort, reverse) == (SortBy::Score, false) => {
            let (total, top) = words::top_by_score(searcher, words, stats, n)?;
            let fetched = top
                .into_iter()
                .map(|(score, address)| ((score, None), score, address))
                .collect();
            return Ok((total, fetched));
        }
        _ => query.query,
    };
    let top = TopDocs::with_limit(n);
    Ok(match (sort, reverse) {
        (SortBy::Score, false) => {
            let (total, top) = searcher
                .search_with_statistics_provider(query, &(Count, top.order_by_score()), stats)
                .map_err(tantivy_err)?;
            let fetched = top
                .into_iter()
                .map(|(score, address)| ((score, None), score, address))
                .collect();
            (total, fetched)
        }
        (SortBy::Score, true) => {
            let (total, top) = searcher
                .search_with_statistics_provider(
                    query,
                    &(Count, top.order_by((SortBySimilarityScore, Order::Asc))),
                    stats,
                )
                .map_err(tantivy_err)?;
            let fetched = top
                .into_iter()
                .map(|(score, address)| ((score, None), score, address))
                .collect();
            (total, fetched)
        }
        (SortBy::Date, _) => {
            // The date column alone, without scoring: no collector here needs a score, so
            // tantivy skips the proximity clause and every BM25 computation.
            let name = fields.schema.get_field_name(fields.published);
            let date = SortByStaticFastValue::<DateTime>::for_field(name);
            let first = if reverse { Order::Asc } else { Order::Desc };
            let (total, top) = searcher
                .search(query, &(Count, top.order_by((date, first))))
                .map_err(tantivy_err)?;
            let fetched = top
                .into_iter()
                .map(|(date, address)| {
                    let date = date.map(|d| d.into_timestamp_secs());
                    ((0.0, date), 0.0, address)
                })
                .collect();
            (total, fetched)
        }
    })
}

#[cfg(test)]
mod tests;
