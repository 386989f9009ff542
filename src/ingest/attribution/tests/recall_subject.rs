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
