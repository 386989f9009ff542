//! The merge policy: tantivy's log-size merging, with the size of each merge capped.
//!
//! A merge reads every segment it combines through memory maps, and those pages count in the
//! indexing process's resident memory. Uncapped, the last merges of a 380,000-story archive
//! combined segments into one of 660,000-810,000 documents (300 MB of mapped pages), so peak memory
//! grew with the archive. Capped, a merge never reads more than [`MAX_MERGED_DOCS`] documents:
//! memory stays flat, at the price of more segments (about a dozen at 380,000 stories, which
//! a search still answers in milliseconds).

use std::collections::HashMap;

use tantivy::index::{SegmentId, SegmentMeta};
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};

/// Most documents (article, quote and source documents together) one merge may produce.
pub const MAX_MERGED_DOCS: u32 = 200_000;

/// [`LogMergePolicy`] whose merges are split so none produces more than `max_docs` documents;
/// segments already that large are never merged again.
#[derive(Debug)]
pub struct CappedMergePolicy {
    inner: LogMergePolicy,
    max_docs: u32,
}

impl CappedMergePolicy {
    /// A policy whose merges produce at most `max_docs` documents.
    pub fn new(max_docs: u32) -> Self {
        let mut inner = LogMergePolicy::default();
        inner.set_max_docs_before_merge(max_docs as usize);
        CappedMergePolicy { inner, max_docs }
    }
}

impl Default for CappedMergePolicy {
    fn default() -> Self {
        Self::new(MAX_MERGED_DOCS)
    }
}

impl MergePolicy for CappedMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs: HashMap<SegmentId, u32> =
            segments.iter().map(|s| (s.id(), s.num_docs())).collect();
        self.inner
            .compute_merge_candidates(segments)
            .into_iter()
            .flat_map(|candidate| split(candidate, &docs, self.max_docs))
            .collect()
    }
}

/// Cuts one merge into consecutive groups of at most `max_docs` documents; a group left with
/// a single segment is no merge and is dropped.
fn split(
    candidate: MergeCandidate,
    docs: &HashMap<SegmentId, u32>,
    max_docs: u32,
) -> Vec<MergeCandidate> {
    let mut groups: Vec<Vec<SegmentId>> = Vec::new();
    let mut group = Vec::new();
    let mut total = 0u32;
    for id in candidate.0 {
        let n = docs.get(&id).copied().unwrap_or(0);
        if !group.is_empty() && total.saturating_add(n) > max_docs {
            groups.push(std::mem::take(&mut group));
            total = 0;
        }
        group.push(id);
        total = total.saturating_add(n);
    }
    groups.push(group);
    groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(MergeCandidate)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::Fields;

    fn segments(sizes: &[u32]) -> Vec<SegmentMeta> {
        let index = tantivy::Index::create_in_ram(Fields::new().schema);
        sizes
            .iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect()
    }

    fn merged_sizes(policy: &CappedMergePolicy, metas: &[SegmentMeta]) -> Vec<Vec<u32>> {
        let docs: HashMap<SegmentId, u32> = metas.iter().map(|s| (s.id(), s.num_docs())).collect();
        let mut sizes: Vec<Vec<u32>> = policy
            .compute_merge_candidates(metas)
            .into_iter()
            .map(|c| c.0.iter().map(|id| docs[id]).collect())
            .collect();
        sizes.sort();
        sizes
    }

    #[test]
    fn small_segments_merge_as_tantivy_would() {
        let metas = segments(&[20_000; 8]);
        let policy = CappedMergePolicy::default();
        assert_eq!(merged_sizes(&policy, &metas), vec![vec![20_000; 8]]);
    }

    #[test]
    fn a_merge_over_the_cap_is_split_and_big_segments_stay_alone() {
        // Eight segments of 50,000 documents would make one of 400,000: two of 200,000
        // instead. A segment over the cap is never merged again.
        let mut sizes = vec![50_000; 8];
        sizes.push(200_001);
        let metas = segments(&sizes);
        let policy = CappedMergePolicy::default();
        assert_eq!(
            merged_sizes(&policy, &metas),
            vec![vec![50_000; 4], vec![50_000; 4]]
        );
    }

    #[test]
    fn a_group_left_with_one_segment_is_dropped() {
        let ids: Vec<SegmentId> = (0..3).map(|_| SegmentId::generate_random()).collect();
        let docs: HashMap<SegmentId, u32> = ids.iter().map(|&id| (id, 100)).collect();
        let groups = split(MergeCandidate(ids.clone()), &docs, 200);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].0, ids[..2]);
    }
}
