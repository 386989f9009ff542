//! Tests of body cleanup.

use super::*;

#[test]
fn one_paragraph_per_line_when_lines_end_sentences() {
    assert_eq!(
        paragraphs("Talks go on.\nMore talks.\n\"Yes,\" he said."),
        vec!["Talks go on.", "More talks.", "\"Yes,\" he said."]
    );
}

#[test]
fn hard_wrapped_lines_join_and_indent_splits() {
    let text = "    The dry period means the temporao will be late this\nyear, traders said.\n    Arrivals for the week were\n155,221 bags.\n";
    assert_eq!(
        paragraphs(text),
        vec![
            "The dry period means the temporao will be late this year, traders said.",
            "Arrivals for the week were 155,221 bags."
        ]
    );
}

#[test]
fn short_line_ending_a_sentence_ends_a_wrapped_paragraph() {
    let text = "The talks in Geneva ended on Thursday without a deal, the\nministry said.\nA second round is planned for March, officials said, and\nmore may follow.";
    assert_eq!(paragraphs(text).len(), 2);
}

#[test]
fn collapsing_closes_space_runs_and_drops_controls() {
    let run = |line: &str| {
        let mut out = String::new();
        push_collapsed(&mut out, line);
        out
    };
    assert_eq!(run("  a  b   c d  "), "a b c d");
    assert_eq!(run("a\tb \t c\u{3}d"), "a b cd");
    assert_eq!(run(&("word ".repeat(40) + "  x")), "word ".repeat(40) + "x");
    assert!(has_control(b"abc\x7f") && !has_control(b"plain text"));
}

#[test]
fn blank_lines_and_spaces_collapse() {
    assert_eq!(paragraphs(" a  b \n \n\n c\u{3} \n"), vec!["a b", "c"]);
}

#[test]
fn dateline_byline_notes_and_trailers_are_removed() {
    let text = " (Corrects spelling of name in paragraph 2) \n\n By Jane Doe \n\n LONDON  (Reuters) - Talks went on, she said. \n\n More text. (Reporting by Jane Doe; Editing by John Roe) \n";
    let parts = extract_body(text, true);
    assert_eq!(parts.body, "Talks went on, she said.\n\nMore text.");
    assert_eq!(parts.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(parts.dateline.unwrap().location.as_deref(), Some("LONDON"));
}

#[test]
fn reuter_sign_off_and_credit_paragraph_are_removed() {
    let parts = extract_body("Profits rose.\n    Shares fell.\n Reuter\n", true);
    assert_eq!(parts.body, "Profits rose.\n\nShares fell.");
    let parts = extract_body(
        "Profits rose.\n\nReporting by A. Name; Editing by B. Name\n",
        true,
    );
    assert_eq!(parts.body, "Profits rose.");
}

#[test]
fn sentence_starting_with_by_is_not_a_byline() {
    let parts = extract_body(
        "By winning Ohio, Kasich took all 66 delegates.\n\nMore.",
        true,
    );
    assert_eq!(parts.byline, None);
    assert!(parts.body.starts_with("By winning Ohio"));
}

#[test]
fn related_link_list_is_removed() {
    let parts = extract_body(
        "Story text here.\n\nRelated:\n\nSome headline\n\nAnother headline\n",
        true,
    );
    assert_eq!(parts.body, "Story text here.");
}

#[test]
fn dateline_after_deck_line_is_found_and_deck_kept() {
    let parts = extract_body(
        "A deck line about the story\n\nDALLAS (AP) — Text here.\n",
        true,
    );
    assert_eq!(parts.dateline.unwrap().location.as_deref(), Some("DALLAS"));
    assert_eq!(parts.body, "A deck line about the story\n\nText here.");
}
