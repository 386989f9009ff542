//! Recall on wire and political copy (issue 3): each source shape that used to be missed, with
//! the exact speaker and statement, and a sentence of the same shape that must not yield one.

use super::{check_invariants, speakers};
use crate::article::QuoteKind;
use crate::ingest::attribution::attribute;

/// Speakers and (kind, text) of every quote in `body`, invariants checked.
pub(super) fn run(body: &str) -> (Vec<String>, Vec<(QuoteKind, String)>) {
    let a = attribute(body, None);
    check_invariants(body, &a);
    let names = speakers(&a).into_iter().map(String::from).collect();
    let quotes = a.quotes.iter().map(|q| (q.kind, q.text.clone())).collect();
    (names, quotes)
}

pub(super) fn indirect(s: &str) -> (QuoteKind, String) {
    (QuoteKind::Indirect, s.to_string())
}

pub(super) fn direct(s: &str) -> (QuoteKind, String) {
    (QuoteKind::Direct, s.to_string())
}

#[test]
fn surname_that_is_a_title_ends_a_name() {
    let (names, quotes) =
        run("Charlie King, a former party director, said the group would focus on five states.");
    assert_eq!(names, ["Charlie King"]);
    assert_eq!(quotes, [indirect("the group would focus on five states")]);
}

#[test]
fn title_after_a_determiner_is_no_name() {
    let (names, quotes) = run("The Saudi King said the talks would go on.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn party_label_before_a_stray_comma() {
    let (names, quotes) = run("Gov. John Kasich (R-OH), said the party would unite.");
    assert_eq!(names, ["John Kasich"]);
    assert_eq!(quotes, [indirect("the party would unite")]);
}

#[test]
fn parenthesis_after_a_common_noun_is_no_source() {
    let (names, quotes) = run("The bill (HR 2), said to cost millions, passed on Friday.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn party_label_before_an_apposition() {
    let (names, quotes) = run(
        "Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said the process was open.",
    );
    assert_eq!(names, ["Elijah Cummings"]);
    assert_eq!(quotes, [indirect("the process was open")]);
}

#[test]
fn person_of_a_place_before_an_apposition() {
    let (names, quotes) =
        run("Rep. Lee Zeldin of New York, a Trump supporter, said it will help the speaker.");
    assert_eq!(names, ["Lee Zeldin"]);
    assert_eq!(quotes, [indirect("it will help the speaker")]);
}

#[test]
fn people_in_a_place_are_not_a_speaker() {
    let (names, _) = run("Voters in New York, a Democratic stronghold, said they were tired.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn inverted_source_with_a_party_role() {
    let (names, quotes) =
        run("\u{201c}It gets you off message,\u{201d} said Republican party boss Reince Priebus.");
    assert_eq!(names, ["Reince Priebus"]);
    assert_eq!(quotes, [direct("It gets you off message")]);
}

#[test]
fn inverted_party_plural_is_no_source() {
    let (names, quotes) = run("\u{201c}It gets you off message,\u{201d} said Republican voters.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn inverted_source_with_a_long_role() {
    let (names, quotes) = run(
        "\u{201c}This is a security issue,\u{201d} said Clinton's top foreign policy aide Jake Sullivan.",
    );
    assert_eq!(names, ["Jake Sullivan"]);
    assert_eq!(quotes, [direct("This is a security issue")]);
}

#[test]
fn inverted_lower_case_words_without_a_role_are_no_source() {
    let (names, _) =
        run("\u{201c}This is a security issue,\u{201d} said many top foreign policy experts.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn relative_clause_ending_in_an_organisation_noun() {
    let (names, quotes) =
        run("Roy M. Neel, who managed Al Gore's campaign, said women disliked her.");
    assert_eq!(names, ["Roy M. Neel"]);
    assert_eq!(quotes, [indirect("women disliked her")]);
}

#[test]
fn apposition_naming_a_company_is_still_an_organisation() {
    let (names, _) = run("Teck, the Canadian mining company, said output fell.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn company_governed_by_a_role_is_not_the_source() {
    let (names, quotes) = run(
        "Matthew Prince, chief executive of CloudFlare, a San Francisco company, said the sites were pro-Kurdish.",
    );
    assert_eq!(names, ["Matthew Prince"]);
    assert_eq!(quotes, [indirect("the sites were pro-Kurdish")]);
}

#[test]
fn role_of_a_portfolio_before_the_name() {
    let (names, quotes) = run("Secretary of State John Kerry said the deal held.");
    assert_eq!(names, ["John Kerry"]);
    assert_eq!(quotes, [indirect("the deal held")]);
}

#[test]
fn organisation_of_a_place_is_no_person() {
    let (names, _) = run("The Bank of England said rates would rise.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn name_of_an_organisation_between_commas() {
    let (names, quotes) = run(
        "Another pollster, David Woodard of Clemson University, said his survey showed support holding.",
    );
    assert_eq!(names, ["David Woodard"]);
    assert_eq!(quotes, [indirect("his survey showed support holding")]);
}

#[test]
fn organisation_between_commas_is_no_person() {
    let (names, _) = run("Another pollster, the University of Iowa, said support held.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn participle_clause_apposition() {
    let (names, quotes) = run(
        "Florida delegate John Archer, wearing a Sanders T-shirt, said he is proud of the campaign.",
    );
    assert_eq!(names, ["John Archer"]);
    assert_eq!(quotes, [indirect("he is proud of the campaign")]);
}

#[test]
fn participle_clause_after_a_group_is_no_source() {
    let (names, _) = run("The crowd, wearing Sanders T-shirts, said little.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn of_course_between_commas_is_an_interjection() {
    let (names, quotes) = run(
        "Dow's chief executive, Andrew Liveris, of course, said that the timing was unrelated.",
    );
    assert_eq!(names, ["Andrew Liveris"]);
    assert_eq!(quotes, [indirect("the timing was unrelated")]);
}

#[test]
fn source_alone_after_a_quotation_ending_its_sentence() {
    let (names, quotes) = run(
        "Hillary Clinton spoke in Ohio. \u{201c}He made the ultimate sacrifice, didn't he?\u{201d} Mrs. Clinton said.",
    );
    assert_eq!(names, ["Hillary Clinton"]);
    assert_eq!(
        quotes,
        [direct("He made the ultimate sacrifice, didn't he?")]
    );
}

#[test]
fn source_after_a_paragraph_break_takes_no_quotation() {
    let (names, quotes) = run(
        "Hillary Clinton spoke in Ohio. \u{201c}He made the ultimate sacrifice.\u{201d}\n\nMrs. Clinton said.",
    );
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}
