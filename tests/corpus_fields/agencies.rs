//! Dateline styles of issue 3, part one (`corpus/001` to `corpus/005`): Reuters, no agency,
//! TASS and Xinhua.

use dateline::QuoteKind::{Direct, Indirect};

use crate::common::*;

#[test]
fn reuters_kyiv_dateline_byline_and_trailer() {
    let name = "001_reuters_kyiv.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(a.title, "Ukraine says Druzhba repairs will take weeks");
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-02-26"));
    assert_eq!(a.location.as_deref(), Some("KYIV"));
    assert_eq!(a.region, None);
    assert_eq!(a.agency.as_deref(), Some("Reuters"));
    assert_eq!(a.byline.as_deref(), Some("Marta Kovalenko"));
    assert_eq!(a.url, None);
    assert_body_edges(
        &a,
        "Repairs to the damaged section of the Druzhba",
        "Oil prices were little changed on the news.",
    );
    assert_eq!(paragraphs(&a), 5);
    for debris in [
        "Reporting by",
        "Editing by",
        "By Marta",
        "KYIV",
        "February 26, 2026",
    ] {
        assert!(!a.body.contains(debris), "body keeps {debris:?}");
    }
    assert_eq!(names(&a.speakers), ["Taras Melnyk"]);
    assert!(a.organisations.is_empty());
    let melnyk = person(&a, "Taras Melnyk");
    assert_eq!(melnyk.role.as_deref(), Some("Energy Minister"));
    assert!(
        melnyk.aliases.iter().any(|x| x == "Melnyk"),
        "aliases {:?}",
        melnyk.aliases
    );
    assert_eq!(kinds(&a), (1, 2));
    assert_quote(
        &a.quotes[0],
        "Taras Melnyk",
        Indirect,
        "Repairs to the damaged section of the Druzhba oil pipeline in western Ukraine will take at least three weeks",
    );
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 2, 26)));
    assert_quote(
        &a.quotes[1],
        "Taras Melnyk",
        Direct,
        "The crews are working around the clock, but the pumping station needs new equipment that we do not have in stock",
    );
    assert_quote(
        &a.quotes[2],
        "Taras Melnyk",
        Indirect,
        "deliveries to both countries would resume in stages once pressure tests were complete",
    );
    assert!(a.warnings.is_empty(), "warnings {:?}", a.warnings);
}

#[test]
fn tokyo_dateline_without_agency_and_zoned_time() {
    let name = "002_tokyo_no_agency.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "Japan ready to release oil reserves if Gulf shipping stalls"
    );
    assert_eq!(
        rfc3339(&a.published).as_deref(),
        Some("2026-03-17T09:30:00+09:00")
    );
    assert_eq!(a.location.as_deref(), Some("TOKYO"));
    assert_eq!((a.region.as_deref(), a.agency.as_deref()), (None, None));
    assert_eq!((a.byline.as_deref(), a.url.as_deref()), (None, None));
    assert_body_edges(
        &a,
        "Japan is ready to release crude from its national",
        "with the International Energy Agency.",
    );
    assert!(
        !a.body.contains("JST") && !a.body.contains("TOKYO, March 17"),
        "dateline or date line kept"
    );
    assert_eq!(names(&a.speakers), ["Haruto Mori"]);
    assert!(a.organisations.is_empty());
    assert_eq!(
        person(&a, "Haruto Mori").role.as_deref(),
        Some("Chief Cabinet Secretary")
    );
    assert_eq!(kinds(&a), (1, 2));
    assert_eq!(
        a.quotes[0].said_on,
        Some(day(2026, 3, 17)),
        "said on Tuesday, published Tuesday"
    );
    assert_quote(
        &a.quotes[1],
        "Haruto Mori",
        Direct,
        "We have 240 days of reserves and we will use them without hesitation if supplies are interrupted",
    );
    assert_quote(
        &a.quotes[2],
        "Haruto Mori",
        Indirect,
        "Tokyo would coordinate any release with the International Energy Agency",
    );
}

