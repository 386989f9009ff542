use super::*;

fn word(text: &str, column: usize) -> Node {
    Node::Word {
        field: None,
        text: text.into(),
        column,
    }
}

fn err(text: &str) -> String {
    Query::parse(text).unwrap_err().to_string()
}

#[test]
fn words_are_anded() {
    let q = Query::parse("Druzhba pipeline").unwrap();
    assert_eq!(
        q.root,
        Node::And(vec![word("Druzhba", 1), word("pipeline", 9)])
    );
}

#[test]
fn or_binds_looser_than_juxtaposition() {
    let q = Query::parse("a b OR c").unwrap();
    assert_eq!(
        q.root,
        Node::Or(vec![
            Node::And(vec![word("a", 1), word("b", 3)]),
            word("c", 8)
        ])
    );
}

#[test]
fn negation_parentheses_fields_prefixes_and_phrases() {
    let q = Query::parse(r#"(oil OR gas) -Kiev NOT speaker:Peskov title:pipe* "oil pipeline"~3"#)
        .unwrap();
    assert_eq!(
        q.root,
        Node::And(vec![
            Node::Or(vec![word("oil", 2), word("gas", 9)]),
            Node::Not(Box::new(word("Kiev", 15))),
            Node::Not(Box::new(Node::Word {
                field: Some(QueryField::Speaker),
                text: "Peskov".into(),
                column: 32
            })),
            Node::Prefix {
                field: Some(QueryField::Title),
                text: "pipe".into(),
                column: 45
            },
            Node::Phrase {
                field: None,
                text: "oil pipeline".into(),
                slop: 3,
                column: 51
            },
        ])
    );
}

#[test]
fn explicit_and_is_the_default() {
    assert_eq!(
        Query::parse("a AND b").unwrap().root,
        Node::And(vec![word("a", 1), word("b", 7)])
    );
}

#[test]
fn relaxed_only_loosens_exact_phrases() {
    let q = Query::parse(r#""oil pipeline" "a b"~1 -"c d""#).unwrap();
    assert!(q.has_exact_phrase());
    let r = q.relaxed(3);
    assert!(!r.has_exact_phrase());
    let slops: Vec<u32> = r
        .positive_leaves()
        .iter()
        .filter_map(|n| match n {
            Node::Phrase { slop, .. } => Some(*slop),
            _ => None,
        })
        .collect();
    assert_eq!(slops, [3, 1]);
}

#[test]
fn positive_leaves_skip_negations() {
    let q = Query::parse("a -b NOT (c OR d) e").unwrap();
    let texts: Vec<&str> = q
        .positive_leaves()
        .iter()
        .map(|n| match n {
            Node::Word { text, .. } => text.as_str(),
            _ => "?",
        })
        .collect();
    assert_eq!(texts, ["a", "e"]);
}

#[test]
fn bad_queries_name_the_problem_and_column() {
    let cases = [
        (
            "(oil gas",
            "bad query: unbalanced parenthesis: this ( is never closed (at column 1)",
        ),
        (
            "oil gas)",
            "bad query: unbalanced parenthesis: this ) has no matching ( (at column 8)",
        ),
        (
            ")",
            "bad query: unbalanced parenthesis: this ) has no matching ( (at column 1)",
        ),
        (
            "(",
            "bad query: unbalanced parenthesis: this ( is never closed (at column 1)",
        ),
        ("oil ()", "bad query: empty parentheses (at column 6)"),
        (
            "OR oil",
            "bad query: lone operator OR: it needs a term on both sides (at column 1)",
        ),
        (
            "oil OR",
            "bad query: lone operator OR: it needs a term on both sides (at column 5)",
        ),
        (
            "oil OR OR gas",
            "bad query: lone operator OR: it needs a term on both sides (at column 5)",
        ),
        (
            "AND oil",
            "bad query: lone operator AND: it needs a term on both sides (at column 1)",
        ),
        (
            "oil AND",
            "bad query: lone operator AND: it needs a term on both sides (at column 5)",
        ),
        (
            "oil NOT",
            "bad query: lone operator NOT: put a term after it (at column 5)",
        ),
        (
            "NOT",
            "bad query: lone operator NOT: put a term after it (at column 1)",
        ),
        (
            "(oil NOT)",
            "bad query: lone operator NOT: put a term after it (at column 6)",
        ),
        ("   ", "bad query: empty query"),
        ("", "bad query: empty query"),
    ];
    for (query, message) in cases {
        assert_eq!(err(query), message, "query {query:?}");
    }
}

#[test]
fn lexer_errors_come_through_parse() {
    assert_eq!(
        err("speaker:Peskov foo:bar"),
        "bad query: unknown field foo; fields are title, body, speaker, location, agency (at column 16)"
    );
    assert_eq!(
        err("\"Druzhba oil"),
        "bad query: unbalanced quote: this \" is never closed (at column 1)"
    );
}

#[test]
fn query_longer_than_1_kib_is_refused() {
    let long = "a ".repeat(600);
    assert_eq!(
        err(&long),
        "bad query: query is 1200 bytes long; the limit is 1024 (at column 1025)"
    );
    let megabyte = "x".repeat(1 << 20);
    assert!(err(&megabyte).starts_with("bad query: query is 1048576 bytes long"));
}

#[test]
fn nesting_deeper_than_32_is_refused() {
    let ok = format!("{}a{}", "(".repeat(31), ")".repeat(31));
    assert!(Query::parse(&ok).is_ok());
    let deep = format!("{}a{}", "(".repeat(40), ")".repeat(40));
    assert_eq!(
        err(&deep),
        "bad query: query nests deeper than 32 levels (at column 33)"
    );
    let nots = "NOT ".repeat(40) + "a";
    assert_eq!(
        err(&nots),
        "bad query: query nests deeper than 32 levels (at column 129)"
    );
}

#[test]
fn more_than_64_terms_is_refused() {
    let ok: Vec<String> = (0..64).map(|i| format!("w{i}")).collect();
    assert!(Query::parse(&ok.join(" ")).is_ok());
    let too_many: Vec<String> = (0..65).map(|i| format!("w{i}")).collect();
    let text = too_many.join(" ");
    let column = text.find("w64").unwrap() + 1;
    assert_eq!(
        err(&text),
        format!("bad query: query has more than 64 words (at column {column})")
    );
    // Phrase words count too.
    let phrase = format!("\"{}\"", ok.join(" ")) + " extra";
    assert_eq!(
        err(&phrase),
        format!(
            "bad query: query has more than 64 words (at column {})",
            phrase.len() - 4
        )
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text parses into a query or a bad-query error with a column inside the text
        /// (or just past it); never a panic.
        #[test]
        fn any_text_is_a_query_or_a_located_error(text in "[a-zA-Z \"()*:~0-9\\-ÄžЖ\u{7}]{0,80}") {
            match Query::parse(&text) {
                Ok(q) => prop_assert!(!q.positive_leaves().is_empty() || matches!(q.root, Node::Not(_) | Node::And(_) | Node::Or(_))),
                Err(Error::BadQuery { column, .. }) => {
                    if let Some(c) = column {
                        prop_assert!(c >= 1 && c <= text.chars().count() + 1, "column {c} for {text:?}");
                    }
                }
                Err(other) => prop_assert!(false, "unexpected error {other}"),
            }
        }

        /// Fully arbitrary strings never panic.
        #[test]
        fn arbitrary_strings_never_panic(text in any::<String>()) {
            let _ = Query::parse(&text);
        }
    }
}
