//! The count and the best documents by BM25 of a plain AND of words, each searched on the
//! stemmed title (boosted) or body: the shape of most typed queries (`cocoa exports`).
//!
//! tantivy runs such a query as an intersection of boxed unions of boxed term scorers, with
//! a virtual call per document and clause, and a top-n collector per segment that keeps
//! (and sorts) nearly every match when n is the re-ranked head of 1,000. Here the same term
//! scorers are walked with concrete types in one loop, and one top-n is shared by all the
//! segments, so once it is full a match is only compared with its threshold. Scores are
//! summed in tantivy's order (each word's title then body from zero; the words by cost,
//! the two cheapest first), so every score is the same float and the ranking is unchanged.

use std::cmp::Ordering;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED, Term};

use super::tantivy_err;
use crate::error::{Error, Result};

/// One word of the query: its stem on the title and body fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// The stem on the stemmed title field.
    pub title: Term,
    /// The stem on the stemmed body field.
    pub body: Term,
    /// Boost of the title match over the body match.
    pub title_boost: f32,
}

/// BM25 weights of one word's two terms, shared by every segment.
struct WordWeights {
    title: Bm25Weight,
    body: Bm25Weight,
}

/// The count and the `n` best documents by score (best first; ties at the last place
/// broken arbitrarily), as a `(Count, TopDocs)` search of the AND of `words` would give.
pub(super) fn top_by_score(
    searcher: &Searcher,
    words: &[Word],
    stats: &dyn Bm25StatisticsProvider,
    n: usize,
) -> Result<(usize, Vec<(Score, DocAddress)>)> {
    let mut weights = Vec::with_capacity(words.len());
    for word in words {
        let one = |term: &Term| Bm25Weight::for_terms(stats, std::slice::from_ref(term));
        weights.push(WordWeights {
            title: one(&word.title)
                .map_err(tantivy_err)?
                .boost_by(word.title_boost),
            body: one(&word.body).map_err(tantivy_err)?,
        });
    }
    let mut top = TopN::new(n);
    let mut total = 0;
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let Some(mut clauses) = segment_clauses(reader, words, &weights)? else {
            continue;
        };
        let ord = u32::try_from(ord).unwrap_or(u32::MAX);
        let alive = reader.alive_bitset();
        let mut doc = align(&mut clauses, 0);
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                total += 1;
                // Most matches cannot reach the head: their best possible score (each
                // matching term at its weight's bound) is not above the threshold, so they
                // are only counted. A tie with the threshold loses to the earlier
                // documents already held.
                if bound(&clauses) > top.threshold {
                    let score = score(&mut clauses);
                    if score > top.threshold {
                        top.push(score, DocAddress::new(ord, doc));
                    }
                }
            }
            doc = align(&mut clauses, doc + 1);
        }
    }
    Ok((total, top.into_sorted()))
}

/// Each word's title-or-body clause on one segment, cheapest first as tantivy orders an
/// intersection; `None` when a word is in neither field there (nothing can match).
fn segment_clauses(
    reader: &SegmentReader,
    words: &[Word],
    weights: &[WordWeights],
) -> Result<Option<Vec<Either>>> {
    let mut clauses = Vec::with_capacity(words.len());
    for (word, weight) in words.iter().zip(weights) {
        let title = term_scorer(reader, &word.title, &weight.title)?;
        let body = term_scorer(reader, &word.body, &weight.body)?;
        if title.is_none() && body.is_none() {
            return Ok(None);
        }
        clauses.push(Either::new(title, body));
    }
    // A stable sort, as tantivy's.
    clauses.sort_by_key(Either::cost);
    Ok(Some(clauses))
}

/// The scorer tantivy's `TermWeight` builds for `term` on `reader`; `None` when the segment
/// does not hold the term.
fn term_scorer(
    reader: &SegmentReader,
    term: &Term,
    weight: &Bm25Weight,
) -> Result<Option<TermScorer>> {
    let index = reader.inverted_index(term.field()).map_err(tantivy_err)?;
    let Some(info) = index
        .get_term_info(term)
        .map_err(|e| Error::io("index term dictionary", e))?
    else {
        return Ok(None);
    };
    let postings: SegmentPostings = index
        .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)
        .map_err(|e| Error::io("index postings", e))?;
    let norms = match reader
        .fieldnorms_readers()
        .get_field(term.field())
        .map_err(tantivy_err)?
    {
        Some(norms) => norms,
        None => FieldNormReader::constant(reader.max_doc(), 1),
    };
    Ok(Some(TermScorer {
        postings,
        norms,
        weight: weight.clone(),
    }))
}

/// tantivy's term scorer (not public): a posting list scored by BM25.
struct TermScorer {
    postings: SegmentPostings,
    norms: FieldNormReader,
    weight: Bm25Weight,
}

impl TermScorer {
    #[inline]
    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    #[inline]
    fn seek(&mut self, target: DocId) -> DocId {
        self.postings.seek(target)
    }

    #[inline]
    fn score(&self) -> Score {
        let doc = self.postings.doc();
        self.weight
            .score(self.norms.fieldnorm_id(doc), self.postings.term_freq())
    }
}

