//! [`BoundedMergePolicy`]: tantivy's log merge policy with a ceiling on the documents of any
//! one merge.
//!
//! A merge maps and reads every segment it joins, and those pages count in the process's
//! resident memory until the merged segment replaces them. tantivy's `LogMergePolicy` only
//! stops merging segments that are already large; it still joins eight mid-sized ones into a
//! giant (at x20: one 811k-document merge added 300 MB of mapped files to the 420 MB the run
//! held otherwise, 715 MB peak). Splitting each candidate into runs of at most [`MAX_DOCS_PER_MERGE`]
//! documents bounds that, for a few more segments at the end.

use tantivy::SegmentMeta;
use tantivy::index::SegmentId;
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// Most documents one merge may join (~1/7 of x20's 1.45M documents, ~70 MB of index).
pub const MAX_DOCS_PER_MERGE: u64 = 200_000;

/// Log merge policy whose merges never exceed `max_docs` documents.
#[derive(Debug)]
pub struct BoundedMergePolicy {
    inner: LogMergePolicy,
    max_docs: u64,
}

impl BoundedMergePolicy {
    /// A policy bounding every merge to `max_docs` documents.
    pub fn new(max_docs: u64) -> Self {
        let mut inner = LogMergePolicy::default();
        inner.set_max_docs_before_merge(usize::try_from(max_docs).unwrap_or(usize::MAX));
        BoundedMergePolicy { inner, max_docs }
    }
}

impl MergePolicy for BoundedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs = |id: &SegmentId| {
            segments
                .iter()
                .find(|s| s.id() == *id)
                .map_or(0, |s| u64::from(s.num_docs()))
        };
        self.inner
            .compute_merge_candidates(segments)
            .into_iter()
            .flat_map(|candidate| {
                let sized: Vec<(SegmentId, u64)> =
                    candidate.0.iter().map(|id| (*id, docs(id))).collect();
                split(&sized, self.max_docs)
            })
            .map(MergeCandidate)
            .collect()
    }
}

/// Cuts `segments` (id, documents), in order, into runs of at most `max_docs` documents; runs
/// of a single segment are dropped (merging one segment alone gains nothing).
fn split<T: Copy>(segments: &[(T, u64)], max_docs: u64) -> Vec<Vec<T>> {
    let mut runs = Vec::new();
    let mut run = Vec::new();
    let mut total = 0;
    for &(id, docs) in segments {
        if !run.is_empty() && total + docs > max_docs {
            runs.push(std::mem::take(&mut run));
            total = 0;
        }
        run.push(id);
        total += docs;
    }
    runs.push(run);
    runs.retain(|r| r.len() > 1);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_are_cut_at_the_ceiling_and_lone_segments_dropped() {
        let segments = [(1, 90), (2, 80), (3, 70), (4, 60), (5, 50), (6, 250)];
        assert_eq!(split(&segments, 200), [vec![1, 2], vec![3, 4, 5]]);
        assert_eq!(split(&segments, 1_000), [vec![1, 2, 3, 4, 5, 6]]);
        assert!(split(&segments[..1], 200).is_empty());
        assert!(split::<u8>(&[], 200).is_empty());
    }
}
