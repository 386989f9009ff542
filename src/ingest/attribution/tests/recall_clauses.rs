//! Recall on wire and political copy (issue 3), continued: participle clauses, party labels,
//! inverted descriptions, dash appositions, and bare surnames resolved through titles and
//! full names elsewhere in the story; each with a sentence of the same shape that must not
//! yield a speaker.

use super::recall::{direct, indirect, run};

#[test]
fn participle_clause_speaks_for_the_subject() {
    let (names, quotes) = run(
        "Carly Fiorina threw her support behind Ted Cruz on Wednesday, saying it is time for a real conservative.",
    );
    assert_eq!(names, ["Carly Fiorina"]);
    assert_eq!(quotes, [indirect("it is time for a real conservative")]);
}

#[test]
fn participle_with_a_listener_skips_it() {
    let (names, quotes) =
        run("Marco Rubio called Trump on Monday, telling reporters that the race was over.");
    assert_eq!(names, ["Marco Rubio"]);
    assert_eq!(quotes, [indirect("the race was over")]);
}

#[test]
fn participle_after_a_role_word_or_possessive_is_no_statement() {
    for body in [
        "Trump campaign manager Corey Lewandowski rejected the idea, saying the crowds were huge.",
        "Trump's campaign issued a statement, saying the report was false.",
        "Hillary Clinton won the primary on Tuesday, warning of a long fight.",
        "Donald Trump and Ted Cruz attacked the plan, saying it would fail.",
    ] {
        let (names, quotes) = run(body);
        assert!(names.is_empty(), "{body}: {names:?}");
        assert!(quotes.is_empty(), "{body}: {quotes:?}");
    }
}

#[test]
fn state_label_before_an_apposition() {
    let (names, quotes) = run(
        "Rep. Sander M. Levin (Mich.), a superdelegate supporting Clinton, said he has spoken with many.",
    );
    assert_eq!(names, ["Sander M. Levin"]);
    assert_eq!(quotes, [indirect("he has spoken with many")]);
}

#[test]
fn parenthesis_of_words_is_no_party_label() {
    let (names, _) = run(
        "Jeff Bechdel, chairman of America Rising (a Republican PAC), tweeted that the shirts were real.",
    );
    assert_eq!(names, ["Jeff Bechdel"]);
}

#[test]
fn preposition_ending_in_ing_opens_no_apposition() {
    let (names, _) = run(
        "Mr. Obama warned the Chinese leader, Xi Jinping, during their meeting not to move, said an American official.",
    );
    // Obama warned; the leader he warned said nothing.
    assert_eq!(names, ["Obama"]);
}

#[test]
fn inverted_description_then_name() {
    let (names, quotes) = run(
        "\u{201c}We're anxious,\u{201d} said another Twitter user, Johanna Bayer. \u{201c}The attacks are closer.\u{201d}",
    );
    assert_eq!(names, ["Johanna Bayer"]);
    assert_eq!(
        quotes,
        [direct("We're anxious"), direct("The attacks are closer.")]
    );
}

