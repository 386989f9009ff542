//! A search made ready to run: the request's query built against one searcher, its hit
//! count, and, when an exact phrase finds nothing, the relaxed "near matches" query instead.
//!
//! [`Plan::pages`] walks its hits; [`top_hits`] is the one-call form for library users and
//! benchmarks. Nothing here prints: the command decides what to say about a relaxed phrase.

use tantivy::Searcher;
use tantivy::query::Query as TQuery;

use super::build::build_query;
use super::exec::{LoadFn, Pages, Window, count};
use super::render::Header;
use super::snippet::Highlighter;
use super::{Hit, Query, RELAXED_SLOP, SearchRequest};
use crate::error::Result;
use crate::index::ArchiveIndex;
use crate::index::schema::Fields;

/// What happened to the request's exact phrases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseFallback {
    /// The query ran as typed.
    None,
    /// An exact phrase found nothing; the hits are near matches.
    Relaxed,
    /// An exact phrase found nothing, and neither did its near matches.
    NothingNear,
}

/// A built query, ready to page through.
pub struct Plan {
    /// The query that runs (relaxed when `fallback` says so).
    pub query: Query,
    /// The tantivy query.
    pub built: Box<dyn TQuery>,
    /// Number of matching articles.
    pub total: usize,
    /// Whether the exact phrases were relaxed.
    pub fallback: PhraseFallback,
    /// Passage finder for `query`.
    pub highlighter: Highlighter,
    /// The request's order and window.
    pub window: Window,
}

impl Plan {
    /// Builds and counts `request` on `searcher`; relaxes exact phrases that find nothing.
    pub fn new(request: &SearchRequest, fields: &Fields, searcher: &Searcher) -> Result<Plan> {
        let mut query = request.query.clone();
        let mut built = build_query(&query, &request.filters, fields, searcher)?;
        let mut total = count(searcher, built.as_ref())?;
        let mut fallback = PhraseFallback::None;
        if total == 0 && query.has_exact_phrase() {
            let near = query.relaxed(RELAXED_SLOP);
            let near_built = build_query(&near, &request.filters, fields, searcher)?;
            let near_total = count(searcher, near_built.as_ref())?;
            fallback = PhraseFallback::NothingNear;
            if near_total > 0 {
                (query, built, total, fallback) =
                    (near, near_built, near_total, PhraseFallback::Relaxed);
            }
        }
        let highlighter = Highlighter::new(&query);
        let window = Window {
            order: (request.sort, request.reverse),
            offset: request.offset,
            limit: (!request.all).then_some(request.limit),
        };
        Ok(Plan {
            query,
            built,
            total,
            fallback,
            highlighter,
            window,
        })
    }

    /// What the renderer writes before the hits (`query` is the text as the user typed it).
    pub fn header(&self) -> Header {
        Header {
            query: self.query.text.clone(),
            total_hits: self.total,
            relaxed: self.fallback == PhraseFallback::Relaxed,
        }
    }

    /// The hits of the request's window, batch by batch.
    pub fn pages<'a>(
        &'a self,
        searcher: &'a Searcher,
        fields: &'a Fields,
        load: &'a LoadFn<'a>,
    ) -> Pages<'a> {
        Pages::new(
            searcher,
            self.built.as_ref(),
            fields,
            &self.highlighter,
            load,
            self.window,
        )
    }
}

/// Runs `request` on `index` and returns its header and hits (every hit with `all`).
pub fn top_hits(index: &ArchiveIndex, request: &SearchRequest) -> Result<(Header, Vec<Hit>)> {
    let searcher = index.searcher();
    let fields = index.fields();
    let plan = Plan::new(request, fields, &searcher)?;
    let load = |doc: &tantivy::TantivyDocument| index.article_from_doc(doc);
    let mut pages = plan.pages(&searcher, fields, &load);
    let mut hits = Vec::new();
    loop {
        let batch = pages.next_batch()?;
        if batch.is_empty() {
            break;
        }
        hits.extend(batch);
    }
    Ok((plan.header(), hits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::testkit::{TestIndex, plain, seed};
    use crate::search::{Filters, SortBy};

    fn request(text: &str) -> SearchRequest {
        SearchRequest {
            query: Query::parse(text).unwrap(),
            filters: Filters::default(),
            limit: 10,
            offset: 0,
            all: false,
            sort: SortBy::Score,
            reverse: false,
        }
    }

    fn plan(ix: &TestIndex, text: &str) -> Plan {
        Plan::new(&request(text), &ix.fields, &ix.reader.searcher()).unwrap()
    }

    #[test]
    fn exact_phrase_without_hits_is_relaxed() {
        let ix = TestIndex::new(&[
            seed(),
            plain("x", "t", "Oil and gas.", "2026-01-01", "X", "Y"),
        ]);
        let exact = plan(&ix, "\"Druzhba oil pipeline\"");
        assert_eq!((exact.total, exact.fallback), (1, PhraseFallback::None));
        let near = plan(&ix, "\"Druzhba pipeline\"");
        assert_eq!((near.total, near.fallback), (1, PhraseFallback::Relaxed));
        assert!(near.header().relaxed);
        assert_eq!(near.header().query, "\"Druzhba pipeline\"");
        let none = plan(&ix, "\"pipeline Druzhba gas\"");
        assert_eq!(
            (none.total, none.fallback),
            (0, PhraseFallback::NothingNear)
        );
        let words = plan(&ix, "harbour");
        assert_eq!((words.total, words.fallback), (0, PhraseFallback::None));
    }
}
