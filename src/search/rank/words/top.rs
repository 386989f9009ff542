//! The `n` best scored documents of a search, kept with one comparison per candidate most
//! of the time.

use std::cmp::Ordering;

use tantivy::{DocAddress, Score};

/// The `n` best scored documents: a buffer of up to `2n`, cut to the best `n` when full
/// (tantivy's `TopNComputer`), so a push is usually a comparison and a store.
pub(super) struct TopN {
    n: usize,
    items: Vec<(Score, DocAddress)>,
    /// No document scoring below this can enter the top `n`.
    pub(super) threshold: Score,
}

impl TopN {
    /// Keeps the best `n`.
    pub(super) fn new(n: usize) -> Self {
        TopN {
            n,
            items: Vec::with_capacity(n.saturating_mul(2).min(1 << 16)),
            threshold: Score::NEG_INFINITY,
        }
    }

    /// Offers a document; it may be dropped at the next cut.
    pub(super) fn push(&mut self, score: Score, address: DocAddress) {
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

    /// The best `n`, best first.
    pub(super) fn into_sorted(mut self) -> Vec<(Score, DocAddress)> {
        self.truncate();
        self.items.sort_unstable_by(best_first);
        self.items
    }
}

/// Best score first; document order among ties, as tantivy's top docs.
pub(super) fn best_first(a: &(Score, DocAddress), b: &(Score, DocAddress)) -> Ordering {
    b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1))
}
