//! Tests of dateline detection.

use super::*;

fn loc(
    line: &str,
) -> (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
) {
    let d = parse_dateline(line, false).unwrap_or_else(|| panic!("no dateline in {line:?}"));
    let leak = |s: Option<String>| s.map(|s| &*Box::leak(s.into_boxed_str()));
    (leak(d.location), leak(d.region), leak(d.agency))
}

#[test]
fn parses_sputnik_dateline() {
    let line = "MOSCOW (Sputnik) - The United States";
    assert_eq!(loc(line), (Some("MOSCOW"), None, Some("Sputnik")));
    let d = parse_dateline(line, false).unwrap();
    assert_eq!(&line[d.end..], "The United States");
}

#[test]
fn parses_every_listed_agency_style() {
    assert_eq!(
        loc("KYIV, Feb 26 (Reuters) - Text"),
        (Some("KYIV"), None, Some("Reuters"))
    );
    assert_eq!(loc("TOKYO, March 17 - Text"), (Some("TOKYO"), None, None));
    assert_eq!(
        loc("MOSCOW, February 26. /TASS/. Text"),
        (Some("MOSCOW"), None, Some("TASS"))
    );
    assert_eq!(
        loc("BEIJING, Feb. 26 (Xinhua) -- Text"),
        (Some("BEIJING"), None, Some("Xinhua"))
    );
    assert_eq!(
        loc("XIGAZE, Tibet, April 29 (Xinhua) --"),
        (Some("XIGAZE"), Some("Tibet"), Some("Xinhua"))
    );
    assert_eq!(
        loc("XIGAZE, Tibet, April 29 (Xinhua) --Farmers"),
        (Some("XIGAZE"), Some("Tibet"), Some("Xinhua"))
    );
    assert_eq!(
        loc("ANKARA, Turkey (AP) — Text"),
        (Some("ANKARA"), Some("Turkey"), Some("AP"))
    );
    assert_eq!(
        loc("Paris (AFP) – Text"),
        (Some("Paris"), None, Some("AFP"))
    );
    assert_eq!(
        loc("MINSK. July 26 (Interfax) - Text"),
        (Some("MINSK"), None, Some("Interfax"))
    );
    assert_eq!(
        loc("WASHINGTON, Aug. 8 (UPI) -- Text"),
        (Some("WASHINGTON"), None, Some("UPI"))
    );
    assert_eq!(
        loc("CAMBRIDGE, Mass., Dec. 11 (UPI) —"),
        (Some("CAMBRIDGE"), Some("Mass."), Some("UPI"))
    );
    assert_eq!(
        loc("LONDON/SYDNEY (Reuters) - Text"),
        (Some("LONDON/SYDNEY"), None, Some("Reuters"))
    );
    assert_eq!(
        loc("FOSHAN, China  (Reuters) - Text"),
        (Some("FOSHAN"), Some("China"), Some("Reuters"))
    );
    assert_eq!(loc("(Reuters) - Text"), (None, None, Some("Reuters")));
    assert_eq!(
        loc("SEOUL (Yonhap) .- Text"),
        (Some("SEOUL"), None, Some("Yonhap"))
    );
    assert_eq!(
        loc("LONDON (Associated Press) - Text"),
        (Some("LONDON"), None, Some("AP"))
    );
    assert_eq!(
        loc("NEW YORK (Reuters Legal) - Text"),
        (Some("NEW YORK"), None, Some("Reuters"))
    );
    assert_eq!(loc("ST. LOUIS — Text"), (Some("ST. LOUIS"), None, None));
    assert_eq!(loc("THE HAGUE - Text"), (Some("THE HAGUE"), None, None));
    assert_eq!(
        loc("SÃO PAULO (Reuters) - Text"),
        (Some("SÃO PAULO"), None, Some("Reuters"))
    );
    assert_eq!(
        loc("Zürich (dpa) - Text"),
        (Some("Zürich"), None, Some("dpa"))
    );
    assert_eq!(
        loc("NEWPORT NEWS, Va., March 2 - Text"),
        (Some("NEWPORT NEWS"), Some("Va."), None)
    );
    assert_eq!(
        loc("CHARLESTON, S.C.\u{a0}— Text"),
        (Some("CHARLESTON"), Some("S.C."), None)
    );
    assert_eq!(
        loc("KIEL (Germany) (Reuters) - Text"),
        (Some("KIEL"), Some("Germany"), Some("Reuters"))
    );
    assert_eq!(
        loc("MOSCOW, February 26 /ITAR-TASS/. Text"),
        (Some("MOSCOW"), None, Some("Itar-Tass"))
    );
}

#[test]
fn byline_before_city_is_split_off() {
    let d = parse_dateline(
        "By Stanley Carvalho & Mahmoud Habboush ABU DHABI  (Reuters) - Global",
        false,
    )
    .unwrap();
    assert_eq!(
        d.byline.as_deref(),
        Some("Stanley Carvalho & Mahmoud Habboush")
    );
    assert_eq!(d.location.as_deref(), Some("ABU DHABI"));
}

#[test]
fn dateline_date_and_year_are_read() {
    let d = parse_dateline("WASHINGTON, Aug. 8, 2006 (UPI) -- Text", false).unwrap();
    assert_eq!((d.month_day, d.year), (Some((8, 8)), Some(2006)));
    let d = parse_dateline("RIO DE JANEIRO, APRIL 7 - ", true).unwrap();
    assert_eq!(
        (d.location.as_deref(), d.month_day),
        (Some("RIO DE JANEIRO"), Some((4, 7)))
    );
}

#[test]
fn ordinary_sentences_and_headings_are_not_datelines() {
    for line in [
        "Sen. Bernie Sanders (I-Vt.) said on Monday that",
        "Washington - the capital city is busy",
        "ORGANIC GROCERY MARKET Whole Foods first announced",
        "UPDATE 2 - Oil rises",
        "EXCLUSIVE - Talks stall",
        "The Latest: Trump rallies (AP) in Ohio",
        "Mr. Trump (R) - who spoke",
        "NATO-led forces said",
        "WASHINGTON",
        "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal said",
        "WHY IT MATTERS - The vote",
        "BREAKING NEWS - The vote",
    ] {
        assert_eq!(parse_dateline(line, false), None, "{line}");
    }
}

#[test]
fn sgml_field_accepts_a_capitalised_city() {
    let d = parse_dateline("    New York, April 9 - ", true).unwrap();
    assert_eq!(d.location.as_deref(), Some("New York"));
    assert_eq!(parse_dateline("    New York, April 9 - ", false), None);
}

#[test]
fn tass_tag_before_multibyte_text_is_cut_on_a_char_boundary() {
    // Regression: found by the parse_bytes fuzz target (`/TASS/|` then two-byte letters).
    assert_eq!(super::dateline_head("/TASS/|ÚÚ"), Some("/TASS/|"));
    assert_eq!(super::dateline_head("/TASS/Ú"), Some("/TASS/"));
    assert_eq!(
        super::dateline_head("MOSCOW, February 26. /TASS/. Talks"),
        Some("MOSCOW, February 26. /TASS/. ")
    );
}