#[test]
fn tass_dateline_and_she_added_that() {
    let name = "003_tass_moscow.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    // A "Name: ..." headline is not a source hint; only a trailing " - Source" is.
    assert_eq!(
        a.title,
        "Zakharova: Druzhba attacks threaten European energy security"
    );
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-02-26"));
    assert_eq!(a.location.as_deref(), Some("MOSCOW"));
    assert_eq!(a.region, None);
    assert_eq!(a.agency.as_deref(), Some("TASS"));
    assert_body_edges(
        &a,
        "Attacks on the Druzhba oil pipeline threaten",
        "to refineries in Hungary and Slovakia.",
    );
    assert!(!a.body.contains("/TASS/"), "dateline kept in body");
    assert_eq!(names(&a.speakers), ["Maria Zakharova"]);
    assert!(a.organisations.is_empty());
    let zakharova = person(&a, "Maria Zakharova");
    assert_eq!(
        zakharova.role.as_deref(),
        Some("Foreign Ministry spokeswoman")
    );
    assert!(
        zakharova.aliases.iter().any(|x| x == "Zakharova"),
        "aliases {:?}",
        zakharova.aliases
    );
    assert_eq!(kinds(&a), (1, 2));
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 2, 26)));
    assert_quote(
        &a.quotes[1],
        "Maria Zakharova",
        Direct,
        "Those who target the pipeline are hitting Hungarian and Slovak households, not Moscow",
    );
    assert_quote(
        &a.quotes[2],
        "Maria Zakharova",
        Indirect,
        "Russia had informed its partners about the damage in advance",
    );
}

#[test]
fn xinhua_beijing_dateline_and_surname_first_name() {
    let name = "004_xinhua_beijing.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "China, Kazakhstan agree to expand crude pipeline capacity"
    );
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-02-26"));
    assert_eq!(a.location.as_deref(), Some("BEIJING"));
    assert_eq!(a.region, None);
    assert_eq!(a.agency.as_deref(), Some("Xinhua"));
    assert_body_edges(
        &a,
        "China and Kazakhstan have agreed to raise",
        "up 6 percent from the year before.",
    );
    assert!(!a.body.contains("(Xinhua)"));
    // Chinese names put the family name first: "Liu" is Liu Guoqiang, not a second person.
    assert_eq!(names(&a.speakers), ["Liu Guoqiang"]);
    assert!(a.organisations.is_empty());
    let liu = person(&a, "Liu Guoqiang");
    assert_eq!(liu.role.as_deref(), Some("Vice Premier"));
    assert!(
        liu.aliases.iter().any(|x| x == "Liu"),
        "aliases {:?}",
        liu.aliases
    );
    assert_eq!(kinds(&a), (1, 1));
    assert_eq!(
        a.quotes[0].said_on,
        Some(day(2026, 2, 26)),
        "said here Thursday"
    );
    assert_quote(
        &a.quotes[1],
        "Liu Guoqiang",
        Direct,
        "Energy cooperation is a pillar of our comprehensive strategic partnership",
    );
}

#[test]
fn xinhua_region_dateline_story_without_speakers() {
    let name = "005_xinhua_xigaze_no_speaker.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(a.title, "Barley sowing begins early on Tibetan plateau");
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-04-29"));
    assert_eq!(a.location.as_deref(), Some("XIGAZE"));
    assert_eq!(a.region.as_deref(), Some("Tibet"));
    assert_eq!(a.agency.as_deref(), Some("Xinhua"));
    assert_body_edges(
        &a,
        "Farmers in Xigaze began sowing highland barley",
        "the main ingredient of tsampa.",
    );
    assert_eq!(paragraphs(&a), 3);
    assert!(a.speakers.is_empty(), "speakers {:?}", names(&a.speakers));
    assert!(
        a.organisations.is_empty(),
        "organisations {:?}",
        names(&a.organisations)
    );
    assert!(a.quotes.is_empty(), "quotes {:?}", a.quotes);
    assert!(
        a.warnings.is_empty(),
        "a story without quotes is normal: {:?}",
        a.warnings
    );
}
