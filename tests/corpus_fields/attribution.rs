//! Attribution traps of issue 3 (`corpus/016` to `corpus/020`): a quote over two paragraphs,
//! inverted "said Peskov", shared surnames, Peskov and Peskova, an organisation speaker.

use dateline::QuoteKind::{Direct, Indirect};
use dateline::ingest::names::surname_key;

use crate::common::*;

#[test]
fn quote_running_over_two_paragraphs_is_one_quote() {
    let name = "016_two_paragraph_quote.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(a.title, "Novak rules out selling oil under price cap");
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-03-12"));
    assert_eq!(a.location.as_deref(), Some("MOSCOW"));
    assert_eq!(a.agency.as_deref(), Some("Sputnik"));
    assert_body_edges(
        &a,
        "Russia will not sell oil to countries",
        "averaged 3.4 million barrels per day in February.",
    );
    assert_eq!(paragraphs(&a), 4);
    assert_eq!(names(&a.speakers), ["Alexander Novak"]);
    assert_eq!(
        person(&a, "Alexander Novak").role.as_deref(),
        Some("Deputy Prime Minister")
    );
    assert_eq!(kinds(&a), (2, 1));
    // Published on a Thursday: "said on Tuesday" is the Tuesday before.
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 3, 10)));
    assert_quote(
        &a.quotes[1],
        "Alexander Novak",
        Direct,
        "We will not accept the cap",
    );
    let long = &a.quotes[2];
    assert_eq!(
        (long.speaker.as_str(), long.kind),
        ("Alexander Novak", Direct)
    );
    assert!(
        long.text.starts_with("Companies that sell under the cap"),
        "{:?}",
        long.text
    );
    assert!(
        long.text.contains("\n\n"),
        "the quote spans the paragraph break: {:?}",
        long.text
    );
    assert!(
        long.text.ends_with("and it will not change."),
        "{:?}",
        long.text
    );
}

#[test]
fn inverted_said_peskov_attributes_both_statements() {
    let name = "017_inverted_said_peskov.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(a.title, "Kremlin sees no grounds for oil transit talks");
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-03-24"));
    assert_eq!(a.location.as_deref(), Some("MOSCOW"));
    assert_eq!(a.agency.as_deref(), Some("Sputnik"));
    assert_body_edges(
        &a,
        "Moscow sees no grounds for new talks",
        "has not given a date for restarting it.",
    );
    assert_eq!(names(&a.speakers), ["Dmitry Peskov"]);
    assert!(
        a.organisations.is_empty(),
        "\"the pipeline operator has not given\" is no statement"
    );
    let peskov = person(&a, "Dmitry Peskov");
    assert_eq!(peskov.role.as_deref(), Some("Kremlin spokesman"));
    assert!(
        peskov.aliases.iter().any(|x| x == "Peskov"),
        "aliases {:?}",
        peskov.aliases
    );
    assert_eq!(kinds(&a), (1, 1));
    assert_quote(
        &a.quotes[0],
        "Dmitry Peskov",
        Indirect,
        "Moscow sees no grounds for new talks on oil transit through Ukraine",
    );
    assert_quote(
        &a.quotes[1],
        "Dmitry Peskov",
        Direct,
        "There is nothing to discuss while the pumping stations are being shelled",
    );
    assert!(a.quotes.iter().all(|q| q.said_on.is_none()), "no day given");
}

