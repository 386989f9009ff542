use chrono::NaiveDate;
use tantivy::collector::TopDocs;

use super::*;
use crate::search::testkit::{TestIndex, plain, seed};

fn corpus() -> TestIndex {
    TestIndex::new(&[
        seed(),
        plain(
            "far",
            "Gas transit",
            "The Druzhba network is old. Many other words stand here between them. A new pipeline was built.",
            "2026-01-10",
            "KYIV",
            "Reuters",
        ),
        plain(
            "plural",
            "Pipelines and ports",
            "Pipelines carry oil to ports.",
            "2025-06-01",
            "NEW YORK",
            "AP",
        ),
        plain(
            "undated",
            "Harbour news",
            "The harbour reopened.",
            "not a date",
            "Paris",
            "AFP",
        ),
    ])
}

fn ids_with(ix: &TestIndex, query: &str, filters: &Filters) -> Result<Vec<String>> {
    let searcher = ix.reader.searcher();
    let q = build_query(&Query::parse(query)?, filters, &ix.fields, &searcher)?;
    let top = searcher
        .search(&q, &TopDocs::with_limit(10).order_by_score())
        .expect("search");
    top.into_iter()
        .map(|(_, a)| ix.article(a).map(|a| a.id))
        .collect()
}

fn ids(ix: &TestIndex, query: &str) -> Vec<String> {
    ids_with(ix, query, &Filters::default()).unwrap()
}

#[test]
fn close_words_rank_first_and_quote_docs_are_never_hits() {
    let ix = corpus();
    assert_eq!(ids(&ix, "Druzhba pipeline"), ["c6af6150e0f5301f", "far"]);
}

#[test]
fn plurals_match_through_the_stemmer() {
    let ix = corpus();
    assert_eq!(ids(&ix, "pipeline oil"), ["plural", "c6af6150e0f5301f"]);
}

#[test]
fn exact_phrases_do_not_stem_and_slop_loosens_them() {
    let ix = corpus();
    assert_eq!(ids(&ix, "\"Druzhba oil pipeline\""), ["c6af6150e0f5301f"]);
    assert!(ids(&ix, "\"Druzhba pipeline\"").is_empty());
    assert_eq!(ids(&ix, "\"Druzhba pipeline\"~1"), ["c6af6150e0f5301f"]);
    assert!(
        ids(&ix, "\"pipeline carry\"").is_empty(),
        "no stemming inside quotes"
    );
    assert_eq!(ids(&ix, "\"pipelines carry\""), ["plural"]);
}

#[test]
fn or_not_and_parentheses() {
    let ix = corpus();
    let mut both = ids(&ix, "harbour OR ports");
    both.sort();
    assert_eq!(both, ["plural", "undated"]);
    assert_eq!(ids(&ix, "Druzhba -sabotage"), ["far"]);
    assert_eq!(ids(&ix, "Druzhba NOT (sabotage OR nothing)"), ["far"]);
    let mut rest = ids(&ix, "-Druzhba");
    rest.sort();
    assert_eq!(rest, ["plural", "undated"]);
}

#[test]
fn prefixes_expand_on_the_dictionary_and_are_bounded() {
    let ix = corpus();
    let mut hits = ids(&ix, "pipel*");
    hits.sort();
    assert_eq!(hits, ["c6af6150e0f5301f", "far", "plural"]);
    assert!(ids(&ix, "zzz*").is_empty());
    let many: String = (0..300).map(|i| format!("zq{i:03} ")).collect();
    let big = TestIndex::new(&[plain("many", "t", &many, "2026-01-01", "X", "Y")]);
    assert_eq!(
        ids_with(&big, "zq*", &Filters::default())
            .unwrap_err()
            .to_string(),
        "bad query: prefix zq* matches more than 256 words; make it longer (at column 1)"
    );
    // Each prefix within its bound, but too many in all: 6 x 200 words (title and body).
    let words: String = (0..6)
        .flat_map(|p| (0..100).map(move |i| format!("p{p}x{i:03} ")))
        .collect();
    let wide = TestIndex::new(&[plain("wide", &words, &words, "2026-01-01", "X", "Y")]);
    let query = "p0x* OR p1x* OR p2x* OR p3x* OR p4x* OR p5x*";
    assert_eq!(
        ids_with(&wide, query, &Filters::default())
            .unwrap_err()
            .to_string(),
        "bad query: the query's prefixes match more than 1024 words in all; make them longer (at column 41)"
    );
}

#[test]
fn field_terms_search_one_field() {
    let ix = corpus();
    assert_eq!(ids(&ix, "title:pipelines"), ["plural"]);
    assert_eq!(ids(&ix, "title:Druzhba"), Vec::<String>::new());
    assert_eq!(ids(&ix, "speaker:Peskov"), ["c6af6150e0f5301f"]);
    assert_eq!(ids(&ix, "speaker:\"Dmitry Peskov\""), ["c6af6150e0f5301f"]);
    assert_eq!(ids(&ix, "location:\"new york\""), ["plural"]);
    assert_eq!(ids(&ix, "location:kyiv"), ["far"]);
    assert_eq!(ids(&ix, "agency:reuters"), ["far"]);
    assert_eq!(ids(&ix, "body:sabotage"), ["c6af6150e0f5301f"]);
}

