use tantivy::collector::{Count, TopDocs};
use tantivy::indexer::NoMergePolicy;
use tantivy::{Index, IndexReader};

use super::top::best_first;
use super::*;
use crate::Article;
use crate::index::document::article_documents;
use crate::index::schema::{Fields, register_tokenizers};
use crate::search::build::{Built, Filters, build};
use crate::search::query::Query;
use crate::search::rank::ArticleStatistics;
use crate::search::testkit::plain;

/// An index with one segment per batch of articles, and the ids deleted after.
fn segmented(batches: &[Vec<Article>], deleted: &[&str]) -> (Fields, IndexReader) {
    let fields = Fields::new();
    let index = Index::create_in_ram(fields.schema.clone());
    register_tokenizers(&index);
    let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
    writer.set_merge_policy(Box::new(NoMergePolicy));
    for batch in batches {
        for a in batch {
            for d in article_documents(&fields, a) {
                writer.add_document(d).unwrap();
            }
        }
        writer.commit().unwrap();
    }
    for id in deleted {
        writer.delete_term(Term::from_field_text(fields.id, id));
    }
    writer.commit().unwrap();
    let reader = index.reader().unwrap();
    (fields, reader)
}

/// Oil and prices in every mix of title and body, counts and lengths; cocoa only in the
/// second batch, so one segment lacks a word.
fn batches() -> Vec<Vec<Article>> {
    let one = |i: usize, title: &str, body: &str| {
        plain(&format!("a{i:03}"), title, body, "2026-01-01", "X", "Y")
    };
    let mut first = Vec::new();
    let mut second = Vec::new();
    for i in 0..40 {
        let filler = "word ".repeat(i % 7 * 5);
        let (title, body) = match i % 5 {
            0 => ("Oil prices", format!("Oil rose. {filler}")),
            1 => ("Markets", format!("Oil prices oil {filler} prices.")),
            2 => ("Oil", format!("{filler} prices fell, prices.")),
            3 => ("Prices", format!("Oil oil oil. {filler}")),
            _ => ("Markets", format!("Nothing of either. {filler}")),
        };
        first.push(one(i, title, &body));
        let cocoa = if i % 3 == 0 { " cocoa" } else { "" };
        second.push(one(100 + i, title, &format!("{body}{cocoa}")));
    }
    vec![first, second]
}

fn built(fields: &Fields, reader: &IndexReader, text: &str) -> Built {
    let query = Query::parse(text).unwrap();
    build(&query, &Filters::default(), fields, &reader.searcher()).unwrap()
}

/// The count and the best `n` as tantivy runs the query, ties in document order.
fn tantivys(
    fields: &Fields,
    reader: &IndexReader,
    built: &Built,
    n: usize,
) -> (usize, Vec<(Score, DocAddress)>) {
    let searcher = reader.searcher();
    let stats = ArticleStatistics::new(&searcher, fields).unwrap();
    let top = TopDocs::with_limit(n).order_by_score();
    let (count, mut top) = searcher
        .search_with_statistics_provider(built.base.as_ref(), &(Count, top), &stats)
        .unwrap();
    top.sort_by(best_first);
    (count, top)
}

fn ours(
    fields: &Fields,
    reader: &IndexReader,
    built: &Built,
    n: usize,
) -> (usize, Vec<(Score, DocAddress)>) {
    let searcher = reader.searcher();
    let stats = ArticleStatistics::new(&searcher, fields).unwrap();
    let words = built.words.as_deref().unwrap();
    top_by_score(&searcher, words, &stats, n).unwrap()
}

#[test]
fn counts_and_scores_exactly_as_tantivys_query() {
    let (fields, reader) = segmented(&batches(), &[]);
    for text in [
        "oil prices",
        "prices oil",
        "oil prices cocoa",
        "cocoa oil prices oil",
    ] {
        let built = built(&fields, &reader, text);
        for n in [1, 3, 10, 200] {
            let (count, top) = ours(&fields, &reader, &built, n);
            assert_eq!((count, top.clone()), tantivys(&fields, &reader, &built, n));
            assert_eq!(top.len(), n.min(count), "{text} {n}");
        }
    }
    // 32 of each batch hold both words; cocoa is in 11 of those of the second batch.
    assert_eq!(
        ours(&fields, &reader, &built(&fields, &reader, "oil prices"), 5).0,
        64
    );
    let cocoa = built(&fields, &reader, "oil prices cocoa");
    assert_eq!(ours(&fields, &reader, &cocoa, 5).0, 11);
}

#[test]
fn deleted_articles_are_neither_counted_nor_ranked() {
    let (fields, reader) = segmented(&batches(), &["a000", "a101"]);
    let built = built(&fields, &reader, "oil prices");
    let (count, top) = ours(&fields, &reader, &built, 100);
    assert_eq!(count, 62);
    assert_eq!((count, top), tantivys(&fields, &reader, &built, 100));
}

#[test]
fn a_word_no_document_holds_matches_nothing() {
    let (fields, reader) = segmented(&batches(), &[]);
    let built = built(&fields, &reader, "oil zanzibar");
    assert_eq!(ours(&fields, &reader, &built, 10), (0, Vec::new()));
}

#[test]
fn the_top_keeps_the_best_and_breaks_ties_by_document() {
    let at = |doc| DocAddress::new(0, doc);
    let mut top = TopN::new(2);
    for (score, doc) in [(1.0, 0), (3.0, 1), (2.0, 2), (3.0, 3), (5.0, 4), (0.5, 5)] {
        top.push(score, at(doc));
    }
    assert_eq!(top.into_sorted(), [(5.0, at(4)), (3.0, at(1))]);
    let mut none = TopN::new(0);
    none.push(1.0, at(0));
    assert!(none.into_sorted().is_empty());
}
