//! Recall, third round: subjects whose name is followed by a home state, a party label or an
//! apposition before a participle clause, and titled names whose surname is an organisation
//! word. Each shape with a sentence of the same form that must not yield a speaker.

use super::recall::{direct, indirect, run};

#[test]
fn subject_with_home_state_before_participle() {
    let (names, quotes) = run(
        "Senator Bernie Sanders of Vermont endorsed Mrs. Clinton, saying that his rival would win.",
    );
    assert_eq!(names, ["Bernie Sanders"]);
    assert_eq!(quotes, [indirect("his rival would win")]);
}

#[test]
fn organisation_with_of_before_participle_is_no_speaker() {
    let (names, quotes) = run("The Bank of America raised rates, saying inflation was high.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn subject_with_party_label_before_participle() {
    let (names, quotes) = run("Sen. Ted Cruz (R-TX) blasted the deal, saying it was a disaster.");
    assert_eq!(names, ["Ted Cruz"]);
    assert_eq!(quotes, [indirect("it was a disaster")]);
}

#[test]
fn subject_with_apposition_before_participle() {
    let (names, quotes) = run(
        "Gary Emineth, a former state party chairman, endorsed Cruz, saying he would vote for him.",
    );
    assert_eq!(names, ["Gary Emineth"]);
    assert_eq!(quotes, [indirect("he would vote for him")]);
}

#[test]
fn place_with_apposition_before_participle_is_no_speaker() {
    let (names, quotes) = run("Voters in Ohio, a swing state, backed Trump, saying he would win.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn titled_name_whose_surname_is_an_organisation_word() {
    let (names, quotes) = run(
        "\"There is no bad publicity,\" said Atlantic City Mayor Don Guardian in an interview.",
    );
    assert_eq!(names, ["Don Guardian"]);
    assert_eq!(quotes, [direct("There is no bad publicity")]);
}

#[test]
fn organisation_after_a_portfolio_word_stays_an_organisation() {
    let a = crate::ingest::attribution::attribute(
        "The Federal Reserve Bank said rates would rise.",
        None,
    );
    assert!(a.speakers.is_empty(), "{:?}", a.speakers);
    let orgs: Vec<_> = a.organisations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(orgs, ["Reserve Bank"]);
}

#[test]
fn whip_is_a_title() {
    let (names, quotes) = run(
        "\"It takes an election,\" said Senate Minority Whip Dick Durbin (D-Ill.) in an interview.",
    );
    assert_eq!(names, ["Dick Durbin"]);
    assert_eq!(quotes, [direct("It takes an election")]);
}

#[test]
fn weekday_between_subject_and_cue() {
    let (names, quotes) = run(
        "Reince Priebus spoke first. Priebus later Thursday told Fox News that both would meet.",
    );
    assert_eq!(names, ["Reince Priebus"]);
    assert_eq!(quotes, [indirect("both would meet")]);
}

#[test]
fn weekday_before_a_non_speech_verb_is_no_statement() {
    let (names, quotes) =
        run("Exxon Mobil on Sunday continued cleanup of a pipeline spill in Arkansas.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn adding_that_carries_the_subjects_statement() {
    let (names, quotes) =
        run("Jeff Weaver spoke first. Weaver declined to speculate, adding that he would rest.");
    assert_eq!(names, ["Jeff Weaver"]);
    assert_eq!(quotes, [indirect("he would rest")]);
}

#[test]
fn adding_to_is_no_statement() {
    let (names, quotes) =
        run("Jeff Weaver spoke first. Weaver refused to comment, adding to the confusion.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn possessive_role_before_a_full_name() {
    let (names, quotes) =
        run("\"We will chip away at her lead,\" added his campaign manager Jeff Weaver.");
    assert_eq!(names, ["Jeff Weaver"]);
    assert_eq!(quotes, [direct("We will chip away at her lead")]);
}

#[test]
fn possessive_without_a_role_noun_is_no_source() {
    let (names, quotes) = run("\"We will chip away at her lead,\" added his old pal Jeff Weaver.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn alderman_and_hyphenated_titles_open_a_name() {
    let (names, _) = run(
        "\"People are angry,\" said Chicago Alderman Jason C. Ervin. \"We had a big issue,\" \
         said United Auto Workers Secretary-Treasurer Gary Casteel.",
    );
    assert_eq!(names, ["Jason C. Ervin", "Gary Casteel"]);
}

#[test]
fn organisation_without_a_title_stays_an_organisation() {
    let a = crate::ingest::attribution::attribute(
        "\"We had a big issue,\" said United Auto Workers.",
        None,
    );
    assert!(a.speakers.is_empty(), "{:?}", a.speakers);
    let orgs: Vec<_> = a.organisations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(orgs, ["United Auto Workers"]);
}

#[test]
fn organisations_capitalised_title_before_an_apposed_name() {
    let (names, quotes) =
        run("The Podesta Group's CEO, Kimberley Fritts, said the two firms had coordinated.");
    assert_eq!(names, ["Kimberley Fritts"]);
    assert_eq!(quotes, [indirect("the two firms had coordinated")]);
}

#[test]
fn organisations_capitalised_noun_before_a_list_is_no_source() {
    let (names, quotes) =
        run("The Podesta Group's Board, Tony Podesta and others, said nothing of the deal.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn long_interjection_between_name_and_cue() {
    let (names, quotes) = run(
        "Washington Post columnist Margaret Sullivan, in an attempt to draw attention to the \
         lack of press conferences, wrote that the candidate was opaque.",
    );
    assert_eq!(names, ["Margaret Sullivan"]);
    assert_eq!(quotes, [indirect("the candidate was opaque")]);
}

#[test]
fn long_interjection_after_a_common_noun_is_no_person() {
    let (names, _) = run(
        "The report, in an attempt to draw attention to the lack of press conferences, \
         wrote that the candidate was opaque.",
    );
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn medium_phrase_between_subject_and_cue() {
    let (names, quotes) = run("Jeb Bush in a Medium post said he would appoint judges.");
    assert_eq!(names, ["Jeb Bush"]);
    assert_eq!(quotes, [indirect("he would appoint judges")]);
}

#[test]
fn place_phrase_without_a_determiner_is_no_medium() {
    let (names, quotes) = run("Voters in New Hampshire said the race was close.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}