#[test]
fn speaker_filter_matches_any_key_inside_the_query() {
    let ix = corpus();
    let f = |keys: &[&str]| Filters {
        speakers: keys.iter().map(|k| k.to_string()).collect(),
        ..Filters::default()
    };
    assert_eq!(
        ids_with(&ix, "Druzhba", &f(&["peskov"])).unwrap(),
        ["c6af6150e0f5301f"]
    );
    assert_eq!(
        ids_with(&ix, "Druzhba", &f(&["dmitry peskov"])).unwrap(),
        ["c6af6150e0f5301f"]
    );
    assert!(
        ids_with(&ix, "Druzhba", &f(&["dmitriev"]))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        ids_with(&ix, "Druzhba", &f(&["dmitriev", "peskov"])).unwrap(),
        ["c6af6150e0f5301f"]
    );
}

#[test]
fn date_location_and_agency_filters() {
    let ix = corpus();
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    let dates = |s: Option<&str>, u: Option<&str>| Filters {
        dates: DateRange::from_args(s, u, today).unwrap(),
        ..Filters::default()
    };
    assert!(
        ids_with(&ix, "Druzhba", &dates(Some("2026-03"), None))
            .unwrap()
            .is_empty()
    );
    let mut hits = ids_with(&ix, "Druzhba", &dates(None, Some("2026-02-26"))).unwrap();
    hits.sort();
    assert_eq!(hits, ["c6af6150e0f5301f", "far"]);
    assert_eq!(
        ids_with(&ix, "Druzhba", &dates(None, Some("2026-02-25"))).unwrap(),
        ["far"]
    );
    assert_eq!(
        ids_with(
            &ix,
            "Druzhba",
            &dates(Some("2026-02-26"), Some("2026-02-26"))
        )
        .unwrap(),
        ["c6af6150e0f5301f"]
    );
    let places = Filters {
        locations: vec!["kyiv".into()],
        ..Filters::default()
    };
    assert_eq!(ids_with(&ix, "Druzhba", &places).unwrap(), ["far"]);
    let agencies = Filters {
        agencies: vec!["sputnik".into(), "ap".into()],
        ..Filters::default()
    };
    let mut hits = ids_with(&ix, "oil", &agencies).unwrap();
    hits.sort();
    assert_eq!(hits, ["c6af6150e0f5301f", "plural"]);
}

#[test]
fn filters_do_not_change_scores() {
    let ix = corpus();
    let searcher = ix.reader.searcher();
    let score = |filters: &Filters| {
        let q = build_query(
            &Query::parse("sabotage").unwrap(),
            filters,
            &ix.fields,
            &searcher,
        )
        .unwrap();
        searcher
            .search(&q, &TopDocs::with_limit(1).order_by_score())
            .unwrap()[0]
            .0
    };
    let speakers = Filters {
        speakers: vec!["peskov".into()],
        ..Filters::default()
    };
    assert_eq!(score(&Filters::default()), score(&speakers));
}

#[test]
fn punctuation_only_query_is_a_bad_query() {
    let ix = corpus();
    assert_eq!(
        ids_with(&ix, "— …", &Filters::default())
            .unwrap_err()
            .to_string(),
        "bad query: query has no searchable words (only punctuation?)"
    );
}

#[test]
fn kind_clause_is_left_out_only_when_title_and_body_decide() {
    let only = |text: &str| articles_only(&Query::parse(text).unwrap().root);
    for text in [
        "oil",
        "\"crude oil\"",
        "pipel*",
        "oil prices",
        "oil OR gas",
        "title:oil body:gas",
        "oil -gas",
    ] {
        assert!(only(text), "{text}");
    }
    for text in [
        "-oil",
        "speaker:Peskov",
        "oil OR location:kyiv",
        "agency:reuters oil",
        "oil OR -gas",
    ] {
        assert!(!only(text), "{text}");
    }
}

#[test]
fn only_a_bare_and_of_single_stems_is_ranked_as_plain_words() {
    let ix = corpus();
    let searcher = ix.reader.searcher();
    let words = |text: &str, filters: &Filters| {
        let query = Query::parse(text).unwrap();
        build(&query, filters, &ix.fields, &searcher).unwrap().words
    };
    let none = Filters::default();
    let plain = words("Oil Prices", &none).unwrap();
    let stems: Vec<_> = plain
        .iter()
        .map(|w| {
            let text = |t: &Term| t.value().as_str().map(str::to_owned);
            (text(&w.title), text(&w.body))
        })
        .collect();
    let both = |s: &str| (Some(s.to_owned()), Some(s.to_owned()));
    assert_eq!(stems, [both("oil"), both("price")]);
    assert_eq!(plain[0].title.field(), ix.fields.title_stem);
    assert_eq!(plain[0].body.field(), ix.fields.body_stem);
    assert_eq!(plain[0].title_boost, TITLE_BOOST);
    let dated = Filters {
        dates: DateRange::from_args(Some("2026"), None, NaiveDate::default()).unwrap(),
        ..Filters::default()
    };
    assert!(words("oil prices", &dated).is_none(), "a filter");
    for text in [
        "oil",
        "oil title:prices",
        "\"oil prices\" gas",
        "oil -gas",
        "oil OR gas",
        "pipel* oil",
        "u.s. oil",
    ] {
        assert!(words(text, &none).is_none(), "{text}");
    }
}

#[test]
fn a_word_the_analyzer_splits_is_searched_as_a_phrase() {
    let ix = TestIndex::new(&[
        plain(
            "us",
            "U.S. oil",
            "U.S. oil output rose.",
            "2026-01-01",
            "X",
            "Y",
        ),
        plain("apart", "Oil", "Us and s oil.", "2026-01-02", "X", "Y"),
    ]);
    // "u.s." stems to two terms; the stemmed fields have no positions for a phrase.
    assert_eq!(ids(&ix, "u.s. oil"), ["us"]);
    assert_eq!(ids(&ix, "title:u.s."), ["us"]);
    assert_eq!(ids(&ix, "body:U.S."), ["us"]);
}
