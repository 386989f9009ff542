//! Recall on wire and political copy (issue 3): each source shape that used to be missed, with
//! the exact speaker and statement, and a sentence of the same shape that must not yield one.

use super::{check_invariants, speakers};
use crate::article::QuoteKind;
use crate::ingest::attribution::attribute;

/// Speakers and (kind, text) of every quote in `body`, invariants checked.
fn run(body: &str) -> (Vec<String>, Vec<(QuoteKind, String)>) {
    let a = attribute(body, None);
    check_invariants(body, &a);
    let names = speakers(&a).into_iter().map(String::from).collect();
    let quotes = a.quotes.iter().map(|q| (q.kind, q.text.clone())).collect();
    (names, quotes)
}

fn indirect(s: &str) -> (QuoteKind, String) {
    (QuoteKind::Indirect, s.to_string())
}

fn direct(s: &str) -> (QuoteKind, String) {
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
        "The president spoke at the White House.\n\n\u{201c}We will not be terrorized,\u{201d} Caterpillar said.",
    );
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
    assert!(names.is_empty(), "{names:?}");
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
