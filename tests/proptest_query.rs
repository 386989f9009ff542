//! Property tests for the query front end (issue 6): any string parses into a query or gives
//! a `BadQuery` error (never a panic), and whatever parses respects the documented limits.

use dateline::error::Error;
use dateline::search::Query;
use dateline::search::query::{MAX_QUERY_BYTES, MAX_TERMS, Node};
use proptest::prelude::*;

fn words(node: &Node) -> usize {
    match node {
        Node::Word { .. } | Node::Prefix { .. } => 1,
        Node::Phrase { text, .. } => text.split_whitespace().count().max(1),
        Node::And(children) | Node::Or(children) => children.iter().map(words).sum(),
        Node::Not(child) => words(child),
    }
}

fn depth(node: &Node) -> usize {
    match node {
        Node::And(children) | Node::Or(children) => {
            1 + children.iter().map(depth).max().unwrap_or(0)
        }
        Node::Not(child) => 1 + depth(child),
        _ => 0,
    }
}

fn check(text: &str) -> Result<(), TestCaseError> {
    match Query::parse(text) {
        Ok(query) => {
            prop_assert!(text.len() <= MAX_QUERY_BYTES);
            prop_assert!(words(&query.root) <= MAX_TERMS);
            // And/Or nodes add depth beyond the nesting the user typed; bound it loosely.
            prop_assert!(depth(&query.root) <= 2 * 32 + 2);
        }
        Err(Error::BadQuery { .. }) => {}
        Err(other) => prop_assert!(false, "not a BadQuery: {other}"),
    }
    Ok(())
}

/// Strings built from the query language's own pieces, so parsing goes deep.
fn query_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\"".to_string()),
        Just(" OR ".to_string()),
        Just(" AND ".to_string()),
        Just(" NOT ".to_string()),
        Just("-".to_string()),
        Just("*".to_string()),
        Just("~".to_string()),
        Just("~3".to_string()),
        Just("title:".to_string()),
        Just("speaker:".to_string()),
        Just("nosuch:".to_string()),
        Just(":".to_string()),
        Just(" ".to_string()),
        "[a-z]{1,6}",
        "[0-9]{1,4}",
        "\\PC{1,2}",
        "[\u{0}-\u{1f}]",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_string_gives_a_query_or_a_bad_query(text in "\\PC{0,200}") {
        check(&text)?;
    }

    #[test]
    fn query_language_soup_gives_a_query_or_a_bad_query(text in query_like()) {
        check(&text)?;
    }
}
