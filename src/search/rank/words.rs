//! The count and the best documents by BM25 of a plain AND of words, each searched on the
//! stemmed title (boosted) or body: the shape of most typed queries (`cocoa exports`).
//!
//! tantivy runs such a query as an intersection of boxed unions of boxed term scorers, with
//! virtual calls and a seek into every other word's posting lists per candidate, and a
//! top-n collector per segment that keeps (and sorts) nearly every match when n is the
//! re-ranked head of 1,000. Here, per segment, the cheapest word's title-or-body union leads;
//! every other word's documents are first read into bit sets from whole decoded blocks, so
//! a candidate is tested with a bit test. One top-n is shared by all the segments, and a
//! match is scored only when the bounds of its terms' scores could lift it above the
//! threshold; the rest are only counted. Scores are summed in tantivy's order (each word's
//! title then body from zero; the words by cost, the two cheapest first), so every score is
//! the same float and the ranking is unchanged.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings, TermInfo};
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED, Term};

use super::tantivy_err;
use crate::error::{Error, Result};
use top::TopN;

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
    let mut sets: Vec<ClauseSet> = Vec::new();
    for (ord, reader) in searcher.segment_readers().iter().enumerate() {
        let Some(mut clauses) = segment_clauses(reader, words, &weights)? else {
            continue;
        };
        let ord = u32::try_from(ord).unwrap_or(u32::MAX);
        let alive = reader.alive_bitset();
        let Some((leader, others)) = clauses.split_first_mut() else {
            continue;
        };
        // Every clause but the cheapest as two sets of documents (title, body), filled from
        // whole decoded blocks: testing the leader's documents against them costs a bit
        // test where a seek in each posting list cost a search of its block.
        let words_per_set = (reader.max_doc() as usize).div_ceil(64);
        sets.resize_with(others.len(), Default::default);
        for (clause, set) in others.iter().zip(sets.iter_mut()) {
            set.fill(reader, clause, words_per_set)?;
        }
        let sets = &sets[..others.len()];
        let mut doc = leader.doc;
        while doc != TERMINATED {
            if sets.iter().all(|s| s.contains(doc)) && alive.is_none_or(|a| a.is_alive(doc)) {
                total += 1;
                // Most matches cannot reach the head: their best possible score (each
                // matching term at its weight's bound) is not above the threshold, so they
                // are only counted. A tie with the threshold loses to the earlier
                // documents already held.
                if bound(leader, others, sets, doc) > top.threshold {
                    for clause in others.iter_mut() {
                        clause.seek(doc);
                    }
                    let score = score(leader, others);
                    if score > top.threshold {
                        top.push(score, DocAddress::new(ord, doc));
                    }
                }
            }
            doc = leader.advance();
        }
    }
    Ok((total, top.into_sorted()))
}

/// The documents of one clause's title and body terms in a segment.
#[derive(Default)]
struct ClauseSet {
    title: Vec<u64>,
    body: Vec<u64>,
}

impl ClauseSet {
    /// Holds the documents of `clause` on `reader`.
    fn fill(&mut self, reader: &SegmentReader, clause: &Either, words: usize) -> Result<()> {
        fill(&mut self.title, reader, clause.title.as_ref(), words)?;
        fill(&mut self.body, reader, clause.body.as_ref(), words)
    }

    #[inline]
    fn contains(&self, doc: DocId) -> bool {
        let (word, bit) = ((doc / 64) as usize, 1u64 << (doc % 64));
        (self.title[word] | self.body[word]) & bit != 0
    }

    #[inline]
    fn in_title(&self, doc: DocId) -> bool {
        self.title[(doc / 64) as usize] & (1u64 << (doc % 64)) != 0
    }

    #[inline]
    fn in_body(&self, doc: DocId) -> bool {
        self.body[(doc / 64) as usize] & (1u64 << (doc % 64)) != 0
    }
}

/// Sets `bits` (of `words` words) to the documents of `term`'s posting list.
fn fill(
    bits: &mut Vec<u64>,
    reader: &SegmentReader,
    term: Option<&TermScorer>,
    words: usize,
) -> Result<()> {
    bits.clear();
    bits.resize(words, 0);
    let Some(term) = term else {
        return Ok(());
    };
    let index = reader.inverted_index(term.field).map_err(tantivy_err)?;
    let mut block = index
        .read_block_postings_from_terminfo(&term.info, IndexRecordOption::Basic)
        .map_err(|e| Error::io("index postings", e))?;
    loop {
        let docs = block.docs();
        if docs.is_empty() {
            return Ok(());
        }
        for &doc in docs {
            // Postings hold documents below max_doc; a corrupt list must not panic.
            if let Some(word) = bits.get_mut((doc / 64) as usize) {
                *word |= 1u64 << (doc % 64);
            }
        }
        block.advance();
    }
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
        field: term.field(),
        info,
        postings,
        norms,
        weight: weight.clone(),
    }))
}

/// tantivy's term scorer (not public): a posting list scored by BM25.
struct TermScorer {
    field: Field,
    info: TermInfo,
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
    fn advance(&mut self) -> DocId {
        self.postings.advance()
    }

    #[inline]
    fn score(&self) -> Score {
        let doc = self.postings.doc();
        self.weight
            .score(self.norms.fieldnorm_id(doc), self.postings.term_freq())
    }
}

/// Above any score at `doc`, where the leader stands and every other clause holds it:
/// the sum of the bounds of the terms there, raised a little against rounding.
fn bound(leader: &Either, others: &[Either], sets: &[ClauseSet], doc: DocId) -> Score {
    let mut sum = 0.0;
    if leader.title_doc() == doc {
        sum += leader.title_max;
    }
    if leader.body_doc() == doc {
        sum += leader.body_max;
    }
    for (clause, set) in others.iter().zip(sets) {
        if set.in_title(doc) {
            sum += clause.title_max;
        }
        if set.in_body(doc) {
            sum += clause.body_max;
        }
    }
    sum * (1.0 + 1e-4)
}

/// The score at the document every clause stands on, summed as tantivy's intersection
/// sums it: the two cheapest clauses, plus the sum of the others.
fn score(leader: &mut Either, others: &mut [Either]) -> Score {
    match others {
        [] => leader.score(),
        [second, rest @ ..] => {
            let head = leader.score() + second.score();
            if rest.is_empty() {
                head
            } else {
                head + rest.iter_mut().map(Either::score).sum::<Score>()
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

    /// Steps to the union's next document.
    #[inline]
    fn advance(&mut self) -> DocId {
        let doc = self.doc;
        if let Some(title) = &mut self.title {
            if title.doc() == doc {
                title.advance();
            }
        }
        if let Some(body) = &mut self.body {
            if body.doc() == doc {
                body.advance();
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

#[cfg(test)]
mod tests;
mod top;