/// The first document at or after `target` that every clause holds (`TERMINATED` if none),
/// with every clause standing on it.
fn align(clauses: &mut [Either], target: DocId) -> DocId {
    let mut candidate = target;
    'search: loop {
        for clause in clauses.iter_mut() {
            let at = clause.seek(candidate);
            if at != candidate {
                if at == TERMINATED {
                    return TERMINATED;
                }
                candidate = at;
                continue 'search;
            }
        }
        return candidate;
    }
}

/// Above any score at the document every clause stands on: the sum of the bounds of the
/// terms there, raised a little against rounding.
fn bound(clauses: &[Either]) -> Score {
    let mut sum = 0.0;
    for clause in clauses {
        if clause.title_doc() == clause.doc {
            sum += clause.title_max;
        }
        if clause.body_doc() == clause.doc {
            sum += clause.body_max;
        }
    }
    sum * (1.0 + 1e-4)
}

/// The score at the document every clause stands on, summed as tantivy's intersection
/// sums it: the two cheapest clauses, plus the sum of the others.
fn score(clauses: &mut [Either]) -> Score {
    match clauses {
        [] => 0.0,
        [one] => one.score(),
        [left, right, others @ ..] => {
            let head = left.score() + right.score();
            if others.is_empty() {
                head
            } else {
                head + others.iter_mut().map(Either::score).sum::<Score>()
            }
        }
    }
}

/// A word's title-or-body union, merged as it goes (see `build::either`).
struct Either {
    title: Option<TermScorer>,
    body: Option<TermScorer>,
    doc: DocId,
    /// Bounds of the title and body terms' scores.
    title_max: Score,
    body_max: Score,
}

impl Either {
    fn new(title: Option<TermScorer>, body: Option<TermScorer>) -> Self {
        // tantivy's `max_score` assumes a term fills the longest field; a term's frequency
        // factor is below 1 whatever the field's length, so its weight bounds every score.
        let max = |s: &Option<TermScorer>| s.as_ref().map_or(0.0, |s| s.weight.score(0, u32::MAX));
        let mut either = Either {
            title_max: max(&title),
            body_max: max(&body),
            title,
            body,
            doc: TERMINATED,
        };
        either.doc = either.title_doc().min(either.body_doc());
        either
    }

    fn title_doc(&self) -> DocId {
        self.title.as_ref().map_or(TERMINATED, TermScorer::doc)
    }

    fn body_doc(&self) -> DocId {
        self.body.as_ref().map_or(TERMINATED, TermScorer::doc)
    }

    fn cost(&self) -> u64 {
        let cost =
            |s: &Option<TermScorer>| s.as_ref().map_or(0, |s| u64::from(s.postings.size_hint()));
        cost(&self.title).saturating_add(cost(&self.body))
    }

    #[inline]
    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        if let Some(title) = &mut self.title {
            if title.doc() < target {
                title.seek(target);
            }
        }
        if let Some(body) = &mut self.body {
            if body.doc() < target {
                body.seek(target);
            }
        }
        self.doc = self.title_doc().min(self.body_doc());
        self.doc
    }

    /// tantivy's union: a sum from zero over the clauses standing on the document.
    #[inline]
    fn score(&mut self) -> Score {
        let mut sum = 0.0;
        let doc = self.doc;
        if let Some(title) = &mut self.title {
            if title.doc() == doc {
                sum += title.score();
            }
        }
        if let Some(body) = &mut self.body {
            if body.doc() == doc {
                sum += body.score();
            }
        }
        sum
    }
}

/// The `n` best scored documents: a buffer of up to `2n`, cut to the best `n` when full
/// (tantivy's `TopNComputer`), so a push is usually a comparison and a store.
struct TopN {
    n: usize,
    items: Vec<(Score, DocAddress)>,
    /// No document scoring below this can enter the top `n`.
    threshold: Score,
}

impl TopN {
    fn new(n: usize) -> Self {
        TopN {
            n,
            items: Vec::with_capacity(n.saturating_mul(2).min(1 << 16)),
            threshold: Score::NEG_INFINITY,
        }
    }

    fn push(&mut self, score: Score, address: DocAddress) {
        if self.n == 0 {
            return;
        }
        if self.items.len() >= self.n.saturating_mul(2) {
            self.truncate();
        }
        self.items.push((score, address));
    }

    /// Keeps the best `n`, and raises the threshold to the worst of them.
    fn truncate(&mut self) {
        if self.items.len() <= self.n {
            return;
        }
        self.items.select_nth_unstable_by(self.n - 1, best_first);
        self.items.truncate(self.n);
        self.threshold = self.items[self.n - 1].0;
    }

    fn into_sorted(mut self) -> Vec<(Score, DocAddress)> {
        self.truncate();
        self.items.sort_unstable_by(best_first);
        self.items
    }
}

/// Best score first; document order among ties, as tantivy's top docs.
fn best_first(a: &(Score, DocAddress), b: &(Score, DocAddress)) -> Ordering {
    b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1))
}

#[cfg(test)]
mod tests;
