//! Recall, third round: a bare surname right next to a quotation (`"...," Hale said`) is the
//! speaker even when the story never gives a first name; bare words elsewhere, lexicon words
//! and names the story keeps repeating (companies) are not.

use super::recall::{direct, run};

#[test]
fn bare_surname_after_a_quotation() {
    let (names, quotes) = run("\"They took his slogan and gave it to Trump,\" Hale said.");
    assert_eq!(names, ["Hale"]);
    assert_eq!(
        quotes,
        [direct("They took his slogan and gave it to Trump")]
    );
}

#[test]
fn bare_surname_after_an_inverted_cue() {
    let (names, quotes) = run("\"She goes home. That is it,\" said Tiegen.");
    assert_eq!(names, ["Tiegen"]);
    assert_eq!(quotes, [direct("She goes home. That is it")]);
}

#[test]
fn bare_surname_without_a_quotation_is_no_speaker() {
    let (names, quotes) = run("Hale said the slogan had been taken.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn party_name_after_a_quotation_is_no_person() {
    let (names, _) = run("\"We will win this fight,\" Republicans said.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn repeated_company_name_after_a_quotation_is_no_person() {
    let (names, _) = run(
        "Samsung makes phones. Samsung sells chips. Samsung's shares rose. \
         \"We will appeal the ruling,\" Samsung said.",
    );
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn name_governing_of_after_a_quotation_is_no_person() {
    let (names, _) = run("\"Mergers bring chances,\" wrote Banc of America.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn bare_surname_opening_a_sentence_before_a_quotation() {
    let (names, quotes) = run("Tuttle added, \"There are worse relationships.\"");
    assert_eq!(names, ["Tuttle"]);
    assert_eq!(quotes, [direct("There are worse relationships.")]);
}

#[test]
fn bare_surname_after_a_quotation_that_closed_its_sentence() {
    let (names, quotes) = run("\"We are tired of being told it is offensive!\" Cruz said.");
    assert_eq!(names, ["Cruz"]);
    assert_eq!(
        quotes,
        [direct("We are tired of being told it is offensive!")]
    );
}

#[test]
fn common_noun_opening_a_sentence_is_no_person() {
    // `critics` in lower case elsewhere: the capital is only the sentence's.
    let (names, _) =
        run("The critics were loud. Critics added, \"There are worse relationships.\"");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn determiner_opening_a_sentence_is_no_person() {
    let (names, _) = run("Another added, \"There are worse relationships.\"");
    assert!(names.is_empty(), "{names:?}");
}
