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

/// A segment under this many documents is part of the index's small tail.
pub const SMALL_SEGMENT_DOCS: u32 = MAX_MERGED_DOCS / 4;

/// Fewest small segments worth one more merge at the end of a run that added to an index.
pub const MIN_TAIL_SEGMENTS: usize = 4;

/// The segments to merge once a run is over, if any: the smallest segments under
/// [`SMALL_SEGMENT_DOCS`], as many as fit in [`MAX_MERGED_DOCS`], when at least `min_segments`
/// of them are there.
///
/// Log merging leaves up to seven segments on each level when the run ends (a whole-process
/// search opens every segment: 22 segments made the rare-word search of a 380,000-story
/// archive take 12.6 ms where 15 took 9.1), and capped merges never touch them again; each
/// segment also repeats the vocabulary in its own term dictionaries (19,000 stories indexed
/// by two threads: 26.8 MB in two segments, 24.9 MB in one). A run that built a new index
/// merges any two or more ([`crate::index::ArchiveWriter::finish`]); a run that added to one
/// waits for [`MIN_TAIL_SEGMENTS`], so adding one file does not rewrite a large segment.
pub fn tail_to_merge(segments: &[(SegmentId, u32)], min_segments: usize) -> Option<Vec<SegmentId>> {
    let mut small: Vec<(SegmentId, u32)> = segments
        .iter()
        .copied()
        .filter(|&(_, docs)| docs < SMALL_SEGMENT_DOCS)
        .collect();
    small.sort_by_key(|&(_, docs)| docs);
    let mut total = 0u32;
    let mut group = Vec::new();
    for (id, docs) in small {
        if total.saturating_add(docs) > MAX_MERGED_DOCS {
            break;
        }
        total += docs;
        group.push(id);
    }
    (group.len() >= min_segments.max(2)).then_some(group)
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

    fn tail(sizes: &[u32]) -> Option<Vec<u32>> {
        let ids: Vec<(SegmentId, u32)> = sizes
            .iter()
            .map(|&n| (SegmentId::generate_random(), n))
            .collect();
        let docs: HashMap<SegmentId, u32> = ids.iter().copied().collect();
        tail_to_merge(&ids, MIN_TAIL_SEGMENTS)
            .map(|group| group.iter().map(|id| docs[id]).collect())
    }

    #[test]
    fn the_small_tail_is_merged_smallest_first_up_to_the_cap() {
        assert_eq!(
            tail(&[200_000, 180_000, 3_000, 40_000, 1_000, 2_000, 49_999]),
            Some(vec![1_000, 2_000, 3_000, 40_000, 49_999])
        );
        // Over the cap: the largest small segments wait for another run.
        assert_eq!(
            tail(&[49_000, 49_000, 49_000, 49_000, 49_000, 10]),
            Some(vec![10, 49_000, 49_000, 49_000, 49_000])
        );
    }

    #[test]
    fn fewer_than_four_small_segments_are_left_alone() {
        assert_eq!(tail(&[200_000, 100_000, 60_000, 10, 20, 30]), None);
        assert_eq!(tail(&[]), None);
    }

    #[test]
    fn a_new_index_merges_two_small_segments_but_never_one() {
        let ids: Vec<(SegmentId, u32)> = [37_000, 36_000, 120_000]
            .iter()
            .map(|&n| (SegmentId::generate_random(), n))
            .collect();
        assert_eq!(tail_to_merge(&ids, 2), Some(vec![ids[1].0, ids[0].0]));
        assert_eq!(tail_to_merge(&ids[..1], 1), None);
    }
}
