use super::*;
use crate::search::build::{Built, Filters, build};
use crate::search::query::Query;
use crate::search::testkit::{TestIndex, plain};

/// "oil" and "prices" far apart (out of the proximity slop), said three times each: a high
/// BM25 and no proximity boost.
fn far(id: &str, date: &str) -> crate::Article {
    let gap = "one two three four five six seven eight nine ten";
    let body = format!("Oil oil oil {gap} prices prices prices.");
    plain(id, "Markets", &body, date, "X", "Y")
}

/// "oil prices" side by side once, in a long body: a low BM25 and the proximity boost.
fn near(id: &str, date: &str) -> crate::Article {
    let filler = "word ".repeat(60);
    let body = format!("Oil prices rose. {filler}");
    plain(id, "Markets", &body, date, "X", "Y")
}

fn built(ix: &TestIndex, text: &str) -> Built {
    let searcher = ix.reader.searcher();
    let query = Query::parse(text).unwrap();
    build(&query, &Filters::default(), &ix.fields, &searcher).unwrap()
}

/// `built` ranked by its full score over every hit, as before re-ranking existed.
fn full_only(built: &Built) -> Built {
    Built {
        base: built.full.box_clone(),
        full: built.full.box_clone(),
        proximity: Vec::new(),
        words: None,
    }
}

fn ranked(ix: &TestIndex, built: &Built, order: (SortBy, bool), limit: usize) -> Ranked {
    page(
        &ix.reader.searcher(),
        built.ranking(),
        &ix.fields,
        order,
        0,
        limit,
    )
    .unwrap()
}

fn ids(ix: &TestIndex, ranked: &Ranked) -> Vec<String> {
    ranked
        .hits
        .iter()
        .map(|(_, a)| ix.article(*a).unwrap().id)
        .collect()
}

#[test]
fn proximity_reranks_the_head_with_exactly_the_full_score() {
    let ix = TestIndex::new(&[
        far("far-1", "2026-01-01"),
        near("near", "2026-01-02"),
        far("far-2", "2026-01-03"),
        plain("none", "Oil", "Oil only.", "2026-01-04", "X", "Y"),
    ]);
    let built = built(&ix, "oil prices");
    assert_eq!(built.proximity.len(), 2, "a title and a body phrase");
    let everything = ranked(&ix, &full_only(&built), (SortBy::Score, false), 10);
    let base_only = Built {
        base: built.base.box_clone(),
        full: built.base.box_clone(),
        proximity: Vec::new(),
        words: None,
    };
    let bm25 = ranked(&ix, &base_only, (SortBy::Score, false), 10);
    assert_eq!(ids(&ix, &bm25), ["far-2", "far-1", "near"]);
    let reranked = ranked(&ix, &built, (SortBy::Score, false), 10);
    assert_eq!(ids(&ix, &reranked), ["near", "far-2", "far-1"]);
    assert_eq!(reranked.total, 3);
    // The same scores, to the bit, as the full query run over every hit.
    assert_eq!(reranked.hits, everything.hits);
}

#[test]
fn beyond_the_reranked_head_bm25_alone_decides() {
    let mut articles: Vec<_> = (0..RERANK)
        .map(|i| far(&format!("far-{i:04}"), "2026-01-01"))
        .collect();
    articles.push(near("near", "2026-01-01"));
    let ix = TestIndex::new(&articles);
    let built = built(&ix, "oil prices");
    // The near article has the lowest BM25: it falls outside the head and is not lifted.
    let all = ranked(&ix, &built, (SortBy::Score, false), RERANK + 1);
    assert_eq!(all.total, RERANK + 1);
    assert_eq!(ids(&ix, &all).last().map(String::as_str), Some("near"));
    // Over every hit with the full score it would have come first.
    let full = ranked(&ix, &full_only(&built), (SortBy::Score, false), 1);
    assert_eq!(ids(&ix, &full), ["near"]);
    // Pages agree with the whole list (the order is total and stable).
    let searcher = ix.reader.searcher();
    let tail = page(
        &searcher,
        built.ranking(),
        &ix.fields,
        (SortBy::Score, false),
        RERANK,
        5,
    )
    .unwrap();
    assert_eq!(tail.hits, all.hits[RERANK..]);
}

#[test]
fn date_ties_break_by_the_full_score_including_proximity() {
    let ix = TestIndex::new(&[
        far("far", "2026-01-05"),
        near("near", "2026-01-05"),
        far("old", "2026-01-01"),
    ]);
    let built = built(&ix, "oil prices");
    let by_date = ranked(&ix, &built, (SortBy::Date, false), 10);
    assert_eq!(ids(&ix, &by_date), ["near", "far", "old"]);
    // Each hit's score is the one ranking by score gives it.
    let by_score = ranked(&ix, &built, (SortBy::Score, false), 10);
    for (score, address) in &by_date.hits {
        let same = by_score.hits.iter().find(|(_, a)| a == address).unwrap();
        assert_eq!(*score, same.0);
    }
    let reversed = ranked(&ix, &built, (SortBy::Date, true), 10);
    assert_eq!(ids(&ix, &reversed), ["old", "near", "far"]);
}

#[test]
fn an_empty_window_still_counts() {
    let ix = TestIndex::new(&[far("a", "2026-01-01"), near("b", "2026-01-02")]);
    let built = built(&ix, "oil prices");
    let searcher = ix.reader.searcher();
    let none = page(
        &searcher,
        built.ranking(),
        &ix.fields,
        (SortBy::Score, false),
        0,
        0,
    )
    .unwrap();
    assert_eq!((none.total, none.hits.len()), (2, 0));
    let past = page(
        &searcher,
        built.ranking(),
        &ix.fields,
        (SortBy::Date, false),
        99,
        10,
    )
    .unwrap();
    assert_eq!((past.total, past.hits.len()), (2, 0));
}
