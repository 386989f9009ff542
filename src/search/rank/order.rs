//! The full order of a few candidates: score, then newest, then id (or date, then score,
//! then id), undated articles last in both date orders.
//!
//! The tie-breaks are read from fast columns only where they decide something: by score,
//! a candidate's date only when another has the same score, its id only when another ties
//! on everything else. Opening a segment's date column decodes its block index, and each id
//! read decompresses a block of the id column; done for every candidate they cost more than
//! the rest of a page's ranking.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use tantivy::columnar::{Column, StrColumn};
use tantivy::{DateTime, DocAddress, Searcher};

use super::{Candidate, tantivy_err};
use crate::error::{Error, Result};
use crate::index::schema::Fields;
use crate::search::SortBy;

/// Candidates for the fetched documents; by date (the primary key) each has its date, by
/// score none yet (see [`sort_candidates`]).
pub(super) fn enrich(
    searcher: &Searcher,
    fields: &Fields,
    order: (SortBy, bool),
    fetched: &[(f32, DocAddress)],
) -> Result<Vec<Candidate>> {
    let mut out: Vec<Candidate> = fetched
        .iter()
        .map(|&(score, address)| Candidate {
            score,
            date: None,
            dated: false,
            id: String::new(),
            address,
        })
        .collect();
    if order.0 == SortBy::Date {
        let mut columns = Columns::new(searcher, fields);
        for c in &mut out {
            columns.date(c)?;
        }
    }
    Ok(out)
}

/// Sorts `candidates` by the full order, reading dates and ids only for ties.
pub(super) fn sort_candidates(
    searcher: &Searcher,
    fields: &Fields,
    order: (SortBy, bool),
    candidates: &mut [Candidate],
) -> Result<()> {
    let mut columns = Columns::new(searcher, fields);
    // The order is total once ids are read, so an unstable sort gives the same result.
    candidates.sort_unstable_by(|a, b| compare(order, a, b));
    if order.0 == SortBy::Score {
        // By score, the date matters only among equal scores.
        let same_score = |a: &Candidate, b: &Candidate| a.score.total_cmp(&b.score).is_eq();
        for run in tied_runs(candidates, same_score) {
            let run = &mut candidates[run];
            if run.iter().any(|c| !c.dated) {
                for c in run.iter_mut() {
                    columns.date(c)?;
                }
                run.sort_unstable_by(|a, b| compare(order, a, b));
            }
        }
    }
    for run in tied_runs(candidates, |a, b| compare(order, a, b).is_eq()) {
        let run = &mut candidates[run];
        for c in run.iter_mut() {
            columns.id(c)?;
        }
        run.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    }
    Ok(())
}

/// The ranges of two or more neighbours in `sorted` that `tie` holds equal.
fn tied_runs(
    sorted: &[Candidate],
    tie: impl Fn(&Candidate, &Candidate) -> bool,
) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    while start < sorted.len() {
        let mut end = start + 1;
        while end < sorted.len() && tie(&sorted[start], &sorted[end]) {
            end += 1;
        }
        if end - start > 1 {
            runs.push(start..end);
        }
        start = end;
    }
    runs
}

/// The date and id columns of a searcher's segments, each opened on first use.
struct Columns<'a> {
    searcher: &'a Searcher,
    date_name: &'a str,
    id_name: &'a str,
    dates: HashMap<u32, Column<DateTime>>,
    ids: HashMap<u32, Option<StrColumn>>,
}

impl<'a> Columns<'a> {
    fn new(searcher: &'a Searcher, fields: &'a Fields) -> Self {
        Columns {
            searcher,
            date_name: fields.schema.get_field_name(fields.published),
            id_name: fields.schema.get_field_name(fields.id),
            dates: HashMap::new(),
            ids: HashMap::new(),
        }
    }

    /// Reads the candidate's date, once.
    fn date(&mut self, c: &mut Candidate) -> Result<()> {
        if c.dated {
            return Ok(());
        }
        let segment = c.address.segment_ord;
        let dates = match self.dates.entry(segment) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let fast = self.searcher.segment_reader(segment).fast_fields();
                e.insert(fast.date(self.date_name).map_err(tantivy_err)?)
            }
        };
        c.date = dates
            .first(c.address.doc_id)
            .map(|d| d.into_timestamp_secs());
        c.dated = true;
        Ok(())
    }

    /// Reads the candidate's id, once.
    fn id(&mut self, c: &mut Candidate) -> Result<()> {
        if !c.id.is_empty() {
            return Ok(());
        }
        let segment = c.address.segment_ord;
        let ids = match self.ids.entry(segment) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let fast = self.searcher.segment_reader(segment).fast_fields();
                e.insert(fast.str(self.id_name).map_err(tantivy_err)?)
            }
        };
        if let Some(column) = ids {
            if let Some(ord) = column.ords().first(c.address.doc_id) {
                column
                    .ord_to_str(ord, &mut c.id)
                    .map_err(|e| Error::io("index id column", e))?;
            }
        }
        Ok(())
    }
}

/// Newest first, undated last.
fn newest_first(a: Option<i64>, b: Option<i64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Oldest first, undated last.
fn oldest_first(a: Option<i64>, b: Option<i64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => newest_first(a, b),
    }
}

/// The full order but for the id, the last tie-break.
fn compare((sort, reverse): (SortBy, bool), a: &Candidate, b: &Candidate) -> Ordering {
    let by_score = if reverse {
        a.score.total_cmp(&b.score)
    } else {
        b.score.total_cmp(&a.score)
    };
    match sort {
        SortBy::Score => by_score.then_with(|| newest_first(a.date, b.date)),
        SortBy::Date => {
            let by_date = if reverse {
                oldest_first(a.date, b.date)
            } else {
                newest_first(a.date, b.date)
            };
            by_date.then_with(|| b.score.total_cmp(&a.score))
        }
    }
}
