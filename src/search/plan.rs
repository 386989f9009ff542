//! A search made ready to run: the request's query built against one searcher, its hit
//! count (ranked in one pass with the first batch of hits), and, when an exact phrase finds
//! nothing, the relaxed "near matches" query instead.
//!
//! [`Plan::pages`] walks its hits; [`top_hits`] is the one-call form for library users and
//! benchmarks. Nothing here prints: the command decides what to say about a relaxed phrase.

use tantivy::{DocAddress, Searcher};

use super::build::{Built, build};
use super::exec::{LoadFn, Pages, Window, page};
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
    /// The tantivy query, in the parts ranking needs.
    pub built: Built,
    /// Number of matching articles.
    pub total: usize,
    /// Whether the exact phrases were relaxed.
    pub fallback: PhraseFallback,
    /// Passage finder for `query`.
    pub highlighter: Highlighter,
    /// The request's order and window.
    pub window: Window,
    /// The window's first batch, ranked in the pass that counted the hits.
    first: Vec<(f32, DocAddress)>,
}

impl Plan {
    /// Builds and counts `request` on `searcher`; relaxes exact phrases that find nothing.
    /// The first batch of hits is ranked in the same pass as the count.
    pub fn new(request: &SearchRequest, fields: &Fields, searcher: &Searcher) -> Result<Plan> {
        let window = Window {
            order: (request.sort, request.reverse),
            offset: request.offset,
            limit: (!request.all).then_some(request.limit),
        };
        let first_page = |built: &Built| {
            page(
                searcher,
                built,
                fields,
                window.order,
                window.offset,
                Pages::first_size(window),
            )
        };
        let mut query = request.query.clone();
        let mut built = build(&query, &request.filters, fields, searcher)?;
        let mut ranked = first_page(&built)?;
        let mut fallback = PhraseFallback::None;
        if ranked.total == 0 && query.has_exact_phrase() {
            let near = query.relaxed(RELAXED_SLOP);
            let near_built = build(&near, &request.filters, fields, searcher)?;
            let near_ranked = first_page(&near_built)?;
            fallback = PhraseFallback::NothingNear;
            if near_ranked.total > 0 {
                (query, built, ranked, fallback) =
                    (near, near_built, near_ranked, PhraseFallback::Relaxed);
            }
        }
        let highlighter = Highlighter::new(&query);
        Ok(Plan {
            query,
            built,
            total: ranked.total,
            fallback,
            highlighter,
            window,
            first: ranked.hits,
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
            &self.built,
            fields,
            &self.highlighter,
            load,
            self.window,
        )
        .with_first(self.first.clone())
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
