//! The real Sputnik seed: the "Done when" list of issue 3, field by field.

use dateline::ingest::names::speaker_key;
use dateline::{Format, QuoteKind};

use crate::common::*;

const SEED: &str = "000_c6af6150e0f5301f.txt";

#[test]
fn seed_header_gives_title_source_dates_and_dateline() {
    let a = parse_one(SEED);
    assert_eq!(a.format, Format::Archive);
    assert_eq!(a.record, None);
    assert!(a.path.ends_with(SEED), "path {:?}", a.path);
    assert_eq!(
        a.title,
        "US Prefers to Link Negotiation Tracks on Settlement With Economic Cooperation"
    );
    assert_eq!(a.title_source.as_deref(), Some("Kremlin"));
    assert_eq!(
        rfc3339(&a.published).as_deref(),
        Some("2026-02-26T11:12:00Z")
    );
    assert_eq!(rfc3339(&a.updated).as_deref(), Some("2026-02-26T11:13:00Z"));
    assert_eq!(a.location.as_deref(), Some("MOSCOW"));
    assert_eq!(a.region, None);
    assert_eq!(a.agency.as_deref(), Some("Sputnik"));
    assert_eq!(a.byline, None);
    assert_eq!(a.url, None);
    assert!(a.warnings.is_empty(), "warnings {:?}", a.warnings);
}

#[test]
fn seed_body_drops_credits_captions_and_subscribe() {
    let a = parse_one(SEED);
    assert_body_edges(
        &a,
        "The United States still prefers to fully link the negotiation track",
        "commenting on the situation around the Druzhba oil pipeline.",
    );
    assert_eq!(
        paragraphs(&a),
        14,
        "one paragraph per body line of the seed"
    );
    for debris in [
        "©",
        "Sputnik /",
        "Subscribe",
        "Vitaly Belousov",
        "Spasskaya Tower",
        "GMT",
        "(Sputnik)",
    ] {
        assert!(!a.body.contains(debris), "body keeps {debris:?}");
    }
}

#[test]
fn seed_has_one_speaker_peskov_with_alias_typo_and_role() {
    let a = parse_one(SEED);
    assert_eq!(names(&a.speakers), ["Dmitry Peskov"]);
    assert!(
        a.organisations.is_empty(),
        "organisations {:?}",
        names(&a.organisations)
    );
    let peskov = person(&a, "Dmitry Peskov");
    assert_eq!(peskov.role.as_deref(), Some("Kremlin spokesman"));
    assert_eq!(
        peskov.key,
        speaker_key("Dmitri Peskov"),
        "transliteration variants share a key"
    );
    for alias in ["Peskov", "Prskov"] {
        assert!(
            peskov.aliases.iter().any(|x| x == alias),
            "aliases {:?} lack {alias}",
            peskov.aliases
        );
    }
    assert!(
        !peskov.aliases.iter().any(|x| x.contains("Dmitriev")),
        "aliases {:?}",
        peskov.aliases
    );
    assert!(
        a.quotes.iter().all(|q| q.speaker == "Dmitry Peskov"),
        "every quote is Peskov's"
    );
}

#[test]
fn seed_counts_fourteen_attributions_six_direct() {
    let a = parse_one(SEED);
    let (direct, indirect) = kinds(&a);
    assert_eq!(direct, 6, "six quoted passages");
    // Eight reported sentences, plus at most the two "adding that" clauses.
    assert!((8..=10).contains(&indirect), "indirect quotes: {indirect}");
    assert_eq!(person(&a, "Dmitry Peskov").quotes, a.quotes.len());
}

#[test]
fn seed_quote_texts_and_days() {
    let a = parse_one(SEED);
    let direct = quotes_of(&a, QuoteKind::Direct);
    let peskov = "Dmitry Peskov";
    assert_quote(
        direct[0],
        peskov,
        QuoteKind::Direct,
        "No, it does not mean that. As before, the American side prefers to fully link these two [tracks]",
    );
    assert_quote(
        direct[3],
        peskov,
        QuoteKind::Direct,
        "Dmitriev continues to work on the economic track. He has various contacts",
    );
    assert_quote(
        direct[5],
        peskov,
        QuoteKind::Direct,
        "We can all see a completely understandable and consistent position of Budapest and \
         Bratislava, which defend their economic interests. And we see sabotage by the Kiev regime",
    );
    let indirect = quotes_of(&a, QuoteKind::Indirect);
    assert_quote(
        indirect[0],
        peskov,
        QuoteKind::Indirect,
        "The United States still prefers to fully link the negotiation track on the settlement in \
         Ukraine with the one on economic cooperation with Russia",
    );
    assert_eq!(
        indirect[0].said_on,
        Some(day(2026, 2, 26)),
        "said on Thursday = publication day"
    );
    let find = |needle: &str| indirect.iter().find(|q| q.text.contains(needle)).copied();
    let Some(official) = find("very mixed statements") else {
        panic!("\"the official said\" missed")
    };
    assert_quote(
        official,
        peskov,
        QuoteKind::Indirect,
        "The working process on the Ukrainian settlement continues, and Moscow hears very mixed \
         statements from Ukrainian representatives",
    );
    let Some(ignored) = find("cannot be ignored") else {
        panic!("\"the official said that\" missed")
    };
    assert_quote(
        ignored,
        peskov,
        QuoteKind::Indirect,
        "such an issue cannot be ignored",
    );
    let Some(mistake) = find("biggest mistake") else {
        panic!("\"the spokesman said that\" missed")
    };
    assert!(
        mistake.text.starts_with("trying to determine the stage"),
        "{:?}",
        mistake.text
    );
    let Some(dmitriev) = find("Kirill Dmitriev") else {
        panic!("\"Peskov also said\" missed")
    };
    assert_quote(
        dmitriev,
        peskov,
        QuoteKind::Indirect,
        "Kirill Dmitriev, head of the Russian Direct Investment Fund (RDIF) and Russian special \
         presidential envoy for economic cooperation with foreign countries, continues contacts \
         with Washington in the framework of the working group on economic issues",
    );
    let Some(druzhba) = find("example of sabotage") else {
        panic!("Druzhba sentence missed")
    };
    assert_quote(
        druzhba,
        peskov,
        QuoteKind::Indirect,
        "Ukraine's actions towards the Druzhba oil pipeline are an example of sabotage",
    );
    assert_eq!(druzhba.said_on, Some(day(2026, 2, 26)));
}
