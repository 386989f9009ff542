//! Multi-story files: NDJSON records and Reuters-21578 SGML (`corpus/021`, `corpus/022`).

use dateline::Format;
use dateline::QuoteKind::{Direct, Indirect};

use crate::common::*;

#[test]
fn ndjson_records_become_numbered_articles() {
    let name = "021_records.ndjson";
    let a = parse_all(name);
    assert_eq!(a.len(), 3);
    for (i, article) in a.iter().enumerate() {
        assert_eq!(article.format, Format::Json);
        assert_eq!(article.record, Some(i as u32 + 1));
        assert!(article.path.ends_with(name), "path {:?}", article.path);
        assert_eq!(article.title_source, None);
        assert_eq!(article.updated, None);
    }
    assert_ne!(
        a[0].id, "wire-2026-0107-001",
        "ids derive from content, not the record's id field"
    );

    let cpc = &a[0];
    assert_eq!(
        cpc.title,
        "Kazakhstan raises CPC exports after storm repairs"
    );
    assert_eq!(
        rfc3339(&cpc.published).as_deref(),
        Some("2026-01-07T08:00:00Z")
    );
    assert_eq!(cpc.location.as_deref(), Some("ASTANA"));
    assert_eq!(cpc.agency.as_deref(), Some("Interfax"));
    assert_eq!(cpc.byline.as_deref(), Some("Aigerim Sadykova"));
    assert_eq!(
        cpc.url.as_deref(),
        Some("https://example.org/wire/2026/01/07/cpc")
    );
    assert_body_edges(
        cpc,
        "Oil exports through the Caspian Pipeline Consortium",
        "\"The terminal is working at full capacity again,\" Abenov told reporters.",
    );
    assert_eq!(paragraphs(cpc), 2);
    assert_eq!(names(&cpc.speakers), ["Nurlan Abenov"]);
    assert_eq!(
        person(cpc, "Nurlan Abenov").role.as_deref(),
        Some("Energy Minister")
    );
    assert_eq!(kinds(cpc), (1, 1));
    assert_eq!(
        cpc.quotes[0].said_on,
        Some(day(2026, 1, 7)),
        "said on Wednesday"
    );
    assert_quote(
        &cpc.quotes[1],
        "Nurlan Abenov",
        Direct,
        "The terminal is working at full capacity again",
    );

    let lng = &a[1];
    assert_eq!(lng.title, "Estonia completes LNG terminal link");
    assert_eq!(rfc3339(&lng.published).as_deref(), Some("2026-02-04"));
    assert_eq!(
        (lng.location.as_deref(), lng.agency.as_deref()),
        (Some("TALLINN"), Some("Reuters"))
    );
    assert_eq!((lng.byline.as_deref(), lng.url.as_deref()), (None, None));
    assert_body_edges(
        lng,
        "Estonia has completed the pipeline",
        "The first cargo is due in March.",
    );
    assert!(lng.speakers.is_empty() && lng.organisations.is_empty() && lng.quotes.is_empty());

    let arctic = &a[2];
    assert_eq!(
        arctic.title,
        "Gazprom Neft ships first Arctic cargo of the year"
    );
    assert_eq!(rfc3339(&arctic.published).as_deref(), Some("2026-03-10"));
    assert_eq!(
        (arctic.location.as_deref(), arctic.agency.as_deref()),
        (Some("MOSCOW"), Some("Itar-Tass"))
    );
    assert_eq!(
        arctic.body,
        "The first Arctic crude cargo of the year has left the Varandey terminal for Rotterdam."
    );
    assert!(arctic.speakers.is_empty() && arctic.quotes.is_empty());
}

