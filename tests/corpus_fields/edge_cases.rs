//! Edge cases of issue 3 about missing parts and bytes (`corpus/011` to `corpus/015`): no
//! dateline, no date, CRLF, Latin-1, BOM.

use dateline::QuoteKind::{Direct, Indirect};
use dateline::ingest::names::speaker_key;

use crate::common::*;

#[test]
fn story_without_dateline_keeps_dmitri_spelling_on_peskov_key() {
    let name = "011_no_dateline.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "Kremlin declines to comment on Druzhba insurance claims"
    );
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-01-20"));
    assert_eq!(
        (
            a.location.as_deref(),
            a.region.as_deref(),
            a.agency.as_deref()
        ),
        (None, None, None)
    );
    assert_body_edges(
        &a,
        "The Kremlin has no information about insurance",
        "since the outage began.",
    );
    assert_eq!(
        names(&a.speakers),
        ["Dmitri Peskov"],
        "the name as this story spells it"
    );
    assert!(a.organisations.is_empty());
    let peskov = person(&a, "Dmitri Peskov");
    assert_eq!(peskov.role.as_deref(), Some("Kremlin spokesman"));
    assert_eq!(
        peskov.key,
        speaker_key("Dmitry Peskov"),
        "Dmitri and Dmitry share one key"
    );
    assert_eq!(kinds(&a), (1, 1));
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 1, 20)));
    assert_quote(
        &a.quotes[1],
        "Dmitri Peskov",
        Direct,
        "This is a commercial matter for the companies involved",
    );
    assert!(
        a.warnings.is_empty(),
        "no dateline is a valid outcome: {:?}",
        a.warnings
    );
}

#[test]
fn story_without_any_date_is_kept_with_a_warning() {
    let name = "012_no_date.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "Shipping analysts warn of ice-class tanker shortage in Baltic"
    );
    assert_eq!(a.published, None);
    assert_eq!(a.location.as_deref(), Some("LONDON"));
    assert_eq!(a.agency.as_deref(), Some("Reuters"));
    assert_body_edges(
        &a,
        "A shortage of ice-class tankers could delay",
        "have doubled in two weeks.",
    );
    assert!(
        a.warnings.iter().any(|w| w.to_lowercase().contains("date")),
        "expected a warning about the missing date, got {:?}",
        a.warnings
    );
    assert_eq!(names(&a.speakers), ["Henrik Lund"]);
    assert_eq!(
        person(&a, "Henrik Lund").role.as_deref(),
        Some("shipping analyst")
    );
    assert_eq!(kinds(&a), (1, 1));
    assert!(
        a.quotes.iter().all(|q| q.said_on.is_none()),
        "no publication date to resolve against"
    );
    assert_quote(
        &a.quotes[1],
        "Henrik Lund",
        Direct,
        "Every ice-class vessel in the region is already booked",
    );
}

#[test]
fn crlf_story_and_according_to_attributions() {
    let name = "013_crlf_according_to.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "Russia expects Druzhba volumes to recover by spring"
    );
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-01-15"));
    assert_eq!(a.location.as_deref(), Some("MOSCOW"));
    assert_eq!(a.agency.as_deref(), Some("RIA Novosti"));
    assert_body_edges(
        &a,
        "Russian oil exports through the Druzhba pipeline",
        "fell by about a third in December.",
    );
    assert_eq!(
        paragraphs(&a),
        3,
        "CRLF blank lines still separate paragraphs"
    );
    assert_eq!(names(&a.speakers), ["Pavel Orlov"]);
    assert!(a.organisations.is_empty());
    assert_eq!(
        person(&a, "Pavel Orlov").role.as_deref(),
        Some("Deputy Prime Minister")
    );
    assert_eq!(kinds(&a), (0, 2));
    assert_quote(
        &a.quotes[0],
        "Pavel Orlov",
        Indirect,
        "Russian oil exports through the Druzhba pipeline will return to normal volumes by April",
    );
    assert_quote(
        &a.quotes[1],
        "Pavel Orlov",
        Indirect,
        "the repair schedule agreed with Hungarian and Slovak operators is being met",
    );
}

#[test]
fn latin1_bytes_are_decoded_not_lost() {
    let name = "014_latin1.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "Germany's Köhler says gas storage levy will end in April"
    );
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-02-10"));
    assert_eq!(a.location.as_deref(), Some("BERLIN"));
    assert_eq!(a.agency.as_deref(), Some("dpa"));
    assert_body_edges(
        &a,
        "Germany will scrap its gas storage levy",
        "to a typical household bill.",
    );
    assert!(
        a.body.contains("in Düsseldorf") && a.body.contains("at a café"),
        "accented words"
    );
    assert_eq!(names(&a.speakers), ["Jürgen Köhler"]);
    let kohler = person(&a, "Jürgen Köhler");
    assert_eq!(kohler.role.as_deref(), Some("Economy Minister"));
    assert!(
        kohler.key.is_ascii(),
        "keys fold to ASCII: {:?}",
        kohler.key
    );
    assert_eq!(kinds(&a), (1, 1));
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 2, 10)));
    assert_quote(
        &a.quotes[1],
        "Jürgen Köhler",
        Direct,
        "The levy did its job, and consumers will see the difference on their bills",
    );
}

#[test]
fn utf8_bom_is_not_part_of_the_title() {
    let name = "015_utf8_bom.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(a.title, "Kansai utilities restart idle gas-fired units");
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-01-28"));
    assert_eq!(a.location.as_deref(), Some("OSAKA"));
    assert_eq!(a.agency.as_deref(), Some("Kyodo"));
    assert_body_edges(
        &a,
        "Two utilities in western Japan will restart",
        "had been mothballed since 2023.",
    );
    assert_eq!(names(&a.speakers), ["Kenji Sato"]);
    assert_eq!(
        person(&a, "Kenji Sato").role.as_deref(),
        Some("industry minister")
    );
    assert_eq!(kinds(&a), (1, 1));
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 1, 28)));
    assert_quote(
        &a.quotes[1],
        "Kenji Sato",
        Direct,
        "We must keep the lights on while the reactors are inspected",
    );
}
