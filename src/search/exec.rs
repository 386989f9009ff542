//! Running a built query: the hit count, then pages of hits in a deterministic order (score,
//! then date, then id; or date, then score, then id), loaded and given passages.
//!
//! Ordering is done on fast fields (`published`, `id`) by [`super::rank`], so sorting by date
//! never loads stored documents it does not show. `--all` walks the result list in
//! batches ([`Pages`]) so any number of hits streams in bounded memory.

use tantivy::collector::Count;
use tantivy::query::Query as TQuery;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::build::Built;
use super::rank::Ranked;
use super::snippet::Highlighter;
use super::{Hit, SortBy};
use crate::Article;
use crate::error::{Error, Result};
use crate::index::schema::Fields;

/// Hits loaded per batch when streaming every hit.
pub const BATCH: usize = 256;

/// Number of documents the query matches.
pub fn count(searcher: &Searcher, query: &dyn TQuery) -> Result<usize> {
    searcher
        .search(query, &Count)
        .map_err(|e| Error::tantivy("counting hits", e))
}

/// `limit` hits from `offset` in the requested order, with their scores, and the count (see
/// [`super::rank`]).
pub fn page(
    searcher: &Searcher,
    built: &Built,
    fields: &Fields,
    order: (SortBy, bool),
    offset: usize,
    limit: usize,
) -> Result<Ranked> {
    super::rank::page(searcher, built.ranking(), fields, order, offset, limit)
}

/// Reads an article back from its stored document (the index side's `article_from_doc`).
pub type LoadFn<'a> = dyn Fn(&TantivyDocument) -> Result<Article> + 'a;

/// Which hits to show, in which order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// Sort order and whether it is reversed.
    pub order: (SortBy, bool),
    /// Hits to skip.
    pub offset: usize,
    /// Hits to show; `None` for all.
    pub limit: Option<usize>,
}

/// The result list, walked page by page.
pub struct Pages<'a> {
    searcher: &'a Searcher,
    built: &'a Built,
    fields: &'a Fields,
    order: (SortBy, bool),
    highlighter: &'a Highlighter,
    load: &'a LoadFn<'a>,
    /// Next offset to fetch.
    next: usize,
    /// Hits still to fetch (`usize::MAX` for all).
    remaining: usize,
    /// The first batch, when ranked already (with the count).
    first: Option<Vec<(f32, DocAddress)>>,
}

impl<'a> Pages<'a> {
    /// The hits `window` selects.
    pub fn new(
        searcher: &'a Searcher,
        built: &'a Built,
        fields: &'a Fields,
        highlighter: &'a Highlighter,
        load: &'a LoadFn<'a>,
        window: Window,
    ) -> Self {
        let remaining = window.limit.unwrap_or(usize::MAX);
        Pages {
            searcher,
            built,
            fields,
            order: window.order,
            highlighter,
            load,
            next: window.offset,
            remaining,
            first: None,
        }
    }

    /// The size of the first batch: what [`Pages::with_first`] must be given.
    pub fn first_size(window: Window) -> usize {
        window.limit.unwrap_or(usize::MAX).min(BATCH)
    }

    /// Uses `hits` (ranked for this window's offset and [`Pages::first_size`]) as the first
    /// batch instead of ranking it again.
    pub fn with_first(mut self, hits: Vec<(f32, DocAddress)>) -> Self {
        self.first = Some(hits);
        self
    }

