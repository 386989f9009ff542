//! Recall, third round: naming verbs (`called Trump "unhinged"`, `calls her record a
//! "blueprint"`) report the quotation their object is given; without one (`called for a
//! ban`, `calls for a "shutdown"`) `calls` and `calling` report nothing.

use super::recall::{direct, run};

#[test]
fn called_names_its_object_with_a_quotation() {
    let (names, quotes) = run("Former Florida Gov. Jeb Bush called Trump \"unhinged.\"");
    assert_eq!(names, ["Jeb Bush"]);
    assert_eq!(quotes, [direct("unhinged.")]);
}

#[test]
fn calls_with_a_quotation_inside_the_sentence() {
    let (names, quotes) =
        run("Her chief policy aide, Jake Sullivan, calls her record a \"blueprint\" for new jobs.");
    assert_eq!(names, ["Jake Sullivan"]);
    assert_eq!(quotes, [direct("blueprint")]);
}

#[test]
fn calls_for_with_a_quotation_is_no_statement() {
    let (names, quotes) =
        run("Trump calls for a \"total and complete shutdown\" of Muslims entering the country.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn calls_without_a_quotation_is_no_statement() {
    let (names, quotes) = run("Geraldo Rivera calls his producer every morning at six.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}