#[test]
fn sgml_stories_decode_latin1_and_drop_the_reuter_signoff() {
    let name = "022_reuters21578_sample.sgm";
    let a = parse_all(name);
    assert_eq!(a.len(), 2);
    for (i, article) in a.iter().enumerate() {
        assert_eq!(article.format, Format::Sgml);
        assert_eq!(article.record, Some(i as u32 + 1));
        assert!(article.path.ends_with(name), "path {:?}", article.path);
        // The sign-off names the agency; the collection is Reuters' own.
        assert_eq!(article.agency.as_deref(), Some("Reuters"));
        assert_eq!(
            (article.region.as_deref(), article.byline.as_deref()),
            (None, None)
        );
        assert_eq!(
            (article.title_source.as_deref(), article.url.as_deref()),
            (None, None)
        );
        for debris in ["Reuter\n", "&#", "<", "\u{3}", "\u{2}"] {
            assert!(!article.body.contains(debris), "body keeps {debris:?}");
        }
        assert!(!article.body.ends_with("Reuter"), "sign-off kept");
    }

    let hungary = &a[0];
    assert_eq!(
        hungary.title,
        "HUNGARY DRAWS ON CRUDE STOCKS AS DRUZHBA FLOWS SLOW"
    );
    // <DATE> gives a time but no zone: only the day is certain.
    assert_eq!(rfc3339(&hungary.published).as_deref(), Some("2026-02-26"));
    assert_eq!(hungary.location.as_deref(), Some("BUDAPEST"));
    assert_body_edges(
        hungary,
        "Hungary has released 200,000 tonnes of crude from its strategic stocks",
        "about three weeks of the refinery's needs.",
    );
    assert_eq!(
        paragraphs(hungary),
        2,
        "indented lines open paragraphs; wrapped lines are joined"
    );
    assert!(
        hungary.speakers.is_empty(),
        "speakers {:?}",
        names(&hungary.speakers)
    );
    assert_eq!(names(&hungary.organisations), ["Economy Ministry"]);
    assert_eq!(kinds(hungary), (0, 2));
    assert_quote(
        &hungary.quotes[0],
        "Economy Ministry",
        Indirect,
        "Hungary has released 200,000 tonnes of crude from its strategic stocks to keep the \
         Szazhalombatta refinery running while flows on the Druzhba pipeline are reduced",
    );
    assert_quote(
        &hungary.quotes[1],
        "Economy Ministry",
        Indirect,
        "the release would cover about three weeks of the refinery's needs",
    );

    let slovakia = &a[1];
    assert_eq!(slovakia.title, "SLOVAK REFINER CUTS OUTPUT");
    assert_eq!(rfc3339(&slovakia.published).as_deref(), Some("2026-02-27"));
    assert_eq!(slovakia.location.as_deref(), Some("BRATISLAVA"));
    assert_body_edges(
        slovakia,
        "Slovakia's only refinery will cut output by a quarter",
        "Horák told reporters.",
    );
    assert_eq!(names(&slovakia.speakers), ["Ján Horák"]);
    assert_eq!(
        person(slovakia, "Ján Horák").role.as_deref(),
        Some("chief executive")
    );
    assert_eq!(kinds(slovakia), (1, 1));
    assert_quote(
        &slovakia.quotes[1],
        "Ján Horák",
        Direct,
        "We will run at 75 pct until the pipeline is back to normal",
    );
    assert!(slovakia.organisations.is_empty());
}

#[test]
fn every_corpus_file_is_covered_by_a_test() {
    // Adding a file to corpus/ without a test of its fields is the failure this guards.
    let covered = [
        "000_c6af6150e0f5301f.txt",
        "001_reuters_kyiv.txt",
        "002_tokyo_no_agency.txt",
        "003_tass_moscow.txt",
        "004_xinhua_beijing.txt",
        "005_xinhua_xigaze_no_speaker.txt",
        "006_ap_ankara_curly_quotes.txt",
        "007_afp_paris.txt",
        "008_interfax_minsk_guillemets.txt",
        "009_upi_washington.txt",
        "010_reuters_header.txt",
        "011_no_dateline.txt",
        "012_no_date.txt",
        "013_crlf_according_to.txt",
        "014_latin1.txt",
        "015_utf8_bom.txt",
        "016_two_paragraph_quote.txt",
        "017_inverted_said_peskov.txt",
        "018_shared_surname.txt",
        "019_peskov_peskova.txt",
        "020_org_speaker.txt",
        "021_records.ndjson",
        "022_reuters21578_sample.sgm",
    ];
    let mut found: Vec<String> = match std::fs::read_dir("corpus") {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "README.md")
            .collect(),
        Err(e) => panic!("reading corpus/: {e}"),
    };
    found.sort();
    assert_eq!(found, covered);
}
