//! `a OR b` for exactly two clauses (a word's title and body queries), scored as tantivy's
//! union scores them: the sum where both match, computed in the same order so every score
//! is the same float.
//!
//! tantivy's union buffers a window of 4,096 documents and refills it on every long seek,
//! which made it most of the cost of a many-word query: inside an intersection each word's
//! union is sought at every candidate. This one merges the two clauses as it goes, so a seek
//! is two skip-list seeks.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query as TQuery, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// Documents matching either of two queries.
pub struct EitherQuery {
    first: Box<dyn TQuery>,
    second: Box<dyn TQuery>,
}

impl EitherQuery {
    /// `first OR second`.
    pub fn new(first: Box<dyn TQuery>, second: Box<dyn TQuery>) -> Self {
        EitherQuery { first, second }
    }
}

impl Clone for EitherQuery {
    fn clone(&self) -> Self {
        EitherQuery::new(self.first.box_clone(), self.second.box_clone())
    }
}

impl fmt::Debug for EitherQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Either({:?}, {:?})", self.first, self.second)
    }
}

impl TQuery for EitherQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(EitherWeight {
            first: self.first.weight(scoring)?,
            second: self.second.weight(scoring)?,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.first.query_terms(visitor);
        self.second.query_terms(visitor);
    }
}

struct EitherWeight {
    first: Box<dyn Weight>,
    second: Box<dyn Weight>,
}

impl Weight for EitherWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let first = self.first.scorer(reader, boost)?;
        let second = self.second.scorer(reader, boost)?;
        Ok(Box::new(EitherScorer::new(first, second)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document #{doc} does not match"
            )));
        }
        Ok(Explanation::new("either", scorer.score()))
    }
}

/// The merge of two scorers; stands on the smaller of their documents.
struct EitherScorer {
    first: Box<dyn Scorer>,
    second: Box<dyn Scorer>,
    doc: DocId,
}

impl EitherScorer {
    fn new(first: Box<dyn Scorer>, second: Box<dyn Scorer>) -> Self {
        let doc = first.doc().min(second.doc());
        EitherScorer { first, second, doc }
    }
}

impl DocSet for EitherScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        if self.first.doc() == self.doc {
            self.first.advance();
        }
        if self.second.doc() == self.doc {
            self.second.advance();
        }
        self.doc = self.first.doc().min(self.second.doc());
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        if self.first.doc() < target {
            self.first.seek(target);
        }
        if self.second.doc() < target {
            self.second.seek(target);
        }
        self.doc = self.first.doc().min(self.second.doc());
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.first
            .size_hint()
            .saturating_add(self.second.size_hint())
    }

    fn cost(&self) -> u64 {
        self.first.cost().saturating_add(self.second.cost())
    }
}

impl Scorer for EitherScorer {
    fn score(&mut self) -> Score {
        // tantivy's union: a sum from zero over the clauses standing on the document.
        let mut sum = 0.0;
        if self.first.doc() == self.doc {
            sum += self.first.score();
        }
        if self.second.doc() == self.doc {
            sum += self.second.score();
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, EnableScoring, TermQuery};
    use tantivy::schema::{Field, IndexRecordOption};

    use super::*;
    use crate::search::testkit::{TestIndex, plain};

    fn term(field: Field, word: &str) -> Box<dyn TQuery> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, word),
            IndexRecordOption::WithFreqs,
        ))
    }

    fn corpus() -> TestIndex {
        TestIndex::new(&[
            plain("title", "Cocoa", "Nothing here.", "2026-01-01", "X", "Y"),
            plain("none", "Coffee", "Coffee beans.", "2026-01-02", "X", "Y"),
            plain("body", "Markets", "Cocoa rose.", "2026-01-03", "X", "Y"),
            plain("both", "Cocoa", "Cocoa cocoa fell.", "2026-01-04", "X", "Y"),
        ])
    }

    #[test]
    fn matches_and_scores_exactly_as_tantivys_union() {
        let ix = corpus();
        let (title, body) = (ix.fields.title_stem, ix.fields.body_stem);
        let boosted = || Box::new(BoostQuery::new(term(title, "cocoa"), 2.0)) as Box<dyn TQuery>;
        let either = EitherQuery::new(boosted(), term(body, "cocoa"));
        let union = BooleanQuery::union(vec![boosted(), term(body, "cocoa")]);
        let searcher = ix.reader.searcher();
        let top = TopDocs::with_limit(10).order_by_score();
        let ours = searcher.search(&either, &top).unwrap();
        let theirs = searcher.search(&union, &TopDocs::with_limit(10).order_by_score());
        assert_eq!(ours, theirs.unwrap());
        let ids: Vec<String> = ours
            .iter()
            .map(|(_, a)| ix.article(*a).unwrap().id)
            .collect();
        assert_eq!(ids, ["both", "title", "body"]);
    }

    #[test]
    fn seeks_and_advances_over_both_clauses() {
        let ix = corpus();
        let either = EitherQuery::new(
            term(ix.fields.title_stem, "cocoa"),
            term(ix.fields.body_stem, "cocoa"),
        );
        let searcher = ix.reader.searcher();
        let weight = either.weight(EnableScoring::disabled_from_searcher(&searcher));
        let mut scorer = weight
            .unwrap()
            .scorer(searcher.segment_reader(0), 1.0)
            .unwrap();
        // Documents in insertion order; "none" (doc 1) matches neither clause.
        assert_eq!(scorer.doc(), 0);
        assert_eq!(scorer.seek(1), 2);
        assert_eq!(scorer.seek(2), 2);
        assert_eq!(scorer.advance(), 3);
        assert_eq!(scorer.advance(), TERMINATED);
        assert_eq!(scorer.advance(), TERMINATED);
    }
}
