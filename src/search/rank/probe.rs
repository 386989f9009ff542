//! Scores of a few chosen documents, read without running the query over the others:
//! [`add_scores`] breaks date ties in `--sort date`, [`add_proximity`] re-ranks the head of a
//! many-word query. Both walk one scorer per segment through the candidates in document order.

use tantivy::query::{EnableScoring, Query as TQuery, Scorer};
use tantivy::{DocAddress, DocId, DocSet, Searcher, SeekDangerResult};

use super::{ArticleStatistics, Candidate, tantivy_err};
use crate::error::Result;

/// Adds `query`'s score of each candidate (zero where it does not match) to its score, seeking
/// one scorer per segment through the candidates in document order.
pub(super) fn add_scores(
    searcher: &Searcher,
    query: &dyn TQuery,
    stats: &ArticleStatistics<'_>,
    candidates: &mut [Candidate],
) -> Result<()> {
    let scoring = EnableScoring::enabled_from_statistics_provider(stats, searcher);
    let weight = query.weight(scoring).map_err(tantivy_err)?;
    let mut by_doc: Vec<&mut Candidate> = candidates.iter_mut().collect();
    by_doc.sort_by_key(|c| (c.address.segment_ord, c.address.doc_id));
    let mut current: Option<(u32, Box<dyn Scorer>)> = None;
    for c in by_doc {
        let DocAddress {
            segment_ord,
            doc_id,
        } = c.address;
        let scorer = match &mut current {
            Some((ord, scorer)) if *ord == segment_ord => scorer,
            _ => {
                let reader = searcher.segment_reader(segment_ord);
                let scorer = weight.scorer(reader, 1.0).map_err(tantivy_err)?;
                &mut current.insert((segment_ord, scorer)).1
            }
        };
        let at = if scorer.doc() < doc_id {
            scorer.seek(doc_id)
        } else {
            scorer.doc()
        };
        if at == doc_id {
            c.score += scorer.score();
        }
    }
    Ok(())
}

/// Adds the proximity clause's score to each candidate, as the full query's SHOULD clause
/// would: the sum of its boosted phrases' scores where they match. Each phrase scorer only
/// checks positions at the candidates (`seek_danger`), where a plain `seek` would check every
/// document up to the next match.
pub(super) fn add_proximity(
    searcher: &Searcher,
    phrases: &[(Box<dyn TQuery>, f32)],
    stats: &ArticleStatistics<'_>,
    candidates: &mut [Candidate],
) -> Result<()> {
    let mut weights = Vec::with_capacity(phrases.len());
    for (query, boost) in phrases {
        let scoring = EnableScoring::enabled_from_statistics_provider(stats, searcher);
        weights.push((query.weight(scoring).map_err(tantivy_err)?, *boost));
    }
    let mut by_doc: Vec<&mut Candidate> = candidates.iter_mut().collect();
    by_doc.sort_by_key(|c| (c.address.segment_ord, c.address.doc_id));
    let mut current: Option<(u32, Vec<Probe>)> = None;
    for c in by_doc {
        let DocAddress {
            segment_ord,
            doc_id,
        } = c.address;
        let probes = match &mut current {
            Some((ord, probes)) if *ord == segment_ord => probes,
            _ => {
                let reader = searcher.segment_reader(segment_ord);
                let mut probes = Vec::with_capacity(weights.len());
                for (weight, boost) in &weights {
                    let scorer = weight.scorer(reader, *boost).map_err(tantivy_err)?;
                    probes.push(Probe::new(scorer));
                }
                &mut current.insert((segment_ord, probes)).1
            }
        };
        // Summed from zero in clause order, as tantivy's union does: the same float.
        let mut sum = 0.0;
        let mut matched = false;
        for probe in probes.iter_mut() {
            if let Some(score) = probe.score_at(doc_id) {
                sum += score;
                matched = true;
            }
        }
        if matched {
            c.score += sum;
        }
    }
    Ok(())
}

/// A scorer visited at increasing documents with `seek_danger`, which may leave it between
/// documents until it finds one.
struct Probe {
    scorer: Box<dyn Scorer>,
    /// Whether the scorer stands on a document (`doc()` is valid).
    valid: bool,
    /// No document before this one can match.
    lower: DocId,
}

impl Probe {
    fn new(scorer: Box<dyn Scorer>) -> Self {
        let lower = scorer.doc();
        Probe {
            scorer,
            valid: true,
            lower,
        }
    }

    /// The score at `target`, or `None` when it does not match; targets must increase.
    fn score_at(&mut self, target: DocId) -> Option<f32> {
        if self.valid && self.scorer.doc() >= target {
            return (self.scorer.doc() == target).then(|| self.scorer.score());
        }
        if target < self.lower {
            return None;
        }
        match self.scorer.seek_danger(target) {
            SeekDangerResult::Found => {
                self.valid = true;
                Some(self.scorer.score())
            }
            SeekDangerResult::SeekLowerBound(bound) => {
                self.valid = false;
                self.lower = bound;
                None
            }
        }
    }
}