#[test]
fn shared_surname_gives_two_people() {
    let name = "018_shared_surname.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "Britain halts new North Sea licences as industry warns of job losses"
    );
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-01-09"));
    assert_eq!(a.location.as_deref(), Some("LONDON"));
    assert_eq!(a.agency.as_deref(), Some("Bloomberg"));
    assert_body_edges(
        &a,
        "The government will not hand out new North Sea",
        "will be paid for in Aberdeen,\" Sarah Ellis told the BBC.",
    );
    assert_eq!(names(&a.speakers), ["Mark Ellis", "Sarah Ellis"]);
    assert!(a.organisations.is_empty());
    let (mark, sarah) = (person(&a, "Mark Ellis"), person(&a, "Sarah Ellis"));
    assert_eq!(mark.role.as_deref(), Some("Energy Secretary"));
    assert_eq!(
        sarah.role.as_deref(),
        Some("North Sea Producers Association chief executive")
    );
    assert_ne!(mark.key, sarah.key);
    assert_eq!(surname_key(&mark.name), surname_key(&sarah.name));
    assert_eq!((mark.quotes, sarah.quotes), (2, 2));
    assert_eq!(kinds(&a), (2, 2));
    let speakers: Vec<&str> = a.quotes.iter().map(|q| q.speaker.as_str()).collect();
    assert_eq!(
        speakers,
        ["Mark Ellis", "Mark Ellis", "Sarah Ellis", "Sarah Ellis"]
    );
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 1, 9)));
    assert_quote(
        &a.quotes[2],
        "Sarah Ellis",
        Indirect,
        "the decision would cost thousands of jobs",
    );
}

#[test]
fn peskov_and_peskova_are_different_people() {
    let name = "019_peskov_peskova.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "Moscow city deputy Peskova backs Kremlin line on oil claims"
    );
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-02-04"));
    assert_eq!(a.location.as_deref(), Some("MOSCOW"));
    assert_eq!(a.agency.as_deref(), Some("TASS"));
    assert_body_edges(
        &a,
        "The Kremlin will not discuss compensation",
        "was done on Ukrainian territory,\" Peskova told TASS.",
    );
    assert_eq!(names(&a.speakers), ["Dmitry Peskov", "Irina Peskova"]);
    assert!(a.organisations.is_empty());
    let (peskov, peskova) = (person(&a, "Dmitry Peskov"), person(&a, "Irina Peskova"));
    assert_eq!(peskov.role.as_deref(), Some("Kremlin spokesman"));
    assert_eq!(peskova.role.as_deref(), Some("Moscow City Duma deputy"));
    assert!(
        !peskov.aliases.iter().any(|x| x.contains("Peskova")),
        "aliases {:?}",
        peskov.aliases
    );
    assert!(
        !peskova.aliases.iter().any(|x| x == "Peskov"),
        "aliases {:?}",
        peskova.aliases
    );
    assert_ne!(
        surname_key(&peskov.name),
        surname_key(&peskova.name),
        "feminine form is not a variant"
    );
    assert_eq!(kinds(&a), (2, 2));
    let speakers: Vec<&str> = a.quotes.iter().map(|q| q.speaker.as_str()).collect();
    assert_eq!(
        speakers,
        [
            "Dmitry Peskov",
            "Dmitry Peskov",
            "Irina Peskova",
            "Irina Peskova"
        ]
    );
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 2, 4)));
    assert_quote(
        &a.quotes[2],
        "Irina Peskova",
        Indirect,
        "European buyers should address their claims to Kyiv",
    );
    assert_quote(
        &a.quotes[3],
        "Irina Peskova",
        Direct,
        "The damage was done on Ukrainian territory",
    );
}

#[test]
fn ministry_statement_is_an_organisation_speaker() {
    let name = "020_org_speaker.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(a.title, "India secures extra Russian crude for March");
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-02-18"));
    assert_eq!(a.location.as_deref(), Some("NEW DELHI"));
    assert_eq!(a.agency.as_deref(), Some("PTI"));
    assert_body_edges(
        &a,
        "State refiners have secured additional Russian",
        "1.6 million barrels per day last year.",
    );
    assert!(
        a.speakers.is_empty(),
        "no person speaks: {:?}",
        names(&a.speakers)
    );
    assert_eq!(names(&a.organisations), ["Petroleum Ministry"]);
    let ministry = organisation(&a, "Petroleum Ministry");
    assert_eq!(ministry.role, None);
    assert_eq!(
        ministry.quotes, 2,
        "\"The ministry said\" is the same organisation"
    );
    assert_eq!(kinds(&a), (0, 2));
    assert_quote(
        &a.quotes[0],
        "Petroleum Ministry",
        Indirect,
        "State refiners have secured additional Russian crude cargoes for March loading",
    );
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 2, 18)));
    assert_quote(
        &a.quotes[1],
        "Petroleum Ministry",
        Indirect,
        "the cargoes would be paid for in rupees and dirhams",
    );
}
