//! One page of hits in a fully deterministic order, fast.
//!
//! tantivy's plain score collector is several times faster than one sorting on a tuple of
//! score, date and id (which needs a string column per matching document), so the page is
//! fetched by the primary key alone (score, or date then score), with a little slack; when
//! documents tied with the page's last one may lie beyond what was fetched, the fetch doubles
//! until they do not. Only those few candidates are then read for their date and id and
//! sorted by the full order: score, then newest, then id (or date, then score, then id).
//! Undated articles come last in both date orders.

use std::cmp::Ordering;
use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{Bm25StatisticsProvider, Query as TQuery};
use tantivy::{DateTime, DocAddress, Order, Searcher};

use super::SortBy;
use crate::error::{Error, Result};
use crate::index::schema::{Fields, KIND_ARTICLE};

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

struct Candidate {
    score: f32,
    date: Option<i64>,
    id: String,
    address: DocAddress,
}

fn tantivy_err(e: tantivy::TantivyError) -> Error {
    Error::tantivy("ranking hits", e)
}

/// Hits `offset..offset + limit` in the requested order, with their scores.
pub fn page(
    searcher: &Searcher,
    query: &dyn TQuery,
    fields: &Fields,
    order: (SortBy, bool),
    offset: usize,
    limit: usize,
) -> Result<Vec<(f32, DocAddress)>> {
    // An offset past every document finds nothing; tantivy would first allocate a heap of
    // offset + limit entries (and overflow on absurd offsets) to learn that (issue 6).
    let docs = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
    if limit == 0 || offset >= docs {
        return Ok(Vec::new());
    }
    let limit = limit.min(docs);
    let want = offset + limit;
    let mut n = want + SLACK;
    let fetched = loop {
        let fetched = fetch(searcher, query, fields, order, n)?;
        // Sorted by the primary key: if the last one fetched differs from the page's last,
        // every document tied with the page's last is among those fetched.
        let complete = fetched.len() < n || fetched[n - 1].0 != fetched[want - 1].0;
        if complete {
            break fetched;
        }
        // Past every document there is nothing more to fetch.
        n = n.saturating_mul(2).min(docs + SLACK);
    };
    let mut candidates = enrich(searcher, fields, fetched)?;
    candidates.sort_by(|a, b| compare(order, a, b));
    Ok(candidates
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|c| (c.score, c.address))
        .collect())
}

/// Primary key (score, and the date for date order) and score of the top `n` documents.
type Fetched = Vec<((f32, Option<i64>), f32, DocAddress)>;

fn fetch(
    searcher: &Searcher,
    query: &dyn TQuery,
    fields: &Fields,
    (sort, reverse): (SortBy, bool),
    n: usize,
) -> Result<Fetched> {
    let top = TopDocs::with_limit(n);
    let stats = ArticleStatistics::new(searcher, fields)?;
    Ok(match (sort, reverse) {
        (SortBy::Score, false) => searcher
            .search_with_statistics_provider(query, &top.order_by_score(), &stats)
            .map_err(tantivy_err)?
            .into_iter()
            .map(|(score, address)| ((score, None), score, address))
            .collect(),
        (SortBy::Score, true) => searcher
            .search_with_statistics_provider(
                query,
                &top.order_by((SortBySimilarityScore, Order::Asc)),
                &stats,
            )
            .map_err(tantivy_err)?
            .into_iter()
            .map(|(score, address)| ((score, None), score, address))
            .collect(),
        (SortBy::Date, _) => {
            let name = fields.schema.get_field_name(fields.published);
            let date = SortByStaticFastValue::<DateTime>::for_field(name);
            let first = if reverse { Order::Asc } else { Order::Desc };
            searcher
                .search_with_statistics_provider(
                    query,
                    &top.order_by(((date, first), (SortBySimilarityScore, Order::Desc))),
                    &stats,
                )
                .map_err(tantivy_err)?
                .into_iter()
                .map(|((date, score), address)| {
                    let date = date.map(|d| d.into_timestamp_secs());
                    ((score, date), score, address)
                })
                .collect()
        }
    })
}

/// Reads the date and id of each fetched document from the fast fields.
fn enrich(searcher: &Searcher, fields: &Fields, fetched: Fetched) -> Result<Vec<Candidate>> {
    let schema = &fields.schema;
    let (date_name, id_name) = (
        schema.get_field_name(fields.published),
        schema.get_field_name(fields.id),
    );
    let mut columns: HashMap<u32, (Column<DateTime>, Option<StrColumn>)> = HashMap::new();
    let mut out = Vec::with_capacity(fetched.len());
    for (_, score, address) in fetched {
        let (dates, ids) = match columns.entry(address.segment_ord) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let fast = searcher.segment_reader(address.segment_ord).fast_fields();
                e.insert((
                    fast.date(date_name).map_err(tantivy_err)?,
                    fast.str(id_name).map_err(tantivy_err)?,
                ))
            }
        };
        let date = dates.first(address.doc_id).map(|d| d.into_timestamp_secs());
        let mut id = String::new();
        if let Some(ord) = ids.as_ref().and_then(|c| c.ords().first(address.doc_id)) {
            if let Some(column) = ids {
                column
                    .ord_to_str(ord, &mut id)
                    .map_err(|e| Error::io("index id column", e))?;
            }
        }
        out.push(Candidate {
            score,
            date,
            id,
            address,
        });
    }
    Ok(out)
}

/// Newest first, undated last.
fn newest_first(a: Option<i64>, b: Option<i64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Oldest first, undated last.
fn oldest_first(a: Option<i64>, b: Option<i64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => newest_first(a, b),
    }
}

fn compare((sort, reverse): (SortBy, bool), a: &Candidate, b: &Candidate) -> Ordering {
    let by_score = if reverse {
        a.score.total_cmp(&b.score)
    } else {
        b.score.total_cmp(&a.score)
    };
    match sort {
        SortBy::Score => by_score.then_with(|| newest_first(a.date, b.date)),
        SortBy::Date => {
            let by_date = if reverse {
                oldest_first(a.date, b.date)
            } else {
                newest_first(a.date, b.date)
            };
            by_date.then_with(|| b.score.total_cmp(&a.score))
        }
    }
    .then_with(|| a.id.cmp(&b.id))
}
