//! Dateline styles of issue 3, part two (`corpus/006` to `corpus/010`): em and en dashes, the
//! Interfax dot, UPI's `--`, and the Reuters `-- ` header lines.

use dateline::QuoteKind::{Direct, Indirect};

use crate::common::*;

#[test]
fn ap_dateline_with_country_em_dash_and_curly_quotes() {
    let name = "006_ap_ankara_curly_quotes.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "Turkey offers to host new round of Black Sea shipping talks"
    );
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-03-03"));
    assert_eq!(a.location.as_deref(), Some("ANKARA"));
    assert_eq!(a.region.as_deref(), Some("Turkey"));
    assert_eq!(a.agency.as_deref(), Some("AP"));
    assert_body_edges(
        &a,
        "Turkey is ready to host a new round of talks",
        "Black Sea ports since January.",
    );
    assert!(!a.body.contains('—'), "em dash of the dateline kept");
    assert_eq!(names(&a.speakers), ["Selin Aydin"]);
    assert!(a.organisations.is_empty());
    assert_eq!(
        person(&a, "Selin Aydin").role.as_deref(),
        Some("Foreign Minister")
    );
    assert_eq!(kinds(&a), (1, 1));
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 3, 3)), "said Tuesday");
    assert_quote(
        &a.quotes[1],
        "Selin Aydin",
        Direct,
        "Our door is open to both sides, and our navy can help guarantee the corridor",
    );
}

#[test]
fn afp_dateline_keeps_mixed_case_city_and_en_dash() {
    let name = "007_afp_paris.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "France to lower gas storage target after mild winter"
    );
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-02-13"));
    assert_eq!(a.location.as_deref(), Some("Paris"));
    assert_eq!(a.region, None);
    assert_eq!(a.agency.as_deref(), Some("AFP"));
    assert_body_edges(
        &a,
        "France will lower its mandatory gas storage",
        "80 percent of capacity under a draft decree.",
    );
    assert!(!a.body.contains('–'), "en dash of the dateline kept");
    assert_eq!(names(&a.speakers), ["Claire Dubois"]);
    assert!(
        a.organisations.is_empty(),
        "Les Echos is where she spoke, not a speaker"
    );
    assert_eq!(
        person(&a, "Claire Dubois").role.as_deref(),
        Some("Energy Minister")
    );
    assert_eq!(kinds(&a), (1, 1));
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 2, 13)), "said Friday");
    assert_quote(
        &a.quotes[1],
        "Claire Dubois",
        Direct,
        "We ended the winter with more gas than we feared, so we can ease the burden on suppliers",
    );
}

#[test]
fn interfax_dot_dateline_and_guillemets() {
    let name = "008_interfax_minsk_guillemets.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "Belarus says Druzhba refineries take redirected crude"
    );
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-07-26"));
    assert_eq!(a.location.as_deref(), Some("MINSK"));
    assert_eq!(a.region, None);
    assert_eq!(a.agency.as_deref(), Some("Interfax"));
    assert_body_edges(
        &a,
        "Belarusian refineries are taking crude",
        "two refineries in Mozyr and Novopolotsk.",
    );
    assert_eq!(names(&a.speakers), ["Yuri Savchenko"]);
    assert!(a.organisations.is_empty());
    assert_eq!(
        person(&a, "Yuri Savchenko").role.as_deref(),
        Some("Deputy Energy Minister")
    );
    assert_eq!(kinds(&a), (1, 1));
    assert_eq!(
        a.quotes[0].said_on,
        Some(day(2026, 7, 26)),
        "said on Sunday"
    );
    assert_quote(
        &a.quotes[1],
        "Yuri Savchenko",
        Direct,
        "Pumping to Poland has stopped, but we have redirected the volumes to our own refineries",
    );
}

#[test]
fn upi_dateline_and_day_of_the_statement() {
    let name = "009_upi_washington.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(a.title, "Senate panel advances pipeline safety bill");
    assert_eq!(rfc3339(&a.published).as_deref(), Some("2026-08-08"));
    assert_eq!(a.location.as_deref(), Some("WASHINGTON"));
    assert_eq!(a.region, None);
    assert_eq!(a.agency.as_deref(), Some("UPI"));
    assert_body_edges(
        &a,
        "Pipeline operators that skip safety inspections",
        "where a vote is expected in September.",
    );
    assert_eq!(names(&a.speakers), ["Laura Whitfield"]);
    assert!(
        a.organisations.is_empty(),
        "a senator's statement is still the senator's"
    );
    assert_eq!(
        person(&a, "Laura Whitfield").role.as_deref(),
        Some("Senator")
    );
    assert_eq!(kinds(&a), (1, 1));
    // "advanced on Friday" is inside the reported clause; the statement was made on Saturday.
    assert_eq!(a.quotes[0].said_on, Some(day(2026, 8, 8)));
    assert_quote(
        &a.quotes[0],
        "Laura Whitfield",
        Indirect,
        "Pipeline operators that skip safety inspections would pay twice the current fines under a bill a Senate committee advanced on Friday",
    );
    assert_quote(
        &a.quotes[1],
        "Laura Whitfield",
        Direct,
        "Operators have treated the fines as a cost of doing business, and that ends now",
    );
}

#[test]
fn reuters_header_lines_give_byline_time_zone_and_url() {
    let name = "010_reuters_header.txt";
    let a = parse_one(name);
    assert_plain_single(name, &a);
    assert_eq!(
        a.title,
        "Oil climbs as Druzhba outage tightens European supply"
    );
    assert_eq!(
        rfc3339(&a.published).as_deref(),
        Some("2026-03-05T09:15:00-05:00")
    );
    assert_eq!(a.location.as_deref(), Some("NEW YORK"));
    assert_eq!(a.region, None);
    assert_eq!(a.agency.as_deref(), Some("Reuters"));
    assert_eq!(a.byline.as_deref(), Some("Nadia Brennan"));
    assert_eq!(
        a.url.as_deref(),
        Some("http://www.reuters.com/article/2026/03/05/us-markets-oil-idUSTRE82400120260305")
    );
    assert_body_edges(
        &a,
        "Oil prices rose on Thursday as the outage on Druzhba",
        "that had been shut for maintenance.",
    );
    assert_eq!(paragraphs(&a), 5);
    for debris in ["-- ", "Editing by", "Dana Holt", "http://", "EST"] {
        assert!(!a.body.contains(debris), "body keeps {debris:?}");
    }
    assert_eq!(names(&a.speakers), ["Mark Ridley"]);
    assert!(
        a.organisations.is_empty(),
        "\"government data showed\" is not a speaker"
    );
    let ridley = person(&a, "Mark Ridley");
    assert_eq!(
        ridley.role.as_deref(),
        Some("head of commodity strategy at Fenwick Capital")
    );
    assert_eq!(kinds(&a), (1, 0));
    assert_quote(
        &a.quotes[0],
        "Mark Ridley",
        Direct,
        "The market had priced in a short stoppage, and now it is repricing for weeks",
    );
    assert_eq!(a.quotes[0].said_on, None, "no day given for the statement");
}