    /// The next batch of hits, empty at the end.
    pub fn next_batch(&mut self) -> Result<Vec<Hit>> {
        let want = self.remaining.min(BATCH);
        if want == 0 {
            return Ok(Vec::new());
        }
        let ranked = match self.first.take() {
            Some(first) => first,
            None => {
                page(
                    self.searcher,
                    self.built,
                    self.fields,
                    self.order,
                    self.next,
                    want,
                )?
                .hits
            }
        };
        let mut hits = Vec::with_capacity(ranked.len());
        for (i, (score, address)) in ranked.iter().enumerate() {
            let doc: TantivyDocument = self
                .searcher
                .doc(*address)
                .map_err(|e| Error::tantivy("reading a hit's stored fields", e))?;
            let article = (self.load)(&doc)?;
            let passages = self.highlighter.passages(&article);
            hits.push(Hit {
                rank: self.next + i + 1,
                score: *score,
                article,
                passages,
            });
        }
        self.next += ranked.len();
        self.remaining = if ranked.len() < want {
            0
        } else {
            self.remaining - ranked.len()
        };
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::build::{Filters, build};
    use crate::search::query::Query;
    use crate::search::testkit::{TestIndex, plain};

    fn corpus() -> TestIndex {
        TestIndex::new(&[
            plain("b-old", "Oil", "Oil news.", "2024-01-01", "X", "Y"),
            plain("a-new", "Oil", "Oil news.", "2026-01-01", "X", "Y"),
            plain("c-mid", "Oil", "Oil news.", "2025-01-01", "X", "Y"),
            plain(
                "d-more",
                "Oil oil",
                "Oil oil oil news.",
                "2023-01-01",
                "X",
                "Y",
            ),
            plain("e-none", "Oil", "Oil news.", "undated", "X", "Y"),
        ])
    }

    fn ids(
        ix: &TestIndex,
        order: (SortBy, bool),
        offset: usize,
        limit: Option<usize>,
    ) -> Vec<String> {
        let searcher = ix.reader.searcher();
        let query = Query::parse("oil").unwrap();
        let built = build(&query, &Filters::default(), &ix.fields, &searcher).unwrap();
        let highlighter = Highlighter::new(&query);
        let load = |d: &TantivyDocument| ix.article_of(d);
        let window = Window {
            order,
            offset,
            limit,
        };
        let mut pages = Pages::new(&searcher, &built, &ix.fields, &highlighter, &load, window);
        let mut out = Vec::new();
        loop {
            let batch = pages.next_batch().unwrap();
            if batch.is_empty() {
                break;
            }
            for hit in batch {
                assert_eq!(hit.rank, offset + out.len() + 1);
                out.push(hit.article.id);
            }
        }
        out
    }

    #[test]
    fn score_ties_break_by_newest_then_id() {
        let ix = corpus();
        assert_eq!(
            ids(&ix, (SortBy::Score, false), 0, Some(10)),
            ["d-more", "a-new", "c-mid", "b-old", "e-none"]
        );
        assert_eq!(
            ids(&ix, (SortBy::Score, false), 1, Some(2)),
            ["a-new", "c-mid"]
        );
    }

    #[test]
    fn date_sort_is_newest_first_and_reverses() {
        let ix = corpus();
        assert_eq!(
            ids(&ix, (SortBy::Date, false), 0, None),
            ["a-new", "c-mid", "b-old", "d-more", "e-none"]
        );
        // Undated articles come last either way.
        assert_eq!(
            ids(&ix, (SortBy::Date, true), 0, None),
            ["d-more", "b-old", "c-mid", "a-new", "e-none"]
        );
    }

    #[test]
    fn ties_beyond_the_fetched_slack_still_order_by_id() {
        // Inserted in reverse id order, so document order cannot give the id order by luck.
        let many: Vec<_> = (0..60)
            .rev()
            .map(|i| plain(&format!("t{i:02}"), "Oil", "Oil.", "2026-01-01", "X", "Y"))
            .collect();
        let ix = TestIndex::new(&many);
        let expected: Vec<String> = (40..45).map(|i| format!("t{i}")).collect();
        assert_eq!(ids(&ix, (SortBy::Score, false), 40, Some(5)), expected);
        assert_eq!(ids(&ix, (SortBy::Date, false), 40, Some(5)), expected);
        assert_eq!(ids(&ix, (SortBy::Score, true), 40, Some(5)), expected);
    }

    #[test]
    fn streaming_every_hit_crosses_batches() {
        let many: Vec<_> = (0..BATCH + 10)
            .map(|i| plain(&format!("id{i:04}"), "Oil", "Oil.", "2026-01-01", "X", "Y"))
            .collect();
        let ix = TestIndex::new(&many);
        let all = ids(&ix, (SortBy::Score, false), 0, None);
        assert_eq!(all.len(), BATCH + 10);
        assert_eq!(all[0], "id0000");
        assert_eq!(all[BATCH + 9], format!("id{:04}", BATCH + 9));
        assert_eq!(ids(&ix, (SortBy::Score, false), BATCH + 5, None).len(), 5);
    }
}