#[test]
fn inverted_description_without_a_name_is_no_source() {
    let (names, quotes) = run("\u{201c}We're anxious,\u{201d} said a spokesman, adding more.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn role_of_a_named_organisation_before_the_name() {
    let (names, quotes) = run(
        "On Wednesday, the director of the Federal Bureau of Investigation, James B. Comey, said that the messages were private.",
    );
    assert_eq!(names, ["James B. Comey"]);
    assert_eq!(quotes, [indirect("the messages were private")]);
}

#[test]
fn organisation_then_a_place_between_commas_is_no_person() {
    let (names, _) = run("Officials at the Bank of England, London Bridge, said rates would rise.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn bare_surname_called_by_a_title_elsewhere_is_a_person() {
    let (names, quotes) = run(
        "President Obama spoke at the White House.\n\n\u{201c}We will not be terrorized,\u{201d} Obama said.",
    );
    assert_eq!(names, ["Obama"]);
    assert_eq!(quotes, [direct("We will not be terrorized")]);
}

#[test]
fn bare_word_without_a_title_stays_unknown() {
    let (names, quotes) = run(
        "The president spoke at the White House.\n\nCaterpillar said it would not be terrorized.",
    );
    // Right after a quotation a bare word may be a person (`recall_bare`); here it is not.
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn full_name_before_a_curly_possessive_resolves_a_surname() {
    let (names, quotes) = run(
        "Critics seized on Donald Trump\u{2019}s claim.\n\n\u{201c}It was sarcasm,\u{201d} Trump said.",
    );
    assert_eq!(names, ["Donald Trump"]);
    assert_eq!(quotes, [direct("It was sarcasm")]);
}

#[test]
fn longer_word_with_a_curly_apostrophe_is_no_full_name() {
    let (names, _) = run(
        "Critics seized on Donald Trumpet\u{2019}s claim.\n\n\u{201c}It was sarcasm,\u{201d} Trump said.",
    );
    // The bare surname next to the quotation stands alone; it is no part of `Donald Trumpet`.
    assert_eq!(names, ["Trump"]);
}

#[test]
fn full_name_after_a_no_break_space_resolves_a_surname() {
    let (names, quotes) = run(
        "Republican\u{a0}nominee\u{a0}Donald Trump spoke.\n\n\u{201c}It was sarcasm,\u{201d} Trump said.",
    );
    assert_eq!(names, ["Donald Trump"]);
    assert_eq!(quotes, [direct("It was sarcasm")]);
}

#[test]
fn capitalised_role_noun_is_no_given_name() {
    let (names, _) =
        run("Actress Rosario Dawson spoke in Ohio.\n\n\u{201c}I voted,\u{201d} Dawson said.");
    assert_eq!(names, ["Rosario Dawson"]);
}

#[test]
fn apposition_opened_by_a_modified_role() {
    let (names, quotes) = run(
        "Sarah Warbelow, legal director for the gay rights group Human Rights Campaign, said in a statement that it was wrong.",
    );
    assert_eq!(names, ["Sarah Warbelow"]);
    assert_eq!(quotes, [indirect("it was wrong")]);
    let (names, _) = run(
        "Chris Covert, South Carolina director for Sanders, said the campaign has opened an office.",
    );
    assert_eq!(names, ["Chris Covert"]);
}

#[test]
fn apposition_without_a_role_early_describes_nobody() {
    let (names, _) = run("Voters, tired of the long campaign and its director, said little.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn governed_organisation_with_its_own_apposition() {
    let (names, quotes) = run(
        "Alixandria Lapp, executive director of the House Majority PAC, a Democratic super PAC, said she thinks it will work.",
    );
    assert_eq!(names, ["Alixandria Lapp"]);
    assert_eq!(quotes, [indirect("she thinks it will work")]);
}

#[test]
fn middle_initial_a_is_part_of_the_name() {
    let (names, quotes) =
        run("James A. Lewis, a former government expert, said the hackers left no trace.");
    assert_eq!(names, ["James A. Lewis"]);
    assert_eq!(quotes, [indirect("the hackers left no trace")]);
}

#[test]
fn article_a_is_no_initial() {
    let (names, _) =
        run("A Lewis relative, a former government expert, said the hackers left no trace.");
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn apposition_between_dashes() {
    let (names, quotes) = run(
        "Reached by phone on Tuesday, Lawrence Joyce \u{2014} who is listed as an attorney in Illinois \u{2014} told The Huffington Post he is not planning an appeal.",
    );
    assert_eq!(names, ["Lawrence Joyce"]);
    assert_eq!(quotes, [indirect("he is not planning an appeal")]);
}

#[test]
fn name_opening_a_dash_apposition() {
    let (names, quotes) = run(
        "A former Republican presidential candidate -- John McCain, who lost the 2008 election -- said the president offered no changes.",
    );
    assert_eq!(names, ["John McCain"]);
    assert_eq!(quotes, [indirect("the president offered no changes")]);
}

#[test]
fn dash_aside_after_a_thing_is_no_source() {
    let (names, quotes) =
        run("The plan \u{2014} a long shot at best \u{2014} said nothing about taxes.");
    assert!(names.is_empty(), "{names:?}");
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn according_to_a_work_by_a_person() {
    let (names, quotes) = run(
        "Sotomayor became the most liberal justice, according to an analysis by Lee Epstein, a law professor.",
    );
    assert_eq!(names, ["Lee Epstein"]);
    assert_eq!(
        quotes,
        [indirect("Sotomayor became the most liberal justice")]
    );
}

#[test]
fn according_to_a_work_by_an_institution_names_no_person() {
    let (names, _) = run("Turnout fell sharply, according to a poll by Quinnipiac University.");
    assert!(names.is_empty(), "{names:?}");
}
